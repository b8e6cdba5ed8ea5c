"""From a corpus to the store: read, skip what is stored already, code, save, record errors.

Each article is saved with its events in one transaction, keyed by its stable id, so a run
killed at any moment (even ``kill -9``) and started again skips the articles it saved and
codes the rest: it ends with exactly the events of a clean run.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from itertools import chain
from pathlib import Path

from marsad.ingest import Coded, Failed, Outcome, PipelineFactory, Tally, code_reads
from marsad.io.located import Located, ReadFailure
from marsad.io.readers import read_located
from marsad.store.store import Store


@dataclass(slots=True)
class CorpusTally(Tally):
    """A run's counts, with the articles skipped because they were stored already."""

    skipped: int = 0

    @property
    def status(self) -> int:
        """0 all went well; 1 some input failed; 2 nothing was coded or found stored."""
        if self.articles == 0 and self.skipped == 0:
            return 2
        return 1 if self.errors else 0


OnOutcome = Callable[[Outcome, CorpusTally], None]


def ingest_reads(
    store: Store,
    reads: Iterable[Located],
    *,
    pipeline_factory: PipelineFactory,
    workers: int = 1,
    recode: bool = False,
    on_outcome: OnOutcome | None = None,
) -> tuple[CorpusTally, list[str]]:
    """Code and save what ``reads`` holds under one run; return the counts and the ids of the
    articles saved. ``recode`` codes again articles stored with the same id and text."""
    tally = CorpusTally()
    saved: list[str] = []
    in_flight = _InFlight()
    todo = reads if recode else _unsaved(store, reads, tally, in_flight)
    run_id = store.start_run()
    try:
        for outcome in code_reads(todo, pipeline_factory=pipeline_factory, workers=workers):
            if not recode and in_flight.saved_meanwhile(store, outcome):
                tally.skipped += 1
                continue
            tally.add(outcome)
            save_outcome(store, outcome, run_id)
            if isinstance(outcome, Coded):
                saved.append(outcome.article.id)
            if on_outcome is not None:
                on_outcome(outcome, tally)
    finally:
        store.finish_run(run_id, articles=tally.articles, events=tally.events, errors=tally.errors)
    return tally, saved


def save_outcome(store: Store, outcome: Outcome, run_id: int) -> None:
    """Save a coded article with its events and stage errors, or record why an input gave
    none. Every engine saves through here."""
    origin = outcome.origin
    if isinstance(outcome, Failed):
        store.record_error(origin.source, origin.line, outcome.stage, outcome.reason, run_id=run_id)
        return
    store.save(outcome.article, outcome.events)
    for error in outcome.errors:
        store.record_error(origin.source, origin.line, error.stage, error.message, run_id=run_id)


def ingest_paths(
    store: Store,
    paths: Iterable[str | Path],
    *,
    pipeline_factory: PipelineFactory,
    date: str | None = None,
    workers: int = 1,
    recode: bool = False,
    on_outcome: OnOutcome | None = None,
) -> CorpusTally:
    """Read every path (files, zips, directories, globs, ``-``) into the store."""
    reads = chain.from_iterable(read_located(path, date=date) for path in paths)
    tally, _ = ingest_reads(
        store,
        reads,
        pipeline_factory=pipeline_factory,
        workers=workers,
        recode=recode,
        on_outcome=on_outcome,
    )
    return tally


def _unsaved(
    store: Store, reads: Iterable[Located], tally: CorpusTally, in_flight: _InFlight
) -> Iterator[Located]:
    for located in reads:
        result = located[0]
        if not isinstance(result, ReadFailure):
            # with a copy in flight the store may change before this one's turn: judged then
            if not in_flight.holds(result.id) and store.is_saved(result):
                tally.skipped += 1
                continue
            in_flight.enter(result.id)
        yield located


class _InFlight:
    """The articles read but not saved yet. With workers, an article that comes twice in a
    few lines is read again before its first copy is saved: the copy is checked when its turn
    to be saved comes, and skipped or saved as one process would."""

    def __init__(self) -> None:
        self._copies: dict[str, deque[bool]] = {}  # by id: whether each copy is a repeat

    def holds(self, article_id: str) -> bool:
        return article_id in self._copies

    def enter(self, article_id: str) -> None:
        copies = self._copies.setdefault(article_id, deque())
        copies.append(bool(copies))

    def saved_meanwhile(self, store: Store, outcome: Outcome) -> bool:
        article_id = outcome.article.id if isinstance(outcome, Coded) else outcome.article_id
        if article_id is None or article_id not in self._copies:
            return False  # a read failure, or a rerun of everything (recode)
        copies = self._copies[article_id]
        repeat = copies.popleft()
        if not copies:
            del self._copies[article_id]
        return repeat and isinstance(outcome, Coded) and store.is_saved(outcome.article)


def count_articles(paths: Iterable[str | Path], date: str | None = None) -> int:
    """How many articles the paths hold (read, not coded): the total a progress bar needs."""
    reads = chain.from_iterable(read_located(path, date=date) for path in paths)
    return sum(1 for result, _ in reads if not isinstance(result, ReadFailure))
