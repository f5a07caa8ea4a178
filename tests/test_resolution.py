"""Stage 4 alone: scoped resolution, registry decisions and facts with evidence."""

from __future__ import annotations

from evidence_graph.graph.entities import Registry, normalise_label
from evidence_graph.graph.vocabulary import EG, ORG, SCHEMA
from evidence_graph.loaders.context import gather_context
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.facts import Ref
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.resolution import post_slug, resolve_document, seed_registry
from evidence_graph.loaders.structure import parse_document

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


def council_minutes(council: str, committee: str = "Adults and Health Select Committee") -> str:
    return (f"{council}\n\nMinutes of the meeting of the {committee} held on Tuesday, 12 March 2024 "
            "at 10.00 am.\n\nPresent: Mrs Angela Goodwin (Chairman), Mr Robert Evans, Mrs Helyn Clack\n\n"
            "1. Adult social care budget\n\nThe Committee considered the report. The County Council "
            "spends £400m a year on adult social care; the Council expects demand to grow.\n")


def resolve_council(registry: Registry, council: str, committee: str = "Adults and Health Select Committee"):
    doc = parse_document(Document(f"{council}/minutes.txt", f"{council}/minutes",
                                  council_minutes(council, committee), council, metadata={"kind": "minutes"}))
    context = gather_context([doc], {"authority": council, "committee": committee})
    return resolve_document(doc, find_mentions(doc, context), context, registry)


def test_a_second_council_of_the_same_kind_gets_its_own_entity() -> None:
    registry = Registry()
    seed_registry(registry)
    for council in ("Kent County Council", "Surrey County Council", "Norwich City Council", "Exeter City Council"):
        resolved = resolve_council(registry, council)
        key = "org/gb-lae-ken" if council.startswith("Kent") else f"org/{council.lower().replace(' ', '-')}"
        assert registry.get(key).label == council
        bare = {a.entity for a in resolved.annotations if a.mention.kind == "organisation"}
        assert bare == {key}, council  # "the County Council", "the Council": this document's host only
    names = {name for e in registry.of_kind("Organisation") for name in e.names()}
    assert not names & {"County Council", "City Council", "the Council", "Council"}


def test_generic_aliases_stored_by_an_older_build_are_never_fuzzy_targets() -> None:
    registry = Registry()
    seed_registry(registry)
    resolve_council(registry, "Kent County Council")
    registry.add_name("org/gb-lae-ken", "County Council")  # what builds before the fix recorded
    resolve_council(registry, "Surrey County Council")
    assert registry.get("org/surrey-county-council").label == "Surrey County Council"
    assert "Surrey County Council" not in registry.get("org/gb-lae-ken").names()


def test_same_named_committees_of_two_councils_are_two_committees() -> None:
    registry = Registry()
    seed_registry(registry)
    kent = resolve_council(registry, "Kent County Council", "Scrutiny Committee")
    surrey = resolve_council(registry, "Surrey County Council", "Scrutiny Committee")
    committees = [e.key for e in registry.of_kind("Committee")]
    assert committees == ["committee/gb-lae-ken/scrutiny-committee",
                          "committee/surrey-county-council/scrutiny-committee"]
    assert registry.find("Committee", "Scrutiny Committee", within="org/surrey-county-council").key == committees[1]
    for resolved, committee, council in ((kent, committees[0], "org/gb-lae-ken"),
                                         (surrey, committees[1], "org/surrey-county-council")):
        assert any(f.subject == committee and f.predicate == ORG.subOrganizationOf and f.object == Ref(council)
                   for f in resolved.facts)


def test_units_are_found_within_their_authority() -> None:
    registry = Registry()
    seed_registry(registry)
    from evidence_graph.graph.entities import Entity

    registry.add(Entity("unit/gb-lae-ken/finance", "OrganisationalUnit", "Finance", attributes={"parent": "org/gb-lae-ken"}))
    assert registry.find("OrganisationalUnit", "Finance", within="org/surrey-county-council") is None
    assert registry.find("OrganisationalUnit", "Finance", within="org/gb-lae-ken").key == "unit/gb-lae-ken/finance"
