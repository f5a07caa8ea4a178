"""A derived fact that fails its shape is dropped and reported, never the whole document
(issue 9, point 1): the build report names it, the document's provenance records it
(``prov:invalidated``), and every other fact of the document is stored."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef

from evidence_graph.graph.iris import document_graph, provenance_graph
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import EG, PROV, RDF, SCHEMA
from evidence_graph.pipeline.build import build_into_store

TEXT = """ASHCOMBE BOROUGH COUNCIL

Minutes of a meeting of the Audit Committee held on Tuesday, 8 April 2025 at 7.00 pm

Present: Cllr Ruth Penhale (Chair), Cllr Omar Haddad and Cllr Lena Vos

1. Internal audit plan

Cllr Haddad asked whether the audit plan covered the new leisure contract.

The budget is £5m this year.

RESOLVED: That the internal audit plan be approved.
"""


def test_a_document_whose_one_claim_fails_a_shape_still_loads_with_that_claim_reported(tmp_path: Path) -> None:
    folder = tmp_path / "audit"
    folder.mkdir()
    (folder / "minutes.txt").write_text(TEXT, encoding="utf-8")
    store = EvidenceStore(tmp_path / "store")
    result = build_into_store(store, [folder])
    # Stored, with one line in the build report naming the document and the dropped claim.
    assert result.errors == [] and store.document_keys() == ["audit/minutes"]
    assert len(result.dropped) == 1, result.dropped
    assert result.dropped[0].startswith("audit/minutes.txt: dropped ") and "Claim" in result.dropped[0]
    # The document's provenance records it, and the claim is not among its facts.
    provenance = store.graph(provenance_graph("audit/minutes"))
    invalidated = set(provenance.objects(None, PROV.invalidated))
    assert len(invalidated) == 1
    claim = next(iter(invalidated))
    graph = store.graph(document_graph("audit/minutes"))
    assert (claim, None, None) not in graph and (None, None, claim) not in graph
    # Everything else the document says is there: its people, passages and the figure itself.
    people = {str(n) for triple in graph for n in (triple[0], triple[2]) if "/id/person/" in str(n)}
    assert {"http://127.0.0.1:8000/id/person/ruth-penhale",
            "http://127.0.0.1:8000/id/person/omar-haddad"} <= people
    assert any(str(o) == "Cllr Haddad asked whether the audit plan covered the new leisure contract."
               for o in graph.objects(None, SCHEMA.text))
    assert any(True for _ in graph.subjects(RDF.type, EG.Figure))
    assert isinstance(claim, URIRef)


def test_a_fact_whose_evidence_is_no_span_is_left_out_and_the_document_still_checks() -> None:
    """A wrongly derived span (end before start) once refused whole minutes ('missing quote'):
    now that fact alone is left out, listed and noted in the provenance."""
    from evidence_graph.graph.entities import Registry
    from evidence_graph.graph.vocabulary import ORG, RDFS
    from evidence_graph.loaders.context import gather_context
    from evidence_graph.loaders.document import Document
    from evidence_graph.loaders.facts import Fact, Ref
    from evidence_graph.loaders.mentions import find_mentions
    from evidence_graph.loaders.rdf import document_graphs
    from evidence_graph.loaders.resolution import resolve_document, seed_registry
    from evidence_graph.loaders.structure import parse_document
    from evidence_graph.pipeline.build import check_document

    parsed = parse_document(Document("audit/minutes.txt", "audit/minutes", TEXT, "0"))
    context = gather_context([parsed])
    registry = Registry()
    seed_registry(registry)
    resolved = resolve_document(parsed, find_mentions(parsed, context), context, registry)
    good = len(resolved.facts)
    resolved.facts.append(Fact("person/omar-haddad", ORG.memberOf, Ref("org/nowhere"), (120, 118), 3))
    graphs = document_graphs(resolved)
    problems, _ = check_document(graphs, parsed, registry)
    assert problems == []
    assert (None, ORG.memberOf, URIRef("http://127.0.0.1:8000/id/org/nowhere")) not in graphs.assertions
    assert resolved.dropped == ["person/omar-haddad org:memberOf org/nowhere: evidence [120, 118) is no span "
                                "of the text"]
    notes = [str(o) for o in graphs.provenance.objects(None, RDFS.comment)]
    assert any("no evidence span" in note and "org/nowhere" in note for note in notes)
    assert good > 10, "every other fact is still there"
