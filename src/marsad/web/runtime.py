"""What keeps the server safe and quick: a fixed set of worker threads, each with its own
read-only store connection (so never more connections than threads), a time limit on every
query, and a limit on the size of request bodies."""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Executor
from dataclasses import dataclass, field
from typing import TypeVar

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from marsad.store.store import Store, open_store

T = TypeVar("T")


class QueryTimeoutError(Exception):
    """A request's work did not finish within the time limit."""


@dataclass
class StorePool:
    """A store connection for each worker thread, opened on first use and made read-only:
    SQLite's ``query_only``, PostgreSQL's read-only transactions."""

    url: str | None
    _local: threading.local = field(default_factory=threading.local)
    _opened: list[Store] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self) -> Store:
        store: Store | None = getattr(self._local, "store", None)
        if store is None:
            store = open_store(self.url, create=False)
            if store.kind == "sqlite":
                store.db.execute("PRAGMA query_only = ON")
            else:
                store.db.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY")
            self._local.store = store
            with self._lock:
                self._opened.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._opened:
                with contextlib.suppress(Exception):  # a connection of a thread that is gone
                    store.close()
            self._opened.clear()


async def run_with_limit(
    work: Callable[[], T],
    seconds: float,
    executor: Executor,
    on_timeout: Callable[[], None] | None = None,
) -> T:
    """Run blocking ``work`` on one of the executor's threads; past ``seconds`` (waiting for a
    free thread included) call ``on_timeout`` (which interrupts the query) and raise
    ``QueryTimeoutError``."""
    future = asyncio.get_running_loop().run_in_executor(executor, work)
    try:
        return await asyncio.wait_for(future, seconds)
    except TimeoutError:
        if on_timeout is not None:
            on_timeout()
        raise QueryTimeoutError(f"the request took longer than {seconds:g} s") from None


async def query_store(
    pool: StorePool,
    fn: Callable[[Store], T],
    seconds: float,
    executor: Executor,
) -> T:
    """``fn(store)`` on the thread's own connection, within the time limit."""
    used: list[Store] = []

    def work() -> T:
        store = pool.get()
        used.append(store)
        return fn(store)

    def interrupt() -> None:
        for store in used:
            store.db.interrupt()

    return await run_with_limit(work, seconds, executor, interrupt)


class BodyLimit:
    """Answers 413 to a request whose body is larger than ``max_bytes``, whether it says so
    in ``Content-Length`` or not."""

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", []):
            if name == b"content-length" and (not value.isdigit() or int(value) > self.max_bytes):
                await self._too_large(send)
                return
        seen = 0
        started = answered = False

        async def counted() -> Message:
            nonlocal seen, answered
            if answered:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes and not started:
                    await self._too_large(send)
                    answered = True  # the app sees the client go away, and its answer is dropped
                    return {"type": "http.disconnect"}
            return message

        async def tracked(message: Message) -> None:
            nonlocal started
            if answered:
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counted, tracked)
        except Exception:
            if not answered:
                raise

    async def _too_large(self, send: Send) -> None:
        body = (
            b'{"error": "request body too large", "status": 413, "limit_bytes": '
            + str(self.max_bytes).encode()
            + b"}"
        )
        await send(
            {
                "type": "http.response.start",
                "status": 413,
                "headers": [
                    (b"content-type", b"application/json"),
                    (b"content-length", str(len(body)).encode()),
                ],
            }
        )
        await send({"type": "http.response.body", "body": body})


SECURITY_HEADERS = {
    # Nothing outside this server: scripts, styles, images and data all come from it.
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
        " img-src 'self' data: blob:; connect-src 'self'; object-src 'none';"
        " base-uri 'none'; frame-ancestors 'none'; form-action 'self'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


def security_headers(app: ASGIApp) -> Callable[[Scope, Receive, Send], Awaitable[None]]:
    encoded = [(k.encode(), v.encode()) for k, v in SECURITY_HEADERS.items()]

    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        async def with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = [*message.get("headers", []), *encoded]
            await send(message)

        await app(scope, receive, with_headers if scope["type"] == "http" else send)

    return wrapped
