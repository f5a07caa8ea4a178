"""The GraphQL schema of Evidence Graph (code-first Strawberry).

``build_schema()`` assembles the root ``Query`` from :mod:`schema.query` (look-ups, typed lists,
search) and :mod:`schema.algorithms` (paths, centrality, communities, neighbourhoods) with the
limits of :mod:`schema.limits`; query operations run by compiled plans (:mod:`schema.compiled`).
``schema.graphql`` at the top of the repository is its SDL.
"""

from __future__ import annotations

from collections.abc import Callable

import strawberry
from graphql import GraphQLError
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types
from strawberry.types import ExecutionContext

from evidence_graph.schema.algorithms import AlgorithmQuery
from evidence_graph.schema.compiled import planned_executor_class
from evidence_graph.schema.context import LATEST_GRAPH_SIZE, GraphSize
from evidence_graph.schema.errors import add_codes
from evidence_graph.schema.exports import ExportQuery
from evidence_graph.schema.limits import QueryLimits, limit_extensions
from evidence_graph.schema.mutations import Mutation
from evidence_graph.schema.query import Query
from evidence_graph.schema.types import ALL_TYPES


class EvidenceSchema(strawberry.Schema):
    """Strawberry's schema, every error given its ``extensions.code`` (:mod:`schema.errors`).

    ``process_errors`` runs on every error before it is formatted, on Strawberry's path and on
    the server's direct answers alike, so both answer with the same codes.
    """

    def process_errors(self, errors: list[GraphQLError], execution_context: ExecutionContext | None = None) -> None:
        add_codes(errors)
        super().process_errors(errors, execution_context)


def build_schema(limits: QueryLimits | None = None, compiled: bool = True,
                 graph_size: Callable[[], GraphSize] = LATEST_GRAPH_SIZE) -> EvidenceSchema:
    """The schema with its limits.

    Parameters
    ----------
    limits : QueryLimits, optional
        Depth, token, alias and cost limits and cache sizes (defaults: :class:`QueryLimits`).
    compiled : bool, optional
        Run query operations by compiled plans, kept per operation in a cache of
        ``limits.cache_size`` entries (default). False runs every operation on graphql-core's
        executor (the reference the plans are tested against).
    graph_size : callable, optional
        The size of the graph algorithm fields are costed on when a request's context has no
        snapshot (default: the graph the most recent :class:`schema.context.GraphState` serves).

    Returns
    -------
    EvidenceSchema

    Examples
    --------
    >>> schema = build_schema()
    >>> "shortestPath" in schema.as_str()
    True
    >>> schema.execute_sync("{ nope }").errors[0].formatted["extensions"]
    {'code': 'GRAPHQL_VALIDATION_FAILED'}
    """
    limits = limits or QueryLimits()
    root = merge_types("Query", (Query, AlgorithmQuery, ExportQuery))
    return EvidenceSchema(query=root, mutation=Mutation, types=list(ALL_TYPES),
                          extensions=limit_extensions(limits, graph_size),
                          config=StrawberryConfig(relay_max_results=100),
                          execution_context_class=planned_executor_class(limits.cache_size if compiled else 0))


__all__ = ["EvidenceSchema", "build_schema"]
