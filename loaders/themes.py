"""Tagging passages with terms-of-reference themes by lexical similarity.

Committees set their terms of reference as lettered themes with question bullets, but hearings
rarely say which theme a question belongs to. This stage compares a passage to each theme by the
cosine of TF-IDF vectors over words and word pairs: to the theme's whole text and to each of its
sentences and question bullets (a passage that answers one bullet is close to that bullet even
when the theme has many), and returns the themes that are clearly closest. IDF is taken over the
themes and the other passages of the papers, so words every passage uses weigh little and the
words that tell themes apart ("social value", "decommission") decide. A question and its answers
support each other: one carries a theme the other is tagged with when its own similarity to that
theme reaches a share of the threshold (:meth:`ThemeTagger.tag_linked`).

Measured against a hand judgement of the sample hearing (tests/fixtures/themes/): precision 0.88,
recall 0.14 before (answers read with their question, whole-theme cosine, threshold 0.12); 0.70
and 0.63 with bullets, linked questions and answers and settings calibrated on it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from typing import NamedTuple

from evidence_graph.loaders.cues import load_cues

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


class _Settings(NamedTuple):
    stopwords: frozenset[str]
    min_length: int
    threshold: float
    share: float
    min_shared: int
    support: float
    min_words: int
    bullet_weight: float
    bullet_min_weight: float


@cache
def _settings() -> _Settings:
    cues = load_cues("themes")
    return _Settings(frozenset(cues["stopwords"]), int(cues["min_term_length"]), float(cues["min_similarity"]),
                     float(cues["runner_up_share"]), int(cues["bullet_min_shared_terms"]),
                     float(cues["linked_support"]), int(cues["min_passage_words"]), float(cues["bullet_weight"]),
                     float(cues["bullet_min_shared_weight"]))


_SENTENCE = re.compile(r"(?<=[.?!])\s+|\n+")


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
    stopwords, min_length = _settings()[:2]
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
        # Each sentence and question bullet of a theme on its own, with its single words.
        self.bullets = {theme.notation: [(vector, {t for t in vector if " " not in t})
                                         for piece in _SENTENCE.split(theme.text)
                                         if (vector := self._vector(terms(piece)))]
                        for theme in themes}

    def _vector(self, found: Counter[str]) -> dict[str, float]:
        # Raw term frequency: a passage that keeps coming back to "social value" is about it.
        vector = {t: n * self.idf[t] for t, n in found.items() if t in self.idf}
        norm = math.sqrt(sum(v * v for v in vector.values()))
        return {t: v / norm for t, v in vector.items()} if norm else {}

    def similarities(self, text: str) -> dict[str, float]:
        """Similarity of ``text`` to every theme: the cosine to the theme's whole text or to its
        closest sentence or question bullet, whichever is higher.

        A bullet counts only when it shares enough words with the text, and words that weigh in it
        (``bullet_min_shared_terms``, ``bullet_min_shared_weight``): one common word shared with a
        short bullet is no match. A bullet's cosine is weighed by ``bullet_weight``: one bullet is
        less evidence than the theme as a whole.
        """
        vector = self._vector(terms(text))
        words = {t for t in vector if " " not in t}
        settings = _settings()
        found = {}
        for notation, theme in self.vectors.items():
            score = sum(w * theme.get(t, 0.0) for t, w in vector.items())
            for bullet, bullet_words in self.bullets.get(notation, ()):
                shared = words & bullet_words
                # Enough shared words, and words that weigh in the bullet ("ensure" and
                # "commission" shared with "How can we use commissioning to ensure …" are not).
                if len(shared) >= settings.min_shared and sum(bullet[t] for t in shared) >= settings.bullet_min_weight:
                    score = max(score, settings.bullet_weight * sum(w * bullet.get(t, 0.0) for t, w in vector.items()))
            found[notation] = score
        return found

    def tag(self, text: str) -> list[ThemeMatch]:
        """The themes ``text`` is clearly about, closest first (none when nothing is close enough)."""
        return self._pick(self.similarities(text))

    @staticmethod
    def _pick(similarities: dict[str, float]) -> list[ThemeMatch]:
        settings = _settings()
        scored = sorted(similarities.items(), key=lambda item: (-item[1], item[0]))
        if not scored or scored[0][1] < settings.threshold:
            return []
        best = scored[0][1]
        return [ThemeMatch(n, round(s, 4)) for n, s in scored
                if s >= settings.threshold and s >= settings.share * best]

    def tag_linked(self, texts: Sequence[str], links: Sequence[Sequence[int]]) -> list[list[ThemeMatch]]:
        """Tag passages that support each other: questions and the answers given to them.

        Parameters
        ----------
        texts : sequence of str
            The passages ("" for one that is never tagged).
        links : sequence of sequence of int
            For each passage, the passages it is linked with (an answer's question, a question's
            answers).

        Returns
        -------
        list of list of ThemeMatch
            Per passage: the themes it is tagged with on its own, and each theme a linked passage
            is tagged with whose similarity to this passage reaches ``linked_support`` times the
            threshold (a question carries the theme its answer addresses, and the other way).

        Examples
        --------
        >>> tagger = ThemeTagger([ThemeText("a", "Contract monitoring: how do we monitor the outcomes of contracts?"),
        ...                       ThemeText("b", "Social value: how can we meet the duties of the Social Value Act?")])
        >>> question = "How do you monitor what contracts achieve?"
        >>> answer = "We monitor the outcomes of contracts every quarter, and what providers achieve."
        >>> [[m.notation for m in found] for found in tagger.tag_linked([question, answer], [[1], [0]])]
        [['a'], ['a']]
        """
        settings = _settings()
        # A passage of a few content words ("the meeting is open to the public") is tagged only
        # through a linked passage: a handful of words is too little evidence on its own.
        scored = [self.similarities(text) if text.strip() else {} for text in texts]
        enough = [sum(1 for t in terms(text) if " " not in t) >= settings.min_words for text in texts]
        own = [self._pick(found) if found and ok else [] for found, ok in zip(scored, enough, strict=True)]
        tagged: list[list[ThemeMatch]] = []
        for index, matches in enumerate(own):
            found = {m.notation: m for m in matches}
            for other in links[index]:
                for match in own[other]:
                    similarity = scored[index].get(match.notation, 0.0)
                    if match.notation not in found and similarity >= settings.support * settings.threshold:
                        found[match.notation] = ThemeMatch(match.notation, round(similarity, 4))
            tagged.append(sorted(found.values(), key=lambda m: (-m.similarity, m.notation)))
        return tagged
