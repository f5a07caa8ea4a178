"""Committee mentions on the patterns that unseen bodies' papers showed: posts read as
committees, kind nouns with no name, names cut at a comma, short forms of one longer name and
groups or forums of the host against outside bodies. Every name here is invented."""

from __future__ import annotations

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def mentions_of(text: str, finders: list[str] | None = None) -> dict[str, str]:
    """Label -> kind of every committee or organisation mention in a short minutes document."""
    body = "Minutes\n\n" + text + "\n"
    parsed = parse_document(Document("t.txt", "t", body, "0"))
    found = find_mentions(parsed, CorpusContext(), finders=finders) if finders else find_mentions(
        parsed, CorpusContext())
    return {m.label: m.kind for m in found if m.kind in ("committee", "organisation")}


def committees_of(text: str) -> set[str]:
    return {label for label, kind in mentions_of(text, ["committees"]).items() if kind == "committee"}


def test_a_name_with_a_comma_after_a_post_of_it_is_whole() -> None:
    found = committees_of("Councillor Ann Brisk, Chairman of the Social Widgets, Health and Housing Policy "
                          "Overview Committee, presented the report.")
    assert "Social Widgets, Health and Housing Policy Overview Committee" in found
    assert "Health and Housing Policy Overview Committee" not in found
    found = committees_of("Mr Tom Quell, Vice-Chair of the Roads, Parks and Leisure Scrutiny Panel, spoke.")
    assert "Roads, Parks and Leisure Scrutiny Panel" in found


def test_a_person_before_a_comma_name_is_not_part_of_it() -> None:
    found = committees_of("Ms Joan Vetch, Highways, Transport and Environment Committee, attended.")
    assert "Highways, Transport and Environment Committee" in found
    assert not any(label.startswith(("Joan", "Ms")) for label in found)


def test_a_post_that_decides_alone_is_no_meeting_body() -> None:
    text = ("Decision Maker: Lead Member for Gadgets and Environment\n\n"
            "Made at meeting: 12/03/2024 - Lead Member for Gadgets and Environment\n\n"
            "Meeting: 14/03/2024 - Executive Member for Adult Care (Item 6)\n\n"
            "Meeting: 19/03/2024 - Portfolio Holder for Finance and Assets (Item 2)")
    assert committees_of(text) == set()
    listed = committees_of("Cabinet - 15/12/09, 26/01/10\nCabinet Member for Roads - 16/02/10\n"
                           "Audit Committee - 09/12/09")
    assert listed == {"Cabinet", "Audit Committee"}


def test_a_meeting_named_by_the_decisions_of_a_post_is_still_a_meeting_body() -> None:
    text = ("Decision Maker: Delegated Decisions by Cabinet Member for Gadgets\n\n"
            "Made at meeting: 23/01/2024 - Delegated Decisions by Cabinet Member for Gadgets\n\n"
            "Meeting: 19/03/2024 - Harbour Scrutiny Committee (Item 7)")
    assert committees_of(text) == {"Delegated Decisions by Cabinet Member for Gadgets", "Harbour Scrutiny Committee"}


def test_a_kind_noun_with_no_name_is_no_committee() -> None:
    found = committees_of("Brackwater's Tomorrow: Task Force Options and Recommendations\n\n"
                          "The Task Force will report in June.")
    assert found == set()
    assert "Brackwater Housing Task Force" in committees_of("Report of the Brackwater Housing Task Force.")


def test_the_board_of_an_unnamed_school_or_hospital_is_no_committee() -> None:
    found = committees_of("Councillor Gil Warne, Chairman of the School Governing Body, declared an interest. "
                          "Mr Ray Tull sits on the Hospital Board.")
    assert found == set()
    # A name of its own before the head keeps it a body.
    assert "Tarnside Schools Forum" in committees_of("The Tarnside Schools Forum met on 3 May.")


def test_a_group_named_by_what_members_do_is_a_committee() -> None:
    found = mentions_of("The Estates Policy and Challenge Group, chaired by Councillor Rhea Dunn, reported to "
                        "Cabinet. The Harbour Member Liaison Group met in March.")
    assert found.get("Estates Policy and Challenge Group") == "committee"
    assert found.get("Harbour Member Liaison Group") == "committee"


def test_a_group_with_no_word_of_members_work_stays_an_organisation() -> None:
    found = mentions_of("The Tarnvale Housing Group and the Labour Group wrote to the Council.")
    assert found.get("Tarnvale Housing Group") != "committee"
    assert "Labour Group" not in {label for label, kind in found.items() if kind == "committee"}


def test_a_forum_set_up_outside_the_council_is_an_organisation() -> None:
    found = mentions_of("The Brackwater Neighbourhood Forum, designated under the Localism Act 2011, applied for "
                        "funding. The Tarnside Residents Forum wrote to the Council. The Marlow Youth Panel, a "
                        "registered charity, attended.", ["committees"])
    assert found == {"Brackwater Neighbourhood Forum": "organisation", "Tarnside Residents Forum": "organisation",
                     "Marlow Youth Panel": "organisation"}


def test_a_forum_of_the_council_stays_a_committee() -> None:
    found = mentions_of("The Tarnside Community Forum met on 3 May and referred the matter to the Harbour Panel.",
                        ["committees"])
    assert found == {"Tarnside Community Forum": "committee", "Harbour Panel": "committee"}


def test_the_body_of_no_named_institution_is_no_committee() -> None:
    assert committees_of("A response was sent today to the Parliamentary Committee.") == set()


def test_a_document_word_and_of_inside_the_run_are_not_part_of_the_name() -> None:
    assert committees_of("The Record of Decision of the Cabinet was published.") == {"Cabinet"}
    assert committees_of("The Draft Minutes of the Harbour Licensing Board were noted.") == {"Harbour Licensing Board"}


def test_a_committee_the_council_designates_stays_a_committee() -> None:
    found = mentions_of("The Harbour Scrutiny Committee, designated as the crime and disorder committee, met. "
                        "The Tarn Neighbourhood Planning Forum, a registered charity, wrote.", ["committees"])
    assert found == {"Harbour Scrutiny Committee": "committee", "Tarn Neighbourhood Planning Forum": "organisation"}


def test_the_board_of_a_body_named_after_it_is_no_committee() -> None:
    found = committees_of("Councillor Bo Fenwick is Chairman of the Governing Body at Tarnside Academy. Mr Al Roe "
                          "sits on the Board of Governors of Tarn Primary School.")
    assert found == set()
    assert committees_of("The Board of Directors met in public.") == {"Board of Directors"}


def test_a_forum_whose_trustee_a_member_is_is_an_organisation() -> None:
    found = mentions_of("Councillor Cy Dale declared an interest as a Trustee of the Tarn Valley Community Forum.",
                        ["committees"])
    assert found == {"Tarn Valley Community Forum": "organisation"}
    # A one-word body after it is as often the paper's own ("the Board of the Trust").
    assert committees_of("The Board of the Trust approved the plan.") == {"Board"}


def test_a_comma_name_in_capitals_or_after_a_post_in_brackets_is_whole() -> None:
    name = "Social Widgets, Health and Housing Policy Overview Committee"
    assert name in committees_of("SOCIAL WIDGETS, HEALTH AND HOUSING POLICY OVERVIEW COMMITTEE")
    found = committees_of(f"Cllr Ann Brisk (Chairman, {name}) spoke.")
    assert name in found and not any(label.startswith("Chairman") for label in found)
    # A list of committees in capitals still gives each.
    assert {"Harbour Licensing Board", "Local Review Body"} <= committees_of(
        "APPOINTMENTS TO STANDING COMMITTEES, HARBOUR LICENSING BOARD, LOCAL REVIEW BODY AND AD HOC SUB-COMMITTEES")


def test_a_meeting_of_the_council_titled_with_its_day_is_the_council_meeting() -> None:
    found = committees_of("Minute General Meeting of the Council Tuesday, 8 December 2020, 10:30.")
    assert found == {"Council"}
    # A capitalised name after "Council" is still a longer name's, not the meeting.
    assert "Council" not in committees_of("At a meeting of the Council Leaders Network the chair spoke.")
