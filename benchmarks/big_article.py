"""`marsad code` on one very long article, at growing sizes, printed as one table.

The article is the shipped seed example, or with ``--zip`` the SaudiNewsNet articles of one day
joined (CC BY-NC-SA, never shipped), repeated until it reaches each size (1, 2, 5 and 10 MB by
default) and cut at the first paragraph end past it. It is written with a ``date`` header and
coded by ``marsad code --format jsonl`` in a child process pinned to one core, as a user runs it.
For each size the table gives the wall-clock seconds, the seconds per MB after the start-up (a
run on one paragraph), the sentences per second and the child's peak memory. Seconds per MB that
stay flat as the size grows show every stage is linear in the article's length; a stage that
compares every sentence or event with every other shows as seconds per MB that climb. Usage:

    .venv/bin/python benchmarks/big_article.py [--sizes 1 2 5 10] [--zip PATH] [--cpu N]
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
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.types import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import build_name, load_articles, pin_to_one_core

SEED_NAME = "ar-2021-05-karabakh.txt"
PROGRAM = "import sys; from marsad.cli import main; sys.exit(main(sys.argv[1:]))"
MB = 1_000_000


def seed_body() -> tuple[str, str]:
    """The seed's text and its day."""
    raw = resources.files("marsad").joinpath("examples", SEED_NAME).read_text(encoding="utf-8")
    return split_header(raw)[1], "2021-05-19"


def news_body(path: Path) -> tuple[str, str]:
    """The articles of a SaudiNewsNet zip as paragraphs of one text, and the first one's day."""
    articles = load_articles(path, 0)
    return "\n\n".join(a.text.strip() for a in articles), articles[0].date or ""


def article_text(body: str, size: int) -> str:
    """``body`` repeated until it reaches ``size`` bytes, cut at the first paragraph end past
    it; its first paragraph when ``size`` is 0."""
    copies = size // len(body.encode("utf-8")) + 1
    encoded = "\n\n".join([body] * copies).encode("utf-8")
    end = encoded.find(b"\n\n", size)
    return encoded[: end if end >= 0 else len(encoded)].decode("utf-8")


def count_sentences(text: str, day: str) -> int:
    splitter = Pipeline(default_stages(("normalize", "sentences")), strict=True)
    return len(splitter(Article(id="big", text=text, date=day)).sentences)


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
    parser.add_argument("--zip", type=Path, default=None, help="a SaudiNewsNet daily zip")
    parser.add_argument("--cpu", type=int, default=None, help="the CPU the runs are pinned to")
    args = parser.parse_args(argv)
    pinned = pin_to_one_core(args.cpu)  # the children inherit it
    body, day = seed_body() if args.zip is None else news_body(args.zip)
    rows = []
    with tempfile.TemporaryDirectory() as folder:

        def run(size: int) -> tuple[str, float, float, int]:
            text = article_text(body, size)
            path = Path(folder) / f"article-{size}.txt"
            path.write_text(f"date {day}\n{text}", encoding="utf-8")
            return text, *run_child(path)

        _, start_up, start_memory, _ = run(0)
        rows.append(["one paragraph", "-", "-", f"{start_up:.1f}", "-", "-", f"{start_memory:.0f}"])
        for size_mb in args.sizes:
            text, seconds, memory, records = run(int(size_mb * MB))
            megabytes = len(text.encode("utf-8")) / MB
            sentences = count_sentences(text, day)
            coding = max(seconds - start_up, 1e-9)
            rows.append(
                [
                    f"{megabytes:.1f}",
                    f"{sentences:,}",
                    f"{records:,}",
                    f"{seconds:.1f}",
                    f"{coding / megabytes:.2f}",
                    f"{sentences / coding:,.0f}",
                    f"{memory:.0f}",
                ]
            )
    source = "the seed article" if args.zip is None else f"the articles of {args.zip.name}"
    print(f"marsad {marsad.__version__} ({build_name()}): {source} as one article; {pinned}")
    print()
    header = ["MB", "sentences", "records", "seconds", "s / MB", "sentences / s", "peak MB"]
    print(render_table(header, rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
