"""Acronym definitions whose letters include a small word's initial (invented names)."""

from __future__ import annotations

from evidence_graph.loaders.acronyms import acronym_definitions


def test_a_small_word_counts_when_the_acronym_has_its_initial() -> None:
    text = "The Panel had a letter from the Institute of Widgets (IOW) on cog prices."
    assert acronym_definitions([text]) == {"IOW": "Institute of Widgets"}


def test_a_small_word_is_still_skipped_when_the_acronym_leaves_it_out() -> None:
    assert acronym_definitions(["a note from the Fenmoor Institute of Widgets (FIW) today"]) == \
        {"FIW": "Fenmoor Institute of Widgets"}
    assert acronym_definitions(["the Friends of Wexley Park (FWP) said"]) == {"FWP": "Friends of Wexley Park"}


def test_a_small_word_whose_initial_the_acronym_lacks_defines_nothing_more() -> None:
    assert acronym_definitions(["the Institute for Widgets (IOW) said"]) == {}
