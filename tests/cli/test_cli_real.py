"""``marsad code`` with the real pipeline: PLOVER lines from the seed, and every kind of bad
input reported in one line on stderr with the documented exit status (docs/cli.md)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main
from marsad.io.readers import split_header

Capture = pytest.CaptureFixture[str]

SEED_NAME = "ar-2021-05-karabakh.txt"
EXAMPLES = resources.files("marsad").joinpath("examples")
PLOVER_KEYS = frozenset(
    {
        "id",
        "story_id",
        "date",
        "date_precision",
        "event",
        "mode",
        "context",
        "actor",
        "recipient",
        "event_text",
        "text_info",
        "quad_code",
        "event_scale",
        "cameo",
        "event_loc",
    }
)
PLOVER_TYPES = frozenset(
    {
        "AGREE",
        "CONSULT",
        "SUPPORT",
        "CONCEDE",
        "COOPERATE",
        "AID",
        "RETREAT",
        "REQUEST",
        "ACCUSE",
        "REJECT",
        "THREATEN",
        "PROTEST",
        "SANCTION",
        "MOBILIZE",
        "COERCE",
        "ASSAULT",
    }
)
BIG_BYTES = 10_000_000
# A hang guard, not a speed target (benchmarks/big_article.py measures that): 10 MB takes 25-70 s
# on one core when every stage is linear, and a stage that compares every sentence or event with
# every other runs for hours.
BIG_LIMIT_SECONDS = 600


def example_bytes(name: str) -> bytes:
    return EXAMPLES.joinpath(name).read_bytes()


def seed_body() -> str:
    """The seed article without its ``date 2021-05`` header, as the reader gives it."""
    date, body = split_header(example_bytes(SEED_NAME).decode("utf-8"))
    assert date == "2021-05"
    return body


@pytest.fixture
def seed(tmp_path: Path) -> Path:
    path = tmp_path / SEED_NAME
    path.write_bytes(example_bytes(SEED_NAME))
    return path


def run(argv: list[str], capsys: Capture) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def records(out: str) -> list[dict[str, Any]]:
    lines = out.splitlines()
    parsed = [json.loads(line) for line in lines]
    assert all(isinstance(r, dict) for r in parsed)
    return parsed


def assert_one_line_errors(err: str, *expected: str) -> None:
    """stderr holds exactly the expected ``marsad: ...`` lines, and no traceback."""
    assert "Traceback" not in err
    assert err.splitlines() == list(expected)


# -- the seed --------------------------------------------------------------------------------


def test_seed_with_a_day_gives_plover_lines(seed: Path, capsys: Capture) -> None:
    status, out, err = run(["code", str(seed), "--date", "2021-05-19", "--format", "jsonl"], capsys)
    assert (status, err) == (0, "")
    found = records(out)
    assert len(found) >= 5
    body = seed_body()
    for record in found:
        assert set(record) >= PLOVER_KEYS, PLOVER_KEYS - set(record)
        assert record["story_id"] == "ar-2021-05-karabakh"
        assert record["event"] in PLOVER_TYPES
        assert record["date_precision"] == "day"
        assert record["date"].startswith("2021-05-")
        assert record["date"] <= "2021-05-19"  # the article reports nothing after its day
        info = record["text_info"]
        assert body[info["start"] : info["end"]] == info["text"]
        first = info["evidence"][0]
        assert body[first["trigger_start"] : first["trigger_end"]] == record["event_text"]
        assert record["actor"], "every event has an actor"
        for party in (*record["actor"], *record["recipient"]):
            assert party["entity_text"] in body
    assert "2021-05-19" in {r["date"] for r in found}
    assert len({r["id"] for r in found}) == len(found)


def test_seed_without_a_date_keeps_the_header_month(seed: Path, capsys: Capture) -> None:
    status, out, err = run(["code", str(seed), "--format", "jsonl"], capsys)
    assert (status, err) == (0, "")
    found = records(out)
    assert len(found) >= 5
    assert {(r["date"], r["date_precision"]) for r in found} == {("2021-05", "month")}


def test_seed_as_a_table(seed: Path, capsys: Capture) -> None:
    status, out, err = run(["code", str(seed), "--date", "2021-05-19"], capsys)
    assert (status, err) == (0, "")
    header, *rows = out.splitlines()
    assert header.split()[:3] == ["date", "event", "mode"]
    assert any("CONSULT" in row and "RUS/GOV" in row for row in rows)


# -- bad input -------------------------------------------------------------------------------


def test_an_empty_file_exits_2(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    status, out, err = run(["code", str(path), "--format", "jsonl"], capsys)
    assert (status, out) == (2, "")
    assert_one_line_errors(
        err, f"marsad: {path}: empty", f"marsad: nothing could be coded from {path}"
    )


def test_a_binary_file_exits_2(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "scan.txt"
    path.write_bytes(b"%PDF-1.4\x00\x00\x01\x02\xff\xfe" + bytes(range(256)))
    status, out, err = run(["code", str(path), "--format", "jsonl"], capsys)
    assert (status, out) == (2, "")
    assert_one_line_errors(
        err, f"marsad: {path}: binary file", f"marsad: nothing could be coded from {path}"
    )


def test_a_cp1256_arabic_file_is_coded_like_its_utf8_twin(tmp_path: Path, capsys: Capture) -> None:
    body = seed_body()
    utf8, legacy = tmp_path / "utf8" / SEED_NAME, tmp_path / "cp1256" / SEED_NAME
    utf8.parent.mkdir()
    legacy.parent.mkdir()
    utf8.write_bytes(body.encode("utf-8"))
    legacy.write_bytes(body.encode("cp1256"))
    argv = ["--date", "2021-05-19", "--format", "jsonl"]
    want = run(["code", str(utf8), *argv], capsys)
    got = run(["code", str(legacy), *argv], capsys)
    assert got[0] == 0 and got[2] == ""
    assert len(records(got[1])) >= 5
    assert got == want


def test_a_latin1_file_that_is_not_arabic_exits_2(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "french.txt"
    text = "Le président français a déclaré à Paris qu'il rencontrera son homologue été."
    path.write_bytes(text.encode("latin-1"))
    status, out, err = run(["code", str(path), "--format", "jsonl"], capsys)
    assert (status, out) == (2, "")
    assert_one_line_errors(
        err, f"marsad: {path}: not UTF-8 text", f"marsad: nothing could be coded from {path}"
    )


def test_english_text_is_coded_with_no_events(tmp_path: Path, capsys: Capture) -> None:
    path = tmp_path / "english.txt"
    path.write_text(
        "The Russian president spoke by phone with his Azerbaijani counterpart on Wednesday, "
        "and the two sides agreed to keep talking.\n",
        encoding="utf-8",
    )
    assert run(["code", str(path), "--format", "jsonl"], capsys) == (0, "", "")
    assert run(["code", str(path)], capsys) == (0, "no events in 1 article(s)\n", "")


def test_a_jsonl_file_with_a_bad_line_codes_the_others_and_exits_1(
    tmp_path: Path, capsys: Capture
) -> None:
    path = tmp_path / "feed.jsonl"
    body = seed_body()
    lines = [
        json.dumps({"id": "first", "text": body, "date": "2021-05-19"}, ensure_ascii=False),
        '{"id": "second", "text": "نص مقطوع',
        json.dumps({"id": "third", "text": body, "date": "2021-05"}, ensure_ascii=False),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    status, out, err = run(["code", str(path), "--format", "jsonl"], capsys)
    assert status == 1
    assert "Traceback" not in err
    (line,) = err.splitlines()
    assert line.startswith(f"marsad: {path}:2: not JSON (")
    found = records(out)
    assert [r["story_id"] for r in found] == sorted(r["story_id"] for r in found)
    assert {r["story_id"] for r in found} == {"first", "third"}
    assert {r["date_precision"] for r in found if r["story_id"] == "third"} == {"month"}


def test_a_10_mb_article_finishes_and_gives_events_to_its_end(tmp_path: Path) -> None:
    """Run in a child process with a time limit, so a stage slower than linear fails the test
    instead of holding the suite."""
    body = seed_body()
    copies = BIG_BYTES // len(body.encode("utf-8")) + 1
    text = "\n\n".join([body] * copies)
    path = tmp_path / "big.txt"
    path.write_text("date 2021-05-19\n" + text, encoding="utf-8")
    assert path.stat().st_size >= BIG_BYTES
    program = "import sys; from marsad.cli import main; sys.exit(main(sys.argv[1:]))"
    started = time.monotonic()
    try:
        done = subprocess.run(
            [sys.executable, "-c", program, "code", str(path), "--format", "jsonl"],
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=BIG_LIMIT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"coding a 10 MB article took over {BIG_LIMIT_SECONDS} s")
    elapsed = time.monotonic() - started
    assert (done.returncode, done.stderr) == (0, ""), done.stderr[-2000:]
    found = records(done.stdout)
    assert found, f"no events in {elapsed:.0f} s"
    assert {r["date"] for r in found} <= {f"2021-05-{d:02d}" for d in range(1, 20)}
    # events are found to the end of the article, not only in its first part
    last = max(e["trigger_start"] for r in found for e in r["text_info"]["evidence"])
    assert last > len(text) * 0.99


def test_workers_give_the_same_jsonl_as_one_process(tmp_path: Path, capfd: Capture) -> None:
    articles = []
    for entry in sorted(EXAMPLES.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".txt"):
            date, body = split_header(entry.read_bytes().decode("utf-8"))
            articles.append({"id": entry.name.removesuffix(".txt"), "text": body, "date": date})
    articles.append({"id": "seed-day", "text": seed_body(), "date": "2021-05-19"})
    articles.append({"id": "seed-year", "text": seed_body(), "date": "2021"})
    assert len(articles) == 6
    path = tmp_path / "six.jsonl"
    path.write_text(
        "".join(json.dumps(a, ensure_ascii=False) + "\n" for a in articles), encoding="utf-8"
    )
    argv = ["code", str(path), "--format", "jsonl"]
    one = main([*argv, "--workers", "1"]), *capfd.readouterr()
    two = main([*argv, "--workers", "2"]), *capfd.readouterr()
    assert one[0] == 0 and one[2] == ""
    found = records(one[1])
    assert {r["story_id"] for r in found} >= {"ar-2021-05-karabakh", "seed-day", "seed-year"}
    assert two == one
