"""Whether a trigger is negated: a negation before it or its light verb, "'adam" (the absence
of) before its noun, "neither ... nor" (for ``marsad.coding.vetoes``)."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import is_word
from marsad.coding.resources import cues
from marsad.types import Sentence, Token

NEGATED = "negated"
NEITHER_REACH = 4  # words from "la" (neither) to the verb, its subject between


def neither_nor(tokens: Sequence[Token], sentence: Sentence, start: int) -> bool:
    """Whether "la" or "wa-la" stands up to ``NEITHER_REACH`` words before the trigger, its
    subject between, in a sentence that holds both: "la al-qiyada talabat dhalika, wa-la Hamas
    yumkin an tufakkir" (neither did the leadership ask for it, nor could Hamas think of it)."""
    c = cues()
    pair = c.neither_nor
    lo = max(sentence.token_start, start - NEITHER_REACH)
    near = (i for i in range(lo, start) if tokens[i].text in pair)
    if not any(not c.not_negations.matches_at(tokens, i) for i in near):
        return False  # "wa-la tazal" (and still) negates nothing
    return pair <= {t.text for t in tokens[sentence.token_start : sentence.token_end]}


def absence_between(tokens: Sequence[Token], carrier: int, trigger: int) -> bool:
    """Whether "'adam" (the absence of) stands between a light verb and the noun it carries:
    "aqarra bi-'adam al-tawassul ila ittifaq" (admitted no agreement was reached); or a
    negation right before the noun, past the light verb's reach: "wa-huwa laysa idana" (and it
    is no condemnation)."""
    words = cues().nominal_negation
    if any(is_word(tokens[i], words) for i in range(carrier + 1, trigger)):
        return True
    return carrier < trigger - 1 and negates(tokens, trigger - 1)


def negates(tokens: Sequence[Token], i: int) -> bool:
    """Whether the token at ``i`` negates: not the relative «ma» after a clause and before a
    verb of outcome ("saqata sarukh ... ma adda ila maqtal", a rocket fell ... which led to the
    killing of; "ma tasabbaba bi-"): "which". First in its sentence it is "not". Nor the
    phrases of `not_negations`: "la siyyama" (especially), "la yazal", "ma zalat" (still)."""
    c = cues()
    negates = is_word(tokens[i], c.negation, conjunction_only=True) or is_word(
        tokens[i], c.nominal_negation
    )
    if not negates or c.not_negations.matches_at(tokens, i):
        return False
    relative = (
        tokens[i].text in c.relative_negators
        and 0 < i < len(tokens) - 1
        and tokens[i - 1].sentence == tokens[i].sentence
    )
    return not (relative and is_word(tokens[i + 1], c.result_verbs, conjunction_only=True))


def outcome_denied(tokens: Sequence[Token], carrier: int | None, trigger: int) -> bool:
    """Whether the negation denies only an outcome of the noun, its subject: "lam yusfir
    al-qasf 'an wuqu' isabat" (the shelling caused no casualties) tells of a shelling; the
    noun after the verb's preposition ("lam yusfir 'an maqtal ahad") is what did not happen."""
    c = cues()
    if carrier is None or not is_word(tokens[carrier], c.result_verbs, conjunction_only=True):
        return False
    return not is_word(tokens[trigger - 1], c.prepositions)
