"""Events out of the store, at three levels, with filters.

``mention``: every stored event, with the counts of the cluster it belongs to.
``cluster``: one record a cluster (its earliest mention), with the cluster's counts and the
ids of every mention. ``daily``: one record a day, dyad and event type (the "one-a-day"
view), with the counts of the mentions it stands for.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

from marsad.errors import StoreError
from marsad.store.search import EventFilter, where
from marsad.store.store import Store

Level = Literal["mention", "cluster", "daily"]
LEVELS: tuple[Level, ...] = ("mention", "cluster", "daily")

_SELECT = """
SELECT e.record_json, e.id, e.date, e.event, e.dyad, e.cluster_id,
    COALESCE(c.mentions, 1), COALESCE(c.articles, 1), COALESCE(c.sources, 1),
    a.source, a.url
FROM events e
JOIN articles a ON a.id = e.story_id
LEFT JOIN clusters c ON c.id = e.cluster_id
"""


@dataclass(frozen=True, slots=True)
class Filters:
    since: str | None = None  # dates compare as text: "2021-05" sorts before "2021-05-01"
    until: str | None = None
    country: str | None = None  # an actor's or a recipient's country code
    event: str | None = None  # PLOVER type
    cluster: str | None = None  # one cluster's id


@dataclass(frozen=True, slots=True)
class Item:
    """One exported record: a PLOVER record and what the store knows around it."""

    record: dict[str, Any]
    cluster_id: str | None
    mentions: int
    articles: int
    sources: int
    outlet: str | None
    url: str | None
    members: tuple[str, ...] = ()  # event ids of the mentions, at cluster and daily level

    def to_json(self, level: Level) -> dict[str, Any]:
        """The PLOVER record with a ``cluster`` object (and ``members`` above mention level)."""
        extra: dict[str, Any] = {
            "id": self.cluster_id,
            "mentions": self.mentions,
            "articles": self.articles,
            "sources": self.sources,
        }
        if level != "mention":
            extra["members"] = list(self.members)
        return {**self.record, "outlet": self.outlet, "url": self.url, "cluster": extra}


def export_items(
    store: Store, level: Level = "mention", filters: Filters = Filters()
) -> Iterator[Item]:
    if level not in LEVELS:
        raise StoreError(f"unknown level {level!r}: choose mention, cluster or daily")
    where, params = _where(filters)
    if level == "mention":
        query = f"{_SELECT} {where} ORDER BY e.date IS NULL, e.date, e.id"
        for row in store.db.iterate(query, params):
            yield _item(row)
    elif level == "cluster":
        yield from _clusters(store, where, params)
    else:
        yield from _daily(store, where, params)


def _where(filters: Filters) -> tuple[str, tuple[Any, ...]]:
    return where(
        EventFilter(
            since=filters.since,
            until=filters.until,
            country=filters.country,
            event=filters.event,
            cluster=filters.cluster,
        )
    )


def _item(row: tuple[Any, ...], members: tuple[str, ...] = ()) -> Item:
    record_json, _, _, _, _, cluster_id, mentions, articles, sources, outlet, url = row
    return Item(
        json.loads(record_json),
        cluster_id,
        int(mentions),
        int(articles),
        int(sources),
        outlet,
        url,
        members,
    )


def _clusters(store: Store, where: str, params: tuple[Any, ...]) -> Iterator[Item]:
    """Clusters whose earliest mention passes the filters, with every mention's id."""
    members: dict[str, list[str]] = {}
    for cluster, event_id in store.db.iterate(
        "SELECT cluster_id, id FROM events WHERE cluster_id IS NOT NULL ORDER BY cluster_id, id"
    ):
        members.setdefault(cluster, []).append(event_id)
    first = "e.id IN (SELECT event_id FROM clusters)"
    where = f"{where} AND {first}" if where else f"WHERE {first}"
    query = f"{_SELECT} {where} ORDER BY e.date IS NULL, e.date, e.id"
    for row in store.db.iterate(query, params):
        yield _item(row, tuple(members.get(row[5], [row[1]])))


def _daily(store: Store, where: str, params: tuple[Any, ...]) -> Iterator[Item]:
    """Mentions grouped by date, dyad and type; the first (by id) stands for the group."""
    query = f"{_SELECT} {where} ORDER BY e.date IS NULL, e.date, e.event, e.dyad, e.id"
    group: list[tuple[Any, ...]] = []
    for row in store.db.iterate(query, params):
        if group and _day_key(group[0]) != _day_key(row):
            yield _day_item(group)
            group = []
        group.append(row)
    if group:
        yield _day_item(group)


def _day_key(row: tuple[Any, ...]) -> tuple[Any, ...]:
    _, event_id, date, event, dyad = row[:5]
    # undated events, and events with no known country, are days of their own
    return (date, event, dyad) if date and dyad else (event_id,)


def _day_item(group: list[tuple[Any, ...]]) -> Item:
    first = _item(group[0], tuple(row[1] for row in group))
    outlets = {row[9] or f"article:{json.loads(row[0])['story_id']}" for row in group}
    stories = {json.loads(row[0])["story_id"] for row in group}
    return Item(
        first.record,
        None,
        len(group),
        len(stories),
        len(outlets),
        first.outlet,
        first.url,
        first.members,
    )
