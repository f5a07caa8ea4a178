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


def graph_document(graph: str) -> str | None:
    """The document whose assertions a named graph holds, or None for another graph.

    Examples
    --------
    >>> graph_document("https://evidencegraph.example/id/graph/doc/c/2014-minutes")
    'https://evidencegraph.example/id/doc/c/2014-minutes'
    >>> graph_document(str(registry_graph())) is None
    True
    """
    key = key_of(graph)
    return str(ID[key.removeprefix("graph/")]) if key is not None and key.startswith("graph/doc/") else None


def document_graph_of(document: str) -> str:
    """The named graph holding a document's facts (a part of a pack: the pack's graph).

    Examples
    --------
    >>> document_graph_of("https://evidencegraph.example/id/doc/c/2014-agenda/part/agenda")
    'https://evidencegraph.example/id/graph/doc/c/2014-agenda'
    """
    key = (key_of(document) or "").split("/part/")[0]
    return str(document_graph(key.removeprefix("doc/")))


def provenance_graph(doc_key: str) -> URIRef:
    """Named graph holding a document's provenance record."""
    return ID[f"graph/prov/doc/{doc_key}"]


def registry_graph() -> URIRef:
    """Named graph of canonical entities, aliases and concept schemes."""
    return ID[REGISTRY_GRAPH_KEY]


def vocabulary_graph() -> URIRef:
    """Named graph holding the ``eg:`` vocabulary (labels for browsing)."""
    return ID[VOCABULARY_GRAPH_KEY]
