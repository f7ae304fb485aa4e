"""The Oxigraph store against real documents: replacement, order independence, removal, the union default
graph, the document list, and atomicity under SIGKILL."""

from __future__ import annotations

import gc
import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from graph.identity import IriMinter
from graph.pipeline import ProcessedDocument, expand_paths, process
from graph.settings import PROJECT_ROOT, Settings
from graph.store.oxigraph import OxigraphStore
from graph.validate import load_shapes

MINUTES = PROJECT_ROOT / "data" / "minutes"
SETTINGS = Settings()
MINTER = IriMinter(SETTINGS.base_iri)
ENTITIES = MINTER.entities_graph()
XSD_STRING = URIRef("http://www.w3.org/2001/XMLSchema#string")


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return load_shapes(SETTINGS.shapes_dir)


@pytest.fixture(scope="module")
def documents(shapes: Graph) -> list[ProcessedDocument]:
    """The five seed documents through every stage but the store, in file-name order."""
    return [process(path, MINTER, shapes) for path in sorted(MINUTES.glob("*.txt"))]


def _store(path: Path | None = None) -> OxigraphStore:
    return OxigraphStore(path, ENTITIES)


def _put(store: OxigraphStore, documents: list[ProcessedDocument]) -> None:
    for document in documents:
        store.replace_document(document.graph.doc_iri, document.graph.graph, document.graph.entities)


def _dump(store: OxigraphStore, folder: Path, name: str = "dump.nq") -> bytes:
    output = folder / name
    store.dump(output, "nquads")
    return output.read_bytes()


def _rows(store: OxigraphStore, sparql: str) -> list[list[str | None]]:
    result = store.query(sparql)
    assert result.kind == "select", result
    return result.rows


def _ask(store: OxigraphStore, sparql: str) -> bool:
    result = store.query(sparql)
    assert result.kind == "ask", result
    return bool(result.boolean)


def _canonical(triples: Iterable[tuple[Node, Node, Node]]) -> set[tuple[Node, ...]]:
    """Triples as the store gives them back: a plain literal is an xsd:string literal."""
    return {
        tuple(
            Literal(str(n), datatype=XSD_STRING)
            if isinstance(n, Literal) and n.datatype is None and n.language is None
            else n
            for n in triple
        )
        for triple in triples
    }


def _release() -> None:
    """Once the caller has dropped its last reference to an on-disk store, make RocksDB release its lock."""
    gc.collect()


# ---------------------------------------------------------------- replacement and order


def test_replace_document_is_idempotent(documents: list[ProcessedDocument], tmp_path: Path) -> None:
    store = _store()
    _put(store, documents)
    once = _dump(store, tmp_path, "once.nq")
    _put(store, documents)
    _put(store, documents[:1])
    twice = _dump(store, tmp_path, "twice.nq")
    assert once == twice
    lines = once.decode("utf-8").splitlines()
    assert lines == sorted(set(lines)), "the N-Quads dump is sorted and free of duplicates"
    assert store.stats().documents == len(documents)


def test_order_of_ingest_does_not_change_the_export(documents: list[ProcessedDocument], tmp_path: Path) -> None:
    """In memory in reading order, on disk in reverse order: byte-identical exports."""
    forward = _store()
    _put(forward, documents)
    backward = _store(tmp_path / "store")
    _put(backward, list(reversed(documents)))
    assert _dump(forward, tmp_path, "forward.nq") == _dump(backward, tmp_path, "backward.nq")


def test_an_on_disk_store_keeps_everything_when_reopened(documents: list[ProcessedDocument], tmp_path: Path) -> None:
    expected = _store()
    _put(expected, documents)
    on_disk = _store(tmp_path / "store")
    _put(on_disk, documents)
    on_disk.flush()
    del on_disk
    _release()
    reopened = _store(tmp_path / "store")
    assert _dump(reopened, tmp_path, "reopened.nq") == _dump(expected, tmp_path, "expected.nq")


def test_replacing_a_changed_document_leaves_no_trace_of_its_old_graph(
    documents: list[ProcessedDocument], tmp_path: Path
) -> None:
    """Storing document B's statements under document A's IRI is a full swap: A's old facts are gone."""
    first, second = documents[0], documents[2]
    store = _store()
    _put(store, [first])
    store.replace_document(first.graph.doc_iri, second.graph.graph, second.graph.entities)
    # B's graph under A's IRI: no statement node of A survives, and A-only entities lost their description.
    left = _rows(
        store,
        f"SELECT ?s WHERE {{ GRAPH <{first.graph.doc_iri}> {{ ?s ?p ?o }} "
        f'FILTER(STRSTARTS(STR(?s), "{first.graph.doc_iri}/")) }}',
    )
    assert left == []
    only_first = {e.iri for e in first.graph.entities} - {e.iri for e in second.graph.entities}
    assert only_first
    for iri in sorted(only_first):
        assert not _ask(store, f"ASK {{ GRAPH <{ENTITIES}> {{ <{iri}> ?p ?o }} }}"), iri


# ---------------------------------------------------------------- removal


def test_remove_document_drops_its_graph_and_what_only_it_supported(documents: list[ProcessedDocument]) -> None:
    store = _store()
    _put(store, documents)
    shared = _rows(
        store,
        "SELECT ?e ?g1 ?g2 WHERE { GRAPH ?g1 { ?f1 cg:refersTo ?e } GRAPH ?g2 { ?f2 cg:refersTo ?e } "
        "FILTER(STR(?g1) < STR(?g2)) } ORDER BY ?e ?g1 ?g2 LIMIT 1",
    )
    assert shared, "some entity is mentioned by two documents"
    entity, removed, kept = shared[0]
    only_removed = _rows(
        store,
        f"SELECT DISTINCT ?e WHERE {{ GRAPH <{removed}> {{ ?f cg:refersTo ?e }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?f2 cg:refersTo ?e }} FILTER(?g != <{removed}>) }} }} ORDER BY ?e",
    )
    assert only_removed, f"{removed} mentions some entity no other document mentions"

    assert store.remove_document(str(removed)) is True

    assert not _ask(store, f"ASK {{ GRAPH <{removed}> {{ ?s ?p ?o }} }}")
    assert str(removed) not in {d.iri for d in store.documents()}
    for (iri,) in only_removed:
        assert not _ask(store, f"ASK {{ GRAPH ?g {{ <{iri}> ?p ?o }} }}"), f"{iri} is still described"
    assert _ask(store, f"ASK {{ GRAPH <{ENTITIES}> {{ <{entity}> a ?class ; rdfs:label ?label }} }}")
    assert _ask(store, f"ASK {{ GRAPH <{kept}> {{ ?f cg:refersTo <{entity}> }} }}")
    assert store.remove_document(str(removed)) is False, "a second removal finds nothing"


@pytest.mark.parametrize("index", range(5))
def test_removing_a_document_equals_never_having_ingested_it(
    documents: list[ProcessedDocument], tmp_path: Path, index: int
) -> None:
    full = _store()
    _put(full, documents)
    assert full.remove_document(documents[index].graph.doc_iri)
    without = _store()
    _put(without, [d for i, d in enumerate(documents) if i != index])
    assert _dump(full, tmp_path, "removed.nq") == _dump(without, tmp_path, "without.nq")


def test_a_shared_entity_is_described_by_the_documents_that_remain(documents: list[ProcessedDocument]) -> None:
    """ "Councillor Dr Moore" (January 2025) and "Councillor Moore" (June 2025) are one person; the title
    Dr comes from January only, so it goes when January is removed while the person stays."""
    store = _store()
    _put(store, documents)
    titles = (
        'SELECT ?title WHERE { GRAPH ?g { ?p a foaf:Person ; foaf:familyName "Moore" ; foaf:title ?title } } '
        "ORDER BY ?title"
    )
    assert _rows(store, titles) == [["Councillor"], ["Dr"]]
    january = next(d for d in documents if d.path.name.startswith("000_"))
    store.remove_document(january.graph.doc_iri)
    assert _rows(store, titles) == [["Councillor"]]


def test_removing_every_document_empties_the_store(documents: list[ProcessedDocument], tmp_path: Path) -> None:
    store = _store(tmp_path / "store")
    _put(store, documents)
    for document in reversed(documents):
        assert store.remove_document(document.graph.doc_iri)
    figures = store.stats()
    assert (figures.documents, figures.quads, figures.entities, figures.classes) == (0, 0, 0, {})
    assert store.documents() == []
    assert _dump(store, tmp_path) == b""


# ---------------------------------------------------------------- reading


def test_the_default_graph_is_the_union_of_all_graphs(documents: list[ProcessedDocument]) -> None:
    """A meeting (document graph) joins its organiser's label (entities graph) with no GRAPH clause."""
    store = _store()
    _put(store, documents)
    rows = _rows(
        store,
        "SELECT DISTINCT ?date ?body WHERE { ?m a cg:Meeting ; schema:startDate ?date ; schema:organizer ?b . "
        "?b rdfs:label ?body } ORDER BY ?date",
    )
    assert rows == [
        ["2018-06-04", "Children and Families Overview and Scrutiny Committee"],
        ["2021-09-02T17:30:00", "Children, Young People and Education Scrutiny Commission"],
        ["2025-01-14T17:30:00", "Children, Young People and Education Scrutiny Commission"],
        ["2025-06-18T17:30:00", "Children, Young People and Education Scrutiny Commission"],
    ]
    # Without the union a document graph alone cannot answer it.
    doc = documents[0].graph.doc_iri
    assert not _ask(store, f"ASK {{ GRAPH <{doc}> {{ ?m a cg:Meeting ; schema:organizer ?b . ?b rdfs:label ?l }} }}")


def test_documents_lists_sources_and_digests(documents: list[ProcessedDocument]) -> None:
    store = _store()
    assert store.documents() == []
    _put(store, documents)
    records = store.documents()
    assert [(r.iri, r.source, r.sha256, r.triples) for r in records] == sorted(
        (
            d.graph.doc_iri,
            str(d.path),
            hashlib.sha256(d.path.read_bytes()).hexdigest(),
            len(d.graph.graph),
        )
        for d in documents
    )


def test_document_triples_are_the_graph_plus_its_entities(documents: list[ProcessedDocument]) -> None:
    store = _store()
    _put(store, documents)
    document = documents[1]
    triples = _canonical(store.document_triples(document.graph.doc_iri))
    own = _canonical(document.graph.graph)
    assert own <= triples
    described = {s for s, *_ in triples - own}
    assert {str(s) for s in described} == {e.iri for e in document.graph.entities}


# ---------------------------------------------------------------- atomicity under SIGKILL

# The child ingests a batch through graph.pipeline.ingest into an on-disk store and says "begin IRI" just
# before each write and "end IRI" after it, so the parent can kill it while a document is being written.
CHILD = """
import sys
from pathlib import Path
from graph.identity import IriMinter
from graph.pipeline import ingest
from graph.settings import Settings
from graph.store.oxigraph import OxigraphStore
from graph.validate import load_shapes

class Announcing:
    def __init__(self, inner):
        self.inner = inner
    def replace_document(self, doc_iri, triples, entities):
        print("begin", doc_iri, flush=True)
        self.inner.replace_document(doc_iri, triples, entities)
        print("end", doc_iri, flush=True)
    def __getattr__(self, name):
        return getattr(self.inner, name)

settings = Settings(store=Path(sys.argv[1]))
minter = IriMinter(settings.base_iri)
store = OxigraphStore(settings.store, minter.entities_graph())
summary = ingest([Path(sys.argv[2])], Announcing(store), minter, load_shapes(settings.shapes_dir))
print("done", len(summary.failed), flush=True)
"""

# (the write to kill in, seconds to wait after it began); each round re-ingests the batch from its start, so
# later rounds are killed while replacing documents as well as while adding new ones. A write takes about
# 10 ms here; with these delays a writer that splits a document into several updates was caught in 8 or 9
# kills out of 10, and with all four rounds, practically always.
KILLS = [(2, 0.006), (4, 0.008), (6, 0.006), (8, 0.010)]


def _batch(folder: Path, copies: int) -> Path:
    folder.mkdir()
    for copy in range(copies):
        for path in sorted(MINUTES.glob("*.txt")):
            shutil.copy(path, folder / f"c{copy:02d}_{path.name}")
    return folder


def _run_and_kill(store: Path, batch: Path, writes: int, delay_s: float) -> list[str]:
    """Start the child, SIGKILL it `delay_s` after its `writes`-th write began; its stdout lines."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("COUNCILGRAPH_")}
    errors = store.parent / "child.stderr"
    lines: list[str] = []
    with errors.open("w") as stderr:
        child = subprocess.Popen(
            [sys.executable, "-c", CHILD, str(store), str(batch)],
            stdout=subprocess.PIPE,
            stderr=stderr,
            text=True,
            env=env,
            cwd=PROJECT_ROOT,
        )
        assert child.stdout is not None
        begun = 0
        try:
            for line in child.stdout:
                lines.append(line.strip())
                if line.startswith("begin"):
                    begun += 1
                    if begun == writes:
                        time.sleep(delay_s)
                        child.send_signal(signal.SIGKILL)
                        break
        finally:
            child.wait(timeout=60)
            child.stdout.close()
    if child.returncode != -signal.SIGKILL:
        pytest.fail(f"the child was not killed mid-batch (exit {child.returncode}): {lines[-3:]}\n{errors.read_text()}")
    return lines


def _torn_documents(store_path: Path, expected: dict[str, set[tuple[Node, ...]]]) -> list[str]:
    """Every problem a half-written document would leave; empty when each stored document is whole."""
    store = _store(store_path)
    problems: list[str] = []
    graphs = _rows(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g")
    for graph_iri, count in graphs:
        if graph_iri == ENTITIES:
            continue
        if graph_iri not in expected:
            problems.append(f"unexpected graph {graph_iri}")
            continue
        if int(count or 0) != len(expected[graph_iri]):
            problems.append(f"{graph_iri}: {count} statements, {len(expected[graph_iri])} expected")
        stored = _canonical(store.document_triples(str(graph_iri)))
        if not expected[graph_iri] <= stored:
            problems.append(f"{graph_iri}: {len(expected[graph_iri] - stored)} statements missing")
    undescribed = _rows(
        store,
        f"SELECT DISTINCT ?g ?e WHERE {{ GRAPH ?g {{ ?f cg:refersTo ?e }} "
        f"FILTER NOT EXISTS {{ GRAPH <{ENTITIES}> {{ ?e a ?class ; rdfs:label ?label }} }} }}",
    )
    problems.extend(f"{g}: refers to {e}, which is not described" for g, e in undescribed)
    orphans = _rows(
        store,
        f"SELECT DISTINCT ?e WHERE {{ GRAPH <{ENTITIES}> {{ ?e ?p ?o }} "
        f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?f cg:refersTo ?e }} }} }}",
    )
    problems.extend(f"{e} is described but no document mentions it" for (e,) in orphans)
    del store
    _release()
    return problems


def _whole_state(store_path: Path, processed: dict[str, ProcessedDocument], folder: Path) -> tuple[bytes, bytes]:
    """The killed store's export, and the export of a fresh store given the documents it holds."""
    store = _store(store_path)
    held = [d.iri for d in store.documents()]
    got = _dump(store, folder, "killed.nq")
    del store
    _release()
    fresh = _store()
    _put(fresh, [processed[iri] for iri in held])
    return got, _dump(fresh, folder, "fresh.nq")


def test_a_killed_ingest_leaves_no_half_written_document(shapes: Graph, tmp_path: Path) -> None:
    batch = _batch(tmp_path / "batch", copies=3)
    files = {MINTER.document(p.name): p for p in expand_paths([batch])}
    processed: dict[str, ProcessedDocument] = {}
    store_path = tmp_path / "store"
    for writes, delay_s in KILLS:
        lines = _run_and_kill(store_path, batch, writes, delay_s)
        begun = [line.split()[1] for line in lines if line.startswith("begin")]
        for iri in begun:
            if iri not in processed:
                processed[iri] = process(files[iri], MINTER, shapes)
        expected = {iri: _canonical(d.graph.graph) for iri, d in processed.items()}
        assert _torn_documents(store_path, expected) == []
        got, fresh = _whole_state(store_path, processed, tmp_path)
        assert got == fresh, "the killed store differs from a fresh store holding the same documents"
    # The last round stored the documents written before the kill, at least.
    store = _store(store_path)
    assert len(store.documents()) >= KILLS[-1][0] - 1


def test_the_torn_document_check_finds_a_half_written_document(
    documents: list[ProcessedDocument], tmp_path: Path
) -> None:
    """The kill test's check is not vacuous: a document graph missing one statement is reported."""
    document = documents[0]
    store = _store(tmp_path / "store")
    _put(store, [document])
    del store
    _release()
    expected = {document.graph.doc_iri: _canonical(document.graph.graph)}
    assert _torn_documents(tmp_path / "store", expected) == []
    triples = sorted(document.graph.graph, key=lambda t: str(t))
    store = _store(tmp_path / "store")
    store.replace_document(document.graph.doc_iri, triples[1:], document.graph.entities)
    del store
    _release()
    problems = _torn_documents(tmp_path / "store", expected)
    assert any("statements missing" in p for p in problems), problems
