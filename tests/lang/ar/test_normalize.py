"""Normalisation: the matching form of Arabic text and the offset map back to raw."""

from __future__ import annotations

import json
import random
import unicodedata
from pathlib import Path

import pytest

from marsad.lang.ar import char_rules, clitics, punctuation
from marsad.offsets import OffsetMap
from marsad.pipeline import Stage
from marsad.stages.normalize import NormalizeStage
from marsad.text.normalize import normalize, normalize_phrase
from marsad.types import Article, Document

SRC = Path(__file__).parents[3] / "src" / "marsad"
ARABIC_BLOCKS = [(0x0600, 0x06FF), (0x0750, 0x077F), (0x0870, 0x08FF), (0xFB50, 0xFDFF)]
ARABIC_BLOCKS.append((0xFE70, 0xFEFF))


def is_arabic_block(ch: str) -> bool:
    return any(first <= ord(ch) <= last for first, last in ARABIC_BLOCKS)


def assert_offsets_valid(raw: str, norm: str, offsets: OffsetMap) -> None:
    """Every normalised character comes from a non-empty raw range that produces it."""
    assert len(offsets) == len(norm)
    assert offsets.raw_length == len(raw)
    previous_start = 0
    for i, ch in enumerate(norm):
        start, end = offsets.starts[i], offsets.ends[i]
        assert previous_start <= start < end <= len(raw), (i, start, end)
        assert ch in normalize(raw[start:end])[0], (i, ch, raw[start:end])
        previous_start = start


@pytest.mark.cases("normalize.tsv")
def test_normalize_case(case: dict[str, str]) -> None:
    norm, offsets = normalize(case["raw"])
    assert norm == case["norm"]
    assert_offsets_valid(case["raw"], norm, offsets)


@pytest.mark.cases("normalize.tsv")
def test_normalize_is_idempotent(case: dict[str, str]) -> None:
    once = normalize(case["raw"])[0]
    assert normalize(once)[0] == once


@pytest.mark.cases("normalize.tsv")
def test_normalize_phrase_collapses_whitespace_of_normal_form(case: dict[str, str]) -> None:
    assert normalize_phrase(case["raw"]) == " ".join(case["norm"].split())


def test_normalize_phrase_strips_and_collapses() -> None:
    assert normalize_phrase("\n  وزيرُ \t الدفاعِ  ") == "وزير الدفاع"
    assert normalize_phrase("   ") == ""


def test_unchanged_text_has_identity_offsets() -> None:
    raw = "قال الرييس 2021\nوغادر"
    norm, offsets = normalize(raw)
    assert norm == raw
    assert list(offsets.starts) == list(range(len(raw)))
    assert list(offsets.ends) == list(range(1, len(raw) + 1))


def test_empty_and_whitespace_text() -> None:
    assert normalize("") == ("", OffsetMap.identity(0))
    norm, offsets = normalize(" \n\t ")
    assert norm == " \n\t "
    assert offsets.to_raw(0, 4) == (0, 4)


def test_text_of_only_deleted_characters() -> None:
    norm, offsets = normalize("\u064e\u200f\u0640")
    assert norm == ""
    assert len(offsets) == 0
    assert offsets.to_raw(0, 0) == (3, 3)


def test_nul_characters_are_kept_and_carry_their_marks() -> None:
    norm, offsets = normalize("\x00\u064eب")
    assert norm == "\x00ب"
    assert offsets.to_raw(0, 1) == (0, 2)
    assert offsets.to_raw(1, 2) == (2, 3)


def test_deleted_marks_join_the_letter_before_and_controls_join_nothing() -> None:
    raw = "\u200fبَحَثَ\u200e"
    norm, offsets = normalize(raw)
    assert norm == "بحث"
    start, end = offsets.to_raw(0, 3)
    assert raw[start:end] == "بَحَثَ"
    assert raw[slice(*offsets.to_raw(1, 2))] == "حَ"


def test_a_mark_after_a_control_still_joins_its_letter() -> None:
    raw = "ب\u200f\u064eت"
    norm, offsets = normalize(raw)
    assert norm == "بت"
    assert offsets.to_raw(0, 1) == (0, 3)
    assert offsets.to_raw(1, 2) == (3, 4)


def test_ligature_expands_and_both_letters_map_to_it() -> None:
    raw = "ﻻَ بد"
    norm, offsets = normalize(raw)
    assert norm == "لا بد"
    assert offsets.to_raw(0, 1) == (0, 1)
    assert offsets.to_raw(1, 2) == (0, 2)  # the mark after the ligature joins its last letter
    assert raw[slice(*offsets.to_raw(3, 5))] == "بد"


def test_random_mixtures_keep_offsets_valid() -> None:
    pool = list('ابتثجحخدذرزسشصضطظعغفقكلمنهوي ءأإآؤئىة٠٩۵.،؛؟\n"«»')
    pool += ["\u064b", "\u064e", "\u0651", "\u0652", "\u0670", "\u0640", "\u06d6"]
    pool += ["\u200b", "\u200f", "\u202b", "\u2067", "\ufeff", "\u061c"]
    pool += ["ﻻ", "ﻷ", "ﷲ", "ﺑ", "ﺤ", "ﺚ", "ﹰ", "ﱞ", "a", "Z", "5"]
    rng = random.Random(20210512)
    for _ in range(300):
        raw = "".join(rng.choice(pool) for _ in range(rng.randint(0, 40)))
        norm, offsets = normalize(raw)
        assert_offsets_valid(raw, norm, offsets)
        assert norm == normalize_char_by_char(raw)


def normalize_char_by_char(raw: str) -> str:
    """Normalisation needs no context: each character alone gives the same result."""
    return "".join(normalize(ch)[0] for ch in raw)


def test_every_combining_arabic_mark_is_deleted() -> None:
    marks = [
        chr(cp)
        for first, last in ARABIC_BLOCKS
        for cp in range(first, last + 1)
        if unicodedata.category(chr(cp)) == "Mn"
    ]
    assert len(marks) > 100
    for mark in marks:
        assert normalize("ب" + mark)[0] == "ب", f"U+{ord(mark):04X} {unicodedata.name(mark)}"


def test_presentation_forms_become_base_letters() -> None:
    for first, last in [(0xFB50, 0xFDFF), (0xFE70, 0xFEFF)]:
        for cp in range(first, last + 1):
            ch = chr(cp)
            if unicodedata.normalize("NFKC", ch) == ch:
                continue  # unassigned, or no letters behind it: kept as it is
            out = normalize(ch)[0]
            name = f"U+{cp:04X} {unicodedata.name(ch, '?')}"
            assert not any(0xFB50 <= ord(c) <= 0xFEFF for c in out), name
            assert normalize(out)[0] == out, name  # already folded (no hamza forms left)
            if out.strip() != out:
                pytest.fail(f"{name} leaves a space: {out!r}")


def test_folded_letters_do_not_survive() -> None:
    folded = "أإآٱؤئىة" + "٠١٢٣٤٥٦٧٨٩" + "۰۱۲۳۴۵۶۷۸۹"
    norm = normalize(folded)[0]
    assert not set(norm) & set(folded)


@pytest.mark.parametrize("punct", ["،", "؛", "؟", "۔", ".", ":", "!", '"', "«", "»"])
def test_punctuation_is_kept(punct: str) -> None:
    assert normalize(punct)[0] == punct


def test_ten_megabytes_on_one_line() -> None:
    raw = "وَبَحَثَ الرئيـسُ ﻻ " * 250_000  # about 10 MB of UTF-8 with marks and ligatures
    assert len(raw.encode("utf-8")) > 9_000_000
    norm, offsets = normalize(raw)
    assert norm == "وبحث الرييس لا " * 250_000
    assert len(offsets) == len(norm)
    assert offsets.to_raw(len(norm) - 3, len(norm) - 1) == (len(raw) - 2, len(raw) - 1)


def test_data_tables_hold_normalised_forms() -> None:
    data = clitics()
    forms = [*data.conjunctions, *data.prepositions, data.future, *data.future_before]
    forms += [data.article, *data.enclitics, *(c.written for c in data.contractions)]
    forms += list(punctuation().abbreviations)
    for form in forms:
        assert normalize_phrase(form) == form


def test_char_rules_are_well_formed() -> None:
    rules = char_rules()
    assert rules
    for rule in rules:
        assert rule.first <= rule.last
        if rule.action == "map":
            assert len(rule.targets) == rule.last - rule.first + 1
        else:
            assert rule.targets == ()
    json.loads((SRC / "lang" / "ar" / "clitics.json").read_text(encoding="utf-8"))


def test_no_arabic_literals_in_the_text_core_source() -> None:
    sources = [*(SRC / "text").glob("*.py"), *(SRC / "lang").rglob("*.py")]
    sources += [SRC / "stages" / f"{name}.py" for name in ("normalize", "sentences", "tokens")]
    assert len(sources) >= 8
    for path in sources:
        text = path.read_text(encoding="utf-8")
        found = sorted({ch for ch in text if is_arabic_block(ch)})
        assert not found, f"{path.name} holds Arabic characters {found}"


def test_normalize_stage_sets_the_norm_layer() -> None:
    stage: Stage = NormalizeStage()
    assert stage.name == "normalize"
    assert stage.requires == frozenset()
    assert stage.produces == frozenset({"norm"})
    raw = "قالَ الرئيـسُ"
    doc = stage(Document(Article(id="a", text=raw)))
    assert doc.norm_text == "قال الرييس"
    assert "norm" in doc.layers
    assert doc.text == raw  # the raw text is never changed
    assert raw[slice(*doc.offsets.to_raw(4, 10))] == "الرئيـسُ"
