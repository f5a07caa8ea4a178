"""DOCX: a Word document's paragraphs and tables, through python-docx (MIT), in body order.

Each paragraph is a paragraph of the text (a blank line apart); a heading style gives a
Markdown-style heading line, so the structure stage reads it as a heading; a list paragraph
starts "- "; a table is read row by row, its cells four spaces apart (as the HTML and PDF
readers read tables).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence_graph.loaders.errors import UnsupportedDocument
from evidence_graph.loaders.formats import CELL_SEPARATOR, DocumentText


def _paragraph_text(paragraph: Any) -> str:
    text = paragraph.text.strip()
    style = (paragraph.style.name if paragraph.style is not None else "") or ""
    if not text:
        return ""
    if style.startswith("Heading"):
        level = style.removeprefix("Heading").strip()
        return f"{'#' * int(level) if level.isdigit() and 0 < int(level) < 7 else '#'} {text}"
    if style == "Title":
        return f"# {text}"
    if "List" in style:
        return f"- {text}"
    return text


def docx_text(raw: bytes, source: str) -> str:
    """The text of a Word document, paragraphs and table rows in the order the body holds them.

    Parameters
    ----------
    raw : bytes
        The ``.docx`` file's content.
    source : str
        Its name, for messages.

    Returns
    -------
    str

    Raises
    ------
    UnsupportedDocument
        If the file is no readable Word document.
    """
    import docx
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    try:
        document = docx.Document(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as error:
        raise UnsupportedDocument(source, f"not a readable Word document ({type(error).__name__}: {error})") from None
    parts: list[str] = []
    for item in document.iter_inner_content():
        if isinstance(item, Paragraph):
            parts.append(_paragraph_text(item))
        elif isinstance(item, Table):
            rows = []
            for row in item.rows:
                cells: list[str] = []
                for cell in row.cells:
                    value = " ".join(cell.text.split())
                    if not cells or value != cells[-1]:  # a merged cell repeats in each column it spans
                        cells.append(value)
                rows.append(CELL_SEPARATOR.join(cells).strip())
            parts.append("\n".join(r for r in rows if r))
    return "\n\n".join(p for p in parts if p) + "\n"


@dataclass(frozen=True)
class DOCXFormat:
    """Word documents: a zip holding ``word/document.xml``."""

    name: str = "docx"
    #: What ``schema:encodingFormat`` says of a document read by this format.
    media_type: str = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    suffixes: tuple[str, ...] = (".docx",)

    def sniff(self, path: Path, raw: bytes) -> bool:
        """A zip archive (``PK``) that holds ``word/document.xml``."""
        if not raw.startswith(b"PK"):
            return False
        try:
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                return "word/document.xml" in archive.namelist()
        except zipfile.BadZipFile:
            return path.suffix.lower() == ".docx"

    def read(self, raw: bytes, source: str) -> DocumentText:
        """The document's text (:func:`docx_text`); refused when it holds none."""
        text = docx_text(raw, source)
        if not text.strip():
            raise UnsupportedDocument(source, "Word document has no text")
        return DocumentText(text, "docx")


DOCX_FORMAT = DOCXFormat()

__all__ = ["DOCX_FORMAT", "DOCXFormat", "docx_text"]
