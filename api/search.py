"""Name search over an index built once from the store when the service starts.

A regex or CONTAINS over every label is a scan that takes seconds on a large graph, so every name an entity
is known by (label, former names, surface forms) goes into an SQLite FTS5 index in memory; a search is an
index lookup, ranked by how well the name matches."""

from __future__ import annotations

import re
import sqlite3
import threading
from dataclasses import dataclass

from api.models import EntityKind, Page, SearchHit
from api.naming import Namer
from api.reader import GraphReader

__all__ = ["SearchIndex"]

_WORD = re.compile(r"\w+", re.UNICODE)
_SCHEMA = """
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


@dataclass(frozen=True)
class _Entry:
    iri: str
    kind: EntityKind
    label: str
    names: set[str]


class SearchIndex:
    """An in-memory FTS5 index of names; safe to query from many threads."""

    def __init__(self, reader: GraphReader, namer: Namer) -> None:
        self.namer = namer
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.executescript(_SCHEMA)
        self._entities: list[_Entry] = []
        self._load_names(reader)
        self._db.commit()

    def _load_names(self, reader: GraphReader) -> None:
        entries: dict[str, _Entry] = {}
        types: dict[str, set[str]] = {}
        for row in reader.rows("api/search_entries"):
            entry = entries.setdefault(row["entity"], _Entry(row["entity"], "organisation", row["label"], set()))
            if "type" in row:
                types.setdefault(row["entity"], set()).add(row["type"])
            else:
                entry.names.add(row["name"])
        for rowid, (iri, entry) in enumerate(sorted(entries.items())):
            kind = self.namer.kind(sorted(types.get(iri, set())))
            self._entities.append(_Entry(iri, kind, entry.label, entry.names))
            self._db.executemany(
                "INSERT INTO entity_name (entity, name) VALUES (?, ?)", ((rowid, name) for name in sorted(entry.names))
            )

    def search(self, text: str, kind: EntityKind | None, limit: int, offset: int) -> Page[SearchHit]:
        """Entities with a name matching every word of `text`, best match first, then by label."""
        expression = match_expression(text)
        if expression is None:
            return Page[SearchHit](total=0, limit=limit, offset=offset, items=[])
        with self._lock:
            rows = self._db.execute(
                "SELECT entity, name FROM entity_name WHERE entity_name MATCH ? ORDER BY rank", (expression,)
            ).fetchall()
        best: dict[int, str] = {}
        for entity, name in rows:
            best.setdefault(entity, name)
        found = [(self._entities[entity], name) for entity, name in best.items()]
        if kind is not None:
            found = [(entry, name) for entry, name in found if entry.kind == kind]
        hits = [
            SearchHit(iri=entry.iri, label=entry.label, kind=entry.kind, matched=name, page=self.namer.page(entry.iri))
            for entry, name in found[offset : offset + limit]
        ]
        return Page[SearchHit](total=len(found), limit=limit, offset=offset, items=hits)
