"""Detection scores on GSR CSV files: the reader, the counts, the command.

The fixtures under ``cases/`` are coded by the fake pipeline of ``tests/cli`` (one event for
each text that reads ``EVENT TYPE ACTOR [RECIPIENT] [mode=MODE]``), so every count below is
known by hand; ``gsr_arabic.csv`` goes through the real pipeline.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import marsad
from marsad.cli import main
from marsad.errors import InputError
from marsad.eval import (
    Confusion,
    SentenceCoder,
    evaluate_detection,
    gsr_date,
    read_gsr_csv,
    read_gsr_csvs,
)
from marsad.eval.report import detection_json, render_detection, render_errors
from marsad.types import Article, Document
from tests.cli.fake_pipeline import FakePipeline, make_pipeline

CASES = Path(__file__).resolve().parent / "cases"
ASSAULT_CSV = CASES / "gsr_assault.csv"
PROTEST_CSV = CASES / "gsr_protest.csv"
ARABIC_CSV = CASES / "gsr_arabic.csv"
HEADER = "id,event_type,label,accept,reject,total,text\n"

Capture = pytest.CaptureFixture[str]


def fake_coder() -> SentenceCoder:
    return SentenceCoder(FakePipeline())


# --- reading ----------------------------------------------------------------------------------


def test_the_date_comes_from_an_aaw_id_only() -> None:
    assert gsr_date("AAW_ARB_20080119.0040-2") == "2008-01-19"
    assert gsr_date("e3041d12b3c5d1234567") is None
    assert gsr_date("AAW_ARB_20081340.0001-1") is None  # no 40th of a 13th month


def test_a_gsr_csv_is_read_row_by_row() -> None:
    rows = read_gsr_csv(ASSAULT_CSV)
    assert len(rows) == 9
    first = rows[0]
    assert (first.id, first.event_type, first.label) == (
        "AAW_ARB_20080119.0001-1",
        "ASSAULT",
        "yes",
    )
    assert (first.accept, first.reject, first.total) == (3, 0, 3)
    assert first.text == "EVENT ASSAULT ISR PSE mode=aerial"
    assert first.date == "2008-01-19"
    assert first.where == f"{ASSAULT_CSV}:2"
    assert [r.label for r in rows].count("difficult no") == 3
    hashed = read_gsr_csv(PROTEST_CSV)[0]
    assert hashed.date is None


def test_labels_are_read_whatever_their_case_and_separator(tmp_path: Path) -> None:
    path = tmp_path / "labels.csv"
    path.write_text(HEADER + "a1,assault,Easy_No,0,3,3,text one\n", encoding="utf-8")
    (row,) = read_gsr_csv(path)
    assert (row.label, row.event_type) == ("easy no", "ASSAULT")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("", "empty file"),
        ("id,label,text\nx,yes,t\n", "no column event_type"),
        (HEADER + "a1,ASSAULT,maybe,1,1,2,t\n", ":2: unknown label 'maybe'"),
        (HEADER + "a1,ASSAULT,yes,three,0,3,t\n", ":2: accept is not a whole number"),
        (HEADER + "a1,ASSAULT,yes,3,0,3,\n", ":2: empty text"),
        (HEADER + "a1,ASSAULT,yes,3,0,3,t,extra\n", ":2: more fields than"),
        (HEADER + "a1,ASSAULT,yes\n", ":2: too few fields"),
        (HEADER + "a1,BOMBING,yes,3,0,3,t\n", ":2: 'BOMBING' is not a PLOVER event type"),
        (HEADER, "no rows under the header"),
    ],
)
def test_a_bad_csv_is_one_line_with_file_and_line(
    tmp_path: Path, content: str, message: str
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_gsr_csv(path)
    text = str(caught.value)
    assert message in text
    assert text.startswith(f"[INPUT] {path}")
    assert "\n" not in text


def test_missing_and_binary_files_are_input_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_gsr_csv(tmp_path / "absent.csv")
    binary = tmp_path / "binary.csv"
    binary.write_bytes(b"id,event_type\n\xff\xfe\x00")
    with pytest.raises(InputError, match="not UTF-8"):
        read_gsr_csv(binary)


def test_the_same_sentence_twice_for_a_type_is_an_error() -> None:
    with pytest.raises(InputError, match="labelled for ASSAULT again"):
        read_gsr_csvs([ASSAULT_CSV, ASSAULT_CSV])


# --- scoring ----------------------------------------------------------------------------------


def test_confusion_scores_and_undefined_ones() -> None:
    c = Confusion(tp=3, fp=1, fn=2, tn=4)
    assert c.precision == pytest.approx(0.75)
    assert c.recall == pytest.approx(0.6)
    assert c.f1 == pytest.approx(6 / 9)
    assert c.fp_rate == pytest.approx(0.2)
    empty = Confusion(tn=5)
    assert (empty.precision, empty.recall, empty.f1) == (None, None, None)
    assert empty.fp_rate == 0.0


def test_detection_counts_on_the_assault_fixture() -> None:
    report = evaluate_detection(read_gsr_csv(ASSAULT_CSV), fake_coder())
    (score,) = report.scores
    assert score.event_type == "ASSAULT"
    assert (score.positives, score.negatives, score.left_out) == (3, 5, 1)
    assert score.confusion == Confusion(tp=1, fp=2, fn=2, tn=3)
    assert score.confusion.f1 == pytest.approx(1 / 3)
    assert score.confusion.fp_rate == pytest.approx(2 / 5)
    assert score.difficult_fp_rate == pytest.approx(1 / 3)
    by_label = {t.label: (t.n, t.predicted) for t in score.labels}
    assert by_label == {
        "yes": (3, 1),
        "easy no": (2, 1),
        "difficult no": (3, 1),
        "ambiguous": (1, 1),
    }
    fp = [j.row.id for j in report.with_outcome("ASSAULT", "fp")]
    fn = [j.row.id for j in report.with_outcome("ASSAULT", "fn")]
    assert fp == ["AAW_ARB_20080123.0005-1", "AAW_ARB_20080124.0006-3"]
    assert fn == ["AAW_ARB_20080120.0002-4", "AAW_ARB_20080121.0003-2"]


def test_each_type_is_scored_on_its_own_rows_and_type_filters() -> None:
    rows = read_gsr_csvs([ASSAULT_CSV, PROTEST_CSV])
    report = evaluate_detection(rows, fake_coder())
    assert [s.event_type for s in report.scores] == ["ASSAULT", "PROTEST"]
    protest = report.score("PROTEST")
    # the ASSAULT row coded as PROTEST does not count for PROTEST
    assert protest.confusion == Confusion(tp=2, fp=1, fn=0, tn=1)
    assert protest.confusion.f1 == pytest.approx(0.8)
    only = evaluate_detection(rows, fake_coder(), event_type="PROTEST")
    assert [s.event_type for s in only.scores] == ["PROTEST"]
    assert len(only.judged) == 4
    with pytest.raises(InputError, match="no rows of type AID"):
        evaluate_detection(rows, fake_coder(), event_type="AID")


class CountingPipeline:
    def __init__(self) -> None:
        self.seen: list[Article] = []

    def __call__(self, article: Article) -> Document:
        self.seen.append(article)
        return FakePipeline()(article)


def test_the_coder_codes_each_text_once_with_its_date() -> None:
    pipeline = CountingPipeline()
    coder = SentenceCoder(pipeline)
    first = coder("EVENT ASSAULT ISR", "2008-01-19", "a")
    again = coder("EVENT ASSAULT ISR", "2008-01-19", "b")
    assert first is again
    assert [(a.id, a.date) for a in pipeline.seen] == [("a", "2008-01-19")]
    assert coder.calls == 1
    assert first.codes("ASSAULT") and not first.codes("PROTEST")


def test_a_failing_sentence_is_kept_with_its_error() -> None:
    coder = fake_coder()
    raised = coder("FAIL", None, "x")
    assert raised.events == ()
    assert raised.errors[0].startswith("pipeline: RuntimeError: fake failure")
    stage = coder("STAGEFAIL\nEVENT ASSAULT ISR", None, "y")
    assert stage.codes("ASSAULT")
    assert stage.errors == ("stage fake: ValueError: asked to fail",)


def test_the_real_pipeline_on_three_arabic_sentences() -> None:
    """The scores agree with what ``marsad.analyze`` codes on each sentence with its date
    (what it codes is the rules' business, checked by their own tests)."""
    rows = read_gsr_csv(ARABIC_CSV)
    report = evaluate_detection(rows, SentenceCoder(marsad.load()))
    assert [s.event_type for s in report.scores] == ["ASSAULT", "PROTEST"]
    for judged in report.judged:
        row = judged.row
        assert row.date == "2008-01-19"
        doc = marsad.analyze(row.text, row.date)
        assert [(e.event, e.mode, e.reason) for e in judged.coded.events] == [
            (e.event, e.mode, e.reason) for e in doc.events
        ]
        assert judged.predicted == any(e.event == row.event_type for e in doc.events)
        assert all(e.reason for e in judged.coded.events)  # every coded event says why
        assert judged.coded.errors == ()
    for score in report.scores:
        c = score.confusion
        assert c.tp + c.fp + c.fn + c.tn == sum(r.event_type == score.event_type for r in rows)


# --- the reports ------------------------------------------------------------------------------


def test_the_text_and_json_reports_carry_the_scores() -> None:
    report = evaluate_detection(read_gsr_csv(ASSAULT_CSV), fake_coder())
    text = render_detection(report)
    header, rule, row = text.split("\n\n")[1].splitlines()
    assert header.split()[:4] == ["type", "pos", "neg", "left"]
    assert set(rule) == {"-", " "}
    assert row.split() == [
        *("ASSAULT", "3", "5", "1", "1", "2", "2", "3"),
        *("0.333", "0.333", "0.333", "0.400", "0.333"),
    ]
    data = detection_json(report, errors=1)
    assert data["types"]["ASSAULT"]["f1"] == pytest.approx(0.3333)
    assert data["types"]["ASSAULT"]["by_label"]["difficult no"] == {
        "n": 3,
        "predicted": 1,
        "rate": pytest.approx(0.3333),
    }
    (fp,) = data["errors"]["ASSAULT"]["false_positives"]
    assert fp["id"] == "AAW_ARB_20080123.0005-1"
    assert fp["events"][0]["event"] == "ASSAULT"
    assert fp["date"] == "2008-01-23"


def test_the_error_list_shows_every_coded_event() -> None:
    report = evaluate_detection(read_gsr_csv(ASSAULT_CSV), fake_coder())
    text = render_errors(report, 5)
    assert "ASSAULT: 2 of 2 false positives" in text
    assert "ASSAULT: 2 of 2 false negatives" in text
    # the missed sentence coded as another type shows that event
    missed = text.split("AAW_ARB_20080120.0002-4", 1)[1].splitlines()[1]
    assert missed.strip().startswith("COERCE «COERCE» actor ISR/GOV recipient PSE/GOV")
    assert "no event coded" in text


# --- the command ------------------------------------------------------------------------------


def run(argv: list[str], capsys: Capture) -> tuple[int, str, str]:
    status = main(argv, pipeline_factory=make_pipeline)
    out, err = capsys.readouterr()
    return status, out, err


def test_marsad_eval_detection_prints_the_table_and_errors(capsys: Capture) -> None:
    status, out, err = run(
        ["eval", "detection", str(ASSAULT_CSV), str(PROTEST_CSV), "--errors", "1"], capsys
    )
    assert (status, err) == (0, "")
    rows: dict[str, list[str]] = {}
    for line in out.splitlines():  # the first line of a type is its row of the main table
        if line.startswith(("ASSAULT ", "PROTEST ")):
            rows.setdefault(line.split()[0], line.split())
    assert rows["ASSAULT"][1:8] == ["3", "5", "1", "1", "2", "2", "3"]
    assert rows["PROTEST"][1:8] == ["2", "2", "0", "2", "1", "0", "1"]
    assert "ASSAULT: 1 of 2 false positives" in out
    assert "PROTEST: 0 of 0 false negatives" in out
    assert "- AAW_ARB_20080123.0005-1 (easy no, 0 accept / 3 reject): EVENT ASSAULT USA" in out


def test_marsad_eval_detection_json_and_type(capsys: Capture) -> None:
    status, out, _ = run(
        [
            "eval",
            "detection",
            str(ASSAULT_CSV),
            str(PROTEST_CSV),
            "--type",
            "protest",
            "--format",
            "json",
        ],
        capsys,
    )
    assert status == 0
    data = json.loads(out)
    assert list(data["types"]) == ["PROTEST"]
    assert data["types"]["PROTEST"]["f1"] == pytest.approx(0.8)
    assert "errors" not in data


def test_marsad_eval_detection_bad_input_is_one_line_and_status_2(
    tmp_path: Path, capsys: Capture
) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text(HEADER + "a1,ASSAULT,perhaps,1,1,2,t\n", encoding="utf-8")
    status, out, err = run(["eval", "detection", str(bad)], capsys)
    assert (status, out) == (2, "")
    assert (
        err == f"marsad: [INPUT] {bad}:2: unknown label 'perhaps' "
        "(expected yes, easy no, difficult no or ambiguous)\n"
    )
    status, _, err = run(["eval", "detection", str(tmp_path / "none.csv")], capsys)
    assert status == 2
    assert err.count("\n") == 1 and "cannot read" in err
    status, _, err = run(["eval", "detection", str(ASSAULT_CSV), "--type", "BOMBING"], capsys)
    assert status == 2
    assert "'BOMBING' is not a PLOVER event type" in err
    status, _, err = run(["eval", "detection", str(PROTEST_CSV), "--type", "ASSAULT"], capsys)
    assert status == 2
    assert err == "marsad: [INPUT] no rows of type ASSAULT to score\n"


def test_marsad_eval_detection_stage_failures_give_status_1(
    tmp_path: Path, capsys: Capture
) -> None:
    path = tmp_path / "fails.csv"
    path.write_text(HEADER + 'a1,ASSAULT,yes,3,0,3,"STAGEFAIL\nEVENT ASSAULT ISR"\n', "utf-8")
    status, out, err = run(["eval", "detection", str(path)], capsys)
    assert status == 1
    assert "A stage failed on 1 sentences" in out
    assert err == f"marsad: {path}:2: stage fake: ValueError: asked to fail\n"


def test_marsad_eval_alone_prints_usage_and_status_2(capsys: Capture) -> None:
    status, _, err = run(["eval"], capsys)
    assert status == 2
    assert "choose detection, actors or plover" in err
