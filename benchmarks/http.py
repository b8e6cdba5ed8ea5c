"""``/api/events`` under load: requests per second and latency on a store of 100,000 events,
served by ``marsad serve`` with 1 and 2 uvicorn workers, driven over loopback by wrk (Debian's
``wrk``; without it, a small asyncio HTTP/1.1 client in another process).

The store is made from real coded events: the example articles shipped in the package are
coded once, then saved again and again through the store API as new articles, each with a new
id, a day between 2019 and 2024, an outlet, and the countries on each side swapped for others
(so dyads, clusters and filters behave as in a real store). Usage:

    .venv/bin/python benchmarks/http.py [--events 100000] [--db PATH] [--seconds 10]
        [--connections 16] [--workers 1 2]
"""

from __future__ import annotations

import sys
from pathlib import Path

# Run as a script, this file's folder comes first on sys.path, where this file would hide the
# standard library's http package from urllib.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import argparse  # noqa: E402
import dataclasses  # noqa: E402
import datetime as dt  # noqa: E402
import hashlib  # noqa: E402
import os  # noqa: E402
import random  # noqa: E402
import shutil  # noqa: E402
import socket  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
import urllib.request  # noqa: E402

import marsad  # noqa: E402
from marsad.io.readers import read_examples  # noqa: E402
from marsad.store import open_store  # noqa: E402
from marsad.types import ActorRef, Article, DateRef, Document, EventRecord  # noqa: E402

MARSAD = [sys.executable, "-c", "import sys; from marsad.cli import main; sys.exit(main())"]
CODES = [
    "RUS",
    "ARM",
    "AZE",
    "TUR",
    "IRN",
    "EGY",
    "SAU",
    "SDN",
    "YEM",
    "SYR",
    "IRQ",
    "ISR",
    "PSE",
    "LBN",
    "JOR",
    "USA",
    "GBR",
    "FRA",
    "DEU",
    "CHN",
    "UKR",
    "QAT",
    "ARE",
    "OMN",
    "KWT",
    "BHR",
    "LBY",
    "TUN",
    "DZA",
    "MAR",
]
OUTLETS = [f"outlet-{n}" for n in range(20)]
QUERIES = (
    ("first page", "/api/events"),
    ("type + page 3", "/api/events?type=CONSULT&page=3&per_page=20"),
    ("country + since", "/api/events?country=RUS&since=2023-01-01&per_page=20"),
)
WRK_SCRIPT = """
done = function(summary, latency, requests)
  local e = summary.errors
  local failed = e.connect + e.read + e.write + e.timeout
  io.write(string.format("RESULT %d %d %.1f %.1f %d %d\\n", summary.requests,
    summary.duration, latency:percentile(50), latency:percentile(95), e.status, failed))
end
"""


def coded_examples() -> list[Document]:
    pipeline = marsad.load()
    return [pipeline(item) for item, _ in read_examples() if isinstance(item, Article)]


def _swap(refs: tuple[ActorRef, ...], codes: dict[str, str]) -> tuple[ActorRef, ...]:
    return tuple(dataclasses.replace(r, code=codes.get(r.code or "", r.code)) for r in refs)


def synthetic(doc: Document, n: int, rng: random.Random) -> tuple[Article, list[EventRecord]]:
    """The n-th copy of a coded article: new id, day, outlet and countries."""
    day = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(6 * 365))
    article = dataclasses.replace(
        doc.article, id=f"synthetic-{n:07d}", date=day.isoformat(), source=rng.choice(OUTLETS)
    )
    known = sorted({r.code for e in doc.events for r in (*e.actor, *e.recipient) if r.code})
    codes = dict(zip(known, rng.sample(CODES, len(known)), strict=True))
    events = []
    for event in doc.events:
        new_id = hashlib.sha1(f"{article.id}\t{event.id}".encode()).hexdigest()[:16]
        date = DateRef(day.isoformat(), "day", method="article")
        events.append(
            dataclasses.replace(
                event,
                id=new_id,
                story_id=article.id,
                date=date,
                actor=_swap(event.actor, codes),
                recipient=_swap(event.recipient, codes),
            )
        )
    return article, events


def build(path: Path, target: int) -> tuple[int, float]:
    """A store of at least ``target`` events at ``path`` (kept when it has them already)."""
    started = time.perf_counter()
    with open_store(str(path)) as store:
        have = store.count_events()
        if have >= target:
            return have, 0.0
        docs = [d for d in coded_examples() if d.events]
        rng = random.Random(8)
        n = store.count_articles()
        while have < target:
            article, events = synthetic(docs[n % len(docs)], n, rng)
            have += store.save(article, events)
            n += 1
            if n % 5000 == 0:
                print(f"  {have:,} events ...", file=sys.stderr)
        return have, time.perf_counter() - started


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start(db: Path, workers: int) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    args = ["serve", "--db", str(db), "--port", str(port), "--workers", str(workers)]
    process = subprocess.Popen([*MARSAD, *args], stdout=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(base + "/api/stats", timeout=5):
                return process, base
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit("marsad serve did not start")


def run_wrk(
    url: str, seconds: int, connections: int, script: Path
) -> tuple[float, float, float, int]:
    out = subprocess.run(
        ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "-s", str(script), url],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    line = next(row for row in out.splitlines() if row.startswith("RESULT"))
    requests, duration, p50, p95, status, socket_errors = line.split()[1:]
    rate = int(requests) / (int(duration) / 1e6)
    return rate, float(p50) / 1000, float(p95) / 1000, int(status) + int(socket_errors)


def run_python(url: str, seconds: int, connections: int) -> tuple[float, float, float, int]:
    """The fallback load generator: tests/../benchmarks/loadgen.py in its own process."""
    out = subprocess.run(
        [
            sys.executable,
            str(Path(__file__).with_name("loadgen.py")),
            url,
            str(seconds),
            str(connections),
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]), int(out[3])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--events", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="keep the store here (reused when big enough)")
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="marsad-http-"))
    db = args.db or folder / "events.db"
    events, took = build(db, args.events)
    print(f"store {db}: {events:,} events (built in {took:.0f} s)")
    script = folder / "report.lua"
    script.write_text(WRK_SCRIPT)
    tool = "wrk" if shutil.which("wrk") else "python"
    print(f"load: {tool}, {args.connections} connections, {args.seconds} s a row, loopback\n")
    rows = []
    for workers in args.workers:
        process, base = start(db, workers)
        try:
            for name, path in QUERIES:
                urllib.request.urlopen(base + path, timeout=30).read()  # warm up
                if tool == "wrk":
                    rate, p50, p95, errors = run_wrk(
                        base + path, args.seconds, args.connections, script
                    )
                else:
                    rate, p50, p95, errors = run_python(base + path, args.seconds, args.connections)
                rows.append((workers, name, rate, p50, p95, errors))
        finally:
            process.terminate()
            process.wait(timeout=20)
    print(f"{'workers':>7}  {'query':<16} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'errors':>7}")
    print(f"{'-' * 7}  {'-' * 16} {'-' * 8} {'-' * 8} {'-' * 8} {'-' * 7}")
    for workers, name, rate, p50, p95, errors in rows:
        print(f"{workers:>7}  {name:<16} {rate:>8.0f} {p50:>8.1f} {p95:>8.1f} {errors:>7}")
    if not args.db:
        shutil.rmtree(folder, ignore_errors=True)
    os.environ.pop("MARSAD_SERVE_SETTINGS", None)


if __name__ == "__main__":
    main()
