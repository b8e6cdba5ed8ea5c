"""One local[2] Spark session for all the Spark tests, and a small SaudiNewsNet sample.

Without pyspark or Java the tests skip, with the reason; under CI (``CI=true``) they fail
instead, so a CI machine that lost Java cannot pass by skipping them.
"""

from __future__ import annotations

import json
import os
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

import pytest

from marsad.backends.spark_session import java_found, start_session

if TYPE_CHECKING:
    from pyspark.sql import SparkSession

SAUDINEWSNET = Path(__file__).resolve().parents[2].parent / "shared" / "data" / "news-saudinewsnet"
SAMPLE_ZIP = SAUDINEWSNET / "2015-07-22.zip"
SAMPLE_SIZE = 60
# Small and quiet: two cores, no web UI, few shuffle partitions for tiny data.
TEST_CONF = {
    "spark.ui.enabled": "false",
    "spark.ui.showConsoleProgress": "false",
    "spark.sql.shuffle.partitions": "4",
    "spark.log.level": "ERROR",
}


def unavailable(reason: str) -> NoReturn:
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}: under CI=true the Spark tests must run (.ci/run installs it)")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def spark() -> Iterator[SparkSession]:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        unavailable("pyspark is not installed (pip install 'marsad[spark]')")
    if not java_found():
        unavailable("Java is not installed (openjdk-17-jre-headless)")
    session = start_session("local[2]", TEST_CONF)
    yield session
    session.stop()


@pytest.fixture(scope="session")
def sample_zip(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A zip like SaudiNewsNet's (one JSON array) with its first 60 articles."""
    if not SAMPLE_ZIP.is_file():
        unavailable(f"the SaudiNewsNet sample is missing: {SAMPLE_ZIP}")
    with zipfile.ZipFile(SAMPLE_ZIP) as archive:
        articles = json.loads(archive.read(archive.namelist()[0]))[:SAMPLE_SIZE]
    path = tmp_path_factory.mktemp("saudinewsnet") / "2015-07-22.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("2015-07-22.json", json.dumps(articles, ensure_ascii=False))
    return path
