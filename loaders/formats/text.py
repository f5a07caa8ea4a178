"""Plain text and Markdown: bytes decoded by their byte-order mark, else as UTF-8, else as
Windows-1252, and kept exactly as decoded (no whitespace folding, no NBSP replacement)."""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from pathlib import Path

from evidence_graph.loaders.errors import UnsupportedDocument
from evidence_graph.loaders.formats import DocumentText

#: Byte-order marks, longest first (the UTF-32 LE mark begins with the UTF-16 LE one).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32-le", "utf-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "utf-32"),
         (codecs.BOM_UTF8, "utf-8", "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le", "utf-16"),
         (codecs.BOM_UTF16_BE, "utf-16-be", "utf-16"))


def decode_bytes(raw: bytes, source: str) -> tuple[str, str]:
    """Decode document bytes: by their byte-order mark, else as UTF-8, else as Windows-1252.

    A byte-order mark is read first, so UTF-16 and UTF-32 text (whose bytes hold NULs) is text,
    not binary; the mark itself is not part of the text.

    Parameters
    ----------
    raw : bytes
        The file's content.
    source : str
        Name used in error messages.

    Returns
    -------
    tuple of (str, str)
        The text and the encoding used (``utf-8``, ``utf-16``, ``utf-32`` or ``cp1252``).

    Raises
    ------
    UnsupportedDocument
        If the bytes are empty, binary (contain NUL), or do not decode.

    Examples
    --------
    >>> decode_bytes("Café".encode("cp1252"), "x.txt")
    ('Café', 'cp1252')
    >>> decode_bytes("Café".encode("utf-16"), "x.txt"), decode_bytes("\ufeffCafé".encode(), "x.txt")
    (('Café', 'utf-16'), ('Café', 'utf-8'))
    """
    for bom, codec, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                text = raw[len(bom):].decode(codec)
            except UnicodeDecodeError as error:
                raise UnsupportedDocument(source, f"not valid {encoding.upper()} text despite its byte-order "
                                          f"mark (byte {error.start + len(bom)})") from None
            return _checked_text(text, source), encoding
    if not raw.strip():
        raise UnsupportedDocument(source, "empty file (no text to load)")
    if b"\x00" in raw:
        raise UnsupportedDocument(source, "binary file (contains NUL bytes); expected text")
    try:
        return raw.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            raise UnsupportedDocument(
                source, f"not valid UTF-8 (byte {utf8_error.start}) nor Windows-1252 text"
            ) from None


def _checked_text(text: str, source: str) -> str:
    """Text decoded by its byte-order mark, refused if empty or binary like any other."""
    if not text.strip():
        raise UnsupportedDocument(source, "empty file (no text to load)")
    if "\x00" in text:
        raise UnsupportedDocument(source, "binary file (contains NUL characters); expected text")
    return text



#: Endings read as plain text, and as Markdown.
TEXT_SUFFIXES = (".txt", ".text")
MARKDOWN_SUFFIXES = (".md", ".markdown")


def looks_binary(raw: bytes) -> bool:
    """Whether bytes are no text: NUL bytes with no byte-order mark that explains them.

    Examples
    --------
    >>> looks_binary(b"Minutes"), looks_binary(b"\\x89PNG\\x00\\x00"), looks_binary("Hi".encode("utf-16"))
    (False, True, False)
    """
    return b"\x00" in raw[:4096] and not any(raw.startswith(bom) for bom, _, _ in _BOMS)


@dataclass(frozen=True)
class PlainTextFormat:
    """Plain text: read whatever decodes as text (the last format asked, so the fallback)."""

    name: str = "text"
    #: What ``schema:encodingFormat`` says of a document read by this format.
    media_type: str = "text/plain"
    suffixes: tuple[str, ...] = (*TEXT_SUFFIXES, "")

    def sniff(self, path: Path, raw: bytes) -> bool:
        """Anything: bytes that are not text are refused by :meth:`read`, with the reason."""
        return True

    def read(self, raw: bytes, source: str) -> DocumentText:
        """Decode the bytes (:func:`decode_bytes`)."""
        text, encoding = decode_bytes(raw, source)
        return DocumentText(text, encoding)


@dataclass(frozen=True)
class MarkdownFormat(PlainTextFormat):
    """Markdown: a ``.md`` file, or text with ``#`` headings under another ending than ``.txt``."""

    name: str = "markdown"
    media_type: str = "text/markdown"
    suffixes: tuple[str, ...] = MARKDOWN_SUFFIXES

    def sniff(self, path: Path, raw: bytes) -> bool:
        """By ending; else, unless the ending says plain text, by a ``#`` heading line."""
        suffix = path.suffix.lower()
        if suffix in MARKDOWN_SUFFIXES:
            return True
        if suffix in TEXT_SUFFIXES or looks_binary(raw):
            return False
        return bool(re.search(rb"^#{1,6} \S", raw[:65536], re.MULTILINE))


TEXT_FORMAT = PlainTextFormat()
MARKDOWN_FORMAT = MarkdownFormat()

__all__ = ["MARKDOWN_FORMAT", "TEXT_FORMAT", "MarkdownFormat", "PlainTextFormat", "decode_bytes", "looks_binary"]
