"""The `councilgraph` command: ingest minutes, query and export the graph, validate the store."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import os
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, NoReturn

import pyoxigraph as ox
import typer
from rdflib import Graph
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from graph import __version__
from graph.errors import CouncilgraphError, StoreError
from graph.identity import IriMinter
from graph.network.findings import Conflicts
from graph.network.models import Finding
from graph.network.projection import NodeKind, Projection, Refresh, network_path, refresh
from graph.network.report import NotFound, entity_named, findings_csv
from graph.pipeline import IngestResult, expand_paths, ingest
from graph.settings import Settings
from graph.store import DumpFormat, QueryResult
from graph.store.oxigraph import OxigraphStore
from graph.validate import load_shapes
from graph.validate import validate as validate_graph
from graph.vocab import PREFIXES

__all__ = ["app"]

app = typer.Typer(
    help="councilgraph: minutes of council meetings as a validated knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
)
_out = Console()
_err = Console(stderr=True)


class ExportFormat(StrEnum):
    nquads = "nquads"
    trig = "trig"
    turtle = "turtle"
    jsonld = "jsonld"

    @property
    def dump_format(self) -> DumpFormat:
        return self.value


class ResultFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


StoreOption = Annotated[Path | None, typer.Option("--store", help="Store folder [env: COUNCILGRAPH_STORE].")]


def _settings(store: Path | None) -> Settings:
    return Settings(store=store) if store is not None else Settings()


def _fail(message: str) -> NoReturn:
    _err.print(f"[red]error:[/red] {escape(message)}")
    raise typer.Exit(2)


def _open(settings: Settings) -> OxigraphStore:
    """The store named by the settings; a store that cannot be opened (another process holds it) ends the command."""
    try:
        return OxigraphStore(settings.store, IriMinter(settings.base_iri).entities_graph())
    except StoreError as error:
        _fail(str(error))


@app.command("ingest")
def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Minutes files or folders of them.")],
    store: StoreOption = None,
) -> None:
    """Read, extract, validate and store each document; a bad one is reported and the rest go on."""
    settings = _settings(store)
    missing = [p for p in paths if not p.exists()]
    for path in missing:
        _err.print(f"[red]error:[/red] {escape(str(path))}: no such file or folder")
    graph_store = _open(settings)
    present = [p for p in paths if p.exists()]
    total = sum(1 for _ in expand_paths(present))
    with Progress(
        TextColumn("[bold]ingest"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        TextColumn("{task.description}"),
        console=_err,
        transient=True,
    ) as progress:
        task = progress.add_task("", total=total)

        def advance(result: IngestResult) -> None:
            progress.update(task, advance=1, description=result.path.name)

        summary = ingest(present, graph_store, IriMinter(settings.base_iri), load_shapes(settings.shapes_dir), advance)
    graph_store.flush()
    _print_summary(summary.results)
    if any(result.ok for result in summary.results):
        stored = [result.doc_iri for result in summary.results if result.ok and result.doc_iri]
        _, done = refresh(graph_store.oxigraph, network_path(settings.store), replaced=stored)
        _err.print(f"relationship network: {done.read} documents read, {done.removed} removed, {done.kept} kept")
        _warn_unsaved(done)
    for result in summary.failed:
        _err.print(f"[red]failed:[/red] {escape(result.error or '')}")
    if summary.failed or missing:
        raise typer.Exit(1)


def _print_summary(results: list[IngestResult]) -> None:
    table = Table(title="councilgraph ingest")
    for column in ("document", "result", "triples", "warnings"):
        table.add_column(column)
    for result in results:
        status = "[green]stored[/green]" if result.ok else "[red]failed[/red]"
        table.add_row(escape(result.path.name), status, str(result.triples), escape("; ".join(result.warnings)))
    ok = sum(1 for r in results if r.ok)
    table.caption = f"{ok} stored, {len(results) - ok} failed"
    _out.print(table)


@app.command()
def export(
    output: Annotated[Path, typer.Option("--output", "-o", help="File to write.")],
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f", help="Serialisation.")] = ExportFormat.nquads,
    store: StoreOption = None,
) -> None:
    """Write the whole dataset (named graphs kept in N-Quads, TriG and JSON-LD; merged in Turtle)."""
    problem = _dump(_settings(store), output, fmt)
    if problem:
        _fail(problem)
    _err.print(f"wrote {output}")


def _dump(settings: Settings, output: Path, fmt: ExportFormat) -> str | None:
    """Why the dump failed, or None. The store is released when this returns, not kept alive by a traceback
    that still refers to it, so a command run after a failed export in the same process can open it."""
    try:
        _open(settings).dump(output, fmt.dump_format)
    except (CouncilgraphError, OSError) as error:
        return str(error)
    return None


def _render(result: QueryResult, fmt: ResultFormat) -> str:
    if result.kind == "ask":
        return json.dumps({"boolean": result.boolean}) if fmt is ResultFormat.json else str(result.boolean).lower()
    if result.kind == "graph":
        return result.ntriples or ""
    if fmt is ResultFormat.json:
        return json.dumps([dict(zip(result.variables, row, strict=True)) for row in result.rows], indent=2)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(result.variables)
    writer.writerows([["" if v is None else v for v in row] for row in result.rows])
    return buffer.getvalue()


@app.command()
def query(
    sparql: Annotated[str, typer.Argument(help="A SPARQL query, or @file.rq to read one from a file.")],
    fmt: Annotated[ResultFormat, typer.Option("--format", "-f", help="How to print the answer.")] = ResultFormat.table,
    store: StoreOption = None,
) -> None:
    """Ask the store a SPARQL query; the default graph is the union of all graphs."""
    try:
        text = Path(sparql[1:]).read_text(encoding="utf-8") if sparql.startswith("@") else sparql
    except OSError as error:
        _fail(f"cannot read the query file {sparql[1:]}: {error.strerror or error}")
    try:
        result = _open(_settings(store)).query(text)
    except SyntaxError as error:
        _fail(f"the query does not parse: {error}")
    if fmt is ResultFormat.table and result.kind == "select":
        table = Table(*result.variables)
        for row in result.rows:
            table.add_row(*("" if v is None else escape(v) for v in row))
        _out.print(table)
        _err.print(f"{len(result.rows)} rows")
    else:
        sys.stdout.write(_render(result, fmt) + "\n")


@app.command()
def validate(store: StoreOption = None) -> None:
    """Validate every document graph in the store against the SHACL shapes and report."""
    settings = _settings(store)
    graph_store = _open(settings)
    shapes = load_shapes(settings.shapes_dir)
    violations = 0
    table = Table("document", "conforms", "violations", "warnings", title="councilgraph validate")
    for document in graph_store.documents():
        data = Graph()
        for triple in graph_store.document_triples(document.iri):
            data.add(triple)
        report = validate_graph(data, shapes)
        violations += len(report.violations)
        table.add_row(
            document.source,
            "yes" if report.conforms else "[red]no[/red]",
            str(len(report.violations)),
            str(len(report.warnings)),
        )
        for message in report.violations:
            _err.print(f"[red]violation[/red] {escape(document.source)}: {escape(message)}")
        for message in report.warnings:
            _err.print(f"[yellow]warning[/yellow] {escape(document.source)}: {escape(message)}")
    _out.print(table)
    if violations:
        raise typer.Exit(1)


def _compact(iri: str) -> str:
    """An IRI in its prefixed form where a known prefix fits ("cg:Meeting")."""
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


@app.command()
def stats(store: StoreOption = None) -> None:
    """Counts of documents, quads, entities and nodes of each class."""
    figures = _open(_settings(store)).stats()
    table = Table("what", "count", title="councilgraph stats")
    table.add_row("documents", str(figures.documents))
    table.add_row("quads", str(figures.quads))
    table.add_row("shared entities", str(figures.entities))
    for name, count in figures.classes.items():
        table.add_row(_compact(name), str(count))
    _out.print(table)


@app.command()
def serve(
    store: StoreOption = None,
    host: Annotated[str | None, typer.Option(help="Address to listen on [env: COUNCILGRAPH_HOST].")] = None,
    port: Annotated[int | None, typer.Option(help="Port to listen on [env: COUNCILGRAPH_PORT].")] = None,
    workers: Annotated[
        int | None, typer.Option(help="Server processes [env: COUNCILGRAPH_WORKERS; default: one per CPU].")
    ] = None,
) -> None:
    """Serve the pages, the relationship API and the SPARQL endpoint over the store (read-only: it answers from
    the store as it was when it started, so restart it after ingesting)."""
    from api.server import run_server
    from api.shared_index import index_folder, shared_index

    given = {"store": store, "host": host, "port": port, "workers": workers}
    overrides = {name: value for name, value in given.items() if value is not None}
    settings = Settings(**overrides)  # type: ignore[arg-type]
    if not settings.store.exists():
        _fail(f"no store at {settings.store}: run `councilgraph ingest` first")
    # Each server process builds its app from the environment, so the options given here must be there too.
    os.environ.update({f"COUNCILGRAPH_{name.upper()}": str(value) for name, value in overrides.items()})
    _err.print(f"indexing names and lists in {escape(str(index_folder(settings.store)))} …", soft_wrap=True)
    shared_index(settings)
    _err.print("bringing the relationship network up to date …")
    _network(settings)
    root = f"http://{settings.host}:{settings.port}"
    serving = f"councilgraph is serving {escape(str(settings.store))} with {settings.workers} server processes"
    _err.print(serving, soft_wrap=True)
    _err.print(f"  open {root}/  ·  SPARQL endpoint {root}/sparql  ·  API {root}/docs", soft_wrap=True)
    run_server(settings)


def _network(settings: Settings) -> tuple[Projection, Refresh]:
    """The store's relationship network, brought up to date (only documents ingested since it was saved are
    read) and saved beside the store."""
    try:
        network, done = refresh(ox.Store.read_only(str(settings.store)), network_path(settings.store))
    except OSError as error:
        _fail(f"cannot read the store at {settings.store}: {error}")
    _warn_unsaved(done)
    return network, done


def _warn_unsaved(done: Refresh) -> None:
    if done.unsaved:
        _err.print(f"[yellow]warning:[/yellow] {escape(done.unsaved)}")


def _print_findings(findings: list[Finding]) -> None:
    """Each finding as a short block a reader can follow: what, who, where, why, and the quotes."""
    for number, f in enumerate(findings, start=1):
        where = f.body.label if f.body else f.meeting.label
        withdrew = "" if f.withdrew is None else f" · withdrew: {'yes' if f.withdrew else 'no record'}"
        _out.print(
            f"[bold]{number}. {escape(f.person.label)} · {escape(f.organisation.label)}[/bold]  "
            f"[cyan]{f.kind.value}[/cyan] · {f.meeting.date or 'undated'} · {escape(where)}{withdrew}"
        )
        _out.print(f"   {escape(f.explanation)}")
        for step in f.evidence:
            quote = f" “{escape(step.quote)}”" if step.quote else ""
            _out.print(f"   [dim]- {escape(step.says)}:{quote} ({escape(step.source or 'no source')})[/dim]")
    _err.print(f"{len(findings)} findings")


@app.command()
def conflicts(
    person: Annotated[
        str | None, typer.Option(help="A person: IRI, part below the base IRI, or words of the name.")
    ] = None,
    organisation: Annotated[str | None, typer.Option(help="An organisation, named the same ways.")] = None,
    body: Annotated[str | None, typer.Option(help="A committee or council whose meetings to look at.")] = None,
    since: Annotated[dt.datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Meetings on or after.")] = None,
    fmt: Annotated[
        ResultFormat, typer.Option("--format", "-f", help="How to print the findings.")
    ] = ResultFormat.table,
    store: StoreOption = None,
) -> None:
    """Where people with a recorded link to an organisation took part in business that touches it: declared
    and took part, possible undeclared interests, links to decision-makers; each with its evidence."""
    settings = _settings(store)
    if not settings.store.exists():
        _fail(f"no store at {settings.store}: run `councilgraph ingest` first")
    network, _ = _network(settings)
    try:
        chosen = {
            name: entity_named(network, given, kinds, settings.base_iri) if given else None
            for name, given, kinds in (
                ("person", person, [NodeKind.PERSON]),
                ("organisation", organisation, [NodeKind.ORGANISATION]),
                ("body", body, [NodeKind.BODY, NodeKind.COUNCIL]),
            )
        }
    except NotFound as error:
        _fail(str(error))
    conflicts = Conflicts.of(network)
    day = since.date() if since else None
    found = conflicts.findings(conflicts.select(chosen["person"], chosen["organisation"], chosen["body"], day))
    if fmt is ResultFormat.table:
        _print_findings(found)
    elif fmt is ResultFormat.json:
        sys.stdout.write(json.dumps([f.model_dump(mode="json") for f in found], indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(findings_csv(found))


@app.command()
def version() -> None:
    """Print councilgraph's version."""
    _out.print(__version__)
