"""The explorer at ``/`` in a real browser: headless Chromium (Debian's, through Selenium and Debian's
chromedriver) on the live CLI server, every host but the loopback unresolvable. A newcomer searches
"Stepahead", opens it, reads a quote that is in the sample corpus, expands a node, asks for the path
cookbook query 7 walks, opens a theme and a document; screenshots of each step are kept."""

from __future__ import annotations

import itertools
import urllib.parse
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.conftest import LiveServer
from tests.test_graphiql_browser import browser as browser
from tests.test_graphiql_browser import screenshot, wait_for

ROOT = Path(__file__).parents[1]
#: The sample corpus's words, spaced as a browser renders them (runs of white space as one space).
CORPUS_TEXT = " ".join(" ".join(p.read_text(encoding="utf-8").split()) for p in (ROOT / "corpus").rglob("*")
                       if p.is_file() and p.suffix in (".md", ".txt", ".html"))
SALUS = "http://127.0.0.1:8000/id/org/project-salus"
IFA_FRAMEWORK = "http://127.0.0.1:8000/id/framework/independent-foster-agency-framework"


def state(browser: webdriver.Chrome, path: str) -> object:
    return browser.execute_script(f"return window.explorer && window.explorer.{path};")


def in_corpus(quote: str) -> bool:
    return " ".join(quote.split()) in CORPUS_TEXT


def not_blank(path: Path) -> None:
    """A screenshot that shows something: many colours, not one flat fill."""
    from PIL import Image

    with Image.open(path) as image:
        colours = image.convert("RGB").getcolors(maxcolors=1_000_000)
    assert colours is not None and len(colours) > 50, f"{path} looks blank"


def choose(browser: webdriver.Chrome, input_id: str, text: str, iri: str) -> None:
    """Type into a search box, wait for the suggestion naming ``iri`` and pick it with the keyboard."""
    box = browser.find_element(By.ID, input_id)
    box.clear()
    box.send_keys(text)
    listbox = f"{input_id}-options" if input_id != "search" else "search-options"
    options = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, f"#{listbox} [role=option]"), "suggestions")
    index = wait_for(lambda: next((i + 1 for i, o in enumerate(options) if o.get_attribute("data-iri") == iri), None),
                     f"a suggestion for {iri}")
    box.send_keys(Keys.ARROW_DOWN * index, Keys.ENTER)


@pytest.fixture(scope="module")
def explorer(browser: webdriver.Chrome, live_server: LiveServer) -> Iterator[webdriver.Chrome]:
    browser.get(live_server.url + "/")
    wait_for(lambda: state(browser, "ready"), "the explorer to start")
    yield browser


def test_search_opens_an_entity_with_evidence_from_the_corpus(explorer: webdriver.Chrome, tmp_path: Path) -> None:
    choose(explorer, "search", "Stepahead", "http://127.0.0.1:8000/id/org/stepahead-support")
    wait_for(lambda: (state(explorer, "graph.selected") or {}).get("quotes"), "the evidence panel")
    assert explorer.find_element(By.CSS_SELECTOR, "#details h2").text == "Stepahead Support"
    quotes = [m.text for m in explorer.find_elements(By.CSS_SELECTOR, "#details .quote mark")]
    assert quotes and all(in_corpus(q) for q in quotes if q), quotes[:5]
    # Shown in context: some quote sits inside the passage text around it, and links to its paragraph.
    contexts = [b.text for b in explorer.find_elements(By.CSS_SELECTOR, "#details .quote blockquote")]
    assert any(len(c) > len(q) + 20 and q in c for c, q in zip(contexts, quotes, strict=True))
    links = [a.get_attribute("href") for a in explorer.find_elements(By.CSS_SELECTOR, "#details .quote figcaption a")]
    assert any("view=documents" in link and "passage=" in link for link in links)
    assert int(explorer.find_element(By.ID, "graph").get_attribute("data-node-count")) > 5
    not_blank(screenshot(explorer, tmp_path, "explorer-entity"))


def test_nodes_are_sized_by_the_apis_centrality(explorer: webdriver.Chrome, live_server: LiveServer) -> None:
    drawn = explorer.execute_script(
        "return window.explorer.cy.nodes().map(n => [n.id(), n.data('centrality'), n.data('size')]);")
    assert len(drawn) > 5
    # The score each node was drawn with is the one the API gives, and PageRank's (its ranking agrees).
    ranking = live_server.graphql("{ centrality(algorithm: PAGERANK, first: 1) { edges { score node { iri } } } }")
    top = ranking["data"]["centrality"]["edges"][0]
    for iri, centrality, _ in drawn:
        answer = live_server.graphql("query($iri: String!) { entity(iri: $iri) { centrality } }", {"iri": iri})
        assert centrality == pytest.approx(answer["data"]["entity"]["centrality"]), iri
        assert centrality <= top["score"] + 1e-12, iri
        if iri == top["node"]["iri"]:
            assert centrality == pytest.approx(top["score"])
    by_score = sorted(drawn, key=lambda d: d[1])
    assert by_score[-1][2] == max(d[2] for d in drawn) and by_score[0][2] < by_score[-1][2]
    # Size grows with centrality: never a less central node drawn larger than a more central one.
    assert all(a[2] <= b[2] for a, b in itertools.pairwise(by_score))


def test_double_clicking_a_node_adds_its_neighbours(explorer: webdriver.Chrome, tmp_path: Path) -> None:
    before = int(state(explorer, "graph.nodeCount"))
    # The node with the most statements: double-clicked where it is drawn on the canvas.
    x, y, iri = explorer.execute_script(
        "const cy = window.explorer.cy; const n = cy.nodes().not('.seed').max(n => n.data('degree')).ele;"
        "const p = n.renderedPosition(); return [p.x, p.y, n.id()];")
    canvas = explorer.find_element(By.ID, "graph")
    size = canvas.size
    ActionChains(explorer).move_to_element_with_offset(canvas, x - size["width"] / 2, y - size["height"] / 2) \
        .double_click().perform()
    wait_for(lambda: iri in (state(explorer, "graph.expanded") or []), "the node to be expanded")
    wait_for(lambda: int(state(explorer, "graph.nodeCount")) > before, "more nodes on the canvas")
    not_blank(screenshot(explorer, tmp_path, "explorer-expanded"))


def test_the_path_tool_draws_each_hop_with_its_evidence(explorer: webdriver.Chrome, tmp_path: Path) -> None:
    explorer.find_element(By.CSS_SELECTOR, "nav [data-view=path]").click()
    choose(explorer, "path-from", "Project Salus", SALUS)
    choose(explorer, "path-to", "Independent Foster", IFA_FRAMEWORK)
    explorer.find_element(By.ID, "find-path").click()
    hops = wait_for(lambda: state(explorer, "path.hops"), "a path")
    assert hops >= 2
    nodes = state(explorer, "path.nodes")
    assert nodes[0] == "Project Salus" and nodes[-1] == "Independent Foster Agency Framework"
    assert explorer.execute_script("return window.explorer.pathCy.edges().length") == hops
    items = explorer.find_elements(By.CSS_SELECTOR, "#path-details li.hop")
    assert len(items) == hops
    quotes = [m.text for m in explorer.find_elements(By.CSS_SELECTOR, "#path-details .quote mark")]
    assert quotes and all(in_corpus(q) for q in quotes)
    not_blank(screenshot(explorer, tmp_path, "explorer-path"))


def test_a_theme_lists_its_questions_answerers_and_passages(explorer: webdriver.Chrome, tmp_path: Path) -> None:
    explorer.find_element(By.CSS_SELECTOR, "nav [data-view=themes]").click()
    buttons = wait_for(lambda: explorer.find_elements(By.CSS_SELECTOR, "#theme-list button"), "the themes")
    assert len(buttons) >= 5
    buttons[0].click()
    theme = wait_for(lambda: state(explorer, "theme"), "the theme")
    assert theme["questions"] > 0 and theme["passages"] > 0
    assert explorer.find_elements(By.CSS_SELECTOR, "#theme .question")
    assert "Answered by" in explorer.find_element(By.ID, "theme").text
    not_blank(screenshot(explorer, tmp_path, "explorer-theme"))


def test_a_document_shows_its_text_with_mentions_marked(explorer: webdriver.Chrome, tmp_path: Path) -> None:
    explorer.find_element(By.CSS_SELECTOR, "nav [data-view=documents]").click()
    wait_for(lambda: explorer.find_elements(By.CSS_SELECTOR, "#document-list button"), "the documents")
    explorer.find_element(By.XPATH, "//ul[@id='document-list']//button[contains(., 'Stepahead Support')]").click()
    document = wait_for(lambda: state(explorer, "document"), "the document")
    assert document["passages"] > 5 and document["mentions"] > 5
    marks = [m.text for m in explorer.find_elements(By.CSS_SELECTOR, "#document mark.mention")]
    assert "Stepahead Support" in marks and all(in_corpus(m) for m in marks)
    not_blank(screenshot(explorer, tmp_path, "explorer-document"))


def test_the_cookbook_lists_every_query_for_graphiql(explorer: webdriver.Chrome, live_server: LiveServer) -> None:
    explorer.find_element(By.CSS_SELECTOR, "nav [data-view=cookbook]").click()
    links = explorer.find_elements(By.CSS_SELECTOR, "#cookbook a")
    queries = [urllib.parse.parse_qs(urllib.parse.urlsplit(a.get_attribute("href")).query)["q"][0] for a in links]
    assert queries == [p.read_text(encoding="utf-8") for p in sorted((ROOT / "docs" / "queries").glob("*.graphql"))]


def test_the_page_loads_only_from_the_server_and_logs_no_errors(explorer: webdriver.Chrome,
                                                                live_server: LiveServer) -> None:
    resources = explorer.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    assert resources and all(r.startswith(live_server.url) for r in resources), resources
    severe = [e["message"] for e in explorer.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == [], severe
    assert state(explorer, "errors") == []
