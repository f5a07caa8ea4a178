"""Witness biographies and written submissions."""

from __future__ import annotations

import dataclasses

from loaders.blocks import Block, Field
from loaders.cues import compile_patterns, first_match
from loaders.structure.agenda import signature_fields
from loaders.structure.fields import person_post_org
from loaders.structure.report import memo_fields
from loaders.structure.terms import theme_letter


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
    attending = compile_patterns("structure", "parts", "attending")
    refined: list[Block] = []
    subject: Block | None = None
    for block in blocks:
        body = text[block.start:block.end]
        if block.kind == "heading" and block.level >= 3:
            subject = block
        match = first_match(attending, body) if block.kind == "paragraph" else None
        if match and match.start() == 0:
            fields = person_post_org(body[match.end():], block.start + match.end())
            if fields and subject is not None and not any(f.name == "organisation" for f in fields):
                fields.append(Field("organisation", text[subject.start:subject.end],
                                    subject.start, subject.end))
            refined.append(dataclasses.replace(block, kind="attendance", fields=tuple(fields),
                                               body_start=block.start + match.end()))
            continue
        refined.append(block)
    return refined


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
