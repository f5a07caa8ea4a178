"""The GraphQL ``export`` field: a selection of the graph in a graph tool's format, as text.

The selection is the one ``evidence-graph export`` and ``GET /export/{format}`` take. The answer
is not streamed (GraphQL answers are one document), so the field writes at most
:data:`MAX_EXPORT_NODES` nodes and gives, beside the text, the ``/export`` address that streams
the same selection of any size, RDF formats included.
"""

from __future__ import annotations

import urllib.parse
from enum import Enum

import strawberry
from strawberry.types import Info

from evidence_graph.graph.export import EXPORT_FORMATS, ExportSelection, ExportSelectionError, ExportSource
from evidence_graph.graph.export.network import NETWORK_FORMATS
from evidence_graph.schema.algorithms import CentralityAlgorithm, CommunityAlgorithm
from evidence_graph.schema.errors import QueryInputError, QueryLimitError

#: Nodes the field writes at most; larger selections are for ``GET /export/{format}``.
MAX_EXPORT_NODES = 10_000

ExportFormatName = strawberry.enum(
    Enum("ExportFormatName", {name.upper().replace("-", "_"): name for name in NETWORK_FORMATS}),  # type: ignore[misc]
    description="Formats the export field writes: " + "; ".join(
        f"{name.upper().replace('-', '_')}: {EXPORT_FORMATS[name].description}" for name in NETWORK_FORMATS))


@strawberry.input(description="Which part of the graph to export; every field left out keeps everything.")
class ExportSelectionInput:
    types: list[str] | None = strawberry.field(default=None, description="Only nodes of these types.")
    documents: list[str] | None = strawberry.field(default=None, description="Only what these documents "
                                                                               "(keys or IRIs) state.")
    graphs: list[str] | None = strawberry.field(default=None, description="Only statements in these named graphs.")
    seeds: list[str] | None = strawberry.field(default=None, description="Only what lies within `hops` "
                                                                         "statements of these entities.")
    hops: int = strawberry.field(default=1, description="How far from the seeds (1 to 6).")
    predicates: list[str] | None = strawberry.field(default=None, description="Only statements with these "
                                                                              "predicates (IRIs or CURIEs).")
    min_degree: int = strawberry.field(default=0, description="Drop nodes with fewer statements in the selection.")
    centrality: CentralityAlgorithm | None = strawberry.field(default=None, description="Add each node's "
                                                                                        "centrality.")
    community: CommunityAlgorithm | None = strawberry.field(default=None, description="Add each node's community.")

    def selection(self) -> ExportSelection:
        """The selection this input describes."""
        return ExportSelection(types=tuple(self.types or ()), documents=tuple(self.documents or ()),
                               graphs=tuple(self.graphs or ()), seeds=tuple(self.seeds or ()), hops=self.hops,
                               predicates=tuple(self.predicates or ()), min_degree=self.min_degree,
                               centrality=self.centrality.value if self.centrality else None,
                               community=self.community.value if self.community else None)

    def query_string(self) -> str:
        """The same selection as ``/export`` query parameters."""
        pairs: list[tuple[str, str]] = []
        for name, values in (("type", self.types), ("document", self.documents), ("graph", self.graphs),
                             ("seed", self.seeds), ("predicate", self.predicates)):
            pairs += [(name, value) for value in values or ()]
        if self.seeds and self.hops != 1:
            pairs.append(("hops", str(self.hops)))
        if self.min_degree:
            pairs.append(("min_degree", str(self.min_degree)))
        if self.centrality:
            pairs.append(("centrality", self.centrality.value))
        if self.community:
            pairs.append(("community", self.community.value))
        return urllib.parse.urlencode(pairs)


@strawberry.type(description="A selection of the graph written in one format.")
class GraphExport:
    format: str = strawberry.field(description="The format's name, as /export/{format} takes it.")
    media_type: str = strawberry.field(description="Its media type.")
    node_count: int
    edge_count: int
    text: str = strawberry.field(description="The export itself.")
    href: str = strawberry.field(description="The address (on this server) that streams the same selection.")


@strawberry.type
class ExportQuery:
    @strawberry.field(description=f"The graph, or a selection of it, in a graph tool's format (at most "
                                  f"{MAX_EXPORT_NODES:,} nodes; `href` streams any size, and the RDF formats).")
    def export(self, info: Info, format: ExportFormatName,  # type: ignore[valid-type]
               selection: ExportSelectionInput | None = None) -> GraphExport:
        selection = selection or ExportSelectionInput()
        name = format.value  # type: ignore[attr-defined]
        source = ExportSource(selection.selection(), views=info.context.views)
        try:
            subgraph = source.subgraph
        except ExportSelectionError as error:
            raise QueryInputError(f"export: {error}") from None
        query = selection.query_string()
        href = f"/export/{name}" + (f"?{query}" if query else "")
        if len(subgraph.nodes) > MAX_EXPORT_NODES:
            raise QueryLimitError(f"export: the selection has {len(subgraph.nodes):,} nodes, above the "
                                  f"{MAX_EXPORT_NODES:,} this field writes; GET {href} streams it")
        found = EXPORT_FORMATS[name]
        return GraphExport(format=name, media_type=found.media_type, node_count=len(subgraph.nodes),
                           edge_count=len(subgraph.edges), text="".join(found.write(source)), href=href)


__all__ = ["MAX_EXPORT_NODES", "ExportFormatName", "ExportQuery", "ExportSelectionInput", "GraphExport"]
