"""Plain-text tables that line up in a terminal, Arabic cells included.

Widths count what a terminal shows: Arabic vowel marks and other combining or format
characters take no column, wide East Asian characters take two. A cell with right-to-left
text ends with a LEFT-TO-RIGHT MARK, so a terminal that applies the bidi algorithm keeps the
columns in their order instead of running two Arabic cells together.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

LRM = "\u200e"
ELLIPSIS = "\u2026"
GAP = "  "
MAX_WIDTH = 36
EVENT_HEADERS = ("date", "event", "mode", "actor", "recipient", "trigger")

_SPACES = re.compile(r"\s+")


def char_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Mn", "Me", "Cf"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    return sum(char_width(char) for char in text)


def is_rtl(text: str) -> bool:
    return any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def clip(text: str, width: int) -> str:
    """``text`` cut to ``width`` columns, ending with an ellipsis when cut."""
    if display_width(text) <= width:
        return text
    out: list[str] = []
    used = 0
    for char in text:
        cost = char_width(char)
        if used + cost > width - 1:
            break
        out.append(char)
        used += cost
    return "".join(out).rstrip() + ELLIPSIS


def _cell(value: str, width: int) -> str:
    return clip(_SPACES.sub(" ", value).strip(), width)


def render_table(
    headers: Sequence[str], rows: Iterable[Sequence[str]], *, max_width: int = MAX_WIDTH
) -> str:
    """Headers, a rule, then one line a row; cells longer than ``max_width`` are cut."""
    cells = [[_cell(value, max_width) for value in row] for row in rows]
    widths = [display_width(h) for h in headers]
    for row in cells:
        for i, value in enumerate(row):
            widths[i] = max(widths[i], display_width(value))
    lines = [
        _line(headers, widths),
        _line(["-" * width for width in widths], widths),
        *(_line(row, widths) for row in cells),
    ]
    return "\n".join(lines)


def _line(values: Sequence[str], widths: Sequence[int]) -> str:
    parts = []
    for value, width in zip(values, widths, strict=True):
        pad = " " * (width - display_width(value))
        parts.append(value + LRM + pad if is_rtl(value) else value + pad)
    return GAP.join(parts).rstrip()


def _actors(refs: Iterable[Mapping[str, Any]]) -> str:
    parts = []
    for ref in refs:
        label = ref.get("code") or "---"
        if ref.get("sector"):
            label = f"{label}/{ref['sector']}"
        text = ref.get("entity_text") or ""
        parts.append(f"{label} {text}".strip())
    return "; ".join(parts)


def event_row(record: Mapping[str, Any]) -> list[str]:
    """The table cells of one PLOVER record (as ``EventRecord.to_plover`` makes it)."""
    return [
        record.get("date") or "-",
        record.get("event") or "-",
        record.get("mode") or "-",
        _actors(record.get("actor") or ()),
        _actors(record.get("recipient") or ()),
        record.get("event_text") or "",
    ]


def render_events(records: Iterable[Mapping[str, Any]]) -> str:
    return render_table(EVENT_HEADERS, [event_row(record) for record in records])
