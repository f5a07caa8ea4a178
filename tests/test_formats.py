"""Document formats: PDF, DOCX and HTML read through registered readers, and a reader another
package declares as an entry point.

Every fixture is written here from text the test holds (reportlab writes the PDFs, python-docx
the Word file), so no third-party document is needed: each proves a layout rule of a format.
"""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from reportlab.lib.pagesizes import A4
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas

from evidence_graph.loaders import formats
from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import read_document
from evidence_graph.loaders.errors import UnsupportedDocument
from evidence_graph.loaders.formats import document_formats, format_for, page_of, readable_suffixes
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document

WIDTH, HEIGHT = A4


def write_pdf(path: Path, pages: list[list[tuple[float, float, str]]], **options: object) -> Path:
    """A PDF whose pages hold the given (x, y from the top, text) lines, in Helvetica 11."""
    pdf = canvas.Canvas(str(path), pagesize=A4, **options)  # type: ignore[arg-type]
    for lines in pages:
        pdf.setFont("Helvetica", 11)
        for x, y, text in lines:
            pdf.drawString(x, HEIGHT - y, text)
        pdf.showPage()
    pdf.save()
    return path


def column(x: float, y: float, lines: list[str], leading: float = 14) -> list[tuple[float, float, str]]:
    return [(x, y + at * leading, line) for at, line in enumerate(lines)]


MINUTES_PAGE_1 = [
    (72, 72, "Harbour Committee"),
    (72, 90, "Minutes of the meeting held on 12 May 2025"),
    *column(72, 120, ["Present:", "Councillor Ann Lee (Chair)", "Councillor Bo Chan", "Councillor Ravi Patel"]),
    # Prose that the page's width wraps: a body's name across the break, a word hyphenated.
    # The hyphen falls at a line end: "develop-" ends line three, "ment" starts line four.
    *column(72, 200, ["1. The Committee received a report on the harbour wall from the Director",
                      "of Place, who said that the contract with Neath Port Talbot County Borough",
                      "Council was on budget and that the develop-",
                      "ment of the scheme would end in June."]),
]
MINUTES_PAGE_2 = [
    (72, 72, "2. RESOLVED that the report be noted, and that Councillor Chan would write to"),
    (72, 86, "the Harbour Trust."),
    (72, 800, "Page 2"),
]


@pytest.fixture
def minutes_pdf(tmp_path: Path) -> Path:
    return write_pdf(tmp_path / "minutes.pdf", [MINUTES_PAGE_1, MINUTES_PAGE_2])


def test_pdf_is_read_page_by_page_with_where_each_page_starts(minutes_pdf: Path) -> None:
    document = read_document(minutes_pdf, minutes_pdf.parent)
    assert document.format == "pdf"
    assert len(document.pages) == 2 and document.pages[0] == 0
    assert document.text[document.pages[1]:].startswith("2. RESOLVED")
    assert page_of(document.pages, document.text.index("Harbour Trust")) == 2
    assert page_of(document.pages, document.text.index("Present:")) == 1


def test_pdf_lines_the_page_wrapped_are_one_line_and_hyphenated_words_mended(minutes_pdf: Path) -> None:
    text = read_document(minutes_pdf, minutes_pdf.parent).text
    assert "Neath Port Talbot County Borough Council" in text
    assert "the development of the scheme" in text
    assert "develop-" not in text
    # A list's lines end early: each member keeps a line of their own.
    assert "Present:\nCouncillor Ann Lee (Chair)\nCouncillor Bo Chan\nCouncillor Ravi Patel" in text


def test_pdf_mentions_come_from_the_mended_text_and_quote_it(minutes_pdf: Path) -> None:
    parsed = parse_document(read_document(minutes_pdf, minutes_pdf.parent))
    found = find_mentions(parsed, CorpusContext())
    text = parsed.document.text
    people = {m.label for m in found if m.kind == "person"}
    assert {"Councillor Ann Lee", "Councillor Bo Chan", "Councillor Ravi Patel"} <= people
    assert not any("Chan" in label and "Patel" in label for label in people)  # list lines never merge people
    bodies = {m.label for m in found if m.kind == "organisation"}
    assert "Neath Port Talbot County Borough Council" in bodies
    body = next(m for m in found if m.label == "Neath Port Talbot County Borough Council")
    assert text[body.start:body.end] == body.label  # the span is the stored text's own


def test_two_column_page_reads_down_the_left_column_first(tmp_path: Path) -> None:
    left = column(72, 100, ["1. The Chair opened the meeting and", "welcomed the witnesses to it."])
    right = column(320, 100, ["2. The clerk read the apologies", "received from two members."])
    text = read_document(write_pdf(tmp_path / "cols.pdf", [left + right]), tmp_path).text
    assert text.index("welcomed the witnesses") < text.index("2. The clerk")
    assert "1. The Chair opened the meeting and welcomed the witnesses to it." in text


def test_table_rows_are_read_across(tmp_path: Path) -> None:
    rows = [("Service", "Budget", "Spend"), ("Libraries", "£2.1m", "£1.9m"), ("Youth clubs", "£0.4m", "£0.5m")]
    cells = [(x, 100 + 18 * r, value) for r, row in enumerate(rows) for x, value in zip((72, 260, 400), row,
                                                                                        strict=True)]
    text = read_document(write_pdf(tmp_path / "table.pdf", [cells]), tmp_path).text
    assert "Libraries    £2.1m    £1.9m" in text
    assert text.index("Service") < text.index("Libraries") < text.index("Youth clubs")


def test_passages_of_a_pdf_carry_their_pages(minutes_pdf: Path) -> None:
    from evidence_graph.graph.entities import Registry
    from evidence_graph.graph.vocabulary import SCHEMA
    from evidence_graph.pipeline.build import build_documents, collect_sources

    result = build_documents(collect_sources([minutes_pdf])[0], Registry())  # validated: shapes and quotes
    assert not result.errors and not result.dropped
    graphs = result.graphs[0]
    g = graphs.assertions
    pages = {str(g.value(p, SCHEMA.text)).split()[0]: (int(g.value(p, SCHEMA.pageStart)), int(g.value(p, SCHEMA.pageEnd)))
             for p in g.subjects(SCHEMA.pageStart, None)}
    assert pages["Present:"] == pages["The"] == (1, 1) and pages["RESOLVED"] == (2, 2)
    passages = set(g.subjects(SCHEMA.position, None))
    assert len(passages) >= 5 and all(g.value(p, SCHEMA.pageStart) is not None for p in passages)


def test_scanned_pdf_is_refused_by_name(tmp_path: Path) -> None:
    from reportlab.lib import colors

    pdf = canvas.Canvas(str(tmp_path / "scan.pdf"), pagesize=A4)  # a page that is a picture, no text
    pdf.setFillColor(colors.grey)
    pdf.rect(50, 50, 400, 600, fill=1)
    pdf.drawImage(ImageReader(io.BytesIO(_png())), 60, 60, 300, 300)
    pdf.showPage()
    pdf.save()
    with pytest.raises(UnsupportedDocument, match=r"scan\.pdf: PDF has no text layer \(1 page of images"):
        read_document(tmp_path / "scan.pdf", tmp_path)


def test_password_protected_pdf_is_refused_by_name(tmp_path: Path) -> None:
    from reportlab.lib.pdfencrypt import StandardEncryption

    path = write_pdf(tmp_path / "locked.pdf", [[(72, 72, "Confidential minutes")]],
                     encrypt=StandardEncryption("secret", ownerPassword="owner"))
    with pytest.raises(UnsupportedDocument, match=r"locked\.pdf: PDF is encrypted and needs a password"):
        read_document(path, tmp_path)


def test_refused_pdf_leaves_the_store_as_it_was(tmp_path: Path, minutes_pdf: Path) -> None:
    from evidence_graph.graph.store import EvidenceStore
    from evidence_graph.pipeline.build import build_into_store

    store = EvidenceStore()
    first = build_into_store(store, [minutes_pdf])
    assert not first.errors
    before = len(store)
    locked = write_pdf(tmp_path / "locked.pdf", [[(72, 72, "Minutes")]], encrypt="secret")
    second = build_into_store(store, [locked])
    assert any("locked.pdf: PDF is encrypted" in error for error in second.errors)
    assert len(store) == before


def test_word_document_keeps_headings_lists_and_tables(tmp_path: Path) -> None:
    import docx

    word = docx.Document()
    word.add_heading("Scrutiny Committee", level=1)
    word.add_paragraph("Present: Councillor Ann Lee (Chair), Councillor Bo Chan")
    word.add_paragraph("Apologies were received from Councillor Ravi Patel.", style="List Bullet")
    table = word.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Service", "Budget"
    table.cell(1, 0).text, table.cell(1, 1).text = "Libraries", "£2.1m"
    word.save(str(tmp_path / "minutes.docx"))
    document = read_document(tmp_path / "minutes.docx", tmp_path)
    assert document.format == "docx"
    assert document.text.startswith("# Scrutiny Committee\n\nPresent: Councillor Ann Lee (Chair)")
    assert "- Apologies were received" in document.text
    assert "Libraries    £2.1m" in document.text
    people = {m.label for m in find_mentions(parse_document(document), CorpusContext()) if m.kind == "person"}
    assert {"Councillor Ann Lee", "Councillor Bo Chan", "Councillor Ravi Patel"} <= people


def test_a_zip_that_is_no_word_document_is_text_refused(tmp_path: Path) -> None:
    import zipfile

    with zipfile.ZipFile(tmp_path / "bundle.zip", "w") as archive:
        archive.writestr("a.txt", "hello")
    with pytest.raises(UnsupportedDocument, match=r"bundle\.zip: binary file"):
        read_document(tmp_path / "bundle.zip", tmp_path)


def test_formats_are_sniffed_by_content_not_only_ending(tmp_path: Path, minutes_pdf: Path) -> None:
    misnamed = tmp_path / "pack.dat"
    misnamed.write_bytes(minutes_pdf.read_bytes())
    assert read_document(misnamed, tmp_path).format == "pdf"
    assert format_for(Path("page.txt"), b"<html><body>x</body></html>", "page.txt").name == "text"
    assert format_for(Path("page"), b"<!DOCTYPE html><html><body>x</body></html>", "page").name == "html"
    assert {".pdf", ".docx", ".html", ".md", ".txt"} <= readable_suffixes()


PLUGIN = '''
from dataclasses import dataclass
from pathlib import Path

from evidence_graph.loaders.formats import DocumentText


@dataclass(frozen=True)
class ShoutFormat:
    """A format of our own invention: text in capitals, one sentence a line, in .shout files."""

    name: str = "shout"
    suffixes: tuple = (".shout",)

    def sniff(self, path: Path, raw: bytes) -> bool:
        return path.suffix == ".shout"

    def read(self, raw: bytes, source: str) -> DocumentText:
        return DocumentText(raw.decode("ascii").title(), "ascii")


SHOUT = ShoutFormat()
BROKEN = object()
'''


def test_a_format_another_package_declares_as_an_entry_point_is_used(tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A package installed beside ours (here: a module and its dist-info metadata on sys.path)
    adds a reader by declaring it in the entry-point group; a broken declaration is skipped."""
    (tmp_path / "shout_format.py").write_text(PLUGIN)
    info = tmp_path / "shout_format-1.0.dist-info"
    info.mkdir()
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: shout-format\nVersion: 1.0\n")
    (info / "entry_points.txt").write_text(f"[{formats.ENTRY_POINT_GROUP}]\nshout = shout_format:SHOUT\n"
                                           "broken = shout_format:BROKEN\nmissing = no_such_module:X\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    document_formats.cache_clear()
    try:
        assert document_formats().names()[0] == "shout"
        assert "broken" not in document_formats() and "missing" not in document_formats()
        (tmp_path / "papers").mkdir()
        (tmp_path / "papers" / "note.shout").write_bytes(b"THE CHAIR, COUNCILLOR ANN LEE, OPENED THE MEETING.")
        document = read_document(tmp_path / "papers" / "note.shout", tmp_path / "papers")
        assert document.format == "shout" and document.text.startswith("The Chair, Councillor Ann Lee")
        assert ".shout" in readable_suffixes()
    finally:
        sys.modules.pop("shout_format", None)
        document_formats.cache_clear()


def _png() -> bytes:
    """A small grey PNG, written by hand (no imaging library needed)."""
    import struct
    import zlib

    width = height = 8
    raw = b"".join(b"\x00" + b"\x80" * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def test_graphql_gives_each_passage_of_a_pdf_its_pages(minutes_pdf: Path) -> None:
    import asyncio

    from evidence_graph.graph.store import EvidenceStore
    from evidence_graph.pipeline.build import build_into_store
    from evidence_graph.schema import build_schema
    from evidence_graph.schema.context import GraphSnapshot, RequestContext

    store = EvidenceStore()
    assert not build_into_store(store, [minutes_pdf]).errors
    query = "{ documents { nodes { passages { nodes { text pageStart pageEnd } } } } }"
    result = asyncio.run(build_schema().execute(query, context_value=RequestContext(GraphSnapshot.from_quads(
        store.quads()))))
    assert result.errors is None, result.errors
    passages = result.data["documents"]["nodes"][0]["passages"]["nodes"]
    pages = {p["text"].split()[0]: (p["pageStart"], p["pageEnd"]) for p in passages}
    assert pages["RESOLVED"] == (2, 2) and pages["Present:"] == (1, 1)


MODERNGOV_ITEM_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Agenda item - Harbour wall repairs - Wexcombe City Council</title>
<script>var x = "<p>not text</p>";</script></head>
<body><form id="aspnetForm" action="mgAi.aspx?ID=123">
<div id="cookieBanner" class="cc-window"><p>We use cookies to make this site work.</p><button>Accept</button></div>
<a class="skip-link" href="#main">Skip to main content</a>
<nav class="mgNavigation"><ul><li><a href="/">Home</a></li><li><a href="mgListCommittees.aspx">Committees</a></li></ul></nav>
<div class="mgBreadcrumbs"><a href="/">Wexcombe City Council</a> &gt; <a href="ieListMeetings.aspx">Meetings</a></div>
<div id="main">
<h1 class="mgMainTitleTxt">Agenda item</h1>
<h2 class="mgSubTitleTxt">Harbour wall repairs</h2>
<p>Minutes:</p>
<p>The Director of Place, Ms Hana Ito, presented the report. Councillor Owen Carraway asked about the cost.</p>
<table class="mgStatsTable"><tr><th>Scheme</th><th>Cost</th></tr><tr><td>Harbour wall</td><td>£2.1m</td></tr></table>
<h3>Supporting documents:</h3>
<ul class="mgActionList">
<li><a href="documents/s12345/Harbour%20wall%20report.pdf">Harbour wall report</a> PDF 245 KB</li>
<li><a href="mgConvert2PDF.aspx?ID=991">Appendix A - costs</a> (88 KB)</li>
</ul>
</div></form></body></html>
"""


def test_moderngov_page_keeps_the_paper_and_drops_furniture(tmp_path: Path) -> None:
    (tmp_path / "item.html").write_text(MODERNGOV_ITEM_PAGE, encoding="utf-8")
    document = read_document(tmp_path / "item.html", tmp_path)
    text = document.text
    assert document.format == "html"
    assert text.startswith("Agenda item\n\nHarbour wall repairs\n\nMinutes:")
    assert "Scheme    Cost" in text and "Harbour wall    £2.1m" in text
    for furniture in ("cookies", "Accept", "Skip to main content", "Home", "Committees", "Meetings",
                      "Harbour wall report", "Appendix A", "245 KB", "not text"):
        assert furniture not in text, furniture
    found = find_mentions(parse_document(document), CorpusContext())
    assert {"Ms Hana Ito", "Councillor Owen Carraway"} <= {m.label for m in found if m.kind == "person"}


def test_a_paragraph_that_names_a_paper_in_prose_is_kept(tmp_path: Path) -> None:
    page = ('<p>The committee considered <a href="documents/s1/report.pdf">the report of the Director</a> '
            'and agreed its recommendations.</p>')
    (tmp_path / "p.html").write_text(page, encoding="utf-8")
    assert read_document(tmp_path / "p.html", tmp_path).text == (
        "The committee considered the report of the Director and agreed its recommendations.\n")


def test_a_login_page_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "signin.html").write_text(
        "<html><body><h1>Sign in to Modern.Gov</h1><form><label>Username</label><input name=u>"
        "<label>Password</label><input type='password' name=p><button>Sign in</button></form>"
        "<p>Forgotten your password?</p></body></html>", encoding="utf-8")
    with pytest.raises(UnsupportedDocument, match=r"signin\.html: a login page"):
        read_document(tmp_path / "signin.html", tmp_path)
