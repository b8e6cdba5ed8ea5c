"""Event dates and places on hand-written Arabic cases, and what the two stages cost.

Scores tests/lang/ar/places/cases.jsonl (and any other JSON Lines file of the same kind
given with --cases): dates right (value and precision), place country right, place within
25 km. Then times every stage of the default pipeline on SaudiNewsNet articles (test
material only: CC BY-NC-SA, never shipped) and prints the share the dates and places stages
take. Usage:

    .venv/bin/python benchmarks/places.py [--cases FILE ...] [--zip PATH] [--articles N]
"""

from __future__ import annotations

import argparse
import time
from collections import defaultdict
from pathlib import Path

import marsad
from marsad.eval.places import read_cases, score_cases
from marsad.stages import default_stages
from marsad.types import Article, Document

ROOT = Path(__file__).resolve().parents[1]
CASES = ROOT / "tests/lang/ar/places/cases.jsonl"
ZIP = ROOT.parent / "shared/data/news-saudinewsnet/2015-07-21.zip"


def accuracy(paths: list[Path]) -> list[tuple[str, str]]:
    late = default_stages(("dates", "places"))
    rows: list[tuple[str, str]] = []
    for path in paths:
        results = score_cases(marsad.load(), late, read_cases(path))
        n = len(results)
        with_place = [r for r in results if r.case.place is not None]

        def share(count: int, total: int) -> str:
            return f"{100 * count / total:.1f}% ({count}/{total})" if total else "-"

        none = [r for r in results if r.case.place is None]
        rows += [
            (f"{path.name}: cases", f"{n} ({sum(r.stand_in for r in results)} stand-in events)"),
            ("dates right", share(sum(r.date_right for r in results), n)),
            (
                "place country right",
                share(sum(r.country_right for r in with_place), len(with_place)),
            ),
            ("place within 25 km", share(sum(r.near for r in with_place), len(with_place))),
            ("no place where none", share(sum(r.country_right for r in none), len(none))),
        ]
    return rows


def stage_seconds(articles: list[Article]) -> dict[str, float]:
    """Seconds each stage of the default pipeline takes over ``articles``."""
    pipeline = marsad.load()
    pipeline(articles[0])  # loads the data, the knowledge base and the gazetteer
    spent: dict[str, float] = defaultdict(float)
    for article in articles:
        doc = Document(article)
        for stage in pipeline.stages:
            started = time.perf_counter()
            doc = stage(doc)
            spent[stage.name] += time.perf_counter() - started
    return spent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cases", type=Path, nargs="*", default=[CASES])
    parser.add_argument("--zip", type=Path, default=ZIP)
    parser.add_argument("--articles", type=int, default=300)
    args = parser.parse_args()

    rows = accuracy(args.cases)
    if args.zip.exists():
        import sys

        sys.path.insert(0, str(ROOT / "benchmarks"))
        from throughput import load_articles

        articles = load_articles(args.zip, args.articles)
        spent = stage_seconds(articles)
        total = sum(spent.values())
        added = spent["dates"] + spent["places"]
        rows += [
            ("articles timed", f"{len(articles)}"),
            ("pipeline (s)", f"{total:.2f}"),
            ("dates stage (s)", f"{spent['dates']:.3f}"),
            ("places stage (s)", f"{spent['places']:.3f}"),
            ("dates + places / rest", f"{100 * added / (total - added):.1f}%"),
        ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 24}")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
