"""The PLOVER ontology as data: event types, quad classes, modes, scores and CAMEO codes."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from marsad.errors import DataError

MATERIAL_CONFLICT = 4  # PLOVER quad class: coded even when nobody is named as the doer


@dataclass(frozen=True, slots=True)
class Mode:
    name: str
    score: float
    cameo: str


@dataclass(frozen=True, slots=True)
class EventType:
    name: str
    quad: int
    base_score: float
    needs_recipient: bool
    takes_content: bool  # verbal types whose clause after the trigger is what was said
    cameo: str
    modes: dict[str, Mode]

    def score(self, mode: str | None) -> float:
        return self.modes[mode].score if mode in self.modes else self.base_score

    def cameo_for(self, mode: str | None) -> str:
        return self.modes[mode].cameo if mode in self.modes else self.cameo


def _parse_modes(cell: str, where: str) -> dict[str, Mode]:
    modes: dict[str, Mode] = {}
    for item in filter(None, cell.split("|")):
        parts = item.split(":")
        if len(parts) != 3:
            raise DataError(f"{where}: mode {item!r} is not name:score:cameo")
        modes[parts[0]] = Mode(parts[0], float(parts[1]), parts[2])
    return modes


@cache
def event_types() -> dict[str, EventType]:
    """The 16 PLOVER types by name, read from the shipped ``plover.tsv``."""
    text = files("marsad.ontology").joinpath("plover.tsv").read_text(encoding="utf-8")
    types: dict[str, EventType] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        where = f"plover.tsv:{number}"
        if len(cells) != 7:
            raise DataError(f"{where}: expected 7 columns, found {len(cells)}")
        name, quad, base, recipient, content, cameo, modes = cells
        types[name] = EventType(
            name=name,
            quad=int(quad),
            base_score=float(base),
            needs_recipient=recipient == "yes",
            takes_content=content == "yes",
            cameo=cameo,
            modes=_parse_modes(modes, where),
        )
    return types
