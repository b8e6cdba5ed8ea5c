"""The read-side Python API over a store, shared by the command line and the HTTP API.

Every function takes an open ``Store`` (or, for ``code_text``, just text), binds every value
the caller gives as a SQL parameter, and returns plain JSON-ready dicts and lists.
"""

from marsad.query.code import MAX_CODE_CHARS, code_text
from marsad.query.events import (
    MAX_PER_PAGE,
    Page,
    TotalCache,
    get_event,
    iter_records,
    search_events,
)
from marsad.query.evidence import KINDS, segments
from marsad.query.graph import actors, located, network, summary
from marsad.query.series import INTERVALS, series
from marsad.store.search import SORTS, EventFilter

__all__ = [
    "INTERVALS",
    "KINDS",
    "MAX_CODE_CHARS",
    "MAX_PER_PAGE",
    "SORTS",
    "EventFilter",
    "Page",
    "TotalCache",
    "actors",
    "code_text",
    "get_event",
    "iter_records",
    "located",
    "network",
    "search_events",
    "segments",
    "series",
    "summary",
]
