"""The host authority of a paper, found without a manifest (issue 9, point 1).

Every council here is invented (none is in ``loaders/cues/authorities.toml``): the rule works
from the form of a name, an acronym's initials, the page's metadata and its web address.
"""

from __future__ import annotations

import pytest

from evidence_graph.loaders.context import (
    authority_aliases,
    council_names,
    find_host_authority,
    gather_context,
    html_metadata,
    is_generic_authority_name,
    url_label,
)
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document


def parsed(text: str, **metadata: str):
    return parse_document(Document("c/a.txt", "c/a", text, "0", metadata=dict(metadata)))


def host(text: str, **metadata: str) -> str | None:
    return find_host_authority([parsed(text, **metadata)])


@pytest.mark.parametrize("name", [
    "Fernleigh County Council", "Ashcombe Borough Council", "Oakhurst City Council", "Marlow Vale District Council",
    "Thornbury Metropolitan Borough Council", "Glenmorrow Council", "Argyll and Westmuir Council",
    "London Borough of Eastwick", "Royal Borough of Kingsmere and Wyke", "Cyngor Sir Penfawr",
    "Bryn Isaf County Borough Council", "City of Dunmere Council", "Stoke-on-Avon City Council",
])
def test_each_form_of_a_councils_name_is_its_host(name: str) -> None:
    text = (f"{name}\n\nMinutes of a meeting of the Cabinet held on 3 March 2025\n\n"
            "1. Budget\n\nThe Leader said that the Council had balanced its budget.\n")
    assert host(text) == name
    assert [n for *_, n in council_names(f"A letter to {name} was read.")] == [name]


@pytest.mark.parametrize(("text", "expected"), [
    ("NORTHWOLD DISTRICT COUNCIL\n\nMinutes of the Licensing Committee", "Northwold District Council"),
    ("Minutes of a meeting of Harlow Vale Borough Council held on 2 May 2025", "Harlow Vale Borough Council"),
    ("Meeting of Full Council. Present: the Mayor. Full Council agreed.", None),
    ("The County Council agreed. The Council noted it. Youth Council met.", None),
])
def test_capitals_leading_words_and_generic_names(text: str, expected: str | None) -> None:
    assert host(text) == expected


def test_an_acronym_whose_initials_fit_a_place_and_a_council_type_names_the_host() -> None:
    text = ("Agenda item\n\nInterview with Ann Lee, Head of Commissioning (BCC)\n\n"
            "(1) The County Council works across Brackenshire. BCC has 12 contracts in Brackenshire, "
            "and the County Council will review them.")
    assert host(text) == "Brackenshire County Council"
    context = gather_context([parsed(text)])
    assert context.authority is not None and context.authority.name == "Brackenshire County Council"
    assert "BCC" in context.authority.aliases and "the County Council" in context.authority.aliases
    # Without a council type in the text, the initials are only an acronym.
    assert host("BCC has 12 contracts in Brackenshire.") is None


def test_generic_names_are_never_hosts_and_resolve_to_the_host() -> None:
    for generic in ("the Council", "the County Council", "the Authority", "The County Council", "County Copuncil"):
        assert is_generic_authority_name(generic)
    assert set(authority_aliases("London Borough of Eastwick")) >= {"the Council", "the Authority"}
    assert set(authority_aliases("Cyngor Sir Penfawr")) >= {"y Cyngor", "the Council"}


def test_the_web_address_picks_the_host_and_names_one_the_text_does_not() -> None:
    two = ("Cabinet\n\nThe Cabinet noted the reply of Wexmoor District Council and of Fallowfield District "
           "Council on the joint plan.")
    assert host(two, source_url="https://democracy.fallowfield.gov.uk/ieListDocuments.aspx?MId=7") == \
        "Fallowfield District Council"
    bare = "Cabinet\n\nThe Leader of the District Council said that Fallowfield would bid for the fund."
    assert host(bare, source_url="https://democracy.fallowfield.gov.uk/ieListDocuments.aspx?MId=7") == \
        "Fallowfield District Council"
    assert host("The Council met. The Leader spoke.", source_url="https://fallowfieldbc.moderngov.co.uk/x") == \
        "Fallowfield Borough Council"
    # An acronym and the address: "DCC" on democracy.dunmore.gov.uk where "the County Council" is written.
    assert host("DCC agreed the plan. The County Council will review it.",
                source_url="https://democracy.dunmore.gov.uk/x") == "Dunmore County Council"
    assert url_label("https://www.example.com/page") is None


def test_html_metadata_names_the_host_of_a_page_whose_text_does_not() -> None:
    page = ("<html><head><title>Minutes - Planning Committee - Oakhurst City Council</title>"
            '<meta property="og:site_name" content="Oakhurst City Council">'
            '<link rel="canonical" href="https://democracy.oakhurst.gov.uk/mgAi.aspx?ID=1"></head>'
            "<body><p>The Council's planning policy was noted.</p></body></html>")
    meta = html_metadata(page)
    assert meta["source_url"] == "https://democracy.oakhurst.gov.uk/mgAi.aspx?ID=1"
    assert host("Planning Committee\n\nThe Council's planning policy was noted.", **meta) == "Oakhurst City Council"


def test_of_two_councils_named_the_host_is_the_one_whose_committee_meets() -> None:
    text = ("Ashcombe Borough Council – Cabinet\n\nMinutes of the meeting held on 9 April 2025\n\n"
            "1. Joint waste contract\n\nThe Cabinet considered a letter from Dunmore County Council. Dunmore County "
            "Council proposed an extension; Dunmore County Council would pay half and Dunmore County Council "
            "would tender. The Council agreed.\n\nContact: Democratic Services, Ashcombe Borough Council")
    assert host(text) == "Ashcombe Borough Council"
    # With no header, the most named council is the host.
    assert host("A letter from Dunmore County Council to Ashcombe Borough Council; Dunmore County Council "
                "wrote again.") == "Dunmore County Council"


def test_a_manifest_authority_wins() -> None:
    context = gather_context([parsed("Minutes of Ashcombe Borough Council")], {"authority": "Dunmore County Council"})
    assert context.authority is not None and context.authority.name == "Dunmore County Council"


def test_a_national_body_and_a_council_are_two_names_not_one() -> None:
    text = "Decision\n\nTo enter into legal agreements with Roadways England and Fernmoor County Council.\n"
    assert [n for *_, n in council_names(text)] == ["Fernmoor County Council"]
    assert [n for *_, n in council_names("Sport Wales and Bryncoed Council met.")] == ["Bryncoed Council"]
    # A place's own "and" stays: "Argyll and Westmuir Council" is one council.
    assert [n for *_, n in council_names("Argyll and Westmuir Council met.")] == ["Argyll and Westmuir Council"]


def test_county_of_a_place_gives_the_type_of_the_council_an_address_names() -> None:
    text = ("Cabinet\n\nContact: Ann Lee, Email: ann.lee@wexmoor.gov.uk\n\n"
            "A petition was received from Cllr Bo Tay of Dunhill District Council; some signatures "
            "were from outside the County of Wexmoor. The Council's Standards Committee noted it.\n")
    assert host(text) == "Wexmoor County Council"
    city = ("Cabinet\n\nContact: Ann Lee, Email: ann.lee@wexmoor.gov.uk\n\n"
            "The Lord Mayor of the City of Wexmoor welcomed Dunhill District Council to the Council.\n")
    assert host(city) == "Wexmoor City Council"


def test_a_lord_mayor_says_the_council_an_address_names_is_a_city_council() -> None:
    text = ("Council\n\nVenue: Town Hall, Wexmoor\n\nContact: Ann Lee, Email: ann.lee@wexmoor.gov.uk\n\n"
            "The Lord Mayor (Councillor Bo Tay) took the chair. The Council agreed.\n")
    assert host(text) == "Wexmoor City Council"
    assert host(text.replace("Lord Mayor", "Chair")) == "Wexmoor Council"


def test_an_address_and_a_place_with_no_council_spoken_of_name_no_host() -> None:
    text = ("Cabinet\n\nContact: Ann Lee, Email: committees@wexmoor.gov.uk\n\n"
            "The festival was held at Wexmoor in July. Cllr Bo Tay thanked the organisers.\n")
    assert host(text) is None
    assert host(text + "The Council agreed to support it.\n") == "Wexmoor Council"


def test_papers_naming_no_council_and_no_address_take_their_host_from_the_one_area_they_name() -> None:
    text = ("Council\n\nVenue: Civic Centre\n\n1. City of Wexmoor Award\n\nThe award went to Bo Tay.\n\n"
            "2. Sheriff\n\nCllr Ann Lee was appointed Sheriff of the City of Wexmoor and Vice-Chair of the Council.\n")
    assert host(text) == "Wexmoor City Council"
    # Named once, two areas, or no council spoken of: no host.
    assert host(text.replace("1. City of Wexmoor Award", "1. Award")) is None
    assert host(text.replace("1. City of Wexmoor Award", "1. County of Dunhill Award")) is None
    assert host(text.replace("of the Council", "of the meeting")) is None


def test_a_council_the_host_deals_with_is_no_vote_for_host() -> None:
    passing = ("Scrutiny Commission\n\nCouncillor Ann Lee reported that useful feedback had been received from "
               "Wexmoor County Council on its project. The Council would reply.\n")
    assert host(passing) is None
    context = gather_context([parsed(passing)])
    assert context.authority is not None and context.authority.name == "the Council"
    listed = "Decision\n\nTo enter into agreements with Roadways England and Dunmore County Council.\n"
    assert host(listed) is None
    members = ("Police and Crime Panel\n\nApologies were received from Councillors K. Ash (Fenmoor County "
               "Council) and L. Bell (Dunhill County Council).\n")
    assert host(members) is None
    mayor = "Cabinet\n\nCllr Bo Tay declared an interest as the Mayor of Ashby Town Council.\n"
    assert host(mayor) is None
    # Named plainly, the same council is the host.
    assert host(passing.replace("from Wexmoor", "by Wexmoor")) == "Wexmoor County Council"


def test_a_counties_short_form_in_the_address_is_spelled_out() -> None:
    text = "Delegated decisions\n\nThe council's decision making bodies took these decisions.\n"
    assert host(text, source_url="https://democracy.hants.gov.uk/mgDelegatedDecisions.aspx") == \
        "Hampshire County Council"
    scrutiny = "Scrutiny\n\nA project undertaken by the Council was considered.\n"
    assert host(scrutiny, source_url="https://decisionmaking.westberks.gov.uk/mgAi.aspx?ID=1") == \
        "West Berkshire Council"
    # A name the text writes that fits the spelled-out address keeps its own type.
    named = "Cabinet\n\nThe contract of South Oxfordshire District Council was noted. The Council agreed.\n"
    assert host(named, source_url="https://democratic.southoxon.gov.uk/x") == "South Oxfordshire District Council"


def test_a_parliaments_committee_has_the_parliament_as_its_host() -> None:
    transcript = ("UNCORRECTED TRANSCRIPT OF ORAL EVIDENCE\n\nHOUSE OF COMMONS\n\nMINUTES OF EVIDENCE TAKEN BEFORE "
                  "THE TRANSPORT COMMITTEE\n\nWitness: Ann Lee, Chief Executive, Wexmoor County Council\n\n"
                  "Q1 Chairman: Welcome. Wexmoor County Council has written to us.\n")
    assert host(transcript) == "House of Commons"
    members = ("Committee for Roads\n\nMinutes of proceedings 4 June 2025\n\nPresent:\nMs Ann Lee MLA (Chairperson)\n"
               "Mr Bo Tay MLA\nMs Cy Dunn MLA\n\n1. The Committee noted a letter from Dunmore Council.\n")
    assert host(members) == "Northern Ireland Assembly"
    assert host("Present: Ms Ann Lee MLA. The Committee agreed.") is None  # one member is no legislature
    report = "Roads Committee\n\nThe Regulations are laid before the Parliament.\n"
    assert host(report, source_url="https://www.parliament.scot/committees/roads") == "Scottish Parliament"
    context = gather_context([parsed(report)])
    assert context.authority is not None and context.authority.name == "the Parliament"


def test_combined_and_fire_authorities_are_hosts() -> None:
    assert host("Wexmoor Combined Authority - Friday, 4 June 2025\n\nThe Board agreed.") == \
        "Wexmoor Combined Authority"
    # "WMCA Board" where "the Wex Moors" is written: the acronym fits a combined authority.
    board = ("Decision Maker: WMCA Board\n\nMade at meeting: WMCA Board\n\nA presentation on trends across the "
             "Wex Moors was received. The WMCA noted it.\n")
    assert host(board) == "Wex Moors Combined Authority"
    fire = "Agenda and minutes\n\nThe minutes of the Fire Authority were approved. The Fire Authority noted it.\n"
    assert host(fire, source_url="https://authority.wexmoorfire.gov.uk/ieListDocuments.aspx") == \
        "Wexmoor Fire Authority"
    # A council's address that publishes a fire authority's papers names no fire authority.
    assert host(fire, source_url="https://wexmoor.moderngov.co.uk/ieListDocuments.aspx") is None
    context = gather_context([parsed(fire)])
    assert context.authority is not None and context.authority.name == "the Fire Authority"


def test_an_nhs_body_named_in_the_header_is_the_host_and_one_named_in_passing_is_not() -> None:
    board = ("Governing body meeting – 7 April 2022\n\nPage Contents\n\nFenmoor and Dunhill CCG Governing Body "
             "Meeting in Public\n\nPresent:\nDr Ann Lee, Director of Public Health – Fenmoor City Council\n")
    assert host(board) == "Fenmoor and Dunhill CCG"
    scrutiny = ("Ashby Borough Council\n\nHealth Scrutiny Committee\n\n" + "Filler text about the agenda. " * 12 +
                "Wexmoor Hospitals NHS Trust reported on waiting times; Wexmoor Hospitals NHS Trust will return.\n")
    assert host(scrutiny) == "Ashby Borough Council"


def test_html_metadata_names_a_parliament_or_an_nhs_body_as_host() -> None:
    page = ("<html><head><title>House of Commons - Roads Committee - Minutes of Evidence</title></head>"
            "<body><p>Q1 Chairman: Welcome.</p></body></html>")
    assert host("Roads Committee\n\nQ1 Chairman: Welcome to this session.", **html_metadata(page)) == "House of Commons"
    trust = '<html><head><meta property="og:site_name" content="Wexmoor Hospitals NHS Trust"></head></html>'
    assert host("Board Meetings\n\nThe Board meets in public every month.", **html_metadata(trust)) == \
        "Wexmoor Hospitals NHS Trust"


def test_the_address_the_papers_came_from_outweighs_a_council_named_in_passing() -> None:
    text = ("Scrutiny Commission\n\nMinutes of the meeting held on 4 June 2025\n\n1. Leisure review\n\n"
            "Councillor Ann Lee said that Dunmore County Council's scheme was a model. "
            "The Council would consider it.\n")
    assert host(text) == "Dunmore County Council"
    assert host(text, source_url="https://democracy.fenmoor.gov.uk/mgAi.aspx?ID=1") == "Fenmoor Council"
    # A council the header names keeps its place against the address.
    headed = "Dunmore County Council – Cabinet\n\n" + text
    assert host(headed, source_url="https://democracy.fenmoor.gov.uk/mgAi.aspx?ID=1") == "Dunmore County Council"


def test_a_host_only_an_address_names_and_the_text_never_refers_to_is_none() -> None:
    # docs/ANNOTATION.md, settled case "The host never referred to".
    text = ("Cabinet\n\nMinutes of the meeting held on 3 March 2025\n\nContact: ann.lee@glenmorrowcc.gov.uk\n\n"
            "1. Budget\n\nThe Cabinet agreed the budget.\n")
    assert gather_context([parsed(text)]).authority is None
    referred = text.replace("The Cabinet agreed", "The Cabinet agreed that the County Council set")
    context = gather_context([parsed(referred)])
    assert context.authority is not None and context.authority.name == "Glenmorrow County Council"
    # A manifest's authority stands whatever the text says.
    context = gather_context([parsed(text)], {"authority": "Glenmorrow County Council"})
    assert context.authority is not None and context.authority.name == "Glenmorrow County Council"


@pytest.mark.parametrize(("text", "name", "alias"), [
    ("Fenmoor National Park Authority\n\nMinutes of the Planning Committee held on 3 May 2025\n\n"
     "The Authority agreed the plan.", "Fenmoor National Park Authority", "the Authority"),
    ("Minutes of the Planning Committee held on 3 May 2025\n\nThe National Park Authority agreed the plan.",
     "the National Park Authority", "the Authority"),
    ("Fenmoor Fire and Rescue Authority\n\nMinutes of the meeting held on 3 May 2025\n\nThe Authority agreed.",
     "Fenmoor Fire and Rescue Authority", "FRA"),
    ("Police and Crime Commissioner for Fenmoor\n\nDecision Notice 12/2025\n\nThe Commissioner agreed the grant.",
     "Police and Crime Commissioner for Fenmoor", "the Commissioner"),
    ("Office of the Police and Crime Commissioner for Fenmoor\n\nDecision Notice 12/2025\n\nThe grant was agreed.",
     "Office of the Police and Crime Commissioner for Fenmoor", "OPCC"),
    ("Fenmoor Health Board\n\nMinutes of the Board held on 3 May 2025\n\nThe Health Board agreed.",
     "Fenmoor Health Board", "the Health Board"),
])
def test_hosts_that_are_no_council_are_named_from_their_title_lines(text: str, name: str, alias: str) -> None:
    context = gather_context([parsed(text)])
    assert context.authority is not None
    assert context.authority.name == name and alias in context.authority.aliases


def test_a_police_and_crime_panels_papers_have_their_council_not_the_commissioner_as_host() -> None:
    text = ("Fenmoor Police and Crime Panel\n\nMinutes of the meeting held on 3 May 2025\n\nThe Panel heard the "
            "Police and Crime Commissioner for Fenmoor. Wexcombe Council hosts the Panel. The Council agreed.")
    assert host(text) == "Wexcombe Council"


def test_a_host_the_address_names_whose_text_speaks_only_of_its_meeting_is_none() -> None:
    text = ("Agenda item\n\nContact: ann.lee@glenmorrow.gov.uk\n\nTo note that since the last meeting of the "
            "Council the committees met in the Council Chamber.\n")
    assert gather_context([parsed(text)]).authority is None
    spoken = text.replace("the committees met", "the Council's committees met")
    context = gather_context([parsed(spoken)])
    assert context.authority is not None and context.authority.name == "Glenmorrow Council"
