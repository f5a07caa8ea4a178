"""Figures: each money amount, count or percentage as a node with its value, what it measures,
what it is about, and the figure of another document it restates."""

from __future__ import annotations

from evidence_graph.graph.vocabulary import EG, PROV, RDF, SCHEMA
from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.cues import load_cues
from evidence_graph.loaders.facts import SEGMENT, Value
from evidence_graph.loaders.figures import choose_about, describe_figure, sentence_around
from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.resolution.extractors import FACT_EXTRACTORS
from evidence_graph.loaders.resolution.state import DocumentResolution

#: Kinds of entity a figure can be about (loaders.figures.choose_about).
_FIGURE_ABOUT_KINDS = frozenset({"service", "programme", "framework", "organisation", "unit", "place"})


@FACT_EXTRACTORS.register("figures", after="former-names")
def figure_facts(doc: DocumentResolution) -> None:
    """Every figure mention, in document order; a figure that names nothing it is about may be
    about what the figure before it was about."""
    last_about: str | None = None
    for index, block in enumerate(doc.parsed.blocks):
        ordinal = 0
        for mention in doc.by_block.get(index, []):
            if mention.kind == "figure":
                ordinal += 1
                last_about = figure_node(doc, index, block, mention, ordinal, last_about)


def figure_node(doc: DocumentResolution, index: int, block: Block, mention: Mention, ordinal: int,
                last_about: str | None) -> str | None:
    """The facts of one figure (the ``ordinal``-th of its block); returns what the next figure
    may be about."""
    figure = mention.figure
    assert figure is not None
    passage = doc.out.passages.get(index, doc.doc_key)
    key = f"{passage}.fig{ordinal}"
    doc.fact(key, RDF.type, EG.Figure)
    doc.fact(key, RDF.type, SCHEMA.MonetaryAmount if figure.kind == "money"
              else SCHEMA.QuantitativeValue)
    span = (mention.start, mention.end)
    if figure.value is not None:
        doc.fact(key, SCHEMA.value, Value(str(figure.value), "decimal"), span, index)
    if figure.minimum is not None:
        doc.fact(key, SCHEMA.minValue, Value(str(figure.minimum), "decimal"), span, index)
        doc.fact(key, SCHEMA.maxValue, Value(str(figure.maximum), "decimal"), span, index)
    if figure.currency:
        doc.fact(key, SCHEMA.currency, Value(figure.currency))
    if figure.unit:
        doc.fact(key, SCHEMA.unitText, Value(figure.unit))
    doc.fact(key, EG.approximate, Value("true" if figure.approximate else "false", "boolean"))
    doc.fact(key, SCHEMA.description, doc.text_value(mention.label, mention.block))
    if mention.measure:
        doc.fact(key, EG.measure, doc.text_value(mention.measure, mention.block))
    doc.fact(key, SCHEMA.appearance, passage)
    doc.fact(key, PROV.wasQuotedFrom, SEGMENT, span, index)
    about = figure_about(doc, index, block, mention, last_about)
    if about:
        doc.fact(key, SCHEMA.about, about, span, index)
    value = str(figure.value if figure.value is not None else figure.minimum)
    body = doc.text[block.start:block.end].lower()
    if any(cue in body for cue in load_cues("figures")["restatement"]):
        for peer in doc.peer_figures:
            if peer.value == value and peer.key.split("#")[0] != doc.doc_key and (
                    about is None or peer.about in (None, about)):
                doc.fact(key, EG.restates, peer.key, span, index)
                break
    return about or last_about


def figure_about(doc: DocumentResolution, index: int, block: Block, mention: Mention,
                 last_about: str | None) -> str | None:
    """The entity a figure measures (:func:`loaders.figures.choose_about`).

    A service, programme, framework, organisation, unit or place named in the phrase the
    figure measures ("spent on X", "X accounts for", "budget for X"), else the nearest one in
    its clause. A figure that is part of an earlier one ("Of this £40m", "25% of the spend",
    "In this time 119 children") and names nothing is about what the sentence before names,
    else about what the figure before it was about. In a table row: a name in the row label.
    """
    candidates = [m for m in doc.by_block.get(index, []) if m.kind in _FIGURE_ABOUT_KINDS
                  and (m.end <= mention.start or m.start >= mention.end)]
    if block.kind == "table-row":
        row = block.field("row")
        named = [m for m in candidates if row is not None and row.start <= m.start and m.end <= row.end]
        return next(filter(None, (doc.entities.resolve_mention(m)[0] for m in named)), None)
    a, b = sentence_around(doc.text, mention.start, mention.end, block.body, block.end)
    measure = describe_figure(doc.text[a:b], mention.start - a, mention.end - a, mention.figure)
    inside = [m for m in candidates if a <= m.start and m.end <= b]
    while inside:
        chosen = choose_about(measure, [(m.start - a, m.end - a) for m in inside],
                              (mention.start - a, mention.end - a))
        if chosen is None:
            break
        entity = doc.entities.resolve_mention(inside[chosen])[0]
        if entity:
            return entity
        inside.pop(chosen)
    if not measure.anaphoric:
        return None
    if a - 2 > block.body:
        pa, pb = sentence_around(doc.text, a - 2, a - 2, block.body, block.end)
        before = sorted((m for m in candidates if pa <= m.start and m.end <= pb),
                        key=lambda m: (m.start, m.start - m.end))
        entity = next(filter(None, (doc.entities.resolve_mention(m)[0] for m in before)), None)
        if entity:
            return entity
    return last_about
