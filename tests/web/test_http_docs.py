"""docs/http-api.md names every route, every event filter and every page."""

from __future__ import annotations

import re
from pathlib import Path

from fastapi.testclient import TestClient

DOC = (Path(__file__).resolve().parents[2] / "docs" / "http-api.md").read_text(encoding="utf-8")


def test_every_api_route_and_parameter_is_documented(client: TestClient) -> None:
    spec = client.get("/api/openapi.json").json()
    for path, methods in spec["paths"].items():
        for method, operation in methods.items():
            assert f"### `{method.upper()} {path}" in DOC, f"{method.upper()} {path}"
            for parameter in operation.get("parameters", []):
                assert f"`{parameter['name']}`" in DOC, f"{parameter['name']} of {path}"


def test_every_page_is_documented() -> None:
    from marsad.web.pages import NAV

    rows = re.findall(r"^\| `(/[^`]*)`", DOC, flags=re.MULTILINE)
    for href, _ in NAV:
        assert any(row.split("?")[0] == href for row in rows), href
    assert "`/events/{id}`" in DOC
