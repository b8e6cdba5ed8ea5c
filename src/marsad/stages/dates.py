"""Date each event: the date expression of its own clause, else the last one before it in
the sentence, else the article's date (to whatever precision the article gives).

An event its text dates more than a year before the article ("fi 'am 2003", in the year
2003) is history the article recalls, not news it reports: it is dropped.
"""

from __future__ import annotations

import calendar
from dataclasses import replace
from datetime import date, timedelta

from marsad.temporal.expressions import Anchor, DateExpression, find_dates
from marsad.types import DateRef, Document, EventRecord


def _date_for(
    event: EventRecord, found: dict[int, list[DateExpression]], doc: Document
) -> DateRef | None:
    evidence = event.evidence[0]
    here = found.get(evidence.sentence, [])
    inside = [e for e in here if evidence.clause.contains(e.ref.span or evidence.clause)]
    if inside:
        trigger = evidence.trigger.start
        return min(inside, key=lambda e: abs((e.ref.span or evidence.clause).start - trigger)).ref
    before = [e for e in here if e.ref.span and e.ref.span.end <= evidence.clause.start]
    if before:
        return before[-1].ref
    anchor = Anchor.parse(doc.article.date)
    if anchor is None:
        return None
    return DateRef(anchor.value, anchor.precision, method="article")  # type: ignore[arg-type]


HISTORY = timedelta(days=365)


def _period_end(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def is_history(ref: DateRef | None, anchor: Anchor | None) -> bool:
    """Whether an expression dates the event (or the end of its range: "fi al-sittinat", in
    the sixties, ends in 1969) more than a year before the article's day."""
    if ref is None or ref.method == "article" or anchor is None:
        return False
    day = anchor.day or _period_end(anchor.value)
    return _period_end(ref.end or ref.value) < day - HISTORY


class DateStage:
    name = "dates"
    requires = frozenset({"tokens", "events"})
    produces = frozenset({"dates"})

    def __call__(self, doc: Document) -> Document:
        anchor = Anchor.parse(doc.article.date)
        found = {s.index: find_dates(doc, s, anchor) for s in doc.sentences}
        dated = (replace(e, date=_date_for(e, found, doc)) for e in doc.events)
        events = tuple(e for e in dated if not is_history(e.date, anchor))
        refs = tuple(e.ref for exprs in found.values() for e in exprs)
        return doc.with_layer("dates", dates=refs, events=events)
