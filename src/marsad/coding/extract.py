"""From one sentence to event records: triggers, the filters that veto them, and arguments.

A trigger word is not always an event. A verb trigger names an event unless it is negated,
hypothetical or future; a noun trigger ("ittisal hatifi", phone call; "al-ittifaq", the
agreement) names one only when a light verb carries it ("jara ittisal", a call took place;
"tamma al-ittifaq", the agreement was made) — elsewhere it is the topic of another event and
only lends its mode (a news lead "maqtal 15 shakhsan", 15 people killed, and an outcome "asfara
'an maqtal", resulted in the killing of, carry themselves). Words after a verbal event of a
type that takes content ("talaba", asked; "ittafaqa", agreed) are that content, not new
events. Verbal and diplomatic events need a named actor; a material-conflict event (quad 4)
with nobody named as its doer is coded with an unknown actor.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass, field

from marsad.coding.arguments import Arguments, find_arguments
from marsad.coding.clauses import (
    Clause,
    Governed,
    ancestors,
    clause_of,
    govern,
    inherit_prepositions,
    is_word,
    names_a_facility,
    segment,
)
from marsad.coding.lexicon import TriggerEntry, trigger_lexicon
from marsad.coding.numbers import count_before, many_at
from marsad.coding.resources import cues
from marsad.coding.size import clause_size
from marsad.coding.speakers import resumes_speaker, sentence_speakers, speaker
from marsad.coding.support import (
    about_sport,
    by_a_force,
    gathering_only,
    invoked,
    not_an_act,
)
from marsad.coding.vetoes import LIGHT_VERB_REACH, NEGATED, carriers, light_verb_before, veto
from marsad.coding.view import DiscourseState, SentenceView
from marsad.lang.ar import clitics
from marsad.matcher import Match
from marsad.ontology import event_types
from marsad.temporal.lexicon import date_words
from marsad.types import (
    ActorRef,
    Document,
    EventRecord,
    Evidence,
    Mention,
    Sentence,
    Span,
    Token,
)

MATERIAL_CONFLICT = 4  # PLOVER quad class: coded even when nobody is named as the doer
HAPPENING_REACH = 4  # tokens between a noun trigger and the verb of happening after it
COORDINATION_GAP = 2  # words between a vetoed trigger and one joined to it by "wa"


@dataclass
class Candidate:
    entry: TriggerEntry
    start: int  # token range of the trigger
    end: int
    clause: Clause
    nominal: bool
    mode: str | None
    mode_words: str = ""
    again: list[Candidate] = field(default_factory=list)  # the same event, in other words
    victim_after: int | None = None  # "maqtal" (killing of): where its genitive (the victim) starts
    listed: bool = False  # heads an item of a chronology, after its place and date


def _carried(doc: Document, clause: Clause, start: int, entry: TriggerEntry) -> bool:
    """A noun trigger names an event only when a light verb carries it; elsewhere
    ("anna al-ittifaq lan yughayyir", that the agreement will not change; "khilal ziyara",
    during a visit) it is the topic or circumstance of something else."""
    c = cues()
    tokens = doc.tokens
    if start > clause.start and any(a.stem in c.topic_nouns for a in tokens[start - 1].analyses):
        # "ijtima' li-bahth al-hujum" (a meeting to discuss the attack): the attack is what
        # the meeting is about
        return False
    before = tokens[start - 1] if start > clause.start else None
    if before is not None and (_is_preposition(before) or is_word(before, c.cause_nouns)):
        # "asfara al-hujum 'an maqtal" (the attack resulted in the killing of): an outcome
        # verb carries the noun after its preposition; otherwise "khilal ziyara" (during a
        # visit), "fi ittisal hatifi" (in a phone call) are the circumstance of another event;
        # "tuwuffu natijat al-ta'dhib" (died as a result of torture) names the cause
        reach = range(max(clause.start, start - 1 - LIGHT_VERB_REACH), start - 1)
        carriers_of_prepositions = c.result_verbs | c.participation_verbs | c.achievement_verbs
        material = event_types()[entry.event].quad == MATERIAL_CONFLICT
        if material and _is_preposition(before):
            # "naja min muhawalat ightiyal" (survived an assassination attempt): what was
            # survived; not the cause of what one is subjected to ("jarra' al-muwajahat")
            carriers_of_prepositions |= c.exposure_verbs
        act = _victim_noun(tokens[start]) or (material and entry.pos == "verb")
        if act and is_word(before, c.announced_with):
            # "a'lanat idarat al-mustashfa 'an maqtal 9 ashkhas" (announced the killing of 9),
            # "tahaddatha mas'ul 'an qatl al-'asharat" (an official spoke of killing dozens)
            carriers_of_prepositions |= c.attribution_verbs | c.telling_verbs
        if material and _after_the_dead(doc, clause, start):
            return True
        return any(is_word(tokens[i], carriers_of_prepositions) for i in reach)
    # "ajra al-ra'is al-turki ittisalan" (the Turkish president made a call): in verb-first
    # order the subject stands in between
    reach = range(max(clause.start, start - LIGHT_VERB_REACH), start)
    if any(is_word(tokens[i], carriers(entry)) for i in reach):
        return True
    if _own_stance(doc, start, entry) and any(
        is_word(tokens[i], c.attribution_verbs) for i in reach
    ):
        return True
    if entry.pos == "object":
        return False
    # "wa-kanat a'mal al-shaghab qad indala'at" (the riots had broken out): the noun is the
    # subject of a verb of happening after it
    after = range(start + 1, min(clause.end, start + 1 + HAPPENING_REACH))
    if any(is_word(tokens[i], c.happening_verbs) for i in after):
        return True
    # "a'lanat masadir amniyya maqtal arba'at ashkhas" (security sources announced the
    # killing of four people): a casualty announced is a casualty reported
    return _victim_noun(tokens[start]) and any(
        is_word(tokens[i], c.attribution_verbs) for i in reach
    )


def _object_genitive(doc: Document, cand: Candidate) -> bool:
    """Whether a verb's letters read as its noun take the verb's object as their genitive
    ("tamakkanat al-quwwat min tard al-musallahin", managed to drive out the gunmen). Not an
    attack noun's: "qasf al-quwwat" is as often the forces' shelling."""
    entry = cand.entry
    return (
        cand.nominal
        and entry.pos == "verb"
        and event_types()[entry.event].quad == MATERIAL_CONFLICT
        and not any(a.stem in cues().attack_nouns for a in doc.tokens[cand.start].analyses)
    )


def _victim_noun(token: Token) -> bool:
    return any(a.stem in cues().victim_nouns for a in token.analyses[:2])


def _own_stance(doc: Document, start: int, entry: TriggerEntry) -> bool:
    """ "a'lana al-bayt al-abyad idanatahu" (the White House announced its condemnation): a
    verbal event's noun with a pronoun, after a verb of saying, is the speaker's own stance."""
    verbal = event_types()[entry.event].quad != MATERIAL_CONFLICT
    return verbal and _only_with_pronoun(doc.tokens[start], entry)


def _only_with_pronoun(token: Token, entry: TriggerEntry) -> bool:
    """Whether the entry's letters stand in the token only with a pronoun after them."""
    readings = [a for a in token.analyses if a.stem == entry.key]
    return bool(readings) and all(a.enclitic for a in readings)


def _heads_sentence(doc: Document, sentence: Sentence, clause: Clause, start: int) -> bool:
    """Whether nothing but punctuation and a conjunction stands before the token, in the
    sentence or after a colon ("27 yuliyu: maqtal 13", 27 July: 13 killed), or only the
    place and date of an item in a chronology ("* Rusiya 24 maris 2001 maqtal shurtiyyayn")."""
    tokens = doc.tokens
    if all(t.is_punct for t in tokens[start + 1 : sentence.token_end]):
        return False  # "al-ightiyal.." (the assassination..): a title, no news told
    after_colon = start == clause.start and start > 0 and tokens[start - 1].text == ":"
    before = range(sentence.token_start, start)
    return (
        after_colon
        or all(tokens[i].is_punct for i in before)
        or _place_and_date(doc, sentence, start)
    ) and not any(
        a.proclitics and set(a.proclitics) - cues().coordinators
        for a in doc.tokens[start].analyses[:1]
    )


def _place_and_date(doc: Document, sentence: Sentence, start: int) -> bool:
    """Whether the sentence opens with a mark of a list item and then only places, numbers
    and month names run up to ``start``."""
    tokens = doc.tokens
    first = sentence.token_start
    if start <= first + 1 or not tokens[first].is_punct:
        return False
    named = {
        i
        for m in doc.mentions
        if m.kind in PLACE_KINDS and first <= m.token_start < start
        for i in range(m.token_start, m.token_end)
    }
    months = date_words().months
    i = first
    while i < start:
        token = tokens[i]
        if token.is_punct or i in named or token.text.isdigit():
            i += 1
            continue
        found = months.matches_at(tokens, i, start)
        if not found:
            return False
        i = found[0].end
    return bool(named)


PLACE_KINDS = frozenset({"country", "place", "metonym"})


def _is_preposition(token: Token) -> bool:
    return is_word(token, cues().prepositions)


def _read_as_noun(token: Token, entry: TriggerEntry) -> bool:
    """Whether a verb trigger's letters are, in this token, a noun: after the article or a
    preposition ("al-tazahur", the demonstrating; "li-hashd", for mobilising) or with a
    pronoun only nouns take ("qatli", my killing)."""
    c = cues()
    readings = [a for a in token.analyses if a.stem == entry.key]
    if token.text in (entry.key, entry.form) or not readings:
        return False
    fewest = min(readings, key=lambda a: len(a.proclitics) + bool(a.enclitic))
    nominal = c.recipient_proclitics | c.other_proclitics
    # "iltaqa" (met) itself begins with the article's letters (alif, lam) in Arabic script
    if not entry.form.startswith(c.article):
        nominal |= {c.article}
    return bool(set(fewest.proclitics) & nominal) or fewest.enclitic in c.noun_enclitics


def _reading(token: Token, entries: list[TriggerEntry]) -> tuple[TriggerEntry | None, TriggerEntry]:
    """The verb entry a token is read as (None for a noun), and the entry it is coded from.
    Verb letters that stand here only with a pronoun are the noun of the same event when there
    is one: "saytarataha" (its control) is the noun with "its", not "saytarat" (took control)
    with an object the verb never takes."""
    verb = next((e for e in entries if e.pos == "verb"), None)
    if verb is None:
        return None, entries[0]
    noun = next((e for e in entries if e.pos == "noun" and e.event == verb.event), None)
    if noun is not None and _only_with_pronoun(token, verb):
        return None, noun
    return verb, verb


def _place_name(doc: Document, lo: int, start: int) -> bool:
    """Whether the token at ``start`` names a place: right after a place's head noun that a
    preposition governs ("fi madinat Waddan", in the town of Waddan). Without the preposition
    the head may be an adjective ("jama'at muhafiza saytarat", conservative groups took)."""
    tokens, c = doc.tokens, cues()
    return (
        start - 2 >= lo
        and is_word(tokens[start - 1], c.place_heads)
        and is_word(tokens[start - 2], c.prepositions)
    )


def _participle(token: Token, verb: TriggerEntry) -> bool:
    """Whether a form III verb's letters (fa'ala: "talaba", "hajama", "sharaka") stand with the
    article: "al-talib" is the student and "al-muhajim" the attacker, participles, while the act's
    noun is another word ("al-mutalaba", "al-hujum"). A form I, V or VI verb with the article is
    its verbal noun ("al-qatl", "al-tazahur")."""
    c = cues()
    key = verb.key
    if len(key) != c.form3_length or key[1] != c.form3_letter:
        return False
    readings = [a for a in token.analyses if a.stem == key]
    return bool(readings) and all(c.article in a.proclitics for a in readings)


def _another_word(token: Token, verb: TriggerEntry, *, nominal: bool) -> bool:
    """Whether a verb's letters are here neither the verb nor its noun: "al-talib" (the
    student) and "al-muhajim" (the attacker) are participles; and a verb whose noun is written
    with other letters, forms IV, VII, VIII and X whose perfect opens with alif ("adana",
    condemned: "idana"), is another word where it would be a noun: "fa-Ladan" (the name Vladan)
    is not "fa" + "li" + "adana"."""
    if _participle(token, verb):
        return True
    c = cues()
    key = verb.key
    derived = key.startswith(c.derived_form_initial) and len(key) >= c.derived_form_min_length
    return nominal and derived


def _verb_letters_as_noun(doc: Document, lo: int, start: int, entry: TriggerEntry) -> bool:
    """Whether a verb trigger's letters are, here, its verbal noun or another noun."""
    tokens = doc.tokens
    if start > lo:
        before = {a.stem for a in tokens[start - 1].analyses}
        c = cues()
        # "bi-tuhmat qatl" (on a murder charge), "qadiyyat khatf" (a kidnapping case): a charge,
        # not an act; "'amaliyyat qatl" (killings): a verbal noun
        if not before.isdisjoint(c.topic_nouns) or not before.isdisjoint(c.act_nouns):
            return True
        # "fi qasf bi-qadha'if al-hawun" (in shelling with mortars): no verb follows "fi"
        if is_word(tokens[start - 1], c.noun_governors, conjunction_only=True):
            return True
    return _read_as_noun(tokens[start], entry)


def _counted(doc: Document, lo: int, start: int) -> bool:
    """Whether a count stands right before the trigger, which then is the noun it counts, not
    a verb ("138 taliban", 138 students, not "they demanded"); a verb joined by "wa" after a
    count starts a clause of its own ("qatala 3 wa-asaba akhar")."""
    tokens = doc.tokens
    if start == lo or not count_before(tokens, start):
        return False
    return not any(cues().coordinators & set(a.proclitics) for a in tokens[start].analyses)


def _referenced(doc: Document, clause: Clause, start: int) -> bool:
    c = cues()
    return any(
        is_word(doc.tokens[i], c.reference) for i in range(max(clause.start, start - 2), start)
    )


@dataclass(frozen=True, slots=True)
class _Held:
    """A trigger a veto held back: where it ended, in which clause, in what aspect, of what
    quad class."""

    clause: int
    end: int
    aspect: str
    quad: int


def _coordinated(
    doc: Document, clause: Clause, held: _Held, start: int, entry: TriggerEntry
) -> bool:
    """Whether the trigger at ``start`` is joined by "wa" to the vetoed one before it, a word
    or two on and in the same form, or after a verbal noun of the same quad class, as verb
    letters after one are read as another: "min al-muntazar hadm baytihi wa-tardihi" (his
    house is expected to be demolished and he evicted) is expected as a whole. Negation is not
    shared ("lam yuqtal ahad wa-usiba thalatha": nobody was killed and three were hurt)."""
    tokens = doc.tokens
    quad = event_types()[entry.event].quad
    same_form = held.aspect == entry.aspect or (not held.aspect and held.quad == quad)
    if held.clause != clause.index or not same_form:
        return False
    if not 0 <= start - held.end <= COORDINATION_GAP:
        return False
    if any(tokens[i].is_punct for i in range(held.end, start)):
        return False
    joined = cues().coordinators
    return any(
        a.stem == entry.key and not joined.isdisjoint(a.proclitics) for a in tokens[start].analyses
    )


def _group(matches: list[Match[TriggerEntry]]) -> list[tuple[int, int, list[TriggerEntry]]]:
    spans: dict[tuple[int, int], list[TriggerEntry]] = {}
    for m in matches:
        spans.setdefault((m.start, m.end), []).append(m.value)
    return [(s, e, entries) for (s, e), entries in sorted(spans.items())]


def _blocked(blocks: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether a block as long as the trigger or longer overlaps it: "taht saytaratiha" (under
    its control) blocks "saytarat" (took control); the block "saytara" (control) does not
    block "basatat saytarataha" (extended its control), a longer trigger around it."""
    return any(b < end and start < e and e - b >= end - start for b, e in blocks)


def find_candidates(
    doc: Document, sentence: Sentence, clauses: list[Clause], mentions: Sequence[Mention] = ()
) -> list[Candidate]:
    """The events a sentence tells; ``mentions`` are its names, which are never triggers."""
    lexicon = trigger_lexicon()
    types = event_types()
    tokens = doc.tokens
    lo, hi = sentence.token_start, sentence.token_end
    blocks = [(m.start, m.end) for m in lexicon.blocks.find_all(tokens, lo, hi)]
    named = {i for m in mentions for i in range(m.token_start, m.token_end)}
    chosen: list[Candidate] = []
    topics: list[Candidate] = []  # noun triggers that only lend their mode
    held: _Held | None = None  # the last trigger vetoed, for one joined to it by "wa"
    for start, end, entries in _group(lexicon.events.find_all(tokens, lo, hi)):
        clause = clause_of(clauses, start)
        if (
            clause is None
            or _blocked(blocks, start, end)
            or start in named
            or _place_name(doc, lo, start)
            or any(word in doc.raw(tokens[start].span) for word in cues().hamza_homographs)
        ):
            # "wizara" (ministry) is a noun before it is "wa" + "zarahu" (and he visited him);
            # a name later in a phrase ("kharaju mutazahirin", went out demonstrating) stays;
            # "fi madinat Waddan" is a place's name, not "wa-dana" (and condemned); "wa-ab'aduhu"
            # (and its dimensions) is not "wa-ib'aduhu" (and deporting him), as its hamza shows
            continue
        verb, entry = _reading(tokens[start], entries)
        if verb is not None and _counted(doc, lo, start):
            continue  # "qubul 4326 taliban" (4,326 students admitted): a counted noun
        nominal = verb is None or _verb_letters_as_noun(doc, lo, start, entry)
        if verb is not None and _another_word(tokens[start], verb, nominal=nominal):
            continue
        material = types[entry.event].quad == MATERIAL_CONFLICT
        reach = 3 if nominal else 2
        vetoed = veto(
            doc,
            sentence,
            clauses,
            clause,
            start,
            entry=entry,
            reach=reach,
            material=material,
            nominal=nominal,
        )
        joined = held is not None and _coordinated(doc, clause, held, start, entry)
        if vetoed or joined:
            if joined or vetoed != NEGATED:
                held = _Held(clause.index, end, entry.aspect, types[entry.event].quad)
            continue
        scope = {clause.index, *(a.index for a in ancestors(clauses, clause))}
        if any(types[c.entry.event].takes_content and c.clause.index in scope for c in chosen):
            continue  # what was agreed, asked or rejected, not a new event
        candidate = Candidate(entry, start, end, clause, nominal, entry.mode)
        if entry.key in cues().victim_nouns or _object_genitive(doc, candidate):
            candidate.victim_after = end
        # "maqtal 15 shakhsan fi hujum intihari" (15 people killed in a suicide attack): a news
        # lead names the event by its noun
        headline = (
            types[entry.event].quad == MATERIAL_CONFLICT
            and entry.pos != "object"
            and _heads_sentence(doc, sentence, clause, start)
        )
        carried = headline or _carried(doc, clause, start, entry)
        candidate.listed = headline and _place_and_date(doc, sentence, start)
        if nominal and (not carried or _referenced(doc, clause, start)):
            topics.append(candidate)
            continue
        same = next((c for c in chosen if c.entry.event == entry.event), None)
        if same is not None:  # one event told with two words in one sentence
            same.again.append(candidate)
            same.mode = same.mode or candidate.mode
            same.victim_after = same.victim_after or candidate.victim_after
            continue
        chosen.append(candidate)
    for topic in topics:
        for c in chosen:
            if c.entry.event == topic.entry.event and c.mode is None and topic.mode:
                c.mode = topic.mode
                c.mode_words = doc.raw(_span(doc, topic.start, topic.end))
    _modes_from_content(doc, chosen)
    return chosen


def _modes_from_content(doc: Document, chosen: list[Candidate]) -> None:
    lexicon = trigger_lexicon()
    for c in chosen:
        if c.mode is not None:
            continue
        for m in lexicon.modes.find_all(doc.tokens, c.end, c.clause.end):
            if m.value.event == c.entry.event:
                c.mode = m.value.mode
                c.mode_words = doc.raw(_span(doc, m.start, m.end))
                break


def _span(doc: Document, start: int, end: int) -> Span:
    return Span(doc.tokens[start].span.start, doc.tokens[end - 1].span.end)


def _carried_by(doc: Document, cand: Candidate, verbs: frozenset[str]) -> bool:
    """Whether the light verb carrying a noun trigger is one of ``verbs``."""
    if not cand.nominal:
        return False
    at = light_verb_before(doc, cand.clause, cand.start, cand.entry)
    return at is not None and is_word(doc.tokens[at], verbs)


def _undergone(doc: Document, cand: Candidate) -> bool:
    """Whether the subject of the verb carrying a noun trigger underwent it: subjected to it,
    survived it, met death in it ("laqiya masra'ahu"), or died of it, the noun after the
    dying verb's preposition ("tuwuffiya jundi muta'aththiran bi-isabatihi fi hadith itlaq
    al-nar", a soldier died of his wounds in a shooting)."""
    c = cues()
    undergoes = c.exposure_verbs | c.death_carriers
    if _carried_by(doc, cand, undergoes):
        return True
    start, clause = cand.start, cand.clause
    if not cand.nominal or start <= clause.start or not _is_preposition(doc.tokens[start - 1]):
        return False
    reach = range(max(clause.start, start - 1 - LIGHT_VERB_REACH), start - 1)
    return any(is_word(doc.tokens[i], undergoes | c.dying_verbs) for i in reach)


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
    if any(a.stem in c.outcome_nouns for a in tokens[cand.start].analyses[:2]):
        tellers = c.attribution_verbs | c.telling_verbs
        return any(is_word(tokens[i], tellers) for i in reach)
    material = event_types()[cand.entry.event].quad == MATERIAL_CONFLICT
    return material and _after_the_dead(doc, cand.clause, cand.start)


def _after_the_dead(doc: Document, clause: Clause, start: int) -> bool:
    """Whether the dead and wounded stand before the preposition or noun of cause right before
    ``start``: "saqata qatla wa-jarha jarra' qasf" (dead and wounded fell in shelling) tells
    what they came of."""
    c = cues()
    tokens = doc.tokens
    if start <= clause.start:
        return False
    before = tokens[start - 1]
    if not (_is_preposition(before) or is_word(before, c.cause_nouns)):
        return False
    reach = range(max(clause.start, start - 1 - LIGHT_VERB_REACH), start - 1)
    return any(a.stem in c.casualty_nouns for i in reach for a in tokens[i].analyses[:2])


def _evidence(
    doc: Document, clauses: Sequence[Clause], sentence: Sentence, cand: Candidate
) -> list[Evidence]:
    """The trigger with its clause, then each word that tells the same event again."""
    evidence = []
    for told in (cand, *cand.again):
        span = _span(doc, told.start, told.end)
        clause = told.clause if told is cand else clause_of(clauses, told.start) or cand.clause
        evidence.append(
            Evidence(sentence.index, span, _span(doc, clause.start, clause.end), doc.raw(span))
        )
    return evidence


def _forces_only(actors: Sequence[ActorRef]) -> bool:
    """Whether every actor is a force of the state (police, army, intelligence): the subject
    of a clause that tells of a protest by its noun mostly acts against it."""
    return bool(actors) and all(a.sector in cues().state_forces for a in actors)


def _crowd_counted(doc: Document, cand: Candidate) -> bool:
    """Whether the noun's clause counts or names a crowd: a count before it ("qama nahw 1500
    shakhs bi-l-tazahur", some 1,500 people demonstrated) or a word of crowds ("sharaka
    al-alaf fi masira", thousands joined a march; "masira hashida", a mass march)."""
    tokens, clause = doc.tokens, cand.clause
    crowds = cues().march_crowds
    counted = any(many_at(tokens, i, cand.start) for i in range(clause.start, cand.start))
    return counted or bool(crowds.find_all(tokens, clause.start, clause.end))


def _unknown_actor(doc: Document, sentence: int, trigger: int, *, crowd: bool) -> ActorRef:
    """In "maqtal 15 shakhsan fi hujum intihari" (15 people killed in a suicide attack), the
    event is coded, its doer marked unknown. An unnamed crowd that protests has no sector
    either: "tazahara alfa shakhs" (two thousand people demonstrated) names no sector, as
    CAMEO's agents give none to "people"; "al-mutazahirun" (the demonstrators), a word that
    names them, is resolved as civilians by the cascade."""
    at = doc.tokens[trigger].span.start
    return ActorRef(
        code=None,
        sector="UNK",
        entity_text="",
        span=Span(at, at),
        sentence=sentence,
        method="unknown-crowd" if crowd else "unknown",
        reason="no one named: an unnamed crowd" if crowd else "no doer named: the actor is unknown",
        token_start=trigger,
        token_end=trigger,
    )


# Cascade steps that resolve one person, by name or by title (marsad.actors.cascade).
PERSON_METHODS = frozenset(
    {
        "person-role",
        "person-former-role",
        "person-no-role",
        "title-holder",
        "title-name",
        "title-former",
        "title",
        "counterpart-holder",
        "counterpart",
        "unknown-person",
    }
)


def _verbal_attack(
    doc: Document, cand: Candidate, actor: Sequence[ActorRef], recipient: Sequence[ActorRef]
) -> bool:
    """Whether an "attack" is words, with no weapon (no mode) and no casualty in the clause:
    persons attack ("shanna al-na'ib hujuman 'anifan 'ala", the MP launched a fierce attack
    on), the clause says it was with words ("yuhajim bi-intiqadat ladhi'a", attacks with
    biting criticism), or the verb "hajama" has persons as its object ("hajama al-mas'ulun
    al-iraniyyun ra'is al-wuzara' al-isra'ili")."""
    c = cues()
    if cand.entry.event != "ASSAULT" or cand.mode is not None:
        return False
    if any(a.sector in c.armed_sectors for a in actor):
        return False  # "hajama musallahun funduqan" (gunmen attacked a hotel): force
    token = doc.tokens[cand.start]
    if cand.nominal:
        if not any(a.stem in c.verbal_attack_nouns for a in token.analyses[:2]):
            return False
    elif not is_word(token, c.verbal_attack_verbs):
        return False
    if clause_size(doc, cand.clause.start, cand.clause.end) is not None:
        return False
    if c.criticism_words.find_all(doc.tokens, cand.clause.start, cand.clause.end):
        return True  # "alqaw khitabat hajamu fiha": words, whoever spoke them
    if not actor:
        return False
    if all(a.method in PERSON_METHODS or a.sector in c.speaking_sectors for a in actor):
        return True
    persons_attacked = bool(recipient) and all(r.method in PERSON_METHODS for r in recipient)
    return not cand.nominal and persons_attacked


def _self_reported(doc: Document, view: SentenceView, cand: Candidate) -> bool:
    """ "qala innahu ta'arrada li-l-ta'dhib" (he said he was tortured): an act the speaker
    underwent, carried by a verb of exposure right after the "that" whose pronoun is the
    speaker."""
    if not _carried_by(doc, cand, cues().exposure_verbs):
        return False
    at = light_verb_before(doc, cand.clause, cand.start, cand.entry)
    return at is not None and resumes_speaker(view, cand.clause, at)


def _court_condemns(doc: Document, cand: Candidate, actor: Sequence[ActorRef]) -> bool:
    """Whether "adana" (condemned) is a court's: "adanat mahkama kuriyya ithnayn" (a Korean
    court convicted two) is a conviction, not a protest in words."""
    c = cues()
    if cand.entry.event != "ACCUSE" or not actor:
        return False
    if not is_word(doc.tokens[cand.start], c.condemn_words, enclitic_ok=True):
        return False
    return all(a.sector in c.court_sectors for a in actor)


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
        return args
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
            told = doc.raw(_span(doc, other.start, other.end))
            how = f"{alt.how}, where it is told again («{told}»)"
            return Arguments(alt.actor, args.recipient or alt.recipient, how)
    return args


def _recipient_told_again(
    doc: Document, view: SentenceView, cand: Candidate, state: DiscourseState, args: Arguments
) -> Arguments:
    """A material event that names no one acted on where it is first told takes the object
    of a verb joined to it by "wa" or "fa" that tells it again: in "atlaqat al-quwwat sarukhan
    'ala al-madrasa fa-qatalat thalathat mu'allimin" (the forces fired a rocket at the school
    and killed three teachers) the teachers were acted on."""
    if args.recipient:
        return args
    doers = {(a.token_start, a.sentence) for a in args.actor}
    sides = {(a.code, a.sector) for a in args.actor}
    conjunctions = set(clitics().conjunctions)  # "wa" and "fa"
    for other in cand.again:
        joined = any(conjunctions & set(a.proclitics) for a in doc.tokens[other.start].analyses)
        if other.nominal or other.start < cand.start or not joined:
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
    istahdafat quwwat", a car bomb that targeted forces: the forces are its object)."""
    c = cues()
    tokens = doc.tokens
    if start == 0 or tokens[start - 1].is_punct:
        return True
    if any(c.coordinators & set(a.proclitics) for a in tokens[start].analyses):
        return True
    openers = c.clause_openers | c.complementizers | c.coordinators | c.verb_adverbs
    return is_word(tokens[start - 1], openers, enclitic_ok=True)


def _arguments_at(
    doc: Document, view: SentenceView, cand: Candidate, state: DiscourseState
) -> Arguments:
    c = cues()
    return find_arguments(
        view,
        cand.start,
        event=cand.entry.event,
        nominal=cand.nominal,
        victim_after=cand.victim_after,
        third_party=cand.mode == "third-party",
        state=state,
        material=event_types()[cand.entry.event].quad == MATERIAL_CONFLICT,
        casualty=not cand.nominal and is_word(doc.tokens[cand.start], c.casualty_verbs),
        # "* Rusiya 24 maris 2001 maqtal": the place of a chronology's item is where it was
        locus=cand.listed or _carried_by(doc, cand, c.locus_verbs),
        exposed=_undergone(doc, cand),
        announced=_announced(doc, cand),
        agentless=_carried_by(doc, cand, c.agentless_carriers),
        with_object=not cand.nominal and _only_with_pronoun(doc.tokens[cand.start], cand.entry),
        raw=doc.article.text,
        trigger_end=cand.end,
    )


def event_id(story_id: str, sentence: int, trigger: Span) -> str:
    key = f"{story_id}\x1f{sentence}\x1f{trigger.start}"
    return hashlib.sha1(key.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _participants(record: EventRecord) -> set[str]:
    return {a.identifier or f"{a.code}/{a.sector}" for a in (*record.actor, *record.recipient)}


def code_sentence(
    doc: Document,
    sentence: Sentence,
    actors: list[Governed],
    mentions: Sequence[Mention],
    state: DiscourseState,
) -> list[EventRecord]:
    clauses = segment(doc.tokens, sentence.token_start, sentence.token_end, sentence.in_quote)
    view = SentenceView(doc.tokens, clauses, actors, mentions)
    types = event_types()
    records: list[EventRecord] = []
    candidates = find_candidates(doc, sentence, clauses, mentions)
    sport = bool(candidates) and about_sport(doc, sentence)
    for cand in candidates:
        if sport and cand.entry.event not in cues().sports_spare:
            continue
        etype = types[cand.entry.event]
        args = _arguments(doc, view, cand, state)
        actor, recipient = args.actor, args.recipient
        claimed = etype.quad == MATERIAL_CONFLICT and _self_reported(doc, view, cand)
        if claimed:
            etype, cand.mode = types[cues().self_report_as[0]], cues().self_report_as[1]
            actor, recipient = tuple(speaker(view, cand.clause, state)), ()
        verbal = _verbal_attack(doc, cand, actor, recipient)
        if verbal:
            etype, cand.mode = types[cues().verbal_attack_as[0]], cues().verbal_attack_as[1]
        if _court_condemns(doc, cand, actor):
            etype, cand.mode = types[cues().court_condemns_as[0]], cues().court_condemns_as[1]
        crowd = etype.name in cues().crowd_types
        if crowd and cand.nominal and (not actor or _forces_only(actor)):
            # "shahidat al-madina tazahurat" (the city saw demonstrations), "jarat
            # al-tazahurat bi-hudu'" (the protests passed calmly), "qamat al-shurta bi-fadd
            # al-muzaharat" (the police do not protest): a protest named by its noun alone,
            # with no crowd that protests, is the setting of the news
            if not _crowd_counted(doc, cand):
                continue
            actor = ()
        if not actor:
            if etype.quad != MATERIAL_CONFLICT:
                continue  # verbal and diplomatic events need a known actor
            actor = (_unknown_actor(doc, sentence.index, cand.start, crowd=crowd),)
        trigger = _span(doc, cand.start, cand.end)
        evidence = _evidence(doc, clauses, sentence, cand)
        mode_note = f"; mode {cand.mode} from «{cand.mode_words}»" if cand.mode_words else ""
        if verbal:
            mode_note += "; persons attack with no weapon and no casualty: words, not force"
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
    mention_at = {m.token_start: m for m in doc.mentions}
    actors: dict[int, list[Governed]] = {}
    facility_end = -1  # a facility's name may run over several actors: "al-amir Sultan"
    for actor in doc.actors:
        if names_a_facility(doc.tokens, actor) or actor.token_start == facility_end:
            facility_end = actor.token_end
            continue
        governed = govern(doc.tokens, actor, mention_at.get(actor.token_start))
        actors.setdefault(actor.sentence, []).append(governed)
    for items in actors.values():
        inherit_prepositions(items)
    mentions: dict[int, list[Mention]] = {}
    for mention in doc.mentions:
        mentions.setdefault(mention.sentence, []).append(mention)
    state = DiscourseState()
    records: list[EventRecord] = []
    for sentence in doc.sentences:
        index = sentence.index
        found = code_sentence(doc, sentence, actors.get(index, []), mentions.get(index, []), state)
        records.extend(found)
    return records
