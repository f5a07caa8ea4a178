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
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from loaders.blocks import Block, Field
from loaders.cues import compile_patterns, first_match, load_cues
from loaders.names import honorific_name_pattern
from loaders.structure.fields import (
    _split_top_level,
    is_org_like,
    leading_person,
    looks_like_post,
    name_list,
    person_post_org,
)
from loaders.structure.segment import split_columns

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
        return person_post_org(line.strip(" ,.;"), start + len(line) - len(line.lstrip(" ,.;")))
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


def _attendance_entries(text: str, start: int, end: int) -> list[Field]:
    """People, posts and organisations of an "In attendance:" or "Officers:" list.

    Entries are split on semicolons and lines, and on commas where the next piece starts a
    new person ("A Lee (Clerk), B Chan (Chief Executive), Inspector C Dee").
    """
    entries: list[Field] = []
    offset = start
    for piece in re.split(r"[;\n]", text[start:end]):
        for group_start, group_end in _person_groups(piece):
            entries.extend(attendance_row(text, offset + group_start, offset + group_end))
        offset += len(piece) + 1
    return entries


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
    for offset, segment in segments:
        person = leading_person(segment)
        rest = segment[person.end:].strip() if person else segment
        bare = person is not None and not rest
        honoured = honorific_name_pattern().search(segment)
        starts = person is not None and (
            (honoured is not None and honoured.start() <= person.start) or rest.startswith("(")
            or (bare and complete))
        if starts or not groups:
            groups.append([offset, offset + len(segment)])
            complete = person is not None and (bare or rest.startswith("("))
        else:
            groups[-1][1] = offset + len(segment)
            complete = False
    return [(a, b) for a, b in groups]


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
                continue
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


def _attendance_kind(label: str) -> str:
    if label.startswith(("also", "in attendance", "officers")):
        return "attendance"
    return "apologies" if label.startswith(("apolog", "absent")) else "membership"


def _labelled_attendance(text: str, label: str, start: int, end: int) -> list[Field]:
    """The fields of an attendance block whose later lines may start lists of their own
    ("Present: Cllrs A, B" then "In attendance: C (Clerk)" on the next line)."""
    fields: list[Field] = []
    segment_start, position = start, start
    for line in text[start:end].split("\n"):
        following = attendance_pattern().match(line) if position > start else None
        if following:
            fields.extend(_attendance_fields(text, label, segment_start, position - 1))
            label, segment_start = following.group("label").lower(), position + following.end()
        position += len(line) + 1
    fields.extend(_attendance_fields(text, label, segment_start, end))
    return fields


def _attendance_fields(text: str, label: str, start: int, end: int) -> list[Field]:
    if _attendance_kind(label) == "attendance":
        return _attendance_entries(text, start, end)
    # "Apologies … from Cllr Quinlan and Cllr Rowe. Cllr Nash attended as substitute.":
    # the list ends with its sentence.
    stop = _SENTENCE_BREAK.search(text, start, end)
    return name_list(text[start:stop.start() if stop else end], start)


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
