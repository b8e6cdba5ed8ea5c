"""Articles from records: JSON Lines, JSON arrays (or one object), and the rows of CSV files.

Records name their fields as news archives do: the text is ``text``, ``content`` or ``body``;
the date ``date``, ``published`` or ``date_extracted`` (SaudiNewsNet); ``title``, ``url``,
``source`` and ``language`` are kept when given. A bad record is a failure with its line.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

from marsad.ids import article_id
from marsad.io.dates import parse_date
from marsad.io.decode import BINARY, NotTextError, decode
from marsad.io.located import Located, Origin, failure
from marsad.types import Article

TEXT_FIELDS = ("text", "content", "body")
DATE_FIELDS = ("date", "published", "date_extracted")
STRING_FIELDS = ("title", "url", "language", "source")


class BadRecordError(Exception):
    """One record that cannot become an article; the message is the reason."""


def jsonl_results(lines: Iterable[bytes], source: str, date: str | None) -> Iterator[Located]:
    """One result a non-blank line; a bad line is a failure with its number."""
    empty = True
    for number, raw in enumerate(lines, start=1):
        try:
            line = decode(raw, first=number == 1).strip()
        except NotTextError as exc:
            empty = False
            reason = "binary data" if str(exc) == BINARY else str(exc)
            yield failure(source, number, reason)
            continue
        if not line:
            continue
        empty = False
        try:
            yield record_article(json_object(line), date), Origin(source, number)
        except BadRecordError as exc:
            yield failure(source, number, str(exc))
    if empty:
        yield failure(source, None, "empty")


def json_results(data: bytes, source: str, date: str | None) -> Iterator[Located]:
    """A JSON array of article objects, or one object. Items are read one by one, each with
    the line it starts on, so a bad item fails alone; broken JSON stops the file there."""
    try:
        text = decode(data)
    except NotTextError as exc:
        yield failure(source, None, str(exc))
        return
    decoder = json.JSONDecoder()
    position = _skip_space(text, 0)
    if position == len(text):
        yield failure(source, None, "empty")
        return
    if text[position] != "[":
        try:
            value, end = decoder.raw_decode(text, position)
            if _skip_space(text, end) != len(text):
                raise json.JSONDecodeError("extra data after the value", text, end)
        except json.JSONDecodeError as exc:
            yield failure(source, exc.lineno, f"not JSON ({exc.msg} at column {exc.colno})")
            return
        yield _item(value, source, _line(text, position), date)
        return
    line, counted = 1, 0
    position = _skip_space(text, position + 1)
    while position < len(text) and text[position] != "]":
        line += text.count("\n", counted, position)
        counted = position
        try:
            value, position = decoder.raw_decode(text, position)
        except (json.JSONDecodeError, RecursionError) as exc:
            reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "nested too deeply"
            yield failure(source, line, f"not JSON ({reason}); the rest of the file is not read")
            return
        yield _item(value, source, line, date)
        position = _skip_space(text, position)
        if position < len(text) and text[position] == ",":
            position = _skip_space(text, position + 1)
        elif position < len(text) and text[position] != "]":
            yield failure(source, _line(text, position), "not JSON (expected ',' or ']')")
            return


def _item(value: Any, source: str, line: int, date: str | None) -> Located:
    try:
        if not isinstance(value, dict):
            raise BadRecordError(f"not a JSON object (a {type(value).__name__})")
        return record_article(value, date), Origin(source, line)
    except BadRecordError as exc:
        return failure(source, line, str(exc))


def _skip_space(text: str, position: int) -> int:
    while position < len(text) and text[position] in " \t\r\n":
        position += 1
    return position


def _line(text: str, position: int) -> int:
    return text.count("\n", 0, position) + 1


def json_object(line: str) -> dict[str, Any]:
    try:
        value = json.loads(line)
    except json.JSONDecodeError as exc:
        raise BadRecordError(f"not JSON ({exc.msg} at column {exc.colno})") from None
    except RecursionError:
        raise BadRecordError("not JSON (nested too deeply)") from None
    if not isinstance(value, dict):
        raise BadRecordError(f"not a JSON object (a {type(value).__name__})")
    return value


def record_article(record: Mapping[str, Any], date: str | None) -> Article:
    text = _text_field(record)
    fields = {key: _optional_string(record, key) or None for key in STRING_FIELDS}
    if date is None:
        raw_date = next(
            (value for key in DATE_FIELDS if (value := _optional_string(record, key))), None
        )
        if raw_date is not None and raw_date.strip():
            try:
                date = parse_date(raw_date)
            except ValueError as exc:
                raise BadRecordError(str(exc)) from None
    return Article(id=_record_id(record, text), text=text, date=date, **fields)


def _text_field(record: Mapping[str, Any]) -> str:
    for key in TEXT_FIELDS:
        if key in record:
            value = _optional_string(record, key)
            if value is None or not value.strip():
                raise BadRecordError(f"field {key!r} is empty")
            return value
    names = ", ".join(repr(k) for k in TEXT_FIELDS)
    raise BadRecordError(f"no text (expected one of the fields {names})")


def _optional_string(record: Mapping[str, Any], key: str) -> str | None:
    value = record.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        raise BadRecordError(f"field {key!r} must be a string, not {type(value).__name__}")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise BadRecordError(f"field {key!r} holds invalid Unicode (a lone surrogate)") from None
    return value


def _record_id(record: Mapping[str, Any], text: str) -> str:
    value = record.get("id")
    if value is None or value == "":
        return article_id(text)
    if isinstance(value, str):
        return _optional_string(record, "id") or article_id(text)
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    raise BadRecordError(f"field 'id' must be a string or an integer, not {type(value).__name__}")
