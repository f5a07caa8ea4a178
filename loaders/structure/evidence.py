"""Witness biographies and written submissions."""

from __future__ import annotations

import dataclasses
import re

from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.cues import compile_patterns, first_match
from evidence_graph.loaders.names import honorific_name_pattern, parse_person_name
from evidence_graph.loaders.structure.agenda import signature_fields
from evidence_graph.loaders.structure.fields import _plain_person
from evidence_graph.loaders.structure.report import memo_fields
from evidence_graph.loaders.structure.terms import theme_letter


def refine_biography(text: str, blocks: list[Block]) -> list[Block]:
    """Find "Attending … is: Name, Post" lines; the subheading names the organisation.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        Generic blocks of a biography part.

    Returns
    -------
    list of Block
    """
    from evidence_graph.loaders.finders.organisations import plausible_organisation
    from evidence_graph.loaders.structure.minutes import witness_entries

    attending = compile_patterns("structure", "parts", "attending")
    refined: list[Block] = []
    subject: Block | None = None
    for block in blocks:
        body = text[block.start:block.end]
        if block.kind == "heading" and block.level >= 3:
            subject = block
        match = first_match(attending, body) if block.kind == "paragraph" else None
        if match and match.start() == 0:
            fields = [f for f in witness_entries(text, block.start + match.end(), block.end)
                      if f.name != "organisation" or plausible_organisation(f.value)]
            if fields and subject is not None and not any(f.name == "organisation" for f in fields):
                fields.append(Field("organisation", text[subject.start:subject.end],
                                    subject.start, subject.end))
            refined.append(dataclasses.replace(block, kind="attendance", fields=tuple(fields),
                                               body_start=block.start + match.end()))
            continue
        refined.append(block)
    return refined


#: One entry of a list of written evidence: its reference, then the submitter in square
#: brackets ("AB 01 [Jane Doe]", "XYZ0012 [Acme Foundation]"), a link address after it allowed.
_LISTED_SUBMISSION = re.compile(r"(?<![\w/])(?P<code>[A-Z]{1,5}[ \u00a0]?\d{1,4}[A-Za-z]?)[ \u00a0]*"
                                r"\[(?P<name>[^\[\]\n]{2,150})\](?:\([^()\s]*\))?")
#: One entry a line: "INQ 01 Jane Doe", "INQ0001 – Acme Foundation", "3 Jane Doe (INQ 03)".
_LINE_SUBMISSION = re.compile(
    r"^[ \t]*(?:\d{1,3}[.)]?[ \t]+)?(?:(?P<code>[A-Z]{1,5}[ ]?\d{1,4}[A-Za-z]?)[ \t]*[-–:]?[ \t]+(?P<name>[^\n\[\]]+?)"
    r"|(?P<named>[^\n\[\]()]+?)[ \t]*\((?P<ref>[A-Z]{1,5}[ ]?\d{1,4}[A-Za-z]?)\))[ \t]*$", re.M)
#: What may stand between entries of such a list (separators, the entries' numbers, a bracket
#: closed twice as copies of such lists sometimes have).
_LIST_GAP = re.compile(r"(?:[\s,;.|•·–\-\])]|\d{1,3}[.)]?(?=\s))*")
#: The last entry of a copy that stops mid-entry ("… CH 51 [Plymouth Bre").
_CUT_ENTRY = re.compile(r"[\s,;.|•·–-]*[A-Z]{1,5}[ \u00a0]?\d{1,4}[A-Za-z]?[ \u00a0]*\[[^\[\]\n]*")
#: A bracket after a submitter that says which submission it is, not who ("(supplementary)").
_SUBMISSION_NOTE = re.compile(r"(?:[ \u00a0]*\(|[ \u00a0]+[–-][ \u00a0]*)[a-z][^()]*\)?$")


def submitter_list(text: str, start: int, end: int) -> list[Field] | None:
    """The submitters of a "List of written evidence" block: a person where the name reads as a
    person's, else an organisation. Entries are "REF [Name]", run on or not, or one a line
    ("INQ 01 Jane Doe", "3 Acme Foundation (INQ 03)").

    Parameters
    ----------
    text : str
        The document text.
    start, end : int
        The block's span.

    Returns
    -------
    list of Field or None
        ``person`` and ``organisation`` fields (an organisation's acronym in brackets stays out
        of its name: the acronym finder reads it), or None when the block is anything but
        such entries.

    Examples
    --------
    >>> text = "AB 01 [Jane Doe] AB 02 [Acme Foundation] AB 03 [Local Widgets Association (LWA)]"
    >>> [(f.name, f.value) for f in submitter_list(text, 0, len(text))]
    [('person', 'Jane Doe'), ('organisation', 'Acme Foundation'), ('organisation', 'Local Widgets Association')]
    >>> submitter_list("We refer to HC 12 [2019] in para 4.", 0, 36) is None
    True
    >>> [f.value for f in submitter_list("AB 07 [Widget Guild (WG)]] AB 08 [Jo Bloggs]", 0, 44)]
    ['Widget Guild', 'Jo Bloggs']
    >>> [f.value for f in submitter_list("AB 09 [Jo Bloggs] AB 10 [Anytown Bre", 0, 36)]
    ['Jo Bloggs']
    """
    matches = list(_LISTED_SUBMISSION.finditer(text, start, end))
    gaps = zip([start, *(m.end() for m in matches)], [*(m.start() for m in matches), end], strict=True)
    entries = [(m.group("name"), m.start("name")) for m in matches]
    gaps = list(gaps)
    if gaps and _CUT_ENTRY.fullmatch(text, *gaps[-1]):
        gaps[-1] = (gaps[-1][0], gaps[-1][0])  # the page stops inside the last entry
    if not entries or not all(_LIST_GAP.fullmatch(text, a, b) for a, b in gaps):
        # One entry a line, the reference before the name or in brackets after it.
        lines = list(_LINE_SUBMISSION.finditer(text, start, end))
        group = ["name" if m.group("name") else "named" for m in lines]
        entries = [(m.group(g), m.start(g)) for m, g in zip(lines, group, strict=True)]
        if len(lines) < 2 or sum(len(m.group()) + 1 for m in lines) < len(text[start:end].strip()) or any(
                len(name.split()) > 12 or re.search(r"[.;:!?][ \t]+[a-zA-Z]", name) for name, _ in entries):
            return None  # fewer than two entries, or lines of prose
    fields: list[Field] = []
    for listed, listed_start in entries:
        name = listed.strip()
        note = _SUBMISSION_NOTE.search(name)
        name = name[:note.start()] if note else name
        acronym = re.search(r"[ \u00a0]*\((?P<acronym>[A-Z][A-Za-z&]{1,9})\)$", name)
        name = name[:acronym.start()] if acronym else name
        if not re.match(r"[A-Z]", name):
            return None
        at = listed_start + listed.index(name)
        honoured = honorific_name_pattern().fullmatch(name)
        person = (honoured is not None and parse_person_name(name) is not None) or _plain_person(name)
        fields.append(Field("person" if person else "organisation", name, at, at + len(name)))
    return fields


def refine_written_evidence(text: str, blocks: list[Block]) -> list[Block]:
    """Mark the author's voice and the terms-of-reference theme each section answers.

    Headings that start with a theme letter (``a) Role as …``) put the blocks below them
    under that theme until a heading of the same or a higher level.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        Generic blocks of a written-evidence part.

    Returns
    -------
    list of Block
    """
    refined: list[Block] = []
    notations: tuple[str, ...] = ()
    theme_level = 0
    for block in blocks:
        body = text[block.start:block.end]
        if block.kind == "heading":
            lettered = theme_letter(body)
            if lettered:
                notations, theme_level = (lettered[0],), block.level
                refined.append(dataclasses.replace(block, kind="theme-heading",
                                                   number=lettered[0],
                                                   theme_notations=notations))
                continue
            if block.level <= theme_level and block.level < 5:
                notations, theme_level = (), 0
            refined.append(dataclasses.replace(block, theme_notations=notations))
            continue
        kind = block.kind
        listed = submitter_list(text, block.start, block.end) if kind in ("paragraph", "list-item") else None
        if listed:
            refined.append(dataclasses.replace(block, kind="submitter-list", fields=tuple(listed)))
            continue
        if kind == "paragraph" and not any(b.kind not in ("heading", "memo-header") for b in refined):
            # "Submitted by: Name, Post, Organisation" under the title.
            header = memo_fields(text, block.start, block.end)
            if header:
                refined.append(dataclasses.replace(block, kind="memo-header", fields=tuple(header)))
                continue
        if kind == "paragraph" and "\n" in body:
            # A closing signature: name, post, organisation on their own lines.
            signature = signature_fields(text, block.start, block.end)
            if signature:
                refined.append(dataclasses.replace(block, kind="signature", fields=tuple(signature)))
                continue
        if kind == "list-item" and body.rstrip().endswith("?"):
            kind = "quoted-question"
        refined.append(dataclasses.replace(block, kind=kind, role="author",
                                           theme_notations=notations))
    return refined
