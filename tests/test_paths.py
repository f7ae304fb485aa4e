"""The path finder's budget: a search whose frontier outgrows it stops and says so, instead of running on."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest

from api.naming import Namer
from api.network import NetworkService
from api.paths import PathFinder
from tests.conftest import CLI, MINUTES

BASE = "https://w3id.org/councilgraph/id/"
MOORE = BASE + "person/leicester-city-council/moore-cllr"
COUNTY = BASE + "council/leicestershire-county-council"


@pytest.fixture(scope="module")
def network(tmp_path_factory: pytest.TempPathFactory) -> NetworkService:
    store = tmp_path_factory.mktemp("paths") / "store"
    subprocess.run([*CLI, "ingest", "--store", str(store), str(MINUTES)], check=True, capture_output=True)
    return NetworkService.open(ox.Store.read_only(str(store)), Path(store))


def test_a_search_within_its_budget_is_complete(network: NetworkService) -> None:
    found = PathFinder(network, Namer(BASE, {})).find(MOORE, COUNTY, max_hops=6, limit=5)
    assert found.complete is True
    assert found.paths


def test_a_search_past_its_budget_stops_and_says_it_is_incomplete(network: NetworkService) -> None:
    found = PathFinder(network, Namer(BASE, {}), frontier_cap=1).find(MOORE, COUNTY, max_hops=6, limit=5)
    assert found.complete is False
    assert found.paths == []
