"""Find date expressions in a sentence and resolve them against the article's date.

An anchor with a day resolves relative expressions ("al-ithnayn al-madi", last Monday;
"ams", yesterday) to a day; an anchor known only to the month or year cannot, and the
expression then takes the anchor as it is — marsad never invents a day.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cache, lru_cache

from marsad.coding.numbers import Number, numbers, read_number
from marsad.coding.resources import cues
from marsad.temporal import hijri, periods
from marsad.temporal.lexicon import DateWords, Duration, date_words
from marsad.temporal.periods import EARLIEST_YEAR, LATEST_YEAR
from marsad.types import DateRef, Document, Sentence, Span, Token


@dataclass(frozen=True, slots=True)
class Anchor:
    day: date | None  # when the article's date is known to the day
    value: str
    precision: str

    @classmethod
    def parse(cls, value: str | None) -> Anchor | None:
        return _parsed_anchor(value) if value else None

    @property
    def year(self) -> int:
        return int(self.value[:4])

    @property
    def month(self) -> int | None:
        return int(self.value[5:7]) if len(self.value) >= 7 else None


@lru_cache(maxsize=4096)
def _parsed_anchor(value: str) -> Anchor:
    """``Anchor.parse`` of a date, worked out once a date: a run's texts share a few."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return Anchor(date(*parts), value, "day")
    return Anchor(None, value, "month" if len(parts) == 2 else "year")


DECADE = 10  # years
CENTURY = 100  # years
OPEN_BRACKET, CLOSE_BRACKET = "(", ")"
ENCLOSED = {OPEN_BRACKET: CLOSE_BRACKET, '"': '"', "\u00ab": "\u00bb", "\u201c": "\u201d"}  # «», “”


@dataclass(frozen=True, slots=True)
class DateExpression:
    start: int  # token range
    end: int
    ref: DateRef


def _definite(token: Token, key: str, article: str) -> bool:
    return token.text == article + key or any(
        a.stem == key and article in a.proclitics for a in token.analyses
    )


def _number(token: Token, lo: int, hi: int) -> int | None:
    if token.text.isascii() and token.text.isdigit() and lo <= int(token.text) <= hi:
        return int(token.text)
    return None


SUPERLATIVE_REACH = 4  # words from a superlative to the "mundhu" it compares with
YEAR_FIGURES = 4  # "1980-", not "15-" (a range of numbers or a score)


def _past_century(number: int) -> bool:
    """Whether a year after "'am" with no era is a Gregorian year of past centuries ("'am
    1707"): from 1000 to 1899, outside the Hijri tables' years (1343–1500), which Saudi news
    write without an era too."""
    return FIRST_GREGORIAN <= number < 1900 and not hijri.FIRST_YEAR <= number <= hijri.LAST_YEAR


FIRST_GREGORIAN = 1000  # the earliest year "'am" + four digits is read as


def _keys(tokens: Sequence[Token], i: int, end: int) -> frozenset[str]:
    return tokens[i].keys if i < end else frozenset()


def _weekday_offset(anchor: date, weekday: int, relation: str) -> date:
    back = (anchor.weekday() - weekday) % 7
    if relation == "past":
        return anchor - timedelta(days=back or 7)
    if relation == "next":
        return anchor + timedelta(days=(weekday - anchor.weekday()) % 7 or 7)
    return anchor - timedelta(days=back)  # bare or «today»: this week's, not a future one


def _nearest_weekday(day: date, weekday: int, latest: date | None) -> date:
    """The ``weekday`` nearest to ``day`` (at most three days before or after it), or the one
    before that when it would fall after ``latest``."""
    ahead = (weekday - day.weekday()) % 7
    found = day + timedelta(days=ahead - 7 if ahead > HALF_WEEK else ahead)
    return found - timedelta(weeks=1) if latest is not None and found > latest else found


HALF_WEEK = 3


def shift_month(year: int, month: int, by: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + by
    return index // 12, index % 12 + 1


def _how_many(duration: Duration, count: Number | None) -> int | None:
    """How many units a duration counts: a count before a singular or plural ("thalathat
    ayyam", "mi'at 'am"), a dual alone ("yawmayn", 2), a singular alone ("'am", 1). A plural
    alone ("qabl ayyam", days ago) says no number; a count before a dual is no phrase."""
    if count is None:
        return {"one": 1, "two": 2, "many": None}[duration.number]
    if duration.number == "two" or count.coordinated or count.value < 1:
        return None
    return count.value


_STARTS: dict[str, bool] = {}


def _may_start(token: Token) -> bool:
    """Whether a date expression may start at this token: a number or a date word, with or
    without clitics. Cached by surface (a token's analyses depend on its surface only): most
    tokens are neither, and the rules need not look at them."""
    hit = _STARTS.get(token.text)
    if hit is None:
        starters = _starters()
        stems = [token.text, *(a.stem for a in token.analyses)]
        hit = any(s in starters or s[:1].isdigit() for s in stems)  # "2015m": era glued on
        if len(_STARTS) > 200_000:
            _STARTS.clear()
        _STARTS[token.text] = hit
    return hit


@cache
def _starters() -> frozenset[str]:
    return date_words().starters


class _Finder:
    def __init__(self, doc: Document, sentence: Sentence, anchor: Anchor | None) -> None:
        self.doc = doc
        self.tokens = doc.tokens
        self.lo, self.hi = sentence.token_start, sentence.token_end
        self.anchor = anchor
        self.words: DateWords = date_words()
        self.article = cues().article

    def ref(self, start: int, end: int, value: str, precision: str, method: str) -> DateExpression:
        span = Span(self.tokens[start].span.start, self.tokens[end - 1].span.end)
        return DateExpression(
            start,
            end,
            DateRef(value, precision, self.doc.raw(span), span, method),  # type: ignore[arg-type]
        )

    def relative(
        self, start: int, end: int, when: date | None, method: str
    ) -> DateExpression | None:
        if self.anchor is None:
            return None
        if when is None:  # the anchor has no day: keep its month or year
            return self.ref(
                start, end, self.anchor.value, self.anchor.precision, method + "+anchor"
            )
        return self.ref(start, end, when.isoformat(), "day", method)

    def relation(self, i: int) -> str | None:
        keys = _keys(self.tokens, i, self.hi)
        if keys & self.words.past:
            return "past"
        if keys & self.words.next:
            return "next"
        if keys & self.words.this:
            return "this"
        return None

    def weekday(self, i: int, today: bool) -> DateExpression | None:
        found = self.words.weekdays.matches_at(self.tokens, i, self.hi)
        if not found:
            return None
        m = found[0]
        before = self.tokens[i - 1] if i > self.lo else None
        after_day_noun = before is not None and before.text == self.words.day_noun
        definite = any(self.article in a.proclitics for a in self.tokens[i].analyses)
        if not (today or after_day_noun or definite):
            return None  # "ahad" is "one", "al-ahad" is Sunday
        relation = self.relation(m.end) or ("today" if today else "bare")
        end = m.end + (1 if relation in ("past", "next") else 0)
        start = i - 1 if today or after_day_noun else i
        when = (
            _weekday_offset(self.anchor.day, m.value, relation)
            if self.anchor and self.anchor.day
            else None
        )
        return self.relative(start, end, when, f"weekday-{relation}")

    def named_weekday(self, j: int) -> tuple[int, int] | None:
        """The weekday named right after a day word at token ``j``, with the article or in
        brackets or quotes ("ams al-ahad", "al-yawm (al-ithnayn)", "ams al-awwal \"al-sabt\""),
        and where its words end."""
        close = ENCLOSED.get(self.tokens[j].text) if j < self.hi else None
        at = j + 1 if close else j
        found = self.words.weekdays.matches_at(self.tokens, at, self.hi)
        if not found:
            return None
        end = found[0].end
        if close:
            if end >= self.hi or self.tokens[end].text != close:
                return None
            return found[0].value, end + 1
        definite = any(self.article in a.proclitics for a in self.tokens[at].analyses)
        return (found[0].value, end) if definite and self.relation(end) is None else None

    def ordinal(self, i: int) -> DateExpression | None:
        """ "al-thalith min sibtambir" (the third of September): an ordinal day, "min" and a
        month. Not after a noun with the article, which the ordinal describes ("al-usbu'
        al-awwal min mayu", the first week of May), unless it is "al-yawm" (the day)."""
        found = self.words.ordinal_days.matches_at(self.tokens, i, self.hi)
        if not found or found[0].end >= self.hi:
            return None
        of = found[0].end
        if self.tokens[of].text != self.words.ordinal_of:
            return None
        if i > self.lo:
            before = self.tokens[i - 1]
            described = any(self.article in a.proclitics for a in before.analyses)
            if described and not _definite(before, self.words.day_noun, self.article):
                return None
        found_date = self.explicit(of, day=found[0].value)
        if found_date is None:
            return None
        ref = found_date.ref
        span = Span(self.tokens[i].span.start, self.tokens[found_date.end - 1].span.end)
        return DateExpression(i, found_date.end, replace(ref, text=self.doc.raw(span), span=span))

    def explicit(self, i: int, day: int | None = None) -> DateExpression | None:
        """A Gregorian date starting at token ``i``; ``day`` is the day number when the caller
        has read it from token ``i`` already (as "wa-12", and 12)."""
        given = day is not None
        day = day if given else _number(self.tokens[i], 1, 31)
        if not given and day is None and i > self.lo and _number(self.tokens[i - 1], 1, 31):
            # "31 fibrayir" (31 February): the day was read and rejected; not a month alone
            return None
        j = i + 1 if day is not None else i
        months = self.words.months.matches_at(self.tokens, j, self.hi)
        if not months:
            return None
        month, named_at = months[0].value, months[0].end
        j = self.past_month_again(named_at, month)
        year, end = self.gregorian_year(j)
        if day is None and year is None:
            # a month name alone is too often another word ("Ab", August, is also "ab", father;
            # "May", May, is also colloquial "water"): only a month told as one stands alone
            return self.month_alone(i, j, month, named_again=j > named_at)
        if year is None:
            if self.anchor is None or (day is not None and self.names_a_place(i)):
                return None
            year = self.anchor.year
            # "6 Aghustus al-muqbil" (next 6 August): the next one; "25 Yulyu al-jari" (25 July
            # of the month under way): this year's; else the nearest in the past
            relation = self.relation(j) if j < self.hi else None
            ahead = relation == "next"
            current = relation == "this" and self.anchor.month == month
            end += 1 if ahead or current else 0
            today = self.anchor.day
            later = today is not None and (month, day or 1) > (today.month, today.day)
            if later and not ahead and not current:
                year -= 1
            elif ahead and today is not None and not later:
                year += 1
        if day is None:
            return self.ref(i, end, f"{year:04d}-{month:02d}", "month", "explicit-month")
        if day > calendar.monthrange(year, month)[1]:
            return None
        return self.ref(i, end, f"{year:04d}-{month:02d}-{day:02d}", "day", "explicit")

    def gregorian_year(self, j: int) -> tuple[int | None, int]:
        """The year at token ``j`` after a month, its era glued on ("2009m"), after it ("2009
        m") or none, "'am" (year) before it or not ("nufambir 'am 1989"), and where it ends;
        no year and ``j`` when none or a Hijri one stands there."""
        at = j + 1 if j + 1 < self.hi and self.tokens[j].text in self.words.year_nouns else j
        found = periods.year_with_era(self, at) if at < self.hi else None
        if found is None or found[1] == periods.HIJRI:
            return None, j
        year, _, end = found
        return (year, end) if EARLIEST_YEAR <= year <= LATEST_YEAR else (None, j)

    def same_day(self, start: int, end: int) -> bool:
        """Whether "al-yawm" from ``start`` to ``end`` is a day told before: "fi dhalika
        al-yawm" (on that day), "fi al-yawm nafsihi", "fi nafs al-yawm" (on the same day)."""
        words, tokens = self.words, self.tokens
        before = start > self.lo and tokens[start - 1].text in words.same_day_before
        return before or (end < self.hi and tokens[end].text in words.same_day_after)

    def names_a_place(self, i: int) -> bool:
        """ "madinat 6 Uktubar" (the city of 6th October), "maydan 23 Yulyu": a day and a
        month with no year right after a noun of a place name the place."""
        return i > self.lo and not self.tokens[i - 1].keys.isdisjoint(self.words.date_names)

    def month_alone(
        self, i: int, j: int, month: int, *, named_again: bool
    ) -> DateExpression | None:
        """A month named with no day nor year, when it is told as a month: named again in a
        second system ("yunyu (hazayran)"), after the word "shahr" (month), or followed by
        "past" or "next" ("abril al-madi", last April; "sibtambir al-muqbil"). Unmarked, a
        month up to the article's own, of its year; past, the nearest such month before the
        article's (a month of the article's own told as past is last year's); next, the
        nearest after it."""
        relation = self.relation(j) if j < self.hi else None
        told = (
            named_again or relation in ("past", "next") or (i > self.lo and self.month_word(i - 1))
        )
        if not told or self.anchor is None or self.anchor.precision == "year":
            return None
        if relation is None and month > int(self.anchor.value[5:7]):
            # "fi shahr sibtambir" in an August article: the coming September as often as the
            # last one
            return None
        end = j + 1 if relation in ("past", "next") else j
        year = self.year_of_month(month, relation)
        return self.ref(i, end, f"{year:04d}-{month:02d}", "month", "explicit-month")

    def year_of_month(self, month: int, relation: str | None) -> int:
        """The year of a month named without one, by an anchor known to the month: the nearest
        such month before the article's, or the article's own (a month of the article's own
        told as past is last year's); told as next, the nearest after it."""
        assert self.anchor is not None and self.anchor.precision != "year"
        year, current = self.anchor.year, int(self.anchor.value[5:7])
        if relation == "next":
            return year + (month <= current)
        return year - (month > current or (relation == "past" and month == current))

    def month_word(self, i: int) -> bool:
        """Whether token ``i`` is "shahr" (month), with the article or "fi" on it or not."""
        return any(m.value == "month" for m in self.words.units.matches_at(self.tokens, i, i + 1))

    def past_month_again(self, j: int, month: int) -> int:
        """Past the same month named in a second system at token ``j``, right after the first
        ("yunyu hazayran", as Reuters writes it), after a separator ("9 tishrin al-thani/
        nufambir 2020") or in brackets ("24 maris (adhar) 2001", as many papers write it),
        else ``j``."""
        if j >= self.hi:
            return j
        adjacent = self.words.months.matches_at(self.tokens, j, self.hi)
        if adjacent and adjacent[0].value == month:
            return adjacent[0].end
        if j + 1 >= self.hi:
            return j
        bracket = self.tokens[j].text == OPEN_BRACKET
        if not bracket and self.tokens[j].text not in self.words.separators:
            return j
        again = self.words.months.matches_at(self.tokens, j + 1, self.hi)
        if not again or again[0].value != month:
            return j
        after = again[0].end
        if not bracket:
            return after
        return after + 1 if after < self.hi and self.tokens[after].text == CLOSE_BRACKET else j

    def unit(self, i: int) -> DateExpression | None:
        start = i
        before = self.relation(i) == "this"  # "hadha al-usbu'" (this week)
        if before:
            i += 1
        found = self.words.units.matches_at(self.tokens, i, self.hi)
        if not found or self.anchor is None:
            return None
        m = found[0]
        relation = "this" if before else self.relation(m.end)
        if relation is None:
            return None
        step = {"past": -1, "next": 1, "this": 0}[relation]
        end = m.end if before else m.end + 1
        i = start
        if m.value == "year":
            return self.ref(i, end, f"{self.anchor.year + step:04d}", "year", f"year-{relation}")
        if m.value == "month":
            month = int(self.anchor.value[5:7]) if self.anchor.precision != "year" else None
            if month is None:
                return None
            y, mo = shift_month(self.anchor.year, month, step)
            return self.ref(i, end, f"{y:04d}-{mo:02d}", "month", f"month-{relation}")
        if self.anchor.day is None:
            return self.relative(i, end, None, f"week-{relation}")
        monday = self.anchor.day - timedelta(days=self.anchor.day.weekday()) + timedelta(weeks=step)
        return self.ref(i, end, monday.isoformat(), "week", f"week-{relation}")

    def year(self, i: int) -> DateExpression | None:
        """ "'am 2003" (the year 2003), "'am 2015m"; "'am 1400 h" is a Hijri year, the
        Gregorian years it spans."""
        if self.tokens[i].text not in self.words.year_nouns:
            return self.bare_year(i)
        if i + 1 >= self.hi:
            return None
        found = periods.year_with_era(self, i + 1)
        if found is None:
            return None
        number, era, end = found
        if era == periods.HIJRI:
            first, last = hijri.year_span(number)
            return self.years(i, end, first, last, "hijri-year")
        if era == periods.GREGORIAN or _past_century(number) or 1900 <= number <= 2100:
            return self.ref(i, end, f"{number:04d}", "year", "year")
        return None

    def bare_year(self, i: int) -> DateExpression | None:
        """ "fi 2006" (in 2006), "fi 1757m" (in 1757 AD): a year alone after a preposition of
        time; with its era written, a year of four figures outside 1900-2100 too ("500 m" is
        as often metres)."""
        if i == self.lo or self.tokens[i - 1].text not in self.words.year_prepositions:
            return self.item_year(i)
        found = periods.year_with_era(self, i)
        if found is None:
            return None
        number, era, end = found
        if era == periods.HIJRI:
            first, last = hijri.year_span(number)
            return self.years(i - 1, end, first, last, "hijri-year")
        written = era == periods.GREGORIAN and number >= FIRST_GREGORIAN
        if not (written or 1900 <= number <= 2100):
            return None
        return self.ref(i - 1, end, f"{number:04d}", "year", "year-bare")

    def item_year(self, i: int) -> DateExpression | None:
        """ "1980- Saddam Husayn yaqum bi-awwal ziyara ..." (1980 - Saddam Hussein pays the first
        visit): a year of four figures opening its sentence, only marks of a list before it,
        and a dash or a colon after it dates a chronology's item."""
        tokens = self.tokens
        if i + 1 >= self.hi or tokens[i + 1].text not in self.words.item_marks:
            return None
        if not all(tokens[j].is_punct for j in range(self.lo, i)):
            return None
        number = _number(tokens[i], FIRST_GREGORIAN, 2100)
        if number is None or len(tokens[i].text) != YEAR_FIGURES:
            return None
        return self.ref(i, i + 1, f"{number:04d}", "year", "year-item")

    def decade(self, i: int) -> DateExpression | None:
        """ "fi al-sittinat" (in the sixties): the latest such decade that does not start
        after the article's year, ending with the decade."""
        found = self.words.decades.matches_at(self.tokens, i, self.hi)
        if not found or self.anchor is None:
            return None  # no century to read it in
        m = found[0]
        year = self.anchor.year
        first = year // 100 * 100 + m.value
        if first > year:
            first -= 100
        return self.years(i, m.end, first, first + DECADE - 1, "decade")

    def century(self, i: int) -> DateExpression | None:
        """ "fi al-qarn al-thamin 'ashar" (in the eighteenth century): 1700 to 1799, a named
        period after a word of time; "al-qarn al-madi" (the last century) counts from the
        article's; "al-qarn al-rabi' al-hijri" (the fourth Hijri century) spans the Gregorian
        years of its Hijri ones."""
        found = self.words.centuries.matches_at(self.tokens, i, self.hi)
        if not found or not self._after_time_word(i):
            return None
        value, end = found[0].value, found[0].end
        era = periods.era_at(self, end) if end < self.hi else None
        end += 1 if era is not None else 0
        if value <= 0:
            if self.anchor is None:
                return None
            first = (self.anchor.year // 100 + value) * 100
            return self.years(i, end, first, first + CENTURY - 1, "century")
        first = (value - 1) * CENTURY
        if era == periods.HIJRI:
            start, last = hijri.year_span(max(1, first))[0], hijri.year_span(first + CENTURY)[1]
            return self.years(i, end, start, last, "hijri-century")
        return self.years(i, end, first, first + CENTURY - 1, "century")

    def era(self, i: int) -> DateExpression | None:
        """ "fi nihayat al-harb al-'alamiyya al-thaniya" (at the end of World War II): a named
        period of history, from its first year to its last, after a word of time ("fi",
        "khilal", "ba'd", also with a part such as "nihayat" between); without one it is a
        topic ("qarar ghazw al-'Iraq", the decision to invade Iraq), no date."""
        found = self.words.eras.matches_at(self.tokens, i, self.hi)
        if not found or not self._after_time_word(i):
            return None
        first, last = found[0].value
        return self.years(i, found[0].end, first, last, "era")

    def _after_time_word(self, i: int) -> bool:
        j = i - 1
        if j > self.lo and any(
            m.end == i for m in self.words.month_parts.matches_at(self.tokens, j, i)
        ):
            j -= 1  # "fi nihayat": the part of the period stands between
        return j >= self.lo and bool(self.tokens[j].keys & self.words.era_markers)

    def years(self, start: int, end: int, first: int, last: int, method: str) -> DateExpression:
        """A period of year precision from ``first`` to ``last``."""
        expr = self.ref(start, end, f"{first:04d}", "year", method)
        return replace(expr, ref=replace(expr.ref, end=f"{last:04d}"))

    def is_ago(self, token: Token) -> bool:
        """ "qabl" (before), with or without a conjunction; not "qablahu" (before it)."""
        ago = self.words.ago
        return token.text in ago or any(
            a.stem in ago and not a.enclitic and self.article not in a.proclitics
            for a in token.analyses
        )

    def ago(self, i: int) -> DateExpression | None:
        """ "qabl" + a duration ("qabl thalathat ayyam", three days ago; "qabl 'amayn", two
        years ago; "qabl nahwa 'ishrin 'aman", about twenty years ago): back from the article's
        date. Not "qabl yawmayn min al-intikhabat" (two days before the elections): that is
        back from another event."""
        if self.anchor is None or not self.is_ago(self.tokens[i]):
            return None
        j = i + 1
        about = self.words.ago_about.matches_at(self.tokens, j, self.hi)
        if about:
            j = about[0].end
        count = read_number(self.tokens, j, self.hi, numbers()) if j < self.hi else None
        if count is not None:
            j = count.end
        if j >= self.hi:
            return None
        duration = self.words.durations.get(self.tokens[j].text)
        if duration is None:
            return None
        units = _how_many(duration, count)
        if units is None or self.goes_on(j + 1, bare=count is None and duration.number == "one"):
            return None
        if self.compares(i):
            return None
        return self.back(i, j + 1, duration, units)

    def compares(self, i: int) -> bool:
        """Whether "mundhu" at token ``i`` follows a superlative a few words back: "a'naf qital
        waqa'a mundhu shahr" (the fiercest fighting in a month) compares over the span, and
        dates nothing."""
        if self.tokens[i].text not in self.words.since:
            return False
        return any(
            not self.tokens[k].keys.isdisjoint(self.words.superlatives)
            for k in range(max(self.lo, i - SUPERLATIVE_REACH), i)
        )

    def goes_on(self, i: int, bare: bool) -> bool:
        """Whether the duration ending before token ``i`` is not "ago" after all: followed by
        "min" or "'ala" (back from another event), or, for a bare singular, by what makes it a
        construct ("qabl 'am 2003", before the year 2003; "qabl shahr Ramadan", before the
        month of Ramadan; "qabl yawm al-jum'a", before Friday)."""
        if i >= self.hi:
            return False
        token = self.tokens[i]
        if token.text in self.words.ago_relative_to:
            return True
        if not bare or token.is_punct:
            return False
        return (
            token.text.isdigit()
            or any(self.article in a.proclitics for a in token.analyses)
            or bool(self.words.months.matches_at(self.tokens, i, self.hi))
            or bool(self.words.hijri_months.matches_at(self.tokens, i, self.hi))
        )

    def back(self, start: int, end: int, duration: Duration, units: int) -> DateExpression | None:
        """The date ``units`` of ``duration`` before the anchor, to the precision of its step;
        a day step with an anchor that has no day keeps the anchor, as other relative days do."""
        anchor = self.anchor
        if anchor is None:
            return None
        steps = units * duration.size
        method = f"ago-{duration.unit}"
        if duration.step == "year":
            year = anchor.year - steps
            return self.ref(start, end, f"{year:04d}", "year", method) if year >= 1 else None
        if duration.step == "month":
            if anchor.precision == "year":
                return None  # as "al-shahr al-madi" (last month): no month to count from
            y, mo = shift_month(anchor.year, int(anchor.value[5:7]), -steps)
            return self.ref(start, end, f"{y:04d}-{mo:02d}", "month", method) if y >= 1 else None
        if anchor.day is None:
            return self.relative(start, end, None, method)
        if steps >= anchor.day.toordinal():
            return None
        return self.relative(start, end, anchor.day - timedelta(days=steps), method)

    def at(self, i: int) -> DateExpression | None:
        eid = periods.eid_day(self, i)  # before "al-yawm" (today): "al-yawm al-awwal li-l-'id"
        if eid is not None:
            return eid
        day_words = self.words.day_words.matches_at(self.tokens, i, self.hi)
        if day_words and _no_pronoun(self.tokens[i], self.words.day_word_starts):
            m = day_words[0]
            is_today = m.value == 0
            if is_today and not _definite(self.tokens[i], self.words.today_key, self.article):
                return None
            if is_today and self.same_day(i, m.end):
                return None  # the day told before, not the article's: the story dates it
            if is_today and m.end < self.hi:
                weekday = self.weekday(m.end, today=True)
                if weekday is not None:
                    return weekday
            when = (
                self.anchor.day + timedelta(days=m.value)
                if self.anchor and self.anchor.day
                else None
            )
            named = self.named_weekday(m.end)
            if named is not None:
                # "al-yawm (al-ithnayn)" in a paper dated Tuesday, "ams (al-sabt)": the day
                # named is the one meant, the nearest to the day the word counts to; for
                # today or a day past, not after the paper's own day (a story told again)
                day_named, end = named
                if when is not None:
                    latest = when - timedelta(days=m.value) if m.value <= 0 else None
                    when = _nearest_weekday(when, day_named, latest)
                return self.relative(i, end, when, "day-word-weekday")
            return self.relative(i, m.end, when, "day-word")
        weekday = self.weekday(i, today=False)
        if weekday is not None:
            return weekday
        explicit = self.explicit(i) or self.ordinal(i)
        if explicit is not None:
            return periods.extend_range(self, explicit)
        return (
            periods.numeric_date(self, i)
            or periods.hijri_date(self, i)
            or periods.day_range(self, i)
            or periods.month_part(self, i)
            or self.unit(i)
            or self.year(i)
            or self.decade(i)
            or self.century(i)
            or self.era(i)
            or self.ago(i)
        )

    def all(self) -> list[DateExpression]:
        tokens = self.tokens
        known = _STARTS.get  # _may_start's cache, looked up here: every token of the text
        starts = [
            i
            for i, token in enumerate(tokens[self.lo : self.hi], self.lo)
            if not token.is_punct and known(token.text) is not False and _may_start(token)
        ]
        found: list[DateExpression] = []
        free = self.lo  # the first token no expression found covers
        for i in starts:
            if i < free:
                continue
            expr = self.at(i)
            if expr is not None:
                if found and self._restates(found[-1].end, expr.start):
                    found[-1], expr = _one_day(self.tokens, found[-1], expr)
                found.append(expr)
                free = max(expr.end, i + 1)
        return _weekdays_dated(found)

    def _restates(self, gap_start: int, gap_end: int) -> bool:
        """Whether the words between two dates say they are one day in two calendars: "6
        Aghustus 2012, al-muwafiq 17 Ramadan" (corresponding to)."""
        words, gap = self.words, self.tokens[gap_start:gap_end]
        fillers = words.equivalents | words.equivalent_fillers
        return any(t.text in words.equivalents for t in gap) and all(
            t.is_punct or t.text in fillers for t in gap
        )


YEAR = re.compile(r"\d{4}")
WEEKDAY_REACH = 8  # tokens from a weekday to the calendar date that may say which one it is
CALENDAR_DAYS = ("explicit", "numeric", periods.HIJRI)  # methods of a day written out


def _weekdays_dated(found: list[DateExpression]) -> list[DateExpression]:
    """A weekday named a few words before a calendar date that falls on that weekday is that
    date: "khilal salat al-jum'a fi shahr Ramadan fi 26 yunyu al-madi" (during the Friday
    prayer in Ramadan, on 26 June) is Friday 26 June, not the Friday before the paper's day."""
    for k in range(len(found) - 1):
        weekday, day = found[k].ref, found[k + 1].ref
        if (
            weekday.method.startswith("weekday-")
            and weekday.precision == day.precision == "day"
            and day.method.split("-")[0] in CALENDAR_DAYS
            and found[k + 1].start - found[k].end <= WEEKDAY_REACH
            and weekday.value != day.value
            and date.fromisoformat(weekday.value).weekday()
            == date.fromisoformat(day.value).weekday()
        ):
            dated = replace(weekday, value=day.value, method="weekday-dated")
            found[k] = replace(found[k], ref=dated)
    return found


def _one_day(
    tokens: Sequence[Token], first: DateExpression, second: DateExpression
) -> tuple[DateExpression, DateExpression]:
    """Two dates of one day take one value: the one that writes its year, when only one does
    ("yawm al-jum'a al-muwafiq 25-1-1427 h"); else the Gregorian one, when the other is Hijri
    (a Hijri day with no year is the nearest past one, a guess); else the first."""
    full = [any(YEAR.search(t.text) for t in tokens[e.start : e.end]) for e in (first, second)]
    # every Hijri date's method has the calendar's name as a word: "hijri", "numeric-hijri"
    hijri = [periods.HIJRI in e.ref.method.split("-") for e in (first, second)]
    if full[0] != full[1]:
        take = first if full[0] else second
    else:
        take = second if hijri[0] and not hijri[1] else first
    return replace(first, ref=take.ref), replace(second, ref=take.ref)


def find_dates(doc: Document, sentence: Sentence, anchor: Anchor | None) -> list[DateExpression]:
    return _Finder(doc, sentence, anchor).all()


def _no_pronoun(token: Token, starts: frozenset[str]) -> bool:
    """Whether the token is a day word's first word with no pronoun suffix: "ghadat" (the
    morrow of) ends as "ghadan" (tomorrow) with "-hu" would, and dates what follows it, not
    the article's next day."""
    return token.text in starts or any(a.key in starts and not a.enclitic for a in token.analyses)
