"""Read-only access to the store for the relationship API: named queries in, plain rows out.

The service opens one read-only view of the store when it starts, so it answers from the store as it was
then; ingesting while it runs is not supported (restart `councilgraph serve` to see new documents)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

import pyoxigraph as ox

from graph.queries import Row, Term, select

__all__ = ["GraphReader", "Row"]


class GraphReader:
    """One read-only view of the store, queried over the union of its graphs."""

    def __init__(self, store_path: Path) -> None:
        self.store = ox.Store.read_only(str(store_path))

    def rows(self, name: str, values: Mapping[str, Term | Iterable[Term] | None] | None = None) -> list[Row]:
        """The solutions of the named query with its inputs bound, each as {variable: lexical value}."""
        return select(self.store, name, values)

    def triples_about(self, iri: str) -> list[ox.Triple]:
        """Every triple whose subject is `iri`, in any graph, once each."""
        seen = {
            ox.Triple(quad.subject, quad.predicate, quad.object)
            for quad in self.store.quads_for_pattern(ox.NamedNode(iri), None, None)
        }
        return sorted(seen, key=str)
