"""Root fields for graph algorithms: shortest paths, centrality, communities, neighbourhoods.

The algorithms (:mod:`graph.analytics`) are CPU-bound and synchronous. A field never runs them on
the event loop: it asks the snapshot's :class:`graph.analytics.GraphAnalytics` for the answer,
which comes from the cache, from the same computation already running for another request, or
from a new computation in a thread of its own, and awaits it within :data:`ALGORITHM_SECONDS`.

* Over the budget the request is answered with ``ALGORITHM_TIMEOUT``
  (:class:`schema.errors.AlgorithmTimeoutError`) and the computation stops within a fraction of
  a second (its loops check a :class:`graph.analytics.Deadline`), unless another request still
  waits for it within its own budget.
* A request that goes away (client gone, task cancelled) releases its claim; the last claim
  released stops the computation.
* Too many computations of one family at once: ``BUSY`` (:class:`schema.errors.AlgorithmBusyError`)
  with a ``retryAfter`` hint, at once, never a queue.
* Whatever grows with the graph after the answer (pages of a ranking of every node, members
  sorted by label) is built in a worker thread too.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import Callable, Mapping
from concurrent.futures import Future
from enum import Enum
from typing import Any, TypeVar

import anyio
import strawberry
from strawberry import Info

from evidence_graph.graph import analytics
from evidence_graph.schema.errors import AlgorithmBusyError, AlgorithmTimeoutError
from evidence_graph.schema.limits import check_argument_sizes
from evidence_graph.schema.pagination import Connection, Descending, PageRequest, page_size, paginate
from evidence_graph.schema.types import CentralityAlgorithm, Direction, Entity, Statement, entity_of, statement_object

#: Seconds an algorithm may run before the request is answered with an error. Read at each
#: request: the server sets it from its settings (``schema.algorithms.ALGORITHM_SECONDS = …``).
ALGORITHM_SECONDS = 20.0

Result = TypeVar("Result")


def configure_algorithms(*, seconds: float | None = None, concurrency: Mapping[str, int] | None = None) -> None:
    """Set the time budget of every algorithm field and the concurrency limits per family (what
    the server reads from its settings).

    Parameters
    ----------
    seconds : float, optional
        The new :data:`ALGORITHM_SECONDS` (unchanged if None).
    concurrency : mapping of str to int, optional
        Slots per family ("paths", "centrality", "communities", "neighbourhood", "estimate"),
        merged into ``graph.analytics.budgets.CONCURRENCY``.

    Raises
    ------
    ValueError
        A budget that is not positive, an unknown family or a limit below one.

    Examples
    --------
    >>> from evidence_graph.schema import algorithms
    >>> before = algorithms.ALGORITHM_SECONDS, dict(analytics.budgets.CONCURRENCY)
    >>> configure_algorithms(seconds=5, concurrency={"centrality": 1})
    >>> algorithms.ALGORITHM_SECONDS, analytics.budgets.CONCURRENCY["centrality"]
    (5.0, 1)
    >>> configure_algorithms(seconds=before[0], concurrency=before[1])
    """
    global ALGORITHM_SECONDS
    if seconds is not None and not seconds > 0:
        raise ValueError(f"the algorithm budget must be positive, got {seconds}")
    for family, slots in (concurrency or {}).items():
        if family not in analytics.FAMILIES or slots < 1:
            raise ValueError(f"concurrency needs a family of {', '.join(analytics.FAMILIES)} and at least one "
                             f"slot, got {family!r}: {slots}")
    if seconds is not None:
        ALGORITHM_SECONDS = float(seconds)
    analytics.budgets.CONCURRENCY.update(concurrency or {})


async def _answer(future: Future[Result]) -> Result:
    """Await a thread's future without a thread, and without letting this caller's cancellation
    cancel it (other requests may be waiting for the same computation)."""
    if future.done():
        return future.result()
    loop = asyncio.get_running_loop()
    waiter: asyncio.Future[Result] = loop.create_future()

    def settle(done: Future[Result]) -> None:
        if waiter.done():
            return
        failure = done.exception()
        if failure is None:
            waiter.set_result(done.result())
        else:
            waiter.set_exception(failure)

    def relay(done: Future[Result]) -> None:
        with contextlib.suppress(RuntimeError):  # the loop has closed: nobody is left to tell
            loop.call_soon_threadsafe(settle, done)

    future.add_done_callback(relay)
    return await waiter


def _timeout(name: str, seconds: float) -> AlgorithmTimeoutError:
    return AlgorithmTimeoutError(f"{name} took longer than the limit of {seconds:g} s; restrict it with types, "
                                 f"graphs or predicates", seconds)


async def run_algorithm(info: Info, name: str, kind: str, **params: Any) -> Any:
    """The answer of ``GraphAnalytics.request(kind, **params)`` within :data:`ALGORITHM_SECONDS`.

    Parameters
    ----------
    info : Info
        The resolver's info (its context holds the snapshot).
    name : str
        The field or algorithm, for messages.
    kind : str
        A kind of :meth:`graph.analytics.GraphAnalytics.request`.
    **params
        Its parameters.

    Returns
    -------
    object
        The record computed (or cached).

    Raises
    ------
    AlgorithmTimeoutError
        The computation took longer than the budget (and was stopped, unless another request
        still waits for it).
    AlgorithmBusyError
        Its family has no free slot; ``extensions.retryAfter`` says when to try again.
    QueryLimitError
        A text or list argument over the caps of :func:`schema.limits.check_argument_sizes`.
    """
    check_argument_sizes(name, **params)  # every algorithm field's IRIs and lists, before any work
    seconds = ALGORITHM_SECONDS
    try:
        ticket = _analytics(info).request(kind, seconds=seconds, **params)
    except analytics.AnalyticsBusyError as busy:
        raise AlgorithmBusyError(f"{name}: the server is busy with other {busy.family} computations; retry "
                                 f"in {busy.retry_after:g} s", busy.retry_after) from None
    try:
        with anyio.fail_after(seconds):
            return await _answer(ticket.future)
    except (TimeoutError, analytics.AnalyticsTimeoutError):
        raise _timeout(name, seconds) from None
    finally:
        ticket.release()


async def off_loop(work: Callable[[], Result]) -> Result:
    """Run ``work`` (bounded, but growing with the graph) in a worker thread."""
    return await anyio.to_thread.run_sync(work)


@strawberry.enum(description="Community detection algorithms (networkx).")
class CommunityAlgorithm(Enum):
    LOUVAIN = "LOUVAIN"
    LABEL_PROPAGATION = "LABEL_PROPAGATION"
    GREEDY_MODULARITY = "GREEDY_MODULARITY"
    CONNECTED_COMPONENTS = "CONNECTED_COMPONENTS"


@strawberry.type(description="One step of a path, through a statement (walked forward or backward).")
class PathHop:
    forward: bool = strawberry.field(description="True when the statement reads from `source` to `target`.")
    predicate: str
    hop: strawberry.Private[analytics.Hop]

    @strawberry.field
    def source(self, info: Info) -> Entity | None:
        return entity_of(info.context.views, self.hop.source)

    @strawberry.field
    def target(self, info: Info) -> Entity | None:
        return entity_of(info.context.views, self.hop.target)

    @strawberry.field(description="The statement of the hop, with its evidence.")
    def statement(self, info: Info) -> Statement:
        return statement_object(info.context.views, info.context.views.statements[self.hop.statement])

    @strawberry.field(description="Every statement linking the two nodes this way (parallel statements).")
    def statements(self, info: Info) -> list[Statement]:
        return [statement_object(info.context.views, info.context.views.statements[s]) for s in self.hop.statements]


@strawberry.type(description="A simple path between two entities.")
class Path:
    length: int
    record: strawberry.Private[analytics.Path]

    @strawberry.field(description="The entities along the path, from the start to the end.")
    def nodes(self, info: Info) -> list[Entity]:
        return [e for e in (entity_of(info.context.views, n) for n in self.record.nodes) if e is not None]

    @strawberry.field
    def hops(self) -> list[PathHop]:
        return [PathHop(forward=h.forward, predicate=h.predicate, hop=h) for h in self.record.hops]


def _path(record: analytics.Path) -> Path:
    return Path(length=record.length, record=record)


@strawberry.type(description="Paths between two entities, shortest first.")
class PathList:
    paths: list[Path]
    truncated: bool = strawberry.field(description="True when ties were cut at the cap.")


@strawberry.type(description="A community of entities.")
class Community:
    id: int = strawberry.field(description="Rank of the community in the answer (largest first).")
    size: int
    record: strawberry.Private[analytics.Community]

    @strawberry.field(description="Its members, by label.")
    async def members(self, info: Info, first: int | None = None, after: str | None = None,
                      last: int | None = None, before: str | None = None) -> Connection[Entity]:
        views = info.context.views

        def page() -> Connection[Entity]:
            members = sorted((m for m in self.record.members if m in views.nodes),
                             key=lambda m: (views.nodes[m].label.casefold(), m))
            return paginate(members, lambda m: (views.nodes[m].label.casefold(), m),
                            PageRequest(first, after, last, before), lambda m: entity_of(views, m))

        return await off_loop(page)


@strawberry.type(description="A partition of the graph into communities.")
class CommunityPartition:
    algorithm: str
    modularity: float | None = strawberry.field(description="Modularity of the whole partition.")
    node_count: int
    edge_count: int
    result: strawberry.Private[analytics.CommunityResult]

    @strawberry.field(description="The communities, largest first.")
    async def communities(self, first: int | None = None, after: str | None = None, last: int | None = None,
                          before: str | None = None) -> Connection[Community]:
        return await off_loop(lambda: paginate(
            self.result.communities, lambda c: (c.id,), PageRequest(first, after, last, before),
            lambda c: Community(id=c.id, size=c.size, record=c)))

    @strawberry.field(description="The id of the community holding an entity.")
    def community_of(self, iri: str) -> int | None:
        return self.result.community_of(iri)


@strawberry.type(description="The entities within some hops of seeds and the statements between them.")
class Subgraph:
    record: strawberry.Private[analytics.Neighbourhood]

    @strawberry.field
    def node_count(self) -> int:
        return len(self.record.nodes)

    @strawberry.field
    def edge_count(self) -> int:
        return len(self.record.statements)

    @strawberry.field(description="Entities, nearest first.")
    def nodes(self, info: Info) -> list[Entity]:
        return [e for e in (entity_of(info.context.views, n) for n in self.record.nodes) if e is not None]

    @strawberry.field(description="Statements between the entities, with their evidence.")
    def edges(self, info: Info) -> list[Statement]:
        return [statement_object(info.context.views, info.context.views.statements[s]) for s in self.record.statements]

    @strawberry.field(description="Hops from the nearest seed, per entity IRI, in the order of `nodes`.")
    def distances(self) -> list[int]:
        return [self.record.distances[n] for n in self.record.nodes]


@strawberry.type(description="Whether an algorithm fits its budget on the graph.")
class AlgorithmEstimate:
    algorithm: str
    node_count: int
    edge_count: int
    node_limit: int
    allowed: bool
    reason: str | None


def _analytics(info: Info) -> analytics.GraphAnalytics:
    return info.context.snapshot.analytics


async def centrality_scores(info: Info, algorithm: CentralityAlgorithm) -> Mapping[str, float]:
    """Scores of every node by a centrality algorithm (cached), computed off the event loop.

    Returns
    -------
    Mapping
        IRI to score, read-only (the result's own map: no copy per request).
    """
    found: analytics.CentralityResult = await run_algorithm(info, algorithm.value, "centrality",
                                                            algorithm=algorithm.value)
    return found.scores


@strawberry.type
class AlgorithmQuery:
    @strawberry.field(description="The shortest path between two entities (null if none within maxLength).")
    async def shortest_path(self, info: Info, source: str, target: str, max_length: int = 4,
                            direction: Direction = Direction.BOTH, types: list[str] | None = None,
                            predicates: list[str] | None = None, graphs: list[str] | None = None) -> Path | None:
        found: analytics.PathResult = await run_algorithm(
            info, "shortestPath", "shortest_paths", source=source, target=target, max_length=max_length,
            direction=direction.value, types=types, predicates=predicates, graphs=graphs)
        return _path(found.paths[0]) if found.paths else None

    @strawberry.field(description="The k shortest simple paths (allTies: every path as short as the k-th).")
    async def shortest_paths(self, info: Info, source: str, target: str, k: int = 3, all_ties: bool = False,
                             max_length: int = 4, direction: Direction = Direction.BOTH,
                             types: list[str] | None = None, predicates: list[str] | None = None,
                             graphs: list[str] | None = None) -> PathList:
        found: analytics.PathResult = await run_algorithm(
            info, "shortestPaths", "shortest_paths", source=source, target=target, k=k, all_ties=all_ties,
            max_length=max_length, direction=direction.value, types=types, predicates=predicates, graphs=graphs)
        return PathList(paths=[_path(p) for p in found.paths], truncated=found.truncated)

    @strawberry.field(description="Entities ranked by a centrality measure; each edge carries the score. "
                                  "`types` ranks only those types (scores come from the whole graph).")
    async def centrality(self, info: Info, algorithm: CentralityAlgorithm, types: list[str] | None = None,
                         graphs: list[str] | None = None, predicates: list[str] | None = None,
                         direction: Direction | None = None, sample: int | None = None, seed: int = 0,
                         first: int | None = None, after: str | None = None) -> Connection[Entity]:
        found: analytics.CentralityResult = await run_algorithm(
            info, algorithm.value, "centrality", algorithm=algorithm.value, types=types, graphs=graphs,
            predicates=predicates, direction=direction.value if direction else None, sample=sample, seed=seed)
        views = info.context.views
        page = PageRequest(first, after)
        page_size(page.first, page.last)  # a page over the cap is refused before any work

        def ranked_page() -> Connection[Entity]:
            ranked = [r for r in found.ranking if r.iri in views.nodes]
            return paginate(ranked, _ranked_key, page, lambda r: entity_of(views, r.iri), lambda r: r.score)

        return await off_loop(ranked_page)

    @strawberry.field(description="Communities of the graph (direction ignored), largest first.")
    async def communities(self, info: Info, algorithm: CommunityAlgorithm, types: list[str] | None = None,
                          graphs: list[str] | None = None, predicates: list[str] | None = None,
                          resolution: float = 1.0, seed: int = 0) -> CommunityPartition:
        found: analytics.CommunityResult = await run_algorithm(
            info, algorithm.value, "communities", algorithm=algorithm.value, types=types, graphs=graphs,
            predicates=predicates, resolution=resolution, seed=seed)
        return CommunityPartition(algorithm=found.algorithm, modularity=found.modularity,
                                  node_count=found.node_count, edge_count=found.edge_count, result=found)

    @strawberry.field(description="The subgraph within `hops` of an entity, for visualisation.")
    async def neighbourhood(self, info: Info, iri: str, hops: int = 1, direction: Direction = Direction.BOTH,
                            types: list[str] | None = None, predicates: list[str] | None = None,
                            graphs: list[str] | None = None) -> Subgraph:
        found: analytics.Neighbourhood = await run_algorithm(
            info, "neighbourhood", "neighbourhood", seeds=iri, hops=hops, direction=direction.value, types=types,
            predicates=predicates, graphs=graphs)
        return Subgraph(record=found)

    @strawberry.field(description="Whether an algorithm would run within its budget, and on how large a graph.")
    async def estimate(self, info: Info, algorithm: str, graphs: list[str] | None = None,
                       predicates: list[str] | None = None) -> AlgorithmEstimate:
        found: analytics.AlgorithmEstimate = await run_algorithm(
            info, "estimate", "estimate", algorithm=algorithm, graphs=graphs, predicates=predicates)
        return AlgorithmEstimate(algorithm=found.algorithm, node_count=found.node_count,
                                 edge_count=found.edge_count, node_limit=found.node_limit, allowed=found.allowed,
                                 reason=found.reason)


def _ranked_key(ranked: analytics.RankedNode) -> tuple[Any, ...]:
    return (Descending(round(ranked.score, 12)), ranked.iri)
