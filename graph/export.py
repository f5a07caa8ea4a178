"""Exports: TriG, Turtle, N-Quads and JSON-LD of the RDF, and node-link JSON of the view."""

from __future__ import annotations

import json
from collections.abc import Iterable

from rdflib import Dataset, Graph
from rdflib.term import Node

from evidence_graph.graph.views import GraphViews, curie
from evidence_graph.graph.vocabulary import bind_prefixes

FORMATS = ("trig", "turtle", "nquads", "jsonld", "nodelink")


def to_dataset(quads: Iterable[tuple[Node, Node, Node, Node]]) -> Dataset:
    """Collect quads into an rdflib Dataset with the project's prefixes."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for s, p, o, g in quads:
        dataset.graph(g).add((s, p, o))
    return dataset


def node_link(quads: Iterable[tuple[Node, Node, Node, Node]]) -> dict[str, object]:
    """The node-link JSON of the graph: typed nodes and every node-to-node statement.

    Parameters
    ----------
    quads : iterable of (subject, predicate, object, graph)
        E.g. :meth:`graph.store.EvidenceStore.quads`.

    Returns
    -------
    dict
        ``{"nodes": [{"id", "type", "label", "aliases", "key"}],
        "edges": [{"source", "target", "predicate", "graph", "evidence"}]}``; ``predicate`` is a
        CURIE and ``evidence`` lists the quotes (``quote``, ``start``, ``end``, ``passage``).

    Examples
    --------
    >>> from evidence_graph.graph.vocabulary import ID, ORG, RDF, SCHEMA, SKOS
    >>> from rdflib import Literal
    >>> g = ID["graph/registry"]
    >>> data = node_link([(ID["person/a"], RDF.type, SCHEMA.Person, g),
    ...                   (ID["org/b"], RDF.type, ORG.FormalOrganization, g),
    ...                   (ID["person/a"], SKOS.prefLabel, Literal("Ann Lee"), g),
    ...                   (ID["person/a"], ORG.memberOf, ID["org/b"], g)])
    >>> [(n["type"], n["label"]) for n in data["nodes"]]
    [('Organisation', 'org/b'), ('Person', 'Ann Lee')]
    >>> data["edges"][0]["predicate"]
    'org:memberOf'
    """
    views = GraphViews(quads)
    nodes = [{"id": iri, "type": record.type, "label": record.label, "aliases": record.aliases,
              "key": record.key} for iri, record in sorted(views.nodes.items())]
    edges = [{"source": st.subject, "target": st.object, "predicate": curie(st.predicate), "graph": st.graph,
              "evidence": [{"quote": e.quote, "start": e.start, "end": e.end, "passage": e.passage}
                           for e in st.evidence]}
             for st in sorted(views.statements.values(), key=lambda st: (st.subject, st.predicate, st.object, st.graph))
             if st.object_is_node and st.object in views.nodes]
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
