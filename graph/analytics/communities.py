"""Communities: a partition of the nodes by LOUVAIN, LABEL_PROPAGATION, GREEDY_MODULARITY or
CONNECTED_COMPONENTS, on the undirected simple graph of the projection.

``types`` keeps only members of those types in the answer; the modularity is that of the whole
partition. The loops are driven here so that the deadline is checked often: Louvain is
networkx's (``louvain_partitions`` with its ``_one_level``, undirected and unweighted, which is
all this module asks of it) with a check every few hundred node moves, because one level on a
graph at the node limit takes seconds; label propagation checks per colour class, greedy
modularity per merge and components per component. The answers are networkx's (the tests
compare them).
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable

import networkx as nx
from networkx.algorithms.community.label_propagation import _color_network, _labeling_complete, _update_label
from networkx.algorithms.community.modularity_max import _greedy_modularity_communities_generator

from evidence_graph.graph.analytics import budgets
from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.analytics.errors import AnalyticsInputError
from evidence_graph.graph.analytics.parameters import COMMUNITY_ALGORITHMS, choice, iri_set, type_filter
from evidence_graph.graph.analytics.projection import simple_graph
from evidence_graph.graph.analytics.records import SCORE_DECIMALS, Community, CommunityResult
from evidence_graph.graph.views import GraphViews

#: Node moves Louvain makes between two deadline checks.
_LOUVAIN_CHECK_EVERY = 256
#: The gain of modularity below which Louvain stops adding levels (networkx's default).
_LOUVAIN_THRESHOLD = 0.0000001

Partition = list[set[str]]


def _louvain_level(graph: nx.Graph, m: float, partition: list[set], resolution: float, rng: random.Random,
                   deadline: Deadline) -> tuple[list[set], list[set], bool]:
    """One level of Louvain (networkx's ``_one_level`` for an undirected graph), checked."""
    node2com = {u: i for i, u in enumerate(graph.nodes())}
    inner_partition = [{u} for u in graph.nodes()]
    degrees = dict(graph.degree(weight="weight"))
    totals = list(degrees.values())
    deadline.check()
    nbrs = {u: {v: data["weight"] for v, data in graph[u].items() if v != u} for u in graph}
    deadline.check()
    rand_nodes = list(graph.nodes)
    rng.shuffle(rand_nodes)
    moves = 1
    improvement = False
    while moves > 0:
        moves = 0
        for visited, u in enumerate(rand_nodes):
            if not visited % _LOUVAIN_CHECK_EVERY:
                deadline.check()
            best_mod = 0
            best_com = node2com[u]
            weights2com: defaultdict[int, float] = defaultdict(float)
            for nbr, wt in nbrs[u].items():
                weights2com[node2com[nbr]] += wt
            degree = degrees[u]
            totals[best_com] -= degree
            remove_cost = -weights2com[best_com] / m + resolution * (totals[best_com] * degree) / (2 * m**2)
            for nbr_com, wt in weights2com.items():
                gain = remove_cost + wt / m - resolution * (totals[nbr_com] * degree) / (2 * m**2)
                if gain > best_mod:
                    best_mod = gain
                    best_com = nbr_com
            totals[best_com] += degree
            if best_com != node2com[u]:
                com = graph.nodes[u].get("nodes", {u})
                partition[node2com[u]].difference_update(com)
                inner_partition[node2com[u]].remove(u)
                partition[best_com].update(com)
                inner_partition[best_com].add(u)
                improvement = True
                moves += 1
                node2com[u] = best_com
    return list(filter(len, partition)), list(filter(len, inner_partition)), improvement


def _louvain_graph(graph: nx.Graph, partition: list[set], deadline: Deadline) -> nx.Graph:
    """The graph of the communities of a level (networkx's ``_gen_graph``)."""
    merged = nx.Graph()
    node2com = {}
    for i, part in enumerate(partition):
        nodes = set()
        for node in part:
            node2com[node] = i
            nodes.update(graph.nodes[node].get("nodes", {node}))
        merged.add_node(i, nodes=nodes)
    deadline.check()
    for node1, node2, wt in graph.edges(data=True):
        com1, com2 = node2com[node1], node2com[node2]
        temp = merged.get_edge_data(com1, com2, {"weight": 0})["weight"]
        merged.add_edge(com1, com2, weight=wt["weight"] + temp)
    return merged


def _louvain(graph: nx.Graph, resolution: float, seed: int, deadline: Deadline) -> Partition:
    """``networkx.community.louvain_communities(graph, resolution=resolution, seed=seed)``."""
    partition: list[set] = [{u} for u in graph.nodes()]
    if nx.is_empty(graph):
        return partition
    rng = random.Random(seed)
    mod = nx.community.modularity(graph, partition, resolution=resolution)
    deadline.check()
    level = nx.Graph()
    level.add_nodes_from(graph)
    level.add_weighted_edges_from(graph.edges(data="weight", default=1))
    deadline.check()
    m = level.size(weight="weight")
    partition, inner, improvement = _louvain_level(level, m, partition, resolution, rng, deadline)
    while True:
        deadline.check()
        new_mod = nx.community.modularity(level, inner, resolution=resolution, weight="weight")
        if new_mod - mod <= _LOUVAIN_THRESHOLD:
            return partition
        mod = new_mod
        level = _louvain_graph(level, inner, deadline)
        found, inner, improvement = _louvain_level(level, m, [set(s) for s in partition], resolution, rng,
                                                   deadline)
        if not improvement:
            return found
        partition = found


def _label_propagation(graph: nx.Graph, deadline: Deadline) -> Partition:
    """``networkx.community.label_propagation_communities`` (semi-synchronous), checked per colour class."""
    coloring = _color_network(graph)
    labeling = {v: k for k, v in enumerate(graph)}
    while True:
        deadline.check()
        if _labeling_complete(labeling, graph):
            break
        for nodes in coloring.values():
            deadline.check()
            for node in nodes:
                _update_label(node, labeling, graph)
    clusters: defaultdict[int, set[str]] = defaultdict(set)
    for node, label in labeling.items():
        clusters[label].add(node)
    return list(clusters.values())


def _greedy_modularity(graph: nx.Graph, resolution: float, deadline: Deadline) -> Partition:
    """``networkx.community.greedy_modularity_communities`` (Clauset–Newman–Moore), checked per merge."""
    if not graph:
        return []
    if not graph.size():
        return [{n} for n in graph]
    merges = _greedy_modularity_communities_generator(graph, weight=None, resolution=resolution)
    communities = next(merges)
    while len(communities) > 1:
        deadline.check()
        try:
            gain = next(merges)
        except StopIteration:
            break
        if gain < 0:
            break
        communities = next(merges)
    return sorted(communities, key=len, reverse=True)


def _components(graph: nx.Graph, deadline: Deadline) -> Partition:
    found: Partition = []
    for component in nx.connected_components(graph):
        deadline.check()
        found.append(component)
    return found


def communities(views: GraphViews, algorithm: str, *, types: Iterable[str] | None = None,
                graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                resolution: float = 1.0, seed: int = 0, deadline: Deadline | None = None) -> CommunityResult:
    """Partition the nodes into communities, ignoring the direction of statements.

    Parameters
    ----------
    views : GraphViews
        The graph version.
    algorithm : {"LOUVAIN", "LABEL_PROPAGATION", "GREEDY_MODULARITY", "CONNECTED_COMPONENTS"}
        LOUVAIN (seeded), semi-synchronous LABEL_PROPAGATION (deterministic), Clauset–Newman–Moore
        GREEDY_MODULARITY, or weakly CONNECTED_COMPONENTS.
    types : iterable of str, optional
        Keep only members of these types in the answer (the partition is of the whole graph).
    graphs, predicates : iterable of str, optional
        Use only statements in these named graphs / with these predicates.
    resolution : float
        Modularity resolution (LOUVAIN, GREEDY_MODULARITY, and the modularity reported); > 0.
    seed : int
        Seed of LOUVAIN.
    deadline : Deadline, optional
        When to stop computing.

    Returns
    -------
    CommunityResult
        Communities by size, largest first, then by smallest member IRI; members sorted.

    Raises
    ------
    AnalyticsInputError
        An unknown algorithm or type, or a resolution that is not positive.
    AnalyticsLimitError
        The graph has more nodes than ``NODE_LIMITS[algorithm]``.
    AnalyticsTimeoutError, AnalyticsCancelledError
        The deadline passed.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> views = example_views()
    >>> result = communities(views, "CONNECTED_COMPONENTS", types=["Person"])
    >>> [[views.nodes[iri].label for iri in community.members] for community in result.communities]
    [['Ann Lee', 'Bob Roe'], ['Cy Dee']]
    """
    deadline = deadline or Deadline()
    name = choice(algorithm, COMMUNITY_ALGORITHMS, "community algorithm")
    if not resolution > 0:
        raise AnalyticsInputError(f"resolution must be positive, got {resolution}")
    allowed = type_filter(views, types)
    graph = simple_graph(views, direction="BOTH", predicates=iri_set(predicates), graphs=iri_set(graphs),
                         deadline=deadline)
    budgets.check_budget(name, graph.number_of_nodes())
    if name == "LOUVAIN":
        partition = _louvain(graph, resolution, seed, deadline)
    elif name == "LABEL_PROPAGATION":
        partition = _label_propagation(graph, deadline)
    elif name == "GREEDY_MODULARITY":
        partition = _greedy_modularity(graph, resolution, deadline)
    else:
        partition = _components(graph, deadline)
    deadline.check()
    modularity = nx.community.modularity(graph, partition, resolution=resolution) \
        if graph.number_of_edges() else None
    kept = [sorted(m for m in members if allowed is None or allowed(m)) for members in partition]
    ordered = sorted((members for members in kept if members), key=lambda members: (-len(members), members[0]))
    found = tuple(Community(number, tuple(members)) for number, members in enumerate(ordered))
    return CommunityResult(name, found, None if modularity is None else round(modularity, SCORE_DECIMALS),
                           graph.number_of_nodes(), graph.number_of_edges(), views.version)


__all__ = ["communities"]
