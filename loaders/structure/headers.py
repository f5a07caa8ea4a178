"""Meeting headers in the common styles, read from the opening blocks of any part.

ModernGov ("Council - Wednesday, 20th January, 2010 2.00 pm", "Venue: …", "Contact: …"),
minutes titles ("MINUTES of the meeting of X held on …", Scottish "Minute of Meeting of …",
"At a MEETING of X held at …"), parliamentary transcripts ("Taken before the X on …", "X -
Minutes of Evidence") and NI Assembly "Minutes of Proceedings". Each header becomes a
``meeting-header`` block whose fields name the meeting body (``committee``), its ``date``,
``time``, ``venue`` and ``contact``, so that the context reads the meeting from the header and
not from some date in the text.

Only the blocks before a part's first item are read: "to confirm the minutes of the meeting
held on 18 November" inside an item is another meeting's date, never this one's.
"""

from __future__ import annotations

import dataclasses
import re
from datetime import date
from functools import cache

from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.cues import compile_patterns, load_cues
from evidence_graph.loaders.structure.fields import find_date, find_time, leading_person, looks_like_post, parse_date
from evidence_graph.loaders.structure.furniture import FURNITURE, furniture_tail, is_furniture

#: At most this many blocks open a part (the header zone), whatever comes first.
HEADER_ZONE = 16
#: A meeting's title is among the first this many blocks of its part.
TITLE_ZONE = 8
#: A block longer than this is not a header by itself: a header at its start is split off.
HEADER_MAX = 320

_FIRST_ITEM_KINDS = frozenset({"numbered-paragraph", "decision"})
_ITEM_LABEL = re.compile(r"^(?:minutes|decision|cofnod|penderfyniad)\s*:?$", re.I)


@cache
def _label_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    pairs = {label: field for label, field in load_cues("structure")["headers"]["labels"]}
    names = "|".join(re.escape(label) for label in sorted(pairs, key=len, reverse=True))
    return re.compile(rf"^[*_]*(?P<label>{names})[*_]*[ \t\u00a0]*:[*_]*[ \t\u00a0]*(?P<value>\S.*)$",
                      re.I), pairs


def clean_committee(name: str) -> str | None:
    """The meeting body's name from a title: without "Annual General Meeting," or "Agenda".

    Examples
    --------
    >>> clean_committee("Annual General Meeting, Council")
    'Council'
    >>> clean_committee("Glasgow City Council Agenda")  # a meeting of the whole council
    'Council'
    >>> clean_committee("Minutes of Proceedings") is None
    True
    >>> clean_committee("the Harbour Panel")
    'Harbour Panel'
    >>> clean_committee("Wexcombe Borough Council"), clean_committee("Full Council")
    ('Council', 'Council')
    >>> clean_committee("to confirm") is None
    True
    >>> clean_committee("Moved from 9th October 2018, Cabinet")  # a notice of a moved meeting
    'Cabinet'
    """
    cues = load_cues("structure")["headers"]
    value = re.sub(cues["committee_prefix"], "", name.strip(), flags=re.I)
    value = re.sub(cues["committee_suffix"], "", value, flags=re.I).strip(" ,.;:")
    if (not value or not value[0].isupper() or len(value) > 120 or "http" in value
            or re.fullmatch(cues["not_committee"], value, re.I)):
        return None
    if re.fullmatch(cues["full_council"], value):
        # A meeting of the whole council: its body is "Council" (the authority is named apart).
        return "Council"
    return value


def welsh_date(text: str, offset: int = 0) -> Field | None:
    """A date written in Welsh ("Dydd Iau, 12fed Mawrth, 2026").

    Examples
    --------
    >>> welsh_date("Dydd Iau, 12fed Mawrth, 2026 10.00 yb").value
    '2026-03-12'
    """
    months = load_cues("structure")["language"]["welsh_months"]
    match = re.search(rf"\b(\d{{1,2}})(?:af|ail|ydd|edd|ed|fed|eg|ain)?[ \u00a0]+({'|'.join(months)}),?[ \u00a0]+"
                      r"((?:19|20)\d\d)\b", text, re.I)
    if match is None:
        return None
    try:
        value = date(int(match.group(3)), months.index(match.group(2).lower()) + 1, int(match.group(1)))
    except ValueError:
        return None
    return Field("date", value.isoformat(), offset + match.start(), offset + match.end())


def _date_fields(text: str, offset: int) -> list[Field]:
    """The date (and a time written after it) at the start of ``text``, if it states one."""
    when = find_date(text, offset)
    if when is None:
        when = welsh_date(text, offset)
    if when is None or when.start - offset > 14:
        numeric = parse_date(text.strip(" ,.:"), offset + len(text) - len(text.lstrip(" ,.:")))
        if numeric is None or numeric.start - offset > 14:
            return []
        when = numeric
    clock = find_time(text[when.end - offset:][:24], when.end)
    return [when, clock] if clock else [when]


def _field(name: str, text: str, start: int, end: int) -> Field | None:
    while start < end and text[start] in " \t\u00a0*_,":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0*_,.":
        end -= 1
    return Field(name, text[start:end], start, end) if end > start else None


_POST_DASH_NAME = re.compile(r"(?P<post>[A-Z][^,;:()|/–—]{2,80}?)[ \u00a0]+[-–—][ \u00a0]*(?=\S)")
_CONTACT_SLASH = re.compile(r"[ \u00a0]*/[ \u00a0]*")


def _contact_people(value: str, start: int) -> list[Field]:
    """The contacts of a header's "Contact" value when it holds more than a name at its start:
    a post and a dash before the name ("-Head of Resource Management - Karen Neath", after a
    ":-" label), or two names joined by a slash ("Lara Knight / Michelle Salmon, Governance").
    Empty when the value is none of these (the caller reads it as before).

    Examples
    --------
    >>> [f.value for f in _contact_people("-Head of Audit - Ann Lee, Tel: 01234 567890", 0)]
    ['Ann Lee']
    >>> [f.value for f in _contact_people("Ann Lee / Bo Chan, Democratic Services", 0)]
    ['Ann Lee', 'Bo Chan']
    >>> _contact_people("Ann Lee, Democratic Services", 0)
    []
    """
    at = len(value) - len(value.lstrip(" \t\u00a0-"))  # the dash of a ":-" label
    post = _POST_DASH_NAME.match(value, at)
    if post and looks_like_post(post.group("post")):
        person = leading_person(value[post.end():], start + post.end())
        return [dataclasses.replace(person, name="contact")] if person else []
    first = leading_person(value[at:], start + at)
    if first is None:
        return []
    slash = _CONTACT_SLASH.match(value, first.end - start)
    if slash is None:
        return []
    second = leading_person(value[slash.end():], start + slash.end())
    if second is None:
        return []
    return [dataclasses.replace(first, name="contact"), dataclasses.replace(second, name="contact")]


def labelled_header(text: str, start: int, end: int) -> list[Field]:
    """Fields of "Venue: …", "Contact: …", "Date: …" lines (English and Welsh labels).

    Examples
    --------
    >>> t = "Venue: Council Chamber - Civic Centre. View directions"
    >>> [(f.name, f.value) for f in labelled_header(t, 0, len(t))]
    [('venue', 'Council Chamber - Civic Centre')]
    >>> [f.name for f in labelled_header("Venue: MS Teams, Remote Meeting", 0, 31)]
    ['venue-text']
    >>> t = "Contact: Jo Bloggs Democratic Services Officer"
    >>> [(f.name, f.value) for f in labelled_header(t, 0, len(t))]
    [('contact', 'Jo Bloggs')]
    >>> t = "Contact: Jo Bloggs - Democratic Services, 01234 567890"
    >>> [(f.name, f.value) for f in labelled_header(t, 0, len(t))]
    [('contact', 'Jo Bloggs')]
    """
    pattern, pairs = _label_pattern()
    contact_end = re.compile(load_cues("structure")["headers"]["contact_end"], re.I)
    fields: list[Field] = []
    offset = start
    for line in text[start:end].split("\n"):
        match = pattern.match(line.strip(" \t\u00a0"))
        lead = len(line) - len(line.lstrip(" \t\u00a0"))
        if match is None:
            if line.strip():
                return []
            offset += len(line) + 1
            continue
        name = pairs[match.group("label").lower()]
        vstart = offset + lead + match.start("value")
        value = match.group("value")
        value = value[:furniture_tail(value)]
        if name == "date":
            fields.extend(_date_fields(value, vstart) or [Field("date-text", value.strip(), vstart,
                                                                vstart + len(value.strip()))])
        elif name == "time":
            clock = find_time(value, vstart)
            fields.extend([clock] if clock else [])
        else:
            if name == "contact":
                contacts = _contact_people(value, vstart)
                if contacts:
                    fields.extend(contacts)
                    offset += len(line) + 1
                    continue
                cut = contact_end.search(value)
                value = value[:cut.start()] if cut else value
                # "Donna Linton Governance and Corporate Planning Manager": the name, not the post
                # run into it (the people parser decides where a name ends).
                person = leading_person(value)
                if person is not None and person.end < len(value.rstrip()) and " and " not in value:
                    value = value[:person.end]
            virtual = load_cues("structure")["headers"]["virtual_venue"]
            if name == "venue" and all(re.search(virtual, piece, re.I) for piece in re.split(r"[,/;]", value)):
                name = "venue-text"  # "MS Teams, Remote Meeting" is no place
            found = _field(name, text, vstart, vstart + len(value))
            if found:
                fields.append(found)
        offset += len(line) + 1
    return fields


def titled_header(text: str, start: int, end: int) -> tuple[list[Field], int] | None:
    """The committee and date of a meeting title, and where the title ends.

    Returns
    -------
    tuple of (list of Field, int) or None
        The fields (``committee``, ``date``, ``time``) and the offset the header ends at.

    Examples
    --------
    >>> t = "Council - Wednesday, 20th January, 2010 2.00 pm"
    >>> [(f.name, f.value) for f in titled_header(t, 0, len(t))[0]]
    [('meeting-body', 'Council'), ('date', '2010-01-20'), ('time', '14:00')]
    >>> t = "MINUTES of the meeting of the Harbour Panel held on 3 March 2025 at 7pm"
    >>> [(f.name, f.value) for f in titled_header(t, 0, len(t))[0]]
    [('committee', 'Harbour Panel'), ('date', '2025-03-03'), ('time', '19:00')]
    >>> t = "To confirm the minutes of the meeting held on 18 November 2009"
    >>> titled_header(t, 0, len(t)) is None
    True
    """
    body = text[start:end]
    first_line = body.split("\n")[0]
    candidates = [(p, p.match(first_line)) for p in compile_patterns("structure", "headers", "titles")]
    if len(body) <= HEADER_MAX:
        candidates += [(p, p.search(body.replace("\n", " "))) for p in
                       compile_patterns("structure", "headers", "anywhere")]
    for index, (_pattern, match) in enumerate(candidates):
        if match is None:
            continue
        groups = match.groupdict()
        fields: list[Field] = []
        header_end = start + match.end()
        if groups.get("committee"):
            a = match.start("committee")
            name = clean_committee(match.group("committee"))
            if name is None or (index == 0 and not names_a_body(name)):
                continue  # "External Witness Biographies - 30th January 2014" is no meeting's title
            raw = match.group("committee").strip()
            a = start + a + match.group("committee").find(raw)
            found = raw.find(name)
            a, b = (a + found, a + found + len(name)) if found >= 0 else (a, a + len(raw))
            # The whole council or authority meeting ("Glasgow City Council", "X Combined
            # Authority") is named by a meeting-body field: its span names the body itself as an
            # organisation, which a committee mention there would hide.
            whole_body = name == "Council" or re.search(r"\bAuthority$", name)
            fields.append(Field("meeting-body" if whole_body else "committee", name, a, b))
        if groups.get("when") is not None:
            when_start = start + match.start("when")
            dated = _date_fields(match.group("when"), when_start)
            if index == 0 and not dated:
                continue  # "X - Y" is a title only when Y is a date
            fields.extend(dated)
            if dated:
                header_end = max(f.end for f in dated)
        if fields:
            return fields, header_end
        if index == len(compile_patterns("structure", "headers", "titles")) - 1:
            return [], header_end  # "Minutes of Proceedings" with the date elsewhere
    return None


def _zone_end(text: str, blocks: list[Block]) -> int:
    for index, block in enumerate(blocks[:HEADER_ZONE]):
        body = text[block.start:block.end].strip()
        if (block.kind in _FIRST_ITEM_KINDS and block.number) or _ITEM_LABEL.match(body) or (
                block.kind == "list-item" and block.number):
            return index
    return min(len(blocks), HEADER_ZONE)


def names_a_body(text: str) -> bool:
    """Whether a name holds a word naming a meeting body (``[headers] body_words``).

    Examples
    --------
    >>> names_a_body("Harbour Panel"), names_a_body("Witness Biographies")
    (True, False)
    """
    words = "|".join(load_cues("structure")["headers"]["body_words"])
    return bool(re.search(rf"\b(?:{words})\b", text, re.I))


def _is_body_title(text: str) -> bool:
    """A short line that names a body ("Committee for the Executive Office")."""
    return len(text) < 120 and not re.search(r"[.!?:]$", text.strip()) and names_a_body(text)


def _lines(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The non-blank lines of a span, trimmed, as ``(start, end)`` pairs."""
    spans = []
    offset = start
    for line in text[start:end].split("\n"):
        a, b = offset, offset + len(line)
        while a < b and text[a] in " \t\u00a0":
            a += 1
        while b > a and text[b - 1] in " \t\u00a0\r":
            b -= 1
        if b > a:
            spans.append((a, b))
        offset += len(line) + 1
    return spans


def _read_line(text: str, block: Block, start: int, end: int, titled: bool = True) -> list[Block] | None:
    """The header blocks of one line, or None when the line is no header (or, unless
    ``titled``, only a title)."""
    line = dataclasses.replace(block, start=start, end=end, body_start=-1, number=None, lead=None, fields=())
    labelled = labelled_header(text, start, end)
    if labelled:
        return [dataclasses.replace(line, kind="meeting-header", fields=tuple(labelled))]
    if not titled:
        return None
    title = titled_header(text, start, end)
    if title is None:
        return None
    fields, header_end = title
    return _header_blocks(text, line, fields, header_end)


def _flush(block: Block, pending: list[tuple[int, int]], pieces: list[Block]) -> None:
    """Close a run of ordinary lines into one block of the original kind."""
    if pending:
        span = (pending[0][0], pending[-1][1])
        pieces.append(block if span == (block.start, block.end) else
                      dataclasses.replace(block, start=span[0], end=span[1]))
        pending.clear()


def mark_headers(text: str, blocks: list[Block]) -> list[Block]:
    """Type the meeting headers among a part's opening blocks.

    A title becomes a ``committee-heading`` (the meeting body) and a ``meeting-header`` (its
    date and time); "Venue:", "Contact:" and "Date:" lines become ``meeting-header`` blocks. A
    block holding several lines is read line by line, and a header at the start of a longer
    block ("Oral Evidence Taken before the X on 24 June 2004 Members present …") is split off:
    the rest stays a block of its original kind.

    Parameters
    ----------
    text : str
        The document text.
    blocks : list of Block
        Generic blocks of one part (before its layout parser).

    Returns
    -------
    list of Block

    Examples
    --------
    >>> from evidence_graph.loaders.blocks import Block
    >>> t = "Cabinet - Tuesday, 4th March, 2025 7.00 pm\\n\\nVenue: Room 1, Town Hall"
    >>> out = mark_headers(t, [Block("paragraph", 0, 42, 0), Block("paragraph", 44, len(t), 0)])
    >>> [(b.kind, [(f.name, f.value) for f in b.fields]) for b in out]  # doctest: +NORMALIZE_WHITESPACE
    [('committee-heading', [('committee', 'Cabinet')]),
     ('meeting-header', [('date', '2025-03-04'), ('time', '19:00')]),
     ('meeting-header', [('venue', 'Room 1, Town Hall')])]
    >>> t = "Committee for the Harbour Office\\nMinutes of proceedings 26 March 2025\\nPresent: A B"
    >>> [(b.kind, t[b.start:b.end]) for b in mark_headers(t, [Block("paragraph", 0, len(t), 0)])]
    ... # doctest: +NORMALIZE_WHITESPACE
    [('committee-heading', 'Committee for the Harbour Office'),
     ('meeting-header', 'Minutes of proceedings 26 March 2025'), ('paragraph', 'Present: A B')]
    """
    zone = _zone_end(text, blocks)
    out: list[Block] = []
    # A meeting has one title: once it is read, "X - 12/01/10" lines further down are a list
    # of other meetings (minutes received), not headers.
    titled_seen = ""
    for index, block in enumerate(blocks):
        if index >= zone or block.kind not in ("paragraph", "heading", "list-item"):
            out.append(block)
            continue
        lines = _lines(text, block.start, block.end)
        pieces: list[Block] = []
        found = False
        pending: list[tuple[int, int]] = []

        for number, (a, b) in enumerate(lines):
            if number and is_furniture(text[a:b]):
                _flush(block, pending, pieces)
                pieces.append(dataclasses.replace(block, kind=FURNITURE, start=a, end=b, body_start=-1,
                                                  number=None, lead=None, fields=()))
                continue
            read = _read_line(text, block, a, b, titled=index < TITLE_ZONE) if number < 6 else None
            if read and titled_seen and any(r.kind == "committee-heading" for r in read) and not any(
                    f.value.lower() == titled_seen.lower() for r in read for f in r.fields
                    if f.name in ("committee", "meeting-body")):
                read = None  # another body's title below this meeting's: a list, not a header
            if read is None and pieces and pieces[-1].kind == "committee-heading" and not pending:
                # "Taken before the X" with "on Wednesday 13 February 2013" on the next line.
                on = re.match(r"(?:held[ \u00a0]+)?on[ \u00a0]+", text[a:b], re.I)
                dated = _date_fields(text[a + on.end():b], a + on.end()) if on else []
                if dated:
                    read = [dataclasses.replace(block, kind="meeting-header", start=a, end=max(f.end for f in dated),
                                                body_start=-1, number=None, lead=None, fields=tuple(dated))]
            if read is None:
                pending.append((a, b))
                continue
            found = True
            if len(read) == 1 and read[0].kind not in ("meeting-header", "committee-heading"):
                # "Minutes of Proceedings" with no date: the body is named on the line above.
                previous = pending[-1] if pending else None
                if previous and _is_body_title(text[previous[0]:previous[1]]):
                    pending.pop()
                    _flush(block, pending, pieces)
                    name = _field("committee", text, *previous)
                    pieces.append(dataclasses.replace(block, kind="committee-heading", start=previous[0],
                                                      end=previous[1], body_start=-1, number=None, lead=None,
                                                      fields=(name,) if name else ()))
                pending.append((read[0].start, read[0].end))
                continue
            if any(r.kind == "meeting-header" for r in read) and not any(
                    r.kind == "committee-heading" for r in read):
                previous = pending[-1] if pending else None
                if previous and len(pending) == 1 and not out and _is_body_title(text[previous[0]:previous[1]]):
                    pending.pop()
                    name = _field("committee", text, *previous)
                    pieces.append(dataclasses.replace(block, kind="committee-heading", start=previous[0],
                                                      end=previous[1], body_start=-1, number=None, lead=None,
                                                      fields=(name,) if name else ()))
            _flush(block, pending, pieces)
            pieces.extend(read)
        _flush(block, pending, pieces)
        titled_seen = titled_seen or next((f.value for p in pieces if p.kind == "committee-heading"
                                           for f in p.fields), "")
        out.extend(pieces if found else [block])
    return out


def _header_blocks(text: str, block: Block, fields: list[Field], header_end: int) -> list[Block]:
    """A title's blocks: the body's name (``committee-heading``), the date and time
    (``meeting-header``), and what follows the header in the same block, if anything.

    Two blocks, not one, because the context reads the meeting body from a committee heading
    and the meeting's date from a meeting header.
    """
    committee = next((f for f in fields if f.name in ("committee", "meeting-body")), None)
    dated = [f for f in fields if f.name not in ("committee", "meeting-body")]
    rest_start = header_end
    while rest_start < block.end and text[rest_start] in " \t\u00a0\n.,;:":
        rest_start += 1
    if rest_start < block.end and block.end - rest_start <= 40:
        header_end, rest_start = block.end, block.end  # a short tail ("Help") stays in the header
    plain = {"body_start": -1, "number": None, "lead": None}
    out: list[Block] = []
    if committee is not None:
        cut = committee.end if dated else header_end
        out.append(dataclasses.replace(block, kind="committee-heading", end=cut, fields=(committee,), **plain))
        if dated:
            start = cut
            while start < dated[0].start and text[start] in " \t\u00a0\n-–—,:;":
                start += 1
            start = min(start, dated[0].start)
            out.append(dataclasses.replace(block, kind="meeting-header", start=start, end=header_end,
                                           fields=tuple(dated), **plain))
    elif dated:
        out.append(dataclasses.replace(block, kind="meeting-header", end=header_end, fields=tuple(dated),
                                       **plain))
    else:
        out.append(dataclasses.replace(block, end=header_end))
    if rest_start < block.end:
        out.append(dataclasses.replace(block, start=rest_start, fields=(), **plain))
    return out


def mark_item_titles(text: str, blocks: list[Block]) -> list[Block]:
    """Make the title of an unnumbered item a heading: the short line above "Minutes:".

    ModernGov tables put each item's title, its agenda text and its "Minutes:" (or
    "Decision:") in cells of one row; without item numbers the title is the short line just
    before the label (furniture between them aside), and it heads what follows.

    Examples
    --------
    >>> from evidence_graph.loaders.blocks import Block
    >>> t = "Apologies for Absence\\n\\nMinutes:\\n\\nNone were received."
    >>> [b.kind for b in mark_item_titles(t, [Block("paragraph", 0, 21, 0), Block("paragraph", 23, 31, 0),
    ...                                       Block("paragraph", 33, len(t), 0)])]
    ['heading', 'paragraph', 'paragraph']
    """
    out = list(blocks)
    for index, block in enumerate(out):
        if not _ITEM_LABEL.match(text[block.start:block.end].strip()):
            continue
        before = index - 1
        while before >= 0 and out[before].kind == FURNITURE:
            before -= 1
        if before < 0:
            continue
        if not _is_item_title(text, out[before]) and before > 0 and re.search(
                r"[.!?)]$", text[out[before].start:out[before].end].strip()):
            before -= 1  # the title, then its agenda text ("To receive any announcements."), then "Minutes:"
        title = out[before]
        if _is_item_title(text, title):
            body = text[title.body:title.end].strip()
            out[before] = dataclasses.replace(title, kind="heading", level=3, section=body)
    return out


def _is_item_title(text: str, block: Block) -> bool:
    body = text[block.body:block.end].strip()
    return (block.kind == "paragraph" and len(body) <= 150 and "\n" not in body
            and not re.search(r"[.!?:;,]$", body))
