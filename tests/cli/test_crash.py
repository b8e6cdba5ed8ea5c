"""A ``marsad ingest`` killed with SIGKILL at several points and started again ends with
exactly the articles, events and clusters of a clean run: none lost, none doubled."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = (
    "import sys\n"
    "from marsad.cli import main\n"
    "from tests.cli.fake_pipeline import make_pipeline\n"
    "sys.exit(main(sys.argv[1:], pipeline_factory=make_pipeline))\n"
)
ARTICLES = 24


def corpus(folder: Path) -> Path:
    path = folder / "news.jsonl"
    lines = []
    for n in range(ARTICLES):
        day = f"2021-05-{10 + n // 3:02d}"  # three outlets a day report one event
        text = f"EVENT CONSULT RUS AZE mode=phone\nEVENT ASSAULT SYR {n}"
        lines.append(
            json.dumps({"id": f"a{n:02d}", "text": text, "date": day, "source": f"s{n % 3}"})
        )
    lines.insert(5, "not json")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def ingest(source: Path, db: Path, *, delay: float, workers: int = 1) -> subprocess.Popen[bytes]:
    env = {**os.environ, "FAKE_PIPELINE_DELAY": str(delay), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [
            sys.executable,
            "-c",
            SCRIPT,
            "ingest",
            str(source),
            "--db",
            str(db),
            "--workers",
            str(workers),
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def articles_in(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(db, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM articles").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:  # the schema is not there yet
        return 0


def snapshot(db: Path) -> tuple[list[Any], ...]:
    conn = sqlite3.connect(db)
    tables = (
        sorted(conn.execute("SELECT id, text_hash FROM articles")),
        sorted(conn.execute("SELECT id, story_id, record_json, cluster_id FROM events")),
        sorted(conn.execute("SELECT * FROM clusters")),
        sorted(conn.execute("SELECT event_id, role, position, code FROM entities")),
    )
    conn.close()
    return tables


def test_kill_9_at_several_points_then_resume_equals_a_clean_run(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    clean = tmp_path / "clean.db"
    assert ingest(source, clean, delay=0).wait() == 1  # the bad line makes it 1
    want = snapshot(clean)
    assert len(want[0]) == ARTICLES and len(want[1]) == 2 * ARTICLES

    crashed = tmp_path / "crashed.db"
    seen = []
    for target in (3, 9, 16):
        proc = ingest(source, crashed, delay=0.05)
        deadline = time.monotonic() + 60
        while articles_in(crashed) < target and proc.poll() is None:
            assert time.monotonic() < deadline, "the run made no progress"
            time.sleep(0.01)
        proc.send_signal(signal.SIGKILL)
        assert proc.wait() == -signal.SIGKILL
        seen.append(articles_in(crashed))
    assert seen == sorted(seen) and seen[-1] < ARTICLES  # each run went further, none finished
    assert ingest(source, crashed, delay=0, workers=2).wait() == 1
    assert snapshot(crashed) == want
    conn = sqlite3.connect(crashed)
    unfinished = conn.execute("SELECT count(*) FROM runs WHERE finished IS NULL").fetchone()[0]
    conn.close()
    assert unfinished == 3  # the killed runs are visible as such


def test_ingesting_the_same_corpus_twice_adds_nothing(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    db = tmp_path / "twice.db"
    ingest(source, db, delay=0).wait()
    first = snapshot(db)
    ingest(source, db, delay=0).wait()
    assert snapshot(db) == first


def children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def test_workers_go_when_their_parent_is_killed(tmp_path: Path) -> None:
    source = corpus(tmp_path)
    db = tmp_path / "workers.db"
    proc = ingest(source, db, delay=0.2, workers=2)
    deadline = time.monotonic() + 60
    while articles_in(db) < 2:
        assert time.monotonic() < deadline and proc.poll() is None
        time.sleep(0.02)
    workers = children(proc.pid)
    assert workers, "no worker processes found"
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    deadline = time.monotonic() + 10
    while any(alive(pid) for pid in workers):
        assert time.monotonic() < deadline, "worker processes outlived their killed parent"
        time.sleep(0.1)
