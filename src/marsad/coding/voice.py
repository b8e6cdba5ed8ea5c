"""Whether an unvowelled verb is active or passive, read from what stands around it: its
object (an actor, an accusative count or word right after it and its subject), a count before
or after it, and what follows the actor after it (a verb of dying joined by "wa", a
circumstance). Unvocalised Arabic writes "qatala" (killed) and "qutila" (was killed) alike."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.coding.clauses import (
    PERSON_METHODS,
    Clause,
    after_quote,
    has_article,
    has_stem,
    is_verb,
    is_word,
    led_by_wa,
    past_day_told,
)
from marsad.coding.governed import (
    Governed,
    first_group,
    past_name_rest,
    proclitic_preposition,
    word_before_preposition,
)
from marsad.coding.numbers import count_before, number_at, numbers, read_number
from marsad.coding.resources import cues
from marsad.coding.view import PLACE_METHODS, SentenceView
from marsad.places.construct import place_end
from marsad.types import ActorRef, Token

OBJECT_REACH = 2  # tokens between the verb (or its subject) and its object


def direct_object(
    view: SentenceView,
    clause: Clause,
    trigger: int,
    actor: Sequence[ActorRef],
    verb_end: int | None = None,
    *,
    counted: bool = False,
    noun_counted: bool = False,
) -> list[ActorRef]:
    """The next bare actor after the verb (``verb_end``: after the whole trigger, "kharaju
    mutazahirin") and its subject: the UN in "talabat al-hukuma al-yamaniyya al-umam
    al-muttahida" (the Yemeni government asked the United Nations). With ``counted``, the
    actor counted after "min" (of) there instead: the soldiers in "qatala musallahun thalatha
    min al-junud" (gunmen killed three of the soldiers)."""
    taken = {(a.token_start, a.token_end) for a in actor}
    first = verb_end or trigger + 1
    after = max([first, *(a.token_end for a in actor if a.token_start > trigger)])
    after = past_day_told(view.tokens, after, clause.end)
    # "al-malik 'Abd Allah al-thani malik al-Urdun al-ra'is al-misri" (King Abdullah II, King
    # of Jordan, [met] the Egyptian president): the subject named again in apposition is no
    # object, and the object comes after it
    # and so are his titles, the office a deputy's title names with them ("wali wali al-'ahd
    # al-na'ib al-thani li-ra'is majlis al-wuzara' wazir al-difa'")
    named = {a.identifier for a in actor if a.identifier is not None}
    in_clause = view.in_clause(clause)
    for g in in_clause if named else ():
        again = g.actor.identifier in named or deputy_of(view.tokens, clause, g)
        reach = past_name_rest(view.tokens, after, clause.end) + OBJECT_REACH
        if again and after <= g.actor.token_start <= reach:
            after = g.actor.token_end
    # "al-safir al-sa'udi lada Lubnan 'Ali 'Awad 'Asiri ra'is al-hukuma": the envoy's posting
    # belongs to the subject, and the object comes after it and the envoy's name
    name = 0
    for g in in_clause:
        envoy = envoy_of(view, clause, g) if g.actor.token_start > after else None
        if envoy is not None and (envoy < after or _name_between(view, after, envoy)):
            # the subject's posting, not the object's; also after the subject's unknown name:
            # "adana al-safir Muhammad al-Haysami mandub al-Yaman lada al-jami'a al-'arabiyya"
            after, name = g.actor.token_end, ENVOY_NAME_REACH
            break
    for g in in_clause if name else ():
        if g.actor.token_start == after and g.actor.method in PERSON_METHODS:
            after = g.actor.token_end  # the envoy's name, known to the knowledge base
            break
    after = _past_allegiance(view, in_clause, _past_affiliation(view, in_clause, after))
    after = _past_genitive(view, actor, in_clause, after)
    after = _past_setting(view, clause, in_clause, _past_leader(view, in_clause, after))
    # a counted object has a noun of members before it ("thalatha min 'anasir Fath"); a
    # statement the verb was said in may stand between ("da'a al-Asad fi tasrih li-sahifat
    # al-Sharq al-Awsat al-hukuma al-lubnaniyya", called in a statement to a paper on the
    # Lebanese government)
    reach = (OBJECT_REACH + 1 if counted else OBJECT_REACH) + _statement_aside(view.tokens, after)
    reach += name
    items = [
        g
        for g in in_clause
        # a quote mark before the object ("241 «irhabiyyan»") takes no place of its own
        if after <= g.position - int(after_quote(view.tokens, g.position)) <= after + reach
        and (_counted_after(view.tokens, g, noun_counted) if counted else g.preposition is None)
        and not g.owner  # "al-ta'iraat al-tabi'a li-l-tahaluf": the planes' owner, no object
        and not fought_after(view.tokens, clause, g.actor.token_start)
        and (g.actor.token_start, g.actor.token_end) not in taken
        and g.actor.identifier not in named
    ]
    return first_group(items, 0) if items else []


POSTING_REACH = 6  # words from a posting's preposition back to the envoy's title


def posted(view: SentenceView, clause: Clause, item: Governed) -> bool:
    """Whether the actor is where an envoy named before it serves: "safir Khadim al-Haramayn
    lada Kanada" (the ambassador to Canada), "al-mab'uth al-umami al-khass ila al-Yaman". The
    posting belongs to the title; the country after it is no party, nor is the envoy's name
    right after it, which takes its preposition."""
    if envoy_of(view, clause, item) is not None:
        return True
    return any(
        g.actor.token_end == item.actor.token_start
        and g.preposition == item.preposition
        and envoy_of(view, clause, g) is not None
        for g in view.in_clause(clause)
    )


def deputy_of(tokens: Sequence[Token], clause: Clause, item: Governed) -> bool:
    """Whether the actor is the office a deputy named before it serves under, its «li-» the
    title's own: "al-na'ib al-thani li-ra'is majlis al-wuzara'" (second deputy prime minister),
    "al-mustashar al-khass li-ra'is al-jumhuriyya"; at most one modifier between."""
    c = cues()
    if item.preposition not in c.recipient_proclitics:
        return False
    j = item.actor.token_start - 1
    if j > clause.start and is_word(tokens[j], c.deputy_modifiers):
        j -= 1
    return j >= clause.start and has_stem(tokens[j], c.deputy_heads)


NAME_WORDS = (2, 3)  # the fewest and most words of a name the knowledge base does not know


def _name_between(view: SentenceView, start: int, end: int) -> bool:
    """Whether the words from ``start`` to ``end`` may be a name the knowledge base lacks: two
    or three words, none a name it knows, a time, an adverb or a preposition."""
    c = cues()
    tokens = view.tokens
    if not NAME_WORDS[0] <= end - start <= NAME_WORDS[1]:
        return False
    return not any(
        tokens[i].is_punct
        or view.in_a_name(i)
        or is_word(tokens[i], c.verb_adverbs | c.prepositions, conjunction_only=True)
        or proclitic_preposition(tokens[i]) is not None
        for i in range(start, end)
    )


def envoy_of(view: SentenceView, clause: Clause, item: Governed) -> int | None:
    """The envoy's title that the actor is the posting of (``posted``): only names, nisbas, a
    few modifiers ("al-da'im", permanent) and the title's own genitive ("safir al-mamlaka")
    between the title and the preposition."""
    c = cues()
    if item.preposition not in c.posting_prepositions:
        return None
    tokens = view.tokens
    j = word_before_preposition(tokens, clause, item.actor.token_start)
    for _ in range(POSTING_REACH):
        if j < clause.start or tokens[j].is_punct:
            return None
        if has_stem(tokens[j], c.envoy_heads):
            return j
        genitive = j - 1 >= clause.start and has_stem(tokens[j - 1], c.envoy_heads)
        named = view.in_a_name(j)
        if not (genitive or named or is_word(tokens[j], c.envoy_modifiers)):
            return None
        j -= 1
    return None


# the words of an envoy's name after the posting ("Nayif bin Bandar al-Sudayri")
ENVOY_NAME_REACH = 5


def _past_allegiance(view: SentenceView, items: Sequence[Governed], at: int) -> int:
    """Past the side the subject is loyal to, told right after it: "qatalat al-quwwat
    al-muwaliya li-l-hukuma 20 musallahan" (the forces loyal to the government killed 20
    gunmen): the object comes after it."""
    if at >= len(view.tokens) or not has_stem(view.tokens[at], cues().allegiance_words):
        return at
    side = next((g for g in items if g.actor.token_start == at + 1 and g.preposition), None)
    return side.actor.token_end if side else at


def fought_after(tokens: Sequence[Token], clause: Clause, at: int) -> bool:
    """Whether the actor at ``at`` comes right after a word of stopping or fighting
    ("li-l-tasaddi li-tanzim Da'ish", to confront ISIS; "mukafahat al-Huthiyyin"): the one to
    be fought, not whom the event is done to or for."""
    return at > clause.start and is_word(tokens[at - 1], cues().fought_heads)


def _past_affiliation(view: SentenceView, items: Sequence[Governed], at: int) -> int:
    """Past the body the subject is an arm, wing or branch of, told right after it: "khatafat
    Jabhat al-Nusra dhira' tanzim al-Qa'ida fi Suriya khamsat muqatilin" (the Nusra Front,
    al-Qaeda's arm in Syria, kidnapped five fighters): the object comes after it."""
    if at >= len(view.tokens) or not is_word(view.tokens[at], cues().affiliation_nouns):
        return at
    body = next(
        (g for g in items if at < g.actor.token_start <= at + 2 and g.preposition is None), None
    )
    return body.actor.token_end if body else at


def _past_leader(view: SentenceView, items: Sequence[Governed], at: int) -> int:
    """Past the one who heads the subject, told right after it: "wa-zara wafd min harakat
    Hamas bi-ri'asat Khalid Mish'al Musku" (a Hamas delegation headed by Khaled Meshaal
    visited Moscow): the object comes after him."""
    if at >= len(view.tokens) or not is_word(view.tokens[at], cues().headed_by):
        return at
    head = next((i for i, g in enumerate(items) if g.actor.token_start == at + 1), None)
    return first_group(items, head)[-1].token_end if head is not None else at


# cascade methods of a common noun, with the country of the article or not (actors.setting)
CONSTRUCT_HEADS = frozenset({"agent", "title", "agent-setting", "title-setting"})


def _past_genitive(
    view: SentenceView, actor: Sequence[ActorRef], items: Sequence[Governed], at: int
) -> int:
    """Past the genitive of a subject in construct: "adanat niqabat al-sahafiyyin al-yamaniyyin
    qarar ..." (the Yemeni journalists' union condemned the decision): a common noun with no
    article, ending as a noun in construct may, before another actor is its owner, no object."""
    subject = next((a for a in actor if a.token_end == at), None)
    if subject is None or subject.method not in CONSTRUCT_HEADS:
        return at
    last = view.tokens[at - 1]
    if has_article(last) or last.text.endswith(cues().unbound_endings):
        return at
    genitive = next((g for g in items if g.actor.token_start == at and g.preposition is None), None)
    return genitive.actor.token_end if genitive is not None else at


def at_venue(tokens: Sequence[Token], clause: Clause, at: int) -> bool:
    """Whether the actor at ``at`` owns the building the act was held in, right before it with
    "bi-" or "fi": "ijtima'an bi-maqarr al-amana al-'amma li-jami'at al-duwal al-'arabiyya" (a
    meeting at the Arab League's general secretariat)."""
    c = cues()
    head = at - 1
    if head < clause.start or not has_stem(tokens[head], c.venue_nouns):
        return False
    if proclitic_preposition(tokens[head], c.venue_nouns) in c.locative_proclitics:
        return True
    return head > clause.start and tokens[head - 1].text in c.place_prepositions


def _past_setting(view: SentenceView, clause: Clause, items: Sequence[Governed], at: int) -> int:
    """Past the time and place the verb was done at, which stand between it (and its
    subject) and its object: "fi Bayrut ams" (in Beirut yesterday), "mu'akhkhiran" (lately)."""
    c = cues()
    tokens = view.tokens
    start, moved = at, True
    while moved:
        moved = False
        while at < clause.end and (
            is_word(tokens[at], c.setting_adverbs, conjunction_only=True)
            or (at > start and tokens[at].text in c.clause_commas)  # "fi Jidda, ams,"
        ):
            at, moved = at + 1, True
        for g in items:
            place = g.actor.method in PLACE_METHODS and g.preposition in c.place_prepositions
            # "bi-maqarr al-safara al-sa'udiyya" (at the Saudi embassy): a venue and its owner
            venue = at < g.actor.token_start <= at + 2 and at_venue(
                tokens, clause, g.actor.token_start
            )
            if (place and at <= g.actor.token_start <= at + 1) or venue:
                at, moved = g.actor.token_end, True
        # a town or region no actor names ("fi Jidda")
        if at + 1 < clause.end and tokens[at].text in c.place_prepositions:
            end = place_end(tokens, at + 1)
            if end is not None and end <= clause.end:
                at, moved = end, True
    return at


ASIDE_REACH = 5  # the words of "fi tasrih li-«al-Sharq al-Awsat»" after the verb or subject


def _statement_aside(tokens: Sequence[Token], at: int) -> int:
    """How many words a statement the verb was said in takes right at ``at`` ("fi tasrih",
    "fi tasrihat sahafiyya li-..."): its words and the paper or channel it was given to,
    which no preposition-free actor names; none when no such phrase stands there."""
    c = cues()
    if at + 1 >= len(tokens) or tokens[at].text not in c.aside_prepositions:
        return 0
    return ASIDE_REACH if has_stem(tokens[at + 1], c.statement_nouns) else 0


def _counted_after(tokens: Sequence[Token], item: Governed, noun_counted: bool) -> bool:
    """Whether the actor stands after "min" that follows a count ("thalatha min", "'adadan
    min"), a noun of members between or not ("thalatha min 'anasir harakat Fath"), or, with
    ``noun_counted``, after a count and the noun it counts ("56 musallahan min harakat
    Taliban": a noun the knowledge base need not know)."""
    c = cues()
    at = item.actor.token_start - 1
    if at > 1 and is_word(tokens[at], c.member_nouns):
        at -= 1
    if at < 1 or tokens[at].text not in c.partitive_of:
        return False
    noun = tokens[at - 1]
    if (
        number_at(tokens, at - 1, at)
        or is_word(noun, c.partitive_heads)
        or is_word(noun, c.counted_members)  # "'unsurayn min Da'ish" (two ISIS members)
    ):
        return True
    return (
        noun_counted
        and at > 1
        and not noun.is_punct
        and not noun.text.isdigit()
        and count_before(tokens, at - 1)
    )


# "maqtal thalathat junud" (the killing of three soldiers): a number may stand between the
# noun and its genitive
VICTIM_REACH = 3
APPROXIMATOR_REACH = 4  # words like "ma la yaqill 'an" (no fewer than) before a count
# "qutila ma la yaqill 'an 12 jundiyyan" (no fewer than 12 soldiers were killed): the
# subject of a passive after its verb, past a hedge and a count
PASSIVE_SUBJECT_REACH = 1 + APPROXIMATOR_REACH + VICTIM_REACH
COUNTED_SUBJECT_REACH = 3  # words from a count opening the clause to the verb after it


def _counted_subject(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """Whether a count opens the clause (after its "inna" or not) a few words before the
    verb: "inna 15 musallahan huthiyyan qutilu fi gara" (15 Houthi gunmen were killed in a
    raid), whether marsad knows the noun counted or not."""
    for start in (clause.start, clause.start + 1):
        if start > clause.start and tokens[clause.start].is_punct:
            break  # "(11 'aman) fa-innahu u'tuqila": an age in brackets, no subject
        found = read_number(tokens, start, trigger, numbers()) if start < trigger else None
        if found is not None and not found.is_year:
            return 0 < trigger - found.end <= COUNTED_SUBJECT_REACH
    return False


def _person_right_after(tokens: Sequence[Token], trigger: int, end: int) -> bool:
    """Whether people named by the dual or one person by sex and age, their count in the word,
    stand right after the verb ("qutila madaniyyan", two civilians were killed; "usibat
    fatat"): what it befell, as a count is."""
    c = cues()
    people = c.dual_people_nouns | c.lone_person_nouns
    return trigger + 1 < end and is_word(tokens[trigger + 1], people)


def reads_passive(
    view: SentenceView, clause: Clause, trigger: int, actor: Sequence[ActorRef]
) -> bool:
    """Whether a casualty verb is a passive: first in its clause before a count ("qutila 12
    shakhsan", 12 people were killed), or after its subject with no object ("khamsat ashkhas
    qutilu", five people were killed); "musallahun qatalu thalatha" (gunmen killed three)
    stays active."""
    tokens = view.tokens
    subject_first = bool(actor) and all(a.token_end <= trigger for a in actor)
    if not subject_first and _counted_subject(tokens, clause, trigger):
        return not _count_after(tokens, trigger + 1, clause.end)
    if not subject_first:
        # "qatalu khamsat ashkhas" (they killed five people): a verb before its subject is
        # singular, so a plural one has a pronoun for subject and the count is its object
        agrees = tokens[trigger].text.endswith(cues().agreeing_endings)
        if agrees:
            return False
        # "qutila khilalaha al-madaniyyun" (the civilians were killed in it): no one unarmed
        # kills in the news; an unarmed actor right after the verb is what it befell
        near = [a for a in actor if trigger < a.token_start <= trigger + PASSIVE_SUBJECT_REACH]
        c = cues()
        harm = is_verb(tokens[trigger], c.harm_verbs)
        # a state named by itself (no sector: "qatalat Isra'il") acts
        unarmed = harm and all(a.sector and a.sector not in c.killing_sectors for a in near)
        unarmed = unarmed and bool(near)
        if harm and near and _befell(tokens, max(a.token_end for a in near), clause.end):
            return True
        if _accusative_count(tokens, trigger + 1, clause.end):
            return False
        if feminine_before_men(tokens, trigger, clause.end):
            return False
        if harm and near and _fallen(tokens, near, clause.end):
            return not direct_object(view, clause, trigger, actor)
        return (
            unarmed
            or _count_after(tokens, trigger + 1, clause.end)
            or _count_past_circumstance(tokens, trigger, clause.end)
            or (harm and _person_right_after(tokens, trigger, clause.end))
        )
    if count_before(tokens, min(a.token_start for a in actor)):
        return not direct_object(view, clause, trigger, actor)
    # "junudan isbaniyyan qutila" (two Spanish soldiers were killed): a transitive verb
    # with nothing after it, no actor and no count, has no object: a passive
    counted_object = _count_after(
        tokens, _past_time_words(tokens, trigger + 1, clause.end), clause.end
    ) or _accusative_count(tokens, trigger + 1, clause.end)
    # "musallahin majhulin ikhtatafu naqib al-sayadila": right after its subject, the verb
    # has an object after it
    next_to_subject = any(
        a.token_start >= clause.start and a.token_end >= trigger - 1 for a in actor
    )
    # "i'taqala al-jaysh 'asharat al-musallahin wa-qatala akharin" (and killed others): the
    # accusative "others" is its object
    at = trigger + 1
    if at < clause.end and is_word(tokens[at], cues().others_objects):
        return False
    # "majhulin khatafu ams al-qunsul" (unknown men kidnapped the consul yesterday): a time
    # word or phrase may stand between the verb and its object
    at = _past_time_words(tokens, at, clause.end)
    # "atlaqat al-quwwat sarukhan ... fa-qatalat al-mudarris" (the forces fired a rocket ...
    # and killed the teacher): far from its subject, a definite noun after it is its object,
    # and so is one a demonstrative points at ("i'taqalat ha'ula' al-sa'ihin")
    bare = bare_noun_at(tokens, at, clause.end)
    definite = bare and (has_article(tokens[at]) or _demonstrative_phrase(tokens, at, clause.end))
    if counted_object or (bare and next_to_subject) or definite:
        return False
    if _object_past_complements(view, clause, trigger):
        return False
    return not direct_object(view, clause, trigger, actor)


def _demonstrative_phrase(tokens: Sequence[Token], at: int, end: int) -> bool:
    """Whether a demonstrative with a noun of the article after it stands at ``at`` ("ha'ula'
    al-sa'ihin", these tourists); alone ("ba'da dhalik", after that) it points at no object."""
    return (
        at + 1 < end and is_word(tokens[at], cues().demonstratives) and has_article(tokens[at + 1])
    )


def _object_past_complements(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether the verb is followed by a preposition and, later in the clause with no
    punctuation before it, by an actor in the oblique plural ("-in") that no preposition
    governs: the object put after the prepositional phrase ("qawat al-ihtilal i'taqalat min
    baldat Bani Na'im ... al-muwatinin", the occupation forces arrested the citizens from the
    town of Bani Naim)."""
    endings = cues().oblique_endings
    for item in view.in_clause(clause):
        start = item.actor.token_start
        if start <= trigger + 1 or item.preposition is not None:
            continue
        if any(view.tokens[i].is_punct for i in range(trigger + 1, start)):
            return False
        return view.tokens[start].text.endswith(endings) and is_word(
            view.tokens[trigger + 1], cues().prepositions
        )
    return False


def _fallen(tokens: Sequence[Token], near: Sequence[ActorRef], end: int) -> bool:
    """Whether the actors right after a verb of harm are soldiers or policemen, unnamed, with
    no article on any of their words and not in the accusative themselves, and no accusative
    word follows them ("qutila jundi ya'mal bi-himayat al-munsha'at", a soldier guarding the
    plants was killed; but "qatala jundiyyan", "qatala jundi filastiniyyan", "qatalat quwwat
    al-shurta"): what it befell, unless an object follows."""
    c = cues()
    ending = c.accusative_ending
    after = max(a.token_end for a in near)
    if after < end and tokens[after].text.endswith(ending):
        return False
    # "qatalat quwwat al-nizam al-'asharat min al-madaniyyin" (the regime's forces killed dozens
    # of civilians): a count after them, past their genitive, is the verb's object
    genitive = after + 1 if after < end and has_article(tokens[after]) else after
    if _count_after(tokens, after, end) or (
        genitive > after and _count_after(tokens, genitive, end)
    ):
        return False
    return all(
        a.sector in c.fallen_sectors
        and not a.identifier
        and not tokens[a.token_start].text.endswith(ending)
        and not any(has_article(t) for t in tokens[a.token_start : a.token_end])
        for a in near
    )


def _accusative_count(tokens: Sequence[Token], at: int, end: int) -> bool:
    """Whether the verb's next word, past adverbs of time, is a count written in the
    accusative ("i'taqalat 'adadan min al-nushata'", arrested a number of activists): the
    verb's object, so the verb is active; a passive's subject is "'adad"."""
    c = cues()
    while at < end and is_word(tokens[at], c.verb_adverbs, conjunction_only=True):
        at += 1
    if at >= end:
        return False
    text = tokens[at].text
    ending = c.accusative_ending
    return text.endswith(ending) and text[: -len(ending)] in c.partitive_heads


def _befell(tokens: Sequence[Token], after: int, end: int) -> bool:
    """Whether the actor ending at ``after``, right after a verb of harm, has no object and
    a verb of dying or wounding joined by "wa", or the circumstance, follows it: "qutila
    junudan amirikiyyan fi hujum" (two American soldiers were killed in an attack), "qutila
    dabit bi-rasas qannas" (an officer was killed by a sniper's bullet). With a count anywhere
    after the circumstance the verb is active: "qatalat Isra'il fi gharatiha ams 20
    filastiniyyan" (Israel killed 20 Palestinians in its raids yesterday)."""
    c = cues()
    at = after
    while at < end and is_word(tokens[at], c.verb_adverbs, conjunction_only=True):
        at += 1
    if at >= end or tokens[at].is_punct:
        return False
    if is_verb(tokens[at], c.harm_or_dying_verbs) and led_by_wa(tokens[at]):
        # "qutila jundi turki wa-usiba akhar" (a Turkish soldier was killed and another
        # wounded), "qutila jundiyyan wa-juriha 12 akharun": a verb of dying or harm joined to
        # it tells the same befalling
        return True
    led = c.recipient_proclitics | c.other_proclitics
    circumstance = is_word(tokens[at], c.other_prepositions | c.cause_nouns) or any(
        led & set(a.proclitics) for a in tokens[at].analyses if a.stem != tokens[at].text
    )
    # a count skipped as a quantity word is one too: "qatalat quwwat al-amn al-'asharat min
    # al-madaniyyin" (the security forces killed dozens of civilians)
    return circumstance and not any(
        number_at(tokens, i, end) or is_word(tokens[i], c.partitive_heads)
        for i in range(after, end)
    )


def bare_noun_at(tokens: Sequence[Token], at: int, end: int) -> bool:
    """Whether a noun with no clitic stands at ``at``, as an object does right after its
    verb; a preposition, an adverb of time, a clause opener or a word led by "wa" or "bi"
    ("qutilu fi", "qutilu ams", "qutila wa-usiba") is no object."""
    if at >= end or tokens[at].is_punct or number_at(tokens, at, end):
        return False
    token = tokens[at]
    c = cues()
    if is_word(token, _not_objects(), enclitic_ok=True):
        return False
    led = c.coordinators | c.recipient_proclitics | c.other_proclitics
    return not any(led & set(a.proclitics) for a in token.analyses)


@cache
def _not_objects() -> frozenset[str]:
    c = cues()
    return (
        c.other_prepositions
        | c.recipient_prepositions
        | c.joint_prepositions
        | c.verb_adverbs
        | c.clause_openers
        | c.complementizers
        | c.cause_nouns
        | c.negation
        | c.approximators
        | c.disjunctions
    )


def feminine_before_men(tokens: Sequence[Token], trigger: int, end: int) -> bool:
    """Whether a feminine verb has a count of a sound masculine plural right after it
    ("i'taqalat khamsat mutazahirin", she arrested five protesters; with a circumstance between
    or not): men would take a
    masculine passive ("u'tuqila"), so the count is the object of a pronoun subject."""
    c = cues()
    if not tokens[trigger].text.endswith(c.feminine_verb_ending):
        return False
    # "qatalat fi al-gharat khamsat musallahin": a circumstance may stand between
    found = read_number(tokens, trigger + 1, end, numbers()) or read_number(
        tokens, past_circumstance(tokens, trigger, end), end, numbers()
    )
    if found is None or found.is_year or found.end >= end:
        return False
    return tokens[found.end].text.endswith(c.sound_plural_endings)


def past_circumstance(tokens: Sequence[Token], trigger: int, end: int) -> int:
    """Where the words after a verb resume past a preposition and its noun, or a preposition
    with a pronoun ("wa-qutila khilal al-hujum 15 musallahan", "wa-qutila fiha 17 jundiyyan"),
    or any preposition and a noun with a pronoun ("wa-i'taqalat 'ala ithriha thamaniyat
    muqatilin", and following it arrested eight fighters): the token right after the verb when
    none stands there."""
    c = cues()
    at = trigger + 1
    if at >= end or tokens[at].is_punct:
        return at
    if any(a.enclitic and a.stem in c.other_prepositions for a in tokens[at].analyses):
        return at + 1  # "fiha", "khilalaha": no noun after it
    if at + 1 >= end or tokens[at + 1].is_punct:
        return at
    if is_word(tokens[at], c.other_prepositions):
        return at + 2
    if is_word(tokens[at], c.prepositions) and _noun_with_pronoun(tokens[at + 1]):
        return at + 2
    return at


def _noun_with_pronoun(token: Token) -> bool:
    """Whether the token reads only as a word with a pronoun suffix ("ithriha", its wake)."""
    split = [a for a in token.analyses if a.stem != token.text]
    return bool(split) and all(a.enclitic for a in split)


def _count_past_circumstance(tokens: Sequence[Token], trigger: int, end: int) -> bool:
    """Whether a masculine verb has a count after a circumstance (``past_circumstance``): 15
    gunmen were killed in the attack. A feminine verb there has a pronoun for subject and the
    count for object ("qatalat fi gharatiha 20 musallahan", see ``feminine_before_men``)."""
    if tokens[trigger].text.endswith(cues().feminine_verb_ending):
        return False
    past = past_circumstance(tokens, trigger, end)
    return past > trigger + 1 and _count_after(tokens, past, end)


def _past_time_words(tokens: Sequence[Token], at: int, end: int) -> int:
    """Where the words from ``at`` resume past adverbs of time ("wa-kanat Hamas i'taqalat
    mu'akhkharan 'asharat min al-nushata'", had lately arrested dozens): a count, listed among
    those adverbs too, stops them."""
    c = cues()
    while (
        at < end and not number_at(tokens, at, end) and not is_word(tokens[at], c.partitive_heads)
    ):
        if is_word(tokens[at], c.verb_adverbs, conjunction_only=True):
            at += 1
            continue
        phrase = c.time_phrases.matches_at(tokens, at, end)
        if not phrase:
            break
        at = phrase[0].end  # "fi al-sabiq" (earlier), "fi waqt sabiq"
    return at


def _count_after(tokens: Sequence[Token], at: int, end: int) -> bool:
    """Whether a count starts at ``at``, after words such as "nahwa" (about) or "akthar min"
    (more than): "qutila akthar min 30 shakhsan" (more than 30 people were killed)."""
    c = cues()
    i, stop = at, min(end, at + APPROXIMATOR_REACH + 1)
    while i < stop:
        if number_at(tokens, i, end) or is_word(tokens[i], c.partitive_heads):
            return True  # "qutila 'adad min al-junud" (a number of soldiers were killed)
        phrase = c.approximator_phrases.matches_at(tokens, i, end)
        if phrase:
            i = phrase[0].end  # "ma la yaqill 'an" (no fewer than), word by word
        elif is_word(tokens[i], c.approximators):
            i += 1
        else:
            return False
    return False
