"""Corpus manifests: facts about documents that the documents do not state themselves.

A folder may hold ``manifest.toml`` with a ``[committee]`` table (name, authority, and licence:
the address of the licence the papers are published under, such as the Open Government Licence),
``[[documents]]`` entries (path, kind, meeting_date, title, source_url, meeting) and
``[[attendees]]`` entries (name, role, attendance, source_id: the publisher's identifier of the
person, such as a ModernGov member page). Everything is optional. Documents whose entries give
the same committee and meeting date, or the same ``meeting`` (any text), are papers of one
meeting and share its context.
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from evidence_graph.loaders.errors import LoaderError

MANIFEST_NAME = "manifest.toml"
#: A web address as a manifest's ``licence`` and ``source_url`` must be (and as the graph records them).
WEB_ADDRESS = re.compile(r"https?://[^\s/]+\S*$")


def read_manifest(folder: Path) -> dict[str, dict[str, str]]:
    """Metadata per document file name, with the committee facts merged in.

    Parameters
    ----------
    folder : Path
        A corpus folder.

    Returns
    -------
    dict
        File name → metadata (``kind``, ``meeting_date``, ``title``, ``committee``,
        ``authority``); the key ``""`` holds the folder-wide facts.

    Raises
    ------
    LoaderError
        If the manifest is not valid TOML.
    """
    path = folder / MANIFEST_NAME
    if not path.is_file():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise LoaderError(str(path), f"invalid manifest ({error})") from None
    committee = data.get("committee", {})
    if not isinstance(committee, dict) or not isinstance(data.get("documents", []), list) or \
            not all(isinstance(entry, dict) for entry in data.get("documents", [])):
        raise LoaderError(str(path), "invalid manifest ([committee] must be a table and [[documents]] "
                          "an array of tables)")
    shared = {k: str(v) for k, v in (("committee", committee.get("name")),
                                      ("authority", committee.get("authority")),
                                      ("licence", committee.get("licence") or committee.get("license"))) if v}
    attendees = _attendees(data.get("attendees", []), path)
    if attendees:
        shared["attendees"] = attendees
    result: dict[str, dict[str, str]] = {"": dict(shared)}
    for entry in data.get("documents", []):
        if "path" not in entry:
            raise LoaderError(str(path), "a [[documents]] entry has no path")
        meta = dict(shared)
        meta.update({k: str(v) for k, v in entry.items() if k != "path"})
        for key in ("licence", "source_url"):
            if key in meta and not WEB_ADDRESS.match(meta[key]):
                raise LoaderError(str(path), f"{entry['path']}: {key} must be an http(s) address, not {meta[key]!r}")
        result[str(entry["path"])] = _dated(meta)
    return result


#: The fields of an ``[[attendees]]`` entry, in the order :func:`attendee_rows` gives them.
ATTENDEE_FIELDS = ("name", "role", "attendance", "source_id")


def _attendees(entries: object, path: Path) -> str:
    """``[[attendees]]`` (name, role, attendance, source_id: the people a publisher lists at the
    meeting, as a connector writes them) as one text field: a line per person, fields a tab apart."""
    if not isinstance(entries, list) or not all(isinstance(e, dict) and e.get("name") for e in entries):
        raise LoaderError(str(path), "invalid manifest ([[attendees]] entries must be tables with a name)")
    return "\n".join("\t".join(" ".join(str(e.get(f, "")).split()) for f in ATTENDEE_FIELDS) for e in entries)


def attendee_rows(metadata: dict[str, str]) -> list[dict[str, str]]:
    r"""The attendees a manifest listed, from a document's metadata.

    Examples
    --------
    >>> attendee_rows({"attendees": "Councillor Ann Lee\tChair\tPresent\thttps://x.example/u?UID=41"})
    [{'name': 'Councillor Ann Lee', 'role': 'Chair', 'attendance': 'Present', 'source_id': 'https://x.example/u?UID=41'}]
    """
    rows = []
    for line in (metadata.get("attendees") or "").splitlines():
        values = (line.split("\t") + [""] * len(ATTENDEE_FIELDS))[:len(ATTENDEE_FIELDS)]
        if values[0]:
            rows.append(dict(zip(ATTENDEE_FIELDS, values, strict=True)))
    return rows


def _dated(meta: dict[str, str]) -> dict[str, str]:
    """The meeting date as ISO 8601 whatever form the manifest wrote it in; one that is no
    date ("TBC") becomes ``meeting_date_text``, so it never reaches an IRI or an xsd:date.

    Examples
    --------
    >>> _dated({"meeting_date": "30 January 2014"}), _dated({"meeting_date": "TBC"})
    ({'meeting_date': '2014-01-30'}, {'meeting_date_text': 'TBC'})
    """
    from evidence_graph.loaders.structure.fields import parse_date

    stated = meta.pop("meeting_date", None)
    if stated is not None:
        when = parse_date(stated)
        if when is not None:
            meta["meeting_date"] = when.value
        elif stated.strip():
            meta["meeting_date_text"] = stated.strip()
    return meta
