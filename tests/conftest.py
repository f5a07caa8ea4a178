"""Shared fixtures: the sample corpus built once into a store, and SPARQL helpers."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from graph.build import DEFAULT_CORPUS, build_into_store
from graph.store import EvidenceStore
from graph.vocabulary import ID, PREFIXES

SPARQL_PREFIXES = "\n".join(f"PREFIX {p}: <{ns}>" for p, ns in PREFIXES.items() if p != "id")
SAMPLE = DEFAULT_CORPUS / "kcc-commissioning-select-committee"
PACK = "doc/kcc-commissioning-select-committee/2014-01-30-agenda-pack"
MINUTES = "doc/kcc-commissioning-select-committee/2014-01-30-minutes-thom-wilson"
FIXTURES = Path(__file__).parent / "fixtures"


_KEY = re.compile(r"\bid:([A-Za-z0-9/_\-#.]*[A-Za-z0-9_\-])")


def expand_keys(query: str) -> str:
    """Write ``id:person/thom-wilson`` as a full IRI (SPARQL local names cannot hold ``/``)."""
    return _KEY.sub(lambda m: f"<{ID}{m.group(1)}>", query)


class GraphQuery:
    """SPARQL over a store, returning plain strings; ``id:key`` abbreviates node IRIs."""

    def __init__(self, store: EvidenceStore) -> None:
        self.store = store

    def rows(self, query: str) -> list[tuple[str, ...]]:
        result = self.store.oxigraph.query(SPARQL_PREFIXES + "\n" + expand_keys(query),
                                           use_default_graph_as_union=True)
        return [tuple(term.value if term is not None else "" for term in row) for row in result]

    def values(self, query: str) -> list[str]:
        return [row[0] for row in self.rows(query)]

    def ask(self, query: str) -> bool:
        return bool(self.store.oxigraph.query(SPARQL_PREFIXES + "\nASK {" + expand_keys(query) + "}",
                                              use_default_graph_as_union=True))


@pytest.fixture(scope="session")
def sample_store(tmp_path_factory: pytest.TempPathFactory) -> EvidenceStore:
    store = EvidenceStore(tmp_path_factory.mktemp("store") / "sample")
    result = build_into_store(store, [DEFAULT_CORPUS])
    assert result.errors == []
    return store


@pytest.fixture(scope="session")
def sample(sample_store: EvidenceStore) -> GraphQuery:
    return GraphQuery(sample_store)
