"""The cues of lang/ar/cues.json as the coding rules read them: one frozen record, built once
per process by ``marsad.coding.resources.cues``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from marsad.matcher import PhraseMatcher


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
    demonstratives: frozenset[str]
    bi_only_imperfects: frozenset[str]
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
    entry_marks: frozenset[str]
    clause_commas: frozenset[str]
    outcome_predicates: frozenset[str]
    contrast_openers: frozenset[str]
    parallel_openers: frozenset[str]
    form3_letter: str
    grip_verbs: frozenset[str]
    charge_verbs: frozenset[str]
    charge_adverbs: frozenset[str]
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
    compound_name_openers: frozenset[str]
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
    relational_words: frozenset[str]  # 'dhu', 'dhat': make the frame noun after them an adjective
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
    joining_alif: str  # opens the perfect of forms VII, VIII and X
    nunation_marks: str  # as written
    prevention_heads: frozenset[str]
    fought_heads: frozenset[str]
    machine_nouns: frozenset[str]
    animal_words: frozenset[str]
    share_nouns: frozenset[str]
    targeting_nouns: frozenset[str]
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
    time_phrases: PhraseMatcher[str]
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
    declare_verbs: frozenset[str]
    declare_carries: frozenset[str]  # TYPE/mode of the noun triggers a declaring verb carries
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
    region_adjectives: frozenset[str]
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
    pronoun_perfect_endings: dict[str, str]
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
    pronoun_prepositions: frozenset[str]  # "lahu", "alayhim": may precede a verb's subject
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
    item_ordinals: frozenset[str]
    intransitive_types: frozenset[str]
    supporter_nouns: frozenset[str]
    opponent_nouns: frozenset[str]
    kin_nouns: frozenset[str]
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
    attack_adjectives: frozenset[str]
    body_adjectives: frozenset[str]
    feminine_verb_ending: str  # normalised
    feminine_plural_ending: str  # normalised
    masculine_countries: frozenset[str]  # codes
    masculine_imperfect_prefix: str  # normalised
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
    affiliation_nouns: frozenset[str]
    escort_verbs: frozenset[str]
    partner_prepositions: frozenset[str]
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
    market_words: PhraseMatcher[str]
    civil_emergency_words: PhraseMatcher[str]
    partitive_heads: frozenset[str]
    plural_counts: frozenset[str]
    headed_by: frozenset[str]
    series_nouns: frozenset[str]
    spokesmen: frozenset[str]
    spokesman_of: frozenset[str]
    partitive_of: frozenset[str]
    each_of: frozenset[str]  # 'kull' before 'min': 'kull min Misr wa-al-Sa'udiyya'
    belonging_verbs: frozenset[str]
    member_nouns: frozenset[str]
    counted_members: frozenset[str]
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
