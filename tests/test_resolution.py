"""Stage 4 alone: scoped resolution, registry decisions and facts with evidence."""

from __future__ import annotations

from graph.vocabulary import EG, ORG, SCHEMA
from loaders.context import gather_context
from loaders.document import Document
from loaders.facts import Ref
from loaders.mentions import find_mentions
from loaders.registry import Registry, normalise_label
from loaders.resolution import post_slug, resolve_document, seed_registry
from loaders.structure import parse_document

AGENDA = ("## AGENDA\n\n### HOUSING SCRUTINY PANEL\n\nMonday, 3rd June, 2024, at 6.30 pm      Ask for:      Ann Clerk\n\n"
          "#### Membership\n\nCllr P Green (Chairman), Cllr R White and Cllr S Black\n\n"
          "- 1      Apologies\n- 2      **6.45pm** - Jo Smith, Director, Wessex Homes Trust (Pages 3 - 9)\n")
MINUTES = ("Interview with Jo Smith, Director, Wessex Homes Trust\n\n(1)  The Chairman welcomed Ms Smith.\n\n"
           "What worries you most?\n\n(2)  Contract length worries me; Wessex District Council and the Council "
           "offer one-year deals and the Distrct Council rarely extends them.\n")


def resolve_pair():
    docs = [parse_document(Document("p/agenda.md", "p/agenda", AGENDA, "a")),
            parse_document(Document("p/minutes.txt", "p/minutes", MINUTES, "b", metadata={"kind": "minutes"}))]
    context = gather_context(docs, {"authority": "Wessex District Council"})
    registry = Registry()
    seed_registry(registry)
    resolved = [resolve_document(d, find_mentions(d, context), context, registry) for d in docs]
    return resolved, registry


def test_people_resolve_within_the_meeting_cast() -> None:
    resolved, registry = resolve_pair()
    minutes = resolved[1]
    people = {a.entity for a in minutes.annotations if a.mention.kind == "person"}
    assert people == {"person/jo-smith"}
    assert "Ms Smith" in registry.get("person/jo-smith").aliases


def test_the_council_and_typos_resolve_to_the_host_authority() -> None:
    resolved, registry = resolve_pair()
    orgs = {(minutes_text, a.entity) for a in resolved[1].annotations if a.mention.kind == "organisation"
            for minutes_text in [MINUTES[a.mention.start:a.mention.end]]}
    assert ("the Council", "org/wessex-district-council") in orgs
    assert ("Distrct Council", "org/wessex-district-council") in orgs
    assert "Distrct Council" in registry.get("org/wessex-district-council").hidden


def test_minutes_answer_is_authored_by_the_witness_and_linked_to_the_agenda_item() -> None:
    resolved, _ = resolve_pair()
    facts = resolved[1].facts
    answer = "doc/p/minutes#para_2"
    assert any(f.subject == answer and f.predicate == SCHEMA.author and f.object == Ref("person/jo-smith") for f in facts)
    item = "meeting/wessex-district-council/housing-scrutiny-panel/2024-06-03/item/2"
    assert any(f.predicate == SCHEMA.about and f.object == Ref(item) for f in facts)
    assert any(f.subject == "person/jo-smith" and f.predicate == EG.raisedIssue
               and f.object == Ref("concept/issue/contract-length") for f in facts)


def test_structural_facts_carry_exact_evidence_spans() -> None:
    resolved, _ = resolve_pair()
    agenda = resolved[0]
    chair = [f for f in agenda.facts if f.predicate == ORG.memberOf and f.subject == "person/p-green"]
    assert chair and AGENDA[chair[0].evidence[0]:chair[0].evidence[1]] == "Cllr P Green"
    for fact in agenda.facts + resolved[1].facts:
        if fact.evidence:
            start, end = fact.evidence
            assert 0 <= start < end


def test_names_normalise_for_comparison() -> None:
    assert normalise_label("Independent Fostering Agency (IFA) framework") == normalise_label(
        "Independent Foster Agency Framework")
    assert post_slug("Head of Strategic Commissioning (Children's)") == post_slug(
        "Head of Strategic Commissioning – Children")


def test_registry_decisions_make_a_second_resolution_identical() -> None:
    first, registry = resolve_pair()
    docs = [r.parsed for r in first]
    context = gather_context(docs, {"authority": "Wessex District Council"})
    again = [resolve_document(d, find_mentions(d, context), context, registry) for d in docs]
    assert [f for r in again for f in r.facts] == [f for r in first for f in r.facts]
