"""Parsed and validated documents kept across requests, bounded in entries and in bytes.

Strawberry's ``ParserCache`` and ``ValidationCache`` keep whole query texts as keys of a
``functools.lru_cache`` bounded only in entries: 512 distinct 1 MB queries hold half a gigabyte.
The extensions here do the same work on :class:`graph.lru.BoundedLRU`: keyed by a digest of the
query text, each entry charged for the document it keeps (its nodes, tokens and source text, see
:func:`document_size`), so hostile query texts cannot grow memory beyond the budget.

Each factory (:class:`ParsedDocumentCache`, :class:`ValidatedDocumentCache`) holds one cache and
makes a fresh extension per request, as Strawberry expects of extension factories.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from graphql import DocumentNode, GraphQLError, parse
from graphql.language import Node
from strawberry.extensions import SchemaExtension

from evidence_graph.graph.lru import BoundedLRU, digest

#: Bytes of parsed documents a cache keeps by default (a typical document is 10-50 KB parsed).
DEFAULT_DOCUMENT_BYTES = 64_000_000


#: Bytes a parsed document holds per token: the token, its share of the nodes and their locations
#: (measured with tracemalloc on the cookbook's queries and a 4,000-token document: 370-490).
TOKEN_BYTES = 500


def document_size(document: Node) -> int:
    """Approximate bytes a parsed document keeps alive: its source text, and per token of the
    token list its locations point into, :data:`TOKEN_BYTES` (the token and its share of nodes).

    Counting tokens walks a linked list, far cheaper than measuring every node: the estimate is
    made once per document, on the request that parses it.

    Parameters
    ----------
    document : graphql.language.Node
        A parsed document, or any node of one (its location leads to the whole token list).

    Returns
    -------
    int
        Bytes (an estimate; a document parsed without locations is charged per node instead).

    Examples
    --------
    >>> small = document_size(parse("{ a }"))
    >>> padded = document_size(parse("{ a }" + " " * 100_000))
    >>> commented = document_size(parse("{ a } #" + "x" * 100_000))
    >>> 0 < small < 100_000 < padded < commented, document_size(parse("{ a b c }")) > small
    (True, True)
    """
    location = document.loc
    if location is None:
        return TOKEN_BYTES * _node_count(document)
    size = sys.getsizeof(location.source.body)
    token = location.start_token
    while token.prev is not None:
        token = token.prev
    while token is not None:
        # A comment or string token holds its own copy of its text: a padded document keeps it twice.
        value = token.value
        size += TOKEN_BYTES + (len(value) if value is not None and len(value) > TOKEN_BYTES else 0)
        token = token.next
    return size


def token_count(node: Node) -> int:
    """Tokens of the document a node was parsed from (0 without locations).

    Examples
    --------
    >>> token_count(parse("{ a b }"))  # <SOF> { a b } <EOF>
    6
    """
    location = node.loc
    if location is None:
        return 0
    token = location.start_token
    while token.prev is not None:
        token = token.prev
    count = 0
    while token is not None:
        count += 1
        token = token.next
    return count


def _node_count(node: Node) -> int:
    count, stack = 0, [node]
    while stack:
        current = stack.pop()
        count += 1
        for key in current.keys:
            value = getattr(current, key, None)
            if isinstance(value, Node):
                stack.append(value)
            elif isinstance(value, tuple | list):
                stack.extend(item for item in value if isinstance(item, Node))
    return count


def _validation_size(errors: list[GraphQLError]) -> int:
    # Errors point at nodes of their document: a kept error list keeps the document alive.
    size = sys.getsizeof(errors)
    for error in errors:
        size += sys.getsizeof(error) + sys.getsizeof(error.message)
        nodes = error.nodes or ()
        if nodes:
            size += document_size(nodes[0])
    return size


class ParsedDocumentCache:
    """A factory of parser-cache extensions sharing one bounded cache of parsed documents.

    Parameters
    ----------
    max_entries : int
        Most documents kept.
    max_bytes : int, optional
        Most bytes kept, each document counted by :func:`document_size`.

    Examples
    --------
    >>> import strawberry
    >>> @strawberry.type
    ... class Query:
    ...     a: int = 1
    >>> parsed = ParsedDocumentCache(max_entries=8)
    >>> schema = strawberry.Schema(query=Query, extensions=[parsed])
    >>> [schema.execute_sync("{ a }", root_value=Query()).data for _ in range(2)], parsed.cache.stats()["hits"]
    ([{'a': 1}, {'a': 1}], 1)
    """

    def __init__(self, max_entries: int, max_bytes: int = DEFAULT_DOCUMENT_BYTES) -> None:
        self.cache: BoundedLRU[bytes, DocumentNode] = BoundedLRU(max_entries, max_bytes, sizeof=document_size)

    def __call__(self) -> SchemaExtension:
        return _ParseFromCache(self.cache)


class _ParseFromCache(SchemaExtension):
    def __init__(self, cache: BoundedLRU[bytes, DocumentNode]) -> None:
        super().__init__()
        self.cache = cache

    def on_parse(self) -> Iterator[None]:
        context = self.execution_context
        query = context.query
        if query and context.graphql_document is None:
            options = context.parse_options
            key = digest(query, str(options.get("max_tokens")))
            document = self.cache.get(key)
            if document is None:
                # A syntax error propagates as it would from Strawberry's own parse; it is not kept.
                document = self.cache.setdefault(key, parse(query, **options))
            context.graphql_document = document
        yield


class ValidatedDocumentCache:
    """A factory of validation-cache extensions sharing one bounded cache of validation results.

    Results are keyed by a digest of the query text, the schema and the validation rules; an
    error list is charged for the document its errors point into.

    Parameters
    ----------
    max_entries : int
        Most results kept.
    max_bytes : int, optional
        Most bytes kept.

    Examples
    --------
    >>> import strawberry
    >>> @strawberry.type
    ... class Query:
    ...     a: int = 1
    >>> validated = ValidatedDocumentCache(max_entries=8)
    >>> schema = strawberry.Schema(query=Query, extensions=[validated])
    >>> [len(schema.execute_sync("{ b }").errors) for _ in range(2)], validated.cache.stats()["hits"]
    ([1, 1], 1)
    """

    def __init__(self, max_entries: int, max_bytes: int = DEFAULT_DOCUMENT_BYTES) -> None:
        self.cache: BoundedLRU[bytes, list[GraphQLError]] = BoundedLRU(max_entries, max_bytes,
                                                                       sizeof=_validation_size)

    def __call__(self) -> SchemaExtension:
        return _ValidateFromCache(self.cache)


class _ValidateFromCache(SchemaExtension):
    def __init__(self, cache: BoundedLRU[bytes, list[GraphQLError]]) -> None:
        super().__init__()
        self.cache = cache

    def on_validate(self) -> Iterator[None]:
        # Imported here as Strawberry's own ValidationCache does: strawberry.schema.schema imports
        # the extensions package.
        from strawberry.schema.schema import validate_document

        context = self.execution_context
        document = context.graphql_document
        if document is not None and context.query:
            rules = context.validation_rules
            key = digest(context.query, str(context.parse_options.get("max_tokens")),
                         repr((id(context.schema._schema), *map(id, rules))))
            errors = self.cache.get(key)
            if errors is None:
                errors = self.cache.setdefault(key, validate_document(context.schema._schema, document, rules))
            context.pre_execution_errors = errors
        yield


__all__ = ["DEFAULT_DOCUMENT_BYTES", "TOKEN_BYTES", "ParsedDocumentCache", "ValidatedDocumentCache", "document_size",
           "token_count"]
