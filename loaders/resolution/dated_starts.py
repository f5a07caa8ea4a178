"""Dated starts: claims of when something began ("… has run the service since 2016")."""

from __future__ import annotations

import re

from evidence_graph.graph.vocabulary import EG, RDF, SCHEMA
from evidence_graph.loaders.blocks import Block
from evidence_graph.loaders.facts import Value
from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.resolution.extractors import FACT_EXTRACTORS
from evidence_graph.loaders.resolution.state import DocumentResolution
from evidence_graph.loaders.sentences import split_sentences

_SINCE = re.compile(r"\bsince (?:(?P<month>January|February|March|April|May|June|July|August|"
                    r"September|October|November|December) )?(?P<year>(?:19|20)\d\d)\b")
_MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december"]


@FACT_EXTRACTORS.register("dated-starts", after="figures")
def dated_start_facts(doc: DocumentResolution) -> None:
    """Claims of when things started ("… has run the service since 2016"), block by block."""
    for index, block in enumerate(doc.parsed.blocks):
        dated_starts(doc, index, block, doc.by_block.get(index, []))


def dated_starts(doc: DocumentResolution, index: int, block: Block, mentions: list[Mention]) -> None:
    """A claim that the first organisation, programme or service of a sentence with "since YEAR"
    started then."""
    body = doc.text[block.start:block.end]
    for match in _SINCE.finditer(body):
        start = block.start + match.start()
        sentence = next(((a, b) for a, b in split_sentences(doc.text, block.body, block.end)
                         if a <= start < b), (block.start, block.end))
        subjects = [m for m in mentions if m.kind in ("organisation", "framework", "programme", "service")
                    and sentence[0] <= m.start < sentence[1]]
        if not subjects:
            continue
        subject, _ = doc.entities.resolve_mention(subjects[0])
        if subject is None:
            continue
        month = match.group("month")
        value = match.group("year") + (f"-{_MONTHS.index(month.lower()) + 1:02d}" if month else "")
        claim = f"{doc.out.passages.get(index, doc.doc_key)}.since{match.start()}"
        doc.fact(claim, RDF.type, SCHEMA.Claim)
        doc.fact(claim, SCHEMA.about, subject)
        doc.fact(claim, SCHEMA.startDate, Value(value, "gYearMonth" if month else "gYear"),
                  sentence, index)
        doc.fact(claim, SCHEMA.text, doc.text_value(doc.text[sentence[0]:sentence[1]], index))
        doc.fact(claim, EG.claimType, "concept/claim-type/fact")
        doc.fact(claim, SCHEMA.appearance, doc.out.passages[index])
        speaker = doc.speakers.speaker_of(block)
        if speaker:
            doc.fact(claim, SCHEMA.author, speaker)
