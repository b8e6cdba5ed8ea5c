"""``marsad export`` and ``marsad stats`` over a store filled by ``marsad ingest``, and the
progress bar."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq

from marsad.cli.progress import Progress
from marsad.corpus import CorpusTally
from marsad.ingest import Failed
from marsad.io.readers import Origin
from tests.cli.test_cli import Capture, run


def filled(tmp_path: Path, capsys: Capture) -> str:
    news = tmp_path / "news.jsonl"
    rows = [
        {"id": "a", "text": "EVENT CONSULT RUS AZE", "date": "2021-05-19", "source": "RT"},
        {"id": "b", "text": "EVENT CONSULT AZE RUS", "date": "2021-05-20", "source": "TASS"},
        {"id": "c", "text": "EVENT ASSAULT SYR", "date": "2021-06-01"},
    ]
    news.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = str(tmp_path / "m.db")
    assert run(["ingest", str(news), "--db", db], capsys)[0] == 0
    return db


def test_export_csv_jsonl_parquet(tmp_path: Path, capsys: Capture) -> None:
    db = filled(tmp_path, capsys)
    out = tmp_path / "e.csv"
    status, _, err = run(["export", "--db", db, "--format", "csv", "--out", str(out)], capsys)
    assert (status, err) == (0, f"3 rows (mention level) -> {out}\n")
    with out.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["source_country"], r["mentions"], r["sources"]) for r in rows] == [
        ("RUS", "2", "2"),
        ("AZE", "2", "2"),
        ("SYR", "1", "1"),
    ]
    status, out_text, _ = run(["export", "--db", db, "--level", "cluster", "--out", "-"], capsys)
    records = [json.loads(line) for line in out_text.splitlines()]
    assert [r["cluster"]["members"] for r in records] == [["a-0", "b-0"], ["c-0"]]
    parquet = tmp_path / "e.parquet"
    argv = ["export", "--db", db, "--format", "parquet", "--out", str(parquet), "--type", "assault"]
    assert run(argv, capsys)[0] == 0
    assert [r["source_country"] for r in pq.read_table(parquet).to_pylist()] == ["SYR"]
    argv = ["export", "--db", db, "--format", "parquet", "--out", "-"]
    status, _, err = run(argv, capsys)
    assert (status, err) == (2, "marsad: [STORE] Parquet is written to a file: give --out FILE\n")


def test_stats(tmp_path: Path, capsys: Capture) -> None:
    db = filled(tmp_path, capsys)
    status, out, _ = run(["stats", "--db", db, "--format", "json"], capsys)
    stats = json.loads(out)
    assert status == 0
    assert (stats["articles"], stats["events"], stats["clusters"]) == (3, 3, 2)
    assert stats["by_country"] == {"AZE": 2, "RUS": 2, "SYR": 1}
    status, out, _ = run(["stats", "--db", db], capsys)
    assert status == 0 and "clusters" in out and "CONSULT" in out


def test_export_and_stats_refuse_a_missing_store(tmp_path: Path, capsys: Capture) -> None:
    missing = str(tmp_path / "none.db")
    assert run(["stats", "--db", missing], capsys)[0] == 2
    assert run(["export", "--db", missing, "--out", str(tmp_path / "x")], capsys)[0] == 2
    assert not (tmp_path / "none.db").exists()


def test_progress_bar_on_a_terminal_and_lines_otherwise() -> None:
    stream = io.StringIO()
    bar = Progress(stream, tty=True)
    bar.total = 4
    tally = CorpusTally(articles=1, events=2, skipped=1)
    bar.update(Failed(Origin("x"), "read", "bad"), tally)
    bar.note("marsad: x: bad")
    bar.close()
    text = stream.getvalue()
    assert "\r[" in text and "1 articles" in text and "ETA" in text and "1 skipped" in text
    assert "\r\x1b[Kmarsad: x: bad\n" in text
    plain = io.StringIO()
    log = Progress(plain, tty=False)
    log.update(Failed(Origin("x"), "read", "bad"), tally)  # too soon for a line
    log.close()
    assert plain.getvalue() == ""
