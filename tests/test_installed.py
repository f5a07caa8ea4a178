"""Installed as users install it: the wheel that ``pip install .`` builds, put into a fresh
environment with its dependencies, run from a folder that is not the checkout.

The wheel is built from a copy of the checkout (so no build output lands in it), and installed
with ``pip`` from the same package index ``make`` installs from.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import venv
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT, LiveServer, serving

#: What is not part of a source checkout: the environment, VCS data, build output, Node modules.
NOT_SOURCE = shutil.ignore_patterns(".venv", ".git", "build", "dist", "*.egg-info", "node_modules", "__pycache__",
                                    ".pytest_cache", ".ruff_cache", ".evidence-graph", ".compat")


@dataclass(frozen=True)
class Installed:
    """A fresh environment with the wheel installed, and a working folder outside the checkout."""

    wheel: Path
    bin: Path
    home: Path

    def run(self, *args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
        env = {key: value for key, value in os.environ.items() if key not in {"PYTHONPATH", "VIRTUAL_ENV"}}
        return subprocess.run([str(self.bin / args[0]), *args[1:]], cwd=self.home, env=env, capture_output=True,
                              text=True, timeout=timeout)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Installed:
    work = tmp_path_factory.mktemp("installed")
    source, dist, environment, home = work / "source", work / "dist", work / "env", work / "home"
    shutil.copytree(ROOT, source, ignore=NOT_SOURCE)
    home.mkdir()
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist), str(source)],
                           capture_output=True, text=True, timeout=600)
    assert built.returncode == 0, built.stderr
    (wheel,) = dist.glob("evidence_graph-*.whl")
    venv.create(environment, with_pip=True)
    bin_dir = environment / "bin"
    done = subprocess.run([str(bin_dir / "python"), "-m", "pip", "install", "--quiet", str(wheel)], cwd=home,
                          capture_output=True, text=True, timeout=1200)
    assert done.returncode == 0, done.stderr
    return Installed(wheel, bin_dir, home)


def test_the_wheel_holds_one_package_with_its_data(installed: Installed) -> None:
    names = zipfile.ZipFile(installed.wheel).namelist()
    assert {name.split("/")[0] for name in names} == {"evidence_graph", f"{installed.wheel.name.split('-py')[0]}.dist-info"}
    # Every package folder of the checkout is in the wheel (a new one missing from pyproject's list fails here).
    folders = {str(path.parent.relative_to(ROOT)) for path in ROOT.glob("*/**/__init__.py")
               if path.parts[len(ROOT.parts)] not in {"tests", "bench"} and not path.parts[len(ROOT.parts)].startswith(".")}
    assert {f"evidence_graph/{folder}/__init__.py" for folder in folders} <= set(names)
    data = {"corpus/kcc-commissioning-select-committee/manifest.toml", "static/graphiql/index.html",
            "static/graphiql/graphiql.min.js", "docs/queries/1-witnesses-who-raised-tupe.graphql", "schema.graphql",
            "graph/shapes.ttl", "loaders/cues/people.toml", "loaders/cues/uk_local_authorities.csv"}
    assert {f"evidence_graph/{path}" for path in data} <= set(names)
    assert not [name for name in names if name.startswith(("evidence_graph/tests/", "evidence_graph/devset/"))]


def test_installed_names_are_its_own(installed: Installed) -> None:
    assert installed.run("evidence-graph", "--version").stdout.strip() == "evidence-graph 0.1.0"
    found = installed.run("python", "-c", "import evidence_graph.cli as c, evidence_graph.server as s; print(c.__file__)")
    assert found.returncode == 0, found.stderr
    assert "site-packages" in found.stdout and str(ROOT) not in found.stdout
    for common in ("cli", "server", "schema", "graph", "loaders", "pipeline", "serving", "evaluation"):
        missing = installed.run("python", "-c", f"import {common}")
        assert "ModuleNotFoundError" in missing.stderr, common
    # The five format readers, declared as entry points, each found once.
    formats = installed.run("python", "-c", "from evidence_graph.loaders.formats import document_formats as f; "
                                            "print(list(f().names()))")
    assert formats.returncode == 0, formats.stderr
    assert formats.stdout.strip() == "['pdf', 'docx', 'html', 'markdown', 'text']"


def test_installed_serve_builds_and_serves_the_sample(installed: Installed, live_server: LiveServer) -> None:
    store = installed.home / "store"
    with serving(store, installed.home / "serve.log", command=[str(installed.bin / "evidence-graph")],
                 cwd=installed.home) as server:
        health, checkout = server.health(), live_server.health()
        assert (health["nodes"], health["statements"]) == (checkout["nodes"], checkout["statements"])
        query = "{ people(first: 100) { totalCount nodes { name } } }"
        assert server.graphql(query) == live_server.graphql(query)
        status, _, page = server.get("/graphql", {"accept": "text/html"})
        assert status == 200 and b"GraphiQL" in page
        assert page == live_server.get("/graphql", {"accept": "text/html"})[2]  # the same cookbook queries
        status, _, script = server.get("/graphiql/graphiql.min.js")
        assert status == 200 and script == (ROOT / "static" / "graphiql" / "graphiql.min.js").read_bytes()
        status, _, sdl = server.get("/schema.graphql")
        assert status == 200 and sdl.decode() == (ROOT / "schema.graphql").read_text(encoding="utf-8")
    stats = installed.run("evidence-graph", "--store", str(store), "stats").stdout
    assert re.search(r"^documents +2$", stats, re.M), stats


def test_installed_evaluate_asks_for_a_devset_folder(installed: Installed) -> None:
    done = installed.run("evidence-graph", "evaluate")
    assert done.returncode == 1 and "give DEVSET_DIR" in done.stderr, done.stderr
