"""Paths between two nodes of the multigraph: the shortest, the ``k`` shortest, or every path tied
in length, walking statements forward, backward or both ways.

Paths differ by their *nodes*: when parallel statements link two consecutive nodes, the hop
names the smallest statement id and lists every statement that could serve it. Paths come
shortest first, then in the lexicographic order of their node IRIs. Intermediate nodes must be
of the allowed ``types``; the two endpoints are always allowed. The search checks its deadline
at every partial path it extends and every node its backward breadth-first search reaches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from evidence_graph.graph.analytics import budgets
from evidence_graph.graph.analytics.budgets import MAX_PATH_LENGTH
from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.analytics.errors import AnalyticsInputError, AnalyticsLimitError
from evidence_graph.graph.analytics.parameters import DIRECTIONS, Direction, check_node, choice, iri_set, type_filter
from evidence_graph.graph.analytics.projection import edge_allowed
from evidence_graph.graph.analytics.records import Hop, Path, PathResult
from evidence_graph.graph.views import GraphViews


class _PathSearch:
    """Simple paths of an exact length between two nodes, in lexicographic order of node IRIs."""

    def __init__(self, views: GraphViews, source: str, target: str, *, direction: str,
                 allowed: Callable[[str], bool] | None, predicates: frozenset[str] | None,
                 graphs: frozenset[str] | None, max_length: int, deadline: Deadline) -> None:
        self.graph = views.graph
        self.source, self.target = source, target
        self.direction, self.allowed = direction, allowed
        self.predicates, self.graphs = predicates, graphs
        self.explored = 0
        self.max_length = max_length
        self.deadline = deadline
        self._steps: dict[tuple[str, str], list[tuple[str, list[tuple[str, bool, str]]]]] = {}
        # Hops from each node to the target through allowed nodes, found breadth-first backwards
        # one level at a time, only as deep as the lengths searched need.
        self._backwards = {"OUT": "IN", "IN": "OUT", "BOTH": "BOTH"}[direction]
        self.distance = {target: 0}
        self._frontier = [target]
        self._level = 0

    def steps(self, node: str, direction: str) -> list[tuple[str, list[tuple[str, bool, str]]]]:
        """Neighbours reachable in one hop, sorted, each with its (statement, forward, predicate)s."""
        cached = self._steps.get((node, direction))
        if cached is not None:
            return cached
        found: dict[str, list[tuple[str, bool, str]]] = {}
        sides = [(self.graph.succ, True), (self.graph.pred, False)]
        for adjacency, forward in sides:
            if direction == ("IN" if forward else "OUT"):
                continue
            for neighbour, statements in adjacency[node].items():
                if neighbour == node:
                    continue
                for statement_id, data in statements.items():
                    if edge_allowed(data, self.predicates, self.graphs):
                        found.setdefault(neighbour, []).append((statement_id, forward, data["predicate"]))
        steps = [(neighbour, sorted(found[neighbour])) for neighbour in sorted(found)]
        self._steps[(node, direction)] = steps
        return steps

    def _may_pass(self, node: str) -> bool:
        return self.allowed is None or self.allowed(node)

    def know_distances_up_to(self, level: int) -> None:
        """Make ``distance`` hold every node within ``level`` hops of the target."""
        while self._level < min(level, self.max_length) and self._frontier:
            reached: list[str] = []
            for node in self._frontier:
                self.deadline.check()
                for neighbour, _ in self.steps(node, self._backwards):
                    if neighbour in self.distance or not (neighbour == self.source or self._may_pass(neighbour)):
                        continue
                    self.distance[neighbour] = self._level + 1
                    if neighbour != self.source:  # a simple path never passes back through its source
                        reached.append(neighbour)
            self._frontier = reached
            self._level += 1

    def shortest_length(self) -> int | None:
        """Hops of the shortest path, or None when there is none within the maximum length."""
        while self.source not in self.distance and self._frontier and self._level < self.max_length:
            self.know_distances_up_to(self._level + 1)
        return self.distance.get(self.source)

    def paths_of_length(self, length: int) -> Iterator[Path]:
        """Every simple path of exactly ``length`` hops, in lexicographic order of node IRIs."""
        nodes = [self.source]
        hops: list[Hop] = []
        on_path = {self.source}

        def extend(remaining: int) -> Iterator[Path]:
            node = nodes[-1]
            for neighbour, candidates in self.steps(node, self.direction):
                if neighbour == self.target:
                    if remaining == 1:
                        yield Path((*nodes, neighbour), (*hops, self._hop(node, neighbour, candidates)))
                    continue
                if neighbour in on_path or self.distance.get(neighbour, remaining) > remaining - 1 \
                        or not self._may_pass(neighbour):
                    continue
                self.explored += 1
                self.deadline.check()
                if self.explored > budgets.MAX_EXPLORED_PATHS:
                    raise AnalyticsLimitError(
                        f"path search from {self.source} to {self.target} explored more than "
                        f"{budgets.MAX_EXPLORED_PATHS:,} partial paths (the limit); narrow it with max_length, "
                        "types, predicates or graphs")
                nodes.append(neighbour)
                hops.append(self._hop(node, neighbour, candidates))
                on_path.add(neighbour)
                yield from extend(remaining - 1)
                on_path.discard(nodes.pop())
                hops.pop()

        if length == 0:
            if self.source == self.target:
                yield Path((self.source,), ())
            return
        self.know_distances_up_to(length - 1)
        yield from extend(length)

    @staticmethod
    def _hop(source: str, target: str, candidates: list[tuple[str, bool, str]]) -> Hop:
        statement, forward, predicate = candidates[0]
        return Hop(source, target, statement, predicate, forward, tuple(c[0] for c in candidates))


def shortest_paths(views: GraphViews, source: str, target: str, *, k: int = 1, all_ties: bool = False,
                   max_length: int = MAX_PATH_LENGTH, direction: Direction = "BOTH",
                   types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                   graphs: Iterable[str] | None = None, deadline: Deadline | None = None) -> PathResult:
    """The ``k`` shortest simple paths between two nodes.

    Parameters
    ----------
    views : GraphViews
        The graph version to search.
    source, target : str
        IRIs of the two end nodes.
    k : int
        How many paths (1 to ``MAX_K``); paths differ by their nodes.
    all_ties : bool
        Also return every further path as long as the ``k``-th (with ``k=1``: all the shortest
        paths), up to ``MAX_TIED_PATHS`` in all.
    max_length : int
        Longest path in hops (1 to ``MAX_PATH_LENGTH``).
    direction : {"OUT", "IN", "BOTH"}
        Follow statements from subject to object, from object to subject, or either way.
    types : iterable of str, optional
        Types intermediate nodes must have (short names such as "Person", or type IRIs); the
        two end nodes are always allowed.
    predicates : iterable of str, optional
        Predicate IRIs (or CURIEs) the hops may use.
    graphs : iterable of str, optional
        Named graphs whose statements the hops may use.
    deadline : Deadline, optional
        When to stop searching.

    Returns
    -------
    PathResult
        Paths shortest first, then in lexicographic order of their node IRIs; empty when none
        is within ``max_length``.

    Raises
    ------
    AnalyticsInputError
        An unknown node IRI or type, a bad direction, ``k`` or ``max_length`` below 1.
    AnalyticsLimitError
        ``k`` over ``MAX_K``, ``max_length`` over ``MAX_PATH_LENGTH``, or the search extended more
        than ``MAX_EXPLORED_PATHS`` partial paths.
    AnalyticsTimeoutError, AnalyticsCancelledError
        The deadline passed.

    See Also
    --------
    shortest_path : the single shortest path.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_iri, example_views
    >>> views = example_views()
    >>> found = shortest_paths(views, example_iri("person/ann"), example_iri("framework/ifa"), k=2)
    >>> [[views.nodes[node].label for node in path.nodes] for path in found.paths]
    [['Ann Lee', 'Project Salus', 'IFA Framework'], ['Ann Lee', 'Bob Roe', 'Project Salus', 'IFA Framework']]
    >>> [(hop.predicate, hop.forward) for hop in found.paths[0].hops]
    [('http://www.w3.org/ns/org#memberOf', True), ('https://schema.org/provider', False)]
    """
    search = _path_search(views, source, target, k=k, max_length=max_length, direction=direction,
                          types=types, predicates=predicates, graphs=graphs, deadline=deadline)
    shortest = search.shortest_length()
    found: list[Path] = []
    truncated = False
    if shortest is not None:
        for length in range(shortest, max_length + 1):
            for path in search.paths_of_length(length):
                if all_ties and len(found) == budgets.MAX_TIED_PATHS:
                    truncated = True
                    break
                found.append(path)
                if not all_ties and len(found) == k:
                    break
            if len(found) >= k or truncated:
                break
    return PathResult(tuple(found), truncated, views.version)


def _path_search(views: GraphViews, source: str, target: str, *, k: int, max_length: int, direction: str,
                 types: Iterable[str] | None, predicates: Iterable[str] | None,
                 graphs: Iterable[str] | None, deadline: Deadline | None) -> _PathSearch:
    check_node(views, source)
    check_node(views, target)
    if k < 1:
        raise AnalyticsInputError(f"k must be at least 1, got {k}")
    if k > budgets.MAX_K:
        raise AnalyticsLimitError(f"k of {k} exceeds the limit of {budgets.MAX_K} paths")
    if max_length < 1:
        raise AnalyticsInputError(f"max_length must be at least 1 hop, got {max_length}")
    if max_length > budgets.MAX_PATH_LENGTH:
        raise AnalyticsLimitError(f"max_length of {max_length} hops exceeds the limit of "
                                  f"{budgets.MAX_PATH_LENGTH} hops")
    return _PathSearch(views, source, target, direction=choice(direction, DIRECTIONS, "direction"),
                       allowed=type_filter(views, types), predicates=iri_set(predicates),
                       graphs=iri_set(graphs), max_length=max_length,
                       deadline=deadline or Deadline())


def shortest_path(views: GraphViews, source: str, target: str, *, max_length: int = MAX_PATH_LENGTH,
                  direction: Direction = "BOTH", types: Iterable[str] | None = None,
                  predicates: Iterable[str] | None = None, graphs: Iterable[str] | None = None,
                  deadline: Deadline | None = None) -> Path | None:
    """The shortest simple path between two nodes (the first in IRI order among ties), or None.

    Parameters are those of :func:`shortest_paths`.

    Returns
    -------
    Path or None
        None when no path is within ``max_length`` hops.

    Raises
    ------
    AnalyticsInputError, AnalyticsLimitError
        As :func:`shortest_paths`.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_iri, example_views
    >>> views = example_views()
    >>> path = shortest_path(views, example_iri("person/ann"), example_iri("org/kcc"))
    >>> path.length, [views.nodes[node].label for node in path.nodes]
    (1, ['Ann Lee', 'Kent County Council'])
    >>> shortest_path(views, example_iri("org/kcc"), example_iri("person/ann"), direction="OUT") is None
    True
    """
    found = shortest_paths(views, source, target, max_length=max_length, direction=direction, types=types,
                           predicates=predicates, graphs=graphs, deadline=deadline)
    return found.paths[0] if found.paths else None


__all__ = ["shortest_path", "shortest_paths"]
