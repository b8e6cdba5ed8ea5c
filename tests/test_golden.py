"""The seed article, coded end to end from its file, against golden expectations."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pytest

import marsad
from marsad.io.readers import read_path
from marsad.types import Article, EventRecord

GOLDEN = Path(__file__).parent / "golden"
CASES = sorted(GOLDEN.glob("*.json"))
# The list: every type of verbal or material conflict except a request.
CONFLICT_TYPES = {
    "ASSAULT",
    "PROTEST",
    "COERCE",
    "MOBILIZE",
    "SANCTION",
    "THREATEN",
    "ACCUSE",
    "REJECT",
}
Check = Callable[[Sequence[EventRecord], Sequence[dict[str, Any]], bool], None]


def _article(case: dict[str, Any]) -> Article:
    results = list(read_path(GOLDEN / case["input"], date=case["date"]))
    assert len(results) == 1 and isinstance(results[0], Article), results
    return results[0]


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_golden(path: Path, check_events: Check) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    events = marsad.load(strict=True).code(_article(case))
    check_events(events, case["events"], case["exact"])


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_no_conflict_from_diplomatic_language(path: Path) -> None:
    case = json.loads(path.read_text(encoding="utf-8"))
    events = marsad.load(strict=True).code(_article(case))
    assert [e.event for e in events if e.event in CONFLICT_TYPES] == []


def test_evidence_points_into_the_raw_article() -> None:
    case = json.loads((GOLDEN / "ar-2021-05-karabakh.day.json").read_text(encoding="utf-8"))
    article = _article(case)
    for event in marsad.load(strict=True).code(article):
        for evidence in event.evidence:
            assert article.text[evidence.trigger.start : evidence.trigger.end] == evidence.text
            assert evidence.clause.contains(evidence.trigger)
        for actor in (*event.actor, *event.recipient):
            assert article.text[actor.span.start : actor.span.end] == actor.entity_text
