"""Document formats: the readers that turn a file's bytes into the text every offset counts in.

Each format is a :class:`DocumentFormat` registered through the Python entry-point group
:data:`ENTRY_POINT_GROUP` (``evidence_graph.formats``): a third party adds a format by
declaring, in its own package's metadata::

    [project.entry-points."evidence_graph.formats"]
    rtf = "my_package.rtf:RTF_FORMAT"

without editing this project. Evidence Graph declares its own formats (PDF, DOCX, HTML,
Markdown, plain text) the same way in ``pyproject.toml``. A file is read by the first format
whose :meth:`DocumentFormat.sniff` accepts it: formats from other packages are asked first (so
one may read a kind of file more closely than ours), then ours, most specific first, with plain
text last.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from typing import Protocol, runtime_checkable

from evidence_graph.loaders.components import ComponentRegistry
from evidence_graph.loaders.errors import UnsupportedDocument

#: The entry-point group format readers are declared in.
ENTRY_POINT_GROUP = "evidence_graph.formats"

#: This project's own formats, in the order they are asked: (name, "module:attribute"). The same
#: table is declared as entry points in ``pyproject.toml``; it is read from here too, so a
#: checkout run without being installed reads every format.
BUILT_IN_FORMATS = (("pdf", "evidence_graph.loaders.formats.pdf:PDF_FORMAT"),
                    ("docx", "evidence_graph.loaders.formats.docx:DOCX_FORMAT"),
                    ("html", "evidence_graph.loaders.formats.html:HTML_FORMAT"),
                    ("markdown", "evidence_graph.loaders.formats.text:MARKDOWN_FORMAT"),
                    ("text", "evidence_graph.loaders.formats.text:TEXT_FORMAT"))

#: How every reader writes a table row: its cells four spaces apart, whatever the format.
CELL_SEPARATOR = "    "

_log = logging.getLogger(__name__)


@dataclass(frozen=True)
class DocumentText:
    """What a format reader gives: the text offsets count in, and where each page starts.

    Attributes
    ----------
    text : str
        The document's text; every offset, quote and passage downstream refers to it.
    encoding : str
        How the text was decoded (``utf-8``, ``cp1252`` …), or the reader's name for a binary
        format (``pdf``, ``docx``).
    pages : tuple of int
        The offset in :attr:`text` where each printed page starts (page 1 first); empty for a
        format without pages.
    """

    text: str
    encoding: str = "utf-8"
    pages: tuple[int, ...] = ()


@runtime_checkable
class DocumentFormat(Protocol):
    """A document format reader, as an entry point of :data:`ENTRY_POINT_GROUP` names it.

    Attributes
    ----------
    name : str
        The format's name, stored on each :class:`loaders.document.Document` it reads.
    suffixes : tuple of str
        File endings (lower case, with the dot) that a folder build picks up for this format.
    """

    name: str
    suffixes: tuple[str, ...]

    def sniff(self, path: Path, raw: bytes) -> bool:
        """Whether this format reads the file (by its bytes first, its ending second)."""
        ...

    def read(self, raw: bytes, source: str) -> DocumentText:
        """Read the bytes; raise :class:`loaders.errors.UnsupportedDocument` naming ``source``
        and the problem when they cannot be read as this format."""
        ...


@cache
def document_formats() -> ComponentRegistry[DocumentFormat]:
    """Every format reader, in the order files are offered to them.

    Returns
    -------
    ComponentRegistry of DocumentFormat
        Formats declared by other packages' entry points first, then this project's own.
        An entry point that fails to load, or loads no :class:`DocumentFormat`, is logged and
        left out: one broken plugin never stops a build.

    Examples
    --------
    >>> [name for name in document_formats().names() if name in dict(BUILT_IN_FORMATS)]
    ['pdf', 'docx', 'html', 'markdown', 'text']
    """
    registry: ComponentRegistry[DocumentFormat] = ComponentRegistry("document format")
    ours = dict(BUILT_IN_FORMATS)
    for point in entry_points(group=ENTRY_POINT_GROUP):
        if point.name in ours or point.name in registry:
            continue
        try:
            reader = point.load()
        except Exception as error:  # a plugin's import error is its own, reported, not ours
            _log.warning("document format %r (%s) did not load: %s", point.name, point.value, error)
            continue
        if not isinstance(reader, DocumentFormat):
            _log.warning("document format %r (%s) has no name, suffixes, sniff and read", point.name, point.value)
            continue
        registry.add(point.name, reader)
    for name, reference in BUILT_IN_FORMATS:
        # Loaded as an entry point is, so that ours and a plugin's go through one mechanism.
        registry.add(name, EntryPoint(name, reference, ENTRY_POINT_GROUP).load())
    return registry


def media_type_of(format_name: str, encoding: str) -> str:
    """The media type of a document read by the format named ``format_name`` (IANA's, with the
    charset a text was decoded with), as ``schema:encodingFormat`` takes it.

    A format declares it as ``media_type``; a plugin that does not is ``application/octet-stream``.

    Examples
    --------
    >>> media_type_of("markdown", "utf-8"), media_type_of("pdf", "pdf")
    ('text/markdown; charset=utf-8', 'application/pdf')
    """
    formats = document_formats()
    found = formats.get(format_name) if format_name in formats else None
    media_type = str(getattr(found, "media_type", "application/octet-stream"))
    return f"{media_type}; charset={encoding}" if media_type.startswith("text/") else media_type


def format_for(path: Path, raw: bytes, source: str) -> DocumentFormat:
    """The first format that reads the file.

    Parameters
    ----------
    path : Path
        The file (its ending is a hint to formats whose bytes say little, as plain text's).
    raw : bytes
        Its content.
    source : str
        Its name in messages.

    Returns
    -------
    DocumentFormat

    Raises
    ------
    UnsupportedDocument
        If no format reads it.

    Examples
    --------
    >>> format_for(Path("pack.pdf"), b"%PDF-1.7 ...", "pack.pdf").name
    'pdf'
    >>> format_for(Path("minutes.txt"), b"Minutes", "minutes.txt").name
    'text'
    """
    for _, reader in document_formats():
        if reader.sniff(path, raw):
            return reader
    raise UnsupportedDocument(source, "no document format reads this file")


def readable_suffixes() -> frozenset[str]:
    """File endings a folder build picks up: those every registered format declares.

    Examples
    --------
    >>> {".pdf", ".html", ".txt", ".md", ".docx"} <= readable_suffixes()
    True
    """
    return frozenset(suffix for _, reader in document_formats() for suffix in reader.suffixes)


def page_of(pages: Iterable[int], offset: int) -> int | None:
    """The printed page (1 for the first) that an offset falls on, or None without pages.

    Examples
    --------
    >>> page_of((0, 120, 300), 0), page_of((0, 120, 300), 150), page_of((), 5)
    (1, 2, None)
    """
    page = None
    for number, start in enumerate(pages, 1):
        if start > offset:
            break
        page = number
    return page


__all__ = [
    "BUILT_IN_FORMATS",
    "CELL_SEPARATOR",
    "ENTRY_POINT_GROUP",
    "DocumentFormat",
    "DocumentText",
    "document_formats",
    "format_for",
    "media_type_of",
    "page_of",
    "readable_suffixes",
]
