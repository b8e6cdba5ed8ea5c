"""Find events: triggers, filters and arguments per sentence (rules in marsad.coding)."""

from __future__ import annotations

from marsad.coding.extract import code_document
from marsad.types import Document


class EventStage:
    name = "events"
    requires = frozenset({"tokens", "actors"})
    produces = frozenset({"events"})

    def __call__(self, doc: Document) -> Document:
        return doc.with_layer("events", events=tuple(code_document(doc)))
