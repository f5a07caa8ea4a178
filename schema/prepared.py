"""Query documents parsed and validated once: what lets the server run a known query without
Strawberry's per-request pipeline.

:class:`PreparedDocuments` parses a query text with the token limit and validates it with the
rules Strawberry applies (graphql-core's specified rules and Strawberry's own) plus our limits,
then keeps the document. Only documents that pass, and whose operations are all queries, are
kept as prepared: anything else is left to Strawberry's full pipeline, which reports the errors.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

import strawberry
from graphql import DocumentNode, GraphQLError, OperationDefinitionNode, OperationType, parse, specified_rules
from strawberry.schema.schema import validate_document

from schema.limits import QueryLimits, limit_rules


class PreparedDocuments:
    """Valid query documents by query text (an LRU of ``limits.cache_size`` texts).

    Parameters
    ----------
    schema : strawberry.Schema
        The schema the documents are validated against.
    limits : QueryLimits
        Token, depth, alias and cost limits, as the schema's extensions enforce them.

    Examples
    --------
    >>> from schema import build_schema
    >>> prepared = PreparedDocuments(build_schema(), QueryLimits())
    >>> prepared.get("{ __typename }") is not None, prepared.get("{ nope }"), prepared.get("{")
    (True, None, None)
    """

    def __init__(self, schema: strawberry.Schema, limits: QueryLimits) -> None:
        self.schema = schema
        self.max_tokens = limits.max_tokens
        self.size = limits.cache_size
        self.rules = (*specified_rules, *limit_rules(limits))
        self._documents: OrderedDict[str, DocumentNode | None] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, query: str) -> DocumentNode | None:
        """The parsed document of ``query`` if it is valid and holds only query operations, else None."""
        with self._lock:
            if query in self._documents:
                self._documents.move_to_end(query)
                return self._documents[query]
        document = self._prepare(query)
        with self._lock:
            self._documents[query] = document
            while len(self._documents) > self.size:
                self._documents.popitem(last=False)
        return document

    def _prepare(self, query: str) -> DocumentNode | None:
        try:
            document = parse(query, max_tokens=self.max_tokens)
        except GraphQLError:
            return None
        if validate_document(self.schema._schema, document, self.rules):
            return None
        operations = [d for d in document.definitions if isinstance(d, OperationDefinitionNode)]
        if not operations or any(o.operation is not OperationType.QUERY for o in operations):
            return None
        return document


__all__ = ["PreparedDocuments"]
