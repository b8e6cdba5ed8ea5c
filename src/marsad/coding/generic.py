"""Whether a trigger in the imperfect tells what is done in general, as a habit or as may be,
rather than an event that happened (for ``marsad.coding.vetoes``)."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from marsad.coding.clauses import Clause, governed_by, has_article, is_word
from marsad.coding.governed import proclitic_preposition
from marsad.coding.lexicon import TriggerEntry, written_aspect
from marsad.coding.resources import cues
from marsad.types import Document, Token

HEADLINE_REACH = 2  # words of a subject before an imperfect that opens its clause (a headline)
AUXILIARY_REACH = 4  # tokens between "kanat" (was) and the imperfect it puts in the past
IN_GENERAL = "an imperfect with nothing to anchor it: what is done in general, not an event"
# a noun an imperfect light verb carries, vetoed so: the held-back act is in the imperfect
CARRIED_IN_GENERAL = f"{IN_GENERAL} (its light verb)"
DESCRIBED_ADJECTIVES = 1  # adjectives between an indefinite noun and the verb that describes it
HEADLINE_CLAUSES = frozenset({"main", "complement"})  # where an imperfect may open a headline


def may_or_habit(
    tokens: Sequence[Token], clause: Clause, trigger: int, carrier: int | None, entry: TriggerEntry
) -> str | None:
    """Why an imperfect tells what may be or is done as a rule: "qad" (may) right before a verb
    trigger, or a light verb that carries a noun with a word of how often in its clause."""
    c = cues()
    may = trigger > clause.start and is_word(tokens[trigger - 1], c.may, conjunction_only=True)
    if entry.aspect == "imperfect" and may:
        return "«may»: possible, not done"
    if carrier is not None and _habitual_carrier(tokens, clause, carrier):
        return "how often («daily»), carried by an imperfect: a habit, not one event"
    return None


def _habitual_carrier(tokens: Sequence[Token], clause: Clause, carrier: int) -> bool:
    """Whether the light verb at ``carrier`` is an imperfect and its clause says how often:
    "wa-yunaffidh al-tayaran al-turki yawmiyyan gharat" (Turkish aircraft carry out raids
    daily) tells a habit, as "yaqtul ... sanawiyyan" does for a verb trigger."""
    c = cues()
    habitual = c.habitual_adverbs.find_all(tokens, clause.start, clause.end)
    return bool(habitual) and _imperfect_carrier(tokens, carrier)


def _imperfect_carrier(tokens: Sequence[Token], carrier: int) -> bool:
    """Whether the light verb at ``carrier`` is written in the imperfect ("yunaffidh")."""
    verbs = cues().light_verbs
    return any(
        a.stem in verbs and written_aspect(a.stem, verbs) == "imperfect"
        for a in tokens[carrier].analyses
    )


def _generic_present(
    doc: Document, clauses: Sequence[Clause], clause: Clause, trigger: int
) -> bool:
    """ "taghiya yaqtul al-bashar" (a tyrant kills people), "al-mujahidun yukhtafun" (fighters
    are kidnapped): a material act in the imperfect tells what is done in general, unless
    it opens its clause as a headline does ("al-jaysh al-turki yadrib musallahin"), an
    auxiliary puts it in time ("kanat taqsif", was shelling), a time anchors it ("al-an",
    "mundhu"), it follows "qabla an" / "ba'da an", or a reporter's "that" clause tells it
    ("akkada anna Tall Abib tunakkil", not quoted). How often ("sanawiyyan") is a habit."""
    c = cues()
    tokens = doc.tokens
    if c.habitual_adverbs.find_all(tokens, clause.start, clause.end):
        return True
    # "yuhajim bi-intiqadat" (attacks with criticism): words, told as a statement is
    if is_word(tokens[trigger], c.verbal_attack_verbs) and c.criticism_words.find_all(
        tokens, clause.start, clause.end
    ):
        return False
    first = clause.start
    if clause.kind == "complement" and is_word(tokens[first], c.complementizers, enclitic_ok=True):
        first += 1  # "anna al-huthiyyin yaqsifun": the subject starts after "that"
    words_before = [i for i in range(first, trigger) if not tokens[i].is_punct]
    # "wa-tastahdif al-dawra al-atibba'" (and the course targets doctors), "wa-kull jabha
    # tu'adhdhib" (and every front tortures): a verb or a clause joined by "wa" goes on from a
    # sentence before; a headline stands alone. A name's first letter is no "wa": "Washintun
    # tafrid 'uqubat" (Washington imposes sanctions) is a headline
    joined = any(
        c.coordinators & set(a.proclitics)
        for i in (trigger, first)
        if i == trigger or not doc.in_a_name(i)
        for a in tokens[i].analyses
    )
    # "haythu ya'tadi 'anasiruha" (where its men assault): a headline opens its sentence or
    # what a reporter's "that" tells, no relative clause
    headline = clause.kind in HEADLINE_CLAUSES and not clause.quoted and not joined
    if len(words_before) <= HEADLINE_REACH and headline:
        return False
    # "wa-kana al-ahali wa-ansaruhum ... yunazzimun" (the people and their supporters were
    # organising): an auxiliary that opens the clause holds its subject, however long
    near = range(max(clause.start, trigger - AUXILIARY_REACH), trigger)
    if any(is_word(tokens[i], c.aspect_auxiliaries) for i in (*near, first)):
        return False
    if any(is_word(tokens[i], c.present_anchors) for i in range(clause.start, clause.end)):
        return False
    if trigger >= 2 and is_word(tokens[trigger - 2], c.subjunctive_temporal):
        return False  # "qabla an yuqtal" (before he was killed)
    if _describes_indefinite_object(doc, clause, trigger):
        return True
    reported = clause.kind == "complement" and not clause.quoted
    return not (reported and governed_by(tokens, clauses, clause, c.attribution_verbs))


def in_general(
    doc: Document,
    clauses: Sequence[Clause],
    clause: Clause,
    trigger: int,
    *,
    entry: TriggerEntry,
    material: bool,
    carrier: int | None,
) -> str | None:
    """Why a verb trigger, or a noun an imperfect light verb carries at ``carrier`` right after
    an indefinite noun it describes ("khalaya irhabiyya taqum bi-tanfidh 'amaliyyat", terrorist
    cells that carry out operations), tells what is done in general, if it does. A light verb
    with a subject of its own tells what is going on ("wa-tashunn Turkiya gharat", and Turkey
    is launching raids)."""
    imperfect = entry.pos == "verb" and entry.aspect == "imperfect"
    verb = trigger if imperfect else carrier
    if not imperfect and verb is not None:
        described = _after_indefinite_noun(doc, clause, verb)
        verb = verb if described and _imperfect_carrier(doc.tokens, verb) else None
    if material and verb is not None and _generic_present(doc, clauses, clause, verb):
        return IN_GENERAL if imperfect else CARRIED_IN_GENERAL
    if entry.aspect == "imperfect" and _said_of_every(doc.tokens, clause, trigger):
        return "said of every one of a kind («every man condemns»): in general, not an event"
    return None


EVERY_REACH = 8  # words from «every» to the verb its noun is the subject of: «kull insan wulida»


def _said_of_every(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """Whether the imperfect's subject before it is "kull" (every) with an indefinite noun:
    "kull insan wulida bi-surat Allah yashjub" (every man born in God's image condemns) says
    what one of a kind does; "kull al-atraf" (all the parties) names the parties."""
    quantifiers = cues().noun_quantifiers
    for i in range(max(clause.start, trigger - EVERY_REACH), trigger - 1):
        if is_word(tokens[i], quantifiers, conjunction_only=True):
            noun = tokens[i + 1]
            return not noun.is_punct and not has_article(noun)
    return False


def _after_indefinite_noun(doc: Document, clause: Clause, at: int) -> bool:
    """Whether a noun with no article, not a word of a name, stands right before ``at`` in its
    clause: the verb at ``at`` describes it, as a relative clause with no pronoun does
    ("khalaya irhabiyya taqum", cells that carry out; "dawla sadiqa tata'arrad", a friendly
    state that comes under)."""
    before = at - 1
    if before < clause.start or doc.tokens[before].is_punct or doc.in_a_name(before):
        return False
    token = doc.tokens[before]
    return not has_article(token) and not is_word(token, _particles(), conjunction_only=True)


@cache
def _particles() -> frozenset[str]:
    """Words that are no noun before a verb: "wa-lam yusfir al-qasf" (and the shelling caused
    no), "qad", "an", prepositions and negations."""
    c = cues()
    return (
        c.coordinators
        | c.prepositions
        | c.complementizers
        | c.may
        | c.subjunctive
        | c.negation
        | c.nominal_negation
    )


def _describes_indefinite_object(doc: Document, clause: Clause, trigger: int) -> bool:
    """Whether the imperfect right after an indefinite noun a preposition governs describes
    that noun, a relative clause with no pronoun: "li-salih duwal tastahdif al-Sa'udiyya"
    (for states that target Saudi Arabia); the preposition may be written on the noun and an
    adjective stand between ("li-ittifaq nawawi yarfa' al-'uqubat", for a nuclear deal that
    lifts the sanctions). A name or a noun with the article may be the subject a phrase parted
    from its verb ("al-tayaran fi Ghazza yaqsif")."""
    c = cues()
    tokens = doc.tokens
    for at in range(trigger - 1, max(clause.start, trigger - 1 - DESCRIBED_ADJECTIVES) - 1, -1):
        noun = tokens[at]
        if noun.is_punct or has_article(noun) or doc.in_a_name(at):
            return False
        written_on = proclitic_preposition(noun) is not None
        if written_on or (at > clause.start and is_word(tokens[at - 1], c.noun_governors)):
            return True
    return False
