"""The doer an attack names by itself: after an agent marker ("'ala yad"), a verb of carrying
out ("hujum nafadhahu"), a weapon's owner ("bi-rasas al-jaysh"), "min" after the attack, an
armed body in its genitive, a genitive with the object after "li-" ("ightiyal Isra'il
li-l-qiyadi"), the nationality of the attack, or a suicide bomber named by the adjective
alone ("fajjara intihari nafsahu"); and the passive a verb of charging makes with its charge
right after it."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import Clause, clause_of, has_article, has_stem, is_word
from marsad.coding.governed import first_group, proclitic_preposition
from marsad.coding.numbers import number_at
from marsad.coding.resources import cues
from marsad.coding.view import SentenceView
from marsad.types import ActorRef, Mention, Span, Token

#: The method of a suicide bomber named by the adjective alone: a doer as anonymous as an
#: unknown one, which the merge stage compares as such.
LONE_ATTACKER = "lone-attacker"
AGENT_REACH = 20  # tokens between a passive trigger and the doer its agent marker names
# "fi tabadul li-itlaq al-nar ma'a al-junud": words between a fight's noun and its "ma'a"
FIGHT_PARTNER_REACH = 8  # words from a fight noun to its sides, its place and time between


def passive_agent(
    view: SentenceView,
    clause: Clause,
    trigger: int | None = None,
    trigger_end: int = 0,
    *,
    material: bool = True,
) -> list[ActorRef]:
    """The actors right after "'ala yad", "min qibal" (at the hands of, by) in the clause;
    with ``trigger``, only a marker within reach after it: "kharaja mutazahirun li-l-ihtijaj
    'ala maqtal madaniyyin 'ala yad quwwat al-tahaluf" (protesters went out against the
    killing of civilians by the coalition): the coalition killed, it did not protest. The
    trigger's own words (``trigger_end``: "muhawalat ightiyal") are not in between. An attack
    noun in between takes the marker from a verbal event ("talabat al-hukuma ... ghadat hujum
    nusiba ila Da'ish": the government asked, the attack was ISIS's)."""
    c = cues()
    items = view.in_clause(clause)
    for i, item in enumerate(items):
        start = item.actor.token_start
        if trigger is not None and not trigger < start <= trigger + AGENT_REACH:
            continue
        after = max(trigger + 1, trigger_end) if trigger is not None else start
        between = range(after, start)
        if any(has_stem(view.tokens[t], c.victim_nouns) for t in between):
            continue  # the doer of the victim noun in between ("maqtal ... 'ala yad")
        if not material and any(has_stem(view.tokens[t], c.attack_nouns) for t in between):
            continue
        if after_agent_marker(view.tokens, start, clause.start):
            return first_group(items, i)
    return []


ATTRIBUTION_REACH = 25  # tokens from an attack to the verb that attributes it (a long toll between)
ATTRIBUTED_REACH = 6  # tokens from that verb to the doer after its "ila"


def attributed_to(view: SentenceView, trigger: int) -> list[ActorRef]:
    """The actor after "ila" (to) of a verb of attributing that follows an attack in its
    sentence, a comma between or not: "hujum intihari ... nasabathu al-hukuma al-turkiyya ila
    tanzim Da'ish" (a suicide attack ... which the Turkish government attributed to ISIS). The
    subject of the attributing verb only tells whose the attack was."""
    c = cues()
    tokens = view.tokens
    sentence = tokens[trigger].sentence
    end = min(len(tokens), trigger + 1 + ATTRIBUTION_REACH)
    verb = next(
        (
            i
            for i in range(trigger + 1, end)
            if tokens[i].sentence == sentence
            # «wa» or «fa» only: «bi-nisba» (by a rate of) is no attributing
            and is_word(tokens[i], c.blame_verbs, enclitic_ok=True, conjunction_only=True)
        ),
        None,
    )
    if verb is None:
        return []
    for i, item in enumerate(view.actors):
        start = item.actor.token_start
        if verb < start <= verb + ATTRIBUTED_REACH and item.preposition in c.blamed_on:
            return first_group(view.actors, i)
    return []


def after_agent_marker(tokens: Sequence[Token], start: int, lo: int) -> bool:
    """Whether an agent marker ("'ala yad", "bi-aydi") ends right before ``start``, or before
    a count there ("min qibal 'iddat dubbat", by several officers), or before a count or a
    noun of members and "min" ("'ala aydi ithnayn min dubbat", "'ala aydi 'anasir min
    al-shurta": by two of the officers, by members of the police)."""
    c = cues()
    at = start - 1 if start > lo and counts(tokens, start - 1) else start
    of = start - 1
    if of - 1 >= lo and tokens[of].text in c.partitive_of:
        head = tokens[of - 1]
        if counts(tokens, of - 1) or is_word(head, c.member_nouns):
            at = of - 1
    for width in (2, 1):
        if at - width >= lo and any(
            m.end == at for m in c.agent_markers.matches_at(tokens, at - width, at)
        ):
            return True
    return False


def counts(tokens: Sequence[Token], at: int) -> bool:
    """Whether the token counts the noun after it: a number or a word like "'iddat" (several)."""
    return number_at(tokens, at, at + 1) or is_word(tokens[at], cues().partitive_heads)


CARRY_REACH = 3  # words (an adjective, a relative pronoun) between an attack and "nafadhahu"


DOER_REACH = 2  # words (an adverb of time) between "nafadhahu" and the doer it names


def carried_out_at(tokens: Sequence[Token], noun_end: int, end: int) -> int | None:
    """Where the doer may start after "hujum nafadhahu" (an attack carried out by), "al-gharat
    allati shannatha" (the raid that ... launched), "'amaliyyat qasf qamat biha" (shelling
    done by): the token after a verb of carrying out whose pronoun resumes the noun ending at
    ``noun_end``, or None; "saqut sarukh masdaruhu quwwat al-nizam" (a rocket whose source is
    the regime's forces) names it too. A preposition or another attack in between ends the
    noun's phrase: "ba'd daraba nafadhaha" (after a strike ... carried out) resumes the strike."""
    c = cues()
    resuming = c.carry_out_verbs | c.source_nouns
    for i in range(noun_end, min(end, noun_end + CARRY_REACH + 1)):
        token = tokens[i]
        if token.is_punct or is_word(token, c.prepositions) or has_stem(token, c.attack_nouns):
            return None
        if any(a.enclitic and not a.proclitics and a.stem in resuming for a in token.analyses):
            return i + 1
        if (
            is_word(token, c.carry_out_by, conjunction_only=True)
            and i + 1 < end
            and tokens[i + 1].text in c.carry_out_pronouns
        ):
            return i + 2
    return None


def weapon_at(tokens: Sequence[Token], at: int) -> bool:
    """Whether a weapon or an attack with "bi-" (by) stands at ``at``: "bi-rasas" (by the
    bullets of), "bi-qasf" (by the shelling of)."""
    c = cues()
    return any(
        a.stem in c.attack_nouns and set(a.proclitics) & c.instrument_proclitics
        for a in tokens[at].analyses
    )


def attack_noun_at(tokens: Sequence[Token], at: int) -> bool:
    """Whether an attack or a weapon with no preposition on it stands at ``at``: "gharat",
    "al-qasf", "sarukh" (a raid, the shelling, a rocket)."""
    c = cues()
    return any(
        a.stem in c.attack_nouns and not set(a.proclitics) - {c.article}
        for a in tokens[at].analyses
    )


ATTACK_ADJECTIVES = 2  # words that may describe an attack noun ("gharat jawwiyya mukaththafa")


def attack_noun_before(tokens: Sequence[Token], start: int, verb: int) -> int | None:
    """Where an attack or blast noun stands right before the verb at ``verb`` (not before
    ``start``), with at most two words that describe it between: "infijarat dakhma istahdafat"
    (huge blasts targeted). The verb describes it: the noun is its subject."""
    c = cues()
    nouns = c.attack_nouns | c.blast_nouns
    for at in range(verb - 1, max(start, verb - 2 - ATTACK_ADJECTIVES), -1):
        if tokens[at].is_punct:
            return None
        if has_stem(tokens[at], nouns):
            return at
    return None


def _weapon_owner(view: SentenceView, at: int) -> list[ActorRef]:
    """The actor right after a weapon with "bi-" (by) at ``at``: "qutila bi-rasas al-jaysh"
    (killed by the army's bullets): the weapon's owner did it."""
    return _group_at(view, at + 1) if weapon_at(view.tokens, at) else []


def _item_at(view: SentenceView, at: int) -> int | None:
    """The index of the actor starting at token ``at`` among the sentence's actors."""
    return next((k for k, g in enumerate(view.actors) if g.actor.token_start == at), None)


def _group_at(view: SentenceView, at: int, *, bare: bool = False) -> list[ActorRef]:
    """The actor starting at token ``at`` and those joined to it (``bare``: only one that no
    preposition governs)."""
    k = _item_at(view, at)
    if k is None or (bare and view.actors[k].preposition is not None):
        return []
    return first_group(view.actors, k)


def doer_after_min(view: SentenceView, noun_end: int) -> list[ActorRef]:
    """The actor right after "min" (from) right after a verbal noun, its doer: "bi-talab min
    al-qada' al-amriki" (at the request of the US judiciary), "bi-da'wa min al-ra'is"."""
    tokens = view.tokens
    if noun_end + 1 >= len(tokens) or tokens[noun_end].text not in cues().partitive_of:
        return []
    return _group_at(view, noun_end + 1)


def weapon_owner_after(view: SentenceView, after: int) -> list[ActorRef]:
    """The owner of a weapon with "bi-" at ``after`` or the token after it (a time word)."""
    for i in (after, after + 1):
        owner = _weapon_owner(view, i) if i < len(view.tokens) else []
        if owner:
            return owner
    return []


def _marked_agent(view: SentenceView, noun: int, end: int) -> list[ActorRef]:
    """The actor after an agent marker right after the attack noun at ``noun``: "qutila jarra'
    istihdafihi min qibal tanzim Da'ish" (he was killed when ISIS targeted him)."""
    for m in cues().agent_markers.matches_at(view.tokens, noun + 1, end):
        if m.start == noun + 1 and m.end < end:
            return _group_at(view, m.end)
    return []


ATTACK_ADJECTIVES = 2  # "gharat jawwiyya mukaththafa min tayaran al-nizam"


def _attack_adjective(token: Token) -> bool:
    """Whether ``token`` may be an adjective of the attack noun before it: a nisba ("jawwiyya",
    aerial) or a word of its force or kind ("'anif", violent; "mudadd", counter-)."""
    c = cues()
    return token.text.endswith(c.adjective_endings) or is_word(token, c.attack_adjectives)


def _attack_source(view: SentenceView, noun: int, end: int) -> list[ActorRef]:
    """The actor right after "min" (from) that follows an attack noun at ``noun`` or its
    adjectives: "hujum min quwwat al-nizam" (an attack from the regime's forces), "qasf jawwi
    min al-nizam" (an air strike from the regime), "gharat jawwiyya mukaththafa min tayaran
    al-nizam"; or the one "li-" (of) owns there: "kamin li-l-muqawama" (the resistance's
    ambush) — an attack's target takes "'ala"."""
    c = cues()
    tokens = view.tokens
    if not has_stem(tokens[noun], c.attack_nouns):
        return []
    if any(m.kind == "nisba" and m.code and m.token_start == noun + 1 for m in view.mentions):
        return []  # "al-ghazw al-amiriki li-l-'Iraq": the adjective's country did it to Iraq
    for at in range(noun + 1, noun + ATTACK_ADJECTIVES + 2):
        if at >= end or tokens[at].is_punct:
            return []
        if at > noun + 1 and not _attack_adjective(tokens[at - 1]):
            return []  # "al-darabat mawaqi' li-l-Huthiyyin": a noun, not an adjective, between
        if tokens[at].text in c.attack_source and at + 1 < end:
            return _group_at(view, at + 1)
        k = _item_at(view, at)
        own = proclitic_preposition(tokens[at]) in c.recipient_proclitics
        if k is not None and own and view.actors[k].preposition in c.recipient_proclitics:
            # "li-" on the actor itself: "li-mawaqi' al-mu'arada" (on the opposition's
            # positions) governs what was attacked
            return first_group(view.actors, k)
    return []


def _armed_genitive(view: SentenceView, noun: int) -> list[ActorRef]:
    """An armed body right after an attack noun, as its genitive, did it: "qasf al-quwwat
    al-hukumiyya 'ala al-madina" (the government forces' shelling of the city), "gharat
    al-tahaluf", "qasf tayaran al-tahaluf" (the coalition aviation's shelling: the attack
    nouns read on). Anyone else there may be what was attacked ("qasf al-madina")."""
    c = cues()
    tokens = view.tokens
    at = noun
    # an attack noun that heads a body named with it ("qasf tayarat al-tahaluf": the coalition's
    # aircraft) is the genitive, not an attack read on ("qadha'if midfa'iyya", artillery shells)
    while (
        at < len(tokens)
        and has_stem(tokens[at], c.attack_nouns)
        and (at == noun or not _heads_a_body(view, at))
    ):
        at += 1
    if at == noun:
        return []
    group = _group_at(view, at, bare=True)
    if group and all(a.sector in c.armed_sectors for a in group):
        return group
    return _armed_with_lam(view, at)


def _heads_a_body(view: SentenceView, at: int) -> bool:
    """Whether an actor of more than one word starts at token ``at``."""
    item = _item_at(view, at)
    return item is not None and view.actors[item].actor.token_end > at + 1


def _armed_with_lam(view: SentenceView, at: int) -> list[ActorRef]:
    """An armed body after "li-" right after an attack noun (and one adjective), with what it
    attacked after "'ala": "qasf madfa'i li-l-Huthiyyin 'ala mintaqat Dar Sa'd" (the Houthis'
    artillery shelling of Dar Sa'd). Without the "'ala" the body may be what was attacked."""
    c = cues()
    tokens = view.tokens
    for start in (at, at + 1):
        k = _item_at(view, start)
        if k is None or view.actors[k].preposition not in c.recipient_proclitics:
            continue
        group = first_group(view.actors, k)
        # "li-l-Huthiyyin wa-quwwat al-ra'is al-makhlu' 'Ali 'Abdallah Salih 'ala ..." (the
        # Houthis' and the ousted president's forces): one armed body in the group makes it
        # the doer, and the genitive after it may stand before the target
        armed = any(a.sector in c.armed_sectors for a in group)
        if armed and _target_after(tokens, group[-1].token_end):
            return group
    return []


def genitive_with_object(view: SentenceView, noun: int, end: int) -> list[ActorRef]:
    """The definite or named genitive of a verbal noun whose object follows with "li-":
    "istihdaf tayaran al-tahaluf li-mawqi'" (the coalition aviation's targeting of a site),
    "ightiyal Isra'il li-l-qiyadi" (Israel's assassination of the leader): the genitive acts.
    Not before a length of time ("ihtijaz al-sahafiyyin li-sa'at", holding the journalists for
    hours) or a noun with a pronoun ("i'tiqal al-nashit li-musharakatihi", arresting the
    activist for his taking part)."""
    tokens = view.tokens
    if has_stem(tokens[noun], cues().outcome_nouns):
        return []  # "maqtal al-junud li-asbab ..." (the soldiers' death for reasons ...)
    group = _group_at(view, noun + 1, bare=True)
    if not group:
        return []
    at = group[-1].token_end
    # a construct is definite by its genitive: "tayaran al-tahaluf" as "al-tayaran"
    if not _definite(tokens[group[0].token_start], group[0]) and not (
        at < end and _definite(tokens[at], None)
    ):
        return []
    k = _item_at(view, at)
    while k is not None and view.actors[k].preposition is None:
        at = view.actors[k].actor.token_end  # the genitive's own genitive: "tayaran al-tahaluf"
        k = _item_at(view, at)
    # one more word may stand between: a genitive or an adjective the knowledge base lacks
    for i in range(at, min(at + 2, end)):
        if tokens[i].is_punct:
            break
        if _object_with_lam(view, i):
            return group
    return []


def _definite(token: Token, actor: ActorRef | None) -> bool:
    named = actor is not None and bool(actor.code or actor.identifier)
    return named or has_article(token)


def _object_with_lam(view: SentenceView, at: int) -> bool:
    c = cues()
    k = _item_at(view, at)
    if k is not None:
        return view.actors[k].preposition in c.recipient_proclitics
    with_lam = [
        a
        for a in view.tokens[at].analyses
        if a.proclitics[:1] and a.proclitics[0] in c.recipient_proclitics
    ]
    return any(not a.enclitic for a in with_lam) and not any(
        a.stem in c.duration_nouns for a in with_lam
    )


TARGET_REACH = 6  # words (a genitive) between the armed body after "li-" and "'ala"


def _target_after(tokens: Sequence[Token], at: int) -> bool:
    markers = cues().attack_target_markers
    for i in range(at, min(len(tokens), at + TARGET_REACH)):
        if tokens[i].is_punct:
            return False
        if tokens[i].text in markers:
            return True
    return False


def attack_agent(
    view: SentenceView, clause: Clause, trigger: int, *, outcome: bool
) -> list[ActorRef]:
    """The doer named after a verb that carries out the trigger or, for an ``outcome`` (a
    killing, an injury), an attack after it in its clause: "qutila 22 madaniyyan fi gharat
    shannatha quwwat" (22 civilians were killed in a raid forces launched): the forces killed
    them. Another attack noun is another attack: "ta'ti al-hajamat ba'd daraba nafadhaha
    al-jaysh" (the attacks come after a strike the army carried out)."""
    c = cues()
    tokens = view.tokens
    end = view.clauses[-1].end
    # "fi 'amaliyya intihariyya nafadhatha ...", "jarra' istihdafihi min qibal tanzim Da'ish"
    nouns = c.attack_nouns | c.act_nouns | c.targeting_nouns
    for i in range(trigger, clause.end if outcome else trigger + 1):
        if i != trigger and not has_stem(tokens[i], nouns):
            continue
        # "ghazw al-'Iraq li-l-Kuwayt": the trigger's genitive, before the one after "li-"
        owner = (
            genitive_with_object(view, i, clause.end) if i == trigger else _weapon_owner(view, i)
        )
        owner = owner or _attack_source(view, i, clause.end) or _armed_genitive(view, i)
        owner = owner or (_marked_agent(view, i, clause.end) if i != trigger else [])
        if owner:
            return owner
        at = carried_out_at(tokens, i + 1, end)
        if at is None:
            continue
        for k, item in enumerate(view.actors):
            if item.preposition is None and at <= item.actor.token_start <= at + DOER_REACH:
                return first_group(view.actors, k)
        return []
    return []


NISBA_REACH = 2  # tokens between an attack noun and its nationality adjective


def attack_nationality(
    view: SentenceView, clause: Clause, trigger: int, raw: str
) -> list[ActorRef]:
    """The country of "daraba jawwiyya amirikiyya" (an American air strike) attacked: the
    nationality of the attack noun nearest the trigger. A farther one may be another attack
    the sentence speaks of ("maqtal shakhs fi hujum intihari istahdafa muzahara tunaddid
    bi-l-gharat al-isra'iliyya": a suicide attack on a march against the Israeli raids).
    ``raw`` is the article text, for the actor's words as written."""
    c = cues()
    nouns = [i for i in range(clause.start, clause.end) if has_stem(view.tokens[i], c.attack_nouns)]
    if not nouns:
        return []
    noun = min(nouns, key=lambda i: (abs(i - trigger), i))
    for m in view.mentions:
        if m.kind != "nisba" or not m.code or not noun < m.token_start <= noun + NISBA_REACH:
            continue
        if noun < trigger < m.token_start:
            # the trigger is no adjective between: in "hadhihi al-hajamat qutila 'iraqi" (in
            # these attacks an Iraqi was killed) the Iraqi is who it befell
            continue
        if _governed(view.tokens, m):
            continue  # "al-hajamat didd al-amirikiyyin": whom it was aimed at
        span = Span(view.tokens[noun].span.start, m.span.end)
        return [
            ActorRef(
                code=m.code,
                sector="MIL",
                entity_text=raw[span.start : span.end],
                span=span,
                sentence=m.sentence,
                method="attack-nationality",
                reason=f"the nationality of the attack: {m.code} forces",
                token_start=noun,
                token_end=m.token_end,
            )
        ]
    return []


def _governed(tokens: Sequence[Token], nisba: Mention) -> bool:
    """Whether a preposition governs the nisba, as a word before it or a clitic on it."""
    c = cues()
    if (c.recipient_proclitics | c.other_proclitics).intersection(nisba.proclitics):
        return True
    return nisba.token_start > 0 and is_word(tokens[nisba.token_start - 1], c.prepositions)


def charged(view: SentenceView, trigger: int) -> bool:
    """Whether a verb of charging has its charge with "bi-" right after it, or after the one
    name right after it: "wa-uttuhima bi-da'm nizam Bin 'Ali" (and he was accused of backing
    Ben Ali's regime) and "wa-uttuhima al-ra'is al-sabiq, bi-annahu" (the former president was
    accused of being) are passives, or their subject a pronoun: either way the name is the one
    accused. The active names the accuser and then whom it accuses ("ittahamat Hamas Isra'il
    bi-...")."""
    c = cues()
    tokens = view.tokens
    if trigger + 1 >= len(tokens) or not is_word(tokens[trigger], c.charge_verbs):
        return False
    at = trigger + 1
    # "wa-uttuhima kathiran bi-l-du'f" (he was often accused of weakness): adverbs between
    while at + 1 < len(tokens) and is_word(tokens[at], c.charge_adverbs, conjunction_only=True):
        at += 1
    first = _item_at(view, at)
    if first is not None and not _opens(view, trigger):
        return False  # "al-mu'arada ittahamat al-hukuma bi-...": the subject came first
    if first is not None:
        group = first_group(view.actors, first)
        at = group[-1].token_end
        if at < len(tokens) and tokens[at].is_punct and tokens[at].text in c.clause_commas:
            at += 1  # "al-ra'is al-sabiq 'Ali 'Abdallah Salih, bi-annahu"
        if at >= len(tokens) or _item_at(view, at) is not None:
            return False  # "ittahamat Bakistan al-Hind": the accuser, then the accused
    return any(set(a.proclitics) & c.instrument_proclitics for a in tokens[at].analyses)


def _opens(view: SentenceView, trigger: int) -> bool:
    """Whether the verb opens its clause (with "wa" on it or not): no subject before it. One
    joined by "wa" inside a clause shares the subject before it ("wa-ta'arrada Abu Mazin li-...
    wa-ittahama Hamas bi-...": Abu Mazen accused Hamas)."""
    clause = clause_of(view.clauses, trigger)
    return clause is not None and clause.start == trigger


def lone_attacker(view: SentenceView, verb: int, raw: str) -> ActorRef | None:
    """The suicide bomber a word of ``lone_attackers`` names as the subject of the verb at
    ``verb`` (which tells the attack or carries its noun): right after it ("fajjara intihari
    nafsahu", a suicide bomber blew himself up; "naffadhat intihariyya al-hujum"), or right
    before it after "anna" ("anna intihariyya naffadhat al-hujum"). After a noun the word is
    its adjective ("hujum intihari") and names no one."""
    c = cues()
    tokens = view.tokens
    spots = [verb + 1]
    if verb >= 2 and is_word(tokens[verb - 2], c.complementizers):
        spots.append(verb - 1)
    at = next((i for i in spots if i < len(tokens) and is_word(tokens[i], c.lone_attackers)), None)
    if at is None:
        return None
    return ActorRef(
        code=None,
        sector=c.lone_attacker_sector,
        entity_text=raw[tokens[at].span.start : tokens[at].span.end],
        span=tokens[at].span,
        sentence=tokens[at].sentence,
        method=LONE_ATTACKER,
        reason="a suicide bomber, the subject of the verb: a lone attacker of no known side",
        token_start=at,
        token_end=at + 1,
    )


def fight_partner(view: SentenceView, clause: Clause) -> list[ActorRef]:
    """The sides named after "ma'a" (with) or "bayna" (between) right after a noun of fighting
    in the clause: in "usiba thalathat filastiniyyin fi tabadul li-itlaq al-nar ma'a al-junud"
    (three Palestinians were wounded in an exchange of fire with the soldiers) the soldiers
    are the other side, who wounded them; in "qutila thalatha fi ishtibakat bayna al-jaysh
    wa-l-mutamarridin" both sides fought."""
    c = cues()
    tokens = view.tokens
    items = view.in_clause(clause)
    sides = c.fight_partner_prepositions | c.joint_prepositions
    for noun in range(clause.start, clause.end):
        if not has_stem(tokens[noun], c.fighting_nouns):
            continue
        for i, item in enumerate(items):
            start = item.actor.token_start
            near = noun < start <= noun + FIGHT_PARTNER_REACH
            if near and item.preposition in sides and not _punctuated(tokens, noun, start):
                return first_group(items, i)
    return []


def _punctuated(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a punctuation mark stands between two words: a fight's sides follow its noun
    in one stretch of words, its place and time between ("ishtibakat jadida ams bi-Rafah
    bayna ...")."""
    return any(tokens[i].is_punct for i in range(start + 1, end))
