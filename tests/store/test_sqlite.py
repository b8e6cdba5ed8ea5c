from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.errors import StoreError
from marsad.store import SqliteStore, open_store, resolve_path
from marsad.store.migrations import MIGRATIONS
from marsad.types import ActorRef, Article, DateRef, Document, EventRecord, Evidence, Span

TEXT = "اتصل بوتين بعلييف. وبحث الرئيسان الوضع في الإقليم."


def actor(code: str | None, text: str, start: int) -> ActorRef:
    return ActorRef(code, "GOV", text, Span(start, start + len(text)), 0)


def event(
    story: str, n: int, date: str | None = "2021-05-19", *, kind: str = "CONSULT"
) -> EventRecord:
    return EventRecord(
        id=f"{story}-{n}",
        story_id=story,
        event=kind,
        mode="phone",
        actor=(actor("RUS", "بوتين", 4), actor("RUS", "بوتين", 4), actor(None, "x", 0)),
        recipient=(actor("AZE", "بعلييف", 10),),
        evidence=(Evidence(0, Span(0, 3), Span(0, 17), "اتصل"),),
        date=DateRef(date, "day") if date else None,
        quad_code=1,
        event_scale=1.5,
    )


def article(ident: str = "s1", text: str = TEXT) -> Article:
    return Article(id=ident, text=text, date="2021-05-19", title="t", source="RT")


@pytest.fixture
def store(tmp_path: Path) -> Iterator[SqliteStore]:
    with open_store(str(tmp_path / "m.db")) as opened:
        yield opened


def test_save_then_read_back_the_plover_record(store: SqliteStore) -> None:
    a = article()
    assert store.save(a, [event("s1", 0)]) == 1
    (record,) = store.events()
    assert record == json.loads(json.dumps(event("s1", 0).to_plover(a.text)))
    assert record["text_info"]["text"] == TEXT[0:17]
    assert store.count_events() == 1
    assert store.count_articles() == 1


def test_resaving_an_article_replaces_its_events_and_never_doubles(store: SqliteStore) -> None:
    a = article()
    store.save(a, [event("s1", 0), event("s1", 1)])
    store.save(a, [event("s1", 0), event("s1", 1)])
    assert store.count_events() == 2
    assert store.count_articles() == 1
    store.save(a, [event("s1", 1, kind="AGREE")])
    assert [(r["id"], r["event"]) for r in store.events()] == [("s1-1", "AGREE")]
    store.save(a, [])
    assert store.count_events() == 0


def test_saving_a_document_uses_its_events(store: SqliteStore) -> None:
    doc = Document(article=article("d"), events=(event("d", 0), event("d", 1)))
    assert store.save(doc) == 2
    assert [r["story_id"] for r in store.events()] == ["d", "d"]


def test_other_articles_keep_their_events(store: SqliteStore) -> None:
    store.save(article("a"), [event("a", 0)])
    store.save(article("b"), [event("b", 0)])
    store.save(article("a"), [])
    assert [r["id"] for r in store.events()] == ["b-0"]


def test_events_are_ordered_by_date_then_id_undated_last(store: SqliteStore) -> None:
    store.save(article("a"), [event("a", 1, "2021-05-19"), event("a", 0, None)])
    store.save(article("b"), [event("b", 0, "2021-05"), event("b", 1, "2020")])
    assert [r["id"] for r in store.events()] == ["b-1", "b-0", "a-1", "a-0"]
    assert [r["id"] for r in store.events(limit=2)] == ["b-1", "b-0"]
    assert store.events(limit=0) == []
    assert [r["id"] for r in store.events(story_id="a")] == ["a-1", "a-0"]
    with pytest.raises(StoreError):
        store.events(limit=-1)


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


def test_values_are_bound_never_spliced_into_sql(store: SqliteStore) -> None:
    sly = "x'); DROP TABLE events; --"
    store.save(article(sly), [event(sly, 0)])
    assert [r["story_id"] for r in store.events(story_id=sly)] == [sly]
    assert store.count_events() == 1


def test_runs_and_errors(store: SqliteStore) -> None:
    run = store.start_run()
    store.record_error("in.jsonl", 3, "read", "not JSON", run_id=run)
    store.record_error("a.txt", None, "events", "boom", run_id=run)
    store.finish_run(run, articles=5, events=7, errors=2)
    (row,) = store.runs()
    assert (row["id"], row["articles"], row["events"], row["errors"]) == (run, 5, 7, 2)
    assert row["finished"] is not None
    errors = store.errors(run)
    assert [(e["source"], e["line"], e["stage"], e["reason"]) for e in errors] == [
        ("in.jsonl", 3, "read", "not JSON"),
        ("a.txt", None, "events", "boom"),
    ]


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
    with pytest.raises(StoreError, match="PostgreSQL support arrives"):
        resolve_path("postgresql://user@host/db")
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
