"""Supporters named by the person they back: "ansar al-Qadhdhafi" (Gaddafi's supporters) are a
crowd of his country, not Gaddafi himself, who neither marched nor was besieged; and opponents
named by the person they oppose: "khusum Bashar al-Asad" (Assad's opponents) are his country's
opposition, not Assad.

A body's supporters keep the body's code and sector ("ansar al-hizb al-hakim", the ruling
party's supporters, are the party's): only a person's are told apart here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from marsad.coding.clauses import PERSON_METHODS, is_word
from marsad.coding.resources import cues
from marsad.types import ActorRef, Document, Span

OPPOSITION = "OPP"


def supporters_of_persons(doc: Document, actors: Sequence[ActorRef]) -> list[ActorRef]:
    """``actors`` with each person named right after a noun of supporters (``supporter_nouns``:
    "ansar", "mu'ayyidi", "atba'") made those supporters: the person's country, no sector, no
    office and no identifier, the noun in the written phrase; after a noun of opponents
    (``opponent_nouns``: "khusum", "mu'aridi") the same with the opposition's sector. Its
    tokens and method stay the name's: the clause reads the phrase as it read the name ("qutila
    fi kamin li-ansar Akhtar Mansur": the preposition on the noun is not the name's)."""
    c = cues()
    out: list[ActorRef] = []
    for actor in actors:
        before = actor.token_start - 1
        token = doc.tokens[before] if before >= 0 else None
        if (
            actor.method not in PERSON_METHODS
            or actor.code is None  # "ansar al-ra'is": a title of no country tells nothing
            or token is None
            or token.sentence != actor.sentence
        ):
            out.append(actor)
            continue
        if is_word(token, c.supporter_nouns):
            sector, who = None, "the supporters"
        elif is_word(token, c.opponent_nouns):
            sector, who = OPPOSITION, "the opponents"
        else:
            out.append(actor)
            continue
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
