"""Attendance-list layouts of other bodies' minutes (issue 9, point 2), each on invented text
in the real layout: borough-style plural-honorific groups behind a dash, officers run on as
"Post – Name" pairs, people run on from the last one's organisation, and lists that a PDF
flattened into one line without commas."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence_graph.evaluation.predicted import predict_document
from evidence_graph.loaders.blocks import ParsedDocument
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.names import parse_person_name
from evidence_graph.loaders.structure import parse_document
from evidence_graph.loaders.structure.minutes import dashed_pairs, member_list


def parsed(text: str) -> ParsedDocument:
    return parse_document(Document("minutes.txt", "minutes", text, "0"))


def minutes(*lines: str) -> str:
    """An invented meeting's minutes with the given attendance lines under its title."""
    return ("Minutes of the Meeting of the Wexcombe Harbour Committee held on 3 March 2026\n\n"
            + "\n".join(lines) + "\n\n1. Apologies\n\nThe Chair welcomed everyone to the meeting.\n")


def attendance(doc: ParsedDocument) -> list[tuple[str, str]]:
    """Every field of the attendance, membership and apologies blocks, in order."""
    return [(f.name, f.value) for b in doc.blocks if b.kind in ("membership", "attendance", "apologies")
            for f in b.fields]


def spans_hold_their_names(doc: ParsedDocument) -> bool:
    """Whether every person field's span is the name as written (a shared honorific aside)."""
    return all(f.value.endswith(doc.document.text[f.start:f.end]) for b in doc.blocks for f in b.fields
               if f.name in ("person", "member", "chair"))


def test_plural_honorifics_behind_a_dash_share_themselves_out_over_the_next_line() -> None:
    doc = parsed(minutes("Members Present : Aldermen – T Bly, B Cole, C Dunn and D Eyre",
                         "Councillors – E Fox, F Gray, G Hill H Ince, J Kerr, R B Lowe and M McNabb"))
    assert attendance(doc) == [("member", name) for name in (
        "Alderman T Bly", "Alderman B Cole", "Alderman C Dunn", "Alderman D Eyre", "Councillor E Fox",
        "Councillor F Gray", "Councillor G Hill", "Councillor H Ince", "Councillor J Kerr",
        "Councillor R B Lowe", "Councillor M McNabb")]
    assert spans_hold_their_names(doc)
    assert all(parse_person_name(value) for _, value in attendance(doc))


def test_a_plural_honorific_with_a_colon_and_names_with_forenames() -> None:
    fields = member_list("Cllrs: Ann Vale, Bo Quill; Messrs Tor and Penn")
    assert [(f.name, f.value) for f in fields] == [
        ("member", "Cllr Ann Vale"), ("member", "Cllr Bo Quill"), ("member", "Mr Tor"), ("member", "Mr Penn")]


def test_in_the_chair_names_the_holder_of_a_post_in_brackets() -> None:
    doc = parsed(minutes("In the Chair : Mayor (Councillor J Doyle)",
                         "Members Present : Councillors – E Fox and F Gray"))
    assert attendance(doc) == [("chair", "Councillor J Doyle"), ("member", "Councillor E Fox"),
                               ("member", "Councillor F Gray")]
    assert spans_hold_their_names(doc)


def test_one_name_per_line_under_a_label_with_a_chair_mark() -> None:
    fields = member_list("Councillor Ann Vale (Chairman)\nCouncillor Bo Quill (Vice-Chair)\nMr Tor Penn")
    assert [(f.name, f.value) for f in fields] == [
        ("chair", "Councillor Ann Vale"), ("vice-chair", "Councillor Bo Quill"), ("member", "Mr Tor Penn")]


def test_officers_run_on_as_post_dash_name_pairs_each_get_their_post() -> None:
    doc = parsed(minutes("Officers Present : Chief Executive - J Doyle Director of Finance – Kay Roe "
                         "Head of Legal Services – P Vane ICT Officer – T Moss"))
    assert attendance(doc) == [
        ("person", "J Doyle"), ("post", "Chief Executive"), ("person", "Kay Roe"), ("post", "Director of Finance"),
        ("person", "P Vane"), ("post", "Head of Legal Services"), ("person", "T Moss"), ("post", "ICT Officer")]
    assert spans_hold_their_names(doc)


def test_name_dash_post_pairs_run_on_the_other_way_round() -> None:
    doc = parsed(minutes("Officers: J Doyle – Chief Executive Kay Roe – Director of Finance",
                         "In Attendance: Mr T Penn – Clerk; Mrs R Vale – Head of Planning, Wexcombe Harbour Trust"))
    assert attendance(doc) == [
        ("person", "J Doyle"), ("post", "Chief Executive"), ("person", "Kay Roe"), ("post", "Director of Finance"),
        ("person", "Mr T Penn"), ("post", "Clerk"), ("person", "Mrs R Vale"), ("post", "Head of Planning"),
        ("organisation", "Wexcombe Harbour Trust")]
    assert spans_hold_their_names(doc)


def test_lines_with_a_dash_that_are_no_pairs() -> None:
    assert dashed_pairs("Chief Executive – the report was noted") is None
    assert dashed_pairs("Head of Legal Services") is None
    assert dashed_pairs("J Doyle – Chief Executive Kay Roe – to follow") is None


def test_a_post_or_holder_in_brackets_and_entries_run_on_after_a_bracket() -> None:
    doc = parsed(minutes("Officers in Attendance: Chief Executive (J Doyle), Director of Finance (Kay Roe)",
                         "Also Present: Jane Dorling (Clerk) Nick Rowe (Finance Officer)"))
    assert attendance(doc) == [
        ("person", "J Doyle"), ("post", "Chief Executive"), ("person", "Kay Roe"), ("post", "Director of Finance"),
        ("person", "Jane Dorling"), ("post", "Clerk"), ("person", "Nick Rowe"), ("post", "Finance Officer")]
    assert spans_hold_their_names(doc)


def test_two_name_words_before_a_post_unless_two_would_leave_no_post() -> None:
    pairs = dashed_pairs("Chief Executive – Nick Rowe Policy Officer – Mary Ann Doyle")
    assert pairs is not None
    assert [(f.name, f.value) for f in pairs] == [
        ("person", "Nick Rowe"), ("post", "Chief Executive"), ("person", "Mary Ann Doyle"),
        ("post", "Policy Officer")]


def test_a_person_run_on_from_the_last_ones_organisation_starts_a_new_entry() -> None:
    doc = parsed(minutes("In Attendance : Mr Sam Lyle, Director of Housing, WHX Ms Ann Kerrow, "
                         "Area Manager North, WHX"))
    assert attendance(doc) == [("person", "Mr Sam Lyle"), ("post", "Director of Housing"), ("organisation", "WHX"),
                               ("person", "Ms Ann Kerrow"), ("post", "Area Manager North"), ("organisation", "WHX")]
    assert spans_hold_their_names(doc)


def test_flattened_lists_split_into_whole_names_and_a_label_inside_the_line() -> None:
    doc = parsed(minutes("Present: Piers Abney Eric Bannan Duncan Corrie Anne Maclaren Willie MacAskill "
                         "Robert Sevenoak",
                         "In Attendance: Jane Dorling, Interim Chief Executive, QNPA Nick Rowe, "
                         "Policy & Projects, QNPA Andy Peyton, Head of Corporate Services "
                         "Apologies: Sally Deane Joyce Linwood"))
    people = [value for name, value in attendance(doc) if name in ("member", "person")]
    assert people == ["Piers Abney", "Eric Bannan", "Duncan Corrie", "Anne Maclaren", "Willie MacAskill",
                      "Robert Sevenoak", "Jane Dorling", "Nick Rowe", "Andy Peyton", "Sally Deane",
                      "Joyce Linwood"]
    assert {("post", "Head of Corporate Services"), ("post", "Policy & Projects")} <= set(attendance(doc))
    assert ("organisation", "Policy & Projects") not in attendance(doc)
    assert spans_hold_their_names(doc)


@pytest.mark.parametrize("line", [
    "Present: Peter Abney Eric",                 # does not divide into whole names
    "Present: Members of the Public",            # lower-case words: no run of names
    "Present: Officers Cabinet Members Council Staff",  # words that are never names
])
def test_runs_that_are_no_flattened_list_of_names_are_left_alone(line: str) -> None:
    assert [value for _, value in attendance(parsed(minutes(line)))] in ([], ["Peter Abney Eric"])


def test_the_people_of_each_layout_are_exported(tmp_path: Path) -> None:
    text = minutes("Members Present : Aldermen – T Bly and B Cole",
                   "Councillors – G Hill H Ince",
                   "Officers Present : Chief Executive - J Doyle Director of Finance – Kay Roe",
                   "In Attendance: Jane Dorling, Interim Chief Executive, QNPA Nick Rowe, Policy Officer, QNPA",
                   "Apologies: Sally Deane Joyce Linwood")
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "minutes.txt").write_text(text)
    predicted = predict_document(folder / "minutes.txt")
    assert predicted.errors == []
    labels = {label for entity in predicted.family("people") for label in entity.labels}
    for name in ("T Bly", "B Cole", "G Hill", "H Ince", "J Doyle", "Kay Roe", "Jane Dorling", "Nick Rowe",
                 "Sally Deane", "Joyce Linwood"):
        assert any(name in label for label in labels), name


WRITTEN_EVIDENCE_LIST = """Wexcombe Affairs Committee

List of written evidence

The following written evidence was received and can be viewed on the inquiry web page. WXA numbers
are generated by the evidence processing system and so may not be complete.

WXA 01 [Jane Doyle] WXA 02 [Harbour Kite Foundation (supplementary)] WXA 03 [Tarn Widgets Association (TWA)]
WXA 04 [Professor Kay Moss] WXA05 [Peter Abney](https://example.org/evidence/5)
"""


def test_a_list_of_written_evidence_names_each_submitter() -> None:
    doc = parsed(WRITTEN_EVIDENCE_LIST)
    assert doc.parts[0].kind == "written-evidence"
    listed = [(f.name, f.value) for b in doc.blocks if b.kind == "submitter-list" for f in b.fields]
    assert listed == [("person", "Jane Doyle"), ("organisation", "Harbour Kite Foundation"),
                      ("organisation", "Tarn Widgets Association"), ("person", "Professor Kay Moss"),
                      ("person", "Peter Abney")]
    assert all(doc.document.text[f.start:f.end] == f.value for b in doc.blocks for f in b.fields)


def test_a_paragraph_with_a_bracket_after_a_reference_is_no_list_of_written_evidence() -> None:
    doc = parsed("List of written evidence\n\nWe refer to HC 12 [Jane Doyle] in our earlier memorandum, and to "
                 "the reply.\n")
    assert [b for b in doc.blocks if b.kind == "submitter-list"] == []


def test_the_submitters_of_a_written_evidence_list_are_exported(tmp_path: Path) -> None:
    folder = tmp_path / "paper"
    folder.mkdir()
    (folder / "evidence.txt").write_text(WRITTEN_EVIDENCE_LIST)
    predicted = predict_document(folder / "evidence.txt")
    assert predicted.errors == []
    people = {label for entity in predicted.family("people") for label in entity.labels}
    organisations = {label for entity in predicted.family("organisations") for label in entity.labels}
    assert {"Jane Doyle", "Peter Abney"} <= people and any("Kay Moss" in label for label in people)
    assert {"Harbour Kite Foundation", "Tarn Widgets Association", "TWA"} <= organisations


def test_groups_of_a_plural_honorific_run_on_in_one_line_and_honorific_names_without_commas() -> None:
    fields = member_list("Councillor S Penn (Chair) Aldermen Hillis, Quill and T Ross Councillors Ames, Bo Chan")
    assert [(f.name, f.value) for f in fields] == [
        ("chair", "Councillor S Penn"), ("member", "Alderman Hillis"), ("member", "Alderman Quill"),
        ("member", "Alderman T Ross"), ("member", "Councillor Ames"), ("member", "Councillor Bo Chan")]
    fields = member_list("Councillor Piers Abney (Chair) Councillor Eric Bannan Councillor Duncan Corrie")
    assert [(f.name, f.value) for f in fields] == [
        ("chair", "Councillor Piers Abney"), ("member", "Councillor Eric Bannan"),
        ("member", "Councillor Duncan Corrie")]


def test_in_the_chair_after_a_name_marks_the_chair() -> None:
    doc = parsed(minutes("Present: The Mayor (Councillor J Doyle) (In the Chair); Aldermen B Cole and C Dunn"))
    assert attendance(doc) == [("chair", "Councillor J Doyle"), ("member", "Alderman B Cole"),
                               ("member", "Alderman C Dunn")]


def test_a_post_dash_name_line_takes_posts_it_does_not_know_between_the_pairs() -> None:
    pairs = dashed_pairs("Chief Executive – J Doyle Democratic Services – Kay Roe Policy & Projects – Ann Lyle")
    assert pairs is not None
    assert [(f.name, f.value) for f in pairs] == [
        ("person", "J Doyle"), ("post", "Chief Executive"), ("person", "Kay Roe"), ("post", "Democratic Services"),
        ("person", "Ann Lyle"), ("post", "Policy & Projects")]
    assert dashed_pairs("Chief Executive – J Doyle said the report was late – Kay Roe") is None


def test_an_alderman_whose_surname_is_also_a_place_word_keeps_the_honorific() -> None:
    fields = member_list("Aldermen – T Hill, K Ward, A Blair and M McNabb")
    assert [(f.name, f.value) for f in fields] == [
        ("member", "Alderman T Hill"), ("member", "Alderman K Ward"), ("member", "Alderman A Blair"),
        ("member", "Alderman M McNabb")]
    assert all(parse_person_name(f.value) for f in fields)


def test_a_flattened_list_with_a_three_word_name_keeps_the_names_every_division_shares() -> None:
    # Seven words: one three-word name, and "Maclaren" ends a name; "Peter Abney Anne" or
    # "Anne Marie Maclaren" cannot be told apart, "Robert Sevenoak" is certain.
    fields = member_list("Peter Abney Anne Marie Maclaren Robert Sevenoak")
    assert [(f.name, f.value) for f in fields] == [("member", "Robert Sevenoak")]
    # "O'Dowd" ends the first name, so the three-word name is the first one.
    fields = member_list("Anne Marie O'Dowd Robert Sevenoak Eric Bannan")
    assert [f.value for f in fields] == ["Anne Marie O'Dowd", "Robert Sevenoak", "Eric Bannan"]


def test_a_group_of_members_in_a_paragraph_of_its_own_continues_the_list() -> None:
    doc = parsed(minutes("Members Present : Aldermen – T Bly, B Cole", "", "Councillors – E Fox, G Hill H Ince",
                         "", "Councillors Ames and Quill"))
    assert attendance(doc) == [("member", name) for name in (
        "Alderman T Bly", "Alderman B Cole", "Councillor E Fox", "Councillor G Hill", "Councillor H Ince",
        "Councillor Ames", "Councillor Quill")]
    doc = parsed(minutes("Present: Councillor Ann Vale (Chair)", "", "Councillors Fox and Gray declared an interest."))
    assert attendance(doc) == [("chair", "Councillor Ann Vale")]


def test_a_person_run_on_after_a_post_or_bare_before_a_post_starts_a_new_entry() -> None:
    doc = parsed(minutes("In Attendance: Grant Rowe, Chief Executive Officer Dana Moss, Director of Corporate "
                         "Services Kay Penn, Head of Planning, Bo Chan, Director of Finance"))
    assert attendance(doc) == [
        ("person", "Grant Rowe"), ("post", "Chief Executive Officer"), ("person", "Dana Moss"),
        ("post", "Director of Corporate Services"), ("person", "Kay Penn"), ("post", "Head of Planning"),
        ("person", "Bo Chan"), ("post", "Director of Finance")]
    assert spans_hold_their_names(doc)


def test_a_post_whose_last_words_could_be_a_name_is_not_cut_without_a_post_after_it() -> None:
    doc = parsed(minutes("In Attendance: Ann Lyle, Head of Strategic Planning, Wexcombe Harbour Trust"))
    assert attendance(doc) == [("person", "Ann Lyle"), ("post", "Head of Strategic Planning"),
                               ("organisation", "Wexcombe Harbour Trust")]


def test_an_organisation_or_a_post_and_organisation_in_brackets_after_a_name() -> None:
    doc = parsed(minutes("In Attendance: Mr J Doyle (WHX), Ms Ann Kerrow (Harbour Kite Trust), "
                         "Jane Dorling (Clerk, QNPA)"))
    assert attendance(doc) == [("person", "Mr J Doyle"), ("organisation", "WHX"), ("person", "Ms Ann Kerrow"),
                               ("organisation", "Harbour Kite Trust"), ("person", "Jane Dorling"), ("post", "Clerk"),
                               ("organisation", "QNPA")]
    assert all(doc.document.text[f.start:f.end] == f.value for b in doc.blocks if b.kind == "attendance"
               for f in b.fields)


def test_a_list_of_written_evidence_one_entry_a_line() -> None:
    doc = parsed("List of written evidence\n\nWXA 01 Jane Doyle\nWXA0002 – Harbour Kite Foundation\n"
                 "WXA 03: Tarn Widgets Association (TWA)\n\n1 Professor Kay Moss (WXA 04)\n2 Peter Abney (WXA 05)\n\n"
                 "WXA 06 The witness said that the plan was late. It was.\nWXA 07 And so it was.\n")
    listed = [(f.name, f.value) for b in doc.blocks if b.kind == "submitter-list" for f in b.fields]
    assert listed == [("person", "Jane Doyle"), ("organisation", "Harbour Kite Foundation"),
                      ("organisation", "Tarn Widgets Association"), ("person", "Professor Kay Moss"),
                      ("person", "Peter Abney")]
    assert all(doc.document.text[f.start:f.end] == f.value for b in doc.blocks for f in b.fields)


def test_names_and_posts_run_on_with_no_separator_at_all() -> None:
    doc = parsed(minutes("In Attendance: Jane Dorling Interim Chief Executive Nick Rowe Head of Planning Policy "
                         "Kay Penn Democratic Services Officer"))
    assert attendance(doc) == [
        ("person", "Jane Dorling"), ("post", "Interim Chief Executive"), ("person", "Nick Rowe"),
        ("post", "Head of Planning Policy"), ("person", "Kay Penn"), ("post", "Democratic Services Officer")]
    assert spans_hold_their_names(doc)


def test_apologies_inside_a_list_of_those_present_are_named_but_not_members_present() -> None:
    doc = parsed(minutes("Present: Councillors Ames and Quill Apologies: Councillor Bo Chan",
                         "In Attendance: Jane Dorling (Clerk)"))
    assert attendance(doc) == [("member", "Councillor Ames"), ("member", "Councillor Quill"),
                               ("person", "Councillor Bo Chan"), ("person", "Jane Dorling"), ("post", "Clerk")]
    doc = parsed(minutes("In Attendance: Jane Dorling (Clerk)", "Apologies: Councillor Bo Chan"))
    assert attendance(doc) == [("person", "Jane Dorling"), ("post", "Clerk"), ("member", "Councillor Bo Chan")]
