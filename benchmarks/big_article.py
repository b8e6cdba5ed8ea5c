"""`marsad code` on one very long article, at growing sizes, printed as one table.

The article is the shipped seed example repeated until it reaches each size (1, 2, 5 and 10 MB
by default), written with a ``date`` header, and coded by ``marsad code --format jsonl`` in a
child process pinned to one core, as a user runs it. For each size the table gives the
wall-clock seconds, the seconds per MB after the start-up (a one-copy run), the seed's
sentences per second and the child's peak memory. Seconds per MB that stay flat as the size
grows show every stage is linear in the article's length; a stage that compares every sentence
or event with every other shows as seconds per MB that climb. Usage:

    .venv/bin/python benchmarks/big_article.py [--sizes 1 2 5 10] [--cpu N]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from importlib import resources
from pathlib import Path

import marsad
from marsad.eval.report import render_table
from marsad.io.readers import split_header

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import pin_to_one_core

SEED_NAME = "ar-2021-05-karabakh.txt"
PROGRAM = "import sys; from marsad.cli import main; sys.exit(main(sys.argv[1:]))"
MB = 1_000_000


def seed_body() -> str:
    raw = resources.files("marsad").joinpath("examples", SEED_NAME).read_text(encoding="utf-8")
    return split_header(raw)[1]


def write_article(body: str, size: int, folder: Path) -> tuple[Path, int]:
    """The seed repeated to at least ``size`` bytes; returns the file and the copies."""
    copies = max(1, size // len(body.encode("utf-8")) + 1) if size else 1
    path = folder / f"article-{size}.txt"
    path.write_text("date 2021-05-19\n" + "\n\n".join([body] * copies), encoding="utf-8")
    return path, copies


def run_child(path: Path) -> tuple[float, float, int]:
    """Wall seconds, peak memory in MB and records written by one `marsad code` run."""
    command = [sys.executable, "-c", PROGRAM, "code", str(path), "--format", "jsonl"]
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        started = time.perf_counter()
        child = subprocess.Popen(command, stdout=out, stderr=err)
        _, status, usage = os.wait4(child.pid, 0)  # the child's own peak memory, not ours
        seconds = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        if child.returncode != 0:
            err.seek(0)
            message = err.read().decode("utf-8", "replace")[-2000:]
            raise SystemExit(f"marsad code failed on {path}:\n{message}")
        out.seek(0)
        records = sum(1 for line in out if line.strip())
    return seconds, usage.ru_maxrss / 1024, records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=float, nargs="+", default=[1, 2, 5, 10], help="MB")
    parser.add_argument("--cpu", type=int, default=None, help="the CPU the runs are pinned to")
    args = parser.parse_args(argv)
    pinned = pin_to_one_core(args.cpu)  # the children inherit it
    body = seed_body()
    per_copy = len(marsad.analyze(body, "2021-05-19").sentences)
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        path, _ = write_article(body, 0, Path(folder))
        start_up, start_memory, _ = run_child(path)
        rows.append(["one copy", "-", "-", f"{start_up:.1f}", "-", "-", f"{start_memory:.0f}"])
        for size_mb in args.sizes:
            path, copies = write_article(body, int(size_mb * MB), Path(folder))
            megabytes = path.stat().st_size / MB
            seconds, memory, records = run_child(path)
            coding = max(seconds - start_up, 1e-9)
            rows.append(
                [
                    f"{megabytes:.1f}",
                    f"{copies * per_copy:,}",
                    f"{records:,}",
                    f"{seconds:.1f}",
                    f"{coding / megabytes:.2f}",
                    f"{copies * per_copy / coding:,.0f}",
                    f"{memory:.0f}",
                ]
            )
    print(f"marsad {marsad.__version__}: the seed article repeated; {pinned}")
    print()
    header = ["MB", "sentences", "records", "seconds", "s / MB", "sentences / s", "peak MB"]
    print(render_table(header, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
