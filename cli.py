"""The ``evidence-graph`` command: build, export, stats, schema, serve and evaluate."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path

from rdflib.term import Node

from evidence_graph import __version__
from evidence_graph.evaluation import REPORT_FAMILIES
from evidence_graph.graph.entities import Registry
from evidence_graph.graph.export import EXPORT_FORMATS, FORMATS, ExportSelection, ExportSelectionError, ExportSource
from evidence_graph.graph.export.formats import Quad
from evidence_graph.graph.store import DEFAULT_WAIT, EvidenceStore, StoreError
from evidence_graph.graph.vocabulary import DEFAULT_HOST, DEFAULT_PORT
from evidence_graph.loaders.errors import LoaderError
from evidence_graph.pipeline.build import (
    DEFAULT_CORPUS,
    BuildError,
    build_documents,
    build_into_store,
    collect_sources,
    print_progress,
)
from evidence_graph.pipeline.ingest import (
    DocumentNotStored,
    IngestMetadata,
    IngestReport,
    ingest_paths,
    retract_document,
)
from evidence_graph.serving.settings import store_from_environment

#: The development set `evidence-graph evaluate` scores by default (docs/ANNOTATION.md).
DEFAULT_DEVSET = Path(__file__).resolve().parent / "devset"

#: Where the store lives unless --store or EVIDENCE_GRAPH_STORE says otherwise.
DEFAULT_STORE = store_from_environment()


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="evidence-graph",
                                     description="A knowledge graph of committee evidence.")
    parser.add_argument("--store", type=Path, default=DEFAULT_STORE,
                        help=f"store folder (default: {DEFAULT_STORE}; env EVIDENCE_GRAPH_STORE)")
    wait_help = (f"seconds a writer (build, or serve when it builds) waits for another writer of the store "
                 f"before giving up (default: {DEFAULT_WAIT:g}; 0: give up at once)")
    parser.add_argument("--wait", type=float, default=DEFAULT_WAIT, metavar="SECONDS", help=wait_help)
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    commands = parser.add_subparsers(dest="command", required=True)
    build = commands.add_parser("build", help="load documents into the store (default: the sample corpus)")
    build.add_argument("paths", nargs="*", type=Path, help="files or folders")
    build.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    build.add_argument("--keep-going", action="store_true",
                       help="store the documents that loaded even if others were refused")
    ingest = commands.add_parser("ingest", help="take documents into the store: new ones added, changed ones "
                                                "replaced, unchanged ones left as they are")
    ingest.add_argument("paths", nargs="+", type=Path, help="files or folders")
    ingest.add_argument("--committee", metavar="NAME", help="the committee that met (when the papers do not say)")
    ingest.add_argument("--authority", metavar="NAME", help="the body the committee belongs to")
    ingest.add_argument("--date", metavar="YYYY-MM-DD", help="the meeting date")
    ingest.add_argument("--source-url", metavar="URL", help="where the documents were published")
    ingest.add_argument("--dry-run", action="store_true",
                        help="build and validate, print what would change and the validation report, store nothing")
    ingest.add_argument("--keep-going", action="store_true",
                        help="store the documents that loaded even if others were refused")
    fetch = commands.add_parser("fetch", help="fetch a ModernGov meeting's record, page and papers, then ingest "
                                              "them")
    fetch.add_argument("url", nargs="?", help="a ModernGov meeting page (ieListDocuments.aspx?CId=…&MId=…)")
    fetch.add_argument("--site", metavar="HOST", help="a ModernGov site, with --committee, --from and --to")
    fetch.add_argument("--committee", metavar="NAME", help="the committee's title on the site")
    fetch.add_argument("--from", dest="start", metavar="YYYY-MM-DD", help="first meeting date")
    fetch.add_argument("--to", dest="end", metavar="YYYY-MM-DD", help="last meeting date")
    fetch.add_argument("--authority", metavar="NAME", help="the council's name, for the manifest")
    fetch.add_argument("-o", "--output", type=Path, default=Path("papers"),
                       help="folder meetings are written under (default: papers)")
    fetch.add_argument("--no-ingest", action="store_true", help="write the folders, do not ingest them")
    fetch.add_argument("--pause", type=float, default=1.0, metavar="SECONDS",
                       help="pause between requests to the site (default: 1)")
    fetch.add_argument("--timeout", type=float, default=30.0, metavar="SECONDS",
                       help="seconds to wait for an answer before trying again (default: 30)")
    fetch.add_argument("--cache", type=Path, default=Path(".evidence-graph/http-cache"),
                       help="local cache: a second fetch asks only whether pages changed")
    registry = commands.add_parser("registry", help="review the registry: provisional entities and likely "
                                                    "duplicates; record merge, different, unsure and split "
                                                    "decisions")
    registry.add_argument("action", nargs="?", choices=("list", "merge", "different", "unsure", "split"),
                          default="list",
                          help="list (default); merge KEEP OLD; different FIRST SECOND; unsure FIRST SECOND; "
                               "split OLD (withdraw a merge) or split ENTITY --document DOC ...")
    registry.add_argument("entities", nargs="*", metavar="ENTITY", help="keys or IRIs")
    registry.add_argument("--document", action="append", default=[], metavar="DOC",
                          help="split: a document (key, IRI or file) whose ENTITY is another one (repeatable)")
    retract = commands.add_parser("retract", help="withdraw a document and everything only it supported")
    retract.add_argument("documents", nargs="+", metavar="DOC", help="document key, IRI, or the file it was built from")
    export = commands.add_parser(
        "export", help="write the graph, or a selection of it, for a graph tool or as RDF",
        description="formats: " + "; ".join(f"{f.name}: {f.description}" for f in EXPORT_FORMATS.values()),
        epilog="Selection options combine; without any the whole graph is written.")
    export.add_argument("--format", choices=FORMATS, default="trig")
    export.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    export.add_argument("--type", action="append", default=[], metavar="TYPE", dest="types",
                        help="only nodes of this type, e.g. Person (repeatable)")
    export.add_argument("--document", action="append", default=[], metavar="DOC", dest="documents",
                        help="only what this document (key or IRI) states (repeatable)")
    export.add_argument("--graph", action="append", default=[], metavar="IRI", dest="graphs",
                        help="only statements in this named graph (repeatable)")
    export.add_argument("--seed", action="append", default=[], metavar="ENTITY", dest="seeds",
                        help="only what lies within --hops statements of this entity (key or IRI; repeatable)")
    export.add_argument("--hops", type=int, default=1, help="how far from the seeds (default: 1)")
    export.add_argument("--predicate", action="append", default=[], metavar="IRI", dest="predicates",
                        help="only statements with this predicate, IRI or CURIE such as org:memberOf (repeatable)")
    export.add_argument("--min-degree", type=int, default=0, metavar="N",
                        help="drop nodes with fewer than N statements in the selection")
    export.add_argument("--centrality", metavar="ALGORITHM",
                        help="add each node's centrality: DEGREE, PAGERANK, BETWEENNESS, CLOSENESS or EIGENVECTOR")
    export.add_argument("--community", metavar="ALGORITHM",
                        help="add each node's community: LOUVAIN, LABEL_PROPAGATION, GREEDY_MODULARITY or "
                             "CONNECTED_COMPONENTS")
    export.add_argument("paths", nargs="*", type=Path,
                        help="build these documents in memory and export them (the store is not touched)")
    commands.add_parser("stats", help="count what the store holds")
    sdl = commands.add_parser("schema", help="print the GraphQL schema (SDL); schema.graphql is its copy")
    sdl.add_argument("-o", "--output", type=Path, help="file to write (default: standard output)")
    serve = commands.add_parser("serve", help="serve the GraphQL API")
    serve.add_argument("--host", default=os.environ.get("EVIDENCE_GRAPH_HOST") or DEFAULT_HOST,
                       help=f"address to listen on (default: {DEFAULT_HOST}; env EVIDENCE_GRAPH_HOST)")
    serve.add_argument("--port", type=int, default=int(os.environ.get("EVIDENCE_GRAPH_PORT") or DEFAULT_PORT),
                       help=f"port (default: {DEFAULT_PORT}; env EVIDENCE_GRAPH_PORT). Entity IRIs are "
                            "minted under this address unless EVIDENCE_GRAPH_BASE names another")
    serve.add_argument("--cors-origin", action="append", metavar="ORIGIN",
                       help="origin allowed to call the API from a browser (repeatable; default: any; "
                            "env EVIDENCE_GRAPH_CORS, comma-separated)")
    serve.add_argument("--no-access-log", action="store_true", help="do not log each request")
    serve.add_argument("paths", nargs="*", type=Path,
                       help="documents to build into the store first (default: the sample corpus if the "
                            "store is empty)")
    evaluate = commands.add_parser("evaluate", help="score the loaders against the development set's annotations")
    evaluate.add_argument("devset", nargs="?", type=Path, default=DEFAULT_DEVSET, metavar="DEVSET_DIR",
                          help=f"folder of annotated documents (default: {DEFAULT_DEVSET})")
    evaluate.add_argument("--json", action="store_true", help="print the figures (and each document's matches) "
                                                               "as JSON")
    evaluate.add_argument("--by", choices=("body", "document"), help="also per body type or per document")
    evaluate.add_argument("--explain", metavar="FOLDER",
                          help="one document only: its matches, misses and false positives")
    evaluate.add_argument("--family", choices=REPORT_FAMILIES, help="only this family")
    evaluate.add_argument("--source-url", action="store_true",
                          help="give each document its source address (gold.toml [source] url), as a connector "
                               "fetching it would; default: the text alone, as a pasted file")
    # The store's options are accepted after the command as well as before it ("build --store X").
    for command in commands.choices.values():
        command.add_argument("--store", type=Path, default=argparse.SUPPRESS,
                             help="store folder (as before the command)")
        command.add_argument("--wait", type=float, default=argparse.SUPPRESS, metavar="SECONDS",
                             help="as before the command")
    return parser


def _fail(message: str) -> int:
    print(f"evidence-graph: {message}", file=sys.stderr)
    return 1


def _report_problems(errors: Sequence[str], warnings: Sequence[str], keep_going: bool) -> bool:
    """Print a build's refusals and warnings, one line each; True when nothing was stored."""
    for error in errors:
        print(f"evidence-graph: {error}", file=sys.stderr)
    for warning in warnings:
        print(f"evidence-graph: warning: {warning}", file=sys.stderr)
    if errors and not keep_going:
        print("evidence-graph: nothing was stored (use --keep-going to store the documents that loaded)",
              file=sys.stderr)
        return True
    return False


def run_build(args: argparse.Namespace) -> int:
    """Build documents into the store; one line per refused file, exit 1 if any."""
    paths = args.paths or [DEFAULT_CORPUS]
    store = EvidenceStore(args.store, wait=args.wait)
    result = build_into_store(store, paths, keep_going=args.keep_going,
                              progress=None if args.quiet else print_progress)
    if _report_problems(result.errors, result.warnings + result.dropped, args.keep_going):
        return 1
    if not args.quiet:
        rate = result.words / result.seconds if result.seconds else 0.0
        print(f"built {len(result.graphs)} document(s): {result.triples} triples, {result.words} words "
              f"in {result.seconds:.2f} s ({rate:,.0f} words/s) into {args.store}")
    return 1 if result.errors else 0


def _print_ingest(report: IngestReport, keep_going: bool) -> int:
    """Print an ingest's refusals and warnings, then a line per document; the exit status."""
    if _report_problems(report.errors, report.warnings + report.dropped, keep_going):
        return 1
    for line in report.summary():
        print(line)
    return 1 if report.errors else 0


def run_ingest(args: argparse.Namespace) -> int:
    """Ingest documents; one line per document, the validation report, exit 1 if any was refused."""
    metadata = IngestMetadata(committee=args.committee, authority=args.authority, date=args.date,
                              source_url=args.source_url)
    with EvidenceStore(args.store, wait=args.wait) as store:
        report = ingest_paths(store, args.paths, metadata, dry_run=args.dry_run, keep_going=args.keep_going)
    return _print_ingest(report, args.keep_going)


def run_fetch(args: argparse.Namespace) -> int:
    """Fetch ModernGov meetings into folders with manifests, then ingest them (unless --no-ingest)."""
    import datetime as dt

    from evidence_graph.pipeline.connectors.http import FetchError, PoliteClient
    from evidence_graph.pipeline.connectors.moderngov import (
        ModernGovError,
        SiteAddress,
        fetch_meetings,
        meetings_between,
    )

    client = PoliteClient(cache=args.cache, pause=args.pause, timeout=args.timeout)
    try:
        if args.url:
            site = SiteAddress.from_url(args.url)
            if not site.meeting_id:
                return _fail(f"{args.url}: no meeting id (MId=…) in the address; "
                             "use --site, --committee, --from and --to for a committee's meetings")
            meeting_ids = [site.meeting_id]
        elif args.site and args.committee and args.start and args.end:
            site = SiteAddress.from_url(args.site)
            try:
                start, end = dt.date.fromisoformat(args.start), dt.date.fromisoformat(args.end)
            except ValueError:
                return _fail(f"--from {args.start} / --to {args.end}: dates are YYYY-MM-DD")
            meeting_ids = meetings_between(client, site, args.committee, start, end)
            if not meeting_ids:
                print(f"no meetings of {args.committee!r} between {start} and {end}")
                return 0
        else:
            return _fail("fetch needs a meeting page's address, or --site, --committee, --from and --to")
        fetched = fetch_meetings(client, site, meeting_ids, args.output, args.authority or "")
    except (FetchError, ModernGovError) as error:
        return _fail(f"{error} (nothing of that meeting was written)")
    for meeting in fetched:
        print(f"fetched {meeting.record.committee}, {meeting.record.date}: {len(meeting.files)} file(s), "
              f"{meeting.downloaded} downloaded, into {meeting.folder}")
    if args.no_ingest:
        return 0
    with EvidenceStore(args.store, wait=args.wait) as store:
        report = ingest_paths(store, [m.folder for m in fetched])
    return _print_ingest(report, keep_going=False)


def run_registry(args: argparse.Namespace) -> int:
    """List likely duplicates with their evidence, or record a reviewer's merge or different decision."""
    from evidence_graph.pipeline.review import (
        likely_duplicates,
        provisional_counts,
        record_different,
        record_merge,
        record_split,
        record_unsure,
    )

    if args.action == "list":
        if not args.store.exists():
            return _fail(f"{args.store}: no store yet (run `evidence-graph build` first)")
        with EvidenceStore(args.store, read_only=True) as store:
            registry = store.registry()
            counts = provisional_counts(registry)
            duplicates = likely_duplicates(store, registry)
        print("provisional entities: " + (", ".join(f"{kind} {n:,}" for kind, n in counts.items()) or "none"))
        print(f"likely duplicates: {len(duplicates)}")
        for group in duplicates:
            print(f"\n{group.kind} {group.name!r}:" + (" (decided unsure)" if group.decision else ""))
            for entity in group.entities:
                print(f"  {entity.key}  [{entity.status}]  documents: {', '.join(entity.documents)}")
                if entity.affiliations:
                    print(f"      bodies: {', '.join(entity.affiliations)}")
                if entity.source_ids:
                    print(f"      publisher ids: {', '.join(entity.source_ids)}")
        if duplicates:
            print("\nrecord a decision: evidence-graph registry merge KEEP OLD | different A B | unsure A B"
                  " | split ENTITY --document DOC")
        return 0
    wanted = 1 if args.action == "split" else 2
    if len(args.entities) != wanted:
        return _fail(f"registry {args.action} takes {'one entity' if wanted == 1 else 'two entities'} (keys or IRIs)")
    if args.document and args.action != "split":
        return _fail(f"registry {args.action}: --document is for split only")
    if not args.store.exists():
        return _fail(f"{args.store}: no store yet (run `evidence-graph build` first)")
    record = {"merge": record_merge, "different": record_different, "unsure": record_unsure}.get(args.action)
    with EvidenceStore(args.store, wait=args.wait) as store:
        try:
            done = record(store, *args.entities) if record else record_split(store, args.entities[0], args.document)
        except (LookupError, ValueError) as error:
            return _fail(str(error.args[0]))
    print(done)
    return 0


def run_retract(args: argparse.Namespace) -> int:
    """Retract documents, each in its own transaction; exit 1 naming any that is not stored."""
    failed = 0
    with EvidenceStore(args.store, wait=args.wait) as store:
        for document in args.documents:
            try:
                report = retract_document(store, document)
            except DocumentNotStored as error:
                print(f"evidence-graph: {error.args[0]}", file=sys.stderr)
                failed += 1
                continue
            print(f"retracted {report.key}: {report.removed:,} quads removed, "
                  f"{report.registry_entries_removed:,} registry entries no document refers to any more")
    return 1 if failed else 0


def export_documents(paths: Sequence[Path], source_url: str | None = None
                     ) -> tuple[list[tuple[Node, Node, Node, Node]], list[str], list[str]]:
    """Build documents in memory (a fresh registry, no store) and return what ``export PATH ...`` writes.

    ``source_url``, when given, is the address the documents were fetched from, as a connector
    or a manifest's ``source_url`` would give it (the host authority may be read from it).

    Returns
    -------
    tuple
        The quads (none when there are problems: the command then writes nothing), the problems
        (one line each, the command's exit 1) and its warnings: what reading the documents left
        out (page furniture …, :attr:`pipeline.build.BuildResult.warnings`), then the facts
        dropped for failing their shape. ``evidence-graph evaluate`` scores exactly these quads.
    """
    sources, errors = collect_sources(paths)
    if source_url:
        for source in sources:
            source.metadata.setdefault("source_url", source_url)
    result = build_documents(sources, Registry())
    problems = errors + result.errors
    if problems:
        return [], problems, result.warnings + result.dropped
    from evidence_graph.graph.iris import registry_graph
    from evidence_graph.graph.registry import document_nodes, registry_subgraph

    quads = [(s, p, o, name) for g in result.graphs for name, graph in
             ((g.graph_name, g.assertions), (g.provenance_name, g.provenance)) for s, p, o in graph]
    # Only the registry entries the documents refer to (and what those need), as in a store.
    referenced = registry_subgraph(result.registry, document_nodes(
        graph for g in result.graphs for graph in (g.assertions, g.provenance)))
    quads += [(s, p, o, registry_graph()) for s, p, o in referenced]
    return quads, [], result.warnings + result.dropped


def run_export(args: argparse.Namespace) -> int:
    """Export the store, or documents built in memory, whole or a selection, as it is written."""
    if args.paths:
        built, problems, warnings = export_documents(args.paths)
        for warning in warnings:
            print(f"evidence-graph: warning: {warning}", file=sys.stderr)
        if problems:
            for problem in problems:
                print(f"evidence-graph: {problem}", file=sys.stderr)
            return 1
        quads_of: Callable[[], Iterable[Quad]] = lambda: built  # noqa: E731
    else:
        if not args.store.exists():
            return _fail(f"{args.store}: no store yet (run `evidence-graph build` first)")
        # Read from the store each time the export asks (the views once, the RDF formats as they
        # write), so a whole-graph RDF export never holds the store's quads in memory.
        quads_of = EvidenceStore(args.store, read_only=True).quads
    selection = ExportSelection(types=tuple(args.types), documents=tuple(args.documents), graphs=tuple(args.graphs),
                                seeds=tuple(args.seeds), hops=args.hops, predicates=tuple(args.predicates),
                                min_degree=args.min_degree, centrality=args.centrality, community=args.community)
    source = ExportSource(selection, quads=quads_of)
    what = ", ".join(map(str, args.paths)) or str(args.store)
    try:
        chunks = EXPORT_FORMATS[args.format].write(source)
        first = next(chunks, "")  # a bad selection fails here, before the output file is opened
    except ExportSelectionError as error:
        return _fail(f"{what}: {error}")
    except Exception as error:  # one line, not a traceback: the build checked every IRI, so this is a bug
        detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
        return _fail(f"{what}: cannot write {args.format} ({type(error).__name__}{': ' + detail if detail else ''})")
    if args.output:
        # Written beside the target and renamed at the end: an export that fails half-way leaves
        # the file that was there before, not half a file.
        partial = args.output.with_name(args.output.name + ".part")
        try:
            with partial.open("w", encoding="utf-8") as out:
                out.write(first)
                for chunk in chunks:
                    out.write(chunk)
            partial.replace(args.output)
        finally:
            partial.unlink(missing_ok=True)
    else:
        sys.stdout.write(first)
        for chunk in chunks:
            sys.stdout.write(chunk)
    return 0


def run_stats(args: argparse.Namespace) -> int:
    """Print what the store holds (read-only: it works while a build runs)."""
    if not args.store.exists():
        return _fail(f"{args.store}: no store yet (run `evidence-graph build` first)")
    for name, count in EvidenceStore(args.store, read_only=True).stats().items():
        print(f"{name:<24}{count:>10,}")
    return 0


def run_schema(args: argparse.Namespace) -> int:
    """Print or write the GraphQL schema in SDL."""
    from evidence_graph.schema import build_schema

    text = build_schema().as_str() + "\n"
    if args.output:
        args.output.write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


def run_evaluate(args: argparse.Namespace) -> int:
    """Score the loaders against the devset's gold annotations (docs/EVALUATION.md); exit 1 only
    when the devset cannot be read."""
    import json

    from evidence_graph.evaluation.gold import GoldError
    from evidence_graph.evaluation.report import evaluate_devset, explain, format_report, to_json

    progress = print_progress if sys.stderr.isatty() and not args.explain else None
    try:
        evaluation = evaluate_devset(args.devset, only=args.explain, progress=progress,
                                     with_source_url=args.source_url)
    except GoldError as error:
        if args.devset == DEFAULT_DEVSET and not DEFAULT_DEVSET.exists():
            return _fail(f"{error} (the development set is not installed with the package: give DEVSET_DIR, "
                         "a checkout's devset/ or heldout/)")
        return _fail(str(error))
    if not evaluation.documents and not args.explain:
        for problem in evaluation.problems:
            print(f"evidence-graph: {problem}", file=sys.stderr)
        return _fail(f"{args.devset}: no annotated documents (expected <folder>/gold.toml)")
    if args.json:
        sys.stdout.write(json.dumps(to_json(evaluation), ensure_ascii=False, indent=1) + "\n")
    elif args.explain:
        print(explain(evaluation.documents[0], args.family))
    else:
        print(format_report(evaluation, args.by, args.family))
    return 0


def run_serve(args: argparse.Namespace) -> int:
    """Serve the GraphQL API over the store (building PATHs first, if given)."""
    from evidence_graph import server

    return server.serve(args)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``evidence-graph`` console script."""
    args = _parser().parse_args(argv)
    handlers = {"build": run_build, "ingest": run_ingest, "fetch": run_fetch, "retract": run_retract,
                "registry": run_registry,
                "export": run_export, "stats": run_stats, "schema": run_schema, "serve": run_serve,
                "evaluate": run_evaluate}
    try:
        return handlers[args.command](args)
    except (LoaderError, StoreError, BuildError, ValueError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (e.g. `head`) went away: not an error
        sys.stderr.close()
        return 0


if __name__ == "__main__":
    sys.exit(main())
