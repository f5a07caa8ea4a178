"""The exports read back by the tools their users load them into, over HTTP from the live CLI
server as those users would fetch them: networkx (GraphML, GEXF, node-link), igraph (GraphML),
Cytoscape.js and graphology with its ForceAtlas2 layout in Node (tests/graph_tools/), sigma.js's
WebGL renderer in headless Chromium, rapper (raptor2) and rdflib (Turtle, N-Quads, TriG), and PyLD
expanding the compact JSON-LD, its ``@context`` fetched from the server, to the N-Quads' quads.

`make test` installs Node's packages (``npm ci --prefix tests/graph_tools``), Chromium and
raptor2-utils; a missing tool fails its test with how to get it, never skips it.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import urllib.parse
from pathlib import Path

import igraph
import networkx as nx
import pytest
import rdflib
from pyld import jsonld

from tests.conftest import LiveServer

GRAPH_TOOLS = Path(__file__).parent / "graph_tools"
KCC = "http://127.0.0.1:8000/id/org/gb-lae-ken"


def _tool(name: str, how: str) -> str:
    found = shutil.which(name)
    if not found:
        pytest.fail(f"{name} not found: {how}")
    return found


def fetch(server: LiveServer, name: str, query: str = "") -> tuple[dict[str, str], bytes]:
    status, headers, body = server.get(f"/export/{name}" + (f"?{query}" if query else ""))
    assert status == 200, body[:500]
    return headers, body


@pytest.fixture(scope="module")
def health(live_server: LiveServer) -> dict[str, object]:
    return live_server.health()


def test_export_lists_formats_with_media_types(live_server: LiveServer) -> None:
    status, _, body = live_server.get("/export")
    assert status == 200
    formats = {f["name"]: f for f in json.loads(body)["formats"]}
    assert {"graphml", "gexf", "cytoscape", "graphology", "nodelink", "csv-nodes", "csv-edges", "nquads",
            "turtle", "jsonld"} <= set(formats)
    for name, expected in (("graphml", "application/graphml+xml"), ("gexf", "application/gexf+xml"),
                           ("nquads", "application/n-quads"), ("turtle", "text/turtle"),
                           ("jsonld", "application/ld+json"), ("csv-edges", "text/csv")):
        headers, _ = fetch(live_server, name, "type=Committee")
        assert headers["content-type"].startswith(expected), (name, headers["content-type"])
        assert formats[name]["mediaType"] == expected
        assert headers["content-disposition"] == f'attachment; filename="evidence-graph.{formats[name]["extension"]}"'
        assert headers["x-graph-version"]
        # Streamed: no length known in advance.
        assert "content-length" not in headers


def test_graphml_reads_back_in_networkx_and_igraph(live_server: LiveServer, health: dict[str, object],
                                                   tmp_path: Path) -> None:
    _, body = fetch(live_server, "graphml", "centrality=PAGERANK&community=LOUVAIN")
    graph = nx.read_graphml(io.BytesIO(body))
    assert graph.number_of_nodes() == health["nodes"]
    assert graph.is_directed() and graph.is_multigraph()
    kcc = graph.nodes[KCC]
    assert kcc["type"] == "Organisation" and kcc["label"] == "Kent County Council"
    # Multi-valued attributes are encoded (a JSON array), not dropped.
    assert "KCC" in json.loads(kcc["aliases"])
    assert isinstance(kcc["degree"], int) and kcc["degree"] >= 10
    assert isinstance(kcc["centrality"], float) and isinstance(kcc["community"], int)
    edges = list(graph.edges(data=True))
    assert all(data["predicate"].startswith("http") and data["label"] and isinstance(data["evidence"], int)
               for _, _, data in edges)
    assert any(data["evidence"] > 0 for _, _, data in edges)

    path = tmp_path / "graph.graphml"
    path.write_bytes(body)
    read = igraph.Graph.Read_GraphML(str(path))
    assert read.vcount() == graph.number_of_nodes() and read.ecount() == graph.number_of_edges()
    assert read.is_directed()
    assert set(read.vs.attributes()) >= {"id", "type", "label", "aliases", "degree", "centrality", "community"}
    assert set(read.es.attributes()) >= {"predicate", "label", "evidence"}


def test_gexf_reads_back_in_networkx_with_viz(live_server: LiveServer, health: dict[str, object]) -> None:
    _, body = fetch(live_server, "gexf", "centrality=DEGREE")
    assert b'version="1.3"' in body and b"http://gexf.net/1.3/viz" in body
    graph = nx.read_gexf(io.BytesIO(body), version="1.3")
    assert graph.number_of_nodes() == health["nodes"]
    kcc = graph.nodes[KCC]
    assert kcc["label"] == "Kent County Council" and kcc["type"] == "Organisation"
    assert isinstance(kcc["degree"], int) and isinstance(kcc["centrality"], float)
    # Colour from the type, size from the centrality, a position: what Gephi draws without a layout.
    assert set(kcc["viz"]) >= {"color", "size", "position"}
    sizes = {data["viz"]["size"] for _, data in graph.nodes(data=True)}
    assert len(sizes) > 3
    colours = {(data["type"], tuple(sorted(data["viz"]["color"].items()))) for _, data in graph.nodes(data=True)}
    assert len({t for t, _ in colours}) == len(colours)  # one colour per type
    edge = next(iter(graph.edges(data=True)))[2]
    assert edge["predicate"] and isinstance(edge["evidence"], int)


def test_nodelink_keys_stated_and_round_trip(live_server: LiveServer, health: dict[str, object]) -> None:
    _, body = fetch(live_server, "nodelink")
    data = json.loads(body)
    keys = data["graph"]["keys"]
    graph = nx.node_link_graph(data, edges=keys.get("edges", "edges"))
    assert graph.number_of_nodes() == health["nodes"]
    assert graph.number_of_edges() == len(data["edges"])
    with_quotes = [e for e in data["edges"] if e["evidence"]]
    assert with_quotes and all(len(e["quotes"]) == e["evidence"] for e in with_quotes)
    # Each quote is traceable: its text, where it sits in its passage, and its document.
    for quote in (q for e in with_quotes for q in e["quotes"]):
        assert quote["quote"] and quote["end"] > quote["start"] >= 0
        assert quote["passage"].startswith(quote["document"] + "#")


def _load_in_node(kind: str, path: Path) -> dict[str, object]:
    node = _tool("node", "`make test` installs Node.js (apt-get install nodejs npm)")
    if not (GRAPH_TOOLS / "node_modules" / "cytoscape").is_dir():
        pytest.fail("tests/graph_tools/node_modules is missing: run `make node` (npm ci --prefix tests/graph_tools)")
    done = subprocess.run([node, "load.mjs", kind, str(path)], cwd=GRAPH_TOOLS, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_cytoscape_js_loads_without_warnings(live_server: LiveServer, health: dict[str, object],
                                             tmp_path: Path) -> None:
    _, body = fetch(live_server, "cytoscape")
    elements = json.loads(body)["elements"]
    ids = [e["data"]["id"] for group in ("nodes", "edges") for e in elements[group]]
    assert len(ids) == len(set(ids)) and all(isinstance(i, str) for i in ids)
    path = tmp_path / "graph.cyjs"
    path.write_bytes(body)
    loaded = _load_in_node("cytoscape", path)
    assert loaded["warnings"] == []
    assert loaded["nodes"] == health["nodes"] and loaded["edges"] == len(elements["edges"])
    assert loaded["dangling"] == 0 and loaded["positioned"] == loaded["nodes"]
    assert {"id", "type", "label", "aliases", "degree"} <= set(loaded["first"])


def test_graphology_imports_and_lays_out(live_server: LiveServer, health: dict[str, object],
                                         tmp_path: Path) -> None:
    _, body = fetch(live_server, "graphology", "seed=org/gb-lae-ken&hops=2")
    path = tmp_path / "graph.json"
    path.write_bytes(body)
    loaded = _load_in_node("graphology", path)
    assert loaded["warnings"] == []
    assert 0 < loaded["nodes"] <= health["nodes"]
    assert loaded["multi"] is True and loaded["type"] == "directed"
    # ForceAtlas2 ran from our positions and left every node placed.
    assert loaded["finite"] == loaded["nodes"]
    assert {"x", "y", "size", "color", "label", "entityType"} <= set(loaded["first"])


def test_sigma_renders_the_graphology_export_in_chromium(live_server: LiveServer, tmp_path: Path) -> None:
    from selenium import webdriver
    from selenium.webdriver.chrome.options import Options
    from selenium.webdriver.chrome.service import Service

    bundle = GRAPH_TOOLS / "dist" / "sigma_page.js"
    if not bundle.is_file():
        pytest.fail("tests/graph_tools/dist/sigma_page.js is missing: run `make node` (npm run build)")
    _, body = fetch(live_server, "graphology", "type=Person,Organisation,Committee")
    page = tmp_path / "sigma.html"
    page.write_text("<!doctype html><html><body><div id='c' style='width:800px;height:600px'></div>"
                    f"<script>{bundle.read_text()}</script><script>window.DATA = {body.decode()};</script>"
                    "</body></html>")
    options = Options()
    options.binary_location = _tool("chromium", "`make test` installs it (apt-get install chromium)")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=900,700",
                     "--enable-unsafe-swiftshader", "--use-angle=swiftshader",
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(_tool("chromedriver", "apt-get install chromium-driver")),
                              options=options)
    try:
        driver.get(page.as_uri())
        result = driver.execute_script(
            "return window.renderGraphology(window.DATA, document.getElementById('c'));")
        errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
        shot = tmp_path / "sigma.png"
        driver.save_screenshot(str(shot))
    finally:
        driver.quit()
    data = json.loads(body)
    assert result["nodes"] == len(data["nodes"]) > 0 and result["edges"] == len(data["edges"])
    assert result["drawn"] is True
    assert errors == []
    assert shot.stat().st_size > 5_000  # a drawn canvas, not a blank page


def test_rapper_and_rdflib_parse_turtle_nquads_trig(live_server: LiveServer, tmp_path: Path) -> None:
    rapper = _tool("rapper", "`make test` installs raptor2-utils (apt-get install raptor2-utils)")
    _, nquads = fetch(live_server, "nquads")
    _, turtle = fetch(live_server, "turtle")
    _, trig = fetch(live_server, "trig")
    counts = {}
    for name, body, syntax in (("graph.nq", nquads, "nquads"), ("graph.ttl", turtle, "turtle"),
                               ("graph.trig", trig, "trig")):
        path = tmp_path / name
        path.write_bytes(body)
        done = subprocess.run([rapper, "-i", syntax, "-c", str(path)], capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert "Error" not in done.stderr, done.stderr
        counts[syntax] = int(done.stderr.split("returned ")[1].split(" ")[0])
    dataset = rdflib.Dataset()
    dataset.parse(data=nquads, format="nquads")
    quads = sum(1 for _ in dataset.quads((None, None, None, None)))
    assert counts["nquads"] == quads > 10_000
    assert counts["trig"] == quads
    union = rdflib.Graph().parse(data=turtle, format="turtle")
    assert counts["turtle"] == len(union) <= quads
    assert (rdflib.URIRef(KCC), rdflib.RDFS.label, None) in union or \
        any(True for _ in union.triples((rdflib.URIRef(KCC), None, None)))


def test_pyld_expands_compact_jsonld_to_the_nquads(live_server: LiveServer) -> None:
    headers, body = fetch(live_server, "jsonld")
    assert headers["content-type"].startswith("application/ld+json")
    document = json.loads(body)
    context = document["@context"]
    # The export refers to the @context the server publishes, as compact JSON-LD on the web does.
    assert isinstance(context, str) and context.startswith(live_server.url) and context.endswith("/context.jsonld")

    def load_from_server(url: str, options: dict[str, object]) -> dict[str, object]:
        assert urllib.parse.urlsplit(url).netloc == urllib.parse.urlsplit(live_server.url).netloc, url
        status, served, payload = live_server.get(urllib.parse.urlsplit(url).path)
        assert status == 200 and served["content-type"].startswith("application/ld+json")
        return {"contentType": "application/ld+json", "contextUrl": None, "documentUrl": url,
                "document": json.loads(payload)}

    expanded = jsonld.to_rdf(document, {"format": "application/n-quads", "documentLoader": load_from_server})
    from_jsonld = rdflib.Dataset()
    from_jsonld.parse(data=expanded, format="nquads")
    _, nquads = fetch(live_server, "nquads")
    from_nquads = rdflib.Dataset()
    from_nquads.parse(data=nquads, format="nquads")

    def quad_set(dataset: rdflib.Dataset) -> set[tuple[object, ...]]:
        return {(s, p, o, g.identifier if hasattr(g, "identifier") else g)
                for s, p, o, g in dataset.quads((None, None, None, None))}

    left, right = quad_set(from_jsonld), quad_set(from_nquads)
    assert len(right) > 10_000
    assert left == right, (sorted(map(str, left - right))[:3], sorted(map(str, right - left))[:3])


def test_csv_tables_join(live_server: LiveServer) -> None:
    _, nodes_body = fetch(live_server, "csv-nodes", "type=Person,Organisation")
    _, edges_body = fetch(live_server, "csv-edges", "type=Person,Organisation")
    nodes = list(csv.DictReader(io.StringIO(nodes_body.decode())))
    edges = list(csv.DictReader(io.StringIO(edges_body.decode())))
    assert list(nodes[0])[:2] == ["Id", "Label"]
    assert list(edges[0])[:5] == ["Source", "Target", "Type", "Id", "Label"]
    ids = {n["Id"] for n in nodes}
    assert {n["type"] for n in nodes} == {"Person", "Organisation"}
    assert edges and all(e["Source"] in ids and e["Target"] in ids for e in edges)


def test_selection_narrows_the_same_way_over_http(live_server: LiveServer, health: dict[str, object]) -> None:
    def nodes(query: str) -> list[dict[str, object]]:
        return json.loads(fetch(live_server, "nodelink", query)[1])["nodes"]

    people = nodes("type=Person")
    assert people and {n["type"] for n in people} == {"Person"}
    near = nodes("seed=org/gb-lae-ken&hops=1")
    wider = nodes("seed=org/gb-lae-ken&hops=2")
    assert KCC in {n["id"] for n in near} and len(near) < len(wider) < health["nodes"]
    # Nodes with fewer than 10 statements are dropped once (as Gephi's degree filter does); the
    # degree written is then the node's degree in what was exported.
    whole = {n["id"]: n["degree"] for n in nodes("")}
    busy = nodes("min_degree=10")
    assert {n["id"] for n in busy} == {node for node, degree in whole.items() if degree >= 10}
    members = json.loads(fetch(live_server, "nodelink", "predicate=org:memberOf")[1])
    assert members["edges"] and {e["predicate"] for e in members["edges"]} == {"http://www.w3.org/ns/org#memberOf"}


@pytest.mark.parametrize(("query", "named"), [("hops=two", "hops"), ("colour=red", "colour"),
                                               ("seed=org/nowhere", "org/nowhere"), ("type=Planet", "Planet"),
                                               ("centrality=PAGERANKS", "PAGERANKS")])
def test_bad_selection_is_a_400_naming_it(live_server: LiveServer, query: str, named: str) -> None:
    status, headers, body = live_server.get(f"/export/graphml?{query}")
    assert status == 400 and headers["content-type"].startswith("application/json")
    assert named in json.loads(body)["errors"][0]["message"]


def test_unknown_format_is_a_404_listing_them(live_server: LiveServer) -> None:
    status, _, body = live_server.get("/export/dot")
    assert status == 404
    message = json.loads(body)["errors"][0]["message"]
    assert "dot" in message and "graphml" in message


def test_graphql_export_field_matches_http(live_server: LiveServer) -> None:
    answer = live_server.graphql("""query($s: ExportSelectionInput) {
      export(format: NODELINK, selection: $s) { format mediaType nodeCount edgeCount text href } }""",
                                 {"s": {"types": ["Person"], "centrality": "PAGERANK"}})
    assert "errors" not in answer, answer
    export = answer["data"]["export"]
    data = json.loads(export["text"])
    assert export["nodeCount"] == len(data["nodes"]) > 0 and export["edgeCount"] == len(data["edges"])
    assert all("centrality" in n for n in data["nodes"])
    status, _, body = live_server.get(export["href"])
    assert status == 200
    assert {n["id"] for n in json.loads(body)["nodes"]} == {n["id"] for n in data["nodes"]}
