"""Speaker attribution: who speaks in a passage, who wrote a part, who a minutes record is of."""

from __future__ import annotations

from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.names import parse_person_name
from evidence_graph.loaders.resolution.entities import EntityResolver
from evidence_graph.loaders.resolution.keys import post_slug
from evidence_graph.loaders.resolution.state import DocumentResolution


class SpeakerAttribution:
    """The entity that speaks in each block of a document (docs/MODEL.md §3 Passage).

    A block's own "speaker" field names a person (or a post with one holder in the cast); a
    witness's answer is the minutes' witness; the committee speaks for itself; a written
    submission or biography speaks for its subject, an officer report for its author.

    Parameters
    ----------
    doc : DocumentResolution
    entities : EntityResolver
        Resolves the names found.

    Examples
    --------
    >>> from evidence_graph.graph.entities import Registry
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.structure import parse_document
    >>> parsed = parse_document(Document("n.txt", "d", "The Chair opened the meeting.", "0"))
    >>> doc = DocumentResolution(parsed, [], CorpusContext(), Registry(), ())
    >>> SpeakerAttribution(doc, EntityResolver(doc)).speaker_of(parsed.blocks[0]) is None
    True
    """

    def __init__(self, doc: DocumentResolution, entities: EntityResolver) -> None:
        self.doc = doc
        self.entities = entities

    def speaker_of(self, block: Block) -> str | None:
        """The entity that speaks in ``block``, or None (the clerk's narrative)."""
        speaker = block.field("speaker")
        if speaker is not None:
            if parse_person_name(speaker.value) is None:
                return self.post_holder(speaker.value)
            return self.entities.person(speaker.value)[0]
        part = self.doc.parsed.parts[block.part]
        if block.role == "witness":
            return self.minutes_witness(block.part)
        if block.role == "committee":
            return self.doc.committee
        if block.role == "author" or (part.kind == "biography" and block.kind != "heading"):
            if part.kind in ("written-evidence", "biography") and part.subject:
                return self.entities.organisation(part.subject)
            if part.kind == "officer-report":
                return self.report_author(block.part)
        return None

    def post_holder(self, title: str) -> str | None:
        """The one cast member who holds a post ("the Licensing Manager").

        docs/MODEL.md §7.2 step 3: a role description resolves only to a single holder. "The
        Chairman thanked …" stays the clerk's narrative: the chair is not a stated post.
        """
        wanted = post_slug(title)
        holders = [m for m in self.doc.context.cast if m.post and post_slug(m.post) == wanted]
        if len(holders) != 1:
            return None
        return self.entities.person_entity(holders[0].name, holders[0].surface)

    def minutes_witness(self, part_index: int) -> str | None:
        """The witness a minutes part records ("Interview with Name, Post")."""
        for block in self.doc.parsed.blocks_in(part_index):
            if block.kind == "title" and block.field("person"):
                return self.entities.person(block.field("person").value)[0]
        return None

    def report_author(self, part_index: int) -> str | None:
        """The officer who wrote a report part (its header or signature)."""
        for block in self.doc.parsed.blocks_in(part_index):
            if block.kind in ("memo-header", "signature") and block.field("person"):
                return self.entities.person(block.field("person").value)[0]
        return None

    def author_org(self, part_index: int) -> str | None:
        """The organisation a written submission or biography is from (its part subject)."""
        part = self.doc.parsed.parts[part_index]
        if part.kind in ("written-evidence", "biography") and part.subject:
            return self.entities.organisation(part.subject)
        return None
