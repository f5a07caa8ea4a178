"""Checks a document graph must pass before it is stored: IRIs Oxigraph accepts, SHACL
shapes, and quotes that re-anchor (every ``oa:exact`` equals ``text[start:end]`` of the stored
document). A derived fact that fails its shape is dropped (:func:`conform`), not the document.
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from evidence_graph.graph.vocabulary import OA, RDF, SHAPES_FILE


class ValidationError(Exception):
    """A graph failed a check; the message names the document and the first failures."""


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


_SH = "http://www.w3.org/ns/shacl#"


def _violations(data: Graph) -> list[tuple[Node | None, str]]:
    """Every SHACL result over ``data``: its focus node and a one-line message."""
    from pyshacl import validate

    # inplace: with no inference nothing is added, so the copy pyshacl would make is wasted.
    conforms, report, _ = validate(data, shacl_graph=_shapes(), inference="none", advanced=True, inplace=True)
    if conforms:
        return []
    found = []
    for result in report.subjects(URIRef(f"{_SH}resultSeverity"), None):
        focus = report.value(result, URIRef(f"{_SH}focusNode"))
        path = report.value(result, URIRef(f"{_SH}resultPath"))
        message = report.value(result, URIRef(f"{_SH}resultMessage"))
        found.append((focus, f"{focus} {path or ''}: {message}"))
    return found


def shacl_failures(data: Graph, limit: int = 5) -> list[str]:
    """Run the SHACL shapes over ``data``; return up to ``limit`` failure messages.

    Parameters
    ----------
    data : rdflib.Graph
        A document graph together with the registry graph it refers to.
    limit : int
        How many messages to keep.

    Returns
    -------
    list of str
        Empty when the graph conforms.
    """
    return sorted(message for _, message in _violations(data))[:limit]


def invalid_iris(graph: Graph, limit: int = 5) -> list[str]:
    """IRIs of ``graph`` that Oxigraph would refuse (rdflib's ``URIRef`` accepts any text).

    Examples
    --------
    >>> g = Graph()
    >>> _ = g.add((URIRef("urn:x:a"), URIRef("urn:x:p"), URIRef("urn:x:30 January")))
    >>> invalid_iris(g)
    ["'urn:x:30 January' is not a valid IRI"]
    """
    from pyoxigraph import NamedNode

    seen: set[str] = set()
    failures = []
    for triple in graph:
        for term in triple:
            if isinstance(term, URIRef) and term not in seen:
                seen.add(term)
                try:
                    NamedNode(str(term))
                except ValueError:
                    failures.append(f"{str(term)!r} is not a valid IRI")
                    if len(failures) >= limit:
                        return failures
    return failures


def conform(assertions: Graph, context: Graph, rounds: int = 4) -> tuple[list[tuple[Node | None, str]], list[str]]:
    """Drop from ``assertions`` the derived facts that fail their shapes, so the rest can load.

    A node that fails a shape (a claim with neither author nor subject, say) is dropped with
    every triple that names it, and with the statements quoting those triples; a literal that
    is not of its datatype ("TBC" as an ``xsd:date``) is dropped with its triple. Shapes are
    then checked again, since a drop can leave another node incomplete.

    Parameters
    ----------
    assertions : rdflib.Graph
        A document's assertion graph; changed in place.
    context : rdflib.Graph
        The registry entities it refers to (checked with it, never changed: the document's
        facts that fail are dropped, the registry's stay and keep the document out).
    rounds : int
        How many times to drop and check again before giving up.

    Returns
    -------
    tuple of (list, list of str)
        ``(node, message)`` per dropped fact (node None when one triple went, not a node), and
        the failures that remain (then the document cannot be stored: dropping did not make
        it conform).

    Examples
    --------
    >>> from evidence_graph.graph.vocabulary import SCHEMA, RDF
    >>> from rdflib import Literal
    >>> g = Graph()
    >>> claim, passage = URIRef("urn:x:claim"), URIRef("urn:x:passage")
    >>> for t in [(claim, RDF.type, SCHEMA.Claim), (claim, SCHEMA.text, Literal("£5m")),
    ...           (claim, SCHEMA.appearance, passage), (passage, SCHEMA.text, Literal("£5m"))]:
    ...     _ = g.add(t)
    >>> dropped, left = conform(g, Graph())
    >>> len(dropped), left, len(g)
    (1, [], 1)
    """
    dropped: list[tuple[Node | None, str]] = []
    for triple in [t for t in assertions if isinstance(t[2], Literal) and t[2].ill_typed]:
        _drop_triple(assertions, triple)
        dropped.append((None, f"{triple[0]} {triple[1]}: {str(triple[2])!r} is not a valid {triple[2].datatype}"))
    # One union graph, dropped from alongside the document (copying it each round costs more
    # than the check itself).
    data = Graph()
    for graph in (context, assertions):
        for triple in graph:
            data.add(triple)
    for _ in range(rounds):
        violations = _violations(data)
        if not violations:
            return dropped, []
        before = len(assertions)
        for focus, message in sorted(violations, key=lambda v: v[1]):
            if focus is not None and (focus, None, None) in assertions:
                kinds = ", ".join(sorted(assertions.namespace_manager.normalizeUri(t)
                                         for t in assertions.objects(focus, RDF.type)))
                for graph in (assertions, data):
                    _drop_node(graph, focus)
                detail = message.split(": ", 1)[-1]
                dropped.append((focus, f"{focus} ({kinds or 'untyped'}): "
                                       + (detail if len(detail) <= 160 else detail[:157] + "...")))
        if len(assertions) == before:
            break
    return dropped, shacl_failures(data)


def _drop_triple(graph: Graph, triple: tuple[Node, Node, Node]) -> None:
    """Remove a triple and the ``rdf:Statement`` nodes that quote it."""
    s, p, o = triple
    graph.remove(triple)
    for statement in set(graph.subjects(RDF.subject, s)):
        if (statement, RDF.predicate, p) in graph and (statement, RDF.object, o) in graph:
            graph.remove((statement, None, None))


def _drop_node(graph: Graph, node: Node) -> None:
    """Remove every triple naming ``node``, the statements about it, and quotes left unused."""
    statements = set(graph.subjects(RDF.subject, node)) | set(graph.subjects(RDF.object, node))
    for statement in statements:
        graph.remove((statement, None, None))
    graph.remove((node, None, None))
    graph.remove((None, None, node))
    for segment in set(graph.subjects(RDF.type, OA.SpecificResource)):
        if (None, None, segment) not in graph:
            for selector in set(graph.objects(segment, OA.hasSelector)):
                graph.remove((selector, None, None))
            graph.remove((segment, None, None))


def quote_failures(graph: Graph, text: str, limit: int = 5) -> list[str]:
    """Quotes that do not re-anchor in ``text``.

    Every segment's TextQuoteSelector ``oa:exact`` must equal ``text[start:end]`` for its
    TextPositionSelector (offsets in Python code points).

    Examples
    --------
    >>> from rdflib import Literal, Namespace
    >>> ex = Namespace("urn:x:")
    >>> g = Graph()
    >>> for t in [(ex.s, OA.hasSelector, ex.q), (ex.s, OA.hasSelector, ex.p),
    ...           (ex.q, OA.exact, Literal("bc")), (ex.p, OA.start, Literal(1)), (ex.p, OA.end, Literal(3))]:
    ...     _ = g.add(t)
    >>> quote_failures(g, "abcd"), quote_failures(g, "abxd")
    ([], ["urn:x:s: quote 'bc' but text[1:3] is 'bx'"])
    """
    failures = []
    for segment in set(graph.subjects(OA.hasSelector, None)):
        exact, start, end = None, None, None
        for selector in graph.objects(segment, OA.hasSelector):
            exact = graph.value(selector, OA.exact) or exact
            start = graph.value(selector, OA.start) if graph.value(selector, OA.start) is not None else start
            end = graph.value(selector, OA.end) if graph.value(selector, OA.end) is not None else end
        if exact is None or start is None or end is None:
            failures.append(f"{segment}: missing quote or position selector")
            continue
        actual = text[int(start):int(end)]
        if str(exact) != actual:
            failures.append(f"{segment}: quote {str(exact)!r} but text[{start}:{end}] is {actual!r}")
        if len(failures) >= limit:
            break
    return failures
