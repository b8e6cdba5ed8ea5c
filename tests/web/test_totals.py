"""The server counts a filter once while paging through it, and again once the count is old."""

from __future__ import annotations

from marsad.query import TotalCache


def test_a_filter_is_counted_once_within_the_time_to_live() -> None:
    calls: list[int] = []
    cache = TotalCache(seconds=60)

    def count() -> int:
        calls.append(1)
        return 42

    assert cache.get(("db", "WHERE e.event = ?", ("ASSAULT",)), count) == 42
    assert cache.get(("db", "WHERE e.event = ?", ("ASSAULT",)), count) == 42
    assert len(calls) == 1


def test_other_filters_and_stale_counts_are_counted_again() -> None:
    calls: list[str] = []
    cache = TotalCache(seconds=0)  # every count is stale at once

    def count_of(name: str) -> int:
        calls.append(name)
        return len(calls)

    assert cache.get(("db", "a", ()), lambda: count_of("a")) == 1
    assert cache.get(("db", "a", ()), lambda: count_of("a")) == 2
    assert cache.get(("db", "b", ()), lambda: count_of("b")) == 3


def test_the_cache_stays_small() -> None:
    cache = TotalCache(seconds=60, size=3)
    for i in range(10):
        cache.get(("db", str(i), ()), lambda: 1)
    assert len(cache._totals) <= 3
