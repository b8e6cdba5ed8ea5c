"""The SQLite store: articles, their PLOVER events, runs and the errors met on the way.

Every write binds its values as parameters; no SQL is ever built from input text. Saving an
article replaces its events in one transaction, so coding the same article again never
doubles them.
"""

from __future__ import annotations

import json
import os
import re
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from marsad.errors import StoreError
from marsad.store.migrations import MIGRATIONS, applied, migrate, now
from marsad.types import Article, Document, EventRecord

DEFAULT_PATH = "marsad.db"
ENV_VAR = "MARSAD_DB"
MEMORY = ":memory:"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://(.*)", re.DOTALL)

_UPSERT_ARTICLE = """
INSERT INTO articles (id, text, date, title, url, source, language, coded_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT (id) DO UPDATE SET
    text = excluded.text, date = excluded.date, title = excluded.title, url = excluded.url,
    source = excluded.source, language = excluded.language, coded_at = excluded.coded_at
"""
_INSERT_EVENT = """
INSERT OR REPLACE INTO events (id, story_id, date, date_precision, event, mode, quad_code,
    event_scale, actor_code, recipient_code, record_json)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_ORDER = " ORDER BY date IS NULL, date, id LIMIT ?"


def resolve_path(url: str | None = None) -> str:
    """The SQLite file a URL names: ``None`` → ``$MARSAD_DB`` → ``marsad.db``.

    A plain path, ``sqlite:///relative.db``, ``sqlite:////absolute.db`` and ``:memory:``
    (or ``sqlite://``) are accepted.
    """
    if not url:
        url = os.environ.get(ENV_VAR) or DEFAULT_PATH
    match = _SCHEME.fullmatch(url)
    if match is None:
        return url
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme.startswith("postgres"):
        raise StoreError(
            "PostgreSQL support arrives in a later release; "
            "for now give a SQLite file path or sqlite:///PATH"
        )
    if scheme != "sqlite":
        raise StoreError(f"unsupported database URL scheme {scheme!r}: use sqlite:///PATH")
    if rest == "":
        return MEMORY
    if not rest.startswith("/"):
        raise StoreError(f"bad SQLite URL {url!r}: write sqlite:///PATH (three slashes)")
    return rest[1:].split("?", 1)[0] or MEMORY


def open_store(url: str | None = None, *, create: bool = True) -> SqliteStore:
    """Open (and create or migrate) the store; ``create=False`` refuses a missing file."""
    path = resolve_path(url)
    if not create and path != MEMORY and not Path(path).is_file():
        raise StoreError(f"no store at {path}: run 'marsad ingest' first, or give --db")
    try:
        conn = sqlite3.connect(path, isolation_level=None, timeout=30.0)
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the store {path}: {exc}") from exc
    try:
        conn.execute("PRAGMA journal_mode = WAL")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        unknown = set(applied(conn)) - {m.name for m in MIGRATIONS}
        if unknown:
            raise StoreError(
                f"{path} was written by a newer marsad (migrations {sorted(unknown)}); upgrade"
            )
        migrate(conn)
    except sqlite3.Error as exc:
        conn.close()
        raise StoreError(f"cannot use the store {path}: {exc}") from exc
    except StoreError:
        conn.close()
        raise
    return SqliteStore(conn, path)


def _codes(refs: Iterable[Any]) -> str | None:
    """Distinct actor codes in order, joined with ';' (NULL when none is known)."""
    codes = dict.fromkeys(ref.code for ref in refs if ref.code)
    return ";".join(codes) or None


class SqliteStore:
    """An open SQLite store. Use ``open_store``; close it, or use it as a context manager."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self._conn = conn
        self.path = path

    def __enter__(self) -> SqliteStore:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._conn.close()

    @contextmanager
    def _errors(self) -> Iterator[None]:
        try:
            yield
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: {exc}") from exc

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        with self._errors():
            self._conn.execute("BEGIN IMMEDIATE")
            try:
                yield self._conn
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def save(self, item: Document | Article, events: Iterable[EventRecord] | None = None) -> int:
        """Upsert the article and replace its events; return how many events were saved.

        Given a ``Document``, its events are saved unless ``events`` is passed.
        """
        article = item.article if isinstance(item, Document) else item
        if events is None:
            events = item.events if isinstance(item, Document) else ()
        rows = [self._event_row(article, event) for event in events]
        with self._transaction() as conn:
            conn.execute(
                _UPSERT_ARTICLE,
                (
                    article.id,
                    article.text,
                    article.date,
                    article.title,
                    article.url,
                    article.source,
                    article.language,
                    now(),
                ),
            )
            conn.execute("DELETE FROM events WHERE story_id = ?", (article.id,))
            conn.executemany(_INSERT_EVENT, rows)
        return len(rows)

    @staticmethod
    def _event_row(article: Article, event: EventRecord) -> tuple[Any, ...]:
        record = event.to_plover(article.text)
        return (
            event.id,
            article.id,
            record["date"],
            record["date_precision"],
            event.event,
            event.mode,
            event.quad_code,
            event.event_scale,
            _codes(event.actor),
            _codes(event.recipient),
            json.dumps(record, ensure_ascii=False),
        )

    def record_error(
        self, source: str, line: int | None, stage: str, reason: str, *, run_id: int | None = None
    ) -> None:
        with self._transaction() as conn:
            conn.execute(
                "INSERT INTO errors (run_id, source, line, stage, reason, recorded)"
                " VALUES (?, ?, ?, ?, ?, ?)",
                (run_id, source, line, stage, reason, now()),
            )

    def start_run(self) -> int:
        with self._transaction() as conn:
            cursor = conn.execute("INSERT INTO runs (started) VALUES (?)", (now(),))
        assert cursor.lastrowid is not None
        return cursor.lastrowid

    def finish_run(self, run_id: int, *, articles: int, events: int, errors: int) -> None:
        with self._transaction() as conn:
            conn.execute(
                "UPDATE runs SET finished = ?, articles = ?, events = ?, errors = ? WHERE id = ?",
                (now(), articles, events, errors, run_id),
            )

    def iter_events(
        self, limit: int | None = None, story_id: str | None = None
    ) -> Iterator[dict[str, Any]]:
        """Stored PLOVER records, ordered by date (undated last) then id."""
        if limit is not None and limit < 0:
            raise StoreError(f"limit must be 0 or more, not {limit}")
        bound = -1 if limit is None else limit  # SQLite reads a negative LIMIT as none
        params: tuple[Any, ...]
        if story_id is None:
            query, params = "SELECT record_json FROM events" + _ORDER, (bound,)
        else:
            query = "SELECT record_json FROM events WHERE story_id = ?" + _ORDER
            params = (story_id, bound)
        with self._errors():
            for (record_json,) in self._conn.execute(query, params):
                yield json.loads(record_json)

    def events(self, limit: int | None = None, story_id: str | None = None) -> list[dict[str, Any]]:
        return list(self.iter_events(limit, story_id))

    def count_events(self) -> int:
        return self._count("SELECT count(*) FROM events")

    def count_articles(self) -> int:
        return self._count("SELECT count(*) FROM articles")

    def _count(self, query: str) -> int:
        with self._errors():
            (value,) = self._conn.execute(query).fetchone()
        return int(value)

    def runs(self) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM runs ORDER BY id", ())

    def errors(self, run_id: int | None = None) -> list[dict[str, Any]]:
        if run_id is None:
            return self._rows("SELECT * FROM errors ORDER BY id", ())
        return self._rows("SELECT * FROM errors WHERE run_id = ? ORDER BY id", (run_id,))

    def _rows(self, query: str, params: tuple[Any, ...]) -> list[dict[str, Any]]:
        with self._errors():
            cursor = self._conn.execute(query, params)
            names = [column[0] for column in cursor.description]
            return [dict(zip(names, row, strict=True)) for row in cursor]
