"""Which preposition governs each actor of a sentence, and how actors group.

An actor's role in its clause is read from the word before it: a preposition or a proclitic
("li-", "ma'a", "'ala"), a count and "min" (of), a rank or title it belongs to, a style
("jalalat", His Majesty) between. The argument finder works on these ``Governed`` actors.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from marsad.coding.clauses import (
    METONYM,
    PERSON_METHODS,
    Clause,
    definite_article,
    has_article,
    has_stem,
    is_word,
    led_by_wa,
)
from marsad.coding.numbers import count_before, count_start
from marsad.coding.resources import cues
from marsad.types import ActorRef, Mention, Token


@dataclass(frozen=True, slots=True)
class Governed:
    """An actor with the preposition (if any) that governs it."""

    actor: ActorRef
    preposition: str | None  # normalised preposition or proclitic; None for a subject
    coordinated: bool  # starts with "wa" (and): joined to the actor before it
    partitive: str | None = None  # "min" after a count noun ("majmu'a min"), read as no preposition
    owner: bool = False  # after "tabi'a li-" (belonging to): owns the noun before
    taken_from: bool = False  # after "min saytarat" (from the control of): what was taken is his
    held_at: int | None = None  # the place it holds, told before it ("mawaqi' yahtalluha")

    @property
    def position(self) -> int:
        """Where the actor stands in its sentence's clauses: where the place it holds does."""
        return self.actor.token_start if self.held_at is None else self.held_at


def govern(tokens: Sequence[Token], actor: ActorRef, mention: Mention | None) -> Governed:
    c = cues()
    coordinated = bool(mention and set(mention.proclitics) & c.coordinators)
    clitic = next(
        (
            p
            for p in (mention.proclitics if mention else ())
            if p in c.recipient_proclitics | c.other_proclitics
        ),
        None,
    )
    at = actor.token_start - 1
    styled = before_styles(tokens, at, 0)
    if clitic is None and styled < at:
        # "min jalalat al-malik" (from His Majesty the King), "li-sahib al-sumuw": the style
        # stands between the actor and its preposition, and "wa-fakhamat al-ra'is" joins it
        outermost = tokens[styled + 1]
        clitic = proclitic_preposition(outermost)
        coordinated = coordinated or led_by_wa(outermost)
        at = styled
    right_after = mention is not None and mention.kind in ("nisba", "org")
    title = _member_title_at(tokens, actor.token_start, clitic, right_after=right_after)
    if title is not None:
        # "i'taqalat al-quwwat al-qiyadi fi harakat Hamas" (the forces arrested the Hamas
        # leader): the body of a member named by his rank stands where he does, and where his
        # house or post does ("aghara 'ala manzil al-nashit fi Hamas", raided the house of
        # the Hamas activist)
        owned = title > 0 and has_stem(tokens[title - 1], c.target_nouns)
        held = _governing(tokens, _counted_from(tokens, title)) or (
            _governing(tokens, title - 1) if owned else None
        )
        return Governed(actor, held, coordinated)
    clitic = clitic or _on_a_stance(tokens, at)
    if clitic is not None:
        belongs = at > 0 and has_stem(tokens[at], c.belonging_words)
        return Governed(actor, clitic, coordinated, owner=belongs)
    ranks = _ranks_before(tokens, at)
    if ranks is not None:
        return Governed(actor, ranks, coordinated)
    if _spoken_for(tokens, at):
        # "al-mutahaddith (al-rasmi) bi-ism al-kharijiyya" (the foreign ministry's (official)
        # spokesman): the body a spokesman speaks for stands where the spokesman does
        return Governed(actor, None, False)
    holding = _held_place(tokens, at)
    if holding is not None:
        # "al-saytara 'ala ahad al-mawaqi' allati yatamarkaz fiha al-musallahun al-huthiyyun"
        # (took one of the positions the Houthi gunmen are stationed in), "mawaqi' kana
        # yahtalluha al-huthiyyun": who holds a place stands where the place does
        place, preposition = holding
        return Governed(actor, preposition, False, held_at=place)
    if (
        at > 0
        and has_stem(tokens[at], c.taken_from_nouns)
        and tokens[at - 1].text in c.partitive_of
    ):
        # "istI'adat al-'Anad min saytarat al-Huthiyyin" (retaking al-Anad from the Houthis'
        # control): the one it is taken from
        return Governed(actor, None, False, taken_from=True)
    if at > 0 and has_stem(tokens[at], c.target_nouns):
        # "'ala mawaqi' Hamas" (on Hamas's positions), "amam makatib al-hizb" (in front of the
        # party's offices), "bi-mu'askar al-jaysh" (at the army's camp), "'ala mawaqi' wa-
        # mu'askarat al-Huthi" (on the Houthis' positions and camps): the preposition governs
        # the owner too; but "sab'a min 'anasir al-shurta" (seven police officers) counts them
        head = at
        if head > 1 and led_by_wa(tokens[head]) and has_stem(tokens[head - 1], c.target_nouns):
            head -= 1
        owner = tokens[head - 1]
        if is_word(owner, c.prepositions) and owner.text not in c.partitive_of:
            return Governed(actor, _preposition(owner, c.prepositions), False)
        written_on = proclitic_preposition(tokens[head], c.target_nouns)
        if written_on is not None:
            return Governed(actor, written_on, False)
    before = tokens[at] if at >= 0 else None
    of = before.text if before is not None and before.text in c.partitive_of else None
    counted = at > 0 and (_partitive_head_before(tokens, at) or count_before(tokens, at))
    # "adanat kull min Misr wa-al-Sa'udiyya" (both Egypt and Saudi Arabia condemned): the
    # parties themselves, where "kull" stands
    each = at > 0 and is_word(tokens[at - 1], c.each_of, conjunction_only=True)
    if of is not None and (counted or each):
        # "majmu'a min al-mustawtinin iqtahamat" (a group of settlers stormed), "'ishrun min
        # musallahi al-Huthi" (twenty Houthi gunmen): the counted noun stands where its head does
        return Governed(actor, None, coordinated, partitive=None if each else of)
    if before is not None and is_word(before, c.prepositions) and not _expressed(tokens, at, actor):
        return Governed(actor, _preposition(before, c.prepositions), False)
    counted_after = _count_governed(tokens, actor.token_start) if of is None else None
    if counted_after is not None:
        # "alqat al-shurta al-qabd 'ala thalatha musallahin" (arrested three gunmen): the
        # preposition before a count governs the noun counted
        return Governed(actor, counted_after, False)
    titled = _leader_title_before(tokens, actor, mention)
    if titled is not None:
        # "mu'ayyida li-za'im akrad Turkiya 'Abd Allah Ocalan" (in support of the leader of
        # Turkey's Kurds, Abdullah Ocalan): a person named after a leader's title in construct
        # is in apposition to it and shares the preposition on it
        return Governed(actor, titled, False)
    for head in (at, at - 1):
        # "fi al-'asima al-faransiyya Baris" (in the French capital Paris): the name after a
        # place's head noun is governed by the preposition before the head, with its
        # adjective or name between; not past "but" ("ila al-'asima lakin al-shurta")
        if head < at and tokens[at].text in c.contrast_openers:
            break
        if head < at and has_article(tokens[head]) and not has_article(tokens[at]):
            # a head with the article takes an adjective with it ("al-'asima al-faransiyya");
            # "janub al-'asima qatala musallahun" (south of the capital gunmen killed) has a verb
            break
        if head > 0 and heads_a_place_name(tokens, head):
            return Governed(actor, _preposition(tokens[head - 1], c.prepositions), False)
        # "bi-l-'asima al-lubnaniyya Bayrut" (in the Lebanese capital Beirut): the preposition
        # written on the head
        on_head = proclitic_preposition(tokens[head], c.place_heads) if head >= 0 else None
        if on_head is not None:
            return Governed(actor, on_head, False)
    return Governed(actor, None, coordinated)


def _spoken_for(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at ``at`` is "bi-ism" (in the name of) after a spokesman."""
    c = cues()
    return (
        at > 0
        and tokens[at].text in c.spokesman_of
        and any(is_word(tokens[i], c.spokesmen) for i in range(max(0, at - 2), at))
    )


PLACE_ADJECTIVES = 2  # adjectives between a place and the clause of who holds it


def _held_place(tokens: Sequence[Token], at: int) -> tuple[int, str | None] | None:
    """Where the place (`target_nouns`) an actor right after ``at`` holds stands, in a clause
    of `holding_verbs` that describes it, and the preposition that governs the place (None for
    the object): "'ala ahad al-mawaqi' al-'askariyya allati yatamarkaz fiha" (on one of the
    military positions that ... are stationed in), "mawaqi' kana yahtalluha". None when the
    actor holds no place told before it."""
    c = cues()
    i = at
    if i >= 0 and any(a.stem in c.prepositions and a.enclitic for a in tokens[i].analyses[1:]):
        i -= 1  # "fiha", "'alayha": the place, as a pronoun
    if i < 1 or not is_word(tokens[i], c.holding_verbs, enclitic_ok=True):
        return None
    i -= 1
    if is_word(tokens[i], c.aspect_auxiliaries, conjunction_only=True):
        i -= 1
    if i >= 0 and tokens[i].text in c.relative_pronouns:
        i -= 1
    for _ in range(PLACE_ADJECTIVES):
        if i > 0 and has_article(tokens[i]) and not has_stem(tokens[i], c.target_nouns):
            i -= 1
    if i < 0 or not has_stem(tokens[i], c.target_nouns):
        return None
    while i > 0 and has_stem(tokens[i - 1], c.target_nouns):
        i -= 1  # "ahad al-mawaqi'" (one of the positions)
    if i > 0 and is_word(tokens[i - 1], c.prepositions):
        return i, _preposition(tokens[i - 1], c.prepositions)
    return i, proclitic_preposition(tokens[i], c.target_nouns)


COUNT_WORDS = 3  # the words a count takes at most ("thalathat alaf")


def _count_governed(tokens: Sequence[Token], start: int) -> str | None:
    """The preposition of ``count_governors`` before a count right before the actor at
    ``start``, none for a machine counted (``unplaced_agents``: "'ala arba' dabbabat")."""
    c = cues()
    lo = max(0, start - COUNT_WORDS - 1)
    if not any(is_word(tokens[i], c.count_governors) for i in range(lo, start - 1)):
        return None  # the cheap test first: a count is read only after such a preposition
    count = count_start(tokens, start)
    if count is None or count < 1 or not is_word(tokens[count - 1], c.count_governors):
        return None
    if has_stem(tokens[start], c.unplaced_agents):
        return None
    return _preposition(tokens[count - 1], c.count_governors)


def _ranks_before(tokens: Sequence[Token], at: int) -> str | None:
    """The ranks noun that governs the actor after ``at`` ("fi sufuf 'anasir al-milishiya", in
    the ranks of the militia's members), as its preposition: the casualties are its own."""
    c = cues()
    if at > 1 and is_word(tokens[at], c.member_nouns):
        at -= 1
    if at < 1 or not is_word(tokens[at - 1], c.ranks_prepositions):
        return None
    return next(iter(tokens[at].keys & c.ranks_nouns), None)


def past_name_rest(tokens: Sequence[Token], at: int, end: int) -> int:
    """Past the rest of a name the knowledge base lacks ("bin 'Abdulaziz") and the commas
    after it, from ``at`` up to ``end``."""
    c = cues()
    while at + 1 < end and tokens[at].text in c.name_links:
        at += 2
    while at < end and tokens[at].text in c.clause_commas:
        at += 1
    return at


def word_before_preposition(tokens: Sequence[Token], clause: Clause, at: int) -> int:
    """The word before the preposition of the actor at ``at``, a word of its own or on it,
    past a style between ("niyabatan 'an sahib al-sumuw al-malaki al-amir")."""
    at = before_styles(tokens, at - 1, clause.start) + 1
    own = at - 1 >= clause.start and is_word(tokens[at - 1], cues().prepositions)
    return at - 2 if own else at - 1


def before_styles(tokens: Sequence[Token], at: int, lo: int) -> int:
    """The index before the run of styles ("jalalat", "sahib al-sumuw al-malaki") that ends at
    ``at``, no lower than ``lo``; ``at`` itself when no style stands there."""
    styles = cues().style_honorifics
    while at > lo and has_stem(tokens[at], styles):
        at -= 1
    return at


EXPRESSED_REACH = 8  # words between the subject of "'abbara" (and one joined to it) and its "'an"


def _expressed(tokens: Sequence[Token], at: int, actor: ActorRef) -> bool:
    """Whether the "preposition" at ``at`` is the verb "'abbara" (expressed), its "'an" after
    the actor: "wa-'abbara al-ra'is al-misri 'an da'mihi" (the Egyptian president expressed
    his support), not "'abra" (via)."""
    c = cues()
    if not is_word(tokens[at], c.expressing_prepositions, conjunction_only=True):
        return False
    end = min(len(tokens), actor.token_end + EXPRESSED_REACH)
    return any(is_word(tokens[i], c.expressed_about) for i in range(actor.token_end, end))


def _on_a_stance(tokens: Sequence[Token], at: int) -> str | None:
    """The preposition on a noun of ``stance_nouns`` right before an actor, or before a noun in
    construct that stands before it: "wa-ashada bi-dawr quwwat al-tahaluf" (and he praised the
    coalition forces' role), "bi-mawqif duwal al-tahaluf" (the stance of the coalition's
    countries) govern the owner of what is praised or condemned."""
    stances = cues().stance_nouns
    if at < 0:
        return None
    on = proclitic_preposition(tokens[at], stances)
    if on is None and at > 0 and not has_article(tokens[at]) and not tokens[at].is_punct:
        on = proclitic_preposition(tokens[at - 1], stances)
    return on


def proclitic_preposition(token: Token, stems: frozenset[str] | None = None) -> str | None:
    """The preposition written on a word ("bi-" in "bi-mu'askar"), if a reading has one — a
    reading of one of ``stems``, when given ("ba'd", some, is no "bi-" + "'add")."""
    c = cues()
    clitics = c.recipient_proclitics | c.other_proclitics
    for a in token.analyses:
        if stems is not None and a.stem not in stems:
            continue
        found = next((p for p in a.proclitics if p in clitics), None)
        if found is not None:
            return found
    return None


def _counted_from(tokens: Sequence[Token], at: int) -> int:
    """Where the phrase that counts the noun at ``at`` starts, for the preposition before it:
    "ma'a majmu'a min 40 'udwan" (with a group of 40 members) starts at "majmu'a"."""
    c = cues()
    count = count_start(tokens, at)
    if count is not None and count > 0:
        at = count
    of = at - 1
    if of > 0 and tokens[of].text in c.partitive_of and _partitive_head_before(tokens, of):
        # "majmu'a min", or with an adjective between: "majmu'a kabira min"
        return of - 1 if is_word(tokens[of - 1], c.partitive_heads) else of - 2
    return at


def _member_title_at(
    tokens: Sequence[Token], start: int, clitic: str | None, *, right_after: bool = False
) -> int | None:
    """Where the rank of a member of the body starting at ``start`` stands: "al-qiyadi fi
    Hamas", "al-qiyadi bi-l-muqawama" (a leader in Hamas, in the resistance), and, for a body
    or nisba that may follow it ``right_after``, "qiyadi huthi" (a Houthi leader)."""
    c = cues()
    if clitic is not None:
        at = start - 1 if clitic in c.member_prepositions else None
    else:
        marked = start > 0 and tokens[start - 1].text in c.member_prepositions
        at = start - 2 if marked else (start - 1 if right_after else None)
    if at is None or at < 0 or not is_word(tokens[at], c.member_titles, enclitic_ok=False):
        return None
    return at


def _leader_title_before(
    tokens: Sequence[Token], actor: ActorRef, mention: Mention | None
) -> str | None:
    """The preposition on a leader's title ("li-za'im", "bi-qa'id") at most
    ``APPOSITION_REACH`` words before the person ``actor``, with only the nouns of its
    construct between, when the person's mention has no title of its own."""
    if mention is None or mention.kind != "person" or mention.token_start != actor.token_start:
        return None
    c = cues()
    for at in range(actor.token_start - 1, max(-1, actor.token_start - APPOSITION_REACH - 1), -1):
        token = tokens[at]
        if token.is_punct or is_word(token, c.prepositions) or led_by_wa(token):
            return None
        if is_word(token, c.member_titles):
            return proclitic_preposition(token)
    return None


APPOSITION_REACH = 4  # the title and three words in construct ("za'im hizb al-'ummal al-Kurdi")


def _governing(tokens: Sequence[Token], at: int) -> str | None:
    """The preposition that governs the word at ``at``: a proclitic on it, or the word
    before it."""
    c = cues()
    found = proclitic_preposition(tokens[at])
    if found is not None:
        return found
    if at > 0 and is_word(tokens[at - 1], c.prepositions):
        return _preposition(tokens[at - 1], c.prepositions)
    return None


def heads_a_place_name(tokens: Sequence[Token], head: int) -> bool:
    """Whether the word at ``head`` (``head`` > 0) is a place's head noun that a preposition
    governs, so a name follows it ("fi madinat Waddan", in the town of Waddan)."""
    c = cues()
    return is_word(tokens[head], c.place_heads) and is_word(tokens[head - 1], c.prepositions)


HEDGE_WORDS = 4  # words of the longest approximator ("ma la yaqill 'an")


def _partitive_head_before(tokens: Sequence[Token], of: int) -> bool:
    """Whether a head that counts ("majmu'a", a group; "'adad", a number), members or a
    counted noun stand before "min" (of), or a head one adjective before it ("majmu'a
    musallaha min", an armed group of; "'adad kabir min", a large number of)."""
    c = cues()
    if is_word(tokens[of - 1], c.partitive_heads):
        return True
    between = tokens[of - 1]
    head = count_start(tokens, of - 1) if of > 1 else None
    if is_word(between, c.member_nouns, conjunction_only=True):
        head = of - 1
    if head is not None:
        # "ma la yaqill 'an 13 'unsuran" (no fewer than 13 members): the words before the count
        hedges = c.approximator_phrases.find_all(tokens, max(0, head - HEDGE_WORDS), head)
        head = next((m.start for m in hedges if m.end == head), head)
    if head is not None and (head == 0 or not is_word(tokens[head - 1], c.prepositions)):
        # "'anasir min tanzim Da'ish" (members of ISIS), "13 'unsuran min tanzim Da'ish" (13
        # members of ISIS): members, or a counted noun, before "min"; not when a preposition
        # governs them ("ila 14 shakhsan min mas'ulin", to 14 people among officials)
        return True
    return (
        of > 1
        and not between.is_punct
        and not is_word(between, c.prepositions)
        and is_word(tokens[of - 2], c.partitive_heads)
    )


def names_a_facility(tokens: Sequence[Token], actor: ActorRef) -> bool:
    """Whether ``actor`` is the name of a building or place it follows in construct: "matar
    al-malik Khalid" (King Khalid airport), "matar Islam Abad al-duwali" (Islamabad
    international airport) name no king and no government; nor does a capital after a
    region's noun ("mintaqat al-Riyad")."""
    at = actor.token_start - 1
    if at < 0:
        return False
    c = cues()
    # "jawazat mintaqat al-Riyad" (the passports office of the Riyadh region): the capital
    # after a region's noun is the place, not its government
    region = actor.method == METONYM and is_word(tokens[at], c.region_heads)
    return region or is_word(tokens[at], c.facility_nouns)


def _preposition(token: Token, prepositions: frozenset[str]) -> str:
    if token.text in prepositions:
        return token.text
    return next(a.stem for a in token.analyses if a.stem in prepositions)


OWNED_REACH = 3  # tokens from an actor to the owner after it: "tabi'a", an adjective, "li-"


def inherit_prepositions(items: list[Governed], tokens: Sequence[Token]) -> None:
    """In "bayna Arminiya wa-Adharbayjan" (between Armenia and Azerbaijan), a conjunct takes
    the preposition of the actor it joins. An owner after "tabi'a li-" (belonging to) stands
    where the actor it owns does: "al-ta'irat al-muqatila al-tabi'a li-l-tahaluf" (the
    coalition's fighter planes) is no recipient; after a subject that is no actor ("nuqtat
    taftish tabi'a li-l-muqawama", a checkpoint of the resistance) it is the subject; after
    anything else ("'arabat tabi'a li-l-Huthiyyin", vehicles of the Houthis) it keeps its "li-".
    A person right after a governed body in construct is that body's (``_genitive_person``)."""
    for i, item in enumerate(items):
        before = items[i - 1] if i > 0 else None
        floor = before.actor.token_end if before is not None else 0
        if item.owner and before is not None and item.actor.token_start - floor <= OWNED_REACH:
            items[i] = replace(item, preposition=before.preposition, coordinated=False)
        elif item.owner and _owns_a_subject(tokens, item.actor.token_start - 2, floor):
            # "nuqtat taftish tabi'a li-l-muqawama alqat al-qabd" (a checkpoint of the resistance
            # made the arrest): the owner of the subject, when it is no actor, is the subject
            items[i] = replace(item, preposition=None, owner=False)
        elif before is None:
            continue
        elif item.coordinated and item.preposition is None and item.actor.token_start - floor <= 1:
            items[i] = replace(item, preposition=before.preposition, partitive=before.partitive)
        elif _genitive_person(item, before, tokens):
            items[i] = replace(item, preposition=before.preposition)


OWNED_WORDS = 3  # words of the noun a body owns before "tabi'a" ("nuqtat taftish", a checkpoint)


def _owns_a_subject(tokens: Sequence[Token], last: int, floor: int) -> bool:
    """Whether the noun a body owns, ending at ``last``, is a subject: up to three words right
    after "inna" or "anna", which a verb never follows ("anna nuqtat taftish tabi'a li-l-
    muqawama alqat al-qabd"), or one word opening its sentence or after punctuation ("dabbaba
    tabi'a li-l-muqawama qasafat"; two could be a verb and its object). Not past ``floor``,
    where the actor before ends."""
    c = cues()
    sentence = tokens[last].sentence
    for at in range(last, last - OWNED_WORDS - 1, -1):
        if at < 0 or tokens[at].sentence != sentence or tokens[at].is_punct:
            return at == last - 1
        if is_word(tokens[at], c.complementizers):
            return at < last
        if at < floor or is_word(tokens[at], c.prepositions) or proclitic_preposition(tokens[at]):
            return False
    return False


def _genitive_person(item: Governed, before: Governed, tokens: Sequence[Token]) -> bool:
    """Whether ``item`` is a person named right after a body in construct that a preposition
    governs: "'ala hukumat ra'is al-wuzara' Haydar al-'Abadi" (against the government of prime
    minister al-Abadi), "li-hukumat Hadi". The person is that body's, governed with it."""
    head = tokens[before.actor.token_end - 1]
    return (
        item.preposition is None
        and not item.coordinated
        and before.preposition is not None
        and item.actor.token_start == before.actor.token_end
        and item.actor.method in PERSON_METHODS
        and not any(definite_article() in a.proclitics for a in head.analyses)  # in construct
    )


def first_group(items: Sequence[Governed], first: int) -> list[ActorRef]:
    """The actor at ``first`` and the ones coordinated with it ("X wa-naziruhu Y", X and his
    counterpart Y)."""
    group = [items[first].actor]
    for item in items[first + 1 :]:
        if not item.coordinated or item.actor.token_start - group[-1].token_end > 1:
            break
        group.append(item.actor)
    return group
