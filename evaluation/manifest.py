"""The development set's manifest: every document's source address, date retrieved, licence,
body and type, as one Markdown page (``devset/README.md``), made from the ``gold.toml`` files.

``python -m evaluation.manifest > devset/README.md`` writes it; ``tests/test_devset_manifest.py``
checks that the page in the repository is the one the gold files make.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

from evidence_graph.evaluation.gold import GoldDocument, read_devset

#: The repository's development set.
DEFAULT_DEVSET = Path(__file__).resolve().parent.parent / "devset"

_HEADER = """# Development set

Real committee papers as their bodies published them (the text of each page as held in a stored
copy, from its beginning), each with hand annotations in its folder's `gold.toml`
(`docs/ANNOTATION.md` says how they are written). `evidence-graph evaluate` scores the loaders
against them (`docs/EVALUATION.md`). This page is made from the `gold.toml` files by
`python -m evaluation.manifest > devset/README.md`; do not edit it by hand.

Public sector information licensed under the Open Government Licence v3.0; Parliamentary
information licensed under the Open Parliament Licence v3.0 (as each row says).
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render_manifest(documents: list[GoldDocument]) -> str:
    """The manifest page of a development set.

    Parameters
    ----------
    documents : list of GoldDocument
        From :func:`evaluation.gold.read_devset`.

    Returns
    -------
    str
        Markdown: counts by body type, then one row per document (folder, body, body type,
        document type, source address, date retrieved, licence).

    Examples
    --------
    >>> from evidence_graph.evaluation.gold import read_devset
    >>> documents, _ = read_devset(Path(__file__).resolve().parent.parent / "tests" / "fixtures" / "evaluation")
    >>> page = render_manifest(documents)
    >>> page.startswith("# Development set") and "| folder |" in page
    True
    """
    types = Counter(d.body_type for d in documents)
    bodies = {d.body for d in documents}
    lines = [_HEADER, f"{len(documents)} documents from {len(bodies)} bodies.", "",
             "| body type | documents |", "|---|---|"]
    lines += [f"| {t} | {n} |" for t, n in sorted(types.items())]
    lines += ["", "| folder | body | body type | document type | source | retrieved | licence |",
              "|---|---|---|---|---|---|---|"]
    for d in sorted(documents, key=lambda d: d.folder):
        lines.append(f"| {_cell(d.folder)} | {_cell(d.body)} | {d.body_type} | {d.document_type} | "
                     f"<{d.url}> | {d.retrieved} | {_cell(d.licence)} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Print the manifest of a development set (default: the repository's ``devset/``)."""
    args = sys.argv[1:] if argv is None else argv
    folder = Path(args[0]) if args else DEFAULT_DEVSET
    documents, _ = read_devset(folder)
    sys.stdout.write(render_manifest(documents))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
