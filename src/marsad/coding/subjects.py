"""The subject of a trigger's verb from Arabic clause structure: word order, agreement, the
words around it (for ``marsad.coding.arguments``)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from marsad.coding.clauses import (
    METONYM,
    PERSON_METHODS,
    Clause,
    comma_before_subject,
    feminine_state,
    folded_ta_marbuta,
    has_article,
    is_verb,
    is_word,
    led_by_wa,
)
from marsad.coding.doers import attack_agent, attack_noun_at, attack_noun_before, counts
from marsad.coding.governed import Governed, first_group
from marsad.coding.lexicon import trigger_lexicon
from marsad.coding.numbers import number_at, numbers, read_number
from marsad.coding.resources import cues
from marsad.coding.support import ASSAULT
from marsad.coding.view import SentenceView, subject
from marsad.coding.voice import VICTIM_REACH, feminine_before_men
from marsad.types import ActorRef, Token

OWN_SUBJECT_REACH = 2  # tokens from a verb to the subject named after it
VERB_WIDTH = 3  # tokens a verb of the lexicon spans at most ("atlaqa al-nar")
# common nouns ("musallahun", gunmen), with a country or a group or not
DESCRIBED_METHODS = frozenset({"agent", "agent-country", "agent-group", "agent-setting"})
AGENT_NOUNS = frozenset({"agent", "agent-setting"})  # an agent noun, its country from the article
SOUND_ROOT = 3  # letters of a form I verb, written as its own verbal noun ("rafada", "rafd")


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


def subject_follows(view: SentenceView, clause: Clause, after: int) -> bool:
    """A nominative plural right after the trigger ("khatafa musallahun", gunmen kidnapped)
    makes it a verb and the actor its subject: a verbal noun's genitive is never nominative."""
    endings = cues().nominative_endings
    return any(
        after <= item.actor.token_start <= after + VICTIM_REACH
        and view.tokens[item.actor.token_start].text.endswith(endings)
        for item in view.in_clause(clause)
    )


def _marked_own_subject(
    view: SentenceView, clause: Clause, items: Sequence[Governed], own: Sequence[Governed]
) -> tuple[list[ActorRef], str] | None:
    """The actor right after a verb when its form or a partner after it marks it the subject,
    whatever actor stands earlier in the clause: "* mu'arada amrikiyya ... zara diblumasiyyun
    amrikiyyun Susya" (American diplomats visited Susya: a sound plural in "-un" is nominative),
    "... dughutan qawiyya, wa-iltaqa Obama ma'a zu'ama'" (and Obama met with leaders: the
    partner follows right after it, after "ma'a"; not "da'a hukumat Obama ila bad' mushawarat
    ma'a", called on Obama's government to start consultations with)."""
    actor = own[0].actor
    if _nominative_plural(view.tokens, actor):
        why = "the nominative plural right after the verb: its subject"
    else:
        c = cues()
        at = actor.token_end  # past times and adverbs ("ams", "fi al-Qahira" is no adverb)
        while at < clause.end and is_word(view.tokens[at], c.verb_adverbs, conjunction_only=True):
            at += 1
        if at >= clause.end or not is_word(view.tokens[at], c.partner_prepositions):
            return None
        why = "the subject right after the verb, its partner after «with» right after it"
    return first_group(items, items.index(own[0])), why


def _escorted(view: SentenceView, actor: ActorRef) -> ActorRef | None:
    """The actor right before a verb of escorting or guarding with a pronoun on it that stands
    right before ``actor`` ("turafiquhum", escorting them): the one escorted."""
    at = actor.token_start - 1
    if at < 1 or view.tokens[at].text not in cues().escort_verbs:
        return None
    return next((g.actor for g in view.actors if g.actor.token_end == at), None)


def _nominative_plural(tokens: Sequence[Token], actor: ActorRef) -> bool:
    """Whether the actor's first word is a sound masculine plural in the nominative ("-un"); a
    person's name may end so ("Harun") and be the object."""
    ending = tokens[actor.token_start].text.endswith(cues().nominative_endings)
    return ending and actor.method not in PERSON_METHODS


SUBJECT_BEFORE_WIDTH = 3  # a noun and its adjectives: «al-hay'a al-tibbiyya al-'ulya»


def unnamed_subject_before(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether the clause opens, after "wa" or "lakin" (but) or nothing, with a noun with the
    article and its adjectives right before the verb at ``trigger``: the verb's own subject,
    which marsad does not know ("wa-lakin al-hay'a al-tibbiyya rafadat al-tanfidh", but the
    medical board refused to carry it out), so the clause above lends it no doer. Time words
    ("al-ithnayn", Monday) and relative pronouns ("alladhi") are no subject."""
    tokens = view.tokens
    c = cues()
    words_no_subject = c.verb_adverbs | c.relative_pronouns
    first = trigger
    while (
        first > clause.start
        and trigger - first < SUBJECT_BEFORE_WIDTH
        and has_article(tokens[first - 1])
        and not is_word(tokens[first - 1], words_no_subject, conjunction_only=True)
    ):
        first -= 1
    if first == trigger:
        return False
    opener = first - 1
    return first == clause.start or (
        opener == clause.start
        and is_word(tokens[opener], c.contrast_openers, conjunction_only=True)
    )


def _before_the_verb(
    view: SentenceView,
    clause: Clause,
    items: list[Governed],
    trigger: int,
    found: list[ActorRef],
    *,
    nominal: bool,
) -> tuple[list[ActorRef], str] | None:
    """Another subject than the clause's first actor ``found``, which stands before the verb:
    the ones escorted, the one past the act the clause answers, or the subject a comma
    opens."""
    if not found or found[0].token_end > trigger:
        return None
    answer = _past_the_act_answered(view, clause, items, found[0], trigger, nominal=nominal)
    if answer is not None:
        return answer
    escorted = _escorted(view, found[0])
    if escorted is not None:
        # "majmu'a min al-mustawtinin turafiquhum shurtat al-ihtilal iqtahamat al-masjid" (a
        # group of settlers, the occupation's police escorting them, stormed the mosque): the
        # escort is not the one who acted
        return [escorted], "the ones escorted, before the verb of escorting"
    return None if nominal else _subject_after_comma(view, items, trigger, found[0])


def _past_the_act_answered(
    view: SentenceView,
    clause: Clause,
    items: list[Governed],
    found: ActorRef,
    trigger: int,
    *,
    nominal: bool,
) -> tuple[list[ActorRef], str] | None:
    """The subject of a clause that opens with the act it answers ("wa-fi radd 'ala qasf
    quwwat al-nizam li-mudun Dar'a a'lanat tashkilat al-jaysh al-hurr istihdaf maqarrat
    quwwat al-nizam", in response to the regime forces' shelling of Deraa's towns, the Free
    Army's formations announced targeting the regime forces' headquarters): a party to that
    act is no subject; the next bare actor is, after the verb or, for a noun, before it. None
    when the clause opens otherwise."""
    opening = cues().response_phrases.matches_at(view.tokens, clause.start, trigger)
    if not opening or not opening[0].end <= found.token_start < trigger:
        return None
    since, until = (found.token_end, trigger) if nominal else (trigger, clause.end)
    after = next(
        (
            i
            for i, g in enumerate(items)
            if since < g.actor.token_start < until and g.preposition is None and not g.coordinated
        ),
        None,
    )
    if after is None:
        return [], "nobody named as the doer: the name before it is in the act it answers"
    return first_group(items, after), "the subject past the act it answers"


def _subject_after_comma(
    view: SentenceView, items: list[Governed], trigger: int, found: ActorRef
) -> tuple[list[ActorRef], str] | None:
    """The subject of a new statement a comma past the actor ``found`` opens with a noun
    phrase right before the verb at ``trigger``: the actor it starts with ("intaqada al-Asad
    al-mu'arada, wa-l-ta'irat al-rusiyya qasafat", the Russian jets shelled), or nobody marsad
    knows ("tatalahaq al-azamat 'ala hukm al-ra'is al-Bashir, fa-l-ihtijajat al-sha'biyya ...
    tuhaddiduhu": the protests threaten him; the president is not the verb's subject). Not an
    ordinal that takes up an item told before ("hujumayn, al-awwal istahdafa", two attacks,
    the first targeted); a name inside the phrase leaves it to the other rules."""
    comma = comma_before_subject(view.tokens, trigger, found.token_end)
    if comma is None or is_word(
        view.tokens[comma + 1], cues().item_ordinals, conjunction_only=True
    ):
        return None
    inside = [i for i, g in enumerate(items) if comma < g.actor.token_start < trigger]
    if not inside:
        return [], "nobody named as the doer: the noun after a comma right before it"
    first = items[inside[0]]
    if first.actor.token_start == comma + 1 and first.preposition is None:
        return first_group(items, inside[0]), "the subject after a comma, right before the verb"
    return None


def unnamed_subject(
    view: SentenceView, after: int, actor: Sequence[ActorRef], *, crowd: bool, material: bool
) -> bool:
    """Whether a word that is no actor, no time and no particle stands between the verb
    (ending at ``after``) and the first actor after it: the subject, a name marsad lacks.
    Others or some ("akharun", "al-ba'd") say things: after a verb of saying they are its
    subject. For a crowd's event a count there is the crowd ("tazahara khamsat alaf shakhs", five
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
        if not material and is_word(token, c.indefinite_people, conjunction_only=True):
            return True  # "wa-da'a akharun dawlat al-Imarat" (others called on the UAE)
        if token.is_punct or is_word(token, c.verb_adverbs, conjunction_only=True):
            continue
        if number_at(view.tokens, i, end) or is_word(token, c.partitive_heads):
            if crowd or not is_word(token, c.partitive_heads):
                return crowd
            # "hajama ahad al-duyuf al-ra'is" (one of the guests attacked the president),
            # "tawagghalat 'iddat aliyyat" (several vehicles pushed in): the word that counts,
            # before the actor, is the subject
            continue
        if is_word(token, particles, enclitic_ok=True) or is_word(
            token, c.people_nouns | c.dual_people_nouns
        ):
            # "qutila shakhsan ... bi-rasas musallahin", "qutila madaniyyan fi gharat": people
            # counted, by a number or the dual, no name
            return False
        if material and attack_noun_at(view.tokens, i):
            return False  # "qatalat gharat li-l-tahaluf": the attack did it, no name
        if led_by_wa(token) and is_verb(token, c.harm_or_dying_verbs):
            return False  # "qutila wa-usiba 'adad" (a number were killed and wounded): a verb
        # "bi-shidda" (strongly), "li-l-hukuma": a preposition on the word
        return not any(not clitics.isdisjoint(a.proclitics) for a in token.analyses)
    return False


SUBJECT_OF_CLAUSE = "subject of the clause"


def verb_subject(
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
    if material and not nominal and verb_end < clause.end and attack_noun_at(tokens, verb_end):
        # "qatalat gharat li-tayaran al-tahaluf 'asharat madaniyyin" (a raid of the coalition's
        # aircraft killed ten civilians): the attack that did it names its doer, unless the
        # word is an actor itself ("al-muqatilat", the jets)
        named = any(g.actor.token_start == verb_end for g in view.actors)
        agent = [] if named else attack_agent(view, clause, verb_end, outcome=False)
        if agent:
            return agent, "the doer named with the attack that is the verb's subject"
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
    bare = all(_before_own_subject(tokens[i]) for i in between)
    marked = (
        _marked_own_subject(view, clause, items, own)
        if own and bare and not nominal and not material
        else None
    )
    if marked is not None:
        return marked
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
    before = _before_the_verb(view, clause, items, trigger, found, nominal=nominal)
    if before is not None:
        return before
    if not nominal and material and found and _quoted_speaker(view, clause, trigger, found[0]):
        # "qala al-mutahaddith bi-ism al-shurta qutila thalatha" (the police spokesman said
        # three were killed): a quotation with no "inna"; the speaker did not do it
        return [], "nobody named as the doer: the name before it is the speaker who quotes it"
    if not nominal and found and (plural := _past_a_plural_verb(view, clause, trigger, found[0])):
        # "alqaw khitabat hajamu fiha al-hukuma al-turkiyya" (they gave speeches in which they
        # attacked the Turkish government): a verb before its subject is singular; so too
        # within the trigger's own words ("wa-sallamu al-matlubin", they handed over the wanted)
        # and after a plural verb before the trigger ("iqtahamu maqarr al-majlis al-baladi
        # wa-ahraquhu", they stormed the council's seat and burnt it)
        return plural
    if not nominal and found and _feminine_after_masculine(view, trigger, found[0]):
        # "wa-da'a al-hukuma ila" (and he called on the government to): a masculine verb
        # right before a feminine noun has a pronoun for subject; the noun is its object
        return [], "the subject is the pronoun on the masculine verb: the noun is its object"
    singular = not nominal and not view.tokens[trigger].text.endswith(c.agreeing_endings)
    if singular and found and found[0].token_end <= trigger and _many_before(view, found[0]):
        # "qutila al-'asharat min 'anasir Da'ish wa-u'tuqila sab'a matlubin" (dozens of ISIS
        # members were killed and seven wanted men arrested): the many counted before a verb
        # would take a plural one; a singular verb after them has another subject
        return [], "nobody named as the doer: the many counted before it take no singular verb"
    if not nominal and found and _plural_people_before(view, trigger, found):
        # "wa-li-mukafahat zahirat al-muqatilin al-ajanib, da'a Stok" (to fight the foreign
        # fighters phenomenon, Stock called): men in the plural before a singular perfect
        # would take a plural verb; they are not its subject
        return [], "nobody named as the doer: men in the plural before it take a plural verb"
    after = bool(found) and found[0].token_start > trigger
    if not nominal and after and feminine_before_men(view.tokens, trigger, clause.end):
        # "haythu i'taqalat khamsat mutazahirin" (where she arrested five protesters): men
        # counted right after a feminine verb are its object
        return [], "the subject is the pronoun on the feminine verb: the men counted are its object"
    if not nominal and found and _verbs_in(view, verb_end, found[0].token_start):
        # "wa-dummira bi-l-kamil, wa-qutila 14 jundiyyan" (it was destroyed, and 14 soldiers
        # were killed): an actor after another verb belongs to that verb
        return [], "nobody named as the doer: the actor after it belongs to a later verb"
    attack = _attack_described(view, clause, trigger) if material and not nominal else None
    if attack is not None and found and found[0].token_end <= attack:
        # "afaqa sukkan al-hayy 'ala infijarat dakhma istahdafat sayyarat" (the quarter's
        # residents woke to huge blasts that targeted cars): the verb describes the attack
        # before it, which is its subject; the clause's subject did not do it
        agent = attack_agent(view, clause, attack, outcome=False)
        if agent:
            return agent, "the doer named with the attack the verb describes"
        return [], "nobody named as the doer: the verb describes the attack before it"
    if not nominal and found and _after_what(view, verb_end, found[0].token_start):
        # "yarfud ma qalahu wazir al-kharijiyya" (he rejects what the foreign minister said):
        # the name is the subject of the relative clause "ma" opens
        return [], "the subject is the pronoun on the verb: the name after it is in a 'ma' clause"
    if (
        not nominal
        and found
        and (why := _subject_before(view, items, (trigger, verb_end), found[0], material))
    ):
        # "ulqiya al-qabd 'ala ra'is al-ittihad ... wa-amin sunduq ittihad Amirka" (the head
        # of the federation was arrested): a subject after the verb comes before its
        # complements; a name further on is a genitive. "wa-intaqada 'adad min al-jumhuriyyin
        # idarat al-ra'is Obama" (a number of Republicans criticised the Obama administration):
        # a count right after the verb is its subject, and a name past it its object
        return [], why
    if (
        not nominal
        and found
        and (why := _oblique_object(view, items, verb_end, found[0], material))
    ):
        # "wa-nashada al-mas'ulin" (he appealed to the officials), "wa-tawa''adat bi-mulahaqat
        # al-mas'ulin" (and they vowed to pursue those responsible)
        return [], why
    if nominal and found and _object_of_later_verb(view, clause, trigger, found[0]):
        # "sadama muhajim yunaffidh hujuman intihariyyan ... wa-qatala jundiyyayn" (an attacker
        # carrying out a suicide attack ... killed two soldiers): no subject of the attack
        return [], "nobody named as the doer: the actor after a later verb is its object"
    if material and found and _city_of_attack(view, nominal, verb_end, found[0]):
        # "tafjirat Madrid" (the Madrid bombings): a capital right after the attack is where
        # it struck, not the government that did it
        return [], "nobody named as the doer: the city after the attack is where it struck"
    return found, SUBJECT_OF_CLAUSE


def _city_of_attack(view: SentenceView, nominal: bool, noun_end: int, actor: ActorRef) -> bool:
    """Whether ``actor`` is a capital standing for its government right after the attack
    noun that is the trigger, or after another one ("maqtal ... fi tafjirat Madrid")."""
    at = actor.token_start
    if actor.method != METONYM:
        return False
    if nominal and at == noun_end:
        return True
    return any(
        m.end == at and m.value.pos == "noun" and m.value.event == ASSAULT
        for i in range(max(0, at - ATTACK_NOUN_WORDS), at)
        for m in trigger_lexicon().events.matches_at(view.tokens, i, at)
    )


ATTACK_NOUN_WORDS = 2  # words of the longest attack noun ("'amaliyya intihariyya")


def _carrier_subject(
    view: SentenceView, items: list[Governed], carrier: int | None, trigger: int
) -> list[ActorRef]:
    """The bare actor right after the light verb at ``carrier`` and before the noun it carries,
    time words between or not."""
    if carrier is None:
        return []
    for i, item in enumerate(items):
        start = item.actor.token_start
        if item.preposition is None and carrier < start < trigger:
            between = range(carrier + 1, start)
            if start - carrier <= OWN_SUBJECT_REACH and all(
                _before_own_subject(view.tokens[j]) for j in between
            ):
                return first_group(items, i)
            return []
    return []


def _before_own_subject(token: Token) -> bool:
    """Whether the word may stand between a verb and the subject named right after it: a
    time word or title (``verb_adverbs``), or a preposition with a pronoun on it ("wajjahat
    lahum wizarat al-'adl ittihamat", the justice ministry charged them)."""
    c = cues()
    return is_word(token, c.verb_adverbs, conjunction_only=True) or is_word(
        token, c.pronoun_prepositions, conjunction_only=True
    )


def _verbs_in(view: SentenceView, start: int, end: int) -> list[int]:
    """Where the verbs of the lexicon that lie within ``start:end`` end."""
    events = trigger_lexicon().events
    return [
        m.end
        for i in range(start, end)
        for m in events.matches_at(view.tokens, i, end)
        if m.value.pos == "verb"
    ]


def _attack_described(view: SentenceView, clause: Clause, trigger: int) -> int | None:
    """Where the attack or blast noun the verb at ``trigger`` describes stands, when no
    actor starts between them ("ghara amirkiyya" is an actor: its adjective names the doer)."""
    at = attack_noun_before(view.tokens, clause.start, trigger)
    if at is None or any(at <= g.actor.token_start < trigger for g in view.actors):
        return None
    return at


def _after_what(view: SentenceView, start: int, end: int) -> bool:
    """Whether "ma" (what), or a form of it with a preposition, stands within ``start:end``
    with a word after it that is no negation ("ma la yaqill 'an", no fewer than)."""
    c = cues()
    tokens = view.tokens
    return any(
        is_word(tokens[i], c.what_relatives, conjunction_only=True)
        and i + 1 < end
        and not is_word(tokens[i + 1], c.negation)
        for i in range(start, end)
    )


def _object_of_later_verb(
    view: SentenceView, clause: Clause, trigger: int, actor: ActorRef
) -> bool:
    """Whether ``actor``, after the noun ``trigger``, is in the oblique plural or dual ("-in")
    right after a verb of the lexicon that comes after the noun, or after the count that
    follows that verb ("li-yaqtul khamsat 'askariyyin", to kill five soldiers): its object."""
    start = actor.token_start
    if start <= trigger + 1 or not view.tokens[start].text.endswith(cues().oblique_endings):
        return False
    lo = max(trigger + 1, start - VERB_WIDTH - COUNT_WIDTH)
    for end in _verbs_in(view, lo, start):
        if end == start:
            return True
        count = read_number(view.tokens, end, start, numbers())
        if count is not None and count.end == start and not count.is_year:
            return True
    return False


JOINED_FORM_LETTERS = 4  # the first letters of a form-VII/VIII/X perfect a passive's vowel marks
COUNT_WIDTH = 2  # words of a count between a verb and its object ("khamsat", "thalathat alaf")


def vowelled_passive(view: SentenceView, raw: str, trigger: int) -> bool:
    """Whether the writer marked a perfect verb as a passive with the vowel on its first
    letter ("fa-qutila dabit", and an officer was killed; "ughtila", was assassinated), or on
    one of the first four of a form that opens with a joining alif ("wa-uttuhima", "u'tuqila",
    "ustuhdifa": the vowel is mostly written on the letter after the alif's)."""
    token = view.tokens[trigger]
    written = raw[token.span.start : token.span.end]
    c = cues()
    vowel = c.passive_vowel
    if vowel not in written or not _perfect_verb(view, trigger):
        return False
    letters = [i for i, ch in enumerate(written) if not unicodedata.combining(ch)]
    for analysis in token.analyses:
        first = len("".join(analysis.proclitics))  # the stem's first letter, after the clitics
        if first >= len(letters):
            continue
        joined = written[letters[first]] == c.joining_alif
        marked = letters[first : first + (JOINED_FORM_LETTERS if joined else 1)]
        if any(written[at + 1 : at + 2] == vowel for at in marked):
            return True
    return False


def _perfect_verb(view: SentenceView, trigger: int, *, one_word: bool = False) -> bool:
    """Whether a perfect verb of the lexicon starts at ``trigger`` (``one_word``: the verb is
    that word alone, no phrase listed as a verb such as "ihtijajan 'ala")."""
    return any(
        m.value.pos == "verb"
        and m.value.aspect != "imperfect"
        and (not one_word or m.end == trigger + 1)
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
    before its subject agrees with it in gender; so does a country or a capital named by its
    name ("lakinnahu da'a Iran ila", but he called on Iran to). People are left alone (names
    such as "Usama" end as feminine nouns do), and so are letters that are also a verbal
    noun."""
    if actor.token_start != trigger + 1 or actor.method in PERSON_METHODS:
        return False
    c = cues()
    verb, head = view.tokens[trigger].text, view.tokens[actor.token_start].text
    if verb.endswith(c.feminine_verb_ending) or _plural(view, trigger):
        return False
    feminine = head.endswith((folded_ta_marbuta(), c.feminine_plural_ending))
    feminine = feminine or feminine_state(actor)
    masculine = _perfect_verb(view, trigger) or _masculine_imperfect(view, trigger)
    return feminine and masculine and not _also_a_noun(view, trigger)


def _masculine_imperfect(view: SentenceView, trigger: int) -> bool:
    """Whether an imperfect verb of the lexicon in the third person masculine ("yutalib", with
    "wa-" or not) starts at ``trigger``."""
    c = cues()
    token = view.tokens[trigger]
    masculine = any(
        a.stem.startswith(c.masculine_imperfect_prefix) and set(a.proclitics) <= c.coordinators
        for a in token.analyses
    )
    return masculine and any(
        m.value.pos == "verb" and m.value.aspect == "imperfect"
        for m in trigger_lexicon().events.matches_at(view.tokens, trigger)
    )


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


def _plural_people_before(view: SentenceView, trigger: int, found: Sequence[ActorRef]) -> bool:
    """Whether every actor found, before the one-word perfect verb at ``trigger`` that is not
    plural, is a common noun in the sound masculine plural ("al-muqatilun", "al-muqatilin"):
    a verb after its human plural subject agrees with it ("al-muqatilun da'aw")."""
    c = cues()
    tokens = view.tokens
    verb = tokens[trigger]
    # "wa-ttahamuha" (and they accused her): the plural's alif drops before a pronoun
    plural = verb.text.endswith(c.plural_endings) or any(
        a.enclitic and a.stem.endswith(c.plural_endings_before_pronoun) for a in verb.analyses
    )
    if plural or not _perfect_verb(view, trigger, one_word=True):
        return False  # a phrase listed as a verb ("ihtijajan 'ala") agrees with no one
    last = max(a.token_end for a in found)
    if any(last <= g.actor.token_start < trigger for g in view.actors):
        return False  # "al-muqatilun ... wa-wahdat min al-jaysh saytarat": a nearer conjunct
    return all(
        a.token_end <= trigger
        and a.method in DESCRIBED_METHODS
        and tokens[a.token_start].text.endswith(c.sound_plural_endings)
        for a in found
    )


def _many_before(view: SentenceView, actor: ActorRef) -> bool:
    """Whether ``actor`` is counted after "min" (of) by a plural count: a number of three or
    more, or "'asharat", "mi'at", "alaf" (dozens, hundreds, thousands), a member noun between
    or not ("al-'asharat min 'anasir Da'ish")."""
    c = cues()
    tokens = view.tokens
    at = actor.token_start - 1
    if at > 0 and is_word(tokens[at], c.member_nouns):
        at -= 1
    if at < 1 or tokens[at].text not in c.partitive_of:
        return False
    if is_word(tokens[at - 1], c.plural_counts):
        return True
    found = read_number(tokens, max(0, at - 3), at, numbers())
    return found is not None and found.end == at and not found.is_year and found.value >= 3


def _plural(view: SentenceView, trigger: int) -> bool:
    """Whether the verb at ``trigger`` is a perfect in the plural ("hajamu"); the imperfect's
    "-u" ending is as often a misspelt singular ("tad'uw", calls)."""
    return view.tokens[trigger].text.endswith(cues().plural_endings) and _perfect_verb(
        view, trigger
    )


PLURAL_OBJECT_REACH = 2  # words from a plural verb to the name of its object (a head between)


def _past_a_plural_verb(
    view: SentenceView, clause: Clause, trigger: int, actor: ActorRef
) -> tuple[list[ActorRef], str] | None:
    """The doer, and why, when ``actor`` comes after the trigger, a perfect verb in the plural,
    or before it but right after another such verb earlier in the clause, a noun in construct
    between or not: that verb's object either way. The doer is then the pronoun on the verb,
    or the subject named before the earlier verb ("'adad min al-ahali iqtahamu ...
    wa-ahraquhu": the people did both)."""
    if actor.token_start > trigger:
        return ([], OBJECT_OF_PLURAL) if _plural(view, trigger) else None
    if actor.token_end > trigger:
        return None
    for at in range(
        actor.token_start - 1,
        max(clause.start, actor.token_start - 1 - PLURAL_OBJECT_REACH) - 1,
        -1,
    ):
        if view.tokens[at].is_punct:
            return None
        if _plural(view, at):
            items = view.in_clause(clause)
            # a count's "min" governs no subject: "'adad min al-ahali"
            before = [
                i
                for i, g in enumerate(items)
                if g.actor.token_end <= at
                and (g.preposition is None or counts(view.tokens, g.actor.token_start - 2))
            ]
            if before:
                return first_group(items, before[0]), "the subject of the plural verb before it"
            return [], OBJECT_OF_PLURAL
    return None


OBJECT_OF_PLURAL = "the subject is the pronoun on the plural verb: the name after it is its object"


def _subject_before(
    view: SentenceView,
    items: Sequence[Governed],
    verb: tuple[int, int],
    actor: ActorRef,
    material: bool,
) -> str | None:
    """Why ``actor``, after the verb (its first token and its end), is not its subject, if it
    is not: a complement stands between, or, for a verbal act, a count («'adad», «ba'd»,
    «al-kathir») right after the verb counts another subject, the actor past the count's own
    noun (two words on: "'adad min al-jumhuriyyin"). After a material act a count is as often
    its object or its passive subject, and the voice decides (``reads_passive``)."""
    trigger, verb_end = verb
    if _after_a_complement(items, trigger, actor):
        return "nobody named as the doer: the verb's complement comes first"
    counted = not material and counts(view.tokens, verb_end)
    if counted and actor.token_start > verb_end + COUNTED_NOUN_REACH:
        return "nobody named as the doer: a count right after the verb is its subject"
    return None


COUNTED_NOUN_REACH = 2  # words from a count to its noun: "'adad min al-jumhuriyyin"


def _after_a_complement(items: Sequence[Governed], trigger: int, actor: ActorRef) -> bool:
    """Whether an actor a preposition governs stands between the verb and ``actor``."""
    return any(
        g.preposition is not None and trigger < g.actor.token_start < actor.token_start
        for g in items
    )


def _oblique_object(
    view: SentenceView,
    items: Sequence[Governed],
    verb_end: int,
    actor: ActorRef,
    material: bool,
) -> str | None:
    """Why ``actor``, after the verb, is no subject for its oblique plural ending, if so: right
    after the verb it is the object (``oblique_plural_after``); further on, for a verbal act, an
    agent noun in "-in" no count or "'adad min" counts is a genitive or an object too, never the
    subject, which would be nominative ("-un")."""
    if oblique_plural_after(view, verb_end, actor):
        return "the subject is the pronoun on the verb: the plural after it is its object"
    start = actor.token_start
    further = (
        not material
        and start > verb_end
        and actor.method in AGENT_NOUNS
        and view.tokens[start].text.endswith(cues().oblique_endings)
        and not counts(view.tokens, start - 1)
        and not any(g.actor is actor and g.partitive for g in items)
    )
    return (
        "the subject is the pronoun on the verb: the plural after it is no nominative"
        if further
        else None
    )


def oblique_plural_after(view: SentenceView, verb_end: int, actor: ActorRef) -> bool:
    """Whether ``actor`` is an agent noun in the oblique sound plural ("-in") right after the
    verb ending at ``verb_end``, or any actor in the oblique of a plural of belonging
    ("al-Huthiyyin"): the nominative ("-un") would be its subject. After a count ("mi'at
    al-mutazahirin", hundreds of protesters) it is the count's genitive."""
    start = actor.token_start
    c = cues()
    text = view.tokens[start].text
    endings = c.oblique_endings if actor.method in AGENT_NOUNS else c.nisba_oblique_endings
    return (
        start == verb_end
        and text.endswith(endings)
        and not counts(view.tokens, start - 1)  # "kharaja alaf al-mutazahirin"
    )
