"""The errors graph analytics raise.

Every one is an :class:`AnalyticsError`. Input and limit errors are also ``ValueError`` (the
request is at fault and asking again will not help); a timeout is a limit error (the request
asked for more than its time budget); :class:`AnalyticsBusyError` says the server has no free
slot for the algorithm right now and when to try again.
"""

from __future__ import annotations


class AnalyticsError(Exception):
    """Base of the errors raised by graph analytics."""


class AnalyticsInputError(AnalyticsError, ValueError):
    """A parameter makes no sense: an unknown IRI, type or algorithm, a length below one …"""


class AnalyticsLimitError(AnalyticsError, ValueError):
    """A request is over a server cap or an algorithm's budget."""


class AnalyticsConvergenceError(AnalyticsError, RuntimeError):
    """An iterative algorithm did not converge within its iteration budget."""


class AnalyticsTimeoutError(AnalyticsLimitError):
    """A computation ran past its deadline and was stopped.

    Parameters
    ----------
    message : str
        What ran out of time.
    seconds : float or None
        The time budget it had.
    """

    def __init__(self, message: str, seconds: float | None = None) -> None:
        super().__init__(message)
        self.seconds = seconds


class AnalyticsCancelledError(AnalyticsError):
    """A computation was stopped because nobody waits for its answer any more."""


class AnalyticsBusyError(AnalyticsLimitError):
    """Every slot of an algorithm family is taken; ``retry_after`` seconds is a fair wait.

    Parameters
    ----------
    message : str
        Which family is busy.
    family : str
        The algorithm family ("paths", "centrality" …).
    retry_after : float
        Seconds after which a slot is likely to be free.
    """

    def __init__(self, message: str, family: str, retry_after: float) -> None:
        super().__init__(message)
        self.family = family
        self.retry_after = retry_after


__all__ = ["AnalyticsBusyError", "AnalyticsCancelledError", "AnalyticsConvergenceError", "AnalyticsError",
           "AnalyticsInputError", "AnalyticsLimitError", "AnalyticsTimeoutError"]
