"""``marsad actor`` (with the real pipeline), ``marsad kb import`` and ``marsad kb stats``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marsad.cli import main
from marsad.kb import default_kb, load_kb
from marsad.kb.load import KB_PATH_VAR

Capture = pytest.CaptureFixture[str]

CASES = Path(__file__).parent.parent / "kb" / "cases"
PHOENIX = sorted(str(path) for path in CASES.glob("phoenix-*.txt"))
ACTOR_KEYS = ["code", "sector", "name", "identifier", "office", "method", "reason"]


@pytest.fixture(autouse=True)
def _no_kb_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(KB_PATH_VAR, raising=False)


def run(argv: list[str], capsys: Capture) -> tuple[int, str, str]:
    status = main(argv)
    out, err = capsys.readouterr()
    return status, out, err


def actor_json(capsys: Capture, *argv: str) -> tuple[int, Any]:
    status, out, err = run(["actor", *argv, "--format", "json"], capsys)
    assert err == ""
    (line,) = out.splitlines()
    return status, json.loads(line)


# --- marsad actor --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "الرئيس الأمريكي",
            "2019-06-01",
            ("USA", "GOV", "الرئيس الأمريكي", "donald-trump", "president", "title-holder"),
        ),
        (
            "الرئيس الأمريكي",
            "2022-06-01",
            ("USA", "GOV", "الرئيس الأمريكي", "joe-biden", "president", "title-holder"),
        ),
        (
            "حسني مبارك",
            "2015",
            ("EGY", "ELI", "حسني مبارك", "hosni-mubarak", "president", "person-former-role"),
        ),
    ],
)
def test_actor_json(text: str, date: str, expected: tuple[str, ...], capsys: Capture) -> None:
    status, record = actor_json(capsys, text, "--date", date)
    assert status == 0
    assert list(record) == ACTOR_KEYS
    assert tuple(record[key] for key in ACTOR_KEYS[:-1]) == expected
    assert record["reason"]


def test_actor_json_is_written_as_utf8(capsys: Capture) -> None:
    status, out, _ = run(
        ["actor", "الرئيس الأمريكي", "--date", "2019-06-01", "--format", "json"], capsys
    )
    assert status == 0 and "\\u" not in out and "الرئيس" in out


def test_actor_text_is_one_line(capsys: Capture) -> None:
    status, out, err = run(["actor", "الرئيس الأمريكي", "--date", "2022-06-01"], capsys)
    assert (status, err) == (0, "")
    (line,) = out.splitlines()
    assert line.startswith("USA/GOV  الرئيس الأمريكي")
    assert "joe-biden president" in line
    assert "by title-holder: " in line


def test_nothing_resolves(capsys: Capture) -> None:
    assert actor_json(capsys, "كلام بلا معنى قرقر") == (1, None)
    status, out, err = run(["actor", "كلام بلا معنى قرقر"], capsys)
    assert (status, err) == (1, "")
    assert out.startswith("no actor in: ")


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["actor", "الرئيس", "--date", "2019-13-01"], "--date: bad date '2019-13-01'"),
        (["actor", "الرئيس", "--date", "yesterday"], "--date: bad date 'yesterday'"),
        (["actor", "  "], "TEXT is empty"),
    ],
)
def test_actor_bad_input_is_one_line(argv: list[str], message: str, capsys: Capture) -> None:
    status, out, err = run(argv, capsys)
    assert (status, out) == (2, "")
    (line,) = err.splitlines()
    assert line.startswith("marsad: actor: ") and message in line


def test_actor_usage_errors(capsys: Capture) -> None:
    status, out, err = run(["actor"], capsys)
    assert (status, out) == (2, "")
    assert "usage: marsad actor" in err
    status, _, err = run(["actor", "x", "--format", "xml"], capsys)
    assert status == 2 and "invalid choice" in err


# --- marsad kb import ----------------------------------------------------------------------------


def test_import_the_phoenix_excerpts(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "kb"
    status, stdout, err = run(["kb", "import", *PHOENIX, "--out", str(out)], capsys)
    assert status == 1  # some lines could not be read; the rest was imported
    (summary,) = stdout.splitlines()
    assert summary == (
        f"13 persons, 21 roles, 9 organisations, 36 agents imported from 4 files; "
        f"23 entries skipped, 6 lines not read -> {out}"
    )
    lines = err.splitlines()
    assert all(line.startswith("marsad: ") for line in lines)
    assert (
        "marsad: phoenix-countries.actors.txt:41: bad date '9008223' (YYMMDD or YYYYMMDD)" in lines
    )
    assert "marsad: phoenix-agents.txt:25: bad agent line: DEPARMENT_OF_ENVIRONMENT [~ENV}" in lines
    assert any(line.startswith("marsad: skipped 2 entries: a country") for line in lines)
    assert any("unknown CAMEO code KKL" in line for line in lines)
    prefix = "phoenix-agents"  # the first file's stem, slugified
    assert sorted(path.name for path in out.iterdir()) == [
        f"{table}-{prefix}-imported.tsv"
        for table in ("agents", "organisations", "persons", "roles")
    ]
    kb = load_kb(extra_dirs=[out])
    assert kb.person("anwar-as-sadat") is not None
    assert len(kb.english_agents()) == 36


def test_the_imported_files_load_with_the_kb_path(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "kb"
    run(["kb", "import", *PHOENIX, "--out", str(out), "--prefix", "phoenix"], capsys)
    monkeypatch.setenv(KB_PATH_VAR, str(out))
    status, after, err = run(["kb", "stats", "--format", "json"], capsys)
    assert (status, err) == (0, "")
    monkeypatch.delenv(KB_PATH_VAR)
    _, before, _ = run(["kb", "stats", "--format", "json"], capsys)
    monkeypatch.setenv(KB_PATH_VAR, str(out))
    shipped, extended = json.loads(before), json.loads(after)
    assert extended["persons"] == shipped["persons"] + 13
    assert extended["roles"] == shipped["roles"] + 21
    assert extended["organisations"] == shipped["organisations"] + 9
    assert extended["agents"] == shipped["agents"]  # the Arabic ones
    assert extended["agents_en"] == 36
    assert extended["imported"] == 13 + 9 + 36
    assert extended["imported_by_kind"] == {
        "persons": 13,
        "roles": 21,
        "organisations": 9,
        "agents": 36,
    }
    assert extended["organisations_by_code"]["MNC"] == 1
    assert extended["kb_path"] == [str(out)]
    # importing again into a directory of MARSAD_KB_PATH replaces its files
    status, stdout, _ = run(
        ["kb", "import", *PHOENIX, "--out", str(out), "--prefix", "phoenix"], capsys
    )
    assert status == 1 and stdout.startswith("13 persons, 21 roles")
    # and a second import with another prefix skips what the first one holds: 8 persons and 1
    # organisation of the countries file, and the 2 people marsad ships (Karzai, Mubarak)
    status, stdout, err = run(["kb", "import", PHOENIX[1], "--out", str(out)], capsys)
    assert status == 2 and stdout == ""
    assert "skipped 11 entries: id already in the knowledge base" in err
    assert err.splitlines()[-1].startswith("marsad: kb import: nothing to import from")


def test_a_clean_dictionary_exits_0(tmp_path: Path, capsys: Capture) -> None:
    source = tmp_path / "My Actors.txt"
    source.write_text(
        "JANE_DOE_\n+MINISTER_DOE_\n\t[FRAGOV 100101-120101]\nGOOD_NGO_ [NGOHRI]\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    status, stdout, err = run(["kb", "import", str(source), "--out", str(out)], capsys)
    assert (status, err) == (0, "")
    assert stdout.startswith("1 persons, 1 roles, 1 organisations, 0 agents imported")
    roles = (out / "roles-my-actors-imported.tsv").read_text(encoding="utf-8").splitlines()
    assert roles[-1] == "jane-doe\tFRA\tGOV\t\t2010-01-01\t2012-01-01\t\tCAMEO FRAGOV 100101-120101"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--prefix", "Bad Name"], "--prefix 'Bad Name': use lower-case letters"),
        (["--out", "FILE"], "not a directory"),
    ],
)
def test_import_usage_errors(
    argv: list[str], message: str, tmp_path: Path, capsys: Capture
) -> None:
    afile = tmp_path / "file.txt"
    afile.write_text("x", encoding="utf-8")
    argv = [str(afile) if arg == "FILE" else arg for arg in argv]
    if "--out" not in argv:
        argv += ["--out", str(tmp_path / "out")]
    status, out, err = run(["kb", "import", PHOENIX[0], *argv], capsys)
    assert (status, out) == (2, "")
    (line,) = err.splitlines()
    assert message in line
    assert not (tmp_path / "out").exists()


def test_import_of_nothing_writes_nothing(tmp_path: Path, capsys: Capture) -> None:
    out = tmp_path / "out"
    status, stdout, err = run(
        ["kb", "import", str(tmp_path / "missing.txt"), "--out", str(out)], capsys
    )
    assert (status, stdout) == (2, "")
    assert err.splitlines() == [
        f"marsad: {tmp_path / 'missing.txt'}: no such file",
        f"marsad: kb import: nothing to import from {tmp_path / 'missing.txt'}",
    ]
    assert not out.exists()


def test_import_needs_out(capsys: Capture) -> None:
    status, out, err = run(["kb", "import", PHOENIX[0]], capsys)
    assert (status, out) == (2, "")
    assert "the following arguments are required: --out" in err


def test_a_broken_kb_path_stops_with_one_line(
    tmp_path: Path, capsys: Capture, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(KB_PATH_VAR, str(tmp_path / "nowhere"))
    status, out, err = run(["kb", "stats"], capsys)
    assert (status, out) == (2, "")
    assert err == f"marsad: [DATA] MARSAD_KB_PATH: not a directory: {tmp_path / 'nowhere'}\n"


# --- marsad kb stats -----------------------------------------------------------------------------


def test_stats(capsys: Capture) -> None:
    kb = default_kb()  # what the command counts
    status, out, _ = run(["kb", "stats", "--format", "json"], capsys)
    counts = json.loads(out)
    assert status == 0
    assert counts["countries"] == len(kb.countries())
    assert counts["nisba_forms"] == sum(len(c.nisbas) for c in kb.countries())
    assert counts["persons"] == len(kb.persons())
    assert counts["roles"] == len(kb.roles())
    assert counts["offices"] == len(kb.offices())
    assert sum(counts["organisations_by_code"].values()) == len(kb.organisations())
    assert counts["organisations_by_code"]["UNO"] > 0
    assert counts["agents"] == len(kb.agents())
    assert (counts["imported"], counts["agents_en"], counts["kb_path"]) == (0, 0, [])
    status, text, _ = run(["kb", "stats"], capsys)
    lines = text.splitlines()
    assert status == 0
    assert lines[0].split() == ["countries", str(len(kb.countries()))]
    assert f"UNO {counts['organisations_by_code']['UNO']}" in [" ".join(x.split()) for x in lines]
    assert lines[-1] == f"{KB_PATH_VAR}: (not set)"


def test_kb_alone_is_a_usage_error(capsys: Capture) -> None:
    status, out, err = run(["kb"], capsys)
    assert (status, out) == (2, "")
    assert "usage: marsad kb" in err
    assert err.splitlines()[-1] == "marsad: kb: choose import or stats (see marsad kb --help)"


def test_help_lists_the_new_commands(capsys: Capture) -> None:
    status, out, _ = run(["--help"], capsys)
    assert status == 0 and "actor" in out and "kb" in out
    status, out, _ = run(["kb", "--help"], capsys)
    assert status == 0 and "import" in out and "stats" in out
