"""Stage 5: RDF. A resolved document becomes its named graph and its provenance graph.

Every fact with an evidence span is also reified as an ``rdf:Statement`` quoted from a Web
Annotation segment whose ``oa:exact`` is ``text[start:end]`` of the stored document, so an
analyst can always get from an answer to the words on the page.
"""

from __future__ import annotations

import hashlib
from bisect import bisect_right

from rdflib import Graph, Literal, URIRef

from evidence_graph.graph.documents import DocumentGraphs
from evidence_graph.graph.iris import document_graph, iri, provenance_graph
from evidence_graph.graph.vocabulary import DCTERMS, EG, OA, PROV, RDF, RDFS, SCHEMA, XSD, bind_prefixes
from evidence_graph.loaders import __version__ as loader_version
from evidence_graph.loaders.facts import SEGMENT, Fact, Ref, ResolvedDocument, Value
from evidence_graph.loaders.formats import media_type_of
from evidence_graph.loaders.manifest import WEB_ADDRESS

#: Characters of context kept on each side of a quote (TextQuoteSelector prefix/suffix).
QUOTE_CONTEXT = 32


def _literal(value: Value) -> Literal:
    if value.datatype:
        return Literal(value.value, datatype=XSD[value.datatype])
    if value.language:
        return Literal(value.value, lang=value.language)
    return Literal(value.value)


class _Emitter:
    def __init__(self, resolved: ResolvedDocument) -> None:
        self.resolved = resolved
        self.document = resolved.parsed.document
        self.text = self.document.text
        self.doc_key = f"doc/{resolved.key}"
        self.expression = iri(f"{self.doc_key}/v/{self.document.sha256[:12]}")
        self.graph = bind_prefixes(Graph())
        self.segments: set[tuple[int, int]] = set()
        #: Facts and mentions left out: their evidence is no span of the text.
        self.dropped: list[str] = []
        blocks = resolved.parsed.blocks
        self._starts = [b.start for b in blocks]
        self._blocks = blocks

    def segment(self, start: int, end: int, block: int | None) -> URIRef:
        key = f"{self.doc_key}#span-{start}-{end}"
        node = iri(key)
        if (start, end) in self.segments:
            return node
        self.segments.add((start, end))
        g = self.graph
        quote, position = iri(f"{key}.quote"), iri(f"{key}.position")
        g.add((node, RDF.type, OA.SpecificResource))
        g.add((node, OA.hasSource, self.expression))
        g.add((node, OA.hasSelector, quote))
        g.add((node, OA.hasSelector, position))
        g.add((quote, RDF.type, OA.TextQuoteSelector))
        g.add((quote, OA.exact, Literal(self.text[start:end])))
        g.add((quote, OA.prefix, Literal(self.text[max(0, start - QUOTE_CONTEXT):start])))
        g.add((quote, OA.suffix, Literal(self.text[end:end + QUOTE_CONTEXT])))
        g.add((position, RDF.type, OA.TextPositionSelector))
        g.add((position, OA.start, Literal(start)))
        g.add((position, OA.end, Literal(end)))
        if block is not None and block in self.resolved.passages:
            g.add((node, DCTERMS.isPartOf, iri(self.resolved.passages[block])))
        return node

    def obj(self, fact: Fact) -> URIRef | Literal:
        if isinstance(fact.object, Ref):
            return iri(fact.object.key)
        if isinstance(fact.object, Value):
            return _literal(fact.object)
        return fact.object

    def passage_of(self, start: int, end: int, block: int | None) -> int | None:
        """The block whose passage holds ``[start, end)``: the fact's own block when it does, else
        the block the span lies in (a fact read in one paragraph may quote a heading or a list
        line elsewhere; its quote must point at the paragraph it comes from)."""
        blocks = self._blocks
        if block is not None and 0 <= block < len(blocks) and blocks[block].start <= start and end <= blocks[block].end:
            return block
        index = bisect_right(self._starts, start) - 1
        if index >= 0 and end <= blocks[index].end and index in self.resolved.passages:
            return index
        return block

    def is_span(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` is a non-empty span of the text (a quote can anchor there)."""
        return 0 <= start < end <= len(self.text)

    def emit(self) -> Graph:
        g = self.graph
        for fact in self.resolved.facts:
            if fact.evidence is not None and not self.is_span(*fact.evidence):
                # One wrongly derived span must not sink the document: the fact is left out
                # and reported, the rest loads.
                self.dropped.append(
                    f"{fact.subject} {g.namespace_manager.normalizeUri(fact.predicate)} {_object_text(fact)}: evidence "
                    f"[{fact.evidence[0]}, {fact.evidence[1]}) is no span of the text")
                continue
            subject = iri(fact.subject)
            if fact.object == SEGMENT:
                if fact.evidence:
                    g.add((subject, fact.predicate, self.segment(*fact.evidence, fact.block)))
                continue
            obj = self.obj(fact)
            g.add((subject, fact.predicate, obj))
            if fact.evidence is not None:
                self.statement(subject, fact.predicate, obj, fact)
        for annotation in self.resolved.annotations:
            mention = annotation.mention
            if not self.is_span(mention.start, mention.end):
                self.dropped.append(f"{mention.kind} mention {mention.label!r}: evidence "
                                             f"[{mention.start}, {mention.end}) is no span of the text")
                continue
            node = iri(f"{self.doc_key}#m-{mention.start}-{mention.end}-{mention.kind}")
            g.add((node, RDF.type, OA.Annotation))
            g.add((node, OA.motivatedBy, OA.identifying))
            g.add((node, OA.hasTarget, self.segment(mention.start, mention.end,
                                                    self.passage_of(mention.start, mention.end, mention.block))))
            g.add((node, EG.method, Literal(annotation.method)))
            g.add((node, EG.confidence, Literal(f"{annotation.confidence:.2f}", datatype=XSD.decimal)))
            if annotation.entity:
                g.add((node, OA.hasBody, iri(annotation.entity)))
            else:
                g.add((node, EG.status, Literal("unresolved")))
                g.add((node, OA.bodyValue, Literal(mention.label)))
        return g

    def statement(self, subject: URIRef, predicate: URIRef, obj: URIRef | Literal, fact: Fact) -> None:
        assert fact.evidence is not None
        start, end = fact.evidence
        digest = hashlib.sha1(f"{subject}|{predicate}|{obj}|{start}|{end}".encode()).hexdigest()[:12]
        node = iri(f"{self.doc_key}#st-{digest}")
        g = self.graph
        g.add((node, RDF.type, RDF.Statement))
        g.add((node, RDF.subject, subject))
        g.add((node, RDF.predicate, predicate))
        g.add((node, RDF.object, obj))
        block = self.passage_of(start, end, fact.block)
        g.add((node, PROV.wasQuotedFrom, self.segment(start, end, block)))
        if block is not None and block in self.resolved.passages:
            g.add((node, EG.evidence, iri(self.resolved.passages[block])))


def _object_text(fact: Fact) -> str:
    """The object of a fact as a report shows it."""
    if isinstance(fact.object, Ref):
        return fact.object.key
    if isinstance(fact.object, Value):
        return repr(fact.object.value)
    return str(fact.object)


def document_graphs(resolved: ResolvedDocument) -> DocumentGraphs:
    """Emit a resolved document's assertion graph and provenance graph.

    Parameters
    ----------
    resolved : ResolvedDocument
        From :func:`loaders.resolution.resolve_document`.

    Returns
    -------
    DocumentGraphs
        Deterministic: an unchanged document gives the same triples, byte for byte. A fact or
        mention whose evidence is no span of the text is left out, listed in
        ``resolved.dropped`` and noted on the load activity in the provenance graph.
    """
    emitter = _Emitter(resolved)
    assertions = emitter.emit()
    resolved.dropped = emitter.dropped
    doc = resolved.parsed.document
    doc_key = f"doc/{resolved.key}"
    sha12 = doc.sha256[:12]
    prov = bind_prefixes(Graph())
    graph_node = document_graph(resolved.key)
    expression = emitter.expression
    loader = resolved.loader
    activity = iri(f"activity/load/{sha12}/{loader}-{loader_version}")
    agent = iri(f"agent/{loader}/{loader_version}")
    prov.add((graph_node, RDF.type, PROV.Entity))
    prov.add((graph_node, PROV.wasDerivedFrom, expression))
    prov.add((graph_node, PROV.wasGeneratedBy, activity))
    prov.add((expression, RDF.type, PROV.Entity))
    prov.add((expression, PROV.specializationOf, iri(doc_key)))
    prov.add((expression, SCHEMA.sha256, Literal(doc.sha256)))
    prov.add((expression, DCTERMS.source, Literal(doc.source)))
    prov.add((expression, SCHEMA.encodingFormat, Literal(media_type_of(doc.format, doc.encoding))))
    source_url = doc.metadata.get("source_url", "")
    if WEB_ADDRESS.match(source_url):
        prov.add((expression, SCHEMA.url, URIRef(source_url)))
    licence = doc.metadata.get("licence", "")
    if WEB_ADDRESS.match(licence):
        prov.add((expression, DCTERMS.license, URIRef(licence)))
    prov.add((expression, SCHEMA.text, Literal(doc.text)))
    prov.add((activity, RDF.type, PROV.Activity))
    prov.add((activity, PROV.used, expression))
    prov.add((activity, PROV.wasAssociatedWith, agent))
    prov.add((agent, RDF.type, PROV.SoftwareAgent))
    for line in resolved.dropped:
        prov.add((activity, RDFS.comment, Literal(f"dropped (no evidence span): {line}", lang="en")))
    return DocumentGraphs(resolved.key, graph_node, assertions, provenance_graph(resolved.key), prov)
