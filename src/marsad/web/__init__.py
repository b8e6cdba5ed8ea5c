"""The HTTP JSON API and the web dashboard (``marsad serve``); needs the ``web`` extra."""

from __future__ import annotations

from typing import TYPE_CHECKING

from marsad.errors import MarsadError

if TYPE_CHECKING:
    from starlette.types import ASGIApp

    from marsad.web.state import Settings

WEB_EXTRA = "the web server needs the web extra: pip install 'marsad[web]'"
REQUIRED = ("fastapi", "uvicorn", "jinja2", "plotly", "countryinfo")


class WebExtraError(MarsadError):
    code = "WEB"


def require_web() -> None:
    """Raise ``WebExtraError`` naming the extra when one of its packages is missing."""
    import importlib.util

    missing = [name for name in REQUIRED if importlib.util.find_spec(name) is None]
    if missing:
        raise WebExtraError(f"{WEB_EXTRA} (missing: {', '.join(missing)})")


def create_app(settings: Settings | None = None) -> ASGIApp:
    require_web()
    from marsad.web.app import create_app as build

    return build(settings)


__all__ = ["WEB_EXTRA", "WebExtraError", "create_app", "require_web"]
