"""Files the pages need that come from installed packages, never from the internet: Plotly's
JavaScript (the ``plotly`` package ships ``plotly.min.js``) and a world outline (the
``countryinfo`` package ships each country's borders as GeoJSON, Natural Earth 1:110m)."""

from __future__ import annotations

import importlib.util
import json
from functools import lru_cache
from pathlib import Path
from typing import Any

from marsad.errors import DataError


def package_dir(name: str) -> Path:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        raise DataError(f"the package {name!r} is missing: pip install 'marsad[web]'")
    return Path(next(iter(spec.submodule_search_locations)))


def plotly_js() -> Path:
    path = package_dir("plotly") / "package_data" / "plotly.min.js"
    if not path.is_file():
        raise DataError(f"{path} is missing: reinstall plotly")
    return path


def _rounded(coords: Any) -> Any:
    if isinstance(coords, list) and coords and isinstance(coords[0], int | float):
        return [round(float(c), 2) for c in coords]
    return [_rounded(c) for c in coords]


@lru_cache(maxsize=1)
def world_outline() -> bytes:
    """One GeoJSON FeatureCollection of the countries countryinfo has borders for, with
    ``properties.code`` (ISO 3166 alpha-3) and ``name``; coordinates rounded to 0.01 degree."""
    folder = package_dir("countryinfo") / "data"
    features: list[dict[str, Any]] = []
    for path in sorted(folder.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        geo = data.get("geoJSON") or {}
        for feature in geo.get("features", []):
            geometry = feature.get("geometry")
            if not geometry or geometry.get("type") not in ("Polygon", "MultiPolygon"):
                continue
            features.append(
                {
                    "type": "Feature",
                    "properties": {"code": feature.get("id"), "name": data.get("name")},
                    "geometry": {
                        "type": geometry["type"],
                        "coordinates": _rounded(geometry["coordinates"]),
                    },
                }
            )
    if not features:
        raise DataError(f"no country borders found in {folder}")
    collection = {"type": "FeatureCollection", "features": features}
    return json.dumps(collection, separators=(",", ":")).encode("utf-8")
