"""What only the SQLite backend has: files, WAL, URLs, in-memory stores."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.store import open_store, resolve_path, resolve_url
from marsad.store.migrations import MIGRATIONS
from tests.store.records import TEXT, article, event


def test_summary_columns(tmp_path: Path) -> None:
    path = tmp_path / "cols.db"
    with open_store(str(path)) as opened:
        opened.save(article(), [event("s1", 0)])
    conn = sqlite3.connect(path)
    row = conn.execute(
        "SELECT story_id, date, date_precision, event, mode, quad_code, event_scale,"
        " actor_code, recipient_code FROM events"
    ).fetchone()
    stored = conn.execute("SELECT id, text, date, title, source FROM articles").fetchone()
    conn.close()
    assert row == ("s1", "2021-05-19", "day", "CONSULT", "phone", 1, 1.5, "RUS", "AZE")
    assert stored == ("s1", TEXT, "2021-05-19", "t", "RT")


def test_migrations_apply_once_and_the_store_is_in_wal_mode(tmp_path: Path) -> None:
    path = str(tmp_path / "m.db")
    for _ in range(2):
        with open_store(path) as opened:
            opened.save(article(), [event("s1", 0)])
    conn = sqlite3.connect(path)
    names = [r[0] for r in conn.execute("SELECT name FROM migrations")]
    mode = conn.execute("PRAGMA journal_mode").fetchone()[0]
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert names == [m.name for m in MIGRATIONS]
    assert mode == "wal"
    assert {"articles", "events", "runs", "errors", "migrations"} <= tables


def test_a_store_from_a_newer_marsad_is_refused(tmp_path: Path) -> None:
    path = str(tmp_path / "m.db")
    open_store(path).close()
    conn = sqlite3.connect(path)
    conn.execute("INSERT INTO migrations VALUES ('9999_future', 'now')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer marsad"):
        open_store(path)


def test_resolve_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("MARSAD_DB", raising=False)
    assert resolve_path(None) == "marsad.db"
    monkeypatch.setenv("MARSAD_DB", "/tmp/env.db")
    assert resolve_path(None) == "/tmp/env.db"
    assert resolve_path("data/x.db") == "data/x.db"
    assert resolve_path("sqlite:///data/x.db") == "data/x.db"
    assert resolve_path("sqlite:////srv/x.db") == "/srv/x.db"
    assert resolve_path("sqlite://") == ":memory:"
    with pytest.raises(StoreError, match="a SQLite file is needed"):
        resolve_path("postgresql://user@host/db")
    assert resolve_url("postgres://u:pw@h:5/db") == ("postgresql", "postgresql://u:pw@h:5/db")
    assert resolve_url("postgresql://h/db") == ("postgresql", "postgresql://h/db")
    with pytest.raises(StoreError, match="unsupported database URL scheme 'mysql'"):
        resolve_path("mysql://host/db")


def test_missing_store_is_refused_when_not_creating(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store at"):
        open_store(str(tmp_path / "none.db"), create=False)
    assert not (tmp_path / "none.db").exists()


def test_a_file_that_is_not_a_database(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError, match="cannot use the store"):
        open_store(str(path))


def test_in_memory_store() -> None:
    with open_store(":memory:") as opened:
        opened.save(article(), [event("s1", 0)])
        assert opened.count_events() == 1
