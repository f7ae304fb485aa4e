"""The first page of every entity's view, stored in the shared index when it is built: the entity endpoint
answers the default window from it, byte for byte what describing the view now gives, other windows are
described live, and ingesting gives a new index with views of the new content."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from api.catalogue import Catalogue
from api.prebuilt import view_json
from api.reader import GraphReader
from api.relations import Relations, Window
from api.shared_index import index_namer, open_index, shared_index
from graph.settings import Settings
from tests.conftest import CLI, MINUTES, _serving

KINDS = ("person", "organisation", "body", "council", "meeting")
SEEDS_EACH = 3
DOCUMENTS = sorted(MINUTES.iterdir())


def _live(store: Path) -> Relations:
    """The views described now, as the server describes a window it has not stored."""
    settings = Settings(store=store)
    catalogue = Catalogue(open_index(shared_index(settings)))
    return Relations(GraphReader(store), index_namer(settings), catalogue)


def _by_kind(relations: Relations) -> dict[str, list[str]]:
    """Every entity with a view, by kind, in IRI order."""
    found: dict[str, list[str]] = {kind: [] for kind in KINDS}
    for row in relations.reader.rows("api/prebuilt_entities"):
        header = relations.header(row["entity"])
        if header is not None and header.kind in found:
            found[header.kind].append(header.iri)
    return found


def _seeds(relations: Relations) -> dict[str, list[str]]:
    """A few entities of each kind."""
    return {kind: iris[:SEEDS_EACH] for kind, iris in _by_kind(relations).items()}


def _api(root: str, iri: str, base_iri: str) -> str:
    return f"{root}/api/{iri.removeprefix(base_iri)}"


@pytest.fixture(scope="module")
def served(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Relations]]:
    store = tmp_path_factory.mktemp("prebuilt") / "store"
    with _serving(store) as root:
        yield root, _live(store)


def test_every_kind_has_seed_entities(served: tuple[str, Relations]) -> None:
    _, relations = served
    assert all(_seeds(relations).values())


@pytest.mark.parametrize("kind", KINDS)
def test_a_stored_view_is_the_live_view_byte_for_byte(served: tuple[str, Relations], kind: str) -> None:
    root, relations = served
    for iri in _seeds(relations)[kind]:
        view = relations.view(iri, Window())
        assert view is not None
        for params in ({}, {"limit": "20", "offset": "0"}):
            answer = httpx.get(_api(root, iri, relations.namer.base_iri), params=params, timeout=30)
            assert answer.status_code == 200
            assert answer.headers["content-type"] == "application/json"
            assert answer.content == view_json(view)


@pytest.mark.parametrize(("limit", "offset"), [(20, 1), (5, 0)])
def test_other_windows_are_described_live(served: tuple[str, Relations], limit: int, offset: int) -> None:
    root, relations = served
    for iris in _seeds(relations).values():
        for iri in iris:
            view = relations.view(iri, Window(limit, offset))
            assert view is not None
            params = {"limit": str(limit), "offset": str(offset)}
            answer = httpx.get(_api(root, iri, relations.namer.base_iri), params=params, timeout=30)
            assert answer.content == view_json(view)
            pages = [value for value in answer.json().values() if isinstance(value, dict) and "items" in value]
            assert pages
            assert all((page["limit"], page["offset"]) == (limit, offset) for page in pages)


def test_an_entity_the_graph_lacks_is_still_not_found(served: tuple[str, Relations]) -> None:
    root, _ = served
    assert httpx.get(f"{root}/api/person/nowhere/nobody", timeout=30).status_code == 404


def _ingest(store: Path, *documents: Path) -> None:
    env = dict(os.environ, COUNCILGRAPH_STORE=str(store))
    subprocess.run([*CLI, "ingest", *map(str, documents)], env=env, check=True, capture_output=True)


def _views(root: str, iris: list[str], base_iri: str) -> dict[str, bytes]:
    return {iri: httpx.get(_api(root, iri, base_iri), timeout=30).content for iri in iris}


def test_after_ingesting_the_rebuilt_index_serves_the_new_views(tmp_path: Path) -> None:
    """The last document adds attendance, items and declarations to entities that were there before, so their
    stored first pages change, and each is what describing it in the new store gives."""
    store = tmp_path / "store"
    _ingest(store, *DOCUMENTS[:-1])
    with _serving(store) as root:
        first_index = shared_index(Settings(store=store))
        relations = _live(store)
        base_iri, entities = relations.namer.base_iri, [iri for iris in _by_kind(relations).values() for iri in iris]
        before = _views(root, entities, base_iri)
    del relations
    _ingest(store, DOCUMENTS[-1])
    with _serving(store) as root:
        after = _views(root, entities, base_iri)
        relations = _live(store)
    changed = [iri for iri in entities if after[iri] != before[iri]]
    assert shared_index(Settings(store=store)) != first_index
    assert changed
    for iri in changed:
        view = relations.view(iri, Window())
        assert view is not None
        assert after[iri] == view_json(view)
