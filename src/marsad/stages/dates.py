"""Date each event: the date expression of its own clause, else of the clause it hangs from,
else the article's date (to whatever precision the article gives)."""

from __future__ import annotations

from dataclasses import replace

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


class DateStage:
    name = "dates"
    requires = frozenset({"tokens", "events"})
    produces = frozenset({"dates"})

    def __call__(self, doc: Document) -> Document:
        anchor = Anchor.parse(doc.article.date)
        found = {s.index: find_dates(doc, s, anchor) for s in doc.sentences}
        events = tuple(replace(e, date=_date_for(e, found, doc)) for e in doc.events)
        refs = tuple(e.ref for exprs in found.values() for e in exprs)
        return doc.with_layer("dates", dates=refs, events=events)
