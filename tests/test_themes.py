"""Theme tagging: passages that state no theme are tagged by similarity to the terms of reference."""

from __future__ import annotations

from evidence_graph.loaders.themes import ThemeTagger, ThemeText, terms
from tests.conftest import GraphQuery

THEMES = [ThemeText("a", "Role as commissioning organisation and strategic context. What is our commissioning "
                         "strategy? Is there clarity around budgets?"),
          ThemeText("d", "Contract management: do we decommission and re-commission services based on "
                         "performance? Contract monitoring of outcome focused contracts."),
          ThemeText("e", "How can the council best discharge its responsibilities through the Social Value Act? "
                         "How have we worked with providers to achieve social value?")]


def test_terms_fold_plurals_and_keep_word_pairs() -> None:
    found = terms("Providers monitored the contracts; contract monitoring")
    assert found["provider"] == 1 and found["contract"] == 2 and found["contract monitor"] == 1


def test_a_passage_is_tagged_with_the_theme_it_keeps_coming_back_to() -> None:
    tagger = ThemeTagger(THEMES, ["The meeting opened at ten.", "The council set its budget."])
    matches = tagger.tag("Social value is hard to measure; we could score social value in tenders.")
    assert [m.notation for m in matches] == ["e"]
    assert [m.notation for m in tagger.tag("We monitor contracts and decommission poor performance.")] == ["d"]


def test_a_passage_about_nothing_in_particular_is_not_tagged() -> None:
    assert ThemeTagger(THEMES).tag("The Chairman thanked the witness for attending.") == []


def test_minutes_answers_about_social_value_are_tagged_with_theme_e(sample: GraphQuery) -> None:
    tagged = sample.values("""SELECT ?p WHERE { ?p dcterms:subject id:concept/tor/gb-lae-ken/select-committee-commissioning/e ;
                                                 schema:author id:person/thom-wilson ; schema:position ?n }""")
    paragraphs = {iri.rsplit("#", 1)[1] for iri in tagged}
    assert {"para_8", "para_27"} <= paragraphs
    assert "para_1" not in paragraphs and "para_29" not in paragraphs
