"""The register of UK central government organisations (``loaders/cues/uk_government_organisations.csv``,
from GOV.UK's list): its rows keep to the derivation its notice states, a paper naming a body in
it gets that body though the name has no suffix word, a word inside a body's name is not that
body, and an export of one paper carries only the register's bodies it names."""

from __future__ import annotations

import csv
from pathlib import Path

from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from evidence_graph.cli import export_documents
from evidence_graph.loaders.cues import CUE_DIR, load_cues, organisation_gazetteer

JOINERS = {"of", "and", "for", "the", "on", "in", "to", "at", "&", "de", "upon"}


def register_rows() -> list[dict[str, str]]:
    with (CUE_DIR / "uk_government_organisations.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_the_register_keeps_to_its_derivation() -> None:
    rows = register_rows()
    assert len(rows) > 800
    names = [row["name"] for row in rows]
    assert len({n.lower() for n in names}) == len(names)
    for row in rows:
        words = row["name"].split(" ")
        assert not row["name"].startswith("The ")
        assert not any(w[:1].islower() and w not in JOINERS for w in words), row["name"]
        assert words[-1] not in {"Review", "Inquiry", "Programme", "Profession", "Fund", "Group"}, row["name"]
    abbreviations = [row["abbreviation"] for row in rows if row["abbreviation"]]
    assert len(set(abbreviations)) == len(abbreviations)
    assert all(len(a) >= 3 and " " not in a for a in abbreviations)
    assert {"Monitor", "Tate"}.isdisjoint(names)


def test_a_curated_entry_replaces_the_register_row_of_its_name() -> None:
    entries = organisation_gazetteer()
    names = [entry["name"] for entry in entries]
    assert len(set(names)) == len(names)
    curated = {org["name"] for org in load_cues("organisations")["organisation"]}
    ofsted = next(entry for entry in entries if entry["name"] == "Ofsted")
    assert "Ofsted" in curated and ofsted["kind"] == "regulator" and "type" not in ofsted


def labels_of(quads: list) -> set[str]:
    return {str(o) for _, p, o, _ in quads if p in (RDFS.label, SKOS.prefLabel) and isinstance(o, Literal)}


def test_a_paper_naming_register_bodies_gets_them_and_no_others(tmp_path: Path) -> None:
    paper = tmp_path / "2024-03-12-minutes.txt"
    paper.write_text("Minutes of the Wendlow Borough Council Cabinet\n\n"
                     "1. The Cabinet noted that Border Force and English Heritage had written to the Council, "
                     "and that Government regulations allowed a virtual meeting.\n", encoding="utf-8")
    quads, problems, _ = export_documents([paper])
    assert problems == []
    found = labels_of(quads)
    assert {"Border Force", "English Heritage"} <= found
    # Reference data the paper never names stays out of its export.
    assert found.isdisjoint({"Cabinet Office", "HM Treasury", "Scottish Government", "Home Office"})
