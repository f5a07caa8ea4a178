"""The graphs one document contributes to the store: its assertions and its provenance.

The loaders make them (:func:`loaders.rdf.document_graphs`); the store holds them
(:meth:`graph.store.EvidenceStore.replace_documents`) without knowing how they were made.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef


@dataclass
class DocumentGraphs:
    """The graphs one document contributes: assertions and provenance.

    Attributes
    ----------
    key : str
        The document's key (``kcc-…/2014-01-30-minutes-thom-wilson``).
    graph_name, provenance_name : URIRef
        The names of its assertion and provenance graphs.
    assertions, provenance : rdflib.Graph
        The graphs.

    Examples
    --------
    >>> g = DocumentGraphs("d", URIRef("urn:a"), Graph(), URIRef("urn:p"), Graph())
    >>> len(g.assertions)
    0
    """

    key: str
    graph_name: URIRef
    assertions: Graph
    provenance_name: URIRef
    provenance: Graph
