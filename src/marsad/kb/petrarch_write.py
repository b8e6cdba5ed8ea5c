"""Write the rows of an import (:class:`~marsad.kb.petrarch.ImportResult`) as the part files
``marsad kb import`` leaves for the loader: ``persons-PREFIX-imported.tsv`` and the like."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path

from marsad.errors import DataError
from marsad.kb.petrarch import ImportResult

TABLES = ("persons", "roles", "organisations", "agents")


def part_name(table: str, prefix: str) -> str:
    """``persons-phoenix-imported.tsv``: a part file the loader reads as imported."""
    return f"{table}-{prefix}-imported.tsv"


def _cell(values: Iterable[str]) -> str:
    return "|".join(values)


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


def import_rows(result: ImportResult) -> dict[str, tuple[tuple[str, ...], list[tuple[str, ...]]]]:
    """Each table's header and rows, as the part files hold them."""
    return {
        "persons": (
            ("id", "name_en", "names_ar", "gender", "wikidata", "note", "names_en"),
            [(p.id, p.name, "", "", "", p.note, _cell(p.names)) for p in result.persons],
        ),
        "roles": (
            ("person_id", "country", "sector", "office", "start", "end", "org", "note"),
            [
                (r.person_id, r.country, r.sector, "", _day(r.start), _day(r.end), "", r.note)
                for r in result.roles
            ],
        ),
        "organisations": (
            ("id", "name_en", "names_ar", "code", "sector", "note", "names_en"),
            [
                (o.id, o.name, "", o.code, o.sector or "", o.note, _cell(o.names))
                for o in result.organisations
            ],
        ),
        "agents": (
            ("term_ar", "sector", "note", "term_en"),
            [("", a.sector, a.note, a.term) for a in result.agents],
        ),
    }


def write_import(
    result: ImportResult, out_dir: Path, prefix: str, sources: Sequence[str]
) -> list[Path]:
    """Write the four part files into ``out_dir`` (made if missing; files of the same prefix are
    replaced) and return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for table, (header, rows) in import_rows(result).items():
        path = out_dir / part_name(table, prefix)
        lines = [
            f"# Imported by `marsad kb import` from {', '.join(sources)} (PETRARCH/TABARI"
            " dictionaries; check their licence before sharing this file).",
            "# English names only: kept for the English coder, never matched in Arabic text.",
            "\t".join(header),
            *("\t".join(_clean(cell) for cell in row) for row in rows),
        ]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        written.append(path)
    return written


def _clean(cell: str) -> str:
    if "\t" in cell or "\n" in cell:
        raise DataError(f"a tab or line break in an imported cell: {cell!r}")
    return cell
