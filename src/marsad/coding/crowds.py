"""Crowds as triggers: the protesters a verb of motion or of blocking has for subject
("nazala alaf al-mutazahirin", thousands of protesters took to the streets), the words that
count them, and the mode blocking a road gives."""

from __future__ import annotations

from functools import cache

from marsad.coding.clauses import Clause, is_word
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.numbers import numbers
from marsad.coding.resources import cues
from marsad.types import Document, Token

CROWD_COUNT_REACH = 4  # words that count a crowd between a verb of motion and the crowd


def crowd_verb(doc: Document, clause: Clause, start: int) -> int | None:
    """Where the verb stands whose subject the protesters at ``start`` are: a verb of motion
    before them, with at most a count between ("nazala alaf al-mutazahirin ila al-shawari'",
    thousands of protesters took to the streets; "sarat hushud min al-mutazahirin", crowds of
    protesters marched), or of blocking with a road after them ("qata'a muhtajjun al-tariq
    al-dawli", protesters blocked the international road); no preposition on them ("kharaja
    al-wazir li-l-mutazahirin", the minister went out to the protesters). Counted or
    indefinite: "the protesters" alone ("wa-sara al-mutazahirun amam", and the protesters
    marched past) are a protest already told, going on."""
    c = cues()
    tokens = doc.tokens
    clitics = [set(a.proclitics) - c.coordinators for a in tokens[start].analyses]
    if all(p - {c.article} for p in clitics):
        return None
    i = start - 1
    while i >= max(clause.start, start - CROWD_COUNT_REACH) and counts_a_crowd(tokens[i]):
        i -= 1
    if i < clause.start or (i == start - 1 and any(c.article in p for p in clitics)):
        return None
    if is_word(tokens[i], c.motion_verbs, conjunction_only=True):
        return i
    road = range(start + 1, min(clause.end, start + 1 + ROAD_REACH))
    blocks = is_word(tokens[i], c.obstruction_verbs, conjunction_only=True)
    return i if blocks and any(tokens[k].keys & c.road_nouns for k in road) else None


ROAD_REACH = 3  # words between the protesters who block and the road they block


def entry_mode(doc: Document, clause: Clause, start: int, entry: TriggerEntry) -> str | None:
    """The mode of a trigger: its entry's, but protesters who block a road obstruct."""
    if entry.pos != "object" or entry.event not in cues().motion_carries:
        return entry.mode
    at = crowd_verb(doc, clause, start)
    blocking = at is not None and is_word(doc.tokens[at], cues().obstruction_verbs)
    return cues().obstruction_mode if blocking else entry.mode


def counts_a_crowd(token: Token) -> bool:
    """Whether the token is a number or a word that counts a crowd ("alaf", thousands;
    "nahwa", about; "min", of)."""
    return (
        token.text.isdigit()
        or token.text in numbers().words
        or is_word(token, _crowd_count_words())
    )


@cache
def _crowd_count_words() -> frozenset[str]:
    c = cues()
    return c.crowd_counts | c.approximators
