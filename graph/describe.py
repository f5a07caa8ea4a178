"""What the store says about one entity: the statements a dereferenced IRI answers with.

A description holds, from the evidence's named graphs (never the store's bookkeeping):

- every statement whose subject is the entity, or a part of it named by a fragment
  (``doc/x#para_8`` belongs to ``doc/x``: a client cannot ask for a fragment, so the document's
  answer must hold its paragraphs);
- every statement whose object is the entity;
- the evidence of each of those statements: the ``rdf:Statement`` that records it, the text
  segment it was quoted from and that segment's selectors (``oa:exact``, ``oa:start``, ``oa:end``);
- the types and names of the entities on the other end, so that the answer reads on its own.

This is the *symmetric concise bounded description* of Linked Data practice, with the evidence
that is this graph's reason to exist.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import pyoxigraph as ox

from evidence_graph.graph.iris import document_graph_of, key_of
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import DCTERMS, OA, PROV, RDF, RDFS, SCHEMA, SKOS

_TYPE = ox.NamedNode(str(RDF.type))
_SUBJECT, _OBJECT = ox.NamedNode(str(RDF.subject)), ox.NamedNode(str(RDF.object))
_QUOTED_FROM = ox.NamedNode(str(PROV.wasQuotedFrom))
_SELECTOR = ox.NamedNode(str(OA.hasSelector))
#: What names a neighbour (the views' labels, first found first).
_NAMES = tuple(ox.NamedNode(str(p)) for p in (SKOS.prefLabel, SCHEMA.name, DCTERMS.title, RDFS.label))


def _of(store: ox.Store, graphs: frozenset[ox.NamedNode], subject: ox.NamedNode | None = None,
        predicate: ox.NamedNode | None = None, obj: ox.Term | None = None) -> Iterator[ox.Quad]:
    for quad in store.quads_for_pattern(subject, predicate, obj, None):
        if quad.graph_name in graphs:
            yield quad


def describe_entity(store: EvidenceStore, iri: str) -> list[ox.Quad]:
    """The quads that describe ``iri``, with the evidence of each statement (see the module's text).

    Parameters
    ----------
    store : EvidenceStore
        The store to read.
    iri : str
        The entity's IRI (without a fragment).

    Returns
    -------
    list of pyoxigraph.Quad
        In the named graphs they are stored in; empty when the store says nothing of ``iri``.

    Examples
    --------
    >>> from evidence_graph.graph.iris import document_graph, iri
    >>> store, person, org = EvidenceStore(), ox.NamedNode(iri("person/a")), ox.NamedNode(iri("org/b"))
    >>> minutes = ox.NamedNode(document_graph("c/minutes"))
    >>> store.oxigraph.extend([ox.Quad(person, ox.NamedNode(SCHEMA.name), ox.Literal("Ann Bell"), minutes),
    ...                        ox.Quad(person, ox.NamedNode(SCHEMA.worksFor), org, minutes),
    ...                        ox.Quad(org, ox.NamedNode(SCHEMA.name), ox.Literal("Bexley Trust"), minutes)])
    >>> sorted(q.object.value for q in describe_entity(store, iri("person/a")))
    ['Ann Bell', 'Bexley Trust', 'http://127.0.0.1:8000/id/org/b']
    """
    node = ox.NamedNode(iri)
    oxigraph = store.oxigraph
    graphs = frozenset(ox.NamedNode(g) for g in store.graph_names())
    found: dict[ox.Quad, None] = {}

    def add(quads: Iterable[ox.Quad]) -> None:
        for quad in quads:
            found.setdefault(quad)

    add(_of(oxigraph, graphs, subject=node))
    key = key_of(iri)
    if key is not None and key.startswith("doc/"):
        # The document's own graph holds its parts (paragraphs, blocks, mentions, statements).
        home = ox.NamedNode(document_graph_of(iri))
        prefix = iri + "#"
        add(q for q in oxigraph.quads_for_pattern(None, None, None, home)
            if isinstance(q.subject, ox.NamedNode) and q.subject.value.startswith(prefix))
    add(q for q in _of(oxigraph, graphs, obj=node) if q.predicate not in (_SUBJECT, _OBJECT))
    for role in (_SUBJECT, _OBJECT):
        for recorded in _of(oxigraph, graphs, predicate=role, obj=node):
            statement = recorded.subject
            statement_quads = list(_of(oxigraph, graphs, subject=statement))  # type: ignore[arg-type]
            add(statement_quads)
            for quoted in (q.object for q in statement_quads if q.predicate == _QUOTED_FROM):
                segment = list(_of(oxigraph, graphs, subject=quoted))  # type: ignore[arg-type]
                add(segment)
                for selector in (q.object for q in segment if q.predicate == _SELECTOR):
                    add(_of(oxigraph, graphs, subject=selector))  # type: ignore[arg-type]
    neighbours = {t for q in list(found) for t in (q.subject, q.object)
                  if isinstance(t, ox.NamedNode) and t != node and not t.value.startswith(iri + "#")}
    for neighbour in neighbours:
        add(_of(oxigraph, graphs, subject=neighbour, predicate=_TYPE))
        for name in _NAMES:
            named = list(_of(oxigraph, graphs, subject=neighbour, predicate=name))
            if named:
                add(named)
                break
    return list(found)


__all__ = ["describe_entity"]
