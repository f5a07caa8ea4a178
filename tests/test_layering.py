"""Data flows one way: loaders and graph below the build pipeline, the API above the graph.

Loaders never import the store (or anything above them); the graph never imports the loaders;
the pipeline is the only place that joins the two.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: Package → the top-level packages (or modules) it must not import.
FORBIDDEN = {
    "loaders": {"pipeline", "schema", "serving", "evaluation", "cli", "server", "graph.store", "graph.views",
                "graph.analytics"},
    "graph": {"loaders", "pipeline", "schema", "serving", "evaluation", "cli", "server"},
    "pipeline": {"schema", "serving", "evaluation", "cli", "server"},
    "schema": {"loaders", "pipeline", "serving", "evaluation", "cli", "server"},
}


def imported_modules(path: Path) -> set[str]:
    """Every module a Python file imports, absolute names (relative imports are not used here)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and not node.level:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return names


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
    bad.write_text("from graph.store import EvidenceStore\nimport loaders.mentions\n")
    found = imported_modules(bad)
    assert _breaks("graph.store", FORBIDDEN["loaders"]) and "graph.store" in found
    assert _breaks("loaders.mentions", FORBIDDEN["graph"]) and "loaders.mentions" in found
