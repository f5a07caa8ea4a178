"""One log line per client error, tracebacks only for server faults.

Strawberry logs every GraphQL error through the ``strawberry.execution`` logger
(``Schema.process_errors`` → ``StrawberryLogger.error``) with the error's source excerpt and, when
the error wraps an exception, its traceback: about 1.2 KB for a client's typo. Here the errors a
client caused (syntax, validation, variables, and resolver errors raised as
:class:`~schema.errors.QueryInputError` or :class:`~schema.errors.QueryLimitError`) are kept out of
that logger by :class:`ServerFaultsOnly`, and the view logs one line for them with the status it
answered (:func:`log_client_errors`). Any other exception in a resolver is a server fault: it keeps
Strawberry's record, traceback included.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from graphql import GraphQLError
from strawberry.relay import GlobalIDValueError

from schema.errors import QueryInputError, QueryLimitError
from serving.http_errors import log_refusal, short

#: Exceptions a resolver raises because of what the client asked (bad input, over a limit).
CLIENT_EXCEPTIONS: tuple[type[Exception], ...] = (QueryInputError, QueryLimitError, GlobalIDValueError)


def is_client_error(error: GraphQLError) -> bool:
    """Whether the client caused ``error``: an error of the request (no path: syntax, validation,
    variables) or a resolver's refusal (:data:`CLIENT_EXCEPTIONS`), rather than a server fault.

    Examples
    --------
    >>> is_client_error(GraphQLError("Syntax Error: Unexpected <EOF>."))
    True
    >>> is_client_error(GraphQLError("page cap", path=["a"], original_error=QueryLimitError("page cap")))
    True
    >>> is_client_error(GraphQLError("boom", path=["a"], original_error=KeyError("boom")))
    False
    """
    original = error.original_error
    return original is None or not error.path or isinstance(original, (GraphQLError, *CLIENT_EXCEPTIONS))


def error_code(error: GraphQLError) -> str:
    """The code a client error is logged with: its ``extensions.code`` if it has one, else its kind.

    Examples
    --------
    >>> error_code(GraphQLError("x", extensions={"code": "BAD_CURSOR"}))
    'BAD_CURSOR'
    >>> error_code(GraphQLError("Syntax Error: Unexpected <EOF>.")), error_code(GraphQLError("Cannot query field"))
    ('GRAPHQL_PARSE_FAILED', 'GRAPHQL_VALIDATION_FAILED')
    """
    code = (error.extensions or {}).get("code")
    if isinstance(code, str):
        return code
    if error.message.startswith("Syntax Error"):
        return "GRAPHQL_PARSE_FAILED"
    return "BAD_USER_INPUT" if error.path else "GRAPHQL_VALIDATION_FAILED"


class ServerFaultsOnly(logging.Filter):
    """A filter for Strawberry's ``strawberry.execution`` logger: keeps server faults (with their
    traceback), drops client errors (logged in one line by :func:`log_client_errors`)."""

    def filter(self, record: logging.LogRecord) -> bool:
        error = record.msg
        return not (isinstance(error, GraphQLError) and is_client_error(error))


def install() -> None:
    """Put :class:`ServerFaultsOnly` on Strawberry's execution logger (once per process)."""
    strawberry_logger = logging.getLogger("strawberry.execution")
    if not any(isinstance(f, ServerFaultsOnly) for f in strawberry_logger.filters):
        strawberry_logger.addFilter(ServerFaultsOnly())


def log_client_errors(status: int, errors: Sequence[GraphQLError]) -> None:
    """One log line for the client errors of an answer: its status, the first error's code and
    message, and how many more there were.

    Examples
    --------
    >>> import logging, sys
    >>> logging.getLogger("evidence_graph.server").addHandler(handler := logging.StreamHandler(sys.stdout))
    >>> log_client_errors(200, [GraphQLError("Cannot query field 'a'.\\n\\nGraphQL request:1:3"),
    ...                         GraphQLError("Cannot query field 'b'.")])
    client error 200 GRAPHQL_VALIDATION_FAILED: Cannot query field 'a'. (+1 more)
    >>> logging.getLogger("evidence_graph.server").removeHandler(handler)
    """
    client = [error for error in errors if is_client_error(error)]
    if not client:
        return
    more = f" (+{len(client) - 1} more)" if len(client) > 1 else ""
    log_refusal(status, error_code(client[0]), short(client[0].message) + more)


__all__ = ["CLIENT_EXCEPTIONS", "ServerFaultsOnly", "error_code", "install", "is_client_error", "log_client_errors"]
