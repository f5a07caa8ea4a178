"""Short forms of committee names (loaders.resolution.committee_forms), on invented names."""

from __future__ import annotations

from evidence_graph.loaders.mentions import Mention
from evidence_graph.loaders.resolution.committee_forms import longer_committee_name


def named(*labels: str, kind: str = "committee") -> list[Mention]:
    return [Mention(0, len(label), kind, label, 0, "pattern:committee") for label in labels]


def test_a_short_form_of_the_one_longer_committee_is_that_committee() -> None:
    mentions = named("Sustainable Harbours Overview and Scrutiny Committee", "the Overview and Scrutiny Committee")
    assert longer_committee_name("the Overview and Scrutiny Committee", mentions) == (
        "Sustainable Harbours Overview and Scrutiny Committee")
    # "&" for "and" and a leading article change nothing.
    assert longer_committee_name("Overview & Scrutiny Committee", mentions) == (
        "Sustainable Harbours Overview and Scrutiny Committee")


def test_a_short_form_of_two_longer_committees_stays_its_own() -> None:
    mentions = named("Adult Care Overview and Scrutiny Committee", "Harbours Overview and Scrutiny Committee")
    assert longer_committee_name("Overview and Scrutiny Committee", mentions) == "Overview and Scrutiny Committee"


def test_a_two_word_name_is_no_short_form() -> None:
    assert longer_committee_name("Planning Committee", named("Strategic Planning Committee")) == "Planning Committee"


def test_only_committee_names_are_compared_and_only_as_whole_words() -> None:
    assert longer_committee_name("Health and Wellbeing Board", named(
        "Tarnside Health and Wellbeing Board", kind="organisation")) == "Health and Wellbeing Board"
    assert longer_committee_name("Licensing and Appeals Committee", named(
        "Sublicensing and Appeals Committee")) == "Licensing and Appeals Committee"
