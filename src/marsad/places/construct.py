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

# ActorRef.method of a body or title given the country of a place: named in construct right after
# it ("amir mintaqat Najran"), or after "fi" (in) right after it ("al-shurta fi Bolivia")
PLACE_IN_CONSTRUCT = "place-in-construct"
PLACE_AFTER_IN = "place-after-in"
PLACED_METHODS = frozenset({PLACE_IN_CONSTRUCT, PLACE_AFTER_IN})


def country_in_construct(tokens: Sequence[Token], at: int) -> str | None:
    """The country of the town or region named at ``at``, after a place head or not ("mintaqat",
    "muhafazat"): the one country every place of that name lies in, else None."""
    longest, names = _places_at(tokens, at)
    countries = {name.place.country for name in names}
    return next(iter(countries)) if longest and len(countries) == 1 else None


def place_end(tokens: Sequence[Token], at: int) -> int | None:
    """The end of the town or region named at ``at`` (after a place head or not), of whatever
    country: "fi Jidda al-yawm" is where the verb was done. None when no such place is named."""
    longest, names = _places_at(tokens, at)
    return longest if names else None


def _places_at(tokens: Sequence[Token], at: int) -> tuple[int, list[Name]]:
    """The longest name of a region or a known town read at ``at`` (a place head before it or
    not), as written with the article at most ("bi-l-Basra" is where, not whose): its end and
    every place it names."""
    hi = min(len(tokens), at + PLACE_WORDS)
    if at >= hi or tokens[at].is_punct:
        return 0, []
    heads = place_words().heads.matches_at(tokens, at, hi)
    start = max((m.end for m in heads), default=at)
    matches = [
        m
        for m in gazetteer().names.matches_at(tokens, start, hi)
        if m.start == start and _bare(tokens[start], m.value.keys[0])
    ]
    if not matches:
        return 0, []
    longest = max(m.end for m in matches)
    return longest, [m.value for m in matches if m.end == longest and _named_place(m.value)]


def _bare(token: Token, key: str) -> bool:
    """Whether ``token`` is the name's first word with the article at most on it."""
    return token.text == key or (article_only(token) and any(a.stem == key for a in token.analyses))


def _named_place(name: Name) -> bool:
    """Whether the place is a region, a district, a town of known population or a curated one
    (listed for the news, population known or not: "Zinjibar" of Abyan beside Zanzibar): a
    village's name is often a quarter's elsewhere ("al-Faysaliyya" of Medina, a village in
    Jordan)."""
    place = name.place
    town = place.resolution == TOWN and (place.population > 0 or place.curated)
    return place.resolution in REGIONS or town
