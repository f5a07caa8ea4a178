"""Ordinary documents always load (issue 8): properties of the loader over generated input.

Whatever the input — committee-like fragments from a grammar, arbitrary text or bytes, or
mutations of the sample corpus — the loader stages (read → parse → mentions → resolution →
triples → checks, as :func:`pipeline.build.build_documents` runs them) either refuse a file with
a :class:`~loaders.errors.LoaderError` naming it, or give graphs in which every quote
re-anchors, every IRI is one Oxigraph accepts, every typed literal is of its type, and every
shape of ``graph/shapes.ttl`` holds. Below them, one regression test per signature the fuzzing
of issue 8 found, asserting the facts that should come out.

Sized by the hypothesis profile of ``conftest.py`` through ``stress(small, full)``; the module
prints how many examples each property ran and how many failed.
"""

from __future__ import annotations

import dataclasses
import datetime
import random
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph
import pytest
from conftest import SAMPLE, stress
from hypothesis import given, settings
from hypothesis import strategies as st
from rdflib import BNode, Graph, Literal, URIRef

import evidence_graph.pipeline.build as build_module
from evidence_graph import cli
from evidence_graph.graph.documents import DocumentGraphs
from evidence_graph.graph.entities import Registry
from evidence_graph.graph.iris import iri, key_of, safe_key
from evidence_graph.graph.registry import registry_subgraph
from evidence_graph.graph.store import EvidenceStore
from evidence_graph.graph.validation import quote_failures, shacl_failures
from evidence_graph.graph.vocabulary import EG, PROV, RDF, SCHEMA, XSD
from evidence_graph.loaders.context import gather_context
from evidence_graph.loaders.document import read_document
from evidence_graph.loaders.errors import LoaderError
from evidence_graph.loaders.formats.html import html_to_text
from evidence_graph.loaders.mentions import find_mentions
from evidence_graph.loaders.rdf import document_graphs
from evidence_graph.loaders.resolution import resolve_document, seed_registry
from evidence_graph.loaders.structure import parse_document
from evidence_graph.pipeline.build import build_documents, build_into_store, check_document, collect_sources

pytestmark = pytest.mark.stress

#: Examples run and failures found per property, printed when the module ends.
RUNS: Counter[str] = Counter()
FAILURES: Counter[str] = Counter()
STORED: Counter[str] = Counter()
MEETINGS: Counter[str] = Counter()


@pytest.fixture(scope="module", autouse=True)
def _report(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    lines = [f"{name}: {RUNS[name]} examples run, {STORED[name]} graphs stored, {MEETINGS[name]} with a meeting, "
             f"{FAILURES[name]} failures found" for name in sorted(RUNS)]
    if reporter is None or capture is None:  # pragma: no cover - without pytest's terminal
        print("\n".join(lines))
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        for line in lines:
            reporter.write_line(line)


def _seeded() -> Registry:
    registry = Registry()
    seed_registry(registry)
    return registry


SEEDED = _seeded()


@dataclasses.dataclass
class Loaded:
    """What the stages made of a folder: graphs with their text, refusals, dropped facts."""

    graphs: list[tuple[DocumentGraphs, str]]
    refused: list[LoaderError]
    problems: list[str]
    dropped: list[str]
    registry: Registry


def load_stages(folder: Path, root: Path) -> Loaded:
    """The stages of :func:`pipeline.build.build_documents` over one folder, in its order."""
    sources, errors = collect_sources([folder])
    assert errors == []
    registry = SEEDED.snapshot()
    parsed, refused = [], []
    for source in sources:
        try:
            parsed.append(parse_document(read_document(source.path, root, source.metadata)))
        except LoaderError as error:
            refused.append(error)
    context = gather_context(parsed, dict(sources[0].metadata) if sources else {})
    out = Loaded([], refused, [], [], registry)
    for doc in parsed:
        resolved = resolve_document(doc, find_mentions(doc, context), context, registry)
        graphs = document_graphs(resolved)
        problems, dropped = check_document(graphs, doc, registry)
        out.problems += problems
        out.dropped += dropped
        if not problems:
            out.graphs.append((graphs, doc.document.text))
    return out


def _oxigraph_term(term: URIRef | BNode | Literal) -> pyoxigraph.NamedNode | pyoxigraph.BlankNode | pyoxigraph.Literal:
    if isinstance(term, URIRef):
        return pyoxigraph.NamedNode(str(term))
    if isinstance(term, BNode):
        return pyoxigraph.BlankNode(str(term))
    if term.language:
        return pyoxigraph.Literal(str(term), language=term.language)
    return pyoxigraph.Literal(str(term), datatype=pyoxigraph.NamedNode(str(term.datatype or XSD.string)))


def assert_storable(loaded: Loaded, names: set[str]) -> None:
    """The invariants: refusals name their file; stored graphs anchor, conform and load into Oxigraph."""
    for error in loaded.refused:
        assert error.source in names and str(error).startswith(f"{error.source}: "), str(error)
    assert loaded.problems == []
    store = pyoxigraph.Store()
    for graphs, text in loaded.graphs:
        assert quote_failures(graphs.assertions, text, limit=10**6) == []
        context = registry_subgraph(loaded.registry, (n for s, _, o in graphs.assertions for n in (s, o)))
        data = Graph()
        for triple in (*context, *graphs.assertions):
            data.add(triple)
        assert shacl_failures(data) == []
        for name, graph in ((graphs.graph_name, graphs.assertions), (graphs.provenance_name, graphs.provenance)):
            for s, p, o in graph:
                assert not (isinstance(o, Literal) and o.ill_typed), (s, p, o)
                # Oxigraph refuses what rdflib's URIRef accepted: this is the check that matters.
                store.add(pyoxigraph.Quad(_oxigraph_term(s), _oxigraph_term(p), _oxigraph_term(o),
                                          pyoxigraph.NamedNode(str(name))))
        passages = set(graphs.assertions.subjects(RDF.type, EG.Passage))
        offsets = [(int(graphs.assertions.value(p, EG.startOffset)), int(graphs.assertions.value(p, EG.endOffset)))
                   for p in passages]
        assert len(set(offsets)) == len(offsets), "two passages of one block"
        for passage, (start, end) in zip(passages, offsets, strict=True):
            assert str(graphs.assertions.value(passage, SCHEMA.text)) == text[start:end]


def run_property(name: str, files: dict[str, bytes]) -> Loaded:
    """Write ``files`` into a fresh corpus folder, load it, check the invariants; count the run."""
    RUNS[name] += 1
    try:
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            folder = root / "c"
            folder.mkdir()
            for file_name, data in files.items():
                (folder / file_name).write_bytes(data)
            loaded = load_stages(folder, root)
            assert_storable(loaded, {f"c/{n}" for n in files})
            STORED[name] += len(loaded.graphs)
            MEETINGS[name] += sum(1 for g, _ in loaded.graphs if (None, RDF.type, EG.Meeting) in g.assertions)
            return loaded
    except BaseException:
        FAILURES[name] += 1
        raise


# -- a grammar of committee papers ------------------------------------------------------------------
PEOPLE = ["Mr A Smith", "Mrs B Okafor", "Cllr C Dunmore", "Ms Dana Whitlock", "Mr E F Grayson", "Dr Priya Nandra"]
BODIES = ["Audit Committee", "Scrutiny Panel", "Select Committee – Housing", "Health Overview Board"]
ORGS = ["Harbour Food Trust", "Northway Housing Association", "Eastgate Care Ltd", "the Council"]
ISSUES = ["social value", "budget pressures", "procurement barriers", "staff turnover", "waiting lists"]


def _ordinal(day: int) -> str:
    return "th" if 11 <= day <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


@st.composite
def stated_dates(draw: st.DrawFn) -> tuple[str, str | None]:
    """A date as papers write it, with its ISO form (None: it states no date)."""
    if draw(st.integers(0, 9)) == 0:
        return draw(st.sampled_from(["TBC", "To be confirmed", "tbc", "n/a", "31/02/2014"])), None
    day = draw(st.dates(min_value=datetime.date(1995, 1, 1), max_value=datetime.date(2035, 12, 31)))
    forms = [day.strftime("%d %B %Y"), day.strftime("%d/%m/%Y"), day.isoformat(), day.strftime("%d.%m.%y"),
             f"{day:%A}, {day.day}{_ordinal(day.day)} {day:%B} {day.year}", f"{day:%B} {day.day}, {day.year}",
             f"{day.day} {day:%b} {day.year}", f"{day:%A} {day.day} {day:%B}, {day.year}"]
    return draw(st.sampled_from(forms)), day.isoformat()


@st.composite
def fragments(draw: st.DrawFn) -> str:
    """One committee-like fragment: header, list, numbered paragraphs, resolution, figure, heading."""
    kind = draw(st.sampled_from(["header", "present", "numbered", "resolved", "figure", "heading", "item",
                                 "prose"]))
    person, org, issue = draw(st.sampled_from(PEOPLE)), draw(st.sampled_from(ORGS)), draw(st.sampled_from(ISSUES))
    if kind == "header":
        stated, _ = draw(stated_dates())
        gap = draw(st.sampled_from([" ", "      ", "\t", ":  "]))
        return draw(st.sampled_from([f"Date:{gap}{stated}", f"**Date:** {stated}", f"Date{gap}{stated}      Time: 10am",
                                     f"{stated}, at 10.00 am      Ask for:      {person}",
                                     f"Venue: Room {draw(st.integers(1, 9))}, County Hall"]))
    if kind == "present":
        names = draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=4))
        return f"{draw(st.sampled_from(['Present:', 'PRESENT:', 'Members present:']))} " + ", ".join(
            names[:1] + [f"{n} (Chairman)" if i == 0 else n for i, n in enumerate(names[1:])])
    if kind == "numbered":
        numbers = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
        return "\n\n".join(f"({n}) {person} said that {issue} at {org} was a concern." for n in numbers)
    if kind == "resolved":
        limbs = draw(st.lists(st.sampled_from("abcd"), min_size=0, max_size=3))
        return "RESOLVED that:" + "".join(f"\n\n({x}) the report on {issue} be noted;" for x in limbs)
    if kind == "figure":
        amount = draw(st.sampled_from(["£5m", "£1.2 million", "£250,000", "between £2m and £3m", "45%", "£", "£0"]))
        return f"The budget is {amount} this year{draw(st.sampled_from(['.', '', ' for ' + org + '.']))}"
    if kind == "heading":
        return draw(st.sampled_from([f"## {draw(st.sampled_from(BODIES))}", "## AGENDA", "# Minutes",
                                     f"**{issue.title()}**", "### UNRESTRICTED ITEMS"]))
    if kind == "item":
        number = draw(st.integers(1, 12))
        return f"- {number}      **10.00am** - {person.split(' ', 1)[1]}, Director, {org} (Pages {number} - {number + 3})"
    return f"{person} told the committee that {issue} mattered to {org}."


def html_list(draw: st.DrawFn, items: list[str]) -> str:
    """An HTML list with odd attributes (any text in ``start``, ``type``, ``value``)."""
    odd = st.text(max_size=6)
    attrs = draw(st.sampled_from(["start", "type", "reversed", "value", "class"]))
    value = draw(odd).replace('"', "&quot;")
    tag = draw(st.sampled_from(["ol", "ul"]))
    body = "".join(f'<li value="{draw(odd).replace(chr(34), "")}">{item}</li>' for item in items)
    return f'<{tag} {attrs}="{value}">{body}</{tag}>'


@st.composite
def committee_papers(draw: st.DrawFn) -> tuple[str, bytes]:
    """A generated paper: a file name and its bytes (Markdown, text or HTML)."""
    parts = draw(st.lists(fragments(), min_size=1, max_size=8))
    if draw(st.booleans()):
        parts.insert(0, f"## AGENDA\n\n### {draw(st.sampled_from(BODIES)).upper()}")
    fmt = draw(st.sampled_from(["md", "txt", "html"]))
    if fmt == "html":
        markup = "".join(f"<p>{p}</p>" if draw(st.booleans()) else html_list(draw, p.split("\n\n")) for p in parts)
        if draw(st.booleans()):  # markup the standard library's parser trips on
            junk = draw(st.sampled_from(["<![", "<![<", "<![if !IE]>", "<!-- open", "&#99999999;", "<script>x",
                                         "</ol></ol>", "<li>stray", "<![CDATA[x]]>", "<?php ?>", "<ol start=\"-3\">"]))
            at = draw(st.integers(0, len(markup)))
            markup = markup[:at] + junk + markup[at:]
        return "paper.html", f"<html><body>{markup}</body></html>".encode()
    text = "\n\n".join(parts) + "\n"
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return f"paper.{fmt}", text.encode(encoding, errors="replace")


@given(committee_papers())
def test_committee_like_papers_load_with_anchored_conforming_graphs(paper: tuple[str, bytes]) -> None:
    name, data = paper
    loaded = run_property("committee-like papers", {name: data})
    for graphs, _ in loaded.graphs:
        for date in graphs.assertions.objects(None, SCHEMA.startDate):
            assert date.datatype in (XSD.date, XSD.dateTime) and not date.ill_typed


#: Words and marks of committee papers, for text that is arbitrary but often long enough to load.
WORDS = ["the", "Council", "Committee", "RESOLVED", "(1)", "(2)", "a)", "£5m", "45%", "Date:", "Present:", "Chairman",
         "Mr", "Cllr", "Smith", "##", "-", "*", "**", "1.", "|", "---", "\n", "\n\n", "\u00a0", "<li>", "<ol start=", "&amp;"]
LOOSE_TEXT = st.one_of(st.text(max_size=400),
                       st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=4)), max_size=80).map(" ".join))


@given(LOOSE_TEXT, st.sampled_from(["a.txt", "a.md", "a.html"]))
def test_arbitrary_text_loads_or_is_refused_by_name(text: str, name: str) -> None:
    run_property("arbitrary text", {name: text.encode("utf-8")})


BOMS = [b"", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xff\xfe\x00\x00", b"%PDF"]
LOOSE_BYTES = st.one_of(
    st.binary(max_size=400),
    st.tuples(st.sampled_from(BOMS), st.binary(max_size=200)).map(b"".join),
    st.tuples(LOOSE_TEXT, st.sampled_from(["utf-8", "utf-16", "utf-16-be", "utf-32", "cp1252", "latin-1"]))
      .map(lambda pair: pair[0].encode(pair[1], errors="replace")))


@given(LOOSE_BYTES, st.sampled_from(["a.txt", "a.md", "a.html", "a"]))
def test_arbitrary_bytes_load_or_are_refused_by_name(data: bytes, name: str) -> None:
    run_property("arbitrary bytes", {name: data})


SAMPLE_LINES = {path.name: path.read_text(encoding="utf-8").split("\n")
                for path in sorted(SAMPLE.iterdir()) if path.suffix in (".md", ".txt")}


@st.composite
def sample_mutations(draw: st.DrawFn) -> tuple[str, bytes]:
    """A window of a sample document with lines deleted, duplicated, swapped, or characters inserted."""
    name = draw(st.sampled_from(sorted(SAMPLE_LINES)))
    lines = SAMPLE_LINES[name]
    # A window, not the whole paper: the sample's full pack costs seconds a check (whole papers
    # only at full stress).
    start = draw(st.integers(0, len(lines) - 1))
    window = lines[start:start + draw(st.integers(5, stress(60, 300)))]
    rng = random.Random(draw(st.integers(0, 2**32)))
    for _ in range(draw(st.integers(1, 6))):
        if not window:
            break
        i, j = rng.randrange(len(window)), rng.randrange(len(window))
        operation = draw(st.sampled_from(["delete", "duplicate", "swap", "insert"]))
        if operation == "delete":
            del window[i]
        elif operation == "duplicate":
            window.insert(i, window[i])
        elif operation == "swap":
            window[i], window[j] = window[j], window[i]
        else:
            at = rng.randrange(len(window[i]) + 1)
            window[i] = window[i][:at] + draw(st.text(min_size=1, max_size=4)) + window[i][at:]
    return name, "\n".join(window).encode("utf-8", errors="replace")


@settings(max_examples=stress(40, 1_000))
@given(sample_mutations())
def test_mutated_sample_papers_load_with_anchored_conforming_graphs(mutated: tuple[str, bytes]) -> None:
    name, data = mutated
    run_property("sample mutations", {name: data})


@st.composite
def agendas(draw: st.DrawFn) -> tuple[str, str | None, bytes]:
    """An agenda whose header states its date ("Date: …") in some form, then any fragments."""
    stated, iso = draw(stated_dates())
    body = draw(st.sampled_from(BODIES))
    label = draw(st.sampled_from(["Date: ", "Date:      ", "**Date:** ", "DATE: "]))
    names = ", ".join(draw(st.lists(st.sampled_from(PEOPLE), min_size=1, max_size=3, unique=True)))
    rest = draw(st.lists(fragments(), max_size=5))
    text = "\n\n".join([f"## AGENDA\n\n### {body.upper()}", f"{label}{stated}", "#### Membership",
                        f"{names.replace(',', ' (Chairman),', 1)}", "- 1      Apologies for absence", *rest]) + "\n"
    return stated, iso, text.encode()


@settings(max_examples=stress(30, 1_000))
@given(agendas())
def test_a_stated_meeting_date_is_an_xsd_date_or_kept_as_text(agenda: tuple[str, str | None, bytes]) -> None:
    stated, iso, data = agenda
    loaded = run_property("agendas", {"agenda.md": data})
    assert len(loaded.graphs) == 1
    g = loaded.graphs[0][0].assertions
    meetings = list(g.subjects(RDF.type, EG.Meeting))
    assert len(meetings) == 1
    meeting = meetings[0]
    dates = {str(d) for d in g.objects(meeting, SCHEMA.startDate)}
    if iso is not None:
        assert key_of(str(meeting)).endswith(f"/{iso}") and {d[:10] for d in dates} == {iso}
    else:
        # A date written elsewhere in the paper may name the meeting; the stated text never does.
        last = key_of(str(meeting)).rsplit("/", 1)[1]
        assert last.startswith("undated") or datetime.date.fromisoformat(last)
        assert not any(isinstance(o, Literal) and o.datatype == XSD.date and str(o) == stated for o in g.objects())
        if not dates:
            assert [str(t) for t in g.objects(meeting, EG.dateText)] == [stated]


# -- IRIs --------------------------------------------------------------------------------------------------
@settings(max_examples=stress(200, 5_000))
@given(st.text(), st.text())
def test_any_key_gives_a_valid_iri_that_gives_the_key_back(key: str, other: str) -> None:
    RUNS["iri keys"] += 1
    node = iri(key)
    pyoxigraph.NamedNode(str(node))  # raises on an invalid IRI
    assert key_of(str(node)) == key
    assert (iri(other) == node) == (other == key)
    if all(c.isascii() and (c.isalnum() or c in "-._/") for c in key):
        assert safe_key(key) == key  # slug-made keys are their own IRI path


# -- one regression test per signature of issue 8 ----------------------------------------------------
def _folder(tmp_path: Path, files: dict[str, bytes | str]) -> Path:
    folder = tmp_path / "c"
    folder.mkdir(parents=True)
    for name, data in files.items():
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return folder


def _built(tmp_path: Path, files: dict[str, bytes | str]):
    folder = _folder(tmp_path, files)
    result = build_documents(collect_sources([folder])[0], Registry())
    assert result.errors == []
    return result


def _union(result) -> Graph:
    union = Graph()
    for graphs in result.graphs:
        for triple in graphs.assertions:
            union.add(triple)
    return union


def test_a_figure_with_no_author_loads_and_its_claim_is_dropped_and_reported(tmp_path: Path) -> None:
    result = _built(tmp_path, {"a.txt": "The budget is £5m this year."})
    assert len(result.graphs) == 1
    g, prov = result.graphs[0].assertions, result.graphs[0].provenance
    figure = next(g.subjects(RDF.type, EG.Figure))
    assert (g.value(figure, SCHEMA.value), str(g.value(figure, SCHEMA.currency))) == (Literal("5000000", datatype=XSD.decimal), "GBP")
    passage = g.value(figure, SCHEMA.appearance)
    assert str(g.value(passage, SCHEMA.text)) == "The budget is £5m this year."
    # The claim (no author, nothing it is about) is dropped, reported, and recorded in provenance.
    assert list(g.subjects(RDF.type, SCHEMA.Claim)) == []
    assert len(result.dropped) == 1 and result.dropped[0].startswith("c/a.txt: dropped ") and "Claim" in result.dropped[0]
    invalidated = list(prov.objects(None, PROV.invalidated))
    assert [key_of(str(n)) for n in invalidated] == ["doc/c/a#block_0.s1.claim"]
    assert (invalidated[0], None, None) not in g and (None, None, invalidated[0]) not in g


def test_a_repeated_paragraph_number_gives_two_passages(tmp_path: Path) -> None:
    text = ("Minutes:\n\n(1) The Chair opened the meeting and welcomed everyone.\n\n"
            "(2) The Chair explained the purpose of the session.\n\n"
            "(2) The Committee discussed waiting lists at length.\n")
    result = _built(tmp_path, {"a.txt": text})
    g = result.graphs[0].assertions
    twos = sorted((str(g.value(p, SCHEMA.text)), key_of(str(p))) for p in g.subjects(SCHEMA.position, Literal("2")))
    assert twos == [("(2) The Chair explained the purpose of the session.", "doc/c/a#para_2"),
                    ("(2) The Committee discussed waiting lists at length.", "doc/c/a#para_2-2")]
    assert quote_failures(g, text, limit=10**6) == []


AGENDA = "## AGENDA\n\n### AUDIT COMMITTEE\n\nDate: {date}\n\n#### Membership\n\nMr A Smith (Chairman), Mr B Jones\n"


@pytest.mark.parametrize("stated", ["30 January 2014", "30/01/2014", "Thursday, 30th January 2014", "2014-01-30",
                                    "30.01.14", "January 30, 2014"])
def test_a_labelled_agenda_date_is_parsed_into_the_meeting(tmp_path: Path, stated: str) -> None:
    g = _union(_built(tmp_path, {"a.md": AGENDA.format(date=stated)}))
    meeting = next(g.subjects(RDF.type, EG.Meeting))
    assert key_of(str(meeting)) == "meeting/unknown-c/audit-committee/2014-01-30"
    assert list(g.objects(meeting, SCHEMA.startDate)) == [Literal("2014-01-30", datatype=XSD.date)]


def test_build_and_export_of_a_labelled_date_succeed(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, {"a.md": AGENDA.format(date="30 January 2014")})
    assert cli.main(["--store", str(tmp_path / "store"), "build", "--quiet", str(folder)]) == 0
    assert cli.main(["export", "--format", "nquads", str(folder)]) == 0
    out = capsys.readouterr().out
    quads = list(pyoxigraph.parse(out.encode(), format=pyoxigraph.RdfFormat.N_QUADS))  # every IRI valid
    assert pyoxigraph.NamedNode(str(iri("meeting/unknown-c/audit-committee/2014-01-30"))) in {q.subject for q in quads}


def test_export_of_a_bad_document_is_one_line_naming_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = _folder(tmp_path, {"bad.txt": b"\x00\x01binary"})
    assert cli.main(["export", str(folder / "bad.txt")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "bad.txt: binary file" in err and "Traceback" not in err


def test_an_unparseable_date_is_kept_as_text_never_as_a_date_or_in_an_iri(tmp_path: Path) -> None:
    result = _built(tmp_path, {"a.md": AGENDA.format(date="TBC")})
    g = _union(result)
    meeting = next(g.subjects(RDF.type, EG.Meeting))
    assert list(g.objects(meeting, EG.dateText)) == [Literal("TBC")]
    assert list(g.objects(meeting, SCHEMA.startDate)) == []
    assert not any("tbc" in str(t).lower() for triple in g for t in triple if isinstance(t, URIRef))
    assert not any(isinstance(o, Literal) and o.datatype == XSD.date and str(o) == "TBC" for o in g.objects())


def test_an_ordered_list_with_an_odd_start_is_numbered_from_one(tmp_path: Path) -> None:
    assert html_to_text('<ol start="²"><li>Apologies</li><li>Minutes</li></ol>') == "1. Apologies\n\n2. Minutes\n"
    assert html_to_text('<ol start="x7"><li>A</li></ol>') == html_to_text('<ol start><li>A</li></ol>') == "1. A\n"
    page = '<html><body><ol start="²"><li>The Chair opened the meeting.</li></ol></body></html>'
    g = _union(_built(tmp_path, {"a.html": page}))
    assert "The Chair opened the meeting." in {str(o) for o in g.objects(None, SCHEMA.text)}


def test_keep_going_stores_every_good_document_beside_a_broken_one(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    good = "(1) The Chair told the Audit Committee that waiting lists were growing.\n"
    alone = build_documents(collect_sources([_folder(tmp_path / "alone", {"good.txt": good})])[0], Registry())
    folder = _folder(tmp_path, {"good.txt": good, "empty.txt": "", "broken.txt": "(1) A paper that breaks a stage.\n"})
    real = build_module.find_mentions

    def breaks_on_one(doc, context):
        if doc.document.key.endswith("broken"):
            raise KeyError("org/nowhere")
        return real(doc, context)

    monkeypatch.setattr(build_module, "find_mentions", breaks_on_one)
    store = EvidenceStore(tmp_path / "store")
    with pytest.raises(build_module.BuildError, match=r"c/broken.txt: internal error"):
        build_into_store(store, [folder])
    result = build_into_store(store, [folder], keep_going=True)
    assert sorted(e.split(":")[0] for e in result.errors) == ["c/broken.txt", "c/empty.txt"]
    assert "internal error while building (KeyError" in next(e for e in result.errors if "broken" in e)
    assert sorted(store.document_keys()) == ["c/good"]
    # The good paper's facts are the ones it has alone: the broken one poisoned nothing.
    assert set(result.graphs[0].assertions) == set(alone.graphs[0].assertions)
    assert "org/nowhere" not in result.registry


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_text_with_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    text = "(1) The Chair said the Council’s budget was £5m.\n"
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    folder = _folder(tmp_path, {"a.txt": bom + text.encode(encoding)})
    document = read_document(folder / "a.txt", tmp_path)
    assert document.text == text and document.encoding == {"utf-8-sig": "utf-8", "utf-32": "utf-32"}.get(encoding, "utf-16")
    result = _built(tmp_path / "built", {"a.txt": bom + text.encode(encoding)})
    assert text.strip() in {str(o) for o in _union(result).objects(None, SCHEMA.text)}

