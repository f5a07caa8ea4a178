"""Layouts seen in held-out set 14's papers once it joined the development set, each proved on an
invented paper or a registered council's name: a borough's possessive after its prefixed name,
a successor council named in its shadow year, a council known by its web address, a county's
short form in a body's name, council types with no place, a councillor's name run into the
council's, an area's executive, "&" in a registered council's name and a councillor's post
that is no misspelling of the council."""

from __future__ import annotations

from rdflib import Literal
from rdflib.namespace import RDFS, SKOS

from evidence_graph.loaders.context import (
    CorpusContext,
    council_names,
    gather_context,
    host_authority,
    is_generic_authority_name,
    register_name,
    register_website,
)
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import Mention, find_mentions
from evidence_graph.loaders.structure import parse_document


def mentions_in(text: str, context: CorpusContext | None = None) -> list[Mention]:
    body = text if text.startswith("Minutes") else "Minutes\n\n" + text + "\n"
    return find_mentions(parse_document(Document("t.txt", "t", body, "0")), context or CorpusContext())


def context_of(text: str) -> CorpusContext:
    return gather_context([parse_document(Document("m.txt", "m", text, "0"))])


def labelled(tmp_path, name: str, text: str) -> dict[str, set[str]]:
    """Each label of the graph exported from one paper, with the entities it labels."""
    from evidence_graph.cli import export_documents

    paper = tmp_path / name
    paper.write_text(text, encoding="utf-8")
    quads, problems, _ = export_documents([paper])
    assert problems == []
    found: dict[str, set[str]] = {}
    for s, p, o, _g in quads:
        if p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel) and isinstance(o, Literal):
            found.setdefault(str(o), set()).add(str(s))
    return found


def test_a_prefixed_borough_name_ends_at_its_possessive() -> None:
    text = "This meeting can be viewed on the Royal Borough of Wexcombe's YouTube Channel. The Council met."
    assert [n for *_, n in council_names(text)] == ["Royal Borough of Wexcombe"]
    # A place with an apostrophe inside it is still whole.
    assert [n for *_, n in council_names("Minutes of King's Lynn Borough Council.")] == ["King's Lynn Borough Council"]


def test_a_successor_council_named_in_its_shadow_year_is_not_the_host(tmp_path) -> None:
    # North Yorkshire Council began on 1 April 2023 (the register of local authorities); in
    # February 2023 the county council's papers name it as the body to come.
    assert register_name("North Yorkshire Council", "2023-02-22") == "North Yorkshire Council"
    assert register_name("Somerset Council", "2021-06-01") == "Somerset County Council"
    host = host_authority("North Yorkshire Council", "2023-02-22")
    assert host.name == "North Yorkshire County Council"
    assert "North Yorkshire Council" not in host.aliases
    found = labelled(tmp_path, "2023-02-22-minutes.txt",
                     "Full Council - Wednesday, 22 February 2023 10.30 am\n\nMinutes\n\n"
                     "75. It was moved that County Councillor Ann Lee be elected Chairman of the County Council "
                     "to serve until the Annual General Meeting of the North Yorkshire Council in 2023.\n")
    county = found.get("North Yorkshire County Council", set())
    successor = found.get("North Yorkshire Council", set())
    assert county and successor and not county & successor


def test_a_council_is_known_by_its_web_address_however_abbreviated() -> None:
    assert register_website("scambs") == "South Cambridgeshire District Council"
    assert register_website("hants") == "Hampshire County Council"
    assert register_website("fenmoor") is None
    text = ("Council - Thursday, 24 September 2015 2.00 p.m.\n\nContact: Ann Lee Email: "
            "democratic.services@scambs.gov.uk\n\nMinutes:\n\nThe Chairman of the Council made announcements.\n")
    assert context_of(text).authority.name == "South Cambridgeshire District Council"


def test_a_council_address_is_no_name_for_the_authority_it_serves() -> None:
    # A fire authority's papers served by a council's democratic services.
    text = ("Fire and Rescue Authority - Monday 21 November 2022 10.00 am\n\nContact: Ann Lee Email: "
            "annlee@barnsley.gov.uk\n\nMinutes:\n\nA letter was sent on behalf of the Authority. "
            "The Authority agreed.\n")
    host = context_of(text).authority
    assert host is None or "Barnsley" not in host.name


def test_a_county_short_form_names_the_same_body(tmp_path) -> None:
    found = labelled(tmp_path, "panel.txt",
                     "Minutes\n\nPresent: Cllr Ann Lee, Tarnshire Police Authority\n\n"
                     "Apologies: Cllr Bo Tay, Herts Police Authority; Cllr Cy Ode, Hertfordshire Police Authority\n")
    assert found["Herts Police Authority"] == found["Hertfordshire Police Authority"]


def test_council_types_with_no_place_are_no_name() -> None:
    assert is_generic_authority_name("City and District Council")
    assert not is_generic_authority_name("Tarn City and District Council")
    found = {m.label for m in mentions_in("Present: Cllr Mrs A Brewster, City and District Council "
                                          "Cllr M Bright, Fenmoor Borough Council") if m.kind == "organisation"}
    assert "City and District Council" not in found
    assert "Fenmoor Borough Council" in found


def test_a_councillor_run_into_the_council_is_a_person_then_the_council() -> None:
    found = mentions_in("Apologies: Cllr Ms S Taylor, Borough Council Cllr R Henry Wexcombe Borough Council "
                        "Mayor Dot Hill, Mayor of Tarn")
    people = {m.label for m in found if m.kind == "person"}
    bodies = {m.label for m in found if m.kind == "organisation"}
    assert "Cllr R Henry" in people
    assert "Wexcombe Borough Council" in bodies
    assert not any("Henry" in name for name in bodies)


def test_a_district_or_area_executive_is_a_committee() -> None:
    found = mentions_in("After attending Tarnside West District Executive on 25 July as an observer, and the "
                        "Fenmoor Area Executive in June, she asked a question.")
    committees = {m.label for m in found if m.kind == "committee"}
    assert {"Tarnside West District Executive", "Fenmoor Area Executive"} <= committees


def test_a_registered_council_name_written_with_an_ampersand_is_the_host() -> None:
    text = ("Newry, Mourne & Down District Council\nNEWRY, MOURNE & DOWN DISTRICT COUNCIL Minutes of Special "
            "Council Meeting held on 22 October 2018 at 6pm. In the Chair: Councillor M Murnin\n")
    assert context_of(text).authority.name == "Newry, Mourne and Down District Council"


def test_a_councillor_of_the_county_is_no_misspelling_of_the_county_council() -> None:
    host = host_authority("Tarnshire County Council")
    found = mentions_in("That County Councillor Ann Lee is elected Chairman of the County Council.",
                        CorpusContext(authority=host))
    references = [m for m in found if m.kind == "organisation" and m.label == host.name]
    # "the County Council" refers to the host; "County Councillor" is her post.
    assert len(references) == 1


def test_a_sentence_opening_conjunction_is_no_part_of_a_committee_name() -> None:
    found = {m.label for m in mentions_in("(ii) While the Panel supported efforts to raise awareness, it "
                                          "was agreed to write to the Home Office.") if m.kind == "committee"}
    assert not any(name.startswith("While") for name in found)


def test_a_law_officer_is_a_post_and_mr_attorney_no_person() -> None:
    found = mentions_in("Witnesses: Mr Dominic Grieve QC MP, Attorney-General, gave evidence.\n\n"
                        "Q1 Chair: Mr Attorney, good morning and welcome.")
    assert "Attorney-General" in {m.label for m in found if m.kind == "post"}
    assert "Attorney-General" not in {m.label for m in found if m.kind == "organisation"}
    assert not any("Attorney" in m.label for m in found if m.kind == "person")


def test_a_health_board_printed_in_capitals_is_the_host_and_its_board_meeting_the_committee() -> None:
    context = context_of("APPROVED\n\nMinute of Meeting of TARNSIDE NHS BOARD held in Open Session at 11.00 am "
                         "on 1 February 2018\n\nPresent Professor Ann Lee Chairman Mr Bo Tay Chief Executive\n")
    assert context.authority.name == "Tarnside NHS Board"
    assert "NHS Tarnside" in context.authority.aliases
    # Capitalised words before a name in capitals are no part of it.
    host = context_of("<<\n\nAssynt House Inverness FENMOOR NHS BOARD Tel: 01463 717123\n\nPresent Dr Ann Lee\n")
    assert host.authority.name == "Fenmoor NHS Board"
    board = context_of("<<\n\nAssynt House, Inverness IV2 3BW Tel: 01463 717123 FENMOOR NHS BOARD Fax: 01463 "
                       "235189 DRAFT MINUTE of BOARD MEETING Board Room, 28 March 2017\n\nPresent Dr Ann Lee, "
                       "Chair Mr Bo Tay\n")
    assert board.authority.name == "Fenmoor NHS Board"
    assert board.committee == "Board"


def test_a_person_in_a_flattened_invitation_column_is_no_part_of_a_project() -> None:
    found = mentions_in("By Mrs Ann Lee Project Director (Item 7.1) invitation Professor Bo Tay Clinical Lead, "
                        "ANCHOR Project (Item 7.1)")
    programmes = {m.label for m in found if m.kind in ("programme", "service")}
    assert "ANCHOR Project" in programmes
    assert not any("Lee" in name for name in programmes)


def test_a_political_party_named_as_a_body_is_an_organisation() -> None:
    found = mentions_in("Ann Lee has been appointed as the new member of the committee from the Labour Party.")
    assert "Labour Party" in {m.label for m in found if m.kind == "organisation"}
    # A working party stays a committee.
    found = mentions_in("The Tarnside Housing Working Party met.")
    assert "Tarnside Housing Working Party" in {m.label for m in found if m.kind == "committee"}


def test_a_meeting_of_the_host_council_named_in_full_is_the_council_meeting() -> None:
    host = host_authority("Tarnside and Fenmoor Borough Council")
    found = mentions_in("You are hereby invited to attend a meeting of the Tarnside and Fenmoor Borough Council "
                        "which will be held in the Council Chamber.", CorpusContext(authority=host))
    assert "Council" in {m.label for m in found if m.kind == "committee"}
    assert host.name in {m.label for m in found if m.kind == "organisation"}


def test_a_charter_whose_name_starts_with_a_post_word_is_a_charter() -> None:
    found = mentions_in("7.3.1. Matters Arising – Elected Member Development Charter – Official Declaration")
    assert "Elected Member Development Charter" in {m.label for m in found if m.kind in ("programme", "service")}
    assert "Elected Member Development Charter" not in {m.label for m in found if m.kind == "post"}


def test_a_letter_signatory_is_a_person_in_run_on_text() -> None:
    found = mentions_in("Please note the photograph will be taken. Yours faithfully Ann Tarrant Chief Executive "
                        "Tarnside Borough Council A G E N D A 1. Prayer 2. Apologies")
    assert "Ann Tarrant" in {m.label for m in found if m.kind == "person"}


def test_a_one_word_body_before_its_noun_is_the_body() -> None:
    found = mentions_in("RESOLVED that the Ofsted inspection of Safeguarding be noted.")
    assert "Ofsted" in {m.label for m in found if m.kind == "organisation"}


def test_a_body_whose_possessive_opens_a_name_is_named_beside_it() -> None:
    found = mentions_in("14. The Local Government Ombudsman's Annual Review Letter 2015 (Pages 93 - 100)")
    assert "Local Government Ombudsman" in {m.label for m in found if m.kind == "organisation"}


def test_a_trust_whose_board_is_named_is_a_body_beside_its_board() -> None:
    found = mentions_in("Councillor Bell declared an interest, by virtue of being a Board Member of the "
                        "Tarnside Manor Trust Board. He left.")
    assert "Tarnside Manor Trust" in {m.label for m in found if m.kind == "organisation"}
    assert "Tarnside Manor Trust Board" in {m.label for m in found if m.kind == "committee"}
    # A partnership board is the board itself, no board of a partnership.
    found = mentions_in("Sarah Morgan was appointed to the Strategic Partnership Board of Tarnside Education.")
    assert "Strategic Partnership" not in {m.label for m in found if m.kind == "organisation"}


def test_an_acronym_of_a_body_the_paper_names_is_that_body(tmp_path) -> None:
    found = labelled(tmp_path, "board.txt",
                     "Minutes\n\nMinutes of the East Tarn Combined County Authority Board, 10 February 2025.\n\n"
                     "The answer provided had been published on behalf of ETCCA by Ann Lee.\n")
    assert found["ETCCA"] == found["East Tarn Combined County Authority"]


def test_the_government_as_a_body_without_its_article() -> None:
    for text in ("The Mayor reflected upon the budget presented by government on 15 March.",
                 "It is the responsibility of Government to ensure that the police serve everyone.",
                 "Work will be undertaken with government and local partners."):
        assert "Government" in {m.label for m in mentions_in(text) if m.kind == "organisation"}, text
    for text in ("The role of government in planning was debated.", "Local government budgets are tight.",
                 "The Government Equalities Office wrote."):
        assert "Government" not in {m.label for m in mentions_in(text) if m.kind == "organisation"}, text


def test_a_body_run_on_after_a_member_is_found_wherever_the_line_falls() -> None:
    # The same attendance run, moved along the text: a person's name that straddles the
    # finders' 64-character index cells is still cut off the body after it.
    for pad in range(0, 70, 9):
        text = ("x" * pad + "\n\nAttendees: Marie Casey Tarnside Community Network Carole Dixon Education Futures "
                "Trust James Leathers Tarnside Community Network Sam Ode Tarnside Community Network\n")
        bodies = {m.label for m in mentions_in(text) if m.kind == "organisation"}
        assert "Education Futures Trust" in bodies, pad
        assert not any("Dixon" in name for name in bodies), pad


def test_a_council_named_once_in_an_authoritys_papers_is_no_host() -> None:
    text = ("Venue: via Webex videoconference\nContact: Ann Lee\n\nMinutes: Prior to the meeting, the Authority "
            "observed one minute's silence for Councillor Bo Tay, who had died. Councillor Tay was a Wexcombe "
            "Council appointee who had served on the Authority since May 2019.\n\nRESOLVED that the Authority "
            "approve the minutes.\n")
    context = context_of(text)
    assert context.authority is None or "Wexcombe" not in context.authority.name
    # The council is still a body the paper names.
    assert "Wexcombe Council" in {m.label for m in mentions_in(text) if m.kind == "organisation"}


def test_a_council_the_host_assisted_is_no_host() -> None:
    text = ("Cabinet\n\nMinutes:\n\nThe Chair and Leader of the Council introduced the urgent report and thanked all "
            "staff who had assisted the Royal Borough of Wexcombe & Fen (RBWF) with their work. The report "
            "gave reassurance that the Council was ready.\n")
    host = context_of(text).authority
    assert host is None or "Wexcombe" not in host.name


def test_a_name_cut_off_where_a_copy_stops_mid_word_is_no_name() -> None:
    stopped = "Minutes\n\nLower Allithwaite Parish Council consists of two wards - Allithwaite and Cartmel with Upper H"
    found = find_mentions(parse_document(Document("t.txt", "t", stopped, "0")), CorpusContext())
    assert not any(m.label == "Upper H" for m in found)
    assert "Lower Allithwaite Parish Council" in {m.label for m in found if m.kind == "organisation"}
    # A whole name at the end of a text that ends properly stays.
    whole = "Minutes\n\nThe report was presented by Tarnside Housing Trust\n"
    found = find_mentions(parse_document(Document("t.txt", "t", whole, "0")), CorpusContext())
    assert "Tarnside Housing Trust" in {m.label for m in found if m.kind == "organisation"}


def test_a_full_council_that_never_names_itself_is_the_council_of_its_place() -> None:
    text = ("Agenda and minutes\n\nCouncil - Tuesday, 20th July, 2021 5.00 pm\n\nVenue: Civic Centre\n\n"
            "Mayor's Announcements\n\nThe Mayor was planning a visit to promote the work of staff in Newport.\n")
    assert context_of(text).authority.name == "Newport City Council"
    # Not from a word of a name, nor for a meeting of some other body.
    assert context_of(text.replace("staff in Newport", "Councillor Hart")).authority is None or \
        context_of(text.replace("staff in Newport", "Councillor Hart")).authority.name != "Hart District Council"
    cabinet = text.replace("Council - Tuesday", "Cabinet - Tuesday")
    host = context_of(cabinet).authority
    assert host is None or host.name != "Newport City Council"


def test_a_paper_headed_by_its_council_type_alone_is_the_council_of_its_place() -> None:
    text = ("<<\n\nDistrict Council Council Tuesday, 23 July 2019 Community Governance Review\n\n1.1 Council "
            "considers the parish governance arrangements in South Lakeland arising from the responses received "
            "during the second consultation phase of the review, having regard to its terms of reference as "
            "agreed on 24 July 2018.\n\n2.1 It is recommended that the number of councillors on Arnside Parish "
            "Council is reduced from eleven to eight.\n")
    assert context_of(text).authority.name == "South Lakeland District Council"
    # A place of a council of another type is no host for a district council's paper.
    other = text.replace("in South Lakeland", "in Cumbria")
    host = context_of(other).authority
    assert host is None or host.name != "Cumbria County Council"


def test_a_council_area_or_the_uk_after_a_place_cue_is_a_place() -> None:
    found = mentions_in("Businesses across the UK were affected, and visitor numbers in Wigan and Ceredigion fell.")
    places = {m.label for m in found if m.kind == "place"}
    assert {"United Kingdom", "Wigan", "Ceredigion"} <= places
    # A council area's name stays out of the words no person's name holds.
    assert "Cllr Ann Hart" in {m.label for m in mentions_in("Present: Cllr Ann Hart (Chair)") if m.kind == "person"}
    assert "Wigan" not in {m.label for m in mentions_in("Wigan Council agreed the plan.") if m.kind == "place"}


def test_an_address_names_its_town_county_and_building_as_places() -> None:
    def places(text: str) -> set[str]:
        return {m.label for m in mentions_in(text) if m.kind == "place"}

    assert {"County Hall", "Tarnbury"} <= places("Venue: Council Chamber, County Hall, Tarnbury, TN7 8AD")
    assert "Tarnbury" in places("Meeting Room G02C, 160 Tooley Street, Tarnbury SE1 2QH Contact: Ann Lee")
    assert {"Wexford Mill", "Fenmoor"} <= places("Held at Wexford Mill, Station Road, Fenmoor, FN1 1AA.")
    found = places("Ann Leeson, 12 High Street, Tarnbury TN1 1AA")
    # The street and the person before the address are no places.
    assert "Tarnbury" in found and not {"Ann Leeson", "High Street", "12 High Street"} & found
    assert not places("Council Chamber, County , BT24 8UB") & {"County", "Council Chamber"}
