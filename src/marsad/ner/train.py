"""Train the CRF tagger from the corpora in a data directory (``../shared/data`` by default).

The training data is the ANERcorp training part (CSabty's split, which keeps sentence breaks)
and NewsFANE Gold with its types mapped. Before anything is learnt, every training sentence
that overlaps the CAMeL Lab test split is removed from both (:mod:`marsad.ner.dedup`). With
``dev_every`` the ANERcorp part is cut into a training part and a dev slice (every n-th block
of sentences), and NewsFANE sentences that overlap the dev slice are removed too. Then come
out of NewsFANE: sentences that duplicate an ANERcorp training sentence, and sentences with a
word that ANERcorp tags MISC more often than not (a currency, a religion, an event: NewsFANE
has no type for these and leaves them O, which would teach the tagger the opposite of
ANERcorp). The same files give the same model: readers, filters and crfsuite's L-BFGS involve
no chance.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import DataError
from marsad.kb import iter_names, load_kb
from marsad.ner.corpus import Sentence, dev_slice, read_anercorp, read_newsfane
from marsad.ner.dedup import (
    Index,
    Removed,
    matching_tokens,
    remove_duplicates,
    remove_overlaps,
    remove_words,
)
from marsad.ner.document import tag_in_documents
from marsad.ner.evaluate import Counts, Scores, score
from marsad.ner.features import Features, Gazetteer
from marsad.ner.frequency import shipped_frequencies
from marsad.ner.tagger import Tagger, cues_gazetteer, names_gazetteer

ANERCORP_TRAIN = Path("ner-anercorp", "csabty", "ANERcorp_train_original.txt")
CAMEL_TEST = Path("ner-anercorp", "ANERCorp_CamelLab_test.txt")
NEWSFANE = Path("ner-newsfane-gold", "NewsFANE_Gold_2014_170K.txt")


@dataclass(frozen=True, slots=True)
class Params:
    """crfsuite's L-BFGS settings, chosen by cross-validation on dev slices (docs/ner.md)."""

    c1: float = 0.05
    c2: float = 0.05
    max_iterations: int = 200
    min_freq: int = 1

    def crfsuite(self) -> dict[str, Any]:
        return {
            "c1": self.c1,
            "c2": self.c2,
            "max_iterations": self.max_iterations,
            "feature.minfreq": self.min_freq,
            "feature.possible_transitions": True,
        }


@dataclass(slots=True)
class TrainingSet:
    train: list[Sentence]
    dev: list[Sentence] = field(default_factory=list)
    removed: list[Removed] = field(default_factory=list)

    @property
    def tokens(self) -> int:
        return sum(map(len, self.train))


def _require(data_dir: Path, relative: Path) -> Path:
    path = data_dir / relative
    if not path.is_file():
        raise DataError(f"{path}: missing (the NER corpora are read from {data_dir})")
    return path


def training_set(
    data_dir: Path,
    *,
    dev_every: int | None = None,
    dev_fold: int | None = None,
    newsfane: bool = True,
) -> TrainingSet:
    """The training sentences from ``data_dir``, cleaned of test text (see the module doc);
    with ``dev_every``, block ``dev_fold`` of each ``dev_every`` (default: the last) held out."""
    test = Index(read_anercorp(_require(data_dir, CAMEL_TEST)))
    anercorp, gone = remove_overlaps(
        "ANERcorp train vs CAMeL test", read_anercorp(_require(data_dir, ANERCORP_TRAIN)), test
    )
    removed = [gone]
    dev: list[Sentence] = []
    if dev_every:
        anercorp, dev = dev_slice(anercorp, dev_every, fold=dev_fold)
    extra: list[Sentence] = []
    if newsfane:
        extra, gone = remove_overlaps(
            "NewsFANE vs CAMeL test", read_newsfane(_require(data_dir, NEWSFANE)), test
        )
        removed.append(gone)
        if dev:
            extra, gone = remove_overlaps("NewsFANE vs dev slice", extra, Index(dev))
            removed.append(gone)
        extra, gone = remove_duplicates("NewsFANE duplicates of ANERcorp", extra, Index(anercorp))
        removed.append(gone)
        extra, gone = remove_words("NewsFANE with ANERcorp MISC words", extra, misc_words(anercorp))
        removed.append(gone)
    return TrainingSet(train=anercorp + extra, dev=dev, removed=removed)


def misc_words(sentences: Sequence[Sentence]) -> frozenset[str]:
    """Words (in matching form) tagged MISC in more than half of their occurrences."""
    counts: dict[str, list[int]] = {}
    for sentence in sentences:
        for token, tag in zip(matching_tokens(sentence), sentence.tags, strict=True):
            seen = counts.setdefault(token, [0, 0])
            seen[0] += tag[2:] == "MISC"
            seen[1] += 1
    return frozenset(word for word, (misc, total) in counts.items() if 2 * misc > total)


def training_gazetteer() -> Gazetteer:
    """The names of the shipped knowledge base only (not ``MARSAD_KB_PATH``): the same on
    every machine."""
    return Gazetteer((form, kind) for form, kind, _ in iter_names(load_kb(extra_dirs=())))


def train(
    sentences: Sequence[Sentence], out: Path, features: Features, params: Params = Params()
) -> float:
    """Train on ``sentences`` and write the model to ``out``; return the seconds it took."""
    import pycrfsuite

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for sentence in sentences:
        trainer.append(features.sentence(sentence.tokens), list(sentence.tags))
    trainer.set_params(params.crfsuite())
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    return time.perf_counter() - started


@dataclass(frozen=True, slots=True)
class Report:
    """What one training run did."""

    removed: list[Removed]
    sentences: int
    tokens: int
    seconds: float
    model: Path
    model_bytes: int
    dev: Scores | None = None
    dev_documents: Scores | None = None  # the dev slice tagged as documents (docs/ner.md)

    def lines(self) -> list[str]:
        found = [gone.line() for gone in self.removed]
        found.append(f"trained on {self.sentences} sentences ({self.tokens} tokens)")
        found.append(f"{self.seconds:.0f} s, model {self.model_bytes / 1e6:.1f} MB -> {self.model}")
        return found


def build(
    data_dir: Path,
    out: Path,
    params: Params = Params(),
    *,
    dev_every: int | None = None,
    dev_fold: int | None = None,
) -> Report:
    """Train a model from ``data_dir`` into ``out``; with ``dev_every``, on all but the dev
    slice (block ``dev_fold`` of each ``dev_every``), and score the dev slice."""
    data = training_set(data_dir, dev_every=dev_every, dev_fold=dev_fold)
    gazetteer = training_gazetteer()
    names = names_gazetteer()
    frequencies = shipped_frequencies()
    features = Features(gazetteer, names, frequencies, cues_gazetteer())
    seconds = train(data.train, out, features, params)
    dev = documents = None
    if data.dev:
        tagger = Tagger.open(out, gazetteer, names, frequencies)
        gold = [s.tags for s in data.dev]
        dev = score(gold, [tagger.tag(s.tokens) for s in data.dev])
        documents = score(gold, tag_in_documents(tagger, [s.tokens for s in data.dev]))
    return Report(
        removed=data.removed,
        sentences=len(data.train),
        tokens=data.tokens,
        seconds=seconds,
        model=out,
        model_bytes=out.stat().st_size,
        dev=dev,
        dev_documents=documents,
    )


#: The dev blocks of cross-validation: blocks 3, 6 and 9 of each 10 (docs/ner.md).
CV_FOLDS = (3, 6, 9)


def cross_validate(
    data_dir: Path, scratch: Path, params: Params = Params(), folds: Sequence[int] = CV_FOLDS
) -> tuple[Scores, Scores, list[Report]]:
    """Train once for each fold (in ``scratch``), holding its blocks out, and score all the
    held-out sentences together: tagged one by one, and as documents."""
    reports = [
        build(data_dir, scratch / f"fold{fold}.crfsuite", params, dev_every=10, dev_fold=fold)
        for fold in folds
    ]
    alone = pool(r.dev for r in reports)
    return alone, pool(r.dev_documents for r in reports), reports


def pool(parts: Iterable[Scores | None]) -> Scores:
    """Scores of several sets taken together (counts added up)."""
    pooled = Scores()
    for part in parts:
        if part is None:
            continue
        pooled.tokens += part.tokens
        for kind, counts in part.by_type.items():
            total = pooled.by_type.setdefault(kind, Counts())
            total.gold += counts.gold
            total.predicted += counts.predicted
            total.correct += counts.correct
    return pooled
