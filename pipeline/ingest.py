"""Ingest and retract: documents taken into a store, replaced, or withdrawn, one at a time.

Ingest builds documents through the same pipeline as ``evidence-graph build`` and swaps them
into the store in one transaction, so readers see the old version or the new one, never half
of one. A document whose bytes are already stored under its key is left as it is (and the
report says so); a changed document replaces only its own named graphs. Retract drops a
document's graphs and every registry entry only it referred to.

Both are used by the ``ingest`` and ``retract`` commands and by the server's
``ingestDocument`` and ``retractDocument`` mutations.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from evidence_graph.graph.iris import ID, iri, key_of
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.loaders.document import document_key
from evidence_graph.pipeline.build import SourceFile, build_documents, collect_sources

#: Media types ingest takes content in, and the file ending each is read as.
MEDIA_TYPES = {"text/plain": ".txt", "text/markdown": ".md", "text/html": ".html", "application/xhtml+xml": ".html",
               "application/pdf": ".pdf",
               "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx"}


@dataclass(frozen=True)
class IngestMetadata:
    """What a document does not say of itself, given by whoever ingests it.

    Attributes
    ----------
    committee, authority : str, optional
        The committee that met and the body it belongs to.
    date : str, optional
        The meeting date, ``YYYY-MM-DD``.
    source_url : str, optional
        Where the document was published (its host may name the authority).
    key : str, optional
        The document key to store it under (content ingested without a file name only; a file
        is keyed by its path).

    Raises
    ------
    ValueError
        If the date is not a calendar date in ``YYYY-MM-DD`` form, or the address not http(s).

    Examples
    --------
    >>> IngestMetadata(committee="Harbour Committee", date="2025-05-12").manifest_facts()
    {'committee': 'Harbour Committee', 'meeting_date': '2025-05-12'}
    >>> IngestMetadata(date="12/05/2025")
    Traceback (most recent call last):
    ...
    ValueError: meeting date '12/05/2025' is not a date in YYYY-MM-DD form
    """

    committee: str | None = None
    authority: str | None = None
    date: str | None = None
    source_url: str | None = None
    key: str | None = None

    def __post_init__(self) -> None:
        if self.date is not None:
            try:
                dt.date.fromisoformat(self.date)
            except ValueError:
                raise ValueError(f"meeting date {self.date!r} is not a date in YYYY-MM-DD form") from None
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", self.date):
                raise ValueError(f"meeting date {self.date!r} is not a date in YYYY-MM-DD form")
        if self.source_url is not None and not re.match(r"https?://[^\s/]+", self.source_url):
            raise ValueError(f"source address {self.source_url!r} is not an http(s) URL")

    def manifest_facts(self) -> dict[str, str]:
        """The facts as a manifest would state them."""
        facts = {"committee": self.committee, "authority": self.authority, "meeting_date": self.date,
                 "source_url": self.source_url}
        return {name: value for name, value in facts.items() if value}


@dataclass(frozen=True)
class DocumentChange:
    """What ingesting one document did (or, in a dry run, would do) to the store.

    Attributes
    ----------
    key : str
        The document key.
    source : str
        The file it was read from, as named in messages.
    status : str
        ``added`` (new), ``replaced`` (its earlier version's graphs replaced) or ``unchanged``
        (the same bytes are stored already: nothing done).
    added, removed : int
        Quads of the document's graphs added, and of its earlier version removed.
    """

    key: str
    source: str
    status: str
    added: int = 0
    removed: int = 0

    @property
    def iri(self) -> str:
        """The document's IRI."""
        return str(iri(f"doc/{self.key}"))


@dataclass
class IngestReport:
    """What an ingest did: each document's change, and the build's validation report.

    ``stored`` is False when nothing was written: a dry run, a refusal, or nothing new.
    """

    changes: list[DocumentChange] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    dry_run: bool = False
    stored: bool = False

    @property
    def added(self) -> int:
        """Quads added in all."""
        return sum(change.added for change in self.changes)

    @property
    def removed(self) -> int:
        """Quads removed in all."""
        return sum(change.removed for change in self.changes)

    def summary(self) -> list[str]:
        """One line per document, then the totals, as the ``ingest`` command prints them."""
        would = "would be " if self.dry_run else ""
        lines = []
        for change in self.changes:
            if change.status == "unchanged":
                lines.append(f"{change.source}: unchanged (the same bytes are stored as {change.key}); nothing to do")
            else:
                lines.append(f"{change.source}: {would}{change.status} as {change.key} "
                             f"(+{change.added:,} quads, -{change.removed:,})")
        if self.dry_run:
            lines.append(f"dry run: nothing stored; {self.added:,} quads would be added and {self.removed:,} removed")
        return lines


def ingest_paths(store: EvidenceStore, paths: Iterable[Path], metadata: IngestMetadata | None = None,
                 dry_run: bool = False, keep_going: bool = False) -> IngestReport:
    """Take files into the store: new ones added, changed ones replaced, the same bytes left.

    Parameters
    ----------
    store : EvidenceStore
        A writable store.
    paths : iterable of Path
        Files or folders.
    metadata : IngestMetadata, optional
        Facts the documents do not state (they override a manifest's).
    dry_run : bool
        Build and validate, report what would change, store nothing.
    keep_going : bool
        Store the documents that loaded although others were refused.

    Returns
    -------
    IngestReport
        Without ``keep_going``, any refusal leaves the store as it was (``stored`` False).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "papers"
    >>> folder.mkdir()
    >>> _ = (folder / "minutes.txt").write_text("Harbour Committee minutes. Councillor Ann Lee chaired it.")
    >>> store = EvidenceStore()
    >>> [c.status for c in ingest_paths(store, [folder]).changes]
    ['added']
    >>> [c.status for c in ingest_paths(store, [folder]).changes]
    ['unchanged']
    """
    sources, errors = collect_sources(list(paths))
    if not sources and not errors:
        errors.append("no documents found")
    return _ingest_sources(store, sources, errors, metadata or IngestMetadata(), dry_run, keep_going)


def _ingest_sources(store: EvidenceStore, sources: list[SourceFile], errors: list[str], metadata: IngestMetadata,
                    dry_run: bool, keep_going: bool) -> IngestReport:
    report = IngestReport(errors=list(errors), dry_run=dry_run)
    facts = metadata.manifest_facts()
    changed, names = [], {}
    for source in sources:
        source.metadata.update(facts)
        key = document_key(source.path, source.root)
        names[key] = str(source.path.relative_to(source.root))
        try:
            digest = hashlib.sha256(source.path.read_bytes()).hexdigest()
        except OSError:
            digest = None  # the build names the problem
        if digest is not None and store.document_sha256(key) == digest:
            report.changes.append(DocumentChange(key, names[key], "unchanged"))
        else:
            changed.append(source)
    if not changed:
        return report
    result = build_documents(changed, store.registry(), keep_going=keep_going)
    report.errors.extend(result.errors)
    report.dropped.extend(result.dropped)
    report.warnings.extend(result.warnings)
    if report.errors and not keep_going:
        return report
    for graphs in result.graphs:
        removed = store.document_size(graphs.key)
        report.changes.append(DocumentChange(graphs.key, names.get(graphs.key, graphs.key),
                                             "replaced" if removed else "added",
                                             len(graphs.assertions) + len(graphs.provenance), removed))
    if not dry_run and result.graphs:
        store.replace_documents(result.graphs, result.registry)
        report.stored = True
    return report


def ingest_content(store: EvidenceStore, content: bytes, media_type: str, metadata: IngestMetadata | None = None,
                   dry_run: bool = False) -> IngestReport:
    """Take a document given as bytes (an upload, a GraphQL mutation) into the store.

    Parameters
    ----------
    store : EvidenceStore
    content : bytes
        The document as published.
    media_type : str
        Its media type: one of :data:`MEDIA_TYPES` (parameters such as ``charset`` ignored).
    metadata : IngestMetadata, optional
        Its facts; ``key`` names it in the store (default ``ingested/`` and the first twelve
        hex digits of its sha256), so that a later version under the same key replaces it.
    dry_run : bool

    Returns
    -------
    IngestReport

    Raises
    ------
    ValueError
        If the media type is not one ingest reads, or the key is empty once made IRI-safe.

    Examples
    --------
    >>> store = EvidenceStore()
    >>> meta = IngestMetadata(key="harbour/2025-05-12-minutes", committee="Harbour Committee")
    >>> report = ingest_content(store, b"Minutes. Councillor Ann Lee chaired the meeting.", "text/plain", meta)
    >>> report.changes[0].key, report.changes[0].status, store.document_keys()
    ('harbour/2025-05-12-minutes', 'added', ['harbour/2025-05-12-minutes'])
    """
    metadata = metadata or IngestMetadata()
    suffix = MEDIA_TYPES.get(media_type.split(";")[0].strip().lower())
    if suffix is None:
        raise ValueError(f"media type {media_type!r} is not one ingest reads ({', '.join(MEDIA_TYPES)})")
    key = metadata.key or f"ingested/{hashlib.sha256(content).hexdigest()[:12]}"
    parts = [re.sub(r"[^a-z0-9._-]+", "-", part.lower()).strip("-.") for part in key.strip("/").split("/")]
    if not parts or not all(parts):
        raise ValueError(f"document key {key!r} is empty once made IRI-safe")
    with tempfile.TemporaryDirectory(prefix="evidence-graph-ingest-") as folder:
        root = Path(folder)
        path = root.joinpath(*parts[:-1], parts[-1] + suffix)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        return _ingest_sources(store, [SourceFile(path, root, {})], [], metadata, dry_run, keep_going=False)


class DocumentNotStored(LookupError):
    """No stored document has the key, IRI or path given."""


@dataclass(frozen=True)
class RetractReport:
    """What retracting a document removed.

    Attributes
    ----------
    key : str
    removed : int
        Quads removed in all: the document's graphs and the registry entries only it referred to.
    registry_entries_removed : int
        Registry entities no stored document refers to any longer.
    """

    key: str
    removed: int
    registry_entries_removed: int

    @property
    def iri(self) -> str:
        """The document's IRI."""
        return str(iri(f"doc/{self.key}"))


def document_key_of(store: EvidenceStore, document: str) -> str:
    """The key of a stored document named by its key, its IRI, or the path it was built from.

    Raises
    ------
    DocumentNotStored
        Naming the document and how many the store holds, when none matches.

    Examples
    --------
    >>> store = EvidenceStore()
    >>> _ = ingest_content(store, b"Minutes. Councillor Ann Lee chaired it.", "text/plain",
    ...                    IngestMetadata(key="harbour/minutes"))
    >>> document_key_of(store, "http://127.0.0.1:8000/id/doc/harbour/minutes")
    'harbour/minutes'
    """
    keys = set(store.document_keys())
    candidates = [document]
    if document.startswith(str(ID)):
        found = key_of(document) or ""
        candidates.append(found.removeprefix("doc/").split("#")[0])
    path = Path(document)
    if path.suffix:
        # The folder a build was given is not known: the key relative to each enclosing folder,
        # nearest first, is tried against the stored keys.
        absolute = path.resolve()
        candidates.extend(document_key(absolute, folder) for folder in absolute.parents)
        candidates.append(document_key(path, None))
    for candidate in candidates:
        if candidate in keys:
            return candidate
    raise DocumentNotStored(f"{document}: no such document in the store ({len(keys)} stored)")


def retract_document(store: EvidenceStore, document: str) -> RetractReport:
    """Withdraw a document: its graphs, and the registry entries only it referred to.

    Parameters
    ----------
    store : EvidenceStore
        A writable store.
    document : str
        Its key, IRI, or the path it was built from.

    Returns
    -------
    RetractReport

    Raises
    ------
    DocumentNotStored
        If no such document is stored (nothing changes).

    Examples
    --------
    >>> store = EvidenceStore()
    >>> _ = ingest_content(store, b"Minutes. Councillor Ann Lee chaired it.", "text/plain",
    ...                    IngestMetadata(key="harbour/minutes"))
    >>> report = retract_document(store, "harbour/minutes")
    >>> report.removed > 0, store.document_keys(), len(store)
    (True, [], 0)
    """
    key = document_key_of(store, document)
    before, entities = len(store), store.stats()["registry entities"]
    store.remove_documents([key])
    return RetractReport(key, before - len(store), entities - store.stats()["registry entities"])


__all__ = ["MEDIA_TYPES", "DocumentChange", "DocumentNotStored", "IngestMetadata", "IngestReport", "RetractReport",
           "document_key_of", "ingest_content", "ingest_paths", "retract_document"]
