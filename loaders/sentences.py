"""Sentence spans inside a passage (rules, no model: abbreviations and initials kept whole)."""

from __future__ import annotations

import re

_ABBREVIATIONS = ("Mr", "Mrs", "Ms", "Dr", "Cllr", "Prof", "St", "No", "Nos", "e.g", "i.e", "etc",
                  "approx", "Rev", "Revd", "vs", "cf", "para", "Para", "Jan", "Feb", "Mar", "Apr",
                  "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Co", "Ltd", "Inc",
                  # honorifics and ranks written with a full stop ("Sgt. Lee", "Rt. Hon. Ann Lee")
                  "Mx", "Hon", "Rt", "Sgt", "Insp", "Supt", "Capt", "Col", "Cmdr", "Jnr", "Snr", "Jr", "Sr")
_END = re.compile(r"[.!?][\"'”’)]*(?=[\s\u00a0]+[\"“‘(]?[A-Z0-9£])")
_WS = " \t\r\n\u00a0"


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split ``text[start:end]`` into sentence spans.

    Parameters
    ----------
    text : str
        The document text.
    start, end : int
        The passage span (after any number marker).

    Returns
    -------
    list of (int, int)
        Sentence spans, trimmed of white space (NBSP included).

    Examples
    --------
    >>> t = "The Chairman thanked Mr Wilson. He said e.g. costs rose.  Next one?"
    >>> [t[a:b] for a, b in split_sentences(t, 0, len(t))]
    ['The Chairman thanked Mr Wilson.', 'He said e.g. costs rose.', 'Next one?']
    """
    spans: list[tuple[int, int]] = []
    cursor = start
    chunk = text[start:end]
    for match in _END.finditer(chunk):
        stop = start + match.end()
        word = re.search(r"([\w.]+)[.!?]?$", text[cursor:start + match.start() + 1])
        token = word.group(1).rstrip(".") if word else ""
        if token in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", token):
            continue
        spans.append((cursor, stop))
        cursor = stop
    spans.append((cursor, end))
    trimmed = []
    for a, b in spans:
        while a < b and text[a] in _WS:
            a += 1
        while b > a and text[b - 1] in _WS:
            b -= 1
        if b > a:
            trimmed.append((a, b))
    return trimmed
