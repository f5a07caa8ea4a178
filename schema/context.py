"""What a request reads: one immutable snapshot of the graph's views, swapped whole on change."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib.term import Node

from evidence_graph.graph.analytics import GraphAnalytics
from evidence_graph.graph.views import GraphViews


@dataclass(frozen=True)
class GraphSize:
    """Nodes and links of the graph algorithms run on: what their cost is estimated from."""

    nodes: int = 0
    edges: int = 0


class LatestGraphSize:
    """The size of the graph the most recently made or swapped :class:`GraphState` serves.

    Query costs (:mod:`schema.limits`) read it where a request's own snapshot is not at hand
    (documents prepared ahead of execution). A process serves one graph, so one holder is enough;
    a state may be given its own holder instead.

    Examples
    --------
    >>> holder = LatestGraphSize()
    >>> _ = GraphState(GraphSnapshot.from_quads([]), holder)
    >>> holder()
    GraphSize(nodes=0, edges=0)
    """

    def __init__(self) -> None:
        self.size = GraphSize()

    def __call__(self) -> GraphSize:
        return self.size


#: The holder every :class:`GraphState` updates unless given another.
LATEST_GRAPH_SIZE = LatestGraphSize()


@dataclass(frozen=True)
class GraphSnapshot:
    """The views of one version of the graph and the algorithm cache tied to that version.

    Examples
    --------
    >>> snapshot = GraphSnapshot.from_quads([])
    >>> len(snapshot.views.nodes), snapshot.version == snapshot.views.version
    (0, True)
    """

    views: GraphViews
    analytics: GraphAnalytics
    #: Values derived from this version and kept for its lifetime (e.g. sorted entity lists).
    memo: dict[Any, Any] = field(default_factory=dict, compare=False, repr=False)

    @property
    def version(self) -> str:
        """Content hash of the graph this snapshot was built from."""
        return self.views.version

    @property
    def size(self) -> GraphSize:
        """Nodes and links of the projection the algorithms run on (measured once per snapshot)."""
        found = self.memo.get(GraphSize)
        if found is None:
            graph = self.views.graph
            found = self.memo.setdefault(GraphSize, GraphSize(graph.number_of_nodes(), graph.number_of_edges()))
        return found

    @classmethod
    def from_quads(cls, quads: Iterable[tuple[Node, Node, Node, Node]]) -> GraphSnapshot:
        """Build every view (records, statements, projection, search index) from quads."""
        views = GraphViews(quads)
        return cls(views, GraphAnalytics(views))


class GraphState:
    """The snapshot the server currently answers from; replaced atomically when the graph changes.

    Requests take the snapshot once, at their start, so a swap in the middle of a request never
    mixes two versions in one answer.
    """

    def __init__(self, snapshot: GraphSnapshot, size: LatestGraphSize = LATEST_GRAPH_SIZE) -> None:
        self._snapshot = snapshot
        self._lock = threading.Lock()
        self._size = size
        size.size = snapshot.size
        #: The store generation a writer of this process last served (the watcher skips it).
        self.generation: str | None = None

    @property
    def snapshot(self) -> GraphSnapshot:
        """The current snapshot."""
        return self._snapshot

    def swap(self, snapshot: GraphSnapshot) -> bool:
        """Make ``snapshot`` current; True if the version changed."""
        with self._lock:
            changed = snapshot.version != self._snapshot.version
            self._snapshot = snapshot
            self._size.size = snapshot.size
            return changed


@dataclass
class RequestContext:
    """The GraphQL context of one request (made per request by the server)."""

    snapshot: GraphSnapshot
    request: Any = None
    response: Any = None
    #: What carries out mutations (``serving.document_writer.StoreWriter``); None: no writes.
    writer: Any = None

    @property
    def views(self) -> GraphViews:
        """The views of the snapshot this request reads."""
        return self.snapshot.views
