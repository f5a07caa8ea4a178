"""HTTP benchmark of the GraphQL API against a bare-Starlette floor (issue #3, "Speed").

One command: ``.venv/bin/python bench/http_bench.py`` (or ``make bench-http``).

What it does
------------
1. Builds the sample corpus into a temporary store.
2. Starts two uvicorn processes, one worker each, ``--loop uvloop --http httptools``, no access
   log, both pinned to CPU 0 (``taskset``; only one of them is under load at a time):

   - **our server** (``server.create_app``, what ``evidence-graph serve`` runs), and
   - **the floor**: a bare Starlette app returning, for each query, the exact bytes our server
     returned (fetched first, checked identical across fetches and against the floor's answer).
3. Drives load with ``wrk -t1 -c32`` pinned to CPU 1 (installed with apt-get if missing; a small
   asyncio load generator otherwise) through ``bench/http/post.lua``: a 2 s warm-up, then 10 s,
   3 repetitions interleaved (rep 1 of every config, then rep 2 …), medians reported.
4. Measures five analyst queries in two modes:

   - **repeated**: the same body again and again; the response cache answers;
   - **first-time**: every body is new, so the response cache cannot hit. The GraphQL document
     stays the same and only the variables differ (an extra ``nonce`` variable counting up, which
     GraphQL ignores), as with an analyst's varied queries: parsing and validation caches may
     still hit, the answer bytes stay identical, so the floor is the same. The server's
     ``/healthz`` cache counters are read around every run to prove the mode (repeated: all hits;
     first-time: no hit).
5. Prints query, mode, req/s, p50, p99, floor req/s and the ratio to the floor, and writes the
   whole run as JSON to ``bench/results/`` (git-ignored).

Options: ``--duration``, ``--warmup``, ``--reps``, ``--connections``, ``--only REGEX`` (query
names), ``--store PATH`` (reuse a built store), ``--node`` (also run a graphql-js server over a JSON
dump of the same data for the entity and the 50-entity page; needs ``npm``, see
``bench/http/node_server.mjs``).
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
HTTP_DIR = ROOT / "bench" / "http"
RESULTS = ROOT / "bench" / "results"
BIN = Path(sys.executable).parent
BASE = "http://127.0.0.1:8000/id/"
KCC = BASE + "org/gb-lae-ken"


@dataclass(frozen=True)
class Query:
    """One analyst query: a fixed GraphQL document and its variables."""

    name: str
    title: str
    document: str
    variables: dict[str, Any]

    def body(self, nonce: int | None = None) -> bytes:
        """The POST body; with a nonce, an extra (ignored) variable makes the body unique."""
        variables = dict(self.variables)
        if nonce is not None:
            variables["nonce"] = nonce
        return json.dumps({"query": self.document, "variables": variables}, separators=(",", ":")).encode()

    def unique_parts(self) -> tuple[str, str]:
        """Prefix and suffix around the nonce, for the wrk script's first-time mode."""
        marker = 918273645546372819
        text = self.body(marker).decode()
        prefix, suffix = text.split(str(marker))
        return prefix, suffix


QUERIES: tuple[Query, ...] = (
    Query("entity", "entity with 20 relations and evidence",
          "query Entity($iri: String!) { entity(iri: $iri) { iri label relations(first: 20) { totalCount "
          "edges { node { predicate object { label } evidence { quote start end document { iri } } } } } } }",
          {"iri": KCC}),
    Query("search", "search 'commissioning', 10 hits",
          "query Search($text: String!) { search(text: $text, first: 10) { edges { score "
          "node { snippet node { label } } } } }",
          {"text": "commissioning"}),
    Query("path", "shortest path with evidence",
          "query Path($source: String!, $target: String!) { shortestPath(source: $source, target: $target) "
          "{ length hops { predicate statement { evidence { quote } } } } }",
          {"source": BASE + "org/project-salus", "target": BASE + "framework/independent-foster-agency-framework"}),
    Query("pagerank", "top-10 PageRank",
          "query Top($first: Int!) { centrality(algorithm: PAGERANK, first: $first) { edges { score "
          "node { label } } } }",
          {"first": 10}),
    Query("page50", "50 entities x 5 relations",
          "query Page($first: Int!) { entities(first: $first) { edges { node { iri label "
          "relations(first: 5) { edges { node { predicate object { label } } } } } } } }",
          {"first": 50}),
)


# --------------------------------------------------------------------------- processes

def _pin(cpu: int) -> list[str]:
    """``taskset -c CPU`` when there are two CPUs to split between server and load."""
    if shutil.which("taskset") and (os.cpu_count() or 1) >= 2:
        return ["taskset", "-c", str(cpu)]
    return []


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class Server:
    """A uvicorn process started by this script (stopped by its own pid only)."""

    name: str
    port: int
    process: subprocess.Popen[bytes]

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def cpu_seconds(self) -> float:
        """User + system CPU time of the process so far (Linux /proc)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


def start_uvicorn(name: str, factory: str, env: dict[str, str]) -> Server:
    """Start ``uvicorn --factory apps:FACTORY`` pinned to CPU 0 and wait until it answers."""
    port = _free_port()
    command = [*_pin(0), str(BIN / "uvicorn"), "--factory", factory, "--app-dir", str(HTTP_DIR),
               "--host", "127.0.0.1", "--port", str(port), "--workers", "1", "--loop", "uvloop",
               "--http", "httptools", "--no-access-log", "--log-level", "warning"]
    full_env = dict(os.environ, PYTHONPATH=str(ROOT), **env)
    process = subprocess.Popen(command, cwd=ROOT, env=full_env, start_new_session=True)
    server = Server(name, port, process)
    _wait_listening(server)
    return server


def _wait_listening(server: Server, timeout: float = 120.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.process.poll() is not None:
            raise RuntimeError(f"{server.name} exited with code {server.process.returncode}")
        try:
            socket.create_connection(("127.0.0.1", server.port), timeout=0.2).close()
            return
        except OSError:
            time.sleep(0.1)
    raise RuntimeError(f"{server.name} did not start within {timeout:.0f} s")


def post(url: str, body: bytes) -> tuple[int, str, bytes]:
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "Accept": "application/json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return response.status, response.headers.get("content-type", ""), response.read()


def cache_counters(server: Server) -> tuple[int, int]:
    """(hits, misses) of our server's response cache, from /healthz."""
    with urllib.request.urlopen(server.url + "/healthz", timeout=10) as response:
        cache = json.loads(response.read())["cache"]
    return int(cache["hits"]), int(cache["misses"])


# --------------------------------------------------------------------------- load generation

@dataclass
class Load:
    """The outcome of one load run."""

    rps: float
    p50_ms: float
    p99_ms: float
    requests: int
    errors: int
    server_cpu: float = 0.0
    cache_hits: int | None = None
    cache_misses: int | None = None


_UNIT_MS = {"us": 1e-3, "ms": 1.0, "s": 1000.0, "m": 60_000.0}


def _to_ms(text: str) -> float:
    match = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text)
    if match is None:
        raise ValueError(f"unreadable wrk latency {text!r}")
    return float(match.group(1)) * _UNIT_MS[match.group(2)]


def ensure_wrk() -> str | None:
    """The wrk binary, installed with apt-get when missing and possible; None to use the fallback."""
    found = shutil.which("wrk")
    if found or os.geteuid() != 0 or not shutil.which("apt-get"):
        return found
    print("wrk not found: apt-get install -y wrk", flush=True)
    done = subprocess.run(["apt-get", "install", "-y", "wrk"], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        subprocess.run(["apt-get", "update"], capture_output=True, check=False)
        subprocess.run(["apt-get", "install", "-y", "wrk"], capture_output=True, check=False)
    return shutil.which("wrk")


@dataclass
class LoadSpec:
    """What to send: a fixed body, or a unique body per request (prefix + nonce + suffix)."""

    url: str
    body: bytes
    unique: tuple[str, str] | None = None
    nonce_base: int = 0


def run_wrk(wrk: str, spec: LoadSpec, seconds: float, connections: int) -> Load:
    prefix, suffix = spec.unique or ("", "")
    env = dict(os.environ, BENCH_BODY=spec.body.decode(), BENCH_PREFIX=prefix, BENCH_SUFFIX=suffix,
               BENCH_NONCE_BASE=str(spec.nonce_base))
    command = [*_pin(1), wrk, "-t1", f"-c{connections}", f"-d{seconds:g}s", "--latency", "--timeout", "10s",
               "-s", str(HTTP_DIR / "post.lua"), spec.url]
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=seconds + 60, check=True).stdout

    def grab(pattern: str) -> str:
        match = re.search(pattern, out, re.M)
        if match is None:
            raise RuntimeError(f"unexpected wrk output:\n{out}")
        return match.group(1)

    non_2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", out)
    socket_errors = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", out)
    errors = int(non_2xx.group(1)) if non_2xx else 0
    if socket_errors:
        errors += sum(int(g) for g in socket_errors.groups())
    return Load(rps=float(grab(r"Requests/sec:\s+([\d.]+)")), p50_ms=_to_ms(grab(r"^\s+50%\s+(\S+)")),
                p99_ms=_to_ms(grab(r"^\s+99%\s+(\S+)")), requests=int(grab(r"(\d+) requests in")), errors=errors)


async def _python_load(spec: LoadSpec, seconds: float, connections: int) -> Load:
    """A small keep-alive HTTP/1.1 load generator (used only when wrk is unavailable)."""
    host, port_path = spec.url.removeprefix("http://").split(":", 1)
    port, path = port_path.split("/", 1)
    latencies: list[float] = []
    errors = 0
    nonce = spec.nonce_base
    stop = time.perf_counter() + seconds

    def next_body() -> bytes:
        nonlocal nonce
        if spec.unique is None:
            return spec.body
        nonce += 1
        return f"{spec.unique[0]}{nonce}{spec.unique[1]}".encode()

    async def worker() -> None:
        nonlocal errors
        reader, writer = await asyncio.open_connection(host, int(port))
        head = (f"POST /{path} HTTP/1.1\r\nHost: {host}\r\n"
                "Content-Type: application/json\r\nAccept: application/json\r\n")
        while time.perf_counter() < stop:
            body = next_body()
            started = time.perf_counter()
            writer.write(f"{head}Content-Length: {len(body)}\r\n\r\n".encode() + body)
            status_line = await reader.readline()
            length = 0
            while (line := await reader.readline()) not in (b"\r\n", b""):
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":", 1)[1])
            await reader.readexactly(length)
            latencies.append(time.perf_counter() - started)
            if b" 200 " not in status_line:
                errors += 1
        writer.close()

    began = time.perf_counter()
    await asyncio.gather(*(worker() for _ in range(connections)))
    elapsed = time.perf_counter() - began
    latencies.sort()
    return Load(rps=len(latencies) / elapsed, p50_ms=latencies[len(latencies) // 2] * 1000,
                p99_ms=latencies[int(len(latencies) * 0.99)] * 1000, requests=len(latencies), errors=errors)


def run_python_load(spec: LoadSpec, seconds: float, connections: int) -> Load:
    """Run the fallback generator in its own process pinned to CPU 1 (``--load-generator``)."""
    command = [*_pin(1), sys.executable, __file__, "--load-generator",
               json.dumps({"spec": {**asdict(spec), "body": spec.body.decode()}, "seconds": seconds,
                           "connections": connections})]
    out = subprocess.run(command, capture_output=True, text=True, check=True, timeout=seconds + 60).stdout
    return Load(**json.loads(out))


# --------------------------------------------------------------------------- the benchmark

@dataclass
class Config:
    """One measured configuration: a query against our server (two modes) or the floor."""

    query: Query
    mode: str  # "repeated", "first-time", "floor" or "graphql-js"
    runs: list[Load] = field(default_factory=list)

    def median(self, attribute: str) -> float:
        return statistics.median(getattr(run, attribute) for run in self.runs)


def measure(config: Config, ours: Server, floor: Server, node: Server | None, generate: Any,
            args: argparse.Namespace, nonce_base: int) -> Load:
    """Warm up, then one timed run of a config; checks the response-cache counters for our server."""
    query = config.query
    if config.mode == "floor":
        server, spec = floor, LoadSpec(f"{floor.url}/floor/{query.name}", query.body())
    elif config.mode == "graphql-js":
        assert node is not None
        server, spec = node, LoadSpec(f"{node.url}/graphql", query.body(), query.unique_parts(), nonce_base)
    else:
        unique = query.unique_parts() if config.mode == "first-time" else None
        server, spec = ours, LoadSpec(f"{ours.url}/graphql", query.body(), unique, nonce_base)
    generate(spec, args.warmup, args.connections)
    spec.nonce_base = nonce_base + 10_000_000  # past whatever the warm-up sent
    before = cache_counters(ours) if server is ours else None
    cpu_before, wall_before = server.cpu_seconds(), time.monotonic()
    load: Load = generate(spec, args.duration, args.connections)
    load.server_cpu = (server.cpu_seconds() - cpu_before) / (time.monotonic() - wall_before)
    if before is not None:
        hits, misses = cache_counters(ours)
        load.cache_hits, load.cache_misses = hits - before[0], misses - before[1]
        answered = load.cache_hits + load.cache_misses
        if config.mode == "first-time" and load.cache_hits:
            raise RuntimeError(f"{query.name} first-time: {load.cache_hits} response-cache hits; bodies not unique")
        if config.mode == "repeated" and load.cache_misses > answered * 0.01 + 1:
            raise RuntimeError(f"{query.name} repeated: {load.cache_misses} of {answered} missed the cache")
    return load


def fetch_expected(ours: Server, queries: tuple[Query, ...]) -> dict[str, dict[str, str]]:
    """Each query's answer from our server, checked identical across plain and unique bodies."""
    expected: dict[str, dict[str, str]] = {}
    for query in queries:
        bodies = (query.body(), query.body(), query.body(1), query.body(2))
        answers = [post(f"{ours.url}/graphql", body) for body in bodies]
        status, media_type, first = answers[0]
        if status != 200 or b'"errors"' in first:
            raise RuntimeError(f"{query.name}: HTTP {status}: {first[:500]!r}")
        if any(answer != answers[0] for answer in answers[1:]):
            raise RuntimeError(f"{query.name}: answers differ between fetches")
        expected[query.name] = {"body": first.decode(), "media_type": media_type}
    return expected


def check_floor(floor: Server, expected: dict[str, dict[str, str]]) -> None:
    for name, entry in expected.items():
        status, _, body = post(f"{floor.url}/floor/{name}", b"{}")
        if status != 200 or body != entry["body"].encode():
            raise RuntimeError(f"floor {name}: not the same bytes as our server")


#: The queries the graphql-js reference server can answer from its dump.
NODE_QUERIES = ("entity", "page50")


def dump_for_node(store: Path, out: Path) -> None:
    """The graph as the graphql-js server reads it: entities in our default (label) order, each with
    its statements in our order and their evidence (as our ``Statement.evidence`` gives it, quotes
    of claims and passages included), cursors precomputed with our encoding."""
    sys.path.insert(0, str(ROOT))
    from evidence_graph.schema.pagination import encode_cursor
    from evidence_graph.schema.query import EntitySort, SortField, _sort_key
    from evidence_graph.schema.types import ENTITY_CLASSES, GenericEntity, _statement_key, statement_object
    from evidence_graph.server import load_snapshot

    views = load_snapshot(store).views

    def evidence(statement: Any) -> list[dict[str, Any]]:
        return [{"quote": e.quote, "start": e.start, "end": e.end, "documentIri": e.document_iri}
                for e in statement_object(views, statement).evidence()]

    key = _sort_key(views, [EntitySort(field=SortField.LABEL)], {})
    entities = []
    for record in sorted(views.nodes.values(), key=key):
        cls = ENTITY_CLASSES.get(record.type, GenericEntity)
        type_name = cls.__strawberry_definition__.name if cls is not GenericEntity else "Entity_"  # type: ignore[attr-defined]
        statements = [{"statementId": s.id, "predicate": s.predicate, "graph": s.graph, "subjectIri": s.subject,
                       "objectIri": s.object if s.object_is_node else None, "objectIsNode": s.object_is_node,
                       "cursor": encode_cursor(_statement_key(s)), "evidence": evidence(s)}
                      for s in views.statements_of(record.iri)]
        entities.append({"__typename": type_name, "iri": record.iri, "key": record.key, "label": record.label,
                         "aliases": record.aliases, "types": record.types, "cursor": encode_cursor(key(record)),
                         "statements": statements})
    out.write_text(json.dumps({"entities": entities}), encoding="utf-8")


def start_node(store: Path, work: Path, expected: dict[str, dict[str, str]]) -> Server:
    """Install graphql-js (once, into bench/http/node_modules), dump the data, start the server pinned
    to CPU 0 and check that its answers equal ours."""
    if not (HTTP_DIR / "node_modules" / "graphql-http").exists():
        subprocess.run(["npm", "install", "--no-audit", "--no-fund", "--silent"], cwd=HTTP_DIR, check=True)
    data = work / "node_data.json"
    dump_for_node(store, data)
    port = _free_port()
    env = dict(os.environ, PORT=str(port), SDL=str(ROOT / "schema.graphql"), DATA=str(data))
    process = subprocess.Popen([*_pin(0), "node", str(HTTP_DIR / "node_server.mjs")], env=env,
                               start_new_session=True)
    server = Server("graphql-js", port, process)
    _wait_listening(server)
    for query in QUERIES:
        if query.name in NODE_QUERIES:
            _, _, body = post(f"{server.url}/graphql", query.body(7))
            if json.loads(body) != json.loads(expected[query.name]["body"]):
                raise RuntimeError(f"graphql-js {query.name}: answer differs from ours: {body[:300]!r}")
    return server


def build_store(store: Path) -> None:
    print(f"building the sample corpus into {store} …", flush=True)
    subprocess.run([str(BIN / "evidence-graph"), "--store", str(store), "build", "--quiet"], cwd=ROOT, check=True)


def print_table(configs: list[Config]) -> str:
    floors = {c.query.name: c.median("rps") for c in configs if c.mode == "floor"}
    header = (f"{'query':<10} {'mode':<11} {'req/s':>9} {'p50 ms':>8} {'p99 ms':>8} {'floor req/s':>12} "
              f"{'ratio':>6} {'srv cpu':>7}  runs req/s")
    lines = [header, "-" * len(header)]
    for c in configs:
        floor_rps = floors[c.query.name]
        runs = "/".join(f"{r.rps:.0f}" for r in c.runs)
        lines.append(f"{c.query.name:<10} {c.mode:<11} {c.median('rps'):>9,.0f} {c.median('p50_ms'):>8.2f} "
                     f"{c.median('p99_ms'):>8.2f} {floor_rps:>12,.0f} {c.median('rps') / floor_rps:>6.3f} "
                     f"{c.median('server_cpu'):>7.2f}  {runs}")
    first_time = {c.query.name: c.median("rps") for c in configs if c.mode == "first-time"}
    for c in configs:
        if c.mode == "graphql-js" and c.query.name in first_time:
            lines.append(f"{c.query.name}: first-time ours / graphql-js = {first_time[c.query.name]:,.0f} / "
                         f"{c.median('rps'):,.0f} = {first_time[c.query.name] / c.median('rps'):.2f}")
    text = "\n".join(lines)
    print(text, flush=True)
    return text


@contextlib.contextmanager
def servers(store: Path, work: Path, with_node: bool
            ) -> Iterator[tuple[Server, Server, Server | None, dict[str, dict[str, str]]]]:
    """Our server, the floor and (optionally) the graphql-js server, stopped on the way out."""
    started: list[Server] = []
    try:
        ours = start_uvicorn("evidence-graph", "apps:evidence_app", {"EVIDENCE_GRAPH_STORE": str(store)})
        started.append(ours)
        expected = fetch_expected(ours, QUERIES)
        bodies = work / "floor_bodies.json"
        bodies.write_text(json.dumps(expected), encoding="utf-8")
        floor = start_uvicorn("floor", "apps:floor_app", {"BENCH_FLOOR_BODIES": str(bodies)})
        started.append(floor)
        check_floor(floor, expected)
        node = start_node(store, work, expected) if with_node else None
        if node is not None:
            started.append(node)
        yield ours, floor, node, expected
    finally:
        for server in reversed(started):
            server.stop()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--duration", type=float, default=10.0, help="seconds per timed run (default 10)")
    parser.add_argument("--warmup", type=float, default=2.0, help="seconds of warm-up before each run (default 2)")
    parser.add_argument("--reps", type=int, default=3, help="interleaved repetitions (default 3)")
    parser.add_argument("--connections", type=int, default=32, help="concurrent connections (default 32)")
    parser.add_argument("--only", default="", help="regex selecting query names")
    parser.add_argument("--store", type=Path, help="an already built store (default: build the sample)")
    parser.add_argument("--python-load", action="store_true", help="use the asyncio load generator, not wrk")
    parser.add_argument("--node", action="store_true",
                        help=f"also measure a graphql-js server (first-time) on: {', '.join(NODE_QUERIES)}")
    parser.add_argument("--load-generator", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.load_generator:
        job = json.loads(args.load_generator)
        spec = LoadSpec(**{**job["spec"], "body": job["spec"]["body"].encode(),
                           "unique": tuple(job["spec"]["unique"]) if job["spec"]["unique"] else None})
        print(json.dumps(asdict(asyncio.run(_python_load(spec, job["seconds"], job["connections"])))))
        return 0

    wrk = None if args.python_load else ensure_wrk()
    generator = "wrk" if wrk else "python-asyncio"

    def generate(spec: LoadSpec, seconds: float, connections: int) -> Load:
        if wrk:
            return run_wrk(wrk, spec, seconds, connections)
        return run_python_load(spec, seconds, connections)

    if wrk is None:
        print("wrk unavailable: using the asyncio load generator (it saturates near 10k req/s, so floors are low)")
    queries = tuple(q for q in QUERIES if re.search(args.only, q.name))
    configs = [Config(q, mode) for q in queries for mode in ("repeated", "first-time", "floor")]
    if args.node:
        configs += [Config(q, "graphql-js") for q in queries if q.name in NODE_QUERIES]
    with tempfile.TemporaryDirectory(prefix="http-bench-") as tmp:
        work = Path(tmp)
        store = args.store or work / "store"
        if args.store is None:
            build_store(store)
        with servers(store, work, args.node) as (ours, floor, node, expected):
            sizes = {name: len(entry["body"].encode()) for name, entry in expected.items()}
            print(f"load: {generator}, {args.connections} connections, {args.warmup:g} s warm-up + "
                  f"{args.duration:g} s x {args.reps} interleaved reps; server and floor on CPU 0, load on CPU 1",
                  flush=True)
            # wrk's LuaJIT counts in doubles printed with 14 digits: keep nonces below 1e13.
            nonce = (int(time.time()) % 900) * 10_000_000_000
            for rep in range(1, args.reps + 1):
                for config in configs:
                    nonce += 100_000_000
                    load = measure(config, ours, floor, node, generate, args, nonce)
                    config.runs.append(load)
                    cache = (f"  cache hits {load.cache_hits} misses {load.cache_misses}"
                             if load.cache_hits is not None else "")
                    print(f"rep {rep} {config.query.name:<9} {config.mode:<11} {load.rps:>9,.0f} req/s  "
                          f"p50 {load.p50_ms:7.2f} ms  p99 {load.p99_ms:8.2f} ms  cpu {load.server_cpu:.2f}  "
                          f"errors {load.errors}{cache}", flush=True)
    print()
    table = print_table(configs)
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"http_{time.strftime('%Y%m%d-%H%M%S')}.json"
    floors = {c.query.name: c.median("rps") for c in configs if c.mode == "floor"}
    out.write_text(json.dumps({
        "command": " ".join([Path(sys.executable).name, *sys.argv]),
        "generator": generator, "connections": args.connections, "duration_s": args.duration,
        "warmup_s": args.warmup, "reps": args.reps, "cpus": os.cpu_count(), "pinned": bool(_pin(0)),
        "queries": {q.name: {"title": q.title, "document": q.document, "variables": q.variables,
                             "response_bytes": sizes[q.name]} for q in queries},
        "summary": [{"query": c.query.name, "mode": c.mode, "rps": c.median("rps"), "p50_ms": c.median("p50_ms"),
                     "p99_ms": c.median("p99_ms"), "server_cpu": c.median("server_cpu"),
                     "floor_rps": floors[c.query.name], "ratio": c.median("rps") / floors[c.query.name]}
                    for c in configs],
        "runs": {f"{c.query.name}/{c.mode}": [asdict(r) for r in c.runs] for c in configs},
        "table": table,
    }, indent=1), encoding="utf-8")
    print(f"\nwrote {out.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
