"""People extraction beyond the development set's bodies: layouts and phrasings seen in other
bodies' papers, each on an invented fixture (the bodies and people do not exist)."""

from __future__ import annotations

from loaders.context import CorpusContext
from loaders.document import Document
from loaders.mentions import find_mentions
from loaders.structure import parse_document


def mentions_of(text: str, kind: str = "person") -> set[str]:
    """The labels of a document's mentions of one kind."""
    parsed = parse_document(Document("t.txt", "t", text, "0"))
    return {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == kind}


def test_several_plural_honorific_groups_in_one_attendance_line() -> None:
    text = ("Present: Councillor Amos (Mayor)(In the Chair); Aldermen Bell, T Cole, R Cole, Dunn, Eyre and "
            "Ford; Councillors Gray, Hale, D Ives and Jay\n\nThe meeting opened.\n")
    people = mentions_of(text)
    assert {"Alderman Bell", "Alderman T Cole", "Alderman R Cole", "Alderman Dunn", "Alderman Eyre",
            "Alderman Ford", "Councillor Gray", "Councillor Hale", "Councillor D Ives",
            "Councillor Jay", "Councillor Amos"} <= people
    assert not any(label.startswith(("Aldermen", "Councillors")) for label in people)
