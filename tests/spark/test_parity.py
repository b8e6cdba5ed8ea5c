"""The Spark engine gives exactly the local engine's events (issue 9): on 60 SaudiNewsNet
articles in local[2], read on the driver and read on the executors, into a store and into
Parquet; and a rerun adds nothing."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyarrow.parquet as pq
import pytest

from marsad.api import load
from marsad.backends import IngestJob
from marsad.backends.local import LocalEngine
from marsad.backends.spark import SparkEngine
from marsad.corpus import CorpusTally
from marsad.store.store import Store, open_store

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

Summary = tuple[str, str, str | None, list[str | None], list[str | None]]


def summary(record: dict[str, Any]) -> Summary:
    """What parity is judged on: id, type, date, and the actors' and recipients' codes."""
    return (
        record["id"],
        record["event"],
        record["date"],
        [a["code"] for a in record["actor"]],
        [r["code"] for r in record["recipient"]],
    )


@pytest.fixture(scope="module")
def local_store(sample_zip: Path, tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(str(tmp_path_factory.mktemp("local") / "local.db"))
    tally = LocalEngine().ingest(IngestJob([str(sample_zip)], load), store)
    assert tally.articles == 60 and tally.errors == 0
    return store


def spark_ingest(
    spark: SparkSession,
    paths: list[str],
    out: Path,
    store: Store | None,
    partitions: int | None = 4,
) -> CorpusTally:
    engine = SparkEngine(out=str(out), session=spark, partitions=partitions)
    return engine.ingest(IngestJob(paths, load), store)


# None: the default slices, which shrink towards the end; 4: even ones
@pytest.mark.parametrize("partitions", [None, 4])
def test_spark_codes_the_same_events_as_local_into_the_store(
    spark: SparkSession,
    sample_zip: Path,
    local_store: Store,
    tmp_path: Path,
    partitions: int | None,
) -> None:
    with open_store(str(tmp_path / "spark.db")) as store:
        tally = spark_ingest(spark, [str(sample_zip)], tmp_path / "out", store, partitions)
        assert (tally.articles, tally.errors, tally.skipped) == (60, 0, 0)
        assert tally.events == local_store.count_events() > 0
        local, distributed = local_store.events(), store.events()
        assert [summary(r) for r in distributed] == [summary(r) for r in local]
        assert distributed == local  # every field of every record, evidence offsets included
        assert store.count_articles() == local_store.count_articles() == 60
        assert store.count_clusters() == local_store.count_clusters()

        again = spark_ingest(spark, [str(sample_zip)], tmp_path / "out", store)
        assert (again.articles, again.events, again.skipped) == (0, 0, 60)
        assert store.events() == local  # a rerun adds nothing
        assert len(store.runs()) == 2


def test_read_on_the_executors_the_parquet_output_holds_the_same_events_by_date(
    spark: SparkSession, sample_zip: Path, local_store: Store, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    # read on the executors this time: a URL goes through Spark's Hadoop file systems
    with open_store(str(tmp_path / "spark.db")) as store:
        tally = spark_ingest(spark, [sample_zip.as_uri()], out, store)
        assert store.events() == local_store.events()
    assert (tally.articles, tally.errors) == (60, 0)
    table = pq.read_table(out / "events", partitioning="hive")
    rows = table.to_pylist()
    records = [json.loads(row["record"]) for row in rows]
    assert sorted(map(summary, records)) == sorted(map(summary, local_store.events()))
    for row, record in zip(rows, records, strict=True):
        assert row["event_id"] == record["id"] and row["event"] == record["event"]
        assert str(row["event_date"]) == record["date"]
    dates = {p.name for p in (out / "events").iterdir() if p.is_dir()}
    assert dates == {f"event_date={r['date']}" for r in records}
    assert pq.read_table(out / "errors").num_rows == 0
