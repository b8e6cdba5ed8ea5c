"""Article dates as readers accept them: ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
import re

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")
# A timestamp such as "2021-05-19T10:30:00Z" keeps its day.
_TIMESTAMP = re.compile(r"(\d{4}-\d{2}-\d{2})[T ]\d{2}:\d{2}")


def parse_date(value: str) -> str:
    """Check a date and return it zero-padded; ``ValueError`` says what is wrong with it."""
    text = value.strip()
    stamp = _TIMESTAMP.match(text)
    if stamp:
        text = stamp.group(1)
    match = _DATE.fullmatch(text)
    if not match:
        raise ValueError(f"bad date {value!r} (expected YYYY, YYYY-MM or YYYY-MM-DD)")
    year, month, day = (int(g) if g else None for g in match.groups())
    assert year is not None
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ValueError(f"bad date {value!r} (no such day in the calendar)") from None
    if day is not None:
        return f"{year:04d}-{month:02d}-{day:02d}"
    if month is not None:
        return f"{year:04d}-{month:02d}"
    return f"{year:04d}"
