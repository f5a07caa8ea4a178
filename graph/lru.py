"""One bounded, byte-counted LRU cache for every cache of the project (answers, parsed and
validated documents, query plans, algorithm results).

A cache that keeps whole request texts as keys, or counts only its values, grows without bound
under hostile traffic: here every entry is charged for its key and its value, and keys that
come from requests are digests (:func:`digest`), so an entry's cost does not grow with the
request that made it.
"""

from __future__ import annotations

import hashlib
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

Key = TypeVar("Key", bound=Hashable)
Value = TypeVar("Value")

#: Bytes charged for an entry besides its key and value (the dict slot and the list node).
ENTRY_OVERHEAD = 120


def digest(*parts: bytes | str | None) -> bytes:
    """A 32-byte digest of request parts, to key a cache by a request of any size.

    Parts are length-prefixed, so ``("ab", "c")`` and ``("a", "bc")`` differ; ``None`` differs
    from the empty string.

    Examples
    --------
    >>> digest("ab", "c") == digest("a", "bc"), len(digest("x" * 1_000_000))
    (False, 32)
    >>> digest(None) == digest("")
    False
    """
    hasher = hashlib.blake2b(digest_size=32)
    for part in parts:
        if part is None:
            hasher.update(b"\xff")
            continue
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        hasher.update(len(data).to_bytes(8, "big"))
        hasher.update(data)
    return hasher.digest()


def key_size(key: Hashable) -> int:
    """Approximate bytes held by a key (tuples summed over their members)."""
    if isinstance(key, tuple):
        return sys.getsizeof(key) + sum(key_size(part) for part in key)
    return sys.getsizeof(key)


class BoundedLRU(Generic[Key, Value]):
    """A thread-safe LRU cache bounded in entries and in bytes (keys and values both counted).

    Parameters
    ----------
    max_entries : int
        Most entries kept; 0 keeps nothing.
    max_bytes : int
        Most bytes kept, keys, values and :data:`ENTRY_OVERHEAD` counted; the least recently used
        entries go first beyond it.
    max_entry_bytes : int, optional
        An entry larger than this is not kept at all (default: ``max_bytes``).
    sizeof : callable, optional
        Bytes of a value (default ``sys.getsizeof``, which counts a container shallowly: pass a
        measure that fits the values).

    Examples
    --------
    >>> cache = BoundedLRU(max_entries=10, max_bytes=1_000, sizeof=len)
    >>> for name in "abc":
    ...     _ = cache.put(name, "x" * 200)
    >>> [cache.get(name) is not None for name in "abc"], len(cache)
    ([False, True, True], 2)
    >>> cache.put("huge", "x" * 10_000), cache.get("huge") is None
    (False, True)
    """

    def __init__(self, max_entries: int, max_bytes: int, max_entry_bytes: int | None = None,
                 sizeof: Callable[[Value], int] = sys.getsizeof) -> None:
        self.max_entries = max_entries
        self.max_bytes = max_bytes
        self.max_entry_bytes = max_bytes if max_entry_bytes is None else max_entry_bytes
        self.sizeof = sizeof
        self.bytes = 0
        self.hits = 0
        self.misses = 0
        self._entries: OrderedDict[Key, tuple[Value, int]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Key) -> Value | None:
        """The value kept for ``key`` (now the most recently used), or None."""
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                self.misses += 1
                return None
            self._entries.move_to_end(key)
            self.hits += 1
            return found[0]

    def __contains__(self, key: object) -> bool:
        with self._lock:
            return key in self._entries

    def put(self, key: Key, value: Value, size: int | None = None) -> bool:
        """Keep ``value`` for ``key``; ``size`` overrides ``sizeof(value)``.

        Returns
        -------
        bool
            False if the entry alone is over the bounds and was not kept.
        """
        cost = (self.sizeof(value) if size is None else size) + key_size(key) + ENTRY_OVERHEAD
        if self.max_entries <= 0 or cost > self.max_entry_bytes or cost > self.max_bytes:
            return False
        with self._lock:
            replaced = self._entries.pop(key, None)
            if replaced is not None:
                self.bytes -= replaced[1]
            self._entries[key] = (value, cost)
            self.bytes += cost
            while len(self._entries) > self.max_entries or self.bytes > self.max_bytes:
                self.bytes -= self._entries.popitem(last=False)[1][1]
        return True

    def setdefault(self, key: Key, value: Value, size: int | None = None) -> Value:
        """The value already kept for ``key``, or ``value`` after keeping it (one answer for
        callers that computed the same thing concurrently)."""
        with self._lock:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found[0]
        self.put(key, value, size)
        return value

    def clear(self) -> None:
        """Drop every entry (counters stay)."""
        with self._lock:
            self._entries.clear()
            self.bytes = 0

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)

    def stats(self) -> dict[str, int]:
        """Entries, bytes, hits and misses (for ``/healthz``)."""
        with self._lock:
            return {"entries": len(self._entries), "bytes": self.bytes, "hits": self.hits, "misses": self.misses}


__all__ = ["ENTRY_OVERHEAD", "BoundedLRU", "digest", "key_size"]
