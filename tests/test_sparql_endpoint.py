"""``/sparql`` on the live CLI server as a SPARQL client uses it: GET, form POST and
``application/sparql-query`` POST; results in JSON, XML, CSV and TSV read back by rdflib's and
the standard library's parsers; CONSTRUCT and DESCRIBE in RDF formats; updates refused; and, on a
server of its own started with a 2 s limit and 5 rows, a query stopped at its deadline and an
answer cut at the row cap."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
import rdflib
from rdflib.query import Result

from tests.conftest import LiveServer, serving

KCC = "http://127.0.0.1:8000/id/org/gb-lae-ken"
PEOPLE = "SELECT ?person ?name WHERE { ?person a <https://schema.org/Person> ; " \
         "<http://www.w3.org/2004/02/skos/core#prefLabel> ?name }"


def ask(server: LiveServer, query: str, accept: str = "", method: str = "GET",
        **extra: str) -> tuple[int, dict[str, str], bytes]:
    headers = {"accept": accept} if accept else {}
    params = urllib.parse.urlencode({"query": query, **extra})
    if method == "GET":
        return server.get(f"/sparql?{params}", headers)
    if method == "FORM":
        return server.request("POST", "/sparql", params.encode(),
                              {**headers, "content-type": "application/x-www-form-urlencoded"})
    return server.request("POST", "/sparql", query.encode(), {**headers, "content-type": "application/sparql-query"})


@pytest.mark.parametrize("method", ["GET", "FORM", "BODY"])
def test_select_in_json_by_each_method(live_server: LiveServer, method: str) -> None:
    status, headers, body = ask(live_server, PEOPLE, "application/sparql-results+json", method)
    assert status == 200, body
    assert headers["content-type"].startswith("application/sparql-results+json")
    result = Result.parse(io.BytesIO(body), format="json")
    names = {str(row["name"]) for row in result}
    assert len(names) == live_server.graphql("{ people { totalCount } }")["data"]["people"]["totalCount"]


def test_results_in_xml_csv_tsv_agree(live_server: LiveServer) -> None:
    answers = {}
    for accept, fmt in (("application/sparql-results+xml", "xml"), ("text/tab-separated-values", "tsv")):
        status, headers, body = ask(live_server, PEOPLE, accept)
        assert status == 200 and headers["content-type"].startswith(accept)
        answers[fmt] = {(str(r["person"]), str(r["name"])) for r in Result.parse(io.BytesIO(body), format=fmt)}
    status, headers, body = ask(live_server, PEOPLE, "text/csv")
    assert headers["content-type"].startswith("text/csv")
    answers["csv"] = {(r["person"], r["name"]) for r in csv.DictReader(io.StringIO(body.decode()))}
    assert answers["xml"] == answers["tsv"] == answers["csv"] and len(answers["csv"]) > 5
    # A link can name the format instead of an Accept header.
    status, headers, _ = ask(live_server, PEOPLE, format="csv")
    assert status == 200 and headers["content-type"].startswith("text/csv")


def test_default_graph_is_the_evidence_not_the_bookkeeping(live_server: LiveServer) -> None:
    _, _, body = ask(live_server, "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    counted = int(json.loads(body)["results"]["bindings"][0]["n"]["value"])
    _, _, nquads = live_server.get("/export/nquads")
    assert counted == len(nquads.decode().strip().splitlines())
    _, _, body = ask(live_server, "ASK { GRAPH <http://127.0.0.1:8000/id/graph/registry-memory> { ?s ?p ?o } }")
    assert json.loads(body)["boolean"] is False


def test_construct_and_describe_in_rdf(live_server: LiveServer) -> None:
    status, headers, body = ask(live_server, f"DESCRIBE <{KCC}>", "text/turtle")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    graph = rdflib.Graph().parse(data=body, format="turtle")
    labels = {str(o) for o in graph.objects(rdflib.URIRef(KCC), rdflib.SKOS.prefLabel)}
    assert labels == {"Kent County Council"}
    for accept, fmt in (("application/n-triples", "nt"), ("application/ld+json", "json-ld"),
                        ("application/rdf+xml", "xml")):
        status, headers, body = ask(live_server, f"CONSTRUCT {{ <{KCC}> ?p ?o }} WHERE {{ <{KCC}> ?p ?o }}", accept)
        assert status == 200 and headers["content-type"].startswith(accept)
        assert len(rdflib.Graph().parse(data=body, format=fmt)) == len(graph)


def test_updates_and_bad_queries_are_refused(live_server: LiveServer) -> None:
    before = live_server.health()["statements"]
    status, _, body = live_server.request("POST", "/sparql", b"INSERT DATA { <a:b> <a:c> <a:d> }",
                                          {"content-type": "application/sparql-update"})
    assert status == 403 and "read-only" in json.loads(body)["errors"][0]["message"]
    status, _, body = ask(live_server, "DELETE WHERE { ?s ?p ?o }", method="FORM")
    assert status == 403
    status, _, body = ask(live_server, "SELEKT ?s WHERE { ?s ?p ?o }")
    assert status == 400 and "does not parse" in json.loads(body)["errors"][0]["message"]
    status, _, _ = ask(live_server, PEOPLE, "image/png")
    assert status == 406
    assert live_server.health()["statements"] == before
    # With no query, GET describes the service.
    status, headers, body = live_server.get("/sparql")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    assert (None, rdflib.URIRef("http://www.w3.org/ns/sparql-service-description#endpoint"), None) in \
        rdflib.Graph().parse(data=body, format="turtle")


@pytest.fixture(scope="module")
def limited(tmp_path_factory: pytest.TempPathFactory, live_server: LiveServer) -> Iterator[LiveServer]:
    env = {**os.environ, "EVIDENCE_GRAPH_SPARQL_SECONDS": "2", "EVIDENCE_GRAPH_SPARQL_MAX_ROWS": "5"}
    log = tmp_path_factory.mktemp("limited") / "server.log"
    with serving(Path(live_server.store), log, env=env) as server:
        yield server


def test_a_long_query_is_stopped_and_a_long_answer_cut(limited: LiveServer) -> None:
    status, headers, body = ask(limited, "SELECT ?s WHERE { ?s ?p ?o }")
    assert status == 200 and headers["x-sparql-maxrows"] == "5"
    assert len(json.loads(body)["results"]["bindings"]) == 5
    status, _, body = ask(limited, "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }")
    assert status == 503 and "2 s" in json.loads(body)["errors"][0]["message"]
    # The server still answers, and no worker is left running.
    assert ask(limited, "ASK { ?s ?p ?o }")[0] == 200
    left = subprocess.run(["pgrep", "-f", "evidence_graph.graph.sparql"], capture_output=True, text=True)
    assert left.stdout.strip() == ""


