"""General-Arabic word frequencies for the tagger's features (``data/wordfreq.tsv``).

A name, above all a foreign one written in Arabic letters, is a rare word of the language or
not a word of it at all; a function word or a common noun is frequent. The tagger sees how
frequent each word is in general Arabic, bucketed (:func:`marsad.ner.features.bucket`: a
power of ten a bucket), with "not in the list" as a value of its own.

The frequencies are those of the ``wordfreq`` package's large Arabic list (Robyn Speer,
wordfreq 3.1.1; data CC BY-SA 4.0: Wikipedia, OpenSubtitles, NewsCrawl, web text and
Twitter). The file is written at release time, not at training time or when tagging, so
wordfreq is not a dependency: ``python -m marsad.ner.frequency --list large_ar.msgpack.gz``
with the list taken from the wordfreq 3.1.1 wheel (``pip download --no-deps
wordfreq==3.1.1``, then unzip ``wordfreq/data/large_ar.msgpack.gz``). Each word of the list is
put in matching form (:func:`marsad.text.normalize_phrase`); words of Arabic letters only are
kept, the frequencies of words that match alike are added up, and words rarer than one in ten
million tokens (:data:`MAX_CENTIBELS`) are left out.

Frequencies are in centibels as wordfreq writes them: ``-100 * log10(frequency)``, 300 for a
word that is one token in a thousand. Each line of the file is ``centibels<TAB>words``, the
words of that frequency separated by spaces.
"""

from __future__ import annotations

import argparse
import gzip
import math
import re
from collections.abc import Iterable, Mapping
from functools import cache
from importlib.resources import files
from pathlib import Path

from marsad.errors import DataError
from marsad.text import normalize_phrase

FILE_NAME = "wordfreq.tsv"
#: Words rarer than this (centibels: one in 10**7 tokens) are left out of the shipped file, which
#: keeps 176,627 of the list's 499,720 Arabic words (the whole list scored the same on the dev
#: folds, in a file three times the size).
MAX_CENTIBELS = 700
# Letters of the Arabic alphabet (hamza .. yeh) only: no digits, Latin or Persian letters.
_ARABIC_WORD = re.compile(f"^[{chr(0x0621)}-{chr(0x063A)}{chr(0x0641)}-{chr(0x064A)}]+$")


def _unpack(data: bytes) -> object:
    """The one msgpack value in ``data`` (the kinds a wordfreq list holds: arrays, maps,
    strings, integers, nil and booleans)."""
    pos = 0

    def size(width: int) -> int:
        nonlocal pos
        value = int.from_bytes(data[pos : pos + width], "big")
        pos += width
        return value

    def text(n: int) -> str:
        nonlocal pos
        found = data[pos : pos + n].decode("utf-8")
        pos += n
        return found

    def value() -> object:
        nonlocal pos
        first = data[pos]
        pos += 1
        if first <= 0x7F:
            return first
        if first <= 0x8F:
            return {value(): value() for _ in range(first & 0x0F)}
        if first <= 0x9F:
            return [value() for _ in range(first & 0x0F)]
        if first <= 0xBF:
            return text(first & 0x1F)
        simple: dict[int, object] = {0xC0: None, 0xC2: False, 0xC3: True}
        if first in simple:
            return simple[first]
        if first in (0xCC, 0xCD, 0xCE, 0xCF):
            return size(1 << (first - 0xCC))
        if first in (0xD9, 0xDA, 0xDB):
            return text(size(1 << (first - 0xD9)))
        if first in (0xDC, 0xDD):
            return [value() for _ in range(size(2 if first == 0xDC else 4))]
        if first in (0xDE, 0xDF):
            n = size(2 if first == 0xDE else 4)
            return {value(): value() for _ in range(n)}
        raise DataError(f"not a wordfreq list: msgpack byte {first:#x} at {pos - 1}")

    return value()


def read_cbpack(path: Path) -> list[list[str]]:
    """A wordfreq list (``*.msgpack.gz``): the words of each frequency, index = centibels."""
    try:
        found = _unpack(gzip.decompress(path.read_bytes()))
    except (OSError, EOFError) as exc:
        raise DataError(f"{path}: cannot read a wordfreq list ({exc})") from None
    if not isinstance(found, list) or not found or not isinstance(found[0], dict):
        raise DataError(f"{path}: not a wordfreq list")
    if found[0].get("format") != "cB" or found[0].get("version") != 1:
        raise DataError(f"{path}: not a wordfreq cBpack list (header {found[0]!r})")
    return [[str(word) for word in words] for words in found[1:]]


def frequencies(lists: Iterable[Iterable[str]]) -> dict[str, int]:
    """Matching forms of the Arabic words of a cBpack list -> centibels (frequencies of words
    that match alike added up)."""
    total: dict[str, float] = {}
    for centibels, words in enumerate(lists):
        share = 10.0 ** (-centibels / 100)
        for word in words:
            norm = normalize_phrase(word)
            if _ARABIC_WORD.match(norm):
                total[norm] = total.get(norm, 0.0) + share
    return {word: round(-100 * math.log10(share)) for word, share in total.items()}


def write(table: Mapping[str, int], out: Path) -> int:
    """Write ``table`` as ``centibels<TAB>words`` lines; return the number of words."""
    by_level: dict[int, list[str]] = {}
    for word, centibels in table.items():
        by_level.setdefault(centibels, []).append(word)
    header = (
        "# generated by python -m marsad.ner.frequency from wordfreq 3.1.1 (large_ar),"
        " CC BY-SA 4.0: see README.md\n"
    )
    lines = [f"{level}\t{' '.join(sorted(words))}\n" for level, words in sorted(by_level.items())]
    out.write_text(header + "".join(lines), encoding="utf-8")
    return len(table)


def parse(lines: Iterable[str], origin: str) -> dict[str, int]:
    """``centibels<TAB>words`` lines (``#`` comments) as word -> centibels."""
    table: dict[str, int] = {}
    for number, line in enumerate(lines, 1):
        if not line.strip() or line.startswith("#"):
            continue
        level, sep, words = line.partition("\t")
        if not sep or not level.isdigit():
            raise DataError(f"{origin}:{number}: expected 'centibels<TAB>words'")
        table.update(dict.fromkeys(words.split(), int(level)))
    return table


@cache
def shipped_frequencies() -> dict[str, int]:
    """The shipped table (``data/wordfreq.tsv``), read once."""
    try:
        text = files("marsad.ner").joinpath("data", FILE_NAME).read_text(encoding="utf-8")
    except OSError as exc:
        raise DataError(f"{FILE_NAME}: cannot read the word frequencies: {exc}") from None
    return parse(text.splitlines(), FILE_NAME)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="write marsad/ner/data/wordfreq.tsv")
    parser.add_argument(
        "--list", type=Path, required=True, help="wordfreq's data/large_ar.msgpack.gz"
    )
    parser.add_argument(
        "--max-centibels",
        type=int,
        default=MAX_CENTIBELS,
        metavar="N",
        help=f"leave out words rarer than this (default: {MAX_CENTIBELS})",
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / FILE_NAME)
    args = parser.parse_args(argv)
    table = frequencies(read_cbpack(args.list))
    count = write({w: c for w, c in table.items() if c <= args.max_centibels}, args.out)
    print(f"{count} words -> {args.out}")


if __name__ == "__main__":
    main()
