"""Readers and writers of one on-disk store coordinate: readers (stats, export, a server) work while
a build writes; a second writer waits for the first, then gives up in one clear line; a build
killed at any moment leaves the old or the new state, with a generation mark that says which, so a
watching server reloads to what was committed; a server killed while it reloads changes nothing.

Builds and servers here are real child processes (``python -m cli``), killed with SIGKILL.
"""

from __future__ import annotations

import importlib.util
import os
import random
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.request
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import SAMPLE, free_port, stress
from starlette.testclient import TestClient

from evidence_graph.graph.entities import Entity
from evidence_graph.graph.export import serialise
from evidence_graph.graph.store import EvidenceStore, WriteLock
from evidence_graph.server import ServerSettings, create_app, load_snapshot

ROOT = Path(__file__).parents[1]
CLI = [sys.executable, "-m", "evidence_graph.cli"]
#: The progress bar's last step ("[####] 2/2 name"): every document is built, the commit comes next.
LAST_STEP = re.compile(r"\] (\d+)/\1 ")
WAITING = re.compile(r"^evidence-graph: another build is writing to (?P<store>\S+) \(pid (?P<pid>\d+), "
                     r"since \d\d:\d\d:\d\d\); waiting…$")
GAVE_UP = re.compile(r"^evidence-graph: (?P<store>\S+): another build \(pid (?P<pid>\d+), since \d\d:\d\d:\d\d\) "
                     r"is still writing to the store after (?P<wait>[\d.]+) s of waiting; .*--wait SECONDS$")

Quads = frozenset[tuple[str, ...]]


def write_corpus(folder: Path, meetings: int, seed: int) -> Path:
    """Synthetic meetings (bench/synthetic_corpus.py): new documents that extend the sample's store."""
    spec = importlib.util.spec_from_file_location("synthetic_corpus", ROOT / "bench" / "synthetic_corpus.py")
    assert spec is not None and spec.loader is not None
    module = sys.modules.setdefault(spec.name, importlib.util.module_from_spec(spec))
    spec.loader.exec_module(module)  # registered first: its dataclasses look their module up
    module.write_corpus(folder, meetings=meetings, seed=seed)
    return folder


def quads_of(path: Path) -> Quads:
    return frozenset(tuple(str(term) for term in quad) for quad in EvidenceStore(path, read_only=True).quads())


def copy_store(source: Path, target: Path) -> Path:
    shutil.copytree(source, target)
    return target


def point(link: Path, folder: Path) -> None:
    """Make ``link`` name ``folder`` in one atomic rename (a watcher never sees it missing)."""
    fresh = link.with_name(link.name + ".new")
    fresh.unlink(missing_ok=True)
    fresh.symlink_to(folder, target_is_directory=True)
    os.replace(fresh, link)


def folder_sizes(path: Path) -> list[tuple[str, int]]:
    try:
        return sorted((entry.name, entry.stat().st_size) for entry in os.scandir(path))
    except OSError:  # a file went away between the listing and its stat: the folder is changing
        return []


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 120.0, every: float = 0.02) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting until {what}")
        time.sleep(every)


class Build:
    """``evidence-graph build`` as a child process, its standard error read as it comes."""

    def __init__(self, store: Path, *arguments: str) -> None:
        self.started = time.monotonic()
        self.process = subprocess.Popen([*CLI, "--store", str(store), "build", *arguments], cwd=ROOT,
                                        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        self.last_step = threading.Event()
        self.stepped: float | None = None  #: when the last step showed
        self.ended: float | None = None
        self._stderr = ""
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stderr is not None
        while chunk := self.process.stderr.read1(4096):
            self._stderr += chunk.decode("utf-8", "replace")
            if not self.last_step.is_set() and LAST_STEP.search(self._stderr):
                self.stepped = time.monotonic()
                self.last_step.set()
        self.process.wait()
        self.ended = time.monotonic()

    @property
    def pid(self) -> int:
        return self.process.pid

    @property
    def stderr(self) -> str:
        """Standard error so far."""
        return self._stderr

    def running(self) -> bool:
        return self.process.poll() is None

    def holds(self, store: Path) -> bool:
        """Whether this build has taken the store's write lock (its pid is in the lock file)."""
        return WriteLock(store).holder()[0] == self.pid

    def finish(self, timeout: float = 600) -> tuple[int, list[str]]:
        """The exit code and the lines of standard error (progress bars left out)."""
        code = self.process.wait(timeout=timeout)
        self._reader.join(timeout=30)
        lines = [line for line in re.split(r"[\r\n]", self._stderr) if line and not line.startswith("[")]
        return code, lines

    def kill(self) -> None:
        self.process.kill()
        self.finish()


@dataclass
class Corpora:
    base: Path  #: a store holding the sample (closed: any process may open it)
    document: Path  #: the minutes of a synthetic meeting: one new document
    three: Path  #: three synthetic meetings (six documents)


@pytest.fixture(scope="module")
def corpora(sample_store: EvidenceStore, tmp_path_factory: pytest.TempPathFactory) -> Corpora:
    root = tmp_path_factory.mktemp("coordination")
    sample_store.oxigraph.backup(str(root / "base"))  # a checkpoint: hard links, then independent
    minutes = next(path for path in write_corpus(root / "one", 1, seed=7).rglob("*.txt") if "minutes" in path.name)
    return Corpora(root / "base", minutes, write_corpus(root / "three", 3, seed=11))


@dataclass
class Reference:
    """The old state (the sample), the new state (one document built onto it, uninterrupted), their
    server versions, the build's timing, and what read-only opens saw while it wrote."""

    old: Quads
    new: Quads
    old_keys: tuple[str, ...]
    new_keys: tuple[str, ...]
    old_mark: str | None
    new_mark: str | None
    old_version: str
    new_version: str
    seconds: float
    commit_seconds: float  #: from the progress bar's last step to the build's exit
    seen: list[tuple[str | None, int, tuple[str, ...]]]
    unreadable: int


@pytest.fixture(scope="module")
def reference(corpora: Corpora, tmp_path_factory: pytest.TempPathFactory) -> Reference:
    store = copy_store(corpora.base, tmp_path_factory.mktemp("reference") / "store")
    seen: list[tuple[str | None, int, tuple[str, ...]]] = []
    unreadable = 0
    build = Build(store, str(corpora.document))
    while build.running():
        try:
            reader = EvidenceStore(store, read_only=True)
            seen.append((reader.generation_mark(), len(reader), tuple(reader.document_keys())))
            del reader
        except Exception:  # counted: the test below requires every open during a write to succeed
            unreadable += 1
        time.sleep(0.02)
    code, errors = build.finish()
    assert code == 0, errors
    assert build.stepped is not None and build.ended is not None
    return Reference(old=quads_of(corpora.base), new=quads_of(store),
                     old_keys=tuple(EvidenceStore(corpora.base, read_only=True).document_keys()),
                     new_keys=tuple(EvidenceStore(store, read_only=True).document_keys()),
                     old_mark=EvidenceStore(corpora.base, read_only=True).generation_mark(),
                     new_mark=EvidenceStore(store, read_only=True).generation_mark(),
                     old_version=load_snapshot(corpora.base).version, new_version=load_snapshot(store).version,
                     seconds=build.ended - build.started, commit_seconds=build.ended - build.stepped,
                     seen=seen, unreadable=unreadable)


def test_stats_export_and_a_second_build_while_a_build_holds_the_store(corpora: Corpora, tmp_path: Path) -> None:
    store = copy_store(corpora.base, tmp_path / "store")
    expected_export = set(serialise(EvidenceStore(store, read_only=True).quads(), "nquads").splitlines())
    build = Build(store, "--quiet", str(corpora.three))
    try:
        wait_until(lambda: build.holds(store) or not build.running(), "the build takes the write lock")
        assert build.running(), build.finish()
        stats = subprocess.Popen([*CLI, "--store", str(store), "stats"], cwd=ROOT, text=True,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        export = subprocess.Popen([*CLI, "--store", str(store), "export", "--format", "nquads",
                                   "-o", str(tmp_path / "export.nq")], cwd=ROOT, text=True,
                                  stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        second = subprocess.Popen([*CLI, "--store", str(store), "build", "--wait", "1", "--quiet", str(SAMPLE)],
                                  cwd=ROOT, text=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        stats_out, stats_err = stats.communicate(timeout=300)
        _, export_err = export.communicate(timeout=300)
        second_out, second_err = second.communicate(timeout=300)
        assert build.running(), "the build ended before its readers did: nothing was shown"
    finally:
        build.kill()
    assert stats.returncode == 0, stats_err
    counts = {line[:24].strip(): int(line[24:].replace(",", "")) for line in stats_out.splitlines()}
    assert counts["documents"] == 2 and counts["quads"] == len(EvidenceStore(store, read_only=True))
    assert export.returncode == 0, export_err
    assert set((tmp_path / "export.nq").read_text(encoding="utf-8").splitlines()) == expected_export
    # The second writer says whom it waits for, then gives up in one line: no RocksDB message.
    assert second.returncode == 1 and second_out == ""
    lines = second_err.splitlines()
    assert len(lines) == 2, second_err
    waiting, gave_up = WAITING.match(lines[0]), GAVE_UP.match(lines[1])
    assert waiting and waiting["store"] == str(store) and int(waiting["pid"]) == build.pid, lines[0]
    assert gave_up and gave_up["store"] == str(store) and int(gave_up["pid"]) == build.pid, lines[1]
    assert float(gave_up["wait"]) == 1
    assert "lock" not in second_err.lower().replace("store.lock", "")


def test_a_waiting_build_goes_ahead_when_the_writer_ends(corpora: Corpora, tmp_path: Path) -> None:
    store = copy_store(corpora.base, tmp_path / "store")
    holder = WriteLock(store)
    holder.acquire(wait=0)
    try:
        build = Build(store, "--quiet", "--wait", "600", str(corpora.document))
        wait_until(lambda: "waiting…" in build.stderr or not build.running(), "the build says it waits")
        assert build.running() and not build.holds(store)
        message = build.stderr.strip()
        assert WAITING.match(message) and f"(pid {os.getpid()}, since " in message, message
    finally:
        holder.release()
    code, lines = build.finish()
    assert code == 0, lines
    assert len(EvidenceStore(store, read_only=True).document_keys()) == 3


def test_read_only_opens_during_a_write_see_the_old_or_the_new_state(reference: Reference) -> None:
    old = (reference.old_mark, len(reference.old), reference.old_keys)
    new = (reference.new_mark, len(reference.new), reference.new_keys)
    assert old != new and reference.old_mark != reference.new_mark
    assert reference.unreadable == 0, "a read-only open failed beside the writer"
    assert len(reference.seen) >= 10, "too few opens while the build ran to tell anything"
    mixed = [state for state in reference.seen if state not in (old, new)]
    assert mixed == []


def served_version(client: TestClient) -> str:
    return str(client.get("/healthz").json()["version"])


def serves_steadily(client: TestClient, version: str, timeout: float = 120.0, steady: float = 0.3) -> None:
    """Wait until the server answers from ``version``, and keeps doing so for ``steady`` seconds."""
    deadline = time.monotonic() + timeout
    since: float | None = None
    while time.monotonic() < deadline:
        if served_version(client) == version:
            since = since or time.monotonic()
            if time.monotonic() - since >= steady:
                return
        else:
            since = None
        time.sleep(0.05)
    raise AssertionError(f"the server did not settle on version {version} (serving {served_version(client)})")


def wait_for_moment(build: Build, moment: str, folder: Path, rng: random.Random, reference: Reference) -> None:
    """Sleep until a random point of ``moment`` in the build's life."""
    if moment == "anywhere":
        time.sleep(rng.uniform(0, reference.seconds * 1.1))
        return
    build.last_step.wait(timeout=600)
    if moment == "before the commit":
        time.sleep(rng.uniform(0, reference.commit_seconds * 1.2))
        return
    # The commit appends to the write-ahead log: kill as soon as the folder grows.
    sizes = folder_sizes(folder)
    wait_until(lambda: folder_sizes(folder) != sizes or not build.running(), "the commit starts", every=0.002)
    time.sleep(rng.uniform(0, 0.05))


@pytest.mark.stress
def test_a_build_killed_at_any_moment_leaves_the_old_or_the_new_state_and_the_server_follows(
        corpora: Corpora, reference: Reference, tmp_path: Path) -> None:
    trials = stress(5, 30)
    rng = random.Random(2026)
    link = tmp_path / "store"
    point(link, copy_store(corpora.base, tmp_path / "trial-start"))
    outcomes: Counter[tuple[str, str]] = Counter()
    app = create_app(ServerSettings(store=link, reload_seconds=0.1))
    with TestClient(app) as client:
        assert served_version(client) == reference.old_version
        for trial in range(trials):
            folder = copy_store(corpora.base, tmp_path / f"trial-{trial}")
            point(link, folder)
            serves_steadily(client, reference.old_version, steady=0.1)
            moment = ("anywhere", "before the commit", "during the commit")[trial % 3]
            build = Build(link, str(corpora.document))
            wait_for_moment(build, moment, folder, rng, reference)
            build.kill()
            state = quads_of(link)
            assert state in (reference.old, reference.new), f"trial {trial}: a mixed state"
            committed = state == reference.new
            mark = EvidenceStore.generation(link)
            assert (mark != reference.old_mark) == committed, f"trial {trial}: the mark disagrees with the state"
            serves_steadily(client, reference.new_version if committed else reference.old_version)
            with EvidenceStore(link, wait=0) as writer:  # no stale lock; RocksDB recovers for the next writer
                assert writer.generation_mark() == mark
            outcomes[moment, "new" if committed else "old"] += 1
    print(f"\nkills mid-build: {trials} trials, " +
          ", ".join(f"{moment}: {state} {count}" for (moment, state), count in sorted(outcomes.items())))
    assert sum(outcomes.values()) == trials


#: How often the servers started here poll the store (seconds; the default is 2).
RELOAD_SECONDS = 0.5


def start_server(store: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    environment = {**os.environ, "EVIDENCE_GRAPH_RELOAD_SECONDS": str(RELOAD_SECONDS)}
    with log.open("ab") as output:
        process = subprocess.Popen([*CLI, "--store", str(store), "serve", "--port", str(port), "--no-access-log"],
                                   cwd=ROOT, stdout=output, stderr=subprocess.STDOUT, env=environment)
    url = f"http://127.0.0.1:{port}/healthz"

    def healthy() -> bool:
        assert process.poll() is None, log.read_text(encoding="utf-8")
        try:
            with urllib.request.urlopen(url, timeout=10) as response:
                return response.status == 200
        except OSError:
            return False

    wait_until(healthy, "the server answers", every=0.1)
    return process, url


def health_version(url: str) -> str:
    import json

    with urllib.request.urlopen(url, timeout=30) as response:
        return str(json.loads(response.read())["version"])


@pytest.mark.stress
def test_a_server_killed_while_it_reloads_changes_nothing_and_a_restarted_server_serves(
        corpora: Corpora, tmp_path: Path) -> None:
    trials = stress(1, 10)
    rng = random.Random(6)
    store = copy_store(corpora.base, tmp_path / "store")
    started = time.monotonic()
    load_snapshot(store)
    load_seconds = time.monotonic() - started
    server, url = start_server(store, tmp_path / "server.log")
    try:
        for trial in range(trials):
            with EvidenceStore(store, wait=60) as writer:  # a commit the server will reload
                registry = writer.registry()
                registry.add(Entity(f"org/trial-{trial}", "Organisation", f"Trial {trial} Trust"))
                writer.replace_documents([], registry)
            committed, mark = quads_of(store), EvidenceStore.generation(store)
            # The server polls, then reads the store and rebuilds its views: kill somewhere in there.
            time.sleep(rng.uniform(0, RELOAD_SECONDS + 2 * load_seconds))
            server.kill()
            server.wait()
            assert quads_of(store) == committed and EvidenceStore.generation(store) == mark
            with EvidenceStore(store, wait=0):  # a reader holds no lock: none is left behind
                pass
            killed = server.pid
            server, url = start_server(store, tmp_path / "server.log")
            assert health_version(url) == load_snapshot(store).version
            # A view the killed server was reading through is removed by the next reader.
            assert not [name for name in os.listdir(tmp_path) if name.startswith(f".store.read-{killed}-")]
    finally:
        server.kill()
        server.wait()
