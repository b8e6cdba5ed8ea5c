"""The scoring commands: ``marsad eval detection``, ``marsad eval actors``, ``marsad eval plover``.

Each reads its files through :mod:`marsad.eval` (a bad file stops it with one line,
``marsad: [INPUT] FILE:LINE: reason``, and status 2), codes what it needs with the pipeline
the factory builds, and prints a plain-text report or one JSON object.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from typing import Any

from marsad.cli.commands import warn
from marsad.eval import (
    SentenceCoder,
    evaluate_actors,
    evaluate_detection,
    evaluate_plover,
    read_actor_gold,
    read_gsr_csvs,
    read_plover,
)
from marsad.eval.report import (
    actors_json,
    detection_json,
    plover_json,
    render_actor_errors,
    render_actors,
    render_detection,
    render_errors,
    render_plover,
)
from marsad.ingest import PipelineFactory, build_pipeline
from marsad.ontology import event_types

Handler = Callable[[argparse.Namespace, PipelineFactory], int]


def _event_type(value: str) -> str:
    name = value.strip().upper()
    if name not in event_types():
        known = ", ".join(event_types())
        raise argparse.ArgumentTypeError(f"{value!r} is not a PLOVER event type ({known})")
    return name


def _errors(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more, not {number}")
    return number


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="plain-text tables, or one JSON object (default: text)",
    )


def add_parser(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``eval`` and its three commands to the ``marsad`` subcommands."""
    parser = sub.add_parser("eval", help="score marsad against gold files")
    commands = parser.add_subparsers(dest="eval_command", metavar="EVAL_COMMAND")
    parser.set_defaults(handler=_usage(parser))

    detection_parser = commands.add_parser(
        "detection", help="detection per event type on GSR CSV sentences"
    )
    detection_parser.add_argument(
        "csv", nargs="+", metavar="CSV", help="GSR CSV files (id,event_type,label,...,text)"
    )
    detection_parser.add_argument(
        "--type",
        type=_event_type,
        metavar="TYPE",
        help="score this PLOVER type only (default: every type in the files)",
    )
    _add_format(detection_parser)
    detection_parser.add_argument(
        "--errors",
        type=_errors,
        default=0,
        metavar="N",
        help="also show the first N false positives and false negatives of each type",
    )
    detection_parser.set_defaults(handler=detection)

    actors_parser = commands.add_parser(
        "actors", help="source and target codes against gold actors (actors_dev.jsonl)"
    )
    actors_parser.add_argument("gold", metavar="JSONL", help="the gold actors, one JSON a line")
    actors_parser.add_argument(
        "--csv",
        nargs="+",
        required=True,
        metavar="CSV",
        help="GSR CSV files whose AAW_ARB_YYYYMMDD ids date the gold sentences",
    )
    _add_format(actors_parser)
    actors_parser.add_argument(
        "--errors",
        type=_errors,
        default=0,
        metavar="N",
        help="also show the first N gold events whose source, and whose target, is wrong",
    )
    actors_parser.set_defaults(handler=actors)

    plover_parser = commands.add_parser(
        "plover", help="coded PLOVER records against PLOVER gold records"
    )
    plover_parser.add_argument(
        "gold", metavar="GOLD", help="gold records: JSON Lines, or one JSON array"
    )
    plover_parser.add_argument(
        "--pred", required=True, metavar="PRED", help="coded records (marsad code --format jsonl)"
    )
    _add_format(plover_parser)
    plover_parser.set_defaults(handler=plover)


def _usage(parser: argparse.ArgumentParser) -> Handler:
    def usage(args: argparse.Namespace, factory: PipelineFactory) -> int:
        parser.print_usage(sys.stderr)
        warn("eval: choose detection, actors or plover (see marsad eval --help)")
        return 2

    return usage


def _print_json(data: dict[str, Any]) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def _report_failures(where: Sequence[tuple[str, tuple[str, ...]]]) -> int:
    """Stage failures on stderr, one line each; status 1 if there were any, else 0."""
    for origin, errors in where:
        for error in errors:
            warn(f"{origin}: {error}")
    return 1 if where else 0


def detection(args: argparse.Namespace, factory: PipelineFactory) -> int:
    rows = read_gsr_csvs(args.csv)
    coder = SentenceCoder(build_pipeline(factory))
    report = evaluate_detection(rows, coder, event_type=args.type)
    if args.format == "json":
        _print_json(detection_json(report, errors=args.errors))
    else:
        print(render_detection(report))
        if args.errors:
            print()
            print(render_errors(report, args.errors))
    return _report_failures([(j.row.where, j.coded.errors) for j in report.stage_errors])


def actors(args: argparse.Namespace, factory: PipelineFactory) -> int:
    gold = read_actor_gold(args.gold)
    rows = read_gsr_csvs(args.csv)
    coder = SentenceCoder(build_pipeline(factory))
    report = evaluate_actors(gold, rows, coder, gold_file=args.gold)
    if args.format == "json":
        _print_json(actors_json(report, errors=args.errors))
    else:
        print(render_actors(report))
        if args.errors:
            print()
            print(render_actor_errors(report, args.errors))
    return _report_failures([(r.gold.where, r.coded.errors) for r in report.stage_errors])


def plover(args: argparse.Namespace, factory: PipelineFactory) -> int:
    report = evaluate_plover(read_plover(args.gold), read_plover(args.pred))
    if args.format == "json":
        _print_json(plover_json(report))
    else:
        print(render_plover(report))
    return 0
