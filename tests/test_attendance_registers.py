"""People and their organisations in the registers of attendance that other bodies print
(issue 9, points 2 and 3), on
invented text in real layouts: a list run on with no commas ("Present: Ann Lee (Convener) Bo
Chan Kay Moss Also present: …"), names in a column beside their organisations, and a register
of a name, its organisation and its attendance on lines of their own. Plain names there are
people's when a given name in use leads them (the lexicon in ``loaders/cues/given_names.txt``).
"""

from __future__ import annotations

import pytest
from conftest import text_mentions

from evidence_graph.loaders.finders.people import attendance_runs
from evidence_graph.loaders.names import known_given_name

mentions = text_mentions


def people(text: str) -> set[str]:
    return {label for kind, label in mentions(text) if kind == "person"}


@pytest.mark.parametrize(("word", "known"), [
    ("Aileen", True), ("Rhodri", True), ("Siân", True), ("Niamh", True), ("Oluwaseun", True),
    ("Sarah-Anne", True),           # each part of a hyphenated name
    ("Playpark", False), ("Healthy", False), ("Strathclyde", False), ("Dispensations", False),
])
def test_a_given_name_in_use_is_known_without_accents_or_case(word: str, known: bool) -> None:
    assert known_given_name(word) is known


def test_a_list_run_on_without_commas_splits_at_the_given_names() -> None:
    text = ("HARBOUR COMMITTEE MINUTES 4th Meeting, 2026 Present: Nia Okafor (Committee Substitute) "
            "Tom Ashdown (Deputy Convener) Rhys Pennant Aileen Tarnfield Kay Moss (Convener) Ivy Marlow "
            "Also present: Bryn Wexley Apologies were received from Dr Ann Cole. The meeting opened at "
            "10.00 am.\n")
    assert people(text) >= {"Nia Okafor", "Tom Ashdown", "Rhys Pennant", "Aileen Tarnfield", "Kay Moss",
                            "Ivy Marlow", "Bryn Wexley"}
    assert not any("Apologies" in name or "Convener" in name for name in people(text))


def test_a_run_that_does_not_pair_up_into_names_gives_nobody() -> None:
    # "Mary Ann Lee Bo Chan": which words are whose? Nothing is guessed.
    assert [p.label for p in attendance_runs("Present: Mary Ann Lee Bo Chan\n")] == []
    # A word no given name leads ("Chief Executive") stops the list, and a label's own words end it.
    assert [p.label for p in attendance_runs("Officers: Chief Executive Ann Lee\n")] == []
    assert [p.label for p in attendance_runs("Attendees: Ann Lee Bo Chan Apologies: Kay Moss\n")] == [
        "Ann Lee", "Bo Chan", "Kay Moss"]


def test_names_in_a_column_beside_their_organisations_are_people() -> None:
    text = ("Tarnside Strategic Partnership\n\nVoluntary Sector\n\n"
            "Diane Okafor             Community Impact Tarnside\n\n"
            "Felix Ashdown         Tarnside and Wexcombe College\n\n"
            "Rodney Pennant               Federation of Small Widgets\n\n"
            "Linda Marlow            Federation of Small Widgets\n")
    found = mentions(text)
    assert {label for kind, label in found if kind == "person"} == {
        "Diane Okafor", "Felix Ashdown", "Rodney Pennant", "Linda Marlow"}
    # The second column is each member's organisation; the gap parts it from the name.
    organisations = {label for kind, label in found if kind == "organisation"}
    assert {"Community Impact Tarnside", "Tarnside and Wexcombe College", "Federation of Small Widgets"} <= organisations
    assert not any("Pennant" in label or "Sector" in label for label in organisations)


def test_a_register_of_name_organisation_and_attendance_gives_its_members() -> None:
    text = ("Health and Wellbeing Board\n\nAttendance\n\n"
            "Fran Okafor\nHealthwatch Tarnside\nPresent, as expected\n"
            "Toby Ashdown\nTarnside Care Partnership\nAbsent\n"
            "Councillor Nia Marlow\nCabinet Member for Adult Social Care\nPresent, as expected\n"
            "Anthony Pennant\nNHS Tarnside ICB\nApologies\n")
    found = mentions(text)
    members = {label for kind, label in found if kind == "person"}
    assert {"Fran Okafor", "Toby Ashdown", "Anthony Pennant"} <= members
    assert not members & {"Healthwatch Tarnside", "Tarnside Care Partnership", "NHS Tarnside ICB"}
    # The line between a member's name and their attendance is their organisation; a post is not.
    organisations = {label for kind, label in found if kind == "organisation"}
    assert {"Healthwatch Tarnside", "Tarnside Care Partnership"} <= organisations
    assert not any("Cabinet Member" in label for label in organisations)


def test_a_register_entry_with_a_post_after_a_comma_is_no_organisation() -> None:
    text = ("Board members\n\n"
            "Harsha Okafor        Tarnside Advisory Board, Tarnside and Wexcombe.\n\n"
            "Lorna Ashdown        Tarnside, Police and Crime Commissioner.\n\n"
            "Ravi Pennant         Tarnside Carers Centre\n\n"
            "Ivy Marlow           Tarnside Carers Centre\n")
    organisations = {label for kind, label in mentions(text) if kind in ("organisation", "committee")}
    assert "Tarnside Advisory Board" in organisations
    assert not any("Commissioner" in label for label in organisations)


def test_names_run_together_with_their_bodies_are_split_into_members_and_bodies() -> None:
    # A PDF's table of members and their bodies, flattened into one line.
    text = ("Tarnside Local Strategic Partnership\n\nMinutes 17 July 2026\n\n"
            "Present: Statutory Sector Cllr Nick Okafor TCC Dan Ashdown TFRS Clive Pennant TCHS Simon Marlow "
            "Tarnside Borough Council Mike Wexley Amicus Horizon Anita Tarnfield Tarnside Police Carole Dunmore "
            "Education Futures Trust James Holloway Tarnside Community Network\n\n1. Welcome\n\nThe Chair "
            "welcomed everyone.\n")
    found = mentions(text)
    members = {label for kind, label in found if kind == "person"}
    assert {"Dan Ashdown", "Clive Pennant", "Simon Marlow", "Mike Wexley", "Anita Tarnfield", "Carole Dunmore",
            "James Holloway"} <= members
    assert not any("Horizon" in name or "Sector" in name for name in members)
    bodies = {label for kind, label in found if kind == "organisation"}
    assert {"Amicus Horizon", "Education Futures Trust", "Tarnside Community Network"} <= bodies
    assert not any("Simon" in body or "Anita" in body for body in bodies)


def test_a_witness_entry_ends_with_its_body_after_the_unit_and_the_area() -> None:
    text = ("Minutes\n\n3. Community transport: The Committee took evidence from— Tom Okafor, Senior Service "
            "Manager, Health and Social Care, East Tarnshire, Tarnside Red Cross; Ann Ashdown, Chief Executive, "
            "Tarnside Voluntary Action, Alan Pennant, Planning Manager, Tarnside Partnership for Transport and "
            "Ian Marlow, Chair, Tarnside Coalfield Federation.\n")
    bodies = {label for kind, label in mentions(text) if kind == "organisation"}
    assert {"Tarnside Red Cross", "Tarnside Voluntary Action", "Tarnside Partnership for Transport"} <= bodies
    assert "Health and Social Care" not in bodies
    assert not any("Ian Marlow" in body for body in bodies)


def test_a_titled_member_before_their_body_is_no_part_of_its_name() -> None:
    text = ("Tarnside Parish Forum\n\nPublic Document Pack Tarnside Local Strategic Partnership Agenda\n\n"
            "PC Ann Okafor Police Rural Task Force\n\nPC Okafor gave a presentation on rural crime.\n")
    found = mentions(text)
    assert ("person", "PC Ann Okafor") in found
    assert not any(kind != "person" and ("Okafor" in label or label.startswith("Pack ")) for kind, label in found)


def test_a_flattened_table_of_attendees_with_labels_but_no_colons_gives_its_people() -> None:
    text = ("TARNSIDE COMBINED AUTHORITY CABINET Friday 27th November 2026 at 10am\n\n"
            "ATTENDEES Members Mayor Ben Okafor (Chair) Councillor Ann Ashdown Leader, Wexcombe Borough Council "
            "Paul Pennant Chair, Tarnside Local Enterprise Partnership (LEP) Associate Members Zoe Marlow Member "
            "of Tarnside LEP Brenda Wexley Member of Tarnside LEP Apologies for Absence Graham Tarnfield Member "
            "of Tarnside LEP\n\n1. Apologies for absence were received from the Mayor of Wexcombe.\n")
    assert {"Paul Pennant", "Zoe Marlow", "Brenda Wexley", "Graham Tarnfield"} <= people(text)
    assert not any("Chair" in name or "Member" in name or "Mayor" in name for name in people(text) - {"Mayor Ben Okafor"})


def test_a_members_list_of_names_and_wards_joined_by_hyphens_gives_the_names() -> None:
    text = ("Harbour Council Minutes\n\nAttendance Details\n\nMembers:\nElspeth Morrow (Leader)-Nith\n"
            "Garrick Bellamy-North West Harbour\nHester Blakey-Abbey\nDorian Brodick-Annandale South\n"
            "Fenna Campion-Dee and Glenkens\n")
    found = people(text)
    assert {"Elspeth Morrow", "Garrick Bellamy", "Hester Blakey", "Dorian Brodick", "Fenna Campion"} <= found
    assert not any("-" in name or "\n" in name for name in found), found


def test_a_double_barrelled_surname_alone_on_its_line_stays_whole() -> None:
    assert "Nessa Smith-Jones" in people("Minutes\n\nPresent:\nNessa Smith-Jones\nBryn Okafor\n")


def test_initialled_members_run_on_after_a_plural_honorific_are_each_a_person() -> None:
    text = ("Minutes\n\nPRESENT: The Mayor, Councillor C C McCusker Aldermen A R A Carson Mrs G McCullough "
            "Councillors J G Buckley N McGeown M T R Baxter Ms G C McKenna D J Causby\n")
    found = {" ".join(name.split()[1:]) if name.split()[0] in ("Councillor", "Alderman", "Ms", "Mrs") else name
             for name in people(text)}
    assert {"C C McCusker", "A R A Carson", "G McCullough", "J G Buckley", "N McGeown", "M T R Baxter", "G C McKenna",
            "D J Causby"} <= found, found
    assert not any("Aldermen" in name or "McGeown" in name.split()[:-1] for name in found), found
