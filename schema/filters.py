"""Typed filters and sort orders for entity lists.

A filter is a tree of ``AND``/``OR``/``NOT`` over leaf conditions; every condition given on one
filter object must hold (they are ANDed), as in Neo4j's and Ontotext's ``where`` inputs.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum

import strawberry

from evidence_graph.graph.iris import document_graph_of
from evidence_graph.graph.views import GraphViews, NodeRecord
from evidence_graph.schema.errors import QueryLimitError
from evidence_graph.schema.limits import MAX_TEXT_LENGTH, check_argument_sizes

#: Most filter objects one ``where`` may hold, nested ones included (each is tested on every entity).
MAX_FILTER_CONDITIONS = 64


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


def check_filter(where: EntityFilter) -> None:
    """Refuse a filter too large to test on every entity (read iteratively: it may nest deeply).

    Parameters
    ----------
    where : EntityFilter

    Raises
    ------
    QueryLimitError
        More than :data:`MAX_FILTER_CONDITIONS` filter objects, or a list or text over the caps
        of :func:`schema.limits.check_argument_sizes`.

    Examples
    --------
    >>> check_filter(EntityFilter(or_=[EntityFilter(type=["Person"]), EntityFilter(type=["Place"])]))
    >>> deep = EntityFilter()
    >>> for _ in range(100):
    ...     deep = EntityFilter(not_=deep)
    >>> check_filter(deep)
    Traceback (most recent call last):
    ...
    evidence_graph.schema.errors.QueryLimitError: where: more than 64 filter objects; combine conditions on fewer ...
    """
    pending, seen = [where], 0
    while pending:
        current = pending.pop()
        seen += 1
        if seen > MAX_FILTER_CONDITIONS:
            raise QueryLimitError(f"where: more than {MAX_FILTER_CONDITIONS} filter objects; combine conditions "
                                  f"on fewer objects")
        check_argument_sizes("where", type=current.type, iri=current.iri, inGraph=current.in_graph,
                             inDocument=current.in_document, relatedTo=current.related_to)
        for text in (current.label, current.name):
            if text is not None and any(v is not None and len(v) > MAX_TEXT_LENGTH
                                        for v in (text.equals, text.contains, text.starts_with)):
                raise QueryLimitError(f"where: a text condition is longer than {MAX_TEXT_LENGTH:,} characters")
        pending.extend(current.and_ or ())
        pending.extend(current.or_ or ())
        if current.not_ is not None:
            pending.append(current.not_)


def matcher(views: GraphViews, where: EntityFilter) -> Callable[[NodeRecord], bool]:
    """A test of nodes against ``where``, its value lists made sets once (not once per node).

    Parameters
    ----------
    views : GraphViews
    where : EntityFilter
        A filter :func:`check_filter` accepts.

    Returns
    -------
    callable
        True for a node that meets the filter.
    """
    types = set(where.type) if where.type is not None else None
    iris = set(where.iri) if where.iri is not None else None
    graphs = set(where.in_graph) if where.in_graph is not None else None
    documents = {document_graph_of(d) for d in where.in_document} if where.in_document is not None else None
    related = set(where.related_to) if where.related_to is not None else None
    every = [matcher(views, w) for w in where.and_] if where.and_ is not None else None
    some = [matcher(views, w) for w in where.or_] if where.or_ is not None else None
    negated = matcher(views, where.not_) if where.not_ is not None else None

    def test(record: NodeRecord) -> bool:
        if types is not None and record.type not in types:
            return False
        if iris is not None and record.iri not in iris:
            return False
        if where.label is not None and not where.label.matches(record.label):
            return False
        if where.name is not None and not any(where.name.matches(n) for n in (record.label, *record.aliases)):
            return False
        if graphs is not None and entity_graphs(views, record).isdisjoint(graphs):
            return False
        if documents is not None and entity_graphs(views, record).isdisjoint(documents):
            return False
        if related is not None:
            neighbours = {s.object for s in views.outgoing.get(record.iri, [])}
            neighbours.update(s.subject for s in views.incoming.get(record.iri, []))
            if neighbours.isdisjoint(related):
                return False
        if every is not None and not all(t(record) for t in every):
            return False
        if some is not None and not any(t(record) for t in some):
            return False
        return not (negated is not None and negated(record))

    return test


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
    return matcher(views, where)(record)


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
