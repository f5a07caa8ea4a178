"""Which part of the graph an export holds: entity types, documents or named graphs, seed
entities plus hops, predicates and a minimum degree, with centrality and communities on request.

The network exports (GraphML, GEXF, Cytoscape.js, graphology, node-link, CSV) draw the analytics
projection of :class:`~evidence_graph.graph.views.GraphViews`: entities as nodes and the
statements between two entities as edges, leaving out the statements that describe a document's
structure (``dcterms:isPartOf``, ``skos:inScheme`` …), as paths and centrality do.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from evidence_graph.graph.analytics import centrality, communities
from evidence_graph.graph.analytics.errors import AnalyticsError
from evidence_graph.graph.analytics.parameters import (
    CENTRALITY_ALGORITHMS,
    COMMUNITY_ALGORITHMS,
    choice,
    iri_set,
    type_filter,
)
from evidence_graph.graph.iris import document_graph_of, iri
from evidence_graph.graph.views import GraphViews, Statement, expand

#: The most hops a seeded selection may take (six reach almost everything in a connected graph).
MAX_HOPS = 6


class ExportSelectionError(ValueError):
    """A selection that names something the graph does not have, or asks for what cannot be done
    (an unknown type, seed or algorithm, hops out of range, or a graph too large for an algorithm)."""


@dataclass(frozen=True)
class ExportSelection:
    """What to export; every field empty (the default) is the whole graph.

    Parameters
    ----------
    types : tuple of str
        Keep only nodes of these types (short names such as ``"Person"``, or type IRIs).
    graphs : tuple of str
        Keep only statements in these named graphs, and the nodes they link or type.
    documents : tuple of str
        Documents by key (``c/2014-agenda``), IRI or named-graph IRI: the same as their graphs.
    seeds : tuple of str
        Start from these entities (IRIs or keys) and keep what lies within ``hops`` statements of
        them, in either direction.
    hops : int
        How far from the seeds (1 to :data:`MAX_HOPS`).
    predicates : tuple of str
        Keep only statements with these predicates (IRIs or CURIEs such as ``org:memberOf``).
    min_degree : int
        Drop nodes with fewer statements than this in the selection (once, as Gephi's degree
        range filter does, not repeatedly as a k-core would).
    centrality : str, optional
        Add each node's score by this measure (``DEGREE``, ``PAGERANK`` …), computed on the
        graph restricted by ``graphs`` and ``predicates``.
    community : str, optional
        Add each node's community number by this algorithm (``LOUVAIN`` …), likewise.
    """

    types: tuple[str, ...] = ()
    graphs: tuple[str, ...] = ()
    documents: tuple[str, ...] = ()
    seeds: tuple[str, ...] = ()
    hops: int = 1
    predicates: tuple[str, ...] = ()
    min_degree: int = 0
    centrality: str | None = None
    community: str | None = None

    @classmethod
    def from_query(cls, query: Mapping[str, Iterable[str]]) -> ExportSelection:
        """A selection from query parameters, each given once or more or comma-separated.

        Raises
        ------
        ExportSelectionError
            A parameter the selection does not have, or a number that is not one.

        Examples
        --------
        >>> ExportSelection.from_query({"type": ["Person,Organisation"], "hops": ["2"]}).types
        ('Person', 'Organisation')
        """
        lists = {"type": "types", "types": "types", "graph": "graphs", "graphs": "graphs",
                 "document": "documents", "documents": "documents", "seed": "seeds", "seeds": "seeds",
                 "predicate": "predicates", "predicates": "predicates"}
        numbers = {"hops": "hops", "min_degree": "min_degree", "minDegree": "min_degree"}
        names = {"centrality": "centrality", "community": "community"}
        found: dict[str, object] = {}
        for name, values in query.items():
            parts = [part.strip() for value in values for part in str(value).split(",") if part.strip()]
            if name in lists:
                found[lists[name]] = (*found.get(lists[name], ()), *parts)  # type: ignore[misc]
            elif name in numbers:
                try:
                    found[numbers[name]] = int(parts[-1]) if parts else 0
                except ValueError:
                    raise ExportSelectionError(f"{name} must be a whole number, got {parts[-1]!r}") from None
            elif name in names:
                found[names[name]] = parts[-1] if parts else None
            else:
                known = sorted({*lists, *numbers, *names})
                raise ExportSelectionError(f"unknown export parameter {name!r}; use {', '.join(known)}")
        return cls(**found)  # type: ignore[arg-type]

    @property
    def whole(self) -> bool:
        """True when nothing is left out (the RDF exports then give the store's quads as stored)."""
        return not (self.types or self.graphs or self.documents or self.seeds or self.predicates
                    or self.min_degree > 0)


@dataclass
class Subgraph:
    """The nodes and edges a selection keeps, with what the exports write of them.

    ``edges`` are views' statements (their ``id`` is unique and stable); ``degree`` counts each
    node's edges in the subgraph; ``centrality`` and ``community`` are filled when asked for.
    """

    views: GraphViews
    nodes: list[str]
    edges: list[Statement]
    degree: dict[str, int]
    centrality: dict[str, float] | None = None
    community: dict[str, int] | None = None
    graphs: frozenset[str] | None = None
    predicates: frozenset[str] | None = None
    selection: ExportSelection = field(default_factory=ExportSelection)


def _graphs_of(selection: ExportSelection) -> frozenset[str] | None:
    graphs = {expand(g) for g in selection.graphs}
    for document in selection.documents:
        value = expand(document)
        if "/graph/doc/" in value:
            graphs.add(value)
        elif "://" in value:
            graphs.add(document_graph_of(value))
        else:
            graphs.add(document_graph_of(str(iri("doc/" + value.removeprefix("doc/")))))
    return frozenset(graphs) if graphs else None


def _seed_iri(views: GraphViews, seed: str) -> str:
    for candidate in (expand(seed), str(iri(seed))):
        if candidate in views.nodes:
            return candidate
        target = views.redirects.get(candidate)
        if target in views.nodes:
            return str(target)
    raise ExportSelectionError(f"seed {seed!r} is not an entity of the graph")


def select_subgraph(views: GraphViews, selection: ExportSelection | None = None) -> Subgraph:
    """The part of the graph a selection keeps.

    Parameters
    ----------
    views : GraphViews
        The graph version to export.
    selection : ExportSelection, optional
        What to keep; the whole graph by default.

    Returns
    -------
    Subgraph
        Nodes sorted by IRI and edges in statement order, so that two exports of one version
        are byte for byte the same.

    Raises
    ------
    ExportSelectionError
        An unknown type, seed, graph or algorithm, ``hops`` outside 1 to :data:`MAX_HOPS`, or a
        graph too large for the centrality or community algorithm asked for.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> views = example_views()
    >>> whole = select_subgraph(views)
    >>> len(whole.nodes), len(whole.edges)
    (6, 5)
    >>> people = select_subgraph(views, ExportSelection(types=("Person",)))
    >>> [views.nodes[n].label for n in people.nodes]
    ['Ann Lee', 'Bob Roe', 'Cy Dee']
    >>> near_bob = select_subgraph(views, ExportSelection(seeds=("person/bob",), hops=1))
    >>> sorted(views.nodes[n].label for n in near_bob.nodes)
    ['Ann Lee', 'Bob Roe', 'Project Salus']
    """
    selection = selection or ExportSelection()
    if not 1 <= selection.hops <= MAX_HOPS:
        raise ExportSelectionError(f"hops must be between 1 and {MAX_HOPS}, got {selection.hops}")
    if selection.min_degree < 0:
        raise ExportSelectionError(f"min_degree must not be negative, got {selection.min_degree}")
    graphs = _graphs_of(selection)
    if graphs is not None:
        stored = {g for record in views.nodes.values() for g in record.graphs} | {
            s.graph for s in views.statements.values()}
        unknown = sorted(graphs - stored)
        if unknown:
            raise ExportSelectionError(f"no such document or named graph: {', '.join(unknown)}")
    predicates = iri_set(selection.predicates) if selection.predicates else None
    try:
        of_type = type_filter(views, selection.types) if selection.types else None
    except AnalyticsError as error:
        raise ExportSelectionError(str(error)) from None

    statements = views.statements
    allowed: list[Statement] = []
    for _, _, statement_id in views.graph.edges(keys=True):
        statement = statements[statement_id]
        if (predicates is None or statement.predicate in predicates) and (
                graphs is None or statement.graph in graphs):
            allowed.append(statement)

    if graphs is None:
        candidates = set(views.nodes)
    else:
        candidates = {iri_ for iri_, record in views.nodes.items() if record.graphs & graphs}
        for statement in allowed:
            candidates.update((statement.subject, statement.object))
    if selection.seeds:
        seeds = [_seed_iri(views, seed) for seed in selection.seeds]
        around: dict[str, list[str]] = {}
        for statement in allowed:
            around.setdefault(statement.subject, []).append(statement.object)
            around.setdefault(statement.object, []).append(statement.subject)
        reached = dict.fromkeys(seeds, 0)
        queue = deque(seeds)
        while queue:
            node = queue.popleft()
            if reached[node] == selection.hops:
                continue
            for neighbour in around.get(node, ()):
                if neighbour not in reached:
                    reached[neighbour] = reached[node] + 1
                    queue.append(neighbour)
        candidates = (candidates & set(reached)) | set(seeds)
    else:
        seeds = []
    if of_type is not None:
        candidates = {n for n in candidates if of_type(n) or n in seeds}

    edges = [s for s in allowed if s.subject in candidates and s.object in candidates]
    degree = dict.fromkeys(candidates, 0)
    for statement in edges:
        degree[statement.subject] += 1
        degree[statement.object] += 1
    if selection.min_degree:
        candidates = {n for n in candidates if degree[n] >= selection.min_degree}
        edges = [s for s in edges if s.subject in candidates and s.object in candidates]
        degree = dict.fromkeys(candidates, 0)
        for statement in edges:
            degree[statement.subject] += 1
            degree[statement.object] += 1
    edges.sort(key=lambda s: s.order)
    subgraph = Subgraph(views, sorted(candidates), edges, degree, graphs=graphs, predicates=predicates,
                        selection=selection)
    restriction = {"graphs": sorted(graphs) if graphs else None,
                   "predicates": sorted(predicates) if predicates else None}
    try:
        if selection.centrality:
            name = choice(selection.centrality, CENTRALITY_ALGORITHMS, "centrality algorithm")
            ranking = dict(centrality(views, name, **restriction).ranking)
            subgraph.centrality = {n: ranking.get(n, 0.0) for n in subgraph.nodes}
        if selection.community:
            name = choice(selection.community, COMMUNITY_ALGORITHMS, "community algorithm")
            found = communities(views, name, **restriction).communities
            number = {member: index for index, community in enumerate(found) for member in community.members}
            subgraph.community = {n: number.get(n, -1) for n in subgraph.nodes}
    except AnalyticsError as error:
        raise ExportSelectionError(str(error)) from None
    return subgraph


__all__ = ["MAX_HOPS", "ExportSelection", "ExportSelectionError", "Subgraph", "select_subgraph"]
