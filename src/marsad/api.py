"""The one Python facade that the CLI and the web layer call."""

from __future__ import annotations

from functools import lru_cache

from marsad.errors import InputError
from marsad.ids import article_id
from marsad.io.dates import parse_date
from marsad.pipeline import Pipeline
from marsad.types import ActorRef, Article, Document, EventRecord


def load(*, strict: bool = False, tagger: bool = False) -> Pipeline:
    """Build the default Arabic pipeline; language data and the knowledge base load once.
    ``tagger=True`` adds the names the knowledge base lacks, found by the statistical tagger,
    as actors with their text and no code (about half the speed)."""
    from marsad.stages import default_stages

    return Pipeline(default_stages(tagger=tagger), strict=strict)


@lru_cache(maxsize=1)
def _default_pipeline() -> Pipeline:
    return load()


@lru_cache(maxsize=1)
def _actor_pipeline() -> Pipeline:
    from marsad.stages import default_stages

    return Pipeline(default_stages(("normalize", "sentences", "tokens", "mentions", "actors")))


def _checked_date(date: str | None) -> str | None:
    if date is None:
        return None
    try:
        return parse_date(date)
    except ValueError as exc:  # "2021-13" is the caller's mistake, not a stage's crash
        raise InputError(str(exc)) from None


def resolve_actor(text: str, date: str | None = None) -> ActorRef | None:
    """The actor a phrase names on ``date`` ("wazir al-kharijiyya al-rusi", the Russian
    foreign minister; "al-jaysh al-suri", the Syrian army): the widest actor phrase found in
    ``text``, with the cascade's method and reason; None if none."""
    doc = _actor_pipeline()(Article(id=article_id(text), text=text, date=_checked_date(date)))
    actors = [a for a in doc.actors if a.code or a.sector or a.identifier]
    if not actors:
        return None
    return max(actors, key=lambda a: (len(a.span), -a.span.start))


def analyze(text: str, date: str | None = None, *, id: str | None = None) -> Document:
    article = Article(id=id or article_id(text), text=text, date=_checked_date(date))
    return _default_pipeline()(article)


def code(text: str, date: str | None = None, *, id: str | None = None) -> list[EventRecord]:
    """Code one text; ``date`` ("YYYY-MM-DD", "YYYY-MM" or "YYYY") anchors relative dates."""
    return list(analyze(text, date, id=id).events)
