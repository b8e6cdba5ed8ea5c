"""Keep the documentation honest: every command and option documented, the quick start exact."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

import pytest

from marsad.cli import build_parser
from marsad.store.migrations import MIGRATIONS

ROOT = Path(__file__).resolve().parent.parent
CLI_DOC = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
README = (ROOT / "README.md").read_text(encoding="utf-8")


def _subcommands() -> dict[str, argparse.ArgumentParser]:
    """Every command, nested ones by their full name (``kb import``)."""
    found: dict[str, argparse.ArgumentParser] = {}

    def walk(parser: argparse.ArgumentParser, prefix: str) -> None:
        for action in parser._actions:
            if isinstance(action, argparse._SubParsersAction):
                for name, sub in action.choices.items():
                    found[prefix + name] = sub
                    walk(sub, f"{prefix}{name} ")

    walk(build_parser(), "")
    if not found:
        raise AssertionError("marsad has no subcommands")
    return found


def _options(parser: argparse.ArgumentParser) -> list[str]:
    return [option for action in parser._actions for option in action.option_strings]


def test_there_are_commands_to_document() -> None:
    assert set(_subcommands()) == {
        *("code", "ingest", "events", "export", "stats", "run", "actor", "serve"),
        *("kb", "kb import", "kb stats"),
        *("eval", "eval detection", "eval actors", "eval plover"),
        *("ner-tag", "ner-eval", "ner-train"),
    }


@pytest.mark.parametrize("command", sorted(_subcommands()))
def test_every_command_has_a_section_with_all_its_options(command: str) -> None:
    sections = re.split(r"^## ", CLI_DOC, flags=re.MULTILINE)
    (section,) = [s for s in sections if s.startswith(f"`marsad {command}`")]
    parser = _subcommands()[command]
    for option in _options(parser):
        if option not in ("-h", "--help"):
            assert f"`{option}" in section, f"{option} of marsad {command} is not in docs/cli.md"
    for action in parser._actions:
        if not action.option_strings:  # a positional, or the subcommands of ``kb``
            continue
        for choice in action.choices or ():
            assert f"{action.option_strings[0]} {choice}" in section


def test_top_level_options_are_documented() -> None:
    for option in _options(build_parser()):
        assert f"`{option}`" in CLI_DOC


def test_readme_quick_start_is_make_run_then_make_test() -> None:
    section = README.split("## Quick start", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```\w*\n(.*?)```", section, flags=re.DOTALL)
    assert block is not None
    assert block.group(1).splitlines() == ["make run", "make test"]


def test_readme_links_point_to_files_that_exist() -> None:
    for target in re.findall(r"\]\(((?!https?:)[^)#]+)\)", README):
        assert (ROOT / target).exists(), target


def test_store_doc_lists_every_migration_and_table() -> None:
    doc = (ROOT / "docs" / "store.md").read_text(encoding="utf-8")
    for migration in MIGRATIONS:
        assert f"`{migration.name}`" in doc
        for statement in migration.statements:
            table = re.match(r"CREATE TABLE (\w+)", statement)
            if table:
                assert f"### `{table.group(1)}`" in doc
