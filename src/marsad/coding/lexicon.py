"""The trigger lexicon (lang/ar/triggers.tsv): words that name events, set modes, or block both."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Literal

from marsad.coding.lang_files import read_lang_file
from marsad.errors import DataError
from marsad.matcher import PhraseMatcher
from marsad.ontology import event_types
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys

Role = Literal["event", "mode", "block"]
Pos = Literal["verb", "noun", "object", ""]
Aspect = Literal["perfect", "imperfect", ""]  # "" for forms written out in full


@dataclass(frozen=True, slots=True)
class TriggerEntry:
    role: Role
    event: str
    mode: str | None
    cameo: str | None
    pos: Pos
    form: str  # the normalised form this entry was generated as
    key: str  # the form's first matching key (see marsad.text.tokenize.entry_keys)
    note: str
    line: int
    aspect: Aspect = ""
    first_person: bool = False  # "utalibu", "nutalibu": I or we (the imperfect prefix only)


@dataclass(frozen=True)
class TriggerLexicon:
    events: PhraseMatcher[TriggerEntry]
    modes: PhraseMatcher[TriggerEntry]
    blocks: PhraseMatcher[TriggerEntry]


HE_DOES = "3ms"  # the person of verb_affixes.tsv whose imperfect prefix marks a written form
THIRD = "3"  # in a person of verb_affixes.tsv: a third person
FIRST = "1"  # in a person of verb_affixes.tsv: a first person


def _affix_rows() -> Iterator[tuple[str, str, str, str]]:
    """(aspect, prefix, suffix, person) for each row of verb_affixes.tsv, normalised."""
    for number, line in enumerate(read_lang_file("verb_affixes.tsv").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) < 3 or cells[0] not in ("perfect", "imperfect"):
            raise DataError(f"lang/ar/verb_affixes.tsv:{number}: expected aspect, prefix, suffix")
        person = cells[3] if len(cells) > 3 else ""
        yield cells[0], normalize_phrase(cells[1]), normalize_phrase(cells[2]), person


def _affixes() -> dict[str, list[tuple[str, str, bool]]]:
    """Per aspect, (prefix, suffix, only a first person) of each inflection. Only the
    imperfect's prefix tells the first person for sure: the perfect's "-na" (we) is also the
    pronoun "us" ("talabana", he asked us)."""
    table: dict[str, list[tuple[str, str, bool]]] = {"perfect": [], "imperfect": []}
    for aspect, prefix, suffix, person in _affix_rows():
        first = aspect == "imperfect" and person.startswith(FIRST) and "/" not in person
        table[aspect].append((prefix, suffix, first))
    return table


def written_aspect(form: str, written: frozenset[str]) -> Aspect:
    """The aspect of a form written out in full: imperfect when it starts with the prefix of
    "he does" ("yu'dim"), or with another third person's imperfect prefix and the same list
    has it with that prefix in its place ("tu'dim" beside "yu'dim"); else unknown
    ("tawassala" is a perfect that starts like an imperfect)."""
    lead, others = _imperfect_prefixes()
    if form.startswith(lead):
        return "imperfect"
    if any(form.startswith(p) and lead + form[len(p) :] in written for p in others):
        return "imperfect"
    return ""


@cache
def _imperfect_prefixes() -> tuple[str, frozenset[str]]:
    """The imperfect prefix of "he does", and those of the other third persons (not the first
    person's "a-", which is also the perfect's "a-": "a'dama")."""
    rows = list(_affix_rows())
    lead = next(p for a, p, _s, person in rows if a == "imperfect" and person == HE_DOES)
    others = {p for a, p, _s, person in rows if a == "imperfect" and p != lead and THIRD in person}
    return lead, frozenset(others)


def expand_forms(spec: str, where: str) -> Iterator[str]:
    """Every written form a ``P:``/``I:``/``F:`` spec stands for (see triggers.tsv)."""
    for form, _aspect in expand_aspects(spec, where):
        yield form


def expand_aspects(spec: str, where: str) -> Iterator[tuple[str, Aspect]]:
    """Like ``expand_forms``, with the aspect each form was generated in."""
    for form, aspect, _first in _expand(spec, where):
        yield form, aspect


def _expand(spec: str, where: str) -> Iterator[tuple[str, Aspect, bool]]:
    """Each form with its aspect and whether only a first person writes it so ("utalibu", I
    demand; forms written out in full are not told apart)."""
    affixes = _affixes()
    for part in filter(None, (p.strip() for p in spec.split(";"))):
        kind, _, body = part.partition(":")
        items = [normalize_phrase(x) for x in body.replace(",", "|").split("|") if x.strip()]
        if kind == "F":
            written = frozenset(items)
            for item in items:
                yield item, written_aspect(item, written), False
        elif kind in ("P", "I"):
            aspect: Aspect = "perfect" if kind == "P" else "imperfect"
            for stem in items:
                for prefix, suffix, first in affixes[aspect]:
                    yield prefix + stem + suffix, aspect, first
        else:
            raise DataError(f"{where}: form spec {part!r} must start with P:, I: or F:")


def _parse(text: str) -> Iterator[TriggerEntry]:
    types = event_types()
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        where = f"lang/ar/triggers.tsv:{number}"
        cells = line.split("\t")
        if len(cells) != 7:
            raise DataError(f"{where}: expected 7 columns, found {len(cells)}")
        role, event, mode, cameo, pos, spec, note = (c.strip() for c in cells)
        if role not in ("event", "mode", "block"):
            raise DataError(f"{where}: role {role!r} is not event, mode or block")
        if event not in types:
            raise DataError(f"{where}: {event!r} is not a PLOVER event type")
        if mode and mode not in types[event].modes:
            raise DataError(f"{where}: {mode!r} is not a mode of {event}")
        if pos not in ("verb", "noun", "object", ""):
            raise DataError(f"{where}: pos {pos!r} is not verb, noun or object")
        readings: dict[str, tuple[Aspect, bool]] = {}
        for form, aspect, first in _expand(spec, where):
            readings.setdefault(form, (aspect, first))  # the first reading of a form that is both
        for form, (aspect, first) in readings.items():
            keys = entry_keys(form)
            if not keys:
                continue
            yield TriggerEntry(
                role=role,  # type: ignore[arg-type]
                event=event,
                mode=mode or None,
                cameo=cameo or None,
                pos=pos,  # type: ignore[arg-type]
                form=form,
                key=keys[0],
                note=note,
                line=number,
                aspect=aspect,
                first_person=first,
            )


@cache
def trigger_lexicon() -> TriggerLexicon:
    lexicon = TriggerLexicon(PhraseMatcher(), PhraseMatcher(), PhraseMatcher())
    matchers = {"event": lexicon.events, "mode": lexicon.modes, "block": lexicon.blocks}
    for entry in _parse(read_lang_file("triggers.tsv")):
        matchers[entry.role].add(entry_keys(entry.form), entry)
    return lexicon
