"""What a request reads: one immutable snapshot of the graph's views, swapped whole on change."""

from __future__ import annotations

import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rdflib.term import Node

from graph.analytics import GraphAnalytics
from graph.views import GraphViews


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

    def __init__(self, snapshot: GraphSnapshot) -> None:
        self._snapshot = snapshot
        self._lock = threading.Lock()

    @property
    def snapshot(self) -> GraphSnapshot:
        """The current snapshot."""
        return self._snapshot

    def swap(self, snapshot: GraphSnapshot) -> bool:
        """Make ``snapshot`` current; True if the version changed."""
        with self._lock:
            changed = snapshot.version != self._snapshot.version
            self._snapshot = snapshot
            return changed


@dataclass
class RequestContext:
    """The GraphQL context of one request (made per request by the server)."""

    snapshot: GraphSnapshot
    request: Any = None
    response: Any = None

    @property
    def views(self) -> GraphViews:
        """The views of the snapshot this request reads."""
        return self.snapshot.views
