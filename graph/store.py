"""The embedded store: Oxigraph (RocksDB on disk, or in memory), holding one named graph per
document, one provenance graph per document, the registry graph and the vocabulary.

Loading swaps graphs atomically, in one Oxigraph transaction, so a failure leaves the store
exactly as it was. When nothing stored has to go (new documents, a registry that only grew),
the new quads are added with ``Store.extend`` (one transaction, no SPARQL text to build or
parse); when documents are replaced, one SPARQL UPDATE drops the old graphs and inserts the new
ones.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from graph.iris import document_graph, key_of, provenance_graph, registry_graph, vocabulary_graph
from graph.registry import registry_from_graph, registry_to_graph
from graph.triples import DocumentGraphs
from graph.vocabulary import bind_prefixes, load_vocabulary
from loaders.registry import Registry

_DOC_GRAPH_PREFIX = "graph/doc/"
_PROV_GRAPH_PREFIX = "graph/prov/doc/"


def generation_file(path: Path | None) -> Path | None:
    """The file beside an on-disk store that records its last change (None in memory)."""
    return None if path is None else path.with_name(path.name + ".generation")


class StoreError(Exception):
    """The store could not be opened or written; the message says why."""


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to a pyoxigraph term.

    Examples
    --------
    >>> to_oxigraph(Literal("£9m", lang="en"))
    <Literal value=£9m language=en>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """Convert a pyoxigraph term to an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


class _TermCache(dict):
    """rdflib terms of pyoxigraph terms, each converted once per read (IRIs and many
    literals recur across quads)."""

    def __missing__(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        converted = self[term] = from_oxigraph(term)
        return converted


def _oxigraph_quads(name: URIRef, graph: Graph) -> list[ox.Quad]:
    graph_name = ox.NamedNode(str(name))
    return [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph_name) for s, p, o in graph]


def _insert_data(quads: Iterable[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    blocks = "".join(f"GRAPH {name} {{\n" + "\n".join(lines) + "\n}\n" for name, lines in by_graph.items())
    return "INSERT DATA {\n" + blocks + "}"


class EvidenceStore:
    """The project's store.

    Parameters
    ----------
    path : Path or None
        Folder of an on-disk store (created if missing); None for an in-memory store.
    read_only : bool
        Open an on-disk store without taking its write lock (a server beside a builder).

    Examples
    --------
    >>> store = EvidenceStore()
    >>> store.document_keys()
    []
    """

    def __init__(self, path: Path | None = None, read_only: bool = False) -> None:
        self.path = path
        try:
            if path is None:
                self._store = ox.Store()
            elif read_only:
                self._store = ox.Store.read_only(str(path))
            else:
                path.mkdir(parents=True, exist_ok=True)
                self._store = ox.Store(str(path))
        except OSError as error:
            raise StoreError(f"{path}: cannot open the store ({error})") from None

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for SPARQL and pattern look-ups)."""
        return self._store

    def replace_documents(self, documents: Iterable[DocumentGraphs], registry: Registry) -> None:
        """Swap in documents' graphs and the registry in one transaction.

        Parameters
        ----------
        documents : iterable of DocumentGraphs
            Graphs to (re)place; any existing graphs of the same documents are dropped.
        registry : Registry
            The whole registry after resolution (it only grows: loaded, then extended).

        Raises
        ------
        StoreError
            If the update fails; the store is then unchanged.
        """
        try:
            # Every term is converted before anything is written: a bad term fails here.
            additions: list[ox.Quad] = []
            replaced: list[ox.NamedNode] = []
            for doc in documents:
                for name, graph in ((doc.graph_name, doc.assertions), (doc.provenance_name, doc.provenance)):
                    additions.extend(_oxigraph_quads(name, graph))
                    if self._store.contains_named_graph(ox.NamedNode(str(name))):
                        replaced.append(ox.NamedNode(str(name)))
            registry_name = ox.NamedNode(str(registry_graph()))
            registry_quads = set(_oxigraph_quads(registry_graph(), registry_to_graph(registry)))
            stored = set(self._store.quads_for_pattern(None, None, None, registry_name))
            stale = stored - registry_quads
            additions.extend(registry_quads - stored)
            if not self._store.contains_named_graph(ox.NamedNode(str(vocabulary_graph()))):
                additions.extend(_oxigraph_quads(vocabulary_graph(), load_vocabulary()))
            if replaced or stale:
                # Removals and insertions must share one transaction: a SPARQL UPDATE.
                removals = [f"DROP SILENT GRAPH {name}" for name in replaced]
                if stale:
                    removals.append("DELETE DATA { " + " ".join(
                        f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in stale) + " }")
                self._store.update(";\n".join([*removals, _insert_data(additions)]))
            elif additions:
                self._store.extend(additions)
            if self.path is not None:
                self._store.flush()
        except Exception as error:  # any failure inside the transaction rolls it back
            raise StoreError(f"store update failed, nothing was written ({error})") from None
        self._mark_changed()

    def remove_documents(self, keys: Iterable[str]) -> None:
        """Drop documents' assertion and provenance graphs (the registry stays)."""
        update = ";\n".join(f"DROP SILENT GRAPH <{g}>" for key in keys
                            for g in (document_graph(key), provenance_graph(key)))
        if update:
            self._store.update(update)
            self._mark_changed()

    def _mark_changed(self) -> None:
        # Readers in other processes (the server) watch this file instead of reopening the store.
        marker = generation_file(self.path)
        if marker is not None:
            marker.write_text(f"{time.time_ns()}-{os.getpid()}\n", encoding="utf-8")

    @staticmethod
    def generation(path: Path) -> str | None:
        """A token that changes whenever a writer changes the on-disk store at ``path``.

        Examples
        --------
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp()) / "store"
        >>> EvidenceStore.generation(folder) is None
        True
        """
        marker = generation_file(path)
        try:
            return marker.read_text(encoding="utf-8").strip() if marker is not None else None
        except OSError:
            return None

    def registry(self) -> Registry:
        """The registry as stored (empty for a new store)."""
        return registry_from_graph(self.graph(registry_graph()))

    def graph(self, name: URIRef) -> Graph:
        """One named graph as an rdflib graph."""
        graph = bind_prefixes(Graph())
        terms = _TermCache()
        for quad in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
            graph.add((terms[quad.subject], terms[quad.predicate], terms[quad.object]))
        return graph

    def graph_names(self) -> list[str]:
        """Names of the named graphs, sorted."""
        return sorted(str(g.value) for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def document_keys(self) -> list[str]:
        """Keys of the documents in the store."""
        keys = []
        for name in self.graph_names():
            key = key_of(name)
            if key and key.startswith(_DOC_GRAPH_PREFIX):
                keys.append(key[len(_DOC_GRAPH_PREFIX):])
        return keys

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node]]:
        """Every quad as rdflib terms (subject, predicate, object, graph).

        Each distinct term is converted once (a store repeats IRIs many times), and equal terms
        come back as the same rdflib object.
        """
        terms = _TermCache()
        default = URIRef("urn:x-default")
        for quad in self._store:
            graph = quad.graph_name
            yield (terms[quad.subject], terms[quad.predicate], terms[quad.object],
                   terms[graph] if isinstance(graph, ox.NamedNode) else default)

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (for exports and validation)."""
        dataset = Dataset()
        bind_prefixes(dataset)
        for s, p, o, g in self.quads():
            dataset.graph(g).add((s, p, o))
        return dataset

    def __len__(self) -> int:
        return len(self._store)

    def stats(self) -> dict[str, int]:
        """Counts: quads, documents, graphs and registry entities by kind."""
        registry = self.registry()
        counts: dict[str, int] = {"quads": len(self._store), "documents": len(self.document_keys()),
                                  "graphs": len(self.graph_names()), "registry entities": len(registry)}
        for entity in registry.entities.values():
            counts[f"  {entity.kind}"] = counts.get(f"  {entity.kind}", 0) + 1
        return counts
