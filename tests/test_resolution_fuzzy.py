"""Fuzzy name matching never makes two different bodies one (invented names)."""

from __future__ import annotations

from evidence_graph.graph.entities import Registry
from evidence_graph.loaders.context import gather_context
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.resolution import resolve_document, seed_registry
from evidence_graph.loaders.resolution.entities import distinct_bodies
from evidence_graph.loaders.structure import parse_document


def organisations_of(text: str) -> dict[str, set[str]]:
    """The organisations one invented paper resolves to: label -> names."""
    doc = parse_document(Document("p/minutes.txt", "p/minutes", text, "a", metadata={"kind": "minutes"}))
    context = gather_context([doc], {"authority": "Fenmoor District Council"})
    registry = Registry()
    seed_registry(registry)
    resolved = resolve_document(doc, find_mentions(doc, context), context, registry)
    keys = {a.entity for a in resolved.annotations if a.mention.kind == "organisation" and a.entity}
    return {registry.get(k).label: set(registry.get(k).names()) for k in keys}


def test_alike_names_with_another_content_word_are_two_bodies() -> None:
    found = organisations_of(
        "1. The Panel heard from the Public Cog Association (PCA) about cog supply.\n\n"
        "2. The Public Gear Association (PGA) had written to the Panel about gear supply.\n")
    cog = next(names for label, names in found.items() if "Cog" in label)
    assert not any("Gear" in name for name in cog), found


def test_a_body_named_with_its_words_in_another_order_is_another_body() -> None:
    assert distinct_bodies("Widget Law Association (WLA)", "Association for Widgets (AfW)")
    assert distinct_bodies("Widget Association", "Association for Widgets")
    assert distinct_bodies("Fenmoor Widget Trust", "Widget Fenmoor Trust")


def test_spelling_variants_and_shortened_forms_are_one_body() -> None:
    assert not distinct_bodies("Fenmoor District Copuncil", "Fenmoor District Council")
    assert not distinct_bodies("District Copuncil", "Fenmoor District Council")
    assert not distinct_bodies("Fenmoor Widgets Trust", "Fenmoor Widget Trust")
    assert distinct_bodies("Fenmoor Cog Trust", "Fenmoor Gear Trust")


def test_a_word_after_the_shared_ones_is_another_head_and_another_body() -> None:
    assert distinct_bodies("Fenmoor Widget Society", "Fenmoor Widget Society Choir")
    assert distinct_bodies("Fire Service Choir", "Fire Service")
    # Leading or middle words dropped are shortened forms of one body.
    assert not distinct_bodies("Widget Society", "Royal Widget Society")
    assert not distinct_bodies("Widget Chairs", "Widget Board Chairs")
    # A law's name may end in its year: only bodies need alike heads.
    assert not distinct_bodies("Widgets Act", "Widgets Act 2021", heads_alike=False)
