"""Written submissions: each submitter a list of written evidence names made a written
contribution to the committee."""

from __future__ import annotations

from evidence_graph.graph.vocabulary import EG, PCON, RDF, SCHEMA
from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS
from evidence_graph.loaders.resolution.keys import role_key
from evidence_graph.loaders.resolution.state import DocumentResolution


@BLOCK_FACT_EXTRACTORS.register("submitter-list")
def submitter_list_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """A list of written evidence ("AB 01 [Jane Doe] AB 02 [Acme Trust]"): each person or body it
    names made a contribution in the role of written submitter, to the meeting's committee (else
    to the host: a list with neither has no one to have submitted to)."""
    recipient = doc.committee or doc.authority
    if recipient is None:
        return
    for f in block.fields:
        if f.name == "person":
            entity = doc.entities.person(f.value)[0]
        elif f.name == "organisation":
            entity = doc.entities.organisation(f.value)
        else:
            continue
        if entity is None:
            continue
        key = f"contribution/{doc.doc_key.split('/', 1)[1]}/{entity.split('/', 1)[1]}"
        doc.fact(key, RDF.type, PCON.Contribution)
        doc.fact(key, PCON.hasContributionRole, role_key("written-submitter"))
        doc.fact(entity, PCON.makesContribution, key, (f.start, f.end), index)
        if index in doc.out.passages:
            doc.fact(key, EG.evidence, doc.out.passages[index])
        doc.fact(key, SCHEMA.recipient, recipient)
