"""The small graph the examples of this package run on.

Ann (member of KCC and Salus) knows Bob (member of Salus); Salus provides the IFA Framework;
Cy is on her own.
"""

from __future__ import annotations

from evidence_graph.graph.iris import iri as key_iri
from evidence_graph.graph.views import GraphViews


def example_views() -> GraphViews:
    """The views of the examples' graph.

    Examples
    --------
    >>> len(example_views().nodes)
    6
    """
    from rdflib import Literal

    from evidence_graph.graph.vocabulary import EG, ORG, RDF, SCHEMA, SKOS
    registry = key_iri("graph/registry")
    kinds = {"person/ann": (SCHEMA.Person, "Ann Lee"), "person/bob": (SCHEMA.Person, "Bob Roe"),
             "person/cy": (SCHEMA.Person, "Cy Dee"), "org/kcc": (ORG.FormalOrganization, "Kent County Council"),
             "org/salus": (ORG.FormalOrganization, "Project Salus"),
             "framework/ifa": (EG.ProcurementFramework, "IFA Framework")}
    quads = [quad for key, (kind, label) in kinds.items()
             for quad in ((key_iri(key), RDF.type, kind, registry),
                          (key_iri(key), SKOS.prefLabel, Literal(label), registry))]
    links = [("person/ann", ORG.memberOf, "org/kcc"), ("person/ann", ORG.memberOf, "org/salus"),
             ("person/ann", SCHEMA.knows, "person/bob"), ("person/bob", ORG.memberOf, "org/salus"),
             ("framework/ifa", SCHEMA.provider, "org/salus")]
    quads += [(key_iri(s), p, key_iri(o), registry) for s, p, o in links]
    return GraphViews(quads)


def example_iri(key: str) -> str:
    """The IRI of a node of the examples' graph, as a string.

    Examples
    --------
    >>> example_iri("person/ann").endswith("/person/ann")
    True
    """
    return str(key_iri(key))


__all__ = ["example_iri", "example_views"]
