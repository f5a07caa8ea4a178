"""Stage 2 alone: literal inputs in, typed blocks out."""

from __future__ import annotations

import pytest

from evidence_graph.loaders.document import Document
from evidence_graph.loaders.errors import UnsupportedDocument
from evidence_graph.loaders.structure import parse_document
from evidence_graph.loaders.structure.segment import segment_text


def parse(text: str, **metadata: str):
    return parse_document(Document("t.md", "t", text, "0", metadata=metadata))


def test_page_fillers_split_parts_and_are_not_passages() -> None:
    parsed = parse("## AGENDA\n\nSome words are here.\n\nThis page is intentionally left blank\n\n"
                   "## Project X submission to the Committee\n\nWe think contracts are too short.\n")
    assert [p.kind for p in parsed.parts] == ["agenda", "written-evidence"]
    assert parsed.parts[1].subject == "Project X"
    assert all("intentionally" not in parsed.text_of(b) for b in parsed.blocks)


def test_sentence_broken_across_a_page_is_rejoined_without_changing_text() -> None:
    text = "- YHM is accessed\n\nthrough the CAF process. It helps.\n"
    units = segment_text(text)
    assert len(units) == 1
    assert text[units[0].start:units[0].end] == "YHM is accessed\n\nthrough the CAF process. It helps."


def test_nbsp_padding_after_paragraph_numbers_is_kept_in_offsets() -> None:
    text = "Minutes:\n\n(8)\u00a0\u00a0\u00a0 Regarding social value, I am not sure.\n"
    block = next(b for b in parse(text, kind="minutes").blocks if b.number == "8")
    assert text[block.start:block.end].startswith("(8)\u00a0")
    assert text[block.body:block.end] == "Regarding social value, I am not sure."


def test_agenda_header_membership_items_and_signature() -> None:
    text = ("## AGENDA\n\n### PLANNING COMMITTEE\n\n"
            "Tuesday, 4th March, 2025, at 7.00 pm      Ask for:      Jo Bloggs\n\n"
            "Council Chamber, Town Hall,      Telephone      01234 567890\n\n"
            "#### Membership\n\nCllr A Smith (Chairman), Cllr B Jones and Cllr C Brown\n\n"
            "- 1      Apologies\n- 2      **7.15pm** - Dr Ann Lee, Director, Wessex Water (Pages 3 - 9)\n\n"
            "Jane Doe  \nHead of Legal Services  \n(01234) 567000\n")
    blocks = parse(text).blocks
    header = next(b for b in blocks if b.kind == "meeting-header")
    assert [(f.name, f.value) for f in header.fields] == [("date", "2025-03-04"), ("time", "19:00"),
                                                         ("contact", "Jo Bloggs")]
    members = next(b for b in blocks if b.kind == "membership")
    assert [(f.name, f.value) for f in members.fields] == [("chair", "Cllr A Smith"), ("member", "Cllr B Jones"),
                                                          ("member", "Cllr C Brown")]
    item = next(b for b in blocks if b.kind == "agenda-item" and b.number == "2")
    assert {f.name: f.value for f in item.fields} | {} == {
        "time": "19:15", "pages": "3-9", "title": "Dr Ann Lee, Director, Wessex Water",
        "person": "Dr Ann Lee", "post": "Director", "organisation": "Wessex Water"}
    signature = next(b for b in blocks if b.kind == "signature")
    assert [f.value for f in signature.fields][:2] == ["Jane Doe", "Head of Legal Services"]


def test_terms_of_reference_questions_sit_under_their_themes() -> None:
    text = ("## Terms of Reference\n\n- a) cost of entry\n- b) social value\n\n"
            "### a) Costs\n\n- What does it cost?\n\n**b) Social value**\n\n- How is it measured?\n")
    blocks = parse(text).blocks
    themes = [(b.number, parse(text).document.text[b.body:b.end]) for b in blocks if b.kind == "theme"]
    assert themes == [("a", "cost of entry"), ("b", "social value")]
    questions = {parse(text).document.text[b.start:b.end]: b.theme_notations for b in blocks
                 if b.kind == "tor-question"}
    assert questions == {"What does it cost?": ("a",), "How is it measured?": ("b",)}


def test_minutes_roles_are_decided_from_content() -> None:
    text = ("Interview with Jo Smith, Head of Housing, Wessex Borough Council\n\n"
            "(1)  The Chairman welcomed Ms Smith.\n\nWhat are your priorities?\n\n"
            "(2)  Our priority is prevention.\n\nI visited a hostel last week and saw the need.\n\n"
            "I agree that prevention matters.\n\n(3)  The Chairman thanked Ms Smith.\n")
    blocks = [b for b in parse(text, kind="minutes").blocks if b.kind not in ("title",)]
    roles = [(b.kind, b.number, b.role) for b in blocks]
    assert roles == [("numbered-paragraph", "1", "narrative"), ("question", None, "committee"),
                     ("numbered-paragraph", "2", "witness"), ("paragraph", None, "witness"),
                     ("comment", None, "committee"), ("numbered-paragraph", "3", "narrative")]
    answer = blocks[2]
    assert answer.answers is not None and parse(text, kind="minutes").blocks[answer.answers].kind == "question"


def test_generic_minutes_without_a_witness_record_reported_speech_and_decisions() -> None:
    text = ("Minutes of the Overview and Scrutiny Committee\n\n45. Homelessness Strategy\n\n"
            "Cllr Jones asked whether the budget was enough.\n\nRESOLVED: That the strategy be noted.\n")
    blocks = parse(text).blocks
    item = next(b for b in blocks if b.number == "45")
    assert item.kind == "minute-item"
    speech = next(b for b in blocks if b.field("speaker"))
    assert speech.field("speaker").value == "Cllr Jones"
    assert any(b.kind == "decision" for b in blocks)


def test_unknown_layout_still_yields_passages() -> None:
    parsed = parse("A plain letter about parking.\n\nIt has two paragraphs and no headings at all.\n")
    assert [p.kind for p in parsed.parts] == ["generic"]
    assert [b.kind for b in parsed.blocks] == ["paragraph", "paragraph"]


def test_text_without_structure_is_refused() -> None:
    with pytest.raises(UnsupportedDocument, match="no recognisable structure"):
        parse("1234 5678\n\n---- %%%% 99\n")


@pytest.mark.parametrize("stated", ["30 January 2014", "30/01/2014", "30/1/14", "Thursday, 30th January 2014",
                                    "2014-01-30", "30.01.2014", "30-01-2014", "January 30, 2014", "Thu 30 Jan 2014"])
def test_a_labelled_meeting_date_is_read_in_any_usual_form(stated: str) -> None:
    parsed = parse(f"## AGENDA\n\n### AUDIT COMMITTEE\n\nDate: {stated}      Time: 7.30 pm\n\n#### Membership\n\n"
                   "Mr A Smith (Chairman), Mr B Jones\n")
    header = next(b for b in parsed.blocks if b.kind == "meeting-header")
    assert [(f.name, f.value) for f in header.fields if f.name in ("date", "time", "date-text")] == \
        [("date", "2014-01-30"), ("time", "19:30")]
    date = header.field("date")
    assert parsed.document.text[date.start:date.end] in stated


@pytest.mark.parametrize("stated", ["TBC", "31/02/2014", "2014-13-45", "to be confirmed"])
def test_a_labelled_date_that_is_no_date_is_kept_as_text(stated: str) -> None:
    parsed = parse(f"## AGENDA\n\n### AUDIT COMMITTEE\n\nDate: {stated}\n\n#### Membership\n\nMr A Smith (Chairman)\n")
    header = next(b for b in parsed.blocks if b.kind == "meeting-header")
    assert [(f.name, f.value) for f in header.fields] == [("date-text", stated)]
    text = header.field("date-text")
    assert parsed.document.text[text.start:text.end] == stated
