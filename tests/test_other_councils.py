"""Papers written in other councils' styles load with sensible people, organisations and passages.

The fixtures under ``tests/fixtures/other_councils/`` are invented councils and people, each
in a layout the Kent sample does not use, and none has a manifest:

* ``harbourne-overview-scrutiny``: district council scrutiny minutes (plain text, capitals
  heading, "Present: Cllr …", "Officers: Name, Post; …", numbered minutes, "RESOLVED: That (a) …");
* ``wexcombe-licensing``: a ModernGov-style HTML minutes page (``<ol start="31">`` items with
  ``<h3>`` titles, an officers table, "Councillor X asked …", bold RESOLVED);
* ``calderbrook-cabinet-budget``: an officer report in Markdown (bold ``**Report author:**``
  header lines, section-numbered paragraphs, a table of budget figures, a signature);
* ``ashmere-cost-of-living-review``: written evidence from a charity to a borough council review.

Each test states what an analyst reads in the paper and checks it as facts in the graph.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import FIXTURES, GraphQuery
from rdflib import URIRef

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.iris import document_graph, provenance_graph
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.validation import quote_failures
from evidence_graph.graph.vocabulary import SCHEMA
from evidence_graph.pipeline.build import build_documents, build_into_store, collect_sources

OTHER = FIXTURES / "other_councils"
HARBOURNE = "doc/other_councils/harbourne-overview-scrutiny/2024-11-12-minutes"
WEXCOMBE = "doc/other_councils/wexcombe-licensing/minutes-15-january-2025"
CALDERBROOK = "doc/other_councils/calderbrook-cabinet-budget/2025-02-06-revenue-budget-report"
ASHMERE = "doc/other_councils/ashmere-cost-of-living-review/brightwater-food-partnership-evidence"
HARBOURNE_MEETING = "id:meeting/harbourne-district-council/overview-and-scrutiny-committee/2024-11-12"
WEXCOMBE_MEETING = "id:meeting/wexcombe-city-council/licensing-and-regulatory-committee/2025-01-15"


@pytest.fixture(scope="module")
def other_store(tmp_path_factory: pytest.TempPathFactory) -> EvidenceStore:
    store = EvidenceStore(tmp_path_factory.mktemp("store") / "other")
    result = build_into_store(store, [OTHER])
    assert result.errors == []
    return store


@pytest.fixture(scope="module")
def other(other_store: EvidenceStore) -> GraphQuery:
    return GraphQuery(other_store)


def passage_by_text(other: GraphQuery, doc: str, start: str) -> str:
    """The one passage of ``doc`` whose text starts with ``start``."""
    found = other.values(f"""SELECT ?p WHERE {{ ?p a eg:Passage ; dcterms:isPartOf id:{doc} ; schema:text ?t .
                              FILTER(STRSTARTS(?t, {_literal(start)})) }}""")
    assert len(found) == 1, (start, found)
    return found[0]


def _literal(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def author_of(other: GraphQuery, doc: str, start: str) -> list[str]:
    passage = passage_by_text(other, doc, start)
    return [a.rsplit("/id/", 1)[1] for a in other.values(f"SELECT ?a WHERE {{ <{passage}> schema:author ?a }}")]


def annotated_as(other: GraphQuery, doc: str, exact: str) -> set[str]:
    """Entities the mentions of ``exact`` in ``doc`` resolve to."""
    return {v.rsplit("/id/", 1)[1] for v in other.values(f"""SELECT DISTINCT ?e WHERE {{
        GRAPH <http://127.0.0.1:8000/id/graph/{doc}> {{
          ?a a oa:Annotation ; oa:hasBody ?e ; oa:hasTarget/oa:hasSelector/oa:exact {_literal(exact)} }} }}""")}


def holds(other: GraphQuery, person: str) -> set[tuple[str, str]]:
    """(post, organisation) labels of the posts a person holds."""
    return {(r[0], r[1]) for r in other.rows(f"""SELECT ?post ?org WHERE {{
        id:{person} org:holds ?h . ?h skos:prefLabel ?post ; org:postIn/skos:prefLabel ?org }}""")}


@pytest.mark.parametrize("folder", sorted(p.name for p in OTHER.iterdir() if p.is_dir()))
def test_each_paper_loads_alone_without_a_manifest(folder: str) -> None:
    path = OTHER / folder
    assert not (path / "manifest.toml").exists()
    sources, errors = collect_sources([path])
    result = build_documents(sources, Registry())
    assert errors == [] and result.errors == []
    assert len(result.graphs) == 1


def test_the_host_authority_is_the_most_named_council(other: GraphQuery) -> None:
    # A capitals heading ("HARBOURNE DISTRICT COUNCIL") counts, and "the Council" is that council.
    assert annotated_as(other, HARBOURNE, "the Council") == {"org/harbourne-district-council"}
    assert annotated_as(other, WEXCOMBE, "the Council") == {"org/wexcombe-city-council"}
    assert annotated_as(other, CALDERBROOK, "The Council") == {"org/calderbrook-borough-council"}
    assert annotated_as(other, ASHMERE, "the Council") == {"org/ashmere-borough-council"}
    # "The council tax requirement" is a tax, not the authority.
    assert annotated_as(other, CALDERBROOK, "The council") == set()
    committees = {tuple(row) for row in other.rows("""SELECT ?label ?parent WHERE { ?c a eg:Committee ;
                                    skos:prefLabel ?label ; org:subOrganizationOf/skos:prefLabel ?parent }""")}
    # The meetings' own committees, and those their papers name ("recommended to Council",
    # "the Cabinet be recommended", "recommend to Full Council"), each a committee of its council.
    assert committees == {("Overview and Scrutiny Committee", "Harbourne District Council"),
                          ("Licensing and Regulatory Committee", "Wexcombe City Council"),
                          ("Cabinet", "Calderbrook Borough Council"),
                          ("Cabinet", "Harbourne District Council"),
                          ("Council", "Wexcombe City Council"),
                          ("Full Council", "Calderbrook Borough Council")}


def test_meetings_take_committee_date_and_time_from_the_minutes_title(other: GraphQuery) -> None:
    rows = {r[0].rsplit("/id/", 1)[1]: r[1:] for r in other.rows(
        "SELECT ?m ?name ?start WHERE { ?m a eg:Meeting ; schema:organizer/skos:prefLabel ?name ; "
        "schema:startDate ?start }")}
    assert rows == {
        "meeting/harbourne-district-council/overview-and-scrutiny-committee/2024-11-12":
            ("Overview and Scrutiny Committee", "2024-11-12T18:30:00"),
        "meeting/wexcombe-city-council/licensing-and-regulatory-committee/2025-01-15":
            ("Licensing and Regulatory Committee", "2025-01-15T19:00:00"),
        "meeting/calderbrook-borough-council/cabinet/2025-02-06": ("Cabinet", "2025-02-06"),
    }


def test_councillors_present_lose_their_honorific_and_the_chair_is_marked(other: GraphQuery) -> None:
    committee = "id:committee/harbourne-district-council/overview-and-scrutiny-committee"
    members = other.values(f"""SELECT DISTINCT ?family WHERE {{ ?m a org:Membership ; org:organization {committee} ;
                                org:member/schema:familyName ?family }} ORDER BY ?family""")
    # Present (eight, the substitute included) and the two who sent apologies.
    assert members == ["Fenwick", "Gill", "Nash", "Okafor", "Patel", "Pembury", "Quinlan", "Rowe",
                       "Thornbury", "Whitlock"]
    assert other.values(f"SELECT ?p WHERE {{ ?m org:organization {committee} ; org:role id:concept/role/chair ; "
                        "org:member ?p }") == ["http://127.0.0.1:8000/id/person/r-okafor"]
    assert other.values("SELECT ?n WHERE { id:person/r-okafor schema:name ?n }") == ["R Okafor"]
    wexcombe = "id:committee/wexcombe-city-council/licensing-and-regulatory-committee"
    # "Councillors Bridget Hallam (Chair), Owen Carraway (Vice-Chair), …": one honorific for all.
    assert other.values(f"SELECT ?n WHERE {{ ?m org:organization {wexcombe} ; org:role id:concept/role/vice-chair ; "
                        "org:member/schema:name ?n }") == ["Owen Carraway"]
    attendees = set(other.values(f"SELECT ?n WHERE {{ {WEXCOMBE_MEETING} schema:attendee/schema:name ?n }}"))
    assert {"Bridget Hallam", "Fatima Bello", "Vikram Tandon", "Martin Osei", "Julia Brennan"} <= attendees
    assert not any(n.startswith(("Cllr", "Councillor")) for n in attendees)


def test_officers_in_attendance_hold_their_own_posts(other: GraphQuery) -> None:
    # "Officers: Karen Ashby, Head of Housing Services; Tom Ridley, Strategic Housing Manager; …"
    assert holds(other, "person/karen-ashby") == {("Head of Housing Services", "Harbourne District Council")}
    assert holds(other, "person/tom-ridley") == {("Strategic Housing Manager", "Harbourne District Council")}
    assert holds(other, "person/priya-desai") == {("Democratic Services Officer", "Harbourne District Council")}
    assert holds(other, "person/denise-marsh") == {
        ("Cabinet Member for Housing and Communities", "Harbourne District Council")}
    # A ModernGov table of officers: "Martin Osei | Licensing Manager".
    assert holds(other, "person/martin-osei") == {("Licensing Manager", "Wexcombe City Council")}
    assert holds(other, "person/julia-brennan") == {("Senior Solicitor", "Wexcombe City Council")}
    # The quote of each post re-anchors on the officer's own entry.
    quotes = other.values("""SELECT ?exact WHERE { ?st rdf:subject id:person/tom-ridley ; rdf:predicate org:holds ;
                             prov:wasQuotedFrom/oa:hasSelector/oa:exact ?exact }""")
    assert quotes == ["Tom Ridley, Strategic Housing Manager"]


def test_numbered_minutes_are_agenda_items_holding_their_passages(other: GraphQuery) -> None:
    items = dict(other.rows(f"""SELECT ?n ?name WHERE {{ ?i a eg:AgendaItem ; schema:superEvent {HARBOURNE_MEETING} ;
                                schema:position ?n ; schema:name ?name }}"""))
    assert items == {"21": "Apologies for Absence and Substitutions", "22": "Declarations of Interest",
                     "23": "Minutes of the Previous Meeting", "24": "Housing Allocations Policy Review",
                     "25": "Work Programme 2024/25"}
    # ModernGov keeps the list's start number (<ol start="31">) and the <h3> title on one line.
    html_items = dict(other.rows(f"""SELECT ?n ?name WHERE {{ ?i schema:superEvent {WEXCOMBE_MEETING} ;
                                     schema:position ?n ; schema:name ?name }}"""))
    assert html_items == {"31": "Apologies for Absence", "32": "Declarations of Interest",
                          "33": "Taxi and Private Hire Licensing Policy 2025-2030",
                          "34": "Street Trading Consent Fees 2025/26"}
    question = passage_by_text(other, HARBOURNE, "Cllr Patel asked")
    assert other.values(f"SELECT ?i WHERE {{ <{question}> eg:agendaItem ?i }}") == [
        HARBOURNE_MEETING.replace("id:", "http://127.0.0.1:8000/id/") + "/item/24"]
    in_item_33 = other.values(f"""SELECT ?p WHERE {{ ?p eg:agendaItem ?i . ?i schema:superEvent {WEXCOMBE_MEETING} ;
                                  schema:position ?n . FILTER(STR(?n) = "33") }}""")
    assert len(in_item_33) == 6


def test_reported_speech_is_attributed_to_the_councillor_or_officer(other: GraphQuery) -> None:
    assert author_of(other, HARBOURNE, "Cllr Patel asked") == ["person/h-patel"]
    assert author_of(other, HARBOURNE, "Mr Ridley replied") == ["person/tom-ridley"]
    assert author_of(other, HARBOURNE, "Cllr Marsh added") == ["person/denise-marsh"]
    assert author_of(other, WEXCOMBE, "Councillor Bello asked") == ["person/fatima-bello"]
    assert author_of(other, WEXCOMBE, "Mr Osei explained") == ["person/martin-osei"]
    # A post standing for its one holder in the meeting's cast.
    assert author_of(other, HARBOURNE, "The Head of Housing Services introduced") == ["person/karen-ashby"]
    assert author_of(other, WEXCOMBE, "The Licensing Manager presented") == ["person/martin-osei"]
    # "Cllr Patel" is "Cllr H Patel" of the attendance list, not a second person.
    assert not other.ask("?p a schema:Person ; schema:familyName 'Patel' . FILTER(?p != id:person/h-patel)")
    assert "Cllr Patel" in other.values("SELECT ?n WHERE { id:person/h-patel skos:altLabel ?n }")


def test_resolved_decisions_are_kept_whole_as_passages(other: GraphQuery) -> None:
    decisions = other.values(f"""SELECT ?t WHERE {{ ?p dcterms:type "decision" ; dcterms:isPartOf id:{HARBOURNE} ;
                                 schema:text ?t }}""")
    assert len(decisions) == 3
    housing = next(t for t in decisions if "Allocations" in t)
    # "RESOLVED: That" with its limbs (a) and (b) is one decision.
    assert housing.startswith("RESOLVED: That") and "(a) the Cabinet" in housing and "(b) the Head" in housing
    html = other.values(f"""SELECT ?t WHERE {{ ?p dcterms:type "decision" ; dcterms:isPartOf id:{WEXCOMBE} ;
                            schema:text ?t }}""")
    assert sorted(t[:30] for t in html) == ["RESOLVED: That the Taxi and Pr", "RESOLVED: That the street trad"]


def test_organisations_named_in_passing(other: GraphQuery) -> None:
    def named_in(doc: str) -> set[str]:
        return set(other.values(f"""SELECT DISTINCT ?label WHERE {{
            GRAPH <http://127.0.0.1:8000/id/graph/{doc}> {{ ?a a oa:Annotation ; oa:hasBody ?o }}
            ?o a org:FormalOrganization ; skos:prefLabel ?label }}"""))

    assert {"Harbourne Homes Trust", "Citizens Advice"} <= named_in(HARBOURNE)
    assert "Wexcombe Hackney Carriage Association" in named_in(WEXCOMBE)
    assert "Calderbrook Leisure Trust" in named_in(CALDERBROOK)
    assert {"Trussell Trust", "Brightwater Food Partnership"} <= named_in(ASHMERE)
    assert annotated_as(other, CALDERBROOK, "Local Government Finance Act 1992") == {"legislation/ukpga-1992-14"}
    assert annotated_as(other, WEXCOMBE, "Equality Act 2010") == {"legislation/ukpga-2010-15"}
    assert annotated_as(other, HARBOURNE, "Housing Act 1996") == {"legislation/ukpga-1996-52"}


def test_report_header_names_author_and_cabinet_member(other: GraphQuery) -> None:
    # Bold labels ("**Report author:** Name, Post") one per line.
    assert other.values(f"SELECT ?a WHERE {{ id:{CALDERBROOK} schema:author ?a }}") == [
        "http://127.0.0.1:8000/id/person/sarah-lindqvist"]
    assert holds(other, "person/sarah-lindqvist") == {("Chief Finance Officer", "Calderbrook Borough Council")}
    assert holds(other, "person/naveen-choudhury") == {
        ("Cabinet Member for Finance and Corporate Services", "Calderbrook Borough Council")}
    titles = other.values(f"SELECT ?t WHERE {{ id:{CALDERBROOK} dcterms:title ?t }}")
    assert "Revenue Budget 2025/26 and Medium Term Financial Strategy" in titles


def test_table_figures_keep_value_unit_and_row_and_column(other: GraphQuery) -> None:
    rows = other.rows(f"""SELECT ?measure ?v ?cur ?unit WHERE {{
        ?f a eg:Figure ; schema:value ?v ; eg:measure ?measure ; schema:appearance ?p .
        ?p dcterms:type "table-row" ; dcterms:isPartOf id:{CALDERBROOK} .
        OPTIONAL {{ ?f schema:currency ?cur }} OPTIONAL {{ ?f schema:unitText ?unit }} }}""")
    figures = {r[0]: (float(r[1]), r[2] or r[3]) for r in rows}
    assert len(figures) == 24  # six rows of four figures
    assert figures["Adult Social Care – 2025/26 budget"] == (56_100_000, "GBP")
    assert figures["Housing and Homelessness – Change (%)"] == (12.9, "%")
    assert figures["Corporate Services – Change"] == (-800_000, "GBP")
    assert figures["Corporate Services – Change (%)"] == (-5.5, "%")
    assert figures["Total – 2024/25 budget"] == (116_500_000, "GBP")
    # The header row is a passage too, but names columns, not figures.
    assert other.ask(f"""?h dcterms:type "table-header" ; dcterms:isPartOf id:{CALDERBROOK} ;
                         schema:text ?t . FILTER(CONTAINS(?t, "Service area"))""")


def test_figures_in_prose_with_counts_and_money(other: GraphQuery) -> None:
    def figure(doc: str, description: str) -> tuple[str, str]:
        rows = other.rows(f"""SELECT ?v ?u WHERE {{ ?f a eg:Figure ; schema:description {_literal(description)}@en ;
            schema:value ?v ; schema:appearance/dcterms:isPartOf id:{doc} .
            OPTIONAL {{ ?f schema:unitText|schema:currency ?u }} }}""")
        assert len(rows) == 1, (description, rows)
        return rows[0]

    assert figure(HARBOURNE, "2,846 households") == ("2846", "households")
    assert figure(WEXCOMBE, "148 vehicles") == ("148", "vehicles")
    assert figure(WEXCOMBE, "£250,000") == ("250000", "GBP")
    assert figure(ASHMERE, "£312,000") == ("312000", "GBP")
    # A section number ("3.2") is not part of the prose a figure is measured in.
    measures = other.values(f"""SELECT ?m WHERE {{ ?f eg:measure ?m ; schema:appearance/dcterms:isPartOf id:{CALDERBROOK} }}""")
    assert measures and not any(m[:4].strip().replace(".", "").isdigit() for m in measures)


def test_written_evidence_is_by_the_charity_and_signed_by_its_chief_executive(other: GraphQuery) -> None:
    authors = set(other.values(f"SELECT ?a WHERE {{ id:{ASHMERE} schema:author ?a }}"))
    assert authors == {"http://127.0.0.1:8000/id/org/brightwater-food-partnership",
                       "http://127.0.0.1:8000/id/person/imogen-tate"}
    assert holds(other, "person/imogen-tate") == {("Chief Executive", "Brightwater Food Partnership")}
    assert other.values("SELECT ?n WHERE { id:person/imogen-tate schema:name ?n }") == ["Imogen Tate"]
    assert author_of(other, ASHMERE, "The Council should adopt") == ["org/brightwater-food-partnership"]


def test_every_quote_re_anchors_in_the_stored_text(other_store: EvidenceStore) -> None:
    keys = other_store.document_keys()
    assert len(keys) == 4
    checked = 0
    for key in keys:
        text = next(str(o) for _, o in other_store.graph(provenance_graph(key)).subject_objects(SCHEMA.text))
        graph = other_store.graph(document_graph(key))
        assert quote_failures(graph, text, limit=10**6) == []
        checked += len(set(graph.subjects(URIRef("http://www.w3.org/ns/oa#hasSelector"), None)))
    assert checked > 200


def test_fixture_folders_are_not_tied_to_the_sample() -> None:
    # Invented councils only: a fixture that quietly reused the sample would prove nothing.
    for path in Path(OTHER).rglob("*.*"):
        text = path.read_text(encoding="utf-8")
        assert "Kent" not in text and "Wilson" not in text, path
