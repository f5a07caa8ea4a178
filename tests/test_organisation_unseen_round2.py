"""Organisation mentions on unseen bodies' papers, round two: a committee, a title or a body's
people before "of" a body's name are cut off it; post titles, disease and topic acronyms and
numbered sections are no bodies; a committee's name stands alone in a list (invented papers of
invented bodies)."""

from __future__ import annotations

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.finders.organisations import plausible_organisation
from evidence_graph.loaders.finders.spans import trim_start
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def organisations_in(text: str) -> set[str]:
    """The surfaces of organisation and unit mentions in a short document."""
    body = text if text.startswith("Minutes") else "Minutes\n\n" + text + "\n"
    parsed = parse_document(Document("t.txt", "t", body, "0"))
    return {body[m.start:m.end] for m in find_mentions(parsed, CorpusContext()) if m.kind in ("organisation", "unit")}


def test_a_committee_of_a_council_in_a_title_is_the_council_not_a_body() -> None:
    found = organisations_in("Minutes of the Cabinet of Wendlow District Council\n\nPresent: Councillor A Marsh.\n")
    assert "Wendlow District Council" in found
    assert not any(name.startswith("Cabinet") for name in found)


def test_a_committee_or_executive_before_of_is_cut() -> None:
    assert trim_start("Cabinet of Wendlow District Council")[1] == "Wendlow District Council"
    assert trim_start("Executive of Brockhurst County Council")[1] == "Brockhurst County Council"
    assert trim_start("Board of Trustees")[1] == "Board of Trustees"


def test_aldermen_and_councillors_of_a_council_are_the_council() -> None:
    found = organisations_in("The Aldermen & Councillors of Wendlow City Council sent greetings.")
    assert "Wendlow City Council" in found
    assert not any("Aldermen" in name for name in found)


def test_a_strategy_for_a_council_is_no_body_but_the_council_is() -> None:
    found = organisations_in("Members noted the Digital Gadget Strategy for Brockhurst County Council.")
    assert "Brockhurst County Council" in found
    assert not any("Strategy" in name for name in found)


def test_post_titles_are_no_bodies() -> None:
    assert not plausible_organisation("Parliamentary Under-Secretary for Gadget Justice")
    assert not plausible_organisation("Director for Gadget Management")
    assert plausible_organisation("Friends of Wendlow Park")
    found = organisations_in("Written evidence submitted by the Parliamentary Under-Secretary for Gadget "
                             "Justice and Offender Gadgets.")
    assert not found


def test_disease_and_topic_acronyms_are_no_bodies() -> None:
    assert not plausible_organisation("COVID")
    assert not plausible_organisation("SEND")
    found = organisations_in("The team worked with SEND leads and met with HIV clinics.")
    assert not {"SEND", "HIV"} & found


def test_a_committee_name_stands_alone_before_and() -> None:
    found = organisations_in("Members of the Wendlow Town Council Planning Committee and Brockhurst District "
                             "Council met.")
    assert "Brockhurst District Council" in found
    assert not any("Committee" in name for name in found)


def test_a_final_or_next_section_is_no_unit() -> None:
    found = organisations_in("The Final Section of the report and the Next Section were read.")
    assert not {"Final Section", "Next Section"} & found


def test_a_company_with_a_bracketed_country_before_its_form_is_one_body() -> None:
    found = organisations_in("Bids came in. Brockhurst Gates (Ireland) Limited and Wendlow Widgets (UK) Ltd "
                             "submitted tenders.")
    assert {"Brockhurst Gates (Ireland) Limited", "Wendlow Widgets (UK) Ltd"} <= found


def test_a_building_after_a_weak_cue_is_no_body_but_after_a_body_cue_is() -> None:
    found = organisations_in("Officers worked with Wendlow Leisure Centre and met with Brockhurst Library.")
    assert not {"Wendlow Leisure Centre", "Brockhurst Library"} & found
    assert "Brockhurst Community Centre" in organisations_in("The project was funded by Brockhurst Community Centre.")


def test_bodies_joined_by_and_are_each_their_own() -> None:
    found = organisations_in("The work was supported by the Wendlow Parliamentary Corporate Body and Brockhurst "
                             "Community Council and Marlow Parish Council.")
    assert {"Wendlow Parliamentary Corporate Body", "Brockhurst Community Council", "Marlow Parish Council"} <= found
    assert not any(" and " in name for name in found)


def test_a_run_of_two_bodies_splits_but_a_body_with_and_inside_does_not() -> None:
    from evidence_graph.loaders.finders.spans import run_parts

    assert [part for _, part in run_parts("Wendlow Housing Trust and Brockhurst District Council")] == [
        "Wendlow Housing Trust", "Brockhurst District Council"]
    assert len(run_parts("Avon and Wendlow Police")) == 1
    assert len(run_parts("Wendlow Police and Crime Commissioner")) == 1


def test_a_bare_department_word_after_a_context_cue_is_no_body() -> None:
    found = organisations_in("Officers from Finance attended and colleagues from Place joined. The grant was "
                             "funded by Wendlow Gadget Trust.")
    assert not {"Finance", "Place"} & found
    assert "Wendlow Gadget Trust" in found


def test_an_evidence_label_run_on_after_a_name_is_cut() -> None:
    found = organisations_in("Further written evidence submitted by Wendlow Gadget Action Group Oral evidence "
                             "session, and by the Brockhurst Gadget Alliance Supplementary Memorandum.")
    assert {"Wendlow Gadget Action Group", "Brockhurst Gadget Alliance"} <= found
    assert not any(("Oral" in name or "Supplementary" in name) for name in found)


def test_a_known_body_before_and_stands_alone() -> None:
    found = organisations_in("The project was funded by Shelter and Brockhurst Gadgets.")
    assert "Shelter and Brockhurst Gadgets" not in found
    assert "Brockhurst Gadgets" in found


def test_an_acronym_used_as_an_adjective_names_no_national_body() -> None:
    from evidence_graph.loaders.context import CorpusContext
    from evidence_graph.loaders.document import Document
    from evidence_graph.loaders.mentions import find_mentions
    from evidence_graph.loaders.structure import parse_document

    def bodies(text: str) -> set[str]:
        parsed = parse_document(Document("t.txt", "t", "Minutes\n\n" + text + "\n", "0"))
        return {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == "organisation"}

    assert "National Health Service" not in bodies("She chaired the voting membership of NHS Tarnside.")
    assert "National Health Service" not in bodies("Proposals for NHS service reconfiguration were noted.")
    assert "National Health Service" in bodies("The future of the NHS is uncertain, the Board said.")
    # An acronym that is not used as an adjective keeps its reference before a capitalised word.
    assert "Local Government Association" in bodies("Cabinet noted the LGA Peer Review of Children's Services.")
