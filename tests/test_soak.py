"""A bounded soak of the real server on the loopback: many connections for a while, the cookbook's
queries with changing variables (so the answer cache misses), and not one error.

Sizes: ``stress(5, 60)`` seconds at ``stress(16, 64)`` connections (``make stress`` runs the full
size and writes the figures to ``bench/results/hostile-soak-*.json``).
"""

from __future__ import annotations

import asyncio
import json
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass, field

import httpx2
import pytest
from conftest import FULL_STRESS, STRESS, LiveServer, stress
from hostile import (
    ANSWER_SECONDS,
    CLIENT_TIMEOUT,
    Figures,
    KeptAliveConnection,
    MiB,
    ServerProcess,
    soak_bodies,
    soak_variables,
)

pytestmark = pytest.mark.stress

FIGURES = Figures("soak")
SECONDS = stress(5, 60)
CONNECTIONS = stress(16, 64)
#: A ceiling on requests, so that the loop is bounded in count as well as in time.
MOST_REQUESTS = SECONDS * 20_000


@pytest.fixture(scope="module")
def server(live_server: LiveServer, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ServerProcess]:
    """A fresh server of its own on the sample store, so its memory at the start is its own."""
    process = ServerProcess(live_server.store, tmp_path_factory.mktemp("soak") / "server.log")
    process.start()
    yield process
    process.kill()


@dataclass
class SoakRun:
    """What a soak saw: latencies of the answers (seconds) and every failure, described."""

    seconds: float = 0.0
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    by_query: dict[str, int] = field(default_factory=dict)

    def quantile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))] if ordered else float("nan")


async def soak(port: int, seconds: float, connections: int) -> SoakRun:
    """``connections`` clients, each sending its next request as soon as the last is answered."""
    bodies = soak_bodies()
    run = SoakRun()
    sent = 0
    started = time.perf_counter()
    deadline = started + seconds

    async def connection() -> None:
        nonlocal sent
        client = KeptAliveConnection(port)
        try:
            while time.perf_counter() < deadline and sent < MOST_REQUESTS:
                n = sent
                sent += 1
                name, document, variables = bodies[n % len(bodies)]
                body = json.dumps({"query": document, "variables": soak_variables(name, variables, n)}).encode()
                began = time.perf_counter()
                try:
                    status, content = await asyncio.wait_for(client.post("/graphql", body), CLIENT_TIMEOUT)
                except (OSError, asyncio.IncompleteReadError, TimeoutError, ValueError) as error:
                    run.failures.append(f"{name}: {type(error).__name__} {error}")
                    await client.close()
                    continue
                run.latencies.append(time.perf_counter() - began)
                run.by_query[name] = run.by_query.get(name, 0) + 1
                if status != 200 or b'"errors"' in content:
                    run.failures.append(f"{name}: {status} {content[:200]!r}")
        finally:
            await client.close()

    await asyncio.gather(*(connection() for _ in range(connections)))
    run.seconds = time.perf_counter() - started
    return run


def test_soak_answers_every_request(server: ServerProcess) -> None:
    # Once each first: the algorithms' first runs are their own cost, not the soak's.
    for name, document, variables in soak_bodies():
        answer = httpx2.post(server.url + "/graphql", json={"query": document, "variables": variables},
                             timeout=60).json()
        assert "errors" not in answer, (name, answer)
    rss_start, cpu_start, client_cpu = server.rss(), server.cpu_seconds(), time.process_time()
    run = asyncio.run(soak(server.port, SECONDS, CONNECTIONS))
    rss_end, cpu_used, client_cpu = server.rss(), server.cpu_seconds() - cpu_start, time.process_time() - client_cpu
    healthy = server.healthy(timeout=ANSWER_SECONDS)
    health = server.health()
    answered = len(run.latencies)
    FIGURES.record(f"{SECONDS} s at {CONNECTIONS} connections", requests=answered, errors=len(run.failures),
                   requests_per_second=answered / run.seconds, p50_ms=run.quantile(0.5) * 1000,
                   p99_ms=run.quantile(0.99) * 1000, max_ms=max(run.latencies, default=0) * 1000,
                   mean_ms=statistics.fmean(run.latencies) * 1000 if run.latencies else 0,
                   rss_start=rss_start, rss_end=rss_end, rss_growth_mib=(rss_end - rss_start) / MiB,
                   server_cpu_seconds=cpu_used, client_cpu_seconds=client_cpu, by_query=run.by_query, responses_cache=(health.get("caches") or {}).get("responses", health.get("cache")))
    if FULL_STRESS:
        print("\nfigures written to", FIGURES.write({"stress": STRESS, "seconds": SECONDS,
                                                     "connections": CONNECTIONS}))
    assert run.failures == [], f"{len(run.failures)} failures, first: {run.failures[:5]}"
    assert answered > SECONDS * CONNECTIONS, "the soak hardly ran"
    assert set(run.by_query) == {name for name, _, _ in soak_bodies()}
    assert healthy
