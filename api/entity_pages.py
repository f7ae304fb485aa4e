"""Pages for people: an HTML page for every IRI the graph holds, and the search results page.

People, organisations, bodies, councils and meetings are shown from the relationship views (api/relations.py);
a minutes document shows its normalised text with a quote highlighted; anything else (a statement, a post)
lists what the graph says of it. Every fact carries its quote, linked to the document page at that quote."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import PurePosixPath
from typing import Any, get_args
from urllib.parse import urlencode

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from api.models import (
    Attendance,
    BodyView,
    Decision,
    EntityHeader,
    EntityKind,
    Item,
    Link,
    MeetingSummary,
    MeetingView,
    OrganisationView,
    Page,
    PersonView,
    PostHeld,
    Provenance,
    SearchHit,
)
from api.pages import _CSP
from api.relations import Window
from api.routes import GraphServices
from graph.vocab import CG, ORG, PREFIXES, RDF

__all__ = ["EntityPages", "long_date"]

SHOWN = 100
"""The most items of each list a page shows; the rest are a link to the JSON API away."""
SEARCH_PAGE = 50
RECENT_DECISIONS = 20
_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_STATUS_ORDER = ["present", "in attendance", "apologies", "absent"]
_SEARCH_KINDS: list[tuple[EntityKind, str]] = [
    ("person", "People"),
    ("organisation", "Organisations"),
    ("body", "Committees"),
    ("council", "Councils"),
    ("post", "Posts"),
]
_KINDS = set(get_args(EntityKind))
_HIDDEN_PREDICATES = {str(CG.normalisedText)}
_XSD = PREFIXES["xsd"]
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


def long_date(value: str | None) -> str:
    """A date as people write it: '18 June 2025', 'June 2025' or '2019'; anything unreadable as it is."""
    if not value:
        return ""
    head = value[:10]
    try:
        if len(head) == 10:
            day = date.fromisoformat(head)
            return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"
        if len(head) == 7:
            return f"{_MONTHS[int(head[5:7]) - 1]} {int(head[:4])}"
        if len(head) == 4 and head.isdigit():
            return head
    except (ValueError, IndexError):
        pass
    return value


def clock(value: str | None) -> str:
    """The time of day of an xsd:dateTime ('17:30'), or '' for a date alone."""
    if value and len(value) >= 16 and value[10] == "T":
        return value[11:16]
    return ""


def capfirst(value: str) -> str:
    return value[:1].upper() + value[1:]


def file_name(path: str) -> str:
    return PurePosixPath(path).name or path


@dataclass(frozen=True)
class TimelineEntry:
    """One role a person held: a post, a membership, or a capacity at a meeting."""

    when: str | None
    role: str
    subject: Link
    context: Link | None
    note: str | None
    provenance: Provenance | None


@dataclass
class YearGroup:
    year: str
    entries: list[TimelineEntry] = field(default_factory=list)


def person_timeline(view: PersonView) -> list[YearGroup]:
    """Posts held, memberships and capacities at meetings, newest first, grouped by year; undated ones last."""
    entries = [
        TimelineEntry(post.date, "Post held", post.post, post.organisation, None, post.provenance)
        for post in view.posts.items
    ]
    for membership in view.memberships.items:
        notes = [capfirst(membership.change)] if membership.change else []
        if membership.ended:
            notes.append(f"until {long_date(membership.ended)}")
        if membership.period:
            notes.append(membership.period)
        entries.append(
            TimelineEntry(
                membership.began or membership.ended,
                f"{capfirst(membership.role)} of",
                membership.organisation,
                None,
                ", ".join(notes) or None,
                membership.provenance,
            )
        )
    for attendance in view.attended.items:
        meeting, body = attendance.meeting.meeting, attendance.meeting.body
        for capacity in attendance.capacities:
            if capacity == "member":
                continue
            entries.append(
                TimelineEntry(
                    attendance.meeting.date,
                    f"{capfirst(capacity)} at the meeting of",
                    meeting.model_copy(update={"label": body.label}) if body else meeting,
                    None,
                    None,
                    attendance.provenance,
                )
            )
    entries.sort(key=lambda entry: entry.when or "", reverse=True)
    groups: dict[str, YearGroup] = {}
    for entry in entries:
        year = entry.when[:4] if entry.when else "Date not given"
        groups.setdefault(year, YearGroup(year)).entries.append(entry)
    return list(groups.values())


def reading_order(statement: str) -> tuple[str, int]:
    """A sort key that puts `{doc}/item/2` before `{doc}/item/10`: statements are numbered in reading order."""
    head, _, number = statement.rpartition("/")
    return (head, int(number)) if number.isdigit() else (statement, 0)


def by_meeting(decisions: list[Decision]) -> list[tuple[MeetingSummary, list[Decision]]]:
    """Decisions in groups by meeting, meetings in the order given, decisions in reading order."""
    groups: dict[str, tuple[MeetingSummary, list[Decision]]] = {}
    for decision in decisions:
        groups.setdefault(decision.meeting.meeting.iri, (decision.meeting, []))[1].append(decision)
    return [(meeting, sorted(group, key=lambda d: reading_order(d.statement))) for meeting, group in groups.values()]


def attendance_by_status(attendance: list[Attendance]) -> list[tuple[str, list[Attendance]]]:
    """A meeting's attendance in groups: present, in attendance, apologies, absent, then any other status."""
    groups: dict[str, list[Attendance]] = {}
    for record in attendance:
        groups.setdefault(record.status or "status not given", []).append(record)
    order = {status: position for position, status in enumerate(_STATUS_ORDER)}
    return sorted(groups.items(), key=lambda group: (order.get(group[0], len(order)), group[0]))


def items_with_decisions(
    items: list[Item], decisions: list[Decision]
) -> tuple[list[tuple[Item, list[Decision]]], list[Decision]]:
    """Each agenda item with the decisions made on it, and the decisions that name no item shown."""
    on_item: dict[str, list[Decision]] = {item.statement: [] for item in items}
    loose: list[Decision] = []
    for decision in decisions:
        if decision.item is not None and decision.item.iri in on_item:
            on_item[decision.item.iri].append(decision)
        else:
            loose.append(decision)
    return [(item, on_item[item.statement]) for item in items], loose


@dataclass(frozen=True)
class Value:
    """One object of a triple as a page shows it: a link to a node, or a literal with its language or type."""

    link: Link | None = None
    text: str | None = None
    note: str | None = None


@dataclass
class Property:
    """One predicate of a resource with the values shown (at most SHOWN) and how many it has in all."""

    iri: str
    label: str
    prefixed: str
    values: list[Value] = field(default_factory=list)
    total: int = 0


def prefixed(iri: str) -> str:
    for prefix, namespace in PREFIXES.items():
        if iri.startswith(namespace):
            return f"{prefix}:{iri[len(namespace) :]}"
    return iri


class EntityPages:
    """Renders the page of any IRI under the base IRI, and serves the search results page."""

    def __init__(self, services: GraphServices, templates: Jinja2Templates) -> None:
        self.services = services
        self.namer = services.namer
        self.relations = services.relations
        self.reader = services.relations.reader
        self.templates = templates
        filters: dict[str, Callable[..., Any]] = {
            "long_date": long_date,
            "clock": clock,
            "capfirst": capfirst,
            "file_name": file_name,
            "quote_href": self.quote_href,
        }
        templates.env.filters.update(filters)

    # Links -------------------------------------------------------------------------------------------------

    def quote_href(self, provenance: Provenance) -> str:
        """The document page with the quote highlighted and scrolled to, or the page alone without offsets."""
        page = self.namer.page(provenance.document) or provenance.document
        if provenance.start is None or provenance.end is None:
            return page
        return f"{page}?{urlencode({'start': provenance.start, 'end': provenance.end})}#quote"

    def api_path(self, iri: str, **params: str | int) -> str | None:
        """The JSON view of an entity on this service, with query parameters, or None for an IRI not ours."""
        if not iri.startswith(self.namer.base_iri):
            return None
        path = "/api/" + iri[len(self.namer.base_iri) :]
        return f"{path}?{urlencode(params)}" if params else path

    def conflicts_href(self, role: str, iri: str) -> str:
        """The conflicts page with only the findings about one person or organisation, named by its part below
        the base IRI as the page's filters name it."""
        return "/conflicts?" + urlencode({role: iri.removeprefix(self.namer.base_iri)})

    # Responses ---------------------------------------------------------------------------------------------

    def _page(self, request: Request, template: str, context: dict[str, Any], status: int = 200) -> HTMLResponse:
        headers = {"Content-Security-Policy": _CSP, "Vary": "Accept"}
        return self.templates.TemplateResponse(request, template, context, status_code=status, headers=headers)

    def render(self, request: Request, iri: str) -> Response:
        """The HTML page of any IRI the graph holds, or a 404 page that says so."""
        header = self.relations.header(iri)
        if header is None:
            return self._page(request, "not_found.html", {"iri": iri}, status=404)
        view = self.relations.view(iri, Window(SHOWN, 0))
        context: dict[str, Any] = {"iri": iri, "header": header, "api": self.api_path(iri)}
        if isinstance(view, PersonView):
            return self._page(request, "entity_person.html", {**context, **self._person(view)})
        if isinstance(view, OrganisationView):
            return self._page(request, "entity_organisation.html", {**context, **self._organisation(view)})
        if isinstance(view, BodyView):
            return self._page(request, "entity_body.html", {**context, **self._body(view)})
        if isinstance(view, MeetingView):
            return self._page(request, "entity_meeting.html", {**context, **self._meeting(view)})
        context["api"] = None
        if str(CG.MinutesDocument) in header.types:
            return self._page(request, "document.html", {**context, **self._document(request, iri)})
        return self._page(request, "resource.html", {**context, **self._resource(header)})

    # Views -------------------------------------------------------------------------------------------------

    def _more(self, page: Page[Any], iri: str, **params: str | int) -> dict[str, Any] | None:
        """The 'and N more' note of a list cut at SHOWN items, linking to the rest in the JSON API."""
        left = page.total - page.offset - len(page.items)
        if left <= 0:
            return None
        return {"count": left, "href": self.api_path(iri, limit=SHOWN, offset=page.offset + len(page.items), **params)}

    def _kind_line(self, header: EntityHeader) -> str:
        """What an organisation is, in words: 'school', 'public body', or 'organisation'."""
        general = {str(ORG.Organization), str(ORG.FormalOrganization), str(ORG.OrganizationalUnit)}
        kinds = [self.namer.term(t) for t in header.types if t.startswith(str(CG)) and t not in general]
        return ", ".join(kinds) or "organisation"

    def _person(self, view: PersonView) -> dict[str, Any]:
        return {
            "view": view,
            "other_names": [name for name in view.names if name != view.label],
            "timeline": person_timeline(view),
            "conflicts": self.conflicts_href("person", view.iri),
            "more": {
                name: self._more(getattr(view, name), view.iri)
                for name in ("posts", "memberships", "attended", "declarations", "questions")
            },
        }

    def _organisation(self, view: OrganisationView) -> dict[str, Any]:
        return {
            "view": view,
            "kind_line": self._kind_line(view),
            "conflicts": self.conflicts_href("organisation", view.iri),
            "other_names": [name for name in view.names if name != view.label],
            "more": {
                name: self._more(getattr(view, name), view.iri)
                for name in ("people", "posts", "items", "decisions", "declarations")
            },
        }

    def _body(self, view: BodyView) -> dict[str, Any]:
        reference = view.iri.removeprefix(self.namer.base_iri)
        meetings = sorted(view.meetings.items, key=lambda summary: summary.date or "", reverse=True)
        return {
            "view": view,
            "meetings": meetings,
            "other_names": [n for n in view.names if n != view.label and n not in view.former_names],
            "more": {
                name: self._more(getattr(view, name), view.iri) for name in ("bodies", "meetings", "members", "chairs")
            },
            "decisions_shown": view.decisions.items[:RECENT_DECISIONS],
            "decisions_by_meeting": by_meeting(view.decisions.items[:RECENT_DECISIONS]),
            "decisions_href": f"/api/decisions?{urlencode({'body': reference})}",
        }

    def _meeting(self, view: MeetingView) -> dict[str, Any]:
        in_order = sorted(view.items.items, key=lambda item: reading_order(item.statement))
        items, loose = items_with_decisions(in_order, view.decisions.items)
        facts: list[Attendance | Item | Decision] = [*view.attendance.items, *view.items.items, *view.decisions.items]
        return {
            "view": view,
            "document_name": next((file_name(f.provenance.source) for f in facts if f.provenance.source), None),
            "attendance": attendance_by_status(view.attendance.items),
            "items": items,
            "loose_decisions": loose,
            "more": {
                name: self._more(getattr(view, name), view.iri)
                for name in ("attendance", "items", "decisions", "declarations")
            },
        }

    def _document(self, request: Request, iri: str) -> dict[str, Any]:
        rows = self.reader.rows("api/document_text", {"doc": ox.NamedNode(iri)})
        text = rows[0]["text"] if rows else ""
        meetings = sorted(
            {
                row["meeting"]: self.namer.link(row["meeting"], row.get("meetingLabel"))
                for row in rows
                if "meeting" in row
            }.values(),
            key=lambda link: link.label,
        )
        start, end = _offset(request, "start"), _offset(request, "end")
        span = (start, end) if start is not None and end is not None and 0 <= start < end <= len(text) else None
        parts = (text[: span[0]], text[span[0] : span[1]], text[span[1] :]) if span else (text, None, None)
        return {
            "source": rows[0]["source"] if rows else "",
            "title": rows[0].get("title") if rows else None,
            "meetings": meetings,
            "before": parts[0],
            "quote": parts[1],
            "after": parts[2],
            "span": span,
            "characters": len(text),
        }

    def _resource(self, header: EntityHeader) -> dict[str, Any]:
        objects: dict[str, list[Any]] = {}
        for triple in self.reader.triples_about(header.iri):
            if triple.predicate.value not in _HIDDEN_PREDICATES:
                objects.setdefault(triple.predicate.value, []).append(triple.object)
        shown = {predicate: values[:SHOWN] for predicate, values in objects.items()}
        nodes = {header.iri} | {v.value for values in shown.values() for v in values if isinstance(v, ox.NamedNode)}
        labels: dict[str, str] = {}
        provenance: Provenance | None = None
        for row in self.reader.rows("api/labels", {"node": [ox.NamedNode(n) for n in sorted(nodes)]}):
            if "label" in row:
                labels.setdefault(row["node"], row["label"])
            if row["node"] == header.iri and "quote" in row and provenance is None:
                provenance = self.namer.provenance(row)
        properties = [
            Property(
                predicate,
                self._term(predicate),
                prefixed(predicate),
                [self._value(value, labels) for value in values],
                len(objects[predicate]),
            )
            for predicate, values in shown.items()
        ]
        types = [self.namer.term(t) for t in header.types]
        title = labels.get(header.iri) or f"{capfirst(types[0]) if types else 'Resource'} {self.namer.term(header.iri)}"
        holders = self._holders(header) if header.kind == "post" else []
        return {
            "title": title,
            "type_line": ", ".join(types),
            "properties": sorted(properties, key=lambda p: (p.iri != str(RDF.type), p.label)),
            "provenance": provenance,
            "holders": holders[:SHOWN],
            "more_holders": len(holders) - SHOWN if len(holders) > SHOWN else 0,
        }

    def _term(self, iri: str) -> str:
        """A term's label from the ontology, else its local name in words ('heldBy' reads 'held by')."""
        if iri in self.namer.term_labels:
            return self.namer.term_labels[iri]
        return _CAMEL.sub(" ", self.namer.term(iri)).lower()

    def _value(self, term: Any, labels: dict[str, str]) -> Value:
        if isinstance(term, ox.NamedNode):
            label = labels.get(term.value) or (
                self._term(term.value) if not self.namer.page(term.value) else term.value
            )
            return Value(link=self.namer.link(term.value, label))
        if isinstance(term, ox.Literal):
            datatype = term.datatype.value if term.datatype else ""
            if datatype in (f"{_XSD}date", f"{_XSD}dateTime"):
                shown = long_date(term.value) + (f", {clock(term.value)}" if clock(term.value) else "")
                return Value(text=shown, note=prefixed(datatype))
            if term.language:
                return Value(text=term.value, note=term.language)
            note = prefixed(datatype) if datatype and datatype != f"{_XSD}string" else None
            return Value(text=term.value, note=note)
        return Value(text=str(term))

    def _holders(self, header: EntityHeader) -> list[PostHeld]:
        """Who the minutes say holds a post, when, and where they say so."""
        return [
            PostHeld(
                statement=row["statement"],
                post=self.namer.link(row["post"], row.get("postLabel")),
                organisation=header.part_of,
                holder=self.namer.link(row["holder"], row.get("holderLabel")),
                date=row["start"][:10] if "start" in row else None,
                provenance=self.namer.provenance(row),
            )
            for row in self.reader.rows("api/post_holdings", {"post": ox.NamedNode(header.iri)})
        ]

    # Search ------------------------------------------------------------------------------------------------

    def search_page(self, request: Request, q: str, kind: str | None, offset: int) -> HTMLResponse:
        wanted: EntityKind | None = kind if kind in _KINDS else None  # type: ignore[assignment]
        query = q.strip()
        counts = {k: self.services.search.search(query, k, 0, 0).total for k, _ in _SEARCH_KINDS} if query else {}
        results: Page[SearchHit] = self.services.search.search(query, wanted, SEARCH_PAGE, offset)
        kind_names = dict(_SEARCH_KINDS)

        def href(**changes: str | int | None) -> str:
            params: dict[str, str | int | None] = {"q": query, "kind": wanted, **changes}
            return "/search?" + urlencode({k: v for k, v in params.items() if v not in (None, "", 0)})

        filters = [("All", None, sum(counts.values()))] + [(kind_names[k], k, n) for k, n in counts.items() if n]
        context = {
            "q": query,
            "kind": wanted,
            "kind_names": kind_names,
            "results": results,
            "filters": [(name, k, n, href(kind=k, offset=None)) for name, k, n in filters],
            "previous": href(offset=max(offset - SEARCH_PAGE, 0)) if offset > 0 else None,
            "next": href(offset=offset + SEARCH_PAGE) if offset + SEARCH_PAGE < results.total else None,
            "api": "/api/search?" + urlencode({"q": query, **({"kind": wanted} if wanted else {})}),
        }
        return self._page(request, "search.html", context)

    def router(self) -> APIRouter:
        """The /search page: GET /search?q=&kind=&offset=."""
        router = APIRouter(include_in_schema=False)

        @router.get("/search", response_class=HTMLResponse)
        async def search(request: Request, q: str = "", kind: str | None = None, offset: str = "0") -> HTMLResponse:
            start = int(offset) if offset.isdigit() else 0
            return await run_in_threadpool(self.search_page, request, q, kind, start)

        return router


def _offset(request: Request, name: str) -> int | None:
    value = request.query_params.get(name, "")
    return int(value) if value.isdigit() else None
