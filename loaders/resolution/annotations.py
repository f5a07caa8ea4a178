"""Annotations: each mention linked to the entity it names, and the entity given the surface
form as a name."""

from __future__ import annotations

from evidence_graph.loaders.context import is_generic_authority_name
from evidence_graph.loaders.facts import Annotation
from evidence_graph.loaders.resolution.extractors import FACT_EXTRACTORS
from evidence_graph.loaders.resolution.state import DocumentResolution


@FACT_EXTRACTORS.register("annotations", after="blocks")
def annotation_facts(doc: DocumentResolution) -> None:
    """Link every mention to its entity (structural mentions first, so that their names become the
    canonical labels), and give the entity the surface form as a name."""
    # Structural mentions first: their names become the canonical labels.
    ranked = sorted(doc.mentions, key=lambda m: (not m.method.startswith("structure"), m.start, m.end))
    for mention in ranked:
        if mention.kind == "figure":
            continue
        if mention.kind == "former-name":
            continue
        entity, confidence = doc.entities.resolve_mention(mention)
        doc.out.annotations.append(Annotation(mention, entity, confidence, mention.method))
        if entity is None:
            continue
        surface = doc.text[mention.start:mention.end]
        entity_record = doc.registry.get(entity)
        if (entity_record is not None
                and mention.kind in ("organisation", "service", "programme", "framework",
                                     "legislation", "place")
                and surface not in entity_record.names() and not surface.lower().startswith("the ")
                and not is_generic_authority_name(surface)):
            doc.registry.add_name(entity, surface)
