"""Stage 1: reading files into Documents, and refusing bad input with a clear message."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from evidence_graph.loaders.document import MAX_DOCUMENT_BYTES, read_document
from evidence_graph.loaders.errors import UnreadableDocument, UnsupportedDocument

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def test_sample_minutes_read_byte_identical_with_hash() -> None:
    path = CORPUS / "kcc-commissioning-select-committee" / "2014-01-30-minutes-thom-wilson.txt"
    document = read_document(path, CORPUS)
    assert document.key == "kcc-commissioning-select-committee/2014-01-30-minutes-thom-wilson"
    assert document.sha256 == hashlib.sha256(path.read_bytes()).hexdigest()
    assert document.text.encode("utf-8") == path.read_bytes()
    assert "\u00a0" in document.text  # NBSP padding is kept: offsets depend on it
    assert document.format == "text"


def test_empty_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"  \n")
    with pytest.raises(UnsupportedDocument, match=r"empty\.txt: empty file"):
        read_document(tmp_path / "empty.txt", tmp_path)


def test_binary_file_is_refused(tmp_path: Path) -> None:
    (tmp_path / "blob.txt").write_bytes(b"abc\x00\x01\x02")
    with pytest.raises(UnsupportedDocument, match=r"blob\.txt: binary file"):
        read_document(tmp_path / "blob.txt", tmp_path)


def test_cp1252_text_is_decoded_and_recorded(tmp_path: Path) -> None:
    (tmp_path / "old.txt").write_bytes("The Council’s budget is £5m.".encode("cp1252"))
    document = read_document(tmp_path / "old.txt", tmp_path)
    assert document.encoding == "cp1252"
    assert document.text == "The Council’s budget is £5m."


def test_undecodable_bytes_are_refused(tmp_path: Path) -> None:
    # 0x81 is undefined in Windows-1252 and invalid as a UTF-8 start byte.
    (tmp_path / "bad.txt").write_bytes(b"Minutes \x81\x8d\x90")
    with pytest.raises(UnsupportedDocument, match=r"bad\.txt: not valid UTF-8"):
        read_document(tmp_path / "bad.txt", tmp_path)


def test_oversized_file_is_refused_without_reading_it(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as handle:
        handle.truncate(MAX_DOCUMENT_BYTES + 1)
    with pytest.raises(UnsupportedDocument, match=r"big\.txt: too large"):
        read_document(big, tmp_path)


def test_unreadable_file_is_refused(tmp_path: Path) -> None:
    with pytest.raises(UnreadableDocument, match=r"missing\.txt: no such file"):
        read_document(tmp_path / "missing.txt", tmp_path)


def test_damaged_pdf_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "pack.pdf").write_bytes(b"%PDF-1.4\n%binary")
    with pytest.raises(UnsupportedDocument, match=r"pack\.pdf: (not a readable PDF|PDF has no text layer)"):
        read_document(tmp_path / "pack.pdf", tmp_path)


def test_html_page_is_reduced_to_text(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text(
        "<html><head><style>p{}</style></head><body><h1>Minutes</h1>"
        "<p>(1) The Chair&nbsp;opened the meeting.</p></body></html>", encoding="utf-8")
    document = read_document(tmp_path / "page.html", tmp_path)
    assert document.format == "html"
    assert document.text == "Minutes\n\n(1) The Chair\u00a0opened the meeting.\n"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32", "utf-8-sig"])
def test_text_with_a_byte_order_mark_is_text_not_binary(tmp_path: Path, encoding: str) -> None:
    text = "(1) The Council’s budget is £5m.\n"
    (tmp_path / "bom.txt").write_bytes(text.encode(encoding))
    document = read_document(tmp_path / "bom.txt", tmp_path)
    assert document.text == text  # the mark itself is not text: offsets start at the first word
    assert document.encoding == encoding.removesuffix("-sig")


def test_broken_utf16_after_its_mark_is_refused_by_name(tmp_path: Path) -> None:
    (tmp_path / "half.txt").write_bytes(b"\xff\xfe" + "Minutes".encode("utf-16-le") + b"\x00\xd8")  # lone surrogate
    with pytest.raises(UnsupportedDocument, match=r"half\.txt: not valid UTF-16"):
        read_document(tmp_path / "half.txt", tmp_path)


def test_broken_html_is_read_as_a_browser_shows_it(tmp_path: Path) -> None:
    # "<![ … >" is a bogus comment to a browser; the <ol> inside it never opens.
    (tmp_path / "odd.html").write_text('<p>Minutes <![ of the <ol start="²"><li>Audit Committee</li></ol>',
                                       encoding="utf-8")
    assert read_document(tmp_path / "odd.html", tmp_path).text == "Minutes\n\n- Audit Committee\n"
