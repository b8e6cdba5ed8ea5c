"""The server's safety parts on their own: the read-only connections, the time limit that
interrupts a query, the body limit, the layout of the network, and the text cut for marks."""

from __future__ import annotations

import asyncio
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import anyio
import pytest
from fastapi.testclient import TestClient

from marsad import query
from marsad.errors import StoreError
from marsad.query import segments
from marsad.query.series import period
from marsad.store import Store
from marsad.web import create_app
from marsad.web.layout import force_layout, with_positions
from marsad.web.runtime import QueryTimeoutError, StorePool, query_store
from marsad.web.state import Settings, State

ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 1000000000)"
    " SELECT count(*) FROM c"
)


def test_connections_are_read_only(store_path: Path) -> None:
    pool = StorePool(str(store_path))
    try:
        store = pool.get()
        assert pool.get() is store  # one a thread
        with pytest.raises(StoreError, match="readonly"):
            store.db.execute("DELETE FROM events")
        assert store.count_events() > 0
    finally:
        pool.close()


def test_time_limit_interrupts_the_query(store_path: Path) -> None:
    pool = StorePool(str(store_path))

    def slow(store: Store) -> int:
        return int(store.db.execute(ENDLESS)[0][0])

    async def main() -> float:
        started = time.monotonic()
        with pytest.raises(QueryTimeoutError, match=r"0\.2 s"):
            await query_store(pool, slow, 0.2, executor)
        # the interrupted connection answers the next query at once
        count = await query_store(pool, lambda s: s.count_events(), 5.0, executor)
        assert count > 0
        return time.monotonic() - started

    executor = ThreadPoolExecutor(1)
    try:
        assert anyio.run(main) < 5.0
    finally:
        executor.shutdown()
        pool.close()


def test_connections_are_bounded_by_the_threads(store_path: Path) -> None:
    state = State(Settings(db=str(store_path), threads=2), StorePool(str(store_path)))
    # each read waits for a partner, so both reader threads take part: two connections, and no
    # more for thirty reads
    together = threading.Barrier(2, timeout=5)

    def count_in_pairs(store: Store) -> int:
        together.wait()
        return store.count_events()

    async def main() -> list[int]:
        return list(await asyncio.gather(*(state.read(count_in_pairs) for _ in range(30))))

    try:
        counts = anyio.run(main)
        assert len(set(counts)) == 1 and counts[0] > 0
        assert len(state.pool._opened) == 2
    finally:
        state.close()


def test_a_request_past_the_time_limit_gets_503(
    store_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def slow_summary(store: Store) -> dict[str, object]:
        time.sleep(0.5)
        return {}

    monkeypatch.setattr(query, "summary", slow_summary)
    app = create_app(Settings(db=str(store_path), query_timeout=0.1))
    with TestClient(app) as client:
        response = client.get("/api/stats")
        assert response.status_code == 503
        assert response.json()["error"] == "the request took longer than 0.1 s"


def test_body_limit_counts_bodies_without_a_length(client: TestClient) -> None:
    def chunks() -> Iterator[bytes]:
        for _ in range(40):
            yield b"x" * 10_000

    response = client.post(
        "/api/code", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


def test_missing_store_is_a_clear_error(tmp_path: Path) -> None:
    app = create_app(Settings(db=str(tmp_path / "none.db")))
    with TestClient(app) as client:
        response = client.get("/api/stats")
        assert response.status_code == 500
        assert "no store at" in response.json()["error"]


def test_segments_cut_text_at_every_mark() -> None:
    text = "abcdefghij"
    marks = [
        {"start": 0, "end": 6, "kind": "clause", "label": "s0"},
        {"start": 2, "end": 4, "kind": "trigger", "label": "T"},
        {"start": 3, "end": 5, "kind": "actor", "label": "A"},
        {"start": 8, "end": 99, "kind": "place", "label": "bad"},  # out of range: ignored
    ]
    pieces = segments(text, marks)
    assert "".join(p["text"] for p in pieces) == text
    assert [(p["text"], p["kinds"]) for p in pieces] == [
        ("ab", ["clause"]),
        ("c", ["clause", "trigger"]),
        ("d", ["clause", "trigger", "actor"]),
        ("e", ["clause", "actor"]),
        ("f", ["clause"]),
        ("ghij", []),
    ]


def test_periods() -> None:
    assert period("2021-05-19", "day") == "2021-05-19"
    assert period("2021-05-19", "week") == "2021-05-17"
    assert period("2021-05-19", "month") == "2021-05"


def test_layout_is_deterministic_and_bounded() -> None:
    nodes = ["A", "B", "C", "D"]
    edges = [("A", "B", 3.0), ("B", "C", 1.0)]
    first = force_layout(nodes, edges)
    assert first == force_layout(nodes, edges)
    assert all(-1 <= x <= 1 and -1 <= y <= 1 for x, y in first.values())
    assert len(set(first.values())) == 4
    assert force_layout([], []) == {} and force_layout(["A"], []) == {"A": (0.0, 0.0)}
    graph = {
        "nodes": [{"id": n, "weight": 1} for n in nodes],
        "edges": [{"source": "A", "target": "D", "weight": 1}],
    }
    placed = with_positions(graph, max_nodes=2)
    assert [n["id"] for n in placed["nodes"]] == ["A", "B"] and placed["edges"] == []
