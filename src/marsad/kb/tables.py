"""One reader per knowledge-base table: the checked rows of :mod:`marsad.kb.tsv` in, the records
of :mod:`marsad.kb.model` out, with the checks that tie a table to the others (country codes,
person ids, offices, overlapping spells)."""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date
from typing import Literal

from marsad.errors import DataError
from marsad.kb.model import (
    ACTING_PREFIX,
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
from marsad.kb.tsv import (
    ISO3166,
    NISBA_AFFIXES,
    OFFICES,
    ORGANISATIONS,
    PERSONS,
    Row,
    check_unique,
    iso_date,
    optional_plover_sector,
    plover_sector,
    variants,
)

_ISO3 = re.compile(r"[A-Z]{3}")
_SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
_OFFICE_KEY = re.compile(r"[a-z]+(?:_[a-z]+)*")
_QID = re.compile(r"Q[1-9][0-9]*")
_PRECISION = re.compile(r"\[(start|end):([a-z]+)\]")
_PRECISIONS: dict[str, DatePrecision] = {"month": "month", "approx": "approx", "before": "before"}
_GENDERS: dict[str, Literal["m", "f"]] = {"m": "m", "f": "f"}


INDEFINITE = "indefinite"  # in a form's name: a suffix that takes no article
PLURAL = "plural"  # a form's name begins so: the masculine sound plural, people of the country
OBLIQUE = "oblique"  # in a form's name: the genitive/accusative form


def read_nisba_affixes(rows: list[Row]) -> NisbaAffixes:
    check_unique(rows, "form", "form")
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
        # "al-Almaniya" is no form: the indefinite accusative takes no article, and with one
        # it would spell "Almaniya" (Germany)
        indefinite=frozenset(row["suffix"] for row in rows if INDEFINITE in row["form"]),
        plural=frozenset(row["suffix"] for row in rows if row["form"].startswith(PLURAL)),
        oblique=frozenset(row["suffix"] for row in rows if OBLIQUE in row["form"]),
    )


def read_iso3166(rows: list[Row]) -> frozenset[str]:
    check_unique(rows, "iso3", "code")
    for row in rows:
        if not _ISO3.fullmatch(row["iso3"]):
            raise row.fail(f"not an alpha-3 code: {row['iso3']!r}")
    return frozenset(row["iso3"] for row in rows)


def read_offices(rows: list[Row], iso3: frozenset[str]) -> tuple[Office, ...]:
    check_unique(rows, "office", "office")
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
                titles=variants(row, "titles_ar"),
                sector=optional_plover_sector(row),
                rank=int(rank),
                country_titles=_country_titles(row, iso3),
            )
        )
    return tuple(offices)


def _country_titles(row: Row, iso3: frozenset[str]) -> tuple[tuple[str, str], ...]:
    """The cell ``country_titles_ar``: ``TITLE=CODE`` pairs between «|», CODE an ISO alpha-3
    code or a non-state one (UNO: "al-mab'uth al-umami", the UN's envoy)."""
    pairs: list[tuple[str, str]] = []
    for part in variants(row, "country_titles_ar", required=False):
        title, sep, code = (s.strip() for s in part.partition("="))
        if not sep or not title:
            raise row.fail(f"bad country title {part!r} (TITLE=ISO3)")
        if code not in iso3 and code not in NON_STATE_CODES:
            raise row.fail(f"unknown country {code!r} in country_titles_ar")
        pairs.append((title, code))
    return tuple(pairs)


def _code(row: Row, column: str, iso3: frozenset[str]) -> str:
    value = row[column]
    if value in NON_STATE_CODES or value in iso3:
        return value
    raise row.fail(
        f"bad country code {value!r}: not ISO 3166 alpha-3 nor one of "
        f"{' '.join(sorted(NON_STATE_CODES))}"
    )


def _names(row: Row) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The Arabic and English names of a row: Arabic may be missing only in imported files."""
    names_ar = variants(row, "names_ar", required=not row.imported)
    names_en = variants(row, "names_en", required=False)
    if not names_ar and not names_en:
        raise row.fail("no name: names_ar and names_en are both empty")
    return names_ar, names_en


def _changes(row: Row, iso3: frozenset[str]) -> tuple[StatusChange, ...]:
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


def read_organisations(rows: list[Row], iso3: frozenset[str]) -> tuple[Organisation, ...]:
    check_unique(rows, "id", "organisation id")
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
                sector=optional_plover_sector(row),
                note=row["note"],
                names_en=names_en,
                imported=row.imported,
                changes=_changes(row, iso3),
            )
        )
    return tuple(organisations)


def read_countries(
    rows: list[Row], iso3: frozenset[str], affixes: NisbaAffixes
) -> tuple[Country, ...]:
    check_unique(rows, "iso3", "country")
    countries: list[Country] = []
    for row in rows:
        if row["iso3"] not in iso3:
            raise row.fail(f"bad country code {row['iso3']!r}: not in {ISO3166}")
        bases = variants(row, "nisba_ar", required=False)  # none where every form is ambiguous
        for base in bases:
            if not base.endswith(affixes.masculine_ending) or base.startswith(affixes.article):
                raise row.fail(
                    f"nisba {base!r} is not a masculine singular form without the article"
                )
        forms: dict[str, None] = {}
        for base in bases:
            forms.update(dict.fromkeys(affixes.forms(base)))
        for extra in variants(row, "nisba_extra_ar", required=False):
            bare = extra.removeprefix(affixes.article)
            forms.update(dict.fromkeys((bare, affixes.article + bare)))
        countries.append(
            Country(
                iso3=row["iso3"],
                name_en=row["name_en"],
                names=variants(row, "names_ar"),
                nisbas=tuple(forms),
                capitals=variants(row, "capital_ar", required=False),
                seats=variants(row, "seat_ar", required=False),
                nisba_bases=bases,
            )
        )
    return tuple(countries)


def read_persons(rows: list[Row]) -> tuple[Person, ...]:
    check_unique(rows, "id", "person id")
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
                office_names=variants(row, "office_names_ar", required=False),
            )
        )
    return tuple(persons)


def _precisions(row: Row) -> tuple[DatePrecision, DatePrecision]:
    found: dict[str, DatePrecision] = {}
    for which, value in _PRECISION.findall(row["note"]):
        precision = _PRECISIONS.get(value)
        if precision is None or (precision == "before" and which == "end"):
            raise row.fail(f"bad date flag [{which}:{value}] in note")
        if which in found:
            raise row.fail(f"two date flags for {which} in note")
        found[which] = precision
    return found.get("start", "day"), found.get("end", "day")


def read_roles(
    rows: list[Row],
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
        sector = plover_sector(row)
        if row["office"] not in offices and not (row.imported and not row["office"]):
            raise row.fail(f"unknown office {row['office']!r} (not in {OFFICES})")
        org = row["org"] or None
        if org is not None and org not in organisations:
            raise row.fail(f"unknown organisation {org!r} (not in {ORGANISATIONS})")
        start = iso_date(row, "start")
        end = iso_date(row, "end") if row["end"] else None
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


def read_agents(rows: list[Row]) -> tuple[Agent, ...]:
    check_unique(rows, "term_ar", "term")
    check_unique(rows, "term_en", "English term")
    agents: list[Agent] = []
    for row in rows:
        if not row["term_ar"] and not (row.imported and row["term_en"]):
            raise row.fail("empty term_ar" if not row.imported else "no term_ar nor term_en")
        agents.append(
            Agent(
                term=row["term_ar"],
                sector=optional_plover_sector(row),
                note=row["note"],
                term_en=row["term_en"],
                imported=row.imported,
            )
        )
    return tuple(agents)
