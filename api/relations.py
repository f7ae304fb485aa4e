"""The relationship views: a person, an organisation, a body, a meeting, and filtered lists of decisions and
declarations, each built from named SPARQL queries on the store and returned as typed models.

Every fact keeps its provenance; lists come as pages whose `total` counts every match."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

import pyoxigraph as ox

from api.catalogue import Catalogue, MeetingFilter, Selection
from api.models import (
    Attendance,
    BodyView,
    Decision,
    Declaration,
    EntityHeader,
    Item,
    Link,
    MeetingSummary,
    MeetingView,
    Membership,
    OrganisationView,
    Page,
    PersonLink,
    PersonView,
    PostHeld,
    Provenance,
    Question,
)
from api.naming import Namer
from api.reader import GraphReader, Row
from graph.queries import Term
from graph.vocab import DCTERMS, FOAF, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, TIME

__all__ = ["Relations", "Window"]

T = TypeVar("T")


@dataclass(frozen=True)
class Window:
    """Which slice of each list a view returns."""

    limit: int = 20
    offset: int = 0

    def page(self, items: list[T]) -> Page[T]:
        """This window of a list held whole."""
        return self.of(len(items), items[self.offset : self.offset + self.limit])

    def of(self, total: int, items: list[T]) -> Page[T]:
        """A page whose items were already cut to this window from `total` matches."""
        return Page[T](total=total, limit=self.limit, offset=self.offset, items=items)


EVERYTHING = Window(limit=1_000_000)


def _grouped(rows: list[Row], key: str = "statement") -> list[list[Row]]:
    """Rows that describe one statement (one per capacity, organisation or mention), kept in query order."""
    groups: dict[str, list[Row]] = {}
    for row in rows:
        groups.setdefault(row[key], []).append(row)
    return list(groups.values())


def _date(row: Row, column: str = "start") -> str | None:
    value = row.get(column)
    return value[:10] if value else None


def _iri(value: str | None) -> ox.NamedNode | None:
    return ox.NamedNode(value) if value else None


def _nodes(iris: Iterable[str] | None) -> list[ox.NamedNode] | None:
    return None if iris is None else [ox.NamedNode(iri) for iri in iris]


@dataclass(frozen=True)
class Relations:
    reader: GraphReader
    namer: Namer
    catalogue: Catalogue

    def _rows(self, name: str, **values: Term | Iterable[Term] | None) -> list[Row]:
        return self.reader.rows(f"api/{name}", values)

    def _labelled(self, rows: list[Row], column: str) -> list[Row]:
        """`rows` with `{column}Label` filled in by one lookup for all the nodes in `column`.

        Queries return many-valued links (the organisations a declaration names, what an item mentions) without
        their labels, because a group inside OPTIONAL makes Oxigraph evaluate it over the whole store."""
        nodes = sorted({row[column] for row in rows if column in row})
        if not nodes:
            return rows
        labels = {r["node"]: r["label"] for r in self._rows("node_labels", node=[ox.NamedNode(n) for n in nodes])}
        return [{**row, f"{column}Label": labels[row[column]]} if row.get(column) in labels else row for row in rows]

    def _describe(self, selection: Selection, query: str, key: str = "statement", **values: Term | None) -> list[Row]:
        """The rows of `query` for the selected statements, in the selection's order.

        Selecting is cheap (keys, or the catalogue); describing a statement takes a lookup per property, so
        only the page is described."""
        if not selection.statements:
            return []
        rank = {statement: position for position, statement in enumerate(selection.statements)}
        rows = self._rows(query, **{key: _nodes(selection.statements)}, **values)
        return sorted(self._with_meetings(rows), key=lambda row: rank[row[key]])

    def _with_meetings(self, rows: list[Row]) -> list[Row]:
        """`rows` with their meeting's label, start, body and body label from the catalogue, which saves the
        queries four lookups a row."""
        facts = self.catalogue.meeting_facts(row["meeting"] for row in rows if "meeting" in row)
        return [{**facts.get(row.get("meeting", ""), {}), **row} for row in rows]

    def _optional_link(self, row: Row, iri: str, label: str) -> Link | None:
        return self.namer.link(row[iri], row.get(label)) if iri in row else None

    def _meeting(self, row: Row) -> MeetingSummary:
        return MeetingSummary(
            meeting=self.namer.link(row["meeting"], row.get("meetingLabel")),
            date=_date(row),
            body=self._optional_link(row, "body", "bodyLabel"),
        )

    def header(self, iri: str) -> EntityHeader | None:
        """What the store says of an entity in its own right, or None when it says nothing."""
        rows = self._rows("entity", entity=ox.NamedNode(iri))
        return self._header(iri, rows) if rows else None

    def _header(self, iri: str, rows: list[Row]) -> EntityHeader:
        def values(predicate: str) -> list[str]:
            return sorted({row["value"] for row in rows if row["property"] == predicate})

        types = values(str(RDF.type))
        labels = values(str(RDFS.label)) or values(str(DCTERMS.title)) or [iri]
        parents = [row for row in rows if row["property"] in (str(ORG.subOrganizationOf), str(ORG.postIn))]
        return EntityHeader(
            iri=iri,
            label=labels[0],
            kind=self.namer.kind(types),
            types=types,
            names=sorted({*labels, *values(str(FOAF.name)), *values(str(SKOS.hiddenLabel))}),
            former_names=values(str(SKOS.altLabel)),
            titles=values(str(FOAF.title)),
            part_of=self.namer.link(parents[0]["value"], parents[0].get("valueLabel")) if parents else None,
        )

    def _attendance(self, group: list[Row], person: Link | None = None) -> Attendance:
        row = group[0]
        return Attendance(
            statement=row["statement"],
            person=person or self.namer.link(row["person"], row.get("personLabel")),
            meeting=self._meeting(row),
            status=self.namer.term(row["status"]) if "status" in row else "",
            capacities=sorted({self.namer.term(r["capacity"]) for r in group if "capacity" in r}),
            provenance=self.namer.provenance(row),
        )

    def _declaration(self, group: list[Row]) -> Declaration:
        row = group[0]
        organisations = {r["organisation"]: r.get("organisationLabel") for r in group if "organisation" in r}
        return Declaration(
            statement=row["statement"],
            person=self.namer.link(row["person"], row.get("personLabel")),
            organisations=[self.namer.link(iri, label) for iri, label in organisations.items()],
            text=row["text"],
            kind=self.namer.term(row["kind"]) if "kind" in row else None,
            withdrew=row.get("withdrew") == "true",
            item=self.namer.link(row["item"], row.get("itemTitle")) if "item" in row else None,
            meeting=self._meeting(row),
            provenance=self.namer.provenance(row),
        )

    def _decision(self, row: Row) -> Decision:
        return Decision(
            statement=row["statement"],
            text=row["text"],
            ordinal=int(row["ordinal"]) if "ordinal" in row else None,
            clause=row.get("clause"),
            item=self.namer.link(row["item"], row.get("itemTitle")) if "item" in row else None,
            item_number=row.get("itemNumber"),
            meeting=self._meeting(row),
            provenance=self.namer.provenance(row),
        )

    def _item(self, group: list[Row]) -> Item:
        row = group[0]
        mentions = {r["mention"]: r.get("mentionLabel") for r in group if "mention" in r}
        return Item(
            statement=row["statement"],
            number=row.get("number"),
            title=row["title"],
            mentions=[self.namer.link(iri, label) for iri, label in mentions.items()],
            meeting=self._meeting(row),
            provenance=self.namer.provenance(row),
        )

    def _membership(self, row: Row) -> Membership:
        return Membership(
            statement=row["statement"],
            member=self.namer.link(row["member"], row.get("memberLabel")),
            organisation=self.namer.link(row["organisation"], row.get("organisationLabel")),
            role=self.namer.term(row["role"]),
            change=self.namer.term(row["change"]) if "change" in row else None,
            began=row.get("began"),
            ended=row.get("ended"),
            period=row.get("period"),
            provenance=self.namer.provenance(row),
        )

    def _post(self, row: Row) -> PostHeld:
        return PostHeld(
            statement=row.get("statement"),
            post=self.namer.link(row["post"], row.get("postLabel")),
            organisation=self._optional_link(row, "organisation", "organisationLabel"),
            holder=self._optional_link(row, "holder", "holderLabel"),
            date=_date(row),
            provenance=self.namer.provenance(row) if "doc" in row else None,
        )

    def _person(self, header: EntityHeader, window: Window) -> PersonView:
        iri = header.iri
        node = ox.NamedNode(iri)
        me = self.namer.link(iri, header.label)
        selection = self.catalogue.attended(iri, window.limit, window.offset)
        rows = self._describe(selection, "person_attended")
        attended = window.of(selection.total, [self._attendance(group, me) for group in _grouped(rows)])
        posts = [self._post({**row, "holder": iri}) for row in self._rows("person_posts", entity=node)]
        questions = [
            Question(
                statement=row["statement"],
                meeting=self._meeting(row),
                answered_by=self._optional_link(row, "answeredBy", "answeredByLabel"),
                provenance=self.namer.provenance(row),
            )
            for row in self._rows("questions", entity=node)
        ]
        return PersonView(
            **header.model_dump(),
            posts=window.page(posts),
            memberships=self._memberships(window, "member", iri),
            attended=attended,
            declarations=self.declarations(window, person=iri),
            questions=window.page(questions),
        )

    def _organisation(self, header: EntityHeader, window: Window) -> OrganisationView:
        iri = header.iri
        posts = self._posts_in(iri)
        memberships = self._memberships(EVERYTHING, "organisation", iri).items
        mentioning = self.catalogue.items_mentioning(iri, window.limit, window.offset)
        items = _grouped(self._labelled(self._describe(mentioning, "agenda_items"), "mention"))
        decided = self.catalogue.decisions_on_items_mentioning(iri, window.limit, window.offset)
        decisions = [self._decision(row) for row in self._describe(decided, "decisions")]
        return OrganisationView(
            **header.model_dump(),
            people=self._people_linked(iri, posts, memberships, window),
            posts=window.page(posts),
            items=window.of(mentioning.total, [self._item(group) for group in items]),
            decisions=window.of(decided.total, decisions),
            declarations=self.declarations(window, organisation=iri),
        )

    def _posts_in(self, organisation: str) -> list[PostHeld]:
        """Each post in the organisation with each recorded holding of it; a post nobody is named for, alone."""
        posts = self._rows("posts_in", organisation=ox.NamedNode(organisation))
        holdings = self._rows("post_holdings", post=[ox.NamedNode(row["post"]) for row in posts])
        held = {row["post"] for row in holdings}
        rows = holdings + [row for row in posts if row["post"] not in held]
        return [self._post({**row, "organisation": organisation}) for row in rows]

    def _people_linked(
        self, organisation: str, posts: list[PostHeld], memberships: list[Membership], window: Window
    ) -> Page[PersonLink]:
        """Everyone linked to the organisation, by label; the declarations come from the catalogue, and only
        those on this page are described, for their provenance."""
        declared = "declared an interest"
        links = [
            PersonLink(person=self.namer.link(person, label), relation=declared, statement=statement, provenance=None)
            for statement, person, label in self.catalogue.declarants(organisation)
        ]
        links += [
            PersonLink(
                person=p.holder, relation=f"holds {p.post.label}", statement=p.statement, provenance=p.provenance
            )
            for p in posts
            if p.holder is not None and p.statement is not None
        ]
        links += [
            PersonLink(
                person=m.member, relation=f"{m.role} (membership)", statement=m.statement, provenance=m.provenance
            )
            for m in memberships
        ]
        links.sort(key=lambda link: (link.person.label, link.relation, link.statement))
        page = links[window.offset : window.offset + window.limit]
        provenance = self._provenance(link.statement for link in page if link.relation == declared)
        described = [
            link.model_copy(update={"provenance": provenance.get(link.statement)})
            if link.relation == declared
            else link
            for link in page
        ]
        return window.of(len(links), described)

    def _provenance(self, statements: Iterable[str]) -> dict[str, Provenance]:
        """Where each statement was read."""
        wanted = sorted(set(statements))
        if not wanted:
            return {}
        rows = self._rows("provenance", statement=_nodes(wanted))
        return {row["statement"]: self.namer.provenance(row) for row in rows}

    def _body(self, header: EntityHeader, window: Window) -> BodyView:
        iri = header.iri
        node = ox.NamedNode(iri)
        held = self.catalogue.meetings(iri, window.limit, window.offset)
        meetings = [
            MeetingSummary(meeting=self.namer.link(r["meeting"], r.get("meetingLabel")), date=_date(r))
            for r in self._describe(held, "meetings", key="meeting")
        ]
        chaired = self.catalogue.chairs(iri, window.limit, window.offset)
        chairs = window.of(chaired.total, [self._attendance(g) for g in _grouped(self._describe(chaired, "chairs"))])
        bodies = [self.namer.link(r["body"], r.get("bodyLabel")) for r in self._rows("committees_of", council=node)]
        return BodyView(
            **header.model_dump(),
            bodies=window.page(bodies),
            meetings=window.of(held.total, meetings),
            members=self._memberships(window, "organisation", iri),
            chairs=chairs,
            decisions=self.decisions(window, body=iri),
        )

    def _meeting_view(self, header: EntityHeader, facts: dict[str, Row], window: Window) -> MeetingView:
        iri = header.iri
        node = ox.NamedNode(iri)
        organizer = facts.get(str(SCHEMA.organizer))
        document = facts[str(PROV.wasDerivedFrom)]
        start = facts.get(str(SCHEMA.startDate))
        end = facts.get(str(SCHEMA.endDate))
        location = facts.get(str(SCHEMA.location))
        items = self._labelled(self._rows("items", meeting=node), "mention")
        return MeetingView(
            iri=iri,
            label=header.label,
            date=start["value"] if start else None,
            end=end["value"] if end else None,
            location=location["value"] if location else None,
            body=self.namer.link(organizer["value"], organizer.get("valueLabel")) if organizer else None,
            document=self.namer.link(document["value"], document.get("valueLabel")),
            attendance=window.page([self._attendance(g) for g in self._meeting_attendance(node, header.label)]),
            items=window.page([self._item(g) for g in _grouped(items)]),
            decisions=self.decisions(window, meeting=iri),
            declarations=self.declarations(window, meeting=iri),
        )

    def _meeting_attendance(self, node: ox.NamedNode, label: str) -> list[list[Row]]:
        rows = [{**row, "meeting": node.value, "meetingLabel": label} for row in self._rows("attendance", meeting=node)]
        return _grouped(rows)

    def _memberships(self, window: Window, column: str, iri: str) -> Page[Membership]:
        """The memberships whose member or organisation (`column`) is `iri`."""
        selection = self.catalogue.memberships(column, iri, window.limit, window.offset)
        rows = self._with_intervals(self._describe(selection, "memberships"))
        return window.of(selection.total, [self._membership(row) for row in rows])

    def _properties(self, nodes: Iterable[str]) -> dict[str, dict[str, str]]:
        """Each node's properties (one value each), from one lookup per node."""
        wanted = sorted(set(nodes))
        found: dict[str, dict[str, str]] = {node: {} for node in wanted}
        if wanted:
            for row in self._rows("node_properties", node=_nodes(wanted)):
                found[row["node"]][row["property"]] = row["value"]
        return found

    def _with_intervals(self, rows: list[Row]) -> list[Row]:
        """Membership rows with `began`, `ended` and `period` read from their interval and its instants."""
        intervals = self._properties(row["interval"] for row in rows if "interval" in row)
        ends = {str(TIME.hasBeginning): "began", str(TIME.hasEnd): "ended"}
        instants = self._properties(v for props in intervals.values() for p, v in props.items() if p in ends)
        described = []
        for row in rows:
            interval = intervals.get(row.get("interval", ""), {})
            extra = {"period": interval[str(RDFS.comment)]} if str(RDFS.comment) in interval else {}
            for predicate, column in ends.items():
                instant = instants.get(interval.get(predicate, ""), {})
                day = instant.get(str(TIME.inXSDDate)) or instant.get(str(TIME.inXSDgYear))
                if day is not None:
                    extra[column] = day
            described.append({**row, **extra})
        return described

    def decisions(
        self,
        window: Window,
        *,
        body: str | None = None,
        meeting: str | None = None,
        since: str | None = None,
        until: str | None = None,
        text: str | None = None,
    ) -> Page[Decision]:
        """Decisions by body, meeting, date range and words of their text, newest first."""
        where = MeetingFilter(body, meeting, since, until)
        selection = self.catalogue.decisions(where, text, window.limit, window.offset)
        return window.of(selection.total, [self._decision(row) for row in self._describe(selection, "decisions")])

    def declarations(
        self,
        window: Window,
        *,
        person: str | None = None,
        organisation: str | None = None,
        body: str | None = None,
        meeting: str | None = None,
        since: str | None = None,
        until: str | None = None,
    ) -> Page[Declaration]:
        """Declarations by declarant, organisation named, body, meeting and date range, newest first."""
        where = MeetingFilter(body, meeting, since, until)
        selection = self.catalogue.declarations(where, person, organisation, window.limit, window.offset)
        rows = self._labelled(self._describe(selection, "declarations"), "organisation")
        return window.of(selection.total, [self._declaration(group) for group in _grouped(rows)])

    def view(self, iri: str, window: Window) -> PersonView | OrganisationView | BodyView | MeetingView | None:
        """The view that fits the entity's kind, or None when the store knows no such entity or has no view of
        its kind; the entity's own description is read once and shared by the header and the view."""
        rows = self._rows("entity", entity=ox.NamedNode(iri))
        if not rows:
            return None
        header = self._header(iri, rows)
        if header.kind == "person":
            return self._person(header, window)
        if header.kind == "organisation":
            return self._organisation(header, window)
        if header.kind in ("body", "council"):
            return self._body(header, window)
        if header.kind == "meeting":
            return self._meeting_view(header, {row["property"]: row for row in rows}, window)
        return None
