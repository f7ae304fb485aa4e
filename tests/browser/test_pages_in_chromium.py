"""The home page and the SPARQL editor in headless Chromium: they load cleanly, queries run, errors show."""

from __future__ import annotations

import re
from collections.abc import Iterator
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import Page, expect

from api.examples import load_examples
from graph.settings import Settings
from tests.browser.conftest import WatchedPage
from tests.conftest import Server

EXAMPLE = "04_decisions_that_mention_an_organisation"


def _set_query(page: Page, query: str) -> None:
    page.evaluate("query => document.querySelector('.CodeMirror').CodeMirror.setValue(query)", query)


def _editor_text(page: Page) -> str:
    return str(page.evaluate("() => document.querySelector('.CodeMirror').CodeMirror.getValue()"))


def test_home_loads_with_the_counts_and_no_errors(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/")
    expect(page.locator("h1")).to_be_visible()
    expect(page.locator(".count")).to_have_count(7)
    expect(page.locator(".count", has_text="decisions").locator("dd")).to_have_text(re.compile(r"^[1-9][\d,]*$"))
    expect(page.locator("form[role=search] input[name=q]").first).to_be_visible()
    assert watched.problems() == []


def test_the_editor_highlights_sparql_and_runs_a_worked_query(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/query")
    expect(page.locator(".CodeMirror")).to_be_visible()
    expect(page.locator(".CodeMirror .cm-keyword").first).to_be_visible()
    page.select_option("#example", EXAMPLE)
    (example,) = [e for e in load_examples() if e.name == EXAMPLE]
    assert _editor_text(page) == example.query
    expect(page.locator("#example-why")).to_have_text(example.why)
    page.click("#run")
    expect(page.locator("#results tbody tr").first).to_be_visible()
    rows = page.locator("#results tbody tr").count()
    assert rows >= 1
    expect(page.locator("#status")).to_contain_text(f"{rows} rows")
    expect(page.locator("#results th").first).to_have_text("organisation")
    assert watched.problems() == []


def test_local_iris_link_to_their_pages_here(seed_server: str, watched: WatchedPage) -> None:
    """An IRI under the base IRI links to the base IRI's path on this server, where its page is served."""
    base_iri = Settings().base_iri
    page = watched.page
    page.goto(f"{seed_server}/query")
    _set_query(page, "SELECT ?person ?class WHERE { ?person a foaf:Person ; a ?class } LIMIT 1")
    page.click("#run")
    link = page.locator("#results td a").first
    iri = link.get_attribute("title") or ""
    assert iri.startswith(base_iri + "person/")
    expect(link).to_have_attribute("href", urlsplit(base_iri).path + iri.removeprefix(base_iri))
    expect(page.locator("#results td span.cell-iri").first).to_have_text("foaf:Person")


def test_ctrl_enter_runs_the_query(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/query")
    page.click(".CodeMirror")
    page.keyboard.press("Control+Enter")
    expect(page.locator("#results tbody tr").first).to_be_visible()
    assert watched.problems() == []


def test_the_query_parameter_fills_the_editor(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/query?query=ASK%20%7B%20%3Fs%20a%20cg%3AMeeting%20%7D")
    assert _editor_text(page) == "ASK { ?s a cg:Meeting }"
    expect(page.locator("#example")).to_have_value("")
    page.click("#run")
    expect(page.locator("#status")).to_contain_text("The answer is yes")
    expect(page.locator("#permalink")).to_have_attribute("href", "/query?query=ASK+%7B+%3Fs+a+cg%3AMeeting+%7D")


def test_a_malformed_query_shows_the_servers_message(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/query")
    _set_query(page, "SELECT ?x WHERE { ?x ?y }")
    page.click("#run")
    expect(page.locator("#error")).to_be_visible()
    expect(page.locator("#error")).to_contain_text("(400)")
    expect(page.locator("#error pre")).to_contain_text("the query could not be answered")
    expect(page.locator("#results table")).to_have_count(0)
    assert watched.error_responses == [f"400 {seed_server}/sparql"]
    assert watched.page_errors == []


def test_an_update_shows_the_refusal(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/query")
    _set_query(page, "DELETE WHERE { ?s ?p ?o }")
    page.click("#run")
    expect(page.locator("#error")).to_contain_text("(403)")
    expect(page.locator("#error pre")).to_contain_text("read-only")


def test_the_pages_request_nothing_outside_loopback(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    for path in ("/", "/query"):
        page.goto(f"{seed_server}{path}")
        page.wait_for_load_state("networkidle")
    page.click("#run")
    expect(page.locator("#results tbody tr").first).to_be_visible()
    assert watched.requested
    assert [url for url in watched.requested if not url.startswith(f"{seed_server}/")] == []


def test_without_the_vendor_files_the_editor_still_runs_queries(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.route("**/static/vendor/**", lambda route: route.abort())
    page.goto(f"{seed_server}/query")
    expect(page.locator(".CodeMirror")).to_have_count(0)
    page.fill("#query", "SELECT ?meeting WHERE { ?meeting a cg:Meeting }")
    page.press("#query", "Control+Enter")
    expect(page.locator("#results tbody tr")).to_have_count(5)
    assert watched.page_errors == []


@pytest.fixture(scope="module")
def capped_server(serve: Server) -> Iterator[str]:
    with serve(max_rows="3") as root:
        yield root


def test_a_truncated_answer_says_so(capped_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{capped_server}/query")
    _set_query(page, "SELECT ?person WHERE { ?person a foaf:Person }")
    page.click("#run")
    expect(page.locator("#results tbody tr")).to_have_count(3)
    expect(page.locator("#status .truncated")).to_contain_text("row cap of 3")
    assert watched.problems() == []


def test_the_api_docs_load_offline_from_the_service_itself(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/docs")
    expect(page.locator(".opblock-summary-path", has_text="/api/search")).to_be_visible()
    assert watched.problems() == []
    assert {urlsplit(url).netloc for url in watched.requested} == {urlsplit(seed_server).netloc}
