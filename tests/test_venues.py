"""A meeting's venue: the building it names is a place of its own, scoped to its town or host."""

from __future__ import annotations

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.vocabulary import SCHEMA
from evidence_graph.loaders.context import gather_context
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.facts import Ref
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.resolution import resolve_document, seed_registry
from evidence_graph.loaders.structure import parse_document


def venue_facts(header: str, authority: str) -> tuple[list, Registry]:
    text = (f"Cabinet - Tuesday, 4th March, 2025 7.00 pm\n\n{header}\n\n"
            "1. Apologies for absence were received from Councillor Ann Lee.\n")
    parsed = parse_document(Document("c/minutes.txt", f"c/{authority[:6]}", text, "0"))
    context = gather_context([parsed], {"authority": authority})
    registry = Registry()
    seed_registry(registry)
    resolved = resolve_document(parsed, find_mentions(parsed, context), context, registry)
    contained = [(f.subject, f.object.key) for f in resolved.facts
                 if f.predicate == SCHEMA.containedInPlace and isinstance(f.object, Ref)]
    return contained, registry


def test_room_dash_building_names_the_building() -> None:
    contained, registry = venue_facts("Venue: Council Chamber - Civic Centre. View directions",
                                      "Wessex District Council")
    buildings = [registry.get(o) for _, o in contained]
    assert [b.label for b in buildings] == ["Civic Centre"]
    assert buildings[0].attributes["placeType"] == "Building"
    assert buildings[0].key == "place/civic-centre-wessex-district-council"


def test_a_building_with_no_telling_word_after_the_dash_is_a_building() -> None:
    contained, registry = venue_facts("Venue: Parkside Suite - Moorlands. View directions", "Wessex District Council")
    assert [registry.get(o).label for _, o in contained] == ["Moorlands"]


def test_rooms_streets_and_postcodes_are_not_buildings() -> None:
    contained, registry = venue_facts("Venue: Chamber & Ante Room, 3 Spilman Street, Anyton, AB1 2CD",
                                      "Wessex District Council")
    assert not [o for _, o in contained if registry.get(o).attributes.get("placeType") == "Building"]
    contained, registry = venue_facts("Venue: Norfolk Room, The Committee Suite, Elizabeth House, Anyton",
                                      "Wessex District Council")
    assert [registry.get(o).label for _, o in contained if registry.get(o).attributes.get("placeType") ==
            "Building"] == ["Elizabeth House"]


def test_two_councils_town_halls_are_two_places() -> None:
    one, _ = venue_facts("Venue: Council Chamber - Town Hall", "Wessex District Council")
    two, _ = venue_facts("Venue: Council Chamber - Town Hall", "Mercia Borough Council")
    assert {o for _, o in one}.isdisjoint({o for _, o in two})
