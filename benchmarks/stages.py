"""Seconds each pipeline stage takes on SaudiNewsNet sentences, printed as one table.

The sentences of the first N articles of a SaudiNewsNet daily zip (CC BY-NC-SA, never shipped),
split by marsad's own normalize and sentences stages as in ``events.py``, are each coded as one
text by the default pipeline, stage by stage, in this process pinned to one core; every stage's
time is summed over the sentences and the best of R repeats is kept (the first repeat also
fills the caches a long run has warm). Run it for the code before and after a change on a hot
path (``PYTHONPATH=<a worktree>/src`` for the old one), alternating: the machine's speed moves
by 10-15 % between runs minutes apart, far more than most changes. Usage:

    .venv/bin/python benchmarks/stages.py [--zip PATH] [--articles N] [--repeat R] [--cpu N]
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import marsad
from marsad.eval.report import render_table
from marsad.types import Article, Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import DEFAULT_ZIP, build_name, load_articles, pin_to_one_core, split_sentences


def stage_seconds(sentences: list[Article], repeat: int) -> dict[str, float]:
    pipeline = marsad.load()
    pipeline(sentences[0])  # data and the knowledge base load
    best: dict[str, float] = {stage.name: float("inf") for stage in pipeline.stages}
    for _ in range(repeat):
        spent = dict.fromkeys(best, 0.0)
        for sentence in sentences:
            doc = Document(article=sentence)
            for stage in pipeline.stages:
                started = time.perf_counter()
                doc = stage(doc)
                spent[stage.name] += time.perf_counter() - started
        best = {name: min(best[name], spent[name]) for name in best}
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP, help="a SaudiNewsNet daily zip")
    parser.add_argument("--articles", type=int, default=1000, help="articles read (0: all)")
    parser.add_argument("--repeat", type=int, default=2, help="passes; the best is kept")
    parser.add_argument("--cpu", type=int, default=None, help="the CPU to pin to")
    args = parser.parse_args(argv)
    pinned = pin_to_one_core(args.cpu)
    sentences = split_sentences(load_articles(args.zip, args.articles))
    seconds = stage_seconds(sentences, max(1, args.repeat))
    total = sum(seconds.values())
    print(
        f"marsad {marsad.__version__} ({build_name()}): {args.zip.name}, "
        f"{len(sentences):,} sentences; {pinned}"
    )
    print()
    rows = [[name, f"{s:.3f}", f"{100 * s / total:.1f}"] for name, s in seconds.items()]
    rows.append(["total", f"{total:.3f}", "100.0"])
    rows.append(["sentences / s", f"{len(sentences) / total:,.0f}", ""])
    print(render_table(["stage", "seconds", "%"], rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
