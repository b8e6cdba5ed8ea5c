"""Map positions in the normalised text back to the raw article.

Normalisation deletes characters (diacritics, tatweel, controls) and may expand one raw
character into several (a lam-alef presentation form becomes two letters). For every
normalised character we keep the raw range it came from, so a normalised span maps to the
raw span that covers exactly the characters that produced it.
"""

from __future__ import annotations

from array import array
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class OffsetMap:
    # starts[i], ends[i]: the raw range behind normalised character i.
    starts: array[int]
    ends: array[int]
    raw_length: int

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        # Most texts change no position when normalised: slicing one shared count is a copy
        # in C, where building the arrays from ranges steps through every position in Python.
        if len(_COUNT) <= length:
            _COUNT.extend(range(len(_COUNT), 2 * length + 2))
        return cls(_COUNT[:length], _COUNT[1 : length + 1], length)

    @classmethod
    def identity_empty(cls) -> OffsetMap:
        return cls.identity(0)

    def __len__(self) -> int:
        return len(self.starts)

    def to_raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw ``(start, end)`` behind the normalised half-open range ``[start, end)``."""
        n = len(self.starts)
        if not 0 <= start <= end <= n:
            raise IndexError(f"normalised range [{start}, {end}) outside 0..{n}")
        if start == end:
            pos = self.starts[start] if start < n else self.raw_length
            return pos, pos
        return self.starts[start], self.ends[end - 1]


_COUNT: array[int] = array("q", range(4096))  # 0, 1, 2 …: grown on demand, never changed


class OffsetMapBuilder:
    """Collects normalised characters with their raw ranges, in order."""

    def __init__(self) -> None:
        self._chars: list[str] = []
        self._starts = array("q")
        self._ends = array("q")

    def add(self, chars: str, raw_start: int, raw_end: int) -> None:
        for ch in chars:
            self._chars.append(ch)
            self._starts.append(raw_start)
            self._ends.append(raw_end)

    def build(self, raw_length: int) -> tuple[str, OffsetMap]:
        return "".join(self._chars), OffsetMap(self._starts, self._ends, raw_length)
