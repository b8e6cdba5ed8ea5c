"""Code a text and return its events with what to highlight, without storing anything."""

from __future__ import annotations

from typing import Any

from marsad.api import analyze
from marsad.errors import InputError
from marsad.query.evidence import record_marks

MAX_CODE_CHARS = 20_000


def code_text(text: str, date: str | None = None) -> dict[str, Any]:
    """Each event as its PLOVER record with ``marks`` and ``decisions``; ``errors`` lists the
    stages that failed on the text."""
    if not text.strip():
        raise InputError("text is empty")
    if len(text) > MAX_CODE_CHARS:
        raise InputError(f"text has {len(text):,} characters; at most {MAX_CODE_CHARS:,}")
    doc = analyze(text, date)
    events = []
    for event in doc.events:
        marks, decisions = record_marks(event)
        events.append({**event.to_plover(text), "marks": marks, "decisions": decisions})
    return {
        "date": doc.article.date,
        "characters": len(text),
        "events": events,
        "errors": [f"{e.stage}: {e.message}" for e in doc.errors],
    }
