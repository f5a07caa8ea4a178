"""Themes of the terms of reference: each lettered theme a concept of the meeting's scheme."""

from __future__ import annotations

from evidence_graph.graph.entities import Entity
from evidence_graph.graph.vocabulary import SKOS
from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.facts import Value
from evidence_graph.loaders.resolution.extractors import BLOCK_FACT_EXTRACTORS
from evidence_graph.loaders.resolution.state import DocumentResolution


@BLOCK_FACT_EXTRACTORS.register("theme")
def theme_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """A lettered theme of the terms of reference (its label)."""
    theme(doc, index, block, primary=True)


@BLOCK_FACT_EXTRACTORS.register("theme-heading")
def theme_heading_facts(doc: DocumentResolution, index: int, block: Block) -> None:
    """A theme heading inside the terms of reference (its definition)."""
    if doc.parsed.parts[block.part].kind == "terms-of-reference":
        theme(doc, index, block, primary=False)


def theme(doc: DocumentResolution, index: int, block: Block, primary: bool) -> None:
    """The theme concept of ``block`` in the meeting's scheme, labelled or defined by its text."""
    letter = block.number or ""
    scheme = doc.tor_scheme()
    key = f"concept/tor/{scheme.split('/', 2)[2]}/{letter}"
    text = doc.text[block.body:block.end].strip().strip("*").strip()
    entity = doc.registry.get(key)
    if entity is None:
        doc.registry.add(Entity(key, "Theme", text, attributes={"notation": letter, "scheme": scheme}))
    elif primary and entity.label != text:
        entity.aliases.add(entity.label)
        entity.label = text
    else:
        doc.registry.add_name(key, text)
    span = (block.body, block.end)
    doc.fact(key, SKOS.definition if not primary else SKOS.prefLabel, Value(text), span, index)
    if scheme not in doc.registry:
        committee = doc.context.committee or doc.parsed.document.key
        doc.registry.add(Entity(scheme, "ConceptScheme", f"Terms of reference: {committee}"))
