"""Compiled execution of query operations: the same answers as graphql-core, without its per-field toll.

graphql-core resolves every field of every item through one generic path: build a resolve info,
coerce the arguments, look up the resolver, then dispatch on the return type (about 4 µs a field
on this machine, see ``docs/PERFORMANCE.md``). A query document is fixed, so that dispatch can be settled
once. :func:`compile_operation` turns an operation into a tree of completers: each object
selection becomes a Python function written for it (one block per field: an attribute read, a
method call or a resolver call, then the completion of the value by its known type), lists and
leaves become closures. Resolvers are called directly, a field's arguments are coerced once per
request rather than once per item, and what holds for a whole Python class (not null, passes
``is_type_of``, resolves to this runtime type) is checked once per class. Abstract types are
compiled lazily, per runtime type met.

A plan returns the ``data`` and ``errors`` graphql-core would: errors are located at the same
path, ``null`` propagates to the nearest nullable field, and leaves are coerced by the scalar's own
``coerce_output_value`` (``tests/test_compiled.py`` runs queries both ways and compares).

What a plan does not cover runs on graphql-core, for the whole operation: mutations and
subscriptions, introspection (``__schema``, ``__type``), ``@skip``/``@include`` whose condition is a
variable, other directives, fragment variables, resolver middleware, field extensions and
exception handlers, asynchronous resolvers below the root, and a resolver that returns an
awaitable or an async iterable when its field was not declared async.
"""

from __future__ import annotations

import asyncio
import keyword
import threading
from collections.abc import Callable, Coroutine
from types import GeneratorType
from typing import Any, ClassVar

from graphql import (
    FieldNode,
    FragmentSpreadNode,
    GraphQLError,
    GraphQLField,
    GraphQLID,
    GraphQLInterfaceType,
    GraphQLList,
    GraphQLNonNull,
    GraphQLObjectType,
    GraphQLOutputType,
    GraphQLResolveInfo,
    GraphQLSchema,
    GraphQLString,
    GraphQLUnionType,
    InlineFragmentNode,
    OperationDefinitionNode,
    OperationType,
    SelectionSetNode,
    Undefined,
    VariableNode,
    is_leaf_type,
    located_error,
)
from graphql.execution.collect_fields import FieldDetails, collect_subfields
from graphql.execution.executor import CollectedErrors, Executor, invalid_return_type_error
from graphql.execution.values import get_argument_values
from graphql.pyutils import Path, is_iterable
from strawberry.schema.schema import StrawberryGraphQLCoreExecutionContext
from strawberry.types.arguments import convert_arguments
from strawberry.types.cast import TYPE_CAST_ATTRIBUTE as CAST
from strawberry.types.field import StrawberryField

from evidence_graph.graph.lru import BoundedLRU
from evidence_graph.schema.caches import document_size, token_count

#: The key under which Strawberry keeps a type's or field's definition in graphql-core extensions.
DEFINITION = "strawberry-definition"

#: A position in the response while a plan runs: ``(parent, key, typename)``, made into graphql-core
#: ``Path`` objects only when an error or a resolver asks for one (a tuple costs a fifth as much).
Position = tuple[Any, str | int, str | None] | None

Completer = Callable[[Any, Position, "PlanRun"], Any]
Resolver = Callable[[Any, Position, "PlanRun"], Any]


class PlanUnsupportedError(Exception):
    """The operation uses something a plan does not cover; graphql-core runs it instead."""


class PlanFallback(BaseException):
    """Raised while a plan runs when a value needs graphql-core (an unexpected awaitable).

    A ``BaseException`` so that the plan's own ``except Exception`` field-error handling does not
    swallow it: it unwinds the whole run, and the executor starts again on graphql-core.
    ``permanent`` says the operation can never run by plan (a runtime type met only while it ran
    needs what plans do not cover), so later runs go to graphql-core at once.
    """

    def __init__(self, *args: object, permanent: bool = False) -> None:
        super().__init__(*args)
        self.permanent = permanent


def as_path(position: Position) -> Path | None:
    """The graphql-core ``Path`` of a plan position.

    Examples
    --------
    >>> as_path(((None, "entities", "Query"), 0, None)).as_list()
    ['entities', 0]
    """
    keys: list[tuple[str | int, str | None]] = []
    while position is not None:
        position, key, typename = position
        keys.append((key, typename))
    path = None
    for key, typename in reversed(keys):
        path = Path(path, key, typename)
    return path


class ResolveInfoAt:
    """A resolver's ``info``: what is shared by every call of one field in one request, and the
    path of this call, made on demand (most resolvers only read ``context``)."""

    __slots__ = ("_base", "_position")

    def __init__(self, base: GraphQLResolveInfo, position: Position) -> None:
        self._base = base
        self._position = position

    @property
    def context(self) -> Any:
        return self._base.context

    @property
    def path(self) -> Path | None:
        return as_path(self._position)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._base, name)


class PlanRun:
    """The state of one execution of a plan: the executor (variables, context, collected errors)
    and, per field of the plan, its arguments and shared resolve info for this request."""

    __slots__ = ("arguments", "errors", "executor", "infos")

    def __init__(self, executor: Executor) -> None:
        self.executor = executor
        self.errors: CollectedErrors = executor.collected_errors
        self.arguments: dict[int, Any] = {}
        self.infos: dict[int, GraphQLResolveInfo] = {}

    def field_error(self, raw: Exception, nodes: list[FieldNode], position: Position, non_null: bool) -> None:
        """Locate an error at ``position``: re-raised for a non-null position (null propagates to
        the nearest nullable one), recorded otherwise; the position's value is then null."""
        path = as_path(position)
        error = located_error(raw, nodes, path.as_list() if path is not None else None)
        if non_null:
            raise error
        self.errors.add(error, path)


class FieldPlan:
    """One field of a selection set: how to resolve it and complete its value."""

    __slots__ = ("attribute", "complete", "definition", "details", "key", "method", "nodes", "non_null",
                 "parent_type", "plain_string", "resolve")

    def __init__(self, key: str, parent_type: GraphQLObjectType, details: list[FieldDetails],
                 definition: GraphQLField | None) -> None:
        self.key = key
        self.parent_type = parent_type
        self.details = details
        self.nodes = [d.node for d in details]
        self.definition = definition
        self.non_null = definition is not None and isinstance(definition.type, GraphQLNonNull)
        self.resolve: Resolver = _unset
        self.complete: Completer = _unset
        #: The attribute read for a field without a resolver (the generated source reads it inline).
        self.attribute: str | None = None
        #: Whether a ``str`` value is the answer as it is (an attribute of type String or ID).
        self.plain_string = False
        #: The resolver, for a synchronous method of the object that takes nothing else.
        self.method: Callable[[Any], Any] | None = None


def _unset(value: Any, position: Position, run: PlanRun) -> Any:  # pragma: no cover - replaced at compile
    raise AssertionError("field plan used before it was compiled")


class OperationPlan:
    """A query operation compiled to closures; :meth:`run` executes it for one request.

    Made by :func:`compile_operation`; held by a :class:`PlanCache` per operation node.
    """

    def __init__(self, compiler: OperationCompiler, root_fields: list[FieldPlan], is_async: bool) -> None:
        self.compiler = compiler
        self.root_fields = root_fields
        self.is_async = is_async

    def run(self, executor: Executor) -> Any:
        """The operation's ``data`` (a dict, or None when null reached the root), or an awaitable of
        it when a root field is asynchronous. Errors are added to ``executor.collected_errors``;
        a non-null root error is raised as a ``GraphQLError``. Raises :class:`PlanFallback` when
        graphql-core must run the operation instead."""
        run = PlanRun(executor)
        if self.is_async:
            return self._run_async(executor.root_value, run)
        result: dict[str, Any] = {}
        root = executor.root_value
        for field in self.root_fields:
            position = (None, field.key, field.parent_type.name)
            try:
                result[field.key] = field.complete(field.resolve(root, position, run), position, run)
            except Exception as raw:  # every resolver error becomes a field error
                run.field_error(raw, field.nodes, position, field.non_null)
                result[field.key] = None
        return result

    async def _run_async(self, root: Any, run: PlanRun) -> dict[str, Any]:
        # As graphql-core does: every root field resolves in order; a synchronous value is completed
        # at once, an awaitable is awaited and completed concurrently with the others.
        is_awaitable = run.executor.is_awaitable
        result: dict[str, Any] = {}
        later: list[tuple[str, Any, Coroutine[Any, Any, Any]]] = []
        try:
            for field in self.root_fields:
                position = (None, field.key, field.parent_type.name)
                try:
                    value = field.resolve(root, position, run)
                    if is_awaitable(value):
                        result[field.key] = None  # holds the field's place; filled in below
                        later.append((field.key, value, self._complete_awaited(field, position, value, run)))
                        continue
                    result[field.key] = field.complete(value, position, run)
                except Exception as raw:  # every resolver error becomes a field error
                    run.field_error(raw, field.nodes, position, field.non_null)
                    result[field.key] = None
        except BaseException:
            for _, awaitable, completion in later:  # never started: close them, not leave them
                completion.close()
                if isinstance(awaitable, Coroutine):
                    awaitable.close()
            raise
        if later:
            values = await asyncio.gather(*(completion for _, _, completion in later))
            for (key, _, _), value in zip(later, values, strict=True):
                result[key] = value
        return result

    @staticmethod
    async def _complete_awaited(field: FieldPlan, position: Position, awaitable: Any, run: PlanRun) -> Any:
        try:
            return field.complete(await awaitable, position, run)
        except Exception as raw:
            run.field_error(raw, field.nodes, position, field.non_null)
            return None


class OperationCompiler:
    """Compiles the selections of one operation against a Strawberry-built schema.

    Parameters
    ----------
    executor : Executor
        The executor of the request that first runs the operation: its schema, operation and
        fragments (its variables only matter to ``@skip``/``@include``, and a plan refuses those
        when they depend on a variable).
    """

    def __init__(self, executor: Executor) -> None:
        self.schema: GraphQLSchema = executor.schema
        strawberry_schema = getattr(self.schema, "_strawberry_schema", None)
        if strawberry_schema is None:
            raise PlanUnsupportedError("not a Strawberry schema")
        self.converter = strawberry_schema.schema_converter
        self.config = strawberry_schema.config
        self.info_class = strawberry_schema.config.info_class
        self.operation: OperationDefinitionNode = executor.operation
        self.fragments = executor.fragments
        self.variable_values = executor.variable_values
        self.hide_suggestions = executor.hide_suggestions
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ operation

    def compile(self) -> OperationPlan:
        """The operation's plan; raises :class:`PlanUnsupportedError` for what plans do not cover."""
        if self.operation.operation is not OperationType.QUERY:
            raise PlanUnsupportedError(f"{self.operation.operation.value} operation")
        if any(fragment.definition.variable_definitions for fragment in self.fragments.values()):
            raise PlanUnsupportedError("fragment variables")
        self._check_directives(self.operation.selection_set, set())
        root_type = self.schema.query_type
        if root_type is None:
            raise PlanUnsupportedError("no query type")
        details = [FieldDetails(_SyntheticRoot(self.operation.selection_set), None)]  # type: ignore[arg-type]
        fields = self._fields(root_type, details, at_root=True)
        is_async = any(self._is_async(f) for f in fields)
        return OperationPlan(self, fields, is_async)

    def _check_directives(self, selection_set: SelectionSetNode, seen: set[str]) -> None:
        for selection in selection_set.selections:
            for directive in selection.directives or ():
                name = directive.name.value
                if name not in ("skip", "include"):
                    raise PlanUnsupportedError(f"@{name}")
                if any(isinstance(a.value, VariableNode) for a in directive.arguments or ()):
                    raise PlanUnsupportedError(f"@{name} with a variable")
            if isinstance(selection, FieldNode):
                if selection.name.value in ("__schema", "__type"):
                    raise PlanUnsupportedError("introspection")
                if selection.selection_set is not None:
                    self._check_directives(selection.selection_set, seen)
            elif isinstance(selection, InlineFragmentNode):
                self._check_directives(selection.selection_set, seen)
            elif isinstance(selection, FragmentSpreadNode):
                name = selection.name.value
                fragment = self.fragments.get(name)
                if fragment is not None and name not in seen:
                    seen.add(name)
                    self._check_directives(fragment.definition.selection_set, seen)

    def _is_async(self, field: FieldPlan) -> bool:
        strawberry_field = _strawberry_field(field.definition)
        return strawberry_field is not None and strawberry_field.is_async

    # ------------------------------------------------------------------ selection sets

    def _fields(self, object_type: GraphQLObjectType, details: list[FieldDetails],
                at_root: bool = False) -> list[FieldPlan]:
        grouped = collect_subfields(self.schema, self.fragments, self.variable_values, self.operation,
                                    object_type, details, self.hide_suggestions).grouped_field_set
        plans = []
        for key, field_details in grouped.items():
            name = field_details[0].node.name.value
            if name == "__typename":
                plan = FieldPlan(key, object_type, field_details, None)
                type_name = object_type.name
                plan.resolve = lambda source, position, run, _name=type_name: _name
                plan.complete = _complete_identity
                plans.append(plan)
                continue
            definition = object_type.fields.get(name)
            if definition is None:
                continue  # graphql-core skips unknown fields too (validation reports them)
            plan = FieldPlan(key, object_type, field_details, definition)
            plan.resolve = self._resolver(plan, at_root)
            plan.complete = self._completer(definition.type, plan)
            leaf = definition.type.of_type if isinstance(definition.type, GraphQLNonNull) else definition.type
            plan.plain_string = plan.attribute is not None and (leaf is GraphQLString or leaf is GraphQLID)
            plans.append(plan)
        return plans

    def _object_completer(self, object_type: GraphQLObjectType, plan: FieldPlan, non_null: bool) -> Completer:
        """The completer of an object value: Python source written for this selection set, one
        block per field with the field's access spelled out, compiled once (no loop over field
        descriptions, no call where an attribute read or a method call will do)."""
        fields = self._fields(object_type, plan.details)
        type_name = object_type.name
        check = self._type_check(object_type, plan)
        # Classes whose values need no check here: seen not null, not an exception, and passing
        # is_type_of where Strawberry decides it by class (a strawberry.cast instance is checked).
        namespace: dict[str, Any] = {"cleared": set(), "CAST": CAST, "Undefined": Undefined, "check": check,
                                     "message": _non_null_message(plan), "plain": _PLAIN_RESULTS,
                                     "check_result": _check_result}
        cast_check = " or getattr(value, CAST, None) is not None" if check is not None else ""
        lines = ["def complete_object(value, position, run):",
                 f"    if value.__class__ not in cleared{cast_check}:",
                 "        if value is None or value is Undefined:",
                 "            if NON_NULL:".replace("NON_NULL", repr(non_null)),
                 "                raise TypeError(message)",
                 "            return None",
                 "        if isinstance(value, Exception):",
                 "            raise value",
                 "        if check is None or check(value, position, run):",
                 "            cleared.add(value.__class__)",
                 "    result = {}"]
        for index, field in enumerate(fields):
            key, where = repr(field.key), f"(position, {field.key!r}, {type_name!r})"
            if field.definition is None:  # __typename
                lines.append(f"    result[{key}] = {type_name!r}")
                continue
            namespace[f"complete_{index}"] = field.complete
            namespace[f"resolve_{index}"] = field.resolve
            namespace[f"nodes_{index}"] = field.nodes
            if field.attribute is not None:
                read = f"value.{field.attribute}" if field.attribute.isidentifier() \
                    and not keyword.iskeyword(field.attribute) else f"getattr(value, {field.attribute!r})"
                if field.plain_string:
                    body = [f"        found = {read}",
                            "        if found.__class__ is str:",
                            f"            result[{key}] = found",
                            "        else:",
                            f"            result[{key}] = complete_{index}(found, {where}, run)"]
                else:
                    body = [f"        result[{key}] = complete_{index}({read}, {where}, run)"]
            elif field.method is not None:
                namespace[f"method_{index}"] = field.method
                body = [f"        found = method_{index}(value)",
                        "        if found.__class__ not in plain:",
                        "            check_result(found, run)",
                        f"        result[{key}] = complete_{index}(found, {where}, run)"]
            else:
                body = [f"        at = {where}",
                        f"        result[{key}] = complete_{index}(resolve_{index}(value, at, run), at, run)"]
            lines += ["    try:", *body,
                      "    except Exception as raw:",
                      f"        run.field_error(raw, nodes_{index}, {where}, {field.non_null!r})",
                      f"        result[{key}] = None"]
        lines.append("    return result")
        # The source is ours: names from the schema, keys as Python literals.
        exec(compile("\n".join(lines), f"<plan {type_name}>", "exec"), namespace)
        return namespace["complete_object"]  # type: ignore[no-any-return]

    def _type_check(self, object_type: GraphQLObjectType,
                    plan: FieldPlan) -> Callable[[Any, Position, PlanRun], bool] | None:
        """graphql-core's ``is_type_of`` check of an object value: raises if it fails, and returns
        whether the answer holds for every value of the class (Strawberry decides by class unless
        the type has its own ``is_type_of`` or the value is a ``strawberry.cast``)."""
        is_type_of = object_type.is_type_of
        if is_type_of is None:
            return None
        definition = object_type.extensions.get(DEFINITION)
        by_class = definition is not None and definition.is_type_of is None

        def check(value: Any, position: Position, run: PlanRun) -> bool:
            ok = is_type_of(value, self._info(plan, position, run))
            if run.executor.is_awaitable(ok):
                raise PlanFallback
            if not ok:
                raise invalid_return_type_error(object_type, value, plan.details)
            return by_class and getattr(value, CAST, None) is None

        return check

    def _abstract_completer(self, abstract_type: GraphQLInterfaceType | GraphQLUnionType,
                            plan: FieldPlan, non_null: bool) -> Completer:
        by_class = self._resolves_by_class(abstract_type)
        completers: dict[str, Completer] = {}
        resolve_type = abstract_type.resolve_type
        message = _non_null_message(plan)

        # Python class -> the completer of its runtime type, where Strawberry decides by class.
        complete_of: dict[type, Completer] = {}

        def complete_abstract(value: Any, position: Position, run: PlanRun) -> dict[str, Any] | None:
            complete = complete_of.get(value.__class__)
            if complete is not None and getattr(value, CAST, None) is None:
                return complete(value, position, run)
            if value is None or value is Undefined:
                if non_null:
                    raise TypeError(message)
                return None
            if isinstance(value, Exception):
                raise value
            info = self._info(plan, position, run)
            name = (resolve_type or run.executor.type_resolver)(value, info, abstract_type)
            if run.executor.is_awaitable(name):
                raise PlanFallback
            runtime = Executor.ensure_valid_runtime_type(run.executor, name, abstract_type, plan.details,
                                                         info, value)
            complete = completers.get(runtime.name)
            if complete is None:
                with self._lock:
                    try:
                        complete = completers.get(runtime.name) or self._object_completer(runtime, plan, False)
                    except PlanUnsupportedError as unsupported:
                        raise PlanFallback(str(unsupported), permanent=True) from None
                    completers[runtime.name] = complete
            if by_class and getattr(value, CAST, None) is None:
                complete_of[value.__class__] = complete
            return complete(value, position, run)

        return complete_abstract

    def _resolves_by_class(self, abstract_type: GraphQLInterfaceType | GraphQLUnionType) -> bool:
        """Whether Strawberry picks the runtime type of a value from its class alone: no custom
        ``resolve_type`` on the abstract type, no custom ``is_type_of`` on its possible types."""
        definition = abstract_type.extensions.get(DEFINITION)
        if definition is None or getattr(definition, "resolve_type", None) is not None:
            return False
        for possible in self.schema.get_possible_types(abstract_type):
            possible_definition = possible.extensions.get(DEFINITION)
            if possible_definition is None or possible_definition.is_type_of is not None:
                return False
        return True

    # ------------------------------------------------------------------ values

    def _completer(self, kind: GraphQLOutputType, plan: FieldPlan) -> Completer:
        """One closure completing a value of ``kind``, its non-null check folded in."""
        non_null = isinstance(kind, GraphQLNonNull)
        if non_null:
            kind = kind.of_type  # type: ignore[union-attr]
        if isinstance(kind, GraphQLList):
            return self._list_completer(kind, plan, non_null)
        if is_leaf_type(kind):
            return _leaf_completer(kind, non_null, _non_null_message(plan))
        if isinstance(kind, GraphQLObjectType):
            return self._object_completer(kind, plan, non_null)
        if isinstance(kind, GraphQLInterfaceType | GraphQLUnionType):
            return self._abstract_completer(kind, plan, non_null)
        raise PlanUnsupportedError(f"output type {kind}")  # pragma: no cover - no other output types

    def _list_completer(self, kind: GraphQLList, plan: FieldPlan, non_null: bool) -> Completer:
        item_type = kind.of_type
        complete_item = self._completer(item_type, plan)
        item_non_null = isinstance(item_type, GraphQLNonNull)
        nodes = plan.nodes
        message = _non_null_message(plan)
        not_iterable = (f"Expected Iterable, but did not find one for field "
                        f"'{plan.parent_type.name}.{nodes[0].name.value}'.")

        def complete_list(value: Any, position: Position, run: PlanRun) -> list[Any] | None:
            if value is None or value is Undefined:
                if non_null:
                    raise TypeError(message)
                return None
            if isinstance(value, Exception):
                raise value
            if value.__class__ is not list and value.__class__ is not tuple:
                if hasattr(value, "__aiter__"):
                    raise PlanFallback
                if not is_iterable(value):
                    raise GraphQLError(not_iterable)
            completed = []
            append = completed.append
            for index, item in enumerate(value):
                item_position = (position, index, None)
                try:
                    append(complete_item(item, item_position, run))
                except Exception as raw:  # an item's error is located at the item
                    run.field_error(raw, nodes, item_position, item_non_null)
                    append(None)
            return completed

        return complete_list

    # ------------------------------------------------------------------ resolvers

    def _info(self, plan: FieldPlan, position: Position, run: PlanRun) -> ResolveInfoAt:
        return ResolveInfoAt(run.infos.get(id(plan)) or self._base_info(plan, run), position)

    @staticmethod
    def _base_info(plan: FieldPlan, run: PlanRun) -> GraphQLResolveInfo:
        """What every call of a field shares in one request (all of graphql-core's info but the path)."""
        assert plan.definition is not None
        base = run.executor.build_resolve_info(plan.definition, plan.nodes, plan.parent_type, None)
        run.infos[id(plan)] = base
        return base

    def _resolver(self, plan: FieldPlan, at_root: bool) -> Resolver:
        definition = plan.definition
        assert definition is not None
        field = _strawberry_field(definition)
        if field is None:
            raise PlanUnsupportedError(f"{plan.parent_type.name}.{plan.nodes[0].name.value} is not a Strawberry field")
        if field.extensions:
            raise PlanUnsupportedError(f"{field.python_name} has field extensions")
        handlers = getattr(self.converter, "_get_field_exception_handlers", None)
        if handlers is None or handlers(field):
            raise PlanUnsupportedError(f"{field.python_name} may have exception handlers")
        if field.is_async and not at_root:
            raise PlanUnsupportedError(f"{field.python_name} is async below the root")

        resolver = field.base_resolver
        if resolver is None:
            name = field.python_name
            default = field.default_resolver
            if default is getattr:
                plan.attribute = name
                return lambda source, position, run: getattr(source, name)
            return lambda source, position, run: default(source, name)

        function = resolver.wrapped_func
        if not callable(function):
            raise PlanUnsupportedError(f"{field.python_name}'s resolver is not callable")
        pass_self = resolver.self_parameter is not None
        source_names = [p.name for p in (resolver.parent_parameter, resolver.root_parameter) if p is not None]
        info_name = resolver.info_parameter.name if resolver.info_parameter is not None else None
        has_arguments = bool(definition.args or plan.nodes[0].arguments)
        key = id(plan)
        may_return_awaitable = field.is_async
        arguments = self._arguments(plan, field)
        info_class = self.info_class
        info_of = self._info
        plain = _PLAIN_RESULTS

        if pass_self and not has_arguments and not source_names and info_name is None:
            if not may_return_awaitable:
                plan.method = function

            def resolve_plain(source: Any, position: Position, run: PlanRun) -> Any:
                # A method of the object with nothing to pass: the most common resolver.
                result = function(source)
                if not may_return_awaitable and result.__class__ not in plain:
                    _check_result(result, run)
                return result

            return resolve_plain

        def resolve(source: Any, position: Position, run: PlanRun) -> Any:
            if has_arguments:
                kwargs = run.arguments.get(key)
                if kwargs is None:
                    kwargs = arguments(position, run)
                kwargs = dict(kwargs)
            else:
                kwargs = {}
            for source_name in source_names:
                kwargs[source_name] = source
            if info_name is not None:
                kwargs[info_name] = info_class(info_of(plan, position, run), field)
            result = function(source, **kwargs) if pass_self else function(**kwargs)
            if not may_return_awaitable and result.__class__ not in plain:
                _check_result(result, run)
            return result

        return resolve

    def _arguments(self, plan: FieldPlan, field: StrawberryField) -> Callable[[Position, PlanRun], dict[str, Any]]:
        """Coerce a field's arguments, once per request (they depend on the variables only)."""
        definition = plan.definition
        assert definition is not None
        node = plan.nodes[0]
        fragment_variables = plan.details[0].fragment_variable_values
        key = id(plan)

        def arguments(position: Position, run: PlanRun) -> dict[str, Any]:
            raw = get_argument_values(definition, node, run.executor.variable_values, fragment_variables,
                                      self.hide_suggestions)
            info = self.info_class(_raw_info=self._info(plan, position, run), _field=field)
            kwargs = convert_arguments(raw, field.arguments, scalar_registry=self.converter.scalar_registry,
                                       config=self.config, info=info)
            run.arguments[key] = kwargs
            return kwargs

        return arguments


class _SyntheticRoot:
    """A stand-in field node whose selection set is the operation's, so the root fields are
    collected by the same ``collect_subfields`` as every other selection set."""

    __slots__ = ("selection_set",)

    def __init__(self, selection_set: SelectionSetNode) -> None:
        self.selection_set = selection_set


def _strawberry_field(definition: GraphQLField | None) -> StrawberryField | None:
    if definition is None:
        return None
    found = definition.extensions.get(DEFINITION)
    return found if isinstance(found, StrawberryField) else None


def _complete_identity(value: Any, position: Position, run: PlanRun) -> Any:
    return value


#: Classes of resolver results seen not awaitable (awaitability is a property of the class, but for
#: generators: one made by ``types.coroutine`` is awaitable).
_PLAIN_RESULTS: set[type] = {type(None), str, int, float, bool, list, dict, tuple}


def _check_result(result: Any, run: PlanRun) -> None:
    """Fall back to graphql-core if a synchronous resolver returned an awaitable (a DataLoader
    future, say); otherwise remember the result's class as plain."""
    if run.executor.is_awaitable(result):
        if isinstance(result, Coroutine):
            result.close()  # graphql-core calls the resolver again
        raise PlanFallback
    if not isinstance(result, GeneratorType):  # a generator may be a coroutine or not
        _PLAIN_RESULTS.add(result.__class__)


def _non_null_message(plan: FieldPlan) -> str:
    return f"Cannot return null for non-nullable field {plan.parent_type.name}.{plan.nodes[0].name.value}."


def _leaf_completer(kind: Any, non_null: bool, message: str) -> Completer:
    coerce_leaf = Executor.complete_leaf_value
    # A str is already a String or an ID: graphql-core would hand it back unchanged.
    passes_str = kind is GraphQLString or kind is GraphQLID

    def complete_leaf(value: Any, position: Position, run: PlanRun) -> Any:
        if passes_str and type(value) is str:
            return value
        if value is None or value is Undefined:
            if non_null:
                raise TypeError(message)
            return None
        if isinstance(value, Exception):
            raise value
        return coerce_leaf(kind, value)

    return complete_leaf


def compile_operation(executor: Executor) -> OperationPlan:
    """Compile the operation an executor is about to run.

    Parameters
    ----------
    executor : Executor
        A graphql-core executor built for a validated document on a Strawberry schema.

    Returns
    -------
    OperationPlan
        Reusable for every later request of the same operation node (any variables).

    Raises
    ------
    PlanUnsupportedError
        When the operation uses something plans do not cover (see the module docstring).

    Examples
    --------
    >>> import strawberry
    >>> from graphql import parse
    >>> @strawberry.type
    ... class Query:
    ...     @strawberry.field
    ...     def double(self, n: int) -> int:
    ...         return 2 * n
    >>> schema = strawberry.Schema(Query)
    >>> executor = Executor.build(schema._schema, parse("{ double(n: 21) }"))
    >>> compile_operation(executor).run(executor)
    {'double': 42}
    """
    return OperationCompiler(executor).compile()


#: Bytes a compiled plan holds per token of its document (generated functions and closures;
#: measured with tracemalloc on the cookbook's queries: 30-950).
PLAN_BYTES_PER_TOKEN = 1_000
#: Bytes of plans a cache keeps by default.
DEFAULT_PLAN_BYTES = 64_000_000


def _plan_size(entry: tuple[OperationDefinitionNode, OperationPlan | None]) -> int:
    # The entry keeps its operation node, hence the whole document, alive: both are charged.
    operation, plan = entry
    tokens = token_count(operation)
    return document_size(operation) + (PLAN_BYTES_PER_TOKEN * tokens if plan is not None else 0)


class PlanCache:
    """Plans by operation node, least recently used dropped beyond ``size`` plans or ``max_bytes``.

    The parser cache hands the same document object for the same query text, so the operation node
    identifies the query; the entry holds the node, so its ``id`` cannot be reused while cached.
    An operation plans cannot cover is remembered as such and not compiled again.
    """

    def __init__(self, size: int, max_bytes: int = DEFAULT_PLAN_BYTES) -> None:
        self.size = size
        self.cache: BoundedLRU[int, tuple[OperationDefinitionNode, OperationPlan | None]] = \
            BoundedLRU(size, max_bytes, sizeof=_plan_size)
        self.planned = 0
        self.standard = 0
        self.fallbacks = 0

    def plan_for(self, executor: Executor) -> OperationPlan | None:
        """The plan of the executor's operation (compiled on first sight), or None to run it on
        graphql-core."""
        if self.size <= 0:
            return None
        operation = executor.operation
        entry = self.cache.get(id(operation))
        if entry is not None and entry[0] is operation:
            return entry[1]
        try:
            plan: OperationPlan | None = compile_operation(executor)
        except PlanUnsupportedError:
            plan = None
        self.cache.put(id(operation), (operation, plan))
        return plan

    def forget(self, operation: OperationDefinitionNode) -> None:
        """Run ``operation`` on graphql-core from now on (its plan cannot cover it)."""
        if self.size > 0:
            self.cache.put(id(operation), (operation, None))

    def stats(self) -> dict[str, int]:
        """Counts of operations run by a plan, by graphql-core, and plans that fell back (the
        cache's own figures are in ``self.cache.stats()``)."""
        return {"planned": self.planned, "standard": self.standard, "fallbacks": self.fallbacks,
                "cached": len(self.cache)}


class PlannedExecutor(StrawberryGraphQLCoreExecutionContext):
    """Strawberry's graphql-core executor, running query operations by their compiled plan.

    Made per schema by :func:`planned_executor_class` (each schema has its own plan cache).
    """

    plans: ClassVar[PlanCache] = PlanCache(0)

    def execute_operation(self, serially: bool | None = None) -> Any:
        plans = self.plans
        plan = None
        middleware = getattr(self.middleware_manager, "middlewares", None)
        if self.abort_signal is None and self.error_propagation and not middleware:
            plan = plans.plan_for(self)
        if plan is None:
            plans.standard += 1
            return super().execute_operation(serially)
        try:
            data = plan.run(self)
        except PlanFallback as fallback:
            return self._fall_back(serially, fallback)
        except GraphQLError as error:
            self.collected_errors.add(error, None)
            plans.planned += 1
            return self.finish(self.build_response(None))
        if plan.is_async:
            return self._await_plan(data, serially)
        plans.planned += 1
        return self.finish(self.build_response(data))

    async def _await_plan(self, pending: Any, serially: bool | None) -> Any:
        try:
            data = await pending
        except PlanFallback as fallback:
            result = self._fall_back(serially, fallback)
            return await result if self.is_awaitable(result) else result
        except GraphQLError as error:
            self.collected_errors.add(error, None)
            data = None
        self.plans.planned += 1
        return self.finish(self.build_response(data))

    def _fall_back(self, serially: bool | None, fallback: PlanFallback) -> Any:
        # Resolvers only read, so running the operation again from the start is safe; the errors
        # the plan had collected are dropped first.
        self.plans.fallbacks += 1
        if fallback.permanent:
            self.plans.forget(self.operation)
        self.collected_errors = CollectedErrors()
        return super().execute_operation(serially)


def planned_executor_class(cache_size: int) -> type[PlannedExecutor]:
    """A :class:`PlannedExecutor` subclass with its own plan cache of ``cache_size`` operations
    (0 turns plans off: every operation runs on graphql-core).

    Examples
    --------
    >>> executor_class = planned_executor_class(128)
    >>> executor_class.plans.size
    128
    """
    return type("PlannedExecutor", (PlannedExecutor,), {"plans": PlanCache(cache_size)})


__all__ = ["OperationPlan", "PlanCache", "PlanFallback", "PlanUnsupportedError", "PlannedExecutor",
           "ResolveInfoAt", "as_path", "compile_operation", "planned_executor_class"]
