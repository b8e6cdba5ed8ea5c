"""A dyad's events over time: counts by quad class and the PLOVER score per period."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from marsad.errors import InputError
from marsad.store.search import EventFilter, where
from marsad.store.store import Store

INTERVALS = ("day", "week", "month")
_CODE = re.compile(r"[A-Z]{3}")
# What precision a date needs to fall in one period of each interval.
_FINE_ENOUGH = {
    "day": {"day"},
    "week": {"day", "week"},
    "month": {"day", "week", "month"},
}


def _code(value: str, name: str) -> str:
    code = value.strip().upper()
    if not _CODE.fullmatch(code):
        raise InputError(f"{name} must be a three-letter code such as RUS, not {value!r}")
    return code


def period(date: str, interval: str) -> str:
    """The period a date falls in: the day, the Monday of its week, or ``YYYY-MM``."""
    if interval == "month":
        return date[:7]
    day = dt.date.fromisoformat(date[:10])
    if interval == "week":
        day -= dt.timedelta(days=day.weekday())
    return day.isoformat()


def _parties(a: str, b: str | None) -> tuple[str, list[Any]]:
    side = "e.id IN (SELECT n.event_id FROM entities n WHERE n.role = ? AND n.code = ?)"
    if b is None:
        return "e.id IN (SELECT n.event_id FROM entities n WHERE n.code = ?)", [a]
    return (
        f"(({side} AND {side}) OR ({side} AND {side}))",
        ["actor", a, "recipient", b, "actor", b, "recipient", a],
    )


def series(
    store: Store,
    a: str,
    b: str | None = None,
    interval: str = "month",
    flt: EventFilter | None = None,
) -> dict[str, Any]:
    """Per period, the events between ``a`` and ``b`` (either way round; with no ``b``, every
    event ``a`` takes part in): their count, counts by quad class (1 verbal cooperation,
    2 material cooperation, 3 verbal conflict, 4 material conflict), and the mean and sum of
    the PLOVER score. Events dated less precisely than the interval are counted apart."""
    if interval not in INTERVALS:
        raise InputError(f"interval must be day, week or month, not {interval!r}")
    a = _code(a, "a")
    b = _code(b, "b") if b else None
    sql_where, params = where(flt or EventFilter())
    parties, party_params = _parties(a, b)
    sql_where = f"{sql_where} AND {parties}" if sql_where else f"WHERE {parties}"
    rows = store.db.execute(
        f"SELECT e.date, e.date_precision, e.quad_code, e.event_scale, e.actor_code"
        f" FROM events e {sql_where} ORDER BY e.date, e.id",
        (*params, *party_params),
    )
    periods: dict[str, dict[str, Any]] = {}
    coarse = 0
    for date, precision, quad, scale, actor_code in rows:
        if not date or precision not in _FINE_ENOUGH[interval]:
            coarse += 1
            continue
        key = period(date, interval)
        slot = periods.setdefault(
            key,
            {"period": key, "events": 0, "score_sum": 0.0, "quad": {1: 0, 2: 0, 3: 0, 4: 0}},
        )
        slot["events"] += 1
        slot["score_sum"] += float(scale or 0.0)
        if quad in slot["quad"]:
            slot["quad"][quad] += 1
        if b is not None:
            forward = a in (actor_code or "").split(";")
            name = "a_to_b" if forward else "b_to_a"
            slot[name] = slot.get(name, 0) + 1
    points = []
    for key in sorted(periods):
        slot = periods[key]
        points.append(
            {
                "period": key,
                "events": slot["events"],
                "score_mean": round(slot["score_sum"] / slot["events"], 3),
                "score_sum": round(slot["score_sum"], 3),
                "quad": {str(q): n for q, n in slot["quad"].items()},
                **({"a_to_b": slot.get("a_to_b", 0), "b_to_a": slot.get("b_to_a", 0)} if b else {}),
            }
        )
    return {"a": a, "b": b, "interval": interval, "points": points, "coarser_dates": coarse}
