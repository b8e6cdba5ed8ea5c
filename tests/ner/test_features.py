"""Token features: the word's own, its neighbours', and knowledge-base names in the sentence."""

from __future__ import annotations

from marsad.ner.features import CACHE_SIZE, MAX_STEMS, Features, Gazetteer
from marsad.text import normalize_phrase


def words(text: str) -> list[str]:
    return text.split()


NAMES = [
    ("كوفي أنان", "person"),
    ("أنان", "person"),
    ("لبنان", "country"),
    ("الأمم المتحدة", "organisation"),
    ("الرئيس", "office"),
    ("نهر", "river"),  # a kind the tagger does not use
]


def features() -> Features:
    return Features(Gazetteer(NAMES))


def test_the_gazetteer_indexes_names_by_their_first_key() -> None:
    gazetteer = Gazetteer(NAMES)
    assert len(gazetteer) == 5
    assert gazetteer.phrases["كوفي"] == ((("كوفي", "انان"), "per"),)
    assert gazetteer.phrases["امم"] == ((("امم", "متحده"), "org"),)  # the article is not a key
    assert gazetteer.words["انان"] == ("per",)
    assert "نهر" not in gazetteer.words


def test_a_word_has_its_form_shape_stems_and_affixes() -> None:
    own = features().word("وبلبنان").here
    norm = normalize_phrase("وبلبنان")
    assert own[0] == "w=" + norm
    assert {"sh=A", "ln=6+", "st=لبنان", "pc=و+ب", "p2=وب", "x3=نان", "k=loc"} <= set(own)
    assert len([f for f in own if f.startswith("s=")]) <= MAX_STEMS
    assert "sh=D" in features().word("2006").here
    assert "sh=L" in features().word("Einstein").here
    assert "sh=P" in features().word("«").here


def test_words_are_computed_once() -> None:
    made = features()
    assert made.word("لبنان") is made.word("لبنان")
    assert CACHE_SIZE > 100_000


def test_names_are_found_through_clitics_and_the_article() -> None:
    made = features()
    found = [made.word(t) for t in words("قال كوفي أنان في وللأمم المتحدة وبلبنان")]
    assert made.phrases(found) == ["", "B-per", "I-per", "", "B-org", "I-org", "B-loc"]


def test_the_longest_name_wins() -> None:
    made = features()
    found = [made.word(t) for t in words("أنان كوفي أنان")]
    assert made.phrases(found) == ["B-per", "B-per", "I-per"]


def test_a_sentence_gives_each_token_its_window() -> None:
    rows = features().sentence(words("التقى الرئيس كوفي أنان"))
    assert len(rows) == 4
    first, second, third, last = rows
    assert "BOS" in first and "EOS" not in first
    assert "EOS" in last and "BOS" not in last
    assert "-1w=رييس" not in third  # the previous word is written with its article
    assert "-1w=الرييس" in third
    assert "+1w=انان" in third
    assert "-2w=التقي" in third
    assert "b-=الرييس|كوفي" in third
    assert "G=B-per" in third and "+1G=I-per" in third and "-1G=B-off" in third
    assert "G=B-off" in second
    assert features().sentence([]) == []


def test_cue_words_mark_the_words_around_them() -> None:
    cues = Gazetteer([("وزارة", "org"), ("الرئيس", "per")], {"org": "org", "per": "per"})
    rows = Features(Gazetteer([]), cues=cues).sentence(
        words("قال الرئيس جورج بوش في وزارة الخارجية")
    )
    assert "c=per" in rows[1]  # the article is not part of the key
    assert "-1c=per" in rows[2] and "-2c=per" in rows[3] and "-3c=per" in rows[4]
    assert "c=org" in rows[5] and "-1c=org" in rows[6] and "+2c=org" in rows[3]
    assert not [f for f in features().sentence(words("قال الرئيس"))[0] if f.startswith("c=")]


def test_tokens_in_quotation_marks_and_brackets_are_marked() -> None:
    rows = features().sentence(words('قال " حزب الله " إن ( أ ف ب ) « جائزة نوبل » و " كذا'))
    marked = [next((f for f in row if f in {"q1", "q", "pr1", "pr"}), "") for row in rows]
    assert marked[:7] == ["", "", "q1", "q", "", "", ""]
    assert marked[7:10] == ["pr1", "pr", "pr"]
    assert marked[12:14] == ["q1", "q"]
    assert marked[-1] == ""  # an opening mark that is never closed marks nothing


def test_the_shipped_cue_words_are_read() -> None:
    from marsad.ner.tagger import cues_gazetteer

    cues = cues_gazetteer()
    assert len(cues) > 100
    assert set(cues.words[normalize_phrase("وزارة")]) == {"org"}
