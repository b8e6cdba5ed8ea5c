"""Which word a trigger's letters are where they stand: the verb, its verbal noun, or another
word that shares its letters (a participle, a name, a noun counted or carried by a light verb,
a word whose ta marbuta normalising turned into a pronoun). ``find_candidates`` asks these
before it reads a match as a trigger."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.carriers import light_verb_before
from marsad.coding.clauses import Clause, has_article, is_word, led_by_wa
from marsad.coding.doers import carried_out_at
from marsad.coding.governed import heads_a_place_name, proclitic_preposition
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.numbers import count_before
from marsad.coding.resources import cues
from marsad.ontology import MATERIAL_CONFLICT, event_types
from marsad.types import Document, Token


def only_with_pronoun(token: Token, entry: TriggerEntry) -> bool:
    """Whether the entry's letters stand in the token only with a pronoun after them."""
    readings = [a for a in token.analyses if a.stem == entry.key]
    return bool(readings) and all(a.enclitic for a in readings)


def we_did(token: Token, entry: TriggerEntry) -> bool:
    """Whether the token is the entry's verb with "we" on it: the imperfect's "na-" ("nutalibu",
    we demand), or the perfect's "-na" on a verb that takes no object ("kharajna", we went
    out), where on another verb it may be "us" ("talabana", he asked us)."""
    if entry.first_person:
        return True
    c = cues()
    return (
        entry.event in c.intransitive_types
        and entry.aspect != "imperfect"  # a perfect, or a form written out in full
        and only_with_pronoun(token, entry)
        and all(a.enclitic in c.speaker_pronouns for a in token.analyses if a.stem == entry.key)
    )


def _read_as_noun(token: Token, entry: TriggerEntry) -> bool:
    """Whether a verb trigger's letters are, in this token, a noun: after the article or a
    preposition ("al-tazahur", the demonstrating; "li-hashd", for mobilising) or with a
    pronoun only nouns take ("qatli", my killing)."""
    c = cues()
    readings = [a for a in token.analyses if a.stem == entry.key]
    if token.text in (entry.key, entry.form) or not readings:
        return False
    fewest = min(readings, key=lambda a: len(a.proclitics) + bool(a.enclitic))
    nominal = c.recipient_proclitics | c.other_proclitics
    # "iltaqa" (met) itself begins with the article's letters (alif, lam) in Arabic script
    if not entry.form.startswith(c.article):
        nominal |= {c.article}
    return bool(set(fewest.proclitics) & nominal) or fewest.enclitic in c.noun_enclitics


def reading(token: Token, entries: list[TriggerEntry]) -> tuple[TriggerEntry | None, TriggerEntry]:
    """The verb entry a token is read as (None for a noun), and the entry it is coded from.
    Verb letters that stand here only with a pronoun are the noun of the same event when there
    is one: "saytarataha" (its control) is the noun with "its", not "saytarat" (took control)
    with an object the verb never takes."""
    verb = next((e for e in entries if e.pos == "verb"), None)
    if verb is None:
        return None, entries[0]
    noun = next((e for e in entries if e.pos == "noun" and e.event == verb.event), None)
    if noun is not None and only_with_pronoun(token, verb):
        return None, noun
    return verb, verb


def ta_marbuta_as_pronoun(doc: Document, start: int, entries: Sequence[TriggerEntry]) -> bool:
    """Whether the first word, written with a ta marbuta, matched only as a shorter word with
    the pronoun "-hu", whose letter normalising gives it ("hikma 'ala", wisdom on, as "hakama
    'ala", sentenced): the ta marbuta is no pronoun. A nisba's feminine ("intihariyya" of
    "intihari", a suicide bomber) is the same word."""
    c = cues()
    if not doc.raw(doc.tokens[start].span).endswith(c.raw_ta_marbuta):
        return False
    return not any(e.key.endswith((c.folded_ta_marbuta, *c.nisba_enclitics)) for e in entries)


def in_a_name(doc: Document, lo: int, start: int) -> bool:
    """Whether the token at ``start`` follows a word that links the parts of a name ("ibn
    Talib", "Abi Talib"): it is a name, not a trigger."""
    return start > lo and doc.tokens[start - 1].text in cues().name_links


def place_name(doc: Document, lo: int, start: int) -> bool:
    """Whether the token at ``start`` names a place: right after a place's head noun that a
    preposition governs ("fi madinat Waddan", in the town of Waddan). Without the preposition
    the head may be an adjective ("jama'at muhafiza saytarat", conservative groups took).
    A head with the article after a direction is the place itself, and a new clause may
    follow: "janub al-'asima qatala musallahun" (south of the capital, gunmen killed)."""
    tokens = doc.tokens
    if start - 2 < lo or not heads_a_place_name(tokens, start - 1):
        return False
    return not (has_article(tokens[start - 1]) and is_word(tokens[start - 2], cues().place_heads))


def _participle(token: Token, verb: TriggerEntry, *, described: bool) -> bool:
    """Whether a form III verb's letters (fa'ala: "talaba", "hajama", "qatala") are a
    participle: with the article ("al-talib", the student; the act's noun is another word,
    "al-mutalaba"), or described by a nisba right after them ("taliban sa'udiyyan", a Saudi
    student; "qatil amriki", an American killer). A form I, V or VI verb with the article is
    its verbal noun ("al-qatl", "al-tazahur")."""
    c = cues()
    key = verb.key
    if described and key.endswith(c.accusative_ending):
        key = key[: -len(c.accusative_ending)]  # "taliban sa'udiyyan" read as a dual verb
    if len(key) != c.form3_length or key[1] != c.form3_letter:
        return False
    if described:
        return True
    readings = [a for a in token.analyses if a.stem == key]
    return bool(readings) and all(c.article in a.proclitics for a in readings)


def another_word(
    token: Token, verb: TriggerEntry, *, nominal: bool, described: bool = False, written: str = ""
) -> bool:
    """Whether a verb's letters are here neither the verb nor its noun: participles (see
    ``_participle``); a word ``written`` with a ta marbuta, which no verb ends in ("taliba", a
    female student, not "talabahu", demanded of him); and a verb whose noun is written with
    other letters, forms IV, VII, VIII and X whose perfect opens with alif ("adana", condemned:
    "idana"), is another word where it would be a noun: "fa-Ladan" (the name Vladan) is not
    "fa" + "li" + "adana"; an imperfect's letters with the article are never the verb nor
    its noun."""
    c = cues()
    if _participle(token, verb, described=described) or written.endswith(c.raw_ta_marbuta):
        return True
    readings = [a for a in token.analyses if a.stem == verb.key]
    if verb.aspect == "imperfect" and readings and all(c.article in a.proclitics for a in readings):
        return True  # "wa-l-yadayn" (and the hands) is no "yadin" (condemns): no verb takes "al-"
    key = verb.key
    derived = key.startswith(c.derived_form_initial) and len(key) >= c.derived_form_min_length
    return nominal and derived


def verb_letters_as_noun(doc: Document, lo: int, start: int, entry: TriggerEntry) -> bool:
    """Whether a verb trigger's letters are, here, its verbal noun or another noun."""
    tokens = doc.tokens
    if start > lo:
        before = {a.stem for a in tokens[start - 1].analyses}
        c = cues()
        # "bi-tuhmat qatl" (on a murder charge), "qadiyyat khatf" (a kidnapping case): a charge,
        # not an act; "'amaliyyat qatl" (killings): a verbal noun
        if not before.isdisjoint(c.topic_nouns) or not before.isdisjoint(c.act_nouns):
            return True
        # "fi qasf bi-qadha'if al-hawun" (in shelling with mortars): no verb follows "fi"
        if is_word(tokens[start - 1], c.noun_governors, conjunction_only=True):
            return True
    # "bi-lahja akthar tawafuqan" (in a more conciliatory tone): nunation marks a noun; a
    # phrase listed as a verb ("ihtijajan 'ala", in protest at) stands as its clause
    written = doc.raw(tokens[start].span)
    if " " not in entry.form and any(mark in written for mark in cues().nunation_marks):
        return True
    # "'aqib qasf nafadhahu al-Huthiyyun" (after shelling the Houthis carried out): the
    # pronoun on the verb of carrying out right after resumes a noun
    if start + 1 < len(tokens) and carried_out_at(tokens, start + 1, start + 2) is not None:
        return True
    return _read_as_noun(tokens[start], entry) or _doer_then_lam_object(doc, start, entry)


def noun_carried(doc: Document, clause: Clause, start: int, entries: list[TriggerEntry]) -> bool:
    """Whether a word listed as a verb's form and as the same event's noun in the indefinite
    accusative is the noun, the object of a light verb before it: "talaqqa al-ra'is talaban
    min al-hukuma" (the president received a request from the government), not the dual "they
    both asked"."""
    text = doc.tokens[start].text
    if not text.endswith(cues().accusative_ending):
        return False
    noun = next((e for e in entries if e.pos == "noun" and e.key == text), None)
    return (
        noun is not None
        and any(e.pos == "verb" and e.event == noun.event for e in entries)
        and light_verb_before(doc, clause, start, noun) is not None
    )


def _doer_then_lam_object(doc: Document, start: int, entry: TriggerEntry) -> bool:
    """Whether an attack verb's letters are its verbal noun with the doer as genitive and
    what it struck after "li-": "qasf al-tahaluf li-maqarrat al-Huthiyyin" (the coalition's
    shelling of the Houthis' headquarters). A verb takes its object without "li-", so the
    words after "li-" must be a party, or a place or unit of one (``target_nouns``)."""
    if event_types()[entry.event].quad != MATERIAL_CONFLICT:
        return False
    tokens = doc.tokens
    # the cheap tests first: a word with no preposition right after the verb's letters
    if start + 1 >= len(tokens) or proclitic_preposition(tokens[start + 1]) is not None:
        return False
    doer = next((a for a in doc.actors_beside(start) if a.token_start == start + 1), None)
    if doer is None or not (doer.code or doer.identifier or has_article(tokens[start + 1])):
        return False
    at = doer.token_end
    if at >= len(tokens) or tokens[at].sentence != tokens[start].sentence:
        return False
    lam = cues().recipient_proclitics
    readings = [a for a in tokens[at].analyses if a.proclitics[:1] and a.proclitics[0] in lam]
    if not readings:
        return False
    party = any(a.token_start == at for a in doc.actors_beside(at))
    return party or any(a.stem in cues().target_nouns for a in readings)


def counted(doc: Document, lo: int, start: int) -> bool:
    """Whether a count stands right before the trigger, which then is the noun it counts, not
    a verb ("138 taliban", 138 students, not "they demanded"); a verb joined by "wa" after a
    count starts a clause of its own ("qatala 3 wa-asaba akhar")."""
    tokens = doc.tokens
    if start == lo or not count_before(tokens, start):
        return False
    return not led_by_wa(tokens[start])
