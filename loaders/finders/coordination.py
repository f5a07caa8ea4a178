"""Names that share one plural head: "the Planning, Resources and Appeals Committees", "the
North East and North of Tyne Combined Authorities", "Gateshead and Sunderland Councils".

English writes a list of bodies of one kind once, with the head noun in the plural after the
last name. Each name in the list is a body in its own right, named with the singular head
("Planning Committee", "North East Combined Authority"). The plural heads, their singulars and
the kind each gives are cue data (``coordination`` in ``cues/entities.toml``).

Two names joined by "and" are read so only when each has two words or more ("the Overview and
Scrutiny Committees" are the committees of one name, not an Overview Committee), save councils
whose place fits a registered council; a list with commas takes names of one word too. A list
whose names end in a head of their own ("Standing Committees, Licensing Board and …") or whose
head goes on into a post ("Committees Officer") is no such list.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from evidence_graph.loaders.context import register_name
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.finders.spans import CAP_WORD, NAME_END, alternation, cues, trim_start
from evidence_graph.loaders.mentions import MENTION_FINDERS, Mention, Passage

_SP = r"[ \u00a0]"
#: One name in a list: capitalised words, with "of", "for", "the", "on", "upon" or "in" inside.
_NAME = rf"{CAP_WORD}(?:{_SP}(?:(?:of|for|the|on|upon|in){_SP})?{CAP_WORD})*"


@cache
def _plurals() -> dict[str, tuple[str, str]]:
    """Each plural head with its singular and the kind of entity it names."""
    rules = load_cues("entities")["coordination"]
    return {plural: (singular, kind) for kind in ("committee", "organisation")
            for plural, singular in rules[kind].items()}


@cache
def _heads() -> tuple[str, ...]:
    """Singular and plural heads of committees and organisations: a name ending in one is whole."""
    singulars = {singular for singular, _ in _plurals().values()}
    return tuple({*_plurals(), *singulars, *cues("committees", "heads"), *cues("organisations", "suffixes")})


@cache
def _post_after_head() -> re.Pattern[str]:
    """A word after a committee's head that makes it part of a post ("Committees Officer")."""
    return re.compile(rf"{_SP}+(?:{alternation(cues('committees', 'not_before'))}){NAME_END}")


@cache
def _plural_head() -> re.Pattern[str]:
    return re.compile(rf"(?<=[ \u00a0])(?:{alternation(list(_plurals()))}){NAME_END}")


@cache
def _coordinated() -> re.Pattern[str]:
    """A list of names ending at the end of the text read, its plural head after it."""
    return re.compile(rf"(?<![\w’'-])(?P<run>{_NAME}(?:,{_SP}{_NAME})*,?{_SP}(?:and|&){_SP}{_NAME})"
                      rf"{_SP}(?P<head>{alternation(list(_plurals()))})$")


#: How far before a plural head a list is read (a list runs to a few names, not a page).
_REACH = 400


def _lists(text: str) -> Iterator[re.Match[str]]:
    """Each list that ends in a plural head.

    Only the :data:`_REACH` characters before each plural head are read: a long list of names
    with no such head (a 5,000-name attendance list) costs no more than reading it once."""
    for head in _plural_head().finditer(text):
        start = max(0, head.start() - _REACH)
        match = _coordinated().search(text, start, head.end())
        if match is not None:
            yield match


def coordinated_names(text: str) -> list[tuple[int, int, str, str]]:
    """The names of a text's lists that share a plural head, each with its singular head.

    Parameters
    ----------
    text : str

    Returns
    -------
    list of (start, end, name, kind)
        Where each listed name is written (the last with the plural head), the name with the
        singular head, and its kind (``committee`` or ``organisation``).

    Examples
    --------
    >>> [n for *_, n, _ in coordinated_names("He sat on the Planning, Resources and Appeals Committees.")]
    ['Planning Committee', 'Resources Committee', 'Appeals Committee']
    >>> [n for *_, n, _ in coordinated_names("to abolish the North East and North of Tyne Combined Authorities")]
    ['North East Combined Authority', 'North of Tyne Combined Authority']
    >>> [n for *_, n, _ in coordinated_names("Durham and Sunderland Councils")]
    ['Durham County Council', 'Sunderland City Council']
    >>> coordinated_names("the Overview and Scrutiny Committees met")
    []
    """
    rules = load_cues("entities")["coordination"]
    not_names = frozenset(rules["not_names"])
    plurals = _plurals()
    heads = _heads()
    found: list[tuple[int, int, str, str]] = []
    for match in _lists(text):
        run, head = match.group("run"), match.group("head")
        names = [(m.start(), m.group()) for m in re.finditer(rf"{_NAME}", run)]
        # The last name's last words may open a longer head ("North of Tyne Combined" + "Authorities").
        at, last = names[-1]
        while " " in last and f"{last.rsplit(' ', 1)[1]} {head}" in plurals:
            last, word = last.rsplit(" ", 1)
            head = f"{word} {head}"
        names[-1] = (at, last)
        commas = "," in run
        if not commas:
            # "the Member Training and Development and Capital Projects Working Groups": with
            # no commas the names before the last "and" are one name.
            names = [(names[0][0], run[:names[-1][0]].rsplit(" and ", 1)[0].rsplit(" & ", 1)[0]), names[-1]]
            before = text[max(0, match.start("run") - _REACH):match.start("run")]
            while (lead := re.search(rf"(?<![\w’'-])({_NAME}){_SP}(?:and|&){_SP}$", before)) is not None:
                names[0] = (names[0][0] - len(lead.group()), lead.group(1) + before[lead.end(1):] + names[0][1])
                before = before[:lead.start()]
        dropped, first = trim_start(names[0][1])
        names[0] = (names[0][0] + dropped, first)
        singular, kind = plurals[head]
        if not first or _post_after_head().match(text, match.end("head")):
            continue  # "… Julie Payne Committees Officer": a post
        if any(name in not_names or name.endswith(heads) for _, name in names):
            continue  # "Standing Committees, Licensing Board and Ad Hoc Sub-Committees": whole names
        if not commas and any(" " not in name and not (singular == "Council" and register_name(f"{name} Council"))
                              for _, name in names):
            continue  # "Overview and Scrutiny Committees", "Training and Enterprise Councils"
        for index, (offset, name) in enumerate(names):
            start = match.start("run") + offset
            end = match.end("head") if index == len(names) - 1 else start + len(name)
            label = f"{name} {singular}"
            if singular == "Council":
                # "Durham … Councils": the registered council of that place, when one fits.
                label = register_name(label) or label
            found.append((start, end, label, kind))
    return found


@MENTION_FINDERS.register("coordinated-heads", after="committees")
def coordinated_mentions(passage: Passage) -> Iterator[Mention]:
    """Committees and organisations named in a list that shares a plural head (see
    :func:`coordinated_names`).

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nShe sat on the Planning, Licensing and Appeals Committees.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["coordinated-heads"]))
    ['Appeals Committee', 'Licensing Committee', 'Planning Committee']
    """
    for start, end, name, kind in coordinated_names(passage.text):
        # "grammar": the list's shape decides, over a cue noun's run ending in the plural.
        yield passage.mention(start, end, kind, name, "grammar:coordinated-head")
