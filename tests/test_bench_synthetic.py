"""The synthetic benchmark store has the layout real ingest gives: one graph per document, shared entities
described once in the entities graph, one meeting per document, reproducible from its seed, and every
document graph passes the SHACL shapes."""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from rdflib import Graph

from bench.synthetic import BuiltStore, SyntheticOptions, build_store
from graph.identity import IriMinter
from graph.settings import Settings
from graph.store.oxigraph import OxigraphStore
from graph.validate import load_shapes, validate
from graph.vocab import CG, RDF, RDFS

MEETINGS = 20
SETTINGS = Settings()
ENTITIES = IriMinter(SETTINGS.base_iri).entities_graph()


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> BuiltStore:
    return build_store(tmp_path_factory.mktemp("synthetic") / "store", SyntheticOptions(meetings=MEETINGS))


@pytest.fixture(scope="module")
def raw(built: BuiltStore) -> ox.Store:
    return ox.Store.read_only(str(built.path))


def _dump(path: Path) -> bytes:
    store = OxigraphStore(path, ENTITIES)
    output = path.parent / "dump.nq"
    store.dump(output, "nquads")
    del store
    return output.read_bytes()


def _subjects(store: ox.Store, predicate: str, obj: str | None, graph: ox.NamedNode | None) -> set[object]:
    target = ox.NamedNode(obj) if obj is not None else None
    return {q.subject for q in store.quads_for_pattern(None, ox.NamedNode(predicate), target, graph)}


def test_one_named_graph_per_document_and_one_of_entities(raw: ox.Store) -> None:
    documents = _subjects(raw, str(RDF.type), str(CG.MinutesDocument), None)
    assert len(documents) == MEETINGS
    assert set(raw.named_graphs()) == documents | {ox.NamedNode(ENTITIES)}
    for document in documents:
        assert isinstance(document, ox.NamedNode)
        assert _subjects(raw, str(RDF.type), str(CG.MinutesDocument), document) == {document}


def test_one_meeting_per_document(raw: ox.Store) -> None:
    meetings = list(raw.quads_for_pattern(None, ox.NamedNode(str(RDF.type)), ox.NamedNode(str(CG.Meeting))))
    assert len({q.subject for q in meetings}) == MEETINGS
    assert len({q.graph_name for q in meetings}) == MEETINGS


def test_shared_entities_are_described_once_in_the_entities_graph(raw: ox.Store) -> None:
    entities = ox.NamedNode(ENTITIES)
    described = _subjects(raw, str(RDF.type), None, entities)
    assert any("/person/" in str(e) for e in described) and any("/organisation/" in str(e) for e in described)
    for entity in described:
        assert isinstance(entity, ox.NamedNode)
        labels = list(raw.quads_for_pattern(entity, ox.NamedNode(str(RDFS.label)), None))
        assert [q.graph_name for q in labels] == [entities], entity
    referred = {q.object for q in raw.quads_for_pattern(None, ox.NamedNode(str(CG.refersTo)), None)}
    assert referred == described


def test_the_same_seed_gives_the_same_export_and_another_seed_another(built: BuiltStore, tmp_path: Path) -> None:
    first = _dump(built.path)
    again = build_store(tmp_path / "again" / "store", SyntheticOptions(meetings=MEETINGS))
    other = build_store(tmp_path / "other" / "store", SyntheticOptions(meetings=MEETINGS, seed=2))
    assert _dump(again.path) == first
    assert _dump(other.path) != first


def test_every_document_graph_conforms_to_the_shapes(built: BuiltStore) -> None:
    store = OxigraphStore(built.path, ENTITIES)
    shapes = load_shapes(SETTINGS.shapes_dir)
    for document in store.documents():
        data = Graph()
        for triple in store.document_triples(document.iri):
            data.add(triple)
        report = validate(data, shapes)
        assert report.conforms, (document.iri, report.violations)
        assert not report.warnings, (document.iri, report.warnings)
