"""Running the app under uvicorn: settings travel to worker processes in one environment
variable, so ``--workers 2`` builds the same app in each process."""

from __future__ import annotations

import dataclasses
import json
import os

from starlette.types import ASGIApp

from marsad.web.app import create_app
from marsad.web.state import Settings

SETTINGS_ENV = "MARSAD_SERVE_SETTINGS"


def settings_to_env(settings: Settings) -> str:
    return json.dumps(dataclasses.asdict(settings))


def app_factory() -> ASGIApp:
    """The app for ``uvicorn --factory marsad.web.server:app_factory``."""
    raw = os.environ.get(SETTINGS_ENV)
    if not raw:
        return create_app(Settings())
    values = json.loads(raw)
    values["cors_origins"] = tuple(values.get("cors_origins", ()))
    return create_app(Settings(**values))


def serve(settings: Settings, host: str, port: int, workers: int = 1) -> None:
    import uvicorn

    os.environ[SETTINGS_ENV] = settings_to_env(settings)
    uvicorn.run(
        "marsad.web.server:app_factory",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        timeout_keep_alive=5,
        limit_concurrency=256,
        server_header=False,
    )
