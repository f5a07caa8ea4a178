"""Direct answers (server.py ``_answer_directly``) against Strawberry's HTTP view: for every kind
of POST a client sends, the same status, content type and body bytes, whether or not the direct
path takes the request."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.testclient import TestClient

from evidence_graph.graph.store import EvidenceStore
from evidence_graph.schema.context import GraphSnapshot
from evidence_graph.server import ServerSettings, create_app

KCC = "http://127.0.0.1:8000/id/org/gb-lae-ken"
JSON = "application/json"
GRAPHQL_RESPONSE = "application/graphql-response+json"

ENTITY = "query E($iri: String!) { entity(iri: $iri) { label relations(first: 3) { totalCount " \
         "edges { node { predicateName object { label } evidence { quote start end } } } } } }"

#: (what it is, body, content type, accept)
REQUESTS: list[tuple[str, Any, str, str]] = [
    ("a valid query", {"query": ENTITY, "variables": {"iri": KCC}}, JSON, JSON),
    ("the spec's media type", {"query": ENTITY, "variables": {"iri": KCC}}, JSON, GRAPHQL_RESPONSE),
    ("either media type", {"query": ENTITY, "variables": {"iri": KCC}}, JSON, f"{JSON}, {GRAPHQL_RESPONSE};q=0.9"),
    ("no accept header", {"query": "{ __typename }"}, JSON, ""),
    ("content type with charset", {"query": "{ __typename }"}, f"{JSON}; charset=utf-8", JSON),
    ("content type in capitals", {"query": "{ __typename }"}, "Application/JSON", JSON),
    ("a field error", {"query": '{ entity(iri: "%s") { label relations(after: "bad") { totalCount } } }' % KCC},
     JSON, JSON),
    ("a field error, spec media type", {"query": '{ node(id: "bad") { id } }'}, JSON, GRAPHQL_RESPONSE),
    ("a missing variable", {"query": ENTITY}, JSON, JSON),
    ("a missing variable, spec media type", {"query": ENTITY}, JSON, GRAPHQL_RESPONSE),
    ("a variable of the wrong type", {"query": ENTITY, "variables": {"iri": 5}}, JSON, GRAPHQL_RESPONSE),
    ("an unknown operation name", {"query": ENTITY, "operationName": "Nope", "variables": {"iri": KCC}}, JSON, JSON),
    ("two operations, one named", {"query": "query A { __typename } query B { entity(iri: \"%s\") { label } }" % KCC,
                                   "operationName": "B"}, JSON, JSON),
    ("two operations, none named", {"query": "query A { __typename } query B { __typename }"}, JSON, JSON),
    ("a syntax error", {"query": "{ entity("}, JSON, GRAPHQL_RESPONSE),
    ("an unknown field", {"query": "{ nope }"}, JSON, JSON),
    ("too deep", {"query": "{ entities { edges { node { relations { edges { node { subject { relations { edges "
                           "{ node { subject { relations { edges { node { subject { label } } } } } } } } } } } } } } }"},
     JSON, JSON),
    ("a mutation", {"query": "mutation { x }"}, JSON, JSON),
    ("variables not an object", {"query": "{ __typename }", "variables": [1]}, JSON, JSON),
    ("query not a string", {"query": 5}, JSON, GRAPHQL_RESPONSE),
    ("extensions", {"query": "{ __typename }", "extensions": {"persistedQuery": {}}}, JSON, JSON),
    ("extensions a number", {"query": "{ __typename }", "extensions": 5}, JSON, GRAPHQL_RESPONSE),
    ("extensions false", {"query": "{ __typename }", "extensions": False}, JSON, GRAPHQL_RESPONSE),
    ("extensions empty", {"query": "{ __typename }", "extensions": {}}, JSON, JSON),
    ("not JSON", "{not json", JSON, JSON),
    ("an unacceptable accept", {"query": "{ __typename }"}, JSON, "text/plain"),
    ("an introspection query", {"query": "{ __schema { queryType { name } } }"}, JSON, JSON),
]


@pytest.fixture(scope="module")
def clients(sample_store: EvidenceStore) -> Iterator[tuple[TestClient, TestClient]]:
    snapshot = GraphSnapshot.from_quads(sample_store.quads())
    direct = create_app(ServerSettings(response_cache_size=0), snapshot=snapshot)
    view = create_app(ServerSettings(response_cache_size=0, direct_execution=False), snapshot=snapshot)
    with TestClient(direct) as a, TestClient(view) as b:
        yield a, b


@pytest.mark.parametrize(("name", "body", "content_type", "accept"), REQUESTS, ids=[r[0] for r in REQUESTS])
def test_direct_answers_equal_the_views(clients: tuple[TestClient, TestClient], name: str, body: Any,
                                        content_type: str, accept: str) -> None:
    raw = body if isinstance(body, str) else json.dumps(body)
    headers = {"content-type": content_type, **({"accept": accept} if accept else {})}
    direct, view = (client.post("/graphql", content=raw, headers=headers) for client in clients)
    assert (direct.status_code, direct.headers.raw, direct.content) == (view.status_code, view.headers.raw, view.content)


def test_the_direct_path_answers_valid_queries_and_leaves_the_rest(clients: tuple[TestClient, TestClient]) -> None:
    direct, view = clients

    def counts(client: TestClient) -> tuple[int, int]:
        health = client.get("/healthz").json()
        return health["answered_directly"], health["plans"]["planned"]

    before = counts(direct)
    for body in ({"query": ENTITY, "variables": {"iri": KCC}}, {"query": ENTITY}, {"query": "{ nope }"},
                 {"query": '{ node(id: "bad") { id } }'}):
        direct.post("/graphql", json=body)
    after = counts(direct)
    # The valid query and the one with a field error are answered directly, by their plans; the
    # missing variable and the unknown field are left to Strawberry's view.
    assert after == (before[0] + 2, before[1] + 2)
    view.post("/graphql", json={"query": ENTITY, "variables": {"iri": KCC}})
    assert counts(view)[0] == 0


def test_cached_answers_keep_encodings_and_origins_apart(sample_store: EvidenceStore) -> None:
    snapshot = GraphSnapshot.from_quads(sample_store.quads())
    app = create_app(ServerSettings(cors_origins=("https://viz.example",)), snapshot=snapshot)
    # An answer over 1 KB, so gzipped when asked.
    body = {"query": ENTITY.replace("relations(first: 3)", "relations(first: 20)"), "variables": {"iri": KCC}}

    with TestClient(app) as client:
        def post(**headers: str) -> Any:
            return client.post("/graphql", json=body, headers=headers)

        plain, zipped, plain_again = post(**{"accept-encoding": "identity"}), post(**{"accept-encoding": "gzip"}), \
            post(**{"accept-encoding": "identity"})
        assert "content-encoding" not in plain.headers and "content-encoding" not in plain_again.headers
        assert zipped.headers["content-encoding"] == "gzip"
        assert plain.json() == zipped.json() == plain_again.json()
        allowed, other = post(origin="https://viz.example"), post(origin="https://other.example")
        assert allowed.headers["access-control-allow-origin"] == "https://viz.example"
        assert "access-control-allow-origin" not in other.headers
        assert post(origin="https://viz.example").headers["access-control-allow-origin"] == "https://viz.example"
        cache = client.get("/healthz").json()["cache"]
        # Hits: the second identity request and the second request from the allowed origin.
        assert cache == {"hits": 2, "misses": 4}


def test_a_repeated_header_sent_in_another_order_is_another_answer(sample_store: EvidenceStore) -> None:
    app = create_app(ServerSettings(), snapshot=GraphSnapshot.from_quads(sample_store.quads()))
    with TestClient(app) as client:
        def post(*accepts: str) -> Any:
            return client.post("/graphql", json={"query": "{ __typename }"}, headers=[("accept", a) for a in accepts])

        assert post(GRAPHQL_RESPONSE, JSON).headers["content-type"].startswith(GRAPHQL_RESPONSE)
        assert post(JSON, GRAPHQL_RESPONSE).headers["content-type"] == JSON
