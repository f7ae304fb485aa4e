"""The conflicts page over HTTP against a real server on loopback: an HTML frame whose script, drawing library
and data all come from this service, with the filters of its address echoed as text."""

from __future__ import annotations

import re

import httpx
import pytest


def test_the_conflicts_page_is_html_that_loads_its_scripts_from_this_server(seed_server: str) -> None:
    response = httpx.get(f"{seed_server}/conflicts")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    assert "default-src 'self'" in response.headers["content-security-policy"]
    page = response.text
    assert re.findall(r'<script defer src="([^"]+)"', page) == [
        "/static/vendor/cytoscape.min.js",
        "/static/conflicts.js",
    ]
    addresses = re.findall(r'(?:src|href|action)="([^"]*)"', page)
    assert addresses and [a for a in addresses if not a.startswith(("/", "#"))] == []
    assert '<a href="/conflicts" aria-current="page">Conflicts of interest</a>' in page


@pytest.mark.parametrize(
    ("path", "media_type"),
    [("/static/conflicts.js", "text/javascript"), ("/static/vendor/cytoscape.min.js", "text/javascript")],
)
def test_the_pages_scripts_are_served_by_the_service_itself(seed_server: str, path: str, media_type: str) -> None:
    response = httpx.get(f"{seed_server}{path}")
    assert response.status_code == 200, f"{path} is missing: `make assets` copies the vendor files from npm"
    assert response.headers["content-type"].startswith(media_type)


def test_the_filters_of_the_address_fill_the_form_as_text(seed_server: str) -> None:
    page = httpx.get(
        f"{seed_server}/conflicts",
        params={"person": '"><script>alert(1)</script>', "since": "2025-01-01", "kind": "declared-and-took-part"},
    ).text
    assert "<script>alert(1)</script>" not in page
    assert 'name="since" value="2025-01-01"' in page
    assert '<option value="declared-and-took-part" selected>Declared and took part</option>' in page


def test_the_home_page_and_the_entity_pages_link_to_the_conflicts_page(seed_server: str) -> None:
    assert 'href="/conflicts"' in httpx.get(f"{seed_server}/").text
    person = httpx.get(f"{seed_server}/councilgraph/id/person/leicester-city-council/moore-cllr").text
    assert 'href="/conflicts?person=person%2Fleicester-city-council%2Fmoore-cllr"' in person
    organisation = httpx.get(f"{seed_server}/councilgraph/id/organisation/millgate-school").text
    assert 'href="/conflicts?organisation=organisation%2Fmillgate-school"' in organisation
