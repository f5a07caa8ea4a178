"""Exports of the graph, whole or a selection of it, in every format graph tools and RDF tools
read: GraphML, GEXF 1.3, Cytoscape.js JSON, graphology JSON, networkx node-link JSON, CSV node
and edge tables, N-Quads, N-Triples, TriG, Turtle and compact JSON-LD.

The same :class:`ExportSelection` drives ``evidence-graph export``, ``GET /export/{format}`` and
the GraphQL ``export`` field; formats are registered by name (:func:`register_export_format`).

Examples
--------
>>> from evidence_graph.graph.analytics.examples import example_views
>>> text = "".join(export_format("csv-nodes").write(ExportSource(ExportSelection(types=("Organisation",)),
...                                                              views=example_views())))
>>> print(text.splitlines()[1])
http://127.0.0.1:8000/id/org/kcc,Kent County Council,Organisation,org/kcc,[],0
"""

from evidence_graph.graph.export import network, rdf  # noqa: F401  (each registers its formats)
from evidence_graph.graph.export.formats import (
    EXPORT_FORMATS,
    ExportFormat,
    ExportSource,
    export_format,
    register_export_format,
)
from evidence_graph.graph.export.rdf import JSONLD_CONTEXT, node_link, serialise, to_dataset
from evidence_graph.graph.export.selection import ExportSelection, ExportSelectionError, Subgraph, select_subgraph

#: Every format's name, in the order they were registered.
FORMATS: tuple[str, ...] = tuple(EXPORT_FORMATS)

__all__ = ["EXPORT_FORMATS", "FORMATS", "JSONLD_CONTEXT", "ExportFormat", "ExportSelection", "ExportSelectionError",
           "ExportSource", "Subgraph", "export_format", "node_link", "register_export_format", "select_subgraph",
           "serialise", "to_dataset"]
