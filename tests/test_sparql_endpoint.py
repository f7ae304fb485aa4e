"""The SPARQL 1.1 Protocol endpoint, tested over HTTP against a real `councilgraph serve` on loopback."""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Iterator

import httpx
import pytest
from rdflib import Graph

from tests.conftest import Server

PEOPLE = "SELECT ?label WHERE { ?p a foaf:Person ; rdfs:label ?label } ORDER BY ?label"
FOREVER = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


@pytest.fixture(scope="module")
def endpoint(serve: Server) -> Iterator[str]:
    with serve(query_timeout_ms="1500", max_rows="20", query_workers="2") as root:
        yield f"{root}/sparql"


def _labels(response: httpx.Response) -> list[str]:
    return [b["label"]["value"] for b in response.json()["results"]["bindings"]]


def test_get_and_both_posts_give_the_same_answer(endpoint: str) -> None:
    by_get = httpx.get(endpoint, params={"query": PEOPLE}, headers={"Accept": "application/sparql-results+json"})
    by_form = httpx.post(endpoint, data={"query": PEOPLE}, headers={"Accept": "application/sparql-results+json"})
    by_body = httpx.post(
        endpoint,
        content=PEOPLE,
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"},
    )
    assert by_get.status_code == by_form.status_code == by_body.status_code == 200
    assert _labels(by_get) == _labels(by_form) == _labels(by_body)
    assert "Councillor Moore" in _labels(by_get)


@pytest.mark.parametrize(
    ("accept", "media_type"),
    [
        ("application/sparql-results+json", "application/sparql-results+json"),
        ("application/sparql-results+xml", "application/sparql-results+xml"),
        ("text/csv", "text/csv"),
        ("text/tab-separated-values", "text/tab-separated-values"),
        ("text/html;q=0.9, text/csv;q=0.5", "text/csv"),
    ],
)
def test_select_results_by_content_negotiation(endpoint: str, accept: str, media_type: str) -> None:
    response = httpx.get(
        endpoint, params={"query": "SELECT ?m WHERE { ?m a cg:Meeting } ORDER BY ?m"}, headers={"Accept": accept}
    )
    assert response.status_code == 200
    assert response.headers["content-type"].startswith(media_type)
    assert response.text.count("https://w3id.org/councilgraph/id/") == 5


def test_csv_answer_is_a_table(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": PEOPLE}, headers={"Accept": "text/csv"})
    rows = list(csv.reader(io.StringIO(response.text)))
    assert rows[0] == ["label"] and ["Councillor Moore"] in rows


@pytest.mark.parametrize(
    ("accept", "rdflib_format"),
    [("text/turtle", "turtle"), ("application/n-triples", "nt"), ("application/ld+json", "json-ld")],
)
def test_construct_results_parse_as_rdf(endpoint: str, accept: str, rdflib_format: str) -> None:
    query = "CONSTRUCT { ?p rdfs:label ?l } WHERE { ?p a foaf:Person ; rdfs:label ?l } LIMIT 5"
    response = httpx.get(endpoint, params={"query": query}, headers={"Accept": accept})
    assert response.status_code == 200
    assert len(Graph().parse(data=response.text, format=rdflib_format)) == 5


def test_ask(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": "ASK { ?d a cg:DeclarationOfInterest }"})
    assert response.json()["boolean"] is True


@pytest.mark.parametrize(
    "query",
    [
        "INSERT DATA { <urn:a> <urn:b> <urn:c> }",
        "PREFIX ex: <urn:ex:> DELETE WHERE { ?s ?p ?o }",
        "LOAD <http://example.org/data.ttl>",
        "DROP ALL",
        "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }",
    ],
)
def test_updates_load_and_service_are_refused(endpoint: str, query: str) -> None:
    response = httpx.post(endpoint, data={"query": query})
    assert response.status_code == 403
    assert "refused" in response.text
    assert httpx.get(endpoint, params={"query": "ASK { ?m a cg:Meeting }"}).json()["boolean"] is True


def test_the_update_operation_is_refused(endpoint: str) -> None:
    by_form = httpx.post(endpoint, data={"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"})
    by_body = httpx.post(endpoint, content="CLEAR ALL", headers={"Content-Type": "application/sparql-update"})
    assert by_form.status_code == by_body.status_code == 403


def test_a_malformed_query_says_where_it_fails(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": "SELECT * WHERE { ?s ?p "})
    assert response.status_code == 400
    assert "1:" in response.text


def test_a_query_that_runs_forever_is_stopped_and_the_server_stays_responsive(endpoint: str) -> None:
    started = time.monotonic()
    response = httpx.get(endpoint, params={"query": FOREVER}, timeout=30)
    assert response.status_code == 503
    assert "time limit" in response.text
    assert time.monotonic() - started < 10
    again = httpx.get(endpoint, params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?m a cg:Meeting }"})
    assert again.json()["results"]["bindings"][0]["n"]["value"] == "5"


def test_the_row_cap_is_reported(endpoint: str) -> None:
    response = httpx.get(endpoint, params={"query": "SELECT ?s WHERE { ?s ?p ?o }"})
    assert len(response.json()["results"]["bindings"]) == 20
    assert "20" in response.headers["X-Councilgraph-Truncated"]


def test_default_graph_uri_limits_the_query_to_that_graph(endpoint: str) -> None:
    documents = httpx.get(endpoint, params={"query": "SELECT ?d WHERE { ?d a cg:MinutesDocument } ORDER BY ?d"})
    first = documents.json()["results"]["bindings"][0]["d"]["value"]
    response = httpx.get(
        endpoint, params={"query": "SELECT ?d WHERE { ?d a cg:MinutesDocument }", "default-graph-uri": first}
    )
    assert [b["d"]["value"] for b in response.json()["results"]["bindings"]] == [first]


def test_a_missing_query_is_a_bad_request(endpoint: str) -> None:
    response = httpx.get(endpoint)
    assert response.status_code == 400
    assert "`query` parameter" in response.text
