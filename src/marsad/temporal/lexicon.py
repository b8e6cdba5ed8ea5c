"""Date words from lang/ar/dates.json, normalised and ready to match."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from marsad.coding.resources import read_lang_json, word_set
from marsad.errors import DataError
from marsad.lang.ar import data_file
from marsad.matcher import PhraseMatcher
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys


@dataclass(frozen=True)
class DateWords:
    weekdays: PhraseMatcher[int]  # Monday = 0, as datetime.date.weekday()
    day_words: PhraseMatcher[int]  # offset in days from the article's date
    months: PhraseMatcher[int]
    units: PhraseMatcher[str]
    past: frozenset[str]
    next: frozenset[str]
    this: frozenset[str]
    today_key: str
    day_noun: str
    year_nouns: frozenset[str]
    separators: frozenset[str]
    hijri_months: PhraseMatcher[int]
    hijri_era: frozenset[str]
    month_parts: PhraseMatcher[str]  # "early", "mid" or "late"
    range_to: frozenset[str]
    range_from: frozenset[str]

    @property
    def starters(self) -> frozenset[str]:
        """Every word a date expression can start with (numbers aside)."""
        matchers = (
            self.weekdays,
            self.day_words,
            self.months,
            self.hijri_months,
            self.month_parts,
            self.units,
        )
        words = frozenset().union(*(m.first_words() for m in matchers))
        return words | self.this | self.year_nouns


def _str_matcher(table: dict[str, str]) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for form, value in table.items():
        matcher.add(entry_keys(form), value)
    return matcher


def _int_matcher(table: object, name: str) -> PhraseMatcher[int]:
    if not isinstance(table, dict):
        raise DataError(f"lang/ar/dates.json: {name!r} must be an object")
    matcher: PhraseMatcher[int] = PhraseMatcher()
    for form, value in table.items():
        if not isinstance(value, int):
            raise DataError(f"lang/ar/dates.json: {name}[{form!r}] must be a number")
        matcher.add(entry_keys(form), value)
    return matcher


@cache
@data_file("dates.json")
def date_words() -> DateWords:
    data = read_lang_json("dates.json")
    return DateWords(
        weekdays=_int_matcher(data["weekdays"], "weekdays"),
        day_words=_int_matcher(data["day_words"], "day_words"),
        months=_int_matcher(data["months"], "months"),
        units=_str_matcher(data["units"]),
        past=frozenset(k for f in data["past_modifiers"] for k in entry_keys(f)),
        next=frozenset(k for f in data["next_modifiers"] for k in entry_keys(f)),
        this=frozenset(k for f in data["this_modifiers"] for k in entry_keys(f)),
        today_key=entry_keys(data["today_word"])[0],
        day_noun=normalize_phrase(data["day_noun"]),
        year_nouns=word_set(data["year_nouns"]),
        separators=frozenset(normalize_phrase(s) for s in data["month_separators"]),
        hijri_months=_int_matcher(data["hijri_months"], "hijri_months"),
        hijri_era=frozenset(normalize_phrase(s) for s in data["hijri_era"]),
        month_parts=_str_matcher(data["month_parts"]),
        range_to=frozenset(normalize_phrase(s) for s in data["range_to"]),
        range_from=frozenset(normalize_phrase(s) for s in data["range_from"]),
    )
