"""RDF exports: N-Quads and N-Triples (streamed quad by quad), TriG, Turtle and compact JSON-LD
with the project's ``@context`` (written by rdflib, which holds the graph in memory first).

A selection that leaves something out keeps the statements whose subject is a selected node,
with an object that is a literal, a type or another selected node, in the selected graphs; the
whole graph is the store's quads as stored, reification and provenance included.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from evidence_graph.graph.export.formats import ExportSource, Quad, chunked, register_export_format
from evidence_graph.graph.views import GraphViews
from evidence_graph.graph.vocabulary import PREFIXES, RDF, bind_prefixes

#: The ``@context`` of the JSON-LD export, also published by the server at ``/context.jsonld``.
JSONLD_CONTEXT: dict[str, str] = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}


def to_dataset(quads: Iterable[Quad]) -> Dataset:
    """Collect quads into an rdflib Dataset with the project's prefixes."""
    dataset = Dataset()
    bind_prefixes(dataset)
    for s, p, o, g in quads:
        dataset.graph(g).add((s, p, o))
    return dataset


def selected_quads(source: ExportSource) -> Iterator[Quad]:
    """The quads of a source's selection (all of them when the selection is the whole graph)."""
    if source.selection.whole:
        yield from source.quads()
        return
    subgraph = source.subgraph
    nodes = set(subgraph.nodes)
    graphs, predicates = subgraph.graphs, subgraph.predicates
    for s, p, o, g in source.quads():
        if str(s) not in nodes or (graphs is not None and str(g) not in graphs):
            continue
        linked = str(o) in nodes and (predicates is None or str(p) in predicates)
        if isinstance(o, Literal) or p == RDF.type or linked:
            yield s, p, o, g


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})


def nt_term(term: Node) -> str:
    """A term in N-Triples syntax.

    Examples
    --------
    >>> nt_term(Literal('say "hi"\\n', lang="en"))
    '"say \\\\"hi\\\\"\\\\n"@en'
    >>> nt_term(URIRef("https://schema.org/name"))
    '<https://schema.org/name>'
    """
    if isinstance(term, URIRef):
        return f"<{term}>"
    if isinstance(term, BNode):
        return f"_:{term}"
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype is not None:
            return f"{text}^^<{term.datatype}>"
        return text
    raise ValueError(f"not an RDF term: {term!r}")


@register_export_format("nquads", media_type="application/n-quads", extension="nq",
                        description="N-Quads: every statement with its named graph (streamed)")
def write_nquads(source: ExportSource) -> Iterator[str]:
    """One line per quad, in the store's order."""
    return chunked(f"{nt_term(s)} {nt_term(p)} {nt_term(o)} {nt_term(g)} .\n" for s, p, o, g in selected_quads(source))


@register_export_format("ntriples", media_type="application/n-triples", extension="nt",
                        description="N-Triples: the union of the named graphs (streamed)")
def write_ntriples(source: ExportSource) -> Iterator[str]:
    """One line per distinct triple; a triple stated in two graphs is written once."""
    def lines() -> Iterator[str]:
        seen: set[tuple[Node, Node, Node]] = set()
        for s, p, o, _ in selected_quads(source):
            if (s, p, o) not in seen:
                seen.add((s, p, o))
                yield f"{nt_term(s)} {nt_term(p)} {nt_term(o)} .\n"
    return chunked(lines())


@register_export_format("trig", media_type="application/trig", extension="trig",
                        description="TriG: named graphs in Turtle syntax")
def write_trig(source: ExportSource) -> Iterator[str]:
    yield to_dataset(selected_quads(source)).serialize(format="trig")


@register_export_format("turtle", media_type="text/turtle", extension="ttl",
                        description="Turtle: the union of the named graphs")
def write_turtle(source: ExportSource) -> Iterator[str]:
    union = bind_prefixes(Graph())
    for s, p, o, _ in selected_quads(source):
        union.add((s, p, o))
    yield union.serialize(format="turtle")


@register_export_format("jsonld", media_type="application/ld+json", extension="jsonld",
                        description="compact JSON-LD with the project's @context (named graphs kept)")
def write_jsonld(source: ExportSource) -> Iterator[str]:
    """Compact JSON-LD; the ``@context`` is written out, or is ``source.context_url`` when given
    (the server's ``/context.jsonld``), which expands to the same statements."""
    text = to_dataset(selected_quads(source)).serialize(format="json-ld", context=JSONLD_CONTEXT,
                                                         auto_compact=True, indent=1)
    if source.context_url:
        document = json.loads(text)
        if isinstance(document, dict):
            document["@context"] = source.context_url
        text = json.dumps(document, ensure_ascii=False, indent=1)
    yield text


def serialise(quads: Iterable[Quad], fmt: str) -> str:
    """Serialise quads in one of the export formats, whole.

    Raises
    ------
    ValueError
        For an unknown format.

    Examples
    --------
    >>> from evidence_graph.graph.vocabulary import ID, SCHEMA
    >>> print(serialise([(ID["person/a"], RDF.type, SCHEMA.Person, ID["graph/registry"])], "nquads"), end="")
    <http://127.0.0.1:8000/id/person/a> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \
<https://schema.org/Person> <http://127.0.0.1:8000/id/graph/registry> .
    """
    from evidence_graph.graph.export.formats import export_format

    found = export_format(fmt)
    stored = list(quads)
    return "".join(found.write(ExportSource(quads=lambda: stored)))


def node_link(quads: Iterable[Quad]) -> dict[str, object]:
    """The node-link JSON of the graph as a dict (see the ``nodelink`` format).

    Examples
    --------
    >>> from evidence_graph.graph.vocabulary import ID, ORG, SCHEMA, SKOS
    >>> g = ID["graph/registry"]
    >>> data = node_link([(ID["person/a"], RDF.type, SCHEMA.Person, g),
    ...                   (ID["org/b"], RDF.type, ORG.FormalOrganization, g),
    ...                   (ID["person/a"], SKOS.prefLabel, Literal("Ann Lee"), g),
    ...                   (ID["person/a"], ORG.memberOf, ID["org/b"], g)])
    >>> [(n["type"], n["label"]) for n in data["nodes"]]
    [('Organisation', 'org/b'), ('Person', 'Ann Lee')]
    >>> data["edges"][0]["curie"], data["edges"][0]["label"]
    ('org:memberOf', 'member of')
    """
    from evidence_graph.graph.export.network import write_node_link

    views = GraphViews(quads)
    return json.loads("".join(write_node_link(ExportSource(views=views))))  # type: ignore[no-any-return]


__all__ = ["JSONLD_CONTEXT", "node_link", "nt_term", "selected_quads", "serialise", "to_dataset",
           "write_jsonld", "write_nquads", "write_ntriples", "write_trig", "write_turtle"]
