"""Data flows one way: loaders and graph below the build pipeline, the API above the graph.

Loaders never import the store (or anything above them); the graph never imports the loaders;
the pipeline is the only place that joins the two.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

PACKAGE = "evidence_graph."

#: Part of the package → the other parts (or modules) it must not import.
FORBIDDEN = {
    "loaders": {"pipeline", "schema", "serving", "evaluation", "cli", "server", "graph.store", "graph.views",
                "graph.analytics"},
    "graph": {"loaders", "pipeline", "schema", "serving", "evaluation", "cli", "server"},
    "pipeline": {"schema", "serving", "evaluation", "cli", "server"},
    "schema": {"loaders", "pipeline", "serving", "evaluation", "cli", "server"},
}


def imported_modules(path: Path) -> set[str]:
    """Every part of the package a Python file imports, absolute names (relative imports are not used here)."""
    names: set[str] = set()
    # Names are compared without the package prefix: "evidence_graph.graph.store" is "graph.store".
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {name.removeprefix(PACKAGE) for name in names if name.startswith(PACKAGE)}


def _breaks(module: str, forbidden: set[str]) -> bool:
    return any(module == f or module.startswith(f + ".") for f in forbidden)


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_package_imports_only_what_sits_below_it(package: str) -> None:
    offences = sorted(f"{path.relative_to(ROOT)} imports {module}"
                      for path in (ROOT / package).rglob("*.py")
                      for module in imported_modules(path) if _breaks(module, FORBIDDEN[package]))
    assert not offences, "\n".join(offences)


def test_the_check_sees_an_offence(tmp_path: Path) -> None:
    bad = tmp_path / "bad.py"
    bad.write_text("from evidence_graph.graph.store import EvidenceStore\nimport evidence_graph.loaders.mentions\n"
                   "import graph\n")
    found = imported_modules(bad)
    assert _breaks("graph.store", FORBIDDEN["loaders"]) and "graph.store" in found
    assert _breaks("loaders.mentions", FORBIDDEN["graph"]) and "loaders.mentions" in found


#: The folders of the checkout that are parts of the package, and its two top-level modules.
PARTS = {"graph", "schema", "loaders", "serving", "pipeline", "evaluation", "cli", "server"}


def bare_imports(path: Path) -> list[str]:
    """Imports of a part of the package by its folder name ("graph.store"), which only a checkout has."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = ([node.module] if isinstance(node, ast.ImportFrom) and node.module and not node.level
                 else [alias.name for alias in node.names] if isinstance(node, ast.Import) else [])
        found.extend(name for name in names if name.split(".")[0] in PARTS)
    return found


def test_code_imports_its_parts_by_their_installed_names(tmp_path: Path) -> None:
    sources = [*ROOT.glob("*.py"), *(path for part in PARTS for path in (ROOT / part).rglob("*.py")),
               *(ROOT / "tests").rglob("*.py"), *(ROOT / "bench").rglob("*.py")]
    offences = sorted(f"{path.relative_to(ROOT)} imports {name}" for path in sources
                      if "node_modules" not in path.parts for name in bare_imports(path))
    assert not offences, "\n".join(offences)
    bad = tmp_path / "bad.py"
    bad.write_text("import graph.store\nfrom schema import types\nfrom evidence_graph import cli\n")
    assert bare_imports(bad) == ["graph.store", "schema"]
