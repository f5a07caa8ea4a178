"""Committees found by head noun, standalone name and the council-meeting grammar, on invented
papers of invented bodies (no name here is in a cue list: the rules must work for bodies they
never saw)."""

from __future__ import annotations

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def committee_mentions_of(text: str) -> set[tuple[str, str]]:
    """(surface, label) of every committee mention in a short minutes document."""
    body = "Minutes\n\n" + text + "\n"
    parsed = parse_document(Document("t.txt", "t", body, "0"))
    return {(body[m.start:m.end], m.label) for m in find_mentions(parsed, CorpusContext(), finders=["committees"])}


def labels_of(text: str) -> set[str]:
    return {label for _, label in committee_mentions_of(text)}


def test_bare_council_as_the_subject_of_a_verb_is_the_council_meeting() -> None:
    assert "Council" in labels_of("Council considered the recommendation from the Harbour Working Group.")
    assert "Council" in labels_of("The Chairman moved that Council receives and notes the minutes.")


def test_bare_council_after_a_preposition_is_the_council_meeting() -> None:
    assert "Council" in labels_of("The Cabinet recommended the scheme to Council.")
    assert "Council" in labels_of("A principle on the chairing of Council and certain committee meetings.")
    assert "Council" in labels_of("Questions were raised at the last Council meeting in respect of Tarn Lane.")
    assert "Council" in labels_of("The minutes had been adopted by the Council at its meeting on 4th May.")
    assert "Council" in labels_of("Questions to Council from members of the public were answered.")
    assert "Council" in labels_of("Report to Council 23 February 2024 on the harbour budget")
    assert "Council" in labels_of("The Leader of Council made a statement on the harbour.")


def test_council_as_a_modifier_or_with_a_determiner_is_no_council_meeting() -> None:
    for text in ("Council officers attended the site visit.", "Following a review of Council governance.",
                 "That this Council recognises the work of volunteers.", "Council Tax will rise by 3%.",
                 "Schools and Council offices will be closed.", "Members serve as Council representatives.",
                 "The Council at its best serves residents well.", "A review of Council 2024 budgets was made."):
        assert "Council" not in labels_of(text), text


def test_every_form_of_the_council_meeting_is_one_council() -> None:
    found = committee_mentions_of("To receive the minutes of the meeting of County Council held on 20 May and "
                                  "the Special County Council meeting held on 3 June. Council noted them.")
    assert {label for _, label in found} == {"Council"}
    assert {"County Council", "Special County Council", "Council"} <= {surface for surface, _ in found}


def test_a_paper_that_says_full_council_names_the_meeting_so_throughout() -> None:
    found = labels_of("The Panel made a recommendation to Full Council. Officers said it should have been "
                      "made clear to Council.")
    assert "Full Council" in found and "Council" not in found


def test_an_authority_meeting_as_a_whole_is_the_meeting_body() -> None:
    found = labels_of("To confirm the minutes of the meeting of the Tarnside Fire Authority held on 3 May. "
                      "Minutes of Police Authority PDF 120 KB. The minutes of the Combined Authority Meeting "
                      "held on 4 June were agreed.")
    assert {"Tarnside Fire Authority", "Police Authority", "Combined Authority"} <= found


def test_an_authority_named_outside_a_meeting_is_no_committee() -> None:
    found = labels_of("The plans were reported to the Local Planning Authority. The minutes of the Fire "
                      "Authority Audit Committee were noted.")
    assert not any(label.endswith("Authority") for label in found)


def test_committee_names_printed_in_capitals_in_a_heading() -> None:
    found = committee_mentions_of("V APPOINTMENTS TO STANDING COMMITTEES, HARBOUR LICENSING BOARD, LOCAL REVIEW "
                                  "BODY AND AD HOC SUB-COMMITTEES\n\nRECOMMENDS TO THE TARN PROJECT GOVERNANCE BOARD:")
    assert {("HARBOUR LICENSING BOARD", "Harbour Licensing Board"), ("LOCAL REVIEW BODY", "Local Review Body"),
            ("TARN PROJECT GOVERNANCE BOARD", "Tarn Project Governance Board")} <= found
    # Plural heads are kinds of committee, not names.
    assert not any("COMMITTEES" in surface for surface, _ in found)


def test_a_bare_head_a_kind_or_a_body_yet_to_be_set_up_in_capitals_is_no_committee() -> None:
    found = labels_of("ESTABLISHMENT OF A RIVER MANAGEMENT BOARD\n\nREPORT TO THE COMMITTEE\n\nSELECT COMMITTEE")
    assert not {"River Management Board", "The Committee", "Select Committee"} & found


def test_a_bracketed_qualifier_before_the_head_is_part_of_the_name() -> None:
    found = labels_of("(b)Harbour and Regeneration Services (Development Applications) Sub-committee - add Ann Tarr. "
                      "The Licensing (Hearings) Panel met.")
    assert {"Harbour and Regeneration Services (Development Applications) Sub-committee",
            "Licensing (Hearings) Panel"} <= found
    assert "Harbour and Regeneration Services" not in found


def test_a_list_of_meetings_by_date_names_committees_without_a_head() -> None:
    text = ("Harbour Select Committee          - 12/01/10\n\nCoastal Health and Social Care      - 14/01/10\n\n"
            "Select Committee\n\nResources and Assets Management     - 21/01/10\n\nand Property Select Committee\n\n"
            "Special Joint Overview and Scrutiny - 16/02/10\n\nTarn Planning Committee - 17/12/09 and 14/01/10")
    found = labels_of(text)
    assert {"Harbour Select Committee", "Coastal Health and Social Care Select Committee",
            "Resources and Assets Management and Property Select Committee", "Special Joint Overview and Scrutiny",
            "Tarn Planning Committee"} <= found
    # The wrapped name is one committee, not its tail as well.
    assert "Property Select Committee" not in found


def test_a_dated_line_alone_names_no_committee() -> None:
    found = labels_of("Budget Monitoring Report - 14/01/10\n\nHarbour Walls Update - 21/01/10")
    assert not {"Budget Monitoring Report", "Harbour Walls Update"} & found


def test_the_executive_is_the_cabinet_of_a_paper_that_names_one() -> None:
    found = labels_of("The Panel met to consider the call-in of a decision of the Executive. The decision was "
                      "taken by Cabinet on 4 May.")
    assert "Cabinet" in found and "Executive" not in found
    # Without a Cabinet (only a post), the Executive is the body of that name.
    found = labels_of("The Cabinet Member for Parks reported to the Executive.")
    assert "Executive" in found and "Cabinet" not in found


def test_a_post_or_document_words_around_a_name_in_capitals_are_not_part_of_it() -> None:
    found = labels_of("HOUSING CABINET MEMBER REPORT\n\nDRAFT MINUTES HARBOUR PLANNING COMMITTEE")
    assert "Harbour Planning Committee" in found
    assert not any(label.startswith(("Draft", "Housing Cabinet")) for label in found)


def test_the_meeting_a_decision_notice_was_made_at_is_a_committee_whatever_its_name() -> None:
    found = committee_mentions_of("Decision Maker: Delegated Decisions by Cabinet Member for Harbours\n\n"
                                  "Made at meeting: 23/01/2024 - Delegated Decisions by Cabinet Member for Harbours\n\n"
                                  "Decision published: 13/02/2024")
    name = "Delegated Decisions by Cabinet Member for Harbours"
    assert {label for _, label in found} == {name}
    assert len({surface for surface, _ in found}) == 1


def test_a_decision_maker_that_made_no_meeting_is_no_committee() -> None:
    # A post deciding alone ("Director of Harbours") is no meeting body.
    found = labels_of("Decision Maker: Director of Harbours and Coastal Works\n\nDecision published: 13/02/2024")
    assert "Director of Harbours and Coastal Works" not in found


def test_a_list_of_committees_gives_each_committee() -> None:
    found = labels_of("The Harbour Board, Licensing Committee and Audit Committee met. Mid Tarn Area Committee, "
                      "Cabinet Member Decision Session and Council were consulted. Cabinet and Audit Committee met.")
    assert {"Harbour Board", "Licensing Committee", "Audit Committee", "Mid Tarn Area Committee", "Cabinet"} <= found
    assert not any(" and " in label and label.count("Committee") + label.count("Board") > 1 for label in found)
    # One committee whose name holds "and" or a comma stays whole.
    assert {"Overview and Scrutiny Committee", "Audit, Risk & Assurance Committee"} <= labels_of(
        "The Overview and Scrutiny Committee and the Audit, Risk & Assurance Committee met.")


def test_posts_joined_before_the_committee_are_not_part_of_its_name() -> None:
    found = labels_of("The report went to the Chairman and Members of the Harbour Area Committee.")
    assert "Harbour Area Committee" in found
    assert not any(label.startswith("Chairman") for label in found)


def test_a_committee_named_by_what_it_is_on_before_another_name() -> None:
    found = labels_of("The Joint Committee on Tarn Rights and the Joint Committee on the Draft Harbours Bill met.")
    assert {"Joint Committee on Tarn Rights", "Joint Committee on the Draft Harbours Bill"} <= found


def test_a_session_of_the_body_is_the_meetings_own_committee() -> None:
    found = committee_mentions_of("Public Board 11 August 2022, 1pm. This meeting will be held online. "
                                  "The Private Committee then met.")
    assert {label for _, label in found} == {"Board", "Committee"}


def test_a_body_named_by_its_members_is_a_committee() -> None:
    found = labels_of("The Board of Directors met in public. The Council of Governors approved the appointment.")
    assert {"Board of Directors", "Council of Governors"} <= found
    assert "Board" not in found


def test_a_paper_sent_to_a_committee_names_the_committee_only() -> None:
    labels = labels_of("Statement to Cabinet from the Leader on the Tarnside harbour works.")
    assert "Cabinet" in labels
    assert not any(" to " in label for label in labels)


def test_kinds_of_meeting_joined_name_no_committee() -> None:
    labels = labels_of("Questions are taken in accordance with Council and Committee Procedure Rule 9(1).")
    assert "Council and Committee" not in labels
    assert "Executive Committee" in labels_of("The report went to the Executive Committee in March.")


def test_a_sub_group_is_a_committee() -> None:
    assert "Parks and Open Spaces Sub-Group" in labels_of("To receive a report from the Parks and Open Spaces Sub-Group.")


def test_a_committee_to_be_set_up_on_a_named_matter_is_a_committee() -> None:
    labels = labels_of("Motion to establish a Special Purpose Committee on Harbour Reform.")
    assert "Special Purpose Committee on Harbour Reform" in labels
    assert labels_of("The council agreed to set up a Members Board.") == set()


def test_an_english_head_and_a_post_is_no_welsh_name() -> None:
    assert labels_of("Panel Members may nominate substitute members of the Panel.") <= {"Panel"}
    assert "Panel Cynghori Tarn" in labels_of("Cyfarfod y Panel Cynghori Tarn.")


def test_the_cabinet_meeting_names_the_cabinet() -> None:
    assert "Cabinet" in labels_of("Decisions are taken by bodies such as the Cabinet Meeting or individual Cabinet Members.")
    assert "Planning Committee" in labels_of("Items for the next Planning Committee Meeting were listed.")
    assert labels_of("The Cabinet Member for Harbours reported.") == set()


def test_the_council_agenda_is_the_council_meetings() -> None:
    assert "Council" in labels_of("The Clerk said she would add the bench repairs to the Council agenda for March.")
    assert labels_of("The Clerk checked the Council website for the bench repairs.") == set()


def test_a_board_of_another_state_is_an_organisation() -> None:
    body = "Minutes\n\nThe Norwegian Harbour Safety Board ran the inquiry.\n"
    parsed = parse_document(Document("t.txt", "t", body, "0"))
    kinds = {m.label: m.kind for m in find_mentions(parsed, CorpusContext(), finders=["committees"])}
    assert kinds.get("Norwegian Harbour Safety Board") == "organisation"
    assert "Scottish Affairs Committee" in labels_of("Evidence to the Scottish Affairs Committee was heard.")


def test_an_issue_history_line_names_the_meeting_body() -> None:
    assert "Plenary" in labels_of("Meeting: 12/05/2023 - Plenary (Item 4)")
    assert "Harbour Scrutiny Committee" in labels_of("Meeting: 01/02/2023 - Harbour Scrutiny Committee (Item 11)")
    assert labels_of("Meeting: 12/05/2023 - Plenary debate on the harbour") == set()
