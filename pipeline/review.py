"""Reviewing the registry: provisional entities, likely duplicates with their evidence, and the
decisions a reviewer records: merge (the same), different, unsure, and split (withdraw a merge,
or say that an entity as some documents name it is another one).

Decisions are data in the store's registry, not code: a reload does not decide again, and the
resolver honours them in every later build. A merge keeps the old IRI, ``owl:sameAs`` the kept
one, so links to it still answer (the views and GraphQL's ``node`` and ``entity`` follow it).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from rdflib import Graph, URIRef

from evidence_graph.graph.documents import DocumentGraphs
from evidence_graph.graph.entities import Registry, normalise_label
from evidence_graph.graph.iris import ID, document_graph, graph_document, iri, key_of, provenance_graph
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.pipeline.ingest import document_key_of

#: Kinds whose entities are listed as likely duplicates when their names agree.
REVIEWED_KINDS = ("Person", "Organisation", "Committee", "Service", "Programme")


@dataclass(frozen=True)
class EntityEvidence:
    """What the store says of one entity: its documents and the resolver's evidence."""

    key: str
    label: str
    status: str
    documents: tuple[str, ...]
    affiliations: tuple[str, ...]
    source_ids: tuple[str, ...]


@dataclass(frozen=True)
class LikelyDuplicate:
    """Entities of one kind with the same name that the resolver kept apart."""

    kind: str
    name: str
    entities: tuple[EntityEvidence, ...]
    #: "unsure" when a reviewer has looked and could not decide, else "".
    decision: str = ""


def entity_key(text: str) -> str:
    """A registry key from a key or an entity's IRI.

    Examples
    --------
    >>> entity_key("http://127.0.0.1:8000/id/person/ann-lee"), entity_key("person/ann-lee")
    ('person/ann-lee', 'person/ann-lee')
    """
    return (key_of(text) or text) if text.startswith(str(ID)) else text


def _documents_by_entity(store: EvidenceStore) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for s, _, o, g in store.quads():
        document = graph_document(str(g))
        if document is None:
            continue
        for node in (s, o):
            key = key_of(str(node))
            if key is not None:
                found[key].add(document)
    return found


def likely_duplicates(store: EvidenceStore, registry: Registry | None = None) -> list[LikelyDuplicate]:
    """Entities of :data:`REVIEWED_KINDS` with the same normalised name under different keys,
    neither merged into the other nor decided different, with the evidence of each.

    Returns
    -------
    list of LikelyDuplicate
        By kind and name.
    """
    registry = registry or store.registry()
    documents = _documents_by_entity(store)
    groups: dict[tuple[str, str], list[str]] = defaultdict(list)
    for key, entity in registry.entities.items():
        if entity.kind in REVIEWED_KINDS and not entity.attributes.get("sameAs") and documents.get(key):
            groups[(entity.kind, normalise_label(entity.label))].append(key)
    found = []
    for (kind, _), keys in sorted(groups.items()):
        if len(keys) < 2:
            continue
        apart = all(other in registry.entities[key].attributes.get("differentFrom", "").split()
                    for key in keys for other in keys if other != key)
        if apart:
            continue
        evidence = tuple(EntityEvidence(
            key, registry.entities[key].label, registry.entities[key].status, tuple(sorted(documents[key])),
            tuple(registry.entities[key].attributes.get("affiliations", "").split()),
            tuple(registry.entities[key].attributes.get("sourceIds", "").split())) for key in sorted(keys))
        unsure = any(other in registry.entities[key].attributes.get("unsureOf", "").split()
                     for key in keys for other in keys if other != key)
        found.append(LikelyDuplicate(kind, evidence[0].label, evidence, "unsure" if unsure else ""))
    return found


def provisional_counts(registry: Registry) -> dict[str, int]:
    """How many provisional (resolver-proposed, unreviewed) entities each kind has."""
    counts: dict[str, int] = defaultdict(int)
    for entity in registry.entities.values():
        if entity.status == "provisional" and not entity.attributes.get("sameAs"):
            counts[entity.kind] += 1
    return dict(sorted(counts.items()))


def _registry_holding(store: EvidenceStore, *keys: str) -> Registry:
    """The store's registry, refused (KeyError naming it) when a key names no entity in it."""
    registry = store.registry()
    for key in keys:
        if key not in registry:
            raise KeyError(f"{key}: no such entity in the registry")
    return registry


def _record_pair(store: EvidenceStore, first: str, second: str,
                 decide: Callable[[Registry, str, str], None]) -> tuple[str, str]:
    """Apply a reviewer's decision on two entities (keys or IRIs) to the store's registry and
    store it; the two keys. A refused decision (KeyError, ValueError) stores nothing."""
    first, second = entity_key(first), entity_key(second)
    registry = _registry_holding(store, first, second)
    decide(registry, first, second)
    store.replace_documents([], registry)
    return first, second


def record_merge(store: EvidenceStore, keep: str, old: str) -> str:
    """Record that ``old`` is ``keep`` (both keys or IRIs) and store the decision.

    Returns
    -------
    str
        A one-line account of the decision.

    Raises
    ------
    KeyError, ValueError
        For an unknown key, two kinds, or entities decided different (nothing is stored).
    """
    keep, old = _record_pair(store, keep, old, Registry.merge)
    return f"merged {old} into {keep}: {iri(old)} now answers as {iri(keep)}"


def record_different(store: EvidenceStore, first: str, second: str) -> str:
    """Record that two entities are different people or bodies, and store the decision."""
    first, second = _record_pair(store, first, second, Registry.differ)
    return f"recorded {first} and {second} as different"


def record_unsure(store: EvidenceStore, first: str, second: str) -> str:
    """Record that a reviewer could not decide whether two entities are one, and store it.

    Returns
    -------
    str
        A one-line account of the decision.

    Raises
    ------
    KeyError, ValueError
        For an unknown key, or entities already one or decided different (nothing is stored).
    """
    first, second = _record_pair(store, first, second, Registry.unsure)
    return f"recorded {first} and {second} as unsure: kept apart, listed again for review"


def record_split(store: EvidenceStore, entity: str, documents: list[str] | None = None) -> str:
    """Record a split and store it, in one transaction.

    Without ``documents``, ``entity`` must be an entity merged into another: the merge is
    withdrawn (:meth:`Registry.split`). With them, the entity as those documents name it becomes
    a new entity (:meth:`Registry.split_off`), and their graphs are rewritten to it, so queries
    see two from now on and later builds of those documents resolve to the new one.

    Returns
    -------
    str
        A one-line account of the decision.

    Raises
    ------
    KeyError, ValueError
        For an unknown entity or document, a document that never names the entity, or a split
        the registry refuses (nothing is stored).
    """
    key = entity_key(entity)
    registry = _registry_holding(store, key)
    if not documents:
        kept = registry.split(key)
        store.replace_documents([], registry)
        return f"split {key} from {kept}: {iri(key)} answers for itself again, recorded as different"
    keys = [document_key_of(store, document) for document in documents]
    node = iri(key)
    rewritten = []
    for document in keys:
        assertions = store.graph(document_graph(document))
        if (node, None, None) not in assertions and (None, None, node) not in assertions:
            raise ValueError(f"{document} does not name {key}")
        rewritten.append((document, assertions, store.graph(provenance_graph(document))))
    new = registry.split_off(key, keys)
    new_node = iri(new)
    store.replace_documents([DocumentGraphs(document, document_graph(document), _renamed(assertions, node, new_node),
                                            provenance_graph(document), _renamed(provenance, node, new_node))
                             for document, assertions, provenance in rewritten], registry)
    return (f"split {key}: as {', '.join(keys)} name{'s' if len(keys) == 1 else ''} it, it is {new} "
            f"({iri(new)}), recorded as different")


def _renamed(graph: Graph, old: URIRef, new: URIRef) -> Graph:
    """A copy of ``graph`` with the node ``old`` replaced by ``new`` wherever it stands."""
    copy = Graph()
    for prefix, namespace in graph.namespaces():
        copy.bind(prefix, namespace)
    for s, p, o in graph:
        copy.add((new if s == old else s, p, new if o == old else o))
    return copy


__all__ = ["REVIEWED_KINDS", "EntityEvidence", "LikelyDuplicate", "entity_key", "likely_duplicates",
           "provisional_counts", "record_different", "record_merge", "record_split", "record_unsure"]
