"""A written submission's author is its witness, no meeting body (invented text)."""

from __future__ import annotations

from evidence_graph.loaders.context import gather_context
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document

SUBMISSION = ("Additional written evidence submitted by the Widget Commission (WC 02)\n\n"
              "1. The Widget Commission welcomes the chance to add to its earlier evidence to the Committee.\n\n"
              "2. We set out below our view of cog supply in the region.\n")


def test_the_body_that_submitted_the_evidence_is_no_committee_but_a_known_organisation() -> None:
    doc = parse_document(Document("p/we.txt", "p/we", SUBMISSION, "a"))
    context = gather_context([doc], {})
    assert context.committee != "Widget Commission"
    assert context.organisations == ("Widget Commission",)
