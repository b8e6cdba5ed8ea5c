"""Stage: sentences of the normalised text, each with its raw span."""

from __future__ import annotations

from typing import ClassVar

from marsad.text.sentences import split_sentences
from marsad.types import Document, Sentence, Span


class SentenceStage:
    name: ClassVar[str] = "sentences"
    requires: ClassVar[frozenset[str]] = frozenset({"norm"})
    produces: ClassVar[frozenset[str]] = frozenset({"sentences"})

    def __call__(self, doc: Document) -> Document:
        sentences = tuple(
            Sentence(
                index=index,
                span=Span(*doc.offsets.to_raw(start, end)),
                norm_span=Span(start, end),
                in_quote=in_quote,
            )
            for index, (start, end, in_quote) in enumerate(split_sentences(doc.norm_text))
        )
        return doc.with_layer("sentences", sentences=sentences)
