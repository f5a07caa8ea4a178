"""Cut a text into layout units (headings, list items, paragraphs, fillers) with exact spans.

This is the layout layer shared by every structure parser: it knows Markdown and plain-text
conventions, not committee papers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from evidence_graph.loaders.cues import compile_patterns, load_cues

_HEADING = re.compile(r"^(#{1,6})[ \t]+")
_BULLET = re.compile(
    r"^[ \t]*(?:[-*•▪●◦–](?=[ \t\u00a0])|\d{1,2}[.)](?=[ \t\u00a0]+[A-Za-z*]))[ \t\u00a0]*")
_RULE = re.compile(r"^[ \t]*([-*_])([ \t]*\1){2,}[ \t]*$")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$")
_TABLE_RULE = re.compile(r"^[ \t]*\|?(?:[ \t]*:?-{3,}:?[ \t]*\|)+(?:[ \t]*:?-{3,}:?[ \t]*)?$")
_WS = " \t\r\n\u00a0\u2000\u2001\u2002\u2003\u2009\u200b\ufeff"
_PIPES_ONLY = re.compile(r"^[ \t\u00a0]*\|[| \t\u00a0]*$")


@dataclass(frozen=True)
class Unit:
    """A layout unit: ``heading``, ``item`` (list item), ``paragraph``, ``row`` or ``filler``.

    ``start``/``end`` is the content span: markup such as ``## ``, ``- `` and wrapping ``**``
    is outside it, trailing white space too. A ``row`` is one line of a Markdown table, pipes
    included; its ``level`` is 1 for a header row (the row above the ``|---|`` rule).
    """

    kind: str
    start: int
    end: int
    level: int = 0
    marker: str = ""


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink ``[start, end)`` past surrounding white space (NBSP included).

    Examples
    --------
    >>> trim_span("  a b\\u00a0 ", 0, 7)
    (2, 5)
    """
    while start < end and text[start] in _WS:
        start += 1
    while end > start and text[end - 1] in _WS:
        end -= 1
    return start, end


def unwrap_emphasis(text: str, start: int, end: int) -> tuple[int, int]:
    """Shrink a span past Markdown emphasis that wraps all of it (``**bold**``, ``*it*``).

    Examples
    --------
    >>> s = "**Children’s Commissioning**"
    >>> a, b = unwrap_emphasis(s, 0, len(s)); s[a:b]
    'Children’s Commissioning'
    """
    start, end = trim_span(text, start, end)
    changed = True
    while changed:
        changed = False
        for mark in ("***", "**", "*", "__", "_"):
            n = len(mark)
            inner = text[start + n:end - n]
            if (end - start > 2 * n and text.startswith(mark, start) and text.endswith(mark, 0, end)
                    and mark not in inner):
                start, end = trim_span(text, start + n, end - n)
                changed = True
                break
    return start, end


def _is_blank(line: str) -> bool:
    return not line.strip(_WS)


def segment_text(text: str) -> list[Unit]:
    """Cut ``text`` into headings, list items, paragraphs and page fillers.

    Paragraphs broken across a page (no closing punctuation, next paragraph starts in lower
    case) are rejoined: the unit then spans the break, and the stored text is untouched.

    Parameters
    ----------
    text : str
        The exact document text.

    Returns
    -------
    list of Unit
        In text order.

    Examples
    --------
    >>> [(u.kind, u.level) for u in segment_text("# Title\\n\\nSome text\\n- item one\\n")]
    [('heading', 1), ('paragraph', 0), ('item', 0)]
    >>> [(u.kind, u.level) for u in segment_text("| Area | £m |\\n|---|---:|\\n| Parks | 2.5 |\\n")]
    [('row', 1), ('row', 0)]
    """
    fillers = compile_patterns("structure", "segment", "fillers")
    units: list[Unit] = []
    current: list[int] | None = None  # [kind-index, start, end]
    kinds = ("paragraph", "item")

    def close() -> None:
        nonlocal current
        if current is not None:
            start, end = trim_span(text, current[1], current[2])
            if end > start:
                units.append(Unit(kinds[current[0]], start, end, marker=_marker[0]))
            current = None

    _marker = [""]
    for match in re.finditer(r"[^\n]*\n?", text):
        line_start, line = match.start(), match.group().rstrip("\n")
        line_end = line_start + len(line)
        if not match.group():
            break
        if _is_blank(line) or _RULE.match(line) or _PIPES_ONLY.match(line):
            # A line of lone pipes is debris of a flattened HTML table: it separates rows.
            close()
            continue
        if _TABLE_RULE.match(line):
            close()
            if units and units[-1].kind == "row":
                units[-1] = Unit("row", units[-1].start, units[-1].end, level=1)
            continue
        if _TABLE_ROW.match(line):
            close()
            s, e = trim_span(text, line_start, line_end)
            units.append(Unit("row", s, e))
            continue
        stripped = line.strip(_WS)
        bare = re.sub(r"[*_#]", "", stripped).strip()
        if any(p.match(bare) for p in fillers):
            close()
            s, e = trim_span(text, line_start, line_end)
            units.append(Unit("filler", s, e))
            continue
        heading = _HEADING.match(line)
        if heading:
            close()
            s, e = unwrap_emphasis(text, line_start + heading.end(), line_end)
            if e > s:
                units.append(Unit("heading", s, e, level=len(heading.group(1))))
            continue
        bullet = _BULLET.match(line)
        if bullet:
            close()
            _marker[0] = bullet.group().strip(_WS)
            current = [1, line_start + bullet.end(), line_end]
            continue
        if current is None:
            _marker[0] = ""
            current = [0, line_start, line_end]
        else:
            current[2] = line_end
    close()
    units = _split_flattened(text, _split_inline_labels(text, _rejoin_page_breaks(text, units)))
    return _promote_bold_lines(text, _merge_lone_numbers(text, units))


#: A paragraph or list item wholly in bold and at most this long is a heading in disguise
#: (PDF-to-Markdown conversion loses heading levels, so packs use bold lines instead).
BOLD_HEADING_MAX = 160


def _promote_bold_lines(text: str, units: list[Unit]) -> list[Unit]:
    promoted = []
    for unit in units:
        if unit.kind in ("paragraph", "item") and text.startswith(("**", "__"), unit.start):
            s, e = unwrap_emphasis(text, unit.start, unit.end)
            if (s, e) != (unit.start, unit.end) and e - s <= BOLD_HEADING_MAX:
                level = 5 if unit.kind == "paragraph" else 6
                promoted.append(Unit("heading", s, e, level=level, marker=unit.marker))
                continue
        promoted.append(unit)
    return promoted


def _rejoin_page_breaks(text: str, units: list[Unit]) -> list[Unit]:
    sentence_end = re.compile(load_cues("structure")["segment"]["sentence_end"])
    joined: list[Unit] = []
    for unit in units:
        if joined and unit.kind == "paragraph" and text[unit.start].islower():
            previous = joined[-1]
            tail = text[previous.start:previous.end]
            if previous.kind in ("paragraph", "item") and not sentence_end.search(tail):
                joined[-1] = Unit(previous.kind, previous.start, unit.end, previous.level,
                                  previous.marker)
                continue
        joined.append(unit)
    return joined


def split_columns(line: str) -> list[tuple[int, str]]:
    """Split a two-column line (cells separated by 3+ spaces) into ``(offset, cell)`` pairs.

    Examples
    --------
    >>> split_columns("Wantsum Room,      Telephone      01622 694269")
    [(0, 'Wantsum Room,'), (19, 'Telephone'), (34, '01622 694269')]
    """
    cells = []
    for match in re.finditer(r"\S+(?:[ \u00a0]{1,2}\S+)*", line):
        cells.append((match.start(), match.group()))
    return cells


@cache
def _inline_label() -> re.Pattern[str]:
    """ModernGov labels that open a new unit even mid-line ("Apologies Minutes: None were …")."""
    labels = "|".join(re.escape(label) for label in load_cues("structure")["segment"]["inline_labels"])
    # Case-sensitive on purpose: "the minutes: …" in prose is not the template's label.
    return re.compile(rf"(?<![^\s|])(?:{labels})(?=[\s\u00a0]|$)")


@cache
def _agenda_text() -> re.Pattern[str]:
    """Where an item's agenda text starts after its title in a flattened row (case-sensitive:
    the title words before it are capitalised, the agenda text opens a sentence)."""
    openers = "|".join(load_cues("structure")["segment"]["agenda_text_openers"])
    return re.compile(rf"(?<=[a-z)’'])[ \t\u00a0]+(?=(?:{openers})\b)")


def _split_inline_labels(text: str, units: list[Unit]) -> list[Unit]:
    """Cut a paragraph at ModernGov labels run into it by a flattened table.

    A table row reduced to text puts the item title, "Additional documents:", "Minutes:" and
    the minute on one line; each becomes its own unit, so the label can be read as a label and
    the minute as a passage of its own.

    Examples
    --------
    >>> t = "Apologies Additional documents: Minutes: None were received."
    >>> [t[u.start:u.end] for u in segment_text(t)]
    ['Apologies', 'Additional documents:', 'Minutes:', 'None were received.']
    >>> t = "Chair's Announcements To receive any announcements. Minutes: There were none."
    >>> [t[u.start:u.end] for u in segment_text(t)]
    ["Chair's Announcements", 'To receive any announcements.', 'Minutes:', 'There were none.']
    """
    pattern = _inline_label()
    split: list[Unit] = []
    for unit in units:
        if unit.kind != "paragraph":
            split.append(unit)
            continue
        cuts = [m for m in pattern.finditer(text, unit.start, unit.end)]
        if not cuts:
            split.append(unit)
            continue
        start = unit.start
        for number, match in enumerate(cuts):
            pieces = [(start, match.start()), (match.start(), match.end())]
            if number == 0:
                # The row's first cell is the item's title, run into its agenda text ("Chair's
                # Announcements To receive any announcements …"): the title is a unit of its own.
                title = _agenda_text().search(text, start, match.start())
                if title and title.start() - start <= 120:
                    pieces[:1] = [(start, title.start()), (title.start(), match.start())]
            for a, b in pieces:
                a, b = trim_span(text, a, b)
                if b > a:
                    split.append(Unit("paragraph", a, b, unit.level, unit.marker if a == unit.start else ""))
            start = match.end()
        a, b = trim_span(text, start, unit.end)
        if b > a:
            split.append(Unit("paragraph", a, b))
    return split


#: A unit this long with no line break is a page whose layout text extraction flattened.
FLATTENED_LENGTH = 600


@cache
def _flattened_cut() -> re.Pattern[str]:
    """Where a flattened page's structure starts again: an attendance label written as a label
    ("Present:", "In Attendance:", "Apologies:", capitalised, with its colon), or a numbered
    paragraph after a sentence or heading ("… meeting. 2. Agreed, subject to …")."""
    labels = "|".join(sorted((label for label in load_cues("structure")["minutes"]["attendance"]
                              if re.fullmatch(r"[a-z ]+", label)), key=len, reverse=True))
    return re.compile(rf"(?<=\s)(?:(?:{labels}):(?=\s)|\d{{1,2}}\.(?=[ \u00a0][A-Z]))", re.I)


def _split_flattened(text: str, units: list[Unit]) -> list[Unit]:
    """Cut a long paragraph with no line break (a PDF page flattened into one line) before its
    attendance labels and numbered paragraphs, so each list and paragraph is read as one.

    Examples
    --------
    >>> t = ("MINUTES OF THE BOARD held at the Hall on 3 May 2003 Present: Ann Abel Bob Bain "
    ...      "In Attendance: Cy Carr, Clerk 1. The Chair welcomed members. " * 8)
    >>> [text[:14] for u in segment_text(t) for text in [t[u.start:u.end]]][:4]
    ['MINUTES OF THE', 'Present: Ann A', 'In Attendance:', '1. The Chair w']
    """
    pattern = _flattened_cut()
    split: list[Unit] = []
    for unit in units:
        if unit.kind != "paragraph" or unit.end - unit.start < FLATTENED_LENGTH or "\n" in text[unit.start:unit.end]:
            split.append(unit)
            continue
        cuts, last = [], None
        for match in pattern.finditer(text, unit.start, unit.end):
            if match.group()[0].isupper():
                cuts.append(match.start())
                continue
            if not match.group()[0].isdigit():
                continue
            # A paragraph number follows a sentence or a capitalised heading word and counts on
            # from the one before ("section 2. Of the" in prose is no paragraph).
            number = int(match.group()[:-1])
            before = text[max(unit.start, match.start() - 40):match.start()]
            if (last is None or number == last + 1) and re.search(
                    r"(?:[.!?:;\"”’)\]]|\b[A-Z][\w'’-]*)\s+$", before):
                cuts.append(match.start())
                last = number
        start = unit.start
        for cut in [*cuts, unit.end]:
            a, b = trim_span(text, start, cut)
            if b > a:
                split.append(Unit("paragraph", a, b, unit.level, unit.marker if a == unit.start else ""))
            start = cut
    return split


def _merge_lone_numbers(text: str, units: list[Unit]) -> list[Unit]:
    """Join an item number printed on a line of its own ("1.", "1a", "77/21") to the title after it.

    ModernGov pages put the number and the title in separate table cells, so the text has
    "1." and "Apologies" as separate paragraphs; joined (the span covers the gap, the text is
    untouched) they read as the numbered item they are.

    Examples
    --------
    >>> t = "1.\\n\\nApologies\\n\\n1a\\n\\nMinutes of the last meeting\\n"
    >>> [t[u.start:u.end] for u in segment_text(t)]
    ['1.\\n\\nApologies', '1a\\n\\nMinutes of the last meeting']
    """
    lone = re.compile(load_cues("structure")["segment"]["lone_number"])
    merged: list[Unit] = []
    pending: Unit | None = None
    for unit in units:
        if pending is not None:
            if unit.kind in ("paragraph", "item"):
                merged.append(Unit("paragraph", pending.start, unit.end, marker=pending.marker))
                pending = None
                continue
            merged.append(pending)
            pending = None
        if unit.kind == "paragraph" and lone.fullmatch(text[unit.start:unit.end]):
            pending = unit
            continue
        merged.append(unit)
    if pending is not None:
        merged.append(pending)
    return merged
