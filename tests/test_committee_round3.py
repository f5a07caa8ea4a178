"""Committee mentions on patterns of the newest devset papers: a name with its own acronym in
brackets before its head, a head-first task group named by what it is for, groups of others a
council engages with or declares an interest in, and the host's place before "Cabinet". Every
name here is invented."""

from __future__ import annotations

from evidence_graph.loaders.context import Authority, CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def mentions_of(text: str, context: CorpusContext | None = None) -> dict[str, str]:
    """Label -> kind of every committee or organisation mention in a short minutes document."""
    parsed = parse_document(Document("t.txt", "t", "Minutes\n\n" + text + "\n", "0"))
    found = find_mentions(parsed, context or CorpusContext())
    return {m.label: m.kind for m in found if m.kind in ("committee", "organisation")}


def test_a_bracketed_acronym_of_the_name_before_its_head_is_one_committee() -> None:
    found = mentions_of("The Board considered the establishment of the Tarn Vale Growth Deal (TVGD) Joint "
                        "Committee and its funding.")
    assert found.get("Tarn Vale Growth Deal (TVGD) Joint Committee") == "committee"
    assert "Joint Committee" not in found


def test_a_bracketed_qualifier_that_is_no_acronym_stays_as_before() -> None:
    found = mentions_of("The Licensing (Hearings) Panel met on Tuesday.")
    assert found.get("Licensing (Hearings) Panel") == "committee"


def test_a_task_and_finish_group_named_by_what_it_is_for() -> None:
    found = mentions_of("Councillor Ann Brisk informed Members that the Task and Finish Group for Widget "
                        "Recycling was held on 7 December 2023.")
    assert found.get("Task and Finish Group for Widget Recycling") == "committee"


def test_a_committee_the_council_engages_with_among_other_groups_is_an_outside_body() -> None:
    found = mentions_of("Council agreed to engage with the Tarnside Gala Committee, other relevant groups and "
                        "organisations to plan the parade.")
    assert found.get("Tarnside Gala Committee") == "organisation"
    found = mentions_of("Council agreed a grant to the Harbour Regatta Committee.")
    assert found.get("Harbour Regatta Committee") == "organisation"
    # The council's own committee, with no such words about it, stays a committee.
    found = mentions_of("Council noted the report of the Harbour Planning Committee.")
    assert found.get("Harbour Planning Committee") == "committee"


def test_a_group_a_member_declares_an_interest_in_is_an_outside_body() -> None:
    found = mentions_of("Councillor Tom Quell, Affects Non-registerable Interest, Member of the Tarn Vale "
                        "Refugee Support Group.")
    assert found.get("Tarn Vale Refugee Support Group") == "organisation"


def test_the_host_place_before_cabinet_is_the_cabinet() -> None:
    context = CorpusContext(Authority("Tarnshire County Council"))
    found = mentions_of("The findings were presented to the Tarnshire Cabinet on 28 January.", context)
    assert found.get("Cabinet") == "committee"
    assert "Tarnshire Cabinet" not in found
    # Another place's cabinet keeps its name.
    found = mentions_of("The findings were presented to the Wexmoor Cabinet on 28 January.", context)
    assert "Cabinet" not in found


def test_a_declared_interest_in_a_body_the_papers_record_meeting_keeps_it_a_committee() -> None:
    found = mentions_of("Min 12. Minutes of Widget Monitoring Forum held on 18 October 2022.\n\n"
                        "Councillor Tom Quell, Affects Non-registerable Interest, Member of Widget Monitoring Forum.")
    assert found.get("Widget Monitoring Forum") == "committee"


def test_a_possessive_council_acronym_before_cabinet_is_no_committee_name() -> None:
    found = mentions_of("To seek approval for Tarn Council’s (TC) Cabinet response to the consultation.")
    assert "Tarn Council’s (TC) Cabinet" not in found


def test_a_head_joined_to_another_field_of_a_post_is_no_committee() -> None:
    found = mentions_of("Contact: Ann Brisk; Senior Committee and Governance Officer  Tel: 020 7000 0000")
    assert not any(kind == "committee" for kind in found.values())
    found = mentions_of("The Audit Committee and the Planning Committee met.")
    assert found.get("Audit Committee") == "committee"
    found = mentions_of("The report went to the Audit Committee and Cabinet Member for Roads.")
    assert found.get("Audit Committee") == "committee"


def test_an_acronym_of_a_board_before_minutes_is_a_committee() -> None:
    found = mentions_of("20. Harbour Growth TPB Minutes (attached)")
    assert found.get("Harbour Growth TPB") == "committee"
    assert not any(kind == "committee" for kind in mentions_of("The TBC Minutes were read.").values())


def test_a_committee_and_members_posts_after_it_stay_a_committee() -> None:
    found = mentions_of("Decisions taken by the Council’s Cabinet and Lead Members are listed.")
    assert found.get("Cabinet") == "committee"
