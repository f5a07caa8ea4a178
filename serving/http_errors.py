"""Errors of the HTTP request itself (before any GraphQL runs), answered as GraphQL errors.

A client that sends a body too large, bytes that are not UTF-8, JSON that is not a GraphQL
request, or a broken query string gets a 4xx status and a GraphQL-shaped body,
``{"errors": [{"message": ..., "extensions": {"code": ...}}]}``, never a 500 or a Python message.
The codes are stable: clients and tests match on them, not on messages. They are apart from the
codes of GraphQL errors (``schema.errors.CODES``), which a request that passes here may get.
"""

from __future__ import annotations

import logging

import orjson
from starlette.responses import Response
from starlette.types import Send

logger = logging.getLogger("evidence_graph.server")

#: The body is larger than the server's limit (413).
BODY_TOO_LARGE = "BODY_TOO_LARGE"
#: The query string of a GET is longer than the server's limit (414).
QUERY_TOO_LONG = "QUERY_TOO_LONG"
#: The body (or a percent-decoded query string) is not UTF-8 (400).
INVALID_UTF8 = "INVALID_UTF8"
#: The body, or the ``variables``/``extensions`` of a GET, is not JSON (400).
INVALID_JSON = "INVALID_JSON"
#: JSON nested deeper than the decoder allows (1,024 levels; 400).
JSON_TOO_DEEP = "JSON_TOO_DEEP"
#: JSON that is not a GraphQL request: not an object, or a member of the wrong type (400).
BAD_REQUEST_SHAPE = "BAD_REQUEST_SHAPE"
#: A query string with a ``%`` not followed by two hexadecimal digits (400).
INVALID_PERCENT_ENCODING = "INVALID_PERCENT_ENCODING"
#: Any other malformed request (400), e.g. no query, an unsupported content type.
BAD_REQUEST = "BAD_REQUEST"
#: A method other than GET and POST on the GraphQL route (405).
METHOD_NOT_ALLOWED = "METHOD_NOT_ALLOWED"
#: No such resource (404).
NOT_FOUND = "NOT_FOUND"

#: Every HTTP-level code, by the status it is answered with.
HTTP_ERROR_CODES = {BODY_TOO_LARGE: 413, QUERY_TOO_LONG: 414, INVALID_UTF8: 400, INVALID_JSON: 400,
                    JSON_TOO_DEEP: 400, BAD_REQUEST_SHAPE: 400, INVALID_PERCENT_ENCODING: 400,
                    BAD_REQUEST: 400, METHOD_NOT_ALLOWED: 405, NOT_FOUND: 404}


class RequestRefused(Exception):
    """A request refused before GraphQL runs: ``code`` (one of :data:`HTTP_ERROR_CODES`) and a
    message for the client.

    Examples
    --------
    >>> refused = RequestRefused(BODY_TOO_LARGE, "the body is over 1,000 bytes")
    >>> refused.status, refused.body()
    (413, b'{"errors":[{"message":"the body is over 1,000 bytes","extensions":{"code":"BODY_TOO_LARGE"}}]}')
    """

    def __init__(self, code: str, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = HTTP_ERROR_CODES[code] if status is None else status

    @classmethod
    def for_status(cls, status: int, message: str, code: str | None = None) -> RequestRefused:
        """A refusal with ``code``, or the code of its status (e.g. Strawberry's own HTTP errors).

        Examples
        --------
        >>> RequestRefused.for_status(405, "GraphQL only supports GET and POST requests.").code
        'METHOD_NOT_ALLOWED'
        """
        code = code or {404: NOT_FOUND, 405: METHOD_NOT_ALLOWED}.get(status, BAD_REQUEST)
        return cls(code, message, status)

    def body(self) -> bytes:
        """The GraphQL-shaped JSON body of the refusal."""
        return orjson.dumps({"errors": [{"message": self.message, "extensions": {"code": self.code}}]})

    async def send(self, send: Send, media_type: str = "application/json", close: bool = False) -> None:
        """Answer with this refusal (and log its one line).

        Parameters
        ----------
        send : ASGI send
        media_type : str, optional
            ``application/json``, or the GraphQL-over-HTTP media type when the client asks for it.
        close : bool, optional
            Ask the server to close the connection after the answer (a body left unread cannot be
            skipped to reach the next request).
        """
        log_refusal(self.status, self.code, self.message)
        body = self.body()
        headers = [(b"content-type", f"{media_type}; charset=utf-8".encode()),
                   (b"content-length", str(len(body)).encode())]
        if close:
            headers.append((b"connection", b"close"))
        await send({"type": "http.response.start", "status": self.status, "headers": headers})
        await send({"type": "http.response.body", "body": body})


def refusal_response(status: int, message: str, code: str | None = None) -> Response:
    """A refusal as a JSON response (the routes beside /graphql: exports, SPARQL, IRIs), logged.

    Examples
    --------
    >>> refusal_response(404, "no export format 'dot'").status_code
    404
    """
    refused = RequestRefused.for_status(status, message, code)
    log_refusal(refused.status, refused.code, refused.message)
    return Response(refused.body(), status_code=status, media_type="application/json")


def log_refusal(status: int, code: str, reason: str) -> None:
    """One log line for a client error: status, code and a short reason (no traceback)."""
    logger.warning("client error %d %s: %s", status, code, short(reason))


def short(text: str, limit: int = 200) -> str:
    """The first line of ``text``, cut to ``limit`` characters (log lines stay one line).

    Examples
    --------
    >>> short("Syntax Error: Unexpected <EOF>.\\n\\nGraphQL request:1:2")
    'Syntax Error: Unexpected <EOF>.'
    >>> len(short("x" * 1000))
    201
    """
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= limit else line[:limit] + "…"


__all__ = ["BAD_REQUEST", "BAD_REQUEST_SHAPE", "BODY_TOO_LARGE", "HTTP_ERROR_CODES", "INVALID_JSON",
           "INVALID_PERCENT_ENCODING", "INVALID_UTF8", "JSON_TOO_DEEP", "METHOD_NOT_ALLOWED", "NOT_FOUND",
           "QUERY_TOO_LONG", "RequestRefused", "log_refusal", "refusal_response", "short"]
