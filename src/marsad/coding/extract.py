"""From one sentence to event records: the candidates a sentence's triggers give
(``candidates.py``), the arguments of each, and the checks that drop what is no act: play,
accidents, verbal attacks, an event whose only actor is the one it befell.

Verbal and diplomatic events need a named actor; a material-conflict event (quad 4) with
nobody named as its doer is coded with an unknown actor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence

from marsad.actors.cascade import NATIONALS
from marsad.coding.arguments import Arguments, find_arguments, own_operation
from marsad.coding.candidates import (
    Candidate,
    after_the_dead,
    cause_at,
    find_candidates,
    token_span,
    trigger_matches,
)
from marsad.coding.carriers import LIGHT_VERB_REACH, light_verb_before
from marsad.coding.clauses import (
    Clause,
    clause_of,
    comma_before_verb,
    has_article,
    has_stem,
    is_word,
    is_word_or_fa,
    led_by_wa,
    segment,
)
from marsad.coding.crowds import counts_a_crowd
from marsad.coding.doers import doer_after_min, lone_attacker
from marsad.coding.governed import (
    Governed,
    first_group,
    govern,
    inherit_prepositions,
    names_a_facility,
)
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.numbers import many_at
from marsad.coding.readings import only_with_pronoun, we_did
from marsad.coding.recode import recoded_as, verbal_attack
from marsad.coding.resources import cues
from marsad.coding.size import clause_size
from marsad.coding.speakers import (
    resumed_speaker,
    resumes_speaker,
    sentence_speakers,
    speaker,
    speaks,
)
from marsad.coding.support import (
    about_sport,
    by_a_force,
    gathering_only,
    invoked,
    not_an_act,
)
from marsad.coding.view import DiscourseState, SentenceView, subject
from marsad.kb.model import UNKNOWN_SECTOR
from marsad.lang.ar import clitics
from marsad.matcher import Match
from marsad.ontology import MATERIAL_CONFLICT, EventType, event_types
from marsad.types import (
    ActorRef,
    Document,
    EventRecord,
    Evidence,
    Mention,
    Sentence,
    Span,
)


def _carried_by(doc: Document, cand: Candidate, verbs: frozenset[str]) -> bool:
    """Whether the light verb carrying a noun trigger is one of ``verbs``."""
    if not cand.nominal:
        return False
    at = light_verb_before(doc, cand.clause, cand.start, cand.entry)
    return at is not None and is_word(doc.tokens[at], verbs)


def _agentless(doc: Document, cand: Candidate) -> bool:
    """Whether the light verb carrying a noun trigger names no doer: "tamma", "jara", and
    "yajri" opening its clause ("wa-yajri") right before the noun with the article ("wa-yajri
    al-tahqiq ma'ahum", they are being questioned); not "al-sulutat tujri tahqiqan" (the
    authorities conduct an inquiry)."""
    c = cues()
    if _carried_by(doc, cand, c.agentless_carriers):
        return True
    verb = cand.start - 1
    if not cand.nominal or verb < cand.clause.start or not has_article(doc.tokens[cand.start]):
        return False
    opens = verb == cand.clause.start or led_by_wa(doc.tokens[verb])
    return opens and is_word(doc.tokens[verb], c.agentless_when_next, conjunction_only=True)


def _witnessed(doc: Document, view: SentenceView, cand: Candidate) -> bool:
    """Whether the subject of a verb of witnessing ("shahidat al-madina tazahurat", the city saw
    protests) is the clause's subject: the verb carries the trigger, or opens its clause before
    it with its subject right after it ("shahida al-'Iraq yawman damiyan saqata fihi 70 qatilan
    jarra' tafjirat", Iraq saw a bloody day ... in bombings). That subject is the place or the
    time, not the doer; a name further on may be ("wa-sharaka fiha mi'at al-alaf")."""
    verbs = cues().locus_verbs
    if _carried_by(doc, cand, verbs):
        return True
    tokens, clause = doc.tokens, cand.clause
    found = subject(view, clause)
    if not found:
        return False
    at = found[0].token_start - 1
    while at > clause.start and is_word(tokens[at], cues().verb_adverbs, conjunction_only=True):
        at -= 1
    return clause.start <= at < cand.start and is_word(tokens[at], verbs, conjunction_only=True)


def _undergoing_verb(doc: Document, cand: Candidate) -> int | None:
    """The verb whose subject underwent the trigger, if one did: subjected to it,
    survived it, met death in it ("laqiya masra'ahu"), or died of it, the noun after the
    dying verb's preposition or noun of cause ("tuwuffiya jundi muta'aththiran bi-isabatihi fi
    hadith itlaq al-nar", a soldier died of his wounds in a shooting; "usiba arba'a ithr
    suqut qadhifa", four were wounded when a shell fell)."""
    c = cues()
    undergoes = c.exposure_verbs | c.death_carriers
    # "ashrat al-mutamarridin laqu masra'ahum" (tens of rebels met their death): the verb
    # row of meeting death has its victim for subject, before it or after
    if not cand.nominal and is_word(doc.tokens[cand.start], c.death_carriers):
        return cand.start
    carrier = light_verb_before(doc, cand.clause, cand.start, cand.entry) if cand.nominal else None
    if carrier is not None and is_word(doc.tokens[carrier], undergoes):
        return carrier
    start, clause, tokens = cand.start, cand.clause, doc.tokens
    if (
        cand.entry.pos == "object"
        and start - 1 > clause.start
        and is_word(tokens[start - 1], c.object_carriers)
    ):
        start -= 1  # "istashhada thalatha ... ithr suqut qadhifa": the shell's fall
    at = cause_at(doc, clause, start, cand.entry) if cand.nominal else None
    if at is None:
        return None
    reach = range(max(clause.start, at - LIGHT_VERB_REACH), at)
    return next((i for i in reach if is_word(tokens[i], undergoes | c.dying_verbs)), None)


def _announced(doc: Document, cand: Candidate) -> bool:
    """Whether the subject of the clause only tells of the noun trigger, no light verb
    nearer: a verb of saying or telling carries a noun of what befell people ("a'lanat
    al-shurta (3an) maqtal arba'a", the police announced four killed), or the dead and wounded
    before a preposition carry an attack ("ahsat al-bi'tha 'adad al-jarha jarra' al-ishtibakat",
    the mission counted the wounded of the clashes). An act announced ("a'lana al-jaysh
    i'tiqal 20 musallahan") is as often the speaker's own."""
    c = cues()
    if not cand.nominal or light_verb_before(doc, cand.clause, cand.start, cand.entry) is not None:
        return False
    tokens = doc.tokens
    reach = range(max(cand.clause.start, cand.start - LIGHT_VERB_REACH), cand.start)
    if has_stem(tokens[cand.start], c.outcome_nouns):
        tellers = c.attribution_verbs | c.telling_verbs
        return any(is_word(tokens[i], tellers) for i in reach)
    material = event_types()[cand.entry.event].quad == MATERIAL_CONFLICT
    # "tahaddatha nashitun 'an qasf al-tayaran" (activists spoke of the aircraft's shelling)
    about = cand.start > cand.clause.start and is_word(
        tokens[cand.start - 1], c.hearsay_prepositions, conjunction_only=True
    )
    if material and about and any(is_word(tokens[i], c.hearsay_verbs) for i in reach):
        return True
    # "usiba jundiyyan fi kamin" (two soldiers were wounded in an ambush): a verb's subject
    # underwent the attack and is its recipient
    return (
        material
        and after_the_dead(doc, cand.clause, cand.start, cand.entry)
        and _undergoing_verb(doc, cand) is None
    )


def _evidence(
    doc: Document, clauses: Sequence[Clause], sentence: Sentence, cand: Candidate
) -> list[Evidence]:
    """The trigger with its clause, then each word that tells the same event again."""
    evidence = []
    for told in (cand, *cand.again):
        span = token_span(doc, told.start, told.end)
        clause = told.clause if told is cand else clause_of(clauses, told.start) or cand.clause
        evidence.append(
            Evidence(sentence.index, span, token_span(doc, clause.start, clause.end), doc.raw(span))
        )
    return evidence


def _no_crowd(actors: Sequence[ActorRef], cand: Candidate) -> bool:
    """Whether the actors found are no crowd that protests: forces of the state (police,
    army, intelligence) as the subject of a clause that tells of a protest by its noun mostly
    act against it; armed men named before a crowd's verb are another clause's subject
    ("atlaqat al-shurta al-gaz 'ala alaf min al-ashkhas tajamma'u", the police fired tear gas
    at thousands who gathered)."""
    c = cues()
    if cand.nominal:
        return all(a.sector in c.state_forces for a in actors)
    return all(a.sector in c.killing_sectors and a.token_end <= cand.start for a in actors)


def _crowd_counted(doc: Document, cand: Candidate) -> bool:
    """Whether the noun's clause counts or names a crowd: a count before it ("qama nahw 1500
    shakhs bi-l-tazahur", some 1,500 people demonstrated) or a word of crowds ("sharaka
    al-alaf fi masira", thousands joined a march; "masira hashida", a mass march)."""
    tokens, clause = doc.tokens, cand.clause
    crowds = cues().march_crowds
    counted = any(many_at(tokens, i, cand.start) for i in range(clause.start, cand.start))
    return counted or bool(crowds.find_all(tokens, clause.start, clause.end))


VERBAL_QUADS = frozenset({1, 3})  # PLOVER's verbal cooperation and verbal conflict


def _actor_of(
    doc: Document, cand: Candidate, etype: EventType, actor: tuple[ActorRef, ...], *, crowd: bool
) -> tuple[ActorRef, ...] | None:
    """The actors the event is coded with (see ``_speaking_people`` and ``_crowd_actor``),
    or None when a crowd's event has no crowd: no event."""
    if etype.quad in VERBAL_QUADS:
        actor = _speaking_people(actor, cand)
    if etype.quad != MATERIAL_CONFLICT:
        # "awwal ta'ira tatba' al-Salib al-Ahmar ... li-tabadul al-asra" (the first Red Cross
        # plane, for the prisoner exchange): aircraft strike, but speak, free or help nobody
        machines = cues().machine_nouns
        actor = tuple(a for a in actor if not has_stem(doc.tokens[a.token_start], machines))
    return _crowd_actor(doc, cand, actor) if crowd else actor


def _speaking_people(actor: tuple[ActorRef, ...], cand: Candidate) -> tuple[ActorRef, ...]:
    """The actors of a verbal event, but a people named by its nationality unless it stands
    right after the verb, its subject ("rafada al-filastiniyyun", the Palestinians rejected):
    told before the verb or further off, a people is an op-ed's figure of speech ("al-Lubnaniyyun
    ... yutalibun", the Lebanese demand) or the subject of another clause."""
    return tuple(a for a in actor if a.method != NATIONALS or a.token_start == cand.end)


def _crowd_actor(
    doc: Document, cand: Candidate, actor: tuple[ActorRef, ...]
) -> tuple[ActorRef, ...] | None:
    """The actor of a crowd's event (none: an unnamed crowd), or None when there is no
    event: "shahidat al-madina tazahurat" (the city saw demonstrations), "jarat al-tazahurat
    bi-hudu'" (the protests passed calmly), "qamat al-shurta bi-fadd al-muzaharat" (the police
    do not protest) name a protest by its noun alone, with no crowd that protests: the setting
    of the news; "wa-htashada al-mutazahirun" (and the protesters gathered) is a protest
    already told, going on."""
    if not actor or _no_crowd(actor, cand):
        return None if cand.nominal and not _crowd_counted(doc, cand) else ()
    if all(_protesters_told(doc, a) for a in actor):
        return None
    return actor


def _protesters_told(doc: Document, actor: ActorRef) -> bool:
    """Whether the actor is "the protesters" (a protester noun with the article, no count
    before it): a crowd the story has told of already."""
    c = cues()
    tokens = doc.tokens
    first = tokens[actor.token_start]
    named = any(a.stem in c.protester_nouns and c.article in a.proclitics for a in first.analyses)
    if not named or actor.token_start == 0:
        return False
    return not counts_a_crowd(tokens[actor.token_start - 1])


def _unknown_actor(doc: Document, sentence: int, trigger: int, *, crowd: bool) -> ActorRef:
    """In "maqtal 15 shakhsan fi hujum intihari" (15 people killed in a suicide attack), the
    event is coded, its doer marked unknown. An unnamed crowd that protests has no sector
    either: "tazahara alfa shakhs" (two thousand people demonstrated) names no sector, as
    CAMEO's agents give none to "people"; "al-mutazahirun" (the demonstrators), a word that
    names them, is resolved as civilians by the cascade."""
    at = doc.tokens[trigger].span.start
    return ActorRef(
        code=None,
        sector=UNKNOWN_SECTOR,
        entity_text="",
        span=Span(at, at),
        sentence=sentence,
        method="unknown-crowd" if crowd else "unknown",
        reason="no one named: an unnamed crowd" if crowd else "no doer named: the actor is unknown",
        token_start=trigger,
        token_end=trigger,
    )


# Cascade steps that resolve one person, by name or by title (marsad.actors.cascade).


def _self_reported(doc: Document, view: SentenceView, cand: Candidate) -> bool:
    """ "qala innahu ta'arrada li-l-ta'dhib" (he said he was tortured): an act the speaker
    underwent, carried by a verb of exposure right after the "that" whose pronoun is the
    speaker."""
    if not _carried_by(doc, cand, cues().exposure_verbs):
        return False
    at = light_verb_before(doc, cand.clause, cand.start, cand.entry)
    return at is not None and resumes_speaker(view, cand.clause, at)


def _arguments(
    doc: Document, view: SentenceView, cand: Candidate, state: DiscourseState
) -> Arguments:
    """The candidate's actor and recipient. A material event whose doer goes unnamed where it
    is first told takes the subject of a verb that tells it again in the sentence, named right
    after or before that verb, unless that subject is what the event befell: in "qutila 43
    madaniyyan ... 'indama qasafa al-mutamarridun 'Adan" (43 civilians were killed when the
    rebels shelled Aden) the rebels killed them."""
    args = _arguments_at(doc, view, cand, state)
    if event_types()[cand.entry.event].quad != MATERIAL_CONFLICT:
        sender = doer_after_min(view, cand.end) if _from_doer(cand) else []
        if sender:
            # "alqat al-sulutat al-swisriyya al-qabd ... bi-talab min al-qada' al-amriki": the
            # US judiciary asked, not the Swiss authorities who made the arrest
            rest = tuple(r for r in args.recipient if r not in sender)
            return Arguments(tuple(sender), rest, "actor: after «min» right after the noun")
        if not args.actor and not cand.nominal:
            start = doc.sentences[doc.tokens[cand.start].sentence].token_start
            resumed = resumed_speaker(view, state, start, cand.start)
            if resumed:
                how = "actor: the last speaker, heard just before (its verb opens its sentence)"
                return Arguments(tuple(resumed), args.recipient, f"{how}; {args.how}")
        return args
    fired_by = _firing_genitive(doc, view, cand)
    if fired_by is not None:
        how = "who fired: the genitive of the firing noun" if fired_by else "nobody named who fired"
        return Arguments(fired_by, args.recipient, how)
    if args.actor:
        return _recipient_told_again(doc, view, cand, state, args)
    taken = {(a.token_start, a.sentence) for a in args.recipient}
    for other in cand.again:
        between = _subject_slot(doc, other)
        if between is None:
            continue
        alt = _arguments_at(doc, view, other, state)
        acted_on = taken | {(a.token_start, a.sentence) for a in alt.recipient}
        beside = alt.actor and (
            between[0] <= alt.actor[0].token_start <= between[1]
            or alt.actor[-1].token_end == other.start
        )
        if beside and not any((a.token_start, a.sentence) in acted_on for a in alt.actor):
            told = doc.raw(token_span(doc, other.start, other.end))
            how = f"{alt.how}, where it is told again («{told}»)"
            return Arguments(alt.actor, args.recipient or alt.recipient, how)
    bomber = _bomber(doc, view, cand)
    if bomber is not None:
        _, _, recipient_how = args.how.partition(";")
        how = f"actor: {bomber.reason}" + (f";{recipient_how}" if recipient_how else "")
        return Arguments((bomber,), args.recipient, how)
    return own_operation(args) or args


def _from_doer(cand: Candidate) -> bool:
    return cand.nominal and cand.entry.event in cues().from_doer_types


def _bomber(doc: Document, view: SentenceView, cand: Candidate) -> ActorRef | None:
    """The suicide bomber who is the subject of the verb that tells the attack or carries its
    noun ("fajjara intihari nafsahu"), if any; a crowd's event has none."""
    if cand.entry.event in cues().crowd_types:
        return None
    if not cand.nominal:
        return lone_attacker(view, cand.start, doc.article.text)
    verb = light_verb_before(doc, cand.clause, cand.start, cand.entry)
    return None if verb is None else lone_attacker(view, verb, doc.article.text)


def _firing_genitive(
    doc: Document, view: SentenceView, cand: Candidate
) -> tuple[ActorRef, ...] | None:
    """Who fired an object a verbal noun of firing carries with words between ("balagh 'an
    itlaq 3 ashkhas al-nar", a report of three people firing; "itlaq al-shurta al-nar", the
    police's firing): the actor in between, if any — not the subject of the clause, who only
    reported or received it; None when the object follows the noun directly."""
    if cand.entry.pos != "object":
        return None
    tokens = doc.tokens
    at = light_verb_before(doc, cand.clause, cand.start, cand.entry)
    if at is None or at + 1 >= cand.start or not is_word(tokens[at], cues().firing_nouns):
        return None
    between = [g for g in view.actors if at < g.actor.token_start < cand.start]
    return tuple(first_group(between, 0)) if between else ()


def _recipient_told_again(
    doc: Document, view: SentenceView, cand: Candidate, state: DiscourseState, args: Arguments
) -> Arguments:
    """A material event that names no one acted on where it is first told takes the object
    of a verb joined to it by "wa" or "fa" that tells it again: in "atlaqat al-quwwat sarukhan
    'ala al-madrasa fa-qatalat thalathat mu'allimin" (the forces fired a rocket at the school
    and killed three teachers) the teachers were acted on; so are those the act aimed at, after
    "li-" (in order to)."""
    if args.recipient:
        return args
    doers = {(a.token_start, a.sentence) for a in args.actor}
    sides = {(a.code, a.sector) for a in args.actor}
    conjunctions = set(clitics().conjunctions)  # "wa" and "fa"
    aims = cues().purpose_proclitics  # "atlaqat al-shurta al-nar li-tafriq al-mutazahirin"
    for other in cand.again:
        readings = doc.tokens[other.start].analyses
        aim = any(a.proclitics[:1] and a.proclitics[0] in aims for a in readings)
        joined = aim or any(conjunctions & set(a.proclitics) for a in readings)
        if (other.nominal and not aim) or other.start < cand.start or not joined:
            continue  # a noun's genitive is as often its doer; a verb on its own may tell more
        alt = _arguments_at(doc, view, other, state)
        if alt.recipient and not any(
            (r.token_start, r.sentence) in doers or (r.code, r.sector) in sides
            for r in alt.recipient
        ):
            return Arguments(args.actor, alt.recipient, args.how)
    return args


def _subject_slot(doc: Document, told: Candidate) -> tuple[int, int] | None:
    """Where the subject of a trigger that tells an event again may start: right after a verb
    that opens its clause; or, for a noun, right after the light verb that opens the clause and
    carries it ("'indama fajjara majhulun 'ubwa", when unknown men set off a bomb). A noun
    alone names no subject: its "subject" is as often who it befell ("maqtal shurti")."""
    if not told.nominal:
        return (told.end, told.end + 1) if _opens_clause(doc, told.start) else None
    verb = light_verb_before(doc, told.clause, told.start, told.entry)
    if verb is None or not _opens_clause(doc, verb):
        return None
    return (verb + 1, verb + 1)


def _opens_clause(doc: Document, start: int) -> bool:
    """Whether a verb starts its own clause: after punctuation, "wa", or a word that opens a
    clause ("'indama qasafa"); right after a noun it describes it ("sayyara mufakhkhakha
    istahdafat quwwat", a car bomb that targeted forces: the forces are its object), with time
    words between or not ("'amaliyyat tafjir ams istahdafat wizarat al-dakhiliyya")."""
    c = cues()
    tokens = doc.tokens
    if led_by_wa(tokens[start]):
        return True
    at = start - 1
    while at >= 0 and is_word(tokens[at], c.verb_adverbs, conjunction_only=True):
        if led_by_wa(tokens[at]):
            return True  # "wa-ams fajjara": the time word opens the clause
        at -= 1
    if at < 0 or tokens[at].is_punct:
        return True
    openers = c.clause_openers | c.complementizers | c.coordinators
    if is_word(tokens[at], c.also_openers, conjunction_only=True):
        return True  # "kama istahdafat quwwat al-tahaluf" (the coalition forces also targeted)
    return is_word(tokens[at], openers, enclitic_ok=True)


def _arguments_at(
    doc: Document, view: SentenceView, cand: Candidate, state: DiscourseState
) -> Arguments:
    c = cues()
    material = event_types()[cand.entry.event].quad == MATERIAL_CONFLICT
    victim_after = cand.victim_after
    if victim_after is None and material and _carried_by(doc, cand, c.passive_carriers):
        # "wa-tamma darb al-'askariyyin al-rus" (the Russian soldiers were beaten): the noun a
        # passive carries has what was acted on for genitive; "tamma al-qabd 'alayhi" (he was
        # arrested) has a preposition instead
        after = doc.tokens[cand.end] if cand.end < len(doc.tokens) else None
        if after is not None and not is_word(after, c.prepositions, enclitic_ok=True):
            victim_after = cand.end
    return find_arguments(
        view,
        cand.start,
        event=cand.entry.event,
        nominal=cand.nominal,
        victim_after=victim_after,
        third_party=cand.mode == "third-party",
        state=state,
        material=material,
        casualty=not cand.nominal and is_word_or_fa(doc.tokens[cand.start], c.casualty_verbs),
        capture=not cand.nominal and cand.entry.mode in c.capture_modes,
        # "* Rusiya 24 maris 2001 maqtal": the place of a chronology's item is where it was
        locus=cand.listed or _witnessed(doc, view, cand),
        exposed_by=_undergoing_verb(doc, cand),
        announced=_announced(doc, cand),
        agentless=_agentless(doc, cand),
        with_object=not cand.nominal and only_with_pronoun(doc.tokens[cand.start], cand.entry),
        first_person=not cand.nominal and we_did(doc.tokens[cand.start], cand.entry),
        raw=doc.article.text,
        trigger_end=cand.end,
        carrier=light_verb_before(doc, cand.clause, cand.start, cand.entry)
        if cand.nominal
        else None,
    )


def event_id(story_id: str, sentence: int, trigger: Span) -> str:
    key = f"{story_id}\x1f{sentence}\x1f{trigger.start}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _participants(record: EventRecord) -> set[str]:
    return {a.identifier or f"{a.code}/{a.sector}" for a in (*record.actor, *record.recipient)}


NAME_KINDS = frozenset({"person", "org"})


def _name_words(mentions: Sequence[Mention]) -> set[int]:
    """The tokens of the names of persons and bodies several words long."""
    return {
        i
        for m in mentions
        if m.kind in NAME_KINDS and m.token_end - m.token_start > 1
        for i in range(m.token_start, m.token_end)
    }


def _new_subject_commas(doc: Document, sentence: Sentence, actors: Sequence[Governed]) -> set[int]:
    """Commas that end a clause because the verb with "wa" after them has a subject and an
    object of its own, one right after the other, neither after a preposition: "adana al-ra'is
    al-faransi al-hujum, wa-intaqada wazir al-kharijiyya al-almani al-hukuma al-turkiyya" (the
    German minister criticised the Turkish government) tells another act by another doer.
    With one actor after it ("wa-talabat Anqara bi-ihtiram ...") the subject before goes on."""
    tokens, end = doc.tokens, sentence.token_end
    stops: set[int] = set()
    if len(actors) < 2:
        return stops  # most sentences: no subject and object to look for
    for at in range(sentence.token_start, end - 2):
        if not (tokens[at].is_punct and comma_before_verb(tokens, at, end)):
            continue
        verb = at + 1
        stop = next((j for j in range(verb + 1, end) if tokens[j].is_punct), end)
        after = [g for g in actors if verb < g.actor.token_start < stop and not g.coordinated]
        if (
            len(after) >= 2
            and after[0].actor.token_start == verb + 1
            and after[0].preposition is None
            and after[1].preposition is None
            and after[1].actor.token_start == after[0].actor.token_end
        ):
            stops.add(at)
    return stops


def code_sentence(
    doc: Document,
    sentence: Sentence,
    actors: list[Governed],
    mentions: Sequence[Mention],
    state: DiscourseState,
    *,
    matches: list[Match[TriggerEntry]],
) -> list[EventRecord]:
    clauses = segment(
        doc.tokens,
        sentence.token_start,
        sentence.token_end,
        sentence.in_quote,
        _name_words(mentions),
        stops=_new_subject_commas(doc, sentence, actors),
    )
    view = SentenceView(doc.tokens, clauses, actors, mentions)
    types = event_types()
    records: list[EventRecord] = []
    candidates = find_candidates(doc, sentence, clauses, mentions, matches)
    sport = bool(candidates) and about_sport(doc, sentence)
    for cand in candidates:
        if (
            sport
            and not {cand.entry.event, f"{cand.entry.event}/{cand.mode}"} & cues().sports_spare
        ):
            continue
        etype = types[cand.entry.event]
        args = _arguments(doc, view, cand, state)
        actor, recipient = args.actor, args.recipient
        claimed = etype.quad == MATERIAL_CONFLICT and _self_reported(doc, view, cand)
        if claimed:
            etype, cand.mode = types[cues().self_report_as[0]], cues().self_report_as[1]
            actor, recipient = tuple(speaker(view, cand.clause, state)), ()
        verbal = verbal_attack(doc, cand, actor, recipient)
        recoded = recoded_as(doc, view, cand, actor, verbal=verbal)
        if recoded is not None:
            etype, cand.mode = types[recoded.event], recoded.mode
        crowd = etype.name in cues().crowd_types
        crowd_actor = _actor_of(doc, cand, etype, actor, crowd=crowd)
        if crowd_actor is None:
            continue
        actor = crowd_actor
        # "tazaharat jam'iyyat ... da'man li-Isra'il" (associations rallied in support of
        # Israel): a rally for someone is still a crowd's act, coded with an unnamed crowd
        rally = recoded is not None and etype.name == cues().support_rally_as
        if not actor:
            if etype.quad != MATERIAL_CONFLICT and not rally:
                continue  # verbal and diplomatic events need a known actor
            actor = (_unknown_actor(doc, sentence.index, cand.start, crowd=crowd or rally),)
        trigger = token_span(doc, cand.start, cand.end)
        evidence = _evidence(doc, clauses, sentence, cand)
        mode_note = f"; mode {cand.mode} from «{cand.mode_words}»" if cand.mode_words else ""
        if recoded is not None and recoded.note:
            mode_note += f"; {recoded.note}"
        if claimed:
            mode_note += "; the speaker says it was done to them: their allegation"
        record = EventRecord(
            id=event_id(doc.article.id, sentence.index, trigger),
            story_id=doc.article.id,
            event=etype.name,
            mode=cand.mode,
            actor=actor,
            recipient=recipient,
            evidence=tuple(evidence),
            size=(
                clause_size(doc, cand.clause.start, cand.clause.end)
                if etype.quad == MATERIAL_CONFLICT
                else None
            ),
            cameo=(
                cand.entry.cameo or etype.cameo
                if cand.mode == cand.entry.mode
                else etype.cameo_for(cand.mode)
            ),
            quad_code=etype.quad,
            event_scale=etype.score(cand.mode),
            reason=(
                f"{etype.name} from «{doc.raw(trigger)}» ({cand.entry.pos or 'word'}"
                f"{', carried by a light verb' if cand.nominal else ''}); {args.how}{mode_note}"
            ),
        )
        if (
            etype.name == "CONSULT"
            and cand.mode != "third-party"
            and len(_participants(record)) < 2
        ):
            continue  # talks with nobody named on the other side tell too little
        if etype.name in cues().figurative_types and not_an_act(
            doc,
            sentence,
            record,
            clause=cand.clause,
            trigger=cand.start,
            # a phrase that names its mode ("hujum intihari", a suicide attack) is no figure
            key="" if cand.end - cand.start > 1 and cand.entry.mode else cand.entry.key,
            mode_words=cand.mode_words,
        ):
            continue
        if (
            (etype.quad == MATERIAL_CONFLICT or etype.name in cues().force_types)
            and not cand.nominal
            and by_a_force(doc, cand.clause, cand.start, cand.end)
        ):
            continue
        if etype.name in cues().crowd_types and invoked(doc, cand.start, cand.end):
            continue
        if etype.name in cues().crowd_types and gathering_only(
            doc, sentence, cand.start, staged=_carried_by(doc, cand, cues().march_carriers)
        ):
            continue
        records.append(record)
        state.last_parties = [*record.actor, *record.recipient]
    sentence_speakers(view, state)
    return records


def code_document(doc: Document) -> list[EventRecord]:
    # Most sentences have no trigger and no speaker: find the ones to code before the work
    # on their actors (most of the pipeline's sentences are such).
    to_code: dict[int, list[Match[TriggerEntry]]] = {}
    for sentence in doc.sentences:
        matches = trigger_matches(doc, sentence)
        if matches or speaks(doc.tokens, sentence.token_start, sentence.token_end):
            to_code[sentence.index] = matches
    if not to_code:
        return []  # no event, and no speaker the next sentences may resume: no clauses
    mention_at = {m.token_start: m for m in doc.mentions}
    actors: dict[int, list[Governed]] = {}
    facility_end = -1  # a facility's name may run over several actors: "al-amir Sultan"
    for actor in doc.actors:
        if actor.sentence not in to_code:
            continue
        if names_a_facility(doc.tokens, actor) or actor.token_start == facility_end:
            facility_end = actor.token_end
            continue
        governed = govern(doc.tokens, actor, mention_at.get(actor.token_start))
        actors.setdefault(actor.sentence, []).append(governed)
    for items in actors.values():
        inherit_prepositions(items, doc.tokens)
    mentions: dict[int, list[Mention]] = {}
    for mention in doc.mentions:
        mentions.setdefault(mention.sentence, []).append(mention)
    state = DiscourseState()
    records: list[EventRecord] = []
    for index, matches in to_code.items():
        sentence = doc.sentences[index]
        found = code_sentence(
            doc, sentence, actors.get(index, []), mentions.get(index, []), state, matches=matches
        )
        records.extend(found)
    return records
