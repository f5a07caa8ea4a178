"""People's names: find and parse them ("Mr M J Angell", "Cllr Jones", "Thom Wilson").

Honorifics, suffixes and stop words come from ``cues/entities.toml``; the cues that only people
need (more honorifics and post-nominals, plural honorifics, particles, words that are never a
name) from ``cues/people.toml``.

A name word is a capitalised word in any Latin script ("Sínead", "Zoë"), with the inner capital
of "McLellan", "MacDonald" or "O’Dowd" and hyphenated parts ("Beach-Jones"): such names are
never cut.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from itertools import pairwise
from typing import Any

from evidence_graph.loaders.cues import load_cues

#: Blocks of Latin letters beyond Latin-1: Extended-A ("ŵ", "ł"), Extended-B ("ș") and
#: Extended Additional (the Welsh "ẁ", "ỳ"), whose upper and lower cases alternate.
_EXTENDED_LATIN = ((0x100, 0x24F), (0x1E00, 0x1EFF))


def _latin_letters(upper: bool) -> str:
    """The upper- or lower-case letters of the extended Latin blocks, for a character class."""
    return "".join(chr(code) for first, last in _EXTENDED_LATIN for code in range(first, last + 1)
                   if (chr(code).isupper() if upper else chr(code).islower()))


#: Upper- and lower-case letters of the Latin scripts used in UK papers (Welsh, Irish, Gaelic,
#: and names from elsewhere), for character classes. Lower case also takes the combining accents
#: (U+0300-U+036F), since a page may write "Siân" as "a" and a combining circumflex: offsets
#: count code points of the stored text, so it is not normalised, and its names must not be cut
#: at the accent.
_UP = "A-ZÀ-ÖØ-Þ" + _latin_letters(upper=True)
_LO = "a-zß-öø-ÿ" + _latin_letters(upper=False) + "\u0300-\u036f"
#: The capital letters of :data:`NAME_WORD`, for a character class ("[{CAPITALS}]").
CAPITALS = _UP
_PART = rf"(?:[{_UP}][’'])?[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]{{2,}})?"
_NAME_WORD = rf"{_PART}(?:-{_PART})*"
_INITIAL = rf"[{_UP}]\.?"
_INITIALS = rf"(?:[{_UP}](?:\.[ \u00a0]?|[ \u00a0]))"
_SPACE = "[ \u00a0]"
#: A surname printed in capitals after a forename ("Ann LEE", "Kay McMOSS").
_CAPS_SURNAME = rf"(?:Mc|Mac|O[’'])?[{_UP}]{{2,}}(?:-[{_UP}]{{2,}})?(?![\w’'-])"
_NAME_WORD_RE = re.compile(_NAME_WORD)
#: How royals are named in papers: a monarch with a regnal number, "the Queen", or a royal
#: title with its territory (only after "Her/His Royal Highness" when found in text).
_ROYAL_NAME = re.compile(
    r"(?P<monarch>Queen|King)[ \u00a0]+(?P<regnal>[A-Z][a-z]+[ \u00a0]+(?:I{1,3}|IV|V|VI{1,3}))"
    r"|(?P<styled>[Tt]he[ \u00a0]+(?:Queen|King|Princess[ \u00a0]+Royal|Prince[ \u00a0]+of[ \u00a0]+Wales|"
    r"Princess[ \u00a0]+of[ \u00a0]+Wales))"
    r"|(?P<title>Duke|Duchess|Earl|Countess|Prince|Princess)(?P<of>[ \u00a0]+of[ \u00a0]+[A-Z][a-z]+)")
#: A royal named in running text.
ROYAL_IN_TEXT = re.compile(
    r"(?<![\w-])(?:(?P<monarch>(?:Queen|King)[ \u00a0]+[A-Z][a-z]+[ \u00a0]+(?:I{1,3}|IV|V|VI{1,3}))(?![\w-])"
    r"|(?:Her|His)[ \u00a0]+(?:Royal[ \u00a0]+)?(?:Majesty|Highness),?[ \u00a0]+(?:[Tt]he[ \u00a0]+)?"
    r"(?P<title>(?:Queen|King)(?![ \u00a0]+[A-Z])|Princess[ \u00a0]+Royal|"
    r"(?:Prince|Princess)[ \u00a0]+of[ \u00a0]+Wales|(?:Duke|Duchess|Earl|Countess)[ \u00a0]+of[ \u00a0]+[A-Z][a-z]+))")
_WORD_OR_INITIAL_RE = re.compile(rf"{_INITIAL}|{_NAME_WORD}")
_CAPS_SURNAME_RE = re.compile(_CAPS_SURNAME)
#: Regex of one name word, and of a run of initials ("R. J. ", "M A C "), for other finders.
NAME_WORD = _NAME_WORD
INITIALS = _INITIALS


@dataclass(frozen=True)
class PersonName:
    """A parsed personal name.

    Examples
    --------
    >>> name = parse_person_name("Mr M A C Balfour")
    >>> (name.honorific, name.initials, name.family, name.display)
    ('Mr', 'M A C', 'Balfour', 'M A C Balfour')
    >>> parse_person_name("Lord McFall of Alcluith").display
    'McFall of Alcluith'
    """

    honorific: str | None
    given: str | None
    initials: str | None
    family: str
    #: A peer's territorial designation ("of Alcluith").
    territory: str | None = None

    @property
    def display(self) -> str:
        """The name without its honorific (``Thom Wilson``, ``M J Angell``)."""
        return " ".join(p for p in (self.given, self.initials, self.family, self.territory) if p)

    @property
    def first_initial(self) -> str | None:
        """The initial of the first forename, if known."""
        source = self.given or self.initials
        return source[0] if source else None


@dataclass(frozen=True)
class NameSpan:
    """A person's name found in text: its span and the name to resolve.

    Attributes
    ----------
    start, end : int
        The span in the searched text.
    label : str
        The name as written, with its honorific (title-cased when the text is in capitals).
    honorific : bool
        Whether the span starts with an honorific (False for a plain name split out of a
        run-on list).
    """

    start: int
    end: int
    label: str
    honorific: bool = True


def _people_cues() -> dict:
    return load_cues("people")


@cache
def honorifics() -> tuple[str, ...]:
    """Honorifics, longest first so that "Rt Hon" wins over "Hon"."""
    words = {*load_cues("entities")["people"]["honorifics"], *_people_cues()["honorifics"]["extra"]}
    return tuple(sorted(words, key=len, reverse=True))


@cache
def plural_honorifics() -> dict[str, str]:
    """Plural honorifics and their singulars ("Councillors" → "Councillor").

    Examples
    --------
    >>> plural_honorifics()["Cllrs"]
    'Cllr'
    """
    return dict(_people_cues()["honorifics"]["plural"])


@cache
def _given_names() -> dict[str, int]:
    """The lexicon of given names with their bearers' counts (``cues/given_names.txt``: see
    ``cues/given_names.md``)."""
    from evidence_graph.loaders.cues import CUE_DIR

    names: dict[str, int] = {}
    with (CUE_DIR / "given_names.txt").open(encoding="utf-8") as handle:
        for line in handle:
            name, _, count = line.rstrip("\n").partition("\t")
            if name:
                names[name] = int(count or 0)
    return names


def _folded(word: str) -> str:
    return unicodedata.normalize("NFKD", word.replace("\u2019", "'")).encode("ascii", "ignore").decode().lower()


def given_name_count(word: str) -> int:
    """How many bearers the lexicon of given names counts for ``word`` (0 when it is no given
    name in use): "Anita" hundreds of thousands, "Horizon" a few dozen. A hyphenated name
    counts as its rarer part.

    Examples
    --------
    >>> given_name_count("Anita") > 100 * given_name_count("Horizon") > 0
    True
    >>> given_name_count("Playpark")
    0
    """
    folded, names = _folded(word), _given_names()
    if folded in names:
        return names[folded]
    parts = [part for part in folded.split("-") if part]
    return min((names.get(part, 0) for part in parts), default=0) if "-" in folded else 0


#: Bearers a given name needs in the lexicon to lead a name on weak evidence (one word of
#: context, among bodies' names, a witness list's "and"): "Heidi", "Tom", not "Child" or "Pella".
COMMON_GIVEN_NAME_BEARERS = 200


def common_given_name(word: str) -> bool:
    """Whether ``word`` is a given name borne by at least :data:`COMMON_GIVEN_NAME_BEARERS`
    people in the lexicon, enough to lead a name that little else supports.

    Examples
    --------
    >>> common_given_name("Heidi"), common_given_name("Child"), common_given_name("Standing")
    (True, False, False)
    """
    return given_name_count(word) >= COMMON_GIVEN_NAME_BEARERS


def known_given_name(word: str) -> bool:
    """Whether ``word`` is a given name in use: it, or each part of a hyphenated one
    ("Sarah-Anne"), is in the lexicon of given names, compared without accents or case.

    The lexicon holds about 56,000 given names seen in at least three of the sources of
    nomquamgender (national registers and name datasets of many countries), so it knows Welsh,
    Irish, Scottish and South Asian names as well as English ones; it says nothing of surnames.

    Parameters
    ----------
    word : str
        One word, as written.

    Returns
    -------
    bool

    Examples
    --------
    >>> known_given_name("Siân"), known_given_name("Sarah-Anne"), known_given_name("Playpark")
    (True, True, False)
    """
    return given_name_count(word) > 0


@cache
def _nicknamer() -> Any | None:
    try:
        from nicknames import NickNamer
    except ImportError:  # the rule falls back to equal given names
        return None
    return NickNamer()


@lru_cache(maxsize=4096)
def given_names_agree(one: str, other: str) -> bool:
    """Whether two given names can be one person's: equal (without accents or case), or one a
    usual short form of the other ("Liz" and "Elizabeth", "Bob" and "Robert", "Nick" and
    "Nicholas"), from the hand-curated table of the ``nicknames`` package (Apache-2.0).

    Only the first given name of each is compared: "Mary Ann" and "Mary" agree.

    Parameters
    ----------
    one, other : str
        Given names as written.

    Returns
    -------
    bool

    Examples
    --------
    >>> given_names_agree("Liz", "Elizabeth"), given_names_agree("Bob", "Robert"), given_names_agree("Siân", "Sian")
    (True, True, True)
    >>> given_names_agree("Liz", "Robert"), given_names_agree("John", "Joan")
    (False, False)
    """
    first, second = (_folded(name.split()[0]) for name in (one, other))
    if first == second:
        return True
    namer = _nicknamer()
    if namer is None:
        return False
    return second in namer.nicknames_of(first) or first in namer.nicknames_of(second)


@cache
def suffixes() -> frozenset[str]:
    """Post-nominals and generational suffixes ("MP", "OBE", "Jnr")."""
    return frozenset({*load_cues("entities")["people"]["suffixes"], *_people_cues()["suffixes"]["extra"]})


@cache
def _stopwords() -> frozenset[str]:
    return frozenset(load_cues("entities")["people"]["stopwords"])


@cache
def not_name_words() -> frozenset[str]:
    """Capitalised words that never start a plain personal name ("Members", "Following").

    Besides ``people.toml``'s list: the stop words, post heads, organisation suffixes and service
    cue nouns of ``entities.toml``.
    """
    entities = load_cues("entities")
    words: set[str] = {*_people_cues()["words"]["not_names"], *_stopwords()}
    for phrase in (*entities["posts"]["heads"], *entities["posts"]["qualifiers"],
                   *entities["organisations"]["suffixes"]):
        words.update(w for w in phrase.split() if w[:1].isupper())
    for key in ("service", "programme", "framework", "legislation"):
        for phrase in entities["services"].get(key, []):
            words.update(w for w in phrase.split() if w[:1].isupper())
    return frozenset(words)


@cache
def organisation_words() -> frozenset[str]:
    """Last words of organisation names that are not also surnames ("Trust", "Limited")."""
    suffixes_ = {s.split()[-1] for s in load_cues("entities")["organisations"]["suffixes"]}
    return frozenset(suffixes_ - set(_people_cues()["words"]["surnames_too"]))


@cache
def _listed_never_names() -> frozenset[str]:
    words = _people_cues()["words"]
    return frozenset(words["not_names"]) - frozenset(words["surnames_too"])


@cache
def never_name_words() -> frozenset[str]:
    """The words of :func:`not_name_words` that are not also surnames ("Members", not "Green")."""
    return not_name_words() - frozenset(_people_cues()["words"]["surnames_too"])


@cache
def _surname_honorifics() -> tuple[str, ...]:
    """Honorifics that are also surnames ("Baron", "Lord", "Earl"), longest first."""
    return tuple(h for h in honorifics() if h in _people_cues()["words"]["surnames_too"])


@cache
def _honorific_alternation() -> str:
    return "|".join(re.escape(h) for h in honorifics())


@cache
def honorific_name_pattern() -> re.Pattern[str]:
    """Regex for an honorific followed by initials and/or names ("Cllr B Jones", "Mr Wilson").

    A name word is never itself an honorific, so a run-on list ("Mr A B Mrs C D") is not
    read as one name.

    Examples
    --------
    >>> honorific_name_pattern().search("thanked Mr Wilson for attending").group()
    'Mr Wilson'
    >>> honorific_name_pattern().search("the Leader, Councillor Jason McLellan, said").group()
    'Councillor Jason McLellan'
    >>> honorific_name_pattern().search("Mr Colin Challen Mrs Helen Clark").group()
    'Mr Colin Challen'
    """
    hon = _honorific_alternation()
    word = rf"(?!(?:{hon})\b){_NAME_WORD}"
    particles = "|".join(re.escape(p) for p in _people_cues()["words"]["particles"])
    # Middle initials after a forename ("Mrs Siān C James"); an undotted "A" or "I" there is
    # more often a word ("Cllr Lee I Agree").
    # They are initials before a surname that ends the entry: a bracket, a comma, a semicolon,
    # the line's end or the next honorific ("Mr Alex A MacDonald (Convener)", "Mr Donald I
    # Nicholson Mr …"); at the text's end "Cllr Lee I Agree" is still a word.
    entry_end = rf"(?:[ \u00a0]*[(,;\n]|{_SPACE}+(?:{hon})\b)"
    middle = rf"(?:(?![AI]{_SPACE}(?!{_NAME_WORD}{entry_end})){_INITIALS}){{0,2}}"
    # An honorific that is also a surname ends a name when no name word follows it ("Mr John
    # Baron."), where "Mr A Lord Mrs B Cole" is two people.
    surnames = "|".join(re.escape(h) for h in _surname_honorifics())
    last = rf"(?:{word}|{_CAPS_SURNAME}|(?:{surnames})(?!{_SPACE}+(?!(?:{hon})\b)[{_UP}]|[\w’'-]))"
    return re.compile(
        rf"(?<![\w’'-])(?P<hon>{hon})\.?{_SPACE}+"
        rf"(?P<name>{_INITIALS}{{0,4}}(?:(?:{particles}){_SPACE})?"
        rf"(?:{word}{_SPACE}{middle}(?:(?:{particles}){_SPACE})?){{0,2}}"
        rf"{last})"
        rf"(?P<territory>{_SPACE}of{_SPACE}{_NAME_WORD}(?:[ \u00a0-]{_NAME_WORD})?)?"
        # A dash glued to the name's end before a quote or text ("Cllr K Lowe- “I am …”").
        rf"(?![\w’']|-[\w’'])")


@cache
def plain_name_pattern() -> re.Pattern[str]:
    """Regex for a two- or three-word capitalised name without honorific ("Thom Wilson").

    Examples
    --------
    >>> plain_name_pattern().search("Interview with Thom Wilson, Head").group()
    'Thom Wilson'
    >>> plain_name_pattern().search("from Sarah-Anne McKinley (Clerk)").group()
    'Sarah-Anne McKinley'
    """
    return re.compile(
        rf"(?<![\w’'-])(?P<name>(?:{_NAME_WORD})(?:{_SPACE}(?:{_INITIAL}|{_NAME_WORD})){{0,1}}"
        rf"{_SPACE}(?:{_NAME_WORD}))(?![\w’'-])")


def _title_case(word: str) -> str:
    """"O’LOAN" → "O’Loan", "BEACH-JONES" → "Beach-Jones" (a name printed in capitals)."""
    return word if len(word) < 2 or word in suffixes() else word.title()


def _capital_surname(word: str) -> str:
    """"LEE" → "Lee", "McMOSS" → "McMoss"."""
    prefix = re.match(r"Mc|Mac|O[’']", word)
    cut = prefix.end() if prefix and word[prefix.end():].isupper() else 0
    return word[:cut] + word[cut:].title()


def parse_person_name(text: str) -> PersonName | None:
    """Parse a name such as ``Mr M J Angell``, ``Cllr Jones`` or ``Carolyn Mcvitte``.

    Parameters
    ----------
    text : str
        The name as written, with or without honorific and post-nominals, in any case.

    Returns
    -------
    PersonName or None
        None when the text does not look like a personal name (a stop word inside, no
        surname, more than five words, or a post such as "Lord Mayor").

    Examples
    --------
    >>> parse_person_name("Thom Wilson").given
    'Thom'
    >>> parse_person_name("Head of Democratic Services") is None
    True
    >>> parse_person_name("MS JOAN BENNETT").display, parse_person_name("Ms Gisela Stuart MP").family
    ('Joan Bennett', 'Stuart')
    >>> parse_person_name("Lord Mayor") is None, parse_person_name("Y Cynghorydd Lesley Day").honorific
    (True, 'Y Cynghorydd')
    """
    return _parse_person_name(text)


@cache
def _honorific_words() -> tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...]:
    """Each honorific with its words and its lower-cased words, longest first."""
    return tuple((hon, tuple(hon.replace(".", " ").split()), tuple(hon.replace(".", " ").lower().split()))
                 for hon in honorifics())


@cache
def _lowered_honorifics() -> frozenset[str]:
    return frozenset(h.lower() for h in honorifics())


@lru_cache(maxsize=65536)
def _parse_person_name(text: str) -> PersonName | None:
    royal = _ROYAL_NAME.fullmatch(text.strip())
    if royal:
        # "Queen Elizabeth II", "The Queen", "Duchess of Cornwall": royals go by title.
        if royal.group("regnal"):
            return PersonName(royal.group("monarch"), None, None, royal.group("regnal"))
        if royal.group("styled"):
            return PersonName(None, None, None, " ".join(royal.group("styled").split()))
        return PersonName(royal.group("title"), None, None, royal.group("title"), " ".join(royal.group("of").split()))
    words = text.replace("\u00a0", " ").replace(".", " ").split()
    honorific = None
    lowered_words = [w.lower() for w in words[:4]]
    for hon, hon_words, lowered in _honorific_words():
        if tuple(lowered_words[: len(lowered)]) == lowered and (words[0] == hon_words[0] or words[0].isupper()):
            honorific, words = hon, words[len(hon_words):]
            break
    while words and words[-1] in suffixes():
        words = words[:-1]
    if words and all(w.isupper() for w in words if len(w) > 1):
        words = [_title_case(w) for w in words]
    elif len(words) > 1 and _CAPS_SURNAME_RE.fullmatch(words[-1]) and words[-1] not in suffixes():
        words[-1] = _capital_surname(words[-1])  # "Ann LEE"
    territory = None
    cues = _people_cues()
    if honorific in cues["honorifics"]["peerage"] and "of" in words[1:]:
        at = words.index("of", 1)
        territory, words = " ".join(words[at:]), words[:at]
        if not all(_NAME_WORD_RE.fullmatch(w) for w in words[at + 1:] if w):
            return None
    if not words or len(words) > 5:
        return None
    # "Councillor A. Kent": after an honorific and initials, the surname may be a word that is
    # elsewhere a stop word, unless it is never a name.
    initialled = honorific is not None and len(words) >= 2 and all(len(w) == 1 for w in words[:-1])
    # "Ms Heidi May", "Mr Ben Will": after an honorific and a given name in use, likewise.
    given_first = honorific is not None and len(words) == 2 and known_given_name(words[0])
    if any(len(w) > 1 and w in _stopwords() and not ((initialled or given_first) and i == len(words) - 1
                                                     and w not in _listed_never_names())
           for i, w in enumerate(words)):
        return None
    lowered_honorifics = _lowered_honorifics()
    # The last word may be an honorific that is also a surname ("Councillor D Earl", "Mr John
    # Baron"), never one inside the name.
    surname_last = words[-1] in _surname_honorifics() and len(words) >= 2 and (
        initialled or (honorific is not None and len(words) == 2))
    if any(w.lower() in lowered_honorifics for w in words if len(w) > 1) and not (
            (initialled or surname_last) and words[-1].lower() in lowered_honorifics
            and not any(w.lower() in lowered_honorifics for w in words[:-1])):
        return None  # two people run together ("Mr A B Mrs C D"), not "Councillor D Earl"
    if honorific in cues["honorifics"]["peerage"] and words[0] in cues["words"]["title_posts"]:
        return None  # "Lord Mayor", "Lord Lieutenant": a post
    if honorific in cues["honorifics"]["weak"] and (
            any(w in never_name_words() for w in words if len(w) > 1) if initialled
            else any(w in not_name_words() for w in words)):
        return None  # "Provost Road", "Inspector Calls"; "Alderman A Blair", "Alderman T Hill" are names
    if any(w in plural_honorifics() for w in words):
        return None  # "Ms C Seeley Aldermen A R A Carson": the next list's plural honorific
    if len(words[0]) == 1 and any(len(a) > 1 and len(b) == 1 for a, b in pairwise(words)):
        return None  # "J G Buckley N McGeown": initials open a name, so initials after a surname open another
    particles = set(cues["words"]["particles"])
    if not all(_WORD_OR_INITIAL_RE.fullmatch(w) or (
            w in particles and (i > 0 or honorific) and i < len(words) - 1) for i, w in enumerate(words)):
        return None
    family_at = len(words) - 1
    while family_at > 0 and words[family_at - 1] in particles:
        family_at -= 1  # "van der Berg"
    family = " ".join(words[family_at:])
    if len(family) == 1:
        return None
    initials = [w for w in words[:family_at] if len(w) == 1]
    given = [w for w in words[:family_at] if len(w) > 1]
    if honorific is None and not given and (not initials or (initials in (["A"], ["I"]) and not (
            re.match(r"\s*[AI]\.", text) or re.match(r"(?:Ma?c|O[’'])[A-Z]", family)))):
        return None  # "D Moss", "A. Craig", "A McCooke" are names; "A Plan" and "I Agree" are not
    if words[-1] in organisation_words():
        return None  # "Ann Lee Harbour Trust" is a person glued to an organisation
    return PersonName(honorific, " ".join(given) or None, " ".join(initials) or None, family, territory)


@cache
def _upper_name_pattern() -> re.Pattern[str]:
    hon = "|".join(re.escape(h.upper()) for h in honorifics()) + "|" + _honorific_alternation()
    caps = rf"[{_UP}][{_UP}’'-]+"
    return re.compile(rf"(?<![\w’'-])(?P<hon>{hon})\.?{_SPACE}+(?P<name>(?:[A-Z](?:\.{_SPACE}?|{_SPACE})){{0,4}}"
                      rf"(?:{caps}{_SPACE}){{0,2}}{caps})(?![\w’'-])")


@cache
def _glued_pattern() -> re.Pattern[str]:
    # PDF text with its spaces lost ("MrJones,Chairmanofthe"): only the short honorifics, and
    # only before a capital followed by lower case.
    return re.compile(rf"(?<![A-Za-z])(?P<hon>Mrs|Mr|Ms|Dr|Cllr|Councillor|Sir|Dame|Lord|Baroness)"
                      rf"(?P<name>[{_UP}][{_LO}]+(?:[{_UP}][{_LO}]+)*)")


def _camel_words(glued: str) -> list[str]:
    """Split "MartinJones" into its words, keeping "McLellan" and "MacDonald" whole."""
    pieces = re.findall(rf"[{_UP}][{_LO}]+", glued)
    words: list[str] = []
    for piece in pieces:
        if words and words[-1] in ("Mc", "Mac", "De", "Di", "Le", "La", "Fitz"):
            words[-1] += piece
        else:
            words.append(piece)
    return words


#: A surname at the start of the next line, before a comma or a bracket (a name broken across
#: a line break after its forename).
_BROKEN_SURNAME = re.compile(rf"[ \u00a0]*\n(?P<w>{_NAME_WORD})(?=[ \u00a0]*[,(])")


@cache
def _council_of_place() -> re.Pattern[str]:
    """A place's word and a council's type, other than a bare "Council" (``authorities.toml``
    ``[host] types``): "Stevenage Borough Council"."""
    types = sorted((t for t in load_cues("authorities")["host"]["types"] if t != "Council"), key=len, reverse=True)
    return re.compile(rf"{_NAME_WORD}{_SPACE}+(?:{'|'.join(re.escape(t) for t in types)})\b")


def end_before_council(text: str, start: int, end: int) -> int:
    """Where a person's name that runs into a council's name ends: "Cllr R Henry" of "Cllr R
    Henry Stevenage Borough Council", the place and the type's first words being the council's.
    The honorific and two words stay the person's; a name that runs into none ends at ``end``.

    Examples
    --------
    >>> text = "Cllr R Henry Stevenage Borough Council"
    >>> text[:end_before_council(text, 0, 29)], end_before_council("Cllr Ann Lee", 0, 12)
    ('Cllr R Henry', 12)
    """
    words = list(re.finditer(r"\S+", text[start:end]))
    for word in words[3:]:
        if _council_of_place().match(text, start + word.start()):
            return start + len(text[start:start + word.start()].rstrip(" \u00a0"))
    return end


def find_honorific_names(text: str) -> Iterator[NameSpan]:
    """Find people named with an honorific, splitting run-on lists.

    A run-on list ("Mr Colin Challen Mrs Helen Clark Sue Doughty Mr Malcolm Savidge", as
    an attendance line reads once its line breaks are lost) gives each honorific its forename
    and surname, and the words left between two honorifics pair up as plain names. Names
    printed in capitals ("MS JOAN BENNETT") are title-cased; glued PDF text ("MrJones,")
    still gives the name.

    Parameters
    ----------
    text : str
        Any text.

    Yields
    ------
    NameSpan
        In text order.

    Examples
    --------
    >>> [n.label for n in find_honorific_names("Mr A Cole Mrs Jo Hart Sam Ray Mr Li Wu")]
    ['Mr A Cole', 'Mrs Jo Hart', 'Sam Ray', 'Mr Li Wu']
    >>> [n.label for n in find_honorific_names("Witnesses: MS ANN LEE and MrJones,Chairmanofthe")]
    ['Ms Ann Lee', 'Mr Jones']
    >>> [n.label for n in find_honorific_names("the Lord Mayor (Councillor Laurent) and Lord Smith")]
    ['Councillor Laurent', 'Lord Smith']
    """
    found: list[NameSpan] = []
    name_word = re.compile(rf"{_SPACE}(?P<w>{_NAME_WORD})(?![\w’'-])")
    hon_ahead = re.compile(rf"{_SPACE}+(?:{_honorific_alternation()})\.?{_SPACE}")
    last_end: int | None = None
    for match in honorific_name_pattern().finditer(text):
        start, end = match.start(), match.end()
        label = match.group()
        if match.group("territory") and match.group("hon") not in _people_cues()["honorifics"]["peerage"]:
            end = match.end("name")
            label = text[start:end]
        words = match.group("name").split()
        named = [w for w in words if len(w.rstrip(".")) > 1 and w not in suffixes()]
        # The words that carry on after the match, up to the next honorific or break.
        rest: list[tuple[int, int, str]] = []
        position = end
        while not match.group("territory"):
            more = name_word.match(text, position)
            if more is None or (more.group("w") in not_name_words() and more.group("w") not in suffixes()):
                break
            rest.append((more.start("w"), more.end("w"), more.group("w")))
            position = more.end()
        # A run-on list: another honorific straight after, or straight before (only spaces).
        run_on = bool(hon_ahead.match(text, position)) or (
            last_end is not None and not text[last_end:start].strip(" \u00a0"))
        last_end = position if run_on or rest else end
        if run_on and len(named) > 2 and len(named) == len(words):
            # "Mrs Helen Clark Sue …": the honorific takes two words, the rest pair up.
            cut = start + len(match.group("hon")) + 1
            spans = list(re.finditer(rf"{_NAME_WORD}", text[cut:end]))
            end = cut + spans[1].end()
            rest = [(cut + s.start(), cut + s.end(), s.group()) for s in spans[2:]] + rest
            label = text[start:end]
        # "Cllr Ann Lee Additional documents": words that are never names end the name.
        while True:
            last = re.search(rf"{_SPACE}({_NAME_WORD})$", label)
            if last is None or last.group(1) not in never_name_words() or len(label.split()) < 3:
                break
            label, end = label[:last.start()], end - (len(label) - last.start())
        cut = end_before_council(text, start, end)
        label, end = label[:cut - start], cut
        # A middle initial left at the end by the cut ("Cllr Ann Lee A Report" → "Cllr Ann Lee").
        while len(label.split()) > 2 and (initial := re.search(rf"{_SPACE}+{_INITIAL}$", label)):
            label, end = label[:initial.start()], end - (len(label) - initial.start())
        if len(words) == 1 and not rest:
            # "Mr Alan\nBoyd, Chief Executive": a forename, then the surname on the next line.
            broken = _BROKEN_SURNAME.match(text, end)
            if broken and broken.group("w") not in not_name_words():
                end, label = broken.end("w"), f"{label} {broken.group('w')}"
        if parse_person_name(label) is None:
            continue
        found.append(NameSpan(start, end, label))
        if run_on:
            pieces = [r for r in rest if r[2] not in suffixes()]
            for i in range(0, len(pieces) - 1, 2):
                last = pieces[i + 2] if len(pieces) - i == 3 else pieces[i + 1]
                plain = text[pieces[i][0]:last[1]]
                if parse_person_name(plain) and pieces[i][2] not in not_name_words():
                    found.append(NameSpan(pieces[i][0], last[1], plain, honorific=False))
                if last is not pieces[i + 1]:
                    break
    taken = [(n.start, n.end) for n in found]
    for match in _upper_name_pattern().finditer(text):
        if not match.group("name").isupper() or any(s < match.end() and match.start() < e for s, e in taken):
            continue
        hon = match.group("hon")
        canonical = next((h for h in honorifics() if h.upper() == hon.upper()), hon)
        label = f"{canonical} " + " ".join(_title_case(w) for w in match.group("name").split())
        if parse_person_name(label):
            found.append(NameSpan(match.start(), match.end(), label))
            taken.append((match.start(), match.end()))
    for match in _glued_pattern().finditer(text):
        if any(s < match.end() and match.start() < e for s, e in taken):
            continue
        words = _camel_words(match.group("name"))
        while len(words) > 1 and words[-1] in not_name_words():
            words.pop()
        words = words[:3]
        if len(words) > 1 and words[0] in not_name_words():
            continue
        label = f"{match.group('hon')} {' '.join(words)}"
        glued_end = match.start("name") + len("".join(words))
        if parse_person_name(label):
            found.append(NameSpan(match.start(), glued_end, label))
    return iter(sorted(found, key=lambda n: n.start))


def document_namesakes(name: PersonName, named: Iterable[PersonName]) -> list[PersonName]:
    """The fuller names among ``named`` that a surname-only name can stand for.

    Same surname (case-folded), compatible first initial; one entry per displayed name.

    Parameters
    ----------
    name : PersonName
        A name such as "Mr Weir".
    named : iterable of PersonName
        The names a document gives with forenames or initials.

    Returns
    -------
    list of PersonName

    Examples
    --------
    >>> named = [parse_person_name(n) for n in ("Mr Peter Weir", "Ann Lee", "Peter Weir")]
    >>> [n.display for n in document_namesakes(parse_person_name("Mr Weir"), named)]
    ['Peter Weir']
    >>> [n.display for n in document_namesakes(parse_person_name("Sir Peter"), named)]
    ['Peter Weir']
    """
    found: dict[str, PersonName] = {}
    # A knight or dame is addressed by forename ("Sir Chris" for Sir Chris Ham).
    by_forename = name.honorific in _people_cues()["honorifics"]["by_forename"] and not name.given
    genders = _people_cues()["honorifics"]["gendered"]
    gender = next((g for g, words in genders.items() if name.honorific in words), None)
    for other in named:
        if gender and other.honorific and any(other.honorific in words for g, words in genders.items()
                                              if g != gender):
            continue  # "Ms Ballard" is not "Mr Keith Ballard"
        if by_forename and other.given and other.given.split()[0].casefold() == name.family.casefold():
            found.setdefault(other.display, other)
            continue
        if other.family.casefold() != name.family.casefold() or not (other.given or other.initials):
            continue
        if name.first_initial and other.first_initial and name.first_initial != other.first_initial:
            continue
        found.setdefault(other.display, other)
    if not found and not name.given and not name.initials and not any(
            other.family.casefold() == name.family.casefold() for other in named):
        # "Mr Alan" (a name cut after its forename, or an informal reference) for the one
        # "Alan Boyd" of the document, when no one there has the surname "Alan"; with two
        # people of that forename it is ambiguous (no new person "Mr Alan" either way).
        forenames = {other.display: other for other in named
                     if other.given and other.given.split()[0].casefold() == name.family.casefold()
                     and not (gender and other.honorific and any(other.honorific in words for g, words
                                                                 in genders.items() if g != gender))}
        if forenames:
            return list(forenames.values())
    return list(found.values())


def name_slug(name: PersonName) -> str:
    """The registry key of a name: lower-case words joined by hyphens.

    Examples
    --------
    >>> name_slug(parse_person_name("Mr M J Angell"))
    'm-j-angell'
    """
    return re.sub(r"[^a-z0-9]+", "-", name.display.lower()).strip("-")
