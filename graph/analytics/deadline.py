"""The :class:`Deadline` of a graph computation: it stops when its time is up or when nobody
waits for its answer any more.

Why the algorithms check a deadline themselves
----------------------------------------------
A thread cannot be killed from outside in Python, so a budget enforced by abandoning the worker
thread (the request is answered, the work goes on) leaves the CPU busy: twenty timed-out
betweenness requests kept both cores of the sample server busy for thirty seconds after their
answers. Two ways really bound the work:

* **a process per computation**, killed at the deadline. The worker needs the graph: a "fork"
  worker shares the server's views copy-on-write but forking a process that runs threads
  (uvicorn, the anyio worker pool, other computations) can copy a lock held by a thread that
  does not exist in the child, and a "spawn"/"forkserver" worker would load or receive the
  graph (hundreds of MB at the largest corpus) for every computation or keep a pool of copies.
  Results (rankings of 100k nodes) would also be pickled back.
* **cooperative checks**: each algorithm calls :meth:`Deadline.check` in its long loops, which
  raises when the deadline has passed or the computation was cancelled. It needs no copy of the
  graph and no fork, and the thread is free as soon as the loop notices, at the price of driving
  networkx's loops ourselves where networkx offers none (betweenness and closeness per source,
  PageRank and eigenvector per iteration, Louvain per node move, label propagation per colour
  class, greedy modularity per merge, components per component, path search per expansion,
  neighbourhoods per frontier node, the projection every few thousand statements).

This package does the second. What runs between two checks is bounded by the node limits below:
the longest unchecked stretch at the limits is one BFS from one source (betweenness, closeness)
or one sort of the projection's links, well under a second on a laptop, and
``tests/test_analytics_budgets.py`` measures that the process's CPU time stops growing within a
second of a deadline.
"""

from __future__ import annotations

import math
import time

from evidence_graph.graph.analytics.errors import AnalyticsCancelledError, AnalyticsTimeoutError


class Deadline:
    """When a computation must stop: after ``seconds``, or when cancelled, whichever is first.

    Algorithms call :meth:`check` in their long loops; it costs one clock read.

    Parameters
    ----------
    seconds : float, optional
        Time allowed from now; None for no time limit (only cancellation stops it).

    Examples
    --------
    >>> deadline = Deadline(60)
    >>> deadline.check()
    >>> deadline.cancel()
    >>> deadline.check()
    Traceback (most recent call last):
    evidence_graph.graph.analytics.errors.AnalyticsCancelledError: the computation was cancelled: nobody waits for ...
    >>> Deadline(0).expired
    True
    """

    __slots__ = ("_at", "_cancelled", "seconds")

    def __init__(self, seconds: float | None = None) -> None:
        self.seconds = seconds
        self._at = math.inf if seconds is None else time.monotonic() + seconds
        self._cancelled = False

    @property
    def expired(self) -> bool:
        """True once the time is up."""
        return time.monotonic() >= self._at

    @property
    def cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancelled

    def remaining(self) -> float:
        """Seconds left (``inf`` without a time limit, 0 once past)."""
        return max(0.0, self._at - time.monotonic())

    def extend(self, seconds: float) -> None:
        """Allow at least ``seconds`` more from now (a later caller joined the computation)."""
        self._at = max(self._at, time.monotonic() + seconds)
        self.seconds = None if self.seconds is None else max(self.seconds, seconds)

    def cancel(self) -> None:
        """Stop the computation at its next check."""
        self._cancelled = True

    def check(self) -> None:
        """Raise if the computation must stop.

        Raises
        ------
        AnalyticsCancelledError
            :meth:`cancel` was called.
        AnalyticsTimeoutError
            The time is up.
        """
        if self._cancelled:
            raise AnalyticsCancelledError("the computation was cancelled: nobody waits for its answer")
        if time.monotonic() >= self._at:
            raise AnalyticsTimeoutError(f"the computation ran past its budget of {self.seconds:g} s", self.seconds)


__all__ = ["Deadline"]
