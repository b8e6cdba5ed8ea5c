"""Local Spark forks its Python workers from marsad's daemon, which has the default
pipeline built and warm before the fork."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pyspark.sql import SparkSession


def _preloaded_in_worker(_: int) -> list[str]:
    from marsad.backends import spark_tasks

    return sorted(spark_tasks.preloaded)


def test_local_sessions_use_the_marsad_daemon(spark: SparkSession) -> None:
    assert spark.conf.get("spark.python.daemon.module") == "marsad.backends.spark_daemon"


def test_workers_start_with_the_default_pipeline_built(spark: SparkSession) -> None:
    seen = spark.sparkContext.parallelize([0, 1], 2).map(_preloaded_in_worker).collect()
    assert seen == [["marsad.api.load"], ["marsad.api.load"]]
