"""The corpus readers, the NewsFANE type map, the clitic rejoining and the leakage filters."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import DataError
from marsad.lang.ar import clitics
from marsad.ner.corpus import (
    TYPES,
    Sentence,
    dev_slice,
    map_types,
    newsfane_types,
    parse_lines,
    parse_type_map,
    read_anercorp,
    read_newsfane,
    rejoin_clitics,
)
from marsad.ner.dedup import RUN_TOKENS, Index, remove_duplicates, remove_overlaps, remove_words
from marsad.ner.train import CAMEL_TEST, NEWSFANE, misc_words

SHARED_DATA = Path(__file__).resolve().parents[2].parent / "shared" / "data"
LRM = "\u200e"


def sentence(text: str, tags: str | None = None) -> Sentence:
    tokens = tuple(text.split())
    return Sentence(tokens, tuple(tags.split()) if tags else ("O",) * len(tokens))


# --- readers ---------------------------------------------------------------------------------


def test_lines_become_sentences_at_blank_lines() -> None:
    lines = ["قال O", "بوش B-PERS", "", "", "في O", "لندن\tB-LOC\tREVISIT", "  "]
    assert parse_lines(lines, "x") == [
        Sentence(("قال", "بوش"), ("O", "B-PERS")),
        Sentence(("في", "لندن"), ("O", "B-LOC")),
    ]


def test_invisible_marks_are_dropped_from_tokens() -> None:
    (found,) = parse_lines([f"\ufeff{LRM}لبنان\tB-Nation\r"], "x")
    assert found.tokens == ("لبنان",)
    assert found.tags == ("B-Nation",)


@pytest.mark.parametrize(
    ("line", "reason"),
    [("لبنان", "expected 'token TAG'"), ("لبنان LOC", "not a BIO tag: 'LOC'")],
)
def test_a_bad_line_names_the_file_and_line(line: str, reason: str) -> None:
    with pytest.raises(DataError, match=f"f.txt:2: {reason}"):
        parse_lines(["في O", line], "f.txt")


def test_anercorp_refuses_types_it_does_not_have(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("في O\nلبنان B-GPE\n", encoding="utf-8")
    with pytest.raises(DataError, match="unknown entity type 'GPE'"):
        read_anercorp(path)
    path.write_text("\ufeffفي O\nلبنان B-LOC\n", encoding="utf-8")
    assert read_anercorp(path) == [Sentence(("في", "لبنان"), ("O", "B-LOC"))]


def test_a_missing_file_is_a_data_error(tmp_path: Path) -> None:
    with pytest.raises(DataError, match="cannot read"):
        read_anercorp(tmp_path / "none.txt")


# --- the NewsFANE map ------------------------------------------------------------------------


def test_the_shipped_map_sends_fine_types_where_anercorp_puts_them() -> None:
    mapping = newsfane_types()
    assert set(mapping.values()) <= {*TYPES, "O"}
    expected = {
        "Politician": "PERS",
        "Athlete": "PERS",
        "Nation": "LOC",
        "Population-Center": "LOC",
        "Continent": "LOC",
        "Non-Governmental": "ORG",
        "Sports": "ORG",
        "Media": "ORG",
        "Group": "O",
        "Government": "O",
        "Book": "MISC",
    }
    assert {fine: mapping[fine] for fine in expected} == expected


def test_a_bad_map_line_is_refused() -> None:
    assert parse_type_map(["# note", "", "Nation\tLOC\twhy"], "m") == {"Nation": "LOC"}
    with pytest.raises(DataError, match="m:1: 'GPE' is not O or one of"):
        parse_type_map(["Nation\tGPE\twhy"], "m")
    with pytest.raises(DataError, match="m:2: 'Nation' is mapped twice"):
        parse_type_map(["Nation\tLOC", "Nation\tO"], "m")


def test_mapping_keeps_bio_valid() -> None:
    mapping = {"Politician": "PERS", "Nation": "LOC", "Population-Center": "LOC", "Group": "O"}
    fine = sentence(
        "جورج بوش العرب لبنان بيروت",
        "B-Politician I-Politician B-Group B-Nation B-Population-Center",
    )
    assert map_types(fine, mapping, "x").tags == ("B-PERS", "I-PERS", "O", "B-LOC", "B-LOC")
    # an I- whose span was cut to O, or that follows another type, starts an entity
    odd = sentence("ا ب ج", "B-Group I-Politician I-Nation")
    assert map_types(odd, mapping, "x").tags == ("O", "B-PERS", "B-LOC")
    with pytest.raises(DataError, match=r"'Starship' is not in newsfane_types\.tsv"):
        map_types(sentence("ا", "B-Starship"), mapping, "x")


def test_split_clitics_join_their_word_again() -> None:
    conjunction = clitics().conjunctions[0]
    pronoun = "ها"
    assert pronoun in clitics().enclitics
    split = sentence(
        f"{conjunction} قال رئيس {pronoun} {conjunction} 27 {conjunction} بوش",
        "O O O O O O O B-PERS",
    )
    joined = rejoin_clitics(split)
    assert joined.tokens == (
        f"{conjunction}قال",
        f"رئيس{pronoun}",
        conjunction,  # before a number it stays a token, as in ANERcorp
        "27",
        f"{conjunction}بوش",
    )
    assert joined.tags == ("O", "O", "O", "O", "B-PERS")


def test_the_dev_slice_is_every_nth_block() -> None:
    sentences = [sentence(f"s{i}") for i in range(60)]
    rest, held = dev_slice(sentences, every=3, block=5)
    blocks = (range(10, 15), range(25, 30), range(40, 45), range(55, 60))
    assert [s.tokens[0] for s in held] == [f"s{i}" for block in blocks for i in block]
    assert len(rest) + len(held) == 60
    assert dev_slice(sentences, every=3, block=5) == (rest, held)


# --- leakage and duplicates ------------------------------------------------------------------

TEST_SENTENCE = "وقال الأمين العام للأمم المتحدة كوفي أنان إن المنظمة تدعم الحكومة اللبنانية"
CLITIC_SENTENCE = "وقال رئيسها إن حكومته ستدعم لبنان وسوريا في مواجهة الأزمة الاقتصادية الحالية"
# the same text as NewsFANE writes it, clitics apart: no run of 8 tokens in common
CLITIC_SPLIT = "و قال رئيس ها إن حكومت ه ستدعم لبنان و سوريا في مواجهة الأزمة الاقتصادية الحالية"


def test_every_kind_of_overlap_with_the_test_split_is_removed() -> None:
    held_out = Index([sentence(TEST_SENTENCE), sentence(CLITIC_SENTENCE)])
    words = TEST_SENTENCE.split()
    planted = [
        sentence(TEST_SENTENCE),  # the same sentence
        sentence(TEST_SENTENCE.replace("أ", "ا")),  # the same in matching form
        sentence("في اليوم نفسه " + " ".join(words[2 : 2 + RUN_TOKENS]) + " أمس"),  # a long run
        sentence(CLITIC_SPLIT),  # the same text tokenised otherwise
        sentence("ثم " + CLITIC_SPLIT + " اليوم"),  # and inside a longer sentence
    ]
    kept = [sentence("سافر الرئيس إلى باريس"), sentence(" ".join(words[: RUN_TOKENS - 1]))]
    remaining, removed = remove_overlaps("train", planted + kept, held_out)
    assert remaining == kept
    assert (removed.sentences, removed.tokens) == (5, sum(map(len, planted)))
    assert (removed.kept_sentences, removed.kept_tokens) == (2, 4 + RUN_TOKENS - 1)
    kept_tokens = 4 + RUN_TOKENS - 1
    assert removed.line() == (
        f"train: removed 5 sentences ({removed.tokens} tokens), kept 2 ({kept_tokens} tokens)"
    )
    assert not held_out.duplicates(sentence("ثم " + CLITIC_SPLIT))


def test_duplicates_are_the_same_text_however_tokenised() -> None:
    other = Index([sentence("قال أنان إن المنظمة تدعم لبنان")])
    candidates = [
        sentence("قال أنان إن المنظمة تدعم لبنان"),
        sentence("قال انان ان المنظمه تدعم لبنان"),
        sentence("قال أنان إن المنظمة تدعم لبنان اليوم"),
    ]
    remaining, removed = remove_duplicates("nf", candidates, other)
    assert remaining == candidates[2:]
    assert removed.sentences == 2


def test_misc_words_and_their_sentences() -> None:
    train = [
        sentence("مليون دولار", "O B-MISC"),
        sentence("دولار واحد", "B-MISC O"),
        sentence("في لبنان", "O B-LOC"),
    ]
    words = misc_words(train)
    assert words == frozenset({"دولار"})
    remaining, removed = remove_words("nf", [sentence("ألف دولار"), sentence("في لبنان")], words)
    assert remaining == [sentence("في لبنان")]
    assert removed.sentences == 1


# --- the real corpora, when they are beside the repository ----------------------------------

needs_data = pytest.mark.skipif(
    not (SHARED_DATA / NEWSFANE).is_file(),
    reason=f"the NER corpora are not in {SHARED_DATA}",
)


@needs_data
def test_every_newsfane_type_is_mapped_and_clitics_rejoin() -> None:
    raw = read_newsfane(SHARED_DATA / NEWSFANE, rejoin=False)
    joined = read_newsfane(SHARED_DATA / NEWSFANE)
    assert len(raw) == len(joined) > 4000
    assert sum(map(len, joined)) < sum(map(len, raw))
    assert {tag[2:] for s in joined for tag in s.tags if tag != "O"} <= set(TYPES)


@needs_data
def test_the_camel_test_split_is_read_whole() -> None:
    test = read_anercorp(SHARED_DATA / CAMEL_TEST)
    assert sum(map(len, test)) == 25008
