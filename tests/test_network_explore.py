"""Neighbourhoods, explained paths, brokers and exports on small hand-built networks."""

from __future__ import annotations

import io

import networkx as nx
import pytest

from graph.network.explore import brokers, find_paths, link_graph, neighbourhood
from graph.network.export import export
from graph.network.projection import Projection
from tests.network_scenarios import Scenario


@pytest.fixture
def world() -> tuple[Projection, dict[str, str]]:
    """Ames attended a meeting whose item mentions a school; Bell declared an interest in it elsewhere."""
    scenario = Scenario()
    ames, bell = scenario.person("Councillor Ames"), scenario.person("Councillor Bell")
    school, firm = scenario.organisation("Hillside Academy"), scenario.organisation("Acme Paving Ltd")
    committee = scenario.body("Schools Committee")
    first = scenario.meeting(committee, "2024-03-01")
    scenario.attended(ames, first)
    item = scenario.item(first, "5", "School transport", mentions=(school,))
    second = scenario.meeting(scenario.body("Audit Committee"), "2024-04-01")
    scenario.declared(bell, school, second)
    scenario.declared(bell, firm, second)
    loner = scenario.person("Councillor Cole")
    names = {"ames": ames, "bell": bell, "school": school, "item": item, "meeting": first, "cole": loner}
    return scenario.projection(), names


def test_a_path_is_the_shortest_chain_of_links_each_explained(world: tuple[Projection, dict[str, str]]) -> None:
    network, n = world
    found = find_paths(network, link_graph(network), n["ames"], n["bell"], max_hops=6, limit=5)
    assert found.complete
    assert [[step.evidence.says for step in path] for path in found.paths] == [
        [
            "Councillor Ames attended Schools Committee, 2024-03-01",
            "School transport was an item at Schools Committee, 2024-03-01",
            "School transport mentions Hillside Academy",
            "Councillor Bell declared an interest in Hillside Academy",
        ]
    ]
    assert found.paths[0][3].evidence.quote is not None


def test_no_path_within_the_hops_asked_for(world: tuple[Projection, dict[str, str]]) -> None:
    network, n = world
    graph = link_graph(network)
    assert find_paths(network, graph, n["ames"], n["bell"], max_hops=3, limit=5).paths == []
    assert find_paths(network, graph, n["ames"], n["cole"], max_hops=6, limit=5).paths == []


def test_a_search_past_its_frontier_budget_says_it_is_incomplete(world: tuple[Projection, dict[str, str]]) -> None:
    network, n = world
    found = find_paths(network, link_graph(network), n["ames"], n["bell"], max_hops=6, limit=5, frontier_cap=0)
    assert (found.complete, found.paths) == (False, [])


def test_a_neighbourhood_grows_with_its_hops(world: tuple[Projection, dict[str, str]]) -> None:
    network, n = world
    one = neighbourhood(network, n["school"], hops=1)
    two = neighbourhood(network, n["school"], hops=2)
    assert {node.label for node in one.nodes} == {"Hillside Academy", "School transport", "Councillor Bell"}
    assert {node.label for node in two.nodes} > {node.label for node in one.nodes}
    assert "Acme Paving Ltd" in {node.label for node in two.nodes}
    assert all(edge.evidence and edge.evidence.says for edge in two.edges)


def test_a_neighbourhood_stops_at_its_node_budget(world: tuple[Projection, dict[str, str]]) -> None:
    network, n = world
    capped = neighbourhood(network, n["school"], hops=3, max_nodes=2)
    assert (len(capped.nodes), capped.complete) == (2, False)


def test_brokers_are_ranked_by_the_organisations_they_reach(world: tuple[Projection, dict[str, str]]) -> None:
    network, _ = world
    assert [(b.person.label, [o.label for o in b.organisations]) for b in brokers(network, 5)] == [
        ("Councillor Bell", ["Acme Paving Ltd", "Hillside Academy"])
    ]


@pytest.mark.parametrize("fmt", ["graphml", "gexf"])
def test_an_exported_neighbourhood_reads_back_with_its_labels_and_relations(
    world: tuple[Projection, dict[str, str]], fmt: str
) -> None:
    network, n = world
    around = neighbourhood(network, n["school"], hops=2)
    data = export(around, "graphml" if fmt == "graphml" else "gexf")
    read = nx.read_graphml(io.BytesIO(data)) if fmt == "graphml" else nx.read_gexf(io.BytesIO(data))
    assert set(read.nodes) == {node.iri for node in around.nodes}
    assert read.number_of_edges() == len(around.edges)
    assert read.nodes[n["school"]]["label"] == "Hillside Academy"
    assert {data["relation"] for _, _, data in read.edges(data=True)} == {e.relation for e in around.edges}


def test_every_shortest_path_is_found_up_to_the_limit_in_a_stable_order() -> None:
    scenario = Scenario()
    ames, school = scenario.person("Councillor Ames"), scenario.organisation("Hillside Academy")
    committee = scenario.body("Schools Committee")
    for date in ("2024-03-01", "2024-04-01", "2024-05-01"):
        meeting = scenario.meeting(committee, date)
        scenario.attended(ames, meeting)
        scenario.item(meeting, "1", f"Hillside Academy report {date}", mentions=(school,))
    network = scenario.projection()
    graph = link_graph(network)
    found = find_paths(network, graph, ames, school, max_hops=4, limit=5)
    assert [len(path) for path in found.paths] == [3, 3, 3]
    assert [path[0].target.date for path in found.paths] == ["2024-03-01", "2024-04-01", "2024-05-01"]
    assert find_paths(network, graph, ames, school, max_hops=4, limit=2).paths == found.paths[:2]
    backwards = find_paths(network, graph, school, ames, max_hops=4, limit=5).paths[0]
    assert backwards[0].target.iri == school and backwards[-1].source.iri == ames
