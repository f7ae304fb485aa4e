"""Exploring the relationship network: who and what lies within k links of an entity, the shortest chains of
links between two entities with every link explained, and the people whose links reach the most
organisations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

import networkx as nx

from graph.network.findings import entity_ref, evidence_step
from graph.network.models import Broker, Neighbourhood, NetworkEdge, Paths, PathStep
from graph.network.projection import Link, NodeKind, Projection, Relation

__all__ = ["FRONTIER_CAP", "LinkGraph", "brokers", "find_paths", "link_graph", "neighbourhood"]

# Nodes the smaller side of a path search may hold before it stops and says it is incomplete.
FRONTIER_CAP = 20_000


def _says(network: Projection, link: Link) -> str:
    return f"{network.label(link.source)} {link.relation.value} {network.label(link.target)}"


def _edge(network: Projection, link: Link) -> NetworkEdge:
    return NetworkEdge.model_construct(
        source=link.source,
        relation=link.relation.value,
        target=link.target,
        statement=link.statement,
        evidence=evidence_step(network, link.statement, _says(network, link)),
    )


def _reach(graph: nx.MultiDiGraph, centre: str, hops: int, max_nodes: int) -> tuple[dict[str, int], bool]:
    """The nodes within `hops` links of `centre` with their distance, nearest first and in IRI order at each
    distance, and whether all of them fitted in `max_nodes`."""
    reached = {centre: 0} if centre in graph else {}
    frontier = list(reached)
    for depth in range(1, hops + 1):
        following: list[str] = []
        for node in frontier:
            for other in sorted(set(graph.successors(node)) | set(graph.predecessors(node))):
                if other in reached:
                    continue
                if len(reached) >= max_nodes:
                    return reached, False
                reached[other] = depth
                following.append(other)
        frontier = following
    return reached, True


def _links_among(graph: nx.MultiDiGraph, nodes: set[str]) -> Iterator[Link]:
    """The links between members of `nodes`. A node linked to thousands (a council, a busy committee) is
    checked against the members rather than the members looked for among its links."""
    for source in nodes:
        successors = graph.succ[source]
        targets = [t for t in nodes if t in successors] if len(successors) > len(nodes) else successors
        for target in targets:
            if target in nodes:
                for data in successors[target].values():
                    yield data["link"]


def neighbourhood(network: Projection, centre: str, hops: int, max_nodes: int = 400) -> Neighbourhood:
    """Every entity within `hops` links of `centre` (either direction) and the links among them, nearest
    first; stops adding nodes at `max_nodes` and then says it is incomplete."""
    reached, complete = _reach(network.graph, centre, hops, max_nodes)
    nodes = sorted(reached, key=lambda n: (reached[n], n))
    links = sorted(_links_among(network.graph, set(nodes)), key=lambda k: (k.statement, k.relation))
    return Neighbourhood.model_construct(
        centre=entity_ref(network, centre),
        hops=hops,
        complete=complete,
        nodes=[entity_ref(network, n) for n in nodes],
        edges=[_edge(network, link) for link in links],
    )


def brokers(network: Projection, limit: int) -> list[Broker]:
    """The people whose recorded links (declarations, posts, memberships) reach the most organisations."""
    reach: dict[str, set[str]] = defaultdict(set)
    kind = network.node
    for link in network.links():
        if link.relation in (Relation.DECLARED, Relation.MEMBER_OF) and kind(link.target).kind is NodeKind.ORGANISATION:
            reach[link.source].add(link.target)
        elif link.relation is Relation.HOLDS:
            for _, organisation, post_link in network.graph.out_edges(link.target, data="link"):
                if post_link.relation is Relation.POST_IN and kind(organisation).kind is NodeKind.ORGANISATION:
                    reach[link.source].add(organisation)
    ranked = sorted(reach, key=lambda p: (-len(reach[p]), network.label(p), p))[:limit]
    return [
        Broker(
            person=entity_ref(network, person),
            organisations=[entity_ref(network, o) for o in sorted(reach[person], key=lambda o: (network.label(o), o))],
        )
        for person in ranked
    ]


LinkGraph = dict[str, dict[str, Link]]


def link_graph(network: Projection) -> LinkGraph:
    """The network with directions and parallel links folded: one edge per linked pair, keeping the first
    statement (in IRI order) that links them. What path searches walk: folded by networkx, then kept as plain
    dicts of neighbours, which a breadth-first search walks several times faster than networkx's views."""
    graph = nx.Graph()
    for link in sorted(network.links(), key=lambda k: (k.statement, k.relation)):
        if not graph.has_edge(link.source, link.target):
            graph.add_edge(link.source, link.target, link=link)
    return {node: {other: data["link"] for other, data in neighbours.items()} for node, neighbours in graph.adjacency()}


@dataclass
class _Search:
    """One side of a breadth-first search: how many links from its start each reached node lies, and, worked
    out only for the nodes on a path, which neighbours lie one link nearer."""

    graph: LinkGraph
    start: str
    distances: dict[str, int] = field(init=False)
    frontier: set[str] = field(init=False)
    nearer: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.distances = {self.start: 0}
        self.frontier = {self.start} if self.start in self.graph else set()

    def expand(self) -> set[str]:
        """Reach one link further; set operations keep the walk over neighbours out of Python loops."""
        depth = self.distances[next(iter(self.frontier))] + 1
        reached: set[str] = set()
        for here in self.frontier:
            reached.update(self.graph[here])
        reached.difference_update(self.distances)
        self.distances.update(dict.fromkeys(reached, depth))
        self.frontier = reached
        return reached

    def chains(self, node: str) -> Iterator[list[Link]]:
        """Every chain of links from the start to `node`, nearest neighbours in IRI order."""
        depth = self.distances[node]
        if depth == 0:
            yield []
            return
        if node not in self.nearer:
            self.nearer[node] = sorted(p for p in self.graph[node] if self.distances.get(p) == depth - 1)
        for previous in self.nearer[node]:
            for chain in self.chains(previous):
                yield [*chain, self.graph[node][previous]]


def find_paths(
    network: Projection,
    graph: LinkGraph,
    source: str,
    target: str,
    max_hops: int,
    limit: int,
    frontier_cap: int = FRONTIER_CAP,
    enumeration_cap: int = 1_000,
) -> Paths:
    """Up to `limit` shortest paths of at most `max_hops` links between two entities, each link explained by
    its statement and quote: a breadth-first search from both ends, growing the smaller frontier. A search
    whose smaller frontier passes `frontier_cap` nodes stops there and says it is incomplete."""
    forward, backward = _Search(graph, source), _Search(graph, target)
    meeting = {source} & {target}
    hops = 0
    complete = True
    while not meeting and hops < max_hops and forward.frontier and backward.frontier:
        if min(len(forward.frontier), len(backward.frontier)) > frontier_cap:
            complete = False
            break
        ahead, behind = sorted((forward, backward), key=lambda side: len(side.frontier))
        meeting = {node for node in ahead.expand() if node in behind.distances}
        hops += 1
    joined = (
        head + tail[::-1]
        for middle in sorted(meeting)
        for head in forward.chains(middle)
        for tail in backward.chains(middle)
    )
    found = sorted(islice(joined, enumeration_cap), key=lambda p: (len(p), [k.statement for k in p]))[:limit]
    return Paths(
        source=entity_ref(network, source),
        target=entity_ref(network, target),
        max_hops=max_hops,
        complete=complete,
        paths=[[_path_step(network, link) for link in path] for path in found],
    )


def _path_step(network: Projection, link: Link) -> PathStep:
    return PathStep.model_construct(
        source=entity_ref(network, link.source),
        relation=link.relation.value,
        target=entity_ref(network, link.target),
        statement=link.statement,
        evidence=evidence_step(network, link.statement, _says(network, link)),
    )
