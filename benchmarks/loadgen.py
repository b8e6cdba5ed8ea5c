"""A small HTTP/1.1 load generator for loopback, used by http.py when wrk is missing:
``python loadgen.py URL SECONDS CONNECTIONS`` prints ``req/s p50_ms p95_ms errors``.
Each connection sends GET requests one after another on a kept-alive socket, for a bounded
time only."""

from __future__ import annotations

import asyncio
import statistics
import sys
import time
from urllib.parse import urlsplit


async def worker(host: str, port: int, target: str, until: float, times: list[float]) -> int:
    errors = 0
    reader, writer = await asyncio.open_connection(host, port)
    request = f"GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n".encode()
    while time.perf_counter() < until:
        started = time.perf_counter()
        writer.write(request)
        head = await reader.readuntil(b"\r\n\r\n")
        length = 0
        for line in head.split(b"\r\n"):
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":", 1)[1])
        await reader.readexactly(length)
        if not head.startswith(b"HTTP/1.1 200"):
            errors += 1
        times.append(time.perf_counter() - started)
    writer.close()
    return errors


async def main(url: str, seconds: float, connections: int) -> None:
    parts = urlsplit(url)
    target = parts.path + (f"?{parts.query}" if parts.query else "")
    times: list[float] = []
    started = time.perf_counter()
    until = started + seconds
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    results = await asyncio.gather(
        *(worker(host, port, target, until, times) for _ in range(connections))
    )
    took = time.perf_counter() - started
    cuts = statistics.quantiles(times, n=100)
    print(f"{len(times) / took:.1f} {cuts[49] * 1000:.2f} {cuts[94] * 1000:.2f} {sum(results)}")


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], float(sys.argv[2]), int(sys.argv[3])))
