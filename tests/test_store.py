"""The store: atomic swaps, idempotent reloads, the registry kept, whole-graph checks, the generation
mark committed with every write, readers' views, and writers taking turns."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest
from conftest import SAMPLE
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from evidence_graph.graph.documents import DocumentGraphs
from evidence_graph.graph.iris import document_graph, provenance_graph, registry_graph
from evidence_graph.graph.store import MEMORY_GRAPH, STORE_GRAPH, EvidenceStore, StoreError, WriteLock
from evidence_graph.graph.validation import quote_failures, shacl_failures
from evidence_graph.graph.vocabulary import SCHEMA
from evidence_graph.pipeline import build as build_module
from evidence_graph.pipeline.build import build_into_store


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
    assert people == {"http://127.0.0.1:8000/id/person/thom-wilson"}


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
    assert checked > 400  # every selector of both documents (about 500), not a sample of them


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
    from evidence_graph.graph.entities import Entity

    registry.add(Entity("org/wessex-homes-trust", "Organisation", "Wessex Homes Trust"))
    registry.add_name("person/thom-wilson", "T. Wilson")
    store.replace_documents([], registry)  # the registry only grew: the extend path
    grown = snapshot(store)
    assert first < grown and {quad[3] for quad in grown - first} == {str(registry_graph())}
    # The resolver remembers an entity no document refers to, but it is not evidence.
    assert store.registry().get("org/wessex-homes-trust").label == "Wessex Homes Trust"
    assert not any("wessex-homes-trust" in quad[0] for quad in grown)
    assert store.registry().get("person/thom-wilson").label == "Thom Wilson"


def test_quads_share_one_rdflib_term_per_store_term(sample_store: EvidenceStore) -> None:
    subjects = {}
    for s, _, _, _ in sample_store.quads():
        assert subjects.setdefault(str(s), s) is s


def test_every_write_commits_a_new_generation_mark_with_it(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with EvidenceStore(path) as store:
        assert store.generation_mark() is None and EvidenceStore.generation(path) is None
        assert build_into_store(store, [SAMPLE]).errors == []  # new documents: the extend path
        first = store.generation_mark()
        assert first is not None and EvidenceStore.generation(path) == first
        assert build_into_store(store, [SAMPLE]).errors == []  # replaced documents: the UPDATE path
        second = store.generation_mark()
        store.remove_documents(store.document_keys()[:1])
        third = store.generation_mark()
        store.replace_documents([], store.registry())  # nothing to write: nothing changes
        assert store.generation_mark() == third
        assert len({first, second, third}) == 3
        # One mark is kept, in the metadata graph, and it is not evidence.
        marks = list(store.oxigraph.quads_for_pattern(None, None, None, STORE_GRAPH))
        assert len(marks) == 1 and marks[0].object.value == third
        memory = len(list(store.oxigraph.quads_for_pattern(None, None, None, MEMORY_GRAPH)))
        assert memory and len(store) == len(store.oxigraph) - 1 - memory == len(list(store.quads()))
        assert str(STORE_GRAPH.value) not in store.graph_names()
        assert all(str(g) != STORE_GRAPH.value for *_, g in store.quads())
    assert EvidenceStore.generation(path) == third


def test_of_two_marks_the_higher_count_wins_and_the_next_write_keeps_one(tmp_path: Path) -> None:
    # A writer killed between its commit (extend) and the removal of the older mark leaves two.
    with EvidenceStore(tmp_path / "store") as store:
        assert build_into_store(store, [SAMPLE]).errors == []
        current = store.generation_mark()
        assert current is not None
        mark = next(iter(store.oxigraph.quads_for_pattern(None, None, None, STORE_GRAPH)))
        older = ox.Quad(mark.subject, mark.predicate, ox.Literal("0-1-1"), STORE_GRAPH)
        store.oxigraph.add(older)
        assert store.generation_mark() == current
        store.remove_documents(store.document_keys()[:1])
        marks = list(store.oxigraph.quads_for_pattern(None, None, None, STORE_GRAPH))
        assert len(marks) == 1 and marks[0].object.value.split("-")[0] == str(int(current.split("-")[0]) + 1)


def test_polling_an_unchanged_store_lists_its_folder_and_opens_nothing(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "store"
    with EvidenceStore(path) as store:
        assert build_into_store(store, [SAMPLE]).errors == []
    opens = []
    original = EvidenceStore._open_read_only
    monkeypatch.setattr(EvidenceStore, "_open_read_only", staticmethod(lambda p: opens.append(p) or original(p)))
    mark = EvidenceStore.generation(path)
    assert [EvidenceStore.generation(path) for _ in range(20)] == [mark] * 20
    assert len(opens) == 1
    with EvidenceStore(path) as store:
        store.remove_documents(store.document_keys()[:1])
        changed = store.generation_mark()
    assert EvidenceStore.generation(path) == changed != mark and len(opens) == 2


def test_a_reader_sees_the_store_as_it_was_when_it_opened(tmp_path: Path) -> None:
    path = tmp_path / "store"
    writer = EvidenceStore(path)
    assert build_into_store(writer, [SAMPLE]).errors == []
    reader = EvidenceStore(path, read_only=True)
    before = snapshot(reader)
    writer.remove_documents(writer.document_keys()[:1])
    assert snapshot(reader) == before and len(reader.document_keys()) == 2
    assert len(EvidenceStore(path, read_only=True).document_keys()) == 1
    # The reader's view keeps its files alive whatever becomes of the store's folder.
    writer.close()
    shutil.rmtree(path)
    assert snapshot(reader) == before
    views = [p for p in tmp_path.iterdir() if p.name.startswith(".store.read-")]
    assert len(views) == 1
    reader.close()
    assert not views[0].exists()


def test_a_dead_readers_view_is_removed_by_the_next_reader(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with EvidenceStore(path) as store:
        assert build_into_store(store, [SAMPLE]).errors == []
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    left = tmp_path / f".store.read-{dead.stdout.strip()}-x1"
    left.mkdir()
    (left / "CURRENT").write_text("MANIFEST-000001\n")
    mine = tmp_path / f".store.read-{os.getpid()}-x2"
    mine.mkdir()
    EvidenceStore(path, read_only=True).close()
    assert not left.exists() and mine.exists()


def test_a_second_writer_waits_then_gives_up_in_one_clear_line(tmp_path: Path) -> None:
    path = tmp_path / "store"
    told: list[str] = []
    with EvidenceStore(path) as first:
        started = time.monotonic()
        with pytest.raises(StoreError) as refused:
            EvidenceStore(path, wait=0.5, on_wait=told.append)
        assert time.monotonic() - started >= 0.5
        assert first.document_keys() == []
    assert told == [f"another build is writing to {path} (pid {os.getpid()}, "
                    f"since {told[0].split('since ')[1][:8]}); waiting…"]
    message = str(refused.value)
    assert message.startswith(f"{path}: another build (pid {os.getpid()}, since ") and "\n" not in message
    assert "after 0.5 s of waiting" in message and "--wait SECONDS" in message
    assert "rocksdb" not in message.lower() and "LOCK" not in message
    EvidenceStore(path, wait=0).close()  # the first writer's lock went with it


def test_the_lock_file_names_its_holder_beside_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store"
    with EvidenceStore(path):
        pid, since = WriteLock(path).holder()
        assert (tmp_path / "store.lock").exists() and pid == os.getpid()
        assert since is not None and abs(since - time.time()) < 60


_ONE_MEETING = """WEXCOMBE BOROUGH COUNCIL

Minutes of a meeting of the Licensing Committee held on Tuesday, 8 April 2025 at 7.00 pm

Present: Cllr Ruth Penhale (Chair) and Cllr Omar Haddad

1. Taxi licensing policy

Cllr Haddad asked whether the policy had been consulted on in Wexcombe. The Chair said it had been.
"""


@pytest.fixture
def one_document_store(tmp_path: Path) -> EvidenceStore:
    folder = tmp_path / "licensing"
    folder.mkdir()
    (folder / "minutes.txt").write_text(_ONE_MEETING, encoding="utf-8")
    store = EvidenceStore(tmp_path / "store")
    assert build_into_store(store, [folder]).errors == []
    return store


def test_a_one_document_store_serves_its_document_graphs_and_the_registry_graph_only(
        one_document_store: EvidenceStore) -> None:
    # The vocabulary is no document's evidence: it is not stored, so no export carries it.
    names = {str(g) for *_, g in one_document_store.quads()}
    assert names == {str(document_graph("licensing/minutes")), str(provenance_graph("licensing/minutes")),
                     str(registry_graph())}
    assert one_document_store.graph_names() == sorted(names)


def test_stats_count_the_registry_entries_the_store_serves_not_the_resolvers_memory(
        one_document_store: EvidenceStore) -> None:
    stats = one_document_store.stats()
    served = {s for s, _, _, g in one_document_store.quads() if str(g) == str(registry_graph())}
    assert stats["registry entities"] == len(served) > 0
    # The seeded reference data the document never names is remembered, not served.
    assert len(one_document_store.registry()) > 2 * stats["registry entities"]
    assert stats["quads"] == len(list(one_document_store.quads())) == len(one_document_store)
    assert sum(v for k, v in stats.items() if k.startswith("  ")) == stats["registry entities"]


def test_a_vocabulary_graph_an_older_store_holds_is_no_evidence(one_document_store: EvidenceStore) -> None:
    from evidence_graph.graph.iris import vocabulary_graph
    from evidence_graph.graph.store import _oxigraph_quads
    from evidence_graph.graph.vocabulary import load_vocabulary

    before, count = snapshot(one_document_store), len(one_document_store)
    # Stores written before the vocabulary stopped being stored hold it as a named graph.
    one_document_store.oxigraph.extend(_oxigraph_quads(vocabulary_graph(), load_vocabulary()))
    assert one_document_store.oxigraph.contains_named_graph(ox.NamedNode(str(vocabulary_graph())))
    assert snapshot(one_document_store) == before and len(one_document_store) == count
    assert str(vocabulary_graph()) not in one_document_store.graph_names()
