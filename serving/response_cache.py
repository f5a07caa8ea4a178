"""Answers kept by (graph version, request), in front of every layer that computes them: an answer
cannot change while the graph does not.

Keys are digests (:func:`graph.lru.digest`) of the graph version, method, query string, body and
the headers the layers below read, so an entry costs the same whatever the size of the request
that made it; the answers are kept in a :class:`graph.lru.BoundedLRU` charged for their bytes.
"""

from __future__ import annotations

from dataclasses import dataclass

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from evidence_graph.graph.lru import BoundedLRU, digest
from evidence_graph.schema.context import GraphState

#: Request headers that the layers below the cache read, so part of an answer's key.
KEYED_HEADERS = frozenset({b"content-type", b"accept", b"accept-encoding", b"origin"})
#: Bytes of an answer's message dicts and header list besides their bodies.
MESSAGE_OVERHEAD = 400


@dataclass
class CachedResponse:
    """The ASGI messages of an answer, as the server sent them (headers and gzip included)."""

    messages: list[Message]
    size: int


def response_cache(max_entries: int, max_bytes: int, max_entry_bytes: int) -> BoundedLRU[bytes, CachedResponse]:
    """The bounded cache of answers: at most ``max_entries`` answers of at most ``max_entry_bytes``
    each, ``max_bytes`` together.

    Examples
    --------
    >>> cache = response_cache(max_entries=10, max_bytes=1_000, max_entry_bytes=500)
    >>> [cache.put(digest(name), CachedResponse([], 300)) for name in "abc"]
    [True, True, True]
    >>> [digest(name) in cache for name in "abc"], cache.bytes <= 1_000
    ([False, True, True], True)
    """
    return BoundedLRU(max_entries, max_bytes, max_entry_bytes=max_entry_bytes,
                      sizeof=lambda response: response.size + MESSAGE_OVERHEAD * len(response.messages))


class CachedAnswers:
    """ASGI middleware: answers a GraphQL request seen before on the same graph version with the
    messages sent then, before the layers below run.

    The key holds everything an answer depends on: graph version, method, query string, body and
    the headers read below (content type, accept, accept-encoding for gzip, origin for CORS), as
    one digest. Only successful answers without errors are kept. The snapshot the key was made
    with is the one the request is answered from (``scope["state"]["snapshot"]``), even if the
    graph reloads meanwhile. The body is the one :class:`serving.request_gate.RequestGate` read,
    within its limit (``scope["state"]["body"]``): a POST it has not read is not cached, nor the
    answer of a mutation (``scope["state"]["wrote"]``).
    """

    def __init__(self, app: ASGIApp, state: GraphState, cache: BoundedLRU[bytes, CachedResponse],
                 path: str = "/graphql") -> None:
        self.app = app
        self.state = state
        self.cache = cache
        self.path = path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        method = scope.get("method")
        if scope["type"] != "http" or scope["path"] != self.path or method not in ("GET", "POST") or \
                (method == "GET" and not any(p.startswith(b"query=") for p in scope["query_string"].split(b"&"))):
            await self.app(scope, receive, send)  # GraphiQL's page, CORS preflight, other routes
            return
        state = scope.setdefault("state", {})
        body: bytes = state.get("body", b"")
        if method == "POST" and "body" not in state:
            await self.app(scope, receive, send)
            return
        snapshot = self.state.snapshot
        state["snapshot"] = snapshot
        # In the order sent: with a header repeated, the layers below read the first.
        headers = [part for k, v in scope["headers"] if k in KEYED_HEADERS for part in (k, v)]
        key = digest(snapshot.version, method, scope["query_string"], body, *headers)
        cached = self.cache.get(key)
        if cached is not None:
            for message in cached.messages:
                await send(message)
            return
        messages: list[Message] = []

        async def keep(message: Message) -> None:
            messages.append(message)
            await send(message)

        await self.app(scope, receive, keep)
        if messages and messages[0].get("status") == 200 and state.get("had_errors") is False and \
                not state.get("wrote"):
            self.cache.put(key, CachedResponse(messages, sum(len(m.get("body", b"")) for m in messages)))


__all__ = ["KEYED_HEADERS", "CachedAnswers", "CachedResponse", "response_cache"]
