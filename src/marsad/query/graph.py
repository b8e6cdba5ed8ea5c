"""Who takes part, who acts on whom, and where: actors, the actor network, located events,
and the store's counts."""

from __future__ import annotations

from typing import Any

from marsad.errors import InputError
from marsad.store.search import EventFilter, where
from marsad.store.stats import store_stats
from marsad.store.store import Store

MAX_LIMIT = 10_000


def _limit(limit: int) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise InputError(f"limit must be between 1 and {MAX_LIMIT}, not {limit}")
    return limit


def _selected(flt: EventFilter | None, column: str) -> tuple[str, tuple[Any, ...]]:
    """``AND column IN (events the filter selects)``, or nothing for no filter."""
    if flt is None or flt.is_empty():
        return "", ()
    sql_where, params = where(flt)
    return f" AND {column} IN (SELECT e.id FROM events e {sql_where})", params


def actors(
    store: Store, flt: EventFilter | None = None, *, limit: int = 100
) -> list[dict[str, Any]]:
    """Country (and group) codes by the number of events they take part in, as actor and as
    recipient, with the sectors they appear with."""
    extra, params = _selected(flt, "n.event_id")
    rows = store.db.execute(
        "SELECT n.code, n.role, n.sector, count(DISTINCT n.event_id) FROM entities n"
        f" WHERE n.code IS NOT NULL{extra} GROUP BY n.code, n.role, n.sector",
        params,
    )
    found: dict[str, dict[str, Any]] = {}
    for code, role, sector, count in rows:
        slot = found.setdefault(code, {"code": code, "actor": 0, "recipient": 0, "sectors": {}})
        slot[role] += int(count)
        key = sector or "-"
        slot["sectors"][key] = slot["sectors"].get(key, 0) + int(count)
    ranked = sorted(found.values(), key=lambda s: (-(s["actor"] + s["recipient"]), s["code"]))
    for slot in ranked:
        slot["events"] = slot["actor"] + slot["recipient"]
    return ranked[: _limit(limit)]


def network(store: Store, flt: EventFilter | None = None, *, limit: int = 300) -> dict[str, Any]:
    """Directed edges actor code -> recipient code, weighted by events, with counts by quad
    class and the class most of them have; nodes weighted by the events they are in."""
    sql_where, params = where(flt or EventFilter())
    joined = "n1.code IS NOT NULL AND n2.code IS NOT NULL AND n1.code <> n2.code"
    sql_where = f"{sql_where} AND {joined}" if sql_where else f"WHERE {joined}"
    rows = store.db.execute(
        "SELECT n1.code, n2.code, e.quad_code, count(DISTINCT e.id) FROM events e"
        " JOIN entities n1 ON n1.event_id = e.id AND n1.role = 'actor'"
        " JOIN entities n2 ON n2.event_id = e.id AND n2.role = 'recipient'"
        f" {sql_where} GROUP BY n1.code, n2.code, e.quad_code",
        params,
    )
    edges: dict[tuple[str, str], dict[str, Any]] = {}
    for source, target, quad, count in rows:
        edge = edges.setdefault(
            (source, target),
            {"source": source, "target": target, "weight": 0, "quad": {}},
        )
        edge["weight"] += int(count)
        edge["quad"][str(quad)] = edge["quad"].get(str(quad), 0) + int(count)
    kept = sorted(edges.values(), key=lambda e: (-e["weight"], e["source"], e["target"]))
    kept = kept[: _limit(limit)]
    nodes: dict[str, int] = {}
    for edge in kept:
        edge["main_quad"] = int(max(edge["quad"], key=lambda q: (edge["quad"][q], -int(q))))
        for code in (edge["source"], edge["target"]):
            nodes[code] = nodes.get(code, 0) + edge["weight"]
    return {
        "nodes": [{"id": c, "weight": w} for c, w in sorted(nodes.items(), key=lambda i: -i[1])],
        "edges": kept,
    }


def located(store: Store, flt: EventFilter | None = None, *, limit: int = 2000) -> dict[str, Any]:
    """Events with a resolved place that has coordinates, latest first."""
    sql_where, params = where(flt or EventFilter())
    has = "p.lat IS NOT NULL AND p.lon IS NOT NULL"
    sql_where = f"{sql_where} AND {has}" if sql_where else f"WHERE {has}"
    names, rows = store.db.query(
        "SELECT e.id, e.date, e.event, e.mode, e.quad_code, e.actor_code, e.recipient_code,"
        " p.extracted_place, p.resolved_place, p.country_code, p.lat, p.lon, p.resolution"
        f" FROM events e JOIN places p ON p.event_id = e.id {sql_where}"
        " ORDER BY e.date DESC NULLS LAST, e.id LIMIT ?",
        (*params, _limit(limit)),
    )
    ((total,),) = store.db.execute(
        f"SELECT count(*) FROM events e JOIN places p ON p.event_id = e.id {sql_where}", params
    )
    return {"total": int(total), "items": [dict(zip(names, r, strict=True)) for r in rows]}


def summary(store: Store) -> dict[str, Any]:
    """``marsad stats`` and more: the date range, events by quad class and by mode."""
    stats = store_stats(store)
    ((first, last),) = store.db.execute("SELECT min(date), max(date) FROM events")
    by_quad = store.db.execute(
        "SELECT quad_code, count(*) FROM events GROUP BY quad_code ORDER BY quad_code"
    )
    located_count = store.db.execute("SELECT count(*) FROM places WHERE lat IS NOT NULL")
    return {
        **stats,
        "first_date": first,
        "last_date": last,
        "located_events": int(located_count[0][0]),
        "by_quad": {str(q): int(n) for q, n in by_quad},
    }
