"""Read-only SPARQL 1.1 queries over a store, run in a process of their own so that a query that
runs too long can be stopped (Oxigraph's evaluator cannot be interrupted from inside a process).

:func:`run_query` evaluates one query on a read-only handle of the store and returns at most
``max_rows`` solutions (or triples) as plain, picklable values; :func:`query_in_process` runs it in a
fresh ``python -m evidence_graph.graph.sparql`` process with a deadline. The default graph is the
union of the evidence's named graphs (every statement lives in a document's, its provenance's or
the registry's graph), unless the request names its default graphs; the store's own bookkeeping
(its metadata and the resolver's memory) is never queried.
"""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox

_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
#: A term as the worker sends it: (kind, value, language, datatype), kind one of uri, bnode, literal.
Term = tuple[str, str, str | None, str | None]


class SparqlQueryError(ValueError):
    """A query that cannot be run: a syntax error, an update, or a graph name that is not an IRI."""


class SparqlTimeout(RuntimeError):
    """A query still running at its deadline (its process was stopped)."""


@dataclass
class SparqlAnswer:
    """What a query gave: ``kind`` is ``select``, ``ask`` or ``graph`` (CONSTRUCT, DESCRIBE).

    ``rows`` holds a SELECT's solutions (one term or None per variable), ``triples`` a graph
    query's triples, ``boolean`` an ASK's answer; ``truncated`` says more were left out than
    ``max_rows`` allowed.
    """

    kind: str
    variables: list[str] = field(default_factory=list)
    rows: list[list[Term | None]] = field(default_factory=list)
    triples: list[tuple[Term, Term, Term]] = field(default_factory=list)
    boolean: bool | None = None
    truncated: bool = False


def _term(term: Any) -> Term:
    if isinstance(term, ox.NamedNode):
        return ("uri", term.value, None, None)
    if isinstance(term, ox.BlankNode):
        return ("bnode", term.value, None, None)
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value
        # A plain literal is an xsd:string (RDF 1.1); results leave the datatype unsaid, as stored.
        return ("literal", term.value, term.language, None if term.language or datatype == _XSD_STRING else datatype)
    raise SparqlQueryError(f"an answer holds a term SPARQL results cannot carry: {term!r}")


def run_query(store: ox.Store, query: str, max_rows: int, default_graphs: list[str] | None = None,
              named_graphs: list[str] | None = None) -> SparqlAnswer:
    """Evaluate a SPARQL query and keep at most ``max_rows`` of its answers.

    Parameters
    ----------
    store : pyoxigraph.Store
        The store (opened read-only by the caller).
    query : str
        A SELECT, ASK, CONSTRUCT or DESCRIBE query. Updates are refused.
    max_rows : int
        Solutions or triples kept; the answer says when more were left out.
    default_graphs, named_graphs : list of str, optional
        The protocol's ``default-graph-uri`` and ``named-graph-uri``. Without default graphs, the
        default graph is the union of all named graphs.

    Returns
    -------
    SparqlAnswer

    Raises
    ------
    SparqlQueryError
        The query does not parse, or is an update.

    Examples
    --------
    >>> store = ox.Store()
    >>> g = ox.NamedNode("http://example.org/g")
    >>> store.add(ox.Quad(ox.NamedNode("http://example.org/a"), ox.NamedNode("http://example.org/p"),
    ...                   ox.Literal("x", language="en"), g))
    >>> run_query(store, "SELECT ?o WHERE { ?s ?p ?o }", 10).rows
    [[('literal', 'x', 'en', None)]]
    >>> run_query(store, "INSERT DATA { <a:b> <a:c> <a:d> }", 10)
    Traceback (most recent call last):
    ...
    evidence_graph.graph.sparql.SparqlQueryError: this endpoint is read-only: updates are refused
    """
    options: dict[str, Any] = {}
    try:
        if default_graphs:
            options["default_graph"] = [ox.NamedNode(iri) for iri in default_graphs]
        else:
            options["use_default_graph_as_union"] = True
        if named_graphs:
            options["named_graphs"] = [ox.NamedNode(iri) for iri in named_graphs]
    except ValueError as error:
        raise SparqlQueryError(f"a graph name is not an IRI: {error}") from None
    try:
        results = store.query(query, **options)
    except SyntaxError as error:
        if _is_update(query):
            raise SparqlQueryError("this endpoint is read-only: updates are refused") from None
        raise SparqlQueryError(f"the query does not parse: {error}") from None
    if isinstance(results, ox.QueryBoolean):
        return SparqlAnswer("ask", boolean=bool(results))
    if isinstance(results, ox.QuerySolutions):
        answer = SparqlAnswer("select", variables=[v.value for v in results.variables])
        for solution in results:
            if len(answer.rows) == max_rows:
                answer.truncated = True
                break
            answer.rows.append([None if solution[v] is None else _term(solution[v]) for v in answer.variables])
        return answer
    answer = SparqlAnswer("graph")
    for triple in results:
        if len(answer.triples) == max_rows:
            answer.truncated = True
            break
        answer.triples.append((_term(triple.subject), _term(triple.predicate), _term(triple.object)))
    return answer


def _is_update(query: str) -> bool:
    try:
        ox.Store().update(query)  # parsed against an empty store of its own: nothing is changed
    except (SyntaxError, OSError, ValueError):
        return False
    return True


def query_in_process(store: Path, query: str, *, max_rows: int, seconds: float,
                     default_graphs: list[str] | None = None,
                     named_graphs: list[str] | None = None) -> SparqlAnswer:
    """:func:`run_query` on a read-only handle of ``store`` in a process of its own, stopped after
    ``seconds``.

    Raises
    ------
    SparqlQueryError
        The query was refused (its message says why).
    SparqlTimeout
        It ran longer than ``seconds``.
    """
    request = json.dumps({"store": str(store), "query": query, "max_rows": max_rows,
                          "default_graphs": default_graphs, "named_graphs": named_graphs})
    try:
        done = subprocess.run([sys.executable, "-m", "evidence_graph.graph.sparql"], input=request,
                              capture_output=True, text=True, timeout=seconds)
    except subprocess.TimeoutExpired:
        raise SparqlTimeout(f"the query ran longer than {seconds:g} s and was stopped") from None
    if done.returncode != 0:
        raise RuntimeError(f"the SPARQL worker failed: {done.stderr.strip()[-500:]}")
    reply = json.loads(done.stdout)
    if "error" in reply:
        raise SparqlQueryError(reply["error"])
    return SparqlAnswer(reply["kind"], variables=reply["variables"],
                        rows=[[None if t is None else tuple(t) for t in row] for row in reply["rows"]],  # type: ignore[misc]
                        triples=[tuple(tuple(t) for t in triple) for triple in reply["triples"]],  # type: ignore[misc]
                        boolean=reply["boolean"], truncated=reply["truncated"])


def _serve_one() -> None:
    """The worker: one JSON request on standard input, one JSON answer on standard output."""
    from evidence_graph.graph.store import EvidenceStore

    request = json.loads(sys.stdin.read())
    with EvidenceStore(Path(request["store"]), read_only=True) as opened:
        # The store's own bookkeeping (its metadata and the resolver's memory) is not evidence.
        visible = opened.graph_names()
        shown = set(visible)
        default_graphs = [g for g in request["default_graphs"] or visible if g in shown] or visible
        named_graphs = [g for g in request["named_graphs"] or visible if g in shown] or visible
        try:
            answer = run_query(opened.oxigraph, request["query"], request["max_rows"], default_graphs, named_graphs)
        except SparqlQueryError as error:
            sys.stdout.write(json.dumps({"error": str(error)}))
            return
    sys.stdout.write(json.dumps(answer.__dict__))


if __name__ == "__main__":
    _serve_one()


__all__ = ["SparqlAnswer", "SparqlQueryError", "SparqlTimeout", "query_in_process", "run_query"]
