"""Material acts in a frame that makes them no act done: any act, an act stopped, an idiom, a
running total or a trend, a purpose, a charge or a story, an example, the act another answers, the
time of another act, the site of one, the background before the news (a veto of
marsad.coding.vetoes)."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.carriers import carriers
from marsad.coding.clauses import Clause, has_article, is_word
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.resources import cues
from marsad.matcher import PhraseMatcher
from marsad.types import Document, Sentence, Token

FRAME_REACH = 6  # tokens between a frame noun ("a charge of", "a scene of") and the act it names
PURPOSE_REACH = 6  # tokens between "kharaju" (went out) and the "li-" of what they did
IDIOM_REACH = 3  # tokens between a verb of striking and the object that makes it an idiom
RESPONSE_REACH = 1  # tokens between "raddan 'ala" (in response to) and the act, as "'amaliyya"
RESPONSE_WINDOW = 5  # tokens back where such a phrase ("rudud al-fi'l 'ala", 3 words) may start
PREVENTION_REACH = 2  # tokens between "waqf" (stopping) and the act it stops
EXAMPLE_REACH = 8  # tokens between "min qabil" (such as) and the acts it lists as examples
ANCHOR_REACH = 3  # tokens between "ba'da" (after) and the "min" of the act: "ba'da sa'at min"


def unreal_material(
    doc: Document,
    sentence: Sentence,
    clause: Clause,
    start: int,
    trigger: int,
    *,
    entry: TriggerEntry,
) -> str | None:
    """Material acts in a frame that makes them possible, generic, purposed, charged or told.
    ``start`` is the light verb carrying a noun trigger, else the trigger itself."""
    c = cues()
    tokens = doc.tokens
    if _any_act(tokens, trigger):
        return "a kind of act («any»), not one that happened"
    heads = range(max(clause.start, trigger - PREVENTION_REACH), trigger)
    if any(is_word(tokens[i], c.prevention_heads) for i in heads):
        return "stopped, banned, refused or fought: not done"
    if idiom(tokens, clause, trigger, c.idiom_objects, c.far_idiom_objects):
        return "an idiom («ignored», «gave an example», «set a date»), not an act"
    if _aims(tokens, clause, trigger):
        return "a plan or an event «aims at» people, it does not attack them"
    if c.running_totals.find_all(tokens, trigger + 1, clause.end):
        return "a running total («so far», «since the year began»), not one event"
    if c.trend_spans.find_all(tokens, clause.start, clause.end):
        return "told over months or years («over the past months»): a trend, not one event"
    if _purpose(tokens, clause, trigger, frozenset({entry.key})) or (
        start != trigger and _purpose(tokens, clause, start, carriers(entry))
    ):
        return "a purpose, not an act done"
    if entry.event not in c.frame_types:
        return None
    frame = range(max(clause.start, start - FRAME_REACH), trigger)
    if any(_frame_noun(tokens, i) for i in frame):
        return "named in a charge, trial or story, not reported as done"
    if c.example_markers.find_all(
        tokens, max(clause.start, start - EXAMPLE_REACH), trigger
    ) or _examples_listed(tokens, clause):
        return "a kind or an example of an act («of the type of»), not one reported"
    lo = max(clause.start, trigger - RESPONSE_WINDOW)
    responded = c.response_phrases.find_all(tokens, lo, trigger)
    if any(m.end >= trigger - RESPONSE_REACH for m in responded):
        return "the act another answers or avenges: background, not reported"
    if entry.pos == "noun" and _time_of_another(tokens, sentence, trigger):
        return "named as the time of another act («the day after an attack»): background"
    if trigger > clause.start and is_word(tokens[trigger - 1], c.site_nouns):
        return "the site of an act told elsewhere («makan al-infijar»)"
    opener = c.background_openers.find_all(tokens, max(0, clause.start - 1), clause.start + 1)
    if any(m.end >= clause.start for m in opener) and not outcome_before(
        tokens, sentence, clause.start
    ):
        # "ba'd an" (after): "an" opens the clause, "ba'da" ends the one before
        return "background: what came before the news"
    return None


def _any_act(tokens: Sequence[Token], trigger: int) -> bool:
    """Whether "ayy" (any) stands right before the act ("ayy darba jawwiyya") or one word
    before it ("ayy 'amaliyyat ightiyal", "ayy jiha tuhajim", any party that attacks). It
    takes an indefinite noun: an act with the article after that word is outside its phrase
    ("lam tatabanna ayy jiha al-hujum", no group claimed the attack)."""
    c = cues()
    if trigger >= 1 and is_word(tokens[trigger - 1], c.generic_quantifiers):
        return True
    return (
        trigger >= 2
        and is_word(tokens[trigger - 2], c.generic_quantifiers)
        and not has_article(tokens[trigger])
    )


def idiom(
    tokens: Sequence[Token],
    clause: Clause,
    trigger: int,
    objects: PhraseMatcher[str],
    far: PhraseMatcher[str] | None = None,
) -> bool:
    """ "darabat al-hukuma bi-matalib al-niqabat 'urd al-ha'it" (the government ignored the
    unions' demands): the idiom's object may come a few words after the verb, and one of
    ``far`` anywhere after it in its clause."""
    after = trigger + 1
    stop = min(clause.end, after + IDIOM_REACH + 2)  # idiom objects are one or two words
    if any(m.start <= after + IDIOM_REACH for m in objects.find_all(tokens, after, stop)):
        return True
    return far is not None and bool(far.find_all(tokens, after, clause.end))


def _examples_listed(tokens: Sequence[Token], clause: Clause) -> bool:
    """Whether the clause is a list after "mithl:" (such as:), the marker right before the
    colon that opens it ("mithl: masirat al-shu'ara'", such as: the poets' parade)."""
    colon = clause.start - 1
    if colon < 1 or not (
        tokens[colon].is_punct and tokens[colon].text in cues().clause_punctuation
    ):
        return False
    found = cues().example_markers.find_all(tokens, max(0, colon - 3), colon)
    return any(m.end == colon for m in found)


def _aims(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """ "istahdafa al-mahrajan tullab al-madaris" (the festival was aimed at school pupils),
    "al-barnamaj yastahdif al-shabab", "mashari' siyasiyya tastahdif": a verb of targeting
    whose subject, right after it or before it (one word between), or the antecedent of the
    relative clause it opens, is a plan, plot, programme or event."""
    c = cues()
    if not is_word(tokens[trigger], c.aim_verbs, conjunction_only=True):
        return False
    around = (trigger + 1, trigger + 2, trigger - 1)
    if any(clause.start <= i < clause.end and _aim_subject(tokens[i]) for i in around):
        return True
    before = trigger - 1
    if before > clause.start and not tokens[before].is_punct and _aim_subject(tokens[before - 1]):
        return True  # "mashari' siyasiyya tastahdif": an adjective between
    return _plan_antecedent(tokens, trigger)


def _aim_subject(token: Token) -> bool:
    return is_word(token, cues().aim_subjects, conjunction_only=True)


ANTECEDENT_REACH = 4  # words of an antecedent before its relative pronoun ("ahad mukhattatat
# tanzim Da'ish al-irhabi, alladhi")


def _plan_antecedent(tokens: Sequence[Token], trigger: int) -> bool:
    """Whether the verb opens a relative clause ("alladhi kana yastahdif") whose antecedent
    ends in a plan or a plot: "ahbat rijal al-amn ahad mukhattatat tanzim Da'ish al-irhabi,
    alladhi kana yastahdif masjidan" (foiled an ISIS plot that was aimed at a mosque)."""
    c = cues()
    sentence = tokens[trigger].sentence
    i = trigger - 1
    if i >= 0 and is_word(tokens[i], c.aspect_auxiliaries, conjunction_only=True):
        i -= 1
    if i < 0 or tokens[i].text not in c.relative_pronouns:
        return False
    i -= 1
    if i >= 0 and tokens[i].is_punct and tokens[i].text in c.clause_commas:
        i -= 1
    heads = range(i, max(-1, i - ANTECEDENT_REACH), -1)
    return any(tokens[j].sentence == sentence and _aim_subject(tokens[j]) for j in heads)


def _purpose(tokens: Sequence[Token], clause: Clause, at: int, words: frozenset[str]) -> bool:
    """An aim: "li-shann hujum" (to launch an attack), "li-yaqtul" (so that he kills). After
    "ta'arrada li-" (was subjected to) the same preposition marks what happened."""
    c = cues()
    aimed = any(
        a.stem in words and not c.recipient_proclitics.isdisjoint(a.proclitics)
        for a in tokens[at].analyses
    )
    # "addat li-tadmir" (led to the destruction of): after an outcome verb it is the result
    marks_what_happened = c.exposure_verbs | c.result_verbs | c.motion_verbs
    before = range(max(clause.start, at - PURPOSE_REACH), at)
    return aimed and not any(is_word(tokens[i], marks_what_happened) for i in before)


def _time_of_another(tokens: Sequence[Token], sentence: Sentence, trigger: int) -> bool:
    """Whether a noun trigger follows a preposition of time ("ghadat hujum", the day after an
    attack; "qabla al-hujum"), or "min" after one ("ba'da sa'at min al-hujum", hours after the
    attack): the act is the time of another, unless a death, injury or arrest told before it
    came of it ("qutila jundiyyan ba'da hujum"), or it is fighting ("ba'da ishtibakat istamarrat
    li-sa'at", after clashes that lasted hours), or ground was won by it ("saqatat al-qa'ida
    ba'da hujum", the base fell after an attack): one episode of the news."""
    c = cues()
    fighting = any(a.stem in c.fighting_nouns for a in tokens[trigger].analyses[:2])
    if trigger <= sentence.token_start or fighting:
        return False
    before = trigger - 1
    if tokens[before].text in c.partitive_of:
        before = next(
            (
                i
                for i in range(before - 1, max(sentence.token_start, before - ANCHOR_REACH) - 1, -1)
                if is_word(tokens[i], c.time_anchors, conjunction_only=True)
            ),
            before,
        )
    if not is_word(tokens[before], c.time_anchors, conjunction_only=True):
        return False
    won = any(is_word(tokens[i], c.ground_verbs) for i in range(sentence.token_start, before))
    return not (won or outcome_before(tokens, sentence, before))


def outcome_before(tokens: Sequence[Token], sentence: Sentence, end: int) -> bool:
    """Whether the sentence tells a death, an injury or a survival before ``end``: then
    "ba'd an" tells how it came about ("naja ... min al-mawt ba'd an fajjara intihari nafsahu",
    survived death after a suicide bomber blew himself up), not what came before the news."""
    c = cues()
    outcomes = c.casualty_verbs | c.exposure_verbs | c.death_carriers
    return any(
        is_word(tokens[i], outcomes)
        or any(a.stem in c.victim_nouns for a in tokens[i].analyses[:2])
        for i in range(sentence.token_start, end)
    )


def _frame_noun(tokens: Sequence[Token], i: int) -> bool:
    """Whether the word at ``i`` is a noun of a charge, a trial or a link (``frame_nouns``),
    not one that "dhu" makes an adjective: "fi mawdu' dhi sila" (on a related matter)."""
    c = cues()
    if not any(a.stem in c.frame_nouns for a in tokens[i].analyses[:2]):
        return False
    return i == 0 or not is_word(tokens[i - 1], c.relational_words)
