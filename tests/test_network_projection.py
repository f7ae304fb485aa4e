"""The network of a real store, kept up to date: a refresh reads only the documents added or changed since it
was saved, and the result is the network a full rebuild gives."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.identity import IriMinter
from graph.network.findings import find_conflicts
from graph.network.projection import DocumentLinks, Projection, network_path, refresh
from graph.settings import Settings
from graph.store.oxigraph import OxigraphStore
from tests.conftest import CLI, MINUTES
from tests.network_scenarios import Scenario


def _ingest(store: Path, *documents: Path) -> None:
    subprocess.run([*CLI, "ingest", "--store", str(store), *map(str, documents)], check=True, capture_output=True)


def _refresh(store: Path, saved: Path | None) -> tuple[Projection, tuple[int, int, int]]:
    network, done = refresh(ox.Store.read_only(str(store)), saved)
    return network, (done.read, done.removed, done.kept)


def _shape(network: Projection) -> tuple[set[object], dict[str, object]]:
    return set(network.links()), dict(network.graph.nodes(data="info"))


@pytest.fixture
def documents() -> list[Path]:
    return sorted(MINUTES.iterdir())


def test_ingest_keeps_the_saved_network_current(tmp_path: Path, documents: list[Path]) -> None:
    store, saved = tmp_path / "store", network_path(tmp_path / "store")
    _ingest(store, *documents[:-1])
    assert _refresh(store, saved)[1] == (0, 0, len(documents) - 1)
    _ingest(store, documents[-1])
    assert _refresh(store, saved)[1] == (0, 0, len(documents))


def test_a_refresh_reads_only_what_changed_and_matches_a_rebuild(tmp_path: Path, documents: list[Path]) -> None:
    store, saved = tmp_path / "store", network_path(tmp_path / "store")
    _ingest(store, *documents[:-1])
    earlier = saved.read_bytes()
    _ingest(store, documents[-1])
    saved.write_bytes(earlier)
    updated, done = _refresh(store, saved)
    assert done == (1, 0, len(documents) - 1)
    rebuilt, _ = _refresh(store, None)
    assert _shape(updated) == _shape(rebuilt)


def test_a_removed_document_takes_its_links_with_it(tmp_path: Path, documents: list[Path]) -> None:
    store, saved = tmp_path / "store", network_path(tmp_path / "store")
    _ingest(store, *documents)
    before, _ = _refresh(store, saved)
    gone = sorted(before.documents)[0]
    writer = OxigraphStore(store, IriMinter(Settings().base_iri).entities_graph())
    assert writer.remove_document(gone)
    writer.flush()
    del writer
    after, done = _refresh(store, saved)
    assert done == (0, 1, len(documents) - 1)
    assert gone not in after.documents
    assert all(after.evidence[k.statement].document != gone for k in after.links() if k.statement in after.evidence)
    assert _shape(after) == _shape(_refresh(store, None)[0])


def test_a_damaged_saved_network_is_rebuilt(tmp_path: Path, documents: list[Path]) -> None:
    store = tmp_path / "store"
    _ingest(store, *documents)
    saved = network_path(store)
    saved.write_bytes(b"not a network")
    network, done = _refresh(store, saved)
    assert done == (len(documents), 0, 0)
    assert network.graph.number_of_edges() > 0
    assert _refresh(store, saved)[1] == (0, 0, len(documents))


def test_the_saved_network_lives_beside_the_store(tmp_path: Path) -> None:
    assert network_path(tmp_path / ".store") == tmp_path / ".store.network"


def test_a_document_ingested_again_is_read_again_though_its_digest_is_the_same(
    tmp_path: Path, documents: list[Path]
) -> None:
    store, saved = tmp_path / "store", network_path(tmp_path / "store")
    _ingest(store, *documents)
    again = subprocess.run([*CLI, "ingest", "--store", str(store), str(documents[0])], capture_output=True, text=True)
    assert again.returncode == 0, again.stderr
    assert "relationship network: 1 documents read, 0 removed" in " ".join(again.stderr.split())
    first = sorted(_refresh(store, saved)[0].documents)[0]
    _, done = refresh(ox.Store.read_only(str(store)), saved, replaced=[first])
    assert (done.read, done.removed, done.kept) == (1, 0, len(documents) - 1)


def _scenario_parts() -> tuple[dict[str, DocumentLinks], Projection]:
    world = Scenario()
    ames, bell = world.person("Councillor Ames"), world.person("Councillor Bell")
    school, firm = world.organisation("Hillside Academy"), world.organisation("Acme Paving Ltd")
    committee = world.body("Schools Committee")
    for month in range(1, 7):
        meeting = world.meeting(committee, f"2024-0{month}-01")
        world.attended(ames if month % 2 else bell, meeting)
        world.declared(bell, school if month % 3 else firm, meeting, withdrew=month == 4)
        item = world.item(meeting, str(month), "Business", mentions=(school,) if month % 2 else (firm,))
        world.decision(item, "Noted.")
    whole = world.projection()
    return dict(whole.documents), whole


@settings(max_examples=40, deadline=None)
@given(st.data())
def test_a_network_updated_piecemeal_in_any_order_is_the_network_built_at_once(data: st.DataObject) -> None:
    parts, whole = _scenario_parts()
    order = data.draw(st.permutations(sorted(parts)))
    split = data.draw(st.integers(0, len(order)))
    dropped = data.draw(st.lists(st.sampled_from(order), unique=True))
    piecemeal = Projection()
    piecemeal.set_entities(whole.entities, whole.entity_links)
    piecemeal.update({doc: parts[doc] for doc in order[:split]}, [])
    piecemeal.update({doc: parts[doc] for doc in order[split:]}, [])
    piecemeal.update({}, dropped)
    piecemeal.update({doc: parts[doc] for doc in dropped}, [])
    assert _shape(piecemeal) == _shape(whole)
    assert find_conflicts(piecemeal) == find_conflicts(whole)


def test_a_network_that_cannot_be_saved_is_still_up_to_date_and_says_why(tmp_path: Path, documents: list[Path]) -> None:
    store = tmp_path / "store"
    _ingest(store, *documents)
    nowhere = tmp_path / "missing-folder" / "store.network"
    network, done = refresh(ox.Store.read_only(str(store)), nowhere)
    assert (done.read, done.kept) == (len(documents), 0)
    assert done.unsaved is not None and str(nowhere) in done.unsaved
    assert network.graph.number_of_edges() > 0
    assert not nowhere.parent.exists()
