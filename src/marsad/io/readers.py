"""Read articles from files (text, JSON Lines, JSON, CSV, HTML, feeds), zip archives of
them, directories, globs, or standard input.

Every input becomes a stream of results: an ``Article`` for each story read, or a
``ReadFailure`` saying where (file and line) and why something could not be read. A bad
line or file never stops the others.
"""

from __future__ import annotations

import codecs
import glob
import io
import re
import sys
import zipfile
from collections.abc import Iterator
from importlib import resources
from itertools import chain
from pathlib import Path
from typing import BinaryIO

from marsad.errors import InputError
from marsad.ids import article_id
from marsad.io.dates import parse_date
from marsad.io.decode import BINARY, NotTextError, decode, looks_binary
from marsad.io.formats import csv_results, feed_results, html_result
from marsad.io.located import Located, Origin, ReadFailure, ReadResult, failure
from marsad.io.records import json_results, jsonl_results
from marsad.types import Article

STDIN = "<stdin>"
TEXT_SUFFIXES = frozenset({".txt"})
JSONL_SUFFIXES = frozenset({".jsonl"})
DOCUMENT_SUFFIXES = frozenset({".json", ".csv", ".html", ".htm", ".xml", ".rss", ".atom"})
ZIP_SUFFIXES = frozenset({".zip"})
SUFFIXES = TEXT_SUFFIXES | JSONL_SUFFIXES | DOCUMENT_SUFFIXES | ZIP_SUFFIXES
KNOWN = ", ".join(sorted(SUFFIXES))

_SNIFF = 8192  # bytes looked at to tell a binary JSONL file
_GLOB = re.compile(r"[*?\[]")
# An optional first line "date 2021-05" (or "date: 2021-05-19"); the article may go on after
# it on the same line, as in the project's seed article.
_HEADER = re.compile(
    r"\A\s*date:?[ \t]+(\d{4}(?:-\d{1,2}){0,2})(?=\s|\Z)[ \t]*(?:\r\n|\n|\r)?", re.IGNORECASE
)

__all__ = ["Located", "Origin", "ReadFailure", "ReadResult", "read_located", "read_path"]


def read_path(path: str | Path, *, date: str | None = None) -> Iterator[ReadResult]:
    """Articles and failures from a file, a zip, a directory, a glob or ``-``.

    ``date`` ("YYYY", "YYYY-MM" or "YYYY-MM-DD") overrides every date the input gives.
    """
    for result, _ in read_located(path, date=date):
        yield result


def read_located(path: str | Path, *, date: str | None = None) -> Iterator[Located]:
    """Like ``read_path``, with where each result came from."""
    override = _checked_user_date(date)
    if str(path) == "-":
        if sys.stdin is None:  # started with no standard input at all
            yield failure(STDIN, None, "no standard input")
        else:
            yield from _read_stdin(sys.stdin.buffer, override)
        return
    for file in input_files(path):
        if isinstance(file, ReadFailure):
            yield file, Origin(file.source, file.line)
        else:
            yield from _read_file(file, override)


def input_files(path: str | Path) -> Iterator[Path | ReadFailure]:
    """The files a path stands for: itself, a directory's readable files in name order, or
    the files a glob (``news/*.zip``, ``corpus/**/*.json``) matches, in name order."""
    target = Path(path)
    if target.is_dir():
        files = sorted(
            child
            for child in target.iterdir()
            if child.suffix.lower() in SUFFIXES
            and not child.name.startswith(".")
            and child.is_file()
        )
        if not files:
            yield ReadFailure(str(target), None, f"no files to read in this directory ({KNOWN})")
        yield from files
    elif not target.exists() and _GLOB.search(str(path)):
        matches = sorted(Path(m) for m in glob.glob(str(path), recursive=True))
        files = [m for m in matches if m.is_file() and m.suffix.lower() in SUFFIXES]
        if not files:
            yield ReadFailure(str(path), None, "no file to read matches this pattern")
        yield from files
    else:
        yield target


def read_examples(*, date: str | None = None) -> Iterator[Located]:
    """The example articles shipped inside the package (``marsad/examples``)."""
    override = _checked_user_date(date)
    folder = resources.files("marsad").joinpath("examples")
    entries = sorted((entry for entry in folder.iterdir() if entry.is_file()), key=lambda e: e.name)
    for entry in entries:
        if Path(entry.name).suffix.lower() in TEXT_SUFFIXES | JSONL_SUFFIXES:
            yield from read_bytes(entry.read_bytes(), f"examples/{entry.name}", override)


def _checked_user_date(date: str | None) -> str | None:
    if date is None:
        return None
    try:
        return parse_date(date)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _unsupported(suffix: str) -> str:
    kind = f"file type {suffix!r}" if suffix else "file without a suffix"
    return f"unsupported {kind}: marsad reads {KNOWN}"


def _read_file(path: Path, date: str | None) -> Iterator[Located]:
    source = str(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        yield failure(source, None, _unsupported(suffix))
        return
    try:
        if suffix in ZIP_SUFFIXES:
            yield from _read_zip(path, source, date)
            return
        with path.open("rb") as handle:
            if suffix in JSONL_SUFFIXES:  # streamed: a JSONL file may be larger than memory
                if looks_binary(handle.read(_SNIFF)):
                    yield failure(source, None, BINARY)
                    return
                handle.seek(0)
                yield from jsonl_results(handle, source, date)
                return
            data = handle.read()
        yield from read_bytes(data, source, date)
    except FileNotFoundError:
        yield failure(source, None, "no such file or directory")
    except OSError as exc:
        yield failure(source, None, exc.strerror or str(exc))


def read_bytes(data: bytes, source: str, date: str | None) -> Iterator[Located]:
    """The articles in the bytes of one file, by the suffix of ``source``."""
    name = source.rsplit("/", 1)[-1]
    stem, suffix = Path(name).stem, Path(name).suffix.lower()
    if suffix in TEXT_SUFFIXES:
        yield _text_result(data, source, stem, date)
    elif suffix in JSONL_SUFFIXES:
        if looks_binary(data[:_SNIFF]):
            yield failure(source, None, BINARY)
        else:
            yield from jsonl_results(iter(data.split(b"\n")), source, date)
    elif suffix in ZIP_SUFFIXES:  # a zip read whole, e.g. from object storage by Spark
        yield from _read_zip(io.BytesIO(data), source, date)
    elif not data.strip():
        yield failure(source, None, "empty")
    elif looks_binary(data[:_SNIFF]):
        yield failure(source, None, BINARY)
    elif suffix == ".json":
        yield from json_results(data, source, date)
    elif suffix == ".csv":
        yield from csv_results(data, source, date)
    elif suffix in (".html", ".htm"):
        yield html_result(data, source, stem, date)
    elif suffix in (".xml", ".rss", ".atom"):
        yield from feed_results(data, source, date)
    else:
        yield failure(source, None, _unsupported(suffix))


def _read_zip(path: Path | BinaryIO, source: str, date: str | None) -> Iterator[Located]:
    """Every readable member of a zip, in name order; nested zips are not opened."""
    try:
        archive = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        yield failure(source, None, "not a zip archive")
        return
    with archive:
        members = sorted(
            info.filename
            for info in archive.infolist()
            if not info.is_dir()
            and Path(info.filename).suffix.lower() in SUFFIXES - ZIP_SUFFIXES
            and not any(part.startswith((".", "__MACOSX")) for part in Path(info.filename).parts)
        )
        if not members:
            yield failure(source, None, "no files to read in this zip archive")
        for member in members:
            where = f"{source}/{member}"
            try:
                data = archive.read(member)
            except (zipfile.BadZipFile, OSError, RuntimeError) as exc:
                yield failure(where, None, f"cannot unpack ({exc})")
                continue
            yield from read_bytes(data, where, date)


def _read_stdin(stream: BinaryIO, date: str | None) -> Iterator[Located]:
    """JSONL when the first non-blank character is ``{``, otherwise one text article."""
    head: list[bytes] = []
    for raw in stream:
        head.append(raw)
        if raw.removeprefix(codecs.BOM_UTF8).strip():
            break
    first = b"".join(head).removeprefix(codecs.BOM_UTF8).lstrip()
    if first.startswith(b"{") and not looks_binary(first):
        yield from jsonl_results(chain(head, stream), STDIN, date)
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
        return failure(source, None, "empty")
    try:
        text = decode(data)
    except NotTextError as exc:
        return failure(source, None, str(exc))
    header_date, body = split_header(text)
    if not body.strip():
        return failure(source, None, "empty")
    if date is None and header_date is not None:
        try:
            date = parse_date(header_date)
        except ValueError as exc:
            return failure(source, 1, f"{exc} in the date header")
    ident = stem if stem is not None else article_id(body)
    return Article(id=ident, text=body, date=date), Origin(source)
