"""Stage 2 types: a :class:`ParsedDocument` of typed blocks with ``[start, end)`` offsets.

Offsets count Python code points of :attr:`loaders.document.Document.text`, so
``document.text[block.start:block.end]`` is always the block's exact text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from evidence_graph.loaders.document import Document

#: Part kinds (sub-documents of a pack); each becomes a Document node with a doc-type concept.
PART_KINDS = ("agenda", "terms-of-reference", "biography", "written-evidence",
              "officer-report", "minutes", "generic")


@dataclass(frozen=True)
class Field:
    """A labelled value found inside a block, with its exact span (e.g. an agenda item's time)."""

    name: str
    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Block:
    """One typed structural unit of a document.

    Attributes
    ----------
    kind : str
        ``heading``, ``paragraph``, ``list-item``, ``numbered-paragraph``, ``question``,
        ``agenda-item``, ``membership``, ``meeting-header``, ``theme``, ``tor-question``,
        ``memo-header``, ``signature``, ``attendance``, ``decision`` …
    start, end : int
        The block's span in the document text (markup prefixes such as ``- `` excluded).
    body_start : int
        Where the prose starts after a number marker such as ``(8)`` and its padding.
    part : int
        Index of the part (sub-document) the block belongs to.
    number : str or None
        The printed number or letter (``"8"``, ``"a"``, ``"5"``).
    role : str or None
        Who speaks: ``witness``, ``committee``, ``narrative``, ``author``, ``chair``, or None.
    section : str or None
        The text of the nearest heading above the block.
    lead : str or None
        A bold lead-in (``TUPE``) or bold title (``Independent Foster Agency Framework``).
    fields : tuple of Field
        Labelled values inside the block (time, pages, person, post, organisation …).
    theme_notations : tuple of str
        Terms-of-reference themes the block sits under (``("e", "f")``).
    parent : int or None
        Index of a block this one belongs to (a sub-item of a numbered paragraph).
    answers : int or None
        Index of the question block this answer follows.
    item : int or None
        Index of the numbered minute item ("24. Housing Allocations Policy") the block sits
        under, in minutes that number their items rather than their paragraphs.
    language : str or None
        ``"cy"`` for a block written in Welsh (bilingual papers), else None (English): English
        name rules do not apply to it.
    """

    kind: str
    start: int
    end: int
    part: int
    body_start: int = -1
    number: str | None = None
    role: str | None = None
    section: str | None = None
    lead: str | None = None
    fields: tuple[Field, ...] = ()
    theme_notations: tuple[str, ...] = ()
    parent: int | None = None
    answers: int | None = None
    level: int = 0
    item: int | None = None
    language: str | None = None

    @property
    def body(self) -> int:
        """Start of the prose (after any number marker)."""
        return self.body_start if self.body_start >= 0 else self.start

    def field(self, name: str) -> Field | None:
        """Return the first field called ``name``, or None."""
        return next((f for f in self.fields if f.name == name), None)


@dataclass(frozen=True)
class Part:
    """A sub-document: the agenda, the terms of reference, one written submission …

    Attributes
    ----------
    kind : str
        One of :data:`PART_KINDS`.
    start, end : int
        Span of the part in the document text.
    title : str
        Heading or first line of the part.
    slug : str
        Stable key of the part inside its document (``project-salus-submission``).
    subject : str or None
        The organisation the part is by or about (written evidence, biography).
    """

    kind: str
    start: int
    end: int
    title: str
    slug: str
    subject: str | None = None


@dataclass(frozen=True)
class ParsedDocument:
    """A document with its parts and blocks, in text order.

    ``language`` is the BCP 47 tag of the document's text (``en``; a Welsh block says ``cy`` of
    itself), or None when it is written in neither English nor Welsh: its literals then carry no tag.
    """

    document: Document
    parts: tuple[Part, ...]
    blocks: tuple[Block, ...]
    warnings: tuple[str, ...] = field(default=())
    language: str | None = "en"

    def text_of(self, block: Block) -> str:
        """The exact text of ``block``."""
        return self.document.text[block.start:block.end]

    def blocks_in(self, part_index: int) -> list[Block]:
        """The blocks of one part, in order."""
        return [b for b in self.blocks if b.part == part_index]
