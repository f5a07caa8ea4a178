"""Services, plans and strategies in agenda layouts that real pages print (issue 9, point 3), on
invented text: a flattened agenda table whose item numbers are glued to their titles
("6Financial Strategy 2024/25"), and two plans joined by "&" in one item's title.
"""

from __future__ import annotations

from loaders.context import CorpusContext
from loaders.document import Document
from loaders.mentions import find_mentions
from loaders.structure import parse_document

SERVICE_KINDS = ("service", "programme", "framework")


def services(text: str) -> set[str]:
    parsed = parse_document(Document("agenda.txt", "agenda", text, "0"))
    return {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind in SERVICE_KINDS}


def test_a_title_glued_to_its_item_number_is_read() -> None:
    text = ("Harbour Council Agenda - 27 September 2026\n\nNumber Item\n1Sederunt\n2Declarations of Interest\n"
            "6Financial Strategy 2026/27 to 2030/31\n\nReport by the Director of Transformation.\n")
    assert "Financial Strategy" in services(text)


def test_two_plans_joined_by_an_ampersand_are_two() -> None:
    text = "Agenda\n\n7. Workforce Strategy & Harbour Workforce Plan\n\nReport by the Chief Executive.\n"
    assert {"Workforce Strategy", "Harbour Workforce Plan"} <= services(text)


def test_an_ampersand_inside_one_name_does_not_split_it() -> None:
    text = "Agenda\n\n8. Health & Wellbeing Strategy\n\nReport by the Director of Public Health.\n"
    found = services(text)
    assert "Health & Wellbeing Strategy" in found and "Wellbeing Strategy" not in found
