"""Turn a resolved document into RDF: its own graph of statements, and records of the entities it mentions."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from graph import __version__
from graph.describe import describe, readable
from graph.identity import IriMinter
from graph.models import (
    AttendanceFact,
    AttendanceStatus,
    Capacity,
    EntityRecord,
    InterestKind,
    MembershipChange,
    ResolvedDocument,
    Span,
    ref_key,
)
from graph.vocab import CG, DCTERMS, ORG, PREFIXES, PROV, RDF, RDFS, SCHEMA, TIME

__all__ = ["DocumentGraph", "build", "entity_graph"]

_STATUS = {
    AttendanceStatus.PRESENT: CG.Present,
    AttendanceStatus.IN_ATTENDANCE: CG.InAttendance,
    AttendanceStatus.APOLOGIES: CG.Apologies,
    AttendanceStatus.ABSENT: CG.Absent,
}
_STATUS_RANK = [
    AttendanceStatus.PRESENT,
    AttendanceStatus.IN_ATTENDANCE,
    AttendanceStatus.APOLOGIES,
    AttendanceStatus.ABSENT,
]
_CAPACITY = {
    Capacity.CHAIR: CG.Chair,
    Capacity.VICE_CHAIR: CG.ViceChair,
    Capacity.MEMBER: CG.Member,
    Capacity.SUBSTITUTE: CG.Substitute,
    Capacity.CO_OPTED: CG.CoOptedMember,
    Capacity.STANDING_INVITEE: CG.StandingInvitee,
}
_INTEREST = {
    InterestKind.DISCLOSABLE_PECUNIARY: CG.DisclosablePecuniaryInterest,
    InterestKind.OTHER_REGISTRABLE: CG.OtherRegistrableInterest,
    InterestKind.PERSONAL: CG.PersonalInterest,
    InterestKind.PREJUDICIAL: CG.PrejudicialInterest,
    InterestKind.OTHER: CG.OtherInterest,
}
_CHANGE = {
    MembershipChange.JOINS: CG.Joins,
    MembershipChange.LEAVES: CG.Leaves,
    MembershipChange.APPOINTED: CG.Appointed,
}


@dataclass(frozen=True)
class DocumentGraph:
    """A document's own named graph, and the shared entities it mentions as the store needs them."""

    doc_iri: str
    graph: Graph
    entities: list[EntityRecord]


class _Writer:
    """Writes statements into one document graph; every statement carries its provenance and quote."""

    def __init__(self, resolved: ResolvedDocument, minter: IriMinter) -> None:
        self.resolved = resolved
        self.minter = minter
        self.text = resolved.extraction.minutes.document.text
        self.doc = URIRef(resolved.doc_iri)
        self.meeting = URIRef(resolved.meeting_iri)
        self.graph = Graph()
        for prefix, namespace in PREFIXES.items():
            self.graph.bind(prefix, namespace)
        self.counters: dict[str, int] = {}

    def node(self, kind: str) -> URIRef:
        self.counters[kind] = self.counters.get(kind, 0) + 1
        return URIRef(IriMinter.statement(self.resolved.doc_iri, kind, self.counters[kind]))

    def add(self, *triples: tuple[URIRef, URIRef, URIRef | Literal]) -> None:
        for triple in triples:
            self.graph.add(triple)

    def statement(self, kind: str, rdf_class: URIRef, evidence: Span) -> URIRef:
        node = self.node(kind)
        quote = " ".join(evidence.text(self.text).split())
        self.add(
            (node, RDF.type, rdf_class),
            (node, PROV.wasDerivedFrom, self.doc),
            (node, CG.evidence, Literal(quote)),
            (node, CG.evidenceStart, Literal(evidence.start)),
            (node, CG.evidenceEnd, Literal(evidence.end)),
        )
        return node

    def iri(self, ref_key_value: str) -> URIRef:
        return URIRef(self.resolved.iris[ref_key_value])


def _document(w: _Writer) -> None:
    source = w.resolved.extraction.minutes.document
    activity = URIRef(f"{w.resolved.doc_iri}/activity")
    agent = URIRef(w.minter.agent(__version__))
    w.add(
        (w.doc, RDF.type, CG.MinutesDocument),
        (w.doc, DCTERMS.source, Literal(source.path)),
        (w.doc, DCTERMS.title, Literal(source.name)),
        (w.doc, CG.sha256, Literal(source.sha256)),
        (w.doc, CG.encoding, Literal(source.encoding)),
        (w.doc, CG.normalisedText, Literal(source.text)),
        (w.doc, PROV.wasGeneratedBy, activity),
        (activity, RDF.type, PROV.Activity),
        (activity, RDF.type, CG.ExtractionActivity),
        (activity, PROV.wasAssociatedWith, agent),
        (agent, RDF.type, PROV.SoftwareAgent),
        (agent, RDFS.label, Literal(f"councilgraph {__version__}")),
        (agent, SCHEMA.softwareVersion, Literal(__version__)),
    )


def _moment(day: dt.date, clock: dt.time | None) -> Literal:
    if clock is None:
        return Literal(day.isoformat(), datatype=XSD.date)
    return Literal(dt.datetime.combine(day, clock).isoformat(), datatype=XSD.dateTime)


def _meeting(w: _Writer) -> None:
    facts = w.resolved.extraction.meeting
    body_name = readable(facts.body.name) if facts.body else f"{facts.council or 'Council'} meeting"
    label = (
        f"{body_name}, {facts.date.isoformat()}"
        if facts.date
        else f"{body_name} ({w.resolved.extraction.minutes.document.name})"
    )
    w.add(
        (w.meeting, RDF.type, CG.Meeting),
        (w.meeting, RDFS.label, Literal(label)),
        (w.meeting, PROV.wasDerivedFrom, w.doc),
    )
    organiser = w.resolved.body_iri or w.resolved.council_iri
    if organiser:
        w.add((w.meeting, SCHEMA.organizer, URIRef(organiser)))
    if facts.date:
        w.add((w.meeting, SCHEMA.startDate, _moment(facts.date, facts.start)))
        if facts.end:
            w.add((w.meeting, SCHEMA.endDate, _moment(facts.date, facts.end)))
    if facts.venue:
        w.add((w.meeting, SCHEMA.location, Literal(facts.venue)))


def _merged_attendance(w: _Writer) -> list[tuple[str, AttendanceFact, set[Capacity]]]:
    """One attendance per person: a list beats an inference, then the most present status wins; capacities join."""
    chosen: dict[str, tuple[AttendanceFact, set[Capacity]]] = {}
    for fact in w.resolved.extraction.attendance:
        person = w.resolved.iris[ref_key(fact.person)]
        current = chosen.get(person)
        capacities = set(fact.capacities) | (current[1] if current else set())
        if (
            current is None
            or (current[0].inferred and not fact.inferred)
            or (
                current[0].inferred == fact.inferred
                and _STATUS_RANK.index(fact.status) < _STATUS_RANK.index(current[0].status)
            )
        ):
            chosen[person] = (fact, capacities)
        else:
            chosen[person] = (current[0], capacities)
    return [(person, fact, caps) for person, (fact, caps) in chosen.items()]


def _attendance(w: _Writer) -> None:
    for person, fact, capacities in _merged_attendance(w):
        node = w.statement("attendance", CG.Attendance, fact.evidence)
        w.add(
            (node, CG.meeting, w.meeting), (node, CG.attendee, URIRef(person)), (node, CG.status, _STATUS[fact.status])
        )
        for capacity in sorted(capacities):
            w.add((node, CG.capacity, _CAPACITY[capacity]))


def _items(w: _Writer) -> list[URIRef]:
    nodes: list[URIRef] = []
    items = w.resolved.extraction.items
    by_number: dict[str, URIRef] = {}
    for item in items:
        node = w.statement("item", CG.AgendaItem, item.span)
        w.add((node, CG.meeting, w.meeting), (node, DCTERMS.title, Literal(item.title)))
        if item.number:
            w.add((node, CG.itemNumber, Literal(item.number)))
            by_number.setdefault(item.number, node)
            parent = by_number.get(item.number.split(" ")[0])
            if " " in item.number and parent is not None:
                w.add((node, CG.parentItem, parent))
        for org in sorted({w.resolved.iris[ref_key(o)] for o in item.mentions}):
            w.add((node, CG.mentions, URIRef(org)))
        nodes.append(node)
    return nodes


def _decisions(w: _Writer, items: list[URIRef]) -> None:
    for decision in w.resolved.extraction.decisions:
        node = w.statement("decision", CG.Decision, decision.evidence)
        w.add(
            (node, CG.meeting, w.meeting),
            (node, CG.item, items[decision.item_index]),
            (node, SCHEMA.text, Literal(decision.text)),
        )
        if decision.ordinal is not None:
            w.add((node, CG.ordinal, Literal(decision.ordinal)))
        if decision.label is not None:
            w.add((node, CG.clauseLabel, Literal(decision.label)))


def _declarations(w: _Writer, items: list[URIRef]) -> None:
    for declaration in w.resolved.extraction.declarations:
        node = w.statement("declaration", CG.DeclarationOfInterest, declaration.evidence)
        w.add(
            (node, CG.meeting, w.meeting),
            (node, CG.declarant, w.iri(ref_key(declaration.declarant))),
            (node, SCHEMA.text, Literal(declaration.text)),
        )
        for org in declaration.subjects:
            w.add((node, CG.interestIn, w.iri(ref_key(org))))
        if declaration.kind is not None:
            w.add((node, CG.interestKind, _INTEREST[declaration.kind]))
        if declaration.item_index is not None:
            w.add((node, CG.item, items[declaration.item_index]))
        if declaration.withdrew:
            w.add((node, CG.withdrew, Literal(True)))


def _instant(w: _Writer, node: URIRef, day: dt.date | None, year: str | None, comment: str | None) -> URIRef | None:
    """A point in time known by date, or only by year ("the Annual Meeting of the County Council in 2019")."""
    if day is None and year is None:
        return None
    w.add((node, RDF.type, TIME.Instant))
    if day is not None:
        w.add((node, TIME.inXSDDate, Literal(day.isoformat(), datatype=XSD.date)))
    else:
        w.add((node, TIME.inXSDgYear, Literal(year, datatype=XSD.gYear)))
    if comment is not None:
        w.add((node, RDFS.comment, Literal(comment)))
    return node


def _term_end_year(term: str | None) -> str | None:
    """The year a term ends: "ending with the Annual Meeting ... in 2019" is 2019, "2023/24" is 2024."""
    if term is None:
        return None
    span = re.search(r"\b((?:19|20)\d{2})[/-](\d{2}|\d{4})\b", term)
    if span:
        end = span.group(2)
        return end if len(end) == 4 else span.group(1)[:2] + end
    year = re.search(r"\b(?:19|20)\d{2}\b", term)
    return year.group() if year else None


def _memberships(w: _Writer) -> None:
    body = w.resolved.body_iri
    if body is None:
        return
    for membership in w.resolved.extraction.memberships:
        node = w.statement("membership", ORG.Membership, membership.evidence)
        w.add(
            (node, ORG.member, w.iri(ref_key(membership.person))),
            (node, ORG.organization, URIRef(body)),
            (node, ORG.role, _CAPACITY[membership.role]),
        )
        if membership.change is not None:
            w.add((node, CG.membershipChange, _CHANGE[membership.change]))
        begins = _instant(w, URIRef(f"{node}/beginning"), membership.begins, None, None)
        ends = _instant(w, URIRef(f"{node}/end"), membership.ends, _term_end_year(membership.term), membership.term)
        if begins is None and ends is None:
            continue
        interval = URIRef(f"{node}/interval")
        w.add((node, ORG.memberDuring, interval), (interval, RDF.type, TIME.Interval))
        if begins is not None:
            w.add((interval, TIME.hasBeginning, begins))
        if ends is not None:
            w.add((interval, TIME.hasEnd, ends))


def _holdings(w: _Writer) -> None:
    for holding in w.resolved.extraction.holdings:
        post_key = ref_key(holding.post)
        if post_key not in w.resolved.iris:
            continue
        node = w.statement("holding", CG.PostHolding, holding.evidence)
        post, holder = w.iri(post_key), w.iri(ref_key(holding.holder))
        w.add(
            (node, CG.post, post), (node, CG.holder, holder), (node, CG.meeting, w.meeting), (post, ORG.heldBy, holder)
        )


def _questions(w: _Writer, items: list[URIRef]) -> None:
    for question in w.resolved.extraction.questions:
        node = w.statement("question", CG.PublicQuestion, question.evidence)
        w.add((node, CG.meeting, w.meeting), (node, CG.askedBy, w.iri(ref_key(question.asker))))
        if question.answered_by is not None and ref_key(question.answered_by) in w.resolved.iris:
            w.add((node, CG.answeredBy, w.iri(ref_key(question.answered_by))))
        if question.item_index is not None:
            w.add((node, CG.item, items[question.item_index]))


def _surface_forms(w: _Writer) -> None:
    for iri in sorted(w.resolved.forms):
        for form in w.resolved.forms[iri]:
            node = w.statement("form", CG.SurfaceForm, form.span)
            w.add((node, CG.refersTo, URIRef(iri)), (node, CG.surfaceForm, Literal(form.surface)))


def _entities(resolved: ResolvedDocument) -> list[EntityRecord]:
    return [
        EntityRecord(
            iri=iri,
            kind=resolved.kinds[iri],
            fixed=[(iri, p, o) for p, o in resolved.fixed.get(iri, [])],
            forms=sorted({f.surface for f in forms}),
        )
        for iri, forms in sorted(resolved.forms.items())
    ]


def entity_graph(entities: list[EntityRecord]) -> Graph:
    """The descriptions these entity records give on their own: what validation sees next to the document."""
    graph = Graph()
    for entity in entities:
        for s, p, o in entity.fixed:
            graph.add((URIRef(s), URIRef(p), URIRef(o)))
        for triple in describe(entity.iri, entity.kind, entity.forms):
            graph.add(triple)
    return graph


def build(resolved: ResolvedDocument, minter: IriMinter) -> DocumentGraph:
    """All statements of one document with provenance; shared entities go out as records, not triples."""
    w = _Writer(resolved, minter)
    _document(w)
    _meeting(w)
    _attendance(w)
    items = _items(w)
    _decisions(w, items)
    _declarations(w, items)
    _memberships(w)
    _holdings(w)
    _questions(w, items)
    _surface_forms(w)
    return DocumentGraph(doc_iri=resolved.doc_iri, graph=w.graph, entities=_entities(resolved))
