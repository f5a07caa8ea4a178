"""Long lists of people: the time to find every person in a paper listing N of them (issue #9).

Each layout is an invented paper naming N people (names made from 40 forenames and 125 surnames)
in one of the ways papers list them: a plain-name list on one line after a label, each name with
its post in brackets, each name the subject of a verb, one name a line, and a councillors'
attendance list. For each N the script times :func:`loaders.finders.people.people_in_document`
(the people finder's whole-document pass) and, for the attendance list, the whole loader
(``parse_document`` + ``gather_context`` + ``find_mentions``, as
``tests/test_bad_input_papers.py`` does). Cue files are loaded and patterns compiled by a warm-up
call before the clock starts; each figure is the median of ``--runs`` runs in this process
(``people_in_document`` caches by text, so its cache is cleared before each run). Linear work
shows as a constant seconds-per-1,000-names column. Figures go to the terminal and to
``bench/results/people_lists.json``.

Usage::

    .venv/bin/python bench/people_lists.py                    # N = 500, 1000, 5000; 3 runs
    .venv/bin/python bench/people_lists.py --sizes 500 5000 --runs 1
"""

from __future__ import annotations

import argparse
import itertools
import json
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
RESULTS = BENCH / "results"
sys.path.insert(0, str(ROOT))

from evidence_graph.loaders.context import gather_context  # noqa: E402
from evidence_graph.loaders.document import Document  # noqa: E402
from evidence_graph.loaders.finders.people import people_in_document  # noqa: E402
from evidence_graph.loaders.mentions import find_mentions  # noqa: E402
from evidence_graph.loaders.structure import parse_document  # noqa: E402

_GIVEN = ["Alys", "Bryn", "Cara", "Dorian", "Elspeth", "Fenna", "Garrick", "Hester", "Ivo", "Jory", "Keir",
          "Linnea", "Marit", "Nessa", "Orrin", "Pella", "Quill", "Rosalind", "Soren", "Tamsin", "Ulric", "Vesna",
          "Wren", "Yestin", "Zora", "Anselm", "Briony", "Caspian", "Delphine", "Emrys", "Florian", "Gwenna",
          "Hollis", "Isolde", "Jasper", "Kestrel", "Lorcan", "Maelis", "Niamh", "Oriel"]
_FAMILY = [a + b for a, b in itertools.product(
    ["Ash", "Bram", "Cal", "Dun", "Elm", "Fern", "Gar", "Hol", "Ing", "Kest", "Lang", "Marl", "Nor", "Oak", "Pen",
     "Quar", "Rud", "Stan", "Tol", "Var", "Whit", "Yard", "Brack", "Crom", "Dray"],
    ["ford", "wick", "ley", "by", "ton"])]


def names(n: int) -> list[str]:
    """``n`` distinct invented full names (at most 5,000)."""
    return [f"{g} {f}" for g, f in itertools.islice(itertools.product(_GIVEN, _FAMILY), n)]


#: Layout name -> the paper's text for a list of names.
LAYOUTS: dict[str, Callable[[list[str]], str]] = {
    "label line": lambda people: "Present: " + ", ".join(people) + ".\n",
    "posts in brackets": lambda people: "Present: " + ", ".join(f"{p} (Ward Member)" for p in people) + ".\n",
    "verb after each": lambda people: " ".join(f"{p} said the scheme was sound." for p in people) + "\n",
    "a line each": lambda people: "Present:\n" + "\n".join(people) + "\n",
    "councillors": lambda people: ("Minutes of the meeting of the Harbour Assembly held on 3 March 2026\n\nPresent: "
                                   + ", ".join(f"Councillor {p}" for p in people)
                                   + ".\n\n1. Apologies\n\nThere were none.\n"),
}


def time_people(text: str) -> float:
    people_in_document.cache_clear()
    started = time.perf_counter()
    people_in_document(text)
    return time.perf_counter() - started


def time_loader(text: str) -> float:
    people_in_document.cache_clear()
    started = time.perf_counter()
    parsed = parse_document(Document("a.txt", "a", text, "0"))
    find_mentions(parsed, gather_context([parsed]))
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    time_loader(LAYOUTS["councillors"](names(20)))  # warm-up: cues, patterns, gazetteers
    rows = []
    measures = [(layout, "people_in_document", time_people) for layout in LAYOUTS]
    measures.append(("councillors", "whole loader", time_loader))
    print(f"{'layout':<18} {'measure':<19} " + " ".join(f"{n:>9,}" for n in args.sizes) + "   s per 1,000 at largest")
    for layout, measure, timer in measures:
        seconds = [statistics.median(timer(LAYOUTS[layout](names(n))) for _ in range(args.runs)) for n in args.sizes]
        rows.append({"layout": layout, "measure": measure, "sizes": args.sizes, "seconds": seconds})
        print(f"{layout:<18} {measure:<19} " + " ".join(f"{s:>8.3f}s" for s in seconds)
              + f"   {seconds[-1] / args.sizes[-1] * 1000:.3f}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "people_lists.json").write_text(json.dumps({"runs": args.runs, "rows": rows}, indent=2))


if __name__ == "__main__":
    main()
