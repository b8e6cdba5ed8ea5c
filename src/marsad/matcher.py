"""Find lexicon phrases in a token sequence, whatever clitics the tokens carry.

A phrase is a sequence of keys (normalised stems, see ``Token.keys``). A token matches a
phrase word when the word is one of the token's keys, so the entry ``kirmilin`` (Kremlin)
matches ``al-kirmilin`` and ``li-l-kirmilin`` alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, NamedTuple, TypeVar

from marsad.types import Analysis, Token

T = TypeVar("T")


@dataclass(slots=True)
class _Node(Generic[T]):
    children: dict[str, _Node[T]] = field(default_factory=dict)
    values: list[T] = field(default_factory=list)


class Match(NamedTuple, Generic[T]):
    """A phrase found: a named tuple, as the scan makes one per phrase reached (hot)."""

    start: int  # token index
    end: int  # exclusive
    value: T
    cost: int = 0  # clitics stripped to reach the phrase's keys


class PhraseMatcher(Generic[T]):
    def __init__(self) -> None:
        self._root: _Node[T] = _Node()
        self._size = 0

    def __len__(self) -> int:
        return self._size

    def starts_with(self, key: str) -> bool:
        """Whether some phrase starts with the word ``key``."""
        return key in self._root.children

    def first_words(self) -> frozenset[str]:
        """Every word a phrase starts with."""
        return frozenset(self._root.children)

    def add(self, words: Sequence[str], value: T) -> None:
        if not words:
            raise ValueError("empty phrase")
        node = self._root
        for word in words:
            node = node.children.setdefault(word, _Node())
        node.values.append(value)
        self._size += 1

    def matches_at(
        self, tokens: Sequence[Token], i: int, stop: int | None = None
    ) -> list[Match[T]]:
        """Every phrase starting at token ``i`` (and ending by ``stop``): longest first, and
        among equally long ones those that strip fewest clitics first ("bahatha" is "discussed"
        before it is "bi" + "hath", "with urging")."""
        stop = len(tokens) if stop is None else stop
        if i >= stop or tokens[i].is_punct:
            return []
        costs = _LAST.costs if _LAST.tokens is tokens else None  # never computed for one call
        first = costs[i] if costs is not None else _key_costs(tokens[i])
        if self._root.children.keys().isdisjoint(first):
            return []  # the common case, kept cheap: no phrase starts with this token
        return self._scan(tokens, costs, i, stop)

    def find_all(
        self, tokens: Sequence[Token], start: int = 0, stop: int | None = None
    ) -> list[Match[T]]:
        """Leftmost-longest matches that do not overlap; of the winning phrase, the values
        reached with the fewest clitics stripped."""
        stop = len(tokens) if stop is None else stop
        costs = _costs_of(tokens)
        if costs is None:
            costs = [_key_costs(t) for t in tokens]
        # Most tokens start no phrase: find those that may in one pass in C, then scan those.
        disjoint = self._root.children.keys().isdisjoint
        starts = [i for i, c in enumerate(costs[start:stop], start) if not disjoint(c)]
        out: list[Match[T]] = []
        free = start  # the first token no earlier match covers
        for i in starts:
            if i < free or tokens[i].is_punct:
                continue
            here = self._scan(tokens, costs, i, stop)
            if here:
                longest, cheapest = here[0].end, here[0].cost
                out.extend(m for m in here if m.end == longest and m.cost == cheapest)
                free = longest
        return out

    def _scan(
        self,
        tokens: Sequence[Token],
        costs: Sequence[dict[str, int]] | None,
        i: int,
        stop: int,
    ) -> list[Match[T]]:
        """``matches_at`` on a non-punctuation token ``i``, with the tokens' key costs when
        the caller has them."""
        found: list[Match[T]] = []
        frontier: list[tuple[_Node[T], int]] = [(self._root, 0)]
        j = i
        while frontier and j < stop:
            token = tokens[j]
            if token.is_punct:
                break
            here = costs[j] if costs is not None else _key_costs(token)
            best: dict[int, tuple[_Node[T], int]] = {}
            for node, cost in frontier:
                children = node.children
                for key, extra in here.items():
                    child = children.get(key)
                    if child is None:
                        continue
                    seen = best.get(id(child))
                    if seen is None or cost + extra < seen[1]:
                        best[id(child)] = (child, cost + extra)
            j += 1
            frontier = list(best.values())
            for node, cost in frontier:
                found.extend(Match(i, j, v, cost) for v in node.values)
        if len(found) > 1:
            found.sort(key=_longest_cheapest)
        return found


def _longest_cheapest(match: Match[T]) -> tuple[int, int]:
    return match.start - match.end, match.cost


# Keyed by surface; an entry holds the analyses it was computed from and is used only for
# that very tuple (analyze() is cached, so tokens of one surface share it; a hand-made token
# with other analyses recomputes it). News vocabularies are small enough that most tokens are
# seen before.
_COSTS: dict[str, tuple[tuple[Analysis, ...], dict[str, int]]] = {}
_COSTS_LIMIT = 500_000


def _key_costs(token: Token) -> dict[str, int]:
    """Each key of a token with the fewest clitics that must be stripped to reach it."""
    hit = _COSTS.get(token.text)
    if hit is not None and hit[0] is token.analyses:
        return hit[1]
    costs = {token.text: 0}
    for analysis in token.analyses:
        cost = len(analysis.proclitics) + (1 if analysis.enclitic else 0)
        if cost < costs.get(analysis.key, cost + 1):
            costs[analysis.key] = cost
    if len(_COSTS) >= _COSTS_LIMIT:
        _COSTS.clear()
    _COSTS[token.text] = (token.analyses, costs)
    return costs


# Every matcher of the pipeline scans the same token tuple: its key costs are looked up once
# per document, not once per matcher. Only tuples are remembered (they cannot change).
@dataclass(slots=True)
class _Memo:
    tokens: tuple[Token, ...] | None = None
    costs: list[dict[str, int]] = field(default_factory=list)


_LAST = _Memo()


def _costs_of(tokens: Sequence[Token]) -> list[dict[str, int]] | None:
    if not isinstance(tokens, tuple):
        return None
    if _LAST.tokens is not tokens:
        _LAST.tokens, _LAST.costs = tokens, [_key_costs(t) for t in tokens]
    return _LAST.costs
