"""People in the papers of any council or parliament: honorifics, plain names in context,
attendance layouts, transcripts, run-on lists, surname-only and forename-only references.

Every fixture here is invented; the bodies and people do not exist.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from conftest import exported_people

from evidence_graph.evaluation.predicted import predict_document
from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.finders import people as people_module
from evidence_graph.loaders.finders.people import people_in_document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.names import find_honorific_names, parse_person_name
from evidence_graph.loaders.structure import parse_document
from evidence_graph.loaders.structure.fields import person_post_org


def people_of(text: str) -> set[str]:
    """The person mentions' labels of a document."""
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    return {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == "person"}


def displays(text: str) -> set[str]:
    """The people a document yields once resolved, by their displayed names."""
    return {parse_person_name(label).display for label in people_of(text)}


@pytest.mark.parametrize(("written", "display"), [
    ("Cllr Ann Lee", "Ann Lee"), ("Councillor Ann Lee", "Ann Lee"), ("Sir Tom Ure", "Tom Ure"),
    ("Dame Ivy Hart", "Ivy Hart"), ("Lord Bede of Wexcombe", "Bede of Wexcombe"),
    ("Baroness Oates", "Oates"), ("Dr Kay Moss", "Kay Moss"), ("Professor Lu Chan", "Lu Chan"),
    ("Rt Hon Ann Lee MP", "Ann Lee"), ("Mr Tom Ure CBE", "Tom Ure"), ("Mrs Ivy Hart OBE", "Ivy Hart"),
    ("Ms Kay Moss MBE", "Kay Moss"), ("Miss Jo Dee JP", "Jo Dee"), ("Mx Sam Rae", "Sam Rae"),
    ("Ms Ann Lee MSP", "Ann Lee"), ("Mr Tom Ure MS", "Tom Ure"), ("Mrs Ivy Hart AM", "Ivy Hart"),
    ("Mr Bo Chan MLA", "Bo Chan"), ("Y Cynghorydd Siân Pryce", "Siân Pryce"),
])
def test_every_honorific_and_post_nominal_of_uk_public_bodies(written: str, display: str) -> None:
    assert displays(f"The meeting heard from {written} on the budget.") == {display}


@pytest.mark.parametrize("written", ["Cllr Ruairí McAllister", "Mr Eoin MacLeod", "Ms Aoife O’Doherty",
                                     "Mr Tom O'Neill", "Councillor Jo Hartley-Brown", "Dr Anne-Marie Day"])
def test_mc_mac_o_and_hyphenated_names_are_never_cut(written: str) -> None:
    assert people_of(f"{written} said the report was late.") == {written}


def test_initials_with_and_without_full_stops_and_a_shared_plural_honorific() -> None:
    found = people_of("Apologies were received from Councillors R. Clarke, S. R. Colella, T Dunn and "
                      "Oates. Dr. R. J. Smith attended.")
    assert found == {"Councillor R. Clarke", "Councillor S. R. Colella", "Councillor T Dunn",
                     "Councillor Oates", "Dr. R. J. Smith"}


def test_a_run_on_attendance_line_is_split_into_people() -> None:
    line = ("Members present Mr Tom Ure, in the Chair Mrs Ivy Hart Kay Moss Mr Bo Chan Dr Lu Park "
            "Sam Rae ________ Memorandum")
    assert displays(line) == {"Tom Ure", "Ivy Hart", "Kay Moss", "Bo Chan", "Lu Park", "Sam Rae"}


def test_councillor_is_never_swallowed_into_a_name() -> None:
    found = displays("Councillors Ann Lee and Bo Chan declared interests. Councillor Ivy Hart Councillor "
                     "Tom Ure")
    assert found == {"Ann Lee", "Bo Chan", "Ivy Hart", "Tom Ure"}
    assert all(not d.startswith(("Councillor", "Cllr")) for d in found)


def test_names_printed_in_capitals_and_glued_pdf_text() -> None:
    assert [n.label for n in find_honorific_names("Witnesses: MS ANN LEE and MR BO CHAN-WARD")] == [
        "Ms Ann Lee", "Mr Bo Chan-Ward"]
    assert [n.label for n in find_honorific_names("MrJones,Chairmanofthe Board")] == ["Mr Jones"]
    assert displays("THE MAYOR (COUNCILLOR HART) IN THE CHAIR") == {"Hart"}


def test_posts_made_with_a_peerage_title_are_not_people() -> None:
    assert people_of("The Lord Mayor's Charities and the Lord Lieutenant were thanked.") == set()


def test_plain_names_supported_by_a_label_a_post_a_verb_or_a_bracket() -> None:
    text = ("Contact: Ann Lee and Bo Chan 01234 567890\n\n"
            "Lead officer: D Moss\n\n"
            "The petition was presented by Ivy Hart. She explained the concerns of residents.\n\n"
            "Tom Ure, Head of Highways, answered questions.\n\n"
            "An update from Sam Rae, Chair of the Harbour Taskforce, was noted.\n\n"
            "Apologies: Councillor Lu Park (Eastmere) & Jo Dee (Harbour Trades Council).\n\n"
            "Report of the Cabinet Member for Housing (Kit Law).\n")
    assert displays(text) == {"Ann Lee", "Bo Chan", "D Moss", "Ivy Hart", "Tom Ure", "Sam Rae", "Lu Park",
                              "Jo Dee", "Kit Law"}


def test_capitalised_phrases_without_person_context_are_not_people() -> None:
    text = ("Universal Credit was discussed with Citizens Advice and Network Rail Partners.\n\n"
            "Services for Children and Young People with Special Educational Needs: Action Plan\n\n"
            "The Closed Circuit Television (CCTV) Infrastructure was renewed.\n\n"
            "Page 5\n\nAdditional documents:\n\nTechnical Error\n")
    assert people_of(text) == set()


def test_attendance_blocks_of_any_layout() -> None:
    text = ("Present:\nMs Ann Lee MLA (Chairperson)\nTom Ure\nKay Moss\n\n"
            "Also present: Councillor Bo Chan\n\n"
            "In attendance:\nIvy Hart (IH) Head of Finance\nSam Rae (SR) Democratic Services Officer\n\n"
            "Officers: Lu Park, Monitoring Officer; Jo Dee, Planning Manager\n\n"
            "Apologies:\nMr Kit Law\n\nSubstitutes: Cllr Eve Marr for Cllr Law\n")
    assert displays(text) == {"Ann Lee", "Tom Ure", "Kay Moss", "Bo Chan", "Ivy Hart", "Sam Rae", "Lu Park",
                              "Jo Dee", "Kit Law", "Eve Marr", "Law"}


def test_a_list_in_a_table_with_surnames_in_capitals() -> None:
    text = "Present:-\nProvost Ann LEE |\nBAILIES\nTom URE |\nKay McMOSS |\n|\nBo CHAN |\n"
    assert displays(text) == {"Ann Lee", "Tom Ure", "Kay McMoss", "Bo Chan"}


def test_timed_agenda_lines_contact_headers_and_signatures() -> None:
    text = ("Ask for: Ann Lee\n\nTelephone: 01234 567890\n\n"
            "10.30 – Tom Ure, Director of Harbour Homes Limited\n\n"
            "11.00 - Kay Moss, Chief Executive, Eastmere Food Partnership\n\n"
            "Yours faithfully\n\nBo Chan\nHead of Legal Services\n")
    assert displays(text) == {"Ann Lee", "Tom Ure", "Kay Moss", "Bo Chan"}


def test_director_of_a_company_gives_the_post_and_the_organisation() -> None:
    fields = person_post_org("Tom Ure, Director of Harbour Homes Limited")
    assert [(f.name, f.value) for f in fields] == [("person", "Tom Ure"), ("post", "Director"),
                                                   ("organisation", "Harbour Homes Limited")]


def test_a_person_is_never_glued_to_an_organisation() -> None:
    assert displays("Contact: Ann Lee Democratic Services Officer\n\nContact: Bo Chan Harbour Food Trust\n") == {
        "Ann Lee", "Bo Chan"}


def test_oral_evidence_witness_panel_questions_and_speakers() -> None:
    text = ("Witnesses: Professor Ann Lee, Director, Eastmere Institute, and Dr Bo Chan, Harbour University, "
            "gave evidence.\n\n"
            "Q12 Chair: Thank you for coming.\n\n"
            "Professor Lee: We found the data wanting.\n\n"
            "Q13 Tom Ure: Can you say more?\n\n"
            "Baroness Oates of Fenmoor: I agree.\n\n"
            "The Convener (Kay Moss): Thank you.\n\n"
            "Ivy Hart (Eastmere North) (Lab): A question for the panel.\n")
    assert displays(text) == {"Ann Lee", "Bo Chan", "Lee", "Tom Ure", "Oates of Fenmoor", "Kay Moss", "Ivy Hart"}


def test_a_forename_alone_resolves_to_the_one_person_of_that_forename() -> None:
    found = people_in_document("The Chair welcomed Priya Osei, the new Head of Finance. Priya explained "
                               "the budget. Later Priya Lane said little.")
    assert [(p.label, p.rule) for p in found if p.rule == "forename"] == []  # two Priyas: no guess
    found = people_in_document("The Chair welcomed Priya Osei, the new Head of Finance. Priya explained "
                               "the budget.")
    assert [(p.label, p.rule) for p in found] == [("Priya Osei", "post"), ("Priya Osei", "forename")]


def test_a_surname_alone_is_its_documents_provisional_person_or_the_full_name(tmp_path: Path) -> None:
    people = exported_people(tmp_path, "Minutes\n\nCouncillor Quarrie asked about the budget. Ms Tam Oduya, "
                                       "Head of Finance, replied. Ms Oduya added that reserves were low.\n")
    assert people == [("Quarrie", "Councillor Quarrie"), ("Tam Oduya", "Ms Oduya", "Ms Tam Oduya")]
    second = tmp_path / "other"
    second.mkdir()
    (second / "minutes.txt").write_text("Minutes\n\nCouncillor Quarrie moved the motion.\n")
    predicted = predict_document(second / "minutes.txt")
    assert [e.iri for e in predicted.family("people")] != [e.iri for e in predict_document(
        tmp_path / "paper" / "minutes.txt").family("people")][:1]


def test_welsh_text_yields_only_the_people_it_names() -> None:
    text = ("Cyswllt: Siân Pryce  01234 567890\n\nYmddiheuriad:-         Y Cynghorydd Dafydd Owen\n\n"
            "Nododd y Swyddog Monitro fod y pwyllgor wedi cyfarfod.\n\n"
            "Cyflwynwyd adroddiad gan Elin Morgan.\n")
    assert displays(text) == {"Siân Pryce", "Dafydd Owen", "Elin Morgan"}


def test_a_holder_named_after_their_post_and_a_reporting_verb() -> None:
    text = ("The report was presented by the Director of Finance, Ann Lee.\n\n"
            "\u201cWe are on track,\u201d said Bo Chan.\n\n"
            "Task group members: Cllr Kay Moss (Chair), Cllr Tom Ure. Officer support: Ivy Hart (Scrutiny Officer)\n")
    assert displays(text) == {"Ann Lee", "Bo Chan", "Kay Moss", "Tom Ure", "Ivy Hart"}


def test_a_heading_above_a_councillors_statement_is_no_signature() -> None:
    assert displays("Harbour Sports Hub\nCouncillor Kay Moss provided the following statement:\n") == {"Kay Moss"}


def test_a_long_attendance_list_gives_every_person() -> None:
    names = [f"{first} {last}" for first in ("Ann", "Bo", "Kay", "Tom", "Ivy") for last in (
        "Lee", "Chan", "Moss", "Ure", "Hart", "Rae", "Park", "Dee", "Law", "Marr")]
    text = "Minutes\n\nPresent: " + ", ".join(f"Councillor {n}" for n in names) + ".\n\nPresent:\n" + "\n".join(
        f"{n}son" for n in names) + "\n"
    assert displays(text) == set(names) | {f"{n}son" for n in names}


def test_post_dash_name_lines_post_noun_labels_and_slashed_post_nominals() -> None:
    text = ("Officers present\nHead of Internal Audit - Kay Moss\nMonitoring Officer - Tom Ure\n\n"
            "Appointment of Honorary Aldermen: Ivy Hart and Sam Rae-Lowe\n\n"
            "Committee members in attendance\nAnn Lee AS/MS (Committee Chair)\nBo Chan AS/MS\n")
    assert displays(text) == {"Kay Moss", "Tom Ure", "Ivy Hart", "Sam Rae-Lowe", "Ann Lee", "Bo Chan"}


def test_an_organisation_that_speaks_of_its_own_work_is_no_person() -> None:
    assert people_of("Harbour Futures explained its youth offer. Minutes: noted (Appendix 7, End Hunger "
                     "at Work Charter) and agreed.") == set()


def test_table_rows_of_an_html_attendance_list_and_particles(tmp_path: Path) -> None:
    html = ("<html><body><h1>Licensing Sub-Committee</h1><table><tr><th>Name</th><th>Role</th></tr>"
            "<tr><td>Councillor Ayo Rahman</td><td>Chair</td></tr><tr><td>Nia Drummond</td>"
            "<td>Licensing Officer</td></tr><tr><td>Piet van der Berg</td><td>Solicitor</td></tr></table>"
            "<p>Page 3 of 7</p></body></html>")
    people = exported_people(tmp_path, html, "minutes.html")
    assert [labels[0] for labels in people] == ["Ayo Rahman", "Nia Drummond", "Piet van der Berg"]


def test_a_surname_alone_with_another_gender_is_another_person(tmp_path: Path) -> None:
    people = exported_people(tmp_path, "Minutes\n\nMr Keith Ballard, the applicant, spoke. Ms Ballard, his "
                                       "daughter, also spoke. Mr Ballard thanked the Sub-Committee.\n")
    assert people == [("Ballard", "Ms Ballard"), ("Keith Ballard", "Mr Ballard", "Mr Keith Ballard")]


def test_a_post_nominal_after_a_plain_name_marks_a_person() -> None:
    assert displays("The Minister, Ann Lee MP, thanked Bo Chan OBE. Kay Moss MSP (Convener) agreed.") == {
        "Ann Lee", "Bo Chan", "Kay Moss"}


def test_royals_are_named_by_their_titles_and_streets_are_not() -> None:
    text = ("Her Royal Highness, the Duchess of Cornwall, would open the hall. Her Majesty The Queen’s "
            "Platinum Jubilee was marked; Queen Elizabeth II had reigned for 70 years. The Queen Street car "
            "park and the Duke of Edinburgh Award were noted.")
    assert displays(text) == {"Duchess of Cornwall", "Elizabeth II"}


def test_a_name_the_document_uses_as_a_place_or_a_company_is_no_person() -> None:
    text = ("Residents travelled to Ashby Fenwold. Services in Ashby Fenwold were praised. "
            "Carter Holloway will deliver the works; Carter Holloway plc was appointed. Thanks to Ann Lee.")
    assert people_of(text) == {"Ann Lee"}


def test_each_people_finder_runs_alone_by_name() -> None:
    from evidence_graph.loaders.mentions import MENTION_FINDERS

    text = ("Contact: Ann Lee\n\nApologies from Councillors Bo Chan and Kay Moss. Ann explained the "
            "plan. Her Majesty The Queen was thanked.\n")
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    expected = {"people-plural-honorifics": {"Councillor Bo Chan", "Councillor Kay Moss"},
                "people-in-context": {"Ann Lee"}, "people-forenames": {"Ann Lee"},
                "people-royals": {"The Queen"}}
    for name, labels in expected.items():
        assert name in MENTION_FINDERS.names()
        assert {m.label for m in find_mentions(parsed, CorpusContext(), finders=[name])} == labels, name


# --- The fast look-ups give what the patterns they replace give (issue #9: a 5,000-name list) ---

_LABEL_LINES = [
    "Present: Ann Lee, Bo Chan and Kay Moss",
    "Contact officer (Finance): Ann Lee 01234 567890 Bo Chan (01234) and Tom Ure",
    "Report of the Chair - Ann Lee; Bo Chan & Kay Moss or Ivy Hart",
    "Apologies:- Ann Lee, Bo Chan. Also present: Kay Moss, Tom Ure",
    "Minutes. Signed: Ann Lee  ,   Bo Chan   AND Kay Moss OR  Ivy Hart",
    "The Presented by note: nothing here, Contact – Ann Lee, Bo Chan",
    "(Chair: Ann Lee) Members: Bo Chan 0123) and Kay Moss sandor Ivy",
    "Lead officer — Ann Lee, Bo Chan.Lead members:Kay Moss,  Tom Ure ",
    "Signed: .......... Ann Lee, Bo Chan. Signature ______ Kay Moss",
    "Signed …… Ann Lee and . Bo Chan; Contact: .. Kay Moss / Tom Ure",
]


@pytest.mark.parametrize("line", _LABEL_LINES)
def test_a_label_before_a_place_is_found_as_the_label_pattern_finds_it(line: str) -> None:
    pattern = people_module._label_before()
    for at in range(len(line) + 1):
        assert people_module._labelled(line, at) == bool(pattern.search(line[:at])), (line[:at])


def _written_as_organisation(text: str, name: str) -> bool:
    """The regular expression per name that ``_named_as_organisations`` replaced (the oracle)."""
    words = "|".join(re.escape(w) for w in sorted(people_module._org_words() | {"UK", "Associates", "Consulting",
                                                                                "Solicitors"}, key=len, reverse=True))
    return bool(re.search(rf"(?:\b(?:the|a|an|in|at|near|across|throughout|around)[ \u00a0]+{re.escape(name)}\b"
                          rf"(?![’']s)|(?<![\w-]){re.escape(name)}"
                          rf"(?:[ \u00a0]+(?:&|and)[ \u00a0]+Co\b|’s[ \u00a0]+(?:own|staff)|[ \u00a0]+(?:{words})\b))",
                          text))


def test_names_written_as_organisations_are_those_the_pattern_per_name_finds() -> None:
    text = ("Works by Ann Lee Ltd and the Bo Chan Trust; in Kay Moss we met; Tom Ure’s own staff; "
            "Ivy Hart & Co; the Jo Deeming report; x-Sam Rae Council; around Lu Chan's house; "
            "near  Pat Ode Associates; the Ray Orr’s plan; in\u00a0Max Ivo. Dee Ash and Co; "
            "Fay Oak Trustees; at Gil Bay")
    names = {"Ann Lee", "Bo Chan", "Kay Moss", "Tom Ure", "Ivy Hart", "Jo Dee", "Sam Rae", "Lu Chan",
             "Pat Ode", "Ray Orr", "Max Ivo", "Dee Ash", "Fay Oak", "Gil Bay", "Nobody Here"}
    expected = {name for name in names if _written_as_organisation(text, name)}
    assert people_module._named_as_organisations(text, names) == expected
    assert {"Ann Lee", "Bo Chan", "Kay Moss", "Ivy Hart", "Max Ivo"} <= expected  # the oracle is no empty set
    assert not {"Jo Dee", "Sam Rae", "Ray Orr", "Nobody Here"} & expected


def test_initials_after_a_weak_or_peerage_word_are_a_name() -> None:
    """"Alderman A Blair" (initials after a weak honorific) and "Councillor D Earl" (a surname that
    is also a title) are people; "Provost Road" and two people run together are not."""
    from evidence_graph.loaders.names import parse_person_name

    assert parse_person_name("Alderman A Blair").family == "Blair"
    assert parse_person_name("Alderman T Hill").initials == "T"
    assert parse_person_name("Councillor D Earl").family == "Earl"
    assert parse_person_name("Provost Road") is None
    assert parse_person_name("Mr A B Mrs C D") is None
