"""The gazetteer: its file format, the shipped data, and the build's filters on small rows."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.places import build
from marsad.places.gazetteer import gazetteer, parse
from marsad.places.sources import COLUMNS, Row, curated, distance_km
from marsad.temporal import hijri

HEADER = "# a comment\n" + "\t".join(COLUMNS) + "\n"


def _row(cells: list[str]) -> str:
    return "\t".join(cells) + "\n"


def test_parse_reads_names_countries_and_capitals() -> None:
    text = HEADER + _row(
        ["1", "Testland", "تستلاند", "10", "20", "TST", "", "PCLI", "1", "0", "c"]
    ) + _row(["2", "Testville", "تستفيل|مدينة تستفيل", "10.5", "20.5", "TST", "North", "PPLC", "4",
              "5000", "g"])  # fmt: skip
    gaz = parse(text)
    assert gaz.size == 2
    assert gaz.countries["TST"].name_en == "Testland"
    assert gaz.capitals["TST"].name_en == "Testville"
    assert gaz.capitals["TST"].geonameid == 2 and not gaz.capitals["TST"].curated


def test_parse_rejects_a_bad_header_and_a_short_row() -> None:
    with pytest.raises(DataError, match="header"):
        parse("a\tb\n")
    with pytest.raises(DataError, match="fields"):
        parse(HEADER + "1\tTestland\n")
    with pytest.raises(DataError, match=r"gazetteer\.tsv:3"):
        parse(HEADER + _row(["x", "T", "تست", "north", "20", "TST", "", "PCLI", "1", "0", "c"]))


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        (["1", "T", "تست", "10", "20", "TST", "", "PCLI", "6", "0", "c"], "resolution 6"),
        (["1", "T", "تست", "95", "20", "TST", "", "PCLI", "1", "0", "c"], "off the globe"),
        (["1", "T", "تست", "10", "200", "TST", "", "PCLI", "1", "0", "c"], "off the globe"),
        (["1", "T", "تست", "10", "20", "ts", "", "PCLI", "1", "0", "c"], "alpha-3"),
    ],
)
def test_parse_names_the_line_of_a_row_out_of_range(cells: list[str], problem: str) -> None:
    with pytest.raises(DataError, match=rf"gazetteer\.tsv:3: .*{problem}"):
        parse(HEADER + _row(cells))


def test_names_that_are_ordinary_words_are_never_loaded() -> None:
    text = HEADER + _row(["3", "Bayan", "بيان|السلام", "29", "48", "KWT", "", "PPL", "4", "0", "g"])
    gaz = parse(text)
    assert len(gaz.names) == 1  # "al-salam" (peace) is in not_places, "bayan" is not


def test_the_shipped_gazetteer_has_every_country_and_the_curated_places() -> None:
    gaz = gazetteer()
    assert len(gaz.countries) == 250
    assert gaz.size > 10_000
    assert gaz.capitals["JOR"].name_en == "Amman"
    assert gazetteer() is gaz  # loaded once per process


def test_the_curated_places_read_without_a_problem() -> None:
    # curated() stops at a row out of range or without an Arabic name (next test)
    assert len(curated()) > 250


@pytest.mark.parametrize(
    ("cells", "problem"),
    [
        (["تست", "Test", "10", "20", "TST", "", "PPL", "6"], "resolution 6"),
        (["تست", "Test", "95", "20", "TST", "", "PPL", "4"], "off the globe"),
        (["تست", "Test", "10", "20", "tst", "", "PPL", "4"], "alpha-3"),
        (["", "Test", "10", "20", "TST", "", "PPL", "4"], "no Arabic name"),
    ],
)
def test_curated_names_the_line_of_a_bad_row(
    tmp_path: Path, cells: list[str], problem: str
) -> None:
    path = tmp_path / "curated.tsv"
    header = "names_ar\tname_en\tlat\tlon\tiso3\tadmin1\tfeature\tresolution"
    path.write_text(f"# a comment\n{header}\n" + "\t".join(cells) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=rf"curated\.tsv:3: .*{problem}"):
        curated(path)


def _city(name: str, country: str, population: int, lat: float = 0.0) -> Row:
    return Row(None, name, (name,), lat, 0.0, country, "", "PPL", 4, population, "g")


def test_a_town_loses_a_name_a_country_or_a_far_bigger_town_has() -> None:
    country = Row(1, "C", ("A",), 0, 0, "CCC", "", "PCLI", 1, 0, "c")
    big, small, alone = (
        _city("B", "XXX", 1_000_000),
        _city("B", "YYY", 50_000),
        _city("A", "ZZZ", 9),
    )
    kept = list(build.without_misleading_names([country, big, small, alone]))
    assert [r.name_en for r in kept] == ["C", "B"]  # the country, and the big town only
    assert kept[1].country == "XXX"


def test_a_curated_row_replaces_its_generated_twin_and_keeps_its_id() -> None:
    generated = [Row(7, "Idlib", ("إدلب",), 35.93, 36.63, "SYR", "Idlib", "PPLA", 4, 128840, "g")]
    mine = [Row(None, "Idlib", ("إدلب",), 35.93, 36.64, "SYR", "Idlib", "PPLA", 4, 0, "m")]
    (row,) = build.without_duplicates(generated, mine)
    assert (row.source, row.geonameid, row.population) == ("m", 7, 128840)


def test_ordinary_words_filter_only_generated_one_word_names() -> None:
    rows = [
        Row(1, "Bayan", ("بيان", "بيان الكويت"), 0, 0, "KWT", "", "PPL", 4, 0, "g"),
        Row(2, "Mine", ("بيان",), 0, 0, "KWT", "", "PPL", 4, 0, "m"),
    ]
    kept = list(build.without_ordinary_names(rows, frozenset({"بيان"})))
    assert [r.names_ar for r in kept] == [("بيان الكويت",), ("بيان",)]


def test_distance() -> None:
    assert distance_km(0, 0, 0, 1) == pytest.approx(111.2, abs=0.1)
    assert distance_km(32.89, 13.19, 34.43, 35.84) > 2000  # the two Tripolis


def test_build_writes_a_file_the_loader_reads(tmp_path: Path) -> None:
    out = tmp_path / "gazetteer.tsv"
    build.write([_city("B", "XXX", 10)], out)
    assert parse(out.read_text(encoding="utf-8")).size == 1


def test_hijri_conversion_and_its_limits() -> None:
    assert str(hijri.to_gregorian(1442, 10, 7)) == "2021-05-19"
    assert hijri.to_gregorian(1442, 9, 31) is None  # no such day
    assert hijri.to_gregorian(1200, 1, 1) is None  # before the Umm al-Qura tables
