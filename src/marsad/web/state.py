"""The server's settings and the state its routes share."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TypeVar, cast

from starlette.requests import Request

from marsad.query import TotalCache
from marsad.store.store import Store
from marsad.web.runtime import StorePool, query_store

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Settings:
    db: str | None = None  # the store's URL; None: $MARSAD_DB, else marsad.db
    query_timeout: float = 10.0  # seconds a read may take
    code_timeout: float = 20.0  # seconds coding a text may take
    max_body: int = 256 * 1024  # bytes of a request body
    cors_origins: tuple[str, ...] = ()  # none: no CORS headers at all
    threads: int = 8  # worker threads (and store connections) for reads


@dataclass
class State:
    """The store connections and the threads that use them. Reads run on ``threads``
    long-lived threads, each holding one connection; coding runs on one thread of its own
    (it is CPU-bound, and one text at a time keeps the server answering reads)."""

    settings: Settings
    pool: StorePool
    readers: ThreadPoolExecutor = field(init=False)
    coder: ThreadPoolExecutor = field(init=False)
    totals: TotalCache = field(default_factory=TotalCache)  # paging counts a filter once

    def __post_init__(self) -> None:
        self.readers = ThreadPoolExecutor(self.settings.threads, thread_name_prefix="marsad-read")
        self.coder = ThreadPoolExecutor(1, thread_name_prefix="marsad-code")

    async def read(self, fn: Callable[[Store], T]) -> T:
        return await query_store(self.pool, fn, self.settings.query_timeout, self.readers)

    def close(self) -> None:
        self.readers.shutdown(wait=False, cancel_futures=True)
        self.coder.shutdown(wait=False, cancel_futures=True)
        self.pool.close()


def state_of(request: Request) -> State:
    return cast(State, request.app.state.marsad)
