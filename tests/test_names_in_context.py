"""People and bodies told apart by the context a name stands in (issue 9, point 3), on invented
text in layouts real papers print: officers in attendance as initials, a surname and their post
after a comma, and names a weak cue puts where a body could stand ("on behalf of …") that the
document reads as people elsewhere.
"""

from __future__ import annotations

from conftest import text_mentions

from evidence_graph.loaders.context import CorpusContext

mentions = text_mentions


def labels(text: str, kind: str) -> set[str]:
    return {label for found, label in mentions(text) if found == kind}


def test_initials_and_a_surname_with_a_post_after_a_comma_are_people() -> None:
    text = ("Minutes of the Harbour Policy Board\n\nIn Attendance\n"
            "S Quenby, Director of Environment & Communities; B Tarrant, Strategic Category Manager and "
            "L McOwan, Policy Development Officer (both Chief Executive's); D Farrow, Head of Facilities "
            "Management, K Ormsby, Senior Facilities Manager (Soft Services) and R McAvoy, Head of Finance.\n")
    assert {"S Quenby", "B Tarrant", "L McOwan", "D Farrow", "K Ormsby", "R McAvoy"} <= labels(text, "person")


def test_initials_and_a_surname_without_a_label_or_post_are_no_person() -> None:
    # "D Block" and "B Wing" are parts of a building; only a post after a comma makes initials a person.
    text = "Minutes\n\nThe visit covered D Block, B Wing and the new kitchens.\n"
    assert labels(text, "person") == set()


def test_a_name_the_document_reads_as_a_person_is_no_body_after_a_cue_either_may_follow() -> None:
    text = ("Deputation Requests\n\nAn application has been made by Robbie Quarrie on behalf of Dorian Ashford, "
            "Fenna Calder and Orrin Whitby, Harbour Youth Forum to be received as a deputation.\n\n"
            "Submitted by Justine Pellow to the Cabinet Member.\n\nJustine Pellow, representing residents, "
            "was welcomed to the meeting.\n")
    found = mentions(text)
    organisations = {label for kind, label in found if kind == "organisation"}
    assert organisations.isdisjoint({"Dorian Ashford", "Fenna Calder", "Orrin Whitby", "Justine Pellow"})
    assert {("person", "Fenna Calder"), ("person", "Justine Pellow")} <= found
    assert any(label == "Harbour Youth Forum" for kind, label in found if kind in ("organisation", "committee"))


def test_a_body_after_such_a_cue_stays_a_body() -> None:
    text = "Minutes\n\nThe report was presented on behalf of Tarnside Mutual Aid and Harbour Foodbank.\n"
    assert {"Tarnside Mutual Aid", "Harbour Foodbank"} <= labels(text, "organisation")


def test_one_word_of_context_supports_a_name_only_when_a_given_name_in_use_leads_it() -> None:
    text = ("Minutes\n\nRESOLVED that the Minutes be adopted in accordance with Standing Orders.\n\n"
            "Under what criteria is the order on Quarrow Lane assessed? Quarrow Lane is a quiet road.\n\n"
            "The item was introduced with Nessa Varley, who explained the scheme. Nessa Varley said it was sound.\n")
    assert labels(text, "person") == {"Nessa Varley"}


def test_procedure_words_and_file_sizes_in_capitals_name_no_body() -> None:
    text = ("Minutes of Committees\n\nAudit Committee PDF 69 KB The Chair of the Committee, Councillor Redvers, "
            "to MOVE the Minutes.\nMinutes: The Chair, Councillor Redvers, MOVED the Minutes. The motion was "
            "MOVED and SECONDED.\n")
    assert labels(text, "organisation").isdisjoint({"KB", "PDF", "MOVED", "SECONDED"})


def test_a_flattened_table_of_officers_gives_each_name_before_its_post() -> None:
    text = ("HARBOUR COMBINED AUTHORITY CABINET\n\nOfficers and Others in Attendance Nessa Varley Chief Executive, "
            "Harbour Combined Authority (HCA) Garrick Ashford Group Director of Finance & Resources, HCA Hester "
            "Calder Group Director of Commercial & Delivery, HCA Quentin Whitby Governance Officer, HCA\n\n1\n\n"
            "Orrin Pellow Head of Transport, HCA Linnea Marlby Culture Manager, HCA Tamsin Holford Managing "
            "Director, Tarnside Borough Council\n")
    found = mentions(text)
    assert {"Nessa Varley", "Garrick Ashford", "Hester Calder", "Quentin Whitby", "Orrin Pellow", "Linnea Marlby",
            "Tamsin Holford"} <= {label for kind, label in found if kind == "person"}
    bodies = {label for kind, label in found if kind in ("organisation", "unit")}
    assert not any("Group" in label or "Culture" in label for label in bodies), bodies


def test_a_name_glued_to_a_body_that_is_no_post_stays_apart() -> None:
    # "Harbour Food Trust" after the name is a body, not a post: the person is glued to it.
    text = "Attendees\n\nThe Chair welcomed Nessa Varley Harbour Food Trust to the meeting.\n"
    assert "Nessa Varley Harbour Food Trust" not in labels(text, "person")


def test_a_short_form_of_a_given_name_is_the_same_person() -> None:
    from evidence_graph.loaders.context import CastMember
    from evidence_graph.loaders.names import parse_person_name

    context = CorpusContext(cast=(CastMember(parse_person_name("Elizabeth Quarrie"), "Elizabeth Quarrie"),
                                  CastMember(parse_person_name("Robert Quarrie"), "Robert Quarrie")))
    assert [m.surface for m in context.cast_matches(parse_person_name("Liz Quarrie"))] == ["Elizabeth Quarrie"]
    assert [m.surface for m in context.cast_matches(parse_person_name("Bob Quarrie"))] == ["Robert Quarrie"]
    assert context.cast_matches(parse_person_name("Joan Quarrie")) == []


def test_a_witness_welcomed_by_a_short_form_of_her_name_is_one_person_in_the_export(tmp_path) -> None:
    from rdflib import RDF, SDO

    from evidence_graph.cli import export_documents

    text = ("Oral evidence: Harbour Policy, HC 123\n\nWitnesses: Rt Hon Elizabeth Quarrie MP, Minister for "
            "Harbours; Marcus Ondry, Director, Harbour Hub.\n\nQ46 Chair: Good afternoon. As our witnesses we "
            "have the Minister for Harbours, Liz Quarrie; and Marcus Ondry. I will give you the chance to give "
            "your statement, Liz.\n\nElizabeth Quarrie: Thank you.\n")
    (tmp_path / "evidence.txt").write_text(text, encoding="utf-8")
    quads, problems, _ = export_documents([tmp_path / "evidence.txt"])
    assert problems == []
    people = {s for s, p, o, _g in quads if p == RDF.type and o == SDO.Person}
    assert len([s for s in people if "quarrie" in str(s)]) == 1, people


def test_officers_departments_in_brackets_are_units_and_a_party_is_not() -> None:
    text = ("Minutes\n\nIn Attendance\nB Tarrant, Category Manager and L McOwan, Policy Development Officer (both "
            "Chief Executive's); D Farrow, Head of Facilities (all Environment & Communities); Councillors Ure and "
            "Lee (both Labour).\n")
    found = mentions(text)
    units = {label for kind, label in found if kind == "unit"}
    assert {"Chief Executive's", "Environment & Communities"} <= units and "Labour" not in units
    assert not any("Policy" in label for kind, label in found if kind in ("programme", "service"))


def test_a_surname_that_is_also_a_word_follows_an_honorific_and_a_given_name() -> None:
    text = "Minutes\n\nAlso present: Mr Nick Kenton, Director of Finance Ms Heidi May, Nurse Director\n"
    assert "Ms Heidi May" in labels(text, "person")


def test_a_post_and_a_rare_word_before_a_name_shaped_phrase_give_no_person() -> None:
    text = "Minutes\n\nDr Helen Bryers, Head of Midwifery Dr Ann Govan, Lead Doctor Child Protection and Looked After Children\n"
    assert "Child Protection" not in labels(text, "person")


def test_a_transcripts_witness_line_gives_each_witness_with_their_post_and_body() -> None:
    text = ("Oral Evidence\n\nTaken before the Harbour Affairs Committee\n\nMembers present:\n\nRichard Ottley (Chair)"
            "\n\nAnn Clwydd\n\n\nExamination of Witnesses\n\nWitnesses: Alistair Burnet MP, Parliamentary "
            "Under-Secretary of State for the Middle East and North Africa, and Jon Davison, Additional Director of "
            "Middle East and North Africa Directorate (MENAD), Foreign & Commonwealth Office, gave evidence.\n\n"
            "Q169 Chair: I welcome members of the public.\n")
    found = mentions(text)
    assert {"Alistair Burnet", "Jon Davison"} <= labels(text, "person")
    assert not any("Africa" in label for kind, label in found if kind == "person"), found
    assert ("organisation", "Foreign & Commonwealth Office") in found


def test_a_witness_who_sits_on_a_committee_names_it_as_a_committee() -> None:
    text = ("Oral Evidence\n\nExamination of Witness\n\nWitness: Ms Gisela Stuart MP, Member, Select Committee on "
            "Harbours, and Chair, PLP Departmental Group for Harbours, gave evidence.\n")
    found = mentions(text)
    assert ("committee", "Select Committee on Harbours") in found
    assert ("organisation", "Select Committee on Harbours") not in found and ("organisation", "Member") not in found


def test_words_before_a_bodys_name_in_its_run_are_no_part_of_it() -> None:
    text = ("MEETING of Harbour Council held on 3 October 2026\n\nAbigail Quarrie of Tarnside College addressed "
            "the meeting. Disclosure of Exempt Information The Council resolved to exclude the press. Various "
            "Council officers attended.\n")
    found = mentions(text)
    bodies = {label for kind, label in found if kind in ("organisation", "unit", "committee")}
    assert "Tarnside College" in bodies
    assert not any(label.startswith(("MEETING", "Abigail", "Disclosure", "Various")) for label in bodies), bodies
    assert ("person", "Abigail Quarrie") in found


def test_a_witness_list_of_names_alone_gives_each_witness() -> None:
    text = ("Oral evidence\n\nExamination of witnesses\n\nWitnesses: Professor Tom Hickling, Joshua Rozenblatt and "
            "Professor Alison Youngs.\n\nQ1 Chair: Welcome.\n")
    assert {"Professor Tom Hickling", "Joshua Rozenblatt", "Professor Alison Youngs"} <= labels(text, "person")
    assert not any("Rozenblatt" in label for label in labels(text, "organisation"))


def test_a_welsh_county_boroughs_and_a_foundation_trusts_own_short_names_are_generic() -> None:
    from evidence_graph.loaders.context import authority_aliases, is_generic_authority_name

    assert is_generic_authority_name("County Borough Council") and is_generic_authority_name("Foundation Trust")
    assert "the County Borough Council" in authority_aliases("Tarnside County Borough Council")
    assert "the Foundation Trust" in authority_aliases("Harbour Hospitals NHS Foundation Trust")
    assert not is_generic_authority_name("Tarnside County Borough Council")
