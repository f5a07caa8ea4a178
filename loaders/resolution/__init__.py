"""Stage 4: resolution. Mentions become registry entities, and structure becomes facts.

Three jobs, each in its own module, all reading and writing one
:class:`~loaders.resolution.state.DocumentResolution`:

- **entity resolution** (:mod:`loaders.resolution.entities`): the registry entity each name
  stands for, scoped by the meeting's cast and host (docs/MODEL.md §7.2);
- **speaker attribution** (:mod:`loaders.resolution.speakers`): who speaks in each passage;
- **fact extraction**: the extractors registered by name in
  :data:`~loaders.resolution.extractors.FACT_EXTRACTORS` (meeting, document, passages, blocks,
  annotations, former names, figures, dated starts, claims), run in that order; the ``blocks``
  extractor runs the one registered in :data:`~loaders.resolution.extractors.BLOCK_FACT_EXTRACTORS`
  under each block's kind (attendance, agenda item, signature …).

A new kind of fact is a new registered extractor; a test runs one alone with
``FACT_EXTRACTORS.get(name)(doc)``.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Sequence

from evidence_graph.graph.entities import Registry
from evidence_graph.loaders.blocks import ParsedDocument
from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.facts import ResolvedDocument
from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.resolution.entities import FUZZY_CUTOFF, EntityResolver, seed_registry
from evidence_graph.loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS, FACT_EXTRACTORS
from evidence_graph.loaders.resolution.keys import (
    authority_key,
    committee_key,
    doc_type_key,
    meeting_key,
    meeting_name,
    place_key,
    post_slug,
    role_key,
)
from evidence_graph.loaders.resolution.speakers import SpeakerAttribution
from evidence_graph.loaders.resolution.state import DocumentResolution, FigureRecord

#: The modules that register the built-in extractors. Each places its own by name, next to one
#: registered before it (``before="blocks"``, ``after="annotations"`` …), so they load in this order.
_EXTRACTOR_MODULES = ("meeting", "parts", "passages", "agenda", "memberships", "services", "submissions", "terms",
                      "annotations", "former_names", "figure_facts", "dated_starts", "claims")
for _module in _EXTRACTOR_MODULES:
    importlib.import_module(f".{_module}", __name__)

__all__ = ["BLOCK_FACT_EXTRACTORS", "FACT_EXTRACTORS", "FUZZY_CUTOFF", "DocumentResolution", "EntityResolver",
           "FigureRecord", "SpeakerAttribution", "authority_key", "committee_key", "doc_type_key",
           "meeting_key", "meeting_name", "open_document", "place_key", "post_slug", "resolve_document",
           "role_key", "seed_registry"]


def open_document(parsed: ParsedDocument, mentions: list[Mention], context: CorpusContext,
                  registry: Registry, figures: Iterable[FigureRecord] = ()) -> DocumentResolution:
    """A document ready for fact extraction, with its entity resolver and speaker attribution.

    Parameters are those of :func:`resolve_document`.

    Returns
    -------
    DocumentResolution
        No facts yet; run extractors on it (``FACT_EXTRACTORS.get("meeting")(doc)``).

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> parsed = parse_document(Document("n.txt", "d", "The Chair opened the meeting.", "0"))
    >>> doc = open_document(parsed, [], CorpusContext(), Registry())
    >>> doc.out.facts
    []
    """
    doc = DocumentResolution(parsed, mentions, context, registry, figures)
    doc.entities = EntityResolver(doc)
    doc.speakers = SpeakerAttribution(doc, doc.entities)
    return doc


def resolve_document(parsed: ParsedDocument, mentions: list[Mention], context: CorpusContext,
                     registry: Registry, figures: Iterable[FigureRecord] = (),
                     extractors: Sequence[str] | None = None) -> ResolvedDocument:
    """Resolve a document's mentions and structure into facts with evidence.

    Parameters
    ----------
    parsed : ParsedDocument
        From :func:`loaders.structure.parse_document`.
    mentions : list of Mention
        From :func:`loaders.mentions.find_mentions`.
    context : CorpusContext
        The build's authority, committee, meeting and cast.
    registry : Registry
        Canonical entities; updated in place with new names and proposals.
    figures : iterable of FigureRecord, optional
        Figures of the other documents of the build, for restatements.
    extractors : sequence of str, optional
        Names of the fact extractors to run, in this order (default: all registered, in theirs).

    Returns
    -------
    ResolvedDocument

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> parsed = parse_document(Document("n.txt", "d", "Councillor Ann Lee chaired the meeting.", "0"))
    >>> context = CorpusContext()
    >>> resolved = resolve_document(parsed, find_mentions(parsed, context), context, Registry(),
    ...                             extractors=["document", "passages", "annotations"])
    >>> [a.entity for a in resolved.annotations if a.mention.kind == "person"]
    ['person/ann-lee']
    """
    doc = open_document(parsed, mentions, context, registry, figures)
    for name in extractors if extractors is not None else FACT_EXTRACTORS.names():
        FACT_EXTRACTORS.get(name)(doc)
    return doc.out
