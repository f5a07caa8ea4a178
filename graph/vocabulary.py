"""Namespaces and the Evidence Graph vocabulary, declared once (``vocabulary.ttl``).

Import terms from here; no IRI string is spelled out anywhere else in the code.
"""

from __future__ import annotations

import os
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.ttl")
SHAPES_FILE = Path(__file__).with_name("shapes.ttl")

#: Where things get their IRIs; configurable so that a deployment can use its own domain.
BASE = os.environ.get("EVIDENCE_GRAPH_BASE", "https://evidencegraph.example/")

EG = Namespace("https://evidencegraph.example/def#")
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
PCON = Namespace("http://parliament.uk/ontologies/contribution/")
GSS = Namespace("http://statistics.data.gov.uk/id/statistical-geography/")
LEGISLATION = Namespace("https://www.legislation.gov.uk/")

PREFIXES = {"eg": EG, "schema": SCHEMA, "org": ORG, "oa": OA, "pcon": PCON, "skos": SKOS,
            "dcterms": DCTERMS, "prov": PROV, "foaf": FOAF, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
            "owl": OWL, "id": ID}

__all__ = ["BASE", "DCTERMS", "EG", "FOAF", "GSS", "ID", "LEGISLATION", "OA", "ORG", "OWL", "PCON",
           "PREFIXES", "PROV", "RDF", "RDFS", "SCHEMA", "SKOS", "XSD", "bind_prefixes",
           "load_vocabulary"]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (for readable Turtle/TriG) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def load_vocabulary() -> Graph:
    """Read ``vocabulary.ttl``: labels and comments of the ``eg:`` terms.

    Examples
    --------
    >>> from rdflib import RDFS
    >>> str(load_vocabulary().value(EG.Committee, RDFS.label))
    'Committee'
    """
    return Graph().parse(VOCABULARY_FILE, format="turtle")
