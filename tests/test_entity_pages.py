"""Entity pages and the search page over HTTP: what a browser gets for each IRI the graph mints, against a real
server on the seed minutes, and the small formatting helpers the pages use."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from api.entity_pages import long_date, reading_order

BASE = "https://w3id.org/councilgraph/id/"
ID = "/councilgraph/id/"
MOORE = f"{ID}person/leicester-city-council/moore-cllr"
MILLGATE = f"{ID}organisation/millgate-school"
COMMISSION = f"{ID}body/leicester-city-council/children-young-people-and-education-scrutiny-commission"
JUNE_MEETING = (
    f"{ID}meeting/body~leicester-city-council~children-young-people-and-education-scrutiny-commission/2025-06-18"
)
JUNE_MINUTES = f"{ID}document/002-c3de816a1fa05f28-txt"
HTML = {"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"}


class _Page(HTMLParser):
    """The parts of a page the tests read: title, links (href, text), headings and marked text."""

    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.links: list[tuple[str, str]] = []
        self.headings: list[str] = []
        self.marks: list[tuple[str, str]] = []
        self._open: list[tuple[str, dict[str, str | None], list[str]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("title", "a", "h1", "h2", "h3", "mark"):
            self._open.append((tag, dict(attrs), []))

    def handle_data(self, data: str) -> None:
        for _, _, text in self._open:
            text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self._open or self._open[-1][0] != tag:
            return
        _, attrs, parts = self._open.pop()
        text = " ".join("".join(parts).split())
        if tag == "title":
            self.title = text
        elif tag == "a":
            self.links.append((attrs.get("href") or "", text))
        elif tag == "mark":
            self.marks.append((attrs.get("id") or "", text))
        else:
            self.headings.append(text)

    def hrefs(self, text: str) -> list[str]:
        return [href for href, shown in self.links if shown == text]


def _get(url: str, status: int = 200) -> tuple[httpx.Response, _Page]:
    response = httpx.get(url, headers=HTML, timeout=30)
    assert response.status_code == status, response.text[:500]
    assert response.headers["content-type"].startswith("text/html")
    page = _Page()
    page.feed(response.text)
    return response, page


def test_a_person_page_lists_declarations_and_meetings_with_quotes_linked_to_the_minutes(seed_server: str) -> None:
    response, page = _get(seed_server + MOORE)
    assert page.title == "Councillor Moore — councilgraph"
    assert "default-src 'self'" in response.headers["content-security-policy"]
    assert "Councillor Dr Moore" in response.text
    assert {"Declarations of interest (3)", "Meetings attended (2)", "Roles over time"} <= set(page.headings)
    assert page.hrefs("Millgate School") == [MILLGATE, MILLGATE]
    assert page.hrefs("18 June 2025") == [JUNE_MEETING]
    assert page.hrefs("14 January 2025") == [JUNE_MEETING.replace("2025-06-18", "2025-01-14")]
    quote = "Councillor Moore declared that she is the Chair of the Advisory Board at Millgate School"
    assert quote in response.text
    assert f"{JUNE_MINUTES}?start=768&amp;end=916#quote" in response.text


def test_a_quote_link_opens_the_minutes_with_the_quote_highlighted(seed_server: str) -> None:
    _, person = _get(seed_server + MOORE)
    link = next(href for href, _ in person.links if href.startswith(JUNE_MINUTES) and "start=768" in href)
    response, page = _get(seed_server + link)
    assert urlsplit(link).fragment == "quote"
    assert parse_qs(urlsplit(link).query) == {"start": ["768"], "end": ["916"]}
    assert page.marks == [
        (
            "quote",
            "Councillor Moore declared that she is the Chair of the Advisory Board at Millgate School and a Member "
            "of the Alderman Richard Newtons Charity Trust.",
        )
    ]
    assert page.title == "002_c3de816a1fa05f28.txt — councilgraph"
    assert "data/minutes/002_c3de816a1fa05f28.txt" in response.text
    assert JUNE_MEETING in [href for href, _ in page.links]


@pytest.mark.parametrize("query", ["", "?start=916&end=768", "?start=0&end=99999999", "?start=x&end=3"])
def test_a_document_page_without_a_valid_span_shows_the_text_unmarked(seed_server: str, query: str) -> None:
    response, page = _get(f"{seed_server}{JUNE_MINUTES}{query}")
    assert page.marks == []
    assert "DECLARATIONS OF INTEREST" in response.text


def test_every_link_on_a_person_page_resolves(seed_server: str) -> None:
    _, page = _get(seed_server + MOORE)
    targets = {urlsplit(href).path for href, _ in page.links if href.startswith(ID)}
    assert len(targets) >= 6
    with httpx.Client(headers=HTML, timeout=30) as client:
        for target in sorted(targets):
            assert client.get(seed_server + target).status_code == 200, target


def test_a_meeting_page_groups_attendance_and_lists_items_decisions_and_declarations(seed_server: str) -> None:
    response, page = _get(seed_server + JUNE_MEETING)
    assert page.title == "Children, Young People and Education Scrutiny Commission, 18 June 2025 — councilgraph"
    assert "Present (2)" in page.headings and "In attendance (7)" in page.headings
    assert '<time datetime="2025-06-18T17:30:00">18 June 2025, 17:30</time>' in response.text
    assert page.hrefs("Councillor Moore")[0] == MOORE
    assert COMMISSION in page.hrefs("Children, Young People and Education Scrutiny Commission")
    items = [h for h in page.headings if re.match(r"^1[4-6]\d ", h)]
    assert items[:3] == [
        "149 WELCOME AND APOLOGIES FOR ABSENCE",
        "150 DECLARATIONS OF INTEREST",
        "151 MINUTES OF THE PREVIOUS MEETING",
    ]
    assert "That the presentation be noted." in response.text
    assert MILLGATE in page.hrefs("Millgate School")
    assert "Declarations of interest (2)" in page.headings


def test_an_organisation_page_shows_who_is_linked_the_items_that_mention_it_and_declarations(seed_server: str) -> None:
    response, page = _get(seed_server + MILLGATE)
    assert page.title == "Millgate School — councilgraph"
    assert {"People linked (2)", "Agenda items that mention it (2)", "Declarations of interest naming it (2)"} <= set(
        page.headings
    )
    assert MOORE in page.hrefs("Councillor Moore")
    assert "ANY OTHER BUSINESS" in response.text


def test_a_body_page_has_former_names_its_council_meetings_newest_first_chairs_and_decisions(seed_server: str) -> None:
    response, page = _get(seed_server + COMMISSION)
    assert "Children, Young People and Schools Scrutiny Commission" in response.text
    assert page.hrefs("Leicester City Council") == [f"{ID}council/leicester-city-council"]
    dates = [text for href, text in page.links if href.startswith(f"{ID}meeting/")]
    assert dates[:3] == ["18 June 2025", "14 January 2025", "2 September 2021"]
    assert "Chairs over time (4)" in page.headings
    assert any(h.startswith("Recent decisions") for h in page.headings)
    assert "/api/decisions?body=body%2Fleicester-city-council%2F" in response.text


def test_a_council_page_lists_its_committees(seed_server: str) -> None:
    _, page = _get(f"{seed_server}{ID}council/leicester-city-council")
    assert page.title == "Leicester City Council — councilgraph"
    assert page.hrefs("Children, Young People and Education Scrutiny Commission") == [COMMISSION]


def test_a_post_page_shows_its_holders_and_what_the_graph_says(seed_server: str) -> None:
    response, page = _get(f"{seed_server}{ID}post/council~leicester-city-council/assistant-city-mayor-of-education")
    assert page.title == "Assistant City Mayor for Education — councilgraph"
    assert "Held by" in page.headings
    assert page.hrefs("Councillor Pantling")
    assert "org:postIn" in response.text


def test_a_statement_page_lists_its_triples_with_links_and_its_quote(seed_server: str) -> None:
    response, page = _get(f"{seed_server}{JUNE_MINUTES}/decision/2")
    assert page.title == "Decision 2 — councilgraph"
    assert JUNE_MEETING in [href for href, _ in page.links]
    assert "cg:evidenceStart" in response.text
    assert any(href.startswith(f"{JUNE_MINUTES}?start=") for href, _ in page.links)


def test_an_iri_the_graph_does_not_hold_gets_a_not_found_page(seed_server: str) -> None:
    response, page = _get(f"{seed_server}{ID}person/nobody", status=404)
    assert "Not in the graph" in page.title
    assert f"{BASE}person/nobody" in response.text


def test_every_entity_the_graph_mints_has_a_page(seed_server: str) -> None:
    query = f"""SELECT DISTINCT ?s WHERE {{
        ?s a ?type FILTER(STRSTARTS(STR(?s), "{BASE}") && !STRSTARTS(STR(?type), "http://www.w3.org/2006/time#"))
    }}"""
    rows = httpx.get(f"{seed_server}/sparql", params={"query": query}, timeout=30).json()["results"]["bindings"]
    assert len(rows) > 100
    with httpx.Client(headers=HTML, timeout=30) as client:
        for row in rows:
            path = ID + row["s"]["value"].removeprefix(BASE)
            response = client.get(seed_server + path)
            assert response.status_code == 200, path
            assert "— councilgraph</title>" in response.text, path


def test_search_links_each_result_to_its_page_and_says_which_name_matched(seed_server: str) -> None:
    _, page = _get(f"{seed_server}/search?q=Moore")
    assert page.title == "Moore: search — councilgraph"
    assert page.hrefs("Councillor Moore") == [MOORE]
    response, former = _get(f"{seed_server}/search?q=Schools+Scrutiny")
    assert COMMISSION in former.hrefs("Children, Young People and Education Scrutiny Commission")
    assert "matched “Children, Young People and Schools Scrutiny Commission”" in response.text


def test_search_filters_by_kind_with_links_that_keep_the_words(seed_server: str) -> None:
    _, page = _get(f"{seed_server}/search?q=council")
    filters = dict((text.split(" (")[0], href) for href, text in page.links if href.startswith("/search?"))
    assert {"All", "Councils"} <= set(filters)
    _, councils = _get(seed_server + filters["Councils"])
    shown = [href for href, _ in councils.links if href.startswith(ID)]
    assert shown and all(href.startswith(f"{ID}council/") for href in shown)


@pytest.mark.parametrize(
    ("query", "says"),
    [("", "Type a name above"), ("q=zzqqxx", "Nothing in the graph is named"), ("q=%3Cb%3Ebold", "&lt;b&gt;bold")],
)
def test_search_says_when_there_is_nothing_to_show(seed_server: str, query: str, says: str) -> None:
    response, _ = _get(f"{seed_server}/search?{query}")
    assert says in response.text
    assert "<b>bold" not in response.text


def test_dates_read_as_people_write_them() -> None:
    assert long_date("2025-06-18") == "18 June 2025"
    assert long_date("2025-01-04T17:30:00") == "4 January 2025"
    assert long_date("2025-06") == "June 2025"
    assert long_date("2019") == "2019"
    assert long_date("sometime") == "sometime"
    assert long_date(None) == ""


def test_statements_sort_in_reading_order() -> None:
    items = [f"{BASE}document/d/item/{n}" for n in (10, 2, 1)]
    assert sorted(items, key=reading_order) == [f"{BASE}document/d/item/{n}" for n in (1, 2, 10)]
