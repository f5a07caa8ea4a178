"""Namespaces and the Evidence Graph vocabulary, declared once (``vocabulary.ttl``).

Import terms from here; no IRI string is spelled out anywhere else in the code.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

VOCABULARY_FILE = Path(__file__).with_name("vocabulary.ttl")
SHAPES_FILE = Path(__file__).with_name("shapes.ttl")

#: The address ``evidence-graph serve`` listens on unless told otherwise (env or ``--host``/``--port``).
DEFAULT_HOST, DEFAULT_PORT = "127.0.0.1", 8000


def base_from_environment(environ: Mapping[str, str] = os.environ) -> str:
    """The base of every entity IRI: ``EVIDENCE_GRAPH_BASE``, else the server's own address.

    An IRI should answer where it is served (``GET {base}id/person/x`` is that person's page), so
    unless a deployment names its public base (``EVIDENCE_GRAPH_BASE=https://evidence.example.gov.uk/``)
    the base is the address ``evidence-graph serve`` listens on: ``EVIDENCE_GRAPH_HOST`` and
    ``EVIDENCE_GRAPH_PORT``, by default ``http://127.0.0.1:8000/``.

    Parameters
    ----------
    environ : mapping, optional
        Where to read the settings (the process environment by default).

    Returns
    -------
    str
        The base, ending in ``/``.

    Examples
    --------
    >>> base_from_environment({})
    'http://127.0.0.1:8000/'
    >>> base_from_environment({"EVIDENCE_GRAPH_PORT": "9100"})
    'http://127.0.0.1:9100/'
    >>> base_from_environment({"EVIDENCE_GRAPH_BASE": "https://evidence.example.org"})
    'https://evidence.example.org/'
    """
    configured = environ.get("EVIDENCE_GRAPH_BASE")
    if configured:
        return configured if configured.endswith("/") else configured + "/"
    host = environ.get("EVIDENCE_GRAPH_HOST") or DEFAULT_HOST
    port = environ.get("EVIDENCE_GRAPH_PORT") or str(DEFAULT_PORT)
    return f"http://{f'[{host}]' if ':' in host else host}:{port}/"


#: Where things get their IRIs (see :func:`base_from_environment`).
BASE = base_from_environment()

EG = Namespace("https://evidencegraph.example/def#")
ID = Namespace(BASE + "id/")
SCHEMA = Namespace("https://schema.org/")
ORG = Namespace("http://www.w3.org/ns/org#")
OA = Namespace("http://www.w3.org/ns/oa#")
PCON = Namespace("http://parliament.uk/ontologies/contribution/")
GSS = Namespace("http://statistics.data.gov.uk/id/statistical-geography/")
LEGISLATION = Namespace("https://www.legislation.gov.uk/")

PREFIXES = {"eg": EG, "schema": SCHEMA, "org": ORG, "oa": OA, "pcon": PCON, "skos": SKOS,
            "dcterms": DCTERMS, "prov": PROV, "foaf": FOAF, "rdf": RDF, "rdfs": RDFS, "xsd": XSD,
            "owl": OWL, "id": ID}

__all__ = [
    "BASE",
    "DCTERMS",
    "DEFAULT_HOST",
    "DEFAULT_PORT",
    "EG",
    "FOAF",
    "GSS",
    "ID",
    "LEGISLATION",
    "OA",
    "ORG",
    "OWL",
    "PCON",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "XSD",
    "base_from_environment",
    "bind_prefixes",
    "load_vocabulary",
]


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes on ``graph`` (for readable Turtle/TriG) and return it."""
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True)
    return graph


def load_vocabulary() -> Graph:
    """Read ``vocabulary.ttl``: labels and comments of the ``eg:`` terms.

    Examples
    --------
    >>> from rdflib import RDFS
    >>> str(load_vocabulary().value(EG.Committee, RDFS.label))
    'Committee'
    """
    return Graph().parse(VOCABULARY_FILE, format="turtle")
