"""Facts of the meeting: the host authority and its names, the committee, the meeting's date,
time, venue and contact officer, and the committee's own heading."""

from __future__ import annotations

import re

from graph.entities import Entity, slugify
from graph.vocabulary import EG, ORG, RDF, SCHEMA, SKOS
from loaders.blocks import Block
from loaders.context import is_generic_authority_name
from loaders.facts import Value
from loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS, FACT_EXTRACTORS
from loaders.resolution.keys import meeting_name
from loaders.resolution.memberships import record_membership
from loaders.resolution.state import DocumentResolution


@FACT_EXTRACTORS.register("meeting", before="blocks")
def meeting_facts(doc: DocumentResolution) -> None:
    """The host authority with its names and area, the committee as its sub-organisation, and
    the meeting with its organiser, name and date."""
    context = doc.context
    if doc.authority and context.authority:
        authority = context.authority
        doc.entities.authority_entity(authority)
        # Initials ("KCC") are kept as names; generic aliases ("County Council") are not:
        # they name the authority only in its own papers (resolved from the context).
        for alias in authority.aliases:
            if alias != authority.name and not is_generic_authority_name(alias):
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
    from loaders.structure.fields import find_date, find_time

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
        for f in venues:
            town = doc.registry.find("Place", f.value)
            if town and town.key != place and town.status == "curated":
                doc.fact(place, SCHEMA.containedInPlace, town.key, (f.start, f.end), index)


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
