"""Loaders: turn committee documents into RDF triples, one typed stage at a time.

document bytes ─► :class:`loaders.document.Document` ─► :class:`loaders.blocks.ParsedDocument`
─► :class:`loaders.mentions.Mention` ─► :class:`loaders.resolution.ResolvedDocument`
─► an rdflib graph per document (:mod:`loaders.rdf`).
"""

__version__ = "0.1.0"
