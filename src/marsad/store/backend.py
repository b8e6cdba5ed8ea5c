"""The two database backends behind the store: SQLite (a file) and PostgreSQL (a URL).

Both take SQL written once with ``?`` placeholders; values are always bound, never spliced.
PostgreSQL is reached through psycopg 3, imported only when a ``postgresql://`` URL is used.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from marsad.errors import StoreError

DEFAULT_PATH = "marsad.db"
ENV_VAR = "MARSAD_DB"
MEMORY = ":memory:"
SQLITE = "sqlite"
POSTGRESQL = "postgresql"
POSTGRES_EXTRA = "PostgreSQL needs psycopg: pip install 'marsad[postgres]'"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://(.*)", re.DOTALL)
_PASSWORD = re.compile(r"(://[^:/@]+):[^@/]*@")
_SAVE_LOCK = 0x6D61_7273  # one advisory lock serialises writers of clusters on PostgreSQL
_FETCH = 2000

Row = tuple[Any, ...]


def resolve_url(url: str | None = None) -> tuple[str, str]:
    """``(kind, target)``: ``("sqlite", path)`` or ``("postgresql", url)``.

    ``None`` reads ``$MARSAD_DB``, else ``marsad.db``. A plain path, ``sqlite:///relative.db``,
    ``sqlite:////absolute.db``, ``:memory:`` (or ``sqlite://``) and ``postgresql://...``
    (or ``postgres://...``) are accepted.
    """
    if not url:
        url = os.environ.get(ENV_VAR) or DEFAULT_PATH
    match = _SCHEME.fullmatch(url)
    if match is None:
        return SQLITE, url
    scheme, rest = match.group(1).lower(), match.group(2)
    if scheme in ("postgresql", "postgres") or scheme.startswith("postgresql+"):
        return POSTGRESQL, f"postgresql://{rest}"
    if scheme != "sqlite":
        raise StoreError(
            f"unsupported database URL scheme {scheme!r}: use sqlite:///PATH or postgresql://..."
        )
    if rest == "":
        return SQLITE, MEMORY
    if not rest.startswith("/"):
        raise StoreError(f"bad SQLite URL {url!r}: write sqlite:///PATH (three slashes)")
    return SQLITE, rest[1:].split("?", 1)[0] or MEMORY


def redact(url: str) -> str:
    """A URL fit for messages: the password replaced by ``***``."""
    return _PASSWORD.sub(r"\1:***@", url)


class Backend:
    """An open connection in autocommit mode; ``transaction()`` groups writes."""

    kind: str
    where: str  # the file or the redacted URL, for messages
    _errors: tuple[type[Exception], ...]

    def execute(self, sql: str, params: Sequence[Any] = ()) -> list[Row]:
        with self.guard():
            return self._execute(sql, params)

    def executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        if rows:
            with self.guard():
                self._executemany(sql, rows)

    def query(self, sql: str, params: Sequence[Any] = ()) -> tuple[list[str], list[Row]]:
        """Column names and rows."""
        with self.guard():
            return self._query(sql, params)

    @contextmanager
    def guard(self) -> Iterator[None]:
        try:
            yield
        except self._errors as exc:
            raise StoreError(f"{self.where}: {str(exc).strip()}") from exc

    def _execute(self, sql: str, params: Sequence[Any]) -> list[Row]:
        raise NotImplementedError

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        raise NotImplementedError

    def _query(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[Row]]:
        raise NotImplementedError

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        """Rows one at a time, without holding them all in memory."""
        raise NotImplementedError

    def transaction(self, *, serialise: bool = False) -> Any:
        """A context manager: commit on success, roll back on any exception.
        ``serialise`` makes concurrent writers wait for each other."""
        raise NotImplementedError

    def ddl(self, statement: str) -> str:
        """A schema statement in this database's dialect."""
        return statement

    def interrupt(self) -> None:
        """Stop the statement running on this connection; safe to call from another thread
        (the web layer's time limit)."""
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError


class SqliteBackend(Backend):
    kind = SQLITE
    _errors = (sqlite3.Error,)

    def __init__(self, path: str) -> None:
        self.where = path
        try:
            self._conn = sqlite3.connect(path, isolation_level=None, timeout=30.0)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the store {path}: {exc}") from exc
        try:
            self._conn.execute("PRAGMA journal_mode = WAL")
            # NORMAL loses nothing when the process is killed, only on power loss.
            self._conn.execute("PRAGMA synchronous = NORMAL")
            self._conn.execute("PRAGMA foreign_keys = ON")
        except sqlite3.Error as exc:
            self._conn.close()
            raise StoreError(f"cannot use the store {path}: {exc}") from exc

    def _execute(self, sql: str, params: Sequence[Any]) -> list[Row]:
        return self._conn.execute(sql, params).fetchall()

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        self._conn.executemany(sql, rows)

    def _query(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[Row]]:
        cursor = self._conn.execute(sql, params)
        return [c[0] for c in cursor.description], cursor.fetchall()

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        with self.guard():
            yield from self._conn.execute(sql, params)

    @contextmanager
    def transaction(self, *, serialise: bool = False) -> Iterator[None]:
        with self.guard():
            self._conn.execute("BEGIN IMMEDIATE")  # SQLite writers always wait for each other
            try:
                yield
            except BaseException:
                self._conn.execute("ROLLBACK")
                raise
            self._conn.execute("COMMIT")

    def interrupt(self) -> None:
        self._conn.interrupt()

    def close(self) -> None:
        self._conn.close()


class PostgresBackend(Backend):
    kind = POSTGRESQL

    def __init__(self, url: str) -> None:
        try:
            import psycopg
        except ImportError:
            raise StoreError(POSTGRES_EXTRA) from None
        self._psycopg = psycopg
        self.where = redact(url)
        self._errors = (psycopg.Error,)
        try:
            self._conn = psycopg.connect(url, autocommit=True, connect_timeout=10)
        except psycopg.Error as exc:
            message = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise StoreError(f"cannot open the store {self.where}: {message}") from exc

    @staticmethod
    def _sql(sql: str) -> str:
        return sql.replace("?", "%s")  # marsad's SQL holds no other '?' and no '%'

    def _execute(self, sql: str, params: Sequence[Any]) -> list[Row]:
        cursor = self._conn.execute(self._sql(sql), params)
        return cursor.fetchall() if cursor.description is not None else []

    def _executemany(self, sql: str, rows: Sequence[Sequence[Any]]) -> None:
        with self._conn.cursor() as cursor:
            cursor.executemany(self._sql(sql), rows)

    def _query(self, sql: str, params: Sequence[Any]) -> tuple[list[str], list[Row]]:
        cursor = self._conn.execute(self._sql(sql), params)
        assert cursor.description is not None
        return [c.name for c in cursor.description], cursor.fetchall()

    def iterate(self, sql: str, params: Sequence[Any] = ()) -> Iterator[Row]:
        # A server-side cursor streams; it lives inside a transaction.
        with self.guard(), self._conn.transaction(), self._conn.cursor(name="marsad_rows") as cur:
            cur.itersize = _FETCH
            cur.execute(self._sql(sql), params)
            yield from cur

    @contextmanager
    def transaction(self, *, serialise: bool = False) -> Iterator[None]:
        with self.guard(), self._conn.transaction():
            if serialise:
                self._conn.execute("SELECT pg_advisory_xact_lock(%s)", (_SAVE_LOCK,))
            yield

    @contextmanager
    def migration_lock(self) -> Iterator[None]:
        """Two processes opening a new database at once do not both migrate it."""
        with self.guard():
            self._conn.execute("SELECT pg_advisory_lock(%s)", (_SAVE_LOCK + 1,))
        try:
            yield
        finally:
            with self.guard():
                self._conn.execute("SELECT pg_advisory_unlock(%s)", (_SAVE_LOCK + 1,))

    def ddl(self, statement: str) -> str:
        return statement.replace("INTEGER PRIMARY KEY AUTOINCREMENT", "SERIAL PRIMARY KEY").replace(
            " REAL", " DOUBLE PRECISION"
        )

    def interrupt(self) -> None:
        self._conn.cancel()

    def close(self) -> None:
        self._conn.close()


def connect(url: str | None = None, *, create: bool = True) -> Backend:
    """Open the database a URL names; ``create=False`` refuses a SQLite file that is missing."""
    kind, target = resolve_url(url)
    if kind == POSTGRESQL:
        return PostgresBackend(target)
    if not create and target != MEMORY and not Path(target).is_file():
        raise StoreError(f"no store at {target}: run 'marsad ingest' first, or give --db")
    return SqliteBackend(target)
