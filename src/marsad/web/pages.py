"""The dashboard's pages. Each one reads through ``marsad.query`` like its JSON twin, and
links to it; templates escape every value (Jinja2 autoescape)."""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, select_autoescape

from marsad import query
from marsad.store.search import SORTS, EventFilter
from marsad.web.layout import with_positions
from marsad.web.params import CODE, SORT, event_filter
from marsad.web.state import state_of

router = APIRouter(include_in_schema=False)
Filter = Annotated[EventFilter, Depends(event_filter)]
ENV = Environment(
    loader=PackageLoader("marsad.web", "templates"),
    autoescape=select_autoescape(("html",), default=True),
)
QUADS = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
NAV = (
    ("/", "Overview"),
    ("/events", "Events"),
    ("/timeline", "Timeline"),
    ("/network", "Network"),
    ("/map", "Map"),
    ("/code", "Code a text"),
)


def render(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = ENV.get_template(template).render(nav=NAV, path=request.url.path, quads=QUADS, **context)
    return HTMLResponse(html, status_code=status)


def twin(path: str, request: Request) -> str:
    """The JSON twin of a page: the same query string under ``/api``."""
    query_string = request.url.query
    return f"/api{path}" + (f"?{query_string}" if query_string else "")


@router.get("/", response_class=HTMLResponse)
async def home(request: Request) -> HTMLResponse:
    state = state_of(request)
    stats = await state.read(query.summary)
    top = await state.read(lambda s: query.actors(s, limit=20))
    return render(request, "home.html", stats=stats, actors=top, api="/api/stats")


@router.get("/events", response_class=HTMLResponse)
async def events(
    request: Request,
    flt: Filter,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=query.MAX_PER_PAGE)] = 50,
    sort: Annotated[str, Query(pattern=SORT)] = "-date",
) -> HTMLResponse:
    state = state_of(request)
    found = await state.read(
        lambda s: query.search_events(
            s, flt, page=page, per_page=per_page, sort=sort, totals=state.totals
        )
    )
    params = {k: v for k, v in request.query_params.items() if k != "page" and v}

    def page_url(number: int, sort: str | None = None) -> str:
        changed = {**params, "page": number, **({"sort": sort} if sort else {})}
        return "/events?" + urlencode(changed)

    return render(
        request,
        "events.html",
        found=found,
        form=dict(request.query_params),
        sorts=list(SORTS),
        page_url=page_url,
        api=twin("/events", request),
    )


@router.get("/events/{event_id}", response_class=HTMLResponse)
async def event(request: Request, event_id: str) -> HTMLResponse:
    found = None
    if len(event_id) <= 32 and all(c in "0123456789abcdef" for c in event_id):
        found = await state_of(request).read(lambda s: query.get_event(s, event_id))
    if found is None:
        return render(request, "error.html", 404, message=f"no event with id {event_id}")
    pieces = query.segments(found["article"]["text"], found["marks"])
    return render(request, "event.html", item=found, pieces=pieces, api=f"/api/events/{event_id}")


@router.get("/timeline", response_class=HTMLResponse)
async def timeline(
    request: Request,
    flt: Filter,
    a: Annotated[str, Query(pattern=CODE)] = "",
    b: Annotated[str, Query(pattern=CODE)] = "",
    interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
) -> HTMLResponse:
    data = None
    if a:
        data = await state_of(request).read(lambda s: query.series(s, a, b or None, interval, flt))
    top = await state_of(request).read(lambda s: query.actors(s, limit=30))
    return render(
        request,
        "timeline.html",
        data=data,
        form={"a": a, "b": b, "interval": interval},
        actors=top,
        api=twin("/series", request) if a else "/api/series?a=RUS",
    )


@router.get("/network", response_class=HTMLResponse)
async def network(request: Request, flt: Filter) -> HTMLResponse:
    graph = await state_of(request).read(lambda s: query.network(s, flt))
    placed = with_positions(graph)
    return render(
        request,
        "network.html",
        data=placed,
        form=dict(request.query_params),
        api=twin("/network", request),
    )


@router.get("/map", response_class=HTMLResponse)
async def map_page(request: Request, flt: Filter) -> HTMLResponse:
    data = await state_of(request).read(lambda s: query.located(s, flt))
    return render(
        request,
        "map.html",
        data=data,
        form=dict(request.query_params),
        api=twin("/places", request),
    )


@router.get("/code", response_class=HTMLResponse)
async def code(request: Request) -> HTMLResponse:
    return render(request, "code.html", api="/api/code", max_chars=query.MAX_CODE_CHARS)
