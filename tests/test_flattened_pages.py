"""A PDF page flattened into one line keeps its structure: attendance lists and numbered
paragraphs are cut out of the run-on text (issue #9, bad input: text run together by extraction)."""

from __future__ import annotations

from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document

PAGE = ("NORTHMOOR NATIONAL PARK AUTHORITY MINUTES OF THE BOARD MEETING held at The Grange Hotel, Fellby on "
        "9 May 2004 at 10.30am Present: Ruth Abbot Colin Bligh Morag MacLeod Ewan McAra Tessa Quill "
        "Hamish Reid In Attendance: Iris Vane, Chief Executive, NNPA Tom Wade, Head of Planning "
        "Apologies: Gail Yeats 1 Welcome 1. Ruth Abbot welcomed members of the public to the meeting and "
        "thanked those who came to the open evening. Over 40 people had attended. 2. The minutes of the "
        "last meeting were agreed, subject to one change to paragraph 12. 3. Tessa Quill asked how the "
        "feedback from the evening would be used, and the Chief Executive said a paper would follow. "
        "4. The Board noted the report on visitor numbers, which had risen by 8% on the year before.")


def test_a_flattened_page_keeps_its_lists_and_paragraphs() -> None:
    assert "\n" not in PAGE and len(PAGE) > 600
    parsed = parse_document(Document("n/minutes.txt", "n/minutes", PAGE, "0"))
    kinds = [b.kind for b in parsed.blocks]
    present = next(b for b in parsed.blocks if PAGE[b.start:b.end].startswith("Present:"))
    assert [f.value for f in present.fields if f.name in ("member", "person")] == [
        "Ruth Abbot", "Colin Bligh", "Morag MacLeod", "Ewan McAra", "Tessa Quill", "Hamish Reid"]
    attendance = next(b for b in parsed.blocks if PAGE[b.start:b.end].startswith("In Attendance:"))
    assert ("person", "Iris Vane") in [(f.name, f.value) for f in attendance.fields]
    numbered = [PAGE[b.start:b.end][:2] for b in parsed.blocks if PAGE[b.start:b.end][:1].isdigit()]
    assert numbered[-4:] == ["1.", "2.", "3.", "4."]
    assert len(kinds) >= 8


def test_a_long_line_with_line_breaks_or_prose_numbers_is_left_alone() -> None:
    prose = ("The panel considered section 2. Of the 14 bids, 3. were late. " * 12).strip()
    parsed = parse_document(Document("n/report.txt", "n/report", prose, "0"))
    assert len(parsed.blocks) == 1, "numbers after a word in prose are no paragraph numbers"
