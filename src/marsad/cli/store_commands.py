"""``marsad export`` and ``marsad stats``: what the store holds, out in the field's formats."""

from __future__ import annotations

import argparse
import json
import sys

from marsad.ingest import PipelineFactory
from marsad.store.export import LEVELS, Filters, export_items
from marsad.store.stats import render_stats, store_stats
from marsad.store.store import open_store
from marsad.store.writers import FORMATS, write


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser], db_help: str) -> None:
    export = sub.add_parser("export", help="write the stored events as JSON Lines, CSV or Parquet")
    export.add_argument("--db", metavar="URL", help=db_help)
    export.add_argument("--format", choices=FORMATS, default="jsonl", help="(default: jsonl)")
    export.add_argument(
        "--out", required=True, metavar="FILE", help="the file to write (- for stdout)"
    )
    export.add_argument(
        "--level",
        choices=LEVELS,
        default="mention",
        help="a record per mention (default), cluster or day",
    )
    export.add_argument("--since", metavar="D", help="events dated D or later (YYYY[-MM[-DD]])")
    export.add_argument("--until", metavar="D", help="events dated D or earlier")
    export.add_argument("--country", metavar="CODE", help="events with this country on either side")
    export.add_argument("--type", dest="event", metavar="TYPE", help="events of this PLOVER type")
    export.add_argument("--cluster", metavar="ID", help="the mentions of one cluster")
    export.set_defaults(handler=export_command)

    stats = sub.add_parser("stats", help="count articles, events, clusters and errors in the store")
    stats.add_argument("--db", metavar="URL", help=db_help)
    stats.add_argument("--format", choices=("text", "json"), default="text", help="(default: text)")
    stats.set_defaults(handler=stats_command)


def export_command(args: argparse.Namespace, factory: PipelineFactory) -> int:
    filters = Filters(args.since, args.until, args.country, args.event, args.cluster)
    with open_store(args.db, create=False) as store:
        count = write(export_items(store, args.level, filters), args.format, args.out, args.level)
    unit = "records" if args.format == "jsonl" else "rows"
    print(f"{count} {unit} ({args.level} level) -> {args.out}", file=sys.stderr)
    return 0


def stats_command(args: argparse.Namespace, factory: PipelineFactory) -> int:
    with open_store(args.db, create=False) as store:
        stats = store_stats(store)
    if args.format == "json":
        print(json.dumps(stats, ensure_ascii=False))
    else:
        print(render_stats(stats))
    return 0
