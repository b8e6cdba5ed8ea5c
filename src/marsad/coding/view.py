"""What the argument finder reads of a sentence: its tokens, clauses and governed actors, and
what earlier sentences of the article tell it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.coding.clauses import Clause
from marsad.coding.governed import Governed, first_group
from marsad.types import ActorRef, Mention, Token

PLACE_METHODS = frozenset({"country", "metonym"})  # cascade steps that name a place
PLACE_KINDS = frozenset({"country", "place", "metonym"})  # mention kinds that name a place


@dataclass
class DiscourseState:
    """What earlier sentences tell later ones: who issued «the statement», who is quoted."""

    last_issuer: list[ActorRef] = field(default_factory=list)
    last_speaker: list[ActorRef] = field(default_factory=list)
    speaker_sentence: int = -1  # the sentence last_speaker was last heard in
    last_parties: list[ActorRef] = field(default_factory=list)  # of the last event coded


@dataclass(frozen=True)
class SentenceView:
    tokens: Sequence[Token]
    clauses: Sequence[Clause]
    actors: Sequence[Governed]  # this sentence's actors in order
    mentions: Sequence[Mention] = ()  # this sentence's names, nisbas included

    def in_clause(self, clause: Clause) -> list[Governed]:
        return [g for g in self.actors if clause.start <= g.position < clause.end]

    def in_a_name(self, token: int) -> bool:
        """Whether one of the sentence's mentions covers token ``token``."""
        return any(m.token_start <= token < m.token_end for m in self.mentions)


def subject(view: SentenceView, clause: Clause) -> list[ActorRef]:
    items = view.in_clause(clause)
    for i, item in enumerate(items):
        if item.preposition is None:
            return first_group(items, i)
    return []
