"""Services, campaigns and consultations in the shapes unseen bodies' papers use, and the
departments, posts and name runs that are not services (invented papers, invented names)."""

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


def test_a_campaign_named_by_a_call_to_the_reader() -> None:
    found = services_in("The Youth Forum promoted Shape Your Harbour and the results of Love Our Lanes "
                        "Results 2024 were noted. Have Your Say! was on the agenda.")
    assert {"Shape Your Harbour", "Love Our Lanes", "Have Your Say!"} <= found
    assert not any(name.endswith("Results") for name in found)


def test_a_call_in_lower_case_or_without_the_readers_possessive_is_no_campaign() -> None:
    assert services_in("Members asked residents to make your views known and Make The Case for funding.") == set()


def test_a_consultation_named_by_its_subject() -> None:
    found = services_in("5. Riverside Parks - Public Consultation\nThe Council’s response to the Welsh "
                        "Government’s Quiet Roads consultation was agreed.")
    assert {"Riverside Parks - Public Consultation", "Quiet Roads consultation"} <= found


def test_a_consultation_by_a_body_or_on_a_named_plan_is_not_a_new_service() -> None:
    found = services_in("Following Public Consultation, the County Council consultation and the Fellmoor "
                        "Local Plan consultation closed.")
    assert not any("consultation" in name.lower() for name in found)


def test_commissioning_and_planning_rounds_in_title_case() -> None:
    found = services_in("Items: 8.1 – Substance Misuse Commissioning · 10.6 – Workforce and Estates Planning "
                        "2025/26 · 10.7 – Town Planning 2020")
    assert {"Substance Misuse Commissioning", "Workforce and Estates Planning 2025/26"} <= found
    assert not any(name.startswith("Town Planning") for name in found)


def test_a_commissioning_remit_of_a_post_or_a_kind_of_commissioning_is_no_round() -> None:
    found = services_in("Dr Ann Hale, Lay Member for Community Care Commissioning, and the Head of Adult "
                        "Commissioning reported; Joint Commissioning was noted and the Joint Commissioning "
                        "Board met.")
    assert not any("Commissioning" in name for name in found)
    assert ("committee", "Joint Commissioning Board") in mentions_of("The Joint Commissioning Board met.")


def test_a_clause_before_a_public_consultation_is_no_subject() -> None:
    found = services_in("Following the Public Consultation, members met. Regarding the Harbour Lights consultation, "
                        "members agreed.")
    assert found == {"Harbour Lights consultation"}


def test_a_round_or_a_consultation_inside_a_bodys_name_leaves_the_body_whole() -> None:
    found = mentions_of("The Tarnshire Commissioning and Procurement Select Committee met the Budget "
                        "Consultation Panel and the Have Your Say Forum.")
    assert ("committee", "Tarnshire Commissioning and Procurement Select Committee") in found
    assert not {surface for kind, surface in found if kind in _SERVICE_KINDS}


def test_a_short_lower_case_service_after_a_word_of_providing_or_debating_it() -> None:
    found = services_in("Councillor Vale declared an interest in the motion on midwifery services. Members "
                        "opposed the outsourcing of council swimming facilities and agreed the future "
                        "provision of town centre CCTV.")
    assert {"midwifery services", "council swimming facilities", "town centre CCTV"} <= found


def test_a_department_or_a_generic_word_after_a_word_of_providing_is_no_service() -> None:
    found = services_in("The management of legal services, the provision of all services and the delivery "
                        "of these services were noted.")
    assert found == set()


def test_a_post_title_joining_a_service_remit_is_a_post_not_a_service() -> None:
    found = mentions_of("The report of the Borough Solicitor and Head of Legal Services was noted. Present: "
                        "Mr K. Orme, County Treasurer and Director of Adults’ Services.")
    assert not {surface for kind, surface in found if kind in _SERVICE_KINDS}
    assert ("post", "Borough Solicitor and Head of Legal Services") in found


def test_a_department_after_a_post_or_a_named_officer_is_a_unit_not_a_service() -> None:
    found = mentions_of("Report of the Chief Officer (Social Services). Also present: Ms J Innes (Youth "
                        "Service), Mr P Cole (Principal Youth Officer, Youth Service)")
    assert not {surface for kind, surface in found if kind in _SERVICE_KINDS}
    assert {("unit", "Social Services"), ("unit", "Youth Service")} <= found


def test_a_service_after_a_comma_that_follows_no_post_is_still_a_service() -> None:
    found = services_in("The Board thanked volunteers, the Tarnside Befriending Service and the Harbour "
                        "Meals Service.")
    assert {"Tarnside Befriending Service", "Harbour Meals Service"} <= found


def test_a_post_head_before_a_remit_list_is_a_post_not_a_service() -> None:
    found = mentions_of("Contact: Rhona Vale  Service Director Libraries, Leisure and Community Support")
    assert not {surface for kind, surface in found if kind in _SERVICE_KINDS}


def test_a_programme_joined_to_a_budget_is_named_by_its_own_words() -> None:
    found = services_in("Item 10.1 – 24/25 Housing Revenue Budget and Capital Programme Monitoring Q2")
    assert "Capital Programme" in found


def test_an_item_titled_by_a_scrutiny_exercise_and_its_subject() -> None:
    found = services_in("Outside bodies\n4. Joint scrutiny on coastal erosion – Representative – Councillor "
                        "B. Lowe\n5. Budget scrutiny of the proposals\nThe scrutiny of savings was noted.")
    assert found == {"Joint scrutiny on coastal erosion"}


def test_a_transport_service_named_by_its_route_numbers() -> None:
    found = services_in("Members regretted the withdrawal of bus services 212 & 214 and the X9 bus service; "
                        "the bus services 2024 review was noted.")
    assert {"bus services 212 & 214", "X9 bus service"} <= found
    assert not any("2024" in name for name in found)


def test_lower_case_services_listed_as_what_is_provided() -> None:
    found = services_in("Other services provided were blue badge renewals, photocopying and the council tax "
                        "enquiries.")
    assert "blue badge renewals" in found
    assert "photocopying" not in found


def test_a_portfolio_remit_or_a_department_after_a_dash_is_no_service() -> None:
    found = mentions_of("Councillor B Cole (Portfolio Holder for Library Services) spoke.\nReport of the "
                        "Corporate Director – Adult Social Services\nThe report was noted.")
    assert not {surface for kind, surface in found if kind in _SERVICE_KINDS}
    assert ("unit", "Adult Social Services") in found


def test_an_item_titled_by_a_name_and_a_call_to_the_reader() -> None:
    found = services_in("Items\n7. Harbourside’s Future: Be Part Of It\n8. Petition: Save The Old Pier Now\n"
                        "9. Recommendations: Note The Report Below")
    assert found == {"Harbourside’s Future: Be Part Of It"}


def test_a_run_of_person_names_before_a_cue_noun_is_no_service() -> None:
    found = services_in("Present: Ailsa Brodie Fergus Lennox Morag Tait Ewan Dunbar Support Service")
    assert not any("Brodie" in name for name in found)


def test_occasions_charges_procedures_and_kinds_are_no_services() -> None:
    found = services_in("The Carol Service is on Friday. The Minimum Revenue Provision was set and the "
                        "Public Speaking Scheme applies. The Forward Work Programme and the Policy Framework "
                        "were noted. The Harbour Ferry Service continues.")
    assert found == {"Harbour Ferry Service"}


def test_a_cut_word_takes_its_joiner_and_a_report_number_is_cut() -> None:
    found = services_in("The Budget and Medium Term Financial Strategy was approved.\n4. B12 Report Fleet "
                        "Procurement Strategy")
    assert "Medium Term Financial Strategy" in found
    assert not any(name.startswith(("and ", "B12")) for name in found)
    assert "Fleet Procurement Strategy" in found


def test_departments_agencies_and_legislation_words_are_no_services() -> None:
    found = mentions_of("Contact: Legal & Democratic Services, Fenmoor Council.\n\nTechnical Services\n\n"
                        "The National Widget Management Service gave evidence. The Public Services Reform "
                        "(Consequential Provisions) (Scotland) Order 2020 was noted.")
    assert ("unit", "Legal & Democratic Services") in found
    assert ("unit", "Technical Services") in found
    assert ("organisation", "National Widget Management Service") in found
    assert not any(kind in _SERVICE_KINDS and "Public Services" in surface for kind, surface in found)


def test_lower_case_programmes_and_a_companys_contract() -> None:
    found = services_in("Members noted the overall capital programme and the flexible use of capital receipts "
                        "strategy. The panel agreed road safety grants and welcomed the fundamental service "
                        "reviews. The Tarncorp contract was extended; the Individual Learner Accounts (ILAs) "
                        "scheme was noted.")
    assert {"capital programme", "flexible use of capital receipts strategy", "road safety grants",
            "fundamental service reviews", "Tarncorp contract",
            "Individual Learner Accounts (ILAs) scheme"} <= found


def test_an_owner_and_a_generic_word_or_an_activity_contract_name_no_service() -> None:
    found = services_in("The OPCC commissioned services were reviewed and the Cleaning contract was let.")
    assert found == set()


def test_an_action_of_a_bare_head_and_a_title_listing_its_subjects() -> None:
    found = services_in("Recommissioning of Contract was approved, with Recommissioning of the Day Care Contract.\n"
                        "6. Beaches, Dunes and Coastal Paths Annual Review\n"
                        "7. Tarn Moor Solar Farm Community Payment")
    assert "Day Care Contract" in found
    assert not any(name.startswith("Recommissioning") for name in found)
    assert "Beaches, Dunes and Coastal Paths Annual Review" in found
    assert "Tarn Moor Solar Farm Community Payment" in found


def test_common_services_in_lower_case_after_a_word_of_providing_them() -> None:
    found = services_in("The review of home to school transport was noted, with funding for supported living "
                        "for adults with learning disabilities and new supported living contracts.")
    assert {"home to school transport", "supported living for adults with learning disabilities",
            "supported living contracts"} <= found


def test_a_common_service_word_with_no_lead_is_no_mention() -> None:
    assert services_in("Supported living was discussed.") == set()


def test_a_contract_titled_by_what_it_supplies() -> None:
    found = services_in("8. Contract Arrangements for the Supply of Residential Care Home Placements")
    assert "Contract Arrangements for the Supply of Residential Care Home Placements" in found


def test_an_action_before_a_cue_noun_name_a_kind_and_a_plan_document() -> None:
    found = services_in("8. Adoption of Fellmoor Homes for All Plan: A Shared Development Plan Document for "
                        "four authorities. Members asked for a Tree Planting Strategy.\n"
                        "Tackling Empty Homes: pupil place planning and the impact of new estates")
    assert "Fellmoor Homes for All Plan" in found
    assert not any(name.startswith("Adoption") or "Development Plan" in name or "Tree Planting" in name
                   for name in found)
    assert "pupil place planning" in found


def test_a_report_on_a_named_fund_keeps_its_name() -> None:
    assert "Tarn Community Support Funding" in services_in("The Tarn Community Support Funding Update was noted.")


def test_a_service_named_only_in_its_buildings_name_is_no_service() -> None:
    found = services_in("Opening hours of the Visitor Service Centres in Tarnby were reviewed, and the "
                        "Tarnby Visitor Service continues.")
    assert not any(name.startswith("Visitor Service") for name in found)
    assert "Tarnby Visitor Service" in found


def test_a_department_that_speaks_is_a_unit() -> None:
    found = mentions_of("Technical Services reported on gritting. Bereavement Services are provided at Tarnby.")
    assert ("unit", "Technical Services") in found
    assert ("service", "Bereavement Services") in found


def test_a_payment_of_one_word_is_a_kind_one_of_more_a_named_service() -> None:
    found = services_in("The Severance Payments were noted, as was the Cold Snap Heating Payment.")
    assert "Cold Snap Heating Payment" in found
    assert not any(name.endswith("Severance Payments") for name in found)


def test_the_money_of_a_lower_case_partnership_is_one_phrase() -> None:
    found = services_in("The Board agreed the community safety partnership (CSP) funding for next year.")
    assert "community safety partnership (CSP) funding" in found


def test_a_levy_a_regeneration_scheme_a_system_and_a_database_are_named_services() -> None:
    found = services_in("Cabinet noted progress on the Wexcombe Town Centre Regeneration, the charging schedule "
                        "of the Community Infrastructure Levy, the new Tarnside Case Management System and the "
                        "Planning Application Database.")
    assert {"Wexcombe Town Centre Regeneration", "Community Infrastructure Levy",
            "Tarnside Case Management System", "Planning Application Database"} <= found


def test_praise_of_a_service_is_no_service_name() -> None:
    found = services_in("Mrs Vane had for many years provided a highly valued service to the community, "
                        "and the jointly funded advice service was praised; the mobile library service "
                        "continues.")
    assert not any("valued" in s or "jointly" in s for s in found)
    assert "mobile library service" in found


def test_a_support_post_is_no_organisation() -> None:
    parsed = parse_document(Document("t.txt", "t", "Minutes\n\nIn attendance: Tom Reed, Senior Committee "
                                     "Support Officer, Brackmoor Borough Council\n", "0"))
    organisations = {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == "organisation"}
    assert not any("Support" in label for label in organisations)
    assert "Brackmoor Borough Council" in organisations
