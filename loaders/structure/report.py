"""Officer reports and memos: the From/To/Subject header, sections, activities, signature."""

from __future__ import annotations

import dataclasses
import re

from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.structure.agenda import signature_fields
from evidence_graph.loaders.structure.fields import parse_date, person_post_org

_MEMO_LINE = re.compile(
    r"^(?P<mark>\*\*|__)?(?P<label>[A-Z][A-Za-z ]{1,30}?)[ \t]*(?:(?P=mark):|:(?P=mark)|(?(mark)(?!)|:))"
    r"[ \t\u00a0]*(?P<value>.+)$")


def memo_fields(text: str, start: int, end: int) -> list[Field]:
    """Read ``Label: value`` header lines; person labels also yield person/post/org fields.

    Labels may be bold (``**Report author:** …``, as Word-to-Markdown conversion writes
    them), several may share a block one per line, and a line without a label continues the
    value above it. Which labels name a person is data (``[report] person_labels`` in
    ``cues/structure.toml``).

    Examples
    --------
    >>> t = "From: Thom Wilson, Head of Strategic Commissioning - Children"
    >>> [(f.name, f.value) for f in memo_fields(t, 0, len(t))]  # doctest: +NORMALIZE_WHITESPACE
    [('from', 'Thom Wilson, Head of Strategic Commissioning - Children'),
     ('person', 'Thom Wilson'), ('post', 'Head of Strategic Commissioning - Children')]
    >>> t = "**Report to:** Cabinet\\n**Author:** Jo Bloggs, Finance Manager"
    >>> [(f.name, f.value) for f in memo_fields(t, 0, len(t))]  # doctest: +NORMALIZE_WHITESPACE
    [('report to', 'Cabinet'), ('author', 'Jo Bloggs, Finance Manager'), ('person', 'Jo Bloggs'),
     ('post', 'Finance Manager')]
    """
    entries: list[list] = []  # [label, value start, value end]
    offset = start
    for line in text[start:end].split("\n"):
        match = _MEMO_LINE.match(line.strip(" \t\u00a0"))
        lead = len(line) - len(line.lstrip(" \t\u00a0"))
        if match:
            a, b = _strip_value(text, offset + lead + match.start("value"), offset + lead + match.end("value"))
            entries.append([match.group("label").strip().lower(), a, b])
        elif entries and line.strip():
            a, b = _strip_value(text, offset, offset + len(line))
            entries[-1][2] = max(entries[-1][2], b)
        elif not entries:
            return []
        offset += len(line) + 1
    person_labels = set(load_cues("structure")["report"]["person_labels"])
    fields: list[Field] = []
    for label, vstart, vend in entries:
        value = text[vstart:vend]
        fields.append(Field(label, value, vstart, vend))
        if label in person_labels:
            fields.extend(person_post_org(value, vstart))
        if label in ("to", "date", "date of meeting", "meeting date"):
            when = parse_date(value, vstart)
            if when:
                fields.append(when)
    return fields


def _strip_value(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim white space and bold markers around a header value."""
    while start < end and text[start] in " \t\u00a0*_":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0*_":
        end -= 1
    return start, end


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
