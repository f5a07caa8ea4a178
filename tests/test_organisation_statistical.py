"""Organisations the statistical recogniser proposes (ORG) and the rules accept only where they
stand in a body's context, or as an acronym the document uses twice (invented papers; the
recogniser's proposals are given by hand, so these run without spaCy)."""

from __future__ import annotations

import pytest

from evidence_graph.loaders.context import CorpusContext
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.finders import statistical
from evidence_graph.loaders.finders.statistical import FINDER_NAME, Proposal, accept_organisation_here
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.structure import parse_document


def _organisations(text: str) -> list[str]:
    parsed = parse_document(Document("minutes.txt", "minutes", f"Minutes\n\n{text}\n", "0"))
    return sorted(m.label for m in find_mentions(parsed, CorpusContext(), finders=[FINDER_NAME])
                  if m.kind == "organisation")


def _organisations_by_all(text: str) -> list[str]:
    parsed = parse_document(Document("minutes.txt", "minutes", f"Minutes\n\n{text}\n", "0"))
    return sorted(m.label for m in find_mentions(parsed, CorpusContext()) if m.kind == "organisation")


def _propose_org(monkeypatch: pytest.MonkeyPatch, *names: str) -> None:
    """Make the recogniser label every occurrence of ``names`` ORG."""

    def propose(text: str) -> tuple[Proposal, ...]:
        found = []
        for name in names:
            at = text.find(name)
            while at >= 0:
                found.append(Proposal(at, at + len(name), "ORG"))
                at = text.find(name, at + 1)
        return tuple(found)

    monkeypatch.setattr(statistical, "propose", propose)


def test_a_name_is_accepted_after_a_body_cue_only() -> None:
    text = "The report by the Quillon Chamber of Trade was noted. Brettle Chamber of Trade plans were set."
    assert accept_organisation_here("Quillon Chamber of Trade", text, text.index("Quillon"), {}, text)
    assert not accept_organisation_here("Brettle Chamber of Trade", text, text.index("Brettle"), {}, text)
    # A person's shape with no organisation word stays a person's, whatever the context.
    text = "A letter from Ann Quillon was read."
    assert not accept_organisation_here("Ann Quillon", text, text.index("Ann"), {}, text)


def test_a_name_ending_in_a_suffix_is_left_to_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    # The rules reject "the Remote Council meeting" (the meeting's mode, not a body).
    _propose_org(monkeypatch, "Remote Council")
    assert _organisations("The meeting was adjourned from the Remote Council meeting.") == []


def test_an_acronym_used_twice_or_after_a_cue_is_a_body(monkeypatch: pytest.MonkeyPatch) -> None:
    _propose_org(monkeypatch, "QXRB", "ZPLM", "WVTA")
    text = ("The QXRB reported to members. Later the QXRB agreed. A forecast from ZPLM was circulated. "
            "The WVTA was discussed.")
    assert _organisations(text) == ["QXRB", "QXRB", "ZPLM"]


def test_a_shouted_heading_word_and_a_defined_plan_are_no_bodies() -> None:
    text = "IN THE CHAIR. IN THE CHAIR. The MTSP agreed by the MTSP."
    assert not accept_organisation_here("CHAIR", text, text.index("CHAIR"), {}, text)
    defined = {"MTSP": "Medium Term Spending Plan"}
    assert not accept_organisation_here("MTSP", text, text.index("MTSP"), defined, text)
    assert accept_organisation_here("MTSP", text, text.index("MTSP"), {}, text)


def test_a_function_or_a_party_in_capitals_is_no_body() -> None:
    text = "Advice from HR and from the SNP; HR agreed."
    assert not accept_organisation_here("SNP", text, text.index("SNP"), {}, text)
    assert not accept_organisation_here("HR", text, text.index("HR"), {}, text)


def test_an_acronym_bracketed_after_a_name_is_that_bodys_alias(monkeypatch: pytest.MonkeyPatch) -> None:
    # "(IOW)" after "Institute of Widgets" spells the "of": the definitions miss it, but the
    # acronym is the institute's, not a second body.
    _propose_org(monkeypatch, "IOW")
    # Where the acronym definitions catch it, the rules find the institute and the recogniser
    # adds nothing; either way "IOW" is never a body of its own.
    text = "Evidence from the Institute of Widgets (IOW). Later the IOW wrote again."
    assert set(_organisations(text)) <= {"Institute of Widgets"}
    assert "Institute of Widgets" in _organisations_by_all(text)
    assert "IOW" not in _organisations_by_all(text)


def test_an_acronym_bracketed_after_a_name_it_does_not_spell_is_no_body(monkeypatch: pytest.MonkeyPatch) -> None:
    _propose_org(monkeypatch, "XQZ")
    assert _organisations("The Tarn Group (XQZ) met. The XQZ agreed.") == []
