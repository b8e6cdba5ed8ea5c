"""PLOVER contexts from lang/ar/contexts.tsv (cases in cases/contexts.tsv)."""

from __future__ import annotations

from collections import Counter

import pytest

from marsad.coding.contexts import (
    BLOCK,
    CONTEXTS,
    MAX_REPEATS,
    article_contexts,
    context_matcher,
    context_scores,
    parse_contexts,
    sentence_contexts,
    threshold,
)
from marsad.coding.lang_files import read_lang_file
from marsad.errors import DataError
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.text.tokenize import entry_keys
from marsad.types import Article, Document

TEXT = Pipeline(default_stages(("normalize", "sentences", "tokens")))


def document(text: str) -> Document:
    return TEXT(Article("case", text, "2021-05-19"))


def names(cell: str) -> list[str]:
    return [] if cell.strip() == "-" else cell.split()


@pytest.mark.cases("contexts.tsv")
def test_case(case: dict[str, str]) -> None:
    present, absent = names(case["present"]), names(case["absent"])
    assert set(present + absent) <= set(CONTEXTS), "a case names an unknown context"
    assert not set(present) & set(absent)
    doc = document(case["text"])
    found = article_contexts(doc)
    scores = context_scores(doc)
    assert [c for c in present if c not in found] == [], scores
    assert [c for c in absent if c in found] == [], scores


def test_the_table_covers_the_37_contexts() -> None:
    assert len(CONTEXTS) == len(set(CONTEXTS)) == 37
    cues = parse_contexts(read_lang_file("contexts.tsv"))
    per_context = Counter(c.context for c in cues)
    assert [c for c in CONTEXTS if per_context[c] < 5] == []
    assert set(per_context) == {*CONTEXTS, BLOCK}
    assert all(entry_keys(c.form) for c in cues)
    assert len(context_matcher()) == len(cues)


@pytest.mark.parametrize(
    ("words", "needed"),
    [(0, 2), (79, 2), (80, 3), (399, 3), (400, 4), (1199, 4), (1200, 5), (10_000, 5)],
)
def test_threshold_grows_slowly_with_length(words: int, needed: int) -> None:
    assert threshold(words) == needed


def test_a_phrase_counts_at_most_twice() -> None:
    doc = document("قالت الحكومة إن الحكومة والحكومة وللحكومة ستجتمع.")
    assert context_scores(doc)["executive"] == MAX_REPEATS * 1


def test_contexts_come_by_score_then_name() -> None:
    # terrorism 3 + 3 and cbrn 3 + 3 (two decisive cues each), diplomatic 3: a tie goes by name
    doc = document(
        "هدد تنظيم داعش باستخدام أسلحة كيميائية وغاز السارين وحزام ناسف، وعلق وزير الخارجية."
    )
    scores = context_scores(doc)
    assert scores["cbrn"] == scores["terrorism"] == 6
    assert scores["diplomatic"] == 3
    assert article_contexts(doc)[:3] == ("cbrn", "terrorism", "diplomatic")


def test_sentence_contexts_stay_in_their_sentence() -> None:
    doc = document(
        "أعلن تنظيم داعش مسؤوليته عن تفجير انتحاري في الموصل. "
        "وفي شأن آخر ارتفع معدل التضخم وتراجعت البورصة."
    )
    assert len(doc.sentences) == 2
    first, second = sentence_contexts(doc, 0), sentence_contexts(doc, 1)
    assert "terrorism" in first and "economic" not in first
    assert "economic" in second and "terrorism" not in second
    assert set(article_contexts(doc)) >= {"terrorism", "economic"}


def test_an_article_with_no_cue_has_no_context() -> None:
    doc = document("فاز الفريق بالمباراة بهدفين دون رد وسط حضور جماهيري كبير.")
    assert context_scores(doc) == {}
    assert article_contexts(doc) == ()


def test_a_longer_phrase_hides_the_words_inside_it() -> None:
    # «عاصفة الحزم» (the 2015 operation) is military; «عاصفة» alone would be weather
    doc = document("انتهت عاصفة الحزم. انتهت عاصفة الحزم.")
    assert "disasters" not in context_scores(doc)
    assert context_scores(doc)["military"] == 6


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("weather\t2\tمطر\t", r"x\.tsv:3: 'weather' is not a PLOVER context"),
        ("health\t4\tوباء\t", r"x\.tsv:3: weight '4'"),
        ("health\t0\tوباء\t", r"x\.tsv:3: weight '0'"),
        ("block\t1\tوباء\t", r"x\.tsv:3: weight '1'"),
        ("health\t2\tوباء", r"x\.tsv:3: expected 4 columns"),
        ("health\t2\t\t", r"x\.tsv:3: no forms"),
        ("health\t2\tالوباء\t", r"x\.tsv:3: 'الوباء' is already listed under health at line 2"),
        ("block\t0\tوباء\t", r"x\.tsv:3: 'وباء' is already listed under health at line 2"),
    ],
)
def test_a_broken_row_names_its_file_and_line(row: str, message: str) -> None:
    text = f"# header\nhealth\t3\tوباء|جائحة\tepidemics\n{row}\n"
    with pytest.raises(DataError, match=message):
        parse_contexts(text, where="x.tsv")


def test_one_phrase_may_tell_several_contexts() -> None:
    cues = parse_contexts("crime\t3\tغسل الأموال\t\ncorruption\t3\tغسل الأموال\t\n", "x.tsv")
    assert [(c.context, c.line) for c in cues] == [("crime", 1), ("corruption", 2)]
