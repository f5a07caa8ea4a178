"""The laid-out exports (GraphML, GEXF, Cytoscape.js, graphology) lay a selection out once per
graph version: a server asked again for the same selection answers from that layout."""

from __future__ import annotations

import pytest

from evidence_graph.graph.export import network
from evidence_graph.graph.export.formats import ExportSource, export_format
from evidence_graph.graph.export.selection import ExportSelection
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.views import GraphViews


def export(fmt: str, selection: ExportSelection, views: GraphViews) -> str:
    return "".join(export_format(fmt).write(ExportSource(selection, views=views)))


def test_a_selection_is_laid_out_once_per_graph_version(sample_store: EvidenceStore,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    laid_out: list[int] = []
    real = network._lay_out
    monkeypatch.setattr(network, "_lay_out", lambda subgraph: laid_out.append(len(subgraph.nodes)) or real(subgraph))
    views = GraphViews(sample_store.quads())
    people = ExportSelection(types=("Person", "Organisation"))
    first = export("graphml", people, views)
    assert export("graphml", people, views) == first  # the same positions, not a new layout
    export("gexf", people, views)
    export("cytoscape", people, views)
    assert len(laid_out) == 1 and laid_out[0] > 10
    export("graphology", ExportSelection(), views)  # another selection: its own layout
    assert len(laid_out) == 2
    # A new graph version (new views) lays out again: positions follow the graph, not a stale copy.
    assert export("graphml", people, GraphViews(sample_store.quads())) == first
    assert len(laid_out) == 3


def test_the_layouts_kept_are_bounded(sample_store: EvidenceStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(network, "LAYOUTS_KEPT", 2)
    views = GraphViews(sample_store.quads())
    for kind in ("Person", "Organisation", "Service", "Issue"):
        export("graphml", ExportSelection(types=(kind,)), views)
    kept = views.memo["export-layouts"]
    assert [s.types for s in kept] == [("Service",), ("Issue",)]
