"""Choose what a toponym names, and which toponym of a clause is the event's place.

A name with several places (Tarabulus: Tripoli in Libya or in Lebanon) is settled by, in
order: the kind a head noun asks for ("madinat X" wants a town), the countries of the event's
actors, the countries the whole article names, curated entries before generated ones, a
country before a town before a region of the same name, and population.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from marsad.places.gazetteer import Place
from marsad.places.toponyms import Toponym

# The resolutions each head noun kind asks for.
HEAD_FITS: dict[str, frozenset[int]] = {
    "city": frozenset({4}),
    "region": frozenset({2, 3}),
    "country": frozenset({1}),
    "camp": frozenset({5}),
    "crossing": frozenset({5}),
    "district": frozenset({5}),
    "site": frozenset({5}),
}
# With no head: the country a name names, else the town, else a part of a town, else the
# region (a governorate and its capital town share a name; the town is meant more often).
RESOLUTION_ORDER = {1: 0, 4: 1, 5: 2, 3: 3, 2: 4}


@dataclass(frozen=True)
class Context:
    """The countries around a toponym: of the event's actors, and of the whole article."""

    event: frozenset[str] = frozenset()
    article: Counter[str] = field(default_factory=Counter)


def best_place(toponym: Toponym, context: Context) -> Place:
    fits = HEAD_FITS.get(toponym.head or "", frozenset())

    def rank(place: Place) -> tuple[int, int, int, int, int, int]:
        return (
            int(place.resolution in fits),
            int(place.country in context.event),
            context.article.get(place.country, 0),
            int(place.curated),
            -RESOLUTION_ORDER.get(place.resolution, 9),
            place.population,
        )

    return max(toponym.candidates, key=rank)


def usable(toponym: Toponym, names: Collection[int], actors: Collection[int]) -> bool:
    """Whether a toponym may be a place at all: not a topic, not inside a person's or an
    organisation's name, and either cued or safe without a cue. A country or a capital an
    actor phrase covers needs a locative or a head noun ("fi Rusiya", "al-'asima
    al-Qatariyya al-Doha"), or it is the actor."""
    span = range(toponym.start, toponym.end)
    if toponym.topic or all(i in names for i in span):
        return False
    if all(i in actors for i in span) and not toponym.cued:
        return False
    if toponym.cued:
        return True
    return toponym.salient and not any(p.resolution == 1 for p in toponym.candidates)


RESOLUTION_SPECIFICITY = {1: 0, 2: 1, 3: 2, 4: 3, 5: 4}


def event_place(
    found: Sequence[tuple[Toponym, Place]], trigger: int
) -> tuple[Toponym, Place] | None:
    """The clause's place: a cued (or unmistakable) toponym before any other, the most
    specific place (a town before its region, a region before its country), then the
    nearest to the trigger."""
    if not found:
        return None

    def rank(pair: tuple[Toponym, Place]) -> tuple[int, int, int]:
        toponym, place = pair
        specific = RESOLUTION_SPECIFICITY.get(place.resolution, 0)
        return (int(toponym.cued or toponym.salient), specific, -abs(toponym.start - trigger))

    return max(found, key=rank)
