"""Extraction cues as data: honorifics, post titles, organisation suffixes, layouts, issues.

Each ``*.toml`` file beside this module is one cue table; :func:`load_cues` reads it once.
"""

from __future__ import annotations

import re
import tomllib
from functools import cache
from pathlib import Path
from typing import Any

CUE_DIR = Path(__file__).parent


@cache
def load_cues(name: str) -> dict[str, Any]:
    """Read the cue table ``name`` (``structure``, ``entities``, ``issues`` …).

    Parameters
    ----------
    name : str
        The file name without ``.toml``.

    Returns
    -------
    dict
        The parsed table (cached: treat it as read-only).

    Examples
    --------
    >>> "fillers" in load_cues("structure")["segment"]
    True
    """
    with (CUE_DIR / f"{name}.toml").open("rb") as handle:
        return tomllib.load(handle)


@cache
def compile_patterns(name: str, *path: str) -> tuple[re.Pattern[str], ...]:
    """Compile the list of regular expressions at ``path`` in cue table ``name``.

    Examples
    --------
    >>> bool(compile_patterns("structure", "numbering", "paragraph")[0].match("(8)  Regarding"))
    True
    """
    node: Any = load_cues(name)
    for key in path:
        node = node[key]
    patterns = [node] if isinstance(node, str) else list(node)
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


def first_match(patterns: tuple[re.Pattern[str], ...], text: str) -> re.Match[str] | None:
    """Return the first match of any pattern in ``text`` (search), or None."""
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return match
    return None
