"""Read PETRARCH/TABARI actor and agent dictionaries into the entries of
:mod:`marsad.kb.petrarch_entries`.

**Actor dictionaries** (``Phoenix.Countries.actors.txt`` …). ``#`` starts a comment. A line that
starts with a name begins an entry: ``HOSNI_MUBARAK_``; the first name gives the entry's id
(``hosni-mubarak``). ``+NAME`` lines add synonyms. Codes follow the name on its line or on
indented lines below it, one ``[…]`` each (:mod:`marsad.kb.petrarch_entries` says how a code and
its dates read). Several names in a row with no codes between them (``IVO_JOSIPOVIC_`` then
``PRESIDENT_JOSIPOVIC_`` then the codes) are one entry, unless a blank line separates them.

**Agent dictionaries** (``Phoenix.agents.txt``): ``TERM [~GOV]`` gives an agent noun and the code
it adds to an actor's (``[~GOVMED]``; ``[IGO~]`` puts a country part in front). ``{PLURAL}``
before the code gives an irregular plural, ``{}`` says there is none. ``!PERSON! = MAN, MEN``
defines a substitution set, and ``FIRE!PERSON!`` stands for ``FIREMAN``, ``FIREMEN``. A file is
an agent dictionary when its first code holds a ``~`` or it defines a substitution set.

Every line that cannot be read is a :class:`~marsad.kb.petrarch_entries.Problem` (file, line,
reason); reading goes on.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path

from marsad.kb.petrarch_entries import (
    ActorEntry,
    AgentEntry,
    DatedCode,
    Problem,
    name_text,
    parse_code,
    slug,
)

_COMMENT = "#"
_BRACKETS = re.compile(r"(?:\s*\[[^\[\]]*\])*\s*")
_BRACKET = re.compile(r"\[([^\[\]]*)\]")
_AGENT_CODE = re.compile(r"~(?:[A-Z]{3})+|(?:[A-Z]{3})+~")
_AGENT_LINE = re.compile(
    r"(?P<term>[^\[\]{}]+?)\s*(?:\{(?P<plural>[^{}\[\]]*)\}\s*)?\[(?P<code>[^\[\]]*)\]\s*"
)
_SUBSTITUTION = re.compile(r"(?P<name>![A-Z]+!)\s*=\s*(?P<forms>.*)")
_SET_NAME = re.compile(r"![A-Z]+!")
_LOOSE_PLUS = re.compile(r"(?:^|[\s_])\+|\+(?:[\s_]|$)")


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
