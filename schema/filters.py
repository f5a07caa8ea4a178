"""Typed filters and sort orders for entity lists.

A filter is a tree of ``AND``/``OR``/``NOT`` over leaf conditions; every condition given on one
filter object must hold (they are ANDed), as in Neo4j's and Ontotext's ``where`` inputs.
"""

from __future__ import annotations

from enum import Enum

import strawberry

from graph.iris import document_graph_of
from graph.views import GraphViews, NodeRecord


@strawberry.input(description="Conditions on a text value; matching ignores case.")
class TextMatch:
    equals: str | None = None
    contains: str | None = None
    starts_with: str | None = None

    def matches(self, value: str) -> bool:
        """True if ``value`` meets every condition given."""
        folded = value.casefold()
        return ((self.equals is None or folded == self.equals.casefold())
                and (self.contains is None or self.contains.casefold() in folded)
                and (self.starts_with is None or folded.startswith(self.starts_with.casefold())))


@strawberry.input(description="Which entities to keep. Conditions on one object must all hold; combine "
                              "objects with AND, OR and NOT.")
class EntityFilter:
    and_: list[EntityFilter] | None = strawberry.field(name="AND", default=None)
    or_: list[EntityFilter] | None = strawberry.field(name="OR", default=None)
    not_: EntityFilter | None = strawberry.field(name="NOT", default=None)
    label: TextMatch | None = strawberry.field(default=None, description="The preferred label.")
    name: TextMatch | None = strawberry.field(default=None, description="The label or any alias.")
    type: list[str] | None = strawberry.field(default=None, description="Type names (Person, Organisation …).")
    iri: list[str] | None = None
    in_graph: list[str] | None = strawberry.field(
        default=None, description="Named graphs (IRIs) that state something about the entity.")
    in_document: list[str] | None = strawberry.field(
        default=None, description="Documents (IRIs) whose graph states something about the entity; a part "
                                  "of a pack counts as its pack.")
    related_to: list[str] | None = strawberry.field(
        default=None, description="Entities (IRIs) it has a statement with, in either direction.")


def entity_graphs(views: GraphViews, record: NodeRecord) -> set[str]:
    """Named graphs that type the node, hold a statement about it or mention it."""
    found = set(record.graphs)
    found.update(e.graph for e in views.annotations.get(record.iri, []))
    found.update(s.graph for s in views.outgoing.get(record.iri, []))
    found.update(s.graph for s in views.incoming.get(record.iri, []))
    return found


def matches(views: GraphViews, record: NodeRecord, where: EntityFilter) -> bool:
    """True if the node meets the filter.

    Parameters
    ----------
    views : GraphViews
    record : NodeRecord
        The node.
    where : EntityFilter

    Returns
    -------
    bool
    """
    if where.type is not None and record.type not in where.type:
        return False
    if where.iri is not None and record.iri not in where.iri:
        return False
    if where.label is not None and not where.label.matches(record.label):
        return False
    if where.name is not None and not any(where.name.matches(n) for n in (record.label, *record.aliases)):
        return False
    if where.in_graph is not None and not entity_graphs(views, record) & set(where.in_graph):
        return False
    if where.in_document is not None and \
            not entity_graphs(views, record) & {document_graph_of(d) for d in where.in_document}:
        return False
    if where.related_to is not None:
        neighbours = {s.object for s in views.outgoing.get(record.iri, [])}
        neighbours.update(s.subject for s in views.incoming.get(record.iri, []))
        if not neighbours & set(where.related_to):
            return False
    if where.and_ is not None and not all(matches(views, record, w) for w in where.and_):
        return False
    if where.or_ is not None and not any(matches(views, record, w) for w in where.or_):
        return False
    return not (where.not_ is not None and matches(views, record, where.not_))


@strawberry.enum(description="What to sort entities by.")
class SortField(Enum):
    LABEL = "LABEL"
    IRI = "IRI"
    DEGREE = "DEGREE"
    CENTRALITY = "CENTRALITY"


@strawberry.enum
class SortDirection(Enum):
    ASC = "ASC"
    DESC = "DESC"
