"""The verbs that carry a noun trigger: a light verb ("shannat al-quwwat hujuman", the forces
launched an attack), a verb of going out for a protest, of exchanging fire, of claiming an attack,
of making a deal; found within reach before the noun."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from functools import cache

from marsad.coding.clauses import Clause, is_word, is_word_or_fa
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.resources import cues
from marsad.types import Document, Token, of_sentence

LIGHT_VERB_REACH = 12  # tokens between a light verb and the noun it carries


def carriers(entry: TriggerEntry) -> frozenset[str]:
    """The verbs that can carry a noun trigger: any light verb, or for an object ("qadha'if",
    shells) only a verb that fires, drops or meets it."""
    return _carriers(entry.pos, entry.event, entry.mode)


@cache
def _carriers(pos: str, event: str, mode: str | None) -> frozenset[str]:
    c = cues()
    if pos == "object":
        # protesters are carried by going out, marching and blocking ("nazala alaf
        # al-mutazahirin ila al-shawari'", thousands of protesters took to the streets), not
        # by firing
        if event in c.motion_carries:
            return c.motion_verbs | c.obstruction_verbs
        return c.object_carriers
    if event in c.deal_types:
        return c.deal_carriers  # made or signed, not a deal already made that leads to more
    verbs = c.light_verbs
    if event in c.motion_carries:
        verbs |= c.motion_verbs  # "kharaju li-l-ihtijaj" (went out to protest)
    if event in c.exchange_carries:
        verbs |= c.exchange_verbs  # "tabadala al-jaysh wa-l-musallahun itlaq al-nar"
    if event in c.claim_carries:
        verbs |= c.claim_verbs  # "tabannat Kata'ib al-Qassam al-hujum" (claimed the attack)
    if f"{event}/{mode}" in c.declare_carries:
        verbs |= c.declare_verbs  # "a'lanat al-hukuma halat al-tawari'" (declared an emergency)
    return verbs


def light_verb_before(doc: Document, clause: Clause, start: int, entry: TriggerEntry) -> int | None:
    """The verb that carries the noun trigger at ``start``, if one stands within reach, with
    "fa" (and so) on it or not ("fa-atlaqa al-junud al-nar"). For a meeting, the words of the
    actors between (a prince's titles and name) do not count against the reach."""
    verbs = carriers(entry)
    tokens = doc.tokens
    lo = max(clause.start, start - LIGHT_VERB_REACH)
    found = _carrier_in(tokens, verbs, lo, start)
    if found is not None or lo == clause.start or entry.event not in cues().long_subject_types:
        return found
    # only when none stands within reach (most do): the actors' words between do not count
    sentence = tokens[start].sentence
    actors = of_sentence(doc.actors, sentence)
    named = {i for a in actors for i in range(a.token_start, a.token_end)}
    return _carrier_in(tokens, verbs, reach_start(named, clause.start, start), lo)


def _carrier_in(tokens: Sequence[Token], verbs: frozenset[str], lo: int, end: int) -> int | None:
    """The nearest carrier before ``end`` from ``lo`` on."""
    for i in range(end - 1, lo - 1, -1):
        if is_word_or_fa(tokens[i], verbs) and not _time_of_day(tokens, i):
            return i
    return None


def reach_start(named: Collection[int], clause_start: int, start: int) -> int:
    """Where the reach of a light verb before ``start`` begins: ``LIGHT_VERB_REACH`` words
    back, not counting the words of the actors (``named``): "'aqada sahib al-sumuw al-malaki
    al-amir Muhammad bin Salman ... wali wali al-'ahd ... wazir al-difa' ijtima'an" (held a
    meeting)."""
    budget, at = LIGHT_VERB_REACH, start
    while at > clause_start and budget > 0:
        at -= 1
        budget -= at not in named
    return at


def _time_of_day(tokens: Sequence[Token], i: int) -> bool:
    """Whether a carrier that is also a time word ("fajjara", he set off; "fajr", dawn) is that
    time, right before another time word: "fajr ams" (yesterday at dawn)."""
    adverbs = cues().verb_adverbs
    return (
        i + 1 < len(tokens)
        and is_word(tokens[i], adverbs, conjunction_only=True)
        and is_word(tokens[i + 1], adverbs, conjunction_only=True)
    )
