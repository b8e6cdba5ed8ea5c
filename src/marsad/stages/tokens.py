"""Stage: tokens of each sentence with their clitic analyses; sentences learn their tokens."""

from __future__ import annotations

from dataclasses import replace

from marsad.text.tokenize import PUNCT, analyze, token_matches
from marsad.types import Analysis, Document, Sentence, Token, word_span, word_token

# Each surface seen, once: the surface itself, whether it is a punctuation mark and its analyses.
# Tokens of one surface then share one string, so the later stages' caches keyed by surface
# find it by identity, not by comparing characters far off in memory.
_SURFACES: dict[str, tuple[str, bool, tuple[Analysis, ...]]] = {}
_SURFACES_LIMIT = 500_000


class TokenStage:
    name: str = "tokens"
    requires: frozenset[str] = frozenset({"sentences"})
    produces: frozenset[str] = frozenset({"tokens"})

    def __call__(self, doc: Document) -> Document:
        # The hot loop of the pipeline (a record per word): records built by setting their
        # slots, and one span for both ranges when normalisation moved nothing (the common case).
        norm = doc.norm_text
        # a token is never empty: its raw range runs from its first character's to its last's
        # (OffsetMap.to_raw, without the checks)
        raw_starts, raw_ends = doc.offsets.starts, doc.offsets.ends
        known = _SURFACES.get
        tokens: list[Token] = []
        add = tokens.append
        sentences: list[Sentence] = []
        for sentence in doc.sentences:
            first = index = len(tokens)
            for match in token_matches(norm, sentence.norm_span.start, sentence.norm_span.end):
                start, end = match.span()
                norm_span = word_span(start, end)
                raw_start, raw_end = raw_starts[start], raw_ends[end - 1]
                moved = raw_start != start or raw_end != end
                span = word_span(raw_start, raw_end) if moved else norm_span
                surface = known(match.group())
                if surface is None:
                    surface = _surface(match.group(), match.lastgroup == PUNCT)
                text, is_punct, analyses = surface
                add(word_token(index, text, span, norm_span, sentence.index, is_punct, analyses))
                index += 1
            sentences.append(replace(sentence, token_start=first, token_end=index))
        return doc.with_layer("tokens", tokens=tuple(tokens), sentences=tuple(sentences))


def _surface(text: str, is_punct: bool) -> tuple[str, bool, tuple[Analysis, ...]]:
    """A surface first seen (whether a token is a punctuation mark depends on its text only)."""
    if len(_SURFACES) >= _SURFACES_LIMIT:
        _SURFACES.clear()
    surface = _SURFACES[text] = (text, is_punct, () if is_punct else analyze(text))
    return surface
