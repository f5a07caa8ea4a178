"""Snapshots read from the store, and rebuilt when a writer changes it.

Views and indexes are built once at start-up and rebuilt, off the event loop, when the store's
generation marker changes; requests never touch the store.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Any

import anyio

from evidence_graph.graph.lru import BoundedLRU
from evidence_graph.graph.store import EvidenceStore, StoreError
from evidence_graph.schema.context import GraphSnapshot, GraphState
from evidence_graph.serving.heap import settle_heap
from evidence_graph.serving.settings import ServerSettings

logger = logging.getLogger("evidence_graph.server")


def load_snapshot(store_path: Path | None) -> GraphSnapshot:
    """Read a store (read-only, so a builder may hold the write lock) and build its views.

    Parameters
    ----------
    store_path : Path, optional
        The store folder; None or a missing folder gives an empty graph.

    Returns
    -------
    GraphSnapshot

    Examples
    --------
    >>> len(load_snapshot(None).views.nodes)
    0
    """
    if store_path is None or not store_path.exists():
        return GraphSnapshot.from_quads([])
    with EvidenceStore(store_path, read_only=True) as store:
        quads = list(store.quads())
    return GraphSnapshot.from_quads(quads)


async def watch_store(state: GraphState, settings: ServerSettings, cache: BoundedLRU[Any, Any]) -> None:
    """Rebuild the views when a writer changes the store (polling its generation marker); the
    answers in ``cache`` are dropped with the version they were computed from."""
    assert settings.store is not None
    seen = EvidenceStore.generation(settings.store)
    while True:
        await asyncio.sleep(settings.reload_seconds)
        current = EvidenceStore.generation(settings.store)
        if current == seen or current == state.generation:
            seen = current  # a mutation of this server committed it and serves it already
            continue
        try:
            snapshot = await anyio.to_thread.run_sync(load_snapshot, settings.store)
        except (StoreError, OSError) as error:
            # `seen` stays: the next poll tries this commit again rather than waiting for another.
            logger.warning("store changed but could not be read (%s); still serving the previous graph", error)
            continue
        seen = current
        previous = state.snapshot
        if state.swap(snapshot):
            cache.clear()
            # The previous views' memo holds objects that point back to the views: empty it so
            # that the old version is freed by reference counting, not left to a collection.
            previous.views.memo.clear()
            del previous
            logger.info("graph reloaded: version %s, %d nodes", snapshot.version, len(snapshot.views.nodes))
            settle_heap()


__all__ = ["load_snapshot", "watch_store"]
