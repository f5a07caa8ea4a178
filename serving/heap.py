"""The process's heap kept in shape: the graph's views out of the garbage collector's way, and the
memory of large requests handed back to the operating system.

A request body near the 1 MB limit passes through several buffers of its size (the body, the
decoded JSON, the query text, a parsed document's source and comment tokens). glibc's allocator
raises its mmap threshold after such a buffer is freed, so the next ones come from the heap and,
freed again, stay in the process: 300 distinct bodies of 1 MB grew the server by 100 MB although
every cache kept within its budget (``malloc_trim`` gave all of it back).
A refused or failed request also leaves reference cycles (its exception, traceback and frames)
holding its body until the collector's next full pass: 1,000 such bodies grew the server by
214 MiB. :class:`ReturnLargeBodies` runs a full collection after every request with a large body
(cheap, since the views are frozen out of it) and trims the heap at most once a second.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import gc
import time
from collections.abc import Callable

from starlette.types import ASGIApp, Receive, Scope, Send

#: A body at least this large is followed by a heap trim (bytes).
LARGE_BODY = 256 * 1024
#: Seconds between two trims, at least (a trim walks the allocator's free lists).
TRIM_INTERVAL = 1.0


def settle_heap() -> None:
    """Keep the garbage collector off the graph's views: collect, then freeze what is alive.

    The views are hundreds of thousands of long-lived objects; a full collection walks all of
    them (50 ms on the sample) while a request's objects die young. Frozen objects are left out
    of every later collection. Unfreezing first lets a replaced snapshot's cycles be collected.

    Examples
    --------
    >>> settle_heap(); gc.get_freeze_count() > 0
    True
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _malloc_trim() -> Callable[[], object] | None:
    """glibc's ``malloc_trim(0)``, or None where the C library has none (musl, macOS)."""
    name = ctypes.util.find_library("c")
    try:
        trim = ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):
        return None
    if trim is None:
        return None
    return lambda: trim(0)


class ReturnLargeBodies:
    """ASGI middleware: after a request whose body (read by the request gate, in
    ``scope["state"]["body"]``) is :data:`LARGE_BODY` or more, give the freed heap back to the
    operating system, at most every :data:`TRIM_INTERVAL` seconds.

    Examples
    --------
    >>> from starlette.applications import Starlette
    >>> from starlette.testclient import TestClient
    >>> from evidence_graph.serving.request_gate import RequestGate
    >>> app = RequestGate(ReturnLargeBodies(Starlette()), max_body_bytes=10**6, max_query_string_bytes=100)
    >>> TestClient(app).post("/graphql", content=b"x" * LARGE_BODY).status_code
    404
    """

    def __init__(self, app: ASGIApp) -> None:
        self.app = app
        self.trim = _malloc_trim()
        self.trimmed_at = 0.0
        self.trims = 0

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        await self.app(scope, receive, send)
        body = scope.get("state", {}).get("body") if scope["type"] == "http" else None
        if body is not None and len(body) >= LARGE_BODY:
            # A refused or failed request leaves reference cycles (an exception, its traceback,
            # the frames holding the body) that only a full collection frees; with the views
            # frozen out of the collector's way, one costs a few milliseconds.
            del body
            gc.collect()
            if self.trim is None:
                return
            now = time.monotonic()
            if now - self.trimmed_at >= TRIM_INTERVAL:
                self.trimmed_at = now
                self.trims += 1
                self.trim()


__all__ = ["LARGE_BODY", "TRIM_INTERVAL", "ReturnLargeBodies", "settle_heap"]
