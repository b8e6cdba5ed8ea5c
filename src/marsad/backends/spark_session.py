"""Starting Spark: pyspark and Java are checked first, so a missing one is one clear line."""

from __future__ import annotations

import os
import re
import shutil
import sys
from collections.abc import Mapping
from typing import TYPE_CHECKING

from marsad.errors import PipelineError

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

EXTRA_HINT = "pip install 'marsad[spark]'"
SHUFFLE_PARTS_PER_CORE = 4  # as the coding's partitions (spark.py)
_LOCAL = re.compile(r"local(?:\[(\*|\d+)(?:,\s*\d+)?\])?")


def require_pyspark() -> None:
    try:
        import pyarrow  # noqa: F401
        import pyspark  # noqa: F401
    except ImportError as exc:
        raise PipelineError(
            f"the spark engine needs the spark extra ({exc.name} is missing): {EXTRA_HINT}"
        ) from None


def java_found() -> bool:
    home = os.environ.get("JAVA_HOME")
    if home and os.path.isfile(os.path.join(home, "bin", "java")):
        return True
    return shutil.which("java") is not None


def local_cores(master: str | None) -> int:
    """The cores a local master uses: ``local`` one, ``local[N]`` N, ``local[*]`` (or none
    given) all of this machine's."""
    match = _LOCAL.fullmatch(master or "local[*]")
    count = match.group(1) if match else None
    if count is None:
        return 1
    if count == "*":
        return os.cpu_count() or 1
    return max(1, int(count))


def start_session(master: str | None = None, conf: Mapping[str, str] | None = None) -> SparkSession:
    """A Spark session on ``master`` (``local[N]``, ``spark://HOST:7077``, ``yarn``...); with
    none, the one spark-submit gave, else ``local[*]``."""
    require_pyspark()
    from pyspark.sql import SparkSession

    submitted = "PYSPARK_GATEWAY_PORT" in os.environ  # started by spark-submit
    if not submitted and not java_found():
        raise PipelineError(
            "the spark engine needs Java 17 or newer: install a JRE (e.g. openjdk-17-jre-headless)"
            " or set JAVA_HOME"
        )
    settings = dict(conf or {})
    if not submitted and (master is None or master.startswith("local")):
        # Local mode: the Python workers must run this interpreter, the one marsad is in,
        # and nothing outside this machine needs to reach the driver.
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        settings.setdefault("spark.driver.bindAddress", "127.0.0.1")
        settings.setdefault("spark.driver.host", "127.0.0.1")
        # workers forked from a daemon that has the default pipeline loaded and warm
        settings.setdefault("spark.python.daemon.module", "marsad.backends.spark_daemon")
        # a shuffle (the latest reading of each article, events by date) in as many parts as
        # the coding, not Spark's 200: on the SaudiNewsNet sample, local[2], 23 s against 27 s
        parts = SHUFFLE_PARTS_PER_CORE * local_cores(master)
        settings.setdefault("spark.sql.shuffle.partitions", str(parts))
    builder = SparkSession.builder.appName("marsad ingest")
    if master is not None:
        builder = builder.master(master)
    for key, value in settings.items():
        builder = builder.config(key, value)
    try:
        return builder.getOrCreate()
    except Exception as exc:  # Java that will not start, a master that cannot be reached
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise PipelineError(f"cannot start Spark: {first}") from exc
