"""The named-entity commands: ``marsad ner-tag``, ``marsad ner-eval`` and ``marsad ner-train``.

Each takes parsed arguments (and the pipeline factory, unused) and returns an exit status.
"""

from __future__ import annotations

import argparse
import io
import json
import sys
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TextIO

from marsad.cli.commands import warn
from marsad.errors import DataError
from marsad.ingest import PipelineFactory
from marsad.ner import Tagger
from marsad.ner.corpus import read_file
from marsad.ner.evaluate import score
from marsad.ner.tagger import shipped_model
from marsad.ner.train import CV_FOLDS, Params, build, cross_validate

#: Where ``marsad ner-train`` reads the corpora by default (from the repository root).
DEFAULT_DATA = Path("..", "shared", "data")


def add_commands(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Register ``ner-tag``, ``ner-eval`` and ``ner-train`` on the ``marsad`` parser."""
    tag = sub.add_parser("ner-tag", help="tag tokens (one a line) with entity BIO tags")
    tag.add_argument("path", metavar="FILE", help="one token a line, blank lines between sentences")
    _add_model(tag)
    tag.set_defaults(handler=ner_tag)

    evaluate = sub.add_parser("ner-eval", help="score the entity tagger on an ANERcorp file")
    evaluate.add_argument("path", metavar="FILE", help="'token TAG' lines, blank between sentences")
    _add_model(evaluate)
    evaluate.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="a table, or one JSON object (default: text)",
    )
    evaluate.set_defaults(handler=ner_eval)

    train = sub.add_parser("ner-train", help="train the entity tagger from the NER corpora")
    train.add_argument(
        "--data",
        type=Path,
        default=DEFAULT_DATA,
        metavar="DIR",
        help=f"where ner-anercorp/ and ner-newsfane-gold/ are (default: {DEFAULT_DATA})",
    )
    train.add_argument(
        "--out",
        type=Path,
        metavar="FILE",
        help="where to write the model (default: the shipped one)",
    )
    train.add_argument(
        "--dev",
        action="store_true",
        help="hold out a dev slice of ANERcorp, train on the rest and score the slice",
    )
    train.add_argument(
        "--cv",
        action="store_true",
        help="cross-validate on three dev slices of ANERcorp (writes no model)",
    )
    defaults = Params()
    train.add_argument("--c1", type=float, default=defaults.c1, metavar="X", help="L1 weight")
    train.add_argument("--c2", type=float, default=defaults.c2, metavar="X", help="L2 weight")
    train.add_argument(
        "--max-iterations",
        type=int,
        default=defaults.max_iterations,
        metavar="N",
        help=f"L-BFGS iterations at most (default: {defaults.max_iterations})",
    )
    train.set_defaults(handler=ner_train)


def _add_model(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--model",
        type=Path,
        metavar="FILE",
        help="a crfsuite model file (default: the shipped one)",
    )


def _tagger(args: argparse.Namespace) -> Tagger:
    model: Path | None = args.model
    return Tagger.load() if model is None else Tagger.open(model)


def read_tokens(lines: Iterable[str]) -> Iterator[list[str]]:
    """Sentences of tokens: the first field of each line, a blank line between sentences."""
    tokens: list[str] = []
    for line in lines:
        fields = line.split()
        if fields:
            tokens.append(fields[0])
        elif tokens:
            yield tokens
            tokens = []
    if tokens:
        yield tokens


def _open(path: str) -> TextIO:
    if path == "-":
        if isinstance(sys.stdin, io.TextIOWrapper):
            sys.stdin.reconfigure(encoding="utf-8-sig")
        return sys.stdin
    try:
        return open(path, encoding="utf-8-sig")
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror}") from None


def ner_tag(args: argparse.Namespace, factory: PipelineFactory) -> int:
    tagger = _tagger(args)
    stream = _open(args.path)
    try:
        first = True
        for tokens in read_tokens(stream):
            if not first:
                sys.stdout.write("\n")
            first = False
            tags = tagger.tag(tokens)
            sys.stdout.write("".join(f"{t}\t{g}\n" for t, g in zip(tokens, tags, strict=True)))
    except UnicodeDecodeError as exc:
        raise DataError(f"{args.path}: not UTF-8 text ({exc.reason})") from None
    finally:
        if stream is not sys.stdin:
            stream.close()
    return 0


def ner_eval(args: argparse.Namespace, factory: PipelineFactory) -> int:
    sentences = read_file(Path(args.path))
    if not sentences:
        warn(f"ner-eval: no sentences in {args.path}")
        return 2
    tagger = _tagger(args)
    scores = score([s.tags for s in sentences], [tagger.tag(s.tokens) for s in sentences])
    if args.format == "json":
        rows = {
            kind: {
                "precision": round(c.precision, 4),
                "recall": round(c.recall, 4),
                "f1": round(c.f1, 4),
                "gold": c.gold,
                "predicted": c.predicted,
                "correct": c.correct,
            }
            for kind, c in scores.rows()
        }
        print(json.dumps({"tokens": scores.tokens, "scores": rows}))
    else:
        print(scores.table())
    return 0


def ner_train(args: argparse.Namespace, factory: PipelineFactory) -> int:
    if args.max_iterations < 1:
        warn(f"ner-train: --max-iterations must be 1 or more, not {args.max_iterations}")
        return 2
    params = Params(c1=args.c1, c2=args.c2, max_iterations=args.max_iterations)
    out: Path | None = args.out
    if args.cv:
        with tempfile.TemporaryDirectory() as scratch:
            alone, documents, reports = cross_validate(args.data, Path(scratch), params)
        for fold, report in zip(CV_FOLDS, reports, strict=True):
            f1 = 0.0 if report.dev is None else 100 * report.dev.overall.f1
            print(f"fold {fold}: {report.seconds:.0f} s, dev F1 {f1:.2f}")
        print("cross-validated, all folds' dev slices together, each sentence alone:")
        print(alone.table())
        print("the same, tagged as documents of 25 sentences:")
        print(documents.table())
        return 0
    if args.dev and out is None:  # a dev model never replaces the shipped one by default
        with tempfile.TemporaryDirectory() as scratch:
            return _train(args.data, Path(scratch, "dev.crfsuite"), params, dev=True)
    return _train(args.data, out or shipped_model(), params, dev=args.dev)


def _train(data: Path, out: Path, params: Params, *, dev: bool) -> int:
    report = build(data, out, params, dev_every=10 if dev else None)
    for line in report.lines():
        print(line)
    if report.dev is not None:
        print("dev slice:")
        print(report.dev.table())
    if report.dev_documents is not None:
        print("dev slice, tagged as documents of 25 sentences:")
        print(report.dev_documents.table())
    return 0
