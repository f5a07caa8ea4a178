"""Reference data is not a fact (issue 9, point 1).

Gazetteer entries (places, national bodies, Acts), vocabularies and concept schemes, and people
read from sibling documents as context reach a store, an export, a GraphQL list or a ranking
only when a stored document refers to them (or an entity it refers to needs them: a concept's
scheme, a post's organisation). A store holding one document exports that document's entities
and the registry entries it refers to, nothing else.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from rdflib import URIRef

from evidence_graph.graph.entities import normalise_label
from evidence_graph.graph.iris import key_of, registry_graph
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import ORG, RDF, SCHEMA, SKOS
from evidence_graph.loaders.cues import load_cues
from evidence_graph.pipeline.build import build_into_store
from evidence_graph.schema import build_schema
from evidence_graph.schema.context import GraphSnapshot, RequestContext
from tests.conftest import FIXTURES, MINUTES, SAMPLE

ROOT = Path(__file__).resolve().parents[1]
MINUTES_FILE = SAMPLE / "2014-01-30-minutes-thom-wilson.txt"
HARBOURNE_FILE = FIXTURES / "other_councils" / "harbourne-overview-scrutiny" / "2024-11-12-minutes.txt"
REGISTRY = str(registry_graph())
#: What a registry entity may need besides being referred to (MODEL: the closure of a reference).
NEEDS = (SKOS.inScheme, ORG.postIn, ORG.unitOf)
API = build_schema()


def one_document_store(tmp_path: Path, path: Path) -> EvidenceStore:
    store = EvidenceStore(tmp_path / "store")
    result = build_into_store(store, [path])
    assert result.errors == [] and len(store.document_keys()) == 1
    return store


@pytest.fixture(scope="module")
def minutes_store(tmp_path_factory: pytest.TempPathFactory) -> EvidenceStore:
    """The sample minutes alone (their agenda pack is read as context, not stored)."""
    return one_document_store(tmp_path_factory.mktemp("minutes"), MINUTES_FILE)


@pytest.fixture(scope="module")
def harbourne_store(tmp_path_factory: pytest.TempPathFactory) -> EvidenceStore:
    return one_document_store(tmp_path_factory.mktemp("harbourne"), HARBOURNE_FILE)


def split(store: EvidenceStore) -> tuple[set[str], list[tuple[str, str, str]]]:
    """The nodes the documents' graphs hold, and the registry graph's triples."""
    documents: set[str] = set()
    registry: list[tuple[str, str, str]] = []
    for s, p, o, g in store.quads():
        if str(g) == REGISTRY:
            registry.append((str(s), str(p), str(o)))
        elif "/graph/doc/" in str(g) or "/graph/prov/doc/" in str(g):
            documents.update((str(s), str(o)))
    return documents, registry


def unreferenced(store: EvidenceStore) -> set[str]:
    """Registry subjects that no document refers to and no referenced entity needs."""
    documents, registry = split(store)
    subjects = {s for s, _, _ in registry}
    needed = {o for s, p, o in registry if URIRef(p) in NEEDS}
    # A committee needs the council it is a committee of (its key's scope).
    needed |= {str(URIRef(s.replace("/committee/", "/org/").rsplit("/", 1)[0])) for s in subjects
               if "/id/committee/" in s}
    return subjects - documents - needed


def text_of(path: Path) -> str:
    return path.read_text(encoding="utf-8").lower()


def gazetteer_names() -> dict[str, list[str]]:
    """Every curated place, national body and Act with its names (the cue files)."""
    found: dict[str, list[str]] = {}
    for table, key in (("places", "place"), ("organisations", "organisation"), ("legislation", "legislation")):
        for entry in load_cues(table)[key]:
            found[entry["name"]] = [entry["name"], *entry.get("aliases", [])]
    return found


def mentioned(names: list[str], text: str) -> bool:
    """Whether the text names an entry: one of its names, or all of its words ("East and West
    Kent" names East Kent)."""
    words = set(re.findall(r"[\w']+", text))
    return any(name.lower() in text or set(re.findall(r"[\w']+", name.lower())) <= words for name in names)


def registry_labels(store: EvidenceStore) -> dict[str, set[str]]:
    labels: dict[str, set[str]] = {}
    for s, p, o, g in store.quads():
        if str(g) == REGISTRY and p in (SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel):
            labels.setdefault(str(s), set()).add(str(o))
    return labels


def execute(store: EvidenceStore, query: str) -> dict[str, Any]:
    snapshot = GraphSnapshot.from_quads(store.quads())
    result = asyncio.run(API.execute(query, context_value=RequestContext(snapshot)))
    assert result.errors is None, [e.message for e in result.errors]
    return result.data


@pytest.mark.parametrize("which", ["minutes", "harbourne"])
def test_a_one_document_store_holds_no_registry_entry_its_document_does_not_refer_to(
        which: str, request: pytest.FixtureRequest) -> None:
    store = request.getfixturevalue(f"{which}_store")
    assert unreferenced(store) == set()


@pytest.mark.parametrize(("which", "path"), [("minutes", MINUTES_FILE), ("harbourne", HARBOURNE_FILE)])
def test_no_gazetteer_place_body_or_act_the_text_does_not_mention(which: str, path: Path,
                                                                 request: pytest.FixtureRequest) -> None:
    store = request.getfixturevalue(f"{which}_store")
    text = text_of(path)
    gazetteer = gazetteer_names()
    labels = registry_labels(store)
    present = {label for names in labels.values() for label in names}
    stored = [name for name in gazetteer if name in present]
    unmentioned = [name for name in stored if not mentioned(gazetteer[name], text)]
    assert unmentioned == []
    # The gazetteer is much larger than what the document names: most of it stays out.
    assert len(stored) < len(gazetteer) / 10
    # The text's own gazetteer entries are there ("Kent" in the minutes).
    if which == "minutes":
        assert "Kent" in stored


def test_people_read_from_the_agenda_as_context_are_not_in_the_minutes_store(minutes_store: EvidenceStore) -> None:
    text = text_of(MINUTES_FILE)
    people = {s for s, p, o, _ in minutes_store.quads() if p == RDF.type and o == SCHEMA.Person}
    families = {str(o) for s, p, o, _ in minutes_store.quads() if p == SCHEMA.familyName and str(s) in
                {str(x) for x in people}}
    assert families and all(family.lower() in text for family in families), families
    # The agenda's committee members (the Chairman's colleagues) are not named in the minutes.
    assert not any("/person/m-baldock" in str(p) or "/person/t-gates" in str(p) for p in people)


def test_the_one_document_export_holds_the_documents_entities_and_what_they_refer_to(tmp_path: Path) -> None:
    out = tmp_path / "graph.json"
    done = subprocess.run([sys.executable, "-m", "evidence_graph.cli", "export", "--format", "nodelink", "-o", str(out),
                           str(MINUTES_FILE)], capture_output=True, text=True, cwd=ROOT, timeout=300,
                          env=dict(os.environ))
    assert done.returncode == 0, done.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    text = text_of(MINUTES_FILE)
    gazetteer = gazetteer_names()
    by_label = {n["label"]: n for n in data["nodes"]}
    assert [name for name in gazetteer if name in by_label and not mentioned(gazetteer[name], text)] == []
    # No person of the agenda pack (read as context) but those the minutes name.
    people = [n["label"] for n in data["nodes"] if n["type"] == "Person"]
    assert people and all(label.split()[-1].lower() in text for label in people), people
    assert len(data["nodes"]) < 250  # was 358 with every gazetteer entry in it


def test_graphql_lists_and_search_hold_only_what_the_document_refers_to(minutes_store: EvidenceStore) -> None:
    documents, _ = split(minutes_store)
    lists = ("places", "organisations", "legislation", "issues", "people", "committees", "posts")
    query = "{ " + " ".join(f"{name}(first: 100) {{ totalCount edges {{ node {{ iri label }} }} }}"
                            for name in lists) + " }"
    found = execute(minutes_store, query)
    for name in lists:
        iris = [e["node"]["iri"] for e in found[name]["edges"]]
        assert found[name]["totalCount"] == len(iris)
        assert [iri for iri in iris if iri not in documents] == [], name
    assert "Kent" in {e["node"]["label"] for e in found["places"]["edges"]}
    text = text_of(MINUTES_FILE)
    absent = [name for name, names in gazetteer_names().items() if not mentioned(names, text)]
    for name in ("Canterbury", "Medway", "Ofsted", "Care Quality Commission"):
        if name in absent:
            hits = execute(minutes_store, '{ search(text: "%s", first: 20) { edges { node { node { label } } } } }'
                           % name)
            assert name not in {e["node"]["node"]["label"] for e in hits["search"]["edges"]}


@pytest.mark.parametrize("algorithm", ["DEGREE", "PAGERANK", "BETWEENNESS"])
def test_a_centrality_ranking_over_one_document_ranks_only_what_it_refers_to(
        minutes_store: EvidenceStore, algorithm: str) -> None:
    documents, _ = split(minutes_store)
    found = execute(minutes_store, "{ centrality(algorithm: %s, types: [\"Organisation\", \"Place\", "
                                   "\"Legislation\", \"Person\"], first: 100) { totalCount edges { node { iri label } } } }"
                    % algorithm)
    ranked = [e["node"]["iri"] for e in found["centrality"]["edges"]]
    assert ranked and [iri for iri in ranked if iri not in documents] == []
    assert "http://127.0.0.1:8000/id/org/gb-lae-ken" in ranked[:5]


def test_removing_a_document_takes_the_entries_only_it_referred_to_out_of_the_registry_graph(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    assert build_into_store(store, [SAMPLE]).errors == []
    pack_only = "http://127.0.0.1:8000/id/person/m-baldock"
    assert any(str(s) == pack_only for s, _, _, g in store.quads() if str(g) == REGISTRY)
    store.remove_documents([key for key in store.document_keys() if "agenda-pack" in key])
    assert store.document_keys() == [MINUTES.removeprefix("doc/")]
    assert unreferenced(store) == set()
    assert not any(str(s) == pack_only for s, *_ in store.quads())
    # The resolver still remembers the person, for the next load.
    assert store.registry().get(key_of(pack_only) or "") is not None


def test_the_sample_stores_every_entry_its_documents_refer_to_and_no_other(sample_store: EvidenceStore) -> None:
    assert unreferenced(sample_store) == set()
    labels = {normalise_label(name) for names in registry_labels(sample_store).values() for name in names}
    # The sample names Kent, Medway and Bexley; the gazetteer's other counties stay out.
    assert {"kent", "medway", "bexley"} <= labels
    assert not labels & {"cornwall", "northumberland", "cumbria"}
