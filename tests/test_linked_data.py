"""Linked Data as a client uses it: an entity's IRI, followed as it stands, answers on the server
that serves it, in HTML, Turtle, N-Triples or JSON-LD by ``Accept``, with the statements about the
entity and their evidence; the dataset describes itself at ``/.well-known/void``; a store minted
under another base is refused by name."""

from __future__ import annotations

import json
import os
import re
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic

from evidence_graph.graph.vocabulary import DCTERMS, OA, RDF, SCHEMA
from evidence_graph.loaders.errors import LoaderError
from evidence_graph.loaders.manifest import read_manifest
from tests.conftest import CLI, LiveServer, free_port, serving

VOID = Namespace("http://rdfs.org/ns/void#")
OGL = URIRef("https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/")


@pytest.fixture(scope="module")
def own_base(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The sample built and served with the same EVIDENCE_GRAPH_PORT, as `make run` does on 8000:
    the IRIs are the server's own."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "EVIDENCE_GRAPH_BASE"} | {"EVIDENCE_GRAPH_PORT": str(port)}
    store = tmp_path_factory.mktemp("own-base") / "store"
    built = subprocess.run([*CLI, "--store", str(store), "build", "--quiet"], capture_output=True, text=True,
                           timeout=300, env=env)
    assert built.returncode == 0, built.stderr
    with serving(store, store.parent / "server.log", env=env, port=port) as server:
        yield server


def _fetch(url: str, accept: str) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, headers={"Accept": accept})
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status, response.headers["content-type"], response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.headers["content-type"], error.read()


def _stepahead(server: LiveServer) -> str:
    answer = server.graphql('{ organisations(where: {name: {contains: "Stepahead"}}) { nodes { iri label } } }')
    found = [n["iri"] for n in answer["data"]["organisations"]["nodes"]]  # type: ignore[index]
    assert found, answer
    return str(found[0])


def test_an_iri_from_the_api_dereferences_as_it_stands_in_three_media_types(own_base: LiveServer) -> None:
    iri = _stepahead(own_base)
    assert iri.startswith(own_base.url + "/id/"), f"{iri} is not this server's ({own_base.url})"

    status, media, body = _fetch(iri, "text/turtle")
    assert status == 200 and media.startswith("text/turtle")
    turtle = Graph().parse(data=body, format="turtle")
    entity = URIRef(iri)
    assert (entity, SCHEMA.name, Literal("Stepahead Support")) in turtle or \
        any(str(o) == "Stepahead Support" for o in turtle.objects(entity, SCHEMA.name))
    # The evidence: recorded statements about the entity, each quoted from a segment with its words.
    recorded = set(turtle.subjects(RDF.subject, entity)) | set(turtle.subjects(RDF.object, entity))
    assert recorded
    quotes = {str(q) for q in turtle.objects(None, OA.exact)}
    assert any("Stepahead" in q for q in quotes), sorted(quotes)[:5]
    corpus = "".join(p.read_text(encoding="utf-8") for p in
                     (Path(__file__).resolve().parents[1] / "corpus").rglob("*") if p.suffix in (".md", ".txt"))
    assert all(" ".join(q.split()) in " ".join(corpus.split()) for q in quotes), "a quote is not in the corpus"

    status, media, body = _fetch(iri, "application/ld+json")
    assert status == 200 and media.startswith("application/ld+json")
    document = json.loads(body)
    assert "@context" in document
    assert isomorphic(Graph().parse(data=body, format="json-ld"), turtle)

    status, media, body = _fetch(iri, "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
    assert status == 200 and media.startswith("text/html")
    page = body.decode()
    assert "<h1>Stepahead Support</h1>" in page
    marked = re.findall(r"<mark>(.*?)</mark>", page)
    assert marked, "no quote is shown in its passage"
    assert 'type="text/turtle" href="?format=turtle"' in page

    status, media, body = _fetch(iri, "application/n-triples")
    assert status == 200 and isomorphic(Graph().parse(data=body, format="nt"), turtle)


def test_a_paragraph_is_answered_in_its_documents_description(own_base: LiveServer) -> None:
    answer = own_base.graphql("{ documents(first: 100) { nodes { iri } } }")
    documents = [n["iri"] for n in answer["data"]["documents"]["nodes"]]  # type: ignore[index]
    document = next(d for d in documents if d.endswith("minutes-thom-wilson"))
    status, _, body = _fetch(document, "text/turtle")
    assert status == 200
    graph = Graph().parse(data=body, format="turtle")
    paragraph = URIRef(document + "#para_1")
    text = str(graph.value(paragraph, SCHEMA.text))
    assert "The Chairman thanked Mr Wilson" in text
    status, _, body = _fetch(document, "text/html")
    assert 'id="para_1"' in body.decode()


def test_unknown_iris_and_unoffered_types_are_refused_by_name(live_server: LiveServer) -> None:
    status, _, body = live_server.get("/id/person/nobody-of-that-name", {"accept": "text/turtle"})
    assert status == 404 and b"person/nobody-of-that-name" in body
    status, _, body = live_server.get("/id/org/gb-lae-ken", {"accept": "image/png"})
    assert status == 406 and b"text/turtle" in body
    status, headers, _ = live_server.get("/id/org/gb-lae-ken?format=ntriples")
    assert status == 200 and headers["content-type"].startswith("application/n-triples")
    assert "accept" in headers["vary"].lower()


def test_the_dataset_describes_itself(live_server: LiveServer) -> None:
    status, headers, body = live_server.get("/.well-known/void")
    assert status == 200 and headers["content-type"].startswith("text/turtle")
    void = Graph().parse(data=body, format="turtle")
    dataset = next(iter(void.subjects(RDF.type, VOID.Dataset)))
    assert (dataset, DCTERMS.license, OGL) in void
    _, _, nquads = live_server.get("/export/nquads")
    assert int(void.value(dataset, VOID.triples)) == sum(1 for line in nquads.splitlines() if line.strip())
    assert int(void.value(dataset, VOID.entities)) == live_server.health()["nodes"]
    assert int(void.value(dataset, VOID.documents)) == 2
    assert len(set(void.objects(dataset, DCTERMS.source))) == 2
    endpoint = str(void.value(dataset, VOID.sparqlEndpoint))
    assert endpoint == live_server.url + "/sparql"
    ask = urllib.request.Request(endpoint + "?query=ASK%7B%3Fs%20%3Fp%20%3Fo%7D",
                                 headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(ask, timeout=30) as response:
        assert json.loads(response.read())["boolean"] is True
    dump = str(void.value(dataset, VOID.dataDump))
    assert dump == live_server.url + "/export/nquads"
    classes = {str(void.value(p, VOID["class"])) for p in void.objects(dataset, VOID.classPartition)}
    assert str(SCHEMA.Person) in classes
    _, _, jsonld = live_server.get("/.well-known/void", {"accept": "application/ld+json"})
    assert isomorphic(Graph().parse(data=jsonld, format="json-ld"), void)


def test_a_store_minted_under_another_base_is_refused_by_name(tmp_path: Path) -> None:
    store = tmp_path / "store"
    env = {k: v for k, v in os.environ.items() if k != "EVIDENCE_GRAPH_BASE"}
    sample = Path(__file__).resolve().parents[1] / "tests" / "fixtures"
    paper = next(sample.rglob("*.txt"))
    built = subprocess.run([*CLI, "--store", str(store), "build", "--quiet", str(paper)], capture_output=True,
                           text=True, timeout=300, env=env | {"EVIDENCE_GRAPH_BASE": "https://evidence.example.org/"})
    assert built.returncode == 0, built.stderr
    stats = subprocess.run([*CLI, "--store", str(store), "stats"], capture_output=True, text=True, timeout=120,
                           env=env)
    assert stats.returncode != 0
    assert "https://evidence.example.org/" in stats.stderr and "EVIDENCE_GRAPH_BASE" in stats.stderr


def test_a_manifest_licence_must_be_an_address(tmp_path: Path) -> None:
    (tmp_path / "manifest.toml").write_text('[committee]\nlicence = "OGL"\n[[documents]]\npath = "a.txt"\n',
                                            encoding="utf-8")
    with pytest.raises(LoaderError, match="licence must be an http"):
        read_manifest(tmp_path)


def test_the_cookbook_is_offered_under_the_servers_own_base(own_base: LiveServer) -> None:
    # The files name IRIs under the default base; a server under another one offers them with its
    # own, in GraphiQL's tabs and on the explorer's page, and they still find what they name.
    path = Path(__file__).parents[1] / "docs" / "queries" / "5-stepahead-services-for-kcc.graphql"
    query = path.read_text(encoding="utf-8").replace("http://127.0.0.1:8000/id/", own_base.url + "/id/")
    assert own_base.url + "/id/org/stepahead-support" in query
    for page in ("/graphql", "/"):
        status, _, body = own_base.get(page, {"accept": "text/html"})
        assert status == 200 and json.dumps(query).replace("</", "<\\/") in body.decode(), page
    answer = own_base.graphql(query)
    services = answer["data"]["entity"]["services"]  # type: ignore[index]
    assert answer.get("errors") is None and services and all(s["commissioners"] for s in services)
