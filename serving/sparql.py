"""``/sparql``: a read-only SPARQL 1.1 Protocol endpoint over the served store.

- ``GET /sparql?query=…``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=…``) or with
  ``application/sparql-query`` (the query as the body); ``default-graph-uri`` and
  ``named-graph-uri`` as the protocol defines them.
- SELECT and ASK answer in SPARQL JSON (default), XML, CSV or TSV; CONSTRUCT and DESCRIBE in
  Turtle (default), N-Triples, JSON-LD or RDF/XML; by ``Accept``, or by a ``format`` parameter
  (``json``, ``xml``, ``csv``, ``tsv``, ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``) for links.
- Updates (``update=``, ``application/sparql-update``, or an update as the query) are refused
  with 403; a query that does not parse gets 400 with the parser's message.
- Each query runs in a process of its own (:func:`graph.sparql.query_in_process`), stopped after
  ``ServerSettings.sparql_seconds`` (503); an answer holds at most ``sparql_max_rows`` rows or
  triples, and says when it was cut (``X-SPARQL-MaxRows``).
- ``GET /sparql`` with no query is the service description (SPARQL 1.1 Service Description) in
  Turtle.
"""

from __future__ import annotations

import urllib.parse
from collections.abc import Callable
from pathlib import Path

import anyio
from rdflib import BNode, Graph, Literal, URIRef, Variable
from rdflib.query import Result
from starlette.requests import Request
from starlette.responses import Response

from evidence_graph.graph.export.rdf import nt_term
from evidence_graph.graph.sparql import SparqlAnswer, SparqlQueryError, SparqlTimeout, Term, query_in_process
from evidence_graph.serving.http_errors import refusal_response
from evidence_graph.serving.media_types import requested_type, with_charset

#: Media types of SELECT and ASK answers, by rdflib result serialiser; the first is the default.
RESULT_TYPES = {"application/sparql-results+json": "json", "application/sparql-results+xml": "xml",
                "text/csv": "csv", "text/tab-separated-values": "tsv", "application/json": "json",
                "application/xml": "xml"}
#: Media types of CONSTRUCT and DESCRIBE answers, by rdflib graph serialiser.
GRAPH_TYPES = {"text/turtle": "turtle", "application/n-triples": "nt", "application/ld+json": "json-ld",
               "application/rdf+xml": "xml", "text/plain": "nt"}
#: The ``format`` parameter's names.
FORMAT_NAMES = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
                "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle",
                "ntriples": "application/n-triples", "jsonld": "application/ld+json",
                "rdfxml": "application/rdf+xml"}
#: The body of a POSTed query, at most (bytes).
MAX_QUERY_BYTES = 100_000



def _rdflib(term: Term) -> URIRef | BNode | Literal:
    kind, value, language, datatype = term
    if kind == "uri":
        return URIRef(value)
    if kind == "bnode":
        return BNode(value)
    return Literal(value, lang=language, datatype=None if language else URIRef(datatype) if datatype else None)


def serialise_answer(answer: SparqlAnswer, media_type: str) -> bytes:
    """An answer in a negotiated media type (one of :data:`RESULT_TYPES` or :data:`GRAPH_TYPES`).

    Examples
    --------
    >>> answer = SparqlAnswer("select", variables=["n"], rows=[[("literal", "2", None, None)]])
    >>> print(serialise_answer(answer, "text/csv").decode().strip())
    n
    2
    """
    if answer.kind == "graph":
        graph = Graph()
        for s, p, o in answer.triples:
            graph.add((_rdflib(s), _rdflib(p), _rdflib(o)))  # type: ignore[arg-type]
        return graph.serialize(format=GRAPH_TYPES[media_type], encoding="utf-8")
    result = Result("ASK" if answer.kind == "ask" else "SELECT")
    if answer.kind == "ask":
        result.askAnswer = bool(answer.boolean)
    else:
        variables = [Variable(v) for v in answer.variables]
        result.vars = variables
        result.bindings = [{v: _rdflib(t) for v, t in zip(variables, row, strict=True) if t is not None}
                           for row in answer.rows]
    if RESULT_TYPES[media_type] == "tsv" and answer.kind == "select":
        return _tsv(answer)
    return result.serialize(format=RESULT_TYPES[media_type], encoding="utf-8")  # type: ignore[return-value]


def _tsv(answer: SparqlAnswer) -> bytes:
    """SPARQL 1.1 TSV (rdflib reads it but does not write it): ``?name`` headers, terms as in Turtle."""
    lines = ["\t".join(f"?{v}" for v in answer.variables)]
    lines += ["\t".join("" if t is None else nt_term(_rdflib(t)) for t in row) for row in answer.rows]
    return ("\n".join(lines) + "\n").encode("utf-8")


def service_description(endpoint: str) -> str:
    """The endpoint described in Turtle (SPARQL 1.1 Service Description)."""
    formats = ", ".join(f"<http://www.w3.org/ns/formats/{name}>" for name in
                       ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                        "Turtle", "N-Triples", "JSON-LD", "RDF_XML"))
    return (f"@prefix sd: <http://www.w3.org/ns/sparql-service-description#> .\n"
            f"<{endpoint}> a sd:Service ;\n"
            f"  sd:endpoint <{endpoint}> ;\n"
            f"  sd:supportedLanguage sd:SPARQL11Query ;\n"
            f"  sd:feature sd:UnionDefaultGraph ;\n"
            f"  sd:resultFormat {formats} .\n")


async def _read_request(request: Request) -> tuple[dict[str, list[str]], str | None]:
    """The protocol's parameters, and the query if the body is one (``application/sparql-query``)."""
    params: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        params.setdefault(key, []).append(value)
    if request.method != "POST":
        return params, None
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    body = await request.body()
    if len(body) > MAX_QUERY_BYTES:
        raise ValueError(f"the request body is over {MAX_QUERY_BYTES:,} bytes")
    if media == "application/sparql-update":
        params.setdefault("update", []).append(body.decode("utf-8", "replace"))
        return params, None
    if media == "application/sparql-query":
        return params, body.decode("utf-8")
    if media == "application/x-www-form-urlencoded":
        for key, value in urllib.parse.parse_qsl(body.decode("utf-8"), keep_blank_values=True):
            params.setdefault(key, []).append(value)
        return params, None
    raise ValueError(f"a SPARQL POST body is application/sparql-query or application/x-www-form-urlencoded, "
                     f"not {media or 'untyped'}")


def sparql_route(store: Path | None, *, seconds: float, max_rows: int) -> Callable[[Request], object]:
    """The handler of ``/sparql`` over ``store`` (None: the server holds no store; 501).

    Parameters
    ----------
    store : Path, optional
        The store the server reads.
    seconds : float
        A query's time limit.
    max_rows : int
        Rows (or triples) an answer holds at most.
    """
    async def sparql(request: Request) -> Response:
        if request.method not in ("GET", "POST"):
            return refusal_response(405, "use GET or POST for /sparql")
        try:
            params, body_query = await _read_request(request)
        except (ValueError, UnicodeDecodeError) as error:
            return refusal_response(415 if "not " in str(error) else 400, str(error))
        if "update" in params:
            return refusal_response(403, "this endpoint is read-only: SPARQL updates are refused", "FORBIDDEN")
        queries = params.get("query", []) + ([body_query] if body_query is not None else [])
        if not queries:
            if request.method == "GET":
                return Response(service_description(str(request.url_for("sparql"))), media_type="text/turtle")
            return refusal_response(400, "no query: send query=… or an application/sparql-query body")
        if len(queries) > 1:
            return refusal_response(400, "send one query, not several")
        if store is None:
            return refusal_response(501, "this server was started without a store: /sparql has nothing to query",
                           "NOT_IMPLEMENTED")
        try:
            answer = await anyio.to_thread.run_sync(lambda: query_in_process(
                store, queries[0], max_rows=max_rows, seconds=seconds,
                default_graphs=params.get("default-graph-uri"), named_graphs=params.get("named-graph-uri")))
        except SparqlQueryError as error:
            status = 403 if "read-only" in str(error) else 400
            return refusal_response(status, str(error), "FORBIDDEN" if status == 403 else None)
        except SparqlTimeout as error:
            return refusal_response(503, str(error), "QUERY_TIMEOUT")
        offers = list(GRAPH_TYPES if answer.kind == "graph" else RESULT_TYPES)
        named = params.get("format", [None])[-1]
        media_type = requested_type(named, request.headers.get("accept"), offers, FORMAT_NAMES)
        if media_type is None and named is not None:
            return refusal_response(400, f"format {named!r} does not fit a {answer.kind} answer; use "
                                f"{', '.join(n for n, m in FORMAT_NAMES.items() if m in offers)}")
        if media_type is None:
            return refusal_response(406, f"this answer can be sent as {', '.join(offers)}")
        headers = {"vary": "accept"}
        if answer.truncated:
            headers["x-sparql-maxrows"] = str(max_rows)
        body = await anyio.to_thread.run_sync(serialise_answer, answer, media_type)
        return Response(body, headers=headers, media_type=with_charset(media_type))

    return sparql


__all__ = ["GRAPH_TYPES", "RESULT_TYPES", "serialise_answer", "service_description", "sparql_route"]
