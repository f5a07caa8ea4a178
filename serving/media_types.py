"""The media types of GraphQL over HTTP: ``application/json`` by default, the spec's
``application/graphql-response+json`` when a client prefers it."""

from __future__ import annotations

import contextlib

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


__all__ = ["GRAPHQL_RESPONSE", "as_graphql_response", "prefers_graphql_response", "refusal_media_type",
           "wants_graphql_response"]
