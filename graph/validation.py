"""Checks a document graph must pass before it is stored: SHACL shapes, and quotes that
re-anchor (every ``oa:exact`` equals ``text[start:end]`` of the stored document).
"""

from __future__ import annotations

from functools import cache

from rdflib import Graph, URIRef

from graph.vocabulary import OA, SHAPES_FILE


class ValidationError(Exception):
    """A graph failed a check; the message names the document and the first failures."""


@cache
def _shapes() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


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
    from pyshacl import validate

    # inplace: with no inference nothing is added, so the copy pyshacl would make is wasted.
    conforms, report, _ = validate(data, shacl_graph=_shapes(), inference="none", advanced=True, inplace=True)
    if conforms:
        return []
    sh = URIRef("http://www.w3.org/ns/shacl#")
    messages = []
    for result in report.subjects(URIRef(f"{sh}resultSeverity"), None):
        focus = report.value(result, URIRef(f"{sh}focusNode"))
        path = report.value(result, URIRef(f"{sh}resultPath"))
        message = report.value(result, URIRef(f"{sh}resultMessage"))
        messages.append(f"{focus} {path or ''}: {message}")
    return sorted(messages)[:limit]


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
