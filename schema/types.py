"""The GraphQL object types: one per kind of node of the evidence graph, with typed fields where
the model has them, and statements that always lead back to the words on the page.

Every object is made from a :class:`graph.views.NodeRecord` (or a statement or quote record) and
holds the views of the graph version it came from; its fields read those views (dictionary
look-ups, no store access, no parsing), so no resolver here needs the request's ``info``.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from enum import Enum
from typing import Any

import strawberry
from rdflib import URIRef

from evidence_graph.graph.analytics import AnalyticsConvergenceError, AnalyticsLimitError
from evidence_graph.graph.iris import graph_document
from evidence_graph.graph.kinds import KIND_BY_NAME
from evidence_graph.graph.registry import place_type_name
from evidence_graph.graph.views import Evidence as EvidenceRecord
from evidence_graph.graph.views import GraphViews, NodeRecord, curie, expand
from evidence_graph.graph.views import Statement as StatementRecord
from evidence_graph.graph.vocabulary import DCTERMS, EG, ORG, PCON, PROV, SCHEMA, SKOS
from evidence_graph.schema.errors import AlgorithmBusyError, AlgorithmTimeoutError, QueryInputError
from evidence_graph.schema.pagination import Connection, PageRequest, paginate


# -- global ids ------------------------------------------------------------------------------------
def global_id(type_name: str, local: str) -> str:
    """The Relay global id of a node: base64 of ``Type:local`` (local = IRI or statement id).

    Examples
    --------
    >>> parse_global_id(global_id("Person", "https://x.example/id/person/a"))
    ('Person', 'https://x.example/id/person/a')
    """
    return base64.b64encode(f"{type_name}:{local}".encode()).decode()


def parse_global_id(value: str) -> tuple[str, str]:
    """The type name and local id inside a global id.

    Raises
    ------
    QueryInputError
        If ``value`` is not a global id made by this server.
    """
    try:
        type_name, _, local = base64.b64decode(value.encode(), validate=True).decode().partition(":")
    except (ValueError, UnicodeDecodeError):
        raise QueryInputError(f"id {value!r} is not a global id of this API (use the `id` of a node)") from None
    if not type_name or not local:
        raise QueryInputError(f"id {value!r} is not a global id of this API (use the `id` of a node)")
    return type_name, local


@strawberry.enum(description="Which way statements are followed from a node.")
class Direction(Enum):
    OUT = "OUT"
    IN = "IN"
    BOTH = "BOTH"


@strawberry.interface(description="Anything with a Relay global id.")
class Node:
    # The id is made when asked for: most queries never read it, and base64 per object adds up.
    @strawberry.field
    def id(self) -> strawberry.ID:
        return strawberry.ID(global_id(*self.global_parts()))

    def global_parts(self) -> tuple[str, str]:
        """The type name and local id the global id encodes."""
        raise NotImplementedError


@strawberry.type(description="A literal value: its lexical form and datatype IRI.")
class LiteralValue:
    lexical: str
    datatype: str | None


# -- evidence and statements ------------------------------------------------------------------------
@strawberry.type(description="The words on the page behind a fact or a mention: an exact quote and its "
                             "character offsets in the stored text of a document.")
class Evidence:
    quote: str = strawberry.field(description="The exact text; equals the document's text[start:end].")
    start: int = strawberry.field(description="Offset of the first character (Python code points).")
    end: int = strawberry.field(description="Offset just past the last character.")
    graph: str = strawberry.field(description="The named graph (one per document) the fact was asserted in.")
    segment: str = strawberry.field(description="IRI of the oa:SpecificResource holding the selectors.")
    passage_iri: strawberry.Private[str | None]
    document_iri: str | None = strawberry.field(description="IRI of the source document.")
    views: strawberry.Private[GraphViews]

    @strawberry.field(description="The source document.")
    def document(self) -> Document | None:
        return _typed(self.views, self.document_iri, Document)

    @strawberry.field(description="The passage (paragraph, question, block) the quote lies in.")
    def passage(self) -> TextPassage | None:
        found = entity_of(self.views, self.passage_iri)
        return found if isinstance(found, TextPassage) else None

    @strawberry.field(description="Who speaks the passage (a person, an organisation or the committee).")
    def speaker(self) -> Entity | None:
        views = self.views
        if self.passage_iri is None:
            return None
        authors = views.objects(self.passage_iri, SCHEMA.author)
        return entity_of(views, authors[0]) if authors else None


def evidence_of(views: GraphViews, record: EvidenceRecord, graph: str | None = None) -> Evidence:
    """The GraphQL object of a quote from the views."""
    graph = graph or record.graph
    return Evidence(quote=record.quote, start=record.start, end=record.end, graph=graph,
                    segment=record.segment, passage_iri=record.passage, document_iri=graph_document(graph),
                    views=views)


@strawberry.type(description="An RDF statement (subject, predicate, object) in one named graph, with its "
                             "evidence.")
class Statement(Node):
    predicate: str = strawberry.field(description="Predicate IRI.")
    graph: str = strawberry.field(description="The named graph the statement sits in.")
    record: strawberry.Private[StatementRecord]
    views: strawberry.Private[GraphViews]

    def global_parts(self) -> tuple[str, str]:
        return "Statement", self.record.id

    @strawberry.field(description="The predicate as a compact IRI (e.g. `org:holds`).")
    def predicate_name(self) -> str:
        return curie(self.predicate)

    @strawberry.field
    def subject(self) -> Entity | None:
        return entity_of(self.views, self.record.subject)

    @strawberry.field(description="The object when it is a node of the graph.")
    def object(self) -> Entity | None:
        return entity_of(self.views, self.record.object) if self.record.object_is_node else None

    @strawberry.field(description="The object when it is a literal value.")
    def value(self) -> LiteralValue | None:
        if self.record.object_is_node:
            return None
        return LiteralValue(lexical=self.record.object, datatype=self.record.datatype)

    @strawberry.field(description="IRI of the object (node or external resource), or null for a literal.")
    def object_iri(self) -> str | None:
        return self.record.object if self.record.object_is_node else None

    @strawberry.field(description="The source document of the named graph, if it is a document's graph.")
    def document(self) -> Document | None:
        return _typed(self.views, graph_document(self.graph), Document)

    @strawberry.field(description="The quotes that support the statement. A statement without a quote of its "
                                  "own made by a claim, figure or passage is supported by that node's quote.")
    def evidence(self) -> list[Evidence]:
        if self.record.evidence:
            return [evidence_of(self.views, e, self.graph) for e in self.record.evidence]
        views = self.views
        for end in (self.record.subject, self.record.object if self.record.object_is_node else None):
            quote = _own_quote(views, end)
            if quote is not None:
                return [quote]
        return []


def statement_object(views: GraphViews, record: StatementRecord) -> Statement:
    """The GraphQL object of a statement from the views (made once per graph version, like
    :func:`entity_of`'s)."""
    made: dict[str, Statement] = views.memo.get(_STATEMENT_OBJECTS) or views.memo.setdefault(_STATEMENT_OBJECTS, {})
    found = made.get(record.id)
    if found is None:
        found = made[record.id] = Statement(predicate=record.predicate, graph=record.graph, record=record,
                                            views=views)
    return found


def _statement_key(record: StatementRecord) -> tuple[str, ...]:
    return record.order


# -- entities ----------------------------------------------------------------------------------------
#: Short type name (as in :data:`graph.views.TYPE_NAMES`) → GraphQL class.
ENTITY_CLASSES: dict[str, type[Entity]] = {}


def entity_type(name: str) -> Callable[[type], type]:
    """Declare the GraphQL object type of the node kind ``name`` (:data:`graph.kinds.KINDS`):
    its ``__typename`` and description come from the kind's declaration."""
    description = KIND_BY_NAME[name].description

    def register(cls: type) -> type:
        made = strawberry.type(cls, name=name, description=description)
        ENTITY_CLASSES[name] = made
        return made
    return register


def entity_of(views: GraphViews, iri: str | None) -> Entity | None:
    """The GraphQL object of the node ``iri``, typed by its kind; None if it is not a node.

    Made once per version of the graph and kept in its views' memo: the object holds only what
    the version says of the node, so every request may share it.
    """
    if iri is None:
        return None
    iri = views.redirects.get(iri, iri)  # an entity merged into another answers as that one
    made: dict[str, Entity] = views.memo.get(_ENTITY_OBJECTS) or views.memo.setdefault(_ENTITY_OBJECTS, {})
    found = made.get(iri)
    if found is not None:
        return found
    record = views.nodes.get(iri)
    if record is None:
        return None
    cls = ENTITY_CLASSES.get(record.type, GenericEntity)
    found = made[iri] = cls(iri=iri, key=record.key, label=record.label, aliases=record.aliases,
                            types=record.types, record=record, views=views)
    return found


#: The keys of the entity and statement objects in :attr:`GraphViews.memo`.
_ENTITY_OBJECTS = "schema.entity_objects"
_STATEMENT_OBJECTS = "schema.statement_objects"


def _typed(views: GraphViews, iri: str | None, cls: type[Any]) -> Any:
    found = entity_of(views, iri)
    return found if isinstance(found, cls) else None


def _objects(views: GraphViews, iri: str, predicate: URIRef, cls: type[Any] | None = None) -> list[Any]:
    found = (entity_of(views, o) for o in views.objects(iri, predicate))
    return [e for e in found if e is not None and (cls is None or isinstance(e, cls))]


def _subjects(views: GraphViews, iri: str, predicate: URIRef, cls: type[Any] | None = None) -> list[Any]:
    found = (entity_of(views, s) for s in views.subjects(iri, predicate))
    return [e for e in found if e is not None and (cls is None or isinstance(e, cls))]


def _quote_of(views: GraphViews, record: NodeRecord) -> Evidence | None:
    """The quote a Figure or Claim was read from (its prov:wasQuotedFrom segment)."""
    for statement in views.outgoing.get(record.iri, []):
        if statement.predicate == str(PROV.wasQuotedFrom) and statement.object in views.quotes:
            return evidence_of(views, views.quotes[statement.object], statement.graph)
    return None


def _own_quote(views: GraphViews, iri: str | None) -> Evidence | None:
    """The words a claim, figure or passage stands for: its quote, or the passage's whole text."""
    record = views.nodes.get(iri) if iri else None
    if record is None:
        return None
    if record.type in ("Claim", "Figure"):
        passages = views.objects(record.iri, SCHEMA.appearance)
        return _quote_of(views, record) or (_own_quote(views, passages[0]) if passages else None)
    text, start = record.value(SCHEMA.text), _integer(record.value(EG.startOffset))
    if record.type in ("Passage", "Question") and text is not None and start is not None:
        graph = next(iter(sorted(g for g in record.graphs if "/graph/doc/" in g)), "")
        found = EvidenceRecord(text, start, start + len(text), record.iri, record.iri, graph)
        return evidence_of(views, found)
    return None


def _number(value: str | None) -> float | None:
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


def _integer(value: str | None) -> int | None:
    number = _number(value)
    return int(number) if number is not None else None


def _in_text_order(passages: list[TextPassage]) -> list[TextPassage]:
    return sorted(passages, key=lambda p: (p.document_key(), p.start_offset() or 0, p.iri))


@strawberry.enum(description="Centrality measures (networkx).")
class CentralityAlgorithm(Enum):
    DEGREE = "DEGREE"
    PAGERANK = "PAGERANK"
    BETWEENNESS = "BETWEENNESS"
    CLOSENESS = "CLOSENESS"
    EIGENVECTOR = "EIGENVECTOR"


@strawberry.interface(description="A node of the evidence graph: a person, organisation, post, meeting, "
                                  "passage, figure, theme …")
class Entity(Node):
    iri: str
    key: str | None = strawberry.field(description="The natural key the IRI was minted from.")
    label: str
    aliases: list[str] = strawberry.field(description="Every other name the entity was seen under.")
    types: list[str] = strawberry.field(description="rdf:type IRIs.")
    record: strawberry.Private[NodeRecord]
    views: strawberry.Private[GraphViews]

    def global_parts(self) -> tuple[str, str]:
        cls = type(self)
        return (cls.__name__ if cls is not GenericEntity else self.record.type), self.iri

    @strawberry.field(description="Named graphs that assert the node's type (its documents and the registry).")
    def graphs(self) -> list[str]:
        return sorted(self.record.graphs)

    @strawberry.field(description="Number of entity-to-entity statements touching the node.")
    def degree(self, direction: Direction = Direction.BOTH) -> int:
        views = self.views
        graph = views.graph
        if self.iri not in graph:
            return 0
        if direction is Direction.OUT:
            return int(graph.out_degree(self.iri))
        if direction is Direction.IN:
            return int(graph.in_degree(self.iri))
        return int(graph.degree(self.iri))

    @strawberry.field(description="The entity's score by a centrality measure over the whole graph (computed "
                                  "once per graph version and shared by every entity of the answer; 0 for a "
                                  "node outside the graph of relations). Null when the measure cannot be had "
                                  "for this graph now: over its node limit, not converging, out of time or busy "
                                  "(the root fields `estimate` and `centrality` say why).")
    async def centrality(self, info: strawberry.Info,
                         algorithm: CentralityAlgorithm = CentralityAlgorithm.PAGERANK) -> float | None:
        # Imported here: schema.algorithms builds on this module's types.
        from evidence_graph.schema.algorithms import centrality_scores

        # A convenience beside the entity's other fields: one measure that cannot be had must not
        # take the entity, or a whole neighbourhood of them, down with it.
        try:
            scores = await centrality_scores(info, algorithm)
        except (AnalyticsLimitError, AnalyticsConvergenceError, AlgorithmBusyError, AlgorithmTimeoutError):
            return None
        return float(scores.get(self.iri, 0.0))

    @strawberry.field(description="Where the entity is mentioned: quotes of every mention, in document order.")
    def mentions(self, first: int | None = None, after: str | None = None,
                 last: int | None = None, before: str | None = None) -> Connection[Evidence]:
        found = self.views.annotations.get(self.iri, [])
        views = self.views
        return paginate(found, lambda e: (e.graph, e.start, e.end, e.segment), PageRequest(first, after, last, before),
                        lambda e: evidence_of(views, e))

    @strawberry.field(description="Statements about the entity, each with its evidence.")
    def relations(self, predicates: list[str] | None = None, direction: Direction = Direction.BOTH,
                  graphs: list[str] | None = None, first: int | None = None, after: str | None = None,
                  last: int | None = None, before: str | None = None) -> Connection[Statement]:
        wanted = {expand(p) for p in predicates} if predicates else None
        found = self.views.statements_of(self.iri, direction.value, wanted, set(graphs) if graphs else None)
        views = self.views
        return paginate(found, _statement_key, PageRequest(first, after, last, before),
                        lambda s: statement_object(views, s))

    @strawberry.field(description="Claims about the entity (sentences that name it), in document order.")
    def claims_about(self) -> list[Claim]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.about, Claim), key=lambda c: c.iri)


@strawberry.type(name="Entity_", description="A node of a kind without a dedicated type.")
class GenericEntity(Entity):
    pass


# -- passages ------------------------------------------------------------------------------------------
@strawberry.interface(description="A unit of text of a document: a paragraph, a question, a block.")
class TextPassage(Entity):
    def document_key(self) -> str:
        parents = [s for s in self.record.values.get(str(DCTERMS.isPartOf), [])]
        return parents[0] if parents else self.iri.split("#")[0]

    def start_offset(self) -> int | None:
        return _integer(self.record.value(EG.startOffset))

    @strawberry.field(description="The passage's exact text.")
    def text(self) -> str:
        return self.record.value(SCHEMA.text) or ""

    @strawberry.field(description="Position in the document (paragraph or block number).")
    def position(self) -> int | None:
        return _integer(self.record.value(SCHEMA.position))

    @strawberry.field(description="Layout kind: numbered-paragraph, question, tor-question, narrative …")
    def kind(self) -> str | None:
        return self.record.value(DCTERMS.type)

    @strawberry.field(description="Offset of the passage in the document's stored text.")
    def start(self) -> int | None:
        return self.start_offset()

    @strawberry.field(description="Offset just past the passage.")
    def end(self) -> int | None:
        return _integer(self.record.value(EG.endOffset))

    @strawberry.field(description="The printed page the passage starts on (documents with pages: PDF).")
    def page_start(self) -> int | None:
        return _integer(self.record.value(SCHEMA.pageStart))

    @strawberry.field(description="The printed page the passage ends on (documents with pages: PDF).")
    def page_end(self) -> int | None:
        return _integer(self.record.value(SCHEMA.pageEnd))

    @strawberry.field(description="The document (or part of a pack) the passage belongs to.")
    def document(self) -> Document | None:
        docs = _objects(self.views, self.iri, DCTERMS.isPartOf, Document)
        return docs[0] if docs else None

    @strawberry.field(description="Who speaks or writes the passage.")
    def speaker(self) -> Entity | None:
        authors = _objects(self.views, self.iri, SCHEMA.author)
        return authors[0] if authors else None

    @strawberry.field(description="The speaker's role here (committee, witness, narrative …).")
    def speaker_role(self) -> Role | None:
        roles = _objects(self.views, self.iri, EG.speakerRole, Role)
        return roles[0] if roles else None

    @strawberry.field(description="Themes of the terms of reference the passage addresses.")
    def themes(self) -> list[Theme]:
        found = {t.iri: t for p in (SCHEMA.about, DCTERMS.subject) for t in _objects(self.views, self.iri, p, Theme)}
        return [found[k] for k in sorted(found)]

    @strawberry.field(description="Claims read from the passage.")
    def claims(self) -> list[Claim]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.appearance, Claim), key=lambda c: c.iri)

    @strawberry.field(description="Figures stated in the passage.")
    def figures(self) -> list[Figure]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.appearance, Figure), key=lambda f: f.iri)


@entity_type("Passage")
class Passage(TextPassage):
    @strawberry.field(description="The committee question this passage answers.")
    def question(self) -> Question | None:
        found = _objects(self.views, self.iri, SCHEMA.parentItem, Question)
        return found[0] if found else None


@entity_type("Question")
class Question(TextPassage):
    @strawberry.field(description="The passages that answer it, in order.")
    def answers(self) -> list[Passage]:
        return _in_text_order(_objects(self.views, self.iri, SCHEMA.suggestedAnswer, Passage))  # type: ignore[return-value]


# -- documents --------------------------------------------------------------------------------------
@entity_type("Document")
class Document(Entity):
    @strawberry.field
    def title(self) -> str | None:
        return self.record.value(DCTERMS.title)

    @strawberry.field(description="Date of the document, where stated.")
    def date(self) -> str | None:
        return self.record.value(DCTERMS.date)

    @strawberry.field(description="Kind of document (agenda, minutes, written evidence …).")
    def kind(self) -> str | None:
        kinds = _objects(self.views, self.iri, DCTERMS.type)
        return kinds[0].label if kinds else None

    @strawberry.field(description="Parts of a pack, in order.")
    def parts(self) -> list[Document]:
        return sorted(_objects(self.views, self.iri, DCTERMS.hasPart, Document), key=lambda d: d.iri)

    @strawberry.field(description="The pack this document is part of.")
    def part_of(self) -> Document | None:
        found = _objects(self.views, self.iri, DCTERMS.isPartOf, Document)
        return found[0] if found else None

    @strawberry.field(description="Authors: committee, organisation or person.")
    def authors(self) -> list[Entity]:
        return _objects(self.views, self.iri, SCHEMA.author)

    @strawberry.field(description="What the document is about (a meeting, an agenda item …).")
    def about(self) -> list[Entity]:
        return _objects(self.views, self.iri, SCHEMA.about)

    @strawberry.field(description="Its passages and questions, in text order.")
    def passages(self, first: int | None = None, after: str | None = None,
                 last: int | None = None, before: str | None = None) -> Connection[TextPassage]:
        found = _in_text_order(_subjects(self.views, self.iri, DCTERMS.isPartOf, TextPassage))
        return paginate(found, lambda p: (p.start_offset() or 0, p.iri), PageRequest(first, after, last, before),
                        lambda p: p)


# -- people, organisations, posts ------------------------------------------------------------------------
def _spoken(views: GraphViews, iri: str, about: list[str] | None) -> list[TextPassage]:
    passages = _subjects(views, iri, SCHEMA.author, TextPassage)
    if about:
        wanted = set(about)
        passages = [p for p in passages
                    if wanted & {s.object for s in views.outgoing.get(p.iri, [])
                                 if s.predicate in (str(SCHEMA.about), str(DCTERMS.subject))}
                    or wanted & {s.object for c in views.subjects(p.iri, SCHEMA.appearance)
                                 for s in views.outgoing.get(c, []) if s.predicate == str(SCHEMA.about)}
                    or wanted & _question_themes(views, p.iri)]
    return _in_text_order(passages)


def _question_themes(views: GraphViews, iri: str) -> set[str]:
    """Themes of the question a passage answers (an answer addresses its question's theme)."""
    found: set[str] = set()
    for question in views.objects(iri, SCHEMA.parentItem):
        found.update(s.object for s in views.outgoing.get(question, [])
                     if s.predicate in (str(SCHEMA.about), str(DCTERMS.subject)))
    return found


@strawberry.interface(description="Who can speak, write and raise issues: a person, organisation or committee.")
class Agent(Entity):
    @strawberry.field(description="Passages they speak or write, in text order; `about` keeps those about "
                                  "the given themes, issues or entities (IRIs), directly, through a claim "
                                  "or through the question answered.")
    def passages(self, about: list[str] | None = None) -> list[TextPassage]:
        return _spoken(self.views, self.iri, about)

    @strawberry.field(description="Issues they raised.")
    def raised_issues(self) -> list[Issue]:
        return sorted(_objects(self.views, self.iri, EG.raisedIssue, Issue), key=lambda i: i.label)

    @strawberry.field(description="Claims they made.")
    def claims(self) -> list[Claim]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.author, Claim), key=lambda c: c.iri)


@entity_type("Person")
class Person(Agent):
    @strawberry.field
    def given_name(self) -> str | None:
        return self.record.value(SCHEMA.givenName)

    @strawberry.field
    def family_name(self) -> str | None:
        return self.record.value(SCHEMA.familyName)

    @strawberry.field(description="Mr, Mrs, Cllr, Dr …")
    def honorific(self) -> str | None:
        return self.record.value(SCHEMA.honorificPrefix)

    @strawberry.field(description="Posts the person holds.")
    def posts(self) -> list[Post]:
        return _objects(self.views, self.iri, ORG.holds, Post)

    @strawberry.field(description="Memberships: of committees and organisations, with post and role.")
    def memberships(self) -> list[Membership]:
        return _subjects(self.views, self.iri, ORG.member, Membership)

    @strawberry.field(description="Organisations and committees the person is a member of.")
    def organisations(self) -> list[Entity]:
        return _objects(self.views, self.iri, ORG.memberOf)

    @strawberry.field(description="Appearances as a witness or submitter.")
    def contributions(self) -> list[Contribution]:
        return _objects(self.views, self.iri, PCON.makesContribution, Contribution)


@entity_type("Organisation")
class Organisation(Agent):
    @strawberry.field(description="Kinds stated for it (e.g. local authority, charity).")
    def classification(self) -> list[str]:
        return self.record.values.get(str(ORG.classification), [])

    @strawberry.field(description="Names it had before (\"previously known as\").")
    def former_names(self) -> list[str]:
        return self.record.values.get(str(EG.formerName), [])

    @strawberry.field(description="Posts in the organisation.")
    def posts(self) -> list[Post]:
        return _subjects(self.views, self.iri, ORG.postIn, Post)

    @strawberry.field(description="Memberships of people in it, with post and role.")
    def memberships(self) -> list[Membership]:
        return _subjects(self.views, self.iri, ORG.organization, Membership)

    @strawberry.field(description="Its members.")
    def members(self) -> list[Person]:
        return _subjects(self.views, self.iri, ORG.memberOf, Person)

    @strawberry.field(description="Services it operates or commissions.")
    def services(self) -> list[Service]:
        found = {s.iri: s for p in (SCHEMA.serviceOperator, EG.commissionedBy)
                 for s in _subjects(self.views, self.iri, p, Service)}
        return [found[k] for k in sorted(found)]

    @strawberry.field(description="Organisations it belongs to.")
    def parents(self) -> list[Entity]:
        return _objects(self.views, self.iri, ORG.subOrganizationOf) + _objects(self.views, self.iri, ORG.unitOf)

    @strawberry.field(description="Its committees and units.")
    def units(self) -> list[Entity]:
        return _subjects(self.views, self.iri, ORG.subOrganizationOf) + _subjects(self.views, self.iri, ORG.unitOf)

    @strawberry.field(description="Places it serves.")
    def area_served(self) -> list[Place]:
        return _objects(self.views, self.iri, SCHEMA.areaServed, Place)

    @strawberry.field(description="Figures about it.")
    def figures(self) -> list[Figure]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.about, Figure), key=lambda f: f.iri)


@entity_type("Committee")
class Committee(Organisation):
    @strawberry.field(description="Its meetings, by date.")
    def meetings(self) -> list[Meeting]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.organizer, Meeting), key=lambda m: m.start_date() or "")


@entity_type("OrganisationalUnit")
class OrganisationalUnit(Organisation):
    pass


@entity_type("Post")
class Post(Entity):
    @strawberry.field(description="People who hold it.")
    def holders(self) -> list[Person]:
        return _subjects(self.views, self.iri, ORG.holds, Person)

    @strawberry.field(description="Organisations the post is in.")
    def organisations(self) -> list[Entity]:
        return _objects(self.views, self.iri, ORG.postIn)

    @strawberry.field(description="Memberships in this post.")
    def memberships(self) -> list[Membership]:
        return _subjects(self.views, self.iri, EG.post, Membership)


@entity_type("Membership")
class Membership(Entity):
    @strawberry.field
    def member(self) -> Person | None:
        found = _objects(self.views, self.iri, ORG.member, Person)
        return found[0] if found else None

    @strawberry.field(description="The organisation or committee.")
    def organisation(self) -> Entity | None:
        found = _objects(self.views, self.iri, ORG.organization)
        return found[0] if found else None

    @strawberry.field
    def post(self) -> Post | None:
        found = _objects(self.views, self.iri, EG.post, Post)
        return found[0] if found else None

    @strawberry.field(description="Role (member, chairman, witness …).")
    def role(self) -> Role | None:
        found = _objects(self.views, self.iri, ORG.role, Role)
        return found[0] if found else None


@entity_type("Contribution")
class Contribution(Entity):
    @strawberry.field(description="Who contributed.")
    def contributor(self) -> Person | None:
        found = _subjects(self.views, self.iri, PCON.makesContribution, Person)
        return found[0] if found else None

    @strawberry.field(description="oral-witness, written-submitter …")
    def role(self) -> Role | None:
        found = _objects(self.views, self.iri, PCON.hasContributionRole, Role)
        return found[0] if found else None

    @strawberry.field(description="The membership (post and organisation) they spoke or wrote for.")
    def capacity(self) -> Membership | None:
        found = _objects(self.views, self.iri, PCON.inCapacity, Membership)
        return found[0] if found else None

    @strawberry.field
    def agenda_item(self) -> AgendaItem | None:
        found = _objects(self.views, self.iri, EG.agendaItem, AgendaItem)
        return found[0] if found else None


# -- meetings ----------------------------------------------------------------------------------------------
@entity_type("Meeting")
class Meeting(Entity):
    def start_date(self) -> str | None:
        return self.record.value(SCHEMA.startDate)

    @strawberry.field(description="Date and time (ISO 8601).")
    def start(self) -> str | None:
        return self.start_date()

    @strawberry.field
    def name(self) -> str | None:
        return self.record.value(SCHEMA.name)

    @strawberry.field
    def location(self) -> Place | None:
        found = _objects(self.views, self.iri, SCHEMA.location, Place)
        return found[0] if found else None

    @strawberry.field
    def committee(self) -> Committee | None:
        found = _objects(self.views, self.iri, SCHEMA.organizer, Committee)
        return found[0] if found else None

    @strawberry.field(description="Agenda items, in order.")
    def items(self) -> list[AgendaItem]:
        return sorted(_objects(self.views, self.iri, SCHEMA.subEvent, AgendaItem),
                      key=lambda i: (i.number() or 0, i.iri))

    @strawberry.field(description="Members of the committee attending.")
    def members(self) -> list[Person]:
        return sorted(_objects(self.views, self.iri, SCHEMA.attendee, Person), key=lambda p: p.label)

    @strawberry.field(description="Witnesses heard at the items of the meeting.")
    def witnesses(self) -> list[Person]:
        found = {p.iri: p for item in _objects(self.views, self.iri, SCHEMA.subEvent, AgendaItem)
                 for p in _objects(self.views, item.iri, SCHEMA.attendee, Person)}
        return [found[k] for k in sorted(found)]

    @strawberry.field
    def contact_officer(self) -> Person | None:
        found = _objects(self.views, self.iri, EG.contactOfficer, Person)
        return found[0] if found else None

    @strawberry.field(description="Documents about the meeting (agenda pack, minutes).")
    def documents(self) -> list[Document]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.about, Document), key=lambda d: d.iri)


@entity_type("AgendaItem")
class AgendaItem(Entity):
    def number(self) -> int | None:
        return _integer(self.record.value(SCHEMA.position))

    @strawberry.field(name="number", description="Item number.")
    def item_number(self) -> int | None:
        return self.number()

    @strawberry.field
    def title(self) -> str | None:
        return self.record.value(SCHEMA.name)

    @strawberry.field(description="Start time (ISO 8601), where the agenda gives one.")
    def start(self) -> str | None:
        return self.record.value(SCHEMA.startDate)

    @strawberry.field(description="Pages of the pack it refers to.")
    def pages(self) -> str | None:
        return self.record.value(EG.pages)

    @strawberry.field
    def meeting(self) -> Meeting | None:
        found = _objects(self.views, self.iri, SCHEMA.superEvent, Meeting)
        return found[0] if found else None

    @strawberry.field(description="Witnesses heard under the item.")
    def witnesses(self) -> list[Person]:
        return _objects(self.views, self.iri, SCHEMA.attendee, Person)

    @strawberry.field(description="Organisations and subjects of the item.")
    def about(self) -> list[Entity]:
        return _objects(self.views, self.iri, SCHEMA.about)

    @strawberry.field(description="Contributions (oral, written) made under the item.")
    def contributions(self) -> list[Contribution]:
        return _subjects(self.views, self.iri, EG.agendaItem, Contribution)


# -- services, programmes, frameworks, legislation, places ------------------------------------------------
@entity_type("Service")
class Service(Entity):
    @strawberry.field(description="Who commissions (buys) the service: eg:commissionedBy.")
    def commissioners(self) -> list[Organisation]:
        return _objects(self.views, self.iri, EG.commissionedBy, Organisation)

    @strawberry.field(description="Who commissions the service.",
                      deprecation_reason="it named the commissioner; use commissioners (and operators for "
                                         "who delivers it)")
    def providers(self) -> list[Organisation]:
        return self.commissioners()

    @strawberry.field(description="Who delivers it.")
    def operators(self) -> list[Organisation]:
        return _objects(self.views, self.iri, SCHEMA.serviceOperator, Organisation)

    @strawberry.field
    def area_served(self) -> list[Place]:
        return sorted(_objects(self.views, self.iri, SCHEMA.areaServed, Place), key=lambda p: p.label)

    @strawberry.field(description="Figures about the service.")
    def figures(self) -> list[Figure]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.about, Figure), key=lambda f: f.iri)


@entity_type("Programme")
class Programme(Entity):
    pass


@entity_type("Framework")
class Framework(Entity):
    pass


@entity_type("Legislation")
class Legislation(Entity):
    @strawberry.field
    def identifier(self) -> str | None:
        return self.record.value(SCHEMA.legislationIdentifier)


@entity_type("Place")
class Place(Entity):
    @strawberry.field(description="Kind of place (district, town, building …).")
    def place_type(self) -> str | None:
        return next((place_type_name(s.object) for s in self.views.outgoing.get(self.iri, [])
                     if s.predicate == str(SCHEMA.additionalType) and place_type_name(s.object)), None)

    @strawberry.field
    def contained_in(self) -> list[Place]:
        return _objects(self.views, self.iri, SCHEMA.containedInPlace, Place)

    @strawberry.field(description="Services and organisations serving the place.")
    def served_by(self) -> list[Entity]:
        return _subjects(self.views, self.iri, SCHEMA.areaServed)


# -- concepts ------------------------------------------------------------------------------------------------
@entity_type("Issue")
class Issue(Entity):
    @strawberry.field(description="Who raised it.")
    def raised_by(self) -> list[Agent]:
        return sorted(_subjects(self.views, self.iri, EG.raisedIssue, Agent), key=lambda a: a.label)

    @strawberry.field(description="Claims about the issue, with their passages and quotes.")
    def claims(self) -> list[Claim]:
        return sorted(_subjects(self.views, self.iri, SCHEMA.about, Claim), key=lambda c: c.iri)


@entity_type("Theme")
class Theme(Entity):
    @strawberry.field(description="Its letter or number in the terms of reference.")
    def notation(self) -> str | None:
        return self.record.value(SKOS.notation)

    @strawberry.field(description="The theme as the terms of reference word it.")
    def definition(self) -> str | None:
        return self.record.value(SKOS.definition)

    @strawberry.field(description="Questions under the theme: set in the terms of reference, or asked in a "
                                  "hearing and tagged with it.")
    def questions(self) -> list[Question]:
        found = {q.iri: q for p in (SCHEMA.about, DCTERMS.subject)
                 for q in _subjects(self.views, self.iri, p, Question)}
        return _in_text_order(list(found.values()))  # type: ignore[return-value]

    @strawberry.field(description="Passages that address the theme (directly, or by answering one of its "
                                  "questions), in text order; `speaker` keeps one speaker's (IRI).")
    def passages(self, speaker: str | None = None) -> list[TextPassage]:
        views = self.views
        found: dict[str, TextPassage] = {}
        for predicate in (SCHEMA.about, DCTERMS.subject):
            for passage in _subjects(self.views, self.iri, predicate, TextPassage):
                found[passage.iri] = passage
        for question in list(found.values()):
            if isinstance(question, Question):
                for answer in _objects(self.views, question.iri, SCHEMA.suggestedAnswer, Passage):
                    found[answer.iri] = answer
        passages = list(found.values())
        if speaker:
            passages = [p for p in passages if speaker in views.objects(p.iri, SCHEMA.author)]
        return _in_text_order(passages)


@entity_type("Concept")
class Concept(Entity):
    @strawberry.field
    def scheme(self) -> ConceptScheme | None:
        found = _objects(self.views, self.iri, SKOS.inScheme, ConceptScheme)
        return found[0] if found else None


@entity_type("Role")
class Role(Concept):
    pass


@entity_type("ConceptScheme")
class ConceptScheme(Entity):
    @strawberry.field
    def concepts(self) -> list[Entity]:
        return sorted(_subjects(self.views, self.iri, SKOS.inScheme), key=lambda c: c.label)


@entity_type("Inquiry")
class Inquiry(Entity):
    @strawberry.field
    def committee(self) -> Committee | None:
        found = _objects(self.views, self.iri, SCHEMA.organizer, Committee)
        return found[0] if found else None

    @strawberry.field
    def terms_of_reference(self) -> Document | None:
        found = _objects(self.views, self.iri, EG.termsOfReference, Document)
        return found[0] if found else None


# -- figures and claims ------------------------------------------------------------------------------------
@entity_type("Figure")
class Figure(Entity):
    @strawberry.field(description="The value (null for a range).")
    def value(self) -> float | None:
        return _number(self.record.value(SCHEMA.value))

    @strawberry.field(description="Lower bound of a range.")
    def min_value(self) -> float | None:
        return _number(self.record.value(SCHEMA.minValue))

    @strawberry.field(description="Upper bound of a range.")
    def max_value(self) -> float | None:
        return _number(self.record.value(SCHEMA.maxValue))

    @strawberry.field(description="ISO 4217 currency of a monetary amount.")
    def currency(self) -> str | None:
        return self.record.value(SCHEMA.currency)

    @strawberry.field(description="Unit of a quantity (percent, children …).")
    def unit(self) -> str | None:
        return self.record.value(SCHEMA.unitText)

    @strawberry.field(description="What the figure measures, in the document's words.")
    def measure(self) -> str | None:
        return self.record.value(EG.measure)

    @strawberry.field(description="The figure as written.")
    def text(self) -> str | None:
        return self.record.value(SCHEMA.description)

    @strawberry.field(description="True for \"about\", \"around\", \"c.\" figures.")
    def approximate(self) -> bool:
        return self.record.value(EG.approximate) == "true"

    @strawberry.field(description="What the figure is about (a service, an organisation …).")
    def about(self) -> list[Entity]:
        return _objects(self.views, self.iri, SCHEMA.about)

    @strawberry.field(description="The passage stating it.")
    def passage(self) -> TextPassage | None:
        found = _objects(self.views, self.iri, SCHEMA.appearance, TextPassage)
        return found[0] if found else None

    @strawberry.field(description="The exact quote of the figure.")
    def quote(self) -> Evidence | None:
        return _quote_of(self.views, self.record)

    @strawberry.field(description="An earlier statement of the same figure that this one repeats.")
    def restates(self) -> Figure | None:
        found = _objects(self.views, self.iri, EG.restates, Figure)
        return found[0] if found else None


@entity_type("Claim")
class Claim(Entity):
    @strawberry.field
    def text(self) -> str:
        return self.record.value(SCHEMA.text) or self.label

    @strawberry.field(description="Who made the claim.")
    def author(self) -> Entity | None:
        found = _objects(self.views, self.iri, SCHEMA.author)
        return found[0] if found else None

    @strawberry.field(description="Issues, themes and entities it is about.")
    def about(self) -> list[Entity]:
        return _objects(self.views, self.iri, SCHEMA.about)

    @strawberry.field(description="fact, opinion, recommendation …")
    def claim_type(self) -> str | None:
        found = _objects(self.views, self.iri, EG.claimType)
        return found[0].label if found else None

    @strawberry.field(description="Date the claim refers to, where stated (e.g. \"since 1995\").")
    def date(self) -> str | None:
        return self.record.value(SCHEMA.startDate)

    @strawberry.field(description="The passage it was read from.")
    def passage(self) -> TextPassage | None:
        found = _objects(self.views, self.iri, SCHEMA.appearance, TextPassage)
        return found[0] if found else None

    @strawberry.field(description="The exact quote of the sentence.")
    def quote(self) -> Evidence | None:
        return _quote_of(self.views, self.record)


#: Every object type, for the schema's ``types=`` (interfaces' implementers must be listed).
ALL_TYPES: tuple[type, ...] = (GenericEntity, *ENTITY_CLASSES.values(), Statement)
