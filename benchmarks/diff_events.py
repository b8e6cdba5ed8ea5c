"""What a change to marsad does to the events of real news: dump, then compare.

``dump`` codes the first N articles of a SaudiNewsNet daily zip (CC BY-NC-SA, never shipped)
with the marsad on the path and writes one JSON line per event: the article and sentence, the
type and mode, the triggers, actors and recipients (code/sector:text), the date and how it was
found, how many tellings the record merges, and the sentence. ``compare`` reads two dumps, made
by the code before and after a change, and prints every record that differs, matched by
article, sentence, type and first trigger, then a table of the counts. Read the changed
records: the dev set is small, and a rule is only as good as what it does to the news.

    PYTHONPATH=<worktree of the old code>/src .venv/bin/python benchmarks/diff_events.py \\
        dump --articles 700 --out old.jsonl
    .venv/bin/python benchmarks/diff_events.py dump --articles 700 --out new.jsonl
    .venv/bin/python benchmarks/diff_events.py compare old.jsonl new.jsonl
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import marsad
from marsad.eval.report import render_table
from marsad.types import ActorRef, Document

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import DEFAULT_ZIP, load_articles

Record = dict[str, Any]
Key = tuple[str, int, str, str]
SHOWN = ("event", "mode", "triggers", "actors", "recipients", "date", "tellings")


def _party(actor: ActorRef) -> str:
    return f"{actor.code or '-'}/{actor.sector or '-'}:{actor.entity_text}"


def event_records(doc: Document) -> Iterator[Record]:
    for event in doc.events:
        first = event.evidence[0]
        yield {
            "article": doc.article.id,
            "sentence": first.sentence,
            "event": event.event,
            "mode": event.mode,
            "triggers": [e.text for e in event.evidence],
            "actors": [_party(a) for a in event.actor],
            "recipients": [_party(a) for a in event.recipient],
            "date": event.date.value if event.date else None,
            "date_method": event.date.method if event.date else None,
            "tellings": len(event.evidence),
            "text": doc.raw(doc.sentences[first.sentence].span).strip(),
        }


def dump(zip_path: Path, articles: int, out: Path) -> int:
    pipeline = marsad.load()
    written = 0
    with out.open("w", encoding="utf-8") as sink:
        for doc in pipeline.pipe(load_articles(zip_path, articles)):
            for record in event_records(doc):
                sink.write(json.dumps(record, ensure_ascii=False) + "\n")
                written += 1
    print(f"{written:,} events of {articles} articles of {zip_path.name} in {out}")
    return 0


def _key(record: Record) -> Key:
    return record["article"], record["sentence"], record["event"], record["triggers"][0]


def read_dump(path: Path) -> tuple[dict[Key, Record], int]:
    """The records by key, and how many lines there were (two events of one sentence may share
    a key: the first is kept)."""
    with path.open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines]
    by_key: dict[Key, Record] = {}
    for record in records:
        by_key.setdefault(_key(record), record)
    return by_key, len(records)


def _shown(record: Record | None) -> dict[str, Any] | None:
    return None if record is None else {name: record[name] for name in SHOWN}


def compare(old_path: Path, new_path: Path) -> int:
    (old, old_count), (new, new_count) = read_dump(old_path), read_dump(new_path)
    counts = dict.fromkeys(("removed", "added", "changed"), 0)
    for key in sorted(old.keys() | new.keys()):
        before, after = _shown(old.get(key)), _shown(new.get(key))
        if before == after:
            continue
        kind = "added" if before is None else "removed" if after is None else "changed"
        counts[kind] += 1
        text = (old.get(key) or new[key])["text"]
        print(f"{kind}: article {key[0]}, sentence {key[1]}: {text[:300]}")
        print(f"  - {json.dumps(before, ensure_ascii=False)}")
        print(f"  + {json.dumps(after, ensure_ascii=False)}")
    print()
    rows = [["events before", f"{old_count:,}"], ["events after", f"{new_count:,}"]]
    rows += [[f"records {kind}", f"{n:,}"] for kind, n in counts.items()]
    print(render_table(["measure", "value"], rows))
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    dumping = commands.add_parser("dump", help="write the events of N articles as JSON lines")
    dumping.add_argument("--zip", type=Path, default=DEFAULT_ZIP, help="a SaudiNewsNet daily zip")
    dumping.add_argument("--articles", type=int, default=700, help="articles read (0: all)")
    dumping.add_argument("--out", type=Path, required=True, help="the JSON lines file to write")
    comparing = commands.add_parser("compare", help="the records two dumps differ in")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.zip, args.articles, args.out)
    return compare(args.old, args.new)


if __name__ == "__main__":
    raise SystemExit(main())
