"""Shared fixtures: a real `councilgraph serve` on loopback over a store of the seed minutes."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
CLI = [str(Path(sys.executable).parent / "councilgraph")]
MINUTES = ROOT / "data" / "minutes"

Server = Callable[..., AbstractContextManager[str]]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def _serving(store: Path, **settings: str) -> Iterator[str]:
    """Ingest the seed minutes into `store` (once) and serve it; yields the server's root URL."""
    env = dict(os.environ, COUNCILGRAPH_STORE=str(store))
    env.update({f"COUNCILGRAPH_{name.upper()}": value for name, value in settings.items()})
    if not store.exists():
        subprocess.run([*CLI, "ingest", str(MINUTES)], env=env, check=True, capture_output=True)
    port = _free_port()
    root = f"http://127.0.0.1:{port}"
    env["COUNCILGRAPH_PORT"] = str(port)
    server = subprocess.Popen([*CLI, "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{root}/sparql", params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.2)
        else:
            server.kill()
            pytest.fail(f"the server did not start: {server.stderr.read().decode() if server.stderr else ''}")
        yield root
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture(scope="session")
def serve(tmp_path_factory: pytest.TempPathFactory) -> Server:
    """A factory of servers over their own store of the seed minutes, with settings given as keywords."""

    def start(**settings: str) -> AbstractContextManager[str]:
        return _serving(tmp_path_factory.mktemp("served") / "store", **settings)

    return start


@pytest.fixture(scope="session")
def seed_server(serve: Server) -> Iterator[str]:
    """One server with default settings over the seed minutes, shared by every test that only reads."""
    with serve() as root:
        yield root


def get_json(root: str, path: str, **params: Any) -> Any:
    """The JSON a successful GET answers with; any other status fails the test with the body."""
    response = httpx.get(f"{root}{path}", params=params, timeout=30)
    assert response.status_code == 200, response.text
    return response.json()
