"""The development set's manifest page is the one its gold files make, and names every source."""

from __future__ import annotations

from evidence_graph.evaluation.gold import read_devset
from evidence_graph.evaluation.manifest import DEFAULT_DEVSET, render_manifest


def test_manifest_page_matches_the_gold_files() -> None:
    documents, skipped = read_devset(DEFAULT_DEVSET)
    assert not skipped
    page = (DEFAULT_DEVSET / "README.md").read_text(encoding="utf-8")
    assert page == render_manifest(documents), "run: python -m evaluation.manifest > devset/README.md"
    for document in documents:
        assert f"<{document.url}>" in page and document.licence in page
