"""Positions for the actor network: a small, deterministic force-directed layout
(Fruchterman and Reingold) in pure Python, for the few dozen nodes a page shows."""

from __future__ import annotations

import math
from typing import Any


def force_layout(
    nodes: list[str], edges: list[tuple[str, str, float]], iterations: int = 120
) -> dict[str, tuple[float, float]]:
    """``{node: (x, y)}`` in [-1, 1]; nodes start on a circle in the order given."""
    count = len(nodes)
    if count == 0:
        return {}
    if count == 1:
        return {nodes[0]: (0.0, 0.0)}
    pos = {
        n: [math.cos(2 * math.pi * i / count), math.sin(2 * math.pi * i / count)]
        for i, n in enumerate(nodes)
    }
    k = math.sqrt(4.0 / count)
    heaviest = max((w for _, _, w in edges), default=1.0) or 1.0
    temperature = 0.2
    for _ in range(iterations):
        move = {n: [0.0, 0.0] for n in nodes}
        for i, a in enumerate(nodes):
            for b in nodes[i + 1 :]:
                dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
                dist = math.hypot(dx, dy) or 1e-6
                push = k * k / dist
                move[a][0] += dx / dist * push
                move[a][1] += dy / dist * push
                move[b][0] -= dx / dist * push
                move[b][1] -= dy / dist * push
        for a, b, weight in edges:
            if a not in pos or b not in pos:
                continue
            dx, dy = pos[a][0] - pos[b][0], pos[a][1] - pos[b][1]
            dist = math.hypot(dx, dy) or 1e-6
            pull = dist * dist / k * (0.2 + 0.3 * weight / heaviest)
            move[a][0] -= dx / dist * pull
            move[a][1] -= dy / dist * pull
            move[b][0] += dx / dist * pull
            move[b][1] += dy / dist * pull
        for n in nodes:  # a little gravity keeps separate groups from drifting apart
            move[n][0] -= pos[n][0] * k
            move[n][1] -= pos[n][1] * k
            length = math.hypot(*move[n]) or 1e-6
            step = min(length, temperature)
            pos[n][0] += move[n][0] / length * step
            pos[n][1] += move[n][1] / length * step
        temperature *= 0.97
    span = max(max(abs(x), abs(y)) for x, y in pos.values()) or 1.0
    return {n: (round(x / span, 4), round(y / span, 4)) for n, (x, y) in pos.items()}


def with_positions(graph: dict[str, Any], max_nodes: int = 60) -> dict[str, Any]:
    """The network with its heaviest ``max_nodes`` nodes placed (``x``, ``y``), and only the
    edges between them."""
    nodes = [n["id"] for n in graph["nodes"][:max_nodes]]
    keep = set(nodes)
    edges = [e for e in graph["edges"] if e["source"] in keep and e["target"] in keep]
    pos = force_layout(nodes, [(e["source"], e["target"], float(e["weight"])) for e in edges])
    placed = [
        {**n, "x": pos[n["id"]][0], "y": pos[n["id"]][1]} for n in graph["nodes"] if n["id"] in keep
    ]
    return {"nodes": placed, "edges": edges}
