"""Who speaks in a sentence and who acts from the clauses above: the issuer of «the statement»,
the speaker a pronoun on «inna» resumes, and the subject a clause takes from the one it hangs
from, a speaker who reports a material act being no doer of it."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import (
    DATELINE_REACH,
    Clause,
    agency_dash,
    ancestors,
    feminine_state,
    is_word,
    led_by_wa,
)
from marsad.coding.governed import first_group, proclitic_preposition
from marsad.coding.lexicon import trigger_lexicon
from marsad.coding.resources import cues
from marsad.coding.subjects import oblique_plural_after
from marsad.coding.view import PLACE_METHODS, DiscourseState, SentenceView, subject
from marsad.types import ActorRef, Token

NAME_IN_QUOTES = 3  # words at most of a quoted name ("Da'ish") a pronoun may resume
CLEFT_REACH = 4  # words from the end of the noun a cleft names to its pronoun


def statement_issuer(view: SentenceView, clause: Clause, state: DiscourseState) -> list[ActorRef]:
    """In "bayan li-l-kirmilin" (a Kremlin statement) the Kremlin is named as the issuer; a
    bare "al-bayan" (the statement) is the last statement's issuer."""
    c = cues()
    for i in range(clause.start, clause.end):
        if view.tokens[i].keys & c.statement_nouns:
            # the issuer has a country: "al-maktab al-sahafi li-l-kirmilin" (the Kremlin press
            # office) is the Kremlin, not the press; media it was given to are not it
            after = [
                g
                for g in view.in_clause(clause)
                if g.actor.token_start > i
                and g.actor.code
                and g.actor.sector not in c.addressee_sectors
            ]
            if after:
                state.last_issuer = first_group(after, 0)
            return list(state.last_issuer)
    return []


def speaks(tokens: Sequence[Token], start: int, end: int) -> bool:
    """Whether a verb of saying is among ``tokens[start:end]`` (the cache looked up in the
    loop: every sentence without a trigger is scanned)."""
    known = _SAYS.get
    for i in range(start, end):
        token = tokens[i]
        hit = known(token.text)
        if hit is None:
            hit = _says(token)
        if hit:
            return True
    return False


_SAYS: dict[str, bool] = {}
SURFACE_CACHE_SIZE = 200_000


def _says(token: Token) -> bool:
    """Whether the token is a verb of saying. Cached by surface (a token's analyses depend on
    its surface only): every sentence without a trigger is scanned for one."""
    hit = _SAYS.get(token.text)
    if hit is None:
        hit = is_word(token, cues().attribution_verbs)
        if len(_SAYS) > SURFACE_CACHE_SIZE:
            _SAYS.clear()
        _SAYS[token.text] = hit
    return hit


def has_attribution(view: SentenceView, clause: Clause) -> bool:
    return speaks(view.tokens, clause.start, clause.end)


def speaker(view: SentenceView, clause: Clause, state: DiscourseState) -> list[ActorRef]:
    """Who is quoted in ``clause``: the subject or issuer of the nearest speech clause above."""
    for above in ancestors(view.clauses, clause):
        if above.quoted:
            continue
        if has_attribution(view, above):
            found = statement_issuer(view, above, state) or subject(view, above)
            if found:
                _heard(view, above, state, found)
                return found
    return list(state.last_speaker) if clause.quoted else []


def _heard(
    view: SentenceView, clause: Clause, state: DiscourseState, found: list[ActorRef]
) -> None:
    state.last_speaker = found
    state.speaker_sentence = view.tokens[clause.start].sentence


def resumed_speaker(
    view: SentenceView, state: DiscourseState, sentence_start: int, verb: int
) -> list[ActorRef]:
    """The last speaker, heard at most ``SPEAKER_GAP`` sentences before, for a verb that opens
    its sentence with no subject named and agrees with him ("qala wazir al-dakhiliyya ...
    wa-ashada bi-dawr quwwat al-tahaluf", the interior minister said ... and praised the
    coalition forces' role), or only its object ("wa-nashada al-mas'ulin", and he appealed to
    the officials): news goes on with who spoke."""
    tokens = view.tokens
    if verb != sentence_start or not _recent(state, tokens[verb].sentence):
        return []
    unnamed = _no_subject_after(tokens, verb + 1) or _object_right_after(view, verb + 1)
    if not unnamed or not _agrees(tokens[verb], state.last_speaker):
        return []
    return list(state.last_speaker)


def _object_right_after(view: SentenceView, at: int) -> bool:
    """Whether an agent noun in the oblique plural, the verb's object, stands at ``at``."""
    actor = next((g.actor for g in view.actors if g.actor.token_start == at), None)
    return actor is not None and oblique_plural_after(view, at, actor)


def _agrees(verb: Token, speakers: Sequence[ActorRef]) -> bool:
    """Whether a verb in the perfect agrees in gender with the speaker it goes on with: "ta'ahhadat"
    (she pledged) with "al-wizara" (the ministry), not with al-Qadhdhafi; "rafada" (he refused)
    not with "wazira" (a woman minister). A speaker is feminine by its first word's ending
    (``speaker_feminine_endings``: "-a", "-at") or as a country; a plural verb agrees with
    any."""
    c = cues()
    if verb.text.endswith(c.plural_verb_endings):
        return True
    feminine = verb.text.endswith(c.feminine_verb_ending)
    first = speakers[0]
    word = first.entity_text.split()[0] if first.entity_text else ""
    spoken_by_her = feminine_state(first) or word.endswith(c.speaker_feminine_endings)
    return feminine == spoken_by_her


SPEAKER_GAP = 2  # sentences back to the last speaker a subjectless verb goes on with


def _recent(state: DiscourseState, sentence: int) -> bool:
    return state.last_speaker != [] and 0 < sentence - state.speaker_sentence <= SPEAKER_GAP


def _goes_on(view: SentenceView, clause: Clause, state: DiscourseState) -> bool:
    """Whether a verb of saying in ``clause`` names no speaker of its own, so the recent last
    one goes on: punctuation other than a quote mark right after it («qala: ...»), or what
    names no subject after a verb (``_no_subject_after``)."""
    tokens = view.tokens
    verb = next((i for i in range(clause.start, clause.end) if _says(tokens[i])), None)
    if verb is None or not _recent(state, tokens[verb].sentence) or verb + 1 >= len(tokens):
        return False
    after = tokens[verb + 1]
    if after.is_punct:
        return after.text not in cues().quote_marks
    return _no_subject_after(tokens, verb + 1)


def _no_subject_after(tokens: Sequence[Token], at: int) -> bool:
    """Whether the word right after a verb names no subject: a preposition ("wa-ashada fi
    bayan"), a stance noun with one written on it ("wa-ashada bi-dawr"), "bi-" after a verb
    whose complement takes it (``bi_complement_verbs``: "wa-ashada bi-ma"; after another verb
    it may be a word's first letter: "wa-ntaqada bund al-ittifaq", a clause of the deal), or a
    dignitary's style with "his" ("wa-ashada ma'alihi"). A noun there may be the subject
    ("wa-hathth al-'amid al-Ghurair", Brigadier al-Ghurair urged) or the object."""
    if at >= len(tokens) or tokens[at].sentence != tokens[at - 1].sentence:
        return False
    c = cues()
    token = tokens[at]
    # "bi-", the one proclitic of instrument_proclitics
    bi = is_word(tokens[at - 1], c.bi_complement_verbs) and (
        proclitic_preposition(token) in c.instrument_proclitics
    )
    return (
        bi
        or is_word(token, c.prepositions)
        or proclitic_preposition(token, c.stance_nouns) is not None
        or bool(c.honorific_pronouns.matches_at(tokens, at, len(tokens)))
    )


def sentence_speakers(view: SentenceView, state: DiscourseState) -> None:
    """Walk the sentence once so statement issuers and speakers are remembered in order."""
    for clause in view.clauses:
        if not clause.quoted and has_attribution(view, clause):
            found = statement_issuer(view, clause, state) or subject(view, clause)
            if found:
                _heard(view, clause, state, found)
            elif _goes_on(view, clause, state):
                # "wa-'an hajm al-jara'im qala: ..." (and on the crimes' scale he said): no new
                # speaker, the last one goes on
                state.speaker_sentence = view.tokens[clause.start].sentence


def _pronoun_on_complementizer(view: SentenceView, clause: Clause) -> bool:
    first = view.tokens[clause.start].analyses[:2]
    return clause.kind == "complement" and any(a.enclitic for a in first)


def resumes_speaker(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether the verb comes right after "inna" with a pronoun ("innaha i'taqalat", that it
    arrested), or the light verb that carries a noun does ("annaha naffadhat awwal gara
    jawwiyya", that it carried out its first air strike)."""
    if not _pronoun_on_complementizer(view, clause):
        return False
    after = clause.start + 1
    carried = after < trigger and is_word(view.tokens[after], cues().light_verbs)
    return 0 < trigger - clause.start <= 2 or carried


def agrees_with_the_pronoun(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether the verb at ``trigger`` agrees with the pronoun on "inna": an imperfect by its
    prefix ("innahu yunashid", that he appeals; "innaha tad'u"), a perfect by its ending
    ("bi-annahu haththa", that he urged; "innaha haththat"). The pronoun is its subject."""
    c = cues()
    first = view.tokens[clause.start].analyses[:2]
    pronoun = next((a.enclitic for a in first if a.enclitic), "")
    text = view.tokens[trigger].text
    prefix = c.pronoun_verb_prefixes.get(pronoun)
    if prefix is not None and text.startswith(prefix):
        return True
    ending = c.pronoun_perfect_endings.get(pronoun)
    if ending is None or not _read_as_perfect(view, trigger):
        return False
    if ending:
        return text.endswith(ending)
    # "annahu haththa": the bare perfect, with no ending of another person or number
    return not text.endswith((c.feminine_verb_ending, *c.agreeing_endings))


def _read_as_perfect(view: SentenceView, trigger: int) -> bool:
    """Whether a verb row of the lexicon in the perfect matches at ``trigger`` ("ta'ahhada",
    he pledged, though it starts as an imperfect would)."""
    found = trigger_lexicon().events.matches_at(view.tokens, trigger)
    return any(m.value.pos == "verb" and m.value.aspect == "perfect" for m in found)


DURING_REACH = 2  # "a'raba khilalahu 'an idanatihi": the resumptive by the statement's trigger


def caller_during(view: SentenceView, clause: Clause, trigger: int) -> list[ActorRef]:
    """Who speaks "during it" (khilalahu) in a call or visit received: in "talaqqa al-amir
    ittisalan hatifiyyan min al-malik Muhammad al-sadis a'raba khilalahu 'an idanatihi" (the
    prince received a call from King Mohammed VI during which he condemned) the sender after
    "min", not the one who received it. None when no verb of receiving carries the call."""
    c = cues()
    tokens = view.tokens
    near = range(
        max(clause.start, trigger - DURING_REACH), min(clause.end, trigger + 1 + DURING_REACH)
    )
    during = next((i for i in near if tokens[i].text in c.during_pronouns), None)
    if during is None:
        return []
    receive = next(
        (i for i in range(during - 1, clause.start - 1, -1) if is_word(tokens[i], c.receive_verbs)),
        None,
    )
    if receive is None:
        return []
    items = [g for g in view.in_clause(clause) if receive < g.actor.token_start < during]
    senders = (
        first_group(items, i) for i, g in enumerate(items) if g.preposition in c.partitive_of
    )
    return next(senders, [])


OWN_COUNTRY_REACH = 3  # "inna biladahu (qad) rafadat": the complementizer, the noun, a particle


def speaks_for_own_country(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether the verb's subject is "his country" right after "inna" ("qala al-wazir inna
    biladahu tarfud", the minister said his country refuses): the speaker's country acts."""
    if clause.kind != "complement" or not 1 < trigger - clause.start <= OWN_COUNTRY_REACH:
        return False
    noun = view.tokens[clause.start + 1]
    own = cues().own_country_nouns
    return any(a.enclitic and a.stem in own and not a.proclitics for a in noun.analyses)


def resumes_subject(view: SentenceView, clause: Clause, trigger: int) -> bool:
    """Whether the verb comes right after "lakin" (but) with a pronoun ("lakinnahu intaqada",
    but he criticised): the pronoun is the subject of the clause before."""
    openers = cues().contrast_openers
    first = view.tokens[clause.start]
    return (
        first.text in openers
        and any(a.enclitic and a.stem in openers for a in first.analyses)
        and 0 < trigger - clause.start <= 2
    )


LOCUS_REACH = 2  # words ("wa", a particle) before the verb of seeing that opens a clause


def _saw(view: SentenceView, clause: Clause) -> bool:
    """Whether the clause opens with a verb whose subject is where things happen ("shahidat
    al-Kuwayt", Kuwait saw): a place that saw it did nothing told below it."""
    c = cues()
    end = min(clause.end, clause.start + LOCUS_REACH)
    return any(
        is_word(view.tokens[i], c.locus_verbs, conjunction_only=True)
        for i in range(clause.start, end)
    )


def actor_above(
    view: SentenceView,
    clause: Clause,
    state: DiscourseState,
    *,
    material: bool,
    agentless: bool = False,
) -> tuple[list[ActorRef], str]:
    """The doer from the clauses above: their subject, else (for verbal events) the speaker.
    A noun a passive carries (``agentless``: "tamma al-ittifaq", it was agreed) takes no
    subject from above; a verbal one takes the speaker who reports it, a party to it."""
    # "qala al-jaysh innahu nashara" (the army said it deployed): the pronoun on "inna" is
    # the speaker, who then did it
    resumed = _pronoun_on_complementizer(view, clause)
    dateline = _dateline_end(view)
    # "naja ra'is hizb ... ba'd an fajjara intihari nafsahu" (a party leader survived after a
    # suicide bomber blew himself up): the subject before "after" did not do what came before
    after = material and bool(
        cues().background_openers.find_all(view.tokens, max(0, clause.start - 1), clause.start + 1)
    )
    if _cleft(view, clause):
        # "bi-anna qaba'il 'arabiyya hiya allati irtakabat al-majazir" (that Arab tribes, it is
        # they who committed the massacres): the doer is the noun before the pronoun (at
        # clause.start - 1), an adjective or a comma between or not ("Salih, al-ra'is
        # al-yamani al-ma'zul, huwa alladhi"); none known, nobody named
        near = range(clause.start - 1 - CLEFT_REACH, clause.start - 1)
        before = [g.actor for g in view.actors if g.actor.token_end in near]
        return (
            (before[-1:], "the noun the cleft names")
            if before
            else ([], "nobody named as the doer")
        )
    for above in [] if after or agentless else ancestors(view.clauses, clause):
        # "bi-anna rajulan ... innahu arada" (that a man ... that he wanted): the pronoun
        # resumes the subject of the clause right above, not a speaker further up
        resumed = resumed and above.index == clause.parent
        if dateline is not None and above.start < dateline:
            break  # "Rasha - Sabq - al-Riyadh:": where the story was filed, not who acted
        # "qala tanzim "Da'ish" innahu" (the group "IS" said that it): the pronoun resumes a
        # name in quote marks, not a quotation
        name = (
            resumed
            and above.quoted
            and above.end - above.start <= NAME_IN_QUOTES
            and above.end + 1 == clause.start  # only the quote mark between: "Da'ish" innahu
        )
        reports = material and has_attribution(view, above) and not resumed
        if not name and material and _quoted_object(view, above, clause):
            # "rafa'a al-mutazahirun shi'arat mithl «hadhihi Sirbiya» wa-rashaqu" (the
            # protesters raised slogans like «...» and pelted): the quotation is what the clause
            # before it said or raised; the verb after it goes on with that clause's subject
            continue
        if not name and (above.quoted != clause.quoted or reports):
            break  # a speaker who reports a material act is not its doer
        if material and _undergoes(view, above):
            break  # "ta'arradat al-wazira li-muhawalat ightiyal ...": she was shot at
        if above.kind == "relative":
            # "wasafa Solana alladhi qama bi-jawla shamilat Lubnan ... wa-da'a" (Solana, who
            # toured Lebanon ..., described ... and called): a relative clause's subject is the
            # noun it describes, in the clause above it; the first actor in it is its object
            continue
        actor = subject(view, above)
        if material and _saw(view, above) and any(a.method in PLACE_METHODS for a in actor):
            break  # "shahidat al-Kuwayt jarima ... haythu istahdafa": a place saw it
        if actor:
            return actor, "subject of the clause it depends on"
        if name:
            break
    if not material:
        actor = speaker(view, clause, state)
        if actor:
            return actor, "the speaker who reports it"
    return [], "nobody named as the doer"


def _cleft(view: SentenceView, clause: Clause) -> bool:
    """Whether the clause is the relative of a cleft: "hiya allati" (it is they who)."""
    at = clause.start - 1
    return (
        clause.kind == "relative"
        and at >= 0
        and is_word(view.tokens[at], cues().cleft_pronouns, conjunction_only=True)
    )


def _quoted_object(view: SentenceView, above: Clause, clause: Clause) -> bool:
    """Whether ``above`` is a quotation that ends right before ``clause`` (its closing mark
    between), and ``clause``, outside any quotation, opens with a verb joined by "wa"."""
    joined = clause.start < len(view.tokens) and led_by_wa(view.tokens[clause.start])
    return above.quoted and not clause.quoted and above.end + 1 == clause.start and joined


def _undergoes(view: SentenceView, clause: Clause) -> bool:
    """Whether the clause's subject undergoes an act: "ta'arrada" (was subjected to), "naja"
    (survived), "laqiya masra'ahu" (met his death)."""
    c = cues()
    words = c.exposure_verbs | c.death_carriers
    return any(is_word(view.tokens[i], words) for i in range(clause.start, clause.end))


def _dateline_end(view: SentenceView) -> int | None:
    """The colon ending a dateline at the sentence's start ("Rasha - Sabq - al-Riyadh:",
    "Bishawar (Bakistan) «al-Sharq al-Awsat»:"), or the dash that ends an agency's dateline
    or a digest's tags (``agency_dash``): a dash or bracket before it, or only places named,
    and no verb of saying. The first such mark that qualifies: in "Was - al-Riyadh:" the
    agency's dash has nothing before it to tell a dateline, the colon after the place has."""
    if not view.clauses:
        return None
    c = cues()
    tokens = view.tokens
    start = view.clauses[0].start
    end = min(view.clauses[-1].end, start + DATELINE_REACH)
    for colon in range(start, end):
        token = tokens[colon]
        if not token.is_punct or not (token.text == ":" or agency_dash(tokens, start, colon)):
            continue
        if any(is_word(tokens[i], c.attribution_verbs) for i in range(start, colon)):
            return None
        marked = any(
            tokens[i].is_punct and tokens[i].text in c.dateline_marks for i in range(start, colon)
        )
        named = [g.actor for g in view.actors if g.actor.token_start < colon]
        if marked or (bool(named) and all(a.method in PLACE_METHODS for a in named)):
            return colon
    return None
