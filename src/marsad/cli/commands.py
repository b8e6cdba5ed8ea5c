"""The commands behind ``marsad``; each takes parsed arguments and returns an exit status."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterable
from typing import Any

from marsad.cli.table import render_events
from marsad.ingest import Coded, Outcome, PipelineFactory, Tally, code_paths, code_reads
from marsad.io.readers import read_examples
from marsad.store.sqlite import SqliteStore, open_store


def warn(message: str) -> None:
    print(f"marsad: {message}", file=sys.stderr)


def report(outcome: Outcome) -> None:
    """Tell on stderr what went wrong with one input, as ``marsad: FILE:LINE: reason``."""
    if isinstance(outcome, Coded):
        for error in outcome.errors:
            warn(f"{outcome.origin}: stage {error.stage} failed: {error.message}")
    elif outcome.stage == "read":
        warn(f"{outcome.origin}: {outcome.reason}")
    else:
        warn(f"{outcome.origin}: coding failed: {outcome.reason}")


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


def _ingest(store: SqliteStore, outcomes: Iterable[Outcome]) -> tuple[Tally, list[str]]:
    """Save every coded article and record every error under one run."""
    tally = Tally()
    story_ids: list[str] = []
    run_id = store.start_run()
    try:
        for outcome in outcomes:
            tally.add(outcome)
            report(outcome)
            origin = outcome.origin
            if isinstance(outcome, Coded):
                store.save(outcome.article, outcome.events)
                story_ids.append(outcome.article.id)
                for error in outcome.errors:
                    store.record_error(
                        origin.source, origin.line, error.stage, error.message, run_id=run_id
                    )
            else:
                store.record_error(
                    origin.source, origin.line, outcome.stage, outcome.reason, run_id=run_id
                )
    finally:
        store.finish_run(run_id, articles=tally.articles, events=tally.events, errors=tally.errors)
    return tally, story_ids


def _summary(tally: Tally, store: SqliteStore) -> str:
    return (
        f"{tally.articles} articles, {tally.events} events, {tally.errors} errors -> {store.path}"
    )


def ingest(args: argparse.Namespace, factory: PipelineFactory) -> int:
    with open_store(args.db) as store:
        outcomes = code_paths(
            args.paths, date=args.date, workers=args.workers, pipeline_factory=factory
        )
        tally, _ = _ingest(store, outcomes)
        print(_summary(tally, store))
    return tally.status


def events(args: argparse.Namespace, factory: PipelineFactory) -> int:
    with open_store(args.db, create=False) as store:
        records = store.iter_events(limit=args.limit)
        if args.format == "jsonl":
            _print_jsonl(records)
        else:
            _print_table(list(records), empty=f"no events in {store.path}")
    return 0


def run(args: argparse.Namespace, factory: PipelineFactory) -> int:
    """The quick-start job: store the packaged examples, then show their events."""
    with open_store(args.db) as store:
        outcomes = code_reads(read_examples(), pipeline_factory=factory)
        tally, story_ids = _ingest(store, outcomes)
        records = [record for story in story_ids for record in store.iter_events(story_id=story)]
        _print_table(records, empty="no events in the examples")
        print(_summary(tally, store))
    return tally.status
