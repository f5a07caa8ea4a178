"""Blocks for any text: headings, paragraphs, list items, numbered paragraphs, decisions.

Every kind-specific parser starts from :func:`generic_blocks` and refines what it knows.
"""

from __future__ import annotations

import re

from loaders.blocks import Block, Field
from loaders.cues import compile_patterns, first_match
from loaders.structure.segment import Unit

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


def generic_blocks(text: str, units: list[Unit], part: int) -> list[Block]:
    """Type each unit as heading, paragraph, list item, numbered paragraph or decision.

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
    for unit in units:
        body = text[unit.start:unit.end]
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
