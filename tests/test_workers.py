"""Worker processes: every item answered once, a worker that dies costs only its item, and
no worker outlives the pool or the process that made it."""

from __future__ import annotations

import multiprocessing
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from marsad.workers import DIED, Death, Workers

LINUX = pytest.mark.skipif(not Path("/proc").is_dir(), reason="reads /proc")
METHODS = [m for m in ("fork", "spawn") if m in multiprocessing.get_all_start_methods()]


def shout(item: str) -> str:
    """Upper-cases the item; dies on "die", and on "once:PATH" only while PATH is absent."""
    if item == "die":
        os._exit(3)
    if item.startswith("once:"):
        marker = Path(item.removeprefix("once:"))
        if not marker.exists():
            marker.touch()
            os._exit(3)
    return item.upper()


def pid(_item: str) -> int:
    return os.getpid()


def run(workers: Workers[str, object], items: list[str]) -> dict[int, object]:
    for key, item in enumerate(items):
        workers.submit(key, item)
    results: dict[int, object] = {}
    while workers.busy:
        for key, result in workers.gather():
            assert key not in results
            results[key] = result
    return results


def alive(pids: set[int]) -> set[int]:
    """The processes that still run (a zombie nobody has reaped yet does not)."""
    still = set()
    for number in pids:
        try:
            stat = Path(f"/proc/{number}/stat").read_text()
        except FileNotFoundError:
            continue
        if stat.rpartition(")")[2].split()[0] != "Z":
            still.add(number)
    return still


@pytest.mark.parametrize("method", METHODS)
def test_every_item_is_answered_once(method: str) -> None:
    workers: Workers[str, object] = Workers(
        2, shout, context=multiprocessing.get_context(method), depth=3
    )
    items = [f"w{n}" for n in range(50)]
    try:
        assert run(workers, items) == {n: f"W{n}" for n in range(50)}
        assert workers.gather() == []  # nothing is left to wait for
    finally:
        workers.close()


@pytest.mark.parametrize("method", METHODS)
def test_an_item_that_kills_its_worker_twice_is_given_up(method: str, tmp_path: Path) -> None:
    once = f"once:{tmp_path / 'marker'}"
    items = ["a", "die", "b", once, "c", *(f"x{n}" for n in range(10))]
    workers: Workers[str, object] = Workers(2, shout, context=multiprocessing.get_context(method))
    try:
        results = run(workers, items)
    finally:
        workers.close()
    # "die" kills every worker it is sent to; the item that killed one only once is done again
    assert results[1] is DIED
    assert isinstance(results[1], Death)
    assert results[3] == once.upper()
    others = {k: v for k, v in results.items() if k not in (1, 3)}
    assert others == {k: item.upper() for k, item in enumerate(items) if k not in (1, 3)}


@LINUX
def test_close_ends_busy_and_idle_workers() -> None:
    context = multiprocessing.get_context(METHODS[0])
    workers: Workers[str, object] = Workers(2, pid, context=context)
    pids = {p for p in run(workers, ["a", "b", "c", "d"]).values() if isinstance(p, int)}
    workers.submit(99, "e")  # possibly busy when closed
    started = time.monotonic()
    workers.close()
    assert time.monotonic() - started < 5
    assert pids
    assert not alive(pids)


SCRIPT = """
import multiprocessing, os, signal, sys
from tests.test_workers import pid
from marsad.workers import Workers
workers = Workers(2, pid, context=multiprocessing.get_context(sys.argv[1]))
seen = set()
for key in range(20):
    workers.submit(key, "x")
while workers.busy:
    seen.update(result for _, result in workers.gather())
print(" ".join(map(str, sorted(seen))), flush=True)
os.kill(os.getpid(), signal.SIGKILL)
"""


@LINUX
@pytest.mark.parametrize("method", METHODS)
def test_workers_leave_when_their_parent_is_killed(method: str) -> None:
    root = Path(__file__).resolve().parents[1]
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, method],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == -signal.SIGKILL
    pids = {int(p) for p in done.stdout.split()}
    assert pids
    deadline = time.monotonic() + 10
    while alive(pids) and time.monotonic() < deadline:
        time.sleep(0.05)
    left = alive(pids)
    for number in left:  # a failing run leaves no orphan behind
        os.kill(number, signal.SIGKILL)
    assert not left
