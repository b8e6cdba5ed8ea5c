"""One event, one record: the same event told twice in an article keeps both evidence spans."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import ClassVar

from marsad.coding.clauses import definite_article, has_article, has_stem, is_word
from marsad.coding.doers import LONE_ATTACKER
from marsad.coding.resources import cues
from marsad.kb.model import UNKNOWN_SECTOR
from marsad.ontology import event_types
from marsad.places.gazetteer import place_words
from marsad.types import ARTICLE_DATE, ActorRef, Document, EventRecord, Evidence, Token

AGAIN = " | told again: "

#: Sectors that are a party apart from their country's state: those who fight it ("the PKK
#: attacked soldiers" and "Turkey struck the PKK" are two events with Turkish parties) and its
#: civilians (settlers storming a mosque and the army arresting villagers are two events).
APART_FROM_THE_STATE = frozenset({"REB", "UAF", "CRM", "CVL"})


def _party(actor: ActorRef) -> str | None:
    if actor.code and actor.sector in APART_FROM_THE_STATE:
        return f"{actor.code}/{actor.sector}"
    return actor.code or actor.identifier


def _parties(event: EventRecord) -> tuple[dict[str, set[str]], frozenset[str]]:
    """Country (or organisation) code of each party, with the people known behind it; rebels
    and the like are a party of their own beside their state. Then the sectors of the parties
    nobody names ("gunmen", "the police"): an unknown doer has none, nor has a suicide bomber
    nobody names, who may be the doer of any telling with an unknown one."""
    parties: dict[str, set[str]] = {}
    unnamed: set[str] = set()
    for actor in (*event.actor, *event.recipient):
        key = _party(actor)
        if key is None:
            anonymous = actor.method == LONE_ATTACKER
            if actor.sector and actor.sector != UNKNOWN_SECTOR and not anonymous:
                unnamed.add(actor.sector)
            continue
        people = parties.setdefault(key, set())
        if actor.identifier and actor.code:
            people.add(actor.identifier)
    return parties, frozenset(unnamed)


def _same_parties(a: EventRecord, b: EventRecord, fights: frozenset[str]) -> bool:
    """The same countries on whichever side, and no country represented by different people
    (Putin's call and Lavrov's meeting with Azerbaijan the same day are two events). Of the
    parties nobody names, one telling's sectors hold the other's: "gunmen attacked soldiers"
    and "the attack killed three soldiers" are one event; the police shooting protesters and
    gunmen attacking the army are two."""
    (pa, ua), (pb, ub) = _parties(a), _parties(b)
    if pa.keys() != pb.keys() or not (ua <= ub or ub <= ua) or _sides_swapped(a, b, fights):
        return False
    return all(not (pa[k] and pb[k]) or bool(pa[k] & pb[k]) for k in pa)


VERBAL_CONFLICT = 3  # PLOVER quad class of accusations and threats; 4 is material conflict


def _sides(event: EventRecord) -> tuple[set[str], set[str]]:
    """The parties only on the doing side, and those only on the receiving side."""
    doers = {p for p in map(_party, event.actor) if p is not None}
    receivers = {p for p in map(_party, event.recipient) if p is not None}
    return doers - receivers, receivers - doers


def _sides_swapped(a: EventRecord, b: EventRecord, fights: frozenset[str]) -> bool:
    """Whether, for an act of conflict, a party only does it in one telling and only undergoes
    it in the other: ISIS executing a preacher and ISIS gunmen killed in a suicide attack,
    Israel striking Gaza and Palestinians firing rockets at Israel, are two events. Parties
    that fight each other (``fights``: the ids of tellings by a noun of fighting, "clashes
    between the army and the rebels") may be told as one attacking the other; allies who
    attack together ("the Houthi militias and Saleh shelled") may not."""
    if event_types()[a.event].quad < VERBAL_CONFLICT:
        return False  # talks, deals and help are told from either side
    (doers_a, receivers_a), (doers_b, receivers_b) = _sides(a), _sides(b)
    if (len(doers_a) > 1 and a.id in fights) or (len(doers_b) > 1 and b.id in fights):
        return False
    return bool(doers_a & receivers_b) or bool(doers_b & receivers_a)


def same_event(
    a: EventRecord,
    b: EventRecord,
    headed: frozenset[str] = frozenset(),
    fights: frozenset[str] = frozenset(),
) -> bool:
    """Same type, modes that do not clash, places in the same region when both are placed; and
    the same toll counted, or the same parties on whichever side on the same date (a headline
    dated by the article counts as the day its story names)."""
    if a.event != b.event or _apart(a, b, headed):
        return False
    if _counted_alike(a, b) and _parties_within(a, b):
        # "maqtal 9 ashkhas wa-isabat 12" then "tis' juthath ... wa-12 jarihan" (nine bodies
        # and twelve wounded): the same toll tells the same event, though one telling names
        # fewer parties, no day of its own or another side of it ("qutila 14 jundiyyan fi ghara
        # amirkiyya" then "wa-dummira al-hajiz bi-l-kamil, wa-qutila 14 jundiyyan")
        return True
    if _modes_clash(a, b) or not _same_parties(a, b, fights) or _counted_apart(a, b):
        return False
    return (a.date.value if a.date else None) == (b.date.value if b.date else None) or (
        _headline_of(a, b) or _headline_of(b, a)
    )


# a mode and the narrower one the same act may be told by: a suicide bombing is told as a
# bombing too ("al-tafjir")
NARROWER_MODE = {"explosives": "suicide-attack"}


def _modes_clash(a: EventRecord, b: EventRecord) -> bool:
    """Whether both tellings give a mode, different and neither the other's narrower one."""
    if not (a.mode and b.mode) or a.mode == b.mode:
        return False
    return NARROWER_MODE.get(a.mode) != b.mode and NARROWER_MODE.get(b.mode) != a.mode


HEADLINE = 0  # the sentence of an article's headline or lead
RECENT_DAYS = 3  # "ams", "awwal ams", a weekday past: the days a headline need not name
WAR_REPORT_TYPES = frozenset({"ASSAULT", "COERCE"})  # told clash by clash, raid by raid


def _headline_of(head: EventRecord, told: EventRecord) -> bool:
    """Whether ``head`` is a telling dated only by the article of the event ``told`` dates in
    the days before it: the headline's, which names no day ("al-jaysh al-burundi yaqtul 31
    musallahan") where the story does ("qatala al-jaysh ams 31 musallahan"), or a later one of a
    statement, a sanction or talks ("faradat wizarat al-khazana al-amirikiyya ams 'uqubat" then
    "wa-a'lanat al-Wilayat al-Muttahida fard 'uqubat"). A later telling of fighting with no day
    of its own is as often the next clash of a war report."""
    hd, td = head.date, told.date
    if hd is None or td is None:
        return False
    if head.evidence[0].sentence != HEADLINE and head.event in WAR_REPORT_TYPES:
        return False
    if hd.method != ARTICLE_DATE or hd.precision != "day" or td.precision != "day":
        return False
    days = (date.fromisoformat(hd.value) - date.fromisoformat(td.value)).days
    return 0 <= days <= RECENT_DAYS


def _counted_alike(a: EventRecord, b: EventRecord) -> bool:
    """Whether both tellings count the same dead, injured or arrested, at least ``TOLL_MIN``,
    and no count of one differs from the other's."""
    sa, sb = a.size, b.size
    if sa is None or sb is None:
        return False
    pairs = ((sa.dead, sb.dead), (sa.injured, sb.injured), (sa.arrested, sb.arrested))
    both = [(x, y) for x, y in pairs if x is not None and y is not None]
    return bool(both) and all(x == y for x, y in both) and any(x >= TOLL_MIN for x, _ in both)


TOLL_MIN = 2  # one dead is too common a toll to tell one incident from another


def _parties_within(a: EventRecord, b: EventRecord) -> bool:
    """Whether the named parties of one telling are among the other's."""
    pa, pb = _parties(a)[0].keys(), _parties(b)[0].keys()
    return pa <= pb or pb <= pa


def _counted_apart(a: EventRecord, b: EventRecord) -> bool:
    """Whether both tellings count the dead, or both the injured, and the counts differ: a
    digest's incidents ("qutila 'iraqi ... wa-qabla dhalika qutila sab'a 'iraqiyyin", an Iraqi
    was killed ... before that seven Iraqis were killed) are as many events, whoever did them."""
    sa, sb = a.size, b.size
    if sa is None or sb is None:
        return False
    dead = sa.dead is not None and sb.dead is not None and sa.dead != sb.dead
    return dead or (sa.injured is not None and sb.injured is not None and sa.injured != sb.injured)


def _apart(a: EventRecord, b: EventRecord, headed: frozenset[str] = frozenset()) -> bool:
    """Whether the two tellings are placed in different countries or first-level regions: an
    attack in Rajouri and one in Kathua are two events, whoever did them. A place someone
    headed for (``headed``: the ids of events placed so) tells nothing apart."""
    pa, pb = a.place, b.place
    if pa is None or pb is None or a.id in headed or b.id in headed:
        return False
    if pa.country_code and pb.country_code and pa.country_code != pb.country_code:
        return True
    return bool(pa.admin1 and pb.admin1 and pa.admin1 != pb.admin1)


def _vague(event: EventRecord) -> bool:
    """Whether the record names no party at all: an attack whose doer and target are unknown."""
    parties, unnamed = _parties(event)
    return not parties and not unnamed


def _doerless(event: EventRecord) -> bool:
    return all(not a.code and a.sector in (None, UNKNOWN_SECTOR) for a in event.actor)


def _doer_for(kept: EventRecord, again: EventRecord) -> bool:
    """Whether ``again`` names the doer ``kept`` lacks, of victims of the sectors it names."""
    if not _doerless(kept) or _doerless(again) or not kept.recipient:
        return False
    return {r.sector for r in kept.recipient} <= {r.sector for r in again.recipient}


def _combine(kept: EventRecord, again: EventRecord) -> EventRecord:
    mode = kept.mode or again.mode
    if mode and again.mode and NARROWER_MODE.get(mode) == again.mode:
        mode = again.mode  # the bombing told first, its suicide after
    etype = event_types()[kept.event]
    # "shahidat al-madina infijarat ... wa-atlaqat al-shurta al-nar 'ala al-mutazahirin" (the
    # city saw explosions ... the police fired on the protesters): a first telling that names
    # nobody takes the parties of the retelling that does, and later ones compare with those
    sides = again if _vague(kept) and not _vague(again) else kept
    # "qutila jundiyyan" (two soldiers were killed, by nobody named) told again as "rebels fired
    # on the soldiers": a doer the first telling lacks comes from the one that names the same
    # sort of victims
    actor = again.actor if sides is kept and _doer_for(kept, again) else sides.actor
    # a first telling dated only by the article takes the day a retelling names ("ams")
    undated = kept.date is None or kept.date.method == ARTICLE_DATE
    return replace(
        kept,
        date=again.date if undated and again.date is not None else kept.date,
        actor=actor,
        recipient=sides.recipient,
        mode=mode,
        cameo=etype.cameo_for(mode) if mode != kept.mode else kept.cameo,
        event_scale=etype.score(mode),
        evidence=kept.evidence + again.evidence,
        # the second telling's reason is kept; later ones add only evidence (a record told
        # thousands of times must not grow a reason of megabytes)
        reason=kept.reason if AGAIN in kept.reason else f"{kept.reason}{AGAIN}{again.reason}",
    )


def merge_events(
    events: tuple[EventRecord, ...],
    headed: frozenset[str] = frozenset(),
    anaphoric: frozenset[str] = frozenset(),
    others: frozenset[str] = frozenset(),
    fights: frozenset[str] = frozenset(),
) -> tuple[EventRecord, ...]:
    merged: list[EventRecord] = []
    for event in events:
        if event.id in others:
            merged.append(event)  # "hujum akhar" (another attack): told as a new one
            continue
        at = _antecedent(merged, event, headed) if event.id in anaphoric else None
        if at is None:
            at = next(
                (i for i, kept in enumerate(merged) if same_event(kept, event, headed, fights)),
                None,
            )
        if at is None:
            merged.append(event)
        else:
            merged[at] = _combine(merged[at], event)
    return tuple(merged)


def _antecedent(
    merged: Sequence[EventRecord], event: EventRecord, headed: frozenset[str]
) -> int | None:
    """The event a retelling by a definite noun that names nobody ("wa-asfara al-hujum 'an",
    and the attack caused) tells again: the nearest before it of its type, its mode not
    clashing, in the same place and on the same day — or on any, when the retelling's day is
    only the article's."""
    for i in range(len(merged) - 1, -1, -1):
        kept = merged[i]
        if kept.event != event.event:
            continue
        clash = _modes_clash(kept, event)
        told = event.date
        other_day = (
            told is not None
            and told.method != ARTICLE_DATE
            and (kept.date.value if kept.date else None) != told.value
        )
        return None if clash or other_day or _apart(kept, event, headed) else i
    return None


class MergeStage:
    name: ClassVar[str] = "merge"
    requires: ClassVar[frozenset[str]] = frozenset({"events", "dates"})
    produces: ClassVar[frozenset[str]] = frozenset({"merged"})

    def __call__(self, doc: Document) -> Document:
        if len(doc.events) < 2:  # nothing to merge: most sentences of an archive
            return doc.with_layer("merged", events=doc.events)
        starts = [t.span.start for t in doc.tokens]  # token index by raw offset
        return doc.with_layer(
            "merged",
            events=merge_events(
                doc.events,
                _headed_for(doc, starts),
                _anaphoric(doc, starts),
                _another(doc, starts),
                _fights(doc, starts),
            ),
        )


def _anaphoric(doc: Document, starts: Sequence[int]) -> frozenset[str]:
    """The ids of the events told again: told only by definite nouns and naming nobody
    ("al-hujum", "al-tafjir"), or first by a noun of one incident with the article or a pronoun
    (``retold_nouns``: "wa-asfara al-hujum 'an tadmir 'ashr 'arabat li-l-jaysh", and the attack
    destroyed ten army vehicles; "'indama shanna al-amirikiyyun hujumahum", when the Americans
    launched their attack), whatever parties they name."""
    if not doc.tokens:
        return frozenset()  # events given without their text: nothing to read
    retold = cues().retold_nouns
    found = set()

    def token_of(evidence: Evidence) -> Token:
        return _trigger_token(doc, starts, evidence)

    for event in doc.events:
        if _definite_or_owned(token_of(event.evidence[0]), retold) or (
            _vague(event) and all(has_article(token_of(ev)) for ev in event.evidence)
        ):
            found.add(event.id)
    return frozenset(found)


def _definite_or_owned(token: Token, nouns: frozenset[str]) -> bool:
    """Whether a reading of ``token`` is one of ``nouns`` with the article or a pronoun."""
    article = definite_article()
    return any(
        a.stem in nouns and (article in a.proclitics or bool(a.enclitic)) for a in token.analyses
    )


ANOTHER_REACH = 2  # words from an incident's noun to "another": "ishtibakat 'anifa mumathila"
OPENER_WORDS = 4  # the words of a sentence's opener: "wa-fi hadith munfasil"


def _another(doc: Document, starts: Sequence[int]) -> frozenset[str]:
    """The ids of the events whose clause tells "another", "a similar", "a new" or "a separate"
    incident ("hujum akhar", "tafjiran mumathilan", "ishtibakat 'anifa mumathila"), or whose
    sentence opens so ("wa-fi hadith munfasil qala shuhud inna infijaran waqa'a", in a
    separate incident witnesses said a blast took place): a new one."""
    c = cues()
    heads = c.incident_nouns | c.attack_nouns | c.fighting_nouns
    found = set()
    for event in doc.events:
        clause = event.evidence[0].clause
        first, last = bisect_left(starts, clause.start), bisect_left(starts, clause.end)
        index = event.evidence[0].sentence
        opener = doc.sentences[index].token_start if index < len(doc.sentences) else first
        if _tells_another(doc.tokens, heads, first, min(last, len(doc.tokens))) or _tells_another(
            doc.tokens, heads, opener, min(opener + OPENER_WORDS, first)
        ):
            found.add(event.id)
    return frozenset(found)


def _tells_another(tokens: Sequence[Token], heads: frozenset[str], start: int, end: int) -> bool:
    """Whether a noun of an incident (``heads``) and "another" follow each other between
    ``start`` and ``end``; without the article ("is_word" takes none): "al-hujum al-jadid"
    (the new attack) is one told before."""
    words = cues().another_words
    for at in range(start + 1, end):
        if is_word(tokens[at], words) and any(
            has_stem(tokens[h], heads) for h in range(max(start, at - ANOTHER_REACH), at)
        ):
            return True
    return False


def _trigger_token(doc: Document, starts: Sequence[int], evidence: Evidence) -> Token:
    """The token a telling's trigger starts at (``starts``: the tokens' raw offsets)."""
    return doc.tokens[bisect_left(starts, evidence.trigger.start)]


def _fights(doc: Document, starts: Sequence[int]) -> frozenset[str]:
    """The ids of the events told by a noun of fighting (``fighting_nouns``: "ishtibakat",
    "ma'arik", "muwajahat"): their parties fight each other."""
    if not doc.tokens:
        return frozenset()  # events given without their text: nothing to read
    nouns = cues().fighting_nouns
    return frozenset(
        event.id
        for event in doc.events
        if any(has_stem(_trigger_token(doc, starts, e), nouns) for e in event.evidence)
    )


DESTINATION_REACH = 2  # words from "ila" (to) to the place: a head noun between ("muhafazat")


def _headed_for(doc: Document, starts: Sequence[int]) -> frozenset[str]:
    """The ids of the events placed where someone headed for: "mutajiha ila muhafazat Ta'izz"
    (heading for Taiz governorate) is no place of the ambush on the way."""
    words = place_words().destinations
    headed = set()
    for event in doc.events:
        span = event.place.span if event.place else None
        if span is None:
            continue
        at = bisect_left(starts, span.start)
        before = range(max(0, at - DESTINATION_REACH), at)
        if any(is_word(doc.tokens[i], words) for i in before):
            headed.add(event.id)
    return frozenset(headed)
