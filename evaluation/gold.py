"""Read ``gold.toml`` hand annotations (docs/ANNOTATION.md) into typed records.

Every problem (bad TOML, a missing source field, an entity without a name, a document file that
does not exist) raises :class:`GoldError`, whose message starts with the file's path.
"""

from __future__ import annotations

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from evidence_graph.evaluation import FAMILIES

#: The name of the annotation file in each devset folder.
GOLD_NAME = "gold.toml"

#: ``[source]`` fields every annotation must give (non-empty strings).
REQUIRED_SOURCE = ("url", "retrieved", "licence", "body", "body_type", "file")

#: Body types docs/ANNOTATION.md allows.
BODY_TYPES = frozenset({"county", "district", "unitary", "metropolitan", "london-borough", "scottish-council",
                        "welsh-council", "ni-council", "uk-parliament", "devolved-parliament", "nhs", "police",
                        "fire", "combined-authority", "other"})


class GoldError(ValueError):
    """A ``gold.toml`` that cannot be read; the message names the file."""


@dataclass(frozen=True)
class GoldEntity:
    """One annotated entity: its fullest name, other forms, and any other fields (``post`` …).

    Examples
    --------
    >>> GoldEntity("Rita Clarke", ("R. Clarke",)).names
    ('Rita Clarke', 'R. Clarke')
    """

    name: str
    aliases: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def names(self) -> tuple[str, ...]:
        """The name and its aliases, name first."""
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class GoldMeeting:
    """The ``[meeting]`` table: the committee that met and the date, when given."""

    committee: str | None = None
    date: str | None = None


@dataclass(frozen=True)
class GoldDocument:
    """One devset document's annotations.

    ``folder`` is the devset folder's name (the document's identity in reports); ``path`` the
    ``gold.toml`` file; ``document`` the annotated file (``[source] file``, in the same folder).
    """

    folder: str
    path: Path
    url: str
    retrieved: str
    licence: str
    body: str
    body_type: str
    file: str
    document_type: str = "other"
    note: str | None = None
    meeting: GoldMeeting | None = None
    entities: dict[str, tuple[GoldEntity, ...]] = field(default_factory=dict)

    @property
    def document(self) -> Path:
        """The annotated document file."""
        return self.path.parent / self.file

    def family(self, name: str) -> tuple[GoldEntity, ...]:
        """The annotated entities of one family (empty when the list is empty or absent)."""
        return self.entities.get(name, ())


def _text(value: Any, where: str, path: Path, required: bool = True) -> str | None:
    if value is None and not required:
        return None
    if isinstance(value, datetime.date):  # an unquoted TOML date (retrieved = 2026-12-01)
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        raise GoldError(f"{path}: {where} must be a non-empty string" + (" (missing)" if value is None else ""))
    return value.strip()


def _entity(raw: Any, family: str, index: int, path: Path) -> GoldEntity:
    where = f"[[{family}]] #{index + 1}"
    if not isinstance(raw, dict):
        raise GoldError(f"{path}: {where} must be a table with a name")
    name = _text(raw.get("name"), f"{where} name", path)
    aliases = raw.get("aliases", [])
    if isinstance(aliases, str):
        aliases = [aliases]
    if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
        raise GoldError(f"{path}: {where} ({name}) aliases must be a list of strings")
    extra = {k: v for k, v in raw.items() if k not in ("name", "aliases")}
    return GoldEntity(name or "", tuple(a.strip() for a in aliases if a.strip()), extra)


def parse_gold(data: dict[str, Any], path: Path) -> GoldDocument:
    """Check and convert a parsed ``gold.toml`` table.

    Parameters
    ----------
    data : dict
        The TOML document.
    path : Path
        The file it came from (named in errors; its folder names the document).

    Returns
    -------
    GoldDocument

    Raises
    ------
    GoldError
        For a missing or empty source field, an unknown body type, or a malformed entity list.

    Examples
    --------
    >>> source = {"url": "https://x.example/1", "retrieved": "2026-12-01", "licence": "OGL",
    ...           "body": "Example DC", "body_type": "district", "file": "page.txt"}
    >>> gold = parse_gold({"source": source, "people": [{"name": "Rita Clarke", "aliases": ["R. Clarke"]}],
    ...                    "places": []}, Path("devset/example/gold.toml"))
    >>> gold.folder, gold.family("people")[0].names, gold.family("places")
    ('example', ('Rita Clarke', 'R. Clarke'), ())
    >>> parse_gold({"source": {**source, "url": ""}}, Path("devset/example/gold.toml"))
    Traceback (most recent call last):
    ...
    evidence_graph.evaluation.gold.GoldError: devset/example/gold.toml: [source] url must be a non-empty string
    """
    source = data.get("source")
    if not isinstance(source, dict):
        raise GoldError(f"{path}: no [source] table")
    fields = {name: _text(source.get(name), f"[source] {name}", path) for name in REQUIRED_SOURCE}
    if fields["body_type"] not in BODY_TYPES:
        raise GoldError(f"{path}: [source] body_type {fields['body_type']!r} is not one of "
                        f"{', '.join(sorted(BODY_TYPES))}")
    meeting = None
    if "meeting" in data:
        raw = data["meeting"]
        if not isinstance(raw, dict):
            raise GoldError(f"{path}: [meeting] must be a table")
        date = raw.get("date")
        meeting = GoldMeeting(_text(raw.get("committee"), "[meeting] committee", path, required=False),
                              str(date) if date is not None else None)
    entities: dict[str, tuple[GoldEntity, ...]] = {}
    for family in FAMILIES:
        raw_list = data.get(family, [])
        if not isinstance(raw_list, list):
            raise GoldError(f"{path}: {family} must be a list of tables ([[{family}]])")
        entities[family] = tuple(_entity(raw, family, i, path) for i, raw in enumerate(raw_list))
    return GoldDocument(folder=path.parent.name, path=path, document_type=str(source.get("document_type") or "other"),
                        note=source.get("note"), meeting=meeting, entities=entities,
                        **{k: v or "" for k, v in fields.items()})


def read_gold(path: Path, check_file: bool = True) -> GoldDocument:
    """Read one ``gold.toml``.

    Parameters
    ----------
    path : Path
        The ``gold.toml`` file (or its folder).
    check_file : bool
        Also check that the annotated document (``[source] file``) exists.

    Returns
    -------
    GoldDocument

    Raises
    ------
    GoldError
        The file is missing or not valid TOML, or :func:`parse_gold` refuses it; the message
        starts with the path.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp())
    >>> _ = (folder / "gold.toml").write_text("[source\\nurl = 1")
    >>> read_gold(folder)
    Traceback (most recent call last):
    ...
    evidence_graph.evaluation.gold.GoldError: .../gold.toml: not valid TOML (...(at line 1, column 8))
    """
    if path.is_dir():
        path = path / GOLD_NAME
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except OSError as error:
        raise GoldError(f"{path}: cannot read ({error.strerror})") from error
    except tomllib.TOMLDecodeError as error:
        raise GoldError(f"{path}: not valid TOML ({error})") from error
    gold = parse_gold(data, path)
    if check_file and not gold.document.is_file():
        raise GoldError(f"{path}: [source] file {gold.file!r} does not exist in {path.parent}")
    return gold


def read_devset(folder: Path) -> tuple[list[GoldDocument], list[str]]:
    """Read every ``<folder>/*/gold.toml``.

    Parameters
    ----------
    folder : Path
        The devset folder.

    Returns
    -------
    tuple of (list of GoldDocument, list of str)
        The documents, sorted by folder name, and one line per sub-folder that was skipped (no
        ``gold.toml`` yet, or a :class:`GoldError`).

    Raises
    ------
    GoldError
        When ``folder`` is not a readable folder.

    Examples
    --------
    >>> fixtures = Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "evaluation"
    >>> documents, problems = read_devset(fixtures)
    >>> [(d.body, len(d.family("people"))) for d in documents], problems
    ([('Alpha District Council', 4), ('Beta County Council', 2)], [])
    """
    if not folder.is_dir():
        raise GoldError(f"{folder}: no such devset folder")
    try:
        subfolders = sorted(p for p in folder.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))
    except OSError as error:
        raise GoldError(f"{folder}: cannot list the devset ({error.strerror})") from error
    documents: list[GoldDocument] = []
    problems: list[str] = []
    for sub in subfolders:
        if not (sub / GOLD_NAME).exists():
            problems.append(f"{sub}: no {GOLD_NAME} (skipped)")
            continue
        try:
            documents.append(read_gold(sub))
        except GoldError as error:
            problems.append(f"{error} (skipped)")
    return documents, problems


__all__ = ["BODY_TYPES", "GOLD_NAME", "REQUIRED_SOURCE", "GoldDocument", "GoldEntity", "GoldError", "GoldMeeting",
           "parse_gold", "read_devset", "read_gold"]
