"""Host guesses that would invent or take the wrong body (invented names)."""

from __future__ import annotations

from evidence_graph.loaders.context import _fitted_acronyms, council_names, find_host_authority
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document


def host(text: str) -> str | None:
    return find_host_authority([parse_document(Document("c/a.txt", "c/a", text, "0"))])


def test_a_function_word_before_council_is_no_place() -> None:
    assert council_names("With Council approval the works went ahead.") == []
    assert council_names("Under Council rules the item was deferred.") == []
    assert [n for *_, n in council_names("With Fenmoor District Council approval")] == ["Fenmoor District Council"]


def test_another_body_and_a_council_are_two_names() -> None:
    text = "The Brackenvale Residents Association and Tarnmoor Parish Council wrote to the Panel."
    assert [n for *_, n in council_names(text)] == ["Tarnmoor Parish Council"]
    assert [n for *_, n in council_names("The Fenmoor Housing Trust and Wexley Borough Council met.")] == \
        ["Wexley Borough Council"]
    # A council's place may hold "and" ("Argyll and Bute"): no body word stands before it.
    assert [n for *_, n in council_names("Fenmoor and Wexley Council")] == ["Fenmoor and Wexley Council"]


def test_an_events_name_is_no_place_an_acronym_stands_for() -> None:
    text = "After storm Darragh the County Council said DCC would help. Roads closed. DCC agreed."
    assert "Darragh County Council" not in _fitted_acronyms(text, set())
    assert _fitted_acronyms("NCC said so. Norbury is big. The County Council agreed with NCC.", set()) == \
        {"Norbury County Council": 2}


def test_with_council_approval_makes_no_host() -> None:
    assert host("Cabinet\n\nWith Council approval the works went ahead. The Council agreed.") != "With Council"


PLANNING = ("Planning Committee\n\nReport of the Head of Planning\n\nApplication 24/0012: land at Mill Lane\n\n"
            "1. Introduction\n\nThe application seeks consent for six houses on the site.\n\n")


def test_a_parish_council_the_papers_body_names_is_no_host_of_a_principal_councils_papers() -> None:
    text = PLANNING + ("2. Tarnmoor Parish Council objected to the site on highway grounds.\n\n"
                       "3. The planning officer said the Council would consult. The Committee agreed.")
    assert host(text) != "Tarnmoor Parish Council"


def test_a_parish_councils_own_papers_have_it_as_host() -> None:
    assert host("Tarnmoor Parish Council\n\nMinutes of the meeting of Tarnmoor Parish Council\n\n"
                "1. The Council agreed.") == "Tarnmoor Parish Council"


def test_a_council_of_another_type_named_once_in_passing_is_no_host() -> None:
    passing = "2. Wexmoor County Council, as highway authority, raised no objection.\n\n"
    assert host(PLANNING + passing + "3. The Council noted it. The District Council agreed to consult.") is None
    # Papers that never say what type their own council is: the one named is theirs.
    assert host(PLANNING + passing + "3. The Council noted it. The Council agreed to consult.") == \
        "Wexmoor County Council"
