"""Pipeline throughput on real news: articles, tokens and events per second, one process.

Reads the first N articles of a SaudiNewsNet daily zip (test material only: CC BY-NC-SA,
never shipped) and prints one table. Usage:

    .venv/bin/python benchmarks/throughput.py [--zip PATH] [--articles N]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import zipfile
from pathlib import Path

import marsad
from marsad.types import Article

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import build_name

DEFAULT_ZIP = Path(__file__).resolve().parents[2] / "shared/data/news-saudinewsnet/2015-07-21.zip"


def load_articles(path: Path, limit: int) -> list[Article]:
    with zipfile.ZipFile(path) as archive:
        name = next(n for n in archive.namelist() if n.endswith(".json"))
        records = json.loads(archive.read(name))
    return [
        Article(id=f"{path.stem}-{i}", text=r["content"], date=r["date_extracted"][:10])
        for i, r in enumerate(records[:limit])
        if r.get("content")
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=DEFAULT_ZIP)
    parser.add_argument("--articles", type=int, default=500)
    args = parser.parse_args()

    articles = load_articles(args.zip, args.articles)
    started = time.perf_counter()
    pipeline = marsad.load()
    pipeline(Article("warm-up", articles[0].text, articles[0].date))  # loads data and the KB
    load_seconds = time.perf_counter() - started

    tokens = events = chars = 0
    started = time.perf_counter()
    for article in articles:
        doc = pipeline(article)
        tokens += len(doc.tokens)
        events += len(doc.events)
        chars += len(article.text)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024

    rows = [
        ("marsad build", build_name()),
        ("articles", f"{len(articles)}"),
        ("characters", f"{chars:,}"),
        ("tokens", f"{tokens:,}"),
        ("events", f"{events}"),
        ("load + first article (s)", f"{load_seconds:.2f}"),
        ("coding time (s)", f"{seconds:.2f}"),
        ("articles / s", f"{len(articles) / seconds:.1f}"),
        ("tokens / s", f"{tokens / seconds:,.0f}"),
        ("peak memory (MB)", f"{peak_mb:.0f}"),
    ]
    width = max(len(k) for k, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  {'-' * 12}")
    for key, value in rows:
        print(f"{key:<{width}}  {value}")


if __name__ == "__main__":
    main()
