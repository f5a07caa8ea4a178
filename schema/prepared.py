"""Query documents parsed and validated once: what lets the server run a known query without
Strawberry's per-request pipeline.

:class:`PreparedDocuments` parses a query text with the token limit and validates it with the
rules Strawberry applies (graphql-core's specified rules and Strawberry's own) plus our limits,
then keeps the document. Only documents that pass, and whose operations are all queries, are
kept as prepared: anything else is left to Strawberry's full pipeline, which reports the errors.
Documents are kept in a :class:`graph.lru.BoundedLRU` keyed by a digest of the query text and
charged for their size (:func:`schema.caches.document_size`), so no query text is kept as a key.
"""

from __future__ import annotations

import strawberry
from graphql import DocumentNode, GraphQLError, OperationDefinitionNode, OperationType, parse, specified_rules
from strawberry.schema.schema import validate_document

from evidence_graph.graph.lru import BoundedLRU, digest
from evidence_graph.schema.caches import DEFAULT_DOCUMENT_BYTES, document_size
from evidence_graph.schema.limits import QueryLimits, limit_rules, validation_key

#: Bytes charged for remembering that a query text is not prepared (the digest key is counted apart).
_NOT_PREPARED_BYTES = 16


def _prepared_size(document: DocumentNode | bool) -> int:
    return document_size(document) if isinstance(document, DocumentNode) else _NOT_PREPARED_BYTES


class PreparedDocuments:
    """Valid query documents by query text (at most ``limits.cache_size`` texts and ``max_bytes``).

    Parameters
    ----------
    schema : strawberry.Schema
        The schema the documents are validated against.
    limits : QueryLimits
        Token, depth, alias and cost limits, as the schema's extensions enforce them.
    max_bytes : int, optional
        Most bytes of documents kept.

    Examples
    --------
    >>> from evidence_graph.schema import build_schema
    >>> prepared = PreparedDocuments(build_schema(), QueryLimits())
    >>> prepared.get("{ __typename }") is not None, prepared.get("{ nope }"), prepared.get("{")
    (True, None, None)
    >>> prepared.cache.stats()["entries"]
    3
    """

    def __init__(self, schema: strawberry.Schema, limits: QueryLimits, max_bytes: int = DEFAULT_DOCUMENT_BYTES) -> None:
        self.schema = schema
        self.max_tokens = limits.max_tokens
        self.rules = (*specified_rules, *limit_rules(limits))
        #: False for a text remembered as not prepared, so that it is not parsed and validated again.
        self.cache: BoundedLRU[bytes, DocumentNode | bool] = BoundedLRU(limits.cache_size, max_bytes,
                                                                        sizeof=_prepared_size)

    def get(self, query: str) -> DocumentNode | None:
        """The parsed document of ``query`` if it is valid and holds only query operations, else None."""
        key = digest(query, validation_key())  # the cost rule reads the graph's size
        found = self.cache.get(key)
        if found is None:
            found = self.cache.setdefault(key, self._prepare(query) or False)
        return found or None

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
