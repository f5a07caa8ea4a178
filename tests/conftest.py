"""Shared fixtures: the sample corpus built once into a store, and SPARQL helpers."""

from __future__ import annotations

import contextlib
import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import ID, PREFIXES
from evidence_graph.pipeline.build import DEFAULT_CORPUS, build_into_store

SPARQL_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p != "id")
SAMPLE = DEFAULT_CORPUS / "kcc-commissioning-select-committee"
PACK = "doc/kcc-commissioning-select-committee/2014-01-30-agenda-pack"
MINUTES = "doc/kcc-commissioning-select-committee/2014-01-30-minutes-thom-wilson"
FIXTURES = Path(__file__).parent / "fixtures"
ROOT = Path(__file__).resolve().parents[1]
#: The command line of the checkout, run by this interpreter.
CLI = (sys.executable, "-m", "evidence_graph.cli")

#: How hard the robustness tests push (fuzz examples, hostile fan-outs, soak seconds, kill trials):
#: "small" in `.ci/run`, "full" through `make stress` (env EVIDENCE_GRAPH_STRESS).
STRESS = os.environ.get("EVIDENCE_GRAPH_STRESS", "small")
FULL_STRESS = STRESS == "full"


def stress(small: int, full: int) -> int:
    """A budget for a robustness test: ``small`` in CI, ``full`` under ``make stress``."""
    return full if FULL_STRESS else small


settings.register_profile("small", max_examples=60, deadline=None, derandomize=True,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.register_profile("full", max_examples=2_000, deadline=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
settings.load_profile("full" if FULL_STRESS else "small")


_KEY = re.compile(r"\bid:([A-Za-z0-9/_\-#.]*[A-Za-z0-9_\-])")


def expand_keys(query: str) -> str:
    """Write ``id:person/thom-wilson`` as a full IRI (SPARQL local names cannot hold ``/``)."""
    return _KEY.sub(lambda m: f"<{ID}{m.group(1)}>", query)


class GraphQuery:
    """SPARQL over a store, returning plain strings; ``id:key`` abbreviates node IRIs."""

    def __init__(self, store: EvidenceStore) -> None:
        self.store = store

    def rows(self, query: str) -> list[tuple[str, ...]]:
        result = self.store.oxigraph.query(SPARQL_PREFIXES + "\n" + expand_keys(query),
                                           use_default_graph_as_union=True)
        return [tuple(term.value if term is not None else "" for term in row) for row in result]

    def values(self, query: str) -> list[str]:
        return [row[0] for row in self.rows(query)]

    def ask(self, query: str) -> bool:
        return bool(self.store.oxigraph.query(SPARQL_PREFIXES + "\nASK {" + expand_keys(query) + "}",
                                              use_default_graph_as_union=True))


def text_mentions(text: str, kinds: tuple[str, ...] | None = None) -> set[tuple[str, str]]:
    """The (kind, label) pairs of the mentions the loaders find in a text read as one document,
    with no manifest and no context; only the given kinds when ``kinds`` is given."""
    from evidence_graph.loaders.context import CorpusContext
    from evidence_graph.loaders.document import Document
    from evidence_graph.loaders.mentions import find_mentions
    from evidence_graph.loaders.structure import parse_document

    parsed = parse_document(Document("minutes.txt", "minutes", text, "0"))
    return {(m.kind, m.label) for m in find_mentions(parsed, CorpusContext()) if kinds is None or m.kind in kinds}


def exported_people(tmp_path: Path, text: str, name: str = "minutes.txt") -> list[tuple[str, ...]]:
    """The people an export of the document alone presents, each with all its labels, sorted.

    The document is written as ``tmp_path/paper/name`` and read as ``evidence-graph export``
    reads one file (:func:`evaluation.predicted.predict_document`); it must load without error.
    """
    from evidence_graph.evaluation.predicted import predict_document  # only the people tests need the evaluator

    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / name).write_text(text)
    predicted = predict_document(folder / name)
    assert predicted.errors == []
    return sorted(e.labels for e in predicted.family("people"))


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> EvidenceStore:
    store = EvidenceStore(tmp_path_factory.mktemp("store") / "sample")
    result = build_into_store(store, [DEFAULT_CORPUS])
    assert result.errors == []
    return store


@pytest.fixture(scope="session")
def sample(sample_store: EvidenceStore) -> GraphQuery:
    return GraphQuery(sample_store)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


class LiveServer:
    """`evidence-graph serve` running as a real process on a free loopback port."""

    def __init__(self, store: Path, process: subprocess.Popen[bytes], url: str) -> None:
        self.store = store
        self.process = process
        self.url = url

    def get(self, path: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        return self.request("GET", path, None, headers)

    def request(self, method: str, path: str, body: bytes | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        request = urllib.request.Request(self.url + path, data=body, method=method, headers=headers or {})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, {k.lower(): v for k, v in response.headers.items()}, response.read()
        except urllib.error.HTTPError as error:
            return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()

    def graphql(self, query: str, variables: dict[str, object] | None = None) -> dict[str, object]:
        body = json.dumps({"query": query, "variables": variables or {}}).encode()
        status, _, payload = self.request("POST", "/graphql", body, {"content-type": "application/json"})
        assert status == 200, payload
        return json.loads(payload)

    def health(self) -> dict[str, object]:
        return json.loads(self.get("/healthz")[2])


@contextlib.contextmanager
def serving(store: Path, log: Path, env: dict[str, str] | None = None, command: Sequence[str] = CLI,
            cwd: Path = ROOT, port: int | None = None) -> Iterator[LiveServer]:
    """`evidence-graph serve` on ``store`` as a real process on a loopback port (``port``, else a
    free one), its output in ``log``; stopped on exit. ``command`` runs the CLI (the checkout's by
    default) in ``cwd``."""
    port = port or free_port()
    with log.open("wb") as output:
        process = subprocess.Popen([*command, "--store", str(store), "serve", "--port", str(port), "--no-access-log"],
                                   stdout=output, stderr=subprocess.STDOUT, cwd=cwd, env=env)
    server = LiveServer(store, process, f"http://127.0.0.1:{port}")
    deadline = time.monotonic() + 120
    while True:
        try:
            if server.get("/healthz")[0] == 200:
                break
        except OSError:
            pass
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError("the server did not start: " + log.read_text())
        time.sleep(0.25)
    try:
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    """The sample corpus built by the CLI into a fresh store and served by the CLI, as a user runs it."""
    store = tmp_path_factory.mktemp("served") / "store"
    built = subprocess.run([*CLI, "--store", str(store), "build", "--quiet"],
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    with serving(store, store.parent / "server.log") as server:
        yield server
