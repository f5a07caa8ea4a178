"""Organisation rules from the round-3 devset errors, on invented text."""
from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def _organisations(sentence: str) -> set[str]:
    parsed = parse_document(Document("m.txt", "m", f"Minutes\n\n{sentence}\n", "0"))
    return {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == "organisation"}


def test_a_run_ending_in_post_nominal_letters_is_a_person() -> None:
    found = _organisations("Speaking on behalf of Anwen Tarrow MP, the officer agreed.")
    assert "Anwen Tarrow MP" not in found


def test_a_standing_group_label_is_no_organisation() -> None:
    assert "Minority Group" not in _organisations("To consider Minority Group Leader questions (if any).")


def test_corporate_support_after_a_post_is_a_remit() -> None:
    found = _organisations("Ann Tarn, Executive Director of Corporate Support, Council; Bo Fen, Interim Head")
    assert "Corporate Support" not in found


def test_authority_to_procure_is_a_power_in_a_decision_title() -> None:
    found = _organisations("01/02/2024 - Fleet Strategy - Tarn Charging Acceptance of Awarded Funding and "
                           "Authority to Procure a New Contract")
    assert not any(name.endswith("Authority") for name in found)


def test_a_state_body_runs_to_the_acronym_it_defines() -> None:
    found = _organisations("A bid to the Office for Clean Harbour Vessels (OCHV) was made.")
    assert "Office for Clean Harbour Vessels" in found
    assert "Office for Clean Harbour" not in found


def test_a_department_with_a_listed_remit_stays_whole() -> None:
    found = _organisations("Reports go to the Department of Towns, Rivers and Harbours (DTRH) each quarter.")
    assert "Department of Towns, Rivers and Harbours" in found
    assert "Harbours" not in found


def test_an_acronym_defined_before_service_names_no_body() -> None:
    found = _organisations("The Independent Harbour Safety Advisory (IHSA) service supports victims; IHSA staff help.")
    assert "Independent Harbour Safety Advisory" not in found


def test_a_provider_receiving_a_grant_is_a_body() -> None:
    found = _organisations("  • Tarnwell received £31,000 to provide an advocacy service.\n"
                           "  • Cllr Fenby received £20 in expenses. Fenwise provided the service in Tarn.")
    assert {"Tarnwell", "Fenwise"} <= found
    assert not any("Fenby" in name for name in found)


def test_a_head_first_body_after_an_officer_post_is_no_unit() -> None:
    parsed = parse_document(Document("m.txt", "m", "Minutes\n\nWitnesses: Ann Fenwick, Director, Institute for "
                                     "Harbour Studies; Bo Tarn, Chief Executive, Tarnwell Foundation.\n", "0"))
    found = {(m.kind, m.label) for m in find_mentions(parsed, CorpusContext(), finders=["organisation-lines"])}
    assert ("organisation", "Institute for Harbour Studies") in found
