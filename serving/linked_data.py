"""Linked Data: every entity IRI answers on the server that serves it, and the dataset describes
itself.

- ``GET /id/{key}`` is the entity ``{base}id/{key}`` (:func:`graph.vocabulary.base_from_environment`):
  an HTML page for a browser, or Turtle, N-Triples, JSON-LD, RDF/XML, TriG or N-Quads by ``Accept``
  (or ``?format=turtle|ntriples|jsonld|rdfxml|trig|nquads|html`` for a link). The RDF holds the
  statements about the entity and their evidence (:func:`graph.describe.describe_entity`); the page
  shows the same, each statement with the quotes behind it, linked to the paragraph they are in.
  A fragment (``doc/x#para_8``) is never sent by a client: the document's answer holds it, and its
  page has an anchor for each paragraph.
- ``GET /.well-known/void`` describes the dataset in VoID and DCAT (RFC 5785 location, VoID §6.2):
  its licence, its documents and where they came from, counts of triples, entities, classes and
  properties, the SPARQL endpoint, and the exports as distributions.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any

import anyio
from rdflib import Graph, Literal, Namespace, URIRef
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from evidence_graph.graph.describe import describe_entity
from evidence_graph.graph.export import EXPORT_FORMATS, JSONLD_CONTEXT
from evidence_graph.graph.export.network import predicate_label
from evidence_graph.graph.export.rdf import to_dataset
from evidence_graph.graph.iris import graph_document, key_of
from evidence_graph.graph.store import EvidenceStore, from_oxigraph
from evidence_graph.graph.views import GraphViews, NodeRecord, Statement
from evidence_graph.graph.vocabulary import (
    BASE,
    DCTERMS,
    EG,
    ID,
    PROV,
    RDF,
    SCHEMA,
    XSD,
    bind_prefixes,
)
from evidence_graph.schema.context import GraphState
from evidence_graph.serving.http_errors import refusal_response
from evidence_graph.serving.media_types import requested_type, with_charset

VOID = Namespace("http://rdfs.org/ns/void#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")

#: The RDF answers, by media type: rdflib's serialiser and the ``format`` parameter's name.
RDF_TYPES: dict[str, tuple[str, str]] = {
    "text/turtle": ("turtle", "turtle"), "application/n-triples": ("nt", "ntriples"),
    "application/ld+json": ("json-ld", "jsonld"), "application/rdf+xml": ("xml", "rdfxml"),
    "application/trig": ("trig", "trig"), "application/n-quads": ("nquads", "nquads")}
_QUADS = ("application/trig", "application/n-quads")
#: What ``/id/…`` answers in: the page first for browsers' ``text/html``, Turtle for ``*/*``.
ENTITY_OFFERS = ("text/turtle", "text/html", "application/xhtml+xml", *[t for t in RDF_TYPES if t != "text/turtle"])
_FORMAT_NAMES = {name: media for media, (_, name) in RDF_TYPES.items()} | {"html": "text/html"}


def _choose(request: Request, offers: Sequence[str]) -> str | None:
    named = request.query_params.get("format")
    return requested_type(named.lower() if named is not None else None, request.headers.get("accept"),
                          offers, _FORMAT_NAMES)


def serialise_quads(quads: Iterable[tuple[Any, Any, Any, Any]], media_type: str) -> bytes:
    """RDF in one of :data:`RDF_TYPES`: triples (graphs merged) or, for TriG and N-Quads, quads.

    Examples
    --------
    >>> from rdflib import URIRef, Literal
    >>> quad = (URIRef("http://x.example/a"), URIRef("http://x.example/p"), Literal("b"), URIRef("http://x.example/g"))
    >>> serialise_quads([quad], "application/n-triples").decode().strip()
    '<http://x.example/a> <http://x.example/p> "b" .'
    """
    serialiser = RDF_TYPES[media_type][0]
    if media_type in _QUADS:
        return to_dataset(quads).serialize(format=serialiser, encoding="utf-8")
    graph = bind_prefixes(Graph())
    for s, p, o, _ in quads:
        graph.add((s, p, o))
    if serialiser == "json-ld":
        return graph.serialize(format="json-ld", context=JSONLD_CONTEXT, auto_compact=True, indent=1,
                               encoding="utf-8")
    return graph.serialize(format=serialiser, encoding="utf-8")


def _link(iri: str, label: str | None = None) -> str:
    """A link to an IRI: ours are followed on this server (relative, so any host name works)."""
    key = key_of(iri)
    href = f"/id/{iri[len(str(ID)):]}" if key is not None else iri
    return f'<a href="{html.escape(href)}">{html.escape(label or iri)}</a>'


def _quote_html(views: GraphViews, statement: Statement) -> str:
    items = []
    for evidence in statement.evidence:
        passage = views.nodes.get(evidence.passage or "")
        text = passage.value(SCHEMA.text) if passage is not None else None
        where = _link(evidence.passage, passage.label if passage else evidence.passage) if evidence.passage else ""
        document = evidence.document
        source = _link(document, views.nodes[document].label if document in views.nodes else document) \
            if document else ""
        quote = f"<q>{html.escape(evidence.quote)}</q>"
        if text and evidence.quote in text:
            before, _, after = text.partition(evidence.quote)
            quote = (f'<span class="context">…{html.escape(before[-160:])}</span><mark>'
                     f"{html.escape(evidence.quote)}</mark><span class=\"context\">{html.escape(after[:160])}…</span>")
        items.append(f'<li class="evidence">{quote}<br><small>{source} · {where}</small></li>')
    return f'<ul class="quotes">{"".join(items)}</ul>' if items else ""


def _statement_rows(views: GraphViews, statements: Iterable[Statement], incoming: bool) -> str:
    rows = []
    for statement in statements:
        other = statement.subject if incoming else statement.object
        if statement.object_is_node or incoming:
            record = views.nodes.get(other)
            value = _link(other, record.label if record else None)
        else:
            value = html.escape(other)
        rows.append(f"<tr><th scope=\"row\">{html.escape(predicate_label(statement.predicate))}</th>"
                    f"<td>{value}{_quote_html(views, statement)}</td></tr>")
    return "".join(rows)


_STYLE = """body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.3rem .5rem;
border-bottom:1px solid #ddd}th{width:14rem;font-weight:600}mark{background:#fde68a}.context{color:#666}
ul.quotes{margin:.3rem 0;padding-left:1.1rem}code{font-size:90%}nav a{margin-right:1rem}
.passage{padding:.4rem .6rem;margin:.4rem 0;border-left:3px solid #cbd5e1}.passage:target{background:#fef9c3}"""


def document_passages(views: GraphViews, document: str) -> list[NodeRecord]:
    """A document's passages and questions in reading order, those inside another left out.

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_iri, example_views
    >>> document_passages(example_views(), example_iri("doc/none"))
    []
    """
    found = []
    for node in views.nodes.values():
        start, end = node.value(EG.startOffset), node.value(EG.endOffset)
        if node.iri.startswith(document + "#") and node.value(SCHEMA.text) and start and end:
            found.append((int(start), -int(end), node))
    found.sort(key=lambda item: (item[0], item[1], item[2].iri))
    kept: list[NodeRecord] = []
    reached = -1
    for start, negative_end, node in found:
        if start >= reached:
            kept.append(node)
            reached = -negative_end
    return kept


def entity_page(views: GraphViews, iri: str, formats: Iterable[str]) -> str:
    """The HTML page of an entity: its names, statements and incoming links, each with its quotes.

    Parameters
    ----------
    views : GraphViews
        The graph served.
    iri : str
        The entity (a key of ``views.nodes``).
    formats : iterable of str
        The ``format`` names the same address answers in (linked as alternates).

    Returns
    -------
    str

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_iri, example_views
    >>> page = entity_page(example_views(), example_iri("org/kcc"), ["turtle"])
    >>> "<h1>Kent County Council</h1>" in page, 'href="?format=turtle"' in page
    (True, True)
    """
    record = views.nodes[iri]
    title = html.escape(record.label)
    alternates = "".join(f'<link rel="alternate" type="{_FORMAT_NAMES[f]}" href="?format={f}">' for f in formats)
    links = " ".join(f'<a href="?format={f}">{f}</a>' for f in formats)
    aliases = f"<p>Also called: {html.escape('; '.join(record.aliases))}</p>" if record.aliases else ""
    outgoing = _statement_rows(views, views.outgoing.get(iri, []), incoming=False)
    incoming = _statement_rows(views, views.incoming.get(iri, []), incoming=True)
    passages = ""
    if record.type == "Document":
        passages = "<h2>Text</h2>" + "".join(
            f'<div class="passage" id="{html.escape(n.iri.partition("#")[2])}">'
            f'{html.escape(n.value(SCHEMA.text) or "")}</div>' for n in document_passages(views, iri))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title} · Evidence Graph</title>'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">{alternates}<style>{_STYLE}</style>'
            f'</head><body><nav><a href="/">Explorer</a><a href="/graphql">GraphiQL</a>'
            f'<a href="/.well-known/void">Dataset</a></nav><h1>{title}</h1>'
            f"<p>{html.escape(record.type)} · <code>{html.escape(iri)}</code></p>{aliases}"
            f"<p>As data: {links}</p><h2>Statements</h2><table>{outgoing or '<tr><td>none</td></tr>'}</table>"
            f"<h2>Referred to by</h2><table>{incoming or '<tr><td>none</td></tr>'}</table>{passages}"
            f"</body></html>")


def entity_route(state: GraphState, store: Path | None) -> Callable[[Request], Any]:
    """The handler of ``GET /id/{key}`` (see the module's text).

    Parameters
    ----------
    state : GraphState
        The snapshot served (the HTML page is drawn from its views).
    store : Path, optional
        The store, read for the RDF answers; without one only the page is offered.
    """
    formats = [name for name in _FORMAT_NAMES if name != "html"] if store is not None else []
    offers = [t for t in ENTITY_OFFERS if store is not None or t.startswith(("text/html", "application/xhtml"))]

    async def entity(request: Request) -> Response:
        # The raw path keeps the percent-escapes the IRI was minted with.
        raw = request.scope.get("raw_path", request.url.path.encode()).decode("latin-1").split("?")[0]
        iri = str(ID) + raw.removeprefix(request.scope.get("root_path", "")).removeprefix("/id/")
        views = state.snapshot.views
        chosen = _choose(request, offers)
        if chosen is None:
            wanted = request.query_params.get("format") or request.headers.get("accept")
            return refusal_response(406, f"{iri} is offered as {', '.join(offers)}, not {wanted}", "NOT_ACCEPTABLE")
        headers = {"vary": "accept", "link": f'<{iri}>; rel="canonical"', "x-graph-version": state.snapshot.version}
        if chosen in ("text/html", "application/xhtml+xml"):
            if iri not in views.nodes:
                return refusal_response(404, f"nothing is known of {iri}", "NOT_FOUND")
            page = entity_page(views, iri, formats)
            return HTMLResponse(page, headers=headers)
        assert store is not None
        quads = await anyio.to_thread.run_sync(_described, store, iri)
        if not quads:
            return refusal_response(404, f"nothing is known of {iri}", "NOT_FOUND")
        body = await anyio.to_thread.run_sync(serialise_quads, quads, chosen)
        return Response(body, media_type=with_charset(chosen), headers=headers)

    return entity


def _described(store: Path, iri: str) -> list[tuple[Any, Any, Any, Any]]:
    with EvidenceStore(store, read_only=True) as opened:
        return [(from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object),
                 from_oxigraph(q.graph_name)) for q in describe_entity(opened, iri)]


#: The standard vocabularies the graph uses (VoID's ``void:vocabulary``).
_VOCABULARIES = ("https://schema.org/", "http://www.w3.org/ns/org#", "http://www.w3.org/ns/oa#",
                 "http://www.w3.org/ns/prov#", "http://purl.org/dc/terms/", "http://www.w3.org/2004/02/skos/core#",
                 "http://parliament.uk/ontologies/contribution/", "http://xmlns.com/foaf/0.1/")


def dataset_description(views: GraphViews, quads: Iterable[tuple[Any, Any, Any, Any]], server: str,
                        licence: str | None = None) -> Graph:
    """The dataset in VoID and DCAT: counts, documents and their sources, endpoint, distributions.

    Parameters
    ----------
    views : GraphViews
        The graph served (entity counts by type).
    quads : iterable of quads
        The store's quads (triple, class, property and subject counts; the documents' sources).
    server : str
        The server's address (``http://host:port/``): where the endpoint and the exports are.
    licence : str, optional
        The dataset's licence, an IRI; otherwise the licences its documents were published under.

    Returns
    -------
    rdflib.Graph

    Examples
    --------
    >>> from evidence_graph.graph.analytics.examples import example_views
    >>> void = dataset_description(example_views(), [], "http://127.0.0.1:8000/")
    >>> str(void.value(URIRef(BASE + ".well-known/void#dataset"), VOID.sparqlEndpoint))
    'http://127.0.0.1:8000/sparql'
    """
    graph = bind_prefixes(Graph())
    graph.bind("void", VOID)
    graph.bind("dcat", DCAT)
    dataset = URIRef(BASE + ".well-known/void#dataset")
    graph.add((dataset, RDF.type, VOID.Dataset))
    graph.add((dataset, RDF.type, DCAT.Dataset))
    graph.add((dataset, DCTERMS.title, Literal("Evidence Graph", lang="en")))
    graph.add((dataset, DCTERMS.description, Literal(
        "Committee evidence as a knowledge graph: organisations, people, posts, services, issues, themes, "
        "meetings and figures, each statement linked to the passage that supports it.", lang="en")))
    graph.add((dataset, VOID.uriSpace, Literal(str(ID))))
    graph.add((dataset, VOID.sparqlEndpoint, URIRef(server + "sparql")))
    graph.add((dataset, VOID.rootResource, URIRef(server)))
    for vocabulary in _VOCABULARIES:
        graph.add((dataset, VOID.vocabulary, URIRef(vocabulary)))
    triples = 0
    subjects: set[Any] = set()
    properties: Counter[Any] = Counter()
    classes: Counter[Any] = Counter()
    per_graph: Counter[Any] = Counter()
    licences: set[Any] = set()
    sources: dict[Any, dict[Any, Any]] = {}
    for s, p, o, g in quads:
        triples += 1
        subjects.add(s)
        properties[p] += 1
        per_graph[g] += 1
        if p == RDF.type:
            classes[o] += 1
        if p in (PROV.specializationOf, SCHEMA.url, DCTERMS.license, DCTERMS.source):
            sources.setdefault(s, {})[p] = o
            if p == DCTERMS.license:
                licences.add(o)
    graph.add((dataset, VOID.triples, Literal(triples, datatype=XSD.integer)))
    graph.add((dataset, VOID.distinctSubjects, Literal(len(subjects), datatype=XSD.integer)))
    graph.add((dataset, VOID.entities, Literal(len(views.nodes), datatype=XSD.integer)))
    graph.add((dataset, VOID.properties, Literal(len(properties), datatype=XSD.integer)))
    graph.add((dataset, VOID.classes, Literal(len(classes), datatype=XSD.integer)))
    for number, (cls, count) in enumerate(sorted(classes.items(), key=lambda item: str(item[0]))):
        partition = URIRef(f"{dataset}-class-{number}")
        graph.add((dataset, VOID.classPartition, partition))
        graph.add((partition, VOID["class"], cls))
        graph.add((partition, VOID.entities, Literal(count, datatype=XSD.integer)))
    for number, (prop, count) in enumerate(sorted(properties.items(), key=lambda item: str(item[0]))):
        partition = URIRef(f"{dataset}-property-{number}")
        graph.add((dataset, VOID.propertyPartition, partition))
        graph.add((partition, VOID.property, prop))
        graph.add((partition, VOID.triples, Literal(count, datatype=XSD.integer)))
    documents = 0
    for named, count in sorted(per_graph.items(), key=lambda item: str(item[0])):
        document = graph_document(str(named))
        if document is None:
            continue
        documents += 1
        subset = URIRef(str(named))
        graph.add((dataset, VOID.subset, subset))
        graph.add((subset, RDF.type, VOID.Dataset))
        graph.add((subset, VOID.triples, Literal(count, datatype=XSD.integer)))
        graph.add((subset, DCTERMS.source, URIRef(document)))
    for _, facts in sorted(sources.items(), key=lambda item: str(item[0])):
        document = facts.get(PROV.specializationOf)
        if document is None:
            continue
        graph.add((dataset, DCTERMS.source, document))
        for p in (SCHEMA.url, DCTERMS.license):
            if p in facts:
                graph.add((document, p, facts[p]))
        if DCTERMS.source in facts:
            graph.add((document, DCTERMS.identifier, facts[DCTERMS.source]))
    graph.add((dataset, VOID.documents, Literal(documents, datatype=XSD.integer)))
    for found in ([URIRef(licence)] if licence else sorted(licences, key=str)):
        graph.add((dataset, DCTERMS.license, found))
    for fmt in EXPORT_FORMATS.values():
        distribution = URIRef(f"{dataset}-distribution-{fmt.name}")
        graph.add((dataset, DCAT.distribution, distribution))
        graph.add((distribution, RDF.type, DCAT.Distribution))
        graph.add((distribution, DCAT.downloadURL, URIRef(f"{server}export/{fmt.name}")))
        graph.add((distribution, DCAT.mediaType, URIRef(f"https://www.iana.org/assignments/media-types/{fmt.media_type}")))
        graph.add((distribution, DCTERMS.title, Literal(fmt.description, lang="en")))
        if fmt.name == "nquads":
            graph.add((dataset, VOID.dataDump, URIRef(f"{server}export/{fmt.name}")))
    return graph


def void_route(state: GraphState, store: Path | None) -> Callable[[Request], Any]:
    """The handler of ``GET /.well-known/void``: :func:`dataset_description` in Turtle (default),
    N-Triples, JSON-LD or RDF/XML; made once per version of the graph and media type."""
    offers = [t for t in RDF_TYPES if t not in _QUADS]
    made: dict[tuple[str, str, str], bytes] = {}

    async def void(request: Request) -> Response:
        chosen = _choose(request, offers)
        if chosen is None:
            return refusal_response(406, f"the dataset's description is offered as {', '.join(offers)}",
                                    "NOT_ACCEPTABLE")
        snapshot = state.snapshot
        key = (snapshot.version, chosen, str(request.base_url))

        def described() -> bytes:
            if store is None:
                graph = dataset_description(snapshot.views, [], str(request.base_url))
            else:
                with EvidenceStore(store, read_only=True) as opened:  # the quads are read once, as they come
                    graph = dataset_description(snapshot.views, opened.quads(), str(request.base_url))
            return serialise_quads(((s, p, o, None) for s, p, o in graph), chosen)

        body = made.get(key)
        if body is None:
            body = await anyio.to_thread.run_sync(described)
            if len(made) >= 16:  # a few versions and types; old versions are not asked for again
                made.clear()
            made[key] = body
        return Response(body, media_type=with_charset(chosen),
                        headers={"vary": "accept", "x-graph-version": snapshot.version})

    return void


__all__ = ["ENTITY_OFFERS", "RDF_TYPES", "dataset_description", "document_passages", "entity_page", "entity_route",
           "serialise_quads", "void_route"]
