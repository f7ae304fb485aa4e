"""Joins, leaves and appointments to chair: memberships of the body with their dates."""

from __future__ import annotations

import datetime as dt
import re

from graph import patterns as P
from graph.extract.names import find_titled_people, person_at
from graph.extract.sentences import sentences
from graph.models import BodyRef, Capacity, MembershipChange, MembershipFact, Minutes, Span

__all__ = ["read_memberships"]


def _role(text: str) -> Capacity:
    return Capacity.VICE_CHAIR if re.match(r"(?i)(?:vice|deputy)", text) else Capacity.CHAIR


def _changes(text: str, sentence: Span, body: BodyRef | None, on: dt.date | None) -> list[MembershipFact]:
    """Each "joins"/"leaves" phrase belongs to the last person named before it in the sentence."""
    chunk = text[sentence.start : sentence.end]
    verbs = sorted(
        [(m.start(), MembershipChange.LEAVES) for m in P.MEMBERSHIP_LEAVES.finditer(chunk)]
        + [(m.start(), MembershipChange.JOINS) for m in P.MEMBERSHIP_JOINS.finditer(chunk)]
    )
    facts: list[MembershipFact] = []
    position = sentence.start
    for offset, change in verbs:
        people = list(find_titled_people(text, position, sentence.start + offset))
        if people:
            person = people[-1]
            facts.append(
                MembershipFact(
                    person=person,
                    body=body,
                    role=Capacity.MEMBER,
                    change=change,
                    begins=on if change is MembershipChange.JOINS else None,
                    ends=on if change is MembershipChange.LEAVES else None,
                    evidence=sentence,
                )
            )
        position = sentence.start + offset
    return facts


def _appointments(text: str, sentence: Span, body: BodyRef | None, on: dt.date | None) -> list[MembershipFact]:
    chunk = text[sentence.start : sentence.end]
    facts: list[MembershipFact] = []
    for match in P.APPOINTED_ROLE.finditer(chunk):
        group = "who" if match.group("who") is not None else "who2"
        role_group = "role" if match.group("role") is not None else "role2"
        start, end = sentence.start + match.start(group), sentence.start + match.end(group)
        people = list(find_titled_people(text, start, end))
        person = people[-1] if people else person_at(text, start, end)
        if person is None:
            continue
        term = P.PERIOD_ENDING.search(chunk)
        facts.append(
            MembershipFact(
                person=person,
                body=body,
                role=_role(match.group(role_group)),
                change=MembershipChange.APPOINTED,
                begins=on,
                term=re.sub(r"\s+", " ", term.group("what")) if term else None,
                evidence=sentence,
            )
        )
    return facts


def read_memberships(minutes: Minutes, body: BodyRef | None, on: dt.date | None) -> list[MembershipFact]:
    """Membership changes of the meeting's body, dated by the meeting."""
    text = minutes.document.folded
    facts: list[MembershipFact] = []
    for sentence in sentences(text, minutes.header.end):
        facts.extend(_changes(text, sentence, body, on))
        facts.extend(_appointments(text, sentence, body, on))
    return facts
