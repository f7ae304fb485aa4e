"""The conflicts page in headless Chromium over the seed minutes: a journalist reads the findings with their evidence,
sees the network around each finding's person drawn, narrows the list by filters kept in the address, and takes the
drawn network away as GraphML."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from graph.settings import Settings
from tests.browser.conftest import WatchedPage

BASE_IRI = Settings().base_iri
MOORE = f"{BASE_IRI}person/leicester-city-council/moore-cllr"
MARTIN = f"{BASE_IRI}person/leicestershire-county-council/martin-r"
NEWTON_EUROPE = f"{BASE_IRI}organisation/newton-europe"


def _drawn_labels(page: Page) -> list[str]:
    return list(page.evaluate("() => window.conflictsNetwork.nodes().map((node) => node.data('label'))"))


def _highlighted_labels(page: Page) -> set[str]:
    return set(page.evaluate("() => window.conflictsNetwork.nodes('.highlight').map((node) => node.data('label'))"))


def _after_the_next_frames(page: Page) -> None:
    """Scroll events are dispatched with the next frame, and cytoscape.js finds its canvas on the page again when
    they are: clicking on a node before then would land where the canvas used to be."""
    page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")


def _withdrew(page: Page, finding_text: str) -> str:
    finding = page.locator(".finding").filter(has_text=finding_text)
    return finding.locator("dt", has_text="Withdrew").locator("xpath=following-sibling::dd[1]").inner_text()


def test_the_findings_are_listed_with_their_evidence_and_the_first_ones_network_drawn(
    seed_server: str, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{seed_server}/conflicts")
    expect(page.locator("#findings-status")).to_have_text("3 findings.")
    moore = page.locator(".finding").filter(has_text="18 June 2025")
    expect(moore.locator("h3")).to_have_text("Declared and took part Councillor Moore and Millgate School")
    expect(moore).to_contain_text("Children, Young People and Education Scrutiny Commission")
    expect(moore.locator(".explanation")).to_contain_text("declared an interest in Millgate School")
    assert _withdrew(page, "18 June 2025") == "no record of withdrawing"
    martin = page.locator(".finding").filter(has_text="Newton Europe")
    expect(martin.locator("h3")).to_have_text("Declared and took part R. Martin and Newton Europe")
    assert _withdrew(page, "Newton Europe").startswith("yes")

    expect(page.locator("#network")).to_have_attribute("data-centre", MOORE)
    assert len(_drawn_labels(page)) > 0
    assert {"Councillor Moore", "Millgate School"} <= _highlighted_labels(page)
    canvas = page.locator("#network canvas").first.bounding_box()
    assert canvas is not None and canvas["width"] > 0 and canvas["height"] > 0
    assert watched.problems() == []
    assert [url for url in watched.requested if not url.startswith(f"{seed_server}/")] == []


def test_an_evidence_quote_links_to_the_minutes_at_that_quote(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/conflicts")
    expect(page.locator("#network")).to_have_attribute("data-centre", MOORE)
    moore = page.locator(".finding").filter(has_text="18 June 2025")
    moore.locator(".evidence a.source-link").first.click()
    expect(page).to_have_url(re.compile(r"/document/002-c3de816a1fa05f28-txt\?start=768&end=916#quote$"))
    expect(page.locator("mark#quote")).to_contain_text("Chair of the Advisory Board at Millgate School")
    assert watched.problems() == []


def test_choosing_a_finding_redraws_its_network_and_a_node_says_what_it_is(
    seed_server: str, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{seed_server}/conflicts")
    expect(page.locator("#network")).to_have_attribute("data-centre", MOORE)
    martin = page.locator(".finding").filter(has_text="Newton Europe")
    martin.get_by_role("button", name="Draw its network").click()
    expect(page.locator("#network")).to_have_attribute("data-centre", MARTIN)
    expect(martin.get_by_role("button", name="Draw its network")).to_have_attribute("aria-pressed", "true")
    assert "Newton Europe" in _drawn_labels(page)
    assert "Councillor Moore" not in _drawn_labels(page)
    assert {"R. Martin", "Newton Europe"} <= _highlighted_labels(page)

    page.locator("#network").scroll_into_view_if_needed()
    _after_the_next_frames(page)
    box = page.locator("#network").bounding_box()
    assert box is not None
    spot = page.evaluate("iri => window.conflictsNetwork.getElementById(iri).renderedPosition()", NEWTON_EUROPE)
    page.mouse.click(box["x"] + spot["x"], box["y"] + spot["y"])
    details = page.locator("#node-details")
    expect(details).to_contain_text("Newton Europe")
    expect(details.get_by_role("link", name="Open its page")).to_have_attribute(
        "href", "/councilgraph/id/organisation/newton-europe"
    )
    assert watched.problems() == []


def test_a_filter_narrows_the_list_and_stays_in_the_address(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/conflicts")
    expect(page.locator(".finding")).to_have_count(3)
    expect(page.locator("#network")).to_have_attribute("data-centre", MOORE)
    page.fill("#filter-person", "person/leicestershire-county-council/martin-r")
    page.get_by_role("button", name="Filter").click()
    expect(page).to_have_url(re.compile(r"/conflicts\?person=person%2Fleicestershire-county-council%2Fmartin-r&"))
    expect(page.locator(".finding")).to_have_count(1)
    expect(page.locator(".finding h3")).to_contain_text("R. Martin")
    expect(page.locator("#findings-status")).to_have_text("1 finding.")
    expect(page.locator("#filter-person")).to_have_value("person/leicestershire-county-council/martin-r")
    expect(page.locator("#network")).to_have_attribute("data-centre", MARTIN)

    page.goto(f"{seed_server}/conflicts?kind=link-to-decision-maker")
    expect(page.locator("#findings-status")).to_have_text("No findings match these filters.")
    expect(page.locator(".finding")).to_have_count(0)
    assert watched.problems() == []


def test_a_person_page_links_to_their_findings(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/councilgraph/id/person/leicester-city-council/moore-cllr")
    page.locator(".entity-links").get_by_role("link", name="Conflicts of interest").click()
    expect(page).to_have_url(f"{seed_server}/conflicts?person=person%2Fleicester-city-council%2Fmoore-cllr")
    expect(page.locator(".finding")).to_have_count(2)
    expect(page.locator("#network")).to_have_attribute("data-centre", MOORE)
    assert watched.problems() == []


def test_the_drawn_network_downloads_as_graphml(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}/conflicts")
    expect(page.locator("#network")).to_have_attribute("data-centre", MOORE)
    link = page.get_by_role("link", name="GraphML")
    expect(link).to_have_attribute(
        "href", "/api/network/person/leicester-city-council/moore-cllr?hops=2&format=graphml"
    )
    with page.expect_download() as download:
        link.click()
    response = page.request.get(f"{seed_server}{link.get_attribute('href')}")
    assert response.status == 200
    assert "graphml" in response.headers["content-type"]
    graphml = download.value.path().read_text(encoding="utf-8")
    assert "<graphml" in graphml and "Millgate School" in graphml
    assert watched.problems() == []
