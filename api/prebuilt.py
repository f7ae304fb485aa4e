"""The first page of every entity's view, described once when the shared index is built (see
api/shared_index.py) and kept as JSON in it.

The store does not change while the server runs, so the view most requests ask for (an entity with the
default window: the first 20 of each list) is the same on every request; describing it is 10 to 30 ms of
SPARQL under the interpreter lock, which concurrent clients queue behind. Every person, organisation, body,
council and meeting is described when the index is built (a sample would leave some first requests slow),
in parallel processes each with its own read-only view of the store, and the entity endpoint returns the
stored bytes unchanged. The JSON is zlib-compressed (about a tenth of its size: a view is 30 to 70 KB), and
other windows are still described live."""

from __future__ import annotations

import multiprocessing
import os
import sqlite3
import threading
import zlib
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from api.catalogue import Catalogue
from api.models import BodyView, MeetingView, OrganisationView, PersonView
from api.naming import Namer
from api.reader import GraphReader
from api.relations import Relations, Window

__all__ = ["PREBUILT_WINDOW", "PrebuiltViews", "ViewSource", "view_json", "write_views"]

PREBUILT_WINDOW = Window()
SCHEMA = "CREATE TABLE prebuilt_view (iri TEXT PRIMARY KEY, json BLOB NOT NULL)"
_CHUNK = 500  # entities a describing process takes at a time; fewer in all are described without starting any

View = PersonView | OrganisationView | BodyView | MeetingView


def view_json(view: View) -> bytes:
    """The bytes the entity endpoint answers with, whether the view was stored or described now, so the two
    are the same byte for byte."""
    return view.model_dump_json().encode()


@dataclass(frozen=True)
class ViewSource:
    """What a describing process opens: the store, read-only, and the index being built, whose catalogue is
    already written."""

    store: Path
    namer: Namer
    index: Path

    def relations(self) -> Relations:
        catalogue = sqlite3.connect(f"{self.index.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        return Relations(GraphReader(self.store), self.namer, Catalogue(catalogue))


_relations: Relations | None = None  # a describing process's own view of the store and the catalogue


def _open(source: ViewSource) -> None:
    global _relations
    _relations = source.relations()


def _described_here(iris: list[str]) -> list[tuple[str, bytes]]:
    assert _relations is not None, "the process was started without its view of the store"
    return _described(_relations, iris)


def _described(relations: Relations, iris: list[str]) -> list[tuple[str, bytes]]:
    """Each entity's first page, compressed; an entity without a view of its kind is left out."""
    found = []
    for iri in iris:
        view = relations.view(iri, PREBUILT_WINDOW)
        if view is not None:
            found.append((iri, zlib.compress(view_json(view))))
    return found


def _describe_all(source: ViewSource, iris: list[str]) -> list[tuple[str, bytes]]:
    """Every entity's first page, shared among one process per CPU; started by spawning, since a forked copy
    of a process that holds the store open would share its locks."""
    chunks = [iris[start : start + _CHUNK] for start in range(0, len(iris), _CHUNK)]
    processes = min(len(chunks), os.cpu_count() or 1)
    if processes <= 1:
        return _described(source.relations(), iris)
    spawn = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=spawn, initializer=_open, initargs=(source,)) as pool:
        return [view for chunk in pool.map(_described_here, chunks) for view in chunk]


def write_views(db: sqlite3.Connection, reader: GraphReader, source: ViewSource) -> None:
    """Describe every entity's first page and store it in `db`, the index file `source.index` names. The
    describing processes read the catalogue from that file, so it must be committed, and nothing is written
    to it until they are done."""
    entities = [row["entity"] for row in reader.rows("api/prebuilt_entities")]
    views = _describe_all(source, entities)
    db.execute(SCHEMA)
    db.executemany("INSERT INTO prebuilt_view VALUES (?, ?)", views)


class PrebuiltViews:
    """Reads the views `write_views` stored; one connection shared by the request threads, under a lock."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._lock = threading.Lock()
        self._db = db

    def json(self, iri: str) -> bytes | None:
        """The stored first page of the entity's view, or None when none was stored (no such entity, or none
        of a kind with a view)."""
        with self._lock:
            row = self._db.execute("SELECT json FROM prebuilt_view WHERE iri = ?", [iri]).fetchone()
        return None if row is None else zlib.decompress(row[0])
