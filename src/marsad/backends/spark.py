"""The Spark engine: articles become a DataFrame, each partition is coded on the executors
(``mapInArrow``, the pipeline built once per Python worker), events are written as Parquet
partitioned by event date, and merged into the store when one is given.

Local paths (files, zips, directories, globs, ``-``) are read on the driver by marsad's own
readers, exactly as the local engine reads them, and sliced into partitions in reading
order. Paths with a scheme (``s3a://``, ``gs://``, ``hdfs://``, ``file://``) are read on the
executors through Spark's Hadoop file systems, by the same readers, one task per file; their
articles are then spread over the partitions. The driver never holds those.

The output directory holds ``events/event_date=YYYY-MM-DD/`` (one row per event: ``event_id``,
``story_id``, ``event``, ``record``, the PLOVER JSON) and ``errors/`` (one row per input or
stage that failed). A failing article is an error row, never a failed job.
"""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Any

from marsad import errors as marsad_errors
from marsad.backends import IngestJob
from marsad.backends.slices import shrinking_slices
from marsad.backends.spark_session import start_session
from marsad.backends.spark_tasks import (
    ARTICLES_SCHEMA,
    CODED_SCHEMA,
    ArticleRow,
    article_row,
    coder,
    read_file,
)
from marsad.corpus import CorpusTally, OnOutcome, save_outcome
from marsad.errors import InputError, MarsadError, PipelineError
from marsad.ingest import Outcome
from marsad.io.dates import parse_date
from marsad.io.readers import read_located
from marsad.store.store import Store
from marsad.types import Article

if TYPE_CHECKING:
    from pyspark import RDD, SparkContext
    from pyspark.sql import DataFrame, SparkSession

DEFAULT_OUT = "marsad-events"
_MARSAD_ERROR = re.compile(r"marsad\.errors\.(\w+): \[\w+\] ([^\n]*)")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def has_scheme(path: str) -> bool:
    return bool(_SCHEME.match(path))


@dataclass(frozen=True)
class SparkEngine:
    """``session`` reuses a running session (kept running after); otherwise one is started
    on ``master`` and stopped at the end. ``partitions`` gives that many even slices instead
    of the default ones, which shrink towards the end (``marsad.backends.slices``)."""

    master: str | None = None
    out: str = DEFAULT_OUT
    partitions: int | None = None
    session: SparkSession | None = None
    conf: Mapping[str, str] = field(default_factory=dict)

    def ingest(
        self, job: IngestJob, store: Store | None, on_outcome: OnOutcome | None = None
    ) -> CorpusTally:
        _check_out(self.out)
        date = _checked_date(job.date)
        spark = self.session or start_session(self.master, self.conf)
        try:
            return _run(spark, job, date=date, engine=self, store=store, on_outcome=on_outcome)
        except MarsadError:
            raise
        except Exception as exc:  # a failed Spark job: a Java or Python traceback in text
            raise job_error(exc) from exc
        finally:
            if self.session is None:
                spark.stop()


def _run(
    spark: SparkSession,
    job: IngestJob,
    *,
    date: str | None,
    engine: SparkEngine,
    store: Store | None,
    on_outcome: OnOutcome | None,
) -> CorpusTally:
    from pyspark import StorageLevel

    articles, read_here = _articles(spark, job.paths, date, engine.partitions)
    code = coder(job.pipeline_factory, every_outcome=store is not None)
    coded = articles.mapInArrow(code, CODED_SCHEMA)
    coded = coded.persist(StorageLevel.MEMORY_AND_DISK)  # coded once, read three times
    # each article once, for the events and their count; its window, if it needs one, is
    # computed once
    latest = _latest(coded, read_here)
    if read_here.repeated:
        latest = latest.persist(StorageLevel.MEMORY_AND_DISK)
    try:
        if store is None:
            _write(coded, latest, engine.out)
            return _count(coded, latest, read_here, on_outcome)
        coded.count()  # code every partition once, on all the cores
        ordered = coded if read_here.in_order else coded.orderBy("file", "position")
        # the driver saves into the store while the executors write the Parquet files
        with ThreadPoolExecutor(1) as writer:
            written = writer.submit(_write, coded, latest, engine.out)
            try:
                tally = merge(_outcomes(ordered), store, recode=job.recode, on_outcome=on_outcome)
            finally:
                failed = written.exception()  # waits for the files
        if failed is not None:
            raise failed
        return tally
    finally:
        latest.unpersist()
        coded.unpersist()


@dataclass(frozen=True, slots=True)
class _ReadHere:
    """What the driver knows of the articles it read itself."""

    in_order: bool  # the rows are in reading order: no file was read on the executors
    repeated: bool  # an article id turns up more than once (or the executors read some)


def _articles(
    spark: SparkSession, paths: Sequence[str], date: str | None, partitions: int | None
) -> tuple[DataFrame, _ReadHere]:
    local = [str(p) for p in paths if not has_scheme(str(p))]
    remote = [str(p) for p in paths if has_scheme(str(p))]
    context = spark.sparkContext
    cores = context.defaultParallelism
    frames: list[DataFrame] = []
    repeated = bool(remote)
    if local or not remote:
        reads = chain.from_iterable(read_located(path, date=date) for path in local)
        rows = [article_row("", position, located) for position, located in enumerate(reads)]
        ids = [row[2] for row in rows if row[2] is not None]
        repeated = repeated or len(set(ids)) < len(ids)
        frames.append(spark.createDataFrame(_sliced(context, rows, partitions), ARTICLES_SCHEMA))
    if remote:
        files = context.binaryFiles(",".join(remote))
        read = files.flatMap(lambda item: read_file(item[0], item[1], date))
        frames.append(
            spark.createDataFrame(read, ARTICLES_SCHEMA).repartition(partitions or cores * 4)
        )
    frame = frames[0]
    for other in frames[1:]:
        frame = frame.unionByName(other)
    return frame, _ReadHere(in_order=not remote, repeated=repeated)


def _sliced(context: SparkContext, rows: list[ArticleRow], partitions: int | None) -> RDD[Any]:
    """The rows in reading order, in ``partitions`` slices of as many rows each, or by default
    in slices that shrink towards the end (``marsad.backends.slices``). One core has no other
    to wait for: it gets four even slices."""
    cores = context.defaultParallelism
    if partitions is not None or cores == 1:
        return context.parallelize(rows, max(1, min(partitions or 4, len(rows))))
    chunks = [rows[s.start : s.stop] for s in shrinking_slices([len(r[3]) for r in rows], cores)]
    # one chunk a slice; the chunk is taken apart in the pass that makes the rows Spark's
    return context.parallelize(chunks, max(1, len(chunks))).flatMap(lambda chunk: chunk)


def _latest(coded: DataFrame, read_here: _ReadHere) -> DataFrame:
    """The coded articles, each once: an article read twice (same id) keeps its last reading,
    as in the store, where a later save replaces an earlier one and a copy is skipped. When
    the driver saw every id once, no shuffle is needed to find them."""
    from pyspark.sql import Window
    from pyspark.sql import functions as sf

    latest = coded.where("coded").select("article_id", "file", "position", "events", "records")
    if not read_here.repeated:
        return latest
    last = Window.partitionBy("article_id").orderBy(sf.desc("file"), sf.desc("position"))
    return latest.withColumn("reading", sf.row_number().over(last)).where("reading = 1")


def _write(coded: DataFrame, latest: DataFrame, out: str) -> None:
    from pyspark.sql import functions as sf

    events = latest.select(sf.explode("records").alias("row")).select("row.*")
    # one file per event date, not one per date and partition; one writing task per core
    # (left to itself, Spark would write this small output from one)
    cores = coded.sparkSession.sparkContext.defaultParallelism
    by_date = events.repartition(cores, "event_date")
    by_date.write.mode("overwrite").partitionBy("event_date").parquet(f"{out.rstrip('/')}/events")
    failures = coded.select(sf.explode("error_rows").alias("row")).select("row.*")
    failures.coalesce(1).write.mode("overwrite").parquet(f"{out.rstrip('/')}/errors")


def _outcomes(coded: DataFrame) -> Iterator[bytes]:
    # the next partition comes over while this one is saved
    for row in coded.select("outcome").toLocalIterator(prefetchPartitions=True):
        yield bytes(row["outcome"])


def merge(
    outcomes: Iterator[bytes],
    store: Store,
    *,
    recode: bool = False,
    on_outcome: OnOutcome | None = None,
) -> CorpusTally:
    """Save pickled (read, outcome) pairs as the local engine does, under one run: articles
    stored already with the same id and text are skipped, so a rerun adds nothing."""
    tally = CorpusTally()
    run_id = store.start_run()
    try:
        for blob in outcomes:
            read, outcome = pickle.loads(blob)
            if not recode and isinstance(read, Article) and store.is_saved(read):
                tally.skipped += 1
                continue
            tally.add(outcome)
            save_outcome(store, outcome, run_id)
            if on_outcome is not None:
                on_outcome(outcome, tally)
    finally:
        store.finish_run(run_id, articles=tally.articles, events=tally.events, errors=tally.errors)
    return tally


def _count(
    coded: DataFrame, latest: DataFrame, read_here: _ReadHere, on_outcome: OnOutcome | None
) -> CorpusTally:
    """Counts without a store, of the articles and events the Parquet output holds; only the
    outcomes with errors come back to the driver."""
    from pyspark.sql import functions as sf

    tally = CorpusTally()
    if read_here.repeated:
        found = latest.agg(sf.count("*").alias("n"), sf.sum("events").alias("e")).first()
        errors = coded.agg(sf.sum("errors").alias("errors")).first()
    else:  # the latest readings are the coded articles: one pass counts all
        found = errors = coded.agg(
            sf.count_if("coded").alias("n"),
            sf.sum(sf.when(sf.col("coded"), sf.col("events"))).alias("e"),
            sf.sum("errors").alias("errors"),
        ).first()
    if found is not None:
        tally.articles, tally.events = int(found["n"] or 0), int(found["e"] or 0)
    if errors is not None:
        tally.errors = int(errors["errors"] or 0)
    if on_outcome is not None:
        for blob in _outcomes(coded.where("errors > 0")):
            outcome: Outcome = pickle.loads(blob)[1]
            on_outcome(outcome, tally)
    return tally


def job_error(exc: Exception) -> MarsadError:
    """The marsad error that stopped an executor (a pipeline that cannot be built, broken
    data), found in the job's traceback text; else the failure's first line."""
    found = _MARSAD_ERROR.findall(str(exc))
    if found:
        name, message = found[-1]
        kind = getattr(marsad_errors, name, None)
        if isinstance(kind, type) and issubclass(kind, MarsadError):
            return kind(message)
        return PipelineError(message)
    lines = str(exc).strip().splitlines() or [type(exc).__name__]
    return PipelineError(f"the Spark job failed: {lines[0]}")


def _checked_date(date: str | None) -> str | None:
    try:
        return None if date is None else parse_date(date)
    except ValueError as exc:
        raise InputError(str(exc)) from None


def _check_out(out: str) -> None:
    """Spark replaces ``OUT/events`` and ``OUT/errors``: refuse a local directory that holds
    other things than a marsad output, so a typo cannot empty it."""
    if has_scheme(out):
        return
    target = Path(out)
    if target.exists() and not target.is_dir():
        raise PipelineError(f"--out {out} is a file: give a directory for the Parquet output")
    if target.is_dir() and any(
        child.name not in {"events", "errors"} for child in target.iterdir()
    ):
        raise PipelineError(
            f"--out {out} holds other files than a marsad output (events/, errors/): choose"
            " an empty or new directory"
        )
