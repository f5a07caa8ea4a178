"""PDF: the text layer of an agenda pack or minutes, page by page, through pdfminer.six (MIT).

pdfminer.six's layout analysis groups characters into lines and lines into text boxes, and
orders the boxes so that a two-column page reads down the left column before the right. On top
of it, this reader

- reflows the lines of a box that the page's width wrapped ("… the Neath Port Talbot" /
  "County Borough Council …" is one line), while lines that end early (a list of members, an
  address) keep their breaks: a line was wrapped when the next line's first word would not have
  fitted after it in the column;
- mends words a line end hyphenated ("develop-" / "ment" is "development"; "Stoke-on-" /
  "Trent" keeps its hyphen);
- reads a table's rows across: cells that sit on one baseline in a grid of two rows or more are
  one line, their cells four spaces apart (as HTML table cells are read);
- starts each page on a new paragraph and records where it starts, so every passage knows its
  page.

The text this gives is the document's stored text: offsets and quotes refer to it, so every
quote re-anchors in it. A PDF with no text layer (a scan) and one that needs a password are
refused with a message naming the file.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from evidence_graph.loaders.errors import UnsupportedDocument
from evidence_graph.loaders.formats import CELL_SEPARATOR, DocumentText

#: Points by which left edges may differ and still be one column, or tops one table row.
_ALIGN = 4.0



@dataclass(frozen=True)
class _Line:
    text: str
    x0: float
    x1: float
    top: float


@dataclass(frozen=True)
class _Box:
    lines: tuple[_Line, ...]
    x0: float
    x1: float
    top: float
    bottom: float


def _boxes(page: Any) -> list[_Box]:
    """The page's text boxes in pdfminer.six's reading order, each with its lines."""
    from pdfminer.layout import LTTextBox, LTTextLine

    boxes = []
    for element in page:
        if not isinstance(element, LTTextBox):
            continue
        lines = tuple(_Line(line.get_text().rstrip("\n"), line.x0, line.x1, line.y1)
                      for line in element if isinstance(line, LTTextLine) and line.get_text().strip())
        if lines:
            boxes.append(_Box(lines, element.x0, element.x1, element.y1, element.y0))
    return boxes


def _column_right_edges(boxes: list[_Box]) -> dict[float, float]:
    """For each box's left edge, the farthest right edge of any line starting there: the width
    of the column the page's prose fills."""
    edges: dict[float, float] = {}
    for box in boxes:
        key = next((k for k in edges if abs(k - box.x0) <= _ALIGN), box.x0)
        edges[key] = max(edges.get(key, box.x1), *(line.x1 for line in box.lines))
    return edges


def _right_edge(edges: dict[float, float], x0: float) -> float:
    return next((edge for left, edge in edges.items() if abs(left - x0) <= _ALIGN), x0)


def _wrapped(line: _Line, following: _Line, right_edge: float) -> bool:
    """Whether the break after ``line`` is the column's, not the writer's: the next line's first
    word (and a space) would not have fitted after it, or a word is hyphenated across it
    ("develop-" / "ment").

    Examples
    --------
    >>> _wrapped(_Line("the Neath Port Talbot", 72, 340, 700), _Line("County Borough Council", 72, 200, 686), 350)
    True
    >>> _wrapped(_Line("Councillor Ann Lee", 72, 160, 700), _Line("Councillor Bo Chan", 72, 155, 686), 350)
    False
    """
    text = line.text.rstrip()
    if not text or not following.text.strip():
        return False
    if re.search(r"[^\W\d_]-$", text) and following.text.lstrip()[:1].islower():
        return True
    width_per_char = (line.x1 - line.x0) / max(len(text), 1)
    first_word = following.text.split()[0]
    return line.x1 + width_per_char * (len(first_word) + 1) > right_edge


def join_wrapped(first: str, second: str) -> str:
    """Two wrapped lines as one: a word hyphenated at the line end mended, else one space.

    Examples
    --------
    >>> join_wrapped("said the develop-", "ment was late")
    'said the development was late'
    >>> join_wrapped("to Stoke-on-", "Trent today"), join_wrapped("the Neath Port Talbot", "County Borough")
    ('to Stoke-on-Trent today', 'the Neath Port Talbot County Borough')
    >>> join_wrapped("costs - ", "see below")
    'costs - see below'
    """
    first, second = first.rstrip(), second.lstrip()
    if re.search(r"[^\W\d_]-$", first) and second[:1].isalpha():
        return first[:-1] + second if second[0].islower() else first + second
    return f"{first} {second}"


def _box_text(box: _Box, right_edge: float) -> str:
    """A box's lines, wrapped ones reflowed, the writer's breaks kept."""
    out = box.lines[0].text.strip()
    for previous, line in zip(box.lines, box.lines[1:], strict=False):
        if _wrapped(previous, line, right_edge):
            out = join_wrapped(out, line.text)
        else:
            out = f"{out.rstrip()}\n{line.text.strip()}"
    return out


def _table_rows(boxes: list[_Box]) -> list[list[_Box]] | None:
    """The boxes as a table's rows, when they are one: single-line boxes on shared baselines,
    two rows or more of two cells or more, whose cells start at the same left edges."""
    if len(boxes) < 4 or any(len(box.lines) != 1 for box in boxes):
        return None
    rows: list[list[_Box]] = []
    for box in sorted(boxes, key=lambda b: -b.top):
        if rows and abs(rows[-1][0].top - box.top) <= _ALIGN:
            rows[-1].append(box)
        else:
            rows.append([box])
    rows = [sorted(row, key=lambda b: b.x0) for row in rows]
    wide = [row for row in rows if len(row) >= 2]
    if len(wide) < 2:
        return None
    lefts = [tuple(round(b.x0 / _ALIGN) for b in row) for row in wide]
    if len(set(lefts)) > max(1, len(wide) // 2):
        return None
    return rows


def _page_text(page: Any) -> str:
    """One page's text: its boxes in reading order, paragraphs a blank line apart, a table's
    rows read across."""
    boxes = _boxes(page)
    if not boxes:
        return ""
    edges = _column_right_edges(boxes)
    paragraphs: list[str] = []
    run: list[_Box] = []

    def flush() -> None:
        rows = _table_rows(run)
        if rows is not None:
            paragraphs.append("\n".join(CELL_SEPARATOR.join(b.lines[0].text.strip() for b in row) for row in rows))
        else:
            paragraphs.extend(_box_text(box, _right_edge(edges, box.x0)) for box in run)
        run.clear()

    for box in boxes:
        # Consecutive one-line boxes may be a table's cells; anything longer ends the run.
        if len(box.lines) == 1:
            run.append(box)
            continue
        flush()
        paragraphs.append(_box_text(box, _right_edge(edges, box.x0)))
    flush()
    return "\n\n".join(p for p in paragraphs if p.strip())


def pdf_pages(raw: bytes, source: str) -> list[str]:
    """The text of each page of a PDF.

    Parameters
    ----------
    raw : bytes
        The PDF file's content.
    source : str
        The file's name, for messages.

    Returns
    -------
    list of str
        One string per page (empty for a page with no text).

    Raises
    ------
    UnsupportedDocument
        If the PDF needs a password, or is damaged beyond reading.
    """
    from pdfminer.high_level import extract_pages
    from pdfminer.layout import LAParams
    from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError
    from pdfminer.psexceptions import PSException

    try:
        return [_page_text(page) for page in extract_pages(io.BytesIO(raw), laparams=LAParams())]
    except PDFPasswordIncorrect:
        raise UnsupportedDocument(source, "PDF is encrypted and needs a password; "
                                  "save a copy without one and load that") from None
    except PDFEncryptionError as error:
        raise UnsupportedDocument(source, f"PDF is encrypted in a way this reader cannot open ({error})") from None
    except (PDFSyntaxError, PSException, ValueError, KeyError, TypeError, IndexError) as error:
        # pdfminer.six raises plain Python errors deep inside a damaged file, not only its own.
        raise UnsupportedDocument(source, f"not a readable PDF ({type(error).__name__}: {error})") from None


@dataclass(frozen=True)
class PDFFormat:
    """PDF files, by their ``%PDF`` signature."""

    name: str = "pdf"
    #: What ``schema:encodingFormat`` says of a document read by this format.
    media_type: str = "application/pdf"
    suffixes: tuple[str, ...] = (".pdf",)

    def sniff(self, path: Path, raw: bytes) -> bool:
        """A ``%PDF-`` signature in the first kilobyte (some writers put bytes before it)."""
        return b"%PDF-" in raw[:1024]

    def read(self, raw: bytes, source: str) -> DocumentText:
        """The pages' text, a blank line between pages, with where each page starts.

        Raises
        ------
        UnsupportedDocument
            For a PDF that needs a password, a damaged one, and one with no text layer.
        """
        pages = pdf_pages(raw, source)
        if not any(page.strip() for page in pages):
            raise UnsupportedDocument(
                source, f"PDF has no text layer ({len(pages)} page{'s' if len(pages) != 1 else ''} of images: "
                "a scan?); run OCR on it first (e.g. `ocrmypdf`) and load the result")
        text, starts = "", []
        for page in pages:
            if text and not text.endswith("\n\n"):
                text += "\n\n"
            starts.append(len(text))
            text += page.strip("\n")
        return DocumentText(text + "\n", "pdf", tuple(starts))


PDF_FORMAT = PDFFormat()

__all__ = ["PDF_FORMAT", "PDFFormat", "join_wrapped", "pdf_pages"]
