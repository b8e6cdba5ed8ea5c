"""The evaluation reports as plain-text tables and as JSON-ready dicts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from marsad.eval.actors import ActorResult, ActorScores, ActorsReport
from marsad.eval.detection import (
    LABELS,
    CodedEvent,
    Confusion,
    DetectionReport,
    Judged,
    Share,
    TypeScore,
)
from marsad.eval.plover import PloverRecord, PloverReport

NONE = "-"


# --- cells ------------------------------------------------------------------------------------


def fmt_score(value: float | None) -> str:
    """``0.857``, or ``-`` when the score is undefined (nothing to divide by)."""
    return NONE if value is None else f"{value:.3f}"


def fmt_share(share: Share) -> str:
    """``40/69 58%``, or ``-`` when there is nothing to count."""
    if share.value is None:
        return NONE
    return f"{share.k}/{share.n} {100 * share.value:.0f}%"


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def share_json(share: Share) -> dict[str, Any]:
    return {"k": share.k, "n": share.n, "value": _round(share.value)}


def render_table(headers: Sequence[str], rows: Iterable[Sequence[str]], *, left: int = 1) -> str:
    """Headers, a rule, then the rows; the first ``left`` columns left-aligned, the others
    right-aligned."""
    body = [list(row) for row in rows]
    widths = [len(h) for h in headers]
    for row in body:
        for i, cell in enumerate(row):
            widths[i] = max(widths[i], len(cell))

    def line(cells: Sequence[str]) -> str:
        parts = [
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))
        ]
        return "  ".join(parts).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *map(line, body)])


def _names(paths: Iterable[str]) -> str:
    return ", ".join(Path(p).name for p in paths)


# --- detection --------------------------------------------------------------------------------

DETECTION_HEADERS = (
    "type",
    "pos",
    "neg",
    "left out",
    "TP",
    "FP",
    "FN",
    "TN",
    "precision",
    "recall",
    "F1",
    "FP rate",
    "FP rate difficult no",
)


def _confusion_cells(c: Confusion) -> list[str]:
    return [str(c.tp), str(c.fp), str(c.fn), str(c.tn)]


def detection_rows(scores: Sequence[TypeScore]) -> list[list[str]]:
    return [
        [
            s.event_type,
            str(s.positives),
            str(s.negatives),
            str(s.left_out),
            *_confusion_cells(s.confusion),
            fmt_score(s.confusion.precision),
            fmt_score(s.confusion.recall),
            fmt_score(s.confusion.f1),
            fmt_score(s.confusion.fp_rate),
            fmt_score(s.difficult_fp_rate),
        ]
        for s in scores
    ]


def render_detection(report: DetectionReport) -> str:
    rows = len(report.judged)
    lines = [
        f"Detection: {rows} sentences from {_names(report.sources)}",
        "positive: yes; negative: easy no, difficult no; ambiguous left out. Predicted "
        "positive: marsad codes an event of the type.",
        "",
        render_table(DETECTION_HEADERS, detection_rows(report.scores)),
        "",
        "Sentences marsad codes the type in, by gold label:",
        "",
        render_table(
            ("type", *LABELS),
            (
                [s.event_type, *(fmt_share(Share(t.predicted, t.n)) for t in s.labels)]
                for s in report.scores
            ),
        ),
    ]
    failed = report.stage_errors
    if failed:
        lines += ["", f"A stage failed on {len(failed)} sentences (listed on stderr)."]
    return "\n".join(lines)


def event_line(event: CodedEvent) -> str:
    """``ASSAULT/aerial «qasafat» actor ISR/MIL recipient PSE/CVL: reason``, the trigger
    ("qasafat", it bombed) in Arabic script."""
    kind = f"{event.event}/{event.mode}" if event.mode else event.event
    parts = [kind, f"«{event.trigger}»"]
    if event.actor:
        parts.append("actor " + " ".join(a.label for a in event.actor))
    if event.recipient:
        parts.append("recipient " + " ".join(a.label for a in event.recipient))
    head = " ".join(parts)
    return f"{head}: {event.reason}" if event.reason else head


def _judged_lines(judged: Judged) -> list[str]:
    row = judged.row
    lines = [f"- {row.id} ({row.label}, {row.accept} accept / {row.reject} reject): {row.text}"]
    if not judged.coded.events:
        lines.append("    no event coded")
    lines += [f"    {event_line(e)}" for e in judged.coded.events]
    lines += [f"    failed: {e}" for e in judged.coded.errors]
    return lines


def render_errors(report: DetectionReport, limit: int) -> str:
    """The first ``limit`` false positives and false negatives of each type, with every event
    marsad coded in the sentence and its reason."""
    lines: list[str] = []
    for score in report.scores:
        for outcome, name in (("fp", "false positives"), ("fn", "false negatives")):
            found = report.with_outcome(score.event_type, outcome)
            shown = found[:limit]
            lines += ["", f"{score.event_type}: {len(shown)} of {len(found)} {name}"]
            for judged in shown:
                lines += _judged_lines(judged)
    return "\n".join(lines).lstrip("\n")


def _event_json(event: CodedEvent) -> dict[str, Any]:
    return {
        "event": event.event,
        "mode": event.mode,
        "trigger": event.trigger,
        "actor": [a.label for a in event.actor],
        "recipient": [a.label for a in event.recipient],
        "reason": event.reason,
    }


def judged_json(judged: Judged) -> dict[str, Any]:
    row = judged.row
    return {
        "id": row.id,
        "label": row.label,
        "accept": row.accept,
        "reject": row.reject,
        "date": row.date,
        "text": row.text,
        "events": [_event_json(e) for e in judged.coded.events],
        "errors": list(judged.coded.errors),
    }


def type_score_json(score: TypeScore) -> dict[str, Any]:
    c = score.confusion
    return {
        "positives": score.positives,
        "negatives": score.negatives,
        "left_out": score.left_out,
        "tp": c.tp,
        "fp": c.fp,
        "fn": c.fn,
        "tn": c.tn,
        "precision": _round(c.precision),
        "recall": _round(c.recall),
        "f1": _round(c.f1),
        "fp_rate": _round(c.fp_rate),
        "difficult_no_fp_rate": _round(score.difficult_fp_rate),
        "by_label": {
            t.label: {"n": t.n, "predicted": t.predicted, "rate": _round(t.rate)}
            for t in score.labels
        },
    }


def detection_json(report: DetectionReport, *, errors: int = 0) -> dict[str, Any]:
    """The scores; with ``errors`` > 0, the first that many false positives and negatives."""
    out: dict[str, Any] = {
        "files": list(report.sources),
        "sentences": len(report.judged),
        "types": {s.event_type: type_score_json(s) for s in report.scores},
        "stage_errors": len(report.stage_errors),
    }
    if errors:
        out["errors"] = {
            s.event_type: {
                "false_positives": [
                    judged_json(j) for j in report.with_outcome(s.event_type, "fp")[:errors]
                ],
                "false_negatives": [
                    judged_json(j) for j in report.with_outcome(s.event_type, "fn")[:errors]
                ],
            }
            for s in report.scores
        }
    return out


# --- actors -----------------------------------------------------------------------------------

#: (label, attribute of ActorScores) in the order of the table.
ACTOR_MEASURES: tuple[tuple[str, str], ...] = (
    ("dated from the CSV ids", "dated"),
    ("an event of the gold type coded", "typed"),
    ("of all gold events:", ""),
    ("  source code right", "source_code"),
    ("  source code+sector right", "source"),
    ("  target code right", "target_code"),
    ("  target code+sector right", "target"),
    ("of the events coded with the gold type:", ""),
    ("  source code right", "source_code_typed"),
    ("  source code+sector right", "source_typed"),
    ("  target code right", "target_code_typed"),
    ("  target code+sector right", "target_typed"),
    ("where the gold side has a code:", ""),
    ("  source code right", "source_code_named"),
    ("  target code right", "target_code_named"),
    ("  source code among resolved actors", "source_recall"),
    ("  target code among resolved actors", "target_recall"),
)


def _measure(scores: ActorScores, attribute: str) -> Share:
    value = getattr(scores, attribute)
    assert isinstance(value, Share)
    return value


def render_actors(report: ActorsReport) -> str:
    groups = report.groups
    rows = [["gold events", *(str(g.events) for g in groups)]]
    for label, attribute in ACTOR_MEASURES:
        if not attribute:
            rows.append([label, *("" for _ in groups)])
        else:
            rows.append([label, *(fmt_share(_measure(g, attribute)) for g in groups)])
    lines = [
        f"Actors: {Path(report.gold_file).name} dated from {_names(report.csv_files)}",
        "",
        render_table(("measure", *(g.group for g in groups)), rows),
    ]
    failed = report.stage_errors
    if failed:
        lines += ["", f"A stage failed on {len(failed)} sentences (listed on stderr)."]
    return "\n".join(lines)


ACTOR_SIDES = ("source", "target")


def actor_errors(report: ActorsReport, side: str) -> list[ActorResult]:
    """The gold events whose ``side`` marsad gets wrong (code and sector), in file order."""
    return [r for r in report.results if not r.side_right(side, sector=True)]


def render_actor_errors(report: ActorsReport, limit: int) -> str:
    """The first ``limit`` gold events of each side marsad gets wrong, with the gold codes and
    every event of the gold type marsad coded in the sentence."""
    lines: list[str] = []
    for side in ACTOR_SIDES:
        found = actor_errors(report, side)
        shown = found[:limit]
        lines += ["", f"{side}: {len(shown)} of {len(found)} gold events wrong"]
        for result in shown:
            gold = result.gold
            lines.append(
                f"- {gold.where} {gold.event_type} source {gold.source.label} target "
                f"{gold.target.label}: {gold.text}"
            )
            if not result.typed:
                lines.append(f"    no {gold.event_type} event coded")
            lines += [f"    {event_line(e)}" for e in result.typed]
    return "\n".join(lines).lstrip("\n")


def _result_json(result: ActorResult) -> dict[str, Any]:
    return {
        "text": result.gold.text,
        "event_type": result.gold.event_type,
        "date": result.date,
        "gold_source": result.gold.source.label,
        "gold_target": result.gold.target.label,
        "events": [_event_json(e) for e in result.typed],
        "source_right": result.side_right("source", sector=True),
        "target_right": result.side_right("target", sector=True),
    }


def actors_json(
    report: ActorsReport, *, sentences: bool = False, errors: int = 0
) -> dict[str, Any]:
    out: dict[str, Any] = {
        "gold_file": report.gold_file,
        "csv_files": list(report.csv_files),
        "groups": {
            g.group: {
                "events": g.events,
                **{
                    attribute: share_json(_measure(g, attribute))
                    for _, attribute in ACTOR_MEASURES
                    if attribute
                },
            }
            for g in report.groups
        },
        "stage_errors": len(report.stage_errors),
    }
    if sentences:
        out["sentences"] = [_result_json(r) for r in report.results]
    if errors:
        out["errors"] = {
            side: [_result_json(r) for r in actor_errors(report, side)[:errors]]
            for side in ACTOR_SIDES
        }
    return out


# --- PLOVER -----------------------------------------------------------------------------------


def render_plover(report: PloverReport) -> str:
    m = report.matching
    c = report.overall
    lines = [
        f"PLOVER: {Path(report.gold.path).name} (gold) against {Path(report.pred.path).name}",
        "",
        f"gold records {len(report.gold.records)} in {report.stories} stories; "
        f"coded records {len(report.pred.records)}, {len(m.pairs) + len(m.extra)} of them in "
        f"{report.stories_coded} gold stories ({len(m.outside)} outside the gold)",
        f"matched pairs {len(m.pairs)}; gold records missed {len(m.missed)}; "
        f"coded records unmatched {len(m.extra)}",
        f"records with the type right: precision {fmt_score(c.precision)}, "
        f"recall {fmt_score(c.recall)}, F1 {fmt_score(c.f1)}",
        "",
        render_table(
            ("event type", "gold", "coded", "right", "precision", "recall", "F1"),
            (
                [
                    t.event_type,
                    str(t.gold),
                    str(t.pred),
                    str(t.confusion.tp),
                    fmt_score(t.confusion.precision),
                    fmt_score(t.confusion.recall),
                    fmt_score(t.confusion.f1),
                ]
                for t in report.types
            ),
        ),
        "",
        render_table(
            ("field", "counted over", "right"),
            ([f.name, f.over, fmt_share(f.share)] for f in report.fields),
            left=2,
        ),
    ]
    for name, notes in (("gold", report.gold.notes), ("coded", report.pred.notes)):
        if notes:
            lines += ["", f"Read from the {name} file:", *(f"  {n}" for n in notes)]
    return "\n".join(lines)


def _record_json(record: PloverRecord) -> dict[str, Any]:
    return {"id": record.id, "story": record.story, "event": list(record.events)}


def plover_json(report: PloverReport) -> dict[str, Any]:
    m = report.matching
    c = report.overall
    return {
        "gold_file": report.gold.path,
        "pred_file": report.pred.path,
        "gold_records": len(report.gold.records),
        "pred_records": len(report.pred.records),
        "stories": report.stories,
        "stories_coded": report.stories_coded,
        "matched": len(m.pairs),
        "missed": [_record_json(r) for r in m.missed],
        "unmatched": [_record_json(r) for r in m.extra],
        "outside_gold": len(m.outside),
        "records": {
            "tp": c.tp,
            "fp": c.fp,
            "fn": c.fn,
            "precision": _round(c.precision),
            "recall": _round(c.recall),
            "f1": _round(c.f1),
        },
        "types": {
            t.event_type: {
                "gold": t.gold,
                "pred": t.pred,
                "right": t.confusion.tp,
                "precision": _round(t.confusion.precision),
                "recall": _round(t.confusion.recall),
                "f1": _round(t.confusion.f1),
            }
            for t in report.types
        },
        "fields": {f.name: {**share_json(f.share), "over": f.over} for f in report.fields},
        "notes": {"gold": list(report.gold.notes), "pred": list(report.pred.notes)},
    }
