"""The shortest relationship paths between two entities, found by a breadth-first search from both ends.

The graph is walked through the statements the minutes record (attended, declared an interest in, holds,
is a member of, mentions, …), so every edge of a path can be explained by its statement and quote. Each step
looks up, for the whole frontier at once, what its nodes point at and what points at them (one-pattern
SPARQL lookups, one per node), then the statements found that way: a step costs what the frontier touches,
never a scan of the store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

import pyoxigraph as ox

from api.models import Link, PathStep, PathsView, Provenance
from api.naming import Namer
from api.reader import GraphReader, Row
from graph.vocab import CG, ORG, RDF, SCHEMA

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


_THROUGH: dict[str, tuple[str, str, str]] = {
    str(CG.Attendance): (str(CG.attendee), str(CG.meeting), "attended"),
    str(CG.DeclarationOfInterest): (str(CG.declarant), str(CG.interestIn), "declared an interest in"),
    str(CG.PostHolding): (str(CG.holder), str(CG.post), "holds"),
    str(ORG.Membership): (str(ORG.member), str(ORG.organization), "is a member of"),
}
"""Statements that link two entities: the property to the one end, to the other, and what the link means."""

_DIRECT: dict[str, str] = {
    str(ORG.postIn): "is a post in",
    str(SCHEMA.organizer): "was organised by",
    str(CG.mentions): "mentions",
    str(ORG.subOrganizationOf): "is part of",
}
"""Properties that link two entities by themselves; the subject is the statement that says so."""

_ITEM_AT = "was an item at"
_ENDS = {end for first, second, _ in _THROUGH.values() for end in (first, second)} | {str(CG.meeting)}


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
    frontier_cap: int = 300
    enumeration_cap: int = 1_000

    def _properties(self, nodes: set[str]) -> dict[str, dict[str, list[str]]]:
        found: dict[str, dict[str, list[str]]] = {node: {} for node in nodes}
        if nodes:
            for row in self.reader.rows("api/node_properties", {"node": [ox.NamedNode(n) for n in sorted(nodes)]}):
                found[row["node"]].setdefault(row["property"], []).append(row["value"])
        return found

    def _edges(self, frontier: set[str]) -> list[_Edge]:
        """Every edge from a frontier node to a neighbour, walked from the frontier."""
        edges: list[_Edge] = []
        for node, properties in self._properties(frontier).items():
            for prop, values in properties.items():
                edges += [_Edge(node, v, _DIRECT[prop], node, v, node) for v in values if prop in _DIRECT]
            if str(CG.AgendaItem) in properties.get(str(RDF.type), []):
                edges += [_Edge(node, m, _ITEM_AT, node, m, node) for m in properties.get(str(CG.meeting), [])]
        references = self.reader.rows("api/node_references", {"node": [ox.NamedNode(n) for n in sorted(frontier)]})
        for row in references:
            if row["property"] in _DIRECT:
                subject, node = row["subject"], row["node"]
                edges.append(_Edge(node, subject, _DIRECT[row["property"]], subject, node, subject))
        statements = self._properties({row["subject"] for row in references if row["property"] in _ENDS})
        for statement, properties in statements.items():
            edges += self._through(statement, properties, frontier)
        return sorted(set(edges), key=lambda e: (e.there, e.relation, e.statement))

    @staticmethod
    def _through(statement: str, properties: dict[str, list[str]], frontier: set[str]) -> list[_Edge]:
        """The edges a statement makes between the frontier and the entities at its other end."""
        types = properties.get(str(RDF.type), [])
        edges = []
        if str(CG.AgendaItem) in types:
            edges += [
                _Edge(m, statement, _ITEM_AT, statement, m, statement) for m in properties.get(str(CG.meeting), [])
            ]
        for type_iri, (first, second, relation) in _THROUGH.items():
            if type_iri not in types:
                continue
            for source in properties.get(first, []):
                for target in properties.get(second, []):
                    if source in frontier:
                        edges.append(_Edge(source, target, relation, source, target, statement))
                    if target in frontier:
                        edges.append(_Edge(target, source, relation, source, target, statement))
        return [edge for edge in edges if edge.here in frontier]

    def _expand(self, parents: Parents, frontier: set[str]) -> set[str]:
        """Add the unseen neighbours of `frontier` to `parents`; the new frontier is those neighbours."""
        reached: Parents = {}
        for edge in self._edges(frontier):
            if edge.there not in parents:
                reached.setdefault(edge.there, []).append(edge)
        parents.update(reached)
        return set(reached)

    def find(self, source: str, target: str, max_hops: int, limit: int) -> PathsView:
        """Up to `limit` shortest paths of at most `max_hops` edges, or none when the ends are further apart.

        A search whose smaller frontier grows past `frontier_cap` nodes stops there and says it is incomplete:
        past that point each step touches thousands of statements, and the answer would take seconds."""
        forward: Parents = {source: []}
        backward: Parents = {target: []}
        ahead, behind = {source}, {target}
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
        return PathsView(
            source=self._links([source])[source],
            target=self._links([target])[target],
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
