"""The server as clients meet it: a real `evidence-graph serve` process on a loopback port, spoken
to over HTTP."""

from __future__ import annotations

import gzip
import json
import subprocess
import sys
import time
import urllib.parse
from pathlib import Path

from tests.conftest import LiveServer

ROOT = Path(__file__).parents[1]
GRAPHQL_RESPONSE = "application/graphql-response+json"


def test_health_reports_the_graph_version_and_size(live_server: LiveServer) -> None:
    status, _headers, body = live_server.get("/healthz")
    health = json.loads(body)
    assert status == 200 and health["status"] == "ok"
    assert health["nodes"] > 400 and health["statements"] > 3000 and len(health["version"]) == 16
    # The views are frozen out of the garbage collector's way (settle_heap).
    assert health["frozen_objects"] > 50_000


def test_queries_over_get_and_post_give_the_same_answer(live_server: LiveServer) -> None:
    query = '{ entity(iri: "http://127.0.0.1:8000/id/person/thom-wilson") { label } }'
    status, headers, body = live_server.get("/graphql?" + urllib.parse.urlencode({"query": query}))
    assert status == 200 and headers["content-type"].startswith("application/json")
    assert json.loads(body) == live_server.graphql(query) == {"data": {"entity": {"label": "Thom Wilson"}}}


def test_graphql_response_media_type_and_request_errors(live_server: LiveServer) -> None:
    accept = {"accept": GRAPHQL_RESPONSE, "content-type": "application/json"}
    status, headers, body = live_server.request("POST", "/graphql", b'{"query": "{ people { totalCount } }"}', accept)
    assert status == 200 and headers["content-type"].startswith(GRAPHQL_RESPONSE)
    status, headers, body = live_server.request("POST", "/graphql", b'{"query": "{ nope }"}', accept)
    answer = json.loads(body)
    assert status == 400 and "data" not in answer and "Cannot query field 'nope'" in answer["errors"][0]["message"]
    status, _, _ = live_server.request("POST", "/graphql", b"{not json", {"content-type": "application/json"})
    assert status == 400


def test_limits_refuse_hostile_queries_over_http(live_server: LiveServer) -> None:
    answer = live_server.graphql("{ people(first: 1000) { totalCount } }")
    assert answer["data"] is None and "page cap of 100" in answer["errors"][0]["message"]
    aliases = "{ " + " ".join(f'a{i}: entity(iri: "x") {{ iri }}' for i in range(50)) + " }"
    assert "Allowed: 30" in live_server.graphql(aliases)["errors"][0]["message"]


def test_graphiql_is_served_to_browsers(live_server: LiveServer) -> None:
    status, headers, body = live_server.get("/graphql", {"accept": "text/html"})
    assert status == 200 and headers["content-type"].startswith("text/html") and b"graphiql" in body.lower()


def test_schema_route_serves_the_committed_sdl(live_server: LiveServer) -> None:
    status, _headers, body = live_server.get("/schema.graphql")
    assert status == 200 and body.decode() == (ROOT / "schema.graphql").read_text(encoding="utf-8")


def test_browser_clients_may_call_across_origins(live_server: LiveServer) -> None:
    status, headers, _ = live_server.request("OPTIONS", "/graphql", None, {
        "origin": "http://viz.example", "access-control-request-method": "POST",
        "access-control-request-headers": "content-type"})
    assert status == 200 and headers["access-control-allow-origin"] in ("*", "http://viz.example")


def test_large_answers_are_gzipped(live_server: LiveServer) -> None:
    body = json.dumps({"query": "{ passages(first: 100) { edges { node { ... on Passage { text } } } } }"}).encode()
    status, headers, payload = live_server.request("POST", "/graphql", body, {
        "content-type": "application/json", "accept-encoding": "gzip"})
    assert status == 200 and headers["content-encoding"] == "gzip"
    assert len(json.loads(gzip.decompress(payload))["data"]["passages"]["edges"]) == 100


def test_repeated_queries_are_answered_from_the_cache(live_server: LiveServer) -> None:
    query = "{ centrality(algorithm: PAGERANK, first: 3) { edges { score node { label } } } }"
    first = live_server.graphql(query)
    hits = live_server.health()["cache"]["hits"]
    assert live_server.graphql(query) == first
    assert live_server.health()["cache"]["hits"] == hits + 1


def test_the_server_reloads_when_the_store_changes(live_server: LiveServer, tmp_path: Path) -> None:
    before = live_server.health()
    paper = tmp_path / "wolds-scrutiny-minutes.txt"
    paper.write_text("Wolds District Council\n\nOverview and Scrutiny Committee\n\nMinutes of the meeting held on "
                     "4 March 2025\n\nPresent: Cllr Harriet Quennell (Chair), Cllr Samir Oduya\n\n"
                     "1. Leisure Centre Contract\n\nCllr Oduya asked whether Brightwater Leisure Trust would "
                     "keep the pools open. The Head of Leisure said the trust had agreed to do so.\n",
                     encoding="utf-8")
    built = subprocess.run([sys.executable, "-m", "evidence_graph.cli", "--store", str(live_server.store), "build", "--quiet",
                            str(paper)], capture_output=True, text=True, timeout=300, cwd=ROOT)
    assert built.returncode == 0, built.stderr
    deadline = time.monotonic() + 30
    while live_server.health()["version"] == before["version"] and time.monotonic() < deadline:
        time.sleep(0.5)
    after = live_server.health()
    assert after["version"] != before["version"] and after["nodes"] > before["nodes"]
    found = live_server.graphql('{ people(where: {name: {contains: "Quennell"}}) { edges { node { label } } } }')
    assert [e["node"]["label"] for e in found["data"]["people"]["edges"]] == ["Harriet Quennell"]


def test_every_cache_reports_its_bytes_within_its_budget(live_server: LiveServer) -> None:
    for n in range(20):
        live_server.graphql("query Q%d($n: Int!) { entities(first: $n) { totalCount } }" % n, {"n": 1 + n})
    caches = live_server.health()["caches"]
    assert set(caches) == {"responses", "plans", "prepared", "parsed", "validated"}
    for name, report in caches.items():
        assert 0 <= report["bytes"] <= report["max_bytes"], (name, report)
        assert report["entries"] <= report["max_entries"], (name, report)
    assert caches["prepared"]["entries"] >= 20 and caches["plans"]["entries"] >= 20


def test_a_malformed_request_is_a_graphql_error_and_the_server_carries_on(live_server: LiveServer) -> None:
    for body in (b"3", b"\xff", b"[" * 5000):
        status, headers, payload = live_server.request("POST", "/graphql", body, {"content-type": "application/json"})
        answer = json.loads(payload)
        assert status == 400 and headers["content-type"].startswith("application/json")
        assert answer["errors"][0]["extensions"]["code"] in ("BAD_REQUEST_SHAPE", "INVALID_UTF8", "JSON_TOO_DEEP")
        assert "data" not in answer
    assert live_server.graphql("{ people { totalCount } }")["data"]["people"]["totalCount"] > 0
