"""Build speed: the sample corpus and a 100× synthetic corpus into a fresh on-disk store.

For each corpus the script builds every document into a new Oxigraph store in a temporary
folder with :func:`pipeline.build.build_into_store` (exactly what ``evidence-graph build`` does),
then reopens the store and builds :class:`graph.views.GraphViews` over it (what the GraphQL
server does at start-up). Each run is a fresh Python process, so peak RSS belongs to that run
alone and imports are not counted; the driver prints the median of the runs and writes all
figures to ``bench/results/build_speed.json``.

The synthetic corpus is written by :mod:`synthetic_corpus` (the sample meeting rewritten with
other authorities, committees, dates, people, providers and figures) before the clock starts.

Usage::

    .venv/bin/python bench/build_speed.py                     # 3 sample runs, 1 run of 100 meetings
    .venv/bin/python bench/build_speed.py --meetings 10 --synthetic-runs 3
    .venv/bin/python bench/build_speed.py --skip-synthetic
    .venv/bin/python bench/build_speed.py --profile           # then profile one more build
"""

from __future__ import annotations

import argparse
import cProfile
import datetime as dt
import gc
import io
import json
import os
import platform
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"

#: Figures printed in the summary table, in order: key, heading, format.
COLUMNS = (("documents", "docs", "{:,.0f}"), ("words", "words", "{:,.0f}"),
           ("triples", "doc triples", "{:,.0f}"), ("quads", "store quads", "{:,.0f}"),
           ("registry_entities", "registry", "{:,.0f}"), ("build_s", "build s", "{:.2f}"),
           ("pipeline_s", "pipeline s", "{:.2f}"), ("store_write_s", "store write s", "{:.2f}"),
           ("words_per_s", "words/s", "{:,.0f}"), ("peak_rss_build_mb", "peak RSS MB", "{:,.0f}"),
           ("store_mb", "store MB", "{:.1f}"), ("open_s", "open s", "{:.3f}"),
           ("views_s", "views s", "{:.2f}"), ("peak_rss_views_mb", "RSS+views MB", "{:,.0f}"))


def peak_rss_mb() -> float:
    """Peak resident set size of this process so far, in MiB (``ru_maxrss`` is KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def folder_mb(path: Path) -> float:
    """Bytes of every file under ``path``, in MiB."""
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def measure_build(corpus: Path, work: Path) -> dict[str, float]:
    """Build ``corpus`` into a new store under ``work``, reopen it and build the views.

    Parameters
    ----------
    corpus : Path
        A folder of meeting folders (or one meeting folder).
    work : Path
        An empty folder for the store.

    Returns
    -------
    dict
        Counts, seconds, peak RSS and store size (see :data:`COLUMNS`).
    """
    from evidence_graph.graph.store import EvidenceStore
    from evidence_graph.graph.views import GraphViews
    from evidence_graph.pipeline.build import build_into_store

    path = work / "store"
    store = EvidenceStore(path)
    started = time.perf_counter()
    result = build_into_store(store, [corpus])
    build_s = time.perf_counter() - started
    if result.errors:
        raise SystemExit(f"build failed: {result.errors[:3]}")
    figures = {"documents": len(result.graphs), "words": result.words, "triples": result.triples,
               "quads": len(store), "registry_entities": len(result.registry), "build_s": build_s,
               "pipeline_s": result.seconds, "store_write_s": build_s - result.seconds,
               "words_per_s": result.words / build_s, "peak_rss_build_mb": peak_rss_mb()}
    del store, result
    gc.collect()
    figures["store_mb"] = folder_mb(path)
    started = time.perf_counter()
    store = EvidenceStore(path, read_only=True)
    figures["open_s"] = time.perf_counter() - started
    started = time.perf_counter()
    views = GraphViews(store.quads())
    figures["views_s"] = time.perf_counter() - started
    figures["view_nodes"] = len(views.nodes)
    figures["peak_rss_views_mb"] = peak_rss_mb()
    return figures


def run_task(kind: str, meetings: int, seed: int, profile: bool) -> dict[str, float]:
    """One measurement in this process: ``sample`` or ``synthetic``."""
    from evidence_graph.pipeline.build import DEFAULT_CORPUS

    with tempfile.TemporaryDirectory(prefix="eg-bench-") as tmp:
        work = Path(tmp)
        corpus = DEFAULT_CORPUS
        generate_s = 0.0
        if kind == "synthetic":
            from synthetic_corpus import write_corpus

            started = time.perf_counter()
            corpus = work / "synthetic"
            write_corpus(corpus, meetings, seed)
            generate_s = time.perf_counter() - started
        if not profile:
            figures = measure_build(corpus, work)
            figures["generate_s"] = generate_s
            return figures
        profiler = cProfile.Profile()
        figures = profiler.runcall(measure_build, corpus, work)
        out = io.StringIO()
        stats = pstats.Stats(profiler, stream=out).strip_dirs()
        stats.sort_stats("cumulative").print_stats(35)
        stats.sort_stats("tottime").print_stats(25)
        print(out.getvalue(), file=sys.stderr)
        return figures


def spawn(kind: str, args: argparse.Namespace, profile: bool = False) -> dict[str, float]:
    """Run one task in a fresh interpreter and return its figures (a profile goes to a file)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--task", kind,
               "--meetings", str(args.meetings), "--seed", str(args.seed)]
    if profile:
        command.append("--profile")
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT, check=False)
    if done.returncode != 0:
        raise SystemExit(f"{kind} run failed:\n{done.stderr[-3000:]}")
    if profile:
        (RESULTS / f"build_speed_profile_{kind}.txt").write_text(done.stderr, encoding="utf-8")
    return json.loads(done.stdout.strip().splitlines()[-1])


def medians(runs: list[dict[str, float]]) -> dict[str, float]:
    """The median of every figure over the runs."""
    return {key: statistics.median(run[key] for run in runs) for key in runs[0]}


def print_table(rows: dict[str, dict[str, float]]) -> None:
    """One line per corpus, one column per figure."""
    width = max(len(name) for name in rows) + 2
    heads = [head for _, head, _ in COLUMNS]
    print(" " * width + "  ".join(f"{h:>{max(len(h), 9)}}" for h in heads))
    for name, figures in rows.items():
        cells = [f"{fmt.format(figures[key]):>{max(len(head), 9)}}" for key, head, fmt in COLUMNS]
        print(f"{name:<{width}}" + "  ".join(cells))


def machine() -> dict[str, str | int | None]:
    """What the figures were measured on."""
    import pyoxigraph
    import rdflib

    return {"date": dt.date.today().isoformat(), "python": platform.python_version(),
            "platform": platform.platform(), "cpus": os.cpu_count(),
            "rdflib": rdflib.__version__, "pyoxigraph": pyoxigraph.__version__}


def main() -> None:
    """Run the measurements (or, with ``--task``, one of them) and report medians."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sample-runs", type=int, default=3)
    parser.add_argument("--synthetic-runs", type=int, default=1)
    parser.add_argument("--meetings", type=int, default=100, help="meetings in the synthetic corpus")
    parser.add_argument("--seed", type=int, default=2014, help="seed of the synthetic corpus")
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--profile", action="store_true",
                        help="after the timed runs, profile one more build of the largest corpus "
                             "(bench/results/build_speed_profile_*.txt; not counted in the figures)")
    parser.add_argument("--out", type=Path, default=RESULTS / "build_speed.json", help="JSON copy of the figures")
    parser.add_argument("--task", choices=("sample", "synthetic"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.task:
        sys.path[:0] = [str(ROOT), str(BENCH)]
        print(json.dumps(run_task(args.task, args.meetings, args.seed, args.profile)))
        return
    RESULTS.mkdir(exist_ok=True)
    plan = [("sample", args.sample_runs)]
    if not args.skip_synthetic:
        plan.append(("synthetic", args.synthetic_runs))
    report: dict[str, object] = {"machine": machine(), "meetings": args.meetings, "seed": args.seed}
    summary: dict[str, dict[str, float]] = {}
    for kind, count in plan:
        runs = []
        for number in range(count):
            runs.append(spawn(kind, args))
            print(f"{kind} run {number + 1}/{count}: {runs[-1]['build_s']:.2f} s build, "
                  f"{runs[-1]['words_per_s']:,.0f} words/s", file=sys.stderr, flush=True)
        name = "sample" if kind == "sample" else f"synthetic {args.meetings}x"
        report[kind] = {"runs": runs, "median": medians(runs)}
        summary[f"{name} (median of {count})"] = medians(runs)
    if args.profile:
        kind = plan[-1][0]
        spawn(kind, args, profile=True)
        print(f"profile written to bench/results/build_speed_profile_{kind}.txt", file=sys.stderr)
    print_table(summary)
    args.out.write_text(json.dumps(report, indent=1), encoding="utf-8")
    print(f"figures written to {args.out}")


if __name__ == "__main__":
    main()
