"""Tagging passages with terms-of-reference themes by lexical similarity.

Committees set their terms of reference as lettered themes with question bullets, but hearings
rarely say which theme a question belongs to. This stage compares a passage (with the question it
answers) to each theme's text by the cosine of TF-IDF vectors over words and word pairs, and
returns the themes that are clearly closest. IDF is taken over the themes themselves, so words
every theme shares ("commissioning" in a commissioning inquiry) weigh nothing and the words that
tell themes apart ("social value", "decommission") decide.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise

from loaders.cues import load_cues

_WORD = re.compile(r"[a-z][a-z'’\-]*[a-z]|[a-z]")


@dataclass(frozen=True)
class ThemeText:
    """A theme and the words that describe it (heading, definition, question bullets)."""

    notation: str
    text: str


@dataclass(frozen=True)
class ThemeMatch:
    """A theme tagged on a passage and the similarity that decided it."""

    notation: str
    similarity: float


@cache
def _settings() -> tuple[frozenset[str], int, float, float]:
    cues = load_cues("themes")
    return (frozenset(cues["stopwords"]), int(cues["min_term_length"]), float(cues["min_similarity"]),
            float(cues["runner_up_share"]))


def _stem(word: str) -> str:
    """A light stem so that plurals and common endings meet (providers/provider, commissioned/commission)."""
    if word.endswith("ies") and len(word) > 5:
        return word[:-3] + "y"
    for ending in ("sses", "ing", "ed"):
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: len(word) - len(ending)] + ("ss" if ending == "sses" else "")
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 4:
        return word[:-1]
    return word


def terms(text: str) -> Counter[str]:
    """Stemmed content words and adjacent word pairs of ``text``.

    Examples
    --------
    >>> sorted(terms("The Social Value Act and social values"))
    ['act', 'social', 'social value', 'value', 'value act']
    """
    stopwords, min_length, _, _ = _settings()
    words = [_stem(w.replace("’", "'").strip("'-")) for w in _WORD.findall(text.casefold())]
    kept = [w if len(w) >= min_length and w not in stopwords else None for w in words]
    found: Counter[str] = Counter(w for w in kept if w)
    found.update(f"{a} {b}" for a, b in pairwise(kept) if a and b)
    return found


class ThemeTagger:
    """Tag passages with the themes of one terms of reference.

    Parameters
    ----------
    themes : sequence of ThemeText
        Every theme of the terms of reference.
    background : sequence of str, optional
        Other text of the same papers (passages). IDF is computed over the themes and these, so
        words every paper uses weigh little and the words that tell themes apart decide.

    Examples
    --------
    >>> tagger = ThemeTagger([ThemeText("a", "Market development: barriers to entry for new providers"),
    ...                       ThemeText("b", "Social value: how can we meet the duties of the Social Value Act?")])
    >>> tagger.tag("Regarding social value, I am not sure that many people understand it.")
    [ThemeMatch(notation='b', similarity=0.866)]
    >>> tagger.tag("Thank you for attending.")
    []
    """

    def __init__(self, themes: Sequence[ThemeText], background: Sequence[str] = ()) -> None:
        counted = {theme.notation: terms(theme.text) for theme in themes}
        documents = len(counted) + len(background) or 1
        frequency: Counter[str] = Counter(t for found in counted.values() for t in found)
        frequency.update(t for text in background for t in set(terms(text)))
        # Smoothed IDF: a term in every theme weighs log(1 + 1/N), not zero, so a one-theme
        # inquiry still tags.
        self.idf = {t: math.log((documents + 1) / df) for t, df in frequency.items()}
        self.vectors = {notation: self._vector(found) for notation, found in counted.items()}

    def _vector(self, found: Counter[str]) -> dict[str, float]:
        # Raw term frequency: a passage that keeps coming back to "social value" is about it.
        vector = {t: n * self.idf[t] for t, n in found.items() if t in self.idf}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        return {t: v / norm for t, v in vector.items()} if norm else {}

    def similarities(self, text: str) -> dict[str, float]:
        """Cosine similarity of ``text`` to every theme."""
        vector = self._vector(terms(text))
        return {notation: sum(w * theme.get(t, 0.0) for t, w in vector.items())
                for notation, theme in self.vectors.items()}

    def tag(self, text: str) -> list[ThemeMatch]:
        """The themes ``text`` is clearly about, closest first (none when nothing is close enough)."""
        _, _, threshold, share = _settings()
        scored = sorted(self.similarities(text).items(), key=lambda item: (-item[1], item[0]))
        if not scored or scored[0][1] < threshold:
            return []
        best = scored[0][1]
        return [ThemeMatch(n, round(s, 4)) for n, s in scored if s >= threshold and s >= share * best]
