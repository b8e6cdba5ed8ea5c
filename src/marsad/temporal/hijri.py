"""Hijri (Umm al-Qura) dates to Gregorian, with the maintained ``hijridate`` package.

The Umm al-Qura tables cover 1343-1500 AH (1924-2077 CE); a date outside them, or a day the
month does not have, gives None rather than a guess.
"""

from __future__ import annotations

from datetime import date

from hijridate import Gregorian, Hijri

FIRST_YEAR, LAST_YEAR = 1343, 1500

# The Hijri epoch (16 July 622) as a Gregorian year and fraction, and the mean Hijri year in
# Gregorian years (354.367 days): enough to place a Hijri year, tables or not.
_EPOCH, _YEAR = 622.54, 0.970224


def to_gregorian(year: int, month: int, day: int) -> date | None:
    """The Gregorian day of a Hijri date, or None when the tables do not have it."""
    if not FIRST_YEAR <= year <= LAST_YEAR:
        return None
    try:
        return Hijri(year, month, day).to_gregorian()
    except (ValueError, OverflowError):
        return None


def month_middle(year: int, month: int) -> date | None:
    """The Gregorian day in the middle of a Hijri month: a Hijri month named without a day
    straddles two Gregorian months, and its middle says which one it mostly lies in."""
    return to_gregorian(year, month, 15)


def hijri_year_month_day(day: date) -> tuple[int, int, int] | None:
    """The Hijri date of a Gregorian day, or None outside the tables."""
    try:
        h = Gregorian(day.year, day.month, day.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    return h.year, h.month, h.day


def year_span(year: int) -> tuple[int, int]:
    """The Gregorian years a Hijri year begins and ends in (1436 AH: 2014 to 2015)."""
    start = _EPOCH + (year - 1) * _YEAR
    return int(start), int(start + _YEAR)
