"""Read PETRARCH/TABARI actor and agent dictionaries, map their CAMEO codes to PLOVER, and turn
them into knowledge-base part files (``marsad kb import``).

**Actor dictionaries** (``Phoenix.Countries.actors.txt`` …). ``#`` starts a comment. A line that
starts with a name begins an entry: ``HOSNI_MUBARAK_``; ``_`` joins words (it becomes a space)
and the first name gives the entry's id (``hosni-mubarak``: lower case, accents folded, every
run of other characters a ``-``). ``+NAME`` lines add synonyms. Codes follow the name on its
line or on indented lines below it, one ``[…]`` each:

- ``[RUSGOV]`` an undated code; ``[---]`` the null code (do not code this actor);
- ``[RUSGOV 991231-080507]`` from the first date to the second; ``[RUSGOV >991231]`` from the
  date on; ``[RUSGOV <080507]`` up to the date.
- Dates are ``YYMMDD`` or ``YYYYMMDD``. A two-digit year of 50 or more is 19xx, below 50 20xx,
  except that a date is never in the future: one that would be (the Phoenix files write
  Roosevelt's presidency ``330304-450412``) is read in the 1900s. When the start of a range is
  still after its end, a two-digit start is read a century earlier (``430101-920428`` is
  1943-1992). A range whose end is still before its start, a date of another length or not in
  the calendar, or a code that is not three-letter parts is malformed.
- Several names in a row with no codes between them (``IVO_JOSIPOVIC_`` then
  ``PRESIDENT_JOSIPOVIC_`` then the codes) are one entry, unless a blank line separates them.

**Agent dictionaries** (``Phoenix.agents.txt``): ``TERM [~GOV]`` gives an agent noun and the code
it adds to an actor's (``[~GOVMED]``; ``[IGO~]`` puts a country part in front). ``{PLURAL}``
before the code gives an irregular plural, ``{}`` says there is none. ``!PERSON! = MAN, MEN``
defines a substitution set, and ``FIRE!PERSON!`` stands for ``FIREMAN``, ``FIREMEN``. A file is
an agent dictionary when its first code holds a ``~`` or it defines a substitution set.

Every line that cannot be read is a :class:`Problem` (file, line, reason); reading goes on.

**CAMEO to PLOVER** (:class:`CameoMap`, from ``kb/data/cameo_sectors.tsv``). A CAMEO code is a
run of three-letter parts. The first part of an actor code is its country when the table maps it
to a country code (IGO, NGO, IMG, MNC; ROM → ROU …) or it is an ISO alpha-3 code; otherwise the
code has no country and every part is a role (``[ELI]``, ``[MED]``). Of the role parts, the
first that the table maps to a PLOVER sector gives the sector: ``AFGGOVAGR`` is AFG GOV,
``IGOUNOREFHCR`` UNO REF, ``MNCUSA`` MNC with no sector (a later ISO code is a home country,
dropped). A later part mapped to a country code replaces IGO only (``IGOUNO`` → UNO,
``IGOEUREEC`` → EUR). Parts the table maps to ``-`` (regions, religions, organisations' own
codes) are dropped; parts neither in the table nor ISO codes are returned as ``unknown`` for the
caller to report, never guessed. In an agent code every part after ``~`` is a role, and a part
before it (``IGO~``) is read like the first part of an actor code.

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

import itertools
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from importlib.resources.abc import Traversable
from pathlib import Path

from marsad.errors import DataError
from marsad.kb.load import (
    CAMEO_SECTORS,
    ISO3166,
    KnowledgeBase,
    _data_dir,
    _iso3166,
    _read_table,
)
from marsad.kb.model import NON_STATE_CODES, PLOVER_SECTORS

#: The CAMEO null code: the actor is not to be coded.
NULL_CODE = "---"
#: The sector of an imported role whose CAMEO code gives none (PLOVER's "unknown").
UNKNOWN_SECTOR = "UNK"
#: What the table's ``plover`` column writes for a part PLOVER has no place for.
DROPPED = "-"

_COMMENT = "#"
_PART = re.compile(r"(?:[A-Z0-9]{3})+")
_BRACKETS = re.compile(r"(?:\s*\[[^\[\]]*\])*\s*")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_DATED = re.compile(
    r"(?P<code>\S+)(?:\s+(?:(?P<start>\d+)\s*-\s*(?P<end>\d+)|(?P<op>[<>])\s*(?P<one>\d+)))?"
)
_AGENT_CODE = re.compile(r"~(?:[A-Z]{3})+|(?:[A-Z]{3})+~")
_AGENT_LINE = re.compile(
    r"(?P<term>[^\[\]{}]+?)\s*(?:\{(?P<plural>[^{}\[\]]*)\}\s*)?\[(?P<code>[^\[\]]*)\]\s*"
)
_SUBSTITUTION = re.compile(r"(?P<name>![A-Z]+!)\s*=\s*(?P<forms>.*)")
_SET_NAME = re.compile(r"![A-Z]+!")
_LOOSE_PLUS = re.compile(r"(?:^|[\s_])\+|\+(?:[\s_]|$)")
_PIVOT = 50  # two-digit years from 50 are 19xx
_ONE_DAY = timedelta(days=1)


# --- records -------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Problem:
    """A line that could not be read (line 0: the whole file)."""

    file: str
    line: int
    reason: str

    def __str__(self) -> str:
        return (
            f"{self.file}:{self.line}: {self.reason}"
            if self.line
            else f"{self.file}: {self.reason}"
        )


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A CAMEO code as a dictionary writes it, with its dates: both None for an undated code;
    ``start`` only for ``>D``; ``end`` only for ``<D``."""

    code: str
    start: date | None = None
    end: date | None = None
    text: str = ""  # the bracket's content as written

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(frozen=True, slots=True)
class ActorEntry:
    id: str
    name: str  # the first name, ``_`` read as a space
    names: tuple[str, ...]  # every name, the first one and the synonyms
    codes: tuple[DatedCode, ...]
    file: str
    line: int

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    def merged(self, other: ActorEntry) -> ActorEntry:
        """This entry with the names and codes of another that has the same id."""
        names = tuple(dict.fromkeys((*self.names, *other.names)))
        return ActorEntry(
            self.id, self.name, names, (*self.codes, *other.codes), self.file, self.line
        )


@dataclass(frozen=True, slots=True)
class AgentEntry:
    term: str
    code: str  # as written, without the brackets: "~GOVMED", "IGO~"
    file: str
    line: int
    plural_of: str = ""  # the term this one is the {plural} of

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"


# --- parsing -------------------------------------------------------------------------------------


def name_text(raw: str) -> str:
    """A dictionary name as words: ``HOSNI_MUBARAK_`` → ``HOSNI MUBARAK``."""
    return " ".join(raw.replace("_", " ").split())


def slug(text: str) -> str:
    """A lower-case slug, accents folded: ``Boutros Boutros-Ghali`` → ``boutros-boutros-ghali``."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    return "-".join(re.findall(r"[a-z0-9]+", folded.lower()))


def _tabari_date(digits: str, today: date) -> tuple[date, bool]:
    """A ``YYMMDD`` or ``YYYYMMDD`` date, and whether its year had two digits."""
    if len(digits) == 6:
        year, month, day, short = int(digits[:2]), int(digits[2:4]), int(digits[4:6]), True
    elif len(digits) == 8:
        year, month, day, short = int(digits[:4]), int(digits[4:6]), int(digits[6:8]), False
    else:
        raise ValueError(f"bad date {digits!r} (YYMMDD or YYYYMMDD)")
    try:
        if not short:
            return date(year, month, day), False
        if year >= _PIVOT:
            return date(1900 + year, month, day), True
        recent = date(2000 + year, month, day)
        return (recent if recent <= today else date(1900 + year, month, day)), True
    except ValueError:
        raise ValueError(f"bad date {digits!r} (no such day)") from None


def parse_code(text: str, today: date | None = None) -> DatedCode:
    """One bracket's content: ``RUSGOV 991231-080507`` …; ValueError says what is wrong.
    ``today`` (default: the real one) is the latest day a two-digit year may give."""
    today = today or date.today()
    content = " ".join(text.split())
    match = _DATED.fullmatch(content)
    if match is None:
        if re.fullmatch(r"\S+ \d+", content):
            raise ValueError(f"bad code [{text}] (a date needs >, < or a range A-B)")
        raise ValueError(f"bad code [{text}]")
    code = match["code"]
    if code != NULL_CODE and not _PART.fullmatch(code):
        raise ValueError(f"bad code [{text}] (three-character parts, A-Z or 0-9)")
    if match["op"]:
        when, _ = _tabari_date(match["one"], today)
        if match["op"] == ">":
            return DatedCode(code, start=when, text=content)
        return DatedCode(code, end=when, text=content)
    if match["start"]:
        start, short = _tabari_date(match["start"], today)
        end, _ = _tabari_date(match["end"], today)
        if start > end and short:
            try:
                start = start.replace(year=start.year - 100)
            except ValueError:
                raise ValueError(f"bad date range [{text}]") from None
        if start > end:
            raise ValueError(f"bad date range [{text}]: the end is before the start")
        return DatedCode(code, start=start, end=end, text=content)
    return DatedCode(code, text=content)


def _strip_comment(line: str) -> str:
    return line.split(_COMMENT, 1)[0].rstrip()


def _split_name_line(text: str) -> tuple[str, str]:
    """A name line as (name, the brackets after it); ValueError if the brackets do not close."""
    name, bracket, rest = text.partition("[")
    codes = bracket + rest
    if "]" in name or codes.count("[") != codes.count("]"):
        raise ValueError("unbalanced [ ]")
    if not _BRACKETS.fullmatch(codes):
        raise ValueError(f"text after the codes: {codes.strip()!r} (a comment starts with #)")
    return name.strip(), codes


def _check_name(raw: str) -> str:
    name = name_text(raw)
    if not name:
        raise ValueError("empty name")
    if "|" in name:
        raise ValueError(f"bad name {raw!r} ('|' cannot be part of a name)")
    if _LOOSE_PLUS.search(raw):  # «B+H_OCEAN_CARRIERS_» is a name; «TAIOAN_ +TAWIAN_» two
        raise ValueError(f"bad name {raw!r} (a synonym needs a '+' line of its own)")
    return name


class _ActorReader:
    """The state of :func:`parse_actors`: the entry being read."""

    def __init__(self, file: str, today: date | None) -> None:
        self.file = file
        self.today = today
        self.names: list[str] = []
        self.codes: list[DatedCode] = []
        self.line = 0
        self.closed = False  # a blank line came after it: a codeless name starts a new entry
        self.broken = 0  # the line of a name that could not be read: its lines are skipped

    def flush(self) -> Iterator[ActorEntry | Problem]:
        if not self.names:
            return
        name = self.names[0]
        ident = slug(name)
        if not self.codes:
            yield Problem(self.file, self.line, f"no code for {name}")
        elif not ident:
            yield Problem(self.file, self.line, f"no id can be made from {name!r}")
        else:
            names = tuple(dict.fromkeys(self.names))
            yield ActorEntry(ident, name, names, tuple(self.codes), self.file, self.line)
        self.names, self.codes, self.closed = [], [], False

    def add_codes(self, text: str, number: int) -> Iterator[Problem]:
        for content in _BRACKET.findall(text):
            try:
                self.codes.append(parse_code(content, self.today))
            except ValueError as exc:
                yield Problem(self.file, number, str(exc))

    def read(self, text: str, number: int) -> Iterator[ActorEntry | Problem]:
        """One line without its comment; ValueError for a line that cannot be read."""
        if self.broken and text[0] in " \t[+":
            raise ValueError(f"skipped with the entry of line {self.broken}, which was not read")
        self.broken = 0
        if text[0] in " \t[":  # codes of the current entry
            if text.strip()[0] != "[":
                raise ValueError("an indented line holds codes only")
            _, codes = _split_name_line(text.strip())
            if not self.names:
                raise ValueError("codes outside an entry")
            yield from self.add_codes(codes, number)
            return
        if text[0] == "+":  # a synonym
            raw_name, codes = _split_name_line(text[1:])
            name = _check_name(raw_name)
            if not self.names:
                raise ValueError("a synonym outside an entry")
            self.names.append(name)
            yield from self.add_codes(codes, number)
            return
        # a name: a new entry, or one more name of an entry that has no code yet
        try:
            raw_name, codes = _split_name_line(text)
            name = _check_name(raw_name)
        except ValueError as exc:
            yield from self.flush()  # the entry before it is complete
            self.broken = number
            yield Problem(self.file, number, str(exc))
            return
        if self.names and not self.codes and not self.closed and not codes.strip():
            self.names.append(name)
            return
        yield from self.flush()
        self.names, self.line, self.closed = [name], number, False
        yield from self.add_codes(codes, number)


def parse_actors(
    lines: Iterable[str], file: str, today: date | None = None
) -> Iterator[ActorEntry | Problem]:
    """The entries of an actor dictionary, and a Problem for every line that cannot be read
    (``today``: as for :func:`parse_code`)."""
    reader = _ActorReader(file, today)
    for number, raw in enumerate(lines, start=1):
        text = _strip_comment(raw.rstrip("\r\n"))
        if not text.strip():
            if not raw.lstrip().startswith(_COMMENT):
                reader.closed = True
            continue
        try:
            # read the whole line first: a bad line adds nothing to the entry
            yield from list(reader.read(text, number))
        except ValueError as exc:
            yield Problem(file, number, str(exc))
    yield from reader.flush()


def _expand(term: str, sets: Mapping[str, Sequence[str]]) -> list[str]:
    """Every form of a term with substitution sets (``FIRE!PERSON!``), ``_`` read as a space."""
    pieces = _SET_NAME.split(term)
    names = _SET_NAME.findall(term)
    for name in names:
        if name not in sets:
            raise ValueError(f"undefined substitution set {name}")
    choices = [sets[name] for name in names]
    forms: list[str] = []
    for combo in itertools.product(*choices):
        text = pieces[0] + "".join(
            form + piece for form, piece in zip(combo, pieces[1:], strict=True)
        )
        forms.append(name_text(text))
    return forms


def parse_agents(lines: Iterable[str], file: str) -> Iterator[AgentEntry | Problem]:
    """The terms of an agent dictionary (substitution sets expanded, irregular plurals as terms
    of their own), and a Problem for every line that cannot be read."""
    sets: dict[str, list[str]] = {}
    for number, raw in enumerate(lines, start=1):
        text = _strip_comment(raw.rstrip("\r\n")).strip()
        if not text:
            continue
        definition = _SUBSTITUTION.fullmatch(text)
        if definition is not None:
            forms = [form.strip() for form in definition["forms"].split(",")]
            if not all(forms):
                yield Problem(file, number, f"empty form in substitution set {definition['name']}")
                continue
            sets[definition["name"]] = forms
            continue
        match = _AGENT_LINE.fullmatch(text)
        if match is None:
            reason = "no agent code [~XXX]" if "[" not in text else "bad agent line"
            yield Problem(file, number, f"{reason}: {text}")
            continue
        code = match["code"].strip()
        if not _AGENT_CODE.fullmatch(code):
            yield Problem(
                file, number, f"bad agent code [{code}] (~XXX or XXX~, three-letter parts)"
            )
            continue
        try:
            terms = _expand(match["term"], sets)
            plurals = _expand(match["plural"], sets) if match["plural"] else []
        except ValueError as exc:
            yield Problem(file, number, str(exc))
            continue
        if not all(terms) or "|" in match["term"]:
            yield Problem(file, number, f"bad term {match['term']!r}")
            continue
        for term in terms:
            yield AgentEntry(term, code, file, number)
        for plural in plurals:
            if plural:
                yield AgentEntry(plural, code, file, number, plural_of=terms[0])


def is_agents_text(text: str) -> bool:
    """Whether a dictionary is an agent dictionary (see the module docstring)."""
    for raw in text.splitlines():
        line = _strip_comment(raw).strip()
        if _SUBSTITUTION.fullmatch(line):
            return True
        found = _BRACKET.search(line)
        if found:
            return "~" in found.group(1)
    return False


def read_dictionary(
    path: Path, today: date | None = None
) -> Iterator[ActorEntry | AgentEntry | Problem]:
    """The entries of an actor or agent dictionary file; a file that cannot be read is one
    Problem (``today``: as for :func:`parse_code`)."""
    label = path.name
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        yield Problem(str(path), 0, "no such file")
        return
    except IsADirectoryError:
        yield Problem(str(path), 0, "a directory, not a dictionary file")
        return
    except UnicodeDecodeError as exc:
        yield Problem(str(path), 0, f"not UTF-8 text (byte {exc.start})")
        return
    except OSError as exc:
        yield Problem(str(path), 0, f"cannot be read ({exc.strerror})")
        return
    lines = text.splitlines()
    if is_agents_text(text):
        yield from parse_agents(lines, label)
    else:
        yield from parse_actors(lines, label, today)


# --- CAMEO to PLOVER -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PloverCode:
    """What a CAMEO code says in PLOVER: the country code, the sector, and the parts that the
    table does not know (for the caller to report)."""

    code: str | None
    sector: str | None
    unknown: tuple[str, ...] = ()


class CameoMap:
    """CAMEO code parts → PLOVER (see the module docstring for the rules)."""

    def __init__(self, table: Mapping[str, str], iso3: frozenset[str]) -> None:
        self._table = dict(table)
        self._iso3 = iso3

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, part: object) -> bool:
        return part in self._table

    def _country(self, part: str) -> str | None:
        value = self._table.get(part)
        if value is not None and value not in PLOVER_SECTORS and value != DROPPED:
            return value
        return part if part in self._iso3 else None

    def _fold(self, country: str | None, roles: Sequence[str], unknown: list[str]) -> PloverCode:
        sector: str | None = None
        for part in roles:
            value = self._table.get(part)
            if value is None:
                if part not in self._iso3:
                    unknown.append(part)
            elif value in PLOVER_SECTORS:
                sector = sector or value
            elif value != DROPPED and country == "IGO":
                country = value
        return PloverCode(country, sector, tuple(unknown))

    def actor(self, code: str) -> PloverCode:
        """An actor code: ``RUSGOV`` → RUS GOV, ``IGOUNOREFHCR`` → UNO REF."""
        parts = _parts(code)
        country = self._country(parts[0])
        if country is not None:
            return self._fold(country, parts[1:], [])
        if parts[0] not in self._table:  # neither a country nor a known role: KKLREB
            return self._fold(None, parts[1:], [parts[0]])
        return self._fold(None, parts, [])

    def agent(self, code: str) -> PloverCode:
        """An agent code: ``~GOVMED`` → sector GOV; ``IGO~`` → country IGO."""
        before, _, after = code.partition("~")
        if not before:
            return self._fold(None, _parts(after), [])
        return self.actor(before + after)


def _parts(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def load_cameo_map(data_dir: Traversable | None = None) -> CameoMap:
    """Read and check ``cameo_sectors.tsv`` and ``iso3166.tsv`` of ``data_dir`` (default: the
    shipped files)."""
    data = _data_dir() if data_dir is None else data_dir
    rows = _read_table(data, CAMEO_SECTORS)
    iso3 = _iso3166(_read_table(data, ISO3166))
    allowed = PLOVER_SECTORS | NON_STATE_CODES | iso3 | {DROPPED}
    table: dict[str, str] = {}
    for row in rows:
        part, value = row["cameo"], row["plover"]
        if not re.fullmatch(r"[A-Z]{3}", part):
            raise row.fail(f"bad CAMEO part {part!r} (three letters A-Z)")
        if part in table:
            raise row.fail(f"duplicate CAMEO part {part!r}")
        if value not in allowed:
            raise row.fail(
                f"bad plover value {value!r}: a PLOVER sector, a country code "
                f"({' '.join(sorted(NON_STATE_CODES))} or ISO alpha-3), or {DROPPED}"
            )
        table[part] = value
    return CameoMap(table, iso3)


@cache
def cameo_map() -> CameoMap:
    """The shipped CAMEO-to-PLOVER table, loaded once."""
    return load_cameo_map()


# --- import --------------------------------------------------------------------------------------


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


# --- writing -------------------------------------------------------------------------------------

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
