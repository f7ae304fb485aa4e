"""Read-only SPARQL over the store, each query in a worker process that can be stopped at its time limit.

pyoxigraph's `Store.query` takes no time limit and cannot be interrupted from another thread, so every
query runs in a worker process on a read-only view of the store; a query that overruns has its worker
killed and replaced, and the server stays responsive."""

from __future__ import annotations

import multiprocessing
import queue
import re
from dataclasses import dataclass, field
from itertools import islice
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path

import pyoxigraph as ox

from api.results import BOOLEAN_TYPES, GRAPH_TYPES, SOLUTION_TYPES, negotiate, write_boolean, write_solutions
from graph.vocab import PREFIXES

__all__ = ["QueryFailed", "QueryOutcome", "QueryRefused", "QueryRequest", "QueryTimedOut", "SparqlService", "refusal"]

_UPDATE = re.compile(
    r"^(?:\s*(?:#[^\n]*\n|PREFIX\s+\S*\s*<[^>]*>|BASE\s*<[^>]*>))*\s*"
    r"(?:INSERT|DELETE|LOAD|CLEAR|CREATE|DROP|COPY|MOVE|ADD|WITH)\b",
    re.I,
)
_SERVICE = re.compile(r"\bSERVICE\s+(?:SILENT\s+)?[<?$]", re.I)


class QueryRefused(Exception):
    """The query asks for what the public endpoint does not do: change the store, or call another service."""


class QueryTimedOut(Exception):
    """The query ran past the time limit; its worker was stopped and replaced."""


class QueryFailed(Exception):
    """The query does not parse, or the store could not answer it; the message says where."""


@dataclass(frozen=True)
class QueryRequest:
    query: str
    accept: str = "*/*"
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()


@dataclass(frozen=True)
class QueryOutcome:
    """A serialised answer: its body and media type, the rows it holds, and whether the row cap cut it."""

    body: bytes
    media_type: str
    rows: int
    truncated: bool


def refusal(query: str) -> str | None:
    """Why a query is refused, or None."""
    if _UPDATE.match(query):
        return "SPARQL Update (INSERT, DELETE, LOAD, CLEAR, DROP, ...) is refused: this endpoint is read-only"
    if _SERVICE.search(query):
        return "SERVICE is refused: this endpoint does not send requests to other services"
    return None


def _answer(store: ox.Store, request: QueryRequest, max_rows: int) -> QueryOutcome:
    if request.default_graphs:
        result = store.query(
            request.query,
            prefixes=PREFIXES,
            default_graph=[ox.NamedNode(g) for g in request.default_graphs],
            named_graphs=[ox.NamedNode(g) for g in request.named_graphs] or None,
        )
    else:
        result = store.query(
            request.query,
            prefixes=PREFIXES,
            use_default_graph_as_union=True,
            named_graphs=[ox.NamedNode(g) for g in request.named_graphs] or None,
        )
    if isinstance(result, ox.QueryBoolean):
        media = negotiate(request.accept, BOOLEAN_TYPES)
        return QueryOutcome(write_boolean(bool(result), media), media, 1, False)
    if isinstance(result, ox.QuerySolutions):
        media = negotiate(request.accept, SOLUTION_TYPES)
        names = [v.value for v in result.variables]
        rows = [[row[name] for name in names] for row in islice(result, max_rows + 1)]
        return QueryOutcome(
            write_solutions(names, rows[:max_rows], media), media, min(len(rows), max_rows), len(rows) > max_rows
        )
    media = negotiate(request.accept, list(GRAPH_TYPES))
    triples = list(islice(result, max_rows + 1))
    graph = ox.Store()
    graph.extend(ox.Quad(t.subject, t.predicate, t.object) for t in triples[:max_rows])
    body = graph.dump(format=GRAPH_TYPES[media], from_graph=ox.DefaultGraph(), prefixes=PREFIXES) or b""
    return QueryOutcome(body, media, min(len(triples), max_rows), len(triples) > max_rows)


def _serve(connection: Connection, store_path: str, max_rows: int) -> None:
    """A worker's loop: answer one request at a time on a read-only view of the store."""
    store = ox.Store.read_only(store_path)
    connection.send(("ready", None))
    while True:
        request: QueryRequest = connection.recv()
        try:
            connection.send(("ok", _answer(store, request, max_rows)))
        except SyntaxError as error:
            connection.send(("syntax", str(error)))
        except (OSError, ValueError, RuntimeError) as error:
            connection.send(("error", str(error)))


@dataclass
class _Worker:
    process: BaseProcess
    connection: Connection


@dataclass
class SparqlService:
    """A fixed number of query workers; each query borrows one, and an overrun one is replaced."""

    store_path: Path
    workers: int
    timeout_ms: int
    max_rows: int
    _idle: queue.Queue[_Worker] = field(default_factory=queue.Queue)

    def _spawn(self) -> _Worker:
        """A worker that has opened the store, so its start-up never counts against a query's time limit."""
        context = multiprocessing.get_context("spawn")
        parent, child = context.Pipe()
        process = context.Process(target=_serve, args=(child, str(self.store_path), self.max_rows), daemon=True)
        process.start()
        child.close()
        parent.recv()
        return _Worker(process, parent)

    def _replace(self, worker: _Worker) -> _Worker:
        worker.process.kill()
        worker.process.join()
        return self._spawn()

    def start(self) -> None:
        for _ in range(self.workers):
            self._idle.put(self._spawn())

    def close(self) -> None:
        while not self._idle.empty():
            worker = self._idle.get_nowait()
            worker.process.kill()
            worker.process.join()

    def run(self, request: QueryRequest) -> QueryOutcome:
        """Answer a query or raise QueryRefused, QueryFailed or QueryTimedOut; blocks until a worker is free."""
        reason = refusal(request.query)
        if reason is not None:
            raise QueryRefused(reason)
        worker = self._idle.get()
        try:
            worker.connection.send(request)
            if not worker.connection.poll(self.timeout_ms / 1000):
                worker = self._replace(worker)
                raise QueryTimedOut(f"the query ran past the time limit of {self.timeout_ms} ms and was stopped")
            status, payload = worker.connection.recv()
        except (EOFError, BrokenPipeError) as error:
            worker = self._replace(worker)
            raise QueryFailed("the query worker stopped unexpectedly; it has been restarted") from error
        finally:
            self._idle.put(worker)
        if status == "ok":
            assert isinstance(payload, QueryOutcome)
            return payload
        raise QueryFailed(str(payload))
