"""The shortest relationship paths between two entities, found by a breadth-first search from both ends
whose every step is one SPARQL query for the neighbours of a whole frontier.

The graph is walked through the statements the minutes record (attended, declared an interest in, holds,
is a member of, mentions, …), so every edge of a path can be explained by its statement and quote."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

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


def _edges(rows: list[Row]) -> list[_Edge]:
    edges = []
    for row in rows:
        here, there = row["node"], row["other"]
        source, target = (here, there) if row["forward"] == "true" else (there, here)
        edges.append(_Edge(here, there, row["relation"], source, target, row["statement"]))
    return sorted(set(edges), key=lambda e: (e.there, e.relation, e.statement))


def _chains(parents: Parents, node: str) -> Iterator[list[_Edge]]:
    """Every chain of edges from the search's start to `node`, each edge walked towards `node`."""
    if not parents[node]:
        yield []
        return
    for edge in parents[node]:
        for chain in _chains(parents, edge.here):
            yield [*chain, edge]


@dataclass(frozen=True)
class PathFinder:
    reader: GraphReader
    namer: Namer
    frontier_cap: int = 2_000
    enumeration_cap: int = 1_000

    def _expand(self, parents: Parents, frontier: set[str]) -> set[str]:
        """Add the unseen neighbours of `frontier` to `parents`; the new frontier is those neighbours."""
        rows = self.reader.rows("api/neighbours", {"node": [ox.NamedNode(n) for n in sorted(frontier)]})
        reached: Parents = {}
        for edge in _edges(rows):
            if edge.there not in parents:
                reached.setdefault(edge.there, []).append(edge)
        parents.update(reached)
        return set(reached)

    def find(self, source: str, target: str, max_hops: int, limit: int) -> PathsView:
        """Up to `limit` shortest paths of at most `max_hops` edges, or none when the ends are further apart."""
        forward: Parents = {source: []}
        backward: Parents = {target: []}
        ahead, behind = {source}, {target}
        hops = 0
        meeting = {source} & {target}
        while not meeting and hops < max_hops and ahead and behind:
            if len(ahead) <= len(behind):
                ahead = self._expand(forward, ahead) if len(ahead) <= self.frontier_cap else set()
            else:
                behind = self._expand(backward, behind) if len(behind) <= self.frontier_cap else set()
            hops += 1
            meeting = set(forward) & set(backward)
        joined = (
            head + [self._reversed(edge) for edge in reversed(tail)]
            for middle in sorted(meeting)
            for head in _chains(forward, middle)
            for tail in _chains(backward, middle)
        )
        paths = sorted(islice(joined, self.enumeration_cap), key=lambda p: (len(p), [e.statement for e in p]))[:limit]
        return PathsView(
            source=self._links([source])[source],
            target=self._links([target])[target],
            max_hops=max_hops,
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
