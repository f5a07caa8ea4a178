"""Case restoration: text printed in capitals ("CUPAR COMMON GOOD FUND", "DECISION MAKER:
CABINET") rewritten in title case, so that finders written for capitalised names read it; and
item numbers glued to their titles by a flattened table ("6Financial Strategy") set apart, and
the file sizes of attachment links ("PDF 69 KB") blanked, and the hyphen of a list of names and
their wards ("Richard Brodie-Annandale South") read as the comma it stands for.

The restored text has exactly the length of the original, character for character, so every
offset into it is an offset into the document: a mention found in the restored view is quoted
from the document's own text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache

from evidence_graph.loaders.acronyms import acronym_definitions
from evidence_graph.loaders.names import honorifics, plural_honorifics, suffixes

#: Words kept lower case inside a restored run (never first or last): title-case convention.
SMALL_WORDS = frozenset({"and", "of", "the", "for", "to", "in", "on", "with", "a", "an", "at", "by", "or"})

#: Two-letter English words; any other two-letter word in capitals is taken for an acronym
#: ("UK", "EU", "HR").
_TWO_LETTER_WORDS = frozenset({"am", "an", "as", "at", "be", "by", "do", "go", "he", "if", "in", "is",
                               "it", "me", "my", "no", "of", "oh", "ok", "on", "or", "ox", "so", "to",
                               "up", "us", "we"})

#: Longest word taken for an acronym because the document also prints it alone in capitals in
#: mixed-case text; longer isolated capitals are emphasis ("the COMMITTEE agreed").
_LONGEST_ACRONYM_IN_TEXT = 6

#: A word: letters and digits, with apostrophes inside ("COUNCIL'S", "O'NEILL").
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_ROMAN = re.compile(r"(?:X{0,3})(?:IX|IV|V?I{0,3})")
_VOWELS = frozenset("AEIOUY")
_TITLE_WORD = re.compile(r"\b[^\W\d_][^\W\d_A-Z]+\b")
#: What may stand between two words of one run in capitals in a mixed-case line.
_RUN_SEPARATOR = re.compile(r"[ \t\u00a00-9,&/'’.:–—-]+")


@cache
def _cue_spellings() -> dict[str, str]:
    """Honorifics and name suffixes as the cues spell them, by their capitals ("MR" → "Mr")."""
    spellings: dict[str, str] = {}
    # Honorifics last, so that "MS" before a name is "Ms", not the suffix "MS".
    for word in [*sorted(suffixes()), *sorted(plural_honorifics()), *honorifics()]:
        if " " not in word and "." not in word:
            spellings[word.upper()] = word
    return spellings


@cache
def _honorific_words() -> frozenset[str]:
    """One-word honorifics, singular and plural ("Mr", "Councillors")."""
    return frozenset(word for word in [*honorifics(), *plural_honorifics()] if " " not in word)


def _is_capitals(word: str) -> bool:
    """Whether ``word`` has cased letters and every one is a capital ("A10" yes, "日本" no)."""
    return word.isupper()


def _has_letters(word: str) -> bool:
    return any(c.isalpha() for c in word)


def _title(word: str) -> str:
    """``word`` (in capitals) in title case, keeping its length.

    Apostrophes keep the case after them ("COUNCIL'S" → "Council's") except after a one-letter
    prefix ("O'NEILL" → "O'Neill"); "Mc" names keep their capital ("MCKAY" → "McKay").
    """
    parts = re.split(r"(['’])", word)
    head = parts[0][:1].upper() + parts[0][1:].lower()
    if len(head) > 3 and head.startswith("Mc"):
        head = "Mc" + head[2].upper() + head[3:]
    out = [head]
    for index in range(1, len(parts), 2):
        tail = parts[index + 1]
        if len(parts[0]) == 1 and index == 1 and len(tail) > 1:
            out.append(parts[index] + tail[:1].upper() + tail[1:].lower())
        else:
            out.append(parts[index] + tail.lower())
    return "".join(out)


def _capital_runs(line: str) -> list[list[re.Match[str]]]:
    """The runs of words in capitals in a mixed-case line, each as its word matches.

    Words run on across spaces, digits, commas, hyphens, dashes, slashes and "&" ("PARKS, STREETS AND
    OPEN SPACES"); a digit, a bracket or a bullet between them ends the run ("Poplar HARCA) ·
    8.1 – DAAT Commissioning" has two runs of one word).
    """
    runs: list[list[re.Match[str]]] = []
    current: list[re.Match[str]] = []
    for match in _WORD.finditer(line):
        word = match.group()
        if not _has_letters(word):
            continue
        joined = bool(current) and _RUN_SEPARATOR.fullmatch(line[current[-1].end():match.start()])
        if _is_capitals(word) and (joined or not current):
            current.append(match)
            continue
        if current:
            runs.append(current)
        current = [match] if _is_capitals(word) else []
    if current:
        runs.append(current)
    return runs


def _document_acronyms(lines: list[str]) -> set[str]:
    """Capitals the document uses as acronyms: alone in mixed-case text, or in parentheses."""
    found: set[str] = set()
    for line in lines:
        if not any(c.islower() for c in line):
            continue  # a line in capitals says nothing about which words are acronyms
        for run in _capital_runs(line):
            if not _reads_as_words(run, set()):
                # Not "A" ("Appendix A") nor a small word shouted for emphasis ("Lee AND Roe").
                found.update(w.group() for w in run if 1 < len(w.group()) <= _LONGEST_ACRONYM_IN_TEXT
                             and w.group().lower() not in SMALL_WORDS | _TWO_LETTER_WORDS)
    return found


def _reads_as_words(run: list[re.Match[str]], acronyms: set[str]) -> bool:
    """Whether a run in capitals inside mixed-case text is words, not acronyms side by side.

    It takes two words that would change ("GLENBRAE CITY COUNCIL"); "KCC, CAMHS and others" is a
    list of acronyms, one of them pronounceable, and "Ann Lee AS/MS" post-nominals.
    """
    post_nominals = _post_nominals()
    changing = sum(1 for w in run if w.group() not in post_nominals
                   and _restored_word(w.group(), True, True, acronyms) != w.group())
    return changing >= 2


@cache
def _post_nominals() -> frozenset[str]:
    """Post-nominals as printed in capitals ("MBE", "AS", "MS")."""
    return frozenset(word.upper() for word in suffixes())


def _restored_word(word: str, first: bool, last: bool, acronyms: set[str]) -> str:
    """One word of a run in capitals, as it would be written in ordinary text."""
    if any(c.isdigit() for c in word):
        # Codes stay as written: "A10", "M25", and "4TH" may be a postcode's half ("CF37 4TH").
        return word
    spelling = _cue_spellings().get(word)
    if spelling is not None and len(spelling) == len(word) and word.lower() not in _TWO_LETTER_WORDS:
        # Not the Welsh suffixes "AM", "AS": in capitals these are the English words.
        return spelling
    if word in acronyms:
        return word
    letters = word.replace("'", "").replace("’", "")
    if len(word) > 1 and _ROMAN.fullmatch(word):
        return word
    if len(letters) == 2 and letters.lower() not in _TWO_LETTER_WORDS:
        return word
    if 2 <= len(letters) <= 5 and not _VOWELS & set(letters):
        return word
    if word.lower() in SMALL_WORDS and not first and not last:
        return word.lower()
    return _title(word)


def restore_case(text: str, acronyms: Iterable[str] = ()) -> str:
    """Rewrite text printed in capitals in title case, keeping acronyms and the text's length.

    A line with no lower-case letter is restored whole (a heading "CABINET" too); in other lines
    only runs of two or more words in capitals are. Small words ("and", "of", "the" …) inside a
    run go lower case. A word stays in capitals when it is an acronym: one in ``acronyms``, one the
    document prints alone in capitals in mixed-case text or defines in parentheses ("(CSP)"), a
    word of 2-5 letters with no vowel ("NHS", "CCTV"), a two-letter word that is no English word
    ("UK"), a Roman numeral, or a code with digits ("A10"). Honorifics and name suffixes take the
    cues' spelling ("MR" → "Mr", "MBE" stays).

    Parameters
    ----------
    text : str
        A document's text.
    acronyms : iterable of str, optional
        Acronyms known besides those the text shows (the corpus's, the document's definitions).

    Returns
    -------
    str
        The text, the same length as ``text``, with every offset naming the same character.

    Examples
    --------
    >>> restore_case("5. CUPAR COMMON GOOD FUND - ANNUAL REPORT")
    '5. Cupar Common Good Fund - Annual Report'
    >>> restore_case("DECISION MAKER: CABINET")
    'Decision Maker: Cabinet'
    >>> restore_case("CABINET\\n\\nThe Cabinet and the COMMUNITY SAFETY PARTNERSHIP (CSP) met.")
    'Cabinet\\n\\nThe Cabinet and the Community Safety Partnership (CSP) met.'
    >>> restore_case("CLERK TO THE COMMITTEE Jane Doe")
    'Clerk to the Committee Jane Doe'
    >>> restore_case("MR JOHN O'NEILL MBE, HEAD OF CCTV AND HR")
    "Mr John O'Neill MBE, Head of CCTV and HR"
    >>> restore_case("ICT costs rose.\\nICT STRATEGY")
    'ICT costs rose.\\nICT Strategy'
    >>> restore_case("Ordinary text is left alone, even the NHS.")
    'Ordinary text is left alone, even the NHS.'
    """
    lines = text.splitlines(keepends=True)
    # Defined acronyms count only where their initials spell the words before them: in a line in
    # capitals "(CSP)" after "COMMUNITY SAFETY PARTNERSHIP" is one, "(CHAIR)" after a name is not.
    known = _document_acronyms(lines) | set(acronym_definitions([text])) | set(acronyms)
    # A word in capitals alone on its line ("CABINET") is restored only when the document writes
    # it in title case too: a lone "SUMMARYG" or a code is no word the finders should read.
    title_words = set(_TITLE_WORD.findall(text))
    restored = "".join(_restore_line(line, known, title_words) for line in lines)
    if len(restored) != len(text):  # pragma: no cover - every change keeps each word's length
        return text
    return restored


def _restore_line(line: str, acronyms: set[str], title_words: set[str]) -> str:
    """One line with its runs in capitals restored."""
    if any(c.islower() for c in line):
        runs = [run for run in _capital_runs(line) if _reads_as_words(run, acronyms)]
    else:
        runs = [[match for match in _WORD.finditer(line) if _has_letters(match.group())]]
        if len(runs[0]) == 1 and _title(runs[0][0].group()) not in title_words:
            return line
    pieces = list(line)
    for run in runs:
        for position, match in enumerate(run):
            word = match.group()
            # A run's last word keeps its capital only where the line ends ("APPENDIX A"), not
            # before a capitalised word that is no part of the run ("OF THE Cabinet").
            last = position == len(run) - 1 and not _has_letters(line[match.end():])
            if position == 0 and len(run) > 1 and len(word) > 1 and _ROMAN.fullmatch(word):
                # An item number ("II STANDARDS COMMISSION") is no part of the title after it.
                new = word.lower()
            elif word == "A" and (line[match.end():match.end() + 1] == "." or (
                    position and run[position - 1].group() in _cue_spellings()
                    and _cue_spellings()[run[position - 1].group()] in _honorific_words())):
                new = word  # an initial ("COUNCILLOR A SMITH", "A. MCKAY"), not the article
            else:
                new = _restored_word(word, position == 0, last, acronyms)
            if len(new) == len(word):  # casing can change length ("ß" → "SS"): keep the word then
                pieces[match.start():match.end()] = list(new)
    return "".join(pieces)


def _blanked(pattern: re.Pattern[str], text: str, group: int | str = 0) -> str:
    """``text`` with what ``group`` of each match of ``pattern`` holds replaced by as many spaces."""
    return pattern.sub(lambda m: m.group()[:m.start(group) - m.start()] + " " * (m.end(group) - m.start(group))
                       + m.group()[m.end(group) - m.start():], text)


_GLUED_ITEM_NUMBER = re.compile(r"(?m)^[ \t]*(?P<number>\d{1,3}[a-z]?)(?=[A-Z][a-z])")


def separate_item_numbers(text: str) -> str:
    """Blank out an item number glued to the title after it at the start of a line.

    A page whose agenda is a table of numbers and titles, flattened to text, prints
    "6Financial Strategy 2024/25": finders that need a word boundary before a name read nothing
    there. The number becomes spaces, so the text keeps its length and every offset.

    Parameters
    ----------
    text : str
        A document's text (or its case-restored view).

    Returns
    -------
    str
        The same text with each such number replaced by as many spaces.

    Examples
    --------
    >>> separate_item_numbers("1Sederunt\\n6Financial Strategy\\n2026 Budget\\n4G Networks")
    ' Sederunt\\n Financial Strategy\\n2026 Budget\\n4G Networks'
    """
    return _blanked(_GLUED_ITEM_NUMBER, text, "number")


_ATTACHMENT_SIZE = re.compile(r"(?<![\w-])(?:PDF|DOCX?|XLSX?|PPTX?|ODT|RTF|CSV)[ \u00a0]+(?:file[ \u00a0]+)?"
                              r"\d+(?:[.,]\d+)?[ \u00a0]*(?:KB|MB|Kb|Mb|kB|bytes)(?![\w-])")


def blank_attachment_sizes(text: str) -> str:
    """Blank out the format and size that a page prints after an attachment's link.

    ModernGov renders "Audit Committee PDF 69 KB The Chair …": the size glued into the text runs
    a committee's name into a capitalised "PDF". The size becomes spaces, keeping the text's
    length and every offset.

    Parameters
    ----------
    text : str
        A document's text (or a view of it of the same length).

    Returns
    -------
    str
        The same text with each such size replaced by as many spaces.

    Examples
    --------
    >>> blank_attachment_sizes("Audit Committee PDF 69 KB The Chair; Plan (PDF 1.2 MB)")
    'Audit Committee           The Chair; Plan (          )'
    """
    return _blanked(_ATTACHMENT_SIZE, text)


_NAME_THEN_WARD = re.compile(r"^(?P<lead>[ \t\u00a0]*(?:[A-Z][\w’'.]*[ \u00a0]+){1,3}[A-Z][\w’']*"
                             r"(?:[ \u00a0]*\([^()\n]{1,40}\))?)-(?P<rest>[A-Z][^\n]*)$", re.MULTILINE)


def separate_name_columns(text: str) -> str:
    """Read the hyphen of a list of names and their wards or areas as a comma.

    A members' list whose two columns a page flattened joins each name to its ward with a
    hyphen: "Graham Bell-North West Dumfries", "Ian Blake-Abbey". Three such lines in a row, one
    of them at least with more than one word after the hyphen, make a list of that layout (a
    double-barrelled surname is one word after the hyphen, and stands alone); there each hyphen
    becomes a comma, so the text keeps its length.

    Parameters
    ----------
    text : str
        A document's text (or a view of it of the same length).

    Returns
    -------
    str

    Examples
    --------
    >>> view = separate_name_columns("Members:\\nAnn Lee-North West Fenmoor\\nBo Chan-Abbey\\n"
    ...                              "Kay Moss (Leader)-Nith\\n")
    >>> view.splitlines()[1:]
    ['Ann Lee,North West Fenmoor', 'Bo Chan,Abbey', 'Kay Moss (Leader),Nith']
    >>> separate_name_columns("Present: Sarah Smith-Jones\\n") == "Present: Sarah Smith-Jones\\n"
    True
    """
    matches = list(_NAME_THEN_WARD.finditer(text))
    runs: list[list[re.Match[str]]] = []
    for match in matches:
        previous = runs[-1][-1] if runs else None
        if previous is not None and text.count("\n", previous.end(), match.start()) <= 1:
            runs[-1].append(match)
        else:
            runs.append([match])
    chars = list(text)
    for run in runs:
        if len(run) >= 3 and any(" " in m.group("rest").strip() for m in run):
            for match in run:
                chars[match.end("lead")] = ","
    return "".join(chars)
