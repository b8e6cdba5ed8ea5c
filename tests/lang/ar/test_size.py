"""Dead, injured and arrested counts read from a clause (cases in cases/size.tsv)."""

from __future__ import annotations

import pytest

from marsad.coding.lang_files import read_lang_json
from marsad.coding.size import clause_size, event_size, token_range
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.types import Article, Document, EventRecord, Evidence, Size, Span
from tests.lang.ar.conftest import read_cases

TEXT = Pipeline(default_stages(("normalize", "sentences", "tokens")))


def doc_of(text: str) -> Document:
    return TEXT(Article("case", text, "2021-05-19"))


def size_of(text: str) -> Size | None:
    doc = doc_of(text)
    return clause_size(doc, 0, len(doc.tokens))


def count(cell: str) -> int | None:
    return None if cell == "-" else int(cell)


@pytest.mark.cases("size.tsv")
def test_size_case(case: dict[str, str]) -> None:
    expected = Size(count(case["dead"]), count(case["injured"]), count(case["arrested"]))
    found = size_of(case["sentence"])
    if expected == Size():
        assert found is None, case["why"]
    else:
        assert found == expected, case["why"]


def test_the_cases_are_enough_and_include_negatives() -> None:
    rows = read_cases("size.tsv")
    assert len(rows) >= 25
    negatives = [r for r in rows if (r["dead"], r["injured"], r["arrested"]) == ("-", "-", "-")]
    assert len(negatives) >= 5


def _number_forms() -> list[tuple[str, int]]:
    data = read_lang_json("numbers.json")
    return [
        (form, int(value))
        for table in ("units", "teens", "tens", "hundreds", "thousands")
        for value, forms in data[table].items()
        for form in forms
    ]


@pytest.mark.parametrize(("form", "value"), _number_forms(), ids=str)
def test_every_number_word_reads_as_its_value(form: str, value: int) -> None:
    assert size_of(f"مقتل {form} شخصا.") == Size(dead=value)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("مقتل ثلاث مئة شخص.", 300),
        ("مقتل ألف وخمسمئة شخص.", 1500),
        ("مقتل ثلاثة آلاف وخمسمائة وخمسين شخصا.", 3550),
        ("مقتل خمسة وعشرين ألف شخص.", 25000),
        ("مقتل مئة ألف شخص.", 100000),
        ("مقتل 5 آلاف شخص.", 5000),
        ("مقتل 1.5 مليون شخص.", 1500000),
        ("مقتل 1,250,000 شخص.", 1250000),
    ],
)
def test_compound_numbers(text: str, value: int) -> None:
    assert size_of(text) == Size(dead=value)


def test_a_unit_and_a_unit_are_not_one_number() -> None:
    # «خمسة وعشرة» is not a compound (units come before tens only): five dead, ten injured
    assert size_of("مقتل خمسة وعشرة جرحى.") == Size(dead=5, injured=10)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل شخصين.", Size(dead=2)),
        ("قتلت امرأتان.", Size(dead=2)),
        ("سقط قتيلان.", Size(dead=2)),
        ("مقتل عنصرين من الشرطة.", Size(dead=2)),
        ("اعتقال مواطنين.", None),  # a sound plural in -ين, not a dual
        ("مقتل مدنيين.", None),
    ],
)
def test_duals(text: str, expected: Size | None) -> None:
    assert size_of(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("مقتل أحد الجنود.", Size(dead=1)),
        ("مقتل اثنين من الجنود.", Size(dead=2)),
        ("لقي جندي حتفه.", Size(dead=1)),
        ("قال جندي إن مسلحين قتلوا 5 مدنيين.", Size(dead=5)),
        ("اعتقال المواطنين.", None),  # a plural with no number is no count
        ("توفي 3 متأثرين بجراحهم.", Size(dead=3)),
    ],
)
def test_one_and_the_subject_before_a_cue(text: str, expected: Size | None) -> None:
    assert size_of(text) == expected


def test_clause_size_reads_only_its_range() -> None:
    doc = doc_of("قتل 3 جنود، واعتقلت الشرطة 5 مسلحين.")
    comma = next(t.index for t in doc.tokens if t.is_punct)
    assert clause_size(doc, 0, comma) == Size(dead=3)
    assert clause_size(doc, comma + 1, len(doc.tokens)) == Size(arrested=5)
    assert clause_size(doc, 0, len(doc.tokens)) == Size(dead=3, arrested=5)
    assert clause_size(doc, comma, comma) is None
    assert clause_size(doc, 0, 10_000) == Size(dead=3, arrested=5)


def test_event_size_reads_the_clause_of_the_first_evidence() -> None:
    text = "قتل 3 جنود، واعتقلت الشرطة 5 مسلحين."
    doc = doc_of(text)
    clause = Span(text.index("واعتقلت"), len(text))
    trigger = Span(clause.start, clause.start + len("واعتقلت"))
    event = EventRecord(
        id="e1",
        story_id="case",
        event="COERCE",
        mode="arrest",
        actor=(),
        recipient=(),
        evidence=(Evidence(0, trigger, clause, text[trigger.start : trigger.end]),),
    )
    start, end = token_range(doc, clause)
    assert doc.tokens[start].span.start == clause.start
    assert end == len(doc.tokens)
    assert event_size(doc, event) == Size(arrested=5)


def test_to_plover() -> None:
    assert Size(dead=5, injured=10).to_plover() == {"dead": 5, "injured": 10, "arrested": None}
    found = size_of("سقط 7 قتلى و12 جريحا.")
    assert found is not None
    assert found.to_plover() == {"dead": 7, "injured": 12, "arrested": None}
