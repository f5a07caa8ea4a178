"""The entity projection of the views, filtered by predicates and named graphs, as the simple
graph the centrality and community algorithms run on (or just its size, for estimates)."""

from __future__ import annotations

from collections.abc import Mapping

import networkx as nx

from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.views import GraphViews

#: Statements read between two deadline checks while projecting.
_CHECK_EVERY = 4096


def edge_allowed(data: Mapping[str, str], predicates: frozenset[str] | None, graphs: frozenset[str] | None) -> bool:
    """Whether a statement (its edge data) passes the predicate and named-graph filters.

    Examples
    --------
    >>> data = {"predicate": "https://schema.org/knows", "graph": "https://example.org/g"}
    >>> edge_allowed(data, frozenset({"https://schema.org/knows"}), None), edge_allowed(data, None, frozenset())
    (True, False)
    """
    return (predicates is None or data["predicate"] in predicates) and (graphs is None or data["graph"] in graphs)


def _links(views: GraphViews, direction: str, predicates: frozenset[str] | None, graphs: frozenset[str] | None,
           deadline: Deadline) -> set[tuple[str, str]]:
    links: set[tuple[str, str]] = set()
    for count, (subject, obj, data) in enumerate(views.graph.edges(data=True)):
        if not count % _CHECK_EVERY:
            deadline.check()
        if subject != obj and edge_allowed(data, predicates, graphs):
            if direction == "IN" or (direction == "BOTH" and obj < subject):
                subject, obj = obj, subject
            links.add((subject, obj))
    return links


def _nodes(views: GraphViews, links: set[tuple[str, str]], graphs: frozenset[str] | None) -> set[str]:
    if graphs is None:
        return set(views.graph)
    nodes = {iri for iri in views.graph if views.nodes[iri].graphs & graphs}
    nodes.update(node for link in links for node in link)
    return nodes


def simple_graph(views: GraphViews, *, direction: str, predicates: frozenset[str] | None,
                 graphs: frozenset[str] | None, deadline: Deadline | None = None) -> nx.Graph:
    """The projection collapsed to a simple graph, nodes and links added in sorted order.

    "BOTH" gives an undirected graph; "OUT" links subject → object; "IN" object → subject.
    Restricted to named graphs, it holds the nodes typed in them and the ends of their links.

    Parameters
    ----------
    views : GraphViews
        The graph version.
    direction : {"OUT", "IN", "BOTH"}
        Which way links point.
    predicates, graphs : frozenset of str, optional
        Keep only statements with these predicates / in these named graphs.
    deadline : Deadline, optional
        When to stop.

    Returns
    -------
    networkx.Graph or networkx.DiGraph

    Raises
    ------
    AnalyticsTimeoutError, AnalyticsCancelledError
        The deadline passed.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> graph = simple_graph(example_views(), direction="BOTH", predicates=None, graphs=None)
    >>> graph.number_of_nodes(), graph.number_of_edges()
    (6, 5)
    """
    deadline = deadline or Deadline()
    links = _links(views, direction, predicates, graphs, deadline)
    nodes = _nodes(views, links, graphs)
    deadline.check()
    simple = nx.Graph() if direction == "BOTH" else nx.DiGraph()
    simple.add_nodes_from(sorted(nodes))
    deadline.check()
    simple.add_edges_from(sorted(links))
    deadline.check()
    return simple


def projection_size(views: GraphViews, *, predicates: frozenset[str] | None, graphs: frozenset[str] | None,
                    deadline: Deadline | None = None) -> tuple[int, int]:
    """Nodes and links of the undirected :func:`simple_graph`, counted without building it.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> projection_size(example_views(), predicates=None, graphs=None)
    (6, 5)
    """
    deadline = deadline or Deadline()
    if predicates is None and graphs is None:
        graph = views.graph
        succ = graph.succ
        links = 0
        for count, (node, targets) in enumerate(succ.items()):
            if not count % _CHECK_EVERY:
                deadline.check()
            # Each unordered pair once: from its smaller end when both ends point at each other.
            for target in targets:
                if target != node and (node < target or node not in succ[target]):
                    links += 1
        return graph.number_of_nodes(), links
    links = _links(views, "BOTH", predicates, graphs, deadline)
    return len(_nodes(views, links, graphs)), len(links)


__all__ = ["edge_allowed", "projection_size", "simple_graph"]
