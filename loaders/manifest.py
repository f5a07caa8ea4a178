"""Corpus manifests: facts about documents that the documents do not state themselves.

A folder may hold ``manifest.toml`` with a ``[committee]`` table (name, authority) and
``[[documents]]`` entries (path, kind, meeting_date, title). Everything is optional.
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
    shared = {k: str(v) for k, v in (("committee", committee.get("name")),
                                      ("authority", committee.get("authority"))) if v}
    result: dict[str, dict[str, str]] = {"": dict(shared)}
    for entry in data.get("documents", []):
        if "path" not in entry:
            raise LoaderError(str(path), "a [[documents]] entry has no path")
        meta = dict(shared)
        meta.update({k: str(v) for k, v in entry.items() if k != "path"})
        result[entry["path"]] = meta
    return result
