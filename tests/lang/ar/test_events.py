"""Arabic event-coding cases, one JSON file a case under events/."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import marsad
from marsad.types import EventRecord

CASES = sorted((Path(__file__).parent / "events").glob("*.json"))
Check = Callable[[Sequence[EventRecord], Sequence[dict[str, Any]], bool], None]


def test_there_are_cases() -> None:
    assert len(CASES) >= 10


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_case(path: Path, check_events: Check) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    events = marsad.code(case["text"], date=case["date"])
    check_events(events, case["events"], True)
