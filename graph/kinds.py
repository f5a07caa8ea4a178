"""Every kind of node, declared once: its classes, IRI key, GraphQL and export type name,
the mention kinds that resolve to it, whether the registry holds it, and its SHACL shape.

Everything else is derived from :data:`KINDS`: the registry's kinds and classes
(:mod:`graph.registry`), the short type names of views and exports (:mod:`graph.views`), the
resolver's class for each mention kind and key prefix for each class (:mod:`loaders.resolution.entities`),
and the GraphQL object types' names and descriptions (:mod:`schema.types`). Adding a kind is one
entry here (plus its GraphQL fields, if it has any of its own).
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from evidence_graph.graph.vocabulary import EG, FOAF, ORG, PCON, SCHEMA, SKOS


@dataclass(frozen=True)
class Kind:
    """One kind of node.

    Attributes
    ----------
    name : str
        The type name in exports, views and GraphQL (``__typename``).
    classes : tuple of URIRef
        The ``rdf:type`` values written for it; the first identifies the kind when a graph is read.
    description : str
        What it is, for the GraphQL schema.
    identified_by : tuple of URIRef
        The classes that make a node of this kind in views (default: the first class).
    key_prefix : str or None
        The IRI key prefix of registry entities (``org`` → ``id/org/…``); default: the name
        in lower case.
    mentions : tuple of str
        The mention kinds (:class:`loaders.mentions.Mention` ``kind``) that resolve to it.
    registry : bool
        Whether the registry of canonical entities holds it (shared across documents).
    shape : str or None
        The local name of its SHACL node shape in ``graph/shapes.ttl``, if it has one.
    """

    name: str
    classes: tuple[URIRef, ...]
    description: str
    identified_by: tuple[URIRef, ...] = ()
    key_prefix: str | None = None
    mentions: tuple[str, ...] = ()
    registry: bool = False
    shape: str | None = None

    @property
    def key(self) -> str:
        """The IRI key prefix of its registry entities."""
        return self.key_prefix or self.name.lower()

    @property
    def view_classes(self) -> tuple[URIRef, ...]:
        """The classes that make a node of this kind in views."""
        return self.identified_by or self.classes[:1]


#: Every kind, most specific first (a node with classes of two kinds is of the earlier one).
KINDS: tuple[Kind, ...] = (
    Kind("Committee", (EG.Committee, ORG.Organization), "A committee of an authority: its meetings and members.",
         mentions=("committee",), registry=True),
    Kind("OrganisationalUnit", (ORG.OrganizationalUnit,), "A department or directorate of an organisation.",
         key_prefix="unit", mentions=("unit",), registry=True),
    Kind("Organisation", (ORG.FormalOrganization, SCHEMA.Organization),
         "An organisation: council, provider, charity, regulator …",
         identified_by=(ORG.FormalOrganization, SCHEMA.Organization), key_prefix="org",
         mentions=("organisation",), registry=True),
    Kind("Person", (SCHEMA.Person, FOAF.Person), "A person: member, officer, witness, author.",
         mentions=("person",), registry=True, shape="Person"),
    Kind("Post", (ORG.Post,), "A post (office) in an organisation: Director, Head of Democratic Services …",
         mentions=("post",), registry=True),
    Kind("Membership", (ORG.Membership,),
         "A person's membership of an organisation or committee, with post and role.", shape="Membership"),
    Kind("Meeting", (EG.Meeting,), "A meeting of a committee."),
    Kind("AgendaItem", (EG.AgendaItem,), "An item of a meeting's agenda.", shape="AgendaItem"),
    Kind("Inquiry", (EG.Inquiry,), "A committee's inquiry or review, with its terms of reference."),
    Kind("Document", (SCHEMA.DigitalDocument,),
         "A source document or a part of a pack (agenda, terms of reference, submission …)."),
    Kind("Question", (SCHEMA.Question,),
         "A question: asked by the committee in a hearing, or set in the terms of reference."),
    Kind("Passage", (EG.Passage,), "A paragraph or block of a document, with its speaker.", shape="Passage"),
    Kind("Service", (SCHEMA.GovernmentService,),
         "A public service: who provides (commissions) it, who operates it, where.",
         mentions=("service",), registry=True),
    Kind("Programme", (EG.Programme, SCHEMA.Project), "A programme or review (e.g. a market review).",
         mentions=("programme",), registry=True),
    Kind("Framework", (EG.ProcurementFramework, SCHEMA.Project), "A procurement framework.",
         mentions=("framework",), registry=True),
    Kind("Legislation", (SCHEMA.Legislation,), "An Act or regulation.", mentions=("legislation",), registry=True),
    Kind("Place", (SCHEMA.Place,), "A place: a district, a town, a building.", mentions=("place", "venue"),
         registry=True),
    Kind("Figure", (EG.Figure,), "A figure stated in evidence: an amount, a range or a count, and what it measures.",
         shape="Figure"),
    Kind("Claim", (SCHEMA.Claim,), "A sentence of evidence: who said it, what it is about, where it stands.",
         shape="Claim"),
    Kind("Contribution", (PCON.Contribution,),
         "An appearance of a person before a committee: oral evidence or a written submission, in a capacity.",
         shape="Contribution"),
    Kind("Role", (ORG.Role, SKOS.Concept), "A role: member, chairman, witness, narrative …",
         key_prefix="concept/role", registry=True),
    Kind("ConceptScheme", (SKOS.ConceptScheme,),
         "A SKOS concept scheme: the themes of a terms of reference, the issues …", registry=True),
    # Issues and themes are SKOS concepts told apart by their key prefix, not by a class.
    Kind("Issue", (SKOS.Concept,), "An issue raised in evidence (TUPE, contract length …), a SKOS concept.",
         key_prefix="concept/issue", mentions=("issue",), registry=True),
    Kind("Theme", (SKOS.Concept,), "A theme of a committee's terms of reference (notation a, b, c …).",
         key_prefix="concept/tor", registry=True),
    Kind("Concept", (SKOS.Concept,), "A SKOS concept (document kinds, claim types …).", registry=True,
         shape="Concept"),
)

#: Kinds by name.
KIND_BY_NAME: dict[str, Kind] = {kind.name: kind for kind in KINDS}

#: Kinds told apart by their key prefix rather than their class (all SKOS concepts).
KEYED_KINDS: tuple[Kind, ...] = tuple(k for k in KINDS if k.name in ("Issue", "Theme", "Role"))

#: The kinds the registry of canonical entities holds, by name.
REGISTRY_KINDS: tuple[str, ...] = tuple(k.name for k in KINDS if k.registry)

#: The registry kind each mention kind resolves to.
MENTION_KIND_CLASS: dict[str, str] = {m: k.name for k in KINDS for m in k.mentions}

#: ``(class, type name)`` pairs, most specific first: what views and exports call a node.
#: Issue and Theme share Concept's class and are told apart by key (:func:`kind_of_key`).
TYPE_NAMES: tuple[tuple[URIRef, str], ...] = tuple(
    (cls, k.name) for k in KINDS if k.name not in ("Issue", "Theme") for cls in k.view_classes)


def kind_of_key(key: str) -> str | None:
    """The kind a registry key names by its prefix alone (issues, themes, roles), if any.

    Examples
    --------
    >>> kind_of_key("concept/issue/tupe"), kind_of_key("concept/tor/a"), kind_of_key("org/x")
    ('Issue', 'Theme', None)
    """
    for kind in KEYED_KINDS:
        if key.startswith(kind.key + "/"):
            return kind.name
    return None
