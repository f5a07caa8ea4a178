"""The registry graph: :class:`graph.entities.Registry` to and from RDF.

Kinds map to classes of the standard vocabularies; reading the graph back gives the same
registry, so the resolver's decisions survive a restart.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from evidence_graph.graph.entities import Entity, Registry
from evidence_graph.graph.iris import iri, key_of
from evidence_graph.graph.kinds import KINDS, kind_of_key
from evidence_graph.graph.vocabulary import DCTERMS, EG, GSS, LEGISLATION, ORG, OWL, RDF, SCHEMA, SKOS, bind_prefixes

#: rdf:type of each registry kind (declared in :mod:`graph.kinds`); the first class identifies
#: the kind when reading back.
KIND_CLASSES: dict[str, tuple[URIRef, ...]] = {kind.name: kind.classes for kind in KINDS if kind.registry}
_ORG_KIND_CLASS = {"government": SCHEMA.GovernmentOrganization, "regulator": SCHEMA.GovernmentOrganization,
                   "health": SCHEMA.GovernmentOrganization, "ngo": SCHEMA.NGO,
                   "corporation": SCHEMA.Corporation}
#: A place's kind as ``schema:additionalType`` states it: an IRI (schema.org's class where there is
#: one, this vocabulary's otherwise), never a string.
PLACE_TYPES = {"Place": SCHEMA.Place, "AdministrativeArea": SCHEMA.AdministrativeArea, "Country": SCHEMA.Country,
               "Venue": SCHEMA.EventVenue, "Building": EG.Building, "Region": EG.Region}
_PLACE_TYPE_NAMES = {str(cls): name for name, cls in PLACE_TYPES.items()}


def place_type_iri(name: str) -> URIRef:
    """The class ``schema:additionalType`` names for a place kind (:data:`PLACE_TYPES`).

    Examples
    --------
    >>> str(place_type_iri("Venue")), str(place_type_iri("Building"))
    ('https://schema.org/EventVenue', 'https://evidencegraph.example/def#Building')
    """
    return PLACE_TYPES.get(name, SCHEMA.Place)


def place_type_name(cls: str) -> str | None:
    """The place kind of a ``schema:additionalType`` class, or None for another class.

    Examples
    --------
    >>> place_type_name("https://schema.org/EventVenue"), place_type_name("https://schema.org/Person")
    ('Venue', None)
    """
    return _PLACE_TYPE_NAMES.get(cls)


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


#: Registry attributes naming an entity another one cannot be stated without (the scheme of a
#: concept, the organisation of a post or unit): the closure of a reference follows them.
#: Attributes naming entities an entity needs in any graph it is in (a merged entity, its kept one).
_NEEDED = ("scheme", "postIn", "parent", "sameAs")


def referenced_keys(registry: Registry, nodes: Iterable[Node]) -> set[str]:
    """Keys of the registry entities among ``nodes``, with everything those entities need.

    This is the one rule by which reference data (gazetteer places, national bodies, Acts,
    vocabularies, concept schemes, people read as context) reaches a graph: only when some
    document refers to it. An entity needs the scheme of a concept, the organisation a post
    or unit belongs to, and the organisation a committee is scoped by (its key's scope);
    a place's ``within`` is not a need, so a mention of a district does not bring in its county.

    Parameters
    ----------
    registry : Registry
    nodes : iterable of rdflib terms
        Subjects and objects of documents' graphs; terms that are no registry entity are ignored.

    Returns
    -------
    set of str
        Registry keys.

    Examples
    --------
    >>> r = Registry([Entity("org/a", "Organisation", "A"), Entity("org/b", "Organisation", "B"),
    ...               Entity("post/a/chief", "Post", "Chief", attributes={"postIn": "org/a"}),
    ...               Entity("committee/b/audit", "Committee", "Audit")])
    >>> sorted(referenced_keys(r, [iri("post/a/chief"), iri("committee/b/audit"), Literal("org/c")]))
    ['committee/b/audit', 'org/a', 'org/b', 'post/a/chief']
    """
    wanted: list[str] = []
    for node in set(nodes):
        if isinstance(node, URIRef):
            key = key_of(str(node))
            if key is not None and key in registry:
                wanted.append(key)
    found: set[str] = set()
    while wanted:
        key = wanted.pop()
        if key in found:
            continue
        found.add(key)
        entity = registry.get(key)
        if entity is None:
            continue
        needs = [entity.attributes[name] for name in _NEEDED if entity.attributes.get(name)]
        if entity.kind == "Committee" and key.count("/") >= 2:
            needs.append("org/" + key.split("/")[1])
        wanted.extend(need for need in needs if need in registry and need not in found)
    return found


def registry_subgraph(registry: Registry, nodes: Iterable[Node]) -> Graph:
    """The registry triples of the entities among ``nodes`` (what documents refer to), and of
    what those entities need (:func:`referenced_keys`).

    This is the registry graph that is stored, exported, listed and ranked: reference data no
    document refers to stays out. A reference from an included entity to one left out (a
    place's ``within``) is left out with it, so the subgraph has no dangling edge.

    Parameters
    ----------
    registry : Registry
    nodes : iterable of rdflib terms
        Subjects and objects of documents' graphs; those that are not registry entities are
        ignored.

    Returns
    -------
    rdflib.Graph
        The triples :func:`registry_to_graph` writes for those entities.

    Examples
    --------
    >>> r = Registry([Entity("org/stepahead-support", "Organisation", "Stepahead Support"),
    ...               Entity("org/ofsted", "Organisation", "Ofsted")])
    >>> g = registry_subgraph(r, [iri("org/ofsted"), Literal("Ofsted")])
    >>> sorted({key_of(str(s)) for s in g.subjects()})
    ['org/ofsted']
    """
    keep = referenced_keys(registry, nodes)
    graph = bind_prefixes(Graph())
    for key in sorted(keep):
        _entity_to_graph(graph, registry.entities[key], keep)
    return graph


def registry_graphs(registry: Registry, nodes: Iterable[Node]) -> tuple[Graph, Graph]:
    """The registry split in two: what documents refer to (:func:`registry_subgraph`, the
    evidence) and every other entity (the resolver's memory, kept but not evidence).

    Examples
    --------
    >>> r = Registry([Entity("org/a", "Organisation", "A"), Entity("org/b", "Organisation", "B")])
    >>> referenced, rest = registry_graphs(r, [iri("org/a")])
    >>> [sorted({key_of(str(s)) for s in g.subjects()}) for g in (referenced, rest)]
    [['org/a'], ['org/b']]
    """
    keep = referenced_keys(registry, nodes)
    referenced, rest = bind_prefixes(Graph()), bind_prefixes(Graph())
    for key, entity in sorted(registry.entities.items()):
        if key in keep:
            _entity_to_graph(referenced, entity, keep)
        else:
            _entity_to_graph(rest, entity)
        # What the resolver weighs to tell namesakes apart is its memory, never evidence.
        _resolver_evidence_to_graph(rest, entity)
    return referenced, rest


#: Attributes holding the resolver's evidence of who a person is, as space-separated words, and
#: the predicate each is stored with in the resolver's memory: the bodies that tie them to a
#: meeting (a host authority's key, or ``named:`` and an organisation's slug) and publishers'
#: identifiers (ModernGov member pages).
_RESOLVER_EVIDENCE = {"affiliations": SCHEMA.affiliation, "sourceIds": DCTERMS.identifier,
                      "differentFrom": OWL.differentFrom, "unsureOf": EG.unsureSameAs,
                      "splitFrom": EG.splitFrom, "splitFor": EG.splitFor}


def _resolver_evidence_to_graph(graph: Graph, entity: Entity) -> None:
    node = iri(entity.key)
    for name, predicate in _RESOLVER_EVIDENCE.items():
        for word in entity.attributes.get(name, "").split():
            graph.add((node, predicate, Literal(word)))


def document_nodes(graphs: Iterable[Graph]) -> Iterator[Node]:
    """Subjects and objects of ``graphs`` (what they may refer to in the registry)."""
    for graph in graphs:
        for s, _, o in graph:
            yield s
            yield o


def _entity_to_graph(graph: Graph, entity: Entity, keep: set[str] | None = None) -> None:
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
    _attributes_to_graph(graph, node, entity, keep)


def _attributes_to_graph(graph: Graph, node: URIRef, entity: Entity, keep: set[str] | None = None) -> None:
    attributes = entity.attributes
    if keep is not None:
        # References to entities left out of a subgraph are left out with them.
        attributes = {name: value for name, value in attributes.items()
                      if name not in _REFERENCE_ATTRIBUTES or value in keep}
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
        graph.add((node, SCHEMA.additionalType, place_type_iri(attributes["placeType"])))
    if "sameAs" in attributes:  # a merge decision: the old IRI answers for the kept entity
        graph.add((node, OWL.sameAs, iri(attributes["sameAs"])))


_ATTRIBUTE_PREDICATES = {
    SCHEMA.givenName: "given", SCHEMA.familyName: "family", SCHEMA.honorificPrefix: "honorific",
    SCHEMA.additionalName: "initials", ORG.identifier: "identifier",
    SCHEMA.legislationIdentifier: "identifier", SKOS.notation: "notation",
    ORG.classification: "orgKind",
}
_REFERENCE_PREDICATES = {SKOS.inScheme: "scheme", ORG.postIn: "postIn", ORG.unitOf: "parent",
                         SCHEMA.containedInPlace: "within", OWL.sameAs: "sameAs"}
_REFERENCE_ATTRIBUTES = frozenset(_REFERENCE_PREDICATES.values())


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
        place_type = graph.value(node, SCHEMA.additionalType)
        if place_type is not None and place_type_name(str(place_type)):
            entity.attributes["placeType"] = place_type_name(str(place_type)) or ""
        for predicate, name in _REFERENCE_PREDICATES.items():
            value = graph.value(node, predicate)
            if value is not None and key_of(str(value)):
                entity.attributes[name] = key_of(str(value)) or ""
        for name, predicate in _RESOLVER_EVIDENCE.items():
            words = sorted(str(o) for o in graph.objects(node, predicate))
            if words:
                entity.attributes[name] = " ".join(words)
        if SCHEMA.sameAs in {p for p, _ in graph.predicate_objects(node)}:
            for same in graph.objects(node, SCHEMA.sameAs):
                if str(same).startswith(str(GSS)):
                    entity.attributes["gss"] = str(same)[len(str(GSS)):]
        entities.append(entity)
    return Registry(entities)
