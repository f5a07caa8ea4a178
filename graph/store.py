"""The embedded store: Oxigraph (RocksDB on disk, or in memory), holding one named graph per
document, one provenance graph per document and the registry graph (with, hidden beside it, the
resolver's memory and the store's own metadata). The ``eg:`` vocabulary is not stored: no
document refers to it, and it is the file ``graph/vocabulary.ttl``.

Loading swaps graphs atomically, in one Oxigraph transaction, so a failure leaves the store
exactly as it was. When nothing stored has to go (new documents, a registry that only grew),
the new quads are added with ``Store.extend`` (one transaction, no SPARQL text to build or
parse); when documents are replaced, one SPARQL UPDATE drops the old graphs and inserts the new
ones.

Every write also stores a new *generation* mark in the store's own metadata graph, inside the
same transaction: a reader in another process (the server) polls :meth:`EvidenceStore.generation`
and reloads when it changes, and since the mark commits with the documents, a writer killed at
any moment leaves a mark that matches what it committed.

Writers take turns: opening a store for writing first takes an advisory lock on ``STORE.lock``
beside the store folder (``fcntl.flock``, holding the writer's pid and start time), waiting up to
``wait`` seconds for another writer. The kernel drops the lock when its holder dies, so a killed
build never leaves a stale lock. Readers (``read_only=True``: stats, export, the server) take no
lock and run beside a writer, seeing the store as it was committed when they opened it (through
hard links to its files, so that the writer's compactions cannot delete a file under them).
"""

from __future__ import annotations

import fcntl
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from evidence_graph.graph.documents import DocumentGraphs
from evidence_graph.graph.entities import Registry
from evidence_graph.graph.iris import document_graph, iri, key_of, provenance_graph, registry_graph, vocabulary_graph
from evidence_graph.graph.lru import BoundedLRU, digest
from evidence_graph.graph.registry import document_nodes, registry_from_graph, registry_graphs
from evidence_graph.graph.vocabulary import EG, ID, SCHEMA, bind_prefixes

_DOC_GRAPH_PREFIX = "graph/doc/"
_PROV_GRAPH_PREFIX = "graph/prov/doc/"
#: IRI prefixes of the graphs that hold a document (its assertions, its provenance).
_DOCUMENT_GRAPH_IRIS = (str(iri(_DOC_GRAPH_PREFIX)), str(iri(_PROV_GRAPH_PREFIX)))


#: The named graph of the store's own metadata (its generation mark). It is not evidence:
#: ``quads``, ``graph_names``, ``len`` and so exports and the server's views leave it out.
STORE_GRAPH = ox.NamedNode(str(iri("graph/store")))
_STORE_NODE = ox.NamedNode(str(iri("store")))
_GENERATION = ox.NamedNode(str(EG.generation))

#: The resolver's memory: the registry entities no stored document refers to now (curated
#: reference data, people read as context, entities of removed documents), kept so that a
#: reload looks names up instead of re-deciding. Like the metadata graph it is not evidence:
#: the registry graph beside the documents holds only what they refer to and what that needs
#: (:func:`graph.registry.registry_graphs`); the two together are the registry.
MEMORY_GRAPH = ox.NamedNode(str(iri("graph/registry-memory")))
MEMORY_GRAPH_IRI = URIRef(MEMORY_GRAPH.value)
#: The ``eg:`` vocabulary, which stores written before the vocabulary stopped being stored hold:
#: no document refers to it, so it is no evidence either.
_VOCABULARY_GRAPH = ox.NamedNode(str(vocabulary_graph()))
_HIDDEN_GRAPHS = frozenset({STORE_GRAPH, MEMORY_GRAPH, _VOCABULARY_GRAPH})

#: Seconds a writer waits for another writer of the same store before giving up (``--wait``).
DEFAULT_WAIT = 60.0


class StoreError(Exception):
    """The store could not be opened or written; the message says why."""


def lock_file(path: Path) -> Path:
    """The advisory lock file of the store folder ``path``: beside it, named after it.

    Examples
    --------
    >>> lock_file(Path(".evidence-graph/store")).as_posix()
    '.evidence-graph/store.lock'
    """
    return path.with_name(path.name + ".lock")


def _tell(message: str) -> None:
    print(f"evidence-graph: {message}", file=sys.stderr, flush=True)


class WriteLock:
    """The lock that makes the writers of one on-disk store take turns.

    An exclusive ``flock`` on :func:`lock_file`, taken before RocksDB is opened for writing; the
    holder writes its pid and start time into the file so that a waiting writer can say who it
    waits for. The file is never deleted (deleting a lock file lets two writers lock two files).

    Parameters
    ----------
    path : Path
        The store folder.

    Examples
    --------
    >>> import tempfile
    >>> store = Path(tempfile.mkdtemp()) / "store"
    >>> first, second = WriteLock(store), WriteLock(store)
    >>> first.acquire(wait=0)
    >>> try:
    ...     second.acquire(wait=0.2, on_wait=print)
    ... except StoreError as error:
    ...     print("gave up:", error)  # doctest: +ELLIPSIS
    another build is writing to ... (pid ..., since ...); waiting…
    gave up: ...: another build (pid ..., since ...) is still writing to the store after 0.2 s of waiting; ...
    >>> first.release()
    >>> second.acquire(wait=0)
    >>> second.holder()[0] == os.getpid()
    True
    >>> second.release()
    """

    def __init__(self, path: Path) -> None:
        self.store = path
        self.path = lock_file(path)
        self._fd: int | None = None

    def holder(self) -> tuple[int | None, float | None]:
        """The pid and start time (epoch seconds) last written by a holder, if readable."""
        try:
            first = self.path.read_text(encoding="utf-8").partition("\n")[0].split()
            return int(first[0]), float(first[1])
        except (OSError, ValueError, IndexError):
            return None, None

    def _describe(self) -> str:
        pid, since = self.holder()
        when = time.strftime("%H:%M:%S", time.localtime(since)) if since is not None else "?"
        return f"pid {pid if pid is not None else '?'}, since {when}"

    def acquire(self, wait: float = DEFAULT_WAIT, on_wait: Callable[[str], None] | None = _tell) -> None:
        """Take the lock, waiting up to ``wait`` seconds for its holder.

        Parameters
        ----------
        wait : float
            Seconds to wait for another writer (0: fail at once).
        on_wait : callable, optional
            Told once, with a one-line message naming the holder, when the lock is held
            (default: printed on standard error).

        Raises
        ------
        StoreError
            If the lock is still held after ``wait`` seconds, or the lock file cannot be made.
        """
        if self._fd is not None:
            return
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        except OSError as error:
            raise StoreError(f"{self.store}: cannot make the lock file {self.path} ({error})") from None
        deadline = time.monotonic() + wait
        told = False
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreError(f"{self.store}: another build ({self._describe()}) is still writing to the "
                                     f"store after {wait:g} s of waiting; try again when it ends, or wait "
                                     f"longer with --wait SECONDS") from None
                if not told and on_wait is not None:
                    on_wait(f"another build is writing to {self.store} ({self._describe()}); waiting…")
                    told = True
                time.sleep(min(0.1, max(deadline - time.monotonic(), 0.0)))
        # Written in place and then cut to length, so a reader never finds the file empty.
        record = f"{os.getpid()} {time.time():.3f}\n".encode()
        os.pwrite(fd, record, 0)
        os.ftruncate(fd, len(record))
        self._fd = fd

    def release(self) -> None:
        """Let the next writer in (closing the file releases the flock)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _generation_quads(store: ox.Store) -> list[ox.Quad]:
    return list(store.quads_for_pattern(_STORE_NODE, _GENERATION, None, STORE_GRAPH))


def _check_base(store: ox.Store, path: Path) -> None:
    """Refuse a store whose IRIs were minted under another base than this process's.

    Every IRI, the store's own metadata graph's included, is made from the base
    (:func:`graph.vocabulary.base_from_environment`), so a store read under another one would
    look empty or be written into with IRIs of two bases.
    """
    for quad in store.quads_for_pattern(None, _GENERATION, None, None):
        if quad.graph_name == STORE_GRAPH:
            return
        found = str(quad.graph_name.value).removesuffix("id/graph/store")  # type: ignore[union-attr]
        raise StoreError(f"{path}: its IRIs are under {found}, but this process mints them under {ID}"
                         f" (set EVIDENCE_GRAPH_BASE={found}, or the EVIDENCE_GRAPH_HOST and "
                         f"EVIDENCE_GRAPH_PORT the store was built with, or use another store)")


def _counter(quad: ox.Quad) -> int:
    head = quad.object.value.partition("-")[0]
    return int(head) if head.isdigit() else 0


def _current_generation(store: ox.Store) -> str | None:
    # Two marks coexist only between an extend and the removal of the older mark: the higher wins.
    marks = _generation_quads(store)
    return max(marks, key=_counter).object.value if marks else None


def _next_generation(marks: list[ox.Quad]) -> ox.Quad:
    # The counter orders marks; the time and pid tell apart two stores that reach the same count.
    counter = max((_counter(quad) for quad in marks), default=0) + 1
    return ox.Quad(_STORE_NODE, _GENERATION, ox.Literal(f"{counter}-{time.time_ns()}-{os.getpid()}"),
                   STORE_GRAPH)


def _folder_signature(path: Path) -> bytes | None:
    """A digest of the store folder's file names, sizes and modification times (None if there is no
    folder).

    Any commit appends to RocksDB's write-ahead log, and flushes and compactions add or remove
    files, so the signature changes whenever the store may have changed.
    """
    for _ in range(_READ_ONLY_ATTEMPTS):
        try:
            listing = list(os.scandir(path))
        except OSError:
            return None
        try:
            entries = sorted((entry.name, entry.stat()) for entry in listing)
        except FileNotFoundError:  # the writer deleted a file after the listing: list again
            continue
        return digest(*(f"{name} {info.st_size} {info.st_mtime_ns}" for name, info in entries))
    return digest(str(time.monotonic_ns()))  # a folder that never holds still: read the mark each time


#: The last generation read per store folder, with the folder signature it was read under.
_GENERATIONS: BoundedLRU[str, tuple[bytes, str | None]] = BoundedLRU(max_entries=64, max_bytes=64_000,
                                                                     sizeof=lambda value: 200)

#: Read-only opens retried: a writer may add or delete files while a reader takes its view.
_READ_ONLY_ATTEMPTS = 8


def _view_prefix(path: Path) -> str:
    return f".{path.name}.read-"


def _remove_stale_views(path: Path) -> None:
    # A reader killed before closing leaves its view behind, holding deleted files' space.
    prefix = _view_prefix(path)
    try:
        leftovers = [entry.path for entry in os.scandir(path.parent) if entry.name.startswith(prefix)]
    except OSError:
        return
    for leftover in leftovers:
        pid = Path(leftover).name[len(prefix):].partition("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(leftover, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _hard_linked_view(path: Path) -> Path | None:
    """A folder beside the store whose entries are hard links to the store's files (None if the
    file system cannot link).

    RocksDB opens table files lazily, and a writer's compaction deletes the files it merged: a
    read-only instance opened on the store itself then fails mid-read ("No such file"). Through
    its own links a reader keeps every file it may need alive until it closes, whatever the
    writer deletes; a file written after the view was taken is missing from it, which the open
    reports, and the open is retried with a new view.
    """
    try:
        view = Path(tempfile.mkdtemp(prefix=f"{_view_prefix(path)}{os.getpid()}-", dir=path.parent))
    except OSError:
        return None
    try:
        for entry in os.scandir(path):
            # The lock and the info logs belong to the writer; a reader needs neither.
            if entry.name != "LOCK" and not entry.name.startswith("LOG"):
                os.link(entry.path, view / entry.name)
    except FileNotFoundError:  # deleted between the listing and the link: the caller retries
        shutil.rmtree(view, ignore_errors=True)
        raise
    except OSError:
        shutil.rmtree(view, ignore_errors=True)
        return None
    return view


def to_oxigraph(term: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    """Convert an rdflib term to a pyoxigraph term.

    Examples
    --------
    >>> to_oxigraph(Literal("£9m", lang="en"))
    <Literal value=£9m language=en>
    """
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot store {term!r}")


def from_oxigraph(term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
    """Convert a pyoxigraph term to an rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if term.language:
        return Literal(term.value, lang=term.language)
    datatype = term.datatype.value
    if datatype == "http://www.w3.org/2001/XMLSchema#string":
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(datatype))


class _TermCache(dict):
    """rdflib terms of pyoxigraph terms, each converted once per read (IRIs and many
    literals recur across quads)."""

    def __missing__(self, term: ox.NamedNode | ox.BlankNode | ox.Literal) -> Node:
        converted = self[term] = from_oxigraph(term)
        return converted


def _oxigraph_quads(name: URIRef, graph: Graph) -> list[ox.Quad]:
    graph_name = ox.NamedNode(str(name))
    return [ox.Quad(to_oxigraph(s), to_oxigraph(p), to_oxigraph(o), graph_name) for s, p, o in graph]


def _delete_data(quads: Iterable[ox.Quad]) -> str:
    return "DELETE DATA { " + " ".join(
        f"GRAPH {q.graph_name} {{ {q.subject} {q.predicate} {q.object} }}" for q in quads) + " }"


def _insert_data(quads: Iterable[ox.Quad]) -> str:
    by_graph: dict[str, list[str]] = {}
    for quad in quads:
        by_graph.setdefault(str(quad.graph_name), []).append(f"{quad.subject} {quad.predicate} {quad.object} .")
    blocks = "".join(f"GRAPH {name} {{\n" + "\n".join(lines) + "\n}\n" for name, lines in by_graph.items())
    return "INSERT DATA {\n" + blocks + "}"


class EvidenceStore:
    """The project's store.

    Parameters
    ----------
    path : Path or None
        Folder of an on-disk store (created if missing); None for an in-memory store.
    read_only : bool
        Open an on-disk store without taking its write lock (a reader beside a writer: stats,
        export, the server). It sees the store as committed when it was opened, through a folder
        of hard links beside the store that keeps the files it reads alive (removed on close).
    wait : float
        Seconds a writer waits for another writer of the same store (see :class:`WriteLock`).
    on_wait : callable, optional
        Told once, in one line, that the writer waits and for whom (default: standard error).

    Raises
    ------
    StoreError
        If the store cannot be opened, or another writer still holds it after ``wait`` seconds.

    Examples
    --------
    >>> store = EvidenceStore()
    >>> store.document_keys()
    []
    """

    def __init__(self, path: Path | None = None, read_only: bool = False, wait: float = DEFAULT_WAIT,
                 on_wait: Callable[[str], None] | None = _tell) -> None:
        self.path = path
        self._lock: WriteLock | None = None
        self._view: Path | None = None
        if path is None:
            self._store = ox.Store()
        elif read_only:
            self._store, self._view = self._open_read_only(path)
            try:
                _check_base(self._store, path)
            except StoreError:
                self.close()
                raise
        else:
            self._lock = WriteLock(path)
            self._lock.acquire(wait, on_wait)
            try:
                self._store = self._open_for_writing(path, wait)
                _check_base(self._store, path)
            except BaseException:
                self._lock.release()
                raise

    @staticmethod
    def _open_read_only(path: Path) -> tuple[ox.Store, Path | None]:
        """A read-only store over a hard-linked view of ``path`` (the view: None if none could be made)."""
        if not path.is_dir():
            raise StoreError(f"{path}: cannot open the store (no such folder)")
        _remove_stale_views(path)
        problem: Exception | None = None
        for attempt in range(_READ_ONLY_ATTEMPTS):
            view = None
            try:
                view = _hard_linked_view(path)
                return ox.Store.read_only(str(view or path)), view
            except (OSError, RuntimeError) as error:  # pyoxigraph reports RocksDB corruption as RuntimeError
                problem = error
                if view is not None:
                    shutil.rmtree(view, ignore_errors=True)
                time.sleep(min(0.02 * 2 ** attempt, 0.5))  # about 2 s in all: a flush or compaction ends
        raise StoreError(f"{path}: cannot open the store ({problem})")

    @staticmethod
    def _open_for_writing(path: Path, wait: float) -> ox.Store:
        deadline = time.monotonic() + wait
        while True:
            try:
                path.mkdir(parents=True, exist_ok=True)
                return ox.Store(str(path))
            except OSError as error:
                # Holding store.lock, RocksDB's own lock can still be taken: by a store object of
                # this process not yet garbage, or by a writer that predates store.lock.
                if "lock" not in str(error).lower() or time.monotonic() >= deadline:
                    held = " (held by a process that does not take the store's lock file)" \
                        if "lock" in str(error).lower() else ""
                    raise StoreError(f"{path}: cannot open the store for writing{held} ({error})") from None
                time.sleep(0.1)

    def close(self) -> None:
        """Close the store and, for a writer, release its write lock.

        Examples
        --------
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp()) / "store"
        >>> with EvidenceStore(folder) as writer:
        ...     writer.document_keys()
        []
        >>> EvidenceStore(folder, wait=0).close()  # the lock was released on leaving the block
        """
        store = self.__dict__.pop("_store", None)
        # The last reference to the pyoxigraph store closes RocksDB: before the next writer may
        # enter, and before a reader's view goes.
        del store
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        if self._view is not None:
            shutil.rmtree(self._view, ignore_errors=True)
            self._view = None

    def __enter__(self) -> EvidenceStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        if "_view" in self.__dict__:
            self.close()

    @property
    def oxigraph(self) -> ox.Store:
        """The underlying pyoxigraph store (for SPARQL and pattern look-ups)."""
        return self._store

    def replace_documents(self, documents: Iterable[DocumentGraphs], registry: Registry) -> None:
        """Swap in documents' graphs and the registry in one transaction.

        Parameters
        ----------
        documents : iterable of DocumentGraphs
            Graphs to (re)place; any existing graphs of the same documents are dropped.
        registry : Registry
            The whole registry after resolution (it only grows: loaded, then extended).

        Raises
        ------
        StoreError
            If the update fails; the store is then unchanged.
        """
        documents = list(documents)
        try:
            # Every term is converted before anything is written: a bad term fails here.
            additions: list[ox.Quad] = []
            replaced: list[ox.NamedNode] = []
            for doc in documents:
                for name, graph in ((doc.graph_name, doc.assertions), (doc.provenance_name, doc.provenance)):
                    additions.extend(_oxigraph_quads(name, graph))
                    if self._store.contains_named_graph(ox.NamedNode(str(name))):
                        replaced.append(ox.NamedNode(str(name)))
            new_nodes = document_nodes(g for doc in documents for g in (doc.assertions, doc.provenance))
            stale, fresh = self._registry_changes(registry, new_nodes, set(replaced))
            additions.extend(fresh)
            marks = _generation_quads(self._store)
            if not (replaced or stale or additions) and marks:
                return  # nothing changes; a store's first write is still marked
            additions.append(_next_generation(marks))
            if replaced or stale:
                # Removals and insertions must share one transaction: a SPARQL UPDATE.
                removals = [f"DROP SILENT GRAPH {name}" for name in replaced]
                if stale or marks:
                    removals.append(_delete_data([*stale, *marks]))
                self._store.update(";\n".join([*removals, _insert_data(additions)]))
                marks = []
            else:
                self._store.extend(additions)
        except Exception as error:  # any failure inside the transaction rolls it back
            raise StoreError(f"store update failed, nothing was written ({error})") from None
        try:
            # Extend cannot remove: the older mark goes after the commit, and until then the
            # newer mark's higher counter makes it the generation.
            for mark in marks:
                self._store.remove(mark)
            if self.path is not None:
                self._store.flush()
        except OSError as error:
            raise StoreError(f"documents stored, but the store could not be tidied or flushed ({error})") from None

    def _registry_changes(self, registry: Registry, new_nodes: Iterable[Node],
                          dropped: set[ox.NamedNode]) -> tuple[set[ox.Quad], set[ox.Quad]]:
        """Quads to remove and to add so that the resolver's memory holds ``registry`` and the
        registry graph holds what the documents refer to once the graphs ``dropped`` are gone
        and the new documents (whose subjects and objects are ``new_nodes``) are in."""
        referenced = set(new_nodes)
        for entity in registry.entities.values():
            node = iri(entity.key)
            if node not in referenced and self._stored_reference(ox.NamedNode(str(node)), dropped):
                referenced.add(node)
        visible, memory = registry_graphs(registry, referenced)
        wanted = set(_oxigraph_quads(registry_graph(), visible))
        wanted.update(_oxigraph_quads(MEMORY_GRAPH_IRI, memory))
        stored = set(self._store.quads_for_pattern(None, None, None, MEMORY_GRAPH))
        stored.update(self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(registry_graph()))))
        return stored - wanted, wanted - stored

    def _stored_reference(self, node: ox.NamedNode, dropped: set[ox.NamedNode]) -> bool:
        """Whether a stored document (its assertions or provenance, not one of ``dropped``)
        has ``node`` as a subject or an object (two index look-ups, stopping at the first)."""
        for pattern in ((node, None, None), (None, None, node)):
            for quad in self._store.quads_for_pattern(*pattern):
                graph = quad.graph_name
                if isinstance(graph, ox.NamedNode) and graph not in dropped and \
                        graph.value.startswith(_DOCUMENT_GRAPH_IRIS):
                    return True
        return False

    def remove_documents(self, keys: Iterable[str]) -> None:
        """Drop documents' assertion and provenance graphs.

        The resolver's memory stays (a reload finds the same entities); the registry graph
        keeps only what the remaining documents refer to.
        """
        names = [g for key in keys for g in (document_graph(key), provenance_graph(key))]
        if not names:
            return
        stale, fresh = self._registry_changes(self.registry(), (), {ox.NamedNode(str(g)) for g in names})
        marks = _generation_quads(self._store)
        self._store.update(";\n".join([*(f"DROP SILENT GRAPH <{g}>" for g in names),
                                        *([_delete_data([*stale, *marks])] if stale or marks else []),
                                        _insert_data([*fresh, _next_generation(marks)])]))

    @staticmethod
    def generation(path: Path) -> str | None:
        """The generation mark of the on-disk store at ``path``: it changes with every commit.

        The mark is written in the same transaction as the documents, so it always names what is
        committed. Reading it opens the store read-only (about 10-20 ms), and only when the store
        folder's files changed since the last read of ``path`` in this process: a server polling
        an idle store only lists a folder.

        Parameters
        ----------
        path : Path
            The store folder.

        Returns
        -------
        str or None
            The mark; None if there is no store at ``path`` (or no write has marked it yet). If the
            store cannot be read just now, the last mark read for ``path``.

        Examples
        --------
        >>> import tempfile
        >>> folder = Path(tempfile.mkdtemp()) / "store"
        >>> EvidenceStore.generation(folder) is None
        True
        >>> with EvidenceStore(folder) as store:
        ...     store.replace_documents([], Registry())
        >>> first = EvidenceStore.generation(folder)
        >>> with EvidenceStore(folder) as store:
        ...     store.remove_documents(["nothing/here"])
        >>> second = EvidenceStore.generation(folder)
        >>> first is not None and second != first, second == EvidenceStore.generation(folder)
        (True, True)
        """
        key = str(path.resolve())
        signature = _folder_signature(path)
        if signature is None:
            return None
        known = _GENERATIONS.get(key)
        if known is not None and known[0] == signature:
            return known[1]
        try:
            mark = EvidenceStore(path, read_only=True).generation_mark()
        except (StoreError, OSError):
            return known[1] if known is not None else None  # read again at the next poll
        _GENERATIONS.put(key, (signature, mark))
        return mark

    def generation_mark(self) -> str | None:
        """The generation mark as this instance sees the store (None before the first write).

        Examples
        --------
        >>> store = EvidenceStore()
        >>> store.generation_mark() is None
        True
        >>> store.replace_documents([], Registry())
        >>> store.generation_mark().startswith("1-"), len(store) == len(store.oxigraph) - 1  # the mark is not evidence
        (True, True)
        """
        return _current_generation(self._store)

    @staticmethod
    def has_documents(path: Path) -> bool:
        """Whether an on-disk store at ``path`` holds any document (read-only: a writer may run).

        Examples
        --------
        >>> import tempfile
        >>> EvidenceStore.has_documents(Path(tempfile.mkdtemp()) / "store")
        False
        """
        if not path.is_dir():
            return False
        try:
            return bool(EvidenceStore(path, read_only=True).document_keys())
        except StoreError:
            return False

    def registry(self) -> Registry:
        """The registry as stored (empty for a new store): the entities documents refer to,
        in the registry graph, and the rest, in the resolver's memory."""
        graph = self.graph(registry_graph())
        graph += self.graph(MEMORY_GRAPH_IRI)
        return registry_from_graph(graph)

    def graph(self, name: URIRef) -> Graph:
        """One named graph as an rdflib graph."""
        graph = bind_prefixes(Graph())
        terms = _TermCache()
        for quad in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))):
            graph.add((terms[quad.subject], terms[quad.predicate], terms[quad.object]))
        return graph

    def graph_names(self) -> list[str]:
        """Names of the named graphs of the evidence, sorted (the metadata graph left out)."""
        return sorted(str(g.value) for g in self._store.named_graphs()
                      if isinstance(g, ox.NamedNode) and g not in _HIDDEN_GRAPHS)

    def document_keys(self) -> list[str]:
        """Keys of the documents in the store."""
        keys = []
        for name in self.graph_names():
            key = key_of(name)
            if key and key.startswith(_DOC_GRAPH_PREFIX):
                keys.append(key[len(_DOC_GRAPH_PREFIX):])
        return keys

    def document_sha256(self, key: str) -> str | None:
        """The sha256 of the bytes a stored document was built from (its provenance record's
        ``schema:sha256``), or None when no document of that key is stored.

        Examples
        --------
        >>> EvidenceStore().document_sha256("c/minutes") is None
        True
        """
        graph = ox.NamedNode(str(provenance_graph(key)))
        for quad in self._store.quads_for_pattern(None, ox.NamedNode(f"{SCHEMA}sha256"), None, graph):
            return quad.object.value
        return None

    def document_size(self, key: str) -> int:
        """Quads of a stored document: its assertion and provenance graphs (0 if not stored)."""
        return sum(1 for name in (document_graph(key), provenance_graph(key))
                   for _ in self._store.quads_for_pattern(None, None, None, ox.NamedNode(str(name))))

    def quads(self) -> Iterator[tuple[Node, Node, Node, Node]]:
        """Every quad of the evidence as rdflib terms (subject, predicate, object, graph); the
        store's own metadata graph (:data:`STORE_GRAPH`) is left out.

        Each distinct term is converted once (a store repeats IRIs many times), and equal terms
        come back as the same rdflib object.

        Raises
        ------
        StoreError
            If RocksDB fails mid-read (pyoxigraph raises RuntimeError, which a reader such as the
            server's watcher would not expect).
        """
        terms = _TermCache()
        default = URIRef("urn:x-default")
        try:
            for quad in self._store:
                graph = quad.graph_name
                if graph in _HIDDEN_GRAPHS:
                    continue
                yield (terms[quad.subject], terms[quad.predicate], terms[quad.object],
                       terms[graph] if isinstance(graph, ox.NamedNode) else default)
        except RuntimeError as error:
            raise StoreError(f"{self.path}: the store could not be read ({error})") from None

    def dataset(self) -> Dataset:
        """The whole store as an rdflib Dataset (for exports and validation)."""
        dataset = Dataset()
        bind_prefixes(dataset)
        for s, p, o, g in self.quads():
            dataset.graph(g).add((s, p, o))
        return dataset

    def __len__(self) -> int:
        """Quads of the evidence (what :meth:`quads` yields): the hidden graphs left out."""
        hidden = sum(1 for graph in _HIDDEN_GRAPHS for _ in self._store.quads_for_pattern(None, None, None, graph))
        return len(self._store) - hidden

    def stats(self) -> dict[str, int]:
        """Counts of what the store serves: quads, documents, graphs, and the registry graph's
        entities by kind (those documents refer to; not the resolver's memory).

        Examples
        --------
        >>> store = EvidenceStore()
        >>> store.stats()
        {'quads': 0, 'documents': 0, 'graphs': 0, 'registry entities': 0}
        """
        registry = registry_from_graph(self.graph(registry_graph()))
        counts: dict[str, int] = {"quads": len(self), "documents": len(self.document_keys()),
                                  "graphs": len(self.graph_names()), "registry entities": len(registry)}
        for entity in registry.entities.values():
            counts[f"  {entity.kind}"] = counts.get(f"  {entity.kind}", 0) + 1
        return counts
