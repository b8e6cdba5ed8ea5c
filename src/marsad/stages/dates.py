"""Date each event: the date expression of its own clause, else the last one before it in
the sentence, else a day told after it at the end of the sentence (no other event's clause and
no clause opener between), else the day of a sentence just after that resumes it ("ja'a
dhalika khilal ... ams", that came during ... yesterday), else the recent day the sentences just
before it tell, else the article's date (to whatever precision the article gives). The days a
story gives beyond a sentence, and the day the article was written, are `marsad.temporal.story`.

An event its text dates more than a year before the article ("fi 'am 2003", in the year
2003) is history the article recalls, not news it reports: it is dropped. An item of a
chronology that opens with its full date ("* Rusiya 24 maris 2001: maqtal shurtiyyayn", Russia,
24 March 2001: two policemen killed) records the event itself, and is kept with that date.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date, timedelta
from typing import ClassVar

from marsad.coding.clauses import is_word
from marsad.coding.resources import cues
from marsad.coding.view import PLACE_KINDS
from marsad.ontology import MATERIAL_CONFLICT
from marsad.temporal.expressions import Anchor, DateExpression, find_dates
from marsad.temporal.lexicon import date_words
from marsad.temporal.story import (
    DAY,
    after_since,
    ahead,
    carried,
    resumed_day,
    said_at_the_meeting,
    written_on,
)
from marsad.types import ARTICLE_DATE, DateRef, Document, EventRecord, Evidence, Span, Token


def _expression_for(
    doc: Document,
    event: EventRecord,
    found: dict[int, list[DateExpression]],
    anchor: Anchor | None,
    clauses: Mapping[int, Sequence[Span]],
) -> DateExpression | None:
    evidence = event.evidence[0]
    here = found.get(evidence.sentence, [])
    if event.quad_code != MATERIAL_CONFLICT:
        here = [e for e in here if not _since(doc, e)]
    inside = [
        e
        for e in here
        if evidence.clause.contains(e.ref.span or evidence.clause)
        and not (ahead(e.ref, anchor) and _appointed(doc, evidence, e))
    ]
    if inside:
        trigger = evidence.trigger.start
        told = _act_day_after_report(doc, evidence, inside)
        return told or min(
            inside, key=lambda e: abs((e.ref.span or evidence.clause).start - trigger)
        )
    # a day to come, told in another clause, is not the day of the act: "a'lanat al-Imarat,
    # ams, 'an tahdid usbu' min shahr nufambir al-muqbil ..., haythu da'a" (the UAE announced
    # yesterday a week of next November ..., as ... called) dates the call by "ams"
    before = [
        e
        for e in here
        if e.ref.span and e.ref.span.end <= evidence.clause.start and not ahead(e.ref, anchor)
    ]
    if before:
        return before[-1]
    others = [c for c in clauses[evidence.sentence] if c != evidence.clause]
    told_after = _day_told_after(doc, event, here, anchor, others)
    return told_after or resumed_day(doc, event, found, anchor)


APPOINTMENT_REACH = 4  # words from "maw'id" to the date set for it: "al-muhaddad lahu yawm 6"


def _appointed(doc: Document, evidence: Evidence, expr: DateExpression) -> bool:
    """Whether the date is set for something else told after the act: a word of
    ``appointments`` up to a few words before it, past the trigger and not right after it
    ("raf' halat al-istinfar ... ma'a iqtirab maw'id iftitah qanat al-Suways wa-l-muhaddad lahu
    yawm 6 aghustus al-muqbil": the canal's opening, not the alert, is on 6 August). Only a day
    to come is set for another thing: "fi al-ijtima' al-muqarrar yawm al-khamis al-madi" (at
    the meeting set for last Thursday) is when they met."""
    tokens = doc.tokens
    words = date_words().appointments
    for i in range(max(1, expr.start - APPOINTMENT_REACH), expr.start):
        past_trigger = tokens[i - 1].span.start >= evidence.trigger.end
        if past_trigger and not tokens[i].keys.isdisjoint(words):
            return True
    return False


def _act_day_after_report(
    doc: Document, evidence: Evidence, inside: list[DateExpression]
) -> DateExpression | None:
    """The day told after a noun of the act when a day before it follows a verb of saying:
    "afada al-marsad al-thulatha' 'an maqtal sab'at ashkhas al-ithnayn" (the observatory
    reported on Tuesday the killing of seven people on Monday) dates the report by Tuesday and
    the killing by Monday."""
    trigger = evidence.trigger
    after = [e for e in inside if e.ref.span and e.ref.span.start >= trigger.end]
    before = [e for e in inside if e.ref.span and e.ref.span.end <= trigger.start]
    if not after or not before or before[-1].ref.span is None:
        return None
    said = cues().attribution_verbs
    reported = before[-1].ref.span.start
    sentence = doc.sentences[evidence.sentence]
    words = doc.tokens[sentence.token_start : sentence.token_end]
    told = any(evidence.clause.start <= t.span.start < reported and is_word(t, said) for t in words)
    return after[0] if told else None


def _day_told_after(
    doc: Document,
    event: EventRecord,
    here: list[DateExpression],
    anchor: Anchor | None,
    others: list[Span],
) -> DateExpression | None:
    """The day told after the act's clause, at the end of its sentence, in none of the clauses
    of the sentence's other events (``others``): "qutilu fi hujum ..., 'ala niqat taftish fi
    shamal Sina' yawm al-sabt" (were killed in an attack ..., on checkpoints in north Sinai on
    Saturday)."""
    evidence = event.evidence[0]
    for e in here:
        span = e.ref.span
        if span is None or span.start < evidence.clause.end or e.ref.precision != DAY:
            continue
        if ahead(e.ref, anchor) or any(c.contains(span) for c in others):
            return None
        sentence = doc.sentences[evidence.sentence]
        words = doc.tokens[sentence.token_start : sentence.token_end]
        return None if _opener_between(words, evidence.clause.end, span.start) else e
    return None


def _opener_between(words: Sequence[Token], start: int, end: int) -> bool:
    """Whether a word that opens a clause of its own (a relative pronoun, "haythu", "anna")
    stands between the characters ``start`` and ``end``: a day after it dates what that clause
    tells ("al-'amaliyya al-intihariyya allati waqa'at fi 20 tammuz")."""
    c = cues()
    openers = c.clause_openers | c.relative_pronouns | c.complementizers
    return any(
        start <= t.span.start < end and is_word(t, openers, conjunction_only=True) for t in words
    )


def _since(doc: Document, expr: DateExpression) -> bool:
    """Whether a year follows "mundhu" (since): when a state began ("Qatar, al-'udw fi
    al-jami'a mundhu al-'am 1971", a member since 1971), not when an act told beside it was."""
    return expr.ref.precision == "year" and after_since(doc, expr)


def _article_date(anchor: Anchor | None) -> DateRef | None:
    """The day the article was written: the paper's date, or the day its words name."""
    if anchor is None:
        return None
    return DateRef(anchor.value, anchor.precision, method=ARTICLE_DATE)  # type: ignore[arg-type]


def _opens_item(doc: Document, expr: DateExpression) -> bool:
    """Whether a full date, its year written, opens its sentence: nothing before it but marks
    of a list item and the names of places ("* Rusiya 24 maris 2001")."""
    if expr.ref.method not in FULL_DATES or not doc.tokens[expr.end - 1].text.isdigit():
        return False
    sentence = doc.sentences[doc.tokens[expr.start].sentence]
    placed = {
        i
        for m in doc.mentions
        if m.kind in PLACE_KINDS and sentence.token_start <= m.token_start < expr.start
        for i in range(m.token_start, m.token_end)
    }
    return all(
        doc.tokens[i].is_punct or i in placed for i in range(sentence.token_start, expr.start)
    )


FULL_DATES = frozenset({"explicit", "range"})  # date expressions that give the day


HISTORY = timedelta(days=365)
STORY_YEARS = 5  # a past this far back goes on in the sentence after it
YEAR_NAMED = "year"  # the methods of a year named by itself: "year", "year-bare", "year-past"
PART_NAMED = "part-"  # a part or a season of a year named by itself: "nihayat 2014", "sayf 2011"


def _period_end(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    if len(parts) == 2:
        return date(parts[0], parts[1], calendar.monthrange(parts[0], parts[1])[1])
    return date(parts[0], 12, 31)


def is_history(ref: DateRef | None, anchor: Anchor | None) -> bool:
    """Whether an expression dates the event (or the end of its range: "fi al-sittinat", in
    the sixties, ends in 1969) more than a year before the article's day, or by nothing finer
    than a year before the article's, named as a year or a part of one ("fi 'am 2006",
    "al-'am al-madi", last year; "fi kharif 'am 2014", in the autumn of 2014: a tally or a
    memory of that year, not news of a day; not "mundhu 'am", for a year, which tells what
    has gone on since)."""
    if ref is None or ref.method == ARTICLE_DATE or anchor is None:
        return False
    last = _period_end(ref.end or ref.value)
    named = ref.method.startswith(YEAR_NAMED) or (
        ref.method.startswith(PART_NAMED) and ref.precision == "year"
    )
    if named and last.year < anchor.year:
        return True
    day = anchor.day or _period_end(anchor.value)
    return last < day - HISTORY


def _told_of_the_past(
    event: EventRecord, found: dict[int, list[DateExpression]], anchor: Anchor | None
) -> bool:
    """Whether a material act with no date of its own is told in a past years back: every date
    its sentence names (after the act: "wa-farada Habri nafsahu ba'd ma'arik jadida, lakin
    al-muwajahat ustu'nifat fi 1986 wa-1987") or, with none there, the last date of the sentence
    before ("... fi ma'rakat Rusbakh fi 1757m. wa-qasafa al-jaysh ...") is history at least
    five years before the article's year. Talks, calls and deals told beside a dated
    background are as often the news it comes back to, and so is a past of a year or two."""
    sentence = event.evidence[0].sentence
    material = event.quad_code == MATERIAL_CONFLICT
    if not material or anchor is None:
        return False
    # the sentence's own dates after the act, or else the last of the sentence before
    told = found.get(sentence) or found.get(sentence - 1, [])[-1:]
    if told:
        return all(_deep_past(e.ref, anchor) for e in told)
    # or else the last date of a sentence further back, when it is a past of generations ago
    # (a history essay: "fi 'am 1946 ... wa-tafajjara al-funduq")
    earlier = next(
        (found[i][-1] for i in range(sentence - 2, sentence - 1 - STORY_REACH, -1) if found.get(i)),
        None,
    )
    return earlier is not None and _deep_past(earlier.ref, anchor, ERA_YEARS)


STORY_REACH = 5  # sentences back to the last date a history essay told
ERA_YEARS = 25  # a past a generation back: an essay's, not the background of the news


def _deep_past(ref: DateRef, anchor: Anchor, years: int = STORY_YEARS) -> bool:
    end = _period_end(ref.end or ref.value)
    return end.year <= anchor.year - years and is_history(ref, anchor)


class DateStage:
    name: ClassVar[str] = "dates"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens", "events"})
    produces: ClassVar[frozenset[str]] = frozenset({"dates"})

    def __call__(self, doc: Document) -> Document:
        anchor = Anchor.parse(doc.article.date)
        found = {s.index: find_dates(doc, s, anchor) for s in doc.sentences}
        written = written_on(doc, found, anchor)
        if written is not None:
            anchor = written
            found = {s.index: find_dates(doc, s, anchor) for s in doc.sentences}
        clauses: dict[int, list[Span]] = defaultdict(list)  # of each sentence's events
        for event in doc.events:
            clauses[event.evidence[0].sentence].append(event.evidence[0].clause)
        events: list[EventRecord] = []
        for event in doc.events:
            expr = _expression_for(doc, event, found, anchor, clauses)
            if expr is None and _told_of_the_past(event, found, anchor):
                continue
            if expr is None:
                events.append(replace(event, date=_article_date(anchor)))
            elif not is_history(expr.ref, anchor) or _opens_item(doc, expr):
                events.append(replace(event, date=expr.ref))
        refs = tuple(e.ref for exprs in found.values() for e in exprs)
        events = said_at_the_meeting(doc, events)
        events = [carried(doc, event, found, anchor) for event in events]
        return doc.with_layer("dates", dates=refs, events=tuple(events))
