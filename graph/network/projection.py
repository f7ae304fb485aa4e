"""The relationship network: the store's people, organisations, bodies, posts, meetings, items and decisions
as a networkx graph whose typed edges each keep the statement that records them and its quote.

Reading every link of a large store takes seconds, so the network is kept up to date rather than rebuilt:
each document's links are read once and remembered with the document's digest, and a refresh reads only the
documents that were added or changed since, removes those that were removed, and saves the result beside
the store (written whole to a temporary file and renamed, so a reader never sees half a network)."""

from __future__ import annotations

import gc
import os
import pickle
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from graph.queries import Row, select
from graph.vocab import CG, FOAF, ORG

__all__ = [
    "DocumentLinks",
    "Evidence",
    "Link",
    "NodeInfo",
    "NodeKind",
    "Projection",
    "Refresh",
    "Relation",
    "network_path",
    "refresh",
    "uncollected",
]

_FORMAT = 1
_BATCH = 500


class Relation(StrEnum):
    """The typed edges of the network, each named by how it reads from source to target."""

    ATTENDED = "attended"
    DECLARED = "declared an interest in"
    DECLARED_ON_ITEM = "declared an interest in item"
    DECLARED_AT = "declared an interest at"
    HOLDS = "holds"
    MEMBER_OF = "is a member of"
    ORGANISED_BY = "was organised by"
    ITEM_AT = "was an item at"
    MENTIONS = "mentions"
    DECISION_ON = "is a decision on"
    POST_IN = "is a post in"
    PART_OF = "is part of"


class NodeKind(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    COUNCIL = "council"
    BODY = "body"
    POST = "post"
    MEETING = "meeting"
    ITEM = "item"
    DECISION = "decision"
    OTHER = "other"


_ENTITY_KINDS = {
    str(FOAF.Person): NodeKind.PERSON,
    str(ORG.Organization): NodeKind.ORGANISATION,
    str(CG.Council): NodeKind.COUNCIL,
    str(ORG.OrganizationalUnit): NodeKind.BODY,
    str(ORG.Post): NodeKind.POST,
}
# A council is also an org:Organization, a committee may be typed as both: the most specific type names the kind.
_SPECIFIC = (NodeKind.COUNCIL, NodeKind.BODY, NodeKind.POST, NodeKind.PERSON, NodeKind.ORGANISATION)
_DOCUMENT_KINDS = {
    str(CG.Meeting): NodeKind.MEETING,
    str(CG.AgendaItem): NodeKind.ITEM,
    str(CG.Decision): NodeKind.DECISION,
}


@dataclass(frozen=True, slots=True)
class NodeInfo:
    kind: NodeKind
    label: str
    date: str | None = None
    number: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a statement was read: its document and the quote, with the quote's offsets in the text."""

    statement: str
    document: str
    quote: str | None
    start: int | None
    end: int | None


@dataclass(frozen=True, slots=True)
class Link:
    """One edge: `source` —relation→ `target`, recorded by `statement`, with what qualifies it."""

    source: str
    relation: Relation
    target: str
    statement: str
    status: str | None = None
    withdrew: bool = False
    role: str | None = None
    begin: str | None = None
    end: str | None = None


@dataclass(frozen=True)
class DocumentLinks:
    """What one document contributes: its links, the meetings, items and decisions it records, its quotes."""

    sha256: str
    source: str
    links: tuple[Link, ...]
    nodes: dict[str, NodeInfo]
    evidence: dict[str, Evidence]

    @cached_property
    def by_relation(self) -> dict[Relation, list[Link]]:
        """The links grouped by relation, worked out once and saved with the network: what findings read."""
        grouped: dict[Relation, list[Link]] = {}
        for link in self.links:
            grouped.setdefault(link.relation, []).append(link)
        return grouped


@dataclass
class Projection:
    """The network, and the per-document parts it was assembled from (what an update replaces)."""

    graph: nx.MultiDiGraph = field(default_factory=nx.MultiDiGraph)
    documents: dict[str, DocumentLinks] = field(default_factory=dict)
    entities: dict[str, NodeInfo] = field(default_factory=dict)
    entity_links: tuple[Link, ...] = ()
    evidence: dict[str, Evidence] = field(default_factory=dict)

    def node(self, iri: str) -> NodeInfo:
        info: NodeInfo | None = self.graph.nodes[iri].get("info") if iri in self.graph else None
        return info or NodeInfo(kind=NodeKind.OTHER, label=iri)

    def label(self, iri: str) -> str:
        return self.node(iri).label

    def links(self) -> Iterable[Link]:
        for _, _, link in self.graph.edges(data="link"):
            yield link

    def update(self, changed: dict[str, DocumentLinks], removed: Iterable[str]) -> None:
        """Replace the parts of changed documents and drop removed ones, touching only their edges."""
        for doc in [*removed, *changed]:
            old = self.documents.pop(doc, None)
            if old is not None:
                self._remove(old)
        for doc, part in sorted(changed.items()):
            self.documents[doc] = part
            self._add_nodes(part.nodes)
            for links in part.by_relation.values():
                self._add_links(links)
            self.evidence.update(part.evidence)

    def set_entities(self, entities: dict[str, NodeInfo], links: tuple[Link, ...]) -> None:
        """The shared entities are few and read whole each refresh: relabel them and replace their links."""
        self.graph.remove_edges_from([(k.source, k.target, (k.statement, k.relation)) for k in self.entity_links])
        gone = [n for n in set(self.entities) - set(entities) if n in self.graph and self.graph.degree(n) == 0]
        self.graph.remove_nodes_from(gone)
        self.entities = entities
        self.entity_links = links
        self._add_nodes(entities)
        self._add_links(links)

    def _add_nodes(self, nodes: dict[str, NodeInfo]) -> None:
        for iri, info in nodes.items():
            self.graph.add_node(iri, info=info)

    def _add_links(self, links: Iterable[Link]) -> None:
        for link in links:
            self.graph.add_edge(link.source, link.target, key=(link.statement, link.relation), link=link)

    def _remove(self, part: DocumentLinks) -> None:
        for link in part.links:
            if self.graph.has_edge(link.source, link.target, (link.statement, link.relation)):
                self.graph.remove_edge(link.source, link.target, (link.statement, link.relation))
        for statement in part.evidence:
            self.evidence.pop(statement, None)
        self.graph.remove_nodes_from([n for n in part.nodes if n in self.graph and self.graph.degree(n) == 0])


@dataclass(frozen=True)
class Refresh:
    """What a refresh did: documents read, removed and kept from the saved network, and why it could not save
    the result, if it could not."""

    read: int
    removed: int
    kept: int
    unsaved: str | None = None


def _optional_int(row: Row, name: str) -> int | None:
    return int(row[name]) if name in row else None


def _document_links(
    rows: list[Row], node_rows: list[Row], digests: dict[str, tuple[str, str]]
) -> dict[str, DocumentLinks]:
    links: dict[str, dict[tuple[str, str, str], Link]] = {doc: {} for doc in digests}
    evidence: dict[str, dict[str, Evidence]] = {doc: {} for doc in digests}
    nodes: dict[str, dict[str, NodeInfo]] = {doc: {} for doc in digests}
    for row in rows:
        doc, statement = row["doc"], row["statement"]
        if doc not in links:
            continue
        link = Link(
            source=row["source"],
            relation=Relation(row["relation"]),
            target=row["target"],
            statement=statement,
            status=row.get("status"),
            withdrew=row.get("withdrew") == "true",
            role=row.get("role"),
            begin=row.get("begin"),
            end=row.get("end"),
        )
        links[doc].setdefault((link.source, link.target, f"{statement} {link.relation}"), link)
        evidence[doc][statement] = Evidence(
            statement, doc, row.get("quote"), _optional_int(row, "from"), _optional_int(row, "to")
        )
    for row in node_rows:
        if row["doc"] in nodes:
            nodes[row["doc"]][row["node"]] = NodeInfo(
                kind=_DOCUMENT_KINDS[row["type"]],
                label=row.get("label", ""),
                date=row["date"][:10] if "date" in row else None,
                number=row.get("number"),
            )
    return {
        doc: DocumentLinks(
            sha256=sha,
            source=source,
            links=tuple(sorted(links[doc].values(), key=lambda k: (k.statement, k.relation, k.source, k.target))),
            nodes=nodes[doc],
            evidence=evidence[doc],
        )
        for doc, (sha, source) in digests.items()
    }


def _read_documents(store: ox.Store, digests: dict[str, tuple[str, str]]) -> dict[str, DocumentLinks]:
    """The links of the given documents (`digests`: IRI → (sha256, source)), read a batch of documents at a
    time, each query visiting only the named graphs of its batch."""
    parts: dict[str, DocumentLinks] = {}
    ordered = sorted(digests)
    for start in range(0, len(ordered), _BATCH):
        batch = ordered[start : start + _BATCH]
        rows = select(store, "network/links", named_graphs=batch)
        node_rows = select(store, "network/document_nodes", named_graphs=batch)
        parts.update(_document_links(rows, node_rows, {doc: digests[doc] for doc in batch}))
    return parts


def _entities(store: ox.Store) -> tuple[dict[str, NodeInfo], tuple[Link, ...]]:
    entities: dict[str, NodeInfo] = {}
    links: set[Link] = set()
    for row in select(store, "network/entities"):
        node = row["node"]
        kind = _ENTITY_KINDS[row["type"]]
        if node not in entities or _SPECIFIC.index(kind) < _SPECIFIC.index(entities[node].kind):
            entities[node] = NodeInfo(kind=kind, label=row["label"])
        if "postIn" in row:
            links.add(Link(node, Relation.POST_IN, row["postIn"], node))
        if "partOf" in row:
            links.add(Link(node, Relation.PART_OF, row["partOf"], node))
    return entities, tuple(sorted(links, key=lambda k: (k.source, k.relation, k.target)))


@contextmanager
def uncollected() -> Iterator[None]:
    """Build many long-lived objects without the cyclic collector walking them again and again, which otherwise
    triples the time to load a large network and slows working out its findings."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load(path: Path) -> Projection | None:
    """The saved network, or None when there is none or it was saved by another version of this format."""
    try:
        with path.open("rb") as file, uncollected():
            saved = pickle.load(file)
    except (OSError, EOFError, pickle.UnpicklingError, AttributeError, ModuleNotFoundError):
        return None
    if not isinstance(saved, tuple) or saved[0] != _FORMAT or not isinstance(saved[1], Projection):
        return None
    projection: Projection = saved[1]
    return projection


def _save(projection: Projection, path: Path) -> str | None:
    """Why the network could not be saved, or None. Not saving costs the next start a longer refresh, never
    the network in hand, and a failed save leaves no partial file behind."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with temporary.open("wb") as file:
            pickle.dump((_FORMAT, projection), file, protocol=pickle.HIGHEST_PROTOCOL)
        temporary.replace(path)
    except OSError as error:
        temporary.unlink(missing_ok=True)
        return f"cannot save the relationship network to {path}: {error.strerror or error}"
    return None


def network_path(store_path: Path) -> Path:
    """Where the network of the store at `store_path` is saved: a file beside the store's folder."""
    return store_path.with_name(f"{store_path.name}.network")


def refresh(store: ox.Store, saved: Path | None, replaced: Iterable[str] = ()) -> tuple[Projection, Refresh]:
    """The network of `store`, brought up to date from the copy saved at `saved` (when there is one) by
    reading only the documents added or changed since, and those `replaced` (IRIs): a document ingested again
    keeps its digest, but a newer councilgraph may have read other facts from it. The updated network is saved
    back there."""
    projection = (_load(saved) if saved is not None else None) or Projection()
    stored = {row["doc"]: (row["sha256"], row["source"]) for row in select(store, "network/documents")}
    again = set(replaced)
    changed = {
        doc: known
        for doc, known in stored.items()
        if doc not in projection.documents or projection.documents[doc].sha256 != known[0] or doc in again
    }
    removed = sorted(set(projection.documents) - set(stored))
    with uncollected():
        parts = _read_documents(store, changed)
        projection.update(parts, removed)
        projection.set_entities(*_entities(store))
    # The network lives as long as the process that reads it: moved out of the collector's sight, it is not
    # walked again by every collection while findings and paths are worked out.
    gc.freeze()
    unsaved = None
    if saved is not None and (changed or removed or not saved.exists()):
        unsaved = _save(projection, saved)
    return projection, Refresh(len(changed), len(removed), len(stored) - len(changed), unsaved)
