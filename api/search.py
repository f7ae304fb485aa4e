"""Name search over an SQLite FTS5 index written once per store (see api/shared_index.py).

A regex or CONTAINS over every label is a scan that takes seconds on a large graph, so every name an entity
is known by (label, former names, surface forms) goes into an FTS5 table next to the entity's IRI, kind and
label; a search is an index lookup, ranked by how well the name matches."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass, field

from api.models import EntityKind, Page, SearchHit
from api.naming import Namer
from api.reader import GraphReader

__all__ = ["SCHEMA", "SearchIndex", "match_expression", "write_names"]

_WORD = re.compile(r"\w+", re.UNICODE)
SCHEMA = """
CREATE TABLE entity (id INTEGER PRIMARY KEY, iri TEXT, kind TEXT, label TEXT);
CREATE VIRTUAL TABLE entity_name USING fts5(entity UNINDEXED, name, tokenize = 'unicode61 remove_diacritics 2');
"""


def match_expression(text: str) -> str | None:
    """An FTS5 query in which every word of `text` must match, the last one as a prefix (search as you type)."""
    words = _WORD.findall(text)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " AND ".join(quoted)


@dataclass
class _Names:
    label: str
    types: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)


def write_names(db: sqlite3.Connection, reader: GraphReader) -> None:
    """Write every entity's kind, label and names from the store into `db`, in IRI order."""
    db.executescript(SCHEMA)
    entities: dict[str, _Names] = {}
    for row in reader.rows("api/search_entries"):
        entry = entities.setdefault(row["entity"], _Names(row["label"]))
        if "type" in row:
            entry.types.add(row["type"])
        else:
            entry.names.add(row["name"])
    for rowid, (iri, entry) in enumerate(sorted(entities.items())):
        db.execute("INSERT INTO entity VALUES (?, ?, ?, ?)", (rowid, iri, Namer.kind(sorted(entry.types)), entry.label))
        db.executemany(
            "INSERT INTO entity_name (entity, name) VALUES (?, ?)", ((rowid, name) for name in sorted(entry.names))
        )


class SearchIndex:
    """Searches the names written by `write_names`; safe to query from many threads."""

    def __init__(self, db: sqlite3.Connection, namer: Namer) -> None:
        self.namer = namer
        self._lock = threading.Lock()
        self._db = db

    def search(self, text: str, kind: EntityKind | None, limit: int, offset: int) -> Page[SearchHit]:
        """Entities with a name matching every word of `text`, best match first, then by label."""
        expression = match_expression(text)
        if expression is None:
            return Page[SearchHit](total=0, limit=limit, offset=offset, items=[])
        with self._lock:
            rows = self._db.execute(
                "SELECT n.entity, n.name, e.iri, e.kind, e.label FROM entity_name AS n JOIN entity AS e "
                "ON e.id = n.entity WHERE entity_name MATCH ? ORDER BY n.rank",
                (expression,),
            ).fetchall()
        best: dict[int, tuple[str, str, EntityKind, str]] = {}
        for entity, name, iri, found_kind, label in rows:
            best.setdefault(entity, (name, iri, found_kind, label))
        found = [hit for hit in best.values() if kind is None or hit[2] == kind]
        hits = [
            SearchHit(iri=iri, label=label, kind=found_kind, matched=name, page=self.namer.page(iri))
            for name, iri, found_kind, label in found[offset : offset + limit]
        ]
        return Page[SearchHit](total=len(found), limit=limit, offset=offset, items=hits)
