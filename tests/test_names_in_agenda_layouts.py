"""Names in agenda layouts that real pages print (issue 9, points 2 and 3), on invented text: a
flattened agenda table whose item numbers are glued to their titles ("6Financial Strategy
2024/25"), an attachment's format and size glued into the text ("Audit Committee PDF 69 KB The
Chair …"), and two plans joined by "&" in one item's title.
"""

from __future__ import annotations

from conftest import text_mentions

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document

SERVICE_KINDS = ("service", "programme", "framework")


def names(text: str, kinds: tuple[str, ...]) -> set[str]:
    return {label for _kind, label in text_mentions(text, kinds)}


def services(text: str) -> set[str]:
    return names(text, SERVICE_KINDS)


def test_a_title_glued_to_its_item_number_is_read() -> None:
    text = ("Harbour Council Agenda - 27 September 2026\n\nNumber Item\n1Sederunt\n2Declarations of Interest\n"
            "6Financial Strategy 2026/27 to 2030/31\n\nReport by the Director of Transformation.\n")
    assert "Financial Strategy" in services(text)


def test_two_plans_joined_by_an_ampersand_are_two() -> None:
    text = "Agenda\n\n7. Workforce Strategy & Harbour Workforce Plan\n\nReport by the Chief Executive.\n"
    assert {"Workforce Strategy", "Harbour Workforce Plan"} <= services(text)


def test_an_ampersand_inside_one_name_does_not_split_it() -> None:
    text = "Agenda\n\n8. Health & Wellbeing Strategy\n\nReport by the Director of Public Health.\n"
    found = services(text)
    assert "Health & Wellbeing Strategy" in found and "Wellbeing Strategy" not in found


def test_an_attachment_size_after_a_title_is_furniture_not_part_of_a_name() -> None:
    text = ("Minutes of Committees |\nCommunity Safety & Corporate Planning Committee PDF 69 KB The Chair of the "
            "Committee, Councillor Redvers, to MOVE the Minutes.\nPeople Strategy (PDF 1.2 MB)\n")
    parsed = parse_document(Document("agenda.txt", "agenda", text, "0"))
    found = find_mentions(parsed, CorpusContext())
    committee = next(m for m in found if m.label == "Community Safety & Corporate Planning Committee")
    assert committee.kind == "committee" and text[committee.start:committee.end] == committee.label
    assert "People Strategy" in services(text)
    assert not any("KB" in m.label or "PDF" in m.label for m in found)


def test_a_quoted_name_before_its_cue_noun_is_the_programme_without_quotes() -> None:
    text = "Minutes\n\nThe Committee had considered a report on progress with the “Safer Harbours” Programme.\n"
    assert "Safer Harbours Programme" in services(text)


def test_one_body_writing_to_another_is_two_names_not_one() -> None:
    text = ("Minutes\n\nThe discussion will result in a formal written response from the Harbour Strategic Board to "
            "Tarnside Fire and Rescue Service.\n")
    found = names(text, ("organisation", "committee", "unit"))
    assert "Tarnside Fire and Rescue Service" in found
    assert not any(" to " in name for name in found), found


def test_a_statutory_instrument_title_with_brackets_is_one_piece_of_legislation() -> None:
    text = ("Minutes\n\nUnder the provisions of the Local Authorities and Police and Crime Panels (Coronavirus) "
            "(Flexibility of Local Authority and Police and Crime Panel Meetings) (England and Wales) Regulations "
            "2020 this meeting took place via video link. Section 43 of the Harbour Act 1847 applies.\n")
    found = names(text, ("legislation", "organisation", "committee", "person"))
    assert found == {"Local Authorities and Police and Crime Panels (Coronavirus) (Flexibility of Local Authority "
                     "and Police and Crime Panel Meetings) (England and Wales) Regulations 2020", "Harbour Act 1847"}


def test_a_committee_elected_for_a_year_is_not_named_for_it() -> None:
    text = ("Minutes\n\nThat Councillor Sean Quarrie be elected Chairman of the Harbour Police and Crime Panel for "
            "the Municipal Year 2026-27.\n")
    assert names(text, ("committee",)) == {"Harbour Police and Crime Panel"}


def test_a_committees_inquiries_are_named_by_their_titles() -> None:
    text = ("Oral evidence: Harbour Science and Capability in Coastal Flooding, HC 136\n\nFormal Minutes\n\n"
            "Resolved, That the Committee inquire into value for money in harbour dredging.\n\n"
            "Q1 Chair: This is our last evidence session in our inquiry into British harbour policy and the Tarn "
            "Estuary. Welcome.\n\nOral evidence: Harbour Authority’s Annual Report and Accounts 2025-26, HC 753\n")
    found = services(text)
    assert {"Harbour Science and Capability in Coastal Flooding", "value for money in harbour dredging",
            "British harbour policy and the Tarn Estuary"} <= found
    assert not any("Annual Report" in name for name in found)


def test_a_bodys_word_that_a_longer_name_joins_is_no_body() -> None:
    text = ("Report\n\nThe report noted links to the PCC Annual Report and Police and Crime Plan. The Tarnside "
            "Masterplan was approved. Tarnside Borough Council and Harbour Police agreed.\n")
    found = names(text, ("organisation", "programme", "service", "committee"))
    assert {"Police and Crime Plan", "Tarnside Masterplan", "Tarnside Borough Council"} <= found
    assert not any(name.endswith("and Police") for name in found), found
