"""Extraction cues as data: honorifics, post titles, organisation suffixes, layouts, issues.

Each ``*.toml`` file beside this module is one cue table; :func:`load_cues` reads it once.
"""

from __future__ import annotations

import csv
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


#: The GOV.UK type of each register entry that is a body of state, by the ``kind`` the curated
#: gazetteer uses (every other type is a government body too; public corporations trade).
_REGISTER_KINDS = {"Public corporation": "corporation"}


@cache
def organisation_gazetteer() -> tuple[dict[str, Any], ...]:
    """The organisations recognised wherever they are named: the curated entries of
    ``organisations.toml`` (national bodies, charities, with their aliases and flags) and the
    register of UK central government organisations (``uk_government_organisations.csv``, from
    GOV.UK's list; see its notice), whose entries a curated one of the same name replaces.

    Returns
    -------
    tuple of dict
        Each with ``name``, ``aliases`` (a list), ``kind`` and the curated flags (``modifier``);
        register entries also carry ``type``, ``status`` and ``closed`` as GOV.UK gives them.

    Examples
    --------
    >>> entries = {entry["name"]: entry for entry in organisation_gazetteer()}
    >>> entries["Department for Work and Pensions"]["aliases"], entries["Ofsted"]["kind"]
    (['DWP'], 'regulator')
    >>> entries["Border Force"]["type"]
    'Sub-organisation'
    """
    curated = [dict(entry, aliases=list(entry.get("aliases", [])))
               for entry in load_cues("organisations")["organisation"]]
    names = {entry["name"].lower() for entry in curated}
    register = []
    with (CUE_DIR / "uk_government_organisations.csv").open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            if row["name"].lower() in names:
                continue
            register.append({"name": row["name"], "aliases": [row["abbreviation"]] if row["abbreviation"] else [],
                             "kind": _REGISTER_KINDS.get(row["type"], "government"), "type": row["type"],
                             "status": row["status"], "closed": row["closed"]})
    return (*curated, *register)
