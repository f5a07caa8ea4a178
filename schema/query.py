"""The root ``Query`` type: look-ups, typed lists with filters and sorting, and search.

Graph algorithms (paths, centrality, communities, neighbourhoods) are in
:mod:`schema.algorithms`; both read the request's snapshot of the views.
"""

from __future__ import annotations

from typing import Any

import strawberry
from strawberry import Info

from evidence_graph.graph.lru import BoundedLRU
from evidence_graph.graph.views import GraphViews, NodeRecord
from evidence_graph.schema.algorithms import CentralityAlgorithm, centrality_scores
from evidence_graph.schema.errors import QueryInputError, QueryLimitError
from evidence_graph.schema.filters import EntityFilter, SortDirection, SortField, check_filter, matcher
from evidence_graph.schema.limits import check_argument_sizes
from evidence_graph.schema.pagination import PAGE_CAP, Connection, Descending, PageRequest, paginate
from evidence_graph.schema.types import (
    ENTITY_CLASSES,
    AgendaItem,
    Claim,
    Committee,
    Contribution,
    Document,
    Entity,
    Figure,
    Framework,
    Issue,
    Legislation,
    Meeting,
    Membership,
    Node,
    Organisation,
    Passage,
    Person,
    Place,
    Post,
    Programme,
    Question,
    Service,
    Theme,
    entity_of,
    parse_global_id,
    statement_object,
)

#: Most sort keys one list may be sorted by (four fields: more only repeat one).
MAX_SORT_KEYS = 4
#: Sorted entity lists kept per graph version, by type and sort order (each holds every entity of
#: its types): bounded, as a client may ask for many orders.
ENTITY_ORDERS = 64
#: Bytes charged per entity of a kept order (its record reference and its sort key).
_ORDER_BYTES_PER_ENTITY = 200


@strawberry.input(description="One sort key; ties fall back to the label, then the IRI.")
class EntitySort:
    field: SortField
    direction: SortDirection = SortDirection.ASC
    algorithm: CentralityAlgorithm = strawberry.field(default=CentralityAlgorithm.PAGERANK,
                                                      description="With field CENTRALITY: the measure.")


def _sort_key(views: GraphViews, sorts: list[EntitySort], scores: dict[CentralityAlgorithm, dict[str, float]]) -> Any:
    def key(record: NodeRecord) -> tuple[Any, ...]:
        parts: list[Any] = []
        for sort in sorts:
            if sort.field is SortField.LABEL:
                value: Any = record.label.casefold()
            elif sort.field is SortField.IRI:
                value = record.iri
            elif sort.field is SortField.DEGREE:
                value = views.degree(record.iri)
            else:
                value = round(scores[sort.algorithm].get(record.iri, 0.0), 12)
            parts.append(Descending(value) if sort.direction is SortDirection.DESC else value)
        return (*parts, record.label.casefold(), record.iri)
    return key


async def entity_page(info: Info, type_names: tuple[str, ...] | None, where: EntityFilter | None,
                      sort: list[EntitySort] | None, page: PageRequest) -> Connection[Any]:
    """A page of entities of some types, filtered and sorted.

    Parameters
    ----------
    info : Info
        The request (its context holds the snapshot).
    type_names : tuple of str or None
        Node type names to list (None: every entity).
    where : EntityFilter or None
    sort : list of EntitySort or None
        Sort keys, most significant first (default: label).
    page : PageRequest

    Returns
    -------
    Connection
        Edges carry the centrality score when the first sort key is CENTRALITY.
    """
    views: GraphViews = info.context.views
    if sort is not None and len(sort) > MAX_SORT_KEYS:
        raise QueryLimitError(f"sort: {len(sort)} keys are above the limit of {MAX_SORT_KEYS}")
    if where is not None:
        check_filter(where)
    sorts = sort or [EntitySort(field=SortField.LABEL)]
    scores: dict[CentralityAlgorithm, dict[str, float]] = {}
    for s in sorts:
        if s.field is SortField.CENTRALITY and s.algorithm not in scores:
            scores[s.algorithm] = await centrality_scores(info, s.algorithm)
    key = _sort_key(views, sorts, scores)
    # The sorted list cannot change while the graph does not: keep it with the snapshot.
    orders = info.context.snapshot.memo.get("entity-orders")
    if orders is None:
        orders = info.context.snapshot.memo.setdefault("entity-orders", BoundedLRU(
            ENTITY_ORDERS, ENTITY_ORDERS * _ORDER_BYTES_PER_ENTITY * max(len(views.nodes), 1),
            sizeof=lambda found: _ORDER_BYTES_PER_ENTITY * len(found[0])))
    memo_key = (type_names, tuple((s.field, s.direction, s.algorithm) for s in sorts))
    ordered = orders.get(memo_key)
    if ordered is None:
        iris = sorted(views.nodes) if type_names is None else \
            [iri for name in type_names for iri in views.by_type.get(name, [])]
        records = sorted((views.nodes[iri] for iri in iris), key=key)
        ordered = (records, [key(r) for r in records])
        orders.put(memo_key, ordered)
    records, keys = ordered
    if where is not None:
        test = matcher(views, where)
        kept = [i for i, r in enumerate(records) if test(r)]
        records, keys = [records[i] for i in kept], [keys[i] for i in kept]
    first_scores = scores.get(sorts[0].algorithm) if sorts[0].field is SortField.CENTRALITY else None
    return paginate(records, key, page, lambda r: entity_of(views, r.iri),
                    (lambda r: first_scores.get(r.iri, 0.0)) if first_scores is not None else None, keys=keys)


def _typed_list(type_names: tuple[str, ...], cls: type, description: str) -> Any:
    """A root field listing one kind of entity as a connection."""
    async def resolve(info: Info, where: EntityFilter | None = None, sort: list[EntitySort] | None = None,
                      first: int | None = None, after: str | None = None, last: int | None = None,
                      before: str | None = None) -> Any:
        return await entity_page(info, type_names, where, sort, PageRequest(first, after, last, before))
    return strawberry.field(resolver=resolve, graphql_type=Connection[cls], description=description)


@strawberry.type(description="A search hit: the node, its rank score and a highlighted snippet.")
class SearchHit:
    node: Entity
    score: float = strawberry.field(description="BM25 rank (higher is better; names weigh most).")
    snippet: str = strawberry.field(description="The matching text with hits in [brackets].")
    matched_in: str = strawberry.field(description="name, alias or text.")


@strawberry.type
class Query:
    @strawberry.field(description="A node by its global id.")
    def node(self, info: Info, id: strawberry.ID) -> Node | None:
        return resolve_node(info, id)

    @strawberry.field(description="Nodes by their global ids (null for an id that names nothing).")
    def nodes(self, info: Info, ids: list[strawberry.ID]) -> list[Node | None]:
        if len(ids) > PAGE_CAP:
            raise QueryLimitError(f"nodes: {len(ids)} ids are above the page cap of {PAGE_CAP}")
        check_argument_sizes("nodes", ids=ids)
        return [resolve_node(info, i) for i in ids]

    @strawberry.field(description="An entity by its IRI.")
    def entity(self, info: Info, iri: str) -> Entity | None:
        return entity_of(info.context.views, iri)

    @strawberry.field(description="Every entity, filtered and sorted.")
    async def entities(self, info: Info, where: EntityFilter | None = None, sort: list[EntitySort] | None = None,
                       first: int | None = None, after: str | None = None, last: int | None = None,
                       before: str | None = None) -> Connection[Entity]:
        return await entity_page(info, None, where, sort, PageRequest(first, after, last, before))

    people = _typed_list(("Person",), Person, "People.")
    organisations = _typed_list(("Organisation", "Committee", "OrganisationalUnit"), Organisation,
                                "Organisations, committees and units.")
    committees = _typed_list(("Committee",), Committee, "Committees.")
    posts = _typed_list(("Post",), Post, "Posts.")
    memberships = _typed_list(("Membership",), Membership, "Memberships.")
    contributions = _typed_list(("Contribution",), Contribution, "Witness appearances and submissions.")
    meetings = _typed_list(("Meeting",), Meeting, "Meetings.")
    agenda_items = _typed_list(("AgendaItem",), AgendaItem, "Agenda items.")
    documents = _typed_list(("Document",), Document, "Documents and parts of packs.")
    passages = _typed_list(("Passage",), Passage, "Passages (paragraphs, blocks).")
    questions = _typed_list(("Question",), Question, "Questions.")
    services = _typed_list(("Service",), Service, "Services.")
    programmes = _typed_list(("Programme",), Programme, "Programmes and reviews.")
    frameworks = _typed_list(("Framework",), Framework, "Procurement frameworks.")
    legislation = _typed_list(("Legislation",), Legislation, "Acts and regulations.")
    issues = _typed_list(("Issue",), Issue, "Issues raised in evidence.")
    themes = _typed_list(("Theme",), Theme, "Themes of terms of reference.")
    places = _typed_list(("Place",), Place, "Places.")
    figures = _typed_list(("Figure",), Figure, "Figures.")
    claims = _typed_list(("Claim",), Claim, "Claims.")

    @strawberry.field(description="Full-text search over names, aliases and passage text, ranked.")
    def search(self, info: Info, text: str, types: list[str] | None = None, first: int | None = None,
               after: str | None = None) -> Connection[SearchHit]:
        views: GraphViews = info.context.views
        check_argument_sizes("search", types=types)
        unknown = sorted(set(types or []) - set(views.by_type) - set(ENTITY_CLASSES))
        if unknown:
            raise QueryInputError(f"search: unknown type(s) {', '.join(unknown)}; "
                                  f"use type names such as Person, Organisation, Passage")
        hits = [h for h in views.search.search(text, types, limit=1000) if h.iri in views.nodes]
        return paginate(hits, lambda h: (Descending(h.score), h.iri), PageRequest(first, after),
                        lambda h: SearchHit(node=entity_of(views, h.iri), score=h.score, snippet=h.snippet,
                                            matched_in=h.field),
                        lambda h: h.score)


def resolve_node(info: Info, value: str) -> Node | None:
    """The node (entity or statement) a global id names, or None."""
    type_name, local = parse_global_id(value)
    views: GraphViews = info.context.views
    if type_name == "Statement":
        record = views.statements.get(local)
        return statement_object(views, record) if record is not None else None
    found = entity_of(views, local)
    if found is not None and found.iri != local:
        return found  # the id of an entity merged into another: the kept one answers
    return found if found is not None and found.id() == value else None
