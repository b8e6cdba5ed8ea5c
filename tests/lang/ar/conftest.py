"""Table-driven cases for the Arabic text core.

A test marked ``@pytest.mark.cases("name.tsv")`` with a ``case`` argument runs once for each
row of ``cases/name.tsv`` (a header line names the columns). Cells may write invisible
characters as ``\\uXXXX`` and line breaks as ``\\n`` or ``\\r``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

CASES = Path(__file__).parent / "cases"
SHARED_SEED = Path(__file__).parents[3].parent / "shared" / "seed" / "ar-2021-05-karabakh.txt"
SEED_COPY = CASES / "seed-ar-2021-05-karabakh.txt"

_ESCAPE = re.compile(r"\\(u[0-9A-Fa-f]{4}|n|r|t|\\)")
_HEADER = re.compile(r"^\s*date\s+\S+\s+")


def unescape(cell: str) -> str:
    def replace(m: re.Match[str]) -> str:
        code = m.group(1)
        if code.startswith("u"):
            return chr(int(code[1:], 16))
        return {"n": "\n", "r": "\r", "t": "\t", "\\": "\\"}[code]

    return _ESCAPE.sub(replace, cell)


def read_cases(name: str) -> list[dict[str, str]]:
    lines = [
        line
        for line in (CASES / name).read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{name} row {number}: {len(cells)} cells, header has {len(header)}")
        rows.append(dict(zip(header, map(unescape, cells), strict=True)))
    return rows


def seed_body(path: Path) -> str:
    """The article text: the seed file without its leading ``date YYYY-MM`` header."""
    return _HEADER.sub("", path.read_text(encoding="utf-8"), count=1)


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "cases(file): run the test once per row of cases/file")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    marker = metafunc.definition.get_closest_marker("cases")
    if marker is None or "case" not in metafunc.fixturenames:
        return
    rows = read_cases(marker.args[0])
    first_column = next(iter(rows[0]))
    ids = [f"{i}-{row.get('why') or row[first_column]}"[:60] for i, row in enumerate(rows)]
    metafunc.parametrize("case", rows, ids=ids)


@pytest.fixture(params=["copy", "shared"])
def seed_text(request: pytest.FixtureRequest) -> str:
    """The seed article's body: from the copy kept with the cases, and from shared/seed."""
    if request.param == "shared":
        if not SHARED_SEED.exists():
            pytest.skip(f"shared seed not found at {SHARED_SEED}; the copy still runs")
        return seed_body(SHARED_SEED)
    return seed_body(SEED_COPY)
