"""Each kind of node is declared once (graph/kinds.py), and every table that names kinds agrees."""

from __future__ import annotations

from rdflib import Graph, Namespace

from evidence_graph.graph.kinds import KIND_BY_NAME, KINDS, MENTION_KIND_CLASS, REGISTRY_KINDS, TYPE_NAMES, kind_of_key
from evidence_graph.graph.vocabulary import RDF, SHAPES_FILE
from evidence_graph.loaders.mentions import ENTITY_KINDS
from evidence_graph.schema.types import ENTITY_CLASSES

SH = Namespace("http://www.w3.org/ns/shacl#")
EGSH = Namespace("https://evidencegraph.example/def/shapes#")


def test_kind_names_are_unique() -> None:
    assert len(KIND_BY_NAME) == len(KINDS)


def test_every_declared_shape_exists_and_targets_the_kinds_first_class() -> None:
    shapes = Graph().parse(SHAPES_FILE)
    for kind in KINDS:
        if kind.shape is None:
            continue
        node = EGSH[kind.shape]
        assert (node, RDF.type, SH.NodeShape) in shapes, kind.name
        assert (node, SH.targetClass, kind.classes[0]) in shapes, kind.name


def test_every_graphql_entity_type_is_a_declared_kind_and_the_reverse() -> None:
    assert set(ENTITY_CLASSES) == set(KIND_BY_NAME)
    for name, cls in ENTITY_CLASSES.items():
        assert cls.__strawberry_definition__.description == KIND_BY_NAME[name].description


def test_every_mention_kind_that_names_an_entity_resolves_to_a_registry_kind() -> None:
    assert set(MENTION_KIND_CLASS.values()) <= set(REGISTRY_KINDS)
    # Figures and former names are values of other nodes, not entities of their own.
    assert set(ENTITY_KINDS) - set(MENTION_KIND_CLASS) == {"figure", "former-name"}


def test_type_names_rank_specific_classes_first() -> None:
    names = [name for _, name in TYPE_NAMES]
    assert names.index("Committee") < names.index("Organisation")
    assert names[-1] == "Concept"


def test_concepts_are_told_apart_by_key() -> None:
    assert kind_of_key("concept/issue/tupe") == "Issue"
    assert kind_of_key("concept/tor/select-committee/a") == "Theme"
    assert kind_of_key("concept/role/chair") == "Role"
    assert kind_of_key("person/thom-wilson") is None
