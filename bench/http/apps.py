"""ASGI apps for ``bench/http_bench.py``, each started by uvicorn as ``--factory`` in its own process.

``evidence_app`` is our server over the store named by ``EVIDENCE_GRAPH_STORE``;
``floor_app`` is a bare Starlette app that answers ``POST /floor/{name}`` with the exact bytes our
server returned for query ``name`` (read once from the JSON file named by ``BENCH_FLOOR_BODIES``),
so the two differ only by the GraphQL work.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route


def evidence_app() -> Starlette:
    """Our server, exactly as ``evidence-graph serve`` builds it."""
    from evidence_graph.server import ServerSettings, create_app

    return create_app(ServerSettings(store=Path(os.environ["EVIDENCE_GRAPH_STORE"])))


def floor_app() -> Starlette:
    """One route per query returning fixed bytes: what any server must at least spend."""
    spec = json.loads(Path(os.environ["BENCH_FLOOR_BODIES"]).read_text(encoding="utf-8"))
    routes = []
    for name, entry in spec.items():
        body = entry["body"].encode("utf-8")
        media_type = entry["media_type"]

        async def answer(request: Request, body: bytes = body, media_type: str = media_type) -> Response:
            await request.body()  # read the POSTed GraphQL request, as a real endpoint must
            return Response(body, media_type=media_type)

        routes.append(Route(f"/floor/{name}", answer, methods=["POST"]))
    return Starlette(routes=routes)
