"""The GraphQL schema executed in process over the sample graph: root fields, evidence,
pagination, filters, sorting and the limits that refuse hostile queries."""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

import pytest
from rdflib import Literal

from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import ID, RDF, SCHEMA, SKOS
from evidence_graph.schema import build_schema
from evidence_graph.schema.context import GraphSnapshot, RequestContext
from tests.conftest import SAMPLE

SCHEMA_SDL = Path(__file__).parents[1] / "schema.graphql"
KCC = str(ID["org/gb-lae-ken"])
WILSON = str(ID["person/thom-wilson"])
SALUS = str(ID["org/project-salus"])
STEPAHEAD = str(ID["org/stepahead-support"])
IFA = str(ID["framework/independent-foster-agency-framework"])

API = build_schema()


@pytest.fixture(scope="module")
def snapshot(sample_store: EvidenceStore) -> GraphSnapshot:
    return GraphSnapshot.from_quads(sample_store.quads())


def execute(snapshot: GraphSnapshot, query: str, variables: dict[str, Any] | None = None) -> Any:
    return asyncio.run(API.execute(query, variable_values=variables, context_value=RequestContext(snapshot)))


def data(snapshot: GraphSnapshot, query: str, variables: dict[str, Any] | None = None) -> dict[str, Any]:
    result = execute(snapshot, query, variables)
    assert result.errors is None, [e.message for e in result.errors]
    return result.data


def error(snapshot: GraphSnapshot, query: str, variables: dict[str, Any] | None = None) -> str:
    result = execute(snapshot, query, variables)
    assert result.errors, f"expected an error, got {result.data}"
    return " | ".join(e.message for e in result.errors)


# -- the schema as a contract ---------------------------------------------------------------------
def test_sdl_file_matches_the_schema() -> None:
    assert SCHEMA_SDL.read_text(encoding="utf-8") == API.as_str() + "\n", \
        "schema.graphql is stale: run `evidence-graph schema -o schema.graphql` and review the diff"


def test_every_entity_type_implements_entity_and_node() -> None:
    sdl = API.as_str()
    for name in ("Person", "Organisation", "Committee", "Post", "Membership", "Meeting", "AgendaItem", "Document",
                 "Passage", "Question", "Service", "Programme", "Framework", "Legislation", "Issue", "Theme",
                 "Place", "Figure", "Claim"):
        assert f"type {name} implements " in sdl and "Entity" in sdl.split(f"type {name} implements ")[1].split("{")[0]


# -- look-ups ------------------------------------------------------------------------------------
def test_entity_by_iri_has_label_aliases_types_and_degree(snapshot: GraphSnapshot) -> None:
    found = data(snapshot, "query($iri: String!) { entity(iri: $iri) { __typename iri label aliases types "
                           "degree graphs } }", {"iri": KCC})["entity"]
    assert found["__typename"] == "Organisation" and found["label"] == "Kent County Council"
    assert {"KCC", "County Copuncil"} <= set(found["aliases"])
    assert "http://www.w3.org/ns/org#FormalOrganization" in found["types"]
    assert found["degree"] == snapshot.views.graph.degree(KCC) > 10
    assert data(snapshot, '{ entity(iri: "urn:nothing") { iri } }')["entity"] is None


def test_node_and_nodes_resolve_global_ids_of_entities_and_statements(snapshot: GraphSnapshot) -> None:
    person = data(snapshot, "query($iri: String!) { entity(iri: $iri) { id relations(first: 1) "
                            "{ edges { node { id predicate } } } } }", {"iri": WILSON})["entity"]
    statement = person["relations"]["edges"][0]["node"]
    found = data(snapshot, "query($a: ID!, $b: ID!) { node(id: $a) { id ... on Person { label } } "
                           "nodes(ids: [$a, $b]) { id ... on Statement { predicate } } }",
                 {"a": person["id"], "b": statement["id"]})
    assert found["node"] == {"id": person["id"], "label": "Thom Wilson"}
    assert found["nodes"][1] == {"id": statement["id"], "predicate": statement["predicate"]}
    assert "not a global id" in error(snapshot, '{ node(id: "%%%") { id } }')


def test_typed_lists_count_every_node_of_their_type(snapshot: GraphSnapshot) -> None:
    lists = {"people": ("Person",), "committees": ("Committee",), "posts": ("Post",),
             "memberships": ("Membership",), "meetings": ("Meeting",), "agendaItems": ("AgendaItem",),
             "documents": ("Document",), "passages": ("Passage",), "questions": ("Question",),
             "services": ("Service",), "programmes": ("Programme",), "frameworks": ("Framework",),
             "legislation": ("Legislation",), "issues": ("Issue",), "themes": ("Theme",), "places": ("Place",),
             "figures": ("Figure",), "claims": ("Claim",), "contributions": ("Contribution",),
             "organisations": ("Organisation", "Committee", "OrganisationalUnit")}
    query = "{ " + " ".join(f"{name}(first: 1) {{ totalCount }}" for name in lists) + " entities { totalCount } }"
    found = data(snapshot, query)
    by_type = snapshot.views.by_type
    for name, types in lists.items():
        assert found[name]["totalCount"] == sum(len(by_type.get(t, [])) for t in types) > 0, name
    assert found["entities"]["totalCount"] == len(snapshot.views.nodes)


# -- evidence ---------------------------------------------------------------------------------------
def test_every_relation_leads_to_an_exact_quote_in_its_document(snapshot: GraphSnapshot) -> None:
    texts = {path.stem: path.read_text(encoding="utf-8") for path in SAMPLE.iterdir() if path.suffix in (".md", ".txt")}
    found = data(snapshot, "query($iri: String!) { entity(iri: $iri) { relations(first: 100) { totalCount edges "
                           "{ node { predicateName graph document { iri } evidence { quote start end "
                           "document { iri } passage { iri text } } } } } } }", {"iri": STEPAHEAD})
    relations = found["entity"]["relations"]
    evidenced = [e["node"] for e in relations["edges"] if e["node"]["evidence"]]
    assert len(evidenced) >= 10
    for statement in evidenced:
        for quote in statement["evidence"]:
            stem = quote["document"]["iri"].rsplit("/", 1)[1]
            assert texts[stem][quote["start"]:quote["end"]] == quote["quote"]
            assert quote["passage"] is None or quote["quote"] in quote["passage"]["text"]


def test_mentions_page_through_every_quote_of_an_entity(snapshot: GraphSnapshot) -> None:
    first = data(snapshot, "query($iri: String!) { entity(iri: $iri) { mentions(first: 2) { totalCount "
                           "pageInfo { hasNextPage endCursor } edges { node { quote start } } } } }", {"iri": KCC})
    mentions = first["entity"]["mentions"]
    assert mentions["totalCount"] == len(snapshot.views.annotations[KCC]) > 2
    assert {e["node"]["quote"] for e in mentions["edges"]} <= {"KCC", "Kent County Council", "County Council",
                                                                "the County Council", "County Copuncil",
                                                                "The County Council", "the Council", "Council"}


def test_figures_carry_value_range_unit_and_quote(snapshot: GraphSnapshot) -> None:
    figures = data(snapshot, "{ figures(first: 100) { edges { node { ... on Figure { text value minValue maxValue "
                             "currency unit measure approximate quote { quote } passage { iri } } } } } }")
    by_text = {e["node"]["text"]: e["node"] for e in figures["figures"]["edges"]}
    range_ = next(f for t, f in by_text.items() if "40" in t and "45" in t)
    assert (range_["minValue"], range_["maxValue"], range_["currency"]) == (40_000_000, 45_000_000, "GBP")
    children = next(f for t, f in by_text.items() if t.startswith("119"))
    assert children["value"] == 119 and children["unit"] == "children" and children["quote"]["quote"].startswith("119")


# -- search ------------------------------------------------------------------------------------------
def test_search_ranks_names_above_passages_and_highlights(snapshot: GraphSnapshot) -> None:
    found = data(snapshot, '{ search(text: "stepahead", first: 5) { totalCount edges { score node { score '
                           'snippet matchedIn node { iri } } } } }')["search"]
    top = found["edges"][0]
    assert top["node"]["node"]["iri"] == STEPAHEAD and top["node"]["matchedIn"] == "name"
    assert "[Stepahead]" in top["node"]["snippet"]
    scores = [e["score"] for e in found["edges"]]
    assert scores == sorted(scores, reverse=True) and found["totalCount"] > 5
    passages = data(snapshot, '{ search(text: "TUPE", types: ["Passage"]) { edges { node { snippet node '
                              '{ __typename } } } } }')["search"]["edges"]
    assert passages and all(e["node"]["node"]["__typename"] == "Passage" and "[TUPE]" in e["node"]["snippet"]
                            for e in passages)
    assert "unknown type" in error(snapshot, '{ search(text: "x", types: ["Nope"]) { totalCount } }')


# -- pagination ------------------------------------------------------------------------------------
PEOPLE_PAGE = ("query($first: Int, $after: String, $last: Int, $before: String) { people(first: $first, "
               "after: $after, last: $last, before: $before) { totalCount pageInfo { hasNextPage "
               "hasPreviousPage startCursor endCursor } edges { cursor node { label } } } }")


def test_pages_walk_the_whole_list_once_in_label_order(snapshot: GraphSnapshot) -> None:
    seen: list[str] = []
    after = None
    while True:
        page = data(snapshot, PEOPLE_PAGE, {"first": 4, "after": after})["people"]
        seen += [e["node"]["label"] for e in page["edges"]]
        if not page["pageInfo"]["hasNextPage"]:
            break
        after = page["pageInfo"]["endCursor"]
    assert len(seen) == page["totalCount"] == len(set(seen))
    assert seen == sorted(seen, key=str.casefold)
    assert page["edges"] and len(page["edges"]) <= 4  # the last page


def test_last_and_before_page_backwards(snapshot: GraphSnapshot) -> None:
    everyone = [e["node"]["label"] for e in data(snapshot, PEOPLE_PAGE, {"first": 100})["people"]["edges"]]
    tail = data(snapshot, PEOPLE_PAGE, {"last": 3})["people"]
    assert [e["node"]["label"] for e in tail["edges"]] == everyone[-3:]
    assert tail["pageInfo"]["hasPreviousPage"] and not tail["pageInfo"]["hasNextPage"]
    before = data(snapshot, PEOPLE_PAGE, {"last": 2, "before": tail["pageInfo"]["startCursor"]})["people"]
    assert [e["node"]["label"] for e in before["edges"]] == everyone[-5:-3]


def test_an_empty_page_has_no_cursors(snapshot: GraphSnapshot) -> None:
    empty = data(snapshot, '{ people(where: {label: {equals: "Nobody At All"}}) { totalCount pageInfo '
                           '{ hasNextPage hasPreviousPage startCursor endCursor } edges { cursor } } }')["people"]
    assert empty == {"totalCount": 0, "edges": [], "pageInfo": {"hasNextPage": False, "hasPreviousPage": False,
                                                                 "startCursor": None, "endCursor": None}}


def test_cursors_stay_put_when_items_are_added_before_them(snapshot: GraphSnapshot,
                                                          sample_store: EvidenceStore) -> None:
    page = data(snapshot, PEOPLE_PAGE, {"first": 3})["people"]
    next_label = data(snapshot, PEOPLE_PAGE, {"first": 1, "after": page["pageInfo"]["endCursor"]})["people"]
    registry = ID["graph/registry"]
    extra = [(ID["person/aaron-aardvark"], RDF.type, SCHEMA.Person, registry),
             (ID["person/aaron-aardvark"], SKOS.prefLabel, Literal("Aaron Aardvark"), registry)]
    grown = GraphSnapshot.from_quads([*sample_store.quads(), *extra])
    assert data(grown, PEOPLE_PAGE, {"first": 1})["people"]["edges"][0]["node"]["label"] == "Aaron Aardvark"
    again = data(grown, PEOPLE_PAGE, {"first": 1, "after": page["pageInfo"]["endCursor"]})["people"]
    assert again["edges"] == next_label["edges"]


def test_bad_cursors_and_page_sizes_are_refused_by_name(snapshot: GraphSnapshot) -> None:
    assert "invalid cursor" in error(snapshot, '{ people(after: "not-a-cursor") { totalCount } }')
    assert "first: 500 is above the page cap of 100" in error(snapshot, "{ people(first: 500) { totalCount } }")
    assert "last: must not be negative" in error(snapshot, "{ people(last: -1) { totalCount } }")


# -- filters and sorting ---------------------------------------------------------------------------
def labels(found: dict[str, Any], field: str) -> list[str]:
    return [e["node"]["label"] for e in found[field]["edges"]]


def test_filters_combine_with_and_or_not(snapshot: GraphSnapshot) -> None:
    wilson_or_salus = data(snapshot, '{ entities(where: {OR: [{label: {equals: "thom wilson"}}, '
                                     '{label: {startsWith: "Project Sal"}, type: ["Organisation"]}]}) '
                                     '{ edges { node { label } } } }')
    assert labels(wilson_or_salus, "entities") == ["Project Salus", "Thom Wilson"]
    councils = data(snapshot, '{ organisations(first: 100, where: {label: {contains: "council"}, '
                              'NOT: {name: {contains: "croydon"}}}) { edges { node { label } } } }')
    found = labels(councils, "organisations")
    assert "Kent County Council" in found and not any("Croydon" in label for label in found)
    both = data(snapshot, '{ entities(where: {AND: [{type: ["Person"]}, {name: {equals: "Mr Wilson"}}]}) '
                          '{ edges { node { label } } } }')
    assert labels(both, "entities") == ["Thom Wilson"]


def test_filters_by_relation_document_and_graph(snapshot: GraphSnapshot) -> None:
    services = data(snapshot, '{ services(where: {relatedTo: ["%s"]}) { edges { node { label } } } }' % STEPAHEAD)
    assert {"Family Mediation", "Young Healthy Minds"} <= set(labels(services, "services"))
    minutes = "http://127.0.0.1:8000/id/doc/kcc-commissioning-select-committee/2014-01-30-minutes-thom-wilson"
    in_minutes = data(snapshot, '{ organisations(first: 100, where: {inDocument: ["%s"]}) '
                                '{ edges { node { label } } } }' % minutes)
    assert {"Ofsted", "London Borough of Croydon Council"} <= set(labels(in_minutes, "organisations"))
    assert "Project Salus" not in labels(in_minutes, "organisations")
    graph = minutes.replace("/id/doc/", "/id/graph/doc/")
    in_graph = data(snapshot, '{ organisations(first: 100, where: {inGraph: ["%s"]}) '
                              '{ totalCount } }' % graph)
    assert in_graph["organisations"]["totalCount"] == len(labels(in_minutes, "organisations"))


def test_sorting_by_degree_and_centrality(snapshot: GraphSnapshot) -> None:
    by_degree = data(snapshot, "{ organisations(first: 5, sort: [{field: DEGREE, direction: DESC}]) "
                               "{ edges { node { label degree } } } }")["organisations"]["edges"]
    degrees = [e["node"]["degree"] for e in by_degree]
    views = snapshot.views
    most = max(views.degree(iri) for t in ("Organisation", "Committee", "OrganisationalUnit")
               for iri in views.by_type.get(t, []))
    assert degrees == sorted(degrees, reverse=True) and degrees[0] == most
    central = data(snapshot, "{ organisations(first: 3, sort: [{field: CENTRALITY, direction: DESC, "
                             "algorithm: PAGERANK}]) { edges { score node { label } } } }")["organisations"]["edges"]
    assert central[0]["node"]["label"] == "Kent County Council"
    assert [e["score"] for e in central] == sorted((e["score"] for e in central), reverse=True)


# -- algorithms ---------------------------------------------------------------------------------------
def test_shortest_path_hops_carry_statements_with_evidence(snapshot: GraphSnapshot) -> None:
    path = data(snapshot, "query($s: String!, $t: String!) { shortestPath(source: $s, target: $t) { length "
                          "nodes { iri } hops { forward source { iri } target { iri } statement { predicate "
                          "subject { iri } object { iri } } } } }", {"s": SALUS, "t": IFA})["shortestPath"]
    assert path["nodes"][0]["iri"] == SALUS and path["nodes"][-1]["iri"] == IFA
    assert path["length"] == len(path["hops"]) == len(path["nodes"]) - 1
    for hop in path["hops"]:
        ends = (hop["statement"]["subject"]["iri"], hop["statement"]["object"]["iri"])
        assert ends == ((hop["source"]["iri"], hop["target"]["iri"]) if hop["forward"]
                        else (hop["target"]["iri"], hop["source"]["iri"]))


def test_shortest_paths_k_and_limits(snapshot: GraphSnapshot) -> None:
    found = data(snapshot, "query($s: String!, $t: String!) { shortestPaths(source: $s, target: $t, k: 3) "
                           "{ truncated paths { length } } }", {"s": SALUS, "t": KCC})["shortestPaths"]
    lengths = [p["length"] for p in found["paths"]]
    assert len(lengths) == 3 and lengths == sorted(lengths)
    assert "exceeds" in error(snapshot, 'query($s: String!) { shortestPaths(source: $s, target: $s, k: 50) '
                                        '{ truncated } }', {"s": SALUS})
    assert "urn:nowhere" in error(snapshot, 'query($s: String!) { shortestPath(source: $s, target: "urn:nowhere") '
                                            '{ length } }', {"s": SALUS})


def test_centrality_ranks_with_scores_on_edges(snapshot: GraphSnapshot) -> None:
    for algorithm in ("DEGREE", "PAGERANK", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR"):
        found = data(snapshot, '{ centrality(algorithm: %s, types: ["Organisation"], first: 3) { totalCount '
                               'edges { score node { __typename label } } } }' % algorithm)["centrality"]
        scores = [e["score"] for e in found["edges"]]
        assert scores == sorted(scores, reverse=True) and len(scores) == 3, algorithm
        assert {e["node"]["__typename"] for e in found["edges"]} == {"Organisation"}, algorithm
        if algorithm == "PAGERANK":
            assert found["edges"][0]["node"]["label"] == "Kent County Council"


def test_communities_partition_with_modularity_and_paged_members(snapshot: GraphSnapshot) -> None:
    found = data(snapshot, "{ communities(algorithm: LOUVAIN) { modularity nodeCount communities(first: 2) "
                           "{ totalCount edges { node { id size members(first: 3) { totalCount } } } } } }")
    partition = found["communities"]
    assert 0.3 < partition["modularity"] <= 1
    first, second = (e["node"] for e in partition["communities"]["edges"])
    assert first["size"] >= second["size"] and first["members"]["totalCount"] == first["size"]
    components = data(snapshot, "{ communities(algorithm: CONNECTED_COMPONENTS) { communities(first: 100) "
                                "{ edges { node { size } } } nodeCount } }")["communities"]
    assert sum(e["node"]["size"] for e in components["communities"]["edges"]) <= components["nodeCount"]


def test_neighbourhood_is_a_connected_subgraph(snapshot: GraphSnapshot) -> None:
    found = data(snapshot, 'query($iri: String!) { neighbourhood(iri: $iri, hops: 1, types: ["Service", '
                           '"Organisation"]) { nodeCount edgeCount distances nodes { iri __typename } edges '
                           '{ subject { iri } object { iri } } } }', {"iri": STEPAHEAD})["neighbourhood"]
    iris = {n["iri"] for n in found["nodes"]}
    assert found["nodes"][0]["iri"] == STEPAHEAD and found["distances"][0] == 0
    assert {n["__typename"] for n in found["nodes"][1:]} <= {"Service", "Organisation", "Committee"}
    assert all(e["subject"]["iri"] in iris and e["object"]["iri"] in iris for e in found["edges"])
    assert "hops" in error(snapshot, 'query($iri: String!) { neighbourhood(iri: $iri, hops: 9) { nodeCount } }',
                           {"iri": STEPAHEAD})


def test_estimate_reports_graph_size_and_budget(snapshot: GraphSnapshot) -> None:
    found = data(snapshot, '{ estimate(algorithm: "BETWEENNESS") { nodeCount edgeCount allowed reason } }')
    assert found["estimate"]["allowed"] and found["estimate"]["nodeCount"] > 100 and found["estimate"]["reason"] is None


# -- limits --------------------------------------------------------------------------------------------
def test_deep_queries_are_refused_with_the_limit(snapshot: GraphSnapshot) -> None:
    nested = "label"
    for _ in range(8):
        nested = f"posts {{ holders {{ {nested} }} }}"
    message = error(snapshot, "{ people(first: 1) { edges { node { ... on Person { %s } } } } }" % nested)
    assert "exceeds maximum operation depth of 12" in message


def test_many_aliases_are_refused(snapshot: GraphSnapshot) -> None:
    query = "{ " + " ".join(f"a{i}: entity(iri: \"x\") {{ iri }}" for i in range(40)) + " }"
    assert "aliases found. Allowed: 30" in error(snapshot, query)


def test_fragment_cycles_are_refused(snapshot: GraphSnapshot) -> None:
    query = ("{ people { edges { node { ...A } } } } fragment A on Person { posts { holders { ...B } } } "
             "fragment B on Person { memberships { member { ...A } } }")
    assert "Cannot spread fragment 'A' within itself" in error(snapshot, query)


def test_costly_queries_are_refused_before_they_run(snapshot: GraphSnapshot) -> None:
    query = ("{ entities(first: 100) { edges { node { relations(first: 100) { edges { node { evidence "
             "{ quote passage { claims { about { label } } } } } } } } } } }")
    message = error(snapshot, query)
    assert "query cost" in message and "above the limit of 100,000" in message


def test_a_hundred_entities_with_relations_read_no_store(snapshot: GraphSnapshot,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the request path read the store")

    monkeypatch.setattr(EvidenceStore, "quads", refuse)
    monkeypatch.setattr(EvidenceStore, "graph", refuse)
    found = data(snapshot, "{ entities(first: 100, sort: [{field: DEGREE, direction: DESC}]) { edges { node "
                           "{ label relations(first: 20) { totalCount edges { node { predicate object { label } "
                           "evidence { quote } } } } } } } }")
    assert len(found["entities"]["edges"]) == 100


def test_validation_is_cached_across_requests_with_different_variables(snapshot: GraphSnapshot) -> None:
    from evidence_graph.schema.caches import ValidatedDocumentCache

    cached = next(e for e in API.extensions if isinstance(e, ValidatedDocumentCache)).cache
    query = "query($iri: String!) { entity(iri: $iri) { label } }"
    data(snapshot, query, {"iri": KCC})
    hits = cached.hits
    assert data(snapshot, query, {"iri": WILSON})["entity"]["label"] == "Thom Wilson"
    assert cached.hits == hits + 1
