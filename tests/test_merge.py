"""merge_events: one event told twice in an article is one record with both evidence spans."""

from __future__ import annotations

from dataclasses import replace

import pytest

from marsad.coding.doers import LONE_ATTACKER
from marsad.ontology import event_types
from marsad.stages.merge import MergeStage, merge_events, same_event
from marsad.types import (
    ActorRef,
    Article,
    DateRef,
    Document,
    EventRecord,
    Evidence,
    Precision,
    Size,
    Span,
)


def actor(code: str, at: int = 0) -> ActorRef:
    return ActorRef(code=code, sector="GOV", entity_text=code, span=Span(at, at + 3), sentence=0)


def event(
    n: int,
    kind: str = "CONSULT",
    *,
    mode: str | None = None,
    actors: tuple[str, ...] = ("RUS",),
    recipients: tuple[str, ...] = ("AZE",),
    date: str | None = "2021-05-19",
    date_method: str = "explicit",
) -> EventRecord:
    """The ``n``-th telling: its evidence sits at ``n * 100`` in sentence ``n``; its date is
    written in it unless ``date_method`` is "article" (inherited from the article)."""
    etype = event_types()[kind]
    precision: Precision = "day" if date and len(date) == 10 else "month"
    return EventRecord(
        id=f"e{n}",
        story_id="story",
        event=kind,
        mode=mode,
        actor=tuple(actor(c, n * 100) for c in actors),
        recipient=tuple(actor(c, n * 100 + 10) for c in recipients),
        evidence=(Evidence(n, Span(n * 100 + 5, n * 100 + 9), Span(n * 100, n * 100 + 50), "w"),),
        date=DateRef(date, precision, method=date_method) if date else None,
        cameo=etype.cameo_for(mode),
        quad_code=etype.quad,
        event_scale=etype.score(mode),
        reason=f"telling {n}",
    )


def test_same_type_parties_and_date_merge_and_keep_both_evidence_spans() -> None:
    first, second = event(1), event(2)
    (merged,) = merge_events((first, second))
    assert merged.evidence == first.evidence + second.evidence
    assert merged.id == first.id  # the first telling is the record kept
    assert (merged.event, merged.mode, merged.date) == (first.event, None, first.date)
    assert merged.actor == first.actor and merged.recipient == first.recipient
    assert "telling 1" in merged.reason and "telling 2" in merged.reason


def test_parties_may_stand_on_either_side() -> None:
    there = event(1, actors=("RUS",), recipients=("AZE",))
    back = event(2, actors=("AZE",), recipients=("RUS",))
    assert same_event(there, back)
    assert len(merge_events((there, back))) == 1


def test_three_tellings_become_one_record_in_order() -> None:
    tellings = (event(1), event(2), event(3))
    (merged,) = merge_events(tellings)
    assert [e.sentence for e in merged.evidence] == [1, 2, 3]


def test_different_dates_do_not_merge() -> None:
    monday, wednesday = event(1, date="2021-05-17"), event(2, date="2021-05-19")
    assert not same_event(monday, wednesday)
    assert merge_events((monday, wednesday)) == (monday, wednesday)


def test_a_day_and_its_month_are_different_dates() -> None:
    day, month = event(1, date="2021-05-19"), event(2, date="2021-05")
    assert merge_events((day, month)) == (day, month)


def test_undated_tellings_merge_with_each_other_but_not_with_dated_ones() -> None:
    a, b, dated = event(1, date=None), event(2, date=None), event(3)
    merged = merge_events((a, b, dated))
    assert [len(m.evidence) for m in merged] == [2, 1]
    assert merged[1] == dated


def test_clashing_modes_do_not_merge() -> None:
    phone, visit = event(1, mode="phone"), event(2, mode="visit")
    assert not same_event(phone, visit)
    assert merge_events((phone, visit)) == (phone, visit)


def test_different_types_or_parties_do_not_merge() -> None:
    consult, agree = event(1), event(2, kind="AGREE")
    assert merge_events((consult, agree)) == (consult, agree)
    with_armenia = event(3, recipients=("ARM",))
    assert merge_events((consult, with_armenia)) == (consult, with_armenia)
    more = event(4, recipients=("AZE", "ARM"))
    assert merge_events((consult, more)) == (consult, more)


def test_a_mode_gained_from_the_second_telling_brings_its_score_and_cameo() -> None:
    consult = event_types()["CONSULT"]
    bare, phone = event(1), event(2, mode="phone")
    assert bare.event_scale == consult.base_score != consult.score("phone")
    (merged,) = merge_events((bare, phone))
    assert merged.mode == "phone"
    assert merged.event_scale == consult.score("phone") == consult.modes["phone"].score
    assert merged.cameo == consult.cameo_for("phone") == consult.modes["phone"].cameo
    assert merged.evidence == bare.evidence + phone.evidence


def test_a_mode_told_first_stays_when_the_second_telling_has_none() -> None:
    consult = event_types()["CONSULT"]
    phone, bare = event(1, mode="phone"), event(2)
    (merged,) = merge_events((phone, bare))
    assert (merged.mode, merged.event_scale, merged.cameo) == (
        "phone",
        consult.score("phone"),
        consult.cameo_for("phone"),
    )


@pytest.mark.parametrize(("kind", "mode"), [("RETREAT", "ceasefire"), ("REQUEST", "assist")])
def test_mode_scores_come_from_the_ontology_for_other_types(kind: str, mode: str) -> None:
    etype = event_types()[kind]
    (merged,) = merge_events((event(1, kind=kind), event(2, kind=kind, mode=mode)))
    assert (merged.mode, merged.event_scale) == (mode, etype.modes[mode].score)


def test_merge_stage_replaces_the_events_and_adds_its_layer() -> None:
    doc = Document(
        Article(id="story", text="x" * 500), events=(event(1), event(2), event(3, kind="AGREE"))
    )
    stage = MergeStage()
    assert stage.requires == frozenset({"events", "dates"})
    out = stage(doc)
    assert "merged" in out.layers
    assert [(e.event, len(e.evidence)) for e in out.events] == [("CONSULT", 2), ("AGREE", 1)]


def test_nothing_to_merge() -> None:
    assert merge_events(()) == ()
    one = event(1)
    assert merge_events((one,)) == (one,)


def test_rebels_are_a_party_apart_from_their_state_but_state_sectors_are_one() -> None:
    """The PKK (TUR REB) attacking soldiers and Turkey striking them are two events; the Turkish
    army (TUR MIL) and Turkey (TUR GOV) striking the same day are one."""
    strike = event(1, "ASSAULT", actors=("TUR",), recipients=())
    rebels = replace(
        event(2, "ASSAULT", actors=("TUR",), recipients=()),
        actor=(replace(actor("TUR", 200), sector="REB"),),
    )
    assert merge_events((strike, rebels)) == (strike, rebels)
    army = replace(
        event(3, "ASSAULT", actors=("TUR",), recipients=()),
        actor=(replace(actor("TUR", 300), sector="MIL"),),
    )
    (merged,) = merge_events((strike, army))
    assert merged.evidence == strike.evidence + army.evidence


def test_civilians_are_a_party_apart_from_their_state() -> None:
    """Settlers (ISR CVL) storming a mosque and Israeli forces (ISR MIL) arresting villagers the
    same day are two events."""
    settlers = replace(
        event(1, "COERCE", actors=("ISR",), recipients=()),
        actor=(replace(actor("ISR", 100), sector="CVL"),),
    )
    forces = replace(
        event(2, "COERCE", actors=("ISR",), recipients=()),
        actor=(replace(actor("ISR", 200), sector="MIL"),),
    )
    assert merge_events((settlers, forces)) == (settlers, forces)


def test_a_retelling_by_a_definite_noun_that_names_nobody_joins_the_nearest_event() -> None:
    """ "wa-asfara al-hujum 'an ..." (and the attack caused): the nearest event of its type
    before it, whatever its parties, on the day that one was told; not a vague telling that is
    no such noun."""
    first = event(1, "ASSAULT", actors=("TUR",), recipients=(), date="2015-07-20")
    second = event(2, "ASSAULT", actors=("SYR",), recipients=(), date="2015-07-20")
    retold = event(3, "ASSAULT", actors=(), recipients=(), date="2015-07-21", date_method="article")
    merged = merge_events((first, second, retold), anaphoric=frozenset({"e3"}))
    assert [len(m.evidence) for m in merged] == [1, 2]
    assert merged[1].date == second.date
    assert len(merge_events((first, second, retold))) == 3


LONE_SECTOR = "CRM"


def unnamed(sector: str, at: int) -> ActorRef:
    """A party nobody names: "gunmen", "the police", or the unknown doer (UNK)."""
    return ActorRef(code=None, sector=sector, entity_text="", span=Span(at, at), sentence=0)


def attack(n: int, actors: tuple[str, ...], recipients: tuple[str, ...]) -> EventRecord:
    return replace(
        event(n, "ASSAULT", actors=(), recipients=()),
        actor=tuple(unnamed(s, n * 100) for s in actors),
        recipient=tuple(unnamed(s, n * 100 + 10) for s in recipients),
    )


def test_unnamed_parties_of_other_sectors_are_other_events() -> None:
    """The police shooting protesters and gunmen attacking the army the same day are two
    events, though nobody is named in either."""
    shooting = attack(1, ("COP",), ("CVL",))
    ambush = attack(2, ("UNK",), ("MIL",))
    assert not same_event(shooting, ambush)
    assert merge_events((shooting, ambush)) == (shooting, ambush)


def test_a_retelling_with_fewer_unnamed_parties_is_the_same_event() -> None:
    """ "Gunmen attacked soldiers", then "the attack killed three soldiers" (doer unknown), then
    "the attack" alone: one event told three times."""
    first = attack(1, ("UAF",), ("MIL",))
    (merged,) = merge_events((first, attack(2, ("UNK",), ("MIL",)), attack(3, ("UNK",), ())))
    assert [e.sentence for e in merged.evidence] == [1, 2, 3]
    assert merged.actor == first.actor


def test_a_first_telling_that_names_nobody_takes_the_parties_of_the_next() -> None:
    """ "Explosions shook the city", then "the police fired on protesters", then "gunmen
    attacked the army": the vague first telling is the shooting, which the attack is not."""
    vague, shooting, ambush = (
        attack(1, ("UNK",), ()),
        attack(2, ("COP",), ("CVL",)),
        attack(3, ("UAF",), ("MIL",)),
    )
    first, second = merge_events((vague, shooting, ambush))
    assert (first.actor, first.recipient) == (shooting.actor, shooting.recipient)
    assert [e.sentence for e in first.evidence] == [1, 2]
    assert second == ambush


def test_a_first_telling_without_a_doer_takes_the_doer_of_a_retelling_of_its_victims() -> None:
    """ "Two soldiers were killed" (no doer), then "rebels fired on the soldiers": one event,
    the rebels' doing; its victims stay those first told."""
    deaths = attack(1, ("UNK",), ("MIL",))
    firing = attack(2, ("REB",), ("MIL",))
    (merged,) = merge_events((deaths, firing))
    assert (merged.actor, merged.recipient) == (firing.actor, deaths.recipient)


def test_a_doer_of_other_victims_is_not_taken() -> None:
    """ "Civilians were killed" (no doer), then "gunmen attacked" with no victims named: the
    first telling keeps its unknown doer."""
    deaths = attack(1, ("UNK",), ("CVL",))
    attack_told = attack(2, ("UAF",), ())
    merged = merge_events((deaths, attack_told))
    assert merged[0].actor == deaths.actor


def test_a_suicide_bomber_nobody_names_is_as_anonymous_as_an_unknown_doer() -> None:
    """ "Fifteen people were killed" (no doer), then "a suicide bomber blew up his vest": one
    event; the bomber is no party whose sector would set the retelling apart."""
    deaths = attack(1, ("UNK",), ("CVL",))
    blast = attack(2, (), ())
    bomber = replace(unnamed(LONE_SECTOR, 200), method=LONE_ATTACKER)
    blast = replace(blast, actor=(bomber,))
    (merged,) = merge_events((deaths, blast))
    assert [e.sentence for e in merged.evidence] == [1, 2]
    # an unnamed party of that sector found otherwise ("a criminal") sets it apart
    gunmen = replace(blast, actor=(unnamed(LONE_SECTOR, 200),))
    assert len(merge_events((deaths, gunmen))) == 2


def test_tellings_that_count_their_dead_or_injured_differently_are_other_incidents() -> None:
    # a digest: "an Iraqi was killed ... before that seven Iraqis were killed"
    one = replace(event(1, "ASSAULT", actors=(), recipients=("IRQ",)), size=Size(dead=1))
    seven = replace(event(2, "ASSAULT", actors=(), recipients=("IRQ",)), size=Size(dead=7))
    assert not same_event(one, seven)
    hurt = replace(one, size=Size(dead=1, injured=3))
    assert not same_event(hurt, replace(seven, size=Size(dead=1, injured=8)))
    # the same count, or a count on one side only, tells nothing apart
    assert same_event(one, replace(seven, size=Size(dead=1, injured=4)))
    assert same_event(one, replace(seven, size=None))


def test_the_same_toll_told_again_is_one_event_whatever_the_day_and_doer() -> None:
    """ "Government forces' shelling killed 9 and wounded 12" (dated by the article), then "the
    hospital received nine bodies and 12 wounded yesterday" (no doer): one shelling, on the
    day the retelling names."""
    lead = replace(
        event(1, "ASSAULT", recipients=(), date_method="article"),
        actor=(replace(actor("IRQ", 100), sector="MIL"),),
        recipient=(unnamed("CVL", 110),),
        size=Size(dead=9, injured=12),
    )
    again = replace(attack(2, ("UNK",), ("CVL",)), date=DateRef("2021-05-18", "day", method="x"))
    again = replace(again, size=Size(dead=9, injured=12))
    (merged,) = merge_events((lead, again))
    assert merged.actor == lead.actor
    assert merged.date == again.date
    assert [e.sentence for e in merged.evidence] == [1, 2]


def test_a_toll_alike_does_not_join_other_parties_a_single_death_or_another_count() -> None:
    lead = replace(event(1, "ASSAULT", recipients=()), size=Size(dead=9), date=None)
    other_side = replace(event(2, "ASSAULT", actors=("SYR",), recipients=()), date=None)
    assert not same_event(lead, replace(other_side, size=Size(dead=9)))
    # Russia alone within Russia and Syria: the parties of one are among the other's
    both = replace(other_side, actor=(actor("RUS"), actor("SYR")))
    assert same_event(lead, replace(both, size=Size(dead=9)))
    # one dead is too common a toll to tell one incident from another
    one = replace(lead, size=Size(dead=1), date=DateRef("2021-05-18", "day", method="x"))
    assert not same_event(one, replace(both, size=Size(dead=1)))
    # the dead alike but the wounded not
    hurt = replace(lead, size=Size(dead=9, injured=3))
    assert not same_event(hurt, replace(both, size=Size(dead=9, injured=30)))


def test_a_headline_dated_by_the_article_is_the_story_told_days_before() -> None:
    """ "The Burundian army kills 31 gunmen" (the headline, no day named) and "the army killed
    31 gunmen yesterday": one event, on the day the story names; a later sentence of fighting
    with no day of its own is as often the next clash, and stays apart."""
    headline = replace(event(0, "ASSAULT"), date=DateRef("2021-05-19", "day", method="article"))
    story = replace(event(1, "ASSAULT"), date=DateRef("2021-05-18", "day", method="x"))
    (merged,) = merge_events((headline, story))
    assert merged.date == story.date
    later = replace(event(2, "ASSAULT"), date=DateRef("2021-05-19", "day", method="article"))
    assert not same_event(story, later)
    # a headline a week after the story's day tells another event
    old = replace(event(1, "ASSAULT"), date=DateRef("2021-05-10", "day", method="x"))
    assert not same_event(headline, old)


def test_a_statement_told_again_with_no_day_is_the_one_told_days_before() -> None:
    """ "The US Treasury imposed sanctions yesterday on two Qataris" and, later, "the United
    States announced sanctions on ...": one sanction, on the day the first telling names."""
    told = replace(event(1, "SANCTION"), date=DateRef("2021-05-18", "day", method="x"))
    again = replace(event(4, "SANCTION"), date=DateRef("2021-05-19", "day", method="article"))
    (merged,) = merge_events((told, again))
    assert merged.date == told.date and len(merged.evidence) == 2
    weeks_before = replace(told, date=DateRef("2021-05-01", "day", method="x"))
    assert not same_event(weeks_before, again)


def test_a_bombing_and_its_suicide_attack_are_one_event_told_by_the_narrower_mode() -> None:
    assault = event_types()["ASSAULT"]
    bombing = event(1, "ASSAULT", mode="explosives")
    suicide = event(2, "ASSAULT", mode="suicide-attack")
    assert same_event(bombing, suicide) and same_event(suicide, bombing)
    (merged,) = merge_events((bombing, suicide))
    assert (merged.mode, merged.cameo, merged.event_scale) == (
        "suicide-attack",
        assault.cameo_for("suicide-attack"),
        assault.score("suicide-attack"),
    )
    (merged,) = merge_events((suicide, bombing))
    assert merged.mode == "suicide-attack"
    (kept,) = merge_events((event(3, "ASSAULT", mode="explosives"), event(4, "ASSAULT")))
    assert kept.mode == "explosives"  # a telling with no mode takes nothing away
    aerial = event(5, "ASSAULT", mode="aerial")
    assert not same_event(bombing, aerial) and not same_event(suicide, aerial)


def test_an_attack_and_one_back_are_two_events() -> None:
    """ISIS executing a preacher and ISIS gunmen killed by a bomber the same day: the party
    that did the one underwent the other."""
    done = event(1, "ASSAULT", actors=("IMG",), recipients=())
    undergone = event(2, "ASSAULT", actors=(), recipients=("IMG",))
    assert not same_event(done, undergone)
    assert len(merge_events((done, undergone))) == 2


def test_fighting_together_may_be_told_as_one_attacking_the_other() -> None:
    clash = event(1, "ASSAULT", actors=("ISR", "PSE"), recipients=())
    raid = event(2, "ASSAULT", actors=("ISR",), recipients=("PSE",))
    assert same_event(clash, raid, fights=frozenset({clash.id}))


def test_allies_attacking_together_are_not_one_attacking_the_other() -> None:
    """«ميليشيات الحوثي والرئيس المخلوع قامت بقصف ...» is no fight between its two doers: the
    resistance attacking the Houthis the same day is another event."""
    allies = event(1, "ASSAULT", actors=("YEM", "IMG"), recipients=())
    attack = event(2, "ASSAULT", actors=("YEM",), recipients=("IMG",))
    assert not same_event(allies, attack)
    assert len(merge_events((allies, attack))) == 2
