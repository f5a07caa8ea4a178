"""The server's limits as clients meet them: request bodies and query strings over the limit,
malformed requests, memory under large distinct bodies, and the log a client error leaves.

Against real `evidence-graph serve` processes on the loopback: the session's ``live_server`` (the
defaults: a 1 MB body limit) and, for memory, a server of this module's own with small cache
budgets, so that the budgets are what the measure shows.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.testclient import TestClient

from evidence_graph.graph.lru import digest
from evidence_graph.schema.context import GraphSnapshot
from evidence_graph.server import ServerSettings, create_app
from evidence_graph.serving.http_errors import HTTP_ERROR_CODES
from tests.conftest import LiveServer, free_port, serving, stress

ROOT = Path(__file__).parents[1]
MiB = 1024 * 1024
JSON = {"content-type": "application/json"}
#: The default body limit (ServerSettings.max_body_bytes).
BODY_LIMIT = ServerSettings().max_body_bytes
#: Words of an answer that betray Python rather than speak to a client.
PYTHON_WORDS = ("Traceback", "File \"", "Error:", "Exception", "(char ", "object has no attribute")


def rss(pid: int) -> int:
    """Resident memory of a process, in bytes (``VmRSS`` of ``/proc/PID/status``)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    raise AssertionError(f"no VmRSS for process {pid}")


def raw_request(port: int, head: bytes, chunks: Iterator[bytes], timeout: float = 10.0) -> tuple[bytes, int]:
    """Send ``head`` then ``chunks`` on a raw socket until the server answers or closes; returns
    the bytes it answered (read until it closes the connection) and how many body bytes were sent."""
    sent = 0
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as sock:
        sock.sendall(head)
        sock.settimeout(0.0)
        answer = b""
        for chunk in chunks:
            try:
                answer += sock.recv(65536)
            except BlockingIOError:
                pass
            except ConnectionResetError:
                break
            if answer:
                break
            view = memoryview(chunk)
            try:
                while view:
                    try:
                        n = sock.send(view)
                    except BlockingIOError:
                        time.sleep(0.005)
                        try:
                            answer += sock.recv(65536)
                        except BlockingIOError:
                            continue
                        if answer:
                            break
                        continue
                    sent += n
                    view = view[n:]
            except (BrokenPipeError, ConnectionResetError):
                break
            if answer:
                break
        sock.settimeout(timeout)
        try:
            while True:
                more = sock.recv(65536)
                if not more:
                    break
                answer += more
        except (ConnectionResetError, TimeoutError):
            pass
    return answer, sent


def status_and_body(answer: bytes) -> tuple[int, dict[str, Any]]:
    head, _, body = answer.partition(b"\r\n\r\n")
    return int(head.split(b" ", 2)[1]), json.loads(body)


def error_code(body: bytes) -> str:
    answer = json.loads(body)
    [error] = answer["errors"]
    return str(error["extensions"]["code"])


def log_since(server: LiveServer, offset: int) -> str:
    time.sleep(0.3)  # written by the server process
    with (server.store.parent / "server.log").open("rb") as log:
        log.seek(offset)
        return log.read().decode("utf-8", errors="replace")


def log_size(server: LiveServer) -> int:
    return (server.store.parent / "server.log").stat().st_size


# --------------------------------------------------------------------------- body and URL limits


def test_a_body_over_the_limit_is_refused_by_its_content_length(live_server: LiveServer) -> None:
    port = int(live_server.url.rsplit(":", 1)[1])
    size = 50 * MiB
    head = b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n" % size
    started = time.perf_counter()
    answer, sent = raw_request(port, head, (b"x" * MiB for _ in range(size // MiB)))
    status, body = status_and_body(answer)
    assert status == 413 and body["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"
    # Answered before the body was taken in, and the connection closed (the body is never read).
    assert sent < size // 2 and time.perf_counter() - started < 5
    assert b"connection: close" in answer.lower()
    assert live_server.get("/healthz")[0] == 200


def test_a_chunked_body_is_cut_at_the_limit(live_server: LiveServer) -> None:
    port = int(live_server.url.rsplit(":", 1)[1])
    head = b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"%x\r\n%s\r\n" % (64 * 1024, b" " * (64 * 1024))
    before = rss(live_server.process.pid)
    answer, sent = raw_request(port, head, (chunk for _ in range(50 * MiB // len(chunk))))
    status, body = status_and_body(answer)
    assert status == 413 and body["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"
    # What was sent includes what the loopback's socket buffers took in (several MiB) while the
    # answer was on its way: far less than the body, and none of it kept by the server.
    assert sent < 16 * MiB, f"the server took {sent / MiB:.0f} MiB of a body over the limit"
    assert rss(live_server.process.pid) - before < 10 * MiB
    assert live_server.get("/healthz")[0] == 200


def test_a_chunked_body_under_the_limit_is_answered(live_server: LiveServer) -> None:
    port = int(live_server.url.rsplit(":", 1)[1])
    payload = json.dumps({"query": "{ __typename }"}).encode()
    head = b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n"
    chunks = [b"%x\r\n%s\r\n" % (len(part), part) for part in (payload[:5], payload[5:])] + [b"0\r\n\r\n"]
    answer, _ = raw_request(port, head, iter(chunks))
    assert status_and_body(answer) == (200, {"data": {"__typename": "Query"}})


def test_a_query_string_over_the_limit_is_refused(live_server: LiveServer) -> None:
    limit = ServerSettings().max_query_string_bytes
    status, _, body = live_server.get("/graphql?query=" + "a" * limit)
    assert status == 414 and error_code(body) == "QUERY_TOO_LONG"
    status, _, _ = live_server.get("/graphql?query=%7B__typename%7D")
    assert status == 200


# --------------------------------------------------------------------------- malformed requests

#: (what it is, body, the code expected)
MALFORMED_BODIES: list[tuple[str, bytes, str]] = [
    ("invalid UTF-8 in a string", b'{"query": "{ __typename \xff }"}', "INVALID_UTF8"),
    ("invalid UTF-8 only", b"\xff\xfe\xfd", "INVALID_UTF8"),
    ("not JSON", b"{not json", "INVALID_JSON"),
    ("empty", b"", "INVALID_JSON"),
    ("a lone surrogate escape", b'{"query": "{ __typename }", "variables": {"a": "\\ud800"}}', "INVALID_JSON"),
    ("a JSON number", b"3", "BAD_REQUEST_SHAPE"),
    ("a JSON string", b'"x"', "BAD_REQUEST_SHAPE"),
    ("a JSON null", b"null", "BAD_REQUEST_SHAPE"),
    ("a JSON array", b'[{"query": "{ __typename }"}]', "BAD_REQUEST_SHAPE"),
    ("query not a string", b'{"query": 5}', "BAD_REQUEST_SHAPE"),
    ("variables not an object", b'{"query": "{ __typename }", "variables": [1]}', "BAD_REQUEST_SHAPE"),
    ("variables a string", b'{"query": "{ __typename }", "variables": "{}"}', "BAD_REQUEST_SHAPE"),
    ("operationName a number", b'{"query": "{ __typename }", "operationName": 1}', "BAD_REQUEST_SHAPE"),
    ("extensions a list", b'{"query": "{ __typename }", "extensions": []}', "BAD_REQUEST_SHAPE"),
    ("no query", b'{"notquery": "{ __typename }"}', "BAD_REQUEST_SHAPE"),
    ("100,000 nested brackets", b"[" * 100_000, "JSON_TOO_DEEP"),
    ("100,000 nested brackets in variables",
     b'{"query": "{ __typename }", "variables": {"a": ' + b"[" * 100_000 + b"]" * 100_000 + b"}}", "JSON_TOO_DEEP"),
    ("100,000 nested objects", b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "JSON_TOO_DEEP"),
]


@pytest.mark.parametrize(("name", "body", "code"), MALFORMED_BODIES, ids=[m[0] for m in MALFORMED_BODIES])
def test_malformed_bodies_are_400_with_a_code(live_server: LiveServer, name: str, body: bytes, code: str) -> None:
    for accept in ("application/json", "application/graphql-response+json"):
        status, headers, answer = live_server.request("POST", "/graphql", body, {**JSON, "accept": accept})
        assert status == 400 and error_code(answer) == code, answer[:300]
        assert headers["content-type"].startswith(accept)
        assert not any(word in answer.decode() for word in PYTHON_WORDS), answer[:300]
    assert live_server.graphql("{ __typename }") == {"data": {"__typename": "Query"}}


#: (what it is, query string, the status and code expected)
MALFORMED_QUERY_STRINGS: list[tuple[str, str, int, str]] = [
    ("a stray percent", "query=%7B__typename%ZZ", 400, "INVALID_PERCENT_ENCODING"),
    ("a percent at the end", "query=%7B__typename%7D%", 400, "INVALID_PERCENT_ENCODING"),
    ("percent-encoded bytes that are not UTF-8", "query=%7B__typename%ff%7D", 400, "INVALID_UTF8"),
    ("variables not JSON", "query=%7B__typename%7D&variables=%7Bx", 400, "INVALID_JSON"),
    ("variables an array", "query=%7B__typename%7D&variables=%5B1%5D", 400, "BAD_REQUEST_SHAPE"),
    ("variables nested 2,000 deep", "query=%7B__typename%7D&variables=" + "[" * 2_000, 400, "JSON_TOO_DEEP"),
    # GraphQL over HTTP: a mutation is never run for a GET.
    ("a mutation", "query=mutation%20%7B__typename%7D", 405, "METHOD_NOT_ALLOWED"),
]


@pytest.mark.parametrize(("name", "query_string", "status", "code"), MALFORMED_QUERY_STRINGS,
                         ids=[m[0] for m in MALFORMED_QUERY_STRINGS])
def test_malformed_query_strings_are_refused_with_a_code(live_server: LiveServer, name: str, query_string: str,
                                                         status: int, code: str) -> None:
    answered, _, body = live_server.get("/graphql?" + query_string, {"accept": "application/json"})
    assert (answered, error_code(body)) == (status, code), body[:300]
    assert live_server.get("/healthz")[0] == 200


def test_other_methods_and_content_types_are_graphql_errors(live_server: LiveServer) -> None:
    status, _, body = live_server.request("PUT", "/graphql", b"{}", JSON)
    assert status == 405 and error_code(body) == "METHOD_NOT_ALLOWED"
    status, _, body = live_server.request("POST", "/graphql", b'{"query": "{ __typename }"}', {"content-type": "text/plain"})
    assert status == 400 and error_code(body) == "BAD_REQUEST"


def test_refusals_carry_cors_headers(live_server: LiveServer) -> None:
    status, headers, _ = live_server.request("POST", "/graphql", b"3", {**JSON, "origin": "http://viz.example"})
    assert status == 400 and headers["access-control-allow-origin"] in ("*", "http://viz.example")


# --------------------------------------------------------------------------- the log


def test_client_errors_log_one_line_without_a_traceback(live_server: LiveServer) -> None:
    offset = log_size(live_server)
    requests: list[tuple[bytes, dict[str, str]]] = [
        (b"[" * 100_000, JSON), (b"\xff", JSON), (b"3", JSON),
        (json.dumps({"query": "{ entities("}).encode(), JSON),
        (json.dumps({"query": "{ noSuchField }"}).encode(), JSON),
        (json.dumps({"query": "{ people(first: 1000) { totalCount } }"}).encode(), JSON),
        (json.dumps({"query": '{ entities(first: 2, after: "AAAA") { nodes { iri } } }'}).encode(), JSON),
        (json.dumps({"query": "query Q($n: Int!) { entities(first: $n) { nodes { iri } } }",
                     "variables": {"n": "ten"}}).encode(), {**JSON, "accept": "application/graphql-response+json"}),
    ]
    for body, headers in requests:
        status, _, _ = live_server.request("POST", "/graphql", body, headers)
        assert status in (200, 400)
    log = log_since(live_server, offset)
    lines = [line for line in log.splitlines() if line.strip()]
    assert "Traceback" not in log, log[:3000]
    assert len(lines) == len(requests), "\n".join(lines)
    assert all(line.startswith("client error ") for line in lines), "\n".join(lines)
    # Each line names the status and a code, e.g. "client error 400 JSON_TOO_DEEP: ...".
    codes = [line.split()[3].rstrip(":") for line in lines]
    assert codes[:3] == ["JSON_TOO_DEEP", "INVALID_UTF8", "BAD_REQUEST_SHAPE"]
    assert all(code.isupper() for code in codes), codes


# --------------------------------------------------------------------------- caches and memory


def test_cache_keys_are_digests_not_requests() -> None:
    app = create_app(ServerSettings(), snapshot=GraphSnapshot.from_quads([]))
    padding = "x" * 200_000
    with TestClient(app) as client:
        for n in range(3):
            body = {"query": "{ __typename }", "variables": {"pad": padding + str(n)}}
            assert client.post("/graphql", json=body).status_code == 200
            assert client.get("/graphql", params={"query": "{ __typename }", "variables": json.dumps({"n": n})}
                              ).status_code == 200
        health = client.get("/healthz").json()
    responses = health["caches"]["responses"]
    # Six answers of a few dozen bytes each: nothing of the 200 KB bodies is kept.
    assert responses["entries"] == 6 and responses["bytes"] < 6 * 2_000
    assert len(digest("any request")) == 32


#: Cache budgets of the memory test's server (bytes): small, so that what they hold is visible.
SMALL_BUDGET = 8_000_000


@pytest.fixture(scope="module")
def small_budget_server(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """A server of this module's own on the live server's store, its caches budgeted to 8 MB each."""
    env = {**os.environ, "EVIDENCE_GRAPH_DOCUMENT_CACHE_BYTES": str(SMALL_BUDGET),
           "EVIDENCE_GRAPH_RESPONSE_CACHE_BYTES": str(SMALL_BUDGET)}
    with serving(live_server.store, tmp_path_factory.mktemp("limits") / "server.log", env) as server:
        yield server


def distinct_large_bodies(n: int) -> bytes:
    """The ``n``-th of a cycle of distinct bodies just under the 1 MB limit: padded variables, a
    document padded with a comment (answered directly, and by Strawberry's view), JSON that does
    not parse, and one over the limit."""
    pad = BODY_LIMIT - 4096
    kind = n % 5
    if kind == 0:
        return json.dumps({"query": "{ __typename }", "variables": {"pad": "x" * pad + str(n)}}).encode()
    if kind in (1, 2):
        query = "query Commented%d { __typename } # %s" % (n, "x" * pad)
        return json.dumps({"query": query, **({"extensions": {}} if kind == 2 else {})}).encode()
    if kind == 3:
        return b'{"query": "' + b"x" * pad + b"%d" % n
    return b'{"query": "' + b"x" * (BODY_LIMIT + n) + b'"}'


@pytest.mark.stress
def test_memory_stays_flat_under_distinct_large_bodies(small_budget_server: LiveServer) -> None:
    server = small_budget_server
    pid = server.process.pid
    statuses: set[int] = set()

    def send(n: int) -> None:
        request = urllib.request.Request(server.url + "/graphql", data=distinct_large_bodies(n), method="POST",
                                         headers=JSON)
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                statuses.add(response.status)
        except urllib.error.HTTPError as error:
            statuses.add(error.code)
        except (ConnectionResetError, BrokenPipeError, urllib.error.URLError):
            statuses.add(413)  # refused by its length while it was still being sent

    warm = 50
    for n in range(warm):  # the caches fill to their budgets (8 documents of 1 MB each) and the allocator settles
        send(n)
    before = rss(pid)
    count = stress(150, 1_000)
    for n in range(warm, warm + count):
        send(n)
    after = rss(pid)
    caches = server.health()["caches"]
    assert statuses == {200, 400, 413}, statuses
    for name, report in caches.items():
        assert report["bytes"] <= report["max_bytes"] <= 256_000_000, (name, report)
    assert caches["prepared"]["max_bytes"] == SMALL_BUDGET and caches["responses"]["max_bytes"] == SMALL_BUDGET
    # Before the budgets, 300 such requests grew the server by 400 MB, for good; before the full
    # collection after each large body, 1,000 grew it by 214 MiB (cycles of refused requests holding
    # their bodies until the collector's next full pass).
    print(f"[memory] {count} distinct bodies of ~1 MB: RSS {before / MiB:.1f} -> {after / MiB:.1f} MiB")
    assert after - before < 100 * MiB, f"memory grew by {(after - before) / MiB:.0f} MiB over {count} requests"


# --------------------------------------------------------------------------- settings


def test_settings_come_from_the_environment(live_server: LiveServer, tmp_path: Path) -> None:
    settings = ServerSettings.from_environment({"EVIDENCE_GRAPH_MAX_BODY": "2048", "EVIDENCE_GRAPH_MAX_QUERY_STRING": "512",
                                                "EVIDENCE_GRAPH_CORS": "https://a.example, https://b.example"})
    assert (settings.max_body_bytes, settings.max_query_string_bytes) == (2048, 512)
    assert settings.cors_origins == ("https://a.example", "https://b.example")
    app = create_app(settings, snapshot=GraphSnapshot.from_quads([]))
    with TestClient(app) as client:
        big = client.post("/graphql", json={"query": "{ __typename }", "variables": {"pad": "x" * 2048}})
        assert big.status_code == 413 and big.json()["errors"][0]["extensions"]["code"] == "BODY_TOO_LARGE"
        assert client.post("/graphql", json={"query": "{ __typename }"}).status_code == 200
        assert client.get("/graphql", params={"query": "{ __typename }" + " " * 600}).status_code == 414
    # A value that does not hold stops the CLI before it serves, naming the variable.
    env = {**os.environ, "EVIDENCE_GRAPH_MAX_BODY": "a lot"}
    run = subprocess.run([sys.executable, "-m", "evidence_graph.cli", "--store", str(live_server.store), "serve", "--port",
                          str(free_port())], capture_output=True, text=True, timeout=60, cwd=ROOT, env=env)
    assert run.returncode == 2 and "EVIDENCE_GRAPH_MAX_BODY" in run.stdout + run.stderr


def test_http_error_codes_are_stable_names_with_their_status() -> None:
    assert HTTP_ERROR_CODES["BODY_TOO_LARGE"] == 413 and HTTP_ERROR_CODES["QUERY_TOO_LONG"] == 414
    assert all(code.isupper() and 400 <= status < 500 for code, status in HTTP_ERROR_CODES.items())


def test_a_request_whose_client_leaves_stops_its_algorithm() -> None:
    """uvicorn keeps running an app after its client goes; the server cancels the request instead,
    and the betweenness it started stops long before its 60 s budget."""
    import asyncio

    from evidence_graph.schema.algorithms import ALGORITHM_SECONDS, configure_algorithms
    from evidence_graph.schema.limits import QueryLimits
    from tests.test_analytics_budgets import BETWEENNESS, cpu_over, snapshot_of, synthetic_views

    snapshot = snapshot_of(synthetic_views(3_000))
    app = create_app(ServerSettings(limits=QueryLimits(max_cost=10**12), algorithm_seconds=60.0), snapshot=snapshot)
    body = json.dumps({"query": BETWEENNESS, "variables": {"seed": 9, "sample": 1_000}}).encode()
    sent: list[dict[str, Any]] = []

    async def client_that_leaves() -> tuple[float, int]:
        started = asyncio.Event()
        messages = [{"type": "http.request", "body": body, "more_body": False}]

        async def receive() -> dict[str, Any]:
            if messages:
                return messages.pop(0)
            started.set()
            await asyncio.sleep(0.5)  # the client waits half a second, then goes
            return {"type": "http.disconnect"}

        async def send(message: dict[str, Any]) -> None:
            sent.append(message)

        scope = {"type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST",
                 "scheme": "http", "path": "/graphql", "raw_path": b"/graphql", "query_string": b"",
                 "root_path": "", "headers": [(b"content-type", b"application/json"),
                                              (b"content-length", str(len(body)).encode())],
                 "client": ("127.0.0.1", 1), "server": ("127.0.0.1", 80)}
        begun = time.monotonic()
        await app(scope, receive, send)
        return time.monotonic() - begun, snapshot.analytics.stats()["running"]

    try:
        with TestClient(app):  # the lifespan runs, as under uvicorn
            took, _ = asyncio.run(client_that_leaves())
            deadline = time.monotonic() + 2
            while snapshot.analytics.stats()["running"] and time.monotonic() < deadline:
                time.sleep(0.01)
            assert snapshot.analytics.stats()["running"] == 0
            assert cpu_over(1.0) < 0.3  # nothing left burning
    finally:
        configure_algorithms(seconds=ALGORITHM_SECONDS)
    assert took < 3, f"the request went on for {took:.1f} s after its client left"
    assert snapshot.analytics.computations == 1 and not any(m["type"] == "http.response.start" for m in sent)
