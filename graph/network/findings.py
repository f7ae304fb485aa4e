"""Conflict-of-interest findings: where a person with a recorded link to an organisation took part in business
that touches it.

Three kinds, one finding per person, organisation and meeting (the strongest kind wins):

- *declared and took part*: the person declared an interest in the organisation at a meeting where an item
  mentions it (or which the declaration names), and the finding says whether they withdrew;
- *possible undeclared interest*: the person has a recorded link to the organisation (a declaration at
  another meeting, a post in it, a membership of it), was at a meeting where an item mentions it, and made no
  declaration naming it there;
- *link to a decision-maker*: the person, linked to the organisation, chaired or sat on the body that took a
  decision on an item mentioning it, at a meeting they are not recorded at.

A link read from one meeting's minutes says little about a meeting years away, so a link without dates of its
own counts only within `LINK_WINDOW` of the meeting that recorded it. Organisations are outside bodies
(schools, companies, charities …), never a council or its committees, which every officer and member is
linked to. Findings are ranked (took part without withdrawing, then possible undeclared interests, then links
to decision-makers, then declared and withdrew; newest meeting first) and the order is total, so the same
store always gives the same list."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from graph.network.models import EntityRef, EvidenceStep, Finding, FindingKind
from graph.network.projection import Link, NodeKind, Projection, Relation, uncollected
from graph.vocab import CG

__all__ = ["LINK_WINDOW", "Conflicts", "entity_ref", "evidence_step", "find_conflicts"]

LINK_WINDOW = dt.timedelta(days=730)
_PRESENT = {str(CG.Present), str(CG.InAttendance)}
_ROLE_WORDS = {str(CG.Chair): "chaired", str(CG.ViceChair): "was vice-chair of"}


@dataclass(frozen=True)
class _Declaration:
    statement: str
    organisation: str
    meeting: str
    withdrew: bool
    items: tuple[str, ...]


@dataclass(frozen=True)
class _Tie:
    """A recorded link from a person to an organisation (a declaration at `meeting`, a `post` in it, or a
    membership of it), with the statement that records it and the dates it counts for."""

    organisation: str
    statement: str
    meeting: str | None
    post: str | None
    begin: dt.date | None
    end: dt.date | None


@dataclass(frozen=True)
class _Seat:
    body: str
    role: str | None
    statement: str
    begin: dt.date | None
    end: dt.date | None


def _date(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10]) if text else None
    except ValueError:
        return None


def _within(day: dt.date | None, begin: dt.date | None, end: dt.date | None) -> bool:
    """Whether a meeting on `day` falls in [begin, end]; an unknown day or bound rules nothing out."""
    return day is None or ((begin is None or begin <= day) and (end is None or day <= end))


@dataclass
class _Index:
    """The projection's links regrouped by the questions the findings ask."""

    network: Projection
    meeting_of_item: dict[str, str] = field(default_factory=dict)
    mentions: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    decisions_on: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    body_of: dict[str, str] = field(default_factory=dict)
    present: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))
    declarations: dict[str, list[_Declaration]] = field(default_factory=lambda: defaultdict(list))
    ties: dict[str, list[_Tie]] = field(default_factory=lambda: defaultdict(list))
    seats: dict[str, list[_Seat]] = field(default_factory=lambda: defaultdict(list))
    meeting_of_document: dict[str, str] = field(default_factory=dict)
    decided: dict[str, dict[str, list[str]]] = field(default_factory=lambda: defaultdict(lambda: defaultdict(list)))
    kinds: dict[str, NodeKind] = field(default_factory=dict)  # of the shared entities: people, organisations …
    days: dict[str, dt.date | None] = field(default_factory=dict)
    meeting_words: dict[str, str] = field(default_factory=dict)
    refs: dict[str, EntityRef] = field(default_factory=dict)

    def ref(self, iri: str) -> EntityRef:
        if iri not in self.refs:
            self.refs[iri] = entity_ref(self.network, iri)
        return self.refs[iri]

    def label(self, iri: str) -> str:
        return self.network.label(iri)

    def kind(self, iri: str) -> NodeKind:
        return self.kinds.get(iri, NodeKind.OTHER)

    def day(self, meeting: str | None) -> dt.date | None:
        return self.days.get(meeting) if meeting else None

    def recorded_at(self, statement: str) -> str | None:
        """The meeting whose minutes recorded `statement`."""
        evidence = self.network.evidence.get(statement)
        return self.meeting_of_document.get(evidence.document) if evidence else None


def _index(network: Projection) -> _Index:
    index = _Index(network)
    index.kinds = {iri: info.kind for iri, info in network.entities.items()}
    by_relation: dict[Relation, list[Link]] = defaultdict(list)
    # Documents in IRI order, not in the order they reached the network: the findings must not depend on it.
    documents = sorted(network.documents.items())
    for _, part in documents:
        for relation, links in part.by_relation.items():
            by_relation[relation].extend(links)
    for link in network.entity_links:
        by_relation[link.relation].append(link)
    for link in by_relation[Relation.ITEM_AT]:
        index.meeting_of_item[link.source] = link.target
    for doc, part in documents:
        for node, info in part.nodes.items():
            if info.kind is NodeKind.MEETING:
                index.meeting_of_document[doc] = node
                index.days[node] = _date(info.date)
    for link in by_relation[Relation.MENTIONS]:
        meeting = index.meeting_of_item.get(link.source)
        if meeting and index.kind(link.target) is NodeKind.ORGANISATION:
            index.mentions[meeting][link.target].append(link.source)
    for link in by_relation[Relation.DECISION_ON]:
        index.decisions_on[link.target].append(link.source)
    for link in by_relation[Relation.ORGANISED_BY]:
        index.body_of[link.source] = link.target
    for meeting, discussed in index.mentions.items():
        body = index.body_of.get(meeting)
        for organisation, items in discussed.items():
            if body and any(index.decisions_on.get(i) for i in items):
                index.decided[body][organisation].append(meeting)
    for link in by_relation[Relation.ATTENDED]:
        if link.status in _PRESENT:
            index.present[link.source][link.target] = link.statement
    _index_declarations(index, by_relation)
    _index_posts(index, by_relation)
    _index_memberships(index, by_relation[Relation.MEMBER_OF])
    return index


def _index_declarations(index: _Index, by_relation: dict[Relation, list[Link]]) -> None:
    meeting_of = {link.statement: link.target for link in by_relation[Relation.DECLARED_AT]}
    items_of: dict[str, list[str]] = defaultdict(list)
    for link in by_relation[Relation.DECLARED_ON_ITEM]:
        items_of[link.statement].append(link.target)
    for link in by_relation[Relation.DECLARED]:
        meeting = meeting_of.get(link.statement)
        if meeting is None or index.kind(link.target) is not NodeKind.ORGANISATION:
            continue
        declaration = _Declaration(link.statement, link.target, meeting, link.withdrew, tuple(items_of[link.statement]))
        index.declarations[link.source].append(declaration)
        day = index.day(meeting)
        index.ties[link.source].append(_Tie(link.target, link.statement, meeting, None, _minus(day), _plus(day)))


def _minus(day: dt.date | None) -> dt.date | None:
    return day - LINK_WINDOW if day else None


def _plus(day: dt.date | None) -> dt.date | None:
    return day + LINK_WINDOW if day else None


def _index_posts(index: _Index, by_relation: dict[Relation, list[Link]]) -> None:
    posts_in: dict[str, list[str]] = defaultdict(list)
    for link in by_relation[Relation.POST_IN]:
        if index.kind(link.target) is NodeKind.ORGANISATION:
            posts_in[link.source].append(link.target)
    for link in by_relation[Relation.HOLDS]:
        day = index.day(index.recorded_at(link.statement))
        for organisation in posts_in.get(link.target, []):
            tie = _Tie(organisation, link.statement, None, link.target, _minus(day), _plus(day))
            index.ties[link.source].append(tie)


def _index_memberships(index: _Index, memberships: list[Link]) -> None:
    for link in memberships:
        recorded = index.day(index.recorded_at(link.statement))
        begin, end = _date(link.begin), _date(link.end)
        if begin is None and end is None:
            begin, end = _minus(recorded), _plus(recorded)
        kind = index.kind(link.target)
        if kind is NodeKind.ORGANISATION:
            index.ties[link.source].append(_Tie(link.target, link.statement, None, None, begin, end))
        elif kind in (NodeKind.BODY, NodeKind.COUNCIL):
            index.seats[link.source].append(_Seat(link.target, link.role, link.statement, begin, end))


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def _human_date(day: dt.date | None) -> str:
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}" if day else "an undated meeting"


def _meeting_words(index: _Index, meeting: str) -> str:
    if meeting not in index.meeting_words:
        body = index.body_of.get(meeting)
        where = f"the {index.label(body)} meeting" if body else "the meeting"
        day = index.day(meeting)
        index.meeting_words[meeting] = f"{where} of {_human_date(day)}" if day else where
    return index.meeting_words[meeting]


def _item_words(index: _Index, item: str) -> str:
    info = index.network.node(item)
    number = f"item {info.number} " if info.number else "the item "
    return f"{number}“{info.label}”"


# The network's own values need no validation: models are constructed directly, which matters for the
# hundreds of thousands of them that all the findings of a large store hold.


def entity_ref(network: Projection, iri: str) -> EntityRef:
    info = network.node(iri)
    return EntityRef.model_construct(iri=iri, label=info.label, kind=info.kind.value, date=info.date)


def evidence_step(network: Projection, statement: str, says: str) -> EvidenceStep:
    evidence = network.evidence.get(statement)
    document = network.documents.get(evidence.document) if evidence else None
    return EvidenceStep.model_construct(
        says=says,
        statement=statement,
        document=evidence.document if evidence else None,
        source=document.source if document else None,
        quote=evidence.quote if evidence else None,
        start=evidence.start if evidence else None,
        end=evidence.end if evidence else None,
    )


@dataclass(frozen=True)
class _Case:
    """What one finding is about, and the records that make it: put into words only when it is shown."""

    kind: FindingKind
    person: str
    organisation: str
    meeting: str
    items: tuple[str, ...]
    withdrew: bool | None = None
    declaration: str | None = None
    attendance: str | None = None
    ties: tuple[_Tie, ...] = ()
    seat: _Seat | None = None


def _declared_and_took_part(index: _Index, person: str) -> Iterable[_Case]:
    for declaration in index.declarations.get(person, []):
        meeting, organisation = declaration.meeting, declaration.organisation
        items = sorted(set(index.mentions.get(meeting, {}).get(organisation, [])) | set(declaration.items))
        if items:
            yield _Case(
                FindingKind.DECLARED_AND_TOOK_PART,
                person,
                organisation,
                meeting,
                tuple(items),
                withdrew=declaration.withdrew,
                declaration=declaration.statement,
                attendance=index.present.get(person, {}).get(meeting),
            )


def _possible_undeclared(index: _Index, person: str) -> Iterable[_Case]:
    ties = index.ties.get(person, [])
    linked = {t.organisation for t in ties}
    declared_at = {(d.meeting, d.organisation) for d in index.declarations.get(person, [])}
    for meeting, attendance in sorted(index.present.get(person, {}).items()):
        discussed = index.mentions.get(meeting)
        if not discussed:
            continue
        day = index.day(meeting)
        for organisation in sorted(linked.intersection(discussed)):
            if (meeting, organisation) in declared_at:
                continue
            relevant = tuple(
                t
                for t in ties
                if t.organisation == organisation and t.meeting != meeting and _within(day, t.begin, t.end)
            )
            if relevant:
                items = tuple(sorted(set(discussed[organisation])))
                yield _Case(
                    FindingKind.POSSIBLE_UNDECLARED_INTEREST,
                    person,
                    organisation,
                    meeting,
                    items,
                    attendance=attendance,
                    ties=relevant,
                )


def _decision_maker(index: _Index, person: str) -> Iterable[_Case]:
    ties = index.ties.get(person, [])
    organisations = {t.organisation for t in ties}
    present = index.present.get(person, {})
    for seat in index.seats.get(person, []):
        decided = index.decided.get(seat.body, {})
        for organisation, meeting in sorted((o, m) for o in organisations.intersection(decided) for m in decided[o]):
            day = index.day(meeting)
            if meeting in present or not _within(day, seat.begin, seat.end):
                continue
            items = tuple(sorted(i for i in set(index.mentions[meeting][organisation]) if i in index.decisions_on))
            relevant = tuple(t for t in ties if t.organisation == organisation and _within(day, t.begin, t.end))
            if items and relevant:
                yield _Case(
                    FindingKind.LINK_TO_DECISION_MAKER, person, organisation, meeting, items, ties=relevant, seat=seat
                )


def _tie_words(index: _Index, tie: _Tie) -> str:
    organisation = index.label(tie.organisation)
    if tie.meeting is not None:
        return f"declared an interest in {organisation} at {_meeting_words(index, tie.meeting)}"
    if tie.post is not None:
        return f"holds the post of {index.label(tie.post)} at {organisation}"
    return f"is recorded as a member of {organisation}"


def _mention_steps(index: _Index, case: _Case) -> list[tuple[str, str]]:
    label, where = index.label(case.organisation), _meeting_words(index, case.meeting)
    return [(item, f"{_item_words(index, item)} at {where} mentions {label}") for item in case.items]


def _words(index: _Index, case: _Case) -> tuple[list[tuple[str, str]], str]:
    """The chain of evidence (statement, what it says) and the explanation of a finding."""
    name, organisation = index.label(case.person), index.label(case.organisation)
    where, items = _meeting_words(index, case.meeting), _list(_item_words(index, i) for i in case.items)
    steps = [(t.statement, f"{name} {_tie_words(index, t)}") for t in case.ties]
    links = _list(_tie_words(index, t) for t in case.ties) if case.ties else ""
    if case.kind is FindingKind.DECLARED_AND_TOOK_PART:
        assert case.declaration is not None
        steps.append((case.declaration, f"{name} declared an interest in {organisation}"))
        if case.attendance:
            steps.append((case.attendance, f"{name} attended {where}"))
        withdrew = "record that they withdrew" if case.withdrew else "do not record that they withdrew"
        verb = "mentions" if len(case.items) == 1 else "mention"
        reason = f"{name} declared an interest in {organisation} at {where}, where {items} {verb} it; the minutes "
        reason += f"{withdrew}."
        return steps + _mention_steps(index, case), reason
    if case.kind is FindingKind.POSSIBLE_UNDECLARED_INTEREST:
        assert case.attendance is not None
        steps.append((case.attendance, f"{name} attended {where}"))
        reason = (
            f"{name} attended {where}, where {items} mentions {organisation}, and the minutes record no "
            f"declaration by them naming it; {name} {links}."
        )
        return steps + _mention_steps(index, case), reason
    assert case.seat is not None
    role, body = _ROLE_WORDS.get(case.seat.role or "", "sat on"), index.label(case.seat.body)
    steps.append((case.seat.statement, f"{name} {role} {body}"))
    steps += _mention_steps(index, case)
    steps += [(d, f"{body} decided on {_item_words(index, i)}") for i in case.items for d in index.decisions_on[i]]
    reason = f"{name} {role} {body}, which decided on {items} mentioning {organisation} at {where}; {name} {links}."
    return steps, reason


def _list(words: Iterable[str]) -> str:
    parts = list(dict.fromkeys(words))
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


_ORDER = {
    FindingKind.DECLARED_AND_TOOK_PART: 0,
    FindingKind.POSSIBLE_UNDECLARED_INTEREST: 1,
    FindingKind.LINK_TO_DECISION_MAKER: 2,
}


def _rank(index: _Index, case: _Case) -> tuple[int, int, str, str, str, str]:
    """Took part without withdrawing, possible undeclared, decision-makers, withdrew; then newest first."""
    order = 3 if case.withdrew else _ORDER[case.kind]
    day = index.day(case.meeting)
    label = index.label
    return (
        order,
        -(day.toordinal() if day else 0),
        label(case.person),
        label(case.organisation),
        case.meeting,
        case.person,
    )


def _finding(index: _Index, case: _Case) -> Finding:
    network = index.network
    body = index.body_of.get(case.meeting)
    steps, reason = _words(index, case)
    return Finding.model_construct(
        kind=case.kind,
        person=index.ref(case.person),
        organisation=index.ref(case.organisation),
        meeting=index.ref(case.meeting),
        body=index.ref(body) if body else None,
        items=[index.ref(i) for i in case.items],
        decisions=[index.ref(d) for i in case.items for d in index.decisions_on.get(i, [])],
        withdrew=case.withdrew,
        explanation=reason,
        evidence=[evidence_step(network, statement, says) for statement, says in steps],
    )


@dataclass
class Conflicts:
    """Every finding of a network, worked out (who, what, where, the evidence and the explanation) and ranked,
    and put into response models only when asked for: a page of a long list needs only its own."""

    index: _Index
    cases: list[_Case]

    @classmethod
    def of(cls, network: Projection) -> Conflicts:
        """One case per person, organisation and meeting: the first rule to find it (the strongest) wins."""
        with uncollected():
            index = _index(network)
            people = sorted(set(index.declarations) | set(index.ties))
            cases: dict[tuple[str, str, str], _Case] = {}
            for rule in (_declared_and_took_part, _possible_undeclared, _decision_maker):
                for person in people:
                    for case in rule(index, person):
                        cases.setdefault((case.person, case.organisation, case.meeting), case)
            return cls(index, sorted(cases.values(), key=lambda case: _rank(index, case)))

    def select(
        self,
        person: str | None = None,
        organisation: str | None = None,
        body: str | None = None,
        since: dt.date | None = None,
        kind: FindingKind | None = None,
    ) -> list[_Case]:
        """The findings about a person, an organisation, a body's meetings, meetings since a date (IRIs), of a
        kind; in rank order."""
        index = self.index
        return [
            case
            for case in self.cases
            if (person is None or case.person == person)
            and (organisation is None or case.organisation == organisation)
            and (body is None or index.body_of.get(case.meeting) == body)
            and (since is None or ((day := index.day(case.meeting)) is not None and day >= since))
            and (kind is None or case.kind is kind)
        ]

    def findings(self, cases: Iterable[_Case]) -> list[Finding]:
        return [_finding(self.index, case) for case in cases]


def find_conflicts(network: Projection) -> list[Finding]:
    """Every finding in the network, de-duplicated per person, organisation and meeting, in rank order."""
    conflicts = Conflicts.of(network)
    return conflicts.findings(conflicts.cases)
