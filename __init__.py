"""Evidence Graph: a knowledge graph of committee evidence with a GraphQL query API.

The import package is ``evidence_graph``; its parts are the folders of the checkout:
``evidence_graph.loaders`` (documents to triples), ``evidence_graph.graph`` (the store and its
views), ``evidence_graph.pipeline`` (builds, ingest, connectors), ``evidence_graph.schema`` and
``evidence_graph.serving`` (the GraphQL API), ``evidence_graph.evaluation`` (scores against hand
annotations), ``evidence_graph.cli`` and ``evidence_graph.server``.

Examples
--------
>>> import evidence_graph
>>> evidence_graph.__version__ == evidence_graph.version()
True
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as _distribution_version

__all__ = ["__version__", "version"]


def version() -> str:
    """The installed distribution's version, or ``"0+unknown"`` in a checkout that is not installed.

    Returns
    -------
    str
        The version string ``evidence-graph --version`` prints.

    Examples
    --------
    >>> version() != ""
    True
    """
    try:
        return _distribution_version("evidence-graph")
    except PackageNotFoundError:
        return "0+unknown"


__version__ = version()
