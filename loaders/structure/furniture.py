"""Page furniture: what the publishing system adds to a page (attachment icons and sizes, "View
directions", "Share this item", tab names, cookie notices, error templates, pipe-table debris).

Furniture is decided in general form, by the patterns of ``cues/furniture.toml``, never per
body. A furniture block keeps its span (offsets never change) but is typed ``furniture``, which
no mention finder reads; furniture at the end of a block ("Minutes pdf icon PDF 93 KB") is cut
off the block's span instead.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.cues import compile_patterns, first_match

#: The block kind given to furniture (listed in :data:`loaders.mentions.NON_PASSAGES`).
FURNITURE = "furniture"

#: Kinds whose span may be shortened by trailing furniture or typed as furniture.
_TEXT_KINDS = frozenset({"paragraph", "list-item", "numbered-paragraph", "heading", "decision",
                         "table-row", "table-header"})
_SPACES = re.compile(r"[\s\u00a0\u200b]+")


def _normalise(text: str) -> str:
    """The text as furniture patterns see it: no emphasis, no outer pipes, single spaces."""
    bare = re.sub(r"[*_#]+", "", text)
    return _SPACES.sub(" ", bare).strip(" |")


@cache
def _tails() -> tuple[re.Pattern[str], ...]:
    return compile_patterns("furniture", "block", "tails")


def is_furniture(text: str) -> bool:
    """Whether a block's whole text is page furniture.

    Parameters
    ----------
    text : str
        The block's text.

    Returns
    -------
    bool

    Examples
    --------
    >>> is_furniture("pdf icon PDF 88 KB"), is_furniture("Additional documents:")
    (True, True)
    >>> is_furniture("Committee minutes 26 March 2025.pdf (195.14 kb)")
    True
    >>> is_furniture("| | |"), is_furniture("---|---|"), is_furniture("No. | Item |")
    (True, True, True)
    >>> is_furniture("Apologies for absence")
    False
    >>> is_furniture("Skip to main content\\nLoading…"), is_furniture("Share this item\\nThe Chair")
    (True, False)
    """
    lines = [line for line in text.split("\n") if line.strip(" \t\u00a0")]
    if len(lines) > 1:
        # "Skip to main content" above "Loading…": furniture line by line, or the whole run.
        return all(is_furniture(line) for line in lines) or _whole(text)
    return _whole(text)


def _whole(text: str) -> bool:
    bare = _normalise(text)
    if not bare:
        return True
    return first_match(compile_patterns("furniture", "block", "whole"), bare) is not None


def furniture_tail(text: str) -> int:
    """Length of ``text`` once trailing furniture is cut off (the whole length if there is none).

    Examples
    --------
    >>> t = "Minutes pdf icon PDF 93 KB"
    >>> t[:furniture_tail(t)]
    'Minutes'
    >>> t = "Council Chamber - Civic Centre. View directions"
    >>> t[:furniture_tail(t)]
    'Council Chamber - Civic Centre'
    >>> t = "Apologies were received. |"
    >>> t[:furniture_tail(t)]
    'Apologies were received.'
    """
    end = len(text)
    changed = True
    while changed and end:
        changed = False
        head = text[:end].rstrip(" \t\u00a0")
        for pattern in _tails():
            match = pattern.search(head)
            if match and match.start() > 0:
                end = len(head[:match.start()].rstrip(" \t\u00a0"))
                changed = True
                break
        else:
            end = len(head)
    return end


def mark_furniture(text: str, blocks: list[Block]) -> list[Block]:
    """Type furniture blocks as ``furniture`` and cut trailing furniture off the others.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        Generic blocks of one part.

    Returns
    -------
    list of Block
        Same length and order; spans only ever shrink.

    Examples
    --------
    >>> from evidence_graph.loaders.blocks import Block
    >>> t = "Share this item\\n\\nMinutes pdf icon PDF 93 KB"
    >>> out = mark_furniture(t, [Block("paragraph", 0, 15, 0), Block("paragraph", 17, len(t), 0)])
    >>> [(b.kind, t[b.start:b.end]) for b in out]
    [('furniture', 'Share this item'), ('paragraph', 'Minutes')]
    """
    marked: list[Block] = []
    for block in blocks:
        if block.kind not in _TEXT_KINDS:
            marked.append(block)
            continue
        body = text[block.start:block.end]
        if is_furniture(body) or (block.kind == "paragraph" and first_match(
                compile_patterns("furniture", "block", "titles"), _normalise(body))):
            marked.append(dataclasses.replace(block, kind=FURNITURE, fields=(), lead=None))
            continue
        keep = furniture_tail(body)
        if 0 < keep < len(body) and block.start + keep > block.body:
            fields = tuple(f for f in block.fields if f.end <= block.start + keep)
            block = dataclasses.replace(block, end=block.start + keep, fields=fields)
        marked.append(block)
    return marked


def page_problem(text: str, blocks: list[Block]) -> str | None:
    """Name what a page is when every block of it is furniture (or there is no block at all).

    Returns
    -------
    str or None
        ``None`` when the page has content; otherwise a sentence naming the problem, for the
        loader's "not loaded" message.

    Examples
    --------
    >>> from evidence_graph.loaders.blocks import Block
    >>> t = "Technical Error\\n\\nSorry, an error has occurred."
    >>> page_problem(t, [Block("furniture", 0, 15, 0), Block("furniture", 17, len(t), 0)])
    "an error page ('Technical Error'), not a paper: there is nothing to load"
    >>> page_problem(t, [Block("paragraph", 0, 15, 0)]) is None
    True
    """
    if any(b.kind != FURNITURE for b in blocks):
        return None
    head = text[:2000]
    error = first_match(compile_patterns("furniture", "page", "error"), head)
    if error:
        return f"an error page ('{error.group().strip()}'), not a paper: there is nothing to load"
    return ("only page furniture (navigation, links, attachment names), no paragraph of the paper: "
            "there is nothing to load")
