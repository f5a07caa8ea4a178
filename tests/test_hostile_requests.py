"""Hostile and careless requests against a real server process on the loopback (issue 8).

Each hostile request must be answered within a second, with an answer or a client error that
carries a stable ``extensions.code`` and no Python internals; afterwards the server answers
``/healthz`` within a second, its memory (``VmRSS``) has not grown, and it is not burning CPU on
work nobody waits for. A server that hangs is restarted for the next test (the hang is this
test's failure, not the next one's).

Sizes: ``stress(small, full)`` (``make stress`` runs the full sizes and writes the figures to
``bench/results/hostile-requests-*.json``).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import httpx2
import pytest
from conftest import FULL_STRESS, STRESS, LiveServer, stress
from hostile import (
    ANSWER_SECONDS,
    CLIENT_TIMEOUT,
    ERROR_CODE,
    PYTHON_LEAKS,
    SEARCH,
    Figures,
    MiB,
    Outcome,
    ServerProcess,
    cursor,
    fragment_fanout,
    get_query,
    post_json,
    raw_upload,
    send,
)

pytestmark = pytest.mark.stress

FIGURES = Figures("requests")
#: How many variants of each hostile request are sent (each distinct, so no cache answers them).
REPEATS = stress(1, 5)
#: Growth of the server's memory allowed across one hostile request (allocator noise, warm caches).
FLAT_BYTES = 30 * MiB
#: The body limit the tests assume (1 MB): the bodies "just under" it are a few KB smaller.
BODY_LIMIT = 1_000_000
#: Small budgets for the server under attack (environment it reads at start), so that the byte
#: budgets of its caches bind within the few hundred requests of a test.
SMALL_BUDGETS = {"EVIDENCE_GRAPH_ALGORITHM_SECONDS": "2", "EVIDENCE_GRAPH_RESPONSE_CACHE_BYTES": "200000",
                 "EVIDENCE_GRAPH_DOCUMENT_CACHE_BYTES": "2000000"}


@pytest.fixture(scope="module")
def server(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A server of its own on the sample store the live server built (so attacks reach no other test)."""
    process = ServerProcess(live_server.store, tmp_path_factory.mktemp("hostile") / "server.log", env=SMALL_BUDGETS)
    process.start()
    yield process
    process.kill()
    if FULL_STRESS:
        print("\nfigures written to", FIGURES.write({"stress": STRESS, "restarts": process.restarts}))


@pytest.fixture
def attacked(server: ServerProcess) -> Iterator[ServerProcess]:
    """The server; restarted after a test that left it unable to answer ``/healthz``."""
    if not server.healthy(timeout=2.0):
        server.restart()
    yield server
    if not server.healthy(timeout=2.0):
        server.restart()


def check_answer(outcome: Outcome) -> None:
    """An answer in time: data, or client errors each with a code; never a 5xx or Python internals."""
    assert outcome.status is not None, f"no answer within {CLIENT_TIMEOUT:g} s ({outcome.error})"
    assert outcome.status < 500, outcome.describe()
    assert not PYTHON_LEAKS.search(outcome.body.decode("utf-8", errors="replace")), outcome.describe()
    if outcome.status >= 400 or outcome.graphql_errors():
        codes = outcome.codes()
        assert codes and all(isinstance(c, str) and ERROR_CODE.match(c) for c in codes), outcome.describe()
    assert outcome.seconds < ANSWER_SECONDS, outcome.describe()


def refused(outcome: Outcome) -> bool:
    """Whether a request was refused as a whole: errors and no data."""
    try:
        found = outcome.json()
    except ValueError:
        return False
    return isinstance(found, dict) and bool(found.get("errors")) and found.get("data") is None


def survive(server: ServerProcess, name: str, attack: Any, rss_limit: int = FLAT_BYTES) -> list[Outcome]:
    """Send ``attack(i)`` for each variant, then check each outcome, the health and the memory."""
    with server.watch_rss() as rss:
        outcomes = [attack(i) for i in range(REPEATS)]
    health_started = time.perf_counter()
    healthy = server.healthy(timeout=ANSWER_SECONDS)
    health_seconds = time.perf_counter() - health_started
    FIGURES.record(name, seconds=max(o.seconds for o in outcomes), status=[o.status for o in outcomes],
                   codes=sorted({str(c) for o in outcomes for c in o.codes()}), healthz_seconds=health_seconds,
                   healthy=healthy, rss_before=rss.before, rss_peak=rss.peak, rss_after=rss.after)
    for outcome in outcomes:
        check_answer(outcome)
    assert healthy, f"/healthz did not answer within {ANSWER_SECONDS:g} s after {name}"
    assert rss.after - rss.before < rss_limit, f"memory grew by {(rss.after - rss.before) / MiB:.0f} MiB"
    return outcomes


@pytest.mark.parametrize(("name", "text"), [("2000 one-letter words", " ".join("abcdefghij"[n % 10] for n in range(2000))),
                                            ("1 MB", "a " * 500_000)])
def test_search_strings_are_answered_or_refused_in_time(attacked: ServerProcess, name: str, text: str) -> None:
    survive(attacked, f"search {name} POST", lambda i: post_json(attacked, {"query": SEARCH,
                                                                           "variables": {"text": text + "b" * i}}))
    if len(text) < 10_000:
        survive(attacked, f"search {name} GET", lambda i: get_query(attacked, SEARCH, {"text": text + "c" * i}))


def test_a_50_mb_post_is_refused_before_it_is_read(attacked: ServerProcess) -> None:
    size = 50 * MiB
    head = (b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
            b"Content-Length: %d\r\n\r\n" % size)
    with attacked.watch_rss() as rss:
        upload = raw_upload(attacked, head, (b'{"query":"' + b"x" * (MiB - 10) if n == 0 else b"x" * MiB
                                             for n in range(size // MiB)))
    healthy = attacked.healthy()
    FIGURES.record("50 MB POST", status=upload.status, seconds=upload.seconds, sent=upload.sent,
                   rss_before=rss.before, rss_peak=rss.peak, rss_after=rss.after, healthy=healthy)
    assert upload.status == 413, upload.head[:300]
    assert upload.seconds < ANSWER_SECONDS
    # Refused by its Content-Length: most of the body was never taken in, and nothing was buffered.
    assert upload.sent < size // 2, f"the server read {upload.sent / MiB:.0f} MiB before refusing"
    assert rss.rise < 10 * MiB, f"memory rose by {rss.rise / MiB:.0f} MiB while the body was sent"
    assert healthy


def test_a_chunked_body_that_never_ends_is_cut_at_the_limit(attacked: ServerProcess) -> None:
    head = b"POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
    chunk = b"%x\r\n%s\r\n" % (64 * 1024, b" " * (64 * 1024))
    most = 50 * MiB // len(chunk)
    with attacked.watch_rss() as rss:
        upload = raw_upload(attacked, head, (chunk for _ in range(most)))
    healthy = attacked.healthy()
    FIGURES.record("endless chunked body", status=upload.status, seconds=upload.seconds, sent=upload.sent,
                   rss_before=rss.before, rss_peak=rss.peak, rss_after=rss.after, healthy=healthy)
    assert upload.status == 413, upload.head[:300]
    assert upload.seconds < ANSWER_SECONDS
    # Cut at the limit: what was sent beyond it sits in the loopback's socket buffers (a few MB).
    assert upload.sent < 16 * BODY_LIMIT, f"the server took {upload.sent / MiB:.0f} MiB of a body over the limit"
    assert rss.rise < 10 * MiB, f"memory rose by {rss.rise / MiB:.0f} MiB while the body was sent"
    assert healthy


def test_bodies_just_under_the_limit_leave_memory_flat(attacked: ServerProcess) -> None:
    count = stress(120, 300)
    pad = BODY_LIMIT - 4096
    rss_before = attacked.rss()
    slowest, statuses = 0.0, set()
    started = time.perf_counter()
    with httpx2.Client(base_url=attacked.url, timeout=CLIENT_TIMEOUT) as client:
        for n in range(count):
            body = json.dumps({"query": "query Padded($pad: String) { __typename }",
                               "variables": {"pad": "x" * pad, "n": n}}).encode()
            began = time.perf_counter()
            response = client.post("/graphql", content=body, headers={"content-type": "application/json"})
            slowest = max(slowest, time.perf_counter() - began)
            statuses.add(response.status_code)
    elapsed = time.perf_counter() - started
    healthy = attacked.healthy()
    rss_after = attacked.rss()
    FIGURES.record(f"{count} distinct bodies of {pad / 1e6:.3f} MB", statuses=sorted(statuses),
                   slowest=slowest, per_request=elapsed / count, rss_before=rss_before, rss_after=rss_after,
                   healthy=healthy)
    assert statuses == {200}
    assert slowest < ANSWER_SECONDS
    assert rss_after - rss_before < 60 * MiB, f"memory grew by {(rss_after - rss_before) / MiB:.0f} MiB"
    assert healthy


def cache_reports(health: Any, path: str = "") -> Iterator[tuple[str, dict[str, Any]]]:
    """Every part of ``/healthz`` that reports a cache's bytes."""
    if isinstance(health, dict):
        if "bytes" in health:
            yield path, health
        for key, value in health.items():
            yield from cache_reports(value, f"{path}.{key}" if path else key)


def test_distinct_small_queries_keep_every_cache_within_its_budget(attacked: ServerProcess) -> None:
    count = stress(300, 10_000)
    rss_before = attacked.rss()
    started = time.perf_counter()
    statuses = set()
    with httpx2.Client(base_url=attacked.url, timeout=CLIENT_TIMEOUT) as client:
        for n in range(count):
            # A new document each time (parse, validation and plan caches) and new variables (answers).
            query = "query Fill%d($n: Int!) { entities(first: $n) { totalCount nodes { label } } }" % n
            statuses.add(client.post("/graphql", json={"query": query, "variables": {"n": 1 + n % 20}}).status_code)
    elapsed = time.perf_counter() - started
    health = attacked.health()
    rss_after = attacked.rss()
    caches = dict(cache_reports(health))
    FIGURES.record(f"{count} distinct small queries", per_request=elapsed / count, statuses=sorted(statuses),
                   rss_before=rss_before, rss_after=rss_after, caches=caches)
    assert statuses == {200}
    assert caches, f"/healthz reports no cache's bytes: {health}"
    for name, report in caches.items():
        budget = report.get("max_bytes", report.get("budget"))
        assert isinstance(budget, int), f"{name} reports no byte budget: {report}"
        assert report["bytes"] <= budget, f"{name}: {report}"
    # The fill reached the budgets (else the check above proves nothing about them).
    assert any(r["bytes"] > r.get("max_bytes", r.get("budget")) / 2 for r in caches.values()), caches
    assert rss_after - rss_before < 60 * MiB


def test_concurrent_betweenness_is_answered_and_leaves_no_cpu_burning(attacked: ServerProcess) -> None:
    count = 20
    query = ("query Central($seed: Int!) { centrality(algorithm: BETWEENNESS, sample: 50, seed: $seed, first: 3) "
             "{ edges { score node { label } } } }")
    base = int(time.time()) % 100_000 * 100  # new seeds on every run: no cached result answers them
    started = time.perf_counter()
    with ThreadPoolExecutor(count) as pool:
        outcomes = list(pool.map(lambda n: post_json(attacked, {"query": query, "variables": {"seed": base + n}}),
                                 range(count)))
    answered = time.perf_counter() - started
    cpu_start = attacked.cpu_seconds()
    time.sleep(2.0)
    cpu_burnt = attacked.cpu_seconds() - cpu_start
    healthy = attacked.healthy()
    kinds = sorted({"result" if o.status == 200 and not o.graphql_errors() else str(o.codes() or o.status)
                    for o in outcomes})
    FIGURES.record("20 concurrent betweenness", all_answered_seconds=answered,
                   slowest=max(o.seconds for o in outcomes), kinds=kinds, cpu_seconds_in_next_2s=cpu_burnt,
                   healthy=healthy)
    for outcome in outcomes:
        assert outcome.status is not None, f"no answer within {CLIENT_TIMEOUT:g} s"
        assert outcome.status < 500 and not PYTHON_LEAKS.search(outcome.body.decode(errors="replace"))
        assert (outcome.status == 200 and not outcome.graphql_errors()) or outcome.codes(), outcome.describe()
        assert all(isinstance(c, str) and ERROR_CODE.match(c) for c in outcome.codes()), outcome.describe()
    assert answered < 3 * ANSWER_SECONDS + float(SMALL_BUDGETS["EVIDENCE_GRAPH_ALGORITHM_SECONDS"])
    assert cpu_burnt < 0.3, f"the server burnt {cpu_burnt:.2f} CPU seconds after answering everyone"
    assert healthy


def _nested(depth: int) -> bytes:
    return b'{"query": "{ __typename }", "variables": {"x": ' + b"[" * depth + b"]" * depth + b"}}"


MALFORMED = {
    "invalid UTF-8": b'{"query": "{ __typename \xff\xfe }"}',
    "a JSON scalar": b"42",
    "a JSON string": b'"{ __typename }"',
    "a JSON array": b'[{"query": "{ __typename }"}]',
    "100,000 nested [": b"[" * 100_000,
    "100,000 nested [ in variables": _nested(100_000),
    "variables as a string": b'{"query": "query Q($n: Int) { __typename }", "variables": "{\\"n\\": 1}"}',
    "query as a number": b'{"query": 42}',
    "no query": b'{"variables": {}}',
    "truncated JSON": b'{"query": "{ __typename',
}


@pytest.mark.parametrize("name", list(MALFORMED))
def test_malformed_bodies_are_client_errors(attacked: ServerProcess, name: str) -> None:
    outcomes = survive(attacked, f"malformed: {name}", lambda i: send(
        attacked, "POST", "/graphql", MALFORMED[name] + b" " * i, {"content-type": "application/json"}))
    for outcome in outcomes:
        assert outcome.status == 400, outcome.describe()


CURSORS = {
    "AAAA": "AAAA",
    "base64 of non-JSON": cursor(b"\x00\x01not json at all"),
    "base64 of a JSON object": cursor(b'{"a": 1}'),
    "base64 of a list of objects": cursor(b'[{"a": 1}, {"b": 2}]'),
    "base64 of a list of the wrong length": cursor(b'[1, 2, 3, 4, 5, 6, 7]'),
    "not base64": "!!!~~~",
    "a huge number": cursor(b"[" + b"9" * 5000 + b"]"),
}


@pytest.mark.parametrize("name", list(CURSORS))
def test_crafted_cursors_are_bad_cursor_errors(attacked: ServerProcess, name: str) -> None:
    query = "query Page($after: String) { entities(first: 3, after: $after) { edges { node { iri } } } }"
    outcomes = survive(attacked, f"cursor: {name}", lambda i: post_json(
        attacked, {"query": query, "variables": {"after": CURSORS[name] + "A" * 4 * i}}))
    for outcome in outcomes:
        assert outcome.codes() == ["BAD_CURSOR"], outcome.describe()


# Fragment fan-outs: (fragments, spreads of the next in each); width ** depth selections once expanded.
FANOUTS = [(10, 10), (11, 4), (4, 11), (30, 30), (60, 2), (300, 2)]


@pytest.mark.parametrize("method", ["POST", "GET"])
@pytest.mark.parametrize(("depth", "width"), FANOUTS, ids=[f"{d}x{w}" for d, w in FANOUTS])
def test_fragment_fanouts_are_answered_or_refused_in_time(attacked: ServerProcess, method: str, depth: int, width: int) -> None:
    def attack(i: int) -> Outcome:
        document = fragment_fanout(depth, width, tag=f"F{i}x")
        if method == "GET":
            return get_query(attacked, document)
        return post_json(attacked, {"query": document})

    # A spread of a fragment already spread in the same selection set adds nothing (the spec's
    # CollectFields skips it), so the one right answer is a single __typename; else a refusal.
    for outcome in survive(attacked, f"fanout {depth}x{width} {method}", attack):
        assert refused(outcome) or outcome.json() == {"data": {"__typename": "Query"}}, outcome.describe()


def test_deeply_nested_inline_fragments_are_refused_in_time(attacked: ServerProcess) -> None:
    def attack(i: int) -> Outcome:
        depth = 900 + i
        return post_json(attacked, {"query": "{" + "... on Query {" * depth + "__typename" + "}" * (depth + 1)})

    for outcome in survive(attacked, "inline fragments 900 deep", attack):
        assert refused(outcome), outcome.describe()



#: Requests refused before any GraphQL runs: (method, path, body, headers) and the status and code expected.
HTTP_ERRORS: dict[str, tuple[tuple[str, str, bytes | None, dict[str, str]], int, str]] = {
    "PUT": (("PUT", "/graphql", b"{}", {"content-type": "application/json"}), 405, "METHOD_NOT_ALLOWED"),
    "DELETE": (("DELETE", "/graphql", None, {}), 405, "METHOD_NOT_ALLOWED"),
    "an unsupported content type": (("POST", "/graphql", b"query={__typename}", {"content-type": "text/plain"}),
                                    400, "BAD_REQUEST"),
    "a broken percent-encoding": (("GET", "/graphql?query=%zz", None, {"accept": "application/json"}),
                                  400, "INVALID_PERCENT_ENCODING"),
    "GET variables not JSON": (("GET", "/graphql?query=%7B__typename%7D&variables=nope", None,
                                {"accept": "application/json"}), 400, "INVALID_JSON"),
    "a 9 KB query string": (("GET", "/graphql?query=%7B__typename%7D&pad=" + "x" * 9000, None,
                             {"accept": "application/json"}), 414, "QUERY_TOO_LONG"),
}


@pytest.mark.parametrize("name", list(HTTP_ERRORS))
def test_http_client_errors_carry_their_code(attacked: ServerProcess, name: str) -> None:
    (method, path, body, headers), status, code = HTTP_ERRORS[name]
    for outcome in survive(attacked, f"http: {name}", lambda i: send(attacked, method, path, body, headers)):
        assert (outcome.status, outcome.codes()) == (status, [code]), outcome.describe()

#: Client errors of every kind, each sent as a body, and the codes each may carry (schema/errors.py's table).
CLIENT_ERRORS: dict[str, tuple[dict[str, Any], set[str]]] = {
    "syntax error": ({"query": "{ entities("}, {"GRAPHQL_PARSE_FAILED"}),
    "nesting too deep to parse": ({"query": "{" + "... on Query {" * 900 + "__typename" + "}" * 901},
                                  {"GRAPHQL_PARSE_FAILED"}),
    "unknown field": ({"query": "{ noSuchField }"}, {"GRAPHQL_VALIDATION_FAILED"}),
    "mutation": ({"query": "mutation { noSuchMutation }"}, {"GRAPHQL_VALIDATION_FAILED"}),
    "write without writes": ({"query": 'mutation { retractDocument(iri: "x") { removed } }'}, {"WRITES_DISABLED"}),
    "page above the cap": ({"query": "{ entities(first: 1000) { totalCount } }"}, {"LIMIT_EXCEEDED"}),
    "search text too long": ({"query": SEARCH, "variables": {"text": "a " * 1000}}, {"LIMIT_EXCEEDED"}),
    "negative page": ({"query": "{ entities(first: -1) { nodes { iri } } }"}, {"BAD_USER_INPUT"}),
    "cost above the limit": ({"query": "{ entities(first: 100) { nodes { relations(first: 100) { edges { node { object "
                                       "{ relations(first: 100) { nodes { predicateName } } } } } } } } }"},
                             {"QUERY_TOO_COMPLEX"}),
    "too deep": ({"query": "{" + " entities { nodes { relations { edges { node { object {" * 4 + " iri"
                           + " } } } } } }" * 4 + " }"}, {"QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX"}),
    "variable of the wrong type": ({"query": "query Q($n: Int!) { entities(first: $n) { nodes { iri } } }",
                                    "variables": {"n": "ten"}}, {"BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"}),
    "missing variable": ({"query": "query Q($n: Int!) { entities(first: $n) { nodes { iri } } }"},
                         {"BAD_USER_INPUT", "GRAPHQL_VALIDATION_FAILED"}),
    "unknown operation": ({"query": "query A { __typename }", "operationName": "B"}, {"OPERATION_NOT_FOUND"}),
    "bad cursor": ({"query": '{ entities(first: 2, after: "AAAA") { nodes { iri } } }'}, {"BAD_CURSOR"}),
}


def test_every_client_error_has_a_stable_code_and_one_log_line(attacked: ServerProcess) -> None:
    problems: list[str] = []
    codes: dict[str, list[str | None]] = {}
    for name, (payload, allowed) in CLIENT_ERRORS.items():
        offset = attacked.log_size()
        first, again = post_json(attacked, payload), post_json(attacked, payload)
        for outcome in (first, again):
            check_answer(outcome)
            assert outcome.graphql_errors(), f"{name}: {outcome.describe()}"
        if first.codes() != again.codes():
            problems.append(f"{name}: codes {first.codes()} then {again.codes()}")
        if not set(first.codes()) <= allowed:
            problems.append(f"{name}: code {first.codes()}, the table in schema/errors.py says {sorted(allowed)}")
        time.sleep(0.2)  # the log is written by the server process
        log = attacked.log_since(offset)
        lines = [line for line in log.splitlines() if line.strip()]
        if len(lines) != 2 or "Traceback" in log:
            problems.append(f"{name}: {len(lines)} log lines for 2 requests" + (", with a traceback" if "Traceback" in log
                                                                              else "") + f": {lines[:3]}")
        codes[name] = first.codes()
    FIGURES.record("client error codes", codes=codes, problems=problems)
    assert problems == []


def test_unknown_paths_are_coded_not_found(attacked: ServerProcess) -> None:
    outcome = send(attacked, "GET", "/no-such-path", headers={"accept": "application/json"})
    check_answer(outcome)
    assert (outcome.status, outcome.codes()) == (404, ["NOT_FOUND"]), outcome.describe()


def test_the_server_log_holds_no_traceback(server: ServerProcess) -> None:
    """Last of the module: nothing sent to the server by any test above made it log a traceback."""
    log = server.log_text()
    assert "Traceback" not in log, log[log.index("Traceback") - 500:][:3000]
