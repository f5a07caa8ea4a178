"""Graph algorithms over the entity projection of :class:`graph.views.GraphViews`: paths,
centrality, communities and neighbourhoods, with caps, budgets and a per-version cache.

The GraphQL layer calls these from a worker thread (they are CPU-bound and synchronous). Every
function only reads the views, so concurrent calls are safe; :class:`GraphAnalytics` adds a
bounded, locked LRU cache keyed by (graph version, algorithm, parameters).

Decisions that shape the answers
--------------------------------
* **Paths** walk the multigraph itself. ``direction`` "OUT" follows statements from subject to
  object, "IN" from object to subject, "BOTH" either way. Intermediate nodes must be of the
  allowed ``types``; the two endpoints are always allowed. Paths differ by their *nodes*: when
  parallel statements link two consecutive nodes, the hop names the smallest statement id and
  lists every statement that could serve it. Paths come shortest first, then in the
  lexicographic order of their node IRIs.
* **Centrality** is computed on a simple graph (parallel statements between two nodes collapse
  to one link) built from the statements allowed by ``graphs`` and ``predicates``. PageRank
  follows statements from subject to object by default (a statement is a vote for its object);
  the other measures ignore direction by default. ``types`` does *not* cut the graph: scores
  are computed on the whole projection and then only nodes of those types are ranked, because
  entities of one type rarely link to each other directly (organisations are linked through
  people, memberships, services and passages), so "the most central organisations" means the
  organisations most central in the whole graph.
* **Named graphs**: restricted to ``graphs``, an algorithm sees the statements in those graphs,
  the nodes typed in them and the ends of those statements; an IRI that names no graph simply
  gives an empty answer.
* **Communities** are found on the undirected simple graph (weakly connected components for
  CONNECTED_COMPONENTS); ``types`` keeps only members of those types in the answer, and the
  modularity is that of the whole partition.
* **Neighbourhoods** walk like paths: a node of a type outside ``types`` is neither shown nor
  walked through, so what is shown stays connected to the seeds.
* **Caps and budgets** (``MAX_*``, ``NODE_LIMITS``) refuse a request with
  :class:`AnalyticsLimitError` rather than run for minutes; nonsense parameters raise
  :class:`AnalyticsInputError`. Both are subclasses of ``ValueError``; :class:`AnalyticsError` is their base.
* **PageRank** is a plain-Python power iteration here: ``networkx.pagerank`` needs numpy and
  scipy, which this project does not install for one algorithm.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal, NamedTuple, TypeVar, cast

import networkx as nx

from graph.iris import iri as key_iri
from graph.views import TYPE_NAMES, GraphViews, expand

Direction = Literal["OUT", "IN", "BOTH"]
DIRECTIONS: tuple[str, ...] = ("OUT", "IN", "BOTH")
CENTRALITY_ALGORITHMS: tuple[str, ...] = ("DEGREE", "PAGERANK", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR")
COMMUNITY_ALGORITHMS: tuple[str, ...] = ("LOUVAIN", "LABEL_PROPAGATION", "GREEDY_MODULARITY",
                                         "CONNECTED_COMPONENTS")

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
PAGERANK_DAMPING = 0.85
PAGERANK_MAX_ITER = 1_000
EIGENVECTOR_MAX_ITER = 1_000
#: Scores are rounded to this many decimals so that float noise cannot break ties by IRI.
SCORE_DECIMALS = 12
#: The direction each centrality measure follows unless told otherwise.
DEFAULT_CENTRALITY_DIRECTION: dict[str, str] = {"PAGERANK": "OUT"}

_Result = TypeVar("_Result")
_TYPE_NAMES = frozenset(name for _, name in TYPE_NAMES) | {"Issue", "Theme"}


class AnalyticsError(Exception):
    """Base of the errors raised by graph analytics."""


class AnalyticsInputError(AnalyticsError, ValueError):
    """A parameter makes no sense: an unknown IRI, type or algorithm, a length below one …"""


class AnalyticsLimitError(AnalyticsError, ValueError):
    """A request is over a server cap or an algorithm's budget."""


class AnalyticsConvergenceError(AnalyticsError, RuntimeError):
    """An iterative algorithm did not converge within its iteration budget."""


# -- results -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class Hop:
    """One step of a path: from ``source`` to ``target`` through ``statement``.

    ``forward`` is True when the statement is ``source → target`` (subject to object) and False
    when the hop walks it backwards. ``statements`` lists every statement allowed by the filters
    that links the two nodes in the direction searched, smallest id first; ``statement`` is the
    first of them.
    """

    source: str
    target: str
    statement: str
    predicate: str
    forward: bool
    statements: tuple[str, ...]


@dataclass(frozen=True)
class Path:
    """A simple path: its nodes in order and one hop between each consecutive pair."""

    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    @property
    def length(self) -> int:
        """Number of hops."""
        return len(self.hops)

    @property
    def statements(self) -> tuple[str, ...]:
        """The statement chosen for each hop, in path order."""
        return tuple(hop.statement for hop in self.hops)


@dataclass(frozen=True)
class PathResult:
    """Paths between two nodes, shortest first; ``truncated`` when ties were cut at the cap."""

    paths: tuple[Path, ...]
    truncated: bool
    version: str


class RankedNode(NamedTuple):
    """A node and its score."""

    iri: str
    score: float


@dataclass(frozen=True)
class CentralityResult:
    """Nodes ranked by a centrality score (highest first, ties by IRI).

    ``node_count`` and ``edge_count`` describe the simple graph the scores were computed on;
    ``sampled_sources`` is the number of betweenness sources when it was sampled, else None.
    """

    algorithm: str
    ranking: tuple[RankedNode, ...]
    node_count: int
    edge_count: int
    sampled_sources: int | None
    version: str
    _scores: Mapping[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_scores", MappingProxyType(dict(self.ranking)))

    def score(self, iri: str) -> float | None:
        """The score of a ranked node, or None when it was not ranked."""
        return self._scores.get(iri)


@dataclass(frozen=True)
class Community:
    """A community: ``id`` is its rank in the answer (largest first), members sorted by IRI."""

    id: int
    members: tuple[str, ...]

    @property
    def size(self) -> int:
        """Number of members."""
        return len(self.members)


@dataclass(frozen=True)
class CommunityResult:
    """Communities sorted by size (largest first), then by their smallest member.

    ``modularity`` is that of the whole partition on the graph it was computed on (None for a
    graph without links).
    """

    algorithm: str
    communities: tuple[Community, ...]
    modularity: float | None
    node_count: int
    edge_count: int
    version: str
    _community_of: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        found = {member: community.id for community in self.communities for member in community.members}
        object.__setattr__(self, "_community_of", MappingProxyType(found))

    def community_of(self, iri: str) -> int | None:
        """The id of the community holding a node, or None."""
        return self._community_of.get(iri)


@dataclass(frozen=True)
class Neighbourhood:
    """The nodes within ``hops`` of the seeds and the statements linking them.

    ``nodes`` are sorted by distance, then IRI; ``distances`` maps each to its hop count.
    """

    seeds: tuple[str, ...]
    hops: int
    nodes: tuple[str, ...]
    distances: Mapping[str, int]
    statements: tuple[str, ...]
    version: str


@dataclass(frozen=True)
class AlgorithmEstimate:
    """The size of the graph an algorithm would run on, and whether the budget allows it."""

    algorithm: str
    node_count: int
    edge_count: int
    node_limit: int
    allowed: bool
    reason: str | None


# -- parameters --------------------------------------------------------------------------------
def _name(value: object) -> str:
    """The upper-case name of a choice given as a string or an enum member."""
    return str(getattr(value, "value", value)).upper()


def _choice(value: object, allowed: tuple[str, ...], what: str) -> str:
    name = _name(value)
    if name not in allowed:
        raise AnalyticsInputError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return name


def _iris(values: Iterable[str] | str | None) -> frozenset[str] | None:
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    return frozenset(expand(value) for value in values)


def _check_node(views: GraphViews, iri: str) -> None:
    if iri not in views.graph:
        raise AnalyticsInputError(f"no node with IRI {iri!r} in the graph")


def _type_filter(views: GraphViews, types: Iterable[str] | str | None) -> Callable[[str], bool] | None:
    """A test for "node is of one of these types" (short names such as "Person", or type IRIs)."""
    if types is None:
        return None
    names: set[str] = set()
    type_iris: set[str] = set()
    for value in [types] if isinstance(types, str) else types:
        if value in _TYPE_NAMES:
            names.add(value)
        elif "://" in expand(value):
            type_iris.add(expand(value))
        else:
            raise AnalyticsInputError(f"unknown type {value!r}; use a type IRI or one of "
                                      f"{', '.join(sorted(_TYPE_NAMES))}")

    def allowed(iri: str) -> bool:
        record = views.nodes.get(iri)
        return record is not None and (record.type in names or any(t in type_iris for t in record.types))

    return allowed


def _check_budget(algorithm: str, node_count: int) -> None:
    limit = NODE_LIMITS[algorithm]
    if node_count > limit:
        raise AnalyticsLimitError(f"{algorithm} over {node_count:,} nodes exceeds the limit of {limit:,} nodes")


def _ranked(scores: Mapping[str, float], allowed: Callable[[str], bool] | None) -> tuple[RankedNode, ...]:
    kept = ((iri, round(float(score), SCORE_DECIMALS)) for iri, score in scores.items()
            if allowed is None or allowed(iri))
    return tuple(RankedNode(iri, score) for iri, score in sorted(kept, key=lambda item: (-item[1], item[0])))


# -- the projection, filtered ------------------------------------------------------------------
def _edge_allowed(data: Mapping[str, str], predicates: frozenset[str] | None,
                  graphs: frozenset[str] | None) -> bool:
    return (predicates is None or data["predicate"] in predicates) and (graphs is None or data["graph"] in graphs)


def _simple_graph(views: GraphViews, *, direction: str, predicates: frozenset[str] | None,
                  graphs: frozenset[str] | None) -> nx.Graph:
    """The projection collapsed to a simple graph, nodes and links added in sorted order.

    "BOTH" gives an undirected graph; "OUT" links subject → object; "IN" object → subject.
    Restricted to named graphs, it holds the nodes typed in them and the ends of their links.
    """
    links: set[tuple[str, str]] = set()
    for subject, obj, data in views.graph.edges(data=True):
        if subject != obj and _edge_allowed(data, predicates, graphs):
            if direction == "IN" or (direction == "BOTH" and obj < subject):
                subject, obj = obj, subject
            links.add((subject, obj))
    if graphs is None:
        nodes = set(views.graph)
    else:
        nodes = {iri for iri in views.graph if views.nodes[iri].graphs & graphs}
        nodes.update(node for link in links for node in link)
    simple = nx.Graph() if direction == "BOTH" else nx.DiGraph()
    simple.add_nodes_from(sorted(nodes))
    simple.add_edges_from(sorted(links))
    return simple


# -- paths -------------------------------------------------------------------------------------
class _PathSearch:
    """Simple paths of an exact length between two nodes, in lexicographic order of node IRIs."""

    def __init__(self, views: GraphViews, source: str, target: str, *, direction: str,
                 allowed: Callable[[str], bool] | None, predicates: frozenset[str] | None,
                 graphs: frozenset[str] | None, max_length: int) -> None:
        self.graph = views.graph
        self.source, self.target = source, target
        self.direction, self.allowed = direction, allowed
        self.predicates, self.graphs = predicates, graphs
        self.explored = 0
        self.max_length = max_length
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
                    if _edge_allowed(data, self.predicates, self.graphs):
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
                if self.explored > MAX_EXPLORED_PATHS:
                    raise AnalyticsLimitError(
                        f"path search from {self.source} to {self.target} explored more than "
                        f"{MAX_EXPLORED_PATHS:,} partial paths (the limit); narrow it with max_length, "
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
                   graphs: Iterable[str] | None = None) -> PathResult:
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

    See Also
    --------
    shortest_path : the single shortest path.

    Examples
    --------
    >>> views = _example_views()
    >>> found = shortest_paths(views, _example_iri("person/ann"), _example_iri("framework/ifa"), k=2)
    >>> [[views.nodes[node].label for node in path.nodes] for path in found.paths]
    [['Ann Lee', 'Project Salus', 'IFA Framework'], ['Ann Lee', 'Bob Roe', 'Project Salus', 'IFA Framework']]
    >>> [(hop.predicate, hop.forward) for hop in found.paths[0].hops]
    [('http://www.w3.org/ns/org#memberOf', True), ('https://schema.org/provider', False)]
    """
    search = _path_search(views, source, target, k=k, max_length=max_length, direction=direction,
                          types=types, predicates=predicates, graphs=graphs)
    shortest = search.shortest_length()
    found: list[Path] = []
    truncated = False
    if shortest is not None:
        for length in range(shortest, max_length + 1):
            for path in search.paths_of_length(length):
                if all_ties and len(found) == MAX_TIED_PATHS:
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
                 graphs: Iterable[str] | None) -> _PathSearch:
    _check_node(views, source)
    _check_node(views, target)
    if k < 1:
        raise AnalyticsInputError(f"k must be at least 1, got {k}")
    if k > MAX_K:
        raise AnalyticsLimitError(f"k of {k} exceeds the limit of {MAX_K} paths")
    if max_length < 1:
        raise AnalyticsInputError(f"max_length must be at least 1 hop, got {max_length}")
    if max_length > MAX_PATH_LENGTH:
        raise AnalyticsLimitError(f"max_length of {max_length} hops exceeds the limit of {MAX_PATH_LENGTH} hops")
    return _PathSearch(views, source, target, direction=_choice(direction, DIRECTIONS, "direction"),
                       allowed=_type_filter(views, types), predicates=_iris(predicates),
                       graphs=_iris(graphs), max_length=max_length)


def shortest_path(views: GraphViews, source: str, target: str, *, max_length: int = MAX_PATH_LENGTH,
                  direction: Direction = "BOTH", types: Iterable[str] | None = None,
                  predicates: Iterable[str] | None = None, graphs: Iterable[str] | None = None) -> Path | None:
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
    >>> views = _example_views()
    >>> path = shortest_path(views, _example_iri("person/ann"), _example_iri("org/kcc"))
    >>> path.length, [views.nodes[node].label for node in path.nodes]
    (1, ['Ann Lee', 'Kent County Council'])
    >>> shortest_path(views, _example_iri("org/kcc"), _example_iri("person/ann"), direction="OUT") is None
    True
    """
    found = shortest_paths(views, source, target, max_length=max_length, direction=direction, types=types,
                           predicates=predicates, graphs=graphs)
    return found.paths[0] if found.paths else None


# -- centrality --------------------------------------------------------------------------------
def _pagerank(graph: nx.Graph) -> dict[str, float]:
    """PageRank by power iteration; dangling nodes spread their rank over every node."""
    nodes = list(graph)
    count = len(nodes)
    if count == 0:
        return {}
    successors = {node: list(graph.adj[node]) for node in nodes}
    dangling = [node for node in nodes if not successors[node]]
    rank = dict.fromkeys(nodes, 1.0 / count)
    for _ in range(PAGERANK_MAX_ITER):
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
    raise AnalyticsConvergenceError(f"PAGERANK did not converge within {PAGERANK_MAX_ITER} iterations")


def _eigenvector(graph: nx.Graph) -> dict[str, float]:
    if graph.number_of_nodes() == 0:
        return {}
    try:
        return nx.eigenvector_centrality(graph, max_iter=EIGENVECTOR_MAX_ITER)
    except nx.PowerIterationFailedConvergence:
        raise AnalyticsConvergenceError(
            f"EIGENVECTOR did not converge within {EIGENVECTOR_MAX_ITER} iterations; eigenvector "
            "centrality is ill-defined on this graph (e.g. directed and acyclic): try PAGERANK, "
            "or direction BOTH") from None


def _closeness(graph: nx.Graph) -> dict[str, float]:
    # networkx measures a digraph's closeness by distances *to* a node; ours is from it.
    return nx.closeness_centrality(graph.reverse(copy=False) if graph.is_directed() else graph)


def _degree(graph: nx.Graph) -> dict[str, float]:
    return nx.out_degree_centrality(graph) if graph.is_directed() else nx.degree_centrality(graph)


def centrality(views: GraphViews, algorithm: str, *, types: Iterable[str] | None = None,
               graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
               direction: Direction | None = None, sample: int | None = None,
               seed: int = 0) -> CentralityResult:
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

    Examples
    --------
    >>> views = _example_views()
    >>> result = centrality(views, "DEGREE", types=["Organisation"])
    >>> [(views.nodes[iri].label, score) for iri, score in result.ranking]
    [('Project Salus', 0.6), ('Kent County Council', 0.2)]
    """
    name = _choice(algorithm, CENTRALITY_ALGORITHMS, "centrality algorithm")
    direction = _choice(direction or DEFAULT_CENTRALITY_DIRECTION.get(name, "BOTH"), DIRECTIONS, "direction")
    allowed = _type_filter(views, types)
    if sample is not None and (name != "BETWEENNESS" or sample < 1):
        raise AnalyticsInputError(f"sample must be a positive number of sources and applies to BETWEENNESS "
                                  f"only, got {sample} for {name}")
    graph = _simple_graph(views, direction=direction, predicates=_iris(predicates), graphs=_iris(graphs))
    _check_budget(name, graph.number_of_nodes())
    sampled: int | None = None
    if name == "DEGREE":
        scores = _degree(graph)
    elif name == "PAGERANK":
        scores = _pagerank(graph)
    elif name == "BETWEENNESS":
        nodes = graph.number_of_nodes()
        sources = sample if sample is not None else \
            (BETWEENNESS_SAMPLE_SOURCES if nodes > EXACT_BETWEENNESS_NODE_LIMIT else None)
        sampled = sources if sources is not None and sources < nodes else None
        scores = nx.betweenness_centrality(graph, k=sampled, normalized=True, seed=seed)
    elif name == "CLOSENESS":
        scores = _closeness(graph)
    else:
        scores = _eigenvector(graph)
    return CentralityResult(name, _ranked(scores, allowed), graph.number_of_nodes(), graph.number_of_edges(),
                            sampled, views.version)


# -- communities -------------------------------------------------------------------------------
def communities(views: GraphViews, algorithm: str, *, types: Iterable[str] | None = None,
                graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                resolution: float = 1.0, seed: int = 0) -> CommunityResult:
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

    Examples
    --------
    >>> views = _example_views()
    >>> result = communities(views, "CONNECTED_COMPONENTS", types=["Person"])
    >>> [[views.nodes[iri].label for iri in community.members] for community in result.communities]
    [['Ann Lee', 'Bob Roe'], ['Cy Dee']]
    """
    name = _choice(algorithm, COMMUNITY_ALGORITHMS, "community algorithm")
    if not resolution > 0:
        raise AnalyticsInputError(f"resolution must be positive, got {resolution}")
    allowed = _type_filter(views, types)
    graph = _simple_graph(views, direction="BOTH", predicates=_iris(predicates), graphs=_iris(graphs))
    _check_budget(name, graph.number_of_nodes())
    if name == "LOUVAIN":
        partition = nx.community.louvain_communities(graph, resolution=resolution, seed=seed)
    elif name == "LABEL_PROPAGATION":
        partition = list(nx.community.label_propagation_communities(graph))
    elif name == "GREEDY_MODULARITY":
        partition = nx.community.greedy_modularity_communities(graph, resolution=resolution) if graph else []
    else:
        partition = list(nx.connected_components(graph))
    modularity = nx.community.modularity(graph, partition, resolution=resolution) \
        if graph.number_of_edges() else None
    kept = [sorted(m for m in members if allowed is None or allowed(m)) for members in partition]
    ordered = sorted((members for members in kept if members), key=lambda members: (-len(members), members[0]))
    found = tuple(Community(number, tuple(members)) for number, members in enumerate(ordered))
    return CommunityResult(name, found, None if modularity is None else round(modularity, SCORE_DECIMALS),
                           graph.number_of_nodes(), graph.number_of_edges(), views.version)


# -- neighbourhood -----------------------------------------------------------------------------
def neighbourhood(views: GraphViews, seeds: str | Iterable[str], *, hops: int = 1, direction: Direction = "BOTH",
                  types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                  graphs: Iterable[str] | None = None) -> Neighbourhood:
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

    Examples
    --------
    >>> views = _example_views()
    >>> found = neighbourhood(views, _example_iri("org/kcc"), hops=2)
    >>> [views.nodes[iri].label for iri in found.nodes], len(found.statements)
    (['Kent County Council', 'Ann Lee', 'Project Salus', 'Bob Roe'], 4)
    """
    seed_nodes = tuple(sorted({seeds} if isinstance(seeds, str) else set(seeds)))
    if not seed_nodes:
        raise AnalyticsInputError("neighbourhood needs at least one seed IRI")
    for seed in seed_nodes:
        _check_node(views, seed)
    if hops < 1:
        raise AnalyticsInputError(f"hops must be at least 1, got {hops}")
    if hops > MAX_NEIGHBOURHOOD_HOPS:
        raise AnalyticsLimitError(f"hops of {hops} exceeds the limit of {MAX_NEIGHBOURHOOD_HOPS} hops")
    direction = _choice(direction, DIRECTIONS, "direction")
    allowed = _type_filter(views, types)
    predicate_set, graph_set = _iris(predicates), _iris(graphs)
    distances = dict.fromkeys(seed_nodes, 0)
    frontier = list(seed_nodes)
    adjacencies = [views.graph.succ] if direction == "OUT" else [views.graph.pred] if direction == "IN" \
        else [views.graph.succ, views.graph.pred]
    for distance in range(1, hops + 1):
        reached: set[str] = set()
        for node in frontier:
            for adjacency in adjacencies:
                for neighbour, statements in adjacency[node].items():
                    if neighbour not in distances and (allowed is None or allowed(neighbour)) and any(
                            _edge_allowed(data, predicate_set, graph_set) for data in statements.values()):
                        reached.add(neighbour)
        for neighbour in reached:
            distances[neighbour] = distance
        if len(distances) > MAX_NEIGHBOURHOOD_NODES:
            raise AnalyticsLimitError(f"neighbourhood of {hops} hops reaches over {MAX_NEIGHBOURHOOD_NODES:,} "
                                      f"nodes (the limit); use fewer hops or restrict types or predicates")
        frontier = sorted(reached)
    statements = sorted(statement for node in distances
                        for neighbour, parallel in views.graph.succ[node].items() if neighbour in distances
                        for statement, data in parallel.items() if _edge_allowed(data, predicate_set, graph_set))
    nodes = tuple(sorted(distances, key=lambda iri: (distances[iri], iri)))
    return Neighbourhood(seed_nodes, hops, nodes, MappingProxyType(distances), tuple(statements), views.version)


# -- estimates ---------------------------------------------------------------------------------
def estimate(views: GraphViews, algorithm: str, *, graphs: Iterable[str] | None = None,
             predicates: Iterable[str] | None = None) -> AlgorithmEstimate:
    """Whether a centrality or community algorithm fits its budget on this graph.

    Parameters
    ----------
    views : GraphViews
        The graph version.
    algorithm : str
        A name from ``CENTRALITY_ALGORITHMS`` or ``COMMUNITY_ALGORITHMS``.
    graphs, predicates : iterable of str, optional
        As for :func:`centrality`.

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
    >>> estimate(_example_views(), "closeness")
    AlgorithmEstimate(algorithm='CLOSENESS', node_count=6, edge_count=5, node_limit=3000, allowed=True, reason=None)
    """
    name = _choice(algorithm, CENTRALITY_ALGORITHMS + COMMUNITY_ALGORITHMS, "algorithm")
    graph = _simple_graph(views, direction="BOTH", predicates=_iris(predicates), graphs=_iris(graphs))
    try:
        _check_budget(name, graph.number_of_nodes())
        reason = None
    except AnalyticsLimitError as refusal:
        reason = str(refusal)
    return AlgorithmEstimate(name, graph.number_of_nodes(), graph.number_of_edges(), NODE_LIMITS[name],
                             reason is None, reason)


# -- caching -----------------------------------------------------------------------------------
def _key(values: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """A hashable, order-free form of an IRI list (iterables are read once, here)."""
    if values is None:
        return None
    return tuple(sorted({values} if isinstance(values, str) else set(values)))


class GraphAnalytics:
    """The algorithms of this module over one graph version, with a bounded LRU cache.

    Create one beside each :class:`GraphViews`; a new graph version needs a new instance (and so
    starts with an empty cache). Safe to call from several threads: the cache is locked, and a
    result computed twice concurrently is stored once, so every caller gets the same object.

    Parameters
    ----------
    views : GraphViews
        The graph version.
    cache_size : int
        Most results kept; the least recently used is dropped first.

    Examples
    --------
    >>> analytics = GraphAnalytics(_example_views())
    >>> first = analytics.centrality("PAGERANK")
    >>> analytics.centrality("pagerank") is first
    True
    """

    def __init__(self, views: GraphViews, *, cache_size: int = 256) -> None:
        if cache_size < 1:
            raise AnalyticsInputError(f"cache_size must be at least 1, got {cache_size}")
        self.views = views
        self.cache_size = cache_size
        self._cache: OrderedDict[Hashable, object] = OrderedDict()
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        """The graph version the results are for."""
        return self.views.version

    def _cached(self, key: Hashable, compute: Callable[[], _Result]) -> _Result:
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return cast(_Result, self._cache[key])
        result = compute()
        with self._lock:
            if key in self._cache:  # computed meanwhile by another thread: keep one answer
                self._cache.move_to_end(key)
                return cast(_Result, self._cache[key])
            self._cache[key] = result
            while len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
        return result

    def cache_len(self) -> int:
        """Number of results held."""
        with self._lock:
            return len(self._cache)

    def shortest_paths(self, source: str, target: str, *, k: int = 1, all_ties: bool = False,
                       max_length: int = MAX_PATH_LENGTH, direction: Direction = "BOTH",
                       types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                       graphs: Iterable[str] | None = None) -> PathResult:
        """Cached :func:`shortest_paths`."""
        types, predicates, graphs = _key(types), _key(predicates), _key(graphs)
        key = ("paths", source, target, k, all_ties, max_length, _name(direction), types, predicates, graphs)
        return self._cached(key, lambda: shortest_paths(
            self.views, source, target, k=k, all_ties=all_ties, max_length=max_length, direction=direction,
            types=types, predicates=predicates, graphs=graphs))

    def shortest_path(self, source: str, target: str, *, max_length: int = MAX_PATH_LENGTH,
                      direction: Direction = "BOTH", types: Iterable[str] | None = None,
                      predicates: Iterable[str] | None = None, graphs: Iterable[str] | None = None) -> Path | None:
        """Cached :func:`shortest_path`."""
        found = self.shortest_paths(source, target, max_length=max_length, direction=direction, types=types,
                                    predicates=predicates, graphs=graphs)
        return found.paths[0] if found.paths else None

    def centrality(self, algorithm: str, *, types: Iterable[str] | None = None,
                   graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                   direction: Direction | None = None, sample: int | None = None,
                   seed: int = 0) -> CentralityResult:
        """Cached :func:`centrality`."""
        types, predicates, graphs = _key(types), _key(predicates), _key(graphs)
        key = ("centrality", _name(algorithm), types, graphs, predicates,
               None if direction is None else _name(direction), sample, seed)
        return self._cached(key, lambda: centrality(
            self.views, algorithm, types=types, graphs=graphs, predicates=predicates, direction=direction,
            sample=sample, seed=seed))

    def communities(self, algorithm: str, *, types: Iterable[str] | None = None,
                    graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                    resolution: float = 1.0, seed: int = 0) -> CommunityResult:
        """Cached :func:`communities`."""
        types, predicates, graphs = _key(types), _key(predicates), _key(graphs)
        key = ("communities", _name(algorithm), types, graphs, predicates, resolution, seed)
        return self._cached(key, lambda: communities(
            self.views, algorithm, types=types, graphs=graphs, predicates=predicates, resolution=resolution,
            seed=seed))

    def neighbourhood(self, seeds: str | Iterable[str], *, hops: int = 1, direction: Direction = "BOTH",
                      types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                      graphs: Iterable[str] | None = None) -> Neighbourhood:
        """Cached :func:`neighbourhood`."""
        seeds = _key(seeds) or ()
        types, predicates, graphs = _key(types), _key(predicates), _key(graphs)
        key = ("neighbourhood", seeds, hops, _name(direction), types, predicates, graphs)
        return self._cached(key, lambda: neighbourhood(
            self.views, seeds, hops=hops, direction=direction, types=types, predicates=predicates, graphs=graphs))

    def estimate(self, algorithm: str, *, graphs: Iterable[str] | None = None,
                 predicates: Iterable[str] | None = None) -> AlgorithmEstimate:
        """Cached :func:`estimate`."""
        predicates, graphs = _key(predicates), _key(graphs)
        key = ("estimate", _name(algorithm), graphs, predicates)
        return self._cached(key, lambda: estimate(self.views, algorithm, graphs=graphs, predicates=predicates))


# -- the small graph of the examples -----------------------------------------------------------
def _example_views() -> GraphViews:
    """Ann (member of KCC and Salus) knows Bob (member of Salus); Salus provides the IFA Framework;
    Cy is on her own."""
    from rdflib import Literal

    from graph.vocabulary import EG, ORG, RDF, SCHEMA, SKOS
    registry = key_iri("graph/registry")
    kinds = {"person/ann": (SCHEMA.Person, "Ann Lee"), "person/bob": (SCHEMA.Person, "Bob Roe"),
             "person/cy": (SCHEMA.Person, "Cy Dee"), "org/kcc": (ORG.FormalOrganization, "Kent County Council"),
             "org/salus": (ORG.FormalOrganization, "Project Salus"),
             "framework/ifa": (EG.ProcurementFramework, "IFA Framework")}
    quads = [quad for key, (kind, label) in kinds.items()
             for quad in ((key_iri(key), RDF.type, kind, registry),
                          (key_iri(key), SKOS.prefLabel, Literal(label), registry))]
    links = [("person/ann", ORG.memberOf, "org/kcc"), ("person/ann", ORG.memberOf, "org/salus"),
             ("person/ann", SCHEMA.knows, "person/bob"), ("person/bob", ORG.memberOf, "org/salus"),
             ("framework/ifa", SCHEMA.provider, "org/salus")]
    quads += [(key_iri(s), p, key_iri(o), registry) for s, p, o in links]
    return GraphViews(quads)


def _example_iri(key: str) -> str:
    """The IRI of a node of the examples' graph, as a string."""
    return str(key_iri(key))

__all__ = ["CENTRALITY_ALGORITHMS", "COMMUNITY_ALGORITHMS", "DIRECTIONS", "MAX_K", "MAX_PATH_LENGTH",
           "AlgorithmEstimate", "AnalyticsConvergenceError", "AnalyticsError", "AnalyticsInputError",
           "AnalyticsLimitError", "CentralityResult", "Community", "CommunityResult", "Direction",
           "GraphAnalytics", "Hop", "Neighbourhood", "Path", "PathResult", "RankedNode", "centrality",
           "communities", "estimate", "neighbourhood", "shortest_path", "shortest_paths"]
