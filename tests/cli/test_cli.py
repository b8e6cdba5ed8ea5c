from __future__ import annotations

import io
import json
import os
import sys
from pathlib import Path

import pytest

import marsad.ingest as ingest_module
from marsad import __version__, build
from marsad.cli import main
from marsad.cli.table import LRM, display_width, render_table
from marsad.errors import PipelineError
from marsad.ingest import WORKER_DIED, Coded, Failed, Tally, code_paths
from marsad.io.readers import Origin
from marsad.store import open_store
from marsad.types import Article
from tests.cli.fake_pipeline import FakePipeline, broken_factory, make_pipeline

Capture = pytest.CaptureFixture[str]


def run(argv: list[str], capsys: Capture) -> tuple[int, str, str]:
    status = main(argv, pipeline_factory=make_pipeline)
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A directory with text and JSONL articles, one bad JSONL line and one failing article."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    (folder / "a.txt").write_text(
        "date 2021-05-19\nمقدمة الخبر.\nEVENT CONSULT RUS AZE mode=phone\nEVENT AGREE RUS\n",
        encoding="utf-8",
    )
    lines = [
        {"id": "j1", "text": "EVENT REQUEST YEM UNO mode=assist", "date": "2022-03-10"},
        {"id": "j2", "text": "لا حدث هنا"},
        {"id": "j3", "text": "FAIL"},
        {"id": "j4", "text": "EVENT AGREE TUR IRN", "date": "2022-06-27"},
    ]
    rows = [json.dumps(line, ensure_ascii=False) for line in lines]
    rows.insert(2, "{broken")
    (folder / "b.jsonl").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


@pytest.fixture
def good(tmp_path: Path) -> Path:
    path = tmp_path / "good.txt"
    path.write_text(
        "date 2021-05\nاتصل بوتين بعلييف.\nEVENT CONSULT RUS AZE mode=phone\n", encoding="utf-8"
    )
    return path


# --- marsad code ----------------------------------------------------------------------------


def test_code_jsonl_prints_plover_records(good: Path, capsys: Capture) -> None:
    status, out, err = run(["code", str(good), "--format", "jsonl"], capsys)
    assert (status, err) == (0, "")
    text = good.read_text(encoding="utf-8").split("\n", 1)[1]
    article = Article(id="good", text=text, date="2021-05")
    (expected,) = FakePipeline()(article).events
    (line,) = out.splitlines()
    record = json.loads(line)
    assert record == expected.to_plover(article.text)
    assert (record["date"], record["date_precision"]) == ("2021-05", "month")
    assert record["event"] == "CONSULT"
    assert "\\u" not in line  # Arabic is written as is


def test_code_table(good: Path, capsys: Capture) -> None:
    status, out, _ = run(["code", str(good)], capsys)
    assert status == 0
    header, rule, row = out.splitlines()
    assert header.split() == ["date", "event", "mode", "actor", "recipient", "trigger"]
    assert set(rule.replace(" ", "")) == {"-"}
    assert row.split() == [
        "2021-05",
        "CONSULT",
        "phone",
        "RUS/GOV",
        "RUS",
        "AZE/GOV",
        "AZE",
        "CONSULT",
    ]


def test_code_reports_failures_with_file_and_line_and_exits_1(
    corpus: Path, capsys: Capture
) -> None:
    status, out, err = run(["code", str(corpus), "--format", "jsonl"], capsys)
    assert status == 1
    events = [json.loads(line)["id"] for line in out.splitlines()]
    assert events == ["a-0", "a-1", "j1-0", "j4-0"]
    lines = err.splitlines()
    assert lines[0].startswith(f"marsad: {corpus / 'b.jsonl'}:3: not JSON")
    assert lines[1] == (
        f"marsad: {corpus / 'b.jsonl'}:4: coding failed: RuntimeError: fake failure on j3"
    )
    assert len(lines) == 2


@pytest.mark.parametrize("workers", ["1", "2"])
def test_stage_errors_are_reported_once_and_count_as_failures(
    tmp_path: Path, capfd: Capture, workers: str
) -> None:
    path = tmp_path / "s.txt"
    path.write_text("EVENT AGREE RUS\nSTAGEFAIL\n", encoding="utf-8")
    argv = ["code", str(path), "--format", "jsonl", "--workers", workers]
    status = main(argv, pipeline_factory=make_pipeline)
    out, err = capfd.readouterr()  # fd-level: workers write to stderr from their own process
    assert status == 1
    assert len(out.splitlines()) == 1
    # the pipeline's own log warning is not shown besides the command's line
    assert err == f"marsad: {path}: stage fake failed: ValueError: asked to fail\n"


@pytest.mark.parametrize("content", [b"", b"\x00\x01binary"])
def test_nothing_readable_exits_2(tmp_path: Path, capsys: Capture, content: bytes) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(content)
    status, out, err = run(["code", str(path)], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(f"marsad: {path}: ")
    assert "nothing could be coded" in err


def test_code_with_no_events_says_so(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "quiet.txt"
    path.write_text("لا شيء هنا.", encoding="utf-8")
    assert run(["code", str(path)], capsys) == (0, "no events in 1 article(s)\n", "")


def test_code_from_stdin(capsys: Capture, monkeypatch: pytest.MonkeyPatch) -> None:
    data = b"date 2022-03-10\nEVENT REQUEST YEM UNO\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))
    status, out, _ = run(["code", "-", "--format", "jsonl", "--date", "2022-03-11"], capsys)
    assert status == 0
    assert json.loads(out)["date"] == "2022-03-11"


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "spawned"])
def test_workers_give_the_same_output_as_one(
    fork: bool, corpus: Path, capsys: Capture, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fork and not ingest_module._fork_is_safe():
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr(ingest_module, "_fork_is_safe", lambda: fork)
    builds = tmp_path / "builds.log"
    monkeypatch.setenv("FAKE_PIPELINE_BUILDS", str(builds))
    one = run(["code", str(corpus), "--format", "jsonl"], capsys)
    here = str(os.getpid())
    assert builds.read_text().split() == [here]
    builds.unlink()
    two = run(["code", str(corpus), "--format", "jsonl", "--workers", "2"], capsys)
    assert two == one
    pids = builds.read_text().split()
    if fork:
        assert pids == [here]  # built once here; the forked workers share it
    else:
        assert len(pids) == len(set(pids)) <= 2  # each spawned worker builds it once
        assert here not in pids


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "spawned"])
def test_a_worker_that_dies_fails_only_its_article(
    fork: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fork and not ingest_module._fork_is_safe():
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr(ingest_module, "_fork_is_safe", lambda: fork)
    for name, text in [("a", "EVENT AGREE RUS"), ("b", "CRASH"), ("c", "EVENT AGREE TUR")]:
        (tmp_path / f"{name}.txt").write_text(text, encoding="utf-8")
    outcomes = list(code_paths([tmp_path], workers=2, pipeline_factory=make_pipeline))
    assert [type(o).__name__ for o in outcomes] == ["Coded", "Failed", "Coded"]
    failed = outcomes[1]
    assert isinstance(failed, Failed)
    assert (failed.stage, failed.reason, failed.article_id) == ("worker", WORKER_DIED, "b")
    assert [len(o.events) for o in outcomes if isinstance(o, Coded)] == [1, 1]


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_pipeline_that_cannot_be_built_is_one_line(
    good: Path, capsys: Capture, workers: str
) -> None:
    status = main(["code", str(good), "--workers", workers], pipeline_factory=broken_factory)
    out, err = capsys.readouterr()
    assert (status, out) == (2, "")
    assert err == (
        "marsad: [PIPELINE] cannot build the pipeline: FileNotFoundError: language data missing\n"
    )


def test_pipeline_is_not_built_when_nothing_is_readable(tmp_path: Path) -> None:
    outcomes = list(code_paths([tmp_path / "none.txt"], pipeline_factory=broken_factory))
    assert outcomes == [
        Failed(Origin(str(tmp_path / "none.txt")), "read", "no such file or directory")
    ]


def test_code_paths_rejects_zero_workers(good: Path) -> None:
    with pytest.raises(PipelineError):
        list(code_paths([good], workers=0, pipeline_factory=make_pipeline))


def test_tally_status() -> None:
    tally = Tally()
    assert tally.status == 2
    origin = Origin("x")
    tally.add(Coded(origin, Article("a", "t"), ()))
    assert tally.status == 0
    tally.add(Failed(origin, "read", "empty"))
    assert (tally.articles, tally.errors, tally.status) == (1, 1, 1)


# --- usage ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["code"],
        ["frobnicate"],
        ["code", "x.txt", "--date", "2021-02-30"],
        ["code", "x.txt", "--workers", "0"],
        ["code", "x.txt", "--format", "xml"],
        ["events", "--limit", "-1"],
    ],
)
def test_usage_errors_exit_2(argv: list[str], capsys: Capture) -> None:
    status, out, err = run(argv, capsys)
    assert (status, out) == (2, "")
    assert "usage: marsad" in err


def test_version_and_help(capsys: Capture) -> None:
    assert run(["--version"], capsys) == (0, f"marsad {__version__} ({build()})\n", "")
    status, out, _ = run(["--help"], capsys)
    assert status == 0
    assert all(name in out for name in ("code", "ingest", "events", "run"))


# --- store commands ---------------------------------------------------------------------------


def test_ingest_stores_and_reingesting_never_doubles(
    corpus: Path, tmp_path: Path, capsys: Capture
) -> None:
    db = str(tmp_path / "m.db")
    status, out, err = run(["ingest", str(corpus), "--db", db], capsys)
    assert status == 1
    assert out == f"4 articles, 4 events, 2 errors -> {db}\n"
    assert err.count("\n") == 2
    status, out, _ = run(
        ["ingest", str(corpus), "--db", f"sqlite:///{db}", "--workers", "2"], capsys
    )
    # the articles stored already are skipped; the failures are met again
    assert status == 1
    assert out == f"0 articles, 0 events, 2 errors, 4 skipped (stored already) -> {db}\n"
    run(["ingest", str(corpus), "--db", db, "--recode"], capsys)
    with open_store(db) as store:
        assert store.count_events() == 4
        assert store.count_articles() == 4
        runs = store.runs()
        counts = [(r["articles"], r["events"], r["errors"]) for r in runs]
        assert counts == [(4, 4, 2), (0, 0, 2), (4, 4, 2)]
        errors = store.errors(runs[0]["id"])
        assert [(e["line"], e["stage"]) for e in errors] == [(3, "read"), (4, "pipeline")]


@pytest.mark.parametrize("fork", [True, False], ids=["forked", "spawned"])
def test_an_article_repeated_within_a_few_lines_counts_once_with_workers(
    fork: bool, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    if fork and not ingest_module._fork_is_safe():
        pytest.skip("workers are forked on Linux only")
    monkeypatch.setattr(ingest_module, "_fork_is_safe", lambda: fork)
    monkeypatch.setenv("FAKE_PIPELINE_DELAY", "0.01")  # all is read before much is coded
    same = {"id": "a", "text": "EVENT CONSULT RUS AZE", "date": "2021-05-19"}
    other = {"id": "a", "text": "EVENT CONSULT AZE RUS", "date": "2021-05-19"}
    # more quiet articles than two workers hold, so that «a» is saved while the rest is read
    quiet = [{"id": f"q{n}", "text": "nothing to code"} for n in range(40)]
    rows = [same, same, {"id": "b", "text": "EVENT ASSAULT SYR"}, *quiet, same, other, same]
    news = tmp_path / "news.jsonl"
    news.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    outputs = []
    for workers in ("1", "2"):
        db = tmp_path / f"w{workers}.db"
        status, out, _ = run(["ingest", str(news), "--db", str(db), "--workers", workers], capsys)
        with open_store(str(db)) as store:
            stored = sorted(json.dumps(e, sort_keys=True) for e in store.events())
        outputs.append((status, out.replace(str(db), "DB"), stored))
    # «a» saved, its next copy and the one after the quiet articles skipped, then replaced by
    # another text, then by the first again
    assert outputs[0][:2] == (
        0,
        "44 articles, 4 events, 0 errors, 2 skipped (stored already) -> DB\n",
    )
    assert outputs[1] == outputs[0]


def test_events_command(corpus: Path, tmp_path: Path, capsys: Capture) -> None:
    db = str(tmp_path / "m.db")
    run(["ingest", str(corpus), "--db", db], capsys)
    status, out, _ = run(["events", "--db", db, "--format", "jsonl"], capsys)
    assert status == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["id"] for r in records] == ["a-0", "a-1", "j1-0", "j4-0"]  # by date, then id
    assert records[0]["text_info"]["text"] == "EVENT CONSULT RUS AZE mode=phone"
    status, out, _ = run(["events", "--db", db, "--limit", "1"], capsys)
    assert status == 0
    assert len(out.splitlines()) == 3
    assert "CONSULT" in out


def test_events_from_a_missing_store(tmp_path: Path, capsys: Capture) -> None:
    db = tmp_path / "none.db"
    status, out, err = run(["events", "--db", str(db)], capsys)
    assert (status, out) == (2, "")
    assert err == f"marsad: [STORE] no store at {db}: run 'marsad ingest' first, or give --db\n"
    assert not db.exists()


def test_store_url_from_the_environment(
    good: Path, tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "env.db"
    monkeypatch.setenv("MARSAD_DB", str(db))
    assert run(["ingest", str(good)], capsys)[0] == 0
    assert run(["events", "--format", "jsonl"], capsys)[1].count("\n") == 1


def test_unreachable_postgres_is_one_line_not_a_traceback(good: Path, capsys: Capture) -> None:
    url = "postgresql://marsad:secret@127.0.0.1:1/db"
    status, out, err = run(["ingest", str(good), "--db", url], capsys)
    assert (status, out) == (2, "")
    assert err.startswith(
        "marsad: [STORE] cannot open the store postgresql://marsad:***@127.0.0.1:1/db"
    )
    assert "secret" not in err
    assert err.count("\n") == 1


def test_run_stores_the_packaged_examples(tmp_path: Path, capsys: Capture) -> None:
    db = str(tmp_path / "m.db")
    status, out, err = run(["run", "--db", db], capsys)
    assert (status, err) == (0, "")
    assert out == f"no events in the examples\n4 articles, 0 events, 0 errors -> {db}\n"
    with open_store(db) as store:
        assert store.count_articles() == 4


# --- the table printer ----------------------------------------------------------------------


def test_table_widths_ignore_arabic_vowel_marks() -> None:
    assert display_width("مُحَمَّد") == 4
    assert display_width("RUS") == 3


def test_table_keeps_columns_apart_for_bidi_terminals() -> None:
    table = render_table(("a", "b", "c"), [["بوتين", "علييف", "x"], ["long cell", "y", "z"]])
    rows = table.splitlines()
    assert rows[2] == "بوتين" + LRM + "      " + "علييف" + LRM + "  x"
    assert rows[3] == "long cell  y      z"
    assert render_table(("a",), [["ب" * 50]], max_width=10).endswith("ب" * 9 + "\u2026" + LRM)
