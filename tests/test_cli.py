"""The `councilgraph` command: ingest, validate and stats run as a user runs them (the console script in a
subprocess with COUNCILGRAPH_STORE set); query and export, read-only, through typer's CliRunner."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import re
import shutil
import subprocess
import sysconfig
from pathlib import Path
from typing import Any

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.namespace import SH
from typer.testing import CliRunner, Result

from graph.build import entity_graph
from graph.cli import app
from graph.errors import ValidationFailed
from graph.identity import IriMinter
from graph.pipeline import process
from graph.settings import PROJECT_ROOT, Settings
from graph.store.oxigraph import OxigraphStore
from graph.validate import load_shapes, validate
from graph.vocab import CG, SCHEMA

MINUTES = PROJECT_ROOT / "data" / "minutes"
NAMES = sorted(p.name for p in MINUTES.glob("*.txt"))
JANUARY = MINUTES / "000_1708f2537b8203f2.txt"
COUNCILGRAPH = Path(sysconfig.get_path("scripts")) / "councilgraph"
MINTER = IriMinter(Settings().base_iri)

DATES = ["2018-06-04", "2021-09-02T17:30:00", "2025-01-14T17:30:00", "2025-06-18T17:30:00"]
MEETING_DATES = "SELECT ?date WHERE { ?m a cg:Meeting ; schema:startDate ?date } ORDER BY ?date"
DOCUMENTS = "SELECT ?source WHERE { ?doc a cg:MinutesDocument ; dcterms:source ?source } ORDER BY ?source"

# A stricter shape added next to the project's own, through the COUNCILGRAPH_SHAPES_DIR setting: with the
# stock shapes no minutes text we tried gives a violation, so this one makes a meeting without a venue one.
VENUE_SHAPE = """
@prefix cg: <https://w3id.org/councilgraph/ns#> .
@prefix schema: <https://schema.org/> .
@prefix sh: <http://www.w3.org/ns/shacl#> .
<urn:test:VenueShape> a sh:NodeShape ; sh:targetClass cg:Meeting ;
    sh:property [ sh:path schema:location ; sh:minCount 1 ; sh:message "this test wants every venue"@en ] .
"""


def run(
    *args: str, store: Path, env: dict[str, str] | None = None, cwd: Path = PROJECT_ROOT
) -> subprocess.CompletedProcess[str]:
    """The console script with only the settings given here; wide columns so tables do not truncate."""
    gc.collect()  # a store an in-process command left behind in a traceback still holds the store's lock
    environment = {k: v for k, v in os.environ.items() if not k.startswith("COUNCILGRAPH_")}
    environment |= {"COUNCILGRAPH_STORE": str(store), "COLUMNS": "200", **(env or {})}
    return subprocess.run(
        [str(COUNCILGRAPH), *args], capture_output=True, text=True, env=environment, cwd=cwd, timeout=120
    )


def invoke(*args: str, store: Path) -> Result:
    """The same command in this process, for the read-only commands whose many calls would be slow."""
    env: dict[str, str | None] = {k: None for k in os.environ if k.startswith("COUNCILGRAPH_")}
    env["COUNCILGRAPH_STORE"] = str(store)
    return CliRunner().invoke(app, list(args), env=env)


def flat(text: str) -> str:
    """Output with line wrapping undone, and a table's column rules dropped so a wrapped cell reads as one."""
    return " ".join(re.sub(r"[│┃]", " ", text).split())


def query_json(sparql: str, store: Path) -> list[dict[str, str | None]] | dict[str, bool]:
    result = invoke("query", sparql, "--format", "json", store=store)
    assert result.exit_code == 0, result.stderr
    parsed: list[dict[str, str | None]] | dict[str, bool] = json.loads(result.stdout)
    return parsed


@pytest.fixture(scope="module")
def ingested(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, subprocess.CompletedProcess[str]]:
    """A store holding the five seed documents, and what `ingest` said while filling it."""
    store = tmp_path_factory.mktemp("cli") / "store"
    return store, run("ingest", "data/minutes", store=store)


@pytest.fixture(scope="module")
def store(ingested: tuple[Path, subprocess.CompletedProcess[str]]) -> Path:
    assert ingested[1].returncode == 0, ingested[1].stderr
    return ingested[0]


# ---------------------------------------------------------------- ingest


def test_ingest_stores_the_minutes_and_prints_a_summary(
    ingested: tuple[Path, subprocess.CompletedProcess[str]],
) -> None:
    store, result = ingested
    assert result.returncode == 0, result.stderr
    assert "failed:" not in result.stderr
    for name in NAMES:
        assert re.search(rf"{re.escape(name)}\s*│\s*stored\s*│\s*\d+", result.stdout), name
    assert "5 stored, 0 failed" in result.stdout
    # The date the 2023 Leicestershire minutes do not give is a warning, shown beside its document.
    assert "meeting date not found in the text" in flat(result.stdout)
    assert [row["source"] for row in query_json(DOCUMENTS, store)] == [f"data/minutes/{n}" for n in NAMES]  # type: ignore[index]


@pytest.fixture(scope="module")
def bad_batch(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path, subprocess.CompletedProcess[str]]:
    """A good file, an empty one, a binary one and one without a venue, ingested under the venue shape."""
    root = tmp_path_factory.mktemp("bad")
    batch = root / "batch"
    batch.mkdir()
    shutil.copy(JANUARY, batch / "good.txt")
    (batch / "empty.txt").write_bytes(b"")
    (batch / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02\x00binary\x00" * 20)
    text = JANUARY.read_text(encoding="utf-8")
    venue = next(line for line in text.splitlines() if line.startswith("Venue:"))
    (batch / "no-venue.txt").write_text(text.replace(venue + "\n", ""), encoding="utf-8")
    shapes = root / "shapes"
    shapes.mkdir()
    for path in (PROJECT_ROOT / "shapes").glob("*.ttl"):
        shutil.copy(path, shapes / path.name)
    (shapes / "venue.ttl").write_text(VENUE_SHAPE, encoding="utf-8")
    store = root / "store"
    result = run("ingest", str(batch), store=store, env={"COUNCILGRAPH_SHAPES_DIR": str(shapes)})
    return batch, store, result


def test_a_bad_batch_exits_1_and_names_each_bad_file_and_why(
    bad_batch: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    batch, _, result = bad_batch
    assert result.returncode == 1
    errors = flat(result.stderr)
    assert f"failed: {batch / 'empty.txt'}: the file is empty" in errors
    assert f"failed: {batch / 'scan.pdf'}: the file is binary" in errors
    assert f"failed: {batch / 'no-venue.txt'}: SHACL violations:" in errors
    assert "this test wants every venue" in errors
    assert "good.txt" not in errors
    assert "1 stored, 3 failed" in result.stdout


def test_a_bad_batch_stores_the_good_document_only(
    bad_batch: tuple[Path, Path, subprocess.CompletedProcess[str]],
) -> None:
    batch, store, _ = bad_batch
    assert query_json(DOCUMENTS, store) == [{"source": str(batch / "good.txt")}]
    for name in ("no-venue.txt", "empty.txt", "scan.pdf"):
        assert query_json(f"ASK {{ GRAPH <{MINTER.document(name)}> {{ ?s ?p ?o }} }}", store) == {"boolean": False}
    assert query_json(MEETING_DATES, store) == [{"date": "2025-01-14T17:30:00"}]


def test_stock_shapes_reject_a_decision_without_its_text() -> None:
    """The violation path at pipeline level with the project's own shapes: a real document's graph with one
    decision's wording removed does not conform, and the error that rejects it names the file and the node."""
    shapes = load_shapes(PROJECT_ROOT / "shapes")
    document = process(JANUARY, MINTER, shapes)
    graph = Graph()
    for triple in document.graph.graph:
        graph.add(triple)
    decision = URIRef(f"{document.graph.doc_iri}/decision/1")
    assert (decision, SCHEMA.text, None) in graph
    graph.remove((decision, SCHEMA.text, None))
    report = validate(graph + entity_graph(document.graph.entities), shapes)
    assert not report.conforms
    assert any(str(decision) in v and "schema:text" in v for v in report.violations), report.violations
    error = ValidationFailed(JANUARY, report.violations)
    assert str(error).startswith(f"{JANUARY}: SHACL violations: ")
    assert str(decision) in str(error)
    assert (None, SH.targetClass, CG.Decision) in shapes


def test_a_missing_path_is_reported_and_the_rest_is_stored(tmp_path: Path) -> None:
    store = tmp_path / "store"
    result = run("ingest", str(JANUARY), str(tmp_path / "missing.txt"), store=store)
    assert result.returncode == 1
    assert f"{tmp_path / 'missing.txt'}: no such file or folder" in flat(result.stderr)
    assert query_json(DOCUMENTS, store) == [{"source": str(JANUARY)}]


def test_a_file_name_with_brackets_is_reported_as_it_is(tmp_path: Path) -> None:
    batch = tmp_path / "batch"
    batch.mkdir()
    (batch / "minutes [draft].txt").write_bytes(b"")
    result = run("ingest", str(batch), store=tmp_path / "store")
    assert result.returncode == 1
    assert "minutes [draft].txt: the file is empty" in flat(result.stderr)


# ---------------------------------------------------------------- export


@pytest.fixture(scope="module")
def nquads(store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    output = tmp_path_factory.mktemp("export") / "all.nq"
    result = invoke("export", "--format", "nquads", "--output", str(output), store=store)
    assert result.exit_code == 0, result.stderr
    return output


@pytest.mark.parametrize(("fmt", "rdflib_format"), [("nquads", "nquads"), ("trig", "trig"), ("jsonld", "json-ld")])
def test_export_with_named_graphs_parses_to_the_same_quads(
    store: Path, nquads: Path, tmp_path: Path, fmt: str, rdflib_format: str
) -> None:
    output = tmp_path / f"export.{fmt}"
    result = invoke("export", "--format", fmt, "--output", str(output), store=store)
    assert result.exit_code == 0, result.stderr
    reference = Dataset()
    reference.parse(nquads, format="nquads")
    parsed = Dataset()
    parsed.parse(output, format=rdflib_format)
    quads = set(parsed.quads((None, None, None, None)))
    assert len(quads) == len(nquads.read_text(encoding="utf-8").splitlines())
    assert quads == set(reference.quads((None, None, None, None)))
    graphs = {str(g) for _, _, _, g in quads}
    assert graphs == {MINTER.document(n) for n in NAMES} | {MINTER.entities_graph()}


def test_export_turtle_merges_the_graphs(store: Path, nquads: Path, tmp_path: Path) -> None:
    output = tmp_path / "export.ttl"
    result = invoke("export", "--format", "turtle", "--output", str(output), store=store)
    assert result.exit_code == 0, result.stderr
    merged = Graph().parse(output, format="turtle")
    reference = Dataset()
    reference.parse(nquads, format="nquads")
    assert set(merged) == {(s, p, o) for s, p, o, _ in reference.quads((None, None, None, None))}


def test_export_is_reproducible(store: Path, nquads: Path, tmp_path: Path) -> None:
    again = tmp_path / "again.nq"
    assert invoke("export", "--output", str(again), store=store).exit_code == 0
    assert again.read_bytes() == nquads.read_bytes()


def test_export_to_a_folder_that_does_not_exist_fails_with_a_message(store: Path, tmp_path: Path) -> None:
    result = invoke("export", "--output", str(tmp_path / "nowhere" / "x.nq"), store=store)
    assert result.exit_code == 2
    assert "error:" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


# ---------------------------------------------------------------- query


def _answer(fmt: str, stdout: str) -> list[str]:
    if fmt == "json":
        return [row["date"] for row in json.loads(stdout)]
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(stdout)))
        assert rows[0] == ["date"]
        return [row[0] for row in rows[1:] if row]
    return re.findall(r"\d{4}-\d{2}-\d{2}(?:T[\d:]+)?", stdout)


@pytest.mark.parametrize("fmt", ["table", "json", "csv"])
@pytest.mark.parametrize("source", ["inline", "file"])
def test_query_answers_in_each_format(store: Path, tmp_path: Path, fmt: str, source: str) -> None:
    if source == "file":
        path = tmp_path / "meeting_dates.rq"
        path.write_text(MEETING_DATES + "\n", encoding="utf-8")
        argument = f"@{path}"
    else:
        argument = MEETING_DATES
    result = invoke("query", argument, "--format", fmt, store=store)
    assert result.exit_code == 0, result.stderr
    assert _answer(fmt, result.stdout) == DATES
    if fmt == "table":
        assert "4 rows" in result.stderr


def test_query_ask_and_construct(store: Path) -> None:
    assert query_json("ASK { ?d a cg:DeclarationOfInterest ; cg:withdrew true }", store) == {"boolean": True}
    result = invoke("query", "CONSTRUCT { ?m a cg:Meeting } WHERE { ?m a cg:Meeting }", store=store)
    assert result.exit_code == 0, result.stderr
    assert len(Graph().parse(data=result.stdout, format="nt")) == 5


def test_the_example_analyst_query_runs(store: Path) -> None:
    result = run("query", "@graph/sparql/members_of_body.rq", "--format", "csv", store=store)
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    moore = [r for r in rows if r["person"] == "Councillor Moore"]
    assert moore == [
        {
            "body": "Children, Young People and Education Scrutiny Commission",
            "person": "Councillor Moore",
            "meetings": "2",
            "capacities": "",
        }
    ]


def test_a_malformed_query_exits_non_zero_with_a_message(store: Path) -> None:
    result = invoke("query", "SELECT ?x WHERE { ?x", store=store)
    assert result.exit_code == 2
    assert "the query does not parse" in flat(result.stderr)
    assert isinstance(result.exception, SystemExit)
    assert result.stdout == ""


def test_a_missing_query_file_is_reported(store: Path, tmp_path: Path) -> None:
    result = invoke("query", f"@{tmp_path / 'nope.rq'}", store=store)
    assert result.exit_code == 2
    assert "nope.rq" in result.stderr
    assert isinstance(result.exception, SystemExit), result.exception


# ---------------------------------------------------------------- validate and stats


def test_validate_passes_on_a_store_of_good_documents(store: Path) -> None:
    result = run("validate", store=store)
    assert result.returncode == 0, result.stderr
    for name in NAMES:
        assert re.search(rf"{re.escape(name)}\s*│\s*yes\s*│\s*0\s*│", result.stdout), name
    assert "violation" not in result.stderr
    assert "meeting date not found in the text" in flat(result.stderr)


def test_validate_fails_on_a_stored_document_that_breaks_the_shapes(tmp_path: Path) -> None:
    """A graph written past the pipeline (no decision text) is caught when the store is validated."""
    shapes = load_shapes(PROJECT_ROOT / "shapes")
    document = process(JANUARY, MINTER, shapes)
    decision = URIRef(f"{document.graph.doc_iri}/decision/1")
    triples = [t for t in document.graph.graph if not (t[0] == decision and t[1] == SCHEMA.text)]
    writer = OxigraphStore(tmp_path / "store", MINTER.entities_graph())
    writer.replace_document(document.graph.doc_iri, triples, document.graph.entities)
    writer.flush()
    del writer
    gc.collect()
    result = run("validate", store=tmp_path / "store")
    assert result.returncode == 1
    assert f"violation {JANUARY}: <{decision}> schema:text" in flat(result.stderr)


@pytest.mark.parametrize("command", ["validate", "stats"])
def test_a_locked_store_is_reported_without_a_traceback(tmp_path: Path, command: str) -> None:
    holder = OxigraphStore(tmp_path / "store", MINTER.entities_graph())
    result = run(command, store=tmp_path / "store")
    del holder
    assert result.returncode == 2
    assert "error: cannot open the store" in flat(result.stderr)
    assert "Traceback" not in result.stderr


def test_stats_prints_the_counts(store: Path, nquads: Path) -> None:
    result = run("stats", store=store)
    assert result.returncode == 0, result.stderr

    def count(what: str) -> int:
        found = re.search(rf"│\s*{what}\s*│\s*(\d+)\s*│", result.stdout)
        assert found, f"no {what!r} row in\n{result.stdout}"
        return int(found.group(1))

    assert count("documents") == 5
    assert count("quads") == len(nquads.read_text(encoding="utf-8").splitlines())
    assert count(rf"(?:cg:|{re.escape(str(CG))})Meeting") == 5
    assert count(rf"(?:cg:|{re.escape(str(CG))})MinutesDocument") == 5
    assert count("shared entities") > 0


# ---------------------------------------------------------------- conflicts


def _findings(store: Path, *options: str) -> list[dict[str, Any]]:
    result = invoke("conflicts", "--format", "json", *options, store=store)
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def test_conflicts_finds_the_declared_interests_that_met_business_touching_them(store: Path) -> None:
    found = {(f["person"]["label"], f["organisation"]["label"], f["meeting"]["date"]): f for f in _findings(store)}
    moore = found[("Councillor Moore", "Millgate School", "2025-06-18")]
    assert moore["kind"] == "declared-and-took-part"
    assert moore["withdrew"] is False
    assert any("Millgate School" in (step["quote"] or "") for step in moore["evidence"])
    martin = found[("R. Martin", "Newton Europe", None)]
    assert (martin["kind"], martin["withdrew"]) == ("declared-and-took-part", True)


def test_conflicts_are_filtered_by_person_named_in_words_and_by_date(store: Path) -> None:
    assert {f["person"]["label"] for f in _findings(store, "--person", "moore")} == {"Councillor Moore"}
    assert [f["meeting"]["date"] for f in _findings(store, "--person", "Moore", "--since", "2025-02-01")] == [
        "2025-06-18"
    ]


def test_conflicts_print_a_table_and_csv(store: Path) -> None:
    table = invoke("conflicts", store=store)
    assert table.exit_code == 0, table.stderr
    assert "Millgate School" in flat(table.stdout) and "withdrew: yes" in flat(table.stdout)
    rows = list(csv.DictReader(io.StringIO(invoke("conflicts", "--format", "csv", store=store).stdout)))
    assert {(r["person"], r["organisation"], r["withdrew"]) for r in rows} >= {
        ("Councillor Moore", "Millgate School", "false"),
        ("R. Martin", "Newton Europe", "true"),
    }


def test_conflicts_about_someone_unknown_or_ambiguous_fail_with_the_reason(store: Path) -> None:
    unknown = invoke("conflicts", "--person", "Nobody Atall", store=store)
    assert unknown.exit_code == 2 and "no person is named 'Nobody Atall'" in flat(unknown.stderr)
    ambiguous = invoke("conflicts", "--person", "Councillor", store=store)
    assert ambiguous.exit_code == 2 and "give one of" in flat(ambiguous.stderr)
