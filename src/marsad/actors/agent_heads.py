"""A body named again by the first noun of its name: after "al-muqawama al-sha'biyya" (the
popular resistance, a militia beside the government's forces), a bare "al-muqawama" (the
resistance) in the same article is that militia, not the armed movement the noun alone names.

News names a body once in full and then by its head noun. The knowledge base gives the noun
alone a sector of its own (the resistance: rebels); when the article has named, before it, one
body of another sector or country with that noun at its head, the bare noun is that body. With
two bodies of different sectors named so, nothing is told; of one sector named with two
countries, the body keeps the sector alone.

"The regime" is named so too: "quwwat al-nizam" (the regime's forces) is of the regime the
article names with its country ("al-nizam al-suri"), or else of the country its places are in.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from marsad.coding.clauses import definite_article
from marsad.coding.resources import cues
from marsad.types import ActorRef, Token

# ActorRef.method of a body named by a common noun, with its place after it or not
AGENT_METHODS = frozenset({"agent", "place-in-construct", "place-after-in"})


def agents_named_again(tokens: Sequence[Token], actors: Sequence[ActorRef]) -> list[ActorRef]:
    """``actors`` with each bare agent noun that heads one earlier agent phrase of another
    country or sector given that phrase's country and sector."""
    named: dict[str, set[tuple[str | None, str | None]]] = {}
    out: list[ActorRef] = []
    for actor in actors:
        head = _head(tokens[actor.token_start]) if actor.method in AGENT_METHODS else None
        if head is None:
            out.append(actor)
            continue
        if actor.token_end - actor.token_start > 1:
            named.setdefault(head, set()).add((actor.code, actor.sector))
            out.append(actor)
            continue
        sides = named.get(head, set())
        sectors = {sector for _, sector in sides}
        # one body, named with its place or not: "al-muqawama al-sha'biyya (fi 'Adan)"
        codes = {code for code, _ in sides if code}
        code = next(iter(codes)) if len(codes) == 1 else None
        if len(sectors) != 1 or (actor.code or code, actor.sector) in sides:
            out.append(actor)
            continue
        (sector,) = sectors
        reason = f"{actor.reason}; the body named before with this noun at its head: {sector}"
        out.append(replace(actor, code=actor.code or code, sector=sector, reason=reason))
    return out


def _head(token: Token) -> str | None:
    """The noun with the article that ``token`` is (its stem), with no pronoun on it."""
    for a in token.analyses:
        if a.proclitics and a.proclitics[-1] == definite_article() and not a.enclitic:
            return a.stem
    return None


def regime_named_before(
    tokens: Sequence[Token], actors: Sequence[ActorRef], places: Callable[[], str | None]
) -> list[ActorRef]:
    """``actors`` with each agent phrase that ends in "the regime" with the article and names
    no country ("quwwat al-nizam", the regime's forces; ``regime_nouns``) given the country of
    the last regime named with one before it ("al-nizam al-suri", "nizam al-Asad"), or of the
    one regime the article names, when it names it only after, or else of ``places()``, the
    one country the article's places are in (looked for only when needed)."""
    regimes = cues().regime_nouns
    bare = [_bare_regime(tokens, a, regimes) for a in actors]
    if not any(bare):
        return list(actors)
    named = [_regime_code(tokens, a, regimes) for a in actors]
    only = {code for code in named if code}
    # a regime named only after the phrase stands for it when the article names one regime
    last = (next(iter(only)) if len(only) == 1 else None) if only else places()
    out: list[ActorRef] = []
    for actor, code, regime in zip(actors, named, bare, strict=True):
        if code:
            last = code
        elif regime and last is not None:
            reason = f"{actor.reason}; of the regime the article names: {last}"
            out.append(replace(actor, code=last, reason=reason))
            continue
        out.append(actor)
    return out


def _bare_regime(tokens: Sequence[Token], actor: ActorRef, regimes: frozenset[str]) -> bool:
    """Whether the actor is an agent phrase with no country that ends in "al-nizam"."""
    return (
        actor.code is None
        and actor.method in AGENT_METHODS
        and actor.token_end - actor.token_start > 1
        and _head(tokens[actor.token_end - 1]) in regimes
    )


def _regime_code(tokens: Sequence[Token], actor: ActorRef, regimes: frozenset[str]) -> str | None:
    """The country of a regime named with one ("al-nizam al-suri", "quwwat al-nizam al-suri"),
    else None."""
    if not actor.code:
        return None
    words = tokens[actor.token_start : actor.token_end]
    return actor.code if any(a.stem in regimes for t in words for a in t.analyses) else None
