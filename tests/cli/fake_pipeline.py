"""A stand-in for the NLP pipeline, so the run loop, store and CLI are tested on their own.

It codes one event for each line of the article that reads::

    EVENT TYPE ACTOR [RECIPIENT] [mode=MODE]

(ACTOR and RECIPIENT are country codes, also used as the entity text). A line ``FAIL`` makes
it raise, ``STAGEFAIL`` makes it report a failed stage, and ``CRASH`` kills the worker
process it runs in (it raises instead when run in the test process itself). Like the real
pipeline, it logs a warning on the ``marsad.pipeline`` logger when a stage fails.

It lives in a module of its own so that worker processes started with ``spawn`` can import
it. ``make_pipeline`` appends the building process's id to the file named by
``$FAKE_PIPELINE_BUILDS`` when that is set, so tests can count how often it was built;
``$FAKE_PIPELINE_DELAY`` (seconds) slows each article down, so a test can kill a run midway.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import re
import time

from marsad.types import (
    ActorRef,
    Article,
    DateRef,
    Document,
    EventRecord,
    Evidence,
    Precision,
    Span,
    StageError,
)

_EVENT = re.compile(r"^EVENT +(\w+) +(\w+)(?: +(\w+))?(?: +mode=(\w+))? *$", re.MULTILINE)
_PRECISION: dict[int, Precision] = {4: "year", 7: "month", 10: "day"}


def _actor(code: str, start: int, end: int) -> ActorRef:
    return ActorRef(code=code, sector="GOV", entity_text=code, span=Span(start, end), sentence=0)


def _date(article: Article) -> DateRef | None:
    if article.date is None:
        return None
    return DateRef(article.date, _PRECISION[len(article.date)])


class FakePipeline:
    """Article -> Document, with events read off ``EVENT`` lines."""

    def __call__(self, article: Article) -> Document:
        time.sleep(float(os.environ.get("FAKE_PIPELINE_DELAY", "0")))  # for the crash test
        lines = article.text.splitlines()
        if "FAIL" in lines:
            raise RuntimeError(f"fake failure on {article.id}")
        if "CRASH" in lines:
            if multiprocessing.parent_process() is not None:
                os._exit(3)
            raise RuntimeError("CRASH outside a worker process")
        events = tuple(
            self._event(article, n, m) for n, m in enumerate(_EVENT.finditer(article.text))
        )
        errors: tuple[StageError, ...] = ()
        if "STAGEFAIL" in lines:
            # as the real Pipeline does: log a warning and record the stage error
            logging.getLogger("marsad.pipeline").warning("stage fake failed on %s", article.id)
            errors = (StageError("fake", "ValueError: asked to fail"),)
        return Document(article=article, events=events, errors=errors, layers=frozenset({"events"}))

    @staticmethod
    def _event(article: Article, n: int, match: re.Match[str]) -> EventRecord:
        kind, actor, recipient, mode = match.groups()
        clause = Span(match.start(), match.end())
        trigger = Span(match.start(1), match.end(1))
        return EventRecord(
            id=f"{article.id}-{n}",
            story_id=article.id,
            event=kind,
            mode=mode,
            actor=(_actor(actor, match.start(2), match.end(2)),),
            recipient=(_actor(recipient, match.start(3), match.end(3)),) if recipient else (),
            evidence=(Evidence(0, trigger, clause, kind),),
            date=_date(article),
            quad_code=1,
            event_scale=2.5,
        )


def make_pipeline() -> FakePipeline:
    log = os.environ.get("FAKE_PIPELINE_BUILDS")
    if log:
        with open(log, "a", encoding="utf-8") as handle:
            handle.write(f"{os.getpid()}\n")
    return FakePipeline()


def broken_factory() -> FakePipeline:
    raise FileNotFoundError("language data missing")
