"""Title-case name runs, the candidates that the organisation, committee and service finders
judge by their head noun and their context.

A *name run* is a maximal run of capitalised words, allowing the lower-case joiners names use
inside them ("of", "and", "for", "the", "&" …), bracketed acronyms and numbers. The finders
take the run that ends in a head noun, trim what cannot start a name, and look at the words
just before and after it.
"""

from __future__ import annotations

import re
from functools import cache

from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.names import find_honorific_names, honorific_name_pattern, parse_person_name

#: A capitalised word: "Leisure", "O'Neill", "Children’s", "GMCA", "Sub-Committee".
CAP_WORD = r"(?:[A-Z][\w’'&-]*)"
#: The end of a name: no more word, but a possessive may follow ("the Welsh Government’s").
NAME_END = r"(?![\w-]|[’'](?!s\b))"
#: Lower-case words allowed inside a name between capitalised words.
JOINERS = ("of", "and", "for", "the", "on", "in", "&", "at", "upon", "to")
_SPACE = r"[ \u00a0]"


def cues(section: str, key: str) -> list[str]:
    """A list of cue words from ``loaders/cues/entities.toml``.

    Examples
    --------
    >>> "Committee" in cues("committees", "heads")
    True
    """
    return load_cues("entities")[section][key]


def alternation(words: list[str] | tuple[str, ...]) -> str:
    """A regex alternation of ``words``, longest first, each escaped.

    Examples
    --------
    >>> alternation(["Board", "Sub-Committee"])
    'Sub\\\\-Committee|Board'
    """
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


@cache
def headed_run(heads: tuple[str, ...], commas: bool = False, joined_head: bool = True) -> re.Pattern[str]:
    """A pattern for a name run ending in one of ``heads`` (group ``span``).

    Parameters
    ----------
    heads : tuple of str
        Head nouns, matched case-sensitively ("Committee", "Fund").
    commas : bool
        Allow a comma list inside the run ("Audit, Risk & Assurance Committee").
    joined_head : bool
        Allow a joiner before the head ("Community Right to Challenge"); units do not ("Estate
        Manager and Team" is a post and its team).

    Examples
    --------
    >>> pattern = headed_run(("Committee",), commas=True)
    >>> pattern.search("to the Audit, Standards and Governance Committee today").group("span")
    'Audit, Standards and Governance Committee'
    >>> headed_run(("Fund",)).search("the Levelling Up Fund bid").group("span")
    'Levelling Up Fund'
    """
    joiners = alternation(list(JOINERS))
    word = rf"(?:{CAP_WORD}|\([A-Z][A-Za-z&]{{1,7}}\)|[0-9]+(?:[-/][0-9]+)?)"
    gap = rf"(?:{_SPACE}(?:(?:{joiners}){_SPACE}){{0,2}}" + (r"|,[ \u00a0]" if commas else "") + ")"
    # Bounded repetition: a long capitalised list (an attendance list) must stay linear.
    before_head = gap if joined_head else _SPACE
    run = rf"{CAP_WORD}(?:{gap}{word}){{0,12}}{before_head}"
    return re.compile(rf"(?<![\w’'-])(?P<span>(?:{run})?(?:{alternation(heads)}))" + NAME_END)


def trim_start(span: str, of_leads: tuple[str, ...] | None = None) -> tuple[int, str]:
    """Drop leading words that cannot start a name ("The", "Minutes of the", "Chair of").

    Parameters
    ----------
    span : str
        A name run.
    of_leads : tuple of str, optional
        Words that, followed by "of", start a phrase around the name rather than the name
        ("Chair of the …"); default: post titles and document words (``names.of_leads``).

    Returns
    -------
    tuple
        The number of characters dropped, and the rest.

    Examples
    --------
    >>> trim_start("Minutes of the Cabinet")
    (15, 'Cabinet')
    >>> trim_start("The Leisure Trust")
    (4, 'Leisure Trust')
    >>> trim_start("Independent Member of the Standards Committee")
    (26, 'Standards Committee')
    >>> trim_start("D R Orbison of Orbison Widgets Ltd")
    (15, 'Orbison Widgets Ltd')
    >>> trim_start("Cabinet of Tarn District Council")
    (11, 'Tarn District Council')
    >>> trim_start("Aldermen & Councillors of Tarn City Council")
    (26, 'Tarn City Council')
    >>> trim_start("PC Ann Lee Police Rural Task Force")
    (11, 'Police Rural Task Force')
    """
    bad = _bad_starts()
    offset, rest = 0, span
    # A person's initials in brackets end a phrase before the name ("Emma Pizzey (EP) Governing
    # Body"), and so does an organisation's possessive ("Cardiff Council’s (CC) Cabinet").
    cut = None
    ends = r"(?:\([A-Z][A-Za-z]{1,4}\)|[’']s(?: \([A-Z]{1,6}\))?|(?<=s)[’'](?: \([A-Z]{1,6}\))?)[ \u00a0]"
    for found in re.finditer(ends, span):
        before = span[:found.start()]
        bracket = found.group().startswith("(")
        if (bracket and parse_person_name(before.strip()) is not None) or (
                not bracket and before.split()[-1:] and (before.split()[-1] in possessive_bodies()
                                                         or before.split()[-1][:-1] in possessive_bodies())):
            cut = found.end()
    # A quoted phrase before the name ("‘Not Scored’ for Greenwich Leisure Limited").
    for found in re.finditer(r"[^\ss][’”][ \u00a0]+(?:(?:for|of|by|to|from|with)[ \u00a0]+)?", span):
        if cut is None or found.end() > cut:
            cut = found.end()
    if cut is not None:
        offset, rest = cut, span[cut:]
    words = rest.split(" ")
    while words and (_is_bad_start(words[0], bad) or (
            len(words) > 1 and len(words[0]) > 5 and words[0].isupper() and words[1].isupper())):
        offset += len(words[0]) + 1
        words = words[1:]
        while words and (words[0] in JOINERS or (words[0].lower() in JOINERS and words[0].isupper())):
            offset += len(words[0]) + 1
            words = words[1:]
    rest = " ".join(words)
    person = _initialled_person_of(rest)
    if person:
        offset += person
        rest = rest[person:]
    titled = next(iter(find_honorific_names(rest)), None) if honorific_name_pattern().match(rest) else None
    if titled and titled.start == 0 and rest[titled.end:].split() and rest[titled.end:titled.end + 1] == " ":
        # "PC Ann Lee Police Rural Task Force": a titled person's name before the body's.
        offset += titled.end + 1
        rest = rest[titled.end + 1:]
    # "Independent Member of the …", "Chair of …": a post or document word, then "of".
    leads = of_leads if of_leads is not None else of_lead_words()
    lead = re.match(rf"((?:{CAP_WORD}[ \u00a0]){{0,3}}(?:{alternation(leads)}))"
                    r"[ \u00a0]+(?:of|for)[ \u00a0]+(?:the[ \u00a0]+)?", rest)
    if lead:
        offset += lead.end()
        rest = rest[lead.end():]
    body_of = _body_of_lead(rest)
    offset += body_of
    return offset, rest[body_of:]


def _body_of_lead(span: str) -> int:
    """How many characters of ``span`` are a phrase "<X> of|for" before a body's name, where X
    is a committee ("Cabinet of Tarn District Council"), a title ("Digital Widget Strategy for
    Tarn County Council") or the people of a body ("Aldermen and Councillors of Tarn City
    Council"): the body is the name after, by its own strong suffix; 0 otherwise.

    Examples
    --------
    >>> _body_of_lead("Cabinet of Tarn District Council"), _body_of_lead("Board of Trustees")
    (11, 0)
    >>> _body_of_lead("Widget Strategy for Tarn County Council"), _body_of_lead("Forum of Private Business")
    (20, 0)
    """
    found = _body_of_pattern().match(span)
    if found is None:
        return 0
    rest = span[found.end():].split()
    if len(rest) < 2 or rest[-1] not in strong_suffixes() or re.search(r"\s(?:of|for)\s", span[found.end():]):
        return 0
    return found.end()


@cache
def _body_of_pattern() -> re.Pattern[str]:
    cues_of = load_cues("organisations")["body_of_leads"]
    leads = [*cues("committees", "heads"), *cues_of["more"], *load_cues("organisations")["not_names"]["title_heads"]]
    return re.compile(rf"(?:{CAP_WORD}{_SPACE}(?:(?:and|&){_SPACE})?){{0,3}}(?:{alternation(leads)})"
                      rf"{_SPACE}+(?:of|for){_SPACE}+(?:the{_SPACE}+)?(?=[A-Z])")


@cache
def strong_suffixes() -> frozenset[str]:
    """Last words of organisation suffixes that are no everyday word and no committee's head."""
    organisations = load_cues("entities")["organisations"]
    weak = set(organisations["weak_suffixes"]) | {h.split()[-1] for h in cues("committees", "heads")}
    return frozenset(s.split()[-1] for s in organisations["suffixes"]) - weak - {"Department", "Office", "Group",
                                                                                 "Service"}


def _initialled_person_of(span: str) -> int:
    """How many characters of ``span`` are a person named with initials or a title and "of"
    before a name ("D R Orbison of Orbison Widgets Ltd", "Dr Ann Vell of the Tarn Trust"); 0
    when the span does not start so. A plain two-word start ("Friends of …") is never read as
    a person: only initials or a title make one.

    Examples
    --------
    >>> _initialled_person_of("J. K. Pellow of Tarn Homes"), _initialled_person_of("Friends of Tarn Park")
    (16, 0)
    """
    found = re.match(r"(?P<person>[A-Z][\w’'.-]*(?:[ \u00a0][A-Z][\w’'.-]*){1,3})"
                     r"[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?(?=[A-Z])", span)
    if found is None:
        return 0
    person = parse_person_name(found.group("person"))
    if person is None or not (person.initials or person.honorific) or not person.family:
        return 0
    return found.end()


def run_parts(span: str) -> list[tuple[int, str]]:
    """The names a run joins with "and the", "to the" … ("Cabinet and the Select Committee"),
    each with its offset: names hold "of the", seldom "and the".

    Examples
    --------
    >>> run_parts("Cabinet and the Select Committee")
    [(0, 'Cabinet'), (16, 'Select Committee')]
    >>> run_parts("Office of the Police and Crime Commissioner")
    [(0, 'Office of the Police and Crime Commissioner')]
    >>> run_parts("Tarn Corporate Body and Fen Community Council")
    [(0, 'Tarn Corporate Body'), (24, 'Fen Community Council')]
    >>> run_parts("Office of the Police and Crime Commissioner and Tarnshire Police")
    [(0, 'Office of the Police and Crime Commissioner'), (48, 'Tarnshire Police')]
    """
    parts, at = [], 0
    for join in re.finditer(r"[ \u00a0](?:and|&|to|at|in|on|from|with|by)[ \u00a0]the[ \u00a0]", span):
        parts.append((at, span[at:join.start()]))
        at = join.end()
    parts.append((at, span[at:]))
    return [(at + more, piece) for at, part in parts for more, piece in _two_bodies(part)]


def _two_bodies(span: str) -> list[tuple[int, str]]:
    """A run "<body> and <body>" split in two where each side is a whole body's name of two
    words or more ending in a body's head ("Tarn Housing Trust and Fen District Council"); a
    one-word side ("Avon and Somerset Police") or a head that is no body's ("Police and Crime
    Commissioner") keeps the run whole."""
    for join in re.finditer(r"[ \u00a0](?:and|&)[ \u00a0](?=[A-Z])", span):
        left, right = span[:join.start()].split(), span[join.end():].split()
        # A commissioner is a body of one ("the Police and Crime Commissioner and Surrey Police").
        if len(left) >= 2 and len(right) >= 2 and left[-1] in strong_suffixes() | {"Body", "Commissioner"} and \
                right[-1] in strong_suffixes() and not {"and", "&"} & set(right):
            return [(0, span[:join.start()]), (join.end(), span[join.end():])]
    return [(0, span)]


@cache
def _bad_starts() -> frozenset[str]:
    return frozenset(load_cues("entities")["services"]["bad_starts"]) | frozenset(cues("names", "lead_words"))


def _is_bad_start(word: str, bad: frozenset[str]) -> bool:
    """A word that cannot start a name, also when shouted ("RECORD OF DECISION OF THE Cabinet")
    or a date ("June 2024 Executive Board")."""
    word = word.rstrip(",")
    if word in bad or re.fullmatch(r"[0-9]+(?:[/.-][0-9]+)*(?:st|nd|rd|th)?", word):
        return True
    if word in _MONTHS_AND_DAYS:
        return True
    return word.isupper() and len(word) > 1 and (word.title() in bad or word.lower() in JOINERS)


_MONTHS_AND_DAYS = frozenset({"January", "February", "March", "April", "May", "June", "July", "August",
                              "September", "October", "November", "December", "Monday", "Tuesday",
                              "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"})


@cache
def possessive_bodies() -> frozenset[str]:
    """Last words of bodies whose possessive ends a phrase before a name ("the Council’s")."""
    return frozenset(cues("names", "possessive_bodies"))


@cache
def of_lead_words() -> tuple[str, ...]:
    """Post heads and document words that start a phrase "<word> of <name>"."""
    posts = load_cues("entities")["posts"]["heads"]
    return tuple(dict.fromkeys([*posts, *cues("names", "of_leads")]))


def preceded_by_article(text: str, start: int) -> bool:
    """Whether the run at ``start`` follows "a"/"an": a kind of thing, not a name ("set up a
    Members Board").

    Examples
    --------
    >>> preceded_by_article("to set up a Members Board", 12)
    True
    """
    return bool(re.search(r"(?:^|[\s(])(?:a|an|A|An|any|each|every|no)[ \u00a0]+$", text[max(0, start - 8):start]))


def is_heading_line(text: str, start: int, end: int) -> bool:
    """Whether the run is all capitals (a heading shouting), which names nothing by itself.

    Examples
    --------
    >>> is_heading_line("DECLARATIONS OF INTEREST", 0, 24)
    True
    """
    letters = [c for c in text[start:end] if c.isalpha()]
    return len(letters) > 4 and all(c.isupper() for c in letters)
