"""The registry graph: :class:`loaders.registry.Registry` to and from RDF.

Kinds map to classes of the standard vocabularies; reading the graph back gives the same
registry, so the resolver's decisions survive a restart.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.iris import iri, key_of
from graph.kinds import KINDS, kind_of_key
from graph.vocabulary import EG, GSS, LEGISLATION, ORG, RDF, SCHEMA, SKOS, bind_prefixes
from loaders.registry import Entity, Registry

#: rdf:type of each registry kind (declared in :mod:`graph.kinds`); the first class identifies
#: the kind when reading back.
KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {kind.name: kind.classes for kind in KINDS if kind.registry}
_ORG_KIND_CLASS = {"government": SCHEMA.GovernmentOrganization, "regulator": SCHEMA.GovernmentOrganization,
                   "health": SCHEMA.GovernmentOrganization, "ngo": SCHEMA.NGO,
                   "corporation": SCHEMA.Corporation}
_PERSON_NAMES = {"given": SCHEMA.givenName, "family": SCHEMA.familyName,
                 "honorific": SCHEMA.honorificPrefix, "initials": SCHEMA.additionalName}


def _kind_of(key: str, types: set[URIRef]) -> str:
    keyed = kind_of_key(key)
    if keyed is not None:
        return keyed
    for kind, classes in KIND_CLASSES.items():
        if classes[0] in types and kind not in ("Issue", "Theme", "Concept"):
            return kind
    return "Concept"


def registry_to_graph(registry: Registry) -> Graph:
    """Write every registry entity as triples (types, labels, names, identifiers, status).

    Parameters
    ----------
    registry : Registry

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> r = Registry([Entity("org/stepahead-support", "Organisation", "Stepahead Support", {"Stepahead"})])
    >>> g = registry_to_graph(r)
    >>> sorted(str(o) for o in g.objects(iri("org/stepahead-support"), SKOS.altLabel))
    ['Stepahead']
    """
    graph = bind_prefixes(Graph())
    for entity in sorted(registry.entities.values(), key=lambda e: e.key):
        _entity_to_graph(graph, entity)
    return graph


def registry_subgraph(registry: Registry, nodes: Iterable[Node]) -> Graph:
    """The registry triples of the entities among ``nodes`` (what a document graph refers to).

    Parameters
    ----------
    registry : Registry
    nodes : iterable of rdflib terms
        Subjects and objects of a document graph; those that are not registry entities are
        ignored.

    Returns
    -------
    rdflib.Graph
        The same triples :func:`registry_to_graph` writes for those entities.

    Examples
    --------
    >>> r = Registry([Entity("org/stepahead-support", "Organisation", "Stepahead Support"),
    ...               Entity("org/ofsted", "Organisation", "Ofsted")])
    >>> g = registry_subgraph(r, [iri("org/ofsted"), Literal("Ofsted")])
    >>> sorted({key_of(str(s)) for s in g.subjects()})
    ['org/ofsted']
    """
    graph = Graph()
    for node in set(nodes):
        if isinstance(node, URIRef):
            key = key_of(str(node))
            entity = registry.get(key) if key else None
            if entity is not None:
                _entity_to_graph(graph, entity)
    return graph


def _entity_to_graph(graph: Graph, entity: Entity) -> None:
    node = iri(entity.key)
    for cls in KIND_CLASSES.get(entity.kind, (SKOS.Concept,)):
        graph.add((node, RDF.type, cls))
    org_kind = entity.attributes.get("orgKind")
    if org_kind in _ORG_KIND_CLASS:
        graph.add((node, RDF.type, _ORG_KIND_CLASS[org_kind]))
    graph.add((node, SKOS.prefLabel, Literal(entity.label)))
    graph.add((node, SCHEMA.name, Literal(entity.label)))
    for alias in sorted(entity.aliases - {entity.label}):
        graph.add((node, SKOS.altLabel, Literal(alias)))
    for hidden in sorted(entity.hidden):
        graph.add((node, SKOS.hiddenLabel, Literal(hidden)))
    graph.add((node, EG.status, Literal(entity.status)))
    _attributes_to_graph(graph, node, entity)


def _attributes_to_graph(graph: Graph, node: URIRef, entity: Entity) -> None:
    attributes = entity.attributes
    for name, predicate in _PERSON_NAMES.items():
        if name in attributes:
            graph.add((node, predicate, Literal(attributes[name])))
    if "identifier" in attributes:
        predicate = SCHEMA.legislationIdentifier if entity.kind == "Legislation" else ORG.identifier
        graph.add((node, predicate, Literal(attributes["identifier"])))
        if entity.kind == "Legislation":
            graph.add((node, SCHEMA.sameAs, LEGISLATION[attributes["identifier"]]))
    if "gss" in attributes:
        graph.add((node, SCHEMA.sameAs, GSS[attributes["gss"]]))
        graph.add((node, RDF.type, SCHEMA.AdministrativeArea))
    if "within" in attributes:
        graph.add((node, SCHEMA.containedInPlace, iri(attributes["within"])))
    if "notation" in attributes:
        graph.add((node, SKOS.notation, Literal(attributes["notation"])))
    if "scheme" in attributes:
        graph.add((node, SKOS.inScheme, iri(attributes["scheme"])))
    if "postIn" in attributes:
        graph.add((node, ORG.postIn, iri(attributes["postIn"])))
    if "parent" in attributes:
        graph.add((node, ORG.unitOf, iri(attributes["parent"])))
    if attributes.get("orgKind"):
        graph.add((node, ORG.classification, Literal(attributes["orgKind"])))
    if "placeType" in attributes:
        graph.add((node, SCHEMA.additionalType, Literal(attributes["placeType"])))


_ATTRIBUTE_PREDICATES = {
    SCHEMA.givenName: "given", SCHEMA.familyName: "family", SCHEMA.honorificPrefix: "honorific",
    SCHEMA.additionalName: "initials", ORG.identifier: "identifier",
    SCHEMA.legislationIdentifier: "identifier", SKOS.notation: "notation",
    ORG.classification: "orgKind", SCHEMA.additionalType: "placeType",
}
_REFERENCE_PREDICATES = {SKOS.inScheme: "scheme", ORG.postIn: "postIn", ORG.unitOf: "parent",
                         SCHEMA.containedInPlace: "within"}


def registry_from_graph(graph: Graph) -> Registry:
    """Read a registry back from its graph (the inverse of :func:`registry_to_graph`).

    Examples
    --------
    >>> r = Registry([Entity("person/thom-wilson", "Person", "Thom Wilson", {"Mr Wilson"},
    ...                      attributes={"given": "Thom", "family": "Wilson"})])
    >>> back = registry_from_graph(registry_to_graph(r)).get("person/thom-wilson")
    >>> (back.kind, back.label, back.aliases, back.attributes["family"])
    ('Person', 'Thom Wilson', {'Mr Wilson'}, 'Wilson')
    """
    entities: list[Entity] = []
    for node in sorted(set(graph.subjects(SKOS.prefLabel, None))):
        key = key_of(str(node))
        if key is None:
            continue
        types = set(graph.objects(node, RDF.type))
        label = str(graph.value(node, SKOS.prefLabel))
        entity = Entity(key, _kind_of(key, types), label,
                        {str(o) for o in graph.objects(node, SKOS.altLabel)},
                        {str(o) for o in graph.objects(node, SKOS.hiddenLabel)},
                        status=str(graph.value(node, EG.status) or "provisional"))
        for predicate, name in _ATTRIBUTE_PREDICATES.items():
            value = graph.value(node, predicate)
            if value is not None:
                entity.attributes[name] = str(value)
        for predicate, name in _REFERENCE_PREDICATES.items():
            value = graph.value(node, predicate)
            if value is not None and key_of(str(value)):
                entity.attributes[name] = key_of(str(value)) or ""
        if SCHEMA.sameAs in {p for p, _ in graph.predicate_objects(node)}:
            for same in graph.objects(node, SCHEMA.sameAs):
                if str(same).startswith(str(GSS)):
                    entity.attributes["gss"] = str(same)[len(str(GSS)):]
        entities.append(entity)
    return Registry(entities)
