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

from graph.vocabulary import SCHEMA

#: BM25 column weights: a hit in a name counts more than one in an alias or a passage.
WEIGHTS = (10.0, 5.0, 1.0)
#: Scores of nodes that describe documents and records rather than the world are scaled down, so
#: that "stepahead" finds the organisation before the submission titled with its name.
TYPE_BOOST = {"Document": 0.9, "AgendaItem": 0.9, "Membership": 0.6, "Contribution": 0.6, "Claim": 0.8,
              "Concept": 0.7, "ConceptScheme": 0.7, "Role": 0.7}


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

    Examples
    --------
    >>> fts_query('TUPE "costs')
    '"tupe" "costs"*'
    >>> fts_query("  ") is None
    True
    """
    words = re.findall(r"\w+", text.lower())
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


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
        """Ranked hits for ``text``, optionally restricted to node types."""
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
        """How many nodes match ``text``."""
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
