"""The store: atomic swaps, idempotent reloads, the registry kept, and whole-graph checks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from conftest import SAMPLE
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from graph import build as build_module
from graph.build import build_into_store
from graph.iris import document_graph, provenance_graph, registry_graph
from graph.store import EvidenceStore, StoreError
from graph.triples import DocumentGraphs
from graph.validation import quote_failures, shacl_failures
from graph.vocabulary import SCHEMA


def snapshot(store: EvidenceStore) -> set[tuple[str, str, str, str]]:
    return {tuple(str(t) for t in quad) for quad in store.quads()}


def copy_sample(tmp_path: Path) -> Path:
    folder = tmp_path / "kcc"
    shutil.copytree(SAMPLE, folder)
    return folder


def test_reload_of_unchanged_documents_gives_an_isomorphic_graph(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    assert build_into_store(store, [SAMPLE]).errors == []
    first = store.dataset()
    first_quads = snapshot(store)
    assert build_into_store(store, [SAMPLE]).errors == []
    assert snapshot(store) == first_quads  # no blank nodes: equal sets are the strictest isomorphism
    minutes = document_graph("kcc-commissioning-select-committee/2014-01-30-minutes-thom-wilson")
    assert isomorphic(first.graph(minutes), store.dataset().graph(minutes))


def test_a_changed_document_replaces_its_graph_and_keeps_iris(tmp_path: Path) -> None:
    folder = copy_sample(tmp_path)
    store = EvidenceStore(tmp_path / "store")
    assert build_into_store(store, [folder]).errors == []
    minutes = folder / "2014-01-30-minutes-thom-wilson.txt"
    minutes.write_text(minutes.read_text(encoding="utf-8").replace(
        "No, nothing I can think of.", "No, nothing further."), encoding="utf-8")
    assert build_into_store(store, [minutes]).errors == []
    texts = {str(o) for s, p, o, g in store.quads() if p == SCHEMA.text}
    assert any("No, nothing further." in t for t in texts)
    assert not any("No, nothing I can think of." in t for t in texts)
    assert "kcc/2014-01-30-agenda-pack" in store.document_keys()
    people = {str(s) for s, p, o, g in store.quads() if p == SCHEMA.familyName and str(o) == "Wilson"}
    assert people == {"https://evidencegraph.example/id/person/thom-wilson"}


def test_a_failed_write_leaves_the_store_unchanged(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    assert build_into_store(store, [SAMPLE]).errors == []
    before = snapshot(store)
    bad = Graph()
    bad.add((URIRef("urn:x:s"), URIRef("urn:x:p"), Literal("fine")))
    bad.add((URIRef("urn:x:s"), URIRef("urn:x:p"), URIRef("not an iri")))
    with pytest.raises(StoreError, match="nothing was written"):
        store.replace_documents([DocumentGraphs("x", document_graph("x"), bad, provenance_graph("x"), Graph())],
                                store.registry())
    assert snapshot(store) == before


def test_a_validation_failure_stores_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = EvidenceStore(tmp_path / "store")
    monkeypatch.setattr(build_module, "shacl_failures", lambda data: ["<x> schema:text: Less than 1 values"])
    result = build_into_store(store, [SAMPLE])
    assert any("failed validation" in e for e in result.errors)
    assert len(store) == 0


def test_the_registry_survives_dropping_documents(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    build_into_store(store, [SAMPLE])
    store.remove_documents(store.document_keys())
    assert store.document_keys() == []
    registry = store.registry()
    assert registry.get("person/thom-wilson").label == "Thom Wilson"
    assert "Mr Wilson" in registry.get("person/thom-wilson").aliases
    assert str(registry_graph()) in store.graph_names()


def test_whole_graph_conforms_to_the_shapes(sample_store: EvidenceStore) -> None:
    union = Graph()
    for s, p, o, _ in sample_store.quads():
        union.add((s, p, o))
    assert shacl_failures(union) == []


def test_every_quote_in_the_store_re_anchors(sample_store: EvidenceStore) -> None:
    keys = sample_store.document_keys()
    assert len(keys) == 2
    checked = 0
    for key in keys:
        text = next(str(o) for _, o in sample_store.graph(provenance_graph(key)).subject_objects(SCHEMA.text))
        graph = sample_store.graph(document_graph(key))
        assert quote_failures(graph, text, limit=10**6) == []
        checked += len(set(graph.subjects(URIRef("http://www.w3.org/ns/oa#hasSelector"), None)))
    assert checked > 500


def test_opening_a_missing_read_only_store_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot open the store"):
        EvidenceStore(tmp_path / "nowhere", read_only=True)


def test_an_internal_error_names_the_document_and_stores_nothing(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    store = EvidenceStore(tmp_path / "store")
    assert build_into_store(store, [SAMPLE]).errors == []
    before = snapshot(store)

    def broken(*args, **kwargs):
        raise KeyError("org/nowhere")

    monkeypatch.setattr(build_module, "resolve_document", broken)
    with pytest.raises(build_module.BuildError, match=r"2014-01-30-.*internal error while building "
                                                      r"\(KeyError: 'org/nowhere'\); nothing was stored"):
        build_into_store(store, [SAMPLE])
    assert snapshot(store) == before


def test_new_documents_are_added_in_one_transaction_and_replaced_ones_swapped(tmp_path: Path) -> None:
    store = EvidenceStore(tmp_path / "store")
    assert build_into_store(store, [SAMPLE]).errors == []
    first = snapshot(store)
    assert build_into_store(store, [SAMPLE]).errors == []  # every graph replaced: the UPDATE path
    assert snapshot(store) == first
    registry = store.registry()
    from loaders.registry import Entity

    registry.add(Entity("org/wessex-homes-trust", "Organisation", "Wessex Homes Trust"))
    store.replace_documents([], registry)  # the registry only grew: the extend path
    grown = snapshot(store)
    assert first < grown and {quad[3] for quad in grown - first} == {str(registry_graph())}
    assert store.registry().get("org/wessex-homes-trust").label == "Wessex Homes Trust"
    assert store.registry().get("person/thom-wilson").label == "Thom Wilson"


def test_quads_share_one_rdflib_term_per_store_term(sample_store: EvidenceStore) -> None:
    subjects = {}
    for s, _, _, _ in sample_store.quads():
        assert subjects.setdefault(str(s), s) is s
