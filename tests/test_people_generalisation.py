"""People extraction beyond the development set's bodies: layouts and phrasings seen in other
bodies' papers, each on an invented fixture (the bodies and people do not exist)."""

from __future__ import annotations

from pathlib import Path

from conftest import exported_people, text_mentions

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def mentions_of(text: str, kind: str = "person") -> set[str]:
    """The labels of a document's mentions of one kind."""
    return {label for _kind, label in text_mentions(text, (kind,))}


def test_several_plural_honorific_groups_in_one_attendance_line() -> None:
    text = ("Present: Councillor Amos (Mayor)(In the Chair); Aldermen Bell, T Cole, R Cole, Dunn, Eyre and "
            "Ford; Councillors Gray, Hale, D Ives and Jay\n\nThe meeting opened.\n")
    people = mentions_of(text)
    assert {"Alderman Bell", "Alderman T Cole", "Alderman R Cole", "Alderman Dunn", "Alderman Eyre",
            "Alderman Ford", "Councillor Gray", "Councillor Hale", "Councillor D Ives",
            "Councillor Jay", "Councillor Amos"} <= people
    assert not any(label.startswith(("Aldermen", "Councillors")) for label in people)


def test_a_name_broken_after_its_forename_and_a_forename_with_an_honorific(tmp_path: Path) -> None:
    text = ("MINUTES\n\nWe heard from Mr Alan\nBoyd, Chief Executive of the Trust. Later Mr Alan said the plan "
            "was sound.\n")
    assert "Mr Alan Boyd" in mentions_of(text)
    people = exported_people(tmp_path, text)
    assert len(people) == 1 and "Alan Boyd" in people[0]


def test_a_dash_glued_to_a_name_before_a_quote() -> None:
    assert "Councillor K Lowe" in mentions_of("Councillor K Lowe- \u201cI am an employee of the trust\u201d\n")
    assert "Councillor K Lowe-Dorn" in mentions_of("Councillor K Lowe-Dorn declared an interest.\n")


def test_a_name_cut_off_where_a_truncated_page_ends(tmp_path: Path) -> None:
    cut = exported_people(tmp_path, "MINUTES\n\nApologies were received from Councillor Ann Beck and Councillor J Turne")
    assert [labels for labels in cut if any("Turne" in label for label in labels)] == []
    assert any("Ann Beck" in labels for labels in cut)
    whole = tmp_path / "whole"
    whole.mkdir()
    assert any("Councillor J Turner" in labels for labels in exported_people(
        whole, "MINUTES\n\nApologies were received from Councillor J Turner.\n"))


def test_a_list_of_plain_full_names_after_a_short_label_or_before_a_verb() -> None:
    labelled = mentions_of("Representations\n\nII: Ann Beck, Carl Dorn and Eve Fyfe.\n")
    assert {"Ann Beck", "Carl Dorn", "Eve Fyfe"} <= labelled
    subject = mentions_of("Ann Beck, Carl Dorn and Eve Fyfe made representations.\n")
    assert {"Ann Beck", "Carl Dorn", "Eve Fyfe"} <= subject
    # A list of things is no list of people.
    assert mentions_of("Item 4: Open Spaces, Parking Charges and Street Lighting.\n") == set()


def test_a_plain_name_opening_a_sentence_before_a_reporting_verb() -> None:
    text = ("Ann Beck addressed the Council on the budget. Carl Dorn shared the key themes of the survey. "
            "Eve Fyfe outlined the plan.\n")
    assert {"Ann Beck", "Carl Dorn", "Eve Fyfe"} <= mentions_of(text)
    assert mentions_of("The Harbour Forum addressed the Council. Kent County shared its plan.\n") == set()


def test_oral_evidence_witnesses_in_capitals_on_lines_of_their_own() -> None:
    text = ("HOME AFFAIRS PANEL\n\nOral evidence: Road safety\n\nWednesday 3 March 2021\n\nWITNESSES\n\n"
            "MR ALAN BOYD\nChief Executive, Roadwise Trust\n\nGILLIAN MERCER\nDirector, Safe Lanes\n\n"
            "Q1 Chair: Welcome.\n")
    people = mentions_of(text)
    assert {"Mr Alan Boyd", "Gillian Mercer"} <= people
    assert not any("Panel" in label or "Affairs" in label for label in people)
    after_date = mentions_of("ROADS PANEL\n\nTuesday 4 May 2021\n\nIAN TODD\nHead of Roads, Northvale Trust\n\n"
                             "Q1 Chair: Welcome.\n")
    assert "Ian Todd" in after_date


def test_a_holder_in_brackets_after_a_post_with_a_space_inside_the_bracket() -> None:
    assert "Mrs P Quinn" in mentions_of("The report of the Lead Finance Officer ( Mrs P Quinn) was noted.\n")
    assert "P Quinn" in mentions_of("The report of the Lead Finance Officer ( P Quinn) was noted.\n")
    assert "Ann Beck" in mentions_of("Report of the Head of Audit ( Ann Beck )\n")
    assert mentions_of("Report of the Head of Audit ( Annual Plan )\n") == set()


def test_an_honorific_and_a_forename_shared_by_two_people_is_no_new_person(tmp_path: Path) -> None:
    text = ("MINUTES\n\nPresent: Alan Boyd (Chair), Alan Kerr (Clerk)\n\nMr Alan said the plan was sound.\n")
    people = exported_people(tmp_path, text)
    assert not any(labels == ("Mr Alan",) for labels in people)
    assert sum(1 for labels in people if "Mr Alan" in labels) == 0


def test_a_plural_honorific_with_a_colon_shares_itself_out() -> None:
    people = mentions_of("Present: Councillors: Gray, Hale and D Ives.\n\nThe meeting opened.\n")
    assert {"Councillor Gray", "Councillor Hale", "Councillor D Ives"} <= people


def test_a_list_of_plain_names_after_a_longer_label_or_a_plural_noun() -> None:
    labelled = mentions_of("Speaking in objection to the application: Ann Beck, Carl Dorn and Eve Fyfe.\n")
    assert {"Ann Beck", "Carl Dorn", "Eve Fyfe"} <= labelled
    assert {"Ann Beck", "Carl Dorn", "Eve Fyfe"} <= mentions_of("Ward members Ann Beck, Carl Dorn and Eve Fyfe "
                                                              "attended.\n")
    assert mentions_of("North Road, West Street and Mill Lane were resurfaced.\n") == set()


def test_witnesses_in_capitals_listed_after_a_label() -> None:
    people = mentions_of("ROADS PANEL\n\nWitnesses: ALAN BOYD and GILLIAN MERCER\n\nQ1 Chair: Welcome.\n")
    assert {"Alan Boyd", "Gillian Mercer"} <= people


def test_a_plain_name_in_a_line_of_people_is_no_organisation_field() -> None:
    from evidence_graph.loaders.structure.fields import person_post_org

    assert [(f.name, f.value) for f in person_post_org("Ms Joan Bennett, Ann Beck")] == [
        ("person", "Ms Joan Bennett")]
    assert ("organisation", "Harbour Homes") in [(f.name, f.value) for f in person_post_org(
        "Ms Joan Bennett, Harbour Homes")]
    parsed = parse_document(Document("t.txt", "t", "Witnesses: Ms Joan Bennett, Ann Beck\n\nThe meeting opened "
                                     "at ten with all present.\n", "0"))
    mentions = find_mentions(parsed, CorpusContext())
    assert ("person", "Ann Beck") in {(m.kind, m.label) for m in mentions}
    assert not [m for m in mentions if m.kind == "organisation" and m.label == "Ann Beck" and m.method == "structure"]


def test_plain_names_listed_between_titled_names() -> None:
    people = mentions_of("Mr Tom Ure, Ann Beck, Carl Dorn and Mrs Ivy Hart attended.\n")
    assert {"Mr Tom Ure", "Ann Beck", "Carl Dorn", "Mrs Ivy Hart"} <= people
    assert mentions_of("Councillor Amos, Northvale Trust and Mr Ure met.\n") == {"Councillor Amos", "Mr Ure"}
    assert mentions_of("Councillor Amos, Mill Road\n") == {"Councillor Amos"}


def test_a_dash_glued_to_a_plain_name() -> None:
    assert "Ann Beck" in mentions_of("Ann Beck- Chief Executive\n\nThe meeting opened at ten with all present.\n")


def test_lines_of_plain_name_lists() -> None:
    text = ("Attending\n\nAnn Beck, Carl Dorn and Eve Fyfe\nGail Hurst, Ian Jones and Kay Lowe\n\n"
            "The meeting opened at ten with all present.\n")
    assert {"Ann Beck", "Carl Dorn", "Eve Fyfe", "Gail Hurst", "Ian Jones", "Kay Lowe"} <= mentions_of(text)
    assert mentions_of("Open Spaces, Parking Charges and Street Lighting\nNorth Road, West Street and Mill Lane\n\n"
                       "The meeting opened at ten with all present.\n") == set()


def test_headings_in_capitals_under_a_date_line_are_no_witnesses() -> None:
    text = ("ROADS PANEL\n\nTuesday 4 May 2021\n\nROAD SAFETY\n\nGRANT FUNDING\n\nYOUTH CLUBS\nSOCIAL CARE\n\n"
            "The panel met.\n")
    assert mentions_of(text) == set()
