"""The eight competency questions of the README cookbook (docs/queries/*.graphql), sent as written to
the live server, with the answers the sample corpus must give."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import LiveServer

QUERIES = Path(__file__).parents[1] / "docs" / "queries"


def ask(live_server: LiveServer, number: int) -> dict[str, Any]:
    (path,) = QUERIES.glob(f"{number}-*.graphql")
    answer = live_server.graphql(path.read_text(encoding="utf-8"))
    assert "errors" not in answer, answer.get("errors")
    return answer["data"]


@pytest.fixture(scope="module")
def sample_texts() -> dict[str, str]:
    folder = Path(__file__).parents[1] / "corpus" / "kcc-commissioning-select-committee"
    return {p.stem: p.read_text(encoding="utf-8") for p in folder.iterdir() if p.suffix in (".md", ".txt")}


def test_1_witnesses_who_raised_tupe(live_server: LiveServer, sample_texts: dict[str, str]) -> None:
    (issue,) = [e["node"] for e in ask(live_server, 1)["issues"]["edges"]]
    raised = {a["label"]: {(m["member"]["label"], m["post"]["label"]) for m in a["memberships"] if m["post"]}
              for a in issue["raisedBy"]}
    assert ("Peter Heckel", "Director") in raised["Project Salus"]
    assert ("Carolyn Mcvitte", "Managing Director") in raised["Stepahead Support"]
    pack = sample_texts["2014-01-30-agenda-pack"]
    assert {c["author"]["label"] for c in issue["claims"]} == {"Project Salus", "Stepahead Support"}
    for claim in issue["claims"]:
        assert "TUPE" in claim["quote"]["quote"] and pack[claim["quote"]["start"]:claim["quote"]["end"]] == \
            claim["quote"]["quote"]


def test_2_thom_wilson_on_theme_e_in_paragraph_order(live_server: LiveServer, sample_texts: dict[str, str]) -> None:
    passages = ask(live_server, 2)["entity"]["passages"]
    minutes = [p for p in passages if p["document"]["iri"].endswith("minutes-thom-wilson")]
    # Every minutes paragraph of his on social value, not only (8) and (27) (issue #9, point 3).
    assert [p["position"] for p in minutes] == [4, 8, 13, 15, 27]
    assert all("social value" in p["text"].lower() for p in passages)
    text = sample_texts["2014-01-30-minutes-thom-wilson"]
    assert all(text[p["start"]:p["end"]] == p["text"] for p in minutes)
    assert minutes[-1]["question"]["text"].startswith("Is it possible to take account of social value")


def test_3_written_and_oral_evidence_with_capacity(live_server: LiveServer) -> None:
    found = ask(live_server, 3)
    oral = {(c["node"]["contributor"]["label"], c["node"]["capacity"]["post"]["label"],
             c["node"]["capacity"]["organisation"]["label"], c["node"]["agendaItem"]["number"])
            for c in found["contributions"]["edges"] if c["node"]["role"]["label"] == "oral witness"}
    assert oral == {("Peter Heckel", "Director", "Project Salus", 3),
                    ("Carolyn Mcvitte", "Managing Director", "Stepahead Support", 4),
                    ("Thom Wilson", "Head of Strategic Commissioning (Children's)", "Kent County Council", 5)}
    written = {a["label"] for d in found["documents"]["edges"] for a in d["node"]["authors"]}
    assert written == {"Project Salus", "Stepahead Support"}


def test_4_figures_about_specialist_childrens_services(live_server: LiveServer) -> None:
    (service,) = [e["node"] for e in ask(live_server, 4)["services"]["edges"]]
    figures = {f["text"]: f for f in service["figures"]}
    spend = figures["Approximately £175m"]
    assert (spend["value"], spend["currency"], spend["approximate"]) == (175_000_000, "GBP", True)
    external = figures["£40-45m"]
    assert (external["minValue"], external["maxValue"]) == (40_000_000, 45_000_000)
    assert all(f["quote"]["quote"] == text and f["quote"]["document"]["iri"] for text, f in figures.items())
    assert spend["passage"]["speaker"]["label"] == "Thom Wilson"


def test_5_stepahead_services_for_kcc_and_where(live_server: LiveServer) -> None:
    stepahead = ask(live_server, 5)["entity"]
    services = {s["label"]: s for s in stepahead["services"]}
    assert {"Family Mediation", "Young Healthy Minds"} <= set(services)
    minds = services["Young Healthy Minds"]
    assert [p["label"] for p in minds["commissioners"]] == ["Kent County Council"]
    assert [o["label"] for o in minds["operators"]] == ["Stepahead Support"]
    assert {"Canterbury", "Dover", "Thanet"} <= {p["label"] for p in minds["areaServed"]}
    assert all(e["node"]["evidence"] for e in minds["relations"]["edges"])
    assert {"Breakthrough", "Moving Forward"} <= set(stepahead["formerNames"])


def test_6_questions_under_each_theme_and_who_answered(live_server: LiveServer) -> None:
    themes = {e["node"]["notation"]: e["node"] for e in ask(live_server, 6)["themes"]["edges"]}
    assert set(themes) == set("abcdefg")
    assert all(len(themes[letter]["questions"]) >= 3 for letter in "acd")
    answered = {(letter, a["speaker"]["label"]) for letter, theme in themes.items()
                for q in theme["questions"] for a in q["answers"]}
    assert ("e", "Thom Wilson") in answered
    asked = [q for q in themes["e"]["questions"] if q["answers"]]
    assert asked and all(q["speaker"]["label"] == "Select Committee – Commissioning" for q in asked)


def test_7_path_from_project_salus_to_the_ifa_framework(live_server: LiveServer) -> None:
    path = ask(live_server, 7)["shortestPath"]
    assert path["nodes"][0]["label"] == "Project Salus" and path["nodes"][-1]["__typename"] == "Framework"
    assert path["length"] == len(path["hops"]) <= 4
    assert all(hop["statement"]["evidence"] and hop["statement"]["evidence"][0]["quote"] for hop in path["hops"])


def test_8_most_central_organisations(live_server: LiveServer) -> None:
    found = ask(live_server, 8)
    for ranking in (found["pagerank"], found["betweenness"]):
        labels = [e["node"]["label"] for e in ranking["edges"]]
        assert len(labels) == 10 and labels[0] == "Kent County Council"
        assert {"Project Salus", "Stepahead Support"} <= set(labels[:3])
