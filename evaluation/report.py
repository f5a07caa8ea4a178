"""Scores: micro-averaged precision, recall and F1 per family, exact and lenient, and their reports.

Micro averaging sums true positives, false positives and misses over the documents of a group
(the whole devset, a body type, one document) before dividing, so a document counts by its number
of entities.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_graph.evaluation import COMBINED, FAMILIES, REPORT_FAMILIES
from evidence_graph.evaluation.gold import GoldDocument, GoldError, read_devset, read_gold
from evidence_graph.evaluation.matching import EXACT, NONE, Assignment, assign, match_level
from evidence_graph.evaluation.predicted import PredictedDocument, PredictedEntity, predict_document

#: Groupings of :func:`aggregate`.
GROUPINGS = ("body", "document")


@dataclass
class Counts:
    """True positives, false positives and misses, and the scores they give.

    Precision is None with nothing extracted, recall None with nothing annotated; F1 is
    ``2·tp / (2·tp + fp + fn)`` (0 when nothing matched, None when there is nothing at all).

    Examples
    --------
    >>> c = Counts(3, 1, 2)
    >>> round(c.precision, 3), round(c.recall, 3), round(c.f1, 3)
    (0.75, 0.6, 0.667)
    >>> Counts(0, 0, 4).precision, Counts(0, 0, 4).f1, Counts().f1
    (None, 0.0, None)
    """

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def __iadd__(self, other: Counts) -> Counts:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    @property
    def precision(self) -> float | None:
        """tp / (tp + fp)."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        """tp / (tp + fn)."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else None

    @property
    def f1(self) -> float | None:
        """The harmonic mean of precision and recall."""
        total = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / total if total else None

    def as_dict(self) -> dict[str, Any]:
        """The counts and scores (rounded to 4 places) for JSON."""
        def r(x: float | None) -> float | None:
            return None if x is None else round(x, 4)
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": r(self.precision),
                "recall": r(self.recall), "f1": r(self.f1)}


@dataclass
class FamilyScore:
    """Exact and lenient counts of one family, and how many extracted entities the document never
    refers to (reference data the export carries)."""

    exact: Counts = field(default_factory=Counts)
    lenient: Counts = field(default_factory=Counts)
    unmentioned: int = 0

    def __iadd__(self, other: FamilyScore) -> FamilyScore:
        self.exact += other.exact
        self.lenient += other.lenient
        self.unmentioned += other.unmentioned
        return self

    @property
    def gold(self) -> int:
        """Annotated entities."""
        return self.exact.tp + self.exact.fn

    @property
    def predicted(self) -> int:
        """Extracted entities."""
        return self.exact.tp + self.exact.fp

    def as_dict(self) -> dict[str, Any]:
        """For JSON."""
        return {"gold": self.gold, "predicted": self.predicted, "unmentioned": self.unmentioned,
                "exact": self.exact.as_dict(), "lenient": self.lenient.as_dict()}


@dataclass
class FamilyMatch:
    """One family of one document: the entities on both sides and their two assignments."""

    gold: list[Sequence[str]]
    predicted: list[PredictedEntity]
    exact: Assignment
    lenient: Assignment

    @property
    def score(self) -> FamilyScore:
        """The counts."""
        return FamilyScore(Counts(self.exact.tp, self.exact.fp, self.exact.fn),
                           Counts(self.lenient.tp, self.lenient.fp, self.lenient.fn),
                           sum(not p.mentioned for p in self.predicted))


@dataclass
class DocumentResult:
    """One devset document: its annotations, what was extracted, and the matches per family."""

    gold: GoldDocument
    predicted: PredictedDocument
    families: dict[str, FamilyMatch]

    def scores(self) -> dict[str, FamilyScore]:
        """Counts per report family."""
        return {family: match.score for family, match in self.families.items()}


@dataclass
class Evaluation:
    """The evaluated documents, the folders skipped, and the time it took."""

    documents: list[DocumentResult]
    problems: list[str] = field(default_factory=list)
    seconds: float = 0.0


def _family_lists(gold: GoldDocument, predicted: PredictedDocument,
                  family: str) -> tuple[list[Sequence[str]], list[PredictedEntity]]:
    members = ("organisations", "committees") if family == COMBINED else (family,)
    gold_names = [entity.names for name in members for entity in gold.family(name)]
    found = [entity for name in members for entity in predicted.family(name)]
    return gold_names, found


def evaluate_document(gold: GoldDocument, predicted: PredictedDocument) -> DocumentResult:
    """Match one document's extracted entities to its annotations, family by family.

    Parameters
    ----------
    gold : GoldDocument
    predicted : PredictedDocument

    Returns
    -------
    DocumentResult

    Examples
    --------
    >>> from evidence_graph.evaluation.gold import GoldEntity
    >>> gold = GoldDocument("d", Path("d/gold.toml"), "u", "r", "l", "Example DC", "district", "a.txt",
    ...                     entities={"people": (GoldEntity("Rita Clarke"),)})
    >>> found = PredictedDocument(Path("d/a.txt"), [PredictedEntity("x", "Person", "people", ("R Clarke",))])
    >>> score = evaluate_document(gold, found).scores()["people"]
    >>> score.exact.tp, score.lenient.tp
    (0, 1)
    """
    families: dict[str, FamilyMatch] = {}
    for family in REPORT_FAMILIES:
        gold_names, found = _family_lists(gold, predicted, family)
        labels = [entity.labels for entity in found]
        families[family] = FamilyMatch(gold_names, found, assign(gold_names, labels, family, lenient=False),
                                       assign(gold_names, labels, family, lenient=True))
    return DocumentResult(gold, predicted, families)


Progress = Callable[[int, int, str], None]


def evaluate_devset(folder: Path, only: str | None = None, progress: Progress | None = None,
                    with_source_url: bool = False) -> Evaluation:
    """Evaluate every annotated document of a devset folder.

    Parameters
    ----------
    folder : Path
        The devset (one sub-folder per document, each with a ``gold.toml``).
    only : str, optional
        Evaluate this one sub-folder (its name or path) instead.
    progress : callable, optional
        Called as ``progress(done, total, folder name)``.
    with_source_url : bool
        Give each document its ``[source] url`` as a connector would (default: the text alone).

    Returns
    -------
    Evaluation

    Raises
    ------
    GoldError
        The devset folder cannot be read, or ``only`` names no readable annotated folder.

    Examples
    --------
    >>> fixtures = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "evaluation"
    >>> evaluation = evaluate_devset(fixtures)
    >>> [(r.gold.folder, r.gold.body_type) for r in evaluation.documents]
    [('alpha-dc-2024-01-10-planning-minutes', 'district'), ('beta-county-2023-05-02-cabinet-decisions', 'county')]
    >>> aggregate(evaluation.documents)["all"]["people"].gold
    6
    """
    started = time.perf_counter()
    if only is not None:
        sub = Path(only) if Path(only).is_dir() else folder / Path(only).name
        golds, problems = [read_gold(sub)], []
    else:
        golds, problems = read_devset(folder)
    documents: list[DocumentResult] = []
    for done, gold in enumerate(golds, 1):
        if progress:
            progress(done, len(golds), gold.folder)
        url = gold.url if with_source_url else None
        documents.append(evaluate_document(gold, predict_document(gold.document, url)))
    return Evaluation(documents, problems, time.perf_counter() - started)


def aggregate(results: Iterable[DocumentResult], by: str | None = None) -> dict[str, dict[str, FamilyScore]]:
    """Sum the counts per family, over all documents or per group.

    Parameters
    ----------
    results : iterable of DocumentResult
    by : {None, "body", "document"}
        None: one group, ``"all"``; ``"body"``: per body type; ``"document"``: per devset folder.

    Returns
    -------
    dict
        ``{group: {family: FamilyScore}}``, groups sorted.

    Examples
    --------
    >>> from evidence_graph.evaluation.gold import GoldEntity
    >>> def document(folder, body_type, gold, found):
    ...     annotated = GoldDocument(folder, Path(folder, "gold.toml"), "u", "r", "l", "B", body_type, "a.txt",
    ...                              entities={"people": tuple(GoldEntity(n) for n in gold)})
    ...     extracted = [PredictedEntity(f"p/{n}", "Person", "people", (n,)) for n in found]
    ...     return evaluate_document(annotated, PredictedDocument(Path(folder, "a.txt"), extracted))
    >>> results = [document("a", "district", ["Ann Lee", "Bob Roe"], ["Ann Lee"]),
    ...            document("b", "county", ["Cy Day"], ["Cy Day", "Di Fox"])]
    >>> people = aggregate(results)["all"]["people"].exact
    >>> (people.tp, people.fp, people.fn), round(people.f1, 3)
    ((2, 1, 1), 0.667)
    >>> {group: scores["people"].exact.f1 for group, scores in aggregate(results, "body").items()}
    {'county': 0.6666666666666666, 'district': 0.6666666666666666}
    """
    if by not in (None, *GROUPINGS):
        raise ValueError(f"unknown grouping {by!r}; choose one of {', '.join(GROUPINGS)}")
    groups: dict[str, dict[str, FamilyScore]] = {}
    for result in results:
        group = "all" if by is None else result.gold.body_type if by == "body" else result.gold.folder
        totals = groups.setdefault(group, {family: FamilyScore() for family in REPORT_FAMILIES})
        for family, score in result.scores().items():
            totals[family] += score
    return dict(sorted(groups.items()))


def _score_text(value: float | None) -> str:
    return "    -" if value is None else f"{value:5.3f}"


_HEADER = (f"{'gold':>5} {'pred':>5} {'unref':>5} | {'exact P':>7} {'R':>5} {'F1':>5} | "
           f"{'lenient P':>9} {'R':>5} {'F1':>5}")


def _row(name: str, score: FamilyScore, width: int) -> str:
    e, le = score.exact, score.lenient
    return (f"{name:<{width}} {score.gold:>5} {score.predicted:>5} {score.unmentioned:>5} | "
            f"{_score_text(e.precision):>7} {_score_text(e.recall)} {_score_text(e.f1)} | "
            f"{_score_text(le.precision):>9} {_score_text(le.recall)} {_score_text(le.f1)}")


def format_table(rows: dict[str, FamilyScore], first: str = "family") -> str:
    """A plain-text table: one row per family (or group), exact and lenient side by side.

    Examples
    --------
    >>> print(format_table({"people": FamilyScore(Counts(1, 1, 2), Counts(2, 0, 1))}))
    family   gold  pred unref | exact P     R    F1 | lenient P     R    F1
    people      3     2     0 |   0.500 0.333 0.400 |     1.000 0.667 0.800
    """
    width = max([len(first), *map(len, rows)]) + 1
    lines = [f"{first:<{width}} {_HEADER}"]
    lines += [_row(name, score, width) for name, score in rows.items()]
    return "\n".join(lines)


def format_report(evaluation: Evaluation, by: str | None = None, family: str | None = None) -> str:
    """The text report: the whole devset per family, then (``by``) each body type or document.

    With ``family``, only that family's rows; grouped, one row per group.

    Examples
    --------
    >>> fixtures = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "evaluation"
    >>> text = format_report(evaluate_devset(fixtures), by="body", family="legislation")
    >>> print("\\n".join(line.split(" |")[0] for line in text.splitlines()[2:]))
    all documents
    family        gold  pred unref
    legislation      2     2     0
    <BLANKLINE>
    legislation by body type
    body type   gold  pred unref
    county         0     0     0
    district       2     2     0
    """
    documents = evaluation.documents
    bodies = len({r.gold.body for r in documents})
    lines = [f"evaluated {len(documents)} document(s) from {bodies} bod{'y' if bodies == 1 else 'ies'} "
             f"in {evaluation.seconds:.1f} s (micro-averaged; unref: extracted entities the document's own "
             f"graphs never refer to)"]
    families = REPORT_FAMILIES if family is None else (family,)
    overall = aggregate(documents).get("all", {f: FamilyScore() for f in REPORT_FAMILIES})
    lines += ["", "all documents", format_table({f: overall[f] for f in families})]
    if by is not None:
        groups = aggregate(documents, by)
        first = "body type" if by == "body" else "document"
        if family is not None:
            lines += ["", f"{family} by {first}", format_table({g: s[family] for g, s in groups.items()}, first)]
        else:
            for group, scores in groups.items():
                count = sum(1 for r in documents if (r.gold.body_type if by == "body" else r.gold.folder) == group)
                title = f"{first} {group}" + (f" ({count} document(s))" if by == "body" else "")
                lines += ["", title, format_table({f: scores[f] for f in families})]
    failed = [r for r in documents if r.predicted.errors]
    if failed or evaluation.problems:
        lines.append("")
    for r in failed:
        lines.append(f"not loaded (scored as extracting nothing): {r.gold.folder}: {r.predicted.errors[0]}")
    lines += [f"skipped: {problem}" for problem in evaluation.problems]
    return "\n".join(lines)


def _quote(names: Sequence[str]) -> str:
    return " / ".join(f'"{n}"' for n in names)


def _elsewhere(result: DocumentResult, family: str, names: Sequence[str], side: str) -> str | None:
    """The other family where ``names`` is annotated (``side="gold"``) or extracted (``"predicted"``)."""
    for other in FAMILIES:
        if other == family or (family == COMBINED and other in ("organisations", "committees")):
            continue
        if side == "gold":
            candidates = [entity.names for entity in result.gold.family(other)]
        else:
            candidates = [entity.labels for entity in result.predicted.family(other)]
        for candidate in candidates:
            pair = (candidate, names) if side == "gold" else (names, candidate)
            if match_level(*pair, other if side == "gold" else family) != NONE:
                return f"{'annotated' if side == 'gold' else 'extracted'} as {other}: \"{candidate[0]}\""
    return None


def explain(result: DocumentResult, family: str | None = None, limit: int = 12) -> str:
    """The matches, misses and false positives of one document, family by family.

    False positives the document's own graphs never refer to (reference data) are counted, and
    the first ``limit`` named, after the others.

    Examples
    --------
    >>> from evidence_graph.evaluation.gold import GoldEntity
    >>> gold = GoldDocument("d", Path("d/gold.toml"), "u", "r", "l", "Example DC", "district", "a.txt",
    ...                     entities={"people": (GoldEntity("Rita Clarke"), GoldEntity("Ann Lee"))})
    >>> found = PredictedDocument(Path("d/a.txt"), [PredictedEntity("x/id/person/r", "Person", "people", ("R Clarke",)),
    ...                                             PredictedEntity("x/id/person/x", "Person", "people", ("Zed",))])
    >>> print(explain(evaluate_document(gold, found), "people").split("\\n", 5)[5])
    people: 2 annotated, 2 extracted
      lenient "Rita Clarke" ~ "R Clarke"
      miss    "Ann Lee"
      false+  "Zed"  (Person, person/x)
    """
    gold = result.gold
    lines = [f"{gold.folder}: {gold.body} ({gold.body_type}), {gold.document_type}, {gold.file}"]
    lines += [f"  not loaded: {error}" for error in result.predicted.errors]
    lines += ["", format_table({f: m.score for f, m in result.families.items() if family in (None, f)})]
    for name, match in result.families.items():
        if family not in (None, name) or (family is None and name == COMBINED):
            continue
        lines += ["", f"{name}: {len(match.gold)} annotated, {len(match.predicted)} extracted"]
        for gi, pi, level in sorted(match.lenient.pairs):
            kind = "exact  " if level == EXACT else "lenient"
            lines.append(f"  {kind} {_quote(match.gold[gi][:1])} ~ {_quote(match.predicted[pi].labels[:2])}")
        for gi in match.lenient.unmatched_gold:
            where = _elsewhere(result, name, match.gold[gi], "predicted")
            lines.append(f"  miss    {_quote(match.gold[gi])}" + (f"  ({where})" if where else ""))
        wrong = [match.predicted[pi] for pi in match.lenient.unmatched_predicted]
        for p in wrong:
            if p.mentioned:
                where = _elsewhere(result, name, p.labels, "gold")
                lines.append(f"  false+  {_quote(p.labels[:3] or (p.label,))}  ({p.type}, "
                             f"{p.iri.rsplit('/id/', 1)[-1]}{'; ' + where if where else ''})")
        reference = [p for p in wrong if not p.mentioned]
        if reference:
            shown = ", ".join(f'"{p.label}"' for p in reference[:limit])
            more = f" … (+{len(reference) - limit} more; --json lists them)" if len(reference) > limit else ""
            lines.append(f"  false+  {len(reference)} never referred to by the document (reference data): "
                         f"{shown}{more}")
    return "\n".join(lines)


def _document_json(result: DocumentResult) -> dict[str, Any]:
    families: dict[str, Any] = {}
    for name, match in result.families.items():
        families[name] = {
            **match.score.as_dict(),
            "matched": [{"gold": match.gold[gi][0], "predicted": match.predicted[pi].label,
                         "iri": match.predicted[pi].iri, "level": "exact" if level == EXACT else "lenient"}
                        for gi, pi, level in sorted(match.lenient.pairs)],
            "missed": [{"name": match.gold[gi][0], "names": list(match.gold[gi]),
                        "elsewhere": _elsewhere(result, name, match.gold[gi], "predicted")}
                       for gi in match.lenient.unmatched_gold],
            "false_positives": [{"label": match.predicted[pi].label, "labels": list(match.predicted[pi].labels),
                                 "iri": match.predicted[pi].iri, "type": match.predicted[pi].type,
                                 "mentioned": match.predicted[pi].mentioned,
                                 "elsewhere": _elsewhere(result, name, match.predicted[pi].labels, "gold")}
                                for pi in match.lenient.unmatched_predicted],
        }
    gold = result.gold
    return {"folder": gold.folder, "body": gold.body, "body_type": gold.body_type,
            "document_type": gold.document_type, "file": gold.file, "errors": result.predicted.errors,
            "seconds": round(result.predicted.seconds, 3), "families": families}


def to_json(evaluation: Evaluation, details: bool = True) -> dict[str, Any]:
    """The report as JSON-ready data: overall, per body type, per document (with, if ``details``,
    each document's matches, misses and false positives).

    Examples
    --------
    >>> fixtures = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "evaluation"
    >>> data = to_json(evaluate_devset(fixtures))
    >>> data["documents"], sorted(data["by_body_type"]), data["overall"]["legislation"]["gold"]
    (2, ['county', 'district'], 2)
    >>> sorted(data["details"][0]["families"]["people"])
    ['exact', 'false_positives', 'gold', 'lenient', 'matched', 'missed', 'predicted', 'unmentioned']
    """
    documents = evaluation.documents

    def grouped(by: str | None) -> dict[str, Any]:
        return {g: {f: s.as_dict() for f, s in scores.items()} for g, scores in aggregate(documents, by).items()}

    data: dict[str, Any] = {
        "documents": len(documents), "bodies": len({r.gold.body for r in documents}),
        "seconds": round(evaluation.seconds, 2), "families": list(REPORT_FAMILIES),
        "overall": grouped(None).get("all", {}), "by_body_type": grouped("body"), "by_document": grouped("document"),
        "skipped": evaluation.problems,
    }
    if details:
        data["details"] = [_document_json(r) for r in documents]
    return data


__all__ = ["COMBINED", "GROUPINGS", "REPORT_FAMILIES", "Counts", "DocumentResult", "Evaluation", "FamilyMatch",
           "FamilyScore", "GoldError", "aggregate", "evaluate_devset", "evaluate_document", "explain",
           "format_report", "format_table", "to_json"]
