"""The read-side queries (``marsad.query`` over ``marsad.store.search``) on both backends:
the same SQL with bound parameters must give the same answers on SQLite and PostgreSQL."""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad
from marsad import query
from marsad.errors import InputError
from marsad.io.readers import read_examples
from marsad.query import EventFilter
from marsad.store import Store
from marsad.store.export import Filters, export_items
from marsad.types import Article


@pytest.fixture
def filled(store: Store) -> Store:
    pipeline = marsad.load()
    for item, _ in read_examples():
        assert isinstance(item, Article)
        store.save(pipeline(item))
    return store


def test_filters_paging_and_sorts(filled: Store) -> None:
    everything = query.search_events(filled, per_page=500)
    assert everything.total == filled.count_events() == len(everything.items)
    newest = [e["date"] for e in everything.items]
    assert newest == sorted(newest, reverse=True)
    oldest = query.search_events(filled, per_page=500, sort="date").items
    assert [e["date"] for e in oldest] == sorted(newest)
    for flt, check in (
        (
            EventFilter(country="arm"),
            lambda e: "ARM" in {a["code"] for a in e["actor"] + e["recipient"]},
        ),
        (
            EventFilter(actor_country="RUS", actor_sector="GOV"),
            lambda e: "RUS" in {a["code"] for a in e["actor"]},
        ),
        (
            EventFilter(recipient_country="AZE"),
            lambda e: "AZE" in {a["code"] for a in e["recipient"]},
        ),
        (EventFilter(event="consult", mode="phone"), lambda e: e["mode"] == "phone"),
        (EventFilter(quad=1, since="2022"), lambda e: e["quad_code"] == 1 and e["date"] >= "2022"),
        (EventFilter(place="ankara"), lambda e: e["event_loc"]["resolved_place"] == "Ankara"),
        (EventFilter(text="PUTIN"), lambda e: "putin" in str(e).lower()),
    ):
        found = query.search_events(filled, flt, per_page=500)
        assert found.items and all(check(e) for e in found.items), flt
        assert found.total == len(found.items) < everything.total
    assert query.search_events(filled, EventFilter(text="100%")).total == 0
    pages = [query.search_events(filled, page=n, per_page=3, sort="id").items for n in (1, 2)]
    assert [e["id"] for e in pages[0] + pages[1]] == sorted(e["id"] for e in everything.items)[:6]


@pytest.mark.parametrize(
    "call",
    [
        lambda s: query.search_events(s, page=0),
        lambda s: query.search_events(s, per_page=501),
        lambda s: query.search_events(s, sort="date; DROP TABLE events"),
        lambda s: query.search_events(s, EventFilter(quad=7)),
        lambda s: query.series(s, "RUSSIA"),
        lambda s: query.series(s, "RUS", interval="year"),
        lambda s: query.actors(s, limit=0),
    ],
)
def test_bad_values_are_input_errors(filled: Store, call: object) -> None:
    with pytest.raises(InputError):
        call(filled)  # type: ignore[operator]
    assert filled.count_events() > 0


def test_event_detail_series_actors_network_places_summary(filled: Store) -> None:
    item = query.search_events(filled, EventFilter(event="CONSULT", mode="phone", country="RUS"))
    detail = query.get_event(filled, item.items[0]["id"])
    assert detail is not None
    text = detail["article"]["text"]
    actor = next(p for p in detail["parties"] if p["role"] == "actor")
    assert text[actor["start"] : actor["end"]] == actor["entity_text"]
    assert {"trigger", "actor", "date"} <= {m["kind"] for m in detail["marks"]}
    assert query.get_event(filled, "0000000000000000") is None
    series = query.series(filled, "RUS", "ARM", "month")
    assert series["points"][0]["period"] == "2021-05"
    assert {a["code"] for a in query.actors(filled)} >= {"RUS", "EGY", "UNO"}
    assert query.network(filled, EventFilter(country="EGY"))["edges"]
    assert query.located(filled)["total"] >= 1
    summary = query.summary(filled)
    assert summary["events"] == filled.count_events()


def test_export_shares_the_filters(filled: Store, tmp_path: Path) -> None:
    exported = {i.record["id"] for i in export_items(filled, "mention", Filters(country="AZE"))}
    searched = query.search_events(filled, EventFilter(country="AZE"), per_page=500).items
    assert exported == {e["id"] for e in searched}
