"""Who did it and to whom: actors and recipients from a clause and the clauses above it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from marsad.actors.cascade import SIDES
from marsad.coding.carriers import LIGHT_VERB_REACH, reach_start
from marsad.coding.clauses import Clause, article_only, clause_of, is_word
from marsad.coding.doers import (
    attack_agent,
    attack_nationality,
    attributed_to,
    charged,
    fight_partner,
    genitive_with_object,
    passive_agent,
    weapon_at,
    weapon_owner_after,
)
from marsad.coding.governed import first_group
from marsad.coding.numbers import number_at
from marsad.coding.recipients import find_recipient, genitive_victims, governed_group
from marsad.coding.resources import cues
from marsad.coding.speakers import (
    actor_above,
    agrees_with_the_pronoun,
    caller_during,
    resumes_speaker,
    resumes_subject,
    speaker,
    speaks_for_own_country,
)
from marsad.coding.subjects import (
    SUBJECT_OF_CLAUSE,
    subject_follows,
    unnamed_subject,
    unnamed_subject_before,
    verb_subject,
    vowelled_passive,
)
from marsad.coding.view import PLACE_METHODS, DiscourseState, SentenceView, subject
from marsad.coding.voice import (
    PASSIVE_SUBJECT_REACH,
    bare_noun_at,
    direct_object,
    past_circumstance,
    reads_passive,
)
from marsad.types import ActorRef

REACTION_REACH = 4  # words between condolences or a condemnation and the attack they are for


COUNTED_SUBJECT_REACH = 1  # words (a name) between a counted subject and its verb


def _before_the_parties(
    subject: tuple[list[ActorRef], str], joint: Sequence[ActorRef]
) -> tuple[list[ActorRef], str]:
    """A noun's subject, unless it stands after the parties "between" whom it took place:
    then it is the subject of the clause that goes on after them ("muwajahat bayna
    al-filastiniyyin wa-quwwat Isra'il qutila fiha thalathat filastiniyyin"), and the parties
    are the actors."""
    actor, _ = subject
    if joint and actor and actor[0].token_start > joint[0].token_start:
        return [], ""
    return subject


PARTITIVE_SUBJECT_REACH = 4  # from the verb to the counted noun: "iqtahamat majmu'a min al-"


def _counted_subject_with_object(
    view: SentenceView, clause: Clause, trigger: int, actor: ActorRef
) -> bool:
    """Whether the noun counted after "min" right after an active verb is its subject, the
    object following it: "iqtahamat majmu'a min al-mustawtinin al-masjid" (a group of settlers
    stormed the mosque), "i'taqalat quwwa min al-jaysh khamsat shubban" (an army force
    arrested five young men); with nothing such after it ("qutila 'adad min al-junud fi
    al-hujum") it is the passive's subject."""
    if not 0 < actor.token_start - trigger <= PARTITIVE_SUBJECT_REACH:
        return False
    at, tokens = actor.token_end, view.tokens
    if at >= clause.end:
        return False
    if number_at(tokens, at, clause.end):
        return True
    describes = any(m.token_start == at and m.kind == "nisba" for m in view.mentions)
    if describes or not bare_noun_at(tokens, at, clause.end):
        return False
    # "hajama 'anasir min Hizb Allah dawriyya isra'iliyya" (Hezbollah members attacked an
    # Israeli patrol): a noun the nisba after it describes is an object as one with the article
    described = any(m.token_start == at + 1 and m.kind == "nisba" for m in view.mentions)
    return article_only(tokens[at]) or described


def _candidates(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    *,
    victims: Sequence[ActorRef],
    crowd: bool,
    locus: bool,
    genitive_from: int | None,
    material: bool,
    outcome: bool,
    nominal: bool,
) -> SentenceView:
    """The sentence's actors that may still be the doer; ``genitive_from`` is where the
    genitive of a noun trigger starts (of the last one, when one event is told twice)."""
    drop = {id(a) for a in victims}
    if locus:
        # "shahidat al-Fashir tazahurat" (El Fasher saw protests): the subject is a place
        drop |= {id(a) for a in subject(view, clause)}
    # "'ala yad" (at the hands of), "hujum nafadhahu" (an attack carried out by)
    marked = {id(a) for a in passive_agent(view, clause)}
    # "ihtajja al-'Iraq lada al-umam al-muttahida" (Iraq protested to the UN): a state named
    # right after the verb objects
    objects = crowd and not nominal and is_word(view.tokens[trigger], cues().objection_words)
    if material:
        marked |= {id(a) for a in attack_agent(view, clause, trigger, outcome=outcome)}
    # "i'tiqal al-shurta li-l-mutazahirin" (the police's arrest of the protesters): after a
    # genitive that acts, the one with "li-" was acted on and stays for the recipient
    lam_object = (
        material
        and genitive_from is not None
        and bool(genitive_with_object(view, genitive_from - 1, clause.end))
    )
    kept = []
    for item in view.actors:
        a = item.actor
        g = item
        before_verb = (
            not nominal
            and clause.start <= a.token_start
            and trigger - COUNTED_SUBJECT_REACH <= a.token_end <= trigger
        )
        if (
            g.partitive
            and material
            and not crowd
            and not before_verb
            and (nominal or not _counted_subject_with_object(view, clause, trigger, a))
        ):
            # "qutila khilal al-muwajahat al-'asharat min al-milishiyat", "tamma tawqif 'adad
            # min al-dubbat": after a material verb the counted noun is as often what was
            # acted on; right before it ("al-'asharat min mustawtini Barakha hajamu", dozens of
            # Bracha's settlers attacked) it is the subject
            g = replace(g, preposition=g.partitive, partitive=None)
        if material and _reports_after(view, trigger, a):
            continue
        stated = objects and item.preposition is None and a.token_start == trigger + 1
        if id(a) in drop or ((crowd or locus) and a.method in PLACE_METHODS and not stated):
            # "tazahara alaf fi Pishawar" (thousands protested in Peshawar): a country or
            # city is where a crowd acted, not who
            continue
        if (
            genitive_from is not None
            and id(a) not in marked
            and clause.start <= trigger < a.token_start < clause.end
            and a.token_start >= genitive_from
            and not (lam_object and item.preposition in cues().recipient_proclitics)
        ):
            # "maqtal thalathat junud" (the killing of three soldiers): the noun's genitive
            # chain was acted on; the doer is named before it, or elsewhere
            continue
        kept.append(g)
    return replace(view, actors=kept)


def _reports_after(view: SentenceView, trigger: int, actor: ActorRef) -> bool:
    """Whether the actor is the source of a report told after a material act, right after a
    verb of saying ("... bi-hasab ma afada murasiluna", as our correspondent reported): who
    reports an act is not its doer."""
    start = actor.token_start
    return (
        trigger < start - 1
        and actor.sentence == view.tokens[start - 1].sentence
        and is_word(view.tokens[start - 1], cues().attribution_verbs, conjunction_only=True)
    )


def _reaction_before(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether condolences, condemnation or grief stand a few words before the trigger."""
    words = cues().reaction_nouns
    lo = max(clause.start, trigger - REACTION_REACH)
    return any(is_word(view.tokens[i], words) for i in range(lo, trigger))


@dataclass(frozen=True)
class Arguments:
    actor: tuple[ActorRef, ...]
    recipient: tuple[ActorRef, ...]
    how: str
    told_by: tuple[ActorRef, ...] = ()  # the subject that announced a killing, not its doer


class _Doer(NamedTuple):
    actor: list[ActorRef]
    how: str
    passive: bool  # a casualty verb read as a passive
    carried_out: bool  # named after a verb of carrying out, not an agent marker

    @property
    def after_marker(self) -> bool:
        """Named after an agent marker ("'ala yad"): the one doer with no carrying out."""
        return bool(self.actor) and not self.carried_out


def _named_doer(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    actor: Sequence[ActorRef],
    *,
    material: bool,
    nominal: bool,
    casualty: bool,
    outcome: bool,
    vowelled: bool = False,
    trigger_end: int = 0,
    unnamed: Sequence[ActorRef] = (),
) -> _Doer:
    """The doer an agent marker ("'ala yad") or a verb of carrying out ("nafadhahu") names."""
    marked = passive_agent(view, clause, trigger, trigger_end, material=material)
    if marked:
        return _Doer(marked, "the doer named after a passive-agent marker", False, False)
    blamed = attributed_to(view, trigger) if material else []
    if blamed:
        return _Doer(blamed, "the doer the act is attributed to («nasaba ... ila»)", False, True)
    passive = (
        vowelled
        or (casualty and reads_passive(view, clause, trigger, actor))
        or charged(view, trigger)
    )
    if casualty and not passive:
        # "qutila jundi bi-rasas qannas" (a soldier was killed by a sniper's bullet): a weapon's
        # owner right after the subject makes the verb a passive; "qatalat al-quwwat khamsa
        # bi-..." has its object between
        subject_end = max([trigger + 1, *(a.token_end for a in actor if a.token_start > trigger)])
        owner = weapon_owner_after(view, subject_end)
        if not owner and unnamed:
            # "qutila mutliq al-nar ... bi-rasas al-shurta" (the shooter was killed by police
            # bullets): the weapon after a subject marsad cannot name; its owner is no object
            owner = weapon_owner_after(view, unnamed[0].token_start - 1)
        if owner:
            return _Doer(owner, "the owner of the weapon it was done with", True, True)
    if material and (nominal or passive):
        agent = attack_agent(view, clause, trigger, outcome=outcome)
        if agent:
            how = "the doer named with the attack (who carried it out, or its weapon's owner)"
            return _Doer(agent, how, passive, True)
    return _Doer([], "", passive, False)


def _undergone(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    doer: _Doer,
    actor: Sequence[ActorRef],
    *,
    capture: bool,
    exposed_by: int | None,
) -> tuple[list[ActorRef], list[ActorRef], str] | None:
    """Who underwent the act, with no doer named, when the subject found did not do it: the
    subject of "was subjected to", of a passive, or of an arrest it cannot have made."""
    if doer.actor:
        return None
    if exposed_by is not None:
        # "ta'arradat al-quwwat al-amirkiyya li-hujum" (US forces came under attack): the
        # subject of "was subjected to" is acted on
        # "usiba thalatha min al-junud fi hujum" (three of the soldiers were wounded in an
        # attack): a subject counted after "min"
        subject = [] if doer.passive else list(actor)
        undergoer = subject or _counted_undergoer(view, clause, exposed_by)
        return undergoer, [], "nobody named as the doer: the subject underwent it"
    if doer.passive:
        # "qutila sittat ashkhas ... fi 'amaliyya nafadhatha harakat Taliban": the subject of a
        # passive stands by its verb; an actor further on is no subject of it
        near = _passive_subject(view, clause, trigger, actor)
        return near, [], "nobody named as the doer of the passive"
    if capture and _arrested_after(trigger, actor):
        # "wa-u'tuqila al-nashitun khilal muzaharat" (the activists were arrested during
        # protests): those who never arrest anyone, right after the verb, were arrested
        return list(actor), [], "nobody named as the doer: they were arrested"
    return None


def _arrested_after(trigger: int, actor: Sequence[ActorRef]) -> bool:
    """Whether the subject found right after a verb of capture is of the sectors that are
    arrested or kidnapped in the news and capture no one (civilians, journalists, students)."""
    return (
        bool(actor)
        and trigger < actor[0].token_start <= trigger + ARRESTED_REACH
        and all(a.sector in cues().detained_sectors for a in actor)
    )


ARRESTED_REACH = 2  # tokens from the verb to its subject, a time word between or not


def _counted_undergoer(
    view: SentenceView, clause: Clause, verb: int | None, after: int | None = None
) -> list[ActorRef]:
    """The actor counted after "min" (of) right after ``verb`` (or from ``after``, past what
    stands between), whose subject it is."""
    if verb is None:
        return []
    start = after or verb + 1
    return direct_object(view, clause, verb, [], start, counted=True, noun_counted=True)


def _acted_on_by(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    doer: _Doer,
    subject: Sequence[ActorRef],
    *,
    resumed: bool,
) -> list[ActorRef]:
    """Who a marked doer acted on: "u'tuqila sahafi 'ala yad quwwat al-amn" (a journalist was
    arrested by the security forces): the subject. But "a'lanat al-shurta maqtal arba'a fi
    hujum qama bihi mutamarridun" (the police announced four killed in an attack rebels carried
    out): a noun's subject announces it (``resumed``)."""
    if resumed:
        return []
    acted_on = [a for a in subject if a not in doer.actor]
    # an agent marker makes its verb a passive too: "qutila 'unsur min hizb al-'ummal 'ala
    # yad quwwat al-amn" (a PKK member was killed by ...)
    if (doer.passive or doer.after_marker) and not acted_on:
        acted_on = _counted_after_passive(view, clause, trigger, doer.actor)
    return acted_on


def _counted_after_passive(
    view: SentenceView, clause: Clause, trigger: int, doer: Sequence[ActorRef]
) -> list[ActorRef]:
    """The subject of a passive whose doer is named, counted after "min" right after the verb:
    "qutila 8 min Ansar Bayt al-Maqdis ithra qasf jawwi li-marwahiyyat al-Abatshi" (8 of Ansar
    Bayt al-Maqdis were killed in an air strike by Apache helicopters)."""
    end = min(clause.end, len(view.tokens))
    if trigger + 1 >= end or not (
        number_at(view.tokens, trigger + 1, end)
        or is_word(view.tokens[trigger + 1], cues().counted_members)
    ):
        return []
    return [a for a in _counted_undergoer(view, clause, trigger) if a not in doer]


def _passive_subject(
    view: SentenceView, clause: Clause, trigger: int, actor: Sequence[ActorRef]
) -> list[ActorRef]:
    """The actors by a passive verb, or else the one counted past a circumstance after it
    ("wa-qutila fi al-ishtibakat 'adad min al-musallahin")."""
    near = [a for a in actor if a.token_start < trigger + PASSIVE_SUBJECT_REACH]
    past = past_circumstance(view.tokens, trigger, clause.end)
    if not near and past > trigger + 1:
        return _counted_undergoer(view, clause, trigger, past)
    return near


_REACTS = {True: "tells of", False: "reacts to"}


def find_arguments(
    view: SentenceView,
    trigger: int,
    *,
    event: str,
    nominal: bool,
    third_party: bool,
    state: DiscourseState,
    victim_after: int | None = None,
    material: bool = False,
    casualty: bool = False,
    capture: bool = False,
    locus: bool = False,
    exposed_by: int | None = None,
    announced: bool = False,
    agentless: bool = False,
    with_object: bool = False,
    first_person: bool = False,
    raw: str = "",
    trigger_end: int | None = None,
    carrier: int | None = None,
) -> Arguments:
    clause = clause_of(view.clauses, trigger)
    if clause is None:
        return Arguments((), (), "no clause")
    crowd, exposed = event in cues().crowd_types, exposed_by is not None
    # a killing or an injury, told by a verb or a verbal noun, may name the attack it came of
    # ... and so may a death one met ("laqu masra'ahum fi darabat shannatha muqatilat
    # al-tahaluf", they died in strikes the coalition's jets launched)
    outcome = casualty or victim_after is not None or agentless or exposed
    if victim_after is not None and subject_follows(view, clause, victim_after):
        victim_after = None
    victims = (
        genitive_victims(view, clause, victim_after, material=material)
        if victim_after is not None
        else []
    )
    view = _candidates(
        view,
        clause,
        trigger,
        victims=victims,
        crowd=crowd,
        locus=locus,
        genitive_from=victim_after,
        material=material,
        outcome=outcome,
        nominal=nominal,
    )
    joint = governed_group(view, clause, cues().joint_prepositions)
    actor, how = _before_the_parties(
        verb_subject(
            view,
            clause,
            trigger,
            nominal=nominal,
            agentless=agentless,
            with_object=with_object,
            verb_end=trigger_end or trigger + 1,
            material=material,
            carrier=carrier,
        ),
        joint if nominal else [],
    )
    if nominal and material and how == SUBJECT_OF_CLAUSE and not exposed:
        # the subject of "usiba" (was wounded) underwent the attack, whoever's it was
        actor, how = _own_nationality(view, clause, trigger, raw) or (actor, how)
    # "arsala barqiyyat ta'ziya bi-maqtal qa'id" (sent condolences on the killing of a
    # commander): whoever grieves or condemns an attack is not its doer
    reacts = nominal and material and (announced or _reaction_before(view, clause, trigger))
    told_by, actor, how = _reacting(actor, how, reacts=reacts, announced=announced)
    # "mudifatan annahu jara tawqif 11 rajul shurta" (adding that 11 policemen were detained):
    # before "tamma" or "jara" the pronoun on "anna" is that of the matter, no one's
    pronoun = (
        None
        if nominal and agentless
        else _pronoun_subject(
            view, clause, trigger, state, actor, material=material, first_person=first_person
        )
    )
    unnamed: list[ActorRef] = []
    if pronoun is not None:
        (actor, how, unnamed), casualty = pronoun, False
    if (
        not nominal
        and not first_person
        and trigger_end is not None
        and unnamed_subject(view, trigger_end, actor, crowd=crowd, material=material)
    ):
        # "wa-talaba al-'Arfaj rijal al-a'mal" (al-Arfaj asked the businessmen): a name the
        # knowledge base lacks stands right after the verb; the actor after it is the object
        unnamed, actor, how = actor, [], "a name marsad does not know, right after the verb"
    doer = _named_doer(
        view,
        clause,
        trigger,
        actor,
        material=material,
        nominal=nominal,
        casualty=casualty,
        outcome=outcome,
        vowelled=not nominal and vowelled_passive(view, raw, trigger),
        trigger_end=trigger_end or 0,
        unnamed=unnamed,
    )
    acted_on: list[ActorRef] = []
    undergone = _undergone(
        view, clause, trigger, doer, actor, capture=capture, exposed_by=exposed_by
    )
    if undergone is not None:
        acted_on, actor, how = undergone
    if doer.actor:
        resumed = doer.carried_out and nominal and not exposed
        acted_on = _acted_on_by(view, clause, trigger, doer, actor, resumed=resumed)
        actor, how = doer.actor, doer.how
    if not actor and nominal and joint and not third_party:
        actor, joint, how = joint, [], "the parties «between» whom it took place"
    if not actor and material and not crowd:
        # a crowd's protest "against the American raids" is not the Americans' doing
        actor, how = _attack_side(
            view, clause, trigger, raw, underwent=exposed or doer.passive or casualty, how=how
        )
    # whoever said that someone was hurt, or underwent an attack, did not do it ("akhbarahu
    # al-atibba' bi-annahu usiba bi-huruq natijat al-infijar": the doctors told him)
    underwent = exposed or doer.passive or first_person
    if not actor and not acted_on and not unnamed and not reacts and not underwent:
        if not nominal and unnamed_subject_before(view, clause, trigger):
            how = "nobody named as the doer: a noun marsad does not know is the verb's subject"
        else:
            actor, how = actor_above(
                view, clause, state, material=material, agentless=nominal and agentless
            )

    if third_party and joint:
        recipient, rhow = joint, "the parties between whom it mediates"
    else:
        recipient, rhow = find_recipient(
            view,
            clause,
            trigger,
            event=event,
            # the doer of "qutila ... fi gharat shannatha quwwat" stands after the verb: what
            # follows the doer is no object
            nominal=nominal or (doer.passive and bool(doer.actor)),
            actor=actor,
            victims=victims,
            acted_on=acted_on,
            unnamed=unnamed,
            befell=material
            and (doer.passive or outcome or exposed or event in cues().captive_types),
            material=material,
            raw=raw,
            verb_end=trigger_end,
        )
    if nominal:
        actor, recipient, how, rhow = _received(
            view, clause, trigger, event, (actor, recipient, how, rhow)
        )
    if any(a.method == SIDES for a in actor):
        # "al-janiban ittafaqa" (the two sides agreed): both sides are the parties of the
        # event told before
        actor = [a for a in actor if a.method != SIDES] or list(state.last_parties)
        how = "both sides: the parties of the previous event"
    # no name is both: "birasas al-jaysh al-isra'ili" (by the Israeli army's bullets) is the
    # attack's doer, and the army inside it no recipient
    recipient = [
        r for r in recipient if r.method != SIDES and not any(_overlap(r, a) for a in actor)
    ]
    how = f"actor: {how}" + (f"; recipient: {rhow}" if recipient else "")
    return Arguments(
        _possessed(view, clause, state, actor),
        _possessed(view, clause, state, recipient),
        how,
        tuple(told_by),
    )


def _reacting(
    actor: list[ActorRef], how: str, *, reacts: bool, announced: bool
) -> tuple[list[ActorRef], list[ActorRef], str]:
    """Who told of the act, the actor and how it was found, when the subject reacts to a
    killing or announces it: "a'lanat al-shurta maqtal arba'a" (the police announced four
    killed) names no doer, but keeps who told it (see ``own_operation``)."""
    if not reacts:
        return [], actor, how
    return (
        (actor if announced else []),
        [],
        f"nobody named as the doer: the subject {_REACTS[announced]} it",
    )


def own_operation(args: Arguments) -> Arguments | None:
    """A state's body that tells of the dead of those who fight it, or an insurgent body that
    tells of the state's, with nobody else named as the doer, tells of its own operation:
    "a'lana al-jaysh maqtal 20 musallahan" (the army announced 20 gunmen killed) is the army's
    doing, "a'lanat Taliban maqtal 12 jundiyyan" the Taliban's. Its own dead it only reports."""
    c = cues()
    told, acted_on = args.told_by, args.recipient
    if args.actor or not told or not acted_on:
        return None
    for ours, theirs in (
        (c.state_sectors, c.insurgent_sectors),
        (c.insurgent_sectors, c.state_sectors),
    ):
        if all(a.sector in ours for a in told) and all(r.sector in theirs for r in acted_on):
            _, _, rhow = args.how.partition("; recipient: ")
            how = "actor: the side that tells of its foes' dead: its own operation"
            return Arguments(told, acted_on, f"{how}; recipient: {rhow}" if rhow else how)
    return None


def _own_nationality(
    view: SentenceView, clause: Clause, trigger: int, raw: str
) -> tuple[list[ActorRef], str] | None:
    """The nationality right after an attack noun that is the trigger: "wa-adda al-hujum
    al-yabani ila i'lan al-Wilayat al-Muttahida al-harb" (the Japanese attack led to the
    United States' declaring war) names its doer before any subject its clause has. Not an
    attack with "bi-" ("bi-niran al-jaysh al-isra'ili"): the fire of whom the subject underwent."""
    if weapon_at(view.tokens, trigger):
        return None
    own = attack_nationality(view, clause, trigger, raw)
    if own and own[0].token_start == trigger and own[0].token_end == trigger + NATIONALITY_WORDS:
        return own, "the nationality of the attack"
    return None


NATIONALITY_WORDS = 2  # the attack noun and its nisba right after it


def _attack_side(
    view: SentenceView, clause: Clause, trigger: int, raw: str, *, underwent: bool, how: str
) -> tuple[list[ActorRef], str]:
    """The doer an attack with none named names by itself: the other side of the fight those
    it befell were caught in ("usiba thalatha fi tabadul li-itlaq al-nar ma'a al-junud"), or
    the attack's nationality ("gharat isra'iliyya")."""
    partner = fight_partner(view, clause) if underwent else []
    if partner:
        return partner, "the sides of the fight those acted on were caught in"
    actor = attack_nationality(view, clause, trigger, raw)
    return actor, "the nationality of the attack" if actor else how


def _pronoun_subject(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    state: DiscourseState,
    found: list[ActorRef],
    *,
    material: bool,
    first_person: bool,
) -> tuple[list[ActorRef], str, list[ActorRef]] | None:
    """The actor when a pronoun is the verb's subject, so that the names after the verb are
    its objects, and those of ``found`` (the subject read otherwise) that are the object of a
    subject marsad does not know; None when a pronoun is not the subject."""
    if first_person:
        # "nutalibu al-hukuma" (we call on the government): "I" or "we", the one quoted, or
        # else the writer
        actor = speaker(view, clause, state)
        return actor, f"the {'speaker' if actor else 'writer'}, who says «I» or «we»", []
    caller = caller_during(view, clause, trigger)
    if caller:
        return caller, "the sender of a call received, who spoke «during it»", []
    if resumes_speaker(view, clause, trigger):
        # "qalat al-shurta innaha i'taqalat thalathat musallahin" (the police said they
        # arrested three gunmen)
        above, _ = actor_above(view, clause, state, material=material)
        if above:
            return above, "the speaker, whom the pronoun on «inna» resumes", []
        if not material and agrees_with_the_pronoun(view, clause, trigger):
            # "qala Tahir innahu yunashid al-ra'is" (Taher said he appeals to the president):
            # a speaker marsad does not know is still the subject; the name after is the object
            after = [a for a in found if a.token_start > trigger]
            return [], "a speaker marsad does not know, whom the pronoun on «inna» resumes", after
    if speaks_for_own_country(view, clause, trigger):
        above = [a for a in speaker(view, clause, state) if a.code]
        if above:
            own = [_country_of(a) for a in above]
            return own, "the speaker's country, «his country» right after «inna»", []
    if resumes_subject(view, clause, trigger):
        above, _ = actor_above(view, clause, state, material=material)
        if above:
            return above, "the subject before «but», whom the pronoun on it resumes", []
    return None


def _country_of(speaker: ActorRef) -> ActorRef:
    """The country a speaker calls "his country": the speaker's code, no sector."""
    reason = f"the country of the speaker {speaker.entity_text}, «his country»"
    return replace(
        speaker, sector=None, office=None, identifier=None, method="speaker-country", reason=reason
    )


_Sides = tuple[list[ActorRef], list[ActorRef], str, str]  # actor, recipient and how found


def _received(
    view: SentenceView, clause: Clause, trigger: int, event: str, found: _Sides
) -> _Sides:
    """A noun act the subject received ("tallaqa al-wazir da'wa min al-hukuma", the minister
    received an invitation from the government) was done by its sender after "min", to the
    subject; talks received stay as ``found``: both sides talk."""
    c = cues()
    if event in c.received_keep or not _received_by_verb(view, clause, trigger, event):
        return found
    items = [g for g in view.in_clause(clause) if g.actor.token_start > trigger]
    sender = next(
        (first_group(items, i) for i, g in enumerate(items) if g.preposition in c.partitive_of),
        [],
    )
    if not sender:
        return found
    # the one who received stands before what he received ("tallaqa al-wazir ittisalan"); an
    # actor after it belongs to another verb ("wa-tallaqa ittisalan min ... wa-hanna'a Bukhari")
    subject_actor = [a for a in found[0] if a not in sender and a.token_start < trigger]
    how = "the sender of what the subject received (after «min»)"
    return sender, subject_actor, how, "the subject, who received it"


def _received_by_verb(view: SentenceView, clause: Clause, trigger: int, event: str) -> bool:
    """Whether a verb of receiving stands within a light verb's reach before the trigger; for
    a call or a meeting, past the words of the actors between (a prince's titles and name)."""
    c = cues()
    lo = max(clause.start, trigger - LIGHT_VERB_REACH)
    if any(is_word(view.tokens[i], c.receive_verbs) for i in range(lo, trigger)):
        return True
    if lo == clause.start or event not in c.long_subject_types:
        return False
    named = {i for g in view.actors for i in range(g.actor.token_start, g.actor.token_end)}
    start = reach_start(named, clause.start, trigger)
    return any(is_word(view.tokens[i], c.receive_verbs) for i in range(start, lo))


def _overlap(a: ActorRef, b: ActorRef) -> bool:
    """Whether the two are one stretch of words, or one person named twice: "al-malik 'Abd
    Allah al-thani malik al-mamlaka al-urduniyya" (King Abdullah II, King of Jordan), the
    title after the name in apposition."""
    if a.identifier is not None and a.identifier == b.identifier and a.sentence == b.sentence:
        return True
    return a.sentence == b.sentence and a.token_start < b.token_end and b.token_start < a.token_end


def _possessed(
    view: SentenceView, clause: Clause, state: DiscourseState, actors: Sequence[ActorRef]
) -> tuple[ActorRef, ...]:
    """ "qala al-jaysh al-amirki inna quwwatahu atlaqat" (the US army said its forces fired):
    in what a speaker says, a pronoun on an actor with no country is the speaker, whose
    country it takes."""
    c = cues()
    # "qala al-mutahaddith: «qasafat ta'iratuna»" (the spokesman said: "our planes shelled")
    endings = c.possessive_pronouns + (c.speaker_pronouns if clause.quoted else ())
    owned = [a for a in actors if a.code is None and a.entity_text.endswith(endings)]
    if not (clause.kind == "complement" or clause.quoted) or not owned:
        return tuple(actors)
    owner = next((o for o in speaker(view, clause, state) if o.code), None)
    if owner is None:
        return tuple(actors)
    why = f"; its pronoun is the speaker, {owner.entity_text}: {owner.code}"
    return tuple(
        replace(a, code=owner.code, reason=a.reason + why) if a in owned else a for a in actors
    )
