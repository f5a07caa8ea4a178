"""Graph exports: seconds, peak memory and bytes, from the CLI and streamed over HTTP.

One command: ``.venv/bin/python bench/export_bench.py`` (or ``make bench-export``).

What it measures
----------------
Two stores, each exported whole:

- **the sample**, the bundled corpus built by ``evidence-graph build --quiet`` into a temporary
  store, in **every** registered format (:data:`evidence_graph.graph.export.FORMATS`);
- **a synthetic graph** of ``--nodes`` entities (100,000 by default) and about 2.4 edges per
  node, written straight into an on-disk store through pyoxigraph (:func:`write_synthetic_store`),
  in the formats graph tools read at that size: node-link, Cytoscape.js and graphology JSON,
  GraphML and GEXF, and the streamed RDF formats N-Quads, Turtle, TriG and JSON-LD
  (:data:`SYNTHETIC_FORMATS`). It is shaped like built evidence: people,
  organisations, places and issues in the registry graph, with ``skos:prefLabel``,
  ``schema:name`` and ``skos:altLabel``; documents, passages and claims in named document graphs
  (``graph/doc/synthetic/meeting-NNNN``), linked by ``schema:author``, ``prov:wasAttributedTo``,
  ``schema:about``, ``org:memberOf`` …, every tenth claim's authorship reified with a quote
  (``rdf:Statement`` → ``oa:SpecificResource`` → position and quote selectors), as the loaders
  write evidence. The export's own node count (the nodes of the node-link JSON) is printed.

Each export is measured twice:

- **CLI**: ``evidence-graph --store STORE export --format F -o FILE`` in a fresh process: wall
  time from ``Popen`` to exit (interpreter start-up and imports included; the start-up alone is
  printed beside the table) and the process's own peak RSS, from ``os.wait4``'s resource usage
  of that one child (so no other child's peak can leak in);
- **HTTP**: ``GET /export/{format}`` from one ``evidence-graph serve`` per store (started once,
  ready when ``/healthz`` answers), the whole streamed body read with urllib in 1 MiB reads:
  seconds to the first byte and to the last, and the server's resident memory sampled from
  ``/proc/PID/status`` every 20 ms: just before the request, and its peak during the download
  (the difference, "+MB", is what one export costs the server: if the export streams, it does
  not grow with the body). The body's SHA-256 is compared with the CLI's file.

Nodes are counted in the CLI's files (JSON: parsed; GraphML, GEXF: ``<node`` elements; CSV
nodes: rows); the RDF formats have no nodes to count.

Usage::

    .venv/bin/python bench/export_bench.py                         # sample + 100 k nodes, ~15 min
    .venv/bin/python bench/export_bench.py --skip-synthetic        # the sample only, ~1 min
    .venv/bin/python bench/export_bench.py --nodes 20000 --formats nodelink,gexf --json /tmp/e.json

Figures are printed as a table and written as JSON to ``bench/results/export_bench.json``
(git-ignored), or to ``--json PATH``.
"""

from __future__ import annotations

import argparse
import contextlib
import csv
import datetime as dt
import gc
import hashlib
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
sys.path.insert(0, str(BENCH))

import pyoxigraph as ox  # noqa: E402
from http_bench import Server, _free_port  # noqa: E402

from evidence_graph.graph.export import FORMATS  # noqa: E402
from evidence_graph.graph.iris import document_graph, iri, registry_graph  # noqa: E402
from evidence_graph.graph.store import STORE_GRAPH, EvidenceStore  # noqa: E402
from evidence_graph.graph.vocabulary import BASE, EG, ORG, SCHEMA  # noqa: E402

#: The formats the synthetic graph is exported in (those graph tools open at 100 k nodes).
SYNTHETIC_FORMATS = ("nodelink", "cytoscape", "graphology", "graphml", "gexf", "nquads", "turtle", "trig", "jsonld")
#: Every child process mints and reads IRIs under this process's base, whatever port it serves on.
ENV = dict(os.environ, EVIDENCE_GRAPH_BASE=BASE)
CLI = (sys.executable, "-m", "evidence_graph.cli")
READ_BYTES = 1 << 20
SAMPLE_SECONDS = 0.02

_RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_OA = "http://www.w3.org/ns/oa#"
_PROV = "http://www.w3.org/ns/prov#"
_DCTERMS = "http://purl.org/dc/terms/"
_FOAF = "http://xmlns.com/foaf/0.1/"
_XSD_INTEGER = ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")
_GIVEN = ("Alys", "Bryn", "Cara", "Dafydd", "Elin", "Ffion", "Gareth", "Hywel", "Iona", "Jac", "Kerys",
          "Llinos", "Macsen", "Nia", "Owain", "Peredur", "Rhian", "Siôn", "Tegan", "Wyn")
_FAMILY = ("Abbott", "Ashworth", "Bainbridge", "Barraclough", "Blakemore", "Brightwell", "Calloway",
           "Davenport", "Elphick", "Fairbairn", "Gillespie", "Hallam", "Ingleby", "Jessop", "Kershaw",
           "Lockwood", "Mottram", "Nuttall", "Oldroyd", "Pickersgill", "Quarmby", "Rushworth")
_WORDS = ("commissioning", "provider", "contract", "budget", "outcomes", "children", "care", "transport",
          "housing", "procurement", "savings", "review", "capacity", "quality", "market", "framework",
          "tender", "partnership", "prevention", "workforce", "demand", "pathway", "support", "value")
_ORG_ENDS = ("Trust", "Services", "Partnership", "Support", "Care", "Foundation", "Group", "Council")


# --------------------------------------------------------------------------- the synthetic graph

def _node(key: str) -> ox.NamedNode:
    return ox.NamedNode(str(iri(key)))


def _term(namespace: Any, local: str) -> ox.NamedNode:
    return ox.NamedNode(f"{namespace}{local}")


def synthetic_quads(nodes: int, seed: int = 7) -> Iterator[ox.Quad]:
    """The quads of a synthetic evidence graph whose export has ``nodes`` nodes.

    Parameters
    ----------
    nodes : int
        Entities the views (and so the network exports) will count: 15% people, 5% organisations,
        2% places, 1% issues (and their concept scheme) in the registry graph; one document per
        500 nodes; the rest passages and claims of those documents, in the documents' graphs.
    seed : int
        Seed of the generator: the same arguments give the same quads.

    Yields
    ------
    pyoxigraph.Quad
        Types, labels and texts, links between entities (a skewed choice of targets, so that some
        people and organisations are hubs), structural links (``dcterms:isPartOf``,
        ``skos:inScheme``, ``schema:appearance``) and, for every tenth claim, its authorship
        reified with a quoted passage span.
    """
    rng = random.Random(seed)
    people, orgs, places, issues = (max(1, int(nodes * share)) for share in (0.15, 0.05, 0.02, 0.01))
    documents = max(1, nodes // 500)
    rest = nodes - people - orgs - places - issues - 1 - documents
    if rest < 2:
        raise ValueError(f"--nodes {nodes} is too few for a synthetic graph (at least 1,000)")
    passages = rest * 12 // 25
    claims = rest - passages

    registry = ox.NamedNode(str(registry_graph()))
    rdf_type, pref, alt, name = _term(_RDF, "type"), _term(_SKOS, "prefLabel"), _term(_SKOS, "altLabel"), \
        _term(SCHEMA, "name")
    text, author, about = _term(SCHEMA, "text"), _term(SCHEMA, "author"), _term(SCHEMA, "about")
    part_of, attributed = _term(_DCTERMS, "isPartOf"), _term(_PROV, "wasAttributedTo")

    def skewed(count: int) -> int:
        return int(count * rng.random() ** 2.5)

    def words(n: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(n))

    person = [_node(f"person/p{i}") for i in range(people)]
    org = [_node(f"org/o{i}") for i in range(orgs)]
    place = [_node(f"place/pl{i}") for i in range(places)]
    issue = [_node(f"concept/issue/i{i}") for i in range(issues)]
    scheme = _node("concept/scheme/issues")

    yield ox.Quad(scheme, rdf_type, _term(_SKOS, "ConceptScheme"), registry)
    yield ox.Quad(scheme, pref, ox.Literal("Issues raised in evidence"), registry)
    for i, node in enumerate(person):
        given, family = rng.choice(_GIVEN), rng.choice(_FAMILY)
        label = ox.Literal(f"{given} {family} {i}")
        yield from (ox.Quad(node, rdf_type, _term(SCHEMA, "Person"), registry),
                    ox.Quad(node, rdf_type, _term(_FOAF, "Person"), registry),
                    ox.Quad(node, name, label, registry), ox.Quad(node, pref, label, registry),
                    ox.Quad(node, alt, ox.Literal(f"Cllr {given[0]} {family} {i}"), registry),
                    ox.Quad(node, _term(SCHEMA, "familyName"), ox.Literal(family), registry),
                    ox.Quad(node, _term(ORG, "memberOf"), org[skewed(orgs)], registry))
    for i, node in enumerate(org):
        label = ox.Literal(f"{rng.choice(_FAMILY)} {rng.choice(_WORDS).title()} {rng.choice(_ORG_ENDS)} {i}")
        yield from (ox.Quad(node, rdf_type, _term(ORG, "FormalOrganization"), registry),
                    ox.Quad(node, rdf_type, _term(SCHEMA, "Organization"), registry),
                    ox.Quad(node, name, label, registry), ox.Quad(node, pref, label, registry),
                    ox.Quad(node, alt, ox.Literal(f"ORG{i}"), registry),
                    ox.Quad(node, _term(SCHEMA, "location"), place[skewed(places)], registry),
                    ox.Quad(node, _term(EG, "raisedIssue"), issue[rng.randrange(issues)], registry))
    for i, node in enumerate(place):
        label = ox.Literal(f"{rng.choice(_FAMILY)}ton {i}")
        yield from (ox.Quad(node, rdf_type, _term(SCHEMA, "Place"), registry),
                    ox.Quad(node, name, label, registry), ox.Quad(node, pref, label, registry))
        if i:
            yield ox.Quad(node, _term(SCHEMA, "containedInPlace"), place[rng.randrange(i)], registry)
    for i, node in enumerate(issue):
        yield from (ox.Quad(node, rdf_type, _term(_SKOS, "Concept"), registry),
                    ox.Quad(node, pref, ox.Literal(f"{words(2)} {i}"), registry),
                    ox.Quad(node, _term(_SKOS, "inScheme"), scheme, registry))

    doc_keys = [f"synthetic/meeting-{d:04d}" for d in range(documents)]
    doc = [_node(f"doc/{key}") for key in doc_keys]
    graph = [ox.NamedNode(str(document_graph(key))) for key in doc_keys]
    for d in range(documents):
        yield from (ox.Quad(doc[d], rdf_type, _term(SCHEMA, "DigitalDocument"), graph[d]),
                    ox.Quad(doc[d], rdf_type, _term(_FOAF, "Document"), graph[d]),
                    ox.Quad(doc[d], _term(_DCTERMS, "title"), ox.Literal(f"Minutes of meeting {d}"), graph[d]))

    def speaker() -> ox.NamedNode:
        return person[skewed(people)] if rng.random() < 0.7 else org[skewed(orgs)]

    passage_of: list[ox.NamedNode] = []
    for j in range(passages):
        d = j % documents
        node = ox.NamedNode(f"{doc[d].value}#block_{j}")
        passage_of.append(node)
        yield from (ox.Quad(node, rdf_type, _term(EG, "Passage"), graph[d]),
                    ox.Quad(node, text, ox.Literal(words(rng.randint(12, 40)).capitalize() + "."), graph[d]),
                    ox.Quad(node, _term(SCHEMA, "position"), ox.Literal(str(j // documents), datatype=_XSD_INTEGER),
                            graph[d]),
                    ox.Quad(node, part_of, doc[d], graph[d]),
                    ox.Quad(node, author, speaker(), graph[d]),
                    ox.Quad(node, about, issue[skewed(issues)], graph[d]))
    for k in range(claims):
        d = k % documents
        node = ox.NamedNode(f"{doc[d].value}#claim-{k}")
        who = speaker()
        quote = words(rng.randint(6, 16))
        yield from (ox.Quad(node, rdf_type, _term(SCHEMA, "Claim"), graph[d]),
                    ox.Quad(node, text, ox.Literal(quote.capitalize() + "."), graph[d]),
                    ox.Quad(node, author, who, graph[d]), ox.Quad(node, attributed, who, graph[d]),
                    ox.Quad(node, about, issue[skewed(issues)], graph[d]),
                    ox.Quad(node, _term(SCHEMA, "appearance"), doc[d], graph[d]))
        if rng.random() < 0.5:
            yield ox.Quad(node, about, org[skewed(orgs)], graph[d])
        if k % 10 == 0:  # the authorship, with the words on the page that support it
            passage = passage_of[rng.randrange(d, passages, documents)] if passages > d else doc[d]
            start = rng.randrange(0, 5000)
            statement = ox.NamedNode(f"{doc[d].value}#st-{k}")
            span = ox.NamedNode(f"{doc[d].value}#span-{start}-{start + len(quote)}-{k}")
            position, exact = ox.NamedNode(span.value + ".position"), ox.NamedNode(span.value + ".quote")
            yield from (ox.Quad(statement, rdf_type, _term(_RDF, "Statement"), graph[d]),
                        ox.Quad(statement, _term(_RDF, "subject"), node, graph[d]),
                        ox.Quad(statement, _term(_RDF, "predicate"), author, graph[d]),
                        ox.Quad(statement, _term(_RDF, "object"), who, graph[d]),
                        ox.Quad(statement, _term(_PROV, "wasQuotedFrom"), span, graph[d]),
                        ox.Quad(statement, _term(EG, "evidence"), passage, graph[d]),
                        ox.Quad(span, rdf_type, _term(_OA, "SpecificResource"), graph[d]),
                        ox.Quad(span, _term(_OA, "hasSelector"), position, graph[d]),
                        ox.Quad(span, _term(_OA, "hasSelector"), exact, graph[d]),
                        ox.Quad(span, part_of, passage, graph[d]),
                        ox.Quad(position, rdf_type, _term(_OA, "TextPositionSelector"), graph[d]),
                        ox.Quad(position, _term(_OA, "start"), ox.Literal(str(start), datatype=_XSD_INTEGER),
                                graph[d]),
                        ox.Quad(position, _term(_OA, "end"),
                                ox.Literal(str(start + len(quote)), datatype=_XSD_INTEGER), graph[d]),
                        ox.Quad(exact, rdf_type, _term(_OA, "TextQuoteSelector"), graph[d]),
                        ox.Quad(exact, _term(_OA, "exact"), ox.Literal(quote), graph[d]))


def write_synthetic_store(path: Path, nodes: int, seed: int = 7) -> dict[str, float]:
    """Write :func:`synthetic_quads` into a new on-disk store at ``path``, with a generation mark.

    Parameters
    ----------
    path : Path
        The store folder (must not hold a store yet).
    nodes : int
        As for :func:`synthetic_quads`.
    seed : int
        As for :func:`synthetic_quads`.

    Returns
    -------
    dict
        ``quads`` written, ``graphs`` (named graphs of the evidence, as the store lists them),
        ``documents``, ``seconds`` and ``store_mb`` (size on disk).
    """
    started = time.perf_counter()
    with EvidenceStore(path) as store:
        quads = list(synthetic_quads(nodes, seed))
        store.oxigraph.bulk_extend(quads)
        # As a build marks every commit (graph/store.py): the server's watcher reads this mark.
        store.oxigraph.add(ox.Quad(_node("store"), _term(EG, "generation"),
                                   ox.Literal(f"1-{time.time_ns()}-{os.getpid()}"), STORE_GRAPH))
        store.oxigraph.flush()
        figures = {"quads": float(len(quads)), "graphs": float(len(store.graph_names())),
                   "documents": float(len(store.document_keys()))}
    del quads
    gc.collect()
    figures["seconds"] = time.perf_counter() - started
    figures["store_mb"] = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20
    return figures


# --------------------------------------------------------------------------- measuring

@dataclass
class Figure:
    """One measured export."""

    store: str
    format: str
    via: str  # "CLI" or "HTTP"
    seconds: float
    peak_mb: float
    bytes: int
    nodes: int | None = None
    first_byte_s: float | None = None
    before_mb: float | None = None
    sha256: str = ""
    same_as_cli: bool | None = None


def count_nodes(format_name: str, path: Path) -> int | None:
    """Nodes in an export file, where the format has nodes (None for RDF).

    Parameters
    ----------
    format_name : str
        The export format the file is in.
    path : Path
        The file.

    Returns
    -------
    int or None
        JSON formats: the length of their node list; GraphML and GEXF: ``<node`` elements; CSV
        nodes: rows after the header; other formats: None.
    """
    if format_name in ("nodelink", "graphology"):
        return len(json.loads(path.read_bytes())["nodes"])
    if format_name == "cytoscape":
        return len(json.loads(path.read_bytes())["elements"]["nodes"])
    if format_name in ("graphml", "gexf"):
        found, tail = 0, b""
        with path.open("rb") as data:
            while block := data.read(READ_BYTES):
                block = tail + block
                found += block.count(b"<node ")
                tail = block[-5:]
        return found
    if format_name == "csv-nodes":
        with path.open(encoding="utf-8", newline="") as data:
            return sum(1 for _ in csv.reader(data)) - 1
    return None


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as data:
        while block := data.read(READ_BYTES):
            digest.update(block)
    return digest.hexdigest()


def run_cli(store: Path, format_name: str, out: Path, label: str) -> Figure:
    """Export ``store`` in one format with the CLI, in a fresh process, and measure it.

    Parameters
    ----------
    store : Path
        The store to export.
    format_name : str
        A registered export format.
    out : Path
        The file to write (``-o``).
    label : str
        The store's name in the table.

    Returns
    -------
    Figure
        Wall seconds from start to exit, the child's own peak RSS (``os.wait4``: its
        ``ru_maxrss`` alone), bytes written, nodes counted in the file and its SHA-256.
    """
    command = [*CLI, "--store", str(store), "export", "--format", format_name, "-o", str(out)]
    seconds, peak_mb, status, errors = _timed_child(command)
    if status != 0:
        raise SystemExit(f"{' '.join(command)} exited with {status}:\n{errors}")
    return Figure(label, format_name, "CLI", seconds, peak_mb, out.stat().st_size, count_nodes(format_name, out),
                  sha256=_sha256(out))


#: Runs a command from a small process and reports the command's own peak RSS (KiB) on the pipe
#: whose descriptor is its first argument. Linux
#: carries a process's high-water mark across fork and exec, so a child of this benchmark (which
#: grows past 1 GB holding the synthetic store and parsing exports) would report at least the
#: benchmark's own peak; a child of this launcher starts from the launcher's few MB.
_LAUNCHER = ("import os, sys\n"
             "pid = os.fork()\n"
             "if pid == 0:\n"
             "    os.execvp(sys.argv[2], sys.argv[2:])\n"
             "_, status, usage = os.wait4(pid, 0)\n"
             "os.write(int(sys.argv[1]), str(usage.ru_maxrss).encode())\n"
             "sys.exit(os.waitstatus_to_exitcode(status))\n")


def _timed_child(command: list[str]) -> tuple[float, float, int, str]:
    """Run a command; its wall seconds, its own peak RSS (MiB), exit code and standard error."""
    read_end, write_end = os.pipe()
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-S", "-c", _LAUNCHER, str(write_end), *command], cwd=ROOT,
                                   env=ENV, stdout=subprocess.DEVNULL, stderr=errors, pass_fds=(write_end,))
        os.close(write_end)
        returncode = process.wait()
        seconds = time.perf_counter() - started
        with os.fdopen(read_end, "rb") as report:
            peak_kb = int(report.read() or b"0")
        errors.seek(0)
        return seconds, peak_kb / 1024, returncode, errors.read().decode(errors="replace")


def _proc_status_mb(pid: int, field: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"no {field} in /proc/{pid}/status")


class RssSampler:
    """The peak VmRSS of a process, sampled from ``/proc/PID/status`` in a thread while in a ``with``.

    Parameters
    ----------
    pid : int
        The process to watch.
    interval : float
        Seconds between samples.
    """

    def __init__(self, pid: int, interval: float = SAMPLE_SECONDS) -> None:
        self.pid, self.interval = pid, interval
        self.peak_mb = 0.0
        self.samples = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while True:
            with contextlib.suppress(OSError, RuntimeError):
                self.peak_mb = max(self.peak_mb, _proc_status_mb(self.pid, "VmRSS"))
                self.samples += 1
            if self._stop.wait(self.interval):
                return

    def __enter__(self) -> RssSampler:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        with contextlib.suppress(OSError, RuntimeError):  # one last look after the end of the body
            self.peak_mb = max(self.peak_mb, _proc_status_mb(self.pid, "VmRSS"))


@contextlib.contextmanager
def serving(store: Path, log: Path) -> Iterator[tuple[Server, float, float]]:
    """``evidence-graph serve`` on ``store`` on a free loopback port, until the ``with`` ends.

    Yields
    ------
    tuple
        The server, the seconds until ``/healthz`` first answered 200 (the graph loaded) and its
        RSS then, in MiB.
    """
    port = _free_port()
    command = [*CLI, "--store", str(store), "serve", "--host", "127.0.0.1", "--port", str(port), "--no-access-log"]
    started = time.perf_counter()
    with log.open("wb") as output:
        process = subprocess.Popen(command, cwd=ROOT, env=ENV, stdout=output, stderr=subprocess.STDOUT,
                                   start_new_session=True)
    server = Server(store.name, port, process)
    try:
        deadline = time.monotonic() + 900
        while True:
            with contextlib.suppress(OSError), urllib.request.urlopen(server.url + "/healthz", timeout=5) as response:
                if response.status == 200:
                    break
            if process.poll() is not None or time.monotonic() > deadline:
                raise SystemExit(f"the server did not start:\n{log.read_text(errors='replace')}")
            time.sleep(0.2)
        ready = time.perf_counter() - started
        yield server, ready, _proc_status_mb(process.pid, "VmRSS")
    finally:
        server.stop()


def download(server: Server, format_name: str, label: str, cli: Figure | None) -> Figure:
    """Read ``GET /export/{format}`` whole while sampling the server's memory.

    Parameters
    ----------
    server : Server
        A running ``evidence-graph serve``.
    format_name : str
        The format to export.
    label : str
        The store's name in the table.
    cli : Figure, optional
        The CLI's export of the same store and format, to compare bytes with.

    Returns
    -------
    Figure
        Seconds to the last byte and to the first, the server's VmRSS before the request and its
        peak during the download, bytes, and whether the body equals the CLI's file.
    """
    pid = server.process.pid
    gc.collect()
    time.sleep(0.5)  # let the server settle after the previous download
    before = _proc_status_mb(pid, "VmRSS")
    digest = hashlib.sha256()
    size = 0
    with RssSampler(pid) as sampler:
        started = time.perf_counter()
        with urllib.request.urlopen(f"{server.url}/export/{format_name}", timeout=3600) as response:
            first = None
            while block := response.read(READ_BYTES):
                if first is None:
                    first = time.perf_counter() - started
                digest.update(block)
                size += len(block)
        seconds = time.perf_counter() - started
    sha = digest.hexdigest()
    return Figure(label, format_name, "HTTP", seconds, sampler.peak_mb, size, cli.nodes if cli else None,
                  first_byte_s=first, before_mb=before, sha256=sha,
                  same_as_cli=(sha == cli.sha256) if cli else None)


# --------------------------------------------------------------------------- the benchmark

def measure_store(store: Path, label: str, formats: list[str], work: Path) -> tuple[list[Figure], dict[str, float]]:
    """Every format of one store: all by the CLI, then all over HTTP from one server.

    Returns
    -------
    tuple
        The figures (CLI and HTTP rows) and the server's start-up (``ready_s``, ``ready_rss_mb``,
        ``hwm_mb``: its VmHWM at the end).
    """
    figures: list[Figure] = []
    by_cli: dict[str, Figure] = {}
    for name in formats:
        out = work / f"{label}.{name}"
        figure = run_cli(store, name, out, label)
        out.unlink()
        by_cli[name] = figure
        figures.append(figure)
        print(f"  CLI  {label:<10} {name:<11} {figure.seconds:7.2f} s {figure.peak_mb:8.0f} MB "
              f"{figure.bytes:>13,} bytes  nodes {figure.nodes if figure.nodes is not None else '-'}", flush=True)
    with serving(store, work / f"{label}-server.log") as (server, ready_s, ready_rss):
        print(f"  server on {label}: ready in {ready_s:.1f} s, RSS {ready_rss:,.0f} MB", flush=True)
        for name in formats:
            figure = download(server, name, label, by_cli.get(name))
            figures.append(figure)
            print(f"  HTTP {label:<10} {name:<11} {figure.seconds:7.2f} s {figure.peak_mb:8.0f} MB "
                  f"(before {figure.before_mb:,.0f}) {figure.bytes:>13,} bytes  same as CLI: {figure.same_as_cli}",
                  flush=True)
        hwm = _proc_status_mb(server.process.pid, "VmHWM")
    return figures, {"ready_s": ready_s, "ready_rss_mb": ready_rss, "hwm_mb": hwm}


def _cell(value: float | int | bool | None, spec: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "**no**"
    return format(value, spec)


def table(figures: list[Figure]) -> str:
    """The figures as a Markdown table (one row per store, format and way)."""
    head = ("| store | format | via | seconds | first byte s | peak RSS MB | RSS before MB | +MB | bytes | nodes "
            "| = CLI |")
    lines = [head, "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---|"]
    for f in figures:
        grown = f.peak_mb - f.before_mb if f.before_mb is not None else None
        lines.append(f"| {f.store} | {f.format} | {f.via} | {f.seconds:.2f} | {_cell(f.first_byte_s, '.2f')} | "
                     f"{f.peak_mb:,.0f} | {_cell(f.before_mb, ',.0f')} | {_cell(grown, '+,.0f')} | {f.bytes:,} | "
                     f"{_cell(f.nodes, ',')} | {_cell(f.same_as_cli, '')} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its table (``--help`` for the options)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--nodes", type=int, default=100_000, help="nodes of the synthetic graph (default 100000)")
    parser.add_argument("--skip-synthetic", action="store_true", help="measure the sample only")
    parser.add_argument("--formats", default="",
                        help=f"comma-separated formats (default: all for the sample, {','.join(SYNTHETIC_FORMATS)} "
                             f"for the synthetic graph); of {','.join(FORMATS)}")
    parser.add_argument("--seed", type=int, default=7, help="seed of the synthetic graph")
    parser.add_argument("--json", type=Path, default=RESULTS / "export_bench.json", help="where to write the JSON")
    args = parser.parse_args(argv)
    chosen = [f.strip() for f in args.formats.split(",") if f.strip()]
    unknown = sorted(set(chosen) - set(FORMATS))
    if unknown:
        parser.error(f"unknown format(s) {', '.join(unknown)}; choose from {', '.join(FORMATS)}")
    sample_formats = chosen or list(FORMATS)
    synthetic_formats = chosen or list(SYNTHETIC_FORMATS)

    report: dict[str, Any] = {"date": dt.datetime.now().isoformat(timespec="seconds"),
                              "machine": platform.platform(), "cpus": os.cpu_count(),
                              "python": platform.python_version(), "pyoxigraph": ox.__version__}
    figures: list[Figure] = []
    with tempfile.TemporaryDirectory(prefix="export-bench-") as folder:
        work = Path(folder)
        seconds, peak, status, errors = _timed_child([*CLI, "--version"])
        report["cli_startup"] = {"seconds": seconds, "peak_mb": peak}
        print(f"CLI start-up alone (evidence-graph --version): {seconds:.2f} s, peak RSS {peak:.0f} MB", flush=True)

        sample = work / "sample"
        seconds, peak, status, errors = _timed_child([*CLI, "--store", str(sample), "build", "--quiet"])
        if status != 0:
            raise SystemExit(f"the sample did not build:\n{errors}")
        print(f"sample store built in {seconds:.1f} s; exporting {len(sample_formats)} formats", flush=True)
        found, server = measure_store(sample, "sample", sample_formats, work)
        figures += found
        report["sample_server"] = server

        if not args.skip_synthetic and synthetic_formats:
            synthetic = work / "synthetic"
            written = write_synthetic_store(synthetic, args.nodes, args.seed)
            report["synthetic_store"] = written
            print(f"synthetic store: {written['quads']:,.0f} quads in {written['graphs']:.0f} named graphs "
                  f"({written['documents']:.0f} documents), {written['store_mb']:.0f} MB, written in "
                  f"{written['seconds']:.1f} s", flush=True)
            label = f"{args.nodes // 1000}k" if args.nodes % 1000 == 0 else str(args.nodes)
            found, server = measure_store(synthetic, label, synthetic_formats, work)
            figures += found
            report["synthetic_server"] = server
            counted = next((f.nodes for f in found if f.format == "nodelink" and f.via == "CLI"), None)
            report["synthetic_nodes_exported"] = counted
            print(f"synthetic graph: the node-link export holds {counted if counted is not None else '?'} nodes "
                  f"(asked for {args.nodes:,})", flush=True)

    print()
    print(table(figures))
    print()
    for name in ("sample_server", "synthetic_server"):
        if name in report:
            s = report[name]
            print(f"{name.replace('_', ' ')}: ready in {s['ready_s']:.1f} s at {s['ready_rss_mb']:,.0f} MB RSS, "
                  f"peak (VmHWM) over all its downloads {s['hwm_mb']:,.0f} MB")
    report["figures"] = [asdict(f) for f in figures]
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
