"""Rule tests for `graph.extract.interests`: who declared, what kind of interest, in which organisation,
for which item, and whether they withdrew. Snippets are invented "Declarations of Interest" minutes."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from graph.extract.interests import read_declarations
from graph.models import InterestKind, OrgKind
from graph.read import read_bytes
from graph.segment import segment

DPI = InterestKind.DISCLOSABLE_PECUNIARY
REGISTRABLE = InterestKind.OTHER_REGISTRABLE
PERSONAL = InterestKind.PERSONAL
PREJUDICIAL = InterestKind.PREJUDICIAL
OTHER = InterestKind.OTHER

GRANTS = "The committee considered applications for grants to local groups."


class Declared(NamedTuple):
    family: str
    kind: InterestKind | None
    item: str | None
    withdrew: bool
    subjects: tuple[tuple[str, OrgKind], ...]


def declared(
    family: str,
    kind: InterestKind | None = None,
    item: str | None = None,
    withdrew: bool = False,
    *subjects: tuple[str, OrgKind],
) -> Declared:
    return Declared(family, kind, item, withdrew, subjects)


def org(name: str, kind: OrgKind = OrgKind.ORGANISATION) -> tuple[str, OrgKind]:
    return (name, kind)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def declarations_of(declarations: str, grants: str = GRANTS) -> list[Declared]:
    """Read the declarations of minutes whose item 2 is the declarations and item 3 the grants it may concern."""
    text = (
        "Minutes of the Finance Committee held on 2 April 2024\n\n1. APOLOGIES\nNone.\n"
        f"2. DECLARATIONS OF INTEREST\n{declarations}\n3. GRANTS TO LOCAL GROUPS\n{grants}\n4. CLOSE\nDone.\n"
    )
    minutes = segment(read_bytes(text.encode(), "snippet.txt"))
    facts = read_declarations(minutes)
    for fact in facts:
        evidence = fact.evidence.text(minutes.document.folded)
        assert fact.declarant.surface in evidence
        if fact.item_index is not None:
            assert minutes.items[fact.item_index].number == fact.item_number
    return [
        Declared(f.declarant.family, f.kind, f.item_number, f.withdrew, tuple((o.name, o.kind) for o in f.subjects))
        for f in facts
    ]


CASES: list[tuple[str, list[Declared]]] = [
    (
        "Councillor Okafor declared a disclosable pecuniary interest in item 3 as a trustee of the Ambridge "
        "Village Hall Trust and left the room.",
        [declared("Okafor", DPI, "3", True, org("Ambridge Village Hall Trust"))],
    ),
    (
        "Councillor Moss declared a personal interest in item 3 as a governor of Riverside Academy.",
        [declared("Moss", PERSONAL, "3", False, org("Riverside Academy", OrgKind.SCHOOL))],
    ),
    (
        "Councillor Moss declared a prejudicial interest in item 3 and took no part in the discussion or vote.",
        [declared("Moss", PREJUDICIAL, "3", True)],
    ),
    (
        "Councillor Lindqvist declared an other registrable interest as a member of Unison.",
        [declared("Lindqvist", REGISTRABLE, None, False, org("Unison", OrgKind.TRADE_UNION))],
    ),
    ("Councillor Moss declared a registerable interest in item 3.", [declared("Moss", REGISTRABLE, "3")]),
    (
        "Councillor Abara declared a non-pecuniary interest in item 3 as an employee of Grundy Farms Ltd.",
        [declared("Abara", OTHER, "3", False, org("Grundy Farms Ltd", OrgKind.COMPANY))],
    ),
    ("Mr Tom Reyes declared a pecuniary interest in item 3.", [declared("Reyes", DPI, "3")]),
    (  # the withdrawal is told in the next sentence
        "Councillor Abara declared an interest in item 3. He left the room during the discussion.",
        [declared("Abara", None, "3", True)],
    ),
    (
        "Councillor Okafor declared a personal interest in item 3 and remained in the room.",
        [declared("Okafor", PERSONAL, "3", False)],
    ),
    (  # two roles in two organisations are two interests
        "Councillor Reyes declared a personal interest as chair of the Felpersham Foundation and a member of "
        "the Borsetshire Wildlife Trust.",
        [
            declared("Reyes", PERSONAL, None, False, org("Felpersham Foundation", OrgKind.CHARITY)),
            declared("Reyes", PERSONAL, None, False, org("Borsetshire Wildlife Trust")),
        ],
    ),
    (  # a list line under a lead-in sentence
        "The following declarations were made:\nCouncillor Okafor - Item 3 - a personal interest as a governor of "
        "Riverside Academy.",
        [declared("Okafor", PERSONAL, "3", False, org("Riverside Academy", OrgKind.SCHOOL))],
    ),
    ("No declarations of interest were made.", []),
    ("There were no declarations of interest.", []),
    (
        "Councillor Okafor - Item 3 - a personal interest as a governor of Riverside Academy.",
        [declared("Okafor", PERSONAL, "3", False, org("Riverside Academy", OrgKind.SCHOOL))],
    ),
    (
        "Councillor Moss declared a personal interest in item 3 as a governor of Riverside Academy but was not "
        "required to leave the room.",
        [declared("Moss", PERSONAL, "3", False, org("Riverside Academy", OrgKind.SCHOOL))],
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_declarations(snippet: str, expected: list[Declared]) -> None:
    assert declarations_of(snippet) == expected


IN_ITEM_CASES: list[tuple[str, str, list[Declared]]] = [
    (  # the item the interest concerns says the declarant left
        "Councillor Okafor declared a pecuniary interest in item 3.",
        "Councillor Okafor left the room for this item.",
        [declared("Okafor", DPI, "3", True)],
    ),
    (  # someone else leaving is not the declarant withdrawing
        "Councillor Okafor declared a pecuniary interest in item 3.",
        "Councillor Moss left the room for this item.",
        [declared("Okafor", DPI, "3", False)],
    ),
    (  # a declaration made inside the item it concerns
        "None.",
        "Councillor Okafor declared that she is a trustee of the Hollerton Food Bank Charity.",
        [declared("Okafor", None, None, False, org("Hollerton Food Bank Charity", OrgKind.CHARITY))],
    ),
    ("None.", "Councillor Okafor declared the item open for debate.", []),
]


@pytest.mark.parametrize(("declarations", "grants", "expected"), IN_ITEM_CASES)
def test_declarations_and_the_item_they_concern(declarations: str, grants: str, expected: list[Declared]) -> None:
    assert declarations_of(declarations, grants) == expected
