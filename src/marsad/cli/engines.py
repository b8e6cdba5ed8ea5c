"""``marsad ingest --engine local|spark``: the options, and the choice between the engines."""

from __future__ import annotations

import argparse

from marsad.backends import ENGINES, IngestJob
from marsad.cli import commands
from marsad.corpus import CorpusTally
from marsad.ingest import Outcome, PipelineFactory
from marsad.store.store import open_store


def add_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--engine",
        choices=ENGINES,
        default="local",
        help="local: this machine (--workers); spark: Apache Spark (the spark extra)",
    )
    parser.add_argument(
        "--master",
        metavar="URL",
        help="spark: the master, e.g. local[4] or spark://HOST:7077 (default: spark-submit's,"
        " else local[*])",
    )
    parser.add_argument(
        "--out",
        metavar="PATH",
        help="spark: where the Parquet events and errors go, a directory or s3a://, gs://..."
        " URL (default: ./marsad-events)",
    )
    parser.add_argument(
        "--partitions",
        type=int,
        metavar="N",
        help=(
            "spark: how many even partitions the articles are coded in (default: slices"
            " that shrink towards the end; 4 per core for files read on the executors)"
        ),
    )


def ingest(args: argparse.Namespace, factory: PipelineFactory) -> int:
    if args.engine == "local":
        spark_only = [
            f"--{name}"
            for name in ("master", "out", "partitions")
            if getattr(args, name) is not None
        ]
        if spark_only:
            commands.warn(f"ingest: {', '.join(spark_only)} need --engine spark")
            return 2
        return commands.ingest(args, factory)
    if args.workers != 1:
        commands.warn("ingest: --workers is for the local engine; give spark --master local[N]")
        return 2
    if args.partitions is not None and args.partitions < 1:
        commands.warn(f"ingest: --partitions must be 1 or more, not {args.partitions}")
        return 2
    return _ingest_on_spark(args, factory)


def _ingest_on_spark(args: argparse.Namespace, factory: PipelineFactory) -> int:
    from marsad.backends.spark_session import require_pyspark

    require_pyspark()  # before anything imports pyarrow or pyspark: one line, not a traceback
    from marsad.backends.spark import DEFAULT_OUT, SparkEngine

    out = args.out or DEFAULT_OUT
    engine = SparkEngine(master=args.master, out=out, partitions=args.partitions)
    job = IngestJob(tuple(args.paths), factory, date=args.date, recode=args.recode)

    def on_outcome(outcome: Outcome, tally: CorpusTally) -> None:
        commands.report(outcome)

    if args.db is None:  # Parquet only
        tally = engine.ingest(job, None, on_outcome)
        print(_summary(tally, out))
    else:
        with open_store(args.db) as store:
            tally = engine.ingest(job, store, on_outcome)
            print(_summary(tally, f"{out} and {store.path}"))
    return tally.status


def _summary(tally: CorpusTally, where: str) -> str:
    skipped = f", {tally.skipped} skipped (stored already)" if tally.skipped else ""
    return (
        f"{tally.articles} articles, {tally.events} events, {tally.errors} errors{skipped}"
        f" -> {where}"
    )
