"""Find the knowledge-base files, read them and build a :class:`KnowledgeBase`.

The file format and the cell checks are in :mod:`marsad.kb.tsv`, one reader per table in
:mod:`marsad.kb.tables`; this module puts the tables together.

Besides the shipped files, :func:`load_kb` reads the part files (``persons-*.tsv``,
``roles-*.tsv``, ``organisations-*.tsv``, ``agents-*.tsv``) of every directory listed in the
environment variable ``MARSAD_KB_PATH`` (separated by :data:`os.pathsep`), with the same checks.
Files named ``*-imported*.tsv`` (what ``marsad kb import`` writes) may leave the Arabic names,
a person's gender and a role's office empty: their entries carry English names for the English
coder and are never matched in Arabic text.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from marsad.errors import DataError
from marsad.kb.knowledge_base import KnowledgeBase
from marsad.kb.tables import (
    read_agents,
    read_countries,
    read_iso3166,
    read_nisba_affixes,
    read_offices,
    read_organisations,
    read_persons,
    read_roles,
)
from marsad.kb.tsv import (
    AGENTS,
    CAMEO_SECTORS,
    COLUMNS,
    COUNTRIES,
    ISO3166,
    NISBA_AFFIXES,
    OFFICES,
    ORGANISATIONS,
    PERSONS,
    ROLES,
    Row,
    read_table,
    shipped_dir,
)

#: The environment variable naming extra knowledge-base directories (``os.pathsep`` between).
KB_PATH_VAR = "MARSAD_KB_PATH"

#: The files :func:`load_kb` reads (cameo_sectors.tsv serves ``marsad kb import`` only).
KB_FILES: tuple[str, ...] = tuple(name for name in COLUMNS if name != CAMEO_SECTORS)


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


def _read_parts(source: Traversable, name: str, extra_dirs: Sequence[Path] = ()) -> list[Row]:
    rows = read_table(source, name)
    if name in SPLIT_TABLES:
        for part in _part_names(source, name):
            rows.extend(read_table(source, part, columns=name))
        for directory in extra_dirs:
            for part in _part_names(directory, name):
                label = str(directory / part)
                rows.extend(read_table(directory, part, columns=name, label=label))
    return rows


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
    source: Traversable = shipped_dir() if data_dir is None else data_dir
    extra = kb_path_from_env() if extra_dirs is None else tuple(extra_dirs)
    for directory in extra:
        check_kb_dir(directory)
    tables = {name: _read_parts(source, name, extra) for name in KB_FILES}
    affixes = read_nisba_affixes(tables[NISBA_AFFIXES])
    iso3 = read_iso3166(tables[ISO3166])
    offices = read_offices(tables[OFFICES], iso3)
    organisations = read_organisations(tables[ORGANISATIONS], iso3)
    countries = read_countries(tables[COUNTRIES], iso3, affixes)
    persons = read_persons(tables[PERSONS])
    roles = read_roles(
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
        agents=read_agents(tables[AGENTS]),
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
