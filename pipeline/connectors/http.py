"""A polite HTTP client for connectors: a user agent naming the project, a pause between requests
to one host, timeouts, retries with backoff, and a local cache that makes a second fetch of an
unchanged page a conditional request that downloads nothing.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

#: How the client names itself to the sites it reads.
USER_AGENT = "evidence-graph/0.1 (+https://github.com/evidence-graph; committee papers for a knowledge graph)"

#: Answers worth asking again after a pause: the site is busy or briefly failing.
RETRY_STATUSES = frozenset({429, 500, 502, 503, 504})


class FetchError(Exception):
    """A page could not be fetched: the message names the address and what went wrong."""


@dataclass(frozen=True)
class FetchedPage:
    """A page as fetched.

    Attributes
    ----------
    url : str
        The address asked for.
    body : bytes
    content_type : str
        Its media type, without parameters (``text/html``, ``application/pdf``).
    retrieved : str
        When it was retrieved (ISO 8601, UTC); for an answer from the cache, when it was first.
    from_cache : bool
        Whether the body came from the cache (the site answered 304 Not Modified).
    """

    url: str
    body: bytes
    content_type: str
    retrieved: str
    from_cache: bool = False


@dataclass
class PoliteClient:
    """Fetches pages politely.

    Parameters
    ----------
    cache : Path, optional
        Folder of the local cache (default: none; every fetch downloads).
    pause : float
        Seconds between two requests to the same host.
    timeout : float
        Seconds to wait for a connection or for data before giving up on an attempt.
    retries : int
        Further attempts after a timeout, a lost connection or a 429/5xx answer.
    backoff : float
        Seconds before the first retry; doubled for each further one (a ``Retry-After`` header
        of up to a minute is honoured instead).
    """

    cache: Path | None = None
    pause: float = 1.0
    timeout: float = 30.0
    retries: int = 3
    backoff: float = 1.0
    sleep: Callable[[float], None] = time.sleep
    downloads: int = 0
    _last: dict[str, float] = field(default_factory=dict)

    def get(self, url: str) -> FetchedPage:
        """Fetch a page (from the cache when the site says it has not changed).

        Raises
        ------
        FetchError
            For a 4xx answer (no retry), or once the retries are spent.
        """
        cached = self._cached(url)
        headers = {"User-Agent": USER_AGENT, "Accept": "*/*"}
        if cached is not None:
            meta = cached[1]
            if meta.get("etag"):
                headers["If-None-Match"] = meta["etag"]
            if meta.get("last_modified"):
                headers["If-Modified-Since"] = meta["last_modified"]
        problem = ""
        for attempt in range(self.retries + 1):
            self._wait_turn(url)
            try:
                request = urllib.request.Request(url, headers=headers)
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    body = response.read()
                    self.downloads += 1
                    page = FetchedPage(url, body, _media_type(response.headers.get("Content-Type")), _now())
                    self._store(page, response.headers.get("ETag"), response.headers.get("Last-Modified"))
                    return page
            except urllib.error.HTTPError as error:
                if error.code == 304 and cached is not None:
                    return FetchedPage(url, cached[0], cached[1]["content_type"], cached[1]["retrieved"], True)
                problem = f"HTTP {error.code} {error.reason}"
                if error.code not in RETRY_STATUSES:
                    raise FetchError(f"{url}: {problem}") from None
                delay = _retry_after(error.headers.get("Retry-After"))
            except (urllib.error.URLError, TimeoutError, ConnectionError, OSError) as error:
                reason = getattr(error, "reason", error)
                problem = f"timed out after {self.timeout:g} s" if isinstance(reason, TimeoutError) or \
                    "timed out" in str(reason) else f"cannot connect ({reason})"
                delay = None
            if attempt < self.retries:
                self.sleep(delay if delay is not None else self.backoff * 2 ** attempt)
        raise FetchError(f"{url}: {problem} ({self.retries + 1} attempts)")

    def _wait_turn(self, url: str) -> None:
        host = urllib.parse.urlsplit(url).netloc
        last = self._last.get(host)
        if last is not None:
            wait = self.pause - (time.monotonic() - last)
            if wait > 0:
                self.sleep(wait)
        self._last[host] = time.monotonic()

    def _paths(self, url: str) -> tuple[Path, Path] | None:
        if self.cache is None:
            return None
        name = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.cache / f"{name}.body", self.cache / f"{name}.json"

    def _cached(self, url: str) -> tuple[bytes, dict[str, str]] | None:
        paths = self._paths(url)
        if paths is None or not paths[0].is_file() or not paths[1].is_file():
            return None
        try:
            return paths[0].read_bytes(), json.loads(paths[1].read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _store(self, page: FetchedPage, etag: str | None, last_modified: str | None) -> None:
        paths = self._paths(page.url)
        if paths is None or not (etag or last_modified):
            return
        paths[0].parent.mkdir(parents=True, exist_ok=True)
        # Body first, then its record: a record never names a body that is not whole.
        paths[0].write_bytes(page.body)
        meta = {"url": page.url, "etag": etag or "", "last_modified": last_modified or "",
                "content_type": page.content_type, "retrieved": page.retrieved}
        paths[1].write_text(json.dumps(meta), encoding="utf-8")


def _media_type(header: str | None) -> str:
    return (header or "application/octet-stream").split(";")[0].strip().lower()


def _retry_after(header: str | None) -> float | None:
    """Seconds a ``Retry-After`` header asks for (a number or an HTTP date), at most a minute."""
    if not header:
        return None
    if header.strip().isdigit():
        return min(60.0, float(header))
    when = email.utils.parsedate_to_datetime(header) if "," in header else None
    return None if when is None else max(0.0, min(60.0, when.timestamp() - time.time()))


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


__all__ = ["RETRY_STATUSES", "USER_AGENT", "FetchError", "FetchedPage", "PoliteClient"]
