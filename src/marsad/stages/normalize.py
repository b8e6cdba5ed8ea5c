"""Stage: the matching form of the article text, with its map back to the raw text."""

from __future__ import annotations

from typing import ClassVar

from marsad.text.normalize import normalize
from marsad.types import Document


class NormalizeStage:
    name: ClassVar[str] = "normalize"
    requires: ClassVar[frozenset[str]] = frozenset()
    produces: ClassVar[frozenset[str]] = frozenset({"norm"})

    def __call__(self, doc: Document) -> Document:
        norm_text, offsets = normalize(doc.text)
        return doc.with_layer("norm", norm_text=norm_text, offsets=offsets)
