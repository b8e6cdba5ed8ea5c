"""The aspect of trigger forms the lexicon writes out in full (triggers.tsv ``F:`` specs), and
the first person of the forms it inflects."""

from __future__ import annotations

import pytest

from marsad.coding.lexicon import TriggerEntry, expand_aspects, trigger_lexicon
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.text.normalize import normalize_phrase
from marsad.types import Article


@pytest.mark.parametrize(
    ("spec", "form", "aspect"),
    [
        ("F:أعدم|أعدمت|أعدموا|يعدم|تعدم|يعدمون", "يعدمون", "imperfect"),
        # the feminine prefix beside the masculine one
        ("F:أعدم|أعدمت|أعدموا|يعدم|تعدم|يعدمون", "تعدم", "imperfect"),
        # "a'dama" is the perfect, not "I execute"
        ("F:أعدم|أعدمت|أعدموا|يعدم|تعدم|يعدمون", "أعدم", ""),
        # a perfect that starts like an imperfect: no "yatawassal" twin in its place
        ("F:توصل إلى اتفاق|توصلت إلى اتفاق|يتوصل إلى اتفاق", "توصل إلى اتفاق", ""),
        ("F:توصل إلى اتفاق|توصلت إلى اتفاق|يتوصل إلى اتفاق", "يتوصل إلى اتفاق", "imperfect"),
        ("P:قصف", "قصفت", "perfect"),
        ("I:قصف", "تقصف", "imperfect"),
    ],
)
def test_aspect_of_a_form(spec: str, form: str, aspect: str) -> None:
    aspects = dict(expand_aspects(spec, "case"))
    assert aspects[normalize_phrase(form)] == aspect


def _entries_for(form: str) -> list[TriggerEntry]:
    tokens = Pipeline(default_stages(("normalize", "sentences", "tokens")))(
        Article("case", form)
    ).tokens
    return [m.value for m in trigger_lexicon().events.matches_at(tokens, 0)]


@pytest.mark.parametrize(
    ("form", "first"),
    [
        ("نطالب", True),  # we demand
        ("أطالب", True),  # I demand
        ("يطالب", False),  # he demands
        ("تطالب", False),  # she demands, or you do
        ("طالبنا", False),  # we demanded, or he demanded of us: the perfect does not tell
        ("اتفق", False),  # "ittafaqa" (agreed) before "attafiqu" (I agree)
    ],
)
def test_first_person_only_from_the_imperfect_prefix(form: str, first: bool) -> None:
    entries = _entries_for(form)
    assert entries, form
    assert all(e.first_person == first for e in entries)
