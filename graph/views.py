"""Read views of the stored graph: node records, statements with their evidence, a
networkx projection and a full-text index, built once per graph version.

The GraphQL layer reads only these views (never the text of documents, never SPARQL on the
request path), so a request costs dictionary look-ups.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

import networkx as nx
from rdflib import Literal, URIRef
from rdflib.term import Node

from evidence_graph.graph.iris import graph_document, key_of
from evidence_graph.graph.kinds import TYPE_NAMES, kind_of_key
from evidence_graph.graph.search import SearchIndex
from evidence_graph.graph.vocabulary import DCTERMS, EG, ID, OA, ORG, OWL, PCON, PREFIXES, PROV, RDF, SCHEMA, SKOS

_TYPE_OF = dict(TYPE_NAMES)
_RANK = {cls: i for i, (cls, _) in enumerate(TYPE_NAMES)}
#: The sort key of statements (:attr:`Statement.order`).
_ORDER = attrgetter("order")
_LABELS = (SKOS.prefLabel, SCHEMA.name, DCTERMS.title, SCHEMA.description)
_ALIASES = (SKOS.altLabel, SKOS.hiddenLabel, EG.formerName)
_HIDDEN = {OA.SpecificResource, OA.TextQuoteSelector, OA.TextPositionSelector, OA.Annotation,
           RDF.Statement}
#: Edges that describe the document structure rather than the world; kept as statements but
#: left out of the analytics projection so that paths and centrality are about entities.
STRUCTURAL_PREDICATES = frozenset({DCTERMS.isPartOf, DCTERMS.hasPart, SCHEMA.appearance,
                                   EG.evidence, DCTERMS.type, EG.speakerRole, SKOS.inScheme,
                                   ORG.role, PCON.hasContributionRole, EG.claimType})


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


def expand(name: str) -> str:
    """The IRI of a CURIE (the inverse of :func:`curie`); full IRIs pass through.

    Examples
    --------
    >>> expand("schema:author")
    'https://schema.org/author'
    """
    prefix, _, local = name.partition(":")
    namespace = PREFIXES.get(prefix)
    return f"{namespace}{local}" if namespace is not None and not local.startswith("//") else name


def type_name(types: Iterable[Node], key: str | None = None) -> str | None:
    """The short type name of a node from its rdf:types (issues and themes by their key)."""
    ranked = sorted((t for t in types if t in _RANK), key=lambda t: _RANK[t])
    if not ranked:
        return None
    name = _TYPE_OF[ranked[0]]
    if name == "Concept" and key:
        return kind_of_key(key) or name
    return name


@dataclass(frozen=True)
class Evidence:
    """The words on the page behind a statement."""

    quote: str
    start: int
    end: int
    segment: str
    passage: str | None
    graph: str

    @property
    def document(self) -> str | None:
        """IRI of the source document (from the named graph the statement sits in)."""
        return graph_document(self.graph)


@dataclass
class Statement:
    """``subject predicate object`` in one named graph, with its evidence."""

    id: str
    subject: str
    predicate: str
    object: str
    object_is_node: bool
    graph: str
    datatype: str | None = None
    evidence: list[Evidence] = field(default_factory=list)
    #: Where the statement sorts among a node's statements: predicate, subject, object, graph, id.
    order: tuple[str, str, str, str, str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.order = (self.predicate, self.subject, self.object, self.graph, self.id)


@dataclass
class NodeRecord:
    """A typed node: an entity, a passage, a document, a figure …"""

    iri: str
    key: str | None
    type: str
    label: str
    aliases: list[str]
    types: list[str]
    values: dict[str, list[str]]
    graphs: set[str] = field(default_factory=set)

    def value(self, predicate: URIRef) -> str | None:
        """The first literal value of a predicate, or None."""
        found = self.values.get(str(predicate))
        return found[0] if found else None


def _statement_id(s: str, p: str, o: str, g: str) -> str:
    return hashlib.sha1(f"{s}|{p}|{o}|{g}".encode()).hexdigest()[:16]


def _follow_merges(quads: Iterable[tuple[Node, Node, Node, Node]]
                   ) -> tuple[Iterable[tuple[Node, Node, Node, Node]], dict[str, str]]:
    """Quads with every merged entity's IRI replaced by the one it was merged into (the
    registry's ``owl:sameAs`` decisions), and the redirects by old IRI.

    A merged entity is one node of the views: its statements, names and evidence are the kept
    entity's; a look-up by its old IRI answers with the kept one.

    Examples
    --------
    >>> from rdflib import Literal
    >>> from evidence_graph.graph.iris import registry_graph
    >>> old, new = ID["person/x/ann-lee"], ID["person/ann-lee"]
    >>> quads = [(old, OWL.sameAs, new, registry_graph()), (old, SCHEMA.name, Literal("A. Lee"), registry_graph())]
    >>> rewritten, redirects = _follow_merges(quads)
    >>> [str(s) == str(new) for s, _, _, _ in rewritten], redirects[str(old)] == str(new)
    ([True], True)
    """
    quads = list(quads)
    merged = {s: o for s, p, o, _ in quads if p == OWL.sameAs and isinstance(o, URIRef)
              and str(s).startswith(str(ID)) and str(o).startswith(str(ID)) and s != o}
    if not merged:
        return quads, {}

    def final(node: Node) -> Node:
        seen = {node}
        while node in merged and merged[node] not in seen:
            node = merged[node]
            seen.add(node)
        return node

    target = {old: final(old) for old in merged}
    rewritten = [(target.get(s, s), p, target.get(o, o), g) for s, p, o, g in quads
                 if p != OWL.sameAs or s not in target]
    return rewritten, {str(old): str(new) for old, new in target.items()}


class GraphViews:
    """Every read view of one version of the graph.

    Parameters
    ----------
    quads : iterable of (subject, predicate, object, graph)
        The store's content, e.g. :meth:`graph.store.EvidenceStore.quads`.

    Examples
    --------
    >>> from evidence_graph.graph.vocabulary import ID
    >>> views = GraphViews([(ID["person/a"], RDF.type, SCHEMA.Person, ID["graph/registry"]),
    ...                     (ID["person/a"], SKOS.prefLabel, Literal("Ann Lee"), ID["graph/registry"])])
    >>> views.nodes[str(ID["person/a"])].label
    'Ann Lee'
    """

    def __init__(self, quads: Iterable[tuple[Node, Node, Node, Node]]) -> None:
        types: dict[str, set[Node]] = {}
        literals: dict[str, dict[str, list[str]]] = {}
        node_graphs: dict[str, set[str]] = {}
        links: list[tuple[str, str, str, str]] = []
        literal_links: list[tuple[str, str, Literal, str]] = []
        reified: dict[str, dict[Node, Node]] = {}
        reified_graph: dict[str, str] = {}
        selectors: dict[str, dict[Node, Node]] = {}
        selector_of: dict[str, list[str]] = {}
        digest = hashlib.sha1()
        quads, self.redirects = _follow_merges(quads)
        for s, p, o, g in quads:
            subject, graph = str(s), str(g)
            digest.update(f"{s}{p}{o}{g}".encode())
            if p in (RDF.subject, RDF.predicate, RDF.object) or (
                    p in (PROV.wasQuotedFrom, EG.evidence) and "#st-" in subject):
                reified.setdefault(subject, {})[p] = o
                reified_graph[subject] = graph
            elif p in (OA.exact, OA.start, OA.end):
                selectors.setdefault(subject, {})[p] = o
            elif p == OA.hasSelector:
                selector_of.setdefault(subject, []).append(str(o))
            elif p == RDF.type:
                types.setdefault(subject, set()).add(o)
                node_graphs.setdefault(subject, set()).add(graph)
            elif isinstance(o, Literal):
                values = literals.setdefault(subject, {}).setdefault(str(p), [])
                if str(o) not in values:
                    values.append(str(o))
                literal_links.append((subject, str(p), o, graph))
            else:
                links.append((subject, str(p), str(o), graph))
        self.version = digest.hexdigest()[:16]
        self.nodes: dict[str, NodeRecord] = {}
        for iri, node_types in types.items():
            if node_types & _HIDDEN:
                continue
            key = key_of(iri)
            name = type_name(node_types, key)
            if name is None:
                continue
            values = literals.get(iri, {})
            label = next((values[str(p)][0] for p in _LABELS if str(p) in values), None)
            if label is None and str(SCHEMA.text) in values:
                label = values[str(SCHEMA.text)][0][:80]
            aliases = sorted({a for p in _ALIASES for a in values.get(str(p), [])} - {label})
            self.nodes[iri] = NodeRecord(iri, key, name, label or key or iri, aliases,
                                         sorted(str(t) for t in node_types), values, node_graphs.get(iri, set()))
        self.statements: dict[str, Statement] = {}
        self._both: dict[str, list[Statement]] = {}
        self.outgoing: dict[str, list[Statement]] = {}
        self.incoming: dict[str, list[Statement]] = {}
        by_triple: dict[tuple[str, str, str, str], Statement] = {}
        for s, p, o, g in links:
            if s not in self.nodes:
                continue
            statement = Statement(_statement_id(s, p, o, g), s, p, o, True, g)
            by_triple[(s, p, o, g)] = statement
            self._index(statement)
        for s, p, lit, g in literal_links:
            if s in self.nodes and p not in (str(SCHEMA.text),):
                statement = Statement(_statement_id(s, p, str(lit), g), s, p, str(lit), False, g,
                                      str(lit.datatype) if lit.datatype else None)
                by_triple[(s, p, str(lit), g)] = statement
                self._index(statement)
        for st, parts in reified.items():
            s, p, o = parts.get(RDF.subject), parts.get(RDF.predicate), parts.get(RDF.object)
            statement = by_triple.get((str(s), str(p), str(o), reified_graph[st]))
            segment = parts.get(PROV.wasQuotedFrom)
            if statement is None or segment is None:
                continue
            found: dict[Node, Node] = {}
            for selector in selector_of.get(str(segment), []):
                found.update(selectors.get(selector, {}))
            if OA.exact not in found:
                continue
            passage = parts.get(EG.evidence)
            evidence = Evidence(str(found[OA.exact]), int(str(found[OA.start])), int(str(found[OA.end])),
                                str(segment), str(passage) if passage is not None else None, statement.graph)
            if evidence not in statement.evidence:
                statement.evidence.append(evidence)
        segment_passage = {s: o for s, p, o, g in links if p == str(DCTERMS.isPartOf) and "#span-" in s}
        self.quotes: dict[str, Evidence] = {}
        for segment, selector_list in selector_of.items():
            found = {}
            for selector in selector_list:
                found.update(selectors.get(selector, {}))
            if OA.exact in found:
                self.quotes[segment] = Evidence(str(found[OA.exact]), int(str(found[OA.start])),
                                                int(str(found[OA.end])), segment,
                                                segment_passage.get(segment), "")
        # Kept in statement order, so that a node's statements are merged, not sorted, per request.
        for index in (self.outgoing, self.incoming):
            for found in index.values():
                found.sort(key=_ORDER)
        self.annotations = self._annotations(links)
        self._name_unlabelled()
        self.by_type: dict[str, list[str]] = {}
        for iri, record in sorted(self.nodes.items(), key=lambda item: (item[1].label.lower(), item[0])):
            self.by_type.setdefault(record.type, []).append(iri)
        self.graph = self._project()
        self.search = SearchIndex(self.nodes.values())
        #: What readers derive from this version and keep while it is served (the GraphQL schema
        #: keeps its entity objects here): the views never change, so neither can they.
        self.memo: dict[str, Any] = {}

    def _index(self, statement: Statement) -> None:
        self.statements[statement.id] = statement
        self.outgoing.setdefault(statement.subject, []).append(statement)
        if statement.object_is_node:
            self.incoming.setdefault(statement.object, []).append(statement)

    def _name_unlabelled(self) -> None:
        """Give memberships and contributions, which have no name of their own, a readable label
        from what they link (otherwise they would be shown, and searched, by their key)."""
        def first(iri: str, predicate: URIRef, incoming: bool = False) -> str | None:
            found = self.subjects(iri, predicate) if incoming else self.objects(iri, predicate)
            return self.nodes[found[0]].label if found else None

        for iri, record in self.nodes.items():
            if record.label != (record.key or iri):
                continue
            if record.type == "Membership":
                member, post = first(iri, ORG.member), first(iri, EG.post) or first(iri, ORG.role)
                organisation = first(iri, ORG.organization)
                parts = [p for p in (post, organisation) if p]
                record.label = f"{member or '?'} — {', '.join(parts)}" if parts else member or record.label
            elif record.type == "Contribution":
                who, role = first(iri, PCON.makesContribution, incoming=True), first(iri, PCON.hasContributionRole)
                item = first(iri, EG.agendaItem)
                record.label = f"{who or '?'}: {role or 'contribution'}" + (f" (item: {item})" if item else "")

    def _annotations(self, links: list[tuple[str, str, str, str]]) -> dict[str, list[Evidence]]:
        """Mentions of each entity: entity IRI → quotes, from oa:Annotation bodies."""
        body: dict[str, str] = {}
        target: dict[str, str] = {}
        graph_of: dict[str, str] = {}
        for s, p, o, g in links:
            if p == str(OA.hasBody):
                body[s] = o
                graph_of[s] = g
            elif p == str(OA.hasTarget):
                target[s] = o
        mentions: dict[str, list[Evidence]] = {}
        for annotation, entity in body.items():
            segment = target.get(annotation)
            quote = self.quotes.get(segment) if segment else None
            if quote is None:
                continue
            evidence = Evidence(quote.quote, quote.start, quote.end, quote.segment, quote.passage,
                                graph_of[annotation])
            mentions.setdefault(entity, []).append(evidence)
        for quotes in mentions.values():
            quotes.sort(key=lambda e: (e.graph, e.start))
        return mentions

    def _project(self) -> nx.MultiDiGraph:
        graph = nx.MultiDiGraph()
        for iri, record in self.nodes.items():
            graph.add_node(iri, type=record.type, label=record.label)
        structural = {str(p) for p in STRUCTURAL_PREDICATES}
        for statement in self.statements.values():
            if statement.object_is_node and statement.object in self.nodes and statement.predicate not in structural:
                graph.add_edge(statement.subject, statement.object, key=statement.id,
                               predicate=statement.predicate, statement=statement.id,
                               graph=statement.graph)
        return graph

    # -- look-ups ------------------------------------------------------------------------------
    def statements_of(self, iri: str, direction: str = "BOTH", predicates: set[str] | None = None,
                      graphs: set[str] | None = None) -> list[Statement]:
        """Statements about a node, in their ``order`` (predicate, subject, object, graph, id).

        The list may be the views' own: read it, do not change it.
        """
        if direction == "BOTH":
            found = self._both.get(iri)
            if found is None:
                # Two sorted runs: timsort merges them in one pass; kept, as the views never change.
                found = self._both[iri] = sorted([*self.outgoing.get(iri, ()), *self.incoming.get(iri, ())],
                                                 key=_ORDER)
        else:
            found = (self.outgoing if direction == "OUT" else self.incoming).get(iri, [])
        if predicates:
            found = [s for s in found if s.predicate in predicates]
        if graphs:
            found = [s for s in found if s.graph in graphs]
        return found

    def objects(self, iri: str, predicate: URIRef) -> list[str]:
        """Distinct node objects of ``iri predicate ?``."""
        seen: dict[str, None] = {}
        for statement in self.outgoing.get(iri, []):
            if statement.predicate == str(predicate) and statement.object_is_node and statement.object in self.nodes:
                seen.setdefault(statement.object)
        return list(seen)

    def subjects(self, iri: str, predicate: URIRef) -> list[str]:
        """Distinct subjects of ``? predicate iri``."""
        seen: dict[str, None] = {}
        for statement in self.incoming.get(iri, []):
            if statement.predicate == str(predicate) and statement.subject in self.nodes:
                seen.setdefault(statement.subject)
        return list(seen)

    def degree(self, iri: str) -> int:
        """Number of entity-to-entity statements touching a node (projection degree)."""
        return int(self.graph.degree(iri)) if iri in self.graph else 0
