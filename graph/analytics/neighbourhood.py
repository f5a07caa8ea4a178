"""Neighbourhoods: the nodes within some hops of seed nodes and the statements between them, for
visualisation.

The walk follows statements like a path search: a node of a type outside ``types`` is neither
shown nor walked through, so what is shown stays connected to the seeds. The deadline is checked
at every frontier node.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from evidence_graph.graph.analytics import budgets
from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.analytics.errors import AnalyticsInputError, AnalyticsLimitError
from evidence_graph.graph.analytics.parameters import DIRECTIONS, Direction, check_node, choice, iri_set, type_filter
from evidence_graph.graph.analytics.projection import edge_allowed
from evidence_graph.graph.analytics.records import Neighbourhood
from evidence_graph.graph.views import GraphViews


def neighbourhood(views: GraphViews, seeds: str | Iterable[str], *, hops: int = 1, direction: Direction = "BOTH",
                  types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                  graphs: Iterable[str] | None = None, deadline: Deadline | None = None) -> Neighbourhood:
    """The subgraph within ``hops`` of the seed nodes, for visualisation.

    Parameters
    ----------
    views : GraphViews
        The graph version.
    seeds : str or iterable of str
        IRIs of the nodes to start from.
    hops : int
        How far to go (1 to ``MAX_NEIGHBOURHOOD_HOPS``).
    direction : {"OUT", "IN", "BOTH"}
        Which way statements are followed outwards from the seeds.
    types : iterable of str, optional
        Types the reached nodes must have; the walk only passes through them (as a path's
        intermediate nodes), so what is shown stays connected to the seeds. Seeds always count.
    predicates, graphs : iterable of str, optional
        Use only statements with these predicates / in these named graphs.
    deadline : Deadline, optional
        When to stop walking.

    Returns
    -------
    Neighbourhood
        The nodes reached and every allowed statement between two of them.

    Raises
    ------
    AnalyticsInputError
        No seed, an unknown seed IRI or type, a bad direction, or ``hops`` below 1.
    AnalyticsLimitError
        ``hops`` over the cap, or more than ``MAX_NEIGHBOURHOOD_NODES`` nodes reached.
    AnalyticsTimeoutError, AnalyticsCancelledError
        The deadline passed.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_iri, example_views
    >>> views = example_views()
    >>> found = neighbourhood(views, example_iri("org/kcc"), hops=2)
    >>> [views.nodes[iri].label for iri in found.nodes], len(found.statements)
    (['Kent County Council', 'Ann Lee', 'Project Salus', 'Bob Roe'], 4)
    """
    deadline = deadline or Deadline()
    seed_nodes = tuple(sorted({seeds} if isinstance(seeds, str) else set(seeds)))
    if not seed_nodes:
        raise AnalyticsInputError("neighbourhood needs at least one seed IRI")
    for seed in seed_nodes:
        check_node(views, seed)
    if hops < 1:
        raise AnalyticsInputError(f"hops must be at least 1, got {hops}")
    if hops > budgets.MAX_NEIGHBOURHOOD_HOPS:
        raise AnalyticsLimitError(f"hops of {hops} exceeds the limit of {budgets.MAX_NEIGHBOURHOOD_HOPS} hops")
    direction = choice(direction, DIRECTIONS, "direction")
    allowed = type_filter(views, types)
    predicate_set, graph_set = iri_set(predicates), iri_set(graphs)
    distances = dict.fromkeys(seed_nodes, 0)
    frontier = list(seed_nodes)
    adjacencies = [views.graph.succ] if direction == "OUT" else [views.graph.pred] if direction == "IN" \
        else [views.graph.succ, views.graph.pred]
    for distance in range(1, hops + 1):
        reached: set[str] = set()
        for node in frontier:
            deadline.check()
            for adjacency in adjacencies:
                for neighbour, statements in adjacency[node].items():
                    if neighbour not in distances and (allowed is None or allowed(neighbour)) and any(
                            edge_allowed(data, predicate_set, graph_set) for data in statements.values()):
                        reached.add(neighbour)
        for neighbour in reached:
            distances[neighbour] = distance
        if len(distances) > budgets.MAX_NEIGHBOURHOOD_NODES:
            raise AnalyticsLimitError(f"neighbourhood of {hops} hops reaches over {budgets.MAX_NEIGHBOURHOOD_NODES:,} "
                                      f"nodes (the limit); use fewer hops or restrict types or predicates")
        frontier = sorted(reached)
    deadline.check()
    statements = sorted(statement for node in distances
                        for neighbour, parallel in views.graph.succ[node].items() if neighbour in distances
                        for statement, data in parallel.items() if edge_allowed(data, predicate_set, graph_set))
    nodes = tuple(sorted(distances, key=lambda iri: (distances[iri], iri)))
    return Neighbourhood(seed_nodes, hops, nodes, MappingProxyType(distances), tuple(statements), views.version)


__all__ = ["neighbourhood"]
