"""Whether an event the trigger words suggest is one its sentence supports.

The lexicon finds words of attack and protest; these checks drop what the sentence shows is
play, an accident, a figure of speech or a crowd with no cause: the cues are data
(``lang/ar/cues.json``: sports_words, accident_words, weak_triggers, gathering_verbs,
protest_purpose).
"""

from __future__ import annotations

from marsad.coding.clauses import Clause, is_word
from marsad.coding.resources import cues
from marsad.types import Document, EventRecord, Sentence

ATTACK = "ASSAULT"


def not_an_attack(
    doc: Document,
    sentence: Sentence,
    record: EventRecord,
    *,
    clause: Clause,
    trigger: int,
    key: str,
    mode_words: str,
) -> str | None:
    """Why an ASSAULT read from the words is play, an accident or a figure of speech: a
    match ("yabda' al-muntakhab mishwarahu bi-muwajahat al-muntakhab al-qatari"), or, with no
    doer and no victim named as actors, a death in an accident ("laqiya masra'ahu gharqan")
    or a verb as often figurative ("istahdafat al-warsha thamaniyat mahawir") with no weapon
    or count beside it."""
    c = cues()
    lo, hi = sentence.token_start, sentence.token_end
    if c.sports_words.find_all(doc.tokens, lo, hi):
        return "a sentence about sport"
    named = any(a.code or a.sector not in (None, "UNK") for a in record.actor)
    if named or record.recipient:
        return None
    if c.accident_words.find_all(doc.tokens, lo, hi):
        return "an accident or a disaster, nobody named"
    if key not in c.weak_triggers or mode_words or record.size is not None:
        return None
    # "ta'arrada li-l-darb" (was subjected to beating): someone was hurt
    before = range(clause.start, trigger)
    if any(is_word(doc.tokens[i], c.exposure_verbs) for i in before):
        return None
    return "a word as often figurative, with no actor, weapon or count"


def gathering_only(doc: Document, sentence: Sentence, trigger: int) -> bool:
    """A crowd that gathers or goes out with nothing in the sentence saying it protests
    ("yahtashid 'ala al-kurnish alaf al-zuwwar", thousands of visitors throng the corniche)."""
    c = cues()
    if not is_word(doc.tokens[trigger], c.gathering_verbs):
        return False
    return not c.protest_purpose.find_all(doc.tokens, sentence.token_start, sentence.token_end)
