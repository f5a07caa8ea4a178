"""Relay connections with ``totalCount`` and keyset cursors.

A cursor names a position by the sort key of the item it points at (plus its IRI), never by
an offset, so a page boundary stays put when items are added before it.
"""

from __future__ import annotations

import base64
import bisect
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import total_ordering
from typing import Any, Generic, TypeVar

import strawberry

from evidence_graph.schema.errors import BadCursorError, QueryInputError, QueryLimitError

#: The most items one page may hold (``first``/``last`` above it are refused).
PAGE_CAP = 100
#: Items per page when neither ``first`` nor ``last`` is given.
DEFAULT_PAGE = 20
#: Longest cursor accepted: far above any key this API encodes, and short enough that decoding a
#: hostile one costs nothing (nor can it nest deeper than the JSON decoder's recursion limit).
MAX_CURSOR_LENGTH = 1_000

T = TypeVar("T")
Item = TypeVar("Item")


@strawberry.type(description="Where a page sits in the whole list (Relay).")
class PageInfo:
    has_next_page: bool
    has_previous_page: bool
    start_key: strawberry.Private[tuple[Any, ...] | None] = None
    end_key: strawberry.Private[tuple[Any, ...] | None] = None

    # Cursors are encoded only when asked for, like an edge's: a page of nested lists would
    # otherwise encode two per list whether the client reads them or not.
    @strawberry.field
    def start_cursor(self) -> str | None:
        return encode_cursor(self.start_key) if self.start_key is not None else None

    @strawberry.field
    def end_cursor(self) -> str | None:
        return encode_cursor(self.end_key) if self.end_key is not None else None


@strawberry.type(description="One item of a page, its cursor and, where the list is ranked, its score.")
class Edge(Generic[T]):
    node: T
    score: float | None = None
    #: The item's index in the whole list, and the list's sort keys by index (a key is computed
    #: when a cursor is asked for: cursors are rarely read).
    index: strawberry.Private[int] = 0
    keys: strawberry.Private[Sequence[tuple[Any, ...]]] = ()

    @strawberry.field(description="Opaque position of this item, for `after`/`before`.")
    def cursor(self) -> str:
        # Encoded only when asked for: most clients read the page's end cursor, not every edge's.
        return encode_cursor(self.keys[self.index])


@strawberry.type(description="A page of a list (Relay connection) with the size of the whole list.")
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int

    @strawberry.field(description="The items of this page, without their cursors.")
    def nodes(self) -> list[T]:
        return [edge.node for edge in self.edges]


@total_ordering
class Descending:
    """Wrap a sort-key value so that ascending order of wrappers is descending order of values."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Descending) and self.value == other.value

    def __lt__(self, other: Descending) -> bool:
        return bool(other.value < self.value)

    def __hash__(self) -> int:
        return hash(self.value)


def encode_cursor(key: Sequence[Any]) -> str:
    """An opaque cursor for a sort key.

    Examples
    --------
    >>> decode_cursor(encode_cursor(["abc", 3]))
    ['abc', 3]
    """
    raw = json.dumps([k.value if isinstance(k, Descending) else k for k in key], separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode_cursor(cursor: str) -> list[Any]:
    """The sort key inside a cursor.

    Parameters
    ----------
    cursor : str
        A cursor from :func:`encode_cursor`, or anything a client sends as one.

    Returns
    -------
    list
        The key's values: strings, numbers, booleans or nulls.

    Raises
    ------
    BadCursorError
        If the cursor was not made by :func:`encode_cursor`: too long, not base64 of JSON, not a
        list of plain values.

    Examples
    --------
    >>> decode_cursor(encode_cursor(["abc", 3]))
    ['abc', 3]
    >>> decode_cursor("bm90IGpzb24")
    Traceback (most recent call last):
    ...
    evidence_graph.schema.errors.BadCursorError: invalid cursor 'bm90IGpzb24': use a cursor from a page of this list
    """
    if len(cursor) > MAX_CURSOR_LENGTH:
        raise BadCursorError(f"invalid cursor of {len(cursor):,} characters (a cursor has at most "
                             f"{MAX_CURSOR_LENGTH:,}): use a cursor from a page of this list")
    try:
        padded = cursor + "=" * (-len(cursor) % 4)
        key = json.loads(base64.urlsafe_b64decode(padded.encode()))
    except (ValueError, UnicodeError, RecursionError):
        raise BadCursorError(_invalid(cursor, "use a cursor from a page of this list")) from None
    if not isinstance(key, list) or not all(v is None or isinstance(v, str | int | float) for v in key):
        raise BadCursorError(_invalid(cursor, "use a cursor from a page of this list"))
    return key


def _invalid(cursor: str, advice: str) -> str:
    shown = cursor if len(cursor) <= 80 else cursor[:80] + "…"
    return f"invalid cursor {shown!r}: {advice}"


def page_size(first: int | None, last: int | None, cap: int = PAGE_CAP) -> None:
    """Check ``first``/``last`` against the page cap.

    Raises
    ------
    QueryLimitError
        If either is negative or above the cap.
    """
    if (first is None or 0 <= first <= cap) and (last is None or 0 <= last <= cap):
        return  # the usual case, checked without a loop
    for name, value in (("first", first), ("last", last)):
        if value is not None and value < 0:
            raise QueryInputError(f"{name}: must not be negative (got {value})")
        if value is not None and value > cap:
            raise QueryLimitError(f"{name}: {value} is above the page cap of {cap}; page with `after` instead")


@dataclass(frozen=True)
class PageRequest:
    """The Relay page arguments of a field."""

    first: int | None = None
    after: str | None = None
    last: int | None = None
    before: str | None = None


def paginate(items: Sequence[Item], sort_key: Callable[[Item], tuple[Any, ...]], page: PageRequest,
             node: Callable[[Item], T], score: Callable[[Item], float | None] | None = None,
             cap: int = PAGE_CAP, keys: Sequence[tuple[Any, ...]] | None = None) -> Connection[T]:
    """One page of ``items`` (already in ``sort_key`` order) as a connection.

    Parameters
    ----------
    items : sequence
        The whole list, sorted ascending by ``sort_key`` (wrap values in :class:`Descending`
        for descending order). The last element of every key must be unique (an IRI).
    sort_key : callable
        The key of an item; cursors hold it.
    page : PageRequest
        ``first``/``after``/``last``/``before`` as given by the client.
    node : callable
        Turns an item into the GraphQL object of the edge.
    score : callable, optional
        The score shown on each edge (search rank, centrality).
    cap : int
        The most items a page may hold.
    keys : sequence of tuple, optional
        ``sort_key`` of every item, when already computed.

    Returns
    -------
    Connection

    Examples
    --------
    >>> items = ["a", "b", "c", "d"]
    >>> page = paginate(items, lambda s: (s,), PageRequest(first=2), str.upper)
    >>> [e.node for e in page.edges], page.page_info.has_next_page, page.total_count
    (['A', 'B'], True, 4)
    >>> after = paginate(items, lambda s: (s,), PageRequest(first=2, after=page.page_info.end_cursor()), str.upper)
    >>> [e.node for e in after.edges], after.page_info.has_next_page
    (['C', 'D'], False)
    """
    page_size(page.first, page.last, cap)
    if keys is None:
        # Every key is needed only to find a cursor's place; a page without one keys its own items.
        keys = [sort_key(item) for item in items] if page.after is not None or page.before is not None \
            else _LazyKeys(items, sort_key)
    start, stop = 0, len(items)
    if page.after is not None:
        start = bisect.bisect_right(keys, _key_from_cursor(page.after, keys))
    if page.before is not None:
        stop = max(start, bisect.bisect_left(keys, _key_from_cursor(page.before, keys)))
    first = page.first if page.first is not None or page.last is not None else DEFAULT_PAGE
    lo, hi = start, stop
    if first is not None:
        hi = min(hi, lo + first)
    if page.last is not None:
        lo = max(lo, hi - page.last)
    edges = [Edge(node=node(items[i]), score=score(items[i]) if score else None, index=i, keys=keys)
             for i in range(lo, hi)]
    # Whether items exist beyond this page on either side, whatever window after/before set.
    info = PageInfo(has_next_page=hi < len(items), has_previous_page=lo > 0,
                    start_key=keys[lo] if edges else None, end_key=keys[hi - 1] if edges else None)
    return Connection(edges=edges, page_info=info, total_count=len(items))


class _LazyKeys:
    """The sort keys of items, each computed when indexed (a page reads only its own)."""

    __slots__ = ("items", "sort_key")

    def __init__(self, items: Sequence[Any], sort_key: Callable[[Any], tuple[Any, ...]]) -> None:
        self.items = items
        self.sort_key = sort_key

    def __getitem__(self, index: int) -> tuple[Any, ...]:
        return self.sort_key(self.items[index])

    def __len__(self) -> int:
        return len(self.items)


def _key_from_cursor(cursor: str, keys: Sequence[tuple[Any, ...]]) -> tuple[Any, ...]:
    values = decode_cursor(cursor)
    if not keys:
        return tuple(values)  # nothing to compare with: any position is before the start
    template = keys[0]
    if len(values) != len(template) or not all(_same_kind(v, t) for v, t in zip(values, template, strict=True)):
        # A key of another list would compare with this one's values, or fail to (str < int).
        raise BadCursorError(_invalid(cursor, "it belongs to a list sorted another way"))
    return tuple(Descending(v) if isinstance(t, Descending) else v for v, t in zip(values, template, strict=True))


def _same_kind(value: Any, template: Any) -> bool:
    """Whether a cursor value compares with a key value as the key's own values do."""
    if isinstance(template, Descending):
        template = template.value
    if template is None or value is None:
        return template is None and value is None
    if isinstance(template, bool) or isinstance(value, bool):
        return isinstance(template, bool) and isinstance(value, bool)
    if isinstance(template, int | float):
        return isinstance(value, int | float)
    return type(value) is type(template)
