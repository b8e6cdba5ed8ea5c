"""Clauses read from function words and punctuation (marsad.coding.clauses.segment)."""

from __future__ import annotations

import pytest

from marsad.coding.clauses import Clause, segment
from marsad.stages.normalize import NormalizeStage
from marsad.stages.sentences import SentenceStage
from marsad.stages.tokens import TokenStage
from marsad.types import Article, Document


def clauses_of(text: str) -> tuple[Document, list[Clause]]:
    doc = Document(Article(id="test", text=text))
    for stage in (NormalizeStage(), SentenceStage(), TokenStage()):
        doc = stage(doc)
    sentence = doc.sentences[0]
    return doc, segment(doc.tokens, sentence.token_start, sentence.token_end, sentence.in_quote)


def first_word(doc: Document, clause: Clause) -> str:
    return doc.tokens[clause.start].text


def test_a_perfect_verb_after_a_comma_takes_up_the_clause_a_relative_broke_into() -> None:
    doc, clauses = clauses_of("وفي الهجوم الذي استهدف مركز الشرطة، قتل ثلاثة جنود.")
    assert [c.kind for c in clauses] == ["main", "relative", "main"]
    resumed = clauses[2]
    assert first_word(doc, resumed) == "قتل"
    assert resumed.parent == clauses[0].index


def test_the_clause_taken_up_keeps_its_kind() -> None:
    _doc, clauses = clauses_of("وقال المتحدث إن الهجوم الذي استهدف المركز، أسفر عن مقتل جنديين.")
    assert [c.kind for c in clauses] == ["main", "complement", "relative", "complement"]
    assert clauses[3].parent == clauses[1].index


@pytest.mark.parametrize(
    "text",
    [
        # an imperfect after the comma goes on with the relative clause (who filed, accusing)
        "وصل عدد من الموظفين الذين رفعوا قضايا، يتهمون مسؤولين بالفساد.",
        # so does a verb joined by "wa"
        "وصل الوزير الذي زار المدينة، وقتل معه حارسان.",
        # and a noun
        "وصل الوزير الذي زار المدينة، المحافظ.",
    ],
)
def test_a_comma_alone_does_not_end_a_relative_clause(text: str) -> None:
    _doc, clauses = clauses_of(text)
    assert [c.kind for c in clauses] == ["main", "relative"]


def test_a_particle_of_contrast_after_a_comma_takes_up_the_clause() -> None:
    doc, clauses = clauses_of(
        "ولم يصل المتظاهرون إلى المنطقة حيث تقع السفارة، وإنما تجمعوا في ساحة الشهداء."
    )
    assert [c.kind for c in clauses] == ["main", "relative", "main"]
    assert first_word(doc, clauses[2]) == "وانما"
    assert clauses[2].parent == clauses[0].index
