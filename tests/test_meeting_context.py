"""Context is scoped to a meeting, and the host authority is found without a manifest (issue 9,
point 1).

Documents in one folder share committee, date, authority and cast only when they belong to one
meeting: their manifest says so, or their texts give the same date and committee. The fixture
``tests/fixtures/meetings/two-councils`` holds two invented councils' minutes (a plain-text
district council planning committee, and a borough council licensing committee as an HTML page
whose body never names the council: its ``<title>`` and ``og:site_name`` do).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph, URIRef

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import OA, ORG, RDF, SCHEMA
from evidence_graph.pipeline.build import build_documents, build_into_store, collect_sources
from tests.conftest import FIXTURES, MINUTES, PACK, SAMPLE, GraphQuery

TWO_COUNCILS = FIXTURES / "meetings" / "two-councils"
NORTHFOLD = "doc/two-councils/northfold-planning-minutes"
EASTMERE = "doc/two-councils/eastmere-licensing-minutes"
ID = "http://127.0.0.1:8000/id/"


def graphs_by_key(paths: list[Path]) -> dict[str, Graph]:
    sources, errors = collect_sources(paths)
    result = build_documents(sources, Registry())
    assert errors == [] and result.errors == []
    return {f"doc/{g.key}": g.assertions for g in result.graphs}


def nodes(graph: Graph, prefix: str) -> set[str]:
    return {str(n) for t in graph for n in (t[0], t[2]) if isinstance(n, URIRef) and str(n).startswith(ID + prefix)}


def meeting_of(graph: Graph, doc: str) -> set[str]:
    return {str(o) for o in graph.objects(URIRef(ID + doc), SCHEMA.about) if "/item/" not in str(o)
            and str(o).startswith(ID + "meeting/")}


def annotated(graph: Graph, exact: str) -> set[str]:
    found = set()
    for annotation in graph.subjects(RDF.type, OA.Annotation):
        quotes = {str(q) for t in graph.objects(annotation, OA.hasTarget)
                  for s in graph.objects(t, OA.hasSelector) for q in graph.objects(s, OA.exact)}
        if exact in quotes:
            found |= {str(b) for b in graph.objects(annotation, OA.hasBody)}
    return found


@pytest.fixture(scope="module")
def two_councils() -> dict[str, Graph]:
    return graphs_by_key([TWO_COUNCILS])


def test_two_unrelated_meetings_in_one_folder_share_nothing(two_councils: dict[str, Graph]) -> None:
    north, east = two_councils[NORTHFOLD], two_councils[EASTMERE]
    # Each is a meeting of its own committee of its own council on its own date.
    assert meeting_of(north, NORTHFOLD) == {ID + "meeting/northfold-district-council/planning-committee/2025-03-04"}
    assert meeting_of(east, EASTMERE) == {ID + "meeting/eastmere-borough-council/licensing-committee/2025-06-11"}
    assert nodes(north, "committee/") == {ID + "committee/northfold-district-council/planning-committee"}
    assert nodes(east, "committee/") == {ID + "committee/eastmere-borough-council/licensing-committee"}
    # Authority: "the Council" is each paper's own council, and neither names the other.
    assert annotated(north, "the Council") <= {ID + "org/northfold-district-council"}
    assert annotated(east, "the Council") == {ID + "org/eastmere-borough-council"}
    assert ID + "org/eastmere-borough-council" not in nodes(north, "org/")
    assert ID + "org/northfold-district-council" not in nodes(east, "org/")
    # Dates: neither graph holds the other's.
    dates = {doc: {str(o) for _, p, o in g if "date" in str(p).lower()} for doc, g in two_councils.items()}
    assert not any("2025-06-11" in d for d in dates[NORTHFOLD]) and not any("2025-03-04" in d for d in dates[EASTMERE])
    # Cast: nobody of one meeting is in the other's graph.
    north_people, east_people = nodes(north, "person/"), nodes(east, "person/")
    assert north_people and east_people and not north_people & east_people
    assert ID + "person/owen-tully" in north_people and ID + "person/gareth-pryce" in east_people


def test_a_single_file_is_read_with_its_meeting_only(two_councils: dict[str, Graph]) -> None:
    alone = graphs_by_key([TWO_COUNCILS / "northfold-planning-minutes.txt"])[NORTHFOLD]
    # Its unrelated sibling is not its context: the graph is what the folder build gave it.
    assert set(alone) == set(two_councils[NORTHFOLD])


def test_same_day_cabinets_of_two_councils_are_two_meetings(tmp_path: Path) -> None:
    folder = tmp_path / "cabinets"
    folder.mkdir()
    for council, person in (("Westbury Borough Council", "Anna Collier"), ("Norbury County Council", "Ian Drake")):
        slug = council.split()[0].lower()
        (folder / f"{slug}-cabinet.txt").write_text(
            f"{council.upper()}\n\nMinutes of a meeting of the Cabinet held on Wednesday, 5 March 2025 at 2.00 pm\n\n"
            f"Present: Cllr {person} (Chair)\n\n1. Budget\n\nCllr {person.split()[1]} said that the Council "
            f"would set its budget.\n", encoding="utf-8")
    graphs = graphs_by_key([folder])
    west, nor = graphs["doc/cabinets/westbury-cabinet"], graphs["doc/cabinets/norbury-cabinet"]
    assert meeting_of(west, "doc/cabinets/westbury-cabinet") == {ID + "meeting/westbury-borough-council/cabinet/2025-03-05"}
    assert meeting_of(nor, "doc/cabinets/norbury-cabinet") == {ID + "meeting/norbury-county-council/cabinet/2025-03-05"}
    assert ID + "person/ian-drake" not in nodes(west, "person/") and ID + "person/anna-collier" not in nodes(nor, "person/")


def test_the_sample_with_its_manifest_shares_one_meeting(sample: GraphQuery) -> None:
    meetings = {doc: set(sample.values(f"SELECT ?m WHERE {{ id:{doc} schema:about ?m . ?m a eg:Meeting }}"))
                for doc in (PACK, MINUTES)}
    assert meetings[PACK] == meetings[MINUTES] == {ID + "meeting/gb-lae-ken/select-committee-commissioning/2014-01-30"}


@pytest.fixture(scope="module")
def unmanifested(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample corpus without its manifest, under the same folder name."""
    folder = tmp_path_factory.mktemp("nomanifest") / SAMPLE.name
    folder.mkdir()
    for path in SAMPLE.iterdir():
        if path.name != "manifest.toml":
            shutil.copy(path, folder / path.name)
    return folder


@pytest.fixture(scope="module")
def unmanifested_store(unmanifested: Path, tmp_path_factory: pytest.TempPathFactory) -> EvidenceStore:
    store = EvidenceStore(tmp_path_factory.mktemp("nomanifest-store") / "store")
    result = build_into_store(store, [unmanifested])
    assert result.errors == []
    return store


def test_the_sample_without_its_manifest_still_shares_one_meeting(unmanifested: Path) -> None:
    with_manifest = graphs_by_key([SAMPLE])
    without = graphs_by_key([unmanifested])
    assert set(without) == set(with_manifest) == {PACK, MINUTES}
    for doc in (PACK, MINUTES):
        assert meeting_of(without[doc], doc) == {ID + "meeting/gb-lae-ken/select-committee-commissioning/2014-01-30"}
    # The same facts but for what only the manifest states of a document (its title and date).
    for doc, graph in with_manifest.items():
        document = URIRef(ID + doc)
        differ = {(s, p, o) for s, p, o in set(graph) ^ set(without[doc])}
        assert {(s, str(p).rsplit("/", 1)[-1]) for s, p, _ in differ} <= {(document, "title"), (document, "date")}


def test_the_sample_without_its_manifest_names_kent_county_council_once_with_its_aliases(
        unmanifested_store: EvidenceStore) -> None:
    query = GraphQuery(unmanifested_store)
    councils = query.rows("""SELECT ?o ?n WHERE { ?o a org:FormalOrganization ;
                               skos:prefLabel|skos:altLabel|skos:hiddenLabel ?n }""")
    names: dict[str, set[str]] = {}
    for org, name in councils:
        names.setdefault(org, set()).add(name)
    kent = [org for org, labels in names.items() if "Kent County Council" in labels]
    assert len(kent) == 1
    assert {"Kent County Council", "KCC", "the County Council", "County Copuncil"} <= names[kent[0]]
    others = {name.lower() for org, labels in names.items() if org != kent[0] for name in labels}
    assert not others & {"kcc", "the county council", "county council", "tcc", "kent county council"}
    # "the County Council" and "the Council" in the minutes are Kent County Council.
    minutes = unmanifested_store.graph(URIRef(ID + "graph/" + MINUTES))
    assert annotated(minutes, "the County Council") == {kent[0]}
    assert annotated(minutes, "County Copuncil") == {kent[0]}
    assert (URIRef(ID + "committee/gb-lae-ken/select-committee-commissioning"), ORG.subOrganizationOf,
            URIRef(kent[0])) in minutes


def test_the_host_of_a_document_naming_two_councils_is_the_one_whose_committee_meets(tmp_path: Path) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "cabinet-minutes.txt").write_text(
        "Ashcombe Borough Council – Cabinet\n\nMinutes of the meeting held on 9 April 2025\n\n"
        "Present: Cllr Ruth Penhale (Leader)\n\n"
        "1. Joint waste contract\n\n"
        "The Cabinet considered a letter from Dunmore County Council. Dunmore County Council proposed that "
        "Dunmore County Council and the Council extend the joint contract, and Dunmore County Council would "
        "pay half of the cost. Cllr Penhale said that the Council would reply by May.\n", encoding="utf-8")
    graph = graphs_by_key([folder])["doc/letters/cabinet-minutes"]
    assert meeting_of(graph, "doc/letters/cabinet-minutes") == {ID + "meeting/ashcombe-borough-council/cabinet/2025-04-09"}
    assert annotated(graph, "the Council") == {ID + "org/ashcombe-borough-council"}
    assert annotated(graph, "Dunmore County Council") == {ID + "org/dunmore-county-council"}
