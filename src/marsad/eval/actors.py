"""Source and target codes scored on gold actors in the format of ``actors_dev.jsonl``.

Each line is one accepted sentence: ``{"text", "event_type", "source": {"code", "sector"},
"target": {"code", "sector"}, "date"}``, codes ISO 3166 alpha-3 or a group code, ``null`` where
the coders found none. The ``date`` field of that file is a placeholder: the sentence is dated
from the ``AAW_ARB_YYYYMMDD`` id of the same text in the GSR CSV files.

For each gold sentence marsad's events of the gold type are compared with the gold source
(with the events' actors) and the gold target (with their recipients). A side is *code right*
when one of those events has an actor with the gold code among its actors (for a gold code of
null: an event none of whose actors has a code, or that has no actor); it is *code and sector
right* when, besides, an actor with the gold code has the gold sector (no actor counts as no
code and no sector; marsad's sector UNK, "unknown", counts as no sector). Recall counts the
gold codes (not null) found among every actor marsad resolved in the sentence, whatever the
events.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from marsad.errors import InputError
from marsad.eval.detection import (
    CodedActor,
    CodedEvent,
    CodedSentence,
    GsrRow,
    SentenceCoder,
    Share,
)
from marsad.eval.detection import squash as _squash
from marsad.kb.model import UNKNOWN_SECTOR
from marsad.ontology import event_types

ALL = "all"


@dataclass(frozen=True, slots=True)
class GoldActor:
    code: str | None
    sector: str | None

    @property
    def label(self) -> str:
        return f"{self.code or '---'}/{self.sector or '---'}"


@dataclass(frozen=True, slots=True)
class ActorGold:
    text: str
    event_type: str
    source: GoldActor
    target: GoldActor
    where: str = ""  # file:line


def _code(value: Any, what: str, where: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        raise InputError(f"{where}: {what} must be a string or null, not {value!r}")
    return value.strip().upper() or None


def _side(record: dict[str, Any], name: str, where: str) -> GoldActor:
    value = record.get(name)
    if value is None:
        return GoldActor(None, None)
    if not isinstance(value, dict):
        raise InputError(f"{where}: {name} must be an object with code and sector")
    return GoldActor(
        _code(value.get("code"), f"{name}.code", where),
        _code(value.get("sector"), f"{name}.sector", where),
    )


def _gold(record: Any, where: str) -> ActorGold:
    if not isinstance(record, dict):
        raise InputError(f"{where}: not a JSON object")
    text = record.get("text")
    if not isinstance(text, str) or not text.strip():
        raise InputError(f"{where}: no text")
    kind = record.get("event_type")
    if not isinstance(kind, str) or kind.strip().upper() not in event_types():
        raise InputError(f"{where}: event_type {kind!r} is not a PLOVER event type")
    return ActorGold(
        text=text,
        event_type=kind.strip().upper(),
        source=_side(record, "source", where),
        target=_side(record, "target", where),
        where=where,
    )


def read_actor_gold(path: str | Path) -> list[ActorGold]:
    """The gold sentences of one JSONL file; ``InputError`` (one line) if it is bad."""
    source = str(path)
    found: list[ActorGold] = []
    try:
        with open(path, encoding="utf-8-sig") as handle:
            for number, line in enumerate(handle, start=1):
                if not line.strip():
                    continue
                where = f"{source}:{number}"
                try:
                    record = json.loads(line)
                except json.JSONDecodeError as exc:
                    raise InputError(f"{where}: not JSON ({exc.msg})") from None
                found.append(_gold(record, where))
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{source}: not UTF-8 text") from None
    if not found:
        raise InputError(f"{source}: no gold records")
    return found


def sentence_dates(rows: Iterable[GsrRow]) -> dict[str, str]:
    """Each sentence's date from the CSV ids, keyed by its text and by the text with its
    whitespace squashed; the first dated row of a text wins."""
    dates: dict[str, str] = {}
    for row in rows:
        date = row.date
        if date is not None:
            dates.setdefault(row.text, date)
            dates.setdefault(_squash(row.text), date)
    return dates


# --- comparing --------------------------------------------------------------------------------


def known_sector(sector: str | None) -> str | None:
    """The sector as the gold writes it: PLOVER's "unknown" is the gold's null."""
    return None if sector == UNKNOWN_SECTOR else sector


def _pairs(actors: Sequence[CodedActor]) -> list[tuple[str | None, str | None]]:
    return [(a.code, known_sector(a.sector)) for a in actors] or [(None, None)]


def code_right(gold: GoldActor, actors: Sequence[CodedActor]) -> bool:
    codes = {code for code, _ in _pairs(actors)}
    if gold.code is None:
        return codes == {None}
    return gold.code in codes


def code_sector_right(gold: GoldActor, actors: Sequence[CodedActor]) -> bool:
    return code_right(gold, actors) and (gold.code, gold.sector) in _pairs(actors)


@dataclass(frozen=True, slots=True)
class ActorResult:
    gold: ActorGold
    date: str | None
    coded: CodedSentence

    @property
    def typed(self) -> tuple[CodedEvent, ...]:
        return self.coded.of_type(self.gold.event_type)

    def side_right(self, side: str, *, sector: bool) -> bool:
        gold = self.gold.source if side == "source" else self.gold.target
        check = code_sector_right if sector else code_right
        return any(
            check(gold, event.actor if side == "source" else event.recipient)
            for event in self.typed
        )

    def found(self, side: str) -> bool | None:
        """Whether the gold code of ``side`` is among the resolved actors; None if null."""
        gold = self.gold.source if side == "source" else self.gold.target
        if gold.code is None:
            return None
        return gold.code in {a.code for a in self.coded.actors}


def _share(results: Sequence[ActorResult], test: Callable[[ActorResult], object]) -> Share:
    return Share(sum(bool(test(r)) for r in results), len(results))


@dataclass(frozen=True, slots=True)
class ActorScores:
    """The measures over one group of gold sentences (a type, or all)."""

    group: str
    events: int
    dated: Share
    typed: Share  # sentences with an event of the gold type
    # over all gold events: a sentence marsad codes no event of the type in is wrong
    source_code: Share
    source: Share  # code and sector
    target_code: Share
    target: Share
    # over the sentences with an event of the gold type
    source_code_typed: Share
    source_typed: Share
    target_code_typed: Share
    target_typed: Share
    # the gold names a country or group: over all gold events with that side's code
    source_code_named: Share
    target_code_named: Share
    # recall of the gold codes among every resolved actor of the sentence
    source_recall: Share
    target_recall: Share


def score_group(group: str, results: Sequence[ActorResult]) -> ActorScores:
    typed = [r for r in results if r.typed]
    named_source = [r for r in results if r.gold.source.code]
    named_target = [r for r in results if r.gold.target.code]
    return ActorScores(
        group=group,
        events=len(results),
        dated=_share(results, lambda r: r.date is not None),
        typed=_share(results, lambda r: r.typed),
        source_code=_share(results, lambda r: r.side_right("source", sector=False)),
        source=_share(results, lambda r: r.side_right("source", sector=True)),
        target_code=_share(results, lambda r: r.side_right("target", sector=False)),
        target=_share(results, lambda r: r.side_right("target", sector=True)),
        source_code_typed=_share(typed, lambda r: r.side_right("source", sector=False)),
        source_typed=_share(typed, lambda r: r.side_right("source", sector=True)),
        target_code_typed=_share(typed, lambda r: r.side_right("target", sector=False)),
        target_typed=_share(typed, lambda r: r.side_right("target", sector=True)),
        source_code_named=_share(named_source, lambda r: r.side_right("source", sector=False)),
        target_code_named=_share(named_target, lambda r: r.side_right("target", sector=False)),
        source_recall=_share(named_source, lambda r: r.found("source")),
        target_recall=_share(named_target, lambda r: r.found("target")),
    )


@dataclass(frozen=True)
class ActorsReport:
    gold_file: str
    csv_files: tuple[str, ...]
    groups: tuple[ActorScores, ...]  # one per gold type, then "all"
    results: tuple[ActorResult, ...] = field(repr=False)

    def group(self, name: str) -> ActorScores:
        found = [g for g in self.groups if g.group == name]
        if not found:
            raise KeyError(name)
        return found[0]

    @property
    def stage_errors(self) -> list[ActorResult]:
        return [r for r in self.results if r.coded.errors]


def evaluate_actors(
    gold: Sequence[ActorGold],
    rows: Sequence[GsrRow],
    coder: SentenceCoder,
    *,
    gold_file: str = "",
) -> ActorsReport:
    """Code every gold sentence (dated from ``rows``) and score its source and target."""
    if not gold:
        raise InputError(f"{gold_file or 'gold'}: no gold records")
    dates = sentence_dates(rows)
    results = []
    for number, item in enumerate(gold, start=1):
        date = dates.get(item.text) or dates.get(_squash(item.text))
        coded = coder(item.text, date, f"gold-{number}")
        results.append(ActorResult(item, date, coded))
    types = sorted({g.event_type for g in gold})
    groups = [score_group(t, [r for r in results if r.gold.event_type == t]) for t in types]
    groups.append(score_group(ALL, results))
    csv_files = tuple(dict.fromkeys(r.source for r in rows))
    return ActorsReport(gold_file, csv_files, tuple(groups), tuple(results))
