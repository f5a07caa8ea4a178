"""Stage 4 types: resolved facts, each with the span of text it was read from."""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import URIRef

from evidence_graph.loaders.blocks import ParsedDocument
from evidence_graph.loaders.mentions import Mention


@dataclass(frozen=True)
class Ref:
    """A reference to a node by key (an IRI path relative to ``{base}id/``)."""

    key: str


@dataclass(frozen=True)
class Value:
    """A literal: ``datatype`` is an XSD local name (``date``, ``decimal`` …) or None."""

    value: str
    datatype: str | None = None
    language: str | None = None


#: Object of a fact that stands for the quote segment of the fact's own evidence span
#: (``prov:wasQuotedFrom`` on figures and claims).
SEGMENT = Ref("#segment")


@dataclass(frozen=True)
class Fact:
    """``subject predicate object``, with the evidence span it was read from, if any.

    Attributes
    ----------
    subject : str
        Key of the subject node.
    predicate : URIRef
        A term from :mod:`graph.vocabulary`.
    object : Ref, Value or URIRef
        A node, a literal, or a vocabulary term (a class, for ``rdf:type``).
    evidence : tuple of (int, int) or None
        ``[start, end)`` of the supporting quote in the document text.
    block : int or None
        Index of the block (passage) holding the quote.
    """

    subject: str
    predicate: URIRef
    object: Ref | Value | URIRef
    evidence: tuple[int, int] | None = None
    block: int | None = None


@dataclass(frozen=True)
class Annotation:
    """A mention linked to the entity it names (``entity`` None when unresolved)."""

    mention: Mention
    entity: str | None
    confidence: float
    method: str


@dataclass
class ResolvedDocument:
    """The output of resolution for one document.

    Attributes
    ----------
    parsed : ParsedDocument
    key : str
        The document key (``doc/{key}`` is its IRI path).
    facts : list of Fact
    annotations : list of Annotation
    passages : dict
        Block index → passage key.
    loader : str
        Name of the loader that read it (provenance).
    dropped : list of str
        Facts and mentions left out of the graphs because their evidence is no span of the
        text (one line each, for the build report and the document's provenance).
    """

    parsed: ParsedDocument
    key: str
    facts: list[Fact] = field(default_factory=list)
    annotations: list[Annotation] = field(default_factory=list)
    passages: dict[int, str] = field(default_factory=dict)
    loader: str = "committee-papers-loader"
    dropped: list[str] = field(default_factory=list)
