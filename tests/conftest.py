"""Shared test helpers: comparing coded events with expectations written as data."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pytest

from marsad.types import EventRecord

Expectation = dict[str, Any]


def _codes(actors: Sequence[Any]) -> list[str | None]:
    return sorted({a.code for a in actors}, key=lambda c: c or "")


def describe(event: EventRecord) -> str:
    date = event.date.value if event.date else None
    return (
        f"{event.event}/{event.mode} actor={_codes(event.actor)} "
        f"recipient={_codes(event.recipient)} date={date} evidence={len(event.evidence)}"
    )


def fits(event: EventRecord, want: Expectation) -> bool:
    """Whether ``event`` has every property ``want`` states (keys it leaves out are free)."""
    checks: dict[str, Callable[[], object]] = {
        "event": lambda: event.event,
        "mode": lambda: event.mode,
        "actors": lambda: _codes(event.actor),
        "actor_sectors": lambda: sorted({a.sector or "" for a in event.actor}),
        "recipients": lambda: _codes(event.recipient),
        "recipient_sectors": lambda: sorted({a.sector or "" for a in event.recipient}),
        "parties": lambda: _codes((*event.actor, *event.recipient)),
        "date": lambda: event.date.value if event.date else None,
        "date_precision": lambda: event.date.precision if event.date else None,
        "place": lambda: event.place.country_code if event.place else None,
    }
    free = {"actor_ids", "recipient_ids", "min_evidence"}
    unknown = set(want) - set(checks) - free
    assert not unknown, f"a case states what no check reads: {sorted(unknown)}"
    for key, get in checks.items():
        if key in want and get() != want[key]:
            return False
    ids = {a.identifier for a in event.actor}
    if not set(want.get("actor_ids", [])) <= ids:
        return False
    if not set(want.get("recipient_ids", [])) <= {r.identifier for r in event.recipient}:
        return False
    return len(event.evidence) >= int(want.get("min_evidence", 1))


def assert_events(
    events: Sequence[EventRecord], expected: Sequence[Expectation], *, exact: bool
) -> None:
    left = list(events)
    for want in expected:
        found = next((e for e in left if fits(e, want)), None)
        assert found is not None, f"missing {want}; got: {[describe(e) for e in events]}"
        left.remove(found)
    if exact:
        assert not left, f"unexpected events: {[describe(e) for e in left]}"


@pytest.fixture
def check_events() -> Callable[[Sequence[EventRecord], Sequence[Expectation], bool], None]:
    def check(events: Sequence[EventRecord], expected: Sequence[Expectation], exact: bool) -> None:
        assert_events(events, expected, exact=exact)

    return check
