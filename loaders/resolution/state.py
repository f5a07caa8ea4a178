"""The one object every stage of resolution reads and writes: a document being resolved."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rdflib import URIRef

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.vocabulary import SKOS
from evidence_graph.loaders.blocks import ParsedDocument
from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.facts import Fact, Ref, ResolvedDocument, Value
from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.resolution.keys import authority_key, committee_key, host_scope, meeting_key

if TYPE_CHECKING:
    from evidence_graph.loaders.resolution.entities import EntityResolver
    from evidence_graph.loaders.resolution.speakers import SpeakerAttribution


@dataclass(frozen=True)
class FigureRecord:
    """A figure of any document of the build, for linking restatements."""

    key: str
    value: str | None
    about: str | None


class DocumentResolution:
    """A document under resolution: its parse, mentions and context, and the facts made so far.

    Fact extractors (:data:`loaders.resolution.extractors.FACT_EXTRACTORS`) each read it and add
    facts to :attr:`out`; :attr:`entities` turns names into registry keys and :attr:`speakers`
    says who speaks in a passage.

    Parameters
    ----------
    parsed : ParsedDocument
    mentions : list of Mention
    context : CorpusContext
        The meeting's authority, committee, date and cast.
    registry : Registry
        Canonical entities; updated in place.
    figures : iterable of FigureRecord
        Figures of the build's other documents, for restatements.

    Examples
    --------
    >>> from evidence_graph.graph.entities import Registry
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> parsed = parse_document(Document("n.txt", "d", "The Chair opened the meeting.", "0"))
    >>> doc = DocumentResolution(parsed, [], CorpusContext(), Registry(), ())
    >>> doc.doc_key, doc.authority, doc.meeting
    ('doc/d', None, None)
    """

    entities: EntityResolver
    speakers: SpeakerAttribution

    def __init__(self, parsed: ParsedDocument, mentions: list[Mention], context: CorpusContext,
                 registry: Registry, figures: Iterable[FigureRecord]) -> None:
        self.parsed = parsed
        self.text = parsed.document.text
        self.mentions = mentions
        self.context = context
        self.registry = registry
        self.peer_figures = list(figures)
        self.doc_key = f"doc/{parsed.document.key}"
        self.out = ResolvedDocument(parsed, parsed.document.key)
        self.authority = authority_key(context)
        #: The host authority, else an unknown body of these papers alone: the owner of the
        #: committees, units and posts the papers name.
        self.host_scope = host_scope(context, parsed.document.key)
        self.committee = committee_key(context, parsed.document.key)
        self.meeting = meeting_key(context, parsed.document.key)
        self.by_block: dict[int, list[Mention]] = {}
        for mention in mentions:
            self.by_block.setdefault(mention.block, []).append(mention)
        #: The key of each part of the document (the document's own key when it has one part).
        self.part_keys: list[str] = []
        #: The agenda item at which each person, and each organisation's witness, gave evidence.
        self.item_by_person: dict[str, str] = {}
        self.item_by_org: dict[str, str] = {}

    def text_value(self, text: str, block: int | None = None) -> Value:
        """Words of the document as a literal with their language: the block's (``cy`` for a
        Welsh block), else the document's (``en``, or none for a paper in another language)."""
        language = self.parsed.blocks[block].language if block is not None else None
        return Value(text, language=language or self.parsed.language)

    def fact(self, subject: str, predicate: URIRef, obj: Ref | Value | URIRef | str,
             evidence: tuple[int, int] | None = None, block: int | None = None) -> None:
        """Add ``subject predicate obj``; a plain string object is a node key."""
        if isinstance(obj, str) and not isinstance(obj, URIRef):
            obj = Ref(obj)
        self.out.facts.append(Fact(subject, predicate, obj, evidence, block))

    def label(self, subject: str, text: str, predicate: URIRef = SKOS.prefLabel) -> None:
        """Add a label of ``subject``."""
        self.fact(subject, predicate, Value(text))

    def tor_scheme(self) -> str:
        """Key of the concept scheme of the meeting's terms of reference."""
        committee = (self.committee or f"committee/{self.parsed.document.key}").split("/", 1)[1]
        return f"scheme/tor/{committee}"

    def theme_key(self, notation: str) -> str:
        """Key of the terms-of-reference theme with ``notation`` ("a", "b" …)."""
        return f"concept/tor/{self.tor_scheme().split('/', 2)[2]}/{notation}"
