"""The ASGI application: the JSON API under ``/api``, the pages, and static files that all
come from this server (``/static``): Plotly from the installed ``plotly`` package, the world
outline from ``countryinfo``, and the dashboard's own CSS and JavaScript."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp

from marsad import __version__
from marsad.errors import InputError, MarsadError
from marsad.web import api, pages
from marsad.web.assets import plotly_js, world_outline
from marsad.web.runtime import BodyLimit, QueryTimeoutError, StorePool, security_headers
from marsad.web.state import Settings, State

STATIC = files("marsad.web") / "static"
STATIC_FILES = {"marsad.css": "text/css", "marsad.js": "text/javascript"}
CACHE = {"cache-control": "public, max-age=3600"}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def _error(request: Request, status: int, message: str, **extra: Any) -> Response:
    if _wants_json(request):
        return JSONResponse({"error": message, "status": status, **extra}, status_code=status)
    return pages.render(request, "error.html", status, message=message)


def _validation_message(exc: RequestValidationError) -> str:
    parts = []
    for error in exc.errors():
        loc = [str(p) for p in error.get("loc", ())]
        where = ".".join(p for p in loc if p not in ("query", "body")) or ".".join(loc)
        parts.append(f"{where or 'request'}: {error.get('msg', 'invalid')}")
    return "; ".join(parts) or "invalid request"


def _add_handlers(app: FastAPI) -> None:
    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        detail = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")}
            for e in exc.errors()
        ]
        return _error(request, 422, _validation_message(exc), detail=detail)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        return _error(request, exc.status_code, str(exc.detail))

    @app.exception_handler(InputError)
    async def bad_input(request: Request, exc: InputError) -> Response:
        return _error(request, 400, str(exc.args[0]) if exc.args else "bad input")

    @app.exception_handler(QueryTimeoutError)
    async def timeout(request: Request, exc: QueryTimeoutError) -> Response:
        return _error(request, 503, str(exc))

    @app.exception_handler(MarsadError)
    async def failed(request: Request, exc: MarsadError) -> Response:
        return _error(request, 500, str(exc))


def _add_static(app: FastAPI) -> None:
    @app.get("/static/plotly.min.js", include_in_schema=False)
    async def plotly() -> FileResponse:
        return FileResponse(plotly_js(), media_type="text/javascript", headers=CACHE)

    @app.get("/static/world.json", include_in_schema=False)
    async def world() -> Response:
        return Response(world_outline(), media_type="application/geo+json", headers=CACHE)

    @app.get("/static/{name}", include_in_schema=False)
    async def static(name: str) -> Response:
        if name not in STATIC_FILES:
            return _error_plain(404, f"no static file {name}")
        return Response((STATIC / name).read_bytes(), media_type=STATIC_FILES[name])


def _error_plain(status: int, message: str) -> Response:
    return JSONResponse({"error": message, "status": status}, status_code=status)


def create_app(settings: Settings | None = None) -> ASGIApp:
    """The marsad server as an ASGI application (FastAPI inside the size limit and the
    security headers). The store is opened by each worker thread on first use."""
    settings = settings or Settings()
    state = State(settings, StorePool(settings.db))

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        state.close()

    app = FastAPI(
        title="marsad",
        version=__version__,
        description="Political events coded from Arabic news (PLOVER), read-only; "
        "POST /api/code codes a text without storing it.",
        openapi_url="/api/openapi.json",
        docs_url=None,  # FastAPI's docs pages load their scripts from a CDN
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.marsad = state
    app.state.settings = settings
    _add_handlers(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    _add_static(app)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=list(settings.cors_origins),
            allow_methods=["GET", "POST"],
            allow_headers=["content-type"],
        )
    return security_headers(BodyLimit(app, settings.max_body))
