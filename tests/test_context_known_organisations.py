"""Known organisations of the papers are bodies, not bills or headings (invented text)."""

from __future__ import annotations

from evidence_graph.loaders.context import gather_context, known_organisation
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document


def organisations(text: str) -> tuple[str, ...]:
    doc = parse_document(Document("p/page.txt", "p/page", text, "a"))
    return gather_context([doc], {}).organisations


def test_a_bill_a_written_submission_is_on_is_no_known_organisation() -> None:
    text = ("Widgets and Cogs Bill: written evidence\n\n"
            "1. The Fenmoor Widget Trust welcomes the Bill and its aims for cog makers.\n\n"
            "2. We ask the Committee to amend clause 4.\n")
    assert not any("Bill" in name for name in organisations(text))


def test_headings_labels_and_bare_kinds_are_no_known_organisations() -> None:
    assert not known_organisation("Examination of Witnesses")
    assert not known_organisation("Examination of witnesses (Questions 1-20)")
    assert not known_organisation("Email")
    assert not known_organisation("Trust")
    assert known_organisation("Fenmoor Widget Trust")
