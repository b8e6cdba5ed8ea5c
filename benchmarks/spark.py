"""The Spark engine against the local engine on the same cores (issue 9's target).

Codes the first N articles of a SaudiNewsNet daily zip with ``--engine local`` on 1 and 2
worker processes and with ``--engine spark`` on ``local[1]`` and ``local[2]``, each into a
fresh SQLite store (and, for Spark, Parquet; once more with Parquet only, no store). Times
are the whole ingest as a user waits for it (reading, coding, writing, merging); Spark's
session start and its first job (on 50 articles: Python workers start, code is generated)
are paid once per job and reported in columns of their own. Prints one table:
articles/s, sentences/s, the speed-up from 1 to 2 cores, and Spark's overhead against the
local engine on the same cores. With ``--pin`` each engine and core count runs in a process
of its own held to that many CPUs (``sched_setaffinity``, inherited by Spark's JVM and Python
workers), so that "one core" is one core: without it, ``local[1]``'s JVM threads use the
machine's other cores. The corpus is test material only, never shipped. Usage:

    .venv/bin/python benchmarks/spark.py [--zip PATH] [--articles N] [--pin] [--repeat K]

``--zip`` may be a folder of zips with ``--articles 0``: the whole SaudiNewsNet sample.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from ingest import subset  # the benchmark beside this one: a zip of a zip's first N articles

import marsad
from marsad.backends import IngestJob
from marsad.backends.local import LocalEngine
from marsad.backends.spark import SparkEngine
from marsad.backends.spark_session import start_session
from marsad.io.readers import read_path
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.store.store import open_store
from marsad.types import Article

DEFAULT_ZIP = Path(__file__).resolve().parents[2] / "shared/data/news-saudinewsnet/2015-07-22.zip"
WARM_UP = 50  # articles of Spark's first job in a session
QUIET = {"spark.ui.showConsoleProgress": "false", "spark.log.level": "ERROR"}


@dataclass
class Run:
    label: str
    engine: str
    cores: int
    seconds: float
    events: int
    start: float | None = None  # Spark session start, seconds
    warm_up: float | None = None  # Spark's first job, on a few articles, seconds


def count_sentences(corpus: Path) -> tuple[int, int]:
    """Articles and sentences, by marsad's own reader and splitter (not timed)."""
    split = Pipeline(default_stages(("normalize", "sentences")))
    articles = [r for r in read_path(corpus) if isinstance(r, Article)]
    return len(articles), sum(len(split(a).sentences) for a in articles)


def local_run(job: IngestJob, workers: int, folder: Path) -> Run:
    with open_store(str(folder / f"local{workers}.db")) as store:
        began = time.perf_counter()
        tally = LocalEngine(workers=workers).ingest(job, store)
        seconds = time.perf_counter() - began
    return Run(f"local, {workers} worker(s)", "local", workers, seconds, tally.events)


def spark_runs(job: IngestJob, warm_up: IngestJob, cores: int, folder: Path) -> list[Run]:
    began = time.perf_counter()
    session = start_session(f"local[{cores}]", QUIET)
    start = time.perf_counter() - began
    runs: list[Run] = []
    try:
        # The first job of a session pays once for Python workers and code generation.
        began = time.perf_counter()
        SparkEngine(out=str(folder / "warm-up"), session=session).ingest(warm_up, None)
        first = time.perf_counter() - began
        for with_store in (True, False):
            out = folder / f"spark{cores}-{with_store}"
            engine = SparkEngine(out=str(out), session=session)
            began = time.perf_counter()
            if with_store:
                with open_store(str(folder / f"spark{cores}.db")) as store:
                    tally = engine.ingest(job, store)
            else:
                tally = engine.ingest(job, None)
            seconds = time.perf_counter() - began
            what = "store + Parquet" if with_store else "Parquet only"
            runs.append(Run(f"spark local[{cores}], {what}", what, cores, seconds, tally.events))
            shutil.rmtree(out, ignore_errors=True)
    finally:
        session.stop()
    runs[0].start, runs[0].warm_up = start, first
    return runs


def runs_of(engine: str, cores: int, corpus: Path, warm_up: Path, folder: Path) -> list[Run]:
    job = IngestJob([str(corpus)], marsad.load)
    if engine == "local":
        return [local_run(job, cores, folder)]
    return spark_runs(job, IngestJob([str(warm_up)], marsad.load), cores, folder)


def pinned_runs(engine: str, cores: int, corpus: Path, warm_up: Path) -> list[Run]:
    """The runs of one engine on ``cores`` CPUs, in a process held to the first of them."""
    cpus = sorted(os.sched_getaffinity(0))[:cores]
    command = [sys.executable, __file__, "--one", engine, str(cores), str(corpus), str(warm_up)]
    done = subprocess.run(
        command,
        check=True,
        capture_output=True,
        text=True,
        preexec_fn=lambda: os.sched_setaffinity(0, cpus),
    )
    return [Run(**row) for row in json.loads(done.stdout.strip().splitlines()[-1])]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument(
        "--articles", type=int, default=2000, help="the first N of the zip; 0: all of --zip"
    )
    parser.add_argument("--pin", action="store_true", help="hold each run to its cores")
    parser.add_argument(
        "--repeat", type=int, default=1, help="runs of each, in turn; the fastest is kept"
    )
    parser.add_argument("--one", nargs=4, help=argparse.SUPPRESS)  # a pinned run's process
    args = parser.parse_args()
    if args.one:
        engine, cores, corpus, warm_up = args.one
        with tempfile.TemporaryDirectory() as tmp:
            own = runs_of(engine, int(cores), Path(corpus), Path(warm_up), Path(tmp))
        print(json.dumps([asdict(r) for r in own]))
        return
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        # --zip may be a folder of zips (the whole SaudiNewsNet sample) with --articles 0
        first = min(args.zip.glob("*.zip")) if args.zip.is_dir() else args.zip
        corpus = args.zip if args.articles == 0 else subset(first, args.articles, folder)
        warm_up = subset(first, WARM_UP, folder)
        n_articles, n_sentences = count_sentences(corpus)
        runs: list[Run] = []
        for _ in range(args.repeat):  # in turn, so that a slow spell of the machine hits all
            for engine in ("local", "spark"):
                for cores in (1, 2):
                    if args.pin:
                        runs += pinned_runs(engine, cores, corpus, warm_up)
                    else:
                        runs += runs_of(engine, cores, corpus, warm_up, folder)
    pinned = ", each run held to its cores" if args.pin else ""
    which = "all" if args.articles == 0 else "first"
    best = f", fastest of {args.repeat} runs each" if args.repeat > 1 else ""
    print(
        f"\n{args.zip.name}: {which} {n_articles:,} articles, {n_sentences:,} sentences"
        f"{pinned}{best}"
    )
    print_table(fastest(runs), n_articles, n_sentences)


def fastest(runs: list[Run]) -> list[Run]:
    """The fastest run of each label, in the order the labels first came."""
    kept: dict[str, Run] = {}
    for run in runs:
        if run.label not in kept or run.seconds < kept[run.label].seconds:
            kept[run.label] = run
    return list(kept.values())


def print_table(runs: list[Run], articles: int, sentences: int) -> None:
    one_core = {r.engine: r.seconds for r in runs if r.cores == 1}
    local = {r.cores: r.seconds for r in runs if r.engine == "local"}
    head = (
        f"{'run':<34} {'time s':>7} {'art/s':>6} {'sent/s':>7} {'speed-up':>8}"
        f" {'vs local':>8} {'events':>6} {'start s':>7} {'1st job':>7}"
    )
    print(head)
    print("-" * len(head))
    for r in runs:
        speed_up = f"{one_core[r.engine] / r.seconds:.2f}x" if r.cores > 1 else "1.00x"
        overhead = "" if r.engine == "local" else f"{r.seconds / local[r.cores] - 1:+.0%}"
        start = f"{r.start:.1f}" if r.start is not None else ""
        first = f"{r.warm_up:.1f}" if r.warm_up is not None else ""
        print(
            f"{r.label:<34} {r.seconds:>7.1f} {articles / r.seconds:>6.1f}"
            f" {sentences / r.seconds:>7,.0f} {speed_up:>8} {overhead:>8} {r.events:>6,}"
            f" {start:>7} {first:>7}"
        )


if __name__ == "__main__":
    main()
