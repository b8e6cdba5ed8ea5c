"""Whether an event the trigger words suggest is one its sentence supports.

The lexicon finds words of events; these checks drop what the sentence shows is play (of any
type), an accident, cattle slaughtered, a rescue, a figure of speech, a force of nature, an
argument cited or a crowd with no cause: the cues are data (``lang/ar/cues.json``:
sports_words, accident_words, disaster_words, livestock_words, rescuers, weak_triggers,
figurative_types, gathering_verbs, protest_purpose, bare_march_nouns, march_carriers,
march_crowds, natural_forces, invoke_verbs).
"""

from __future__ import annotations

from marsad.actors.setting import SETTING_METHODS
from marsad.coding.clauses import Clause, is_word
from marsad.coding.doers import attack_noun_before
from marsad.coding.resources import cues
from marsad.kb.model import UNKNOWN_SECTOR
from marsad.places.construct import PLACED_METHODS
from marsad.types import ActorRef, Document, EventRecord, Sentence

COERCION = "COERCE"
ARREST = "arrest"
SEIZE = "seize"
MARTIAL_LAW = "martial-law"
ASSAULT = "ASSAULT"
MOBILIZATION = "MOBILIZE"  # an alert in hospitals is no mobilisation either
MARCH_REACH = 5  # words between a bare march noun and the crowd that makes it a protest
FORCE_REACH = 3  # words after a verb to its subject, adverbs such as "ams" (yesterday) between
CIVILIANS = "CVL"


def about_sport(doc: Document, sentence: Sentence) -> bool:
    """A sentence about a match, a team or a player ("yabda' al-muntakhab mishwarahu
    bi-muwajahat al-muntakhab al-qatari", "tala'taqi al-Maksik ma'a Panama"): its attacks,
    meetings and deals are play or club business, not politics (arrests and charges, the
    types of ``sports_spare``, still stand)."""
    return bool(cues().sports_words.find_all(doc.tokens, sentence.token_start, sentence.token_end))


def not_an_act(
    doc: Document,
    sentence: Sentence,
    record: EventRecord,
    *,
    clause: Clause,
    trigger: int,
    key: str,
    mode_words: str,
) -> str | None:
    """Why an ASSAULT or COERCE read from the words is an accident, a rescue or a figure of
    speech: rescuers who break in ("jara iqtiham al-mabna min qibal wahdat al-inqadh"); with no
    doer named, a death in an accident or disaster ("laqiya masra'ahu gharqan", drowned); with
    no doer and no victim named, one that also tells of clashes ("istidam") or
    a verb as often figurative ("istahdafat al-warsha thamaniyat mahawir", "al-isabat tudahim
    la'ibi Najran") with no weapon or count beside it."""
    c = cues()
    if record.event == COERCION and c.rescuers.find_all(doc.tokens, clause.start, clause.end):
        return "rescuers breaking in to save, not coercion"
    if (
        record.event == COERCION
        and record.mode != ARREST
        and c.inspection_words.find_all(doc.tokens, sentence.token_start, sentence.token_end)
    ):
        return "a municipal, health or trade inspection: administrative enforcement"
    if (
        record.event == COERCION
        and record.mode == SEIZE
        and c.market_words.find_all(doc.tokens, clause.start, clause.end)
    ):
        return "a share of a market taken, no place or thing seized"
    emergency = record.event == MOBILIZATION or (
        record.event == COERCION and record.mode == MARTIAL_LAW
    )
    if emergency and c.civil_emergency_words.find_all(doc.tokens, clause.start, clause.end):
        return "an emergency or an alert in hospitals or of health, not one of force"
    if record.event == ASSAULT and c.livestock_words.find_all(
        doc.tokens, sentence.token_start, sentence.token_end
    ):
        return "cattle slaughtered or condemned, no attack"
    weak = key in c.weak_triggers and not mode_words and record.size is None
    named = any(
        (a.code or a.sector not in (None, UNKNOWN_SECTOR)) and not (weak and _not_a_doer(a))
        for a in record.actor
    )
    disaster = c.disaster_words.find_all(doc.tokens, sentence.token_start, sentence.token_end)
    if disaster and (not named or all(_crashed(doc, a) for a in record.actor)):
        return "an accident or a disaster, nobody named as its doer"
    # civilians as victims ("qutila madaniyyan") name nobody: an accident kills them too
    victims = any(r.code or r.sector not in (None, CIVILIANS) for r in record.recipient)
    if named or victims:
        return None
    if c.accident_words.find_all(doc.tokens, sentence.token_start, sentence.token_end):
        return "an accident or a disaster, nobody named"
    if not weak:
        return None
    # "ta'arrada li-l-darb" (was subjected to beating): someone was hurt
    before = range(clause.start, trigger)
    if any(is_word(doc.tokens[i], c.exposure_verbs) for i in before):
        return None
    if attack_noun_before(doc.tokens, clause.start, trigger) is not None:
        return None  # "infijarat istahdafat sayyarat" (blasts targeted cars): an attack did it
    return "a word as often figurative, with no actor, weapon or count"


OWNER_REACH = 3  # words between an aircraft and its owner: "taba'a li-tayaran al-quwwat"


def _crashed(doc: Document, actor: ActorRef) -> bool:
    """Whether the actor is an aircraft ("ta'ira hilikubtar taba'a li-l-jaysh", an army
    helicopter) or the owner named right after one ("mirwahiyya tabi'a li-tayaran al-quwwat
    al-barriyya al-bakistaniyya", the Pakistani land forces' helicopter): in a sentence of an
    accident the aircraft crashed, and neither did anything."""
    craft = cues().crashing_craft
    if craft.matches_at(doc.tokens, actor.token_start):
        return True
    start = doc.sentences[actor.sentence].token_start
    lo = max(start, actor.token_start - OWNER_REACH - 2)  # a craft of two words at most
    return any(
        m.end < actor.token_start <= m.end + OWNER_REACH
        for m in craft.find_all(doc.tokens, lo, actor.token_start)
    )


def _not_a_doer(actor: ActorRef) -> bool:
    """Whether an actor names no doer of a verb as often figurative: a body that acts on
    paper, with no country ("hamalat taftishiyya ... istahdafat 'adadan min al-munsha'at",
    the labour ministry's inspection campaigns targeted shops); a country read from a place
    named after it, or from the rest of the article, is no country named ("al-niyaba al-'amma
    fi Dubai")."""
    named = actor.code and actor.method not in PLACED_METHODS | SETTING_METHODS
    return not named and actor.sector in cues().office_sectors


def gathering_only(doc: Document, sentence: Sentence, trigger: int, *, staged: bool) -> bool:
    """A crowd that gathers or goes out with nothing in the sentence saying it protests
    ("yahtashid 'ala al-kurnish alaf al-zuwwar", thousands of visitors throng the corniche), or
    a bare "masira" that is a career or a parade ("masira Makiyya hafilat bi-l-injazat"): a
    march needs a verb that stages it (``staged``: "nazzamat al-ahzab masirat"), a cause or a
    crowd besides the noun itself."""
    c = cues()
    token = doc.tokens[trigger]
    lo, hi = sentence.token_start, sentence.token_end
    # a cause anywhere in the sentence; a crowd next to the march ("masira ... sammama fiha
    # 'asharat al-jawami'", dozens of mosques, is a career)
    evidence = [(c.protest_purpose, lo, hi)]
    if is_word(token, c.bare_march_nouns):
        if staged:
            return False
        near = (max(lo, trigger - MARCH_REACH), min(hi, trigger + MARCH_REACH + 1))
        evidence.append((c.march_crowds, *near))
    elif not is_word(token, c.gathering_verbs):
        return False
    return not any(
        not m.start <= trigger < m.end
        for words, start, end in evidence
        for m in words.find_all(doc.tokens, start, end)
    )


def invoked(doc: Document, trigger: int, end: int) -> bool:
    """Whether "al-ihtijaj" is invoking, not protesting: "al-ihtijaj bi-l-jumhur" (citing the
    masses as an argument); not "al-ihtijaj bi-l-alaf" (the protest of thousands)."""
    c = cues()
    if end >= len(doc.tokens) or not is_word(doc.tokens[trigger], c.invoke_verbs):
        return False
    after = doc.tokens[end]
    by = (
        any(not c.invoke_preposition.isdisjoint(a.proclitics[:1]) for a in after.analyses[1:])
        and not after.is_punct
    )
    return by and not c.march_crowds.find_all(doc.tokens, end, end + 1)


def by_a_force(doc: Document, clause: Clause, start: int, end: int) -> bool:
    """Whether the subject of the verb trigger at ``start:end`` is a force of nature, a feeling
    or an abstraction ("darabat mawjat al-taqs al-hadd Hayiti", severe weather struck Haiti;
    "istawla 'alayhi al-ya's", despair seized him): the word right before the verb, or the one
    before that with its adjective between ("makhatir jiddiyya tuhaddid", serious dangers
    threaten), or the first word after it that is not an adverb."""
    c = cues()
    tokens = doc.tokens
    subjects = [start - 1] if start > clause.start else []
    if start - 2 >= clause.start and not tokens[start - 1].is_punct:
        subjects.append(start - 2)
    if any(not c.coordinators.isdisjoint(a.proclitics) for a in tokens[start].analyses[:2]):
        # "dakhalat al-'asifa ... wa-darabat sawahil 'Uman": a verb joined by "wa" shares the
        # subject of the clause's first verb
        subjects += range(clause.start, min(clause.end, clause.start + 2))
    for i in range(end, min(clause.end, end + FORCE_REACH)):
        if not is_word(tokens[i], c.verb_adverbs):
            subjects.append(i)
            # "ijtahat Ithyubya fayadanat" (floods swept Ethiopia): a name right after the verb
            # may be its object, and the force after it the subject
            named = doc.mention_at(i)
            if named is not None and named.token_end < clause.end:
                subjects.append(named.token_end)
            break
    forces = [i for i in subjects if is_word(tokens[i], c.natural_forces)]
    # "al-jaysh al-hurr qasafa" (the Free Army shelled): a word of a name is no force ("al-harr",
    # the heat)
    return any(not doc.in_a_name(i) for i in forces)
