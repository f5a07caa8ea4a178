"""Store comparison: rdflib's in-memory Graph against pyoxigraph's Store, in memory and on disk.

A synthetic graph (by default 1,000,000 triples: 100,000 entities × 10 triples) is written as
N-Triples from a seeded random generator, then each engine, in a fresh Python process per run:

- loads the file (rdflib ``Graph.parse``; Oxigraph ``Store.bulk_load``) — seconds, and the
  resident memory the loaded graph added;
- answers a point query, every predicate and object of one entity, through SPARQL and through
  a triple pattern (rdflib ``predicate_objects``; Oxigraph ``quads_for_pattern``);
- answers a one-hop query, the labels of the entities one entity links to, the same two ways;
- (on disk) is closed and reopened: seconds to open, and to answer the point query again.

Every task runs ``--runs`` times (3 by default); the script prints the medians and writes all
figures to ``bench/results/store_compare.json``.

Usage::

    .venv/bin/python bench/store_compare.py                     # 1M triples, 3 runs
    .venv/bin/python bench/store_compare.py --triples 100000 --runs 1
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
RESULTS = BENCH / "results"

EX = "https://evidencegraph.example/bench/"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
XSD = "http://www.w3.org/2001/XMLSchema#"
TRIPLES_PER_ENTITY = 10
#: Classes with their share of entities, and the class-specific link each one carries.
CLASSES = (("Person", 8, "worksFor", "Organisation"), ("Organisation", 4, "locatedIn", "Place"),
           ("Place", 3, "partOf", "Place"), ("Meeting", 2, "locatedIn", "Place"),
           ("Concept", 3, "broader", "Concept"))
WORDS = ("north", "river", "stone", "market", "union", "harbour", "field", "bridge", "common", "vale",
         "cross", "green")
#: How often each query is repeated within one run (the median is kept); rdflib's SPARQL is
#: parsed and planned on every call, so it gets fewer repetitions.
FAST_REPEATS = 200
SLOW_REPEATS = 20

Figures = dict[str, float]


# -- the synthetic graph -------------------------------------------------------------------------
def write_ntriples(path: Path, triples: int, seed: int = 42) -> int:
    """Write a synthetic graph of about ``triples`` triples (ten per entity) as N-Triples.

    Each entity has a type, an English label, an identifier, a decimal score, a date, three
    links to other entities (skewed towards low numbers, so a few entities are hubs), one
    class-specific link and one mention.

    Parameters
    ----------
    path : Path
        File to write.
    triples : int
        Wanted size; rounded down to a multiple of ten.
    seed : int
        Seed of the random generator: the same seed writes the same bytes.

    Returns
    -------
    int
        Triples written.
    """
    rng = random.Random(seed)
    count = max(triples // TRIPLES_PER_ENTITY, 10)
    weights = [share for _, share, _, _ in CLASSES]
    classes = rng.choices(range(len(CLASSES)), weights=weights, k=count)
    members: dict[str, list[int]] = {}
    for entity, index in enumerate(classes):
        members.setdefault(CLASSES[index][0], []).append(entity)
    written = 0
    with path.open("w", encoding="utf-8") as out:
        for entity, index in enumerate(classes):
            name, _, link, target_class = CLASSES[index]
            subject = f"<{EX}e{entity}>"
            label = f"{WORDS[entity % 12].title()} {WORDS[(entity // 12) % 12]} {entity}"
            lines = [f"{subject} <{RDF_TYPE}> <{EX}{name}> .",
                     f'{subject} <{RDFS_LABEL}> "{label}"@en .',
                     f'{subject} <{EX}identifier> "ID-{entity:07d}" .',
                     f'{subject} <{EX}score> "{rng.random() * 100:.2f}"^^<{XSD}decimal> .',
                     f'{subject} <{EX}created> "{2010 + rng.randrange(15)}-{rng.randint(1, 12):02d}-'
                     f'{rng.randint(1, 28):02d}"^^<{XSD}date> .']
            linked: set[int] = set()
            while len(linked) < 3:
                other = int(count * rng.random() ** 3)
                if other != entity:
                    linked.add(other)
            lines += [f"{subject} <{EX}linksTo> <{EX}e{other}> ." for other in sorted(linked)]
            pool = members[target_class]
            lines.append(f"{subject} <{EX}{link}> <{EX}e{pool[int(len(pool) * rng.random() ** 2)]}> .")
            lines.append(f"{subject} <{EX}mentions> <{EX}e{rng.randrange(count)}> .")
            out.write("\n".join(lines) + "\n")
            written += len(lines)
    return written


def probe_entity(triples: int) -> str:
    """The IRI the point and one-hop queries ask about (a fixed, ordinary entity)."""
    return f"{EX}e{(triples // TRIPLES_PER_ENTITY) // 2 + 345}"


def point_sparql(iri: str) -> str:
    """Every predicate and object of one entity."""
    return f"SELECT ?p ?o WHERE {{ <{iri}> ?p ?o }}"


def hop_sparql(iri: str) -> str:
    """Labels of the entities one entity links to."""
    return f"SELECT ?n ?label WHERE {{ <{iri}> <{EX}linksTo> ?n . ?n <{RDFS_LABEL}> ?label }}"


# -- measuring -----------------------------------------------------------------------------------
def rss_mb() -> float:
    """Current resident set size in MiB (Linux ``/proc``; else the peak so far)."""
    gc.collect()
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except OSError:
        return peak_rss_mb()
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed(action: Callable[[], Any]) -> tuple[float, Any]:
    """Seconds one call takes, and its result."""
    started = time.perf_counter()
    result = action()
    return time.perf_counter() - started, result


def median_time(action: Callable[[], Any], repeats: int) -> tuple[float, Any]:
    """Median seconds over ``repeats`` calls, and the last result."""
    times, result = [], None
    for _ in range(repeats):
        seconds, result = timed(action)
        times.append(seconds)
    return statistics.median(times), result


def query_figures(prefix: str, sparql: Callable[[str], list[Any]], point: Callable[[], list[Any]],
                  hop: Callable[[], list[Any]], iri: str, sparql_repeats: int) -> Figures:
    """Point and one-hop query times, through SPARQL and a triple pattern, with row counts."""
    figures: Figures = {}
    first, rows = timed(lambda: sparql(point_sparql(iri)))
    figures[f"{prefix}point_sparql_first_ms"] = first * 1e3
    figures[f"{prefix}point_sparql_ms"] = median_time(lambda: sparql(point_sparql(iri)), sparql_repeats)[0] * 1e3
    figures[f"{prefix}point_rows"] = len(rows)
    seconds, pattern_rows = median_time(point, FAST_REPEATS)
    figures[f"{prefix}point_pattern_us"] = seconds * 1e6
    seconds, rows = median_time(lambda: sparql(hop_sparql(iri)), sparql_repeats)
    figures[f"{prefix}hop_sparql_ms"] = seconds * 1e3
    figures[f"{prefix}hop_rows"] = len(rows)
    seconds, hop_rows = median_time(hop, FAST_REPEATS)
    figures[f"{prefix}hop_pattern_us"] = seconds * 1e6
    if len(pattern_rows) != figures[f"{prefix}point_rows"] or len(hop_rows) != len(rows):
        raise AssertionError(f"SPARQL and pattern disagree: {len(pattern_rows)}/{len(hop_rows)} vs {len(rows)}")
    return figures


# -- the tasks (each in a fresh process) ---------------------------------------------------------
def task_rdflib_memory(data: Path, work: Path) -> Figures:
    """rdflib ``Graph`` (its in-memory store): parse, then query."""
    from rdflib import Graph, URIRef

    Graph().parse(data=f"<{EX}warm> <{EX}up> <{EX}parser> .", format="nt")  # plugin import, not load
    before = rss_mb()
    graph = Graph()
    load_s, _ = timed(lambda: graph.parse(data, format="nt"))
    figures: Figures = {"load_s": load_s, "triples": len(graph), "rss_added_mb": rss_mb() - before}
    iri = probe_entity(len(graph))
    subject, links, label = URIRef(iri), URIRef(f"{EX}linksTo"), URIRef(RDFS_LABEL)
    figures |= query_figures(
        "", lambda q: list(graph.query(q)), lambda: list(graph.predicate_objects(subject)),
        lambda: [(n, label_) for n in graph.objects(subject, links) for label_ in graph.objects(n, label)],
        iri, SLOW_REPEATS)
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def _oxigraph_queries(store: Any, iri: str, prefix: str = "") -> Figures:
    import pyoxigraph as ox

    subject, links, label = ox.NamedNode(iri), ox.NamedNode(f"{EX}linksTo"), ox.NamedNode(RDFS_LABEL)

    def hop() -> list[Any]:
        return [(q.object, r.object) for q in store.quads_for_pattern(subject, links, None)
                for r in store.quads_for_pattern(q.object, label, None)]

    return query_figures(prefix, lambda q: list(store.query(q)),
                         lambda: list(store.quads_for_pattern(subject, None, None)), hop, iri, FAST_REPEATS)


def task_oxigraph_memory(data: Path, work: Path) -> Figures:
    """pyoxigraph ``Store()`` in memory: bulk load, then query."""
    import pyoxigraph as ox

    before = rss_mb()
    store = ox.Store()
    load_s, _ = timed(lambda: store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES))
    figures: Figures = {"load_s": load_s, "triples": len(store), "rss_added_mb": rss_mb() - before}
    figures |= _oxigraph_queries(store, probe_entity(len(store)))
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


def task_oxigraph_disk(data: Path, work: Path) -> Figures:
    """pyoxigraph ``Store(path)`` on disk (RocksDB): bulk load, query, close, reopen, query."""
    import pyoxigraph as ox

    path = work / "oxigraph"
    before = rss_mb()
    store = ox.Store(str(path))

    def load() -> None:
        store.bulk_load(path=str(data), format=ox.RdfFormat.N_TRIPLES)
        store.flush()

    load_s, _ = timed(load)
    figures: Figures = {"load_s": load_s, "triples": len(store), "rss_added_mb": rss_mb() - before}
    iri = probe_entity(len(store))
    figures |= _oxigraph_queries(store, iri)
    del store
    gc.collect()
    figures["disk_mb"] = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20
    figures["reopen_s"], store = timed(lambda: ox.Store(str(path)))
    figures["reopen_point_sparql_ms"] = timed(lambda: list(store.query(point_sparql(iri))))[0] * 1e3
    figures["peak_rss_mb"] = peak_rss_mb()
    return figures


TASKS: dict[str, Callable[[Path, Path], Figures]] = {
    "rdflib memory": task_rdflib_memory, "oxigraph memory": task_oxigraph_memory,
    "oxigraph disk": task_oxigraph_disk}

#: Summary rows: key, heading, format (a task without the key shows "–").
COLUMNS = (("triples", "triples", "{:,.0f}"), ("load_s", "load s", "{:.2f}"),
           ("rss_added_mb", "RSS added MB", "{:,.0f}"), ("point_sparql_ms", "point SPARQL ms", "{:.3f}"),
           ("point_pattern_us", "point pattern µs", "{:,.1f}"), ("hop_sparql_ms", "1-hop SPARQL ms", "{:.3f}"),
           ("hop_pattern_us", "1-hop pattern µs", "{:,.1f}"), ("disk_mb", "disk MB", "{:,.0f}"),
           ("reopen_s", "reopen s", "{:.3f}"))


# -- the driver ----------------------------------------------------------------------------------
def spawn(task: str, data: Path) -> Figures:
    """Run one task in a fresh interpreter with its own scratch folder."""
    with tempfile.TemporaryDirectory(prefix="eg-store-") as work:
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--task", task,
                               "--data", str(data), "--work", work],
                              capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{task} failed:\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def print_table(summary: dict[str, Figures]) -> None:
    """One line per figure, one column per engine."""
    names = list(summary)
    width = max(len(head) for _, head, _ in COLUMNS) + 2
    print(" " * width + "".join(f"{name:>18}" for name in names))
    for key, head, fmt in COLUMNS:
        cells = [fmt.format(summary[n][key]) if key in summary[n] else "–" for n in names]
        print(f"{head:<{width}}" + "".join(f"{cell:>18}" for cell in cells))


def main() -> None:
    """Generate the graph, run every task ``--runs`` times, report medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    parser.add_argument("--runs", type=int, default=3, help="fresh-process runs per task (median kept)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--out", type=Path, default=RESULTS / "store_compare.json", help="JSON copy of the figures")
    parser.add_argument("--task", choices=TASKS, help=argparse.SUPPRESS)
    parser.add_argument("--data", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.task:
        print(json.dumps(TASKS[args.task](args.data, args.work)))
        return
    import pyoxigraph
    import rdflib

    RESULTS.mkdir(exist_ok=True)
    report: dict[str, Any] = {"machine": {
        "date": dt.date.today().isoformat(), "python": platform.python_version(),
        "platform": platform.platform(), "cpus": os.cpu_count(), "rdflib": rdflib.__version__,
        "pyoxigraph": pyoxigraph.__version__}, "seed": args.seed}
    with tempfile.TemporaryDirectory(prefix="eg-store-data-") as tmp:
        data = Path(tmp) / "graph.nt"
        generate_s, written = timed(lambda: write_ntriples(data, args.triples, args.seed))
        report |= {"triples": written, "ntriples_mb": data.stat().st_size / 2**20, "generate_s": generate_s}
        print(f"generated {written:,} triples ({report['ntriples_mb']:.0f} MB N-Triples) in {generate_s:.1f} s",
              file=sys.stderr, flush=True)
        summary: dict[str, Figures] = {}
        for task in TASKS:
            runs = []
            for number in range(args.runs):
                runs.append(spawn(task, data))
                print(f"{task} run {number + 1}/{args.runs}: load {runs[-1]['load_s']:.2f} s",
                      file=sys.stderr, flush=True)
            summary[task] = {key: statistics.median(run[key] for run in runs) for key in runs[0]}
            report[task] = {"runs": runs, "median": summary[task]}
    print(f"medians of {args.runs} run(s), each in a fresh process:")
    print_table(summary)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"figures written to {args.out}")


if __name__ == "__main__":
    main()
