"""Clause structure of a sentence, read from function words and punctuation.

Arabic news sentences chain clauses: a main clause with a speech verb, a complement after
"anna" (that), a quotation after a colon, a relative clause after "alladhi" (who, which) or
"haythu" (where). Each clause keeps a link to the clause before it, which is where an
implicit subject or a date is found.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from marsad.coding.lexicon import trigger_lexicon, written_aspect
from marsad.coding.numbers import count_before
from marsad.coding.resources import cues
from marsad.temporal.lexicon import date_words
from marsad.text.normalize import normalize_phrase
from marsad.types import ActorRef, Analysis, Token

ClauseKind = Literal["main", "complement", "relative", "quote"]
METONYM = "metonym"  # the cascade step that reads a capital as its government
COUNTRY = "country"  # the cascade step of a country named by its name
# the cascade steps that name a person, by name or by title; "title-setting" is a title given
# the article's country (marsad.actors.setting)
PERSON_METHODS = frozenset(
    {
        "person-role",
        "person-former-role",
        "person-no-role",
        "title-holder",
        "title-name",
        "title-former",
        "title",
        "title-setting",
        "title-chain",
        "counterpart-holder",
        "counterpart",
        "unknown-person",
    }
)


def feminine_state(actor: ActorRef) -> bool:
    """Whether the actor is a country or a capital named by its name that takes a feminine verb
    ("da'at Iran", "a'lanat Washington"; not "al-'Iraq", ``masculine_countries``)."""
    return actor.method in (COUNTRY, METONYM) and actor.code not in cues().masculine_countries


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
    allowed = _allowed_proclitics(conjunction_only)
    for a in token.analyses:
        if a.enclitic and not enclitic_ok:
            continue
        if a.stem in words and allowed.issuperset(a.proclitics):
            return True
        if a.proclitics and _restores_article(a, words, allowed):
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
    letters of the article ("alqat", "alladhi"), so put them back; so do words listed with
    their article ("al-qiyadi") written after "li-" ("li-l-qiyadi", to the leader), even when
    the bare stem is listed too."""
    article = definite_article()
    if article not in a.proclitics or article + a.stem not in words:
        return False
    return allowed.issuperset(p for p in a.proclitics if p != article)


@cache
def definite_article() -> str:
    return cues().article


def has_article(token: Token) -> bool:
    """Whether a reading of ``token`` carries the article: "al-hujum", "wa-l-hujum"."""
    article = definite_article()
    return any(article in a.proclitics for a in token.analyses)


def article_only(token: Token) -> bool:
    """Whether a reading of ``token`` carries the article and no other clitic: "al-hujum", not
    "wa-l-hujum" or "li-l-hujum"."""
    only = (definite_article(),)
    return any(a.proclitics == only for a in token.analyses)


def led_by_wa(token: Token) -> bool:
    """Whether a reading of ``token`` carries "wa" (and): it is joined to what comes before."""
    coordinators = cues().coordinators
    return any(coordinators & set(a.proclitics) for a in token.analyses)


COMMA_SUBJECT_WIDTH = 8  # words of a subject phrase after a comma: nouns joined, adjectives


def comma_before_subject(tokens: Sequence[Token], verb: int, lo: int) -> int | None:
    """The comma, at ``lo`` or after, that a noun phrase right before the verb at ``verb``
    follows: nouns with the article and their adjectives, joined by "wa" or in construct, the
    first and the last with the article (", fa-l-ihtijajat al-sha'biyya wa-irtifa' takalif
    al-ma'isha tuhaddiduhu", and the protests and the cost of living threaten him). A new
    statement with its own subject starts there. Time words ("wa-l-an", and now) and
    relative pronouns are no subject."""
    if verb - 2 < lo or not has_article(tokens[verb - 1]):
        return None  # most verbs: no noun with the article right before them
    c = cues()
    words_no_subject = c.verb_adverbs | c.present_anchors | c.relative_pronouns
    at = verb - 1
    while at > max(lo, verb - COMMA_SUBJECT_WIDTH - 1) and not (
        tokens[at].is_punct or is_word(tokens[at], words_no_subject, conjunction_only=True)
    ):
        at -= 1
    if not (
        lo <= at < verb - 1
        and tokens[at].is_punct
        and tokens[at].text in c.clause_commas
        and has_article(tokens[at + 1])
    ):
        return None
    return at


MOST_CLITICS_WITH_ARTICLE = 2  # "bi-l-tuhma": a clitic and the article


def has_stem(token: Token, words: frozenset[str]) -> bool:
    """Whether a reading of ``token`` with at most one clitic besides the article has its stem
    in ``words``: the word alone, "bi-talqa" (by a bullet), "bi-l-tuhma" (on the charge) or
    "talqatuhu" (his bullet) — not only the first such reading, as a folded ta marbuta also
    reads as a pronoun ("bi-talq-hu"). Readings with more clitics are too far-fetched for a
    noun that decides a role."""
    article = definite_article()
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
    *,
    stops: Collection[int] = (),
) -> list[Clause]:
    """The clauses of the sentence ``start:end``. A word of a name several words long
    (``names``, token indices) opens none: "Ban Ki-moon" reads as "bi-an ki" (that so that)
    word by word. A comma in ``stops`` ends a clause, and the next hangs from none (see
    ``comma_before_verb``)."""
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
            # "... fi al-ma'raka - 13: tafjir sayyara": a chronology's entry hangs from none,
            # nor does the act of another doer after a comma in ``stops``
            parent = (
                resumed.index
                if resumed
                else None
                if not clauses
                or clause_start - 1 in stops
                or _numbered_entry(tokens, start, end, clause_start - 1)
                else clauses[-1].index
            )
            clauses.append(Clause(len(clauses), clause_start, at, kind, quoted, parent))
            resumed = None

    for i in _turning_points(tokens, start, end):
        token = tokens[i]
        if token.is_punct and token.text in c.quote_marks:
            close(i)
            quoted = not quoted
            kind = "quote" if quoted else "main"
            clause_start = i + 1
        elif token.is_punct and (
            token.text in c.clause_punctuation or agency_dash(tokens, start, i) or i in stops
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
        elif _opens(token) & RELATIVE and (i > clause_start or after_quote(tokens, i)):
            # a quotation may end right before it: «... "Bashshar al-Asad" alladhi qatala»
            close(i)
            if kind != "relative":
                interrupted = clauses[-1] if clauses else None
            kind = "relative"
            clause_start = i
        elif _opens(token) & COMPLEMENT and (
            i > clause_start or (not quoted and after_quote(tokens, i))
        ):
            close(i)
            kind = "complement"
            clause_start = i
    close(end)
    return clauses


def _numbered_entry(tokens: Sequence[Token], start: int, end: int, mark: int) -> bool:
    """Whether ``mark`` is an entry mark (the colon) after a number and before words, as in a
    list or a chronology ("13: tafjir", on the 13th: a bombing), not in a time ("9:00")."""
    if not start < mark < end - 1 or tokens[mark].text not in cues().entry_marks:
        return False
    return tokens[mark - 1].text.isdigit() and not tokens[mark + 1].text.isdigit()


SPELLING_QUOTE_WIDTH = 3  # words quote marks set apart as a label, not a quotation


def _spelling_quotes(tokens: Sequence[Token], start: int, end: int, at: int) -> tuple[int, ...]:
    """The quote mark at ``at`` and the one that closes it when they set apart the one to three
    words a count right before counts ("qutila khilalaha 241 «irhabiyyan»", 241 "terrorists"
    were killed): a label the writer keeps at a distance, not a quotation; the count and its
    noun are one phrase."""
    marks = cues().quote_marks
    if tokens[at].text not in marks or at == start or not count_before(tokens, at):
        return ()
    for j in range(at + 2, min(end, at + SPELLING_QUOTE_WIDTH + 2)):
        if tokens[j].is_punct:
            return (at, j) if tokens[j].text in marks else ()
    return ()


def _turning_points(tokens: Sequence[Token], start: int, end: int) -> list[int]:
    """The tokens of ``start:end`` where ``segment`` may open or close a clause: punctuation
    (but quote marks around a counted label), the words of contrast or of outcome, and those
    that open a clause. Most words are none of these, and no case of ``segment`` holds for
    them."""
    turning = _turning_words()
    points = [
        i
        for i in range(start, end)
        if tokens[i].is_punct or tokens[i].text in turning or _opens(tokens[i])
    ]
    spelling = {
        j for i in points if tokens[i].is_punct for j in _spelling_quotes(tokens, start, end, i)
    }
    return [i for i in points if i not in spelling] if spelling else points


@cache
def _turning_words() -> frozenset[str]:
    c = cues()
    return c.contrast_openers | c.outcome_predicates


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


def comma_before_verb(tokens: Sequence[Token], at: int, end: int) -> bool:
    """Whether a comma at ``at`` stands right before a verb of the lexicon in the perfect with
    "wa" ("..., wa-intaqada", and criticised), written as it is listed: "wa-iltaqa" is
    "iltaqa", not "wa-al-taqi"; "wa-l-qatl" (and the killing) is a noun."""
    if not (tokens[at].text in cues().clause_commas and at + 1 < end and led_by_wa(tokens[at + 1])):
        return False
    written = tokens[at + 1].text[1:]
    return any(
        m.end == at + 2
        and m.value.pos == "verb"
        and m.value.aspect != "imperfect"
        and m.value.form == written
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


def after_quote(tokens: Sequence[Token], at: int) -> bool:
    """Whether a quote mark stands right before ``at``: after a closing one, "qala tanzim
    "Da'ish" innahu" (the group "IS" said that it) opens a complement all the same; after an
    opening one, "qutila 241 «irhabiyyan»" still counts the word the mark sets apart."""
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


BRACKETS = frozenset("()")


def past_day_told(tokens: Sequence[Token], at: int, end: int) -> int:
    """Where the words from ``at`` resume past the day an act was done on, told between the
    verb's subject and its object, with commas or brackets around it: "danat al-Jami'a
    al-'Arabiyya awwal min ams al-qasf al-turki" (the day before yesterday), "naddadat
    al-kharijiyya, ams, bi-tasrihat", "yaltaqi Kiri al-yawm (al-arbi'a') nazirahu"."""
    words, marks = date_words(), cues().clause_commas | BRACKETS
    while at < end:
        if tokens[at].is_punct and tokens[at].text in marks:
            at += 1
            continue
        found = words.day_words.matches_at(tokens, at, end) or words.weekdays.matches_at(
            tokens, at, end
        )
        if not found:
            return at
        at = found[0].end
    return at


GOVERNOR_REACH = 3  # tokens between a verb and the complement clause it governs


def governed_by(
    tokens: Sequence[Token], clauses: Sequence[Clause], clause: Clause, verbs: frozenset[str]
) -> bool:
    """Whether the complement clause holding the trigger (or one it sits in) hangs from one
    of ``verbs``: "tawaqqa'a an ..." (expected that ...), "khashiya an ..." (feared that ...).
    The verb stands just before "an", or first in the clause the complement hangs from
    ("nafa al-'amid ... an yakun", the brigadier ... denied that)."""
    current: Clause | None = clause
    while current is not None and current.kind in ("complement", "relative"):
        parent = clauses[current.parent] if current.parent is not None else None
        if current.kind == "complement":
            near = range(max(0, current.start - GOVERNOR_REACH), current.start)
            head = _head_of(clauses, parent)
            first = range(head.start, min(head.end, head.start + 2)) if head else range(0)
            if any(is_word(tokens[i], verbs) for i in (*near, *first)):
                return True
        current = parent
    return False


def _head_of(clauses: Sequence[Clause], clause: Clause | None) -> Clause | None:
    """The nearest clause at or above ``clause`` that is not a relative clause inside it."""
    while clause is not None and clause.kind == "relative" and clause.parent is not None:
        clause = clauses[clause.parent]
    return clause
