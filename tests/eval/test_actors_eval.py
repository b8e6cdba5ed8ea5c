"""Source and target codes against gold actors in the format of ``actors_dev.jsonl``.

The sentences of ``cases/actors_gold.jsonl`` are coded by ``ActorFake`` below, which reads
its events and actors off the text, so every share is known by hand.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.cli import main
from marsad.errors import InputError
from marsad.eval import (
    SentenceCoder,
    Share,
    evaluate_actors,
    read_actor_gold,
    read_gsr_csv,
    sentence_dates,
)
from marsad.eval.actors import GoldActor, code_right, code_sector_right
from marsad.eval.detection import CodedActor
from marsad.eval.report import actors_json, render_actors
from marsad.types import ActorRef, Article, Document, EventRecord, Evidence, Span

CASES = Path(__file__).resolve().parent / "cases"
GOLD = CASES / "actors_gold.jsonl"
CSV = CASES / "actors_gsr.csv"

Capture = pytest.CaptureFixture[str]


def _ref(spec: str) -> ActorRef:
    code, sector = (None if part == "-" else part for part in spec.split("/"))
    return ActorRef(code=code, sector=sector, entity_text=spec, span=Span(0, 0), sentence=0)


class ActorFake:
    """Codes ``EVENT TYPE SRC [TGT]`` parts (``|`` between them) and ``MENTION A B`` parts;
    an actor is written ``CODE/SECTOR`` with ``-`` for none. Remembers the dates it saw."""

    def __init__(self) -> None:
        self.dates: dict[str, str | None] = {}

    def __call__(self, article: Article) -> Document:
        self.dates[" ".join(article.text.split())] = article.date
        events: list[EventRecord] = []
        actors: list[ActorRef] = []
        for n, part in enumerate(article.text.split("|")):
            words = part.split()
            if words and words[0] == "MENTION":
                actors += [_ref(w) for w in words[1:]]
            elif words and words[0] == "EVENT":
                kind, *sides = words[1:]
                actor = tuple(_ref(s) for s in sides[:1])
                recipient = tuple(_ref(s) for s in sides[1:2])
                actors += [*actor, *recipient]
                span = Span(0, len(article.text))
                events.append(
                    EventRecord(
                        id=f"{article.id}-{n}",
                        story_id=article.id,
                        event=kind,
                        mode=None,
                        actor=actor,
                        recipient=recipient,
                        evidence=(Evidence(0, span, span, kind),),
                        reason=f"fake {kind}",
                    )
                )
        return Document(article=article, events=tuple(events), actors=tuple(actors))


def _actors(*specs: str) -> list[CodedActor]:
    refs = [_ref(s) for s in specs]
    return [CodedActor(r.code, r.sector, r.entity_text) for r in refs]


# --- reading ----------------------------------------------------------------------------------


def test_the_gold_is_read_with_null_codes_and_blank_lines_skipped() -> None:
    gold = read_actor_gold(GOLD)
    assert len(gold) == 9
    assert gold[1].source == GoldActor(None, "UAF")
    assert gold[3].target == GoldActor(None, None)
    assert gold[8].event_type == "PROTEST"
    assert gold[8].where == f"{GOLD}:10"


def test_dates_come_from_the_csv_ids_by_text_or_squashed_text() -> None:
    dates = sentence_dates(read_gsr_csv(CSV))
    assert dates["EVENT ASSAULT ISR/MIL PSE/CVL"] == "2008-03-01"
    assert dates["EVENT PROTEST -/CVL EGY/GOV"] == "2007-03-10"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("{broken", ":1: not JSON"),
        ("[1, 2]", ":1: not a JSON object"),
        ('{"event_type": "ASSAULT"}', ":1: no text"),
        ('{"text": "t", "event_type": "BOMB"}', ":1: event_type 'BOMB' is not a PLOVER"),
        ('{"text": "t", "event_type": "ASSAULT", "source": "ISR"}', ":1: source must be"),
        ('{"text": "t", "event_type": "ASSAULT", "target": {"code": 7}}', "target.code must be"),
    ],
)
def test_a_bad_gold_line_is_one_line_error(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError) as caught:
        read_actor_gold(path)
    assert message in str(caught.value)
    assert "\n" not in str(caught.value)


def test_an_empty_gold_file_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n", encoding="utf-8")
    with pytest.raises(InputError, match="no gold records"):
        read_actor_gold(path)


# --- comparing one side -----------------------------------------------------------------------


def test_a_code_is_right_when_an_actor_has_it_and_null_when_none_has_one() -> None:
    assert code_right(GoldActor("ISR", "MIL"), _actors("ISR/GOV", "-/CVL"))
    assert not code_right(GoldActor("ISR", "MIL"), _actors("USA/MIL"))
    assert code_right(GoldActor(None, "CVL"), _actors("-/CVL"))
    assert code_right(GoldActor(None, None), [])
    assert not code_right(GoldActor(None, "CVL"), _actors("-/CVL", "ISR/MIL"))


def test_code_and_sector_need_one_actor_with_both() -> None:
    assert code_sector_right(GoldActor("ISR", "MIL"), _actors("ISR/MIL", "-/CVL"))
    assert not code_sector_right(GoldActor("ISR", "MIL"), _actors("ISR/GOV", "-/MIL"))
    assert code_sector_right(GoldActor(None, "CVL"), _actors("-/CVL"))
    assert code_sector_right(GoldActor(None, None), [])
    # marsad's "unknown" sector is the gold's null, not a sector of its own
    assert code_sector_right(GoldActor(None, None), _actors("-/UNK"))
    assert not code_sector_right(GoldActor(None, "UAF"), _actors("-/UNK"))
    assert not code_sector_right(GoldActor(None, "CVL"), [])
    # never right on sector when wrong on code
    assert not code_sector_right(GoldActor(None, "CVL"), _actors("-/CVL", "ISR/CVL"))


# --- the scores -------------------------------------------------------------------------------


def test_the_shares_over_the_fixture() -> None:
    fake = ActorFake()
    report = evaluate_actors(
        read_actor_gold(GOLD), read_gsr_csv(CSV), SentenceCoder(fake), gold_file=str(GOLD)
    )
    assert [g.group for g in report.groups] == ["ASSAULT", "PROTEST", "all"]
    a = report.group("ASSAULT")
    assert a.events == 8
    assert a.dated == Share(7, 8)
    assert a.typed == Share(6, 8)
    assert (a.source_code, a.source) == (Share(5, 8), Share(4, 8))
    assert (a.target_code, a.target) == (Share(5, 8), Share(5, 8))
    assert (a.source_code_typed, a.source_typed) == (Share(5, 6), Share(4, 6))
    assert (a.target_code_typed, a.target_typed) == (Share(5, 6), Share(5, 6))
    assert (a.source_code_named, a.target_code_named) == (Share(3, 5), Share(2, 3))
    assert (a.source_recall, a.target_recall) == (Share(5, 5), Share(2, 3))
    p = report.group("PROTEST")
    assert (p.dated, p.source, p.target, p.target_recall) == (Share(1, 1),) * 4
    everything = report.group("all")
    assert (everything.events, everything.source) == (9, Share(5, 9))
    # the pipeline was given the dates of the CSV ids, the squashed text's too
    assert fake.dates["EVENT PROTEST -/CVL EGY/GOV"] == "2007-03-10"
    assert fake.dates["EVENT ASSAULT -/REB"] is None


def test_the_reports() -> None:
    report = evaluate_actors(
        read_actor_gold(GOLD), read_gsr_csv(CSV), SentenceCoder(ActorFake()), gold_file="g"
    )
    text = render_actors(report)
    row = next(line for line in text.splitlines() if "source code+sector right" in line)
    assert row.split()[-6:] == ["4/8", "50%", "1/1", "100%", "5/9", "56%"]
    data = actors_json(report, sentences=True)
    assert data["groups"]["all"]["source"] == {"k": 5, "n": 9, "value": 0.5556}
    assert data["sentences"][2]["gold_target"] == "SYR/GOV"
    assert data["sentences"][2]["source_right"] is False


# --- the command ------------------------------------------------------------------------------


def test_marsad_eval_actors(capsys: Capture) -> None:
    status = main(["eval", "actors", str(GOLD), "--csv", str(CSV)], pipeline_factory=ActorFake)
    out, err = capsys.readouterr()
    assert (status, err) == (0, "")
    assert out.splitlines()[0] == "Actors: actors_gold.jsonl dated from actors_gsr.csv"
    status = main(
        ["eval", "actors", str(GOLD), "--csv", str(CSV), "--format", "json"],
        pipeline_factory=ActorFake,
    )
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["groups"]["ASSAULT"]["typed"]["k"] == 6


def test_marsad_eval_actors_needs_the_csv_and_good_files(tmp_path: Path, capsys: Capture) -> None:
    status = main(["eval", "actors", str(GOLD)], pipeline_factory=ActorFake)
    assert status == 2
    assert "--csv" in capsys.readouterr().err
    bad = tmp_path / "gold.jsonl"
    bad.write_text('{"text": "t"}\n', encoding="utf-8")
    status = main(["eval", "actors", str(bad), "--csv", str(CSV)], pipeline_factory=ActorFake)
    err = capsys.readouterr().err
    assert status == 2
    assert err == f"marsad: [INPUT] {bad}:1: event_type None is not a PLOVER event type\n"


def test_marsad_eval_actors_lists_the_wrong_sides(capsys: Capture) -> None:
    args = ["eval", "actors", str(GOLD), "--csv", str(CSV), "--errors", "2"]
    status = main(args, pipeline_factory=ActorFake)
    out = capsys.readouterr().out
    assert status == 0
    listed = out[out.index("source: ") :].splitlines()
    assert listed[0] == "source: 2 of 4 gold events wrong"
    # the gold sides, then what was coded: the ISR actor's sector is wrong
    assert listed[1].startswith("- ")
    assert listed[1].endswith(
        "actors_gold.jsonl:3 ASSAULT source ISR/MIL target SYR/GOV: EVENT ASSAULT ISR/GOV LBN/CVL"
    )
    assert listed[2] == "    ASSAULT «ASSAULT» actor ISR/GOV recipient LBN/CVL: fake ASSAULT"
    assert listed[4] == "    no ASSAULT event coded"
    assert "target: 2 of 3 gold events wrong" in out
    status = main([*args, "--format", "json"], pipeline_factory=ActorFake)
    data = json.loads(capsys.readouterr().out)
    assert [e["gold_source"] for e in data["errors"]["source"]] == ["ISR/MIL", "USA/MIL"]
