"""People on layouts of unseen bodies' papers: decision-notice fields, contact lines, signatures,
posts printed in capitals and names with diacritics, each on an invented fixture (the bodies and
people do not exist)."""

from __future__ import annotations

import unicodedata

from conftest import text_mentions

from evidence_graph.loaders.finders.people import people_in_document
from evidence_graph.loaders.names import find_honorific_names, parse_person_name


def mentions_of(text: str, kind: str = "person") -> set[str]:
    """The labels of a document's mentions of one kind."""
    return {label for _kind, label in text_mentions(text, (kind,))}


def labels_of(text: str) -> set[str]:
    """The labels of the people this module's plain-name rules find."""
    return {p.label for p in people_in_document(text)}


def test_form_field_names_of_a_decision_notice_are_no_people() -> None:
    text = ("Decision details\n\nDecision Maker: Cabinet\n\nReference Number :-3318\n\n"
            "Alternative Options Considered :-None.\n\nReason For Decision:- To renew the lease.\n")
    assert labels_of(text) == set()
    assert mentions_of(text) == set()


def test_a_short_field_value_after_a_colon_is_no_speech() -> None:
    # Two title-case words that are no known field name: the value is too short to be speech.
    assert labels_of("Funding Stream: grant\n\nBudget Line: 4471\n") == set()


def test_a_transcript_speaker_label_still_counts() -> None:
    assert labels_of("Tomos Pryce: I thank the committee.\n") == {"Tomos Pryce"}
    assert labels_of("Q7 Nerys Hale (Carmarthen) (PC): No.\n") == {"Nerys Hale"}
    assert labels_of("Q8 Nerys Hale: I think we would want to see it done\n") == {"Nerys Hale"}


def test_a_name_before_a_company_form_is_a_company() -> None:
    text = ("The lease between Wexmoor Council and Copper Kettle (Ireland) Limited of 12B Mill Road was "
            "agreed. A contract with Amber Fields (UK) Ltd and with Silver Birch plc was extended.\n")
    assert labels_of(text) == set()
    assert not {"Copper Kettle", "Amber Fields", "Silver Birch"} & mentions_of(text)


def test_a_name_with_a_middle_initial_after_its_forename() -> None:
    assert [n.label for n in find_honorific_names("Present: Mrs Siān C James and Mr Owain P. Rhys.")] == [
        "Mrs Siān C James", "Mr Owain P. Rhys"]
    # An undotted "A" or "I" after a surname is more often a word than an initial.
    assert [n.label for n in find_honorific_names("Cllr Lee I Agree")] == ["Cllr Lee"]
    assert [n.label for n in find_honorific_names("Cllr Ann Lee A Report")] == ["Cllr Ann Lee"]


def test_names_with_welsh_irish_and_combining_accents_are_never_cut() -> None:
    for name in ("Siān Llŷr", "Gwenllïan Ŵyn", "Seán Ó Briain", "Ștefan Țurcan", "Dafydd Ẁyn"):
        assert labels_of(f"Contact: {name}, Democratic Services\n") == {name}, name
    decomposed = unicodedata.normalize("NFD", "Siân Môn")
    assert labels_of(f"Contact: {decomposed}, Clerk\n") == {decomposed}
    assert parse_person_name(f"Mrs {decomposed}").family == unicodedata.normalize("NFD", "Môn")


def test_two_contacts_joined_by_a_slash() -> None:
    text = "Contact: Nia Brook / Hollie Varne, Governance Services, Tel: 01632 960123\n"
    assert labels_of(text) == {"Nia Brook", "Hollie Varne"}


def test_a_contact_label_a_post_and_a_dash_before_the_name() -> None:
    text = "Contact Officer :-Head of Asset Management - Carys Lyle\n"
    assert labels_of(text) == {"Carys Lyle"}


def test_a_signature_line() -> None:
    assert labels_of("Signature:  Piers Calloway\n\nDate: 3 March 2025\n") == {"Piers Calloway"}


def test_a_post_then_the_name_on_its_line_in_capitals_or_title_case() -> None:
    assert labels_of("CLERK TO THE COMMITTEE Jamie Holt\n") == {"Jamie Holt"}
    # As the text reads once its capitals are restored.
    assert labels_of("Clerk to the Committee Jamie Holt\n") == {"Jamie Holt"}
    assert labels_of("Head of Legal Services Orla Penn, Tel: 01632 960555\n") == {"Orla Penn"}
    # Not a heading in capitals before a phrase.
    assert labels_of("ANNUAL REPORT Local Plan Review\n") == set()


def test_an_honorific_that_is_also_a_surname_ends_a_name() -> None:
    assert [n.label for n in find_honorific_names("IV: Mr Owen Baron.")] == ["Mr Owen Baron"]
    assert [n.label for n in find_honorific_names("Mr A Lord Mrs B Cole")] == ["Mr A Lord", "Mrs B Cole"]
    # Before another name word the honorific starts the next person.
    assert [n.label for n in find_honorific_names("Mr Tom Ure Lord Penwith")] == ["Mr Tom Ure", "Lord Penwith"]


def test_the_one_witness_of_a_numbered_panel_under_a_witnesses_heading() -> None:
    text = ("Witnesses\n\nI: Carys Dee, Owen Pryce and Meg Lusk.\n\nII: Rhian Tudwal.\n\n"
            "III: Dr Alun Gower.\n\nIV: Ffion Madoc.\n\nWritten evidence\n")
    assert {"Rhian Tudwal", "Ffion Madoc", "Carys Dee", "Owen Pryce", "Meg Lusk"} <= labels_of(text)
    # Numbered lines with no witnesses heading above are agenda items, not people.
    assert labels_of("Agenda\n\nII: Rhian Tudwal.\n\nIV: Tree Planting.\n") == set()


def test_a_plural_in_ies_of_a_word_that_is_never_a_name() -> None:
    text = "Declarations. Relevant Authorities (Disclosable Pecuniary Interests) Regulations 2012\n"
    assert labels_of(text) == set()


def test_a_post_title_as_the_label_before_a_colon() -> None:
    assert labels_of("Clerk to the Panel: Gwion Teifi\n") == {"Gwion Teifi"}
    assert labels_of("Secretary to the Trust: Gwion Teifi\n") == {"Gwion Teifi"}
    # A field name that is no post.
    assert labels_of("Budget Line: Gwion Teifi\n") == set()


def test_a_one_letter_particle_in_a_list_under_a_plural_honorific() -> None:
    text = "Present: Councillors Siân Gruffydd, Seán Ó Murchú and Zoë Ćwik\n"
    assert labels_of(text) == {"Councillor Siân Gruffydd", "Councillor Seán Ó Murchú", "Councillor Zoë Ćwik"}


def test_names_in_capitals_with_extended_latin_letters() -> None:
    assert labels_of("Witnesses: ŁUKASZ NOWAK and ŴYN ELLIS\n") == {"Łukasz Nowak", "Ŵyn Ellis"}
    assert [n.label for n in find_honorific_names("MR ŴYN ELLIS said")] == ["Mr Ŵyn Ellis"]


def test_a_company_alone_on_its_line_in_a_list_of_names() -> None:
    text = "Present:\nCarys Dee\nOwen Pryce\nGreen Lantern CIC\n"
    assert labels_of(text) == {"Carys Dee", "Owen Pryce"}


def test_name_shaped_headings_alone_support_no_one() -> None:
    # Agenda headings in title case (or restored from capitals) are name-shaped lines side by side.
    text = ("Parish Council Meeting\n\nMonday 3 June 2024\n\nTree Works\n\nBus Shelters\n\nDog Fouling\n\n"
            "War Memorial\n\nThe meeting closed.\n")
    assert labels_of(text) == set()
    assert labels_of("Agenda\n\n1. Tree Works\n2. Bus Shelters\n3. Village Hall\n") == set()


def test_name_lines_under_a_heading_of_people_without_a_colon() -> None:
    text = "Bailies\nTomos PRYCE |\nNerys HALE |\nCouncillors\nCarys DEE |\nOwen MADOC |\nIn the Chair.\n"
    assert labels_of(text) == {"Tomos Pryce", "Nerys Hale", "Carys Dee", "Owen Madoc"}
    # A chain of name lines is a list when one of them is: a signature under the last.
    assert labels_of("Seren Lusk\nGwion Teifi\nChief Executive\n") == {"Seren Lusk", "Gwion Teifi"}


def test_a_clause_that_starts_with_a_post_is_no_post_before_a_name() -> None:
    assert labels_of("The Clerk reported on Tree Works, Bus Shelters and Dog Fouling.\n") == set()
    assert labels_of("The report was presented by the Director of Finance, Rhian Tudwal.\n") == {"Rhian Tudwal"}
    assert labels_of("Clerk reported on Tree Works: Bus Shelters\n") == set()


def test_a_signature_with_a_dotted_or_ruled_leader() -> None:
    assert labels_of("Signed: .................... Piers Calloway\n") == {"Piers Calloway"}
    assert labels_of("Signature ________ Piers Calloway (Chair)\n") == {"Piers Calloway"}
    assert labels_of("Signed: …………… Piers Calloway\n") == {"Piers Calloway"}


def test_an_undotted_a_or_i_is_an_initial_before_a_surname_that_ends_the_entry() -> None:
    text = "PRESENT Mr Alex A MacDonald (Convener) Mr John A Maciver Mr Donald I Nicholson Mrs Ann Lee\n"
    assert [n.label for n in find_honorific_names(text)] == [
        "Mr Alex A MacDonald", "Mr John A Maciver", "Mr Donald I Nicholson", "Mrs Ann Lee"]
    assert [n.label for n in find_honorific_names("Cllr Lee I Agree with the report.")] == ["Cllr Lee"]


def test_a_forename_an_initial_and_a_surname_are_a_person_in_prose() -> None:
    found = labels_of("The winning team had been Christina L Macleod and Iain M Macmillan, and Christina "
                      "had also won the prize.\n")
    assert {"Christina L Macleod", "Iain M Macmillan"} <= found
    # An initial between words that are no forename and surname names nobody.
    assert not labels_of("The Stornoway A Road Improvement Scheme was noted.\n") & {"Stornoway A Road"}


def test_a_lone_initial_a_or_i_opens_a_name_when_dotted_or_before_a_mac_surname() -> None:
    assert parse_person_name("A. Fraser") is not None and parse_person_name("A. Fraser").family == "Fraser"
    assert parse_person_name("A McCooke") is not None
    assert parse_person_name("A Plan") is None and parse_person_name("I Agree") is None
    found = labels_of("In Attendance C. Hatton, Chief Executive; A. Fraser, Head of Democratic Services.\n")
    assert {"C. Hatton", "A. Fraser"} <= found


def test_a_surname_that_is_a_word_goes_on_a_list_of_surnames() -> None:
    found = labels_of("Councillors Pearson, Green, Braun and Layfield were invited to speak.\n")
    assert {"Councillor Pearson", "Councillor Green", "Councillor Braun", "Councillor Layfield"} <= found
    # A list does not run into the next sentence's words.
    assert "Councillor Planning" not in labels_of("Councillors Smith and Planning Officers attended.\n")


def test_a_name_over_a_line_of_what_the_member_sits_as_is_a_person() -> None:
    text = ("Members\n\nRole\n\nLynne SHORT\n\nNominated by Tarn City Council (Elected Member)\n\n"
            "Bill CAMPBELL\n\nNominated by Tarn Health Board (Non-Executive Member)\n")
    assert {"Lynne Short", "Bill Campbell"} <= labels_of(text)


def test_a_list_cut_inside_a_bodys_name_gives_no_person() -> None:
    from evidence_graph.loaders.structure.fields import leading_person

    # "Apologies were received from …, Chair of the Tarnmoor and Wexley Integrated Care Board":
    # a list split at "and" inside the body's name leaves pieces that are no people.
    assert leading_person("Wexley Integrated Care Board") is None
    assert leading_person("Tarnshire Fire") is None
    assert leading_person("Hugh Kerr").value == "Hugh Kerr"
    assert leading_person("Carolyn Mcvitte Stepahead Support").value == "Carolyn Mcvitte"
