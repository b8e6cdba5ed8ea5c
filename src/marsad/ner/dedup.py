"""Keep held-out text out of the training data, and the same text out of it twice.

NewsFANE Gold re-annotates the ANERcorp newswire, test part included, with another
tokenisation (clitics and decimal numbers split off), so sentences are compared both on their
tokens and on their text with the spaces taken out. Everything is compared in the matching form
of :func:`marsad.text.normalize_phrase`. A training sentence *overlaps* a held-out one when

1. their token sequences are equal, or they share a run of :data:`RUN_TOKENS` tokens;
2. their texts without spaces are equal, or share a run of :data:`RUN_CHARS` characters
   (about as long as eight words: the same rule, blind to where tokens were cut).

A sentence is a *duplicate* of another when rule 1 or 2 holds for equality alone. Both checks
are plain set look-ups, so the result depends only on the files, never on order or chance.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from marsad.ner.corpus import Sentence
from marsad.text import normalize_phrase

#: Consecutive tokens a training sentence may not share with a held-out one.
RUN_TOKENS = 8
#: Consecutive characters (spaces removed) a training sentence may not share with a held-out one.
RUN_CHARS = 40


def matching_tokens(sentence: Sentence) -> tuple[str, ...]:
    """The sentence's tokens in their matching form (a token normalised away stays as is)."""
    return tuple(normalize_phrase(token) or token for token in sentence.tokens)


def _token_runs(tokens: tuple[str, ...]) -> Iterable[tuple[str, ...]]:
    return (tokens[i : i + RUN_TOKENS] for i in range(len(tokens) - RUN_TOKENS + 1))


def _char_runs(text: str) -> Iterable[str]:
    return (text[i : i + RUN_CHARS] for i in range(len(text) - RUN_CHARS + 1))


@dataclass(frozen=True, slots=True)
class Removed:
    """What a filter took out of one corpus."""

    corpus: str
    sentences: int
    tokens: int
    kept_sentences: int
    kept_tokens: int

    def line(self) -> str:
        return (
            f"{self.corpus}: removed {self.sentences} sentences ({self.tokens} tokens), "
            f"kept {self.kept_sentences} ({self.kept_tokens} tokens)"
        )


class Index:
    """The sentences of one side (the test split, a dev slice), ready to be compared with."""

    def __init__(self, sentences: Iterable[Sentence]) -> None:
        self.sequences: set[tuple[str, ...]] = set()
        self.texts: set[str] = set()
        self.token_runs: set[tuple[str, ...]] = set()
        self.char_runs: set[str] = set()
        for sentence in sentences:
            tokens = matching_tokens(sentence)
            text = "".join(tokens)
            self.sequences.add(tokens)
            self.texts.add(text)
            self.token_runs.update(_token_runs(tokens))
            self.char_runs.update(_char_runs(text))

    def duplicates(self, sentence: Sentence) -> bool:
        """Whether the sentence is one of these, tokenised the same way or not."""
        tokens = matching_tokens(sentence)
        return tokens in self.sequences or "".join(tokens) in self.texts

    def overlaps(self, sentence: Sentence) -> bool:
        """Whether the sentence shares a long run of tokens or characters with one of these."""
        if self.duplicates(sentence):
            return True
        tokens = matching_tokens(sentence)
        if any(run in self.token_runs for run in _token_runs(tokens)):
            return True
        return any(run in self.char_runs for run in _char_runs("".join(tokens)))


def _split(
    corpus: str, sentences: Sequence[Sentence], drop: list[bool]
) -> tuple[list[Sentence], Removed]:
    kept = [s for s, d in zip(sentences, drop, strict=True) if not d]
    gone = [s for s, d in zip(sentences, drop, strict=True) if d]
    removed = Removed(
        corpus,
        sentences=len(gone),
        tokens=sum(map(len, gone)),
        kept_sentences=len(kept),
        kept_tokens=sum(map(len, kept)),
    )
    return kept, removed


def remove_overlaps(
    corpus: str, sentences: Sequence[Sentence], held_out: Index
) -> tuple[list[Sentence], Removed]:
    """The sentences that do not overlap ``held_out``, and a count of the others."""
    return _split(corpus, sentences, [held_out.overlaps(s) for s in sentences])


def remove_duplicates(
    corpus: str, sentences: Sequence[Sentence], other: Index
) -> tuple[list[Sentence], Removed]:
    """The sentences that are not already in ``other``, and a count of the others."""
    return _split(corpus, sentences, [other.duplicates(s) for s in sentences])


def remove_words(
    corpus: str, sentences: Sequence[Sentence], words: frozenset[str]
) -> tuple[list[Sentence], Removed]:
    """The sentences with none of ``words`` (in matching form), and a count of the others."""
    drop = [not words.isdisjoint(matching_tokens(s)) for s in sentences]
    return _split(corpus, sentences, drop)
