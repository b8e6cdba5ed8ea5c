"""Clusters, entities, places, skipping and exports, on both backends (see conftest.py)."""

from __future__ import annotations

import csv
import itertools
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from marsad.store import Store, open_store
from marsad.store.export import Filters, export_items
from marsad.store.migrations import MIGRATIONS
from marsad.store.stats import render_stats, store_stats
from marsad.store.writers import NAMES, write
from marsad.types import Article, DateRef, EventRecord, Evidence, PlaceRef, Span
from tests.store.records import TEXT, actor

KARABAKH = PlaceRef("قره باغ", Span(0, 3), "Nagorno-Karabakh", 1, 39.8, 46.7, None, "AZE")


def mention(
    story: str,
    day: str | None,
    *,
    kind: str = "CONSULT",
    sides: tuple[str | None, str | None] = ("RUS", "AZE"),
    place: PlaceRef | None = None,
) -> EventRecord:
    first, second = sides
    return EventRecord(
        id=f"{story}-e",
        story_id=story,
        event=kind,
        mode="phone",
        actor=(actor(first, "بوتين", 4),),
        recipient=(actor(second, "بعلييف", 10),) if second or first is None else (),
        evidence=(Evidence(0, Span(0, 3), Span(0, 17), "اتصل"),),
        date=DateRef(day, "day") if day else None,
        place=place,
        quad_code=1,
        event_scale=1.5,
        cameo="040",
    )


def save(store: Store, story: str, outlet: str | None, *events: EventRecord) -> None:
    store.save(Article(id=story, text=TEXT, date="2021-05-19", source=outlet), events)


def clusters(store: Store) -> list[tuple[str, int, int, int, str, str]]:
    return [
        (
            c["event"],
            c["mentions"],
            c["articles"],
            c["sources"],
            c["first_day"] or "-",
            c["last_day"] or "-",
        )
        for c in store.clusters()
    ]


def test_mentions_across_articles_form_one_cluster_with_counts(store: Store) -> None:
    save(store, "a", "RT", mention("a", "2021-05-19"))
    save(store, "b", "TASS", mention("b", "2021-05-20", sides=("AZE", "RUS")))  # the dyad is sorted
    save(store, "c", "RT", mention("c", "2021-05-21"))  # linked through b
    save(store, "d", None, mention("d", "2021-05-25"))  # too far
    save(store, "e", None, mention("e", "2021-05-19", kind="AGREE"))  # another type
    save(store, "f", None, mention("f", "2021-05-19", sides=("RUS", None)))  # another dyad
    save(store, "g", None, mention("g", "2021-05"))  # no day: alone
    assert sorted(clusters(store)) == sorted(
        [
            ("CONSULT", 3, 3, 2, "2021-05-19", "2021-05-21"),
            ("CONSULT", 1, 1, 1, "2021-05-25", "2021-05-25"),
            ("AGREE", 1, 1, 1, "2021-05-19", "2021-05-19"),
            ("CONSULT", 1, 1, 1, "2021-05-19", "2021-05-19"),
            ("CONSULT", 1, 1, 1, "-", "-"),
        ]
    )
    assert store.count_clusters() == 5


def test_recoding_an_article_splits_and_the_order_does_not_matter(
    store_url: str, tmp_path: Path
) -> None:
    days = {"a": "2021-05-19", "b": "2021-05-20", "c": "2021-05-21", "d": "2021-05-22"}
    with open_store(str(tmp_path / "ref.db")) as reference:
        for story in ["a", "c", "d"]:
            save(reference, story, story, mention(story, days[story]))
        want = reference.clusters()
    for order in itertools.islice(itertools.permutations("abcd"), 0, 24, 7):
        with open_store(store_url) as store:
            store.db.execute("DELETE FROM articles")
            store.db.execute("DELETE FROM clusters")
            for story in order:
                save(store, story, story, mention(story, days[story]))
            assert store.count_clusters() == 1
            save(store, "b", "b")  # b coded again, with no event: the bridge goes
            assert store.clusters() == want


def test_a_known_place_keeps_clusters_apart(store: Store) -> None:
    save(store, "a", None, mention("a", "2021-05-19", place=KARABAKH))
    save(store, "b", None, mention("b", "2021-05-19", place=KARABAKH))
    save(store, "c", None, mention("c", "2021-05-19"))
    assert sorted(c["mentions"] for c in store.clusters()) == [1, 2]


def test_entities_and_places_are_stored_and_replaced(store: Store) -> None:
    save(store, "a", None, mention("a", "2021-05-19", place=KARABAKH))
    entities = store.rows("SELECT role, code, entity_text, start_char FROM entities ORDER BY role")
    assert entities == [
        {"role": "actor", "code": "RUS", "entity_text": "بوتين", "start_char": 4},
        {"role": "recipient", "code": "AZE", "entity_text": "بعلييف", "start_char": 10},
    ]
    places = store.rows("SELECT resolved_place, lat, lon, country_code FROM places")
    assert places == [
        {"resolved_place": "Nagorno-Karabakh", "lat": 39.8, "lon": 46.7, "country_code": "AZE"}
    ]
    save(store, "a", None)
    assert store.rows("SELECT * FROM entities") == store.rows("SELECT * FROM places") == []


def test_a_saved_article_is_recognised_by_id_and_text(store: Store) -> None:
    article = Article(id="a", text=TEXT)
    assert not store.is_saved(article)
    store.save(article, [])
    assert store.is_saved(article)
    assert not store.is_saved(Article(id="a", text=TEXT + " changed"))


def test_every_migration_is_applied_once(store_url: str) -> None:
    for _ in range(2):
        with open_store(store_url) as store:
            names = [row["name"] for row in store.rows("SELECT name FROM migrations")]
    assert names == [m.name for m in MIGRATIONS]


def _fill(store: Store) -> None:
    save(store, "a", "RT", mention("a", "2021-05-19", place=KARABAKH))
    save(store, "b", "TASS", mention("b", "2021-05-19", place=KARABAKH))
    save(store, "c", "RT", mention("c", "2021-06-01", kind="ASSAULT", sides=("SYR", None)))


def test_export_levels_and_filters(store: Store) -> None:
    _fill(store)
    mentions = list(export_items(store))
    assert [i.record["id"] for i in mentions] == ["a-e", "b-e", "c-e"]
    assert [(i.mentions, i.sources) for i in mentions] == [(2, 2), (2, 2), (1, 1)]
    (first, _) = list(export_items(store, "cluster"))
    assert first.members == ("a-e", "b-e")
    assert len(list(export_items(store, "daily"))) == 2
    assert [i.record["id"] for i in export_items(store, filters=Filters(country="syr"))] == ["c-e"]
    assert len(list(export_items(store, filters=Filters(since="2021-05-20")))) == 1
    assert len(list(export_items(store, filters=Filters(until="2021-05-19")))) == 2
    assert len(list(export_items(store, filters=Filters(event="assault")))) == 1
    cluster = mentions[0].cluster_id
    assert len(list(export_items(store, filters=Filters(cluster=cluster)))) == 2


def test_export_formats(store: Store, tmp_path: Path) -> None:
    _fill(store)
    out = tmp_path / "events.jsonl"
    assert write(export_items(store), "jsonl", out, "mention") == 3
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert record["cluster"]["mentions"] == 2 and record["outlet"] == "RT"
    assert record["event_loc"]["lat"] == 39.8
    table = tmp_path / "events.csv"
    assert write(export_items(store), "csv", table, "mention") == 3
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert tuple(rows[0]) == NAMES
    assert (rows[0]["source_country"], rows[0]["target_country"], rows[0]["lat"]) == (
        "RUS",
        "AZE",
        "39.8",
    )
    assert rows[2]["target_country"] == "" and rows[2]["place"] == ""
    parquet = tmp_path / "events.parquet"
    assert write(export_items(store, "cluster"), "parquet", parquet, "cluster") == 2
    frame = pq.read_table(parquet).to_pylist()
    assert [r["mentions"] for r in frame] == [2, 1]
    assert frame[0]["lon"] == 46.7


def test_stats(store: Store) -> None:
    _fill(store)
    store.record_error("x.jsonl", 3, "read", "not JSON")
    stats = store_stats(store)
    assert (stats["articles"], stats["events"], stats["clusters"], stats["errors"]) == (3, 3, 2, 1)
    assert stats["by_type"] == {"ASSAULT": 1, "CONSULT": 2}
    assert stats["by_country"] == {"AZE": 2, "RUS": 2, "SYR": 1}
    assert "by country" in render_stats(stats)


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_export_of_an_empty_store(store: Store, tmp_path: Path, fmt: str) -> None:
    assert write(export_items(store), fmt, tmp_path / f"none.{fmt}", "mention") == 0
