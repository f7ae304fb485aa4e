"""Ingest benchmark: renamed copies of a folder of minutes into a fresh on-disk store, end to end.

    python bench/ingest.py --docs data/minutes --copies 60

Prints documents per second from opening the store to the last write flushed, the time each pipeline stage
took in all (IngestSummary.timings), and the peak resident memory of the process. Not a test: nothing is
asserted, but a batch in which any document fails exits 1, so the figures are never those of a failure.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from graph.identity import IriMinter
from graph.pipeline import STAGES, IngestSummary, ingest
from graph.settings import Settings
from graph.store.oxigraph import OxigraphStore
from graph.validate import load_shapes


def _copy_batch(docs: Path, copies: int, into: Path) -> int:
    """`copies` copies of every visible file in `docs`, renamed so each is its own document."""
    sources = sorted(p for p in docs.iterdir() if p.is_file() and not p.name.startswith("."))
    if not sources:
        raise SystemExit(f"no files in {docs}")
    into.mkdir()
    for copy in range(copies):
        for source in sources:
            shutil.copy(source, into / f"copy{copy:04d}_{source.name}")
    return len(sources)


def _peak_rss_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, KiB on Linux


def _report(summary: IngestSummary, files: int, copies: int, elapsed_s: float, quads: int) -> None:
    documents = len(summary.results)
    stored = documents - len(summary.failed)
    staged = sum(summary.timings.values())
    print(f"councilgraph ingest benchmark: {documents} documents ({files} files x {copies} copies), on-disk store")
    print()
    print(f"{'stage':<12}{'seconds':>10}{'share':>9}{'ms/doc':>10}")
    print("-" * 41)
    for stage in STAGES:
        seconds = summary.timings.get(stage, 0.0)
        share = seconds / elapsed_s if elapsed_s else 0.0
        print(f"{stage:<12}{seconds:>10.2f}{share:>9.1%}{1000 * seconds / max(documents, 1):>10.1f}")
    other = elapsed_s - staged
    print(f"{'other':<12}{other:>10.2f}{other / elapsed_s:>9.1%}{1000 * other / max(documents, 1):>10.1f}")
    print("-" * 41)
    print(f"{'end to end':<12}{elapsed_s:>10.2f}{1:>9.1%}{1000 * elapsed_s / max(documents, 1):>10.1f}")
    print()
    print(f"documents/second  {documents / elapsed_s:.1f}")
    print(f"stored / failed   {stored} / {len(summary.failed)}")
    print(f"quads in store    {quads}")
    print(f"peak RSS          {_peak_rss_mib():.0f} MiB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time ingesting copies of a folder of minutes.")
    parser.add_argument("--docs", type=Path, default=Path("data/minutes"), help="folder of minutes to copy")
    parser.add_argument("--copies", type=int, default=10, help="how many renamed copies of each file")
    args = parser.parse_args(argv)
    if args.copies < 1:
        parser.error("--copies must be at least 1")
    with tempfile.TemporaryDirectory(prefix="councilgraph-bench-") as tmp:
        batch = Path(tmp) / "minutes"
        files = _copy_batch(args.docs, args.copies, batch)
        settings = Settings(store=Path(tmp) / "store")
        started = time.perf_counter()
        minter = IriMinter(settings.base_iri)
        store = OxigraphStore(settings.store, minter.entities_graph())
        summary = ingest([batch], store, minter, load_shapes(settings.shapes_dir))
        store.flush()
        elapsed_s = time.perf_counter() - started
        quads = store.stats().quads
        del store
    _report(summary, files, args.copies, elapsed_s, quads)
    for failure in summary.failed:
        print(f"failed: {failure.error}", file=sys.stderr)
    return 1 if summary.failed else 0


if __name__ == "__main__":
    sys.exit(main())
