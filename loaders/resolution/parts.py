"""Facts of the document and its parts: types, titles, authors, and the inquiry a terms of
reference sets up."""

from __future__ import annotations

from evidence_graph.graph.vocabulary import DCTERMS, EG, FOAF, RDF, SCHEMA
from evidence_graph.loaders.facts import Value
from evidence_graph.loaders.resolution.extractors import FACT_EXTRACTORS
from evidence_graph.loaders.resolution.keys import doc_type_key
from evidence_graph.loaders.resolution.state import DocumentResolution


@FACT_EXTRACTORS.register("document", before="blocks")
def document_facts(doc: DocumentResolution) -> None:
    """The document and each of its parts: types, titles, date, authors; a terms of reference
    sets up the committee's inquiry."""
    document = doc.parsed.document
    parts = doc.parsed.parts
    kind = document.metadata.get("kind") or (parts[0].kind if len(parts) == 1 else "agenda-pack")
    doc.fact(doc.doc_key, RDF.type, SCHEMA.DigitalDocument)
    doc.fact(doc.doc_key, RDF.type, FOAF.Document)
    title = document.metadata.get("title") or (parts[0].title if parts else document.key)
    doc.fact(doc.doc_key, DCTERMS.title, doc.text_value(title))
    doc.fact(doc.doc_key, DCTERMS.type, doc_type_key(kind))
    if document.metadata.get("meeting_date"):
        doc.fact(doc.doc_key, DCTERMS.date, Value(document.metadata["meeting_date"], "date"))
    elif document.metadata.get("meeting_date_text"):
        doc.fact(doc.doc_key, DCTERMS.date, Value(document.metadata["meeting_date_text"]))
    if doc.meeting:
        doc.fact(doc.doc_key, SCHEMA.about, doc.meeting)
    for part in parts:
        if len(parts) == 1:
            doc.part_keys.append(doc.doc_key)
            continue
        key = f"{doc.doc_key}/part/{part.slug}"
        doc.part_keys.append(key)
        doc.fact(key, RDF.type, SCHEMA.DigitalDocument)
        doc.fact(key, RDF.type, FOAF.Document)
        doc.fact(key, DCTERMS.title, doc.text_value(part.title), (part.start, part.start + len(part.title))
                  if doc.text.startswith(part.title, part.start) else None)
        doc.fact(key, DCTERMS.type, doc_type_key(part.kind))
        doc.fact(key, DCTERMS.isPartOf, doc.doc_key)
        doc.fact(doc.doc_key, DCTERMS.hasPart, key)
    for index, part in enumerate(parts):
        key = doc.part_keys[index]
        if part.kind in ("written-evidence", "biography") and part.subject:
            author = doc.entities.organisation(part.subject)
            if author:
                doc.fact(key, SCHEMA.author, author)
        if part.kind in ("agenda", "terms-of-reference", "minutes") and doc.committee:
            doc.fact(key, SCHEMA.author, doc.committee)
        if part.kind == "terms-of-reference" and doc.committee:
            inquiry = f"inquiry/{doc.committee.split('/', 1)[1]}"
            doc.fact(inquiry, RDF.type, EG.Inquiry)
            doc.label(inquiry, f"Inquiry of the {doc.context.committee}")
            doc.fact(inquiry, SCHEMA.organizer, doc.committee)
            doc.fact(inquiry, EG.termsOfReference, key)
            doc.fact(inquiry, DCTERMS.subject, doc.tor_scheme())
