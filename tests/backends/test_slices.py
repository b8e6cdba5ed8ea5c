"""Partitions for Spark that shrink towards the end of the articles."""

from __future__ import annotations

import pytest

from marsad.backends.slices import shrinking_slices


@pytest.mark.parametrize("cores", [1, 2, 8])
@pytest.mark.parametrize("sizes", [[100] * 1000, [1, 500, 3, 3000, 2, 40] * 200, [7], []])
def test_slices_cover_every_item_once_in_order(sizes: list[int], cores: int) -> None:
    slices = shrinking_slices(sizes, cores)
    assert [i for s in slices for i in s] == list(range(len(sizes)))
    assert all(len(s) > 0 for s in slices)


def test_slices_shrink_so_the_last_is_a_small_share_of_the_work() -> None:
    sizes = [100] * 4000
    slices = shrinking_slices(sizes, cores=2)
    work = [sum(sizes[i] for i in s) for s in slices]
    assert work[0] == pytest.approx(sum(sizes) / 8, rel=0.01)  # four a core at most
    assert work == sorted(work, reverse=True)
    assert max(work[-3:]) <= sum(sizes) / 32 + 100
    assert 8 <= len(slices) <= 24  # not thousands of tiny tasks


def test_an_item_larger_than_a_slice_ends_its_slice() -> None:
    slices = shrinking_slices([1, 1, 10_000, 1, 1], cores=2)
    assert slices[0] == range(0, 3)


def test_more_cores_give_more_slices() -> None:
    sizes = [50] * 10_000
    assert (
        len(shrinking_slices(sizes, 8))
        > len(shrinking_slices(sizes, 2))
        > len(shrinking_slices(sizes, 1))
    )
