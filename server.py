"""The HTTP server: Strawberry GraphQL on Starlette, over a snapshot of the store's views.

Routes: ``/graphql`` (GET and POST; GraphiQL in a browser, its assets under ``/graphiql/`` from
``static/graphiql``, so that it needs no network), ``/healthz``, ``/schema.graphql``.
Views and indexes are built once at start-up (lifespan) and rebuilt, off the event loop, when a
writer changes the store; requests never touch the store. Successful answers are cached by (graph
version, request) in front of every other layer, since an answer cannot change while the graph
does not.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import json
import logging
import os
import threading
from collections import OrderedDict
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import anyio
import orjson
import strawberry
from cross_web import HTTPException
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import execute
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.http import GraphQLHTTPResponse, process_result
from strawberry.types import ExecutionResult

from graph.store import EvidenceStore, StoreError
from schema import build_schema
from schema.context import GraphSnapshot, GraphState, RequestContext
from schema.limits import QueryLimits
from schema.prepared import PreparedDocuments

logger = logging.getLogger("evidence_graph.server")

#: The media type of GraphQL-over-HTTP responses (the spec's; ``application/json`` stays the default).
GRAPHQL_RESPONSE = "application/graphql-response+json"
#: GraphiQL's page and the scripts and styles it loads (copies of npm packages; see its README).
GRAPHIQL = Path(__file__).resolve().parent / "static" / "graphiql"
#: The cookbook of analyst queries; the first one is GraphiQL's opening query.
COOKBOOK = Path(__file__).resolve().parent / "docs" / "queries"


@dataclass(frozen=True)
class ServerSettings:
    """How the server runs (from the CLI and the environment)."""

    store: Path | None = None
    cors_origins: tuple[str, ...] = ("*",)
    reload_seconds: float = 2.0
    response_cache_size: int = 512
    #: Responses larger than this are not kept in the cache (bytes).
    response_cache_max_bytes: int = 4_000_000
    #: All cached answers together (bytes); the least recently used go first beyond it.
    response_cache_total_bytes: int = 256_000_000
    limits: QueryLimits = field(default_factory=QueryLimits)
    #: Answer POSTed JSON queries with a valid, prepared document without Strawberry's HTTP view
    #: (the same responses, byte for byte; ``tests/test_direct_answers.py`` compares the two).
    direct_execution: bool = True


def load_snapshot(store_path: Path | None) -> GraphSnapshot:
    """Read a store (read-only, so a builder may hold the write lock) and build its views."""
    if store_path is None or not store_path.exists():
        return GraphSnapshot.from_quads([])
    store = EvidenceStore(store_path, read_only=True)
    quads = list(store.quads())
    del store
    return GraphSnapshot.from_quads(quads)


def graphiql_page(cookbook: Path = COOKBOOK) -> str:
    """GraphiQL's HTML page, opening on the first query of the cookbook.

    Examples
    --------
    >>> "/graphiql/graphiql.min.js" in graphiql_page()
    True
    """
    queries = sorted(cookbook.glob("*.graphql"))
    query = queries[0].read_text(encoding="utf-8") if queries else "{ entities(first: 10) { nodes { label } } }"
    # JSON is a JavaScript literal; "</" is escaped so the query cannot close the <script> element.
    literal = json.dumps(query).replace("</", "<\\/")
    return (GRAPHIQL / "index.html").read_text(encoding="utf-8").replace("{{DEFAULT_QUERY}}", literal)


@dataclass
class CachedResponse:
    """The ASGI messages of an answer, as the server sent them (headers, gzip and CORS included)."""

    messages: list[Message]
    size: int


class ResponseCache:
    """A bounded LRU of answers keyed by (graph version, request): at most ``size`` answers of at
    most ``max_bytes`` each, ``total_bytes`` together.

    Examples
    --------
    >>> cache = ResponseCache(size=10, max_bytes=100, total_bytes=150)
    >>> for name in "abc":
    ...     cache.put((name,), CachedResponse([], 60))
    >>> [cache.get((name,)) is not None for name in "abc"], cache.bytes
    ([False, True, True], 120)
    """

    def __init__(self, size: int, max_bytes: int, total_bytes: int = 256_000_000) -> None:
        self.size = size
        self.max_bytes = max_bytes
        self.total_bytes = total_bytes
        self.bytes = 0
        self._entries: OrderedDict[tuple[Any, ...], CachedResponse] = OrderedDict()
        self._lock = threading.Lock()
        self.hits = 0
        self.misses = 0

    def get(self, key: tuple[Any, ...]) -> CachedResponse | None:
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found

    def put(self, key: tuple[Any, ...], value: CachedResponse) -> None:
        if value.size > self.max_bytes or self.size <= 0:
            return
        with self._lock:
            replaced = self._entries.pop(key, None)
            self.bytes += value.size - (replaced.size if replaced is not None else 0)
            self._entries[key] = value
            while len(self._entries) > self.size or self.bytes > self.total_bytes:
                self.bytes -= self._entries.popitem(last=False)[1].size

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self.bytes = 0


#: Request headers that the layers below the cache read, so part of an answer's key.
_KEYED_HEADERS = frozenset({b"content-type", b"accept", b"accept-encoding", b"origin"})


class CachedAnswers:
    """ASGI middleware, outermost: answers a GraphQL request seen before on the same graph
    version with the messages sent then, before any other layer runs.

    The key holds everything an answer depends on: graph version, method, query string, body and
    the headers read below (content type, accept, accept-encoding for gzip, origin for CORS).
    Only successful answers without errors are kept. The snapshot the key was made with is the
    one the request is answered from (``scope["state"]["snapshot"]``), even if the graph reloads
    meanwhile.
    """

    def __init__(self, app: ASGIApp, state: GraphState, cache: ResponseCache, path: str = "/graphql") -> None:
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
        body, receive = await _read_body(receive) if method == "POST" else (b"", receive)
        snapshot = self.state.snapshot
        scope.setdefault("state", {})["snapshot"] = snapshot
        # In the order sent: with a header repeated, the layers below read the first.
        headers = tuple((k, v) for k, v in scope["headers"] if k in _KEYED_HEADERS)
        key = (snapshot.version, method, scope["query_string"], body, headers)
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
        if messages and messages[0].get("status") == 200 and scope["state"].get("had_errors") is False:
            size = sum(len(m.get("body", b"")) for m in messages)
            self.cache.put(key, CachedResponse(messages, size))


async def _read_body(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body, and a ``receive`` that hands it on again to the layers below."""
    chunks = []
    while True:
        message = await receive()
        if message["type"] != "http.request":
            return b"", receive  # the client left: let the app see it
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            break
    body = b"".join(chunks)
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


class EvidenceGraphQL(GraphQL):
    """Strawberry's ASGI view with GraphQL-over-HTTP media types, a per-request context, direct
    answers for prepared queries and our GraphiQL page (answers are cached by :class:`CachedAnswers`
    in front of it)."""

    def __init__(self, schema: strawberry.Schema, state: GraphState,
                 prepared: PreparedDocuments | None = None) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.state = state
        self.prepared = prepared
        self.answered_directly = 0
        self.graphiql_html = graphiql_page()

    async def render_graphql_ide(self, request: Request) -> Response:  # type: ignore[override]
        return HTMLResponse(self.graphiql_html)

    def encode_json(self, data: object) -> bytes:  # type: ignore[override]
        return orjson.dumps(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        response = await self._answer_directly(request) if self.prepared is not None else None
        if response is None:
            try:
                response = await self.run(request)
            except HTTPException as error:
                response = PlainTextResponse(error.reason, status_code=error.status_code)
        await response(scope, receive, send)

    async def _answer_directly(self, request: Request) -> Response | None:
        """Answer a POSTed JSON query whose document is prepared (valid, queries only) by executing
        it straight away, without Strawberry's HTTP view and its per-request extension machinery.

        Returns None to leave the request to the view: GET, other media types or bodies, documents
        that are not prepared, and request errors (variables, operation name), whose status and
        body the view gives as GraphQL over HTTP requires.
        """
        assert self.prepared is not None
        if request.method != "POST" or \
                request.headers.get("content-type", "").split(";", 1)[0].strip() != "application/json":
            return None
        accept = request.headers.get("accept", "")
        graphql_response = _wants_graphql_response(accept)
        if accept and not graphql_response and "application/json" not in accept and "*/*" not in accept:
            return None
        try:
            params = orjson.loads(await request.body())
        except orjson.JSONDecodeError:
            return None
        if not isinstance(params, dict) or not params.keys() <= _REQUEST_KEYS or params.get("extensions") is not None:
            return None
        query, variables, operation = params.get("query"), params.get("variables"), params.get("operationName")
        if not isinstance(query, str) or not isinstance(variables, dict | None) \
                or not isinstance(operation, str | None):
            return None
        document = self.prepared.get(query)
        if document is None:
            return None
        result = execute(self.schema._schema, document, context_value=await self.get_context(request, None),
                         variable_values=variables, operation_name=operation,
                         executor_class=self.schema.execution_context_class, is_awaitable=optimized_is_awaitable)
        if optimized_is_awaitable(result):
            result = await result
        if _is_request_error(result):
            return None
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            self.schema.process_errors(result.errors)
            body["errors"] = [error.formatted for error in result.errors]
        request.state.had_errors = bool(result.errors)
        self.answered_directly += 1
        response = Response(orjson.dumps(body), media_type="application/json")
        if graphql_response:
            _as_graphql_response(response)
        return response

    async def get_context(self, request: Any, response: Any) -> RequestContext:  # type: ignore[override]
        snapshot = getattr(request.state, "snapshot", None) or self.state.snapshot
        return RequestContext(snapshot=snapshot, request=request, response=response)

    async def get_sub_response(self, request: Any) -> Response:
        sub = await super().get_sub_response(request)
        request.state.accept = request.headers.get("accept", "")
        return sub

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        data = process_result(result)
        request.state.had_errors = bool(result.errors)
        request.state.request_error = _is_request_error(result)
        # GraphQL over HTTP: a request error (parse, validation, variables) has no `data` under the
        # spec's media type.
        if request.state.request_error and GRAPHQL_RESPONSE in request.state.accept:
            data.pop("data", None)
        return data

    async def run(self, request: Any, context: Any = strawberry.UNSET, root_value: Any = strawberry.UNSET) -> Any:
        response = await super().run(request, context, root_value)
        if isinstance(request, Request) and isinstance(response, Response) \
                and _wants_graphql_response(getattr(request.state, "accept", "")) \
                and response.media_type == "application/json":
            _as_graphql_response(response)
            if getattr(request.state, "request_error", False) and response.status_code == 200:
                response.status_code = 400
        return response


def _is_request_error(result: ExecutionResult | GraphQLExecutionResult) -> bool:
    """Whether a result holds only errors of the request (parse, validation, variables): no data
    and no error located at a field."""
    return bool(result.data is None and result.errors and all(not e.path for e in result.errors))


#: The members of a GraphQL-over-HTTP request body.
_REQUEST_KEYS = frozenset({"query", "variables", "operationName", "extensions"})


def _wants_graphql_response(accept: str) -> bool:
    """Whether a client asks for the GraphQL-over-HTTP media type rather than ``application/json``."""
    return GRAPHQL_RESPONSE in accept and _prefers_graphql_response(accept)


def _as_graphql_response(response: Response) -> None:
    """Label a JSON response with the GraphQL-over-HTTP media type (the view and direct answers alike)."""
    response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
    response.media_type = GRAPHQL_RESPONSE


def _prefers_graphql_response(accept: str) -> bool:
    """True unless ``application/json`` is listed before the GraphQL response type with a higher q."""
    best: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(param[2:])
        best[media] = max(best.get(media, 0.0), q)
    return best.get(GRAPHQL_RESPONSE, 0.0) >= best.get("application/json", 0.0)


def settle_heap() -> None:
    """Keep the garbage collector off the graph's views: collect, then freeze what is alive.

    The views are hundreds of thousands of long-lived objects; a full collection walks all of
    them (50 ms on the sample) while a request's objects die young. Frozen objects are left out
    of every later collection. Unfreezing first lets a replaced snapshot's cycles be collected.
    """
    gc.unfreeze()
    gc.collect()
    gc.freeze()


async def _watch_store(state: GraphState, settings: ServerSettings, cache: ResponseCache) -> None:
    """Rebuild the views when a writer changes the store (polling its generation marker)."""
    assert settings.store is not None
    seen = EvidenceStore.generation(settings.store)
    while True:
        await asyncio.sleep(settings.reload_seconds)
        current = EvidenceStore.generation(settings.store)
        if current == seen:
            continue
        seen = current
        try:
            snapshot = await anyio.to_thread.run_sync(load_snapshot, settings.store)
        except (StoreError, OSError) as error:
            logger.warning("store changed but could not be read (%s); still serving the previous graph", error)
            continue
        previous = state.snapshot
        if state.swap(snapshot):
            cache.clear()
            # The previous views' memo holds objects that point back to the views: empty it so
            # that the old version is freed by reference counting, not left to a collection.
            previous.views.memo.clear()
            del previous
            logger.info("graph reloaded: version %s, %d nodes", snapshot.version, len(snapshot.views.nodes))
            settle_heap()


def create_app(settings: ServerSettings | None = None, snapshot: GraphSnapshot | None = None) -> Starlette:
    """The Starlette application.

    Parameters
    ----------
    settings : ServerSettings, optional
        Store folder, CORS origins, reload interval, limits.
    snapshot : GraphSnapshot, optional
        Serve these views instead of reading the store (tests, embedding).

    Returns
    -------
    Starlette
        Views are built in its lifespan: run it under uvicorn, or enter ``TestClient(app)``.

    Examples
    --------
    >>> from starlette.testclient import TestClient
    >>> with TestClient(create_app(snapshot=GraphSnapshot.from_quads([]))) as client:
    ...     client.post("/graphql", json={"query": "{ __typename }"}).json()
    {'data': {'__typename': 'Query'}}
    """
    settings = settings or ServerSettings()
    schema = build_schema(settings.limits)
    state = GraphState(snapshot or GraphSnapshot.from_quads([]))
    cache = ResponseCache(settings.response_cache_size, settings.response_cache_max_bytes,
                          settings.response_cache_total_bytes)
    prepared = PreparedDocuments(schema, settings.limits) if settings.direct_execution else None
    graphql_app = EvidenceGraphQL(schema, state, prepared)
    sdl = schema.as_str() + "\n"
    plans = schema.execution_context_class.plans  # type: ignore[attr-defined]

    async def healthz(request: Request) -> JSONResponse:
        current = state.snapshot
        return JSONResponse({"status": "ok", "version": current.version, "nodes": len(current.views.nodes),
                             "statements": len(current.views.statements),
                             "cache": {"hits": cache.hits, "misses": cache.misses},
                             "plans": plans.stats(), "answered_directly": graphql_app.answered_directly,
                             "frozen_objects": gc.get_freeze_count()})

    async def schema_sdl(request: Request) -> PlainTextResponse:
        return PlainTextResponse(sdl, media_type="text/plain; charset=utf-8")

    assets = {p.name: p for p in GRAPHIQL.iterdir() if p.suffix in (".js", ".css")}

    async def graphiql_asset(request: Request) -> Response:
        found = assets.get(request.path_params["name"])
        if found is None:
            return PlainTextResponse("not found", status_code=404)
        return FileResponse(found, headers={"cache-control": "public, max-age=86400"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        watcher = None
        if snapshot is None and settings.store is not None:
            state.swap(await anyio.to_thread.run_sync(load_snapshot, settings.store))
            watcher = asyncio.create_task(_watch_store(state, settings, cache))
        settle_heap()
        app.state.graph = state
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher

    middleware = [Middleware(CachedAnswers, state=state, cache=cache), Middleware(GZipMiddleware, minimum_size=1024)]
    if settings.cors_origins:
        middleware.insert(1, Middleware(CORSMiddleware, allow_origins=list(settings.cors_origins),
                                        allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["*"],
                                        max_age=600))
    routes = [Route("/graphql", graphql_app, methods=["GET", "POST"]),
              Route("/healthz", healthz), Route("/schema.graphql", schema_sdl),
              Route("/graphiql/{name}", graphiql_asset)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
    app.state.graph = state
    return app


def serve(args: argparse.Namespace) -> int:
    """Run the server for ``evidence-graph serve`` (building PATHs, or the sample if the store is empty)."""
    import uvicorn

    from graph.build import DEFAULT_CORPUS, build_into_store, print_progress

    store_path: Path = args.store
    paths: Sequence[Path] = args.paths
    if paths or not (store_path.exists() and EvidenceStore(store_path).document_keys()):
        store = EvidenceStore(store_path)
        result = build_into_store(store, list(paths) or [DEFAULT_CORPUS], progress=print_progress)
        del store
        for error in result.errors:
            print(f"evidence-graph: {error}")
        if result.errors:
            print("evidence-graph: nothing was stored")
            return 1
    origins = tuple(o for o in (args.cors_origin or os.environ.get("EVIDENCE_GRAPH_CORS", "*").split(",")) if o)
    settings = ServerSettings(store=store_path, cors_origins=origins)
    print(f"serving {store_path} on http://{args.host}:{args.port}/graphql (GraphiQL in a browser)", flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info",
                access_log=not args.no_access_log)
    return 0


__all__ = ["EvidenceGraphQL", "ServerSettings", "create_app", "load_snapshot", "serve"]
