"""Find lexicon phrases in a token sequence, whatever clitics the tokens carry.

A phrase is a sequence of keys (normalised stems, see ``Token.keys``). A token matches a
phrase word when the word is one of the token's keys, so the entry ``كرملين`` matches
``الكرملين`` and ``للكرملين`` alike.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from marsad.types import Token

T = TypeVar("T")


@dataclass(slots=True)
class _Node(Generic[T]):
    children: dict[str, _Node[T]] = field(default_factory=dict)
    values: list[T] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Match(Generic[T]):
    start: int  # token index
    end: int  # exclusive
    value: T


class PhraseMatcher(Generic[T]):
    def __init__(self) -> None:
        self._root: _Node[T] = _Node()
        self._size = 0

    def __len__(self) -> int:
        return self._size

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
        """Every phrase starting at token ``i`` (and ending by ``stop``), longest first."""
        stop = len(tokens) if stop is None else stop
        found: list[Match[T]] = []
        frontier = [self._root]
        j = i
        while frontier and j < stop:
            token = tokens[j]
            if token.is_punct:
                break
            keys = token.keys
            nxt: list[_Node[T]] = []
            for node in frontier:
                for key in keys:
                    child = node.children.get(key)
                    if child is not None and child not in nxt:
                        nxt.append(child)
            j += 1
            for node in nxt:
                found.extend(Match(i, j, v) for v in node.values)
            frontier = nxt
        found.sort(key=lambda m: m.start - m.end)
        return found

    def find_all(
        self, tokens: Sequence[Token], start: int = 0, stop: int | None = None
    ) -> list[Match[T]]:
        """Leftmost-longest matches that do not overlap; all values of the winning phrase."""
        stop = len(tokens) if stop is None else stop
        out: list[Match[T]] = []
        i = start
        while i < stop:
            here = self.matches_at(tokens, i, stop)
            if not here:
                i += 1
                continue
            longest = here[0].end
            out.extend(m for m in here if m.end == longest)
            i = longest
        return out
