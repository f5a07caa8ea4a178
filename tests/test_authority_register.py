"""The register of UK local authorities (``loaders/cues/uk_local_authorities.csv``, from
mySociety's register) names a host that papers give by a short form.

The register is reference data of real authorities, so the register's own tests use real
authorities' names (none of them a devset body); the rules around it are tested with invented
councils, which the register does not hold and which must keep the name the papers give.
"""

from __future__ import annotations

import csv

import pytest

from evidence_graph.loaders.context import (
    authority_aliases,
    authority_register,
    council_names,
    find_host_authority,
    gather_context,
    host_authority,
    register_label,
    register_name,
)
from evidence_graph.loaders.cues import CUE_DIR
from evidence_graph.loaders.document import Document
from evidence_graph.loaders.structure import parse_document


def parsed(text: str, **metadata: str):
    return parse_document(Document("c/a.txt", "c/a", text, "0", metadata=dict(metadata)))


def test_the_register_is_data_with_its_source_and_licence_beside_it() -> None:
    with (CUE_DIR / "uk_local_authorities.csv").open(encoding="utf-8", newline="") as handle:
        header = next(csv.reader(handle))
    assert header == ["official-name", "nice-name", "local-authority-code", "local-authority-type", "nation",
                      "start-date", "end-date", "alt-names"]
    notice = (CUE_DIR / "uk_local_authorities.md").read_text(encoding="utf-8")
    assert "https://github.com/mysociety/uk_local_authority_names_and_codes" in notice
    assert "MIT License" in notice and "Copyright (c) 2021 mySociety" in notice
    entries = authority_register()
    assert len(entries) > 400 and all("  " not in e.official for e in entries)
    assert len({e.code for e in entries}) == len(entries)


@pytest.mark.parametrize(("short", "official"), [
    ("Ealing Council", "London Borough of Ealing"),
    ("Bassetlaw Council", "Bassetlaw District Council"),
    ("Merthyr Tydfil CBC", "Merthyr Tydfil County Borough Council"),
    ("Merthyr Tudful Council", "Merthyr Tydfil County Borough Council"),
    ("Bassetlaw DC", "Bassetlaw District Council"),
    ("Bassetlaw District Council", "Bassetlaw District Council"),
])
def test_a_short_form_that_fits_one_entry_gives_its_official_name(short: str, official: str) -> None:
    assert register_name(short) == official


@pytest.mark.parametrize("short", [
    "Ealing Borough Council",    # a type the entry's official name does not have
    "Glenmorrow Council",        # an invented council: not in the register
    "Bassetlaw Combined Authority",
])
def test_a_short_form_that_fits_no_entry_names_nothing(short: str) -> None:
    assert register_name(short) is None


def test_a_past_authority_fits_only_papers_dated_before_its_end() -> None:
    # Somerset's county council ended on 1 April 2023; the unitary council began then.
    assert register_name("Somerset Council", "2021-06-01") == "Somerset County Council"
    assert register_name("Somerset Council", "2024-06-01") == "Somerset Council"
    assert register_name("Somerset Council") == "Somerset Council"
    # Nothing current fits: the past authority does, whatever the date.
    assert register_name("Mendip Council", "2025-01-01") == "Mendip District Council"


def test_the_host_is_named_officially_with_the_papers_form_kept_as_an_alias() -> None:
    text = ("Ealing Council\n\nMinutes of a meeting of the Cabinet held on 3 March 2025\n\n"
            "1. Budget\n\nThe Leader said that the Council had balanced its budget.\n")
    context = gather_context([parsed(text)])
    assert context.authority is not None
    assert context.authority.name == "London Borough of Ealing"
    assert "Ealing Council" in context.authority.aliases and "the Council" in context.authority.aliases


def test_a_manifest_authority_is_taken_as_it_is() -> None:
    context = gather_context([parsed("Minutes of the Cabinet. The Council agreed.")],
                             {"authority": "Ealing Council"})
    assert context.authority is not None and context.authority.name == "Ealing Council"


def test_an_invented_council_keeps_the_name_the_papers_give() -> None:
    text = ("Wexcombe Council\n\nMinutes of a meeting of the Cabinet held on 3 March 2025\n\n"
            "The Leader said that the Council had balanced its budget.\n")
    context = gather_context([parsed(text)])
    assert context.authority is not None and context.authority.name == "Wexcombe Council"
    assert host_authority("Wexcombe Council").name == "Wexcombe Council"


def test_an_abbreviated_council_type_is_a_councils_name() -> None:
    text = "Statement of Accounts for Bryn Isaf CBC and the Bryn Isaf Pension Fund. The Council agreed."
    assert [n for *_, n in council_names(text)] == ["Bryn Isaf County Borough Council"]
    assert find_host_authority([parsed(text)]) == "Bryn Isaf County Borough Council"
    # "CC" is a county's or a city's: only the register tells which, so an invented one names nothing.
    assert council_names("A letter from Glenmorrow CC was read.") == []
    assert "Bryn Isaf CBC" in authority_aliases("Bryn Isaf County Borough Council")


def test_a_registered_name_is_read_whole_where_its_place_holds_a_type_word() -> None:
    text = "Minutes of Armagh City, Banbridge and Craigavon Borough Council held on 3 March 2025."
    assert [n for *_, n in council_names(text)] == ["Armagh City, Banbridge and Craigavon Borough Council"]


def test_a_kind_of_local_council_or_a_meetings_mode_is_no_host() -> None:
    text = ("Welcome to the Hybrid Council meeting. Members of a Town or Community Council declared it: "
            "Councillor A Lee (Dunmore Community Council). The accounts of Bryn Isaf CBC were noted.")
    names = [n for *_, n in council_names(text)]
    assert "Community Council" not in names and "Hybrid Council" not in names
    assert find_host_authority([parsed(text)]) == "Bryn Isaf County Borough Council"


def test_a_web_address_names_a_registered_host_by_its_official_name() -> None:
    text = "Minutes of the Cabinet held on 3 March 2025\n\nThe Leader said that the Council had agreed.\n"
    context = gather_context([parsed(text, source_url="https://democracy.bassetlaw.gov.uk/mgAi.aspx?ID=1")])
    assert context.authority is not None and context.authority.name == "Bassetlaw District Council"
    # A label that runs a place's words together fits the place ("towerhamlets"), and a form the
    # text never writes is no alias.
    assert register_name("Towerhamlets Council") == "London Borough of Tower Hamlets"
    assert "Towerhamlets Council" not in host_authority("Towerhamlets Council", text="The Council").aliases
    # An invented council's address keeps the name the address gives.
    context = gather_context([parsed(text, source_url="https://democracy.glenmorrow.gov.uk/mgAi.aspx?ID=1")])
    assert context.authority is not None and context.authority.name == "Glenmorrow Council"


def test_a_place_of_two_names_and_an_abbreviated_type_in_capitals_is_a_councils_name() -> None:
    assert [n for *_, n in council_names("The Leader of Fenmoor and Wexley CBC wrote.")] == [
        "Fenmoor and Wexley County Borough Council"]
    assert [n for *_, n in council_names("FENMOOR AND WEXLEY CBC\n\nCabinet")] == [
        "Fenmoor and Wexley County Borough Council"]


def test_a_web_address_of_a_registered_authoritys_initials_names_it() -> None:
    text = "Cabinet\n\nMinutes of the meeting held on 3 May 2025\n\nThe Council agreed the budget.\n"
    context = gather_context([parsed(text, source_url="https://democracy.rbwm.gov.uk/mgAi.aspx?ID=1")])
    assert context.authority is not None and context.authority.name == "Royal Borough of Windsor and Maidenhead"
    # Initials that several registered authorities share name none of them ("scc").
    assert register_label("scc") is None
    # Papers that never speak of their council take no host from the address.
    silent = gather_context([parsed("Cabinet\n\nMinutes of the meeting held on 3 May 2025\n\nThe Cabinet agreed.",
                                    source_url="https://democracy.rbwm.gov.uk/mgAi.aspx?ID=1")])
    assert silent.authority is None
