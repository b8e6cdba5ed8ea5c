"""Named schema migrations, applied in order, each once, each in its own transaction.

Never edit a migration that has shipped: add a new one at the end of ``MIGRATIONS``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from marsad.store.backend import Backend


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
    Migration(
        "0002_clusters_entities_places",
        (
            # a hash of the text: a rerun skips an article saved with the same id and text
            "ALTER TABLE articles ADD COLUMN text_hash TEXT",
            "ALTER TABLE events ADD COLUMN cameo TEXT",
            "ALTER TABLE events ADD COLUMN day TEXT",
            "ALTER TABLE events ADD COLUMN dyad TEXT",
            "ALTER TABLE events ADD COLUMN place_key TEXT",
            "ALTER TABLE events ADD COLUMN cluster_key TEXT",
            "ALTER TABLE events ADD COLUMN cluster_id TEXT",
            "CREATE INDEX events_cluster_key ON events (cluster_key, day)",
            "CREATE INDEX events_cluster ON events (cluster_id)",
            "CREATE INDEX events_event ON events (event, date)",
            """CREATE TABLE entities (
                event_id TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
                role TEXT NOT NULL,
                position INTEGER NOT NULL,
                code TEXT,
                sector TEXT,
                entity_text TEXT NOT NULL,
                identifier TEXT,
                office TEXT,
                start_char INTEGER NOT NULL,
                end_char INTEGER NOT NULL,
                PRIMARY KEY (event_id, role, position)
            )""",
            "CREATE INDEX entities_code ON entities (code)",
            """CREATE TABLE places (
                event_id TEXT PRIMARY KEY REFERENCES events (id) ON DELETE CASCADE,
                extracted_place TEXT NOT NULL,
                resolved_place TEXT,
                geonameid INTEGER,
                lat REAL,
                lon REAL,
                admin1 TEXT,
                country_code TEXT,
                feature TEXT,
                resolution INTEGER
            )""",
            """CREATE TABLE clusters (
                id TEXT PRIMARY KEY,
                cluster_key TEXT,
                event TEXT NOT NULL,
                dyad TEXT,
                place_key TEXT,
                first_day TEXT,
                last_day TEXT,
                event_id TEXT NOT NULL,
                mentions INTEGER NOT NULL,
                articles INTEGER NOT NULL,
                sources INTEGER NOT NULL
            )""",
            "CREATE INDEX clusters_first_day ON clusters (first_day, id)",
        ),
    ),
    Migration(
        "0003_query_indexes",
        (
            # the events a country (in a role) takes part in, without reading the rows
            "CREATE INDEX entities_code_role_event ON entities (code, role, event_id)",
            # an event's date by id, without reading its record: filters by party and date
            "CREATE INDEX events_id_date ON events (id, date)",
        ),
    ),
)

_LEDGER = "CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied TEXT NOT NULL)"


def applied(db: Backend) -> list[str]:
    db.execute(_LEDGER)
    return [row[0] for row in db.execute("SELECT name FROM migrations ORDER BY name")]


def migrate(db: Backend, migrations: tuple[Migration, ...] = MIGRATIONS) -> list[str]:
    """Apply the migrations not yet applied; return their names.

    Each migration runs in one transaction that first takes the write lock, so two processes
    opening a new store at once do not both apply it.
    """
    done: list[str] = []
    have = set(applied(db))
    for migration in migrations:
        if migration.name in have:
            continue  # the common case takes no write lock, so readers never wait here
        with db.transaction(serialise=True):
            row = db.execute("SELECT 1 FROM migrations WHERE name = ?", (migration.name,))
            if not row:
                for statement in migration.statements:
                    db.execute(db.ddl(statement))
                db.execute(
                    "INSERT INTO migrations (name, applied) VALUES (?, ?)",
                    (migration.name, now()),
                )
                done.append(migration.name)
    return done


def now() -> str:
    """The current time in UTC, ISO 8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
