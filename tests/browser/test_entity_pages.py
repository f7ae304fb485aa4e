"""Entity pages in headless Chromium: a new reader finds Councillor Moore from the home page, her declarations and
the meetings she attended, a meeting, and the passage of the minutes a fact was read from, by clicking alone."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import WatchedPage

ID = "/councilgraph/id/"
MOORE = f"{ID}person/leicester-city-council/moore-cllr"
COMMISSION = "Children, Young People and Education Scrutiny Commission"


def test_from_the_home_page_to_moores_declarations_a_meeting_and_the_quoted_minutes(
    seed_server: str, watched: WatchedPage
) -> None:
    page = watched.page
    page.goto(f"{seed_server}/")
    search = page.get_by_role("searchbox", name="Find a person, body or organisation")
    search.fill("Moore")
    search.press("Enter")
    expect(page).to_have_url(f"{seed_server}/search?q=Moore")
    page.get_by_role("link", name="Councillor Moore").click()

    expect(page).to_have_url(f"{seed_server}{MOORE}")
    expect(page).to_have_title("Councillor Moore — councilgraph")
    expect(page.get_by_role("heading", level=1)).to_have_text("Councillor Moore")
    heading = page.get_by_role("heading", name=re.compile("^Declarations of interest"))
    declarations = page.locator("section", has=heading)
    expect(declarations.locator("article")).to_have_count(3)
    expect(declarations.get_by_role("link", name="Millgate School")).to_have_count(2)
    expect(declarations.locator("blockquote").first).to_contain_text("Millgate School")
    attended = page.get_by_role("table")
    expect(attended.locator("tbody tr")).to_have_count(2)
    expect(attended.get_by_role("link", name="14 January 2025")).to_be_visible()
    attended.get_by_role("link", name="18 June 2025").click()

    expect(page).to_have_title(f"{COMMISSION}, 18 June 2025 — councilgraph")
    expect(page.get_by_role("heading", name=re.compile(r"^Present \(2\)"))).to_be_visible()
    expect(page.get_by_role("link", name="Councillor Moore").first).to_be_visible()
    meeting_declarations = page.locator(".declaration").filter(has_text="Millgate School").first
    meeting_declarations.locator("a.source-link").click()

    expect(page).to_have_url(re.compile(r"/document/002-c3de816a1fa05f28-txt\?start=768&end=916#quote$"))
    mark = page.locator("mark#quote")
    expect(mark).to_have_text(
        "Councillor Moore declared that she is the Chair of the Advisory Board at Millgate School and a Member of "
        "the Alderman Richard Newtons Charity Trust."
    )
    expect(mark).to_be_in_viewport()
    assert watched.problems() == []
    assert [url for url in watched.requested if not url.startswith(f"{seed_server}/")] == []


def test_the_header_search_filters_by_kind_and_says_which_name_matched(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    page.goto(f"{seed_server}{MOORE}")
    header_search = page.get_by_role("searchbox", name="Search people, bodies and organisations")
    header_search.fill("Schools Scrutiny")
    header_search.press("Enter")
    expect(page.locator(".hit")).to_have_count(1)
    expect(page.locator(".hit .matched")).to_have_text(
        "matched “Children, Young People and Schools Scrutiny Commission”"
    )
    page.get_by_role("link", name=COMMISSION).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(COMMISSION)

    page.goto(f"{seed_server}/search?q=council")
    page.locator(".kind-filter").get_by_role("link", name=re.compile("^Councils")).click()
    expect(page.locator(".kind-filter [aria-current=page]")).to_contain_text("Councils")
    expect(page.locator(".hit .kind-tag")).not_to_have_count(0)
    for tag in page.locator(".hit .kind-tag").all_inner_texts():
        assert tag == "council"
    assert watched.problems() == []


@pytest.mark.parametrize(
    "path",
    [
        "organisation/millgate-school",
        "body/leicester-city-council/children-young-people-and-education-scrutiny-commission",
        "council/leicester-city-council",
        "person/leicestershire-county-council/seaton-cllr",
        "post/council~leicester-city-council/assistant-city-mayor-of-education",
        "document/002-c3de816a1fa05f28-txt/decision/2",
        "document/004-4603350e2a5b5388-txt",
    ],
)
def test_each_kind_of_page_loads_cleanly(seed_server: str, watched: WatchedPage, path: str) -> None:
    page = watched.page
    page.goto(f"{seed_server}{ID}{path}")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    expect(page).to_have_title(re.compile(r" — councilgraph$"))
    assert watched.problems() == []


def test_an_unknown_iri_shows_a_page_that_says_the_graph_holds_nothing(seed_server: str, watched: WatchedPage) -> None:
    page = watched.page
    url = f"{seed_server}{ID}person/nobody"
    response = page.goto(url)
    assert response is not None and response.status == 404
    expect(page.get_by_role("heading", level=1)).to_have_text("Not in the graph")
    expect(page.locator("main")).to_contain_text("holds nothing under")
    # Chromium reports the page's own 404 on the console; nothing else may go wrong.
    assert watched.error_responses == [f"404 {url}"]
    assert [error for error in watched.console_errors if "status of 404" not in error] == []
    assert watched.page_errors == [] and watched.failed_requests == []
