"""The JSON API: every route reads the store through ``marsad.query``; only ``/api/code``
takes a body, and it stores nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import Annotated, Any, TypeVar

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request
from pydantic import BaseModel, Field

from marsad import query
from marsad.store.search import EventFilter
from marsad.store.store import Store
from marsad.web.params import CODE, DATE, SORT, event_filter
from marsad.web.runtime import run_with_limit
from marsad.web.state import state_of

T = TypeVar("T")
router = APIRouter(prefix="/api", tags=["api"])
Filter = Annotated[EventFilter, Depends(event_filter)]


async def read(request: Request, fn: Callable[[Store], T]) -> T:
    """``fn(store)`` on a read-only connection, within the query time limit."""
    return await state_of(request).read(fn)


@router.get("/events", summary="Events, filtered, sorted and paged")
async def events(
    request: Request,
    flt: Filter,
    page: Annotated[int, Query(ge=1, le=100_000)] = 1,
    per_page: Annotated[int, Query(ge=1, le=query.MAX_PER_PAGE)] = 50,
    sort: Annotated[
        str, Query(pattern=SORT, description="date, -date, score, -score, type, id")
    ] = ("-date"),
) -> dict[str, Any]:
    found = await read(
        request,
        lambda s: query.search_events(
            s, flt, page=page, per_page=per_page, sort=sort, totals=state_of(request).totals
        ),
    )
    return found.to_json()


EVENT_ID = Annotated[str, Path(pattern=r"^[0-9a-f]{1,32}$", description="16 hex digits")]


@router.get("/events/{event_id}", summary="One event, its article, highlights and decisions")
async def event(request: Request, event_id: EVENT_ID) -> dict[str, Any]:
    found = await read(request, lambda s: query.get_event(s, event_id))
    if found is None:
        raise HTTPException(404, f"no event with id {event_id}")
    return found


class CodeRequest(BaseModel):
    text: str = Field(
        min_length=1, max_length=query.MAX_CODE_CHARS, description="the article text (Arabic)"
    )
    date: str | None = Field(default=None, pattern=DATE, description="YYYY[-MM[-DD]]")


@router.post("/code", summary="Code a text; nothing is stored")
async def code(request: Request, body: CodeRequest) -> dict[str, Any]:
    state = state_of(request)
    return await run_with_limit(
        lambda: query.code_text(body.text, body.date or None),
        state.settings.code_timeout,
        state.coder,
    )


@router.get("/series", summary="A dyad's events per day, week or month, with PLOVER scores")
async def series(
    request: Request,
    flt: Filter,
    a: Annotated[str, Query(pattern=CODE, min_length=3, description="a country code, e.g. RUS")],
    b: Annotated[str | None, Query(pattern=CODE, description="the other side, e.g. ARM")] = None,
    interval: Annotated[str, Query(pattern="^(day|week|month)$")] = "month",
) -> dict[str, Any]:
    return await read(request, lambda s: query.series(s, a, b or None, interval, flt))


@router.get("/actors", summary="Actor codes by the events they take part in")
async def actors(
    request: Request, flt: Filter, limit: Annotated[int, Query(ge=1, le=10_000)] = 100
) -> dict[str, Any]:
    items = await read(request, lambda s: query.actors(s, flt, limit=limit))
    return {"items": items}


@router.get("/network", summary="Actor -> recipient edges weighted by events, by quad class")
async def network(
    request: Request, flt: Filter, limit: Annotated[int, Query(ge=1, le=10_000)] = 300
) -> dict[str, Any]:
    return await read(request, lambda s: query.network(s, flt, limit=limit))


@router.get("/places", summary="Events with coordinates, for the map")
async def places(
    request: Request, flt: Filter, limit: Annotated[int, Query(ge=1, le=10_000)] = 2000
) -> dict[str, Any]:
    return await read(request, lambda s: query.located(s, flt, limit=limit))


@router.get("/stats", summary="What the store holds")
async def stats(request: Request) -> dict[str, Any]:
    return await read(request, query.summary)
