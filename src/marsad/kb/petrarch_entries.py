"""What a PETRARCH/TABARI dictionary holds, as records: actor and agent entries, their CAMEO
codes with dates, and the :class:`Problem` of a line that cannot be read; with the readers of
a name (:func:`name_text`, :func:`slug`) and of one code (:func:`parse_code`).

A name's ``_`` joins words (it becomes a space); an id is the name in lower case, accents
folded, every run of other characters a ``-`` (``HOSNI_MUBARAK_`` → ``hosni-mubarak``). A code
is written in brackets, one ``[…]`` each:

- ``[RUSGOV]`` an undated code; ``[---]`` the null code (do not code this actor);
- ``[RUSGOV 991231-080507]`` from the first date to the second; ``[RUSGOV >991231]`` from the
  date on; ``[RUSGOV <080507]`` up to the date.
- Dates are ``YYMMDD`` or ``YYYYMMDD``. A two-digit year of 50 or more is 19xx, below 50 20xx,
  except that a date is never in the future: one that would be (the Phoenix files write
  Roosevelt's presidency ``330304-450412``) is read in the 1900s. When the start of a range is
  still after its end, a two-digit start is read a century earlier (``430101-920428`` is
  1943-1992). A range whose end is still before its start, a date of another length or not in
  the calendar, or a code that is not three-letter parts is malformed.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date

#: The CAMEO null code: the actor is not to be coded.
NULL_CODE = "---"

_PART = re.compile(r"(?:[A-Z0-9]{3})+")
_DATED = re.compile(
    r"(?P<code>\S+)(?:\s+(?:(?P<start>\d+)\s*-\s*(?P<end>\d+)|(?P<op>[<>])\s*(?P<one>\d+)))?"
)
_PIVOT = 50  # two-digit years from 50 are 19xx


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


# --- names and codes ------------------------------------------------------------------------------


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
