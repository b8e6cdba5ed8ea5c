"""Which stored events a filter selects, as a SQL ``WHERE`` clause with bound parameters.

Shared by the exports, ``marsad.query`` and so the HTTP API: every value a user gives goes
into the parameters, never into the SQL text. The SQL names its tables ``e`` (events).
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from typing import Any

from marsad.errors import InputError

# The orders a page of events can be sorted in; names are what users pass.
SORTS: dict[str, str] = {
    "date": "e.date ASC NULLS LAST, e.id",  # undated last; both forms use events(date, id)
    "-date": "e.date DESC NULLS LAST, e.id DESC",
    "score": "e.event_scale, e.date DESC NULLS LAST, e.id",
    "-score": "e.event_scale DESC, e.date DESC NULLS LAST, e.id",
    "type": "e.event, e.date DESC NULLS LAST, e.id",
    "id": "e.id",
}


@dataclass(frozen=True, slots=True)
class EventFilter:
    """Every field left ``None`` selects everything. Dates compare as text, so "2021-05"
    sorts before "2021-05-01" and ``until="2021-05"`` leaves out days of May."""

    since: str | None = None
    until: str | None = None
    country: str | None = None  # a country code on either side
    actor_country: str | None = None
    actor_sector: str | None = None
    recipient_country: str | None = None
    recipient_sector: str | None = None
    event: str | None = None  # PLOVER type
    mode: str | None = None
    quad: int | None = None  # PLOVER quad class 1-4
    place: str | None = None  # resolved or written place name, or the place's country code
    text: str | None = None  # a substring of the record: phrases, trigger, clause, reason
    cluster: str | None = None
    story_id: str | None = None

    def is_empty(self) -> bool:
        return all(getattr(self, f.name) is None for f in fields(self))


def _upper(value: str | None) -> str | None:
    return value.strip().upper() if value else None


def _like(value: str) -> str:
    """A LIKE pattern matching ``value`` anywhere, its wildcards taken literally."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped.lower()}%"


def _party(role: str, code: str | None, sector: str | None) -> tuple[str, list[Any]] | None:
    """Events with a party of this role, code and sector. An uncorrelated ``IN`` (the set is
    built once) rather than ``EXISTS`` per event, which SQLite would run through the code
    index for every row."""
    if code is None and sector is None:
        return None
    clauses, params = [], []
    for column, value in (("n.role", role or None), ("n.code", code), ("n.sector", sector)):
        if value is not None:
            clauses.append(f"{column} = ?")
            params.append(value)
    return f"e.id IN (SELECT n.event_id FROM entities n WHERE {' AND '.join(clauses)})", params


def where(flt: EventFilter) -> tuple[str, tuple[Any, ...]]:
    """``("WHERE ...", params)``, or ``("", ())`` for an empty filter."""
    if flt.quad is not None and flt.quad not in (1, 2, 3, 4):
        raise InputError(f"quad must be 1, 2, 3 or 4, not {flt.quad}")
    clauses: list[str] = []
    params: list[Any] = []
    for clause, value in (
        ("e.date >= ?", flt.since),
        ("e.date <= ?", flt.until),
        ("e.event = ?", _upper(flt.event)),
        ("e.mode = ?", flt.mode.strip().lower() if flt.mode else None),
        ("e.quad_code = ?", flt.quad),
        ("e.cluster_id = ?", flt.cluster),
        ("e.story_id = ?", flt.story_id),
    ):
        if value is not None:
            clauses.append(clause)
            params.append(value)
    for party in (
        _party("", _upper(flt.country), None),
        _party("actor", _upper(flt.actor_country), _upper(flt.actor_sector)),
        _party("recipient", _upper(flt.recipient_country), _upper(flt.recipient_sector)),
    ):
        if party is not None:
            clauses.append(party[0])
            params.extend(party[1])
    if flt.place:
        clauses.append(
            "e.id IN (SELECT p.event_id FROM places p WHERE lower(p.resolved_place) = ?"
            " OR p.extracted_place = ? OR p.country_code = ?)"
        )
        place = flt.place.strip()
        params.extend([place.lower(), place, place.upper()])
    if flt.text:
        clauses.append("lower(e.record_json) LIKE ? ESCAPE '\\'")
        params.append(_like(flt.text.strip()))
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def order_by(sort: str) -> str:
    """The ORDER BY terms of a sort name (a fixed string from ``SORTS``)."""
    try:
        return SORTS[sort]
    except KeyError:
        raise InputError(f"unknown sort {sort!r}: choose one of {', '.join(SORTS)}") from None
