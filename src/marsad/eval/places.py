"""Score event dates and places against hand-written cases (JSON Lines, one a line):

    {"id": ..., "article_date": "2023-10-17", "text": ..., "trigger": ...,
     "date": "2023-10-16", "precision": "day",
     "place": {"name": ..., "country": "SYR", "lat": 35.93, "lon": 36.63} or null}

The case's event is the coded event whose trigger contains ``trigger``. When the events
stage finds none (event detection is not what these cases test), a stand-in event with that
trigger and the whole sentence as its clause is dated and placed by the same two stages.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from marsad.pipeline import Pipeline, Stage
from marsad.types import Article, Document, EventRecord, Evidence, Span

NEAR_KM = 25.0


@dataclass(frozen=True, slots=True)
class PlaceCase:
    id: str
    article_date: str
    text: str
    trigger: str
    date: str
    precision: str
    place: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class PlaceResult:
    case: PlaceCase
    date: str | None
    precision: str | None
    country: str | None
    lat: float | None
    lon: float | None
    resolved: str | None
    stand_in: bool  # the events stage found no event with the trigger

    @property
    def date_right(self) -> bool:
        return (self.date, self.precision) == (self.case.date, self.case.precision)

    @property
    def country_right(self) -> bool:
        want = self.case.place
        return self.country is None if want is None else self.country == want["country"]

    @property
    def distance_km(self) -> float | None:
        want = self.case.place
        if want is None or self.lat is None or self.lon is None:
            return None
        return distance_km(want["lat"], want["lon"], self.lat, self.lon)

    @property
    def near(self) -> bool:
        if self.case.place is None:
            return self.country is None
        km = self.distance_km
        return km is not None and km <= NEAR_KM


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def read_cases(path: Path) -> list[PlaceCase]:
    cases = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            row = json.loads(line)
            cases.append(PlaceCase(**row))
    return cases


def _stand_in(doc: Document, case: PlaceCase) -> Document:
    start = case.text.index(case.trigger)
    trigger = Span(start, start + len(case.trigger))
    sentence = next(s for s in doc.sentences if s.span.start <= start < s.span.end)
    evidence = Evidence(sentence.index, trigger, sentence.span, case.trigger)
    event = EventRecord(case.id, doc.article.id, "CONSULT", None, (), (), (evidence,))
    return replace(doc, events=(event,))


def _event(doc: Document, case: PlaceCase) -> EventRecord | None:
    return next((e for e in doc.events if any(case.trigger in ev.text for ev in e.evidence)), None)


def score_case(full: Pipeline, late: Sequence[Stage], case: PlaceCase) -> PlaceResult:
    """``full`` is the whole pipeline; ``late`` the dates and places stages, run again on a
    stand-in event."""
    doc = full(Article(case.id, case.text, case.article_date))
    event = _event(doc, case)
    stand_in = event is None
    if event is None:
        redone = _stand_in(doc, case)
        for stage in late:
            redone = stage(redone)
        if not redone.events:  # dated as history more than a year back, and dropped
            return PlaceResult(case, None, None, None, None, None, None, stand_in)
        event = redone.events[0]
    place = event.place
    return PlaceResult(
        case=case,
        date=event.date.value if event.date else None,
        precision=event.date.precision if event.date else None,
        country=place.country_code if place else None,
        lat=place.lat if place else None,
        lon=place.lon if place else None,
        resolved=place.resolved_place if place else None,
        stand_in=stand_in,
    )


def score_cases(
    full: Pipeline, late: Sequence[Stage], cases: Iterable[PlaceCase]
) -> list[PlaceResult]:
    return [score_case(full, late, c) for c in cases]
