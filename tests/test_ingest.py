"""Ingest and retract, as users do them: the ``ingest`` and ``retract`` commands on a real store,
and the ``ingestDocument`` and ``retractDocument`` mutations over HTTP to a real server, with and
without its bearer token."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import SAMPLE, LiveServer, serving

from evidence_graph.graph.store import EvidenceStore
from evidence_graph.pipeline.ingest import IngestMetadata, ingest_content, ingest_paths, retract_document

ROOT = Path(__file__).resolve().parent.parent
CLI = [sys.executable, "-m", "evidence_graph.cli"]
TOKEN = "a-test-token-of-32-characters-xx"

HARBOUR_MINUTES = """Harbour Committee

Minutes of the meeting held on 12 May 2025

Present: Councillor Ann Lee (Chair), Councillor Bo Chan and Councillor Ravi Patel.

1. The Committee received a report from Ms Hana Ito, Director of Place, on the harbour wall repairs,
which would cost £2.1m.

2. RESOLVED that the report be noted.
"""


def cli(*args: str, store: Path, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run([*CLI, *args, "--store", str(store)], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


def dump(store: Path) -> list[str]:
    return sorted(cli("export", "--format", "nquads", store=store).stdout.splitlines())


@pytest.fixture
def papers(tmp_path: Path) -> Path:
    folder = tmp_path / "papers" / "harbour"
    folder.mkdir(parents=True)
    (folder / "2025-05-12-minutes.txt").write_text(HARBOUR_MINUTES, encoding="utf-8")
    return folder


def test_ingest_adds_then_leaves_the_same_bytes_then_replaces_only_the_changed_document(tmp_path: Path,
                                                                                        papers: Path) -> None:
    store = tmp_path / "store"
    shutil.copytree(SAMPLE, tmp_path / "papers" / "kcc")
    first = cli("ingest", str(tmp_path / "papers" / "kcc"), store=store)
    assert first.returncode == 0, first.stderr
    assert first.stdout.count(": added as kcc/") == 2
    kcc_quads = [q for q in dump(store) if "/kcc/" in q]

    added = cli("ingest", str(papers), "--committee", "Harbour Committee", "--authority", "Wexcombe City Council",
                store=store)
    assert added.returncode == 0, added.stderr
    assert "harbour/2025-05-12-minutes.txt: added as harbour/2025-05-12-minutes" in added.stdout

    again = cli("ingest", str(papers), store=store)
    assert again.returncode == 0 and "unchanged (the same bytes are stored" in again.stdout, again.stdout

    (papers / "2025-05-12-minutes.txt").write_text(HARBOUR_MINUTES.replace("£2.1m", "£2.4m"), encoding="utf-8")
    replaced = cli("ingest", str(papers), store=store)
    assert replaced.returncode == 0, replaced.stderr
    assert "replaced as harbour/2025-05-12-minutes" in replaced.stdout
    quads = dump(store)
    assert any("£2.4m" in q for q in quads) and not any("£2.1m" in q for q in quads)
    assert [q for q in quads if "/kcc/" in q and "/graph/doc/kcc/" in q] == \
        [q for q in kcc_quads if "/graph/doc/kcc/" in q]  # the other documents' graphs are untouched


def test_dry_run_prints_what_would_change_and_stores_nothing(tmp_path: Path, papers: Path) -> None:
    store = tmp_path / "store"
    assert cli("build", "--quiet", str(SAMPLE), store=store).returncode == 0
    before = dump(store)
    result = cli("ingest", "--dry-run", str(papers), store=store)
    assert result.returncode == 0, result.stderr
    assert "would be added as harbour/2025-05-12-minutes (+" in result.stdout
    assert "dry run: nothing stored" in result.stdout
    assert dump(store) == before


def test_ingest_refuses_bad_input_naming_it_and_changes_nothing(tmp_path: Path, papers: Path) -> None:
    store = tmp_path / "store"
    assert cli("ingest", str(papers), store=store).returncode == 0
    before = dump(store)
    (papers / "scan.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF")
    (papers / "2025-05-12-minutes.txt").write_text(HARBOUR_MINUTES + "\n3. Late item.\n", encoding="utf-8")
    refused = cli("ingest", str(papers), store=store)
    assert refused.returncode == 1
    assert "scan.pdf:" in refused.stderr and "nothing was stored" in refused.stderr
    assert dump(store) == before
    bad_date = cli("ingest", str(papers), "--date", "12/05/2025", store=store)
    assert bad_date.returncode == 1 and "not a date in YYYY-MM-DD form" in bad_date.stderr
    assert dump(store) == before


def test_retract_removes_the_document_and_what_only_it_supported(tmp_path: Path, papers: Path) -> None:
    store = tmp_path / "store"
    assert cli("build", "--quiet", str(SAMPLE), store=store).returncode == 0
    sample_only = dump(store)
    assert cli("ingest", str(papers), store=store).returncode == 0
    assert any("ann-lee" in q for q in dump(store))
    result = cli("retract", "http://127.0.0.1:8000/id/doc/harbour/2025-05-12-minutes", store=store)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("retracted harbour/2025-05-12-minutes:")
    after = dump(store)
    assert not any("ann-lee" in q or "harbour/2025-05-12" in q for q in after)
    # What the sample's documents state is as it was (only the store's generation mark moves).
    assert [q for q in after if "/graph/doc/" in q] == [q for q in sample_only if "/graph/doc/" in q]
    missing = cli("retract", "harbour/2025-05-12-minutes", store=store)
    assert missing.returncode == 1 and "no such document in the store" in missing.stderr


def test_ingest_content_keys_a_document_and_a_new_version_replaces_it() -> None:
    store = EvidenceStore()
    meta = IngestMetadata(key="harbour/2025-05-12-minutes", committee="Harbour Committee", date="2025-05-12")
    first = ingest_content(store, HARBOUR_MINUTES.encode(), "text/plain", meta)
    assert [(c.key, c.status) for c in first.changes] == [("harbour/2025-05-12-minutes", "added")]
    same = ingest_content(store, HARBOUR_MINUTES.encode(), "text/plain; charset=utf-8", meta)
    assert [c.status for c in same.changes] == ["unchanged"] and not same.stored
    newer = ingest_content(store, HARBOUR_MINUTES.replace("Ravi", "Ravinder").encode(), "text/plain", meta)
    assert [c.status for c in newer.changes] == ["replaced"] and newer.changes[0].removed > 0
    assert store.document_keys() == ["harbour/2025-05-12-minutes"]
    with pytest.raises(ValueError, match="media type 'image/png' is not one ingest reads"):
        ingest_content(store, b"\x89PNG", "image/png", meta)
    assert retract_document(store, "harbour/2025-05-12-minutes").removed > 0


def test_ingest_paths_takes_manifest_free_metadata() -> None:
    store = EvidenceStore()
    report = ingest_paths(store, [SAMPLE], IngestMetadata(source_url="https://democracy.kent.gov.uk/x"))
    assert not report.errors and report.stored and len(report.changes) == 2


# -- the mutations, over HTTP to a real server ---------------------------------------------------------

INGEST = """mutation Ingest($content: String!, $type: String!, $meta: DocumentMetadataInput, $dry: Boolean!) {
  ingestDocument(content: $content, mediaType: $type, metadata: $meta, dryRun: $dry) {
    dryRun stored added removed version
    documents { document key status added removed }
    report { errors dropped warnings }
  }
}"""
RETRACT = "mutation($iri: String!) { retractDocument(iri: $iri) { document removed registryEntriesRemoved version } }"
PEOPLE = '{ entities(where: {name: {contains: "Hana Ito"}}) { nodes { label } } }'


def post(server: LiveServer, query: str, variables: dict[str, object], token: str | None = None) -> dict:
    headers = {"content-type": "application/json"}
    if token is not None:
        headers["authorization"] = f"Bearer {token}"
    status, _, body = server.request("POST", "/graphql", json.dumps({"query": query, "variables": variables}).encode(),
                                     headers)
    assert status == 200, body
    return json.loads(body)


@pytest.fixture(scope="module")
def writable_server(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    store = tmp_path_factory.mktemp("writable") / "store"
    env = dict(os.environ)
    built = subprocess.run([*CLI, "--store", str(store), "build", "--quiet"], capture_output=True, text=True,
                           timeout=300, cwd=ROOT, env=env)
    assert built.returncode == 0, built.stderr
    with serving(store, store.parent / "server.log", env={**env, "EVIDENCE_GRAPH_INGEST_TOKEN": TOKEN}) as server:
        yield server


def names(server: LiveServer) -> list[str]:
    answer = server.graphql(PEOPLE)
    return [n["label"] for n in answer["data"]["entities"]["nodes"]]  # type: ignore[index]


def test_mutations_without_the_token_or_with_another_are_refused_and_change_nothing(
        writable_server: LiveServer) -> None:
    version = writable_server.health()["version"]
    variables = {"content": HARBOUR_MINUTES, "type": "text/plain", "meta": None, "dry": False}
    for token, code in ((None, "UNAUTHENTICATED"), ("not-the-token-at-all-no-no-no-no", "FORBIDDEN")):
        answer = post(writable_server, INGEST, variables, token)
        assert answer["errors"][0]["extensions"]["code"] == code, answer
        assert TOKEN not in json.dumps(answer)
        retract = post(writable_server, RETRACT, {"iri": "kcc-commissioning-select-committee/2014-01-30-agenda-pack"},
                       token)
        assert retract["errors"][0]["extensions"]["code"] == code
    assert writable_server.health()["version"] == version
    log = (writable_server.store.parent / "server.log").read_text()
    assert TOKEN not in log


def test_ingest_mutation_serves_the_document_at_once_and_retract_withdraws_it(writable_server: LiveServer) -> None:
    meta = {"key": "harbour/2025-05-12-minutes", "committee": "Harbour Committee", "date": "2025-05-12"}
    dry = post(writable_server, INGEST, {"content": HARBOUR_MINUTES, "type": "text/plain", "meta": meta, "dry": True},
               TOKEN)["data"]["ingestDocument"]
    assert dry["dryRun"] and not dry["stored"] and dry["added"] > 0
    assert "Ms Hana Ito" not in names(writable_server)

    before = writable_server.health()["version"]
    done = post(writable_server, INGEST, {"content": HARBOUR_MINUTES, "type": "text/plain", "meta": meta,
                                          "dry": False}, TOKEN)["data"]["ingestDocument"]
    assert done["stored"] and done["documents"][0]["status"] == "added"
    assert done["documents"][0]["document"] == "http://127.0.0.1:8000/id/doc/harbour/2025-05-12-minutes"
    assert done["version"] != before
    # The answer comes once the new graph is served: no wait for the store watcher.
    assert writable_server.health()["version"] == done["version"]
    assert any("Hana Ito" in name for name in names(writable_server))

    same = post(writable_server, INGEST, {"content": HARBOUR_MINUTES, "type": "text/plain", "meta": meta,
                                          "dry": False}, TOKEN)["data"]["ingestDocument"]
    assert same["documents"][0]["status"] == "unchanged" and not same["stored"]

    gone = post(writable_server, RETRACT, {"iri": done["documents"][0]["document"]}, TOKEN)["data"]["retractDocument"]
    assert gone["removed"] > 0
    assert not any("Hana Ito" in name for name in names(writable_server))
    again = post(writable_server, RETRACT, {"iri": done["documents"][0]["document"]}, TOKEN)
    assert again["errors"][0]["extensions"]["code"] == "NOT_FOUND"


def test_a_pdf_ingested_as_base64_over_http(writable_server: LiveServer, tmp_path: Path) -> None:
    from reportlab.pdfgen import canvas

    path = tmp_path / "minutes.pdf"
    pdf = canvas.Canvas(str(path))
    pdf.drawString(72, 760, "Harbour Committee minutes. Present: Councillor Petra Quentin (Chair).")
    pdf.showPage()
    pdf.drawString(72, 760, "1. RESOLVED that the harbour report of Ms Yusuf Ito be noted.")
    pdf.save()
    content = base64.b64encode(path.read_bytes()).decode()
    answer = post(writable_server, INGEST, {"content": content, "type": "application/pdf",
                                            "meta": {"key": "harbour/pack"}, "dry": False}, TOKEN)
    assert "errors" not in answer, answer
    assert answer["data"]["ingestDocument"]["documents"][0]["status"] == "added"
    pages = writable_server.graphql('{ documents { nodes { key passages { nodes { pageStart } } } } }')
    found = [d for d in pages["data"]["documents"]["nodes"] if d["key"].endswith("harbour/pack")]  # type: ignore[index]
    assert found and {p["pageStart"] for p in found[0]["passages"]["nodes"]} == {1, 2}
    bad = post(writable_server, INGEST, {"content": "not base64!", "type": "application/pdf", "meta": None,
                                         "dry": False}, TOKEN)
    assert bad["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"


def test_a_mutation_over_get_is_refused(writable_server: LiveServer) -> None:
    import urllib.parse

    query = urllib.parse.quote('mutation { retractDocument(iri: "x") { removed } }')
    status, _, payload = writable_server.request("GET", f"/graphql?query={query}",
                                                 headers={"authorization": f"Bearer {TOKEN}"})
    assert status == 405, payload


def test_a_server_without_a_token_takes_no_writes(live_server: LiveServer) -> None:
    answer = post(live_server, RETRACT, {"iri": "x"}, TOKEN)
    assert answer["errors"][0]["extensions"]["code"] == "WRITES_DISABLED"


def test_a_document_sized_body_needs_the_token(writable_server: LiveServer) -> None:
    # 1.8 MB, over the 1 MB limit of other requests; of a media type refused once the body is read,
    # so that the test proves the body gets through without building a large document.
    big = "Minutes. " * 200_000
    body = json.dumps({"query": INGEST, "variables": {"content": big, "type": "image/png", "meta": None,
                                                     "dry": True}}).encode()
    # Refused by its Content-Length before the body is read: send the head alone, then read the answer
    # (a client still sending a body the server will not read may see the connection closed instead).
    import http.client
    import urllib.parse

    address = urllib.parse.urlsplit(writable_server.url)
    connection = http.client.HTTPConnection(address.hostname, address.port, timeout=30)
    connection.putrequest("POST", "/graphql")
    connection.putheader("content-type", "application/json")
    connection.putheader("content-length", str(len(body)))
    connection.endheaders()
    refused = connection.getresponse()
    assert refused.status == 413 and b"BODY_TOO_LARGE" in refused.read()
    connection.close()
    status, _, payload = writable_server.request("POST", "/graphql", body, {"content-type": "application/json",
                                                                            "authorization": f"Bearer {TOKEN}"})
    assert status == 200, payload
    assert json.loads(payload)["errors"][0]["extensions"]["code"] == "BAD_USER_INPUT"
