"""The standard vocabularies used as they define themselves: ``schema:additionalType`` names a class
(an IRI), ``schema:encodingFormat`` a media type, ``eg:post`` is no ``org:role``, words of a document
carry their language, and a service's commissioner is not its ``schema:provider``."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from rdflib import Literal

from evidence_graph.graph.entities import Registry
from evidence_graph.graph.vocabulary import EG, ORG, RDFS, SCHEMA, load_vocabulary
from evidence_graph.pipeline.build import build_documents, collect_sources
from tests.conftest import GraphQuery

LAYOUTS = Path(__file__).parent / "fixtures" / "layouts"
#: IANA media types, with an optional charset (RFC 6838's restricted names).
MEDIA_TYPE = re.compile(r"^[a-z]+/[a-z0-9.+-]+(; charset=[a-z0-9_-]+)?$")


def test_additional_types_are_classes_not_strings(sample: GraphQuery) -> None:
    values = sample.values("SELECT ?t WHERE { ?p schema:additionalType ?t }")
    assert values
    literals = sample.values("SELECT ?t WHERE { ?p schema:additionalType ?t FILTER(isLiteral(?t)) }")
    assert literals == []
    assert sample.ask("?venue schema:additionalType schema:EventVenue")


def test_documents_say_their_media_type_and_no_character_encoding_as_a_string(sample: GraphQuery) -> None:
    formats = sample.values("SELECT ?f WHERE { ?e schema:encodingFormat ?f }")
    assert sorted(formats) == ["text/markdown; charset=utf-8", "text/plain; charset=utf-8"]
    assert all(MEDIA_TYPE.match(f) for f in formats)
    assert not sample.ask("?e schema:encoding ?x")


def test_post_is_not_a_role() -> None:
    vocabulary = load_vocabulary()
    assert (EG.post, RDFS.subPropertyOf, ORG.role) not in vocabulary
    assert vocabulary.value(EG.post, RDFS.range) == ORG.Post
    assert (EG.commissionedBy, RDFS.subPropertyOf, SCHEMA.funder) in vocabulary


def test_english_words_carry_their_language(sample: GraphQuery) -> None:
    rows = sample.rows("SELECT ?t (LANG(?t) AS ?l) WHERE { ?p a eg:Passage ; schema:text ?t }")
    assert rows and {language for _, language in rows} == {"en"}
    titles = sample.rows("SELECT (LANG(?t) AS ?l) WHERE { ?d a schema:DigitalDocument ; dcterms:title ?t }")
    assert titles and {row[0] for row in titles} == {"en"}
    # Quotes stay the text's exact characters (Web Annotation's TextQuoteSelector): no tag.
    assert not sample.ask("?q oa:exact ?e FILTER(LANG(?e) != '')")


def test_welsh_blocks_say_cy_and_english_blocks_en(tmp_path: Path) -> None:
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(LAYOUTS / "welsh-bilingual.txt", folder)
    result = build_documents(collect_sources([folder])[0], Registry(), validate=False)
    texts = [o for graphs in result.graphs for _, _, o in graphs.assertions.triples((None, SCHEMA.text, None))]
    languages = {o.language for o in texts if isinstance(o, Literal)}
    assert languages == {"cy", "en"}
    english = next(o for o in texts if str(o).startswith("Councillor Gethin"))
    assert english.language == "en"


def test_a_service_is_commissioned_by_the_council_and_operated_by_its_provider(sample: GraphQuery) -> None:
    assert sample.ask("?s a schema:GovernmentService ; schema:name ?n ; eg:commissionedBy id:org/gb-lae-ken "
                      "FILTER(STR(?n) = 'Young Healthy Minds')")
    commissioned = set(sample.values("SELECT ?s WHERE { ?s eg:commissionedBy ?o }"))
    provided = set(sample.values("SELECT ?s WHERE { ?s schema:provider ?o }"))
    assert commissioned and not commissioned & provided
