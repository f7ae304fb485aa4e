"""Several server processes over one store: each answers, and the index of names and lists they read is built
once per content of the store, shared, and rebuilt only when the store changes."""

from __future__ import annotations

import os
import socket
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
import uvicorn

from api.server import listening_socket
from api.shared_index import index_folder, shared_index
from graph.settings import Settings
from tests.conftest import CLI, MINUTES, _free_port

MOORE = "https://w3id.org/councilgraph/id/person/leicester-city-council/moore-cllr"
DOCUMENTS = sorted(MINUTES.iterdir())


def _ingest(store: Path, *documents: Path) -> None:
    env = dict(os.environ, COUNCILGRAPH_STORE=str(store))
    subprocess.run([*CLI, "ingest", *map(str, documents)], env=env, check=True, capture_output=True)


def _answers(root: str) -> bool:
    try:
        return httpx.get(f"{root}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200
    except httpx.TransportError:
        return False


@contextmanager
def _serving(store: Path, workers: int) -> Iterator[tuple[str, int]]:
    """`councilgraph serve --workers N` over `store`; yields its root URL and its process id."""
    port = _free_port()
    root = f"http://127.0.0.1:{port}"
    command = [*CLI, "serve", "--store", str(store), "--port", str(port), "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not _answers(root) and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
        assert _answers(root), server.stderr.read().decode() if server.returncode is not None and server.stderr else ""
        yield root, server.pid
    finally:
        server.terminate()
        server.wait(timeout=30)


def _server_processes(pid: int) -> list[int]:
    """The children of `pid` that multiprocessing spawned to run a server (not its resource tracker)."""
    children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    return [int(c) for c in children if b"spawn_main" in Path(f"/proc/{c}/cmdline").read_bytes()]


def _index_files(store: Path) -> list[Path]:
    return sorted(index_folder(store).iterdir())


@pytest.fixture(scope="module")
def seed_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    store = tmp_path_factory.mktemp("workers") / "store"
    _ingest(store, MINUTES)
    return store


def test_two_server_processes_each_answer_from_one_shared_index(seed_store: Path) -> None:
    with _serving(seed_store, workers=2) as (root, pid):
        assert len(_server_processes(pid)) == 2
        with httpx.Client(base_url=root, timeout=30) as client:
            for _ in range(8):
                assert client.get("/api/search", params={"q": "Moore"}).json()["items"][0]["iri"] == MOORE
                declarations = client.get("/api/declarations", params={"person": MOORE}).json()["items"]
                assert {d["person"]["iri"] for d in declarations} == {MOORE}
                assert client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"}).status_code == 200
    files = _index_files(seed_store)
    assert [f.suffix for f in files if f.name != "build.lock"] == [".sqlite"]
    assert not [f for f in files if f.name.startswith(".building-")]


def test_the_index_is_reused_while_the_store_is_unchanged(seed_store: Path) -> None:
    first = shared_index(Settings(store=seed_store))
    built = first.stat()
    with _serving(seed_store, workers=1) as (root, _):
        assert httpx.get(f"{root}/api/search", params={"q": "Moore"}).json()["total"] >= 1
    again = shared_index(Settings(store=seed_store))
    assert again == first
    assert (again.stat().st_ino, again.stat().st_mtime_ns) == (built.st_ino, built.st_mtime_ns)


def test_a_changed_store_gets_a_new_index_and_the_old_one_is_removed(tmp_path: Path) -> None:
    store = tmp_path / "store"
    _ingest(store, *DOCUMENTS[:-1])
    with _serving(store, workers=1) as (root, _):
        before = httpx.get(f"{root}/api/decisions", params={"limit": 1}).json()["total"]
    old = shared_index(Settings(store=store))
    _ingest(store, DOCUMENTS[-1])
    with _serving(store, workers=1) as (root, _):
        after = httpx.get(f"{root}/api/decisions", params={"limit": 1}).json()["total"]
    new = shared_index(Settings(store=store))
    assert new != old
    assert not old.exists()
    assert after > before


def test_connections_to_several_server_processes_send_small_answers_at_once() -> None:
    """Nagle's algorithm is off on the shared listening socket and on the connections accepted from it."""
    config = uvicorn.Config("api.app:app_from_environment", factory=True, host="127.0.0.1", port=_free_port())
    with listening_socket(config) as listener:
        listener.listen()
        with socket.create_connection(listener.getsockname()[:2]):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0
