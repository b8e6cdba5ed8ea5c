"""Find toponyms in a stretch of tokens and read the words before them: a locative ("fi X",
in X; "bi-X"), a head noun ("bi-madinat X", in the city of X), a direction ("shamal X",
north of X), or a topic ("al-wad' fi X", the situation in X: talked about, not the locus).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.matcher import PhraseMatcher
from marsad.places.gazetteer import Gazetteer, Name, Place, PlaceWords
from marsad.types import Token

LOOK_BACK = 4  # tokens between a locative and its toponym: a head, a direction, "rif"


@dataclass(frozen=True, slots=True)
class Toponym:
    start: int  # token range
    end: int
    candidates: tuple[Place, ...]
    locative: bool  # a locative word, a "bi-" or a "near" phrase makes it the locus
    head: str | None  # the kind a head noun names ("city", "region", "camp" ...)
    topic: bool  # what is talked about, not where

    @property
    def cued(self) -> bool:
        return self.locative or self.head is not None

    @property
    def salient(self) -> bool:
        """Names safe to read without a cue: several words long, or a curated region."""
        return any(p.curated and p.resolution <= 3 for p in self.candidates) or (
            self.end - self.start > 1
        )


def _without_pronoun(tokens: Sequence[Token], start: int, name: Name) -> bool:
    """Names take no pronoun suffix: "fatra" (a period) is not "Alfter" + "-a"."""
    for token, key in zip(tokens[start : start + len(name.keys)], name.keys, strict=True):
        if token.text != key and not any(a.stem == key and not a.enclitic for a in token.analyses):
            return False
    return True


class _Reader:
    def __init__(
        self,
        tokens: Sequence[Token],
        lo: int,
        words: PlaceWords,
        gazetteer: Gazetteer,
        nisbas: Mapping[int, str],
    ) -> None:
        self.tokens = tokens
        self.lo = lo
        self.words = words
        self.gazetteer = gazetteer
        self.nisbas = nisbas  # token index -> the country code of a nisba adjective there

    def bi(self, token: Token, matcher: PhraseMatcher[Any]) -> bool:
        """Whether the token is "bi-" + a word that starts a phrase of ``matcher``: the
        proclitic must be the one that reaches the name ("bi-Idlib", in Idlib), not a letter
        of the name ("Baghdad")."""
        if matcher.starts_with(token.text):
            return False
        return any(
            set(a.proclitics) & self.words.locative_proclitics and matcher.starts_with(a.stem)
            for a in token.analyses
        )

    def phrase_before(self, end: int, matcher_name: str) -> int | None:
        """The start of a phrase of ``matcher_name`` that ends right before token ``end``."""
        matcher = getattr(self.words, matcher_name)
        for start in range(max(self.lo, end - 3), end):
            if any(m.end == end for m in matcher.matches_at(self.tokens, start, end)):
                return start
        return None

    def cue(self, start: int) -> tuple[bool, str | None, bool]:
        """(locative, head kind, topic) for a toponym starting at token ``start``."""
        words, tokens = self.words, self.tokens
        locative = self.bi(tokens[start], self.gazetteer.names)
        head: str | None = None
        k = start
        for _ in range(LOOK_BACK):
            if locative or k <= self.lo:
                break
            head_start = self.phrase_before(k, "heads")
            if head_start is not None:
                found = words.heads.matches_at(tokens, head_start, k)
                head = head or found[0].value
                k = head_start
                locative = self.bi(tokens[k], words.heads)
                continue
            if k - 1 in self.nisbas:  # "al-'asima al-Urduniyya 'Amman" (the Jordanian capital)
                k -= 1
                continue
            direction = self.phrase_before(k, "directions")
            if direction is not None:
                k, locative = direction, True  # "shamal X" (north of X) is a locative itself
                continue
            near = self.phrase_before(k, "near")
            if near is not None:
                k, locative = near, True
                break
            previous = tokens[k - 1]
            if previous.keys & words.topic_prepositions:
                return False, head, True
            if previous.keys & words.locative:
                k, locative = k - 1, True
            break
        # "al-salam fi Junub al-Sudan" (peace in South Sudan) is a topic; "ittifaq salam fi
        # madinat Juba" (a peace deal in the city of Juba) names where: a head noun wins
        topic = (
            locative and not head and k > self.lo and bool(tokens[k - 1].keys & words.topic_nouns)
        )
        return locative, head, topic


PAIRS_KEPT = 200_000  # surface pairs remembered by _may_start_pair before the cache is emptied


def _may_start_pair(tokens: Sequence[Token], i: int, hi: int, gazetteer: Gazetteer) -> bool:
    """Whether a gazetteer name may start at token ``i``, judged on it and the next token and
    cached by their surfaces (see ``PhraseMatcher.may_start_at``)."""
    after = tokens[i + 1].text if i + 1 < hi else ""
    key = (tokens[i].text, after)
    hit = gazetteer.pairs.get(key)
    if hit is None:
        hit = gazetteer.names.may_start_at(tokens, i, hi)
        if len(gazetteer.pairs) > PAIRS_KEPT:
            gazetteer.pairs.clear()
        gazetteer.pairs[key] = hit
    return hit


def find_toponyms(
    tokens: Sequence[Token],
    lo: int,
    hi: int,
    gazetteer: Gazetteer,
    words: PlaceWords,
    *,
    nisbas: Mapping[int, str],
) -> list[Toponym]:
    """Every gazetteer name in tokens ``[lo, hi)``, longest first, with its cue; and "the
    capital" + a nisba with no name after it, as that country's capital. ``nisbas`` maps
    the first token of each nisba adjective to its country code."""
    reader = _Reader(tokens, lo, words, gazetteer, nisbas)
    found: list[Toponym] = []
    # where a name may start, and "the capital" before a nisba: most tokens are neither
    starts = gazetteer.names.starts_in(tokens, lo, hi)
    # (the nisbas are the document's: look only at this stretch's tokens, not at all of them)
    capitals = [j - 1 for j in range(lo + 1, hi + 1) if j in nisbas]
    if capitals:
        starts = sorted({*starts, *capitals})
    free = lo  # the first token no name found covers
    for i in starts:
        if i < free:
            continue
        matches = (
            gazetteer.names.matches_at(tokens, i, hi)
            if _may_start_pair(tokens, i, hi, gazetteer)
            else []
        )
        if not matches:
            capital = _capital(reader, i, hi)
            if capital is not None:
                found.append(capital)
            continue
        end, cost = matches[0].end, matches[0].cost
        places = tuple(
            dict.fromkeys(
                m.value.place
                for m in matches
                if m.end == end and m.cost == cost and _without_pronoun(tokens, i, m.value)
            )
        )
        if not places:
            continue
        locative, head, topic = reader.cue(i)
        if head == "city" and all(p.resolution < 4 for p in places):
            places = _capitals_for(places, gazetteer)
        found.append(Toponym(i, end, places, locative, head, topic))
        free = end
    return found


def _capitals_for(places: tuple[Place, ...], gazetteer: Gazetteer) -> tuple[Place, ...]:
    """ "madinat Tunis" (the city of Tunis) with no town of that name: a country named after
    "city" is its capital."""
    capitals = [gazetteer.capitals.get(p.country) for p in places if p.resolution == 1]
    return tuple(dict.fromkeys([*(c for c in capitals if c is not None), *places]))


def _capital(reader: _Reader, i: int, hi: int) -> Toponym | None:
    tokens, words = reader.tokens, reader.words
    code = reader.nisbas.get(i + 1)
    if code is None or not tokens[i].keys & words.capital_heads:
        return None
    if i + 2 < hi and reader.gazetteer.names.matches_at(tokens, i + 2, hi):
        return None  # the capital is named: "al-'asima al-Urduniyya 'Amman"
    capital = reader.gazetteer.capitals.get(code)
    if capital is None:
        return None
    locative, _, topic = reader.cue(i)
    locative = locative or reader.bi(tokens[i], words.heads)
    return Toponym(i, i + 2, (capital,), locative, "city", topic)
