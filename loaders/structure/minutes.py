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

from loaders.blocks import Block, Field
from loaders.cues import compile_patterns, first_match, load_cues
from loaders.names import honorific_name_pattern
from loaders.structure.fields import name_list, person_post_org

_QUOTED = re.compile(r"[‘“\"'][^‘’“”\"']{1,200}[’”\"']")
_LABEL = re.compile(r"^(agenda item|minutes|supporting documents|decision|documents?)\s*:?$",
                    re.I)
_ATTENDANCE = re.compile(r"^(?P<label>present|members present|also present|in attendance|"
                         r"officers( present)?|apologies(?: for absence)?(?: were received from)?|"
                         r"substitutes?)\b[^:\n]{0,40}[:\-–]?[\s\u00a0]*", re.I)
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

    Examples
    --------
    >>> reported_speaker("Cllr Jones asked whether the figure was right.", 0)
    Field(name='speaker', value='Cllr Jones', start=0, end=10)
    """
    verbs = "|".join(load_cues("entities")["people"]["speech_verbs"])
    match = honorific_name_pattern().match(text)
    if match and re.match(rf"[\s\u00a0]+(?:{verbs})\b", text[match.end():]):
        return Field("speaker", match.group(), offset + match.start(), offset + match.end())
    return None


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
        attendance = _ATTENDANCE.match(body)
        if attendance and block.kind in ("paragraph", "list-item"):
            label = attendance.group("label").lower()
            rest_start = block.start + attendance.end()
            rest = text[rest_start:block.end]
            if label.startswith(("also", "in attendance", "officers")):
                entries = []
                offset = 0
                for piece in re.split(r"[;\n]", rest):
                    entries.extend(person_post_org(piece.strip(" ,."),
                                                   rest_start + offset + len(piece) - len(piece.lstrip(" ,."))))
                    offset += len(piece) + 1
                kind = "attendance"
                found = entries
            else:
                found = name_list(rest, rest_start)
                kind = "apologies" if label.startswith("apolog") else "membership"
            if found:
                refined.append(dataclasses.replace(block, kind=kind, fields=tuple(found)))
                continue
        refined.append(block)
    return _attribute(text, _promote_numbered_items(refined), witness_session)


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
    for block in blocks:
        index = len(attributed)
        body = text[block.body:block.end]
        if block.kind == "numbered-paragraph":
            if _is_heading_like(body) and not witness_session:
                attributed.append(dataclasses.replace(block, kind="minute-item"))
                last_numbered = None
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
