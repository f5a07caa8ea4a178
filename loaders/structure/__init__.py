"""Stage 2: structure. A :class:`~loaders.document.Document` becomes a
:class:`~loaders.blocks.ParsedDocument` of typed blocks, by rules (no ML).

Each part kind has its own layout parser, registered by the part kind's name in
:data:`LAYOUT_PARSERS`; anything unrecognised keeps the generic blocks, so an unknown layout
still yields passages.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from evidence_graph.loaders.blocks import Block, ParsedDocument, Part
from evidence_graph.loaders.components import ComponentRegistry
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.errors import UnsupportedDocument
from evidence_graph.loaders.structure.agenda import refine_agenda
from evidence_graph.loaders.structure.evidence import refine_biography, refine_written_evidence
from evidence_graph.loaders.structure.furniture import mark_furniture, page_problem
from evidence_graph.loaders.structure.generic import generic_blocks
from evidence_graph.loaders.structure.headers import mark_headers, mark_item_titles
from evidence_graph.loaders.structure.language import mark_language, other_language
from evidence_graph.loaders.structure.minutes import refine_minutes
from evidence_graph.loaders.structure.notices import mark_declarations, mark_notices
from evidence_graph.loaders.structure.parts import split_parts
from evidence_graph.loaders.structure.report import refine_report
from evidence_graph.loaders.structure.segment import segment_text
from evidence_graph.loaders.structure.terms import refine_terms

#: A layout parser refines a part's generic blocks: ``(text, blocks, title_start) -> blocks``,
#: where ``title_start`` is the offset of the part's title line, if it has one.
LayoutParser = Callable[[str, list[Block], int | None], list[Block]]

#: A block pass reads any part's generic blocks before its layout parser: ``(text, blocks) -> blocks``.
#: Passes run in order, on every part whatever its kind: they read layouts that appear in any
#: paper (page furniture, meeting headers), which the part's own parser then builds on.
BlockPass = Callable[[str, list[Block]], list[Block]]

#: Block kinds a block pass gives a meeting's title line, which a layout parser keeps.
_HEADER_KINDS = frozenset({"committee-heading", "meeting-header"})

#: A document must have at least one block with this many words to be worth loading.
MIN_WORDS = 3
_WORD = re.compile(r"[^\W\d_]{2,}")

#: Block passes, in running order (see :data:`BlockPass`).
BLOCK_PASSES: ComponentRegistry[BlockPass] = ComponentRegistry("block pass")
BLOCK_PASSES.add("furniture", mark_furniture)
BLOCK_PASSES.add("meeting-headers", mark_headers)
BLOCK_PASSES.add("item-titles", mark_item_titles)
BLOCK_PASSES.add("decision-notices", mark_notices)
BLOCK_PASSES.add("declarations", mark_declarations)
BLOCK_PASSES.add("language", mark_language)

#: Layout parsers by the part kind they read (a part of any other kind keeps its generic blocks).
LAYOUT_PARSERS: ComponentRegistry[LayoutParser] = ComponentRegistry("layout parser")


def _untitled(refine: Callable[[str, list[Block]], list[Block]]) -> LayoutParser:
    """A layout parser that does not need the part's title."""

    def parse(text: str, blocks: list[Block], title_start: int | None) -> list[Block]:
        return refine(text, blocks)

    parse.__doc__ = refine.__doc__
    return parse


LAYOUT_PARSERS.add("minutes", refine_minutes)
LAYOUT_PARSERS.add("agenda", _untitled(refine_agenda))
LAYOUT_PARSERS.add("terms-of-reference", _untitled(refine_terms))
LAYOUT_PARSERS.add("biography", _untitled(refine_biography))
LAYOUT_PARSERS.add("written-evidence", _untitled(refine_written_evidence))
LAYOUT_PARSERS.add("officer-report", _untitled(refine_report))


def slugify(text: str, limit: int = 60) -> str:
    """Lower-case, hyphenated, ASCII key for IRIs.

    Examples
    --------
    >>> slugify("Children’s Centre Market Review")
    'childrens-centre-market-review'
    """
    text = text.replace("’", "").replace("'", "").replace("&", " and ")
    slug = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")
    return slug[:limit].rstrip("-") or "x"


def _part_slug(kind: str, subject: str | None, used: set[str]) -> str:
    base = f"{kind}-{slugify(subject, 40)}" if subject else kind
    slug, n = base, 2
    while slug in used:
        slug, n = f"{base}-{n}", n + 1
    used.add(slug)
    return slug


def parse_document(document: Document) -> ParsedDocument:
    """Parse a document into parts and typed blocks.

    Parameters
    ----------
    document : Document
        From :func:`loaders.document.read_document`.

    Returns
    -------
    ParsedDocument
        Parts (sub-documents) and blocks with exact offsets.

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> doc = Document("m.txt", "m", "Minutes\\n\\n(1) The Chair opened the meeting.\\n", "0")
    >>> parsed = parse_document(doc)
    >>> [(b.kind, b.number, b.role) for b in parsed.blocks]
    [('title', None, None), ('numbered-paragraph', '1', 'narrative')]
    """
    text = document.text
    units = segment_text(text)
    drafts = split_parts(text, units)
    hint = document.metadata.get("kind")
    if hint == "minutes" and len(drafts) == 1:
        drafts[0].kind = "minutes"
    parts: list[Part] = []
    blocks: list[Block] = []
    used: set[str] = set()
    for index, draft in enumerate(drafts):
        kind = draft.kind or "generic"
        start, end = draft.units[0].start, draft.units[-1].end
        parts.append(Part(kind, start, end, draft.title.strip(), _part_slug(kind, draft.subject, used),
                          draft.subject))
        part_blocks = generic_blocks(text, draft.units, index)
        for _name, block_pass in BLOCK_PASSES:
            part_blocks = block_pass(text, part_blocks)
        if kind in LAYOUT_PARSERS.names():
            title_unit = next((u for u in draft.units if text[u.start:u.end].split("\n")[0]
                               == draft.title), None)
            title_start = title_unit.start if title_unit else None
            if any(b.start == title_start and b.kind in _HEADER_KINDS for b in part_blocks):
                title_start = None  # a meeting header already says what the title line holds
            part_blocks = LAYOUT_PARSERS.get(kind)(text, part_blocks, title_start)
        offset = len(blocks)
        blocks.extend(_shift_links(b, offset) for b in part_blocks)
    problem = page_problem(text, blocks)
    if problem:
        raise UnsupportedDocument(document.source, problem)
    if not any(len(_WORD.findall(text[b.start:b.end])) >= MIN_WORDS for b in blocks):
        raise UnsupportedDocument(document.source, "no recognisable structure (no paragraph, heading or "
                                  f"list item of {MIN_WORDS} or more words)")
    warnings = () if any(b.kind != "heading" for b in blocks) else (
        f"{document.source}: no paragraphs found (only headings)",)
    language: str | None = "en"
    if other_language(text):
        language = None
        warnings = (*warnings, f"{document.source}: written in neither English nor Welsh: its passages are kept, "
                               "but names, bodies and services are found by English rules, so few were")
    furniture = [text[b.start:b.end].split("\n")[0] for b in blocks if b.kind == "furniture"]
    if furniture:
        # Say what was left out: page furniture is kept in the text but read as no passage.
        shown = "; ".join(f"'{line[:40]}'" for line in furniture[:3]) + (" …" if len(furniture) > 3 else "")
        warnings = (*warnings, f"{document.source}: {len(furniture)} block(s) of page furniture not read "
                               f"as passages ({shown})")
    return ParsedDocument(document, tuple(parts), tuple(blocks), warnings, language)


def _shift_links(block: Block, offset: int) -> Block:
    """Make a part-local block index (parent, answers, item) document-wide."""
    if block.parent is None and block.answers is None and block.item is None:
        return block
    from dataclasses import replace

    return replace(block,
                   parent=None if block.parent is None else block.parent + offset,
                   answers=None if block.answers is None else block.answers + offset,
                   item=None if block.item is None else block.item + offset)
