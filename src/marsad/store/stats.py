"""What a store holds, counted: articles, events, clusters, errors, by type and by country."""

from __future__ import annotations

from typing import Any

from marsad.store.store import Store


def store_stats(store: Store) -> dict[str, Any]:
    """Counts; ``by_country`` counts the events a country takes part in (either side)."""
    db = store.db
    by_type = db.execute("SELECT event, count(*) FROM events GROUP BY event ORDER BY event")
    by_country = db.execute(
        "SELECT code, count(DISTINCT event_id) FROM entities WHERE code IS NOT NULL"
        " GROUP BY code ORDER BY count(DISTINCT event_id) DESC, code"
    )
    ((runs, unfinished),) = db.execute("SELECT count(*), count(*) - count(finished) FROM runs")
    return {
        "store": store.path,
        "articles": store.count_articles(),
        "events": store.count_events(),
        "clusters": store.count_clusters(),
        "errors": store.count_errors(),
        "runs": int(runs),
        "unfinished_runs": int(unfinished),
        "by_type": {event: int(n) for event, n in by_type},
        "by_country": {code: int(n) for code, n in by_country},
    }


def render_stats(stats: dict[str, Any]) -> str:
    """Aligned ``name  count`` lines for reading."""
    lines = [f"store     {stats['store']}"]
    for key in ("articles", "events", "clusters", "errors", "runs", "unfinished_runs"):
        lines.append(f"{key.replace('_', ' '):<16}{stats[key]:>10,}")
    for title, key in (("by type", "by_type"), ("by country", "by_country")):
        lines.append(title)
        lines.extend(f"  {name:<14}{count:>10,}" for name, count in stats[key].items())
    return "\n".join(lines)
