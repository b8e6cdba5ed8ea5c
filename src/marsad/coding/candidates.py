"""The trigger words of a sentence that may tell events: which readings are the trigger, which
nouns a light verb carries, and which words lend only their mode.

A verb trigger names an event unless a veto stops it; a noun trigger ("ittisal hatifi", phone
call; "al-ittifaq", the agreement) names one only when a light verb carries it ("jara
ittisal", a call took place; "tamma al-ittifaq", the agreement was made) — elsewhere it is the
topic of another event and only lends its mode (a news lead "maqtal 15 shakhsan", 15 people
killed, and an outcome "asfara 'an maqtal", resulted in the killing of, carry themselves).
Words after a verbal event of a type that takes content ("talaba", asked; "ittafaqa", agreed)
are that content, not new events.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import cache

from marsad.coding.carriers import LIGHT_VERB_REACH, light_verb_before
from marsad.coding.clauses import (
    Clause,
    ancestors,
    clause_of,
    comma_before_subject,
    comma_before_verb,
    has_article,
    has_stem,
    is_word,
    is_word_or_fa,
    led_by_wa,
    with_fa,
)
from marsad.coding.crowds import counts_a_crowd, crowd_verb, entry_mode
from marsad.coding.doers import carried_out_at
from marsad.coding.generic import CARRIED_IN_GENERAL
from marsad.coding.headlines import heads_sentence, place_and_date
from marsad.coding.lexicon import TriggerEntry, trigger_lexicon
from marsad.coding.negation import NEGATED
from marsad.coding.numbers import numbers
from marsad.coding.readings import (
    another_word,
    counted,
    in_a_name,
    noun_carried,
    only_with_pronoun,
    place_name,
    reading,
    ta_marbuta_as_pronoun,
    verb_letters_as_noun,
)
from marsad.coding.resources import cues
from marsad.coding.vetoes import veto
from marsad.coding.view import PLACE_KINDS
from marsad.matcher import Match
from marsad.ontology import MATERIAL_CONFLICT, event_types
from marsad.places.gazetteer import place_words
from marsad.types import ActorRef, Document, Mention, Sentence, Span, Token, of_sentence

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
    if entry.pos == "object" and entry.event in c.motion_carries:
        return crowd_verb(doc, clause, start) is not None
    head = start - 2
    if (
        head >= clause.start
        and tokens[start - 1].text in c.partitive_of
        and _counting_head(tokens[head])
    ):
        # "shannat silsila min al-gharat" (launched a series of raids), "'aqadu jawla min
        # al-mufawadat" (held a round of talks): the noun counted stands where its head does
        return _carried(doc, clause, head, entry)
    if start > clause.start and any(a.stem in c.topic_nouns for a in tokens[start - 1].analyses):
        # "ijtima' li-bahth al-hujum" (a meeting to discuss the attack): the attack is what
        # the meeting is about
        return False
    material = event_types()[entry.event].quad == MATERIAL_CONFLICT
    if material and carried_out_at(tokens, start + 1, clause.end) is not None:
        # "ba'd darba jawwiyya nafadhaha al-jaysh" (after an air strike the army carried
        # out): the verb that resumes the attack tells that it was done
        return True
    before = tokens[start - 1] if start > clause.start else None
    if before is not None and (is_preposition(before) or is_word(before, c.cause_nouns)):
        # "asfara al-hujum 'an maqtal" (the attack resulted in the killing of): an outcome
        # verb carries the noun after its preposition; otherwise "khilal ziyara" (during a
        # visit), "fi ittisal hatifi" (in a phone call) are the circumstance of another event;
        # "tuwuffu natijat al-ta'dhib" (died as a result of torture) names the cause
        reach = range(max(clause.start, start - 1 - LIGHT_VERB_REACH), start - 1)
        carriers_of_prepositions = c.result_verbs | c.participation_verbs | c.achievement_verbs
        if material and is_preposition(before):
            # "naja min muhawalat ightiyal" (survived an assassination attempt): what was
            # survived; not the cause of what one is subjected to ("jarra' al-muwajahat")
            carriers_of_prepositions |= c.exposure_verbs
        act = _victim_noun(tokens[start]) or (material and entry.pos == "verb")
        if act and is_word(before, c.announced_with):
            # "a'lanat idarat al-mustashfa 'an maqtal 9 ashkhas" (announced the killing of 9),
            # "tahaddatha mas'ul 'an qatl al-'asharat" (an official spoke of killing dozens)
            carriers_of_prepositions |= c.attribution_verbs | c.telling_verbs
        if material and after_the_dead(doc, clause, start, entry):
            return True
        return any(is_word(tokens[i], carriers_of_prepositions) for i in reach)
    # "ajra al-ra'is al-turki ittisalan" (the Turkish president made a call): in verb-first
    # order the subject stands in between
    if light_verb_before(doc, clause, start, entry) is not None:
        return True
    reach = range(max(clause.start, start - LIGHT_VERB_REACH), start)
    if _own_stance(doc, start, entry) and any(
        is_word(tokens[i], c.attribution_verbs) for i in reach
    ):
        return True
    if after_the_dead(doc, clause, start, entry):
        # "usiba 13 shakhsan bi-infijar sayyara mufakhkhakha": "bi-" on an attack names what
        # hurt them (the separate preposition was handled above)
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


def _counting_head(token: Token) -> bool:
    """Whether the token counts or groups the noun after "min" (of): "silsila" (a series),
    "'adad" (a number), also in the accusative ("'adadan")."""
    words = _counting_heads()
    ending = cues().accusative_ending
    return is_word(token, words) or token.text.removesuffix(ending) in words


@cache
def _counting_heads() -> frozenset[str]:
    c = cues()
    return c.series_nouns | c.partitive_heads


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


def _lives_taken(doc: Document, clause: Clause, end: int) -> int | None:
    """Where the ones killed start when "bi-hayat" (with the life of) follows the trigger, the
    verb between or not: "awda al-qasf bi-hayat khamsat madaniyyin" (the shelling cost five
    civilians their lives), "ghara awdat bi-hayat 'ashara" (a raid that cost ten lives)."""
    words = cues().life_words
    return next(
        (at + 1 for at in range(end, min(end + 2, clause.end)) if doc.tokens[at].text in words),
        None,
    )


def _victim_noun(token: Token) -> bool:
    return has_stem(token, cues().victim_nouns)


def _own_stance(doc: Document, start: int, entry: TriggerEntry) -> bool:
    """ "a'lana al-bayt al-abyad idanatahu" (the White House announced its condemnation): a
    verbal event's noun with a pronoun, after a verb of saying, is the speaker's own stance."""
    verbal = event_types()[entry.event].quad != MATERIAL_CONFLICT
    return verbal and only_with_pronoun(doc.tokens[start], entry)


AGENT_MENTION = "agent"
DOER_KINDS = frozenset({"person", "title", "org", "country"})  # mentions that may act
UNMARKED_RELATIVE = "background: a relative clause without a relative pronoun describes a party"


def is_preposition(token: Token) -> bool:
    return is_word(token, cues().prepositions)


def _names(
    doc: Document, mentions: Sequence[Mention]
) -> tuple[dict[int, Mention], set[int], set[int]]:
    """The tokens of names (never triggers); where a singular nisba without the article
    starts: an adjective of the indefinite word before it (a plural, "sa'udiyyun", is rather
    the subject of a verb before it); and where agent nouns start, which may be object
    triggers ("al-mutazahirin", the protesters, who go out)."""
    c = cues()
    named = {i: m for m in mentions for i in range(m.token_start, m.token_end)}
    agents = {m.token_start for m in mentions if m.kind == AGENT_MENTION}
    nisbas = {
        m.token_start
        for m in mentions
        if m.kind == "nisba"
        and not doc.tokens[m.token_start].text.endswith(c.sound_plural_endings)
        and not any(c.article in a.proclitics for a in doc.tokens[m.token_start].analyses)
    }
    return named, nisbas, agents


def _parties_before(mentions: Sequence[Mention]) -> dict[int, tuple[int, int]]:
    """Where each party named by common nouns ends ("musallahin", gunmen; with the nisbas
    and agent nouns that describe it, "mas'ulin isra'iliyyin", "mutamarridin majhulin"): its
    first token and the token after it, by the token after it."""
    runs: dict[int, tuple[int, int]] = {}  # by its end
    for m in sorted(mentions, key=lambda m: m.token_start):
        if m.kind not in (AGENT_MENTION, "nisba"):
            continue
        joined = runs.pop(m.token_start, None)
        if joined is not None:
            runs[m.token_end] = (joined[0], m.token_end)
        elif m.kind == AGENT_MENTION:
            runs[m.token_end] = (m.token_start, m.token_end)
    return runs


def _describes_a_party(
    doc: Document, lo: int, mentions: Sequence[Mention], start: int, entry: TriggerEntry
) -> bool:
    """Whether a verb right after a party named by an indefinite common noun describes it: an
    indefinite noun takes a relative clause with no relative pronoun ("li-tafriq mutazahirin
    rashaquha", to disperse protesters who pelted it; "akbar mas'ul misri yuqtal", the most
    senior Egyptian official to be killed), background as "alladhi" tells it. A party that
    opens its clause is the verb's subject ("anna musallahin hajamu", that gunmen attacked),
    and so after a verb of being ("kana musallahun hajamu")."""
    c = cues()
    tokens = doc.tokens
    if entry.event in c.crowd_types:
        return False  # "li-tafriq alf mutazahir ihtajju": the protest dispersed, at that time
    if led_by_wa(tokens[start]):
        return False
    party = _parties_before(mentions).get(start)
    if party is None:
        return False
    first, end = party
    if any(has_article(tokens[i]) for i in range(first, end)) or tokens[end - 1].text.endswith(
        c.possessive_pronouns
    ):
        return False  # "quwwat al-jaysh qatalat": a definite subject
    at = first
    while at >= lo:
        count = counts_a_crowd(tokens[at]) or any(
            a.stem in numbers().words for a in tokens[at].analyses
        )
        if led_by_wa(tokens[at]) and (at == first or count):
            return False  # "12 mutashaddidan wa-khamsa madaniyyin qutilu": a second subject
        if at < first and not count:
            break  # "wa-taqaddama muqatilun tad'amuhum gharat": the verb whose subject it is
        at -= 1
    if at < lo or tokens[at].is_punct or tokens[at].text in c.contrast_openers:
        return False
    opens = c.clause_openers | c.complementizers | c.aspect_auxiliaries
    return not (is_word(tokens[at], opens, enclitic_ok=True) or with_fa(tokens[at], opens))


def _referenced(doc: Document, clause: Clause, start: int) -> bool:
    """Whether a reference word ("wifqan li-", according to) or a word of likeness ("ma
    yushbih", something like) stands at most two words before the noun."""
    words = _reference_or_likeness()
    return any(is_word(doc.tokens[i], words) for i in range(max(clause.start, start - 2), start))


@cache
def _reference_or_likeness() -> frozenset[str]:
    c = cues()
    return c.reference | c.likeness


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
    """Whether the trigger at ``start`` is joined by "wa" or "aw" (or) to the vetoed one before
    it, a word or two on and in the same form, or after a verbal noun of the same quad class,
    as verb letters after one are read as another: "min al-muntazar hadm baytihi wa-tardihi" (his
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
    c = cues()
    if start > held.end and is_word(tokens[start - 1], c.disjunctions):
        return True  # "qad taqbid 'alayhi ... aw tu'dimahu" (may seize him or execute him)
    return any(
        a.stem == entry.key and not c.coordinators.isdisjoint(a.proclitics)
        for a in tokens[start].analyses
    )


def _manner_of(doc: Document, clause: Clause, held: _Held, start: int) -> bool:
    """Whether the trigger at ``start`` tells why or how the vetoed act before it in its clause
    is done: "sa-yuqati' al-fariq al-jalsa ihtijajan 'ala ..." (the team will boycott the
    session in protest at ...) protests only if the boycott happens."""
    return (
        held.clause == clause.index
        and held.end <= start
        and is_word(doc.tokens[start], cues().manner_adverbials, conjunction_only=True)
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


def trigger_matches(doc: Document, sentence: Sentence) -> list[Match[TriggerEntry]]:
    """The trigger phrases of a sentence, before any check; a verb phrase of several words may
    have its subject between its verb and the rest (``split_verb_phrases``)."""
    found = trigger_lexicon().events.find_all(doc.tokens, sentence.token_start, sentence.token_end)
    split = split_verb_phrases(doc, sentence, found)
    if not split:
        return found
    replaced = {m.start for m in split}
    kept = [m for m in found if m.start not in replaced]
    return sorted((*kept, *split), key=lambda m: (m.start, -m.end))


SPLIT_PHRASE_WORDS = 4  # words of a verb phrase after its subject: "al-'alaqat al-diblumasiyya"


def split_verb_phrases(
    doc: Document, sentence: Sentence, found: Sequence[Match[TriggerEntry]]
) -> list[Match[TriggerEntry]]:
    """Verb phrases of the lexicon told with the verb's subject, a name, between the verb and
    the rest ("qata'at al-Sa'udiyya al-'alaqat al-diblumasiyya ma'a Iran", Saudi Arabia cut
    diplomatic ties with Iran; "rafa'at Washington al-hisar 'an"): each as a match of the verb
    alone, with the phrase's entry. A phrase that matched whole at the verb is kept; a shorter
    one there gives way. A verb and a preposition ("haqqaqa fi", investigated) are left out
    when a place follows the preposition: after the subject it is where, not the verb's
    complement ("haqqaqat al-muqawama fi muhafazat Ma'rib taqadduman", the resistance made
    gains in Marib province)."""
    tokens, events = doc.tokens, trigger_lexicon().events
    prepositions = cues().prepositions
    at_start = {m.start: m for m in found}
    covered = {i for m in found for i in range(m.start + 1, m.end)}
    # "fa-atlaqa al-junud al-nar": an object trigger after the subject is carried by a verb
    # that fires already, with that subject for doer
    objects = {m.start for m in found if m.value.pos == "object"}
    carriers = cues().object_carriers
    out: list[Match[TriggerEntry]] = []
    for verb, actor, rest in _past_subjects(doc, sentence, _phrase_starters()):
        if verb in covered:
            continue
        if actor.token_end in objects and is_word_or_fa(tokens[verb], carriers):
            continue
        if is_word(rest[0], prepositions) and _place_at(doc, actor.token_end + 1):
            continue
        phrase = (tokens[verb], *rest)
        whole = [m for m in events.matches_at(phrase, 0) if m.end > 1 and m.value.pos == "verb"]
        if not whole:
            continue
        longest = whole[0].end
        there = at_start.get(verb)
        if there is not None and there.end - there.start >= longest:
            continue
        out.extend(Match(verb, verb + 1, m.value, m.cost) for m in whole if m.end == longest)
    return out


def split_blocks(doc: Document, sentence: Sentence) -> list[tuple[int, int]]:
    """The verbs of block phrases told with the verb's subject, a name, between the verb and
    the rest, as ``split_verb_phrases`` finds trigger phrases: "wa-istab'adat al-shurta wujud
    'amal ijrami" (the police ruled out a crime) is no refusal, as "istab'adat wujud" is not."""
    tokens, blocks = doc.tokens, trigger_lexicon().blocks
    return [
        (verb, verb + 1)
        for verb, _, rest in _past_subjects(doc, sentence, _block_starters())
        if any(m.end > 1 for m in blocks.matches_at((tokens[verb], *rest), 0))
    ]


def _past_subjects(
    doc: Document, sentence: Sentence, starters: frozenset[str]
) -> Iterator[tuple[int, ActorRef, Sequence[Token]]]:
    """Each word right before an actor of the sentence that starts a phrase of several words
    (one of ``starters``), with the actor and the words after it (``SPLIT_PHRASE_WORDS`` at
    most, at least one): a verb, its subject and where the phrase may go on."""
    tokens = doc.tokens
    for actor in of_sentence(doc.actors, sentence.index):  # most sentences name none
        verb = actor.token_start - 1
        if verb < sentence.token_start or tokens[verb].is_punct:
            continue
        if starters.isdisjoint(tokens[verb].keys):
            continue  # most words start no phrase of several words
        end = min(sentence.token_end, actor.token_end + SPLIT_PHRASE_WORDS)
        if actor.token_end < end:
            yield verb, actor, tokens[actor.token_end : end]


@cache
def _block_starters() -> frozenset[str]:
    """The words a block phrase of several words starts with."""
    return trigger_lexicon().blocks.longer_first_words()


@cache
def _phrase_starters() -> frozenset[str]:
    """The words a trigger phrase of several words starts with."""
    return trigger_lexicon().events.longer_first_words()


def _place_at(doc: Document, at: int) -> bool:
    """Whether a place starts at token ``at``: a head noun ("muhafazat", "madinat") or a
    country or capital named."""
    if at >= len(doc.tokens):
        return False
    if place_words().heads.matches_at(doc.tokens, at):
        return True
    return any(m.token_start == at and m.kind in PLACE_KINDS for m in doc.mentions_beside(at))


def find_candidates(
    doc: Document,
    sentence: Sentence,
    clauses: list[Clause],
    mentions: Sequence[Mention],
    matches: list[Match[TriggerEntry]],
) -> list[Candidate]:
    """The events a sentence tells from its ``trigger_matches``; ``mentions`` are its names,
    which are never triggers."""
    lexicon = trigger_lexicon()
    types = event_types()
    tokens = doc.tokens
    lo, hi = sentence.token_start, sentence.token_end
    blocks = [
        *((m.start, m.end) for m in lexicon.blocks.find_all(tokens, lo, hi)),
        *split_blocks(doc, sentence),
    ]
    named, nisbas, agent_nouns = _names(doc, mentions)
    chosen: list[Candidate] = []
    topics: list[Candidate] = []  # noun triggers that only lend their mode
    held: _Held | None = None  # the last trigger vetoed, for one joined to it by "wa"
    for start, end, entries in _group(matches):
        clause = clause_of(clauses, start)
        if (
            clause is None
            or _blocked(blocks, start, end)
            or (start in named and not (start in agent_nouns and entries[0].pos == "object"))
            or place_name(doc, lo, start)
            or in_a_name(doc, lo, start)
            or any(word in doc.raw(tokens[start].span) for word in cues().hamza_homographs)
            or ta_marbuta_as_pronoun(doc, start, entries)
        ):
            # "wizara" (ministry) is a noun before it is "wa" + "zarahu" (and he visited him);
            # a name later in a phrase ("kharaju mutazahirin", went out demonstrating) stays;
            # "fi madinat Waddan" is a place's name, not "wa-dana" (and condemned); "wa-ab'aduhu"
            # (and its dimensions) is not "wa-ib'aduhu" (and deporting him), as its hamza shows
            continue
        verb, entry = reading(tokens[start], entries)
        if verb is not None and counted(doc, lo, start):
            continue  # "qubul 4326 taliban" (4,326 students admitted): a counted noun
        nominal = (
            verb is None
            or verb_letters_as_noun(doc, lo, start, entry)
            or noun_carried(doc, clause, start, entries)
        )
        if verb is not None and another_word(
            tokens[start],
            verb,
            nominal=nominal,
            described=end in nisbas,
            written=doc.raw(tokens[start].span) if end - start == 1 else "",
        ):
            continue
        material = types[entry.event].quad == MATERIAL_CONFLICT
        reach = 3 if nominal else 2
        vetoed = (
            UNMARKED_RELATIVE
            if verb is not None and _describes_a_party(doc, lo, mentions, start, entry)
            else veto(
                doc,
                sentence,
                clauses,
                clause,
                start,
                entry=entry,
                reach=reach,
                material=material,
                nominal=nominal,
                named=named,
            )
        )
        joined = held is not None and (
            _coordinated(doc, clause, held, start, entry) or _manner_of(doc, clause, held, start)
        )
        if vetoed or joined:
            if joined or vetoed != NEGATED:
                # "muhajim yunaffidh hujuman ... wa-dammara" (an attacker carrying out an attack
                # ... destroyed): a perfect after a noun its imperfect carrier holds goes on
                aspect = "imperfect" if vetoed == CARRIED_IN_GENERAL else entry.aspect
                held = _Held(clause.index, end, aspect, types[entry.event].quad)
            continue
        scope = _content_scope(tokens, clauses, clause, start)
        if any(types[c.entry.event].takes_content and c.clause.index in scope for c in chosen):
            continue  # what was agreed, asked or rejected, not a new event
        candidate = Candidate(
            entry, start, end, clause, nominal, entry_mode(doc, clause, start, entry)
        )
        candidate.victim_after = (
            end
            if entry.key in cues().victim_nouns or _object_genitive(doc, candidate)
            else _lives_taken(doc, clause, end)
        )
        # "maqtal 15 shakhsan fi hujum intihari" (15 people killed in a suicide attack): a news
        # lead names the event by its noun
        headline = (
            types[entry.event].quad == MATERIAL_CONFLICT
            and entry.pos != "object"
            and heads_sentence(doc, sentence, clause, (start, end), entry)
        )
        carried = headline or _carried(doc, clause, start, entry)
        candidate.listed = headline and place_and_date(doc, sentence, start)
        if nominal and (not carried or _referenced(doc, clause, start)):
            topics.append(candidate)
            continue
        same = next(
            (
                c
                for c in chosen
                if c.entry.event == entry.event and not _told_apart(doc, mentions, c, candidate)
            ),
            None,
        )
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
                c.mode_words = doc.raw(token_span(doc, topic.start, topic.end))
    _modes_from_content(doc, chosen)
    return chosen


APART_DOER_REACH = 3  # tokens after a verb where the doer of another event stands


def _content_scope(
    tokens: Sequence[Token], clauses: Sequence[Clause], clause: Clause, start: int
) -> set[int]:
    """The clauses whose act of saying, asking or agreeing would hold a trigger at ``start``
    as its content: its own and those above it; none for a verb after a comma with "wa",
    which tells the next act, not what the one before said: "danat al-Jami'a al-qasf,
    wa-talabat Anqara bi-ihtiram ..." (condemned ..., and asked Ankara to respect ...); none
    for one after a comma, "wa" and a subject of its own: "intaqada al-Asad al-mu'arada,
    wa-l-ta'irat al-rusiyya qasafat ahya' al-madina" (the Russian jets shelled); none
    for a clause "lakin" (but) opens: "da'a al-ra'is ila al-hiwar, lakin al-hukuma rafadat"
    (the president called for dialogue, but the government refused) tells two acts."""
    if start > 0 and comma_before_verb(tokens, start - 1, clause.end):
        return set()
    comma = comma_before_subject(tokens, start, clause.start)
    if comma is not None and led_by_wa(tokens[comma + 1]):
        return set()
    if tokens[clause.start].text in cues().contrast_openers:
        return set()
    return {clause.index, *(a.index for a in ancestors(clauses, clause))}


def _told_apart(
    doc: Document, mentions: Sequence[Mention], first: Candidate, later: Candidate
) -> bool:
    """Whether a verb in another clause than the first telling's, with a doer of its own
    named before it in its clause or right after it, tells another event of the type: "shanna
    al-tahaluf gharat 'ala Sa'da, fima qasafa al-Huthiyyun ahya' Ta'izz" (the coalition
    raided Saada, while the Houthis shelled Taiz), or in a main clause of its own. Not after
    an opener of time or cause ("'indama qasafa al-mutamarridun", when the rebels shelled),
    in a complement ("qala inna al-quwwat qatalat", he said the forces killed: the event told
    again), nor a clause that tells casualties, the outcome of the first ("wa-qutila fiha
    thalatha", "fima usiba thalatha fi muwajahat wa-qasf")."""
    if later.nominal or later.clause.index == first.clause.index:
        return False
    c = cues()
    at = later.clause.start
    parallel = later.clause.kind == "relative" and is_word(doc.tokens[at], c.parallel_openers)
    # a clause of its own after a mark that ends one (a semicolon), not one a quotation mark
    # cut or a complement ("ba'd an hajama musallahun", after gunmen attacked)
    own = later.clause.kind == "main" and at > 0 and doc.tokens[at - 1].text not in c.quote_marks
    if not (parallel or own):
        return False
    outcome = c.casualty_verbs | c.dying_verbs
    if any(is_word(doc.tokens[i], outcome, conjunction_only=True) for i in range(at, later.end)):
        return False
    lo, hi = later.clause.start, min(later.clause.end, later.end + APART_DOER_REACH)
    # a subject the verb's phrase spans counts ("fajjara musallahun jisran")
    return any(
        lo <= m.token_start < hi
        and m.token_start != later.start
        and (m.kind in DOER_KINDS or (m.kind == AGENT_MENTION and m.sector in c.killing_sectors))
        for m in mentions
    )


def _modes_from_content(doc: Document, chosen: list[Candidate]) -> None:
    lexicon = trigger_lexicon()
    for c in chosen:
        if c.mode is not None:
            continue
        for m in lexicon.modes.find_all(doc.tokens, c.end, c.clause.end):
            if m.value.event == c.entry.event:
                c.mode = m.value.mode
                c.mode_words = doc.raw(token_span(doc, m.start, m.end))
                break


def token_span(doc: Document, start: int, end: int) -> Span:
    return Span(doc.tokens[start].span.start, doc.tokens[end - 1].span.end)


def cause_at(doc: Document, clause: Clause, start: int, entry: TriggerEntry) -> int | None:
    """Where the words before the cause a noun trigger names end: at the preposition or noun
    of cause right before ``start``, or at ``start`` itself when "bi-" (by, in) is written on
    a noun of the types that hurt (`wound_carries`: "usiba shabb bi-infijar", a young man was
    wounded in an explosion; not "wasat ahali al-dahaya bi-fard hisar", consoled the victims'
    families by imposing a siege); None when neither stands there."""
    if start <= clause.start:
        return None
    c = cues()
    before = doc.tokens[start - 1]
    if is_preposition(before) or is_word(before, c.cause_nouns):
        return start - 1
    instrument = entry.event in c.wound_carries and any(
        a.stem == entry.key and c.instrument_proclitics & set(a.proclitics)
        for a in doc.tokens[start].analyses
    )
    return start if instrument else None


def after_the_dead(doc: Document, clause: Clause, start: int, entry: TriggerEntry) -> bool:
    """Whether the dead and wounded stand before the preposition or noun of cause right before
    ``start``: "saqata qatla wa-jarha jarra' qasf" (dead and wounded fell in shelling), "usiba
    khamsat ashkhas bi-juruh fi qasf" (five people were wounded in shelling), "wa-isabat
    45 akharin bi-juruh fi hujum" (and 45 others wounded in an attack), "istashhada
    shabb bi-qasf" (a young man was killed by shelling) tell what they came of."""
    c = cues()
    tokens = doc.tokens
    at = cause_at(doc, clause, start, entry)
    if at is None:
        return False
    reach = range(max(clause.start, at - LIGHT_VERB_REACH), at)
    wounded = entry.event in c.wound_carries and (
        at == start or is_word(tokens[at], c.wound_prepositions | c.cause_nouns)
    )
    return any(
        (
            wounded
            and (
                is_word(tokens[i], c.dying_verbs, conjunction_only=True)
                or has_stem(tokens[i], c.wound_nouns)
            )
        )
        or has_stem(tokens[i], c.casualty_nouns)
        for i in reach
    )
