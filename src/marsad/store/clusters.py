"""Event clusters: the mentions, across articles, of one event.

Two events belong to one cluster when they share a cluster key (PLOVER type, sorted country
dyad, resolved place or none) and their days are at most ``WINDOW_DAYS`` apart, directly or
through other mentions (single linkage over days). For one key the clusters are runs of days
with no gap wider than the window, so the result does not depend on the order articles were
saved in, and a cluster's id (a hash of its key and first day) is the same in every store
that holds the same events. Updates are incremental: saving an article re-forms only the
clusters it touches.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from marsad.store.backend import Backend
from marsad.store.rows import cluster_id

WINDOW_DAYS = 1
_CHUNK = 500  # ids bound in one IN (...) list

_MEMBERS = """
SELECT e.id, e.event, e.cluster_key, e.day, e.dyad, e.place_key, e.story_id,
    COALESCE(a.source, '') AS outlet
FROM events e JOIN articles a ON a.id = e.story_id
WHERE e.{column} IN ({marks})
"""
_INSERT = """
INSERT INTO clusters (id, cluster_key, event, dyad, place_key, first_day, last_day, event_id,
    mentions, articles, sources)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


@dataclass(frozen=True, slots=True)
class Member:
    event_id: str
    event: str
    key: str | None
    day: str | None
    dyad: str | None
    place_key: str | None
    story_id: str
    outlet: str  # the article's source, '' when unknown

    @property
    def source(self) -> str:
        """Who reported it: the outlet, or the article itself when the outlet is unknown."""
        return self.outlet or f"article:{self.story_id}"


def clusters_of_story(db: Backend, story_id: str) -> set[str]:
    rows = db.execute(
        "SELECT DISTINCT cluster_id FROM events WHERE story_id = ? AND cluster_id IS NOT NULL",
        (story_id,),
    )
    return {row[0] for row in rows}


def recluster(db: Backend, touched: set[str], new_event_ids: list[str]) -> None:
    """Re-form the clusters of ``touched`` (clusters that lost members) and of the newly
    inserted events (whose ``cluster_id`` is still NULL), inside the caller's transaction."""
    new = _members(db, "id", new_event_ids)
    touched = set(touched)
    for member in new:
        if member.key is not None and member.day is not None:
            low, high = _window(member.day)
            found = db.execute(
                "SELECT DISTINCT cluster_id FROM events WHERE cluster_key = ? AND day >= ?"
                " AND day <= ? AND cluster_id IS NOT NULL",
                (member.key, low, high),
            )
            touched.update(row[0] for row in found)
    members = {m.event_id: m for m in _members(db, "cluster_id", sorted(touched))}
    members.update((m.event_id, m) for m in new)
    for chunk in _chunks(sorted(touched)):
        db.execute(f"DELETE FROM clusters WHERE id IN ({_marks(chunk)})", chunk)
    rows: list[tuple[object, ...]] = []
    assignments: list[tuple[str, str]] = []
    for group in _components(members.values()):
        first = min(group, key=lambda m: (m.day or "", m.event_id))
        ident = cluster_id(first.key, first.day, first.event_id)
        days = sorted(m.day for m in group if m.day)
        rows.append(
            (
                ident,
                first.key,
                first.event,
                first.dyad,
                first.place_key,
                days[0] if days else None,
                days[-1] if days else None,
                first.event_id,
                len(group),
                len({m.story_id for m in group}),
                len({m.source for m in group}),
            )
        )
        assignments.extend((ident, m.event_id) for m in group)
    db.executemany(_INSERT, rows)
    db.executemany("UPDATE events SET cluster_id = ? WHERE id = ?", assignments)


def _members(db: Backend, column: str, values: list[str]) -> list[Member]:
    found: list[Member] = []
    for chunk in _chunks(values):
        rows = db.execute(_MEMBERS.format(column=column, marks=_marks(chunk)), chunk)
        found.extend(Member(*row) for row in rows)
    return found


def _components(members: Iterable[Member]) -> list[list[Member]]:
    """Lone events alone; the others by key, split where days are more than a window apart."""
    by_key: dict[str, list[Member]] = defaultdict(list)
    groups: list[list[Member]] = []
    for member in members:
        if member.key is None or member.day is None:
            groups.append([member])
        else:
            by_key[member.key].append(member)
    for key in sorted(by_key):
        ordered = sorted(by_key[key], key=lambda m: (m.day or "", m.event_id))
        current = [ordered[0]]
        for member in ordered[1:]:
            if _gap(current[-1].day, member.day) > WINDOW_DAYS:
                groups.append(current)
                current = []
            current.append(member)
        groups.append(current)
    return groups


def _day(value: str | None) -> dt.date:
    assert value is not None
    return dt.date.fromisoformat(value)


def _gap(earlier: str | None, later: str | None) -> int:
    return (_day(later) - _day(earlier)).days


def _window(day: str) -> tuple[str, str]:
    center = _day(day)
    delta = dt.timedelta(days=WINDOW_DAYS)
    return (center - delta).isoformat(), (center + delta).isoformat()


def _marks(values: list[str]) -> str:
    return ", ".join("?" * len(values))


def _chunks(values: list[str]) -> Iterable[list[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
