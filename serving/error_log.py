"""One log line per client error, tracebacks only for server faults.

Strawberry logs every GraphQL error through the ``strawberry.execution`` logger
(``Schema.process_errors`` → ``StrawberryLogger.error``) with the error's source excerpt and, when
the error wraps an exception, its traceback: about 1.2 KB for a client's typo. Here the errors a
client caused (every code of :mod:`schema.errors` but ``INTERNAL_SERVER_ERROR``: syntax,
validation, variables, limits, resolvers' refusals) are kept out of that logger by
:class:`ServerFaultsOnly`, and the view logs one line for them with the status it answered and
their code (:func:`log_client_errors`). Any other exception in a resolver is a server fault: it
keeps Strawberry's record, traceback included.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from graphql import GraphQLError

from evidence_graph.schema.errors import INTERNAL_SERVER_ERROR, error_code
from evidence_graph.serving.http_errors import log_refusal, short


def is_client_error(error: GraphQLError) -> bool:
    """Whether the client caused ``error``: any error whose code (:func:`schema.errors.error_code`)
    is not ``INTERNAL_SERVER_ERROR``: syntax, validation, variables, and resolvers' refusals.

    Examples
    --------
    >>> from evidence_graph.schema.errors import QueryLimitError
    >>> is_client_error(GraphQLError("Syntax Error: Unexpected <EOF>."))
    True
    >>> is_client_error(GraphQLError("page cap", path=["a"], original_error=QueryLimitError("page cap")))
    True
    >>> is_client_error(GraphQLError("boom", path=["a"], original_error=KeyError("boom")))
    False
    """
    return error_code(error) != INTERNAL_SERVER_ERROR


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
    >>> log_client_errors(200, [GraphQLError("Cannot query field 'a'.\\n\\nGraphQL request:1:3",
    ...                                      extensions={"code": "GRAPHQL_VALIDATION_FAILED"}),
    ...                         GraphQLError("Cannot query field 'b'.")])
    client error 200 GRAPHQL_VALIDATION_FAILED: Cannot query field 'a'. (+1 more)
    >>> logging.getLogger("evidence_graph.server").removeHandler(handler)
    """
    client = [error for error in errors if is_client_error(error)]
    if not client:
        return
    more = f" (+{len(client) - 1} more)" if len(client) > 1 else ""
    log_refusal(status, error_code(client[0]), short(client[0].message) + more)


__all__ = ["ServerFaultsOnly", "install", "is_client_error", "log_client_errors"]
