"""Build hook: with MARSAD_COMPILE=1, the modules every article runs through are compiled to C.

marsad is pure Python, and that is what an ordinary or editable install gives. A compiled
build (`make wheel`) runs the same code through mypyc, which turns these typed modules into C
extensions: the pipeline codes about 40% more sentences a second (see
docs/performance.md). The records of ``marsad.types`` stay Python classes, as do the readers,
store, API, CLI and web server, where the time goes to I/O.
"""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

# The packages and modules on the hot path: each sentence passes through all of them.
COMPILED_PACKAGES = ("actors", "coding", "lang", "places", "stages", "temporal", "text")
COMPILED_MODULES = ("matcher.py", "offsets.py", "pipeline.py")


def compiled_sources(root: Path) -> list[str]:
    sources = [str(root / name) for name in COMPILED_MODULES]
    for package in COMPILED_PACKAGES:
        sources += sorted(str(path) for path in (root / package).rglob("*.py"))
    return sources


def extensions() -> list[object]:
    if os.environ.get("MARSAD_COMPILE") != "1":
        return []
    try:
        from mypyc.build import mypycify
    except ImportError as missing:  # an editable install or --no-build-isolation without mypy
        raise SystemExit(
            "MARSAD_COMPILE=1 needs mypy (mypyc) where the wheel is built: "
            "build a wheel with `make wheel`, or `pip install mypy` first"
        ) from missing

    # multi_file: one C file a module, compiled faster than one C file for all
    return list(mypycify(compiled_sources(Path("src/marsad")), opt_level="3", multi_file=True))


setup(ext_modules=extensions())
