"""Limits that refuse hostile or runaway queries before they run: tokens, depth, aliases, and an
estimated cost computed from the query alone (no resolver runs).

The cost of a field is the number of times it would be resolved: 1 at the root, multiplied by
``first``/``last`` of every paged list above it (20 when not given, the page cap for a variable
without a default) and by :data:`ASSUMED_LIST_SIZE` for every unpaged list. A graph algorithm
at the root costs besides what it implies on the graph being served (:func:`algorithm_cost`):
centrality and communities in proportion to its nodes and links, paths and neighbourhoods to
what lies within their hops. Fragments are costed as if written out where they are spread. The
figure is reported in the error so that a client can see how far over it is.

Depth, aliases and cost are measured in one pass that visits every fragment once
(:func:`measure_document`): a fragment's figures do not depend on where it is spread, and its cost
scales with the multiplier of the place it is spread at, so a document of fragments each spreading
the next ten times is measured in time linear in its size, not in the size of its expansion.
A document over a limit is refused before graphql-core's own rules visit it.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from graphql import (
    DocumentNode,
    EnumValueNode,
    FieldNode,
    FragmentDefinitionNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    InlineFragmentNode,
    IntValueNode,
    ListValueNode,
    NullValueNode,
    ObjectValueNode,
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    ValueNode,
    VariableNode,
)
from graphql.type import GraphQLNamedType, GraphQLOutputType, GraphQLSchema
from graphql.validation.rules import overlapping_fields_can_be_merged
from graphql.validation.validate import ValidationAbortedError
from strawberry.extensions import MaxTokensLimiter, SchemaExtension

from evidence_graph.graph.analytics import budgets
from evidence_graph.schema.caches import DEFAULT_DOCUMENT_BYTES, ParsedDocumentCache, ValidatedDocumentCache
from evidence_graph.schema.context import LATEST_GRAPH_SIZE, GraphSize
from evidence_graph.schema.errors import (
    GRAPHQL_VALIDATION_FAILED,
    QUERY_TOO_COMPLEX,
    QUERY_TOO_DEEP,
    TOO_MANY_ALIASES,
    QueryLimitError,
    with_code,
)
from evidence_graph.schema.pagination import DEFAULT_PAGE, PAGE_CAP

#: Work graphql-core's OverlappingFieldsCanBeMerged may spend on one document before it aborts
#: validation. Its default (500,000) let a 4,000-token document of same-named fields block the
#: event loop for 0.8 s (0.4 s at 60,000); the cookbook's queries spend none of it.
OVERLAPPING_FIELDS_BUDGET = 10_000
overlapping_fields_can_be_merged.MAX_COMPLEXITY_BUDGET = OVERLAPPING_FIELDS_BUDGET


@dataclass(frozen=True)
class QueryLimits:
    """The limits the server enforces (one place, shown in the README)."""

    max_depth: int = 12
    max_tokens: int = 4000
    max_aliases: int = 30
    max_cost: int = 100_000
    #: Entries of the parse and validation caches (bounded: an unbounded cache is a memory leak).
    cache_size: int = 512
    #: Bytes of parsed documents and of validation results each of those caches keeps.
    cache_bytes: int = DEFAULT_DOCUMENT_BYTES


#: How many items an unpaged list field (e.g. ``Person.posts``) is assumed to return.
ASSUMED_LIST_SIZE = 10
#: What an algorithm costs on a graph at its node limit (``graph.analytics.NODE_LIMITS``, calibrated
#: to 10-20 s of work): two such runs fill the default ``max_cost``. The algorithm runs in a worker
#: thread under its own time budget, so this is a share of the query's budget, not event-loop time.
ALGORITHM_COST = 50_000
#: Links per node the node limits were calibrated with.
LINKS_PER_NODE = 3
#: Nodes or links visited per unit of cost by a walk from seeds (paths, neighbourhoods): the rate
#: at which the cheapest algorithm (DEGREE) reaches :data:`ALGORITHM_COST` at its node limit.
VISITS_PER_COST = 16
#: Most values a list argument may hold (``types``, ``graphs``, ``predicates``, filter lists): the
#: values are turned into sets or SQL parameters and may come from variables, which no token limit bounds.
MAX_LIST_VALUES = 1_000
#: Longest text argument that reaches an index or an algorithm (an IRI, a name, a filter's text).
MAX_TEXT_LENGTH = 2_000
#: Defaults of the algorithm fields' arguments, and the most a variable may stand for.
_PATH_LENGTH_DEFAULT, _PATHS_DEFAULT, _HOPS_DEFAULT = 4, 3, 1


def _unwrap(kind: GraphQLOutputType) -> tuple[GraphQLNamedType, bool]:
    is_list = False
    while isinstance(kind, GraphQLNonNull | GraphQLList):
        if isinstance(kind, GraphQLList):
            is_list = True
        kind = kind.of_type
    return kind, is_list


def check_argument_sizes(field: str, **arguments: object) -> None:
    """Refuse a text or list argument too large to hand to an index or an algorithm.

    Parameters
    ----------
    field : str
        The field, named in the message.
    **arguments
        Argument values by GraphQL name: strings are held to :data:`MAX_TEXT_LENGTH`, lists to
        :data:`MAX_LIST_VALUES` values of at most :data:`MAX_TEXT_LENGTH` characters; None passes.

    Raises
    ------
    QueryLimitError
        Naming the field, the argument and the cap.

    Examples
    --------
    >>> check_argument_sizes("centrality", types=["Person"], graphs=None)
    >>> check_argument_sizes("centrality", graphs=["urn:g"] * 5_000)
    Traceback (most recent call last):
    ...
    evidence_graph.schema.errors.QueryLimitError: centrality: graphs holds 5,000 values; at most 1,000 are accepted
    """
    for name, value in arguments.items():
        if isinstance(value, str):
            if len(value) > MAX_TEXT_LENGTH:
                raise QueryLimitError(f"{field}: {name} has {len(value):,} characters; at most "
                                      f"{MAX_TEXT_LENGTH:,} are accepted")
        elif isinstance(value, list | tuple | set | frozenset):
            if len(value) > MAX_LIST_VALUES:
                raise QueryLimitError(f"{field}: {name} holds {len(value):,} values; at most "
                                      f"{MAX_LIST_VALUES:,} are accepted")
            if any(isinstance(v, str) and len(v) > MAX_TEXT_LENGTH for v in value):
                raise QueryLimitError(f"{field}: a value of {name} is longer than {MAX_TEXT_LENGTH:,} characters")


# -- algorithm costs -------------------------------------------------------------------------------
def _share(algorithm: str, size: GraphSize) -> float:
    """The part of an algorithm's budget a graph of ``size`` implies (1 at its node limit; an
    algorithm over a graph larger than its limit runs only on a part the filters keep)."""
    limit = budgets.NODE_LIMITS.get(algorithm, max(budgets.NODE_LIMITS.values()))
    return min(1.0, (size.nodes + size.edges) / (limit * (1 + LINKS_PER_NODE)))


def _reach(size: GraphSize, hops: int) -> float:
    """Nodes and links within ``hops`` of a node on a graph of ``size`` (its average degree)."""
    branching = max(1.0, 2 * size.edges / max(size.nodes, 1))
    return min(float(size.nodes + size.edges), branching ** min(hops, 64) * (1 + branching))


def algorithm_cost(field: str, arguments: dict[str, Any], size: GraphSize) -> int:
    """What a root algorithm field costs on a graph of ``size``, besides the field itself.

    Parameters
    ----------
    field : str
        The root field: ``centrality``, ``communities``, ``shortestPath``, ``shortestPaths``,
        ``neighbourhood`` or ``estimate``; any other field costs 0.
    arguments : dict
        Its arguments as far as the document tells them: ``algorithm`` (a name, or None for a
        variable: the dearest is assumed), ``sample``, ``maxLength``, ``k``, ``hops`` (ints, or
        None for a variable without default: the cap is assumed).
    size : GraphSize
        Nodes and links of the graph served.

    Returns
    -------
    int

    Examples
    --------
    >>> small, large = GraphSize(1_000, 3_000), GraphSize(100_000, 300_000)
    >>> algorithm_cost("centrality", {"algorithm": "PAGERANK"}, small) < algorithm_cost(
    ...     "centrality", {"algorithm": "PAGERANK"}, large) <= ALGORITHM_COST
    True
    >>> algorithm_cost("centrality", {"algorithm": "BETWEENNESS", "sample": 5_000}, large) > ALGORITHM_COST
    True
    >>> algorithm_cost("neighbourhood", {"hops": 1}, large) < algorithm_cost("neighbourhood", {"hops": 3}, large)
    True
    """
    if field in ("centrality", "communities"):
        names = budgets.CENTRALITY_ALGORITHMS if field == "centrality" else budgets.COMMUNITY_ALGORITHMS
        algorithm = arguments.get("algorithm")
        chosen = [algorithm] if algorithm in names else list(names)
        return max(_centrality_cost(name, arguments, size) for name in chosen)
    if field == "estimate":
        return math.ceil((size.nodes + size.edges) / VISITS_PER_COST)
    if field in ("shortestPath", "shortestPaths"):
        length = _bounded(arguments.get("maxLength", _PATH_LENGTH_DEFAULT), budgets.MAX_PATH_LENGTH)
        paths = _bounded(arguments.get("k", _PATHS_DEFAULT), budgets.MAX_K) if field == "shortestPaths" else 1
        return math.ceil(paths * _reach(size, length) / VISITS_PER_COST)
    if field == "neighbourhood":
        hops = _bounded(arguments.get("hops", _HOPS_DEFAULT), budgets.MAX_NEIGHBOURHOOD_HOPS)
        reached = min(_reach(size, hops), budgets.MAX_NEIGHBOURHOOD_NODES * (1 + LINKS_PER_NODE))
        return math.ceil(reached / VISITS_PER_COST)
    return 0


def _bounded(value: object, cap: int) -> int:
    # A variable (None) may stand for the cap; a value over the cap is refused by the algorithm.
    return min(value, cap) if isinstance(value, int) and value >= 0 else cap


def _centrality_cost(algorithm: str, arguments: dict[str, Any], size: GraphSize) -> int:
    share = _share(algorithm, size)
    if algorithm == "BETWEENNESS":
        # One search per source node: all of them up to the exact limit, a sample above it.
        limit = budgets.NODE_LIMITS[algorithm]
        nodes = min(size.nodes, limit)
        default = nodes if size.nodes <= budgets.EXACT_BETWEENNESS_NODE_LIMIT else budgets.BETWEENNESS_SAMPLE_SOURCES
        sample = arguments.get("sample", default)
        sources = min(sample if isinstance(sample, int) and sample > 0 else nodes, nodes)
        share *= max(sources, 1) / budgets.BETWEENNESS_SAMPLE_SOURCES
    return max(1, math.ceil(ALGORITHM_COST * share))


# -- measuring a document ----------------------------------------------------------------------------
@dataclass(frozen=True)
class OperationMeasure:
    """Depth, aliases and cost of one operation, fragments written out where they are spread."""

    name: str
    depth: int
    aliases: int
    cost: int


#: The figures of a selection set: cost per resolution of its parent, depth, aliases.
_Figures = tuple[int, int, int]
_NOTHING: _Figures = (0, 0, 0)


class _Measurer:
    """One pass over a document's definitions; each fragment measured once, in dependency order."""

    def __init__(self, schema: GraphQLSchema, document: DocumentNode, size: GraphSize) -> None:
        self.schema = schema
        self.size = size
        self.query_type = schema.query_type
        definitions = document.definitions
        self.fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        self.operations = [d for d in definitions if isinstance(d, OperationDefinitionNode)]
        self.figures: dict[str, _Figures] = {}
        # A variable in a fragment may come from any operation: it stands for the largest default
        # any of them gives it, or for anything if one gives none.
        defaults: dict[str, list[ValueNode | None]] = {}
        for operation in self.operations:
            for variable in operation.variable_definitions or ():
                defaults.setdefault(variable.variable.name.value, []).append(variable.default_value)
        self.fragment_variables: dict[str, ValueNode | None] = {
            name: _largest(values) for name, values in defaults.items()}
        # Centrality measures an entity's `centrality` field asks for: each is computed once per
        # graph version whatever the number of entities, so it is costed once per operation.
        self.centralities: set[str | None] = set()

    def measure(self) -> list[OperationMeasure]:
        self.variables = self.fragment_variables
        for name in self._in_dependency_order():
            fragment = self.fragments[name]
            self.figures[name] = self._selections(fragment.selection_set,
                                                  self.schema.get_type(fragment.type_condition.name.value))
        found = []
        in_fragments = set(self.centralities)  # a fragment may be spread by any operation
        for operation in self.operations:
            self.variables = {v.variable.name.value: v.default_value for v in operation.variable_definitions or ()}
            self.centralities = set(in_fragments)
            root = self.schema.get_root_type(operation.operation)
            cost, depth, aliases = self._selections(operation.selection_set, root)
            cost += sum(algorithm_cost("centrality", {"algorithm": name}, self.size) for name in self.centralities)
            found.append(OperationMeasure(operation.name.value if operation.name else "anonymous", depth, aliases,
                                          cost))
        return found

    def _in_dependency_order(self) -> Iterator[str]:
        """Fragment names, each after the fragments it spreads (a spread closing a cycle is left
        out: NoFragmentCyclesRule reports it). Iterative: a chain of fragments may be longer than
        the interpreter's recursion limit."""
        state: dict[str, bool] = {}  # False while being visited, True once yielded
        for start in self.fragments:
            if start in state:
                continue
            state[start] = False
            stack = [(start, iter(_spreads(self.fragments[start].selection_set)))]
            while stack:
                name, pending = stack[-1]
                for spread in pending:
                    if spread in self.fragments and spread not in state:
                        state[spread] = False
                        stack.append((spread, iter(_spreads(self.fragments[spread].selection_set))))
                        break
                else:
                    stack.pop()
                    state[name] = True
                    yield name

    def _selections(self, selection_set: SelectionSetNode, parent: GraphQLNamedType | None) -> _Figures:
        cost = depth = aliases = 0
        for selection in selection_set.selections:
            if isinstance(selection, FieldNode):
                c, d, a = self._field(selection, parent)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                c, d, a = self._selections(selection.selection_set,
                                           self.schema.get_type(condition.name.value) if condition else parent)
            elif isinstance(selection, FragmentSpreadNode):
                # Unknown, or spread inside its own cycle: validation reports it.
                c, d, a = self.figures.get(selection.name.value, _NOTHING)
            else:  # pragma: no cover - graphql-core has no other selection
                continue
            cost += c
            depth = max(depth, d)
            aliases += a
        return cost, depth, aliases

    def _field(self, node: FieldNode, parent: GraphQLNamedType | None) -> _Figures:
        name = node.name.value
        aliases = 1 if node.alias is not None else 0
        definition = parent.fields.get(name) if isinstance(parent, GraphQLObjectType | GraphQLInterfaceType) else None
        if node.selection_set is None:
            if name == "centrality" and definition is not None and parent is not self.query_type:
                self.centralities.add(self._centrality_argument(node))
            return (1 if definition is not None and not name.startswith("__") else 0), 0, aliases
        kind, is_list = _unwrap(definition.type) if definition is not None else (None, False)
        cost, depth, inner = self._selections(node.selection_set, kind)
        aliases += inner
        if name.startswith("__"):
            return 0, 0, aliases  # introspection: neither costed nor counted in depth
        if definition is None:
            return 0, depth + 1, aliases
        page = self._page_argument(node)
        if page is None and "first" in definition.args:
            page = DEFAULT_PAGE
        if page is not None:
            factor = max(page, 1)
        elif is_list and not (parent is not None and parent.name.endswith("Connection") and name in ("edges", "nodes")):
            factor = ASSUMED_LIST_SIZE
        else:
            factor = 1
        return 1 + factor * cost + self._algorithm(node, parent), depth + 1, aliases

    def _centrality_argument(self, node: FieldNode) -> str | None:
        """The measure an entity's ``centrality`` field names: PAGERANK by default, None (the
        dearest) for a variable with no default."""
        for argument in node.arguments or ():
            if argument.name.value == "algorithm":
                value: ValueNode | None = argument.value
                if isinstance(value, VariableNode):
                    value = self.variables.get(value.name.value)
                return value.value if isinstance(value, EnumValueNode) else None
        return "PAGERANK"

    def _page_argument(self, node: FieldNode) -> int | None:
        for argument in node.arguments or ():
            if argument.name.value in ("first", "last"):
                return _page(argument.value, self.variables)
        return None

    def _algorithm(self, node: FieldNode, parent: GraphQLNamedType | None) -> int:
        if parent is not self.query_type:
            return 0
        arguments: dict[str, Any] = {}
        cost = 0
        for argument in node.arguments or ():
            value: ValueNode | None = argument.value
            if isinstance(value, VariableNode):
                value = self.variables.get(value.name.value)
            if argument.name.value == "sort":
                cost += self._sort_cost(value if value is not None else argument.value)
            elif isinstance(value, IntValueNode):
                arguments[argument.name.value] = int(value.value)
            elif isinstance(value, EnumValueNode):
                arguments[argument.name.value] = value.value
            else:
                arguments[argument.name.value] = None  # unknown here: the dearest is assumed
        return cost + algorithm_cost(node.name.value, arguments, self.size)

    def _sort_cost(self, value: ValueNode) -> int:
        """Sorting an entity list by centrality runs the centrality algorithm."""
        if isinstance(value, NullValueNode):
            return 0
        keys = value.values if isinstance(value, ListValueNode) else (value,)
        cost = 0
        for key in keys:
            if not isinstance(key, ObjectValueNode):
                cost = max(cost, algorithm_cost("centrality", {"algorithm": None}, self.size))
                continue
            fields = {f.name.value: f.value for f in key.fields}
            field, algorithm = fields.get("field"), fields.get("algorithm")
            if isinstance(field, EnumValueNode) and field.value != "CENTRALITY":
                continue
            chosen = algorithm.value if isinstance(algorithm, EnumValueNode) else \
                ("PAGERANK" if algorithm is None else None)
            cost = max(cost, algorithm_cost("centrality", {"algorithm": chosen}, self.size))
        return cost


def _largest(values: list[ValueNode | None]) -> ValueNode | None:
    """The largest of an operation's defaults for one variable; None unless all are the same kind."""
    if all(isinstance(v, IntValueNode) for v in values):
        return max(values, key=lambda v: int(v.value))  # type: ignore[union-attr]
    if all(isinstance(v, EnumValueNode) for v in values) and len({v.value for v in values}) == 1:  # type: ignore[union-attr]
        return values[0]
    return None


def _page(value: ValueNode | None, variables: dict[str, ValueNode | None]) -> int:
    if isinstance(value, VariableNode):
        value = variables.get(value.name.value)
    return int(value.value) if isinstance(value, IntValueNode) else PAGE_CAP


def _spreads(selection_set: SelectionSetNode) -> Iterator[str]:
    """Names of the fragments spread anywhere in a selection set (each once)."""
    seen: set[str] = set()
    stack = [selection_set]
    while stack:
        for selection in stack.pop().selections:
            if isinstance(selection, FragmentSpreadNode):
                if selection.name.value not in seen:
                    seen.add(selection.name.value)
                    yield selection.name.value
            elif selection.selection_set is not None:
                stack.append(selection.selection_set)


def measure_document(schema: GraphQLSchema, document: DocumentNode,
                     size: GraphSize | None = None) -> list[OperationMeasure]:
    """Depth, aliases and cost of every operation of a document, in time linear in its size.

    Parameters
    ----------
    schema : GraphQLSchema
        The schema the document is for (types give list sizes and pages).
    document : DocumentNode
        A parsed document; unknown fields and fragments count for nothing (validation reports them).
    size : GraphSize, optional
        The graph the algorithm fields would run on (default: empty).

    Returns
    -------
    list of OperationMeasure
        One per operation, in document order.

    Raises
    ------
    RecursionError
        If selections nest deeper than the interpreter allows (the parser refuses most such texts).

    Examples
    --------
    >>> from graphql import build_schema, parse
    >>> schema = build_schema("type Query { xs(first: Int): [X!]! } type X { a: Int b: [Int!]! }")
    >>> text = "query Q { ...F ...F } fragment F on Query { xs(first: 5) { a } }"
    >>> measure_document(schema, parse(text))
    [OperationMeasure(name='Q', depth=1, aliases=0, cost=12)]
    """
    return _Measurer(schema, document, size or GraphSize()).measure()


class QueryCost:
    """Estimate the cost of an operation against a schema.

    Examples
    --------
    >>> from graphql import build_schema, parse
    >>> schema = build_schema("type Query { xs(first: Int): [X!]! } type X { a: Int b: [Int!]! }")
    >>> QueryCost(schema).of(parse("{ xs(first: 5) { a b } }"))
    11
    """

    def __init__(self, schema: GraphQLSchema, size: GraphSize | None = None) -> None:
        self.schema = schema
        self.size = size or GraphSize()

    def of(self, document: DocumentNode) -> int:
        """The largest cost among the document's operations."""
        return max((m.cost for m in measure_document(self.schema, document, self.size)), default=0)


# -- validation rules ------------------------------------------------------------------------------
def _figure(value: int) -> str:
    """A cost for a message; an astronomical one (a fan-out of fragments) as a power of ten."""
    if value < 10**30:
        return f"{value:,}"
    return f"about 10^{int(value.bit_length() * math.log10(2))}"


def _limit_errors(limits: QueryLimits, measures: Sequence[OperationMeasure]) -> list[GraphQLError]:
    errors: list[GraphQLError] = []
    for measure in measures:
        if measure.depth > limits.max_depth:
            errors.append(ValidationAbortedError(
                f"'{measure.name}' exceeds maximum operation depth of {limits.max_depth}",
                extensions={"code": QUERY_TOO_DEEP}))
    aliases = sum(m.aliases for m in measures)
    if aliases > limits.max_aliases:
        errors.append(ValidationAbortedError(f"{_figure(aliases)} aliases found. Allowed: {limits.max_aliases}",
                                             extensions={"code": TOO_MANY_ALIASES}))
    cost = max((m.cost for m in measures), default=0)
    if cost > limits.max_cost:
        errors.append(ValidationAbortedError(
            f"query cost {_figure(cost)} is above the limit of {limits.max_cost:,}: the estimate counts every "
            f"field once per item of the lists above it (first/last, {DEFAULT_PAGE} by default) and graph "
            f"algorithms by the size of the graph; ask for smaller pages, fewer nested lists or fewer algorithms",
            extensions={"code": QUERY_TOO_COMPLEX}))
    return errors


def limit_rule(limits: QueryLimits, size: Callable[[], GraphSize]) -> type[ValidationRule]:
    """A validation rule enforcing depth, aliases and cost, the graph's size read from ``size``.

    Every error it or a rule after it reports gets ``GRAPHQL_VALIDATION_FAILED`` unless it has a
    code. A document over a limit stops validation there: graphql-core's rules, some of them
    quadratic in repeated fields, never visit it.
    """
    class DocumentLimits(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            report = context.on_error
            context.on_error = lambda error: report(with_code(error, GRAPHQL_VALIDATION_FAILED))
            try:
                measures = measure_document(context.schema, context.document, rounded(size()))
                self.errors = _limit_errors(limits, measures)
            except RecursionError:
                self.errors = [ValidationAbortedError(
                    f"the document nests deeper than the limit of {limits.max_depth}",
                    extensions={"code": QUERY_TOO_DEEP})]

        def enter_document(self, *_: object) -> None:
            if self.errors:
                *reported, last = self.errors
                for error in reported:
                    self.context.report_error(error)
                raise last

    return DocumentLimits


def limit_rules(limits: QueryLimits, size: Callable[[], GraphSize] = LATEST_GRAPH_SIZE) -> list[type[ValidationRule]]:
    """The validation rules enforcing ``limits``: depth, aliases and cost (tokens are a parse option).

    Parameters
    ----------
    limits : QueryLimits
    size : callable, optional
        The size of the graph algorithm fields are costed on, read at each validation (default:
        the graph the most recent :class:`schema.context.GraphState` serves).

    Returns
    -------
    list of ValidationRule classes

    Examples
    --------
    >>> from graphql import parse, validate
    >>> from evidence_graph.schema import build_schema
    >>> schema = build_schema()._schema
    >>> rules = limit_rules(QueryLimits(max_depth=2))
    >>> [e.extensions["code"] for e in validate(schema, parse("{ entity(iri: \\"x\\") { posts { org { label } } } }"),
    ...                                          rules)]
    ['QUERY_TOO_DEEP']
    """
    return [limit_rule(limits, size)]


def validation_key(size: Callable[[], GraphSize] = LATEST_GRAPH_SIZE) -> str:
    """What the result of :func:`limit_rules` depends on besides the document: the graph's size.

    A cache of validation results made with :func:`limit_rules` keys them by this too, so that a
    document is validated again once the graph it would run on has changed size.

    Examples
    --------
    >>> validation_key(lambda: GraphSize(651, 874)), validation_key(lambda: GraphSize(652, 880))
    ('graph:725:1024', 'graph:725:1024')
    """
    found = rounded(size())
    return f"graph:{found.nodes}:{found.edges}"


class GraphSizedLimits:
    """A factory of extensions adding the limit rule for the size of the graph a request reads.

    The rule class is one per (rounded) graph size, so that validation caches keyed by rule
    classes keep a result per size: a document valid on a small graph is validated again once the
    graph grows. Sizes are rounded up to steps of a fourth of a power of two, so a server that
    reloads a growing graph makes a few dozen classes in all.
    """

    def __init__(self, limits: QueryLimits, size: Callable[[], GraphSize] = LATEST_GRAPH_SIZE) -> None:
        self.limits = limits
        self.size = size
        self.rules: dict[GraphSize, type[ValidationRule]] = {}

    def rule_for(self, size: GraphSize) -> type[ValidationRule]:
        """The limit rule for a graph of ``size`` (rounded up)."""
        key = rounded(size)
        rule = self.rules.get(key)
        if rule is None:
            rule = self.rules.setdefault(key, limit_rule(self.limits, lambda: key))
        return rule

    def __call__(self) -> SchemaExtension:
        return _AddLimitRule(self)


def rounded(size: GraphSize) -> GraphSize:
    """``size`` rounded up to steps of a fourth of a power of two (at most 19 % more), which is what
    costs are computed on, on every path: a graph that grows a little keeps its validation results.

    Examples
    --------
    >>> rounded(GraphSize(651, 874)), rounded(GraphSize(10, 0))
    (GraphSize(nodes=725, edges=1024), GraphSize(nodes=10, edges=0))
    """
    return GraphSize(_round_up(size.nodes), _round_up(size.edges))


def _round_up(count: int) -> int:
    if count <= 16:
        return count
    step = 2 ** (math.ceil(4 * math.log2(count)) / 4)
    return math.ceil(step)


class _AddLimitRule(SchemaExtension):
    def __init__(self, factory: GraphSizedLimits) -> None:
        super().__init__()
        self.factory = factory

    def on_operation(self) -> Iterator[None]:
        context = self.execution_context
        snapshot = getattr(context.context, "snapshot", None)
        size = snapshot.size if snapshot is not None else self.factory.size()
        context.validation_rules = (*context.validation_rules, self.factory.rule_for(size))
        yield


def limit_extensions(limits: QueryLimits,
                     size: Callable[[], GraphSize] = LATEST_GRAPH_SIZE) -> list[Callable[[], SchemaExtension]]:
    """Schema extensions enforcing ``limits`` (factories, so each request gets its own instance).

    The token limit is a parse option; parsed documents and validation results are kept in
    bounded caches (:mod:`schema.caches`), the latter keyed by the rule classes, hence by the
    graph's size (:class:`GraphSizedLimits`).
    """
    return [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        ParsedDocumentCache(limits.cache_size, limits.cache_bytes),
        GraphSizedLimits(limits, size),
        ValidatedDocumentCache(limits.cache_size, limits.cache_bytes),
    ]


__all__ = ["ALGORITHM_COST", "ASSUMED_LIST_SIZE", "MAX_LIST_VALUES", "MAX_TEXT_LENGTH", "GraphSizedLimits",
           "OperationMeasure", "QueryCost", "QueryLimits", "algorithm_cost", "check_argument_sizes", "limit_extensions",
           "limit_rule", "limit_rules", "measure_document", "rounded", "validation_key"]
