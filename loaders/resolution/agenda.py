"""Agenda items and contributions: the items of a meeting, the witnesses who gave evidence at
each, and everyone an attendance list names."""

from __future__ import annotations

from dataclasses import dataclass

from evidence_graph.graph.vocabulary import EG, RDF, SCHEMA
from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.facts import Value
from evidence_graph.loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS
from evidence_graph.loaders.resolution.memberships import record_contribution, record_membership, span_of
from evidence_graph.loaders.resolution.state import DocumentResolution


def agenda_item(doc: DocumentResolution, number: str) -> str:
    """The key of item ``number`` of the meeting, typed and linked to the meeting."""
    assert doc.meeting is not None
    item = f"{doc.meeting}/item/{number}"
    doc.fact(item, RDF.type, EG.AgendaItem)
    doc.fact(item, RDF.type, SCHEMA.Event)
    doc.fact(item, SCHEMA.superEvent, doc.meeting)
    doc.fact(doc.meeting, SCHEMA.subEvent, item)
    return item


def item_for(doc: DocumentResolution, person: str | None, org: str | None) -> str | None:
    """The agenda item at which a person (or an organisation's witness) gave evidence."""
    if person and person in doc.item_by_person:
        return doc.item_by_person[person]
    if org and org in doc.item_by_org:
        return doc.item_by_org[org]
    for item_person, item_org, item in context_items(doc):
        if (person and item_person == person) or (org and item_org == org):
            return item
    return None


def context_items(doc: DocumentResolution) -> list[tuple[str | None, str | None, str]]:
    """The agenda items the meeting's other papers tie to a witness or organisation, as keys."""
    items = []
    if not doc.meeting:
        return items
    for number, person_surface, org_surface in doc.context.items:
        person = doc.entities.person(person_surface)[0] if person_surface else None
        org = doc.entities.organisation(org_surface) if org_surface else (
            doc.entities.cast_org(person_surface) if person_surface else None)
        items.append((person, org, f"{doc.meeting}/item/{number}"))
    return items


@dataclass(frozen=True)
class NamedWitness:
    """The person a block's fields name, resolved, with the fields that named them."""

    person: str
    organisation: str | None
    person_field: Field
    post_field: Field | None
    organisation_field: Field | None


def named_witness(doc: DocumentResolution, block: Block) -> NamedWitness | None:
    """Resolve the person a block's ``person`` field names, and their organisation: the one its
    ``organisation`` field names, else the one the cast gives them.

    Parameters
    ----------
    doc : DocumentResolution
        The document being resolved.
    block : Block
        An agenda line or a minutes title with ``person`` and optional ``post`` and
        ``organisation`` fields.

    Returns
    -------
    NamedWitness or None
        None when the block names no person, or the name does not resolve to one.

    Examples
    --------
    >>> from evidence_graph.loaders.blocks import Block
    >>> named_witness(None, Block(kind="title", start=0, end=0, part=0)) is None
    True
    """
    person_field = block.field("person")
    if person_field is None:
        return None
    person, _ = doc.entities.person(person_field.value)
    if person is None:
        return None
    org_field = block.field("organisation")
    org = doc.entities.organisation(org_field.value) if org_field else doc.entities.cast_org(person_field.value)
    return NamedWitness(person, org, person_field, block.field("post"), org_field)


@BLOCK_FACT_EXTRACTORS.register("agenda-item")
def agenda_item_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """An agenda line: the item's number, title, time and pages, and the witness it names with
    their post and organisation (an oral-witness contribution)."""
    if not doc.meeting or not block.number:
        return
    item = agenda_item(doc, block.number)
    doc.fact(item, SCHEMA.position, Value(block.number, "integer"))
    for f in block.fields:
        span = (f.start, f.end)
        if f.name == "title":
            doc.fact(item, SCHEMA.name, Value(f.value), span, index)
        elif f.name == "time" and doc.context.meeting_date:
            doc.fact(item, SCHEMA.startDate, Value(f"{doc.context.meeting_date}T{f.value}:00", "dateTime"),
                      span, index)
        elif f.name == "pages":
            doc.fact(item, EG.pages, Value(f.value), span, index)
    doc.fact(item, EG.evidence, doc.out.passages[index])
    witness = named_witness(doc, block)
    if witness is None:
        return
    person, org = witness.person, witness.organisation
    person_field, post_field, org_field = witness.person_field, witness.post_field, witness.organisation_field
    span = span_of(person_field, post_field or org_field)
    doc.fact(item, SCHEMA.attendee, person, (person_field.start, person_field.end), index)
    post_title = post_field.value if post_field else doc.entities.cast_post(person_field.value)
    membership = record_membership(doc, person, org, post_title, None, span, index)
    record_contribution(doc, item, person, "oral-witness", membership, span, index)
    doc.item_by_person[person] = item
    if org:
        doc.item_by_org.setdefault(org, item)
        doc.fact(item, SCHEMA.about, org, (org_field.start, org_field.end) if org_field else None,
                  index if org_field else None)


@BLOCK_FACT_EXTRACTORS.register("minute-item")
def minute_item_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """A numbered minute ("24. Housing Allocations Policy Review") is an agenda item of
    the meeting; the passages under it point to it."""
    if not doc.meeting or not block.number:
        return
    item = agenda_item(doc, block.number)
    doc.fact(item, SCHEMA.position, Value(block.number, "integer" if block.number.isdigit() else None))
    doc.fact(item, SCHEMA.name, Value(doc.text[block.body:block.end]), (block.body, block.end), index)
    doc.fact(item, EG.evidence, doc.out.passages[index])
    for other, passage in doc.out.passages.items():
        if doc.parsed.blocks[other].item == index:
            doc.fact(passage, EG.agendaItem, item)


@BLOCK_FACT_EXTRACTORS.register("title")
def title_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """Minutes title "Interview with Name, Post (Org)": the witness and the agenda item."""
    witness = named_witness(doc, block)
    if witness is None:
        return
    person, org, post_field = witness.person, witness.organisation, witness.post_field
    span = span_of(witness.person_field, witness.organisation_field or post_field)
    membership = record_membership(doc, person, org, post_field.value if post_field else None, None,
                                 span, index)
    item = item_for(doc, person, org)
    part = doc.part_keys[block.part]
    if item:
        doc.fact(part, SCHEMA.about, item, (block.start, block.end), index)
        record_contribution(doc, item, person, "oral-witness", membership, span, index)


@BLOCK_FACT_EXTRACTORS.register("attendance")
def attendance_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """Everyone an attendance block names, each with the post and organisation after them."""
    fields = list(block.fields)
    for position, person_field in enumerate(fields):
        if person_field.name != "person":
            continue
        person, _ = doc.entities.person(person_field.value)
        if person is None:
            continue
        # The fields written for this person: those after it, up to the next person.
        own = []
        for later in fields[position + 1:]:
            if later.name == "person":
                break
            own.append(later)
        org_field = next((f for f in own if f.name == "organisation"), None)
        post_field = next((f for f in own if f.name == "post"), None)
        org = doc.entities.organisation(org_field.value) if org_field else doc.authority
        span = span_of(person_field, post_field)
        membership = record_membership(doc, person, org, post_field.value if post_field else None, None,
                                     span, index)
        if doc.meeting:
            doc.fact(doc.meeting, SCHEMA.attendee, person, (person_field.start, person_field.end),
                      index)
        item = item_for(doc, person, org)
        if item:
            record_contribution(doc, item, person, "oral-witness", membership, span, index)
