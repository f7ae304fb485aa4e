"""Rule tests for `graph.extract.memberships`: members joining and leaving the meeting's body, and chairs
appointed with their term, all dated by the meeting. Snippets are invented minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any, NamedTuple

import pytest

from graph.extract import extract
from graph.extract.meeting import extract_meeting
from graph.extract.memberships import read_memberships
from graph.models import Capacity, MembershipChange
from graph.read import read_bytes
from graph.segment import segment

MEETING_DAY = dt.date(2024, 5, 14)
HEADER = "Minutes of the Annual Meeting of the Highways Committee held on 14 May 2024\n\n"
JOINS, LEAVES, APPOINTED = MembershipChange.JOINS, MembershipChange.LEAVES, MembershipChange.APPOINTED


class Change(NamedTuple):
    family: str
    role: Capacity
    change: MembershipChange | None
    begins: dt.date | None
    ends: dt.date | None
    term: str | None


def joins(family: str) -> Change:
    return Change(family, Capacity.MEMBER, JOINS, MEETING_DAY, None, None)


def leaves(family: str) -> Change:
    return Change(family, Capacity.MEMBER, LEAVES, None, MEETING_DAY, None)


def appointed(family: str, role: Capacity = Capacity.CHAIR, term: str | None = None) -> Change:
    return Change(family, role, APPOINTED, MEETING_DAY, None, term)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def changes_of(business: str) -> list[Change]:
    text = HEADER + f"1. WELCOME\nHello.\n2. BUSINESS\n{business}\n3. CLOSE\nDone.\n"
    minutes = segment(read_bytes(text.encode(), "snippet.txt"))
    meeting = extract_meeting(minutes)
    facts = read_memberships(minutes, meeting.body, meeting.date)
    for fact in facts:
        assert fact.body is not None and fact.body.name == "Highways Committee"
        assert fact.person.surface in fact.evidence.text(minutes.document.folded)
    return [Change(f.person.family, f.role, f.change, f.begins, f.ends, f.term) for f in facts]


CASES: list[tuple[str, list[Change]]] = [
    (
        "It was noted that Councillor Okafor was no longer a member of the Committee, and Councillor Moss would "
        "be joining the Committee in her place.",
        [leaves("Okafor"), joins("Moss")],
    ),
    ("Councillor Reyes had resigned from the committee.", [leaves("Reyes")]),
    ("Councillor Moss stepped down from the panel.", [leaves("Moss")]),
    ("The Chair thanked Councillor Reyes, who would be leaving the Committee after ten years.", [leaves("Reyes")]),
    ("Councillor Abara had joined the committee.", [joins("Abara")]),
    ("Councillor Okafor had been co-opted onto the committee.", [joins("Okafor")]),
    (
        "RESOLVED: That Councillor Lindqvist be elected Chair of the Committee for the municipal year 2024/25.",
        [appointed("Lindqvist", term="2024/25")],
    ),
    (
        "RESOLVED: That Mrs. H. Brightwell CC be appointed Vice-Chairman of the Committee for the period ending "
        "with the Annual Meeting of the County Council in 2025.",
        [
            appointed(
                "Brightwell",
                Capacity.VICE_CHAIR,
                "ending with the Annual Meeting of the County Council in 2025",
            )
        ],
    ),
    (
        "It was moved and seconded that Councillor Thorne be appointed as Deputy Chair.",
        [appointed("Thorne", Capacity.VICE_CHAIR)],
    ),
    ("The appointment of Councillor Okafor as Chairman was confirmed.", [appointed("Okafor")]),
    ("The Chair thanked members for their work over the year.", []),
    (
        "It was noted that Councillor Moss would be leaving the meeting early.",
        [],
    ),
    (
        "Councillor Okafor left the Council Chamber at 8pm.",
        [],
    ),
    (
        "Councillor Abara had been appointed to the governing body of Riverside Academy.",
        [],
    ),
    bug(
        "RESOLVED: That Councillor Moss be appointed Chair of the Allotments Working Group.",
        [],
        reason="chairing another group is read as chairing the meeting's committee",
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_membership_changes(snippet: str, expected: list[Change]) -> None:
    assert changes_of(snippet) == expected


def test_whoever_chaired_the_meeting_chairs_the_body() -> None:
    text = (
        HEADER + "Present: Councillor Okafor (Chair), Councillor Moss (Vice-Chair), Councillor Reyes\n"
        "Apologies: Councillor Abara (Chair of the Allotments Forum)\n\n1. WELCOME\nHello.\n2. CLOSE\nDone.\n"
    )
    extraction = extract(segment(read_bytes(text.encode(), "snippet.txt")))
    roles = {(m.person.family, m.role, m.change) for m in extraction.memberships}
    assert roles == {("Okafor", Capacity.CHAIR, None), ("Moss", Capacity.VICE_CHAIR, None)}
    assert all(m.body == extraction.meeting.body for m in extraction.memberships)
