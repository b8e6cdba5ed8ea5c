"""Greetings and idioms of no political act: a courtesy to guests, an audience or the season,
an achievement, a standing claim, an administrative approval, a view shared, a danger told (a
veto of marsad.coding.vetoes)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from marsad.coding.clauses import Clause, is_word
from marsad.coding.frames import idiom
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.resources import cues
from marsad.types import Document, Mention, Sentence, Token

INTERNATIONAL = 2  # the countries a greeting between states names
THREAT_REACH = 25  # tokens after a verb of threatening where its "bi-" may stand


def courtesy(doc: Document, clause: Clause, trigger: int, named: Mapping[int, Mention]) -> bool:
    """Whether the verb greets: an audience for object ("rahhaba bi-l-hudur"), greetings to
    pass on ("talaba naql tahiyyatihi"), a holiday for occasion ("bi-'id al-fitr"), or a name
    right after "bi-" of a verb of welcoming ("rahhaba al-wazir bi-l-amir Nawwaf", welcomed
    Prince Nawaf) — the "bi-" on the name, not its first letter ("rahhaba Butin", Putin
    welcomed)."""
    c = cues()
    tokens = doc.tokens
    if idiom(tokens, clause, trigger, c.audience_objects, c.courtesy_objects):
        return True
    if _season_greeting(doc, clause, trigger):
        return True
    if not is_word(tokens[trigger], c.welcome_verbs, conjunction_only=True):
        return False
    with_bi = next(
        (
            i
            for i in range(trigger + 1, clause.end)
            if any(c.instrument_proclitics & set(a.proclitics) for a in tokens[i].analyses)
            and _clitic_on_name(named, i, c.instrument_proclitics)
        ),
        None,
    )
    return with_bi is not None and with_bi in named


def _season_greeting(doc: Document, clause: Clause, trigger: int) -> bool:
    """Whether a religious holiday or the new year is the greeting's occasion ("qaddama lahum
    al-tahani bi-'id al-fitr", he gave them the season's greetings) within one country: not a
    state's own day ("bi-munasabat al-'id al-watani"), nor greetings between the actors of two
    countries ("qaddama al-safir al-urduni tahni'atahu li-khadim al-haramayn"), which are
    diplomacy."""
    c = cues()
    tokens = doc.tokens
    occasions = c.holiday_occasions.find_all(tokens, trigger + 1, clause.end)
    if not any(
        m.end >= clause.end or not is_word(tokens[m.end], c.state_day_words) for m in occasions
    ):
        return False
    codes = {
        a.code
        for a in doc.actors_beside(trigger)
        if a.code and clause.start <= a.token_start and a.token_end <= clause.end
    }
    return len(codes) < INTERNATIONAL


def _clitic_on_name(named: Mapping[int, Mention], at: int, clitics: frozenset[str]) -> bool:
    """Whether a word read with one of ``clitics`` has it, as far as names tell: a word of no
    name may; a name's first word has it when the name was found with it ("bi-Butin"), not
    when it is the name's first letter ("Butin", "Bashshar"); a name's later words have none
    ("Salman bin 'Abd al-'Aziz")."""
    name = named.get(at)
    if name is None:
        return True
    return name.token_start == at and not clitics.isdisjoint(name.proclitics)


def idiomatic(
    tokens: Sequence[Token],
    sentence: Sentence,
    clause: Clause,
    trigger: int,
    entry: TriggerEntry,
    *,
    material: bool,
) -> str | None:
    """Why the verb's object makes it an idiom of no political act: an achievement ("haqqaqa
    ma'ahu al-alqab"), land or a right claimed ("tutalib bi-l-siyada 'ala"), a faith professed
    or a debt owed ("yadin ... bi-l-Islam", "bi-l-fadl"), what an authority approves on its
    own ("wafaqa wazir al-tijara 'ala ta'sis 16 sharika"), a view shared ("yattafiq al-atibba'
    'ala"), or a danger with nothing threatened ("karithat maja'a tuhaddid al-mujtama'")."""
    c = cues()
    if (
        entry.event in c.threat_types
        and entry.pos == "verb"
        and _no_threat(tokens, sentence, trigger)
    ):
        return "a danger told («endangers»), no threat with what is threatened"
    peace = c.peace_objects  # anywhere after the verb: its subject may stand between
    if entry.event in c.threat_types and idiom(tokens, clause, trigger, peace, peace):
        return "an olive branch brandished: a peace offer, no threat"
    if not material and idiom(tokens, clause, trigger, c.achievement_objects):
        return "an achievement («achieved titles with him»), not an act"
    if entry.event in c.claim_types and idiom(tokens, clause, trigger, c.claim_objects):
        return "a standing claim to land or a right, not a request made"
    professed = c.profession_objects
    if entry.event in c.profession_types and idiom(tokens, clause, trigger, professed, professed):
        return "a faith professed or a debt owed («yadin bi-l-Islam», «bi-l-fadl»), no condemnation"
    if entry.event in c.opinion_types and idiom(
        tokens, clause, trigger, c.opinion_holders, c.opinion_objects
    ):
        return "a view shared or a rule kept («agrees with what he said»), no accord"
    if entry.event in c.approval_types and c.administrative_approvals.find_all(
        tokens, trigger + 1, clause.end
    ):
        return "an administrative approval (a company founded, an official appointed), no accord"
    return None


def _no_threat(tokens: Sequence[Token], sentence: Sentence, trigger: int) -> bool:
    """Whether no word after the verb of threatening, in its sentence, may carry what it
    threatens with ("haddada bi-sahb al-tarakhis"): any word read with "bi-" will do, commas
    and asides between ("haddada, fi tasrih lahu, bi-i'lan al-muhafaza iqliman")."""
    marks = cues().threat_content_proclitics
    end = min(sentence.token_end, trigger + 1 + THREAT_REACH)
    return not any(
        not marks.isdisjoint(a.proclitics)
        for i in range(trigger + 1, end)
        for a in tokens[i].analyses
    )
