"""RDF exports: N-Quads, N-Triples, TriG, Turtle and compact JSON-LD with the project's
``@context``, every one streamed: written as the store's quads are read (graph by graph, subject by
subject), never by building the whole graph in memory first.

A selection that leaves something out keeps the statements whose subject is a selected node,
with an object that is a literal, a type or another selected node, in the selected graphs; the
whole graph is the store's quads as stored, reification and provenance included.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache

from rdflib import BNode, Dataset, Literal, URIRef
from rdflib.term import Node

from evidence_graph.graph.export.formats import ExportSource, Quad, chunked, register_export_format
from evidence_graph.graph.views import GraphViews
from evidence_graph.graph.vocabulary import PREFIXES, RDF, XSD, bind_prefixes

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


_LOCAL_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
#: Namespaces longest first, so an IRI takes the most specific prefix that fits it.
_NAMESPACES = sorted(((str(namespace), prefix) for prefix, namespace in PREFIXES.items()),
                     key=lambda pair: -len(pair[0]))


@lru_cache(maxsize=1 << 16)
def compact_iri(iri: str) -> str | None:
    """``prefix:local`` for an IRI in one of the project's namespaces, or None.

    Only a local name of letters, digits, ``_`` and ``-`` (starting with a letter or ``_``) is
    abbreviated, so the result reads the same in Turtle, TriG and JSON-LD.

    Examples
    --------
    >>> compact_iri("https://schema.org/Person")
    'schema:Person'
    >>> compact_iri("http://127.0.0.1:8000/id/person/ann-lee") is None
    True
    """
    for namespace, prefix in _NAMESPACES:
        if iri.startswith(namespace) and _LOCAL_NAME.fullmatch(iri[len(namespace):]):
            return f"{prefix}:{iri[len(namespace):]}"
    return None


def turtle_term(term: Node) -> str:
    """A term in Turtle syntax: an IRI abbreviated by the project's prefixes where it can be.

    Examples
    --------
    >>> from rdflib import XSD
    >>> turtle_term(URIRef("https://schema.org/name"))
    'schema:name'
    >>> turtle_term(Literal("3", datatype=XSD.integer))
    '"3"^^xsd:integer'
    """
    if isinstance(term, URIRef):
        return compact_iri(str(term)) or f"<{term}>"
    if isinstance(term, Literal) and term.datatype is not None and not term.language:
        return '"' + str(term).translate(_ESCAPES) + '"^^' + turtle_term(term.datatype)
    return nt_term(term)


def _prefix_lines(directive: str = "@prefix") -> Iterator[str]:
    for prefix, namespace in PREFIXES.items():
        yield f"{directive} {prefix}: <{namespace}> .\n"
    yield "\n"


def _subject_runs(quads: Iterable[Quad]) -> Iterator[tuple[Node, Node, list[tuple[Node, Node]]]]:
    """Consecutive statements of one subject in one graph, as ``(graph, subject, [(predicate,
    object), ...])``; the store gives its quads graph by graph and subject by subject, so each run
    is one subject's statements in one graph."""
    key: tuple[Node, Node] | None = None
    run: list[tuple[Node, Node]] = []
    for s, p, o, g in quads:
        if (g, s) != key:
            if key is not None:
                yield key[0], key[1], run
            key, run = (g, s), []
        run.append((p, o))
    if key is not None:
        yield key[0], key[1], run


def _turtle_block(subject: Node, statements: list[tuple[Node, Node]], indent: str = "") -> str:
    objects: dict[Node, list[str]] = {}
    for p, o in statements:
        objects.setdefault(p, []).append(turtle_term(o))
    lines = [f"{'a' if p == RDF.type else turtle_term(p)} {', '.join(values)}" for p, values in objects.items()]
    return f"{indent}{turtle_term(subject)} " + f" ;\n{indent}    ".join(lines) + " .\n\n"


@register_export_format("trig", media_type="application/trig", extension="trig",
                        description="TriG: named graphs in Turtle syntax (streamed)")
def write_trig(source: ExportSource) -> Iterator[str]:
    """One block per named graph, one statement group per subject, in the store's order."""
    def pieces() -> Iterator[str]:
        yield from _prefix_lines()
        graph: Node | None = None
        for g, s, statements in _subject_runs(selected_quads(source)):
            if g != graph:
                if graph is not None:
                    yield "}\n\n"
                graph = g
                yield f"{turtle_term(g)} {{\n"
            yield _turtle_block(s, statements, indent="    ")
        if graph is not None:
            yield "}\n"
    return chunked(pieces())


@register_export_format("turtle", media_type="text/turtle", extension="ttl",
                        description="Turtle: the union of the named graphs (streamed)")
def write_turtle(source: ExportSource) -> Iterator[str]:
    """One statement group per subject and graph; a triple stated in two graphs is written once
    (the writer remembers the triples written, not the graph: far less than a parsed graph)."""
    def pieces() -> Iterator[str]:
        yield from _prefix_lines()
        seen: set[tuple[Node, Node, Node]] = set()
        for _, s, statements in _subject_runs(selected_quads(source)):
            fresh = [(p, o) for p, o in statements if (s, p, o) not in seen]
            seen.update((s, p, o) for p, o in fresh)
            if fresh:
                yield _turtle_block(s, fresh)
    return chunked(pieces())


def _jsonld_id(term: Node) -> str:
    if isinstance(term, BNode):
        return f"_:{term}"
    return compact_iri(str(term)) or str(term)


def _jsonld_value(term: Node) -> object:
    if isinstance(term, Literal):
        if term.language:
            return {"@value": str(term), "@language": term.language}
        if term.datatype is None or term.datatype == XSD.string:
            return str(term)
        return {"@value": str(term), "@type": _jsonld_id(term.datatype)}
    return {"@id": _jsonld_id(term)}


def _jsonld_node(subject: Node, statements: list[tuple[Node, Node]]) -> dict[str, object]:
    node: dict[str, object] = {"@id": _jsonld_id(subject)}
    for p, o in statements:
        if p == RDF.type and not isinstance(o, Literal):
            node.setdefault("@type", []).append(_jsonld_id(o))  # type: ignore[attr-defined]
        else:
            node.setdefault(_jsonld_id(p), []).append(_jsonld_value(o))  # type: ignore[attr-defined]
    return {key: value[0] if isinstance(value, list) and len(value) == 1 else value
            for key, value in node.items()}


@register_export_format("jsonld", media_type="application/ld+json", extension="jsonld",
                        description="compact JSON-LD with the project's @context, named graphs kept (streamed)")
def write_jsonld(source: ExportSource) -> Iterator[str]:
    """Compact JSON-LD: one node object per subject within one object per named graph. The
    ``@context`` is written out, or is ``source.context_url`` when given (the server's
    ``/context.jsonld``), which expands to the same statements."""
    def pieces() -> Iterator[str]:
        context = source.context_url or JSONLD_CONTEXT
        yield '{\n "@context": ' + json.dumps(context, ensure_ascii=False) + ',\n "@graph": ['
        graph: Node | None = None
        first_node = True
        for g, s, statements in _subject_runs(selected_quads(source)):
            if g != graph:
                yield ("\n  ]}," if graph is not None else "") + \
                    '\n  {"@id": ' + json.dumps(_jsonld_id(g), ensure_ascii=False) + ', "@graph": ['
                graph, first_node = g, True
            yield ("\n   " if first_node else ",\n   ") + json.dumps(_jsonld_node(s, statements), ensure_ascii=False)
            first_node = False
        yield ("\n  ]}" if graph is not None else "") + "\n ]\n}\n"
    return chunked(pieces())


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


__all__ = ["JSONLD_CONTEXT", "compact_iri", "node_link", "nt_term", "selected_quads", "serialise", "to_dataset",
           "turtle_term", "write_jsonld", "write_nquads", "write_ntriples", "write_trig", "write_turtle"]
