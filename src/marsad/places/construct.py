"""The country of a place named in construct after a title or an agent noun: the town or region
a local office serves ("amir mintaqat Najran", the emir of the Najran region; "muhafiz
al-Basra", the governor of Basra) or whose people, police or court it names ("sukkan
Ukinawa", the residents of Okinawa; "shurtat Jidda")."""

from __future__ import annotations

from collections.abc import Sequence

from marsad.coding.clauses import article_only
from marsad.places.gazetteer import Name, gazetteer, place_words
from marsad.types import Token

REGIONS = frozenset({2, 3})  # a region or a district
TOWN = 4  # a town: only one whose population the gazetteer knows, not a village or a quarter
PLACE_WORDS = 4  # the place head and the longest name read ("mintaqat al-Hudud al-Shamaliyya")


def country_in_construct(tokens: Sequence[Token], at: int) -> str | None:
    """The country of the town or region named at ``at``, after a place head or not ("mintaqat",
    "muhafazat"): the one country every place of that name lies in, else None."""
    hi = min(len(tokens), at + PLACE_WORDS)
    if at >= hi or tokens[at].is_punct:
        return None
    heads = place_words().heads.matches_at(tokens, at, hi)
    start = max((m.end for m in heads), default=at)
    names = gazetteer().names
    # the name as written, with the article at most: "bi-l-Basra" is where, not whose
    matches = [
        m
        for m in names.matches_at(tokens, start, hi)
        if m.start == start and _bare(tokens[start], m.value.keys[0])
    ]
    if not matches:
        return None
    longest = max(m.end for m in matches)
    countries = {
        m.value.place.country for m in matches if m.end == longest and _named_place(m.value)
    }
    return next(iter(countries)) if len(countries) == 1 else None


def _bare(token: Token, key: str) -> bool:
    """Whether ``token`` is the name's first word with the article at most on it."""
    return token.text == key or (article_only(token) and any(a.stem == key for a in token.analyses))


def _named_place(name: Name) -> bool:
    """Whether the place is a region, a district or a town of known population: a village's
    name is often a quarter's elsewhere ("al-Faysaliyya" of Medina, a village in Jordan)."""
    place = name.place
    return place.resolution in REGIONS or (place.resolution == TOWN and place.population > 0)
