"""Decision notices, issue histories and votes, in any part.

ModernGov publishes decisions as lists (``mgDelegatedDecisions``, ``ieIssueDetails``): a line
"26/07/2024 - Title ref: 2910    Recommendations Approved", then "Decision Maker: …", "Made at
meeting: …", "Decision published: …", "Effective from: …", "Lead officer: …". Each such line
becomes its own block: the heading a ``decision-notice`` and each labelled line a
``notice-field`` whose typed fields say what the value is (a post or a committee deciding, the
officer to contact, the dates of publication), so that no finder reads "Decision Maker: Cabinet
Spokesperson Core Services" as a service. When every "Made at meeting" line names the same
meeting, that meeting is the page's (``committee-heading`` and ``meeting-header`` blocks).

Votes ("For: 10 Against: 2 Abstain: 1", with counts or names) become ``vote`` blocks;
declarations of interest and call-ins get fields saying who declared what about which item.
"""

from __future__ import annotations

import dataclasses
import re
from functools import cache

from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.structure.fields import looks_like_post, name_list, parse_date
from evidence_graph.loaders.structure.headers import names_a_body

_NOTICE = re.compile(
    r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})[ \t\u00a0]+[-–—][ \t\u00a0]+(?P<title>.+?)"
    r"(?:[ \t\u00a0]+ref:[ \t\u00a0]*(?P<ref>\d+))?(?:[ \t\u00a0]{2,}(?P<status>[A-Z][^\n]*))?$")
_MADE_AT = re.compile(r"^(?P<date>\d{1,2}/\d{1,2}/\d{4})[ \t\u00a0]+[-–—][ \t\u00a0]+(?P<meeting>.+)$")


@cache
def _labels() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = {label: name for label, name in load_cues("structure")["notices"]["labels"]}
    names = "|".join(re.escape(label) for label in sorted(pairs, key=len, reverse=True))
    return re.compile(rf"^(?P<label>{names})[ \t\u00a0]*:[ \t\u00a0]*(?P<value>.*)$", re.I), pairs


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in " \t\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0.":
        end -= 1
    return start, end


def notice_fields(text: str, start: int, end: int) -> tuple[str, list[Field]] | None:
    """Read one line of a decision notice: its kind (``decision-notice`` or ``notice-field``)
    and fields, or None when the line is neither.

    Examples
    --------
    >>> t = "26/07/2024 - Harbour Wall Repairs ref: 2910    Recommendations Approved"
    >>> kind, fs = notice_fields(t, 0, len(t))
    >>> kind, [(f.name, f.value) for f in fs]  # doctest: +NORMALIZE_WHITESPACE
    ('decision-notice', [('decision-date', '2024-07-26'), ('title', 'Harbour Wall Repairs'),
                         ('reference', '2910'), ('status', 'Recommendations Approved')])
    >>> t = "Decision Maker: Director of Place"
    >>> kind, fs = notice_fields(t, 0, len(t))
    >>> kind, [(f.name, f.value) for f in fs]
    ('notice-field', [('decision-maker', 'Director of Place'), ('post', 'Director of Place')])
    >>> t = "Made at meeting: 09/02/2024 - Harbour Board"
    >>> [(f.name, f.value) for f in notice_fields(t, 0, len(t))[1]]
    [('made-at', '09/02/2024 - Harbour Board'), ('date', '2024-02-09'), ('committee', 'Harbour Board')]
    """
    line = text[start:end]
    heading = _NOTICE.match(line)
    if heading:
        fields: list[Field] = []
        when = parse_date(heading.group("date"), start + heading.start("date"))
        if when:
            fields.append(Field("decision-date", when.value, when.start, when.end))
        for group, name in (("title", "title"), ("ref", "reference"), ("status", "status")):
            if heading.group(group):
                a, b = _strip(text, start + heading.start(group), start + heading.end(group))
                fields.append(Field(name, text[a:b], a, b))
        return "decision-notice", fields
    pattern, pairs = _labels()
    labelled = pattern.match(line)
    if labelled is None:
        return None
    name = pairs[labelled.group("label").lower()]
    a, b = _strip(text, start + labelled.start("value"), start + labelled.end("value"))
    value = text[a:b]
    fields = [Field(name, value, a, b)] if b > a else []
    if not value:
        return "notice-field", fields
    if name == "decision-maker":
        fields.extend(_decider(text, a, b))
    elif name == "made-at":
        made = _MADE_AT.match(value)
        if made:
            when = parse_date(made.group("date"), a + made.start("date"))
            if when:
                fields.append(when)
            fields.extend(_decider(text, a + made.start("meeting"), b))
    elif name in ("published", "effective", "decision-due", "call-in-deadline"):
        when = parse_date(value, a)
        if when:
            fields.append(Field(f"{name}-date", when.value, when.start, when.end))
    elif name == "contact":
        fields = [Field("contact", value, a, b)]
    return "notice-field", fields


def _decider(text: str, start: int, end: int) -> list[Field]:
    """A decision maker: a post ("Director of Place", "Cabinet Member for X") or a body."""
    prefix = re.match(load_cues("structure")["notices"]["decider_prefix"], text[start:end], re.I)
    if prefix:
        start += prefix.end()
    value = text[start:end]
    if looks_like_post(value) or re.match(load_cues("structure")["notices"]["member_posts"], value, re.I) or re.search(
            load_cues("structure")["notices"]["member_posts"] + "$", value, re.I):
        return [Field("post", value, start, end)]
    if names_a_body(value):
        from evidence_graph.loaders.finders.committees import (
            meeting_body_names,  # here: the finder imports the structure stage
        )
        return [Field("committee", name, start + at, start + at + len(name)) for at, name in meeting_body_names(value)]
    return []


@cache
def _vote_pattern() -> re.Pattern[str]:
    words = load_cues("structure")["votes"]
    sides = "|".join(f"(?P<{side}>{pattern})" for side, pattern in words.items())
    return re.compile(rf"(?:^|(?<=[\s,;.]))(?:{sides})[ \t\u00a0]*(?:\((?P<count>\d+)\))?[ \t\u00a0]*"
                      r"[:\-–][ \t\u00a0]*", re.I)


def vote_fields(text: str, start: int, end: int) -> list[Field]:
    """The sides of a recorded vote, with their counts or the members named.

    Examples
    --------
    >>> t = "For: 10 Against: 2 Abstain: 1"
    >>> [(f.name, f.value) for f in vote_fields(t, 0, len(t))]
    [('votes-for', '10'), ('votes-against', '2'), ('votes-abstain', '1')]
    >>> vote_fields("For the record, the vote was close.", 0, 35)
    []
    >>> t = "The vote was recorded as follows: For: 7 Against: 2"
    >>> [f.value for f in vote_fields(t, 0, len(t))]
    ['7', '2']
    """
    pattern = _vote_pattern()
    marks = list(pattern.finditer(text, start, end))
    sides = {next(k for k in ("for", "against", "abstain") if m.group(k)) for m in marks}
    if not {"for", "against"} <= sides:
        return []
    lead_in = text[start:marks[0].start()].rstrip(" \t\u00a0")
    if lead_in and not lead_in.endswith((":", "\n")):
        return []  # "voted for the motion against advice": prose, not a recorded vote
    fields: list[Field] = []
    for number, mark in enumerate(marks):
        side = next(k for k in ("for", "against", "abstain") if mark.group(k))
        stop = marks[number + 1].start() if number + 1 < len(marks) else end
        a, b = _strip(text, mark.end(), stop)
        while b > a and text[b - 1] in ",;":
            b -= 1
        value = mark.group("count") or text[a:b]
        fields.append(Field(f"votes-{side}", value, a, b))
        if not value.isdigit():
            fields.extend(dataclasses.replace(f, name="member") for f in name_list(text[a:b], a))
    return fields


def _lines(text: str, block: Block) -> list[tuple[int, int]]:
    spans, offset = [], block.start
    for line in text[block.start:block.end].split("\n"):
        a, b = _strip(text, offset, offset + len(line))
        if b > a:
            spans.append((a, b))
        offset += len(line) + 1
    return spans


def mark_notices(text: str, blocks: list[Block]) -> list[Block]:
    """Type decision-notice lines and votes among a part's blocks.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        The part's blocks (after the furniture and header passes).

    Returns
    -------
    list of Block

    Examples
    --------
    >>> from evidence_graph.loaders.blocks import Block
    >>> t = "Decision Maker: Harbour Board\\nDecision published: 13/02/2024"
    >>> [(b.kind, t[b.start:b.end]) for b in mark_notices(t, [Block("paragraph", 0, len(t), 0)])]
    [('notice-field', 'Decision Maker: Harbour Board'), ('notice-field', 'Decision published: 13/02/2024')]
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind not in ("paragraph", "list-item", "numbered-paragraph", "decision"):
            out.append(block)
            continue
        body = text[block.body:block.end]
        votes = vote_fields(text, block.body, block.end) if len(body) < 600 else []
        if votes:
            out.append(dataclasses.replace(block, kind="vote", fields=(*block.fields, *votes)))
            continue
        lines = _lines(text, block)
        read = [notice_fields(text, a, b) for a, b in lines]
        if not any(read):
            out.append(block)
            continue
        pending: list[tuple[int, int]] = []
        for (a, b), found in zip(lines, read, strict=True):
            if found is None:
                pending.append((a, b))
                continue
            if pending:
                out.append(dataclasses.replace(block, start=pending[0][0], end=pending[-1][1], body_start=-1,
                                               number=None, fields=(), lead=None))
                pending = []
            kind, fields = found
            out.append(dataclasses.replace(block, kind=kind, start=a, end=b, body_start=-1, number=None,
                                           fields=tuple(fields), lead=None))
        if pending:
            out.append(dataclasses.replace(block, start=pending[0][0], end=pending[-1][1], body_start=-1,
                                           number=None, fields=(), lead=None))
    return _one_meeting(text, out)


def _one_meeting(text: str, blocks: list[Block]) -> list[Block]:
    """When every "Made at meeting" line names one meeting, it is the page's meeting."""
    made = [(i, b) for i, b in enumerate(blocks) if b.kind == "notice-field" and b.field("made-at")]
    meetings = {(b.field("date").value if b.field("date") else None,
                 b.field("committee").value if b.field("committee") else None) for _, b in made}
    if len(meetings) != 1 or None in next(iter(meetings)):
        return blocks
    index, block = made[0]
    date, committee = block.field("date"), block.field("committee")
    assert date is not None and committee is not None
    header = [dataclasses.replace(block, kind="meeting-header", start=date.start, end=date.end, fields=(date,)),
              dataclasses.replace(block, kind="committee-heading", start=committee.start, end=committee.end,
                                  fields=(committee,))]
    return blocks[:index] + header + blocks[index + 1:]


_DECLARED = re.compile(
    r"(?P<who>[^.;:]{2,80}?)[ \u00a0]+declared[ \u00a0]+(?:(?:an?|the|their|his|her)[ \u00a0]+)?"
    r"(?P<what>[^.;]{0,60}?\binterests?\b)")
_QUOTED_ITEM = re.compile(r"\bitems?[ \u00a0]+(?:[\w./–-]+[ \u00a0]+)?[“\"‘'](?P<item>[^”\"’']{3,120})[”\"’']")
_CALL_IN = re.compile(r"\bcall(?:ed)?[- ]in\b", re.I)


def declaration_fields(text: str, start: int, end: int) -> list[Field]:
    """A declaration of interest: who declared, what interest, and the items it concerns.

    The quoted item titles are agenda items referred to, not things the declaration names
    (``item`` fields, which finders can leave alone).

    Examples
    --------
    >>> t = "Councillor Ivo Marchetti declared an interest in relation to the item “Harbour Wall Report”."
    >>> [(f.name, f.value) for f in declaration_fields(t, 0, len(t))]
    [('declarant', 'Councillor Ivo Marchetti'), ('interest', 'interest'), ('item', 'Harbour Wall Report')]
    """
    match = _DECLARED.match(text, start, end)
    if match is None:
        return []
    who = match.group("who").strip()
    fields = [Field("declarant", who, match.start("who"), match.start("who") + len(who)),
              Field("interest", match.group("what").strip(), match.end("what") - len(match.group("what").strip()),
                    match.end("what"))]
    fields.extend(Field("item", m.group("item"), m.start("item"), m.end("item"))
                  for m in _QUOTED_ITEM.finditer(text, match.end(), end))
    return fields


def mark_declarations(text: str, blocks: list[Block]) -> list[Block]:
    """Add declaration-of-interest and call-in fields to the blocks that record them.

    The block keeps its kind (a minute is still a minute): the fields say what it records.

    Examples
    --------
    >>> t = "The decision was called in by three members."
    >>> [f.name for f in mark_declarations(t, [Block("paragraph", 0, len(t), 0)])[0].fields]
    ['call-in']
    """
    out: list[Block] = []
    for block in blocks:
        if block.kind not in ("paragraph", "list-item", "numbered-paragraph", "decision"):
            out.append(block)
            continue
        found = declaration_fields(text, block.body, block.end)
        call_in = _CALL_IN.search(text, block.body, block.end)
        if call_in:
            found.append(Field("call-in", call_in.group(), call_in.start(), call_in.end()))
        out.append(dataclasses.replace(block, fields=(*block.fields, *found)) if found else block)
    return out
