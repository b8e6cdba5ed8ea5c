"""PLOVER records against PLOVER gold: the tolerant reader, the matching, the per-field shares.

``cases/plover_gold_en.txt`` is written by hand in the exact layout of the English gold file
(one JSON array, a DOCUMENT header, ``source``/``target``, ``"target": ""``, older type and
mode names, sectors with suffixes and ``***``); ``cases/plover_pred.jsonl`` is in marsad's
own record layout.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main
from marsad.errors import InputError
from marsad.eval import Confusion, Share, evaluate_plover, match_records, read_plover
from marsad.eval.plover import PloverActor
from marsad.eval.report import plover_json, render_plover
from marsad.ontology import event_types
from marsad.types import Article
from tests.cli.fake_pipeline import FakePipeline

CASES = Path(__file__).resolve().parent / "cases"
GOLD = CASES / "plover_gold_en.txt"
PRED = CASES / "plover_pred.jsonl"
ENGLISH_GOLD = (
    Path(__file__).resolve().parents[3]
    / "shared"
    / "data"
    / "events-plover-gsr-en"
    / "PLOVER_GSR_CAMEO.txt"
)

Capture = pytest.CaptureFixture[str]


def write_jsonl(path: Path, records: list[dict[str, Any]]) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- reading ----------------------------------------------------------------------------------


def test_the_english_layout_is_read_into_plover_2() -> None:
    gold = read_plover(GOLD)
    by_id = {r.id: r for r in gold.records}
    assert len(by_id) == 6  # the DOCUMENT header is skipped
    fight = by_id["TEST-GSR01-FIGHT-0001"]
    assert (fight.events, fight.mode, fight.story, fight.sentence) == (
        ("ASSAULT",),
        "heavy-weapons",
        "TEST-GSR01-FIGHT-0001",
        None,
    )
    assert fight.actor == (PloverActor("NOR", "MIL", "Norwegian artillery"),)
    assert fight.recipient == (PloverActor("SWE", "CVL", "Sami villagers"),)
    protest = by_id["TEST-GSR01-PROTEST-0001"]
    assert protest.mode == "demo"
    assert protest.recipient[0].sector is None  # ***
    demand = by_id["TEST-GSR01-DEMAND-0001"]
    assert (demand.events, demand.mode, demand.recipient) == (("REQUEST",), None, ())
    agree = by_id["TEST-GSR01-AGREE-0001"]
    assert (len(agree.actor), agree.recipient) == (2, ())  # "target": "diplomatic"
    assert by_id["TEST-GSR01-COERCE-0001"].mode is None  # destroy is ASSAULT's now
    disapprove = by_id["TEST-GSR01-DISAPPROVE-0001"]
    assert (disapprove.events, disapprove.mode) == (("ACCUSE",), "disapprove")
    assert set(gold.notes) == {
        "DOCUMENT records skipped (1)",
        "event FIGHT read as ASSAULT (1)",
        "sectors with a suffix read by their first three letters (CVLalb as CVL) (1)",
        "mode demo-org read as demo (1)",
        "sector *** read as no sector (1)",
        "event DEMAND read as REQUEST (1)",
        "target fields that are not a list of actors read as no actor (2)",
        "mode destroy dropped: COERCE has no such mode in PLOVER 2.0 (1)",
        "event DISAPPROVE read as ACCUSE disapprove (1)",
    }


def test_marsad_records_are_read_as_written(tmp_path: Path) -> None:
    article = Article(id="story-7", text="x\nEVENT CONSULT TUR IRN mode=visit\n", date="2022-06")
    records = [e.to_plover(article.text) for e in FakePipeline()(article).events]
    (record,) = read_plover(write_jsonl(tmp_path / "coded.jsonl", records)).records
    assert (record.id, record.story, record.sentence) == ("story-7-0", "story-7", 0)
    assert (record.events, record.mode) == (("CONSULT",), "visit")
    assert record.actor == (PloverActor("TUR", "GOV", "TUR"),)
    assert record.recipient == (PloverActor("IRN", "GOV", "IRN"),)


def test_a_list_of_types_and_a_pretty_printed_object_are_read(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    record = {"id": 12, "event": ["protest", "ASSAULT"], "actor": {"code": "egy"}}
    path.write_text(json.dumps(record, indent=2), encoding="utf-8")
    (read,) = read_plover(path).records
    assert (read.id, read.story, read.events) == ("12", "12", ("PROTEST", "ASSAULT"))
    assert read.actor == (PloverActor("EGY", None, ""),)


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ('[{"id": "a", "event": "AGREE"},]', ":1: not JSON"),
        ('{"id": "a", "event": "AGREE"}\n{broken\n', ":2: not JSON"),
        ('[{"id": "a", "event": "AGREE"}, 7]', "record 2: not a JSON object"),
        ('{"id": "a"}\n', ":1: no event"),
        ('{"id": "a", "event": ""}\n', ":1: empty event"),
        ('{"event": "AGREE"}\n', ":1: no id"),
        ('{"id": "a", "event": "AGREE", "actor": ["ISR"]}\n', "an actor is not a JSON object"),
        ('{"id": "d", "event": "DOCUMENT"}\n', "no PLOVER records"),
    ],
)
def test_a_bad_plover_file_is_one_line_error(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_plover(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_the_english_gold_itself_is_read_whole() -> None:
    if not ENGLISH_GOLD.exists():
        pytest.skip(f"{ENGLISH_GOLD} is not here")
    gold = read_plover(ENGLISH_GOLD)
    assert len(gold.records) == 322
    assert {t for r in gold.records for t in r.events} <= set(event_types())
    assert "DOCUMENT records skipped (1)" in gold.notes
    assert "id PLOVER-GSR01-COERCE-0004 on more than one record (2)" in gold.notes
    # scored against itself, everything is right
    report = evaluate_plover(gold, gold)
    assert report.overall == Confusion(tp=322)
    assert all(f.share.k == f.share.n for f in report.fields)


# --- matching and scoring ---------------------------------------------------------------------


def test_matching_by_story_and_best_agreement() -> None:
    matching = match_records(read_plover(GOLD).records, read_plover(PRED).records)
    pairs = {p.gold.id: p.pred.id for p in matching.pairs}
    assert pairs == {
        "TEST-GSR01-FIGHT-0001": "p1",  # ASSAULT beats the COERCE of the same story
        "TEST-GSR01-PROTEST-0001": "p3",
        "TEST-GSR01-DEMAND-0001": "p4",
        "TEST-GSR01-AGREE-0001": "p5",  # matched, with the type wrong
        "TEST-GSR01-DISAPPROVE-0001": "p6",
    }
    assert [r.id for r in matching.missed] == ["TEST-GSR01-COERCE-0001"]
    assert [r.id for r in matching.extra] == ["p2"]
    assert [r.id for r in matching.outside] == ["p7"]


def test_a_sentence_given_on_both_sides_must_agree(tmp_path: Path) -> None:
    def record(rid: str, sentence: int) -> dict[str, Any]:
        actor = [{"code": "ISR"}]
        kind = "PROTEST" if rid == "g2" else "ASSAULT"
        return {"id": rid, "story_id": "s", "event": kind, "actor": actor, "sentence": sentence}

    gold = read_plover(write_jsonl(tmp_path / "g.jsonl", [record("g0", 0), record("g2", 2)]))
    pred = read_plover(write_jsonl(tmp_path / "p.jsonl", [record("a", 2), record("b", 0)]))
    matching = match_records(gold.records, pred.records)
    assert {(p.gold.id, p.pred.id, p.type_right) for p in matching.pairs} == {
        ("g0", "b", True),
        ("g2", "a", False),
    }


def test_an_unknown_sector_is_no_sector(tmp_path: Path) -> None:
    def record(sector: str | None) -> dict[str, Any]:
        return {"id": "r", "event": "ASSAULT", "actor": [{"code": None, "sector": sector}]}

    gold = read_plover(write_jsonl(tmp_path / "g.jsonl", [record(None)]))
    for sector, right in (("UNK", True), ("UAF", False)):
        pred = read_plover(write_jsonl(tmp_path / "p.jsonl", [record(sector)]))
        (pair,) = match_records(gold.records, pred.records).pairs
        assert pair.code_sectors_right("actor") is right


def test_the_scores_per_type_and_per_field() -> None:
    report = evaluate_plover(read_plover(GOLD), read_plover(PRED))
    assert report.overall == Confusion(tp=4, fp=2, fn=2)
    assert (report.stories, report.stories_coded) == (6, 5)
    types = {t.event_type: (t.gold, t.pred, t.confusion.tp) for t in report.types}
    assert types == {
        "ACCUSE": (1, 1, 1),
        "AGREE": (1, 0, 0),
        "ASSAULT": (1, 1, 1),
        "COERCE": (1, 1, 0),
        "CONSULT": (0, 1, 0),
        "PROTEST": (1, 1, 1),
        "REQUEST": (1, 1, 1),
    }
    fields = {f.name: f.share for f in report.fields}
    assert fields == {
        "event type": Share(4, 5),
        "mode": Share(2, 3),
        "actor codes": Share(4, 4),
        "actor codes+sectors": Share(3, 4),
        "recipient codes": Share(4, 4),
        "recipient codes+sectors": Share(3, 4),
    }


def test_the_reports() -> None:
    report = evaluate_plover(read_plover(GOLD), read_plover(PRED))
    text = render_plover(report)
    assert "records with the type right: precision 0.667, recall 0.667, F1 0.667" in text
    assert "coded records 7, 6 of them in 5 gold stories (1 outside the gold)" in text
    mode = next(line for line in text.splitlines() if line.startswith("mode "))
    assert mode.split()[-2:] == ["2/3", "67%"]
    assert "  event FIGHT read as ASSAULT (1)" in text
    data = plover_json(report)
    assert data["records"]["f1"] == pytest.approx(0.6667)
    assert data["fields"]["recipient codes+sectors"]["k"] == 3
    assert data["missed"] == [
        {"id": "TEST-GSR01-COERCE-0001", "story": "TEST-GSR01-COERCE-0001", "event": ["COERCE"]}
    ]


# --- the command ------------------------------------------------------------------------------


def test_marsad_eval_plover(capsys: Capture) -> None:
    status = main(["eval", "plover", str(GOLD), "--pred", str(PRED), "--format", "json"])
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert json.loads(out)["types"]["ASSAULT"]["right"] == 1
    status = main(["eval", "plover", str(GOLD), "--pred", str(CASES / "absent.jsonl")])
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert err.startswith("marsad: [INPUT] ") and err.count("\n") == 1
