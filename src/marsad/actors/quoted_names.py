"""Quote marks that only wrap a name: taken out of the tokens once the names are found.

Arabic news quotes the names of groups and people as often as their words: "musallahu «Da'ish»"
(ISIS gunmen), "thalatha min a'da' «al-Ikhwan al-Muslimin»". Read as marks, such quotes cut the
name off its head noun and open a quotation clause of one word, and the count, the member noun
or the verb before it no longer reaches it. A pair of marks with nothing inside but the names of
organisations and people the knowledge base knows is spelling, not quotation: the mentions stage
drops such marks from the tokens, counts the sentences again and finds the names anew ("jama'at
«Boko Haram»" is then the one name it is without them). Other quoted words stay quoted: an
unknown name («Sand», a fund) may read as a verb, and a quoted town is a newspaper («al-Riyad»)
as often as the town.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from functools import cache

from marsad.coding.resources import cues
from marsad.lang.ar import punctuation
from marsad.types import Document, Mention, Sentence, Span, Token, word_token

UNQUOTED_KINDS = frozenset({"org", "person"})  # the names whose quotes are only spelling


def wrapping_marks(tokens: Sequence[Token], mentions: Sequence[Mention]) -> list[int]:
    """Token indices of the quote marks that enclose nothing but names, in pairs within one
    sentence (no mention runs over a mark: the matcher stops at punctuation)."""
    named = {
        i for m in mentions if m.kind in UNQUOTED_KINDS for i in range(m.token_start, m.token_end)
    }
    if not named:
        return []
    # words no other reading claims (a title or a place of the same words keeps its quotes)
    named -= {
        i
        for m in mentions
        if m.kind not in UNQUOTED_KINDS
        for i in range(m.token_start, m.token_end)
    }
    marks = cues().quote_marks
    openers, closers = _paired()
    found: list[int] = []
    for first in sorted({m.token_start for m in mentions if m.token_start in named}):
        i, j = first - 1, first
        while j in named:
            j += 1
        if i < 0 or j >= len(tokens) or (found and found[-1] >= i):
            continue  # at an edge, or the mark closes the pair before
        opening, closing = tokens[i], tokens[j]
        if (
            opening.is_punct
            and closing.is_punct
            and opening.text in marks
            and closing.text in marks
            and opening.text not in closers
            and closing.text not in openers
            and opening.sentence == closing.sentence
        ):
            found.extend((i, j))
    return found


@cache
def _paired() -> tuple[frozenset[str], frozenset[str]]:
    """The marks that only open and those that only close a quotation."""
    pairs = punctuation().paired_quotes
    return frozenset(o for o, _ in pairs), frozenset(c for _, c in pairs)


def without_marks(
    doc: Document, marks: Sequence[int]
) -> tuple[tuple[Token, ...], tuple[Sentence, ...], list[int]]:
    """The document's tokens without ``marks`` (pairs, as ``wrapping_marks`` gives them),
    numbered again, its sentences counted on them, and the index each old token takes (a
    dropped one, the next token's; one more for the end). The names' first and last words take
    the marks into their raw spans: the evidence reads «Da'ish», quotes and all."""
    old = doc.tokens
    starts = {i + 1: old[i].span.start for i in marks[::2]}
    ends = {j - 1: old[j].span.end for j in marks[1::2]}
    dropped = set(marks)
    new_index: list[int] = []  # the index each old token takes (a dropped one: the next's)
    tokens: list[Token] = []
    for token in old:
        new_index.append(len(tokens))
        if token.index in dropped:
            continue
        at, span = len(tokens), token.span
        if token.index in starts or token.index in ends:
            span = Span(starts.get(token.index, span.start), ends.get(token.index, span.end))
        elif at == token.index:
            tokens.append(token)
            continue
        tokens.append(
            word_token(
                at,
                token.text,
                span,
                token.norm_span,
                token.sentence,
                token.is_punct,
                token.analyses,
            )
        )
    new_index.append(len(tokens))
    sentences = tuple(
        replace(s, token_start=new_index[s.token_start], token_end=new_index[s.token_end])
        for s in doc.sentences
    )
    return tuple(tokens), sentences, new_index
