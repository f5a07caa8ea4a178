"""Errors a client can act on: each names the field or argument and the limit or problem."""

from __future__ import annotations


class QueryInputError(ValueError):
    """An argument is malformed or names something that does not exist."""


class QueryLimitError(ValueError):
    """A request asks for more than a limit allows (page cap, hops, cost, algorithm budget)."""


class AlgorithmTimeoutError(QueryLimitError):
    """A graph algorithm ran past its time budget and was stopped; ``extensions`` carries the
    stable ``code`` and the budget in seconds."""

    code = "ALGORITHM_TIMEOUT"

    def __init__(self, message: str, seconds: float) -> None:
        super().__init__(message)
        self.extensions = {"code": self.code, "limitSeconds": seconds}


class AlgorithmBusyError(QueryLimitError):
    """Every slot for a family of graph algorithms is taken: retry after ``retryAfter`` seconds."""

    code = "BUSY"

    def __init__(self, message: str, retry_after: float) -> None:
        super().__init__(message)
        self.extensions = {"code": self.code, "retryAfter": retry_after}
