"""``GET /export/{format}``: the graph served, whole or a selection, streamed in the format a graph
tool reads, and ``GET /export`` listing the formats; ``GET /context.jsonld`` publishes the JSON-LD
``@context`` the JSON-LD export refers to.

The selection's query parameters are those of :meth:`ExportSelection.from_query` (``type``,
``document``, ``graph``, ``seed``, ``hops``, ``predicate``, ``min_degree``, ``centrality``,
``community``). The selection is made, and the first chunk written, before the answer starts,
so a bad parameter is a 400 with a message rather than a broken download; the rest is written
in a worker thread while it is sent, so the event loop keeps answering other requests and the
server holds one chunk of the text at a time, not the whole export.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import anyio
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse

from evidence_graph.graph.export import (
    EXPORT_FORMATS,
    JSONLD_CONTEXT,
    ExportSelection,
    ExportSelectionError,
    ExportSource,
)
from evidence_graph.graph.export.formats import Quad
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.schema.context import GraphState
from evidence_graph.serving.http_errors import refusal_response

#: Media types that are text get their charset stated.
_TEXT = ("text/", "application/json", "application/ld+json", "application/n-quads", "application/n-triples",
         "application/trig", "application/graphml+xml", "application/gexf+xml")


def stored_quads(store: Path) -> Iterator[Quad]:
    """The store's quads, read through a read-only handle that is closed when they are all read."""
    with EvidenceStore(store, read_only=True) as opened:
        yield from opened.quads()



def format_list() -> list[dict[str, str]]:
    """The export formats as ``GET /export`` lists them.

    Examples
    --------
    >>> [f["name"] for f in format_list()][:3]
    ['graphml', 'gexf', 'cytoscape']
    """
    return [{"name": f.name, "mediaType": f.media_type, "extension": f.extension, "description": f.description,
             "href": f"/export/{f.name}"} for f in EXPORT_FORMATS.values()]


def export_routes(state: GraphState, store: Path | None
                  ) -> tuple[Callable[[Request], object], Callable[[Request], object], Callable[[Request], object]]:
    """The handlers of ``/export``, ``/export/{format}`` and ``/context.jsonld``.

    Parameters
    ----------
    state : GraphState
        The snapshot being served (network formats are drawn from its views).
    store : Path, optional
        The store the snapshot was read from (RDF formats read its quads); without one, the RDF
        formats answer 501.
    """
    async def list_formats(request: Request) -> Response:
        return JSONResponse({"formats": format_list(),
                             "parameters": ["type", "document", "graph", "seed", "hops", "predicate", "min_degree",
                                            "centrality", "community"]})

    async def export(request: Request) -> Response:
        name = request.path_params["format"]
        found = EXPORT_FORMATS.get(name)
        if found is None:
            return refusal_response(404, f"no export format {name!r}; GET /export lists them: "
                                         f"{', '.join(EXPORT_FORMATS)}")
        query: dict[str, list[str]] = {}
        for key, value in request.query_params.multi_items():
            query.setdefault(key, []).append(value)
        try:
            selection = ExportSelection.from_query(query)
        except ExportSelectionError as error:
            return refusal_response(400, str(error))
        snapshot = state.snapshot
        quads: Callable[[], Iterable[Quad]] | None = (lambda: stored_quads(store)) if store is not None else None
        source = ExportSource(selection, views=snapshot.views, quads=quads,
                              context_url=str(request.url_for("jsonld_context")))
        try:
            first, chunks = await anyio.to_thread.run_sync(_start, found.write, source)
        except ExportSelectionError as error:
            return refusal_response(400, str(error))
        except ValueError as error:
            if quads is None:
                return refusal_response(501, f"{name}: {error}", "NOT_IMPLEMENTED")
            raise
        media_type = found.media_type + ("; charset=utf-8" if found.media_type.startswith(_TEXT) else "")
        headers = {"content-disposition": f'attachment; filename="evidence-graph.{found.extension}"',
                   "x-graph-version": snapshot.version}
        return StreamingResponse(_encoded(itertools.chain([first], chunks)), media_type=media_type,
                                 headers=headers)

    async def jsonld_context(request: Request) -> Response:
        return JSONResponse({"@context": JSONLD_CONTEXT}, media_type="application/ld+json",
                            headers={"cache-control": "public, max-age=86400"})

    return list_formats, export, jsonld_context


def _start(write: Callable[[ExportSource], Iterator[str]], source: ExportSource) -> tuple[str, Iterator[str]]:
    """The first chunk and the rest: selecting (and laying out) happens here, off the event loop."""
    chunks = write(source)
    return next(chunks, ""), chunks


def _encoded(chunks: Iterator[str]) -> Iterator[bytes]:
    for chunk in chunks:
        yield chunk.encode("utf-8")


__all__ = ["export_routes", "format_list", "stored_quads"]
