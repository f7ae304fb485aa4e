"""The pipeline, one way: read → segment → extract → resolve → build → validate → store."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph

from graph.build import DocumentGraph, build, entity_graph
from graph.errors import DocumentError, StoreError, ValidationFailed
from graph.extract import extract
from graph.identity import IriMinter
from graph.read import read
from graph.resolve import resolve
from graph.segment import segment
from graph.store import GraphStore
from graph.validate import ValidationReport, validate

__all__ = ["STAGES", "IngestResult", "IngestSummary", "ProcessedDocument", "expand_paths", "ingest", "process"]

STAGES = ("read", "segment", "extract", "resolve", "build", "validate", "store")


@dataclass(frozen=True)
class ProcessedDocument:
    """A document's graph that passed validation, with its warnings and the time each stage took."""

    path: Path
    graph: DocumentGraph
    report: ValidationReport
    timings: dict[str, float]


@dataclass(frozen=True)
class IngestResult:
    path: Path
    ok: bool
    doc_iri: str | None = None
    triples: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str | None = None


@dataclass(frozen=True)
class IngestSummary:
    results: list[IngestResult]
    timings: dict[str, float]

    @property
    def failed(self) -> list[IngestResult]:
        return [r for r in self.results if not r.ok]


class _Clock:
    def __init__(self) -> None:
        self.timings: dict[str, float] = {}
        self._last = time.perf_counter()

    def lap(self, stage: str) -> None:
        now = time.perf_counter()
        self.timings[stage] = self.timings.get(stage, 0.0) + now - self._last
        self._last = now


def process(path: Path, minter: IriMinter, shapes: Graph) -> ProcessedDocument:
    """Run one file through every stage but the store; raises DocumentError naming the file and the reason."""
    clock = _Clock()
    source = read(path)
    clock.lap("read")
    minutes = segment(source)
    clock.lap("segment")
    extraction = extract(minutes)
    clock.lap("extract")
    resolved = resolve(extraction, minter)
    clock.lap("resolve")
    document = build(resolved, minter)
    clock.lap("build")
    report = validate(document.graph + entity_graph(document.entities), shapes)
    clock.lap("validate")
    if not report.conforms:
        raise ValidationFailed(path, report.violations)
    return ProcessedDocument(path=path, graph=document, report=report, timings=clock.timings)


def expand_paths(paths: list[Path]) -> Iterator[Path]:
    """Files as given; folders give their visible files, sorted, recursively."""
    for path in paths:
        if path.is_dir():
            yield from sorted(
                p
                for p in path.rglob("*")
                if p.is_file() and not any(part.startswith(".") for part in p.relative_to(path).parts)
            )
        else:
            yield path


def ingest(
    paths: list[Path],
    store: GraphStore,
    minter: IriMinter,
    shapes: Graph,
    on_result: Callable[[IngestResult], None] | None = None,
) -> IngestSummary:
    """Ingest every file; a bad one is reported with its reason and the rest of the batch goes on."""
    results: list[IngestResult] = []
    totals = dict.fromkeys(STAGES, 0.0)
    seen: dict[str, Path] = {}
    for path in expand_paths(paths):
        result = _ingest_one(path, store, minter, shapes, seen, totals)
        results.append(result)
        if on_result is not None:
            on_result(result)
    return IngestSummary(results=results, timings=totals)


def _ingest_one(
    path: Path, store: GraphStore, minter: IriMinter, shapes: Graph, seen: dict[str, Path], totals: dict[str, float]
) -> IngestResult:
    doc_iri = minter.document(path.name)
    if doc_iri in seen:
        return IngestResult(path=path, ok=False, error=f"{path}: has the same name as {seen[doc_iri]} in this batch")
    seen[doc_iri] = path
    try:
        processed = process(path, minter, shapes)
        started = time.perf_counter()
        store.replace_document(processed.graph.doc_iri, processed.graph.graph, processed.graph.entities)
    except DocumentError as error:
        return IngestResult(path=path, ok=False, error=str(error))
    except StoreError as error:
        return IngestResult(path=path, ok=False, error=f"{path}: {error}")
    for stage, seconds in processed.timings.items():
        totals[stage] += seconds
    totals["store"] += time.perf_counter() - started
    return IngestResult(
        path=path,
        ok=True,
        doc_iri=processed.graph.doc_iri,
        triples=len(processed.graph.graph),
        warnings=processed.report.warnings,
    )
