"""Rule tests for `graph.identity`: slugs, name keys that make two spellings of one name equal, and IRIs
minted from key parts so the same input always gives the same IRI."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.identity import IriMinter, name_key, slug

BASE = "https://example.org/cg/"

SLUG_CASES: list[tuple[str, str]] = [
    ("Planning Committee", "planning-committee"),
    ("Children's Services", "childrens-services"),
    ("Health & Wellbeing Board", "health-and-wellbeing-board"),
    ("The Allotments Committee", "allotments-committee"),
    ("Caf\u00e9 \u00c9lan Trust", "cafe-elan-trust"),
    ("  HOLLERTON   Town--Council. ", "hollerton-town-council"),
    ("Item 24/25", "item-24-25"),
    ("Theatre Trust", "theatre-trust"),
    ("", "unnamed"),
    ("!!!", "unnamed"),
]


@pytest.mark.parametrize(("text", "expected"), SLUG_CASES)
def test_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


SAME_NAME_CASES: list[tuple[str, str]] = [
    ("Director for Adult Services", "Director of Adult Services"),
    ("the Director of Finance", "Director of Finance"),
    ("DIRECTOR OF FINANCE.", "director of finance"),
    ("Children's Services", "Childrens Services"),
    ("Health & Wellbeing Board", "Health and Wellbeing Board"),
    ("Cabinet Member for Housing", "Cabinet Member of Housing"),
    ("Borsetshire  County\nCouncil", "Borsetshire County Council"),
    ("Children\u2019s Services", "Children's Services"),
]


@pytest.mark.parametrize(("left", "right"), SAME_NAME_CASES)
def test_name_key_makes_spellings_equal(left: str, right: str) -> None:
    assert name_key(left) == name_key(right)


DIFFERENT_NAME_CASES: list[tuple[str, str]] = [
    ("Director of Finance", "Director of Housing"),
    ("Planning Committee", "Planning Sub-Committee"),
    ("Riverside Academy", "Riverside Academy Trust"),
    ("Deputy Leader", "Leader"),
    ("Okafor", "Okafor-Lindqvist"),
    ("Fortnightly Review Panel", "Ofnightly Review Panel"),
]


@pytest.mark.parametrize(("left", "right"), DIFFERENT_NAME_CASES)
def test_name_key_keeps_different_names_apart(left: str, right: str) -> None:
    assert name_key(left) != name_key(right)


def test_same_key_parts_give_the_same_iri() -> None:
    one, two = IriMinter(BASE), IriMinter(BASE)
    council = one.council("Hollerton Town Council")
    assert council == two.council("HOLLERTON TOWN COUNCIL") == BASE + "council/hollerton-town-council"
    assert one.body("hollerton-town-council", "Planning Committee") == two.body(
        "hollerton-town-council", "the Planning Committee"
    )
    assert one.post(council, "Director for Finance") == two.post(council, "Director of Finance")
    assert one.organisation("Riverside Academy") == two.organisation("Riverside  Academy")
    assert one.meeting(one.body("hollerton-town-council", "Planning Committee"), "2024-03-12").startswith(
        BASE + "meeting/"
    )


PERSON_CASES: list[tuple[tuple[str, str, str], str]] = [
    (("hollerton-town-council", "Okafor", "cllr"), BASE + "person/hollerton-town-council/okafor-cllr"),
    (("hollerton-town-council", "O'Brien", "j"), BASE + "person/hollerton-town-council/obrien-j"),
    (("hollerton-town-council", "van der Berg", ""), BASE + "person/hollerton-town-council/van-der-berg"),
    (("ambridge-parish-council", "Okafor", "cllr"), BASE + "person/ambridge-parish-council/okafor-cllr"),
]


@pytest.mark.parametrize(("parts", "expected"), PERSON_CASES)
def test_person_iri_from_council_family_and_qualifier(parts: tuple[str, str, str], expected: str) -> None:
    assert IriMinter(BASE).person(*parts) == expected


def test_people_of_two_councils_or_qualifiers_differ() -> None:
    minter = IriMinter(BASE)
    assert minter.person("hollerton-town-council", "Okafor", "cllr") != minter.person(
        "ambridge-parish-council", "Okafor", "cllr"
    )
    assert minter.person("hollerton-town-council", "Okafor", "j") != minter.person(
        "hollerton-town-council", "Okafor", "r"
    )


@given(st.text())
def test_slug_has_only_lower_case_ascii_words_and_hyphens(text: str) -> None:
    out = slug(text)
    assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", out)
    assert slug(out) == out


@given(st.text(), st.text())
def test_minted_iris_are_deterministic_and_stay_under_the_base(family: str, title: str) -> None:
    one, two = IriMinter(BASE), IriMinter(BASE)
    council = one.council("Hollerton Town Council")
    assert one.person("hollerton-town-council", family, "cllr") == two.person("hollerton-town-council", family, "cllr")
    assert one.post(council, title) == two.post(council, title)
    for iri in (one.person("hollerton-town-council", family, ""), one.post(council, title)):
        assert iri.startswith(BASE)
        assert re.fullmatch(r"[A-Za-z0-9:/._~%-]+", iri)
