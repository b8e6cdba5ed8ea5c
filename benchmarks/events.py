"""Event coding against the project's targets, printed as one table.

Accuracy on the Arabic event GSR dev split (test material only, never shipped): detection of
ASSAULT and PROTEST on ``assault_gsr_dev.csv`` and ``protest_gsr_dev.csv`` (yes = positive,
easy no and difficult no = negative, ambiguous left out; a sentence is predicted positive when
marsad codes an event of the type in it), and source and target codes on ``actors_dev.jsonl``,
through :mod:`marsad.eval` (the same code as ``marsad eval detection`` and ``marsad eval
actors``). Throughput on a SaudiNewsNet daily zip (CC BY-NC-SA, never shipped): the articles
are split into sentences by marsad's own normalize and sentences stages, then each sentence
is coded as one text by the default pipeline, in this process, pinned to one core where the
system allows it; sentences/s = sentences / coding seconds (loading and a warm-up sentence
are timed apart), by the wall clock and by the process's CPU time (the second is the better
estimate when other processes share the core). Peak memory is the process's maximum resident
set size (``resource.getrusage``), which includes the benchmark's own data. Usage:

    .venv/bin/python benchmarks/events.py [--gsr DIR] [--zip PATH] [--articles N] [--cpu N]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import sys
import time
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import marsad
from marsad.eval import (
    ActorScores,
    SentenceCoder,
    Share,
    TypeScore,
    evaluate_actors,
    evaluate_detection,
    read_actor_gold,
    read_gsr_csvs,
)
from marsad.eval.report import fmt_score, fmt_share, render_table
from marsad.pipeline import Pipeline
from marsad.stages import default_stages
from marsad.types import Article

SHARED = Path(__file__).resolve().parents[2] / "shared" / "data"
DEFAULT_GSR = SHARED / "events-ar-gsr-dev"
DEFAULT_ZIP = SHARED / "news-saudinewsnet" / "2015-07-21.zip"
GSR_CSVS = ("assault_gsr_dev.csv", "protest_gsr_dev.csv")
GSR_ACTORS = "actors_dev.jsonl"

#: The targets of the project's issue 5.
F1_TARGET = {"ASSAULT": 0.85, "PROTEST": 0.80}
SOURCE_TARGET = 0.75  # source country and sector right, share of gold events
SPEED_TARGET = 2000.0  # sentences per second on one core
MEMORY_TARGET_MB = 1024.0


@dataclass(frozen=True, slots=True)
class Speed:
    articles: int
    sentences: int
    tokens: int
    events: int
    split_seconds: float
    load_seconds: float
    seconds: float  # wall-clock coding time
    cpu_seconds: float  # the process's CPU time while coding

    @property
    def per_second(self) -> float:
        return self.sentences / self.seconds if self.seconds else 0.0

    @property
    def per_cpu_second(self) -> float:
        return self.sentences / self.cpu_seconds if self.cpu_seconds else 0.0


def pin_to_one_core(cpu: int | None) -> str:
    """Run on one CPU (the first allowed one unless ``cpu`` is given); say which."""
    if not hasattr(os, "sched_setaffinity"):
        return "not pinned (no sched_setaffinity on this system)"
    allowed = sorted(os.sched_getaffinity(0))
    chosen = cpu if cpu is not None else allowed[0]
    if chosen not in allowed:
        raise SystemExit(f"--cpu {chosen}: not one of the allowed CPUs {allowed}")
    os.sched_setaffinity(0, {chosen})
    return f"pinned to CPU {chosen} of {len(allowed)}"


def load_articles(path: Path, limit: int) -> list[Article]:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".json"))
        records = json.loads(archive.read(name))
    chosen = records if limit <= 0 else records[:limit]
    return [
        Article(id=f"{path.stem}-{i}", text=r["content"], date=r["date_extracted"][:10])
        for i, r in enumerate(chosen)
        if r.get("content")
    ]


def split_sentences(articles: Sequence[Article]) -> list[Article]:
    """Each sentence of each article as an article of its own, split by marsad's stages."""
    splitter = Pipeline(default_stages(("normalize", "sentences")), strict=True)
    sentences: list[Article] = []
    for article in articles:
        doc = splitter(article)
        for sentence in doc.sentences:
            text = doc.raw(sentence.span).strip()
            if text:
                sentences.append(
                    Article(id=f"{article.id}-{sentence.index}", text=text, date=article.date)
                )
    return sentences


def measure_speed(path: Path, limit: int) -> Speed:
    articles = load_articles(path, limit)
    started = time.perf_counter()
    sentences = split_sentences(articles)
    split_seconds = time.perf_counter() - started

    started = time.perf_counter()
    pipeline = marsad.load()
    pipeline(Article("warm-up", sentences[0].text, sentences[0].date))  # data and the KB load
    load_seconds = time.perf_counter() - started

    tokens = events = 0
    started = time.perf_counter()
    cpu_started = time.process_time()
    for sentence in sentences:
        doc = pipeline(sentence)
        tokens += len(doc.tokens)
        events += len(doc.events)
    seconds = time.perf_counter() - started
    cpu_seconds = time.process_time() - cpu_started
    return Speed(
        len(articles),
        len(sentences),
        tokens,
        events,
        split_seconds,
        load_seconds,
        seconds,
        cpu_seconds,
    )


def build_name() -> str:
    """``marsad.build()``; "pure Python" for code older than the compiled build (an old
    worktree's ``src`` on ``PYTHONPATH``, for a run before and after a change)."""
    build = getattr(marsad, "build", None)
    return str(build()) if callable(build) else "pure Python"


def peak_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024) if sys.platform == "darwin" else rss / 1024  # bytes on macOS


def _met(ok: bool) -> str:
    return "yes" if ok else "NO"


def detection_rows(score: TypeScore) -> list[list[str]]:
    c = score.confusion
    difficult = score.tally("difficult no").n
    target = F1_TARGET.get(score.event_type)
    f1_row = [score.event_type, "F1", fmt_score(c.f1), "", ""]
    if target is not None:
        f1_row[3:] = [f">= {target:.2f}", _met(c.f1 is not None and c.f1 >= target)]
    return [
        [
            score.event_type,
            "sentences pos / neg (difficult no) / left out",
            f"{score.positives} / {score.negatives} ({difficult}) / {score.left_out}",
            "",
            "",
        ],
        [score.event_type, "precision", fmt_score(c.precision), "", ""],
        [score.event_type, "recall", fmt_score(c.recall), "", ""],
        f1_row,
        [score.event_type, "FP rate on difficult no", fmt_score(score.difficult_fp_rate), "", ""],
    ]


def actor_rows(scores: ActorScores) -> list[list[str]]:
    def row(label: str, share: Share, target: float | None = None) -> list[str]:
        if target is None:
            return ["actors", label, fmt_share(share), "", ""]
        ok = share.value is not None and share.value >= target
        return ["actors", label, fmt_share(share), f">= {100 * target:.0f}%", _met(ok)]

    return [
        ["actors", "gold events (ASSAULT + PROTEST)", str(scores.events), "", ""],
        row("an event of the gold type coded", scores.typed),
        row("source code right", scores.source_code),
        row("source code+sector right", scores.source, SOURCE_TARGET),
        row("target code right", scores.target_code),
        row("target code+sector right", scores.target),
        row("source code+sector right, events coded", scores.source_typed),
        row("target code+sector right, events coded", scores.target_typed),
        row("gold source code among resolved actors", scores.source_recall),
        row("gold target code among resolved actors", scores.target_recall),
    ]


def speed_rows(speed: Speed, memory: float) -> list[list[str]]:
    return [
        ["throughput", "articles / sentences", f"{speed.articles:,} / {speed.sentences:,}", "", ""],
        ["throughput", "tokens / events", f"{speed.tokens:,} / {speed.events:,}", "", ""],
        ["throughput", "sentence split (s)", f"{speed.split_seconds:.2f}", "", ""],
        ["throughput", "load + warm-up sentence (s)", f"{speed.load_seconds:.2f}", "", ""],
        [
            "throughput",
            "coding time, wall / CPU (s)",
            f"{speed.seconds:.2f} / {speed.cpu_seconds:.2f}",
            "",
            "",
        ],
        [
            "throughput",
            "sentences / s, one core (wall clock)",
            f"{speed.per_second:,.0f}",
            f">= {SPEED_TARGET:,.0f}",
            _met(speed.per_second >= SPEED_TARGET),
        ],
        [
            "throughput",
            "sentences / s of CPU time",
            f"{speed.per_cpu_second:,.0f}",
            f">= {SPEED_TARGET:,.0f}",
            _met(speed.per_cpu_second >= SPEED_TARGET),
        ],
        [
            "memory",
            "peak resident set (MB)",
            f"{memory:,.0f}",
            f"<= {MEMORY_TARGET_MB:,.0f}",
            _met(memory <= MEMORY_TARGET_MB),
        ],
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--gsr", type=Path, default=DEFAULT_GSR, help="the GSR dev folder")
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP, help="a SaudiNewsNet zip")
    parser.add_argument(
        "--articles", type=int, default=0, help="code the first N articles (default 0: all)"
    )
    parser.add_argument("--cpu", type=int, help="the CPU to pin to (default: the first allowed)")
    args = parser.parse_args()

    pinned = pin_to_one_core(args.cpu)
    speed = measure_speed(args.zip, args.articles)

    rows = read_gsr_csvs([args.gsr / name for name in GSR_CSVS])
    coder = SentenceCoder(marsad.load())
    detection = evaluate_detection(rows, coder)
    gold = read_actor_gold(args.gsr / GSR_ACTORS)
    actors = evaluate_actors(gold, rows, coder, gold_file=str(args.gsr / GSR_ACTORS))
    memory = peak_mb()

    table: list[list[str]] = []
    for score in detection.scores:
        table += detection_rows(score)
    table += actor_rows(actors.group("all"))
    table += speed_rows(speed, memory)
    failed = len(detection.stage_errors) + len(actors.stage_errors)
    print(
        f"marsad {marsad.__version__}, {dt.date.today().isoformat()}: GSR dev split "
        f"({args.gsr.name}), {args.zip.name}; Python "
        f"{sys.version.split()[0]}, marsad {build_name()}, {pinned}"
    )
    print()
    print(render_table(("part", "measure", "value", "target", "met"), table, left=2))
    if failed:
        print(f"\nA stage failed on {failed} GSR sentences (see marsad eval ... for which).")


if __name__ == "__main__":
    main()
