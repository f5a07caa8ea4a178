"""Limits that refuse hostile queries quickly and say why: fan-outs of fragments measured in linear
time (and to the same figures as a brute-force expansion), algorithm costs that follow the graph's
size, caps on search text and list arguments, and a stable ``extensions.code`` on every error."""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections.abc import Iterator
from typing import Any

import pytest
from conftest import stress
from graphql import (
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    InlineFragmentNode,
    IntValueNode,
    OperationDefinitionNode,
    execute,
    parse,
    specified_rules,
)
from hypothesis import given
from hypothesis import strategies as st
from starlette.testclient import TestClient
from strawberry.extensions.max_aliases import count_fields_with_alias
from strawberry.extensions.query_depth_limiter import QueryDepthLimiter
from strawberry.schema.schema import validate_document

from evidence_graph.graph.search import MAX_SEARCH_CHARACTERS, MAX_SEARCH_WORDS, fts_query
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.vocabulary import ID
from evidence_graph.schema import build_schema
from evidence_graph.schema.context import LATEST_GRAPH_SIZE, GraphSize, GraphSnapshot, GraphState, RequestContext
from evidence_graph.schema.errors import CODES, AlgorithmBusyError, AlgorithmTimeoutError, add_codes, error_code
from evidence_graph.schema.limits import (
    ALGORITHM_COST,
    ASSUMED_LIST_SIZE,
    QueryLimits,
    algorithm_cost,
    limit_rules,
    measure_document,
)
from evidence_graph.schema.pagination import DEFAULT_PAGE, PAGE_CAP, encode_cursor
from evidence_graph.schema.prepared import PreparedDocuments
from evidence_graph.server import ServerSettings, create_app

API = build_schema()
SCHEMA = API._schema
LIMITS = QueryLimits()
#: The rules the direct path validates with, on an empty graph.
RULES = (*specified_rules, *limit_rules(LIMITS, lambda: GraphSize()))
#: Validation of any document the token limit lets through must take well under this.
QUICK = 0.5
SALUS = str(ID["org/project-salus"])
#: A leaf selection costing 2: the list field and its one count.
LEAF = "entities(first: 1) { totalCount }"


@pytest.fixture(scope="module")
def snapshot(sample_store: EvidenceStore) -> GraphSnapshot:
    return GraphSnapshot.from_quads(sample_store.quads())


@pytest.fixture
def latest_size() -> Iterator[None]:
    """Restore the process-wide graph size a test's GraphState changes."""
    kept = LATEST_GRAPH_SIZE.size
    yield
    LATEST_GRAPH_SIZE.size = kept


def run(snapshot: GraphSnapshot, query: str, variables: dict[str, Any] | None = None) -> Any:
    return asyncio.run(API.execute(query, variable_values=variables, context_value=RequestContext(snapshot)))


def codes(result: Any) -> list[str]:
    return [e.extensions["code"] for e in result.errors or []]


def fan_out(width: int, spreads: int, leaf: str = LEAF) -> str:
    """Fragments F0..F(width-1) on Query, each spreading the next ``spreads`` times."""
    fragments = [f"fragment F{i} on Query {{ {' '.join([f'...F{i + 1}'] * spreads) if i < width - 1 else leaf} }}"
                 for i in range(width)]
    return "query { ...F0 }\n" + "\n".join(fragments)


def timed_validation(text: str) -> tuple[list[GraphQLError], float]:
    document = parse(text, max_tokens=LIMITS.max_tokens)
    start = time.perf_counter()
    errors = validate_document(SCHEMA, document, RULES)
    seconds = time.perf_counter() - start
    add_codes(errors)  # as the schema's process_errors does before any error is answered
    return errors, seconds


# -- fan-outs of fragments ---------------------------------------------------------------------------
@pytest.mark.parametrize(("width", "spreads"), [(10, 10), (11, 4), (30, 30)])
def test_fan_outs_of_fragments_are_refused_at_once_with_their_true_cost(width: int, spreads: int) -> None:
    text = fan_out(width, spreads)
    errors, seconds = timed_validation(text)
    assert seconds < QUICK, f"{width}x{spreads} took {seconds:.3f} s to validate"
    assert [e.extensions["code"] for e in errors] == ["QUERY_TOO_COMPLEX"]
    # Each spread of the last fragment costs 2, and there are spreads ** (width - 1) of them.
    assert measure_document(SCHEMA, parse(text))[0].cost == 2 * spreads ** (width - 1)
    if width < 20:
        assert f"query cost {2 * spreads ** (width - 1):,} is above the limit of 100,000" in errors[0].message


def test_the_700_byte_fan_out_is_refused_through_the_whole_pipeline_and_the_direct_path(
        snapshot: GraphSnapshot) -> None:
    text = fan_out(10, 10)
    start = time.perf_counter()
    result = run(snapshot, text)
    assert time.perf_counter() - start < QUICK and codes(result) == ["QUERY_TOO_COMPLEX"]
    prepared = PreparedDocuments(API, LIMITS)
    start = time.perf_counter()
    assert prepared.get(text) is None and time.perf_counter() - start < QUICK


def test_fan_outs_of_aliases_and_of_depth_are_counted_once_per_fragment() -> None:
    aliased = fan_out(12, 4, leaf="a: __typename")
    errors, seconds = timed_validation(aliased)
    assert seconds < QUICK and [e.extensions["code"] for e in errors] == ["TOO_MANY_ALIASES"]
    assert errors[0].message == f"{4 ** 11:,} aliases found. Allowed: 30"
    nested = "fragment D0 on Entity { label }\n" + "\n".join(
        f"fragment D{i} on Entity {{ {' '.join(['... on Person { posts { holders { ...D%d } } }' % (i - 1)] * 4)} }}"
        for i in range(1, 9))
    errors, seconds = timed_validation('{ entity(iri: "x") { ...D8 } }\n' + nested)
    assert seconds < QUICK and [e.extensions["code"] for e in errors] == ["QUERY_TOO_DEEP", "QUERY_TOO_COMPLEX"]


def test_a_chain_of_fragments_longer_than_the_recursion_limit_is_measured() -> None:
    length = 450  # 8 tokens each: just under the token limit
    chain = "\n".join(f"fragment C{i} on Query {{ ...C{i + 1} }}" for i in range(length)) + \
        f"\nfragment C{length} on Query {{ {LEAF} }}"
    text = "{ ...C0 }\n" + chain
    assert measure_document(SCHEMA, parse(text, max_tokens=LIMITS.max_tokens))[0].cost == 2
    errors, seconds = timed_validation(text)
    assert seconds < QUICK
    assert all(e.extensions and e.extensions["code"] == "GRAPHQL_VALIDATION_FAILED" for e in errors)


def test_same_named_fields_up_to_the_token_limit_validate_quickly() -> None:
    for text in ("{" + ' entity(iri: "x") { label }' * 398 + "}",
                 "{" + "".join(f' entity(iri: "x{i}") {{ label }}' for i in range(398)) + "}",
                 "{" + " __typename" * 3990 + "}"):
        errors, seconds = timed_validation(text)
        assert seconds < QUICK, f"{seconds:.3f} s"
        assert all(e.extensions["code"] == "GRAPHQL_VALIDATION_FAILED" for e in errors)


# -- the linear measure against a brute-force expansion ---------------------------------------------
def brute_force_cost(text: str) -> int:
    """The cost of a document's first operation, every spread written out where it stands."""
    document = parse(text)
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))

    def selections(node: Any, parent: Any, multiplier: int) -> int:
        total = 0
        for selection in node.selection_set.selections:
            if isinstance(selection, FragmentSpreadNode):
                fragment = fragments[selection.name.value]
                total += selections(fragment, SCHEMA.get_type(fragment.type_condition.name.value), multiplier)
            elif isinstance(selection, InlineFragmentNode):
                total += selections(selection, SCHEMA.get_type(selection.type_condition.name.value), multiplier)
            elif isinstance(selection, FieldNode) and not selection.name.value.startswith("__"):
                total += field(selection, parent, multiplier)
        return total

    def field(node: FieldNode, parent: Any, multiplier: int) -> int:
        definition = parent.fields[node.name.value]
        kind, is_list = definition.type, False
        while hasattr(kind, "of_type"):
            is_list = is_list or kind.__class__.__name__ == "GraphQLList"
            kind = kind.of_type
        pages = [int(a.value.value) for a in node.arguments or () if a.name.value in ("first", "last")
                 and isinstance(a.value, IntValueNode)]
        if pages:
            child = multiplier * max(pages[0], 1)
        elif "first" in definition.args:
            child = multiplier * DEFAULT_PAGE
        elif is_list and not (parent.name.endswith("Connection") and node.name.value in ("edges", "nodes")):
            child = multiplier * ASSUMED_LIST_SIZE
        else:
            child = multiplier
        return multiplier + (selections(node, kind, child) if node.selection_set else 0)

    return selections(operation, SCHEMA.query_type, 1)


def reference_depth_and_aliases(text: str) -> tuple[int, int]:
    """Strawberry's own depth and alias counts (they expand every spread)."""
    depths: dict[str, int] = {}
    rule = QueryDepthLimiter(max_depth=10_000, callback=depths.update).validation_rules[0]
    document = parse(text)
    validate_document(SCHEMA, document, (rule,))
    fragments = {d.name.value: d for d in document.definitions if isinstance(d, FragmentDefinitionNode)}
    operation = next(d for d in document.definitions if isinstance(d, OperationDefinitionNode))
    return depths["anonymous"], count_fields_with_alias(operation, fragments)


#: Bodies of a generated fragment on Entity; {next} is a spread of a later fragment.
#: Paged fields are aliased by fragment ({n}), so that fields merged from two fragments never conflict.
_BODIES = ("label", "name: label", "{next}",
           "r{n}: relations(first: {page}) {{ edges {{ node {{ object {{ {next} }} }} }} }}",
           "... on Person {{ posts {{ holders {{ {next} }} }} }}", "m{n}: mentions(first: {page}) {{ totalCount }}")


@st.composite
def fragment_documents(draw: st.DrawFn) -> tuple[str, str]:
    """A document of fragments on Entity spreading later ones, and the same with every spread inlined."""
    count = draw(st.integers(1, 5))
    bodies: list[str] = []
    for index in range(count):
        last = index == count - 1
        # Every fragment but the last spreads the next at least once: an unused fragment is invalid.
        templates = [draw(st.sampled_from(_BODIES[2:5]))] if not last else []
        templates += draw(st.lists(st.sampled_from(_BODIES if not last else _BODIES[:2]), min_size=1, max_size=2))
        page = draw(st.integers(0, 7))
        parts = [t.format(next=f"...G{index + 1}", page=page, n=index) for t in templates]
        bodies.append(" ".join(parts))
    text = '{ entity(iri: "x") { ...G0 } }\n' + "\n".join(
        f"fragment G{i} on Entity {{ {body} }}" for i, body in enumerate(bodies))
    inlined = bodies[-1]
    for index in range(count - 2, -1, -1):
        inlined = bodies[index].replace(f"...G{index + 1}", f"... on Entity {{ {inlined} }}")
    return text, '{ entity(iri: "x") { ' + inlined + " } }"


@given(fragment_documents())
def test_fragment_figures_equal_those_of_the_expanded_document(documents: tuple[str, str]) -> None:
    text, inlined = documents
    assert validate_document(SCHEMA, parse(text), tuple(specified_rules)) == []
    measured = measure_document(SCHEMA, parse(text))[0]
    assert measure_document(SCHEMA, parse(inlined))[0] == measured
    assert measured.cost == brute_force_cost(text)
    assert (measured.depth, measured.aliases) == reference_depth_and_aliases(text)


def test_variables_stand_for_their_default_or_the_page_cap() -> None:
    query = "query($n: Int = 7) { entities(first: $n) { totalCount } }"
    assert measure_document(SCHEMA, parse(query))[0].cost == 1 + 7
    assert measure_document(SCHEMA, parse(query.replace(" = 7", "")))[0].cost == 1 + PAGE_CAP
    # In a fragment, a variable stands for the largest page any operation gives it.
    shared = ("query A($n: Int = 3) { ...P } query B($n: Int = 9) { ...P } "
              "fragment P on Query { entities(first: $n) { totalCount } }")
    assert [m.cost for m in measure_document(SCHEMA, parse(shared))] == [10, 10]


# -- algorithm costs follow the graph ------------------------------------------------------------------
def cost_on(size: GraphSize, query: str) -> int:
    return measure_document(SCHEMA, parse(query), size)[0].cost


def test_algorithm_costs_grow_with_the_graph_up_to_its_budget() -> None:
    small, medium, huge = GraphSize(600, 900), GraphSize(20_000, 60_000), GraphSize(10**7, 3 * 10**7)
    query = "{ centrality(algorithm: PAGERANK, first: 1) { totalCount } }"
    assert cost_on(small, query) < cost_on(medium, query) < cost_on(huge, query)
    # Over its node limit an algorithm runs only on what the filters keep: never more than its budget.
    assert cost_on(huge, query) <= ALGORITHM_COST + 10
    for field in ("communities(algorithm: LOUVAIN) { nodeCount }", 'estimate(algorithm: "PAGERANK") { nodeCount }'):
        assert cost_on(small, "{ %s }" % field) < cost_on(medium, "{ %s }" % field)


def test_betweenness_sources_paths_and_hops_are_charged() -> None:
    size = GraphSize(8_000, 24_000)
    betweenness = "{ centrality(algorithm: BETWEENNESS, sample: %d, first: 1) { totalCount } }"
    assert cost_on(size, betweenness % 8_000) > 10 * cost_on(size, betweenness % 100)
    assert cost_on(size, betweenness % 8_000) > LIMITS.max_cost
    hops = '{ neighbourhood(iri: "x", hops: %d) { nodeCount } }'
    assert cost_on(size, hops % 1) < cost_on(size, hops % 2) < cost_on(size, hops % 3)
    paths = '{ shortestPaths(source: "a", target: "b", k: %d) { truncated } }'
    assert cost_on(size, paths % 1) < cost_on(size, paths % 5)
    # A variable stands for the dearest choice.
    dearest = "query($a: CentralityAlgorithm!) { centrality(algorithm: $a, first: 1) { totalCount } }"
    assert cost_on(size, dearest) >= max(cost_on(size, "{ centrality(algorithm: %s, first: 1) { totalCount } }" % a)
                                         for a in ("DEGREE", "PAGERANK", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR"))
    sorted_list = "{ people(first: 1, sort: [{field: CENTRALITY, algorithm: CLOSENESS}]) { totalCount } }"
    assert cost_on(size, sorted_list) > cost_on(size, "{ people(first: 1, sort: [{field: DEGREE}]) { totalCount } }")


def test_an_entitys_centrality_is_costed_once_per_operation_and_measure() -> None:
    size = GraphSize(20_000, 60_000)
    pagerank = algorithm_cost("centrality", {"algorithm": "PAGERANK"}, size)
    closeness = algorithm_cost("centrality", {"algorithm": "CLOSENESS"}, size)
    plain = cost_on(size, "{ people(first: 100) { nodes { degree } } }")
    # Scores are computed once per graph version: a hundred entities asking cost one computation.
    assert cost_on(size, "{ people(first: 100) { nodes { centrality } } }") == plain + pagerank
    assert cost_on(size, "{ people(first: 100) { nodes { a: centrality b: centrality } } }") == plain + 100 + pagerank  # one more field per person
    both = "{ people(first: 100) { nodes { centrality(algorithm: CLOSENESS) b: centrality } } }"
    assert cost_on(size, both) == plain + 100 + pagerank + closeness
    dearest = "query($a: CentralityAlgorithm!) { people(first: 1) { nodes { centrality(algorithm: $a) } } }"
    assert cost_on(size, dearest) >= cost_on(size, "{ people(first: 1) { nodes { centrality(algorithm: BETWEENNESS) } } }")
    closeness_field = "{ people(first: 1) { nodes { centrality(algorithm: CLOSENESS) } } }"
    assert cost_on(GraphSize(600, 900), closeness_field) < cost_on(size, closeness_field)


def test_a_cached_validation_is_redone_when_the_graph_grows(latest_size: None) -> None:
    query = "{ a: centrality(algorithm: CLOSENESS, first: 1) { totalCount } " \
            "b: communities(algorithm: GREEDY_MODULARITY) { nodeCount } }"
    small = GraphSnapshot.from_quads([])
    large = GraphSnapshot.from_quads([])
    large.memo[GraphSize] = GraphSize(2_000_000, 6_000_000)  # the size the cost rule reads
    assert "QUERY_TOO_COMPLEX" not in codes(run(small, query))
    assert codes(run(large, query)) == ["QUERY_TOO_COMPLEX"]
    assert "QUERY_TOO_COMPLEX" not in codes(run(small, query))
    # Documents prepared for the direct path follow the size the server's state serves.
    prepared = PreparedDocuments(API, LIMITS)
    GraphState(small)
    assert prepared.get(query) is not None
    GraphState(large)
    assert prepared.get(query) is None


# -- caps on arguments -----------------------------------------------------------------------------------
def test_search_text_is_capped_and_refused_at_once(snapshot: GraphSnapshot) -> None:
    query = "query($t: String!) { search(text: $t) { totalCount } }"
    for text in ("a " * 2_000, "x" * 1_000_000, "word " * (MAX_SEARCH_WORDS + 1)):
        start = time.perf_counter()
        result = run(snapshot, query, {"t": text})
        assert time.perf_counter() - start < QUICK and codes(result) == ["LIMIT_EXCEEDED"]
        assert "search text has" in result.errors[0].message
    widest = " ".join(["council"] * MAX_SEARCH_WORDS)
    start = time.perf_counter()
    assert codes(run(snapshot, query, {"t": widest})) == []
    assert time.perf_counter() - start < 2 * QUICK
    assert fts_query(" ".join(["ab"] * MAX_SEARCH_WORDS)) is not None
    assert fts_query("a" * MAX_SEARCH_CHARACTERS) is not None


def test_list_arguments_and_filters_are_capped(snapshot: GraphSnapshot) -> None:
    found = run(snapshot, 'query($t: [String!]) { search(text: "council", types: $t) { totalCount } }',
                {"t": ["Person"] * 5_000})
    assert codes(found) == ["LIMIT_EXCEEDED"] and "types holds 5,000 values" in found.errors[0].message
    deep: dict[str, Any] = {}
    for _ in range(stress(100, 900)):
        deep = {"NOT": deep}
    query = "query($w: EntityFilter) { entities(where: $w) { totalCount } }"
    assert codes(run(snapshot, query, {"w": deep})) == ["LIMIT_EXCEEDED"]
    assert codes(run(snapshot, query, {"w": {"iri": [f"urn:{i}" for i in range(5_000)]}})) == ["LIMIT_EXCEEDED"]
    kept = run(snapshot, query, {"w": {"OR": [{"type": ["Person"]}, {"type": ["Place"]}]}})
    assert codes(kept) == [] and kept.data["entities"]["totalCount"] == \
        len(snapshot.views.by_type.get("Person", [])) + len(snapshot.views.by_type.get("Place", []))
    sorts = [{"field": "LABEL"}] * 5
    assert codes(run(snapshot, "query($s: [EntitySort!]) { entities(sort: $s) { totalCount } }",
                     {"s": sorts})) == ["LIMIT_EXCEEDED"]


# -- cursors ------------------------------------------------------------------------------------------------
def _b64(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


CRAFTED = {
    "not base64": "!!!***",
    "base64 of bytes that are not UTF-8": _b64(b"\xff\xfe\x00\x81"),
    "base64 of text that is not JSON": _b64(b"not json"),
    "JSON that is not a list": _b64(b'{"a": 1}'),
    "a list of the wrong arity": _b64(b'["a"]'),
    "a list of the wrong types": _b64(b"[1, 2, 3]"),
    "a list of lists": _b64(b'[["a"], ["b"], ["c"]]'),
    "nested deeper than the JSON decoder goes": _b64(b"[" * 700 + b"]" * 700),
    "far too long": "A" * 100_000,
}


@pytest.mark.parametrize("name", list(CRAFTED))
@pytest.mark.parametrize("direction", ["after", "before"])
def test_crafted_cursors_are_bad_cursors(snapshot: GraphSnapshot, name: str, direction: str) -> None:
    result = run(snapshot, "query($c: String) { people(%s: $c) { totalCount } }" % direction, {"c": CRAFTED[name]})
    assert codes(result) == ["BAD_CURSOR"] and result.errors[0].message.startswith("invalid cursor")
    assert len(result.errors[0].message) < 300


@given(st.one_of(st.binary(max_size=200).map(_b64), st.text(max_size=200),
                 st.lists(st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=5)),
                          max_size=4).map(lambda key: _b64(json.dumps(key).encode()))))
def test_any_cursor_gives_a_page_or_a_bad_cursor(snapshot: GraphSnapshot, cursor: str) -> None:
    result = run(snapshot, "query($c: String) { people(first: 2, after: $c) { totalCount } "
                           "search(text: \"council\", after: $c) { totalCount } }", {"c": cursor})
    assert set(codes(result)) <= {"BAD_CURSOR"}


def test_a_cursor_of_the_list_still_pages(snapshot: GraphSnapshot) -> None:
    first = run(snapshot, "{ people(first: 2) { pageInfo { endCursor } } }").data["people"]["pageInfo"]["endCursor"]
    assert codes(run(snapshot, "query($c: String) { people(first: 2, after: $c) { totalCount } }", {"c": first})) == []
    assert encode_cursor(["a", "b"]) != first


# -- error codes --------------------------------------------------------------------------------------------
DEEP = '{ entity(iri: "x") { ' + "relations(first: 1) { edges { node { object { " * 4 + "label" + " } } } }" * 4 + " } }"
CASES = [
    ("{", None, "GRAPHQL_PARSE_FAILED"),
    ("{" + " __typename" * 4_001 + "}", None, "TOO_MANY_TOKENS"),
    ("{ nope }", None, "GRAPHQL_VALIDATION_FAILED"),
    ("query($x: Int) { __typename }", None, "GRAPHQL_VALIDATION_FAILED"),
    (DEEP, None, "QUERY_TOO_DEEP"),
    ("{ " + " ".join(f'a{i}: entity(iri: "x") {{ iri }}' for i in range(31)) + " }", None, "TOO_MANY_ALIASES"),
    ("{ entities(first: 100) { edges { node { relations(first: 100) { edges { node { evidence { quote } } } } } } } }",
     None, "QUERY_TOO_COMPLEX"),
    ("query($x: Int!) { entities(first: $x) { totalCount } }", {"x": "seven"}, "BAD_USER_INPUT"),
    ("query($x: Int!) { entities(first: $x) { totalCount } }", {}, "BAD_USER_INPUT"),
    ('{ node(id: "not an id") { id } }', None, "BAD_USER_INPUT"),
    ("{ entities(first: -1) { totalCount } }", None, "BAD_USER_INPUT"),
    ("{ entities(first: 500) { totalCount } }", None, "LIMIT_EXCEEDED"),
    ('{ people(after: "nope") { totalCount } }', None, "BAD_CURSOR"),
    ('{ shortestPath(source: "urn:nowhere", target: "urn:nowhere") { length } }', None, "BAD_USER_INPUT"),
    ('query($s: String!) { shortestPaths(source: $s, target: $s, k: 50) { truncated } }',
     {"s": SALUS}, "LIMIT_EXCEEDED"),
]


@pytest.mark.parametrize(("query", "variables", "code"), CASES, ids=[c[2] + str(i) for i, c in enumerate(CASES)])
def test_each_error_carries_its_code(snapshot: GraphSnapshot, query: str, variables: dict[str, Any] | None,
                                     code: str) -> None:
    result = run(snapshot, query, variables)
    assert codes(result) and set(codes(result)) == {code}, [e.message for e in result.errors or []]


def test_operation_names_and_server_side_errors_have_codes(snapshot: GraphSnapshot) -> None:
    result = execute(SCHEMA, parse("query A { __typename }"), operation_name="B",
                     context_value=RequestContext(snapshot))
    add_codes(result.errors)
    assert [e.extensions["code"] for e in result.errors] == ["OPERATION_NOT_FOUND"]
    timeout = GraphQLError("t", path=["a"], original_error=AlgorithmTimeoutError("took too long", 20.0))
    busy = GraphQLError("b", path=["a"], original_error=AlgorithmBusyError("busy", 1.5))
    fault = GraphQLError("f", path=["a"], original_error=KeyError("x"))
    add_codes([timeout, busy, fault])
    assert timeout.formatted["extensions"] == {"code": "ALGORITHM_TIMEOUT", "limitSeconds": 20.0}
    assert busy.formatted["extensions"] == {"code": "BUSY", "retryAfter": 1.5}
    assert error_code(fault) == "INTERNAL_SERVER_ERROR"


def test_every_code_is_documented_in_one_table() -> None:
    import evidence_graph.schema.errors as errors_module

    table = errors_module.__doc__ or ""
    assert all(f"``{code}``" in table for code in CODES)


def test_the_view_and_the_direct_answers_give_the_same_codes(snapshot: GraphSnapshot) -> None:
    direct = create_app(ServerSettings(response_cache_size=0), snapshot=snapshot)
    view = create_app(ServerSettings(response_cache_size=0, direct_execution=False), snapshot=snapshot)
    queries = ['{ people(after: "nope") { totalCount } }', "{ entities(first: 500) { totalCount } }",
               '{ node(id: "not an id") { id } a: people(first: 1) { totalCount } }']
    with TestClient(direct) as a, TestClient(view) as b:
        for query in queries:
            answers = [client.post("/graphql", json={"query": query}) for client in (a, b)]
            assert answers[0].content == answers[1].content
            assert all("code" in e["extensions"] for e in answers[0].json()["errors"])
