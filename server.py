"""The HTTP server: Strawberry GraphQL on Starlette, over a snapshot of the store's views.

The server's concepts live in the :mod:`serving` package (settings, request gate, response cache,
GraphQL view, store watch, app factory); this module is what the CLI and tests import, and runs the
server for ``evidence-graph serve`` (:func:`serve`).
"""

from __future__ import annotations

import argparse
import os
from collections.abc import Sequence
from pathlib import Path

from starlette.applications import Starlette

from evidence_graph.graph.store import DEFAULT_WAIT, EvidenceStore
from evidence_graph.graph.vocabulary import BASE
from evidence_graph.serving.app import create_app
from evidence_graph.serving.graphql_view import EvidenceGraphQL, graphiql_page
from evidence_graph.serving.heap import settle_heap
from evidence_graph.serving.media_types import GRAPHQL_RESPONSE
from evidence_graph.serving.settings import ServerSettings, store_from_environment
from evidence_graph.serving.store_watch import load_snapshot


def serve(args: argparse.Namespace) -> int:
    """Run the server for ``evidence-graph serve`` (building PATHs, or the sample if the store is empty).

    Parameters
    ----------
    args : argparse.Namespace
        ``store``, ``paths``, ``host``, ``port``, ``cors_origin`` and ``no_access_log`` from the CLI;
        everything else from the environment (:meth:`ServerSettings.from_environment`).

    Returns
    -------
    int
        The exit status: 0 after serving, 1 if the build failed, 2 for settings that do not hold.
    """
    import uvicorn

    from evidence_graph.pipeline.build import DEFAULT_CORPUS, build_into_store, print_progress

    store_path: Path = args.store
    paths: Sequence[Path] = args.paths
    try:
        settings = ServerSettings.from_environment(store=store_path, cors_origins=args.cors_origin)
    except ValueError as error:
        print(f"evidence-graph: {error}")
        return 2
    # Only a build needs the write lock: a store with documents is served while a build writes to it.
    if paths or not EvidenceStore.has_documents(store_path):
        with EvidenceStore(store_path, wait=getattr(args, "wait", DEFAULT_WAIT)) as store:
            result = build_into_store(store, list(paths) or [DEFAULT_CORPUS], progress=print_progress)
        for error in result.errors:
            print(f"evidence-graph: {error}")
        if result.errors:
            print("evidence-graph: nothing was stored")
            return 1
    print(f"serving {store_path} on http://{args.host}:{args.port}/ (GraphiQL at /graphql)",
          flush=True)
    if f"http://{args.host}:{args.port}/" != BASE and "EVIDENCE_GRAPH_BASE" not in os.environ:
        # The IRIs were minted for another address: they still answer here under /id/, but a client
        # following one goes to where the base points.
        print(f"evidence-graph: entity IRIs are under {BASE}, not this server's address; set "
              f"EVIDENCE_GRAPH_HOST/EVIDENCE_GRAPH_PORT (or EVIDENCE_GRAPH_BASE) for both build and serve",
              flush=True)
    uvicorn.run(create_app(settings), host=args.host, port=args.port, log_level="info",
                access_log=not args.no_access_log)
    return 0


def app_from_environment() -> Starlette:
    """The application for ``uvicorn --factory evidence_graph.server:app_from_environment``: the settings
    ``evidence-graph serve`` reads (``EVIDENCE_GRAPH_STORE`` and the other variables of
    :data:`serving.settings.ENVIRONMENT`), over a store that must hold documents.

    Raises
    ------
    SystemExit
        Naming the store, when it is missing or holds no document (rather than serving an empty
        graph without a word), or when a variable holds no valid value.
    """
    store = store_from_environment()
    try:
        settings = ServerSettings.from_environment(store=store)
    except ValueError as error:
        raise SystemExit(f"evidence-graph: {error}") from None
    if not EvidenceStore.has_documents(store):
        raise SystemExit(f"evidence-graph: {store}: no store, or a store with no documents, to serve; "
                         "build one first (evidence-graph build) or point EVIDENCE_GRAPH_STORE at one")
    return create_app(settings)


__all__ = ["GRAPHQL_RESPONSE", "EvidenceGraphQL", "ServerSettings", "app_from_environment", "create_app",
           "graphiql_page", "load_snapshot", "serve", "settle_heap"]
