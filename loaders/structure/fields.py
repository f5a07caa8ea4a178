"""Labelled values inside lines: dates, times, "Name, Post, Organisation", lists of names.

Shared by the structure parsers; each function returns :class:`loaders.blocks.Field` values
whose spans index the document text.
"""

from __future__ import annotations

import re
from datetime import date
from functools import cache

from evidence_graph.loaders.blocks import Field
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.names import (
    common_given_name,
    end_before_council,
    honorific_name_pattern,
    never_name_words,
    not_name_words,
    organisation_words,
    parse_person_name,
    plain_name_pattern,
    suffixes,
)

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|" \
         r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
DATE_PATTERN = re.compile(
    rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:<sup>(?:st|nd|rd|th)</sup>)?[ \u00a0]+{_MONTH},?[ \u00a0]+"
    rf"(?P<year>(?:19|20)\d\d)\b|\b(?P<iso>(?:19|20)\d\d-\d\d-\d\d)\b", re.IGNORECASE)
TIME_PATTERN = re.compile(
    r"\b(?P<hour>[01]?\d|2[0-3])(?:[.:](?P<minute>[0-5]\d))?[ \u00a0]*(?P<ampm>[ap]\.?m\.?)?"
    r"(?![\d%])", re.IGNORECASE)


def find_date(text: str, offset: int = 0) -> Field | None:
    """Find the first calendar date in ``text``.

    Examples
    --------
    >>> find_date("Thursday, 30th January, 2014, at 10.00 am").value
    '2014-01-30'
    """
    match = DATE_PATTERN.search(text)
    if not match:
        return None
    try:
        if match.group("iso"):
            # Rebuilt, not copied: "2014-13-45" is no date, and \d also matches non-ASCII digits.
            value = date(*(int(n) for n in match.group("iso").split("-"))).isoformat()
        else:
            month = next(n for m, n in MONTHS.items() if m.startswith(match.group("month").lower()[:3]))
            value = date(int(match.group("year")), month, int(match.group("day"))).isoformat()
    except ValueError:
        return None
    return Field("date", value, offset + match.start(), offset + match.end())


_NUMERIC_DATE = re.compile(r"(?<![\d/.-])(?P<day>\d{1,2})(?P<sep>[/.-])(?P<month>\d{1,2})(?P=sep)"
                           r"(?P<year>(?:19|20)?\d\d)(?![\d/.-])")
_MONTH_FIRST = re.compile(rf"\b{_MONTH}\.?[ \u00a0]+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?[ \u00a0]+"
                          r"(?P<year>(?:19|20)\d\d)\b", re.IGNORECASE)


def parse_date(text: str, offset: int = 0) -> Field | None:
    """Read the date a labelled value states ("Date: …"), in any of the usual forms.

    Besides the forms :func:`find_date` finds in running text, a labelled value may be
    numeric, day first as British papers write it (``30/01/2014``, ``30.1.14``), or month
    first (``January 30, 2014``). Only a real calendar date is returned.

    Parameters
    ----------
    text : str
        The value after the label.
    offset : int
        Where ``text`` starts in the document.

    Returns
    -------
    Field or None
        A ``date`` field whose value is ISO 8601 (``2014-01-30``), or None for text that
        states no date ("TBC", "31/02/2014").

    Examples
    --------
    >>> [parse_date(t).value for t in ("30 January 2014", "30/01/2014", "Thursday, 30th January 2014",
    ...                                "2014-01-30", "30.1.14", "January 30, 2014")]
    ['2014-01-30', '2014-01-30', '2014-01-30', '2014-01-30', '2014-01-30', '2014-01-30']
    >>> parse_date("TBC") is None, parse_date("31/02/2014") is None, parse_date("1.1.99").value
    (True, True, '1999-01-01')
    """
    found = find_date(text, offset)
    if found is not None:
        return found
    for pattern in (_NUMERIC_DATE, _MONTH_FIRST):
        match = pattern.search(text)
        if match is None:
            continue
        month_text, year = match.group("month"), int(match.group("year"))
        month = int(month_text) if month_text.isdigit() else \
            next(n for m, n in MONTHS.items() if m.startswith(month_text.lower()[:3]))
        try:
            # Two-digit years pivot as POSIX strptime's %y does: 69-99 are 1969-1999.
            century = 0 if year >= 100 else 1900 if year >= 69 else 2000
            value = date(century + year, month, int(match.group("day"))).isoformat()
        except ValueError:
            return None
        return Field("date", value, offset + match.start(), offset + match.end())
    return None


def find_time(text: str, offset: int = 0) -> Field | None:
    """Find a clock time written with am/pm or as ``hh.mm``; returns ``HH:MM``.

    Examples
    --------
    >>> find_time("at 10.00 am").value, find_time("12.00 - Thom").value, find_time("7pm").value
    ('10:00', '12:00', '19:00')
    """
    for match in TIME_PATTERN.finditer(text):
        minute, ampm = match.group("minute"), match.group("ampm")
        if minute is None and ampm is None:
            continue
        hour = int(match.group("hour"))
        if ampm and ampm.lower().startswith("p") and hour < 12:
            hour += 12
        if ampm and ampm.lower().startswith("a") and hour == 12:
            hour = 0
        return Field("time", f"{hour:02d}:{int(minute or 0):02d}", offset + match.start(),
                     offset + match.end())
    return None


@cache
def _post_head_pattern() -> re.Pattern[str]:
    cues = load_cues("entities")["posts"]
    heads = sorted(cues["heads"], key=len, reverse=True)
    qualifiers = "|".join(re.escape(q) for q in cues["qualifiers"])
    head = "|".join(re.escape(h) for h in heads)
    return re.compile(rf"^(?:[A-Z][\w'’&-]*[ \u00a0]+){{0,4}}(?:(?:{qualifiers})[ \u00a0]+)*(?:{head})\b")


def looks_like_post(text: str) -> bool:
    """Whether ``text`` starts like a post title ("Head of …", "Managing Director").

    Examples
    --------
    >>> looks_like_post("Head of Democratic Services"), looks_like_post("Project Salus")
    (True, False)
    >>> looks_like_post("Medical Director")
    True
    """
    return bool(_post_head_pattern().match(text.strip()))


def _split_top_level(text: str, sep: str = ",") -> list[tuple[int, str]]:
    """Split on ``sep`` outside parentheses; returns (offset, piece) pairs."""
    pieces, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            pieces.append((start, text[start:i]))
            start = i + 1
    pieces.append((start, text[start:]))
    return [(o + len(p) - len(p.lstrip()), p.strip()) for o, p in pieces if p.strip()]


def _plain_person(piece: str) -> bool:
    """Whether ``piece`` is a plain personal name of two or three Title-case words, with a
    forename, that reads as no organisation ("Ann Beck", not "Harbour Trust" or "KCC")."""
    words = piece.split()
    if not 2 <= len(words) <= 3 or is_org_like(piece) or not all(w[:1].isupper() and not w.isupper() for w in words):
        return False
    if any(w in not_name_words() or w in organisation_words() for w in words):
        return False
    name = parse_person_name(piece)
    return name is not None and bool(name.given) and name.honorific is None


def is_org_like(piece: str) -> bool:
    """Whether ``piece`` reads as an organisation name: an acronym, or ends in an organisation suffix.

    Examples
    --------
    >>> is_org_like("Harbour Food Trust"), is_org_like("KCC"), is_org_like("Licensing Manager")
    (True, True, False)
    """
    suffixes = load_cues("entities")["organisations"]["suffixes"]
    return bool(re.fullmatch(r"[A-Z][A-Z&]{1,7}", piece)) or any(
        piece == s or piece.endswith(" " + s) for s in suffixes)


def leading_person(text: str, offset: int = 0) -> Field | None:
    """Find a person's name at the start of ``text`` (with or without honorific).

    When a name runs straight into capitalised words ("Carolyn Mcvitte Stepahead Support"),
    only the first two words are taken: the rest is more likely an organisation.

    Examples
    --------
    >>> leading_person("Carolyn Mcvitte Stepahead Support").value
    'Carolyn Mcvitte'
    >>> leading_person("Mr M J Angell (Chairman)").value
    'Mr M J Angell'
    """
    stripped = text.lstrip(" \u00a0*")
    lead = len(text) - len(stripped)
    match = honorific_name_pattern().match(stripped)
    if match is None:
        # "County Councillor Ann Lee", "Deputy Mayor Cllr Bo Chan": capitalised words of a
        # post before the honorific.
        within = honorific_name_pattern().search(stripped, 0, 40)
        # Matched again from where it starts: the search's bound would cut a name mid-word.
        within = within and honorific_name_pattern().match(stripped, within.start())
        if within and re.fullmatch(r"(?:[A-Z][\w’'-]*[ \u00a0]+){1,3}", stripped[:within.start()]):
            cut = end_before_council(stripped, within.start(), within.end())
            if parse_person_name(stripped[within.start():cut]):
                return Field("person", stripped[within.start():cut], offset + lead + within.start(),
                             offset + lead + cut)
    if match is None:
        match = plain_name_pattern().match(stripped)
        if match is None:
            return None
        words = match.group().split()
        following = re.match(r"[ \u00a0]+([A-Z][\w’'-]*)", stripped[match.end():])
        # "Carolyn Mcvitte Stepahead Support": two words, then an organisation; but "Gwen Alaw
        # Roberts Email: …" is a three-word name.
        three = len(words) == 3 and words[2] not in not_name_words() and not (
            following and (following.group(1) in organisation_words() or following.group(1) not in not_name_words()))
        if len(words) == 3 and len(words[1].rstrip(".")) > 1 and not three:
            value = " ".join(words[:2])
            if parse_person_name(value) and not _cut_from_a_body(stripped, value):
                return Field("person", value, offset + lead, offset + lead + len(value))
            return None
        if _cut_from_a_body(stripped, match.group()):
            return None
    # "Cllr R Henry Stevenage Borough Council": the name stops where a council's name begins.
    cut = end_before_council(stripped, match.start(), match.end())
    value = stripped[match.start():cut]
    if parse_person_name(value) is None:
        return None
    return Field("person", value, offset + lead + match.start(), offset + lead + cut)


def _cut_from_a_body(text: str, value: str) -> bool:
    """Whether a plain name at the start of ``text`` is words of a body's name that a list cut
    ("Strathclyde Fire" of "Strathclyde Fire and Rescue"): a word that is never a name's, or no
    forename in use while capitals go on after it ("Peterborough Integrated Care Board")."""
    words = value.split()
    if any(w in never_name_words() for w in words):
        return True
    return not common_given_name(words[0]) and re.match(r"[ \u00a0]+[A-Z][a-z]", text[len(value):]) is not None


def person_post_org(text: str, offset: int = 0) -> list[Field]:
    """Split "Name, Post, Organisation" (the shape of witness lines) into fields.

    Parameters
    ----------
    text : str
        e.g. ``Peter Heckel, Director, Project Salus`` or
        ``Thom Wilson, Head of Strategic Commissioning (Children's) (KCC)``.
    offset : int
        Where ``text`` starts in the document.

    Returns
    -------
    list of Field
        ``person``, then ``post`` and ``organisation`` where present.

    Examples
    --------
    >>> [(f.name, f.value) for f in person_post_org("Peter Heckel, Director, Project Salus")]
    [('person', 'Peter Heckel'), ('post', 'Director'), ('organisation', 'Project Salus')]
    >>> [(f.name, f.value) for f in person_post_org(
    ...     "Thom Wilson, Head of Strategic Commissioning (Children's) (KCC)")]
    [('person', 'Thom Wilson'), ('post', "Head of Strategic Commissioning (Children's)"), \
('organisation', 'KCC')]
    """
    person = leading_person(text, offset)
    if person is None:
        return []
    fields = [person]
    rest_start = person.end - offset
    rest = text[rest_start:]
    pieces = list(_split_top_level(rest))
    if pieces and all(_plain_person(piece.rstrip(" .;:")) for _, piece in pieces):
        return fields  # "Ms Joan Bennett, Ann Beck": a list of people, no organisation in it
    for piece_offset, piece in pieces:
        piece = piece.rstrip(" .;:")
        start = offset + rest_start + piece_offset
        if piece and all(word in suffixes() or word.startswith("(") for word in piece.split()):
            continue  # "Ann Lee MP, Minister for …", "QC (hon)": post-nominals, no organisation
        if re.fullmatch(r"[A-Z][a-z]+(?:[ \u00a0]+[a-z]+)+", piece) and not is_org_like(piece):
            continue  # "Legal journalist": what the person does, in words of a sentence
        if looks_like_post(piece):
            post_text, org = _strip_org_parenthetical(piece)
            post_end = len(piece) if org is None else org[0]
            if org is None:
                post_text, org = split_post_of_org(piece)
                post_end = len(post_text)
            while post_end > 0 and piece[post_end - 1] in " ,(":
                post_end -= 1
            fields.append(Field("post", post_text, start, start + post_end))
            if org is not None:
                fields.append(Field("organisation", org[1], start + org[0],
                                    start + org[0] + len(org[1])))
        elif is_org_like(piece) or re.match(r"[A-Z]", piece):
            # "Member, Select Committee on Defence": a committee's name is a committee's.
            kind = "organisation" if is_org_like(piece) or not committee_like(piece) else "committee"
            fields.append(Field(kind, piece, start, start + len(piece)))
    return fields


def committee_like(piece: str) -> bool:
    """Whether a capitalised piece names a committee: a committee's head word in it ("Select
    Committee on Defence", "Audit Panel")."""
    heads = load_cues("entities")["committees"]["heads"]
    return any(re.search(rf"(?<![\w-]){re.escape(head)}(?![\w-])", piece) for head in heads)


def split_post_of_org(piece: str) -> tuple[str, tuple[int, str] | None]:
    """Split "Director of Harbour Homes Limited" into the post and the organisation it is in.

    Only when what follows "of" or "at" reads as an organisation of two words or more (it ends
    in an organisation suffix): "Head of Democratic Services" stays one post.

    Parameters
    ----------
    piece : str
        A post title, possibly naming its organisation.

    Returns
    -------
    tuple
        The post title, and the organisation's offset in ``piece`` and name (or None).

    Examples
    --------
    >>> split_post_of_org("Director of Harbour Homes Limited")
    ('Director', (12, 'Harbour Homes Limited'))
    >>> split_post_of_org("Head of Democratic Services")
    ('Head of Democratic Services', None)
    """
    for match in re.finditer(r"[ \u00a0]+(?:of|at)[ \u00a0]+(?:the[ \u00a0]+)?", piece):
        post, org = piece[:match.start()], piece[match.end():]
        if len(org.split()) >= 2 and is_org_like(org) and looks_like_post(post):
            return post, (match.end(), org)
    return piece, None


def _strip_org_parenthetical(piece: str) -> tuple[str, tuple[int, str] | None]:
    """Take a trailing organisation out of a post: "Head of X (Children's Services, KCC)"."""
    for match in reversed(list(re.finditer(r"\(([^()]*)\)", piece))):
        inner = match.group(1)
        parts = _split_top_level(inner)
        if not parts:
            continue
        last_offset, last = parts[-1]
        if is_org_like(last):
            org = (match.start(1) + last_offset, last)
            if len(parts) == 1:
                post = piece[:match.start()].rstrip()
                post += piece[match.end():]
            else:
                keep = inner[: parts[-2][0] + len(parts[-2][1])]
                post = piece[:match.start(1)] + keep + ")" + piece[match.end():]
            return post.strip(), org
    return piece, None


def name_list(text: str, offset: int = 0) -> list[Field]:
    """Split a membership or attendance list into ``member`` fields, flagging the chair.

    Examples
    --------
    >>> [(f.name, f.value) for f in name_list("Mr M J Angell (Chairman), Mr G Cowan and Mr T Gates")]
    [('chair', 'Mr M J Angell'), ('member', 'Mr G Cowan'), ('member', 'Mr T Gates')]
    """
    cues = load_cues("entities")["people"]
    vice = [re.compile(p, re.IGNORECASE) for p in cues["vice_chair_marks"]]
    chair = [re.compile(p, re.IGNORECASE) for p in cues["chair_marks"]]
    fields: list[Field] = []
    shared_honorific = None
    for piece_offset, piece in _split_top_level(text.replace(" and ", ",    ").replace(";", ",")):
        start = offset + piece_offset
        plural = re.match(r"(Councillors|Cllrs|Messrs)\.?\s+", piece)
        if plural:
            shared_honorific = "Cllr" if plural.group(1) != "Messrs" else "Mr"
            piece, start = piece[plural.end():], start + plural.end()
        person = leading_person(piece, start)
        if person is None and shared_honorific:
            person = leading_person(f"{shared_honorific} {piece}", start - len(shared_honorific) - 1)
            if person is not None:
                person = Field("person", f"{shared_honorific} {piece[: person.end - start]}",
                               start, person.end)
        if person is None:
            continue
        tail = piece[person.end - start:]
        role = "member"
        if any(p.search(tail) for p in vice):
            role = "vice-chair"
        elif any(p.search(tail) for p in chair):
            role = "chair"
        fields.append(Field(role, person.value, person.start, person.end))
    return fields
