"""Network exports for graph tools: GraphML (yEd, Gephi, Cytoscape desktop, igraph), GEXF 1.3
(Gephi), Cytoscape.js JSON, graphology JSON (sigma.js), networkx node-link JSON and CSV node
and edge tables (Gephi's spreadsheet import).

Every node carries its IRI (as its id), type, label, aliases, key and degree in the selection,
and its centrality and community when the selection asks for them; every edge carries its
statement id, predicate (IRI and CURIE), a human label, the named graph it is stated in and the
number of evidence quotes, and the JSON formats also carry the quotes. Aliases are lists: GEXF
has a list type (``liststring``); GraphML and CSV have none, so there they are a JSON array in a
string, which keeps every alias and can be read back exactly.

Each writer streams: nodes and edges are written one by one and handed on in chunks.
"""

from __future__ import annotations

import csv
import io
import json
import math
import re
from collections import OrderedDict
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import Any
from xml.sax.saxutils import escape, quoteattr

import networkx as nx

from evidence_graph.graph.export.formats import ExportSource, chunked, register_export_format
from evidence_graph.graph.export.selection import ExportSelection, Subgraph
from evidence_graph.graph.kinds import TYPE_NAMES
from evidence_graph.graph.views import Statement, curie
from evidence_graph.graph.vocabulary import RDFS, load_vocabulary

#: The formats written from the views alone (the RDF formats need the stored quads).
NETWORK_FORMATS = ("graphml", "gexf", "cytoscape", "graphology", "nodelink", "csv-nodes", "csv-edges")
#: Above this many nodes the layout is a grouped spiral (linear time) instead of a force layout
#: (networkx's spring layout holds an n × n distance matrix).
FORCE_LAYOUT_LIMIT = 1_500
#: Node colours by type: fixed, so that a type has the same colour in every export and tool.
_PALETTE = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
            "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd",
            "#e6550d", "#31a354", "#756bb1", "#636363"]
_TYPE_ORDER = list(dict.fromkeys(name for _, name in TYPE_NAMES))
_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


#: Layouts a graph version remembers (its views' memo), newest kept, and the positions they may
#: hold in all (a 100,000-node layout is about 20 MB).
LAYOUTS_KEPT = 8
LAYOUT_POSITIONS_KEPT = 250_000
_LAYOUTS = "export-layouts"


def type_colour(type_name: str) -> str:
    """The colour (``#rrggbb``) nodes of a type are drawn in.

    Examples
    --------
    >>> type_colour("Person") == type_colour("Person") != type_colour("Organisation")
    True
    """
    index = _TYPE_ORDER.index(type_name) if type_name in _TYPE_ORDER else sum(map(ord, type_name))
    return _PALETTE[index % len(_PALETTE)]


@lru_cache(maxsize=1)
def _vocabulary_labels() -> dict[str, str]:
    vocabulary = load_vocabulary()
    return {str(term): str(label) for term, label in vocabulary.subject_objects(RDFS.label)}


def predicate_label(predicate: str) -> str:
    """A predicate's name for people: its ``rdfs:label``, or its local name in words.

    Examples
    --------
    >>> predicate_label("http://www.w3.org/ns/org#memberOf")
    'member of'
    >>> predicate_label("https://schema.org/author")
    'author'
    """
    found = _vocabulary_labels().get(predicate)
    if found:
        return found
    local = re.split(r"[#/]", predicate.rstrip("/#"))[-1]
    return re.sub(r"(?<=[a-z0-9])(?=[A-Z])", " ", local).lower()


def node_attributes(subgraph: Subgraph, iri: str) -> dict[str, Any]:
    """What every export says of a node (its id is its IRI).

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_iri, example_views
    >>> from evidence_graph.graph.export.selection import select_subgraph
    >>> attributes = node_attributes(select_subgraph(example_views()), example_iri("org/salus"))
    >>> attributes["type"], attributes["label"], attributes["degree"]
    ('Organisation', 'Project Salus', 3)
    """
    record = subgraph.views.nodes[iri]
    found: dict[str, Any] = {"id": iri, "type": record.type, "label": record.label, "aliases": record.aliases,
                             "key": record.key or "", "degree": subgraph.degree.get(iri, 0)}
    if subgraph.centrality is not None:
        found["centrality"] = subgraph.centrality.get(iri, 0.0)
    if subgraph.community is not None:
        found["community"] = subgraph.community.get(iri, -1)
    return found


def edge_attributes(statement: Statement) -> dict[str, Any]:
    """What every export says of an edge (without its quotes)."""
    return {"id": statement.id, "source": statement.subject, "target": statement.object,
            "predicate": statement.predicate, "curie": curie(statement.predicate),
            "label": predicate_label(statement.predicate), "graph": statement.graph,
            "evidence": len(statement.evidence)}


def edge_quotes(statement: Statement) -> list[dict[str, Any]]:
    """The quotes that support an edge: text, offsets, passage and document."""
    return [{"quote": e.quote, "start": e.start, "end": e.end, "passage": e.passage, "document": e.document}
            for e in statement.evidence]


def node_size(subgraph: Subgraph, iri: str) -> float:
    """The size a node is drawn at: by centrality when it was computed, else by degree."""
    if subgraph.centrality:
        top = max(subgraph.centrality.values()) or 1.0
        return round(4.0 + 26.0 * subgraph.centrality.get(iri, 0.0) / top, 3)
    return round(4.0 + 3.0 * math.sqrt(subgraph.degree.get(iri, 0)), 3)


def layout(subgraph: Subgraph) -> dict[str, tuple[float, float]]:
    """Positions of the nodes, in a square about ``100 · √n`` wide.

    A seeded force layout (networkx's Fruchterman–Reingold) up to :data:`FORCE_LAYOUT_LIMIT`
    nodes; above, each community (or, without communities, each type) on its own sunflower
    spiral, the groups side by side in a grid, which costs linear time. The same selection of
    the same graph always gets the same positions.
    """
    cached = getattr(subgraph, "_positions", None)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    # A force layout costs about a second on the sample: a server answers the same selection of
    # the same graph version (its views) from the layouts it made last, not by laying it out again.
    made: OrderedDict[ExportSelection, dict[str, tuple[float, float]]] = \
        subgraph.views.memo.setdefault(_LAYOUTS, OrderedDict())
    remembered = made.get(subgraph.selection)
    if remembered is not None and len(remembered) == len(subgraph.nodes):
        made.move_to_end(subgraph.selection)
        subgraph._positions = remembered  # type: ignore[attr-defined]
        return remembered
    positions = _lay_out(subgraph)
    made[subgraph.selection] = positions
    while len(made) > 1 and (len(made) > LAYOUTS_KEPT or sum(map(len, made.values())) > LAYOUT_POSITIONS_KEPT):
        made.popitem(last=False)
    subgraph._positions = positions  # type: ignore[attr-defined]
    return positions


def _lay_out(subgraph: Subgraph) -> dict[str, tuple[float, float]]:
    nodes = subgraph.nodes
    scale = 100.0 * math.sqrt(max(len(nodes), 1))
    positions: dict[str, tuple[float, float]] = {}
    if 0 < len(nodes) <= FORCE_LAYOUT_LIMIT:
        graph = nx.Graph()
        graph.add_nodes_from(nodes)
        graph.add_edges_from((s.subject, s.object) for s in subgraph.edges if s.subject != s.object)
        try:
            found = nx.spring_layout(graph, seed=7, scale=scale / 2)
            positions = {n: (round(float(x), 3), round(float(y), 3)) for n, (x, y) in found.items()}
        except ImportError:  # no numpy: the spiral below
            positions = {}
    if not positions and nodes:
        groups: dict[object, list[str]] = {}
        for iri in nodes:
            group = subgraph.community.get(iri) if subgraph.community else subgraph.views.nodes[iri].type
            groups.setdefault(group, []).append(iri)
        ordered = sorted(groups.values(), key=len, reverse=True)
        columns = math.ceil(math.sqrt(len(ordered)))
        cell = max(math.sqrt(len(g)) for g in ordered) * 12.0 + 24.0
        golden = math.pi * (3.0 - math.sqrt(5.0))
        for index, members in enumerate(ordered):
            cx, cy = (index % columns) * cell * 2.2, (index // columns) * cell * 2.2
            for i, iri in enumerate(members):
                radius, angle = 12.0 * math.sqrt(i), i * golden
                positions[iri] = (round(cx + radius * math.cos(angle), 3), round(cy + radius * math.sin(angle), 3))
    return positions


def _xml(text: object) -> str:
    return escape(_XML_INVALID.sub("", str(text)))


def _attr(text: object) -> str:
    return quoteattr(_XML_INVALID.sub("", str(text)))


def _list_value(values: list[str]) -> str:
    return json.dumps(values, ensure_ascii=False)


# -- GraphML ---------------------------------------------------------------------------------
_GRAPHML_NODE_KEYS = [("type", "string"), ("label", "string"), ("key", "string"), ("aliases", "string"),
                      ("degree", "int"), ("centrality", "double"), ("community", "int"),
                      ("x", "double"), ("y", "double"), ("color", "string")]
_GRAPHML_EDGE_KEYS = [("predicate", "string"), ("curie", "string"), ("label", "string"), ("graph", "string"),
                      ("evidence", "int")]


@register_export_format("graphml", media_type="application/graphml+xml", extension="graphml",
                        description="GraphML (yEd, Gephi, Cytoscape, igraph); aliases as a JSON array")
def write_graphml(source: ExportSource) -> Iterator[str]:
    """GraphML with typed keys; node ids are IRIs and edge ids statement ids."""
    subgraph = source.subgraph
    positions = layout(subgraph)

    def pieces() -> Iterator[str]:
        yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns '
               'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n')
        node_keys = [(n, t) for n, t in _GRAPHML_NODE_KEYS
                     if (n != "centrality" or subgraph.centrality is not None)
                     and (n != "community" or subgraph.community is not None)]
        for name, kind in node_keys:
            yield f'  <key id="n_{name}" for="node" attr.name="{name}" attr.type="{kind}"/>\n'
        for name, kind in _GRAPHML_EDGE_KEYS:
            yield f'  <key id="e_{name}" for="edge" attr.name="{name}" attr.type="{kind}"/>\n'
        yield '  <graph id="evidence-graph" edgedefault="directed">\n'
        for iri in subgraph.nodes:
            attributes = node_attributes(subgraph, iri)
            attributes["aliases"] = _list_value(attributes["aliases"])
            attributes["x"], attributes["y"] = positions.get(iri, (0.0, 0.0))
            attributes["color"] = type_colour(attributes["type"])
            data = "".join(f'<data key="n_{name}">{_xml(attributes[name])}</data>' for name, _ in node_keys)
            yield f"    <node id={_attr(iri)}>{data}</node>\n"
        for statement in subgraph.edges:
            attributes = edge_attributes(statement)
            data = "".join(f'<data key="e_{name}">{_xml(attributes[name])}</data>' for name, _ in _GRAPHML_EDGE_KEYS)
            yield (f"    <edge id={_attr(statement.id)} source={_attr(statement.subject)} "
                   f"target={_attr(statement.object)}>{data}</edge>\n")
        yield "  </graph>\n</graphml>\n"

    return chunked(pieces())


# -- GEXF 1.3 --------------------------------------------------------------------------------
_GEXF_NODE_ATTRIBUTES = [("type", "string"), ("key", "string"), ("aliases", "liststring"), ("degree", "integer"),
                         ("centrality", "double"), ("community", "integer")]
_GEXF_EDGE_ATTRIBUTES = [("predicate", "anyURI"), ("curie", "string"), ("graph", "anyURI"),
                         ("evidence", "integer")]


@register_export_format("gexf", media_type="application/gexf+xml", extension="gexf",
                        description="GEXF 1.3 (Gephi): typed attributes, colour by type, size by "
                                    "centrality or degree, positions")
def write_gexf(source: ExportSource) -> Iterator[str]:
    """GEXF 1.3 with the viz namespace (colour, size, position)."""
    subgraph = source.subgraph
    positions = layout(subgraph)
    node_attributes_declared = [(n, t) for n, t in _GEXF_NODE_ATTRIBUTES
                                if (n != "centrality" or subgraph.centrality is not None)
                                and (n != "community" or subgraph.community is not None)]

    def pieces() -> Iterator[str]:
        yield ('<?xml version="1.0" encoding="UTF-8"?>\n'
               '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" '
               'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" '
               'xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n'
               f'  <meta lastmodifieddate="{date.today().isoformat()}"><creator>Evidence Graph</creator>'
               '<description>Entities of committee evidence and the statements between them</description>'
               '</meta>\n  <graph defaultedgetype="directed" mode="static">\n    <attributes class="node">\n')
        for name, kind in node_attributes_declared:
            yield f'      <attribute id="{name}" title="{name}" type="{kind}"/>\n'
        yield '    </attributes>\n    <attributes class="edge">\n'
        for name, kind in _GEXF_EDGE_ATTRIBUTES:
            yield f'      <attribute id="{name}" title="{name}" type="{kind}"/>\n'
        yield "    </attributes>\n    <nodes>\n"
        for iri in subgraph.nodes:
            attributes = node_attributes(subgraph, iri)
            values = []
            for name, kind in node_attributes_declared:
                value = attributes[name]
                if kind == "liststring":
                    value = "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in value) + "]"
                values.append(f"<attvalue for=\"{name}\" value={_attr(value)}/>")
            colour = type_colour(attributes["type"])
            r, g, b = (int(colour[i:i + 2], 16) for i in (1, 3, 5))
            x, y = positions.get(iri, (0.0, 0.0))
            yield (f"      <node id={_attr(iri)} label={_attr(attributes['label'])}><attvalues>{''.join(values)}"
                   f'</attvalues><viz:color r="{r}" g="{g}" b="{b}"/><viz:size value="{node_size(subgraph, iri)}"/>'
                   f'<viz:position x="{x}" y="{y}" z="0.0"/></node>\n')
        yield "    </nodes>\n    <edges>\n"
        for statement in subgraph.edges:
            attributes = edge_attributes(statement)
            values = "".join(f"<attvalue for=\"{name}\" value={_attr(attributes[name])}/>"
                             for name, _ in _GEXF_EDGE_ATTRIBUTES)
            yield (f"      <edge id={_attr(statement.id)} source={_attr(statement.subject)} "
                   f"target={_attr(statement.object)} label={_attr(attributes['label'])} "
                   f"kind={_attr(attributes['curie'])}><attvalues>{values}</attvalues></edge>\n")
        yield "    </edges>\n  </graph>\n</gexf>\n"

    return chunked(pieces())


# -- JSON formats ----------------------------------------------------------------------------
def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def _json_document(head: str, nodes: Iterator[str], middle: str, edges: Iterator[str], tail: str) -> Iterator[str]:
    """``head node,node,… middle edge,edge,… tail``: a JSON document written element by element."""
    yield head
    for index, piece in enumerate(nodes):
        yield ("," if index else "") + "\n" + piece
    yield middle
    for index, piece in enumerate(edges):
        yield ("," if index else "") + "\n" + piece
    yield tail


@register_export_format("cytoscape", media_type="application/json", extension="cyjs",
                        description="Cytoscape.js elements JSON (also Cytoscape desktop's .cyjs), with "
                                    "positions")
def write_cytoscape(source: ExportSource) -> Iterator[str]:
    """``{"elements": {"nodes": [{"data", "position"}], "edges": [{"data"}]}}``; edge ids are
    statement ids, which never equal a node id (an IRI)."""
    subgraph = source.subgraph
    positions = layout(subgraph)

    def nodes() -> Iterator[str]:
        for iri in subgraph.nodes:
            data = node_attributes(subgraph, iri)
            data["color"], data["size"] = type_colour(data["type"]), node_size(subgraph, iri)
            x, y = positions.get(iri, (0.0, 0.0))
            yield _json({"data": data, "position": {"x": x, "y": y}, "group": "nodes"})

    def edges() -> Iterator[str]:
        for statement in subgraph.edges:
            yield _json({"data": {**edge_attributes(statement), "quotes": edge_quotes(statement)}, "group": "edges"})

    head = ('{"format_version":"1.0","generated_by":"evidence-graph","target_cytoscapejs_version":"~3",'
            '"data":{"name":"Evidence Graph"},"elements":{"nodes":[')
    return chunked(_json_document(head, nodes(), '],"edges":[', edges(), "]}}\n"))


@register_export_format("graphology", media_type="application/json", extension="json",
                        description="graphology serialisation with x, y, size and color, ready for sigma.js")
def write_graphology(source: ExportSource) -> Iterator[str]:
    """graphology's serialised form; the entity type is ``entityType`` because sigma.js reads a
    node's ``type`` as the name of the program that draws it."""
    subgraph = source.subgraph
    positions = layout(subgraph)

    def nodes() -> Iterator[str]:
        for iri in subgraph.nodes:
            attributes = node_attributes(subgraph, iri)
            attributes.pop("id")
            attributes["entityType"] = attributes.pop("type")
            x, y = positions.get(iri, (0.0, 0.0))
            attributes.update(x=x, y=y, size=node_size(subgraph, iri), color=type_colour(attributes["entityType"]))
            yield _json({"key": iri, "attributes": attributes})

    def edges() -> Iterator[str]:
        for statement in subgraph.edges:
            attributes = edge_attributes(statement)
            for name in ("id", "source", "target"):
                attributes.pop(name)
            attributes["quotes"] = edge_quotes(statement)
            yield _json({"key": statement.id, "source": statement.subject, "target": statement.object,
                         "attributes": attributes})

    head = ('{"attributes":{"name":"Evidence Graph"},'
            '"options":{"type":"directed","multi":true,"allowSelfLoops":true},"nodes":[')
    return chunked(_json_document(head, nodes(), '],"edges":[', edges(), "]}\n"))


NODE_LINK_KEYS = {"nodes": "nodes", "edges": "edges", "source": "source", "target": "target", "key": "key",
                  "name": "id"}


@register_export_format("nodelink", media_type="application/json", extension="json",
                        description="networkx node-link JSON: nx.node_link_graph(data, edges=\"edges\")")
def write_node_link(source: ExportSource) -> Iterator[str]:
    """networkx's node-link form, its keys stated in ``graph.keys`` (``edges``, not ``links``);
    each edge's ``key`` is its statement id."""
    subgraph = source.subgraph

    def nodes() -> Iterator[str]:
        for iri in subgraph.nodes:
            yield _json(node_attributes(subgraph, iri))

    def edges() -> Iterator[str]:
        for statement in subgraph.edges:
            attributes = edge_attributes(statement)
            attributes["key"] = attributes.pop("id")
            attributes["quotes"] = edge_quotes(statement)
            yield _json(attributes)

    head = ('{"directed":true,"multigraph":true,'
            f'"graph":{{"name":"Evidence Graph","keys":{_json(NODE_LINK_KEYS)}}},"nodes":[')
    return chunked(_json_document(head, nodes(), '],"edges":[', edges(), "]}\n"))


# -- CSV -------------------------------------------------------------------------------------
def _csv_rows(rows: Iterator[list[object]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    for row in rows:
        writer.writerow(row)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


@register_export_format("csv-nodes", media_type="text/csv", extension="nodes.csv",
                        description="CSV node table (Gephi's Id, Label columns first)")
def write_csv_nodes(source: ExportSource) -> Iterator[str]:
    """One row per node: ``Id, Label, type, key, aliases, degree[, centrality][, community]``."""
    subgraph = source.subgraph
    extra = [name for name, found in (("centrality", subgraph.centrality), ("community", subgraph.community))
             if found is not None]

    def rows() -> Iterator[list[object]]:
        yield ["Id", "Label", "type", "key", "aliases", "degree", *extra]
        for iri in subgraph.nodes:
            a = node_attributes(subgraph, iri)
            yield [iri, a["label"], a["type"], a["key"], _list_value(a["aliases"]), a["degree"], *(a[n] for n in extra)]

    return chunked(_csv_rows(rows()))


@register_export_format("csv-edges", media_type="text/csv", extension="edges.csv",
                        description="CSV edge table (Gephi's Source, Target, Type, Id, Label columns first)")
def write_csv_edges(source: ExportSource) -> Iterator[str]:
    """One row per edge: ``Source, Target, Type, Id, Label, predicate, curie, graph, evidence``."""
    subgraph = source.subgraph

    def rows() -> Iterator[list[object]]:
        yield ["Source", "Target", "Type", "Id", "Label", "predicate", "curie", "graph", "evidence"]
        for statement in subgraph.edges:
            a = edge_attributes(statement)
            yield [a["source"], a["target"], "Directed", a["id"], a["label"], a["predicate"], a["curie"], a["graph"],
                   a["evidence"]]

    return chunked(_csv_rows(rows()))


__all__ = ["FORCE_LAYOUT_LIMIT", "LAYOUTS_KEPT", "LAYOUT_POSITIONS_KEPT", "NETWORK_FORMATS",
           "NODE_LINK_KEYS", "edge_attributes", "edge_quotes", "layout", "node_attributes", "node_size",
           "predicate_label", "type_colour", "write_csv_edges", "write_csv_nodes", "write_cytoscape",
           "write_gexf", "write_graphml", "write_graphology", "write_node_link"]
