"""The store interface: a small protocol, one module per backend."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Protocol

from pydantic import BaseModel, ConfigDict
from rdflib.term import Node

from graph.models import EntityRecord

__all__ = ["DUMP_FORMATS", "DocumentRecord", "DumpFormat", "GraphStore", "QueryResult", "StoreStats"]

DumpFormat = Literal["nquads", "trig", "turtle", "jsonld"]
DUMP_FORMATS: tuple[DumpFormat, ...] = ("nquads", "trig", "turtle", "jsonld")


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
    entities: int
    classes: dict[str, int]


class QueryResult(BaseModel):
    """A SELECT/ASK answer as plain strings, or CONSTRUCT/DESCRIBE output as N-Triples."""

    model_config = ConfigDict(frozen=True)

    kind: Literal["select", "ask", "graph"]
    variables: list[str] = []
    rows: list[list[str | None]] = []
    boolean: bool | None = None
    ntriples: str | None = None


class GraphStore(Protocol):
    """Where validated document graphs live; each write of one document is one transaction."""

    def replace_document(
        self, doc_iri: str, triples: Iterable[tuple[Node, Node, Node]], entities: list[EntityRecord]
    ) -> None: ...

    def remove_document(self, doc_iri: str) -> bool: ...

    def documents(self) -> list[DocumentRecord]: ...

    def document_triples(self, doc_iri: str) -> list[tuple[Node, Node, Node]]: ...

    def query(self, sparql: str) -> QueryResult: ...

    def dump(self, output: Path, fmt: DumpFormat) -> None: ...

    def stats(self) -> StoreStats: ...
