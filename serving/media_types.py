"""The media types of GraphQL over HTTP (``application/json`` by default, the spec's
``application/graphql-response+json`` when a client prefers it), and content negotiation for the
other routes (:func:`negotiate`)."""

from __future__ import annotations

import contextlib
from collections.abc import Mapping, Sequence

from starlette.responses import Response

#: The media type of GraphQL-over-HTTP responses (the spec's; ``application/json`` stays the default).
GRAPHQL_RESPONSE = "application/graphql-response+json"


def wants_graphql_response(accept: str) -> bool:
    """Whether a client asks for the GraphQL-over-HTTP media type rather than ``application/json``.

    Examples
    --------
    >>> wants_graphql_response(GRAPHQL_RESPONSE), wants_graphql_response("application/json")
    (True, False)
    >>> wants_graphql_response(f"application/json, {GRAPHQL_RESPONSE};q=0.9")
    False
    """
    return GRAPHQL_RESPONSE in accept and prefers_graphql_response(accept)


def prefers_graphql_response(accept: str) -> bool:
    """True unless ``application/json`` is listed before the GraphQL response type with a higher q."""
    best: dict[str, float] = {}
    for part in accept.split(","):
        media, *params = (p.strip() for p in part.split(";"))
        q = 1.0
        for param in params:
            if param.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(param[2:])
        best[media] = max(best.get(media, 0.0), q)
    return best.get(GRAPHQL_RESPONSE, 0.0) >= best.get("application/json", 0.0)


def _accepted(accept: str) -> list[tuple[str, float, int]]:
    ranges: list[tuple[str, float, int]] = []
    for order, part in enumerate(accept.split(",")):
        media, *params = (p.strip() for p in part.split(";"))
        if not media:
            continue
        q = 1.0
        for param in params:
            if param.startswith("q="):
                with contextlib.suppress(ValueError):
                    q = float(param[2:])
        ranges.append((media.lower(), q, order))
    return ranges


def negotiate(accept: str | None, offers: Sequence[str]) -> str | None:
    """The offered media type an ``Accept`` header prefers (RFC 9110 §12.5.1), or None if it
    accepts none of them; no header, or ``*/*``, gets the first offer.

    Parameters
    ----------
    accept : str or None
        The request's ``Accept`` header.
    offers : sequence of str
        Media types the route can answer in, the default first.

    Returns
    -------
    str or None

    Examples
    --------
    >>> negotiate("text/turtle, application/ld+json;q=0.5", ["application/ld+json", "text/turtle"])
    'text/turtle'
    >>> negotiate("text/html,application/xhtml+xml,*/*;q=0.8", ["text/turtle", "text/html"])
    'text/html'
    >>> negotiate(None, ["text/turtle"]), negotiate("image/png", ["text/turtle"])
    ('text/turtle', None)
    """
    if not accept or not accept.strip():
        return offers[0] if offers else None
    ranges = _accepted(accept)
    best: tuple[float, int, int, int] | None = None
    chosen: str | None = None
    for index, offer in enumerate(offers):
        kind = offer.split("/")[0]
        for media, q, order in ranges:
            specificity = 2 if media == offer else 1 if media == f"{kind}/*" else 0 if media == "*/*" else -1
            if specificity < 0 or q <= 0:
                continue
            # Each offer ranks by the best range matching it: the higher q, then a type named
            # outright over a wildcard, then the server's order.
            rank = (q, specificity, -index, -order)
            if best is None or rank > best:
                best, chosen = rank, offer
    return chosen


def requested_type(named: str | None, accept: str | None, offers: Sequence[str],
                   names: Mapping[str, str]) -> str | None:
    """The media type a request asks for: by a ``format`` parameter's name when it has one (None
    for a name not in ``names`` or not offered), else by its ``Accept`` header (:func:`negotiate`).

    Examples
    --------
    >>> names = {"turtle": "text/turtle", "jsonld": "application/ld+json"}
    >>> requested_type("jsonld", "text/turtle", ["text/turtle", "application/ld+json"], names)
    'application/ld+json'
    >>> requested_type("rdfxml", None, ["text/turtle"], names) is None
    True
    >>> requested_type(None, "text/turtle", ["application/ld+json", "text/turtle"], names)
    'text/turtle'
    """
    if named is not None:
        found = names.get(named)
        return found if found in offers else None
    return negotiate(accept, offers)


def with_charset(media_type: str) -> str:
    """The ``Content-Type`` of a text answer: UTF-8 stated, except for XML, which states its own.

    Examples
    --------
    >>> with_charset("text/turtle"), with_charset("application/rdf+xml")
    ('text/turtle; charset=utf-8', 'application/rdf+xml')
    """
    return media_type if media_type.endswith("xml") else media_type + "; charset=utf-8"


def as_graphql_response(response: Response) -> None:
    """Label a JSON response with the GraphQL-over-HTTP media type (the view and direct answers alike)."""
    response.headers["content-type"] = f"{GRAPHQL_RESPONSE}; charset=utf-8"
    response.media_type = GRAPHQL_RESPONSE


def refusal_media_type(accept: str) -> str:
    """The media type of an error answer to a client sending ``accept``.

    Examples
    --------
    >>> refusal_media_type(""), refusal_media_type(GRAPHQL_RESPONSE)
    ('application/json', 'application/graphql-response+json')
    """
    return GRAPHQL_RESPONSE if wants_graphql_response(accept) else "application/json"


__all__ = ["GRAPHQL_RESPONSE", "as_graphql_response", "negotiate", "prefers_graphql_response", "refusal_media_type",
           "requested_type", "wants_graphql_response", "with_charset"]
