"""Services, programmes, policies, funds, charters and contracts, named or in lower case, on
invented papers (no name here is in a cue list)."""

from __future__ import annotations

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document

_SERVICE_KINDS = ("service", "programme", "framework")


def mentions_of(text: str) -> set[tuple[str, str]]:
    body = "Minutes\n\n" + text + "\n"
    parsed = parse_document(Document("t.txt", "t", body, "0"))
    return {(m.kind, body[m.start:m.end]) for m in find_mentions(parsed, CorpusContext())}


def services_in(text: str) -> set[str]:
    return {surface for kind, surface in mentions_of(text) if kind in _SERVICE_KINDS}


def test_named_services_with_head_nouns_beyond_service_and_programme() -> None:
    found = services_in("The Tarnmoor Coastal Fund, the Fair Work Charter, the Voluntary Sector Compact, "
                        "the Parking Permits Portal, the Pay Policy Statement and the Harbour Dredging "
                        "Contract were approved during Clean Rivers Week.")
    assert {"Tarnmoor Coastal Fund", "Fair Work Charter", "Voluntary Sector Compact", "Parking Permits Portal",
            "Pay Policy Statement", "Harbour Dredging Contract", "Clean Rivers Week"} <= found


def test_lower_case_service_phrases_in_service_contexts() -> None:
    found = services_in("A petition asked for saving the mobile library service. The Council commissioned "
                        "smoking cessation services and extended the grounds maintenance contract.")
    assert {"mobile library service", "smoking cessation services", "grounds maintenance contract"} <= found


def test_generic_service_words_are_not_services() -> None:
    found = services_in("The new service and the existing contract were noted; the relevant services agreed.")
    assert found == set()


def test_an_inquiry_by_its_subject() -> None:
    assert "inquiry into the future of seaside towns" in services_in(
        "The Committee held an inquiry into the future of seaside towns, which reported.")


def test_units_are_not_services() -> None:
    found = mentions_of("The Head of Legal and Democratic Services reported. Contact: Ann Lee, Democratic "
                        "Services. The Customer Services Officer agreed.")
    assert ("unit", "Democratic Services") in found
    assert not {surface for kind, surface in found if kind in _SERVICE_KINDS}


def test_a_body_named_for_a_service_is_an_organisation() -> None:
    found = mentions_of("Tarnshire Fire & Rescue Service attended.")
    assert ("organisation", "Tarnshire Fire & Rescue Service") in found


def test_a_possessive_body_and_a_venue_are_not_part_of_a_name() -> None:
    found = mentions_of("The Welsh Government’s Clean Air Plan was discussed. Venue: Council Chamber - "
                        "Civic Centre.")
    services = {surface for kind, surface in found if kind in _SERVICE_KINDS}
    assert "Clean Air Plan" in services
    assert not any("Civic Centre" in name or "Government" in name for name in services)


def test_a_decision_title_in_title_case_names_a_project() -> None:
    text = ("Decisions\n\n14/03/2025 - Brackenfold Harbour Wall Repairs (Phase 2) ref: 3101    Recommendations Approved\n\n"
            "Decision Maker: Director of Place\n\n"
            "12/03/2025 - Apologies for Absence ref: 3100\n\n"
            "11/03/2025 - Scrutiny Board - 2 March 2025 ref: 3099\n\n"
            "10/03/2025 - Quarter 3 Corporate Performance Report ref: 3098\n\n"
            "09/03/2025 - Temporary change in delegated powers within Property ref: 3097\n")
    parsed = parse_document(Document("d.txt", "d", text, "0"))
    found = {(m.label, text[m.start:m.end]) for m in find_mentions(parsed, CorpusContext())
             if m.kind in _SERVICE_KINDS}
    assert ("Brackenfold Harbour Wall Repairs", "Brackenfold Harbour Wall Repairs (Phase 2)") in found
    assert not any(label.startswith(("Apologies", "Scrutiny", "Quarter", "Temporary")) for label, _ in found)


def test_a_programme_named_by_a_gerund_of_change_and_a_title_case_object() -> None:
    found = services_in("Members asked about Tackling the Rural Bus Gap and Transforming Day Care at "
                        "Fellside; Improving School Meals was noted.")
    assert {"Tackling the Rural Bus Gap", "Transforming Day Care", "Improving School Meals"} <= found


def test_a_gerund_before_a_body_or_a_single_word_is_no_programme() -> None:
    found = services_in("Supporting Documents were circulated. Improving Outcomes was discussed by the "
                        "board. Transforming Fellside District Council was the aim.")
    assert not any(name.startswith(("Supporting", "Improving", "Transforming")) for name in found)


def test_a_scrutiny_review_titled_by_its_subject() -> None:
    found = services_in("Reports: · 9.1 – Tenant Voice in Estate Repairs – Scrutiny Review · 9.2 – Fellside "
                        "Council’s Approach to Flexible Working – Scrutiny Review · 9.3 – Audit Committee – Review")
    assert {"Tenant Voice in Estate Repairs – Scrutiny Review",
            "Fellside Council’s Approach to Flexible Working – Scrutiny Review"} <= found
    assert not any("Audit Committee" in name for name in found)


def test_projects_named_by_their_object() -> None:
    found = services_in("The item on Improvements at A59 Junction 4 was deferred. CPO Resolution: Brackley "
                        "Estate Phase 3 was agreed, with Section 106 funding for bus shelters.")
    assert {"Improvements at A59 Junction 4", "Brackley Estate Phase 3", "Section 106 funding"} <= found


def test_a_review_titled_by_what_it_reviews() -> None:
    found = services_in("The Review of Investigative Select Committee activity in 2019–20 and the Regional "
                        "Peer Review of Adult Day Services were noted; the Review of Minutes was not.")
    assert {"Review of Investigative Select Committee activity in 2019–20",
            "Regional Peer Review of Adult Day Services"} <= found
    assert not any("Minutes" in name for name in found)


def test_a_proper_name_or_acronym_leading_a_lower_case_service_phrase() -> None:
    found = services_in("Cabinet agreed the creation of a Tarnshire CCTV hub. This Council supports free "
                        "concessionary bus travel. The County Council contract and the Council’s ethical "
                        "governance framework were noted.")
    assert {"Tarnshire CCTV hub", "free concessionary bus travel", "ethical governance framework"} <= found
    assert not any("County Council" in name for name in found)


def test_a_bodys_business_plan_keeps_the_body_as_an_organisation() -> None:
    text = "Minutes\n\nMembers discussed the proposed Fellside Leisure Limited (FLL) business plan.\n"
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    found = {(m.kind, m.label) for m in find_mentions(parsed, CorpusContext())}
    assert ("programme", "Fellside Leisure Limited business plan") in found
    assert ("organisation", "Fellside Leisure Limited") in found


def test_consultations_and_statements_are_documents_not_services() -> None:
    found = services_in("Following the Public Consultation, the Transparency Statement and the Annual "
                        "Governance Statement were published.")
    assert not any(name.endswith(("Consultation", "Statement")) for name in found)


def test_a_spaced_dash_ends_a_name() -> None:
    found = services_in("Item 9: Tarnmoor Growth Fund – Transfer to the Harbour Renewal Programme - referral "
                        "from the Finance Committee.")
    assert "Tarnmoor Growth Fund" in found
    assert not any("–" in name or " - " in name for name in found)


def test_a_decision_title_acting_on_a_plan_names_the_plan() -> None:
    text = ("Decisions\n\n14/03/2025 - Adoption of the Brackenfold Cycling Plan ref: 3101\n\n"
            "13/03/2025 - Disposal of Land at Quarry Lane ref: 3102\n\n"
            "12/03/2025 - Consultation Phase 2 ref: 3103\n")
    parsed = parse_document(Document("d.txt", "d", text, "0"))
    found = {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind in _SERVICE_KINDS}
    assert "Brackenfold Cycling Plan" in found
    assert not any(label.startswith(("Adoption", "Disposal", "Land", "Consultation")) for label in found)


def test_works_need_a_named_place_and_a_phase_a_named_scheme() -> None:
    found = services_in("Improvements to the Service were promised; Works to Harbour Bridge begin in May; "
                        "the Consultation Phase 2 closes.")
    assert "Works to Harbour Bridge" in found
    assert not any(name.startswith(("Improvements", "Consultation")) for name in found)


def test_a_named_operation_is_a_programme() -> None:
    found = services_in("The Panel welcomed Operation Sceptre; the Operation Manager reported.")
    assert "Operation Sceptre" in found
    assert not any("Manager" in name for name in found)


def test_a_lower_case_review_in_a_service_context() -> None:
    found = services_in("Members said the Home Office funding formula review was overdue; the annual review "
                        "was noted.")
    assert "funding formula review" in found
    assert not any(name.startswith("annual") for name in found)


def test_a_quoted_campaign_name() -> None:
    found = services_in("Residents backed the ‘Bin It Right’ campaign and the slogan ‘wash, wait and wipe’; "
                        "the ‘new’ scheme was not named.")
    assert {"Bin It Right", "wash, wait and wipe"} <= found
    assert "new" not in found


def test_a_decision_title_naming_a_building_or_a_place_is_no_project() -> None:
    text = ("Decisions\n\n14/03/2025 - Moorside Leisure Centre ref: 3101\n\n"
            "13/03/2025 - Quarry Lane Depot ref: 3102\n")
    parsed = parse_document(Document("d.txt", "d", text, "0"))
    assert not {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind in _SERVICE_KINDS}


def test_registers_and_protocols_are_rules_not_services() -> None:
    found = services_in("The Committee reviewed the Corporate Risk Register, the Member Officer Protocol and "
                        "the Electoral Register.")
    assert found == set()


def test_a_lower_case_provision_in_a_service_context() -> None:
    found = services_in("The council commissioned respite care provision; the additional provision was noted.")
    assert "respite care provision" in found
    assert not any(name.startswith("additional") for name in found)


def test_degree_words_make_a_service_phrase_generic() -> None:
    found = services_in("They wanted the most local service and the generic family support service.")
    assert "most local service" not in found
    assert "family support service" in found


def test_a_council_plan_is_a_named_plan() -> None:
    found = services_in("The Council Plan and the Council Business Plan were adopted. The mobile meals "
                        "service was praised.")
    assert {"Council Plan", "Council Business Plan", "mobile meals service"} <= found


def test_a_service_phrase_after_a_body_and_at_a_sentence_start() -> None:
    found = services_in("The Council commissioned smoking cessation services. The mobile meals service was "
                        "praised.")
    assert {"smoking cessation services", "mobile meals service"} <= found


def test_two_word_plan_heads_in_lower_case() -> None:
    found = services_in("The council adopted the leisure investment plan; the recovery plan was noted.")
    assert "leisure investment plan" in found
    assert "recovery plan" not in found


def test_a_fund_members_are_appointed_to_is_a_body() -> None:
    found = mentions_of("The Council made the undernoted appointments:- (a) Harbour Lifeboat Fund - Councillor "
                        "Rome. The Levelling Up Fund - bid submitted.")
    assert ("organisation", "Harbour Lifeboat Fund") in found
    assert ("programme", "Levelling Up Fund") in found


def test_a_service_area_named_by_its_budget() -> None:
    found = mentions_of("Reserves will support the NHS Tarnshire Adult Social Care budget. The Council Tax "
                        "budget and the Cabinet Member budget were noted.")
    services = {surface for kind, surface in found if kind in _SERVICE_KINDS}
    assert "Adult Social Care" in services
    assert not any("Council" in name or "Cabinet" in name for name in services)


def test_decision_titles_of_funds_with_everyday_suffixes_and_of_monitoring_periods() -> None:
    text = ("Decisions\n\n14/03/2025 - Household Support Fund Round 5 ref: 3101\n\n"
            "13/03/2025 - Revenue Budget Monitoring Quarter 2 ref: 3102\n")
    parsed = parse_document(Document("d.txt", "d", text, "0"))
    found = {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind in _SERVICE_KINDS}
    assert any(label.startswith("Household Support Fund") for label in found)
    assert not any("Monitoring" in label for label in found)


def test_a_named_exercise_is_a_programme_but_not_a_scheme_it_starts() -> None:
    found = services_in("Members noted the large scale Service Exercise Kestrel on 4 March at the Tarnmoor "
                        "Training Centre; the Exercise Referral Scheme continues.")
    assert "Exercise Kestrel" in found
    assert "Exercise Referral" not in found
    assert "Exercise Referral Scheme" in found


def test_an_exercise_named_by_its_head_noun() -> None:
    found = services_in("The College welcomed the changes made after the legislative pause and Engagement "
                        "Exercise last spring.")
    assert "Engagement Exercise" in found


def test_a_lower_case_inquiry_led_by_proper_words() -> None:
    found = services_in("The Marlhaven Safety Board ran the Marlhaven Flooding inquiry and the public inquiry.")
    assert "Marlhaven Flooding inquiry" in found
    assert "public inquiry" not in found


def test_a_lower_case_review_named_by_its_object() -> None:
    found = services_in("The Minister confirmed that the review of waiting times and referrals in community "
                        "dentistry was still pending; the review of the minutes was noted. The Committee "
                        "agreed its reply on the review of the meeting calendar and remits.")
    assert {"review of waiting times and referrals in community dentistry",
            "review of the meeting calendar and remits"} <= found
    assert not any("minutes" in name for name in found)
