"""The shipped NER tagger on the CAMeL Lab ANERcorp test split: accuracy, speed and size.

Trains nothing: loads the model shipped in the package and prints exact-span precision, recall
and F1 per type and overall on ``ANERCorp_CamelLab_test.txt`` (the standard test set, never
trained or tuned on) twice: each sentence tagged alone (``Tagger.tag``), and the sentences
tagged as documents (``Tagger.tag_document``) of ``WINDOW`` consecutive sentences, since the
file has no document breaks (the dev slices are cut the same way). Then tokens tagged per
second on one core (features included, best of ``--repeat`` passes with a cold feature cache
each), and the model's size. With ``--train-time`` it also trains a model from
``../shared/data`` into a scratch file and times it.
Usage:

    .venv/bin/python benchmarks/ner.py [--test PATH] [--repeat N] [--train-time]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from marsad.ner import Tagger
from marsad.ner.corpus import read_anercorp
from marsad.ner.document import WINDOW, tag_in_documents
from marsad.ner.evaluate import score
from marsad.ner.features import Features
from marsad.ner.tagger import shipped_model
from marsad.ner.train import CAMEL_TEST, build

SHARED_DATA = Path(__file__).resolve().parents[2] / "shared" / "data"


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--test", type=Path, default=SHARED_DATA / CAMEL_TEST)
    parser.add_argument("--repeat", type=int, default=3, help="timed passes (default: 3)")
    parser.add_argument(
        "--train-time", action="store_true", help="also time a training run (a few minutes)"
    )
    args = parser.parse_args()

    sentences = read_anercorp(args.test)
    started = time.perf_counter()
    tagger = Tagger.load()
    load_seconds = time.perf_counter() - started
    predicted = [tagger.tag(s.tokens) for s in sentences]
    scores = score([s.tags for s in sentences], predicted)
    together = tag_in_documents(tagger, [s.tokens for s in sentences])
    documents = score([s.tags for s in sentences], together)

    best = float("inf")
    for _ in range(max(1, args.repeat)):
        features = tagger.features
        # a cold cache each pass
        tagger.features = Features(
            features.gazetteer, features.names, features.frequencies, features.cues
        )
        started = time.perf_counter()
        for s in sentences:
            tagger.tag(s.tokens)
        best = min(best, time.perf_counter() - started)

    print(f"Test: {args.test.name}, {len(sentences)} sentences, {scores.tokens} tokens")
    print()
    print("each sentence alone:")
    print(scores.table())
    print()
    print(f"as documents of {WINDOW} sentences:")
    print(documents.table())
    print()
    rows = [
        ("model size (MB)", f"{shipped_model().stat().st_size / 1e6:.2f}"),
        ("model + knowledge-base load (s)", f"{load_seconds:.2f}"),
        ("tokens / s (one core, cold cache)", f"{scores.tokens / best:,.0f}"),
    ]
    if args.train_time:
        with tempfile.TemporaryDirectory() as scratch:
            report = build(SHARED_DATA, Path(scratch, "model.crfsuite"))
        rows.append(("training time (s)", f"{report.seconds:.0f}"))
        rows.append(("training tokens", f"{report.tokens:,}"))
    width = max(len(name) for name, _ in rows)
    print(f"{'measure':<{width}}  value")
    print(f"{'-' * width}  -------")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
