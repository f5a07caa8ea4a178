"""Facts of the meeting: the host authority and its names, the committee, the meeting's date,
time, venue and contact officer, and the committee's own heading."""

from __future__ import annotations

import re

from evidence_graph.graph.entities import Entity, slugify
from evidence_graph.graph.vocabulary import EG, ORG, RDF, SCHEMA, SKOS
from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.context import is_generic_authority_name
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.facts import Value
from evidence_graph.loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS, FACT_EXTRACTORS
from evidence_graph.loaders.resolution.keys import meeting_name
from evidence_graph.loaders.resolution.memberships import record_membership
from evidence_graph.loaders.resolution.state import DocumentResolution


@FACT_EXTRACTORS.register("meeting", before="blocks")
def meeting_facts(doc: DocumentResolution) -> None:
    """The host authority with its names and area, the committee as its sub-organisation, and
    the meeting with its organiser, name and date."""
    context = doc.context
    if doc.authority and context.authority:
        authority = context.authority
        doc.entities.authority_entity(authority)
        # Initials ("KCC") are kept as names when the paper writes them (made up from the
        # name, they would be a name nobody used); generic aliases ("County Council") are not:
        # they name the authority only in its own papers (resolved from the context).
        for alias in authority.aliases:
            if alias != authority.name and not is_generic_authority_name(alias):
                if re.search(rf"(?<![\w-]){re.escape(alias)}(?![\w-])", doc.text):
                    doc.registry.add_name(doc.authority, alias)
            elif alias.startswith("the ") and len(alias.split()) >= 3 and re.search(
                    rf"\b[Tt]{re.escape(alias[1:])}\b", doc.text):
                # The typed form its own papers use ("the County Council") is one of its
                # names; bare "the Council" or "County Council" names any council.
                doc.registry.add_name(doc.authority, alias)
        if authority.area:
            area = doc.registry.find("Place", authority.area)
            if area:
                doc.fact(doc.authority, SCHEMA.areaServed, area.key)
    if doc.committee and context.committee:
        # The committee's key is scoped by its authority, so it is the identity: no look-up
        # by name, which could find another council's committee of the same name.
        doc.registry.add(Entity(doc.committee, "Committee", context.committee))
        if doc.authority:
            doc.fact(doc.committee, ORG.subOrganizationOf, doc.authority)
    if doc.meeting:
        doc.fact(doc.meeting, RDF.type, EG.Meeting)
        doc.fact(doc.meeting, RDF.type, SCHEMA.Event)
        if doc.committee:
            doc.fact(doc.meeting, SCHEMA.organizer, doc.committee)
            doc.fact(doc.meeting, SCHEMA.name, Value(meeting_name(context)))
        if context.meeting_date_text:
            doc.fact(doc.meeting, EG.dateText, Value(context.meeting_date_text))
        dated_title(doc)


def dated_title(doc: DocumentResolution) -> None:
    """The meeting's date (and time) from the opening lines of minutes that have no agenda
    header ("… held on Tuesday, 12 November 2024 at 6.30 pm")."""
    from evidence_graph.loaders.structure.fields import find_date, find_time

    if any(b.kind == "meeting-header" for b in doc.parsed.blocks):
        return
    for index, block in enumerate(doc.parsed.blocks[:12]):
        if block.kind == "memo-header":
            # "Date of meeting: 6 February 2025" in a report's header.
            when = next((f for f in block.fields if f.name == "date" and f.value == doc.context.meeting_date),
                        None)
            if when:
                doc.fact(doc.meeting, SCHEMA.startDate, Value(when.value, "date"), (when.start, when.end),
                          index)
            return
        if block.kind in ("membership", "attendance", "apologies"):
            break
        text = doc.text[block.start:block.end]
        when = find_date(text, block.start)
        if when is None or when.value != doc.context.meeting_date:
            continue
        clock = find_time(doc.text[when.end:block.end][:20], when.end)
        if clock:
            doc.fact(doc.meeting, SCHEMA.startDate, Value(f"{when.value}T{clock.value}:00", "dateTime"),
                      (when.start, clock.end), index)
        else:
            doc.fact(doc.meeting, SCHEMA.startDate, Value(when.value, "date"), (when.start, when.end),
                      index)
        return


@BLOCK_FACT_EXTRACTORS.register("meeting-header")
def meeting_header_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """A meeting header: the date and time, the contact officer, and the venue (a place inside
    the town it names)."""
    if not doc.meeting:
        return
    timed = block.field("time") is not None
    stated = block.field("date")
    # A header dated otherwise (a second agenda in one pack) is another meeting's: it does
    # not date this one.
    other_meeting = stated is not None and stated.value != doc.context.meeting_date
    for f in block.fields:
        span = (f.start, f.end)
        if other_meeting and f.name in ("date", "time"):
            continue
        if f.name == "date" and not timed:
            doc.fact(doc.meeting, SCHEMA.startDate, Value(f.value, "date"), span, index)
        elif f.name == "date-text" and not doc.context.meeting_date:
            doc.fact(doc.meeting, EG.dateText, Value(f.value), span, index)
        elif f.name == "time" and doc.context.meeting_date:
            doc.fact(doc.meeting, SCHEMA.startDate,
                      Value(f"{doc.context.meeting_date}T{f.value}:00", "dateTime"), span, index)
        elif f.name == "contact":
            person, _ = doc.entities.person(f.value)
            if person:
                doc.fact(doc.meeting, EG.contactOfficer, person, span, index)
                record_membership(doc, person, doc.authority, None, "contact-officer", span, index)
    venues = [f for f in block.fields if f.name == "venue"]
    if venues:
        name = ", ".join(f.value for f in venue_fields(doc))
        place = doc.entities.ensure("Place", name, key=f"place/{slugify(name)}", placeType="Venue")
        doc.fact(doc.meeting, SCHEMA.location, place, (venues[0].start, venues[0].end), index)
        towns = []
        for f in venues:
            town = doc.registry.find("Place", f.value)
            if town and town.key != place and town.status == "curated":
                doc.fact(place, SCHEMA.containedInPlace, town.key, (f.start, f.end), index)
                towns.append(town.key)
        venue_building_facts(doc, place, venues, towns, index)


def venue_building_facts(doc: DocumentResolution, venue: str, fields: list, towns: list[str], index: int) -> None:
    """The building a venue names ("Council Chamber - Civic Centre", "Norfolk Room, Elizabeth House,
    Dereham") as a place of its own that the venue is in, and which is in the venue's town.

    The building is keyed with its town ("Civic Centre" is in every other town), else with the
    host, else with the document.
    """
    pieces = [(f.start + start, name) for f in fields for start, name in venue_pieces(f.value)]
    if len(pieces) < 2:
        return
    for start, name in pieces:
        kind = venue_piece_kind(name)
        after_dash = re.search(r"\s[-–]\s+$", doc.text[max(0, start - 4):start]) is not None
        if kind != "building" and not (kind is None and after_dash):
            continue
        known = doc.registry.find("Place", name)
        if known is not None and known.status == "curated":
            continue
        scope = (doc.registry.get(towns[0]).label if towns else
                 (doc.authority or doc.doc_key).split("/", 1)[1])
        key = f"place/{slugify(name)}-{slugify(scope)}"
        building = doc.entities.ensure("Place", name, key=key, placeType="Building")
        doc.fact(venue, SCHEMA.containedInPlace, building, (start, start + len(name)), index)
        for town in towns[:1]:
            doc.fact(building, SCHEMA.containedInPlace, town)


def venue_pieces(value: str) -> list[tuple[int, str]]:
    """The comma- and dash-separated pieces of a venue, each with its offset in ``value``.

    Examples
    --------
    >>> venue_pieces("Council Chamber - Civic Centre, Anytown")
    [(0, 'Council Chamber'), (18, 'Civic Centre'), (32, 'Anytown')]
    """
    pieces, start = [], 0
    for match in re.finditer(r"\s+[-–]\s+|\s*,\s*|$", value):
        text = value[start:match.start()]
        if text.strip():
            lead = len(text) - len(text.lstrip())
            pieces.append((start + lead, text.strip()))
        start = match.end()
    return pieces


def venue_piece_kind(piece: str) -> str | None:
    """``"building"``, ``"room"``, ``"address"`` (a street, a number, a postcode, a virtual
    meeting) or None (a name with no telling word) for a piece of a venue.

    Examples
    --------
    >>> [venue_piece_kind(p) for p in ("Civic Centre", "Norfolk Room", "3 High Street", "Bodlondeb")]
    ['building', 'room', 'address', None]
    """
    words = load_cues("places")["venue"]
    tokens = re.findall(r"[A-Za-z][\w'’]*", piece)
    if not tokens or re.search(r"\d|\bvideo\b|\bvirtual\b|\bremote\b|\bonline\b", piece, re.I):
        return "address"
    last = tokens[-1].strip("’'")
    if last in words["street_words"]:
        return "address"
    if last in words["room_words"]:
        return "room"
    if last in words["building_words"]:
        return "building"
    # "Committee Suite (DAW)", "Chamber & Ante Room": a room word inside.
    return "room" if any(t in words["room_words"] for t in tokens) else None


def venue_fields(doc: DocumentResolution) -> list:
    """The venue fields of every meeting header of the document."""
    return [f for b in doc.parsed.blocks if b.kind == "meeting-header" for f in b.fields
            if f.name == "venue"]


@BLOCK_FACT_EXTRACTORS.register("committee-heading")
def committee_heading_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """The committee's name as its own heading gives it (an alternative label)."""
    if doc.committee:
        heading = block.fields[0]
        doc.registry.add_name(doc.committee, heading.value)
        doc.fact(doc.committee, SKOS.altLabel, Value(heading.value), (heading.start, heading.end), index)
        if doc.meeting:
            doc.fact(doc.meeting, SCHEMA.organizer, doc.committee, (heading.start, heading.end), index)
            doc.fact(doc.meeting, SCHEMA.name, Value(meeting_name(doc.context)))
