"""GraphAnalytics: the algorithms of this package over one graph version, each computed at most
once at a time and kept in a bounded, byte-counted cache.

* **Cache.** Results are kept in a :class:`graph.lru.BoundedLRU` keyed by a digest of the
  algorithm and its canonical parameters, charged by :func:`graph.analytics.records.result_size`.
  Errors are not kept.
* **One computation per question.** A request for a result being computed joins that
  computation (single flight) instead of starting another; every caller gets the same object.
* **Concurrency per family.** At most ``budgets.CONCURRENCY[family]`` computations of a family
  run at once in the process (a :class:`Limiter` shared by every graph version, as the cores
  are); one more is refused at once with :class:`AnalyticsBusyError` and a retry hint, never
  queued.
* **Stoppable.** Each computation runs in its own thread under a
  :class:`graph.analytics.deadline.Deadline`: it stops when its time is up, and as soon as the
  last caller waiting for it has gone (:meth:`Ticket.release`).

Async callers use :meth:`GraphAnalytics.request`, which never blocks: it answers from the cache,
joins a computation or starts one, and returns a :class:`Ticket` whose ``future`` they await.
The named methods (:meth:`GraphAnalytics.centrality` …) are the blocking form of the same.
"""

from __future__ import annotations

import math
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from concurrent.futures import Future
from typing import Any

from evidence_graph.graph.analytics import budgets
from evidence_graph.graph.analytics.budgets import MAX_PATH_LENGTH, estimate
from evidence_graph.graph.analytics.centrality import centrality
from evidence_graph.graph.analytics.communities import communities
from evidence_graph.graph.analytics.deadline import Deadline
from evidence_graph.graph.analytics.errors import AnalyticsBusyError, AnalyticsInputError
from evidence_graph.graph.analytics.neighbourhood import neighbourhood
from evidence_graph.graph.analytics.parameters import Direction, choice_name, order_free
from evidence_graph.graph.analytics.paths import shortest_paths
from evidence_graph.graph.analytics.records import (
    AlgorithmEstimate,
    CentralityResult,
    CommunityResult,
    Neighbourhood,
    Path,
    PathResult,
    result_size,
)
from evidence_graph.graph.lru import BoundedLRU, digest
from evidence_graph.graph.views import GraphViews

Compute = Callable[[Deadline], Any]

#: The family of each kind of request (each family has its own concurrency limit).
KIND_FAMILIES: dict[str, str] = {"shortest_paths": "paths", "centrality": "centrality",
                                 "communities": "communities", "neighbourhood": "neighbourhood",
                                 "estimate": "estimate"}
#: Seconds a computation of an unseen family is assumed to take (for the first retry hints).
_FIRST_GUESS_SECONDS = 1.0


class Limiter:
    """How many computations of each family may run at once, and a fair wait when none may.

    Parameters
    ----------
    concurrency : mapping of str to int, optional
        Slots per family; a family it does not name takes ``budgets.CONCURRENCY[family]``
        (read at each request, so the server may tune it there).

    Examples
    --------
    >>> limiter = Limiter({"centrality": 1})
    >>> first = Deadline(10)
    >>> limiter.acquire("centrality", first)
    >>> limiter.acquire("centrality", Deadline(10))
    Traceback (most recent call last):
    evidence_graph.graph.analytics.errors.AnalyticsBusyError: 1 centrality computation(s) already running (the ...
    >>> limiter.release("centrality", first, 0.2)
    >>> limiter.running("centrality")
    0
    """

    def __init__(self, concurrency: Mapping[str, int] | None = None) -> None:
        self.concurrency = dict(concurrency or {})
        self._running: dict[str, list[Deadline]] = {}
        self._typical: dict[str, float] = {}
        self._lock = threading.Lock()

    def limit(self, family: str) -> int:
        """Slots of ``family``."""
        return self.concurrency.get(family, budgets.CONCURRENCY.get(family, 1))

    def running(self, family: str) -> int:
        """Computations of ``family`` running now."""
        with self._lock:
            return len(self._running.get(family, ()))

    def acquire(self, family: str, deadline: Deadline) -> None:
        """Take a slot for a computation that will stop by ``deadline``.

        Raises
        ------
        AnalyticsBusyError
            Every slot is taken.
        """
        with self._lock:
            running = self._running.setdefault(family, [])
            if len(running) >= self.limit(family):
                wait = self._retry_after(family, running)
                raise AnalyticsBusyError(f"{len(running)} {family} computation(s) already running (the limit); "
                                         f"retry in {wait:g} s", family, wait)
            running.append(deadline)

    def release(self, family: str, deadline: Deadline, seconds: float) -> None:
        """Give back the slot taken with ``deadline``; the computation took ``seconds``."""
        with self._lock:
            running = self._running.get(family, [])
            if any(held is deadline for held in running):
                running[:] = [held for held in running if held is not deadline]
            # A moving average of what computations of the family take, for the retry hints.
            self._typical[family] = 0.7 * self._typical.get(family, seconds) + 0.3 * seconds

    def _retry_after(self, family: str, running: list[Deadline]) -> float:
        soonest = min(held.remaining() for held in running) if running else 0.0
        typical = self._typical.get(family, _FIRST_GUESS_SECONDS)
        # A slot frees when the first running computation ends, at the latest at its deadline.
        return max(1.0, float(math.ceil(min(soonest, typical))))


#: The limiter every GraphAnalytics shares unless given its own.
LIMITER = Limiter()


class _Flight:
    """One computation in progress and the callers waiting for it."""

    __slots__ = ("deadline", "family", "future", "lock", "waiters")

    def __init__(self, family: str, deadline: Deadline) -> None:
        self.family = family
        self.deadline = deadline
        self.future: Future[Any] = Future()
        self.waiters = 0
        self.lock = threading.Lock()

    def join(self, seconds: float | None) -> None:
        with self.lock:
            self.waiters += 1
            if seconds is not None:
                self.deadline.extend(seconds)

    def leave(self) -> None:
        with self.lock:
            self.waiters -= 1
            if self.waiters <= 0 and not self.future.done():
                self.deadline.cancel()


class Ticket:
    """A caller's claim on an answer: ``future`` resolves to the result or the error.

    Call :meth:`release` when no longer waiting (answered, timed out, or gone): the computation
    is stopped when the last ticket on it is released before it finishes.
    """

    __slots__ = ("_flight", "future")

    def __init__(self, future: Future[Any], flight: _Flight | None = None) -> None:
        self.future = future
        self._flight = flight

    @classmethod
    def answered(cls, result: object) -> Ticket:
        """A ticket for a result already known."""
        future: Future[Any] = Future()
        future.set_result(result)
        return cls(future)

    def release(self) -> None:
        """Stop waiting (idempotent)."""
        flight, self._flight = self._flight, None
        if flight is not None:
            flight.leave()

    def result(self) -> Any:
        """Block until the answer, then release the ticket.

        Raises
        ------
        AnalyticsError
            What the computation raised.
        """
        try:
            return self.future.result()
        finally:
            self.release()


class GraphAnalytics:
    """The algorithms of this package over one graph version: cached, shared, limited, stoppable.

    Create one beside each :class:`GraphViews`; a new graph version needs a new instance (and so
    starts with an empty cache). Safe to call from several threads.

    Parameters
    ----------
    views : GraphViews
        The graph version.
    cache_size : int
        Most results kept; the least recently used is dropped first.
    cache_bytes : int
        Most bytes of results kept (as :func:`graph.analytics.records.result_size` counts them).
    limiter : Limiter, optional
        Concurrency per family (default: :data:`LIMITER`, shared by the process).

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> analytics = GraphAnalytics(example_views())
    >>> first = analytics.centrality("PAGERANK")
    >>> analytics.centrality("pagerank") is first, analytics.computations
    (True, 1)
    """

    def __init__(self, views: GraphViews, *, cache_size: int = 256, cache_bytes: int = 64 * 2**20,
                 limiter: Limiter | None = None) -> None:
        if cache_size < 1:
            raise AnalyticsInputError(f"cache_size must be at least 1, got {cache_size}")
        self.views = views
        self.cache_size = cache_size
        self.limiter = limiter or LIMITER
        #: Computations started (not answered from the cache nor joined), for tests and health.
        self.computations = 0
        self._cache: BoundedLRU[bytes, Any] = BoundedLRU(max_entries=cache_size, max_bytes=cache_bytes,
                                                          sizeof=result_size)
        self._flights: dict[bytes, _Flight] = {}
        self._lock = threading.Lock()

    @property
    def version(self) -> str:
        """The graph version the results are for."""
        return self.views.version

    def cache_len(self) -> int:
        """Number of results held."""
        return len(self._cache)

    def stats(self) -> dict[str, int]:
        """Cache entries, bytes, hits and misses, computations started and running."""
        with self._lock:
            running = len(self._flights)
        return {**self._cache.stats(), "computations": self.computations, "running": running}

    # -- requests --------------------------------------------------------------------------
    def request(self, kind: str, /, *, seconds: float | None = None, **params: Any) -> Ticket:
        """Ask for a result without blocking: from the cache, by joining the same computation,
        or by starting one in a thread of its own.

        Parameters
        ----------
        kind : {"shortest_paths", "centrality", "communities", "neighbourhood", "estimate"}
            The function of this package to run.
        seconds : float, optional
            Time this caller allows; a computation runs until the latest of its callers' deadlines
            (or until every caller has released its ticket).
        **params
            The function's parameters.

        Returns
        -------
        Ticket
            Await or block on ``ticket.future``; release the ticket when no longer waiting.

        Raises
        ------
        AnalyticsBusyError
            A new computation is needed and its family has no free slot.
        AnalyticsInputError
            An unknown kind.

        Examples
        --------
        >>> from evidence_graph.graph.analytics.examples import example_views
        >>> analytics = GraphAnalytics(example_views())
        >>> ticket = analytics.request("estimate", seconds=5, algorithm="LOUVAIN")
        >>> ticket.result().node_count
        6
        """
        if kind not in KIND_FAMILIES:
            raise AnalyticsInputError(f"unknown analytics request {kind!r}; expected one of "
                                      f"{', '.join(KIND_FAMILIES)}")
        parts, compute = getattr(self, f"_{kind}_job")(**params)
        key = digest(repr(parts))
        family = KIND_FAMILIES[kind]
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                return Ticket.answered(cached)
            flight = self._flights.get(key)
            if flight is None or flight.deadline.cancelled:  # a cancelled one is on its way out
                flight = _Flight(family, Deadline(seconds))
                self.limiter.acquire(family, flight.deadline)
                self._flights[key] = flight
                self.computations += 1
                started = True
            else:
                started = False
            flight.join(seconds)
        if started:
            threading.Thread(target=self._fly, args=(key, flight, compute), name=f"analytics-{family}",
                             daemon=True).start()
        return Ticket(flight.future, flight)

    def _fly(self, key: bytes, flight: _Flight, compute: Compute) -> None:
        flight.future.set_running_or_notify_cancel()  # from now on nobody can cancel the shared future
        started = time.monotonic()
        result: Any = None
        failure: BaseException | None = None
        try:
            result = compute(flight.deadline)
            self._cache.put(key, result)
        except BaseException as error:  # every outcome, whatever it is, goes to the waiters
            failure = error
        finally:
            with self._lock:
                if self._flights.get(key) is flight:
                    del self._flights[key]
            self.limiter.release(flight.family, flight.deadline, time.monotonic() - started)
        # Answer last, so that a caller woken by the answer finds the slot free again.
        if failure is None:
            flight.future.set_result(result)
        else:
            flight.future.set_exception(failure)

    # -- the parameters of each kind, canonical (the cache key) and bound (the computation) --
    def _shortest_paths_job(self, source: str, target: str, *, k: int = 1, all_ties: bool = False,
                            max_length: int = MAX_PATH_LENGTH, direction: Direction = "BOTH",
                            types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                            graphs: Iterable[str] | None = None) -> tuple[tuple[Any, ...], Compute]:
        types, predicates, graphs = order_free(types), order_free(predicates), order_free(graphs)
        parts = ("paths", source, target, k, all_ties, max_length, choice_name(direction), types, predicates, graphs)
        return parts, lambda deadline: shortest_paths(
            self.views, source, target, k=k, all_ties=all_ties, max_length=max_length, direction=direction,
            types=types, predicates=predicates, graphs=graphs, deadline=deadline)

    def _centrality_job(self, algorithm: str, *, types: Iterable[str] | None = None,
                        graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                        direction: Direction | None = None, sample: int | None = None,
                        seed: int = 0) -> tuple[tuple[Any, ...], Compute]:
        types, predicates, graphs = order_free(types), order_free(predicates), order_free(graphs)
        parts = ("centrality", choice_name(algorithm), types, graphs, predicates,
                 None if direction is None else choice_name(direction), sample, seed)
        return parts, lambda deadline: centrality(
            self.views, algorithm, types=types, graphs=graphs, predicates=predicates, direction=direction,
            sample=sample, seed=seed, deadline=deadline)

    def _communities_job(self, algorithm: str, *, types: Iterable[str] | None = None,
                         graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                         resolution: float = 1.0, seed: int = 0) -> tuple[tuple[Any, ...], Compute]:
        types, predicates, graphs = order_free(types), order_free(predicates), order_free(graphs)
        parts = ("communities", choice_name(algorithm), types, graphs, predicates, resolution, seed)
        return parts, lambda deadline: communities(
            self.views, algorithm, types=types, graphs=graphs, predicates=predicates, resolution=resolution,
            seed=seed, deadline=deadline)

    def _neighbourhood_job(self, seeds: str | Iterable[str], *, hops: int = 1, direction: Direction = "BOTH",
                           types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                           graphs: Iterable[str] | None = None) -> tuple[tuple[Any, ...], Compute]:
        seed_key = order_free(seeds) or ()
        types, predicates, graphs = order_free(types), order_free(predicates), order_free(graphs)
        parts = ("neighbourhood", seed_key, hops, choice_name(direction), types, predicates, graphs)
        return parts, lambda deadline: neighbourhood(
            self.views, seed_key, hops=hops, direction=direction, types=types, predicates=predicates,
            graphs=graphs, deadline=deadline)

    def _estimate_job(self, algorithm: str, *, graphs: Iterable[str] | None = None,
                      predicates: Iterable[str] | None = None) -> tuple[tuple[Any, ...], Compute]:
        predicates, graphs = order_free(predicates), order_free(graphs)
        parts = ("estimate", choice_name(algorithm), graphs, predicates)
        return parts, lambda deadline: estimate(self.views, algorithm, graphs=graphs, predicates=predicates,
                                                deadline=deadline)

    # -- the blocking form -----------------------------------------------------------------
    def _wait(self, kind: str, seconds: float | None, params: dict[str, Any]) -> Any:
        return self.request(kind, seconds=seconds, **params).result()

    def shortest_paths(self, source: str, target: str, *, k: int = 1, all_ties: bool = False,
                       max_length: int = MAX_PATH_LENGTH, direction: Direction = "BOTH",
                       types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                       graphs: Iterable[str] | None = None, seconds: float | None = None) -> PathResult:
        """Cached, shared :func:`graph.analytics.paths.shortest_paths`, stopped after ``seconds``."""
        return self._wait("shortest_paths", seconds, dict(
            source=source, target=target, k=k, all_ties=all_ties, max_length=max_length, direction=direction,
            types=types, predicates=predicates, graphs=graphs))

    def shortest_path(self, source: str, target: str, *, max_length: int = MAX_PATH_LENGTH,
                      direction: Direction = "BOTH", types: Iterable[str] | None = None,
                      predicates: Iterable[str] | None = None, graphs: Iterable[str] | None = None,
                      seconds: float | None = None) -> Path | None:
        """Cached, shared :func:`graph.analytics.paths.shortest_path`, stopped after ``seconds``."""
        found = self.shortest_paths(source, target, max_length=max_length, direction=direction, types=types,
                                    predicates=predicates, graphs=graphs, seconds=seconds)
        return found.paths[0] if found.paths else None

    def centrality(self, algorithm: str, *, types: Iterable[str] | None = None,
                   graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                   direction: Direction | None = None, sample: int | None = None,
                   seed: int = 0, seconds: float | None = None) -> CentralityResult:
        """Cached, shared :func:`graph.analytics.centrality.centrality`, stopped after ``seconds``."""
        return self._wait("centrality", seconds, dict(
            algorithm=algorithm, types=types, graphs=graphs, predicates=predicates, direction=direction,
            sample=sample, seed=seed))

    def communities(self, algorithm: str, *, types: Iterable[str] | None = None,
                    graphs: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                    resolution: float = 1.0, seed: int = 0, seconds: float | None = None) -> CommunityResult:
        """Cached, shared :func:`graph.analytics.communities.communities`, stopped after ``seconds``."""
        return self._wait("communities", seconds, dict(
            algorithm=algorithm, types=types, graphs=graphs, predicates=predicates, resolution=resolution,
            seed=seed))

    def neighbourhood(self, seeds: str | Iterable[str], *, hops: int = 1, direction: Direction = "BOTH",
                      types: Iterable[str] | None = None, predicates: Iterable[str] | None = None,
                      graphs: Iterable[str] | None = None, seconds: float | None = None) -> Neighbourhood:
        """Cached, shared :func:`graph.analytics.neighbourhood.neighbourhood`, stopped after ``seconds``."""
        return self._wait("neighbourhood", seconds, dict(
            seeds=seeds, hops=hops, direction=direction, types=types, predicates=predicates, graphs=graphs))

    def estimate(self, algorithm: str, *, graphs: Iterable[str] | None = None,
                 predicates: Iterable[str] | None = None, seconds: float | None = None) -> AlgorithmEstimate:
        """Cached, shared :func:`graph.analytics.budgets.estimate`, stopped after ``seconds``."""
        return self._wait("estimate", seconds, dict(algorithm=algorithm, graphs=graphs, predicates=predicates))


__all__ = ["KIND_FAMILIES", "LIMITER", "GraphAnalytics", "Limiter", "Ticket"]
