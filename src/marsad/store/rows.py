"""What the store writes for one article: its row, and for each event the event row, one row
per actor and recipient (``entities``) and the place (``places``)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.ids import article_id
from marsad.types import ActorRef, Article, EventRecord

INSERT_EVENT = """
INSERT INTO events (id, story_id, date, date_precision, event, mode, quad_code, event_scale,
    actor_code, recipient_code, record_json, cameo, day, dyad, place_key, cluster_key)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_ENTITY = """
INSERT INTO entities (event_id, role, position, code, sector, entity_text, identifier, office,
    start_char, end_char)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
INSERT_PLACE = """
INSERT INTO places (event_id, extracted_place, resolved_place, geonameid, lat, lon, admin1,
    country_code, feature, resolution)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
UPSERT_ARTICLE = """
INSERT INTO articles (id, text, date, title, url, source, language, coded_at, text_hash)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    text = excluded.text, date = excluded.date, title = excluded.title, url = excluded.url,
    source = excluded.source, language = excluded.language, coded_at = excluded.coded_at,
    text_hash = excluded.text_hash
"""


def text_hash(article: Article) -> str:
    """What a rerun compares to tell an article already saved from a changed one."""
    return article_id(article.text)


def codes(refs: Iterable[ActorRef]) -> str | None:
    """Distinct actor codes in order, joined with ';' (NULL when none is known)."""
    found = dict.fromkeys(ref.code for ref in refs if ref.code)
    return ";".join(found) or None


def dyad(event: EventRecord) -> str | None:
    """The two sides' country codes, each side sorted, the pair sorted: 'A MEET B' and
    'B MEET A' share one dyad. None when no side has a known code."""
    sides = sorted(";".join(sorted({r.code for r in refs if r.code})) for refs in _sides(event))
    return "|".join(sides) if any(sides) else None


def _sides(event: EventRecord) -> tuple[tuple[ActorRef, ...], tuple[ActorRef, ...]]:
    return event.actor, event.recipient


def place_key(event: EventRecord) -> str:
    """The resolved place ('g:' geonames id, else 'n:' name); '' when not resolved."""
    place = event.place
    if place is None:
        return ""
    if place.geonameid is not None:
        return f"g:{place.geonameid}"
    return f"n:{place.resolved_place}" if place.resolved_place else ""


def cluster_key(event: EventRecord) -> str | None:
    """Events with one key and days at most a day apart are one cluster. None: the event
    stands alone (no day-precise date, or no known country on either side)."""
    found = dyad(event)
    if event.date is None or found is None or not _is_day(event.date.value):
        return None
    return f"{event.event}\t{found}\t{place_key(event)}"


def _is_day(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return len(value) == 10


def cluster_id(key: str | None, first_day: str | None, event_id: str) -> str:
    """Stable: the key and first day of a cluster, or the event id of a lone event."""
    seed = f"{key}\t{first_day}" if key is not None else f"event\t{event_id}"
    return hashlib.sha1(seed.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def article_row(article: Article, coded_at: str) -> tuple[Any, ...]:
    return (
        article.id,
        article.text,
        article.date,
        article.title,
        article.url,
        article.source,
        article.language,
        coded_at,
        text_hash(article),
    )


@dataclass(frozen=True, slots=True)
class EventRows:
    event: tuple[Any, ...]
    entities: list[tuple[Any, ...]]
    place: tuple[Any, ...] | None


def event_rows(article: Article, event: EventRecord) -> EventRows:
    record = event.to_plover(article.text)
    key = cluster_key(event)
    day = event.date.value if key is not None and event.date is not None else None
    row = (
        event.id,
        article.id,
        record["date"],
        record["date_precision"],
        event.event,
        event.mode,
        event.quad_code,
        event.event_scale,
        codes(event.actor),
        codes(event.recipient),
        json.dumps(record, ensure_ascii=False),
        event.cameo,
        day,
        dyad(event),
        place_key(event),
        key,
    )
    entities = [
        _entity_row(event.id, role, n, ref)
        for role, refs in (("actor", event.actor), ("recipient", event.recipient))
        for n, ref in enumerate(refs)
    ]
    return EventRows(row, entities, _place_row(event))


def _entity_row(event_id: str, role: str, position: int, ref: ActorRef) -> tuple[Any, ...]:
    return (
        event_id,
        role,
        position,
        ref.code,
        ref.sector,
        ref.entity_text,
        ref.identifier,
        ref.office,
        ref.span.start,
        ref.span.end,
    )


def _place_row(event: EventRecord) -> tuple[Any, ...] | None:
    place = event.place
    if place is None:
        return None
    return (
        event.id,
        place.extracted_place,
        place.resolved_place,
        place.geonameid,
        place.lat,
        place.lon,
        place.admin1,
        place.country_code,
        place.feature,
        place.resolution,
    )


def unique_events(events: Sequence[EventRecord]) -> list[EventRecord]:
    """The first event of each id: an id is stored once."""
    seen: dict[str, EventRecord] = {}
    for event in events:
        seen.setdefault(event.id, event)
    return list(seen.values())
