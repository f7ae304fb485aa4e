"""The SQLite file the name search and the catalogue read from: built once per store content, shared by every
server process.

Building it reads every name, meeting, decision and declaration from the store, which takes seconds on a large
graph; each of several server processes doing that at start would multiply the wait and the memory. So the
first process to need it writes it to a temporary file and renames it into place (nothing half-written is ever
read), under a lock so that the others wait and then open the same file read-only.

It also holds the first page of every entity's view (api/prebuilt.py), described by one process per CPU.

The file lives in the folder `{store}.index/` beside the store, named by a digest of the store's files (names,
sizes and modification times; a read-only open changes none of them), of the code and queries that write it
and describe the views, and of the base IRI and term labels the views are written with, so ingesting into the
store, or changing how the index is laid out or a view is described, gives a new file. Older files in the folder
are removed once a new one is in place."""

from __future__ import annotations

import fcntl
import hashlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from api import catalogue, models, naming, prebuilt, relations, search
from api.catalogue import write_catalogue
from api.naming import Namer, load_term_labels
from api.prebuilt import ViewSource, write_views
from api.reader import GraphReader
from api.search import write_names
from graph import queries
from graph.settings import Settings

__all__ = ["index_folder", "index_namer", "open_index", "shared_index"]

_WRITERS = (*(module.__file__ for module in (search, catalogue, prebuilt, relations, models, naming)), __file__)
_QUERIES = Path(queries.__file__).parent / "sparql" / "api"
_MAPPED_BYTES = 1 << 34  # more than any index file; SQLite maps only as much as the file holds
_UNSTABLE = ("LOCK", "LOG")  # RocksDB's lock file and its info logs change without the data changing


def index_folder(store: Path) -> Path:
    """Where the index files of `store` are kept: a folder beside it, so removing both is one `rm`."""
    resolved = store.resolve()
    return resolved.with_name(resolved.name + ".index")


def _digest(store: Path, namer: Namer) -> str:
    """A digest of the store's data files, of the code and queries that write the index, and of what names
    the links in the stored views."""
    digest = hashlib.sha256()
    for path in sorted(store.iterdir()):
        if path.is_file() and not path.name.startswith(_UNSTABLE):
            status = path.stat()
            digest.update(f"{path.name}\0{status.st_size}\0{status.st_mtime_ns}\n".encode())
    for writer in _WRITERS:
        digest.update(Path(str(writer)).read_bytes())
    for query in sorted(_QUERIES.glob("*.rq")):
        digest.update(query.read_bytes())
    digest.update(repr((namer.base_iri, sorted(namer.term_labels.items()))).encode())
    return digest.hexdigest()[:20]


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold the folder's build lock: one process builds, the others wait for it to finish."""
    with (folder / "build.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def _build(store: Path, namer: Namer, path: Path) -> None:
    """Write the index of `store` to a temporary file beside `path`, then rename it to `path`. The names and
    the catalogue are committed before the views are described, since the describing processes read them."""
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=".building-", suffix=".sqlite")
    os.close(handle)
    try:
        reader = GraphReader(store)
        with closing(sqlite3.connect(temporary)) as db:
            with db:
                write_names(db, reader)
                write_catalogue(db, reader)
            with db:
                write_views(db, reader, ViewSource(store, namer, Path(temporary)))
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _remove_older(folder: Path, current: Path) -> None:
    """Remove the index files of earlier contents of the store; a process still reading one keeps its copy
    open until it closes it."""
    for path in folder.glob("*.sqlite"):
        if path != current:
            path.unlink(missing_ok=True)


def index_namer(settings: Settings) -> Namer:
    """How the stored views name links: by the base IRI and the ontology's term labels."""
    return Namer(settings.base_iri, load_term_labels(settings.ontology_dir))


def shared_index(settings: Settings) -> Path:
    """The index file of the store as it is now, built if no process has built it yet."""
    store, namer = settings.store, index_namer(settings)
    folder = index_folder(store)
    folder.mkdir(exist_ok=True)
    path = folder / f"{_digest(store, namer)}.sqlite"
    with _locked(folder):
        if not path.exists():
            _build(store, namer, path)
            _remove_older(folder, path)
    return path


def open_index(path: Path) -> sqlite3.Connection:
    """A read-only connection to an index file; `immutable` because a built file never changes, so SQLite
    need not lock it. The file is memory-mapped: every server process reads the same pages from the operating
    system's cache, where reading them into each connection's own small cache cost a system call per page, and
    milliseconds on a list of a few hundred keys."""
    db = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True, check_same_thread=False)
    db.execute(f"PRAGMA mmap_size = {_MAPPED_BYTES}")
    return db
