"""Instructions the pipeline executes on SaudiNewsNet sentences, counted by valgrind: one table.

Seconds on a shared host move by a fifth between runs minutes apart; the number of
instructions a run executes does not (valgrind's callgrind counts them, whatever else the
machine does), so it tells a small change on a hot path from noise, and the compiled build from
the pure one. The script runs itself twice under valgrind, each time reading the first N
articles of a SaudiNewsNet daily zip (CC BY-NC-SA, never shipped), splitting their sentences as
``events.py`` does and loading the pipeline, warmed on the packaged examples; one run then codes
each sentence as one text, the other none. The difference is the coding alone. Under valgrind
Python runs some fifty times slower: 60 articles take about five minutes. Run it for the code
before and after a change (``PYTHONPATH=<a worktree>/src`` for the old one;
``PYTHONPATH=build/compiled`` for the compiled build). Usage:

    .venv/bin/python benchmarks/instructions.py [--zip PATH] [--articles N]
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

import marsad
from marsad.eval.report import render_table
from marsad.io.readers import ReadFailure, read_examples

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import DEFAULT_ZIP, build_name, load_articles, split_sentences

COLLECTED = re.compile(r"Collected\s*:\s*(\d+)")


def code_sentences(zip_path: Path, articles: int, code: bool) -> int:
    """The child's work: split the sentences of ``articles`` articles, load and warm the
    pipeline, and code the sentences if ``code``."""
    sentences = split_sentences(load_articles(zip_path, articles))
    pipeline = marsad.load()
    # in both runs alike: data and the knowledge base load, and the caches a long run has warm
    # fill, on the packaged example articles
    for result, _origin in read_examples():
        if not isinstance(result, ReadFailure):
            pipeline(result)
    chosen = sentences if code else []
    for sentence in chosen:
        pipeline(sentence)
    return len(chosen)


def count(zip_path: Path, articles: int, code: bool) -> tuple[int, int]:
    """Instructions of a child run under callgrind, and the sentences it coded."""
    command = [
        "valgrind",
        "--tool=callgrind",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        __file__,
        "--zip",
        str(zip_path),
        "--articles",
        str(articles),
        "--child",
        "code" if code else "load",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    found = COLLECTED.search(done.stderr)
    if done.returncode != 0 or found is None:
        raise SystemExit(f"valgrind run failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return int(found.group(1)), int(done.stdout.split()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP, help="a SaudiNewsNet daily zip")
    parser.add_argument("--articles", type=int, default=60, help="articles whose sentences run")
    parser.add_argument("--child", choices=("code", "load"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child is not None:
        print(code_sentences(args.zip, args.articles, args.child == "code"))
        return 0
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (Debian: apt-get install valgrind)")
    if args.articles < 1:
        raise SystemExit("--articles must be 1 or more")
    base, _ = count(args.zip, args.articles, code=False)
    total, sentences = count(args.zip, args.articles, code=True)
    coding = total - base
    print(f"marsad {marsad.__version__} ({build_name()}): {args.zip.name}, valgrind callgrind")
    print()
    rows = [
        ["articles / sentences coded", f"{args.articles:,} / {sentences:,}"],
        ["instructions, start-up, reading, splitting, loading", f"{base:,}"],
        ["instructions, coding", f"{coding:,}"],
        ["instructions per sentence", f"{coding // max(sentences, 1):,}"],
    ]
    print(render_table(["measure", "value"], rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
