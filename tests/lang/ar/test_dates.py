"""Date expressions resolved against the article's date (cases in cases/dates.tsv)."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.temporal.expressions import Anchor, find_dates
from marsad.types import Article

ROWS = [
    line.split("\t")
    for line in (Path(__file__).parent / "cases" / "dates.tsv").read_text("utf-8").splitlines()
    if line.strip() and not line.startswith("#")
]
TEXT = Pipeline(default_stages(("normalize", "sentences", "tokens")))


@pytest.mark.parametrize(
    ("text", "anchor", "value", "precision", "what"), ROWS, ids=[r[4] for r in ROWS]
)
def test_date_expression(text: str, anchor: str, value: str, precision: str, what: str) -> None:
    doc = TEXT(Article("case", text, anchor))
    found = [e for s in doc.sentences for e in find_dates(doc, s, Anchor.parse(anchor))]
    assert found, f"no date found ({what})"
    assert (found[0].ref.value, found[0].ref.precision) == (value, precision)
    span = found[0].ref.span
    assert span is not None and found[0].ref.text == text[span.start : span.end]


@pytest.mark.parametrize(
    "text",
    [
        "قال أحد المسؤولين إن الوضع هادئ.",
        "وقف الأب أمام المنزل في آب.",
        "صدر البيان في 31 فبراير 2020.",
        "مرت ثلاثة أيام على الحادث.",
        "وصل الوفد قبل يومين من الانتخابات.",
        "وصل الوفد قبل أيام على الانتخابات.",
        "وصل الوفد قبل عام من الانتخابات.",
        "وصل الوفد قبل أن تبدأ الانتخابات.",
        "وصل الوفد قبل ذلك.",
        "وصل الوفد قبل الانتخابات.",
        "وصل الوفد قبل شهر رمضان.",
        "وصل الوفد قبل أيام.",
        "وصل الوفد غداة الانتخابات.",
        "وصل الوفد في الأسبوع الأول من مايو.",
        "وصل الوفد في الحادي والثلاثين من نيسان.",
        "تعقد الانتخابات في شهر سبتمبر.",
        "تبادلت الشرطة إطلاق النار مع خلية في مدينة 6 أكتوبر.",
        "تجمع المتظاهرون في ميدان 23 يوليو.",
        "وتبادل الطرفان الاتهامات بعد أعنف قتال وقع منذ شهر.",
        "وكانت أصوات الرصاص تملأ المدينة في ذلك اليوم.",
        "وصل الوفد في اليوم نفسه.",
        "وصل الوفد في نفس اليوم.",
        "رفض الرئيس ما تسميه الصحف صفقة القرن.",
        "ناقش المؤتمر تحديات القرن الحادي والعشرين.",
    ],
)
def test_words_that_only_look_like_dates(text: str) -> None:
    doc = TEXT(Article("case", text, "2021-05-19"))
    assert [
        e.ref for s in doc.sentences for e in find_dates(doc, s, Anchor.parse("2021-05-19"))
    ] == []
