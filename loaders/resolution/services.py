"""Service facts: who commissions and who operates a service a service list names, and where."""

from __future__ import annotations

import re

from evidence_graph.graph.vocabulary import EG, SCHEMA
from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS
from evidence_graph.loaders.resolution.state import DocumentResolution


@BLOCK_FACT_EXTRACTORS.register("list-item")
@BLOCK_FACT_EXTRACTORS.register("paragraph")
def service_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """Who commissions and who operates a service, and where (a service-list item)."""
    mentions = doc.by_block.get(index, [])
    services = [m for m in mentions if m.kind == "service" and m.method.startswith("structure")]
    if not services:
        return
    part = doc.parsed.parts[block.part]
    body = doc.text[block.start:block.end]
    for service_mention in services:
        service, _ = doc.entities.resolve_mention(service_mention)
        if service is None:
            continue
        commissioned = re.search(r"commissioned by ", body)
        for mention in mentions:
            after_cue = commissioned is not None and 0 <= mention.start - (
                block.start + commissioned.end()) <= 2
            if mention.kind == "organisation" and after_cue:
                org, _ = doc.entities.resolve_mention(mention)
                if org:
                    cue_start = block.start + commissioned.start()
                    doc.fact(service, EG.commissionedBy, org, (cue_start, mention.end), index)
            elif mention.kind == "place":
                place, _ = doc.entities.resolve_mention(mention)
                if place:
                    doc.fact(service, SCHEMA.areaServed, place, (mention.start, mention.end), index)
        operator = doc.entities.organisation(part.subject) if part.subject else None
        if operator:
            doc.fact(service, SCHEMA.serviceOperator, operator,
                      (service_mention.start, service_mention.end), index)
        wide = re.search(r"\bcounty[ -]?wide\b", body, re.I)
        if wide and doc.context.authority and doc.context.authority.area:
            area = doc.registry.find("Place", doc.context.authority.area)
            if area:
                doc.fact(service, SCHEMA.areaServed, area.key,
                          (block.start + wide.start(), block.start + wide.end()), index)
