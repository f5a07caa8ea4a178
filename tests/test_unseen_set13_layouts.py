"""Layouts seen in held-out set 13's papers once it joined the development set, each proved on an
invented paper: a registered council named by its councillor ("City of York Councillor Ann
Lee"), the annual council meeting's minutes, a unit whose name runs on past "Services", a post
word glued before a committee's name, a word printed in capitals before a post, and a member's
post-nominal letters in an attendance run."""

from __future__ import annotations

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import Mention, find_mentions
from evidence_graph.loaders.structure import parse_document


def mentions_in(text: str) -> list[Mention]:
    body = text if text.startswith("Minutes") else "Minutes\n\n" + text + "\n"
    return find_mentions(parse_document(Document("t.txt", "t", body, "0")), CorpusContext())


def labels(text: str, *kinds: str) -> set[str]:
    return {m.label for m in mentions_in(text) if m.kind in kinds}


def test_a_registered_council_without_a_type_word_is_named_by_its_councillor() -> None:
    found = mentions_in("It was agreed that City of York Councillor Ann Lee and North Yorkshire Councillor "
                        "Bo Tay would chair the meetings in turn.")
    bodies = {m.label for m in found if m.kind == "organisation"}
    assert {"City of York Council", "North Yorkshire Council"} <= bodies
    # The person named after the shared word "Councillor" stands beside the council.
    assert {"Councillor Ann Lee", "Councillor Bo Tay"} <= {m.label for m in found if m.kind == "person"}


def test_a_party_or_ward_councillor_names_no_council() -> None:
    found = labels("A Labour Councillor and the Ward Councillor spoke, as did an Independent Councillor.",
                   "organisation")
    assert not any(name.endswith("Council") for name in found)


def test_a_typed_council_before_councillor_is_still_found() -> None:
    assert "Wendlow Borough Council" in labels("She is a Wendlow Borough Councillor.", "organisation")


def test_the_annual_council_minutes_are_the_council_meeting_not_a_body() -> None:
    found = mentions_in("4. Confirmation of Annual Council minutes - 14/05/19\n\nThe minutes were approved.")
    assert not any(m.kind == "organisation" and "Annual Council" in m.label for m in found)
    assert any(m.kind == "committee" and m.label == "Council" for m in found)


def test_a_unit_whose_name_runs_on_past_services_is_the_unit() -> None:
    found = mentions_in("Officers attending\n\nLyle Barrow, Head of Public Services Support Unit\n\n"
                        "Gina Hart, Head of Adult Services")
    assert "Public Services Support Unit" in {m.label for m in found if m.kind == "unit"}
    posts = {m.label for m in found if m.kind == "post"}
    assert "Head of Public Services" not in posts
    assert "Head of Adult Services" in posts


def test_a_post_word_glued_before_a_committee_name_is_no_part_of_it() -> None:
    found = labels("Other people attending\n\nMrs Ada Pike, Chair Ethics & Standards Committee", "committee")
    assert "Ethics & Standards Committee" in found
    assert not any(name.startswith("Chair") for name in found)


def test_a_word_printed_in_capitals_before_a_post_is_no_acronym() -> None:
    found = labels("Members are reminded to declare interests. AGENDA Agenda Lead Item Member Welcome to "
                   "Members of the Public. The DVLA Chief Executive attended.", "organisation")
    assert "AGENDA" not in found
    assert "DVLA" in found


def test_post_nominal_letters_in_an_attendance_run_are_no_body() -> None:
    found = labels("Present: Lena Cole AM (Chair) Shaun Bale AM (Deputy Chairman) Una Desai AM "
                   "Carol Rusk AM Observer Sian Bery AM", "organisation")
    assert not any(name.split()[0] == "AM" for name in found)


def test_a_police_force_after_a_commissioner_is_a_body_of_its_own() -> None:
    found = labels("Data on both the Office of the Police and Crime Commissioner and Tarnshire Police.",
                   "organisation")
    assert {"Office of the Police and Crime Commissioner", "Tarnshire Police"} <= found


def test_a_body_before_its_officer_after_an_article_is_the_body() -> None:
    assert "Wexmoor Police" in labels("Her son was a Wexmoor Police Officer on the operation.", "organisation")
    assert "Tarn Homes Trust" in labels("He is a Tarn Homes Trust employee.", "organisation")
    # A kind of body after "a" is still no name.
    assert not labels("Members agreed to set up a Members Trust next year.", "organisation")


def test_a_committee_word_is_no_place_an_acronym_is_fitted_to() -> None:
    from evidence_graph.loaders.context import _fitted_acronyms

    text = ("Members of the Panel heard the PCC. Then the Panel asked the PCC about Tarnshire County "
            "Council. The County Council replied.")
    assert "Panel County Council" not in _fitted_acronyms(text, set())


def test_a_registered_council_name_broken_across_lines_is_the_host() -> None:
    from evidence_graph.loaders.context import gather_context

    text = ("Dear Alderman / Councillor\n\nYou are requested to attend the MONTHLY MEETING of ARMAGH CITY,\n\n"
            "BANBRIDGE AND CRAIGAVON BOROUGH COUNCIL which will be held as follows:\n\nDate: Monday 21 March 2016\n\n"
            "Venue: Council Chamber, Craigavon Civic Centre\n\nAGENDA\n\n1 APOLOGIES\n\n"
            "2.1 To confirm the Minutes of the Council Meeting.\n\n3 To note the report to the Council.\n")
    context = gather_context([parse_document(Document("a.txt", "a", text, "0"))])
    assert context.authority is not None
    assert context.authority.name == "Armagh City, Banbridge and Craigavon Borough Council"


def written_evidence(text: str):
    from evidence_graph.loaders.context import gather_context

    parsed = parse_document(Document("w.txt", "w", text, "0"))
    return parsed, gather_context([parsed])


def test_a_memorandum_line_names_whom_written_evidence_is_by() -> None:
    parsed, context = written_evidence(
        "Select Committee on Widget Affairs: Cogs, Sprockets and the Regions Written Evidence\n\n"
        "Memorandum by the Shire Widget Network (SWN) (RG 73)\n\n"
        "The Shire Widget Network (SWN) is a group of county councils. We consider that the county "
        "council is the right body, and that county councils should keep the role.\n")
    assert [part.subject for part in parsed.parts] == ["Shire Widget Network"]
    # Its "the county council" is any county council, not a host of the paper.
    assert context.authority is None
    found = {m.label: m.kind for m in find_mentions(parsed, context)}
    assert found.get("Select Committee on Widget Affairs") == "committee"
    assert not any(kind == "organisation" and label.startswith("Select Committee") for label, kind in found.items())


def test_a_committee_named_by_what_it_is_on_takes_of_the_in_its_tail() -> None:
    found = labels("The Select Committee on Office of the Deputy Widget Minister met.", "committee")
    assert "Select Committee on Office of the Deputy Widget Minister" in found


def test_a_transcript_taken_before_the_committee_on_the_next_line_names_no_committee_the() -> None:
    text = ("Session 2010-11\nPublications on the internet\n\nCORRECTED TRANSCRIPT OF ORAL EVIDENCE\n"
            "To be published as HC 592-i\n\nHouse of commons\n\noral EVIDENCE\n\nTAKEN BEFORE THE\n\n"
            "Widget Reform Committee\n\nThursday 18 November 2010\n\nMr Rory Gale\n")
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    found = {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == "committee"}
    assert "Widget Reform Committee" in found
    assert not {name for name in found if name.lower() == "the"}


def test_a_host_whose_meetings_alone_the_paper_names_is_still_the_host() -> None:
    from evidence_graph.loaders.context import gather_context

    text = ("Minutes\n\nApologies were received.\n\nThe minutes of the meeting of the Council held on 17 October "
            "2022 were approved. Trafford Wharfside residents and the Trafford Park businesses were consulted.\n")
    context = gather_context([parse_document(Document("m.txt", "m", text, "0"))])
    assert context.authority is not None and context.authority.name == "Trafford Metropolitan Borough Council"


def test_a_modifier_acronym_before_a_line_break_inside_a_name_is_no_reference() -> None:
    found = labels("Information may be shared outside Tarn Valley Hospitals NHS\nFoundation Trust as the law "
                   "requires.", "organisation")
    assert "National Health Service" not in found


def test_councils_named_only_in_passing_none_much_more_than_another_make_no_host() -> None:
    from evidence_graph.loaders.context import find_host_authority

    text = ("Minutes\n\nPresent: Councillor Ann Lee (Chair)\n\nApologies: Councillor Bo Tay\n\n"
            "1. Declarations of interest\n\nThere were none.\n\n2. Highways\n\n"
            "The Leader said that talks were held with National Highways, Wexmoor County Council and "
            "South Wexmoor Council. She would meet Wexmoor County Council tomorrow and South Wexmoor Council "
            "on Monday.\n")
    assert find_host_authority([parse_document(Document("m.txt", "m", text, "0"))]) is None
    # One named much more often than another still is the host.
    often = text + ("South Wexmoor Council agreed. South Wexmoor Council noted the report. South Wexmoor "
                    "Council thanked officers.\n")
    assert find_host_authority([parse_document(Document("m.txt", "m", often, "0"))]) == "South Wexmoor Council"


def test_a_partnership_whose_papers_these_are_is_the_meeting_committee(tmp_path) -> None:
    from rdflib import Literal
    from rdflib.namespace import RDFS, SKOS

    from evidence_graph.cli import export_documents

    paper = tmp_path / "2017-10-16-agenda.txt"
    paper.write_text(
        "(Public Pack)Agenda Document for Tarnside Local\nTotal Page:16\n"
        "Public Document Pack Tarnside and St Wexe Local Strategic Partnership Agenda Monday, 16 October 2017 "
        "at 10.00 am Council Chamber, Town Hall, Tarnside. For further information, please contact Ann Lee. "
        "1. Welcome and Apologies for Absence (Chair) 2. Declarations of Interest 3. Minutes and Matters "
        "Arising (Chair) 4. The Tarnside and St Wexe Local Strategic Partnership will review its priorities.\n",
        encoding="utf-8")
    from evidence_graph.loaders.context import gather_context

    parsed = parse_document(Document(str(paper), "p", paper.read_text(encoding="utf-8"), "0"))
    assert gather_context([parsed]).committee == "Tarnside and St Wexe Local Strategic Partnership"
    quads, problems, _ = export_documents([paper])
    assert problems == []
    labels_of = {}
    for s, p, o, _g in quads:
        if p in (RDFS.label, SKOS.prefLabel) and isinstance(o, Literal):
            labels_of.setdefault(str(o), set()).add(s)
    partnership = labels_of["Tarnside and St Wexe Local Strategic Partnership"]
    # One entity, the meeting's committee, not an organisation beside it.
    assert len(partnership) == 1
    assert "/id/committee/" in str(next(iter(partnership)))


def test_a_health_board_host_is_named_by_each_form_of_its_name() -> None:
    from evidence_graph.loaders.context import CorpusContext as Context
    from evidence_graph.loaders.context import host_authority

    host = host_authority("NHS Tarnside")
    assert {"Tarnside NHS Board", "Tarnside Health Board"} <= set(host.aliases)
    text = "Minutes\n\nThe Tarnside NHS Board met. NHS Tarnside approved the plan.\n"
    parsed = parse_document(Document("m.txt", "m", text, "0"))
    found = {m.label for m in find_mentions(parsed, Context(authority=host)) if m.kind == "organisation"}
    assert found == {"NHS Tarnside"}
    assert host_authority("NHS England").aliases == ()
