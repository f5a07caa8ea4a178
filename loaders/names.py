"""People's names: find and parse them ("Mr M J Angell", "Cllr Jones", "Thom Wilson").

Honorifics, suffixes and stop words come from ``cues/entities.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from loaders.cues import load_cues

_NAME_WORD = r"[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z]'[A-Z][a-z]+|Mc[A-Z][a-z]+|Mac[A-Z][a-z]+"
_INITIAL = r"[A-Z]\.?"


@dataclass(frozen=True)
class PersonName:
    """A parsed personal name.

    Examples
    --------
    >>> name = parse_person_name("Mr M A C Balfour")
    >>> (name.honorific, name.initials, name.family, name.display)
    ('Mr', 'M A C', 'Balfour', 'M A C Balfour')
    """

    honorific: str | None
    given: str | None
    initials: str | None
    family: str

    @property
    def display(self) -> str:
        """The name without its honorific (``Thom Wilson``, ``M J Angell``)."""
        return " ".join(p for p in (self.given, self.initials, self.family) if p)

    @property
    def first_initial(self) -> str | None:
        """The initial of the first forename, if known."""
        source = self.given or self.initials
        return source[0] if source else None


@cache
def honorifics() -> tuple[str, ...]:
    """Honorifics, longest first so that "Rt Hon" wins over "Hon"."""
    return tuple(sorted(load_cues("entities")["people"]["honorifics"], key=len, reverse=True))


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_cues("entities")["people"]["stopwords"])


@cache
def honorific_name_pattern() -> re.Pattern[str]:
    """Regex for an honorific followed by initials and/or names ("Cllr B Jones", "Mr Wilson").

    Examples
    --------
    >>> honorific_name_pattern().search("thanked Mr Wilson for attending").group()
    'Mr Wilson'
    """
    hon = "|".join(re.escape(h) for h in honorifics())
    return re.compile(
        rf"\b(?P<hon>{hon})\.?[ \u00a0]+"
        rf"(?P<name>(?:{_INITIAL}[ \u00a0]?){{0,4}}(?:(?:{_NAME_WORD})[ \u00a0]){{0,2}}(?:{_NAME_WORD}))"
    )


@cache
def plain_name_pattern() -> re.Pattern[str]:
    """Regex for a two- or three-word capitalised name without honorific ("Thom Wilson").

    Examples
    --------
    >>> plain_name_pattern().search("Interview with Thom Wilson, Head").group()
    'Thom Wilson'
    """
    return re.compile(
        rf"\b(?P<name>(?:{_NAME_WORD})(?:[ \u00a0](?:{_INITIAL}|{_NAME_WORD})){{0,1}}"
        rf"[ \u00a0](?:{_NAME_WORD}))\b"
    )


def parse_person_name(text: str) -> PersonName | None:
    """Parse a name such as ``Mr M J Angell``, ``Cllr Jones`` or ``Carolyn Mcvitte``.

    Parameters
    ----------
    text : str
        The name as written, with or without honorific.

    Returns
    -------
    PersonName or None
        None when the text does not look like a personal name (a stop word inside, no
        surname, or more than five words).

    Examples
    --------
    >>> parse_person_name("Thom Wilson").given
    'Thom'
    >>> parse_person_name("Head of Democratic Services") is None
    True
    """
    words = text.replace("\u00a0", " ").replace(".", " ").split()
    honorific = None
    for hon in honorifics():
        hon_words = hon.split()
        if words[: len(hon_words)] == hon_words:
            honorific, words = hon, words[len(hon_words):]
            break
    suffixes = set(load_cues("entities")["people"]["suffixes"])
    while words and words[-1] in suffixes:
        words = words[:-1]
    if not words or len(words) > 5 or any(len(w) > 1 and w in _stopwords() for w in words):
        return None
    if not all(re.fullmatch(rf"{_INITIAL}|{_NAME_WORD}", w) for w in words):
        return None
    family = words[-1]
    if len(family) == 1:
        return None
    initials = [w for w in words[:-1] if len(w) == 1]
    given = [w for w in words[:-1] if len(w) > 1]
    if honorific is None and not given:
        return None
    return PersonName(honorific, " ".join(given) or None, " ".join(initials) or None, family)


def name_slug(name: PersonName) -> str:
    """The registry key of a name: lower-case words joined by hyphens.

    Examples
    --------
    >>> name_slug(parse_person_name("Mr M J Angell"))
    'm-j-angell'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.display.lower()).strip("-")
