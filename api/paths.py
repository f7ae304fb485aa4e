"""The shortest relationship paths between two entities, as the API shows them: each step's ends linked to
their pages here and its statement's provenance.

The search itself runs on the relationship network in memory (graph.network.explore), so no request scans
the store."""

from __future__ import annotations

from dataclasses import dataclass

from api.models import Link, PathStep, PathsView, Provenance
from api.naming import Namer
from api.network import NetworkService
from graph.network.explore import FRONTIER_CAP
from graph.network.models import EntityRef, EvidenceStep
from graph.network.models import PathStep as NetworkStep

__all__ = ["PathFinder"]


@dataclass(frozen=True)
class PathFinder:
    network: NetworkService
    namer: Namer
    frontier_cap: int = FRONTIER_CAP

    def _link(self, ref: EntityRef) -> Link:
        return self.namer.link(ref.iri, ref.label)

    @staticmethod
    def _provenance(evidence: EvidenceStep) -> Provenance | None:
        if evidence.document is None:
            return None
        return Provenance(
            document=evidence.document,
            source=evidence.source or "",
            quote=evidence.quote,
            start=evidence.start,
            end=evidence.end,
        )

    def _step(self, step: NetworkStep) -> PathStep:
        return PathStep(
            source=self._link(step.source),
            relation=step.relation,
            target=self._link(step.target),
            statement=step.statement,
            provenance=self._provenance(step.evidence),
        )

    def find(self, source: str, target: str, max_hops: int, limit: int) -> PathsView:
        """Up to `limit` shortest paths of at most `max_hops` steps; `complete` is false when the search
        stopped at its frontier budget."""
        found = self.network.paths(source, target, max_hops, limit, self.frontier_cap)
        return PathsView(
            source=self._link(found.source),
            target=self._link(found.target),
            max_hops=max_hops,
            complete=found.complete,
            paths=[[self._step(step) for step in path] for path in found.paths],
        )
