"""The shipped model: it loads once, tags clear names, and ``ner-tag``/``ner-eval`` work."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.ner import Tagger, spans
from marsad.ner.corpus import Sentence
from marsad.ner.features import Features, Gazetteer
from marsad.ner.tagger import shipped_model
from marsad.ner.train import Params, train

Capture = pytest.CaptureFixture[str]


def words(text: str) -> list[str]:
    return text.split()


# (sentence, the entities a sensible tagger finds in it as (first, last word, type))
CLEAR = [
    (
        "وقال الرئيس الأمريكي جورج بوش إن بلاده ستدعم لبنان",
        [("جورج بوش", "PERS"), ("لبنان", "LOC")],
    ),
    (
        "وصل رئيس الوزراء البريطاني توني بلير إلى القاهرة أمس",
        [("توني بلير", "PERS"), ("القاهرة", "LOC")],
    ),
    (
        "وأعلن الأمين العام للأمم المتحدة كوفي أنان في نيويورك أن المنظمة سترسل قوات",
        [("كوفي أنان", "PERS"), ("نيويورك", "LOC")],
    ),
]


def entities(tokens: list[str], tags: list[str]) -> list[tuple[str, str]]:
    return [(" ".join(tokens[a:b]), kind) for a, b, kind in spans(tags)]


def test_the_model_ships_small_and_loads_once() -> None:
    assert 0 < shipped_model().stat().st_size <= 30_000_000
    tagger = Tagger.load()
    assert Tagger.load() is tagger
    assert {"O", "B-PERS", "I-PERS", "B-ORG", "B-LOC", "B-MISC"} <= set(tagger.labels())


@pytest.mark.parametrize(("sentence", "expected"), CLEAR)
def test_clear_names_become_persons_and_places(
    sentence: str, expected: list[tuple[str, str]]
) -> None:
    tokens = sentence.split()
    found = entities(tokens, Tagger.load().tag(tokens))
    assert set(expected) <= set(found), found


@pytest.mark.parametrize(
    ("sentence", "name"),
    [
        ("وقال المتحدث باسم الوزارة أحمد الفلاحي للصحفيين في عمان", "أحمد الفلاحي"),
        ("أعلن المدرب خوسيه مارتينيز تشكيلة الفريق", "خوسيه مارتينيز"),
    ],
)
def test_a_person_the_knowledge_base_does_not_know_is_still_found(sentence: str, name: str) -> None:
    tagger = Tagger.load()
    tokens = words(sentence)
    rows = tagger.features.sentence(tokens)
    start = tokens.index(name.split(maxsplit=1)[0])
    assert not any(f.startswith("G=") for f in rows[start] + rows[start + 1])  # no KB name
    tags = tagger.tag(tokens)
    assert (name, "PERS") in entities(tokens, tags), tags
    assert tagger.tag([]) == []


def test_a_missing_or_broken_model_is_one_clear_error(tmp_path: Path, capsys: Capture) -> None:
    bad = tmp_path / "bad.crfsuite"
    bad.write_bytes(b"not a model")
    tokens = tmp_path / "t.txt"
    tokens.write_text("لبنان\n", encoding="utf-8")
    assert main(["ner-tag", str(tokens), "--model", str(tmp_path / "none.crfsuite")]) == 2
    assert "cannot read the NER model" in capsys.readouterr().err
    assert main(["ner-tag", str(tokens), "--model", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("marsad: [DATA] ") and "not a crfsuite model" in err
    assert len(err.splitlines()) == 1


def test_ner_tag_keeps_tokens_and_sentence_breaks(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "tokens.txt"
    path.write_text("\ufeffالتقى\nكوفي\nأنان\n\n\nفي بيروت B-LOC\nأمس\n\nشكرا\n", encoding="utf-8")
    assert main(["ner-tag", str(path)]) == 0
    out = capsys.readouterr().out
    blocks = out.rstrip("\n").split("\n\n")
    assert [len(b.splitlines()) for b in blocks] == [3, 2, 1]
    rows = [line.split("\t") for line in out.splitlines() if line]
    assert [token for token, _ in rows] == ["التقى", "كوفي", "أنان", "في", "أمس", "شكرا"]
    assert rows[1][1] == "B-PERS" and rows[2][1] == "I-PERS"
    assert all(tag == "O" or tag[:2] in ("B-", "I-") for _, tag in rows)


def test_ner_tag_reads_standard_input(monkeypatch: pytest.MonkeyPatch, capsys: Capture) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("زار\nبوتين\nموسكو\n"))
    assert main(["ner-tag", "-"]) == 0
    assert [line.split("\t")[0] for line in capsys.readouterr().out.splitlines()] == [
        "زار",
        "بوتين",
        "موسكو",
    ]


def test_ner_eval_scores_a_small_file(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "gold.txt"
    path.write_text(
        "وقال O\nجورج B-PERS\nبوش I-PERS\nفي O\nلندن B-LOC\n\nزار O\nبيروت B-LOC\n",
        encoding="utf-8",
    )
    assert main(["ner-eval", str(path)]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[:4] == ["type", "P", "R", "F1"]
    assert table[-1].split()[0] == "overall"
    assert main(["ner-eval", str(path), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["tokens"] == 7
    assert result["scores"]["overall"]["gold"] == 3
    assert 0.0 <= result["scores"]["overall"]["f1"] <= 1.0


def test_ner_eval_refuses_a_file_that_is_not_anercorp(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "tokens.txt"
    path.write_text("لبنان\n", encoding="utf-8")
    assert main(["ner-eval", str(path)]) == 2
    assert "expected 'token TAG'" in capsys.readouterr().err
    path.write_text("\n\n", encoding="utf-8")
    assert main(["ner-eval", str(path)]) == 2
    assert "no sentences" in capsys.readouterr().err


def test_ner_train_without_the_corpora_says_what_is_missing(
    tmp_path: Path, capsys: Capture
) -> None:
    assert main(["ner-train", "--data", str(tmp_path), "--out", str(tmp_path / "m")]) == 2
    err = capsys.readouterr().err
    assert "ANERCorp_CamelLab_test.txt: missing" in err
    assert not (tmp_path / "m").exists()
    assert main(["ner-train", "--max-iterations", "0"]) == 2


def test_training_writes_a_model_that_tags_what_it_was_taught(tmp_path: Path) -> None:
    taught = [
        Sentence(("زار", "بوتين", "موسكو"), ("O", "B-PERS", "B-LOC")),
        Sentence(("زار", "أردوغان", "أنقرة"), ("O", "B-PERS", "B-LOC")),
        Sentence(("وصل", "جورج", "بوش", "إلى", "لندن"), ("O", "B-PERS", "I-PERS", "O", "B-LOC")),
        Sentence(("قال", "الوزير", "أمس"), ("O", "O", "O")),
    ]
    out = tmp_path / "tiny.crfsuite"
    seconds = train(taught, out, Features(Gazetteer([])), Params(max_iterations=50))
    assert seconds >= 0
    tagger = Tagger.open(out, Gazetteer([]))
    for sentence in taught:
        assert tagger.tag(list(sentence.tokens)) == list(sentence.tags)
