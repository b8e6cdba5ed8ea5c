"""``marsad serve``: what it refuses before it starts (it runs for real in the browser tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

import marsad.web
from marsad.cli import main


def test_serve_refuses_a_missing_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", "--db", str(tmp_path / "none.db")]) == 2
    assert "no store at" in capsys.readouterr().err


@pytest.mark.parametrize(
    "args", [["--port", "0"], ["--port", "http"], ["--workers", "0"], ["--timeout", "-1"]]
)
def test_serve_refuses_bad_options(args: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["serve", *args]) == 2
    assert "marsad serve: error" in capsys.readouterr().err


def test_missing_web_extra_is_named(
    monkeypatch: pytest.MonkeyPatch, store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(marsad.web, "REQUIRED", ("fastapi", "no_such_package_for_marsad"))
    with pytest.raises(marsad.web.WebExtraError, match=r"marsad\[web\]"):
        marsad.web.create_app()
    assert main(["serve", "--db", str(store_path)]) == 2
    err = capsys.readouterr().err
    assert "pip install 'marsad[web]'" in err and "no_such_package_for_marsad" in err


def test_events_command_takes_the_same_filters(
    store_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import json

    args = ["events", "--db", str(store_path), "--format", "jsonl"]
    assert main([*args, "--country", "rus", "--type", "consult", "--since", "2021"]) == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert records and all(r["event"] == "CONSULT" for r in records)
    assert all("RUS" in {a["code"] for a in r["actor"] + r["recipient"]} for r in records)
    assert main([*args, "--until", "2021-12-31", "--limit", "2"]) == 0
    dates = [json.loads(line)["date"] for line in capsys.readouterr().out.splitlines()]
    assert len(dates) == 2 and all(d <= "2021-12-31" for d in dates) and dates == sorted(dates)
