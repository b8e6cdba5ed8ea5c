"""People named by a person they stand in relation to, who are not that person: "ansar
al-Qadhdhafi" (Gaddafi's supporters) are a crowd of his country, not Gaddafi, who neither
marched nor was besieged; "khusum Bashar al-Asad" (Assad's opponents) are his country's
opposition; "shaqiq al-ra'is" (the president's brother) holds no office.

A body's supporters keep the body's code and sector ("ansar al-hizb al-hakim", the ruling
party's supporters, are the party's): only a person's are told apart here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.coding.clauses import PERSON_METHODS, is_word
from marsad.coding.resources import cues
from marsad.types import ActorRef, Document, Span, Token

OPPOSITION = "OPP"


def related_to_persons(doc: Document, actors: Sequence[ActorRef]) -> list[ActorRef]:
    """``actors`` with each person named right after a noun of supporters (``supporter_nouns``:
    "ansar", "mu'ayyidi", "atba'") or of kin (``kin_nouns``: "najl", "shaqiq", "zawjat") made
    those people: the person's country, no sector, no office and no identifier, the noun in
    the written phrase; after a noun of opponents (``opponent_nouns``: "khusum", "mu'aridi")
    the same with the opposition's sector. Its tokens and method stay the name's: the clause
    reads the phrase as it read the name ("qutila fi kamin li-ansar Akhtar Mansur": the
    preposition on the noun is not the name's)."""
    out: list[ActorRef] = []
    for actor in actors:
        before = actor.token_start - 1
        token = doc.tokens[before] if before >= 0 else None
        relation = None
        if (
            actor.method in PERSON_METHODS
            and actor.code is not None  # "ansar al-ra'is": a title of no country tells nothing
            and token is not None
            and token.sentence == actor.sentence
        ):
            relation = _relation(token)
        if relation is None or token is None:
            out.append(actor)
            continue
        sector, who = relation
        span = Span(token.span.start, actor.span.end)
        out.append(
            replace(
                actor,
                sector=sector,
                identifier=None,
                office=None,
                entity_text=doc.raw(span),
                span=span,
                reason=f"{who} of {actor.entity_text} ({actor.reason}): of his country",
            )
        )
    return out


def _relation(token: Token) -> tuple[str | None, str] | None:
    """The sector and the name of the people the noun ``token`` makes of the person after it."""
    c = cues()
    if is_word(token, c.supporter_nouns):
        return None, "the supporters"
    if is_word(token, c.opponent_nouns):
        return OPPOSITION, "the opponents"
    if is_word(token, c.kin_nouns):
        return None, "a relative"
    return None
