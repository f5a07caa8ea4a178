"""A 300-page PDF agenda pack: reading its text layer, and building it into a fresh store.

The pack is written before the clock starts, with reportlab, from the synthetic corpus
(:mod:`synthetic_corpus`: the sample meeting's papers rewritten for other councils, committees,
people and figures): one authority's papers, paragraph after paragraph, set in 10-point type
on A4 with page numbers in the footer, until the pack holds ``--pages`` pages. Lines wrap as a
word processor wraps them, so the PDF reader's reflow of wrapped lines is part of what is timed.

Each measurement runs in a fresh Python process (imports not timed, peak RSS its own):

- ``read``: :func:`loaders.document.read_document` alone (pdfminer.six's layout analysis and
  this project's reflow), seconds and peak RSS;
- ``build``: :func:`pipeline.build.build_into_store` into a new on-disk store (what
  ``evidence-graph build pack.pdf`` does), seconds, peak RSS, triples and passages with pages.

Usage::

    .venv/bin/python bench/pdf_pack.py                 # 300 pages, 3 read runs, 1 build run
    .venv/bin/python bench/pdf_pack.py --pages 50 --build-runs 3
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"


def write_pack(path: Path, pages: int, seed: int = 2014) -> dict[str, int]:
    """Write a PDF agenda pack of at least ``pages`` pages; return its page and word counts."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    sys.path.insert(0, str(BENCH))
    from synthetic_corpus import write_corpus

    styles = getSampleStyleSheet()
    body, heading = styles["BodyText"], styles["Heading2"]
    body.fontSize, body.leading = 10, 12.5
    with tempfile.TemporaryDirectory() as folder:
        # One authority's meetings (every fourth folder), as one council's pack would hold.
        meetings = write_corpus(Path(folder), meetings=max(4, pages // 2), seed=seed)[::4]
        files = sorted(p for meeting in meetings for p in meeting.iterdir() if p.suffix in (".md", ".txt"))
        paragraphs = [para for file in files for para in file.read_text(encoding="utf-8").split("\n\n")
                      if para.strip()]

    def footer(canvas: Any, document: Any) -> None:
        canvas.setFont("Helvetica", 8)
        canvas.drawCentredString(A4[0] / 2, 1.2 * cm, f"Page {document.page}")

    # Build, then scale the number of paragraphs by the pages that came out, until the pack
    # holds between ``pages`` and 3% more.
    take = len(paragraphs)
    for _attempt in range(6):
        flowables, words = [], 0
        for n in range(take):
            text = paragraphs[n % len(paragraphs)].strip()
            words += len(text.split())
            lines = [escape(line.strip().lstrip("#").strip()) for line in text.splitlines()]
            flowables.append(Paragraph("<br/>".join(lines), heading if text.startswith("#") else body))
        pack = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=2.2 * cm, rightMargin=2.2 * cm)
        pack.build(flowables, onFirstPage=footer, onLaterPages=footer)
        if pages <= pack.page <= pages * 1.03:
            break
        take = max(1, int(take * pages / max(pack.page, 1) * (1.01 if pack.page < pages else 1.0)) + 1)
    return {"pages": pack.page, "words": words}


READ = """
import json, resource, sys, time
from pathlib import Path
from typing import Any
from evidence_graph.loaders.document import read_document
path = Path(sys.argv[1])
started = time.perf_counter()
document = read_document(path, path.parent)
seconds = time.perf_counter() - started
print(json.dumps({"read_s": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "pages": len(document.pages), "characters": len(document.text)}))
"""

BUILD = """
import json, resource, sys, tempfile, time
from pathlib import Path
from typing import Any
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import SCHEMA
from evidence_graph.pipeline.build import build_into_store
path = Path(sys.argv[1])
with tempfile.TemporaryDirectory() as folder:
    store = EvidenceStore(Path(folder) / "store")
    started = time.perf_counter()
    result = build_into_store(store, [path])
    seconds = time.perf_counter() - started
    paged = sum(1 for _, p, _, _ in store.quads() if p == SCHEMA.pageStart)
    print(json.dumps({"build_s": seconds, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                      "errors": result.errors, "triples": result.triples, "words": result.words,
                      "passages_with_pages": paged}))
"""


def run(code: str, path: Path) -> dict[str, object]:
    """Run one measurement in a fresh interpreter; its last stdout line is the JSON figures."""
    done = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, cwd=ROOT,
                          check=False)
    if done.returncode != 0:
        raise SystemExit(f"measurement failed:\n{done.stderr}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=300)
    parser.add_argument("--read-runs", type=int, default=3)
    parser.add_argument("--build-runs", type=int, default=1)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        pack = Path(folder) / "agenda-pack.pdf"
        written = write_pack(pack, args.pages)
        size_mb = pack.stat().st_size / 1048576
        print(f"pack: {written['pages']} pages, {written['words']:,} words, {size_mb:.1f} MB")
        reads = [run(READ, pack) for _ in range(args.read_runs)]
        builds = [run(BUILD, pack) for _ in range(args.build_runs)]
    for build in builds:
        if build["errors"]:
            raise SystemExit(f"build refused the pack: {build['errors']}")
    figures = {
        "date": dt.datetime.now().isoformat(timespec="seconds"), "machine": platform.platform(),
        "python": platform.python_version(), "pages": written["pages"], "words": written["words"],
        "pdf_mb": round(size_mb, 2),
        "read_s_median": statistics.median(r["read_s"] for r in reads),
        "read_peak_rss_mb_median": statistics.median(r["peak_rss_mb"] for r in reads),
        "build_s_median": statistics.median(b["build_s"] for b in builds),
        "build_peak_rss_mb_median": statistics.median(b["peak_rss_mb"] for b in builds),
        "triples": builds[0]["triples"], "passages_with_pages": builds[0]["passages_with_pages"],
        "runs": {"read": reads, "build": builds},
    }
    print(f"read the text layer: {figures['read_s_median']:.2f} s (median of {len(reads)}), "
          f"peak RSS {figures['read_peak_rss_mb_median']:,.0f} MB, {reads[0]['pages']} pages, "
          f"{reads[0]['characters']:,} characters")
    print(f"build into a fresh store: {figures['build_s_median']:.1f} s (median of {len(builds)}), "
          f"peak RSS {figures['build_peak_rss_mb_median']:,.0f} MB, {figures['triples']:,} triples, "
          f"{figures['passages_with_pages']:,} passages with their pages, "
          f"{written['words'] / figures['build_s_median']:,.0f} words/s")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "pdf_pack.json").write_text(json.dumps(figures, indent=2), encoding="utf-8")


if __name__ == "__main__":
    main()
