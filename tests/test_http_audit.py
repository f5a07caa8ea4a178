"""GraphQL-over-HTTP conformance: the graphql-http audit (npm) against the live server."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from tests.conftest import LiveServer

AUDIT = Path(__file__).parent / "http_audit"


def test_graphql_http_audit_passes_every_check(live_server: LiveServer) -> None:
    npm, node = shutil.which("npm"), shutil.which("node")
    assert npm and node, "the audit needs Node.js and npm (make test installs them with apt-get when missing)"
    if not (AUDIT / "node_modules" / "graphql-http").exists():
        installed = subprocess.run([npm, "ci", "--no-audit", "--no-fund"], cwd=AUDIT, capture_output=True,
                                   text=True, timeout=300)
        assert installed.returncode == 0, installed.stderr
    result = subprocess.run([node, "audit.mjs", f"{live_server.url}/graphql"], cwd=AUDIT, capture_output=True,
                            text=True, timeout=300)
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else result.stderr
    failures = [line for line in result.stdout.splitlines() if line and not line.startswith(("ok\t", "61 audits"))]
    assert summary == "61 audits: 61 ok, 0 notice, 0 warn, 0 error", "\n".join(failures) or summary
