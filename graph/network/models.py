"""What the network answers with: findings, neighbourhoods and brokers, each fact carrying its evidence."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

__all__ = [
    "Broker",
    "EntityRef",
    "EvidenceStep",
    "Finding",
    "FindingKind",
    "Neighbourhood",
    "NetworkEdge",
    "PathStep",
    "Paths",
]


class _Frozen(BaseModel):
    model_config = ConfigDict(frozen=True)


class FindingKind(StrEnum):
    DECLARED_AND_TOOK_PART = "declared-and-took-part"
    POSSIBLE_UNDECLARED_INTEREST = "possible-undeclared-interest"
    LINK_TO_DECISION_MAKER = "link-to-decision-maker"


class EntityRef(_Frozen):
    iri: str
    label: str
    kind: str
    date: str | None = None


class EvidenceStep(_Frozen):
    """One link of a chain of evidence: what it says, the statement recording it, and where it was read."""

    says: str
    statement: str
    document: str | None
    source: str | None
    quote: str | None
    start: int | None
    end: int | None


class Finding(_Frozen):
    kind: FindingKind
    person: EntityRef
    organisation: EntityRef
    meeting: EntityRef
    body: EntityRef | None
    items: list[EntityRef]
    decisions: list[EntityRef]
    withdrew: bool | None
    explanation: str
    evidence: list[EvidenceStep]


class NetworkEdge(_Frozen):
    source: str
    relation: str
    target: str
    statement: str
    evidence: EvidenceStep | None


class Neighbourhood(_Frozen):
    """The entities within `hops` links of `centre`; `complete` is false when the node budget cut it short."""

    centre: EntityRef
    hops: int
    complete: bool
    nodes: list[EntityRef]
    edges: list[NetworkEdge]


class Broker(_Frozen):
    """A person and the organisations their recorded links reach."""

    person: EntityRef
    organisations: list[EntityRef]


class PathStep(_Frozen):
    """One link of a path: `source` `relation` `target`, recorded by `statement`."""

    source: EntityRef
    relation: str
    target: EntityRef
    statement: str
    evidence: EvidenceStep


class Paths(_Frozen):
    """The shortest paths found; `complete` is false when the search stopped early and longer paths may exist."""

    source: EntityRef
    target: EntityRef
    max_hops: int
    complete: bool
    paths: list[list[PathStep]]
