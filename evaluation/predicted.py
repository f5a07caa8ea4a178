"""What the loaders present for one document, per family: the entities of its export.

A devset document is loaded alone, the way a new user loads a paper: the evaluation takes the
quads ``evidence-graph export devset/<folder>/<file>`` writes (``cli.export_documents``, which
builds the file with :func:`pipeline.build.collect_sources`, :func:`pipeline.build.build_documents` and a
fresh :class:`graph.entities.Registry`, in memory, no store and no manifest). Every typed entity
of a scored family in those quads is a prediction, with every label it shows, including reference
data from the registry that the document's own graphs never refer to: that is what the export
shows a user (such entities are marked ``mentioned=False``, and still count).
"""

from __future__ import annotations

import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal, URIRef
from rdflib.term import Node

from evidence_graph.graph.iris import key_of, registry_graph
from evidence_graph.graph.views import type_name
from evidence_graph.graph.vocabulary import DCTERMS, EG, FOAF, RDF, RDFS, SCHEMA, SKOS
from evidence_graph.loaders.errors import LoaderError
from evidence_graph.pipeline.build import BuildError

#: The family of each short type name (:func:`graph.views.type_name`, what the export calls a node).
FAMILY_OF_TYPE: dict[str, str] = {
    "Person": "people",
    "Organisation": "organisations", "OrganisationalUnit": "organisations",
    "Committee": "committees",
    "Service": "services", "Programme": "services", "Framework": "services", "Inquiry": "services",
    "Legislation": "legislation",
    "Place": "places",
}

#: Short type names of the export that no family scores (tests check that every kind of
#: :mod:`graph.kinds` is in one table or the other, so that a new kind is placed deliberately).
UNSCORED_TYPES = frozenset({"Post", "Membership", "Meeting", "AgendaItem", "Document", "Question", "Passage",
                            "Figure", "Claim", "Contribution", "Role", "ConceptScheme", "Issue", "Theme", "Concept"})

#: Predicates whose literals are names shown for an entity (``skos:hiddenLabel``, misspellings that
#: are searchable but never shown, is left out).
LABEL_PREDICATES: tuple[URIRef, ...] = (SKOS.prefLabel, RDFS.label, SCHEMA.name, FOAF.name, SKOS.altLabel,
                                        SCHEMA.alternateName, EG.formerName, DCTERMS.title)

Quad = tuple[Node, Node, Node, Node]


@dataclass(frozen=True)
class PredictedEntity:
    """An entity of the export: its IRI, short type, family and every label it shows.

    ``mentioned`` is False for a registry entity that none of the document's own graphs refers
    to (reference data that the export carries all the same).
    """

    iri: str
    type: str
    family: str
    labels: tuple[str, ...]
    mentioned: bool = True

    @property
    def label(self) -> str:
        """The first (preferred) label, or the IRI's key when it has none."""
        return self.labels[0] if self.labels else (key_of(self.iri) or self.iri)


@dataclass
class PredictedDocument:
    """The predicted entities of one document, and the errors and warnings its export reported."""

    path: Path
    entities: list[PredictedEntity] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    def family(self, name: str) -> list[PredictedEntity]:
        """The predicted entities of one family, in IRI order."""
        return [e for e in self.entities if e.family == name]


def export_quads(path: Path, source_url: str | None = None) -> tuple[list[Quad], list[str], list[str]]:
    """The quads ``evidence-graph export <path>`` writes, built in process.

    This is ``cli.export_documents``, the function the command itself runs:
    :func:`pipeline.build.collect_sources` and :func:`pipeline.build.build_documents` with a fresh
    :class:`graph.entities.Registry`, in memory, and whatever the export adds (the registry
    entries the document refers to), so that the evaluation measures what a user gets, even as
    the export changes. Only the serialisation is skipped.

    Parameters
    ----------
    path : Path
        The document file.
    source_url : str, optional
        The address it was fetched from (see :func:`cli.export_documents`).

    Returns
    -------
    tuple
        The exported quads (none when the command would refuse the document), its error lines
        (as the command prints them, without the ``evidence-graph:`` prefix) and its warnings
        (facts dropped for failing their shape).

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "doc"
    >>> folder.mkdir()
    >>> _ = (folder / "a.txt").write_text("Councillor Ann Lee chaired the meeting.")
    >>> quads, errors, warnings = export_quads(folder / "a.txt")
    >>> len(quads) > 0, errors
    (True, [])
    >>> export_quads(folder / "missing.txt")[:2]
    ([], ['.../doc/missing.txt: no such file or folder'])
    """
    from evidence_graph import cli

    try:
        quads, problems, dropped = cli.export_documents([path], source_url=source_url)
    except (LoaderError, BuildError, ValueError) as error:  # what the command prints as one line
        return [], [str(error)], []
    except Exception as error:  # a traceback the command would show: the document presents nothing
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return [], [f"{path}: export crashed ({type(error).__name__}" + (f": {detail})" if detail else ")")], []
    return list(quads), list(problems), list(dropped)


def referred_nodes(quads: Iterable[Quad]) -> set[Node]:
    """The IRIs the documents' own graphs hold (every graph but the registry graph).

    Examples
    --------
    >>> from evidence_graph.graph.vocabulary import ID
    >>> quads = [(ID["doc/a"], SCHEMA.mentions, ID["org/b"], ID["graph/doc/a"]),
    ...          (ID["org/c"], RDF.type, SCHEMA.Organization, registry_graph())]
    >>> sorted(str(n).rsplit("/id/", 1)[1] for n in referred_nodes(quads))
    ['doc/a', 'org/b']
    """
    registry = registry_graph()
    return {node for s, _, o, g in quads if g != registry for node in (s, o) if isinstance(node, URIRef)}


def entities_of(quads: Iterable[Quad], referred: set[Node] | None = None) -> list[PredictedEntity]:
    """The entities of the scored families among ``quads``, with all their labels.

    Parameters
    ----------
    quads : iterable of (subject, predicate, object, graph)
    referred : set of nodes, optional
        Nodes the document's own graphs refer to; entities outside it are marked
        ``mentioned=False``. None: every entity is taken as mentioned.

    Returns
    -------
    list of PredictedEntity
        In IRI order; labels in predicate order (:data:`LABEL_PREDICATES`), then alphabetical,
        without repeats.

    Examples
    --------
    >>> from evidence_graph.graph.vocabulary import ID, ORG
    >>> g = ID["graph/registry"]
    >>> quads = [(ID["person/a"], RDF.type, SCHEMA.Person, g),
    ...          (ID["person/a"], SKOS.prefLabel, Literal("Ann Lee"), g),
    ...          (ID["person/a"], SKOS.altLabel, Literal("Cllr Lee"), g),
    ...          (ID["org/b"], RDF.type, ORG.FormalOrganization, g),
    ...          (ID["org/b"], RDF.type, EG.Committee, g),
    ...          (ID["doc/x"], RDF.type, SCHEMA.DigitalDocument, g)]
    >>> [(e.family, e.labels) for e in entities_of(quads)]
    [('committees', ()), ('people', ('Ann Lee', 'Cllr Lee'))]
    """
    types: dict[Node, set[Node]] = {}
    labels: dict[Node, dict[URIRef, set[str]]] = {}
    for s, p, o, _ in quads:
        if p == RDF.type:
            types.setdefault(s, set()).add(o)
        elif p in LABEL_PREDICATES and isinstance(o, Literal) and str(o).strip():
            labels.setdefault(s, {}).setdefault(p, set()).add(str(o).strip())
    found: list[PredictedEntity] = []
    for node in sorted(types, key=str):
        if not isinstance(node, URIRef):
            continue
        name = type_name(types[node], key_of(str(node)))
        family = FAMILY_OF_TYPE.get(name or "")
        if family is None:
            continue
        ordered: list[str] = []
        for predicate in LABEL_PREDICATES:
            for label in sorted(labels.get(node, {}).get(predicate, ())):
                if label not in ordered:
                    ordered.append(label)
        found.append(PredictedEntity(str(node), name or "", family, tuple(ordered),
                                     referred is None or node in referred))
    return found


def predict_document(path: Path, source_url: str | None = None) -> PredictedDocument:
    """Load one document alone and collect the entities its export presents.

    Parameters
    ----------
    path : Path
        The document file (a devset folder's ``[source] file``).
    source_url : str, optional
        The address it was fetched from (``evidence-graph evaluate --source-url``).

    Returns
    -------
    PredictedDocument
        With the build's errors; a document the loaders refuse has no entities.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "doc"
    >>> folder.mkdir()
    >>> _ = (folder / "minutes.txt").write_text("Present: Councillor Ann Lee.\\n\\nCouncillor Lee said the "
    ...                                         "Care Act 2014 applies.\\n")
    >>> predicted = predict_document(folder / "minutes.txt")
    >>> predicted.errors
    []
    >>> "Ann Lee" in [e.label for e in predicted.family("people")]
    True
    """
    started = time.perf_counter()
    quads, errors, warnings = export_quads(path, source_url)
    return PredictedDocument(path, entities_of(quads, referred_nodes(quads)), errors, warnings,
                             time.perf_counter() - started)


__all__ = ["FAMILY_OF_TYPE", "LABEL_PREDICATES", "UNSCORED_TYPES", "PredictedDocument", "PredictedEntity",
           "entities_of", "export_quads", "predict_document", "referred_nodes"]
