"""Tokens of normalised text, and the clitic analyses that let lexicons match inflected words.

Arabic writes conjunctions, prepositions, the future particle and the article onto the word
they govern, and pronouns onto its end. ``analyze`` lists every plausible way to peel them off;
a lexicon entry matches a token when one of its words is one of the token's stems. The clitics
themselves come from ``lang/ar/clitics.json``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from marsad.lang.ar import Clitics, clitics
from marsad.text.normalize import normalize_phrase
from marsad.types import Analysis, word_analysis

# Letters and digits of any script (with Latin combining accents) form words; a full stop or
# comma between digits stays inside the number (3.5, 1,000). Every other visible character is
# a token of its own. A run of word characters is written as letters with marks between, not
# as a repeated choice of either: the regular expression then runs a third faster.
_LETTER, _MARK = r"[^\W_]", r"[\u0300-\u036f]"
_RUN = rf"{_LETTER}*(?:{_MARK}+{_LETTER}*)*"  # letters and marks, maybe none
_WORD = rf"(?:{_LETTER}|{_MARK}){_RUN}(?:(?<=\d)[.,]\d{_RUN})*"
_TOKEN = re.compile(rf"(?P<word>{_WORD})|(?P<punct>\S)")
# The same tokens with the blanks before each, as strings: only blanks are skipped between
# tokens (any other character is a token), so a token starts where the blanks before it end.
_SPACED = re.compile(rf"(\s*)(?:({_WORD})|(\S))")


PUNCT = "punct"  # the group a punctuation mark matches


def tokenize(norm: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``(start, end, is_punct)`` of each token in ``norm[start:end]``."""
    return [(*m.span(), m.lastgroup == PUNCT) for m in token_matches(norm, start, end)]


def token_matches(norm: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """The tokens of ``norm[start:end]`` as regular-expression matches (``tokenize`` without
    the tuples, for the tokens stage): a punctuation mark's ``lastgroup`` is ``PUNCT``."""
    return _TOKEN.finditer(norm, start, end)


def spaced_tokens(norm: str, start: int, end: int) -> list[tuple[str, str, str]]:
    """``(blanks, word, mark)`` for each token of ``norm[start:end]``, one of word and mark
    empty: ``tokenize`` as plain strings, which the tokens stage reads faster than matches
    (a token starts after the blanks, where the one before it ended)."""
    return _SPACED.findall(norm, start, end)


@dataclass(frozen=True, slots=True)
class _Prefix:
    """A sequence of proclitics as written at the start of a word."""

    written: str
    proclitics: tuple[str, ...]
    has_article: bool
    is_future: bool


def _write(proclitics: tuple[str, ...], contractions: dict[tuple[str, ...], str]) -> str:
    pieces: list[str] = []
    i = 0
    while i < len(proclitics):
        for sequence, written in contractions.items():
            if proclitics[i : i + len(sequence)] == sequence:
                pieces.append(written)
                i += len(sequence)
                break
        else:
            pieces.append(proclitics[i])
            i += 1
    return "".join(pieces)


@cache
def _prefixes() -> tuple[_Prefix, ...]:
    """Every proclitic sequence: conjunction? + (preposition | future)? + article?."""
    data = clitics()
    contractions = {c.proclitics: c.written for c in data.contractions}
    conjunctions = [(), *((c,) for c in data.conjunctions)]
    middles = [(), *((p,) for p in data.prepositions), (data.future,)]
    articles = [(), (data.article,)]
    found: list[_Prefix] = []
    for conjunction in conjunctions:
        for middle in middles:
            for article in articles:
                is_future = middle == (data.future,)
                if is_future and article:
                    continue  # the future particle comes before verbs, the article before nouns
                proclitics = conjunction + middle + article
                written = _write(proclitics, contractions)
                found.append(_Prefix(written, proclitics, bool(article), is_future))
                plain = "".join(proclitics)
                if plain != written:
                    # l- before a name whose hamza-alef and lam look like the article after
                    # normalisation; entry_keys drops them, so the text side must too
                    found.append(_Prefix(plain, proclitics, bool(article), is_future))
    found.sort(key=lambda p: len(p.proclitics))
    return tuple(found)


def _article_splits(rest: str, data: Clitics) -> bool:
    """Whether ``rest`` starts with the article and leaves a stem long enough without it."""
    return rest.startswith(data.article) and len(rest) - len(data.article) >= data.min_stem_length


@cache
def _prefixes_for(first: str) -> tuple[_Prefix, ...]:
    """The proclitic sequences a word starting with ``first`` may open with, in order."""
    return tuple(p for p in _prefixes() if not p.written or p.written.startswith(first))


# The analyses of each word seen, in a plain dict (cleared when full) rather than a bounded
# lru_cache, which relinks its list on every hit and keeps a tracked link for every entry: the
# tokens stage looks up every word of every text here (``ANALYSES.get``, then ``analyze``).
ANALYSES: dict[str, tuple[Analysis, ...]] = {}
_ANALYSES_LIMIT = 1 << 20


def analyze(word: str) -> tuple[Analysis, ...]:
    """Every plausible ``Analysis`` of a normalised word: unsegmented first, then by clitics.

    The article is always split off when it can be, so stems never carry it. A word ending
    in the letter that is both a pronoun and a folded ta marbuta gets both readings, and a
    stem before a pronoun that ends in the ta marbuta's open form gets its closed one too
    ("qissatuhu", his story). A word with the article takes no pronoun suffix.
    """
    analyses = ANALYSES.get(word)
    if analyses is None:
        if len(ANALYSES) >= _ANALYSES_LIMIT:
            ANALYSES.clear()
        analyses = ANALYSES[word] = _analyze(word)
    return analyses


def _analyze(word: str) -> tuple[Analysis, ...]:
    data = clitics()
    article, shortest = data.article, data.min_stem_length
    opened, folded = data.open_ta
    # ((proclitics, stem, enclitic), clitic count): records are made once the list is sorted
    # and rid of repeats, for a sixth of the word's cost
    readings: list[tuple[tuple[tuple[str, ...], str, str], int]] = []
    # the pronouns the word ends with, in their listed order, found once for every prefix
    endings = ("", *(e for e in _enclitics_ending(word[-1:]) if word.endswith(e)))
    for written, proclitics, has_article, is_future in _prefix_rows(word[:1]):
        if not word.startswith(written):
            continue
        rest = word[len(written) :]
        if is_future and rest[:1] not in data.future_before:
            continue
        if not has_article and rest.startswith(article) and len(rest) - len(article) >= shortest:
            continue  # the article splits off: the prefix with it reads this word
        count = len(proclitics)
        for enclitic in ("",) if has_article else endings:
            stem = rest[: len(rest) - len(enclitic)] if enclitic else rest
            if len(stem) >= shortest:
                if not enclitic:
                    readings.append(((proclitics, stem, enclitic), count))
                    continue
                readings.append(((proclitics, stem, enclitic), count + 1))
                if stem.endswith(opened):
                    # "qissatuhu" (his story): the noun's ta marbuta, open before the pronoun
                    closed = stem[: -len(opened)] + folded
                    readings.append(((proclitics, closed, enclitic), count + 1))
    readings.sort(key=_count)
    # dict keeps the order and drops repeats; the whole word always comes first.
    ordered = dict.fromkeys([((), word, ""), *[r[0] for r in readings]])
    return tuple([word_analysis(*r) for r in ordered])


@cache
def _prefix_rows(first: str) -> tuple[tuple[str, tuple[str, ...], bool, bool], ...]:
    """``_prefixes_for`` as plain rows (written, proclitics, has_article, is_future), which
    the loop over every new word unpacks faster than it reads the records' fields."""
    return tuple(
        (p.written, p.proclitics, p.has_article, p.is_future) for p in _prefixes_for(first)
    )


def _count(reading: tuple[tuple[tuple[str, ...], str, str], int]) -> int:
    return reading[1]


@cache
def _enclitics_ending(last: str) -> tuple[str, ...]:
    """The pronouns that end with the letter ``last``, in their listed order: the only ones a
    word ending so may carry, and a handful of the list."""
    return tuple(e for e in clitics().enclitics if e.endswith(last))


def entry_keys(phrase: str) -> tuple[str, ...]:
    """The keys a lexicon phrase is matched on: its normalised words without the article."""
    data = clitics()
    return tuple(
        word[len(data.article) :] if _article_splits(word, data) else word
        for word in normalize_phrase(phrase).split()
    )
