"""Graph analytics: paths, centrality, communities and neighbourhoods on small graphs whose
answers are worked out by hand, plus caching, budgets, and the sample corpus."""

from __future__ import annotations

import math
import threading
from collections.abc import Iterable

import pytest
from rdflib import Literal, URIRef

from evidence_graph.graph import analytics
from evidence_graph.graph.analytics import (
    AnalyticsConvergenceError,
    AnalyticsInputError,
    AnalyticsLimitError,
    GraphAnalytics,
    centrality,
    communities,
    estimate,
    neighbourhood,
    shortest_path,
    shortest_paths,
)
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.views import GraphViews
from evidence_graph.graph.vocabulary import EG, ID, ORG, RDF, SCHEMA, SKOS

REGISTRY = ID["graph/registry"]
OTHER = ID["graph/other"]
KNOWS, MEMBER_OF = SCHEMA.knows, ORG.memberOf
KINDS = {"Person": SCHEMA.Person, "Organisation": ORG.FormalOrganization, "Framework": EG.ProcurementFramework}

Link = tuple[str, URIRef, str] | tuple[str, URIRef, str, URIRef]


def node(key: str) -> str:
    """IRI of a test node: ``node("a")`` is ``…/id/n/a``, so IRI order is key order."""
    return str(ID[f"n/{key}"])


def views_of(links: Iterable[Link], types: dict[str, str] | None = None) -> GraphViews:
    """A GraphViews of the linked nodes (``s p o [graph]``), each a Person unless ``types`` says otherwise."""
    links = list(links)
    keys = {link[0] for link in links} | {link[2] for link in links} | set(types or {})
    quads = []
    for key in sorted(keys):
        kind = KINDS[(types or {}).get(key, "Person")]
        quads += [(ID[f"n/{key}"], RDF.type, kind, REGISTRY), (ID[f"n/{key}"], SKOS.prefLabel, Literal(key), REGISTRY)]
    for subject, predicate, obj, *graph in links:
        quads.append((ID[f"n/{subject}"], predicate, ID[f"n/{obj}"], graph[0] if graph else REGISTRY))
    return GraphViews(quads)


def keys(iris: Iterable[str]) -> list[str]:
    return [iri.rsplit("/", 1)[1] for iri in iris]


def statement_of(views: GraphViews, subject: str, predicate: URIRef, obj: str) -> str:
    found = [s.id for s in views.statements.values()
             if (s.subject, s.predicate, s.object) == (node(subject), str(predicate), node(obj))]
    assert len(found) == 1
    return found[0]


# -- paths -------------------------------------------------------------------------------------
CHAIN = [("a", KNOWS, "b"), ("b", KNOWS, "c"), ("c", KNOWS, "d")]


def test_shortest_path_names_the_statement_of_each_hop() -> None:
    views = views_of(CHAIN)
    path = shortest_path(views, node("a"), node("c"))
    assert path is not None
    assert keys(path.nodes) == ["a", "b", "c"] and path.length == 2
    assert path.statements == (statement_of(views, "a", KNOWS, "b"), statement_of(views, "b", KNOWS, "c"))
    assert [(keys([h.source, h.target]), h.forward, h.predicate) for h in path.hops] == [
        (["a", "b"], True, str(KNOWS)), (["b", "c"], True, str(KNOWS))]


def test_direction_out_follows_statements_forward_and_in_backward() -> None:
    views = views_of(CHAIN)
    assert shortest_path(views, node("a"), node("d"), direction="OUT").length == 3
    assert shortest_path(views, node("a"), node("d"), direction="IN") is None
    backwards = shortest_path(views, node("d"), node("a"), direction="IN")
    assert keys(backwards.nodes) == ["d", "c", "b", "a"]
    assert [hop.forward for hop in backwards.hops] == [False, False, False]


def test_direction_both_walks_against_statements_where_out_finds_nothing() -> None:
    views = views_of([("a", KNOWS, "b"), ("c", KNOWS, "b")])
    assert shortest_path(views, node("a"), node("c"), direction="OUT") is None
    path = shortest_path(views, node("a"), node("c"))  # BOTH is the default
    assert keys(path.nodes) == ["a", "b", "c"]
    assert [hop.forward for hop in path.hops] == [True, False]
    assert path.hops[1].statement == statement_of(views, "c", KNOWS, "b")


def test_parallel_statements_give_one_hop_naming_the_smallest_statement_id() -> None:
    views = views_of([("a", KNOWS, "b"), ("a", MEMBER_OF, "b"), ("b", KNOWS, "a")])
    every = sorted([statement_of(views, "a", KNOWS, "b"), statement_of(views, "a", MEMBER_OF, "b"),
                    statement_of(views, "b", KNOWS, "a")])
    found = shortest_paths(views, node("a"), node("b"), k=5)
    assert len(found.paths) == 1
    hop = found.paths[0].hops[0]
    assert hop.statements == tuple(every) and hop.statement == every[0]
    chosen = views.statements[hop.statement]
    assert hop.forward == (chosen.subject == node("a")) and hop.predicate == chosen.predicate
    forward_only = shortest_path(views, node("a"), node("b"), direction="OUT").hops[0]
    assert forward_only.statements == tuple(sorted([statement_of(views, "a", KNOWS, "b"),
                                                    statement_of(views, "a", MEMBER_OF, "b")]))
    assert forward_only.forward


DIAMOND = [("s", KNOWS, "x"), ("x", KNOWS, "t"), ("s", MEMBER_OF, "y"), ("y", MEMBER_OF, "t")]


def test_all_ties_returns_every_shortest_path_of_a_diamond_in_iri_order() -> None:
    views = views_of(DIAMOND)
    assert [keys(p.nodes) for p in shortest_paths(views, node("s"), node("t")).paths] == [["s", "x", "t"]]
    tied = shortest_paths(views, node("s"), node("t"), all_ties=True)
    assert [keys(p.nodes) for p in tied.paths] == [["s", "x", "t"], ["s", "y", "t"]]
    assert not tied.truncated


def test_all_ties_is_capped_and_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analytics.budgets, "MAX_TIED_PATHS", 2)
    views = views_of([*DIAMOND, ("s", KNOWS, "z"), ("z", KNOWS, "t")])
    tied = shortest_paths(views, node("s"), node("t"), all_ties=True)
    assert [keys(p.nodes) for p in tied.paths] == [["s", "x", "t"], ["s", "y", "t"]]
    assert tied.truncated


ROUTES = [("s", KNOWS, "a"), ("a", KNOWS, "t"),                                            # 2 hops
          ("s", KNOWS, "b"), ("b", KNOWS, "c"), ("c", KNOWS, "t"),                         # 3 hops
          ("s", KNOWS, "g"), ("g", KNOWS, "h"), ("h", KNOWS, "t"),                         # 3 hops
          ("s", KNOWS, "d"), ("d", KNOWS, "e"), ("e", KNOWS, "f"), ("f", KNOWS, "t")]      # 4 hops


def test_k_shortest_paths_come_shortest_first_then_in_iri_order() -> None:
    views = views_of(ROUTES)
    found = shortest_paths(views, node("s"), node("t"), k=3)
    assert [keys(p.nodes) for p in found.paths] == [["s", "a", "t"], ["s", "b", "c", "t"], ["s", "g", "h", "t"]]
    assert [p.length for p in shortest_paths(views, node("s"), node("t"), k=10).paths] == [2, 3, 3, 4]
    assert [p.length for p in shortest_paths(views, node("s"), node("t"), k=10, max_length=3).paths] == [2, 3, 3]


def test_all_ties_with_k_adds_the_paths_tied_with_the_kth() -> None:
    views = views_of(ROUTES)
    assert [p.length for p in shortest_paths(views, node("s"), node("t"), k=2).paths] == [2, 3]
    assert [p.length for p in shortest_paths(views, node("s"), node("t"), k=2, all_ties=True).paths] == [2, 3, 3]


def test_max_length_bounds_the_search() -> None:
    views = views_of(CHAIN)
    assert shortest_path(views, node("a"), node("d"), max_length=2) is None
    assert shortest_path(views, node("a"), node("d"), max_length=3).length == 3


def test_a_path_from_a_node_to_itself_has_no_hops() -> None:
    views = views_of(CHAIN)
    path = shortest_path(views, node("b"), node("b"))
    assert path.nodes == (node("b"),) and path.hops == ()


def test_type_filter_applies_to_intermediate_nodes_not_endpoints() -> None:
    views = views_of(DIAMOND, {"s": "Framework", "t": "Framework", "x": "Person", "y": "Organisation"})
    for types in (["Organisation"], [str(ORG.FormalOrganization)], ["org:FormalOrganization"]):
        found = shortest_paths(views, node("s"), node("t"), types=types, all_ties=True)
        assert [keys(p.nodes) for p in found.paths] == [["s", "y", "t"]]
    assert shortest_path(views, node("s"), node("t"), types=["Framework"]) is None


def test_predicate_filter_excludes_a_route() -> None:
    views = views_of(DIAMOND)
    for predicates in ([str(MEMBER_OF)], ["org:memberOf"]):
        found = shortest_paths(views, node("s"), node("t"), predicates=predicates, all_ties=True)
        assert [keys(p.nodes) for p in found.paths] == [["s", "y", "t"]]


def test_named_graph_filter_excludes_a_route() -> None:
    views = views_of([("s", KNOWS, "x", OTHER), ("x", KNOWS, "t"), ("s", KNOWS, "y"), ("y", KNOWS, "t")])
    found = shortest_paths(views, node("s"), node("t"), graphs=[str(REGISTRY)], all_ties=True)
    assert [keys(p.nodes) for p in found.paths] == [["s", "y", "t"]]
    assert [keys(p.nodes) for p in shortest_paths(views, node("s"), node("t"), all_ties=True).paths] == [
        ["s", "x", "t"], ["s", "y", "t"]]


@pytest.mark.parametrize(("arguments", "error", "message"), [
    ({"source": "https://example.org/nobody"}, AnalyticsInputError, "no node with IRI 'https://example.org/nobody'"),
    ({"max_length": 0}, AnalyticsInputError, "max_length must be at least 1 hop, got 0"),
    ({"max_length": 7}, AnalyticsLimitError, "max_length of 7 hops exceeds the limit of 6 hops"),
    ({"k": 0}, AnalyticsInputError, "k must be at least 1, got 0"),
    ({"k": 11}, AnalyticsLimitError, "k of 11 exceeds the limit of 10 paths"),
    ({"direction": "SIDEWAYS"}, AnalyticsInputError, "unknown direction 'SIDEWAYS'; expected one of OUT, IN, BOTH"),
    ({"types": ["Persn"]}, AnalyticsInputError, "unknown type 'Persn'"),
])
def test_bad_path_parameters_are_refused_with_a_message_naming_the_problem(
        arguments: dict, error: type[Exception], message: str) -> None:
    views = views_of(CHAIN)
    call = {"source": node("a"), "target": node("c"), **arguments}
    with pytest.raises(error, match=message.replace("(", r"\(")) as raised:
        shortest_paths(views, call.pop("source"), call.pop("target"), **call)
    assert isinstance(raised.value, ValueError)


def test_path_search_over_its_budget_is_refused(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analytics.budgets, "MAX_EXPLORED_PATHS", 3)
    views = views_of(ROUTES)
    with pytest.raises(AnalyticsLimitError, match="explored more than 3 partial paths"):
        shortest_paths(views, node("s"), node("t"), k=10)


# -- centrality --------------------------------------------------------------------------------
#: Four people each linked to one organisation: leaf → hub.
STAR = [(leaf, MEMBER_OF, "hub") for leaf in ("p1", "p2", "p3", "p4")]
STAR_TYPES = {"hub": "Organisation"}


def ranking(result: analytics.CentralityResult) -> list[tuple[str, float]]:
    return [(iri.rsplit("/", 1)[1], score) for iri, score in result.ranking]


def test_degree_of_a_star_is_the_share_of_other_nodes_linked_ties_by_iri() -> None:
    views = views_of(STAR, STAR_TYPES)
    assert ranking(centrality(views, "DEGREE")) == [("hub", 1.0), ("p1", 0.25), ("p2", 0.25), ("p3", 0.25),
                                                     ("p4", 0.25)]


def test_pagerank_of_a_star_follows_statements_to_the_hub() -> None:
    # Leaves have no in-links and the hub is dangling (its rank spreads over all five nodes):
    #   leaf = 0.15/5 + 0.85 * hub/5,  hub = 0.15/5 + 0.85 * (4 * leaf + hub/5),  4 leaf + hub = 1
    #   → hub = 11/21, leaf = 5/42.
    result = centrality(views_of(STAR, STAR_TYPES), "PAGERANK")
    assert result.ranking[0].iri == node("hub")
    assert result.score(node("hub")) == pytest.approx(11 / 21, abs=1e-9)
    assert all(result.score(node(leaf)) == pytest.approx(5 / 42, abs=1e-9) for leaf in ("p1", "p2", "p3", "p4"))
    assert sum(score for _, score in result.ranking) == pytest.approx(1.0)


def test_pagerank_ignoring_direction_treats_each_link_both_ways() -> None:
    # hub = 0.03 + 0.85 * 4 leaf,  leaf = 0.03 + 0.85 * hub / 4  →  hub = 88/185, leaf = 97/740.
    result = centrality(views_of(STAR, STAR_TYPES), "PAGERANK", direction="BOTH")
    assert result.score(node("hub")) == pytest.approx(88 / 185, abs=1e-9)
    assert result.score(node("p1")) == pytest.approx(97 / 740, abs=1e-9)


def test_betweenness_closeness_and_eigenvector_of_a_star() -> None:
    views = views_of(STAR, STAR_TYPES)
    # Every one of the 6 pairs of leaves passes through the hub; normalised by 6 pairs.
    assert ranking(centrality(views, "BETWEENNESS"))[:2] == [("hub", 1.0), ("p1", 0.0)]
    # Closeness: (n - 1) / total distance; a leaf is 1 hop from the hub and 2 from 3 leaves.
    closeness = centrality(views, "CLOSENESS")
    assert closeness.score(node("hub")) == 1.0 and closeness.score(node("p3")) == pytest.approx(4 / 7)
    # Eigenvector of a star with m leaves: hub = 1/√2, leaf = 1/√(2m), unit length.
    eigenvector = centrality(views, "EIGENVECTOR")
    assert eigenvector.score(node("hub")) == pytest.approx(1 / math.sqrt(2), abs=1e-4)
    assert eigenvector.score(node("p2")) == pytest.approx(1 / math.sqrt(8), abs=1e-4)


def test_betweenness_and_closeness_of_a_path_graph() -> None:
    views = views_of([("a", KNOWS, "b"), ("b", KNOWS, "c")])
    assert ranking(centrality(views, "BETWEENNESS")) == [("b", 1.0), ("a", 0.0), ("c", 0.0)]
    closeness = centrality(views, "CLOSENESS")
    assert closeness.score(node("b")) == 1.0 and closeness.score(node("a")) == pytest.approx(2 / 3)


def test_closeness_out_measures_distance_from_the_node_along_statements() -> None:
    # a → b → c: following statements, a reaches b (1) and c (2); c reaches nobody.
    views = views_of([("a", KNOWS, "b"), ("b", KNOWS, "c")])
    closeness = centrality(views, "CLOSENESS", direction="OUT")
    assert closeness.score(node("a")) == pytest.approx(2 / 3) and closeness.score(node("c")) == 0.0


def test_type_restriction_ranks_only_those_types_with_scores_from_the_whole_graph() -> None:
    views = views_of(STAR, STAR_TYPES)
    people = centrality(views, "PAGERANK", types=["Person"])
    assert keys(iri for iri, _ in people.ranking) == ["p1", "p2", "p3", "p4"]
    assert people.ranking[0].score == pytest.approx(5 / 42, abs=1e-9)  # not 1/4, as on the leaves alone
    assert people.node_count == 5 and people.score(node("hub")) is None


def test_named_graph_restriction_drops_the_statements_of_other_graphs() -> None:
    views = views_of([*STAR[:3], ("p4", MEMBER_OF, "hub", OTHER)], STAR_TYPES)
    assert centrality(views, "DEGREE", graphs=[str(REGISTRY)]).score(node("hub")) == 0.75
    # A graph holds the nodes typed in it and the ends of its statements: here only p4 and hub.
    only_other = centrality(views, "DEGREE", graphs=[str(OTHER)])
    assert ranking(only_other) == [("hub", 1.0), ("p4", 1.0)]
    assert (only_other.node_count, only_other.edge_count) == (2, 1)


def test_betweenness_is_sampled_with_a_fixed_seed(monkeypatch: pytest.MonkeyPatch) -> None:
    views = views_of(ROUTES)
    first = centrality(views, "BETWEENNESS", sample=3, seed=7)
    assert first.sampled_sources == 3 and first == centrality(views, "BETWEENNESS", sample=3, seed=7)
    assert centrality(views, "BETWEENNESS").sampled_sources is None
    monkeypatch.setattr(analytics.budgets, "EXACT_BETWEENNESS_NODE_LIMIT", 5)
    monkeypatch.setattr(analytics.budgets, "BETWEENNESS_SAMPLE_SOURCES", 4)
    assert centrality(views, "BETWEENNESS").sampled_sources == 4


def test_bad_centrality_parameters_are_refused() -> None:
    views = views_of(STAR, STAR_TYPES)
    with pytest.raises(AnalyticsInputError, match="unknown centrality algorithm 'KATZ'"):
        centrality(views, "KATZ")
    with pytest.raises(AnalyticsInputError, match="applies to BETWEENNESS only, got 5 for PAGERANK"):
        centrality(views, "PAGERANK", sample=5)


def test_centrality_over_the_node_budget_is_refused_and_estimated(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(analytics.NODE_LIMITS, "BETWEENNESS", 3)
    views = views_of(STAR, STAR_TYPES)
    message = "BETWEENNESS over 5 nodes exceeds the limit of 3 nodes"
    with pytest.raises(AnalyticsLimitError, match=message):
        centrality(views, "BETWEENNESS")
    refused = estimate(views, "BETWEENNESS")
    assert (refused.allowed, refused.reason, refused.node_count, refused.edge_count) == (False, message, 5, 4)
    assert estimate(views, "DEGREE").allowed


def test_eigenvector_that_does_not_converge_says_so(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(analytics.budgets, "EIGENVECTOR_MAX_ITER", 1)
    with pytest.raises(AnalyticsConvergenceError, match="EIGENVECTOR did not converge within 1 iterations"):
        centrality(views_of(ROUTES), "EIGENVECTOR")


# -- communities -------------------------------------------------------------------------------
def clique(names: list[str]) -> list[Link]:
    return [(a, KNOWS, b) for i, a in enumerate(names) for b in names[i + 1:]]


#: Two 4-cliques joined by one bridge a1 – b1.
BRIDGED = [*clique(["a1", "a2", "a3", "a4"]), *clique(["b1", "b2", "b3", "b4"]), ("a1", KNOWS, "b1")]
#: m = 13 links; each side has 6 inside and degree sum 13: Q = 2 (6/13 − (13/26)²) = 11/26.
BRIDGED_MODULARITY = 11 / 26


def members(result: analytics.CommunityResult) -> list[list[str]]:
    return [keys(community.members) for community in result.communities]


@pytest.mark.parametrize("algorithm", ["LOUVAIN", "LABEL_PROPAGATION", "GREEDY_MODULARITY"])
def test_two_cliques_joined_by_a_bridge_are_two_communities(algorithm: str) -> None:
    result = communities(views_of(BRIDGED), algorithm)
    assert members(result) == [["a1", "a2", "a3", "a4"], ["b1", "b2", "b3", "b4"]]
    assert [c.id for c in result.communities] == [0, 1]
    assert result.modularity == pytest.approx(BRIDGED_MODULARITY)
    assert result.community_of(node("b3")) == 1


def test_louvain_is_deterministic_for_a_seed() -> None:
    views = views_of(ROUTES + BRIDGED)
    assert communities(views, "LOUVAIN", seed=3) == communities(views, "LOUVAIN", seed=3)


def test_connected_components_are_weak_sorted_by_size_then_smallest_member() -> None:
    views = views_of([("c1", KNOWS, "c2"), ("c3", KNOWS, "c2"), ("x1", KNOWS, "x2"), ("w1", KNOWS, "w2")],
                     {"e": "Person"})
    result = communities(views, "CONNECTED_COMPONENTS")
    assert members(result) == [["c1", "c2", "c3"], ["w1", "w2"], ["x1", "x2"], ["e"]]
    # Q = Σ L_c/m − (d_c/2m)²  with m = 4: 2/4 − (4/8)² + 2 × (1/4 − (2/8)²) = 0.625
    assert result.modularity == pytest.approx(0.625)


def test_community_type_restriction_keeps_members_of_those_types() -> None:
    views = views_of(BRIDGED, {"a1": "Organisation", "a2": "Organisation"})
    result = communities(views, "LOUVAIN", types=["Organisation"])
    assert members(result) == [["a1", "a2"]]
    assert result.modularity == pytest.approx(BRIDGED_MODULARITY)


def test_a_graph_without_links_has_singleton_communities_and_no_modularity() -> None:
    result = communities(views_of([], {"b": "Person", "a": "Person"}), "LOUVAIN")
    assert members(result) == [["a"], ["b"]] and result.modularity is None


def test_bad_community_parameters_are_refused() -> None:
    views = views_of(BRIDGED)
    with pytest.raises(AnalyticsInputError, match="unknown community algorithm 'LEIDEN'"):
        communities(views, "LEIDEN")
    with pytest.raises(AnalyticsInputError, match="resolution must be positive, got 0"):
        communities(views, "LOUVAIN", resolution=0)


# -- neighbourhood -----------------------------------------------------------------------------
def test_neighbourhood_holds_nodes_within_hops_and_the_statements_between_them() -> None:
    views = views_of(CHAIN)
    found = neighbourhood(views, node("b"))
    assert keys(found.nodes) == ["b", "a", "c"]
    assert dict(found.distances) == {node("b"): 0, node("a"): 1, node("c"): 1}
    assert found.statements == tuple(sorted([statement_of(views, "a", KNOWS, "b"),
                                             statement_of(views, "b", KNOWS, "c")]))


def test_neighbourhood_direction_and_several_seeds() -> None:
    views = views_of([*CHAIN, ("e", KNOWS, "d")])
    assert keys(neighbourhood(views, node("b"), hops=2, direction="OUT").nodes) == ["b", "c", "d"]
    assert keys(neighbourhood(views, node("b"), hops=2, direction="IN").nodes) == ["b", "a"]
    assert keys(neighbourhood(views, [node("e"), node("a")], hops=1).nodes) == ["a", "e", "b", "d"]


def test_neighbourhood_passes_only_through_allowed_types() -> None:
    views = views_of(CHAIN, {"c": "Organisation"})
    assert keys(neighbourhood(views, node("a"), hops=3, types=["Person"]).nodes) == ["a", "b"]
    assert keys(neighbourhood(views, node("a"), hops=3).nodes) == ["a", "b", "c", "d"]


def test_neighbourhood_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    views = views_of(CHAIN)
    with pytest.raises(AnalyticsLimitError, match="hops of 4 exceeds the limit of 3 hops"):
        neighbourhood(views, node("a"), hops=4)
    with pytest.raises(AnalyticsInputError, match="hops must be at least 1, got 0"):
        neighbourhood(views, node("a"), hops=0)
    with pytest.raises(AnalyticsInputError, match="no node with IRI"):
        neighbourhood(views, "https://example.org/nobody")
    monkeypatch.setattr(analytics.budgets, "MAX_NEIGHBOURHOOD_NODES", 2)
    with pytest.raises(AnalyticsLimitError, match="reaches over 2 nodes"):
        neighbourhood(views, node("b"))


# -- caching -----------------------------------------------------------------------------------
def test_cache_returns_the_same_result_for_the_same_question() -> None:
    analytics_ = GraphAnalytics(views_of(BRIDGED))
    first = analytics_.centrality("PAGERANK", types=["Person", "Organisation"])
    assert analytics_.centrality("pagerank", types=["Organisation", "Person"]) is first
    assert analytics_.centrality("PAGERANK") is not first
    paths = analytics_.shortest_paths(node("a2"), node("b2"), k=2)
    assert analytics_.shortest_paths(node("a2"), node("b2"), k=2) is paths
    assert analytics_.communities("LOUVAIN") is analytics_.communities("LOUVAIN")
    assert analytics_.neighbourhood(node("a1")) is analytics_.neighbourhood([node("a1")])
    assert analytics_.cache_len() == 5


def test_a_new_graph_version_computes_afresh() -> None:
    before = GraphAnalytics(views_of(STAR, STAR_TYPES))
    after = GraphAnalytics(views_of([*STAR, ("p5", MEMBER_OF, "hub")], STAR_TYPES))
    assert before.version != after.version
    assert before.centrality("DEGREE").score(node("p1")) == 0.25
    assert after.centrality("DEGREE").score(node("p1")) == 0.2
    assert after.centrality("DEGREE").version == after.version


def test_cache_drops_the_least_recently_used_result() -> None:
    analytics_ = GraphAnalytics(views_of(STAR, STAR_TYPES), cache_size=2)
    degree = analytics_.centrality("DEGREE")
    closeness = analytics_.centrality("CLOSENESS")
    assert analytics_.centrality("DEGREE") is degree  # DEGREE is now the most recent
    analytics_.centrality("PAGERANK")                  # evicts CLOSENESS
    assert analytics_.cache_len() == 2
    assert analytics_.centrality("DEGREE") is degree
    assert analytics_.centrality("CLOSENESS") is not closeness


def test_errors_are_not_cached() -> None:
    analytics_ = GraphAnalytics(views_of(STAR, STAR_TYPES))
    for _ in range(2):
        with pytest.raises(AnalyticsLimitError):
            analytics_.shortest_paths(node("p1"), node("p2"), k=11)
    assert analytics_.cache_len() == 0


def test_concurrent_callers_share_one_result() -> None:
    analytics_ = GraphAnalytics(views_of(ROUTES + BRIDGED))
    start = threading.Barrier(8)
    results: list[object] = []

    def ask() -> None:
        start.wait()
        results.append(analytics_.centrality("BETWEENNESS"))

    threads = [threading.Thread(target=ask) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8 and all(result is results[0] for result in results)


# -- the sample corpus -------------------------------------------------------------------------
def by_label(views: GraphViews, type_name: str, fragment: str) -> str:
    found = [iri for iri, record in views.nodes.items() if record.type == type_name and fragment in record.label]
    assert len(found) == 1, found
    return found[0]


def test_sample_corpus_links_project_salus_to_the_fostering_framework(sample_store: EvidenceStore) -> None:
    views = GraphViews(sample_store.quads())
    salus = by_label(views, "Organisation", "Project Salus")
    framework = by_label(views, "Framework", "Independent Foster")
    found = GraphAnalytics(views).shortest_paths(salus, framework, k=3)
    assert found.paths and found.paths[0].nodes[0] == salus and found.paths[0].nodes[-1] == framework
    for path in found.paths:
        for hop in path.hops:
            statement = views.statements[hop.statement]
            ends = (hop.source, hop.target) if hop.forward else (hop.target, hop.source)
            assert (statement.subject, statement.object, statement.predicate) == (*ends, hop.predicate)


def test_sample_corpus_kent_county_council_is_among_the_top_organisations_by_pagerank(
        sample_store: EvidenceStore) -> None:
    views = GraphViews(sample_store.quads())
    kcc = by_label(views, "Organisation", "Kent County Council")
    top = GraphAnalytics(views).centrality("PAGERANK", types=["Organisation"]).ranking[:3]
    assert kcc in [iri for iri, _ in top]


def test_cached_calls_read_one_shot_iterables_once() -> None:
    analytics_ = GraphAnalytics(views_of(DIAMOND, {"y": "Organisation"}))
    found = analytics_.shortest_paths(node("s"), node("t"), types=(name for name in ["Organisation"]))
    assert [keys(p.nodes) for p in found.paths] == [["s", "y", "t"]]
    assert analytics_.shortest_paths(node("s"), node("t"), types="Organisation") is found
