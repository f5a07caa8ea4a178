"""Terms of reference: the remit, lettered themes a)–g), and the question bullets under each."""

from __future__ import annotations

import dataclasses
import re

from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.cues import compile_patterns, first_match


def theme_letter(text: str) -> tuple[str, int] | None:
    """Return ``(letter, body offset)`` for a lettered line such as ``e) How KCC can …``.

    Examples
    --------
    >>> theme_letter("e) How KCC can best discharge")
    ('e', 3)
    >>> theme_letter("Role as Commissioning Organisation") is None
    True
    """
    match = first_match(compile_patterns("structure", "numbering", "lettered"), text)
    if match and match.start() == 0:
        return match.group(1).lower(), match.end()
    return None


def refine_terms(text: str, blocks: list[Block]) -> list[Block]:
    """Type themes and questions; link each question to the theme(s) it sits under.

    Consecutive theme headings with nothing between them share the questions that follow
    (the sample's e) and f) headings head one list).

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        Generic blocks of the terms-of-reference part.

    Returns
    -------
    list of Block
    """
    refined: list[Block] = []
    notations: tuple[str, ...] = ()
    last_was_theme_heading = False
    seen_theme_list = False
    for block in blocks:
        body = text[block.start:block.end]
        bare = body.lstrip("*_")
        lettered = theme_letter(bare)
        bold_theme = block.kind == "paragraph" and bare != body and lettered is not None
        if (block.kind == "heading" or bold_theme) and lettered:
            marker_end = block.start + len(body) - len(bare) + lettered[1]
            letter = lettered[0]
            notations = (*notations, letter) if last_was_theme_heading else (letter,)
            last_was_theme_heading = True
            refined.append(dataclasses.replace(block, kind="theme-heading", number=letter,
                                               body_start=marker_end,
                                               theme_notations=(letter,)))
            continue
        if block.kind == "list-item" and lettered and not notations:
            seen_theme_list = True
            refined.append(dataclasses.replace(block, kind="theme", number=lettered[0],
                                               body_start=block.start + lettered[1],
                                               theme_notations=(lettered[0],)))
            continue
        if notations and (block.kind == "list-item" or (
                block.kind == "heading" and body.rstrip("*").rstrip().endswith("?"))):
            last_was_theme_heading = False
            refined.append(dataclasses.replace(block, kind="tor-question",
                                               theme_notations=notations, role="committee"))
            continue
        if block.kind == "heading":
            refined.append(block)
            continue
        last_was_theme_heading = False
        if not seen_theme_list and block.kind == "paragraph" and not re.match(r"\*\*", body):
            block = dataclasses.replace(block, kind="remit", role="committee")
        refined.append(block)
    return refined
