"""Blocks for any text: headings, paragraphs, list items, numbered paragraphs, decisions.

Every kind-specific parser starts from :func:`generic_blocks` and refines what it knows.
"""

from __future__ import annotations

import itertools
import re

from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.cues import compile_patterns, first_match
from evidence_graph.loaders.structure.segment import Unit, unwrap_emphasis

BOLD_LEAD = re.compile(r"^(\*\*|__)(?P<lead>[^*_\n]{2,120}?)[:.]?\s*(\1)\s*[:\-–—]?\s*|"
                       r"^(\*\*|__)(?P<lead2>[^*_\n]{2,120}?)\s*[:\-–—]\s*(\4)\s*")
NUMBER_MARK = re.compile(r"\d{1,3}")


def bold_lead(text: str, offset: int) -> tuple[str | None, Field | None]:
    """Find a bold lead-in such as ``**TUPE:**`` at the start of a block.

    Examples
    --------
    >>> bold_lead("**TUPE:** TUPE is a barrier.", 10)
    ('TUPE', Field(name='lead', value='TUPE', start=12, end=16))
    """
    match = BOLD_LEAD.match(text)
    if not match:
        return None, None
    group = "lead" if match.group("lead") else "lead2"
    lead = match.group(group).strip().rstrip(":").strip()
    start = offset + match.start(group)
    return lead, Field("lead", lead, start, start + len(lead))


def numbered_paragraph(text: str) -> tuple[str, int] | None:
    """Return ``(number, body offset)`` when a paragraph starts with a number marker.

    Examples
    --------
    >>> numbered_paragraph("(8)\\u00a0\\u00a0 Regarding social value")
    ('8', 6)
    >>> numbered_paragraph("45. Declarations of Interest")
    ('45', 4)
    """
    match = first_match(compile_patterns("structure", "numbering", "paragraph"), text)
    if match and match.start() == 0:
        return match.group(1), match.end()
    return None


def table_cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the cells of a Markdown table row, without padding or wrapping ``**``.

    Examples
    --------
    >>> row = "| **Total** | £116.5m |"
    >>> [row[a:b] for a, b in table_cells(row, 0, len(row))]
    ['Total', '£116.5m']
    """
    line = text[start:end]
    bars = [i for i, ch in enumerate(line) if ch == "|"]
    cells = []
    for left, right in itertools.pairwise(bars):
        cells.append(unwrap_emphasis(text, start + left + 1, start + right))
    return cells


def _table_block(text: str, unit: Unit, part: int, section: str | None,
                 columns: list[str]) -> Block:
    """A table row: the header row names the columns; a body row's first cell names the row
    (``row`` field) and each other cell is a ``column`` field whose value is its header."""
    cells = table_cells(text, unit.start, unit.end)
    if unit.level == 1:
        fields = tuple(Field("column", text[a:b], a, b) for a, b in cells if b > a)
        return Block("table-header", unit.start, unit.end, part, section=section, fields=fields)
    found: list[Field] = []
    for position, (a, b) in enumerate(cells):
        if b <= a:
            continue
        if position == 0:
            found.append(Field("row", text[a:b], a, b))
        else:
            header = columns[position] if position < len(columns) else ""
            found.append(Field("column", header, a, b))
    return Block("table-row", unit.start, unit.end, part, section=section, fields=tuple(found))


def generic_blocks(text: str, units: list[Unit], part: int) -> list[Block]:
    """Type each unit as heading, paragraph, list item, numbered paragraph, decision or table row.

    Parameters
    ----------
    text : str
        The document text.
    units : list of Unit
        The part's units.
    part : int
        The part index to record on each block.

    Returns
    -------
    list of Block
    """
    decision = compile_patterns("structure", "minutes", "decision")
    blocks: list[Block] = []
    section: str | None = None
    columns: list[str] = []
    for unit in units:
        body = text[unit.start:unit.end]
        if unit.kind == "row":
            if unit.level == 1:
                columns = [text[a:b] for a, b in table_cells(text, unit.start, unit.end)]
            blocks.append(_table_block(text, unit, part, section, columns))
            continue
        if unit.kind == "heading":
            section = body
            blocks.append(Block("heading", unit.start, unit.end, part, level=unit.level,
                                section=section))
            continue
        kind = "list-item" if unit.kind == "item" else "paragraph"
        number, body_start = None, -1
        mark = NUMBER_MARK.fullmatch(unit.marker.rstrip(".)")) if unit.marker else None
        if mark:
            number = mark.group()
        numbered = numbered_paragraph(body)
        if numbered:
            number, body_start = numbered[0], unit.start + numbered[1]
            if kind == "paragraph":
                kind = "numbered-paragraph"
        prose = body[body_start - unit.start:] if body_start >= 0 else body
        lead, lead_field = bold_lead(prose, body_start if body_start >= 0 else unit.start)
        if first_match(decision, prose) and first_match(decision, prose).start() == 0:
            kind = "decision"
        blocks.append(Block(kind, unit.start, unit.end, part, body_start=body_start,
                            number=number, section=section, lead=lead,
                            fields=(lead_field,) if lead_field else ()))
    return blocks
