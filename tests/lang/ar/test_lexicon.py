"""The aspect of trigger forms the lexicon writes out in full (triggers.tsv ``F:`` specs)."""

from __future__ import annotations

import pytest

from marsad.coding.lexicon import expand_aspects
from marsad.text.normalize import normalize_phrase


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
