"""Find lexicon phrases in a token sequence, whatever clitics the tokens carry.

A phrase is a sequence of keys (normalised stems, see ``Token.keys``). A token matches a
phrase word when the word is one of the token's keys, so the entry ``kirmilin`` (Kremlin)
matches ``al-kirmilin`` and ``li-l-kirmilin`` alike.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import reduce
from operator import or_
from typing import Generic, NamedTuple, TypeVar

from marsad.types import Analysis, Token

T = TypeVar("T")


class _Node(Generic[T]):
    # a plain class, not a generic slotted dataclass, which mypyc cannot compile
    __slots__ = ("children", "values")

    def __init__(self) -> None:
        self.children: dict[str, _Node[T]] = {}
        self.values: list[T] = []


class Match(NamedTuple, Generic[T]):
    """A phrase found: a named tuple, as the scan makes one per phrase reached (hot)."""

    start: int  # token index
    end: int  # exclusive
    value: T
    cost: int = 0  # clitics stripped to reach the phrase's keys


class PhraseMatcher(Generic[T]):
    def __init__(self, *, throwaway: bool = False) -> None:
        """A ``throwaway`` matcher, made for one document, takes no bit of the tokens' masks
        (see ``_FIRST_BITS``): its phrases would make every mask be computed again."""
        self._root: _Node[T] = _Node()
        self._size = 0
        self._bits = _BITS  # held, so that __del__ still reaches it as the interpreter exits
        self._bit = 0 if throwaway else _BITS.take()

    def __del__(self) -> None:
        # __del__, not weakref.finalize: a class compiled by mypyc takes no weak references
        if self._bit:
            self._bits.release(self._bit, self._root.children)

    def __len__(self) -> int:
        return self._size

    def starts_with(self, key: str) -> bool:
        """Whether some phrase starts with the word ``key``."""
        return key in self._root.children

    def first_words(self) -> frozenset[str]:
        """Every word a phrase starts with."""
        return frozenset(self._root.children)

    def longer_first_words(self) -> frozenset[str]:
        """Every word a phrase of two words or more starts with."""
        return frozenset(word for word, node in self._root.children.items() if node.children)

    def add(self, words: Sequence[str], value: T) -> None:
        if not words:
            raise ValueError("empty phrase")
        if self._bit and words[0] not in self._root.children:
            first = self._bits.first
            first[words[0]] = first.get(words[0], 0) | self._bit
            _forget_keys()  # masks computed before this phrase do not have its bit
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
        first = costs[i] if costs is not None else _keys(tokens[i])[0]
        if self._root.children.keys().isdisjoint(first):
            return []  # the common case, kept cheap: no phrase starts with this token
        return self._scan(tokens, costs, i, stop)

    def starts_in(self, tokens: Sequence[Token], start: int, stop: int) -> list[int]:
        """The tokens from ``start`` to ``stop`` a phrase may start at: one of their keys
        starts one."""
        return self._starts(tokens, start, stop)[0]

    def _starts(
        self, tokens: Sequence[Token], start: int, stop: int
    ) -> tuple[list[int], list[dict[str, int]]]:
        """``starts_in``, and the key costs of all the tokens."""
        costs, masks, union = _keys_of(tokens)
        # Most tokens start no phrase: the tokens' masks tell which may, one AND each, and
        # their union whether any does (for most matchers none does in a sentence).
        bit = self._bit
        if bit:
            if not union & bit:
                return [], costs
            return [i for i in range(start, stop) if masks[i] & bit], costs
        disjoint = self._root.children.keys().isdisjoint
        return [i for i in range(start, stop) if not disjoint(costs[i])], costs

    def may_start_at(self, tokens: Sequence[Token], i: int, stop: int | None = None) -> bool:
        """Whether a phrase may start at token ``i``, from it and the token after it only:
        one of its keys ends a phrase, or leads on to a key of the next token. A cheaper test
        than ``matches_at`` for a caller that caches it by the two tokens' surfaces."""
        stop = len(tokens) if stop is None else stop
        if i >= stop or tokens[i].is_punct:
            return False
        nodes = [n for key in _keys(tokens[i])[0] if (n := self._root.children.get(key))]
        if any(node.values for node in nodes):
            return True
        if i + 1 >= stop or tokens[i + 1].is_punct:
            return False
        after = _keys(tokens[i + 1])[0]
        return any(not node.children.keys().isdisjoint(after) for node in nodes)

    def find_all(
        self, tokens: Sequence[Token], start: int = 0, stop: int | None = None
    ) -> list[Match[T]]:
        """Leftmost-longest matches that do not overlap; of the winning phrase, the values
        reached with the fewest clitics stripped."""
        stop = len(tokens) if stop is None else stop
        starts, costs = self._starts(tokens, start, stop)
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
            here = costs[j] if costs is not None else _keys(token)[0]
            j += 1
            if len(frontier) == 1:
                # the common case: one node's children are told apart by their keys already
                node, cost = frontier[0]
                get = node.children.get
                frontier = [
                    (child, cost + extra)
                    for key, extra in here.items()
                    if (child := get(key)) is not None
                ]
            else:
                frontier = _cheapest_children(frontier, here)
            for node, cost in frontier:
                if node.values:
                    found.extend(Match(i, j, v, cost) for v in node.values)
        if len(found) > 1:
            found.sort(key=_longest_cheapest)
        return found


def _cheapest_children(
    frontier: list[tuple[_Node[T], int]], here: dict[str, int]
) -> list[tuple[_Node[T], int]]:
    """The children the keys ``here`` lead to from the nodes of ``frontier``, each once with
    the fewest clitics stripped to reach it, in the order first reached."""
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
    return list(best.values())


def _longest_cheapest(match: Match[T]) -> tuple[int, int]:
    return match.start - match.end, match.cost


# Every live matcher owns one bit, and _FIRST_BITS[word] holds the bits of the matchers with
# a phrase starting with that word: a token's mask, the OR over its keys, tells with one AND
# whether a matcher may start a phrase at it (the pipeline runs some sixty matchers over every
# sentence, and most tokens start nothing). A bit left on a word by a dead matcher only makes
# a candidate that the scan then rejects.
class _Bits:
    """The bits of the live matchers: ``first[word]`` has those with a phrase starting there."""

    def __init__(self) -> None:
        self.first: dict[str, int] = {}
        self.free: list[int] = []
        self.next = 0

    def take(self) -> int:
        if self.free:
            return self.free.pop()
        bit = 1 << self.next
        self.next += 1
        return bit

    def release(self, bit: int, first_words: Iterable[str]) -> None:
        for word in first_words:
            left = self.first.get(word, 0) & ~bit
            if left:
                self.first[word] = left
            else:
                self.first.pop(word, None)
        self.free.append(bit)


_BITS = _Bits()
_FIRST_BITS = _BITS.first


# Keyed by surface; an entry holds the analyses it was computed from and is used only for
# that very tuple (analyze() is cached, so tokens of one surface share it; a hand-made token
# with other analyses recomputes it). News vocabularies are small enough that most tokens are
# seen before.
_COSTS: dict[str, tuple[tuple[Analysis, ...], dict[str, int], int]] = {}
_COSTS_LIMIT = 500_000


def _keys(token: Token) -> tuple[dict[str, int], int]:
    """Each key of a token with the fewest clitics that must be stripped to reach it, and the
    token's mask of the matchers that have a phrase starting with one of its keys."""
    hit = _entry(token)
    return hit[1], hit[2]


def _entry(token: Token) -> tuple[tuple[Analysis, ...], dict[str, int], int]:
    """The token's analyses with their ``_keys``: kept by surface, computed if not kept."""
    hit = _COSTS.get(token.text)
    if hit is not None and hit[0] is token.analyses:
        return hit
    costs = {token.text: 0}
    for analysis in token.analyses:
        cost = len(analysis.proclitics) + (1 if analysis.enclitic else 0)
        if cost < costs.get(analysis.key, cost + 1):
            costs[analysis.key] = cost
    mask = 0
    for key in costs:
        mask |= _FIRST_BITS.get(key, 0)
    if len(_COSTS) >= _COSTS_LIMIT:
        _COSTS.clear()
    hit = _COSTS[token.text] = (token.analyses, costs, mask)
    return hit


# Every matcher of the pipeline scans the same token tuple: its key costs and masks are looked
# up once per document, not once per matcher. Only tuples are remembered (they cannot change).
@dataclass(slots=True)
class _Memo:
    tokens: tuple[Token, ...] | None = None
    costs: list[dict[str, int]] = field(default_factory=list)
    masks: list[int] = field(default_factory=list)
    union: int = 0  # the OR of the masks


_LAST = _Memo()


def _keys_of(tokens: Sequence[Token]) -> tuple[list[dict[str, int]], list[int], int]:
    """The key costs and masks of ``tokens`` (see ``_keys``), and the union of the masks."""
    if _LAST.tokens is tokens:
        return _LAST.costs, _LAST.masks, _LAST.union
    get = _COSTS.get
    # comprehensions, not one loop of appends: every token of every document passes here
    hits = [
        hit if (hit := get(token.text)) is not None and hit[0] is token.analyses else _entry(token)
        for token in tokens
    ]
    costs = [hit[1] for hit in hits]
    masks = [hit[2] for hit in hits]
    union = reduce(or_, masks, 0)
    if isinstance(tokens, tuple):
        _LAST.tokens, _LAST.costs, _LAST.masks, _LAST.union = tokens, costs, masks, union
    return costs, masks, union


def _forget_keys() -> None:
    _COSTS.clear()
    _LAST.tokens = None
