"""Layouts of real committee papers, in general form (issue 9, point 2).

Fixtures under ``tests/fixtures/layouts/`` are invented bodies and people written in the real
styles: ModernGov agendas and minutes (plain and flattened into pipe tables), decision notices,
minutes titles, parliamentary transcripts and written evidence, NI Assembly proceedings.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_graph.loaders.blocks import ParsedDocument
from evidence_graph.loaders.context import gather_context
from evidence_graph.loaders.document import Document, read_document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import BLOCK_PASSES, LAYOUT_PARSERS, parse_document
from evidence_graph.loaders.structure.furniture import furniture_tail, is_furniture

FIXTURES = Path(__file__).parent / "fixtures" / "layouts"


def parsed(name: str) -> ParsedDocument:
    return parse_document(read_document(FIXTURES / name, FIXTURES))


def kinds(doc: ParsedDocument) -> list[tuple[str, str]]:
    return [(b.kind, doc.text_of(b)) for b in doc.blocks]


def fields(doc: ParsedDocument, kind: str) -> list[tuple[str, str]]:
    return [(f.name, f.value) for b in doc.blocks if b.kind == kind for f in b.fields]


def mention_labels(doc: ParsedDocument) -> set[tuple[str, str]]:
    return {(m.kind, m.label) for m in find_mentions(doc, gather_context([doc])) if m.kind != "figure"}


def test_block_passes_are_registered_components_in_order() -> None:
    assert BLOCK_PASSES.names() == ("furniture", "meeting-headers", "item-titles", "decision-notices",
                                    "declarations", "language")
    assert {"minutes", "agenda", "officer-report"} <= set(LAYOUT_PARSERS.names())


@pytest.mark.parametrize("line", [
    "pdf icon PDF 88 KB", "Additional documents:", "View directions", "Webcast: View the webcast",
    "Share this item", "Skip to main content", "Loading…", "[email protected]", "Page Contents",
    "Technical Error", "Harbour minutes 12 May 2025.pdf (195.14 kb)", "Page 5", "| ... |".replace("...", " "),
    "---|---|", "|", " ", "Contents", "Media", "No. Item", "Items\nNo. Item",
    "We use cookies to give you the best experience. Accept all cookies", "Skip to main content\nLoading…",
])
def test_page_furniture_in_general_form(line: str) -> None:
    assert is_furniture(line)


@pytest.mark.parametrize("line", [
    "Apologies for absence", "Minutes", "The Chair welcomed everyone to the meeting.",
    "Cookie Lane Allotments Society", "Page Street Depot",
])
def test_content_is_not_furniture(line: str) -> None:
    assert not is_furniture(line)


def test_furniture_at_the_end_of_a_line_is_cut_off_its_block() -> None:
    for text, kept in (("Minutes pdf icon PDF 93 KB", "Minutes"),
                       ("Council Chamber - Civic Offices. View directions", "Council Chamber - Civic Offices"),
                       ("Apologies were received. |", "Apologies were received.")):
        assert text[:furniture_tail(text)] == kept


def test_moderngov_agenda_header_items_and_furniture() -> None:
    doc = parsed("moderngov-agenda.txt")
    assert fields(doc, "committee-heading") == [("committee", "Harbour Panel")]
    assert fields(doc, "meeting-header") == [("date", "2026-03-03"), ("time", "19:00"),
                                             ("venue", "Riverside Room - Wexcombe Civic Offices"),
                                             ("contact", "Talia Brennock")]
    items = [(b.number, b.field("title").value) for b in doc.blocks if b.kind == "agenda-item"]
    assert items == [("1", "Apologies"), ("2", "Minutes"), ("3", "Harbour Wall Repairs")]
    furniture = [t for k, t in kinds(doc) if k == "furniture"]
    assert furniture == ["Agenda", "Items\nNo. Item", "Additional documents:", "Share this item",
                         "Harbour wall repairs 2026.pdf (195.14 kb)"]
    context = gather_context([doc])
    assert (context.committee, context.meeting_date) == ("Harbour Panel", "2026-03-03")
    # "minutes of the meeting held on 14th January" is another meeting's date, not this one's.
    labels = mention_labels(doc)
    assert not any("pdf" in label.lower() or "directions" in label.lower() or "Items" in label
                   for _, label in labels)


def test_furniture_blocks_are_not_passages() -> None:
    doc = parsed("moderngov-agenda.txt")
    found = find_mentions(doc, gather_context([doc]))
    furniture = {i for i, b in enumerate(doc.blocks) if b.kind == "furniture"}
    assert furniture and not any(m.block in furniture for m in found)


def test_pipe_flattened_moderngov_table_splits_title_label_and_minute() -> None:
    doc = parsed("moderngov-table-minutes.txt")
    assert doc.parts[0].kind == "minutes"
    rows = kinds(doc)
    assert ("heading", "Apologies for Absence") in rows
    assert ("label", "Minutes:") in rows
    assert ("furniture", "Additional documents:") in rows
    minute = next(b for b in doc.blocks if doc.text_of(b).startswith("Apologies for absence were"))
    assert doc.text_of(minute).endswith("Marchetti.")  # the trailing "|" is cut off
    assert minute.kind == "apologies"
    fused = next(b for b in doc.blocks if doc.text_of(b).startswith("5Changes"))
    assert (fused.kind, fused.number) == ("numbered-paragraph", "5")
    assert rows[-1] == ("furniture", "Skip to main content\nLoading…")
    assert not any("|" in doc.text_of(b) for b in doc.blocks if b.kind not in ("furniture",))


def test_minutes_title_resolved_limbs_and_vote() -> None:
    doc = parsed("minutes-titles.txt")
    assert fields(doc, "committee-heading") == [("committee", "Coastal Communities Scrutiny Committee")]
    assert fields(doc, "meeting-header") == [("date", "2026-02-11"), ("time", "18:30")]
    context = gather_context([doc])
    assert (context.committee, context.meeting_date) == ("Coastal Communities Scrutiny Committee", "2026-02-11")
    decision = next(b for b in doc.blocks if doc.text_of(b).startswith("RESOLVED:"))
    assert decision.kind == "decision" and "(b) that the Harbour Master" in doc.text_of(decision)
    vote = next(b for b in doc.blocks if b.kind == "vote")
    assert [(f.name, f.value) for f in vote.fields] == [("votes-for", "7"), ("votes-against", "2"),
                                                       ("votes-abstain", "1")]


@pytest.mark.parametrize(("title", "committee", "date"), [
    ("Minute of Meeting of the Harbour Licensing Board held on 5 May 2025.", "Harbour Licensing Board",
     "2025-05-05"),
    ("At a MEETING of the SALTMARSH PLANNING COMMITTEE held at Saltmarsh on 24th June, 2019.",
     "Saltmarsh Planning Committee", "2019-06-24"),
    ("Meeting of Wexcombe Cabinet held on 2 April 2024", "Wexcombe Cabinet", "2024-04-02"),
    ("Annual General Meeting, Council - Wednesday, 15th May, 2024 11.00 am", "Council", "2024-05-15"),
    ("Saltmarsh City Council Agenda - 11 December 2003, 13:30 Help", "Council", "2003-12-11"),
    ("Wexcombe Health Scrutiny Panel - 24/06/2019", "Wexcombe Health Scrutiny Panel", "2019-06-24"),
])
def test_meeting_titles_in_the_common_styles(title: str, committee: str, date: str) -> None:
    doc = parse_document(Document("t.txt", "t", f"{title}\n\n1. Apologies\n\nThere were none today.\n", "0"))
    context = gather_context([doc])
    assert (context.committee, context.meeting_date) == (committee, date)


def test_a_list_of_other_meetings_is_not_a_header() -> None:
    text = ("Minutes of Cabinet and Committees\n\nThe Chairman moved that Council receives the minutes.\n\n"
            "Harbour Panel            - 12/01/10\n\nLicensing Committee     - 15/12/09\n")
    doc = parse_document(Document("t.txt", "t", text, "0"))
    assert len([b for b in doc.blocks if b.kind == "committee-heading"]) <= 1


def test_biography_heading_with_a_date_is_no_meeting_title() -> None:
    doc = parse_document(Document("t.md", "t", "## External Witness Biographies - 30th January 2014\n\n"
                                  "Jo Bloggs is the chief executive of a charity.\n", "0"))
    assert not any(b.kind in ("committee-heading", "meeting-header") for b in doc.blocks)


def test_decision_notices() -> None:
    doc = parsed("decisions-published.txt")
    notices = [b for b in doc.blocks if b.kind == "decision-notice"]
    assert [(b.field("decision-date").value, b.field("title").value, b.field("reference").value)
            for b in notices] == [("2025-07-26", "Harbour Wall Repairs Contract", "2910"),
                                  ("2025-09-01", "Beach Hut Licences", "2911")]
    makers = [b for b in doc.blocks if b.kind == "notice-field" and b.field("decision-maker")]
    assert [(f.name, f.value) for b in makers for f in b.fields if f.name in ("post", "committee")] == [
        ("post", "Cabinet Spokesperson Coastal Services"), ("committee", "Harbour Panel")]
    assert doc.parts[0].kind == "generic"  # "Lead officer:" is a notice's field, not a new report
    assert len(doc.parts) == 1
    labels = mention_labels(doc)
    assert ("service", "Cabinet Spokesperson Coastal Services") not in labels
    assert ("person", "Perrin Ashdown") in labels
    assert not any("search options" in label for _, label in labels)
    # Every "Made at meeting" names one meeting: it is the page's.
    context = gather_context([doc])
    assert (context.committee, context.meeting_date) == ("Harbour Panel", "2025-09-01")


def test_parliamentary_transcript_header_with_glued_text() -> None:
    doc = parsed("parliament-oral.txt")
    context = gather_context([doc])
    assert (context.committee, context.meeting_date) == ("Coastal Affairs Committee", "2013-02-13")
    glued = parsed("glued-text.txt")
    assert fields(glued, "committee-heading") == [("committee", "Coastal Affairs Committee")]
    assert [b.number for b in glued.blocks if b.kind == "numbered-paragraph"] == ["1", "2"]


def test_ni_assembly_minutes_of_proceedings() -> None:
    doc = parsed("ni-proceedings.txt")
    assert doc.parts[0].kind == "minutes"
    context = gather_context([doc])
    assert (context.committee, context.meeting_date) == ("Committee for Coastal Affairs", "2025-03-26")
    assert ("venue", "Room 30, Parliament Buildings") in fields(doc, "meeting-header")
    assert any(k == "furniture" and t.endswith("(195.14 kb)") for k, t in kinds(doc))


def test_written_evidence_submitter_and_glued_paragraph_numbers() -> None:
    doc = parsed("written-evidence.txt")
    assert (doc.parts[0].kind, doc.parts[0].subject) == ("written-evidence", "Saltmarsh Rowing Association")
    numbered = {b.number: doc.document.text[b.body:b.end][:4] for b in doc.blocks if b.number}
    assert numbered == {"1": "The ", "2": "The ", "8": "This"}


def test_lone_item_numbers_join_their_titles() -> None:
    doc = parse_document(Document("t.txt", "t", "Items\n\n1a\n\nApologies\n\n1b\n\nMinutes of the last meeting\n"
                                  "\n77/21\n\nHarbour Wall Repairs\n", "0"))
    # Numbered items whose text is a title: minutes items (the part is minutes by its numbering).
    assert [(b.number, b.kind) for b in doc.blocks if b.number] == [
        ("1a", "minute-item"), ("1b", "minute-item"), ("77/21", "minute-item")]


def test_declarations_of_interest_and_call_ins() -> None:
    doc = parsed("moderngov-table-minutes.txt")
    declared = next(b for b in doc.blocks if b.field("declarant"))
    assert (declared.field("declarant").value, declared.field("interest").value) == (
        "Councillor Rhoda Quennell", "personal interest")
    text = ("1. Call-in of the Harbour Decision\n\nThe decision was called in by Councillor Ivo Marchetti.\n\n"
            "Councillor Tamsin Oakridge declared an interest in relation to the item “Beach Hut Licences”.\n")
    blocks = parse_document(Document("t.txt", "t", text, "0")).blocks
    assert any(b.field("call-in") for b in blocks)
    assert [f.value for b in blocks for f in b.fields if f.name == "item"] == ["Beach Hut Licences"]


def test_contents_list_lines_are_furniture() -> None:
    assert is_furniture("2. Background ........................ 5")
    assert is_furniture("Introduction . . . . . 3")
    assert not is_furniture("The cost rose by 5.")


def test_task_group_report_participant_list() -> None:
    text = ("Minutes of the meeting of the Harbour Review Task Group held on 2 June 2025\n\n"
            "Members of the task group: Councillor Ivo Marchetti (Chair), Councillor Rhoda Quennell and "
            "Councillor Tamsin Oakridge\n\n1. Scope of the review\n\nThe task group agreed its scope.\n")
    doc = parse_document(Document("t.txt", "t", text, "0"))
    members = next(b for b in doc.blocks if b.kind == "membership")
    assert [(f.name, f.value) for f in members.fields] == [
        ("chair", "Councillor Ivo Marchetti"), ("member", "Councillor Rhoda Quennell"),
        ("member", "Councillor Tamsin Oakridge")]
    assert gather_context([doc]).committee == "Harbour Review Task Group"
