"""Read the language data files shipped in marsad.lang, and the shapes their word lists take."""

from __future__ import annotations

import json
from importlib.resources import files
from typing import Any

from marsad.errors import DataError
from marsad.matcher import PhraseMatcher
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys


def read_lang_file(name: str, lang: str = "ar") -> str:
    return files("marsad.lang").joinpath(lang, name).read_text(encoding="utf-8")


def read_lang_json(name: str, lang: str = "ar") -> dict[str, Any]:
    try:
        data = json.loads(read_lang_file(name, lang))
    except json.JSONDecodeError as exc:
        raise DataError(f"lang/{lang}/{name}: not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"lang/{lang}/{name}: expected a JSON object")
    return data


def word_set(forms: list[str]) -> frozenset[str]:
    """Single-word cues as normalised surfaces (the article is kept: these are function words)."""
    return frozenset(normalize_phrase(f) for f in forms if " " not in f.strip())


def phrase_matcher(forms: list[str], value: str) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for form in forms:
        matcher.add(entry_keys(form), value)
    return matcher
