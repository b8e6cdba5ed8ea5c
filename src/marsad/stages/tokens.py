"""Stage: tokens of each sentence with their clitic analyses; sentences learn their tokens."""

from __future__ import annotations

from dataclasses import replace

from marsad.text.tokenize import PUNCT, analyze, token_matches
from marsad.types import Document, Sentence, Span, Token


class TokenStage:
    name: str = "tokens"
    requires: frozenset[str] = frozenset({"sentences"})
    produces: frozenset[str] = frozenset({"tokens"})

    def __call__(self, doc: Document) -> Document:
        # The hot loop of the pipeline (a record per word): positional arguments and one span
        # for both ranges when normalisation moved nothing, the common case, save a third.
        norm = doc.norm_text
        # a token is never empty: its raw range runs from its first character's to its last's
        # (OffsetMap.to_raw, without the checks)
        raw_starts, raw_ends = doc.offsets.starts, doc.offsets.ends
        tokens: list[Token] = []
        add = tokens.append
        sentences: list[Sentence] = []
        for sentence in doc.sentences:
            first = index = len(tokens)
            for match in token_matches(norm, sentence.norm_span.start, sentence.norm_span.end):
                start, end = match.span()
                norm_span = Span(start, end)
                raw_start, raw_end = raw_starts[start], raw_ends[end - 1]
                span = (
                    norm_span if raw_start == start and raw_end == end else Span(raw_start, raw_end)
                )
                if match.lastgroup == PUNCT:
                    add(Token(index, match.group(), span, norm_span, sentence.index, True, ()))
                else:
                    text = match.group()
                    add(Token(index, text, span, norm_span, sentence.index, False, analyze(text)))
                index += 1
            sentences.append(replace(sentence, token_start=first, token_end=index))
        return doc.with_layer("tokens", tokens=tuple(tokens), sentences=tuple(sentences))
