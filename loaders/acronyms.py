"""Acronym definitions: "Independent Fostering Agency (IFA)", "clinical commissioning groups (CCGs)"."""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable

#: Capitalised words that start a sentence or a phrase, not a name.
_NOT_NAME_STARTS = frozenset({"The", "This", "That", "These", "A", "An", "Our", "Their", "Its", "His", "Her",
                              "In", "On", "At", "For", "From", "With", "By", "To", "Of", "And", "Dear",
                              "RESOLVED", "Resolved", "Agreed", "Noted", "Both", "Each"})
_SKIP = frozenset({"and", "of", "for", "the", "&", "in", "on", "to"})
_DEFINITION = re.compile(r"\((?P<acr>[A-Z][A-Za-z&]{1,7}?)(?P<plural>s)?\)")
#: The other order: "the MAC (Metropolitan Arts Centre)".
_REVERSED = re.compile(r"(?<![\w-])(?P<acr>[A-Z][A-Z&]{1,7})[ \u00a0]+\((?P<expansion>[A-Z][^()\n]{3,80})\)")


def _matches(letters: str, words: list[str]) -> bool:
    """Whether the initials of ``words`` spell ``letters`` (extra middle words allowed). A small
    word ("of", "and") counts only where the acronym has its initial: "Institute of Widgets (IOW)".

    Examples
    --------
    >>> _matches("IOW", ["Institute", "of", "Widgets"]), _matches("IW", ["Institute", "of", "Widgets"])
    (True, True)
    >>> _matches("IOW", ["Institute", "for", "Widgets"])
    False
    """
    small = [i for i, w in enumerate(words) if w.lower() in _SKIP and w[:1].upper() in letters]
    for counted in itertools.product((False, True), repeat=min(len(small), 6)):
        kept = {i for i, keep in zip(small, counted, strict=False) if keep}
        initials = [w[0].upper() for i, w in enumerate(words) if w.lower() not in _SKIP or i in kept]
        if _spells(letters, initials):
            return True
    return False


def _spells(letters: str, initials: list[str]) -> bool:
    """Whether ``initials`` spell ``letters``, first and last alike, one extra middle word allowed."""
    if not initials or initials[0] != letters[0] or initials[-1] != letters[-1]:
        return False
    position = 0
    for initial in initials:
        if position < len(letters) and initial == letters[position]:
            position += 1
    return position == len(letters) and len(initials) <= len(letters) + 1


def acronym_definitions(texts: Iterable[str]) -> dict[str, str]:
    """Find acronyms defined in parentheses after their expansion.

    Parameters
    ----------
    texts : iterable of str
        Document texts; the first definition of an acronym wins.

    Returns
    -------
    dict
        Acronym (singular) → expansion as written.

    Examples
    --------
    >>> acronym_definitions(["We spend £9m on Independent Foster Care Agencies (IFAs) now."])
    {'IFA': 'Independent Foster Care Agencies'}
    >>> acronym_definitions(["seven clinical commissioning groups (CCGs)!"])
    {'CCG': 'clinical commissioning groups'}
    >>> acronym_definitions(["The direction of NHS Wessex Clinical Commissioning Group (CCG) is set."])
    {'CCG': 'NHS Wessex Clinical Commissioning Group'}
    >>> acronym_definitions(["an update on the MAC (Metropolitan Arts Centre)"])
    {'MAC': 'Metropolitan Arts Centre'}
    >>> acronym_definitions(["a letter from the Institute of Widgets (IOW) about"])
    {'IOW': 'Institute of Widgets'}
    """
    defined: dict[str, str] = {}
    for text in texts:
        for match in _DEFINITION.finditer(text):
            acronym = match.group("acr")
            letters = "".join(c for c in acronym if c.isupper())
            if len(letters) < 2 or acronym in defined:
                continue
            before = text[max(0, match.start() - 150):match.start()]
            words = list(re.finditer(r"[\w’'-]+", before))
            for take in range(len(letters), min(len(words), len(letters) + 4) + 1):
                chosen = words[-take:]
                if chosen[0].group().lower() in _SKIP:
                    continue
                if _matches(letters, [w.group() for w in chosen]):
                    first = chosen[0].start()
                    if chosen[0].group()[:1].isupper():
                        # The whole capitalised name the initials end ("NHS Wiltshire Clinical
                        # Commissioning Group (CCG)"), not only the words they spell.
                        for word in reversed(words[:len(words) - take][-4:]):
                            if not word.group()[:1].isupper() or word.group() in _NOT_NAME_STARTS or \
                                    before[word.end():first].strip(" \u00a0") != "":
                                break
                            first = word.start()
                    defined[acronym] = before[first:].strip()
                    break
        for match in _REVERSED.finditer(text):
            acronym, expansion = match.group("acr"), match.group("expansion").strip()
            if acronym not in defined and _matches(acronym, re.findall(r"[\w’'-]+", expansion)):
                defined[acronym] = expansion
    return defined
