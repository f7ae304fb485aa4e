"""Serving benchmark: a real `councilgraph serve` on loopback under concurrent load, on the seed minutes and on
a synthetic store of many meetings.

    python bench/serve.py --meetings 10000 --concurrency 8 --requests 200

For each graph the benchmark starts the server as a subprocess, picks sample people, organisations, bodies
and meetings with SPARQL on its /sparql endpoint, then sends each endpoint a warm-up and `--requests`
requests from `--concurrency` concurrent clients, spread over the samples. It prints one table per graph:
requests, errors (any answer that is not 2xx, or no answer), p50 and p99 latency of the successful
requests, and requests per second over the whole run of that endpoint. The synthetic graph is driven twice,
by one client and by `--concurrency` clients, so the table shows both the cost of one request and how the
server's processes share the load; the server runs its default number of processes (one per CPU, or
COUNCILGRAPH_WORKERS), and the caption says how many. Each run of an endpoint has a time
budget after which no new request is sent, and the table counts the requests that were sent; an endpoint
that spends it in the warm-up is reported from the warm-up. Not a test: nothing is asserted, and an endpoint
the server does not have is reported as errors rather than stopping the run. p50 above the
target of 50 ms is shown in red for the relationship endpoints and name search.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import math
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

import httpx
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from synthetic import SyntheticOptions, cached_store  # bench/ is on sys.path when this file is run

from graph.settings import PROJECT_ROOT, Settings

CLI = Path(sys.executable).parent / "councilgraph"
MINUTES = PROJECT_ROOT / "data" / "minutes"
TARGET_P50_MS = 50.0
_SPARQL_JSON = {"Accept": "application/sparql-results+json"}
_SAMPLES = 10

_console = Console()


@dataclass(frozen=True)
class Call:
    path: str
    params: dict[str, str] = field(default_factory=dict)
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Endpoint:
    """One row of the table: requests cycle through `calls`, so the load is spread over the samples."""

    name: str
    calls: tuple[Call, ...]
    targeted: bool


@dataclass(frozen=True)
class Outcome:
    """What one endpoint's run gave; `cut` when its time budget ran out before every request was sent."""

    endpoint: Endpoint
    requests: int
    errors: int
    latencies_ms: list[float]
    seconds: float
    first_error: str | None
    cut: bool


@dataclass(frozen=True)
class LoadOptions:
    """How hard and how long: requests per endpoint after a warm-up of a tenth as many, concurrent clients,
    the longest a request may take, the time after which an endpoint is sent no new requests (so one very
    slow endpoint cannot hold up the whole run; the table counts the requests it was sent), and the longest
    the server may take to start."""

    requests: int
    concurrency: int
    timeout_s: float = 60.0
    budget_s: float = 120.0
    startup_s: float = 900.0


@dataclass(frozen=True)
class Samples:
    """IRIs and words picked from the served graph; every list is sorted, so runs pick the same ones."""

    people: list[str]
    organisations: list[str]
    bodies: list[str]
    meetings: list[str]
    words: list[str]


@dataclass(frozen=True)
class Served:
    """A store to serve, named in the table, with a line saying what it holds, and the numbers of concurrent
    clients to drive it with, one table each."""

    name: str
    store: Path
    note: str
    concurrencies: tuple[int, ...]


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerFailed(Exception):
    """The server stopped, or did not answer within the start-up limit; the message carries its log's tail."""


@contextmanager
def serving(store: Path, log: Path, startup_s: float) -> Iterator[tuple[str, float]]:
    """`councilgraph serve` over `store` on a free loopback port; yields its root URL and how long it took to
    answer its first query (the service builds its search index at start, which grows with the graph)."""
    port = _free_port()
    root = f"http://127.0.0.1:{port}"
    env = dict(os.environ, COUNCILGRAPH_STORE=str(store))
    with log.open("wb") as output:
        started = time.perf_counter()
        server = subprocess.Popen([str(CLI), "serve", "--port", str(port)], env=env, stdout=output, stderr=output)
        try:
            while not _answers(root):
                if server.poll() is not None:
                    raise ServerFailed(f"the server stopped (exit {server.returncode}): {log.read_text()[-2000:]}")
                if time.perf_counter() - started > startup_s:
                    raise ServerFailed(f"the server did not answer within {startup_s:.0f} s of starting")
                time.sleep(0.2)
            yield root, time.perf_counter() - started
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
                server.wait()


def _answers(root: str) -> bool:
    try:
        return httpx.get(f"{root}/sparql", params={"query": "ASK {}"}, timeout=5).status_code == 200
    except httpx.TransportError:
        return False


def _api_path(iri: str, base_iri: str) -> str | None:
    """`{base}person/x/y` is served at `/api/person/x/y`; an IRI outside the base has no API path."""
    return f"/api/{iri[len(base_iri) :]}" if iri.startswith(base_iri) else None


async def _select(client: httpx.AsyncClient, query: str) -> list[dict[str, str]]:
    response = await client.get("/sparql", params={"query": query}, headers=_SPARQL_JSON)
    response.raise_for_status()
    return [{k: v["value"] for k, v in row.items()} for row in response.json()["results"]["bindings"]]


# Sample queries start from the relation they count, not from a type: Oxigraph evaluates `?x a cg:Thing` first
# when it is there, and on 10,000 meetings that alone costs seconds.
_TOP_DECLARANTS = f"""
SELECT ?x (COUNT(?d) AS ?n) WHERE {{ ?d cg:declarant ?x }} GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT {_SAMPLES}"""
_TOP_ORGANISATIONS = f"""
SELECT ?x (COUNT(?d) AS ?n) WHERE {{ ?d cg:interestIn ?x }} GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT {_SAMPLES}"""
_TOP_BODIES = f"""
SELECT ?x (COUNT(?m) AS ?n) WHERE {{ ?m schema:organizer ?x . ?x a cg:Committee }}
GROUP BY ?x ORDER BY DESC(?n) ?x LIMIT {_SAMPLES}"""
_SOME_MEETINGS = f"SELECT ?x WHERE {{ ?x a cg:Meeting }} LIMIT {_SAMPLES}"
_FAMILY_NAMES = "SELECT DISTINCT ?name WHERE {{ <{}> foaf:familyName ?name }}"
_LABELS = "SELECT ?name WHERE {{ <{}> rdfs:label ?name }}"


async def _samples(client: httpx.AsyncClient) -> Samples:
    """The most active declarants, the organisations most declared, the committees that met most, some meetings,
    and words to search for: those people's surnames and the first word of those organisations' names."""
    people = sorted(r["x"] for r in await _select(client, _TOP_DECLARANTS))
    organisations = sorted(r["x"] for r in await _select(client, _TOP_ORGANISATIONS))
    bodies = sorted(r["x"] for r in await _select(client, _TOP_BODIES))
    meetings = sorted(r["x"] for r in await _select(client, _SOME_MEETINGS))
    words: set[str] = set()
    for person in people[:5]:
        words.update(r["name"] for r in await _select(client, _FAMILY_NAMES.format(person)))
    for organisation in organisations[:5]:
        words.update(r["name"].split()[0] for r in await _select(client, _LABELS.format(organisation)))
    return Samples(people, organisations, bodies, meetings, sorted(words))


def _analyst_queries(samples: Samples) -> list[tuple[str, list[str]]]:
    """Four questions analysts ask, each written once per sample it needs. Each OPTIONAL comes last: Oxigraph
    joins a pattern that follows an OPTIONAL with the whole left join, which made "members of a body" take
    over a minute at 10,000 meetings instead of a fifth of a second."""
    members = """
SELECT ?person ?role (COUNT(DISTINCT ?m) AS ?meetings) WHERE {{
  ?m schema:organizer <{}> . ?a cg:meeting ?m ; cg:attendee ?p ; cg:status cg:Present . ?p rdfs:label ?person
  OPTIONAL {{ ?a cg:capacity ?role }}
}} GROUP BY ?person ?role ORDER BY DESC(?meetings) ?person"""
    declarations = """
SELECT ?date ?body ?organisation ?text WHERE {{
  ?d cg:declarant <{}> ; cg:meeting ?m ; schema:text ?text .
  ?m schema:startDate ?date ; schema:organizer/rdfs:label ?body
  OPTIONAL {{ ?d cg:interestIn/rdfs:label ?organisation }}
}} ORDER BY ?date"""
    decisions = """
SELECT ?date ?title ?text WHERE {{
  ?i cg:mentions <{}> ; dcterms:title ?title . ?d cg:item ?i ; schema:text ?text ; cg:meeting ?m .
  ?m schema:startDate ?date
}} ORDER BY DESC(?date) LIMIT 100"""
    per_body = """
SELECT ?body ?name (COUNT(?m) AS ?meetings) WHERE { ?m schema:organizer ?body . ?body rdfs:label ?name }
GROUP BY ?body ?name ORDER BY DESC(?meetings) ?body"""
    return [
        ("/sparql members of a body", [members.format(b) for b in samples.bodies]),
        ("/sparql declarations of a person", [declarations.format(p) for p in samples.people]),
        ("/sparql decisions on an organisation", [decisions.format(o) for o in samples.organisations]),
        ("/sparql meetings per body", [per_body]),
    ]


def endpoints(samples: Samples, base_iri: str) -> list[Endpoint]:
    """Every endpoint the benchmark drives, with the calls that spread its load over the samples; one whose
    samples the graph lacks is left out."""
    rows = [
        Endpoint(name, tuple(Call("/sparql", {"query": q}, _SPARQL_JSON) for q in queries), targeted=False)
        for name, queries in _analyst_queries(samples)
    ]
    rows.append(Endpoint("/api/search", tuple(Call("/api/search", {"q": w}) for w in samples.words), True))
    for kind, iris in (
        ("person", samples.people),
        ("organisation", samples.organisations),
        ("body", samples.bodies),
        ("meeting", samples.meetings),
    ):
        paths = [p for p in (_api_path(iri, base_iri) for iri in iris) if p is not None]
        rows.append(Endpoint(f"/api/{kind}/…", tuple(Call(p) for p in paths), True))
    since = "2020-01-01"
    rows.append(
        Endpoint(
            "/api/decisions?body&since",
            tuple(Call("/api/decisions", {"body": b, "since": since}) for b in samples.bodies),
            True,
        )
    )
    rows.append(
        Endpoint(
            "/api/declarations?person", tuple(Call("/api/declarations", {"person": p}) for p in samples.people), True
        )
    )
    pairs = zip(samples.people, samples.organisations, strict=False)
    rows.append(Endpoint("/api/paths", tuple(Call("/api/paths", {"from": p, "to": o}) for p, o in pairs), True))
    return [row for row in rows if row.calls]


async def drive(client: httpx.AsyncClient, endpoint: Endpoint, requests: int, options: LoadOptions) -> Outcome:
    """Up to `requests` requests from concurrent clients, request i making call i modulo the calls; no new
    request is sent once the time budget is spent."""
    pending = iter(range(requests))
    latencies: list[float] = []
    errors = 0
    sent = 0
    first_error: str | None = None
    deadline = time.perf_counter() + options.budget_s

    async def client_loop() -> None:
        nonlocal errors, sent, first_error
        for index in pending:
            if time.perf_counter() > deadline:
                return
            sent += 1
            call = endpoint.calls[index % len(endpoint.calls)]
            started = time.perf_counter()
            try:
                response = await client.get(call.path, params=call.params, headers=call.headers)
            except httpx.HTTPError as error:
                errors += 1
                first_error = first_error or f"{type(error).__name__} after {time.perf_counter() - started:.0f} s"
                continue
            elapsed_ms = 1000 * (time.perf_counter() - started)
            if response.is_success:
                latencies.append(elapsed_ms)
            else:
                errors += 1
                first_error = first_error or f"{response.status_code} {response.text[:120]}"

    started = time.perf_counter()
    await asyncio.gather(*(client_loop() for _ in range(options.concurrency)))
    seconds = time.perf_counter() - started
    return Outcome(endpoint, sent, errors, sorted(latencies), seconds, first_error, sent < requests)


def percentile(sorted_ms: list[float], share: float) -> float:
    """Nearest-rank percentile of sorted values."""
    return sorted_ms[max(1, math.ceil(len(sorted_ms) * share)) - 1]


def _table(title: str, outcomes: list[Outcome], caption: str) -> Table:
    table = Table(title=title, caption=caption)
    table.add_column("endpoint")
    for column in ("requests", "errors", "p50 ms", "p99 ms", "requests/s"):
        table.add_column(column, justify="right")
    for outcome in outcomes:
        if outcome.latencies_ms:
            p50 = percentile(outcome.latencies_ms, 0.50)
            p99 = percentile(outcome.latencies_ms, 0.99)
            slow = outcome.endpoint.targeted and p50 >= TARGET_P50_MS
            p50_text = f"[red]{p50:.1f}[/red]" if slow else f"{p50:.1f}"
            p99_text = f"{p99:.1f}"
        else:
            p50_text = p99_text = "-"
        errors = f"[red]{outcome.errors}[/red]" if outcome.errors else "0"
        table.add_row(
            escape(outcome.endpoint.name),
            str(outcome.requests),
            errors,
            p50_text,
            p99_text,
            f"{outcome.requests / outcome.seconds:.1f}",
        )
    return table


async def _run(root: str, base_iri: str, options: LoadOptions) -> tuple[Samples, list[Outcome]]:
    concurrency = options.concurrency
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    async with httpx.AsyncClient(base_url=root, timeout=options.timeout_s, limits=limits) as client:
        samples = await _samples(client)
        outcomes = []
        for endpoint in endpoints(samples, base_iri):
            warm_up = await drive(client, endpoint, max(concurrency, options.requests // 10), options)
            outcomes.append(warm_up if warm_up.cut else await drive(client, endpoint, options.requests, options))
        return samples, outcomes


def _clients(concurrency: int) -> str:
    return "1 client" if concurrency == 1 else f"{concurrency} clients"


def benchmark(served: Served, options: LoadOptions, workdir: Path) -> None:
    """Serve one store, drive every endpoint at each of its concurrencies and print a table for each; a server
    that fails to start is reported."""
    settings = Settings()
    try:
        with serving(served.store, workdir / f"{served.name}-server.log", options.startup_s) as (root, ready_s):
            for concurrency in served.concurrencies:
                load = dataclasses.replace(options, concurrency=concurrency)
                samples, outcomes = asyncio.run(_run(root, settings.base_iri, load))
                caption = (
                    f"{served.note}; server answered after {ready_s:.1f} s; {settings.workers} server processes; "
                    f"{_clients(concurrency)}; samples: {len(samples.people)} people, "
                    f"{len(samples.organisations)} organisations, {len(samples.bodies)} bodies, "
                    f"{len(samples.meetings)} meetings, {len(samples.words)} search words"
                )
                title = f"councilgraph serve: {served.name} graph, {_clients(concurrency)}"
                _print_outcomes(_table(title, outcomes, caption), outcomes, options)
    except ServerFailed as error:
        _console.print(f"[red]{served.name} graph: {escape(str(error))}[/red]")


def _print_outcomes(table: Table, outcomes: list[Outcome], options: LoadOptions) -> None:
    _console.print(table)
    for outcome in outcomes:
        name = escape(outcome.endpoint.name)
        if outcome.cut:
            _console.print(f"  {name}: stopped after its {options.budget_s:.0f} s budget, {outcome.requests} sent")
        if outcome.first_error:
            _console.print(f"  {name}: first error {escape(outcome.first_error)}")
    _console.print()


def _seed_store(workdir: Path, concurrency: int) -> Served:
    store = workdir / "seed-store"
    env = dict(os.environ, COUNCILGRAPH_STORE=str(store))
    subprocess.run([str(CLI), "ingest", str(MINUTES)], env=env, check=True, capture_output=True)
    files = sorted(p for p in MINUTES.iterdir() if p.is_file())
    return Served("seed", store, f"{len(files)} documents of data/minutes", (concurrency,))


def _synthetic_store(meetings: int, seed: int, concurrency: int) -> Served:
    _console.print(f"synthetic store of {meetings} meetings: building or reusing the cache under bench/out …")
    built = cached_store(SyntheticOptions(meetings=meetings, seed=seed))
    note = (
        f"{built.meetings} synthetic meetings, {built.quads} quads, {built.size_bytes / 2**20:.0f} MiB on disk, "
        f"built in {built.build_s:.0f} s"
    )
    _console.print(note)
    return Served("synthetic", built.path, note, tuple(sorted({1, concurrency})))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Latency and throughput of `councilgraph serve` under load.")
    parser.add_argument("--meetings", type=int, default=10_000, help="meetings in the synthetic graph")
    parser.add_argument("--seed", type=int, default=1, help="seed of the synthetic graph")
    parser.add_argument("--concurrency", type=int, default=8, help="concurrent clients")
    parser.add_argument("--requests", type=int, default=200, help="requests per endpoint, after a warm-up")
    parser.add_argument("--only", choices=("seed", "synthetic"), help="benchmark one graph only")
    args = parser.parse_args(argv)
    if args.meetings < 1 or args.concurrency < 1 or args.requests < 1:
        parser.error("--meetings, --concurrency and --requests must be at least 1")
    only: Literal["seed", "synthetic"] | None = args.only
    with tempfile.TemporaryDirectory(prefix="councilgraph-bench-serve-") as tmp:
        workdir = Path(tmp)
        graphs = []
        if only in (None, "seed"):
            graphs.append(_seed_store(workdir, args.concurrency))
        if only in (None, "synthetic"):
            graphs.append(_synthetic_store(args.meetings, args.seed, args.concurrency))
        for served in graphs:
            benchmark(served, LoadOptions(args.requests, args.concurrency), workdir)
    return 0


if __name__ == "__main__":
    sys.exit(main())
