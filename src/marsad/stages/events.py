"""Find events: triggers, filters and arguments per sentence (rules in marsad.coding)."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from marsad.coding.contexts import article_contexts
from marsad.coding.extract import code_document
from marsad.types import Document


class EventStage:
    name: ClassVar[str] = "events"
    requires: ClassVar[frozenset[str]] = frozenset({"tokens", "actors"})
    produces: ClassVar[frozenset[str]] = frozenset({"events"})

    def __call__(self, doc: Document) -> Document:
        events = code_document(doc)
        if events:  # PLOVER judges contexts on the story: one set for all its events
            contexts = article_contexts(doc)
            events = [replace(e, context=contexts) for e in events]
        return doc.with_layer("events", events=tuple(events))
