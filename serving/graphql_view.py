"""The GraphQL view: Strawberry's ASGI view with the GraphQL-over-HTTP media types, a per-request
context on the snapshot the request started on, direct answers for prepared queries, errors as
GraphQL errors with a code, and our GraphiQL page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import orjson
import strawberry
from cross_web import HTTPException
from graphql import ExecutionResult as GraphQLExecutionResult
from graphql import execute
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.types import Receive, Scope, Send
from strawberry.asgi import GraphQL
from strawberry.execution.is_awaitable import optimized_is_awaitable
from strawberry.http import GraphQLHTTPResponse, process_result
from strawberry.schema.exceptions import CannotGetOperationTypeError, InvalidOperationTypeError
from strawberry.types import ExecutionResult

from evidence_graph.graph.vocabulary import BASE, DEFAULT_HOST, DEFAULT_PORT
from evidence_graph.schema.context import GraphState, RequestContext
from evidence_graph.schema.errors import OPERATION_NOT_FOUND
from evidence_graph.schema.prepared import PreparedDocuments
from evidence_graph.serving.error_log import log_client_errors
from evidence_graph.serving.http_errors import RequestRefused
from evidence_graph.serving.media_types import (
    GRAPHQL_RESPONSE,
    as_graphql_response,
    refusal_media_type,
    wants_graphql_response,
)

ROOT = Path(__file__).resolve().parent.parent
#: GraphiQL's page and the scripts and styles it loads (copies of npm packages; see its README).
GRAPHIQL = ROOT / "static" / "graphiql"
#: The cookbook of analyst queries; the first one is GraphiQL's opening query.
COOKBOOK = ROOT / "docs" / "queries"
#: The members of a GraphQL-over-HTTP request body.
_REQUEST_KEYS = frozenset({"query", "variables", "operationName", "extensions"})


def cookbook_queries(cookbook: Path = COOKBOOK, base: str = BASE) -> list[tuple[Path, str]]:
    """The cookbook's queries in order, their IRIs under this server's base.

    The files spell IRIs under the default base (``http://127.0.0.1:8000/``, where ``make run``
    serves); a server under another base (``EVIDENCE_GRAPH_BASE``, ``--port``) offers them with its
    own, so that each query still finds what it names.

    Parameters
    ----------
    cookbook : Path
        The folder of ``*.graphql`` files.
    base : str
        The base of the served IRIs.

    Returns
    -------
    list of (Path, str)

    Examples
    --------
    >>> queries = cookbook_queries(base="https://evidence.example.gov.uk/")
    >>> len(queries), any("127.0.0.1:8000" in text for _, text in queries)
    (8, False)
    >>> "https://evidence.example.gov.uk/id/org/stepahead-support" in queries[4][1]
    True
    """
    default = f"http://{DEFAULT_HOST}:{DEFAULT_PORT}/id/"
    return [(path, path.read_text(encoding="utf-8").replace(default, f"{base}id/"))
            for path in sorted(cookbook.glob("*.graphql"))]


def graphiql_page(cookbook: Path = COOKBOOK) -> str:
    """GraphiQL's HTML page, opening on the first query of the cookbook, each query in a tab.

    Examples
    --------
    >>> page = graphiql_page()
    >>> "/graphiql/graphiql.min.js" in page, page.count('"query": "#')
    (True, 8)
    """
    queries = [text for _, text in cookbook_queries(cookbook)]
    query = queries[0] if queries else "{ entities(first: 10) { nodes { label } } }"

    def literal(value: object) -> str:
        # JSON is a JavaScript literal; "</" is escaped so a query cannot close the <script> element.
        return json.dumps(value).replace("</", "<\\/")

    page = (GRAPHIQL / "index.html").read_text(encoding="utf-8")
    return page.replace("{{DEFAULT_QUERY}}", literal(query)).replace(
        "{{COOKBOOK_TABS}}", literal([{"query": text} for text in queries] or [{"query": query}]))


class EvidenceGraphQL(GraphQL):
    """Strawberry's ASGI view with GraphQL-over-HTTP media types, a per-request context, direct
    answers for prepared queries and our GraphiQL page (answers are cached by
    :class:`serving.response_cache.CachedAnswers` in front of it, requests checked by
    :class:`serving.request_gate.RequestGate` before that)."""

    def __init__(self, schema: strawberry.Schema, state: GraphState,
                 prepared: PreparedDocuments | None = None, writer: Any = None) -> None:
        super().__init__(schema, graphql_ide="graphiql", allow_queries_via_get=True)
        self.state = state
        self.writer = writer
        self.prepared = prepared
        self.answered_directly = 0
        self.graphiql_html = graphiql_page()

    async def render_graphql_ide(self, request: Request) -> Response:  # type: ignore[override]
        return HTMLResponse(self.graphiql_html)

    def encode_json(self, data: object) -> bytes:  # type: ignore[override]
        return orjson.dumps(data)

    def decode_json(self, data: str | bytes) -> object:
        # The decoder the request gate checked the request with: what passed it decodes here too
        # (the standard library's would recurse into JSON nested 1,024 deep).
        return orjson.loads(data)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await super().__call__(scope, receive, send)
            return
        request = Request(scope, receive)
        response = await self._answer_directly(request) if self.prepared is not None else None
        if response is None:
            try:
                response = await self.run(request)
            except HTTPException as error:
                # Strawberry refuses an operationName that names no operation before GraphQL runs.
                code = OPERATION_NOT_FOUND if isinstance(error.__cause__, CannotGetOperationTypeError) else None
                # GraphQL over HTTP: a mutation sent with GET is 405 Method Not Allowed (Strawberry says 400).
                status = 405 if isinstance(error.__cause__, InvalidOperationTypeError) else error.status_code
                await RequestRefused.for_status(status, error.reason, code).send(
                    send, refusal_media_type(request.headers.get("accept", "")))
                return
        await response(scope, receive, send)
        errors = getattr(request.state, "errors", None)
        if errors:
            log_client_errors(response.status_code, errors)

    async def _answer_directly(self, request: Request) -> Response | None:
        """Answer a POSTed JSON query whose document is prepared (valid, queries only) by executing
        it straight away, without Strawberry's HTTP view and its per-request extension machinery.

        Returns None to leave the request to the view: GET, other media types or bodies, documents
        that are not prepared, and request errors (variables, operation name), whose status and
        body the view gives as GraphQL over HTTP requires.
        """
        assert self.prepared is not None
        params = getattr(request.state, "params", None)  # decoded and checked by the request gate
        if request.method != "POST" or params is None or \
                request.headers.get("content-type", "").split(";", 1)[0].strip() != "application/json":
            return None
        accept = request.headers.get("accept", "")
        graphql_response = wants_graphql_response(accept)
        if accept and not graphql_response and "application/json" not in accept and "*/*" not in accept:
            return None
        if not params.keys() <= _REQUEST_KEYS or params.get("extensions") is not None:
            return None
        query, variables, operation = params.get("query"), params.get("variables"), params.get("operationName")
        document = self.prepared.get(query)
        if document is None:
            return None
        result = execute(self.schema._schema, document, context_value=await self.get_context(request, None),
                         variable_values=variables, operation_name=operation,
                         executor_class=self.schema.execution_context_class, is_awaitable=optimized_is_awaitable)
        if optimized_is_awaitable(result):
            result = await result
        if is_request_error(result):
            return None
        body: dict[str, Any] = {"data": result.data}
        if result.errors:
            self.schema.process_errors(result.errors)
            body["errors"] = [error.formatted for error in result.errors]
        request.state.had_errors = bool(result.errors)
        request.state.errors = result.errors
        self.answered_directly += 1
        response = Response(orjson.dumps(body), media_type="application/json")
        if graphql_response:
            as_graphql_response(response)
        return response

    async def get_context(self, request: Any, response: Any) -> RequestContext:  # type: ignore[override]
        snapshot = getattr(request.state, "snapshot", None) or self.state.snapshot
        return RequestContext(snapshot=snapshot, request=request, response=response, writer=self.writer)

    async def get_sub_response(self, request: Any) -> Response:
        sub = await super().get_sub_response(request)
        request.state.accept = request.headers.get("accept", "")
        return sub

    async def process_result(self, request: Any, result: ExecutionResult) -> GraphQLHTTPResponse:
        data = process_result(result)
        request.state.had_errors = bool(result.errors)
        request.state.errors = result.errors
        request.state.request_error = is_request_error(result)
        # GraphQL over HTTP: a request error (parse, validation, variables) has no `data` under the
        # spec's media type.
        if request.state.request_error and GRAPHQL_RESPONSE in request.state.accept:
            data.pop("data", None)
        return data

    async def run(self, request: Any, context: Any = strawberry.UNSET, root_value: Any = strawberry.UNSET) -> Any:
        response = await super().run(request, context, root_value)
        if isinstance(request, Request) and isinstance(response, Response) \
                and wants_graphql_response(getattr(request.state, "accept", "")) \
                and response.media_type == "application/json":
            as_graphql_response(response)
            if getattr(request.state, "request_error", False) and response.status_code == 200:
                response.status_code = 400
        return response


def is_request_error(result: ExecutionResult | GraphQLExecutionResult) -> bool:
    """Whether a result holds only errors of the request (parse, validation, variables): no data
    and no error located at a field."""
    return bool(result.data is None and result.errors and all(not e.path for e in result.errors))


__all__ = ["COOKBOOK", "GRAPHIQL", "EvidenceGraphQL", "cookbook_queries", "graphiql_page", "is_request_error"]
