"""Stage 3 alone: mentions and the figure grammar."""

from __future__ import annotations

from decimal import Decimal

from evidence_graph.loaders.acronyms import acronym_definitions
from evidence_graph.loaders.context import CastMember, CorpusContext, make_authority
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.figures import find_figures, measured_phrase
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.names import parse_person_name
from evidence_graph.loaders.structure import parse_document


def mentions_of(text: str, context: CorpusContext | None = None) -> set[tuple[str, str, str]]:
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    return {(m.kind, text[m.start:m.end], m.label) for m in find_mentions(parsed, context or CorpusContext())}


def test_figure_grammar_ranges_multipliers_approximations_and_counts() -> None:
    cases = {
        "£40-45m": ("money", None, Decimal("40000000"), Decimal("45000000"), False),
        "Approximately £175m": ("money", Decimal("175000000"), None, None, True),
        "£175million": ("money", Decimal("175000000"), None, None, False),
        "£1.2bn": ("money", Decimal("1200000000"), None, None, False),
        "£350,000": ("money", Decimal("350000"), None, None, False),
        "20 – 25 %": ("percentage", None, Decimal("20"), Decimal("25"), False),
        "some 80%": ("percentage", Decimal("80"), None, None, True),
        "15 per cent": ("percentage", Decimal("15"), None, None, False),
        "119 children": ("count", Decimal("119"), None, None, False),
        "1,000 children": ("count", Decimal("1000"), None, None, False),
        "33 separate organisations": ("count", Decimal("33"), None, None, False),
    }
    for text, expected in cases.items():
        found = find_figures(text)
        assert len(found) == 1, text
        figure = found[0]
        assert (figure.kind, figure.value, figure.minimum, figure.maximum, figure.approximate) == expected, text
        assert text[figure.start:figure.end] == text


def test_years_are_not_counts() -> None:
    assert find_figures("In 2011 organisations were invited to apply.") == []


def test_what_a_figure_measures() -> None:
    sentence = "We currently spend £9m on Independent Foster Care Agencies (IFAs) and £10m on residential placements"
    nine, ten = find_figures(sentence)
    assert measured_phrase(sentence, nine.start, nine.end) == "spend on Independent Foster Care Agencies (IFAs)"
    # A figure coordinated with a spend figure is a spend too.
    assert measured_phrase(sentence, ten.start, ten.end) == "spend on residential placements"


def test_acronym_definitions_allow_extra_words_and_lower_case() -> None:
    assert acronym_definitions(["the Independent Fostering Agency (IFA) framework"]) == {
        "IFA": "Independent Fostering Agency"}
    assert acronym_definitions(["seven clinical commissioning groups (CCGs)"]) == {
        "CCG": "clinical commissioning groups"}


def test_authority_aliases_and_typos_resolve_to_the_host_authority() -> None:
    context = CorpusContext(authority=make_authority("Wessex County Council"))
    found = mentions_of("WCC said the County Council and the County Copuncil agreed.", context)
    labels = {(surface, label) for kind, surface, label in found if kind == "organisation"}
    assert labels == {("WCC", "Wessex County Council"), ("the County Council", "Wessex County Council"),
                      ("County Copuncil", "Wessex County Council")}


def test_people_by_honorific_and_by_cast_name() -> None:
    cast = (CastMember(parse_person_name("Jo Smith"), "Jo Smith"),)
    found = mentions_of("Jo Smith spoke. Cllr B Jones asked Ms Smith a question.", CorpusContext(cast=cast))
    people = {surface for kind, surface, _ in found if kind == "person"}
    assert people == {"Jo Smith", "Cllr B Jones", "Ms Smith"}


def test_organisations_by_suffix_gazetteer_and_former_name() -> None:
    found = mentions_of("Project Y, previously known as Safe Homes Trust, works with Ofsted and "
                        "the London Borough of Croydon Council.")
    assert ("former-name", "Safe Homes Trust", "Safe Homes Trust") in found
    assert ("organisation", "Ofsted", "Ofsted") in found
    assert ("organisation", "London Borough of Croydon Council", "London Borough of Croydon Council") in found


def test_services_frameworks_places_issues_and_legislation() -> None:
    found = mentions_of("The Early Intervention and Prevention framework covers Integrated Youth Services "
                        "delivered in Canterbury, Dover and Thanet; TUPE and social value under the Social Value Act.")
    kinds = {(kind, surface) for kind, surface, _ in found}
    assert ("framework", "Early Intervention and Prevention framework") in kinds
    assert ("service", "Integrated Youth Services") in kinds
    assert {("place", "Canterbury"), ("place", "Dover"), ("place", "Thanet")} <= kinds
    assert ("issue", "TUPE") in kinds and ("issue", "social value") in kinds
    assert ("legislation", "Social Value Act") in kinds


def test_every_mention_span_is_exact_text() -> None:
    text = "Minutes\n\n(1)\u00a0\u00a0The Chair said £5m was spent on Adult Social Care Services in Kent.\n"
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    for mention in find_mentions(parsed, CorpusContext()):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start:mention.end].strip() == text[mention.start:mention.end]
