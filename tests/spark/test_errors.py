"""Failures on the Spark engine: a failing article is an error row and the job goes on, as
with the local engine; a pipeline that cannot be built stops the run with one line. The
command line is tested here too, on the session the other Spark tests share."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq
import pytest

import marsad.backends.spark as spark_backend
from marsad.backends import IngestJob
from marsad.backends.spark import SparkEngine
from marsad.cli import main
from marsad.errors import PipelineError
from marsad.store.store import open_store
from tests.cli import fake_pipeline
from tests.cli.fake_pipeline import broken_factory, make_pipeline

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

LINES = [
    {"id": "good", "text": "EVENT CONSULT RUS AZE", "date": "2021-05-19"},
    {"id": "fails", "text": "EVENT MEET RUS ARM\nFAIL"},
    {"id": "stage", "text": "EVENT AID RUS ARM\nSTAGEFAIL", "date": "2021-05"},
    {"id": "good", "text": "EVENT CONSULT RUS AZE", "date": "2021-05-19"},  # read twice
]


@pytest.fixture(autouse=True)
def pickled_by_value(spark: SparkSession) -> None:
    """The executors' Python cannot import ``tests``: send the fake pipeline's code along."""
    from pyspark import cloudpickle

    cloudpickle.register_pickle_by_value(fake_pipeline)  # type: ignore[no-untyped-call]


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "mixed.jsonl"
    lines = [json.dumps(line) for line in LINES]
    lines.insert(2, "{not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def error_rows(store_path: Path) -> list[tuple[Any, ...]]:
    with open_store(str(store_path), create=False) as store:
        return [(e["source"], e["line"], e["stage"], e["reason"]) for e in store.errors()]


def test_the_command_line_gives_the_local_events_and_errors_on_spark(
    spark: SparkSession,
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(spark_backend, "start_session", lambda master, conf: spark)
    monkeypatch.setattr(spark, "stop", lambda: None)  # the session is shared by the tests
    local_db, spark_db, out = tmp_path / "local.db", tmp_path / "spark.db", tmp_path / "out"
    assert main(["ingest", str(corpus), "--db", str(local_db)], pipeline_factory=make_pipeline) == 1
    capsys.readouterr()
    argv = ["ingest", str(corpus), "--engine", "spark", "--db", str(spark_db), "--out", str(out)]
    assert main(argv, pipeline_factory=make_pipeline) == 1
    printed = capsys.readouterr()
    summary = "2 articles, 2 events, 3 errors, 1 skipped (stored already)"
    assert printed.out == f"{summary} -> {out} and {spark_db}\n"
    assert f"{corpus}:3: " in printed.err and "coding failed: RuntimeError" in printed.err
    assert error_rows(spark_db) == error_rows(local_db)
    with open_store(str(local_db)) as local, open_store(str(spark_db)) as distributed:
        assert distributed.events() == local.events()
        stored = [e["id"] for e in local.events()]
    parquet = pq.read_table(out / "events", partitioning="hive").column("event_id").to_pylist()
    assert sorted(parquet) == sorted(stored) == ["good-0", "stage-0"]  # the copy once
    errors = pq.read_table(out / "errors").to_pylist()
    assert sorted((e["line"], e["stage"]) for e in errors) == [
        (2, "pipeline"),
        (3, "read"),
        (4, "fake"),
    ]
    assert {e["article_id"] for e in errors} == {"fails", "stage", None}


def test_without_a_store_the_counts_come_from_the_parquet_and_errors_are_told(
    spark: SparkSession,
    corpus: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setattr(spark_backend, "start_session", lambda master, conf: spark)
    monkeypatch.setattr(spark, "stop", lambda: None)
    out = tmp_path / "out"
    argv = ["ingest", str(corpus), "--engine", "spark", "--out", str(out)]
    assert main(argv, pipeline_factory=make_pipeline) == 1
    printed = capsys.readouterr()
    # the article read twice counts once, as it is once in the Parquet
    assert printed.out == f"2 articles, 2 events, 3 errors -> {out}\n"
    assert sorted(line.split(": ", 2)[1] for line in printed.err.splitlines()) == [
        f"{corpus}:2",
        f"{corpus}:3",
        f"{corpus}:4",
    ]


def test_a_pipeline_that_cannot_be_built_stops_the_run_with_one_line(
    spark: SparkSession, corpus: Path, tmp_path: Path
) -> None:
    engine = SparkEngine(out=str(tmp_path / "out"), session=spark, partitions=2)
    with pytest.raises(PipelineError, match="cannot build the pipeline: FileNotFoundError"):
        engine.ingest(IngestJob([str(corpus)], broken_factory), None)
