"""Build the graph from documents: read → structure → mentions → resolution → triples →
validation → one atomic swap into the store.

Documents of one meeting are read together: the agenda tells the minutes who the witnesses
were. Documents in one folder belong to one meeting when their manifest says so, or when
their texts give the same date and committee (and no two different authorities); any other
document is read alone. A single file is read with the other documents of its meeting in its
folder as context (they are parsed for context only, not stored).
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Literal

from evidence_graph.graph.documents import DocumentGraphs
from evidence_graph.graph.entities import Entity, Registry
from evidence_graph.graph.iris import key_of
from evidence_graph.graph.registry import registry_subgraph, registry_to_graph
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.validation import ValidationError, conform, invalid_iris, quote_failures, shacl_failures
from evidence_graph.graph.vocabulary import EG, PROV, RDF, RDFS, SCHEMA
from evidence_graph.loaders.blocks import ParsedDocument
from evidence_graph.loaders.context import CorpusContext, gather_context, group_meetings, html_metadata
from evidence_graph.loaders.document import Document, read_document
from evidence_graph.loaders.errors import LoaderError, UnreadableDocument
from evidence_graph.loaders.formats import readable_suffixes
from evidence_graph.loaders.manifest import MANIFEST_NAME, read_manifest
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.rdf import document_graphs
from evidence_graph.loaders.resolution import FigureRecord, resolve_document, seed_registry
from evidence_graph.loaders.structure import parse_document

#: The bundled sample corpus (the default input of ``evidence-graph build``).
DEFAULT_CORPUS = Path(__file__).resolve().parent.parent / "corpus"

#: Files in a corpus folder that are not documents.
_SKIPPED_NAMES = {MANIFEST_NAME, "README.md", "README.txt", "EXPECTED.md"}

Progress = Callable[[int, int, str], None]


class BuildError(Exception):
    """A build stopped on an unexpected failure (a bug, not bad input); nothing is stored.

    The message names the document being processed and the failure, in one line.
    """

    def __init__(self, source: str, error: BaseException) -> None:
        self.source = source
        super().__init__(f"{internal_error(source, error)}; nothing was stored")


def internal_error(source: str, error: BaseException) -> str:
    """One line naming the document and an unexpected failure (a bug) while building it.

    Examples
    --------
    >>> internal_error("c/a.html", ValueError("bad start\\nmore"))
    'c/a.html: internal error while building (ValueError: bad start)'
    """
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    return f"{source}: internal error while building ({type(error).__name__}" + (f": {detail}" if detail else "") + ")"


class _DocumentFailure(Exception):
    """An unexpected failure while building one document (or, with no path, its whole folder)."""

    def __init__(self, source: str, path: Path | None, error: BaseException) -> None:
        super().__init__(source)
        self.source, self.path, self.error = source, path, error


@dataclass
class SourceFile:
    """A file to load, with the corpus root its key is relative to and its manifest facts."""

    path: Path
    root: Path
    metadata: dict[str, str]


@dataclass
class BuildResult:
    """What a build produced: graphs per document, the registry, and per-file errors."""

    graphs: list[DocumentGraphs] = field(default_factory=list)
    registry: Registry = field(default_factory=Registry)
    errors: list[str] = field(default_factory=list)
    #: Facts left out of documents that were stored: each failed its shape (one line each,
    #: naming the document); the document's provenance records them too.
    dropped: list[str] = field(default_factory=list)
    #: What reading the stored documents left out or could not find (page furniture not read as
    #: passages, a page of headings only): :attr:`loaders.blocks.ParsedDocument.warnings`, one
    #: line each, naming the document.
    warnings: list[str] = field(default_factory=list)
    words: int = 0
    seconds: float = 0.0

    @property
    def triples(self) -> int:
        """Triples in the documents' assertion and provenance graphs."""
        return sum(len(g.assertions) + len(g.provenance) for g in self.graphs)


@dataclass
class _BuildState:
    """Documents done so far, and the one being processed (named if something breaks)."""

    done: int = 0
    current: str = ""


def _is_document(path: Path) -> bool:
    return (path.is_file() or not path.exists()) and path.name not in _SKIPPED_NAMES and \
        not path.name.startswith(".") and path.suffix.lower() in readable_suffixes()


def _store_or_hidden(file: Path, folder: Path) -> bool:
    """Whether a file under a papers folder is no paper: inside a hidden folder (the default
    store, ``.evidence-graph/``, a connector's cache) or inside a store of its own (a RocksDB
    folder: ``CURRENT`` and ``IDENTITY`` beside each other), so that ``build .`` never reads a
    store's files as documents."""
    relative = file.relative_to(folder)
    if any(part.startswith(".") for part in relative.parts[:-1]):
        return True
    return any((parent / "CURRENT").is_file() and (parent / "IDENTITY").is_file()
               for parent in [folder / Path(*relative.parts[:n]) for n in range(1, len(relative.parts))])


def collect_sources(paths: Iterable[Path]) -> tuple[list[SourceFile], list[str]]:
    """Expand files and folders into the documents to load.

    Parameters
    ----------
    paths : iterable of Path
        Files or folders (folders are searched recursively).

    Returns
    -------
    tuple
        The source files in a stable order, and errors for paths that do not exist or
        cannot be listed.
    """
    sources: list[SourceFile] = []
    errors: list[str] = []
    for path in paths:
        if not path.exists():
            errors.append(f"{path}: no such file or folder")
            continue
        if path.is_dir():
            root = path.parent if path != DEFAULT_CORPUS else path
            try:
                files = sorted(p for p in path.rglob("*") if not p.is_dir() and not _store_or_hidden(p, path))
            except OSError as error:
                errors.append(f"{path}: cannot list the folder ({error.strerror})")
                continue
            for file in files:
                if _is_document(file):
                    sources.append(SourceFile(file, root, _metadata(file)))
        else:
            sources.append(SourceFile(path, path.parent.parent if path.parent.parent != path.parent
                                      else path.parent, _metadata(path)))
    unique: dict[Path, SourceFile] = {}
    for source in sources:
        unique.setdefault(source.path.resolve(), source)
    return list(unique.values()), errors


def _metadata(path: Path) -> dict[str, str]:
    manifest = read_manifest(path.parent)
    meta = dict(manifest.get("", {}))
    meta.update(manifest.get(path.name, {}))
    return meta


def _siblings(source: SourceFile, chosen: set[Path]) -> list[SourceFile]:
    """Other documents of the same folder, read for context only."""
    try:
        files = sorted(p for p in source.path.parent.iterdir() if p.is_file())
    except OSError:
        return []
    return [SourceFile(p, source.root, _metadata(p)) for p in files
            if _is_document(p) and p.resolve() not in chosen]


def build_documents(sources: list[SourceFile], registry: Registry, validate: bool = True,
                    progress: Progress | None = None, keep_going: bool = False) -> BuildResult:
    """Run the pipeline over documents, folder by folder, without touching any store.

    Parameters
    ----------
    sources : list of SourceFile
        From :func:`collect_sources`.
    registry : Registry
        The registry to resolve against; it is extended in place.
    validate : bool
        Check IRIs, SHACL shapes and quote re-anchoring for each document graph.
    progress : callable, optional
        Called as ``progress(done, total, name)``.
    keep_going : bool
        On an unexpected failure (a bug) in one document, report it as that document's error,
        undo its registry decisions and build its folder again without it, instead of raising.

    Returns
    -------
    BuildResult
        Graphs of the documents that loaded, one error line per document that did not, one
        line per fact dropped for failing its shape, and the warnings of reading the documents
        that loaded (page furniture skipped and the like).

    Raises
    ------
    BuildError
        Without ``keep_going``, on an unexpected failure: it names the document being
        processed. The registry may then hold part of that document's decisions, so nothing
        may be stored.

    Examples
    --------
    >>> import tempfile
    >>> folder = Path(tempfile.mkdtemp()) / "c"
    >>> folder.mkdir()
    >>> _ = (folder / "a.txt").write_text("The budget is £5m this year.")
    >>> result = build_documents(collect_sources([folder])[0], Registry())
    >>> len(result.graphs), result.errors, [line.split(":")[0] for line in result.dropped]
    (1, [], ['c/a.txt'])
    """
    started = time.perf_counter()
    result = BuildResult(registry=registry)
    seed_registry(registry)
    # The seeded reference data is the same in every build (tests/test_bad_input_papers.py
    # checks its shapes once): what the build's documents add or change is what it checks.
    before = {key: _entity_state(entity) for key, entity in registry.entities.items()}
    groups: dict[Path, list[SourceFile]] = {}
    for source in sources:
        groups.setdefault(source.path.parent, []).append(source)
    chosen = {s.path.resolve() for s in sources}
    state = _BuildState()
    for folder_sources in groups.values():
        _build_folder_isolated(folder_sources, chosen, len(sources), registry, result, validate, progress, state,
                               keep_going)
    if validate and result.graphs:
        # Registry entities no document refers to are checked here: those this build added or
        # changed, not the whole registry again (it grows with the store).
        problems = registry_failures(registry, before)
        if problems:
            result.errors.append(f"registry: failed validation: {problems[0]}"
                                 + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""))
    result.seconds = time.perf_counter() - started
    return result


EntityState = tuple[str, str, frozenset[str], frozenset[str], frozenset[tuple[str, str]], str]


def _entity_state(entity: Entity) -> EntityState:
    """Everything the registry graph says of an entity, to tell whether a build changed it."""
    return (entity.kind, entity.label, frozenset(entity.aliases), frozenset(entity.hidden),
            frozenset(entity.attributes.items()), entity.status)


def registry_failures(registry: Registry, before: dict[str, EntityState]) -> list[str]:
    """SHACL failures of the registry entities added or changed since ``before``.

    Parameters
    ----------
    registry : Registry
        The registry after a build.
    before : dict
        Each entity's state (:func:`_entity_state`) by key, taken before the build.

    Returns
    -------
    list of str
        Up to five failure messages; empty when the added and changed entities conform. The
        entities they refer to (a post's organisation, a place's county) are checked with them,
        so that a shape about a reference has its target.

    Examples
    --------
    >>> registry = Registry([Entity("org/a", "Organisation", "A")])
    >>> before = {key: _entity_state(e) for key, e in registry.entities.items()}
    >>> _ = registry.add(Entity("person/ann-lee", "Person", "Ann Lee"))
    >>> registry_failures(registry, before)
    []
    """
    changed = [entity for key, entity in registry.entities.items() if before.get(key) != _entity_state(entity)]
    if not changed:
        return []
    checked = {entity.key: entity for entity in changed}
    for entity in changed:
        for name in ("scheme", "postIn", "parent", "within"):
            target = registry.get(entity.attributes.get(name, ""))
            if target is not None:
                checked.setdefault(target.key, target)
    return shacl_failures(registry_to_graph(Registry(list(checked.values()))))


def _build_folder_isolated(folder_sources: list[SourceFile], chosen: set[Path], total: int, registry: Registry,
                           result: BuildResult, validate: bool, progress: Progress | None, state: _BuildState,
                           keep_going: bool) -> None:
    """Build one folder; with ``keep_going`` a document that breaks is reported and left out.

    The folder is then built again without it, from the registry as it was before the folder,
    so neither its registry decisions nor its part of the shared context reach its siblings.
    """
    remaining = list(folder_sources)
    errors: list[str] = []
    while remaining:
        # A copy per folder (not per document), and only when a failure may have to be undone.
        saved = registry.snapshot() if keep_going else None
        done = state.done
        attempt = BuildResult(registry=registry)
        try:
            _build_folder(remaining, chosen, total, registry, attempt, validate, progress, state)
        except _DocumentFailure as failure:
            if not keep_going or saved is None:
                raise BuildError(failure.source, failure.error) from failure.error
            registry.restore(saved)
            state.done = done
            errors.append(f"{internal_error(failure.source, failure.error)}; the document was not stored")
            remaining = [s for s in remaining if failure.path is not None and s.path != failure.path]
            continue
        result.graphs.extend(attempt.graphs)
        result.errors.extend(errors + attempt.errors)
        result.dropped.extend(attempt.dropped)
        result.warnings.extend(attempt.warnings)
        result.words += attempt.words
        return
    result.errors.extend(errors)


def _build_folder(folder_sources: list[SourceFile], chosen: set[Path], total: int, registry: Registry,
                  result: BuildResult, validate: bool, progress: Progress | None,
                  state: _BuildState) -> None:
    """Run the pipeline over the documents of one folder, meeting by meeting (the documents
    of one meeting are read together for context, any other document alone).

    Raises
    ------
    _DocumentFailure
        On an unexpected failure, naming the document (no path: the folder's shared context).
    """
    parsed: list[tuple[SourceFile, ParsedDocument]] = []
    for source in folder_sources:
        state.current = str(source.path)
        try:
            parsed.append((source, parse_document(_read(source))))
        except LoaderError as error:
            result.errors.append(str(error))
        except Exception as error:  # a bug: name the file
            raise _DocumentFailure(_source_name(source), source.path, error) from error
    context_docs = [p for _, p in parsed]
    for sibling in _siblings(folder_sources[0], chosen):
        try:
            context_docs.append(parse_document(_read(sibling)))
        except Exception:  # context only: a bad sibling is reported when it is loaded itself
            continue
    # Only the documents of one meeting share context; any other document is read alone.
    for group in _meeting_groups(parsed, context_docs):
        members = [(source, doc) for source, doc in parsed if any(doc is other for other in group)]
        if members:
            _build_meeting(members, group, total, registry, result, validate, progress, state)


def _read(source: SourceFile) -> Document:
    """Read a source file; an HTML page's own metadata (title, ``<meta>`` names, canonical
    address) joins its manifest facts, for finding its host authority."""
    document = read_document(source.path, source.root, source.metadata)
    if document.format == "html":
        try:
            with source.path.open(encoding=document.encoding, errors="replace") as handle:
                head = handle.read(200_000)
        except (OSError, LookupError):
            return document
        for name, value in html_metadata(head).items():
            document.metadata.setdefault(name, value)
    return document


def _meeting_groups(parsed: list[tuple[SourceFile, ParsedDocument]],
                    context_docs: list[ParsedDocument]) -> list[list[ParsedDocument]]:
    """The folder's documents by meeting; if grouping breaks, the document that breaks it is named."""
    try:
        return [[context_docs[i] for i in group] for group in group_meetings(context_docs)]
    except Exception as error:
        for source, doc in parsed:
            try:
                group_meetings([doc])
            except Exception as own:
                raise _DocumentFailure(doc.document.source, source.path, own) from own
        raise _DocumentFailure(str(parsed[0][0].path.parent) if parsed else "", None, error) from error


def _build_meeting(parsed: list[tuple[SourceFile, ParsedDocument]], context_docs: list[ParsedDocument],
                   total: int, registry: Registry, result: BuildResult, validate: bool,
                   progress: Progress | None, state: _BuildState) -> None:
    """Run the pipeline over the documents of one meeting, read together for context."""
    shared = dict(parsed[0][0].metadata)
    context = _shared_context(parsed, context_docs, shared, [source for source, _ in parsed])
    mentions = {}
    for source, doc in parsed:
        state.current = doc.document.source
        try:
            mentions[id(doc)] = find_mentions(doc, context)
        except Exception as error:
            raise _DocumentFailure(doc.document.source, source.path, error) from error
    figures = [FigureRecord(f"doc/{p.document.key}", m.label, None) for _, p in parsed
               for m in mentions[id(p)] if m.kind == "figure"]
    resolved_figures: list[FigureRecord] = []
    for source, doc in parsed:
        state.current = doc.document.source
        state.done += 1
        if progress:
            progress(state.done, total, source.path.name)
        try:
            resolved = resolve_document(doc, mentions[id(doc)], context, registry,
                                        figures=resolved_figures or figures)
            graphs = document_graphs(resolved)
            problems, dropped = check_document(graphs, doc, registry) if validate else ([], [])
        except Exception as error:
            raise _DocumentFailure(doc.document.source, source.path, error) from error
        if problems:
            result.errors.append(f"{doc.document.source}: failed validation: {problems[0]}"
                                 + (f" (+{len(problems) - 1} more)" if len(problems) > 1 else ""))
            continue
        result.dropped.extend(dropped)
        result.warnings.extend(doc.warnings)
        resolved_figures.extend(_figure_records(graphs))
        result.graphs.append(graphs)
        result.words += len(doc.document.text.split())


def _source_name(source: SourceFile) -> str:
    try:
        return str(source.path.relative_to(source.root))
    except ValueError:
        return str(source.path)


def _shared_context(parsed: list[tuple[SourceFile, ParsedDocument]], context_docs: list[ParsedDocument],
                    shared: dict[str, str], folder_sources: list[SourceFile]) -> CorpusContext:
    """The folder's context; if gathering it breaks, the document that breaks it is named."""
    try:
        return gather_context(context_docs, shared)
    except Exception as error:
        for source, doc in parsed:
            try:
                gather_context([doc], shared)
            except Exception as own:
                raise _DocumentFailure(doc.document.source, source.path, own) from own
        raise _DocumentFailure(str(folder_sources[0].path.parent), None, error) from error


def _figure_records(graphs: DocumentGraphs) -> list[FigureRecord]:
    records = []
    g = graphs.assertions
    for figure in g.subjects(RDF.type, EG.Figure):
        value = g.value(figure, SCHEMA.value) or g.value(figure, SCHEMA.minValue)
        about = g.value(figure, SCHEMA.about)
        key = key_of(str(figure))
        if key:
            records.append(FigureRecord(key, str(value) if value is not None else None,
                                        key_of(str(about)) if about is not None else None))
    return records


def check_document(graphs: DocumentGraphs, parsed: ParsedDocument, registry: Registry) -> tuple[list[str], list[str]]:
    """Check a document's graphs before they are stored, dropping the facts that fail their shape.

    Parameters
    ----------
    graphs : DocumentGraphs
        From :func:`loaders.rdf.document_graphs`; facts failing their shape are removed from
        its assertions, and recorded in its provenance (``prov:invalidated``, ``rdfs:comment``).
    parsed : ParsedDocument
        The document the graphs were made from (its text anchors the quotes).
    registry : Registry
        The registry the graphs refer to.

    Returns
    -------
    tuple of (list of str, list of str)
        Problems that keep the document out of the store (a quote that does not re-anchor, an
        IRI Oxigraph refuses, a shape failure dropping cannot mend), and one line per dropped
        fact, naming the document.

    Examples
    --------
    >>> from evidence_graph.loaders.document import Document
    >>> from evidence_graph.loaders.mentions import find_mentions
    >>> from evidence_graph.loaders.resolution import resolve_document, seed_registry
    >>> from evidence_graph.loaders.structure import parse_document
    >>> from evidence_graph.loaders.rdf import document_graphs
    >>> registry = Registry()
    >>> seed_registry(registry)
    >>> doc = parse_document(Document("c/a.txt", "c/a", "The budget is £5m this year.", "0"))
    >>> context = gather_context([doc])
    >>> graphs = document_graphs(resolve_document(doc, find_mentions(doc, context), context, registry))
    >>> problems, dropped = check_document(graphs, doc, registry)
    >>> problems, [line.split(" (")[0] for line in dropped]
    ([], ['c/a.txt: dropped http://127.0.0.1:8000/id/doc/c/a#block_0.s1.claim'])
    """
    problems = quote_failures(graphs.assertions, parsed.document.text)
    if problems:
        return problems, []
    problems = invalid_iris(graphs.assertions) + invalid_iris(graphs.provenance)
    if problems:
        return problems, []
    # The document with the registry entities it refers to (their types and labels), so the
    # cost follows the document, not the registry; the rest of the registry is checked once.
    context = registry_subgraph(registry, (node for s, _, o in graphs.assertions for node in (s, o)))
    dropped, problems = conform(graphs.assertions, context)
    if problems:
        return problems, []
    activity = graphs.provenance.value(graphs.graph_name, PROV.wasGeneratedBy)
    lines = []
    for node, message in dropped:
        if activity is not None:
            if node is not None:
                graphs.provenance.add((activity, PROV.invalidated, node))
            graphs.provenance.add((activity, RDFS.comment, Literal(f"dropped (failed its shape): {message}")))
        lines.append(f"{parsed.document.source}: dropped {message}")
    return [], lines


def build_into_store(store: EvidenceStore, paths: Iterable[Path], keep_going: bool = False,
                     progress: Progress | None = None) -> BuildResult:
    """Build documents and swap them into ``store`` atomically.

    Parameters
    ----------
    store : EvidenceStore
    paths : iterable of Path
        Files or folders.
    keep_going : bool
        Store the documents that loaded even when others failed (default: store nothing
        if any document failed).
    progress : callable, optional

    Returns
    -------
    BuildResult
        ``errors`` lists every refused file; when it is non-empty and ``keep_going`` is
        False, the store is unchanged.
    """
    sources, errors = collect_sources(paths)
    registry = store.registry()
    result = build_documents(sources, registry, progress=progress, keep_going=keep_going)
    result.errors[:0] = errors
    if not sources and not errors:
        result.errors.append("no documents found (expected files ending "
                             f"{', '.join(sorted(s for s in readable_suffixes() if s))})")
    if result.errors and not keep_going:
        return result
    if result.graphs:
        store.replace_documents(result.graphs, result.registry)
    return result


def print_progress(done: int, total: int, name: str) -> None:
    """A one-line progress bar on standard error."""
    width = 30
    filled = int(width * done / max(total, 1))
    sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} {name[:40]:<40}")
    if done == total:
        sys.stderr.write("\n")
    sys.stderr.flush()


__all__ = ["DEFAULT_CORPUS", "BuildError", "BuildResult", "SourceFile", "UnreadableDocument", "ValidationError",
           "build_documents", "build_into_store", "check_document", "collect_sources", "internal_error",
           "print_progress", "registry_failures"]
