"""The GraphQL schema of Evidence Graph (code-first Strawberry).

``build_schema()`` assembles the root ``Query`` from :mod:`schema.query` (look-ups, typed lists,
search) and :mod:`schema.algorithms` (paths, centrality, communities, neighbourhoods) with the
limits of :mod:`schema.limits`; query operations run by compiled plans (:mod:`schema.compiled`).
``schema.graphql`` at the top of the repository is its SDL.
"""

from __future__ import annotations

import strawberry
from strawberry.schema.config import StrawberryConfig
from strawberry.tools import merge_types

from schema.algorithms import AlgorithmQuery
from schema.compiled import planned_executor_class
from schema.limits import QueryLimits, limit_extensions
from schema.query import Query
from schema.types import ALL_TYPES


def build_schema(limits: QueryLimits | None = None, compiled: bool = True) -> strawberry.Schema:
    """The schema with its limits.

    Parameters
    ----------
    limits : QueryLimits, optional
        Depth, token, alias and cost limits and cache sizes (defaults: :class:`QueryLimits`).
    compiled : bool, optional
        Run query operations by compiled plans, kept per operation in a cache of
        ``limits.cache_size`` entries (default). False runs every operation on graphql-core's
        executor (the reference the plans are tested against).

    Returns
    -------
    strawberry.Schema

    Examples
    --------
    >>> "shortestPath" in build_schema().as_str()
    True
    """
    limits = limits or QueryLimits()
    root = merge_types("Query", (Query, AlgorithmQuery))
    return strawberry.Schema(query=root, types=list(ALL_TYPES), extensions=limit_extensions(limits),
                             config=StrawberryConfig(relay_max_results=100),
                             execution_context_class=planned_executor_class(limits.cache_size if compiled else 0))


__all__ = ["build_schema"]
