"""Attendance lines give an organisation only where the piece can name a body (invented text)."""

from __future__ import annotations

from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document
from evidence_graph.loaders.structure.minutes import attendance_row

MINUTES = ("FENMOOR DISTRICT COUNCIL\n\nMinutes of the Widget Panel held on 3 June 2024\n\n"
           "Present: Councillor Ann Lee (Chair), Councillor Bo Ray\n\n"
           "In attendance: Lee Brant, Senior Officer, Email; Kit Moss, Project Lead, Trust; "
           "Ola Dene, Director, Fenmoor Widget Trust\n\n1. Apologies\n\nNone.\n")


def fields_of(line: str) -> list[tuple[str, str]]:
    return [(f.name, f.value) for f in attendance_row(line, 0, len(line))]


def test_a_contact_label_or_a_bare_kind_after_a_post_is_no_organisation() -> None:
    assert fields_of("Lee Brant, Senior Officer, Email") == [("person", "Lee Brant"), ("post", "Senior Officer")]
    assert fields_of("Kit Moss, Project Lead, Trust") == [("person", "Kit Moss"), ("post", "Project Lead")]
    assert ("organisation", "Fenmoor Widget Trust") in fields_of("Ola Dene, Director, Fenmoor Widget Trust")


def test_an_attendance_list_gives_only_named_bodies() -> None:
    parsed = parse_document(Document("p/minutes.txt", "p/minutes", MINUTES, "a", metadata={"kind": "minutes"}))
    organisations = {f.value for b in parsed.blocks for f in b.fields if f.name == "organisation"}
    assert not organisations & {"Email", "Trust"}, organisations
