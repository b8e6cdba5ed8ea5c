"""Clause structure of a sentence, read from function words and punctuation.

Arabic news sentences chain clauses: a main clause with a speech verb, a complement after
"anna" (that), a quotation after a colon, a relative clause after "alladhi" (who, which) or
"haythu" (where). Each clause keeps a link to the clause before it, which is where an
implicit subject or a date is found.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace
from functools import cache
from typing import Literal

from marsad.coding.lexicon import trigger_lexicon, written_aspect
from marsad.coding.numbers import count_before, count_start
from marsad.coding.resources import cues
from marsad.text.normalize import normalize_phrase
from marsad.types import ActorRef, Analysis, Mention, Token

ClauseKind = Literal["main", "complement", "relative", "quote"]
METONYM = "metonym"  # the cascade step that reads a capital as its government
# the cascade steps that name a person, by name or by title
PERSON_METHODS = frozenset(
    {
        "person-role",
        "person-former-role",
        "person-no-role",
        "title-holder",
        "title-name",
        "title-former",
        "title",
        "title-chain",
        "counterpart-holder",
        "counterpart",
        "unknown-person",
    }
)


def is_word(
    token: Token,
    words: frozenset[str],
    *,
    enclitic_ok: bool = False,
    conjunction_only: bool = False,
) -> bool:
    """Whether ``token`` is one of ``words``, allowing a conjunction or preposition clitic
    (and, with ``enclitic_ok``, a pronoun suffix as in "annahu", that he).
    ``conjunction_only`` allows "wa" (and) and "fa" (so) alone: "kama" is "as", not
    "ka" (like) + the negation "ma"."""
    if token.is_punct:
        return False
    if token.text in words:
        return True
    key = (token.text, words, enclitic_ok, conjunction_only)
    hit = _IS_WORD.get(key)
    if hit is not None and hit[0] is token.analyses:
        return hit[1]
    found = _is_word(token.analyses, words, enclitic_ok, conjunction_only)
    if len(_IS_WORD) >= _IS_WORD_LIMIT:
        _IS_WORD.clear()
    _IS_WORD[key] = (token.analyses, found)
    return found


_IS_WORD: dict[tuple[str, frozenset[str], bool, bool], tuple[tuple[Analysis, ...], bool]] = {}
_IS_WORD_LIMIT = 500_000


def _is_word(
    analyses: tuple[Analysis, ...], words: frozenset[str], enclitic_ok: bool, conjunction_only: bool
) -> bool:
    allowed = _allowed_proclitics(conjunction_only)
    for a in analyses:
        if a.enclitic and not enclitic_ok:
            continue
        if a.stem in words:
            if allowed.issuperset(a.proclitics):
                return True
        elif a.proclitics and _restores_article(a, words, allowed):
            return True
    return False


def is_verb(token: Token, verbs: frozenset[str]) -> bool:
    """Whether ``token`` is one of ``verbs``, bare or with "wa" (and) or "fa" (and so) on it:
    "fa-qatala thalathat isra'iliyyin" (and so three Israelis were killed). Only here is "fa"
    taken off: on other words it is as often a letter of the word or a clause's "fa-inna"."""
    return is_word(token, verbs, conjunction_only=True) or with_fa(token, verbs)


def is_word_or_fa(token: Token, words: frozenset[str]) -> bool:
    """``is_word`` with its clitics, or one of ``words`` with "fa" (and so) on it: a light verb
    or a verb of casualty ("fa-atlaqa al-junud al-nar", "fa-qutila")."""
    return is_word(token, words) or with_fa(token, words)


def with_fa(token: Token, verbs: frozenset[str]) -> bool:
    """Whether the token is one of ``verbs`` with "fa" (and so) on it."""
    sequence = cues().sequence_proclitics
    return any(
        a.proclitics and a.stem in verbs and not a.enclitic and sequence.issuperset(a.proclitics)
        for a in token.analyses
    )


def _restores_article(a: Analysis, words: frozenset[str], allowed: frozenset[str]) -> bool:
    """ "wa-alqat" (and she threw) is analysed "wa" + article + "qat": listed words keep the
    letters of the article ("alqat", "alladhi"), so put them back."""
    article = _article()
    if article not in a.proclitics or article + a.stem not in words:
        return False
    return allowed.issuperset(p for p in a.proclitics if p != article)


@cache
def _article() -> str:
    return cues().article


def has_article(token: Token) -> bool:
    """Whether a reading of ``token`` carries the article: "al-hujum", "wa-l-hujum"."""
    article = _article()
    return any(article in a.proclitics for a in token.analyses)


def article_only(token: Token) -> bool:
    """Whether a reading of ``token`` carries the article and no other clitic: "al-hujum", not
    "wa-l-hujum" or "li-l-hujum"."""
    only = (_article(),)
    return any(a.proclitics == only for a in token.analyses)


def led_by_wa(token: Token) -> bool:
    """Whether a reading of ``token`` carries "wa" (and): it is joined to what comes before."""
    coordinators = cues().coordinators
    return any(coordinators & set(a.proclitics) for a in token.analyses)


MOST_CLITICS_WITH_ARTICLE = 2  # "bi-l-tuhma": a clitic and the article


def has_stem(token: Token, words: frozenset[str]) -> bool:
    """Whether a reading of ``token`` with at most one clitic besides the article has its stem
    in ``words``: the word alone, "bi-talqa" (by a bullet), "bi-l-tuhma" (on the charge) or
    "talqatuhu" (his bullet) — not only the first such reading, as a folded ta marbuta also
    reads as a pronoun ("bi-talq-hu"). Readings with more clitics are too far-fetched for a
    noun that decides a role."""
    article = _article()
    for a in token.analyses:
        clitics = len(a.proclitics) + (1 if a.enclitic else 0)
        if clitics > MOST_CLITICS_WITH_ARTICLE:
            return False  # readings come ordered by their clitics: none further is near enough
        if a.stem in words and clitics - (article in a.proclitics) <= 1:
            return True
    return False


@cache
def folded_ta_marbuta() -> str:
    """The ta marbuta as tokens hold it, once normalisation has folded it."""
    return normalize_phrase(cues().raw_ta_marbuta)


@cache
def _allowed_proclitics(conjunction_only: bool) -> frozenset[str]:
    c = cues()
    if conjunction_only:
        return c.coordinators
    return c.coordinators | c.recipient_proclitics | c.other_proclitics


@dataclass(frozen=True, slots=True)
class Clause:
    index: int
    start: int  # token index
    end: int  # exclusive
    kind: ClauseKind
    quoted: bool
    parent: int | None  # the clause this one hangs from, in the same sentence


def segment(
    tokens: Sequence[Token],
    start: int,
    end: int,
    in_quote: bool,
    names: Collection[int] = (),
) -> list[Clause]:
    """The clauses of the sentence ``start:end``. A word of a name several words long
    (``names``, token indices) opens none: "Ban Ki-moon" reads as "bi-an ki" (that so that)
    word by word."""
    c = cues()
    clauses: list[Clause] = []
    quoted = in_quote
    kind: ClauseKind = "quote" if in_quote else "main"
    clause_start = start
    interrupted: Clause | None = None  # the clause a relative one broke into
    resumed: Clause | None = None  # the clause the next one to close takes up again

    def close(at: int) -> None:
        nonlocal resumed
        if at > clause_start:
            parent = resumed.index if resumed else clauses[-1].index if clauses else None
            clauses.append(Clause(len(clauses), clause_start, at, kind, quoted, parent))
            resumed = None

    for i in range(start, end):
        token = tokens[i]
        if token.is_punct and token.text in c.quote_marks:
            close(i)
            quoted = not quoted
            kind = "quote" if quoted else "main"
            clause_start = i + 1
        elif token.is_punct and (
            token.text in c.clause_punctuation or agency_dash(tokens, start, i)
        ):
            close(i)
            kind = "quote" if quoted else "main"
            clause_start = i + 1
        elif kind == "relative" and interrupted and _takes_up(tokens, i, end):
            close(i)
            kind, resumed, interrupted = interrupted.kind, interrupted, None
            clause_start = i + 1
        elif (
            kind == "relative" and interrupted and _predicate_of_antecedent(tokens, clause_start, i)
        ):
            close(i)
            kind, resumed, interrupted = interrupted.kind, interrupted, None
            clause_start = i
        elif i > clause_start and token.text in c.contrast_openers:
            # "wasala al-wazir lakin al-shurta i'taqalat" (the minister arrived but the police
            # arrested): what follows "but" has a subject of its own
            close(i)
            if kind == "relative" and interrupted:
                kind, resumed, interrupted = interrupted.kind, interrupted, None
            clause_start = i
        elif i in names:
            continue
        elif _opens(token) & RELATIVE and (i > clause_start or _after_quote(tokens, i)):
            # a quotation may end right before it: «... "Bashshar al-Asad" alladhi qatala»
            close(i)
            if kind != "relative":
                interrupted = clauses[-1] if clauses else None
            kind = "relative"
            clause_start = i
        elif _opens(token) & COMPLEMENT and (
            i > clause_start or (not quoted and _after_quote(tokens, i))
        ):
            close(i)
            kind = "complement"
            clause_start = i
    close(end)
    return clauses


RELATIVE, COMPLEMENT = 1, 2  # the clauses a word may open, as bits
# By surface, with the analyses it was read from: segment asks every token of a sentence with a
# trigger, and news repeats its words (analyze() gives all tokens of one surface one tuple).
_OPENS: dict[str, tuple[tuple[Analysis, ...], int]] = {}
_OPENS_LIMIT = 100_000


def _opens(token: Token) -> int:
    """The clauses ``token`` may open: relative ("alladhi", who), complement ("anna", that)."""
    if token.is_punct:
        return 0
    hit = _OPENS.get(token.text)
    if hit is not None and hit[0] is token.analyses:
        return hit[1]
    c = cues()
    relative = RELATIVE if is_word(token, c.clause_openers) else 0
    complement = COMPLEMENT if is_word(token, c.complementizers, enclitic_ok=True) else 0
    if len(_OPENS) >= _OPENS_LIMIT:
        _OPENS.clear()
    _OPENS[token.text] = (token.analyses, relative | complement)
    return relative | complement


DATELINE_REACH = 12  # tokens from the sentence's start to the mark that ends a dateline


def agency_dash(tokens: Sequence[Token], start: int, at: int) -> bool:
    """Whether the token at ``at`` is the dash that ends a news agency's dateline after its
    bracket or its name, near the start of the sentence at ``start`` ("Tukyu 15-7 (AFP) - ...",
    "Landan - Ruytarz - ..."), or the first dash after a digest's topic tags ("Isra'il /
    siyasa - ittahama ...")."""
    if not start < at < start + DATELINE_REACH:
        return False
    c = cues()
    if tokens[at].text not in c.dateline_marks:
        return False
    if tokens[at - 1].text == ")" or tokens[at - 1].text in c.news_agencies:
        return True
    before = [t.text for t in tokens[start:at]]
    tagged = not c.tag_separators.isdisjoint(before)
    return tagged and not c.dateline_marks.intersection(before)


def _takes_up(tokens: Sequence[Token], at: int, end: int) -> bool:
    """Whether a comma at ``at`` ends a relative clause: a perfect verb right after it with no
    "wa" opens a clause of its own, which takes up the clause the relative one broke into ("fi
    al-hujum alladhi istahdafa al-safara, qutila thalatha": in the attack that targeted the
    embassy, three were killed), and so does a particle of contrast ("lam yasil al-mutazahirun
    ila haythu taqa' al-safara, wa-innama tajamma'u": the protesters did not reach where the
    embassy stands, but gathered). An imperfect there goes on with the relative clause
    ("alladhina rafa'u qadaya, yattahimuna": who filed suits, accusing)."""
    c = cues()
    if not (tokens[at].is_punct and tokens[at].text in c.clause_commas) or at + 1 >= end:
        return False
    if tokens[at + 1].text in _clause_verbs() or tokens[at + 1].text in c.contrast_openers:
        return True
    return any(
        m.cost == 0 and m.value.pos == "verb" and m.value.aspect != "imperfect"
        for m in trigger_lexicon().events.matches_at(tokens, at + 1, end)
    )


def _predicate_of_antecedent(tokens: Sequence[Token], clause_start: int, at: int) -> bool:
    """Whether a verb of outcome with no "wa" at ``at`` ends the relative clause a relative
    pronoun opened at ``clause_start``, past its own verb: it is the predicate of the noun the
    clause describes ("anna al-tafjir alladhi waqa'a fi al-masjid asfara 'an maqtal 'ashara":
    that the bombing that took place in the mosque killed ten)."""
    c = cues()
    return (
        at > clause_start + 1
        and tokens[at].text in c.outcome_predicates
        and is_word(tokens[clause_start], c.relative_pronouns)
    )


@cache
def _clause_verbs() -> frozenset[str]:
    """Perfect light, speech, casualty and happening verbs."""
    c = cues()
    verbs = (
        c.light_verbs
        | c.attribution_verbs
        | c.casualty_verbs
        | c.happening_verbs
        | c.death_carriers
    )
    return frozenset(v for v in verbs if written_aspect(v, verbs) != "imperfect")


def _after_quote(tokens: Sequence[Token], at: int) -> bool:
    """Whether a quote mark stands right before ``at`` (the caller knows it closed one):
    "qala tanzim "Da'ish" innahu" (the group "IS" said that it) opens a complement all the
    same."""
    return at > 0 and tokens[at - 1].is_punct and tokens[at - 1].text in cues().quote_marks


def clause_of(clauses: Sequence[Clause], token: int) -> Clause | None:
    for clause in clauses:
        if clause.start <= token < clause.end:
            return clause
    return None


def ancestors(clauses: Sequence[Clause], clause: Clause) -> list[Clause]:
    chain = []
    parent = clause.parent
    while parent is not None:
        chain.append(clauses[parent])
        parent = clauses[parent].parent
    return chain


@dataclass(frozen=True, slots=True)
class Governed:
    """An actor with the preposition (if any) that governs it."""

    actor: ActorRef
    preposition: str | None  # normalised preposition or proclitic; None for a subject
    coordinated: bool  # starts with "wa" (and): joined to the actor before it
    partitive: str | None = None  # "min" after a count noun ("majmu'a min"), read as no preposition
    owner: bool = False  # after "tabi'a li-" (belonging to): owns the noun before


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
    title = _member_title_at(tokens, actor.token_start, clitic)
    if title is not None:
        # "i'taqalat al-quwwat al-qiyadi fi harakat Hamas" (the forces arrested the Hamas
        # leader): the body of a member named by his rank stands where he does, and where his
        # house or post does ("aghara 'ala manzil al-nashit fi Hamas", raided the house of
        # the Hamas activist)
        owned = title > 0 and has_stem(tokens[title - 1], c.target_nouns)
        held = _governing(tokens, title) or (_governing(tokens, title - 1) if owned else None)
        return Governed(actor, held, coordinated)
    if clitic is not None:
        belongs = at > 0 and has_stem(tokens[at], c.belonging_words)
        return Governed(actor, clitic, coordinated, owner=belongs)
    ranks = _ranks_before(tokens, at)
    if ranks is not None:
        return Governed(actor, ranks, coordinated)
    spoken_for = at > 0 and tokens[at].text in c.spokesman_of
    if spoken_for and any(is_word(tokens[i], c.spokesmen) for i in range(max(0, at - 2), at)):
        # "al-mutahaddith (al-rasmi) bi-ism al-kharijiyya" (the foreign ministry's (official)
        # spokesman): the body a spokesman speaks for stands where the spokesman does
        return Governed(actor, None, False)
    if at > 0 and has_stem(tokens[at], c.target_nouns):
        # "'ala mawaqi' Hamas" (on Hamas's positions), "amam makatib al-hizb" (in front of the
        # party's offices), "bi-mu'askar al-jaysh" (at the army's camp): the preposition
        # governs the owner too; but "sab'a min 'anasir al-shurta" (seven police officers)
        # counts them
        owner = tokens[at - 1]
        if is_word(owner, c.prepositions) and owner.text not in c.partitive_of:
            return Governed(actor, _preposition(owner, c.prepositions), False)
        written_on = proclitic_preposition(tokens[at], c.target_nouns)
        if written_on is not None:
            return Governed(actor, written_on, False)
    before = tokens[at] if at >= 0 else None
    of = before.text if before is not None and before.text in c.partitive_of else None
    counted = at > 0 and (_partitive_head_before(tokens, at) or count_before(tokens, at))
    if of is not None and counted:
        # "majmu'a min al-mustawtinin iqtahamat" (a group of settlers stormed), "'ishrun min
        # musallahi al-Huthi" (twenty Houthi gunmen): the counted noun stands where its head does
        return Governed(actor, None, coordinated, partitive=of)
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
    return Governed(actor, None, coordinated)


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


def _member_title_at(tokens: Sequence[Token], start: int, clitic: str | None) -> int | None:
    """Where the rank of a member of the body starting at ``start`` stands: "al-qiyadi fi
    Hamas", "al-qiyadi bi-l-muqawama" (a leader in Hamas, in the resistance)."""
    c = cues()
    if clitic is not None:
        at = start - 1 if clitic in c.member_prepositions else None
    else:
        marked = start > 0 and tokens[start - 1].text in c.member_prepositions
        at = start - 2 if marked else None
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


def _partitive_head_before(tokens: Sequence[Token], of: int) -> bool:
    """Whether a head that counts ("majmu'a", a group; "'adad", a number) stands before "min"
    (of), or one adjective before it ("majmu'a musallaha min", an armed group of; "'adad
    kabir min", a large number of)."""
    c = cues()
    if is_word(tokens[of - 1], c.partitive_heads):
        return True
    between = tokens[of - 1]
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
    coalition's fighter planes) is no recipient; after anything else ("'arabat tabi'a li-l-
    Huthiyyin", vehicles of the Houthis) it keeps its "li-". A person right after a governed
    body in construct is that body's (``_genitive_person``)."""
    for i in range(1, len(items)):
        item, before = items[i], items[i - 1]
        if item.owner and item.actor.token_start - before.actor.token_end <= OWNED_REACH:
            items[i] = replace(item, preposition=before.preposition, coordinated=False)
            continue
        adjacent = item.actor.token_start - before.actor.token_end <= 1
        if item.coordinated and item.preposition is None and adjacent:
            items[i] = replace(item, preposition=before.preposition, partitive=before.partitive)
        elif _genitive_person(item, before, tokens):
            items[i] = replace(item, preposition=before.preposition)


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
        and not any(_article() in a.proclitics for a in head.analyses)  # in construct
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
