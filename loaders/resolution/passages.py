"""Passages: each block of the document as a quotable node with its offsets, speaker and
themes."""

from __future__ import annotations

from evidence_graph.graph.vocabulary import DCTERMS, EG, RDF, SCHEMA
from evidence_graph.loaders.facts import Value
from evidence_graph.loaders.formats import page_of
from evidence_graph.loaders.resolution.extractors import FACT_EXTRACTORS
from evidence_graph.loaders.resolution.keys import ROLE_KEYS, role_key
from evidence_graph.loaders.resolution.state import DocumentResolution

_PASSAGE_CLASS = {"question", "tor-question", "quoted-question"}

#: Blocks never tagged with a theme: headings, labels, layout and the terms of reference itself.
_UNTAGGED_KINDS = frozenset({"heading", "label", "title", "theme", "theme-heading", "tor-question", "remit",
                             "membership", "attendance", "apologies", "agenda-item", "meeting-header",
                             "committee-heading", "memo-header", "signature"})


@FACT_EXTRACTORS.register("passages", before="blocks")
def passage_facts(doc: DocumentResolution) -> None:
    """Every block but page furniture is a passage: its key (``#para_3`` in minutes, ``#q_2``
    for a question, else ``#block_12``), text, offsets, printed pages (for a PDF), type,
    speaker, the question it answers and the terms-of-reference themes it states or addresses."""
    question_count = 0
    minutes_parts = {i for i, p in enumerate(doc.parsed.parts) if p.kind == "minutes"}
    used: set[str] = set()
    for index, block in enumerate(doc.parsed.blocks):
        if block.kind in ("label", "furniture"):  # page furniture is no passage
            continue
        in_minutes = block.part in minutes_parts and block.number is not None
        if in_minutes and (block.kind == "numbered-paragraph" or block.parent is not None):
            fragment = f"para_{block.number}"
        elif block.part in minutes_parts and block.kind == "question":
            question_count += 1
            fragment = f"q_{question_count}"
        else:
            fragment = f"block_{index}"
        # Minutes may print a paragraph number twice ("(2) … (2) …"): each is its own passage.
        key, n = f"{doc.doc_key}#{fragment}", 2
        while key in used:
            key, n = f"{doc.doc_key}#{fragment}-{n}", n + 1
        used.add(key)
        doc.out.passages[index] = key
    themes = theme_tags(doc)
    pages = doc.parsed.document.pages
    for index, key in doc.out.passages.items():
        block = doc.parsed.blocks[index]
        doc.fact(key, RDF.type, EG.Passage)
        if block.kind in _PASSAGE_CLASS:
            doc.fact(key, RDF.type, SCHEMA.Question)
        elif block.role == "witness":
            doc.fact(key, RDF.type, SCHEMA.Answer)
        elif block.role == "narrative":
            doc.fact(key, RDF.type, EG.Narrative)
        doc.fact(key, DCTERMS.isPartOf, doc.part_keys[block.part])
        doc.fact(key, SCHEMA.text, doc.text_value(doc.text[block.start:block.end], index))
        doc.fact(key, EG.startOffset, Value(str(block.start), "integer"))
        doc.fact(key, EG.endOffset, Value(str(block.end), "integer"))
        doc.fact(key, SCHEMA.position, Value(block.number or str(index)))
        if pages:  # a paged format (PDF): the printed pages the passage starts and ends on
            doc.fact(key, SCHEMA.pageStart, Value(str(page_of(pages, block.start)), "integer"))
            doc.fact(key, SCHEMA.pageEnd, Value(str(page_of(pages, max(block.start, block.end - 1))), "integer"))
        doc.fact(key, DCTERMS.type, Value(block.kind))
        if block.role in ROLE_KEYS:
            doc.fact(key, EG.speakerRole, role_key(block.role))
        speaker = doc.speakers.speaker_of(block)
        if speaker:
            doc.fact(key, SCHEMA.author, speaker)
        if block.answers is not None and block.answers in doc.out.passages:
            question = doc.out.passages[block.answers]
            doc.fact(key, SCHEMA.parentItem, question)
            doc.fact(question, SCHEMA.suggestedAnswer, key)
        if block.parent is not None and block.parent in doc.out.passages:
            doc.fact(key, DCTERMS.isPartOf, doc.out.passages[block.parent])
        for letter in block.theme_notations or themes.get(index, ()):
            predicate = SCHEMA.about if block.kind in ("tor-question", "theme", "theme-heading") \
                else DCTERMS.subject
            doc.fact(key, predicate, doc.theme_key(letter))


def theme_tags(doc: DocumentResolution) -> dict[int, tuple[str, ...]]:
    """Themes of the passages that state none, by similarity to the terms of reference, by block
    index; a question and its answers support each other
    (:meth:`loaders.themes.ThemeTagger.tag_linked`). Headings, layout and the terms of reference
    themselves are never tagged."""
    if doc.context.themes is None:
        return {}
    blocks = doc.parsed.blocks
    texts = ["" if b.kind in _UNTAGGED_KINDS or b.theme_notations else doc.text[b.start:b.end]
             for b in blocks]
    links: list[list[int]] = [[] for _ in blocks]
    for index, b in enumerate(blocks):
        if b.answers is not None and 0 <= b.answers < len(blocks):
            links[index].append(b.answers)
            links[b.answers].append(index)
    tagged = doc.context.themes.tag_linked(texts, links)
    return {index: tuple(m.notation for m in found) for index, (b, found) in enumerate(zip(blocks, tagged, strict=True))
            if b.kind not in _UNTAGGED_KINDS}
