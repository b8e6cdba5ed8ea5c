"""CAMEO code parts to PLOVER (:class:`CameoMap`, from ``kb/data/cameo_sectors.tsv``), for the
import of PETRARCH/TABARI dictionaries.

A CAMEO code is a run of three-letter parts. The first part of an actor code is its country
when the table maps it to a country code (IGO, NGO, IMG, MNC; ROM → ROU …) or it is an ISO
alpha-3 code; otherwise the code has no country and every part is a role (``[ELI]``, ``[MED]``).
Of the role parts, the first that the table maps to a PLOVER sector gives the sector:
``AFGGOVAGR`` is AFG GOV, ``IGOUNOREFHCR`` UNO REF, ``MNCUSA`` MNC with no sector (a later ISO
code is a home country, dropped). A later part mapped to a country code replaces IGO only
(``IGOUNO`` → UNO, ``IGOEUREEC`` → EUR). Parts the table maps to ``-`` (regions, religions,
organisations' own codes) are dropped; parts neither in the table nor ISO codes are returned as
``unknown`` for the caller to report, never guessed. In an agent code every part after ``~`` is
a role, and a part before it (``IGO~``) is read like the first part of an actor code.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib.resources.abc import Traversable

from marsad.kb.model import NON_STATE_CODES, PLOVER_SECTORS
from marsad.kb.tables import read_iso3166
from marsad.kb.tsv import CAMEO_SECTORS, ISO3166, read_table, shipped_dir

#: What the table's ``plover`` column writes for a part PLOVER has no place for.
DROPPED = "-"


@dataclass(frozen=True, slots=True)
class PloverCode:
    """What a CAMEO code says in PLOVER: the country code, the sector, and the parts that the
    table does not know (for the caller to report)."""

    code: str | None
    sector: str | None
    unknown: tuple[str, ...] = ()


class CameoMap:
    """CAMEO code parts → PLOVER (see the module docstring for the rules)."""

    def __init__(self, table: Mapping[str, str], iso3: frozenset[str]) -> None:
        self._table = dict(table)
        self._iso3 = iso3

    def __len__(self) -> int:
        return len(self._table)

    def __contains__(self, part: object) -> bool:
        return part in self._table

    def _country(self, part: str) -> str | None:
        value = self._table.get(part)
        if value is not None and value not in PLOVER_SECTORS and value != DROPPED:
            return value
        return part if part in self._iso3 else None

    def _fold(self, country: str | None, roles: Sequence[str], unknown: list[str]) -> PloverCode:
        sector: str | None = None
        for part in roles:
            value = self._table.get(part)
            if value is None:
                if part not in self._iso3:
                    unknown.append(part)
            elif value in PLOVER_SECTORS:
                sector = sector or value
            elif value != DROPPED and country == "IGO":
                country = value
        return PloverCode(country, sector, tuple(unknown))

    def actor(self, code: str) -> PloverCode:
        """An actor code: ``RUSGOV`` → RUS GOV, ``IGOUNOREFHCR`` → UNO REF."""
        parts = _parts(code)
        country = self._country(parts[0])
        if country is not None:
            return self._fold(country, parts[1:], [])
        if parts[0] not in self._table:  # neither a country nor a known role: KKLREB
            return self._fold(None, parts[1:], [parts[0]])
        return self._fold(None, parts, [])

    def agent(self, code: str) -> PloverCode:
        """An agent code: ``~GOVMED`` → sector GOV; ``IGO~`` → country IGO."""
        before, _, after = code.partition("~")
        if not before:
            return self._fold(None, _parts(after), [])
        return self.actor(before + after)


def _parts(code: str) -> list[str]:
    return [code[i : i + 3] for i in range(0, len(code), 3)]


def load_cameo_map(data_dir: Traversable | None = None) -> CameoMap:
    """Read and check ``cameo_sectors.tsv`` and ``iso3166.tsv`` of ``data_dir`` (default: the
    shipped files)."""
    data = shipped_dir() if data_dir is None else data_dir
    rows = read_table(data, CAMEO_SECTORS)
    iso3 = read_iso3166(read_table(data, ISO3166))
    allowed = PLOVER_SECTORS | NON_STATE_CODES | iso3 | {DROPPED}
    table: dict[str, str] = {}
    for row in rows:
        part, value = row["cameo"], row["plover"]
        if not re.fullmatch(r"[A-Z]{3}", part):
            raise row.fail(f"bad CAMEO part {part!r} (three letters A-Z)")
        if part in table:
            raise row.fail(f"duplicate CAMEO part {part!r}")
        if value not in allowed:
            raise row.fail(
                f"bad plover value {value!r}: a PLOVER sector, a country code "
                f"({' '.join(sorted(NON_STATE_CODES))} or ISO alpha-3), or {DROPPED}"
            )
        table[part] = value
    return CameoMap(table, iso3)


@cache
def cameo_map() -> CameoMap:
    """The shipped CAMEO-to-PLOVER table, loaded once."""
    return load_cameo_map()
