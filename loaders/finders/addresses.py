"""Places in postal addresses: the town (and county) before a postcode ("160 Tooley Street,
London SE1 2QH", "Scott House, Basingstoke, Hampshire, RG21 7PP") and the named building of
the address ("Council Chamber, County Hall, Northallerton, DL7 8AD"), which docs/ANNOTATION.md
counts as places (settled case "Facilities and buildings"). Streets, rooms and house numbers
are no places. The words are data (``[addresses]`` in ``cues/entities.toml``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache

from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.mentions import MENTION_FINDERS, Mention, Passage

#: A UK postcode ("SE1 2QH", "DL7 8AD", "EH1 3EG").
_POSTCODE = re.compile(r"(?<![\w-])[A-Z]{1,2}[0-9][A-Z0-9]?[ \u00a0]?[0-9][A-Z]{2}(?![\w-])")
#: A word of a place's name: capitalised, no digit.
_PLACE_WORD = r"[A-Z][a-z’'-]+(?:-[A-Za-z][a-z’'-]+)*"


@cache
def _cues() -> dict:
    return load_cues("entities")["addresses"]


def _kind_of_part(part: str) -> str | None:
    """"town" for a part of an address that is a place's name (capitalised words, none a
    street's, a room's or a building's), "building" for a named building, else None.

    Examples
    --------
    >>> [_kind_of_part(p) for p in ("London", "County Hall", "Tooley Street", "Council Chamber", "160 Tooley")]
    ['town', 'building', None, None, None]
    """
    words = part.split()
    cues = _cues()
    if not words or len(words) > 4 or any(not re.fullmatch(_PLACE_WORD + r"|of|upon|on|the|and", w) for w in words):
        return None
    if not words[0][:1].isupper() or any(w in cues["not_place_words"] for w in words):
        return None
    if words[-1] in cues["room_words"] or " ".join(words[-2:]) in cues["room_words"]:
        return None
    if words[-1] in cues["street_words"] or (len(words) == 1 and words[0] in cues["not_towns"]):
        return None
    if words[-1] in cues["building_words"] or part in cues["building_words"]:
        return "building" if len(words) >= 2 or part in cues["building_words"] else None
    return "town"


@MENTION_FINDERS.register("addresses", after="places")
def address_places(passage: Passage) -> Iterator[Mention]:
    """The places an address before a postcode names: its town and county, and its building.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nVenue: Council Chamber, County Hall, Northallerton, DL7 8AD\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["addresses"]))
    ['County Hall', 'Northallerton']
    """
    text = passage.text
    for postcode in _POSTCODE.finditer(text):
        line_start = max(text.rfind("\n", 0, postcode.start()) + 1, postcode.start() - 160)
        head = text[line_start:postcode.start()]
        # The part just before the postcode may hold street words before the town, with no comma
        # ("Assynt House Beechwood Park Inverness IV2 3BW"): the town is what follows the last.
        parts = list(re.finditer(r"[^,:;()\n]+", head))
        if not parts:
            continue
        # Read back from the postcode: up to two parts that are places (town, county), then,
        # past a street or a room, the building the address is in; a person, a post or a
        # room's name before them is nobody's place.
        towns, past_street = 0, False
        for part in reversed(parts[-_cues()["parts_read"]:]):
            words = part.group().strip(" \u00a0.")
            if not words:
                continue
            start = line_start + part.start() + part.group().index(words)
            kind = _kind_of_part(words)
            if kind == "town" and not past_street and towns < 2:
                yield passage.mention(start, start + len(words), "place", words, "pattern:address")
                towns += 1
                continue
            if kind is None:
                # "Held at Wexford Mill", "office is at Scott House": the building the words end in.
                run = re.search(rf"(?<![\w’'-])(?:{_PLACE_WORD}[ \u00a0]+)+{_PLACE_WORD}$", words)
                if run is not None and run.group() != words and _kind_of_part(run.group()) == "building":
                    start, words, kind = start + run.start(), run.group(), "building"
            if kind == "building":
                yield passage.mention(start, start + len(words), "place", words, "pattern:address")
                break  # what comes before a building is its rooms
            if kind is None and not past_street and not towns:
                # "Mare Street London": the town after the street's last word.
                tail = re.search(rf"(?:{'|'.join(_cues()['street_words'])})[ \u00a0]+(?P<town>{_PLACE_WORD}"
                                 rf"(?:[ \u00a0]+{_PLACE_WORD})?)$", words)
                if tail is not None and _kind_of_part(tail.group("town")) == "town":
                    at = start + tail.start("town")
                    yield passage.mention(at, at + len(tail.group("town")), "place", tail.group("town"),
                                          "pattern:address")
                    towns += 1
            if kind == "town" and (past_street or towns >= 2):
                break  # a name before the address's places: a person's, a body's
            past_street = past_street or kind is None
