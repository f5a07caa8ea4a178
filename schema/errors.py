"""Errors a client can act on, and the one table of the ``extensions.code`` every GraphQL error carries.

Each error names the field or argument and the limit or problem in its message; its code, in
``extensions.code``, is stable, so that a client can branch on it without parsing messages:

=============================  ======================================================================
Code                           Meaning
=============================  ======================================================================
``GRAPHQL_PARSE_FAILED``       The query text is not GraphQL (syntax error, nesting too deep).
``TOO_MANY_TOKENS``            The query text has more tokens than the limit (``max_tokens``).
``GRAPHQL_VALIDATION_FAILED``  The document breaks a rule of the GraphQL spec (unknown field, ...).
``QUERY_TOO_DEEP``             Fields nest deeper than ``max_depth``.
``TOO_MANY_ALIASES``           More aliases than ``max_aliases``.
``QUERY_TOO_COMPLEX``          The estimated cost is above ``max_cost`` (see :mod:`schema.limits`).
``OPERATION_NOT_FOUND``        ``operationName`` names no operation, or is missing among several.
``BAD_USER_INPUT``             An argument or variable is malformed or names nothing that exists.
``BAD_CURSOR``                 An ``after``/``before`` cursor was not made by this list.
``LIMIT_EXCEEDED``             An argument asks for more than a cap allows (page size, hops, text).
``ALGORITHM_TIMEOUT``          A graph algorithm ran past its time budget and was stopped.
``BUSY``                       Every slot for that family of algorithms is taken: retry later.
``UNAUTHENTICATED``            A mutation came without the bearer token that writes need.
``FORBIDDEN``                  A mutation came with a token that is not the server's.
``WRITES_DISABLED``            This server takes no writes (no token configured, or no store).
``NOT_FOUND``                  A mutation names a document the store does not hold.
``INTERNAL_SERVER_ERROR``      A fault of the server, not of the request.
=============================  ======================================================================

Requests refused before GraphQL sees them (a body or query string too large, a body that is not
JSON) are answered by the server with codes of their own, listed in ``serving/http_errors.py``.

The codes are attached once, by :func:`add_codes`, which :class:`schema.EvidenceSchema` applies
in ``process_errors``: the Strawberry view and the server's direct answers both call it before
they format errors, so both give the same codes. An error that already has a code keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from graphql import GraphQLError, GraphQLSyntaxError, ValueNode, VariableDefinitionNode
from graphql.validation.validate import ValidationAbortedError
from strawberry.relay import GlobalIDValueError

from evidence_graph.graph.analytics import (
    AnalyticsBusyError,
    AnalyticsConvergenceError,
    AnalyticsInputError,
    AnalyticsLimitError,
    AnalyticsTimeoutError,
)
from evidence_graph.graph.search import SearchTextError

GRAPHQL_PARSE_FAILED = "GRAPHQL_PARSE_FAILED"
TOO_MANY_TOKENS = "TOO_MANY_TOKENS"
GRAPHQL_VALIDATION_FAILED = "GRAPHQL_VALIDATION_FAILED"
QUERY_TOO_DEEP = "QUERY_TOO_DEEP"
TOO_MANY_ALIASES = "TOO_MANY_ALIASES"
QUERY_TOO_COMPLEX = "QUERY_TOO_COMPLEX"
OPERATION_NOT_FOUND = "OPERATION_NOT_FOUND"
BAD_USER_INPUT = "BAD_USER_INPUT"
BAD_CURSOR = "BAD_CURSOR"
LIMIT_EXCEEDED = "LIMIT_EXCEEDED"
ALGORITHM_TIMEOUT = "ALGORITHM_TIMEOUT"
BUSY = "BUSY"
INTERNAL_SERVER_ERROR = "INTERNAL_SERVER_ERROR"
UNAUTHENTICATED = "UNAUTHENTICATED"
FORBIDDEN = "FORBIDDEN"
WRITES_DISABLED = "WRITES_DISABLED"
NOT_FOUND = "NOT_FOUND"

#: Every code an error may carry (the table above).
CODES: frozenset[str] = frozenset({
    GRAPHQL_PARSE_FAILED, TOO_MANY_TOKENS, GRAPHQL_VALIDATION_FAILED, QUERY_TOO_DEEP, TOO_MANY_ALIASES,
    QUERY_TOO_COMPLEX, OPERATION_NOT_FOUND, BAD_USER_INPUT, BAD_CURSOR, LIMIT_EXCEEDED, ALGORITHM_TIMEOUT, BUSY,
    INTERNAL_SERVER_ERROR, UNAUTHENTICATED, FORBIDDEN, WRITES_DISABLED, NOT_FOUND})

#: How graphql-core words its refusals of ``operationName`` (errors with neither a node nor a path).
_OPERATION_MESSAGES = ("Unknown operation named", "Must provide operation name", "Must provide an operation")
#: How graphql-core words the token limit of its parser (the only way to tell it from a syntax error).
_TOKEN_LIMIT_MESSAGE = "Document contains more than"


class QueryInputError(ValueError):
    """An argument is malformed or names something that does not exist (``BAD_USER_INPUT``)."""

    code = BAD_USER_INPUT

    @property
    def extensions(self) -> dict[str, Any]:
        # A fresh dict each time: graphql-core adopts it as the error's own, and formatting may add to it.
        return {"code": self.code}


class WriteRefusedError(ValueError):
    """A mutation the server will not carry out: no token, a wrong one, no writes here, or no
    such document (its ``code`` says which; the message never repeats a token)."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code

    @property
    def extensions(self) -> dict[str, Any]:
        return {"code": self.code}


class BadCursorError(QueryInputError):
    """An ``after``/``before`` cursor that no page of the list made (``BAD_CURSOR``)."""

    code = BAD_CURSOR


class QueryLimitError(ValueError):
    """A request asks for more than a limit allows: page cap, hops, text length (``LIMIT_EXCEEDED``)."""

    code = LIMIT_EXCEEDED

    @property
    def extensions(self) -> dict[str, Any]:
        return {"code": self.code}


class AlgorithmTimeoutError(QueryLimitError):
    """A graph algorithm ran past its time budget and was stopped; ``extensions`` carries the
    stable ``code`` and the budget in seconds."""

    code = ALGORITHM_TIMEOUT

    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.seconds = seconds

    @property
    def extensions(self) -> dict[str, Any]:
        return {"code": self.code, "limitSeconds": self.seconds}


class AlgorithmBusyError(QueryLimitError):
    """Every slot for a family of graph algorithms is taken: retry after ``retryAfter`` seconds."""

    code = BUSY

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.retry_after = retry_after

    @property
    def extensions(self) -> dict[str, Any]:
        return {"code": self.code, "retryAfter": self.retry_after}


#: Exceptions raised below the schema (graph analytics, search, Strawberry's relay ids), by the code
#: they mean; a subclass before its base.
_FOREIGN_CODES: tuple[tuple[type[Exception], str], ...] = (
    (AnalyticsTimeoutError, ALGORITHM_TIMEOUT), (AnalyticsBusyError, BUSY),
    (AnalyticsInputError, BAD_USER_INPUT), (GlobalIDValueError, BAD_USER_INPUT),
    (AnalyticsLimitError, LIMIT_EXCEEDED), (AnalyticsConvergenceError, LIMIT_EXCEEDED),
    (SearchTextError, LIMIT_EXCEEDED))


def error_code(error: GraphQLError) -> str:
    """The code of a GraphQL error: the one it carries, else the one its kind and cause give.

    Parameters
    ----------
    error : GraphQLError
        An error of parsing, validation, variables or execution.

    Returns
    -------
    str
        One of :data:`CODES`.

    Examples
    --------
    >>> from graphql import parse
    >>> try:
    ...     parse("{")
    ... except GraphQLError as syntax:
    ...     error_code(syntax)
    'GRAPHQL_PARSE_FAILED'
    >>> error_code(GraphQLError("page", path=["a"], original_error=QueryLimitError("first: 500 is above the cap")))
    'LIMIT_EXCEEDED'
    >>> error_code(GraphQLError("boom", path=["a"], original_error=KeyError("boom")))
    'INTERNAL_SERVER_ERROR'
    >>> error_code(GraphQLError("Unknown operation named 'x'.")), error_code(GraphQLError("Variable values are nested"))
    ('OPERATION_NOT_FOUND', 'BAD_USER_INPUT')
    """
    code = (error.extensions or {}).get("code")
    if isinstance(code, str):
        return code
    if isinstance(error, GraphQLSyntaxError):
        return TOO_MANY_TOKENS if _TOKEN_LIMIT_MESSAGE in error.message else GRAPHQL_PARSE_FAILED
    original = error.original_error
    if original is not None and original is not error:
        own = getattr(original, "code", None)
        if isinstance(own, str) and own in CODES:
            return own
        for kind, found in _FOREIGN_CODES:
            if isinstance(original, kind):
                return found
        if isinstance(original, GraphQLError):
            # graphql-core refusing a variable's value (no path) or an argument's, or failing a
            # value of a resolver (a server fault).
            inputs = not error.path or _about_input(error) or _about_input(original)
            return BAD_USER_INPUT if inputs else INTERNAL_SERVER_ERROR
        return INTERNAL_SERVER_ERROR
    if _about_input(error):
        return BAD_USER_INPUT
    if error.path:
        return INTERNAL_SERVER_ERROR
    if error.nodes or isinstance(error, ValidationAbortedError):
        # Validation errors are coded where the document is validated (schema.limits): this is a fallback.
        return GRAPHQL_VALIDATION_FAILED
    return OPERATION_NOT_FOUND if error.message.startswith(_OPERATION_MESSAGES) else BAD_USER_INPUT


def _about_input(error: GraphQLError) -> bool:
    return any(isinstance(node, ValueNode | VariableDefinitionNode) for node in error.nodes or ())


def with_code(error: GraphQLError, code: str) -> GraphQLError:
    """Give ``error`` the ``code`` unless it has one (its other extensions are kept)."""
    extensions = error.extensions or {}
    if "code" not in extensions:
        error.extensions = {**extensions, "code": code}
    return error


def add_codes(errors: Iterable[GraphQLError]) -> None:
    """Give every error its ``extensions.code`` (:func:`error_code`), in place.

    Examples
    --------
    >>> errors = [GraphQLError("x", path=["a"], original_error=BadCursorError("invalid cursor"))]
    >>> add_codes(errors)
    >>> errors[0].formatted["extensions"]
    {'code': 'BAD_CURSOR'}
    """
    for error in errors:
        with_code(error, error_code(error))


__all__ = ["ALGORITHM_TIMEOUT", "BAD_CURSOR", "BAD_USER_INPUT", "BUSY", "CODES", "FORBIDDEN", "GRAPHQL_PARSE_FAILED",
           "GRAPHQL_VALIDATION_FAILED", "INTERNAL_SERVER_ERROR", "LIMIT_EXCEEDED", "NOT_FOUND", "OPERATION_NOT_FOUND",
           "QUERY_TOO_COMPLEX", "QUERY_TOO_DEEP", "TOO_MANY_ALIASES", "TOO_MANY_TOKENS", "UNAUTHENTICATED",
           "WRITES_DISABLED", "AlgorithmBusyError", "AlgorithmTimeoutError", "BadCursorError", "QueryInputError",
           "QueryLimitError", "WriteRefusedError", "add_codes", "error_code", "with_code"]
