"""Who did it and to whom: actors and recipients from a clause and the clauses above it."""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

from marsad.actors.cascade import SIDES
from marsad.coding.clauses import (
    METONYM,
    PERSON_METHODS,
    Clause,
    Governed,
    clause_of,
    first_group,
    folded_ta_marbuta,
    has_stem,
    is_verb,
    is_word,
    led_by_wa,
)
from marsad.coding.doers import (
    after_agent_marker,
    attack_agent,
    attack_nationality,
    charged,
    counts,
    fight_partner,
    genitive_with_object,
    passive_agent,
    weapon_at,
    weapon_owner_after,
)
from marsad.coding.lexicon import trigger_lexicon
from marsad.coding.numbers import count_before, number_at
from marsad.coding.resources import cues
from marsad.coding.speakers import actor_above, resumes_speaker, resumes_subject, speaker
from marsad.coding.vetoes import LIGHT_VERB_REACH
from marsad.coding.view import PLACE_METHODS, DiscourseState, SentenceView, subject
from marsad.coding.voice import (
    PASSIVE_SUBJECT_REACH,
    VICTIM_REACH,
    direct_object,
    feminine_before_men,
    reads_passive,
)
from marsad.types import ActorRef, Token

REACTION_REACH = 4  # words between condolences or a condemnation and the attack they are for
COUNTED_SUBJECT_REACH = 1  # words (a name) between a counted subject and its verb
OWN_SUBJECT_REACH = 2  # tokens from a verb to the subject named after it
VERB_WIDTH = 3  # tokens a verb of the lexicon spans at most ("atlaqa al-nar")


def _victims(view: SentenceView, clause: Clause, after: int, *, material: bool) -> list[ActorRef]:
    """The genitive of a verbal noun ("khatf sahafi", the kidnapping of a journalist); a place
    after a preposition ("fi Baghdad") is no genitive, and an attack's genitive with an object
    after it is its doer (``genitive_with_object``)."""
    if material and genitive_with_object(view, after - 1, clause.end):
        return []
    items = view.in_clause(clause)
    for i, item in enumerate(items):
        if after <= item.actor.token_start <= after + VICTIM_REACH:
            if item.preposition and item.actor.method in PLACE_METHODS:
                return []
            if weapon_at(view.tokens, item.actor.token_start - 1):
                return []  # "maqtal shabb bi-rasas quwwat al-ihtilal": the bullets' owner
            if after_agent_marker(view.tokens, item.actor.token_start, clause.start):
                return []  # "khatf ... bi-aydi musallahin": the doer, not the one taken
            return first_group(items, i)
    return []


def _after_comma(view: SentenceView, actor: ActorRef) -> bool:
    """Whether a comma stands right before the verb ahead of ``actor`` (the verb's own token is
    the one before the actor's, time words aside) and the actor is not an oblique plural, which
    is rather the object ("wa-qatalat al-madaniyyin")."""
    tokens = view.tokens
    c = cues()
    if tokens[actor.token_start].text.endswith(c.oblique_endings):
        return False
    at = actor.token_start - 1
    while at > 0 and is_word(tokens[at], c.verb_adverbs, conjunction_only=True):
        at -= 1
    return at > 0 and tokens[at - 1].is_punct and tokens[at - 1].text in c.clause_commas


def _cleft_verb(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether the verb comes right after the relative pronoun of a cleft ("huwa alladhi")."""
    c = cues()
    tokens, at = view.tokens, clause.start
    return (
        clause.kind == "relative"
        and trigger == at + 1
        and at > 0
        and is_word(tokens[at], c.relative_pronouns)
        and is_word(tokens[at - 1], c.cleft_pronouns, conjunction_only=True)
    )


def _subject_follows(view: SentenceView, clause: Clause, after: int) -> bool:
    """A nominative plural right after the trigger ("khatafa musallahun", gunmen kidnapped)
    makes it a verb and the actor its subject: a verbal noun's genitive is never nominative."""
    endings = cues().nominative_endings
    return any(
        after <= item.actor.token_start <= after + VICTIM_REACH
        and view.tokens[item.actor.token_start].text.endswith(endings)
        for item in view.in_clause(clause)
    )


def _recipient(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    *,
    event: str,
    nominal: bool,
    actor: Sequence[ActorRef],
    victims: Sequence[ActorRef],
    acted_on: Sequence[ActorRef],
    unnamed: Sequence[ActorRef],
    befell: bool = False,
    raw: str = "",
    verb_end: int | None = None,
) -> tuple[list[ActorRef], str]:
    """Who the event is done to: a verbal noun's genitive, the subject of a passive, people
    counted by the killing or injury (``befell``), the actors after a preposition that marks
    the recipient, the object after an unnamed subject, or a verb's direct object, in that
    order."""
    if victims:
        return list(victims), "the genitive of the verbal noun: those acted on"
    if acted_on:
        return list(acted_on), "the subject of the passive: those acted on"
    people = _counted_people(view, clause, trigger, raw) if befell else []
    if people:
        return people, "people counted by the killing or injury: civilians"
    c = cues()
    marks = c.recipient_prepositions | c.recipient_proclitics
    by_type = c.recipient_by_type.get(event, frozenset())
    talks = event in c.meeting_circumstance_types

    def elsewhere(item: Governed) -> bool:
        """In the act's place ("bi-l-Qahira", "'ala al-hudud ma'a al-'Iraq"), or in a
        circumstance of time ("khilal liqa'ihi ma'a Anan") unless the act is talks held in it."""
        start = item.actor.token_start
        return (
            _where(item)
            or (event not in c.border_target_types and _bordering(view.tokens, clause, start))
            or (not talks and _in_circumstance(view.tokens, clause, start))
        )

    recipient = governed_group(view, clause, marks | by_type, skip=elsewhere)
    if recipient:
        return recipient, "after a preposition that marks the recipient"
    if unnamed:
        return list(unnamed), "the verb's object, after its unnamed subject"
    if nominal:
        return [], ""
    found = direct_object(view, clause, trigger, actor, verb_end)
    if found:
        return found, "the verb's object"
    found = direct_object(view, clause, trigger, actor, verb_end, counted=True)
    return found, "the verb's object, counted after «min»" if found else ""


def _counted_people(view: SentenceView, clause: Clause, trigger: int, raw: str) -> list[ActorRef]:
    """ "qutila arba'at ashkhas" (four people were killed), "maqtal 12 madaniyyan": people
    counted next to a killing or an injury are its victims, civilians (CVL) of no country
    named; an unnamed crowd that acts is another matter (it has no sector)."""
    c = cues()
    tokens = view.tokens
    lo = max(clause.start, trigger - PASSIVE_SUBJECT_REACH)
    for j in range(lo, min(clause.end, trigger + PASSIVE_SUBJECT_REACH + 1)):
        if is_word(tokens[j], c.people_nouns) and count_before(tokens, j):
            span = tokens[j].span
            return [
                ActorRef(
                    code=None,
                    sector=CIVILIANS,
                    entity_text=raw[span.start : span.end],
                    span=span,
                    sentence=tokens[j].sentence,
                    method="counted-people",
                    reason="people counted as the victims: civilians",
                    token_start=j,
                    token_end=j + 1,
                )
            ]
    return []


def _unnamed_subject(
    view: SentenceView, after: int, actor: Sequence[ActorRef], *, crowd: bool
) -> bool:
    """Whether a word that is no actor, no time and no particle stands between the verb
    (ending at ``after``) and the first actor after it: the subject, a name marsad lacks.
    For a crowd's event a count there is the crowd ("tazahara khamsat alaf shakhs", five
    thousand people demonstrated); for another, the word "one of" counts ("ahad al-duyuf",
    one of the guests)."""
    if not actor or actor[0].token_start <= after:
        return False
    c = cues()
    particles = c.prepositions | c.complementizers | c.negation | c.coordinators
    clitics = c.recipient_proclitics | c.other_proclitics
    end = actor[0].token_start
    for i in range(after, end):
        token = view.tokens[i]
        if token.is_punct or is_word(token, c.verb_adverbs, conjunction_only=True):
            continue
        if number_at(view.tokens, i, end) or is_word(token, c.partitive_heads):
            if crowd or not is_word(token, c.partitive_heads):
                return crowd
            # "hajama ahad al-duyuf al-ra'is" (one of the guests attacked the president),
            # "tawagghalat 'iddat aliyyat" (several vehicles pushed in): the word that counts,
            # before the actor, is the subject
            continue
        if is_word(token, particles, enclitic_ok=True) or is_word(token, c.people_nouns):
            return False  # "qutila shakhsan ... bi-rasas musallahin": people counted, no name
        if led_by_wa(token) and is_verb(token, c.harm_or_dying_verbs):
            return False  # "qutila wa-usiba 'adad" (a number were killed and wounded): a verb
        # "bi-shidda" (strongly), "li-l-hukuma": a preposition on the word
        return not any(not clitics.isdisjoint(a.proclitics) for a in token.analyses)
    return False


def governed_group(
    view: SentenceView,
    clause: Clause,
    prepositions: frozenset[str],
    *,
    skip: Callable[[Governed], bool] | None = None,
) -> list[ActorRef]:
    """The first actor (with those joined to it) one of ``prepositions`` governs in the clause,
    past those ``skip`` rules out."""
    items = view.in_clause(clause)
    for i, item in enumerate(items):
        if item.preposition in prepositions and not (skip and skip(item)):
            return first_group(items, i)
    return []


def _where(item: Governed) -> bool:
    """Whether the actor is a capital with "bi-" (in) on it: the place of the act."""
    return item.actor.method == METONYM and item.preposition in cues().locative_proclitics


def _before_preposition(tokens: Sequence[Token], clause: Clause, at: int) -> int:
    """The word before the preposition of the actor at ``at``, a word of its own or on it."""
    own = at - 1 >= clause.start and is_word(tokens[at - 1], cues().prepositions)
    return at - 2 if own else at - 1


def _bordering(tokens: Sequence[Token], clause: Clause, at: int) -> bool:
    """Whether the preposition of the actor at ``at`` follows a border or a neighbour:
    "al-manatiq al-hududiyya ma'a Bakistan" (the areas bordering Pakistan) says where,
    Pakistan is no party."""
    noun = _before_preposition(tokens, clause, at)
    return noun >= clause.start and has_stem(tokens[noun], cues().border_words)


def _in_circumstance(tokens: Sequence[Token], clause: Clause, at: int) -> bool:
    """Whether the preposition of the actor at ``at`` follows a noun that a preposition of
    time governs: "khilal liqa'ihi ma'a", "ba'da mushawarat ma'a"."""
    c = cues()
    noun = _before_preposition(tokens, clause, at)
    return noun - 1 >= clause.start and is_word(
        tokens[noun - 1], c.circumstance_openers, conjunction_only=True
    )


CIVILIANS = "CVL"
# common nouns ("musallahun", gunmen), with a country or a group or not
DESCRIBED_METHODS = frozenset({"agent", "agent-country", "agent-group"})


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
    if material:
        marked |= {id(a) for a in attack_agent(view, clause, trigger, outcome=outcome)}
    kept = []
    for item in view.actors:
        a = item.actor
        g = item
        before_verb = (
            not nominal
            and clause.start <= a.token_start
            and trigger - COUNTED_SUBJECT_REACH <= a.token_end <= trigger
        )
        if g.partitive and material and not crowd and not before_verb:
            # "qutila khilal al-muwajahat al-'asharat min al-milishiyat", "tamma tawqif 'adad
            # min al-dubbat": after a material verb the counted noun is as often what was
            # acted on; right before it ("al-'asharat min mustawtini Barakha hajamu", dozens of
            # Bracha's settlers attacked) it is the subject
            g = replace(g, preposition=g.partitive, partitive=None)
        if material and _reports_after(view, trigger, a):
            continue
        if id(a) in drop or ((crowd or locus) and a.method in PLACE_METHODS):
            # "tazahara alaf fi Pishawar" (thousands protested in Peshawar): a country or
            # city is where a crowd acted, not who
            continue
        if (
            genitive_from is not None
            and id(a) not in marked
            and clause.start <= trigger < a.token_start < clause.end
            and a.token_start >= genitive_from
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


def _verb_subject(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    *,
    nominal: bool,
    agentless: bool = False,
    with_object: bool = False,
    verb_end: int = 0,
    material: bool = False,
    carrier: int | None = None,
) -> tuple[list[ActorRef], str]:
    """The subject of the clause; but a verb right after a common noun without the article
    describes that noun, which is its subject: in "istakhdama al-jaysh ... li-tafriq alf
    mutazahir ihtajju" (the army used ... to disperse a thousand protesters who protested) the
    protesters protested, in "'ishrun min musallahi al-Huthi istaslamu" (twenty Houthi gunmen
    surrendered) the gunmen surrendered. A name is definite without the article ("fariq
    taquduhu Hulanda yuhaqqiq"), a noun after a preposition word hangs on the noun before it
    ("mas'ul fi al-hukuma yaqum bi-ziyara", an official in the government makes a visit), a
    verb led by "wa" shares the subject before it, and one with a subject right after it has
    its own."""
    if nominal and agentless:
        # "tamma intiqaduhu" (he was criticised): a noun a passive carries has no subject doer
        return [], "nobody named as the doer: a passive carries it"
    c = cues()
    tokens = view.tokens
    if not nominal and not with_object and _cleft_verb(view, clause, trigger):
        # "Salih huwa alladhi dammara al-Yaman" (Saleh is the one who destroyed Yemen): the
        # cleft's verb has the name before "huwa" for subject; the name after it is its object
        return [], "the cleft's subject is the name before it"
    joined = any(c.coordinators & set(x.proclitics) for x in tokens[trigger].analyses)
    items = view.in_clause(clause)
    # an actor right after the verb, with at most time words between: its own subject
    own = [
        g
        for g in items
        if g.preposition is None and trigger < g.actor.token_start <= trigger + OWN_SUBJECT_REACH
    ]
    between = range(trigger + 1, own[0].actor.token_start) if own else range(0)
    bare = all(is_word(tokens[i], c.verb_adverbs, conjunction_only=True) for i in between)
    if own and with_object and not nominal and bare:
        # "wahdat min al-jaysh tad'amuha hukumat Hadi" (units of the army that Hadi's government
        # supports): a verb whose object is the pronoun on it has its subject after it
        return first_group(own, 0), "the subject after a verb whose object is a pronoun on it"
    if own and joined and material and not nominal and bare and _after_comma(view, own[0].actor):
        # "wa-kabbadu quwwat al-nizam khasa'ir, wa-qasafat al-mu'arada baladat" (they inflicted
        # losses on the regime's forces, and the opposition shelled towns): a material act told
        # after a comma and "wa" has the name right after its verb for subject
        group = first_group(items, items.index(own[0]))
        return group, "the subject right after a verb that opens a new sentence"
    if not nominal and not joined and not own:
        for item in items:
            a = item.actor
            if a.token_end != trigger or a.method not in DESCRIBED_METHODS or item.coordinated:
                continue  # "bayna ... wa-quwwat al-amn rushiqat": the last of a pair, no head
            first = tokens[a.token_start]
            definite = any(c.article in x.proclitics for x in first.analyses) or (
                a.entity_text.endswith(c.possessive_pronouns)
            )
            hangs = (
                item.partitive is None  # "'ishrun min musallahi": the count's noun, not a phrase
                and a.token_start > 0
                and is_word(tokens[a.token_start - 1], c.prepositions)
            )
            if not definite and not hangs:
                return [a], "the noun without the article that the verb right after it describes"
    carried = _carrier_subject(view, items, carrier, trigger) if nominal else []
    if carried:
        # "iqtaraba thalathat filastiniyyin ... fa-atlaqa al-junud al-nar" (three Palestinians
        # came near ... and the soldiers opened fire): the light verb has its own subject
        return carried, "the subject right after the verb that carries it"
    found = subject(view, clause)
    if not nominal and material and found and _quoted_speaker(view, clause, trigger, found[0]):
        # "qala al-mutahaddith bi-ism al-shurta qutila thalatha" (the police spokesman said
        # three were killed): a quotation with no "inna"; the speaker did not do it
        return [], "nobody named as the doer: the name before it is the speaker who quotes it"
    if not nominal and found and found[0].token_start >= verb_end and _plural(view, trigger):
        # "alqaw khitabat hajamu fiha al-hukuma al-turkiyya" (they gave speeches in which they
        # attacked the Turkish government): a verb before its subject is singular
        return [], "the subject is the pronoun on the plural verb: the name after it is its object"
    if not nominal and found and _feminine_after_masculine(view, trigger, found[0]):
        # "wa-da'a al-hukuma ila" (and he called on the government to): a masculine verb
        # right before a feminine noun has a pronoun for subject; the noun is its object
        return [], "the subject is the pronoun on the masculine verb: the noun is its object"
    after = bool(found) and found[0].token_start > trigger
    if not nominal and after and feminine_before_men(view.tokens, trigger, clause.end):
        # "haythu i'taqalat khamsat mutazahirin" (where she arrested five protesters): men
        # counted right after a feminine verb are its object
        return [], "the subject is the pronoun on the feminine verb: the men counted are its object"
    if not nominal and found and _verbs_in(view, verb_end, found[0].token_start):
        # "wa-dummira bi-l-kamil, wa-qutila 14 jundiyyan" (it was destroyed, and 14 soldiers
        # were killed): an actor after another verb belongs to that verb
        return [], "nobody named as the doer: the actor after it belongs to a later verb"
    if not nominal and found and _after_a_complement(items, trigger, found[0]):
        # "ulqiya al-qabd 'ala ra'is al-ittihad ... wa-amin sunduq ittihad Amirka" (the head
        # of the federation was arrested): a subject after the verb comes before its
        # complements; a name further on is a genitive
        return [], "nobody named as the doer: the verb's complement comes first"
    if not nominal and found and _oblique_plural_after(view, verb_end, found[0]):
        # "wa-nashada al-mas'ulin" (he appealed to the officials): a sound plural in "-in"
        # right after the verb is its object; the subject is the pronoun on the verb
        return [], "the subject is the pronoun on the verb: the plural after it is its object"
    if nominal and found and _object_of_later_verb(view, clause, trigger, found[0]):
        # "sadama muhajim yunaffidh hujuman intihariyyan ... wa-qatala jundiyyayn" (an attacker
        # carrying out a suicide attack ... killed two soldiers): no subject of the attack
        return [], "nobody named as the doer: the actor after a later verb is its object"
    return found, "subject of the clause"


def _carrier_subject(
    view: SentenceView, items: list[Governed], carrier: int | None, trigger: int
) -> list[ActorRef]:
    """The bare actor right after the light verb at ``carrier`` and before the noun it carries,
    time words between or not."""
    if carrier is None:
        return []
    adverbs = cues().verb_adverbs
    for i, item in enumerate(items):
        start = item.actor.token_start
        if item.preposition is None and carrier < start < trigger:
            between = range(carrier + 1, start)
            if start - carrier <= OWN_SUBJECT_REACH and all(
                is_word(view.tokens[j], adverbs, conjunction_only=True) for j in between
            ):
                return first_group(items, i)
            return []
    return []


def _verbs_in(view: SentenceView, start: int, end: int) -> list[int]:
    """Where the verbs of the lexicon that lie within ``start:end`` end."""
    events = trigger_lexicon().events
    return [
        m.end
        for i in range(start, end)
        for m in events.matches_at(view.tokens, i, end)
        if m.value.pos == "verb"
    ]


def _object_of_later_verb(
    view: SentenceView, clause: Clause, trigger: int, actor: ActorRef
) -> bool:
    """Whether ``actor``, after the noun ``trigger``, is in the oblique plural or dual ("-in")
    right after a verb of the lexicon that comes after the noun: that verb's object."""
    start = actor.token_start
    if start <= trigger + 1 or not view.tokens[start].text.endswith(cues().oblique_endings):
        return False
    return start in _verbs_in(view, max(trigger + 1, start - VERB_WIDTH), start)


def _vowelled_passive(view: SentenceView, raw: str, trigger: int) -> bool:
    """Whether the writer marked a perfect verb as a passive with the vowel on its first
    letter ("fa-qutila dabit", and an officer was killed; "ughtila", was assassinated)."""
    token = view.tokens[trigger]
    written = raw[token.span.start : token.span.end]
    vowel = cues().passive_vowel
    if vowel not in written or not _perfect_verb(view, trigger):
        return False
    letters = [i for i, ch in enumerate(written) if not unicodedata.combining(ch)]
    for analysis in token.analyses:
        first = len("".join(analysis.proclitics))  # the stem's first letter, after the clitics
        if first < len(letters) and written[letters[first] + 1 : letters[first] + 2] == vowel:
            return True
    return False


def _perfect_verb(view: SentenceView, trigger: int) -> bool:
    return any(
        m.value.pos == "verb" and m.value.aspect != "imperfect"
        for m in trigger_lexicon().events.matches_at(view.tokens, trigger)
    )


def _quoted_speaker(view: SentenceView, clause: Clause, trigger: int, actor: ActorRef) -> bool:
    """Whether the actor, before the verb, is the subject of a verb that quotes right before it
    in the clause, or the body a spokesman named there speaks for ("qala al-mutahaddith
    bi-ism al-shurta")."""
    c = cues()
    if actor.token_end > trigger or view.tokens[trigger].text.endswith(c.speaker_pronouns):
        return False  # "qala al-jaysh qasafna" (the army said: we shelled): the speaker did it
    at = actor.token_start - 1
    spokesman = c.spokesmen | c.spokesman_of
    while at > clause.start and is_word(view.tokens[at], spokesman):
        at -= 1
    return clause.start <= at and is_word(view.tokens[at], c.quoting_verbs, conjunction_only=True)


def _feminine_after_masculine(view: SentenceView, trigger: int, actor: ActorRef) -> bool:
    """Whether a perfect verb of the masculine singular ("da'a", not "da'at") stands right
    before a feminine body ("al-hukuma", "sulutat"), which then cannot be its subject: a verb
    before its subject agrees with it in gender. People are left alone (names such as "Usama"
    end as feminine nouns do), and so are letters that are also a verbal noun."""
    if actor.token_start != trigger + 1 or actor.method in PERSON_METHODS:
        return False
    c = cues()
    verb, head = view.tokens[trigger].text, view.tokens[actor.token_start].text
    if verb.endswith(c.feminine_verb_ending) or _plural(view, trigger):
        return False
    feminine = head.endswith(folded_ta_marbuta()) or head.endswith(c.feminine_plural_ending)
    return feminine and _perfect_verb(view, trigger) and not _also_a_noun(view, trigger)


SOUND_ROOT = 3  # letters of a form I verb, written as its own verbal noun ("rafada", "rafd")


def _also_a_noun(view: SentenceView, trigger: int) -> bool:
    """Whether the verb's letters are also its verbal noun: a form I verb of three sound
    letters ("rafada", "rafd"), or a noun trigger: then the feminine body after it is as often
    its genitive, the doer ("rafd al-hukuma", the government's refusal)."""
    token = view.tokens[trigger]
    weak = cues().weak_finals
    stems = {token.text, *(a.stem for a in token.analyses if not a.enclitic)}
    if any(len(stem) == SOUND_ROOT and not stem.endswith(weak) for stem in stems):
        return True
    return any(
        m.value.pos == "noun" for m in trigger_lexicon().events.matches_at(view.tokens, trigger)
    )


def _plural(view: SentenceView, trigger: int) -> bool:
    """Whether the verb at ``trigger`` is a perfect in the plural ("hajamu"); the imperfect's
    "-u" ending is as often a misspelt singular ("tad'uw", calls)."""
    return view.tokens[trigger].text.endswith(cues().plural_endings) and _perfect_verb(
        view, trigger
    )


def _after_a_complement(items: Sequence[Governed], trigger: int, actor: ActorRef) -> bool:
    """Whether an actor a preposition governs stands between the verb and ``actor``."""
    return any(
        g.preposition is not None and trigger < g.actor.token_start < actor.token_start
        for g in items
    )


def _oblique_plural_after(view: SentenceView, verb_end: int, actor: ActorRef) -> bool:
    """Whether ``actor`` is an agent noun in the oblique sound plural ("-in") right after the
    verb ending at ``verb_end``: the nominative ("-un") would be its subject. After a count
    ("mi'at al-mutazahirin", hundreds of protesters) it is the count's genitive."""
    start = actor.token_start
    return (
        actor.method == "agent"
        and start == verb_end
        and view.tokens[start].text.endswith(cues().oblique_endings)
        and not counts(view.tokens, start - 1)  # "kharaja alaf al-mutazahirin"
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


class _Doer(NamedTuple):
    actor: list[ActorRef]
    how: str
    passive: bool  # a casualty verb read as a passive
    carried_out: bool  # named after a verb of carrying out, not an agent marker


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
) -> _Doer:
    """The doer an agent marker ("'ala yad") or a verb of carrying out ("nafadhahu") names."""
    marked = passive_agent(view, clause, trigger)
    if marked:
        return _Doer(marked, "the doer named after a passive-agent marker", False, False)
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
        if owner:
            return _Doer(owner, "the owner of the weapon it was done with", True, True)
    if material and (nominal or passive):
        agent = attack_agent(view, clause, trigger, outcome=outcome)
        if agent:
            how = "the doer named with the attack (who carried it out, or its weapon's owner)"
            return _Doer(agent, how, passive, True)
    return _Doer([], "", passive, False)


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
    locus: bool = False,
    exposed: bool = False,
    announced: bool = False,
    agentless: bool = False,
    with_object: bool = False,
    first_person: bool = False,
    raw: str = "",
    trigger_end: int | None = None,
    carrier: int | None = None,
) -> Arguments:
    c = cues()
    clause = clause_of(view.clauses, trigger)
    if clause is None:
        return Arguments((), (), "no clause")
    crowd = event in c.crowd_types
    # a killing or an injury, told by a verb or a verbal noun, may name the attack it came of
    # ... and so may a death one met ("laqu masra'ahum fi darabat shannatha muqatilat
    # al-tahaluf", they died in strikes the coalition's jets launched)
    outcome = casualty or victim_after is not None or agentless or exposed
    if victim_after is not None and _subject_follows(view, clause, victim_after):
        victim_after = None
    victims = (
        _victims(view, clause, victim_after, material=material) if victim_after is not None else []
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
    joint = governed_group(view, clause, c.joint_prepositions)
    actor, how = _verb_subject(
        view,
        clause,
        trigger,
        nominal=nominal,
        agentless=agentless,
        with_object=with_object,
        verb_end=trigger_end or trigger + 1,
        material=material,
        carrier=carrier,
    )
    # "arsala barqiyyat ta'ziya bi-maqtal qa'id" (sent condolences on the killing of a
    # commander): whoever grieves or condemns an attack is not its doer
    reacts = nominal and material and (announced or _reaction_before(view, clause, trigger))
    if reacts:
        # "a'lanat al-shurta maqtal arba'a" (the police announced four killed): whoever
        # announces a killing is not its doer either
        actor, how = [], f"nobody named as the doer: the subject {_REACTS[announced]} it"
    pronoun = _pronoun_subject(
        view, clause, trigger, state, material=material, first_person=first_person
    )
    if pronoun is not None:
        (actor, how), casualty = pronoun, False
    unnamed: list[ActorRef] = []
    if (
        not nominal
        and not first_person
        and trigger_end is not None
        and _unnamed_subject(view, trigger_end, actor, crowd=crowd)
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
        vowelled=not nominal and _vowelled_passive(view, raw, trigger),
    )
    acted_on: list[ActorRef] = []
    if doer.passive and not doer.actor:
        # "qutila sittat ashkhas ... fi 'amaliyya nafadhatha harakat Taliban": the subject of a
        # passive stands by its verb; an actor further on is no subject of it
        near = [a for a in actor if a.token_start < trigger + PASSIVE_SUBJECT_REACH]
        acted_on, actor, how = near, [], "nobody named as the doer of the passive"
    if exposed and not doer.actor:
        # "ta'arradat al-quwwat al-amirkiyya li-hujum" (US forces came under attack): the
        # subject of "was subjected to" is acted on
        acted_on, actor, how = actor, [], "nobody named as the doer: the subject underwent it"
    if doer.actor:
        # "u'tuqila sahafi 'ala yad quwwat al-amn" (a journalist was arrested by the security
        # forces): the marked doer acts; the subject is acted on. But "a'lanat al-shurta
        # maqtal arba'a fi hujum qama bihi mutamarridun" (the police announced four killed in
        # an attack rebels carried out): a noun's subject announces it
        resumed = doer.carried_out and nominal and not exposed
        acted_on = [] if resumed else [a for a in actor if a not in doer.actor]
        actor, how = doer.actor, doer.how
    if not actor and nominal and joint and not third_party:
        actor, joint, how = joint, [], "the parties «between» whom it took place"
    if not actor and material:
        actor, how = _attack_side(
            view, clause, trigger, raw, underwent=exposed or doer.passive or casualty, how=how
        )
    # whoever said that someone was hurt, or underwent an attack, did not do it ("akhbarahu
    # al-atibba' bi-annahu usiba bi-huruq natijat al-infijar": the doctors told him)
    underwent = exposed or doer.passive or first_person
    if not actor and not acted_on and not unnamed and not reacts and not underwent:
        actor, how = actor_above(
            view, clause, state, material=material, agentless=nominal and agentless
        )

    if third_party and joint:
        recipient, rhow = joint, "the parties between whom it mediates"
    else:
        recipient, rhow = _recipient(
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
            befell=material and (doer.passive or outcome or exposed),
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
        _possessed(view, clause, state, actor), _possessed(view, clause, state, recipient), how
    )


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
    *,
    material: bool,
    first_person: bool,
) -> tuple[list[ActorRef], str] | None:
    """The actor when a pronoun is the verb's subject, so that the names after the verb are
    its objects; None when it is not."""
    if first_person:
        # "nutalibu al-hukuma" (we call on the government): "I" or "we", the one quoted, or
        # else the writer
        actor = speaker(view, clause, state)
        return actor, f"the {'speaker' if actor else 'writer'}, who says «I» or «we»"
    if resumes_speaker(view, clause, trigger):
        # "qalat al-shurta innaha i'taqalat thalathat musallahin" (the police said they
        # arrested three gunmen)
        above, _ = actor_above(view, clause, state, material=material)
        if above:
            return above, "the speaker, whom the pronoun on «inna» resumes"
    if resumes_subject(view, clause, trigger):
        above, _ = actor_above(view, clause, state, material=material)
        if above:
            return above, "the subject before «but», whom the pronoun on it resumes"
    return None


_Sides = tuple[list[ActorRef], list[ActorRef], str, str]  # actor, recipient and how found


def _received(
    view: SentenceView, clause: Clause, trigger: int, event: str, found: _Sides
) -> _Sides:
    """A noun act the subject received ("tallaqa al-wazir da'wa min al-hukuma", the minister
    received an invitation from the government) was done by its sender after "min", to the
    subject; talks received stay as ``found``: both sides talk."""
    c = cues()
    lo = max(clause.start, trigger - LIGHT_VERB_REACH)
    if event in c.received_keep or not any(
        is_word(view.tokens[i], c.receive_verbs) for i in range(lo, trigger)
    ):
        return found
    items = [g for g in view.in_clause(clause) if g.actor.token_start > trigger]
    sender = next(
        (first_group(items, i) for i, g in enumerate(items) if g.preposition in c.partitive_of),
        [],
    )
    if not sender:
        return found
    subject_actor = [a for a in found[0] if a not in sender]
    how = "the sender of what the subject received (after «min»)"
    return sender, subject_actor, how, "the subject, who received it"


def _overlap(a: ActorRef, b: ActorRef) -> bool:
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
