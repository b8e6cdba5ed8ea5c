"""Turn PETRARCH/TABARI actor and agent dictionaries into knowledge-base rows (``marsad kb
import``): :func:`import_dictionaries` decides what each entry becomes.

The other parts of the import: :mod:`marsad.kb.petrarch_parse` reads the dictionary files into
the entries of :mod:`marsad.kb.petrarch_entries`, :mod:`marsad.kb.cameo` maps their CAMEO codes
to PLOVER, and :mod:`marsad.kb.petrarch_write` writes the rows as part files.


**From entries to the knowledge base** (:func:`import_dictionaries`). The dictionaries do not
say whether an entry is a person; the rules:

- an entry with a code that is a bare country (``AFGHANISTAN_ [AFG]``, ``ARMENIA_ … [ARM
  >911221]``) is a country, not imported (countries come from countries.tsv);
- entries with the same id (``CHAN_SARUN`` and ``CHAN_SARUN_``) are one entry, their names and
  codes put together;
- an entry with a dated code is a person, and each dated code with a PLOVER country becomes a
  role without an office: ``>D`` starts on D and goes on; ``A-B`` runs from A to B, B being the
  first day out as in roles.tsv (the Phoenix files give a handover day as both the end of one
  spell and the start of the next; a one-day spell ends the day after); ``<D`` becomes a spell on
  the day before D flagged ``[start:before]``. A role needs a sector: a code that gives none
  (``IGOUNO``) gives UNK, PLOVER's unknown sector. Spells of one person with the same country
  and sector that overlap or touch (a day apart at most) are merged. Undated codes of a person
  are dropped: the usual one, ``[XXXELI]`` after the spells, is what the actor cascade does
  anyway for a former official;
- any other entry is an organisation with the country and sector of its first code that has a
  PLOVER country;
- an entry whose id, or the id one of its names would make (``BAN_KI-MOON``), the knowledge base
  already has is skipped and reported, and so is an agent term it already has or that the import
  gave before.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from marsad.kb.cameo import CameoMap, PloverCode, cameo_map
from marsad.kb.knowledge_base import KnowledgeBase
from marsad.kb.model import NON_STATE_CODES, UNKNOWN_SECTOR
from marsad.kb.petrarch_entries import NULL_CODE, ActorEntry, AgentEntry, DatedCode, Problem, slug
from marsad.kb.petrarch_parse import read_dictionary

_ONE_DAY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class ImportedPerson:
    id: str
    name: str
    names: tuple[str, ...]
    note: str


@dataclass(frozen=True, slots=True)
class ImportedRole:
    person_id: str
    country: str
    sector: str
    start: date
    end: date | None
    note: str


@dataclass(frozen=True, slots=True)
class ImportedOrganisation:
    id: str
    name: str
    names: tuple[str, ...]
    code: str
    sector: str | None
    note: str


@dataclass(frozen=True, slots=True)
class ImportedAgent:
    term: str
    sector: str
    note: str


@dataclass(frozen=True, slots=True)
class _Spell:
    start: date
    end: date | None
    before: bool  # the start is not recorded: in office on ``start``, since when unknown
    text: str  # the CAMEO codes it comes from


@dataclass
class Tally:
    """How often something happened, and where first."""

    count: int = 0
    first: str = ""

    def add(self, where: str) -> None:
        self.count += 1
        self.first = self.first or where


@dataclass
class ImportResult:
    persons: list[ImportedPerson] = field(default_factory=list)
    roles: list[ImportedRole] = field(default_factory=list)
    organisations: list[ImportedOrganisation] = field(default_factory=list)
    agents: list[ImportedAgent] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)  # lines that could not be read
    merged: Tally = field(default_factory=Tally)  # entries merged into one with the same id
    undated: Tally = field(default_factory=Tally)  # undated codes of persons, dropped
    skipped: dict[str, Tally] = field(default_factory=dict)  # reason → entries skipped
    unknown: dict[str, Tally] = field(default_factory=dict)  # CAMEO part → where it was met

    @property
    def entries(self) -> int:
        return len(self.persons) + len(self.organisations) + len(self.agents)

    @property
    def skipped_entries(self) -> int:
        return sum(tally.count for tally in self.skipped.values())

    def skip(self, reason: str, what: str) -> None:
        self.skipped.setdefault(reason, Tally()).add(what)


SKIP_COUNTRY = "a country (countries come from countries.tsv)"
SKIP_NULL = "only the null code [---]"
SKIP_NO_COUNTRY = "no code with a PLOVER country"
SKIP_KNOWN = "id already in the knowledge base"
SKIP_AGENT_SECTOR = "agent code with no PLOVER sector"
SKIP_AGENT_KNOWN = "agent term already in the knowledge base"
SKIP_AGENT_DUPLICATE = "agent term given earlier in this import"


class _Importer:
    def __init__(self, known: KnowledgeBase, cameo: CameoMap) -> None:
        self.cameo = cameo
        self.result = ImportResult()
        self.person_ids = {person.id for person in known.persons()}
        self.organisation_ids = {organisation.id for organisation in known.organisations()}
        self.known_terms = {agent.term_en for agent in known.english_agents()}
        self.new_terms: set[str] = set()

    def _map(self, code: DatedCode, where: str) -> PloverCode:
        mapped = self.cameo.actor(code.code)
        for part in mapped.unknown:
            self.result.unknown.setdefault(part, Tally()).add(f"{where} [{code.text}]")
        return mapped

    def _is_country(self, code: DatedCode) -> bool:
        return len(code.code) == 3 and self.cameo.actor(code.code).code not in (
            None,
            *NON_STATE_CODES,
        )

    def _free(self, entry: ActorEntry, taken: set[str]) -> bool:
        """Whether the knowledge base lacks the entry: neither its id nor the id any of its
        names would make is taken (``SECRETARY-GENERAL_BAN_KI-MOON`` +``BAN_KI-MOON``)."""
        known = next((ident for ident in map(slug, entry.names) if ident in taken), None)
        if known is not None:
            self.result.skip(SKIP_KNOWN, f"{entry.name} ({entry.where}) as {known}")
            return False
        return True

    def actor(self, entry: ActorEntry) -> None:
        codes = [code for code in entry.codes if code.code != NULL_CODE]
        what = f"{entry.name} ({entry.where})"
        if not codes:
            self.result.skip(SKIP_NULL, what)
        elif any(self._is_country(code) for code in codes):
            self.result.skip(SKIP_COUNTRY, what)
        elif any(code.dated for code in codes):
            self._person(entry, codes)
        else:
            self._organisation(entry, codes)

    def _person(self, entry: ActorEntry, codes: list[DatedCode]) -> None:
        spells: dict[tuple[str, str], list[_Spell]] = {}
        for code in codes:
            if not code.dated:
                self.result.undated.add(f"[{code.text}] of {entry.name} ({entry.where})")
                continue
            mapped = self._map(code, entry.where)
            if mapped.code is None:
                continue
            sector = mapped.sector or UNKNOWN_SECTOR
            spells.setdefault((mapped.code, sector), []).append(_spell(code))
        if not spells:
            self.result.skip(SKIP_NO_COUNTRY, f"{entry.name} ({entry.where})")
            return
        if not self._free(entry, self.person_ids):
            return
        self.result.persons.append(
            ImportedPerson(entry.id, entry.name, entry.names, f"imported from {entry.where}")
        )
        for (country, sector), found in spells.items():
            for spell in _merge(found):
                flag = "[start:before] " if spell.before else ""
                self.result.roles.append(
                    ImportedRole(
                        entry.id,
                        country,
                        sector,
                        spell.start,
                        spell.end,
                        f"{flag}CAMEO {spell.text}",
                    )
                )

    def _organisation(self, entry: ActorEntry, codes: list[DatedCode]) -> None:
        mapped = [self._map(code, entry.where) for code in codes]
        usable = [m for m in mapped if m.code is not None]
        if not usable:
            self.result.skip(SKIP_NO_COUNTRY, f"{entry.name} ({entry.where})")
            return
        if not self._free(entry, self.organisation_ids):
            return
        first = usable[0]
        assert first.code is not None
        cameo = " ".join(f"[{code.text}]" for code in codes)
        self.result.organisations.append(
            ImportedOrganisation(
                entry.id,
                entry.name,
                entry.names,
                first.code,
                first.sector,
                f"imported from {entry.where}, CAMEO {cameo}",
            )
        )

    def agent(self, entry: AgentEntry) -> None:
        mapped = self.cameo.agent(entry.code)
        for part in mapped.unknown:
            self.result.unknown.setdefault(part, Tally()).add(f"{entry.where} [{entry.code}]")
        what = f"{entry.term} [{entry.code}] ({entry.where})"
        if mapped.sector is None:
            self.result.skip(SKIP_AGENT_SECTOR, what)
            return
        if entry.term in self.known_terms:
            self.result.skip(SKIP_AGENT_KNOWN, what)
            return
        if entry.term in self.new_terms:
            self.result.skip(SKIP_AGENT_DUPLICATE, what)
            return
        self.new_terms.add(entry.term)
        plural = f"; plural of {entry.plural_of}" if entry.plural_of else ""
        self.result.agents.append(
            ImportedAgent(
                entry.term,
                mapped.sector,
                f"imported from {entry.where}, CAMEO [{entry.code}]{plural}",
            )
        )


def _spell(code: DatedCode) -> _Spell:
    if code.start is None:  # <D: in office the day before D, the start not recorded
        assert code.end is not None
        return _Spell(code.end - timedelta(days=1), code.end, True, code.text)
    end = code.end
    if end is not None and end <= code.start:  # a one-day spell ends the day after
        end = code.start + timedelta(days=1)
    return _Spell(code.start, end, False, code.text)


def _merge(spells: list[_Spell]) -> list[_Spell]:
    """Spells of one person, country and sector that overlap or touch, as one. Spells a day
    apart touch: a TABARI end date may be the last day in office or the first day out."""
    merged: list[_Spell] = []
    for spell in sorted(spells, key=lambda spell: spell.start):
        last = merged[-1] if merged else None
        if last is not None and (last.end is None or spell.start <= last.end + _ONE_DAY):
            end = None if last.end is None or spell.end is None else max(last.end, spell.end)
            merged[-1] = _Spell(last.start, end, last.before, f"{last.text}; {spell.text}")
        else:
            merged.append(spell)
    return merged


def import_dictionaries(
    paths: Sequence[Path],
    known: KnowledgeBase,
    cameo: CameoMap | None = None,
    *,
    today: date | None = None,
) -> ImportResult:
    """Read dictionary files and turn their entries into knowledge-base rows, next to the
    knowledge base ``known`` (whose ids and English agent terms are not taken again);
    ``today`` as for :func:`parse_code`."""
    importer = _Importer(known, cameo or cameo_map())
    result = importer.result
    entries: dict[str, ActorEntry] = {}
    for path in paths:
        for item in read_dictionary(path, today):
            if isinstance(item, Problem):
                result.problems.append(item)
            elif isinstance(item, AgentEntry):
                importer.agent(item)
            elif item.id in entries:  # CHAN_SARUN and CHAN_SARUN_: one person, two entries
                first = entries[item.id]
                entries[item.id] = first.merged(item)
                result.merged.add(f"{item.name} ({item.where}) into {first.where}")
            else:
                entries[item.id] = item
    for entry in entries.values():
        importer.actor(entry)
    return result
