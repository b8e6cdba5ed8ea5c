"""Tokens, clitic analyses, lexicon keys, and the three text stages run together."""

from __future__ import annotations

import pytest

from marsad.matcher import PhraseMatcher
from marsad.pipeline import Stage, check_order
from marsad.stages.normalize import NormalizeStage
from marsad.stages.sentences import SentenceStage
from marsad.stages.tokens import TokenStage
from marsad.text.normalize import normalize, normalize_phrase
from marsad.text.sentences import split_sentences
from marsad.text.tokenize import analyze, entry_keys, tokenize
from marsad.types import Analysis, Article, Document

STAGES = (NormalizeStage(), SentenceStage(), TokenStage())


def run_stages(text: str) -> Document:
    doc = Document(Article(id="test", text=text))
    for stage in STAGES:
        doc = stage(doc)
    return doc


def analysis_from(case: dict[str, str]) -> Analysis:
    def cell(name: str) -> str:
        return "" if case[name] == "-" else normalize_phrase(case[name])

    return Analysis(tuple(cell("proclitics").split()), cell("stem"), cell("enclitic"))


# -- tokenize --------------------------------------------------------------------------------


@pytest.mark.cases("tokens.tsv")
def test_token_case(case: dict[str, str]) -> None:
    norm = normalize(case["text"])[0]
    found = tokenize(norm, 0, len(norm))
    assert [norm[s:e] for s, e, _ in found] == normalize_phrase(case["tokens"]).split()
    assert "".join("p" if punct else "w" for _, _, punct in found) == case["kinds"]


def test_tokenize_stays_inside_its_range() -> None:
    norm = "قال الرييس. ثم غادر."
    assert tokenize(norm, 12, len(norm)) == [(12, 14, False), (15, 19, False), (19, 20, True)]
    assert tokenize(norm, 4, 8) == [(4, 8, False)]  # a word cut by the range is cut too
    assert tokenize(norm, 5, 5) == []


@pytest.mark.parametrize("text", ["", "   ", "\n\t"])
def test_tokenize_empty(text: str) -> None:
    assert tokenize(text, 0, len(text)) == []


# -- analyze ---------------------------------------------------------------------------------


@pytest.mark.cases("analyses.tsv")
def test_analysis_case(case: dict[str, str]) -> None:
    analyses = analyze(normalize_phrase(case["word"]))
    wanted = analysis_from(case)
    if case["expect"] == "first":
        assert analyses[0] == wanted
    elif case["expect"] == "present":
        assert wanted in analyses
    else:
        assert wanted not in analyses


@pytest.mark.parametrize(
    "word", ["وبحث", "للكرملين", "ونظيره", "وسيواصل", "بلديهما", "فلاديمير", "وسيطرتها"]
)
def test_analyses_are_ordered_unique_and_rebuild_the_word(word: str) -> None:
    analyses = analyze(word)
    assert analyses[0] == Analysis((), word, "")
    assert len(set(analyses)) == len(analyses)
    counts = [len(a.proclitics) + bool(a.enclitic) for a in analyses]
    assert counts == sorted(counts)
    for analysis in analyses[1:]:
        assert len(analysis.stem) >= 2
        assert word.endswith(_as_written(analysis.stem, analysis.enclitic) + analysis.enclitic)
        assert not analysis.stem.startswith("ال") or len(analysis.stem) < 4


def _as_written(stem: str, enclitic: str) -> str:
    """A stem as the word writes it: a ta marbuta (folded to heh) opens to ta before a pronoun."""
    return stem[:-1] + "ت" if enclitic and stem.endswith("ه") else stem


def test_ta_marbuta_before_a_pronoun_is_read_closed() -> None:
    # "qissatuhu" (his story) is "qissa" + his; "qataltuhu" (I killed him) keeps its open reading
    assert Analysis((), "قصه", "ه") in analyze("قصته")
    assert Analysis((), "قتلت", "ه") in analyze("قتلته")
    assert Analysis((), "قصت", "ه") in analyze("قصته")


def test_analysis_key_is_the_stem_without_the_article() -> None:
    keys = {a.key for a in analyze("للكرملين")}
    assert "كرملين" in keys
    assert not any(k.startswith("ال") for k in keys)


def test_analyze_is_cached() -> None:
    assert analyze("والرييس") is analyze("والرييس")


# -- entry_keys ------------------------------------------------------------------------------


@pytest.mark.cases("entry_keys.tsv")
def test_entry_keys_case(case: dict[str, str]) -> None:
    assert entry_keys(case["phrase"]) == tuple(normalize_phrase(case["keys"]).split())


def test_entry_keys_match_inflected_tokens_through_the_matcher() -> None:
    doc = run_stages("وبحث وزير الدفاع الروسي مع نظيره. وقال بيان للكرملين إن الأمر انتهى.")
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for phrase, value in [("وزير الدفاع", "minister"), ("الكرملين", "kremlin"), ("بحث", "discuss")]:
        matcher.add(entry_keys(phrase), value)
    found = {(m.value, doc.raw(doc.tokens[m.start].span)) for m in matcher.find_all(doc.tokens)}
    assert ("discuss", "وبحث") in found
    assert ("minister", "وزير") in found
    assert ("kremlin", "للكرملين") in found


# -- the stages together ---------------------------------------------------------------------


def test_stages_declare_their_layers_in_order() -> None:
    stages: tuple[Stage, ...] = STAGES
    check_order(stages)
    token_stage = stages[2]
    assert token_stage.name == "tokens"
    assert token_stage.requires == {"sentences"}
    assert token_stage.produces == {"tokens"}


def test_stages_on_the_seed(seed_text: str) -> None:
    doc = run_stages(seed_text)
    assert {"norm", "sentences", "tokens"} <= doc.layers
    assert len(doc.sentences) == 11
    # Sentences own consecutive, non-empty runs of tokens that cover every token.
    assert doc.sentences[0].token_start == 0
    assert doc.sentences[-1].token_end == len(doc.tokens)
    for before, after in zip(doc.sentences, doc.sentences[1:], strict=False):
        assert before.token_end == after.token_start
    for sentence in doc.sentences:
        assert sentence.token_start < sentence.token_end
        for token in doc.sentence_tokens(sentence):
            assert token.sentence == sentence.index
            assert sentence.span.contains(token.span)
    for index, token in enumerate(doc.tokens):
        assert token.index == index
        assert normalize(doc.raw(token.span))[0] == token.text
        assert doc.norm_text[token.norm_span.start : token.norm_span.end] == token.text
        assert bool(token.analyses) != token.is_punct
    kremlin = next(t for t in doc.sentence_tokens(doc.sentences[0]) if "كرملين" in t.keys)
    assert doc.raw(kremlin.span) == "للكرملين"
    first_words = [t.text for t in doc.sentence_tokens(doc.sentences[0])][:4]
    assert first_words == ["وجاء", "في", "بيان", "المكتب"]


@pytest.mark.cases("stage_offsets.tsv")
def test_token_raw_span_case(case: dict[str, str]) -> None:
    doc = run_stages(case["raw"])
    key = normalize_phrase(case["key"])
    token = next(t for t in doc.tokens if key in t.keys)
    assert doc.raw(token.span) == case["raw_slice"]
    for each in doc.tokens:
        assert normalize(doc.raw(each.span))[0] == each.text


@pytest.mark.parametrize("text", ["", "   \n\n ", "Putin and Aliyev spoke.", "...!!"])
def test_stages_on_texts_without_arabic(text: str) -> None:
    doc = run_stages(text)
    assert all(normalize(doc.raw(t.span))[0] == t.text for t in doc.tokens)
    if not text.strip():
        assert doc.sentences == () and doc.tokens == ()


def test_ten_megabyte_line_without_punctuation() -> None:
    raw = "وَبحث الرئيـس ﻻ " * 250_000  # about 10 MB of UTF-8 on one line
    norm, _ = normalize(raw)
    sentences = split_sentences(norm)
    assert len(sentences) == 1
    start, end, _ = sentences[0]
    tokens = tokenize(norm, start, end)
    assert len(tokens) == 750_000
    assert not any(punct for _, _, punct in tokens)
