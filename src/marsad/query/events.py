"""Pages of stored events, and one event with its article, for the CLI and the HTTP API."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import InputError
from marsad.query.evidence import stored_marks
from marsad.store.search import EventFilter, order_by, where
from marsad.store.store import Store

MAX_PER_PAGE = 500
MAX_OFFSET = 1_000_000


@dataclass(frozen=True, slots=True)
class Page:
    """One page of events: PLOVER records, each with its ``cluster_id``."""

    items: list[dict[str, Any]]
    total: int
    page: int
    per_page: int
    sort: str
    filters: dict[str, Any] = field(default_factory=dict)

    @property
    def pages(self) -> int:
        return max(1, -(-self.total // self.per_page))

    def to_json(self) -> dict[str, Any]:
        return {
            "total": self.total,
            "page": self.page,
            "per_page": self.per_page,
            "pages": self.pages,
            "sort": self.sort,
            "filters": self.filters,
            "items": self.items,
        }


class TotalCache:
    """Recent totals of filtered counts, so that paging through a filter counts it once: a
    server serving a store keeps one (an ingest running beside it shows in the totals within
    ``seconds``). Safe to share between threads."""

    def __init__(self, seconds: float = 10.0, size: int = 1024) -> None:
        self.seconds = seconds
        self.size = size
        self._totals: dict[tuple[Any, ...], tuple[float, int]] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple[Any, ...], count: Callable[[], int]) -> int:
        now = time.monotonic()
        with self._lock:
            hit = self._totals.get(key)
        if hit is not None and now - hit[0] < self.seconds:
            return hit[1]
        total = count()
        with self._lock:
            if len(self._totals) >= self.size:
                self._totals.clear()
            self._totals[key] = (now, total)
        return total


def filter_json(flt: EventFilter) -> dict[str, Any]:
    """The filter's set fields, as given."""
    return {name: getattr(flt, name) for name in flt.__slots__ if getattr(flt, name) is not None}


def search_events(
    store: Store,
    flt: EventFilter | None = None,
    *,
    page: int = 1,
    per_page: int = 50,
    sort: str = "-date",
    totals: TotalCache | None = None,
) -> Page:
    """The events a filter selects, one page of them, in the order ``sort`` names; the total
    comes from ``totals`` when it counted the same filter lately."""
    flt = flt or EventFilter()
    if page < 1:
        raise InputError(f"page must be 1 or more, not {page}")
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise InputError(f"per_page must be between 1 and {MAX_PER_PAGE}, not {per_page}")
    offset = (page - 1) * per_page
    if offset > MAX_OFFSET:
        raise InputError(f"page {page} is too far: narrow the filters instead")
    sql_where, params = where(flt)

    def count() -> int:
        ((n,),) = store.db.execute(f"SELECT count(*) FROM events e {sql_where}", params)
        return int(n)

    total = totals.get((store.path, sql_where, params), count) if totals else count()
    rows = store.db.execute(
        f"SELECT e.record_json, e.cluster_id FROM events e {sql_where}"
        f" ORDER BY {order_by(sort)} LIMIT ? OFFSET ?",
        (*params, per_page, offset),
    )
    items = [{**json.loads(record), "cluster_id": cluster} for record, cluster in rows]
    return Page(items, total, page, per_page, sort, filter_json(flt))


def iter_records(
    store: Store, flt: EventFilter | None = None, limit: int | None = None
) -> Iterator[dict[str, Any]]:
    """The PLOVER records a filter selects, oldest first (undated last), streamed: what
    ``marsad events`` prints."""
    if limit is not None and limit < 0:
        raise InputError(f"limit must be 0 or more, not {limit}")
    sql_where, params = where(flt or EventFilter())
    sql = f"SELECT e.record_json FROM events e {sql_where} ORDER BY {order_by('date')}"
    if limit is not None:
        sql, params = sql + " LIMIT ?", (*params, limit)
    for (record,) in store.db.iterate(sql, params):
        yield json.loads(record)


def get_event(store: Store, event_id: str) -> dict[str, Any] | None:
    """One event with its article, its parties' offsets, the marks to highlight and the
    coding decisions; None when no event has this id."""
    found = store.db.execute(
        "SELECT e.record_json, e.cluster_id, a.id, a.text, a.date, a.title, a.url, a.source"
        " FROM events e JOIN articles a ON a.id = e.story_id WHERE e.id = ?",
        (event_id,),
    )
    if not found:
        return None
    record_json, cluster_id, story_id, text, date, title, url, source = found[0]
    record = json.loads(record_json)
    names, rows = store.db.query(
        "SELECT role, position, code, sector, entity_text, identifier, office,"
        ' start_char AS start, end_char AS "end" FROM entities WHERE event_id = ?'
        " ORDER BY role, position",
        (event_id,),
    )
    parties = [dict(zip(names, row, strict=True)) for row in rows]
    siblings = store.db.execute(
        "SELECT id, event, date FROM events WHERE story_id = ? ORDER BY id", (story_id,)
    )
    marks, decisions = stored_marks(record, parties, text, date)
    return {
        "event": {**record, "cluster_id": cluster_id},
        "article": {
            "id": story_id,
            "title": title,
            "date": date,
            "url": url,
            "source": source,
            "text": text,
        },
        "parties": parties,
        "marks": marks,
        "decisions": decisions,
        "article_events": [{"id": i, "event": t, "date": d} for i, t, d in siblings],
    }
