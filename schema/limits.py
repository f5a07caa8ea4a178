"""Limits that refuse hostile or runaway queries before they run: depth, tokens, aliases, and an
estimated cost computed from the query alone (no resolver runs).

The cost of a field is the number of times it would be resolved: 1 at the root, multiplied by
``first``/``last`` of every paged list above it (20 when not given, the page cap for a variable
without a default) and by :data:`ASSUMED_LIST_SIZE` for every unpaged list. Fragments are costed
where they are spread. The figure is reported in the error so that a client can see how far over
it is.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from graphql import (
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
    OperationDefinitionNode,
    SelectionSetNode,
    ValidationContext,
    ValidationRule,
    VariableNode,
)
from graphql.type import GraphQLNamedType, GraphQLOutputType, GraphQLSchema
from strawberry.extensions import (
    AddValidationRules,
    MaxAliasesLimiter,
    MaxTokensLimiter,
    QueryDepthLimiter,
    SchemaExtension,
)

from schema.caches import ParsedDocumentCache, ValidatedDocumentCache
from schema.pagination import DEFAULT_PAGE, PAGE_CAP


@dataclass(frozen=True)
class QueryLimits:
    """The limits the server enforces (one place, shown in the README)."""

    max_depth: int = 12
    max_tokens: int = 4000
    max_aliases: int = 30
    max_cost: int = 100_000
    #: Entries of the parse and validation caches (bounded: an unbounded cache is a memory leak).
    cache_size: int = 512


#: How many items an unpaged list field (e.g. ``Person.posts``) is assumed to return.
ASSUMED_LIST_SIZE = 10


def _unwrap(kind: GraphQLOutputType) -> tuple[GraphQLNamedType, bool]:
    is_list = False
    while isinstance(kind, GraphQLNonNull | GraphQLList):
        if isinstance(kind, GraphQLList):
            is_list = True
        kind = kind.of_type
    return kind, is_list


def _page_argument(node: FieldNode, variables: dict[str, int | None]) -> int | None:
    for argument in node.arguments or ():
        if argument.name.value in ("first", "last"):
            value = argument.value
            if isinstance(value, IntValueNode):
                return int(value.value)
            if isinstance(value, VariableNode):
                default = variables.get(value.name.value)
                return default if default is not None else PAGE_CAP
    return None


class QueryCost:
    """Estimate the cost of an operation against a schema.

    Examples
    --------
    >>> from graphql import build_schema, parse
    >>> schema = build_schema("type Query { xs(first: Int): [X!]! } type X { a: Int b: [Int!]! }")
    >>> QueryCost(schema).of(parse("{ xs(first: 5) { a b } }"))
    11
    """

    def __init__(self, schema: GraphQLSchema) -> None:
        self.schema = schema

    def of(self, document: object, operation_name: str | None = None) -> int:
        """The largest cost among the document's operations."""
        definitions = getattr(document, "definitions", ())
        fragments = {d.name.value: d for d in definitions if isinstance(d, FragmentDefinitionNode)}
        costs = [0]
        for definition in definitions:
            if not isinstance(definition, OperationDefinitionNode):
                continue
            root = self.schema.get_root_type(definition.operation)
            if root is None:
                continue
            variables: dict[str, int | None] = {}
            for variable in definition.variable_definitions or ():
                default = variable.default_value
                variables[variable.variable.name.value] = \
                    int(default.value) if isinstance(default, IntValueNode) else None
            costs.append(self._selections(definition.selection_set, root, 1, fragments, variables, frozenset()))
        return max(costs)

    def _selections(self, selections: SelectionSetNode, parent: GraphQLNamedType, multiplier: int,
                    fragments: dict[str, FragmentDefinitionNode], variables: dict[str, int | None],
                    seen: frozenset[str]) -> int:
        cost = 0
        for selection in selections.selections:
            if isinstance(selection, FieldNode):
                cost += self._field(selection, parent, multiplier, fragments, variables, seen)
            elif isinstance(selection, InlineFragmentNode):
                condition = selection.type_condition
                target = self.schema.get_type(condition.name.value) if condition else parent
                cost += self._selections(selection.selection_set, target or parent, multiplier, fragments,
                                         variables, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = fragments.get(name)
                if fragment is None or name in seen:  # unknown or cyclic: validation reports it
                    continue
                target = self.schema.get_type(fragment.type_condition.name.value) or parent
                cost += self._selections(fragment.selection_set, target, multiplier, fragments, variables,
                                         seen | {name})
        return cost

    def _field(self, node: FieldNode, parent: GraphQLNamedType, multiplier: int,
               fragments: dict[str, FragmentDefinitionNode], variables: dict[str, int | None],
               seen: frozenset[str]) -> int:
        name = node.name.value
        if name.startswith("__") or not isinstance(parent, GraphQLObjectType | GraphQLInterfaceType):
            return 0
        definition = parent.fields.get(name)
        if definition is None:
            return 0
        kind, is_list = _unwrap(definition.type)
        page = _page_argument(node, variables)
        if page is None and "first" in definition.args:
            page = DEFAULT_PAGE
        if page is not None:
            child = multiplier * max(page, 1)
        elif is_list and not (parent.name.endswith("Connection") and name in ("edges", "nodes")):
            child = multiplier * ASSUMED_LIST_SIZE
        else:
            child = multiplier
        cost = multiplier
        if node.selection_set is not None:
            cost += self._selections(node.selection_set, kind, child, fragments, variables, seen)
        return cost


def cost_rule(max_cost: int) -> type[ValidationRule]:
    """A validation rule refusing operations whose estimated cost is above ``max_cost``."""
    class CostLimit(ValidationRule):
        def __init__(self, context: ValidationContext) -> None:
            super().__init__(context)
            cost = QueryCost(context.schema).of(context.document)
            if cost > max_cost:
                context.report_error(GraphQLError(
                    f"query cost {cost:,} is above the limit of {max_cost:,}: the estimate counts every "
                    f"field once per item of the lists above it (first/last, {DEFAULT_PAGE} by default); "
                    f"ask for smaller pages or fewer nested lists"))
    return CostLimit


def limit_rules(limits: QueryLimits) -> list[type[ValidationRule]]:
    """The validation rules enforcing ``limits``: depth, aliases and cost (tokens are a parse option)."""
    return [*QueryDepthLimiter(max_depth=limits.max_depth).validation_rules,
            *MaxAliasesLimiter(max_alias_count=limits.max_aliases).validation_rules,
            cost_rule(limits.max_cost)]


def limit_extensions(limits: QueryLimits) -> list[Callable[[], SchemaExtension]]:
    """Schema extensions enforcing ``limits`` (factories, so each request gets its own instance).

    The validation rules are made once: the validation cache is keyed by the rule classes, so
    rules made per request would never hit it.
    """
    rules = limit_rules(limits)
    return [
        lambda: MaxTokensLimiter(max_token_count=limits.max_tokens),
        ParsedDocumentCache(limits.cache_size),
        lambda: AddValidationRules(rules),
        ValidatedDocumentCache(limits.cache_size),
    ]
