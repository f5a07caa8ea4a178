"""The networkx view of the graph: entities and passages as nodes, relations as edges.

Each node carries one short type name (``Person``, ``Organisation`` …), a label and its
aliases; each edge carries its predicate (as a CURIE), the named graph it was asserted in, and
the quotes that support it. Selectors, segments, annotations and reified statements are
folded into edge evidence instead of becoming nodes.
"""

from __future__ import annotations

from collections.abc import Iterable

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from graph.iris import key_of
from graph.vocabulary import DCTERMS, EG, OA, ORG, PCON, PREFIXES, PROV, RDF, SCHEMA, SKOS

#: Short type names, most specific first.
TYPE_NAMES: tuple[tuple[URIRef, str], ...] = (
    (EG.Committee, "Committee"), (ORG.OrganizationalUnit, "OrganisationalUnit"),
    (ORG.FormalOrganization, "Organisation"), (SCHEMA.Organization, "Organisation"),
    (SCHEMA.Person, "Person"), (ORG.Post, "Post"), (ORG.Membership, "Membership"),
    (EG.Meeting, "Meeting"), (EG.AgendaItem, "AgendaItem"), (EG.Inquiry, "Inquiry"),
    (SCHEMA.DigitalDocument, "Document"), (SCHEMA.Question, "Question"), (EG.Passage, "Passage"),
    (SCHEMA.GovernmentService, "Service"), (EG.Programme, "Programme"),
    (EG.ProcurementFramework, "Framework"), (SCHEMA.Legislation, "Legislation"),
    (SCHEMA.Place, "Place"), (EG.Figure, "Figure"), (SCHEMA.Claim, "Claim"),
    (PCON.Contribution, "Contribution"), (ORG.Role, "Role"), (SKOS.ConceptScheme, "ConceptScheme"),
    (SKOS.Concept, "Concept"),
)
_TYPE_OF = dict(TYPE_NAMES)
_RANK = {cls: i for i, (cls, _) in enumerate(TYPE_NAMES)}
_LABELS = (SKOS.prefLabel, SCHEMA.name, DCTERMS.title, SCHEMA.description)
_ALIASES = (SKOS.altLabel, SKOS.hiddenLabel, EG.formerName)
_HIDDEN_CLASSES = {OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector,
                   OA.Annotation, RDF.Statement}


def curie(iri: str) -> str:
    """Shorten an IRI with the project's prefixes.

    Examples
    --------
    >>> curie("http://www.w3.org/ns/org#memberOf")
    'org:memberOf'
    """
    for prefix, namespace in PREFIXES.items():
        if prefix != "id" and iri.startswith(str(namespace)):
            return f"{prefix}:{iri[len(str(namespace)):]}"
    return iri


def type_name(types: Iterable[Node], key: str | None = None) -> str | None:
    """The short type name of a node from its rdf:types (issues and themes by their key)."""
    ranked = sorted((t for t in types if t in _RANK), key=lambda t: _RANK[t])
    if not ranked:
        return None
    name = _TYPE_OF[ranked[0]]
    if name == "Concept" and key:
        if key.startswith("concept/issue/"):
            return "Issue"
        if key.startswith("concept/tor/"):
            return "Theme"
    return name


def project(quads: Iterable[tuple[Node, Node, Node, Node]]) -> nx.MultiDiGraph:
    """Project quads onto a networkx multigraph for paths, centrality and exports.

    Parameters
    ----------
    quads : iterable of (subject, predicate, object, graph)
        E.g. :meth:`graph.store.EvidenceStore.quads`.

    Returns
    -------
    networkx.MultiDiGraph
        Nodes keyed by IRI with ``type``, ``label``, ``aliases`` and ``key``; edges keyed by
        predicate CURIE with ``predicate``, ``graphs`` and ``evidence`` (quote dicts).
    """
    types: dict[Node, set[Node]] = {}
    literals: dict[tuple[Node, Node], list[str]] = {}
    links: list[tuple[Node, Node, Node, Node]] = []
    statements: dict[Node, dict[Node, Node]] = {}
    selectors: dict[Node, dict[Node, Node]] = {}
    segment_source: dict[Node, list[Node]] = {}
    for s, p, o, g in quads:
        if p == RDF.type:
            types.setdefault(s, set()).add(o)
        elif p in (RDF.subject, RDF.predicate, RDF.object, PROV.wasQuotedFrom, EG.evidence) and \
                isinstance(s, URIRef) and "#st-" in str(s):
            statements.setdefault(s, {})[p] = o
            if p == RDF.object:
                statements[s][RDF.object] = o
            statements[s][RDF.value] = g
        elif p in (OA.exact, OA.start, OA.end):
            selectors.setdefault(s, {})[p] = o
        elif p == OA.hasSelector:
            segment_source.setdefault(s, []).append(o)
        elif isinstance(o, Literal):
            literals.setdefault((s, p), []).append(str(o))
        else:
            links.append((s, p, o, g))
    graph = nx.MultiDiGraph()
    for node, node_types in types.items():
        if node_types & _HIDDEN_CLASSES:
            continue
        key = key_of(str(node))
        name = type_name(node_types, key)
        if name is None:
            continue
        label = next((literals[(node, p)][0] for p in _LABELS if (node, p) in literals), None)
        if label is None and (node, SCHEMA.text) in literals:
            label = literals[(node, SCHEMA.text)][0][:80]
        aliases = sorted({a for p in _ALIASES for a in literals.get((node, p), [])} - {label})
        graph.add_node(str(node), key=key, type=name, label=label or key or str(node), aliases=aliases)
    for s, p, o, g in links:
        if str(s) in graph and str(o) in graph:
            name = curie(str(p))
            if graph.has_edge(str(s), str(o), key=name):
                graphs = graph.edges[str(s), str(o), name]["graphs"]
                if str(g) not in graphs:
                    graphs.append(str(g))
            else:
                graph.add_edge(str(s), str(o), key=name, predicate=name, graphs=[str(g)], evidence=[])
    for statement in statements.values():
        s, p, o = statement.get(RDF.subject), statement.get(RDF.predicate), statement.get(RDF.object)
        segment = statement.get(PROV.wasQuotedFrom)
        if s is None or p is None or o is None or not graph.has_edge(str(s), str(o), key=curie(str(p))):
            continue
        quote = _quote(segment, segment_source, selectors)
        if quote:
            quote["passage"] = str(statement.get(EG.evidence, ""))
            quote["graph"] = str(statement.get(RDF.value, ""))
            evidence = graph.edges[str(s), str(o), curie(str(p))]["evidence"]
            if quote not in evidence:
                evidence.append(quote)
    return graph


def _quote(segment: Node | None, sources: dict[Node, list[Node]],
           selectors: dict[Node, dict[Node, Node]]) -> dict[str, object] | None:
    if segment is None:
        return None
    found: dict[str, object] = {"segment": str(segment)}
    for selector in sources.get(segment, []):
        values = selectors.get(selector, {})
        if OA.exact in values:
            found["quote"] = str(values[OA.exact])
        if OA.start in values:
            found["start"] = int(str(values[OA.start]))
            found["end"] = int(str(values[OA.end]))
    return found if "quote" in found else None
