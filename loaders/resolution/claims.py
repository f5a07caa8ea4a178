"""Claims: one per sentence of attributed prose that names an issue or a figure, with its type,
speaker and what it is about; the speaker raised the issues it names."""

from __future__ import annotations

import re

from evidence_graph.graph.vocabulary import EG, PROV, RDF, SCHEMA
from evidence_graph.loaders.facts import SEGMENT
from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.resolution.extractors import FACT_EXTRACTORS
from evidence_graph.loaders.resolution.state import DocumentResolution
from evidence_graph.loaders.sentences import split_sentences

_OPINION = re.compile(r"\b(I think|I believe|my view|in my view|in our experience|I am not sure|"
                      r"we feel|we believe|I would)\b", re.I)
_RECOMMEND = re.compile(r"\b(should|must|need to|needs to|ought to|would benefit|recommend)\b", re.I)


@FACT_EXTRACTORS.register("claims", after="dated-starts")
def claim_facts(doc: DocumentResolution) -> None:
    """One claim per sentence of attributed prose that names an issue or a figure."""
    for index, block in enumerate(doc.parsed.blocks):
        if block.kind in ("heading", "label", "theme", "theme-heading", "agenda-item", "membership",
                          "meeting-header", "signature", "memo-header", "title"):
            continue
        speaker = doc.speakers.speaker_of(block)
        mentions = doc.by_block.get(index, [])
        if not mentions:
            continue
        passage = doc.out.passages[index]
        for number, (start, end) in enumerate(split_sentences(doc.text, block.body, block.end), 1):
            inside = [m for m in mentions if start <= m.start < end]
            issues = [m for m in inside if m.kind == "issue"]
            figures = [m for m in inside if m.kind == "figure"]
            if not issues and not figures:
                continue
            sentence = doc.text[start:end]
            key = f"{passage}.s{number}.claim"
            doc.fact(key, RDF.type, SCHEMA.Claim)
            doc.fact(key, SCHEMA.text, doc.text_value(sentence, index))
            doc.fact(key, SCHEMA.appearance, passage)
            doc.fact(key, PROV.wasQuotedFrom, SEGMENT, (start, end), index)
            if speaker:
                doc.fact(key, SCHEMA.author, speaker)
                doc.fact(key, PROV.wasAttributedTo, speaker)
            doc.fact(key, EG.claimType, f"concept/claim-type/{claim_type(sentence, figures)}")
            about: set[str] = set()
            for mention in inside:
                if mention.kind in ("issue", "organisation", "service", "programme", "framework",
                                    "legislation", "place"):
                    entity, _ = doc.entities.resolve_mention(mention)
                    if entity:
                        about.add(entity)
            for letter in block.theme_notations:
                about.add(doc.theme_key(letter))
            for entity in sorted(about):
                doc.fact(key, SCHEMA.about, entity)
            if speaker and block.role in ("witness", "author", None) and speaker != doc.committee:
                for issue in issues:
                    entity, _ = doc.entities.resolve_mention(issue)
                    if entity:
                        doc.fact(speaker, EG.raisedIssue, entity, (issue.start, issue.end), index)


def claim_type(sentence: str, figures: list[Mention]) -> str:
    """Question, figure, opinion, recommendation or fact, by the sentence's form and words.

    Examples
    --------
    >>> claim_type("We believe the service works.", [])
    'opinion'
    """
    if sentence.rstrip().endswith("?"):
        return "question"
    if figures:
        return "figure"
    if _OPINION.search(sentence):
        return "opinion"
    if _RECOMMEND.search(sentence):
        return "recommendation"
    return "fact"
