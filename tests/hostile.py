"""Tools for attacking a real server from the outside: a server process to start, watch and kill,
timed requests that never wait forever, raw uploads, hostile GraphQL documents and a record of
the figures measured.

A hostile request that hangs the server is the bug being tested for, so every request here has a
client timeout, and :class:`ServerProcess` can be killed and started again.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx2

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
COOKBOOK = ROOT / "docs" / "queries"
#: Seconds a hostile request, and the health check after it, may take (the issue's bound).
ANSWER_SECONDS = 1.0
#: Client timeout: long enough to see how late a slow answer is, short enough not to hang a test.
CLIENT_TIMEOUT = 5.0
#: Words of a server's answer or log that betray Python internals rather than a client-facing message.
PYTHON_LEAKS = re.compile(r"Traceback|File \"|\b(?:Key|Type|Attribute|Value|Index|Unicode\w*|JSONDecode|Recursion)"
                          r"Error\b|binascii|Incorrect padding|Expecting value|codec can't|object has no attribute|"
                          r"line \d+ column \d+ \(char|recursion depth")
#: The shape of a stable error code.
ERROR_CODE = re.compile(r"^[A-Z][A-Z0-9_]+$")


def _clock_ticks() -> int:
    return int(os.sysconf("SC_CLK_TCK"))


class ServerProcess:
    """``evidence-graph serve`` on a store already built, as its own process on a free port.

    Parameters
    ----------
    store : Path
        A built store (the server does not rebuild a store that holds documents).
    log : Path
        File receiving the server's stdout and stderr.
    env : mapping, optional
        Extra environment (budgets the server reads at start).
    args : iterable of str, optional
        Extra ``serve`` arguments.
    """

    def __init__(self, store: Path, log: Path, env: Mapping[str, str] | None = None,
                 args: Iterable[str] = ()) -> None:
        self.store = store
        self.log_path = log
        self.env = {**os.environ, **(env or {})}
        self.args = list(args)
        self.process: subprocess.Popen[bytes] | None = None
        self.port = 0
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def pid(self) -> int:
        assert self.process is not None
        return self.process.pid

    def start(self, wait: float = 120.0) -> None:
        """Start the server and wait until ``/healthz`` answers."""
        self.port = _free_port()
        log = self.log_path.open("ab")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "evidence_graph.cli", "--store", str(self.store), "serve", "--port", str(self.port),
             "--no-access-log", *self.args], stdout=log, stderr=subprocess.STDOUT, cwd=ROOT, env=self.env)
        log.close()
        deadline = time.monotonic() + wait
        while not self.healthy(timeout=2.0):
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise AssertionError("the server did not start:\n" + self.log_text()[-4000:])
            time.sleep(0.2)

    def healthy(self, timeout: float = ANSWER_SECONDS) -> bool:
        """Whether ``/healthz`` answers 200 within ``timeout`` seconds."""
        try:
            return httpx2.get(self.url + "/healthz", timeout=timeout).status_code == 200
        except httpx2.HTTPError:
            return False

    def health(self) -> dict[str, Any]:
        return dict(httpx2.get(self.url + "/healthz", timeout=CLIENT_TIMEOUT).json())

    def rss(self) -> int:
        """Resident memory of the server process, in bytes (``VmRSS``)."""
        for line in Path(f"/proc/{self.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
        raise AssertionError("no VmRSS for the server process")

    def cpu_seconds(self) -> float:
        """User and system CPU time of the server process, all threads."""
        stat = Path(f"/proc/{self.pid}/stat").read_text()
        fields = stat[stat.rindex(")") + 2:].split()
        return (int(fields[11]) + int(fields[12])) / _clock_ticks()

    def watch_rss(self) -> RssWatch:
        """A context sampling the server's memory every few milliseconds (its peak while it runs)."""
        return RssWatch(self)

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace") if self.log_path.exists() else ""

    def log_size(self) -> int:
        return self.log_path.stat().st_size if self.log_path.exists() else 0

    def log_since(self, offset: int) -> str:
        with self.log_path.open("rb") as log:
            log.seek(offset)
            return log.read().decode("utf-8", errors="replace")

    def kill(self) -> None:
        """Stop the server: politely, then by force (a hung server may ignore SIGTERM)."""
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=10)

    def restart(self) -> None:
        self.kill()
        self.restarts += 1
        self.start()


class RssWatch:
    """The server's resident memory sampled in a thread while the ``with`` block runs: a body
    buffered and freed between two readings shows in ``peak``."""

    def __init__(self, server: ServerProcess, every: float = 0.005) -> None:
        self.server = server
        self.every = every
        self.before = self.peak = self.after = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while not self._stop.wait(self.every):
            with contextlib.suppress(OSError, AssertionError):
                self.peak = max(self.peak, self.server.rss())

    def __enter__(self) -> RssWatch:
        self.before = self.peak = self.server.rss()
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        with contextlib.suppress(OSError, AssertionError):
            self.after = self.server.rss()
            self.peak = max(self.peak, self.after)

    @property
    def rise(self) -> int:
        """Bytes of the peak above the memory at the start."""
        return self.peak - self.before


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass
class Outcome:
    """What one request got: a status (None if no answer came in time), body and seconds taken."""

    status: int | None
    seconds: float
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    error: str = ""

    def json(self) -> Any:
        return json.loads(self.body)

    def graphql_errors(self) -> list[dict[str, Any]]:
        """The GraphQL errors of a JSON answer ([] if none or not JSON)."""
        try:
            found = self.json()
        except ValueError:
            return []
        return list(found.get("errors") or []) if isinstance(found, dict) else []

    def codes(self) -> list[str | None]:
        """``extensions.code`` of each GraphQL error."""
        return [(e.get("extensions") or {}).get("code") for e in self.graphql_errors()]

    def describe(self) -> str:
        text = self.body[:300].decode("utf-8", errors="replace")
        return f"status {self.status} in {self.seconds:.3f} s {self.error} {text}".strip()


def send(server: ServerProcess, method: str, path: str, body: bytes | None = None,
         headers: Mapping[str, str] | None = None, params: Mapping[str, str] | None = None,
         timeout: float = CLIENT_TIMEOUT) -> Outcome:
    """One request with a client timeout; a timeout or a dropped connection is an outcome, not an error."""
    started = time.perf_counter()
    try:
        response = httpx2.request(method, server.url + path, content=body, headers=dict(headers or {}),
                                  params=dict(params) if params else None, timeout=timeout)
    except httpx2.HTTPError as error:
        return Outcome(None, time.perf_counter() - started, error=f"{type(error).__name__}: {error}")
    return Outcome(response.status_code, time.perf_counter() - started, response.content,
                   {k.lower(): v for k, v in response.headers.items()})


def post_json(server: ServerProcess, payload: Any, timeout: float = CLIENT_TIMEOUT) -> Outcome:
    return send(server, "POST", "/graphql", json.dumps(payload).encode(),
                {"content-type": "application/json"}, timeout=timeout)


def get_query(server: ServerProcess, query: str, variables: Mapping[str, Any] | None = None,
              timeout: float = CLIENT_TIMEOUT) -> Outcome:
    """The query as a plain GET, as any web page may send it (CORS is ``*``)."""
    params = {"query": query}
    if variables:
        params["variables"] = json.dumps(variables)
    return send(server, "GET", "/graphql", params=params, headers={"accept": "application/json"}, timeout=timeout)


@dataclass
class Upload:
    """What a raw upload got: the status line's code (None if none), bytes sent before the server
    answered or closed, and seconds until the answer."""

    status: int | None
    sent: int
    seconds: float
    head: bytes = b""


def raw_upload(server: ServerProcess, head: bytes, chunks: Iterator[bytes], timeout: float = CLIENT_TIMEOUT) -> Upload:
    """Send ``head`` then ``chunks`` on a raw socket, reading between chunks, until the server answers,
    closes, the chunks run out or ``timeout`` passes; then read the answer's status line.

    A server that refuses a body by its length answers while most of it is still unsent: ``sent``
    shows how much it took in.
    """
    started = time.perf_counter()
    sent = 0
    received = b""
    with socket.create_connection(("127.0.0.1", server.port), timeout=timeout) as sock:
        sock.sendall(head)
        sock.setblocking(False)
        for chunk in chunks:
            received += _read_ready(sock)
            if received or time.perf_counter() - started > timeout:
                break
            view = memoryview(chunk)
            try:
                while view:
                    try:
                        n = sock.send(view)
                    except BlockingIOError:
                        received += _read_ready(sock, wait=0.01)
                        if received or time.perf_counter() - started > timeout:
                            break
                        continue
                    sent += n
                    view = view[n:]
            except (BrokenPipeError, ConnectionResetError):
                break
            if received:
                break
        sock.setblocking(True)
        sock.settimeout(max(0.1, timeout - (time.perf_counter() - started)))
        try:
            while b"\r\n" not in received:
                more = sock.recv(65536)
                if not more:
                    break
                received += more
        except (TimeoutError, ConnectionResetError):
            pass
    seconds = time.perf_counter() - started
    match = re.match(rb"HTTP/1\.[01] (\d{3})", received)
    return Upload(int(match.group(1)) if match else None, sent, seconds, received[:2000])


def _read_ready(sock: socket.socket, wait: float = 0.0) -> bytes:
    import select

    readable, _, _ = select.select([sock], [], [], wait)
    if not readable:
        return b""
    try:
        return sock.recv(65536) or b"\x00closed"
    except (BlockingIOError, ConnectionResetError):
        return b""


def fragment_fanout(depth: int, width: int, tag: str = "F") -> str:
    """``depth`` fragments, each spreading the next ``width`` times: ``width ** depth`` selections
    once expanded, from a document of a few hundred bytes.

    Examples
    --------
    >>> fragment_fanout(2, 3)
    '{...F0} fragment F0 on Query{...F1 ...F1 ...F1} fragment F1 on Query{__typename}'
    """
    parts = ["{..." + tag + "0}"]
    for level in range(depth):
        inner = "__typename" if level == depth - 1 else " ".join([f"...{tag}{level + 1}"] * width)
        parts.append(f"fragment {tag}{level} on Query{{{inner}}}")
    return " ".join(parts)


SEARCH = ("query Search($text: String!) { search(text: $text, first: 5) "
          "{ totalCount nodes { score snippet node { iri } } } }")


def cursor(raw: bytes) -> str:
    """A cursor as the server spells them (URL-safe base64 without padding) around any bytes."""
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def soak_bodies() -> list[tuple[str, str, dict[str, Any]]]:
    """The cookbook's queries and a few parameterised ones (name, document, base variables)."""
    bodies: list[tuple[str, str, dict[str, Any]]] = [
        (path.stem, path.read_text(encoding="utf-8"), {}) for path in sorted(COOKBOOK.glob("*.graphql"))]
    bodies += [
        ("entities-page", "query Page($n: Int!) { entities(first: $n) { totalCount edges { cursor node { iri label } } } }",
         {"n": 1}),
        ("search", SEARCH, {"text": "services"}),
        ("issues-named", "query Issues($text: String!) { issues(where: {name: {contains: $text}}) "
                         "{ totalCount nodes { label } } }", {"text": "TUPE"}),
    ]
    return bodies


SOAK_WORDS = ("TUPE", "children", "services", "framework", "Kent", "council", "fostering", "value", "social",
              "market", "contract", "care", "young", "Salus", "commissioning", "evidence")


def soak_variables(name: str, base: Mapping[str, Any], n: int) -> dict[str, Any]:
    """Variables for the ``n``-th request of a soak: different each time, so the answer cache misses
    (``nonce`` is not declared by the documents, and GraphQL ignores undeclared variables)."""
    variables = {**base, "nonce": n}
    if "n" in variables:
        variables["n"] = 1 + n % 50
    if "text" in variables:
        variables["text"] = SOAK_WORDS[n % len(SOAK_WORDS)]
    return variables


class KeptAliveConnection:
    """One HTTP/1.1 connection kept alive, for load generation: a lean asyncio client (a pooled
    client's bookkeeping per request costs more CPU than the server's answer at 64 connections,
    and the load generator shares the machine with the server).

    Examples
    --------
    >>> KeptAliveConnection.head("/graphql", 12)[:22]
    b'POST /graphql HTTP/1.1'
    """

    def __init__(self, port: int) -> None:
        self.port = port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    @staticmethod
    def head(path: str, length: int) -> bytes:
        return (f"POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                f"Content-Length: {length}\r\n\r\n").encode()

    async def post(self, path: str, body: bytes) -> tuple[int, bytes]:
        """POST ``body``; the status and the response body (the connection is reopened if the server closed it)."""
        if self.writer is None or self.reader is None or self.writer.is_closing():
            self.reader, self.writer = await asyncio.open_connection("127.0.0.1", self.port)
        self.writer.write(self.head(path, len(body)) + body)
        await self.writer.drain()
        status_line = await self.reader.readline()
        if not status_line:
            raise ConnectionError("the server closed the connection")
        headers: dict[str, str] = {}
        while (line := await self.reader.readline()) not in (b"\r\n", b""):
            name, _, value = line.decode("latin-1").partition(":")
            headers[name.strip().lower()] = value.strip()
        if "content-length" in headers:
            content = await self.reader.readexactly(int(headers["content-length"]))
        else:  # chunked
            parts = []
            while (size := int((await self.reader.readline()).split(b";")[0], 16)) > 0:
                parts.append(await self.reader.readexactly(size))
                await self.reader.readline()
            await self.reader.readline()
            content = b"".join(parts)
        if headers.get("connection", "").lower() == "close":
            await self.close()
        return int(status_line.split()[1]), content

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            with contextlib.suppress(OSError):
                await self.writer.wait_closed()
            self.writer = self.reader = None


class Figures:
    """The figures a test module measured: printed as they come (``pytest -s``), and written to
    ``bench/results/hostile-<name>-<time>.json`` when the suite runs at full stress."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.records: dict[str, Any] = {}

    def record(self, key: str, **values: Any) -> None:
        self.records[key] = values
        shown = ", ".join(f"{k}={_show(v)}" for k, v in values.items())
        print(f"\n[{self.name}] {key}: {shown}", flush=True)

    def write(self, extra: Mapping[str, Any]) -> Path:
        RESULTS.mkdir(parents=True, exist_ok=True)
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        path = RESULTS / f"hostile-{self.name}-{stamp}.json"
        path.write_text(json.dumps({**extra, "figures": self.records}, indent=2, default=str) + "\n")
        return path


def _show(value: Any) -> str:
    if isinstance(value, float):
        return f"{value:.3f}"
    if isinstance(value, int) and abs(value) >= 1 << 20:
        return f"{value / (1 << 20):.1f}MiB"
    return str(value)


MiB = 1 << 20
