"""Build a pipeline from named stages, check what each needs, and run it on articles."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Protocol

from marsad.errors import DataError, PipelineError
from marsad.types import Article, Document, EventRecord, StageError

log = logging.getLogger(__name__)


class Stage(Protocol):
    """A step that reads some layers of a document and adds others."""

    # read-only: a stage class declares them as class variables, a test's stage may set them
    @property
    def name(self) -> str: ...
    @property
    def requires(self) -> frozenset[str]: ...
    @property
    def produces(self) -> frozenset[str]: ...

    def __call__(self, doc: Document) -> Document: ...


def check_order(stages: Sequence[Stage]) -> None:
    """Fail early when a stage needs a layer that no earlier stage produces."""
    have: set[str] = set()
    for stage in stages:
        missing = stage.requires - have
        if missing:
            raise PipelineError(
                f"stage {stage.name!r} needs {sorted(missing)}, which no earlier stage produces"
            )
        have |= stage.produces


class Pipeline:
    """Stages in order. ``strict`` re-raises a stage's error instead of recording it."""

    def __init__(self, stages: Sequence[Stage], *, strict: bool = False) -> None:
        check_order(stages)
        self.stages = tuple(stages)
        self.strict = strict

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(s.name for s in self.stages)

    def __call__(self, article: Article) -> Document:
        doc = Document.begin(article)
        for stage in self.stages:
            try:
                doc = stage(doc)
            except DataError:
                raise  # broken shipped data fails every article alike: stop the run
            except Exception as exc:
                if self.strict:
                    raise
                # One bad article must never stop a run: keep what earlier stages found.
                log.warning("stage %s failed on article %s: %s", stage.name, article.id, exc)
                err = StageError(stage.name, f"{type(exc).__name__}: {exc}")
                return replace(doc, errors=(*doc.errors, err))
        return doc

    def pipe(self, articles: Iterable[Article]) -> Iterator[Document]:
        for article in articles:
            yield self(article)

    def code(self, article: Article) -> list[EventRecord]:
        return list(self(article).events)
