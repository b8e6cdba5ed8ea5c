"""Sentence splitting of normalised text, with quotations kept whole."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.lang.ar import punctuation
from marsad.pipeline import Stage
from marsad.stages.normalize import NormalizeStage
from marsad.stages.sentences import SentenceStage
from marsad.text.normalize import normalize, normalize_phrase
from marsad.text.sentences import split_sentences
from marsad.types import Article, Document

CASES = Path(__file__).parent / "cases"
SHARED_SEED = Path(__file__).parents[3].parent / "shared" / "seed" / "ar-2021-05-karabakh.txt"


def sentences_of(text: str) -> list[tuple[str, bool]]:
    norm = normalize(text)[0]
    return [(norm[s:e], quoted) for s, e, quoted in split_sentences(norm)]


def assert_well_formed(norm: str, found: list[tuple[int, int, bool]]) -> None:
    closers = punctuation().trailing_closers
    previous_end = 0
    for start, end, _ in found:
        assert previous_end <= start < end <= len(norm)
        assert not norm[start].isspace() and not norm[end - 1].isspace()
        assert norm[start] not in closers - {'"'}, norm[start:end]
        previous_end = end


@pytest.mark.cases("sentences.tsv")
def test_sentence_case(case: dict[str, str]) -> None:
    expected = [normalize_phrase(s) for s in case["sentences"].split(" ¦ ")]
    flags = [flag == "1" for flag in case["in_quote"]]
    assert len(flags) == len(expected), "the case itself is malformed"
    assert sentences_of(case["text"]) == list(zip(expected, flags, strict=True))
    norm = normalize(case["text"])[0]
    assert_well_formed(norm, split_sentences(norm))


@pytest.mark.parametrize("text", ["", " ", "\n\n", " \t\r\n  ", "...", "\u200f\u064e"])
def test_nothing_to_split(text: str) -> None:
    norm = normalize(text)[0]
    found = split_sentences(norm)
    assert all(norm[s:e].strip() for s, e, _ in found)
    assert len(found) <= 1
    if not norm.strip():
        assert found == []


def test_seed_article_has_eleven_sentences(seed_text: str) -> None:
    found = sentences_of(seed_text)
    assert len(found) == 11
    # The first paragraph quotes the Kremlin in two sentences; the second starts in the quote.
    assert [quoted for _, quoted in found] == [False, True] + [False] * 9
    first, second = found[0][0], found[1][0]
    assert first.startswith(normalize_phrase("وجاء في بيان المكتب الصحفي للكرملين"))
    assert first.endswith(normalize_phrase("بالتفصيل."))
    assert second.startswith(normalize_phrase("وأعرب الجانبان"))
    assert second.endswith(normalize_phrase('المفاوضات".'))
    # The semicolon in the seventh sentence does not end it.
    assert normalize_phrase("الأرمينية؛ وأعرب الطرفان") in found[6][0]
    norm = normalize(seed_text)[0]
    assert_well_formed(norm, split_sentences(norm))


def test_seed_copy_matches_shared_seed() -> None:
    if not SHARED_SEED.exists():
        pytest.skip(f"shared seed not found at {SHARED_SEED}")
    copy = (CASES / "seed-ar-2021-05-karabakh.txt").read_text(encoding="utf-8")
    assert copy == SHARED_SEED.read_text(encoding="utf-8")


def test_one_long_line_without_punctuation_is_one_sentence() -> None:
    norm = "كلمة اخري " * 500_000  # 10 MB of UTF-8
    found = split_sentences(norm)
    assert found == [(0, len(norm) - 1, False)]


def test_sentence_stage_maps_spans_to_raw(seed_text: str) -> None:
    stage: Stage = SentenceStage()
    assert stage.name == "sentences"
    assert stage.requires == frozenset({"norm"})
    assert stage.produces == frozenset({"sentences"})
    doc = stage(NormalizeStage()(Document(Article(id="seed", text=seed_text))))
    assert "sentences" in doc.layers
    assert [s.index for s in doc.sentences] == list(range(11))
    assert [s.in_quote for s in doc.sentences][:3] == [False, True, False]
    for sentence in doc.sentences:
        raw = doc.raw(sentence.span)
        norm = doc.norm_text[sentence.norm_span.start : sentence.norm_span.end]
        assert normalize(raw)[0] == norm
    assert doc.raw(doc.sentences[0].span).endswith("بالتفصيل.")
    assert doc.raw(doc.sentences[3].span) == (
        'وأضاف البيان: "تم الاتفاق على مواصلة الاتصالات حول هذه القضية وغيرها".'
    )


def test_sentence_stage_raw_span_keeps_marks_and_drops_controls() -> None:
    raw = "قالَ.\u200f جاءَ الرئيسُ.\u200e"
    doc = SentenceStage()(NormalizeStage()(Document(Article(id="a", text=raw))))
    assert [doc.raw(s.span) for s in doc.sentences] == ["قالَ.", "جاءَ الرئيسُ."]
