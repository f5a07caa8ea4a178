"""Centrality: nodes ranked by DEGREE, PAGERANK, BETWEENNESS, CLOSENESS or EIGENVECTOR.

Scores are computed on a simple graph (parallel statements between two nodes collapse to one
link) built from the statements allowed by ``graphs`` and ``predicates``. PageRank follows
statements from subject to object by default (a statement is a vote for its object); the other
measures ignore direction by default. ``types`` does *not* cut the graph: scores are computed on
the whole projection and then only nodes of those types are ranked, because entities of one type
rarely link to each other directly (organisations are linked through people, memberships,
services and passages), so "the most central organisations" means the organisations most
central in the whole graph.

The loops are driven here rather than inside networkx so that the deadline is checked between
two sources (betweenness, closeness) or two iterations (PageRank, eigenvector); the answers are
networkx's (the tests compare them). PageRank is a plain-Python power iteration:
``networkx.pagerank`` needs numpy and scipy, which this project does not install for one
algorithm.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Iterable, Mapping

import networkx as nx
from networkx.algorithms.centrality.betweenness import _accumulate_basic, _single_source_shortest_path_basic

from evidence_graph.graph.analytics import budgets
from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.analytics.errors import AnalyticsConvergenceError, AnalyticsInputError
from evidence_graph.graph.analytics.parameters import (
    CENTRALITY_ALGORITHMS,
    DIRECTIONS,
    Direction,
    choice,
    iri_set,
    type_filter,
)
from evidence_graph.graph.analytics.projection import simple_graph
from evidence_graph.graph.analytics.records import SCORE_DECIMALS, CentralityResult, RankedNode
from evidence_graph.graph.views import GraphViews

PAGERANK_DAMPING = 0.85
#: The direction each centrality measure follows unless told otherwise.
DEFAULT_CENTRALITY_DIRECTION: dict[str, str] = {"PAGERANK": "OUT"}


def _pagerank(graph: nx.Graph, deadline: Deadline) -> dict[str, float]:
    """PageRank by power iteration; dangling nodes spread their rank over every node."""
    nodes = list(graph)
    count = len(nodes)
    if count == 0:
        return {}
    successors = {node: list(graph.adj[node]) for node in nodes}
    dangling = [node for node in nodes if not successors[node]]
    rank = dict.fromkeys(nodes, 1.0 / count)
    for _ in range(budgets.PAGERANK_MAX_ITER):
        deadline.check()
        base = (1.0 - PAGERANK_DAMPING) / count + PAGERANK_DAMPING * sum(rank[n] for n in dangling) / count
        updated = dict.fromkeys(nodes, base)
        for node, targets in successors.items():
            if targets:
                share = PAGERANK_DAMPING * rank[node] / len(targets)
                for target in targets:
                    updated[target] += share
        change = sum(abs(updated[node] - rank[node]) for node in nodes)
        rank = updated
        if change < count * 1e-12:
            return rank
    raise AnalyticsConvergenceError(f"PAGERANK did not converge within {budgets.PAGERANK_MAX_ITER} iterations")


def _eigenvector(graph: nx.Graph, deadline: Deadline) -> dict[str, float]:
    """``networkx.eigenvector_centrality`` (power iteration on A + I, L1 convergence test), checked
    once per iteration."""
    count = graph.number_of_nodes()
    if count == 0:
        return {}
    tolerance = 1e-06
    x = dict.fromkeys(graph, 1.0 / count)
    for _ in range(budgets.EIGENVECTOR_MAX_ITER):
        deadline.check()
        last = x
        x = last.copy()
        for node in x:
            for neighbour in graph[node]:
                x[neighbour] += last[node]
        norm = math.hypot(*x.values()) or 1
        x = {node: value / norm for node, value in x.items()}
        if sum(abs(x[node] - last[node]) for node in x) < count * tolerance:
            return x
    raise AnalyticsConvergenceError(
        f"EIGENVECTOR did not converge within {budgets.EIGENVECTOR_MAX_ITER} iterations; eigenvector "
        "centrality is ill-defined on this graph (e.g. directed and acyclic): try PAGERANK, "
        "or direction BOTH")


def _betweenness(graph: nx.Graph, sources: list[str] | None, deadline: Deadline) -> dict[str, float]:
    """Normalised betweenness without endpoints (Brandes), from every node or from ``sources``,
    rescaled as ``networkx.betweenness_centrality`` does for a sample."""
    betweenness = dict.fromkeys(graph, 0.0)
    for source in graph if sources is None else sources:
        deadline.check()
        stack, predecessors, sigma, _ = _single_source_shortest_path_basic(graph, source)
        betweenness, _ = _accumulate_basic(betweenness, stack, predecessors, sigma, source)
    pairs_end = len(graph) - 1  # endpoints excluded: a node is never the target of a path through it
    if pairs_end < 2:
        return betweenness
    if sources is None:
        scale = 1 / (pairs_end * (pairs_end - 1))
        return {node: value * scale for node, value in betweenness.items()}
    # A sampled source cannot lie on its own paths, so it is scaled over one source fewer.
    drawn = len(sources)
    scale_source = 1 / ((drawn - 1) * (pairs_end - 1)) if drawn > 1 else math.nan
    scale_other = 1 / (drawn * (pairs_end - 1))
    chosen = set(sources)
    return {node: value * (scale_source if node in chosen else scale_other) for node, value in betweenness.items()}


def _closeness(graph: nx.Graph, deadline: Deadline) -> dict[str, float]:
    """Wasserman–Faust closeness by distances *from* each node (networkx measures a digraph's by
    distances *to* it), one breadth-first search per node."""
    count = len(graph)
    scores: dict[str, float] = {}
    for node in graph:
        deadline.check()
        distances = nx.single_source_shortest_path_length(graph, node)
        total = sum(distances.values())
        score = 0.0
        if total > 0 and count > 1:
            reached = len(distances) - 1
            score = reached / total * (reached / (count - 1))
        scores[node] = score
    return scores


def _degree(graph: nx.Graph) -> dict[str, float]:
    return nx.out_degree_centrality(graph) if graph.is_directed() else nx.degree_centrality(graph)


def _ranked(scores: Mapping[str, float], allowed: Callable[[str], bool] | None) -> tuple[RankedNode, ...]:
    kept = ((iri, round(float(score), SCORE_DECIMALS)) for iri, score in scores.items()
            if allowed is None or allowed(iri))
    return tuple(RankedNode(iri, score) for iri, score in sorted(kept, key=lambda item: (-item[1], item[0])))


def centrality(views: GraphViews, algorithm: str, *, types: Iterable[str] | None = None,
               graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
               direction: Direction | None = None, sample: int | None = None,
               seed: int = 0, deadline: Deadline | None = None) -> CentralityResult:
    """Rank nodes by a centrality measure.

    Parameters
    ----------
    views : GraphViews
        The graph version.
    algorithm : {"DEGREE", "PAGERANK", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR"}
        DEGREE: share of the other nodes linked to (out-links when directed). PAGERANK: damping
        0.85. BETWEENNESS: normalised, exact up to ``EXACT_BETWEENNESS_NODE_LIMIT`` nodes, then
        sampled. CLOSENESS: Wasserman–Faust, by distances from the node. EIGENVECTOR: power
        iteration.
    types : iterable of str, optional
        Rank only nodes of these types (short names or type IRIs). Scores are computed on the
        whole graph, not on the subgraph of these types.
    graphs, predicates : iterable of str, optional
        Use only statements in these named graphs / with these predicates.
    direction : {"OUT", "IN", "BOTH"}, optional
        "OUT" follows statements subject → object, "IN" the reverse, "BOTH" ignores direction.
        Default: "OUT" for PAGERANK, "BOTH" for the others.
    sample : int, optional
        BETWEENNESS only: estimate from this many source nodes.
    seed : int
        Seed of the betweenness sample.
    deadline : Deadline, optional
        When to stop computing.

    Returns
    -------
    CentralityResult
        Nodes by score, highest first, ties by IRI.

    Raises
    ------
    AnalyticsInputError
        An unknown algorithm, type or direction, or ``sample`` below 1 or with another algorithm.
    AnalyticsLimitError
        The graph has more nodes than ``NODE_LIMITS[algorithm]``.
    AnalyticsConvergenceError
        EIGENVECTOR did not converge.
    AnalyticsTimeoutError, AnalyticsCancelledError
        The deadline passed.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> views = example_views()
    >>> result = centrality(views, "DEGREE", types=["Organisation"])
    >>> [(views.nodes[iri].label, score) for iri, score in result.ranking]
    [('Project Salus', 0.6), ('Kent County Council', 0.2)]
    """
    deadline = deadline or Deadline()
    name = choice(algorithm, CENTRALITY_ALGORITHMS, "centrality algorithm")
    direction = choice(direction or DEFAULT_CENTRALITY_DIRECTION.get(name, "BOTH"), DIRECTIONS, "direction")
    allowed = type_filter(views, types)
    if sample is not None and (name != "BETWEENNESS" or sample < 1):
        raise AnalyticsInputError(f"sample must be a positive number of sources and applies to BETWEENNESS "
                                  f"only, got {sample} for {name}")
    graph = simple_graph(views, direction=direction, predicates=iri_set(predicates), graphs=iri_set(graphs),
                         deadline=deadline)
    budgets.check_budget(name, graph.number_of_nodes())
    sampled: int | None = None
    if name == "DEGREE":
        scores = _degree(graph)
    elif name == "PAGERANK":
        scores = _pagerank(graph, deadline)
    elif name == "BETWEENNESS":
        nodes = graph.number_of_nodes()
        sources = sample if sample is not None else \
            (budgets.BETWEENNESS_SAMPLE_SOURCES if nodes > budgets.EXACT_BETWEENNESS_NODE_LIMIT else None)
        sampled = sources if sources is not None and sources < nodes else None
        # The sample networkx draws for the same seed, so that answers do not change with the driver.
        drawn = None if sampled is None else random.Random(seed).sample(list(graph), sampled)
        scores = _betweenness(graph, drawn, deadline)
    elif name == "CLOSENESS":
        scores = _closeness(graph, deadline)
    else:
        scores = _eigenvector(graph, deadline)
    deadline.check()
    return CentralityResult(name, _ranked(scores, allowed), graph.number_of_nodes(), graph.number_of_edges(),
                            sampled, views.version)


__all__ = ["DEFAULT_CENTRALITY_DIRECTION", "PAGERANK_DAMPING", "centrality"]
