"""Counts written in Arabic news: digits ("1,500", "3.5 million") and number words ("khamsa
wa-'ishrun", 25; "thalathat alaf", 3,000), read from tokens. The words are data:
``lang/ar/numbers.json``."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import cache

from marsad.coding.lang_files import read_lang_json
from marsad.errors import DataError
from marsad.lang.ar import clitics, data_file
from marsad.text.normalize import normalize_phrase
from marsad.types import Token


@dataclass(frozen=True)
class Numbers:
    words: dict[str, int]  # one word: its value
    pairs: dict[tuple[str, str], int]  # two words: "khamsat 'ashar" (15), "thalath mi'a" (300)
    scales: dict[str, int]  # multiply the number before them
    needs_noun: frozenset[str]
    proclitics: frozenset[str]
    conjunction: str
    article: str
    group_separators: str
    group_size: int
    year_min: int
    year_max: int
    vague: tuple[str, ...]
    dual_suffixes: tuple[str, ...]
    ta_marbuta: str  # written as ``ta`` before a dual suffix
    ta: str
    accusative: str  # a singular ending so makes no dual


def word_forms(value: object, where: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(f"{where} must be a list of non-empty strings")
    return [normalize_phrase(v) for v in value]


def _valued(table: object, where: str) -> Iterator[tuple[int, str]]:
    if not isinstance(table, dict):
        raise DataError(f"{where} must be an object of value: forms")
    for value, forms in table.items():
        for form in word_forms(forms, f"{where}[{value}]"):
            yield int(value), form


@cache
@data_file("numbers.json")
def numbers() -> Numbers:
    data = read_lang_json("numbers.json")
    where = "lang/ar/numbers.json"
    units = dict((form, value) for value, form in _valued(data["units"], f"{where}: units"))
    words = dict(units)
    pairs: dict[tuple[str, str], int] = {}
    for name in ("tens", "hundreds", "thousands"):
        words.update((form, value) for value, form in _valued(data[name], f"{where}: {name}"))
    for value, form in _valued(data["teens"], f"{where}: teens"):
        first, second = form.split()
        pairs[first, second] = value
    for hundred in word_forms(data["hundred_after_unit"], f"{where}: hundred_after_unit"):
        pairs.update(((u, hundred), v * 100) for u, v in units.items() if 3 <= v <= 9)
    digits, dual = data["digits"], data["dual"]
    return Numbers(
        words=words,
        pairs=pairs,
        scales={form: value for value, form in _valued(data["scales"], f"{where}: scales")},
        needs_noun=frozenset(word_forms(data["needs_noun"], f"{where}: needs_noun")),
        proclitics=frozenset(word_forms(data["proclitics"], f"{where}: proclitics")),
        conjunction=normalize_phrase(data["and"]),
        article=clitics().article,
        group_separators="".join(word_forms(digits["group_separators"], f"{where}: digits")),
        group_size=int(digits["group_size"]),
        year_min=int(data["year"]["min"]),
        year_max=int(data["year"]["max"]),
        vague=tuple(word_forms(data["vague"], f"{where}: vague")),
        dual_suffixes=tuple(word_forms(dual["suffixes"], f"{where}: dual suffixes")),
        ta_marbuta=normalize_phrase(dual["ta_marbuta"]),
        ta=normalize_phrase(dual["ta_marbuta_becomes"]),
        accusative=normalize_phrase(dual["skip_accusative"]),
    )


@dataclass(frozen=True, slots=True)
class Number:
    value: int
    end: int  # token after the number
    coordinated: bool  # written with "wa" (and): part of a count already begun
    needs_noun: bool  # "ahad" alone is "anyone"
    is_year: bool  # four bare digits in the year range


def _word_stems(token: Token, nums: Numbers) -> Iterator[tuple[str, bool]]:
    """Readings of a token as a number word: ``(stem, written with "wa")``. No article, no
    pronoun; a stem the analyser took the article from ("wa-alfayn", and two thousand) gets it
    back."""
    yield token.text, False
    for analysis in token.analyses:
        proclitics, stem = analysis.proclitics, analysis.stem
        if analysis.enclitic or not proclitics:
            continue
        if proclitics[-1] == nums.article:
            proclitics, stem = proclitics[:-1], nums.article + stem
        if proclitics and all(p in nums.proclitics for p in proclitics):
            yield stem, proclitics[0] == nums.conjunction


def _digits(text: str, nums: Numbers) -> tuple[float, bool] | None:
    """The value of a token of digits (behind number proclitics) and whether it has "wa" (and)."""
    body = text
    while body and not body[0].isdigit() and body[0] in nums.proclitics:
        body = body[1:]
    if not body or not body[0].isdigit():
        return None
    parts = re.split(f"[{re.escape(nums.group_separators)}]", body)
    if not all(p.isascii() and p.isdigit() for p in parts):
        return None
    seps = set(re.findall(f"[{re.escape(nums.group_separators)}]", body))
    if len(parts) == 1:
        value = float(body)
    elif len(seps) == 1 and all(len(p) == nums.group_size for p in parts[1:]):
        value = float("".join(parts))
    elif len(parts) == 2:
        value = float(f"{parts[0]}.{parts[1]}")
    else:
        return None
    return value, body != text and text.startswith(nums.conjunction)


def _term(
    tokens: Sequence[Token], i: int, end: int, nums: Numbers, coordinated: bool
) -> tuple[int, int, bool, str] | None:
    """One number word (or a two-word teen or hundred) at ``i``: value, end, "wa" (and), stem."""
    token = tokens[i]
    if token.is_punct:
        return None
    second = tokens[i + 1].text if i + 1 < end else ""
    for stem, has_and in _word_stems(token, nums):
        if coordinated and not has_and:
            continue
        pair = nums.pairs.get((stem, second))
        if pair is not None:
            return pair, i + 2, has_and, stem
        value = nums.words.get(stem)
        if value is not None:
            return value, i + 1, has_and, stem
    return None


def _joins(last: int, value: int) -> bool:
    """Whether "wa" (and) + ``value`` continues a compound number whose last part is
    ``last``: units before tens ("khamsa wa-'ishrun", 25), smaller parts after hundreds and
    thousands."""
    if 1 <= last <= 9:
        return 20 <= value <= 90 and value % 10 == 0
    return last >= 100 and value < 10 ** (len(str(last)) - 1)


def read_number(tokens: Sequence[Token], i: int, end: int, nums: Numbers) -> Number | None:
    token = tokens[i]
    if token.is_punct:
        return None
    j = i + 1
    digits = _digits(token.text, nums)
    if digits is not None:
        value, coordinated = digits
        if j < end and tokens[j].text in nums.scales:
            value, j = value * nums.scales[tokens[j].text], j + 1
        elif not value.is_integer():
            return None
        bare = j == i + 1 and token.text.isdigit()
        year = bare and len(token.text) == 4 and nums.year_min <= value <= nums.year_max
        return Number(int(value), j, coordinated, False, year)
    first = _term(tokens, i, end, nums, coordinated=False)
    if first is None:
        return None
    total, (group, j, coordinated, stem) = 0, first
    last = group
    while j < end:
        scale = nums.scales.get(tokens[j].text)
        if scale is not None and 0 < group < scale:
            total, group, last, j = total + group * scale, 0, scale, j + 1
            continue
        more = _term(tokens, j, end, nums, coordinated=True)
        if more is None or not _joins(last, more[0]):
            break
        group, last, j = group + more[0], more[0], more[1]
    needs_noun = j == i + 1 and stem in nums.needs_noun
    return Number(total + group, j, coordinated, needs_noun, False)


def number_at(tokens: Sequence[Token], i: int, end: int) -> bool:
    """Whether a count (digits or number words) starts at token ``i``."""
    found = read_number(tokens, i, end, numbers())
    return found is not None and not found.is_year


def many_at(tokens: Sequence[Token], i: int, end: int) -> bool:
    """Whether a count of more than one starts at token ``i``: a crowd ("ahad al-mutazahirin",
    one of the protesters, is none)."""
    found = read_number(tokens, i, end, numbers())
    return found is not None and not found.is_year and found.value > 1


def count_before(tokens: Sequence[Token], end: int) -> bool:
    """Whether a count (digits or number words) ends right before token ``end``."""
    return count_start(tokens, end) is not None


def count_start(tokens: Sequence[Token], end: int) -> int | None:
    """Where the count (digits or number words) that ends right before token ``end`` starts."""
    for i in range(max(0, end - 3), end):
        found = read_number(tokens, i, end, numbers())
        if found is not None and not found.is_year and found.end == end:
            return i
    return None
