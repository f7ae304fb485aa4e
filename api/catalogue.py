"""An index of which meetings, decisions and declarations each list selects, written once per store (see
api/shared_index.py).

Filtering every decision by a body's meetings, a date range or words of its text is a scan in the store:
seconds on a large graph. The catalogue keeps the keys (statement, meeting, body, day, person, organisation)
and the decisions' text in SQLite, so a list is an index lookup that returns one page of statements, and only
that page is then described in full by SPARQL."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass

from api.reader import GraphReader
from api.search import match_expression

__all__ = ["SCHEMA", "Catalogue", "Selection", "write_catalogue"]

SCHEMA = """
CREATE TABLE meeting (iri TEXT PRIMARY KEY, body TEXT, day TEXT, label TEXT, start TEXT, body_label TEXT);
CREATE INDEX meeting_body ON meeting (body, day);
CREATE INDEX meeting_day ON meeting (day);
CREATE INDEX meeting_iri_day ON meeting (iri, day);
CREATE TABLE decision (iri TEXT PRIMARY KEY, meeting TEXT, item TEXT);
CREATE INDEX decision_meeting ON decision (meeting);
CREATE INDEX decision_item ON decision (item);
CREATE VIRTUAL TABLE decision_text USING fts5(iri UNINDEXED, text, tokenize = 'porter unicode61 remove_diacritics 2');
CREATE TABLE declaration (iri TEXT, meeting TEXT, person TEXT, person_label TEXT, organisation TEXT);
CREATE INDEX declaration_meeting ON declaration (meeting);
CREATE INDEX declaration_person ON declaration (person);
CREATE INDEX declaration_organisation ON declaration (organisation);
CREATE TABLE chair (iri TEXT PRIMARY KEY, meeting TEXT);
CREATE INDEX chair_meeting ON chair (meeting);
CREATE TABLE attendance (iri TEXT PRIMARY KEY, meeting TEXT, person TEXT);
CREATE INDEX attendance_person ON attendance (person, meeting, iri);
CREATE TABLE item_mention (iri TEXT, meeting TEXT, entity TEXT);
CREATE INDEX item_mention_entity ON item_mention (entity);
CREATE TABLE membership (iri TEXT PRIMARY KEY, member TEXT, organisation TEXT);
CREATE INDEX membership_member ON membership (member);
CREATE INDEX membership_organisation ON membership (organisation);
"""


@dataclass(frozen=True)
class Selection:
    """One page of the statements a list selects, and how many it selects in all."""

    total: int
    statements: list[str]


@dataclass(frozen=True)
class MeetingFilter:
    body: str | None = None
    meeting: str | None = None
    since: str | None = None
    until: str | None = None

    def clauses(self) -> tuple[list[str], list[str]]:
        """SQL conditions on the `meeting` table aliased `m`, and their parameters."""
        conditions, parameters = [], []
        for condition, value in (
            ("m.body = ?", self.body),
            ("m.iri = ?", self.meeting),
            ("m.day >= ?", self.since),
            ("m.day <= ?", self.until),
        ):
            if value is not None:
                conditions.append(condition)
                parameters.append(value)
        return conditions, parameters


def _day(start: str | None) -> str | None:
    return start[:10] if start else None


def write_catalogue(db: sqlite3.Connection, reader: GraphReader) -> None:
    """Write the keys of every meeting, decision, declaration, chair, attendance, agenda item mention and
    membership from the store into `db`."""
    db.executescript(SCHEMA)
    db.executemany(
        "INSERT OR IGNORE INTO meeting VALUES (?, ?, ?, ?, ?, ?)",
        (
            (r["meeting"], r.get("body"), _day(r.get("start")), r.get("label"), r.get("start"), r.get("bodyLabel"))
            for r in reader.rows("api/catalogue_meetings")
        ),
    )
    decisions = reader.rows("api/catalogue_decisions")
    db.executemany(
        "INSERT OR IGNORE INTO decision VALUES (?, ?, ?)",
        ((r["statement"], r["meeting"], r.get("item")) for r in decisions),
    )
    db.executemany("INSERT INTO decision_text VALUES (?, ?)", ((r["statement"], r["text"]) for r in decisions))
    db.executemany(
        "INSERT INTO declaration VALUES (?, ?, ?, ?, ?)",
        (
            (r["statement"], r["meeting"], r["person"], r.get("personLabel"), r.get("organisation"))
            for r in reader.rows("api/catalogue_declarations")
        ),
    )
    for table, query, columns in (
        ("chair", "catalogue_chairs", ("statement", "meeting")),
        ("attendance", "catalogue_attendance", ("statement", "meeting", "person")),
        ("item_mention", "catalogue_mentions", ("statement", "meeting", "entity")),
        ("membership", "catalogue_memberships", ("statement", "member", "organisation")),
    ):
        slots = ", ".join("?" * len(columns))
        db.executemany(
            f"INSERT OR IGNORE INTO {table} VALUES ({slots})",
            (tuple(r[c] for c in columns) for r in reader.rows(f"api/{query}")),
        )


class Catalogue:
    """Reads the tables `write_catalogue` wrote; safe to query from many threads (one connection, one lock),
    and every query is an index lookup."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self._lock = threading.Lock()
        self._db = db

    def _select(self, table: str, where: list[str], parameters: list[str], limit: int, offset: int) -> Selection:
        """Distinct statements of `table` joined to their meeting, newest first, one page and the count."""
        condition = " AND ".join(where) or "1"
        joined = f"FROM {table} AS s JOIN meeting AS m ON m.iri = s.meeting WHERE {condition}"
        with self._lock:
            (total,) = self._db.execute(f"SELECT COUNT(DISTINCT s.iri) {joined}", parameters).fetchone()
            rows = self._db.execute(
                f"SELECT DISTINCT s.iri, m.day {joined} ORDER BY m.day DESC, s.iri LIMIT ? OFFSET ?",
                [*parameters, limit, offset],
            ).fetchall()
        return Selection(total, [iri for iri, _ in rows])

    def decisions(self, where: MeetingFilter, text: str | None, limit: int, offset: int) -> Selection:
        """Decisions at the meetings `where` allows, whose text has every word of `text` (any form of each)."""
        conditions, parameters = where.clauses()
        if text is not None:
            expression = match_expression(text)
            if expression is None:
                return Selection(0, [])
            conditions.append("s.iri IN (SELECT iri FROM decision_text WHERE decision_text MATCH ?)")
            parameters.append(expression)
        return self._select("decision", conditions, parameters, limit, offset)

    def declarations(
        self, where: MeetingFilter, person: str | None, organisation: str | None, limit: int, offset: int
    ) -> Selection:
        conditions, parameters = where.clauses()
        if person is not None:
            conditions.append("s.person = ?")
            parameters.append(person)
        if organisation is not None:
            conditions.append("s.organisation = ?")
            parameters.append(organisation)
        return self._select("declaration", conditions, parameters, limit, offset)

    def meeting_facts(self, meetings: Iterable[str]) -> dict[str, dict[str, str]]:
        """Each meeting's label, start, body and body label, named as the relationship queries name them."""
        wanted = sorted(set(meetings))
        if not wanted:
            return {}
        slots = ", ".join("?" * len(wanted))
        with self._lock:
            rows = self._db.execute(
                f"SELECT iri, label, start, body, body_label FROM meeting WHERE iri IN ({slots})", wanted
            ).fetchall()
        columns = ("meetingLabel", "start", "body", "bodyLabel")
        return {iri: {c: v for c, v in zip(columns, values, strict=True) if v is not None} for iri, *values in rows}

    def declarants(self, organisation: str) -> list[tuple[str, str, str | None]]:
        """Each declaration naming `organisation`: its statement, its declarant and the declarant's label."""
        with self._lock:
            return self._db.execute(
                "SELECT DISTINCT iri, person, person_label FROM declaration WHERE organisation = ? ORDER BY iri",
                [organisation],
            ).fetchall()

    def attended(self, person: str, limit: int, offset: int) -> Selection:
        return self._select("attendance", ["s.person = ?"], [person], limit, offset)

    def items_mentioning(self, entity: str, limit: int, offset: int) -> Selection:
        return self._select("item_mention", ["s.entity = ?"], [entity], limit, offset)

    def decisions_on_items_mentioning(self, entity: str, limit: int, offset: int) -> Selection:
        """Decisions taken on the agenda items that mention `entity`."""
        condition = "s.item IN (SELECT iri FROM item_mention WHERE entity = ?)"
        return self._select("decision", [condition], [entity], limit, offset)

    def memberships(self, column: str, value: str, limit: int, offset: int) -> Selection:
        """Memberships whose `column` (member or organisation) is `value`, in IRI order."""
        assert column in ("member", "organisation")
        with self._lock:
            (total,) = self._db.execute(f"SELECT COUNT(*) FROM membership WHERE {column} = ?", [value]).fetchone()
            rows = self._db.execute(
                f"SELECT iri FROM membership WHERE {column} = ? ORDER BY iri LIMIT ? OFFSET ?", [value, limit, offset]
            ).fetchall()
        return Selection(total, [iri for (iri,) in rows])

    def chairs(self, body: str, limit: int, offset: int) -> Selection:
        return self._select("chair", ["m.body = ?"], [body], limit, offset)

    def meetings(self, body: str, limit: int, offset: int) -> Selection:
        with self._lock:
            (total,) = self._db.execute("SELECT COUNT(*) FROM meeting WHERE body = ?", [body]).fetchone()
            rows = self._db.execute(
                "SELECT iri FROM meeting WHERE body = ? ORDER BY day DESC, iri LIMIT ? OFFSET ?", [body, limit, offset]
            ).fetchall()
        return Selection(total, [iri for (iri,) in rows])
