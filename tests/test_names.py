"""Rule tests for `graph.extract.names`: honorifics, initials, compound surnames, and phrases that are not people."""

from __future__ import annotations

from typing import Any, NamedTuple

import pytest

from graph.extract.names import canonical_title, find_titled_people, person_at
from graph.models import PersonRef


class Name(NamedTuple):
    surface: str
    titles: tuple[str, ...]
    given: str | None
    initials: str
    family: str
    councillor: bool


def name(
    surface: str,
    family: str,
    *titles: str,
    given: str | None = None,
    initials: str = "",
    councillor: bool | None = None,
) -> Name:
    """A person as read; a councillor unless said otherwise when "Councillor" is among the titles."""
    is_councillor = "Councillor" in titles if councillor is None else councillor
    return Name(surface, titles, given, initials, family, is_councillor)


def bug(*case: object, reason: str) -> Any:
    """A case the code gets wrong today: kept in its table, marked as a known bug."""
    return pytest.param(*case, marks=pytest.mark.xfail(reason=reason, strict=True))


def as_name(ref: PersonRef) -> Name:
    return Name(ref.surface, ref.titles, ref.given, ref.initials, ref.family, ref.councillor)


def titled(text: str) -> list[Name]:
    return [as_name(p) for p in find_titled_people(text)]


CASES: list[tuple[str, list[Name]]] = [
    ("Councillor Dr Moss welcomed members.", [name("Councillor Dr Moss", "Moss", "Councillor", "Dr")]),
    ("Councillor Dr. Moss", [name("Councillor Dr. Moss", "Moss", "Councillor", "Dr")]),
    ("Cllr. J. Okafor", [name("Cllr. J. Okafor", "Okafor", "Councillor", initials="J")]),
    ("County Councillor Reeve", [name("County Councillor Reeve", "Reeve", "Councillor")]),
    # "CC" after the name marks a county councillor whatever the honorific.
    (
        "Mrs. H. J. Brightwell CC",
        [name("Mrs. H. J. Brightwell CC", "Brightwell", "Mrs", initials="HJ", councillor=True)],
    ),
    ("Mrs. Brightwell spoke", [name("Mrs. Brightwell", "Brightwell", "Mrs")]),
    ("Professor Ana Lindqvist", [name("Professor Ana Lindqvist", "Lindqvist", "Professor", given="Ana", initials="A")]),
    ("Sir Kenneth Abara MBE", [name("Sir Kenneth Abara MBE", "Abara", "Sir", given="Kenneth", initials="K")]),
    (
        "Revd Canon Alice Thorne",
        [name("Revd Canon Alice Thorne", "Thorne", "Reverend", "Canon", given="Alice", initials="A")],
    ),
    # compound, hyphenated, apostrophe and particle surnames
    ("Councillor Singh Dhillon", [name("Councillor Singh Dhillon", "Singh Dhillon", "Councillor")]),
    (
        "Councillor Harjit Singh Dhillon",
        [name("Councillor Harjit Singh Dhillon", "Singh Dhillon", "Councillor", given="Harjit", initials="H")],
    ),
    ("Councillor Okafor-Lindqvist", [name("Councillor Okafor-Lindqvist", "Okafor-Lindqvist", "Councillor")]),
    ("Mr O'Brien asked", [name("Mr O'Brien", "O'Brien", "Mr")]),
    ("Councillor St John", [name("Councillor St John", "St John", "Councillor")]),
    (
        "Cllr Pieter van der Berg",
        [name("Cllr Pieter van der Berg", "van der Berg", "Councillor", given="Pieter", initials="P")],
    ),
    (
        "Cllr van der Berg proposed the motion.",
        [name("Cllr van der Berg", "van der Berg", "Councillor")],
    ),
    # a month after an honorific is a surname; a month as a given name is a given name
    ("Councillor May", [name("Councillor May", "May", "Councillor")]),
    ("Councillor March declared an interest", [name("Councillor March", "March", "Councillor")]),
    ("Councillor June Okafor", [name("Councillor June Okafor", "Okafor", "Councillor", given="June", initials="J")]),
    # shouted surnames read in title case; what follows a name is not part of it
    ("Councillor OKAFOR", [name("Councillor OKAFOR", "Okafor", "Councillor")]),
    ("Councillor Jones (Chair)", [name("Councillor Jones", "Jones", "Councillor")]),
    ("Mrs Turnbull Town Clerk", [name("Mrs Turnbull", "Turnbull", "Mrs")]),
    (
        "Councillors Moss and Okafor, with Mr Reyes",
        [name("Councillors Moss", "Moss", "Councillor"), name("Mr Reyes", "Reyes", "Mr")],
    ),
    (
        "Councillor A.B. Jones",
        [name("Councillor A.B. Jones", "Jones", "Councillor", initials="AB")],
    ),
    (
        "Members thanked Dr Okafor's team.",
        [name("Dr Okafor", "Okafor", "Dr")],
    ),
    # things that are not people
    ("the Director of Finance reported", []),
    ("the Councillor Services Team", []),
    (
        "a grant to the Alderman Smith Charity Trust",
        [],
    ),
    (
        "the Councillor Code of Conduct",
        [],
    ),
]


@pytest.mark.parametrize(("snippet", "expected"), CASES)
def test_titled_people(snippet: str, expected: list[Name]) -> None:
    found = titled(snippet)
    assert found == expected
    for ref in find_titled_people(snippet):
        assert snippet[ref.span.start : ref.span.end] == ref.surface


PLAIN_CASES: list[tuple[str, Name | None]] = [
    ("Mary Ellis-Hartley", name("Mary Ellis-Hartley", "Ellis-Hartley", given="Mary", initials="M")),
    ("Tom Reyes, Town Clerk", name("Tom Reyes", "Reyes", given="Tom", initials="T")),
    ("Ana de la Cruz", name("Ana de la Cruz", "de la Cruz", given="Ana", initials="A")),
    ("  Councillor Moss (Chair)", name("Councillor Moss", "Moss", "Councillor")),
    ("Riverside Academy", None),
    ("Planning Committee", None),
    ("Tom Reyes Riverside Academy", None),
    ("Reyes", None),
    (", ;", None),
]


@pytest.mark.parametrize(("snippet", "expected"), PLAIN_CASES)
def test_person_in_a_list_cell(snippet: str, expected: Name | None) -> None:
    ref = person_at(snippet, 0, len(snippet))
    assert (as_name(ref) if ref else None) == expected
    if ref is not None:
        assert snippet[ref.span.start : ref.span.end] == ref.surface


TITLE_CASES: list[tuple[str, str]] = [
    ("Cllr.", "Councillor"),
    ("Councillors", "Councillor"),
    ("City Councillor", "Councillor"),
    ("Revd", "Reverend"),
    ("Prof", "Professor"),
    ("Mrs.", "Mrs"),
    ("Councilwoman", "Council Member"),
    ("Archdeacon", "Archdeacon"),
]


@pytest.mark.parametrize(("raw", "expected"), TITLE_CASES)
def test_canonical_title(raw: str, expected: str) -> None:
    assert canonical_title(raw) == expected
