"""Rule tests for `graph.extract.meeting`: council, body, date, start and end times and venue, from headers
and closing lines of invented minutes."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from graph import patterns as P
from graph.extract.meeting import extract_meeting, parse_date, parse_time
from graph.models import MeetingFacts
from graph.read import read_bytes
from graph.segment import segment

ITEMS = "\n\n1. APOLOGIES\nNone.\n2. REPORTS\nThe reports were noted.\n"


def meeting(**fields: str | None) -> dict[str, object]:
    """The facts a header states; dates as "2020-03-03" and times as "19:30". Fields left out are not checked."""
    out: dict[str, object] = {}
    for key, value in fields.items():
        if key == "date" and value is not None:
            out[key] = dt.date.fromisoformat(value)
        elif key in ("start", "end") and value is not None:
            out[key] = dt.time.fromisoformat(value)
        else:
            out[key] = value
    return out


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def facts_of(snippet: str) -> tuple[MeetingFacts, str]:
    doc = read_bytes(snippet.encode(), "snippet.txt")
    return extract_meeting(segment(doc)), doc.folded


def _venue(value: str | None) -> str | None:
    """ "the Village Hall" and "Village Hall" name one venue."""
    return value[4:] if value and value.lower().startswith("the ") else value


CASES: list[tuple[str, dict[str, object]]] = [
    (
        "Minutes of the Meeting of the Planning Committee held on Tuesday 3rd March 2020 at 7.30 pm in the "
        "Village Hall" + ITEMS + "The meeting closed at 9.15pm\n",
        meeting(
            council=None,
            body="Planning Committee",
            date="2020-03-03",
            start="19:30",
            end="21:15",
            venue="Village Hall",
        ),
    ),
    (
        "Ambridge Parish Council\nMinutes of the Ordinary Meeting of the Parish Council held on Monday 13 January "
        "2025 at 7pm at Ambridge Village Hall" + ITEMS + "Meeting ended: 21:05\n",
        meeting(
            council="Ambridge Parish Council",
            date="2025-01-13",
            start="19:00",
            end="21:05",
            venue="Ambridge Village Hall",
        ),
    ),
    (
        "Cabinet - Monday, 6 May 2024 10:00 am\n\nVenue: Council Chamber, Town Hall, Borchester" + ITEMS,
        meeting(
            body="Cabinet", date="2024-05-06", start="10:00", end=None, venue="Council Chamber, Town Hall, Borchester"
        ),
    ),
    (
        "LOAMSHIRE DISTRICT COUNCIL\nMINUTES OF THE LICENSING SUB-COMMITTEE\nDate: Thursday 9 November 2023\n"
        "Time: 2.00 pm\nPlace: Committee Room 2, District Council Offices" + ITEMS + "The meeting closed at 3.05 pm.\n",
        meeting(
            council="Loamshire District Council",
            body="Licensing Sub-Committee",
            date="2023-11-09",
            start="14:00",
            end="15:05",
            venue="Committee Room 2, District Council Offices",
        ),
    ),
    (
        "Minutes of the Felpersham City Council Licensing Committee meeting held on 14/02/2023 at 14:00" + ITEMS,
        meeting(council="Felpersham City Council", body="Licensing Committee", date="2023-02-14", start="14:00"),
    ),
    (
        "Borsetshire County Council\nMinutes of a meeting of the Highways and Transport Committee held at County "
        "Hall, Borchester on 12 February 2019." + ITEMS + "The meeting concluded at 11.40 am.\n",
        meeting(
            council="Borsetshire County Council",
            body="Highways and Transport Committee",
            date="2019-02-12",
            start=None,
            end="11:40",
            venue="County Hall, Borchester",
        ),
    ),
    (  # an adjournment is not the end; the last closing line is
        "Minutes of the Meeting of the Finance Committee held on 2024-04-02" + ITEMS + "The meeting adjourned at "
        "8.00pm and reconvened at 8.10pm.\n3. CLOSE\nThe meeting closed at 10.30 pm.\n",
        meeting(body="Finance Committee", date="2024-04-02", end="22:30"),
    ),
    (
        "Minutes of the meeting of Hollerton Town Council held on 1st July 2022 at 7.00pm in the Pavilion."
        + ITEMS
        + "The meeting closed at 8.45 p.m.\n",
        meeting(council="Hollerton Town Council", date="2022-07-01", start="19:00", end="20:45", venue="Pavilion"),
    ),
    (  # no date in the header: never the date of the next meeting from the body
        "Minutes of the Meeting of the Allotments Committee\n\n1. APOLOGIES\nNone.\n2. NEXT MEETING\n"
        "The next meeting will be on Tuesday 5 May 2020 at 7.30pm.\n",
        meeting(body="Allotments Committee", date=None, start=None, end=None),
    ),
    bug(
        "Minutes of the Allotments Committee\n\nThe Chair welcomed members. The next meeting will be on "
        "Tuesday 5 May 2020 at 7.30pm.\n",
        meeting(date=None, start=None),
        reason="with no numbered items the header is the whole document, so the next meeting's date is taken",
    ),
    (
        "Minutes of the Planning Committee held on 3 March 2020" + ITEMS,
        meeting(body="Planning Committee", date="2020-03-03"),
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_meeting_facts(snippet: str, expected: dict[str, object]) -> None:
    facts, text = facts_of(snippet)
    found: dict[str, object] = {
        "council": facts.council,
        "body": facts.body.name if facts.body else None,
        "date": facts.date,
        "start": facts.start,
        "end": facts.end,
        "venue": _venue(facts.venue),
    }
    assert {key: found[key] for key in expected} == expected
    if facts.date_span is not None:
        match = P.DATE.fullmatch(facts.date_span.text(text))
        assert match is not None and parse_date(match) == facts.date


SPAN_CASES: list[tuple[str, str]] = [
    ("Minutes of the Meeting of the Planning Committee held on 3 March 2020" + ITEMS, "Planning Committee"),
    ("Cabinet - Monday, 6 May 2024 10:00 am" + ITEMS, "Cabinet"),
    (
        "Minutes of the Felpersham City Council Licensing Committee meeting held on 14/02/2023" + ITEMS,
        "Licensing Committee",
    ),
    bug(
        "LOAMSHIRE DISTRICT COUNCIL\nMINUTES OF THE LICENSING SUB-COMMITTEE\nDate: Thursday 9 November 2023" + ITEMS,
        "LICENSING SUB-COMMITTEE",
        reason="in an upper-case 'MINUTES OF THE X' title the body's span starts at 'MINUTES', not at the body's name",
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), SPAN_CASES)
def test_body_span_points_at_the_body_name(snippet: str, expected: str) -> None:
    facts, text = facts_of(snippet)
    assert facts.body is not None
    assert facts.body.span.text(text) == expected


TIME_CASES: list[tuple[str, str | None]] = [
    ("7.30pm", "19:30"),
    ("at 7 p.m.", "19:00"),
    ("12.30 pm", "12:30"),
    ("12.15 am", "00:15"),
    ("21:05", "21:05"),
    ("10.00 hrs", "10:00"),
    ("12 noon", "12:00"),
    ("midday", "12:00"),
    ("13.00 pm", "13:00"),
    ("item 7", None),
    ("page 2.5", None),
]


@pytest.mark.parametrize(("text", "expected"), TIME_CASES)
def test_parse_time(text: str, expected: str | None) -> None:
    assert parse_time(text) == (dt.time.fromisoformat(expected) if expected else None)
