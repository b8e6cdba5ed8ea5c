"""The name lists of the tagger's features: how they are built, read and used."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.ner.corpus import Sentence, dev_slice
from marsad.ner.features import NAME_KINDS, Features, Gazetteer
from marsad.ner.names import COUNTRIES, REGIONS, names
from marsad.ner.tagger import names_gazetteer, parse_names


def words(text: str) -> list[str]:
    return text.split()


def write_sources(tmp_path: Path) -> tuple[Path, Path, tuple[Path, Path]]:
    data = tmp_path / "data"
    (data / COUNTRIES).parent.mkdir(parents=True)
    (data / REGIONS).parent.mkdir(parents=True)
    countries = [{"translations": {"ara": {"common": "لبنان", "official": "الجمهورية اللبنانية"}}}]
    (data / COUNTRIES).write_text(json.dumps(countries), encoding="utf-8")
    places = "ادلب حلب حمص حماة درعا دمشق طرطوس اللاذقية الرقة الحسكة القنيطرة السويداء"
    provinces = [{"Name_AR": f"محافظة {place}"} for place in words(places + " ريف جرش مأدبا")]
    regions = [*provinces, {"Name_AR": "\u200eجبل لبنان"}, {"Name_AR": "ق"}]
    (data / REGIONS).write_text(json.dumps(regions), encoding="utf-8")
    big = {"1": {"countrycode": "FR", "population": 2_000_000, "alternatenames": ["باريس"]}}
    small = {
        "2": {"countrycode": "LB", "population": 5_000, "alternatenames": ["جونية", "Jounieh"]},
        "3": {"countrycode": "FR", "population": 5_000, "alternatenames": ["فرساي"]},
        "4": {"countrycode": "IR", "population": 9_000, "alternatenames": ["پردیس"]},
    }
    cities = (tmp_path / "big.json", tmp_path / "small.json")
    cities[0].write_text(json.dumps(big), encoding="utf-8")
    cities[1].write_text(json.dumps(small), encoding="utf-8")
    persons = tmp_path / "persons.json"
    persons.write_text(json.dumps({"paris": "باريس", "nabil": "نبيل"}), encoding="utf-8")
    return data, persons, cities


def test_the_name_lists_are_built_from_the_sources(tmp_path: Path) -> None:
    data, persons, cities = write_sources(tmp_path)
    pairs = names(data, persons, cities)
    found = {(kind, name) for kind, name in pairs}
    assert ("country", "لبنان") in found and ("country", "الجمهورية اللبنانية") in found
    assert ("region", "محافظة حمص") in found and ("region", "حمص") in found  # head dropped
    assert ("region", "جبل لبنان") in found  # the left-to-right mark is gone
    assert ("city", "باريس") in found and ("person", "باريس") in found  # one line a kind
    assert ("town", "جونية") in found and ("person", "نبيل") in found
    assert not any(name in ("فرساي", "پردیس", "Jounieh", "ق") for _, name in pairs)
    assert [kind for kind, _ in pairs] == sorted(
        (kind for kind, _ in pairs), key=("country", "region", "city", "town", "person").index
    )


def test_name_lines_are_read_and_checked() -> None:
    assert parse_names(["# note", "", "city\tباريس", "person\tنبيل"], "x") == [
        ("باريس", "city"),
        ("نبيل", "person"),
    ]
    with pytest.raises(DataError, match="x:1"):
        parse_names(["river\tالنيل"], "x")
    with pytest.raises(DataError, match="x:1"):
        parse_names(["باريس"], "x")


def test_the_shipped_lists_hold_places_and_persons() -> None:
    shipped = names_gazetteer()
    assert len(shipped) > 20_000
    assert "cty" in shipped.words["بيروت"]
    assert "nam" in shipped.words["نابليون"]
    assert set(NAME_KINDS.values()) == {k for kinds in shipped.words.values() for k in kinds}


def test_listed_names_become_features_of_the_word_and_its_neighbours() -> None:
    lists = Gazetteer(
        [("جبل لبنان", "region"), ("نبيل", "person"), ("بري", "person"), ("بري", "town")],
        NAME_KINDS,
    )
    made = Features(Gazetteer([]), lists)
    assert {"n=nam", "n=twn"} <= set(made.word("وبري").here)  # through the conjunction
    rows = made.sentence(words("قال نبيل بري في جبل لبنان"))
    assert "n=nam" in rows[1] and "+1n=nam" in rows[1] and "-1n=nam" in rows[2]
    assert "P=B-reg" in rows[4] and "P=I-reg" in rows[5] and "+1P=B-reg" in rows[3]
    assert not any(f.startswith(("n=", "P=")) for f in rows[0])


def test_each_fold_holds_out_its_own_blocks() -> None:
    sentences = [Sentence((f"s{i}",), ("O",)) for i in range(40)]
    held = [dev_slice(sentences, every=4, block=5, fold=fold)[1] for fold in range(4)]
    assert [s.tokens[0] for s in held[1]] == [f"s{i}" for i in (*range(5, 10), *range(25, 30))]
    assert sorted(s.tokens[0] for fold in held for s in fold) == sorted(f"s{i}" for i in range(40))
    assert dev_slice(sentences, every=4, block=5) == dev_slice(sentences, 4, 5, fold=3)
