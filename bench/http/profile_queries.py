"""Time and profile the benchmark's queries in-process (no sockets): where a first-time query goes.

``.venv/bin/python bench/http/profile_queries.py [STORE] [--profile NAME] [--n N]``

Calls our Starlette app directly as ASGI with unique bodies (a cache miss every time, like the
"first-time" mode of ``bench/http_bench.py``) and prints the mean time per request for each query;
``--profile NAME`` runs cProfile over that query and prints the top functions by cumulative and
by own time.
"""

from __future__ import annotations

import argparse
import asyncio
import cProfile
import pstats
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from http_bench import QUERIES, Query  # noqa: E402

from evidence_graph.server import create_app, load_snapshot  # noqa: E402


async def call(app: Any, body: bytes) -> bytes:
    """One POST /graphql through the whole ASGI stack; returns the response body."""
    scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
             "scheme": "http", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
             "root_path": "", "headers": [(b"host", b"bench"), (b"content-type", b"application/json"),
                                          (b"accept", b"application/json")],
             "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
    chunks: list[bytes] = []
    sent = False

    async def receive() -> dict[str, Any]:
        nonlocal sent
        if sent:
            await asyncio.sleep(3600)
        sent = True
        return {"type": "http.request", "body": body, "more_body": False}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.body":
            chunks.append(message.get("body", b""))

    await app(scope, receive, send)
    return b"".join(chunks)


async def time_query(app: Any, query: Query, n: int, start: int | None) -> float:
    """Mean CPU seconds per request (CPU, not wall: the machine is shared): unique bodies from nonce
    ``start`` on, or the same body again (None)."""
    began = time.process_time()
    for i in range(n):
        await call(app, query.body(None if start is None else start + i))
    return (time.process_time() - began) / n


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("store", type=Path, nargs="?", default=ROOT / ".evidence-graph" / "store")
    parser.add_argument("--profile", help="query name to run under cProfile")
    parser.add_argument("--n", type=int, default=50, help="requests per query (default 50)")
    parser.add_argument("--top", type=int, default=30)
    args = parser.parse_args()
    app = create_app(snapshot=load_snapshot(args.store))

    async def run() -> None:
        for query in QUERIES:
            await call(app, query.body())  # warm the parser/validation caches and the algorithms
            first = await time_query(app, query, args.n, 1)
            repeated = await time_query(app, query, args.n, None)
            print(f"{query.name:<9} first-time {first * 1000:8.2f} ms   repeated {repeated * 1000:6.3f} ms"
                  f"   (mean of {args.n} requests)", flush=True)
        if args.profile:
            query = next(q for q in QUERIES if q.name == args.profile)
            profiler = cProfile.Profile()
            profiler.enable()
            await time_query(app, query, args.n, 10_000)
            profiler.disable()
            stats = pstats.Stats(profiler).strip_dirs()
            stats.sort_stats("cumulative").print_stats(args.top)
            stats.sort_stats("tottime").print_stats(args.top)
            stats.print_callers("visit|paginate|encode_cursor|query.py:.*key")

    asyncio.run(run())
    return 0


if __name__ == "__main__":
    sys.exit(main())
