"""The store interface: a small protocol, one module per backend."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from pydantic import BaseModel, ConfigDict

from graph.models import EntityKind

__all__ = ["DocumentRecord", "DumpFormat", "EntityRecord", "GraphStore", "QueryResult", "StoreStats"]

DumpFormat = str  # one of "nquads", "trig", "turtle", "jsonld"


class EntityRecord(BaseModel):
    """A shared entity as one document describes it: its fixed facts plus the surface forms it was read from."""

    model_config = ConfigDict(frozen=True)

    iri: str
    kind: EntityKind
    fixed: list[tuple[str, str, str]]
    forms: list[str]


class DocumentRecord(BaseModel):
    """What the store keeps about one ingested document."""

    model_config = ConfigDict(frozen=True)

    iri: str
    source: str
    sha256: str
    triples: int


class StoreStats(BaseModel):
    model_config = ConfigDict(frozen=True)

    documents: int
    quads: int
    classes: dict[str, int]


class QueryResult(BaseModel):
    """A SELECT/ASK answer as plain strings, or CONSTRUCT/DESCRIBE output serialised as N-Triples."""

    model_config = ConfigDict(frozen=True)

    kind: str  # "select", "ask" or "graph"
    variables: list[str] = []
    rows: list[list[str | None]] = []
    boolean: bool | None = None
    ntriples: str | None = None


class GraphStore(Protocol):
    """Where validated document graphs live; each write of a document is atomic."""

    def replace_document(self, doc_iri: str, statements: bytes, entities: list[EntityRecord]) -> None: ...

    def remove_document(self, doc_iri: str) -> bool: ...

    def documents(self) -> list[DocumentRecord]: ...

    def query(self, sparql: str) -> QueryResult: ...

    def dump(self, output: Path, fmt: DumpFormat) -> None: ...

    def stats(self) -> StoreStats: ...

    def iter_document_graph(self, doc_iri: str) -> Iterator[tuple[str, str, str]]: ...
