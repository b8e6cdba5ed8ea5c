"""Worker processes that apply one function to many items and survive a worker that dies.

Unlike ``concurrent.futures.ProcessPoolExecutor``, where a worker that dies breaks the whole
pool and every item in flight, each worker here has its own pipes: a death costs only the items
that worker held, which go to the others again, and a new worker takes its place. A worker
answers each item as soon as it is done and takes its items in the order sent, so the first
unanswered item of a dead worker is the one it was on. That item is the suspect: sent once
more, and if a worker dies on it a second time its result is ``DIED``.

Items are dealt to the least busy worker, at most ``depth`` at a time: enough that a worker
never waits for the parent (which may be busy storing), few enough that a long item does not
hold many others behind it. There are no threads in the parent: it sends and gathers when
asked to, so with the fork start method a new worker can be forked at any time.
"""

from __future__ import annotations

import os
import threading
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import Enum
from multiprocessing.connection import Connection, wait
from multiprocessing.context import BaseContext
from multiprocessing.process import BaseProcess
from queue import SimpleQueue
from typing import Any, Generic, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_JOIN_WAIT = 2.0  # seconds a worker gets to leave once its input is closed


class Death(Enum):
    """The result of an item on which two workers died."""

    DIED = "died"


DIED = Death.DIED


@dataclass(slots=True)
class _Worker:
    process: BaseProcess
    tasks: Connection  # this process writes items here
    results: Connection  # and reads the answers here
    unanswered: deque[int] = field(default_factory=deque)  # keys sent, in the order sent


class Workers(Generic[Item, Result]):
    """``size`` processes that each run ``initializer(*initargs)`` and then ``work`` on every
    item they are sent. With the spawn start method ``work`` and the initializer must be
    picklable (module-level functions)."""

    def __init__(
        self,
        size: int,
        work: Callable[[Item], Result],
        *,
        context: BaseContext,
        initializer: Callable[..., object] | None = None,
        initargs: Sequence[object] = (),
        depth: int = 4,
    ) -> None:
        self._setup = _Setup(work, initializer, tuple(initargs))
        self._context = context
        self._depth = depth
        self._items: dict[int, Item] = {}  # every item not answered yet
        self._queue: deque[int] = deque()  # keys of items no worker holds
        self._suspects: set[int] = set()  # items a worker died on once
        self._workers: list[_Worker] = []
        try:
            for _ in range(size):
                self._workers.append(self._start())
        except BaseException:
            self.close()
            raise

    @property
    def busy(self) -> bool:
        """Whether any item is still waiting for its result."""
        return bool(self._items)

    def submit(self, key: int, item: Item) -> None:
        """Queue ``item``; its result comes back from ``gather`` under ``key``."""
        self._items[key] = item
        self._queue.append(key)
        self._deal()

    def gather(self, timeout: float | None = None) -> list[tuple[int, Result | Death]]:
        """The results that arrived, waiting up to ``timeout`` seconds (``None``: until at
        least one result or death) when none has."""
        if not self._items:
            return []
        out: list[tuple[int, Result | Death]] = []
        by_pipe = {worker.results: worker for worker in self._workers}
        for pipe in wait(list(by_pipe), timeout):
            worker = by_pipe[pipe]  # type: ignore[index]
            try:
                while worker.results.poll():
                    key, result = worker.results.recv()
                    worker.unanswered.popleft()
                    del self._items[key]
                    self._suspects.discard(key)
                    out.append((key, result))
            except (EOFError, OSError):
                out.extend(self._replace(worker))
        self._deal()
        return out

    def close(self) -> None:
        """Stop every worker: each leaves when its input closes."""
        for worker in self._workers:
            worker.tasks.close()
        for worker in self._workers:
            _reap(worker)
        self._workers.clear()

    # --- inside this process --------------------------------------------------------------

    def _start(self) -> _Worker:
        task_reader, task_writer = self._context.Pipe(duplex=False)
        result_reader, result_writer = self._context.Pipe(duplex=False)
        forked = self._context.get_start_method() == "fork"
        # a forked worker inherits this process's ends of its own pipes and of the others': it
        # closes them, or it would not see its input end
        ends = [(task_writer, result_reader), *((w.tasks, w.results) for w in self._workers)]
        inherited = [end for pair in ends for end in pair] if forked else []
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_serve,
            args=(task_reader, result_writer, self._setup, inherited),
            daemon=True,
        )
        process.start()
        # only the worker holds its ends now: when it dies, its results pipe ends here
        task_reader.close()
        result_writer.close()
        return _Worker(process, task_writer, result_reader)

    def _deal(self) -> None:
        while self._queue and self._workers:
            worker = min(self._workers, key=lambda w: len(w.unanswered))
            if len(worker.unanswered) >= self._depth:
                return
            key = self._queue.popleft()
            worker.unanswered.append(key)
            try:
                worker.tasks.send((key, self._items[key]))
            except OSError:
                # the worker is gone: gather finds out when its results pipe ends
                worker.unanswered.pop()
                self._queue.appendleft(key)
                return

    def _replace(self, dead: _Worker) -> list[tuple[int, Death]]:
        """Put back what a dead worker held, give up on an item it died on twice, and start
        another worker in its place."""
        self._workers.remove(dead)
        dead.tasks.close()
        _reap(dead)
        keys = list(dead.unanswered)
        given_up: list[tuple[int, Death]] = []
        if keys:
            first = keys[0]
            if first in self._suspects:
                self._suspects.discard(first)
                del self._items[first]
                given_up.append((first, DIED))
                keys = keys[1:]
            else:
                self._suspects.add(first)
        self._queue.extendleft(reversed(keys))
        self._workers.append(self._start())
        return given_up


def _reap(worker: _Worker) -> None:
    worker.process.join(_JOIN_WAIT)
    if worker.process.is_alive():
        worker.process.kill()
        worker.process.join()
    worker.results.close()


# --- inside a worker ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Setup:
    """What a worker runs; sent to spawned workers by pickling."""

    work: Callable[[Any], object]
    initializer: Callable[..., object] | None
    initargs: tuple[object, ...]


def _serve(
    tasks: Connection, results: Connection, setup: _Setup, inherited: list[Connection]
) -> None:
    for pipe in inherited:
        pipe.close()
    if setup.initializer is not None:
        setup.initializer(*setup.initargs)
    work = setup.work
    inbox: SimpleQueue[tuple[int, object]] = SimpleQueue()
    # a thread reads the items as they come, so that the parent never waits to send
    threading.Thread(target=_receive, args=(tasks, inbox), daemon=True).start()
    while True:
        key, item = inbox.get()
        results.send((key, work(item)))


def _receive(tasks: Connection, inbox: SimpleQueue[tuple[int, object]]) -> None:
    try:
        while True:
            inbox.put(tasks.recv())
    except (EOFError, OSError):
        # the parent closed the pipe (it wants no more) or was killed: leave at once, even
        # in the middle of an item
        os._exit(0)
