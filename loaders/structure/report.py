"""Officer reports and memos: the From/To/Subject header, sections, activities, signature."""

from __future__ import annotations

import dataclasses
import re

from loaders.blocks import Block, Field
from loaders.structure.agenda import signature_fields
from loaders.structure.fields import find_date, person_post_org

_MEMO_LINE = re.compile(r"^(?P<label>[A-Z][A-Za-z ]{1,30}):[ \t\u00a0]*(?P<value>.+)$", re.S)
_PERSON_LABELS = {"from", "author", "report author", "report of", "report by", "contact officer",
                  "lead officer", "cabinet member", "portfolio holder", "presented by"}


def memo_fields(text: str, start: int, end: int) -> list[Field]:
    """Read ``Label: value`` header lines; person labels also yield person/post/org fields.

    Examples
    --------
    >>> t = "From: Thom Wilson, Head of Strategic Commissioning - Children"
    >>> [(f.name, f.value) for f in memo_fields(t, 0, len(t))]  # doctest: +NORMALIZE_WHITESPACE
    [('from', 'Thom Wilson, Head of Strategic Commissioning - Children'),
     ('person', 'Thom Wilson'), ('post', 'Head of Strategic Commissioning - Children')]
    """
    match = _MEMO_LINE.match(text[start:end])
    if not match:
        return []
    label = match.group("label").strip().lower()
    raw = match.group("value")
    value = raw.strip().strip("*").strip()
    vstart = start + match.start("value") + raw.index(value[:1]) if value else start
    fields = [Field(label, value, vstart, vstart + len(value))]
    if label in _PERSON_LABELS:
        fields.extend(person_post_org(value, vstart))
    if label in ("to", "date"):
        when = find_date(text[start:end], start)
        if when:
            fields.append(when)
    return fields


def refine_report(text: str, blocks: list[Block]) -> list[Block]:
    """Type the memo header and signature of an officer report; prose is the author's.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        Generic blocks of an officer-report part.

    Returns
    -------
    list of Block
    """
    refined: list[Block] = []
    in_header = True
    for block in blocks:
        body = text[block.start:block.end]
        if in_header and block.kind == "paragraph":
            fields = memo_fields(text, block.start, block.end)
            if fields:
                refined.append(dataclasses.replace(block, kind="memo-header",
                                                   fields=tuple(fields)))
                continue
        if block.kind != "heading":
            in_header = False
        if block.kind in ("paragraph", "heading") and "\n" in body:
            signature = signature_fields(text, block.start, block.end)
            if signature:
                refined.append(dataclasses.replace(block, kind="signature",
                                                   fields=tuple(signature)))
                continue
        if block.kind == "heading":
            refined.append(block)
        else:
            refined.append(dataclasses.replace(block, role="author"))
    return refined
