"""Findings, brokers and neighbourhoods over HTTP, against a real `councilgraph serve` on the seed minutes."""

from __future__ import annotations

import io

import httpx
import networkx as nx

from tests.conftest import get_json

BASE = "https://w3id.org/councilgraph/id/"
MOORE = "person/leicester-city-council/moore-cllr"
MILLGATE = "organisation/millgate-school"


def test_conflicts_list_the_seed_findings_with_their_evidence(seed_server: str) -> None:
    page = get_json(seed_server, "/api/conflicts")
    found = {(f["person"]["label"], f["organisation"]["label"], f["meeting"]["date"]): f for f in page["items"]}
    assert page["total"] == len(page["items"])
    assert found[("Councillor Moore", "Millgate School", "2025-06-18")]["withdrew"] is False
    assert found[("R. Martin", "Newton Europe", None)]["withdrew"] is True
    assert all(step["document"] and step["quote"] for f in page["items"] for step in f["evidence"])


def test_conflicts_are_filtered_and_paged(seed_server: str) -> None:
    moore = get_json(seed_server, "/api/conflicts", person=MOORE)
    assert {f["person"]["iri"] for f in moore["items"]} == {BASE + MOORE}
    assert get_json(seed_server, "/api/conflicts", organisation=MILLGATE, since="2025-02-01")["total"] == 1
    assert get_json(seed_server, "/api/conflicts", kind="link-to-decision-maker")["items"] == []
    first = get_json(seed_server, "/api/conflicts", limit=1)
    second = get_json(seed_server, "/api/conflicts", limit=1, offset=1)
    assert first["items"] != second["items"] and first["total"] == second["total"]


def test_brokers_name_the_people_linked_to_most_organisations(seed_server: str) -> None:
    brokers = get_json(seed_server, "/api/brokers", limit=3)
    reach = {b["person"]["label"]: {o["label"] for o in b["organisations"]} for b in brokers}
    assert reach["Councillor Moore"] == {"Millgate School", "Alderman Richard Newtons Charity Trust"}


def test_a_neighbourhood_as_json_graphml_and_gexf(seed_server: str) -> None:
    around = get_json(seed_server, f"/api/network/{MOORE}", hops=1)
    labels = {node["label"] for node in around["nodes"]}
    assert {"Councillor Moore", "Millgate School"} <= labels
    for fmt, reader in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        response = httpx.get(f"{seed_server}/api/network/{MOORE}", params={"hops": 1, "format": fmt}, timeout=30)
        assert response.status_code == 200
        assert "attachment" in response.headers["content-disposition"]
        assert set(reader(io.BytesIO(response.content)).nodes) == {node["iri"] for node in around["nodes"]}


def test_a_neighbourhood_of_nothing_is_404(seed_server: str) -> None:
    response = httpx.get(f"{seed_server}/api/network/person/nowhere/nobody", timeout=30)
    assert response.status_code == 404
    assert "no such entity" in response.json()["detail"]


def test_paths_are_read_from_the_network(seed_server: str) -> None:
    found = get_json(seed_server, "/api/paths", **{"from": MOORE, "to": "organisation/newton-europe", "max_hops": 6})
    assert found["complete"] is True
    assert found["paths"] and all(step["provenance"] or step["relation"] for step in found["paths"][0])
    assert found["paths"][0][0]["source"]["page"]


def test_conflict_filters_take_names_and_refuse_unknown_or_ambiguous_ones(seed_server: str) -> None:
    by_name = get_json(seed_server, "/api/conflicts", person="moore", organisation="Millgate")
    assert {f["person"]["iri"] for f in by_name["items"]} == {BASE + MOORE}
    unknown = httpx.get(f"{seed_server}/api/conflicts", params={"person": "Nobody Atall"}, timeout=30)
    assert unknown.status_code == 404 and "no person is named" in unknown.json()["detail"]
    ambiguous = httpx.get(f"{seed_server}/api/conflicts", params={"person": "Councillor"}, timeout=30)
    assert ambiguous.status_code == 404 and "give one of" in ambiguous.json()["detail"]
