"""Corpus manifests: facts about documents that the documents do not state themselves.

A folder may hold ``manifest.toml`` with a ``[committee]`` table (name, authority) and
``[[documents]]`` entries (path, kind, meeting_date, title, source_url, meeting). Everything is
optional. Documents whose entries give the same committee and meeting date, or the same
``meeting`` (any text), are papers of one meeting and share its context.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

from loaders.errors import LoaderError

MANIFEST_NAME = "manifest.toml"


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
                                      ("authority", committee.get("authority"))) if v}
    result: dict[str, dict[str, str]] = {"": dict(shared)}
    for entry in data.get("documents", []):
        if "path" not in entry:
            raise LoaderError(str(path), "a [[documents]] entry has no path")
        meta = dict(shared)
        meta.update({k: str(v) for k, v in entry.items() if k != "path"})
        result[str(entry["path"])] = _dated(meta)
    return result


def _dated(meta: dict[str, str]) -> dict[str, str]:
    """The meeting date as ISO 8601 whatever form the manifest wrote it in; one that is no
    date ("TBC") becomes ``meeting_date_text``, so it never reaches an IRI or an xsd:date.

    Examples
    --------
    >>> _dated({"meeting_date": "30 January 2014"}), _dated({"meeting_date": "TBC"})
    ({'meeting_date': '2014-01-30'}, {'meeting_date_text': 'TBC'})
    """
    from loaders.structure.fields import parse_date

    stated = meta.pop("meeting_date", None)
    if stated is not None:
        when = parse_date(stated)
        if when is not None:
            meta["meeting_date"] = when.value
        elif stated.strip():
            meta["meeting_date_text"] = stated.strip()
    return meta
