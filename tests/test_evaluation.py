"""The evaluation command (issue #9 point 5): gold reading, matching rules, the report's arithmetic
and ``evidence-graph evaluate`` on the tiny devset of tests/fixtures/evaluation/."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evidence_graph import cli
from evidence_graph.evaluation import REPORT_FAMILIES
from evidence_graph.evaluation.gold import GoldDocument, GoldEntity, GoldError, read_devset, read_gold
from evidence_graph.evaluation.matching import EXACT, LENIENT, NONE, assign, match_level, normalise
from evidence_graph.evaluation.predicted import (
    PredictedDocument,
    PredictedEntity,
    entities_of,
    export_quads,
    predict_document,
)
from evidence_graph.evaluation.report import (
    Counts,
    Evaluation,
    aggregate,
    evaluate_devset,
    evaluate_document,
    explain,
    format_report,
    to_json,
)

FIXTURES = Path(__file__).parent / "fixtures" / "evaluation"
ALPHA = "alpha-dc-2024-01-10-planning-minutes"
BETA = "beta-county-2023-05-02-cabinet-decisions"

SOURCE = """[source]
url = "https://x.example/1"
retrieved = "2026-12-01"
licence = "Open Government Licence v3.0"
body = "Example District Council"
body_type = "district"
file = "page.txt"
"""


def _folder(tmp_path: Path, gold: str, name: str = "example-doc", text: str = "Some text.") -> Path:
    folder = tmp_path / name
    folder.mkdir(parents=True)
    (folder / "gold.toml").write_text(gold, encoding="utf-8")
    (folder / "page.txt").write_text(text, encoding="utf-8")
    return folder


# --- gold.toml ---------------------------------------------------------------------------------

def test_gold_reads_source_meeting_and_families():
    gold = read_gold(FIXTURES / ALPHA / "gold.toml")
    assert (gold.folder, gold.body, gold.body_type, gold.document_type, gold.file) == \
        (ALPHA, "Alpha District Council", "district", "minutes", "minutes.txt")
    assert gold.meeting is not None and (gold.meeting.committee, gold.meeting.date) == ("Planning Committee",
                                                                                        "2024-01-10")
    assert gold.family("people")[0] == GoldEntity("Rita Clarke", ("Clarke",))
    assert gold.family("committees")[0].extra == {"parent": "Alpha District Council"}
    assert [e.name for e in gold.family("legislation")] == ["Care Act 2014", "Housing Act 1996"]
    assert gold.document.is_file()


def test_gold_accepts_unquoted_dates_and_empty_lists():
    gold = read_gold(FIXTURES / BETA)
    assert (gold.retrieved, gold.meeting.date if gold.meeting else None) == ("2026-12-01", "2023-05-02")
    assert gold.family("legislation") == () and gold.family("places") == ()


@pytest.mark.parametrize(("gold", "message"), [
    ("[source\nurl = 1", "not valid TOML"),
    ('[[people]]\nname = "A B"\n', "no [source] table"),
    (SOURCE.replace('licence = "Open Government Licence v3.0"\n', ""), "[source] licence must be a non-empty string"),
    (SOURCE.replace('"district"', '"parish"'), "body_type 'parish' is not one of"),
    (SOURCE + '[[people]]\naliases = ["X"]\n', "[[people]] #1 name must be a non-empty string"),
    (SOURCE + '[[people]]\nname = "A B"\naliases = [1]\n', "[[people]] #1 (A B) aliases must be a list of strings"),
    ('places = "Bromsgrove"\n' + SOURCE, "places must be a list of tables"),
    (SOURCE.replace("page.txt", "missing.txt"), "[source] file 'missing.txt' does not exist"),
])
def test_bad_gold_names_the_file(tmp_path, gold, message):
    folder = _folder(tmp_path, gold)
    with pytest.raises(GoldError) as raised:
        read_gold(folder / "gold.toml")
    assert str(raised.value).startswith(str(folder / "gold.toml") + ": ")
    assert message in str(raised.value)


def test_devset_skips_folders_without_gold_or_with_bad_gold(tmp_path):
    _folder(tmp_path, SOURCE, "a-good")
    _folder(tmp_path, "[source", "b-bad")
    (tmp_path / "c-in-progress").mkdir()
    documents, problems = read_devset(tmp_path)
    assert [d.folder for d in documents] == ["a-good"]
    assert len(problems) == 2 and "b-bad" in problems[0] and "no gold.toml" in problems[1]
    with pytest.raises(GoldError, match="no such devset folder"):
        read_devset(tmp_path / "nowhere")


# --- matching ----------------------------------------------------------------------------------

def test_normalisation():
    assert normalise("  Councillor   Dr R.  Clarke MBE ", "people") == "r clarke"
    assert normalise("Rt Hon Ann Lee MP", "people") == "ann lee"
    assert normalise("Mr", "people") == "mr"  # never down to nothing
    assert normalise("Children’s Services & Education") == normalise("childrens services and education")
    assert normalise("ＮＨＳ Trust") == "nhs trust"
    assert normalise("Dr Barnardo's") == "dr barnardos"  # honorifics are removed from people only


@pytest.mark.parametrize(("gold", "predicted", "family", "level"), [
    (["Rita Clarke", "R. Clarke"], ["Cllr R Clarke"], "people", EXACT),     # an alias, honorific and full stop
    (["Rita Clarke"], ["Councillor Rita Clarke"], "people", EXACT),
    (["Rita Clarke"], ["R Clarke"], "people", LENIENT),                      # initial of the given name
    (["Rita Clarke"], ["Clarke"], "people", LENIENT),                        # surname alone, one Clarke
    (["M. A. Sherrey"], ["MA Sherrey"], "people", LENIENT),                  # initials written together
    (["M. A. Sherrey"], ["M Sherrey"], "people", LENIENT),
    (["Rita Clarke"], ["Robert Clarke"], "people", NONE),                    # incompatible given names
    (["Rita Clarke"], ["J. Clarke"], "people", NONE),
    (["Jess Bayley-Hill"], ["Bayley-Hill"], "people", LENIENT),              # hyphenated surname
    (["Jess Bayley-Hill"], ["Hill"], "people", NONE),
    (["Planning Service"], ["The Planning Service"], "services", LENIENT),  # leading article
    (["Planning Service"], ["Planning"], "services", LENIENT),              # trailing generic word
    (["Housing Strategy"], ["Housing Strategy"], "services", EXACT),
    (["Overview and Scrutiny"], ["Overview and Scrutiny Committee"], "committees", LENIENT),
    (["Royal Council of Parish Councils"], ["Royal Council"], "organisations", LENIENT),  # two words contained
    (["Bromsgrove School"], ["School"], "organisations", NONE),             # one word is not enough
    (["Whistleblowing Order 2019"], ["Order 2019"], "legislation", NONE),  # nor one word and a number
    (["Care Act 2014"], ["Care Act"], "legislation", LENIENT),
    (["Alpha District Council", "ADC"], ["ADC"], "organisations", EXACT),
    (["Free School Meals"], ["School Transport"], "services", NONE),
])
def test_match_levels(gold, predicted, family, level):
    assert match_level(gold, predicted, family) == level


def test_surname_alone_needs_a_unique_surname():
    gold = [["Rita Clarke"], ["Bob Clarke"], ["Ann Lee"]]
    result = assign(gold, [["Councillor Clarke"], ["Lee"]], "people")
    assert [(g, p) for g, p, _ in result.pairs] == [(2, 1)]
    assert (result.tp, result.fp, result.fn) == (1, 1, 2)


def test_assignment_is_one_to_one_and_prefers_exact():
    gold = [["Rita Clarke"], ["Ann Lee"]]
    predicted = [["R Clarke"], ["Rita Clarke"], ["Clarke"], ["Ann Lee"]]
    lenient = assign(gold, predicted, "people")
    assert sorted(lenient.pairs) == [(0, 1, EXACT), (1, 3, EXACT)]  # the exact "Rita Clarke", not "R Clarke"
    assert (lenient.tp, lenient.fp, lenient.fn) == (2, 2, 0)
    assert lenient.unmatched_predicted == [0, 2]
    # One extracted entity cannot satisfy two annotated ones.
    both = assign([["Housing Strategy"], ["the Housing Strategy"]], [["Housing Strategy"]], "services")
    assert (both.tp, both.fp, both.fn) == (1, 0, 1)


def test_exact_assignment_ignores_lenient_pairs():
    exact = assign([["Rita Clarke"]], [["R Clarke"]], "people", lenient=False)
    assert (exact.tp, exact.fp, exact.fn) == (0, 1, 1)


def test_greedy_takes_the_entity_with_fewer_candidates_first():
    # "Housing Strategy Review" matches both annotations leniently; "Housing Strategy" only the first.
    gold = [["Housing Strategy"], ["Strategy Review Board"]]
    predicted = [["Housing Strategy Review Board"], ["Housing Strategy"]]
    result = assign(gold, predicted, "services")
    assert result.tp == 2


# --- predicted entities ------------------------------------------------------------------------

def test_predicted_entities_mirror_the_export(tmp_path):
    """The entities of the scored families are the nodes `evidence-graph export --format nodelink` shows."""
    path = FIXTURES / ALPHA / "minutes.txt"
    predicted = predict_document(path)
    assert predicted.errors == []
    out = tmp_path / "nodelink.json"
    assert cli.main(["export", "--format", "nodelink", "-o", str(out), str(path)]) == 0
    nodes = json.loads(out.read_text(encoding="utf-8"))["nodes"]
    scored = {"Person", "Organisation", "OrganisationalUnit", "Committee", "Service", "Programme", "Framework",
              "Inquiry", "Legislation", "Place"}
    assert {n["id"] for n in nodes if n["type"] in scored} == {e.iri for e in predicted.entities}
    for node in nodes:
        for entity in predicted.entities:
            if entity.iri == node["id"]:
                assert node["label"] in entity.labels
                assert set(node["aliases"]) <= set(entity.labels) | {node["label"]}


def test_every_kind_of_node_is_scored_or_deliberately_not():
    from evidence_graph.evaluation.predicted import FAMILY_OF_TYPE, UNSCORED_TYPES
    from evidence_graph.graph.kinds import KINDS

    unplaced = {kind.name for kind in KINDS} - set(FAMILY_OF_TYPE) - UNSCORED_TYPES
    assert not unplaced, f"kinds no family scores nor evaluation.predicted.UNSCORED_TYPES lists: {sorted(unplaced)}"


def test_a_refused_document_presents_nothing(tmp_path):
    quads, errors, _ = export_quads(tmp_path / "missing.txt")
    assert quads == [] and errors and "no such file" in errors[0]


def test_a_crashing_export_presents_nothing(tmp_path, monkeypatch):
    def crash(argv, source_url=None):
        raise RuntimeError("boom\nmore")

    monkeypatch.setattr(cli, "export_documents", crash)
    quads, errors, _ = export_quads(tmp_path / "a.txt")
    assert quads == [] and errors == [f"{tmp_path / 'a.txt'}: export crashed (RuntimeError: boom)"]


def test_reference_data_counts_as_predicted():
    from rdflib import Literal

    from evidence_graph.graph.iris import registry_graph
    from evidence_graph.graph.vocabulary import ID, RDF, SCHEMA, SKOS

    quads = [(ID["place/kent"], RDF.type, SCHEMA.Place, registry_graph()),
             (ID["place/kent"], SKOS.prefLabel, Literal("Kent"), registry_graph())]
    (entity,) = entities_of(quads, referred=set())
    assert (entity.family, entity.labels, entity.mentioned) == ("places", ("Kent",), False)
    gold = GoldDocument("d", Path("d/gold.toml"), "u", "r", "l", "B", "district", "a.txt")
    score = evaluate_document(gold, PredictedDocument(Path("d/a.txt"), [entity])).scores()["places"]
    assert (score.exact.fp, score.unmentioned) == (1, 1)


# --- the report's arithmetic -------------------------------------------------------------------

def _result(folder: str, body_type: str, gold: dict[str, list[str]], predicted: dict[str, list[str]]):
    golds = GoldDocument(folder, Path(folder) / "gold.toml", "u", "r", "l", f"{folder} body", body_type, "a.txt",
                         entities={f: tuple(GoldEntity(n) for n in names) for f, names in gold.items()})
    found = [PredictedEntity(f"x/{f}/{i}", "T", f, (n,)) for f, names in predicted.items()
             for i, n in enumerate(names)]
    return evaluate_document(golds, PredictedDocument(Path(folder) / "a.txt", found))


def test_counts_and_scores():
    c = Counts(3, 1, 2)
    assert (c.precision, c.recall, round(c.f1 or 0, 4)) == (0.75, 0.6, 0.6667)
    assert (Counts(0, 0, 3).precision, Counts(0, 0, 3).recall, Counts(0, 0, 3).f1) == (None, 0.0, 0.0)
    assert (Counts(0, 2, 0).recall, Counts(0, 2, 0).f1) == (None, 0.0)
    assert Counts().f1 is None


def test_micro_average_sums_over_documents():
    one = _result("one", "district", {"people": ["Ann Lee", "Bob Smith"], "organisations": ["Alpha DC"]},
                  {"people": ["Ann Lee", "B Smith", "Carl Jones"], "committees": ["Alpha DC"]})
    two = _result("two", "county", {"people": ["Dee Ray"], "committees": ["Cabinet"]},
                  {"people": ["Dee Ray"], "committees": ["Cabinet"]})
    overall = aggregate([one, two])["all"]
    people = overall["people"]
    assert (people.exact.tp, people.exact.fp, people.exact.fn) == (2, 2, 1)
    assert (people.lenient.tp, people.lenient.fp, people.lenient.fn) == (3, 1, 0)
    assert people.lenient.precision == 0.75 and people.lenient.recall == 1.0
    assert (people.gold, people.predicted) == (3, 4)
    # Organisations and committees apart, and together: "Alpha DC" extracted as a committee.
    assert (overall["organisations"].lenient.tp, overall["committees"].lenient.fp) == (0, 1)
    combined = overall["organisations+committees"].lenient
    assert (combined.tp, combined.fp, combined.fn) == (2, 0, 0)
    by_body = aggregate([one, two], "body")
    assert list(by_body) == ["county", "district"]
    assert by_body["district"]["people"].lenient.tp == 2 and by_body["county"]["people"].lenient.tp == 1
    assert list(aggregate([one, two], "document")) == ["one", "two"]
    with pytest.raises(ValueError, match="unknown grouping"):
        aggregate([one], "family")


def test_text_and_json_reports():
    one = _result("one", "district", {"people": ["Ann Lee"]}, {"people": ["Ann Lee", "Zed Q"]})
    evaluation = Evaluation([one], ["x: no gold.toml (skipped)"], 0.5)
    text = format_report(evaluation, by="body")
    assert "evaluated 1 document(s) from 1 body" in text
    assert "body type district" in text
    row = next(line for line in text.splitlines() if line.startswith("people"))
    assert row.split() == ["people", "1", "2", "0", "|", "0.500", "1.000", "0.667", "|", "0.500", "1.000", "0.667"]
    assert "skipped: x: no gold.toml (skipped)" in text
    assert "people by document" in format_report(evaluation, by="document", family="people")
    data = to_json(evaluation)
    assert data["overall"]["people"]["lenient"] == {"tp": 1, "fp": 1, "fn": 0, "precision": 0.5, "recall": 1.0,
                                                     "f1": 0.6667}
    assert set(data["overall"]) == set(REPORT_FAMILIES)
    assert data["details"][0]["families"]["people"]["false_positives"][0]["label"] == "Zed Q"
    lines = explain(one, "people")
    assert 'exact   "Ann Lee" ~ "Ann Lee"' in lines and 'false+  "Zed Q"' in lines


def test_explain_says_where_a_miss_or_false_positive_went():
    result = _result("one", "district", {"organisations": ["Metropolitan Arts Centre"], "services": ["Hardship Fund"]},
                     {"services": ["Metropolitan Arts Centre"]})
    text = explain(result)
    assert 'miss    "Metropolitan Arts Centre"  (extracted as services: "Metropolitan Arts Centre")' in text
    assert 'annotated as organisations: "Metropolitan Arts Centre"' in text
    details = to_json(Evaluation([result]))["details"][0]["families"]
    assert details["services"]["false_positives"][0]["elsewhere"] == \
        'annotated as organisations: "Metropolitan Arts Centre"'
    assert details["services"]["missed"][0] == {"name": "Hardship Fund", "names": ["Hardship Fund"], "elsewhere": None}


# --- the command -------------------------------------------------------------------------------

def test_evaluate_command_prints_the_table(capsys):
    assert cli.main(["evaluate", str(FIXTURES)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("evaluated 2 document(s) from 2 bodies")
    header = next(line for line in out.splitlines() if line.startswith("family"))
    assert header.split() == ["family", "gold", "pred", "unref", "|", "exact", "P", "R", "F1", "|", "lenient", "P",
                              "R", "F1"]
    for family in REPORT_FAMILIES:
        assert any(line.split()[0] == family for line in out.splitlines() if line.strip())
    people = next(line.split() for line in out.splitlines() if line.startswith("people"))
    assert people[1] == "6"  # annotated people of the two documents


def test_evaluate_command_by_body_document_family_and_json(capsys):
    assert cli.main(["evaluate", str(FIXTURES), "--by", "body"]) == 0
    out = capsys.readouterr().out
    assert "body type county (1 document(s))" in out and "body type district (1 document(s))" in out
    assert cli.main(["evaluate", str(FIXTURES), "--by", "document", "--family", "legislation"]) == 0
    out = capsys.readouterr().out
    assert "legislation by document" in out and ALPHA in out and BETA in out
    assert cli.main(["evaluate", str(FIXTURES), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 2 and set(data["by_body_type"]) == {"county", "district"}
    assert set(data["by_document"]) == {ALPHA, BETA}
    totals = data["overall"]["people"]
    assert totals["gold"] == 6 and totals["lenient"]["tp"] + totals["lenient"]["fn"] == 6
    # The text figures and the JSON figures are the same computation.
    evaluation = evaluate_devset(FIXTURES)
    assert to_json(evaluation, details=False)["overall"] == data["overall"]


def test_evaluate_command_explains_one_document(capsys):
    assert cli.main(["evaluate", str(FIXTURES), "--explain", ALPHA]) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"{ALPHA}: Alpha District Council (district), minutes, minutes.txt")
    assert "people: 4 annotated" in out and "places: 1 annotated" in out
    assert cli.main(["evaluate", str(FIXTURES), "--explain", ALPHA, "--family", "places"]) == 0
    out = capsys.readouterr().out
    assert "places: 1 annotated" in out and "people:" not in out
    assert cli.main(["evaluate", str(FIXTURES), "--explain", str(FIXTURES / ALPHA), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["documents"] == 1 and data["details"][0]["folder"] == ALPHA
    places = data["details"][0]["families"]["places"]
    assert [m["name"] for m in places["missed"]] + [m["gold"] for m in places["matched"]] == ["Alphaton"]


def test_evaluate_command_fails_only_on_an_unreadable_devset(tmp_path, capsys):
    assert cli.main(["evaluate", str(tmp_path / "nowhere")]) == 1
    assert "no such devset folder" in capsys.readouterr().err
    assert cli.main(["evaluate", str(tmp_path)]) == 1
    assert "no annotated documents" in capsys.readouterr().err
    assert cli.main(["evaluate", str(FIXTURES), "--explain", "no-such-folder"]) == 1
    # A document the loaders refuse is scored as extracting nothing, not a failure of the command.
    _folder(tmp_path, SOURCE.replace("page.txt", "page.pdf"), "refused", text="")
    (tmp_path / "refused" / "page.pdf").write_bytes(b"%PDF-1.4 not text")
    assert cli.main(["evaluate", str(tmp_path)]) == 0
    assert "not loaded (scored as extracting nothing): refused:" in capsys.readouterr().out


def test_a_source_address_lets_a_paper_that_never_names_its_council_find_it(tmp_path: Path) -> None:
    """``evaluate --source-url`` gives the export the address a connector would fetch it from."""
    from evidence_graph import cli
    from evidence_graph.graph.vocabulary import SKOS

    folder = tmp_path / "doc"
    folder.mkdir()
    (folder / "minutes.txt").write_text(
        "Cabinet\n\nMinutes of the meeting held on 3 March 2025\n\n"
        "Present: Councillor Ann Lee (Chair), Councillor Bob Hale\n\n1. The Council's Leisure Strategy\n\n"
        "The Cabinet agreed that the Council would consult on the strategy.\n", encoding="utf-8")

    def councils(url: str | None) -> set[str]:
        quads, problems, _ = cli.export_documents([folder / "minutes.txt"], source_url=url)
        assert problems == []
        return {str(o) for _, p, o, _ in quads if p == SKOS.prefLabel and "Council" in str(o)}

    # Without the address the host is the unnamed one the text speaks of (keyed to this paper).
    assert councils(None) == {"the Council"}
    assert councils("https://democracy.wexcombe.gov.uk/ieListDocuments.aspx?CId=1&MId=2") == {"Wexcombe Council"}
