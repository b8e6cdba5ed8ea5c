"""Read the knowledge-base TSV files, check them, and build a :class:`KnowledgeBase`.

Every file is UTF-8 text with a header row naming its columns; ``#`` lines and blank lines are
skipped; ``|`` separates the variants inside a cell. Anything wrong raises
:class:`marsad.errors.DataError` with the file, the line number and the reason.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
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
)

NISBA_AFFIXES = "nisba_affixes.tsv"
ISO3166 = "iso3166.tsv"
OFFICES = "offices.tsv"
ORGANISATIONS = "organisations.tsv"
COUNTRIES = "countries.tsv"
PERSONS = "persons.tsv"
ROLES = "roles.tsv"
AGENTS = "agents.tsv"

#: Every file: (required columns in order, optional columns that may follow them).
COLUMNS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    NISBA_AFFIXES: (("form", "suffix", "note"), ()),
    ISO3166: (("iso3", "name_en"), ()),
    OFFICES: (("office", "titles_ar", "sector", "rank"), ("note",)),
    ORGANISATIONS: (("id", "name_en", "names_ar", "code", "sector", "note"), ()),
    COUNTRIES: (
        ("iso3", "name_en", "names_ar", "nisba_ar", "capital_ar", "seat_ar"),
        ("nisba_extra_ar",),
    ),
    PERSONS: (("id", "name_en", "names_ar", "gender", "wikidata"), ("note",)),
    ROLES: (("person_id", "country", "sector", "office", "start", "end"), ("org", "note")),
    AGENTS: (("term_ar", "sector", "note"), ()),
}

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

    def __getitem__(self, column: str) -> str:
        return self.cells.get(column, "")

    def fail(self, reason: str) -> DataError:
        return DataError(f"{self.file}:{self.line}: {reason}")


def _read_table(source: Traversable, name: str, columns: str | None = None) -> list[_Row]:
    entry = source.joinpath(name)
    if not entry.is_file():
        raise DataError(f"{name}: file not found in {source}")
    required, optional = COLUMNS[columns or name]
    header: tuple[str, ...] | None = None
    rows: list[_Row] = []
    text = entry.read_text(encoding="utf-8")
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r")
        if not line.strip() or line.startswith("#"):
            continue
        fields = tuple(line.split("\t"))
        if header is None:
            header = _check_header(name, number, fields, required, optional)
            continue
        if len(fields) != len(header):
            raise DataError(
                f"{name}:{number}: wrong column count: {len(fields)} fields, "
                f"the header has {len(header)}"
            )
        rows.append(_Row(name, number, dict(zip(header, (f.strip() for f in fields), strict=True))))
    if header is None:
        raise DataError(f"{name}: no header row")
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
    seen: dict[str, int] = {}
    for row in rows:
        key = row[column]
        if key in seen:
            raise row.fail(f"duplicate {what} {key!r} (first on line {seen[key]})")
        seen[key] = row.line


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


def _organisations(rows: list[_Row], iso3: frozenset[str]) -> tuple[Organisation, ...]:
    _unique(rows, "id", "organisation id")
    organisations: list[Organisation] = []
    for row in rows:
        if not _SLUG.fullmatch(row["id"]):
            raise row.fail(f"bad id {row['id']!r} (lower-case-slug)")
        organisations.append(
            Organisation(
                id=row["id"],
                name_en=row["name_en"],
                names=_variants(row, "names_ar"),
                code=_code(row, "code", iso3),
                sector=_optional_sector(row),
                note=row["note"],
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
        if gender is None:
            raise row.fail(f"bad gender {row['gender']!r} (m or f)")
        wikidata = row["wikidata"] or None
        if wikidata is not None and not _QID.fullmatch(wikidata):
            raise row.fail(f"bad wikidata id {wikidata!r}")
        persons.append(
            Person(
                id=row["id"],
                name_en=row["name_en"],
                names=_variants(row, "names_ar"),
                gender=gender,
                wikidata=wikidata,
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
        if row["office"] not in offices:
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
        )
        # an office and its acting form are one seat: nobody holds both on the same day
        office = role.office.removeprefix(ACTING_PREFIX)
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
    return tuple(
        Agent(term=row["term_ar"], sector=_optional_sector(row), note=row["note"]) for row in rows
    )


# --- the knowledge base -------------------------------------------------------------------------


class KnowledgeBase:
    """The loaded, checked knowledge base, with look-ups by id and by date."""

    __slots__ = (
        "_agents",
        "_countries",
        "_country",
        "_nisba_affixes",
        "_office",
        "_offices",
        "_organisation",
        "_organisations",
        "_person",
        "_persons",
        "_roles",
        "_roles_of",
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
        self._agents = agents
        self._nisba_affixes = nisba_affixes
        self._country = {country.iso3: country for country in countries}
        self._person = {person.id: person for person in persons}
        self._office = {office.office: office for office in offices}
        self._organisation = {organisation.id: organisation for organisation in organisations}
        roles_of: dict[str, list[Role]] = {}
        for role in roles:
            roles_of.setdefault(role.person_id, []).append(role)
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
        return min(
            active, key=lambda role: (self._office[role.office].rank, -role.start.toordinal())
        )

    def holder(
        self, country: str, office: str, when: date, org: str | None = None
    ) -> Person | None:
        """Who held ``office`` of ``country`` (and of organisation ``org``) on ``when``.

        Raises ValueError when several people match, as happens for an IGO office asked for
        without ``org``."""
        matches = {
            role.person_id
            for role in self._roles
            if role.country == country
            and role.office == office
            and (org is None or role.org == org)
            and role.active_on(when)
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
        return self._agents

    def nisba_affixes(self) -> NisbaAffixes:
        return self._nisba_affixes


# Tables that may be split into parts for review: persons.tsv plus persons-europe.tsv, … read
# in name order as one table (ids stay unique across the parts).
SPLIT_TABLES = frozenset({PERSONS, ROLES, ORGANISATIONS})


def _read_parts(source: Traversable, name: str) -> list[_Row]:
    rows = _read_table(source, name)
    if name in SPLIT_TABLES:
        stem = name.removesuffix(".tsv")
        parts = sorted(
            entry.name
            for entry in source.iterdir()
            if entry.name.startswith(stem + "-") and entry.name.endswith(".tsv")
        )
        for part in parts:
            rows.extend(_read_table(source, part, columns=name))
    return rows


def _data_dir() -> Traversable:
    return files("marsad.kb").joinpath("data")


def load_kb(data_dir: Path | None = None) -> KnowledgeBase:
    """Read and check every file of the knowledge base in ``data_dir`` (default: the files that
    ship with marsad)."""
    source: Traversable = _data_dir() if data_dir is None else data_dir
    tables = {name: _read_parts(source, name) for name in COLUMNS}
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


@cache
def default_kb() -> KnowledgeBase:
    """The knowledge base shipped with marsad, loaded once."""
    return load_kb()


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
