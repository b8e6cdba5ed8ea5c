"""The type an event is coded as when its words tell another act than its trigger's: an
attack in words, an official's objection, a rally for a state, a pledge of revenge, a court's
verdict."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from marsad.coding.candidates import Candidate
from marsad.coding.clauses import PERSON_METHODS, has_stem, is_word
from marsad.coding.resources import cues
from marsad.coding.size import clause_size
from marsad.coding.view import SentenceView
from marsad.types import ActorRef, Document


def verbal_attack(
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
    if _against_words(doc, cand):
        return True  # "al-hujum 'ala qarar" (the attack on a resolution): words, whoever spoke
    if any(a.sector in c.armed_sectors for a in actor):
        return False  # "hajama musallahun funduqan" (gunmen attacked a hotel): force
    token = doc.tokens[cand.start]
    if cand.nominal:
        if not has_stem(token, c.verbal_attack_nouns):
            return False
    elif not is_word(token, c.verbal_attack_verbs):
        return False
    if clause_size(doc, cand.clause.start, cand.clause.end) is not None:
        return False
    if c.criticism_words.find_all(doc.tokens, cand.clause.start, cand.clause.end):
        return True  # "alqaw khitabat hajamu fiha": words, whoever spoke them
    persons_attacked = bool(recipient) and all(r.method in PERSON_METHODS for r in recipient)
    if not cand.nominal and persons_attacked:
        return True  # "hajama ahad al-duyuf al-ra'is" (a guest attacked the president): words
    return bool(actor) and all(
        a.method in PERSON_METHODS or a.sector in c.speaking_sectors for a in actor
    )


class Recoded(NamedTuple):
    event: str
    mode: str | None
    note: str = ""  # why, for the record's reason


def recoded_as(
    doc: Document,
    view: SentenceView,
    cand: Candidate,
    actor: Sequence[ActorRef],
    *,
    verbal: bool,
) -> Recoded | None:
    """The type and mode an event is coded as when its words tell another act: an attack in
    words, an official's objection, a rally for someone, a court's verdict."""
    c = cues()
    if verbal:
        note = "an attack in words (by persons, on words, or told so), not force"
        return Recoded(*c.verbal_attack_as, note)
    if _official_protest(doc, cand, actor):
        return Recoded(*c.official_protest_as)
    if _support_rally(doc, view, cand):
        return Recoded(c.support_rally_as, None, "a rally for someone: support, not protest")
    if _vengeance_pledged(doc, cand):
        return Recoded(*c.vengeance_as, "a pledge of revenge: a threat, not an agreement")
    if _court_condemns(doc, cand, actor):
        return Recoded(*c.court_condemns_as)
    return None


def _support_rally(doc: Document, view: SentenceView, cand: Candidate) -> bool:
    """Whether a demonstration is held for a state or those who rule it: "masirat ta'yid
    li-l-hukuma" (a march in support of the government), "tazahara al-tullab ta'yidan li-l-ra'is".
    PLOVER's PROTEST is conflict; a rally for a jailed leader or a cause, or one also against
    something ("didd al-hukuma"), stays a protest."""
    c = cues()
    if cand.entry.event != "PROTEST" or cand.mode != "demo":
        return False
    tokens, clause = doc.tokens, cand.clause
    starts = {
        a.token_start
        for g in view.in_clause(clause)
        if (a := g.actor).sector in c.official_sectors or (a.code and a.sector is None)
    }
    supports = any(
        i + 1 in starts and is_word(tokens[i], c.support_rally_words, conjunction_only=True)
        for i in range(cand.end, clause.end - 1)
    )
    return supports and not any(
        is_word(tokens[i], c.rally_against_words, conjunction_only=True)
        for i in range(clause.start, clause.end)
    )


PLEDGE_REACH = 6  # tokens from a verb of pledging to "bi-l-intiqam" (its subject between)


def _vengeance_pledged(doc: Document, cand: Candidate) -> bool:
    """Whether a pledge is of revenge: "ta'ahhada za'im al-haraka bi-l-intiqam" (the movement's
    leader vowed revenge)."""
    c = cues()
    tokens = doc.tokens
    if cand.nominal or not is_word(tokens[cand.start], c.pledge_verbs, conjunction_only=True):
        return False
    end = min(cand.clause.end, cand.end + PLEDGE_REACH)
    return any(is_word(tokens[i], c.vengeance_words) for i in range(cand.end, end))


def _official_protest(doc: Document, cand: Candidate, actor: Sequence[ActorRef]) -> bool:
    """Whether "ihtajja" is an official's objection, not a crowd's protest: its actors are all
    states, governments and officials ("al-ra'is al-tunisi yahtajj", the Tunisian president
    objects), or it qualifies a resignation or a statement in its clause ("istaqala ihtijajan",
    resigned in protest)."""
    c = cues()
    if not is_word(doc.tokens[cand.start], c.objection_words):
        return False
    # "istaqala ihtijajan 'ala" (resigned in protest at): an objection in words or deeds
    before = range(cand.clause.start, cand.start)
    if any(is_word(doc.tokens[i], c.objection_acts) for i in before):
        return True
    return bool(actor) and all(
        a.sector in c.official_sectors or (a.code is not None and a.sector is None) for a in actor
    )


def _against_words(doc: Document, cand: Candidate) -> bool:
    """Whether «on» and a decision, a policy or words follow the attack right after it."""
    c = cues()
    at = cand.end
    tokens = doc.tokens
    return (
        at + 1 < cand.clause.end
        and tokens[at].text in c.attack_target_markers
        and is_word(tokens[at + 1], c.speech_objects)
    )


def _court_condemns(doc: Document, cand: Candidate, actor: Sequence[ActorRef]) -> bool:
    """Whether "adana" (condemned) is a court's: "adanat mahkama kuriyya ithnayn" (a Korean
    court convicted two) is a conviction, not a protest in words."""
    c = cues()
    if cand.entry.event != "ACCUSE" or not actor:
        return False
    if not is_word(doc.tokens[cand.start], c.condemn_words, enclitic_ok=True):
        return False
    return all(a.sector in c.court_sectors for a in actor)
