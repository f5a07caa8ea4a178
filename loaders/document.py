"""Stage 1: read a file into a :class:`Document` (decoded text, hash, format).

A registered format (:mod:`loaders.formats`) reads the bytes. Text is kept exactly as decoded:
no whitespace folding, no NBSP replacement, because every offset downstream counts Python code
points of this string; for PDF, DOCX and HTML it is the text their reader gives.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from evidence_graph.loaders.errors import UnreadableDocument, UnsupportedDocument
from evidence_graph.loaders.formats import format_for

#: Larger text files are refused: committee papers are far smaller, and a 50 MB text "document"
#: is almost always a mistake (a log, a database export).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

#: PDF and Word files may be larger: an agenda pack's scanned plans and photographs make tens
#: of megabytes around a few hundred kilobytes of text.
MAX_BINARY_DOCUMENT_BYTES = 200 * 1024 * 1024

#: Formats whose bytes are the text, held to :data:`MAX_DOCUMENT_BYTES`.
_TEXT_FORMAT_NAMES = frozenset({"text", "markdown", "html"})

@dataclass(frozen=True)
class Document:
    """A decoded source document.

    Attributes
    ----------
    source : str
        The path as given or relative to its corpus root, used in messages and provenance.
    key : str
        The document key: corpus-relative path without its extension (IRI-safe).
    text : str
        The exact text every offset refers to.
    sha256 : str
        Hash of the raw bytes.
    encoding : str
        ``utf-8``; ``utf-16`` or ``utf-32`` when a byte-order mark says so; ``cp1252`` when
        the bytes were not valid UTF-8.
    format : str
        The name of the :mod:`loaders.formats` reader that read it: ``text``, ``markdown``,
        ``html`` (reduced to its visible text), ``pdf`` or ``docx`` (their text layers), or a
        plugin's.
    metadata : dict
        Facts from a corpus manifest (kind, meeting date, committee, authority).
    pages : tuple of int
        Where each printed page starts in :attr:`text` (page 1 first); empty when the format
        has no pages.
    """

    source: str
    key: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    format: str = "text"
    metadata: dict[str, str] = field(default_factory=dict)
    pages: tuple[int, ...] = ()

    @property
    def text_sha256(self) -> str:
        """Hash of the decoded text (differs from :attr:`sha256` for HTML, PDF and cp1252 files)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


def document_key(path: Path, root: Path | None) -> str:
    """Make the IRI-safe document key: the corpus-relative path without its extension.

    Examples
    --------
    >>> document_key(Path("/c/kcc/2014-01-30 Minutes.txt"), Path("/c"))
    'kcc/2014-01-30-minutes'
    """
    relative = path.relative_to(root) if root is not None else Path(path.name)
    parts = [*relative.parent.parts, relative.stem]
    return "/".join(re.sub(r"[^a-z0-9._-]+", "-", p.lower()).strip("-") for p in parts if p)


def read_document(path: Path, root: Path | None = None,
                  metadata: dict[str, str] | None = None) -> Document:
    """Read one file into a :class:`Document`.

    Parameters
    ----------
    path : Path
        The file to read.
    root : Path, optional
        The corpus folder the document key is relative to (default: just the file name).
    metadata : dict, optional
        Manifest facts to carry along.

    Returns
    -------
    Document

    Raises
    ------
    UnreadableDocument
        If the file cannot be opened or read.
    UnsupportedDocument
        If it is empty, binary, too large, or not readable as its format (a scanned or
        password-protected PDF, say).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / "note.txt").write_text("(1) The Chair opened the meeting.")
    >>> read_document(folder / "note.txt", folder).key
    'note'
    """
    source = str(path.relative_to(root)) if root is not None else str(path)
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise UnreadableDocument(source, "is a directory, not a document")
        if size > MAX_BINARY_DOCUMENT_BYTES:
            raise _too_large(source, size, MAX_BINARY_DOCUMENT_BYTES)
        raw = path.read_bytes()
    except PermissionError:
        raise UnreadableDocument(source, "permission denied") from None
    except FileNotFoundError:
        raise UnreadableDocument(source, "no such file") from None
    except OSError as error:
        raise UnreadableDocument(source, f"cannot be read ({error.strerror or error})") from None
    reading = format_for(path, raw, source)
    if reading.name in _TEXT_FORMAT_NAMES and len(raw) > MAX_DOCUMENT_BYTES:
        raise _too_large(source, len(raw), MAX_DOCUMENT_BYTES)
    decoded = reading.read(raw, source)
    return Document(source=source, key=document_key(path, root), text=decoded.text,
                    sha256=hashlib.sha256(raw).hexdigest(), encoding=decoded.encoding, format=reading.name,
                    metadata=dict(metadata or {}), pages=decoded.pages)


def _too_large(source: str, size: int, limit: int) -> UnsupportedDocument:
    return UnsupportedDocument(source, f"too large ({size / 1048576:.1f} MB; the limit is {limit // 1048576} MB)")
