"""Contact lines of meeting headers on unseen bodies' papers: a post and a dash before the name,
two contacts joined by a slash (invented bodies and people)."""

from __future__ import annotations

from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document
from evidence_graph.loaders.structure.headers import labelled_header


def contacts_of(text: str) -> list[str]:
    """The contact fields of a document's meeting headers."""
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    return [f.value for b in parsed.blocks if b.kind == "meeting-header" for f in b.fields if f.name == "contact"]


HEADER = "Cabinet - Wednesday, 20th January, 2010 2.00 pm\n\nVenue: Civic Centre, Wexmoor\n\n"
ITEMS = "\n\n1. Apologies\n\nNone.\n"


def test_two_contacts_joined_by_a_slash() -> None:
    text = HEADER + "Contact: Nia Brook / Hollie Varne, Governance Services, Tel: 01632 960123" + ITEMS
    assert contacts_of(text) == ["Nia Brook", "Hollie Varne"]
    assert contacts_of(HEADER + "Contact: Nia Brook/Hollie Varne" + ITEMS) == ["Nia Brook", "Hollie Varne"]


def test_a_post_and_a_dash_before_the_contact_after_a_colon_dash_label() -> None:
    text = HEADER + "Contact Officer :-Head of Asset Management - Carys Lyle" + ITEMS
    assert contacts_of(text) == ["Carys Lyle"]


def test_a_contact_with_a_post_after_the_name_reads_as_before() -> None:
    line = "Contact: Jo Bloggs - Democratic Services, 01234 567890"
    assert [f.value for f in labelled_header(line, 0, len(line))] == ["Jo Bloggs"]
    # A unit, not a post, before the dash: the value is read as before (no person at its start).
    line = "Contact: Democratic Services - 01234 567890"
    assert [f.value for f in labelled_header(line, 0, len(line)) if f.name == "contact"] == ["Democratic Services"]
