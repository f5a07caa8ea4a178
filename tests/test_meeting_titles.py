"""The meeting's committee read from the first lines of minutes and agendas
(``loaders.context._committee_and_date_from_titles``): a title names the meeting's body, but a
recommendation, an item heading, an attendee's post or a report's title names none; a committee
keeps what it is on; a council met as a body is the council meeting "Council".

Every paper here is invented, in the style of real ones.
"""

from __future__ import annotations

import pytest

from evidence_graph.loaders.context import _committee_and_date_from_titles, gather_context
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document


def committee_of(text: str) -> str | None:
    """The meeting's committee the context finds in one pasted paper."""
    return gather_context([parse_document(Document("paper.txt", "paper", text, "0"))]).committee


def test_a_recommendation_that_a_cabinet_decides_names_no_cabinet_that() -> None:
    text = ("Minutes\n\nCar Park Order\n\nTo consider the report of the head of place.\n\n"
            "Recommendations: That Cabinet\n\n(a) Agrees the draft order for Fenmoor town centre.\n")
    assert committee_of(text) != "That Cabinet"
    assert committee_of(text) is None


def test_the_cabinet_still_titles_its_own_minutes() -> None:
    text = ("Minutes of a meeting of the Cabinet held on 4 March 2026\n\nRecommendations: That Cabinet\n\n"
            "(a) Agrees the draft order.\n")
    assert committee_of(text) == "Cabinet"


def test_an_item_heading_about_a_call_in_names_no_committee() -> None:
    text = ("Agenda, decisions and minutes\n\n14.\n\nLeader - Call-in of Cabinet decisions\n\n"
            "The Leader reported on the call-in.\n")
    assert committee_of(text) is None


def test_an_attendee_and_their_post_name_no_committee() -> None:
    text = ("Minutes of Proceedings - 3 October 2025\n\nAttendees:\nMs Petra Lindqvist, Committee Clerk\n"
            "Mr Owen Tarrant, Assistant Clerk\n\nThe meeting opened at 2.05pm.\n")
    found = committee_of(text)
    assert found is None or "Lindqvist" not in found


@pytest.mark.parametrize("line", ["Ms Petra Lindqvist, Committee", "Councillor Owen Tarrant, Harbour Committee"])
def test_a_persons_name_before_a_committee_is_their_post(line: str) -> None:
    assert committee_of(f"Minutes\n\n{line}\n\nThe meeting opened at 2.05pm.\n") is None


def test_a_cabinet_member_is_a_post_not_the_meeting() -> None:
    assert committee_of("Decision record - Cabinet Member for Highways\n\nThe decision was taken.\n") is None


def test_a_select_committee_keeps_what_it_is_on() -> None:
    text = ("Select Committee on Inland Waterways Minutes of Evidence\n\nMemorandum by the Canal Society\n\n"
            "1. The Society welcomes the inquiry.\n")
    assert committee_of(text) == "Select Committee on Inland Waterways"


def test_a_committee_for_its_remit_keeps_the_remit_and_drops_the_article() -> None:
    text = "The Committee for Rural Affairs\n\nMinutes of Proceedings\n\nThe meeting opened at 10.02am.\n"
    assert committee_of(text) == "Committee for Rural Affairs"


def test_a_report_on_committee_activity_names_no_committee() -> None:
    text = ("Review of Investigative Select Committee activity in 2024–25 Contents\n\n"
            "Chapter 1: Introduction\n\n1. This report reviews the year.\n")
    assert committee_of(text) is None


@pytest.mark.parametrize("title", ["Matters Arising: Special Meeting of Council – 14 March 2025",
                                   "Annual General Meeting, Council"])
def test_a_council_met_as_a_body_is_the_council_meeting(title: str) -> None:
    text = f"Minutes\n\n{title}\n\nCouncillor Rhys Gower asked about the borrowing.\n"
    assert committee_of(text) == "Council"


def test_the_council_meeting_is_full_council_when_the_paper_says_so() -> None:
    text = ("Minutes\n\nMatters Arising: Special Meeting of Council – 14 March 2025\n\n"
            "The report will go to Full Council in May.\n")
    assert committee_of(text) == "Full Council"


def test_a_council_in_passing_at_a_line_start_is_no_council_meeting() -> None:
    text = "Minutes\n\nCouncil approved the budget in February, and the Leader reported on it.\n"
    assert committee_of(text) is None


def test_a_committee_with_commas_in_its_name_is_kept_whole() -> None:
    text = "Minutes of the Audit, Risk & Assurance Committee held on 9 June 2026\n\nPresent: Councillor Ann Vell\n"
    assert committee_of(text) == "Audit, Risk & Assurance Committee"


def test_a_council_meeting_as_a_whole_is_the_body_council() -> None:
    # The council's own name titles its meeting: the meeting body is "Council" (the one name
    # the committee finder gives it, docs/ANNOTATION.md), the name is the organisation's.
    text = ("Minutes\n\nMinute of 29 May 2026 The Fenmoor Council of 29 May 2026 – submitted for approval\n\n"
            "The minute was approved.\n")
    context = gather_context([parse_document(Document("paper.txt", "paper", text, "0"))])
    assert context.committee == "Council"
    assert context.authority is not None and context.authority.name == "Fenmoor Council"
    assert committee_of("Fenmoor District Council Minutes\n\nDate: 4 June 2025\n\nPresent: Councillor Ann Lee\n\n"
                        "1. Apologies\n\nNone.\n") == "Council"
    assert committee_of("Fenmoor District Council – Full Council Minutes\n\nDate: 4 June 2025\n\n"
                        "1. Apologies\n\nNone.\n") == "Full Council"


def test_a_house_before_its_minutes_of_evidence_is_not_the_committee() -> None:
    text = ("House of Commons Minutes of Evidence Taken Before Coastal Defences Committee\n\n"
            "Memorandum by the Shoreline Trust\n\n1. The Trust welcomes the inquiry.\n")
    assert committee_of(text) == "Coastal Defences Committee"
    # Read from the title line itself too, not only from the committee heading the layout finds.
    parsed = parse_document(Document("paper.txt", "paper", text, "0"))
    assert _committee_and_date_from_titles([parsed])[0] == "Coastal Defences Committee"


def test_a_council_before_the_minutes_of_its_committee_is_not_the_committee() -> None:
    assert committee_of("Fenmoor District Council Minutes Planning Committee\n\nPresent: Cllr Ann Vell\n") == (
        "Planning Committee")
