"""Arabic language data: the character map, clitics and punctuation tables beside this file.

Each table is read on first use and cached; importing this module reads nothing.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import Any, Literal, TypeVar

from marsad.errors import DataError

T = TypeVar("T")

CharAction = Literal["delete", "keep", "nfkc", "map"]
_WORD_ACTIONS: dict[str, CharAction] = {"delete": "delete", "keep": "keep", "nfkc": "nfkc"}


@dataclass(frozen=True, slots=True)
class CharRule:
    """One line of chars.tsv: what happens to the code points ``first..last`` (inclusive)."""

    first: int
    last: int
    action: CharAction
    targets: tuple[str, ...] = ()  # for "map": the replacement of each source code point, in order


@dataclass(frozen=True, slots=True)
class Contraction:
    """Proclitics written together in a shorter form than their concatenation."""

    proclitics: tuple[str, ...]
    written: str


@dataclass(frozen=True, slots=True)
class Clitics:
    conjunctions: tuple[str, ...]
    prepositions: tuple[str, ...]
    future: str
    future_before: tuple[str, ...]  # the future particle only comes before these letters
    article: str
    contractions: tuple[Contraction, ...]
    enclitics: tuple[str, ...]
    open_ta: tuple[str, str]  # (as written before a pronoun, as the folded ta marbuta)
    min_stem_length: int


@dataclass(frozen=True, slots=True)
class Punctuation:
    sentence_terminators: frozenset[str]
    paired_quotes: tuple[tuple[str, str], ...]  # (opening, closing)
    toggle_quotes: frozenset[str]  # the same mark opens and closes
    trailing_closers: frozenset[str]  # stay with the sentence when right after its terminator
    paragraph_breaks: frozenset[str]
    abbreviations: frozenset[str]  # words whose full stop does not end a sentence
    bullets: frozenset[str]  # set off by spaces, they start a sentence: «headline * dateline»


def _read(name: str) -> str:
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def _code_point(field: str) -> int:
    if not field.startswith("U+"):
        raise ValueError(f"chars.tsv: expected U+XXXX, got {field!r}")
    return int(field[2:], 16)


def _code_range(field: str) -> tuple[int, int]:
    first, _, last = field.partition("..")
    return _code_point(first), _code_point(last or first)


def _parse_char_rule(line: str) -> CharRule:
    source, target = line.split("\t")[:2]
    first, last = _code_range(source)
    if last < first:
        raise ValueError(f"chars.tsv: empty range {source!r}")
    action = _WORD_ACTIONS.get(target)
    if action is not None:
        return CharRule(first, last, action)
    size = last - first + 1
    if ".." in target:  # a range maps element by element
        to_first, to_last = _code_range(target)
        if to_last - to_first + 1 != size:
            raise ValueError(f"chars.tsv: ranges of different length in {line!r}")
        return CharRule(first, last, "map", tuple(chr(to_first + k) for k in range(size)))
    replacement = "".join(chr(_code_point(part)) for part in target.split())
    return CharRule(first, last, "map", (replacement,) * size)


def data_file(name: str) -> Callable[[Callable[[], T]], Callable[[], T]]:
    """Report any fault found while reading the data file ``name`` as a DataError."""

    def wrap(load: Callable[[], T]) -> Callable[[], T]:
        @functools.wraps(load)
        def checked() -> T:
            try:
                return load()
            except (ValueError, KeyError, TypeError) as exc:  # JSONDecodeError is a ValueError
                raise DataError(f"lang/ar/{name}: {type(exc).__name__}: {exc}") from exc

        return checked

    return wrap


@cache
@data_file("chars.tsv")
def char_rules() -> tuple[CharRule, ...]:
    """The lines of chars.tsv in file order (later lines override earlier ones)."""
    rules = []
    for line in _read("chars.tsv").splitlines():
        if line.strip() and not line.startswith("#"):
            rules.append(_parse_char_rule(line))
    return tuple(rules)


def _strings(data: dict[str, Any], key: str) -> tuple[str, ...]:
    value = data[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{key!r} must be a list of non-empty strings")
    return tuple(value)


@cache
@data_file("clitics.json")
def clitics() -> Clitics:
    data: dict[str, Any] = json.loads(_read("clitics.json"))
    contractions = tuple(
        Contraction(_strings(item, "proclitics"), str(item["written"]))
        for item in data["contractions"]
    )
    return Clitics(
        conjunctions=_strings(data, "conjunctions"),
        prepositions=_strings(data, "prepositions"),
        future=str(data["future"]),
        future_before=_strings(data, "future_before"),
        article=str(data["article"]),
        contractions=contractions,
        enclitics=_strings(data, "enclitics"),
        open_ta=_pair(data, "open_ta"),
        min_stem_length=int(data["min_stem_length"]),
    )


def _pair(data: dict[str, Any], key: str) -> tuple[str, str]:
    values = _strings(data, key)
    if len(values) != 2:
        raise DataError(f"lang/ar/clitics.json: {key!r} must hold two letters")
    return values[0], values[1]


@cache
@data_file("punctuation.json")
def punctuation() -> Punctuation:
    data: dict[str, Any] = json.loads(_read("punctuation.json"))
    pairs = tuple((str(o), str(c)) for o, c in data["paired_quotes"])
    return Punctuation(
        sentence_terminators=frozenset(_strings(data, "sentence_terminators")),
        paired_quotes=pairs,
        toggle_quotes=frozenset(_strings(data, "toggle_quotes")),
        trailing_closers=frozenset(_strings(data, "trailing_closers")),
        paragraph_breaks=frozenset(_strings(data, "paragraph_breaks")),
        abbreviations=frozenset(_strings(data, "abbreviations")),
        bullets=frozenset(_strings(data, "bullets")),
    )
