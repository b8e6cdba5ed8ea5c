"""The shipped gazetteer (data/gazetteer.tsv) and the place words of lang/ar/places.json,
loaded once per process on first use."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib.resources import files

from marsad.coding.lang_files import read_lang_json, word_set
from marsad.errors import DataError
from marsad.matcher import PhraseMatcher
from marsad.places.sources import COLUMNS, place_problem  # COLUMNS: gazetteer.tsv's header
from marsad.text.normalize import normalize_phrase
from marsad.text.tokenize import entry_keys


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a country, region, town or sub-city place."""

    name_en: str
    lat: float
    lon: float
    country: str  # ISO 3166 alpha-3
    admin1: str
    feature: str  # GeoNames feature code (PCLI, ADM1, PPL, CMP ...)
    resolution: int  # 1 country, 2 region, 3 district or area, 4 town, 5 sub-city
    population: int = 0
    geonameid: int | None = None
    curated: bool = False  # hand-written by marsad (places/data/curated.tsv)


@dataclass(frozen=True)
class PlaceWords:
    locative: frozenset[str]  # surfaces: "fi", "qurb" ...
    locative_proclitics: frozenset[str]  # "bi-"
    near: PhraseMatcher[str]
    destinations: frozenset[str]  # "ila", "nahwa": where someone heads for
    directions: PhraseMatcher[str]
    heads: PhraseMatcher[str]  # head noun -> the kind of place it introduces
    topic_nouns: frozenset[str]  # stems
    topic_prepositions: frozenset[str]
    not_places: frozenset[str]  # normalised names never read as places
    capital_heads: frozenset[str]  # "al-'asima" (the capital), as keys


def _phrases(forms: list[str] | dict[str, str], value: str = "") -> PhraseMatcher[str]:
    matcher: PhraseMatcher[str] = PhraseMatcher()
    items = forms.items() if isinstance(forms, dict) else ((f, value) for f in forms)
    for form, kind in items:
        matcher.add(entry_keys(form), kind)
    return matcher


@cache
def place_words() -> PlaceWords:
    data = read_lang_json("places.json")
    return PlaceWords(
        locative=word_set(data["locative"]),
        locative_proclitics=frozenset(normalize_phrase(p) for p in data["locative_proclitics"]),
        near=_phrases(data["near_phrases"], "near"),
        destinations=word_set(data["destinations"]),
        directions=_phrases(data["directions"], "direction"),
        heads=_phrases(data["heads"]),
        topic_nouns=frozenset(k for f in data["topic_nouns"] for k in entry_keys(f)),
        topic_prepositions=word_set(data["topic_prepositions"]),
        not_places=frozenset(" ".join(entry_keys(f)) for f in data["not_places"]),
        capital_heads=frozenset(k for f in data["capital_heads"] for k in entry_keys(f)),
    )


@dataclass(frozen=True, slots=True)
class Name:
    """A place under one of its names, as the matcher's keys."""

    keys: tuple[str, ...]
    place: Place


@dataclass(frozen=True)
class Gazetteer:
    names: PhraseMatcher[Name]
    countries: dict[str, Place]  # ISO3 -> the country's own entry
    capitals: dict[str, Place]  # ISO3 -> its capital (curated first, then the largest)
    size: int
    # (surface, surface after it) -> whether a name may start there, for the surfaces that may
    # start one: "fi" starts a few names of several words, and reads on to none of them mostly
    pairs: dict[tuple[str, str], bool] = field(default_factory=dict, compare=False, repr=False)


def _place(cells: list[str], line: int) -> Place:
    place = _parsed(cells, line)
    problem = place_problem(place.resolution, place.lat, place.lon, place.country)
    if problem is not None:
        raise DataError(f"places/data/gazetteer.tsv:{line}: {problem}")
    return place


def _parsed(cells: list[str], line: int) -> Place:
    try:
        return Place(
            name_en=cells[1],
            lat=float(cells[3]),
            lon=float(cells[4]),
            country=cells[5],
            admin1=cells[6],
            feature=cells[7],
            resolution=int(cells[8]),
            population=int(cells[9]),
            geonameid=int(cells[0]) if cells[0] else None,
            curated=cells[10] == "m",
        )
    except ValueError as exc:
        raise DataError(f"places/data/gazetteer.tsv:{line}: {exc}") from exc


def parse(text: str) -> Gazetteer:
    names: PhraseMatcher[Name] = PhraseMatcher()
    countries: dict[str, Place] = {}
    capitals: dict[str, Place] = {}
    banned = place_words().not_places
    rows = 0
    lines = text.splitlines()
    header = next((i for i, ln in enumerate(lines) if ln and not ln.startswith("#")), 0)
    if tuple(lines[header].split("\t")) != COLUMNS:
        raise DataError("places/data/gazetteer.tsv: unexpected header")
    for number, line in enumerate(lines[header + 1 :], start=header + 2):
        cells = line.split("\t")
        if len(cells) != len(COLUMNS):
            raise DataError(f"places/data/gazetteer.tsv:{number}: {len(cells)} fields")
        place = _place(cells, number)
        rows += 1
        if place.resolution == 1:
            countries.setdefault(place.country, place)
        if place.feature == "PPLC":
            known = capitals.get(place.country)
            if known is None or (place.curated, place.population) > (
                known.curated,
                known.population,
            ):
                capitals[place.country] = place
        seen: set[tuple[str, ...]] = set()
        for name in cells[2].split("|"):
            keys = entry_keys(name)
            if len("".join(keys)) >= 3 and keys not in seen and " ".join(keys) not in banned:
                seen.add(keys)
                names.add(keys, Name(keys, place))
    return Gazetteer(names, countries, capitals, rows)


@cache
def gazetteer() -> Gazetteer:
    """The shipped gazetteer, read on first use."""
    text = files("marsad.places").joinpath("data/gazetteer.tsv").read_text(encoding="utf-8")
    return parse(text)
