"""Exploring the relationship network: who and what lies within k links of an entity, the shortest chains of
links between two entities with every link explained, and the people whose links reach the most
organisations."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import islice

import networkx as nx

from graph.network.findings import entity_ref, evidence_step
from graph.network.models import Broker, Neighbourhood, NetworkEdge, Paths, PathStep
from graph.network.projection import Link, NodeKind, Projection, Relation

__all__ = ["LinkGraph", "brokers", "find_paths", "link_graph", "neighbourhood"]


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


# Each node reached maps to the nodes it was reached from, with the link between them.
Parents = dict[str, list[tuple[str, Link]]]


def _chains(parents: Parents, node: str) -> Iterator[list[Link]]:
    """Every chain of links from the search's start to `node`."""
    if not parents[node]:
        yield []
        return
    for previous, link in parents[node]:
        for chain in _chains(parents, previous):
            yield [*chain, link]


def _expand(graph: LinkGraph, parents: Parents, frontier: set[str]) -> set[str]:
    """Add the unseen neighbours of `frontier` to `parents`; the new frontier is those neighbours."""
    reached: Parents = {}
    for here in sorted(frontier):
        for there, link in graph[here].items():
            if there not in parents:
                reached.setdefault(there, []).append((here, link))
    parents.update(reached)
    return set(reached)


def find_paths(
    network: Projection,
    graph: LinkGraph,
    source: str,
    target: str,
    max_hops: int,
    limit: int,
    frontier_cap: int = 20_000,
    enumeration_cap: int = 1_000,
) -> Paths:
    """Up to `limit` shortest paths of at most `max_hops` links between two entities, each link explained by
    its statement and quote: a breadth-first search from both ends, growing the smaller frontier. A search
    whose smaller frontier passes `frontier_cap` nodes stops there and says it is incomplete."""
    forward: Parents = {source: []}
    backward: Parents = {target: []}
    ahead = {source} if source in graph else set()
    behind = {target} if target in graph else set()
    hops = 0
    meeting = {source} & {target}
    complete = True
    while not meeting and hops < max_hops and ahead and behind:
        if min(len(ahead), len(behind)) > frontier_cap:
            complete = False
            break
        if len(ahead) <= len(behind):
            ahead = _expand(graph, forward, ahead)
        else:
            behind = _expand(graph, backward, behind)
        hops += 1
        meeting = set(forward) & set(backward)
    joined = (
        head + tail[::-1]
        for middle in sorted(meeting)
        for head in _chains(forward, middle)
        for tail in _chains(backward, middle)
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
