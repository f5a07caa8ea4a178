"""The statistical finder (loaders.finders.statistical): the rules that accept or reject what the
recogniser proposes, the rules' priority on overlaps, and a build without the recogniser.

Every test but the last runs without spaCy: the recogniser's proposals are given by hand. The
last one needs the model package (``pytest.importorskip``) and is skipped where it is not
installed.
"""

from __future__ import annotations

import pytest

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.finders import statistical
from evidence_graph.loaders.finders.statistical import (
    FINDER_NAME,
    Proposal,
    accept_legislation,
    accept_organisation,
    accept_person,
    accept_place,
)
from evidence_graph.loaders.mentions import MENTION_FINDERS, find_mentions
from evidence_graph.loaders.structure import parse_document


def _mentions(text: str) -> list[tuple[str, str, str]]:
    parsed = parse_document(Document("minutes.txt", "minutes", f"Minutes\n\n{text}\n", "0"))
    return [(m.kind, m.label, m.method) for m in find_mentions(parsed, CorpusContext(), finders=[FINDER_NAME])]


def _propose(monkeypatch: pytest.MonkeyPatch, spans: dict[str, str]) -> None:
    """Make the recogniser propose ``spans`` (text → label) wherever the text stands."""

    def propose(text: str) -> tuple[Proposal, ...]:
        found = []
        for span, label in spans.items():
            at = text.find(span)
            if at >= 0:
                found.append(Proposal(at, at + len(span), label))
        return tuple(found)

    monkeypatch.setattr(statistical, "propose", propose)


def test_the_finder_is_registered_under_its_name() -> None:
    assert FINDER_NAME in MENTION_FINDERS.names()


@pytest.mark.parametrize(("name", "accepted"), [
    ("Wexcombe", True),
    ("Upper Marlhaven", False),      # reads as a person's name ("Upper" a given name): left to the rules
    ("Background", False),           # a document word
    ("Budget", False),               # a topic word
    ("Tarnshire County Councillor", False),
    ("OJEU", False),                 # an acronym, all capitals
    ("MARLHAVEN WARD", False),       # a heading
    ("Item 4: Wexcombe", False),
    ("Dr Ann Okafor", False),
])
def test_a_place_is_a_capitalised_name_with_no_topic_word(name: str, accepted: bool) -> None:
    assert accept_place(name) is accepted


@pytest.mark.parametrize(("name", "accepted"), [
    ("Tarnside Food Trust", True),
    ("Court of Appeal", True),
    ("Department for Roads, Rivers and Bridges", True),  # a list as the object of a body's head
    ("Housing and Infrastructure", False),               # a list of topics
    ("Fees and Charges", False),
    ("Annual Performance Report", False),                # a document's title
    ("Notice of Motion", False),
    ("Planning Committee", False),                       # the committee finder's
    ("Road Safety Programme", False),                    # the service finder's
    ("Wexcombe", False),                                 # one word: a common noun as often as a name
    ("LOCAL REVIEW BODY", False),                        # a heading
    ("Ann Okafor", False),                               # a person's name
    ("local authorities", False),                        # a class
])
def test_an_organisation_needs_a_name_that_is_no_topic_title_or_person(name: str, accepted: bool) -> None:
    assert accept_organisation(name) is accepted


@pytest.mark.parametrize(("name", "accepted"), [
    ("Ann Okafor", True),
    ("Councillor Jane Okafor", True),
    ("Okafor", False),                    # a surname alone: the rules decide with the honorific
    ("Head of Planning", False),
    ("Wexcombe Housing Trust", False),
    ("Minutes Okafor", False),
    ("Aileen Tarnfield", True),           # a given name in use leads it
    ("Playpark Refurbishment", False),    # capitalised like a name, but no given name leads it
    ("Healthy Air", False),
    ("Cllr Tarnfield Okafor", True),      # an honorific says a person stands there, whatever the forename
    ("Elizabeth II", False),              # a regnal number is no surname
])
def test_a_person_has_a_given_name_and_a_surname(name: str, accepted: bool) -> None:
    assert accept_person(name) is accepted


def test_legislation_is_a_title_with_a_year() -> None:
    assert accept_legislation("Wexcombe Harbour Act 1899")
    assert not accept_legislation("the Constitution")
    assert not accept_legislation("Housing Act")


def test_rules_win_on_overlaps_and_a_place_inside_a_name_is_no_place(monkeypatch: pytest.MonkeyPatch) -> None:
    _propose(monkeypatch, {"Tarnshire": "GPE", "Wexcombe": "GPE", "Marlhaven": "GPE"})
    text = ("Councillor Ann Okafor told Tarnshire County Council that flooding in Wexcombe had closed "
            "the University of Marlhaven.")
    # "Tarnshire" lies inside the rules' organisation, "Marlhaven" inside "University of …".
    assert _mentions(text) == [("place", "Wexcombe", "statistical:place")]


def test_a_place_before_a_capitalised_word_is_part_of_a_longer_name(monkeypatch: pytest.MonkeyPatch) -> None:
    _propose(monkeypatch, {"Wexcombe": "GPE"})
    assert _mentions("The Wexcombe Leisure Centre reopened on Monday.") == []


def test_only_the_proposed_labels_become_mentions(monkeypatch: pytest.MonkeyPatch) -> None:
    _propose(monkeypatch, {"Tarnside Food Trust": "ORG", "Ann Okafor": "PERSON", "Wexcombe": "GPE",
                           "Marlhaven Library": "FAC"})
    monkeypatch.setattr(statistical, "PROPOSED_LABELS", frozenset({"GPE", "FAC"}))
    text = "Ms Okafor said Tarnside Food Trust met Ann Okafor at Marlhaven Library, in Wexcombe."
    assert sorted(_mentions(text)) == [("place", "Wexcombe", "statistical:place"),
                                       ("venue", "Marlhaven Library", "statistical:venue")]


def test_without_the_recogniser_nothing_is_proposed_and_the_build_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(statistical, "recogniser", lambda: None)
    statistical.propose.cache_clear()
    try:
        assert statistical.propose("Flooding in Wexcombe closed the road.") == ()
        parsed = parse_document(Document("m.txt", "m", "Minutes\n\n(1) Cllr Okafor said flooding in Wexcombe "
                                                       "closed the road.\n", "0"))
        kinds = {(m.kind, m.label) for m in find_mentions(parsed, CorpusContext())}
        assert ("person", "Cllr Okafor") in kinds
        assert not any(label == "Wexcombe" for _, label in kinds)
    finally:
        statistical.propose.cache_clear()


def test_the_installed_model_proposes_places_the_rules_accept() -> None:
    # Skipped where the model package is not installed (it is an optional dependency); where it
    # is, this checks the real recogniser end to end. The text names real towns because the
    # small model knows places by name, not by context.
    pytest.importorskip("spacy")
    pytest.importorskip(statistical.MODEL_PACKAGE)
    assert statistical.recogniser() is not None
    # Towns that are no council's area: the rules (gazetteer, council areas) do not know them.
    found = _mentions("Residents in Penrith and in Kendal were consulted by Tarnshire County Council.")
    assert ("place", "Kendal", "statistical:place") in found
    # The organisation is the rules'.
    assert all(method == "statistical:place" and label in ("Penrith", "Kendal") for _, label, method in found)
    # A council's area the rules find is theirs: the model's proposal on it is dropped.
    parsed = parse_document(Document("m.txt", "m", "Minutes\n\nResidents in Carlisle were consulted.\n", "0"))
    assert [(m.label, m.method) for m in find_mentions(parsed, CorpusContext()) if m.kind == "place"] == [
        ("Carlisle", "gazetteer:place")]


def test_a_model_with_other_weights_is_not_used(monkeypatch: pytest.MonkeyPatch) -> None:
    # Needs spaCy and the model (skipped otherwise): the pin is checked on the installed files.
    pytest.importorskip("spacy")
    pytest.importorskip(statistical.MODEL_PACKAGE)
    monkeypatch.setattr(statistical, "NER_WEIGHTS_SHA256", "0" * 64)
    statistical.recogniser.cache_clear()
    try:
        with pytest.warns(UserWarning, match="not the pinned"):
            assert statistical.recogniser() is None
    finally:
        monkeypatch.undo()
        statistical.recogniser.cache_clear()
    assert statistical.recogniser() is not None
