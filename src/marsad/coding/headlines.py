"""Whether a trigger heads its sentence as a headline or a chronology's item does ("27
yuliyu: maqtal 13", 27 July: 13 killed), and not as a title or a subheading that tells no
news ("'uqubat rad'a", deterrent sanctions)."""

from __future__ import annotations

from itertools import islice

from marsad.coding.clauses import Clause, has_article, has_stem
from marsad.coding.lexicon import TriggerEntry
from marsad.coding.resources import cues
from marsad.coding.view import PLACE_KINDS
from marsad.temporal.lexicon import date_words
from marsad.types import Document, Sentence


def heads_sentence(
    doc: Document, sentence: Sentence, clause: Clause, span: tuple[int, int], entry: TriggerEntry
) -> bool:
    """Whether nothing but punctuation and a conjunction stands before the token, in the
    sentence or after a colon ("27 yuliyu: maqtal 13", 27 July: 13 killed), or only the
    place and date of an item in a chronology ("* Rusiya 24 maris 2001 maqtal shurtiyyayn").
    A noun with the article or a preposition on it is no lead: "al-tafjir alladhi awda
    bi-hayat Bhutto" (the bombing that took Bhutto's life) is a known event spoken of."""
    tokens = doc.tokens
    start, end = span
    token = tokens[start]
    c = cues()
    # "al-qabd 'ala" (the arrest of) is written with its article: a headline's own words
    if token.text not in (entry.key, entry.form) and not entry.form.startswith(c.article):
        readings = [a for a in token.analyses if a.stem == entry.key]
        if readings and all(set(a.proclitics) - c.coordinators for a in readings):
            return False
    if _a_title(doc, sentence, end):
        return False  # "al-ightiyal.." (the assassination..), "'uqubat rad'a": no news told
    after_colon = start == clause.start and start > 0 and tokens[start - 1].text == ":"
    before = range(sentence.token_start, start)
    return (
        after_colon
        or all(tokens[i].is_punct for i in before)
        or place_and_date(doc, sentence, start)
    )


def _a_title(doc: Document, sentence: Sentence, end: int) -> bool:
    """Whether the noun that heads the sentence and ends at ``end`` is a title or a subheading:
    nothing but punctuation after it, or one word that is no number, name or people counted,
    an adjective ("'uqubat rad'a", deterrent sanctions; "ishtibakat 'anifa", fierce clashes).
    "maqtal shakhsayn" (two people killed), "maqtal jundi" (a soldier killed), "i'tiqal
    al-nashit" (the activist's arrest: a genitive has the article) tell news."""
    # two words are enough to tell: a sentence may be very long
    words = list(
        islice((i for i in range(end, sentence.token_end) if not doc.tokens[i].is_punct), 2)
    )
    if len(words) > 1:
        return False
    people = cues().people_nouns
    return not any(
        doc.tokens[i].text.isdigit()
        or doc.in_a_name(i)
        or has_article(doc.tokens[i])
        or has_stem(doc.tokens[i], people)
        for i in words
    )


def place_and_date(doc: Document, sentence: Sentence, start: int) -> bool:
    """Whether the sentence opens with a mark of a list item and then only places, numbers
    and month names run up to ``start``, a date or a mark among them: "* Baghdad - 5 March:
    maqtal" heads an item of a chronology, "* Washintun tafrid 'uqubat" (Washington imposes
    sanctions) is a headline whose subject is the place."""
    tokens = doc.tokens
    first = sentence.token_start
    if start <= first + 1 or not tokens[first].is_punct:
        return False
    named = {
        i
        for m in doc.mentions_beside(first)
        if m.kind in PLACE_KINDS and first <= m.token_start < start
        for i in range(m.token_start, m.token_end)
    }
    months = date_words().months
    i = first
    dated = False  # a date or a mark after the item's own
    while i < start:
        token = tokens[i]
        if token.is_punct or i in named or token.text.isdigit():
            dated = dated or (i > first and i not in named)
            i += 1
            continue
        found = months.matches_at(tokens, i, start)
        if not found:
            return False
        dated, i = True, found[0].end
    return bool(named) and dated
