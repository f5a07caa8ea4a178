"""Minutes: numbered paragraphs, the committee's unnumbered questions, narrative, decisions.

Who speaks is decided from content, not position alone (rules documented in the README):

* a numbered paragraph is **narrative** (the clerk) when it matches a narrative cue and has no
  first-person pronoun outside quotation marks; otherwise, in a witness session, the
  **witness** speaks;
* an unnumbered paragraph is the **committee** when it asks (``?`` or a request such as
  "Please tell us…"), addresses the witness ("you", "your") or comments on the answers
  ("Those answers were helpful", "I agree…"); otherwise a first-person unnumbered paragraph
  **continues the witness's answer**; anything else is the committee's comment;
* each witness paragraph answers the committee question before it.

Attendance records ("Present:", "In attendance:", "Apologies:", "In the Chair:") are read in the
layouts councils print them in, not one alone: comma lists, one name a line, plural honorifics
shared out ("Aldermen – T Bly, B Cole"), officers as "Post – Name" or "Name – Post" pairs or with
the post in brackets, entries run on where a PDF lost the commas (names, or names and posts,
divided by their shape: a forename and surname, a post before and after), and labels run into
the line before them.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache
from itertools import pairwise

from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.cues import compile_patterns, first_match, load_cues
from evidence_graph.loaders.names import (
    _INITIALS,
    _NAME_WORD,
    _NAME_WORD_RE,
    common_given_name,
    honorific_name_pattern,
    honorifics,
    never_name_words,
    parse_person_name,
    plural_honorifics,
    suffixes,
)
from evidence_graph.loaders.structure.fields import (
    _split_top_level,
    is_org_like,
    leading_person,
    looks_like_post,
    person_post_org,
)
from evidence_graph.loaders.structure.segment import split_columns

_QUOTED = re.compile(r"[‘“\"'][^‘’“”\"']{1,200}[’”\"']")
_LABEL = re.compile(r"^(agenda item|minutes|supporting documents|decision|documents?)\s*:?$",
                    re.I)
_INTERVIEW = re.compile(r"^(interview with|evidence from|session with|oral evidence:?)\s+", re.I)


def first_person(text: str) -> bool:
    """Whether the text speaks in the first person outside quotation marks.

    Examples
    --------
    >>> first_person("The Chairman thanked Mr Wilson."), first_person("I am the Head of …")
    (False, True)
    >>> first_person("He described it as ‘them and us’.")
    False
    """
    pattern = re.compile(load_cues("structure")["minutes"]["first_person"], re.I)
    return bool(pattern.search(_QUOTED.sub(" ", text)))


def is_narrative(text: str) -> bool:
    """Whether a paragraph is the clerk's third-person record.

    Examples
    --------
    >>> is_narrative("The Chairman thanked Mr Wilson for attending.")
    True
    >>> is_narrative("I have recently met some providers.")
    False
    """
    cues = compile_patterns("structure", "minutes", "narrative")
    return bool(first_match(cues, text)) and not first_person(text)


def unnumbered_role(text: str) -> tuple[str, str]:
    """Kind and speaker role of an unnumbered paragraph in a witness session.

    Returns
    -------
    tuple of (str, str)
        ``("question", "committee")``, ``("comment", "committee")`` or
        ``("continuation", "witness")``.

    Examples
    --------
    >>> unnumbered_role("Please tell us about your role.")
    ('question', 'committee')
    >>> unnumbered_role("I attended a ‘meet the market’ event for care leavers.")
    ('continuation', 'witness')
    >>> unnumbered_role("I agree that it is good to measure outcomes.")
    ('comment', 'committee')
    """
    if "?" in text or first_match(compile_patterns("structure", "minutes", "request"), text):
        return "question", "committee"
    if first_match(compile_patterns("structure", "minutes", "committee"), text):
        return "comment", "committee"
    if first_person(text):
        return "continuation", "witness"
    return "comment", "committee"


def reported_speaker(text: str, offset: int) -> Field | None:
    """The person a narrative paragraph reports ("Cllr Jones asked whether …").

    A post can stand for its holder ("The Head of Housing Services introduced the report"):
    the field's value is then the post title, which resolution looks up in the meeting's cast.

    Examples
    --------
    >>> reported_speaker("Cllr Jones asked whether the figure was right.", 0)
    Field(name='speaker', value='Cllr Jones', start=0, end=10)
    >>> reported_speaker("The Licensing Manager presented the report.", 0)
    Field(name='speaker', value='Licensing Manager', start=4, end=21)
    """
    verbs = "|".join(load_cues("entities")["people"]["speech_verbs"])
    match = honorific_name_pattern().match(text)
    if match and re.match(rf"[\s\u00a0]+(?:{verbs})\b", text[match.end():]):
        return Field("speaker", match.group(), offset + match.start(), offset + match.end())
    post = re.match(rf"(?:The|the)[ \u00a0]+(?P<post>[A-Z][\w'’&-]*(?:[ \u00a0](?:[A-Z][\w'’&-]*|of|for|and|&))*?)"
                    rf"(?:[ \u00a0]*,[^,]{{1,60}},)?[ \u00a0]+(?:{verbs})\b", text)
    if post and looks_like_post(post.group("post")):
        return Field("speaker", post.group("post"), offset + post.start("post"), offset + post.end("post"))
    return None


@cache
def attendance_pattern() -> re.Pattern[str]:
    """The attendance labels of ``cues/structure.toml`` ("Present:", "Officers in attendance").

    Examples
    --------
    >>> attendance_pattern().match("Apologies for absence were received from Cllr Rowe.").group("label")
    'Apologies for absence were received from'
    >>> attendance_pattern().match("Present (in person): Cllr Okafor").group()
    'Present (in person): '
    """
    labels = "|".join(sorted(load_cues("structure")["minutes"]["attendance"], key=len, reverse=True))
    # The label, then either a colon within a few words ("Present (in person):") or a dash.
    return re.compile(rf"^(?P<label>(?:{labels}))\b(?:[^:\n]{{0,40}}?:|[ \t\u00a0]*[-–])?[\s\u00a0]*",
                      re.I)


_SENTENCE_BREAK = re.compile(r"(?<=[a-z]{2})\.[\s\u00a0]+(?=[A-Z])")


def attendance_row(text: str, start: int, end: int) -> list[Field]:
    """Read one row of an attendance table or list: "Name    Post" or "Name, Post, Org".

    Cells of a table row (as an HTML page reduces to text) are separated by three or more
    spaces; a row whose first cell is not a whole personal name yields nothing.

    Examples
    --------
    >>> row = "Martin Osei        Licensing Manager"
    >>> [(f.name, f.value) for f in attendance_row(row, 0, len(row))]
    [('person', 'Martin Osei'), ('post', 'Licensing Manager')]
    >>> attendance_row("Name    Post", 0, 12)
    []
    """
    line = text[start:end]
    cells = split_columns(line) if "\n" not in line else [(0, line)]
    if len(cells) < 2:
        lead = len(line) - len(line.lstrip(" ,.;"))
        return _bracketed_pair(line.strip(" ,.;"), start + lead) or _plausible_organisations(
            _post_before_organisation(person_post_org(line.strip(" ,.;"), start + lead)))
    first_offset, first = cells[0]
    person = leading_person(first, start + first_offset)
    if person is None or person.end - (start + first_offset) < len(first.rstrip(" ,")):
        return []
    fields = [person]
    for offset, cell in cells[1:]:
        cell = cell.strip(" ,.;")
        name = "post" if looks_like_post(cell) else "organisation" if is_org_like(cell) else None
        if name:
            fields.append(Field(name, cell, start + offset, start + offset + len(cell)))
    return fields


def _plausible_organisations(fields: list[Field]) -> list[Field]:
    """The fields without an organisation that can name no body: in "Lee Brant, Senior Officer,
    Email" or "..., Trust" the last piece is a contact label or a bare kind.

    Examples
    --------
    >>> fields = [Field("person", "Lee Brant", 0, 9), Field("post", "Senior Officer", 11, 25),
    ...           Field("organisation", "Email", 27, 32)]
    >>> [f.name for f in _plausible_organisations(fields)]
    ['person', 'post']
    """
    from evidence_graph.loaders.finders.organisations import plausible_organisation

    return [f for f in fields if f.name != "organisation" or plausible_organisation(f.value)]


def _post_before_organisation(fields: list[Field]) -> list[Field]:
    """In "Name, X, ORG", X is the person's post even when its words are no known post
    ("Nick Roe, Policy & Projects, XNPA"): what stands between a name and an organisation that
    reads as one is no second organisation.

    Examples
    --------
    >>> fields = [Field("person", "Nick Roe", 0, 8), Field("organisation", "Policy & Projects", 10, 27),
    ...           Field("organisation", "XNPA", 29, 33)]
    >>> [(f.name, f.value) for f in _post_before_organisation(fields)]
    [('person', 'Nick Roe'), ('post', 'Policy & Projects'), ('organisation', 'XNPA')]
    """
    names = [f.name for f in fields]
    if names == ["person", "organisation", "organisation"] and is_org_like(fields[2].value) \
            and not is_org_like(fields[1].value):
        return [fields[0], dataclasses.replace(fields[1], name="post"), fields[2]]
    return fields


def _bracketed_pair(entry: str, offset: int) -> list[Field]:
    """A person and their post, one of them in brackets after the other: "Ann Lee (Democratic
    Services Officer)", "Director of Finance (K Roe)"; or a person with their organisation, or
    post and organisation, in brackets ("Mr J Doe (NIHE)", "Jane Doe (Clerk, Harbour Trust)").

    Examples
    --------
    >>> [(f.name, f.value) for f in _bracketed_pair("Director of Finance (K Roe)", 0)]
    [('person', 'K Roe'), ('post', 'Director of Finance')]
    >>> [(f.name, f.value) for f in _bracketed_pair("Ann Lee (Clerk to the Panel)", 0)]
    [('person', 'Ann Lee'), ('post', 'Clerk to the Panel')]
    """
    pair = re.fullmatch(r"(?P<outer>[^()]+?)[ \u00a0]*\((?P<inner>[^()]+)\)", entry)
    if pair is None:
        return []
    outer, inner = pair.group("outer"), pair.group("inner").strip()
    inner_start = offset + pair.start("inner") + len(pair.group("inner")) - len(pair.group("inner").lstrip())
    post_first = looks_like_post(outer) and _leading_holder(inner) == len(inner) and leading_person(outer) is None
    person = None if post_first else leading_person(outer, offset)
    if post_first:
        return [Field("person", inner, inner_start, inner_start + len(inner)),
                Field("post", outer, offset, offset + len(outer))]
    if person is None or person.end - offset != len(outer):
        return []
    if is_org_like(inner):  # "Mr J Doe (NIHE)"
        return [person, Field("organisation", inner, inner_start, inner_start + len(inner))]
    post, _, org = inner.rpartition(",")
    if post and is_org_like(org.strip()) and looks_like_post(post):  # "Jane Doe (Clerk, XNPA)"
        org_start = inner_start + len(post) + 1 + len(org) - len(org.lstrip())
        return [person, Field("post", post.rstrip(), inner_start, inner_start + len(post.rstrip())),
                Field("organisation", org.strip(), org_start, org_start + len(org.strip()))]
    if looks_like_post(inner):
        return [person, Field("post", inner, inner_start, inner_start + len(inner))]
    return []


def _attendance_entries(text: str, start: int, end: int) -> list[Field]:
    """People, posts and organisations of an "In attendance:" or "Officers:" list.

    Entries are split on semicolons and lines, and on commas where the next piece starts a
    new person ("A Lee (Clerk), B Chan (Chief Executive), Inspector C Dee"); a line of run-on
    "Post – Name" pairs gives each person their post, a person run on from the last one's
    organisation starts an entry of their own, and plain names whose commas were lost are
    each a person.
    """
    entries: list[Field] = []
    offset = start
    for piece in re.split(r"[;\n]", text[start:end]):
        pairs = dashed_pairs(piece, offset)
        if pairs is not None:
            entries.extend(pairs)
            offset += len(piece) + 1
            continue
        bounds = [0, *_run_on_starts(piece), len(piece)]
        for entry_start, entry_end in pairwise(bounds):
            entry = piece[entry_start:entry_end]
            flattened = flattened_names(entry.strip(" ,.")) if "," not in entry else []
            lead = offset + entry_start + len(entry) - len(entry.lstrip(" ,."))
            if flattened:
                entries.extend(Field("person", entry.strip(" ,.")[a:b], lead + a, lead + b) for a, b in flattened)
                continue
            alternating = _names_and_posts(entry.strip(" ,."), lead) if "," not in entry else None
            if alternating:
                entries.extend(alternating)
                continue
            for group_start, group_end in _person_groups(entry):
                entries.extend(attendance_row(text, offset + entry_start + group_start,
                                              offset + entry_start + group_end))
        offset += len(piece) + 1
    return entries


def _names_and_posts(entry: str, offset: int) -> list[Field] | None:
    """People and posts run on with no separator at all, as a PDF flattens a two-column table
    ("Jane Doe Interim Chief Executive Nick Roe Head of Planning"), or None.

    Each name opens the entry or follows a post, and is followed by a post; a name is a
    forename and a surname, neither a word that is never a name.

    Examples
    --------
    >>> fields = _names_and_posts("Jane Doe Interim Chief Executive Nick Roe Head of Planning", 0)
    >>> [(f.name, f.value) for f in fields]
    [('person', 'Jane Doe'), ('post', 'Interim Chief Executive'), ('person', 'Nick Roe'), ('post', 'Head of Planning')]
    >>> _names_and_posts("Jane Doe Interim Chief Executive", 0) is None
    True
    """
    def name_at(at: int) -> int:
        match = _PLAIN_TWO.match(entry, at)
        name = match and parse_person_name(match.group())
        if not match or not name or not name.given or any(w in never_name_words() for w in match.group().split()):
            return 0
        return match.end()

    fields: list[Field] = []
    name_start, name_end = 0, name_at(0)
    while name_end:
        rest = entry[name_end:]
        post_start = name_end + len(rest) - len(rest.lstrip())
        # The next name is the first that a post stands before and that a post or nothing follows.
        following = next(((word.start(), end) for word in re.finditer(r"(?<=[ \u00a0])\S", entry)
                          if word.start() > post_start and (end := name_at(word.start()))
                          and looks_like_post(entry[post_start:word.start()])
                          and (not entry[end:].strip() or looks_like_post(entry[end:].strip()))), None)
        post_end = following[0] if following else len(entry)
        post = entry[post_start:post_end].rstrip()
        if not looks_like_post(post):
            return None
        fields.append(Field("person", entry[name_start:name_end], offset + name_start, offset + name_end))
        fields.append(Field("post", post, offset + post_start, offset + post_start + len(post)))
        name_start, name_end = following if following else (0, 0)
    return fields if len(fields) >= 4 else None


_SPACED_DASH = re.compile(r"[ \u00a0]+[-–—][ \u00a0]+")
_PLAIN_TWO = re.compile(rf"{_NAME_WORD}[ \u00a0]+{_NAME_WORD}")


def _leading_holder(segment: str) -> int:
    """Length of the name opening ``segment`` ("J Doe Director of Finance" → 5), or 0.

    The name is an honorific name, initials and a surname, or a forename and a surname; a
    third word only when the two would leave something that is no post and the three leave a
    post or nothing ("Nick Roe Policy Officer" is a two-word name before a post).
    """
    honoured = honorific_name_pattern().match(segment)
    if honoured and parse_person_name(honoured.group()):
        return honoured.end()
    # After a post and its dash, initials and a word are a name even where alone they might
    # not be ("ICT Officer – A Moe").
    initialled = _INITIALLED.match(segment)
    if initialled:
        return initialled.end()
    match = _PLAIN_TWO.match(segment)
    if match is None or parse_person_name(match.group()) is None:
        return 0
    rest = segment[match.end():].strip()
    third = re.match(rf"[ \u00a0]+{_NAME_WORD}(?![\w’'-])", segment[match.end():])
    if rest and not looks_like_post(rest) and third and third.group().strip() not in never_name_words():
        after = segment[match.end() + third.end():].strip(" \u00a0,")
        if not after or looks_like_post(after):
            return match.end() + third.end()
    return match.end()


def _trailing_holder(segment: str) -> int | None:
    """Where the name closing ``segment`` starts ("Chief Executive K Roe" → 16), or None.

    The name is an honorific name, initials and a surname, or a forename and a surname, and
    what comes before it must be a post.
    """
    body = segment.rstrip(" \u00a0,")
    candidates = [m.start() for m in honorific_name_pattern().finditer(body) if m.end() == len(body)
                  and parse_person_name(m.group())]
    initialled = re.search(rf"(?<=[ \u00a0]){_INITIALS}{{1,3}}{_NAME_WORD}$", body)
    if initialled:
        candidates.append(initialled.start())  # as in _leading_holder, "A Moe" too
    plain = re.search(rf"(?<=[ \u00a0]){_NAME_WORD}[ \u00a0]+{_NAME_WORD}$", body)
    if plain and parse_person_name(plain.group()) and not any(w in never_name_words() for w in plain.group().split()):
        candidates.append(plain.start())
    for at in candidates:
        if looks_like_post(body[:at]) and leading_person(body[:at]) is None:
            return at
    return None


def dashed_pairs(piece: str, offset: int = 0) -> list[Field] | None:
    """Officers listed as "Post – Name" or "Name – Post" pairs, run on with nothing between.

    "Chief Executive - J Doe Director of Finance – K Roe": each dash has a post before it and
    a name after it, and the text between two dashes is one name and the next post; "J Doe –
    Chief Executive K Roe – Director of Finance" the other way round.

    Parameters
    ----------
    piece : str
        One line (or semicolon piece) of an attendance list.
    offset : int
        Where ``piece`` starts in the document.

    Returns
    -------
    list of Field or None
        ``person`` then ``post`` for each pair; None when the piece is not in this layout (it
        opens with neither a post nor a name before a dash, or a name or post is missing
        between two dashes).

    Examples
    --------
    >>> pairs = dashed_pairs("Chief Executive - J Doe Director of Finance – Kay Roe")
    >>> [(f.name, f.value) for f in pairs]
    [('person', 'J Doe'), ('post', 'Chief Executive'), ('person', 'Kay Roe'), ('post', 'Director of Finance')]
    >>> [(f.name, f.value) for f in dashed_pairs("Mr J Doe – Chief Executive Kay Roe – Director")]
    [('person', 'Mr J Doe'), ('post', 'Chief Executive'), ('person', 'Kay Roe'), ('post', 'Director')]
    >>> dashed_pairs("Chief Executive – the report was noted") is None
    True
    """
    dashes = list(_SPACED_DASH.finditer(piece))
    if not dashes:
        return None
    lead = len(piece) - len(piece.lstrip(" \u00a0,"))
    first = piece[lead:dashes[0].start()]
    if _leading_holder(first) == len(first.rstrip(" \u00a0")):
        return _name_post_pairs(piece, offset, lead, dashes)
    if not looks_like_post(first) or leading_person(first) is not None:
        return None
    post_start, post_end = lead, dashes[0].start()
    fields: list[Field] = []
    for index, dash in enumerate(dashes):
        segment_end = dashes[index + 1].start() if index + 1 < len(dashes) else len(piece)
        segment = piece[dash.end():segment_end]
        length = _leading_holder(segment)
        if not length:
            return None
        rest = segment[length:]
        next_post = rest.strip(" \u00a0,")
        # Once the line has opened with a post, what stands between a name and the next dash is
        # the next post even where its words are no known post ("Democratic Services – A Lee").
        if index + 1 < len(dashes) and not (looks_like_post(next_post) or re.fullmatch(
                r"[A-Z][\w'’&-]*(?:[ \u00a0]+(?:[A-Z][\w'’&-]*|of|and|for|the|&)){0,7}", next_post)):
            return None
        fields.append(Field("person", segment[:length], offset + dash.end(), offset + dash.end() + length))
        fields.append(Field("post", piece[post_start:post_end], offset + post_start, offset + post_end))
        post_start = dash.end() + length + len(rest) - len(rest.lstrip(" \u00a0,"))
        post_end = post_start + len(next_post)
    return fields


def _name_post_pairs(piece: str, offset: int, lead: int, dashes: list[re.Match[str]]) -> list[Field] | None:
    """The "Name – Post" side of :func:`dashed_pairs`; the last post may name its organisation
    after a comma ("K Roe – Director, Harbour Trust")."""
    name_start, name_end = lead, len(piece[:dashes[0].start()].rstrip(" \u00a0"))
    fields: list[Field] = []
    for index, dash in enumerate(dashes):
        last = index + 1 == len(dashes)
        segment = piece[dash.end():len(piece) if last else dashes[index + 1].start()]
        at = len(segment.rstrip(" \u00a0,.;")) if last else _trailing_holder(segment)
        if at is None:
            return None
        post, org = segment[:at].rstrip(" \u00a0,"), None
        if last and "," in post:
            post, org = post.split(",", 1)
        if not looks_like_post(post):
            return None
        fields.append(Field("person", piece[name_start:name_end], offset + name_start, offset + name_end))
        fields.append(Field("post", post, offset + dash.end(), offset + dash.end() + len(post)))
        if org and is_org_like(org.strip()):
            org_start = dash.end() + len(post) + 1 + len(org) - len(org.lstrip())
            fields.append(Field("organisation", org.strip(), offset + org_start, offset + org_start + len(org.strip())))
        name_start = dash.end() + at
        name_end = dash.end() + len(segment.rstrip(" \u00a0,"))
    return fields


def _run_on_starts(piece: str) -> list[int]:
    """Where a new person starts inside a comma piece, run on from the last one's
    organisation ("…, Director of Housing, NIHE Ms Ann Kay, …", "…, XNPA Nick Roe, …"),
    post (when the next piece is a post again) or bracketed post.

    Examples
    --------
    >>> piece = "Mr Sam Lee, Director, NIHE Ms Ann Kay, Area Manager, NIHE"
    >>> [piece[a:] for a in _run_on_starts(piece)]
    ['Ms Ann Kay, Area Manager, NIHE']
    >>> piece = "Jane Doe (Clerk) Nick Roe (Finance Officer)"
    >>> [piece[a:] for a in _run_on_starts(piece)]
    ['Nick Roe (Finance Officer)']
    >>> piece = "Ann Lee, Chief Executive Officer Bo Chan, Director of Finance"
    >>> [piece[a:] for a in _run_on_starts(piece)]
    ['Bo Chan, Director of Finance']
    """
    starts = []
    segments = _split_top_level(piece)
    for position, (segment_offset, segment) in enumerate(segments):
        holder = honorific_name_pattern().search(segment, 1)
        at = holder.start() if holder else None
        if at is None:
            # A plain name closing the piece after an acronym or organisation.
            plain = re.search(rf"(?<=[ \u00a0]){_NAME_WORD}[ \u00a0]+{_NAME_WORD}$", segment)
            name = plain and parse_person_name(plain.group())
            at = plain.start() if plain and name and name.given and not any(
                w in never_name_words() for w in plain.group().split()) else None
        if at is not None:
            head = segment[:at].strip()
            if head and is_org_like(head):
                starts.append(segment_offset + at)
                continue
        # "Grant Roe, Chief Executive Officer Dana Vale, Director of Finance": a post, then the
        # next person, whose own post follows after the comma.
        following = segments[position + 1][1] if position + 1 < len(segments) else ""
        if position and looks_like_post(following):
            at = _trailing_holder(segment)
            if at:
                starts.append(segment_offset + at)
        # "Jane Doe (Clerk) Nick Roe (Finance Officer)": a bracket closes one person's entry.
        for close in re.finditer(r"\)[ \u00a0]+(?=[A-Z])", segment):
            following = leading_person(segment[close.end():])
            if following is not None and following.start == 0:
                starts.append(segment_offset + close.end())
    return sorted(starts)


def _person_groups(piece: str) -> list[tuple[int, int]]:
    """Spans of ``piece`` that each hold one person with their post and organisation.

    A comma-separated piece starts a new person when it is a name with an honorific, a name
    followed by a bracket, or a bare name after another bare name (a list of names).

    Examples
    --------
    >>> piece = "Ann Lee (Clerk), Bo Chan, Head of Legal, Harbour Trust, Inspector Kay Moss"
    >>> [piece[a:b] for a, b in _person_groups(piece)]
    ['Ann Lee (Clerk)', 'Bo Chan, Head of Legal, Harbour Trust', 'Inspector Kay Moss']
    """
    segments = _split_top_level(piece)
    if len(segments) < 2:
        return [(0, len(piece))]
    groups: list[list[int]] = []
    # Whether the current group is complete: a bare name, or a name with its post in brackets.
    complete = False
    for position, (offset, segment) in enumerate(segments):
        person = leading_person(segment)
        rest = segment[person.end:].strip() if person else segment
        bare = person is not None and not rest
        honoured = honorific_name_pattern().search(segment)
        # A bare name before a post is the next person ("…, Head of Planning, Bo Chan, Director").
        post_next = bare and position + 1 < len(segments) and looks_like_post(segments[position + 1][1]) \
            and not is_org_like(segment)
        starts = person is not None and (
            (honoured is not None and honoured.start() <= person.start) or rest.startswith("(")
            or (bare and complete) or post_next)
        # "Director of Finance (K Roe)": a post with its holder in brackets is a whole entry.
        paired = person is None and bool(_bracketed_pair(segment, 0))
        if starts or paired or not groups:
            groups.append([offset, offset + len(segment)])
            complete = paired or (person is not None and (bare or rest.startswith("(")))
        else:
            groups[-1][1] = offset + len(segment)
            complete = False
    return [(a, b) for a, b in groups]


@cache
def _plural_honorific_pattern() -> re.Pattern[str]:
    """A plural honorific shared by the names after it, with an optional dash or colon
    ("Aldermen – A Blair, B Cole", "Councillors: Gray, Hale", "Cllrs Ives and Jay")."""
    plurals = "|".join(re.escape(p) for p in sorted(plural_honorifics(), key=len, reverse=True))
    return re.compile(rf"(?P<plural>{plurals})\.?(?:[ \t\u00a0]*[-–—:][ \t\u00a0]*|[ \t\u00a0]+)")


#: One initialled name under a shared honorific: "G Hill", "A B Lowe", "M. McNabb".
_INITIALLED = re.compile(rf"{_INITIALS}{{1,3}}{_NAME_WORD}")
_RUN_SPACE = re.compile(r"[ \u00a0]+")


def _initialled_run(piece: str) -> list[tuple[int, int]]:
    """Spans of two or more initialled names run together without a comma ("G Hill H Ince").

    Examples
    --------
    >>> piece = "G Hill H Ince"
    >>> [piece[a:b] for a, b in _initialled_run(piece)]
    ['G Hill', 'H Ince']
    >>> _initialled_run("A B Lowe")
    []
    """
    spans, position = [], 0
    while position < len(piece):
        match = _INITIALLED.match(piece, position)
        if match is None:
            return []
        spans.append((match.start(), match.end()))
        gap = _RUN_SPACE.match(piece, match.end())
        position = gap.end() if gap else match.end()
        if gap is None and position < len(piece):
            return []
    return spans if len(spans) >= 2 else []


#: A surname prefix that never starts a forename: the word ends a name ("Willie MacKay").
_SURNAME_ONLY = re.compile(r"(?:Mc|Mac|O[’'])[A-Z]\w+|Mac[a-z]{4,}")


def flattened_names(piece: str) -> list[tuple[int, int]]:
    """Spans of plain names run together by a PDF's lost commas ("Peter Abel Eric Bain …").

    Each name is a forename, any middle initials and a surname (a capitalised particle such as
    "Mac" or "De" joined to it), or, where the words do not pair up, a forename and two more
    words. A word with a surname prefix ("MacKay", "O'Neill") ends a name. Of the divisions
    with the fewest three-word names, the names they all share are taken; a run of fewer than
    two names, or that holds a word that is never part of a name, is left alone.

    Examples
    --------
    >>> piece = "Peter Abel Eric J Bain Anne De Vere Willie MacKay"
    >>> [piece[a:b] for a, b in flattened_names(piece)]
    ['Peter Abel', 'Eric J Bain', 'Anne De Vere', 'Willie MacKay']
    >>> piece = "Peter Abel Anne Marie Maclean Robert Severn"
    >>> [piece[a:b] for a, b in flattened_names(piece)]
    ['Robert Severn']
    >>> flattened_names("Peter Abel Eric")
    []
    >>> piece = "P J Bateson J Campbell T J Catherwood"
    >>> [piece[a:b] for a, b in flattened_names(piece)]
    ['P J Bateson', 'J Campbell', 'T J Catherwood']
    """
    words = list(re.finditer(r"\S+", piece))
    if len(words) < 4 or honorific_name_pattern().search(piece):
        return []
    particles = set(load_cues("people")["words"]["capital_particles"])
    # Units: a name word (with a particle before it), or an initial.
    units: list[tuple[int, int, str]] = []
    index = 0
    while index < len(words):
        word = words[index].group()
        if re.fullmatch(r"[A-Z]\.?", word):
            units.append((index, index, "initial"))
        elif word in particles and index + 1 < len(words) and _NAME_WORD_RE.fullmatch(words[index + 1].group()):
            units.append((index, index + 1, "name"))
            index += 1
        elif _NAME_WORD_RE.fullmatch(word) and word not in never_name_words():
            units.append((index, index, "surname" if _SURNAME_ONLY.fullmatch(word) else "name"))
        else:
            return []
        index += 1

    def names_at(at: int) -> list[tuple[int, int, tuple[int, int]]]:
        """The names that can open at unit ``at``: (next unit, three-word count, span)."""
        if units[at][2] == "initial" and (at == 0 or units[at - 1][2] != "initial"):
            # Initials open a name and one surname ends it ("P J Bateson J Campbell").
            last = at
            while last < len(units) and units[last][2] == "initial":
                last += 1
            if last >= len(units) or units[last][2] == "initial":
                return []
            span = (words[units[at][0]].start(), words[units[last][1]].end())
            return [(last + 1, 0, span)] if parse_person_name(piece[span[0]:span[1]]) is not None else []
        if units[at][2] != "name":
            return []  # a name opens with its forename
        after = at + 1
        while after < len(units) and units[after][2] == "initial":
            after += 1
        found = []
        for size in (1, 2):  # surname words after the forename and initials
            last = after + size - 1
            if last >= len(units) or any(u[2] != "name" for u in units[after:last]) or units[last][2] == "initial":
                continue
            span = (words[units[at][0]].start(), words[units[last][1]].end())
            if parse_person_name(piece[span[0]:span[1]]) is not None:
                found.append((last + 1, size - 1, span))
        return found

    # Fewest three-word names to divide the units before (ahead) and after (behind) each
    # boundary, and in how many ways; a name is in every best division when the ways to reach
    # its start times the ways on from its end are all the best ways.
    edges = [names_at(at) for at in range(len(units))]
    infinite = len(units) + 1
    behind, behind_ways = [infinite] * len(units) + [0], [0] * len(units) + [1]
    for at in range(len(units) - 1, -1, -1):
        for following, cost, _ in edges[at]:
            total = cost + behind[following]
            if total < behind[at]:
                behind[at], behind_ways[at] = total, behind_ways[following]
            elif total == behind[at] < infinite:
                behind_ways[at] += behind_ways[following]
    if behind[0] >= infinite:
        return []
    ahead, ahead_ways = [0] + [infinite] * len(units), [1] + [0] * len(units)
    for at in range(len(units)):
        for following, cost, _ in edges[at]:
            total = ahead[at] + cost
            if total < ahead[following]:
                ahead[following], ahead_ways[following] = total, ahead_ways[at]
            elif total == ahead[following] < infinite:
                ahead_ways[following] += ahead_ways[at]
    certain = [span for at in range(len(units)) for following, cost, span in edges[at]
               if ahead[at] + cost + behind[following] == behind[0]
               and ahead_ways[at] * behind_ways[following] == behind_ways[0]]
    if any(span == (0, len(piece.rstrip())) for span in certain):
        return []  # one name of four words, no list
    return certain


def member_list(text: str, offset: int = 0, chair: bool = False) -> list[Field]:
    """Split a membership, presence or apologies list into ``member`` fields, flagging the chair.

    Besides the comma-and-"and" lists of :func:`loaders.structure.fields.name_list`, this reads
    a plural honorific shared out over the names after it, also behind a dash or colon
    ("Aldermen – A Blair, B Cole"); initialled names that lost their comma ("G Hill H Ince");
    plain names that lost every comma in a PDF ("Peter Abel Eric Bain"); one name per line; and
    a post with its holder in brackets ("Mayor (Councillor J Doe)").

    Parameters
    ----------
    text : str
        The list, without its label.
    offset : int
        Where ``text`` starts in the document.
    chair : bool
        Whether the label says the people listed chaired ("In the Chair:").

    Returns
    -------
    list of Field
        ``chair``, ``vice-chair`` or ``member`` fields; a value with a shared honorific names
        it ("Alderman T Blair") while the span covers the name as written.

    Examples
    --------
    >>> [(f.name, f.value) for f in member_list("Aldermen – T Blair and B Cole")]
    [('member', 'Alderman T Blair'), ('member', 'Alderman B Cole')]
    >>> [(f.name, f.value) for f in member_list("Mr M J Angell (Chairman), Mr G Cowan")]
    [('chair', 'Mr M J Angell'), ('member', 'Mr G Cowan')]
    """
    cues = load_cues("entities")["people"]
    vice = [re.compile(p, re.IGNORECASE) for p in cues["vice_chair_marks"]]
    chair_marks = [re.compile(p, re.IGNORECASE) for p in
                   (*cues["chair_marks"], *load_cues("structure")["minutes"]["chair_marks"])]
    singular = plural_honorifics()
    fields: list[Field] = []
    shared: str | None = None
    # " and " and ";" read as commas, and a new line as a new piece, keeping every offset.
    flat = re.sub(r"[ \u00a0]and[ \u00a0]", ",    ", text).replace(";", ",")
    for line_offset, line in text_lines(flat):
        for piece_offset, piece in _plural_pieces(line):
            start = offset + line_offset + piece_offset
            plural = _plural_honorific_pattern().match(piece)
            if plural:
                shared = singular[plural.group("plural")]
                piece, start = piece[plural.end():], start + plural.end()
            names = _piece_names(piece, start, shared)
            for position, person in enumerate(names):
                # The marks after a name, up to the next one: "(Chair)", "(In the Chair)".
                tail_end = names[position + 1].start - start if position + 1 < len(names) else len(piece)
                tail = piece[person.end - start:tail_end]
                role = "vice-chair" if any(p.search(tail) for p in vice) else \
                    "chair" if chair or any(p.search(tail) for p in chair_marks) else "member"
                fields.append(Field(role, person.value, person.start, person.end))
    return fields


def _plural_pieces(line: str) -> list[tuple[int, str]]:
    """The comma pieces of a list line, a piece also ending where a plural honorific starts
    the next group ("Councillor S Vale (Chair) Aldermen Hillis and Bo Quill").

    Examples
    --------
    >>> [piece for _, piece in _plural_pieces("Cllr S Vale (Chair) Aldermen Hillis, Quill Councillors Ames")]
    ['Cllr S Vale (Chair)', 'Aldermen Hillis', 'Quill', 'Councillors Ames']
    """
    pieces: list[tuple[int, str]] = []
    for piece_offset, piece in _split_top_level(line):
        cuts = [m.start() for m in _plural_honorific_pattern().finditer(piece, 1)
                if piece[m.start() - 1] in " \u00a0)" and piece[:m.start()].count("(") == piece[:m.start()].count(")")
                and re.match(r"[A-Z]", piece[m.end():m.end() + 1])]
        for a, b in pairwise([0, *cuts, len(piece)]):
            if piece[a:b].strip():
                pieces.append((piece_offset + a, piece[a:b].rstrip()))
    return pieces


def text_lines(text: str) -> list[tuple[int, str]]:
    """The lines of ``text``, each with where it starts.

    Examples
    --------
    >>> text_lines("Present:\\nAnn Lee")
    [(0, 'Present:'), (9, 'Ann Lee')]
    """
    lines, position = [], 0
    for line in text.split("\n"):
        lines.append((position, line))
        position += len(line) + 1
    return lines


def _with_honorific(shared: str | None, name: str) -> str:
    """A listed name with the honorific its group shares, or as written when the name parser
    reads only that as a name ("T Hill" for "Aldermen – T Hill": a weak honorific before a
    word that may be a place is no name to the parser).

    Examples
    --------
    >>> _with_honorific("Councillor", "G Hill"), _with_honorific(None, "Ann Vale")
    ('Councillor G Hill', 'Ann Vale')
    """
    if shared and (parse_person_name(f"{shared} {name}") or not parse_person_name(name)):
        return f"{shared} {name}"
    return name


def _piece_names(piece: str, start: int, shared: str | None) -> list[Field]:
    """The people of one piece of a list: one name, or several run together."""
    runs = _initialled_run(piece) if shared else flattened_names(piece)
    if runs:
        return [Field("person", _with_honorific(shared, piece[a:b]), start + a, start + b) for a, b in runs]
    person = leading_person(piece, start)
    if person is not None and shared and parse_person_name(person.value).honorific is None:
        # "Councillors: Ann Vale, Bo Quill": the shared honorific is part of each name.
        return [Field("person", f"{shared} {person.value}", person.start, person.end)]
    if person is None and shared:
        person = leading_person(f"{shared} {piece}", start - len(shared) - 1)
        if person is not None:
            return [Field("person", f"{shared} {piece[: person.end - start]}", start, person.end)]
        initialled = _INITIALLED.match(piece)
        if initialled and parse_person_name(initialled.group()):
            return [Field("person", initialled.group(), start, start + initialled.end())]
    if person is None:
        # "Mayor (Councillor J Doe)": a post, its holder in brackets.
        held = re.match(r"[A-Z][\w'’ -]{0,40}?\((?P<holder>[^()]+)\)", piece)
        holder = held and honorific_name_pattern().fullmatch(held.group("holder").strip())
        if held and holder:
            at = held.start("holder") + held.group("holder").index(holder.group())
            return [Field("person", holder.group(), start + at, start + at + len(holder.group()))]
        return []
    # "Cllr A Vale (Chair) Cllr B Quill": honorific names run on without a comma.
    after = re.match(r"[ \u00a0]*(?:\([^()]*\)[ \u00a0]*)?", piece[person.end - start:])
    rest_at = person.end - start + (after.end() if after else 0)
    if person.value.split()[0] in honorifics() and honorific_name_pattern().match(piece, rest_at):
        return [person, *_piece_names(piece[rest_at:], start + rest_at, shared)]
    return [person]


def _is_member_group(body: str) -> bool:
    """Whether a paragraph is a group of members under a plural honorific ("Councillors – E Fox,
    F Gray"), not a sentence about them ("Councillors Fox and Gray declared an interest").

    Examples
    --------
    >>> _is_member_group("Aldermen: Bly, Cole and Dunn"), _is_member_group("Councillors Fox and Gray left.")
    (True, False)
    """
    plural = _plural_honorific_pattern().match(body)
    if plural is None:
        return False
    words = re.findall(r"[^\W\d_][\w'’-]*", re.sub(r"\([^()]*\)", " ", body[plural.end():]))
    return bool(re.search(r"[-–—:]", plural.group())) or all(w[0].isupper() or w == "and" for w in words)


def _is_heading_like(body: str) -> bool:
    return len(body) < 100 and not re.search(r"[.!?]$", body.strip())


def refine_minutes(text: str, blocks: list[Block], title_start: int | None) -> list[Block]:
    """Type the blocks of a minutes part and attribute each to a speaker role.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        Generic blocks of the minutes part.
    title_start : int or None
        Offset of the part's title line ("Interview with …"), if any.

    Returns
    -------
    list of Block
    """
    witness_session = False
    section: str | None = None
    grouped: str | None = None  # the label of the list a paragraph of members may continue
    refined: list[Block] = []
    for block in blocks:
        body = text[block.start:block.end]
        if block.start == title_start or (block.kind == "heading" and _INTERVIEW.match(body)):
            interview = _INTERVIEW.match(body)
            fields: tuple[Field, ...] = ()
            if interview:
                fields = tuple(person_post_org(body[interview.end():], block.start + interview.end()))
                witness_session = any(f.name == "person" for f in fields)
            refined.append(dataclasses.replace(block, kind="title", fields=fields))
            continue
        if _LABEL.match(body.strip()):
            refined.append(dataclasses.replace(block, kind="label"))
            continue
        witnesses = None if block.kind != "paragraph" else first_match(
            compile_patterns("structure", "parts", "attending"), body)
        if witnesses:
            # "Witnesses: Ann Lee MP, Minister for X, and Bo Chan, Director, Y Office, gave evidence."
            found = witness_entries(text, block.start + witnesses.end(), block.end)
            if found:
                refined.append(dataclasses.replace(block, kind="attendance", fields=tuple(found)))
                section, grouped = None, None
                continue
        attendance = attendance_pattern().match(body)
        if attendance and block.kind in ("paragraph", "list-item"):
            label = attendance.group("label").lower()
            rest_start = block.start + attendance.end()
            if not text[rest_start:block.end].strip(" .:-–") and block.number is None:
                # A label on its own line: the rows below are the list.
                section = label
                refined.append(dataclasses.replace(block, kind="label"))
                continue
            found = _labelled_attendance(text, label, rest_start, block.end)
            if found and block.number is None:
                refined.append(dataclasses.replace(block, kind=_attendance_kind(label),
                                                   fields=tuple(found)))
                section = None
                # A group of members may follow in a paragraph of its own ("Councillors – …").
                grouped = label if _attendance_kind(label) != "attendance" else "present"
                continue
        if grouped and block.kind in ("paragraph", "list-item") and block.number is None \
                and _is_member_group(body):
            found = _attendance_fields(text, grouped, block.start, block.end)
            if found:
                refined.append(dataclasses.replace(block, kind=_attendance_kind(grouped), fields=tuple(found)))
                continue
        grouped = None
        if section and block.kind in ("paragraph", "list-item") and block.number is None:
            found = _attendance_fields(text, section, block.start, block.end)
            if found:
                refined.append(dataclasses.replace(block, kind=_attendance_kind(section),
                                                   fields=tuple(found)))
                continue
            if _is_heading_like(body) and len(body) < 40:
                refined.append(dataclasses.replace(block, kind="label"))  # a table's header row
                continue
        section = None
        refined.append(block)
    return _attribute(text, _promote_numbered_items(_merge_decision_lists(text, refined)),
                      witness_session)


_NEXT_WITNESS = re.compile(r"(?P<semicolon>[ \u00a0]*;[ \u00a0]*(?:and[ \u00a0]+)?)(?=[A-Z])"
                           r"|(?:,?[ \u00a0]+and[ \u00a0]+|,[ \u00a0]+)(?=[A-Z])")


@cache
def _post_after_nominals() -> re.Pattern[str]:
    """Post-nominals, then a comma and a post: " MP, Minister for …"."""
    nominals = "|".join(map(re.escape, suffixes()))
    return re.compile(rf"(?:[ \u00a0]+(?:{nominals})\b)*[ \u00a0]*,[ \u00a0]*(?P<post>[^,;]+)")


def _witness_starts(rest: str) -> bool:
    """Whether a witness starts ``rest``: a name, then its post after a comma, or nothing more
    ("and Bo Chan"); not "and North Africa, …" nor "and North Africa Directorate"."""
    person = leading_person(rest, 0)
    name = parse_person_name(person.value) if person is not None else None
    if name is None or not (name.honorific or name.initials or (
            name.given and common_given_name(name.given.split()[0]))):
        return False  # "… for Criminal Justice and Offender Management, Mr Peter Brook": no name
    after = rest[person.end:]
    post = _post_after_nominals().match(after)
    if post is not None and looks_like_post(post.group("post")):
        return True
    listed = re.match(r"(?:,|[ \u00a0]+and)[ \u00a0]+", after)  # "…, Joshua Rozenberg and Professor Alison Young"
    return not after.strip(" .") or (listed is not None and leading_person(after[listed.end():], 0) is not None)


def witness_entries(text: str, start: int, end: int) -> list[Field]:
    """The people of a witness line, each with their post and organisation.

    A transcript names its witnesses in one sentence: "Alistair Burt MP, Parliamentary
    Under-Secretary of State for the Middle East and North Africa, and Jon Davies, Additional
    Director, Foreign & Commonwealth Office, gave evidence." A witness starts after ";" or
    "and" where a personal name follows; each is read as "Name, Post, Organisation"
    (:func:`loaders.structure.fields.person_post_org`), so that "and North Africa" stays in the
    post it belongs to.

    Parameters
    ----------
    text : str
        The document's text.
    start, end : int
        Where the line's list runs (after its label).

    Returns
    -------
    list of Field
        ``person``, ``post`` and ``organisation`` fields, in order.

    Examples
    --------
    >>> line = "Ann Lee MP, Minister for Harbours and Coasts, and Bo Chan, Director, Tarn Office, gave evidence."
    >>> [(f.name, f.value) for f in witness_entries(line, 0, len(line))]
    [('person', 'Ann Lee'), ('post', 'Minister for Harbours and Coasts'), ('person', 'Bo Chan'), \
('post', 'Director'), ('organisation', 'Tarn Office')]
    """
    line = text[start:end]
    tail = re.search(r",?[ \u00a0]+(?:gave|give|giving)[ \u00a0]+evidence\.?\s*$|[.\s]+$", line)
    if tail:
        line = line[:tail.start()]
    # A semicolon parts witnesses whenever a name follows it; "and" or a comma only before a
    # name with its post after it, or a name that ends the line.
    separators = [m for m in _NEXT_WITNESS.finditer(line) if (
        leading_person(line[m.end():], 0) is not None if m.group("semicolon") else _witness_starts(line[m.end():]))]
    ends = [m.start() for m in separators] + [len(line)]
    bounds = list(zip([0] + [m.end() for m in separators], ends, strict=True))
    fields: list[Field] = []
    for piece_start, piece_end in bounds:
        piece = line[piece_start:piece_end]
        fields.extend(person_post_org(piece.rstrip(" ,;"), start + piece_start))
    return fields


def _attendance_kind(label: str) -> str:
    if label.startswith(("also", "in attendance", "officers")):
        return "attendance"
    return "apologies" if label.startswith(("apolog", "absent")) else "membership"


@cache
def _inline_attendance_pattern() -> re.Pattern[str]:
    """An attendance label with its colon inside a line, where a PDF ran one list into the
    next ("… Head of Corporate Services Apologies: Sally Dee")."""
    labels = "|".join(sorted(load_cues("structure")["minutes"]["attendance"], key=len, reverse=True))
    return re.compile(rf"(?<=\S[ \u00a0])(?-i:(?=[A-Z]))(?P<label>{labels})[ \u00a0]*:[ \u00a0]*", re.I)


def _labelled_attendance(text: str, label: str, start: int, end: int) -> list[Field]:
    """The fields of an attendance block whose later lines may start lists of their own
    ("Present: Cllrs A, B" then "In attendance: C (Clerk)" on the next line), or whose lists
    run on in one line with a label and colon between them.

    The block takes the kind of its first label; the people of a later "Apologies:" list in it
    get the field name that kind's facts pass over, so that they are named but never recorded
    as having attended.
    """
    kind = _attendance_kind(label)
    fields: list[Field] = []

    def segment(segment_label: str, segment_start: int, segment_end: int) -> None:
        found = _attendance_fields(text, segment_label, segment_start, segment_end)
        if _attendance_kind(segment_label) == "apologies" and kind != "apologies":
            absent = "member" if kind == "attendance" else "person"
            found = [dataclasses.replace(f, name=absent) if f.name in ("chair", "vice-chair", "member", "person")
                     else f for f in found]
        fields.extend(found)

    segment_start, position = start, start
    for line in text[start:end].split("\n"):
        following = attendance_pattern().match(line) if position > start else None
        if following:
            segment(label, segment_start, position - 1)
            label, segment_start = following.group("label").lower(), position + following.end()
        for inline in _inline_attendance_pattern().finditer(line, following.end() if following else 0):
            segment(label, segment_start, position + inline.start())
            label, segment_start = inline.group("label").lower(), position + inline.end()
        position += len(line) + 1
    segment(label, segment_start, end)
    return fields


def _attendance_fields(text: str, label: str, start: int, end: int) -> list[Field]:
    if _attendance_kind(label) == "attendance":
        return _attendance_entries(text, start, end)
    # "Apologies … from Cllr Quinlan and Cllr Rowe. Cllr Nash attended as substitute.":
    # the list ends with its sentence.
    stop = _SENTENCE_BREAK.search(text, start, end)
    return member_list(text[start:stop.start() if stop else end], start, chair=label == "in the chair")


def _merge_decision_lists(text: str, blocks: list[Block]) -> list[Block]:
    """Keep "RESOLVED: That" and its lettered or numbered limbs ("(a) the Cabinet be
    recommended …") together as one decision passage."""
    limb = re.compile(r"^\(?(?:[a-z]|[ivx]{1,4}|\d{1,2})[.)][\s\u00a0]")
    merged: list[Block] = []
    for block in blocks:
        previous = merged[-1] if merged else None
        if (previous is not None and previous.kind == "decision"
                and not re.search(r"[.!]$", text[previous.start:previous.end].rstrip())
                and block.kind in ("paragraph", "list-item", "numbered-paragraph")
                and (limb.match(text[block.start:block.end]) or block.kind == "list-item")):
            merged[-1] = dataclasses.replace(previous, end=block.end)
            continue
        merged.append(block)
    return merged


def _promote_numbered_items(blocks: list[Block]) -> list[Block]:
    """A numbered list item is a numbered paragraph (minute "45.") unless it continues an
    inline list inside the numbered paragraph before it (para 23's "2. Improve …")."""
    promoted: list[Block] = []
    parent_number: int | None = None
    for block in blocks:
        if block.kind == "numbered-paragraph" and block.number and block.number.isdigit():
            parent_number = int(block.number)
        elif block.kind == "list-item" and block.number and block.number.isdigit():
            number = int(block.number)
            if parent_number is None or number == parent_number + 1:
                block = dataclasses.replace(block, kind="numbered-paragraph")
                parent_number = number
        elif block.kind not in ("list-item",):
            parent_number = None if block.kind == "heading" else parent_number
        promoted.append(block)
    return promoted


def _attribute(text: str, blocks: list[Block], witness_session: bool) -> list[Block]:
    attributed: list[Block] = []
    last_question: int | None = None
    last_numbered: int | None = None
    current_item: int | None = None
    for block in blocks:
        index = len(attributed)
        body = text[block.body:block.end]
        if block.kind == "heading":
            current_item = None
        elif current_item is not None and block.item is None:
            block = dataclasses.replace(block, item=current_item)
        if block.kind == "numbered-paragraph":
            if _is_heading_like(body) and not witness_session:
                attributed.append(dataclasses.replace(block, kind="minute-item", item=None))
                last_numbered = None
                current_item = index
                continue
            last_numbered = index
            if is_narrative(body) or not witness_session:
                speaker = reported_speaker(body, block.body)
                fields = (*block.fields, speaker) if speaker else block.fields
                attributed.append(dataclasses.replace(block, role="narrative", fields=fields))
            else:
                attributed.append(dataclasses.replace(block, role="witness",
                                                      answers=last_question))
            continue
        if block.kind == "list-item" and last_numbered is not None and block.number:
            parent = attributed[last_numbered]
            attributed.append(dataclasses.replace(
                block, parent=last_numbered, role=parent.role, answers=parent.answers,
                number=f"{parent.number}.{block.number}"))
            continue
        if block.kind in ("paragraph", "list-item") and witness_session:
            kind, role = unnumbered_role(body)
            last_numbered = None
            if kind == "question":
                last_question = index
                attributed.append(dataclasses.replace(block, kind="question", role=role))
            elif kind == "continuation":
                attributed.append(dataclasses.replace(block, kind="paragraph", role=role,
                                                      answers=last_question))
            else:
                attributed.append(dataclasses.replace(block, kind="comment", role=role))
            continue
        if block.kind in ("paragraph", "decision") and not witness_session:
            speaker = reported_speaker(body, block.body)
            fields = (*block.fields, speaker) if speaker else block.fields
            attributed.append(dataclasses.replace(block, role="narrative", fields=fields))
            continue
        attributed.append(block)
    return attributed
