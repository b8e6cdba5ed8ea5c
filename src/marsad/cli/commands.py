"""The commands behind ``marsad``; each takes parsed arguments and returns an exit status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterable
from typing import Any

from marsad.cli.progress import Progress
from marsad.cli.table import render_events
from marsad.corpus import CorpusTally, count_articles, ingest_paths, ingest_reads
from marsad.ingest import Coded, Outcome, PipelineFactory, Tally, code_paths
from marsad.io.readers import read_examples
from marsad.query import EventFilter, iter_records
from marsad.store.store import Store, open_store


def warn(message: str) -> None:
    print(f"marsad: {message}", file=sys.stderr)


def report(outcome: Outcome, say: Callable[[str], None] | None = None) -> None:
    """Tell on stderr what went wrong with one input, as ``marsad: FILE:LINE: reason``."""
    lines: list[str] = []
    if isinstance(outcome, Coded):
        lines = [f"{outcome.origin}: stage {e.stage} failed: {e.message}" for e in outcome.errors]
    elif outcome.stage == "read":
        lines = [f"{outcome.origin}: {outcome.reason}"]
    else:
        lines = [f"{outcome.origin}: coding failed: {outcome.reason}"]
    for line in lines:
        if say is None:
            warn(line)
        else:
            say(f"marsad: {line}")


def _print_jsonl(records: Iterable[dict[str, Any]]) -> None:
    for record in records:
        print(json.dumps(record, ensure_ascii=False))


def _print_table(records: list[dict[str, Any]], *, empty: str) -> None:
    print(render_events(records) if records else empty)


def code(args: argparse.Namespace, factory: PipelineFactory) -> int:
    tally = Tally()
    rows: list[dict[str, Any]] = []
    outcomes = code_paths(
        [args.path], date=args.date, workers=args.workers, pipeline_factory=factory
    )
    for outcome in outcomes:
        tally.add(outcome)
        report(outcome)
        if isinstance(outcome, Coded):
            records = [event.to_plover(outcome.article.text) for event in outcome.events]
            if args.format == "jsonl":
                _print_jsonl(records)
            else:
                rows.extend(records)
    if args.format == "table" and tally.articles:
        _print_table(rows, empty=f"no events in {tally.articles} article(s)")
    if not tally.articles:
        warn(f"nothing could be coded from {args.path}")
    return tally.status


def _summary(tally: CorpusTally, store: Store) -> str:
    skipped = f", {tally.skipped} skipped (stored already)" if tally.skipped else ""
    return (
        f"{tally.articles} articles, {tally.events} events, {tally.errors} errors{skipped}"
        f" -> {store.path}"
    )


def ingest(args: argparse.Namespace, factory: PipelineFactory) -> int:
    progress = Progress()
    if "-" not in args.paths:
        progress.count_in_background(lambda: count_articles(args.paths, args.date))

    def on_outcome(outcome: Outcome, tally: CorpusTally) -> None:
        report(outcome, progress.note)
        progress.update(outcome, tally)

    with open_store(args.db) as store:
        try:
            tally = ingest_paths(
                store,
                args.paths,
                pipeline_factory=factory,
                date=args.date,
                workers=args.workers,
                recode=args.recode,
                on_outcome=on_outcome,
            )
        finally:
            progress.close()
        print(_summary(tally, store))
    return tally.status


def events(args: argparse.Namespace, factory: PipelineFactory) -> int:
    flt = EventFilter(since=args.since, until=args.until, country=args.country, event=args.event)
    with open_store(args.db, create=False) as store:
        records = iter_records(store, flt, args.limit)
        if args.format == "jsonl":
            _print_jsonl(records)
        else:
            _print_table(list(records), empty=f"no events in {store.path}")
    return 0


def run(args: argparse.Namespace, factory: PipelineFactory) -> int:
    """The quick-start job: store the packaged examples, then show their events."""
    with open_store(args.db) as store:
        tally, story_ids = ingest_reads(
            store,
            read_examples(),
            pipeline_factory=factory,
            recode=True,
            on_outcome=lambda outcome, _: report(outcome),
        )
        records = [record for story in story_ids for record in store.iter_events(story_id=story)]
        _print_table(records, empty="no events in the examples")
        print(_summary(tally, store))
    return tally.status
