"""The days an article's story gives its acts beyond their own sentences: the day the article
was written, when its words say so ("al-yawm al-arbi'a'" in an item the paper dates Thursday);
the day of a sentence that resumes an act with its occasion ("ja'a dhalika khilal istiqbal ...
ams"); the day of the meeting what was said at it was said on; and the day the sentences just
before an act tell, which a story gives once and goes on in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

from marsad.coding.clauses import is_word
from marsad.coding.resources import cues
from marsad.temporal.expressions import Anchor, DateExpression
from marsad.temporal.lexicon import date_words
from marsad.types import ARTICLE_DATE, DateRef, Document, EventRecord

DAY = "day"  # the precision of a day
# DateRef.method of "al-yawm al-arbi'a'" (today Wednesday) and "ams (al-thulatha')"
WEEKDAY_NAMED = frozenset({"weekday-today", "day-word-weekday"})


def ahead(ref: DateRef, anchor: Anchor | None) -> bool:
    """Whether the period ``ref`` names starts after the article's day (or month)."""
    if anchor is None or ref.method == ARTICLE_DATE:
        return False
    if anchor.day is not None:
        return period_start(ref.value) > anchor.day
    return ref.value[: len(anchor.value)] > anchor.value


def period_start(value: str) -> date:
    parts = [int(p) for p in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def after_since(doc: Document, expr: DateExpression) -> bool:
    """Whether the expression follows "mundhu" (since): when a running act began ("mundhu
    usbu'", for a week), not a day the story tells its acts on."""
    before = doc.tokens[expr.start - 1] if expr.start > 0 else None
    words = date_words().since
    return before is not None and any(a.stem in words and not a.enclitic for a in before.analyses)


RESUMED_REACH = 2  # sentences from an undated act to the one that resumes it with its day


def resumed_day(
    doc: Document, event: EventRecord, found: dict[int, list[DateExpression]], anchor: Anchor | None
) -> DateExpression | None:
    """The day of a later sentence that opens by resuming what the act's sentence told, no
    sentence with a day of its own between: "ashada wazir al-iskan bi-l-ta'awun ... . ja'a
    dhalika khilal istiqbal wazir al-'adl ... ams wazir al-iskan" (the housing minister praised
    the cooperation ... . That came during the justice minister's reception of him yesterday)."""
    first = event.evidence[0].sentence + 1
    for index in range(first, min(first + RESUMED_REACH, len(doc.sentences))):
        days = [
            e for e in found.get(index, []) if e.ref.precision == DAY and not ahead(e.ref, anchor)
        ]
        if _resumes(doc, doc.sentences[index].token_start, doc.sentences[index].token_end):
            return days[0] if days else None
        if found.get(index):
            return None
    return None


def _resumes(doc: Document, start: int, end: int) -> bool:
    """Whether the sentence opens with a resumptive verb, a demonstrative and the preposition
    of an occasion ("ja'a dhalika khilal", that came during), punctuation aside; not beside
    another act ("ya'ti hadha fima shannat", this comes as ... launched; "fi waqt")."""
    c = cues()
    words = [t for t in doc.tokens[start:end] if not t.is_punct][:4]
    return (
        len(words) == 4
        and is_word(words[0], c.resumptive_verbs, conjunction_only=True)
        and words[1].text in c.resumptive_demonstratives
        and words[2].text in c.resumptive_occasions
        and words[3].text not in c.resumptive_not_occasions
    )


MEETING = "CONSULT"  # meetings, visits, calls and talks
MEETING_GAP = 6  # sentences from one event told at a meeting to the next


def said_at_the_meeting(doc: Document, events: Sequence[EventRecord]) -> list[EventRecord]:
    """Each event of `meeting_talk_types` with only the article's date, told after a meeting
    dated by a day with only such events between, given the meeting's day: "qama wali wali
    al-'ahd bi-ziyara ... yawm al-thulatha' 4/8/2015 ... wa-'aqada al-'ahil al-urduni ijtima'an
    ma'ahu ... wa-ashada al-malik" (the visit on Tuesday 4 August, the meeting, the praise). A
    sentence that opens on another matter ("min nahiya ukhra", `topic_shifts`), or more than
    ``MEETING_GAP`` sentences with no event, end it."""
    talk = cues().meeting_talk_types
    day: DateRef | None = None
    last = 0  # the sentence of the last event told at the meeting
    out: list[EventRecord] = []
    for event in events:
        date, sentence = event.date, event.evidence[0].sentence
        if day is not None and sentence - last > MEETING_GAP:
            day = None
        if event.event not in talk or date is None or _shifts_topic(doc, event):
            day = None
        elif date.method != ARTICLE_DATE:
            day = date if event.event == MEETING and date.precision == DAY else None
        elif day is not None:
            date = day
        last = sentence
        out.append(event if date is event.date else replace(event, date=date))
    return out


def _shifts_topic(doc: Document, event: EventRecord) -> bool:
    sentence = doc.sentences[event.evidence[0].sentence]
    words = doc.tokens
    at = next(
        (i for i in range(sentence.token_start, sentence.token_end) if not words[i].is_punct),
        sentence.token_end,
    )
    return bool(cues().topic_shifts.matches_at(words, at, sentence.token_end))


CARRY_SENTENCES = 3  # sentences back to the day a story tells its acts on
RECENT_DAYS = 3  # how far before the article's day a day told before may be: the story's own days


def carried(
    doc: Document, event: EventRecord, found: dict[int, list[DateExpression]], anchor: Anchor | None
) -> EventRecord:
    """The event with the day the sentences before it tell, when it has only the article's."""
    if event.date is None or event.date.method != ARTICLE_DATE:
        return event
    expr = _day_told_before(doc, event, found, anchor)
    return event if expr is None else replace(event, date=expr.ref)


def _day_told_before(
    doc: Document, event: EventRecord, found: dict[int, list[DateExpression]], anchor: Anchor | None
) -> DateExpression | None:
    """The last day the sentences just before the act's tell, at most ``RECENT_DAYS`` before
    the article's day, no sentence with another date between: a story gives its day once and its
    next sentences go on in it ("shannat al-tahaluf ams ghara 'ala ... . wa-qutila fiha 20
    musallahan", the coalition raided yesterday ... . Twenty gunmen were killed in it). Not
    across a sentence that opens on another matter (`topic_shifts`)."""
    if anchor is None or anchor.day is None or _shifts_topic(doc, event):
        return None
    at = event.evidence[0].sentence
    for index in range(at - 1, max(-1, at - 1 - CARRY_SENTENCES), -1):
        told = found.get(index, [])
        if not told:
            continue
        last = told[-1]
        if last.ref.precision != DAY or ahead(last.ref, anchor) or after_since(doc, last):
            return None
        days = (anchor.day - period_start(last.ref.value)).days
        return last if days <= RECENT_DAYS else None
    return None


WRITING_LAG = 2  # days a paper's date may come after the day its words were written


def written_on(
    doc: Document, found: dict[int, list[DateExpression]], anchor: Anchor | None
) -> Anchor | None:
    """The day the article was written, when its words name today's or yesterday's weekday
    and that puts "today" a day or two before the paper's date ("al-yawm al-arbi'a'", today
    Wednesday, in an item dated Thursday: a story filed the day before); None when they agree
    with the paper, or disagree among themselves."""
    if anchor is None or anchor.day is None:
        return None
    day_words = date_words().day_words
    days: set[date] = set()
    for expr in (e for exprs in found.values() for e in exprs):
        if expr.ref.method not in WEEKDAY_NAMED or expr.ref.precision != DAY:
            continue
        said = day_words.matches_at(doc.tokens, expr.start, expr.end)
        if said and said[0].value in (0, -1):
            days.add(period_start(expr.ref.value) - timedelta(days=said[0].value))
    if len(days) != 1:
        return None
    (day,) = days
    lag = (anchor.day - day).days
    return Anchor(day, day.isoformat(), DAY) if 0 < lag <= WRITING_LAG else None
