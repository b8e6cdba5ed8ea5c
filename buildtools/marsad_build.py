"""marsad's build backend: setuptools', asking for mypy when a compiled build is wanted.

With MARSAD_COMPILE=1, setup.py compiles the hot modules with mypyc, which comes with mypy;
pip then installs mypy into the isolated build environment. Otherwise a build needs only
setuptools, and an install stays pure Python.
"""

from __future__ import annotations

import os

from setuptools import build_meta
from setuptools.build_meta import *  # noqa: F403 - every hook not defined here is setuptools'

# the mypyc marsad is tested with (`make test-compiled`)
MYPYC = "mypy>=2.4,<3"


def get_requires_for_build_wheel(
    config_settings: dict[str, str | list[str]] | None = None,
) -> list[str]:
    compile_wanted = os.environ.pop("MARSAD_COMPILE", None)
    try:  # setuptools runs setup.py to read its requirements, before mypy is there to import
        wanted = build_meta.get_requires_for_build_wheel(config_settings)
    finally:
        if compile_wanted is not None:
            os.environ["MARSAD_COMPILE"] = compile_wanted
    return [*wanted, MYPYC] if compile_wanted == "1" else wanted
