"""Date rules beyond a single Gregorian day: parts of a month or year ("matla' al-shahr",
early this month), Hijri dates ("7 Ramadan 1442 h") and ranges ("min 10 ila 12 Mayu",
from 10 to 12 May).

Each rule takes the finder of marsad.temporal.expressions and a token index and returns a
DateExpression or None, like the finder's own rules.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from marsad.lang.ar import clitics
from marsad.temporal import hijri
from marsad.types import Token

EARLIEST_YEAR = 1800  # a year named after a month or a part of one: "sibtambir 1895"
LATEST_YEAR = 2100

if TYPE_CHECKING:
    from marsad.temporal.expressions import DateExpression, _Finder


def number(token: Token, lo: int, hi: int, *, after_conjunction: bool = False) -> int | None:
    """The token's value when it is a number in ``[lo, hi]``; with ``after_conjunction`` the
    number may carry the conjunction "wa" ("wa-12", and 12)."""
    texts = [token.text]
    if after_conjunction:
        texts += [a.stem for a in token.analyses if len(a.proclitics) == 1 and not a.enclitic]
        # a digit is shorter than any stem the analyser splits off, so strip "wa" here
        texts += [token.text[len(c) :] for c in clitics().conjunctions if token.text.startswith(c)]
    for text in texts:
        if text.isascii() and text.isdigit() and lo <= int(text) <= hi:
            return int(text)
    return None


HIJRI, GREGORIAN = "hijri", "gregorian"


SHORTEST_BARE_YEAR = 3  # figures of a year unless its era is the Hijri one


def year_with_era(finder: _Finder, i: int) -> tuple[int, str | None, int] | None:
    """The year written at token ``i``, the calendar its era names (None if none), and where
    it ends: "1436h" and "2015m" have the era glued on; "1400 h" has it as the next word. A
    year of one or two figures needs the Hijri era: "sanat 40 li-l-hijra" (40 AH) is one,
    "'am 48" is not."""
    tokens, hi = finder.tokens, finder.hi
    text = tokens[i].text
    digits = text[: len(text) - len(text.lstrip("0123456789"))]
    if not 1 <= len(digits) <= 4 or int(digits) < 1:
        return None
    glued = text[len(digits) :]
    era = _calendar(finder, glued)
    if glued and era is None:
        return None
    end = i + 1
    if era is None and end < hi:
        era = _calendar(finder, tokens[end].text)
        end += 1 if era is not None else 0
    if era != HIJRI and len(digits) < SHORTEST_BARE_YEAR:
        return None  # "15m" is rather 2015 cut short than the year 15
    return int(digits), era, end


def era_at(finder: _Finder, i: int) -> str | None:
    """The calendar the era word at token ``i`` names ("al-hijri", "al-miladi"), or None."""
    return _calendar(finder, finder.tokens[i].text)


def _calendar(finder: _Finder, era: str) -> str | None:
    if era in finder.words.hijri_era:
        return HIJRI
    if era in finder.words.gregorian_era:
        return GREGORIAN
    return None


def numeric_date(finder: _Finder, i: int) -> DateExpression | None:
    """A date in figures, day first: "04/08/2015m", "19/10/1436h" (Hijri when its era says
    so, or when the year is one of the Hijri tables' and no era is written)."""
    tokens = finder.tokens
    if i + 4 >= finder.hi:
        return None
    sep = tokens[i + 1].text
    if sep not in finder.words.numeric_separators or tokens[i + 3].text != sep:
        return None
    day, month = number(tokens[i], 1, 31), number(tokens[i + 2], 1, 12)
    found = year_with_era(finder, i + 4)
    if day is None or month is None or found is None:
        return None
    year, era, end = found
    if era is None:
        era = HIJRI if hijri.FIRST_YEAR <= year <= hijri.LAST_YEAR else GREGORIAN
    when: date | None
    if era == HIJRI:
        when = hijri.to_gregorian(year, month, day)
    else:
        try:
            when = date(year, month, day) if 1900 <= year <= 2100 else None
        except ValueError:
            when = None
    if when is None:
        return None
    return finder.ref(i, end, when.isoformat(), "day", f"numeric-{era}")


def month_part(finder: _Finder, i: int) -> DateExpression | None:
    """ "matla'/muntasaf/awakhir" (early / mid / late) + a month or year: the whole month or
    year, to its precision; marsad does not invent which days "early" covers."""
    words, tokens, hi = finder.words, finder.tokens, finder.hi
    part = words.month_parts.matches_at(tokens, i, hi)
    if not part or finder.anchor is None:
        return None
    j = part[0].end
    method = f"part-{part[0].value}"
    unit = words.units.matches_at(tokens, j, hi)
    # "nihayat 1990", "awakhir 'am 2013", "sayf 2011" (late 1990, late 2013, summer 2011)
    at = unit[0].end if unit and unit[0].value == "year" else j
    named = number(tokens[at], EARLIEST_YEAR, LATEST_YEAR) if at < hi else None
    if named is not None:
        return finder.ref(i, at + 1, f"{named:04d}", "year", method)
    if unit and unit[0].value == "month" and words.months.matches_at(tokens, unit[0].end, hi):
        # "nihayat shahr yunyu" (the end of the month of June): the month named
        j, unit = unit[0].end, []
    if unit and unit[0].value in ("month", "year"):
        end = unit[0].end
        relation = finder.relation(end)
        if relation is None:
            relation = "this"  # "matla' al-shahr": early this month
        else:
            end += 1
        step = {"past": -1, "next": 1, "this": 0}[relation]
        if unit[0].value == "year":
            return finder.ref(i, end, f"{finder.anchor.year + step:04d}", "year", method)
        if finder.anchor.precision == "year":
            return None
        from marsad.temporal.expressions import shift_month

        y, mo = shift_month(finder.anchor.year, int(finder.anchor.value[5:7]), step)
        return finder.ref(i, end, f"{y:04d}-{mo:02d}", "month", method)
    months = words.months.matches_at(tokens, j, hi)
    if not months:
        return None
    month = months[0].value
    end = finder.past_month_again(months[0].end, month)
    year = number(tokens[end], EARLIEST_YEAR, LATEST_YEAR) if end < hi else None
    if year is not None:
        return finder.ref(i, end + 1, f"{year:04d}-{month:02d}", "month", method)
    if finder.anchor.precision == "year":
        return finder.ref(i, end, f"{finder.anchor.year:04d}-{month:02d}", "month", method)
    # "awakhir yunyu al-madi" (late last June): the nearest such month before, or after
    relation = finder.relation(end) if end < hi else None
    if relation in ("past", "next"):
        end += 1
    year = finder.year_of_month(month, relation)
    return finder.ref(i, end, f"{year:04d}-{month:02d}", "month", method)


def _hijri_anchor_year(finder: _Finder) -> tuple[int, int, int] | None:
    anchor = finder.anchor
    if anchor is None:
        return None
    day = anchor.day or date(anchor.year, int(anchor.value[5:7] or 6), 15)
    return hijri.hijri_year_month_day(day)


ANY_FEAST = "any"  # eid_names' value for "al-'id" alone: either feast


def eid_day(finder: _Finder, i: int) -> DateExpression | None:
    """A day of a feast ("awwal ayyam 'id al-fitr al-mubarak", the first day of Eid al-Fitr;
    "laylat al-'id", the eve): the last such day on or before the article's day, in the
    Gregorian calendar. "Al-'id" alone is whichever feast came last."""
    words, tokens, hi = finder.words, finder.tokens, finder.hi
    found = words.eid_days.matches_at(tokens, i, hi)
    if not found or finder.anchor is None or finder.anchor.day is None:
        return None
    today = _hijri_anchor_year(finder)
    if today is None:
        return None
    m = found[0]
    offset, feast = m.value
    end = m.end + 1 if m.end < hi and tokens[m.end].text in words.eid_epithets else m.end
    feasts = list(words.eid_first_days) if feast == ANY_FEAST else [feast]
    days = [
        first + timedelta(days=offset)
        for name in feasts
        for year in (today[0], today[0] - 1)
        if (first := hijri.to_gregorian(year, *words.eid_first_days[name])) is not None
    ]
    past = [d for d in days if d <= finder.anchor.day]
    return finder.relative(i, end, max(past), "eid") if past else None


def hijri_date(finder: _Finder, i: int) -> DateExpression | None:
    """ "7 Ramadan 1442 h" (a day), "Ramadan 1442" (a month), "7 Ramadan" (the nearest past
    one): converted to the Gregorian calendar. A Hijri month alone is not a date."""
    words, tokens, hi = finder.words, finder.tokens, finder.hi
    day = number(tokens[i], 1, 30)
    j = i + 1 if day is not None else i
    months = words.hijri_months.matches_at(tokens, j, hi)
    if not months:
        return None
    month, end = months[0].value, months[0].end
    # "1442", "1442 h", "1442h": a year of the Hijri tables with its era or none
    found = year_with_era(finder, end) if end < hi else None
    in_tables = found is not None and hijri.FIRST_YEAR <= found[0] <= hijri.LAST_YEAR
    year = found[0] if found is not None and in_tables and found[1] != GREGORIAN else None
    if found is not None and year is not None:
        end = found[2]
    elif day is None:
        return None  # "Ramadan" alone is the month of fasting in general, or a name
    else:
        today = _hijri_anchor_year(finder)
        if today is None:
            return None
        year = today[0] - (1 if (month, day) > (today[1], today[2]) else 0)
    if day is None:
        middle = hijri.month_middle(year, month)
        if middle is None:
            return None
        return finder.ref(i, end, f"{middle.year:04d}-{middle.month:02d}", "month", "hijri-month")
    when = hijri.to_gregorian(year, month, day)
    if when is None:
        return None
    return finder.ref(i, end, when.isoformat(), "day", "hijri")


def day_range(finder: _Finder, i: int) -> DateExpression | None:
    """ "10-12 Mayu 2021", "bayna 10 wa-12 Mayu" (between 10 and 12 May): the first day as the
    value, the last as the end."""
    tokens, hi, words = finder.tokens, finder.hi, finder.words
    first = number(tokens[i], 1, 31)
    if first is None or i + 1 >= hi:
        return None
    j = i + 1
    if tokens[j].text in words.range_to and j + 1 < hi:
        j += 1
        last = number(tokens[j], 1, 31)
    else:  # "wa-12": the conjunction on the number
        last = number(tokens[j], 1, 31, after_conjunction=True)
        last = last if last is not None and tokens[j].text != str(last) else None
    if last is None or last <= first:
        return None
    closing = finder.explicit(j, day=last)
    if closing is None or closing.ref.precision != "day":
        return None
    value = closing.ref.value[:8] + f"{first:02d}"
    return _spanning(finder, i, closing, value)


def _spanning(finder: _Finder, start: int, closing: DateExpression, value: str) -> DateExpression:
    expr = finder.ref(start, closing.end, value, "day", "range")
    return replace(expr, ref=replace(expr.ref, end=closing.ref.value))


def extend_range(finder: _Finder, opening: DateExpression) -> DateExpression:
    """ "min 10 Mayu ila 2 Yunyu 2021" (from 10 May to 2 June 2021): a day date followed by
    "ila" / "hatta" and another day date becomes one range; the opening takes the closing
    date's year when it had none of its own."""
    tokens, hi, words = finder.tokens, finder.hi, finder.words
    j = opening.end
    if opening.ref.precision != "day" or j + 1 >= hi or tokens[j].text not in words.range_to:
        return opening
    closing = finder.explicit(j + 1)
    if closing is None or closing.ref.precision != "day":
        return opening
    value = opening.ref.value
    if not any(number(t, 1900, 2100) for t in tokens[opening.start : opening.end]):
        value = closing.ref.value[:4] + value[4:]
    if value > closing.ref.value:
        return opening
    return _spanning(finder, opening.start, closing, value)
