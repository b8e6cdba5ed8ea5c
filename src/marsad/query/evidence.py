"""What to highlight in an article for one event, and the coding decisions in words.

A mark is ``{"start", "end", "kind", "label"}``: raw character offsets into the article text
and one of ``KINDS``. The trigger, clause, actor and recipient offsets are stored with the
event; the spans of the date expression and the place name are not, so for a stored event the
article is coded again (fast once the pipeline is loaded) and the event found by its stable id.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import pairwise
from typing import Any

from marsad.errors import MarsadError
from marsad.types import ActorRef, EventRecord

KINDS = ("clause", "trigger", "actor", "recipient", "date", "place")


def _mark(start: int, end: int, kind: str, label: str) -> dict[str, Any]:
    return {"start": start, "end": end, "kind": kind, "label": label}


def _party_label(code: str | None, sector: str | None) -> str:
    return "/".join(part for part in (code, sector) if part) or "unknown"


def evidence_marks(record: dict[str, Any]) -> list[dict[str, Any]]:
    """Clause and trigger marks from a PLOVER record's ``text_info``."""
    marks: list[dict[str, Any]] = []
    for ev in record.get("text_info", {}).get("evidence", []):
        marks.append(_mark(ev["start"], ev["end"], "clause", f"sentence {ev['sentence']}"))
        label = f"{record['event']} trigger"
        marks.append(_mark(ev["trigger_start"], ev["trigger_end"], "trigger", label))
    return marks


def _actor_decision(role: str, ref: ActorRef) -> dict[str, Any]:
    return {
        "what": role,
        "text": ref.entity_text,
        "value": _party_label(ref.code, ref.sector),
        "method": ref.method or None,
        "reason": ref.reason or None,
    }


def record_marks(event: EventRecord) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Marks and decisions of an event just coded (every span is known)."""
    marks = evidence_marks(event.to_plover())
    decisions: list[dict[str, Any]] = [_event_decision(event.event, event.mode, event.reason)]
    for role, refs in (("actor", event.actor), ("recipient", event.recipient)):
        for ref in refs:
            marks.append(
                _mark(ref.span.start, ref.span.end, role, _party_label(ref.code, ref.sector))
            )
            decisions.append(_actor_decision(role, ref))
    if event.date is not None:
        if event.date.span is not None:
            marks.append(
                _mark(event.date.span.start, event.date.span.end, "date", event.date.value)
            )
        decisions.append(
            {
                "what": "date",
                "text": event.date.text or None,
                "value": event.date.value,
                "method": event.date.method,
                "reason": _date_reason(event.date.method, event.date.precision),
            }
        )
    if event.place is not None:
        place = event.place
        if place.span is not None:
            label = place.resolved_place or place.extracted_place
            marks.append(_mark(place.span.start, place.span.end, "place", label))
        decisions.append(_place_decision(place.extracted_place, place.to_plover()))
    return marks, decisions


def _event_decision(event: str, mode: str | None, reason: str) -> dict[str, Any]:
    value = f"{event}/{mode}" if mode else event
    return {"what": "event", "text": None, "value": value, "method": "trigger", "reason": reason}


def _date_reason(method: str, precision: str | None) -> str:
    if method == "article":
        return f"no date expression in the clause: the article's date ({precision})"
    return f"the expression in the clause, resolved by the rule {method!r} ({precision})"


def _place_decision(written: str, loc: dict[str, Any]) -> dict[str, Any]:
    where = ", ".join(str(loc[k]) for k in ("resolved_place", "admin1", "country_code") if loc[k])
    return {
        "what": "place",
        "text": written,
        "value": where or None,
        "method": "gazetteer",
        "reason": f"named in the clause; resolution {loc.get('resolution')} (1 country .. 5 "
        f"sub-city), GeoNames id {loc.get('geonameid')}",
    }


@lru_cache(maxsize=64)
def _recoded(text: str, date: str | None, story_id: str) -> dict[str, EventRecord]:
    from marsad.api import analyze

    try:
        doc = analyze(text, date, id=story_id)
    except MarsadError:
        return {}
    return {event.id: event for event in doc.events}


def stored_marks(
    record: dict[str, Any], parties: list[dict[str, Any]], text: str, date: str | None
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Marks and decisions of a stored event: exact when coding the article again finds the
    same event, else the stored offsets and the place name found in the clause."""
    again = _recoded(text, date, record["story_id"]).get(record["id"])
    if again is not None:
        return record_marks(again)
    marks = evidence_marks(record)
    decisions = [_event_decision(record["event"], record.get("mode"), record.get("reason", ""))]
    for party in parties:
        label = _party_label(party["code"], party["sector"])
        marks.append(_mark(party["start"], party["end"], party["role"], label))
        decisions.append(
            {
                "what": party["role"],
                "text": party["entity_text"],
                "value": label,
                "method": None,
                "reason": "stored with the event",
            }
        )
    if record.get("date"):
        decisions.append(
            {
                "what": "date",
                "text": None,
                "value": record["date"],
                "method": None,
                "reason": f"stored with the event ({record.get('date_precision')})",
            }
        )
    loc = record.get("event_loc")
    if loc:
        info = record.get("text_info", {})
        start = text.find(loc["extracted_place"], info.get("start", 0), info.get("end", len(text)))
        if start >= 0:
            end = start + len(loc["extracted_place"])
            marks.append(
                _mark(start, end, "place", loc["resolved_place"] or loc["extracted_place"])
            )
        decisions.append(_place_decision(loc["extracted_place"], loc))
    return marks, decisions


def segments(text: str, marks: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The text cut at every mark boundary: ``{"text", "kinds", "labels"}`` pieces in order,
    each with the kinds (and labels) of the marks that cover it."""
    size = len(text)
    valid = [m for m in marks if 0 <= m["start"] < m["end"] <= size]
    cuts = sorted({0, size, *(m["start"] for m in valid), *(m["end"] for m in valid)})
    pieces: list[dict[str, Any]] = []
    for start, end in pairwise(cuts):
        covering = [m for m in valid if m["start"] <= start and end <= m["end"]]
        kinds = [k for k in KINDS if any(m["kind"] == k for m in covering)]
        labels = sorted({m["label"] for m in covering if m["kind"] != "clause"})
        pieces.append({"text": text[start:end], "kinds": kinds, "labels": labels})
    return pieces
