"""Why a trigger word does not report an event that happened: the filters that veto it.

Each rule reads function words around the trigger (or around the light verb that carries a
noun trigger) and returns the reason in words, or None when the trigger stands.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from functools import cache
from types import MappingProxyType

from marsad.coding.carriers import light_verb_before
from marsad.coding.clauses import Clause, governed_by, is_word, led_by_wa
from marsad.coding.courtesy import courtesy, idiomatic
from marsad.coding.frames import FRAME_REACH, unreal_material
from marsad.coding.generic import in_general, may_or_habit
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.negation import (
    NEGATED,
    absence_between,
    negates,
    neither_nor,
    outcome_denied,
)
from marsad.coding.numbers import many_at
from marsad.coding.resources import cues
from marsad.coding.tellings import prays, quoted_after, told_in_a_work
from marsad.types import Document, Mention, Sentence, Token

AIM_REACH = 3  # words from an aim ("min ajl", "bi-hadaf") to the noun a light verb carries
OCCASION_REACH = 6  # tokens between "al-marra" (the time) and the relative pronoun it heads


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
    # and right before the noun it carries: "taqatul hukumatayn min ajl al-saytara" (two
    # governments fighting for control)
    aim = range(trigger if carrier is None else max(carrier + 1, trigger - AIM_REACH), trigger)
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
        (any(negates(tokens, i) for i in window) and not outcome_denied(tokens, carrier, trigger))
        or absence_between(tokens, start, trigger)
        or neither_nor(tokens, sentence, start)
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
    if governed_by(tokens, clauses, clause, c.denial):
        return "denied"
    # "yatadhakkar al-mutarjim Sanger khatf Taliban ..." (the translator recalls the Taliban's
    # kidnapping of ...): the verb of recalling or fearing may stand a few words back
    recalled = [i for i in range(max(clause.start, start - FRAME_REACH), start) if i not in named]
    # "tas'a al-muqawama al-sha'biyya ila bast saytaratiha" (the resistance seeks to extend its
    # control): a subject may stand between the intent and the act
    if any(is_word(tokens[i], c.intent) for i in (*window, *aim) if i not in named) or _far_intent(
        tokens, recalled, start
    ):
        return "intended, not done"
    if any(is_word(tokens[i], c.expectation) for i in (*window, *recalled)) or governed_by(
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
    if why := may_or_habit(tokens, clause, trigger, carrier, entry):
        return why
    allowed_at = range(max(clause.start, start - FRAME_REACH), start)
    if material and any(is_word(tokens[i], c.permission_words) for i in allowed_at):
        return "allowed, not done"
    if material and (why := unreal_material(doc, sentence, clause, start, trigger, entry=entry)):
        return why
    if why := in_general(
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
