"""The ModernGov connector against a local HTTP server on the loopback that answers as a ModernGov
site does (fixture answers in ``tests/fixtures/moderngov/``, a meeting page and PDFs written
here): ``evidence-graph fetch`` as a user runs it, its cache, and its failure modes."""

from __future__ import annotations

import contextlib
import hashlib
import http.server
import os
import subprocess
import sys
import threading
import time
import tomllib
import urllib.parse
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest
from conftest import free_port

from evidence_graph.pipeline.connectors.http import FetchError, PoliteClient
from evidence_graph.pipeline.connectors.moderngov import ModernGovError, SiteAddress, fetch_meeting, meetings_between

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures" / "moderngov"
CLI = [sys.executable, "-m", "evidence_graph.cli"]

MEETING_PAGE = b"""<!DOCTYPE html><html><head><title>Agenda for Harbour Committee on Monday, 12th May, 2025,
7.00 pm - Fenmoor Borough Council</title></head><body><nav><a href="/">Home</a></nav>
<h1>Agenda and minutes</h1><p>Harbour Committee - Monday, 12th May, 2025 7.00 pm</p>
<p>Venue: Committee Room 2, The Guildhall, Fenmoor</p>
<ol start="4"><li><h3>Harbour wall repairs</h3><p>The Director of Place, Ms Hana Ito, presented the report.</p></li></ol>
</body></html>"""

TECHNICAL_ERROR = b"<!DOCTYPE html><html><head><title>Technical Error</title></head><body><h1>Technical Error</h1></body></html>"


def pdf(lines: list[str]) -> bytes:
    import io

    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    for at, line in enumerate(lines):
        page.drawString(72, 760 - 16 * at, line)
    page.save()
    return out.getvalue()


MINUTES_PDF = pdf(["Harbour Committee", "Minutes of the meeting held on 12 May 2025",
                   "Present: Councillor Ann Lee (Chair) and Councillor Bo Chan.",
                   "Apologies: Councillor Ravi Patel.",
                   "4. Harbour wall repairs. Ms Hana Ito, Director of Place, presented the report.",
                   "RESOLVED that the repairs costing £2.1m be approved."])
REPORT_PDF = pdf(["Report of the Director of Place to the Harbour Committee",
                  "1. The harbour wall repairs will cost £2.1m and take six months."])


class FixtureSite(http.server.BaseHTTPRequestHandler):
    """A ModernGov site: /mg/ answers well, /slow/ too slowly, /broken/ with its error template."""

    requests: ClassVar[list[tuple[str, int]]] = []
    failures_left: ClassVar[dict[str, int]] = {}

    def log_message(self, *args: object) -> None:
        pass

    def answer(self, status: int, body: bytes, content_type: str) -> None:
        tag = '"' + hashlib.sha256(body).hexdigest()[:16] + '"'
        if status == 200 and self.headers.get("If-None-Match") == tag:
            status, body = 304, b""
        self.requests.append((self.path, status))
        self.send_response(status)
        if status in (200, 304):
            self.send_header("ETag", tag)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # the client gave up first (timeouts)
            self.wfile.write(body)

    def do_GET(self) -> None:
        parts = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(parts.query))
        assert self.headers.get("User-Agent", "").startswith("evidence-graph/")
        if self.failures_left.get(parts.path + parts.query, 0) > 0:
            self.failures_left[parts.path + parts.query] -= 1
            self.answer(500, b"Server Error", "text/plain")
            return
        if parts.path.startswith("/slow/"):
            time.sleep(2.0)
        if parts.path.startswith("/broken/"):
            self.answer(200, TECHNICAL_ERROR, "text/html; charset=utf-8")
            return
        method = parts.path.rsplit("/", 1)[-1]
        if parts.path.endswith("/mgWebService.asmx/GetMeeting"):
            found = FIXTURES / f"GetMeeting-{query.get('lMeetingId')}.xml"
            if found.is_file():
                self.answer(200, found.read_bytes(), "text/xml; charset=utf-8")
            else:
                self.answer(404, b"<h1>Not found</h1>", "text/html")
        elif method == "GetCommittees":
            self.answer(200, (FIXTURES / "GetCommittees.xml").read_bytes(), "text/xml")
        elif method == "GetMeetings":
            self.answer(200, (FIXTURES / f"GetMeetings-{query.get('lCommitteeId')}.xml").read_bytes(), "text/xml")
        elif method == "ieListDocuments.aspx":
            self.answer(200, MEETING_PAGE, "text/html; charset=utf-8")
        elif parts.path.endswith("/Printed%20minutes.pdf"):
            self.answer(200, MINUTES_PDF, "application/pdf")
        elif parts.path.endswith("/Harbour%20wall%20report.pdf"):
            self.answer(200, REPORT_PDF, "application/pdf")
        else:
            self.answer(404, b"<h1>Not found</h1>", "text/html")


@pytest.fixture
def site() -> Iterator[str]:
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), FixtureSite)
    FixtureSite.requests = []
    FixtureSite.failures_left = {}
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.shutdown()
        server.server_close()


def fetch(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    return subprocess.run([*CLI, "fetch", *args, "--pause", "0"], capture_output=True, text=True, cwd=cwd, env=env,
                          timeout=300)


def test_fetch_writes_the_meeting_with_its_manifest_and_ingests_it(site: str, tmp_path: Path) -> None:
    page = f"{site}/mg/ieListDocuments.aspx?CId=3&MId=7"
    result = fetch(page, "--authority", "Fenmoor Borough Council", "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    folder = tmp_path / "papers" / "harbour-committee-2025-05-12"
    assert sorted(p.name for p in folder.iterdir()) == [
        "4-harbour-wall-report.pdf", "manifest.toml", "meeting.html",
        "printed-minutes-12th-may-2025-19-00-harbour-committee.pdf"]
    manifest = tomllib.loads((folder / "manifest.toml").read_text(encoding="utf-8"))
    assert manifest["committee"] == {"name": "Harbour Committee", "authority": "Fenmoor Borough Council",
                                     "source": f"{site}/mg/"}
    assert [(a["name"], a["role"], a["attendance"], a["member_id"]) for a in manifest["attendees"]] == [
        ("Councillor Ann Lee", "Chair", "Present", "41"), ("Councillor Bo Chan", "Committee Member", "Present", "52"),
        ("Councillor Ravi Patel", "Committee Member", "Apologies", "63")]
    assert manifest["attendees"][0]["source_id"] == f"{site}/mg/mgUserInfo.aspx?UID=41"
    documents = {d["path"]: d for d in manifest["documents"]}
    assert documents["4-harbour-wall-report.pdf"]["source_url"] == f"{site}/mg/documents/s555/Harbour%20wall%20report.pdf"
    assert all(d["meeting_date"] == "2025-05-12" and d["retrieved"].endswith("Z") for d in documents.values())
    # The record, the page and two papers downloaded; three files written beside the manifest.
    assert "fetched Harbour Committee, 2025-05-12: 3 file(s), 4 downloaded" in result.stdout
    assert result.stdout.count(": added as harbour-committee-2025-05-12/") == 3

    env = dict(os.environ)
    quads = subprocess.run([*CLI, "export", "--format", "nquads", "--store", str(tmp_path / "store")],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=120).stdout
    assert "ann-lee" in quads and "Fenmoor Borough Council" in quads

    # The second meeting's Ann Lee is the first's: the same member page, trusted before her name.
    later = fetch(f"{site}/mg/ieListDocuments.aspx?CId=3&MId=8", "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert later.returncode == 0, later.stderr
    quads = subprocess.run([*CLI, "export", "--format", "nquads", "--store", str(tmp_path / "store")],
                           capture_output=True, text=True, cwd=ROOT, env=env, timeout=120).stdout
    subjects = [line.split(" ", 1)[0] for line in quads.splitlines() if line.strip()]
    people = {s for s in subjects if "/id/person/" in s and "ann-lee" in s}
    assert people == {"<http://127.0.0.1:8000/id/person/ann-lee>"}, people

    again = fetch(page, "--no-ingest", cwd=tmp_path)
    assert again.returncode == 0, again.stderr
    assert "3 file(s), 0 downloaded" in again.stdout  # every page answered 304 Not Modified
    assert [status for _, status in FixtureSite.requests[-4:]] == [304] * 4


def test_a_committees_meetings_between_two_dates(site: str, tmp_path: Path) -> None:
    result = fetch("--site", f"{site}/mg/", "--committee", "harbour committee", "--from", "2025-05-01",
                   "--to", "2025-05-31", "--no-ingest", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert [p.name for p in (tmp_path / "papers").iterdir() if not p.name.startswith(".")] == \
        ["harbour-committee-2025-05-12"]
    unknown = fetch("--site", f"{site}/mg/", "--committee", "Harbor Comittee", "--from", "2025-01-01", "--to",
                    "2025-12-31", cwd=tmp_path)
    assert unknown.returncode == 1 and "no committee named 'Harbor Comittee'" in unknown.stderr
    assert "did you mean 'Harbour Committee'" in unknown.stderr


def test_a_500_is_retried_and_a_404_is_a_clear_refusal(site: str, tmp_path: Path) -> None:
    client = PoliteClient(pause=0, backoff=0.01, retries=2)
    FixtureSite.failures_left["/mg/mgWebService.asmx/GetMeetinglMeetingId=8"] = 2
    fetched = fetch_meeting(client, SiteAddress.from_url(f"{site}/mg/"), "8", tmp_path / "out")
    assert fetched.record.date == "2025-07-14"
    assert [s for p, s in FixtureSite.requests if "GetMeeting" in p] == [500, 500, 200]
    with pytest.raises(FetchError, match=r"lMeetingId=99: HTTP 404"):
        fetch_meeting(client, SiteAddress.from_url(f"{site}/mg/"), "99", tmp_path / "out")
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["harbour-committee-2025-07-14"]


def test_a_slow_site_a_site_that_is_down_and_an_error_template_write_nothing(site: str, tmp_path: Path) -> None:
    out = tmp_path / "papers"
    slow = fetch(f"{site}/slow/ieListDocuments.aspx?CId=3&MId=7", "--timeout", "0.3", "--store",
                 str(tmp_path / "store"), cwd=tmp_path)
    assert slow.returncode == 1 and "timed out after 0.3 s (4 attempts)" in slow.stderr, slow.stderr
    down = fetch(f"http://127.0.0.1:{free_port()}/mg/ieListDocuments.aspx?CId=3&MId=7", "--store",
                 str(tmp_path / "store"), cwd=tmp_path)
    assert down.returncode == 1 and "cannot connect" in down.stderr, down.stderr
    client = PoliteClient(pause=0, retries=0)
    with pytest.raises(ModernGovError, match=r"not a ModernGov XML answer \(an HTML page, titled 'Technical Error'"):
        fetch_meeting(client, SiteAddress.from_url(f"{site}/broken/"), "7", out)
    assert not out.exists() or not any(out.iterdir())
    assert not (tmp_path / "store").exists()


def test_a_paper_that_fails_mid_fetch_leaves_no_half_written_folder(site: str, tmp_path: Path) -> None:
    client = PoliteClient(pause=0, retries=0)
    FixtureSite.failures_left["/mg/documents/s555/Harbour%20wall%20report.pdf"] = 1
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch_meeting(client, SiteAddress.from_url(f"{site}/mg/ieListDocuments.aspx?MId=7"), "7", tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_meetings_between_reads_the_committee_by_its_title(site: str) -> None:
    import datetime as dt

    client = PoliteClient(pause=0)
    found = meetings_between(client, SiteAddress.from_url(site + "/mg"), "Harbour Committee", dt.date(2025, 1, 1),
                             dt.date(2025, 12, 31))
    assert found == ["7", "8"]
