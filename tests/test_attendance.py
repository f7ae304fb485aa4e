"""Rule tests for `graph.extract.attendance`: attendance lists, capacities, apologies and absence in prose,
chairs named on their own line, and the posts and organisations written after names."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from graph.extract.attendance import RosterReading, read_attendance, status_for_heading
from graph.models import AttendanceStatus, Capacity
from graph.read import read_bytes
from graph.segment import segment

PRESENT = AttendanceStatus.PRESENT
APOLOGIES = AttendanceStatus.APOLOGIES
ABSENT = AttendanceStatus.ABSENT
IN_ATTENDANCE = AttendanceStatus.IN_ATTENDANCE

HEADER = "Minutes of the Finance Committee held on 2 April 2024\n\n"
ITEMS = "\n1. WELCOME\nThe Chair opened the meeting.\n2. CLOSE\nDone.\n"


class Seen(NamedTuple):
    family: str
    status: AttendanceStatus
    capacities: tuple[Capacity, ...]


def seen(family: str, status: AttendanceStatus, *capacities: Capacity) -> Seen:
    return Seen(family, status, capacities)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def reading_of(snippet: str) -> tuple[RosterReading, str]:
    doc = read_bytes((HEADER + snippet).encode(), "snippet.txt")
    return read_attendance(segment(doc)), doc.folded


CASES: list[tuple[str, set[Seen]]] = [
    (
        "PRESENT: Councillor A. Okafor (Chair), Councillor B. Lindqvist (Vice-Chair), Councillor C. Moss\n\n"
        "Apologies: Councillor D. Brightwell\n\nIn Attendance:\nMrs Jane Turnbull, Town Clerk\n" + ITEMS,
        {
            seen("Okafor", PRESENT, Capacity.CHAIR),
            seen("Lindqvist", PRESENT, Capacity.VICE_CHAIR),
            seen("Moss", PRESENT),
            seen("Brightwell", APOLOGIES),
            seen("Turnbull", IN_ATTENDANCE),
        },
    ),
    (  # one plural title shared by a list of names
        "Present:\nCouncillors Okafor, Moss and Lindqvist\n\nAbsent: Councillor Reyes\n" + ITEMS,
        {seen("Okafor", PRESENT), seen("Moss", PRESENT), seen("Lindqvist", PRESENT), seen("Reyes", ABSENT)},
    ),
    (  # apologies in prose and from the sender's side
        "1. WELCOME\nApologies for absence were received from Councillor Brightwell and Councillor Abara. "
        "Councillor Thorne sent apologies.\n2. CLOSE\nDone.\n",
        {seen("Brightwell", APOLOGIES), seen("Abara", APOLOGIES), seen("Thorne", APOLOGIES)},
    ),
    (  # the chair on a line of their own; co-opted members list
        "Mrs B. Ellery CC - in the Chair\n\nPresent: Mr K. Abara CC, Dr Ana Lindqvist CC\n\n"
        "Co-opted Members: Mr Tom Reyes (Riverside Academy)\n" + ITEMS,
        {
            seen("Ellery", PRESENT, Capacity.CHAIR),
            seen("Abara", PRESENT),
            seen("Lindqvist", PRESENT),
            seen("Reyes", PRESENT, Capacity.CO_OPTED),
        },
    ),
    (  # posts written before the people who hold them
        "Present: Councillor Okafor (Chair)\n"
        "Also present: Chief Executive - Helen Ward, Director of Finance - Sam Ortiz\n" + ITEMS,
        {seen("Okafor", PRESENT, Capacity.CHAIR), seen("Ward", IN_ATTENDANCE), seen("Ortiz", IN_ATTENDANCE)},
    ),
    (  # someone who left the meeting was there
        "1. BUDGET\nThe report was discussed. Councillor Okafor left the meeting at 8.15pm.\n2. CLOSE\nDone.\n",
        {seen("Okafor", PRESENT)},
    ),
    (  # a capacity inside a long parenthesis is not this meeting's chair
        "Present: Councillor Okafor (Chair of the Riverside Academy governors), Councillor Moss\n" + ITEMS,
        {seen("Okafor", PRESENT), seen("Moss", PRESENT)},
    ),
    (  # a substitute is present in that capacity; the member replaced was not there
        "Present:\nCouncillor Okafor (Chair)\nCouncillor Moss (Substitute for Councillor Reyes)\n" + ITEMS,
        {seen("Okafor", PRESENT, Capacity.CHAIR), seen("Moss", PRESENT, Capacity.SUBSTITUTE)},
    ),
    (
        "Present: Councillor Okafor (Chair)\n\n1. APOLOGIES FOR ABSENCE\nApologies were received from Councillor "
        "Brightwell. Councillor Okafor welcomed Councillor Abara to her first meeting.\n2. CLOSE\nDone.\n",
        {seen("Okafor", PRESENT, Capacity.CHAIR), seen("Brightwell", APOLOGIES)},
    ),
    (
        "Present: Councillor Okafor (Chair)\n\n1. WELCOME\nCouncillor Reyes was absent.\n2. CLOSE\nDone.\n",
        {seen("Okafor", PRESENT, Capacity.CHAIR), seen("Reyes", ABSENT)},
    ),
    (
        "Present: Councillor Okafor (Chair), Councillor Moss\n\n1. WELCOME\nHello.\n2. CLOSE\n"
        "Councillor Moss gave her apologies for lateness and arrived at 7.45pm.\n",
        {seen("Okafor", PRESENT, Capacity.CHAIR), seen("Moss", PRESENT)},
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_attendance(snippet: str, expected: set[Seen]) -> None:
    reading, text = reading_of(snippet)
    found = {Seen(a.person.family, a.status, a.capacities) for a in reading.attendance}
    assert found == expected
    for fact in reading.attendance:
        assert fact.person.family.lower() in fact.evidence.text(text).lower()
        assert not fact.inferred


def test_posts_and_organisations_after_names() -> None:
    reading, _ = reading_of(
        "Present: Councillor Okafor (Chair)\n\nCo-opted Members: Mr Tom Reyes (Riverside Academy)\n\n"
        "In Attendance:\nMrs Jane Turnbull, Town Clerk\nAlso present: Director of Finance - Sam Ortiz\n" + ITEMS
    )
    holdings = {(h.holder.family, h.post.title, h.post.org) for h in reading.holdings}
    assert holdings == {("Turnbull", "Town Clerk", None), ("Ortiz", "Director of Finance", None)}
    affiliations = {(p.family, o.name, o.kind.value) for p, o in reading.affiliations}
    assert affiliations == {("Reyes", "Riverside Academy", "school")}


HEADING_CASES: list[tuple[str, AttendanceStatus, tuple[Capacity, ...]]] = [
    ("present", PRESENT, ()),
    ("P R E S E N T", PRESENT, ()),
    ("Councillors present", PRESENT, ()),
    ("apologiesforabsence", APOLOGIES, ()),
    ("Apologies received", APOLOGIES, ()),
    ("Absent", ABSENT, ()),
    ("Members not present", ABSENT, ()),
    ("Co-opted Members", PRESENT, (Capacity.CO_OPTED,)),
    ("Standing Invitees (non-voting)", IN_ATTENDANCE, (Capacity.STANDING_INVITEE,)),
    ("Substitutes", PRESENT, (Capacity.SUBSTITUTE,)),
    ("Also present", IN_ATTENDANCE, ()),
    ("In attendance", IN_ATTENDANCE, ()),
    ("Officers in attendance", IN_ATTENDANCE, ()),
    ("Public present", IN_ATTENDANCE, ()),
    (
        "membersofthepublic",
        IN_ATTENDANCE,
        (),
    ),
]


@pytest.mark.parametrize(("heading", "status", "capacities"), HEADING_CASES)
def test_status_for_heading(heading: str, status: AttendanceStatus, capacities: tuple[Capacity, ...]) -> None:
    assert status_for_heading(heading) == (status, capacities)
