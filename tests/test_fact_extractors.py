"""Fact extraction as registered components: the order they run in, each one alone, and a new
one added by registration (issue #9 point 4)."""

from __future__ import annotations

import pytest

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.vocabulary import EG, ORG, RDF, SCHEMA
from evidence_graph.loaders.blocks import ParsedDocument
from evidence_graph.loaders.context import gather_context
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.facts import Ref, Value
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.resolution import (
    BLOCK_FACT_EXTRACTORS,
    FACT_EXTRACTORS,
    DocumentResolution,
    EntityResolver,
    SpeakerAttribution,
    open_document,
    resolve_document,
    seed_registry,
)
from evidence_graph.loaders.structure import parse_document

MINUTES = ("MINUTES of a meeting of the Wessex District Council Housing Panel held on Monday, 3 June 2024\n\n"
           "PRESENT: Cllr Pat Green (Chairman), Cllr Rob White and Cllr Sue Black\n\n"
           "(1) The Panel heard that the Council spent £2.4m on temporary accommodation in 2023.\n\n"
           "(2) Cllr White said the Council should review the allocations policy.\n")


def opened(text: str = MINUTES) -> tuple[ParsedDocument, DocumentResolution]:
    parsed = parse_document(Document("p/minutes.txt", "p/minutes", text, "0", metadata={"kind": "minutes"}))
    context = gather_context([parsed], {"authority": "Wessex District Council"})
    registry = Registry()
    seed_registry(registry)
    return parsed, open_document(parsed, find_mentions(parsed, context), context, registry)


def test_document_wide_extractors_run_in_pipeline_order() -> None:
    assert FACT_EXTRACTORS.names() == ("meeting", "document", "passages", "blocks", "annotations",
                                       "former-names", "figures", "dated-starts", "claims")


def test_every_block_kind_with_facts_has_one_registered_extractor() -> None:
    assert set(BLOCK_FACT_EXTRACTORS.names()) == {
        "meeting-header", "committee-heading", "membership", "apologies", "agenda-item", "minute-item",
        "signature", "memo-header", "attendance", "title", "theme", "theme-heading", "paragraph", "list-item",
        "submitter-list"}
    with pytest.raises(ValueError, match="already registered"):
        BLOCK_FACT_EXTRACTORS.add("attendance", lambda doc, index, block: None)


def test_an_unknown_extractor_is_named_with_the_registered_ones() -> None:
    parsed, doc = opened()
    with pytest.raises(KeyError, match=r"no fact extractor named 'vibes'.*meeting"):
        resolve_document(parsed, doc.mentions, doc.context, doc.registry, extractors=["vibes"])


def test_one_extractor_runs_alone_on_the_document_object() -> None:
    _, doc = opened()
    FACT_EXTRACTORS.get("meeting")(doc)
    assert {f.predicate for f in doc.out.facts} >= {RDF.type, SCHEMA.organizer}
    assert not any(f.predicate == SCHEMA.text for f in doc.out.facts), "no passages: that is another extractor"
    FACT_EXTRACTORS.get("document")(doc)
    FACT_EXTRACTORS.get("passages")(doc)
    passages = {f.subject for f in doc.out.facts if f.predicate == RDF.type and f.object == EG.Passage}
    assert passages and passages == set(doc.out.passages.values())
    assert not any(f.predicate == ORG.memberOf for f in doc.out.facts)


def test_a_block_extractor_runs_alone_on_its_block() -> None:
    parsed, doc = opened()
    for name in ("meeting", "document", "passages"):
        FACT_EXTRACTORS.get(name)(doc)
    index, block = next((i, b) for i, b in enumerate(parsed.blocks) if b.kind in ("membership", "attendance"))
    BLOCK_FACT_EXTRACTORS.get(block.kind)(doc, index, block)
    members = {f.subject for f in doc.out.facts if f.predicate == ORG.memberOf}
    assert members == {"person/pat-green", "person/rob-white", "person/sue-black"}


def test_a_subset_of_extractors_gives_only_their_facts() -> None:
    parsed, doc = opened()
    full = resolve_document(parsed, doc.mentions, doc.context, doc.registry)
    assert any(f.predicate == EG.claimType for f in full.facts)
    _, doc = opened()
    part = resolve_document(parsed, doc.mentions, doc.context, doc.registry,
                            extractors=["meeting", "document", "passages", "annotations"])
    assert not any(f.predicate in (EG.claimType, SCHEMA.value) for f in part.facts)
    assert part.annotations, "mentions are still linked to their entities"


def test_a_registered_extractor_is_run_by_the_pipeline() -> None:
    def reviewed_policies(doc: DocumentResolution) -> None:
        for index, block in enumerate(doc.parsed.blocks):
            if "review" in doc.text[block.start:block.end] and index in doc.out.passages:
                doc.fact(doc.out.passages[index], SCHEMA.keywords, Value("review"))

    FACT_EXTRACTORS.add("reviews", reviewed_policies, after="claims")
    try:
        parsed, doc = opened()
        resolved = resolve_document(parsed, doc.mentions, doc.context, doc.registry)
    finally:
        FACT_EXTRACTORS.remove("reviews")
    tagged = [f for f in resolved.facts if f.predicate == SCHEMA.keywords]
    assert len(tagged) == 1 and tagged[0].subject.endswith("#para_2")
    assert "reviews" not in FACT_EXTRACTORS


def test_entity_resolution_alone_scopes_the_council_to_the_host() -> None:
    _, doc = opened()
    entities = EntityResolver(doc)
    assert entities.organisation("Wessex District Council") == "org/wessex-district-council"
    assert entities.organisation("the County Council") is None, "a generic name of no host resolves to nothing"
    person, confidence = entities.person("Cllr White")
    assert person == "person/rob-white" and confidence >= 0.9


def test_speaker_attribution_alone_gives_the_reported_speaker_from_the_cast() -> None:
    parsed, doc = opened()
    speakers = SpeakerAttribution(doc, EntityResolver(doc))
    said = next(b for b in parsed.blocks if "should review" in MINUTES[b.start:b.end])
    assert speakers.speaker_of(said) == "person/rob-white"
    heard = next(b for b in parsed.blocks if "heard that" in MINUTES[b.start:b.end])
    assert speakers.speaker_of(heard) != "person/rob-white"


def test_the_split_pipeline_keeps_the_facts_of_the_whole() -> None:
    """Run extractor by extractor by hand: the same facts as resolve_document."""
    parsed, doc = opened()
    whole = resolve_document(parsed, doc.mentions, doc.context, doc.registry)
    _, by_hand = opened()
    for _, extractor in FACT_EXTRACTORS:
        extractor(by_hand)
    assert sorted(map(repr, by_hand.out.facts)) == sorted(map(repr, whole.facts))
    assert Ref("org/wessex-district-council") in {f.object for f in whole.facts}


def test_committees_of_papers_with_no_host_are_scoped_to_their_papers() -> None:
    """Two unrelated papers that name no council: each one's Cabinet is its own committee."""
    registry = Registry()
    seed_registry(registry)
    committees = []
    for key in ("north/cabinet-minutes", "south/cabinet-minutes"):
        text = ("Cabinet - Tuesday, 4th March, 2025 7.00 pm\n\n"
                "1. The Cabinet agreed the parking strategy for the coming year.\n")
        parsed = parse_document(Document(f"{key}.txt", key, text, "0"))
        context = gather_context([parsed])
        assert context.authority is None
        resolved = resolve_document(parsed, find_mentions(parsed, context), context, registry)
        committees.append({f.subject for f in resolved.facts if f.subject.startswith("committee/")})
    assert committees[0] and committees[1] and committees[0].isdisjoint(committees[1])


def test_each_listed_submitter_made_a_written_contribution() -> None:
    from evidence_graph.graph.vocabulary import PCON

    text = ("House of Commons Widgets Committee\n\nWritten Evidence\n\nList of written evidence\n\n"
            "WG 01 [Jane Doe] WG 02 [Acme Widget Trust] WG 03 [Local Widgets Association (LWA)]\n")
    parsed = parse_document(Document("w/list.txt", "w/list", text, "0"))
    context = gather_context([parsed])
    registry = Registry()
    seed_registry(registry)
    resolved = resolve_document(parsed, find_mentions(parsed, context), context, registry)
    roles = {f.subject: f.object for f in resolved.facts if f.predicate == PCON.hasContributionRole}
    makers = {f.subject for f in resolved.facts if f.predicate == PCON.makesContribution}
    assert set(roles.values()) == {Ref("concept/role/written-submitter")} and len(roles) == 3
    assert "person/jane-doe" in makers and len(makers) == 3


def test_written_contributions_pass_their_shape_and_reach_the_export(tmp_path) -> None:
    from evidence_graph import cli
    from evidence_graph.graph.vocabulary import PCON

    paper = tmp_path / "list.txt"
    paper.write_text("House of Commons Widgets Committee\n\nWritten Evidence\n\nList of written evidence\n\n"
                     "WG 01 [Jane Doe] WG 02 [Acme Widget Trust] WG 03 [Local Widgets Association (LWA)]\n",
                     encoding="utf-8")
    quads, problems, warnings = cli.export_documents([paper])
    assert problems == [] and not [w for w in warnings if "Contribution" in w]
    assert len({s for s, p, _, _ in quads if p == PCON.hasContributionRole}) == 3
