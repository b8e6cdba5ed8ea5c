"""Read the NER corpora: ANERcorp (``token TAG``) and NewsFANE Gold (``token<TAB>FINE-TAG``).

Both are one token a line with a blank line between sentences. Tags are BIO with the types
PERS, ORG, LOC and MISC; NewsFANE's fine types are mapped to those by ``data/newsfane_types.tsv``.
Invisible marks (the left-to-right mark NewsFANE writes before every token, a byte order mark)
are dropped from tokens; extra columns after the tag are ignored. A line that cannot be read
raises :class:`marsad.errors.DataError` naming the file and the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from pathlib import Path

from marsad.errors import DataError
from marsad.lang.ar import clitics

#: The entity types of the shipped tagger, as ANERcorp names them.
TYPES: tuple[str, ...] = ("LOC", "MISC", "ORG", "PERS")
OUTSIDE = "O"

# Left-to-right and right-to-left marks, and the byte order mark (chr: no such literals in code).
_INVISIBLE = str.maketrans("", "", chr(0x200E) + chr(0x200F) + chr(0xFEFF))
_TAG = re.compile(r"[BI]-[^\s-][^\s]*")
_ARABIC_LETTER = re.compile(f"[{chr(0x0621)}-{chr(0x064A)}]")  # hamza .. yeh


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of a corpus: its tokens as written and a BIO tag for each."""

    tokens: tuple[str, ...]
    tags: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.tokens)


def parse_lines(lines: Iterable[str], origin: str) -> list[Sentence]:
    """Sentences from ``token TAG`` lines (space or tab between, more columns ignored)."""
    sentences: list[Sentence] = []
    tokens: list[str] = []
    tags: list[str] = []
    for number, line in enumerate(lines, 1):
        fields = line.translate(_INVISIBLE).split()
        if not fields:
            if tokens:
                sentences.append(Sentence(tuple(tokens), tuple(tags)))
                tokens, tags = [], []
            continue
        if len(fields) < 2:
            raise DataError(f"{origin}:{number}: expected 'token TAG', got {line.strip()!r}")
        tag = fields[1]
        if tag != OUTSIDE and not _TAG.fullmatch(tag):
            raise DataError(f"{origin}:{number}: not a BIO tag: {tag!r}")
        tokens.append(fields[0])
        tags.append(tag)
    if tokens:
        sentences.append(Sentence(tuple(tokens), tuple(tags)))
    return sentences


def read_file(path: Path) -> list[Sentence]:
    """The sentences of a ``token TAG`` file (UTF-8, with or without a byte order mark)."""
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataError(f"{path}: cannot read: {exc}") from None
    return parse_lines(text.splitlines(), str(path))


def read_anercorp(path: Path) -> list[Sentence]:
    """An ANERcorp file; every tag must be O or B-/I- with one of :data:`TYPES`."""
    sentences = read_file(path)
    for sentence in sentences:
        for tag in sentence.tags:
            if tag != OUTSIDE and tag[2:] not in TYPES:
                raise DataError(f"{path}: unknown entity type {tag[2:]!r} (not in {TYPES})")
    return sentences


# --- NewsFANE ------------------------------------------------------------------------------


def parse_type_map(lines: Iterable[str], origin: str) -> dict[str, str]:
    """``fine type<TAB>coarse type<TAB>note`` lines (``#`` comments) as fine -> coarse."""
    mapping: dict[str, str] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 2:
            raise DataError(f"{origin}:{number}: expected 'fine<TAB>coarse<TAB>note'")
        fine, coarse = fields[0].strip(), fields[1].strip()
        if coarse != OUTSIDE and coarse not in TYPES:
            raise DataError(f"{origin}:{number}: {coarse!r} is not O or one of {TYPES}")
        if fine in mapping:
            raise DataError(f"{origin}:{number}: {fine!r} is mapped twice")
        mapping[fine] = coarse
    return mapping


@cache
def newsfane_types() -> dict[str, str]:
    """The shipped map of NewsFANE fine types (``data/newsfane_types.tsv``)."""
    name = "newsfane_types.tsv"
    text = files("marsad.ner").joinpath("data", name).read_text(encoding="utf-8")
    return parse_type_map(text.splitlines(), name)


def map_types(sentence: Sentence, mapping: Mapping[str, str], origin: str) -> Sentence:
    """The sentence with fine types mapped, kept valid BIO (a span cut to O drops whole)."""
    tags: list[str] = []
    previous = OUTSIDE
    for tag in sentence.tags:
        if tag == OUTSIDE:
            tags.append(OUTSIDE)
            previous = OUTSIDE
            continue
        fine = tag[2:]
        if fine not in mapping:
            raise DataError(f"{origin}: NewsFANE type {fine!r} is not in newsfane_types.tsv")
        coarse = mapping[fine]
        if coarse == OUTSIDE:
            tags.append(OUTSIDE)
        elif tag[0] == "I" and previous == coarse:
            tags.append("I-" + coarse)
        else:
            tags.append("B-" + coarse)
        previous = coarse
    return Sentence(sentence.tokens, tuple(tags))


def rejoin_clitics(sentence: Sentence) -> Sentence:
    """NewsFANE writes a conjunction and a pronoun suffix as tokens of their own; ANERcorp
    (and running text) keeps them on the word. A lone conjunction joins the Arabic word after
    it, taking that word's tag; a lone pronoun joins the Arabic word before it."""
    data = clitics()
    conjunctions = frozenset(data.conjunctions)
    enclitics = frozenset(data.enclitics)
    tokens: list[str] = []
    tags: list[str] = []
    pending = ""  # a conjunction waiting for its word
    for token, tag in zip(sentence.tokens, sentence.tags, strict=True):
        arabic = _ARABIC_LETTER.match(token) is not None
        if token in enclitics and tokens and _ARABIC_LETTER.match(tokens[-1]) and not pending:
            tokens[-1] += token
            continue
        if token in conjunctions and not pending:
            pending = token
            continue
        if pending and arabic:
            tokens.append(pending + token)
            tags.append(tag)
        else:
            if pending:
                tokens.append(pending)
                tags.append(OUTSIDE)
            tokens.append(token)
            tags.append(tag)
        pending = ""
    if pending:
        tokens.append(pending)
        tags.append(OUTSIDE)
    return Sentence(tuple(tokens), tuple(tags))


def read_newsfane(path: Path, *, rejoin: bool = True) -> list[Sentence]:
    """NewsFANE Gold with its fine types mapped (and its clitics rejoined, by default)."""
    mapping = newsfane_types()
    sentences = [map_types(s, mapping, str(path)) for s in read_file(path)]
    return [rejoin_clitics(s) for s in sentences] if rejoin else sentences


def dev_slice(
    sentences: Sequence[Sentence], every: int = 10, block: int = 25, fold: int | None = None
) -> tuple[list[Sentence], list[Sentence]]:
    """The deterministic dev slice: ``(the rest, every ``every``-th block)``, where blocks are
    runs of ``block`` consecutive sentences; ``fold`` picks which block of each ``every``
    (by default the last). Whole blocks, not single sentences, so the dev sentences come mostly
    from articles the rest does not hold, as test sentences do."""
    which = every - 1 if fold is None else fold
    rest: list[Sentence] = []
    held: list[Sentence] = []
    for i, sentence in enumerate(sentences):
        (held if i // block % every == which else rest).append(sentence)
    return rest, held
