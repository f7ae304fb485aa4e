"""The home page, the SPARQL editor page and its worked queries, over HTTP against a real server on loopback."""

from __future__ import annotations

import html
import re

import httpx
import pytest

from api.examples import Example, load_examples

EXAMPLES = load_examples()
JSON_RESULTS = "application/sparql-results+json"


def _count(root: str, kind: str) -> int:
    query = f"SELECT (COUNT(DISTINCT ?x) AS ?n) WHERE {{ ?x a {kind} }}"
    response = httpx.post(f"{root}/sparql", data={"query": query}, headers={"Accept": JSON_RESULTS})
    return int(response.json()["results"]["bindings"][0]["n"]["value"])


def test_home_is_html_with_the_counts_of_the_store(seed_server: str) -> None:
    response = httpx.get(f"{seed_server}/")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    page = response.text
    for label, kind in [
        ("minutes documents", "cg:MinutesDocument"),
        ("meetings", "cg:Meeting"),
        ("people", "foaf:Person"),
        ("decisions", "cg:Decision"),
        ("declarations of interest", "cg:DeclarationOfInterest"),
    ]:
        assert f"<dt>{label}</dt><dd>{_count(seed_server, kind)}</dd>" in page
    assert re.search(r"<dt>other organisations</dt><dd>[1-9]\d*</dd>", page)


def test_home_links_the_search_box_the_editor_and_the_docs(seed_server: str) -> None:
    page = httpx.get(f"{seed_server}/").text
    assert 'action="/search"' in page and 'name="q"' in page
    assert 'href="/query"' in page and 'href="/docs"' in page


def test_pages_allow_no_other_origin(seed_server: str) -> None:
    for path in ("/", "/query"):
        policy = httpx.get(f"{seed_server}{path}").headers["content-security-policy"]
        assert "default-src 'self'" in policy


def test_editor_page_lists_every_worked_query_and_loads_codemirror_from_this_server(seed_server: str) -> None:
    response = httpx.get(f"{seed_server}/query")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/html")
    for example in EXAMPLES:
        assert f'<option value="{example.name}"' in response.text
        assert html.escape(example.title, quote=False) in response.text
    assert re.findall(r'<script defer src="([^"]+)"', response.text) == [
        "/static/vendor/codemirror.js",
        "/static/vendor/sparql.js",
        "/static/vendor/matchbrackets.js",
        "/static/editor.js",
    ]


def test_the_query_parameter_fills_the_editor_as_text(seed_server: str) -> None:
    query = 'SELECT * WHERE { ?s ?p "</textarea><script>alert(1)</script>" }'
    page = httpx.get(f"{seed_server}/query", params={"query": query}).text
    (text,) = re.findall(r'<textarea id="query"[^>]*>(.*?)</textarea>', page, re.S)
    assert html.unescape(text) == query
    assert "<script>alert(1)</script>" not in page


@pytest.mark.parametrize(
    ("path", "media_type"),
    [
        ("/static/style.css", "text/css"),
        ("/static/editor.js", "text/javascript"),
        ("/static/vendor/codemirror.js", "text/javascript"),
        ("/static/vendor/codemirror.css", "text/css"),
        ("/static/vendor/sparql.js", "text/javascript"),
    ],
)
def test_assets_are_served_by_the_service_itself(seed_server: str, path: str, media_type: str) -> None:
    response = httpx.get(f"{seed_server}{path}")
    assert response.status_code == 200, f"{path} is missing: `make assets` copies the vendor files from npm"
    assert response.headers["content-type"].startswith(media_type)


def test_there_are_a_dozen_worked_queries_each_with_a_title_and_a_reason() -> None:
    assert len(EXAMPLES) == 12
    for example in EXAMPLES:
        assert example.title and example.why
        assert example.query.startswith(f"# {example.title}\n# {example.why}\n")


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.name for example in EXAMPLES])
def test_every_worked_query_returns_rows_through_the_endpoint(seed_server: str, example: Example) -> None:
    response = httpx.post(
        f"{seed_server}/sparql",
        content=example.query,
        headers={"Content-Type": "application/sparql-query", "Accept": JSON_RESULTS},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    assert len(response.json()["results"]["bindings"]) >= 1
