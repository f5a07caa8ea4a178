"""The application factory: routes, the layers in front of them, and the lifespan that loads the graph.

Routes: ``/`` (the explorer, ``serving/explorer.py``), ``/graphql`` (GET and POST; GraphiQL in a
browser, its assets under ``/graphiql/`` from
``static/graphiql``, so that it needs no network), ``/healthz``, ``/schema.graphql``, ``/export``
and ``/export/{format}`` (the graph for graph tools and RDF tools: ``serving/exports.py``) and
``/context.jsonld``.
A request meets, in order: the request gate (limits and well-formed requests; its refusals carry
CORS headers), the heap trim after large bodies, the response cache, CORS, gzip, then the route.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from typing import Any

import anyio
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.middleware.gzip import GZipMiddleware
from starlette.requests import Request
from starlette.responses import FileResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route
from starlette.types import ASGIApp, Scope

from evidence_graph.graph.lru import BoundedLRU
from evidence_graph.schema import build_schema
from evidence_graph.schema.algorithms import configure_algorithms
from evidence_graph.schema.caches import ParsedDocumentCache, ValidatedDocumentCache
from evidence_graph.schema.context import GraphSnapshot, GraphState
from evidence_graph.schema.prepared import PreparedDocuments
from evidence_graph.serving import error_log
from evidence_graph.serving.disconnect import StopWhenClientLeaves
from evidence_graph.serving.document_writer import StoreWriter, bearer_token, token_matches
from evidence_graph.serving.explorer import explorer_routes
from evidence_graph.serving.exports import export_routes
from evidence_graph.serving.graphql_view import GRAPHIQL, EvidenceGraphQL
from evidence_graph.serving.heap import ReturnLargeBodies, settle_heap
from evidence_graph.serving.http_errors import RequestRefused, log_refusal
from evidence_graph.serving.linked_data import entity_route, void_route
from evidence_graph.serving.request_gate import RequestGate
from evidence_graph.serving.response_cache import CachedAnswers, response_cache
from evidence_graph.serving.settings import ServerSettings
from evidence_graph.serving.sparql import sparql_route
from evidence_graph.serving.store_watch import load_snapshot, watch_store


def cache_report(cache: BoundedLRU[Any, Any]) -> dict[str, int]:
    """A cache's entries, bytes, hits and misses with its budgets (for ``/healthz``).

    Examples
    --------
    >>> cache_report(BoundedLRU(4, 1000))
    {'entries': 0, 'bytes': 0, 'hits': 0, 'misses': 0, 'max_entries': 4, 'max_bytes': 1000}
    """
    return {**cache.stats(), "max_entries": cache.max_entries, "max_bytes": cache.max_bytes}


async def not_found(request: Request, error: Exception | None = None) -> Response:
    """A path the server does not have: 404 with a GraphQL-shaped error coded ``NOT_FOUND``."""
    refused = RequestRefused.for_status(404, f"{request.url.path}: no such path (the API is at /graphql)")
    log_refusal(refused.status, refused.code, refused.message)
    return Response(refused.body(), status_code=404, media_type="application/json")


def create_app(settings: ServerSettings | None = None, snapshot: GraphSnapshot | None = None) -> Starlette:
    """The Starlette application.

    Parameters
    ----------
    settings : ServerSettings, optional
        Store folder, CORS origins, reload interval, limits and cache budgets.
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
    error_log.install()
    configure_algorithms(seconds=settings.algorithm_seconds, concurrency=dict(settings.algorithm_concurrency))
    schema = build_schema(settings.limits)
    state = GraphState(snapshot or GraphSnapshot.from_quads([]))
    cache = response_cache(settings.response_cache_size, settings.response_cache_total_bytes,
                           settings.response_cache_max_bytes)
    prepared = PreparedDocuments(schema, settings.limits, settings.limits.cache_bytes) \
        if settings.direct_execution else None
    writer = StoreWriter(settings.store, settings.ingest_token, state, cache) \
        if snapshot is None and settings.store is not None and settings.ingest_token else None
    graphql_app = EvidenceGraphQL(schema, state, prepared, writer)
    sdl = schema.as_str() + "\n"
    plans = schema.execution_context_class.plans  # type: ignore[attr-defined]
    caches: dict[str, BoundedLRU[Any, Any]] = {"responses": cache, "plans": plans.cache}
    if prepared is not None:
        caches["prepared"] = prepared.cache
    for extension in schema.extensions:
        if isinstance(extension, ParsedDocumentCache):
            caches["parsed"] = extension.cache
        elif isinstance(extension, ValidatedDocumentCache):
            caches["validated"] = extension.cache
    # A plan keeps its operation's document alive: the plans have the budget of the other caches
    # of documents (set before the first request).
    plans.cache.max_bytes = plans.cache.max_entry_bytes = settings.limits.cache_bytes

    async def healthz(request: Request) -> JSONResponse:
        current = state.snapshot
        return JSONResponse({"status": "ok", "version": current.version, "nodes": len(current.views.nodes),
                             "statements": len(current.views.statements),
                             "cache": {"hits": cache.hits, "misses": cache.misses},
                             "caches": {name: cache_report(found) for name, found in caches.items()},
                             "plans": plans.stats(),
                             "answered_directly": graphql_app.answered_directly,
                             "frozen_objects": gc.get_freeze_count()})

    async def schema_sdl(request: Request) -> PlainTextResponse:
        return PlainTextResponse(sdl, media_type="text/plain; charset=utf-8")

    assets = {p.name: p for p in GRAPHIQL.iterdir() if p.suffix in (".js", ".css")}

    async def graphiql_asset(request: Request) -> Response:
        found = assets.get(request.path_params["name"])
        if found is None:
            return await not_found(request)
        return FileResponse(found, headers={"cache-control": "public, max-age=86400"})

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        watcher = None
        if snapshot is None and settings.store is not None:
            state.swap(await anyio.to_thread.run_sync(load_snapshot, settings.store))
            watcher = asyncio.create_task(watch_store(state, settings, cache))
        settle_heap()
        app.state.graph = state
        try:
            yield
        finally:
            if watcher is not None:
                watcher.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await watcher

    cors: dict[str, Any] = {"allow_origins": list(settings.cors_origins), "allow_methods": ["GET", "POST", "OPTIONS"],
                            "allow_headers": ["*"], "max_age": 600}

    def with_cors(refuse: ASGIApp) -> ASGIApp:
        return CORSMiddleware(refuse, **cors) if settings.cors_origins else refuse

    def may_write(scope: Scope) -> bool:
        # Only a request with the ingest token may send a body the size of a document.
        if writer is None:
            return False
        headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"] if k == b"authorization"}
        return token_matches(bearer_token(headers), settings.ingest_token or "")

    middleware = [Middleware(RequestGate, max_body_bytes=settings.max_body_bytes,
                             writer_body_bytes=settings.max_ingest_bytes, may_write=may_write,
                             max_query_string_bytes=settings.max_query_string_bytes, refusals=with_cors),
                  Middleware(ReturnLargeBodies), Middleware(CachedAnswers, state=state, cache=cache),
                  Middleware(GZipMiddleware, minimum_size=1024), Middleware(StopWhenClientLeaves)]
    if settings.cors_origins:
        # Inside the cache, so that a cached answer is sent with its CORS headers as they were (the
        # key holds the origin); the gate's refusals get theirs through with_cors.
        middleware.insert(3, Middleware(CORSMiddleware, **cors))
    # Every method reaches the view, which answers any but GET and POST with a GraphQL error (405).
    routes = [Route("/graphql", graphql_app),
              Route("/healthz", healthz), Route("/schema.graphql", schema_sdl),
              Route("/graphiql/{name}", graphiql_asset), *explorer_routes()]
    list_formats, export, jsonld_context = export_routes(state, settings.store if snapshot is None else None)
    routes += [Route("/export", list_formats), Route("/export/{format}", export),
               Route("/context.jsonld", jsonld_context, name="jsonld_context"),
               Route("/sparql", sparql_route(settings.store if snapshot is None else None,
                                             seconds=settings.sparql_seconds, max_rows=settings.sparql_max_rows),
                     methods=["GET", "POST", "PUT", "DELETE", "PATCH"], name="sparql"),
               Route("/id/{key:path}", entity_route(state, settings.store if snapshot is None else None)),
               Route("/.well-known/void", void_route(state, settings.store if snapshot is None else None))]
    app = Starlette(routes=routes, middleware=middleware, lifespan=lifespan, exception_handlers={404: not_found})
    app.state.graph = state
    return app


__all__ = ["cache_report", "create_app"]
