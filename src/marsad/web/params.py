"""The query parameters every event view shares, checked before any query runs."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from marsad.store.search import SORTS, EventFilter

# Each pattern also takes the empty string, which an HTML form sends for an empty field.
DATE = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"
CODE = r"^([A-Za-z]{3})?$"
SECTOR = r"^([A-Za-z]{2,8})?$"
TYPE = r"^([A-Za-z_]{2,20})?$"
MODE = r"^([A-Za-z_\-]{1,30})?$"
QUAD = r"^[1-4]?$"
SORT = "^(" + "|".join(s.replace("-", r"\-") for s in SORTS) + ")$"


def event_filter(
    *,
    since: Annotated[
        str | None, Query(pattern=DATE, description="events dated on or after YYYY[-MM[-DD]]")
    ] = None,
    until: Annotated[
        str | None, Query(pattern=DATE, description="events dated on or before")
    ] = None,
    country: Annotated[
        str | None, Query(pattern=CODE, description="a country code on either side")
    ] = None,
    actor_country: Annotated[str | None, Query(pattern=CODE)] = None,
    actor_sector: Annotated[str | None, Query(pattern=SECTOR, description="e.g. GOV, MIL")] = None,
    recipient_country: Annotated[str | None, Query(pattern=CODE)] = None,
    recipient_sector: Annotated[str | None, Query(pattern=SECTOR)] = None,
    type: Annotated[
        str | None, Query(pattern=TYPE, description="PLOVER event type, e.g. CONSULT")
    ] = None,
    mode: Annotated[str | None, Query(pattern=MODE, description="PLOVER mode, e.g. phone")] = None,
    quad: Annotated[str | None, Query(pattern=QUAD, description="PLOVER quad class 1-4")] = None,
    place: Annotated[
        str | None,
        Query(max_length=100, description="place name (resolved or as written) or its country"),
    ] = None,
    text: Annotated[
        str | None, Query(max_length=200, description="a substring of the record (any language)")
    ] = None,
    cluster: Annotated[str | None, Query(pattern=r"^[0-9a-f]{0,32}$")] = None,
    story_id: Annotated[str | None, Query(max_length=200, description="one article's id")] = None,
) -> EventFilter:
    return EventFilter(
        since=since or None,
        until=until or None,
        country=country or None,
        actor_country=actor_country or None,
        actor_sector=actor_sector or None,
        recipient_country=recipient_country or None,
        recipient_sector=recipient_sector or None,
        event=type or None,
        mode=mode or None,
        quad=int(quad) if quad else None,
        place=(place or "").strip() or None,
        text=(text or "").strip() or None,
        cluster=cluster or None,
        story_id=story_id or None,
    )
