"""Errors a client can act on: each names the field or argument and the limit or problem."""

from __future__ import annotations


class QueryInputError(ValueError):
    """An argument is malformed or names something that does not exist."""


class QueryLimitError(ValueError):
    """A request asks for more than a limit allows (page cap, hops, cost, algorithm budget)."""
