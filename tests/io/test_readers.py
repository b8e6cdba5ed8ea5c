from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from marsad.errors import InputError
from marsad.ids import article_id
from marsad.io import Origin, ReadFailure, parse_date, read_examples, read_located, read_path
from marsad.io.decode import mostly_arabic
from marsad.types import Article

CASES = Path(__file__).parent / "cases"


def read_one(name: str, **kwargs: str) -> Article | ReadFailure:
    results = list(read_path(CASES / name, **kwargs))
    assert len(results) == 1, results
    return results[0]


def article(name: str, **kwargs: str) -> Article:
    result = read_one(name, **kwargs)
    assert isinstance(result, Article), result
    return result


def failure(name: str, **kwargs: str) -> ReadFailure:
    result = read_one(name, **kwargs)
    assert isinstance(result, ReadFailure), result
    return result


# --- text files ---------------------------------------------------------------------------


def test_text_header_sets_the_date_and_is_not_part_of_the_text() -> None:
    got = article("header-day.txt")
    assert got.id == "header-day"
    assert got.date == "2021-05-19"
    assert got.text == "اتصل الرئيس الروسي بنظيره الأذربيجاني.\n"


def test_header_on_the_same_line_as_the_article_like_the_seed() -> None:
    got = article("header-inline.txt")
    assert got.date == "2021-05"
    assert got.text.startswith("وجاء في بيان الكرملين")
    assert got.text.endswith("ستتواصل.")


def test_no_header_means_no_date() -> None:
    got = article("no-header.txt")
    assert got.date is None
    assert got.text.startswith("بحث وزير الخارجية")


def test_user_date_overrides_the_header() -> None:
    assert article("header-day.txt", date="2020-1-2").date == "2020-01-02"


def test_bad_header_date_is_a_failure_on_line_1() -> None:
    got = failure("bad-header-date.txt")
    assert got.line == 1
    assert "2021-02-30" in got.reason
    assert str(got) == f"{CASES / 'bad-header-date.txt'}:1: {got.reason}"


def test_user_date_makes_a_bad_header_date_harmless() -> None:
    got = article("bad-header-date.txt", date="2021-02")
    assert (got.date, got.text) == ("2021-02", "نص الخبر.\n")


def test_utf8_bom_is_dropped() -> None:
    got = article("utf8-bom.txt")
    assert got.date == "2022-03"
    assert got.text.startswith("طالبت")


def test_utf16_with_bom_is_read() -> None:
    assert article("utf16.txt").text == "أعلنت الحكومة موافقتها.\n"


def test_cp1256_arabic_is_decoded() -> None:
    got = article("cp1256.txt")
    assert got.date == "2022-06-27"
    assert got.text == "وقعت تركيا وإيران مذكرة تفاهم في أنقرة.\n"


def test_latin1_is_not_taken_for_cp1256() -> None:
    assert failure("latin1.txt").reason == "not UTF-8 text"


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("empty.txt", "empty"),
        ("header-only.txt", "empty"),
        ("binary.txt", "binary file"),
        ("binary.jsonl", "binary file"),
        ("blank.jsonl", "empty"),
    ],
)
def test_unreadable_files(name: str, reason: str) -> None:
    got = failure(name)
    assert (got.source, got.line, got.reason) == (str(CASES / name), None, reason)


def test_unsupported_suffix_and_missing_file() -> None:
    assert "unsupported file type '.docx'" in failure("report.docx").reason
    assert failure("no-such-file.txt").reason == "no such file or directory"


def test_ten_megabyte_article(tmp_path: Path) -> None:
    sentence = "وأعرب الجانبان عن اهتمامهما بتسوية عاجلة للحادث الحدودي من خلال المفاوضات. "
    body = sentence * (10_000_000 // len(sentence.encode()) + 1)
    path = tmp_path / "big.txt"
    path.write_text("date 2021-05\n" + body, encoding="utf-8")
    (got,) = read_path(path)
    assert isinstance(got, Article)
    assert len(got.text.encode()) > 10_000_000
    assert got.text == body


# --- JSON Lines ---------------------------------------------------------------------------


def test_jsonl_bad_lines_fail_with_their_number_and_the_rest_is_read() -> None:
    path = CASES / "mixed.jsonl"
    results = list(read_located(path))
    failures = {origin.line: r.reason for r, origin in results if isinstance(r, ReadFailure)}
    articles = {origin.line: r for r, origin in results if isinstance(r, Article)}
    assert set(failures) == {2, 3, 5, 8, 9, 10}
    assert failures[2].startswith("not JSON")
    assert failures[3] == "not a JSON object (a list)"
    assert failures[5].startswith("no text")
    assert "2021-13" in failures[8]
    assert failures[9] == "field 'text' is empty"
    assert failures[10] == "field 'text' must be a string, not int"
    assert set(articles) == {1, 6, 7}
    assert articles[1] == Article(
        id="a1",
        text="أعلنت مصر دعمها للمبادرة.",
        date="2023-05-03",
        title="دعم",
        url="https://example.org/a1",
        language="ar",
    )
    assert articles[6].id == "5"
    assert articles[6].text == "استقبل الرئيس وفداً برلمانياً."
    assert articles[7].id == article_id("بحث الوزيران سبل التعاون.")
    assert articles[7].date == "2022-06-27"
    assert all(origin.source == str(path) for _, origin in results)


def test_jsonl_user_date_overrides_record_dates() -> None:
    dates = {
        r.id: r.date
        for r in read_path(CASES / "mixed.jsonl", date="2024")
        if isinstance(r, Article)
    }
    assert set(dates.values()) == {"2024"}
    # the record with a bad date is read when the user gives the date
    assert "a7" in dates


def test_jsonl_lone_surrogate_is_a_failure() -> None:
    got = failure("surrogate.jsonl")
    assert got.line == 1
    assert "lone surrogate" in got.reason


# --- directories, stdin, examples ---------------------------------------------------------


def test_directory_reads_txt_and_jsonl_sorted_and_skips_the_rest() -> None:
    results = list(read_located(CASES / "folder"))
    assert [r.id for r, _ in results if isinstance(r, Article)] == ["j1", "j2", "b-first"]
    assert [origin.line for _, origin in results] == [1, 2, None]


def test_empty_directory(tmp_path: Path) -> None:
    (got,) = read_path(tmp_path)
    assert isinstance(got, ReadFailure)
    assert got.reason.startswith("no files to read in this directory (.atom, .csv")


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def test_stdin_text_gets_a_hash_id(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, "date 2021-05\nنص من المدخل القياسي.\n".encode())
    results = list(read_located("-"))
    assert len(results) == 1
    got, origin = results[0]
    assert isinstance(got, Article)
    assert got.id == article_id("نص من المدخل القياسي.\n")
    assert got.date == "2021-05"
    assert origin == Origin("<stdin>")


def test_stdin_jsonl_is_detected(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b'\n  {"id": "x", "text": "a"}\nnot json\n{"id": "y", "text": "b"}\n')
    results = list(read_located("-"))
    assert [(type(r).__name__, o.line) for r, o in results] == [
        ("Article", 2),
        ("ReadFailure", 3),
        ("Article", 4),
    ]


def test_stdin_empty(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"")
    assert list(read_path("-")) == [ReadFailure("<stdin>", None, "empty")]


def test_no_stdin_at_all(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", None)
    assert list(read_path("-")) == [ReadFailure("<stdin>", None, "no standard input")]


def test_packaged_examples() -> None:
    results = [r for r, _ in read_examples()]
    assert all(isinstance(r, Article) for r in results)
    by_id = {r.id: r for r in results if isinstance(r, Article)}
    assert len(by_id) == 4
    seed = by_id["ar-2021-05-karabakh"]
    assert seed.date == "2021-05"
    assert seed.text.startswith("وجاء في بيان المكتب الصحفي للكرملين")
    assert all(r.date and len(r.date) == 10 for k, r in by_id.items() if k != seed.id)


# --- dates and decoding -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("2021", "2021"),
        ("2021-5", "2021-05"),
        ("2021-05-19", "2021-05-19"),
        ("2024-02-29", "2024-02-29"),
        ("2021-05-19T10:30:00Z", "2021-05-19"),
    ],
)
def test_parse_date(given: str, expected: str) -> None:
    assert parse_date(given) == expected


@pytest.mark.parametrize("given", ["21", "2021-13", "2023-02-29", "0000", "May 2021", "2021/05"])
def test_parse_date_rejects(given: str) -> None:
    with pytest.raises(ValueError, match="bad date"):
        parse_date(given)


def test_bad_user_date_is_an_input_error() -> None:
    with pytest.raises(InputError):
        list(read_path(CASES / "no-header.txt", date="2021-99"))


def test_mostly_arabic() -> None:
    assert mostly_arabic("وقعت تركيا وإيران in Ankara 2022")
    assert not mostly_arabic("café crème é")
    assert not mostly_arabic("123 !?")
