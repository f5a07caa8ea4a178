"""The parameters graph algorithms share: directions, algorithm names, IRI lists and type filters,
checked and put in one canonical form (so that equal requests get equal cache keys)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Literal

from evidence_graph.graph.analytics.errors import AnalyticsInputError
from evidence_graph.graph.views import TYPE_NAMES, GraphViews, expand

Direction = Literal["OUT", "IN", "BOTH"]
DIRECTIONS: tuple[str, ...] = ("OUT", "IN", "BOTH")
CENTRALITY_ALGORITHMS: tuple[str, ...] = ("DEGREE", "PAGERANK", "BETWEENNESS", "CLOSENESS", "EIGENVECTOR")
COMMUNITY_ALGORITHMS: tuple[str, ...] = ("LOUVAIN", "LABEL_PROPAGATION", "GREEDY_MODULARITY",
                                         "CONNECTED_COMPONENTS")

_TYPE_NAMES = frozenset(name for _, name in TYPE_NAMES) | {"Issue", "Theme"}


def choice_name(value: object) -> str:
    """The upper-case name of a choice given as a string or an enum member.

    Examples
    --------
    >>> choice_name("pagerank")
    'PAGERANK'
    """
    return str(getattr(value, "value", value)).upper()


def choice(value: object, allowed: tuple[str, ...], what: str) -> str:
    """``value``'s name if it is one of ``allowed``.

    Raises
    ------
    AnalyticsInputError
        Another name.

    Examples
    --------
    >>> choice("both", DIRECTIONS, "direction")
    'BOTH'
    """
    name = choice_name(value)
    if name not in allowed:
        raise AnalyticsInputError(f"unknown {what} {value!r}; expected one of {', '.join(allowed)}")
    return name


def iri_set(values: Iterable[str] | str | None) -> frozenset[str] | None:
    """IRIs (or CURIEs) as a set of full IRIs; None stays None (no restriction).

    Examples
    --------
    >>> sorted(iri_set(["schema:knows"])), iri_set(None)
    (['https://schema.org/knows'], None)
    """
    if values is None:
        return None
    if isinstance(values, str):
        values = [values]
    return frozenset(expand(value) for value in values)


def order_free(values: Iterable[str] | str | None) -> tuple[str, ...] | None:
    """A hashable, order-free form of an IRI list (iterables are read once, here).

    Examples
    --------
    >>> order_free(iter(["b", "a", "b"])), order_free(None)
    (('a', 'b'), None)
    """
    if values is None:
        return None
    return tuple(sorted({values} if isinstance(values, str) else set(values)))


def check_node(views: GraphViews, iri: str) -> None:
    """Refuse an IRI that is not a node of the graph.

    Raises
    ------
    AnalyticsInputError
        No such node.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> check_node(example_views(), "https://example.org/nobody")
    Traceback (most recent call last):
    evidence_graph.graph.analytics.errors.AnalyticsInputError: no node with IRI 'https://example.org/nobody' in the ...
    """
    if iri not in views.graph:
        raise AnalyticsInputError(f"no node with IRI {iri!r} in the graph")


def type_filter(views: GraphViews, types: Iterable[str] | str | None) -> Callable[[str], bool] | None:
    """A test for "node is of one of these types" (short names such as "Person", or type IRIs).

    Raises
    ------
    AnalyticsInputError
        A name that is neither a known type name nor an IRI.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_iri, example_views
    >>> people = type_filter(example_views(), ["Person"])
    >>> people(example_iri("person/ann")), people(example_iri("org/kcc"))
    (True, False)
    """
    if types is None:
        return None
    names: set[str] = set()
    type_iris: set[str] = set()
    for value in [types] if isinstance(types, str) else types:
        if value in _TYPE_NAMES:
            names.add(value)
        elif "://" in expand(value):
            type_iris.add(expand(value))
        else:
            raise AnalyticsInputError(f"unknown type {value!r}; use a type IRI or one of "
                                      f"{', '.join(sorted(_TYPE_NAMES))}")

    def allowed(iri: str) -> bool:
        record = views.nodes.get(iri)
        return record is not None and (record.type in names or any(t in type_iris for t in record.types))

    return allowed


__all__ = ["CENTRALITY_ALGORITHMS", "COMMUNITY_ALGORITHMS", "DIRECTIONS", "Direction", "check_node", "choice",
           "choice_name", "iri_set", "order_free", "type_filter"]
