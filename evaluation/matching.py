"""Matching extracted entities to annotated ones (docs/ANNOTATION.md, "Matching").

Names are compared after :func:`normalise`: Unicode NFKC, case folding, "&" read as "and",
apostrophes dropped and other punctuation read as a space, whitespace collapsed, and, for people,
honorifics and post-nominals removed (both lists are the loaders' own, ``loaders/cues/entities.toml``).

- **Exact**: some name of one equals some name of the other after normalisation.
- **Lenient**: also a leading "the", a trailing generic word (:data:`GENERIC_WORDS`), a person's
  surname with compatible given names or initials (a surname alone only when one annotated person
  of the document has it), and one name containing the other as a run of at least two words
  (numbers not counted); for organisations, two names of one principal local authority
  ("London Borough of Fenmoor" ~ "Fenmoor Council" ~ "Fenmoor District Council", not "Fenmoor
  Town Council": :func:`authority_forms`).

Each annotated entity is matched at most once and so is each extracted one (:func:`assign`:
greedy, exact pairs first).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from evidence_graph.loaders.cues import load_cues

#: Trailing words a lenient match may drop ("the Planning Service" ~ "Planning").
GENERIC_WORDS = frozenset({"service", "services", "team", "teams", "programme", "programmes", "program",
                           "project", "scheme", "initiative", "committee", "sub committee", "subcommittee",
                           "panel", "board", "forum", "group", "unit", "department", "directorate",
                           "partnership", "strategy", "policy", "plan", "framework", "review", "fund",
                           "grant", "contract", "council"})
_ARTICLES = ("the",)
#: Words of a principal local authority's type, around its place name: "Fenmoor District Council",
#: "London Borough of Fenmoor" and "Fenmoor Council" name one authority. Town, parish and
#: community councils are other bodies, so their words are not here.
_AUTHORITY_TYPES = ("metropolitan borough council", "county borough council", "county council",
                    "district council", "borough council", "city council", "council")
_AUTHORITY_PREFIXES = ("london borough of ", "royal borough of ", "city of ", "cyngor ")
_APOSTROPHES = re.compile(r"['’‘`´]")
_PUNCTUATION = re.compile(r"[^\w\s]|_")
_SPACE = re.compile(r"\s+")

#: Match levels: none, lenient only, exact.
NONE, LENIENT, EXACT = 0, 1, 2

Names = Sequence[str]


@cache
def honorifics() -> tuple[tuple[str, ...], ...]:
    """The loaders' honorifics as normalised word tuples, longest first.

    Examples
    --------
    >>> ("rt", "hon") in honorifics() and ("cllr",) in honorifics()
    True
    """
    words = {tuple(_plain(h).split()) for h in load_cues("entities")["people"]["honorifics"]}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def post_nominals() -> frozenset[str]:
    """The loaders' post-nominal letters ("MBE", "MP" …), normalised.

    Examples
    --------
    >>> "mbe" in post_nominals()
    True
    """
    return frozenset(_plain(s) for s in load_cues("entities")["people"]["suffixes"])


def _plain(text: str) -> str:
    """NFKC, case folding, '&' as 'and', apostrophes dropped, other punctuation as spaces."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("&", " and ")
    text = _APOSTROPHES.sub("", text)
    return _SPACE.sub(" ", _PUNCTUATION.sub(" ", text)).strip()


def _person_span(words: Sequence[str]) -> tuple[int, int]:
    """The ``(start, end)`` of ``words`` (normalised) without leading honorifics and post-nominals."""
    start, end = 0, len(words)
    changed = True
    while changed and end - start > 1:
        changed = False
        for honorific in honorifics():
            if end - start > len(honorific) and tuple(words[start:start + len(honorific)]) == honorific:
                start += len(honorific)
                changed = True
                break
    while end - start > 1 and words[end - 1] in post_nominals():
        end -= 1
    return start, end


def _strip_person(words: list[str]) -> list[str]:
    start, end = _person_span(words)
    return words[start:end]


def normalise(name: str, family: str = "") -> str:
    """The form names are compared in (exact matching).

    Parameters
    ----------
    name : str
    family : str
        ``people`` also drops honorifics and post-nominals.

    Returns
    -------
    str

    Examples
    --------
    >>> normalise("Councillor  R. Clarke MBE", "people")
    'r clarke'
    >>> normalise("Children’s  Services & Education")
    'childrens services and education'
    >>> normalise("Ｃａｒｅ Act 2014")
    'care act 2014'
    """
    words = _plain(name).split()
    if family == "people":
        words = _strip_person(words)
    return " ".join(words)


def lenient_forms(name: str, family: str = "") -> set[str]:
    """The normalised name with and without a leading article and trailing generic words.

    Examples
    --------
    >>> sorted(lenient_forms("The Planning Service Team"))
    ['planning', 'planning service', 'planning service team', 'the planning service team']
    >>> sorted(lenient_forms("Licensing Sub-Committee"))
    ['licensing', 'licensing sub committee']
    """
    base = normalise(name, family)
    forms = {base}
    words = base.split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
        forms.add(" ".join(words))
    while len(words) > 1:
        if len(words) > 2 and " ".join(words[-2:]) in GENERIC_WORDS:  # "sub committee" before "committee"
            words = words[:-2]
        elif words[-1] in GENERIC_WORDS:
            words = words[:-1]
        else:
            break
        forms.add(" ".join(words))
    if family.startswith("organisations"):  # and the pooled organisations+committees
        forms |= authority_forms(base)
    return {f for f in forms if f}


def authority_forms(name: str) -> set[str]:
    """The place part of a principal local authority's normalised name, as its lenient form.

    Examples
    --------
    >>> sorted(authority_forms("london borough of fenmoor") | authority_forms("fenmoor district council"))
    ['fenmoor']
    >>> authority_forms("fenmoor town council"), authority_forms("fenmoor trust")
    (set(), set())
    """
    if name.startswith("the "):
        name = name[4:]
    for prefix in _AUTHORITY_PREFIXES:
        if name.startswith(prefix) and len(name) > len(prefix):
            rest = name[len(prefix):]
            for suffix in _AUTHORITY_TYPES:  # "City of Fenmoor Council"
                if rest.endswith(f" {suffix}"):
                    rest = rest[: -len(suffix) - 1]
                    break
            return {rest}
    for suffix in _AUTHORITY_TYPES:
        if name.endswith(f" {suffix}"):
            place = name[: -len(suffix) - 1]
            if place.split()[-1] in {"town", "parish", "community"}:
                return set()
            return {place}
    return set()


@dataclass(frozen=True)
class PersonParts:
    """A person's name as given names (or initials) and a surname, normalised."""

    given: tuple[str, ...]
    surname: str


def person_parts(name: str) -> PersonParts | None:
    """Split a person's name into given names or initials and a surname.

    A hyphenated surname stays one word; initials written together ("MA Sherrey") are split.

    Examples
    --------
    >>> person_parts("Cllr M.A. Sherrey")
    PersonParts(given=('m', 'a'), surname='sherrey')
    >>> person_parts("Jess Bayley-Hill")
    PersonParts(given=('jess',), surname='bayleyhill')
    >>> person_parts("Dr Clarke")
    PersonParts(given=(), surname='clarke')
    """
    text = unicodedata.normalize("NFKC", name)
    text = re.sub(r"(?<=\w)[-‐‑–](?=\w)", "", text)  # Bayley-Hill -> BayleyHill
    raw = _PUNCTUATION.sub(" ", _APOSTROPHES.sub("", text)).split()
    start, end = _person_span([w.casefold() for w in raw])
    raw = raw[start:end]
    if not raw:
        return None
    given: list[str] = []
    for word in raw[:-1]:
        if word.isupper() and 1 < len(word) <= 3:  # "MA" written for "M. A."
            given.extend(word.casefold())
        else:
            given.append(word.casefold())
    return PersonParts(tuple(given), raw[-1].casefold())


def _given_compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    for x, y in zip(a, b, strict=False):
        if x == y:
            continue
        if (len(x) == 1 or len(y) == 1) and x[0] == y[0]:
            continue
        return False
    return True


def _contains(longer: str, shorter: str) -> bool:
    """``shorter`` is a run of whole words of ``longer``, two of them words (not numbers: "Order 2019" is one)."""
    words = sum(1 for word in shorter.split() if any(c.isalpha() for c in word))
    return words >= 2 and f" {shorter} " in f" {longer} " and longer != shorter


def match_level(gold: Names, predicted: Names, family: str = "", surnames: Counter[str] | None = None) -> int:
    """How one annotated entity and one extracted entity match: :data:`EXACT`, :data:`LENIENT` or :data:`NONE`.

    Parameters
    ----------
    gold, predicted : sequence of str
        Each entity's names (name and aliases, or every label).
    family : str
        ``people`` turns on the honorific and surname rules.
    surnames : Counter, optional
        How many annotated people of the document have each surname (:func:`surname_counts`); a
        surname alone matches only a surname held by one. None: as if each were unique.

    Returns
    -------
    int

    Examples
    --------
    >>> match_level(["Rita Clarke", "R. Clarke"], ["Cllr R Clarke"], "people")
    2
    >>> match_level(["Rita Clarke"], ["Councillor Clarke"], "people")
    1
    >>> match_level(["Rita Clarke"], ["J Clarke"], "people")
    0
    >>> match_level(["Rita Clarke"], ["Clarke"], "people", Counter({"clarke": 2}))
    0
    >>> match_level(["Planning Service"], ["the planning"], "services")
    1
    >>> match_level(["Royal Council of Parish Councils"], ["Royal Council"], "organisations")
    1
    >>> match_level(["Bromsgrove School"], ["School"], "organisations")
    0
    >>> match_level(["Whistleblowing Order 2019"], ["Order 2019"], "legislation")
    0
    >>> match_level(["London Borough of Fenmoor"], ["Fenmoor Council"], "organisations")
    1
    >>> match_level(["Fenmoor District Council"], ["Fenmoor Town Council"], "organisations")
    0
    """
    exact_gold = {normalise(n, family) for n in gold} - {""}
    exact_predicted = {normalise(n, family) for n in predicted} - {""}
    if exact_gold & exact_predicted:
        return EXACT
    forms_gold = set().union(*(lenient_forms(n, family) for n in gold)) if gold else set()
    forms_predicted = set().union(*(lenient_forms(n, family) for n in predicted)) if predicted else set()
    if forms_gold & forms_predicted:
        return LENIENT
    if any(_contains(a, b) or _contains(b, a) for a in forms_gold for b in forms_predicted):
        return LENIENT
    if family == "people":
        for g in filter(None, map(person_parts, gold)):
            for p in filter(None, map(person_parts, predicted)):
                if g.surname != p.surname:
                    continue
                if not g.given or not p.given:
                    if surnames is None or surnames.get(g.surname, 0) <= 1:
                        return LENIENT
                elif _given_compatible(g.given, p.given):
                    return LENIENT
    return NONE


def surname_counts(gold: Sequence[Names]) -> Counter[str]:
    """How many annotated people have each surname (each person counted once).

    Examples
    --------
    >>> surname_counts([["Rita Clarke", "R. Clarke"], ["Bob Clarke"], ["Ann Lee"]])
    Counter({'clarke': 2, 'lee': 1})
    """
    counts: Counter[str] = Counter()
    for names in gold:
        counts.update({p.surname for p in map(person_parts, names) if p})
    return counts


@dataclass(frozen=True)
class Assignment:
    """A one-to-one matching of annotated to extracted entities, at one level (exact or lenient).

    ``pairs`` holds ``(gold index, predicted index, level)``.
    """

    pairs: tuple[tuple[int, int, int], ...]
    gold: int
    predicted: int

    @property
    def tp(self) -> int:
        """Matched pairs."""
        return len(self.pairs)

    @property
    def fp(self) -> int:
        """Extracted entities left unmatched."""
        return self.predicted - self.tp

    @property
    def fn(self) -> int:
        """Annotated entities left unmatched (misses)."""
        return self.gold - self.tp

    @property
    def unmatched_gold(self) -> list[int]:
        """Indices of the misses."""
        done = {g for g, _, _ in self.pairs}
        return [i for i in range(self.gold) if i not in done]

    @property
    def unmatched_predicted(self) -> list[int]:
        """Indices of the false positives."""
        done = {p for _, p, _ in self.pairs}
        return [i for i in range(self.predicted) if i not in done]


def assign(gold: Sequence[Names], predicted: Sequence[Names], family: str = "",
           lenient: bool = True) -> Assignment:
    """Match annotated to extracted entities one to one, greedily.

    Candidate pairs are taken strongest first (exact before lenient); among equals, the entity
    with fewer candidates first, then in order. ``lenient=False`` takes exact pairs only.

    Parameters
    ----------
    gold : sequence of names
        The annotated entities (each its name and aliases).
    predicted : sequence of names
        The extracted entities (each its labels).
    family : str
    lenient : bool

    Returns
    -------
    Assignment

    Examples
    --------
    >>> gold = [["Rita Clarke"], ["Ann Lee"]]
    >>> predicted = [["R Clarke"], ["Councillor Clarke"], ["Ann Lee"], ["Bob Smith"]]
    >>> a = assign(gold, predicted, "people")
    >>> a.pairs, (a.tp, a.fp, a.fn)
    (((1, 2, 2), (0, 0, 1)), (2, 2, 0))
    >>> e = assign(gold, predicted, "people", lenient=False)
    >>> (e.tp, e.fp, e.fn), e.unmatched_gold
    ((1, 3, 1), [0])
    """
    surnames = surname_counts(gold) if family == "people" else None
    candidates: list[tuple[int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(predicted):
            level = match_level(g, p, family, surnames)
            if level == EXACT or (lenient and level == LENIENT):
                candidates.append((gi, pi, level))
    per_gold = Counter(g for g, _, _ in candidates)
    per_predicted = Counter(p for _, p, _ in candidates)
    candidates.sort(key=lambda c: (-c[2], per_gold[c[0]], c[0], per_predicted[c[1]], c[1]))
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    pairs: list[tuple[int, int, int]] = []
    for gi, pi, level in candidates:
        if gi not in used_gold and pi not in used_predicted:
            used_gold.add(gi)
            used_predicted.add(pi)
            pairs.append((gi, pi, level))
    return Assignment(tuple(pairs), len(gold), len(predicted))


__all__ = ["EXACT", "GENERIC_WORDS", "LENIENT", "NONE", "Assignment", "PersonParts", "assign", "honorifics",
           "lenient_forms", "match_level", "normalise", "person_parts", "post_nominals", "surname_counts"]
