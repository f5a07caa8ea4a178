"""The language of each block: Welsh or (by default) English; and papers in neither.

Welsh and bilingual papers (Senedd, Welsh councils) mix Welsh paragraphs with English ones. A
Welsh passage is kept, but English name rules ("Capitalised Capitalised" is a person, "… Trust"
is an organisation) must not read it, so each Welsh block is marked ``language="cy"`` for the
finders to see. Detection is by Welsh function words (``[language] welsh`` in
``cues/structure.toml``), which English text almost never uses.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.cues import load_cues

#: A block is Welsh when at least this share of its words are Welsh function words …
WELSH_SHARE = 0.25
#: … and at least this many of them.
WELSH_MIN = 3

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


@cache
def _welsh_words() -> frozenset[str]:
    return frozenset(load_cues("structure")["language"]["welsh"])


def is_welsh(text: str) -> bool:
    """Whether ``text`` is written in Welsh.

    Examples
    --------
    >>> is_welsh("Ni dderbyniwyd datganiad o fuddiant gan unrhyw aelod oedd yn bresennol.")
    True
    >>> is_welsh("No declarations of interest were received from any member present.")
    False
    >>> is_welsh("Y Cynghorydd")
    False
    """
    words = [w.lower() for w in _WORD.findall(text)]
    hits = sum(1 for w in words if w in _welsh_words())
    # English uses "a" and "i": count them only alongside other Welsh words.
    strong = sum(1 for w in words if w in _welsh_words() and w not in ("a", "i", "o"))
    return bool(words) and strong >= 2 and hits >= WELSH_MIN and hits / len(words) >= WELSH_SHARE


#: A paper with at least this many lower-case words …
OTHER_LANGUAGE_MIN_WORDS = 150
#: … of which fewer than this share are English (or Welsh) function words is in another language.
OTHER_LANGUAGE_SHARE = 0.05


@cache
def _english_words() -> frozenset[str]:
    return frozenset(load_cues("structure")["language"]["english"])


def other_language(text: str) -> bool:
    """Whether a paper is written in neither English nor Welsh: enough lower-case words to tell
    (names and headings are capitalised in any language), few of them function words of either.

    Examples
    --------
    >>> french = ("Le conseil municipal a examiné le rapport du directeur sur les travaux du port. " * 12)
    >>> other_language(french), other_language("The council noted the report of the director. " * 20)
    (True, False)
    >>> other_language("Ni dderbyniwyd datganiad o fuddiant gan unrhyw aelod oedd yn bresennol. " * 15)
    False
    """
    # Lower-case words only: a list of names, posts and bodies is capitalised in any language.
    words = [w for w in _WORD.findall(text) if w[0].islower()]
    if len(words) < OTHER_LANGUAGE_MIN_WORDS:
        return False
    known = _english_words() | (_welsh_words() - {"a", "i", "o"})
    return sum(1 for w in words if w in known) / len(words) < OTHER_LANGUAGE_SHARE


def mark_language(text: str, blocks: list[Block]) -> list[Block]:
    """Mark the Welsh blocks of a part (``language="cy"``).

    Examples
    --------
    >>> t = "Derbyn unrhyw ymddiheuriadau am absenoldeb gan y aelodau."
    >>> [b.language for b in mark_language(t, [Block("paragraph", 0, len(t), 0)])]
    ['cy']
    """
    return [dataclasses.replace(b, language="cy") if b.kind != "furniture" and is_welsh(text[b.start:b.end])
            else b for b in blocks]
