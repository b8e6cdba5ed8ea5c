"""Stage: tokens of each sentence with their clitic analyses; sentences learn their tokens."""

from __future__ import annotations

from dataclasses import replace

from marsad.text.tokenize import analyze, tokenize
from marsad.types import Document, Sentence, Span, Token


class TokenStage:
    name: str = "tokens"
    requires: frozenset[str] = frozenset({"sentences"})
    produces: frozenset[str] = frozenset({"tokens"})

    def __call__(self, doc: Document) -> Document:
        norm = doc.norm_text
        # a token is never empty: its raw range runs from its first character's to its last's
        # (OffsetMap.to_raw, without the checks, on the hot path)
        raw_starts, raw_ends = doc.offsets.starts, doc.offsets.ends
        tokens: list[Token] = []
        sentences: list[Sentence] = []
        for sentence in doc.sentences:
            first = len(tokens)
            for start, end, is_punct in tokenize(
                norm, sentence.norm_span.start, sentence.norm_span.end
            ):
                text = norm[start:end]
                tokens.append(
                    Token(
                        index=len(tokens),
                        text=text,
                        span=Span(raw_starts[start], raw_ends[end - 1]),
                        norm_span=Span(start, end),
                        sentence=sentence.index,
                        is_punct=is_punct,
                        analyses=() if is_punct else analyze(text),
                    )
                )
            sentences.append(replace(sentence, token_start=first, token_end=len(tokens)))
        return doc.with_layer("tokens", tokens=tuple(tokens), sentences=tuple(sentences))
