"""Acts told, not done: in a verse of scripture, a saying quoted, the plot of a film or a book, a
slogan on a banner, or a prayer to God (a veto of marsad.coding.vetoes)."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import Clause, is_word
from marsad.coding.resources import cues
from marsad.matcher import PhraseMatcher
from marsad.types import Document, Sentence, Token

SLOGAN_REACH = 4  # tokens between a slogan noun and the quotation it introduces
PRAYER_REACH = 6  # tokens (the subject) between "da'a" (called, prayed) and "Allah"
PRAISED_REACH = 14  # the same, when a praise follows the name: "Allah 'azza wa-jall"
ACCOUNT_GIVERS = frozenset({"agent", "org", "country"})  # mentions of bodies, not authors


def told_in_a_work(doc: Document, sentence: Sentence, trigger: int) -> str | None:
    """Why the act is told in scripture or a work of fiction, if it is: a verse quoted, or
    the plot of a film, a novel or a play named before it in its sentence."""
    tokens = doc.tokens
    if _in_scripture(tokens, sentence, trigger) or _opened_scripture(tokens, sentence, trigger):
        return "a verse of scripture quoted"
    # most sentences name no film or book: the matcher tells where one may stand
    maybe = cues().fiction_words.find_all(tokens, sentence.token_start, trigger)
    if any(_fiction_at(doc, m.start) for m in maybe):
        return "the plot of a film or book"
    return None


def _fiction_at(doc: Document, i: int) -> bool:
    """Whether a film, a novel or a play stands at token ``i``; "riwayat al-jaysh" (the army's
    account) is no novel: a body named right after the noun gives its version of events."""
    c = cues()
    if not any(a.stem in c.fiction_nouns for a in doc.tokens[i].analyses[:2]):
        return False
    prepositions = c.recipient_proclitics | c.other_proclitics  # "riwaya li-l-katib": a novel
    return not any(
        m.token_start == i + 1
        and m.kind in ACCOUNT_GIVERS
        and prepositions.isdisjoint(m.proclitics)
        for m in (doc.mentions_beside(i + 1) if i + 1 < len(doc.tokens) else ())
    )


def _opened_scripture(tokens: Sequence[Token], sentence: Sentence, trigger: int) -> bool:
    """Whether a verse or a saying opened before the trigger with no mark to bound it ("qala
    ta'ala fi sha'n qarya 'udhdhiba ahluha"): with brackets or quotation marks after the
    opener, they tell where it ends."""
    c = cues()
    # most sentences name no God nor Prophet: a glance at the words before the matcher
    last_words = c.scripture_opener_ends
    if not any(tokens[i].text in last_words for i in range(sentence.token_start, trigger)):
        return False
    opened = c.scripture_openers.find_all(tokens, sentence.token_start, trigger)
    if not opened:
        return False
    marks = c.scripture_marks | c.quote_marks
    return not any(tokens[i].text in marks for i in range(opened[-1].end, trigger))


def _in_scripture(tokens: Sequence[Token], sentence: Sentence, trigger: int) -> bool:
    """Whether the trigger stands between scripture brackets ("{wa-man yaqtul mu'minan}"):
    each mark opens or closes in turn, as writers type the ornate pair either way round."""
    marks = cues().scripture_marks
    inside = False
    for i in range(sentence.token_start, trigger):
        if tokens[i].is_punct and tokens[i].text in marks:
            inside = not inside
    return inside


def quoted_after(
    tokens: Sequence[Token], sentence: Sentence, clause: Clause, words: PhraseMatcher[str]
) -> bool:
    """Whether the quotation holding ``clause`` follows one of ``words``: a slogan, chant or
    banner ("rafa'u shi'arat «...»", they raised slogans "..."), or the Prophet or God as its
    speaker ("qala salla Allah 'alayhi wa-sallam: «...»"); quotations joined by "wa" or a comma
    share it."""
    c = cues()
    at = clause.start - 1
    while at >= sentence.token_start:
        # back to the opening quote mark of this quotation
        while at >= sentence.token_start and tokens[at].text not in c.quote_marks:
            at -= 1
        before = at - 1
        while before >= sentence.token_start and (
            (tokens[before].is_punct and tokens[before].text not in c.quote_marks)
            or is_word(tokens[before], c.coordinators)
        ):
            before -= 1
        if before < sentence.token_start:
            return False
        if tokens[before].text in c.quote_marks:
            at = before - 1  # the closing mark of an earlier quotation: go on before it
            continue
        lo = max(sentence.token_start, before - SLOGAN_REACH + 1)
        return bool(words.find_all(tokens, lo, before + 1))
    return False


def prays(tokens: Sequence[Token], clause: Clause, trigger: int) -> bool:
    """Whether God is the object of the verb, its subject in between ("wa-da'a amir mintaqat
    al-Qasim Allah 'azza wa-jall an yudim", the governor prayed God to keep): before any
    preposition, as "da'a ila taqwa Allah" (called for fear of God) calls on people; and
    followed by a praise or by what is prayed for, as a name ("Hizb Allah") is not. With a
    praise right after the name, a longer subject may stand between, prepositions and all."""
    c = cues()
    governed = False
    for i in range(trigger + 1, min(clause.end, trigger + 1 + PRAISED_REACH)):
        token = tokens[i]
        if token.is_punct:
            return False
        governed = governed or is_word(token, c.prepositions)
        if is_word(token, c.prayed_to, conjunction_only=True):
            after = tokens[i + 1] if i + 1 < clause.end else None
            if after is None:
                return False
            if is_word(after, c.praise_after):
                return True
            near = i < trigger + 1 + PRAYER_REACH
            return near and not governed and is_word(after, c.prayer_after, enclitic_ok=True)
    return False
