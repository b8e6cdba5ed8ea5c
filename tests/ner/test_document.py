"""A document's sentences tagged together: names found once are found where they recur."""

from __future__ import annotations

from marsad.ner import Tagger
from marsad.ner.document import MIN_CHARS, propagate, tag_in_documents
from marsad.ner.evaluate import score
from marsad.ner.train import pool


def sentence(text: str) -> list[str]:
    return text.split()


def test_a_name_found_once_is_tagged_where_it_recurs() -> None:
    keys = [sentence("قال جون كندي امس"), sentence("واضاف جون كندي ان كندي سيعود")]
    tags = [["O", "B-PERS", "I-PERS", "O"], ["O"] * 6]
    assert propagate(keys, tags) == [
        ["O", "B-PERS", "I-PERS", "O"],
        ["O", "B-PERS", "I-PERS", "O", "B-PERS", "O"],  # the full name first, then the surname
    ]


def test_short_words_and_tagged_tokens_are_left_alone() -> None:
    assert MIN_CHARS == 3
    keys = [sentence("زار ال باريس"), sentence("ال في باريس الجديدة")]
    tags = [["O", "B-ORG", "B-LOC"], ["O", "O", "B-ORG", "I-ORG"]]
    # "ال" is too short to look for; "باريس" is already inside an organisation's name
    assert propagate(keys, tags) == [list(t) for t in tags]


def test_a_run_is_not_tagged_where_it_would_cut_a_name() -> None:
    keys = [sentence("وصل بوش"), sentence("بوش الابن")]
    tags = [["O", "B-PERS"], ["O", "I-PERS"]]
    assert propagate(keys, tags)[1] == ["O", "I-PERS"]


def test_a_name_takes_the_type_it_was_given_most() -> None:
    keys = [sentence("جورجيا"), sentence("جورجيا"), sentence("جورجيا"), sentence("في جورجيا")]
    tags = [["B-LOC"], ["B-LOC"], ["B-PERS"], ["O", "O"]]
    assert propagate(keys, tags)[3] == ["O", "B-LOC"]
    assert propagate([], []) == []
    assert propagate([sentence("لا شيء")], [["O", "O"]]) == [["O", "O"]]


def test_the_shipped_tagger_tags_a_document() -> None:
    tagger = Tagger.load()
    document = [
        sentence("وبحث وزير الخارجية البوروندي ويلي نداهيريوي الأوضاع في السودان"),
        sentence("وتأتي زيارة نداهيريوي بعد أسبوع"),
    ]
    tags = tagger.tag_document(document)
    assert [len(t) for t in tags] == [9, 5]
    assert tags[0] == tagger.tag(document[0])
    assert tags[0][4:6] == ["B-PERS", "I-PERS"]
    assert tagger.tag(document[1])[2] == "O"  # alone, the surname is missed
    assert tags[1][2] == "B-PERS"  # in its document, it is found
    assert tagger.tag_document([]) == []


def test_long_runs_are_cut_into_documents() -> None:
    tagger = Tagger.load()
    named = sentence("وبحث وزير الخارجية البوروندي ويلي نداهيريوي الأوضاع في السودان")
    later = sentence("وتأتي زيارة نداهيريوي بعد أسبوع")
    run = [named, later, later]
    assert tag_in_documents(tagger, run, window=2)[1][2] == "B-PERS"  # with the name
    assert tag_in_documents(tagger, run, window=2)[2][2] == "O"  # in the next document
    assert len(tag_in_documents(tagger, run)) == 3 == len(run)


def test_scores_of_several_folds_add_up() -> None:
    first = score([["B-PERS", "O"]], [["B-PERS", "O"]])
    second = score([["B-LOC", "B-PERS"]], [["O", "B-ORG"]])
    pooled = pool([first, None, second])
    assert pooled.tokens == 4
    assert (pooled.overall.gold, pooled.overall.predicted, pooled.overall.correct) == (3, 2, 1)
    assert pooled.by_type["PERS"].gold == 2 and pooled.by_type["ORG"].predicted == 1
