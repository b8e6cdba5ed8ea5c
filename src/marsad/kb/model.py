"""Records of the knowledge base: frozen, typed, built only by :mod:`marsad.kb.tables`."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Literal

#: How far a date in roles.tsv can be trusted (see kb/data/README.md):
#: ``day`` exact; ``month`` only the month is known, the date is written YYYY-MM-01;
#: ``approx`` the day is given but not verified (a few days either way);
#: ``before`` (start only) the spell began on or before this date, the true start is not recorded.
DatePrecision = Literal["day", "month", "approx", "before"]

#: The sectors of PLOVER, the ones a sector column may hold.
PLOVER_SECTORS: frozenset[str] = frozenset(
    {
        *("COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK"),
        *("AGR", "BUS", "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP"),
        *("PRE", "REL", "SOC"),
    }
)

#: PLOVER's sector for a party whose sector is not known ("unknown").
UNKNOWN_SECTOR = "UNK"

#: The non-state "country" codes of PLOVER, allowed beside ISO 3166 alpha-3 codes.
NON_STATE_CODES: frozenset[str] = frozenset({"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"})

#: Office keys starting with this name the acting (or interim, caretaker) form of an office.
ACTING_PREFIX = "acting_"


@dataclass(frozen=True, slots=True)
class Country:
    """A state: its names, nisba adjectives, capital and seat-of-government metonyms."""

    iso3: str
    name_en: str
    names: tuple[str, ...]
    nisbas: tuple[str, ...]  # every generated and listed nisba form, with and without the article
    capitals: tuple[str, ...]
    seats: tuple[str, ...]
    nisba_bases: tuple[str, ...] = ()  # the masculine singular forms the nisbas were made from


@dataclass(frozen=True, slots=True)
class Person:
    """A person. ``names`` are the Arabic names the matcher looks for; ``names_en`` English names
    kept for the English coder (imported from PETRARCH/TABARI dictionaries). An imported person
    (``imported``: read from a ``*-imported*.tsv`` file) may have no Arabic name and no gender."""

    id: str
    name_en: str
    names: tuple[str, ...]
    gender: Literal["m", "f"] | None
    wikidata: str | None
    names_en: tuple[str, ...] = ()
    imported: bool = False
    # names that name this person only on a day they hold a role (roles*.tsv): a surname
    # shared with someone else ("Bush", "Clinton"), read by who was in office
    office_names: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Role:
    """One spell in one office. ``start`` is the first day in office; ``end`` is the day the spell
    ended (usually the day the successor took over) and is *not* part of it: a spell covers
    ``start <= day < end``. ``end`` is None while the spell goes on. ``office`` is empty only
    for an imported spell (a CAMEO dictionary gives a country and a sector, not an office)."""

    person_id: str
    country: str
    sector: str
    office: str
    start: date
    end: date | None
    org: str | None = None  # organisation id, for offices of an IGO (several share the code IGO)
    note: str = ""
    start_precision: DatePrecision = "day"
    end_precision: DatePrecision = "day"
    imported: bool = False

    def active_on(self, when: date) -> bool:
        return self.start <= when and (self.end is None or when < self.end)


@dataclass(frozen=True, slots=True)
class Office:
    office: str
    titles: tuple[str, ...]
    sector: str | None  # None: the sector depends on who holds it (spokesperson, ...)
    rank: int  # 1 = head of state or of an organisation; lower numbers lead
    # titles that name this office of one country only, with its ISO3 code: «khadim
    # al-haramayn al-sharifayn» (Custodian of the Two Holy Mosques) is the Saudi king
    country_titles: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Organisation:
    """A named body. As for :class:`Person`, ``names`` are Arabic and ``names_en`` English; an
    imported organisation may have no Arabic name. ``changes`` record a new code or sector from
    a day on (the Taliban govern Afghanistan from 2021-08-15)."""

    id: str
    name_en: str
    names: tuple[str, ...]
    code: str
    sector: str | None
    note: str = ""
    names_en: tuple[str, ...] = ()
    imported: bool = False
    changes: tuple[StatusChange, ...] = ()

    def status_on(self, when: date) -> tuple[str, str | None]:
        """Code and sector on ``when``: the last change begun by then, else the row's own."""
        code, sector = self.code, self.sector
        for change in self.changes:
            if change.start <= when:
                code, sector = change.code, change.sector
        return code, sector


@dataclass(frozen=True, slots=True)
class StatusChange:
    start: date
    code: str
    sector: str | None


@dataclass(frozen=True, slots=True)
class Agent:
    """A generic noun naming an actor by its kind (government, army, ...), or a pseudo-actor
    (sector None) that stands for a side in diplomatic prose and needs the context.

    ``term`` is the Arabic term, empty for an agent imported in English only; ``term_en`` the
    English term, if any. :meth:`KnowledgeBase.agents` gives the agents with an Arabic term (the
    ones the matcher uses), :meth:`KnowledgeBase.english_agents` those with an English term."""

    term: str
    sector: str | None
    note: str = ""
    term_en: str = ""
    imported: bool = False


@dataclass(frozen=True, slots=True)
class NisbaAffixes:
    """What nisba_affixes.tsv says: the article, the suffixes added to a masculine nisba and the
    letter every masculine nisba ends in."""

    article: str
    suffixes: tuple[str, ...]
    masculine_ending: str
    indefinite: frozenset[str] = frozenset()  # suffixes the article never goes with
    plural: frozenset[str] = frozenset()  # the masculine sound plural's suffixes: people
    oblique: frozenset[str] = frozenset()  # the suffixes of the genitive/accusative forms

    def forms(self, masculine: str) -> tuple[str, ...]:
        bare = (masculine, *(masculine + suffix for suffix in self.suffixes))
        definite = (masculine, *(masculine + s for s in self.suffixes if s not in self.indefinite))
        return tuple(dict.fromkeys((*bare, *(self.article + form for form in definite))))
