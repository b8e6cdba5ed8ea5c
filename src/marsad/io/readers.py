"""Read articles from text files, JSON Lines files, directories of them, or standard input.

Every input becomes a stream of results: an ``Article`` for each story read, or a
``ReadFailure`` saying where (file and line) and why something could not be read. A bad
line or file never stops the others.
"""

from __future__ import annotations

import codecs
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import Any, BinaryIO

from marsad.errors import InputError
from marsad.ids import article_id
from marsad.io.dates import parse_date
from marsad.io.decode import BINARY, NotTextError, decode, looks_binary
from marsad.types import Article

STDIN = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
TEXT_FIELDS = ("text", "content", "body")
STRING_FIELDS = ("title", "url", "language", "source")

_SNIFF = 8192  # bytes looked at to tell a binary JSONL file
# An optional first line "date 2021-05" (or "date: 2021-05-19"); the article may go on after
# it on the same line, as in the project's seed article.
_HEADER = re.compile(
    r"\A\s*date:?[ \t]+(\d{4}(?:-\d{1,2}){0,2})(?=\s|\Z)[ \t]*(?:\r\n|\n|\r)?", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class ReadFailure:
    """Something that could not be read as an article; ``line`` is 1-based, for JSONL."""

    source: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        return f"{Origin(self.source, self.line)}: {self.reason}"


@dataclass(frozen=True, slots=True)
class Origin:
    """Where a result was read: a file (or ``<stdin>``) and, for JSONL, its line."""

    source: str
    line: int | None = None

    def __str__(self) -> str:
        return self.source if self.line is None else f"{self.source}:{self.line}"


ReadResult = Article | ReadFailure
Located = tuple[ReadResult, Origin]


class _BadRecordError(Exception):
    """One record that cannot become an article; the message is the reason."""


def read_path(path: str | Path, *, date: str | None = None) -> Iterator[ReadResult]:
    """Articles and failures from a ``.txt`` file, a ``.jsonl`` file, a directory or ``-``.

    ``date`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") overrides every date the input gives.
    """
    for result, _ in read_located(path, date=date):
        yield result


def read_located(path: str | Path, *, date: str | None = None) -> Iterator[Located]:
    """Like ``read_path``, with where each result came from."""
    override = _checked_user_date(date)
    if str(path) == "-":
        if sys.stdin is None:  # started with no standard input at all
            yield _failure(STDIN, None, "no standard input")
        else:
            yield from _read_stdin(sys.stdin.buffer, override)
        return
    target = Path(path)
    if target.is_dir():
        files = sorted(
            child
            for child in target.iterdir()
            if child.suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES
            and not child.name.startswith(".")
            and child.is_file()
        )
        if not files:
            yield _failure(str(target), None, "no .txt or .jsonl files in this directory")
        for child in files:
            yield from _read_file(child, override)
    else:
        yield from _read_file(target, override)


def read_examples(*, date: str | None = None) -> Iterator[Located]:
    """The example articles shipped inside the package (``marsad/examples``)."""
    override = _checked_user_date(date)
    folder = resources.files("marsad").joinpath("examples")
    entries = sorted((entry for entry in folder.iterdir() if entry.is_file()), key=lambda e: e.name)
    for entry in entries:
        suffix = Path(entry.name).suffix.lower()
        source = f"examples/{entry.name}"
        if suffix in TEXT_SUFFIXES:
            yield _text_result(entry.read_bytes(), source, Path(entry.name).stem, override)
        elif suffix in JSONL_SUFFIXES:
            yield from _jsonl_results(_lines(entry.read_bytes()), source, override)


def _checked_user_date(date: str | None) -> str | None:
    if date is None:
        return None
    try:
        return parse_date(date)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _failure(source: str, line: int | None, reason: str) -> Located:
    return ReadFailure(source, line, reason), Origin(source, line)


def _lines(data: bytes) -> Iterator[bytes]:
    return iter(data.split(b"\n"))


def _read_file(path: Path, date: str | None) -> Iterator[Located]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in TEXT_SUFFIXES | JSONL_SUFFIXES:
        kind = f"file type {suffix!r}" if suffix else "file without a suffix"
        yield _failure(source, None, f"unsupported {kind}: marsad reads .txt and .jsonl")
        return
    try:
        with path.open("rb") as handle:
            if suffix in TEXT_SUFFIXES:
                yield _text_result(handle.read(), source, path.stem, date)
                return
            if looks_binary(handle.read(_SNIFF)):
                yield _failure(source, None, BINARY)
                return
            handle.seek(0)
            yield from _jsonl_results(handle, source, date)
    except FileNotFoundError:
        yield _failure(source, None, "no such file or directory")
    except OSError as exc:
        yield _failure(source, None, exc.strerror or str(exc))


def _read_stdin(stream: BinaryIO, date: str | None) -> Iterator[Located]:
    """JSONL when the first non-blank character is ``{``, otherwise one text article."""
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.removeprefix(codecs.BOM_UTF8).strip():
            break
    first = b"".join(head).removeprefix(codecs.BOM_UTF8).lstrip()
    if first.startswith(b"{") and not looks_binary(first):
        yield from _jsonl_results(chain(head, stream), STDIN, date)
    else:
        yield _text_result(b"".join(head) + stream.read(), STDIN, None, date)


def split_header(text: str) -> tuple[str | None, str]:
    """The date of a leading ``date YYYY-MM[-DD]`` line (unchecked) and the text after it."""
    match = _HEADER.match(text)
    if not match:
        return None, text
    return match.group(1), text[match.end() :]


def _text_result(data: bytes, source: str, stem: str | None, date: str | None) -> Located:
    """One article from the bytes of a text; ``stem`` is its id (a hash of the text if None)."""
    if not data:
        return _failure(source, None, "empty")
    try:
        text = decode(data)
    except NotTextError as exc:
        return _failure(source, None, str(exc))
    header_date, body = split_header(text)
    if not body.strip():
        return _failure(source, None, "empty")
    if date is None and header_date is not None:
        try:
            date = parse_date(header_date)
        except ValueError as exc:
            return _failure(source, 1, f"{exc} in the date header")
    ident = stem if stem is not None else article_id(body)
    return Article(id=ident, text=body, date=date), Origin(source)


def _jsonl_results(lines: Iterable[bytes], source: str, date: str | None) -> Iterator[Located]:
    """One result a non-blank line; a bad line is a failure with its number."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        try:
            line = decode(raw, first=number == 1).strip()
        except NotTextError as exc:
            empty = False
            reason = "binary data" if str(exc) == BINARY else str(exc)
            yield _failure(source, number, reason)
            continue
        if not line:
            continue
        empty = False
        try:
            yield _record_article(_json_object(line), date), Origin(source, number)
        except _BadRecordError as exc:
            yield _failure(source, number, str(exc))
    if empty:
        yield _failure(source, None, "empty")


def _json_object(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise _BadRecordError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise _BadRecordError("not JSON (nested too deeply)") from None
    if not isinstance(value, dict):
        raise _BadRecordError(f"not a JSON object (a {type(value).__name__})")
    return value


def _record_article(record: dict[str, Any], date: str | None) -> Article:
    text = _text_field(record)
    fields = {key: _optional_string(record, key) for key in STRING_FIELDS}
    if date is None:
        raw_date = _optional_string(record, "date")
        if raw_date is not None and raw_date.strip():
            try:
                date = parse_date(raw_date)
            except ValueError as exc:
                raise _BadRecordError(str(exc)) from None
    return Article(id=_record_id(record, text), text=text, date=date, **fields)


def _text_field(record: dict[str, Any]) -> str:
    for key in TEXT_FIELDS:
        if key in record:
            value = _optional_string(record, key)
            if value is None or not value.strip():
                raise _BadRecordError(f"field {key!r} is empty")
            return value
    names = ", ".join(repr(k) for k in TEXT_FIELDS)
    raise _BadRecordError(f"no text (expected one of the fields {names})")


def _optional_string(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise _BadRecordError(f"field {key!r} must be a string, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise _BadRecordError(f"field {key!r} holds invalid Unicode (a lone surrogate)") from None
    return value


def _record_id(record: dict[str, Any], text: str) -> str:
    value = record.get("id")
    if value is None or value == "":
        return article_id(text)
    if isinstance(value, str):
        return _optional_string(record, "id") or article_id(text)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise _BadRecordError(f"field 'id' must be a string or an integer, not {type(value).__name__}")
