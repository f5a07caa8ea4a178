"""Reviewing the registry: provisional entities, likely duplicates with their evidence, and the
merge and different decisions a reviewer records.

Decisions are data in the store's registry, not code: a reload does not decide again, and the
resolver honours them in every later build. A merge keeps the old IRI, ``owl:sameAs`` the kept
one, so links to it still answer (the views and GraphQL's ``node`` and ``entity`` follow it).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from evidence_graph.graph.entities import Registry, normalise_label
from evidence_graph.graph.iris import ID, graph_document, iri, key_of
from evidence_graph.graph.store import EvidenceStore

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


def entity_key(text: str) -> str:
    """A registry key from a key or an entity's IRI.

    Examples
    --------
    >>> entity_key("https://evidencegraph.example/id/person/ann-lee"), entity_key("person/ann-lee")
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
        found.append(LikelyDuplicate(kind, evidence[0].label, evidence))
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
    keep, old = entity_key(keep), entity_key(old)
    registry = _registry_holding(store, keep, old)
    registry.merge(keep, old)
    store.replace_documents([], registry)
    return f"merged {old} into {keep}: {iri(old)} now answers as {iri(keep)}"


def record_different(store: EvidenceStore, first: str, second: str) -> str:
    """Record that two entities are different people or bodies, and store the decision."""
    first, second = entity_key(first), entity_key(second)
    registry = _registry_holding(store, first, second)
    registry.differ(first, second)
    store.replace_documents([], registry)
    return f"recorded {first} and {second} as different"


__all__ = ["REVIEWED_KINDS", "EntityEvidence", "LikelyDuplicate", "entity_key", "likely_duplicates",
           "provisional_counts", "record_different", "record_merge"]
