"""The store on both backends (see conftest.py): saving, re-saving, ordering, runs, errors."""

from __future__ import annotations

import json

import pytest

from marsad.errors import StoreError
from marsad.store import Store
from marsad.types import Document
from tests.store.records import TEXT, article, event


def test_save_then_read_back_the_plover_record(store: Store) -> None:
    a = article()
    assert store.save(a, [event("s1", 0)]) == 1
    (record,) = store.events()
    assert record == json.loads(json.dumps(event("s1", 0).to_plover(a.text)))
    assert record["text_info"]["text"] == TEXT[0:17]
    assert store.count_events() == 1
    assert store.count_articles() == 1


def test_resaving_an_article_replaces_its_events_and_never_doubles(store: Store) -> None:
    a = article()
    store.save(a, [event("s1", 0), event("s1", 1)])
    store.save(a, [event("s1", 0), event("s1", 1)])
    assert store.count_events() == 2
    assert store.count_articles() == 1
    store.save(a, [event("s1", 1, kind="AGREE")])
    assert [(r["id"], r["event"]) for r in store.events()] == [("s1-1", "AGREE")]
    store.save(a, [])
    assert store.count_events() == 0


def test_saving_a_document_uses_its_events(store: Store) -> None:
    doc = Document(article=article("d"), events=(event("d", 0), event("d", 1)))
    assert store.save(doc) == 2
    assert [r["story_id"] for r in store.events()] == ["d", "d"]


def test_other_articles_keep_their_events(store: Store) -> None:
    store.save(article("a"), [event("a", 0)])
    store.save(article("b"), [event("b", 0)])
    store.save(article("a"), [])
    assert [r["id"] for r in store.events()] == ["b-0"]


def test_events_are_ordered_by_date_then_id_undated_last(store: Store) -> None:
    store.save(article("a"), [event("a", 1, "2021-05-19"), event("a", 0, None)])
    store.save(article("b"), [event("b", 0, "2021-05"), event("b", 1, "2020")])
    assert [r["id"] for r in store.events()] == ["b-1", "b-0", "a-1", "a-0"]
    assert [r["id"] for r in store.events(limit=2)] == ["b-1", "b-0"]
    assert store.events(limit=0) == []
    assert [r["id"] for r in store.events(story_id="a")] == ["a-1", "a-0"]
    with pytest.raises(StoreError):
        store.events(limit=-1)


def test_values_are_bound_never_spliced_into_sql(store: Store) -> None:
    sly = "x'); DROP TABLE events; --"
    store.save(article(sly), [event(sly, 0)])
    assert [r["story_id"] for r in store.events(story_id=sly)] == [sly]
    assert store.count_events() == 1


def test_runs_and_errors(store: Store) -> None:
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
