"""The shortest relationship paths between two entities, on a graph of the links the minutes record.

Every link between two entities (attended, declared an interest in, holds, is a member of, was organised by,
was an item at, mentions, is a post in, is part of) is read once, by one SPARQL query, into an in-memory
networkx graph when the service starts; each edge keeps the statement that records it. A path search is a
breadth-first search from both ends on that graph, and only the nodes and statements of the paths it returns
are then described from the store, so every step is explained by its statement and quote."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import islice

import networkx as nx
import pyoxigraph as ox

from api.models import Link, PathStep, PathsView, Provenance
from api.naming import Namer
from api.reader import GraphReader, Row

__all__ = ["PathFinder"]


@dataclass(frozen=True)
class _Edge:
    """An edge as walked from `here` to `there`; `source` and `target` keep the relation's own direction."""

    here: str
    there: str
    relation: str
    source: str
    target: str
    statement: str


Parents = dict[str, list[_Edge]]


def _projection(reader: GraphReader) -> nx.Graph:
    """One edge per linked pair of entities, keeping the first (in IRI order) statement that links them."""
    graph = nx.Graph()
    rows = sorted(reader.rows("api/projection_edges"), key=lambda row: (row["statement"], row["relation"]))
    for row in rows:
        if not graph.has_edge(row["source"], row["target"]):
            graph.add_edge(
                row["source"], row["target"], relation=row["relation"], source=row["source"], statement=row["statement"]
            )
    return graph


def _chains(parents: Parents, node: str) -> Iterator[list[_Edge]]:
    """Every chain of edges from the search's start to `node`, each edge walked towards `node`."""
    if not parents[node]:
        yield []
        return
    for edge in parents[node]:
        for chain in _chains(parents, edge.here):
            yield [*chain, edge]


@dataclass
class PathFinder:
    reader: GraphReader
    namer: Namer
    frontier_cap: int = 20_000
    enumeration_cap: int = 1_000
    graph: nx.Graph = field(init=False)

    def __post_init__(self) -> None:
        self.graph = _projection(self.reader)

    def _expand(self, parents: Parents, frontier: set[str]) -> set[str]:
        """Add the unseen neighbours of `frontier` to `parents`; the new frontier is those neighbours."""
        reached: Parents = {}
        for here in sorted(frontier):
            for there, data in self.graph.adj[here].items():
                if there not in parents:
                    source = data["source"]
                    target = there if source == here else here
                    edge = _Edge(here, there, data["relation"], source, target, data["statement"])
                    reached.setdefault(there, []).append(edge)
        parents.update(reached)
        return set(reached)

    def find(self, source: str, target: str, max_hops: int, limit: int) -> PathsView:
        """Up to `limit` shortest paths of at most `max_hops` edges, or none when the ends are further apart.

        A search whose smaller frontier grows past `frontier_cap` nodes stops there and says it is incomplete."""
        forward: Parents = {source: []}
        backward: Parents = {target: []}
        ahead = {source} if source in self.graph else set()
        behind = {target} if target in self.graph else set()
        hops = 0
        meeting = {source} & {target}
        complete = True
        while not meeting and hops < max_hops and ahead and behind:
            smaller = min(len(ahead), len(behind))
            if smaller > self.frontier_cap:
                complete = False
                break
            if len(ahead) == smaller:
                ahead = self._expand(forward, ahead)
            else:
                behind = self._expand(backward, behind)
            hops += 1
            meeting = set(forward) & set(backward)
        joined = (
            head + [self._reversed(edge) for edge in reversed(tail)]
            for middle in sorted(meeting)
            for head in _chains(forward, middle)
            for tail in _chains(backward, middle)
        )
        paths = sorted(islice(joined, self.enumeration_cap), key=lambda p: (len(p), [e.statement for e in p]))[:limit]
        ends = self._links([source, target])
        return PathsView(
            source=ends[source],
            target=ends[target],
            max_hops=max_hops,
            complete=complete,
            paths=self._explain(paths),
        )

    @staticmethod
    def _reversed(edge: _Edge) -> _Edge:
        return _Edge(edge.there, edge.here, edge.relation, edge.source, edge.target, edge.statement)

    def _labelled(self, nodes: list[str]) -> dict[str, Row]:
        rows = self.reader.rows("api/labels", {"node": [ox.NamedNode(n) for n in sorted(set(nodes))]})
        found: dict[str, Row] = {}
        for row in rows:
            found.setdefault(row["node"], {}).update(row)
        return found

    def _links(self, nodes: list[str]) -> dict[str, Link]:
        rows = self._labelled(nodes)
        return {node: self.namer.link(node, rows.get(node, {}).get("label")) for node in nodes}

    def _explain(self, paths: list[list[_Edge]]) -> list[list[PathStep]]:
        edges = [edge for path in paths for edge in path]
        rows = self._labelled([n for e in edges for n in (e.source, e.target, e.statement)])

        def link(node: str) -> Link:
            return self.namer.link(node, rows.get(node, {}).get("label"))

        def provenance(statement: str) -> Provenance | None:
            row = rows.get(statement, {})
            return self.namer.provenance(row) if "doc" in row else None

        return [
            [
                PathStep(
                    source=link(e.source),
                    relation=e.relation,
                    target=link(e.target),
                    statement=e.statement,
                    provenance=provenance(e.statement),
                )
                for e in path
            ]
            for path in paths
        ]
