"""People named without an honorific, found by the context that supports a person.

Capitalisation proposes (a run of name words); context accepts: a label ("Contact:",
"Lead officer:"), a post or organisation after the name ("Ann Lee, Head of Planning",
"Ann Lee (Chief Executive)"), a verb of speech or attendance ("Ann Lee declared …"), a word
that introduces a person ("thanked Ann Lee."), or a line of its own among other names (an
attendance list, a signature). Lists under a plural honorific ("Councillors A B, C D and E")
share the honorific out, and a forename used alone ("James explained") resolves to the one
person of that forename the document names in full.

The whole document is read once (the result is cached) because a list runs across blocks;
each finder yields what falls in its passage.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache

from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.finders.statistical import OTHER_THAN_PERSON, longer_name_label
from evidence_graph.loaders.mentions import MENTION_FINDERS, Mention, Passage, gazetteer_places
from evidence_graph.loaders.names import (
    CAPITALS,
    INITIALS,
    NAME_WORD,
    ROYAL_IN_TEXT,
    common_given_name,
    find_honorific_names,
    given_name_count,
    honorific_name_pattern,
    honorifics,
    known_given_name,
    never_name_words,
    not_name_words,
    parse_person_name,
    plural_honorifics,
    suffixes,
)
from evidence_graph.loaders.structure.fields import looks_like_post
from evidence_graph.loaders.structure.minutes import flattened_names, text_lines

_SP = "[ \u00a0]"
_CAPS = rf"(?:Mc|Mac|O[’'])?[{CAPITALS}]{{2,}}(?:-[{CAPITALS}]{{2,}})?"
_TOKEN = re.compile(rf"(?<![\w’'.-])(?:{NAME_WORD}|{_CAPS}|[{CAPITALS}]\.?)(?![\w’']|-[\w’'])")
_LIST_MARK = re.compile(r"^[\s|*•·§▪◦–—-]*(?:\(?[a-z0-9]{1,3}[.)]\s+)?[\s|*•·§▪◦–—-]*", re.I)


@dataclass(frozen=True)
class FoundPerson:
    """A person's name found in a document by one of this module's rules."""

    start: int
    end: int
    label: str
    rule: str


def _cues() -> dict:
    return load_cues("people")


@cache
def _post_words() -> frozenset[str]:
    words = {w.lower() for w in _cues()["words"]["post_words"]}
    # The head noun of each post title ("Officer" of "Democratic Services Officer").
    words.update(head.split()[-1].lower() for head in load_cues("entities")["posts"]["heads"])
    return frozenset(words)


@cache
def _soft_words() -> frozenset[str]:
    """Non-name words only because they are service or legislation cue nouns ("Bill", "Grant")."""
    entities = load_cues("entities")
    words = {w for key in ("service", "programme", "framework", "legislation")
             for phrase in entities["services"].get(key, []) for w in phrase.split() if w[:1].isupper()}
    words.update(w.capitalize() for key in ("service", "programme", "framework", "legislation")
                 for w in entities["services"].get(key, []) if " " not in w)
    return frozenset(words - set(_cues()["words"]["not_names"]) - set(load_cues("entities")["people"]["stopwords"]))


@cache
def _org_words() -> frozenset[str]:
    entities = load_cues("entities")
    words = {s.split()[-1] for s in entities["organisations"]["suffixes"]}
    for key in ("service", "programme", "framework", "legislation"):
        words.update(p.split()[-1].capitalize() for p in entities["services"].get(key, []))
    return frozenset(words)


def _alternation(phrases: list[str]) -> str:
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True))


@cache
def _label_before() -> re.Pattern[str]:
    labels = _alternation(_cues()["context"]["labels"])
    # The label, its colon or dash, then any names already listed after it ("A, B and ").
    # A telephone number may stand between two names ("Contact: A Lee 01234 567890 B Chan"), and
    # a slash ("Contact: A Lee / B Chan").
    # A signature's dotted or ruled leader may stand after the label or for its colon ("Signed:
    # ........ Ann Lee", "Signature ______ Ann Lee").
    return re.compile(rf"(?:^|[\s|;(])(?:{labels})\s*(?:\([^)]{{0,30}}\))?\s*(?::-?|[-–—]|(?=\s*[._…]{{3}}))"
                      rf"[\s._…]*(?:[^:.\n]*?(?:,|;|/|\band\b|\bor\b|&|\d{{3,}}\)?)\s*)?$", re.I)


@cache
def _label_core() -> re.Pattern[str]:
    """A label and its colon or dash (the head of :func:`_label_before`), at every place it starts."""
    labels = _alternation(_cues()["context"]["labels"])
    return re.compile(rf"(?:^|(?<=[\s|;(]))(?=(?P<core>(?:{labels})\s*(?:\([^)]{{0,30}}\))?\s*"
                      rf"(?::-?|[-–—]|(?=\s*[._…]{{3}})))(?P<space>[\s._…]*))", re.I)


_LEADER = re.compile(r"\s*[._…]{3}")


class _LineLabels:
    """Where the labels of one line end, so that whether ``_label_before()`` finds a label before a
    position of the line is answered without reading the line again (a 5,000-name list after
    "Present:" is one line, and its names are looked at one by one)."""

    def __init__(self, line: str) -> None:
        self.line = line
        ends: dict[int, int] = {}  # end after the label's spaces -> earliest end before them
        for match in _label_core().finditer(line):
            end, bare = match.end("space"), match.end("core")
            if match.group("core").endswith(":-"):
                bare -= 1  # cut after its colon, "Apologies:-" is still a label
            elif not match.group("core").rstrip().endswith((":", "-", "–", "—")):
                bare = _LEADER.match(line, bare).end()  # a label by its leader only once it is written
            ends[end] = min(bare, ends.get(end, bare))
        self.ends = ends
        self.sorted_ends = sorted(ends)
        # The list after a label runs to no colon or full stop.
        self.stops = [m.start() for m in re.finditer(r"[:.]", line)]
        self.colons = [m.start() for m in re.finditer(":", line)]

    def before(self, at: int) -> bool:
        """``bool(_label_before().search(line[:at]))``, in logarithmic time."""
        ends, line = self.sorted_ends, self.line
        first = bisect_left(ends, at)
        if first < len(ends) and self.ends[ends[first]] <= at:
            return True  # the label with nothing but spaces after it up to ``at``
        # Else a separator ends line[:at] (spaces aside) and the label ends after the last
        # colon or full stop and no later than the separator.
        tail = at
        while tail > 0 and line[tail - 1].isspace():
            tail -= 1
        separator = _separator_start(line, tail)
        if separator is None:
            return False
        stop = bisect_left(self.stops, at) - 1
        last_stop = self.stops[stop] if stop >= 0 else -1
        after_stop = bisect_right(ends, last_stop)
        return after_stop < len(ends) and ends[after_stop] <= separator


def _separator_start(line: str, end: int) -> int | None:
    """Where the list separator of ``_label_before()`` (",", ";", "/", "and", "or", "&", a
    telephone number's last three digits) that ends at ``end`` starts, if one does."""
    if end == 0:
        return None
    last = line[end - 1]
    if last in ",;&/":
        return end - 1
    for word in ("and", "or"):
        start = end - len(word)
        if start >= 0 and line[start:end].lower() == word and (start == 0 or not _is_word(line[start - 1])):
            return start
    digits_end = end - 1 if last == ")" else end
    if digits_end >= 3 and line[digits_end - 3:digits_end].isdecimal():
        return digits_end - 3
    return None


def _is_word(char: str) -> bool:
    """Whether ``re`` counts the character as a word character (``\\w``)."""
    return char.isalnum() or char == "_"


@lru_cache(maxsize=64)
def _line_labels(line: str) -> _LineLabels:
    return _LineLabels(line)


def _labelled(line: str, at: int) -> bool:
    """Whether a label ("Contact:", "Present -") and perhaps names listed after it stand before
    ``line[at:]`` (what ``_label_before().search(line[:at])`` says)."""
    return _line_labels(line).before(at)


def _tail(line: str, at: int, tokens: int, floor: int = 0) -> str:
    """The last ``tokens`` whitespace-separated words before ``at`` (and after ``floor``, where
    the line starts) with the spaces before them.

    A window, like :func:`_before`, for end-anchored patterns that span a bounded number of
    words; a NUL marks a cut window so that ``^`` cannot match at the cut.
    """
    position = at
    while position > floor and line[position - 1].isspace():
        position -= 1
    for _ in range(tokens):
        while position > floor and not line[position - 1].isspace():
            position -= 1
        while position > floor and line[position - 1].isspace():
            position -= 1
    return ("\x00" if position > floor else "") + line[position:at]


@cache
def _verb_after() -> re.Pattern[str]:
    verbs = _alternation(_cues()["context"]["verbs"])
    # "Ann Lee (Chair) said", "Ann Lee, the Leader, said", "Ann Lee, who …".
    return re.compile(rf"(?:\s*\([^()]{{1,60}}\))?(?:\s*,[^,.;()]{{1,80}},)?(?:\s*,)?\s+(?:{verbs})\b")


@cache
def _sentence_verb() -> re.Pattern[str]:
    return re.compile(rf"\s+(?:{_alternation(_cues()['context']['sentence_verbs'])})\b")


@cache
def _before_word() -> re.Pattern[str]:
    words = _alternation(_cues()["context"]["before"])
    return re.compile(rf"(?:^|[\s(])(?:{words})\s+$", re.I)


@cache
def _before_word_tokens() -> int:
    """How many words the longest cue of :func:`_before_word` has."""
    return max(len(p.split()) for p in _cues()["context"]["before"])


@cache
def _weak_before() -> frozenset[str]:
    return frozenset(w.lower() for w in _cues()["context"]["before_weak"])


_NEXT_CELL = re.compile(r"(?:[ \u00a0]{3,}|\t+|[ \u00a0]*\|[ \u00a0]*)(?P<post>[^|\t\n]{2,80}?)(?:[ \u00a0]{3,}|\||$)")
# Post-nominals that only a person carries (not "AM", "MS", "MA": also ordinary abbreviations).
_POST_NOMINAL = re.compile(r"[ \u00a0]+(?:MP|MSP|MLA|MEP|MBE|OBE|CBE|KBE|DBE|GBE|QC|KC|JP|PhD|FRS|QPM|"
                           r"AS/MS|MS/AS|(?:MS|AM)(?![ \u00a0]+[A-Z][a-z]))\b")  # "MS Society" is no post-nominal
_ITS = re.compile(r"(?:\s+\w+){0,3}?\s+its\b", re.I)
# The post may follow a label ("Contact Officer :-Head of Audit - Ann Lee").
_POST_DASH = re.compile(r"^[\s|*•·]*(?:[^:\n]{1,40}:-?[ \u00a0]*)?(?P<post>[A-Z][^,:;.|]{2,60}?)\s+[-–—]\s+$")
_PLURAL_LABEL = re.compile(r"\b(?P<word>[A-Za-z-]+)\s*:\s*(?:[^:.\n()]{0,120}?(?:,|;|\band\b|\bor\b|&)\s*)?$")


def _post_label(line: str, at: int) -> bool:
    """A post title before a dash ("Head of Audit - Ann Lee") or a post noun before a colon
    ("Honorary Aldermen: Ann Lee and Bo Chan") before ``line[at:]``."""
    dash = _POST_DASH.match(line, 0, at)
    if dash and looks_like_post(dash.group("post")):
        return True
    # The colon is the last before ``at``; the search starts at the word before it, not at the
    # start of a long line.
    colons = _line_labels(line).colons
    last = bisect_left(colons, at) - 1
    if last < 0:
        return False
    word = colons[last]
    while word > 0 and line[word - 1].isspace():
        word -= 1
    while word > 0 and (line[word - 1].isascii() and (line[word - 1].isalpha() or line[word - 1] == "-")):
        word -= 1
    plural = _PLURAL_LABEL.search(line, word, at)
    if plural is None:
        return False
    noun = plural.group("word").lower()
    forms = {noun, noun[:-1], noun[:-2] + "an" if noun.endswith("en") else noun}
    if forms & _post_words():
        return True
    # A whole post title opening the line before the colon ("Clerk to the Panel: Ann Lee").
    head = _LIST_MARK.match(line, 0, colons[last])
    if last != 0 or colons[last] - (head.end() if head else 0) > 80:
        return False
    prefix = line[head.end() if head else 0:colons[last]].strip(" \t\u00a0|")
    return (0 < len(prefix) <= 80 and prefix[:1].isupper()
            and _whole_post(_title_words(prefix)))


_CLOSE_BRACKET = re.compile(r"\s*\)")
_APPOSITION = re.compile(r"\s*(?:,|[-–—]\s)\s*(?P<post>[^,;.()|]{2,90})")
_BRACKET_AFTER = re.compile(r"\s*\((?P<inner>[^()]{1,80})\)")
_POST_COMMA = re.compile(r"\b(?:the|our|its|their|his|her)\s+((?:[\w’'-]+\s+){0,6}?[\w’'-]+),\s*$", re.I)
_SPEAKER_BEFORE = re.compile(r"[\s|*•·]*(?:Q\s?\d+[\s.]*)?")
# Not a form's field and its value ("Reference Number :-2147", "Options Considered:- None",
# "Funding Source: grant"): what a speaker says is a sentence, or three words at least.
_SPEAKER_AFTER = re.compile(r"\s*(?:\([^()]{1,60}\)\s*){0,2}:(?![\d-])"
                            r"(?=[ \u00a0]*(?:[^\s:]+[ \u00a0]+){2,}[^\s:]|[^\n]*[.?!…”\"]\s*$)")
_STOP_AFTER = re.compile(r"\s*(?:[,.;:)|]|$|\(|\band\b|&|[-–—]\s|\bor\b|\bregarding\b|\bconcerning\b|"
                         r"\bas\b|\bwho\b|\bfrom\b|\b(?:in|on)\s+(?:\d|January|February|March|April|May|June|July|"
                         r"August|September|October|November|December)\b)")


def _normal_case(word: str) -> str:
    """"SAWERS" → "Sawers", "McIRVINE" → "McIrvine" (surnames printed in capitals)."""
    match = re.fullmatch(rf"(Mc|Mac|O[’'])?([{CAPITALS}][{CAPITALS}’'-]+)", word)
    if match is None or word in suffixes():
        return word
    return (match.group(1) or "") + match.group(2).title()


def _is_post(text: str) -> bool:
    """Whether an apposition reads as a post ("Station Manager from X", "chair of trustees")."""
    text = text.strip()
    if not text:
        return False
    if looks_like_post(text):
        return True
    words = re.findall(r"[\w’'-]+", text.lower())[:7]
    return any(w in _post_words() for w in words)


def _runs(line: str) -> Iterator[list[re.Match[str]]]:
    """Runs of capitalised tokens separated by single spaces (a name cannot cross punctuation)."""
    run: list[re.Match[str]] = []
    for token in _TOKEN.finditer(line):
        if run and not re.fullmatch(rf"{_SP}(?:(?:{_particles()}){_SP})*", line[run[-1].end():token.start()]):
            yield run
            run = []
        run.append(token)
    if run:
        yield run


@cache
def _particles() -> str:
    return "|".join(re.escape(p) for p in _cues()["words"]["particles"])


@cache
def _lead_words() -> frozenset[str]:
    cues = _cues()["words"]
    return frozenset({*cues["lead"], *cues["title_posts"], *honorifics()})


def _may_lead(word: str) -> bool:
    """Whether a capitalised word may stand before a name in its run ("Appoint", "Provost")."""
    return (word in _lead_words() or word.lower() in _post_words()
            or bool(_before_word().search(word + " ")))


def _never_name(word: str) -> bool:
    """Whether a word is never part of a name, in its plural in "-ies" too ("Authorities",
    "Communities"): no surname ends so, where "Gates" or "Mills" are surnames as well as plurals."""
    return word in never_name_words() or (word.endswith("ies") and f"{word[:-3]}y" in never_name_words())


def _parts(word: str) -> list[str]:
    return word.split("-")


def _candidate(line: str, run: list[re.Match[str]]) -> tuple[int, int, str, str] | None:
    """The personal name a run of capitalised tokens holds, with what came before it in the run.

    Returns (start, end, label, lead) within the line, or None. A name of initials and a
    surname ("D Smith") is returned too; only a label supports it (see :func:`_supported`).
    """
    tokens = [t.group() for t in run]
    lead = 0
    while lead < len(tokens) and _may_lead(tokens[lead]):
        lead += 1
    # Words that never start a name, or words in capitals, before two more words: the end of a
    # post or a heading before the name ("Clerk to the Committee James Hart", "CLERK TO THE
    # COMMITTEE James Hart"); the name still needs a context that supports it.
    skipped = lead
    while skipped < len(tokens) - 2 and (
            (tokens[skipped] in never_name_words() and tokens[skipped] not in _soft_words())
            or (len(tokens[skipped]) > 1 and tokens[skipped].isupper())):
        skipped += 1
    if skipped == lead and _DETERMINER.search(_before(line, run[0].start())):
        return None  # "the Harbour Taskforce", "a Green Paper": a thing, not a person
    lead = skipped
    opener = tokens[0].endswith("ly") or tokens[0] in _cues()["words"]["sentence_openers"]
    if lead == 0 and opener and len(tokens) >= 3 and _SENTENCE_START.search(_before(line, run[0].start())):
        # "Later Priya Lane said": a capitalised adverb opening the sentence is no forename
        # when the words after it make a name by themselves.
        later = _candidate_at(line, run, 1)
        if later is not None:
            return later
    return _candidate_at(line, run, lead)


def _before(line: str, at: int, width: int = 40) -> str:
    """The last ``width`` characters before ``at``, for the end-anchored patterns below.

    A window, not the whole prefix, so that a 5,000-name line is read in linear time; a NUL
    marks a cut window so that ``^`` cannot match at the cut.
    """
    start = max(0, at - width)
    return ("\x00" if start else "") + line[start:at]


_DETERMINER = re.compile(r"(?:^|[\s(])(?:the|a|an|this|that|these|those|our|their|its|his|her|my|your|"
                         r"any|each|every|no|some)[ \u00a0]+$")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|^[\s*•·–-]+)$")


def _candidate_at(line: str, run: list[re.Match[str]], lead: int) -> tuple[int, int, str, str] | None:
    """The name a run holds after its first ``lead`` tokens (see :func:`_candidate`)."""
    tokens = [t.group() for t in run]
    rest = tokens[lead:]
    if len(rest) < 2:
        return None
    size = 2
    if len(rest) >= 3 and rest[2] not in not_name_words() and rest[2] not in suffixes() and (
            len(rest) == 3 or rest[3] in not_name_words() or rest[3] in suffixes()) and not _post_after(
            line, run[lead + 1].end()):
        size = 3  # "Mary Ann Lee", not "Charlie Kemp Culture Manager"
    picked = run[lead:lead + size]
    words = [t.group() for t in picked]
    first = words[0]
    # A cue noun that is also a forename ("Grant", "Bill") may start a name before a word that
    # is no cue: "Bill Ure" but not "Bill Committee".
    soft = first in _soft_words() and words[1] not in not_name_words()
    if (first in not_name_words() and not soft) or first in gazetteer_places() or (len(first) > 1 and first.isupper()):
        return None  # "Members agreed", "Kent County", "CAG Consultants"
    if any(_never_name(p) for w in words[1 if soft else 0:] for p in _parts(w)):
        return None
    following = tokens[lead + size] if len(tokens) > lead + size else None
    if following and _post_after(line, run[lead + size - 1].end()):
        following = None  # "Gary Macdonald Group Director of Finance": a post follows, not a longer name
    # "Ann Lee Harbour Food Trust": a name, then an organisation of two words or more (a
    # person is never glued to an organisation).
    glued_org = size == 2 and len(rest) >= 4 and tokens[-1] in _org_words()
    if following and following in _org_words() and not glued_org:
        return None  # "Tom Smith Trust": part of an organisation's name
    if following and following not in not_name_words() and following not in suffixes() and not glued_org:
        return None  # a longer capitalised phrase ("Paintings in Hospitals Project")
    start, end = picked[0].start(), picked[-1].end()
    label = " ".join(_normal_case(w) for w in line[start:end].split())
    name = parse_person_name(label)
    if name is None or " ".join(words) in gazetteer_places():
        return None
    lead_text = line[run[0].start():start] if lead else ""
    return start, end, label, lead_text


@lru_cache(maxsize=64)
def _heading_like(line: str) -> bool:
    """A line of mostly capitalised words (a title): weak cues do not count there."""
    if re.search(r"[.!?;,]\s*$", line):
        return False  # a sentence, or an item of a list
    words = re.findall(r"[^\W\d_][\w’'-]*", line)
    small = {"of", "and", "the", "for", "in", "on", "to", "with", "a", "an", "by", "at", "from", "or"}
    content = [w for w in words if w not in small]
    return len(content) >= 4 and sum(w[0].isupper() for w in content) / len(content) > 0.7


@cache
def company_form_after() -> re.Pattern[str]:
    """A company form after a name, perhaps after a country in brackets ("(Ireland) Limited").

    Examples
    --------
    >>> bool(company_form_after().match("Carter Holloway plc was appointed", 15))
    True
    """
    forms = _alternation(_cues()["words"]["company_forms"])
    return re.compile(rf"[ \u00a0]*(?:\([A-Z][A-Za-z .&]{{1,30}}\)[ \u00a0]*)?(?:{forms})(?![\w’'-])")


def _title_words(text: str) -> str:
    """A phrase in capitals in title case, small words lower ("CLERK TO THE COMMITTEE" →
    "Clerk to the Committee"), so that post rules read it; other text unchanged."""
    if not text.isupper():
        return text
    small = {"of", "and", "the", "for", "to", "in", "on", "at", "with", "a", "an", "by"}
    return " ".join(w.lower() if w.lower() in small and i else w.capitalize() for i, w in enumerate(text.split()))


#: What may follow a name that a post heads on its line: the line's end, a comma, a table bar,
#: or a telephone or email label.
_POST_LINE_END = re.compile(r"[ \u00a0]*(?:$|[,;|(]|[-–—][ \u00a0]|(?:Tel|Telephone|Email|E-mail|Phone)\b)", re.I)


def _post_heads_line(line: str, start: int, end: int) -> bool:
    """Whether a post title alone opens the line before the name and nothing but the line's end
    or a contact detail follows it ("Clerk to the Committee James Hart", "CLERK TO THE
    COMMITTEE James Hart, Tel: …")."""
    head = _LIST_MARK.match(line, 0, start)
    if start - (head.end() if head else 0) > 80:
        return False  # no copy of a long line's start for each name of a 5,000-name line
    prefix = line[head.end() if head else 0:start].strip(" \t\u00a0|")
    if not prefix or len(prefix) > 60 or not prefix[:1].isupper() or re.search(r"[:.,;()]", prefix):
        return False
    return bool(_POST_LINE_END.match(line, end)) and _whole_post(_title_words(prefix))


_POST_CONNECTORS = frozenset({"of", "to", "the", "for", "and", "&", "in", "on", "at"})


def _whole_post(text: str) -> bool:
    """Whether the whole of ``text`` is a post title in title case ("Director of Finance",
    "Clerk to the Committee"), not a clause that starts with one ("Clerk reported on Tree
    Works"): :func:`looks_like_post` reads only how it starts."""
    words = text.split()
    return bool(words) and looks_like_post(text) and all(
        w[:1].isupper() or w.lower() in _POST_CONNECTORS for w in words)


def _supported(line: str, start: int, end: int, lead: str, earlier: bool) -> str | None:
    """Which context supports the name at ``line[start:end]`` as a person, if any.

    ``earlier``: whether a person was already found earlier on the line (a list goes on).
    """
    # Patterns match at ``end`` and search windows before ``start``, never copies of the rest of
    # the line: a 5,000-name list is one line.
    if company_form_after().match(line, end):
        return None  # "Garden Gates (Ireland) Limited": a company
    name = parse_person_name(line[start:end])
    if _labelled(line, start) or _post_label(line, start):
        return "label"
    before = _tail(line, start, 5)
    if name is not None and before.rstrip().endswith("(") and _CLOSE_BRACKET.match(line, end):
        # "Report of the Portfolio Holder (Ann Lee)", "Lead Finance Officer ( P Quinn)"; not
        # "Ombudsman (SPSO) (Healthcare …)".
        words = before.rstrip()[:-1].split()[-4:]
        if words and ")" not in words[-1] and any(w.lower() in _post_words() for w in words):
            return "bracketed"
    if name is not None and not name.given and name.initials:
        # Initials and a surname need a label ("Contact: D Smith") or their post after a comma
        # ("A Russell, Director of Finance & Resources; B Lambert, Category Manager").
        return "post" if _initialled_holder(line, end) else None
    if name is None or not name.given:
        return None
    # One word of context ("Ann Lee explained", "with Ann Lee") supports a name that a given
    # name in use leads, not "Goldwire Lane is assessed" or "in accordance with Standing Orders".
    given_in_use = common_given_name(name.given.split()[0])
    if given_in_use and name.initials and name.family and re.search(rf"{_SP}[A-Z]\.?{_SP}", line[start:end]) \
            and _STOP_AFTER.match(line, end):
        return "middle-initial"  # "had been Christina L Macleod and …": forename, initial, surname
    verb = _verb_after().match(line, end)
    if verb and given_in_use and not _ITS.match(line, verb.end()):
        return "verb"  # "Ann Lee explained", not "Bright Futures explained its offer"
    opening = _sentence_verb().match(line, end)
    if opening and given_in_use and _SENTENCE_START.search(_before(line, start)) and not _ITS.match(
            line, opening.end()):
        return "verb"  # "Ann Lee addressed the Council": a verb that supports a name opening a sentence
    # A transcript's speaker label ("Q12 Ann Lee:", "Ann Lee (Aberdeen) (SNP):").
    if _SPEAKER_BEFORE.fullmatch(line, 0, start) and _SPEAKER_AFTER.match(line, end):
        return "speaker"
    apposition = _APPOSITION.match(line, end)
    if apposition and _is_post(apposition.group("post")):
        return "post"
    if _POST_NOMINAL.match(line, end):
        return "post-nominal"  # "Ann Lee MP", "Bo Chan OBE"
    cell = _NEXT_CELL.match(line, end)
    if cell and _is_post(cell.group("post")):
        return "post"  # a table row: "Ann Lee    Licensing Officer", "Ann Lee | Chair"
    bracket = _BRACKET_AFTER.match(line, end)
    if bracket:
        inner = bracket.group("inner").strip()
        initials = "".join(w[0] for w in line[start:end].split())
        if re.fullmatch(r"[A-Z]{2,4}|[A-Z]{2,3}[a-z]", inner):
            # "Richard Chapman (RC)" names a person; "Closed Circuit Television (CCTV)" is an
            # acronym's definition.
            if inner.upper() == initials.upper() or (inner[:-1] == initials and inner[-1].islower()):
                return "initials"
        elif (inner[:1].isupper() or _is_post(inner) or inner.lower().startswith("in the chair")) and (
                given_in_use or _is_post(inner)):
            return "bracket"  # "Ann Lee (Convener)", not "Police and Crime Panels (Coronavirus)"
    if given_in_use and _post_after(line, end):
        return "post-after"  # a flattened table: "Tom Bryant Head of Transport, TVCA Ann Lee …"
    stop = bool(_STOP_AFTER.match(line, end))
    if lead and (lead.split()[-1].lower() in _post_words() or looks_like_post(lead.strip())):
        return "post-before" if stop and given_in_use else None  # not "Lead Doctor Child Protection"
    if _post_heads_line(line, start, end):
        return "post-before"
    # "presented by the Director of Finance, Ann Lee.": the post, a comma, then the holder.
    apposed = _POST_COMMA.search(_tail(line, start, 8))  # "the", up to seven words and a comma
    # The words between "the" and the comma are the post ("the Director of Finance", "the chief
    # executive"), not a clause that has a post word in it ("the Clerk reported on Tree Works").
    if apposed and stop and (_whole_post(apposed.group(1))
                             or apposed.group(1).split()[-1].lower() in _post_words()):
        return "post-before"
    if given_in_use and _SIGN_OFF.search(_before(line, start)):
        return "sign-off"  # "Yours faithfully Stephen Reid Chief Executive": a letter's signatory
    before = _tail(line, start, _before_word_tokens())
    word = _before_word().search(before)
    if word and stop:
        cue = " ".join(before[word.start():].strip(" (").lower().split())
        weak = cue in _weak_before()
        # Weak cues ("by", "with", "and") do not count in a title ("… with Special Needs:").
        if not (weak and _heading_like(line)) and (cue not in ("and", "&") or earlier) and given_in_use:
            return "before"
    return None


#: A letter's closing words, after which its signatory's name stands, whatever follows it.
_SIGN_OFF = re.compile(r"(?:\bYours[ \u00a0]+(?:faithfully|sincerely|truly)|\b(?:Kind|Best|Warm)[ \u00a0]+regards)"
                       r"[ \u00a0]*,?\s*$", re.I)


_POST_AFTER = re.compile(r"[ \u00a0](?P<post>[A-Z][^,;:()|\n]{1,80}?)[ \u00a0]*(?:[,;(|\n]|$)")


def _post_after(line: str, end: int) -> bool:
    """Whether a whole post title follows a name ending at ``line[end]`` (in a line or a whole
    text), with no comma between
    and a comma, bracket or the line's end after it: a table of names and posts flattened to
    text ("Tom Bryant Head of Transport, TVCA", "Gary Macdonald Group Director of Finance, TVCA")."""
    found = _POST_AFTER.match(line, end)
    return bool(found) and _whole_post(found.group("post"))


def _initialled_holder(line: str, end: int) -> bool:
    """Whether a comma and a post follow a name that ends at ``line[end]`` ("D Gillies, Head of
    Facilities Management"): what makes initials and a surname a person without a label."""
    apposition = _APPOSITION.match(line, end)
    return bool(apposition and line[end:apposition.start("post")].strip() == ","
                and _is_post(apposition.group("post")))


def _line_only(line: str, start: int, end: int) -> bool:
    """Whether the name is all there is on its line (list marks, posts and brackets aside)."""
    head = _LIST_MARK.match(line, 0, start)
    if head is None or head.end() != start or company_form_after().match(line, end):
        return False  # "Green Lantern CIC" alone on its line is a company
    tail = line[end:]
    tail = re.sub(r"^\s*(?:[A-Z]{2,5}\b[/\s]*)*", "", tail)  # post-nominals ("MLA", "AS/MS")
    return bool(re.fullmatch(r"\s*(?:\([^()]*\)\s*)?(?:[,–—-].*|\|.*|[.;:]?\s*)", tail))


@lru_cache(maxsize=8)
def people_in_document(text: str) -> tuple[FoundPerson, ...]:
    """Every person this module's rules find in a document's text.

    Parameters
    ----------
    text : str
        The whole document text.

    Returns
    -------
    tuple of FoundPerson
        In text order; ``rule`` says which rule found each (``label``, ``verb``, ``post``,
        ``bracket``, ``initials``, ``before``, ``post-before``, ``list-line``,
        ``plural-honorific``, ``attendance-run``, ``forename``).

    Examples
    --------
    >>> text = ("Contact: Ann Lee and Bo Chan\\n\\nApologies were received from Councillors Ivy Hart, "
    ...         "R. J. Dee and Oates.\\n\\nPresent:\\nTom Ure\\nKay Moss\\n\\nKay explained the plan.")
    >>> [(p.label, p.rule) for p in people_in_document(text)]  # doctest: +NORMALIZE_WHITESPACE
    [('Ann Lee', 'label'), ('Bo Chan', 'label'), ('Councillor Ivy Hart', 'plural-honorific'),
     ('Councillor R. J. Dee', 'plural-honorific'), ('Councillor Oates', 'plural-honorific'),
     ('Tom Ure', 'list-line'), ('Kay Moss', 'list-line'), ('Kay Moss', 'forename')]
    """
    honorific_spans = [(n.start, n.end) for n in find_honorific_names(text)]
    found: list[FoundPerson] = list(_plural_lists(text))
    # Characters already in a name: a bytearray mask keeps a 5,000-name list linear.
    taken = _Taken(len(text))
    for start, end in honorific_spans + [(p.start, p.end) for p in found]:
        taken.add(start, end)

    lines = text_lines(text)
    pending: list[tuple[int, int, int, str]] = []  # line index, start, end, label: list-line candidates
    for number, (offset, line) in enumerate(lines):
        # The first character of the line already in a name, kept up to date rather than looked
        # for again from the line's start for every name of a long list.
        first_taken = taken.first(offset, offset + len(line))
        for run in _runs(line):
            candidate = _candidate(line, run)
            if candidate is None:
                continue
            start, end, label, lead = candidate
            if not taken.free(offset + start, offset + end):
                continue
            earlier = first_taken is not None and first_taken < offset + start
            rule = _supported(line, start, end, lead, earlier)
            if rule:
                found.append(FoundPerson(offset + start, offset + end, label, rule))
                taken.add(offset + start, offset + end)
                first_taken = offset + start if first_taken is None else min(first_taken, offset + start)
            elif _line_only(line, start, end):
                pending.append((number, offset + start, offset + end, label))
    found.extend(_plain_lists(lines, taken))
    found.extend(_initialled_lines(lines, taken))
    found.extend(_name_column(lines, taken, honorific_spans + [(p.start, p.end) for p in found]))
    found.extend(_capital_witnesses(lines, taken))
    found.extend(_panel_witnesses(lines, taken))
    found.extend(_list_lines(lines, pending, honorific_spans + [(p.start, p.end) for p in found]))
    for person in found:
        taken.add(person.start, person.end)
    found.extend(attendance_runs(text, taken))
    organisations = _named_as_organisations(text, {p.label for p in found if p.rule != "plural-honorific"})
    found = [p for p in found if p.rule == "plural-honorific" or p.label not in organisations]
    found = [p for p in found if not _statistically_other(text, p)]
    found.extend(_forenames(text, found, honorific_spans))
    found.extend(_royals(text))
    return tuple(sorted(found, key=lambda p: (p.start, p.rule)))


def _royals(text: str) -> Iterator[FoundPerson]:
    """"Her Majesty The Queen", "Queen Elizabeth II", "HRH the Duchess of Cornwall"."""
    matches = list(ROYAL_IN_TEXT.finditer(text))
    # "The Queen" is the one queen the document names with her regnal number, if any.
    monarchs = {m.group("monarch").split()[0]: m.group("monarch") for m in matches if m.group("monarch")}
    for match in matches:
        if match.group("monarch"):
            yield FoundPerson(match.start("monarch"), match.end("monarch"), match.group("monarch"), "royal")
            continue
        title = " ".join(match.group("title").split())
        label = title if " of " in title else monarchs.get(title, f"The {title}")
        if parse_person_name(label):
            yield FoundPerson(match.start("title"), match.end("title"), label, "royal")


_ORGANISATION_BEFORE = re.compile(r"\b(?:the|a|an|in|at|near|across|throughout|around)[ \u00a0]+")


@cache
def _organisation_after() -> re.Pattern[str]:
    """An organisation's word after a name, one or two spaces on: a column's gap of three or more
    ("Ann Lee      Federation of Widgets") parts a name from the next column's body."""
    words = "|".join(re.escape(w) for w in sorted(_org_words() | {"UK", "Associates", "Consulting", "Solicitors"},
                                                     key=len, reverse=True))
    return re.compile(rf"(?=[ \u00a0]+(?:&|and)[ \u00a0]+Co\b|’s[ \u00a0]+(?:own|staff)|[ \u00a0]{{1,2}}(?:{words})\b)")


def _named_as_organisations(text: str, labels: set[str]) -> set[str]:
    """Which of the names the document writes as an organisation's or a place's somewhere
    ("Balfour Beatty plc", "the Bevan Report", "in Milton Keynes"): there they are no person's.

    "the X", "in X" (a place), "X Ltd", "X & Co", "X's own", "X Council". The text is read once
    for the words around any name and each place looked up among the names' lengths, so that a
    5,000-name list costs no 5,000 readings of the text.
    """
    by_length: dict[int, set[str]] = {}
    for label in labels:
        by_length.setdefault(len(label), set()).add(label)
    written: set[str] = set()
    size = len(text)

    def boundary(at: int) -> bool:  # ``\b`` at ``at``
        return (at > 0 and _is_word(text[at - 1])) != (at < size and _is_word(text[at]))

    for match in _ORGANISATION_BEFORE.finditer(text):
        start = match.end()
        for length, names in by_length.items():
            name = text[start:start + length]
            end = start + length
            if name in names and boundary(end) and text[end:end + 2] not in ("’s", "'s"):
                written.add(name)
    for match in _organisation_after().finditer(text):
        end = match.start()
        for length, names in by_length.items():
            start = end - length
            if start < 0:
                continue
            name = text[start:end]
            if name in names and not (start > 0 and (_is_word(text[start - 1]) or text[start - 1] == "-")) and (
                    not _post_after(text, end)):  # "Gary Macdonald Group Director of Finance": a post's word
                written.add(name)
    return written


class _Taken:
    """Which characters of a text are already part of a found name."""

    def __init__(self, size: int) -> None:
        self.mask = bytearray(size + 1)

    def add(self, start: int, end: int) -> None:
        self.mask[start:end] = b"\x01" * (end - start)

    def free(self, start: int, end: int) -> bool:
        return start >= end or self.mask.find(1, start, end) < 0

    def first(self, start: int, end: int) -> int | None:
        """The first taken character in ``[start, end)``, if any."""
        found = self.mask.find(1, start, end) if start < end else -1
        return found if found >= 0 else None


def _is_name_line(lines: list[tuple[int, str]], number: int, spans: dict[int, int]) -> bool:
    offset, line = lines[number]
    head = _LIST_MARK.match(line)
    body_start = offset + (head.end() if head else 0)
    return body_start in spans and _line_only(line, body_start - offset, spans[body_start] - offset)


def _neighbour(lines: list[tuple[int, str]], number: int, step: int) -> int | None:
    """The nearest line above or below that holds more than list marks."""
    number += step
    while 0 <= number < len(lines):
        if lines[number][1].strip(" \t\u00a0|*•·-–"):
            return number
        number += step
    return None


@cache
def _attendance_state() -> re.Pattern[str]:
    """A line that is an attendance state ("Present, as expected", "Apologies", "Absent")."""
    states = sorted(_cues()["context"]["attendance_states"], key=len, reverse=True)
    return re.compile(rf"[ \t\u00a0|*•-]*(?i:{_alternation(states)})(?![\w’'-])(?:[ ,.;:(–-][^\n]{{0,40}})?$")


def _state_within(lines: list[tuple[int, str]], number: int) -> bool:
    """Whether line ``number`` or the non-blank line after it is an attendance state: the name
    line above them (its organisation perhaps between) is a member's in a register.

    Examples
    --------
    >>> lines = [(0, "Ann Lee"), (8, "Tarn Trust"), (19, "Present, as expected")]
    >>> _state_within(lines, 1), _state_within(lines, 2), _state_within(lines[:2], 1)
    (True, True, False)
    """
    after = _neighbour(lines, number, 1)
    return any(at is not None and _attendance_state().match(lines[at][1]) is not None for at in (number, after))

def _list_lines(lines: list[tuple[int, str]], pending: list[tuple[int, int, int, str]],
                named: list[tuple[int, int]]) -> Iterator[FoundPerson]:
    """Names alone on their lines, accepted when the lines around them are a list of people: a
    label ending in a colon ("Present:"), a heading in capitals ("COUNCILLORS") or of a list of
    people ("Apologies"), a post on the next line (a signature), or a line another rule found a
    person on; or another such name line that is itself accepted. Name-shaped lines alone
    ("Tree Works", "Bus Shelters": headings of an agenda, in title case or restored from
    capitals) support no one."""
    spans = dict(named + [(s, e) for _, s, e, _ in pending])
    numbers = {number for number, _, _, _ in pending}
    strong: set[int] = set()
    links: dict[int, list[int]] = {}
    for number, _, _, label in pending:
        for step in (-1, 1):
            other = _neighbour(lines, number, step)
            if other is None:
                continue
            text = lines[other][1].strip(" \t\u00a0|")
            heading = (bool(re.search(r":\s*[-–]?$", text)) or (text.isupper() and len(text.split()) <= 4)
                       or text.rstrip(" :-–").lower() in _list_headings())
            if (step == -1 and heading) or (step == 1 and _post_line(text)):
                strong.add(number)
            elif step == 1 and _state_within(lines, other) and known_given_name(label.split()[0]):
                strong.add(number)  # a member's name over their organisation and their attendance
            elif _is_name_line(lines, other, spans):
                if other in numbers:
                    links.setdefault(number, []).append(other)
                else:
                    strong.add(number)  # next to a person another rule found
    accepted, todo = set(strong), list(strong)
    while todo:
        for other in links.get(todo.pop(), []):
            if other not in accepted:
                accepted.add(other)
                todo.append(other)
    for number, start, end, label in pending:
        if number in accepted:
            yield FoundPerson(start, end, label, "list-line")


@cache
def _list_headings() -> frozenset[str]:
    """Headings over a list of people, lower case, without their colon: the labels of people
    ("Present", "Apologies", "Witnesses"), plural honorifics ("Councillors") and posts in the
    plural ("Bailies", "Officers")."""
    words = {label.lower() for label in _cues()["context"]["labels"]}
    words.update(plural.lower() for plural in plural_honorifics())
    words.update(f"{word}s" for word in _post_words())
    return frozenset(words)


def _post_line(text: str) -> bool:
    """A line that is a post title alone (the line under a signature's name), not a sentence
    that starts with a post or an honorific ("Councillor Lee said …")."""
    if len(text.split()) > 12 or text.rstrip().endswith((":", ".")) or honorific_name_pattern().match(text):
        return False
    # "Nominated by Tarn Health Board (Non-Executive Member)": what the member sits as, in brackets.
    role = re.search(r"\((?P<role>[^()]{2,60})\)\s*$", text)
    return looks_like_post(text) or (role is not None and looks_like_post(role.group("role")))


#: What follows a surname inside a list of people or at its end: a separator, a stop, a verb.
_LIST_GOES_ON_AFTER = re.compile(r"[ \u00a0]*(?:,|;|&|\band\b|\.(?:\s|$)|[ \u00a0]+[a-z])")


def _plural_lists(text: str) -> Iterator[FoundPerson]:
    """"Councillors A B, C D and E" (and "Cllrs", "Messrs" …): one person per item."""
    plural = plural_honorifics()
    heads = "|".join(re.escape(p) for p in sorted(plural, key=len, reverse=True))
    # A middle initial or a one-letter particle after a forename ("Seán Ó Murchú", "Ann B Lee");
    # an undotted "A" or "I" there is more often a word.
    middle = rf"(?:(?![AI]{_SP}){INITIALS}){{0,2}}"
    item = re.compile(rf"(?P<name>{INITIALS}{{0,4}}(?:{NAME_WORD}{_SP}{middle}){{0,2}}(?:{NAME_WORD}|{_CAPS}))"
                      rf"(?![\w’'-])(?P<tail>\s*\([^()]{{0,60}}\))?")
    separator = re.compile(r"\s*(?:,|;|&|\band\b|\bor\b)\s*(?:(?:and|or)\s+)?")
    # A list run on with no separators ("Aldermen A R A Carson Mrs G McCullough G A Hatch") parts
    # where initials or a personal honorific open the next name after initials and a surname.
    singles = "|".join(re.escape(h) for h in sorted(honorifics(), key=len, reverse=True) if " " not in h)
    run_on = re.compile(rf"{_SP}+(?={INITIALS}|(?:{singles})\.?{_SP}+{INITIALS})")
    titled = re.compile(rf"(?P<honorific>{singles})\.?{_SP}+(?={INITIALS})")
    initialled_only = re.compile(rf"(?:{INITIALS}){{1,4}}(?:{NAME_WORD}|{_CAPS})(?![\w’'-])")
    for head in re.finditer(rf"(?<![\w-])(?P<plural>{heads})\.?(?::-?)?{_SP}+", text):
        singular = plural[head.group("plural")]
        position = head.end()
        while True:
            own = titled.match(text, position)
            match = item.match(text, own.end() if own else position)
            if match is None:
                break
            name, name_end = match.group("name"), match.end("name")
            initialled_name = initialled_only.match(text, match.start("name"))
            if initialled_name and initialled_name.end() < name_end:
                name, name_end = initialled_name.group(), initialled_name.end()  # "J G Buckley", not "… N McGeown"
            words = name.split()
            # A surname that is elsewhere a word goes on a list of surnames ("Councillors Pearson,
            # Green and Braun were …"), where the list goes on after it or a sentence does.
            surname_goes_on = position > head.end() and len(words) == 1 and words[0] not in never_name_words() \
                and _LIST_GOES_ON_AFTER.match(text, name_end) is not None
            if words[0] in plural or (words[0] in not_name_words() and len(words[0]) > 1 and not surname_goes_on):
                break  # the next group's plural honorific ("…; Councillors A and B") starts anew
            label = f"{own.group('honorific') if own else singular} {' '.join(_normal_case(w) for w in words)}"
            if parse_person_name(label) is None:
                break
            yield FoundPerson(match.start("name"), name_end, label, "plural-honorific")
            initialled = len(words) >= 2 and all(len(w.rstrip(".")) == 1 for w in words[:-1])
            after = match.end() if name_end == match.end("name") else name_end
            gap = separator.match(text, after) or (run_on.match(text, after) if initialled else None)
            if gap is None:
                break
            position = gap.end()


_LIST_ENTRY = rf"(?:{NAME_WORD}|[A-Z]\.?)(?:{_SP}(?:{NAME_WORD}|[A-Z]\.?))?{_SP}{NAME_WORD}"
_LIST_SEPARATOR = r"(?:,[ \u00a0]+(?:and[ \u00a0]+)?|[ \u00a0]+(?:and|&)[ \u00a0]+)"
_PLAIN_LIST = re.compile(rf"(?<![\w’'.-]){_LIST_ENTRY}(?:{_LIST_SEPARATOR}{_LIST_ENTRY})*(?![\w’'-])")
_CAPS_ENTRY = rf"(?<![\w’'-])[{CAPITALS}][{CAPITALS}’'-]+(?:[ \u00a0][{CAPITALS}][{CAPITALS}’'-]+){{1,2}}(?![\w’'-])"
_CAPS_LIST = re.compile(rf"{_CAPS_ENTRY}(?:{_LIST_SEPARATOR}{_CAPS_ENTRY})+")
_LIST_GOES_ON_LEFT = re.compile(r"(?:,|;|&|\band)[ \u00a0]*$")
_LIST_GOES_ON_RIGHT = re.compile(r"[ \u00a0]*(?:,|;|&|and\b)[ \u00a0]*(?:and[ \u00a0]+)?")
_SHORT_LABEL = re.compile(r"^[\s|*•·–-]*[^\s:.,;][^:.,;!?]{0,60}:[ \u00a0]*$")


#: A line that is only two initials or more and a surname ("A.B. Dale", "R. T. Moss").
_INITIALLED_LINE = re.compile(rf"[ \u00a0]*(?P<name>(?:[{CAPITALS}]\.[ \u00a0]?){{2,4}}{NAME_WORD})[ \u00a0]*")


def _initialled_lines(lines: list[tuple[int, str]], taken: _Taken) -> Iterator[FoundPerson]:
    """A line that is only initials and a surname, as a table's column of members gives them.

    Two initials with their stops at least: one initial ("A. Introduction") may letter a heading.

    Examples
    --------
    >>> lines = [(0, "Councillor"), (11, "A.B. Dale"), (21, "C. Heading")]
    >>> [p.label for p in _initialled_lines(lines, _Taken(40))]
    ['A.B. Dale']
    """
    for offset, line in lines:
        match = _INITIALLED_LINE.fullmatch(line)
        if match is None:
            continue
        start, end = offset + match.start("name"), offset + match.end("name")
        surname = match.group("name").rsplit(".", 1)[-1].strip()
        if taken.free(start, end) and surname not in not_name_words() and parse_person_name(match.group("name")):
            taken.add(start, end)
            yield FoundPerson(start, end, match.group("name"), "initials-line")


#: A line opening with a name, a wide gap, then what the person is ("Ann Lee      Director, ...").
@cache
def _attendance_label() -> re.Pattern[str]:
    """An attendance label ("Present", "Also present:", "In attendance:-"), capitalised."""
    labels = sorted(_cues()["context"]["attendance_labels"], key=len, reverse=True)
    pattern = "|".join(re.escape(label[0]) + f"(?i:{re.escape(label[1:])})" for label in labels)
    return re.compile(rf"(?<![\w’'-])(?:{pattern})(?![\w’'-])(?P<colon>{_SP}*:[-–]?)?")


_RUN_TOKEN = re.compile(rf"(?P<role>\([^()\n]{{1,80}}\))|(?P<sep>[,;&/]|\band\b|[–—-](?=\s))|(?P<gap>\t|{_SP}{{3,}})"
                        rf"|(?P<line>\n)|(?P<taken>#+)|(?P<space>{_SP}+)"
                        rf"|(?P<particle>(?:van|de|der|den|von|la|le|du|da|di)(?={_SP}))"
                        rf"|(?P<joiner>(?:of|the|for|with|cum|on|upon|in)(?={_SP}))"
                        rf"|(?P<word>(?:{NAME_WORD}|[{CAPITALS}]\.?|[A-Z][A-Za-z&]*[A-Z]s?)(?![\w’'-])"
                        rf"|[A-Z][\w’'&-]*[\w’'](?![\w’'-]))|(?P<other>\S)")


def _split_run(segment: str, run: list[tuple[int, int]]) -> list[tuple[int, int, str]] | None:
    """The people of a run of name words (spans in ``segment``): each a given name in use or
    initials, then one surname; None when the run does not split wholly into such names."""
    piece = segment[run[0][0]:run[-1][1]]
    if len(run) >= 4 and "\n" not in piece:
        # Four words or more: the minutes' splitter of names that lost their commas decides
        # where each name ends, and each must still lead with a given name in use.
        spans = flattened_names(piece)
        names = [(run[0][0] + a, run[0][0] + b, " ".join(piece[a:b].split())) for a, b in spans]
        if not spans or not all(known_given_name(n.split()[0]) or re.fullmatch(r"[A-Z]\.?", n.split()[0])
                                for _, _, n in names):
            return None
        return [name for name in names if _name_shaped(name[2]) is not None]
    words = [segment[s:e] for s, e in run]
    index, people = 0, []
    while index < len(words):
        first = index
        while index < len(words) and re.fullmatch(r"[A-Z]\.?", words[index]):
            index += 1
        if index == first:
            if not known_given_name(words[index].split()[0]):
                return None
            index += 1
        if index >= len(words) or re.fullmatch(r"[A-Z]\.?", words[index]):
            return None
        index += 1
        start, stop = run[first][0], run[index - 1][1]
        entry = " ".join(segment[start:stop].split())
        if "\n" in segment[start:stop] or _name_shaped(entry) is None:
            return None
        people.append((start, stop, entry))
    return people

def _interleaved_names(segment: str, words: list[tuple[int, int] | None]) -> list[tuple[int, int, str]] | None:
    """The people of a list where each name is followed by its organisation, all run together
    ("Dan Okafor EFRS Clive Ashdown Tarn Borough Council Sally Pennant Tarn Better Together"):
    a given name in use and the capitalised word after it, when that word is no organisation's
    and no organisation word follows it (two such names at least, or one that opens the
    list). Where the surname is itself a far commoner given name
    with a capitalised word after it ("Amicus Horizon Anita Turner"), the name starts there
    instead. The list must hold a word no name holds (an acronym, an organisation's word, a
    lower-case joiner); else None: a list of names alone is the other splitters' to judge.

    Parameters
    ----------
    segment : str
        The list's text.
    words : list of (int, int) or None
        The list's word spans in order, None where a bracket, separator or line parts them.

    Examples
    --------
    >>> segment = "Dan Okafor EFRS Clive Ashdown Tarn Borough Council Mike Pennant Amicus Horizon Anita Marlow"
    >>> words = [(m.start(), m.end()) for m in re.finditer(r"\\S+", segment)]
    >>> [name for _, _, name in _interleaved_names(segment, words)]
    ['Dan Okafor', 'Clive Ashdown', 'Mike Pennant', 'Anita Marlow']
    """
    text = [segment[w[0]:w[1]] if w else None for w in words]
    org_words = _org_words()
    if not any(w and (w in org_words or w[:1].islower() or re.fullmatch(r"[A-Z][A-Za-z&]*[A-Z]s?", w)) for w in text):
        return None

    def capitalised(word: str | None) -> bool:
        return bool(word) and word[:1].isupper() and not word.isupper() and word not in org_words

    people: list[tuple[int, int, str]] = []
    index = 0
    while index + 1 < len(text):
        given, family = text[index], text[index + 1]
        after = text[index + 2] if index + 2 < len(text) else None
        # Among bodies' names a forename must be a common one: "Hastings" (94 bearers) starts a place's.
        if given and family and common_given_name(given) and capitalised(family) \
                and after not in org_words \
                and not (after or "A")[:1].islower():
            if capitalised(after) and given_name_count(family) > 100 * given_name_count(given):
                index += 1  # "Horizon Anita Turner": the name starts at the commoner forename
                continue
            entry = f"{given} {family}"
            if _name_shaped(entry) is not None:
                start, end = words[index], words[index + 1]
                assert start is not None and end is not None
                people.append((start[0], end[1], entry))
                index += 2
                continue
        index += 1
    first = next((w for w in words if w is not None), None)
    # One name is enough where the list opens with it ("Apologies for Absence Ann Lee Member of …").
    return people if len(people) >= 2 or (people and first is not None and people[0][0] == first[0]) else None

def attendance_runs(text: str, taken: _Taken | None = None) -> Iterator[FoundPerson]:
    """People of an attendance list printed run on, with no comma between them: after an
    attendance label and its colon ("Present: Ann Lee (Convener) Bo Chan Kay Moss Also present:
    Ivy Hart"), up to the next label, a blank line or the first word no name holds.

    Each person is a given name in use (:func:`loaders.names.known_given_name`) or initials,
    then one surname word; roles in brackets, separators and a wide gap before a column of
    organisations ("Ann Lee      Tarn Trust") are skipped. A run of words that does not split
    wholly into such pairs ("Mary Ann Lee Bo Chan": which is the surname?) gives nobody, nor does
    a name a place, post or organisation word holds.

    Parameters
    ----------
    text : str
        The document's text.
    taken : _Taken, optional
        Characters already in a found name: they separate names and are never found again.

    Returns
    -------
    iterator of FoundPerson
        With the rule ``attendance-run``.

    Examples
    --------
    >>> text = "Present: Ann Lee (Convener) Bo Chan Kay Moss Also present: Ivy Hart Apologies were received."
    >>> [p.label for p in attendance_runs(text)]
    ['Ann Lee', 'Bo Chan', 'Kay Moss', 'Ivy Hart']
    >>> [p.label for p in attendance_runs("Present: Mary Ann Lee Bo Chan")]
    []
    >>> [p.label for p in attendance_runs("Attendees:\\nPiet van der Berg      Tarn Trust\\nNia Drummond")]
    ['Piet van der Berg', 'Nia Drummond']
    """
    taken = taken or _Taken(len(text))
    labels = list(_attendance_label().finditer(text))
    for number, label in enumerate(labels):
        # A label without its colon ("ATTENDEES Members Ann Lee …", a flattened table) heads a
        # list only where a capitalised word follows it: "Apologies were received" is prose.
        if not label.group("colon") and not re.match(rf"{_SP}+[A-Z]", text[label.end():label.end() + 3]):
            continue
        end = min(labels[number + 1].start() if number + 1 < len(labels) else len(text),
                  label.end() + 3000)
        blank = text.find("\n\n", label.end(), end)
        end = blank if blank >= 0 else end
        base = label.end()
        mask = taken.mask[base:end]
        segment = text[base:end] if 1 not in mask else "".join(
            "#" if m else c for c, m in zip(text[base:end], mask, strict=False))
        tokens = [(m.lastgroup, m.start(), m.end()) for m in _RUN_TOKEN.finditer(segment) if m.lastgroup != "space"]
        found: list[FoundPerson] = []
        run: list[tuple[int, int]] = []
        # Every word up to where the list stops, None where a bracket, separator, line or name
        # already found parts them: read again whole when a run does not split into names.
        words: list[tuple[int, int] | None] = []
        strict = True
        at = 0
        particle: int | None = None  # where "van der" starts, before the surname it belongs to
        while at <= len(tokens):
            kind, start, stop = tokens[at] if at < len(tokens) else ("other", len(segment), len(segment))
            if kind == "particle" and run:
                particle = start if particle is None else particle
                at += 1
                continue
            if kind == "word" or (kind == "joiner" and run):
                run.append((start if particle is None else particle, stop))
                words.append(run[-1])
                particle = None
                at += 1
                continue
            particle = None
            words.append(None)
            if run:
                people = _split_run(segment, run)
                if people is None:
                    strict = False
                else:
                    found.extend(FoundPerson(base + s, base + e, name, "attendance-run") for s, e, name in people)
                run = []
            if kind == "other":
                break
            if kind == "gap":  # a column after the name: its organisation, read by other rules
                while at < len(tokens) and tokens[at][0] != "line":
                    at += 1
                continue
            at += 1
        if not strict:
            for s_, e_, name in _interleaved_names(segment, words) or ():
                if not any(p.start < base + e_ and base + s_ < p.end for p in found):
                    found.append(FoundPerson(base + s_, base + e_, name, "attendance-run"))
            found.sort(key=lambda p: p.start)
        for person in found:
            if taken.free(person.start, person.end):
                taken.add(person.start, person.end)
                yield person


_COLUMN_LINE = re.compile(rf"[ \u00a0]*(?P<name>(?:{NAME_WORD}{_SP}){{1,3}}?{NAME_WORD})[ \u00a0]{{3,}}[A-Z]")
#: How many lines of the shape the rules must have found people on before the rest are read as names.
_COLUMN_FOUND = 3


def _name_column(lines: list[tuple[int, str]], taken: _Taken, spans: list[tuple[int, int]]) -> Iterator[FoundPerson]:
    """Plain names in the first column of a list laid out with spaces, once several of its lines
    hold a person (found by a rule, or a plain name led by a given name in use): the column
    holds names, whatever the second says.

    Examples
    --------
    >>> text = ("Ann Lee      Director of Widgets, Tarn Council.\\nBo Chan      Chief Executive, Tarn Trust.\\n"
    ...         "Kay Moss     Chair, Tarn Forum.\\nTom Ure      Tarn Widgets Alliance.\\n")
    >>> [p.label for p in people_in_document(text)]
    ['Ann Lee', 'Bo Chan', 'Kay Moss', 'Tom Ure']
    """
    column: list[tuple[int, int, str]] = []
    for offset, line in lines:
        match = _COLUMN_LINE.match(line)
        if match:
            column.append((offset + match.start("name"), offset + match.end("name"), match.group("name")))
    if len(column) < _COLUMN_FOUND + 1:
        return
    starts = sorted(start for start, _ in spans)
    # A line is known when a rule found a person on it or its name leads with a given name in use.
    known = sum(1 for start, end, label in column
                if bisect_right(starts, end) > bisect_left(starts, start)
                or (known_given_name(label.split()[0]) and _name_shaped(label) is not None))
    if known < _COLUMN_FOUND:
        return
    for start, end, label in column:
        words = label.split()
        if not taken.free(start, end) or words[0] in not_name_words() or words[0] in gazetteer_places():
            continue
        if label in gazetteer_places() or parse_person_name(label) is None:
            continue
        taken.add(start, end)
        yield FoundPerson(start, end, label, "column")


@lru_cache(maxsize=8)
def register_rows(text: str) -> tuple[tuple[int, str], ...]:
    """What a register of attendance prints beside or under each member's name: the second
    column after a gap of three spaces or more ("Ann Lee        Tarn Trust (South)": "Tarn
    Trust"), or the one line between a name alone on its line and an attendance state ("Ann
    Lee" / "Tarn Trust" / "Present, as expected").

    Read once per document (the result is cached), from the people :func:`people_in_document`
    finds in it.

    Parameters
    ----------
    text : str
        The document's text.

    Returns
    -------
    tuple of (int, str)
        Where each entry starts in ``text``, and the entry (a bracketed tail left off), in text
        order.

    Examples
    --------
    >>> text = "Ann Lee, Tarn Trust\\nBo Chan\\nTarn College\\nPresent, as expected\\n"
    >>> register_rows(text)
    ((28, 'Tarn College'),)
    >>> text = "".join(f"{n}        Tarn {w} (South)\\n" for n, w in (("Ann Lee", "Trust"), ("Bo Chan", "College"),
    ...                                                          ("Kay Moss", "Forum"), ("Ivy Hart", "Club")))
    >>> [entry for _, entry in register_rows(text)]
    ['Tarn Trust', 'Tarn College', 'Tarn Forum', 'Tarn Club']
    """
    people = people_in_document(text)
    lines = text_lines(text)
    starts = [offset for offset, _ in lines]
    rows: list[tuple[int, str]] = []
    # Where each name starts, titled ones too: a member's body runs up to the next name.
    name_starts = sorted({p.start for p in people} | {n.start for n in find_honorific_names(text)})
    for person in people:
        number = bisect_right(starts, person.start) - 1
        if person.rule == "attendance-run":
            # "Dan Okafor EFRS Clive Ashdown …": the words up to the next member are the member's body.
            following = bisect_right(name_starts, person.start)
            line_end = lines[number][0] + len(lines[number][1])
            # The last member's body runs to the line's end.
            stop = name_starts[following] if following < len(name_starts) else line_end
            stop = min(stop, line_end)
            if stop > person.end + 120:
                continue
            body = re.match(rf"{_SP}+(?P<entry>[A-Z][\w’'&-]*(?:{_SP}+(?:[A-Z][\w’'&-]*|of|and|the|for|&))*)"
                            rf"{_SP}*$", text[person.end:stop])
            entry = body.group("entry") if body else ""
            if body and not (len(entry.split()) == 2 and known_given_name(entry.split()[0])
                             and parse_person_name(entry)):
                rows.append((person.end + body.start("entry"), entry))
            continue
        offset, line = lines[number]
        rest = line[person.end - offset:]
        column = re.match(r"(?:\t|[ \u00a0]{3,})[ \t\u00a0]*(?P<entry>[A-Z][^\t]*?)[ \t\u00a0]*$", rest)
        if column and not line[:person.start - offset].strip(" \t\u00a0|*•-"):
            entry = re.sub(r"[ \u00a0]*\([^()]*\)$", "", column.group("entry"))
            rows.append((person.end + column.start("entry"), entry))
            continue
        if line.strip() != text[person.start:person.end].strip():
            continue
        under = _neighbour(lines, number, 1)
        if under is not None and _state_within(lines, under) and not _attendance_state().match(lines[under][1]):
            under_offset, under_line = lines[under]
            entry = under_line.strip(" \t\u00a0")
            if entry:
                rows.append((under_offset + under_line.index(entry), entry))
    return tuple(sorted(rows))


def _name_shaped(entry: str) -> str | None:
    """The label of a plain name of one or two forenames or initials and a surname, in Title
    case, that no rule reads as a thing, a place or an organisation; else None."""
    words = entry.split()
    places = gazetteer_places()
    if (words[0] in not_name_words() or any(w in places for w in words) or " ".join(words) in places
            or words[-1] in _org_words() or any(p in never_name_words() for w in words for p in _parts(w))
            or any(w in not_name_words() and w not in suffixes() for w in words[1:])):
        return None
    name = parse_person_name(entry)
    return entry if name is not None and (name.given or name.initials) else None


def _whole_line_list(line: str) -> bool:
    """Whether a line is a list of two or more plain full names and nothing else."""
    head = _LIST_MARK.match(line)
    body = line[head.end() if head else 0:].rstrip(" .;\t\u00a0")
    match = _PLAIN_LIST.fullmatch(body)
    if match is None:
        return False
    pieces = re.split(_LIST_SEPARATOR, body)
    return len(pieces) >= 2 and len(pieces) == len(re.findall(_LIST_ENTRY, body)) and all(
        _name_shaped(p) for p in pieces)


def _plain_lists(lines: list[tuple[int, str]], taken: _Taken) -> Iterator[FoundPerson]:
    """A comma/"and" list of plain full names ("Ann Lee, Bo Chan and Kay Moss"), every entry
    name-shaped, taken whole when the list is supported: a short label before it ("II: …"), a
    verb after it as its subject ("… made representations"), or a person already found in it."""
    whole = {number for number, (_, line) in enumerate(lines) if _whole_line_list(line)}
    for number, (offset, line) in enumerate(lines):
        # Names already found are masked, so that a list cannot run into them.
        mask = taken.mask[offset:offset + len(line)]
        masked = line if 1 not in mask else "".join("#" if m else c for c, m in zip(line, mask, strict=False))
        if number in whole:
            # A line of such lists: another list line next to it, or a label line above it.
            above, below = _neighbour(lines, number, -1), _neighbour(lines, number, 1)
            heading = above is not None and bool(re.search(r":\s*[-–]?$", lines[above][1]))
            if heading or above in whole or below in whole:
                for match in re.finditer(_LIST_ENTRY, line):
                    start, end = offset + match.start(), offset + match.end()
                    if taken.free(start, end):
                        taken.add(start, end)
                        yield FoundPerson(start, end, match.group(), "name-list")
                continue
        for match in _PLAIN_LIST.finditer(masked):
            entries = [(m.start(), m.end()) for m in re.finditer(_LIST_ENTRY, match.group())]
            pieces = re.split(_LIST_SEPARATOR, match.group())
            if len(pieces) != len(entries):
                continue
            labels = [_name_shaped(p) for p in pieces]
            if not all(labels) or _DETERMINER.search(_before(line, match.start())):
                continue
            # Patterns match at the list's ends, not on copies of a long line's rest.
            list_start, list_end = match.start(), match.end()
            # A list that goes on from or to a titled name ("Mr Tom Ure, Ann Beck and Mrs Ivy Hart").
            spaces = list_start
            while spaces > 0 and line[spaces - 1] in " \u00a0":
                spaces -= 1
            left = _LIST_GOES_ON_LEFT.search(line, max(0, spaces - 3), list_start)
            right = _LIST_GOES_ON_RIGHT.match(line, list_end)
            after_at = offset + (right.end() if right else list_end)
            if ((left and left.start() > 0 and not taken.free(offset + left.start() - 1, offset + left.start()))
                    or (right and right.end() < len(line) and not taken.free(after_at, after_at + 1))):
                for (s, e), label in zip(entries, labels, strict=True):
                    start, end = offset + match.start() + s, offset + match.start() + e
                    if taken.free(start, end):
                        taken.add(start, end)
                        yield FoundPerson(start, end, label, "name-list")
                continue
            if len(entries) < 2:
                continue
            last_and = bool(re.search(r"(?:and|&)[ \u00a0]+$", match.group()[:entries[-1][0]]))
            if not (last_and or len(entries) >= 3):
                continue
            supported = bool(_SHORT_LABEL.match(line, 0, list_start) or _labelled(line, list_start))
            if not supported:  # the list is the subject of a verb ("Ward members A, B and C attended")
                supported = bool(_verb_after().match(line, list_end) or _sentence_verb().match(line, list_end))
            if not supported:
                supported = any(not taken.free(offset + match.start() + s, offset + match.start() + e)
                                for s, e in entries) and bool(_STOP_AFTER.match(line, list_end))
            if not supported:
                continue
            for (s, e), label in zip(entries, labels, strict=True):
                start, end = offset + match.start() + s, offset + match.start() + e
                if taken.free(start, end):
                    taken.add(start, end)
                    yield FoundPerson(start, end, label, "name-list")
        # Names printed in capitals after a label ("Witnesses: ALAN BOYD and GILL MERCER").
        for match in _CAPS_LIST.finditer(line):
            if not (_SHORT_LABEL.match(line, 0, match.start()) or _labelled(line, match.start())):
                continue
            entries = [(m.start(), m.end()) for m in re.finditer(_CAPS_ENTRY, match.group())]
            labels = [_name_shaped(" ".join(_normal_case(w) for w in match.group()[s:e].split())) for s, e in entries]
            if len(entries) < 2 or not all(labels):
                continue
            for (s, e), label in zip(entries, labels, strict=True):
                start, end = offset + match.start() + s, offset + match.start() + e
                if taken.free(start, end):
                    taken.add(start, end)
                    yield FoundPerson(start, end, label, "name-list")


_CAPS_WORD = rf"[{CAPITALS}][{CAPITALS}’'-]+"
_CAPS_LINE = re.compile(r"^[\s|*•·–-]*(?P<hon>(?:[A-Z]{2,4}\.?|RT\.? HON|THE RT\.? HON)[ \u00a0]+)?"
                        rf"(?P<name>{_CAPS_WORD}(?:[ \u00a0]+(?:[A-Z]\.?|{_CAPS_WORD})){{1,2}})"
                        r"(?:[ \u00a0]*(?:\([^()]{1,60}\)|,.*))?[ \u00a0]*$")
_WITNESS_HEAD = re.compile(r"^[\s|*•·]*(?:(?:examination|panel|list)\s+of\s+)?witness(?:es)?\s*:?\s*$", re.I)
_DATE_LINE = re.compile(r"^\s*(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?\s+)?\d{1,2}(?:st|nd|rd|th)?\s+"
                        r"(?:January|February|March|April|May|June|July|August|September|October|November|"
                        r"December)\s+\d{4}\s*$", re.I)


def _capital_name(line: str) -> str | None:
    """The label of a name printed in capitals alone on its line ("ALAN BOYD", "MR ALAN BOYD",
    "ALAN BOYD, Chief Executive"), title-cased; None for a heading in capitals."""
    match = _CAPS_LINE.match(line)
    if match is None:
        return None
    words = [_normal_case(w) if len(w.rstrip(".")) > 1 else w for w in match.group("name").split()]
    if (len(words[0].rstrip(".")) < 2 or any(w in not_name_words() or w.upper() in _TITLE_WORDS for w in words)
            or any(w in gazetteer_places() for w in words) or " ".join(words) in gazetteer_places()):
        return None
    hon = match.group("hon")
    label = " ".join(words)
    name = parse_person_name(f"{hon.strip()} {label}" if hon else label)
    return label if name is not None and name.given else None


#: Capitalised words of cover blocks that are never a name ("ORAL EVIDENCE", "PUBLIC SESSION").
_TITLE_WORDS = frozenset({"ORAL", "EVIDENCE", "SESSION", "PUBLIC", "PRIVATE", "WITNESSES", "WITNESS",
                          "EXAMINATION", "TRANSCRIPT", "UNCORRECTED", "CORRECTED", "MINUTES", "MEMBERS",
                          "PRESENT", "INQUIRY", "HEARING", "COMMITTEE", "PANEL", "QUESTIONS", "AND", "OF",
                          "THE", "FOR", "BEFORE", "MEETING", "AGENDA", "REPORT", "STATEMENT"})


_PANEL_LINE = re.compile(r"^[\s|*•·]*(?:[IVX]{1,5}|\d{1,2}|(?:Panel|Session)[ \u00a0]+(?:\d{1,2}|[IVX]{1,5}))"
                         r"[ \u00a0]*[:.)–—-][ \u00a0]*(?P<rest>\S.*?)[ \u00a0.;]*$", re.I)


def _panel_witnesses(lines: list[tuple[int, str]], taken: _Taken) -> Iterator[FoundPerson]:
    """The one witness of a panel line under a "Witnesses" heading ("II: Ann Lee.", "Panel 2 -
    Bo Chan"): a panel of several is a list the list rules take, a panel of one has no other
    support than the heading above its numbered lines."""
    for number, (offset, line) in enumerate(lines):
        panel = _PANEL_LINE.match(line)
        if panel is None or _name_shaped(panel.group("rest")) is None:
            continue
        start, end = offset + panel.start("rest"), offset + panel.end("rest")
        if not taken.free(start, end):
            continue
        # Up through blank lines and other panel lines to the heading.
        above, supported = number - 1, False
        while above >= 0 and number - above <= 24:
            text = lines[above][1].strip(" \t\u00a0|")
            if _WITNESS_HEAD.match(text):
                supported = True
                break
            if text and _PANEL_LINE.match(text) is None:
                break
            above -= 1
        if supported:
            taken.add(start, end)
            yield FoundPerson(start, end, panel.group("rest"), "list-line")


def _capital_witnesses(lines: list[tuple[int, str]], taken: _Taken) -> Iterator[FoundPerson]:
    """Witnesses of an oral-evidence cover block, their names in capitals on lines of their own
    ("ALAN BOYD" under "WITNESSES" or the date line, a post on the next line or not)."""
    for number, (offset, line) in enumerate(lines):
        label = _capital_name(line)
        if label is None:
            continue
        match = _CAPS_LINE.match(line)
        start, end = offset + match.start("name"), offset + match.end("name")
        if not taken.free(start, end):
            continue
        # Up through other witnesses and their posts to the heading or the date line.
        above, supported = number - 1, False
        while above >= 0 and number - above <= 16:
            text = lines[above][1].strip(" \t\u00a0|")
            if _WITNESS_HEAD.match(text):
                supported = True
                break
            if _DATE_LINE.match(text):
                # Under the date line only with a post beside or under the name ("IAN TODD\nHead
                # of Roads"): a heading in capitals ("GRANT FUNDING") has none.
                below = _neighbour(lines, number, 1)
                post = below is not None and _post_line(lines[below][1].strip(" \t\u00a0|"))
                supported = post or line.rstrip() != line[:match.end("name")].rstrip()
                break
            if text and _CAPS_LINE.match(text) is None and not _post_line(text) and not re.fullmatch(
                    r"[A-Z][^.:;,]{2,60},[^.:;]{2,80}", text):  # "Director, Safe Lanes"
                break
            above -= 1
        if supported:
            taken.add(start, end)
            yield FoundPerson(start, end, label if not match.group("hon") else
                              f"{match.group('hon').strip().title()} {label}", "list-line")


def _forenames(text: str, found: list[FoundPerson], honorific: list[tuple[int, int]]) -> Iterator[FoundPerson]:
    """A forename alone ("James explained") for the one person of that forename named in full."""
    people: dict[str, set[str]] = {}
    for label in [p.label for p in found] + [text[s:e] for s, e in honorific]:
        name = parse_person_name(label)
        if name and name.given:
            people.setdefault(name.given.split()[0], set()).add(name.display)
    taken = _Taken(len(text))
    for start, end in [(p.start, p.end) for p in found] + honorific:
        taken.add(start, end)
    unique = {given: next(iter(displays)) for given, displays in people.items()
              if len(displays) == 1 and given not in not_name_words() and len(given) >= 3}
    # A forename stands alone as a whole word: one reading of the text's words finds every
    # forename, where a search per forename would read a 5,000-name list once per name.
    plain = {given for given in unique if _WORD_RUN.fullmatch(given)}
    matches = [m for m in _WORD_RUN.finditer(text) if m.group() in plain]
    for given in unique.keys() - plain:
        matches.extend(re.finditer(rf"(?<![\w’'-]){re.escape(given)}(?![\w’'-])", text))
    newlines = [m.start() for m in re.finditer("\n", text)]
    for match in matches:
        if _CAPITAL_NEXT.match(text, match.end()) or not taken.free(match.start(), match.start() + 1):
            continue
        line = bisect_left(newlines, match.start())
        line_start = newlines[line - 1] + 1 if line else 0
        line_end = newlines[line] if line < len(newlines) else len(text)
        before = _tail(text, match.start(), _before_word_tokens(), line_start)
        if _verb_after().match(text, match.end(), line_end) or (
                _before_word().search(before) and _STOP_AFTER.match(text, match.end(), line_end)
                and before.split()[-1].lower() not in _weak_before()):
            yield FoundPerson(match.start(), match.end(), unique[match.group()], "forename")


_WORD_RUN = re.compile(r"[\w’'-]+")
_CAPITAL_NEXT = re.compile(rf"{_SP}[A-Z]")


#: Rules whose names carry no honorific of their own: only these the recogniser may overrule
#: ("post-after" needs a given name in use and a whole post title after it, which the recogniser
#: reads into one name with the person: "TVCA Alison Fellows Group").
_PLAIN_RULES = frozenset({"label", "verb", "speaker", "post", "post-nominal", "bracket", "bracketed", "initials",
                          "before", "post-before", "list-line", "name-list"})
#: How far either side of a name its sentence is read (within its line).
_SENTENCE_REACH = 250


@lru_cache(maxsize=64)
def _line_pieces(line: str) -> tuple[int, ...]:
    """Where the pieces of ``line`` the recogniser reads start: whole sentences, a piece ending at
    the first sentence end past :data:`_SENTENCE_REACH` characters (or a comma past eight times that)."""
    starts = [0]
    for match in _SENTENCE_END.finditer(line):
        length = match.end() - starts[-1]
        # A list with no stops ("Present: A, B, C, ...") is cut at a comma once a piece is long.
        if length >= _SENTENCE_REACH and (match.group()[0] != "," or length >= 8 * _SENTENCE_REACH):
            starts.append(match.end())
    return tuple(starts)


def _sentence(text: str, start: int, end: int) -> tuple[str, int]:
    """The piece of its line that ``text[start:end]`` is read in, and where that piece starts.

    The pieces of a line are fixed (whole sentences, cut where a sentence ends), so that a line of
    5,000 names costs one reading of each piece, not one of a window around every name.
    """
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    line = text[line_start:line_end]
    starts = _line_pieces(line)
    index = bisect_right(starts, start - line_start) - 1
    piece_end = starts[index + 1] if index + 1 < len(starts) else len(line)
    if end - line_start > piece_end:  # a name across a cut: read it with the piece after
        piece_end = starts[index + 2] if index + 2 < len(starts) else len(line)
    return line[starts[index]:piece_end], line_start + starts[index]


#: Where a sentence ends within a line (a stop or semicolon before a space), or a list's comma.
_SENTENCE_END = re.compile(r"[.;!?,][ \u00a0]+")


#: Rules that read a name from a label or a list of people.
_LISTING_RULES = frozenset({"label", "list-line", "name-list", "column"})


def _statistically_other(text: str, person: FoundPerson) -> bool:
    """Whether a plain name (no honorific, no initials) the recogniser reads, in its sentence, as
    something else: an organisation, place, event, law or work ("Institute for Fiscal Studies",
    "East Ayrshire", "Provider Selection Regime")."""
    if person.rule not in _PLAIN_RULES:
        return False
    name = parse_person_name(person.label)
    if name is None or name.honorific or name.initials:
        return False
    if person.rule in _LISTING_RULES and name.given and known_given_name(name.given.split()[0]):
        return False  # "Also present: Bryn Wexley": a label and a given name outweigh the recogniser
    window, left = _sentence(text, person.start, person.end)
    return longer_name_label(window, person.start - left, person.end - left) in OTHER_THAN_PERSON


@lru_cache(maxsize=8)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(p.start for p in people_in_document(text))


def _in_passage(passage: Passage, rules: tuple[str, ...]) -> Iterator[Mention]:
    end = passage.block.end
    text = passage.parsed.document.text
    people = people_in_document(text)
    for person in people[bisect_left(_starts(text), passage.start):]:
        if person.start >= end:
            break
        if person.rule in rules and person.end <= end:
            yield passage.mention(person.start - passage.start, person.end - passage.start, "person",
                                  person.label, f"person:{person.rule}")


@MENTION_FINDERS.register("people-plural-honorifics", after="people")
def plural_honorific_people(passage: Passage) -> Iterator[Mention]:
    """People listed under a plural honorific ("Councillors Ann Lee, Bo Chan and Ure")."""
    return _in_passage(passage, ("plural-honorific",))


@MENTION_FINDERS.register("people-in-context", after="people-plural-honorifics")
def contextual_people(passage: Passage) -> Iterator[Mention]:
    """Plain names the context supports as people: a label, a post, a verb, a list of names."""
    return _in_passage(passage, ("label", "verb", "speaker", "post", "post-nominal", "bracket", "bracketed",
                                 "initials", "before", "post-before", "post-after", "list-line", "name-list",
                                 "initials-line", "middle-initial",
                                 "column", "attendance-run", "sign-off"))


@MENTION_FINDERS.register("people-forenames", after="people-in-context")
def forename_people(passage: Passage) -> Iterator[Mention]:
    """A forename used alone, for the one person of that forename the document names in full."""
    return _in_passage(passage, ("forename",))


@MENTION_FINDERS.register("people-royals", after="people-forenames")
def royal_people(passage: Passage) -> Iterator[Mention]:
    """Royals by title ("Her Majesty The Queen", "Queen Elizabeth II")."""
    return _in_passage(passage, ("royal",))
