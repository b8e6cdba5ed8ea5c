"""The knowledge-base commands: ``marsad actor``, ``marsad kb import`` and ``marsad kb stats``.

Each takes parsed arguments (and the pipeline factory, unused: ``actor`` goes through
:func:`marsad.api.resolve_actor`) and returns an exit status.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

from marsad.api import resolve_actor
from marsad.cli.commands import warn
from marsad.cli.table import LRM
from marsad.ingest import PipelineFactory
from marsad.io.dates import parse_date
from marsad.kb import KnowledgeBase, default_kb, load_kb
from marsad.kb.load import KB_PATH_VAR, check_kb_dir, kb_path_from_env
from marsad.kb.petrarch import ImportResult, import_dictionaries
from marsad.kb.petrarch_entries import slug
from marsad.kb.petrarch_write import TABLES, part_name, write_import
from marsad.types import ActorRef

_PREFIX = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


# --- marsad actor -------------------------------------------------------------------------------


def actor_record(ref: ActorRef) -> dict[str, Any]:
    """What ``marsad actor --format json`` prints for a resolved actor."""
    return {
        "code": ref.code,
        "sector": ref.sector,
        "name": ref.entity_text,
        "identifier": ref.identifier,
        "office": ref.office,
        "method": ref.method,
        "reason": ref.reason,
    }


def actor_line(ref: ActorRef) -> str:
    """One readable line, the phrase in Arabic script ("al-ra'is al-amriki" here):
    ``USA/GOV al-ra'is al-amriki  donald-trump president  by title-holder: …``"""
    parts = [f"{ref.code or '---'}/{ref.sector or '---'}", ref.entity_text + LRM]
    found = " ".join(value for value in (ref.identifier, ref.office) if value)
    if found:
        parts.append(found)
    parts.append(f"by {ref.method}: {ref.reason}" if ref.reason else f"by {ref.method}")
    return "  ".join(parts)


def actor(args: argparse.Namespace, factory: PipelineFactory) -> int:
    text: str = args.text
    if not text.strip():
        warn("actor: TEXT is empty")
        return 2
    date: str | None = None
    if args.date is not None:
        try:
            date = parse_date(args.date)
        except ValueError as exc:
            warn(f"actor: --date: {exc}")
            return 2
    ref = resolve_actor(text, date)
    if args.format == "json":
        print(json.dumps(actor_record(ref) if ref else None, ensure_ascii=False))
    elif ref is None:
        print(f"no actor in: {text}{LRM}")
    else:
        print(actor_line(ref))
    return 0 if ref is not None else 1


# --- marsad kb stats ----------------------------------------------------------------------------


def kb_counts(kb: KnowledgeBase) -> dict[str, Any]:
    """Counts by kind for ``marsad kb stats``."""
    countries = kb.countries()
    by_code = Counter(organisation.code for organisation in kb.organisations())
    imported = {
        "persons": sum(person.imported for person in kb.persons()),
        "roles": sum(role.imported for role in kb.roles()),
        "organisations": sum(organisation.imported for organisation in kb.organisations()),
        "agents": sum(agent.imported for agent in {*kb.agents(), *kb.english_agents()}),
    }
    return {
        "countries": len(countries),
        "nisba_forms": sum(len(country.nisbas) for country in countries),
        "capitals": sum(len(country.capitals) for country in countries),
        "seats": sum(len(country.seats) for country in countries),
        "persons": len(kb.persons()),
        "roles": len(kb.roles()),
        "offices": len(kb.offices()),
        "office_titles": sum(len(office.titles) for office in kb.offices()),
        "organisations": len(kb.organisations()),
        "organisations_by_code": dict(
            sorted(by_code.items(), key=lambda item: (-item[1], item[0]))
        ),
        "agents": len(kb.agents()),
        "agents_en": len(kb.english_agents()),
        "imported": imported["persons"] + imported["organisations"] + imported["agents"],
        "imported_by_kind": imported,
        "kb_path": [str(directory) for directory in kb_path_from_env()],
    }


def _stats_text(counts: dict[str, Any]) -> str:
    rows: list[tuple[str, object]] = [
        ("countries", counts["countries"]),
        ("nisba forms", counts["nisba_forms"]),
        ("capitals", counts["capitals"]),
        ("seats of government", counts["seats"]),
        ("persons", counts["persons"]),
        ("roles", counts["roles"]),
        ("offices", counts["offices"]),
        ("office titles", counts["office_titles"]),
        ("organisations", counts["organisations"]),
        *((f"  {code}", n) for code, n in counts["organisations_by_code"].items()),
        ("agents (Arabic)", counts["agents"]),
        ("agents (English)", counts["agents_en"]),
        ("imported entries", counts["imported"]),
        *((f"  {kind}", n) for kind, n in counts["imported_by_kind"].items()),
    ]
    width = max(len(label) for label, _ in rows)
    lines = [f"{label:<{width}}  {value:>7}" for label, value in rows]
    path = os.pathsep.join(counts["kb_path"]) if counts["kb_path"] else "(not set)"
    lines.append(f"{KB_PATH_VAR}: {path}")
    return "\n".join(lines)


def kb_stats(args: argparse.Namespace, factory: PipelineFactory) -> int:
    counts = kb_counts(default_kb())
    if args.format == "json":
        print(json.dumps(counts, ensure_ascii=False))
    else:
        print(_stats_text(counts))
    return 0


# --- marsad kb import ---------------------------------------------------------------------------


def _report(result: ImportResult) -> None:
    """Everything not imported, on stderr: each line that could not be read, then one line per
    reason for skipping, per CAMEO code not mapped."""
    for problem in result.problems:
        warn(str(problem))
    for reason, tally in result.skipped.items():
        warn(f"skipped {tally.count} entries: {reason} (first: {tally.first})")
    if result.merged.count:
        warn(
            f"merged {result.merged.count} entries into an earlier one with the same id "
            f"(first: {result.merged.first})"
        )
    if result.undated.count:
        warn(
            f"dropped {result.undated.count} undated codes of persons: a role needs a date "
            f"(first: {result.undated.first})"
        )
    for part, tally in sorted(result.unknown.items()):
        warn(f"unknown CAMEO code {part}: not mapped, {tally.count} times (first: {tally.first})")


def _same_dir(a: Path, b: Path) -> bool:
    return a.resolve() == b.resolve()


def _known(out: Path, prefix: str) -> tuple[KnowledgeBase, tuple[Path, ...]]:
    """The knowledge base an import into ``out`` extends: the shipped files, the other
    directories of MARSAD_KB_PATH, and the part files already in ``out`` but for the ones the
    import replaces. Returns it with those other directories."""
    others = tuple(d for d in kb_path_from_env() if not _same_dir(d, out))
    if not out.is_dir():
        return load_kb(extra_dirs=others), others
    check_kb_dir(out)
    own = {part_name(table, prefix) for table in TABLES}
    with tempfile.TemporaryDirectory() as tmp:
        for entry in out.glob("*.tsv"):
            if entry.name not in own:
                shutil.copyfile(entry, Path(tmp) / entry.name)
        return load_kb(extra_dirs=(*others, Path(tmp))), others


def kb_import(args: argparse.Namespace, factory: PipelineFactory) -> int:
    files = [Path(name) for name in args.files]
    prefix: str = args.prefix if args.prefix is not None else slug(files[0].stem)
    if not _PREFIX.fullmatch(prefix):
        warn(f"kb import: --prefix {prefix!r}: use lower-case letters, digits and '-'")
        return 2
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        warn(f"kb import: --out {out}: not a directory")
        return 2
    known, others = _known(out, prefix)
    result = import_dictionaries(files, known)
    _report(result)
    if not result.entries:
        warn(f"kb import: nothing to import from {' '.join(map(str, files))}")
        return 2
    write_import(result, out, prefix, [file.name for file in files])
    load_kb(extra_dirs=(*others, out))  # the files written must load (else DataError: exit 2)
    print(
        f"{len(result.persons)} persons, {len(result.roles)} roles, "
        f"{len(result.organisations)} organisations, {len(result.agents)} agents imported "
        f"from {len(files)} files; {result.skipped_entries} entries skipped, "
        f"{len(result.problems)} lines not read -> {out}"
    )
    return 1 if result.problems else 0
