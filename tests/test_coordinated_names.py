"""Names that share one plural head ("the Planning, Resources and Appeals Committees"): each is a
body of its own, named with the singular head, and lists that only look like that stay whole.
Every name here is invented, save registered councils' places, which the register must fit."""

from __future__ import annotations

from pathlib import Path

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.vocabulary import ORG
from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.finders.coordination import coordinated_names
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document
from evidence_graph.pipeline.build import build_documents, collect_sources


def names_of(text: str) -> list[str]:
    return [name for *_, name, _ in coordinated_names(text)]


def test_a_comma_list_gives_each_name_the_singular_head() -> None:
    found = coordinated_names("Cllr Vane sat on the Harbours, Moorland, Resources and Appeals Committees.")
    assert [(name, kind) for *_, name, kind in found] == [
        ("Harbours Committee", "committee"), ("Moorland Committee", "committee"),
        ("Resources Committee", "committee"), ("Appeals Committee", "committee")]
    text = "He chaired the Tarn Valley, Brackmoor and Upper Wexe Partnerships."
    assert names_of(text) == ["Tarn Valley Partnership", "Brackmoor Partnership", "Upper Wexe Partnership"]


def test_each_span_is_where_its_name_is_written() -> None:
    text = "the Harbours, Moorland and Appeals Committees met"
    spans = [text[start:end] for start, end, *_ in coordinated_names(text)]
    assert spans == ["Harbours", "Moorland", "Appeals Committees"]


def test_two_names_of_two_words_or_more_and_a_longer_head() -> None:
    assert names_of("to abolish the Tarn Vale and North of Wexe Combined Authorities") == [
        "Tarn Vale Combined Authority", "North of Wexe Combined Authority"]
    # No commas: the names before the last "and" are one name.
    assert names_of("the Member Training and Development and Capital Projects Working Groups") == [
        "Member Training and Development Working Group", "Capital Projects Working Group"]


def test_councils_of_registered_places_take_their_registered_names() -> None:
    assert names_of("Durham, Gateshead and Sunderland Councils agreed") == [
        "Durham County Council", "Gateshead Metropolitan Borough Council", "Sunderland City Council"]
    assert names_of("the Babergh and Mid Suffolk District Councils") == [
        "Babergh District Council", "Mid Suffolk District Council"]


def test_lists_that_only_look_shared_stay_whole() -> None:
    # One name in the plural: its words are no names of their own.
    assert names_of("the Overview and Scrutiny Committees of both councils") == []
    assert names_of("all Health and Wellbeing Boards") == []
    assert names_of("the former Training and Enterprise Councils") == []
    assert names_of("the Town and Parish Councils of the district") == []
    # Names with heads of their own, and a head that goes on into a post.
    assert names_of("Appointment to Standing Committees, Licensing Board and Ad Hoc Sub-Committees") == []
    assert names_of("Director of Conservation & Community Ann Vale Committees Officer") == []


def test_the_list_wins_over_a_cue_run_ending_in_the_plural() -> None:
    parsed = parse_document(Document("t.txt", "t", "Minutes\n\nShe sat on the Harbours and "
                                     "Moorland, Resources and Appeals Committees.\n", "0"))
    found = {m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == "committee"}
    assert {"Moorland Committee", "Resources Committee", "Appeals Committee"} <= found
    assert not any(label.endswith("Committees") for label in found)


MINUTES = """Brackmoor Borough Council

Minutes of the meeting of the Licensing Committee held on 3 March 2025

Present: Councillor Ann Vane (Chair), Councillor Tom Reed

1. Chair's announcements

The Chair thanked Councillor Reed, who had served on the Harbours, Moorland and Appeals Committees since 2011, and welcomed the report on the Tarn Vale and North of Wexe Combined Authorities.
"""


def test_each_listed_committee_is_a_committee_of_the_host_in_the_graph(tmp_path: Path) -> None:
    folder = tmp_path / "brackmoor"
    folder.mkdir()
    (folder / "2025-03-03-licensing-minutes.txt").write_text(MINUTES)
    registry = Registry()
    result = build_documents(collect_sources([folder])[0], registry)
    assert result.errors == []
    parents = {(str(s).split("/id/")[-1], str(o).split("/id/")[-1])
               for graphs in result.graphs for s, o in graphs.assertions.subject_objects(ORG.subOrganizationOf)}
    committees = {entity.label: entity.key for entity in registry.of_kind("Committee")}
    for name in ("Harbours Committee", "Moorland Committee", "Appeals Committee"):
        assert (committees[name], "org/brackmoor-borough-council") in parents, name
    # What the paper gave, not the gazetteer's reference data ("Veterans Advisory and Pensions Committees").
    organisations = {entity.label for entity in registry.of_kind("Organisation") if entity.status != "curated"}
    assert {"Tarn Vale Combined Authority", "North of Wexe Combined Authority"} <= organisations
    assert not any(label.endswith(("Committees", "Authorities")) for label in {*committees, *organisations})
