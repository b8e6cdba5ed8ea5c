"""Date words from lang/ar/dates.json, normalised and ready to match."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any, Literal

from marsad.coding.lang_files import phrase_matcher, read_lang_json, word_set
from marsad.errors import DataError
from marsad.lang.ar import data_file
from marsad.matcher import PhraseMatcher
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys

Step = Literal["day", "month", "year"]
GrammaticalNumber = Literal["one", "two", "many"]


@dataclass(frozen=True, slots=True)
class Duration:
    """A form of a unit of time counted back from the article ("qabl 'amayn", two years ago)."""

    unit: str  # "day", "week", "month", "year", "decade", "century"
    step: Step  # what the size counts
    size: int  # steps in one unit: a week is 7 days, a decade 10 years
    number: GrammaticalNumber  # singular, dual or plural / counted form


@dataclass(frozen=True)
class DateWords:
    weekdays: PhraseMatcher[int]  # Monday = 0, as datetime.date.weekday()
    day_words: PhraseMatcher[int]  # offset in days from the article's date
    day_word_starts: frozenset[str]  # the first word of each day word, as a key
    months: PhraseMatcher[int]
    ordinal_days: PhraseMatcher[int]  # "al-thalith" (the third) of a month
    ordinal_of: str  # "min" between the ordinal day and its month
    units: PhraseMatcher[str]
    past: frozenset[str]
    next: frozenset[str]
    this: frozenset[str]
    today_key: str
    same_day_before: frozenset[str]  # "dhalika al-yawm" (that day): a day told before
    same_day_after: frozenset[str]  # "al-yawm nafsuhu" (the same day)
    day_noun: str
    year_nouns: frozenset[str]
    year_prepositions: frozenset[str]
    item_marks: frozenset[str]
    since: frozenset[str]  # "mundhu": a year after it is when a state began
    equivalents: frozenset[str]  # "al-muwafiq" (corresponding to) between two dates of a day
    equivalent_fillers: frozenset[str]
    eid_days: PhraseMatcher[tuple[int, str]]  # a feast's day: days from its first, the feast
    eid_first_days: dict[str, tuple[int, int]]  # feast -> Hijri month and day of its first day
    eid_epithets: frozenset[str]
    decades: PhraseMatcher[int]  # the decade's first year in its century: 60 for the sixties
    centuries: PhraseMatcher[int]  # the ordinal (18), or the offset from the article's (-1, 0)
    eras: PhraseMatcher[tuple[int, int]]  # a named period of history: its first and last year
    era_markers: frozenset[str]  # words of time one of which stands before an era that dates
    separators: frozenset[str]
    hijri_months: PhraseMatcher[int]
    hijri_era: frozenset[str]
    gregorian_era: frozenset[str]
    numeric_separators: frozenset[str]
    month_parts: PhraseMatcher[str]  # "early", "mid" or "late"
    range_to: frozenset[str]
    range_from: frozenset[str]
    ago: frozenset[str]  # "qabl" before a duration
    ago_about: PhraseMatcher[str]  # hedges between "qabl" and the count: "nahwa", about
    ago_relative_to: frozenset[str]  # after a duration: back from another event, not the article
    date_names: frozenset[str]  # "madina", "maydan": a day and month after them is a name
    superlatives: frozenset[str]  # "a'naf" (fiercest): "mundhu" + a duration after it compares
    appointments: frozenset[str]  # "maw'id", "al-muqarrar": a date after one is set for that
    durations: dict[str, Duration]  # by normalised surface (no clitics, no article)

    @property
    def starters(self) -> frozenset[str]:
        """Every word a date expression can start with (numbers aside)."""
        matchers = (
            self.weekdays,
            self.day_words,
            self.months,
            self.ordinal_days,
            self.hijri_months,
            self.month_parts,
            self.units,
            self.decades,
            self.centuries,
            self.eras,
            self.eid_days,
        )
        words = frozenset().union(*(m.first_words() for m in matchers))
        return words | self.this | self.year_nouns | self.ago


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


def _eid_matcher(days: object, names: object) -> PhraseMatcher[tuple[int, str]]:
    """Each day phrase of ``days`` before each feast name of ``names``: "awwal ayyam al-'id"."""
    if not (isinstance(days, dict) and isinstance(names, dict)):
        raise DataError("lang/ar/dates.json: 'eid_days' and 'eid_names' must be objects")
    matcher: PhraseMatcher[tuple[int, str]] = PhraseMatcher()
    for day, offset in days.items():
        for name, feast in names.items():
            if not (isinstance(offset, int) and isinstance(feast, str)):
                raise DataError(f"lang/ar/dates.json: bad eid day {day!r} or name {name!r}")
            matcher.add((*entry_keys(day), *entry_keys(name)), (offset, feast))
    return matcher


def _eid_first_days(table: object) -> dict[str, tuple[int, int]]:
    if not isinstance(table, dict) or not all(
        isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)
        for v in table.values()
    ):
        raise DataError("lang/ar/dates.json: 'eid_first_days' maps a feast to [month, day]")
    return {feast: (month, day) for feast, (month, day) in table.items()}


def _era_matcher(table: object) -> PhraseMatcher[tuple[int, int]]:
    if not isinstance(table, dict):
        raise DataError("lang/ar/dates.json: 'eras' must be an object")
    matcher: PhraseMatcher[tuple[int, int]] = PhraseMatcher()
    for form, years in table.items():
        if not (
            isinstance(years, list)
            and len(years) == 2
            and all(isinstance(y, int) for y in years)
            and years[0] <= years[1]
        ):
            raise DataError(f"lang/ar/dates.json: eras[{form!r}] must be [first year, last year]")
        matcher.add(entry_keys(form), (years[0], years[1]))
    return matcher


def _distinct(forms: list[str]) -> list[str]:
    """The forms less spellings that normalise alike ("hawali" with a final ya or with an
    alif maqsura)."""
    return list({normalize_phrase(f): f for f in forms}.values())


_STEPS: tuple[Step, ...] = ("day", "month", "year")
_NUMBERS: tuple[GrammaticalNumber, ...] = ("one", "two", "many")


def _durations(table: Any) -> dict[str, Duration]:
    if not isinstance(table, dict):
        raise DataError("lang/ar/dates.json: 'durations' must be an object")
    found: dict[str, Duration] = {}
    for unit, entry in table.items():
        size, step = entry["size"]
        if step not in _STEPS or not isinstance(size, int) or size < 1:
            raise DataError(f"lang/ar/dates.json: durations[{unit!r}]: bad size {entry['size']}")
        for number in _NUMBERS:
            for form in entry[number]:
                key = normalize_phrase(form)
                if key in found:
                    raise DataError(f"lang/ar/dates.json: durations: {form!r} listed twice")
                found[key] = Duration(unit, step, size, number)
    return found


@cache
@data_file("dates.json")
def date_words() -> DateWords:
    data = read_lang_json("dates.json")
    return DateWords(
        weekdays=_int_matcher(data["weekdays"], "weekdays"),
        day_words=_int_matcher(data["day_words"], "day_words"),
        day_word_starts=frozenset(entry_keys(form)[0] for form in data["day_words"]),
        months=_int_matcher(data["months"], "months"),
        ordinal_days=_int_matcher(data["ordinal_days"], "ordinal_days"),
        ordinal_of=normalize_phrase(data["ordinal_of"]),
        units=_str_matcher(data["units"]),
        past=frozenset(k for f in data["past_modifiers"] for k in entry_keys(f)),
        next=frozenset(k for f in data["next_modifiers"] for k in entry_keys(f)),
        this=frozenset(k for f in data["this_modifiers"] for k in entry_keys(f)),
        today_key=entry_keys(data["today_word"])[0],
        same_day_before=word_set(data["same_day_before"]),
        same_day_after=word_set(data["same_day_after"]),
        day_noun=normalize_phrase(data["day_noun"]),
        year_nouns=word_set(data["year_nouns"]),
        year_prepositions=frozenset(normalize_phrase(s) for s in data["year_prepositions"]),
        item_marks=frozenset(data["item_marks"]),
        since=word_set(data["since"]),
        equivalents=word_set(data["equivalents"]),
        equivalent_fillers=word_set(data["equivalent_fillers"]),
        eid_days=_eid_matcher(data["eid_days"], data["eid_names"]),
        eid_first_days=_eid_first_days(data["eid_first_days"]),
        eid_epithets=word_set(data["eid_epithets"]),
        decades=_int_matcher(data["decades"], "decades"),
        centuries=_int_matcher(data["centuries"], "centuries"),
        eras=_era_matcher(data["eras"]),
        era_markers=word_set(data["era_markers"]),
        separators=frozenset(normalize_phrase(s) for s in data["month_separators"]),
        hijri_months=_int_matcher(data["hijri_months"], "hijri_months"),
        hijri_era=frozenset(normalize_phrase(s) for s in data["hijri_era"]),
        gregorian_era=frozenset(normalize_phrase(s) for s in data["gregorian_era"]),
        numeric_separators=frozenset(data["numeric_separators"]),
        month_parts=_str_matcher(data["month_parts"]),
        range_to=frozenset(normalize_phrase(s) for s in data["range_to"]),
        range_from=frozenset(normalize_phrase(s) for s in data["range_from"]),
        ago=frozenset(normalize_phrase(s) for s in data["ago"]),
        ago_about=phrase_matcher(_distinct(data["ago_about"]), "about"),
        ago_relative_to=frozenset(normalize_phrase(s) for s in data["ago_relative_to"]),
        date_names=frozenset(k for f in data["date_names"] for k in entry_keys(f)),
        superlatives=frozenset(k for f in data["superlatives"] for k in entry_keys(f)),
        appointments=frozenset(k for f in data["appointments"] for k in entry_keys(f)),
        durations=_durations(data["durations"]),
    )
