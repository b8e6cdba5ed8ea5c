"""Read the knowledge-base TSV files, check them, and build a :class:`KnowledgeBase`.

Every file is UTF-8 text with a header row naming its columns; ``#`` lines and blank lines are
skipped; ``|`` separates the variants inside a cell. Anything wrong raises
:class:`marsad.errors.DataError` with the file, the line number and the reason.

Besides the shipped files, :func:`load_kb` reads the part files (``persons-*.tsv``,
``roles-*.tsv``, ``organisations-*.tsv``, ``agents-*.tsv``) of every directory listed in the
environment variable ``MARSAD_KB_PATH`` (separated by :data:`os.pathsep`), with the same checks.
Files named ``*-imported*.tsv`` (what ``marsad kb import`` writes) may leave the Arabic names,
a person's gender and a role's office empty: their entries carry English names for the English
coder and are never matched in Arabic text.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from fnmatch import fnmatch
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Literal

from marsad.errors import DataError
from marsad.kb.model import (
    NON_STATE_CODES,
    PLOVER_SECTORS,
    Agent,
    Country,
    DatePrecision,
    NisbaAffixes,
    Office,
    Organisation,
    Person,
    Role,
    StatusChange,
)

NISBA_AFFIXES = "nisba_affixes.tsv"
ISO3166 = "iso3166.tsv"
OFFICES = "offices.tsv"
ORGANISATIONS = "organisations.tsv"
COUNTRIES = "countries.tsv"
PERSONS = "persons.tsv"
ROLES = "roles.tsv"
AGENTS = "agents.tsv"
CAMEO_SECTORS = "cameo_sectors.tsv"

#: The environment variable naming extra knowledge-base directories (``os.pathsep`` between).
KB_PATH_VAR = "MARSAD_KB_PATH"
#: Part files with this name pattern may hold entries without Arabic (see the module docstring).
IMPORTED_PATTERN = "*-imported*.tsv"

#: Every file: (required columns in order, optional columns that may follow them).
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    NISBA_AFFIXES: (("form", "suffix", "note"), ()),
    ISO3166: (("iso3", "name_en"), ()),
    OFFICES: (("office", "titles_ar", "sector", "rank"), ("note",)),
    ORGANISATIONS: (
        ("id", "name_en", "names_ar", "code", "sector", "note"),
        ("names_en", "changes"),
    ),
    COUNTRIES: (
        ("iso3", "name_en", "names_ar", "nisba_ar", "capital_ar", "seat_ar"),
        ("nisba_extra_ar",),
    ),
    PERSONS: (("id", "name_en", "names_ar", "gender", "wikidata"), ("note", "names_en")),
    ROLES: (("person_id", "country", "sector", "office", "start", "end"), ("org", "note")),
    AGENTS: (("term_ar", "sector", "note"), ("term_en",)),
    CAMEO_SECTORS: (("cameo", "plover", "note"), ()),  # read by marsad.kb.petrarch, not load_kb
}

#: The files :func:`load_kb` reads (cameo_sectors.tsv serves ``marsad kb import`` only).
KB_FILES: tuple[str, ...] = tuple(name for name in COLUMNS if name != CAMEO_SECTORS)

#: Office keys starting with this name the acting (or interim, caretaker) form of an office.
ACTING_PREFIX = "acting_"

_ISO3 = re.compile(r"[A-Z]{3}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_OFFICE_KEY = re.compile(r"[a-z]+(?:_[a-z]+)*")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_QID = re.compile(r"Q[1-9][0-9]*")
_PRECISION = re.compile(r"\[(start|end):([a-z]+)\]")
_PRECISIONS: dict[str, DatePrecision] = {"month": "month", "approx": "approx", "before": "before"}
_GENDERS: dict[str, Literal["m", "f"]] = {"m": "m", "f": "f"}


@dataclass(frozen=True, slots=True)
class _Row:
    file: str
    line: int
    cells: Mapping[str, str]
    imported: bool = False  # read from a *-imported*.tsv file

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def fail(self, reason: str) -> DataError:
        return DataError(f"{self.file}:{self.line}: {reason}")


def _read_table(
    source: Traversable, name: str, columns: str | None = None, *, label: str | None = None
) -> list[_Row]:
    """The rows of file ``name`` in ``source``, checked against the columns of ``columns``
    (default ``name``); messages name the file ``label`` (default ``name``)."""
    entry = source.joinpath(name)
    label = label or name
    if not entry.is_file():
        raise DataError(f"{label}: file not found in {source}")
    required, optional = COLUMNS[columns or name]
    imported = fnmatch(name, IMPORTED_PATTERN)
    header: tuple[str, ...] | None = None
    rows: list[_Row] = []
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
        rows.append(_Row(label, number, cells, imported))
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


def _variants(row: _Row, column: str, *, required: bool = True) -> tuple[str, ...]:
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


def _sector(row: _Row, column: str = "sector") -> str:
    value = row[column]
    if value not in PLOVER_SECTORS:
        raise row.fail(
            f"unknown sector {value!r} (PLOVER sectors: {' '.join(sorted(PLOVER_SECTORS))})"
        )
    return value


def _optional_sector(row: _Row, column: str = "sector") -> str | None:
    return _sector(row, column) if row[column] else None


def _date(row: _Row, column: str) -> date:
    value = row[column]
    try:
        if not _DATE.fullmatch(value):
            raise ValueError(value)
        return date.fromisoformat(value)
    except ValueError:
        raise row.fail(f"bad date {value!r} in {column} (want YYYY-MM-DD)") from None


def _unique(rows: Iterable[_Row], column: str, what: str) -> None:
    seen: dict[str, _Row] = {}
    for row in rows:
        key = row[column]
        if not key:  # an empty cell is checked by the reader of the column
            continue
        first = seen.get(key)
        if first is not None:
            where = f"line {first.line}" if first.file == row.file else f"{first.file}:{first.line}"
            raise row.fail(f"duplicate {what} {key!r} (first on {where})")
        seen[key] = row


# --- one reader per file ------------------------------------------------------------------------


def _nisba_affixes(rows: list[_Row]) -> NisbaAffixes:
    _unique(rows, "form", "form")
    by_form = {row["form"]: row for row in rows}
    for key in ("article", "masculine_ending"):
        if key not in by_form:
            raise DataError(f"{NISBA_AFFIXES}: no row for {key!r}")
    suffixes: list[str] = []
    for row in rows:
        if not row["suffix"]:
            raise row.fail("empty suffix")
        if row["form"] not in {"article", "masculine_ending"}:
            suffixes.append(row["suffix"])
    return NisbaAffixes(
        article=by_form["article"]["suffix"],
        suffixes=tuple(suffixes),
        masculine_ending=by_form["masculine_ending"]["suffix"],
    )


def _iso3166(rows: list[_Row]) -> frozenset[str]:
    _unique(rows, "iso3", "code")
    for row in rows:
        if not _ISO3.fullmatch(row["iso3"]):
            raise row.fail(f"not an alpha-3 code: {row['iso3']!r}")
    return frozenset(row["iso3"] for row in rows)


def _offices(rows: list[_Row]) -> tuple[Office, ...]:
    _unique(rows, "office", "office")
    offices: list[Office] = []
    for row in rows:
        if not _OFFICE_KEY.fullmatch(row["office"]):
            raise row.fail(f"bad office key {row['office']!r} (lower_case_with_underscores)")
        rank = row["rank"]
        if not rank.isdigit() or int(rank) < 1:
            raise row.fail(f"bad rank {rank!r} (a whole number from 1)")
        offices.append(
            Office(
                office=row["office"],
                titles=_variants(row, "titles_ar"),
                sector=_optional_sector(row),
                rank=int(rank),
            )
        )
    return tuple(offices)


def _code(row: _Row, column: str, iso3: frozenset[str]) -> str:
    value = row[column]
    if value in NON_STATE_CODES or value in iso3:
        return value
    raise row.fail(
        f"bad country code {value!r}: not ISO 3166 alpha-3 nor one of "
        f"{' '.join(sorted(NON_STATE_CODES))}"
    )


def _names(row: _Row) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The Arabic and English names of a row: Arabic may be missing only in imported files."""
    names_ar = _variants(row, "names_ar", required=not row.imported)
    names_en = _variants(row, "names_en", required=False)
    if not names_ar and not names_en:
        raise row.fail("no name: names_ar and names_en are both empty")
    return names_ar, names_en


def _changes(row: _Row, iso3: frozenset[str]) -> tuple[StatusChange, ...]:
    """``YYYY-MM-DD:CODE:SECTOR|…`` (sector may be empty), in date order."""
    cell = row.cells.get("changes", "")
    changes: list[StatusChange] = []
    for item in filter(None, (part.strip() for part in cell.split("|"))):
        fields = item.split(":")
        if len(fields) != 3:
            raise row.fail(f"change {item!r} is not YYYY-MM-DD:CODE:SECTOR")
        day, code, sector = fields
        try:
            start = date.fromisoformat(day)
        except ValueError:
            raise row.fail(f"change {item!r}: bad date {day!r}") from None
        if code not in iso3 and code not in NON_STATE_CODES:
            raise row.fail(f"change {item!r}: bad country code {code!r}")
        if sector and sector not in PLOVER_SECTORS:
            raise row.fail(f"change {item!r}: unknown sector {sector!r}")
        changes.append(StatusChange(start, code, sector or None))
    if [c.start for c in changes] != sorted(c.start for c in changes):
        raise row.fail("changes must be in date order")
    return tuple(changes)


def _organisations(rows: list[_Row], iso3: frozenset[str]) -> tuple[Organisation, ...]:
    _unique(rows, "id", "organisation id")
    organisations: list[Organisation] = []
    for row in rows:
        if not _SLUG.fullmatch(row["id"]):
            raise row.fail(f"bad id {row['id']!r} (lower-case-slug)")
        names, names_en = _names(row)
        organisations.append(
            Organisation(
                id=row["id"],
                name_en=row["name_en"],
                names=names,
                code=_code(row, "code", iso3),
                sector=_optional_sector(row),
                note=row["note"],
                names_en=names_en,
                imported=row.imported,
                changes=_changes(row, iso3),
            )
        )
    return tuple(organisations)


def _countries(
    rows: list[_Row], iso3: frozenset[str], affixes: NisbaAffixes
) -> tuple[Country, ...]:
    _unique(rows, "iso3", "country")
    countries: list[Country] = []
    for row in rows:
        if row["iso3"] not in iso3:
            raise row.fail(f"bad country code {row['iso3']!r}: not in {ISO3166}")
        bases = _variants(row, "nisba_ar", required=False)  # none where every form is ambiguous
        for base in bases:
            if not base.endswith(affixes.masculine_ending) or base.startswith(affixes.article):
                raise row.fail(
                    f"nisba {base!r} is not a masculine singular form without the article"
                )
        forms: dict[str, None] = {}
        for base in bases:
            forms.update(dict.fromkeys(affixes.forms(base)))
        for extra in _variants(row, "nisba_extra_ar", required=False):
            bare = extra.removeprefix(affixes.article)
            forms.update(dict.fromkeys((bare, affixes.article + bare)))
        countries.append(
            Country(
                iso3=row["iso3"],
                name_en=row["name_en"],
                names=_variants(row, "names_ar"),
                nisbas=tuple(forms),
                capitals=_variants(row, "capital_ar", required=False),
                seats=_variants(row, "seat_ar", required=False),
                nisba_bases=bases,
            )
        )
    return tuple(countries)


def _persons(rows: list[_Row]) -> tuple[Person, ...]:
    _unique(rows, "id", "person id")
    persons: list[Person] = []
    for row in rows:
        if not _SLUG.fullmatch(row["id"]):
            raise row.fail(f"bad id {row['id']!r} (lower-case-slug)")
        gender = _GENDERS.get(row["gender"])
        if gender is None and not (row.imported and not row["gender"]):
            raise row.fail(f"bad gender {row['gender']!r} (m or f)")
        wikidata = row["wikidata"] or None
        if wikidata is not None and not _QID.fullmatch(wikidata):
            raise row.fail(f"bad wikidata id {wikidata!r}")
        names, names_en = _names(row)
        persons.append(
            Person(
                id=row["id"],
                name_en=row["name_en"],
                names=names,
                gender=gender,
                wikidata=wikidata,
                names_en=names_en,
                imported=row.imported,
            )
        )
    return tuple(persons)


def _precisions(row: _Row) -> tuple[DatePrecision, DatePrecision]:
    found: dict[str, DatePrecision] = {}
    for which, value in _PRECISION.findall(row["note"]):
        precision = _PRECISIONS.get(value)
        if precision is None or (precision == "before" and which == "end"):
            raise row.fail(f"bad date flag [{which}:{value}] in note")
        if which in found:
            raise row.fail(f"two date flags for {which} in note")
        found[which] = precision
    return found.get("start", "day"), found.get("end", "day")


def _roles(
    rows: list[_Row],
    iso3: frozenset[str],
    persons: Mapping[str, Person],
    offices: Mapping[str, Office],
    organisations: Mapping[str, Organisation],
) -> tuple[Role, ...]:
    roles: list[Role] = []
    seats: dict[tuple[str, str, str, str | None], list[tuple[Role, int]]] = {}
    for row in rows:
        if row["person_id"] not in persons:
            raise row.fail(f"unknown person id {row['person_id']!r} (not in {PERSONS})")
        country = _code(row, "country", iso3)
        sector = _sector(row)
        if row["office"] not in offices and not (row.imported and not row["office"]):
            raise row.fail(f"unknown office {row['office']!r} (not in {OFFICES})")
        org = row["org"] or None
        if org is not None and org not in organisations:
            raise row.fail(f"unknown organisation {org!r} (not in {ORGANISATIONS})")
        start = _date(row, "start")
        end = _date(row, "end") if row["end"] else None
        if end is not None and end <= start:
            raise row.fail(f"end {end} is not after start {start}")
        start_precision, end_precision = _precisions(row)
        if end is None and end_precision != "day":
            raise row.fail("a date flag for end, but end is empty")
        for value, precision in ((start, start_precision), (end, end_precision)):
            if value is not None and precision == "month" and value.day != 1:
                raise row.fail(f"month-only date {value} must be written YYYY-MM-01")
        role = Role(
            person_id=row["person_id"],
            country=country,
            sector=sector,
            office=row["office"],
            start=start,
            end=end,
            org=org,
            note=row["note"],
            start_precision=start_precision,
            end_precision=end_precision,
            imported=row.imported,
        )
        # an office and its acting form are one seat: nobody holds both on the same day; an
        # imported spell without an office is a seat of its own for each sector
        office = role.office.removeprefix(ACTING_PREFIX) or f"[{role.sector}]"
        seat = seats.setdefault((role.person_id, office, role.country, role.org), [])
        for other, line in seat:
            if _overlap(other, role):
                raise row.fail(
                    f"spell of {role.person_id} as {role.office} overlaps the one on line {line}"
                )
        seat.append((role, row.line))
        roles.append(role)
    return tuple(roles)


def _overlap(a: Role, b: Role) -> bool:
    return (a.end is None or b.start < a.end) and (b.end is None or a.start < b.end)


def _agents(rows: list[_Row]) -> tuple[Agent, ...]:
    _unique(rows, "term_ar", "term")
    _unique(rows, "term_en", "English term")
    agents: list[Agent] = []
    for row in rows:
        if not row["term_ar"] and not (row.imported and row["term_en"]):
            raise row.fail("empty term_ar" if not row.imported else "no term_ar nor term_en")
        agents.append(
            Agent(
                term=row["term_ar"],
                sector=_optional_sector(row),
                note=row["note"],
                term_en=row["term_en"],
                imported=row.imported,
            )
        )
    return tuple(agents)


# --- the knowledge base -------------------------------------------------------------------------


class KnowledgeBase:
    """The loaded, checked knowledge base, with look-ups by id and by date."""

    __slots__ = (
        "_agents",
        "_countries",
        "_country",
        "_english_agents",
        "_nisba_affixes",
        "_office",
        "_offices",
        "_organisation",
        "_organisations",
        "_person",
        "_persons",
        "_roles",
        "_roles_of",
        "_seats",
    )

    def __init__(
        self,
        *,
        countries: tuple[Country, ...],
        persons: tuple[Person, ...],
        roles: tuple[Role, ...],
        offices: tuple[Office, ...],
        organisations: tuple[Organisation, ...],
        agents: tuple[Agent, ...],
        nisba_affixes: NisbaAffixes,
    ) -> None:
        self._countries = countries
        self._persons = persons
        self._roles = roles
        self._offices = offices
        self._organisations = organisations
        self._agents = tuple(agent for agent in agents if agent.term)
        self._english_agents = tuple(agent for agent in agents if agent.term_en)
        self._nisba_affixes = nisba_affixes
        self._country = {country.iso3: country for country in countries}
        self._person = {person.id: person for person in persons}
        self._office = {office.office: office for office in offices}
        self._organisation = {organisation.id: organisation for organisation in organisations}
        roles_of: dict[str, list[Role]] = {}
        seats: dict[tuple[str, str], list[Role]] = {}
        for role in roles:
            roles_of.setdefault(role.person_id, []).append(role)
            seats.setdefault((role.country, role.office), []).append(role)
        self._seats = {seat: tuple(spells) for seat, spells in seats.items()}
        self._roles_of = {
            person_id: tuple(sorted(spells, key=lambda role: role.start))
            for person_id, spells in roles_of.items()
        }

    def countries(self) -> tuple[Country, ...]:
        return self._countries

    def country(self, iso3: str) -> Country | None:
        return self._country.get(iso3)

    def persons(self) -> tuple[Person, ...]:
        return self._persons

    def person(self, person_id: str) -> Person | None:
        return self._person.get(person_id)

    def roles(self) -> tuple[Role, ...]:
        return self._roles

    def roles_of(self, person_id: str) -> tuple[Role, ...]:
        """Every spell of a person, earliest first."""
        return self._roles_of.get(person_id, ())

    def role_at(self, person_id: str, when: date) -> Role | None:
        """The role in force on ``when``; of several, the one whose office ranks highest
        (then the one that began last)."""
        active = [role for role in self.roles_of(person_id) if role.active_on(when)]
        if not active:
            return None
        return min(active, key=lambda role: (self._rank(role.office), -role.start.toordinal()))

    def _rank(self, office: str) -> int:
        known = self._office.get(office)
        return known.rank if known else _NO_OFFICE_RANK  # an imported spell without an office

    def holder(
        self, country: str, office: str, when: date, org: str | None = None
    ) -> Person | None:
        """Who held ``office`` of ``country`` (and of organisation ``org``) on ``when``.

        Raises ValueError when several people match, as happens for an IGO office asked for
        without ``org``."""
        matches = {
            role.person_id
            for role in self._seats.get((country, office), ())
            if (org is None or role.org == org) and role.active_on(when)
        }
        if not matches:
            return None
        if len(matches) > 1:
            raise ValueError(
                f"{len(matches)} holders of {office} for {country} on {when}: "
                f"{', '.join(sorted(matches))} (pass org= to choose)"
            )
        return self._person[matches.pop()]

    def offices(self) -> tuple[Office, ...]:
        return self._offices

    def office(self, key: str) -> Office | None:
        return self._office.get(key)

    def organisations(self) -> tuple[Organisation, ...]:
        return self._organisations

    def organisation(self, organisation_id: str) -> Organisation | None:
        return self._organisation.get(organisation_id)

    def agents(self) -> tuple[Agent, ...]:
        """The agent nouns with an Arabic term: the ones the matcher looks for."""
        return self._agents

    def english_agents(self) -> tuple[Agent, ...]:
        """The agent nouns with an English term (imported), kept for the English coder."""
        return self._english_agents

    def nisba_affixes(self) -> NisbaAffixes:
        return self._nisba_affixes


_NO_OFFICE_RANK = 1_000  # below every office of offices.tsv


# Tables that may be split into parts for review: persons.tsv plus persons-europe.tsv, … read
# in name order as one table (ids stay unique across the parts). The directories of
# MARSAD_KB_PATH hold parts only.
SPLIT_TABLES = frozenset({PERSONS, ROLES, ORGANISATIONS, AGENTS})


def _part_names(directory: Traversable, name: str) -> list[str]:
    stem = name.removesuffix(".tsv")
    return sorted(
        entry.name
        for entry in directory.iterdir()
        if entry.name.startswith(stem + "-") and entry.name.endswith(".tsv")
    )


def _read_parts(source: Traversable, name: str, extra_dirs: Sequence[Path] = ()) -> list[_Row]:
    rows = _read_table(source, name)
    if name in SPLIT_TABLES:
        for part in _part_names(source, name):
            rows.extend(_read_table(source, part, columns=name))
        for directory in extra_dirs:
            for part in _part_names(directory, name):
                label = str(directory / part)
                rows.extend(_read_table(directory, part, columns=name, label=label))
    return rows


def _data_dir() -> Traversable:
    return files("marsad.kb").joinpath("data")


def kb_path_from_env() -> tuple[Path, ...]:
    """The extra knowledge-base directories that ``MARSAD_KB_PATH`` lists (empty entries are
    skipped)."""
    value = os.environ.get(KB_PATH_VAR, "")
    return tuple(Path(entry) for entry in value.split(os.pathsep) if entry.strip())


def check_kb_dir(directory: Path) -> None:
    """Check that ``directory`` can be a MARSAD_KB_PATH directory: it exists and its ``.tsv``
    files are all part files."""
    if not directory.is_dir():
        raise DataError(f"{KB_PATH_VAR}: not a directory: {directory}")
    stems = tuple(name.removesuffix(".tsv") + "-" for name in sorted(SPLIT_TABLES))
    for entry in sorted(directory.iterdir()):
        if entry.suffix == ".tsv" and not entry.name.startswith(stems):
            raise DataError(
                f"{entry}: a {KB_PATH_VAR} directory holds only part files "
                f"({', '.join(stem + '*.tsv' for stem in stems)})"
            )


def load_kb(
    data_dir: Path | None = None, *, extra_dirs: Sequence[Path] | None = None
) -> KnowledgeBase:
    """Read and check every file of the knowledge base in ``data_dir`` (default: the files that
    ship with marsad), merged with the part files of ``extra_dirs`` (default: the directories
    that ``MARSAD_KB_PATH`` lists)."""
    source: Traversable = _data_dir() if data_dir is None else data_dir
    extra = kb_path_from_env() if extra_dirs is None else tuple(extra_dirs)
    for directory in extra:
        check_kb_dir(directory)
    tables = {name: _read_parts(source, name, extra) for name in KB_FILES}
    affixes = _nisba_affixes(tables[NISBA_AFFIXES])
    iso3 = _iso3166(tables[ISO3166])
    offices = _offices(tables[OFFICES])
    organisations = _organisations(tables[ORGANISATIONS], iso3)
    countries = _countries(tables[COUNTRIES], iso3, affixes)
    persons = _persons(tables[PERSONS])
    roles = _roles(
        tables[ROLES],
        iso3,
        {person.id: person for person in persons},
        {office.office: office for office in offices},
        {organisation.id: organisation for organisation in organisations},
    )
    return KnowledgeBase(
        countries=countries,
        persons=persons,
        roles=roles,
        offices=offices,
        organisations=organisations,
        agents=_agents(tables[AGENTS]),
        nisba_affixes=affixes,
    )


def default_kb() -> KnowledgeBase:
    """The knowledge base shipped with marsad, with the directories of ``MARSAD_KB_PATH``,
    loaded once for each value of the variable."""
    return _default_kb(kb_path_from_env())


@cache
def _default_kb(extra_dirs: tuple[Path, ...]) -> KnowledgeBase:
    return load_kb(extra_dirs=extra_dirs)


def iter_names(kb: KnowledgeBase) -> Iterator[tuple[str, str, str]]:
    """Every Arabic surface form in the knowledge base as (form, kind, id): a flat view for
    the matcher to index."""
    for country in kb.countries():
        for kind, forms in (
            ("country", country.names),
            ("nisba", country.nisbas),
            ("capital", country.capitals),
            ("seat", country.seats),
        ):
            for form in forms:
                yield form, kind, country.iso3
    for person in kb.persons():
        for form in person.names:
            yield form, "person", person.id
    for organisation in kb.organisations():
        for form in organisation.names:
            yield form, "organisation", organisation.id
    for office in kb.offices():
        for form in office.titles:
            yield form, "office", office.office
    for agent in kb.agents():
        yield agent.term, "agent", agent.term
