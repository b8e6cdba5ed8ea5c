"""What Spark's executors run: read files into articles, and code a partition of articles.

These functions travel to the executors (pickled by reference: marsad is installed there) and
need pyarrow, not pyspark. A partition is coded by the local engine's own loop,
``code_reads`` with one worker, so both engines give the same outcome for an article. The
pipeline is built once per Python worker process and kept in a module-level cache, which
Spark's reused workers keep between tasks.

Rows carry each outcome pickled for the driver, which saves it to the store as the local
engine does (without a store, only the outcomes with errors, which the driver reports), and
each event's row of the Parquet output, its PLOVER record as JSON.
"""

from __future__ import annotations

import json
import logging
import pickle
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

import pyarrow as pa

from marsad.ingest import (
    Coded,
    Failed,
    Outcome,
    PipelineFactory,
    PipelineLike,
    code_reads,
    warmed,
)
from marsad.io.located import Located, ReadFailure
from marsad.io.readers import SUFFIXES, read_bytes
from marsad.store.rows import unique_events

# One row per input read: an article, or a failure to read one. ``file`` and ``position``
# put the rows back in reading order.
ARTICLES_SCHEMA = "file string, position long, article_id string, located binary"
ArticleRow = tuple[str, int, str | None, bytes]

_pipelines: dict[str, PipelineLike] = {}
preloaded: set[str] = set()  # pipelines built in the daemon, before the worker was forked


@dataclass(frozen=True, slots=True)
class CachedFactory:
    """Builds and warms (``marsad.ingest.warmed``) the pipeline on first use in this process,
    then hands back the same one."""

    factory: PipelineFactory

    @property
    def key(self) -> str:
        factory = self.factory
        return f"{getattr(factory, '__module__', '')}.{getattr(factory, '__qualname__', factory)}"

    def __call__(self) -> PipelineLike:
        key = self.key
        if key not in _pipelines:
            _pipelines[key] = warmed(self.factory())
        return _pipelines[key]


def preload(factory: PipelineFactory) -> None:
    """Build and warm the pipeline in Spark's Python daemon, before it forks the workers:
    they find it in the cache, with its resources loaded and shared (``spark_daemon``)."""
    cached = CachedFactory(factory)
    cached()
    preloaded.add(cached.key)


def article_row(file: str, position: int, located: Located) -> ArticleRow:
    result = located[0]
    article_id = None if isinstance(result, ReadFailure) else result.id
    return file, position, article_id, pickle.dumps(located, protocol=pickle.HIGHEST_PROTOCOL)


def read_file(path: str, data: bytes, date: str | None) -> Iterator[ArticleRow]:
    """The articles of one file read by an executor (from object storage, HDFS, ...), with
    marsad's own readers. Files marsad does not read, and hidden ones (Spark's ``_SUCCESS``,
    ``.crc``), are passed over, as in a local directory."""
    name = PurePosixPath(path).name
    if name.startswith((".", "_")) or PurePosixPath(name).suffix.lower() not in SUFFIXES:
        return
    for position, located in enumerate(read_bytes(data, path, date)):
        yield article_row(path, position, located)


def coder(
    factory: PipelineFactory, *, every_outcome: bool = True
) -> Callable[[Iterable[pa.RecordBatch]], Iterator[pa.RecordBatch]]:
    """The function ``mapInArrow`` runs on each partition of the articles. Without
    ``every_outcome`` only the outcomes with errors are pickled: the others would cost the
    executors time and memory for a driver that does not read them."""
    cached = CachedFactory(factory)
    levels = _log_levels()

    def code(batches: Iterable[pa.RecordBatch]) -> Iterator[pa.RecordBatch]:
        for name, level in levels.items():  # as the driver has them: each failure told once
            logging.getLogger(name).setLevel(level)
        for batch in batches:
            files = batch.column("file").to_pylist()
            positions = batch.column("position").to_pylist()
            reads: list[Located] = [pickle.loads(b) for b in batch.column("located").to_pylist()]
            outcomes = code_reads(reads, pipeline_factory=cached, workers=1)
            rows = [
                _coded_row(file, position, located, outcome, every_outcome=every_outcome)
                for file, position, located, outcome in zip(
                    files, positions, reads, outcomes, strict=True
                )
            ]
            yield pa.RecordBatch.from_pylist(rows, schema=_CODED_ARROW)

    return code


def _log_levels() -> dict[str, int]:
    """Levels set on marsad's loggers on the driver (the CLI quiets ``marsad.pipeline``)."""
    names = [n for n in logging.root.manager.loggerDict if n.split(".")[0] == "marsad"]
    levels = {name: logging.getLogger(name).level for name in names}
    return {name: level for name, level in levels.items() if level != logging.NOTSET}


def _struct(**fields: pa.DataType) -> pa.DataType:
    return pa.struct(list(fields.items()))


# One row per input coded. ``records`` are the rows of the events' Parquet files, made here so
# that the write only shuffles them by date; ``error_rows`` those of the errors' file.
_CODED_ARROW = pa.schema(
    [
        ("file", pa.string()),
        ("position", pa.int64()),
        ("article_id", pa.string()),
        ("coded", pa.bool_()),
        ("events", pa.int32()),
        ("errors", pa.int32()),
        ("outcome", pa.binary()),
        (
            "records",
            pa.list_(
                _struct(
                    event_date=pa.string(),
                    event_id=pa.string(),
                    story_id=pa.string(),
                    event=pa.string(),
                    record=pa.string(),
                )
            ),
        ),
        (
            "error_rows",
            pa.list_(
                _struct(
                    source=pa.string(),
                    line=pa.int32(),
                    stage=pa.string(),
                    reason=pa.string(),
                    article_id=pa.string(),
                )
            ),
        ),
    ]
)
_SPARK_TYPES = {
    pa.string(): "string",
    pa.int64(): "long",
    pa.int32(): "int",
    pa.bool_(): "boolean",
    pa.binary(): "binary",
}


def _ddl(kind: pa.DataType) -> str:
    """Spark's name for an Arrow type, in the DDL ``mapInArrow`` takes."""
    if isinstance(kind, pa.ListType):
        return f"array<{_ddl(kind.value_type)}>"
    if isinstance(kind, pa.StructType):
        return "struct<" + ", ".join(f"{f.name}: {_ddl(f.type)}" for f in kind) + ">"
    return _SPARK_TYPES[kind]


CODED_SCHEMA = ", ".join(f"{f.name} {_ddl(f.type)}" for f in _CODED_ARROW)


def _coded_row(
    file: str, position: int, located: Located, outcome: Outcome, *, every_outcome: bool
) -> dict[str, Any]:
    records: list[dict[str, str]] = []
    errors: list[dict[str, Any]] = []
    origin = outcome.origin
    article_id = outcome.article.id if isinstance(outcome, Coded) else outcome.article_id
    if isinstance(outcome, Failed):
        errors.append(_error(origin.source, origin.line, outcome.stage, outcome.reason, article_id))
    else:
        text = outcome.article.text
        records = [_event_row(event.to_plover(text)) for event in unique_events(outcome.events)]
        errors = [
            _error(origin.source, origin.line, e.stage, e.message, article_id)
            for e in outcome.errors
        ]
    return {
        "file": file,
        "position": position,
        "article_id": article_id,
        "coded": isinstance(outcome, Coded),
        "events": len(outcome.events) if isinstance(outcome, Coded) else 0,  # as Tally counts
        "errors": len(errors),
        # the read result goes with the outcome: the driver needs the article to tell
        # whether the store holds it already, even when coding it failed
        "outcome": (
            pickle.dumps((located[0], outcome), protocol=pickle.HIGHEST_PROTOCOL)
            if every_outcome or errors
            else b""
        ),
        "records": records,
        "error_rows": errors,
    }


def _event_row(plover: dict[str, Any]) -> dict[str, str]:
    return {
        "event_date": plover["date"],
        "event_id": plover["id"],
        "story_id": plover["story_id"],
        "event": plover["event"],
        "record": json.dumps(plover, ensure_ascii=False),
    }


def _error(
    source: str, line: int | None, stage: str, reason: str, article_id: str | None
) -> dict[str, Any]:
    return {
        "source": source,
        "line": line,
        "stage": stage,
        "reason": reason,
        "article_id": article_id,
    }
