"""Cutting articles read in order into partitions whose last ones are small.

Spark starts tasks in partition order. With slices of one size, the last slice a core picks
up can keep it busy long after the other cores have finished. Slices that shrink as the work
left shrinks (about ``1 / (2 * cores)`` of what is left, never more than ``1 / (4 * cores)``
nor less than ``1 / (16 * cores)`` of the whole) keep the cores busy to the end, and the
articles stay in reading order.
"""

from __future__ import annotations

from collections.abc import Sequence

SHARE_OF_REST = 2  # a slice is 1 / (SHARE_OF_REST * cores) of the work left
LARGEST = 4  # but at most 1 / (LARGEST * cores) of all the work
SMALLEST = 16  # and at least 1 / (SMALLEST * cores)


def shrinking_slices(sizes: Sequence[int], cores: int) -> list[range]:
    """Consecutive ranges of indexes into ``sizes`` (each item's work, such as its length),
    together covering them all in order."""
    cores = max(1, cores)
    left = sum(max(1, size) for size in sizes)
    largest, smallest = left / (LARGEST * cores), left / (SMALLEST * cores)
    slices: list[range] = []
    start, taken = 0, 0
    for index, size in enumerate(sizes):
        taken += max(1, size)
        if taken >= max(min(left / (SHARE_OF_REST * cores), largest), smallest):
            slices.append(range(start, index + 1))
            left -= taken
            start, taken = index + 1, 0
    if start < len(sizes):
        slices.append(range(start, len(sizes)))
    return slices
