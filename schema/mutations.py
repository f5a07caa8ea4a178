"""Mutations: ``ingestDocument`` and ``retractDocument``.

They are carried out by the :class:`DocumentWriter` the server puts in each request's context
(``serving.document_writer.StoreWriter``): it checks the bearer token, writes the store in one
transaction and moves the served graph and the response cache to the new version together, so
that a reader sees the graph before the write or after it, never between. Without a writer
(an embedded schema, a server with no token configured) every mutation is refused with
``WRITES_DISABLED``.
"""

from __future__ import annotations

import base64
import binascii
from typing import Any, Protocol

import strawberry
from strawberry.types import Info

from evidence_graph.schema.errors import WRITES_DISABLED, QueryInputError, WriteRefusedError

#: Media types whose content is text; any other is given as base64.
TEXT_MEDIA_TYPES = frozenset({"text/plain", "text/markdown", "text/html", "application/xhtml+xml"})


class DocumentWriter(Protocol):
    """What carries out mutations for a request (the server's store writer). The schema sits
    below the build pipeline: reports come back as the pipeline's objects, read by attribute
    (``pipeline.ingest.IngestReport`` and ``RetractReport``)."""

    def authorise(self, request: Any) -> None:
        """Raise :class:`schema.errors.WriteRefusedError` unless the request may write."""
        ...

    async def ingest(self, request: Any, content: bytes, media_type: str, metadata: dict[str, str | None],
                     dry_run: bool) -> tuple[Any, str]:
        """Ingest a document (metadata: key, committee, authority, date, source_url); return the
        report and the graph version now served. Bad input raises
        :class:`schema.errors.QueryInputError`."""
        ...

    async def retract(self, request: Any, document: str) -> tuple[Any, str]:
        """Retract a document; return the report and the graph version now served."""
        ...


@strawberry.input(description="What a document does not say of itself.")
class DocumentMetadataInput:
    key: str | None = strawberry.field(default=None, description=(
        "The document key to store it under (default `ingested/` and 12 hex digits of its sha256); "
        "ingesting again under the same key replaces it."))
    committee: str | None = strawberry.field(default=None, description="The committee that met.")
    authority: str | None = strawberry.field(default=None, description="The body the committee belongs to.")
    date: str | None = strawberry.field(default=None, description="The meeting date, YYYY-MM-DD.")
    source_url: str | None = strawberry.field(default=None, description="Where the document was published.")


@strawberry.type(description="What a build left out of a document or could not read; empty when all is well.")
class ValidationReport:
    errors: list[str] = strawberry.field(description="Why a document was refused (nothing stored then).")
    dropped: list[str] = strawberry.field(description="Derived facts left out for failing their shape.")
    warnings: list[str] = strawberry.field(description="What reading left out: page furniture and the like.")


@strawberry.type(description="One document's change.")
class DocumentChangeResult:
    document: str = strawberry.field(description="The document's IRI.")
    key: str = strawberry.field(description="The document key.")
    status: str = strawberry.field(description="`added`, `replaced`, or `unchanged` (the same bytes were stored).")
    added: int = strawberry.field(description="Quads of the document added.")
    removed: int = strawberry.field(description="Quads of its earlier version removed.")


@strawberry.type(description="What ingestDocument did, or in a dry run would do.")
class IngestDocumentPayload:
    dry_run: bool
    stored: bool = strawberry.field(description="Whether the store changed.")
    added: int = strawberry.field(description="Quads added in all.")
    removed: int = strawberry.field(description="Quads removed in all.")
    documents: list[DocumentChangeResult]
    report: ValidationReport
    version: str = strawberry.field(description="The graph version served once the mutation is done.")


@strawberry.type(description="What retractDocument removed.")
class RetractDocumentPayload:
    document: str = strawberry.field(description="The document's IRI.")
    removed: int = strawberry.field(description="Quads removed: its graphs and registry entries only it referred to.")
    registry_entries_removed: int
    version: str = strawberry.field(description="The graph version served once the mutation is done.")


def _writer(info: Info) -> DocumentWriter:
    """The request's writer, once it has checked the request may write (before any argument is read)."""
    writer: DocumentWriter | None = getattr(info.context, "writer", None)
    if writer is None:
        raise WriteRefusedError(WRITES_DISABLED, "this server takes no writes: start it with a store and "
                                                 "EVIDENCE_GRAPH_INGEST_TOKEN set")
    writer.authorise(info.context.request)
    return writer


def decode_content(content: str, media_type: str) -> bytes:
    """The document's bytes: text as UTF-8, any other media type's content as base64 (whether
    ingest reads that media type is the writer's to say).

    Raises
    ------
    QueryInputError
        For content that is not base64 where it must be.

    Examples
    --------
    >>> decode_content("Minutes", "text/plain"), decode_content("JVBERi0=", "application/pdf")
    (b'Minutes', b'%PDF-')
    """
    kind = media_type.split(";")[0].strip().lower()
    if kind in TEXT_MEDIA_TYPES:
        return content.encode("utf-8")
    try:
        return base64.b64decode(content, validate=True)
    except (binascii.Error, ValueError):
        raise QueryInputError(f"content of a {kind} document must be base64") from None


@strawberry.type
class Mutation:
    @strawberry.mutation(description=(
        "Take a document into the store: new under its key, replacing an earlier version, or left as it is when "
        "the same bytes are stored. `content` is the text for text/plain, text/markdown and text/html, base64 "
        "for application/pdf and Word. Needs `Authorization: Bearer <token>`."))
    async def ingest_document(self, info: Info, content: str, media_type: str,
                              metadata: DocumentMetadataInput | None = None,
                              dry_run: bool = False) -> IngestDocumentPayload:
        writer = _writer(info)
        raw = decode_content(content, media_type)
        given = metadata or DocumentMetadataInput()
        facts = {"key": given.key, "committee": given.committee, "authority": given.authority, "date": given.date,
                 "source_url": given.source_url}
        report, version = await writer.ingest(info.context.request, raw, media_type, facts, dry_run)
        return IngestDocumentPayload(
            dry_run=report.dry_run, stored=report.stored, added=report.added, removed=report.removed,
            documents=[DocumentChangeResult(document=c.iri, key=c.key, status=c.status, added=c.added,
                                            removed=c.removed) for c in report.changes],
            report=ValidationReport(errors=report.errors, dropped=report.dropped, warnings=report.warnings),
            version=version)

    @strawberry.mutation(description=(
        "Withdraw a document (by IRI or key) and every registry entry only it referred to. Needs "
        "`Authorization: Bearer <token>`."))
    async def retract_document(self, info: Info, iri: str) -> RetractDocumentPayload:
        report, version = await _writer(info).retract(info.context.request, iri)
        return RetractDocumentPayload(document=report.iri, removed=report.removed,
                                      registry_entries_removed=report.registry_entries_removed, version=version)


__all__ = ["DocumentMetadataInput", "DocumentWriter", "IngestDocumentPayload", "Mutation", "RetractDocumentPayload",
           "ValidationReport", "decode_content"]
