"""The server's store writer: carries out ``ingestDocument`` and ``retractDocument``.

Writes need the bearer token of ``EVIDENCE_GRAPH_INGEST_TOKEN``, compared in constant time and
never logged or echoed. One write runs at a time in the server (and the store's write lock keeps
out any other writer, a ``build`` beside the server); it runs off the event loop, so readers
go on being answered from the snapshot they started on. Once the store has committed, the new
snapshot is built and swapped in and the response cache emptied before the mutation answers:
a reader sees the graph before the write or after it, never a half-ingested document.
"""

from __future__ import annotations

import asyncio
import hmac
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

import anyio

from evidence_graph.graph.lru import BoundedLRU
from evidence_graph.graph.store import EvidenceStore, StoreError
from evidence_graph.pipeline.ingest import (
    DocumentNotStored,
    IngestMetadata,
    IngestReport,
    RetractReport,
    ingest_content,
    retract_document,
)
from evidence_graph.schema.context import GraphState
from evidence_graph.schema.errors import BUSY, FORBIDDEN, NOT_FOUND, UNAUTHENTICATED, QueryInputError, WriteRefusedError
from evidence_graph.serving.heap import settle_heap
from evidence_graph.serving.store_watch import load_snapshot

logger = logging.getLogger("evidence_graph.server")

Report = TypeVar("Report", IngestReport, RetractReport)


def bearer_token(headers: Any) -> str | None:
    """The token of an ``Authorization: Bearer …`` header, or None.

    Examples
    --------
    >>> bearer_token({"authorization": "Bearer s3cret"}), bearer_token({"authorization": "Basic x"})
    ('s3cret', None)
    """
    value = headers.get("authorization") or ""
    scheme, _, token = value.strip().partition(" ")
    return token.strip() or None if scheme.lower() == "bearer" else None


def token_matches(given: str | None, expected: str) -> bool:
    """Whether a presented token is the expected one, compared in constant time.

    Examples
    --------
    >>> token_matches("s3cret", "s3cret"), token_matches("s3crex", "s3cret"), token_matches(None, "s3cret")
    (True, False, False)
    """
    if given is None:
        return False
    return hmac.compare_digest(given.encode("utf-8"), expected.encode("utf-8"))


class StoreWriter:
    """Carries out mutations against the server's store.

    Parameters
    ----------
    store : Path
        The store folder the server serves.
    token : str
        The bearer token writes must present.
    state : GraphState
        The served snapshot, swapped once a write commits.
    cache : BoundedLRU
        The response cache, emptied with the swap.
    wait : float
        Seconds a write waits for another writer of the store (a ``build``) before it is refused.
    """

    def __init__(self, store: Path, token: str, state: GraphState, cache: BoundedLRU[Any, Any],
                 wait: float = 30.0) -> None:
        self.store = store
        self._token = token
        self.state = state
        self.cache = cache
        self.wait = wait
        self._one_at_a_time = asyncio.Lock()

    def __repr__(self) -> str:  # never the token
        return f"StoreWriter({self.store})"

    def authorise(self, request: Any) -> None:
        """Refuse a request without the token (``UNAUTHENTICATED``) or with another (``FORBIDDEN``)."""
        given = bearer_token(request.headers) if request is not None else None
        if given is None:
            raise WriteRefusedError(UNAUTHENTICATED, "writes need an 'Authorization: Bearer <token>' header")
        if not token_matches(given, self._token):
            raise WriteRefusedError(FORBIDDEN, "the bearer token presented is not this server's")

    async def ingest(self, request: Any, content: bytes, media_type: str, metadata: dict[str, str | None],
                     dry_run: bool) -> tuple[IngestReport, str]:
        """Ingest a document (:func:`pipeline.ingest.ingest_content`), then serve the new graph."""
        self.authorise(request)
        try:
            facts = IngestMetadata(**metadata)
        except (TypeError, ValueError) as error:
            raise QueryInputError(str(error)) from None

        def write(store: EvidenceStore) -> IngestReport:
            return ingest_content(store, content, media_type, facts, dry_run=dry_run)

        report = await self._write(request, write)
        return report, self.state.snapshot.version

    async def retract(self, request: Any, document: str) -> tuple[RetractReport, str]:
        """Retract a document (:func:`pipeline.ingest.retract_document`), then serve the new graph."""
        self.authorise(request)
        report = await self._write(request, lambda store: retract_document(store, document))
        return report, self.state.snapshot.version

    async def _write(self, request: Any, write: Callable[[EvidenceStore], Report]) -> Report:
        """Run ``write`` on the store off the event loop, one write at a time, then serve the new
        version if it stored anything; store, input and look-up failures become coded errors.
        The caller has authorised the request (before reading its arguments)."""
        self._not_cached(request)

        def run() -> Report:
            with EvidenceStore(self.store, wait=self.wait, on_wait=None) as store:
                return write(store)

        async with self._one_at_a_time:
            try:
                report = await anyio.to_thread.run_sync(run)
            except StoreError as error:
                raise WriteRefusedError(BUSY, f"the store could not be written, nothing changed ({error})") from None
            except DocumentNotStored as error:
                raise WriteRefusedError(NOT_FOUND, str(error.args[0])) from None
            except ValueError as error:
                raise QueryInputError(str(error)) from None
            if getattr(report, "stored", True):  # a retraction always changes the store
                await self._serve_new_version()
        return report

    @staticmethod
    def _not_cached(request: Any) -> None:
        # A mutation's answer is never replayed from the response cache (serving.response_cache).
        if request is not None:
            request.state.wrote = True

    async def _serve_new_version(self) -> None:
        try:
            snapshot = await anyio.to_thread.run_sync(load_snapshot, self.store)
        except (StoreError, OSError) as error:
            # Committed but not readable now: the store watcher serves it at its next poll.
            logger.warning("write committed, but the store could not be read back (%s)", error)
            return
        previous = self.state.snapshot
        # The store watcher need not read this commit again.
        self.state.generation = EvidenceStore.generation(self.store)
        if self.state.swap(snapshot):
            self.cache.clear()
            previous.views.memo.clear()
            settle_heap()
            logger.info("graph after a write: version %s, %d nodes", snapshot.version, len(snapshot.views.nodes))


__all__ = ["StoreWriter", "bearer_token", "token_matches"]
