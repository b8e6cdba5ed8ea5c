"""``marsad ingest --engine``: the options each engine takes, and a clear line when the
spark extra is missing. None of these starts Spark."""

from __future__ import annotations

import io
import json
import pickle
import sys
import zipfile
from pathlib import Path

import pytest

from marsad.backends.spark import has_scheme, job_error
from marsad.backends.spark_session import local_cores
from marsad.backends.spark_tasks import read_file
from marsad.cli import main
from marsad.errors import DataError, PipelineError
from tests.spark.conftest import unavailable


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text("text\n", encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (["--out", "x"], "--out need --engine spark"),
        (["--master", "local[2]"], "--master need --engine spark"),
        (["--engine", "spark", "--workers", "2"], "--workers is for the local engine"),
        (["--engine", "spark", "--partitions", "0"], "--partitions must be 1 or more"),
    ],
)
def test_options_of_the_other_engine_are_usage_errors(
    article: Path, extra: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["ingest", str(article), *extra]) == 2
    assert message in capsys.readouterr().err


def test_without_pyspark_the_spark_engine_names_the_extra(
    article: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setitem(sys.modules, "pyspark", None)  # «import pyspark» now fails
    assert main(["ingest", str(article), "--engine", "spark"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "pip install 'marsad[spark]'" in err


def test_out_refuses_a_directory_that_is_not_a_marsad_output(
    article: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["ingest", str(article), "--engine", "spark", "--out", str(tmp_path)]
    assert main(argv) == 2  # tmp_path holds a.txt: Spark would have emptied it
    assert "holds other files than a marsad output" in capsys.readouterr().err


def test_object_storage_paths_are_told_by_their_scheme() -> None:
    assert has_scheme("s3a://bucket/news/*.zip") and has_scheme("gs://b/x.jsonl")
    assert has_scheme("file:///data/x.zip") and not has_scheme("news/2015-07-21.zip")
    assert not has_scheme("C:\\news\\x.zip")


def test_a_job_failure_becomes_the_marsad_error_behind_it() -> None:
    trace = "Py4JJavaError: ...\n  File x\nmarsad.errors.DataError: [DATA] bad kb line 3\n..."
    error = job_error(RuntimeError(trace))
    assert isinstance(error, DataError) and str(error) == "[DATA] bad kb line 3"
    other = job_error(RuntimeError("java.io.IOException: no space left\n  at ..."))
    assert isinstance(other, PipelineError)
    assert str(other) == "[PIPELINE] the Spark job failed: java.io.IOException: no space left"


def test_missing_spark_fails_under_ci_and_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="under CI=true the Spark tests must run"):
        unavailable("Java is not installed")
    monkeypatch.setenv("CI", "false")
    with pytest.raises(pytest.skip.Exception):
        unavailable("Java is not installed")


def test_executors_read_a_zip_from_its_bytes_and_pass_over_other_files() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("day.json", json.dumps([{"id": "a1", "content": "text one"}, {}]))
    rows = list(read_file("s3a://bucket/news/day.zip", buffer.getvalue(), "2021-05"))
    assert [(file, position, ident) for file, position, ident, _ in rows] == [
        ("s3a://bucket/news/day.zip", 0, "a1"),
        ("s3a://bucket/news/day.zip", 1, None),  # a record without text: a read failure
    ]
    article, origin = pickle.loads(rows[0][3])
    assert (article.text, article.date) == ("text one", "2021-05")
    assert origin.source == "s3a://bucket/news/day.zip/day.json"
    assert list(read_file("s3a://bucket/news/_SUCCESS", b"", None)) == []
    assert list(read_file("s3a://bucket/news/notes.md", b"x", None)) == []


@pytest.mark.parametrize(
    ("master", "cores"),
    [("local", 1), ("local[1]", 1), ("local[3]", 3), ("local[4,2]", 4)],
)
def test_a_local_master_tells_its_cores(master: str, cores: int) -> None:
    # the shuffle partitions of local mode follow it (start_session)
    assert local_cores(master) == cores


def test_all_cores_of_a_local_star_master() -> None:
    assert local_cores("local[*]") == local_cores(None) >= 1
