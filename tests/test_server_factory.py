"""`uvicorn --factory evidence_graph.server:app_from_environment`, as an operator runs it: the settings
`evidence-graph serve` reads, and a refusal to serve a missing or empty store without a word."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from conftest import SAMPLE, free_port

ROOT = Path(__file__).resolve().parent.parent


def test_the_factory_serves_the_store_the_environment_names(tmp_path: Path) -> None:
    env = {**os.environ, "EVIDENCE_GRAPH_STORE": str(tmp_path / "store")}
    built = subprocess.run([sys.executable, "-m", "evidence_graph.cli", "build", "--quiet", str(SAMPLE)], env=env, cwd=ROOT,
                           capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stderr
    port = free_port()
    process = subprocess.Popen([sys.executable, "-m", "uvicorn", "--factory", "evidence_graph.server:app_from_environment",
                                "--port", str(port)], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5) as answer:
                    health = json.loads(answer.read())
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, process.stdout.read() \
                    if process.stdout else ""
                time.sleep(0.25)
        assert health["nodes"] > 100
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_the_factory_refuses_a_missing_or_empty_store(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    for store in (tmp_path / "missing", tmp_path / "empty"):
        env = {**os.environ, "EVIDENCE_GRAPH_STORE": str(store)}
        result = subprocess.run([sys.executable, "-m", "uvicorn", "--factory", "evidence_graph.server:app_from_environment",
                                 "--port", str(free_port())], env=env, cwd=ROOT, capture_output=True, text=True,
                                timeout=120)
        assert result.returncode != 0
        assert f"{store}: no store, or a store with no documents" in result.stdout + result.stderr
