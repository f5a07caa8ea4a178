"""Memberships: who belongs to which committee or organisation, in which post or role, read
from membership lists, apologies, report headers and signatures."""

from __future__ import annotations

from evidence_graph.graph.vocabulary import DCTERMS, EG, ORG, PCON, RDF, SCHEMA
from evidence_graph.loaders.blocks import Block, Field
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS
from evidence_graph.loaders.resolution.keys import role_key
from evidence_graph.loaders.resolution.state import DocumentResolution


def span_of(person: Field, other: Field | None) -> tuple[int, int]:
    """The evidence span of a person's field and the post or organisation field written with it,
    whichever comes first ("Jo Smith, Director" and "Director (Mrs Jo Smith)").

    Examples
    --------
    >>> span_of(Field("person", "Jo Smith", 30, 38), Field("post", "Director", 19, 27))
    (19, 38)
    """
    if other is None:
        return person.start, person.end
    return min(person.start, other.start), max(person.end, other.end)


def record_membership(doc: DocumentResolution, person: str, org: str | None, post_title: str | None, role: str | None,
               span: tuple[int, int] | None, index: int | None) -> str | None:
    """A person's membership of an organisation or committee, in a post or role."""
    if org is None:
        return None
    post = doc.entities.post(post_title, org) if post_title else None
    qualifier = post.rsplit("/", 1)[1] if post else (role or "member")
    key = f"membership/{person.split('/', 1)[1]}/{org.split('/', 1)[1]}/{qualifier}"
    doc.fact(key, RDF.type, ORG.Membership)
    doc.fact(key, ORG.member, person, span, index)
    doc.fact(key, ORG.organization, org, span, index)
    doc.fact(person, ORG.memberOf, org, span, index)
    if post:
        doc.fact(key, EG.post, post, span, index)
        doc.fact(post, ORG.postIn, org)
        doc.fact(person, ORG.holds, post, span, index)
    if role:
        doc.fact(key, ORG.role, role_key(role))
    return key


def record_contribution(doc: DocumentResolution, item: str, contributor: str, role: str, membership: str | None,
                 span: tuple[int, int] | None, index: int | None) -> None:
    """A contribution of ``contributor`` to an agenda item, in a role and capacity."""
    key = f"contribution/{item.split('/', 1)[1]}/{contributor.split('/', 1)[1]}"
    doc.fact(key, RDF.type, PCON.Contribution)
    doc.fact(key, PCON.hasContributionRole, role_key(role))
    doc.fact(key, EG.agendaItem, item)
    doc.fact(contributor, PCON.makesContribution, key, span, index)
    if membership:
        doc.fact(key, PCON.inCapacity, membership)


@BLOCK_FACT_EXTRACTORS.register("membership")
def membership_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """A membership list: each chair, vice-chair and member of the committee, who attended."""
    body = doc.committee or doc.authority
    for f in block.fields:
        if f.name not in ("chair", "vice-chair", "member"):
            continue
        person, _ = doc.entities.person(f.value)
        if person and body:
            record_membership(doc, person, body, None, f.name, (f.start, f.end), index)
            if doc.meeting:
                doc.fact(doc.meeting, SCHEMA.attendee, person, (f.start, f.end), index)


@BLOCK_FACT_EXTRACTORS.register("apologies")
def apologies_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """Apologies: each person named is a member of the committee."""
    for f in block.fields:
        person, _ = doc.entities.person(f.value)
        if person and doc.committee:
            record_membership(doc, person, doc.committee, None, "member", (f.start, f.end), index)


@BLOCK_FACT_EXTRACTORS.register("signature")
def signature_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """A signature: the officer, their post, organisation and unit; the author of a report."""
    person_field, post_field = block.field("person"), block.field("post")
    if person_field is None:
        return
    person, _ = doc.entities.person(person_field.value)
    if person is None:
        return
    span = span_of(person_field, post_field)
    unit_field, org_field = block.field("unit"), block.field("organisation")
    org = (doc.entities.organisation(org_field.value) if org_field else None) or \
        doc.entities.cast_org(person_field.value) or doc.speakers.author_org(block.part) or doc.authority
    record_membership(doc, person, org, post_field.value if post_field else None, "officer", span, index)
    if unit_field:
        unit = doc.entities.unit(unit_field.value)
        if doc.authority:
            doc.fact(unit, ORG.unitOf, doc.authority)
        record_membership(doc, person, unit, None, "officer", (unit_field.start, unit_field.end), index)
    part = doc.part_keys[block.part]
    if doc.parsed.parts[block.part].kind in ("officer-report", "written-evidence"):
        doc.fact(part, SCHEMA.author, person, span, index)


@BLOCK_FACT_EXTRACTORS.register("memo-header")
def memo_header_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """Header lines of a report: its subject, its author, and every person named with a post
    ("Cabinet Member: Cllr …, Cabinet Member for Finance")."""
    part = doc.part_keys[block.part]
    subject = block.field("subject")
    if subject:
        doc.fact(part, DCTERMS.title, doc.text_value(subject.value, index), (subject.start, subject.end), index)
    authors = set(load_cues("structure")["report"]["author_labels"])
    label = None
    fields = list(block.fields)
    for position, f in enumerate(fields):
        if f.name != "person":
            if f.name not in ("post", "organisation", "date"):
                label = f.name
            continue
        person, _ = doc.entities.person(f.value)
        if person is None:
            continue
        own = []
        for later in fields[position + 1:]:
            if later.name not in ("post", "organisation"):
                break
            own.append(later)
        post_field = next((o for o in own if o.name == "post"), None)
        org_field = next((o for o in own if o.name == "organisation"), None)
        span = span_of(f, post_field)
        org = (doc.entities.organisation(org_field.value) if org_field else None) or \
            doc.entities.cast_org(f.value) or doc.speakers.author_org(block.part) or doc.authority
        record_membership(doc, person, org, post_field.value if post_field else None, "officer"
                        if label in authors or label in ("contact officer", "lead officer") else None,
                        span, index)
        if label in authors:
            doc.fact(part, SCHEMA.author, person, span, index)
