"""The TSV files of the knowledge base: their names and columns, reading one into rows, and the
checks of single cells that several tables share.

Every file is UTF-8 text with a header row naming its columns; ``#`` lines and blank lines are
skipped; ``|`` separates the variants inside a cell. Anything wrong raises
:class:`marsad.errors.DataError` with the file, the line number and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatch
from importlib.resources import files
from importlib.resources.abc import Traversable

from marsad.errors import DataError
from marsad.kb.model import PLOVER_SECTORS

NISBA_AFFIXES = "nisba_affixes.tsv"
ISO3166 = "iso3166.tsv"
OFFICES = "offices.tsv"
ORGANISATIONS = "organisations.tsv"
COUNTRIES = "countries.tsv"
PERSONS = "persons.tsv"
ROLES = "roles.tsv"
AGENTS = "agents.tsv"
CAMEO_SECTORS = "cameo_sectors.tsv"

#: Part files with this name pattern may hold entries without Arabic (see :mod:`marsad.kb.load`).
IMPORTED_PATTERN = "*-imported*.tsv"

#: Every file: (required columns in order, optional columns that may follow them).
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    NISBA_AFFIXES: (("form", "suffix", "note"), ()),
    ISO3166: (("iso3", "name_en"), ()),
    OFFICES: (("office", "titles_ar", "sector", "rank"), ("note", "country_titles_ar")),
    ORGANISATIONS: (
        ("id", "name_en", "names_ar", "code", "sector", "note"),
        ("names_en", "changes"),
    ),
    COUNTRIES: (
        ("iso3", "name_en", "names_ar", "nisba_ar", "capital_ar", "seat_ar"),
        ("nisba_extra_ar",),
    ),
    PERSONS: (
        ("id", "name_en", "names_ar", "gender", "wikidata"),
        ("note", "names_en", "office_names_ar"),
    ),
    ROLES: (("person_id", "country", "sector", "office", "start", "end"), ("org", "note")),
    AGENTS: (("term_ar", "sector", "note"), ("term_en",)),
    CAMEO_SECTORS: (("cameo", "plover", "note"), ()),  # read by marsad.kb.cameo, not load_kb
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def shipped_dir() -> Traversable:
    """The directory of the files that ship with marsad."""
    return files("marsad.kb").joinpath("data")


@dataclass(frozen=True, slots=True)
class Row:
    file: str
    line: int
    cells: Mapping[str, str]
    imported: bool = False  # read from a *-imported*.tsv file

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def fail(self, reason: str) -> DataError:
        return DataError(f"{self.file}:{self.line}: {reason}")


def read_table(
    source: Traversable, name: str, columns: str | None = None, *, label: str | None = None
) -> list[Row]:
    """The rows of file ``name`` in ``source``, checked against the columns of ``columns``
    (default ``name``); messages name the file ``label`` (default ``name``)."""
    entry = source.joinpath(name)
    label = label or name
    if not entry.is_file():
        raise DataError(f"{label}: file not found in {source}")
    required, optional = COLUMNS[columns or name]
    imported = fnmatch(name, IMPORTED_PATTERN)
    header: tuple[str, ...] | None = None
    rows: list[Row] = []
    try:
        text = entry.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError) as exc:
        raise DataError(f"{label}: cannot be read as UTF-8 text ({exc})") from None
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if header is None:
            header = _check_header(label, number, fields, required, optional)
            continue
        if len(fields) != len(header):
            raise DataError(
                f"{label}:{number}: wrong column count: {len(fields)} fields, "
                f"the header has {len(header)}"
            )
        cells = dict(zip(header, (f.strip() for f in fields), strict=True))
        rows.append(Row(label, number, cells, imported))
    if header is None:
        raise DataError(f"{label}: no header row")
    return rows


def _check_header(
    name: str,
    number: int,
    fields: tuple[str, ...],
    required: tuple[str, ...],
    optional: tuple[str, ...],
) -> tuple[str, ...]:
    if fields[: len(required)] != required:
        raise DataError(
            f"{name}:{number}: header must start with {' '.join(required)}, got {' '.join(fields)}"
        )
    extra = fields[len(required) :]
    unknown = [column for column in extra if column not in optional]
    if unknown or len(set(extra)) != len(extra):
        raise DataError(f"{name}:{number}: unknown or repeated columns {' '.join(extra)}")
    return fields


# --- cells ----------------------------------------------------------------------------------------


def variants(row: Row, column: str, *, required: bool = True) -> tuple[str, ...]:
    cell = row[column]
    if not cell:
        if required:
            raise row.fail(f"empty {column}")
        return ()
    parts = tuple(part.strip() for part in cell.split("|"))
    if any(not part for part in parts):
        raise row.fail(f"empty variant in {column}: {cell!r}")
    if len(set(parts)) != len(parts):
        raise row.fail(f"repeated variant in {column}: {cell!r}")
    return parts


def plover_sector(row: Row, column: str = "sector") -> str:
    value = row[column]
    if value not in PLOVER_SECTORS:
        raise row.fail(
            f"unknown sector {value!r} (PLOVER sectors: {' '.join(sorted(PLOVER_SECTORS))})"
        )
    return value


def optional_plover_sector(row: Row, column: str = "sector") -> str | None:
    return plover_sector(row, column) if row[column] else None


def iso_date(row: Row, column: str) -> date:
    value = row[column]
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise row.fail(f"bad date {value!r} in {column} (want YYYY-MM-DD)") from None


def check_unique(rows: Iterable[Row], column: str, what: str) -> None:
    seen: dict[str, Row] = {}
    for row in rows:
        key = row[column]
        if not key:  # an empty cell is checked by the reader of the column
            continue
        first = seen.get(key)
        if first is not None:
            where = f"line {first.line}" if first.file == row.file else f"{first.file}:{first.line}"
            raise row.fail(f"duplicate {what} {key!r} (first on {where})")
        seen[key] = row
