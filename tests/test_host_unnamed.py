"""Papers that never name their own council (issue 9, point 1, case 2): the host is an unnamed
body labelled as the papers call it ("the Council"), with a key scoped to the papers, so that
two documents' unnamed hosts are never one entity. Every text here is invented.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS

from evidence_graph.cli import export_documents
from evidence_graph.graph.vocabulary import ORG, SCHEMA
from evidence_graph.loaders.context import authority_key_of, gather_context, unnamed_host
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document

ID = "http://127.0.0.1:8000/id/"

MINUTES = ("Cabinet\n\nMinutes of the meeting held on 4 June 2025\n\n1. Leisure contract\n\n"
           "Councillor Ann Lee said that the Council had extended the leisure contract. The Cabinet "
           "agreed that the Council would review it in the Council Chamber next year.\n")


def parsed(text: str, key: str = "c/a"):
    return parse_document(Document(f"{key}.txt", key, text, "0"))


def test_papers_calling_their_council_only_the_council_have_an_unnamed_host() -> None:
    context = gather_context([parsed(MINUTES)])
    assert context.authority is not None
    assert context.authority.name == "the Council"
    assert authority_key_of(context.authority) == "org/host-of-c-a"
    # Another document's unnamed host is another key.
    other = gather_context([parsed(MINUTES, "d/b")]).authority
    assert other is not None and authority_key_of(other) != authority_key_of(context.authority)


def test_the_form_the_papers_use_most_labels_the_unnamed_host() -> None:
    fire = "The Fire Authority agreed the budget. The Fire Authority noted the report of the Authority."
    host = unnamed_host([parsed(fire)])
    assert host is not None and host.name == "the Fire Authority"
    district = ("The Council agreed. The Council noted that the County Council would pay. "
                "The Council thanked the County Council.")
    host = unnamed_host([parsed(district)])
    assert host is not None and host.name == "the Council"


def test_rooms_taxes_meetings_and_posts_are_no_unnamed_host() -> None:
    for text in ("Venue: the Council Chamber, Civic Centre.", "The council tax was set.",
                 "To confirm the minutes of the Council meeting held on 2 May.",
                 "The Council Leader Ann Lee welcomed everyone.", "The Cabinet agreed.",
                 "The delegation to the Council of Europe reported to the committee."):
        assert unnamed_host([parsed(text)]) is None, text


def test_a_named_host_is_not_replaced_by_an_unnamed_one() -> None:
    context = gather_context([parsed("Fernleigh District Council\n\n" + MINUTES)])
    assert context.authority is not None and context.authority.name == "Fernleigh District Council"
    assert context.authority.scope is None


def _graph(paths: list[Path]) -> Graph:
    """Every triple of the documents' export, in any graph (their own and the registry's)."""
    quads, problems, _dropped = export_documents(paths)
    assert problems == []
    graph = Graph()
    for s, p, o, _name in quads:
        graph.add((s, p, o))
    return graph


def test_two_documents_unnamed_hosts_never_merge_and_their_committees_hang_off_each(tmp_path: Path) -> None:
    for folder in ("ashmoor", "wexdale"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "2025-06-04-cabinet-minutes.txt").write_text(MINUTES, encoding="utf-8")
    graph = _graph([tmp_path / "ashmoor", tmp_path / "wexdale"])
    hosts = {str(s) for s in graph.subjects(ORG.hasSubOrganization, None)} | {
        str(o) for o in graph.objects(None, ORG.subOrganizationOf)}
    unnamed = sorted(h for h in hosts if h.startswith(ID + "org/host-of-"))
    assert len(unnamed) == 2, hosts
    committees = {str(s): str(o) for s, o in graph.subject_objects(ORG.subOrganizationOf)
                  if str(s).startswith(ID + "committee/")}
    # Each document's Cabinet is its own host's: two committees, two parents.
    assert len(committees) == 2 and sorted(committees.values()) == unnamed
    # The host is known by what the papers call it, and "the Council" in the text refers to it.
    labels = {str(o) for host in unnamed for p in (RDFS.label, SKOS.prefLabel, SCHEMA.name)
              for o in graph.objects(URIRef(host), p) if isinstance(o, Literal)}
    assert labels == {"the Council"}


def test_papers_writing_their_council_in_lower_case_only_have_an_unnamed_host() -> None:
    host = unnamed_host([parsed("Recent decisions taken by the council's decision making bodies are listed.")])
    assert host is not None and host.name == "the Council"
    assert unnamed_host([parsed("The council tax was set for the council of the borough.")]) is None
    host = unnamed_host([parsed("The plan sets out the commitments the local authority can make to its residents.")])
    assert host is not None and host.name == "the local authority"


def test_a_council_spoken_of_only_as_its_meeting_is_no_unnamed_host() -> None:
    # docs/ANNOTATION.md, "The host never referred to": the meeting body is the committee "Council".
    for text in ("To note that since the last meeting of the Council the committees met.",
                 "Resolved: that the minutes of the meeting of the Council held on 3 May be signed.",
                 "Matters arising from the special meeting of the Council on 26 March."):
        assert unnamed_host([parsed(text)]) is None, text
    host = unnamed_host([parsed("The minutes of the meeting of the Council were signed. The Leader of the "
                                "Council thanked the staff.")])
    assert host is not None and host.name == "the Council"


def test_a_fire_authority_met_as_a_body_keeps_its_label() -> None:
    text = ("Minutes of the meeting of the Fire Authority held on 3 May. The Fire Authority agreed the "
            "budget. The Fire Authority noted the report of the Authority.")
    host = unnamed_host([parsed(text)])
    assert host is not None and host.name == "the Fire Authority"


def test_a_council_written_in_lower_case_by_its_type_is_the_unnamed_host() -> None:
    host = unnamed_host([parsed("Councillor Ann Lee said that it might have been prudent for the county "
                                "council to borrow the funding.")])
    assert host is not None and host.name == "the County Council"
    assert "County Council" in host.aliases


def test_a_councils_possessive_without_article_is_the_unnamed_host() -> None:
    host = unnamed_host([parsed("The call-in was in line with the principles of decision making (as set out "
                                "in Council’s constitution).")])
    assert host is not None and host.name == "the Council" and "Council" in host.aliases
    # Another council's possessive is that council's, not the host's.
    assert unnamed_host([parsed("Wexcombe Council’s leader wrote to us.")]) is None


def test_an_nhs_trusts_papers_that_never_name_it_have_the_trust_as_host() -> None:
    text = ("Trust Board Meetings\n\nMeetings of the Trust Board take place in public. Please contact "
            "the Trust Board Secretary.\n")
    host = unnamed_host([parsed(text)])
    assert host is not None and host.name == "the Trust" and "the Trust" in host.aliases
    # A council's papers speaking of a leisure trust keep the council as their host.
    council = unnamed_host([parsed("The Council agreed that the Trust would run the pools.")])
    assert council is not None and council.name == "the Council"


def test_a_fire_authoritys_papers_speaking_of_the_service_give_the_host_its_service(tmp_path: Path) -> None:
    (tmp_path / "fire").mkdir()
    path = tmp_path / "fire" / "2025-05-03-minutes.txt"
    path.write_text("Minutes of the meeting of the Fire Authority held on 3 May 2025\n\n1. Retirement\n\n"
                    "Ann Lee joined the Service in 2004. The Fire Authority thanked her.\n", encoding="utf-8")
    graph = _graph([path])
    services = [s for s in graph.subjects(ORG.subOrganizationOf, None) if "/org/service-of-" in str(s)]
    assert len(services) == 1
    assert str(graph.value(services[0], ORG.subOrganizationOf)).startswith(ID + "org/host-of-")
    assert "the Service" in {str(o) for o in graph.objects(services[0], SKOS.prefLabel)} | {
        str(o) for o in graph.objects(services[0], RDFS.label)}


def test_a_named_fire_and_rescue_service_is_not_made_again_and_a_council_has_no_service() -> None:
    from evidence_graph.loaders.context import Authority, host_service

    named = parsed("Bo Tay joined Wexdale Fire and Rescue Service in 1994 and served the Service well.")
    assert host_service(Authority("the Fire Authority"), [named]) == ()
    assert host_service(Authority("the Council"), [parsed("Ann Lee joined the Service in 2004.")]) == ()
    # "the Service Level Agreement" is an agreement, not the service.
    assert host_service(Authority("the Fire Authority"), [parsed("The Service Level Agreement was signed.")]) == ()
    # A named authority's service is named after its place, with the phrase the papers use.
    assert host_service(Authority("Wexdale and Fenmoor Fire and Rescue Authority"),
                        [parsed("Ann Lee joined the Service in 2004.")]) == (
        "Wexdale and Fenmoor Fire and Rescue Service", "the Service")


def test_a_senedds_papers_that_never_name_it_in_full_have_the_senedd_as_host() -> None:
    host = unnamed_host([parsed("To propose that the Senedd, in accordance with Standing Order 16.1, "
                                "establishes a committee; the Senedd’s nominations were agreed.")])
    assert host is not None and host.name == "the Senedd" and "the Senedd" in host.aliases
    # A council's papers that speak of the Senedd keep their council as host.
    council = unnamed_host([parsed("The Council responded to the Senedd. The Council agreed.")])
    assert council is not None and council.name == "the Council"


def test_a_motion_speaking_of_this_council_refers_to_the_papers_own_council() -> None:
    motion = ("19. Notice of Motion proposed by Councillor A Lee\n\nThis Council recognises the work "
              "of local volunteers and commits to supporting them.\n")
    host = unnamed_host([parsed(motion)])
    assert host is not None and host.name == "the Council"
    assert unnamed_host([parsed("This Council Chamber is closed for the meeting.\n")]) is None


def test_the_one_registered_place_papers_name_again_and_again_gives_the_host() -> None:
    # No council named, but one council's place throughout: that council's papers.
    text = ("Cabinet\n\nMinutes of the meeting held on 4 June 2025\n\n1. Wharfside\n\nThe Cabinet noted "
            "that the Draft Trafford Wharfside Framework and the Trafford Wharfside Masterplan would go "
            "to consultation, as the Council had agreed.\n")
    context = gather_context([parsed(text)])
    assert context.authority is not None and context.authority.name == "Trafford Metropolitan Borough Council"
    # Two places named as often as each other: either could be the host, so neither is.
    text = ("Panel\n\nMinutes\n\n1. Policing\n\nResidents of Bromsgrove and Redditch, and businesses in "
            "Bromsgrove and Redditch, wrote to the Council.\n")
    context = gather_context([parsed(text)])
    assert context.authority is None or context.authority.scope == "c/a"
