"""The store: articles, their PLOVER events, who took part, where, event clusters, runs and
the errors met on the way - in SQLite (a file) or PostgreSQL (a URL), one schema.

Every write binds its values as parameters; no SQL is ever built from input text. Saving an
article is one transaction: the article, its events, their entities and places, and the
clusters they join are all written, or none is. So a run killed at any moment leaves whole
articles only, and a rerun (which skips articles saved with the same id and text) ends where
a clean run ends.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from types import TracebackType
from typing import Any

from marsad.errors import StoreError
from marsad.store.backend import Backend, PostgresBackend, connect
from marsad.store.clusters import clusters_of_story, recluster
from marsad.store.migrations import MIGRATIONS, applied, migrate, now
from marsad.store.rows import (
    INSERT_ENTITY,
    INSERT_EVENT,
    INSERT_PLACE,
    UPSERT_ARTICLE,
    article_row,
    event_rows,
    text_hash,
    unique_events,
)
from marsad.types import Article, Document, EventRecord

_ORDER = " ORDER BY date IS NULL, date, id"


def open_store(url: str | None = None, *, create: bool = True) -> Store:
    """Open (and create or migrate) the store a URL names: a SQLite path or
    ``sqlite:///PATH`` (default ``$MARSAD_DB``, else ``marsad.db``), or ``postgresql://...``.
    ``create=False`` refuses a SQLite file that does not exist."""
    db = connect(url, create=create)
    try:
        unknown = set(applied(db)) - {m.name for m in MIGRATIONS}
        if unknown:
            raise StoreError(
                f"{db.where} was written by a newer marsad (migrations {sorted(unknown)}); upgrade"
            )
        if isinstance(db, PostgresBackend):
            with db.migration_lock():
                migrate(db)
        else:
            migrate(db)
    except StoreError as exc:
        db.close()
        message = str(exc.args[0])
        if db.kind == "sqlite" and not message.startswith(("cannot", db.where + " was")):
            message = f"cannot use the store {message}"
        raise StoreError(message) from exc
    return Store(db)


class Store:
    """An open store. Use ``open_store``; close it, or use it as a context manager."""

    def __init__(self, db: Backend) -> None:
        self.db = db
        self.path = db.where  # the file, or the URL without its password
        self.kind = db.kind

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    # -- writing ----------------------------------------------------------------------------

    def save(self, item: Document | Article, events: Iterable[EventRecord] | None = None) -> int:
        """Upsert the article, replace its events, re-form the clusters they touch; return
        how many events were saved. Given a ``Document``, its events are saved unless
        ``events`` is passed."""
        article = item.article if isinstance(item, Document) else item
        if events is None:
            events = item.events if isinstance(item, Document) else ()
        rows = [event_rows(article, event) for event in unique_events(list(events))]
        with self.db.transaction(serialise=True):
            touched = clusters_of_story(self.db, article.id)
            self.db.execute(UPSERT_ARTICLE, article_row(article, now()))
            self.db.execute("DELETE FROM events WHERE story_id = ?", (article.id,))
            self.db.executemany(INSERT_EVENT, [r.event for r in rows])
            self.db.executemany(INSERT_ENTITY, [e for r in rows for e in r.entities])
            self.db.executemany(INSERT_PLACE, [r.place for r in rows if r.place is not None])
            recluster(self.db, touched, [r.event[0] for r in rows])
        return len(rows)

    def is_saved(self, article: Article) -> bool:
        """Whether this article (same id, same text) is stored already: a rerun skips it."""
        found = self.db.execute("SELECT text_hash FROM articles WHERE id = ?", (article.id,))
        return bool(found) and found[0][0] == text_hash(article)

    def record_error(
        self, source: str, line: int | None, stage: str, reason: str, *, run_id: int | None = None
    ) -> None:
        with self.db.transaction():
            self.db.execute(
                "INSERT INTO errors (run_id, source, line, stage, reason, recorded)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, source, line, stage, reason, now()),
            )

    def start_run(self) -> int:
        with self.db.transaction():
            ((run_id,),) = self.db.execute(
                "INSERT INTO runs (started) VALUES (?) RETURNING id", (now(),)
            )
        return int(run_id)

    def finish_run(self, run_id: int, *, articles: int, events: int, errors: int) -> None:
        with self.db.transaction():
            self.db.execute(
                "UPDATE runs SET finished = ?, articles = ?, events = ?, errors = ? WHERE id = ?",
                (now(), articles, events, errors, run_id),
            )

    # -- reading ----------------------------------------------------------------------------

    def iter_events(
        self, limit: int | None = None, story_id: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Stored PLOVER records, ordered by date (undated last) then id."""
        if limit is not None and limit < 0:
            raise StoreError(f"limit must be 0 or more, not {limit}")
        query = "SELECT record_json FROM events"
        params: tuple[Any, ...] = ()
        if story_id is not None:
            query, params = query + " WHERE story_id = ?", (story_id,)
        query += _ORDER
        if limit is not None:
            query, params = query + " LIMIT ?", (*params, limit)
        for (record_json,) in self.db.iterate(query, params):
            yield json.loads(record_json)

    def events(self, limit: int | None = None, story_id: str | None = None) -> list[dict[str, Any]]:
        return list(self.iter_events(limit, story_id))

    def count_events(self) -> int:
        return self._count("events")

    def count_articles(self) -> int:
        return self._count("articles")

    def count_clusters(self) -> int:
        return self._count("clusters")

    def count_errors(self) -> int:
        return self._count("errors")

    def _count(self, table: str) -> int:
        ((value,),) = self.db.execute(f"SELECT count(*) FROM {table}")  # a fixed table name
        return int(value)

    def runs(self) -> list[dict[str, Any]]:
        return self.rows("SELECT * FROM runs ORDER BY id")

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        if run_id is None:
            return self.rows("SELECT * FROM errors ORDER BY id")
        return self.rows("SELECT * FROM errors WHERE run_id = ? ORDER BY id", (run_id,))

    def clusters(self) -> list[dict[str, Any]]:
        return self.rows("SELECT * FROM clusters ORDER BY first_day IS NULL, first_day, id")

    def rows(self, query: str, params: tuple[Any, ...] = ()) -> list[dict[str, Any]]:
        names, rows = self.db.query(query, params)
        return [dict(zip(names, row, strict=True)) for row in rows]
