"""IRIs from keys: every node's IRI is ``{base}id/{key}``; graphs live under ``id/graph/``."""

from __future__ import annotations

from rdflib import URIRef

from graph.vocabulary import ID

REGISTRY_GRAPH_KEY = "graph/registry"
VOCABULARY_GRAPH_KEY = "graph/vocabulary"


def iri(key: str) -> URIRef:
    """The IRI of a node key.

    Examples
    --------
    >>> str(iri("person/thom-wilson"))
    'https://evidencegraph.example/id/person/thom-wilson'
    """
    return ID[key]


def key_of(node: str) -> str | None:
    """The key of an IRI minted here, or None for a foreign IRI.

    Examples
    --------
    >>> key_of("https://evidencegraph.example/id/org/gb-lae-ken")
    'org/gb-lae-ken'
    >>> key_of("https://schema.org/Person") is None
    True
    """
    return node[len(str(ID)):] if node.startswith(str(ID)) else None


def document_graph(doc_key: str) -> URIRef:
    """Named graph holding a document's assertions."""
    return ID[f"graph/doc/{doc_key}"]


def provenance_graph(doc_key: str) -> URIRef:
    """Named graph holding a document's provenance record."""
    return ID[f"graph/prov/doc/{doc_key}"]


def registry_graph() -> URIRef:
    """Named graph of canonical entities, aliases and concept schemes."""
    return ID[REGISTRY_GRAPH_KEY]


def vocabulary_graph() -> URIRef:
    """Named graph holding the ``eg:`` vocabulary (labels for browsing)."""
    return ID[VOCABULARY_GRAPH_KEY]
