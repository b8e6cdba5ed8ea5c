"""Quote marks that wrap only a known name leave the tokens; other quotes stay."""

from __future__ import annotations

import pytest

from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.types import Article, Document

UP_TO_MENTIONS = ("normalize", "sentences", "tokens", "mentions")


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline([s for s in default_stages() if s.name in UP_TO_MENTIONS])


def read(pipeline: Pipeline, text: str) -> Document:
    return pipeline(Article("q", text, "2015-07-22"))


def test_marks_around_a_known_group_leave_and_everything_is_counted_again(
    pipeline: Pipeline,
) -> None:
    text = "قال مسؤول. هاجم مسلحو «داعش» قرية، ونفى «حزب الله» ذلك."
    doc = read(pipeline, text)
    assert [t.text for t in doc.tokens].count("«") == 0
    assert [t.index for t in doc.tokens] == list(range(len(doc.tokens)))
    second = doc.sentences[1]
    assert doc.tokens[second.token_start].text == "هاجم"
    assert doc.tokens[second.token_end - 1].text == "."
    assert second.token_end == len(doc.tokens)
    names = [m for m in doc.mentions if m.kind == "org"]
    assert [doc.raw(m.span) for m in names] == ["«داعش»", "«حزب الله»"]
    for m in names:
        words = doc.tokens[m.token_start : m.token_end]
        assert " ".join(t.text for t in words) in {"داعش", "حزب الله"}
    # the name's first and last words take the marks into their raw spans
    isis = doc.tokens[names[0].token_start]
    assert text[isis.span.start : isis.span.end] == "«داعش»"
    assert doc.tokens[isis.index - 1].text == "مسلحو"


@pytest.mark.parametrize(
    "text",
    [
        "وقال لـ«الرياض» إن الوفد وصل.",  # a quoted city: a newspaper as often as the city
        "وأطلق صندوق «ساند» برنامجا جديدا.",  # a name marsad does not know
        "ورفع المتظاهرون شعار «ارحل» أمس.",  # a quoted word
        "وقال «داعش في كل مكان» أمس.",  # a known name is not all the quote holds
    ],
)
def test_other_quotes_stay(pipeline: Pipeline, text: str) -> None:
    doc = read(pipeline, text)
    assert "«" in [t.text for t in doc.tokens] and "»" in [t.text for t in doc.tokens]


def test_a_document_without_quoted_names_keeps_its_tokens(pipeline: Pipeline) -> None:
    doc = read(pipeline, "هاجم مسلحو داعش قرية.")
    tokens = pipeline.stages[2](pipeline.stages[1](pipeline.stages[0](Document(doc.article))))
    assert doc.tokens == tokens.tokens
