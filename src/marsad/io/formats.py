"""Readers for CSV files, HTML pages (trafilatura) and RSS/Atom feeds (feedparser).

The two libraries are optional extras: without them such a file is a failure that names the
extra to install, and the other inputs are read.
"""

from __future__ import annotations

import csv
import html
import io
import re
import time
import warnings
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

from marsad.ids import article_id
from marsad.io.dates import parse_date
from marsad.io.decode import NotTextError, decode
from marsad.io.located import Located, Origin, failure
from marsad.io.records import BadRecordError, record_article
from marsad.types import Article

HTML_EXTRA = "reading HTML needs trafilatura: pip install 'marsad[html]'"
FEED_EXTRA = "reading feeds needs feedparser: pip install 'marsad[feeds]'"
_FIELD_LIMIT = 2**31 - 1  # an article may be longer than csv's default 128 KiB field


def csv_results(data: bytes, source: str, date: str | None) -> Iterator[Located]:
    """One article a row; the header names the columns (any case)."""
    try:
        text = decode(data)
    except NotTextError as exc:
        yield failure(source, None, str(exc))
        return
    csv.field_size_limit(_FIELD_LIMIT)
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [name.strip().lower() for name in next(reader)]
    except StopIteration:
        yield failure(source, None, "empty")
        return
    except csv.Error as exc:
        yield failure(source, 1, f"not CSV ({exc})")
        return
    line = reader.line_num + 1
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            yield failure(source, line, f"not CSV ({exc}); the rest of the file is not read")
            return
        if any(cell.strip() for cell in row):
            if len(row) != len(header):
                reason = f"{len(row)} columns where the header has {len(header)}"
                yield failure(source, line, reason)
            else:
                record = {k: v for k, v in zip(header, row, strict=True) if v != ""}
                try:
                    yield record_article(record, date), Origin(source, line)
                except BadRecordError as exc:
                    yield failure(source, line, str(exc))
        line = reader.line_num + 1


def html_result(data: bytes, source: str, stem: str, date: str | None) -> Located:
    """The main text of a web page (boilerplate left out), its title and date."""
    try:
        import trafilatura
    except ImportError:
        return failure(source, None, HTML_EXTRA)
    try:
        page = decode(data)
    except NotTextError as exc:
        return failure(source, None, str(exc))
    with warnings.catch_warnings():
        # the date guesser's dependencies warn about their own deprecated calls
        warnings.simplefilter("ignore", DeprecationWarning)
        doc = trafilatura.bare_extraction(page, with_metadata=True)
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        return failure(source, None, "no article text found in the page")
    found_date = date or _checked(getattr(doc, "date", None))
    article = Article(
        id=stem,
        text=text,
        date=found_date,
        title=getattr(doc, "title", None) or None,
        url=getattr(doc, "url", None) or None,
        source=getattr(doc, "sitename", None) or None,
    )
    return article, Origin(source)


def feed_results(data: bytes, source: str, date: str | None) -> Iterator[Located]:
    """One article an entry: its content (or summary) as plain text, title, link, date."""
    try:
        import feedparser
    except ImportError:
        yield failure(source, None, FEED_EXTRA)
        return
    parsed: Any = feedparser.parse(data)
    if not parsed.entries:
        reason = "no entries in the feed"
        if parsed.get("bozo"):
            reason = f"not a feed ({parsed.get('bozo_exception')})"
        yield failure(source, None, reason)
        return
    outlet = parsed.feed.get("title") or None
    for number, entry in enumerate(parsed.entries, start=1):
        text = _entry_text(entry)
        where = f"{source}#{number}"
        if not text.strip():
            yield failure(where, None, "entry without text")
            continue
        stamp = entry.get("published_parsed") or entry.get("updated_parsed")
        entry_date = date or (time.strftime("%Y-%m-%d", stamp) if stamp else None)
        ident = entry.get("id") or entry.get("link") or article_id(text)
        title = entry.get("title") or None
        article = Article(ident, text, entry_date, title, entry.get("link") or None, outlet)
        yield article, Origin(where)


def _entry_text(entry: Any) -> str:
    contents = entry.get("content") or []
    value = contents[0].get("value", "") if contents else entry.get("summary", "")
    return html_to_text(str(value or ""))


def _checked(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return parse_date(value)
    except ValueError:
        return None


class _TextParser(HTMLParser):
    _BREAKS = frozenset({"p", "br", "div", "li", "h1", "h2", "h3", "h4", "tr", "blockquote"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def html_to_text(markup: str) -> str:
    """Tags dropped, paragraphs on lines of their own, entities decoded."""
    if "<" not in markup:
        return html.unescape(markup).strip()
    parser = _TextParser()
    parser.feed(markup)
    parser.close()
    text = re.sub(r"[ \t]*\n\s*", "\n", "".join(parser.parts))
    return text.strip()
