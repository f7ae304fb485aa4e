"""Rule tests for `graph.segment`: agenda item headings, sub-items, resolution blocks and their clauses,
text-table layouts and the attendance lists before the first item. Snippets are invented minutes."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from graph.models import Minutes
from graph.read import read_bytes
from graph.segment import segment

Clauses = tuple[tuple[str | None, str], ...]


class Item(NamedTuple):
    number: str | None
    title: str
    resolutions: tuple[Clauses, ...] = ()
    parent: str | None = None


def item(number: str | None, title: str, *resolutions: Clauses, parent: str | None = None) -> Item:
    return Item(number, title, resolutions, parent)


def resolved(*clauses: tuple[str | None, str]) -> Clauses:
    """One resolution block: its clauses as (label, text)."""
    return tuple(clauses)


def one(text: str) -> Clauses:
    """An unlabelled resolution of one clause."""
    return ((None, text),)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def minutes_of(snippet: str) -> Minutes:
    return segment(read_bytes(snippet.encode(), "snippet.txt"))


def items_of(minutes: Minutes) -> list[Item]:
    text = minutes.document.folded
    return [
        Item(
            i.number,
            i.title,
            tuple(tuple((c.label, c.span.text(text)) for c in block.clauses) for block in i.resolutions),
            i.parent,
        )
        for i in minutes.items
    ]


CASES: list[tuple[str, list[Item]]] = [
    (  # number alone on its line, title on the next; lettered clauses
        "Ambridge Parish Council\nMinutes of the meeting held on 3 March 2020\n\n"
        "12.\nApologies for Absence\nApologies were received from Councillor Okafor.\n\n"
        "13.\nPlanning Applications\nTwo applications were considered.\nRESOLVED:\n"
        "(a) That application 20/001 be approved;\n(b) That application 20/002 be refused.\n\n"
        "14.\nAny Other Business\nNone.\n",
        [
            item("12", "Apologies for Absence"),
            item(
                "13",
                "Planning Applications",
                resolved(("a", "That application 20/001 be approved;"), ("b", "That application 20/002 be refused.")),
            ),
            item("14", "Any Other Business"),
        ],
    ),
    (  # upper-case "12. TITLE" headings; AGREED with "1)" clauses
        "Minutes\n12. APOLOGIES\nNone received.\n13. PUBLIC QUESTIONS\nNone were asked.\n"
        "14. FINANCE REPORT\nAGREED:\n1) To approve the payments list.\n2) To note the bank reconciliation.\n",
        [
            item("12", "APOLOGIES"),
            item("13", "PUBLIC QUESTIONS"),
            item(
                "14",
                "FINANCE REPORT",
                resolved(("1", "To approve the payments list."), ("2", "To note the bank reconciliation.")),
            ),
        ],
    ),
    (  # "Item 5 - Title"; "RESOLVED <en dash> That ..." is one unlabelled clause
        "Minutes\nItem 5 - Welcome\nThe Chair welcomed everyone.\nItem 6 - Village Green\n"
        "RESOLVED \u2013 That the grass be cut monthly.\nItem 7 - Close\nThe meeting closed.\n",
        [
            item("5", "Welcome"),
            item("6", "Village Green", one("That the grass be cut monthly.")),
            item("7", "Close"),
        ],
    ),
    (  # markdown headings; inline "(a) That x; (b) That y" splits into two clauses
        "# Minutes\n## 7. Welcome\nHello.\n## 8. Budget\n"
        "RESOLVED: (a) That the budget be approved; (b) That the precept be set at £20,000.\n## 9. Close\nDone.\n",
        [
            item("7", "Welcome"),
            item(
                "8",
                "Budget",
                resolved(("a", "That the budget be approved;"), ("b", "That the precept be set at £20,000.")),
            ),
            item("9", "Close"),
        ],
    ),
    (  # "(i) UPPER TITLE" sub-items numbered under their parent
        "Minutes\n24. SCHOOL REPORTS\nIntroduction.\n(i) RIVERSIDE ACADEMY UPDATE\nThe head reported.\n"
        "(ii) BRIDGEWATER SCHOOL UPDATE\nThe governor reported.\n25. CLOSE\nDone.\n",
        [
            item("24", "SCHOOL REPORTS"),
            item("24 (i)", "RIVERSIDE ACADEMY UPDATE", parent="24"),
            item("24 (ii)", "BRIDGEWATER SCHOOL UPDATE", parent="24"),
            item("25", "CLOSE"),
        ],
    ),
    (  # numbered "1. That ..." clauses are clauses, not agenda items 1 and 2
        "Minutes\n3. HIGHWAYS\nThe clerk reported on potholes.\nRESOLVED:\n"
        "1. That the clerk writes to the county.\n2. That a survey be commissioned.\n"
        "4. ALLOTMENTS\nRents were reviewed.\n",
        [
            item(
                "3",
                "HIGHWAYS",
                resolved(("1", "That the clerk writes to the county."), ("2", "That a survey be commissioned.")),
            ),
            item("4", "ALLOTMENTS"),
        ],
    ),
    (  # numbered clauses that are not "That ..." sentences still do not restart the items
        "Minutes\n1. Welcome\nThe Chair welcomed members.\n2. Annual Accounts\nRESOLVED:\n"
        "1. Approve the accounts for 2023/24.\n2. Note the auditor's letter.\n"
        "3. Date of Next Meeting\nTuesday 4 June.\n",
        [
            item("1", "Welcome"),
            item(
                "2",
                "Annual Accounts",
                resolved(("1", "Approve the accounts for 2023/24."), ("2", "Note the auditor's letter.")),
            ),
            item("3", "Date of Next Meeting"),
        ],
    ),
    (  # "It was RESOLVED that"; "resolved"/"agreed" inside a sentence is no marker
        "Minutes\n5. FINANCE\nIt was RESOLVED that the payments be approved.\n"
        "6. PLANNING\nCouncillor Okafor noted the resolved issues with the agreed plan.\n7. CLOSE\nDone.\n",
        [
            item("5", "FINANCE", one("that the payments be approved.")),
            item("6", "PLANNING"),
            item("7", "CLOSE"),
        ],
    ),
    (  # the mover, seconder and result are not part of the resolution
        "Minutes\n4. ACCOUNTS\nRESOLVED:\nThat the accounts be approved.\nProposed: Councillor Okafor\n"
        "Seconded: Councillor Moss\nCarried unanimously\n5. CLOSE\nDone.\n",
        [item("4", "ACCOUNTS", one("That the accounts be approved.")), item("5", "CLOSE")],
    ),
    (  # a resolution giving its reasons as a list is one decision with its reasons
        "Minutes\n7. GRANTS\nRESOLVED: That the grant be awarded for the following reasons:\n"
        "(a) the group serves the whole parish;\n(b) the request is within budget.\n8. CLOSE\nDone.\n",
        [
            item(
                "7",
                "GRANTS",
                one(
                    "That the grant be awarded for the following reasons:\n"
                    "(a) the group serves the whole parish;\n(b) the request is within budget."
                ),
            ),
            item("8", "CLOSE"),
        ],
    ),
    (  # a minutes table exported as text: one row per item, rows split by lines holding only "|"
        "Minutes\nNo. | Item |\n|\nApologies. Minutes: Apologies were received from Councillor Okafor.\n|\n"
        "Budget Monitoring. Minutes: The report was considered.\nRESOLVED: That the report be noted.\n|\n"
        "Any Other Business. Minutes: None.\n|\n",
        [
            item(None, "Apologies"),
            item(None, "Budget Monitoring", one("That the report be noted.")),
            item(None, "Any Other Business"),
        ],
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_items_and_resolutions(snippet: str, expected: list[Item]) -> None:
    assert items_of(minutes_of(snippet)) == expected


class Roster(NamedTuple):
    heading: str
    lines: tuple[str, ...]


def roster(heading: str, *lines: str) -> Roster:
    return Roster(heading, lines)


ITEMS = "\n1. WELCOME\nThe Chair opened the meeting.\n2. CLOSE\nDone.\n"

ROSTER_CASES: list[tuple[str, list[Roster]]] = [
    (
        "Riverside Town Council\nMinutes of the Ordinary Meeting held on 4 May 2021\n\n"
        "PRESENT: Councillor A. Okafor (Chair), Councillor B. Lindqvist, Councillor C. Moss\n\n"
        "Apologies: Councillor D. Brightwell\n\nIn Attendance:\nMrs Jane Turnbull, Town Clerk\n" + ITEMS,
        [
            roster("present", "Councillor A. Okafor (Chair), Councillor B. Lindqvist, Councillor C. Moss"),
            roster("apologies", "Councillor D. Brightwell"),
            roster("inattendance", "Mrs Jane Turnbull, Town Clerk"),
        ],
    ),
    (
        "Minutes of the Allotments Committee held on 4 May 2021\nPresent:\nCouncillor Okafor (Chair)\n"
        "Councillor Lindqvist\nApologies for absence:\nCouncillor Moss\n" + ITEMS,
        [
            roster("present", "Councillor Okafor (Chair)", "Councillor Lindqvist"),
            roster("apologiesforabsence", "Councillor Moss"),
        ],
    ),
    (  # a prose sentence about apologies is no list heading; a line of asterisks ends the list
        "Minutes of the meeting held on 3 March 2020\n\nApologies were received from Councillor Okafor.\n\n"
        "Councillors present: Councillor Moss, Councillor Reyes\n* * *\nCouncillor Okafor was welcomed.\n" + ITEMS,
        [roster("councillorspresent", "Councillor Moss, Councillor Reyes")],
    ),
    (
        "Minutes of the meeting held on 3 March 2020\n\n"
        "Councillors present: Councillor Moss, Councillor Reyes\nCouncillor Okafor had sent her apologies.\n" + ITEMS,
        [roster("councillorspresent", "Councillor Moss, Councillor Reyes")],
    ),
    ("Minutes of the meeting held on 3 March 2020\n" + ITEMS, []),
]


@pytest.mark.parametrize(("snippet", "expected"), ROSTER_CASES)
def test_attendance_lists_before_the_first_item(snippet: str, expected: list[Roster]) -> None:
    minutes = minutes_of(snippet)
    text = minutes.document.folded
    found = [Roster(b.heading, tuple(line.span.text(text) for line in b.lines)) for b in minutes.rosters]
    assert found == expected
    assert [i.number for i in minutes.items] == ["1", "2"]
    header = minutes.header.text(text)
    assert "Minutes" in header
    assert "WELCOME" not in header
    if minutes.rosters:
        assert minutes.header.end <= minutes.rosters[0].heading_span.start
