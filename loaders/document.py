"""Stage 1: read a file into a :class:`Document` (decoded text, hash, format).

The text is kept exactly as decoded: no whitespace folding, no NBSP replacement, because
every offset downstream counts Python code points of this string.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from loaders.errors import UnreadableDocument, UnsupportedDocument

#: Larger files are refused: committee papers are far smaller, and a 50 MB "document" is
#: almost always a mistake (a PDF image dump, a log, a database export).
MAX_DOCUMENT_BYTES = 20 * 1024 * 1024

#: File endings read as text; anything else is sniffed and must still decode as text.
TEXT_FORMATS = {".md": "markdown", ".markdown": "markdown", ".txt": "text", ".text": "text",
                ".html": "html", ".htm": "html"}


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
        ``markdown``, ``text`` or ``html`` (HTML is reduced to its text; see :func:`html_to_text`).
    metadata : dict
        Facts from a corpus manifest (kind, meeting date, committee, authority).
    """

    source: str
    key: str
    text: str
    sha256: str
    encoding: str = "utf-8"
    format: str = "text"
    metadata: dict[str, str] = field(default_factory=dict)

    @property
    def text_sha256(self) -> str:
        """Hash of the decoded text (differs from :attr:`sha256` for HTML and cp1252 files)."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


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


class _TextExtractor(HTMLParser):
    """Collects visible text, one block element per paragraph."""

    BLOCKS = frozenset({"p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "br", "table",
              "section", "article", "ul", "ol", "dt", "dd", "td", "th"})
    HIDDEN = frozenset({"script", "style", "head", "noscript", "template"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._hidden = 0
        # Ordered lists are numbered by the browser, not the markup: keep a counter per level
        # so agenda items keep their printed numbers.
        self._lists: list[int | None] = []
        # ModernGov puts the item title in a heading inside the <li>: the number must stay
        # on the title's line ("31. Apologies"), not float on a line of its own.
        self._after_marker = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self.HIDDEN:
            self._hidden += 1
        elif tag in self.BLOCKS and not (self._after_marker and tag not in {"li", "ol", "ul"}):
            self.parts.append("\n\n" if tag not in {"td", "th"} else "    ")
        if tag == "ol":
            # Only ASCII digits count: "²".isdigit() is true, and int() refuses it.
            start = re.fullmatch(r"[ \t]*([0-9]{1,9})[ \t]*", dict(attrs).get("start") or "")
            self._lists.append(int(start.group(1)) - 1 if start else 0)
        elif tag == "ul":
            self._lists.append(None)
        if tag == "li":
            if self._lists and self._lists[-1] is not None:
                self._lists[-1] += 1
                self.parts.append(f"{self._lists[-1]}. ")
            else:
                self.parts.append("- ")
            self._after_marker = True

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        # The standard library raises AssertionError on "<![<" or "<![foo[": such markup is text.
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i:i + 3])
            return i + 3

    def handle_endtag(self, tag: str) -> None:
        self._after_marker = False
        if tag in ("ol", "ul") and self._lists:
            self._lists.pop()
        if tag in self.HIDDEN:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self.BLOCKS:
            self.parts.append("\n\n" if tag not in {"td", "th"} else "    ")

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            if self._after_marker and data.strip():
                self._after_marker = False
                data = data.lstrip()
            self.parts.append(re.sub(r"[ \t\r\n]+", " ", data))


def html_to_text(markup: str) -> str:
    """Reduce an HTML page to plain text with blank lines between block elements.

    Parameters
    ----------
    markup : str
        The HTML source.

    Returns
    -------
    str
        The visible text; this text (not the markup) is what offsets refer to.

    Examples
    --------
    >>> html_to_text("<h1>Minutes</h1><p>(1) The Chair <b>welcomed</b> all.</p>")
    'Minutes\\n\\n(1) The Chair welcomed all.\\n'
    >>> html_to_text("<ol><li>Apologies</li><li>Minutes</li></ol>")
    '1. Apologies\\n\\n2. Minutes\\n'
    >>> html_to_text('<ol start="31"><li><h3>Apologies</h3><p>None.</p></li></ol>')
    '31. Apologies\\n\\nNone.\\n'
    >>> html_to_text('<p>A <![ marked <ol start="²"><li>item</li></ol>')
    'A <![ marked\\n\\n1. item\\n'
    """
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    text = html.unescape("".join(parser.parts))
    lines = [line.strip(" ") for line in text.split("\n")]
    text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip("\n")
    return text + "\n"


def sniff_format(path: Path, text: str) -> str:
    """Name the format of a decoded document from its ending, else its content.

    Examples
    --------
    >>> sniff_format(Path("x.dat"), "<!DOCTYPE html><html><body>Hi</body></html>")
    'html'
    >>> sniff_format(Path("minutes.txt"), "Minutes")
    'text'
    """
    by_suffix = TEXT_FORMATS.get(path.suffix.lower())
    if by_suffix:
        return by_suffix
    head = text.lstrip()[:500].lower()
    if head.startswith(("<!doctype html", "<html")) or "<body" in head:
        return "html"
    if re.search(r"^#{1,6} \S", text, re.MULTILINE):
        return "markdown"
    return "text"


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
        If it is empty, binary, too large, a PDF, or not text.

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
        if size > MAX_DOCUMENT_BYTES:
            raise UnsupportedDocument(
                source, f"too large ({size / 1048576:.1f} MB; the limit is "
                f"{MAX_DOCUMENT_BYTES // 1048576} MB)")
        raw = path.read_bytes()
    except PermissionError:
        raise UnreadableDocument(source, "permission denied") from None
    except FileNotFoundError:
        raise UnreadableDocument(source, "no such file") from None
    except OSError as error:
        raise UnreadableDocument(source, f"cannot be read ({error.strerror or error})") from None
    if raw.startswith(b"%PDF"):
        raise UnsupportedDocument(
            source, "PDF has no text layer this loader reads; convert it first "
            "(e.g. `pdftotext -layout`) and load the .txt")
    text, encoding = decode_bytes(raw, source)
    fmt = sniff_format(path, text)
    if fmt == "html":
        text = html_to_text(text)
        if not text.strip():
            raise UnsupportedDocument(source, "HTML page has no visible text")
    return Document(source=source, key=document_key(path, root), text=text,
                    sha256=hashlib.sha256(raw).hexdigest(), encoding=encoding, format=fmt,
                    metadata=dict(metadata or {}))
