"""Full-text search over entity names, aliases and passage text (SQLite FTS5, in memory).

Rebuilt with the views whenever the graph changes; ranked by BM25 with names weighted above
aliases and aliases above passage text.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from evidence_graph.graph.vocabulary import SCHEMA

#: BM25 column weights: a hit in a name counts more than one in an alias or a passage.
WEIGHTS = (10.0, 5.0, 1.0)
#: Scores of nodes that describe documents and records rather than the world are scaled down, so
#: that "stepahead" finds the organisation before the submission titled with its name.
TYPE_BOOST = {"Document": 0.9, "AgendaItem": 0.9, "Membership": 0.6, "Contribution": 0.6, "Claim": 0.8,
              "Concept": 0.7, "ConceptScheme": 0.7, "Role": 0.7}
#: Longest search text, and most words, accepted. FTS5's time grows with the square of the terms
#: of a query (2,000 one-letter words took 12 s); a name or a phrase is far below both.
MAX_SEARCH_CHARACTERS = 500
MAX_SEARCH_WORDS = 32
_WORD = re.compile(r"\w+")


class SearchTextError(ValueError):
    """A search text longer, or of more words, than the index searches for."""


class Searchable(Protocol):
    """What the index needs of a node record."""

    iri: str
    type: str
    label: str
    aliases: list[str]

    def value(self, predicate: object) -> str | None: ...


@dataclass(frozen=True)
class SearchHit:
    """One ranked hit: the node, its score (higher is better) and a highlighted snippet."""

    iri: str
    type: str
    score: float
    snippet: str
    field: str


def fts_query(text: str) -> str | None:
    """Turn user text into a safe FTS5 query: every word must match, the last as a prefix.

    Linear in the text, which is refused before it is read if longer than the limit.

    Parameters
    ----------
    text : str
        What the user typed; punctuation separates words and is otherwise ignored.

    Returns
    -------
    str or None
        The FTS5 query, or None if the text has no word.

    Raises
    ------
    SearchTextError
        If the text has more than :data:`MAX_SEARCH_CHARACTERS` characters or more than
        :data:`MAX_SEARCH_WORDS` words.

    Examples
    --------
    >>> fts_query('TUPE "costs')
    '"tupe" "costs"*'
    >>> fts_query("  ") is None
    True
    >>> fts_query("a " * 40)
    Traceback (most recent call last):
    ...
    evidence_graph.graph.search.SearchTextError: search text has 40 words; at most 32 are searched for: use fewer, ...
    """
    if len(text) > MAX_SEARCH_CHARACTERS:
        raise SearchTextError(f"search text has {len(text):,} characters; at most {MAX_SEARCH_CHARACTERS} are "
                              f"searched for: use fewer, more specific words")
    words = _WORD.findall(text.lower())
    if len(words) > MAX_SEARCH_WORDS:
        raise SearchTextError(f"search text has {len(words):,} words; at most {MAX_SEARCH_WORDS} are searched "
                              f"for: use fewer, more specific words")
    if not words:
        return None
    return " ".join(f'"{w}"' for w in words) + "*"


class SearchIndex:
    """An FTS5 index of node records.

    Examples
    --------
    >>> from dataclasses import dataclass, field
    >>> @dataclass
    ... class R:
    ...     iri: str; type: str; label: str; aliases: list = field(default_factory=list)
    ...     def value(self, p): return None
    >>> index = SearchIndex([R("urn:a", "Organisation", "Stepahead Support", ["Stepahead"])])
    >>> [h.iri for h in index.search("stepahead")]
    ['urn:a']
    """

    def __init__(self, records: Iterable[Searchable]) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute("CREATE VIRTUAL TABLE docs USING fts5(iri UNINDEXED, type UNINDEXED, "
                         "name, aliases, body, tokenize='unicode61 remove_diacritics 2')")
        rows = []
        for record in records:
            body = record.value(SCHEMA.text) or ""
            # A passage's label is the start of its text: index it once, as text.
            name = "" if body else record.label
            rows.append((record.iri, record.type, name, " | ".join(record.aliases), body))
        self._db.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)
        self.size = len(rows)

    def search(self, text: str, types: Iterable[str] | None = None, limit: int = 20,
               offset: int = 0) -> list[SearchHit]:
        """Ranked hits for ``text``, optionally restricted to node types.

        Raises
        ------
        SearchTextError
            If the text is over :data:`MAX_SEARCH_CHARACTERS` or :data:`MAX_SEARCH_WORDS`.
        """
        query = fts_query(text)
        if query is None:
            return []
        boost = " ".join(f"WHEN '{name}' THEN {value}" for name, value in TYPE_BOOST.items())
        sql = (f"SELECT iri, type, -bm25(docs, 0, 0, ?, ?, ?) * (CASE type {boost} ELSE 1.0 END) AS score, "
               "highlight(docs, 2, '[', ']'), highlight(docs, 3, '[', ']'), "
               "snippet(docs, 4, '[', ']', '…', 16) FROM docs WHERE docs MATCH ?")
        params: list[object] = [*WEIGHTS, query]
        wanted = list(types or [])
        if wanted:
            sql += f" AND type IN ({', '.join('?' for _ in wanted)})"
            params.extend(wanted)
        sql += " ORDER BY score DESC, iri LIMIT ? OFFSET ?"
        params.extend([limit, offset])
        with self._lock:
            rows = self._db.execute(sql, params).fetchall()
        hits = []
        for iri, kind, score, name, aliases, body in rows:
            if "[" in name:
                snippet, where = name, "name"
            elif "[" in aliases:
                snippet, where = aliases, "alias"
            else:
                snippet, where = body, "text"
            hits.append(SearchHit(iri, kind, round(float(score), 4), snippet, where))
        return hits

    def count(self, text: str, types: Iterable[str] | None = None) -> int:
        """How many nodes match ``text`` (refused as :meth:`search` refuses it)."""
        query = fts_query(text)
        if query is None:
            return 0
        sql = "SELECT COUNT(*) FROM docs WHERE docs MATCH ?"
        params: list[object] = [query]
        wanted = list(types or [])
        if wanted:
            sql += f" AND type IN ({', '.join('?' for _ in wanted)})"
            params.extend(wanted)
        with self._lock:
            return int(self._db.execute(sql, params).fetchone()[0])
