"""The ``marsad`` command: a thin layer over the readers, the run loop and the store.

Exit status: 0 when everything read was coded, 1 when some input failed but some was coded,
2 for usage errors, errors that stop the run (a bad store URL, a pipeline that cannot be
built) and runs where nothing could be coded.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from collections.abc import Callable

from marsad import __version__, build
from marsad.api import load
from marsad.cli import commands, engines, kb, ner, serve, store_commands
from marsad.cli import eval as eval_commands
from marsad.errors import MarsadError
from marsad.ingest import PipelineFactory
from marsad.io.dates import parse_date

Handler = Callable[[argparse.Namespace, PipelineFactory], int]


def _date(value: str) -> str:
    try:
        return parse_date(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def _count(minimum: int) -> Callable[[str], int]:
    def parse(value: str) -> int:
        try:
            number = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if number < minimum:
            raise argparse.ArgumentTypeError(f"must be {minimum} or more, not {number}")
        return number

    return parse


def _add_date(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--date",
        type=_date,
        metavar="D",
        help="article date YYYY, YYYY-MM or YYYY-MM-DD; overrides dates in the input",
    )


def _add_workers(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--workers",
        type=_count(1),
        default=1,
        metavar="N",
        help="worker processes that code articles in parallel (default: 1)",
    )


DB_HELP = "SQLite path, sqlite:///PATH or postgresql://... (default: $MARSAD_DB, else marsad.db)"


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="URL", help=DB_HELP)


def _add_format(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--format",
        choices=("table", "jsonl"),
        default="table",
        help="a table for reading, or one PLOVER JSON record a line (default: table)",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="marsad",
        description="Arabic-first political event coder: news articles in, PLOVER events out.",
    )
    parser.add_argument("--version", action="version", version=f"marsad {__version__} ({build()})")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    code = sub.add_parser("code", help="code articles and print their events (nothing stored)")
    code.add_argument("path", metavar="PATH", help="a .txt or .jsonl file, a directory, or -")
    _add_date(code)
    _add_format(code)
    _add_workers(code)
    code.set_defaults(handler=commands.code)

    ingest = sub.add_parser("ingest", help="code articles into the store")
    ingest.add_argument(
        "paths", nargs="+", metavar="PATH", help="files, zip archives, directories, globs, or -"
    )
    _add_db(ingest)
    _add_date(ingest)
    _add_workers(ingest)
    ingest.add_argument(
        "--recode",
        action="store_true",
        help="code again articles stored already with the same id and text (default: skip)",
    )
    engines.add_options(ingest)
    ingest.set_defaults(handler=engines.ingest)

    events = sub.add_parser("events", help="print the events in the store")
    _add_db(events)
    _add_format(events)
    events.add_argument(
        "--limit", type=_count(0), metavar="N", help="print at most N events (default: all)"
    )
    events.add_argument("--since", type=_date, metavar="D", help="events dated D or later")
    events.add_argument("--until", type=_date, metavar="D", help="events dated D or earlier")
    events.add_argument("--country", metavar="CODE", help="events with this country on either side")
    events.add_argument("--type", dest="event", metavar="TYPE", help="events of this PLOVER type")
    events.set_defaults(handler=commands.events)

    run = sub.add_parser("run", help="store the packaged example articles and show their events")
    _add_db(run)
    run.set_defaults(handler=commands.run)

    actor = sub.add_parser("actor", help="resolve one actor phrase with the knowledge base")
    actor.add_argument("text", metavar="TEXT", help="an Arabic actor phrase")
    actor.add_argument(
        "--date",
        metavar="D",
        help="the day to resolve on, YYYY, YYYY-MM or YYYY-MM-DD (default: today)",
    )
    _add_text_or_json(actor, "one line for reading, or one JSON object (null if none)")
    actor.set_defaults(handler=kb.actor)

    kb_parser = sub.add_parser("kb", help="import into and count the knowledge base")
    kb_sub = kb_parser.add_subparsers(dest="kb_command", metavar="KB_COMMAND")
    kb_parser.set_defaults(handler=_kb_usage(kb_parser))
    kb_import = kb_sub.add_parser(
        "import", help="turn PETRARCH/TABARI dictionaries into knowledge-base part files"
    )
    kb_import.add_argument(
        "files", nargs="+", metavar="FILE", help="actor or agent dictionaries (.txt)"
    )
    kb_import.add_argument(
        "--out", required=True, metavar="DIR", help="the directory to write the part files into"
    )
    kb_import.add_argument(
        "--prefix",
        metavar="NAME",
        help="the NAME in persons-NAME-imported.tsv … (default: the first file's stem)",
    )
    kb_import.set_defaults(handler=kb.kb_import)
    kb_stats = kb_sub.add_parser("stats", help="count the loaded knowledge base by kind")
    _add_text_or_json(kb_stats, "aligned lines for reading, or one JSON object")
    kb_stats.set_defaults(handler=kb.kb_stats)
    store_commands.add_commands(sub, DB_HELP)
    serve.add_command(sub, DB_HELP)
    eval_commands.add_parser(sub)
    ner.add_commands(sub)
    return parser


def _add_text_or_json(parser: argparse.ArgumentParser, what: str) -> None:
    parser.add_argument(
        "--format", choices=("text", "json"), default="text", help=f"{what} (default: text)"
    )


def _kb_usage(parser: argparse.ArgumentParser) -> Handler:
    def usage(args: argparse.Namespace, factory: PipelineFactory) -> int:
        parser.print_usage(sys.stderr)
        commands.warn("kb: choose import or stats (see marsad kb --help)")
        return 2

    return usage


def main(argv: list[str] | None = None, *, pipeline_factory: PipelineFactory | None = None) -> int:
    """Run ``marsad`` with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    ``pipeline_factory`` builds the pipeline (default ``marsad.load``); it must be picklable
    for ``--workers`` above 1.
    """
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version and usage errors
        return 0 if exc.code is None else exc.code if isinstance(exc.code, int) else 2
    if args.command is None:
        parser.print_usage(sys.stderr)
        commands.warn(
            "choose a command: code, ingest, events, export, stats, run, actor, kb, eval, "
            "ner-tag, ner-eval, ner-train or serve (see marsad --help)"
        )
        return 2
    handler: Handler = args.handler
    # The pipeline logs a warning for each stage that fails on an article; the command
    # reports each of those itself (marsad: FILE: stage NAME failed: ...), so not twice.
    logging.getLogger("marsad.pipeline").setLevel(logging.ERROR)
    try:
        return handler(args, pipeline_factory or load)
    except MarsadError as exc:
        commands.warn(str(exc))
        return 2
    except KeyboardInterrupt:
        commands.warn("interrupted")
        return 130
    except BrokenPipeError:
        _silence_stdout()
        return 1


def _silence_stdout() -> None:
    """The reader of our output went away (``marsad events | head``): stop writing quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
