"""What a graph algorithm may spend: caps on its parameters, node limits per algorithm and how
many may run at once (the time budget is a :class:`graph.analytics.deadline.Deadline`).

Every algorithm reads these at call time through this module, so a server (or a test) tunes
them here: ``budgets.CONCURRENCY["centrality"] = 1``.
"""

from __future__ import annotations

from collections.abc import Iterable

from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.analytics.errors import AnalyticsLimitError
from evidence_graph.graph.analytics.parameters import CENTRALITY_ALGORITHMS, COMMUNITY_ALGORITHMS, choice, iri_set
from evidence_graph.graph.analytics.projection import projection_size
from evidence_graph.graph.analytics.records import AlgorithmEstimate
from evidence_graph.graph.views import GraphViews

#: Longest path, in hops, the server will search for.
MAX_PATH_LENGTH = 6
#: Most paths a k-shortest-paths request may ask for.
MAX_K = 10
#: Most paths returned when ``all_ties`` asks for every path tied in length.
MAX_TIED_PATHS = 100
#: Partial paths a path search may extend before it is refused.
MAX_EXPLORED_PATHS = 200_000
#: Widest neighbourhood, in hops, and the most nodes it may hold.
MAX_NEIGHBOURHOOD_HOPS = 3
MAX_NEIGHBOURHOOD_NODES = 5_000
#: Nodes above which each algorithm is refused. Calibrated so that a graph at the limit, with
#: about three links per node, takes some 10–20 seconds in pure Python on a laptop.
NODE_LIMITS: dict[str, int] = {
    "DEGREE": 200_000, "PAGERANK": 50_000, "BETWEENNESS": 10_000, "CLOSENESS": 3_000,
    "EIGENVECTOR": 50_000, "LOUVAIN": 10_000, "LABEL_PROPAGATION": 50_000,
    "GREEDY_MODULARITY": 2_000, "CONNECTED_COMPONENTS": 200_000,
}
#: Betweenness is exact up to this many nodes and sampled from ``BETWEENNESS_SAMPLE_SOURCES``
#: source nodes (with a fixed seed) above it.
EXACT_BETWEENNESS_NODE_LIMIT = 1_000
BETWEENNESS_SAMPLE_SOURCES = 100
PAGERANK_MAX_ITER = 1_000
EIGENVECTOR_MAX_ITER = 1_000

#: The families of algorithms, each with its own concurrency limit.
FAMILIES: tuple[str, ...] = ("paths", "centrality", "communities", "neighbourhood", "estimate")
#: Computations of each family that may run at once in this process (the machine's cores are
#: shared by all of them; a request beyond the limit is answered "busy" rather than queued).
CONCURRENCY: dict[str, int] = {"paths": 4, "centrality": 2, "communities": 2, "neighbourhood": 4, "estimate": 4}


def check_budget(algorithm: str, node_count: int) -> None:
    """Refuse an algorithm over more nodes than its limit.

    Raises
    ------
    AnalyticsLimitError
        ``node_count`` over ``NODE_LIMITS[algorithm]``.

    Examples
    --------
    >>> check_budget("CLOSENESS", 10)
    """
    limit = NODE_LIMITS[algorithm]
    if node_count > limit:
        raise AnalyticsLimitError(f"{algorithm} over {node_count:,} nodes exceeds the limit of {limit:,} nodes")


def estimate(views: GraphViews, algorithm: str, *, graphs: Iterable[str] | None = None,
             predicates: Iterable[str] | None = None, deadline: Deadline | None = None) -> AlgorithmEstimate:
    """Whether a centrality or community algorithm fits its budget on this graph.

    Cheap: it counts the nodes and links of the projection without building a graph (one pass
    over the statements when restricted, set unions of adjacency keys otherwise).

    Parameters
    ----------
    views : GraphViews
        The graph version.
    algorithm : str
        A name from ``CENTRALITY_ALGORITHMS`` or ``COMMUNITY_ALGORITHMS``.
    graphs, predicates : iterable of str, optional
        As for :func:`graph.analytics.centrality.centrality`.
    deadline : Deadline, optional
        When to stop counting.

    Returns
    -------
    AlgorithmEstimate
        Node and link counts of the simple undirected graph, the node limit, and the reason a
        request would be refused (None when allowed).

    Raises
    ------
    AnalyticsInputError
        An unknown algorithm.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> estimate(example_views(), "closeness")
    AlgorithmEstimate(algorithm='CLOSENESS', node_count=6, edge_count=5, node_limit=3000, allowed=True, reason=None)
    """
    name = choice(algorithm, CENTRALITY_ALGORITHMS + COMMUNITY_ALGORITHMS, "algorithm")
    nodes, links = projection_size(views, predicates=iri_set(predicates), graphs=iri_set(graphs),
                                   deadline=deadline)
    try:
        check_budget(name, nodes)
        reason = None
    except AnalyticsLimitError as refusal:
        reason = str(refusal)
    return AlgorithmEstimate(name, nodes, links, NODE_LIMITS[name], reason is None, reason)


__all__ = ["BETWEENNESS_SAMPLE_SOURCES", "CONCURRENCY", "EIGENVECTOR_MAX_ITER", "EXACT_BETWEENNESS_NODE_LIMIT",
           "FAMILIES", "MAX_EXPLORED_PATHS", "MAX_K", "MAX_NEIGHBOURHOOD_HOPS", "MAX_NEIGHBOURHOOD_NODES",
           "MAX_PATH_LENGTH", "MAX_TIED_PATHS", "NODE_LIMITS", "PAGERANK_MAX_ITER", "check_budget",
           "estimate"]
