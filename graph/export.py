"""Exports: TriG, Turtle, N-Quads and JSON-LD of the RDF, and node-link JSON of the view."""

from __future__ import annotations

import json
from collections.abc import Iterable

from rdflib import Dataset, Graph
from rdflib.term import Node

from graph.projection import project
from graph.vocabulary import bind_prefixes

FORMATS = ("trig", "turtle", "nquads", "jsonld", "nodelink")


def to_dataset(quads: Iterable[tuple[Node, Node, Node, Node]]) -> Dataset:
    """Collect quads into an rdflib Dataset with the project's prefixes."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for s, p, o, g in quads:
        dataset.graph(g).add((s, p, o))
    return dataset


def node_link(quads: Iterable[tuple[Node, Node, Node, Node]]) -> dict[str, object]:
    """The node-link JSON of the networkx view.

    Returns
    -------
    dict
        ``{"nodes": [{"id", "type", "label", "aliases", "key"}],
        "edges": [{"source", "target", "predicate", "graphs", "evidence"}]}``.
    """
    graph = project(quads)
    nodes = [{"id": node, **data} for node, data in sorted(graph.nodes(data=True))]
    edges = [{"source": s, "target": t, **data}
             for s, t, _, data in sorted(graph.edges(keys=True, data=True), key=lambda e: e[:3])]
    return {"directed": True, "multigraph": True, "nodes": nodes, "edges": edges}


def serialise(quads: Iterable[tuple[Node, Node, Node, Node]], fmt: str) -> str:
    """Serialise quads in one of :data:`FORMATS`.

    Turtle has no named graphs, so the Turtle export is the union of all graphs.

    Raises
    ------
    ValueError
        For an unknown format.
    """
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if fmt == "nodelink":
        return json.dumps(node_link(quads), ensure_ascii=False, indent=1)
    quads = list(quads)
    if fmt == "turtle":
        union = bind_prefixes(Graph())
        for s, p, o, _ in quads:
            union.add((s, p, o))
        return union.serialize(format="turtle")
    dataset = to_dataset(quads)
    if fmt == "jsonld":
        return dataset.serialize(format="json-ld", indent=1)
    return dataset.serialize(format=fmt)
