"""The Turtle, TriG and JSON-LD exports are written as the quads are read (so a large store's
export keeps memory bounded) and say exactly what the N-Quads export says."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
import rdflib
from pyld import jsonld
from rdflib import XSD, Literal, URIRef

from evidence_graph.graph.export.formats import ExportSource, Quad, export_format
from evidence_graph.graph.vocabulary import ID, RDF, SCHEMA, SKOS

GRAPH_A, GRAPH_B = ID["graph/doc/a"], ID["graph/doc/b"]
ANN, BODY = ID["person/ann-lee"], ID["org/x"]

#: Awkward terms on purpose: a subject in two graphs and back again, a triple stated in two graphs,
#: language-tagged, typed and plain literals, quotes and newlines, and an IRI no prefix abbreviates.
QUADS: list[Quad] = [
    (ANN, RDF.type, SCHEMA.Person, GRAPH_A),
    (ANN, SKOS.prefLabel, Literal("Ann Lee", lang="en"), GRAPH_A),
    (ANN, SCHEMA.description, Literal('said "no"\nthen left\\', lang="cy"), GRAPH_A),
    (BODY, SCHEMA.foundingDate, Literal("2014-01-30", datatype=XSD.date), GRAPH_A),
    (BODY, SCHEMA.numberOfEmployees, Literal("12", datatype=XSD.integer), GRAPH_A),
    (ANN, RDF.type, SCHEMA.Person, GRAPH_B),
    (ANN, SCHEMA.worksFor, BODY, GRAPH_B),
    (BODY, SCHEMA.name, Literal("X Ltd"), GRAPH_B),
    (ANN, SCHEMA.sameAs, URIRef("https://example.org/people/ann.lee?x=1#me"), GRAPH_A),
]


def export(fmt: str, quads: list[Quad]) -> str:
    return "".join(export_format(fmt).write(ExportSource(quads=lambda: quads)))


def quad_set(dataset: rdflib.Dataset) -> set[tuple[object, ...]]:
    return {(s, p, o, g.identifier if hasattr(g, "identifier") else g)
            for s, p, o, g in dataset.quads((None, None, None, None)) if g != rdflib.graph.DATASET_DEFAULT_GRAPH_ID}


def test_trig_and_jsonld_say_what_nquads_says() -> None:
    expected = quad_set(rdflib.Dataset().parse(data=export("nquads", QUADS), format="nquads"))
    assert len(expected) == len(QUADS)
    from_trig = quad_set(rdflib.Dataset().parse(data=export("trig", QUADS), format="trig"))
    assert from_trig == expected
    document = json.loads(export("jsonld", QUADS))
    assert "schema:name" in json.dumps(document)  # compact: keys are prefixed names
    expanded = jsonld.to_rdf(document, {"format": "application/n-quads"})
    assert quad_set(rdflib.Dataset().parse(data=expanded, format="nquads")) == expected


def test_turtle_is_the_union_with_each_triple_once() -> None:
    text = export("turtle", QUADS)
    union = rdflib.Graph().parse(data=text, format="turtle")
    assert set(union) == {(s, p, o) for s, p, o, _ in QUADS}
    assert text.count("schema:Person") == 1  # stated in both graphs, written once
    assert "@prefix schema: <https://schema.org/> ." in text


@pytest.mark.parametrize("fmt", ["turtle", "trig", "jsonld", "nquads"])
def test_export_is_written_before_the_store_is_read_to_the_end(fmt: str) -> None:
    many = [(ID[f"person/p{i}"], SKOS.prefLabel, Literal(f"Person {i} " + "x" * 200, lang="en"), GRAPH_A)
            for i in range(2_000)]
    read = 0

    def quads() -> Iterator[Quad]:
        nonlocal read
        for quad in many:
            read += 1
            yield quad

    chunks = export_format(fmt).write(ExportSource(quads=quads))
    first = next(iter(chunks))
    assert first and read < len(many) // 2, f"{read} of {len(many)} quads read before the first chunk"


def test_empty_selection_still_parses() -> None:
    assert len(rdflib.Graph().parse(data=export("turtle", []), format="turtle")) == 0
    assert len(rdflib.Dataset().parse(data=export("trig", []), format="trig")) == 0
    assert jsonld.to_rdf(json.loads(export("jsonld", [])), {"format": "application/n-quads"}) == ""
