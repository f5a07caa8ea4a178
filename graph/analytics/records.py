"""The answers of graph analytics: immutable records of paths, rankings, partitions,
neighbourhoods and estimates, and :func:`result_size`, what one costs to keep in a cache."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import NamedTuple

#: Scores are rounded to this many decimals so that float noise cannot break ties by IRI.
SCORE_DECIMALS = 12


@dataclass(frozen=True)
class Hop:
    """One step of a path: from ``source`` to ``target`` through ``statement``.

    ``forward`` is True when the statement is ``source → target`` (subject to object) and False
    when the hop walks it backwards. ``statements`` lists every statement allowed by the filters
    that links the two nodes in the direction searched, smallest id first; ``statement`` is the
    first of them.
    """

    source: str
    target: str
    statement: str
    predicate: str
    forward: bool
    statements: tuple[str, ...]


@dataclass(frozen=True)
class Path:
    """A simple path: its nodes in order and one hop between each consecutive pair."""

    nodes: tuple[str, ...]
    hops: tuple[Hop, ...]

    @property
    def length(self) -> int:
        """Number of hops."""
        return len(self.hops)

    @property
    def statements(self) -> tuple[str, ...]:
        """The statement chosen for each hop, in path order."""
        return tuple(hop.statement for hop in self.hops)


@dataclass(frozen=True)
class PathResult:
    """Paths between two nodes, shortest first; ``truncated`` when ties were cut at the cap."""

    paths: tuple[Path, ...]
    truncated: bool
    version: str


class RankedNode(NamedTuple):
    """A node and its score."""

    iri: str
    score: float


@dataclass(frozen=True)
class CentralityResult:
    """Nodes ranked by a centrality score (highest first, ties by IRI).

    ``node_count`` and ``edge_count`` describe the simple graph the scores were computed on;
    ``sampled_sources`` is the number of betweenness sources when it was sampled, else None.
    """

    algorithm: str
    ranking: tuple[RankedNode, ...]
    node_count: int
    edge_count: int
    sampled_sources: int | None
    version: str
    _scores: Mapping[str, float] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_scores", MappingProxyType(dict(self.ranking)))

    def score(self, iri: str) -> float | None:
        """The score of a ranked node, or None when it was not ranked."""
        return self._scores.get(iri)

    @property
    def scores(self) -> Mapping[str, float]:
        """Every ranked node's score, by IRI (read-only)."""
        return self._scores


@dataclass(frozen=True)
class Community:
    """A community: ``id`` is its rank in the answer (largest first), members sorted by IRI."""

    id: int
    members: tuple[str, ...]

    @property
    def size(self) -> int:
        """Number of members."""
        return len(self.members)


@dataclass(frozen=True)
class CommunityResult:
    """Communities sorted by size (largest first), then by their smallest member.

    ``modularity`` is that of the whole partition on the graph it was computed on (None for a
    graph without links).
    """

    algorithm: str
    communities: tuple[Community, ...]
    modularity: float | None
    node_count: int
    edge_count: int
    version: str
    _community_of: Mapping[str, int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        found = {member: community.id for community in self.communities for member in community.members}
        object.__setattr__(self, "_community_of", MappingProxyType(found))

    def community_of(self, iri: str) -> int | None:
        """The id of the community holding a node, or None."""
        return self._community_of.get(iri)


@dataclass(frozen=True)
class Neighbourhood:
    """The nodes within ``hops`` of the seeds and the statements linking them.

    ``nodes`` are sorted by distance, then IRI; ``distances`` maps each to its hop count.
    """

    seeds: tuple[str, ...]
    hops: int
    nodes: tuple[str, ...]
    distances: Mapping[str, int]
    statements: tuple[str, ...]
    version: str


@dataclass(frozen=True)
class AlgorithmEstimate:
    """The size of the graph an algorithm would run on, and whether the budget allows it."""

    algorithm: str
    node_count: int
    edge_count: int
    node_limit: int
    allowed: bool
    reason: str | None


#: Bytes a record holds per element, besides the IRIs and statement ids it shares with the views:
#: a ranked node is a 2-tuple, a float and a slot in the score map; a member or a neighbourhood
#: node is a tuple slot and a slot in a dict; a hop is a small object and its statement tuple.
_RANKED_NODE_BYTES = 200
_MEMBER_BYTES = 120
_HOP_BYTES = 250
_STATEMENT_BYTES = 8
_RECORD_BYTES = 200


def result_size(result: object) -> int:
    """Approximate bytes a result keeps alive (what a cache should charge for it).

    The IRIs and statement ids a result names are the strings of the graph's views, shared
    rather than copied, so only the containers are counted, by their element counts.

    Parameters
    ----------
    result : object
        A record of this module (or None: a path search that found nothing).

    Returns
    -------
    int
        Estimated bytes, at least a small constant.

    Examples
    --------
    >>> small = CentralityResult("DEGREE", (RankedNode("a", 1.0),), 1, 0, None, "v1")
    >>> large = CentralityResult("DEGREE", tuple(RankedNode(str(i), 1.0) for i in range(1000)), 1000, 0, None, "v1")
    >>> result_size(small) < result_size(large)
    True
    """
    if isinstance(result, CentralityResult):
        return _RECORD_BYTES + _RANKED_NODE_BYTES * len(result.ranking)
    if isinstance(result, CommunityResult):
        return _RECORD_BYTES * (1 + len(result.communities)) + _MEMBER_BYTES * len(result._community_of)
    if isinstance(result, Neighbourhood):
        return _RECORD_BYTES + _MEMBER_BYTES * len(result.nodes) + _STATEMENT_BYTES * len(result.statements)
    if isinstance(result, PathResult):
        hops = sum(len(path.hops) + sum(len(hop.statements) for hop in path.hops) // 8 for path in result.paths)
        return _RECORD_BYTES * (1 + len(result.paths)) + _HOP_BYTES * hops
    if isinstance(result, Path):
        return _RECORD_BYTES + _HOP_BYTES * len(result.hops)
    return _RECORD_BYTES


__all__ = ["SCORE_DECIMALS", "AlgorithmEstimate", "CentralityResult", "Community", "CommunityResult", "Hop",
           "Neighbourhood", "Path", "PathResult", "RankedNode", "result_size"]
