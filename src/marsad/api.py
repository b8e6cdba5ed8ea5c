"""The one Python facade that the CLI and the web layer call."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from marsad.pipeline import Pipeline
from marsad.types import Article, Document, EventRecord


def load(*, strict: bool = False) -> Pipeline:
    """Build the default Arabic pipeline; language data and the knowledge base load once."""
    from marsad.stages import default_stages

    return Pipeline(default_stages(), strict=strict)


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return load()


def article_id(text: str) -> str:
    """A stable id for an article that came without one: a hash of its text."""
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def analyze(text: str, date: str | None = None, *, id: str | None = None) -> Document:
    article = Article(id=id or article_id(text), text=text, date=date)
    return _default_pipeline()(article)


def code(text: str, date: str | None = None, *, id: str | None = None) -> list[EventRecord]:
    """Code one text; ``date`` ("YYYY-MM-DD", "YYYY-MM" or "YYYY") anchors relative dates."""
    return list(analyze(text, date, id=id).events)
