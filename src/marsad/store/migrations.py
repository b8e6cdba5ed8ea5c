"""Named schema migrations, applied in order, each once, each in its own transaction.

Never edit a migration that has shipped: add a new one at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    statements: tuple[str, ...]


MIGRATIONS: tuple[Migration, ...] = (
    Migration(
        "0001_initial",
        (
            """CREATE TABLE articles (
                id TEXT PRIMARY KEY,
                text TEXT NOT NULL,
                date TEXT,
                title TEXT,
                url TEXT,
                source TEXT,
                language TEXT,
                coded_at TEXT NOT NULL
            )""",
            """CREATE TABLE events (
                id TEXT PRIMARY KEY,
                story_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
                date TEXT,
                date_precision TEXT,
                event TEXT NOT NULL,
                mode TEXT,
                quad_code INTEGER,
                event_scale REAL,
                actor_code TEXT,
                recipient_code TEXT,
                record_json TEXT NOT NULL
            )""",
            "CREATE INDEX events_story ON events (story_id)",
            "CREATE INDEX events_date ON events (date, id)",
            """CREATE TABLE runs (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                started TEXT NOT NULL,
                finished TEXT,
                articles INTEGER NOT NULL DEFAULT 0,
                events INTEGER NOT NULL DEFAULT 0,
                errors INTEGER NOT NULL DEFAULT 0
            )""",
            """CREATE TABLE errors (
                id INTEGER PRIMARY KEY AUTOINCREMENT,
                run_id INTEGER REFERENCES runs (id),
                source TEXT NOT NULL,
                line INTEGER,
                stage TEXT NOT NULL,
                reason TEXT NOT NULL,
                recorded TEXT NOT NULL
            )""",
            "CREATE INDEX errors_run ON errors (run_id)",
        ),
    ),
)

_LEDGER = "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)"


def applied(conn: sqlite3.Connection) -> list[str]:
    conn.execute(_LEDGER)
    return [row[0] for row in conn.execute("SELECT name FROM migrations ORDER BY name")]


def migrate(conn: sqlite3.Connection, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet applied; return their names.

    ``conn`` must be in autocommit mode (``isolation_level=None``): each migration runs in
    a ``BEGIN IMMEDIATE`` transaction, so two processes opening a new store at once do not
    both apply it.
    """
    done: list[str] = []
    have = set(applied(conn))
    for migration in migrations:
        if migration.name in have:
            continue  # the common case takes no write lock, so readers never wait here
        conn.execute("BEGIN IMMEDIATE")
        try:
            row = conn.execute(
                "SELECT 1 FROM migrations WHERE name = ?", (migration.name,)
            ).fetchone()
            if row is None:
                for statement in migration.statements:
                    conn.execute(statement)
                conn.execute(
                    "INSERT INTO migrations (name, applied) VALUES (?, ?)",
                    (migration.name, now()),
                )
                done.append(migration.name)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    return done


def now() -> str:
    """The current time in UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
