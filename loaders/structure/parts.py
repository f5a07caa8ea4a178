"""Split a document into parts (sub-documents) and name each part's kind.

A pack is several documents by different authors; each part becomes its own Document node.
Boundaries: page fillers, top-level headings that name a part kind, memo headers, and
headings that repeat the name of an organisation introduced earlier in the pack (providers'
submissions are often headed with just their name).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from evidence_graph.loaders.cues import compile_patterns, first_match
from evidence_graph.loaders.structure.segment import Unit


@dataclass
class PartDraft:
    """A part being assembled: its units, and the kind and title found so far."""

    units: list[Unit]
    kind: str | None = None
    title: str = ""
    subject: str | None = None


_PART_KINDS = ("minutes", "agenda", "terms-of-reference", "biography", "officer-report",
               "written-evidence")


def kind_of_title(title: str) -> str | None:
    """Name the part kind a heading announces, or None.

    Examples
    --------
    >>> kind_of_title("Project Salus submission to KCC Commissioning and Procurement Select Committee")
    'written-evidence'
    >>> kind_of_title("External Witness Biographies - 30th January 2014")
    'biography'
    """
    bare = re.sub(r"[*_#]", "", title).strip()
    for kind in _PART_KINDS:
        if first_match(compile_patterns("structure", "parts", kind), bare):
            return kind
    return None


def _is_memo_line(line: str) -> bool:
    return first_match(compile_patterns("structure", "parts", "memo_header"), line) is not None


def _subject_of(kind: str, title: str, units: list[Unit], text: str) -> str | None:
    """The organisation a biography or written submission is by or about."""
    if kind == "written-evidence":
        # "Written evidence submitted by Brightwater Food Partnership to the … Review"
        submitted = re.match(r"(?:written )?(?:evidence|submission|response)(?: submitted)? (?:from|by)\s+"
                             r"(?P<who>.+?)(?:\s+(?:to|for|on)\s+(?:the\s+)?[A-Z‘“].*)?$", title, re.IGNORECASE)
        if submitted:
            return re.sub(r"^the\s+", "", submitted.group("who").strip(), flags=re.I)
        # "<Committee> Written Evidence" above "Memorandum by the Tarn Network (TN) (RG 73)":
        # the title names whom the evidence is for; the memorandum line, whom it is by.
        for unit in units[:4]:
            memo = re.match(r"(?:memorandum|(?:written\s+)?evidence|submission)(?:\s+submitted)?\s+(?:by|from)\s+"
                            r"(?:the\s+)?(?P<who>[A-Z][^\n(]*?)\s*(?:\(|$)", text[unit.start:unit.end].strip(),
                            re.IGNORECASE | re.MULTILINE)
            if memo and unit.kind != "heading":
                return memo.group("who").strip()
        match = re.match(r"(?:(?:written )?(?:evidence|submission) (?:from|by|of)\s+)?(.+?)"
                         r"(?:\s+(?:written )?(?:submission|evidence|response)\b.*)?$", title,
                         re.IGNORECASE)
        return match.group(1).strip() if match else None
    if kind == "biography":
        sub = [u for u in units if u.kind == "heading" and u.level >= 3]
        return text[sub[0].start:sub[0].end] if sub else None
    return None


def split_parts(text: str, units: list[Unit]) -> list[PartDraft]:
    """Group units into parts and classify each.

    Parameters
    ----------
    text : str
        The document text.
    units : list of Unit
        From :func:`loaders.structure.segment.segment_text`.

    Returns
    -------
    list of PartDraft
        Non-empty parts in order; fillers are dropped.
    """
    parts: list[PartDraft] = [PartDraft([])]
    known_subjects: set[str] = set()

    def content_units(part: PartDraft) -> list[Unit]:
        return [u for u in part.units if u.kind != "heading"]

    for unit in units:
        current = parts[-1]
        body = text[unit.start:unit.end]
        if unit.kind == "filler":
            if current.units:
                parts.append(PartDraft([]))
            continue
        starts_part = False
        if unit.kind == "heading" and unit.level <= 2:
            announced = kind_of_title(body)
            repeats_subject = body.strip() in known_subjects
            if (announced or repeats_subject) and content_units(current):
                starts_part = True
            if current.kind is None or not content_units(current):
                current.kind = current.kind or announced or (
                    "written-evidence" if repeats_subject else None)
                current.title = current.title or body
        elif (unit.kind == "paragraph" and _is_memo_line(body.split("\n")[0])
              and current.kind != "officer-report" and content_units(current)
              and not _memo_continues(current, text) and not _lists_notices(current, text)):
            starts_part = True
        if starts_part:
            current = PartDraft([])
            parts.append(current)
            if unit.kind == "heading":
                current.kind = kind_of_title(body) or "written-evidence"
                current.title = body
        if (unit.kind == "paragraph" and _is_memo_line(body.split("\n")[0]) and not current.kind
                and not _lists_notices(current, text)):
            current.kind = "officer-report"
            current.title = current.title or body.split("\n")[0]
        current.units.append(unit)
        if current.kind == "biography" and unit.kind == "heading" and unit.level >= 3:
            known_subjects.add(body.strip())
    drafts = [p for p in parts if p.units]
    for draft in drafts:
        _classify_by_content(draft, text)
        draft.subject = _subject_of(draft.kind or "generic", draft.title, draft.units, text)
    return drafts


def _lists_notices(part: PartDraft, text: str) -> bool:
    """Whether a part is a list of decision notices: its "Lead officer:" lines are fields of a
    notice, not the header of a new report."""
    notice = re.compile(r"^(?:decision maker|decision published|effective from|made at meeting)[ \t]*:", re.I | re.M)
    return any(notice.search(text, u.start, u.end) for u in part.units)


def _memo_continues(part: PartDraft, text: str) -> bool:
    return all(_is_memo_line(text[u.start:u.end]) for u in part.units if u.kind == "paragraph")


def _classify_by_content(draft: PartDraft, text: str) -> None:
    """Fill in the kind of a part whose headings did not announce one."""
    numbered = compile_patterns("structure", "numbering", "paragraph")
    lettered = compile_patterns("structure", "numbering", "lettered")
    attending = compile_patterns("structure", "parts", "attending")
    bodies = [text[u.start:u.end] for u in draft.units]
    if not draft.title:
        first = next((b for b in bodies if len(b) < 200), bodies[0])
        draft.title = first.split("\n")[0]
    if draft.kind:
        return
    for body in bodies[:6]:
        # The first lines of each opening unit: a page title bar often shares a paragraph with
        # the line that names the kind ("Committee for X" above "Minutes of proceedings …").
        for line in body.split("\n")[:3]:
            announced = kind_of_title(line)
            if announced:
                draft.kind = announced
                if announced == "minutes" and not re.fullmatch(r"(?:minutes|cofnod)\s*:", line.strip(), re.I):
                    draft.title = line  # a "Minutes:" label of an item is no title
                return
    labels = sum(1 for b in bodies if re.fullmatch(r"(?:minutes|cofnod)\s*:", b.strip(), re.I))
    if sum(1 for b in bodies if first_match(numbered[:1], b)) >= 3 or labels >= 2:
        # Numbered minutes, or a ModernGov table whose items each have a "Minutes:" cell.
        draft.kind = "minutes"
    elif sum(1 for b in bodies if first_match(lettered, b)) >= 3:
        draft.kind = "terms-of-reference"
    elif any(first_match(attending, b) for b in bodies):
        draft.kind = "biography"
    else:
        draft.kind = "generic"
