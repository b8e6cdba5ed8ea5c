"""Exact-span precision, recall and F1 for each entity type, as conlleval counts them.

An entity counts as found only when the tagger gives the same type over exactly the same
tokens. Spans are read from BIO tags by :func:`marsad.ner.tagger.spans` (an ``I-`` that does
not continue an entity of its type starts one, as in conlleval). Overall figures are
micro-averaged over every type.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.ner.tagger import spans

OVERALL = "overall"


@dataclass(slots=True)
class Counts:
    """Entities of one type: in the gold file, predicted, and predicted exactly right."""

    gold: int = 0
    predicted: int = 0
    correct: int = 0

    @property
    def precision(self) -> float:
        return self.correct / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.correct / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class Scores:
    """Counts by entity type, and the tokens scored."""

    by_type: dict[str, Counts] = field(default_factory=dict)
    tokens: int = 0

    @property
    def overall(self) -> Counts:
        total = Counts()
        for counts in self.by_type.values():
            total.gold += counts.gold
            total.predicted += counts.predicted
            total.correct += counts.correct
        return total

    def add(self, gold: Sequence[str], predicted: Sequence[str]) -> None:
        """Score one sentence."""
        if len(gold) != len(predicted):
            raise ValueError(f"{len(gold)} gold tags but {len(predicted)} predicted")
        self.tokens += len(gold)
        gold_spans = set(spans(gold))
        predicted_spans = set(spans(predicted))
        for *_, kind in gold_spans:
            self.by_type.setdefault(kind, Counts()).gold += 1
        for found in predicted_spans:
            counts = self.by_type.setdefault(found[2], Counts())
            counts.predicted += 1
            counts.correct += found in gold_spans

    def rows(self) -> list[tuple[str, Counts]]:
        """(type, counts) for each type in name order, then the overall row."""
        return [*sorted(self.by_type.items()), (OVERALL, self.overall)]

    def table(self) -> str:
        """A plain-text table: type, precision, recall, F1 (percent), gold and predicted."""
        lines = [f"{'type':<8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'found':>6}"]
        for kind, c in self.rows():
            lines.append(
                f"{kind:<8} {100 * c.precision:6.2f} {100 * c.recall:6.2f} {100 * c.f1:6.2f} "
                f"{c.gold:6d} {c.predicted:6d}"
            )
        return "\n".join(lines)


def score(gold: Sequence[Sequence[str]], predicted: Sequence[Sequence[str]]) -> Scores:
    """Scores of predicted tag sequences against gold ones, sentence by sentence."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    scores = Scores()
    for g, p in zip(gold, predicted, strict=True):
        scores.add(g, p)
    return scores
