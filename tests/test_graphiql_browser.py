"""GraphiQL in a real browser: headless Chromium (Debian's, driven by Selenium through Debian's
chromedriver) opens ``/graphql`` on the live CLI server, as a newcomer would, runs the cookbook's
first query and a query shared by link, and reads the answers off the page. Every host but the
loopback is made unresolvable, so the page must work with no network (its assets are served by the
server itself)."""

from __future__ import annotations

import json
import os
import shutil
import time
import urllib.parse
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

from tests.conftest import LiveServer

KCC = "http://127.0.0.1:8000/id/org/gb-lae-ken"
COOKBOOK = sorted((Path(__file__).parents[1] / "docs" / "queries").glob("*.graphql"))
#: Where the screenshots go (kept for a person to look at; under pytest's temporary folder otherwise).
SCREENSHOTS = os.environ.get("EVIDENCE_GRAPH_SCREENSHOTS")


def _find(*names: str) -> str:
    for name in names:
        found = shutil.which(name)
        if found:
            return found
    pytest.fail(f"{' or '.join(names)} not found: `make test` installs Chromium and its driver "
                f"(apt-get install chromium chromium-driver)")


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    options = Options()
    options.binary_location = _find("chromium", "chromium-browser")
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1400,900",
                     # No network: any host but the loopback fails to resolve.
                     "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(_find("chromedriver")), options=options)
    driver.set_page_load_timeout(60)
    try:
        yield driver
    finally:
        driver.quit()


def wait_for(condition: Callable[[], Any], what: str, timeout: float = 60.0) -> Any:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.2)
    raise AssertionError(f"timed out after {timeout:.0f} s waiting for {what}")


def editor_text(browser: webdriver.Chrome, selector: str) -> str:
    """The text of a GraphiQL editor (CodeMirror 5 keeps it on the element)."""
    return browser.execute_script(
        "const e = document.querySelector(arguments[0] + ' .CodeMirror');"
        "return e && e.CodeMirror ? e.CodeMirror.getValue() : '';", selector) or ""


def run_and_read(browser: webdriver.Chrome) -> dict[str, Any]:
    browser.find_element(By.CSS_SELECTOR, ".graphiql-execute-button").click()
    text = wait_for(lambda: editor_text(browser, ".result-window").strip(), "a result in the result pane")
    return json.loads(text)


def screenshot(browser: webdriver.Chrome, tmp_path: Path, name: str) -> Path:
    folder = Path(SCREENSHOTS) if SCREENSHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    browser.save_screenshot(str(path))
    return path


def test_graphiql_opens_on_the_cookbook_and_answers_it(browser: webdriver.Chrome, live_server: LiveServer,
                                                      tmp_path: Path) -> None:
    browser.get(live_server.url + "/graphql")
    wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".graphiql-container"), "GraphiQL to render")
    query = wait_for(lambda: editor_text(browser, ".graphiql-query-editor"), "the query editor")
    assert "query WitnessesWhoRaisedTupe" in query
    answer = run_and_read(browser)
    (issue,) = [edge["node"] for edge in answer["data"]["issues"]["edges"]]
    assert {a["label"] for a in issue["raisedBy"]} >= {"Project Salus", "Stepahead Support"}
    assert all("TUPE" in claim["quote"]["quote"] for claim in issue["claims"])
    assert screenshot(browser, tmp_path, "graphiql-cookbook-1").stat().st_size > 10_000

    # Everything the page loaded came from the server itself, and nothing failed to load.
    resources = browser.execute_script("return performance.getEntriesByType('resource').map(r => r.name)")
    assert resources and all(r.startswith(live_server.url) for r in resources), resources
    severe = [e["message"] for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == [], severe


def test_every_cookbook_query_is_a_tab_one_click_away(browser: webdriver.Chrome, live_server: LiveServer,
                                                      tmp_path: Path) -> None:
    browser.get(live_server.url + "/graphql")
    browser.execute_script("window.localStorage.clear()")  # a first visit: no tabs remembered
    browser.get(live_server.url + "/graphql")
    tabs = wait_for(lambda: browser.find_elements(By.CSS_SELECTOR, ".graphiql-tab-button")
                    if len(browser.find_elements(By.CSS_SELECTOR, ".graphiql-tab-button")) > 1 else None,
                    "the cookbook's tabs")
    assert len(tabs) == len(COOKBOOK)
    last = COOKBOOK[-1].read_text(encoding="utf-8")
    tabs[-1].click()
    wait_for(lambda: editor_text(browser, ".graphiql-query-editor") == last, "the last cookbook query in the editor")
    # GraphiQL reads a new tab's operation name from its editor a moment after the tab opens (a
    # tab from defaultTabs has none); run before that and it sends the previous tab's name.
    wait_for(lambda: browser.execute_script(
        "const s = JSON.parse(localStorage.getItem('graphiql:tabState') || '{}');"
        "return s.tabs && s.tabs[s.activeTabIndex] ? s.tabs[s.activeTabIndex].operationName : null;")
        == "MostCentralOrganisations", "GraphiQL to take the tab's operation name")
    assert run_and_read(browser) == live_server.graphql(last)
    screenshot(browser, tmp_path, "graphiql-cookbook-tabs")


def test_a_shared_link_prefills_the_editors(browser: webdriver.Chrome, live_server: LiveServer,
                                            tmp_path: Path) -> None:
    query = "query One($iri: String!) { entity(iri: $iri) { __typename label } }"
    variables = json.dumps({"iri": KCC})
    browser.get(live_server.url + "/graphql?" + urllib.parse.urlencode({"q": query, "variables": variables}))
    wait_for(lambda: editor_text(browser, ".graphiql-query-editor") == query, "the shared query in the editor")
    answer = run_and_read(browser)
    assert answer == {"data": {"entity": {"__typename": "Organisation", "label": "Kent County Council"}}}
    screenshot(browser, tmp_path, "graphiql-shared-link")


@pytest.mark.parametrize("path", COOKBOOK, ids=lambda p: p.stem)
def test_every_cookbook_query_pasted_into_graphiql_gives_the_documented_answer(
        browser: webdriver.Chrome, live_server: LiveServer, path: Path) -> None:
    query = path.read_text(encoding="utf-8")
    browser.get(live_server.url + "/graphql?" + urllib.parse.urlencode({"q": query}))
    wait_for(lambda: editor_text(browser, ".graphiql-query-editor") == query, "the cookbook query in the editor")
    answer = run_and_read(browser)
    assert "errors" not in answer
    # The same answer as a client POSTing the query, which tests/test_competency_questions.py checks
    # fact by fact against the README's cookbook.
    assert answer == live_server.graphql(query)


def test_graphql_errors_show_in_the_result_pane(browser: webdriver.Chrome, live_server: LiveServer) -> None:
    browser.get(live_server.url + "/graphql?" + urllib.parse.urlencode({"q": "{ entities(first: 1000) { totalCount } }"}))
    wait_for(lambda: "first: 1000" in editor_text(browser, ".graphiql-query-editor"), "the query in the editor")
    answer = run_and_read(browser)
    assert answer["data"] is None
    assert "page cap of 100" in answer["errors"][0]["message"]
