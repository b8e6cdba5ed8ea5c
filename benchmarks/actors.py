"""Actor resolution accuracy, per cascade step, on a written phrase list and on the GSR dev gold.

Two tables. The first runs ``marsad.resolve_actor(text, date)`` on each row of a list of Arabic
actor phrases written for marsad (``benchmarks/data/actors-ar.tsv``: text, date and the expected
code, sector, knowledge-base id and cascade step) and counts, per expected step, how often the
code, the code and sector, the identifier (where one is expected) and the method are right.

The second reads the reconciled source and target codes of the accepted sentences of the Arabic
event GSR dev split (test material only, never shipped), dates each sentence from the
AAW_ARB_YYYYMMDD id of the same text in the CSV files, runs ``marsad.analyze`` and reports the
recall of the gold codes among the resolved actors, the agreement of the first actor of events
of the gold type with the gold source, and sector agreement where the codes match. Usage:

    .venv/bin/python benchmarks/actors.py [--list PATH] [--gold PATH] [--show-errors N]
"""

from __future__ import annotations

import argparse
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import marsad
from marsad.eval.actors import read_actor_gold, sentence_dates
from marsad.eval.detection import read_gsr_csvs

HERE = Path(__file__).resolve().parent
DEFAULT_LIST = HERE / "data" / "actors-ar.tsv"
DEFAULT_GOLD = HERE.parents[1] / "shared/data/events-ar-gsr-dev/actors_dev.jsonl"
GOLD_CSVS = ("assault_gsr_dev.csv", "protest_gsr_dev.csv")
COLUMNS = ("text", "date", "code", "sector", "identifier", "step", "note")
NONE = "-"  # an empty cell of the list: no code, no sector, no id expected, no step
NEGATIVE = "none"  # the label of rows that should resolve to nothing

#: The cascade's methods, most specific first (marsad.actors.cascade), then the negative rows.
STEPS = (
    "person-role",
    "person-former-role",
    "person-no-role",
    "title-holder",
    "title",
    "title-former",
    "counterpart-holder",
    "counterpart",
    "agent-country",
    "agent",
    "side-country",
    "metonym",
    "country",
    "organisation",
    "organisation-national",
    NEGATIVE,
)


def _cell(value: str) -> str | None:
    value = value.strip()
    return None if value in ("", NONE) else value


@dataclass(frozen=True, slots=True)
class Case:
    line: int
    text: str
    date: str
    code: str | None
    sector: str | None
    identifier: str | None
    step: str
    note: str

    @property
    def hard(self) -> bool:
        return self.note.startswith("hard:")


@dataclass(frozen=True, slots=True)
class Outcome:
    case: Case
    code: str | None
    sector: str | None
    identifier: str | None
    method: str
    entity: str
    reason: str

    @property
    def code_ok(self) -> bool:
        return self.code == self.case.code

    @property
    def code_sector_ok(self) -> bool:
        return self.code_ok and self.sector == self.case.sector

    @property
    def identifier_ok(self) -> bool | None:
        """None where the list expects no identifier (the row is not counted)."""
        if self.case.identifier is None:
            return None
        return self.identifier == self.case.identifier

    @property
    def method_ok(self) -> bool:
        return self.method == self.case.step

    @property
    def right(self) -> bool:
        return self.code_sector_ok and self.identifier_ok is not False


def read_list(path: Path) -> list[Case]:
    cases: list[Case] = []
    header_seen = False
    with path.open(encoding="utf-8") as handle:
        for number, raw in enumerate(handle, start=1):
            line = raw.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if not header_seen:
                if tuple(cells) != COLUMNS:
                    raise SystemExit(f"{path}:{number}: header must be {' '.join(COLUMNS)}")
                header_seen = True
                continue
            if len(cells) != len(COLUMNS):
                raise SystemExit(f"{path}:{number}: {len(cells)} fields, {len(COLUMNS)} expected")
            text, date, code, sector, identifier, step, note = cells
            cases.append(
                Case(
                    line=number,
                    text=text,
                    date=date,
                    code=_cell(code),
                    sector=_cell(sector),
                    identifier=_cell(identifier),
                    step=_cell(step) or NEGATIVE,
                    note=note,
                )
            )
    return cases


def resolve(case: Case) -> Outcome:
    found = marsad.resolve_actor(case.text, case.date)
    if found is None:
        return Outcome(case, None, None, None, NEGATIVE, "", "no actor found")
    return Outcome(
        case,
        found.code,
        found.sector,
        found.identifier,
        found.method or NEGATIVE,
        found.entity_text,
        found.reason,
    )


def _share(k: int, n: int) -> str:
    return f"{k}/{n} {100 * k / n:.0f}%" if n else "-"


def _row(label: str, outcomes: Sequence[Outcome]) -> list[str]:
    with_id = [o for o in outcomes if o.identifier_ok is not None]
    return [
        label,
        str(len(outcomes)),
        _share(sum(o.code_ok for o in outcomes), len(outcomes)),
        _share(sum(o.code_sector_ok for o in outcomes), len(outcomes)),
        _share(sum(o.identifier_ok is True for o in with_id), len(with_id)),
        _share(sum(o.method_ok for o in outcomes), len(outcomes)),
        _share(sum(o.right for o in outcomes), len(outcomes)),
    ]


def print_table(headers: Sequence[str], rows: Iterable[Sequence[str]]) -> None:
    rows = [list(r) for r in rows]
    widths = [max(len(str(c)) for c in column) for column in zip(headers, *rows, strict=True)]
    print("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    print("  ".join("-" * w for w in widths))
    for row in rows:
        line = [row[0].ljust(widths[0])]
        line += [c.rjust(w) for c, w in zip(row[1:], widths[1:], strict=True)]
        print("  ".join(line))


def list_table(outcomes: Sequence[Outcome]) -> None:
    rows = []
    for step in STEPS:
        these = [o for o in outcomes if o.case.step == step]
        if these:
            rows.append(_row(step, these))
    rows.append(_row("overall", outcomes))
    rows.append(_row("  of which not hard", [o for o in outcomes if not o.case.hard]))
    rows.append(_row("  of which hard", [o for o in outcomes if o.case.hard]))
    headers = ["expected step", "rows", "code", "code+sector", "identifier", "method", "all right"]
    print_table(headers, rows)


def show_errors(outcomes: Sequence[Outcome], limit: int) -> None:
    wrong = [o for o in outcomes if not o.right]
    print(f"\nFirst {min(limit, len(wrong))} of {len(wrong)} wrong rows (code, sector or id):")
    for o in wrong[:limit]:
        c = o.case

        def show(code: str | None, sector: str | None, ident: str | None, step: str) -> str:
            return f"{code or NONE} {sector or NONE} {ident or NONE} [{step}]"

        print(f"- line {c.line} ({c.date}): {c.text}")
        print(f"    expected {show(c.code, c.sector, c.identifier, c.step)}  {c.note}".rstrip())
        print(f"    marsad   {show(o.code, o.sector, o.identifier, o.method)}  «{o.entity}»")
        print(f"    reason   {o.reason}")


# --- the GSR dev gold -------------------------------------------------------------------------


def gold_dates(folder: Path) -> dict[str, str]:
    """Each sentence's date, from the AAW_ARB_YYYYMMDD id of the same text in the CSV files."""
    paths = [folder / name for name in GOLD_CSVS if (folder / name).exists()]
    return sentence_dates(read_gsr_csvs(paths))


@dataclass(frozen=True, slots=True)
class GoldResult:
    source: str | None
    target: str | None
    source_sector: str | None
    target_sector: str | None
    codes: frozenset[str]
    sectors: frozenset[tuple[str, str | None]]  # (code, sector) of every resolved actor
    typed_event: bool  # marsad coded an event of the gold type
    first_actor: str | None  # code of the first actor of the first such event
    dated: bool


def run_gold(path: Path) -> list[GoldResult]:
    dates = gold_dates(path.parent)
    results = []
    for gold in read_actor_gold(path):
        date = dates.get(gold.text) or dates.get(" ".join(gold.text.split()))
        doc = marsad.analyze(gold.text, date)
        typed = [e for e in doc.events if e.event == gold.event_type]
        first = typed[0].actor[0].code if typed and typed[0].actor else None
        results.append(
            GoldResult(
                source=gold.source.code,
                target=gold.target.code,
                source_sector=gold.source.sector,
                target_sector=gold.target.sector,
                codes=frozenset(a.code for a in doc.actors if a.code),
                sectors=frozenset((a.code, a.sector) for a in doc.actors if a.code),
                typed_event=bool(typed),
                first_actor=first,
                dated=date is not None,
            )
        )
    return results


def gold_table(results: Sequence[GoldResult]) -> None:
    with_source = [r for r in results if r.source]
    with_target = [r for r in results if r.target]
    typed = [r for r in results if r.typed_event]
    typed_source = [r for r in typed if r.source]
    # (d) for every gold actor with a code and a sector whose code marsad found
    sector_cases = [
        (code, sector, r)
        for r in results
        for code, sector in ((r.source, r.source_sector), (r.target, r.target_sector))
        if code and sector and code in r.codes
    ]
    rows = [
        ["sentences (accepted, with reconciled codes)", str(len(results)), "-"],
        [
            "  dated from the CSV ids",
            str(len(results)),
            _share(sum(r.dated for r in results), len(results)),
        ],
        [
            "(a) source recall: gold source code among resolved actors",
            str(len(with_source)),
            _share(sum(r.source in r.codes for r in with_source), len(with_source)),
        ],
        [
            "(b) target recall: gold target code among resolved actors",
            str(len(with_target)),
            _share(sum(r.target in r.codes for r in with_target), len(with_target)),
        ],
        [
            "(c) sentences with an event of the gold type",
            str(len(results)),
            _share(len(typed), len(results)),
        ],
        [
            "    first actor code = gold source code (null = null)",
            str(len(typed)),
            _share(sum(r.first_actor == r.source for r in typed), len(typed)),
        ],
        [
            "    the same, where the gold source has a code",
            str(len(typed_source)),
            _share(sum(r.first_actor == r.source for r in typed_source), len(typed_source)),
        ],
        [
            "(d) sector agreement where the code matches",
            str(len(sector_cases)),
            _share(sum((c, s) in r.sectors for c, s, r in sector_cases), len(sector_cases)),
        ],
    ]
    print_table(["measure", "n", "value"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", type=Path, default=DEFAULT_LIST, help="the phrase list (TSV)")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="actors_dev.jsonl")
    parser.add_argument("--show-errors", type=int, default=0, metavar="N")
    args = parser.parse_args()

    outcomes = [resolve(case) for case in read_list(args.list)]
    print(f"Phrase list: {args.list.name}, {len(outcomes)} rows (marsad.resolve_actor)\n")
    list_table(outcomes)

    if args.gold.exists():
        print(f"\nGSR dev gold: {args.gold.name} (marsad.analyze, dated from the CSV ids)\n")
        gold_table(run_gold(args.gold))
    else:
        print(f"\nGSR dev gold: {args.gold} not found, skipped")

    if args.show_errors:
        show_errors(outcomes, args.show_errors)


if __name__ == "__main__":
    main()
