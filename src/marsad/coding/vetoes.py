"""Why a trigger word does not report an event that happened: the filters that veto it.

Each rule reads function words around the trigger (or around the light verb that carries a
noun trigger) and returns the reason in words, or None when the trigger stands.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import cache
from types import MappingProxyType

from marsad.coding.carriers import light_verb_before
from marsad.coding.clauses import Clause, has_article, is_word, led_by_wa
from marsad.coding.courtesy import courtesy, idiomatic
from marsad.coding.frames import FRAME_REACH, unreal_material
from marsad.coding.lexicon import TriggerEntry, written_aspect
from marsad.coding.numbers import many_at
from marsad.coding.resources import cues
from marsad.coding.tellings import prays, quoted_after, told_in_a_work
from marsad.types import Document, Mention, Sentence, Token

GOVERNOR_REACH = 3  # tokens between a verb and the complement clause it governs
OCCASION_REACH = 6  # tokens between "al-marra" (the time) and the relative pronoun it heads
HEADLINE_REACH = 2  # words of a subject before an imperfect that opens its clause (a headline)
AUXILIARY_REACH = 4  # tokens between "kanat" (was) and the imperfect it puts in the past
NEGATED = "negated"
IN_GENERAL = "an imperfect with nothing to anchor it: what is done in general, not an event"
# a noun an imperfect light verb carries, vetoed so: the held-back act is in the imperfect
CARRIED_IN_GENERAL = f"{IN_GENERAL} (its light verb)"
HEADLINE_CLAUSES = frozenset({"main", "complement"})  # where an imperfect may open a headline


# words from the act to the start of an adverb of repetition that is its own, not a later
# verb's ("wa-tashunn al-hajamat didd al-madaniyyin fi al-mintaqa bi-intizam"; "shahidat miraran
# 'amaliyyat")
REPETITION_BEFORE = 2
REPETITION_AFTER = 12


def _another_word(
    tokens: Sequence[Token], clause: Clause, trigger: int, *, nominal: bool
) -> str | None:
    """Why the trigger's word, read in its place, is not the act's word at all."""
    if _cited_alone(tokens, trigger):
        return "a word alone in quotation marks: a name or a word cited, not an act"
    if not nominal and _predicate_noun(tokens, trigger):
        return "a noun after «kana» (was): what someone is, not an act"
    if not nominal and trigger > 0 and is_word(tokens[trigger - 1], cues().noun_quantifiers):
        return "a noun after «kull» (every), written like the verb: no act"
    if nominal and _vital_spot(tokens, trigger):
        return "«maqtal» with nobody after it: a vital spot («struck in a vital spot»), no killing"
    if not nominal and _without_bi(tokens, clause, trigger):
        return "an imperfect that takes «bi» with none after it: another verb written the same"
    return None


def _without_bi(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """Whether the trigger is one of ``bi_only_imperfects`` and no word after it, up to the
    next punctuation and within ``BI_REACH`` words (a subject between), has «bi» on it
    ("yushayyid al-mustawtanat", builds the settlements)."""
    c = cues()
    if not is_word(tokens[trigger], c.bi_only_imperfects, conjunction_only=True):
        return False
    for token in tokens[trigger + 1 : min(clause.end, trigger + 1 + BI_REACH)]:
        if token.is_punct:
            return True
        if any(set(a.proclitics) & c.instrument_proclitics for a in token.analyses):
            return False
    return True


BI_REACH = 8  # words from «yushid» to its «bi»: a subject between, a title and a name


def _cited_alone(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at ``at`` stands alone in quotation marks, not after a colon: a name in
    a list ("wa-«Hun» bi-l-idafa ila «Waddan»", the town read as "wa-dana", and condemned) or a
    word cited, not a one-word quotation ("qala: «narfud»")."""
    marks = cues().quote_marks
    if not 0 < at < len(tokens) - 1:
        return False
    opened, closed = tokens[at - 1], tokens[at + 1]
    if not (opened.is_punct and opened.text in marks and closed.is_punct and closed.text in marks):
        return False
    return at < 2 or tokens[at - 2].text != COLON


COLON = ":"


def _predicate_noun(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word at ``at``, ending in alif, stands right after a singular "kana" or one
    of its sisters: an accusative noun ("kana taliban mujiddan", he was a diligent student), not
    a dual verb ("talaba", the two demanded), which would follow "kana" only as "kana"."""
    c = cues()
    return (
        at > 0
        and tokens[at].text.endswith(c.accusative_ending)
        and is_word(tokens[at - 1], c.copulas, conjunction_only=True)
    )


def _vital_spot(tokens: Sequence[Token], at: int) -> bool:
    """Whether a noun of `vital_spot_nouns` at ``at``, with no pronoun on it, ends its phrase
    ("li-darb biladina bi-maqtal;", to strike our country in a vital spot)."""
    return is_word(tokens[at], cues().vital_spot_nouns) and (
        at + 1 >= len(tokens) or tokens[at + 1].is_punct
    )


def veto(
    doc: Document,
    sentence: Sentence,
    clauses: Sequence[Clause],
    clause: Clause,
    start: int,
    *,
    entry: TriggerEntry,
    reach: int,
    material: bool,
    nominal: bool,
    named: Mapping[int, Mention] = MappingProxyType({}),
) -> str | None:
    """Why the trigger at ``start`` does not report an event that happened, if it does not.
    Tokens in ``named`` (names of people, bodies and places, each with its mention) are never
    cue words: "Kiri" (Kerry) is not "ka" + "yara" (as he thinks)."""
    c = cues()
    tokens = doc.tokens
    trigger = start
    carrier = light_verb_before(doc, clause, start, entry) if nominal else None
    # "la yumkin shann mithl hadha al-hujum" (such an attack cannot be launched): look before
    # the light verb too
    if carrier is not None:
        start, reach = carrier, 3
    window = list(range(max(clause.start, start - reach), start))
    if clause.kind == "complement" and start - clause.start <= reach:
        # "ya'tazim an yaltaqi" (intends to meet), "lam yuqarrir ba'd an yabhath" (has not yet
        # decided to discuss): the verb the complement hangs from
        window = list(range(max(0, clause.start - reach), clause.start)) + window
    # "law anna al-Wilayat al-Muttahida shannat darba" (if the United States had struck): the
    # hypothetical window reaches back past the "anna" its clause opens with
    since = min(window[0], clause.start) if window else clause.start
    window = [i for i in window if i not in named]
    if (
        (any(_negates(tokens, i) for i in window) and not _outcome_denied(tokens, carrier, trigger))
        or _absence_between(tokens, start, trigger)
        or _neither_nor(tokens, sentence, start)
    ):
        return NEGATED
    if not material and _one_side_of_a_choice(tokens, clause, start):
        return "one side of a choice still open («or»), not done"
    if why := told_in_a_work(doc, sentence, trigger) or _another_word(
        tokens, clause, trigger, nominal=nominal
    ):
        return why
    if c.link_openers.find_all(tokens, sentence.token_start, trigger):
        return "a link to a story: a headline, not the story told again"
    if clause.quoted and quoted_after(tokens, sentence, clause, c.slogan_nouns):
        return "the text of a slogan, chant or banner"
    if clause.quoted and quoted_after(tokens, sentence, clause, c.scripture_speakers):
        return "a verse or a saying of the Prophet quoted"
    if clause.quoted and quoted_after(tokens, sentence, clause, c.name_markers):
        return "a name or title in quotation marks"
    if _describes(tokens, clause):
        return "background: a relative clause describes, it does not report"
    if why := idiomatic(tokens, sentence, clause, trigger, entry, material=material):
        return why
    if entry.event in c.greeting_types and courtesy(doc, clause, trigger, named):
        return "a courtesy to guests or an audience, no political act"
    if not material and c.job_notices.find_all(tokens, clause.start, clause.end):
        return "a notice of jobs or admissions: applicants invited, no political act"
    if any(
        set(a.proclitics) & c.future_proclitics and a.stem == entry.key
        for a in tokens[trigger].analyses
    ):
        return "future"
    if (
        c.hypothetical.find_all(tokens, since, start)
        or _conditional(doc, trigger, entry)
        or _foreseen(tokens, clause, trigger)
    ):
        return "hypothetical"
    if c.anonymity_requests.matches_at(tokens, trigger + 1):
        return "a source asking not to be named"
    if _governed_by(tokens, clauses, clause, c.denial):
        return "denied"
    # "yatadhakkar al-mutarjim Sanger khatf Taliban ..." (the translator recalls the Taliban's
    # kidnapping of ...): the verb of recalling or fearing may stand a few words back
    recalled = [i for i in range(max(clause.start, start - FRAME_REACH), start) if i not in named]
    # "tas'a al-muqawama al-sha'biyya ila bast saytaratiha" (the resistance seeks to extend its
    # control): a subject may stand between the intent and the act
    if any(is_word(tokens[i], c.intent) for i in window) or _far_intent(tokens, recalled, start):
        return "intended, not done"
    if any(is_word(tokens[i], c.expectation) for i in (*window, *recalled)) or _governed_by(
        tokens, clauses, clause, c.expectation
    ):
        return "expected, feared, required or recalled, not reported"
    if why := _gone_by(tokens, sentence, clause, trigger, entry):
        return why
    if nominal and _remembered(tokens, clause, start):
        return "an anniversary of a past act: history, not news"
    # "tamma ... ihbat 'amaliyyat irhabiyya" (terrorist operations were foiled): between the
    # light verb and the noun too
    foiled_at = [
        i for i in range(max(clause.start, trigger - FRAME_REACH), trigger) if i not in named
    ]
    if any(is_word(tokens[i], c.foiled) for i in (*window, *recalled, *foiled_at)):
        return "foiled or thwarted, not done"
    if material and (
        any(is_word(tokens[i], c.modal) for i in window) or _capable_of(tokens, clause, start)
    ):
        return "possible, not done"
    if why := _may_or_habit(tokens, clause, trigger, carrier, entry):
        return why
    allowed_at = range(max(clause.start, start - FRAME_REACH), start)
    if material and any(is_word(tokens[i], c.permission_words) for i in allowed_at):
        return "allowed, not done"
    if material and (why := unreal_material(doc, sentence, clause, start, trigger, entry=entry)):
        return why
    if why := _in_general(
        doc, clauses, clause, trigger, entry=entry, material=material, carrier=carrier
    ):
        return why
    repeated = c.repetition_adverbs.find_all(
        tokens, max(clause.start, start - REPETITION_BEFORE), clause.end
    )
    if any(m.start < trigger + REPETITION_AFTER for m in repeated):
        return "told as repeated («regularly», «repeatedly»): a pattern, not one event"
    if _subjunctive(tokens, start, trigger, entry):
        return "after «an» or «hatta»: wanted, planned or awaited, not done"
    if _asks(doc, sentence, clause):
        return "a question"
    if entry.event in c.prayer_types and prays(tokens, clause, trigger):
        return "a prayer to God, not a call on anyone"
    if is_word(tokens[trigger], c.grip_verbs, conjunction_only=True) and not _gripped(
        tokens, clause, trigger
    ):
        return "«qabada» with no «'ala»: received or gripped, not arrested"
    chants = tokens[trigger].keys & c.chant_verbs
    if chants and not _crowd_after(tokens, clause, trigger):
        return "chanting by no crowd counted: a detail of a protest told, or mere repeating"
    if entry.event in c.declining_types and _declines_to_speak(
        tokens, clause, trigger, named, sentence.token_end
    ):
        return "declined to comment or disclose: no demand or proposal rejected"
    return None


VERDICT_TYPES = frozenset({"SANCTION"})  # a recited case's sentence is news: the ruling itself


def _gone_by(
    tokens: Sequence[Token], sentence: Sentence, clause: Clause, trigger: int, entry: TriggerEntry
) -> str | None:
    """Why the act is told of a time gone by: "then" in its clause, or a verdict recited after
    it in its sentence ("... wa-bi-ihalatihima ila al-mahkama sadara bi-haqqihima sakk
    shar'i", and on their referral to the court a ruling was issued): the crime, the arrest
    and the investigation of a case told up to its verdict are its history."""
    c = cues()
    if c.then_words.find_all(tokens, clause.start, clause.end):
        return "told of a time gone by («then», «at that time»): history, not news"
    if entry.event not in VERDICT_TYPES and c.verdict_recitals.find_all(
        tokens, trigger + 1, sentence.token_end
    ):
        return "a case recited up to its verdict: the crime, arrest and inquiry are its history"
    return None


DECLINE_REACH = 6  # tokens between a verb of refusing and "al-ta'liq" (its subject between)
DECLINE_VERB_REACH = 15  # tokens before "an yu'alliq": a subject in apposition may stand between


def _declines_to_speak(
    tokens: Sequence[Token], clause: Clause, trigger: int, named: Collection[int], last: int
) -> bool:
    """Whether saying or disclosing is what is refused: "rafada al-mutahaddith al-ta'liq"
    (the spokesman declined to comment), "rafada al-kashf 'an hawiyyatihim", "rafadat
    al-Wilayat al-Muttahida, min janibiha, an tu'alliq" (up to ``last``, the sentence's end: the
    commas around an apposition end clauses)."""
    c = cues()
    end = min(clause.end, trigger + 1 + DECLINE_REACH)
    if any(
        i not in named and is_word(tokens[i], c.declined_speech, conjunction_only=True)
        for i in range(trigger + 1, end)
    ):
        return True
    end = min(last, trigger + 1 + DECLINE_VERB_REACH)
    return any(
        is_word(tokens[i], c.complementizers) and is_word(tokens[i + 1], c.declined_speech_verbs)
        for i in range(trigger + 1, end - 1)
    )


GRIP_REACH = 6  # tokens between "qabadat" and its "'ala" (the subject stands between)


def _gripped(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """Whether "'ala" (on) follows "qabada" within reach, with or without a pronoun: "qabadat
    al-shurta 'ala al-muttaham", "qubida 'alayhi"."""
    on = cues().grip_preposition
    end = min(clause.end, trigger + 1 + GRIP_REACH)
    return any(
        tokens[i].text == on or any(a.stem == on for a in tokens[i].analyses)
        for i in range(trigger + 1, end)
    )


def _crowd_after(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """Whether a crowd is counted right after the verb, past an approximator ("raddada akthar
    min alf shakhs", more than a thousand people chanted; "hatafa alaf al-muhtajjin"). Fans
    ("hatafat al-jamahir") are no count."""
    c = cues()
    at = trigger + 1
    while at < clause.end and is_word(tokens[at], c.approximators):
        at += 1
    if at >= clause.end:
        return False
    return many_at(tokens, at, clause.end) or is_word(tokens[at], c.crowd_counts)


FORESEEN_REACH = 6  # words from a trigger to the future verb it is the subject of


def _foreseen(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """Whether the trigger is the subject of a verb of outcome in the future a few words on in
    its clause: "anna rafd al-hulul al-diblumasiyya sa-yu'addi ila al-harb" (that rejecting
    diplomatic solutions will lead to war) foresees the rejection, it does not report it."""
    words = cues().foreseen_outcomes
    for i in range(trigger + 1, min(clause.end, trigger + 1 + FORESEEN_REACH)):
        token = tokens[i]
        if token.is_punct or led_by_wa(token):
            return False
        if token.text in words:
            return True
    return False


def _far_intent(tokens: Sequence[Token], before: Sequence[int], start: int) -> bool:
    """Whether a verb of intent stands among ``before`` with no punctuation between it and
    ``start``: "wa-kana al-jaysh ya'tazim qasf al-madina, wa-qasafat al-ta'irat" tells the
    second strike done."""
    words = cues().far_intent
    for i in reversed(before):
        if tokens[i].is_punct:
            return False
        if is_word(tokens[i], words):
            return True
    return False


NEITHER_REACH = 4  # words from "la" (neither) to the verb, its subject between


def _neither_nor(tokens: Sequence[Token], sentence: Sentence, start: int) -> bool:
    """Whether "la" or "wa-la" stands up to ``NEITHER_REACH`` words before the trigger, its
    subject between, in a sentence that holds both: "la al-qiyada talabat dhalika, wa-la Hamas
    yumkin an tufakkir" (neither did the leadership ask for it, nor could Hamas think of it)."""
    c = cues()
    pair = c.neither_nor
    lo = max(sentence.token_start, start - NEITHER_REACH)
    near = (i for i in range(lo, start) if tokens[i].text in pair)
    if not any(not c.not_negations.matches_at(tokens, i) for i in near):
        return False  # "wa-la tazal" (and still) negates nothing
    return pair <= {t.text for t in tokens[sentence.token_start : sentence.token_end]}


def _one_side_of_a_choice(tokens: Sequence[Token], clause: Clause, start: int) -> bool:
    """Whether "aw" (or) or "imma" (either) stands right before the trigger, or the light verb
    that carries it ("li-yuqirr aw yarfud al-ittifaq", to approve or reject the deal)."""
    return start > clause.start and is_word(
        tokens[start - 1], _choice_words(), conjunction_only=True
    )


@cache
def _choice_words() -> frozenset[str]:
    c = cues()
    return c.disjunctions | c.either_words


def _remembered(tokens: Sequence[Token], clause: Clause, start: int) -> bool:
    """Whether an anniversary noun stands up to 6 tokens before the noun act (or its light
    verb) at ``start``, no punctuation between ("al-dhikra al-sab'in li-ilqa' qunbula", the
    seventieth anniversary of dropping a bomb)."""
    lo = max(clause.start, start - FRAME_REACH)
    found = cues().anniversary_nouns.find_all(tokens, lo, start)
    return any(not any(tokens[i].is_punct for i in range(m.end, start)) for m in found)


def _absence_between(tokens: Sequence[Token], carrier: int, trigger: int) -> bool:
    """Whether "'adam" (the absence of) stands between a light verb and the noun it carries:
    "aqarra bi-'adam al-tawassul ila ittifaq" (admitted no agreement was reached); or a
    negation right before the noun, past the light verb's reach: "wa-huwa laysa idana" (and it
    is no condemnation)."""
    words = cues().nominal_negation
    if any(is_word(tokens[i], words) for i in range(carrier + 1, trigger)):
        return True
    return carrier < trigger - 1 and _negates(tokens, trigger - 1)


def _may_or_habit(
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


def _negates(tokens: Sequence[Token], i: int) -> bool:
    """Whether the token at ``i`` negates: not the relative «ma» after a clause and before a
    verb of outcome ("saqata sarukh ... ma adda ila maqtal", a rocket fell ... which led to the
    killing of; "ma tasabbaba bi-"): "which". First in its sentence it is "not". Nor the
    phrases of `not_negations`: "la siyyama" (especially), "la yazal", "ma zalat" (still)."""
    c = cues()
    negates = is_word(tokens[i], c.negation, conjunction_only=True) or is_word(
        tokens[i], c.nominal_negation
    )
    if not negates or c.not_negations.matches_at(tokens, i):
        return False
    relative = (
        tokens[i].text in c.relative_negators
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].sentence == tokens[i].sentence
    )
    return not (relative and is_word(tokens[i + 1], c.result_verbs, conjunction_only=True))


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
    return not (reported and _governed_by(tokens, clauses, clause, c.attribution_verbs))


CAPABILITY_REACH = 5  # words from a capability to «'ala»: «qudrat Kuriya al-shamaliyya 'ala»


def _capable_of(tokens: Sequence[Token], clause: Clause, start: int) -> bool:
    """Whether a capability stands a few words before "'ala" right before the act at ``start``
    (the light verb of a noun trigger): "'adam qudrat Kuriya al-shamaliyya 'ala itlaq
    sawarikh" (North Korea's inability to launch missiles), its holder between them."""
    c = cues()
    at = start - 1
    if at <= clause.start or not is_word(tokens[at], c.capability_prepositions):
        return False
    for i in range(at - 1, max(clause.start, at - 1 - CAPABILITY_REACH), -1):
        if tokens[i].is_punct:
            return False
        if is_word(tokens[i], c.capability_nouns, conjunction_only=True):
            return True
    return False


def _in_general(
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
    (for states that target Saudi Arabia). A name or a noun with the article may be the
    subject a phrase parted from its verb ("al-tayaran fi Ghazza yaqsif")."""
    if trigger - 2 < clause.start:
        return False
    c = cues()
    noun, governor = doc.tokens[trigger - 1], doc.tokens[trigger - 2]
    if noun.is_punct or has_article(noun) or not is_word(governor, c.noun_governors):
        return False
    return not doc.in_a_name(trigger - 1)


def _conditional(doc: Document, trigger: int, entry: TriggerEntry) -> bool:
    """ "in qatalu" (if they killed): "in" right before a verb in the perfect, as written
    (normalising would make it "an" or "anna")."""
    c = cues()
    if entry.pos != "verb" or entry.aspect != "perfect" or trigger == 0:
        return False
    # "inna rafd al-yunan" (indeed, Greece's refusal): a form a noun may have is not the verb
    if not doc.tokens[trigger].text.endswith(c.verb_only_endings):
        return False
    return doc.raw(doc.tokens[trigger - 1].span) in c.conditional_in


def _subjunctive(tokens: Sequence[Token], start: int, trigger: int, entry: TriggerEntry) -> bool:
    """ "an yaqsifu" (to bomb), "an yatimm qasf" (that there be bombing), "hatta yattafiq"
    (until they agree): "an" or "hatta" before an imperfect, unless "qabla an" (before) or
    "ba'da an" (after) makes it a time. ``start`` is the carrier of a noun trigger."""
    c = cues()
    at = start
    if at > 0 and is_word(tokens[at - 1], c.subjunctive_carriers, conjunction_only=True):
        at -= 1  # "an yatimm qasfuha": the passive carries any reading of the trigger
    else:
        carried = start != trigger
        imperfect = (
            is_word(tokens[start], c.subjunctive_carriers)
            if carried
            else entry.aspect == "imperfect"
        )
        if not imperfect:
            return False
    if at == 0 or not is_word(tokens[at - 1], c.subjunctive, conjunction_only=True):
        return False
    # "qabla an" (before) makes it a time; "yumkin an" (can) an offer, which stands for
    # verbal events ("yumkin an tal'ab dawr al-wasit") and is vetoed as modal for material ones
    governor = tokens[at - 2] if at >= 2 else None
    return governor is None or not is_word(governor, c.subjunctive_temporal | c.modal)


def _governed_by(
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


def _outcome_denied(tokens: Sequence[Token], carrier: int | None, trigger: int) -> bool:
    """Whether the negation denies only an outcome of the noun, its subject: "lam yusfir
    al-qasf 'an wuqu' isabat" (the shelling caused no casualties) tells of a shelling; the
    noun after the verb's preposition ("lam yusfir 'an maqtal ahad") is what did not happen."""
    c = cues()
    if carrier is None or not is_word(tokens[carrier], c.result_verbs, conjunction_only=True):
        return False
    return not is_word(tokens[trigger - 1], c.prepositions)


def _describes(tokens: Sequence[Token], clause: Clause) -> bool:
    """A relative clause describes a noun ("al-rajul alladhi qutil qabl shahr", the man who was
    killed a month ago) unless it is the cleft "hiya allati" (it is they who) or names the
    occasion ("al-marra allati", the time that)."""
    c = cues()
    at = clause.start
    if clause.kind != "relative" or not is_word(tokens[at], c.relative_pronouns):
        return False
    if at > 0 and is_word(tokens[at - 1], c.cleft_pronouns, conjunction_only=True):
        return False
    before = range(max(0, at - OCCASION_REACH), at)
    return not any(a.stem in c.occasion_nouns for i in before for a in tokens[i].analyses[:2])


def _asks(doc: Document, sentence: Sentence, clause: Clause) -> bool:
    """Whether a question mark is among the marks that close the sentence (one may follow it,
    as an exclamation mark), or the clause opens with a word of asking ("hal")."""
    c = cues()
    at = sentence.token_end - 1
    while at >= sentence.token_start and doc.tokens[at].is_punct:
        if doc.tokens[at].text in c.question_marks:
            return True
        at -= 1
    return is_word(doc.tokens[clause.start], c.question_words, conjunction_only=True)
