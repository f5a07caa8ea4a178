"""The ``evidence-graph`` command as a user runs it: a real process, real files, real store."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest
from conftest import SAMPLE
from rdflib import Dataset, Graph

CLI = [sys.executable, "-m", "evidence_graph.cli"]
ROOT = Path(__file__).resolve().parent.parent


def run(*args: str, store: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run([*CLI, "--store", str(store), *args], capture_output=True, text=True, cwd=ROOT,
                          env=env, timeout=300)


@pytest.fixture(scope="module")
def built_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("cli") / "store"
    result = run("build", "--quiet", store=store)
    assert result.returncode == 0, result.stderr
    return store


def dump(store: Path) -> list[str]:
    return sorted(run("export", "--format", "nquads", store=store).stdout.splitlines())


def test_build_reports_documents_triples_and_speed(tmp_path: Path) -> None:
    result = run("build", str(SAMPLE), store=tmp_path / "s")
    assert result.returncode == 0, result.stderr
    assert "built 2 document(s)" in result.stdout and "words/s" in result.stdout


def test_stats_counts_the_store(built_store: Path) -> None:
    result = run("stats", store=built_store)
    assert result.returncode == 0
    lines = dict(line.rsplit(None, 1) for line in result.stdout.splitlines())
    assert lines["documents"] == "2"
    assert int(lines["quads"].replace(",", "")) > 10_000


@pytest.mark.parametrize("fmt", ["trig", "nquads", "jsonld", "turtle"])
def test_rdf_exports_parse_back(built_store: Path, fmt: str) -> None:
    result = run("export", "--format", fmt, store=built_store)
    assert result.returncode == 0, result.stderr
    if fmt == "turtle":
        graph = Graph().parse(data=result.stdout, format="turtle")
        assert len(graph) > 10_000
    else:
        dataset = Dataset().parse(data=result.stdout, format="json-ld" if fmt == "jsonld" else fmt)
        assert len(list(dataset.graphs())) >= 6


def test_nodelink_export_has_typed_nodes_with_aliases_and_evidenced_edges(built_store: Path, tmp_path: Path) -> None:
    out = tmp_path / "graph.json"
    assert run("export", "--format", "nodelink", "-o", str(out), store=built_store).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    nodes = {n["id"]: n for n in data["nodes"]}
    wilson = nodes["http://127.0.0.1:8000/id/person/thom-wilson"]
    assert wilson["type"] == "Person" and wilson["label"] == "Thom Wilson" and "Mr Wilson" in wilson["aliases"]
    kcc = nodes["http://127.0.0.1:8000/id/org/gb-lae-ken"]
    assert kcc["type"] == "Organisation" and {"KCC", "County Copuncil"} <= set(kcc["aliases"])
    types = {n["type"] for n in data["nodes"]}
    assert {"Person", "Organisation", "Committee", "Post", "Membership", "Meeting", "AgendaItem", "Document",
            "Passage", "Question", "Service", "Framework", "Programme", "Issue", "Theme", "Place", "Figure",
            "Claim", "Legislation"} <= types
    evidenced = [e for e in data["edges"] if e["evidence"]]
    assert evidenced and all(len(e["quotes"]) == e["evidence"] for e in data["edges"])
    assert all({"quote", "start", "end", "document"} <= set(e["quotes"][0]) for e in evidenced)
    # networkx reads it back as stated in its keys.
    graph = nx.node_link_graph(data, edges=data["graph"]["keys"]["edges"])
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(data["nodes"]), len(data["edges"]))


def test_export_of_paths_builds_in_memory_without_touching_the_store(tmp_path: Path) -> None:
    store = tmp_path / "untouched"
    result = run("export", "--format", "nodelink", str(SAMPLE / "2014-01-30-minutes-thom-wilson.txt"), store=store)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["nodes"]
    assert not store.exists()


def bad_input_cases(folder: Path) -> dict[str, tuple[Path, str]]:
    (folder / "empty.txt").write_bytes(b"")
    (folder / "blob.txt").write_bytes(b"PK\x03\x04\x00\x00binary")
    (folder / "latin.txt").write_bytes(b"Minutes \x81\x8d\x90 of the meeting")
    big = folder / "huge.txt"
    with big.open("wb") as handle:
        handle.truncate(50 * 1024 * 1024)
    with big.open("r+b") as handle:
        handle.write(b"Minutes of a very long meeting.")
    (folder / "noise.txt").write_text("1234 5678\n\n---- %%%% 99\n", encoding="utf-8")
    unreadable = folder / "sub"
    unreadable.mkdir()
    (unreadable / "gone.txt").symlink_to(folder / "does-not-exist.txt")
    return {"empty": (folder / "empty.txt", "empty.txt: empty file"),
            "binary": (folder / "blob.txt", "blob.txt: binary file"),
            "undecodable": (folder / "latin.txt", "latin.txt: not valid UTF-8"),
            "50 MB": (big, "huge.txt: too large (50.0 MB"),
            "no structure": (folder / "noise.txt", "noise.txt: no recognisable structure"),
            "unreadable in a folder": (unreadable, "gone.txt: no such file")}


def test_each_bad_input_gets_one_line_and_leaves_the_store_unchanged(built_store: Path, tmp_path: Path) -> None:
    before = dump(built_store)
    for name, (path, message) in bad_input_cases(tmp_path).items():
        result = run("build", "--quiet", str(path), store=built_store)
        assert result.returncode != 0, name
        assert "Traceback" not in result.stderr, name
        first = result.stderr.splitlines()[0]
        assert message in first, (name, result.stderr)
    assert dump(built_store) == before


def test_cp1252_document_loads_and_records_its_encoding(tmp_path: Path) -> None:
    doc = tmp_path / "papers" / "letter.txt"
    doc.parent.mkdir()
    doc.write_bytes("The Council’s budget for Adult Social Care Services is £5m this year.".encode("cp1252"))
    store = tmp_path / "s"
    assert run("build", "--quiet", str(doc), store=store).returncode == 0
    assert any('charset=cp1252' in line and 'encodingFormat' in line for line in dump(store))


def test_keep_going_stores_the_good_documents(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    (folder / "good.txt").write_text("The Chair opened the meeting of the Housing Panel.\n", encoding="utf-8")
    store = tmp_path / "s"
    refused = run("build", "--quiet", str(folder), store=store)
    assert refused.returncode == 1 and "nothing was stored" in refused.stderr
    kept = run("build", "--quiet", "--keep-going", str(folder), store=store)
    assert kept.returncode == 1 and "empty.txt: empty file" in kept.stderr
    assert any("mixed/good" in line for line in dump(store))


def test_missing_path_and_missing_store_are_clear_errors(tmp_path: Path) -> None:
    result = run("build", str(tmp_path / "nope"), store=tmp_path / "s")
    assert result.returncode == 1 and "nope: no such file or folder" in result.stderr
    result = run("stats", store=tmp_path / "never-built")
    assert result.returncode == 1 and "no store yet" in result.stderr


def test_a_second_council_of_the_same_kind_builds_into_the_same_store(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    folder = tmp_path / "surrey"
    folder.mkdir()
    (folder / "2024-03-12-minutes.txt").write_text(
        "Surrey County Council\n\nMinutes of the meeting of the Adults and Health Select Committee held on "
        "Tuesday, 12 March 2024 at 10.00 am.\n\nPresent: Mrs Angela Goodwin (Chairman), Mr Robert Evans\n\n"
        "1. Adult social care budget\n\nThe County Council spends £400m a year on adult social care.\n",
        encoding="utf-8")
    result = run("build", "--quiet", str(folder), store=store)
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr


def test_an_internal_error_is_one_line_naming_the_document(built_store: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(built_store, store)
    before = dump(store)
    # A bug in a stage (simulated: resolution raises) must not reach the user as a traceback.
    code = ("import sys\nimport evidence_graph.pipeline.build as b\nfrom evidence_graph import cli\n"
            "def broken(*a, **k): raise KeyError('org/nowhere')\n"
            "b.resolve_document = broken\n"
            "sys.exit(cli.main(sys.argv[1:]))\n")
    env = dict(os.environ)
    result = subprocess.run([sys.executable, "-c", code, "--store", str(store), "build", "--quiet", str(SAMPLE)],
                            capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "2014-01-30-" in lines[0] and "KeyError" in lines[0], result.stderr
    assert dump(store) == before


def test_build_and_export_say_what_reading_left_out(tmp_path: Path) -> None:
    # Page furniture (a site's menus and headings) is kept in the text but read as no passage:
    # both commands say so on standard error, as they report dropped facts.
    folder = tmp_path / "papers"
    folder.mkdir()
    shutil.copy(ROOT / "tests" / "fixtures" / "layouts" / "moderngov-agenda.txt", folder / "agenda.txt")
    line = "evidence-graph: warning: papers/agenda.txt: 5 block(s) of page furniture not read as passages"
    built = run("build", "--quiet", str(folder), store=tmp_path / "s")
    assert built.returncode == 0 and line in built.stderr, built.stderr
    exported = run("export", "--format", "nquads", str(folder / "agenda.txt"), store=tmp_path / "none")
    assert exported.returncode == 0 and line in exported.stderr and exported.stdout, exported.stderr


def test_version_and_store_options_after_the_command(tmp_path: Path) -> None:
    env = dict(os.environ)
    version = subprocess.run([*CLI, "--version"], capture_output=True, text=True, cwd=ROOT, env=env, timeout=60)
    assert version.returncode == 0 and version.stdout.startswith("evidence-graph ")
    store = tmp_path / "after"
    built = subprocess.run([*CLI, "build", "--quiet", "--store", str(store), "--wait", "5", str(SAMPLE)],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=300)
    assert built.returncode == 0, built.stderr
    stats = subprocess.run([*CLI, "stats", "--store", str(store)], capture_output=True, text=True, cwd=ROOT,
                           env=env, timeout=120)
    assert stats.returncode == 0 and "documents" in stats.stdout.lower(), stats.stdout + stats.stderr


def test_a_folder_of_pdf_and_word_papers_builds_with_pages(tmp_path: Path) -> None:
    import docx
    from reportlab.pdfgen import canvas

    papers = tmp_path / "papers"
    papers.mkdir()
    pdf = canvas.Canvas(str(papers / "minutes.pdf"))
    for page in ("Harbour Committee minutes. Present: Councillor Ann Lee (Chair).",
                 "1. RESOLVED that the report of the Director of Place be noted."):
        pdf.drawString(72, 760, page)
        pdf.showPage()
    pdf.save()
    word = docx.Document()
    word.add_heading("Written evidence from the Harbour Trust", level=1)
    word.add_paragraph("1. The Harbour Trust welcomes the review of moorings.")
    word.save(str(papers / "evidence.docx"))
    store = tmp_path / "store"
    result = run("build", str(papers), store=store)
    assert result.returncode == 0, result.stderr
    assert "built 2 document(s)" in result.stdout
    quads = run("export", "--format", "nquads", store=store).stdout
    assert '<https://schema.org/pageStart> "2"^^<http://www.w3.org/2001/XMLSchema#integer>' in quads
    assert "Written evidence from the Harbour Trust" in quads


def test_build_of_a_papers_folder_never_reads_the_stores_own_files(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    shutil.copytree(SAMPLE, papers)
    env = dict(os.environ)

    def build_here() -> subprocess.CompletedProcess[str]:  # `build .` in the papers folder, its store inside it
        return subprocess.run([*CLI, "--store", "mystore", "build", "."], capture_output=True, text=True,
                              cwd=papers, env=env, timeout=300)

    first = build_here()
    assert first.returncode == 0, first.stderr
    assert (papers / "mystore" / "CURRENT").is_file()
    (papers / ".evidence-graph" / "http-cache").mkdir(parents=True)
    (papers / ".evidence-graph" / "http-cache" / "page").write_text("cached bytes of a page")
    again = build_here()
    assert again.returncode == 0, again.stderr
    assert "built 2 document(s)" in again.stdout


def test_a_paper_in_another_language_loads_with_a_warning_that_says_so(tmp_path: Path) -> None:
    papers = tmp_path / "papers"
    papers.mkdir()
    (papers / "conseil.txt").write_text(
        "Conseil municipal de Tarnville\n\nProcès-verbal de la séance du 12 mai 2025\n\n"
        + "1. Le conseil a examiné le rapport du directeur sur les travaux du port et a décidé "
          "de poursuivre les réparations du mur, dont le coût est estimé à deux millions. " * 10,
        encoding="utf-8")
    result = run("build", str(papers), store=tmp_path / "store")
    assert result.returncode == 0, result.stderr
    assert "conseil.txt: written in neither English nor Welsh" in result.stderr
    english = run("build", str(SAMPLE), store=tmp_path / "other")
    assert "neither English nor Welsh" not in english.stderr
