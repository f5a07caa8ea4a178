"""Organisations and units named in a passage, found by context and head noun rather than by a
closed list of names.

- **Context**: a name after "on behalf of", "works with", "Memorandum submitted by" … (a list
  of names too: "with X, Y and Z"); the organisation in "Name, Post, Organisation" and
  "Name (Organisation)".
- **Bodies of state**: "Department for …", "Ministry of …", "Office of the …", "HM …",
  "Welsh Government", "Scottish Parliament", "House of Commons", "the Government".
- **Head words**: "X UK", "NHS X", company forms, "Fire & Rescue Service".
- **Units**: "Core Services Directorate", "the waste team", "the Labour Group", and the unit in
  "Contact: Name, Democratic Services" or "(Corporate Director, Development and Renewal)";
  capitalised names listed before a lower-case unit ("Roadcare, the waste team"), the units a
  service moves between ("from X to Y").
- **Apposition and form**: "Tarnlink, a small charity"; head first ("Friends of X", "Royal
  College of X"); an acronym before a post title ("the DfX Permanent Secretary"); "a X County
  Councillor" (that council).

Classes and sectors ("SMEs", "the voluntary sector", "local authorities") are never names: a
candidate must be capitalised, and it is judged by its words, not only its last one; a plural
acronym ("SME's") is a class. Every cue is data (``organisation_context`` in
``cues/entities.toml``, the finders' own sections in ``cues/organisations.toml``).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from functools import cache

from evidence_graph.loaders.finders.spans import (
    CAP_WORD,
    NAME_END,
    alternation,
    headed_run,
    preceded_by_article,
    run_parts,
    trim_start,
)
from evidence_graph.loaders.mentions import MENTION_FINDERS, Mention, Passage, and_joins_an_object, gazetteer_places
from evidence_graph.loaders.names import honorifics, known_given_name, organisation_words, parse_person_name

_SP = r"[ \u00a0]"
#: Where a list of bodies divides: a comma (with "and" or "the" after it) or "and".
_LIST_SEPARATOR = re.compile(rf"(,{_SP}*(?:and{_SP}+)?(?:the{_SP}+)?|{_SP}+and{_SP}+(?:the{_SP}+)?)")
#: A capitalised name: words, with joiners and "&" inside ("Leisure & Culture Dundee").
_NAME = (rf"{CAP_WORD}(?:{_SP}(?:(?:of|and|for|the|&|in|on|an|y|de|du|la|le){_SP}){{0,2}}"
         rf"(?:{CAP_WORD}|\([A-Z][A-Za-z&]{{1,7}}\))){{0,7}}")


def _context(section: str = "organisation_context") -> dict:
    from evidence_graph.loaders.cues import load_cues

    return load_cues("entities")[section]


@cache
def _cue_pattern() -> re.Pattern[str]:
    from evidence_graph.loaders.cues import load_cues

    phrases = []
    for cue in _context()["cues"] + load_cues("organisations")["context"]["more_cues"]:
        first, rest = cue[0], re.escape(cue[1:])
        verb, _, preposition = cue[1:].rpartition(" ")
        if verb and preposition in ("with", "by", "for", "from", "to"):
            # "works closely with", "funded mainly by": an adverb between verb and preposition.
            rest = rf"{re.escape(verb)}(?:{_SP}[a-z]+ly)?{_SP}{preposition}"
        phrases.append(f"[{first.lower()}{first.upper()}]{rest}")
    phrases.sort(key=len, reverse=True)
    return re.compile(rf"(?<![\w-])(?:{'|'.join(phrases)}){_SP}+(?:the{_SP}+)?(?P<names>{_NAME}"
                      rf"(?:(?:,{_SP}*|{_SP}+and{_SP}+|{_SP}*&{_SP}*)(?:the{_SP}+)?{_NAME}){{0,6}})")


def _is_person(name: str) -> bool:
    """Whether a candidate is a person's name by its form: an honorific or initials."""
    first = name.split()[0].rstrip(".")
    return first in honorifics() or first in ("Councillors", "Cllrs") or bool(
        re.search(r"(?:^|\s)[A-Z]\.(?:\s|$)|^[A-Z](?:\s[A-Z])?\s[A-Z][a-z]", name))


def plausible_organisation(name: str, head_first: bool = False) -> bool:
    """Whether a capitalised candidate found by context can be an organisation's name: not a
    person by form, a place, a post, a date, a bare generic word or a plural acronym (a class).

    Parameters
    ----------
    name
        The candidate name.
    head_first
        The name begins with its head noun ("Council of Europe"): a generic first word is
        the head, not a sign of a common noun.

    Examples
    --------
    >>> [plausible_organisation(n) for n in ("Homeless Link", "Cllr Smith", "Head of Housing", "Council", "SME's")]
    [True, False, False, False, False]
    >>> [plausible_organisation(n) for n in ("Select Committee on Widgets", "Commission for Widget Equality")]
    [False, True]
    """
    from evidence_graph.loaders.structure.fields import looks_like_post

    words = name.split()
    if not words or len(words) > 9 or not name[0].isupper():
        return False
    not_names = set(_context()["not_names"])
    if (words[0] in not_names and not head_first) or name in not_names or all(w in not_names for w in words):
        return False
    if _is_person(name) or looks_like_post(name) or name in gazetteer_places():
        return False
    if len(words) >= 2 and words[-1] in _post_nominals():
        return False  # "Ann Tarn MP": letters after a person's name
    if _bare_kind_or_label(words) or _initialled_person(name) or _names_a_post(words):
        return False
    if name in _not_name_cues()["topic_acronyms"] or name.split("-")[0] in _not_name_cues()["topic_acronyms"]:
        return False  # "COVID", "SEND", "HIV": a disease or a topic, never a body
    if re.fullmatch(r"[A-Z]{2,6}[’']?s", name):
        return False  # "SMEs", "SME's", "CCGs": a plural acronym is a class of bodies, not one body
    committees = _context("committees")
    if name.endswith(tuple(committees["heads"])) and not name.endswith(tuple(committees["organisation_heads"])):
        return False  # a committee's name: the committee finder's
    # "Select Committee on the Office of …": a committee named by what it is on, head first.
    tails = alternation([h for h in committees["tail_heads"] if h != "Commission"])
    if re.match(rf"(?:[A-Z][\w’'-]*[ \u00a0])?(?:{tails})[ \u00a0](?:on|for)[ \u00a0]", name):
        return False
    return not re.fullmatch(r"(?:January|February|March|April|May|June|July|August|September|October|"
                            r"November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|"
                            r"Sunday)\b.*", name)


@cache
def _post_nominals() -> frozenset[str]:
    from evidence_graph.loaders.cues import load_cues

    return frozenset(load_cues("organisations")["post_nominals"]["letters"])


@cache
def _not_name_cues() -> dict[str, frozenset[str]]:
    from evidence_graph.loaders.cues import load_cues

    return {key: frozenset(words) for key, words in load_cues("organisations")["not_names"].items()}


@cache
def _kind_words() -> frozenset[str]:
    """Single words that say what kind of body something is ("Trust", "Executive", "Committee")."""
    from evidence_graph.loaders.cues import load_cues

    entities = load_cues("entities")
    words = [*entities["organisations"]["suffixes"], *entities["committees"]["heads"],
             *_context()["government_heads"], *_context()["unit_heads"]]
    return frozenset(w for w in words if " " not in w)


def _bare_kind_or_label(words: list[str]) -> bool:
    """Whether a candidate's words are a bare kind of body, a function word before one, or a
    contact field's label, or a policy's or document's title: "Trust", "Executive", "With
    Council", "Email", "School Admission Arrangements" name nothing.

    Examples
    --------
    >>> [_bare_kind_or_label(n.split()) for n in ("Trust", "With Council", "Email", "Tarn Trust",
    ...                                           "School Admission Arrangements")]
    [True, True, True, False, True]
    """
    cues = _not_name_cues()
    if words[0] in cues["function_words"]:
        return True
    if len(words) > 1 and words[-1] in cues["title_heads"]:
        return True  # "School Admission Arrangements", "Health and Care Bill": a title
    if _names_a_class(words) or words[-1] in cues["number_words"]:
        return True
    if len(words) == 1 and (words[0] in _kind_words() or words[0].rstrip("s") in _kind_words()):
        return True
    return all(w.rstrip(":") in cues["field_words"] for w in words)


def names_a_venue(name: str) -> bool:
    """Whether a name ends in a building's head ("Tarn Leisure Centre", "Marsh Village Hall",
    "Tarnby Library"): a venue, which is a body only where the text says one acts.

    Examples
    --------
    >>> [names_a_venue(n) for n in ("Tarn Leisure Centre", "Marsh Village Hall", "Tarn Science Trust")]
    [True, True, False]
    """
    return len(name.split()) >= 2 and name.endswith(tuple(_not_name_cues()["venue_heads"]))


def _names_a_post(words: list[str]) -> bool:
    """Whether a candidate is a post's title: a post word before its remit's "for" or "of"
    ("Parliamentary Under-Secretary for Criminal Justice", "Director for Offender Management").

    Examples
    --------
    >>> [_names_a_post(n.split()) for n in ("Parliamentary Under-Secretary for Widgets", "Head of Widget Services",
    ...                                     "Friends of Tarn Park", "Institute of Directors")]
    [True, True, False, False]
    """
    for at, word in enumerate(words[1:4], start=1):
        if word in ("of", "for"):
            return words[at - 1].split("-")[-1].lower() in _post_words()
    return False


def _names_a_class(words: list[str]) -> bool:
    """Whether capitalised words are a class of people or bodies, not one body's name: plural
    common nouns alone ("Developers", "Schools and Academies"), or after a class modifier
    ("Senior Officers", "Outside Bodies"). An acronym, a possessive or a name ending otherwise
    ("Rothmans", "Tarn Valley Ramblers") is not one.

    Examples
    --------
    >>> [_names_a_class(n.split()) for n in ("Witnesses", "Schools and Academies", "Senior Officers",
    ...                                      "Tarn Valley Ramblers", "Rothmans", "CCGs")]
    [True, True, True, False, False, False]
    """
    cues = _not_name_cues()
    endings = tuple(cues["plural_endings"])

    def plural(word: str) -> bool:
        return word[:1].isupper() and not word.isupper() and word.endswith(endings) and len(word) > 4

    content = [w for w in words if w not in ("and", "&", "or", "of", "the")]
    if not content or not plural(content[-1]):
        return False
    return all(plural(w) for w in content) or (len(content) == 2 and content[0] in cues["class_modifiers"])


def _initialled_person(name: str) -> bool:
    """Whether a candidate reads as a person named with initials or a title ("D R Orbison",
    "D.R. Orbison") and has no organisation word: a person, not a body.

    Examples
    --------
    >>> [_initialled_person(n) for n in ("D R Orbison", "D.R. Orbison", "D R Orbison Ltd", "Tarn Ramblers")]
    [True, True, False, False]
    """
    person = parse_person_name(name)
    return person is not None and bool(person.initials or person.honorific) and not _has_org_suffix(name)


def _split_list(names: str, listing: bool = False) -> Iterator[tuple[int, str]]:
    """The names of a list "X, Y and Z" with their offsets.

    An acronym at the end names the whole list's one body only when no other member has its
    own ("X (XA), Y (YB) and Z (ZC)" is three bodies).

    Without a comma, "and" joins two names only when the first can stand alone: "Homeless
    Link and Crisis" and "OBR and HMICFRS" (an acronym first) are two, "Marketing and Events"
    and "Cheshire Fire and Rescue Service" one; after a cue that introduces a list (``listing``:
    "companies such as"), "and" always splits.
    """
    if re.search(r"\([A-Z][A-Za-z]{1,7}\)$", names) and len(re.findall(r"\([A-Z][A-Za-z&]{1,7}\)", names)) == 1:
        yield 0, names  # an acronym defined for the whole ("… Research and Information Services (RaISe)")
        return
    if "," not in names and " & " not in names:
        left, joined, right = names.partition(" and ")
        whole_suffixed, left_suffixed = _has_org_suffix(names), _has_org_suffix(left)
        # An acronym, or a committee's name ("Tarn Town Council Planning Committee and Fen
        # District Council"), stands alone: "and" after it joins another name.
        # A known body's name stands alone too ("Shelter and Tarnlink").
        left_stands_alone = (re.fullmatch(r"[A-Z][A-Za-z&]*[A-Z][A-Za-z&]*", left) is not None and left.isupper()) or (
            len(left.split()) >= 2 and left.endswith(tuple(_context("committees")["heads"]))) or \
            left in _known_organisations()
        # "Under-Secretary for Justice and Offender Management": "and" goes on with a post's remit.
        if joined and right[:1].isupper() and not and_joins_an_object(left) and not _names_a_post(left.split()) and (
                listing or left_stands_alone or (
                len(left.split()) >= 2 and (left_suffixed or not whole_suffixed))):
            yield 0, left
            # "X Body and Y Council and Z Council": each "and" may join one more name.
            yield from ((len(left) + len(joined) + at, name) for at, name in _split_list(right, listing))
        else:
            yield 0, names
        return
    at = 0
    for piece in _LIST_SEPARATOR.split(names):
        if piece and not _LIST_SEPARATOR.fullmatch(piece):
            yield at, piece
        at += len(piece)


@MENTION_FINDERS.register("organisation-context", after="organisations")
def organisations_by_context(passage: Passage) -> Iterator[Mention]:
    """Organisations after a context cue ("on behalf of X", "works with X, Y and Z").

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nThe service works with Homeless Link and Crisis on behalf of Cllr Smith.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-context"]))
    ['Crisis', 'Homeless Link']
    """
    text = passage.text
    for match in _cue_pattern().finditer(text):
        listing = bool(re.search(r"such as|including|charities|companies|organisations", match.group()[:40]))
        cue = re.sub(r"\s+[a-z]+ly(?=\s)", "", match.group()[:match.start("names") - match.start()].strip().lower())
        # A cue that only a body follows ("the contract with", "funded by") outweighs a
        # person read from a weak context word; "on behalf of" or "meeting with" does not.
        method = "context:body-cue" if cue.removesuffix(" the") in _body_only_cues() else "context:organisation"
        pieces = [(part_at + at, piece) for part_at, part in run_parts(match.group("names"))
                  for at, piece in _split_list(part, listing)]
        if re.match(rf"{_SP}+[A-Z]", text[match.end():]):
            pieces = pieces[:-1]  # the list ran past the words a name may hold: its last name is cut short
        for at, piece in pieces:
            if _is_person(piece):
                continue
            skip, name = trim_start(piece)
            # "… Local Councils (TALC)": the acronym the name defines is no part of it.
            name = re.sub(r"[ \u00a0]*\([A-Z][A-Za-z&]{1,7}\)$", "", _date_tail().sub("", name)).rstrip(" ,")
            start = match.start("names") + at + skip
            label = _evidence_label().search(name + text[start + len(name):start + len(name) + 30])
            if label and label.start() < len(name):
                name = name[:label.start()]  # "… Action Group Oral evidence session": a heading glued on
            # One word cut from a comma list ("staff from X, Environment, Roads and …") is a
            # common noun as often as a name: only an acronym is taken.
            if " " not in name and "," in match.group("names") and not name.isupper():
                continue
            if name in _not_name_cues()["department_words"]:
                continue  # "officers from Finance": a department's word, a unit only where a post names it
            if re.match(rf"{_SP}+(?:ward|wards|division|divisions|area|constituency|parish|town|village)\b",
                        text[start + len(name):]):
                continue  # "representing Northfield ward": a place
            if re.match(rf"{_SP}+(?:[0-9]|[A-Z](?![\w’'-]))", text[start + len(name):]):
                continue  # "evidence from Question 4", "together with Appendix A": a numbered part
            if re.search(r"(?:^|\s)(?:of|for)\s+(?:the\s+)?$", piece[:skip]):
                continue  # "submitted by Head of Finance": a post's (or a document's) object
            if method != "context:body-cue" and names_a_venue(name):
                continue  # "working with Tarn Leisure Centre": a building; a body-only cue makes it a body
            if plausible_organisation(name):
                yield passage.mention(start, start + len(name), "organisation", name, method)
    for match in _quoted_bodies().finditer(text):
        for quoted in re.finditer(r"[‘'“\"](?P<name>[A-Z][^‘’'“”\"]{1,60}?)[’'”\"‘]", match.group()):
            name = quoted.group("name").strip()
            if plausible_organisation(name):
                start = match.start() + quoted.start("name")
                yield passage.mention(start, start + len(name), "organisation", name, "context:quoted-body")


@cache
def _funded_subjects() -> re.Pattern[str]:
    """A name opening a sentence or a bullet, then what only a provider does: "Tarnlink received
    £20,000 to provide …", "Fenwise provided the service in …"."""
    from evidence_graph.loaders.cues import load_cues

    verbs = alternation(load_cues("organisations")["funded_subjects"]["predicates"])
    opening = r"(?:^|(?<=\n)|(?<=[•·\-–*][ \u00a0])|(?<=\.[ \u00a0]))"
    return re.compile(rf"{opening}[ \u00a0]*(?P<name>{CAP_WORD}(?:{_SP}{CAP_WORD}){{0,3}}){_SP}+(?:{verbs})",
                      re.M)


@MENTION_FINDERS.register("organisation-providers", after="organisation-context")
def organisations_by_funding(passage: Passage) -> Iterator[Mention]:
    """Bodies as the subject of receiving a grant or providing a service ("Tarnlink received
    £20,000 to provide …"): no person but a provider does that in a committee's papers.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Report\\n\\n  • Tarnlink received £20,000 to provide advice.\\n  • Cllr Fen received £20.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-providers"])]
    ['Tarnlink']
    """
    for match in _funded_subjects().finditer(passage.text):
        if _is_person(match.group("name")):
            continue
        skip, name = trim_start(match.group("name"))
        if not name or name.split()[0] in ("The", "This", "That", "It", "They", "We", "He", "She"):
            continue
        if parse_person_name(name) is not None and not _has_org_suffix(name):
            continue  # "Ann Fen received £200": a person
        if plausible_organisation(name) and not names_a_venue(name):
            start = match.start("name") + skip
            yield passage.mention(start, start + len(name), "organisation", name, "context:provider")


@cache
def _known_organisations() -> frozenset[str]:
    """The names and aliases of the organisation gazetteer (:func:`organisation_gazetteer`)."""
    from evidence_graph.loaders.cues import organisation_gazetteer

    return frozenset(name for org in organisation_gazetteer() for name in (org["name"], *org["aliases"]))


@cache
def _evidence_label() -> re.Pattern[str]:
    """An evidence paper's label run on after a name ("… Group Oral evidence", "… Supplementary
    Memorandum"): the name ends before it."""
    return re.compile(r"[ \u00a0](?:Oral|Written|Supplementary|Additional|Further)(?:[ \u00a0](?:[Oo]ral|[Ww]ritten))?"
                      r"[ \u00a0](?:[Ee]vidence|[Mm]emorandum|[Ss]ubmission)\b")


@cache
def _body_only_cues() -> frozenset[str]:
    from evidence_graph.loaders.cues import load_cues

    return frozenset(cue.lower() for cue in load_cues("organisations")["context"]["body_only_cues"])


@cache
def _date_tail() -> re.Pattern[str]:
    """A date or time after a name, joined to it ("the contract with Blue Fox in May")."""
    return re.compile(rf"{_SP}(?:in|on|of|for|and|the|by){_SP}(?:the{_SP})?(?:January|February|March|April|May|June|"
                      rf"July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|"
                      rf"Friday|Saturday|Sunday|Spring|Summer|Autumn|Winter)\b.*$")


@cache
def _quoted_bodies() -> re.Pattern[str]:
    """Quoted names before a plural body noun: "'Out and About' and 'Shop Mobility' organisations"."""
    quoted = r"[‘'“\"][A-Z][^‘’'“”\"\n]{1,60}?[’'”\"‘]"
    nouns = alternation(_context()["body_nouns"])
    return re.compile(rf"{quoted}(?:(?:,{_SP}*|{_SP}+and{_SP}+){quoted})*{_SP}+(?:{nouns})\b")


@cache
def _state_bodies() -> re.Pattern[str]:
    from evidence_graph.loaders.cues import load_cues

    context = _context()
    qualifiers = alternation(context["government_qualifiers"])
    heads = alternation(context["government_heads"] + load_cues("organisations")["state_bodies"]["heads"])
    # "Business, Innovation and Skills", "Levelling Up, Housing and Communities", "the Police and
    # Crime Commissioner": short items, the last after "and". A hard-wrapped text breaks such a
    # long name at any space ("the Department\nfor Business").
    wrap = r"(?:[ \u00a0]|\n(?!\n))"
    item = rf"{CAP_WORD}(?:{wrap}{CAP_WORD})?"
    listed = rf"{item}(?:,{wrap}{item}){{0,4}}(?:{wrap}(?:and|&){wrap}{item})?"
    return re.compile(
        rf"(?<![\w’'-])(?P<name>(?:Department|Ministry|Office){wrap}(?:for|of){wrap}(?:the{wrap})?{listed}"
        rf"|(?:HM|His{_SP}Majesty’s|Her{_SP}Majesty’s|His{_SP}Majesty's|Her{_SP}Majesty's){_SP}{CAP_WORD}"
        rf"(?:{_SP}(?:and{_SP})?{CAP_WORD}){{0,4}}"
        rf"|House{_SP}of{_SP}(?:Commons|Lords|Keys|COMMONS|LORDS)"
        rf"|HOUSE{_SP}OF{_SP}(?:COMMONS|LORDS)"
        rf"|(?:{qualifiers}){_SP}(?:{heads})(?:{_SP}for{_SP}{CAP_WORD})?"
        rf"|National{_SP}Assembly{_SP}for{_SP}Wales"
        rf"|(?:{CAP_WORD}{_SP}){{1,3}}Office(?!{_SP}(?:of|for){_SP})){NAME_END}")


@cache
def _bracketed_companies() -> re.Pattern[str]:
    """A company whose name holds a bracketed word before its legal form ("Tarn Gates (Ireland)
    Limited", "Marsh Widgets (UK) Ltd"), which the suffixed runs do not cross."""
    from evidence_graph.loaders.cues import load_cues

    forms = alternation(load_cues("organisations")["companies"]["bracketed_forms"])
    bracket = rf"\([A-Z][A-Za-z]+(?:{_SP}[A-Z][a-z]+)?\)"
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{CAP_WORD}{_SP}(?:&{_SP})?){{1,4}}{bracket}"
                      rf"{_SP}(?:{forms})){NAME_END}")


@cache
def _the_government() -> re.Pattern[str]:
    # "the government" is the body in lower case too; a bare "Government" after a preposition
    # ("restrictions enforced by Government", "embedding equalities across Government",
    # "the responsibility of Government") is the body, before a capital a modifier; so is a
    # bare "government" that acts or is dealt with ("presented by government", "work with
    # government"), not "the role of government".
    after_preposition = "|".join(rf"(?<=\b{word}{_SP})" for word in ("by", "from", "to", "with", "of", "across",
                                                                     "within", "throughout"))
    acting = "|".join(rf"(?<=\b{word}{_SP})" for word in ("by", "from", "with"))
    return re.compile(rf"(?:(?<=\b[Tt]he{_SP})[Gg]overnment|(?:{after_preposition})Government|(?:{acting})government)"
                      rf"{NAME_END}(?!{_SP}(?:of|for|[A-Z]|department|departments|bodies|body|agencies|agency))")


@cache
def _uk_and_nhs() -> re.Pattern[str]:
    stops = alternation(_context()["nhs_stops"])
    return re.compile(
        rf"(?<![\w’'-])(?P<name>(?:{CAP_WORD}{_SP}){{1,4}}UK{NAME_END}"
        rf"|NHS(?:{_SP}(?!(?:{stops})\b){CAP_WORD}){{1,3}}){NAME_END}")


@cache
def _nation_bodies() -> re.Pattern[str]:
    from evidence_graph.loaders.cues import load_cues

    nations = alternation(load_cues("organisations")["state_bodies"]["nations_after"])
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{CAP_WORD}{_SP}){{1,3}}(?:{nations})){NAME_END}(?![’']s{_SP}+[a-z])")


def _names_a_nation_body(name: str) -> bool:
    """Whether "<words> <nation>" names a national body ("Audit Scotland"), not a region
    ("North Wales"), a place or a slogan ("a Healthier Wales").

    Examples
    --------
    >>> [_names_a_nation_body(n) for n in ("Audit Scotland", "Sport Wales", "North Wales", "Healthier Wales")]
    [True, True, False, False]
    """
    from evidence_graph.loaders.cues import load_cues

    stops = set(load_cues("organisations")["state_bodies"]["not_nation_bodies"])
    words = name.split()
    return not any(w in stops for w in words[:-1]) and name not in gazetteer_places() and \
        " ".join(words[:-1]) not in gazetteer_places() and plausible_organisation(name)


@cache
def _not_office_words() -> frozenset[str]:
    from evidence_graph.loaders.cues import load_cues

    return frozenset(load_cues("organisations")["state_bodies"]["not_office_words"])


def _office_of_a_post(name: str) -> bool:
    """Whether "Office of X" is the office a post holder holds ("Office of Chair", "Office of
    the Leader"), not a body: X is a post word alone.

    Examples
    --------
    >>> [_office_of_a_post(n) for n in ("Office of Chair", "Office of the Leader", "Office of Rail and Road")]
    [True, True, False]
    """
    post = re.fullmatch(r"Office[ \u00a0\n]+(?:of|for)[ \u00a0\n]+(?:the[ \u00a0\n]+)?(?P<post>.+)", name)
    return bool(post) and re.sub(r"\s+", " ", post.group("post")) in _not_name_cues()["office_of_posts"]


@MENTION_FINDERS.register("organisation-heads", after="organisation-context")
def organisations_by_head(passage: Passage) -> Iterator[Mention]:
    """Bodies of state, "X UK" and "NHS X" by their form.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nThe Welsh Government, HM Treasury, the Department for Business, Innovation "
    ...         "and Skills, Age UK and NHS Highland wrote to the Government.\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-heads"]))
    ['Age UK', 'Department for Business, Innovation and Skills', 'Government', 'HM Treasury', 'NHS Highland', \
'Welsh Government']
    """
    text = passage.text
    for pattern in (_state_bodies(), _uk_and_nhs()):
        for match in pattern.finditer(text):
            skip, name = trim_start(match.group("name"))
            name = re.sub(r"(?:,|[ \u00a0]and|[ \u00a0]&)$", "", name)
            start = match.start("name") + skip
            # "Office for Zero Emission Vehicles (OZEV)": the words before the acronym it defines
            # are the name's head, which the short items of the pattern stop before.
            head = re.match(rf"((?:{_SP}{CAP_WORD}){{1,2}})[ \u00a0]*\([A-Z][A-Za-z]{{1,7}}\)",
                            text[start + len(name):])
            if head and pattern is _state_bodies():
                name += head.group(1)
            # "UK" opens a body of state ("the UK Government") but not an "X UK" charity's name.
            leading_uk = name.startswith("UK ") and pattern is _uk_and_nhs()
            if len(name.split()) < 2 or preceded_by_article(text, start) or name.startswith("The ") or leading_uk:
                continue
            if re.search(r"\s(?:of|for|and|the|&)$", name) or _office_of_a_post(name) or \
                    _bare_kind_or_label(name.split()):
                continue  # "NHS Pay Review": a title, not a body
            if name.endswith("Office") and name.split()[-2] in _not_office_words():
                continue  # "the Box Office", "Head Office": a counter or a local office
            yield passage.mention(start, start + len(name), "organisation", re.sub(r"\s+", " ", name),
                                  "pattern:state-body")
    for match in _nation_bodies().finditer(text):
        skip, name = trim_start(match.group("name"))
        start = match.start("name") + skip
        if re.match(rf"{_SP}+[A-Z][a-z]", text[start + len(name):]):
            continue  # "Keep Wales Tidy": the run goes on, a longer name's start
        if len(name.split()) >= 2 and not preceded_by_article(text, start) and _names_a_nation_body(name):
            yield passage.mention(start, start + len(name), "organisation", name, "pattern:state-body")
    for match in _bracketed_companies().finditer(text):
        # Trimmed before the bracket: "(UK)" is no person's initials ending a phrase before it.
        before, bracket, form = match.group("name").partition(" (")
        skip, before = trim_start(before)
        if len(before.split()) < 1 or not plausible_organisation(before):
            continue
        start = match.start("name") + skip
        yield passage.mention(start, match.end("name"), "organisation", before + bracket + form, "pattern:company")
    for match in _the_government().finditer(text):
        if re.search(r"(?i:\b(?:local|central|devolved|regional|national|a|any|every|this|that)[ \u00a0]+)$",
                     text[max(0, match.start() - 20):match.start()]):
            continue
        yield passage.mention(match.start(), match.end(), "organisation", "Government", "pattern:state-body")


@cache
def _acronym_before_post() -> re.Pattern[str]:
    from evidence_graph.loaders.cues import load_cues

    cues = load_cues("organisations")["acronym_before_post"]
    extra = alternation(cues["posts"])
    return re.compile(rf"(?<![\w’'&/-])(?P<name>[A-Z][A-Za-z]{{1,5}}){_SP}+"
                      rf"(?=(?:{extra})\b|[A-Z])")


@cache
def _councillor_of() -> re.Pattern[str]:
    # The type word may be missing where the council's name has none ("North Yorkshire
    # Councillor", "City of York Councillor"): the finder then asks the register.
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:City{_SP}of{_SP})?(?:{CAP_WORD}{_SP}){{1,3}}?"
                      rf"(?P<type>(?:County|District|Borough|City|Town|Parish){_SP})?Council)lors?\b")


@cache
def _head_first() -> re.Pattern[str]:
    from evidence_graph.loaders.cues import load_cues

    cues = load_cues("organisations")["head_first"]
    heads, qualifiers = alternation(cues["heads"]), alternation(cues["qualifiers"])
    obj = rf"{CAP_WORD}(?:{_SP}(?:(?:and|&|of|for){_SP})?{CAP_WORD}){{0,4}}"
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:(?:{qualifiers}|{CAP_WORD}){_SP})?(?:{heads}){_SP}(?:of|for)"
                      rf"{_SP}(?:the{_SP})?{obj}){NAME_END}")


@MENTION_FINDERS.register("organisation-head-first", after="organisation-heads")
def organisations_head_first(passage: Passage) -> Iterator[Mention]:
    """Bodies whose name begins with its head noun: "Friends of Tarn Park", "Federation of Small
    Businesses", "Royal College of Nursing", "Tarn Chamber of Commerce".

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nMembers thanked the Friends of Tarn Park and the Royal College of Widgets.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-head-first"])]
    ['Friends of Tarn Park', 'Royal College of Widgets']
    """
    text = passage.text
    for match in _head_first().finditer(text):
        skip, name = trim_start(match.group("name"))
        name = _date_tail().sub("", name)
        start = match.start("name") + skip
        if preceded_by_article(text, start) or re.search(r"\s(?:of|for|and|the|&)$", name):
            continue
        if _office_of_a_post(re.sub(r"^.*?\b(?=(?:of|for)\s)", "Office ", name, count=1)):
            continue  # "Association of Chair": a post word is no body's object
        if plausible_organisation(name, head_first=True):
            yield passage.mention(start, start + len(name), "organisation", name, "pattern:head-first")


@cache
def _appositive() -> re.Pattern[str]:
    from evidence_graph.loaders.cues import load_cues

    cues = load_cues("organisations")["appositive"]
    kinds, fillers = alternation(cues["kinds"]), alternation(cues["fillers"])
    name = rf"{CAP_WORD}(?:{_SP}(?:(?:of|and|for|&){_SP})?{CAP_WORD}){{0,4}}"
    return re.compile(rf"(?<![\w’'-])(?P<name>{name})(?:,{_SP}+|{_SP}+(?:is|was|are|were){_SP}+)(?:a|an){_SP}+"
                      rf"(?:(?:{fillers}){_SP}+){{0,3}}(?:{kinds})\b(?!{_SP}+(?i:{alternation(list(_post_words()))})\b)")


@MENTION_FINDERS.register("organisation-appositive", after="organisation-heads")
def organisations_by_apposition(passage: Passage) -> Iterator[Mention]:
    """A name that the text calls a kind of body: "Tarnlink, a charity supporting carers",
    "Tarnlink is a registered charity", "Tarn Together, a community interest company".

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nThis submission is from Tarnlink, a small charity. It is a charity.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-appositive"])]
    ['Tarnlink']
    """
    text = passage.text
    for match in _appositive().finditer(text):
        skip, name = trim_start(match.group("name"))
        start = match.start("name") + skip
        # "Ann Lee, a charity trustee" is a person with a post (the post word after the kind).
        if name and name not in _pronouns() and plausible_organisation(name):
            yield passage.mention(start, start + len(name), "organisation", name, "context:apposition")


@cache
def _pronouns() -> frozenset[str]:
    from evidence_graph.loaders.cues import load_cues

    return frozenset(load_cues("organisations")["appositive"]["not_names"])


@MENTION_FINDERS.register("organisation-councillors", after="organisation-heads")
def councils_of_councillors(passage: Passage) -> Iterator[Mention]:
    """The council in "a Tarnshire County Councillor": a member of another council names it;
    a registered council's name without a type word too ("City of York Councillor").

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nShe is a Tarnshire County Councillor and the local County Councillor. "
    ...         "City of York Councillor Ann Lee and a Labour Councillor spoke.\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-councillors"])]
    ['Tarnshire County Council', 'City of York Council']
    """
    from evidence_graph.loaders.context import is_generic_authority_name, register_name

    not_names = set(_context()["not_names"])
    for match in _councillor_of().finditer(passage.text):
        skip, name = trim_start(match.group("name"))
        words = name.split()
        if match.group("type") is None:
            # "Labour Councillor", "Ward Councillor": without a type word only a registered
            # council's name is one.
            if register_name(name) != name:
                continue
        elif len(words) < 3 or words[0] in not_names:
            continue
        if is_generic_authority_name(name) or _is_person(name):
            continue
        start = match.start("name") + skip
        # Found by its context, the word "Councillor" it shares with the person named next
        # ("Fenmoor Borough Councillor Ann Lee"): both mentions stand.
        yield passage.mention(start, start + len(name), "organisation", name, "context:councillor-of")


@MENTION_FINDERS.register("organisation-before-post", after="organisation-heads")
def organisations_before_posts(passage: Passage) -> Iterator[Mention]:
    """An acronym straight before a post title is the body the post is in: "the DfX Permanent
    Secretary", "ABC Non-Executive Member", "Chair, XYZ" aside. Acronyms of functions and
    professions ("HR Manager"), parties, posts and committees the document defines are none.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nWe seek a meeting with the DfX Permanent Secretary and the HR Manager.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-before-post"])]
    ['DfX']
    """
    from evidence_graph.loaders.cues import load_cues
    from evidence_graph.loaders.mentions import _kind_of_name
    from evidence_graph.loaders.structure.fields import looks_like_post

    cues = load_cues("organisations")["acronym_before_post"]
    not_bodies = set(cues["not_bodies"]) | set(_context()["parties"])
    committee_heads = tuple(_context("committees")["heads"])
    text, document = passage.text, passage.parsed.document.text
    for match in _acronym_before_post().finditer(text):
        name = match.group("name")
        after = text[match.end():match.end() + 60]
        capitals = sum(c.isupper() for c in name)
        if capitals < 2 or len(name) - capitals > 1 or name in not_bodies or name.rstrip("s") in not_bodies:
            continue  # "DfE", "HMRC", "ICB"; not a word ("Mr", "Tarn")
        if len(name) >= 4 and name.isupper() and re.search(rf"(?<![\w’'-]){name.capitalize()}(?![\w’'-])", document):
            continue  # "AGENDA Agenda Lead Item": a word the paper writes in title case too is no acronym
        if not (looks_like_post(after) or after.startswith(tuple(cues["posts"]))):
            continue
        expansion = passage.acronyms.get(name, "")
        if expansion and (expansion.endswith(committee_heads) or looks_like_post(expansion)
                          or not expansion[:1].isupper() or _kind_of_name(expansion) not in (None, "organisation")):
            continue  # "the OSC Chair": a committee's post; "the BCF Manager": a fund's
        yield passage.mention(match.start("name"), match.end("name"), "organisation", expansion or name,
                              "pattern:acronym-before-post")


@cache
def _person_lines() -> re.Pattern[str]:
    """"Name, Post, Organisation" and "Name (Post, Organisation)" in prose or lists."""
    honorific = alternation(list(honorifics()))
    person = rf"(?:(?:{honorific})\.?{_SP}+)?[A-Z][\w’'-]+(?:{_SP}+[A-Z][\w’'.-]*){{1,3}}"
    return re.compile(
        rf"(?P<person>{person})(?:,{_SP}*(?P<post>[^,;()\n]{{3,80}}?),{_SP}*|{_SP}*\((?P<ppost>[^,;()\n]{{3,80}}?),{_SP}*)"
        rf"(?P<org>{_NAME})(?=[ \u00a0]*(?:[,;:.)\n]|$|{_SP}and{_SP}|{_SP}[-–]"
        rf"|{_SP}\((?!Pages?\b|Item\b|Appendix\b)[A-Z]))")


@cache
def _contact_lines() -> re.Pattern[str]:
    """"Contact: Name, Democratic Services" / "Contact: Name - Democratic Services, 0191 …"."""
    return re.compile(rf"(?i:contact|ask for|enquiries to|officer contact)s?:?{_SP}+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?{_SP}+)?"
                      rf"[A-Z][\w’'-]+(?:{_SP}+[A-Z][\w’'.-]*){{1,2}}{_SP}*(?:,|{_SP}[-–]){_SP}*"
                      rf"(?P<org>{_NAME})(?=[ \u00a0]*(?:[,;.\n]|$|{_SP}+(?:Tel|Email|E-mail|tel|email|[0-9(])))")


@cache
def _honorific_person_org() -> re.Pattern[str]:
    honorific = alternation([h for h in honorifics() if h not in ("Cllr", "Councillor", "Lord", "Lady")])
    person = rf"(?:{honorific})\.?{_SP}+[A-Z][\w’'-]+(?:{_SP}+[A-Z][\w’'.-]*){{0,2}}"
    return re.compile(rf"{person},{_SP}*(?P<org>{_NAME})(?=,{_SP}*(?:[a-z]|(?:{honorific})\b)|{_SP}+and{_SP}+"
                      rf"(?:{honorific})\b|[ \u00a0]*[)\n]|[ \u00a0]*$)")


def _is_officer_post(post: str) -> bool:
    return any(re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", post) for word in _context()["officer_posts"])


def _has_org_suffix(name: str) -> bool:
    from evidence_graph.loaders.structure.fields import is_org_like

    return is_org_like(name) or bool(re.search(r"(?:^|\s)[A-Z]{2,}(?:\s|$)|\bUK$|\b(?:Ltd|Limited|plc|LLP|CIC)$", name))


@cache
def _welsh_bodies() -> re.Pattern[str]:
    """Welsh names put the head first: "Cyngor Cymuned Bethesda", "Llywodraeth Cymru"."""
    context = _context()
    heads = alternation(context["welsh_heads"])
    kinds = alternation(context["welsh_kinds"])
    return re.compile(rf"(?<![\w’'-])(?:{heads})(?:{_SP}(?:{kinds}))?(?:{_SP}[A-Z][\w’'-]+){{1,3}}{NAME_END}")


@MENTION_FINDERS.register("organisation-acronym-heads", after="organisation-heads")
def organisations_by_acronym_head(passage: Passage) -> Iterator[Mention]:
    """A capitalised name ending in an organisation's acronym is that kind of organisation:
    "Derby and Derbyshire CCG", "Tarnmoor ICB" (the acronym defined as a body in the document,
    or a national body's in the gazetteer).

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nThe Tarn and Tarnshire CCG agreed.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> [m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-acronym-heads"])]
    ['Tarn and Tarnshire CCG']
    """
    heads = _organisation_acronyms(tuple(sorted(passage.acronyms.items())))
    if not heads:
        return
    pattern = re.compile(rf"(?<![\w’'-])(?P<name>[A-Z][\w’'-]+(?:{_SP}(?:and{_SP}|&{_SP}|of{_SP})?[A-Z][\w’'-]+){{0,3}}"
                         rf"{_SP}(?:{alternation(heads)})){NAME_END}")
    for match in pattern.finditer(passage.text):
        skip, name = trim_start(match.group("name"))
        if len(name.split()) >= 2 and name.split()[0] not in set(_context()["not_names"]) and not _is_person(name):
            start = match.start("name") + skip
            yield passage.mention(start, match.end("name"), "organisation", name, "pattern:acronym-head")


@cache
def _organisation_acronyms(defined: tuple[tuple[str, str], ...]) -> tuple[str, ...]:
    """Acronyms of kinds of organisation: the cue list of kinds ("CCG", "ICB"), the gazetteer's
    capitals aliases, and the document's acronyms whose expansion ends in an organisation suffix."""
    from evidence_graph.loaders.cues import load_cues, organisation_gazetteer

    cues = load_cues("organisations")
    found = {alias for org in organisation_gazetteer() for alias in org["aliases"]
             if alias.isupper() and 2 <= len(alias) <= 5 and alias not in ("NHS",)}
    found |= set(cues["acronym_heads"]["kinds"])
    suffixes = {s.split()[-1] for s in load_cues("entities")["organisations"]["suffixes"]}
    found |= {acronym for acronym, expansion in defined if expansion.split()[-1:] and expansion.split()[-1] in suffixes}
    return tuple(sorted(found))


@MENTION_FINDERS.register("organisations-welsh", after="organisation-acronym-heads")
def welsh_organisations(passage: Passage) -> Iterator[Mention]:
    """Welsh bodies named head first ("Cyngor Cymuned Bethesda", "Llywodraeth Cymru").

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Cofnodion\\n\\nDau gais gan aelodau o Gyngor Cymuned Llanfor a Llywodraeth Cymru.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisations-welsh"]))
    ['Gyngor Cymuned Llanfor', 'Llywodraeth Cymru']
    """
    kinds = set(_context()["welsh_kinds"])
    for match in _welsh_bodies().finditer(passage.text):
        if all(word in kinds for word in match.group().split()[1:]):
            continue  # "y Cyngor Cymuned": the community council, named elsewhere
        yield passage.mention(match.start(), match.end(), "organisation", match.group(), "pattern:welsh-body")


def _last_piece(text: str, at: int) -> tuple[int, str] | None:
    """The last of the comma pieces that go on from ``at`` to the end of a witness's entry (a
    semicolon, a full stop, a line's end or the text's), when there are such pieces and the
    last is a body's name, not a place or a post: where it starts and the name.

    Examples
    --------
    >>> text = "Tom Ure, Senior Manager, Adult Care, East Tarnshire, Tarn Red Cross; Ann Lee, Chair"
    >>> _last_piece(text, text.index(", East"))  # after "Adult Care", which the line pattern read
    (53, 'Tarn Red Cross')
    >>> _last_piece("Ann Lee, Chair, Tarn Trust.", 26) is None
    True
    >>> text = "Ann Lee, Chair, Tarn Trust, and Bo Chan, Director, Tarn Forum."
    >>> _last_piece(text, text.index(", and")) is None
    True
    """
    from evidence_graph.loaders.structure.fields import looks_like_post

    tail = re.match(rf"(?:,{_SP}*[^,;()\n]{{2,60}}?){{1,3}}(?=[ \u00a0]*(?:;|\.(?:\s|$)|\n|$))", text[at:at + 200])
    if tail is None:
        return None
    pieces = list(re.finditer(r",[ \u00a0]*(?P<piece>[^,]+)", tail.group()))
    for piece in pieces[:-1]:
        between = piece.group("piece").strip()
        person = parse_person_name(between)
        named = person is not None and bool(
            person.honorific or (person.given and known_given_name(person.given.split()[0])))
        if between.startswith(("and ", "& ")) or looks_like_post(between) or named:
            return None  # "…, and Bo Chan, Director, Tarn Trust": the next witness's entry, not this one's
    last = pieces[-1]
    name = last.group("piece").rstrip()
    if re.fullmatch(_NAME, name) and plausible_organisation(name) and not looks_like_post(name):
        return at + last.start("piece"), name
    return None


@MENTION_FINDERS.register("organisation-lines", after="organisations-welsh")
def organisations_in_person_lines(passage: Passage) -> Iterator[Mention]:
    """The organisation (or unit) in "Name, Post, Organisation", "Name (Post, Unit)" and
    "Contact: Name, Unit" lines.

    A council officer's post before a name with no organisation word makes it a unit of the
    host ("Rob Miller, Strategic Director, Customer & Workplace"); otherwise an organisation
    ("Helen Lewis, Associate Consultant, Homeless Link").

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Minutes\\n\\nGuests: Helen Lewis, Associate Consultant, Homeless Link; Aman Dalvi "
    ...         "(Corporate Director, Development and Renewal).\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted((m.kind, m.label) for m in find_mentions(parsed, CorpusContext(), finders=["organisation-lines"]))
    [('organisation', 'Homeless Link'), ('unit', 'Development and Renewal')]
    """
    from evidence_graph.loaders.structure.fields import committee_like, looks_like_post

    text = passage.text
    for match in _person_lines().finditer(text):
        post = (match.group("post") or match.group("ppost") or "").strip()
        post = post[:1].upper() + post[1:]  # "chair of trustees" is a post in lower case too
        name = match.group("org").rstrip()
        person = match.group("person")
        if not post or not (looks_like_post(post) or _is_officer_post(post)) or looks_like_post(name):
            continue
        if re.search(r"(?:^|\s)(?:of|for)\s+[A-Z]", post):
            continue  # "Director of Planning, Transport & Environment": the post's own object, listed
        if parse_person_name(person) is None or not plausible_organisation(name) or (
                committee_like(name) and not _has_org_suffix(name)):
            continue  # "Member, Select Committee on Defence": a committee, the committee finders'
        start = match.start("org")
        joined = re.search(rf"{_SP}+(?:and|&){_SP}+(?P<next>[A-Z][\w’'-]+{_SP}+[A-Z][\w’'-]+)$", name)
        before = name[:joined.start()] if joined else name
        if joined and known_given_name(joined.group("next").split()[0]) and parse_person_name(joined.group("next")) \
                and (_has_org_suffix(before) or set(before.split()) & organisation_words()):
            name = before
        else:
            joined = None  # "Tarn Partnership for Transport and Ian Smith, Chair, …": the next witness
        last = _last_piece(text, match.end("org"))
        if last is not None:
            # "Ann Lee, Senior Manager, Adult Care, East Tarnshire, Tarn Red Cross;": the unit and
            # the area come between the post and the body, which ends the entry: a body, no unit.
            start, name = last
        # "Director, Institute for Tarn Studies": a body's head first names a body, never a unit.
        head_first = _head_first().fullmatch(name) is not None
        kind = "organisation" if (last is not None or joined or _has_org_suffix(name) or head_first
                                  or not _is_officer_post(post)) else "unit"
        yield passage.mention(start, start + len(name), kind, name, "context:person-line")
    for match in _contact_lines().finditer(text):
        name = match.group("org").rstrip()
        if plausible_organisation(name) and not looks_like_post(name):
            kind = "organisation" if _has_org_suffix(name) else "unit"
            yield passage.mention(match.start("org"), match.start("org") + len(name), kind, name,
                                  "context:contact-line")
    for match in _honorific_person_org().finditer(text):
        # "Ms Joan Bennett, CAG Consultants, Mr …": a body straight after a titled name.
        name = match.group("org").rstrip()
        between_titled = re.match(rf"(?:,|{_SP}+and){_SP}*(?:{alternation(list(honorifics()))})\b",
                                  text[match.end("org"):match.end("org") + 20])
        if between_titled and parse_person_name(name) is not None and not _has_org_suffix(name):
            continue  # "Dr Ann Lee, Bo Chan and Dr Kay Moss": a plain name between titled ones is a person
        if plausible_organisation(name) and not looks_like_post(name) and (" " in name or name.isupper()):
            yield passage.mention(match.start("org"), match.start("org") + len(name), "organisation", name,
                                  "context:person-line")
    for match in re.finditer(rf"(?P<person>[A-Z][\w’'-]+{_SP}[A-Z][\w’'-]+){_SP}\((?P<org>{_NAME})\)", text):
        # "Lee Barron (Midlands TUC)": an organisation in brackets after a name has an
        # organisation word or an acronym (a place or a party has neither).
        name = match.group("org")
        if re.search(r"(?:^|\s)[A-Z]{2,}(?:\s|$)", name) and len(name.split()) >= 2 and \
                plausible_organisation(name) and parse_person_name(match.group("person")) is not None:
            yield passage.mention(match.start("org"), match.end("org"), "organisation", name, "context:person-bracket")


@MENTION_FINDERS.register("organisation-registers", after="organisation-lines")
def organisations_in_registers(passage: Passage) -> Iterator[Mention]:
    """The organisation beside or under a member's name in a register of attendance: the second
    column of "Ann Lee        Tarn Trust" (a gap of three spaces or more after the name), or the
    line between a name alone on its line and its attendance ("Ann Lee" / "Tarn Trust" /
    "Present"). The name must be a person's by the people finder's rules; a post there ("Head
    of Housing") is no organisation.

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = ("Partnership Board\\n\\nAnn Okafor        Tarnside Voluntary Action\\n\\n"
    ...         "Bo Ashdown        Head of Housing\\n\\nKay Pennant       Tarnside Chamber of Trade\\n\\n"
    ...         "Ivy Marlow        Tarnside Chamber of Trade\\n")
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted({m.label for m in find_mentions(parsed, CorpusContext(), finders=["organisation-registers"])})
    ['Tarnside Chamber of Trade', 'Tarnside Voluntary Action']
    """
    from evidence_graph.loaders.finders.people import register_rows
    from evidence_graph.loaders.structure.fields import looks_like_post

    rows = register_rows(passage.parsed.document.text)
    start, end = passage.start, passage.block.end
    for at, name in rows[bisect_left(rows, (start, "")):]:
        if at >= end:
            break
        if at + len(name) > end:
            continue
        # "Tarn Advisory Board, Tarnside and Wexcombe.": the body, then where it works; a piece
        # after the first that is no place's ("Tarnshire, Police and Crime Commissioner") or a
        # sentence's punctuation inside leaves the entry alone.
        name, _, where = name.partition(",")
        if where and not re.fullmatch(rf"(?:{_SP}*[A-Z][\w’'-]*(?:{_SP}+(?:and|&){_SP}+[A-Z][\w’'-]*)?,?)+\.?", where):
            continue
        if re.search(r"[.;:]", name) or name.split()[0] in _post_nominals():
            continue  # "AM", "AM Observer": the letters after a member's name, not a body
        if not (_has_org_suffix(name) or " " in name or name.isupper()):
            continue  # one word in mixed case ("Tarnside"): a place as often as a body
        # The column holds bodies' names, so a generic first word starts one ("Community Impact X").
        if plausible_organisation(name, head_first=True) and not looks_like_post(name) and not _is_officer_post(name):
            yield passage.mention(at - start, at - start + len(name), "organisation", name, "context:register")


@cache
def _moved_between() -> re.Pattern[str]:
    """"move the X service from <unit> to <unit>": a service moves between two of the body's units."""
    unit = rf"[A-Z][\w’'-]+(?:(?:,{_SP}+|{_SP}+(?:and|&){_SP}+|{_SP}+)[A-Z][\w’'-]+){{0,6}}"
    return re.compile(rf"\b(?i:move|moves|moving|moved|transfer|transfers|transferring|transferred)\b"
                      rf"[^.;\n]{{0,80}}?\b(?i:service|services|team|teams|function|functions|responsibility|"
                      rf"responsibilities)\b[^.;\n]{{0,40}}?(?<![A-Za-z])from{_SP}*(?P<source>{unit}){_SP}+to{_SP}+"
                      rf"(?P<target>{unit})(?![\w’'-])")


_OFFICERS_UNIT = re.compile(r"\((?:all|both)[ \u00a0]+(?:of[ \u00a0]+)?(?:the[ \u00a0]+)?"
                            r"(?P<name>[A-Z][\w’'&,. -]{1,60}?)\)")


def _units_of_officers(passage: Passage) -> Iterator[Mention]:
    """The department a list of officers belongs to, in brackets after them: "B Lambert,
    Category Manager and L McIntyre, Policy Officer (both Chief Executive’s)", "(all Environment
    & Communities)". A party ("(both Labour)") is a member's label, not a unit."""
    parties = set(_context()["parties"])
    for match in _OFFICERS_UNIT.finditer(passage.text):
        name = match.group("name").strip(" ,.")
        if name in parties or name.removesuffix(" Group") in parties or name in gazetteer_places():
            continue
        start = match.start("name")
        yield passage.mention(start, start + len(name), "unit", name, "pattern:officers-unit")


def _units_moved_between(passage: Passage) -> Iterator[Mention]:
    for match in _moved_between().finditer(passage.text):
        for group in ("source", "target"):
            name = match.group(group)
            # Directorates are named for what they do ("Public Health and Wellbeing"): only a
            # person or a place is ruled out, not the generic first words of other names.
            if not (_is_person(name) or name in gazetteer_places() or (
                    len(name.split()) == 2 and parse_person_name(name))):
                yield passage.mention(match.start(group), match.end(group), "unit", name, "pattern:unit-move")


@cache
def _listed_before() -> re.Pattern[str]:
    item = r"[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){0,2}"
    return re.compile(rf"(?P<items>(?:{item},{_SP}+)*{item}(?:,{_SP}+|{_SP}+and{_SP}+))the{_SP}+$")


def _units_listed_before(passage: Passage, start: int) -> Iterator[Mention]:
    """Capitalised names listed straight before a unit in lower case are units too: "thanks to
    Highways, Streetscene, the waste team and …" (the list says what they are)."""
    text = passage.text
    window = max(0, start - 160)
    match = _listed_before().search(text[window:start])
    if match is None:
        return
    at = window + match.start("items")
    for item in re.finditer(r"[A-Z][\w’'-]+(?:[ \u00a0][A-Z][\w’'-]+){0,2}", match.group("items")):
        skip, name = trim_start(item.group())
        words = name.split()
        if not words:
            continue
        if (len(words) == 2 and parse_person_name(name) is not None and not _has_org_suffix(name)) or \
                not plausible_organisation(name):
            continue
        yield passage.mention(at + item.start() + skip, at + item.end(), "unit", name, "pattern:unit-list")


def _unit_in_run(passage: Passage, start: int, span: str, generic: set[str]) -> Iterator[Mention]:
    """The unit a run ending in a unit head names, cut to the name (see :func:`unit_mentions`)."""
    text = passage.text
    skip, name = trim_start(span)
    start += skip
    end = start + len(name)
    inner_the = list(re.finditer(r"(?<!\bof)(?<!\bfor)(?<!\band)\sthe\s", name))
    if inner_the:
        # "Contact the Customer Contact Team": a verb and "the" before the unit's name.
        start, name = start + inner_the[-1].end(), name[inner_the[-1].end():]
        end = start + len(name)
    if len(name.split()) < 2 or preceded_by_article(text, start) or re.match(r"(?i:the )", name):
        return
    if re.match(r"[A-Z](?:\s|$)", name):
        return  # "Appendix B Section Four": a letter numbers a part
    if name.endswith("Division") and (
            re.match(rf"{_SP}+(?:councillor|councillors|member|members|ward|seat|electorate|constituency)\b",
                     text[end:end + 20]) or
            re.search(r"\b(?:represents|representing|represented|for)\s+the\s+$", text[max(0, start - 30):start])):
        return  # "represents the Fenmoor North Division": an electoral division, a place
    post = re.match(r"(?P<post>.+?)\s(?:for|of)\s(?:the\s)?", name)
    if post and post.group("post").split()[-1].lower() in _post_words():
        # "Cabinet Spokesperson for Core Services Directorate": the post's unit.
        start, name = start + post.end(), name[post.end():]
        if len(name.split()) < 2:
            return
    if name.split()[0].lower() in generic or name.startswith(("Department for", "Department of")):
        return
    state = _state_bodies().match(name)
    if state and len(name[state.end():].split()) >= 2:
        # "Scottish Executive Justice Department": the body of state, then its unit.
        yield passage.mention(start, start + state.end(), "organisation", state.group(), "grammar:state-unit")
        start, name = start + state.end() + 1, name[state.end():].strip()
        yield passage.mention(start, end, "unit", name, "grammar:state-unit")
        return
    yield passage.mention(start, end, "unit", name, "pattern:unit")


@cache
def _post_words() -> frozenset[str]:
    from evidence_graph.loaders.cues import load_cues

    return frozenset(load_cues("people")["words"]["post_words"])


@cache
def _unit_heads() -> tuple[str, ...]:
    return tuple(_context()["unit_heads"])


@cache
def _lower_units() -> re.Pattern[str]:
    heads = alternation(_context()["unit_heads_lower"])
    return re.compile(rf"(?<=\b[Tt]he{_SP})(?P<name>(?:[A-Z][\w’'-]+{_SP}){{1,3}}(?:{heads})"
                      rf"|[a-z][a-z-]+{_SP}(?:{heads})){NAME_END}")


@cache
def _political_groups() -> re.Pattern[str]:
    parties = alternation(_context()["parties"])
    return re.compile(rf"(?<![\w’'-])(?P<name>(?:{parties})(?:{_SP}Party)?{_SP}(?:Group|group)s?){NAME_END}")


@MENTION_FINDERS.register("units", after="organisation-lines")
def unit_mentions(passage: Passage) -> Iterator[Mention]:
    """Units of an organisation by head noun: "Core Services Directorate", "the waste team",
    "the Labour Group".

    Examples
    --------
    >>> from evidence_graph.loaders.context import CorpusContext
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.structure import parse_document
    >>> text = "Minutes\\n\\nThe Core Services Directorate, the legal team and the Labour Group agreed.\\n"
    >>> parsed = parse_document(Document("m.txt", "m", text, "0"))
    >>> sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=["units"]))
    ['Core Services Directorate', 'Labour Group', 'legal team']
    """
    text = passage.text
    from evidence_graph.loaders.cues import load_cues

    generic = set(_context()["generic_unit_words"]) | set(load_cues("organisations")["units"]["not_unit_words"])
    heads = _unit_heads()
    for match in headed_run(heads, joined_head=False).finditer(text):
        # "the Planning Department and the Highways Team": units a run joins with "and the".
        for at, part in run_parts(match.group("span")):
            if part.endswith(heads):
                yield from _unit_in_run(passage, match.start("span") + at, part, generic)
    for match in _lower_units().finditer(text):
        name = match.group("name")
        if name.split()[0].lower() in generic:
            continue
        yield passage.mention(match.start("name"), match.end("name"), "unit", name, "pattern:unit")
        yield from _units_listed_before(passage, match.start("name"))
    yield from _units_moved_between(passage)
    yield from _units_of_officers(passage)
    for match in _political_groups().finditer(text):
        # "grammar": the party word decides, over the "Group" suffix of an organisation.
        yield passage.mention(match.start("name"), match.end("name"), "unit", match.group("name"),
                              "grammar:political-group")
