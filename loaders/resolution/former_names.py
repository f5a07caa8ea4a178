"""Former names: the name an organisation had before ("formerly known as X")."""

from __future__ import annotations

from evidence_graph.graph.vocabulary import EG
from evidence_graph.loaders.facts import Value
from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.resolution.extractors import FACT_EXTRACTORS
from evidence_graph.loaders.resolution.state import DocumentResolution


@FACT_EXTRACTORS.register("former-names", after="annotations")
def former_name_facts(doc: DocumentResolution) -> None:
    """A former-name mention ("formerly known as X") names the organisation just before it."""
    for index, mentions in sorted(doc.by_block.items()):
        for mention in mentions:
            if mention.kind == "former-name":
                former_name(doc, index, mention, mentions)


def former_name(doc: DocumentResolution, index: int, mention: Mention, mentions: list[Mention]) -> None:
    """The former name of the organisation named within 200 characters before the mention."""
    holders = [m for m in mentions if m.kind == "organisation" and m.end <= mention.start
               and mention.start - m.end < 200]
    if not holders:
        return
    org, _ = doc.entities.resolve_mention(holders[-1])
    if org is None:
        return
    doc.registry.add_name(org, mention.label)
    doc.fact(org, EG.formerName, Value(mention.label), (holders[-1].start, mention.end), index)
