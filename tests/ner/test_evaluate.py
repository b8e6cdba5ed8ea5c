"""Exact-span scoring, conlleval style, on small hand-made cases."""

from __future__ import annotations

import pytest

from marsad.ner import spans
from marsad.ner.evaluate import Counts, score


def test_spans_read_bio_like_conlleval() -> None:
    assert spans([]) == []
    assert spans(["B-PERS", "I-PERS", "O", "B-LOC"]) == [(0, 2, "PERS"), (3, 4, "LOC")]
    assert spans(["B-LOC", "B-LOC"]) == [(0, 1, "LOC"), (1, 2, "LOC")]
    # an I- after O or after another type starts an entity
    assert spans(["O", "I-ORG", "I-ORG", "I-LOC"]) == [(1, 3, "ORG"), (3, 4, "LOC")]
    assert spans(["B-PERS", "I-ORG"]) == [(0, 1, "PERS"), (1, 2, "ORG")]
    assert spans(["B-MISC", "I-MISC"]) == [(0, 2, "MISC")]


def test_only_exact_spans_of_the_right_type_count() -> None:
    gold = [["B-PERS", "I-PERS", "O", "B-LOC"], ["B-ORG", "I-ORG", "O"]]
    predicted = [["B-PERS", "O", "O", "B-LOC"], ["B-LOC", "I-LOC", "O"]]
    scores = score(gold, predicted)
    assert scores.tokens == 7
    persons, places, orgs = (scores.by_type[k] for k in ("PERS", "LOC", "ORG"))
    assert (persons.gold, persons.predicted, persons.correct) == (1, 1, 0)  # cut short
    assert (places.gold, places.predicted, places.correct) == (1, 2, 1)  # one of the wrong type
    assert (orgs.gold, orgs.predicted, orgs.correct) == (1, 0, 0)
    assert places.precision == 0.5
    assert places.recall == 1.0
    assert places.f1 == pytest.approx(2 / 3)
    overall = scores.overall
    assert (overall.gold, overall.predicted, overall.correct) == (3, 3, 1)
    assert [kind for kind, _ in scores.rows()] == ["LOC", "ORG", "PERS", "overall"]


def test_nothing_found_scores_zero_without_dividing_by_zero() -> None:
    empty = Counts(gold=2)
    assert (empty.precision, empty.recall, empty.f1) == (0.0, 0.0, 0.0)
    assert score([["O"]], [["O"]]).overall.f1 == 0.0


def test_a_perfect_tagger_scores_one_and_the_table_shows_it() -> None:
    gold = [["B-PERS", "I-PERS", "O"], ["B-MISC"]]
    scores = score(gold, gold)
    assert scores.overall.f1 == 1.0
    lines = scores.table().splitlines()
    assert lines[0].split() == ["type", "P", "R", "F1", "gold", "found"]
    assert lines[-1].split() == ["overall", "100.00", "100.00", "100.00", "2", "2"]


def test_sentences_and_tags_must_line_up() -> None:
    with pytest.raises(ValueError, match="2 gold sentences but 1 predicted"):
        score([["O"], ["O"]], [["O"]])
    with pytest.raises(ValueError, match="2 gold tags but 1 predicted"):
        score([["O", "O"]], [["O"]])
