"""The export formats, registered by name: each says its media type, its file extension and
how to write a selection, as a stream of text chunks.

A writer receives an :class:`ExportSource` and yields ``str`` chunks; nothing is assembled into
one string, so that a server can stream a large export and a CLI can write it to a file as it
comes. :func:`register_export_format` adds a format (ours are in ``network.py`` and ``rdf.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import cached_property

from rdflib.term import Node

from evidence_graph.graph.export.selection import ExportSelection, Subgraph, select_subgraph
from evidence_graph.graph.views import GraphViews

Quad = tuple[Node, Node, Node, Node]
#: Text is handed on in pieces of about this many characters (one per node would make a
#: 100 k-node export 400 k tiny writes).
CHUNK = 1 << 16


class ExportSource:
    """What a writer reads: the selection, the views of the graph and, for RDF, its quads.

    Either may be given or made when first asked for: the views from the quads, the quads as
    the views' statements cannot give them back (a server passes a function that reads its store).

    Parameters
    ----------
    selection : ExportSelection
        What to export.
    views : GraphViews, optional
        The graph's views (built from ``quads`` if not given).
    quads : callable returning an iterable of quads, optional
        The stored quads (needed by the RDF formats).
    context_url : str, optional
        JSON-LD: refer to the ``@context`` published at this address instead of writing it out.
    """

    def __init__(self, selection: ExportSelection | None = None, *, views: GraphViews | None = None,
                 quads: Callable[[], Iterable[Quad]] | None = None, context_url: str | None = None) -> None:
        if views is None and quads is None:
            raise ValueError("an export needs the graph's views or its quads")
        self.selection = selection or ExportSelection()
        self._views = views
        self._quads = quads
        self.context_url = context_url

    @property
    def views(self) -> GraphViews:
        if self._views is None:
            assert self._quads is not None
            self._views = GraphViews(self._quads())
        return self._views

    def quads(self) -> Iterable[Quad]:
        if self._quads is None:
            raise ValueError("this export was given the graph's views only; the RDF formats need its quads")
        return self._quads()

    @cached_property
    def subgraph(self) -> Subgraph:
        return select_subgraph(self.views, self.selection)


@dataclass(frozen=True)
class ExportFormat:
    """One export format.

    Attributes
    ----------
    name : str
        What ``--format`` and ``/export/{name}`` take.
    media_type : str
        The ``Content-Type`` of the export over HTTP.
    extension : str
        The file name's ending, for ``Content-Disposition``.
    description : str
        One line for ``--help`` and the README.
    write : callable
        ``write(source) -> Iterator[str]``.
    """

    name: str
    media_type: str
    extension: str
    description: str
    write: Callable[[ExportSource], Iterator[str]]


EXPORT_FORMATS: dict[str, ExportFormat] = {}


def register_export_format(name: str, *, media_type: str, extension: str, description: str
                           ) -> Callable[[Callable[[ExportSource], Iterator[str]]],
                                         Callable[[ExportSource], Iterator[str]]]:
    """Register a writer under ``name`` (a decorator).

    Examples
    --------
    >>> @register_export_format("lines", media_type="text/plain", extension="txt",
    ...                         description="one IRI a line")
    ... def write_lines(source):
    ...     yield from (iri + "\\n" for iri in source.subgraph.nodes)
    >>> EXPORT_FORMATS["lines"].media_type
    'text/plain'
    >>> del EXPORT_FORMATS["lines"]
    """
    def register(write: Callable[[ExportSource], Iterator[str]]) -> Callable[[ExportSource], Iterator[str]]:
        EXPORT_FORMATS[name] = ExportFormat(name, media_type, extension, description, write)
        return write
    return register


def export_format(name: str) -> ExportFormat:
    """The format called ``name``.

    Raises
    ------
    ValueError
        Another name; the message lists the formats there are.

    Examples
    --------
    >>> export_format("graphml").media_type
    'application/graphml+xml'
    """
    found = EXPORT_FORMATS.get(name)
    if found is None:
        raise ValueError(f"unknown export format {name!r}; choose one of {', '.join(EXPORT_FORMATS)}")
    return found


def chunked(pieces: Iterable[str], size: int = CHUNK) -> Iterator[str]:
    """Join small pieces of text into chunks of about ``size`` characters.

    Examples
    --------
    >>> list(chunked(["ab", "cd", "e"], size=3))
    ['abcd', 'e']
    """
    buffer: list[str] = []
    length = 0
    for piece in pieces:
        buffer.append(piece)
        length += len(piece)
        if length >= size:
            yield "".join(buffer)
            buffer, length = [], 0
    if buffer:
        yield "".join(buffer)


__all__ = ["CHUNK", "EXPORT_FORMATS", "ExportFormat", "ExportSource", "Quad", "chunked", "export_format",
           "register_export_format"]
