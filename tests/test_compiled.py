"""Compiled query plans (schema/compiled.py) against graphql-core's executor: the same data and the
same errors (message, path, locations), for the analyst queries on the sample graph and for the
corners of the spec on small schemas made for the purpose."""

from __future__ import annotations

import asyncio
import gc
import json
import warnings
from pathlib import Path
from typing import Any

import pytest
import strawberry
from strawberry.types import ExecutionResult

from evidence_graph.graph.store import EvidenceStore
from evidence_graph.schema import build_schema
from evidence_graph.schema.compiled import PlannedExecutor, planned_executor_class
from evidence_graph.schema.context import GraphSnapshot, RequestContext

ROOT = Path(__file__).parents[1]
KCC = "http://127.0.0.1:8000/id/org/gb-lae-ken"
SALUS = "http://127.0.0.1:8000/id/org/project-salus"
IFA = "http://127.0.0.1:8000/id/framework/independent-foster-agency-framework"

COMPILED = build_schema()
REFERENCE = build_schema(compiled=False)


@pytest.fixture(scope="module")
def snapshot(sample_store: EvidenceStore) -> GraphSnapshot:
    return GraphSnapshot.from_quads(sample_store.quads())


def outcome(result: ExecutionResult) -> dict[str, Any]:
    """What a client sees: data, and each error's message, path and locations."""
    errors = [{"message": e.message, "path": e.path, "locations": [(loc.line, loc.column) for loc in e.locations or ()]}
              for e in result.errors or ()]
    return {"data": result.data, "errors": errors}


def both(schema_pair: tuple[strawberry.Schema, strawberry.Schema], query: str, variables: dict[str, Any] | None = None,
         context: Any = None, operation_name: str | None = None) -> tuple[dict[str, Any], dict[str, Any]]:
    compiled, reference = schema_pair

    async def run(schema: strawberry.Schema) -> ExecutionResult:
        return await schema.execute(query, variable_values=variables, context_value=context,
                                    operation_name=operation_name)

    return outcome(asyncio.run(run(compiled))), outcome(asyncio.run(run(reference)))


def planned_count(schema: strawberry.Schema) -> dict[str, int]:
    executor_class = schema.execution_context_class
    assert issubclass(executor_class, PlannedExecutor)
    return executor_class.plans.stats()


# -- the sample graph ------------------------------------------------------------------------------
FRAGMENTS = """
fragment Quote on Evidence { quote start end document { iri label } speaker { __typename label } }
fragment Stmt on Statement { id predicateName graph objectIri value { lexical datatype }
                             evidence { ...Quote } subject { iri } }
"""

SAMPLE_QUERIES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("entity with relations and evidence",
     FRAGMENTS + """query ($iri: String!) { entity(iri: $iri) { __typename id iri label aliases types graphs
        degree(direction: OUT) ... on Organisation { label }
        relations(first: 20) { totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          edges { cursor node { ...Stmt object { __typename iri label ... on Person { posts { label } } } } } } } }""",
     {"iri": KCC}),
    ("page of entities with neighbours",
     "query ($first: Int!) { entities(first: $first) { edges { node { iri label relations(first: 5) "
     "{ edges { node { predicate object { label } } } } } } } }", {"first": 50}),
    ("aliases, nodes shortcut and typed lists",
     """{ a: people(first: 3) { nodes { label x: label id } totalCount }
          b: people(first: 3, sort: [{field: LABEL, direction: DESC}]) { nodes { label } }
          organisations(first: 5, where: {label: {contains: "council"}}) { nodes { label degree } }
          themes { nodes { label } } }""", None),
    ("search", "{ search(text: \"TUPE\", first: 5) { totalCount edges { score node { node { __typename label } "
               "snippet matchedIn } } } }", None),
    ("algorithms (async root fields beside sync ones)",
     """query ($s: String!, $t: String!) {
          shortestPath(source: $s, target: $t) { length nodes { __typename label }
            hops { forward statement { predicateName evidence { quote } } } }
          centrality(algorithm: PAGERANK, first: 5) { edges { score node { label } } }
          entity(iri: $s) { label } }""", {"s": SALUS, "t": IFA}),
    ("literal skip and include",
     """{ entity(iri: "%s") { label @skip(if: true) iri @include(if: true) key @include(if: false) } }""" % KCC,
     None),
    ("bad cursor: a field error in a nullable position nulls only that field",
     """{ entity(iri: "%s") { label relations(first: 2, after: "not-a-cursor") { totalCount } } }""" % KCC, None),
    ("page above the cap: an error in a list item's non-null field nulls up to the root",
     """{ entities(first: 3) { edges { node { label relations(first: 1000) { totalCount } } } } }""", None),
    ("bad global id at the root", """{ node(id: "nonsense") { id } ok: entity(iri: "%s") { label } }""" % KCC,
     None),
    ("unknown entity is null", """{ entity(iri: "https://nowhere.example/x") { label } }""", None),
    ("an async root's non-null error after a sync root's error",
     """{ entities(first: -1) { totalCount } node(id: "nonsense") { id } }""", None),
]


@pytest.mark.parametrize(("name", "query", "variables"), SAMPLE_QUERIES, ids=[q[0] for q in SAMPLE_QUERIES])
def test_compiled_answers_equal_graphql_core_on_the_sample(snapshot: GraphSnapshot, name: str, query: str,
                                                          variables: dict[str, Any] | None) -> None:
    compiled, reference = both((COMPILED, REFERENCE), query, variables, RequestContext(snapshot))
    assert compiled == reference
    assert compiled["data"] is not None or compiled["errors"]


@pytest.mark.parametrize("path", sorted((ROOT / "docs" / "queries").glob("*.graphql")), ids=lambda p: p.stem)
def test_cookbook_queries_run_compiled_with_the_same_answers(snapshot: GraphSnapshot, path: Path) -> None:
    before = planned_count(COMPILED)
    compiled, reference = both((COMPILED, REFERENCE), path.read_text(encoding="utf-8"), None,
                               RequestContext(snapshot))
    assert compiled == reference
    assert compiled["errors"] == []
    after = planned_count(COMPILED)
    assert after["planned"] == before["planned"] + 1, "the cookbook query did not run by its plan"
    assert after["fallbacks"] == before["fallbacks"]


def test_errors_name_the_item_that_failed(snapshot: GraphSnapshot) -> None:
    compiled, _ = both((COMPILED, REFERENCE), SAMPLE_QUERIES[7][1], None, RequestContext(snapshot))
    # Every field from `relations` up to `entities` is non-null, so null reaches the root.
    assert compiled["data"] is None
    assert [e["path"] for e in compiled["errors"]] == [["entities", "edges", 0, "node", "relations"]]
    assert "page cap" in compiled["errors"][0]["message"]


def test_unsupported_operations_run_on_graphql_core(snapshot: GraphSnapshot) -> None:
    context = RequestContext(snapshot)
    before = planned_count(COMPILED)
    for query, variables in (("{ __schema { queryType { name } } }", None),
                             ("query ($on: Boolean!) { entity(iri: \"%s\") { label @include(if: $on) } }" % KCC,
                              {"on": False})):
        compiled, reference = both((COMPILED, REFERENCE), query, variables, context)
        assert compiled == reference and compiled["errors"] == []
    after = planned_count(COMPILED)
    assert after["standard"] == before["standard"] + 2
    assert after["planned"] == before["planned"]


def test_an_async_field_of_a_runtime_type_runs_on_graphql_core_from_then_on(snapshot: GraphSnapshot) -> None:
    # `entity` returns the Entity interface: the Organisation plan, compiled when KCC is met, finds
    # `centrality` asynchronous, so the run starts again on graphql-core, and later runs go there at once.
    query = '{ entity(iri: "%s") { label centrality degree } }' % KCC
    before = planned_count(COMPILED)
    compiled, reference = both((COMPILED, REFERENCE), query, None, RequestContext(snapshot))
    assert compiled == reference and compiled["errors"] == []
    assert compiled["data"]["entity"]["label"] == "Kent County Council"
    assert 0 < compiled["data"]["entity"]["centrality"] < 1
    middle = planned_count(COMPILED)
    assert middle["fallbacks"] == before["fallbacks"] + 1
    assert both((COMPILED, REFERENCE), query, None, RequestContext(snapshot))[0] == compiled
    after = planned_count(COMPILED)
    assert after["fallbacks"] == middle["fallbacks"] and after["standard"] == middle["standard"] + 1


def test_a_centrality_that_cannot_be_had_is_null_and_the_rest_answers(sample_store: EvidenceStore,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # On a graph over the measure's node limit (PageRank: 50,000) the scores are refused; the
    # entities, and a neighbourhood of them as the explorer asks for it, still answer.
    from evidence_graph.graph.analytics import budgets

    monkeypatch.setitem(budgets.NODE_LIMITS, "PAGERANK", 10)
    fresh = GraphSnapshot.from_quads(sample_store.quads())  # no scores cached from other tests
    query = '{ neighbourhood(iri: "%s") { nodes { label degree centrality } } }' % KCC
    compiled, reference = both((COMPILED, REFERENCE), query, None, RequestContext(fresh))
    assert compiled == reference and compiled["errors"] == []
    nodes = compiled["data"]["neighbourhood"]["nodes"]
    assert len(nodes) > 5 and all(n["centrality"] is None and n["label"] for n in nodes)


def test_a_plan_is_reused_across_variables(snapshot: GraphSnapshot) -> None:
    query = "query ($iri: String!) { entity(iri: $iri) { label } }"
    before = planned_count(COMPILED)
    answers = [both((COMPILED, REFERENCE), query, {"iri": iri}, RequestContext(snapshot))[0]["data"]
               for iri in (KCC, SALUS, "https://nowhere.example/x")]
    after = planned_count(COMPILED)
    assert [a["entity"] and a["entity"]["label"] for a in answers] == ["Kent County Council", "Project Salus", None]
    assert after["planned"] == before["planned"] + 3
    assert after["cached"] == before["cached"] + 1


def test_plans_off_run_everything_on_graphql_core() -> None:
    assert planned_executor_class(0).plans.plan_for is not None
    assert planned_count(REFERENCE)["planned"] == 0


# -- the corners of the spec, on a small schema ---------------------------------------------------
class Boom(Exception):
    pass


@strawberry.interface
class Animal:
    name: str


@strawberry.type
class Dog(Animal):
    barks: bool = True

    @strawberry.field
    def friend(self) -> Animal | None:
        return Cat(name=f"{self.name}'s cat")


@strawberry.type
class Cat(Animal):
    @strawberry.field
    def lives(self) -> int:
        return 9 if self.name != "Bad" else None  # type: ignore[return-value]

    @strawberry.field
    def grudge(self) -> str:
        raise Boom(f"{self.name} bears a grudge")


@strawberry.type
class Box:
    label: str | None = None

    @strawberry.field
    def items(self) -> list[int]:
        return [1, None, 3]  # type: ignore[list-item]

    @strawberry.field
    def maybe_items(self) -> list[int | None]:
        return [1, None, 3]

    @strawberry.field
    def must(self) -> str:
        return None  # type: ignore[return-value]

    @strawberry.field
    def scalar_list(self) -> list[str]:
        return 5  # type: ignore[return-value]

    @strawberry.field
    def huge(self) -> int:
        return 2**40


@strawberry.type
class SmallQuery:
    @strawberry.field
    def animals(self) -> list[Animal]:
        return [Dog(name="Rex"), Cat(name="Tom")]

    @strawberry.field
    def bad_animals(self) -> list[Animal | None]:
        return [Cat(name="Bad"), Dog(name="Rex")]

    @strawberry.field
    def box(self) -> Box | None:
        return Box()

    @strawberry.field
    def boxes(self) -> list[Box]:
        return [Box(label="a"), Box(label="b")]

    @strawberry.field
    def echo(self, text: str, times: int = 2) -> str:
        return text * times

    @strawberry.field
    def context_value(self, info: strawberry.Info) -> str:
        return f"{info.context['who']} at {info.path.key}"

    @strawberry.field
    async def later(self, text: str) -> str:
        await asyncio.sleep(0)
        return text.upper()

    @strawberry.field
    async def later_fails(self) -> str | None:
        await asyncio.sleep(0)
        raise Boom("later failed")

    @strawberry.field
    def sneaky(self) -> str:
        async def inner() -> str:
            return "awaited"
        return inner()  # type: ignore[return-value]


SMALL = (strawberry.Schema(SmallQuery, types=[Dog, Cat], execution_context_class=planned_executor_class(64)),
         strawberry.Schema(SmallQuery, types=[Dog, Cat], execution_context_class=planned_executor_class(0)))

SMALL_QUERIES: list[tuple[str, str, dict[str, Any] | None]] = [
    ("a null in a non-null field of an abstract item nulls the item",
     "{ badAnimals { __typename name ... on Cat { lives } } }", None),
    ("abstract types, fragments and __typename",
     """{ animals { __typename name ... on Dog { barks friend { __typename name ... on Cat { lives } } }
                   ...CatBits } }
        fragment CatBits on Cat { lives }""", None),
    ("a resolver error in a non-null field nulls the nearest nullable parent",
     "{ animals { name ... on Cat { grudge } } box { label } }", None),
    ("null in a non-null list item", "{ box { items } }", None),
    ("null allowed in a nullable list item", "{ box { maybeItems } }", None),
    ("null in a non-null field propagates to a nullable parent", "{ box { label must } boxes { label } }", None),
    ("null propagates through a non-null list to the root", "{ boxes { label must } }", None),
    ("not iterable", "{ box { scalarList } }", None),
    ("an Int out of range", "{ box { huge } }", None),
    ("arguments: literals, variables and defaults",
     "query ($t: String!) { a: echo(text: $t) b: echo(text: \"x\", times: 3) }", {"t": "ab"}),
    ("info: context and path", "{ first: contextValue second: contextValue }", None),
    ("async root fields beside sync ones, and an async error",
     "{ later(text: \"hi\") echo(text: \"e\") laterFails box { label } }", None),
    ("merged fields", "{ box { label } box { maybeItems } }", None),
    ("an async error and a later sync null, in graphql-core's order", "{ laterFails box { must } }", None),
    ("a sync non-null root error beside an async root", "{ later(text: \"a\") boxes { must } }", None),
]


@pytest.mark.parametrize(("name", "query", "variables"), SMALL_QUERIES, ids=[q[0] for q in SMALL_QUERIES])
def test_compiled_answers_equal_graphql_core_on_spec_corners(name: str, query: str,
                                                            variables: dict[str, Any] | None) -> None:
    before = planned_count(SMALL[0])
    compiled, reference = both(SMALL, query, variables, {"who": "analyst"})
    assert compiled == reference, json.dumps({"compiled": compiled, "reference": reference}, indent=1)
    after = planned_count(SMALL[0])
    assert after["planned"] == before["planned"] + 1 and after["fallbacks"] == before["fallbacks"]


@pytest.mark.parametrize("query", ["{ sneaky }", "{ later(text: \"a\") sneaky }"])
def test_an_unexpected_awaitable_falls_back_to_graphql_core(query: str) -> None:
    before = planned_count(SMALL[0])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        compiled, reference = both(SMALL, query)
        gc.collect()  # a coroutine never awaited warns when it is collected
    assert compiled == reference
    assert [str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)] == []
    after = planned_count(SMALL[0])
    assert after["fallbacks"] == before["fallbacks"] + 1
