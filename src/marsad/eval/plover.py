"""Coded PLOVER records scored against PLOVER gold records.

Both files hold one PLOVER record a line (JSON Lines), or one JSON array of records (the
layout of the English gold, ``PLOVER_GSR_CAMEO.txt``). The reader takes both spellings of the
record: marsad's (``actor``, ``recipient``, ``story_id``, ``text_info.sentence``,
``entity_text``) and the gold's (``source``, ``target``, ``actorText``, ``textInfo``). It also
reads the older PLOVER names the English gold still uses: the types DEMAND (now REQUEST),
DISAPPROVE and INVESTIGATE (now ACCUSE with that mode), FIGHT (now ASSAULT); modes such as
``strike-hun`` (hunger), ``demo-org`` (demo) or ``assassinate`` (targeted); sectors with an
ethnic or religious suffix (``CVLalb`` is CVL) and ``***`` for no sector. A gold mode the type
does not have in PLOVER 2.0 is dropped. The header record of type DOCUMENT is skipped. What the
reader did is reported as notes beside the scores.

Records are matched by story: the ``story_id`` (a gold record without one is its own story,
keyed by its ``id``) and, when both records give one, the sentence. Within a story each gold
record takes at most one coded record, the one that agrees best (type, then mode, then shared
actor codes, then shared recipient codes). Coded records of stories the gold does not have are
counted apart and do not lower precision. Actors are compared as sets of codes, and of (code,
sector) pairs, where the sector UNK ("unknown") counts as no sector.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.eval.actors import known_sector
from marsad.eval.detection import Confusion, Share
from marsad.ontology import event_types

#: Older PLOVER type names -> the PLOVER 2.0 type, and the mode the old name implies.
LEGACY_TYPES: dict[str, tuple[str, str | None]] = {
    "DEMAND": ("REQUEST", None),
    "DISAPPROVE": ("ACCUSE", "disapprove"),
    "INVESTIGATE": ("ACCUSE", "investigate"),
    "FIGHT": ("ASSAULT", None),
}
#: Older mode names -> PLOVER 2.0.
LEGACY_MODES: dict[str, str] = {
    "strike-hun": "hunger",
    "strike-gen": "strike",
    "riot-spon": "riot",
    "demo-org": "demo",
    "demo-spon": "demo",
    "assassinate": "targeted",
    "detain": "arrest",
    "confiscate": "seize",
    "ban": "restrict",
    "host": "visit",
}
#: Records that document the file rather than tell an event.
HEADER_TYPES = frozenset({"DOCUMENT"})
ACTOR_KEYS = ("actor", "source")
RECIPIENT_KEYS = ("recipient", "target")
STORY_KEYS = ("story_id", "storyId", "story")
TEXT_KEYS = ("entity_text", "actorText", "text", "name")

_SECTOR = re.compile(r"[A-Za-z]{3}")


@dataclass(frozen=True, slots=True)
class PloverActor:
    code: str | None
    sector: str | None
    text: str = ""


@dataclass(frozen=True, slots=True)
class PloverRecord:
    id: str
    story: str
    sentence: int | None
    events: tuple[str, ...]  # PLOVER types, most often one
    mode: str | None
    actor: tuple[PloverActor, ...]
    recipient: tuple[PloverActor, ...]
    where: str = ""


@dataclass(frozen=True)
class PloverFile:
    path: str
    records: tuple[PloverRecord, ...]
    notes: tuple[str, ...]  # how the reader fitted the file's layout, one line each


# --- reading -----------------------------------------------------------------------------------


def _raw_records(path: str) -> list[tuple[Any, str]]:
    """(record, where) pairs from a JSON array, a JSON object, or JSON Lines."""
    try:
        with open(path, encoding="utf-8-sig") as handle:
            text = handle.read()
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text") from None
    if not text.strip():
        raise InputError(f"{path}: empty file")
    if text.lstrip().startswith("["):
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{exc.lineno}: not JSON ({exc.msg})") from None
        return [(item, f"{path}: record {n}") for n, item in enumerate(data, start=1)]
    found: list[tuple[Any, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            found.append((json.loads(line), f"{path}:{number}"))
        except json.JSONDecodeError as exc:
            try:  # one JSON object written over several lines
                whole = json.loads(text)
            except json.JSONDecodeError:
                raise InputError(f"{path}:{number}: not JSON ({exc.msg})") from None
            return [(whole, path)]
    return found


def _text(value: Any) -> str | None:
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def _sector(value: Any, notes: Counter[str]) -> str | None:
    text = _text(value)
    if text is None:
        return None
    if set(text) == {"*"}:
        notes["sector *** read as no sector"] += 1
        return None
    head = _SECTOR.match(text)
    if head is None:
        return text.upper()
    if len(text) > 3:
        notes["sectors with a suffix read by their first three letters (CVLalb as CVL)"] += 1
    return head.group(0).upper()


def _actor(item: Any, where: str, notes: Counter[str]) -> PloverActor:
    if not isinstance(item, dict):
        raise InputError(f"{where}: an actor is not a JSON object: {item!r}")
    code = _text(item.get("code"))
    text = next((t for t in (_text(item.get(k)) for k in TEXT_KEYS) if t), "")
    return PloverActor(code.upper() if code else None, _sector(item.get("sector"), notes), text)


def _actors(
    raw: dict[str, Any], keys: Sequence[str], where: str, notes: Counter[str]
) -> tuple[PloverActor, ...]:
    key = next((k for k in keys if k in raw), None)
    if key is None:
        return ()
    value = raw[key]
    if value is None:
        return ()
    if isinstance(value, dict):
        return (_actor(value, where, notes),)
    if isinstance(value, list):
        return tuple(_actor(item, where, notes) for item in value)
    notes[f"{key} fields that are not a list of actors read as no actor"] += 1
    return ()


def _sentence(raw: dict[str, Any]) -> int | None:
    for holder in (raw.get("text_info"), raw.get("textInfo"), raw):
        if isinstance(holder, dict):
            value = holder.get("sentence")
            if isinstance(value, int) and not isinstance(value, bool):
                return value
    return None


def _events(raw: dict[str, Any], where: str) -> list[str]:
    value = raw.get("event")
    names = [value] if isinstance(value, str) else value
    if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
        raise InputError(f"{where}: no event (a PLOVER type, or a list of them)")
    found = [n.strip().upper() for n in names if n.strip()]
    if not found:
        raise InputError(f"{where}: empty event")
    return found


def _modernise(
    names: list[str], mode: str | None, notes: Counter[str]
) -> tuple[tuple[str, ...], str | None]:
    types: list[str] = []
    for name in names:
        new, implied = LEGACY_TYPES.get(name, (name, None))
        if new != name:
            notes[f"event {name} read as {new}" + (f" {implied}" if implied else "")] += 1
        if mode is None and implied is not None:
            mode = implied
        if new not in types:
            types.append(new)
    if mode in LEGACY_MODES:
        notes[f"mode {mode} read as {LEGACY_MODES[mode]}"] += 1
        mode = LEGACY_MODES[mode]
    known = event_types()
    if mode is not None and not any(mode in known[t].modes for t in types if t in known):
        notes[f"mode {mode} dropped: {'/'.join(types)} has no such mode in PLOVER 2.0"] += 1
        mode = None
    return tuple(types), mode


def _record(raw: Any, where: str, notes: Counter[str]) -> PloverRecord | None:
    if not isinstance(raw, dict):
        raise InputError(f"{where}: not a JSON object")
    names = _events(raw, where)
    if HEADER_TYPES & set(names):
        notes[f"{'/'.join(sorted(HEADER_TYPES & set(names)))} records skipped"] += 1
        return None
    record_id = _text(raw.get("id"))
    if record_id is None:
        raise InputError(f"{where}: no id")
    where = f"{where} ({record_id})" if record_id not in where else where
    story = next((s for s in (_text(raw.get(k)) for k in STORY_KEYS) if s), record_id)
    mode = _text(raw.get("mode"))
    types, mode = _modernise(names, mode.lower() if mode else None, notes)
    unknown = [t for t in types if t not in event_types()]
    for name in unknown:
        notes[f"event {name} is not a PLOVER 2.0 type"] += 1
    return PloverRecord(
        id=record_id,
        story=story,
        sentence=_sentence(raw),
        events=types,
        mode=mode,
        actor=_actors(raw, ACTOR_KEYS, where, notes),
        recipient=_actors(raw, RECIPIENT_KEYS, where, notes),
        where=where,
    )


def read_plover(path: str | Path) -> PloverFile:
    """The records of one PLOVER file (JSON Lines or a JSON array); ``InputError`` (one line,
    with where) when a record cannot be read."""
    source = str(path)
    notes: Counter[str] = Counter()
    records = []
    for raw, where in _raw_records(source):
        record = _record(raw, where, notes)
        if record is not None:
            records.append(record)
    if not records:
        raise InputError(f"{source}: no PLOVER records")
    ids = Counter(r.id for r in records)
    for record_id, count in ids.items():
        if count > 1:
            notes[f"id {record_id} on more than one record"] = count
    lines = tuple(f"{note} ({count})" for note, count in notes.items())
    return PloverFile(source, tuple(records), lines)


# --- matching and scoring ----------------------------------------------------------------------


def _codes(actors: Sequence[PloverActor]) -> frozenset[str]:
    return frozenset(a.code for a in actors if a.code)


def _code_sectors(actors: Sequence[PloverActor]) -> frozenset[tuple[str | None, str | None]]:
    pairs = ((a.code, known_sector(a.sector)) for a in actors)
    return frozenset((code, sector) for code, sector in pairs if code or sector)


@dataclass(frozen=True, slots=True)
class Pair:
    gold: PloverRecord
    pred: PloverRecord

    @property
    def type_right(self) -> bool:
        return bool(set(self.gold.events) & set(self.pred.events))

    @property
    def mode_right(self) -> bool:
        return self.gold.mode is not None and self.gold.mode == self.pred.mode

    def codes_right(self, side: str) -> bool:
        gold, pred = self._sides(side)
        return _codes(gold) == _codes(pred)

    def code_sectors_right(self, side: str) -> bool:
        gold, pred = self._sides(side)
        return _code_sectors(gold) == _code_sectors(pred)

    def _sides(self, side: str) -> tuple[tuple[PloverActor, ...], tuple[PloverActor, ...]]:
        if side == "actor":
            return self.gold.actor, self.pred.actor
        return self.gold.recipient, self.pred.recipient

    @property
    def affinity(self) -> tuple[bool, bool, int, int]:
        return (
            self.type_right,
            self.mode_right,
            len(_codes(self.gold.actor) & _codes(self.pred.actor)),
            len(_codes(self.gold.recipient) & _codes(self.pred.recipient)),
        )


def _same_sentence(gold: PloverRecord, pred: PloverRecord) -> bool:
    return gold.sentence is None or pred.sentence is None or gold.sentence == pred.sentence


@dataclass(frozen=True)
class Matching:
    pairs: tuple[Pair, ...]
    missed: tuple[PloverRecord, ...]  # gold records no coded record was matched to
    extra: tuple[PloverRecord, ...]  # coded records of gold stories left unmatched
    outside: tuple[PloverRecord, ...]  # coded records of stories the gold does not have


def match_records(gold: Sequence[PloverRecord], pred: Sequence[PloverRecord]) -> Matching:
    stories: dict[str, list[PloverRecord]] = defaultdict(list)
    for record in gold:
        stories[record.story].append(record)
    coded: dict[str, list[PloverRecord]] = defaultdict(list)
    outside = []
    for record in pred:
        if record.story in stories:
            coded[record.story].append(record)
        else:
            outside.append(record)
    pairs: list[Pair] = []
    missed: list[PloverRecord] = []
    extra: list[PloverRecord] = []
    for story, golds in stories.items():
        candidates = coded.get(story, [])
        options = [
            (Pair(g, p), gi, pi)
            for gi, g in enumerate(golds)
            for pi, p in enumerate(candidates)
            if _same_sentence(g, p)
        ]
        options.sort(key=lambda o: (tuple(-int(x) for x in o[0].affinity), o[1], o[2]))
        gold_taken: set[int] = set()
        pred_taken: set[int] = set()
        for pair, gi, pi in options:
            if gi in gold_taken or pi in pred_taken:
                continue
            gold_taken.add(gi)
            pred_taken.add(pi)
            pairs.append(pair)
        missed.extend(g for gi, g in enumerate(golds) if gi not in gold_taken)
        extra.extend(p for pi, p in enumerate(candidates) if pi not in pred_taken)
    return Matching(tuple(pairs), tuple(missed), tuple(extra), tuple(outside))


@dataclass(frozen=True, slots=True)
class TypeRow:
    event_type: str
    confusion: Confusion  # tp: matched with the type right; fp, fn: the rest

    @property
    def gold(self) -> int:
        return self.confusion.tp + self.confusion.fn

    @property
    def pred(self) -> int:
        return self.confusion.tp + self.confusion.fp


@dataclass(frozen=True, slots=True)
class FieldScore:
    name: str
    share: Share
    over: str  # what the share is counted over


def _type_rows(matching: Matching) -> tuple[TypeRow, ...]:
    gold = [*(p.gold for p in matching.pairs), *matching.missed]
    pred = [*(p.pred for p in matching.pairs), *matching.extra]
    names = sorted({t for r in (*gold, *pred) for t in r.events})
    rows = []
    for name in names:
        tp = sum(name in p.gold.events and name in p.pred.events for p in matching.pairs)
        n_gold = sum(name in r.events for r in gold)
        n_pred = sum(name in r.events for r in pred)
        rows.append(TypeRow(name, Confusion(tp=tp, fp=n_pred - tp, fn=n_gold - tp)))
    return tuple(rows)


def _fields(pairs: Sequence[Pair]) -> tuple[FieldScore, ...]:
    typed = [p for p in pairs if p.type_right]
    with_mode = [p for p in typed if p.gold.mode is not None]

    def share(items: Sequence[Pair], test: Callable[[Pair], object]) -> Share:
        return Share(sum(bool(test(p)) for p in items), len(items))

    over_pairs = "matched pairs"
    over_typed = "matched pairs with the type right"
    return (
        FieldScore("event type", share(pairs, lambda p: p.type_right), over_pairs),
        FieldScore(
            "mode",
            share(with_mode, lambda p: p.mode_right),
            "matched pairs with the type right and a gold mode",
        ),
        FieldScore("actor codes", share(typed, lambda p: p.codes_right("actor")), over_typed),
        FieldScore(
            "actor codes+sectors",
            share(typed, lambda p: p.code_sectors_right("actor")),
            over_typed,
        ),
        FieldScore(
            "recipient codes", share(typed, lambda p: p.codes_right("recipient")), over_typed
        ),
        FieldScore(
            "recipient codes+sectors",
            share(typed, lambda p: p.code_sectors_right("recipient")),
            over_typed,
        ),
    )


@dataclass(frozen=True)
class PloverReport:
    gold: PloverFile
    pred: PloverFile
    matching: Matching = field(repr=False)
    overall: Confusion  # records: tp matched with the type right
    types: tuple[TypeRow, ...]
    fields: tuple[FieldScore, ...]

    @property
    def stories(self) -> int:
        return len({r.story for r in self.gold.records})

    @property
    def stories_coded(self) -> int:
        """Gold stories with at least one coded record."""
        gold = {r.story for r in self.gold.records}
        return len(gold & {r.story for r in self.pred.records})

    def field_score(self, name: str) -> FieldScore:
        return next(f for f in self.fields if f.name == name)


def evaluate_plover(gold: PloverFile, pred: PloverFile) -> PloverReport:
    matching = match_records(gold.records, pred.records)
    tp = sum(p.type_right for p in matching.pairs)
    in_stories = len(matching.pairs) + len(matching.extra)
    overall = Confusion(tp=tp, fp=in_stories - tp, fn=len(gold.records) - tp)
    return PloverReport(
        gold, pred, matching, overall, _type_rows(matching), _fields(matching.pairs)
    )
