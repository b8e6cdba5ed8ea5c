"""Event detection scored on gold sentences in the format of the Arabic event GSR.

The CSV files (``assault_gsr_dev.csv``, ``protest_gsr_dev.csv`` …) have the columns ``id``,
``event_type``, ``label``, ``accept``, ``reject``, ``total`` and ``text``: one sentence a row,
labelled for one PLOVER type. ``yes`` (every annotator accepted the type) is a positive;
``easy no`` and ``difficult no`` are negatives; ``ambiguous`` rows are counted but left out of
the scores. A sentence is predicted positive for type T when marsad codes at least one event of
type T in it. The sentence date is read from an ``AAW_ARB_YYYYMMDD`` id; other ids leave the
sentence undated.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.errors import DataError, InputError
from marsad.io.dates import parse_date
from marsad.ontology import event_types
from marsad.types import ActorRef, Article, Document, EventRecord

POSITIVE = "yes"
EASY_NO = "easy no"
DIFFICULT_NO = "difficult no"
AMBIGUOUS = "ambiguous"
LABELS = (POSITIVE, EASY_NO, DIFFICULT_NO, AMBIGUOUS)
NEGATIVES = frozenset({EASY_NO, DIFFICULT_NO})
COLUMNS = ("id", "event_type", "label", "accept", "reject", "total", "text")
REQUIRED = ("id", "event_type", "label", "text")
COUNTS = ("accept", "reject", "total")

_GSR_DATE = re.compile(r"AAW_ARB_(\d{4})(\d{2})(\d{2})")

Coder = Callable[[Article], Document]


def gsr_date(sentence_id: str) -> str | None:
    """The day in an ``AAW_ARB_YYYYMMDD…`` id (``2008-01-19``), or None."""
    match = _GSR_DATE.match(sentence_id.strip())
    if match is None:
        return None
    try:
        return parse_date("-".join(match.groups()))
    except ValueError:
        return None


def squash(text: str) -> str:
    """``text`` with every run of whitespace made one space, for matching texts across files."""
    return " ".join(text.split())


def _label(value: str) -> str:
    return " ".join(value.replace("_", " ").split()).lower()


@dataclass(frozen=True, slots=True)
class GsrRow:
    """One labelled sentence of a GSR CSV file."""

    id: str
    event_type: str
    label: str
    text: str
    accept: int = 0
    reject: int = 0
    total: int = 0
    source: str = ""  # the file it was read from
    line: int = 0

    @property
    def date(self) -> str | None:
        return gsr_date(self.id)

    @property
    def where(self) -> str:
        return f"{self.source}:{self.line}"


def _count(value: str | None, column: str, where: str) -> int:
    if value is None or not value.strip():
        return 0
    try:
        number = int(value.strip())
    except ValueError:
        raise InputError(f"{where}: {column} is not a whole number: {value!r}") from None
    if number < 0:
        raise InputError(f"{where}: {column} is negative: {number}")
    return number


def _row(record: dict[str | None, str | None], source: str, line: int) -> GsrRow:
    where = f"{source}:{line}"
    if None in record:
        raise InputError(f"{where}: more fields than the {len(record) - 1} columns of the header")
    values: dict[str, str] = {}
    for column in REQUIRED:
        value = record.get(column)
        if value is None:
            raise InputError(f"{where}: too few fields (no {column})")
        values[column] = value.strip()
    if not values["id"]:
        raise InputError(f"{where}: empty id")
    if not values["text"]:
        raise InputError(f"{where}: empty text")
    label = _label(values["label"])
    if label not in LABELS:
        raise InputError(
            f"{where}: unknown label {values['label']!r} "
            "(expected yes, easy no, difficult no or ambiguous)"
        )
    event_type = values["event_type"].upper()
    if event_type not in event_types():
        raise InputError(f"{where}: {values['event_type']!r} is not a PLOVER event type")
    return GsrRow(
        id=values["id"],
        event_type=event_type,
        label=label,
        text=values["text"],
        accept=_count(record.get("accept"), "accept", where),
        reject=_count(record.get("reject"), "reject", where),
        total=_count(record.get("total"), "total", where),
        source=source,
        line=line,
    )


def read_gsr_csv(path: str | Path) -> list[GsrRow]:
    """The rows of one GSR CSV file; ``InputError`` (one line, with file and line) if bad."""
    source = str(path)
    rows: list[GsrRow] = []
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            header = reader.fieldnames
            if header is None:
                raise InputError(f"{source}: empty file")
            missing = [c for c in REQUIRED if c not in header]
            if missing:
                raise InputError(
                    f"{source}: not a GSR CSV file: no column {', '.join(missing)} "
                    f"(expected {','.join(COLUMNS)})"
                )
            previous = reader.line_num
            for record in reader:  # a quoted text may run over lines: report the first
                rows.append(_row(dict(record), source, previous + 1))
                previous = reader.line_num
    except OSError as exc:
        raise InputError(f"{source}: cannot read: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise InputError(f"{source}: not UTF-8 text") from None
    except csv.Error as exc:
        raise InputError(f"{source}: not CSV: {exc}") from None
    if not rows:
        raise InputError(f"{source}: no rows under the header")
    return rows


def read_gsr_csvs(paths: Iterable[str | Path]) -> list[GsrRow]:
    """The rows of several files; one sentence id twice for the same type is an error."""
    rows: list[GsrRow] = []
    seen: dict[tuple[str, str], GsrRow] = {}
    for path in paths:
        for row in read_gsr_csv(path):
            first = seen.setdefault((row.id, row.event_type), row)
            if first is not row:
                raise InputError(
                    f"{row.where}: id {row.id} labelled for {row.event_type} again "
                    f"(first at {first.where})"
                )
            rows.append(row)
    return rows


# --- coding the sentences -------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CodedActor:
    code: str | None
    sector: str | None
    text: str

    @classmethod
    def of(cls, ref: ActorRef) -> CodedActor:
        return cls(ref.code, ref.sector, ref.entity_text)

    @property
    def label(self) -> str:
        """``ISR/MIL``, ``---/CVL``, ``---/---``."""
        return f"{self.code or '---'}/{self.sector or '---'}"


@dataclass(frozen=True, slots=True)
class CodedEvent:
    """What the scores need of one event marsad coded, with its reason for the error lists."""

    event: str
    mode: str | None
    trigger: str
    reason: str
    actor: tuple[CodedActor, ...] = ()
    recipient: tuple[CodedActor, ...] = ()

    @classmethod
    def of(cls, record: EventRecord) -> CodedEvent:
        return cls(
            event=record.event,
            mode=record.mode,
            trigger=record.evidence[0].text if record.evidence else "",
            reason=record.reason,
            actor=tuple(CodedActor.of(a) for a in record.actor),
            recipient=tuple(CodedActor.of(r) for r in record.recipient),
        )


@dataclass(frozen=True, slots=True)
class CodedSentence:
    events: tuple[CodedEvent, ...] = ()
    actors: tuple[CodedActor, ...] = ()  # every actor the pipeline resolved in the text
    errors: tuple[str, ...] = ()  # stages that failed, or the pipeline's exception

    def of_type(self, event_type: str) -> tuple[CodedEvent, ...]:
        return tuple(e for e in self.events if e.event == event_type)

    def codes(self, event_type: str) -> bool:
        return any(e.event == event_type for e in self.events)


class SentenceCoder:
    """Codes sentences with a pipeline, each distinct (text, date) once.

    A stage that fails on a sentence, or a pipeline that raises on it, is kept in
    ``CodedSentence.errors`` and the sentence counts with the events coded before; broken
    language data (``DataError``) stops the evaluation.
    """

    def __init__(self, pipeline: Coder) -> None:
        self._pipeline = pipeline
        self._cache: dict[tuple[str, str | None], CodedSentence] = {}

    @property
    def calls(self) -> int:
        """Sentences the pipeline actually ran on."""
        return len(self._cache)

    def __call__(self, text: str, date: str | None, id: str) -> CodedSentence:
        key = (text, date)
        found = self._cache.get(key)
        if found is None:
            found = self._code(text, date, id)
            self._cache[key] = found
        return found

    def _code(self, text: str, date: str | None, id: str) -> CodedSentence:
        try:
            doc = self._pipeline(Article(id=id, text=text, date=date))
        except DataError:
            raise
        except Exception as exc:
            return CodedSentence(errors=(f"pipeline: {type(exc).__name__}: {exc}",))
        return CodedSentence(
            events=tuple(CodedEvent.of(e) for e in doc.events),
            actors=tuple(CodedActor.of(a) for a in doc.actors),
            errors=tuple(f"stage {e.stage}: {e.message}" for e in doc.errors),
        )


# --- the scores -----------------------------------------------------------------------------


def ratio(k: int, n: int) -> float | None:
    return k / n if n else None


@dataclass(frozen=True, slots=True)
class Share:
    """``k`` of ``n``; its value is None when ``n`` is 0."""

    k: int
    n: int

    @property
    def value(self) -> float | None:
        return ratio(self.k, self.n)


@dataclass(frozen=True, slots=True)
class Confusion:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    @property
    def precision(self) -> float | None:
        return ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float | None:
        return ratio(self.tp, self.tp + self.fn)

    @property
    def f1(self) -> float | None:
        return ratio(2 * self.tp, 2 * self.tp + self.fp + self.fn)

    @property
    def fp_rate(self) -> float | None:
        return ratio(self.fp, self.fp + self.tn)


@dataclass(frozen=True, slots=True)
class LabelTally:
    """Sentences of one label, and how many of them marsad codes the type in."""

    label: str
    n: int
    predicted: int

    @property
    def rate(self) -> float | None:
        return ratio(self.predicted, self.n)


@dataclass(frozen=True, slots=True)
class Judged:
    row: GsrRow
    coded: CodedSentence

    @property
    def predicted(self) -> bool:
        return self.coded.codes(self.row.event_type)

    @property
    def outcome(self) -> str:
        """``tp``, ``fp``, ``fn``, ``tn``, or ``left out`` for an ambiguous row."""
        if self.row.label == AMBIGUOUS:
            return "left out"
        gold = self.row.label == POSITIVE
        if gold:
            return "tp" if self.predicted else "fn"
        return "fp" if self.predicted else "tn"


@dataclass(frozen=True, slots=True)
class TypeScore:
    event_type: str
    confusion: Confusion
    labels: tuple[LabelTally, ...]  # one per label, in LABELS order

    def tally(self, label: str) -> LabelTally:
        return next(t for t in self.labels if t.label == label)

    @property
    def positives(self) -> int:
        return self.tally(POSITIVE).n

    @property
    def negatives(self) -> int:
        return self.tally(EASY_NO).n + self.tally(DIFFICULT_NO).n

    @property
    def left_out(self) -> int:
        return self.tally(AMBIGUOUS).n

    @property
    def difficult_fp_rate(self) -> float | None:
        """The share of ``difficult no`` sentences marsad codes the type in."""
        return self.tally(DIFFICULT_NO).rate


def score_type(event_type: str, judged: Sequence[Judged]) -> TypeScore:
    these = [j for j in judged if j.row.event_type == event_type]
    outcomes = [j.outcome for j in these]
    confusion = Confusion(
        tp=outcomes.count("tp"),
        fp=outcomes.count("fp"),
        fn=outcomes.count("fn"),
        tn=outcomes.count("tn"),
    )
    labels = tuple(
        LabelTally(
            label,
            sum(j.row.label == label for j in these),
            sum(j.row.label == label and j.predicted for j in these),
        )
        for label in LABELS
    )
    return TypeScore(event_type, confusion, labels)


@dataclass(frozen=True)
class DetectionReport:
    sources: tuple[str, ...]
    scores: tuple[TypeScore, ...]
    judged: tuple[Judged, ...] = field(repr=False)

    @property
    def stage_errors(self) -> list[Judged]:
        """Sentences on which a stage failed or the pipeline raised."""
        return [j for j in self.judged if j.coded.errors]

    def score(self, event_type: str) -> TypeScore:
        found = [s for s in self.scores if s.event_type == event_type]
        if not found:
            raise KeyError(event_type)
        return found[0]

    def with_outcome(self, event_type: str, outcome: str) -> list[Judged]:
        """The rows of ``event_type`` that came out ``tp``, ``fp``, ``fn`` or ``tn``, in the
        order of the files."""
        return [j for j in self.judged if j.row.event_type == event_type and j.outcome == outcome]


def evaluate_detection(
    rows: Sequence[GsrRow], coder: SentenceCoder, *, event_type: str | None = None
) -> DetectionReport:
    """Code every row (of ``event_type`` only, when given) and score each type present."""
    if event_type is not None:
        rows = [r for r in rows if r.event_type == event_type]
    if not rows:
        wanted = f" of type {event_type}" if event_type else ""
        raise InputError(f"no rows{wanted} to score")
    judged = tuple(Judged(r, coder(r.text, r.date, r.id)) for r in rows)
    types = sorted({r.event_type for r in rows})
    sources = tuple(dict.fromkeys(r.source for r in rows))
    return DetectionReport(sources, tuple(score_type(t, judged) for t in types), judged)
