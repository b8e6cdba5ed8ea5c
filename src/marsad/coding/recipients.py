"""To whom it was done: the recipient of an event from its clause, by a verbal noun's
genitive, the subject of a passive, people counted by the act, a preposition that marks the
recipient, or the verb's object (``find_recipient``), with the places, circumstances, allies and
postings that are no recipient."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from marsad.coding.clauses import COUNTRY, METONYM, Clause, has_article, has_stem, is_verb, is_word
from marsad.coding.doers import (
    after_agent_marker,
    genitive_with_object,
    weapon_at,
)
from marsad.coding.governed import (
    Governed,
    first_group,
    proclitic_preposition,
    word_before_preposition,
)
from marsad.coding.numbers import count_before
from marsad.coding.objects import object_nationality
from marsad.coding.resources import cues
from marsad.coding.view import PLACE_METHODS, SentenceView
from marsad.coding.voice import (
    PASSIVE_SUBJECT_REACH,
    VICTIM_REACH,
    at_venue,
    deputy_of,
    direct_object,
    fought_after,
    posted,
)
from marsad.types import ActorRef, Span, Token


def genitive_victims(
    view: SentenceView, clause: Clause, after: int, *, material: bool
) -> list[ActorRef]:
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


def find_recipient(
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
    material: bool = False,
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
        return people, "people counted by the act: civilians"
    c = cues()
    marks = c.recipient_prepositions | c.recipient_proclitics
    by_type = c.recipient_by_type.get(event, frozenset())
    talks = event in c.meeting_circumstance_types
    own_words = range(trigger, max(verb_end or 0, trigger + 1))

    def elsewhere(item: Governed) -> bool:
        """In the act's place ("bi-l-Qahira", "'ala al-hudud ma'a al-'Iraq"), in a
        circumstance of time ("khilal liqa'ihi ma'a Anan") unless the act is talks held in it,
        whom the doer is loyal to ("milishiyat muwaliya li-Iran") or someone is allied with."""
        start = item.actor.token_start
        return (
            _where(item)
            or (event not in c.border_target_types and _bordering(view.tokens, clause, start))
            or (not talks and _in_circumstance(view.tokens, clause, start, own_words))
            or _doer_loyal_to(view.tokens, clause, start, actor)
            or _allied(view.tokens, clause, start)
            or _issued_by(view.tokens, clause, start)
            or _told_to(view.tokens, start)
            or fought_after(view.tokens, clause, start)
            or posted(view, clause, item)
            or deputy_of(view.tokens, clause, item)
            or any(a.token_start == start for a in actor)  # "li-tayaran al-tahaluf": the doer
            or _doer_placed(item, actor, trigger)
            or (not material and at_venue(view.tokens, clause, start))
        )

    # "naddada bi-l-'udwan al-isra'ili 'ala Lubnan": the preposition after a nation's act is
    # the act's, and the statement aims at the nation
    about = (
        []
        if nominal
        else object_nationality(
            view,
            clause,
            trigger,
            actor,
            event=event,
            verb_end=_past_own(view, verb_end or trigger + 1, actor),
            raw=raw,
        )
    )
    taken = event in c.taken_from_types
    recipient = governed_group(view, clause, marks | by_type, skip=elsewhere, taken_from=taken)
    found = (
        []
        if nominal
        else [
            a for a in direct_object(view, clause, trigger, actor, verb_end) if not _own(a, actor)
        ]
    )
    if recipient and not (about and about[-1].token_end <= recipient[0].token_start):
        # "intaqada Lafrov i'lan Washintun ... li-l-difa' 'an al-muqatilin" (Lavrov criticised
        # Washington's announcement ... to defend the fighters): the object right after the
        # verb comes before a preposition further on
        if found and not unnamed and found[0].token_start < recipient[0].token_start:
            return found, "the verb's object"
        return recipient, "after a preposition that marks the recipient"
    if unnamed:
        return list(unnamed), "the verb's object, after its unnamed subject"
    if nominal:
        return [], ""
    if found:
        return found, "the verb's object"
    # a material act's object may be counted by a noun the knowledge base lacks ("qatalat
    # al-quwwat 56 musallahan min harakat Taliban"); the same words after a verb of saying are
    # its subject ("rafada 32 barlamaniyyan min hizb Siriza")
    found = direct_object(
        view, clause, trigger, actor, verb_end, counted=True, noun_counted=material
    )
    if found:
        return found, "the verb's object, counted after «min»"
    return about, "the nationality of the verb's object" if about else ""


def _own(found: ActorRef, actor: Sequence[ActorRef]) -> bool:
    """Whether ``found`` names, bare, the country of the actor: "akkadat al-kharijiyya
    al-misriyya rafd Misr al-kamil li-l-tadakhkhul" (the Egyptian foreign ministry affirmed
    Egypt's full rejection of the interference): the genitive of a verbal noun read as a verb,
    the one who rejects; no state acts on itself. A former ruler or a rebel may act on his
    country ("Salih huwa alladhi dammara al-Yaman")."""
    return found.sector is None and any(
        a.code == found.code and a.sector in STATE_SECTORS for a in actor if a.code
    )


def _past_own(view: SentenceView, at: int, actor: Sequence[ActorRef]) -> int:
    """Past the actor's own country named bare at ``at``, the genitive of a verbal noun read as
    a verb: "rafd Misr al-kamil li-l-tadakhkhul al-irani" goes on to what is rejected."""
    for item in view.actors:
        if item.actor.token_start == at and item.preposition is None and _own(item.actor, actor):
            return item.actor.token_end
    return at


STATE_SECTORS = frozenset({None, "GOV"})  # the state itself: its country named, or its government


def _counted_people(view: SentenceView, clause: Clause, trigger: int, raw: str) -> list[ActorRef]:
    """ "qutila arba'at ashkhas" (four people were killed), "maqtal 12 madaniyyan": people
    counted next to a killing or an injury are its victims, civilians (CVL) of no country
    named; an unnamed crowd that acts is another matter (it has no sector). Failing those, one
    person named by sex and age right after it ("qutila sabiyy", a boy was killed)."""
    c = cues()
    tokens = view.tokens
    lo = max(clause.start, trigger - PASSIVE_SUBJECT_REACH)
    counted = [
        j
        for j in range(lo, min(clause.end, trigger + PASSIVE_SUBJECT_REACH + 1))
        if (is_word(tokens[j], c.people_nouns) and count_before(tokens, j))
        or is_word(tokens[j], c.dual_people_nouns)
    ]
    found = (counted or _lone_person(tokens, clause, trigger))[:1]
    people: list[ActorRef] = []
    for j in found:
        # "i'taqalat al-shurta shabban filastiniyyan": a nisba right after the noun is their
        # country
        nisba = next(
            (m for m in view.mentions if m.kind == "nisba" and m.code and m.token_start == j + 1),
            None,
        )
        end = nisba.token_end if nisba else j + 1
        span = Span(tokens[j].span.start, tokens[end - 1].span.end)
        people.append(
            ActorRef(
                code=nisba.code if nisba else None,
                sector=CIVILIANS,
                entity_text=raw[span.start : span.end],
                span=span,
                sentence=tokens[j].sentence,
                method="counted-people",
                reason="people counted as the victims: civilians",
                token_start=j,
                token_end=end,
            )
        )
    return people


LONE_PERSON_REACH = 2  # words from the trigger to its victim: "qutila ams sabiyy"


def _lone_person(tokens: Sequence[Token], clause: Clause, trigger: int) -> list[int]:
    """Where one person named by sex and age stands right after a killing or an injury, with
    no article ("qutila sabiyy", a boy was killed; "al-i'tida' 'ala imra'a"), or right after the
    verb of injury before the attack's noun: its victim, told after the verb as the subject of a
    passive is. Further off it is as often the doer told of ("intihariyyatayn, huma imra'a
    wa-fatat", two bombers, a woman and a girl)."""
    c = cues()
    reach = range(trigger + 1, min(clause.end, trigger + 1 + LONE_PERSON_REACH))
    # before a noun of the attack, right after the verb of injury or death it hurt them by:
    # "usibat imra'a bi-jurh fi al-qasf" (a woman was wounded in the shelling)
    hurt = range(max(clause.start + 1, trigger - PASSIVE_SUBJECT_REACH), trigger)
    return [
        j
        for j in (*hurt, *reach)
        if is_word(tokens[j], c.lone_person_nouns)
        and not has_article(tokens[j])
        and (j > trigger or is_verb(tokens[j - 1], c.harm_or_dying_verbs))
    ][:1]


def governed_group(
    view: SentenceView,
    clause: Clause,
    prepositions: frozenset[str],
    *,
    skip: Callable[[Governed], bool] | None = None,
    taken_from: bool = False,
) -> list[ActorRef]:
    """The first actor (with those joined to it) one of ``prepositions`` governs in the clause,
    or with ``taken_from`` one something is taken from ("min saytarat"), past those ``skip``
    rules out."""
    items = view.in_clause(clause)
    ruled_out = False
    for i, item in enumerate(items):
        if ruled_out and item.coordinated:
            continue  # "'ala al-hudud ma'a al-'Iraq wa-Suriya": joined to one ruled out
        marked = item.preposition in prepositions or (taken_from and item.taken_from)
        ruled_out = marked and skip is not None and skip(item)
        if marked and not ruled_out:
            return first_group(items, i)
    return []


def _doer_placed(item: Governed, actor: Sequence[ActorRef], trigger: int) -> bool:
    """Whether the actor is a country with "bi-" (in) written on it right after the doer, both
    before the verb: where the doer is ("wa-kanat al-niyaba al-'amma bi-l-Kuwayt qad wajjahat",
    the public prosecution in Kuwait had charged); after the verb it may be whom the act is
    about ("ashada al-ra'is al-misri bi-l-Sa'udiyya", praised Saudi Arabia)."""
    return (
        item.actor.token_start < trigger
        and item.actor.method == COUNTRY
        and item.preposition in cues().locative_proclitics
        and any(a.token_end == item.actor.token_start for a in actor)
    )


def _where(item: Governed) -> bool:
    """Whether the actor is a capital with "bi-" (in) on it: the place of the act."""
    return item.actor.method == METONYM and item.preposition in cues().locative_proclitics


def _bordering(tokens: Sequence[Token], clause: Clause, at: int) -> bool:
    """Whether the preposition of the actor at ``at`` follows a border or a neighbour:
    "al-manatiq al-hududiyya ma'a Bakistan" (the areas bordering Pakistan) says where,
    Pakistan is no party."""
    noun = word_before_preposition(tokens, clause, at)
    return noun >= clause.start and has_stem(tokens[noun], cues().border_words)


def _told_to(tokens: Sequence[Token], at: int) -> bool:
    """Whether the actor at ``at`` is the paper or channel a statement was given to: "fi
    tasrih li-sahifat al-Hayat" (in a statement to al-Hayat), "li-" written on it."""
    return (
        at > 0
        and proclitic_preposition(tokens[at]) is not None
        and has_stem(tokens[at - 1], cues().statement_nouns)
    )


def _allied(tokens: Sequence[Token], clause: Clause, at: int) -> bool:
    """Whether the preposition of the actor at ``at`` follows a word of alliance: "al-jama'a
    al-mutahalifa ma'a Iran" (the group allied with Iran) names whom someone is allied with,
    not who was struck; and "niyabatan 'an al-amir" (on behalf of the prince) whom the actor
    stands for."""
    c = cues()
    noun = word_before_preposition(tokens, clause, at)
    return noun >= clause.start and has_stem(tokens[noun], c.alliance_words | c.behalf_words)


def _issued_by(tokens: Sequence[Token], clause: Clause, at: int) -> bool:
    """Whether the preposition of the actor at ``at`` follows "sadir" (issued): "fi bayan sadir
    'an wizarat al-kharijiyya" (in a statement issued by the foreign ministry) names who gave
    the statement."""
    noun = word_before_preposition(tokens, clause, at)
    return noun >= clause.start and has_stem(tokens[noun], cues().issued_words)


def _doer_loyal_to(
    tokens: Sequence[Token], clause: Clause, at: int, actor: Sequence[ActorRef]
) -> bool:
    """Whether the preposition of the actor at ``at`` follows a word of allegiance right after
    the event's doer: "hajamat milishiyat muwaliya li-Iran qa'ida" (militias loyal to Iran
    attacked a base) is not aimed at Iran. After the one acted on, the party it is loyal to
    stands for it ("al-quwwat al-muwaliya li-Hadi", Hadi's loyalists)."""
    noun = word_before_preposition(tokens, clause, at)
    return (
        noun >= clause.start
        and has_stem(tokens[noun], cues().allegiance_words)
        and any(a.token_end == noun for a in actor)
    )


def _in_circumstance(tokens: Sequence[Token], clause: Clause, at: int, trigger: range) -> bool:
    """Whether the preposition of the actor at ``at`` follows a noun that a preposition of
    time governs: "khilal liqa'ihi ma'a", "ba'da mushawarat ma'a". Not when that noun is the
    trigger's own: in "ba'da ishtibakat ma'a muqatili Da'ish" the clashes coded are with ISIS."""
    c = cues()
    noun = word_before_preposition(tokens, clause, at)
    return (
        noun not in trigger
        and noun - 1 >= clause.start
        and is_word(tokens[noun - 1], c.circumstance_openers, conjunction_only=True)
    )


CIVILIANS = "CVL"
