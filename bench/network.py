"""The relationship network on a large store: building it, keeping it up to date, findings and path queries.

    python bench/network.py --meetings 10000

On the cached synthetic store (bench/synthetic.py) it measures, in one run:
- the first build of the network from the store (every document read by SPARQL);
- a refresh when nothing changed (the saved network loaded, the store's digests compared);
- a refresh after one more document is ingested (on a copy of the store: only that document is read);
- working out and ranking every finding, and putting them all into response models;
- path queries (as `/api/paths` asks them: at most 4 links, 10 paths) and 2-link neighbourhoods between
  entities drawn at random, p50 and p99.
"""

from __future__ import annotations

import argparse
import gc
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

import pyoxigraph as ox
from rich.console import Console
from rich.table import Table
from serve import percentile  # bench/ is on sys.path when this file is run
from synthetic import SyntheticOptions, cached_store

from graph.network.explore import find_paths, link_graph, neighbourhood
from graph.network.findings import Conflicts
from graph.network.projection import NodeKind, Projection, network_path, refresh
from graph.settings import PROJECT_ROOT

CLI = Path(sys.executable).parent / "councilgraph"
_console = Console()
T = TypeVar("T")


def _timed(work: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    result = work()
    return result, time.perf_counter() - start


def _ends(network: Projection, rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Pairs of people and organisations, drawn with a seeded RNG so every run asks the same questions."""
    people = sorted(n for n, info in network.graph.nodes(data="info") if info and info.kind is NodeKind.PERSON)
    organisations = sorted(
        n for n, info in network.graph.nodes(data="info") if info and info.kind is NodeKind.ORGANISATION
    )
    return [(rng.choice(people), rng.choice(people + organisations)) for _ in range(count)]


def _latencies(work: Callable[[str, str], object], pairs: list[tuple[str, str]]) -> list[float]:
    """Milliseconds each call took, sorted, as `percentile` reads them."""
    samples = []
    for source, target in pairs:
        _, seconds = _timed(lambda s=source, t=target: work(s, t))
        samples.append(seconds * 1000)
    return sorted(samples)


def _refresh_after_one_more_document(store: Path) -> tuple[float, int]:
    """Copy the store and its saved network, ingest one seed document into the copy, refresh: seconds, read."""
    with tempfile.TemporaryDirectory(prefix="councilgraph-bench-network-") as tmp:
        copy, before = Path(tmp) / "store", Path(tmp) / "network-before"
        shutil.copytree(store, copy)
        shutil.copy(network_path(store), before)
        document = sorted((PROJECT_ROOT / "data" / "minutes").iterdir())[0]
        subprocess.run([str(CLI), "ingest", "--store", str(copy), str(document)], check=True, capture_output=True)
        # Ingest brings the saved network up to date itself; put back the one saved before, and time that step.
        shutil.copy(before, network_path(copy))
        (_, done), seconds = _timed(lambda: refresh(ox.Store.read_only(str(copy)), network_path(copy)))
        return seconds, done.read


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build, refresh, findings and path latency of the network.")
    parser.add_argument("--meetings", type=int, default=10_000, help="meetings in the synthetic graph")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic graph")
    parser.add_argument("--queries", type=int, default=200, help="path and neighbourhood queries to time")
    args = parser.parse_args(argv)
    built = cached_store(SyntheticOptions(meetings=args.meetings, seed=args.seed))
    _console.print(f"synthetic store: {built.meetings} meetings, {built.quads} quads")
    store, saved = ox.Store.read_only(str(built.path)), network_path(built.path)
    saved.unlink(missing_ok=True)
    (network, first), build_s = _timed(lambda: refresh(store, saved))
    (_, again), reload_s = _timed(lambda: refresh(store, saved))
    one_more_s, one_more_read = _refresh_after_one_more_document(built.path)
    runs = [_timed(lambda: Conflicts.of(network)) for _ in range(3)]
    conflicts = runs[0][0]
    findings, models_s = _timed(lambda: conflicts.findings(conflicts.cases))
    links, links_s = _timed(lambda: link_graph(network))
    gc.freeze()  # as the server does once its network, findings and path graph are built
    pairs = _ends(network, random.Random(args.seed), args.queries)
    paths_ms = _latencies(lambda s, t: find_paths(network, links, s, t, 4, 10), pairs)
    around_ms = _latencies(lambda s, _: neighbourhood(network, s, 2), pairs)

    table = Table("measure", "value", title=f"councilgraph network, {built.meetings} synthetic meetings")
    table.add_row("network", f"{network.graph.number_of_nodes()} nodes, {network.graph.number_of_edges()} links")
    table.add_row("first build (documents read)", f"{build_s:.1f} s ({first.read})")
    table.add_row("refresh, nothing changed (read / kept)", f"{reload_s:.2f} s ({again.read} / {again.kept})")
    table.add_row("refresh after ingesting one document (read)", f"{one_more_s:.2f} s ({one_more_read})")
    table.add_row("all findings worked out and ranked, median of 3", f"{statistics.median(s for _, s in runs):.2f} s")
    table.add_row("all findings as response models (a page needs only its own)", f"{models_s:.2f} s")
    kinds = Counter(f.kind.value for f in findings)
    table.add_row("findings", f"{len(findings)}: " + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())))
    table.add_row("path graph built once", f"{links_s:.1f} s")
    table.add_row("path query p50 / p99", f"{percentile(paths_ms, 0.5):.1f} / {percentile(paths_ms, 0.99):.1f} ms")
    table.add_row(
        "2-link neighbourhood p50 / p99", f"{percentile(around_ms, 0.5):.1f} / {percentile(around_ms, 0.99):.1f} ms"
    )
    _console.print(table)
    return 0


if __name__ == "__main__":
    sys.exit(main())
