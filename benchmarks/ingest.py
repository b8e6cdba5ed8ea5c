"""End-to-end ingest of a SaudiNewsNet daily zip into a store, with 1 and 2 workers, and the
crash test: kill -9 at several points, resume, compare with a clean run.

Runs ``marsad ingest ZIP --db TMP --workers N`` as a subprocess (reading, coding, storage,
clustering: everything a user waits for) and prints one table. The corpus is test material
only (CC BY-NC-SA), never shipped. Usage:

    .venv/bin/python benchmarks/ingest.py [--zip PATH] [--articles N] [--workers 1 2]
        [--crash-kills K] [--skip-speed]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import marsad
from marsad.types import Article

DEFAULT_ZIP = Path(__file__).resolve().parents[2] / "shared/data/news-saudinewsnet/2015-07-22.zip"
MARSAD = [sys.executable, "-c", "import sys; from marsad.cli import main; sys.exit(main())"]


def subset(source: Path, limit: int | None, folder: Path) -> Path:
    """The zip itself, or a zip of its first ``limit`` articles."""
    if limit is None:
        return source
    with zipfile.ZipFile(source) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".json"))
        records = json.loads(archive.read(name))[:limit]
    out = folder / f"{source.stem}-first{limit}.zip"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, json.dumps(records, ensure_ascii=False))
    return out


def ingest(corpus: Path, db: Path, workers: int) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [*MARSAD, "ingest", str(corpus), "--db", str(db), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def counts(db: Path) -> tuple[int, int, int]:
    conn = sqlite3.connect(db)
    articles, events, clusters = (
        int(conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
        for t in ("articles", "events", "clusters")
    )
    conn.close()
    return articles, events, clusters


def counts_or_zero(db: Path) -> int:
    try:
        return counts(db)[0] if db.exists() else 0
    except sqlite3.Error:  # not migrated yet
        return 0


def snapshot(db: Path) -> tuple[set[tuple[str, str, str]], set[tuple[object, ...]]]:
    """Every event (id, article, record) and every cluster, to compare two stores."""
    conn = sqlite3.connect(db)
    events = set(conn.execute("SELECT id, story_id, record_json FROM events"))
    clusters = set(conn.execute("SELECT * FROM clusters"))
    conn.close()
    return events, clusters


def sentences(db: Path) -> int:
    """Sentences in the stored articles, by marsad's own splitter (not timed)."""
    from marsad.pipeline import Pipeline
    from marsad.stages import default_stages

    split = Pipeline(default_stages(("normalize", "sentences")))
    conn = sqlite3.connect(db)
    total = sum(
        len(split(Article(id=i, text=t)).sentences)
        for i, t in conn.execute("SELECT id, text FROM articles")
    )
    conn.close()
    return total


def speed(corpus: Path, folder: Path, workers: list[int]) -> None:
    rows: list[tuple[int, float, int, int, int, float, float]] = []
    n_sentences = 0
    for n in workers:
        db = folder / f"speed-{n}.db"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        status = ingest(corpus, db, n).wait()
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        peak_mb = after.ru_maxrss / 1024
        cpu = after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime
        articles, events, clusters = counts(db)
        if not n_sentences:
            n_sentences = sentences(db)
        rows.append((n, elapsed, articles, events, clusters, peak_mb, cpu))
        print(f"  workers={n}: exit {status}, {elapsed:.1f} s", file=sys.stderr)
    base = rows[0][1]
    print(f"\nIngest: {corpus.name}, {rows[0][2]:,} articles, {n_sentences:,} sentences")
    header = (
        f"{'workers':>7} {'time s':>8} {'art/s':>7} {'sent/s':>8} {'sent/s/core':>11}"
        f" {'events/s':>8} {'events':>7} {'clusters':>8} {'peak MB':>8} {'speed-up':>8}"
        f" {'CPU s':>6} {'cores used':>10}"
    )
    print(header)
    print("-" * len(header))
    for n, elapsed, articles, events, clusters, peak, cpu in rows:
        print(
            f"{n:>7} {elapsed:>8.1f} {articles / elapsed:>7.1f} {n_sentences / elapsed:>8,.0f}"
            f" {n_sentences / elapsed / n:>11,.0f} {events / elapsed:>8.1f} {events:>7,}"
            f" {clusters:>8,} {peak:>8.0f} {base / elapsed:>7.2f}x"
            f" {cpu:>6.1f} {cpu / elapsed:>10.2f}"
        )
    print("peak MB: the largest single process (the parent or one worker), as ru_maxrss gives.")
    print("cores used: CPU time of marsad's processes / wall time; below the workers when")
    print("other programs share the cores.")


def crash(corpus: Path, folder: Path, kills: int, workers: int) -> None:
    clean = folder / "clean.db"
    start = time.perf_counter()
    ingest(corpus, clean, workers).wait()
    duration = time.perf_counter() - start
    want = snapshot(clean)
    crashed = folder / "crashed.db"
    total = counts(clean)[0]
    print(f"\nCrash test: clean run {duration:.1f} s, {total:,} articles, {len(want[0]):,} events")
    print(f"{'kill':>4} {'at':>8} {'after s':>8} {'articles':>8} {'events':>7} {'clusters':>8}")
    for k in range(1, kills + 1):
        # kill -9 once the store holds k/(kills+1) of the articles: every resume starts from
        # a partial store and goes further
        target = total * k // (kills + 1)
        proc = ingest(corpus, crashed, workers)
        start = time.perf_counter()
        while proc.poll() is None and counts_or_zero(crashed) < target:
            time.sleep(0.05)
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        elapsed = time.perf_counter() - start
        row = " ".join(f"{c:>8,}" for c in counts(crashed))
        print(f"{k:>4} {target:>8,} {elapsed:>8.1f} {row}")
    ingest(corpus, crashed, workers).wait()
    got = snapshot(crashed)
    same_events, same_clusters = got[0] == want[0], got[1] == want[1]
    print(f"resumed to the end: {counts(crashed)}")
    _show_difference(want[0], got[0])
    print(
        f"events identical to the clean run: {same_events} "
        f"(missing {len(want[0] - got[0])}, extra {len(got[0] - want[0])}); "
        f"clusters identical: {same_clusters}"
    )


def _show_difference(want: set[tuple[str, str, str]], got: set[tuple[str, str, str]]) -> None:
    """The first event that differs, field by field: a wrong resume, or a coder that changed
    between the runs (the fields tell which)."""
    missing = {e[0]: json.loads(e[2]) for e in want - got}
    extra = {e[0]: json.loads(e[2]) for e in got - want}
    for event_id in sorted(missing.keys() & extra.keys())[:1]:
        a, b = missing[event_id], extra[event_id]
        fields = sorted(k for k in a.keys() | b.keys() if a.get(k) != b.get(k))
        print(f"event {event_id} differs in {fields}")
    only = sorted(missing.keys() ^ extra.keys())
    if only:
        print(f"{len(only)} event ids in one store only, e.g. {only[:3]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument("--articles", type=int, help="only the first N articles of the zip")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--crash-kills", type=int, default=3, help="0 skips the crash test")
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    print(f"marsad {marsad.__version__}, {os.cpu_count()} CPUs", file=sys.stderr)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        corpus = subset(args.zip, args.articles, folder)
        if not args.skip_speed:
            speed(corpus, folder, args.workers)
        if args.crash_kills:
            crash(corpus, folder, args.crash_kills, max(args.workers))


if __name__ == "__main__":
    main()
