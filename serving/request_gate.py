"""Requests checked before any layer reads them: body and query-string limits, then the shape of a
GraphQL-over-HTTP request.

:class:`RequestGate` is the first layer a request meets after CORS. It refuses

- a body over ``max_body_bytes`` with 413 ``BODY_TOO_LARGE``, by its ``Content-Length`` before a
  byte of it is read, or while counting the bytes of a chunked body (reading stops at the limit,
  and the connection is closed after the answer, since the rest of the body is never read);
- a query string over ``max_query_string_bytes`` with 414 ``QUERY_TOO_LONG`` (the status HTTP has
  for a URI too long; a GraphQL document that long belongs in a POST body);
- on the GraphQL route, a request that is not well formed with 400 and a finer code: a body or
  percent-decoded query string that is not UTF-8 (``INVALID_UTF8``), not JSON (``INVALID_JSON``),
  JSON nested too deep (``JSON_TOO_DEEP``), JSON that is not a request object or has members of
  the wrong type (``BAD_REQUEST_SHAPE``), or a ``%`` not followed by two hex digits
  (``INVALID_PERCENT_ENCODING``).

Its refusals are answered through ``refusals`` (the server's CORS policy). What it lets
through is a request every layer below can read without failing: the body (read once, at most the
limit) is handed on in ``scope["state"]["body"]`` and, for JSON, the decoded
request in ``scope["state"]["params"]``. Document errors (syntax, validation, variables) are not
the gate's: GraphQL over HTTP answers them as GraphQL results.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any
from urllib.parse import unquote_to_bytes

import orjson
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from strawberry.http.parse_content_type import parse_content_type

from evidence_graph.serving.http_errors import (
    BAD_REQUEST,
    BAD_REQUEST_SHAPE,
    BODY_TOO_LARGE,
    INVALID_JSON,
    INVALID_PERCENT_ENCODING,
    INVALID_UTF8,
    JSON_TOO_DEEP,
    QUERY_TOO_LONG,
    RequestRefused,
)
from evidence_graph.serving.media_types import refusal_media_type

#: A ``%`` that does not start a percent-encoded byte.
_BAD_PERCENT = re.compile(rb"%(?![0-9A-Fa-f]{2})")
#: orjson's message: a reason, then where.
_POSITION = re.compile(r"(?P<reason>.*): line (?P<line>\d+) column (?P<column>\d+) \(char \d+\)$", re.DOTALL)
#: The members of a GraphQL-over-HTTP request and the JSON types each may have (null: absent).
_MEMBERS: dict[str, tuple[type, str]] = {"query": (str, "a string"), "variables": (dict, "an object"),
                                         "operationName": (str, "a string"), "extensions": (dict, "an object")}


class RequestGate:
    """ASGI middleware refusing requests over the limits and malformed GraphQL requests (see the
    module docstring).

    Parameters
    ----------
    app : ASGI app
        The layers below.
    max_body_bytes : int
        Largest body accepted, in bytes.
    max_query_string_bytes : int
        Longest query string accepted, in bytes as sent.
    path : str, optional
        The GraphQL route, whose requests are checked for their shape.
    refusals : callable, optional
        Wraps the ASGI app that answers a refusal (e.g. in CORS, so that a browser may read it,
        while the answers of the layers below get their CORS headers from their own layer).
    writer_body_bytes : int, optional
        The larger limit of a request that ``may_write`` accepts (a document rides in it).
    may_write : callable, optional
        Whether a request's scope presents the server's write token.

    Examples
    --------
    >>> from starlette.applications import Starlette
    >>> from starlette.testclient import TestClient
    >>> app = Starlette(middleware=[])
    >>> client = TestClient(RequestGate(app, max_body_bytes=10, max_query_string_bytes=10))
    >>> client.post("/graphql", content=b"x" * 11).json()["errors"][0]["extensions"]
    {'code': 'BODY_TOO_LARGE'}
    >>> response = client.post("/graphql", content=b"[1]", headers={"content-type": "application/json"})
    >>> response.status_code, response.json()["errors"][0]["extensions"]["code"]
    (400, 'BAD_REQUEST_SHAPE')
    """

    def __init__(self, app: ASGIApp, max_body_bytes: int, max_query_string_bytes: int, path: str = "/graphql",
                 refusals: Callable[[ASGIApp], ASGIApp] | None = None, writer_body_bytes: int | None = None,
                 may_write: Callable[[Scope], bool] | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.writer_body_bytes = writer_body_bytes
        self.may_write = may_write
        self.max_query_string_bytes = max_query_string_bytes
        self.path = path
        self.refusals = refusals or (lambda refuse: refuse)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        try:
            receive = await self._check(scope, receive)
        except RequestRefused as refused:
            await self.refusals(_refusal_app(refused, scope))(scope, receive, send)
            return
        await self.app(scope, receive, send)

    async def _check(self, scope: Scope, receive: Receive) -> Receive:
        """Refuse (raise :class:`RequestRefused`) or return the ``receive`` the layers below use."""
        query_string: bytes = scope["query_string"]
        if len(query_string) > self.max_query_string_bytes:
            raise RequestRefused(QUERY_TOO_LONG, f"the query string is longer than the limit of "
                                                 f"{self.max_query_string_bytes:,} bytes: POST the query instead")
        limit = self.writer_body_bytes if self.writer_body_bytes is not None and self.may_write is not None \
            and self.may_write(scope) else self.max_body_bytes
        content_type = ""
        for name, value in scope["headers"]:
            if name == b"content-length":
                if not value.isdigit():
                    raise RequestRefused(BAD_REQUEST, "the Content-Length header is not a number")
                if int(value) > limit:
                    raise self._too_large(limit)
            elif name == b"content-type" and not content_type:
                content_type = value.decode("latin-1")
        if scope["path"] != self.path:
            return receive
        method = scope["method"]
        if method == "GET" and query_string:
            check_query_string(query_string)
        if method != "POST":
            return receive
        body = await self._read_body(receive, limit)
        if body is None:
            return receive  # the client left: the app sees the disconnect
        state = scope.setdefault("state", {})
        state["body"] = body
        # The view reads JSON for any content type naming application/json (Strawberry's rule).
        if "application/json" in parse_content_type(content_type)[0]:
            state["params"] = check_request(decode_json(body, "request body"), post=True)
        return _replay(body, receive)

    async def _read_body(self, receive: Receive, limit: int) -> bytes | None:
        """The whole body, counted as it arrives; None if the client left first."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return None
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > limit:
                raise self._too_large(limit)
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    @staticmethod
    def _too_large(limit: int) -> RequestRefused:
        return RequestRefused(BODY_TOO_LARGE, f"the request body is larger than the limit of {limit:,} bytes")


def _refusal_app(refused: RequestRefused, scope: Scope) -> ASGIApp:
    """An ASGI app answering with ``refused``, in the media type the request accepts."""
    accept = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"accept"), "")

    async def refuse(scope: Scope, receive: Receive, send: Send) -> None:
        # A body refused unread cannot be skipped to reach a next request on the connection.
        await refused.send(send, refusal_media_type(accept), close=refused.code == BODY_TOO_LARGE)

    return refuse


def _replay(body: bytes, receive: Receive) -> Receive:
    """A ``receive`` that hands the body on again, then waits on the client as the server would."""
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def decode_json(data: bytes | str, what: str) -> Any:
    """Decode JSON as the layers below will, refusing what they could not decode.

    Parameters
    ----------
    data : bytes or str
        The JSON text.
    what : str
        What it is, for the message ("request body", "``variables`` parameter").

    Returns
    -------
    object
        The decoded value.

    Raises
    ------
    RequestRefused
        ``INVALID_UTF8``, ``JSON_TOO_DEEP`` (more than 1,024 levels, orjson's limit) or ``INVALID_JSON``.

    Examples
    --------
    >>> decode_json(b'{"a": [1]}', "body")
    {'a': [1]}
    >>> _refusal_message(decode_json, b"{x", "body")
    'the body is not JSON: ... at line 1, column 2'
    >>> [code for data in (b"\\xff", b"[" * 100_000, b"{")
    ...  for code in [_refusal_code(decode_json, data, "body")]]
    ['INVALID_UTF8', 'JSON_TOO_DEEP', 'INVALID_JSON']
    """
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as error:
        if isinstance(data, bytes):
            try:
                data.decode("utf-8")
            except UnicodeDecodeError as bad:
                raise RequestRefused(INVALID_UTF8, f"the {what} is not UTF-8 (at byte {bad.start})") from None
        reason = str(error)
        if reason.startswith("depth limit exceeded"):
            raise RequestRefused(JSON_TOO_DEEP, f"the {what} nests JSON more than 1,024 levels deep") from None
        # The decoder's "line 1 column 2 (char 1)" reads as a Python message: said in words instead.
        found = _POSITION.match(reason)
        if found:
            reason = f"{found['reason']} at line {found['line']}, column {found['column']}"
        raise RequestRefused(INVALID_JSON, f"the {what} is not JSON: {reason}") from None


def check_request(data: Any, post: bool) -> dict[str, Any]:
    """A decoded request if it is a GraphQL-over-HTTP request object, else refused.

    Parameters
    ----------
    data : object
        The decoded body (POST) or query parameters (GET).
    post : bool
        A POST must hold a query; a GET without one is GraphiQL's page.

    Returns
    -------
    dict

    Raises
    ------
    RequestRefused
        ``BAD_REQUEST_SHAPE``: not an object (a batch, a scalar), a member of the wrong type, or a
        POST without a query.

    Examples
    --------
    >>> check_request({"query": "{ a }", "variables": None}, post=True)
    {'query': '{ a }', 'variables': None}
    >>> [_refusal_code(check_request, data, True) for data in (3, [{}], {"query": 5}, {"query": "{ a }",
    ...  "variables": [1]}, {})]
    ['BAD_REQUEST_SHAPE', 'BAD_REQUEST_SHAPE', 'BAD_REQUEST_SHAPE', 'BAD_REQUEST_SHAPE', 'BAD_REQUEST_SHAPE']
    """
    if not isinstance(data, dict):
        kind = "an array (batches are not supported)" if isinstance(data, list) else f"a JSON {_json_type(data)}"
        raise RequestRefused(BAD_REQUEST_SHAPE, f"a GraphQL request is a JSON object with a query string, not {kind}")
    for name, (kind, described) in _MEMBERS.items():
        value = data.get(name)
        if value is not None and not isinstance(value, kind):
            raise RequestRefused(BAD_REQUEST_SHAPE, f"`{name}` must be {described} or null, not a JSON "
                                                    f"{_json_type(value)}")
    if post and not data.get("query"):
        raise RequestRefused(BAD_REQUEST_SHAPE, "the request has no query")
    return data


def check_query_string(query_string: bytes) -> None:
    """Refuse a GraphQL GET whose query string cannot be decoded exactly.

    The parameters are percent-decoded strictly (a stray ``%`` or bytes that are not UTF-8 are
    refused rather than replaced); ``variables`` and ``extensions`` must be JSON objects when the
    request holds a query (without one, the GET asks for GraphiQL's page).

    Raises
    ------
    RequestRefused
        ``INVALID_PERCENT_ENCODING``, ``INVALID_UTF8``, or a code of :func:`decode_json` or
        :func:`check_request`.

    Examples
    --------
    >>> check_query_string(b"query=%7B%20a%20%7D&variables=%7B%7D")
    >>> [_refusal_code(check_query_string, qs) for qs in (b"query=%ZZ", b"query=%ff", b"query=a&variables=3")]
    ['INVALID_PERCENT_ENCODING', 'INVALID_UTF8', 'BAD_REQUEST_SHAPE']
    """
    if _BAD_PERCENT.search(query_string):
        raise RequestRefused(INVALID_PERCENT_ENCODING, "the query string has a '%' not followed by two hexadecimal "
                                                       "digits")
    params: dict[str, Any] = {}
    for part in query_string.split(b"&"):
        name, _, value = part.partition(b"=")
        try:
            params[unquote_to_bytes(name.replace(b"+", b" ")).decode("utf-8")] = \
                unquote_to_bytes(value.replace(b"+", b" ")).decode("utf-8")
        except UnicodeDecodeError:
            raise RequestRefused(INVALID_UTF8, "a query-string parameter is not UTF-8 once percent-decoded") from None
    if "query" not in params:
        return
    for name in ("variables", "extensions"):
        if params.get(name):
            params[name] = decode_json(params[name], f"`{name}` parameter")
    check_request(params, post=False)


def _json_type(value: Any) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return {str: "string", list: "array", dict: "object"}.get(type(value), type(value).__name__)


def _refusal_code(check: Any, *args: Any) -> str | None:
    """The code a check refuses its arguments with, or None (for the examples)."""
    try:
        check(*args)
    except RequestRefused as refused:
        return refused.code
    return None


def _refusal_message(check: Any, *args: Any) -> str | None:
    """The message a check refuses its arguments with, or None (for the examples)."""
    try:
        check(*args)
    except RequestRefused as refused:
        return refused.message
    return None


__all__ = ["RequestGate", "check_query_string", "check_request", "decode_json"]
