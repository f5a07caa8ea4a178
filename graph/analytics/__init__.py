"""Graph algorithms over the entity projection of :class:`graph.views.GraphViews`: paths,
centrality, communities and neighbourhoods, with caps, budgets, deadlines and a per-version
cache, laid out as networkx lays out its algorithms, one module per family:

* :mod:`~graph.analytics.paths` — shortest paths, k shortest paths and ties;
* :mod:`~graph.analytics.centrality` — DEGREE, PAGERANK, BETWEENNESS, CLOSENESS, EIGENVECTOR;
* :mod:`~graph.analytics.communities` — LOUVAIN, LABEL_PROPAGATION, GREEDY_MODULARITY, components;
* :mod:`~graph.analytics.neighbourhood` — the subgraph within some hops of seeds;
* :mod:`~graph.analytics.budgets` — caps, node limits, concurrency limits and :func:`estimate`;
* :mod:`~graph.analytics.deadline` — the :class:`Deadline` every long loop checks (and why);
* :mod:`~graph.analytics.facade` — :class:`GraphAnalytics`: cached, shared, limited, stoppable;
* :mod:`~graph.analytics.records`, :mod:`~graph.analytics.errors` — answers and errors;
* :mod:`~graph.analytics.parameters`, :mod:`~graph.analytics.projection` — what they share.

Every function only reads the views, so concurrent calls are safe. The caps and limits are
read at call time from :mod:`graph.analytics.budgets`: tune them there (the names re-exported
here are copies of their values at import).

Decisions that shape the answers
--------------------------------
* **Paths** walk the multigraph itself. ``direction`` "OUT" follows statements from subject to
  object, "IN" from object to subject, "BOTH" either way.
* **Centrality** is computed on a simple graph of the statements allowed by ``graphs`` and
  ``predicates``; ``types`` only chooses which nodes are ranked.
* **Named graphs**: restricted to ``graphs``, an algorithm sees the statements in those graphs,
  the nodes typed in them and the ends of those statements; an IRI that names no graph simply
  gives an empty answer.
* **Communities** are found on the undirected simple graph; ``types`` keeps only members of
  those types in the answer, and the modularity is that of the whole partition.
* **Caps and budgets** refuse a request with :class:`AnalyticsLimitError` rather than run for
  minutes; nonsense parameters raise :class:`AnalyticsInputError`. Both are ``ValueError``;
  :class:`AnalyticsError` is their base. A computation past its deadline raises
  :class:`AnalyticsTimeoutError`; a family with no free slot :class:`AnalyticsBusyError`.
"""

from __future__ import annotations

from evidence_graph.graph.analytics import budgets
from evidence_graph.graph.analytics.budgets import (
    BETWEENNESS_SAMPLE_SOURCES,
    CONCURRENCY,
    EIGENVECTOR_MAX_ITER,
    EXACT_BETWEENNESS_NODE_LIMIT,
    FAMILIES,
    MAX_EXPLORED_PATHS,
    MAX_K,
    MAX_NEIGHBOURHOOD_HOPS,
    MAX_NEIGHBOURHOOD_NODES,
    MAX_PATH_LENGTH,
    MAX_TIED_PATHS,
    NODE_LIMITS,
    PAGERANK_MAX_ITER,
    estimate,
)
from evidence_graph.graph.analytics.centrality import DEFAULT_CENTRALITY_DIRECTION, PAGERANK_DAMPING, centrality
from evidence_graph.graph.analytics.communities import communities
from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.analytics.errors import (
    AnalyticsBusyError,
    AnalyticsCancelledError,
    AnalyticsConvergenceError,
    AnalyticsError,
    AnalyticsInputError,
    AnalyticsLimitError,
    AnalyticsTimeoutError,
)
from evidence_graph.graph.analytics.facade import LIMITER, GraphAnalytics, Limiter, Ticket
from evidence_graph.graph.analytics.neighbourhood import neighbourhood
from evidence_graph.graph.analytics.parameters import CENTRALITY_ALGORITHMS, COMMUNITY_ALGORITHMS, DIRECTIONS, Direction
from evidence_graph.graph.analytics.paths import shortest_path, shortest_paths
from evidence_graph.graph.analytics.records import (
    SCORE_DECIMALS,
    AlgorithmEstimate,
    CentralityResult,
    Community,
    CommunityResult,
    Hop,
    Neighbourhood,
    Path,
    PathResult,
    RankedNode,
    result_size,
)

__all__ = ["BETWEENNESS_SAMPLE_SOURCES", "CENTRALITY_ALGORITHMS", "COMMUNITY_ALGORITHMS", "CONCURRENCY",
           "DEFAULT_CENTRALITY_DIRECTION", "DIRECTIONS", "EIGENVECTOR_MAX_ITER", "EXACT_BETWEENNESS_NODE_LIMIT",
           "FAMILIES", "LIMITER", "MAX_EXPLORED_PATHS", "MAX_K", "MAX_NEIGHBOURHOOD_HOPS",
           "MAX_NEIGHBOURHOOD_NODES", "MAX_PATH_LENGTH", "MAX_TIED_PATHS", "NODE_LIMITS", "PAGERANK_DAMPING",
           "PAGERANK_MAX_ITER", "SCORE_DECIMALS", "AlgorithmEstimate", "AnalyticsBusyError",
           "AnalyticsCancelledError", "AnalyticsConvergenceError", "AnalyticsError", "AnalyticsInputError",
           "AnalyticsLimitError", "AnalyticsTimeoutError", "CentralityResult", "Community", "CommunityResult",
           "Deadline", "Direction", "GraphAnalytics", "Hop", "Limiter", "Neighbourhood", "Path", "PathResult",
           "RankedNode", "Ticket", "budgets", "centrality", "communities", "estimate", "neighbourhood",
           "result_size", "shortest_path", "shortest_paths"]
