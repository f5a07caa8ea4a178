"""IRIs from keys: every node's IRI is ``{base}id/{key}``; graphs live under ``id/graph/``.

Every IRI the project mints goes through :func:`iri`, which percent-encodes whatever a key
holds that an IRI may not (spaces, ``<>"{}|\\^``, the backtick, control and non-ASCII
characters, a second ``#``): rdflib's ``URIRef`` accepts such text silently and Oxigraph
then refuses the whole load. The encoding is injective and :func:`key_of` undoes it.
"""

from __future__ import annotations

import re
from urllib.parse import quote, unquote

from rdflib import URIRef

from evidence_graph.graph.vocabulary import ID

REGISTRY_GRAPH_KEY = "graph/registry"
VOCABULARY_GRAPH_KEY = "graph/vocabulary"


#: Characters kept as they are: RFC 3986 unreserved and sub-delims, ``:``, ``@`` and ``/``
#: (so every key minted from a slug is its own IRI path). ``%`` is not among them, so an
#: encoded key can never be mistaken for another key.
_KEPT = "-._~!$&'()*+,;=:@/"
_SAFE_KEY = re.compile(rf"[A-Za-z0-9{re.escape(_KEPT)}]*(?:#[A-Za-z0-9{re.escape(_KEPT)}]*)?")


def safe_key(key: str) -> str:
    """A key with every character an IRI may not hold percent-encoded (UTF-8).

    The first ``#`` starts the fragment and is kept; any later one is encoded.

    Parameters
    ----------
    key : str
        Any text.

    Returns
    -------
    str
        ``key`` itself when it is already safe (every slug-made key is).

    Examples
    --------
    >>> safe_key("meeting/x/30 January 2014"), safe_key("doc/a#para_2"), safe_key("a#b#c")
    ('meeting/x/30%20January%202014', 'doc/a#para_2', 'a#b%23c')
    >>> safe_key("café <1>|100%")
    'caf%C3%A9%20%3C1%3E%7C100%25'
    """
    if _SAFE_KEY.fullmatch(key):
        return key
    path, hash_mark, fragment = key.partition("#")
    return quote(path, safe=_KEPT) + hash_mark + quote(fragment, safe=_KEPT)


def iri(key: str) -> URIRef:
    """The IRI of a node key; the one way an IRI is made from a key (see :func:`safe_key`).

    Parameters
    ----------
    key : str
        A node key (``person/thom-wilson``); any text gives a valid IRI.

    Returns
    -------
    URIRef

    Examples
    --------
    >>> str(iri("person/thom-wilson"))
    'http://127.0.0.1:8000/id/person/thom-wilson'
    >>> str(iri("meeting/x/TBC {draft}"))
    'http://127.0.0.1:8000/id/meeting/x/TBC%20%7Bdraft%7D'
    """
    return URIRef(f"{ID}{safe_key(key)}")


def key_of(node: str) -> str | None:
    """The key of an IRI minted here, or None for a foreign IRI.

    Examples
    --------
    >>> key_of("http://127.0.0.1:8000/id/org/gb-lae-ken")
    'org/gb-lae-ken'
    >>> key_of("https://schema.org/Person") is None
    True
    >>> key_of(str(iri("a b#c#d")))
    'a b#c#d'
    """
    if not node.startswith(str(ID)):
        return None
    key = node[len(str(ID)):]
    return unquote(key) if "%" in key else key


def document_graph(doc_key: str) -> URIRef:
    """Named graph holding a document's assertions."""
    return iri(f"graph/doc/{doc_key}")


def graph_document(graph: str) -> str | None:
    """The document whose assertions a named graph holds, or None for another graph.

    Examples
    --------
    >>> graph_document("http://127.0.0.1:8000/id/graph/doc/c/2014-minutes")
    'http://127.0.0.1:8000/id/doc/c/2014-minutes'
    >>> graph_document(str(registry_graph())) is None
    True
    """
    key = key_of(graph)
    return str(iri(key.removeprefix("graph/"))) if key is not None and key.startswith("graph/doc/") else None


def document_graph_of(document: str) -> str:
    """The named graph holding a document's facts (a part of a pack: the pack's graph).

    Examples
    --------
    >>> document_graph_of("http://127.0.0.1:8000/id/doc/c/2014-agenda/part/agenda")
    'http://127.0.0.1:8000/id/graph/doc/c/2014-agenda'
    """
    key = (key_of(document) or "").split("/part/")[0]
    return str(document_graph(key.removeprefix("doc/")))


def provenance_graph(doc_key: str) -> URIRef:
    """Named graph holding a document's provenance record."""
    return iri(f"graph/prov/doc/{doc_key}")


def registry_graph() -> URIRef:
    """Named graph of canonical entities, aliases and concept schemes."""
    return iri(REGISTRY_GRAPH_KEY)


def vocabulary_graph() -> URIRef:
    """Named graph holding the ``eg:`` vocabulary (labels for browsing)."""
    return iri(VOCABULARY_GRAPH_KEY)
