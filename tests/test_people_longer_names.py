"""Plain names the statistical recogniser reads as part of a longer name of another thing."""

import pytest

from evidence_graph.loaders.finders.people import people_in_document
from evidence_graph.loaders.finders.statistical import longer_name_label, recogniser

needs_model = pytest.mark.skipif(recogniser() is None, reason="the statistical model is not installed")


def _labels(text: str) -> list[str]:
    people_in_document.cache_clear()
    return [p.label for p in people_in_document(text)]


@needs_model
def test_words_inside_an_institute_name_are_no_person() -> None:
    text = ("Witnesses\n\nI: Tom Ure, Director, Institute for Rural Studies; Bo Chan, Chief Executive, "
            "Tarn Foundation; and Kay Moss, Head of Policy, Widget Policy Unit.\n")
    labels = _labels(text)
    assert "Rural Studies" not in labels
    assert {"Tom Ure", "Bo Chan", "Kay Moss"} <= set(labels)


@needs_model
def test_a_post_before_an_organisation_name_gives_no_person() -> None:
    text = "The Director General, International Widgets and Environment Group, Department for Widgets, wrote.\n"
    assert "International Widgets" not in _labels(text)


def test_a_name_after_a_dash_is_not_inside_the_name_before_it() -> None:
    # The model runs "Joint Fire Board - Appoint Ann Lee" together; the dash ends the board's name.
    assert longer_name_label("(f) Tarnshire Joint Fire Board - Appoint Ann Lee as substitute.", 38, 45) is None


@needs_model
def test_post_nominals_do_not_make_a_longer_name() -> None:
    text = "In the session a member of the Committee, Grahame Tarrow MP, raised the point."
    start = text.index("Grahame")
    assert longer_name_label(text, start, start + len("Grahame Tarrow")) is None


def test_a_line_of_initials_with_stops_and_a_surname_is_a_person() -> None:
    text = ("Councillor\n\nMinute Number\n\nNature of Interest\n\nA.B.C. Dale\n\n8 – Widget Strategy\n\n"
            "Brother is a director of Tarn Widgets Ltd\n\nR.T. Moss\n\n9 – Parks\n\nA. Introduction\n")
    labels = _labels(text)
    assert {"A.B.C. Dale", "R.T. Moss"} <= set(labels)
    assert not any("Introduction" in label for label in labels)


def test_a_column_of_names_laid_out_with_spaces_holds_names_whatever_follows() -> None:
    text = ("Present:\n\nNia Brook                 Director of Public Health, Tarnbury City Council.\n"
            "Owen Pell                 Chief Executive, Tarnshire Partnership NHS Trust.\n"
            "Carys Lyle                Deputy Director of Strategy, NHS Tarnshire.\n"
            "Piers Calloway            Tarnshire Widgets Alliance.\n")
    assert "Piers Calloway" in _labels(text)


def test_two_lines_of_a_gap_are_no_column() -> None:
    text = ("Nia Brook                 Director of Public Health, Tarnbury City Council.\n"
            "Piers Calloway            Tarnshire Widgets Alliance.\n")
    assert "Piers Calloway" not in _labels(text)


def test_a_member_of_the_senedd_after_her_name() -> None:
    assert "Tomas Bellamy" in _labels("1.2      Apologies were received from Tomas Bellamy MS.\n")
    assert "Tomas Bellamy" in _labels("Apologies were received from Tomas Bellamy AM.\n")
    assert not any("Society" in label for label in _labels("Funding from Widget Thornton MS Society\n"))
