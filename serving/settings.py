"""How the server runs: one typed record, read from the CLI and the environment in one place."""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_graph.graph.analytics import FAMILIES
from evidence_graph.schema.limits import QueryLimits

#: Where the store lives unless ``--store`` or ``EVIDENCE_GRAPH_STORE`` says otherwise.
DEFAULT_STORE = Path(".evidence-graph/store")


def store_from_environment(environ: Mapping[str, str] | None = None) -> Path:
    """The store folder ``EVIDENCE_GRAPH_STORE`` names, else :data:`DEFAULT_STORE`.

    Examples
    --------
    >>> store_from_environment({}), store_from_environment({"EVIDENCE_GRAPH_STORE": "/srv/eg"})
    (PosixPath('.evidence-graph/store'), PosixPath('/srv/eg'))
    """
    environ = os.environ if environ is None else environ
    return Path(environ.get("EVIDENCE_GRAPH_STORE") or DEFAULT_STORE)


#: Environment variables the settings read, by field (the CLI's flags take precedence).
ENVIRONMENT = {
    "cors_origins": "EVIDENCE_GRAPH_CORS",
    "reload_seconds": "EVIDENCE_GRAPH_RELOAD_SECONDS",
    "max_body_bytes": "EVIDENCE_GRAPH_MAX_BODY",
    "max_query_string_bytes": "EVIDENCE_GRAPH_MAX_QUERY_STRING",
    "response_cache_total_bytes": "EVIDENCE_GRAPH_RESPONSE_CACHE_BYTES",
    "limits.cache_bytes": "EVIDENCE_GRAPH_DOCUMENT_CACHE_BYTES",
    "algorithm_seconds": "EVIDENCE_GRAPH_ALGORITHM_SECONDS",
    "algorithm_concurrency": "EVIDENCE_GRAPH_ALGORITHM_CONCURRENCY",
    "ingest_token": "EVIDENCE_GRAPH_INGEST_TOKEN",
    "max_ingest_bytes": "EVIDENCE_GRAPH_MAX_INGEST_BODY",
    "sparql_seconds": "EVIDENCE_GRAPH_SPARQL_SECONDS",
    "sparql_max_rows": "EVIDENCE_GRAPH_SPARQL_MAX_ROWS",
}


@dataclass(frozen=True)
class ServerSettings:
    """How the server runs (from the CLI and the environment: :meth:`from_environment`).

    Examples
    --------
    >>> ServerSettings().max_body_bytes
    1000000
    """

    store: Path | None = None
    cors_origins: tuple[str, ...] = ("*",)
    reload_seconds: float = 2.0
    response_cache_size: int = 512
    #: Responses larger than this are not kept in the cache (bytes).
    response_cache_max_bytes: int = 4_000_000
    #: All cached answers together (bytes); the least recently used go first beyond it.
    response_cache_total_bytes: int = 256_000_000
    #: A request body larger than this is refused with 413 before it is read whole (bytes).
    max_body_bytes: int = 1_000_000
    #: A query string (GET) longer than this is refused with 414 (bytes, as sent: percent-encoded).
    #: Below what the HTTP parsers take in a request head (h11 16 KiB; httptools refuses about 100 KB
    #: with a bare 400 before the app sees it); a larger document belongs in a POST body.
    max_query_string_bytes: int = 8_192
    #: Query limits; ``limits.cache_bytes`` is the budget of each cache of documents (parsed,
    #: validated and prepared documents, plans), each document's size estimated with its source
    #: text (``schema.caches.document_size``).
    limits: QueryLimits = field(default_factory=QueryLimits)
    #: Answer POSTed JSON queries with a valid, prepared document without Strawberry's HTTP view
    #: (the same responses, byte for byte; ``tests/test_direct_answers.py`` compares the two).
    direct_execution: bool = True
    #: Seconds a graph algorithm may run for a request before it is stopped (ALGORITHM_TIMEOUT).
    algorithm_seconds: float = 20.0
    #: Concurrent computations per algorithm family beyond which requests are answered BUSY
    #: (families not named keep ``graph.analytics.budgets.CONCURRENCY``).
    algorithm_concurrency: tuple[tuple[str, int], ...] = ()
    #: The bearer token the ingestDocument and retractDocument mutations need; None: no writes.
    #: Never shown (not in the settings' repr, never logged).
    ingest_token: str | None = field(default=None, repr=False)
    #: The body limit of a request that presents the ingest token: a document rides in it (bytes).
    max_ingest_bytes: int = 64_000_000
    #: Seconds a /sparql query may run before its worker process is stopped (503).
    sparql_seconds: float = 10.0
    #: Rows (SELECT) or triples (CONSTRUCT, DESCRIBE) a /sparql answer holds at most; beyond it the
    #: answer is cut and says so in ``X-SPARQL-MaxRows``.
    sparql_max_rows: int = 10_000

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None, *, store: Path | None = None,
                         cors_origins: Sequence[str] | None = None) -> ServerSettings:
        """Settings from the CLI's values and the environment (:data:`ENVIRONMENT` names the variables).

        Parameters
        ----------
        environ : mapping, optional
            The environment (default ``os.environ``).
        store : Path, optional
            The store folder (``--store``).
        cors_origins : sequence of str, optional
            Origins from ``--cors-origin``; when not given, ``EVIDENCE_GRAPH_CORS`` (comma-separated)
            or every origin.

        Returns
        -------
        ServerSettings

        Raises
        ------
        ValueError
            A variable that is set holds no valid value (the message names it).

        Examples
        --------
        >>> settings = ServerSettings.from_environment({"EVIDENCE_GRAPH_MAX_BODY": "2000",
        ...                                             "EVIDENCE_GRAPH_CORS": "https://a.example,"})
        >>> settings.max_body_bytes, settings.cors_origins
        (2000, ('https://a.example',))
        >>> ServerSettings.from_environment({"EVIDENCE_GRAPH_ALGORITHM_CONCURRENCY": "centrality=1, paths=8"}
        ...                                 ).algorithm_concurrency
        (('centrality', 1), ('paths', 8))
        >>> ServerSettings.from_environment({"EVIDENCE_GRAPH_MAX_BODY": "lots"})
        Traceback (most recent call last):
        ...
        ValueError: EVIDENCE_GRAPH_MAX_BODY must be a positive integer (bytes), not 'lots'
        """
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {"store": store}
        origins = cors_origins or environ.get(ENVIRONMENT["cors_origins"], "*").split(",")
        values["cors_origins"] = tuple(o.strip() for o in origins if o.strip())
        readers: dict[str, Callable[[str, str], Any]] = {
            "reload_seconds": _positive_float, "max_body_bytes": _positive_int,
            "max_query_string_bytes": _positive_int, "response_cache_total_bytes": _positive_int,
            "limits.cache_bytes": _positive_int, "algorithm_seconds": _positive_float,
            "algorithm_concurrency": _family_slots, "ingest_token": _token, "max_ingest_bytes": _positive_int,
            "sparql_seconds": _positive_float, "sparql_max_rows": _positive_int}
        limits: dict[str, Any] = {}
        for name, read in readers.items():
            text = environ.get(ENVIRONMENT[name])
            if text is not None and text.strip():
                value = read(ENVIRONMENT[name], text.strip())
                if name.startswith("limits."):
                    limits[name.removeprefix("limits.")] = value
                else:
                    values[name] = value
        return cls(**values, limits=QueryLimits(**limits))


def _token(name: str, text: str) -> str:
    if len(text) < 16:
        raise ValueError(f"{name} must be at least 16 characters (a shorter token is guessable)")
    return text


def _positive_int(name: str, text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        value = 0
    if value <= 0:
        raise ValueError(f"{name} must be a positive integer (bytes), not {text!r}")
    return value


def _family_slots(name: str, text: str) -> tuple[tuple[str, int], ...]:
    slots = []
    for part in text.split(","):
        family, _, count = part.strip().partition("=")
        if family.strip() not in FAMILIES or not count.strip().isdigit() or int(count) < 1:
            raise ValueError(f"{name} must list FAMILY=SLOTS pairs with FAMILY one of {', '.join(FAMILIES)} "
                             f"and SLOTS at least 1 (e.g. centrality=2,paths=4), not {text!r}")
        slots.append((family.strip(), int(count)))
    return tuple(slots)


def _positive_float(name: str, text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise ValueError(f"{name} must be a positive number (seconds), not {text!r}")
    return value


__all__ = ["ENVIRONMENT", "ServerSettings"]
