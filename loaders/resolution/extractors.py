"""The registries of fact extractors, run in order by :func:`loaders.resolution.resolve_document`.

A fact extractor reads a :class:`~loaders.resolution.state.DocumentResolution` and adds facts to
it. :data:`FACT_EXTRACTORS` holds the document-wide ones, in running order; one of them
(``"blocks"``) walks the blocks in document order and runs the extractor registered in
:data:`BLOCK_FACT_EXTRACTORS` under each block's kind. New facts come from registering an
extractor, not from editing the stage:

>>> from evidence_graph.loaders.resolution import FACT_EXTRACTORS
>>> FACT_EXTRACTORS.names()[:3]
('meeting', 'document', 'passages')
"""

from __future__ import annotations

from collections.abc import Callable

from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.components import ComponentRegistry
from evidence_graph.loaders.resolution.state import DocumentResolution

#: A document-wide fact extractor.
FactExtractor = Callable[[DocumentResolution], None]
#: A fact extractor of one block: the document, the block's index and the block.
BlockFactExtractor = Callable[[DocumentResolution, int, Block], None]

#: Document-wide fact extractors, in running order.
FACT_EXTRACTORS: ComponentRegistry[FactExtractor] = ComponentRegistry("fact extractor")

#: Fact extractors of one block, registered under the block kind they read ("attendance").
BLOCK_FACT_EXTRACTORS: ComponentRegistry[BlockFactExtractor] = ComponentRegistry("block fact extractor")


def block_facts(doc: DocumentResolution) -> None:
    """Run the block fact extractor of each block's kind, in document order.

    Document order matters: an agenda item names its witness before the attendance list that
    says who came for it.
    """
    for index, block in enumerate(doc.parsed.blocks):
        if block.kind in BLOCK_FACT_EXTRACTORS:
            BLOCK_FACT_EXTRACTORS.get(block.kind)(doc, index, block)


FACT_EXTRACTORS.add("blocks", block_facts)
