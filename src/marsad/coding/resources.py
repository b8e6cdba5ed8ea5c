"""Load language data files into the shapes the coding rules use, once per process."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache, cached_property
from importlib.resources import files
from typing import Any

from marsad.errors import DataError
from marsad.matcher import PhraseMatcher
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys


def read_lang_file(name: str, lang: str = "ar") -> str:
    return files("marsad.lang").joinpath(lang, name).read_text(encoding="utf-8")


def read_lang_json(name: str, lang: str = "ar") -> dict[str, Any]:
    try:
        data = json.loads(read_lang_file(name, lang))
    except json.JSONDecodeError as exc:
        raise DataError(f"lang/{lang}/{name}: not valid JSON: {exc}") from exc
    if not isinstance(data, dict):
        raise DataError(f"lang/{lang}/{name}: expected a JSON object")
    return data


def word_set(forms: list[str]) -> frozenset[str]:
    """Single-word cues as normalised surfaces (the article is kept: these are function words)."""
    return frozenset(normalize_phrase(f) for f in forms if " " not in f.strip())


def phrase_matcher(forms: list[str], value: str) -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    for form in forms:
        matcher.add(entry_keys(form), value)
    return matcher


@dataclass(frozen=True)
class Cues:
    light_verbs: frozenset[str]
    negation: frozenset[str]
    nominal_negation: frozenset[str]
    relative_negators: frozenset[str]
    not_negations: PhraseMatcher[str]
    hypothetical: PhraseMatcher[str]
    foreseen_outcomes: frozenset[str]
    intent: frozenset[str]
    far_intent: frozenset[str]
    future_proclitics: frozenset[str]
    reference: frozenset[str]
    likeness: frozenset[str]
    clause_openers: frozenset[str]
    also_openers: frozenset[str]
    complementizers: frozenset[str]
    attribution_verbs: frozenset[str]
    quoting_verbs: frozenset[str]
    statement_nouns: frozenset[str]
    recipient_prepositions: frozenset[str]
    recipient_proclitics: frozenset[str]
    recipient_by_type: dict[str, frozenset[str]]
    object_nationality_types: frozenset[str]
    own_country_nouns: frozenset[str]
    addressee_sectors: frozenset[str]
    joint_prepositions: frozenset[str]
    other_prepositions: frozenset[str]
    other_proclitics: frozenset[str]
    coordinators: frozenset[str]
    sequence_proclitics: frozenset[str]
    purpose_proclitics: frozenset[str]
    resumptive_verbs: frozenset[str]
    resumptive_demonstratives: frozenset[str]
    resumptive_occasions: frozenset[str]
    resumptive_not_occasions: frozenset[str]
    meeting_talk_types: frozenset[str]
    long_subject_types: frozenset[str]
    topic_shifts: PhraseMatcher[str]
    unbound_endings: tuple[str, ...]
    board_nouns: frozenset[str]
    venue_nouns: frozenset[str]
    disjunctions: frozenset[str]
    counterpart: frozenset[str]
    quote_marks: frozenset[str]
    clause_punctuation: frozenset[str]
    clause_commas: frozenset[str]
    outcome_predicates: frozenset[str]
    contrast_openers: frozenset[str]
    parallel_openers: frozenset[str]
    form3_letter: str
    grip_verbs: frozenset[str]
    charge_verbs: frozenset[str]
    grip_preposition: str
    form3_length: int
    body_titles: frozenset[str]
    main_heads: frozenset[str]  # stems
    dependent_heads: frozenset[str]
    body_sectors: dict[str, str]  # body noun key -> the sector of its head, '' for no actor
    responsible_words: frozenset[str]
    responsible_for: frozenset[str]
    act_noun_agents: frozenset[str]
    act_noun_prepositions: frozenset[str]
    accusative_ending: str
    raw_ta_marbuta: str  # not normalised: compared with the raw text
    folded_ta_marbuta: str  # the letter normalising writes it as
    derived_form_initial: str
    derived_form_min_length: int
    hamza_homographs: tuple[str, ...]  # as written, not normalised
    article: str
    noun_enclitics: frozenset[str]
    possessive_pronouns: tuple[str, ...]  # as written: matched on raw text
    speaker_pronouns: tuple[str, ...]  # as written: matched on raw text, in quotations
    name_particles: frozenset[str]
    person_nouns: frozenset[str]
    compound_surname_ends: frozenset[str]
    relation_nouns: frozenset[str]
    relation_adjectives: frozenset[str]
    former_modifiers: frozenset[str]
    courtesy_words: frozenset[str]
    regime_words: frozenset[str]
    member_heads: frozenset[str]
    body_head_offices: frozenset[str]
    place_nouns: frozenset[str]
    agent_markers: PhraseMatcher[str]
    blame_verbs: frozenset[str]
    blamed_on: frozenset[str]
    carry_out_verbs: frozenset[str]  # as written before a resumptive pronoun
    carry_out_by: frozenset[str]
    carry_out_pronouns: frozenset[str]
    result_verbs: frozenset[str]
    victim_nouns: frozenset[str]
    life_words: frozenset[str]
    people_nouns: frozenset[str]
    dual_people_nouns: frozenset[str]
    captive_types: frozenset[str]
    count_only_agents: frozenset[str]
    lone_person_nouns: frozenset[str]
    occupation_words: frozenset[str]
    another_words: frozenset[str]
    incident_nouns: frozenset[str]  # stems
    retold_nouns: frozenset[str]  # stems
    topic_nouns: frozenset[str]
    relative_pronouns: frozenset[str]
    modal: frozenset[str]
    capability_nouns: frozenset[str]
    capability_prepositions: frozenset[str]
    question_words: frozenset[str]
    question_marks: frozenset[str]
    frame_nouns: frozenset[str]  # stems: read through a token's analyses
    frame_types: frozenset[str]  # PLOVER types the frame and fiction nouns veto
    fiction_nouns: frozenset[str]  # stems
    fiction_words: PhraseMatcher[str]  # the same, to find where one may stand
    expectation: frozenset[str]
    denial: frozenset[str]
    generic_quantifiers: frozenset[str]
    may: frozenset[str]
    conditional_in: frozenset[str]  # as written, not normalised: the hamza tells "in" (if)
    verb_only_endings: tuple[str, ...]
    agreeing_endings: tuple[str, ...]
    plural_endings: tuple[str, ...]
    plural_endings_before_pronoun: tuple[str, ...]
    passive_vowel: str  # as written: the raw text keeps it
    nunation_marks: str  # as written
    prevention_heads: frozenset[str]
    aspect_auxiliaries: frozenset[str]
    copulas: frozenset[str]
    agentless_when_next: frozenset[str]
    from_doer_types: frozenset[str]  # PLOVER types whose noun's "min" names its doer
    neither_nor: frozenset[str]
    group_heads: frozenset[str]  # stems: "tanzim", "haraka", "hizb"
    group_epithets: frozenset[str]
    noun_quantifiers: frozenset[str]
    vital_spot_nouns: frozenset[str]
    holding_verbs: frozenset[str]
    taken_from_nouns: frozenset[str]
    taken_from_types: frozenset[str]
    present_anchors: frozenset[str]
    habitual_adverbs: PhraseMatcher[str]
    repetition_adverbs: PhraseMatcher[str]
    exposure_verbs: frozenset[str]
    background_openers: PhraseMatcher[str]
    response_phrases: PhraseMatcher[str]
    time_anchors: frozenset[str]
    fighting_nouns: frozenset[str]
    fight_partner_prepositions: frozenset[str]
    ground_verbs: frozenset[str]
    site_nouns: frozenset[str]
    object_carriers: frozenset[str]
    cause_nouns: frozenset[str]
    casualty_verbs: frozenset[str]
    crowd_types: frozenset[str]
    locus_verbs: frozenset[str]
    happening_verbs: frozenset[str]
    verbal_attack_nouns: frozenset[str]  # stems
    target_nouns: frozenset[str]  # stems
    stance_nouns: frozenset[str]  # stems
    honorific_pronouns: PhraseMatcher[str]
    speaker_feminine_endings: tuple[str, ...]  # as written
    plural_verb_endings: tuple[str, ...]  # normalised
    bi_complement_verbs: frozenset[str]
    regime_nouns: frozenset[str]  # stems
    verbal_attack_as: tuple[str, str]  # the PLOVER type and mode it is coded as
    objection_words: frozenset[str]
    speech_objects: frozenset[str]
    official_sectors: frozenset[str]
    official_protest_as: tuple[str, str]
    lone_attackers: frozenset[str]
    lone_attacker_sector: str
    support_rally_words: frozenset[str]
    rally_against_words: frozenset[str]
    support_rally_as: str
    pledge_verbs: frozenset[str]
    vengeance_words: frozenset[str]
    vengeance_as: tuple[str, str]
    self_report_as: tuple[str, str]  # the type and mode of "he said he was tortured"
    attack_nouns: frozenset[str]  # stems
    blast_nouns: frozenset[str]  # stems
    instrument_proclitics: frozenset[str]
    motion_verbs: frozenset[str]
    protester_nouns: frozenset[str]
    obstruction_verbs: frozenset[str]
    road_nouns: frozenset[str]
    obstruction_mode: str
    motion_carries: frozenset[str]  # PLOVER types whose noun triggers a motion verb carries
    wound_carries: frozenset[str]  # PLOVER types whose noun triggers a verb of wounding carries
    exchange_verbs: frozenset[str]
    exchange_carries: frozenset[str]  # PLOVER types whose noun triggers an exchange carries
    claim_verbs: frozenset[str]
    claim_carries: frozenset[str]  # PLOVER types whose noun triggers a claim carries
    deal_carriers: frozenset[str]
    deal_types: frozenset[str]  # PLOVER types whose noun triggers only deal_carriers carry
    wound_prepositions: frozenset[str]
    participation_verbs: frozenset[str]
    occasion_nouns: frozenset[str]  # stems
    cleft_pronouns: frozenset[str]
    what_relatives: frozenset[str]
    subjunctive: frozenset[str]
    subjunctive_carriers: frozenset[str]
    subjunctive_temporal: frozenset[str]
    example_markers: PhraseMatcher[str]
    idiom_objects: PhraseMatcher[str]
    far_idiom_objects: PhraseMatcher[str]
    peace_objects: PhraseMatcher[str]
    achievement_objects: PhraseMatcher[str]
    claim_objects: PhraseMatcher[str]
    claim_types: frozenset[str]
    profession_objects: PhraseMatcher[str]
    prayer_heads: frozenset[str]
    profession_types: frozenset[str]
    threat_types: frozenset[str]  # PLOVER types whose verb needs "bi-" and what it threatens
    threat_content_proclitics: frozenset[str]
    opinion_types: frozenset[str]  # PLOVER types whose words also tell a view shared
    opinion_objects: PhraseMatcher[str]
    opinion_holders: PhraseMatcher[str]
    administrative_approvals: PhraseMatcher[str]
    approval_types: frozenset[str]
    slogan_nouns: PhraseMatcher[str]
    scripture_speakers: PhraseMatcher[str]
    name_markers: PhraseMatcher[str]
    anonymity_requests: PhraseMatcher[str]
    declined_speech: frozenset[str]
    declined_speech_verbs: frozenset[str]
    circumstance_openers: frozenset[str]
    meeting_circumstance_types: frozenset[str]
    locative_proclitics: frozenset[str]
    place_prepositions: frozenset[str]
    setting_adverbs: frozenset[str]
    state_heads: frozenset[str]
    declining_types: frozenset[str]
    running_totals: PhraseMatcher[str]
    trend_spans: PhraseMatcher[str]
    then_words: PhraseMatcher[str]
    verdict_recitals: PhraseMatcher[str]
    objection_acts: frozenset[str]
    permission_words: frozenset[str]
    scripture_openers: PhraseMatcher[str]
    link_openers: PhraseMatcher[str]
    scripture_opener_ends: frozenset[str]  # each opener's last word, normalised
    hearsay_verbs: frozenset[str]
    hearsay_prepositions: frozenset[str]
    either_words: frozenset[str]
    receive_verbs: frozenset[str]
    during_pronouns: frozenset[str]
    style_honorifics: frozenset[str]
    expressing_prepositions: frozenset[str]
    expressed_about: frozenset[str]
    received_keep: frozenset[str]
    anniversary_nouns: PhraseMatcher[str]
    greeting_types: frozenset[str]
    audience_objects: PhraseMatcher[str]
    courtesy_objects: PhraseMatcher[str]
    holiday_occasions: PhraseMatcher[str]
    state_day_words: frozenset[str]
    welcome_verbs: frozenset[str]
    nominative_endings: tuple[str, ...]
    oblique_endings: tuple[str, ...]
    nisba_oblique_endings: tuple[str, ...]
    pronoun_verb_prefixes: dict[str, str]
    accident_words: PhraseMatcher[str]
    disaster_words: PhraseMatcher[str]
    crashing_craft: PhraseMatcher[str]
    livestock_words: PhraseMatcher[str]
    sports_words: PhraseMatcher[str]
    job_notices: PhraseMatcher[str]
    sports_spare: frozenset[str]  # TYPE or TYPE/mode still coded in a sentence about sport
    weak_triggers: frozenset[str]
    gathering_verbs: frozenset[str]
    protest_purpose: PhraseMatcher[str]
    verb_adverbs: frozenset[str]
    others_objects: frozenset[str]
    ranks_nouns: frozenset[str]
    unplaced_agents: frozenset[str]
    count_governors: frozenset[str]
    ranks_prepositions: frozenset[str]
    condemn_words: frozenset[str]
    place_heads: frozenset[str]
    facility_nouns: frozenset[str]
    name_links: frozenset[str]
    region_heads: frozenset[str]
    approximators: frozenset[str]
    approximator_phrases: PhraseMatcher[str]
    border_words: frozenset[str]
    envoy_heads: frozenset[str]
    envoy_modifiers: frozenset[str]
    posting_prepositions: frozenset[str]
    deputy_heads: frozenset[str]
    deputy_modifiers: frozenset[str]
    alliance_words: frozenset[str]
    behalf_words: frozenset[str]
    issued_words: frozenset[str]  # stems
    border_target_types: frozenset[str]
    death_carriers: frozenset[str]
    dying_verbs: frozenset[str]
    attack_source: frozenset[str]
    attack_target_markers: frozenset[str]
    duration_nouns: frozenset[str]
    speaking_sectors: frozenset[str]
    armed_sectors: frozenset[str]
    killing_sectors: frozenset[str]
    detained_sectors: frozenset[str]
    capture_modes: frozenset[str]
    fallen_sectors: frozenset[str]
    manner_adverbials: frozenset[str]
    office_sectors: frozenset[str]
    harm_verbs: frozenset[str]
    state_forces: frozenset[str]
    state_sectors: frozenset[str]
    insurgent_sectors: frozenset[str]
    aside_prepositions: frozenset[str]
    chant_verbs: frozenset[str]
    crowd_counts: frozenset[str]
    nisba_enclitics: frozenset[str]
    feminine_nisba_ending: str  # normalised
    nisba_bound_agents: frozenset[str]
    adjective_endings: tuple[str, ...]  # normalised
    body_adjectives: frozenset[str]
    feminine_verb_ending: str  # normalised
    feminine_plural_ending: str  # normalised
    weak_finals: tuple[str, ...]  # normalised
    sound_plural_endings: tuple[str, ...]
    source_nouns: frozenset[str]
    prayer_types: frozenset[str]
    aim_verbs: frozenset[str]
    noun_governors: frozenset[str]
    announced_with: frozenset[str]
    telling_verbs: frozenset[str]
    outcome_nouns: frozenset[str]
    belonging_words: frozenset[str]
    member_titles: frozenset[str]
    member_prepositions: frozenset[str]
    allegiance_words: frozenset[str]
    casualty_nouns: frozenset[str]
    wound_nouns: frozenset[str]
    achievement_verbs: frozenset[str]
    aim_subjects: frozenset[str]
    prayed_to: frozenset[str]
    name_honorifics: frozenset[str]
    indefinite_people: frozenset[str]
    filial_particles: frozenset[str]
    praise_after: frozenset[str]
    prayer_after: frozenset[str]
    agentless_carriers: frozenset[str]
    passive_carriers: frozenset[str]
    firing_nouns: frozenset[str]
    court_sectors: frozenset[str]
    court_condemns_as: tuple[str, str]  # the PLOVER type and mode a court's condemnation is
    scripture_marks: frozenset[str]
    act_nouns: frozenset[str]  # stems
    bare_march_nouns: frozenset[str]
    march_carriers: frozenset[str]
    dateline_marks: frozenset[str]
    news_agencies: frozenset[str]
    tag_separators: frozenset[str]
    natural_forces: frozenset[str]
    foiled: frozenset[str]
    verbal_attack_verbs: frozenset[str]
    criticism_words: PhraseMatcher[str]
    figurative_types: frozenset[str]  # PLOVER types whose weak triggers need an actor or victim
    force_types: frozenset[str]  # non-material types a force of nature cannot do either
    rescuers: PhraseMatcher[str]
    inspection_words: PhraseMatcher[str]
    partitive_heads: frozenset[str]
    plural_counts: frozenset[str]
    headed_by: frozenset[str]
    series_nouns: frozenset[str]
    spokesmen: frozenset[str]
    spokesman_of: frozenset[str]
    partitive_of: frozenset[str]
    belonging_verbs: frozenset[str]
    member_nouns: frozenset[str]
    invoke_verbs: frozenset[str]
    invoke_preposition: frozenset[str]
    reaction_nouns: frozenset[str]
    march_crowds: PhraseMatcher[str]

    @cached_property  # asked for after every nisba and casualty verb
    def harm_or_dying_verbs(self) -> frozenset[str]:
        return self.harm_verbs | self.dying_verbs

    @cached_property  # asked for on every phrase the clause finder governs
    def prepositions(self) -> frozenset[str]:
        return self.recipient_prepositions | self.joint_prepositions | self.other_prepositions


def _strings(data: dict[str, Any], key: str) -> list[str]:
    value = data.get(key)
    if isinstance(value, dict):
        value = value.get("forms")
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataError(f"lang/ar/cues.json: {key!r} must be a list of strings")
    return value


def _sectors(data: dict[str, Any], key: str) -> dict[str, str]:
    """A mapping of words to PLOVER sectors, keyed by the words' lexicon keys."""
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise DataError(f"lang/ar/cues.json: {key!r} must map words to sectors")
    return {k: sector for word, sector in value.items() for k in entry_keys(word)}


def _letters(data: dict[str, Any], key: str) -> dict[str, str]:
    """A mapping of letters to letters, as written."""
    value = data.get(key)
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise DataError(f"lang/ar/cues.json: {key!r} must map letters to letters")
    return dict(value)


def _string(data: dict[str, Any], key: str) -> str:
    value = data.get(key)
    if not isinstance(value, str):
        raise DataError(f"lang/ar/cues.json: {key!r} must be a string")
    return value


def _pair(values: list[str], key: str) -> tuple[str, str]:
    if len(values) != 2:
        raise DataError(f"lang/ar/cues.json: {key!r} must hold a type and a mode")
    return values[0], values[1]


@cache
def cues() -> Cues:
    data = read_lang_json("cues.json")

    def words(key: str) -> frozenset[str]:
        return word_set(_strings(data, key))

    def stems(key: str) -> frozenset[str]:
        return frozenset(k for f in _strings(data, key) for k in entry_keys(f))

    article = _string(data, "article")
    return Cues(
        light_verbs=words("light_verbs"),
        negation=words("negation"),
        nominal_negation=words("nominal_negation"),
        relative_negators=words("relative_negators"),
        not_negations=phrase_matcher(_strings(data, "not_negations"), "not"),
        hypothetical=phrase_matcher(_strings(data, "hypothetical"), "hypothetical"),
        foreseen_outcomes=words("foreseen_outcomes"),
        intent=words("intent"),
        far_intent=words("far_intent"),
        future_proclitics=words("future_proclitics"),
        reference=words("reference"),
        likeness=words("likeness"),
        clause_openers=words("clause_openers"),
        also_openers=words("also_openers"),
        complementizers=words("complementizers"),
        attribution_verbs=words("attribution_verbs"),
        quoting_verbs=words("quoting_verbs"),
        statement_nouns=words("statement_nouns"),
        recipient_prepositions=words("recipient_prepositions"),
        recipient_proclitics=words("recipient_proclitics"),
        own_country_nouns=stems("own_country_nouns"),
        addressee_sectors=frozenset(_strings(data, "addressee_sectors")),
        object_nationality_types=frozenset(_strings(data, "object_nationality_types")),
        recipient_by_type={
            name: word_set(forms)
            for name, forms in data.get("recipient_prepositions_by_type", {}).items()
            if not name.startswith("_")
        },
        joint_prepositions=words("joint_prepositions"),
        other_prepositions=words("other_prepositions"),
        other_proclitics=words("other_proclitics"),
        coordinators=words("coordinators"),
        sequence_proclitics=words("sequence_proclitics"),
        purpose_proclitics=words("purpose_proclitics"),
        resumptive_verbs=words("resumptive_verbs"),
        resumptive_demonstratives=words("resumptive_demonstratives"),
        resumptive_occasions=words("resumptive_occasions"),
        resumptive_not_occasions=words("resumptive_not_occasions"),
        meeting_talk_types=frozenset(_strings(data, "meeting_talk_types")),
        long_subject_types=frozenset(_strings(data, "long_subject_types")),
        topic_shifts=phrase_matcher(_strings(data, "topic_shifts"), "shift"),
        unbound_endings=tuple(_strings(data, "unbound_endings")),
        board_nouns=words("board_nouns"),
        venue_nouns=stems("venue_nouns"),
        disjunctions=words("disjunctions"),
        counterpart=words("counterpart"),
        quote_marks=frozenset(_strings(data, "quote_marks")),
        clause_punctuation=frozenset(
            normalize_phrase(p) for p in _strings(data, "clause_punctuation")
        ),
        clause_commas=frozenset(normalize_phrase(p) for p in _strings(data, "clause_commas")),
        contrast_openers=word_set(_strings(data, "contrast_openers")),
        parallel_openers=word_set(_strings(data, "parallel_openers")),
        outcome_predicates=words("outcome_predicates"),
        form3_letter=normalize_phrase(str(data["form3_letter"])),
        grip_verbs=words("grip_verbs"),
        charge_verbs=words("charge_verbs"),
        grip_preposition=normalize_phrase(str(data["grip_preposition"])),
        form3_length=int(data["form3_length"]),
        body_titles=words("body_titles"),
        main_heads=stems("main_heads"),
        dependent_heads=words("dependent_heads"),
        body_sectors=_sectors(data, "body_sectors"),
        responsible_words=words("responsible_words"),
        responsible_for=words("responsible_for"),
        act_noun_agents=stems("act_noun_agents"),
        act_noun_prepositions=words("act_noun_prepositions"),
        accusative_ending=normalize_phrase(str(data["accusative_ending"])),
        raw_ta_marbuta=str(data["raw_ta_marbuta"]),
        folded_ta_marbuta=normalize_phrase(str(data["raw_ta_marbuta"])),
        derived_form_initial=normalize_phrase(str(data["derived_form_initial"])),
        derived_form_min_length=int(data["derived_form_min_length"]),
        hamza_homographs=tuple(_strings(data, "hamza_homographs")),
        article=normalize_phrase(article),
        noun_enclitics=words("noun_enclitics"),
        possessive_pronouns=tuple(_strings(data, "possessive_pronouns")),
        speaker_pronouns=tuple(_strings(data, "speaker_pronouns")),
        name_particles=words("name_particles"),
        person_nouns=words("person_nouns"),
        compound_surname_ends=words("compound_surname_ends"),
        relation_nouns=words("relation_nouns"),
        relation_adjectives=words("relation_adjectives"),
        former_modifiers=words("former_modifiers"),
        courtesy_words=words("courtesy_words"),
        regime_words=words("regime_words"),
        member_heads=words("member_heads"),
        body_head_offices=frozenset(_strings(data, "body_head_offices")),
        place_nouns=words("place_nouns"),
        agent_markers=phrase_matcher(_strings(data, "agent_markers"), "agent"),
        blame_verbs=words("blame_verbs"),
        blamed_on=words("blamed_on"),
        carry_out_verbs=words("carry_out_verbs"),
        carry_out_by=words("carry_out_by"),
        carry_out_pronouns=words("carry_out_pronouns"),
        result_verbs=words("result_verbs"),
        victim_nouns=stems("victim_nouns"),
        life_words=words("life_words"),
        people_nouns=words("people_nouns"),
        dual_people_nouns=words("dual_people_nouns"),
        captive_types=frozenset(_strings(data, "captive_types")),
        count_only_agents=stems("count_only_agents"),
        lone_person_nouns=words("lone_person_nouns"),
        occupation_words=words("occupation_words"),
        another_words=words("another_words"),
        incident_nouns=stems("incident_nouns"),
        retold_nouns=stems("retold_nouns"),
        topic_nouns=stems("topic_nouns"),
        relative_pronouns=words("relative_pronouns"),
        modal=words("modal"),
        capability_nouns=words("capability_nouns"),
        capability_prepositions=words("capability_prepositions"),
        question_words=words("question_words"),
        question_marks=frozenset(normalize_phrase(q) for q in _strings(data, "question_marks")),
        frame_nouns=stems("frame_nouns"),
        frame_types=frozenset(_strings(data, "frame_types")),
        fiction_nouns=stems("fiction_nouns"),
        fiction_words=phrase_matcher(_strings(data, "fiction_nouns"), "fiction"),
        expectation=words("expectation"),
        denial=words("denial"),
        generic_quantifiers=words("generic_quantifiers"),
        may=words("may"),
        conditional_in=frozenset(_strings(data, "conditional_in")),
        verb_only_endings=tuple(normalize_phrase(e) for e in _strings(data, "verb_only_endings")),
        agreeing_endings=tuple(normalize_phrase(e) for e in _strings(data, "agreeing_endings")),
        plural_endings=tuple(normalize_phrase(e) for e in _strings(data, "plural_endings")),
        plural_endings_before_pronoun=tuple(
            normalize_phrase(e) for e in _strings(data, "plural_endings_before_pronoun")
        ),
        passive_vowel=str(data["passive_vowel"]),
        nunation_marks=str(data["nunation_marks"]),
        prevention_heads=words("prevention_heads"),
        aspect_auxiliaries=words("aspect_auxiliaries"),
        copulas=words("copulas"),
        agentless_when_next=words("agentless_when_next"),
        from_doer_types=frozenset(_strings(data, "from_doer_types")),
        neither_nor=words("neither_nor"),
        group_heads=stems("group_heads"),
        group_epithets=words("group_epithets"),
        noun_quantifiers=words("noun_quantifiers"),
        vital_spot_nouns=words("vital_spot_nouns"),
        holding_verbs=words("holding_verbs"),
        taken_from_nouns=words("taken_from_nouns"),
        taken_from_types=frozenset(_strings(data, "taken_from_types")),
        present_anchors=words("present_anchors"),
        habitual_adverbs=phrase_matcher(_strings(data, "habitual_adverbs"), "habitual_adverbs"),
        repetition_adverbs=phrase_matcher(_strings(data, "repetition_adverbs"), "again"),
        exposure_verbs=words("exposure_verbs"),
        background_openers=phrase_matcher(_strings(data, "background_openers"), "background"),
        response_phrases=phrase_matcher(_strings(data, "response_phrases"), "response"),
        time_anchors=words("time_anchors"),
        fighting_nouns=words("fighting_nouns"),
        fight_partner_prepositions=words("fight_partner_prepositions"),
        ground_verbs=words("ground_verbs"),
        site_nouns=words("site_nouns"),
        object_carriers=words("object_carriers"),
        cause_nouns=words("cause_nouns"),
        casualty_verbs=words("casualty_verbs"),
        crowd_types=frozenset(_strings(data, "crowd_types")),
        locus_verbs=words("locus_verbs"),
        happening_verbs=words("happening_verbs"),
        verbal_attack_nouns=stems("verbal_attack_nouns"),
        target_nouns=stems("target_nouns"),
        stance_nouns=stems("stance_nouns"),
        honorific_pronouns=phrase_matcher(_strings(data, "honorific_pronouns"), "honorific"),
        speaker_feminine_endings=tuple(_strings(data, "speaker_feminine_endings")),
        plural_verb_endings=tuple(
            normalize_phrase(e) for e in _strings(data, "plural_verb_endings")
        ),
        bi_complement_verbs=words("bi_complement_verbs"),
        regime_nouns=stems("regime_nouns"),
        verbal_attack_as=_pair(_strings(data, "verbal_attack_as"), "verbal_attack_as"),
        objection_words=words("objection_words"),
        speech_objects=words("speech_objects"),
        official_sectors=frozenset(_strings(data, "official_sectors")),
        official_protest_as=_pair(_strings(data, "official_protest_as"), "official_protest_as"),
        support_rally_words=words("support_rally_words"),
        lone_attackers=words("lone_attackers"),
        lone_attacker_sector=_string(data, "lone_attacker_sector"),
        rally_against_words=words("rally_against_words"),
        support_rally_as=_string(data, "support_rally_as"),
        pledge_verbs=words("pledge_verbs"),
        vengeance_words=words("vengeance_words"),
        vengeance_as=_pair(_strings(data, "vengeance_as"), "vengeance_as"),
        self_report_as=_pair(_strings(data, "self_report_as"), "self_report_as"),
        attack_nouns=stems("attack_nouns"),
        blast_nouns=stems("blast_nouns"),
        instrument_proclitics=words("instrument_proclitics"),
        motion_verbs=words("motion_verbs"),
        protester_nouns=words("protester_nouns"),
        obstruction_verbs=words("obstruction_verbs"),
        road_nouns=words("road_nouns"),
        obstruction_mode=str(data["obstruction_mode"]),
        motion_carries=frozenset(_strings(data, "motion_carries")),
        wound_carries=frozenset(_strings(data, "wound_carries")),
        exchange_verbs=words("exchange_verbs"),
        exchange_carries=frozenset(_strings(data, "exchange_carries")),
        claim_verbs=words("claim_verbs"),
        claim_carries=frozenset(_strings(data, "claim_carries")),
        deal_carriers=words("deal_carriers"),
        deal_types=frozenset(_strings(data, "deal_types")),
        wound_prepositions=words("wound_prepositions"),
        participation_verbs=words("participation_verbs"),
        occasion_nouns=stems("occasion_nouns"),
        cleft_pronouns=words("cleft_pronouns"),
        what_relatives=words("what_relatives"),
        subjunctive=words("subjunctive"),
        subjunctive_carriers=words("subjunctive_carriers"),
        subjunctive_temporal=words("subjunctive_temporal"),
        example_markers=phrase_matcher(_strings(data, "example_markers"), "example"),
        idiom_objects=phrase_matcher(_strings(data, "idiom_objects"), "idiom"),
        far_idiom_objects=phrase_matcher(_strings(data, "far_idiom_objects"), "idiom"),
        peace_objects=phrase_matcher(_strings(data, "peace_objects"), "peace"),
        achievement_objects=phrase_matcher(_strings(data, "achievement_objects"), "achievement"),
        claim_objects=phrase_matcher(_strings(data, "claim_objects"), "claim"),
        claim_types=frozenset(_strings(data, "claim_types")),
        profession_objects=phrase_matcher(_strings(data, "profession_objects"), "professed"),
        profession_types=frozenset(_strings(data, "profession_types")),
        threat_types=frozenset(_strings(data, "threat_types")),
        threat_content_proclitics=words("threat_content_proclitics"),
        opinion_types=frozenset(_strings(data, "opinion_types")),
        opinion_objects=phrase_matcher(_strings(data, "opinion_objects"), "opinion"),
        opinion_holders=phrase_matcher(_strings(data, "opinion_holders"), "opinion"),
        prayer_heads=words("prayer_heads"),
        administrative_approvals=phrase_matcher(
            _strings(data, "administrative_approvals"), "approval"
        ),
        approval_types=frozenset(_strings(data, "approval_types")),
        slogan_nouns=phrase_matcher(_strings(data, "slogan_nouns"), "slogan"),
        scripture_speakers=phrase_matcher(_strings(data, "scripture_speakers"), "scripture"),
        name_markers=phrase_matcher(_strings(data, "name_markers"), "name"),
        anonymity_requests=phrase_matcher(_strings(data, "anonymity_requests"), "anonymity"),
        declined_speech=words("declined_speech"),
        declined_speech_verbs=words("declined_speech_verbs"),
        circumstance_openers=words("circumstance_openers"),
        meeting_circumstance_types=frozenset(_strings(data, "meeting_circumstance_types")),
        locative_proclitics=words("locative_proclitics"),
        place_prepositions=words("place_prepositions"),
        setting_adverbs=words("setting_adverbs"),
        state_heads=words("state_heads"),
        declining_types=frozenset(_strings(data, "declining_types")),
        running_totals=phrase_matcher(_strings(data, "running_totals"), "total"),
        trend_spans=phrase_matcher(_strings(data, "trend_spans"), "span"),
        then_words=phrase_matcher(_strings(data, "then_words"), "then"),
        verdict_recitals=phrase_matcher(_strings(data, "verdict_recitals"), "verdict"),
        objection_acts=words("objection_acts"),
        permission_words=words("permission_words"),
        scripture_openers=phrase_matcher(_strings(data, "scripture_openers"), "scripture"),
        link_openers=phrase_matcher(_strings(data, "link_openers"), "link"),
        scripture_opener_ends=frozenset(
            normalize_phrase(p).split()[-1] for p in _strings(data, "scripture_openers")
        ),
        hearsay_verbs=words("hearsay_verbs"),
        hearsay_prepositions=words("hearsay_prepositions"),
        either_words=words("either_words"),
        receive_verbs=words("receive_verbs"),
        during_pronouns=words("during_pronouns"),
        style_honorifics=stems("style_honorifics"),
        expressing_prepositions=words("expressing_prepositions"),
        expressed_about=words("expressed_about"),
        received_keep=frozenset(_strings(data, "received_keep")),
        anniversary_nouns=phrase_matcher(_strings(data, "anniversary_nouns"), "anniversary"),
        greeting_types=frozenset(_strings(data, "greeting_types")),
        audience_objects=phrase_matcher(_strings(data, "audience_objects"), "audience"),
        courtesy_objects=phrase_matcher(_strings(data, "courtesy_objects"), "courtesy"),
        holiday_occasions=phrase_matcher(_strings(data, "holiday_occasions"), "holiday"),
        state_day_words=words("state_day_words"),
        welcome_verbs=words("welcome_verbs"),
        nominative_endings=tuple(normalize_phrase(e) for e in _strings(data, "nominative_endings")),
        oblique_endings=tuple(normalize_phrase(e) for e in _strings(data, "oblique_endings")),
        pronoun_verb_prefixes=_letters(data, "pronoun_verb_prefixes"),
        nisba_oblique_endings=tuple(
            normalize_phrase(e) for e in _strings(data, "nisba_oblique_endings")
        ),
        accident_words=phrase_matcher(_strings(data, "accident_words"), "accident"),
        disaster_words=phrase_matcher(_strings(data, "disaster_words"), "disaster"),
        crashing_craft=phrase_matcher(_strings(data, "crashing_craft"), "craft"),
        livestock_words=phrase_matcher(_strings(data, "livestock_words"), "livestock"),
        sports_words=phrase_matcher(_strings(data, "sports_words"), "sports"),
        job_notices=phrase_matcher(_strings(data, "job_notices"), "jobs"),
        sports_spare=frozenset(_strings(data, "sports_spare")),
        weak_triggers=frozenset(entry_keys(f)[0] for f in _strings(data, "weak_triggers")),
        gathering_verbs=words("gathering_verbs"),
        protest_purpose=phrase_matcher(_strings(data, "protest_purpose"), "purpose"),
        verb_adverbs=words("verb_adverbs"),
        others_objects=words("others_objects"),
        ranks_nouns=words("ranks_nouns"),
        unplaced_agents=words("unplaced_agents"),
        count_governors=words("count_governors"),
        ranks_prepositions=words("ranks_prepositions"),
        condemn_words=words("condemn_words"),
        place_heads=words("place_heads"),
        facility_nouns=words("facility_nouns"),
        name_links=words("name_links"),
        region_heads=words("region_heads"),
        approximators=words("approximators"),
        approximator_phrases=phrase_matcher(_strings(data, "approximators"), "about"),
        border_words=words("border_words"),
        envoy_heads=words("envoy_heads"),
        envoy_modifiers=words("envoy_modifiers"),
        posting_prepositions=words("posting_prepositions"),
        deputy_heads=words("deputy_heads"),
        deputy_modifiers=words("deputy_modifiers"),
        alliance_words=words("alliance_words"),
        behalf_words=words("behalf_words"),
        issued_words=stems("issued_words"),
        border_target_types=frozenset(_strings(data, "border_target_types")),
        death_carriers=words("death_carriers"),
        dying_verbs=words("dying_verbs"),
        attack_source=words("attack_source"),
        attack_target_markers=words("attack_target_markers"),
        duration_nouns=stems("duration_nouns"),
        speaking_sectors=frozenset(_strings(data, "speaking_sectors")),
        armed_sectors=frozenset(_strings(data, "armed_sectors")),
        killing_sectors=frozenset(_strings(data, "killing_sectors")),
        detained_sectors=frozenset(_strings(data, "detained_sectors")),
        capture_modes=frozenset(_strings(data, "capture_modes")),
        fallen_sectors=frozenset(_strings(data, "fallen_sectors")),
        manner_adverbials=words("manner_adverbials"),
        office_sectors=frozenset(_strings(data, "office_sectors")),
        harm_verbs=words("harm_verbs"),
        state_forces=frozenset(_strings(data, "state_forces")),
        state_sectors=frozenset(_strings(data, "state_sectors")),
        insurgent_sectors=frozenset(_strings(data, "insurgent_sectors")),
        aside_prepositions=words("aside_prepositions"),
        chant_verbs=words("chant_verbs"),
        crowd_counts=words("crowd_counts"),
        source_nouns=words("source_nouns"),
        aim_verbs=words("aim_verbs"),
        noun_governors=words("noun_governors"),
        announced_with=words("announced_with"),
        telling_verbs=words("telling_verbs"),
        outcome_nouns=words("outcome_nouns"),
        belonging_words=words("belonging_words"),
        member_titles=words("member_titles"),
        member_prepositions=words("member_prepositions"),
        allegiance_words=words("allegiance_words"),
        casualty_nouns=words("casualty_nouns"),
        wound_nouns=words("wound_nouns"),
        achievement_verbs=words("achievement_verbs"),
        aim_subjects=words("aim_subjects"),
        prayer_types=frozenset(_strings(data, "prayer_types")),
        prayed_to=words("prayed_to"),
        name_honorifics=words("name_honorifics"),
        indefinite_people=words("indefinite_people"),
        filial_particles=words("filial_particles"),
        praise_after=words("praise_after"),
        prayer_after=words("prayer_after"),
        sound_plural_endings=tuple(
            normalize_phrase(e) for e in _strings(data, "sound_plural_endings")
        ),
        nisba_enclitics=frozenset(normalize_phrase(e) for e in _strings(data, "nisba_enclitics")),
        feminine_nisba_ending=normalize_phrase(str(data["feminine_nisba_ending"])),
        nisba_bound_agents=frozenset(
            normalize_phrase(w) for w in _strings(data, "nisba_bound_agents")
        ),
        adjective_endings=tuple(normalize_phrase(e) for e in _strings(data, "adjective_endings")),
        body_adjectives=words("body_adjectives"),
        feminine_verb_ending=normalize_phrase(_string(data, "feminine_verb_ending")),
        feminine_plural_ending=normalize_phrase(_string(data, "feminine_plural_ending")),
        weak_finals=tuple(sorted(words("weak_finals"))),
        agentless_carriers=words("agentless_carriers"),
        passive_carriers=words("passive_carriers"),
        firing_nouns=words("firing_nouns"),
        court_sectors=frozenset(_strings(data, "court_sectors")),
        court_condemns_as=_pair(_strings(data, "court_condemns_as"), "court_condemns_as"),
        scripture_marks=frozenset(_strings(data, "scripture_marks")),
        act_nouns=stems("act_nouns"),
        bare_march_nouns=words("bare_march_nouns"),
        march_carriers=words("march_carriers"),
        dateline_marks=frozenset(_strings(data, "dateline_marks")),
        news_agencies=words("news_agencies"),
        tag_separators=frozenset(_strings(data, "tag_separators")),
        natural_forces=words("natural_forces"),
        foiled=words("foiled"),
        verbal_attack_verbs=words("verbal_attack_verbs"),
        criticism_words=phrase_matcher(_strings(data, "criticism_words"), "criticism"),
        figurative_types=frozenset(_strings(data, "figurative_types")),
        force_types=frozenset(_strings(data, "force_types")),
        rescuers=phrase_matcher(_strings(data, "rescuers"), "rescue"),
        inspection_words=phrase_matcher(_strings(data, "inspection_words"), "inspection"),
        partitive_heads=words("partitive_heads"),
        plural_counts=words("plural_counts"),
        headed_by=words("headed_by"),
        series_nouns=words("series_nouns"),
        spokesmen=words("spokesmen"),
        spokesman_of=words("spokesman_of"),
        partitive_of=words("partitive_of"),
        belonging_verbs=words("belonging_verbs"),
        member_nouns=words("member_nouns"),
        invoke_verbs=words("invoke_verbs"),
        invoke_preposition=words("invoke_preposition"),
        reaction_nouns=words("reaction_nouns"),
        march_crowds=phrase_matcher(_strings(data, "march_crowds"), "crowd"),
    )
