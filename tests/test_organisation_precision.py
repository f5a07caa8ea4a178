"""Organisation mentions that hold on unseen bodies' papers: lists split into their members,
labels and titles kept out of names, bare kinds, function words, field labels and people by
initials never made bodies (invented papers of invented bodies)."""

from __future__ import annotations

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.finders.organisations import plausible_organisation
from evidence_graph.loaders.finders.spans import trim_start
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def organisations_in(text: str) -> set[str]:
    """The surfaces of organisation and unit mentions in a one-paragraph document."""
    body = "Minutes\n\n" + text + "\n"
    parsed = parse_document(Document("t.txt", "t", body, "0"))
    return {body[m.start:m.end] for m in find_mentions(parsed, CorpusContext()) if m.kind in ("organisation", "unit")}


def test_a_list_whose_members_each_define_an_acronym_is_each_member() -> None:
    found = organisations_in("We took evidence from the Cog Institute (CI), Gear Trust (GT), Tarn Sprockets (TS).")
    assert {"Cog Institute", "Gear Trust", "Tarn Sprockets"} <= found
    assert not any("," in name for name in found)


def test_an_acronym_for_the_whole_name_still_keeps_one_name() -> None:
    found = organisations_in("The report was provided by the Tarn Research and Data Services (TRaDS).")
    assert "Tarn Research and Data Services" in found


def test_bare_kinds_function_words_and_field_labels_are_no_names() -> None:
    assert not plausible_organisation("Trust")
    assert not plausible_organisation("Executive")
    assert not plausible_organisation("With Council")
    assert not plausible_organisation("From Trust")
    assert not plausible_organisation("Email")
    assert not plausible_organisation("Tel")
    assert plausible_organisation("Tarnmoor Trust")
    assert plausible_organisation("Email Ventures Ltd")


def test_an_email_label_in_a_contact_line_is_no_unit() -> None:
    found = organisations_in("Contact: Ann Vell, Email\n\nContact: Bo Chan, Tarn Housing Services, Tel 01234 567890")
    assert "Email" not in found


def test_office_of_a_post_is_no_body_but_an_office_of_a_regulator_is() -> None:
    found = organisations_in("Report of: Office of Chair. The Office of the Leader and the Office for Cogs and "
                             "Gears wrote.")
    assert "Office of Chair" not in found and "Office of the Leader" not in found
    assert "Office for Cogs and Gears" in found


def test_a_person_by_initials_is_no_body_and_is_cut_from_a_body_after_of() -> None:
    assert not plausible_organisation("D R Orbison")
    assert not plausible_organisation("D.R. Orbison")
    assert trim_start("D R Orbison of Orbison Widgets Ltd") == (15, "Orbison Widgets Ltd")
    assert trim_start("Friends of Tarn Park") == (0, "Friends of Tarn Park")
    found = organisations_in("The evidence of D R Orbison of Orbison Widgets Ltd was heard. Officers met with "
                             "D R Pellow and the Tarn Ramblers.")
    assert "Orbison Widgets Ltd" in found
    assert not any("Orbison of" in name or "Pellow" in name for name in found)


def test_a_policy_title_is_no_body_and_a_body_cut_before_a_title_head_is_none() -> None:
    found = organisations_in("Staff from Primary and Secondary School Admission Arrangements attended. The "
                             "Primary and Secondary School Admission Arrangements 2025 were agreed. The Tarn "
                             "Health and Care Bill was noted.")
    assert not any(name.startswith(("Primary", "Tarn Health")) for name in found)


def test_a_body_with_no_title_after_it_is_kept() -> None:
    assert "Tarnmoor Academy Trust" in organisations_in("The Tarnmoor Academy Trust agreed the plan.")


def test_classes_of_people_and_bodies_after_a_cue_are_no_names() -> None:
    found = organisations_in("There was an approach from Developers. We heard evidence from Witnesses. A meeting "
                             "with Senior Officers took place. The service works with Schools and Academies. "
                             "Members were appointed to Outside Bodies. She is a member of Unite.")
    assert found == {"Unite"}


def test_a_class_needs_plurals_only_or_a_class_modifier() -> None:
    assert plausible_organisation("Tarn Valley Ramblers")
    assert plausible_organisation("Samaritans")
    assert not plausible_organisation("Stakeholders")
    assert not plausible_organisation("Parents and Carers")


def test_numbered_parts_posts_objects_and_money_after_a_cue_are_no_bodies() -> None:
    found = organisations_in("Evidence from Question 4 shows it. Together with Appendix A the report was noted. "
                             "The report was submitted by Head of Finance. The contract with Phase Two was "
                             "extended. The scheme had a grant from Lottery Funding, funded by Central "
                             "Government Grant. Pupils supported by Year 6 helped.")
    assert found == set()


def test_a_post_word_is_no_head_first_bodys_object_and_admissions_are_no_body() -> None:
    found = organisations_in("Letters came from the Friends of Tarn Park and the Association of Chair. Mr Ted "
                             "Hale, Treasurer, Primary School Admissions, and Ms Ann Vell, Chair, Tarn Valley "
                             "Trust, attended.")
    assert {"Friends of Tarn Park", "Tarn Valley Trust"} <= found
    assert "Association of Chair" not in found and "Primary School Admissions" not in found


def test_an_acronym_and_another_name_after_a_cue_are_two_bodies() -> None:
    found = organisations_in("Evidence from the QBR and HMQFRS shows this. Officers work with Marketing and Events.")
    assert {"QBR", "HMQFRS"} <= found
    assert "QBR and HMQFRS" not in found


def test_counters_and_local_offices_are_no_bodies_of_state() -> None:
    found = organisations_in("Tickets from the Box Office and the Ticket Office; letters to Head Office. The "
                             "Cabinet Office and the Met Office replied.")
    assert {"Cabinet Office", "Met Office"} <= found
    assert not {"Box Office", "Ticket Office", "Head Office"} & found


def test_an_electoral_division_a_lettered_part_and_a_verb_before_a_unit_are_no_units() -> None:
    found = organisations_in("Councillor Ann Vell represents the Fenmoor North Division. The Fenmoor West "
                             "Division councillor spoke. See Appendix B Section Four. Contact the Customer "
                             "Contact Team. The Planning Section reported.")
    assert {"Customer Contact Team", "Planning Section"} <= found
    assert not any(name.endswith("Division") or name.startswith(("B ", "Contact the")) for name in found)


def test_an_nhs_title_and_a_nation_word_inside_a_longer_name_are_no_bodies() -> None:
    found = organisations_in("The NHS Pay Review and the NHS Staff Survey were noted; NHS Tarnmoor wrote. "
                             "Keep Wales Tidy and Rowing Wales helped.")
    assert {"NHS Tarnmoor", "Rowing Wales"} <= found
    assert not {"NHS Pay Review", "NHS Staff Survey", "Keep Wales"} & found


def test_a_presiding_officers_title_after_a_cue_is_no_body() -> None:
    found = organisations_in("A letter from the Speaker was read. Correspondence with the Clerk followed. A "
                             "letter from the Tarnmoor Rowing Club came.")
    assert not {"Speaker", "Clerk"} & found
