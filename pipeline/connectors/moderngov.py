"""The ModernGov connector: a meeting's record, page and papers from a council's ModernGov site.

Most English, Welsh and Scottish councils publish committee papers through ModernGov. Its web
service (``mgWebService.asmx``, beside the public pages) answers ``GetCommittees``,
``GetMeetings`` (a committee's meetings between two dates), ``GetMeeting`` (one meeting: its
committee, date, venue, attendees with their roles and member ids, agenda items and linked
papers) and ``GetAttachment`` (one paper's title and address), each in XML of lower-case
elements (``<meetingid>``, ``<committeetitle>``, ``<linkeddocument>`` …). The reader here looks
elements up by name wherever they nest and takes the spellings councils' installations use for
the same field (``<url>`` or ``<documenturl>``, ``<name>`` or ``<fullusername>``), so a field
another version places elsewhere is still found; a record without a meeting id or date is
refused by name.

A fetch writes the meeting's folder: its public page (``ieListDocuments.aspx``) as HTML, each
paper as published (PDF, Word, HTML), and ``manifest.toml`` with the authority, committee,
meeting date, attendees and their roles as ModernGov states them, and each file's source
address and retrieval time. The folder is written beside its final place and moved there whole,
so a failed fetch leaves nothing half-written.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import tempfile
import urllib.parse
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_graph.pipeline.connectors.http import FetchError, PoliteClient

#: File endings for the media types papers come in.
SUFFIXES = {"application/pdf": ".pdf", "text/html": ".html", "application/xhtml+xml": ".html",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ".docx",
            "text/plain": ".txt"}

#: The public pages whose address names a meeting, and the parameters that carry its ids.
_MEETING_PAGES = re.compile(r"(?i)/(?:ie|mg|ce)[A-Za-z]*\.aspx$")
_MEETING_ID = ("mid", "meetingid", "lmeetingid")
_COMMITTEE_ID = ("cid", "committeeid", "lcommitteeid")


class ModernGovError(Exception):
    """A ModernGov site or record that cannot be read: the message names the address."""


@dataclass(frozen=True)
class Attendee:
    """A person ModernGov lists at a meeting."""

    name: str
    role: str = ""
    attendance: str = ""
    member_id: str = ""


@dataclass(frozen=True)
class Paper:
    """A paper linked to a meeting or one of its items."""

    title: str
    url: str
    attachment_id: str = ""
    item: str = ""


@dataclass
class MeetingRecord:
    """What ``GetMeeting`` says of one meeting."""

    meeting_id: str
    committee_id: str
    committee: str
    date: str
    time: str = ""
    location: str = ""
    attendees: list[Attendee] = field(default_factory=list)
    papers: list[Paper] = field(default_factory=list)


@dataclass(frozen=True)
class SiteAddress:
    """Where a ModernGov installation lives, and the meeting a page address names.

    Examples
    --------
    >>> site = SiteAddress.from_url("https://democracy.example.gov.uk/ecminutes/ieListDocuments.aspx?CId=864&MId=10594")
    >>> site.base, site.meeting_id, site.committee_id
    ('https://democracy.example.gov.uk/ecminutes/', '10594', '864')
    >>> site.service("GetMeeting", lMeetingId="10594")
    'https://democracy.example.gov.uk/ecminutes/mgWebService.asmx/GetMeeting?lMeetingId=10594'
    """

    base: str
    meeting_id: str = ""
    committee_id: str = ""

    @classmethod
    def from_url(cls, url: str) -> SiteAddress:
        """From a meeting page's address, or a site's (``HOST`` or ``https://HOST/path/``).

        Raises
        ------
        ModernGovError
            If the address is not http(s).
        """
        if "://" not in url:
            url = f"https://{url}"
        parts = urllib.parse.urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise ModernGovError(f"{url}: not a web address")
        path = parts.path
        if _MEETING_PAGES.search(path) or path.endswith(".asmx") or "/mgWebService.asmx" in path:
            path = path[:path.rfind("/") + 1]
        elif not path.endswith("/"):
            path += "/"
        query = {k.lower(): v[0] for k, v in urllib.parse.parse_qs(parts.query).items() if v}
        meeting = next((query[k] for k in _MEETING_ID if k in query), "")
        committee = next((query[k] for k in _COMMITTEE_ID if k in query), "")
        return cls(f"{parts.scheme}://{parts.netloc}{path}", meeting, committee)

    def service(self, method: str, **parameters: str) -> str:
        """The address of a web-service call."""
        return f"{self.base}mgWebService.asmx/{method}?{urllib.parse.urlencode(parameters)}"

    def meeting_page(self, meeting_id: str, committee_id: str) -> str:
        """The meeting's public page."""
        return f"{self.base}ieListDocuments.aspx?{urllib.parse.urlencode({'CId': committee_id, 'MId': meeting_id})}"


def _xml(body: bytes, source: str) -> Any:
    from lxml import etree

    try:
        # No network, no entities: a service answer is data, never instructions to fetch more.
        parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=False)
        root = etree.fromstring(body, parser)
    except etree.XMLSyntaxError as error:
        head = body[:200].decode("utf-8", "replace").strip()
        hint = " (an HTML page: the site's error or login page?)" if head.lower().startswith(("<!doctype", "<html")) \
            else ""
        raise ModernGovError(f"{source}: not a ModernGov XML answer{hint} ({error})") from None
    if _local(root) == "html":  # well-formed HTML parses as XML too: ModernGov's "Technical Error" page
        title = _find(root, "title") or _find(root, "h1")
        raise ModernGovError(f"{source}: not a ModernGov XML answer (an HTML page"
                             + (f", titled {title!r}" if title else "") + ": the site's error or login page?)")
    return root


def _local(element: Any) -> str:
    tag = element.tag if isinstance(element.tag, str) else ""
    return tag.rsplit("}", 1)[-1].lower()


def _find(element: Any, *names: str) -> str:
    """The text of the first element below ``element``, in document order and at any depth,
    named one of ``names``: whichever comes first in the document answers, not the first of
    ``names``, and a nested record's field answers when it comes before the record's own."""
    wanted = set(names)
    for child in element.iter():
        if child is not element and _local(child) in wanted:
            return " ".join("".join(child.itertext()).split())
    return ""


def _all(element: Any, name: str) -> list[Any]:
    return [child for child in element.iter() if _local(child) == name]


def iso_date(text: str) -> str:
    """A ModernGov date (``15/01/2024``, ``2024-01-15`` or ``2024-01-15T10:00:00``) as ISO 8601.

    Examples
    --------
    >>> iso_date("15/01/2024"), iso_date("2024-01-15T10:00:00"), iso_date("soon")
    ('2024-01-15', '2024-01-15', '')
    """
    text = text.strip()
    found = re.match(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    try:
        if found:
            return dt.date(int(found.group(3)), int(found.group(2)), int(found.group(1))).isoformat()
        if re.match(r"\d{4}-\d{2}-\d{2}", text):
            return dt.date.fromisoformat(text[:10]).isoformat()
    except ValueError:
        return ""
    return ""


def parse_meeting(body: bytes, source: str = "GetMeeting") -> MeetingRecord:
    """Read a ``GetMeeting`` answer.

    Raises
    ------
    ModernGovError
        If it is no XML, or names no meeting id or date.

    Examples
    --------
    >>> record = parse_meeting(b'''<getmeeting><meeting><meetingid>7</meetingid><committeeid>3</committeeid>
    ...   <committeetitle>Harbour Committee</committeetitle><meetingdate>12/05/2025</meetingdate>
    ...   <attendees><attendee><memberid>41</memberid><name>Councillor Ann Lee</name><role>Chair</role>
    ...   <attendance>Present</attendance></attendee></attendees>
    ...   <linkeddocuments><linkeddocument><documenttitle>Minutes</documenttitle>
    ...   <url>documents/g7/Printed minutes.pdf</url></linkeddocument></linkeddocuments></meeting></getmeeting>''')
    >>> record.committee, record.date, record.attendees[0].member_id, record.papers[0].title
    ('Harbour Committee', '2025-05-12', '41', 'Minutes')
    """
    root = _xml(body, source)
    meeting = next(iter(_all(root, "meeting")), root)
    record = MeetingRecord(
        meeting_id=_find(meeting, "meetingid", "id"), committee_id=_find(meeting, "committeeid"),
        committee=_find(meeting, "committeetitle", "committeename"),
        date=iso_date(_find(meeting, "meetingdate", "date")), time=_find(meeting, "meetingtime", "time"),
        location=_find(meeting, "meetinglocation", "location", "venue"))
    if not record.meeting_id or not record.date:
        raise ModernGovError(f"{source}: the answer names no meeting id or date")
    for attendee in _all(meeting, "attendee") + _all(meeting, "member"):
        name = _find(attendee, "name", "fullusername", "membername", "attendeename")
        if name:
            record.attendees.append(Attendee(name, _find(attendee, "role", "roledescription", "attendeerole"),
                                             _find(attendee, "attendance", "attendancestatus", "attended"),
                                             _find(attendee, "memberid", "councillorid", "attendeeid", "userid")))
    seen: set[str] = set()
    # Items first: the meeting's own papers are what is left (its element holds the items' too).
    for item in [*_all(meeting, "agendaitem"), meeting]:
        number = _find(item, "agendaitemnumber", "itemnumber") if item is not meeting else ""
        for document in (d for d in _all(item, "linkeddocument") + _all(item, "attachment")):
            url = _find(document, "url", "documenturl", "attachmenturl", "link")
            if not url or url in seen:
                continue
            seen.add(url)
            title = _find(document, "documenttitle", "title", "attachmenttitle", "name") or Path(url).stem
            record.papers.append(Paper(title, url, _find(document, "attachmentid", "documentid"), number))
    return record


def parse_meetings(body: bytes, source: str = "GetMeetings") -> list[tuple[str, str]]:
    """Read a ``GetMeetings`` answer: (meeting id, ISO date) of each meeting listed."""
    root = _xml(body, source)
    found = []
    for meeting in _all(root, "meeting"):
        meeting_id, date = _find(meeting, "meetingid", "id"), iso_date(_find(meeting, "meetingdate", "date"))
        if meeting_id:
            found.append((meeting_id, date))
    return found


def parse_committees(body: bytes, source: str = "GetCommittees") -> list[tuple[str, str]]:
    """Read a ``GetCommittees`` answer: (committee id, title) of each committee."""
    root = _xml(body, source)
    return [(_find(c, "committeeid", "id"), _find(c, "committeetitle", "title", "committeename"))
            for c in _all(root, "committee") if _find(c, "committeeid", "id")]


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60] or "paper"


def _kind(title: str) -> str:
    lowered = title.lower()
    if "minute" in lowered:
        return "minutes"
    if "agenda" in lowered or "reports pack" in lowered:
        return "agenda-pack"
    return "report"


def _toml(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ") + '"'


def render_manifest(record: MeetingRecord, authority: str, files: list[tuple[str, str, str, str]],
                    site: SiteAddress) -> str:
    """The meeting folder's ``manifest.toml``: committee, authority, documents (path, kind,
    title, date, source address, retrieval time) and attendees as ModernGov states them."""
    lines = ["# Written by `evidence-graph fetch` from a ModernGov site's web service.", "",
             "[committee]", f"name = {_toml(record.committee)}"]
    if authority:
        lines.append(f"authority = {_toml(authority)}")
    lines += [f"source = {_toml(site.base)}", "", "[meeting]", f"id = {_toml(record.meeting_id)}",
              f"date = {_toml(record.date)}"]
    if record.location:
        lines.append(f"location = {_toml(record.location)}")
    for path, title, url, retrieved in files:
        lines += ["", "[[documents]]", f"path = {_toml(path)}", f"kind = {_toml(_kind(title))}",
                  f"title = {_toml(title)}", f"meeting_date = {_toml(record.date)}",
                  f"meeting = {_toml('moderngov:' + site.base + record.meeting_id)}",
                  f"source_url = {_toml(url)}", f"retrieved = {_toml(retrieved)}"]
    for attendee in record.attendees:
        # The member's page on the site is the publisher's identifier of the person.
        source_id = f"{site.base}mgUserInfo.aspx?UID={attendee.member_id}" if attendee.member_id else ""
        lines += ["", "[[attendees]]", f"name = {_toml(attendee.name)}"]
        lines += [f"{key} = {_toml(value)}" for key, value in (("role", attendee.role),
                  ("attendance", attendee.attendance), ("member_id", attendee.member_id),
                  ("source_id", source_id)) if value]
    return "\n".join(lines) + "\n"


@dataclass(frozen=True)
class FetchedMeeting:
    """A meeting's folder as written, with what was downloaded."""

    folder: Path
    record: MeetingRecord
    files: tuple[str, ...]
    downloaded: int


def fetch_meeting(client: PoliteClient, site: SiteAddress, meeting_id: str, out: Path,
                  authority: str = "") -> FetchedMeeting:
    """Fetch one meeting's record, page and papers into ``out/<committee>-<date>/``.

    Parameters
    ----------
    client : PoliteClient
    site : SiteAddress
    meeting_id : str
    out : Path
        The folder meetings are written under (created if missing).
    authority : str, optional
        The body's name (default: none in the manifest; the build reads it from the papers and
        the page's title).

    Returns
    -------
    FetchedMeeting

    Raises
    ------
    ModernGovError, FetchError
        Naming the address that failed; nothing is written then.
    """
    before = client.downloads
    record = parse_meeting(client.get(site.service("GetMeeting", lMeetingId=meeting_id)).body,
                           f"GetMeeting {meeting_id} at {site.base}")
    name = f"{_slug(record.committee or 'meeting')}-{record.date}"
    out.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{name}-", dir=out))
    try:
        files: list[tuple[str, str, str, str]] = []
        page_url = site.meeting_page(record.meeting_id, record.committee_id or site.committee_id)
        page = client.get(page_url)
        (staging / "meeting.html").write_bytes(page.body)
        files.append(("meeting.html", f"{record.committee} meeting page", page_url, page.retrieved))
        used = {"meeting.html", "manifest.toml"}
        for paper in record.papers:
            url = urllib.parse.urljoin(site.base, urllib.parse.quote(paper.url, safe=":/?&=%#+"))
            got = client.get(url)
            suffix = SUFFIXES.get(got.content_type) or Path(urllib.parse.urlsplit(url).path).suffix.lower() or ".bin"
            stem = _slug(f"{paper.item} {paper.title}" if paper.item else paper.title)
            file_name, n = f"{stem}{suffix}", 2
            while file_name in used:
                file_name, n = f"{stem}-{n}{suffix}", n + 1
            used.add(file_name)
            (staging / file_name).write_bytes(got.body)
            files.append((file_name, paper.title, url, got.retrieved))
        (staging / "manifest.toml").write_text(render_manifest(record, authority, files, site), encoding="utf-8")
        target = out / name
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return FetchedMeeting(target, record, tuple(f[0] for f in files), client.downloads - before)


def meetings_between(client: PoliteClient, site: SiteAddress, committee: str, start: dt.date,
                     end: dt.date) -> list[str]:
    """The ids of a committee's meetings between two dates (inclusive), by the committee's title.

    Raises
    ------
    ModernGovError
        If no committee of the site has that title (naming the nearest titles).
    """
    committees = parse_committees(client.get(site.service("GetCommittees")).body, f"GetCommittees at {site.base}")
    wanted = " ".join(committee.lower().split())
    chosen = [cid for cid, title in committees if " ".join(title.lower().split()) == wanted] or \
        [cid for cid, title in committees if wanted in title.lower()]
    if not chosen:
        import difflib

        near = difflib.get_close_matches(committee, [t for _, t in committees], n=3)
        raise ModernGovError(f"{site.base}: no committee named {committee!r}"
                             + (f" (did you mean {', '.join(repr(n) for n in near)}?)" if near else ""))
    listed = parse_meetings(client.get(site.service(
        "GetMeetings", lCommitteeId=chosen[0], sFromDate=start.strftime("%d/%m/%Y"),
        sToDate=end.strftime("%d/%m/%Y"))).body, f"GetMeetings at {site.base}")
    return [meeting_id for meeting_id, date in listed if not date or start.isoformat() <= date <= end.isoformat()]


def fetch_meetings(client: PoliteClient, site: SiteAddress, meeting_ids: Iterable[str], out: Path,
                   authority: str = "") -> list[FetchedMeeting]:
    """Fetch several meetings; the first failure stops the fetch (meetings already written stay,
    each whole)."""
    return [fetch_meeting(client, site, meeting_id, out, authority) for meeting_id in meeting_ids]


__all__ = ["Attendee", "FetchError", "FetchedMeeting", "MeetingRecord", "ModernGovError", "Paper", "SiteAddress",
           "fetch_meeting", "fetch_meetings", "iso_date", "meetings_between", "parse_committees", "parse_meeting",
           "parse_meetings", "render_manifest"]
