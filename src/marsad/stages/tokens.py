"""Stage: tokens of each sentence with their clitic analyses; sentences learn their tokens."""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from marsad.text.tokenize import ANALYSES, analyze, spaced_tokens
from marsad.types import Document, Sentence, Token, word_span, word_token


class TokenStage:
    name: ClassVar[str] = "tokens"
    requires: ClassVar[frozenset[str]] = frozenset({"sentences"})
    produces: ClassVar[frozenset[str]] = frozenset({"tokens"})

    def __call__(self, doc: Document) -> Document:
        # The hot loop of the pipeline (a record per word): tokens read as plain strings,
        # records built by setting their slots, and one span for both ranges when
        # normalisation moved nothing (the common case).
        norm = doc.norm_text
        # a token is never empty: its raw range runs from its first character's to its last's
        # (OffsetMap.to_raw, without the checks)
        raw_starts, raw_ends = doc.offsets.starts, doc.offsets.ends
        known = ANALYSES.get  # analyze()'s cache, looked up here: every word of the text
        tokens: list[Token] = []
        add = tokens.append
        sentences: list[Sentence] = []
        for sentence in doc.sentences:
            first = index = len(tokens)
            end = sentence.norm_span.start
            for blanks, word, mark in spaced_tokens(norm, end, sentence.norm_span.end):
                start = end + len(blanks)
                text = word or mark
                end = start + len(text)
                norm_span = word_span(start, end)
                raw_start, raw_end = raw_starts[start], raw_ends[end - 1]
                moved = raw_start != start or raw_end != end
                span = word_span(raw_start, raw_end) if moved else norm_span
                if mark:
                    add(word_token(index, text, span, norm_span, sentence.index, True, ()))
                else:
                    analyses = known(text) or analyze(text)
                    add(word_token(index, text, span, norm_span, sentence.index, False, analyses))
                index += 1
            sentences.append(replace(sentence, token_start=first, token_end=index))
        return doc.with_layer("tokens", tokens=tuple(tokens), sentences=tuple(sentences))
