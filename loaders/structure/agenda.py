"""Agenda: meeting header (committee, date, time, venue, contact), membership, items, signature."""

from __future__ import annotations

import dataclasses
import re

from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.structure.fields import (
    find_date,
    find_time,
    is_org_like,
    leading_person,
    looks_like_post,
    name_list,
    parse_date,
    person_post_org,
)
from evidence_graph.loaders.structure.segment import split_columns

_MEMBERSHIP_HEADING = re.compile(r"^(membership|members|present|committee members)\b", re.I)
_LABELS = {"ask for": "contact", "contact": "contact", "contact officer": "contact",
           "enquiries to": "contact", "telephone": "telephone", "tel": "telephone",
           "email": "email", "e-mail": "email", "venue": "venue", "place": "venue",
           "date": "date", "time": "time"}
_ITEM = re.compile(r"^(?P<number>\d{1,3})[.):]?[\s\u00a0]+")
_ITEM_TIME = re.compile(r"^\**(?P<time>\d{1,2}(?:[.:]\d{2})?[ \u00a0]*(?:[ap]\.?m\.?)?)\**"
                        r"[\s\u00a0]*[-–—:]?[\s\u00a0]*", re.I)
_PAGES = re.compile(r"[\s\u00a0]*\((?:Pages?|pp?\.?)[\s\u00a0]*(\d+)(?:[\s\u00a0]*[-–][\s\u00a0]*(\d+))?\)",
                    re.I)


def header_fields(text: str, start: int, end: int) -> list[Field]:
    """Read the two-column header lines of an agenda (date, venue, "Ask for:", telephone).

    Examples
    --------
    >>> t = "Thursday, 30th January, 2014, at 10.00 am      Ask for:      Denise Fitch"
    >>> [(f.name, f.value) for f in header_fields(t, 0, len(t))]
    [('date', '2014-01-30'), ('time', '10:00'), ('contact', 'Denise Fitch')]
    """
    fields: list[Field] = []
    pending_label: str | None = None
    line_start = start
    for line in text[start:end].split("\n"):
        for offset, cell in split_columns(line):
            cell_start = line_start + offset
            bare = cell.strip("*_ ").rstrip(":").strip()
            label = _LABELS.get(bare.lower())
            if label is None and ":" in cell:
                head, _, tail = cell.partition(":")
                label_inline = _LABELS.get(head.strip("*_ ").lower())
                # "**Date:** TBC": the bold closing the label is not part of the value.
                value = tail.strip(" \u00a0*_")
                if label_inline and value:
                    vstart = cell_start + cell.index(value, len(head))
                    fields.extend(labelled_fields(label_inline, value, vstart))
                    continue
            if label is not None:
                pending_label = label
                continue
            if pending_label is not None:
                fields.extend(labelled_fields(pending_label, cell, cell_start))
                pending_label = None
                continue
            when = find_date(cell, cell_start)
            if when:
                fields.append(when)
                clock = find_time(cell[when.end - cell_start:], when.end)
                if clock:
                    fields.append(clock)
                continue
            if cell.startswith(("*", "(")):
                continue
            fields.append(Field("venue", cell.rstrip(","), cell_start,
                                cell_start + len(cell.rstrip(","))))
        line_start += len(line) + 1
    return fields


def labelled_fields(label: str, value: str, start: int) -> list[Field]:
    """The fields of one labelled header value ("Date: 30/01/2014", "Time: 10am").

    A date is read in any usual form into ISO 8601, with a time written after it; a date
    that cannot be read ("TBC") is kept as ``date-text``, never as a date. A time that
    cannot be read is dropped.

    Examples
    --------
    >>> [(f.name, f.value) for f in labelled_fields("date", "Thursday 30/01/2014 at 7pm", 0)]
    [('date', '2014-01-30'), ('time', '19:00')]
    >>> [(f.name, f.value) for f in labelled_fields("date", "TBC", 6)]
    [('date-text', 'TBC')]
    >>> labelled_fields("time", "to be confirmed", 0), labelled_fields("venue", "Room 1", 0)[0].value
    ([], 'Room 1')
    """
    end = start + len(value)
    if label == "date":
        when = parse_date(value, start)
        if when is None:
            return [Field("date-text", value, start, end)]
        clock = find_time(value[when.end - start:], when.end)
        return [when, clock] if clock else [when]
    if label == "time":
        clock = find_time(value, start)
        return [clock] if clock else []
    if label == "contact":
        # "Ann Lee Democratic Services Officer", "Ann Lee, 01234 567890": the person alone.
        person = leading_person(value, start)
        return [Field("contact", person.value, person.start, person.end)] if person else []
    return [Field(label, value, start, end)]


def item_fields(text: str, start: int, end: int, number: str | None) -> tuple[str | None, int,
                                                                             list[Field]]:
    """Read an agenda item line: number, time, title, pages and any witness.

    Returns
    -------
    tuple
        The item number, where its title starts, and its fields.

    Examples
    --------
    >>> t = "3      **10.00am** - Peter Heckel, Director, Project Salus (Pages 7 - 10)"
    >>> n, _, fs = item_fields(t, 0, len(t), None)
    >>> n, [(f.name, f.value) for f in fs]  # doctest: +NORMALIZE_WHITESPACE
    ('3', [('time', '10:00'), ('pages', '7-10'), ('title', 'Peter Heckel, Director, Project Salus'),
           ('person', 'Peter Heckel'), ('post', 'Director'), ('organisation', 'Project Salus')])
    """
    body = text[start:end]
    pos = 0
    match = _ITEM.match(body)
    if match:
        number, pos = match.group("number"), match.end()
    fields: list[Field] = []
    timed = _ITEM_TIME.match(body[pos:])
    if timed and find_time(timed.group("time")):
        clock = find_time(timed.group("time"), start + pos + timed.start("time"))
        assert clock is not None
        fields.append(clock)
        pos += timed.end()
    title_end = len(body)
    pages = _PAGES.search(body, pos)
    if pages:
        value = pages.group(1) + (f"-{pages.group(2)}" if pages.group(2) else "")
        fields.append(Field("pages", value, start + pages.start() + 1, start + pages.end()))
        title_end = pages.start()
    title = body[pos:title_end].strip()
    title_start = start + pos + (len(body[pos:title_end]) - len(body[pos:title_end].lstrip()))
    if title:
        fields.append(Field("title", title, title_start, title_start + len(title)))
        if timed or "," in title:
            fields.extend(person_post_org(title, title_start))
    return number, title_start, fields


def signature_fields(text: str, start: int, end: int) -> list[Field]:
    """Read a signature block: name line, post line, then unit, phone or date lines.

    Examples
    --------
    >>> t = "Peter Sass  \\nHead of Democratic Services  \\n(01622) 694002"
    >>> [(f.name, f.value) for f in signature_fields(t, 0, len(t))]
    [('person', 'Peter Sass'), ('post', 'Head of Democratic Services'), ('telephone', '(01622) 694002')]
    >>> t = "Jo Bloggs\\nChief Executive\\nHarbour Food Trust\\nTel: 01234 567890"
    >>> [(f.name, f.value) for f in signature_fields(t, 0, len(t))][2:]
    [('organisation', 'Harbour Food Trust'), ('telephone', '01234 567890')]
    """
    lines: list[tuple[int, str]] = []
    offset = start
    for line in text[start:end].split("\n"):
        stripped = line.strip().strip("*_").strip()
        if stripped:
            lines.append((offset + line.index(stripped), stripped))
        offset += len(line) + 1
    if len(lines) < 2:
        return []
    person = leading_person(lines[0][1], lines[0][0])
    if person is None or person.end - lines[0][0] < len(lines[0][1]) - 1:
        return []
    if not looks_like_post(lines[1][1]):
        return []
    fields = [person, Field("post", lines[1][1], lines[1][0], lines[1][0] + len(lines[1][1]))]
    for line_start, line in lines[2:]:
        # "Telephone: 01632 960123", "Email: …": the label is not part of the value.
        label = re.match(r"(?:tel(?:ephone)?|phone|mobile|direct line|e-?mail)\.?\s*:?\s*", line, re.I)
        if label and label.end() < len(line):
            line_start, line = line_start + label.end(), line[label.end():]
        when = find_date(line, line_start)
        if when:
            fields.append(when)
        elif re.fullmatch(r"[()\d\s+-]{7,}", line):
            fields.append(Field("telephone", line, line_start, line_start + len(line)))
        elif "@" in line:
            fields.append(Field("email", line, line_start, line_start + len(line)))
        elif is_org_like(line):
            fields.append(Field("organisation", line, line_start, line_start + len(line)))
        elif re.match(r"[A-Z]", line):
            fields.append(Field("unit", line, line_start, line_start + len(line)))
    return fields


def refine_agenda(text: str, blocks: list[Block]) -> list[Block]:
    """Turn generic blocks of an agenda part into header, membership, item and signature blocks.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        From :func:`loaders.structure.generic.generic_blocks` for the agenda part.

    Returns
    -------
    list of Block
    """
    refined: list[Block] = []
    in_header, after_membership, committee_seen = True, False, False
    for block in blocks:
        body = text[block.start:block.end]
        if block.kind == "heading":
            if _MEMBERSHIP_HEADING.match(body):
                in_header, after_membership = False, True
            elif in_header and not committee_seen and body.strip().lower() != "agenda":
                committee_seen = True
                block = dataclasses.replace(block, kind="committee-heading", fields=(
                    Field("committee", body.strip(), block.start, block.end),))
            elif not in_header:
                after_membership = False
            refined.append(block)
            continue
        if after_membership and block.kind == "paragraph":
            members = name_list(body, block.start)
            if members:
                refined.append(dataclasses.replace(block, kind="membership",
                                                   fields=tuple(members)))
                after_membership = False
                continue
        if block.kind in ("list-item", "numbered-paragraph") and (
                block.number or _ITEM.match(body)):
            in_header = False
            number, title_start, fields = item_fields(text, block.start, block.end, block.number)
            refined.append(dataclasses.replace(block, kind="agenda-item", number=number,
                                               body_start=title_start, fields=tuple(fields)))
            continue
        signature = signature_fields(text, block.start, block.end)
        if signature:
            refined.append(dataclasses.replace(block, kind="signature", fields=tuple(signature)))
            continue
        if in_header and block.kind == "paragraph":
            fields = header_fields(text, block.start, block.end)
            if any(f.name in ("date", "date-text", "contact", "venue", "telephone") for f in fields):
                refined.append(dataclasses.replace(block, kind="meeting-header",
                                                   fields=tuple(fields)))
                continue
        refined.append(block)
    return refined
