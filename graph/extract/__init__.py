"""Extraction: read every fact from segmented minutes as references (names, titles), never identities."""

from __future__ import annotations

import re

from graph import patterns as P
from graph.extract.attendance import read_attendance
from graph.extract.holdings import read_holdings
from graph.extract.interests import read_declarations
from graph.extract.meeting import extract_meeting
from graph.extract.memberships import read_memberships
from graph.extract.mentions import find_organisations, find_posts, is_committee_name, post_at
from graph.extract.names import find_titled_people, person_at
from graph.extract.questions import read_questions
from graph.models import (
    AttendanceFact,
    AttendanceStatus,
    BodyRef,
    Capacity,
    DecisionFact,
    Extraction,
    ItemFact,
    MeetingFacts,
    MembershipFact,
    Minutes,
    OrgRef,
    PersonRef,
    PostHoldingFact,
    Span,
)

__all__ = ["extract"]


def _decisions(minutes: Minutes) -> list[DecisionFact]:
    text = minutes.document.folded
    facts: list[DecisionFact] = []
    for index, item in enumerate(minutes.items):
        for block in item.resolutions:
            for ordinal, clause in enumerate(block.clauses, start=1):
                body = re.sub(r"\s+", " ", clause.span.text(text)).strip()
                facts.append(
                    DecisionFact(
                        item_index=index,
                        text=body,
                        ordinal=ordinal if clause.label is not None else None,
                        label=clause.label,
                        evidence=clause.span,
                    )
                )
    return facts


def _within(span: Span, spans: list[Span]) -> bool:
    return any(outer.start <= span.start and span.end <= outer.end for outer in spans)


def _items(minutes: Minutes, records: list[Span]) -> tuple[list[ItemFact], list[BodyRef]]:
    """Items with the organisations their business mentions; names of committees are bodies, not organisations.

    A name inside a record of who attended or who declared what (`records`) is not business the item
    discussed: it says who someone is, and counting it would make every declaration "mention" its subject."""
    text = minutes.document.folded
    items: list[ItemFact] = []
    bodies: list[BodyRef] = []
    for item in minutes.items:
        mentions: list[OrgRef] = []
        for org in find_organisations(text, item.title_span.start, item.body.end):
            if is_committee_name(org.name):
                bodies.append(BodyRef(name=org.name, span=org.span))
            elif not _within(org.span, records):
                mentions.append(org)
        items.append(ItemFact(number=item.number, title=item.title, span=item.title_span, mentions=mentions))
    return items, bodies


def _contact(minutes: Minutes) -> tuple[list[PersonRef], list[PostHoldingFact]]:
    """ "Contact: Ed Brown, Senior Governance Officer" names an officer and the post they hold."""
    text = minutes.document.folded
    match = P.CONTACT.search(text, minutes.header.start, minutes.header.end)
    if not match:
        return [], []
    person = person_at(text, match.start("rest"), match.end("rest"))
    if person is None:
        return [], []
    after = re.match(r"[ \t]*,[ \t]*", text[person.span.end : match.end("rest")])
    if not after:
        return [person], []
    post = post_at(text, person.span.end + after.end(), match.end("rest"))
    if post is None:
        return [person], []
    return [person], [
        PostHoldingFact(post=post, holder=person, evidence=Span(start=person.span.start, end=post.span.end))
    ]


def _unique_holdings(holdings: list[PostHoldingFact]) -> list[PostHoldingFact]:
    """A roster line and the prose rule may read the same pair; keep the first reading of each span."""
    seen: set[tuple[int, int]] = set()
    unique: list[PostHoldingFact] = []
    for holding in holdings:
        key = (holding.holder.span.start, holding.post.span.start)
        if key not in seen:
            seen.add(key)
            unique.append(holding)
    return unique


def _chair_memberships(attendance: list[AttendanceFact], meeting: MeetingFacts) -> list[MembershipFact]:
    """Whoever chaired or vice-chaired the meeting holds that role on the body."""
    facts: list[MembershipFact] = []
    for fact in attendance:
        for role in (Capacity.CHAIR, Capacity.VICE_CHAIR):
            if role in fact.capacities and fact.status is AttendanceStatus.PRESENT:
                facts.append(
                    MembershipFact(
                        person=fact.person, body=meeting.body, role=role, change=None, evidence=fact.evidence
                    )
                )
    return facts


def extract(minutes: Minutes) -> Extraction:
    """Every fact of one document, each with the span of text it was read from."""
    text = minutes.document.folded
    meeting = extract_meeting(minutes)
    roster = read_attendance(minutes)
    declarations = read_declarations(minutes)
    inferred = [
        AttendanceFact(person=d.declarant, status=AttendanceStatus.PRESENT, evidence=d.evidence, inferred=True)
        for d in declarations
    ]
    attendance = roster.attendance + inferred
    contacts, contact_holdings = _contact(minutes)
    holdings = _unique_holdings(roster.holdings + contact_holdings + read_holdings(text))
    records = [d.evidence for d in declarations] + [a.evidence for a in roster.attendance]
    items, item_bodies = _items(minutes, records)
    memberships = read_memberships(minutes, meeting.body, meeting.date) + _chair_memberships(attendance, meeting)
    questions = read_questions(minutes)
    people = [
        *find_titled_people(text),
        *(a.person for a in attendance),
        *contacts,
        *(h.holder for h in holdings),
        *(p for p, _ in roster.affiliations),
    ]
    organisations = find_organisations(text) + [org for _, org in roster.affiliations]
    return Extraction(
        minutes=minutes,
        meeting=meeting,
        attendance=attendance,
        items=items,
        decisions=_decisions(minutes),
        declarations=declarations,
        memberships=memberships,
        posts=find_posts(text) + [h.post for h in holdings],
        holdings=holdings,
        questions=questions,
        people=people,
        organisations=[o for o in organisations if not is_committee_name(o.name)],
        bodies=item_bodies,
        affiliations=roster.affiliations,
    )
