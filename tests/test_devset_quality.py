"""The development set's quality bar (issue #9 point 5): every family's F1 stays at or above the
floor recorded in devset/floors.toml, and the devset is large and varied enough to mean something.

The whole devset is evaluated once per session, in process, exactly as ``evidence-graph evaluate``
does (each document loaded alone through ``evidence-graph export``). Raise a floor in
devset/floors.toml when extraction improves; never lower one to let a change through without
saying why in the commit.
"""

from __future__ import annotations

import math
import time
import tomllib
from collections import Counter
from pathlib import Path

import pytest

from evidence_graph.evaluation import FAMILIES, REPORT_FAMILIES
from evidence_graph.evaluation.gold import GOLD_NAME, read_devset
from evidence_graph.evaluation.matching import normalise
from evidence_graph.evaluation.report import Evaluation, aggregate, evaluate_devset

DEVSET = Path(__file__).resolve().parent.parent / "devset"
FLOORS_FILE = DEVSET / "floors.toml"
LEVELS = ("lenient", "exact")

#: The size the devset must reach (issue #9): documents, and distinct publishing bodies.
MIN_DOCUMENTS = 40
MIN_BODIES = 15


def _floors() -> dict[str, dict[str, float]]:
    with FLOORS_FILE.open("rb") as handle:
        return tomllib.load(handle)


@pytest.fixture(scope="module")
def evaluation() -> Evaluation:
    started = time.perf_counter()
    result = evaluate_devset(DEVSET)
    print(f"\ndevset evaluated: {len(result.documents)} documents in {time.perf_counter() - started:.1f} s")
    return result


def test_every_devset_folder_has_a_complete_gold_file():
    folders = sorted(p for p in DEVSET.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    assert folders, f"{DEVSET}: no document folders"
    incomplete = []
    for folder in folders:
        gold = folder / GOLD_NAME
        if not gold.is_file():
            incomplete.append(f"{folder.name}: no {GOLD_NAME}")
            continue
        try:
            source = tomllib.loads(gold.read_text(encoding="utf-8")).get("source", {})
        except tomllib.TOMLDecodeError as error:
            incomplete.append(f"{folder.name}: {GOLD_NAME} is not valid TOML ({error})")
            continue
        missing = [name for name in ("url", "retrieved", "licence", "body", "body_type", "file")
                   if not str(source.get(name, "")).strip()]
        if missing:
            incomplete.append(f"{folder.name}: [source] lacks {', '.join(missing)}")
        elif not (folder / str(source["file"])).is_file():
            incomplete.append(f"{folder.name}: [source] file {source['file']!r} does not exist")
    assert not incomplete, "devset folders with an incomplete gold.toml:\n  " + "\n  ".join(incomplete)
    _, problems = read_devset(DEVSET)
    assert not problems, "gold files the evaluation cannot read:\n  " + "\n  ".join(problems)


def test_no_entity_is_annotated_twice_in_one_family():
    """Two entries for one entity would cap recall below 1 for a perfect extractor."""
    documents, _ = read_devset(DEVSET)
    repeated = []
    for gold in documents:
        for family in FAMILIES:
            names = Counter(normalise(entity.name, family) for entity in gold.family(family))
            repeated += [f"{gold.folder}: [[{family}]] {name!r} x{count}" for name, count in names.items() if count > 1]
    assert not repeated, "entities annotated twice (merge them, the other forms as aliases):\n  " + "\n  ".join(repeated)


def test_devset_is_large_and_varied_enough(evaluation):
    documents = len(evaluation.documents)
    bodies = len({r.gold.body for r in evaluation.documents})
    assert documents >= MIN_DOCUMENTS and bodies >= MIN_BODIES, (
        f"DEVSET TOO SMALL: issue #9 asks for at least {MIN_DOCUMENTS} annotated documents from at least "
        f"{MIN_BODIES} bodies; devset/ holds {documents} document(s) from {bodies} bod(ies). Add documents "
        f"(docs/ANNOTATION.md) rather than lowering these numbers.")


def test_floors_file_names_every_family():
    floors = _floors()
    for level in LEVELS:
        assert set(floors.get(level, {})) == set(REPORT_FAMILIES), \
            f"{FLOORS_FILE}: [{level}] must give a floor for each of {', '.join(REPORT_FAMILIES)}"
        for family, value in floors[level].items():
            assert isinstance(value, int | float) and 0.0 <= value <= 1.0, f"{FLOORS_FILE}: [{level}] {family}"


@pytest.mark.parametrize("level", LEVELS)
@pytest.mark.parametrize("family", REPORT_FAMILIES)
def test_family_f1_stays_at_or_above_its_floor(evaluation, level, family):
    floor = _floors()[level][family]
    counts = getattr(aggregate(evaluation.documents)["all"][family], level)
    f1 = counts.f1 if counts.f1 is not None else 1.0  # nothing annotated and nothing extracted: nothing wrong
    assert f1 >= floor or math.isclose(f1, floor), (
        f"{family} {level} F1 fell to {f1:.3f} (tp {counts.tp}, fp {counts.fp}, fn {counts.fn}), below the floor "
        f"{floor:.2f} in devset/floors.toml; `evidence-graph evaluate --by document --family {family}` shows "
        f"where, `--explain FOLDER` what")


def test_every_devset_document_loads(evaluation):
    """A document the loaders refuse is scored as extracting nothing; it should not happen."""
    refused = [f"{r.gold.folder}: {r.predicted.errors[0]}" for r in evaluation.documents if r.predicted.errors]
    assert not refused, "devset documents `evidence-graph export` refuses:\n  " + "\n  ".join(refused)
